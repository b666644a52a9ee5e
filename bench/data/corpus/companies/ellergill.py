"""(eh) Ellergill Mutual, a small insurer's broker portal: an ASP.NET MVC 5 app on .NET
Framework 4.8 under IIS (``broker-portal``: quotes, policies, claims, documents; Entity
Framework 6 over SQL Server, a WCF client to the rating engine) and a Quartz.NET Windows
service (``renewals``: renewal runs, bordereaux exports).

Sentry: Sentry.AspNet (``csharp``, Framework runtime). Splunk: NLog's file target with the
default layout plus ``${exception:format=tostring}`` (``logs45.eh-nlog-mvc``), read by the
universal forwarder on the IIS boxes. Datadog: log monitors over the same files (the team's
``custom`` template) and APM on the MVC app through the .NET Framework tracer. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import cs

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.dotnet.aspnet", "4.12.1", "nuget:Sentry.AspNet")
SERVICES = {
    "broker-portal": Service("broker-portal", "csharp", "eh-nlog-mvc", "ellergill:nlog", "D:\\Logs\\BrokerPortal\\portal.log", "ellergill_web", 4510021, ".NET Framework 4.8.9261.0", framework="aspnet", sdk=SDK),
    "renewals": Service("renewals", "csharp", "eh-nlog-mvc", "ellergill:nlog", "D:\\Logs\\Renewals\\renewals.log", "ellergill_web", 4510024, ".NET Framework 4.8.9261.0", framework="quartz", sdk=("sentry.dotnet", "4.12.1", "nuget:Sentry")),
}

SRC = "C:\\agent\\_work\\7\\s\\src\\"
# MVC 5's synchronous action pipeline as the Framework prints it.
MVC = (
    cs("System.Web.HttpApplication+CallHandlerExecutionStep", "System.Web.HttpApplication.IExecutionStep.Execute", "()", lib=True),
    cs("System.Web.Mvc.Async.AsyncControllerActionInvoker+<>c__DisplayClass11_0", "<InvokeActionMethodFilterAsynchronouslyRecursive>b__0", "()", lib=True),
    cs("System.Web.Mvc.Async.AsyncControllerActionInvoker", "EndInvokeActionMethod", "(IAsyncResult asyncResult)", lib=True),
    cs("System.Web.Mvc.Async.AsyncControllerActionInvoker+<>c", "<BeginInvokeSynchronousActionMethod>b__9_0", "(IAsyncResult asyncResult, ActionInvocation innerInvokeState)", lib=True),
    cs("System.Web.Mvc.ControllerActionInvoker", "InvokeActionMethod", "(ControllerContext controllerContext, ActionDescriptor actionDescriptor, IDictionary`2 parameters)", lib=True),
    cs("System.Web.Mvc.ActionMethodDispatcher", "Execute", "(ControllerBase controller, Object[] parameters)", lib=True),
    Frame("lambda_method", "", 0, "", False, args="(Closure , ControllerBase , Object[] )"),
)
QUARTZ = (
    cs("Quartz.Core.JobRunShell+<Run>d__9", "MoveNext", "()", lib=True),
)
EF_SAVE = (
    cs("System.Data.Entity.DbContext", "SaveChanges", "()", lib=True),
    cs("System.Data.Entity.Internal.InternalContext", "SaveChanges", "()", lib=True),
)
EF_UPDATE = (
    cs("System.Data.Entity.Core.Mapping.Update.Internal.UpdateTranslator", "Update", "()", lib=True),
    cs("System.Data.Entity.Core.Mapping.Update.Internal.DynamicUpdateCommand", "Execute", "(Dictionary`2 identifierValues, List`1 generatedValues)", lib=True),
    cs("System.Data.SqlClient.SqlCommand", "ExecuteReader", "(CommandBehavior behavior)", lib=True),
    cs("System.Data.SqlClient.SqlConnection", "OnError", "(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)", lib=True),
)
EF_WRAP = "An error occurred while updating the entries. See the inner exception for details."
APP_ERR = dict(log="Unhandled exception in Application_Error", logger="Ellergill.Web.MvcApplication")
JOB_ERR = dict(log="Job {ref} threw an unhandled exception", logger="Ellergill.Renewals.Jobs.JobListener")
LOGMON = dict(team="portal", monitor="[portal] NLog errors", filter="service:broker-portal status:error", style="sample")
LOGKIND = dict(team="portal", monitor="[portal] error kinds", filter="service:broker-portal status:error", style="kind")
APM = dict(team="portal", monitor="[portal] error spans on aspnet.request", style="type")
RENEW_MON = dict(team="renewals", monitor="[renewals] job failures", filter="service:renewals status:error", style="sample")


def web(ctrl: str, action: str, args: str, line: int, *more: Frame) -> tuple[Frame, ...]:
    return (*MVC, cs(f"Ellergill.Web.Controllers.{ctrl}", action, args, f"{SRC}Ellergill.Web\\Controllers\\{ctrl}.cs", line), *more)


def svc(type_: str, method: str, args: str, file: str, line: int) -> Frame:
    return cs(f"Ellergill.{type_}", method, args, f"{SRC}{file}", line)


def job(name: str, line: int, *more: Frame) -> tuple[Frame, ...]:
    return (*QUARTZ, cs(f"Ellergill.Renewals.Jobs.{name}", "Execute", "(IJobExecutionContext context)", f"{SRC}Ellergill.Renewals\\Jobs\\{name}.cs", line), *more)


def sql_unique(index: str, table: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    msg = f"Cannot insert duplicate key row in object 'dbo.{table}' with unique index '{index}'. The duplicate key value is ({{id}}).\r\nThe statement has been terminated."
    return (
        Exc("SqlException", msg, EF_UPDATE, module="System.Data.SqlClient"),
        Exc("UpdateException", EF_WRAP, (cs("System.Data.Entity.Core.Mapping.Update.Internal.UpdatePipeline", "Execute", "()", lib=True),), module="System.Data.Entity.Core"),
        Exc("DbUpdateException", EF_WRAP, (*frames, *EF_SAVE), module="System.Data.Entity.Infrastructure"),
    )


NRE = "Object reference not set to an instance of an object."
BUGS = [
    # The same NullReferenceException in two controllers (quote summary and policy summary).
    Bug("eh-quote-summary-nre", "broker-portal", (Exc("NullReferenceException", NRE, web("QuoteController", "Summary", "(Int32 id)", 88, svc("Web.ViewModels.QuoteSummaryBuilder", "Build", "(Quote quote)", "Ellergill.Web\\ViewModels\\QuoteSummaryBuilder.cs", 41)), module="System"),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("splunk", 2, search="portal - errors"), see("datadog.log", **LOGMON)),
        classes=(4, 5), pair="eh-policy-summary-nre", entry="GET /Quote/Summary/{id}", span=2, **APP_ERR),
    Bug("eh-policy-summary-nre", "broker-portal", (Exc("NullReferenceException", NRE, web("PolicyController", "Summary", "(String policyNumber)", 112, svc("Web.ViewModels.PolicySummaryBuilder", "Build", "(Policy policy)", "Ellergill.Web\\ViewModels\\PolicySummaryBuilder.cs", 57)), module="System"),),
        (see("sentry.error", 2), see("splunk", 2, search="portal - errors"), see("datadog.apm", **APM), see("sentry.issue")),
        classes=(4,), pair="eh-quote-summary-nre", entry="GET /Policy/Summary/{id}", **APP_ERR),
    # EF6 unique index violations on two tables behind the same SaveChanges wrapper.
    Bug("eh-broker-unique", "broker-portal", sql_unique("IX_Brokers_FcaReference", "Brokers", web("BrokerController", "Register", "(RegisterBrokerModel model)", 64, svc("Data.Repositories.BrokerRepository", "Add", "(Broker broker)", "Ellergill.Data\\Repositories\\BrokerRepository.cs", 29))),
        (see("sentry.error", 2), see("splunk", 3, search="portal - errors"), see("datadog.log", **LOGKIND)),
        classes=(4, 1), pair="eh-claim-unique", entry="POST /Broker/Register", **APP_ERR),
    Bug("eh-claim-unique", "broker-portal", sql_unique("IX_Claims_PolicyId_LossDate", "Claims", web("ClaimController", "Submit", "(ClaimFormModel model)", 97, svc("Data.Repositories.ClaimRepository", "Add", "(Claim claim)", "Ellergill.Data\\Repositories\\ClaimRepository.cs", 33))),
        (see("sentry.error", 2), see("splunk", 2, search="portal - errors"), see("datadog.log", **LOGKIND), see("sentry.alert", rule="broker-portal: new issue")),
        classes=(4,), pair="eh-broker-unique", entry="POST /Claim/Submit", **APP_ERR),
    # The WCF rating client: a timeout and a fault from the same proxy method.
    Bug("eh-rating-timeout", "broker-portal", (Exc("TimeoutException", "The request channel timed out while waiting for a reply after 00:00:59.9843750. Increase the timeout value passed to the call to Request or increase the SendTimeout value on the Binding. The time allotted to this operation may have been a portion of a longer timeout.", (*web("QuoteController", "Price", "(QuoteRequestModel model)", 133), svc("Rating.RatingEngineClient", "GetPremium", "(RatingRequest request)", "Ellergill.Rating\\RatingEngineClient.cs", 52), cs("System.ServiceModel.Channels.ServiceChannel", "Call", "(String action, Boolean oneway, ProxyOperationRuntime operation, Object[] ins, Object[] outs, TimeSpan timeout)", lib=True)), module="System"),),
        (see("sentry.error", 3), see("splunk", 2, search="portal - errors"), see("datadog.apm", **APM), see("datadog.log", **LOGMON)),
        classes=(9,), pair="eh-rating-fault", entry="POST /Quote/Price", span=2, **APP_ERR),
    Bug("eh-rating-fault", "broker-portal", (Exc("FaultException", "Postcode {ref} is outside the rating territory.", (*web("QuoteController", "Price", "(QuoteRequestModel model)", 133), svc("Rating.RatingEngineClient", "GetPremium", "(RatingRequest request)", "Ellergill.Rating\\RatingEngineClient.cs", 52), cs("System.Runtime.Remoting.Proxies.RealProxy", "HandleReturnMessage", "(IMessage reqMsg, IMessage retMsg)", lib=True)), module="System.ServiceModel"),),
        (see("sentry.error", 2), see("splunk", 3, search="portal - errors"), see("sentry.issue")),
        classes=(9,), pair="eh-rating-timeout", entry="POST /Quote/Price", **APP_ERR),
    # A FormatException in a date parse, with the controller renamed in a later release.
    Bug("eh-claim-date-format", "broker-portal", (Exc("FormatException", "String was not recognized as a valid DateTime.", (*web("ClaimController", "LossDetails", "(String lossDate)", 58, svc("Web.Helpers.UkDate", "Parse", "(String text)", "Ellergill.Web\\Helpers\\UkDate.cs", 17)), cs("System.DateTime", "ParseExact", "(String s, String format, IFormatProvider provider)", lib=True)), module="System"),),
        (see("sentry.error", 3), see("splunk", 3, search="portal - errors"), see("datadog.log", **LOGKIND)),
        classes=(5,), span=3, renames={"LossDetails": "LossDetailsPost"}, entry="POST /Claim/LossDetails", **APP_ERR),
    # An InvalidOperationException from LINQ's Single() in two different services.
    Bug("eh-doc-template-single", "broker-portal", (Exc("InvalidOperationException", "Sequence contains more than one matching element", (*web("DocumentController", "Schedule", "(Int32 policyId)", 45, svc("Documents.TemplateResolver", "ForProduct", "(String productCode)", "Ellergill.Documents\\TemplateResolver.cs", 26)), cs("System.Linq.Enumerable", "Single", "(IEnumerable`1 source, Func`2 predicate)", lib=True)), module="System"),),
        (see("sentry.error", 2), see("splunk", 2, search="portal - errors"), see("datadog.log", **LOGMON)),
        classes=(4,), pair="eh-renewal-rate-single", entry="GET /Document/Schedule/{id}", **APP_ERR),
    Bug("eh-renewal-rate-single", "renewals", (Exc("InvalidOperationException", "Sequence contains more than one matching element", job("RenewalRunJob", 71, svc("Renewals.RateCardLookup", "CurrentRate", "(Int32 schemeId, DateTime effective)", "Ellergill.Renewals\\RateCardLookup.cs", 38), cs("System.Linq.Enumerable", "Single", "(IEnumerable`1 source, Func`2 predicate)", lib=True)), module="System"),),
        (see("sentry.error", 2), see("splunk", 2, search="renewals - failures"), see("datadog.log", **RENEW_MON)),
        classes=(4,), pair="eh-doc-template-single", entry="RenewalRunJob", log="Job renewals.RenewalRunJob threw an unhandled exception", logger="Ellergill.Renewals.Jobs.JobListener"),
    # The bordereaux export: disk full on the share, and a path too long (same job, different exception).
    Bug("eh-bordereau-disk", "renewals", (Exc("IOException", "There is not enough space on the disk.\r\n", job("BordereauExportJob", 54, svc("Renewals.Export.CsvWriter", "Flush", "()", "Ellergill.Renewals\\Export\\CsvWriter.cs", 88), cs("System.IO.__Error", "WinIOError", "(Int32 errorCode, String maybeFullPath)", lib=True)), module="System.IO"),),
        (see("sentry.error", 2), see("splunk", 2, search="renewals - failures"), see("datadog.log", 2, **RENEW_MON)),
        pair="eh-bordereau-path", entry="BordereauExportJob", log="Job exports.BordereauExportJob threw an unhandled exception", logger="Ellergill.Renewals.Jobs.JobListener"),
    Bug("eh-bordereau-path", "renewals", (Exc("PathTooLongException", "The specified path, file name, or both are too long. The fully qualified file name must be less than 260 characters, and the directory name must be less than 248 characters.", job("BordereauExportJob", 49, svc("Renewals.Export.ExportPaths", "ForScheme", "(Scheme scheme, DateTime month)", "Ellergill.Renewals\\Export\\ExportPaths.cs", 22), cs("System.IO.Path", "GetFullPath", "(String path)", lib=True)), module="System.IO"),),
        (see("sentry.error", 2), see("splunk", 2, search="renewals - failures"), see("sentry.issue")),
        pair="eh-bordereau-disk", entry="BordereauExportJob", log="Job exports.BordereauExportJob threw an unhandled exception", logger="Ellergill.Renewals.Jobs.JobListener"),
    # Session state gone after an app-pool recycle: an InvalidCastException from the session bag.
    Bug("eh-session-cast", "broker-portal", (Exc("InvalidCastException", "Unable to cast object of type 'System.String' to type 'Ellergill.Web.Models.QuoteDraft'.", web("QuoteController", "Continue", "()", 151, svc("Web.Session.SessionStore", "Get", "(String key)", "Ellergill.Web\\Session\\SessionStore.cs", 19)), module="System"),),
        (see("sentry.error", 2), see("splunk", 2, search="portal - errors"), see("datadog.apm", **APM)),
        classes=(8,), entry="GET /Quote/Continue", **APP_ERR),
    # A view error: Razor's compiled page throwing from a partial, as HttpCompileException's outer wrap.
    Bug("eh-view-missing-partial", "broker-portal", (Exc("InvalidOperationException", "The partial view '_CoverNotes' was not found or no view engine supports the searched locations. The following locations were searched:\r\n~/Views/Policy/_CoverNotes.cshtml\r\n~/Views/Shared/_CoverNotes.cshtml", (*web("PolicyController", "Details", "(String policyNumber)", 76), cs("System.Web.Mvc.HtmlHelper", "FindPartialView", "(ViewContext viewContext, String partialViewName, ViewEngineCollection viewEngineCollection)", lib=True)), module="System"),),
        (see("sentry.error", 2), see("splunk", 2, search="portal - errors")),
        entry="GET /Policy/Details/{id}", **APP_ERR),
    # A singleton: the anti-forgery token failing once.
    Bug("eh-antiforgery", "broker-portal", (Exc("HttpAntiForgeryException", "The provided anti-forgery token was meant for a different claims-based user than the current user.", (*web("AccountController", "ChangePassword", "(ChangePasswordModel model)", 102), cs("System.Web.Helpers.AntiXsrf.TokenValidator", "ValidateTokens", "(HttpContextBase httpContext, IIdentity identity, AntiForgeryToken sessionToken, AntiForgeryToken fieldToken)", lib=True)), module="System.Web.Mvc"),),
        (see("sentry.error"),),
        singleton=True, entry="POST /Account/ChangePassword", **APP_ERR),
    # SQL Server picking the renewal run as a deadlock victim: EF6's EntityCommandExecutionException.
    Bug("eh-renewal-deadlock", "renewals", (Exc("SqlException", "Transaction (Process ID {n}) was deadlocked on lock resources with another process and has been chosen as the deadlock victim. Rerun the transaction.", (cs("System.Data.SqlClient.SqlDataReader", "TryHasMoreRows", "(Boolean& moreRows)", lib=True), cs("System.Data.SqlClient.SqlConnection", "OnError", "(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)", lib=True)), module="System.Data.SqlClient"), Exc("EntityCommandExecutionException", "An error occurred while executing the command definition. See the inner exception for details.", job("RenewalRunJob", 84, svc("Renewals.PolicyQueries", "DueForRenewal", "(DateTime asOf)", "Ellergill.Renewals\\PolicyQueries.cs", 31), cs("System.Data.Entity.Core.EntityClient.Internal.EntityCommandDefinition", "ExecuteStoreCommands", "(EntityCommand entityCommand, CommandBehavior behavior)", lib=True)), module="System.Data.Entity.Core")),
        (see("sentry.error", 3), see("splunk", 3, search="renewals - failures"), see("datadog.log", 2, **RENEW_MON)),
        classes=(1,), entry="RenewalRunJob", log="Job renewals.RenewalRunJob threw an unhandled exception", logger="Ellergill.Renewals.Jobs.JobListener"),
    # Slow requests logged by an action filter: template lines with durations.
    Bug("eh-slow-actions", "broker-portal", (),
        (see("splunk", 3, search="portal - slow actions", line="{tsnaive}|WARN|Ellergill.Web.Filters.TimingFilter|Slow action Quote/Price took {ms} ms (user {email})"), see("datadog.log", 2, team="portal", monitor="[portal] slow actions", filter="service:broker-portal @logger:Ellergill.Web.Filters.TimingFilter", text="Slow action Quote/Price took {ms} ms")),
        classes=(7,)),
]

NOISE = [
    Noise("eh-noise-apppool", "broker-portal", "splunk", {"search": "portal - errors", "line": "{tsnaive}|INFO|Ellergill.Web.MvcApplication|Application_Start: BrokerPortal 6.14.2 starting on WEB02 (app pool recycled)"}),
    Noise("eh-noise-deploy", "broker-portal", "datadog.event", {"monitor": "Octopus deployed broker-portal 6.14.2", "text": "Octopus Deploy released broker-portal 6.14.2 to Production (WEB01, WEB02).", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
]

ELLERGILL = Company(
    key="eh",
    name="Ellergill Mutual",
    domain="ellergill.example",
    sentry_org="ellergill",
    splunk_url="https://ellergill.splunkcloud.com",
    splunk_guid="8E2A4C1F-3B7D-4E90-A5C6-1D2F3E4A5B6C",
    datadog_org=("771452", "Ellergill Mutual"),
    datadog_template="custom",
    posthog_project=(0, ""),
    releases=("6.13.0", "6.14.0", "6.14.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="ellergill-sentry-client-secret",
)
# fmt: on
