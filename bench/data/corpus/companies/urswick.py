"""(mz) Urswick Borough Council's resident services: .NET Framework 4.8 on Windows Server 2019
IIS: ``ctax-portal`` (ASP.NET MVC 5, Entity Framework 6 over SQL Server: council tax accounts,
direct debits, bills as PDF) and ``benefits-svc`` (a WCF service the portal and the back
office call: housing benefit claims, evidence, changes of circumstances).

Logs: log4net's ``RollingFileAppender`` (``%date [%thread] %-5level %logger [%property{NDC}] -
%message%newline%exception``, CRLF) read by the Splunk Universal Forwarder's file monitor and the
Datadog Agent (multi-line rule; a log monitor pasting ``{{log.message}}``); ASP.NET health
monitoring's Application event 1309 (``Event code: 3005``) read by the forwarder's
``WinEventLog://Application`` input and the Agent's Windows Event Log integration (one monitor
over every unhandled exception). Sentry: Sentry.AspNet 4 in the portal, the legacy SharpRaven
client in the WCF service. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Seen, Service, see
from ..stacks import cs

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "ctax-portal": Service("ctax-portal", "csharp", "mz-log4net", "log4net", "D:\\Logs\\ctax-portal\\portal.log", "urswick_web", 12020021, ".NET Framework 4.8.4718.0", framework="aspnet", sdk=("sentry.dotnet.aspnet", "4.12.1", "nuget:Sentry.AspNet")),
    "benefits-svc": Service("benefits-svc", "csharp", "mz-log4net", "log4net", "D:\\Logs\\benefits-svc\\benefits.log", "urswick_web", 12020022, ".NET Framework 4.8.4718.0", framework="wcf", sdk=("raven-csharp", "2.4.0", "nuget:SharpRaven")),
}
SRC = "D:\\a\\1\\s\\src\\"

MVC = (
    cs("System.Web.Mvc.Async.AsyncControllerActionInvoker+<>c", "<BeginInvokeSynchronousActionMethod>b__9_0", "(IAsyncResult asyncResult, ActionInvocation innerInvokeState)", lib=True),
    cs("System.Web.Mvc.ControllerActionInvoker", "InvokeActionMethod", "(ControllerContext controllerContext, ActionDescriptor actionDescriptor, IDictionary`2 parameters)", lib=True),
    cs("System.Web.Mvc.ReflectedActionDescriptor", "Execute", "(ControllerContext controllerContext, IDictionary`2 parameters)", lib=True),
    cs("System.Web.Mvc.ActionMethodDispatcher", "Execute", "(ControllerBase controller, Object[] parameters)", lib=True),
)
WCF = (
    cs("System.ServiceModel.Dispatcher.DispatchOperationRuntime", "InvokeBegin", "(MessageRpc& rpc)", lib=True),
    cs("System.ServiceModel.Dispatcher.SyncMethodInvoker", "Invoke", "(Object instance, Object[] inputs, Object[]& outputs)", lib=True),
)
EF_SAVE = (
    cs("System.Data.Entity.DbContext", "SaveChanges", "()", lib=True),
    cs("System.Data.Entity.Internal.InternalContext", "SaveChanges", "()", lib=True),
)
SQL = (
    cs("System.Data.SqlClient.SqlCommand", "ExecuteNonQuery", "()", lib=True),
    cs("System.Data.SqlClient.SqlConnection", "OnError", "(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)", lib=True),
)
EF_VALIDATE = (
    cs("System.Data.Entity.Internal.InternalContext", "SaveChanges", "()", lib=True),
    cs("System.Data.Entity.Internal.InternalContext", "GetValidationErrors", "()", lib=True),
)
WCF_CLIENT = (
    cs("System.Runtime.Remoting.Proxies.RealProxy", "PrivateInvoke", "(MessageData& msgData, Int32 type)", lib=True),
    cs("System.ServiceModel.Channels.ServiceChannelProxy", "Invoke", "(IMessage message)", lib=True),
    cs("System.ServiceModel.Channels.ServiceChannel", "Call", "(String action, Boolean oneway, ProxyOperationRuntime operation, Object[] ins, Object[] outs, TimeSpan timeout)", lib=True),
    cs("System.ServiceModel.Channels.RequestChannel", "Request", "(Message message, TimeSpan timeout)", lib=True),
    cs("System.ServiceModel.Channels.HttpChannelFactory`1+HttpRequestChannel+HttpChannelRequest", "WaitForReply", "(TimeSpan timeout)", lib=True),
)


def p(type_: str, method: str, args: str, file: str, line: int) -> Frame:
    return cs("Urswick.Portal." + type_, method, args, SRC + "Urswick.Portal\\" + file, line)


def b(type_: str, method: str, args: str, file: str, line: int) -> Frame:
    return cs("Urswick.Benefits." + type_, method, args, SRC + "Urswick.Benefits\\" + file, line)


def mvc(*frames: Frame) -> tuple[Frame, ...]:
    return (*MVC, *frames)


def wcf(*frames: Frame) -> tuple[Frame, ...]:
    return (*WCF, *frames)


NRE = "Object reference not set to an instance of an object."
DEADLOCK = "Transaction (Process ID {n}) was deadlocked on lock resources with another process and has been chosen as the deadlock victim. Rerun the transaction."
EF_INVALID = "Validation failed for one or more entities. See 'EntityValidationErrors' property for more details."
WCF_TIMEOUT = "The request channel timed out while waiting for a reply after 00:00:59.98{millis}. Increase the timeout value passed to the call to Request or increase the SendTimeout value on the Binding. The time allotted to this operation may have been a portion of a longer timeout."
LOG4NET = dict(search="Urswick - log4net ERROR records", owner="ubc_webops", app="urswick_iis")
EVT = dict(search="Urswick - ASP.NET unhandled exceptions (1309)", owner="ubc_webops", app="urswick_iis", format="mz-wineventlog", sourcetype="WinEventLog", source="WinEventLog:Application", index="urswick_win")
DD_FILE = dict(team="webops", monitor="[iis] log4net errors", filter="source:log4net status:error env:prod", style="sample")
DD_EVT = dict(team="webops", monitor="[iis] ASP.NET event 1309 on the web farm", format="mz-dd-event", filter="source:windows.events @Event.System.EventID:1309", text="ASP.NET reported an unhandled exception (event 1309):\n\n{{log.message}}", sample_lines=26)


def l4n(n: int = 1, **opts: object) -> Seen:
    return see("splunk", n, **LOG4NET, **opts)


def evt(n: int = 1, **opts: object) -> Seen:
    return see("splunk", n, **EVT, **opts)


def ddf(n: int = 1, **opts: object) -> Seen:
    return see("datadog.log", n, **{**DD_FILE, **opts})


def dde(n: int = 1, **opts: object) -> Seen:
    return see("datadog.log", n, **DD_EVT, **opts)


GLOBAL = "Urswick.Portal.MvcApplication"

BUGS = [
    # The same NullReferenceException behind two portal pages.
    Bug("mz-payment-confirm-nre", "ctax-portal", (Exc("System.NullReferenceException", NRE, mvc(p("Controllers.PaymentsController", "Confirm", "(Int32 id, String providerRef)", "Controllers\\PaymentsController.cs", 88), p("Payments.ReceiptBuilder", "Build", "(Payment payment)", "Payments\\ReceiptBuilder.cs", 31))),),
        (see("sentry.error", 3), l4n(2), evt(), ddf(), dde()),
        classes=(1, 4, 5), pair="mz-dd-setup-nre", log="Unhandled exception in /payments/confirm", logger=GLOBAL, entry="POST /payments/confirm/{id}", span=2, renames={"Build": "BuildReceipt"}),
    Bug("mz-dd-setup-nre", "ctax-portal", (Exc("System.NullReferenceException", NRE, mvc(p("Controllers.DirectDebitController", "Setup", "(DirectDebitModel model)", "Controllers\\DirectDebitController.cs", 54), p("Payments.MandateFactory", "Create", "(Account account, DirectDebitModel model)", "Payments\\MandateFactory.cs", 22))),),
        (see("sentry.error", 3), l4n(), evt(2), dde()),
        classes=(1, 4), pair="mz-payment-confirm-nre", log="Unhandled exception in /direct-debit/setup", logger=GLOBAL, entry="POST /direct-debit/setup"),
    # SQL Server deadlocks in the portal's balance update and the benefits claim save.
    Bug("mz-balance-deadlock", "ctax-portal", (Exc("System.Data.SqlClient.SqlException", DEADLOCK, (*mvc(p("Controllers.AccountController", "MoveIn", "(MoveInModel model)", "Controllers\\AccountController.cs", 140), p("Data.AccountRepository", "UpdateBalance", "(Int32 accountId, Decimal delta)", "Data\\AccountRepository.cs", 77)), *SQL)),),
        (see("sentry.error", 3), l4n(2), ddf(), evt()),
        classes=(1, 2, 4), pair="mz-claim-deadlock", log="Balance update failed for account {order}", logger="Urswick.Portal.Data.AccountRepository", entry="POST /account/move-in"),
    Bug("mz-claim-deadlock", "benefits-svc", (Exc("System.Data.SqlClient.SqlException", DEADLOCK, (*wcf(b("Service.ClaimService", "SubmitChangeOfCircumstances", "(ChangeRequest request)", "Service\\ClaimService.cs", 63), b("Data.ClaimRepository", "Save", "(Claim claim)", "Data\\ClaimRepository.cs", 48)), *SQL)),),
        (see("sentry.error", 2), l4n(2), ddf(2)),
        classes=(1, 2, 4), pair="mz-balance-deadlock", log="SubmitChangeOfCircumstances failed for claim HB{id}", logger="Urswick.Benefits.Service.ClaimService", entry="SubmitChangeOfCircumstances"),
    # Entity Framework 6 validation failures in two apps.
    Bug("mz-contact-validation", "ctax-portal", (Exc("System.Data.Entity.Validation.DbEntityValidationException", EF_INVALID, mvc(p("Controllers.ContactDetailsController", "Save", "(ContactDetailsModel model)", "Controllers\\ContactDetailsController.cs", 39), *EF_VALIDATE)),),
        (see("sentry.error", 3), l4n(2), evt(), dde()),
        classes=(1, 4), pair="mz-evidence-validation", log="Unhandled exception in /contact-details", logger=GLOBAL, entry="POST /contact-details"),
    Bug("mz-evidence-validation", "benefits-svc", (Exc("System.Data.Entity.Validation.DbEntityValidationException", EF_INVALID, wcf(b("Service.EvidenceService", "AttachEvidence", "(Int32 claimId, EvidenceItem item)", "Service\\EvidenceService.cs", 71), b("Data.BenefitsContext", "SaveChanges", "()", "Data\\BenefitsContext.cs", 29), *EF_VALIDATE)),),
        (see("sentry.error", 3), l4n(2), ddf()),
        classes=(1, 4), pair="mz-contact-validation", log="AttachEvidence failed for claim HB{id}", logger="Urswick.Benefits.Service.EvidenceService", entry="AttachEvidence"),
    # The anti-forgery token of a signed-out session: the user is in the message.
    Bug("mz-antiforgery", "ctax-portal", (Exc("System.Web.Mvc.HttpAntiForgeryException", 'The provided anti-forgery token was meant for user "", but the current user is "{email}".', (cs("System.Web.Mvc.ControllerActionInvoker", "InvokeAuthorizationFilters", "(ControllerContext controllerContext, IList`1 filters, ActionDescriptor actionDescriptor)", lib=True), cs("System.Web.Mvc.ValidateAntiForgeryTokenAttribute", "OnAuthorization", "(AuthorizationContext filterContext)", lib=True), cs("System.Web.Helpers.AntiXsrf.TokenValidator", "ValidateTokens", "(HttpContextBase httpContext, IIdentity identity, AntiForgeryToken sessionToken, AntiForgeryToken fieldToken)", lib=True))),),
        (see("sentry.error", 3), evt(2), dde(), l4n()),
        classes=(1, 2), log="Unhandled exception in /account/sign-in", logger=GLOBAL, entry="POST /account/sign-in"),
    # The portal's WCF client timing out on two operations.
    Bug("mz-award-summary-timeout", "ctax-portal", (Exc("System.Net.WebException", "The operation has timed out", (cs("System.Net.HttpWebRequest", "GetResponse", "()", lib=True),)), Exc("System.TimeoutException", WCF_TIMEOUT, mvc(p("Controllers.BenefitsController", "Summary", "()", "Controllers\\BenefitsController.cs", 27), p("Services.BenefitsGateway", "GetAwardSummary", "(String accountRef)", "Services\\BenefitsGateway.cs", 44), *WCF_CLIENT))),
        (see("sentry.error", 3), l4n(2), evt(), dde(), ddf()),
        classes=(1, 9), pair="mz-change-submit-timeout", log="Unhandled exception in /benefits/summary", logger=GLOBAL, entry="GET /benefits/summary"),
    Bug("mz-change-submit-timeout", "ctax-portal", (Exc("System.Net.WebException", "The operation has timed out", (cs("System.Net.HttpWebRequest", "GetResponse", "()", lib=True),)), Exc("System.TimeoutException", WCF_TIMEOUT, mvc(p("Controllers.ChangesController", "Submit", "(ChangeModel model)", "Controllers\\ChangesController.cs", 61), p("Services.BenefitsGateway", "SubmitChange", "(ChangeRequest request)", "Services\\BenefitsGateway.cs", 58), *WCF_CLIENT))),
        (see("sentry.error", 2), l4n(2), evt(), dde()),
        classes=(1, 9), pair="mz-award-summary-timeout", log="Unhandled exception in /changes/submit", logger=GLOBAL, entry="POST /changes/submit"),
    # One date-of-birth parser, two exceptions.
    Bug("mz-dob-format", "benefits-svc", (Exc("System.FormatException", "String was not recognized as a valid DateTime.", wcf(b("Service.ClaimService", "RegisterClaim", "(ClaimForm form)", "Service\\ClaimService.cs", 34), b("Mapping.ClaimMapper", "ParseDob", "(String value)", "Mapping\\ClaimMapper.cs", 112), cs("System.DateTime", "ParseExact", "(String s, String format, IFormatProvider provider)", lib=True))),),
        (see("sentry.error", 3), l4n(2), ddf()),
        classes=(1,), pair="mz-dob-range", log="RegisterClaim rejected form {uuid}", logger="Urswick.Benefits.Service.ClaimService", entry="RegisterClaim"),
    Bug("mz-dob-range", "benefits-svc", (Exc("System.ArgumentOutOfRangeException", "Year, Month, and Day parameters describe an un-representable DateTime.", wcf(b("Service.ClaimService", "RegisterClaim", "(ClaimForm form)", "Service\\ClaimService.cs", 34), b("Mapping.ClaimMapper", "ParseDob", "(String value)", "Mapping\\ClaimMapper.cs", 118), cs("System.DateTime", ".ctor", "(Int32 year, Int32 month, Int32 day)", lib=True))),),
        (see("sentry.error", 2), l4n(2), ddf()),
        classes=(1,), pair="mz-dob-format", log="RegisterClaim rejected form {uuid}", logger="Urswick.Benefits.Service.ClaimService", entry="RegisterClaim"),
    # GDI+ failing to save the bill's logo under the app pool identity.
    Bug("mz-bill-gdi", "ctax-portal", (Exc("System.Runtime.InteropServices.ExternalException", "A generic error occurred in GDI+.", mvc(p("Controllers.BillsController", "Download", "(Int32 year)", "Controllers\\BillsController.cs", 36), p("Bills.BillPdfRenderer", "RenderLogo", "(PdfPage page)", "Bills\\BillPdfRenderer.cs", 90), cs("System.Drawing.Image", "Save", "(String filename, ImageCodecInfo encoder, EncoderParameters encoderParams)", lib=True))),),
        (see("sentry.error", 3), l4n(2, lines=4), ddf(), evt()),
        classes=(1,), log="Bill PDF failed for account {order}", logger="Urswick.Portal.Bills.BillPdfRenderer", entry="GET /bills/{year}"),
    # The reminder mailer losing its SMTP connection (three nested exceptions).
    Bug("mz-reminder-smtp", "benefits-svc", (Exc("System.Net.Sockets.SocketException", "An existing connection was forcibly closed by the remote host", (cs("System.Net.Sockets.NetworkStream", "Read", "(Byte[] buffer, Int32 offset, Int32 size)", lib=True),)), Exc("System.IO.IOException", "Unable to read data from the transport connection: An existing connection was forcibly closed by the remote host.", (cs("System.Net.Mail.SmtpReplyReaderFactory", "ReadLines", "(SmtpReplyReader caller, Boolean oneLine)", lib=True),)), Exc("System.Net.Mail.SmtpException", "Failure sending mail.", (b("Jobs.ReminderJob", "Execute", "()", "Jobs\\ReminderJob.cs", 40), b("Mail.ReminderMailer", "Send", "(Reminder reminder)", "Mail\\ReminderMailer.cs", 57), cs("System.Net.Mail.SmtpClient", "Send", "(MailMessage message)", lib=True)))),
        (l4n(3), ddf(2), see("sentry.error")),
        classes=(1, 9), log="Reminder to claimant HB{id} not sent", logger="Urswick.Benefits.Mail.ReminderMailer", entry="ReminderJob"),
    # The council tax band table missing a new band code (no key in .NET Framework's message).
    Bug("mz-band-key", "ctax-portal", (Exc("System.Collections.Generic.KeyNotFoundException", "The given key was not present in the dictionary.", mvc(p("Controllers.AccountController", "Charges", "(Int32 year)", "Controllers\\AccountController.cs", 201), p("Charges.BandTable", "ForProperty", "(PropertyRecord property)", "Charges\\BandTable.cs", 19), cs("System.Collections.Generic.Dictionary`2", "get_Item", "(TKey key)", lib=True))),),
        (see("sentry.error", 3), evt(2), dde(), l4n()),
        classes=(1,), log="Unhandled exception in /account/charges", logger=GLOBAL, entry="GET /account/charges/{year}"),
    # The payment provider's callback failing its signature check: a logged line, no exception.
    Bug("mz-callback-signature", "ctax-portal", (),
        (l4n(3), ddf(2, style="", text="Payment callbacks are failing verification on ctax-portal ({{value}} in 5 minutes). Sample:\n\n{{log.message}}")),
        classes=(8,), log="Payment provider callback signature mismatch for ref {ref}", logger="Urswick.Portal.Payments.CallbackVerifier", entry="POST /payments/callback"),
    # Seen once: an invalid cast in the back office's export.
    Bug("mz-export-cast", "benefits-svc", (Exc("System.InvalidCastException", "Unable to cast object of type 'System.DBNull' to type 'System.String'.", wcf(b("Service.ReportService", "ExportCaseload", "(DateTime from, DateTime to)", "Service\\ReportService.cs", 88))),),
        (see("sentry.error"),),
        singleton=True, entry="ExportCaseload"),
]

NOISE = [
    Noise("mz-noise-apppool", "ctax-portal", "splunk", {**EVT, "search": "Urswick - ASP.NET unhandled exceptions (1309)", "line": "03/09/2026 02:00:04 AM\nLogName=System\nEventCode=5074\nEventType=4\nComputerName=UBC-WEB01.ad.urswick.gov.example\nSourceName=Microsoft-Windows-WAS\nType=Information\nMessage=The Windows Process Activation Service has requested a recycle for application pool 'ctax-portal' because the scheduled recycle time was reached."}),
    Noise("mz-noise-recovered", "ctax-portal", "datadog.log", {"monitor": "[iis] log4net errors", "transition": "Recovered", "alert_type": "success", "team": "webops", "filter": "source:log4net status:error env:prod", "text": "log4net error records are back under the threshold."}),
    Noise("mz-noise-deploy", "benefits-svc", "datadog.event", {"monitor": "benefits-svc deployed", "text": "Octopus deployed benefits-svc 2026.3.9 to UBC-WEB01, UBC-WEB02 (IIS site restarted).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "webops", "release": "1"}),
]

URSWICK = Company(
    key="mz",
    name="Urswick Borough Council",
    domain="urswick.gov.example",
    sentry_org="urswick-council",
    splunk_url="https://splunk.urswick.gov.example:8000",
    splunk_guid="C4E19B27-6D3A-4F80-9E52-A17B0D8C3F65",
    datadog_org=("1120022", "Urswick Borough Council"),
    datadog_template="recommended",
    posthog_project=(91202, "Urswick"),
    releases=("2026.3.2", "2026.3.9", "2026.3.12"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="urswick-sentry-client-secret",
)
# fmt: on
