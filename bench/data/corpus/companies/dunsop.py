"""(dq) Dunsop Water, household water billing: .NET 6 on Windows Server IIS (in-process
hosting): an ASP.NET Core Web API for the billing portal (``billing-api``) and a CoreWCF 1.5
SOAP service the meter readers' handhelds call (``meter-wcf``).

Sentry: Sentry.AspNetCore on both sites. Splunk's Universal Forwarder reads the Application
event log (``WinEventLog:Application``): .NET 6's EventLog logging provider writes each
error as ``Category:``/``EventId:``, the scopes, the message, then ``Exception:`` and
``Exception.ToString()``; it also indexes ElmahCore's XML error files from the API's
``App_Data/errors`` folder (the detail an attribute, CR LF escaped). Datadog (a team's own
template, ``custom``): dd-trace-dotnet's APM monitors and log monitors over the forwarded
event log. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import ASPNET, cs

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "billing-api": Service("billing-api", "csharp", "dq-wineventlog", "WinEventLog:Application", "WinEventLog:Application", "dunsop_win", 6620031, ".NET 6.0.36", framework="aspnetcore", sdk=("sentry.dotnet.aspnetcore", "4.12.1", "nuget:Sentry.AspNetCore")),
    "meter-wcf": Service("meter-wcf", "csharp", "dq-wineventlog", "WinEventLog:Application", "WinEventLog:Application", "dunsop_win", 6620034, ".NET 6.0.36", framework="aspnetcore", sdk=("sentry.dotnet.aspnetcore", "4.12.1", "nuget:Sentry.AspNetCore")),
}
SRC = "C:\\agent\\_work\\7\\s\\src\\"


def app(type_: str, method: str, args: str, file: str, line: int, *, boundary: bool = False) -> Frame:
    return cs(type_, method, args, SRC + file, line, boundary=boundary)


def lib(type_: str, method: str, args: str) -> Frame:
    return cs(type_, method, args, lib=True)


# CoreWCF dispatching a SOAP operation to the service class.
COREWCF = (
    lib("CoreWCF.Channels.ServiceModelHttpMiddleware", "InvokeAsync", "(HttpContext context)"),
    lib("CoreWCF.Dispatcher.ChannelHandler", "DispatchAndReleasePumpAsync", "(RequestContext request, Boolean cleanThread, OperationContext currentOperationContext)"),
    lib("CoreWCF.Dispatcher.ImmutableDispatchRuntime", "ProcessMessage11Async", "(MessageRpc rpc)"),
    lib("CoreWCF.Dispatcher.DispatchOperationRuntime", "InvokeAsync", "(MessageRpc rpc)"),
    lib("CoreWCF.Dispatcher.TaskMethodInvoker", "InvokeAsync", "(Object instance, Object[] inputs)"),
)
EF_SAVE = (
    lib("Microsoft.EntityFrameworkCore.DbContext", "SaveChangesAsync", "(Boolean acceptAllChangesOnSuccess, CancellationToken cancellationToken)"),
    lib("Microsoft.EntityFrameworkCore.Storage.RelationalDatabaseFacadeDependencies+<>c", "<ExecuteAsync>b__0", "()"),
    lib("Microsoft.EntityFrameworkCore.Update.Internal.BatchExecutor", "ExecuteAsync", "(IEnumerable`1 commandBatches, IRelationalConnection connection, CancellationToken cancellationToken)"),
)
SQL_READER = (
    lib("Microsoft.Data.SqlClient.SqlCommand", "EndExecuteReaderInternal", "(IAsyncResult asyncResult)"),
    lib("Microsoft.Data.SqlClient.SqlConnection", "OnError", "(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)"),
)
# Every Dapper query goes through one helper.
SQL_EXEC = app("Dunsop.Data.SqlExecutor", "QueryAsync[T]", "(String sql, Object param, Int32 timeoutSeconds)", "Dunsop.Data\\SqlExecutor.cs", 48)
NRE = "Object reference not set to an instance of an object."
ELMAH = {"format": "dq-elmah-xml", "search": "billing-api - elmah errors", "sourcetype": "elmah:xml", "source": "D:\\sites\\billing-api\\App_Data\\errors"}
EVT = {"search": "Dunsop - .NET errors in Application log"}
API_CAT = "Microsoft.AspNetCore.Server.IIS.Core.IISHttpServer"
UNHANDLED = 'Connection ID "{offset}{port}{id}", Request ID "{uuid}": An unhandled exception was thrown by the application.'
WCF_CAT = "CoreWCF.Dispatcher.ErrorBehavior"
WCF_LOG = "An unhandled exception occurred while processing an operation."
TEAM = {"team": "billing"}


def api(*frames: Frame) -> tuple[Frame, ...]:
    return (*ASPNET, *frames)


def wcf(*frames: Frame) -> tuple[Frame, ...]:
    return (*COREWCF, *frames)


def sql_timeout(frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (
        Exc("System.ComponentModel.Win32Exception", "The wait operation timed out."),
        Exc("Microsoft.Data.SqlClient.SqlException", "Execution Timeout Expired.  The timeout period elapsed prior to completion of the operation or the server is not responding.", (*frames, *SQL_READER)),
    )


def fk(constraint: str, table: str, column: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (
        Exc("Microsoft.Data.SqlClient.SqlException", f'The INSERT statement conflicted with the FOREIGN KEY constraint "{constraint}". The conflict occurred in database "DunsopBilling", table "{table}", column \'{column}\'.\nThe statement has been terminated.', SQL_READER),
        Exc("Microsoft.EntityFrameworkCore.DbUpdateException", "An error occurred while saving the entity changes. See the inner exception for details.", (*frames, *EF_SAVE)),
    )


BUGS = [
    # The same NullReferenceException in a controller and in a WCF operation.
    Bug("dq-statement-nre", "billing-api", (Exc("System.NullReferenceException", NRE, api(app("Dunsop.Billing.Controllers.StatementsController", "GetStatement", "(Int32 accountId)", "Dunsop.Billing\\Controllers\\StatementsController.cs", 41, boundary=True), app("Dunsop.Billing.Services.StatementBuilder", "Build", "(Account account)", "Dunsop.Billing\\Services\\StatementBuilder.cs", 66))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("sentry.issue"), see("splunk", **EVT), see("splunk", **ELMAH), see("datadog.apm", **TEAM)),
        classes=(4, 5), pair="dq-reading-nre", logger=API_CAT, log=UNHANDLED, entry="GET /api/accounts/{id}/statement", span=2, renames={"Build": "BuildAsync"}),
    Bug("dq-reading-nre", "meter-wcf", (Exc("System.NullReferenceException", NRE, wcf(app("Dunsop.Meters.MeterReadingService", "SubmitReadingAsync", "(ReadingRequest request)", "Dunsop.Meters\\MeterReadingService.cs", 58, boundary=True), app("Dunsop.Meters.RouteAssignments", "CurrentRoute", "(String readerId)", "Dunsop.Meters\\RouteAssignments.cs", 23))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **EVT), see("datadog.log", style="sample", monitor="Dunsop .NET errors in event log", **TEAM)),
        classes=(4,), pair="dq-statement-nre", logger=WCF_CAT, log=WCF_LOG, entry="SubmitReading"),
    # Which dictionary missed the key is the bug.
    Bug("dq-tariff-key", "billing-api", (Exc("System.Collections.Generic.KeyNotFoundException", "The given key 'TB{idx}' was not present in the dictionary.", api(app("Dunsop.Billing.Controllers.QuotesController", "Quote", "(QuoteRequest request)", "Dunsop.Billing\\Controllers\\QuotesController.cs", 29), app("Dunsop.Billing.Tariffs.TariffTable", "RateFor", "(String band)", "Dunsop.Billing\\Tariffs\\TariffTable.cs", 37), lib("System.Collections.Generic.Dictionary`2", "get_Item", "(TKey key)"))),),
        (see("sentry.error", 2), see("splunk", 2, **EVT), see("splunk", **ELMAH), see("datadog.apm", **TEAM)),
        classes=(4,), pair="dq-region-key", logger=API_CAT, log=UNHANDLED, entry="POST /api/quotes"),
    Bug("dq-region-key", "meter-wcf", (Exc("System.Collections.Generic.KeyNotFoundException", "The given key 'R{idx}' was not present in the dictionary.", wcf(app("Dunsop.Meters.MeterReadingService", "GetRouteAsync", "(String readerId)", "Dunsop.Meters\\MeterReadingService.cs", 91, boundary=True), app("Dunsop.Meters.RegionCache", "Get", "(String region)", "Dunsop.Meters\\RegionCache.cs", 19), lib("System.Collections.Generic.Dictionary`2", "get_Item", "(TKey key)"))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **EVT)),
        classes=(4,), pair="dq-tariff-key", logger=WCF_CAT, log=WCF_LOG, entry="GetRoute"),
    # The SQL helper timing out under two callers.
    Bug("dq-invoice-sql-timeout", "billing-api", sql_timeout(api(app("Dunsop.Billing.Controllers.InvoicesController", "List", "(Int32 accountId, Int32 page)", "Dunsop.Billing\\Controllers\\InvoicesController.cs", 33, boundary=True), app("Dunsop.Billing.Data.InvoiceQueries", "ForAccountAsync", "(Int32 accountId, Int32 page)", "Dunsop.Billing\\Data\\InvoiceQueries.cs", 27, boundary=True), SQL_EXEC)),
        (see("sentry.error", 3), see("splunk", 2, **EVT), see("splunk", **ELMAH), see("datadog.apm", **TEAM)),
        classes=(4, 9), pair="dq-usage-sql-timeout", logger=API_CAT, log=UNHANDLED, entry="GET /api/accounts/{id}/invoices"),
    Bug("dq-usage-sql-timeout", "meter-wcf", sql_timeout(wcf(app("Dunsop.Meters.MeterReadingService", "GetUsageHistoryAsync", "(String meterSerial)", "Dunsop.Meters\\MeterReadingService.cs", 112, boundary=True), app("Dunsop.Meters.Data.UsageQueries", "HistoryAsync", "(String meterSerial)", "Dunsop.Meters\\Data\\UsageQueries.cs", 31, boundary=True), SQL_EXEC)),
        (see("sentry.error", 2), see("splunk", 2, **EVT), see("datadog.log", style="sample", monitor="Dunsop .NET errors in event log", **TEAM)),
        classes=(4, 9), pair="dq-invoice-sql-timeout", logger=WCF_CAT, log=WCF_LOG, entry="GetUsageHistory"),
    # One parser, two exceptions.
    Bug("dq-reading-format", "meter-wcf", (Exc("System.FormatException", "The input string '{hex}' was not in a correct format.", wcf(app("Dunsop.Meters.MeterReadingService", "SubmitReadingAsync", "(ReadingRequest request)", "Dunsop.Meters\\MeterReadingService.cs", 52, boundary=True), app("Dunsop.Meters.ReadingParser", "Parse", "(String raw)", "Dunsop.Meters\\ReadingParser.cs", 18), lib("System.Number", "ThrowOverflowOrFormatException", "(ParsingStatus status, TypeCode type)"))),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 2, **EVT)),
        classes=(4, 5), pair="dq-reading-overflow", logger=WCF_CAT, log=WCF_LOG, entry="SubmitReading", span=3),
    Bug("dq-reading-overflow", "meter-wcf", (Exc("System.OverflowException", "Value was either too large or too small for an Int32.", wcf(app("Dunsop.Meters.MeterReadingService", "SubmitReadingAsync", "(ReadingRequest request)", "Dunsop.Meters\\MeterReadingService.cs", 52, boundary=True), app("Dunsop.Meters.ReadingParser", "Parse", "(String raw)", "Dunsop.Meters\\ReadingParser.cs", 18), lib("System.Number", "ThrowOverflowOrFormatException", "(ParsingStatus status, TypeCode type)"))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **EVT), see("datadog.log", style="sample", monitor="Dunsop .NET errors in event log", **TEAM)),
        classes=(4,), pair="dq-reading-format", logger=WCF_CAT, log=WCF_LOG, entry="SubmitReading"),
    # Foreign keys of two tables.
    Bug("dq-payment-fk", "billing-api", fk("FK_Payments_Accounts", "dbo.Accounts", "AccountId", api(app("Dunsop.Billing.Controllers.PaymentsController", "Create", "(PaymentRequest request)", "Dunsop.Billing\\Controllers\\PaymentsController.cs", 47, boundary=True))),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", **EVT), see("splunk", 2, **ELMAH)),
        classes=(4,), pair="dq-mandate-fk", logger=API_CAT, log=UNHANDLED, entry="POST /api/payments"),
    Bug("dq-mandate-fk", "billing-api", fk("FK_DirectDebits_Mandates", "dbo.Mandates", "MandateId", api(app("Dunsop.Billing.Controllers.DirectDebitsController", "Create", "(DirectDebitRequest request)", "Dunsop.Billing\\Controllers\\DirectDebitsController.cs", 39, boundary=True))),
        (see("sentry.error", 2), see("splunk", 2, **EVT), see("splunk", **ELMAH), see("datadog.apm", **TEAM)),
        classes=(4,), pair="dq-payment-fk", logger=API_CAT, log=UNHANDLED, entry="POST /api/direct-debits"),
    # The CRM call timing out: HttpClient's cancellation over a frameless TimeoutException.
    Bug("dq-crm-timeout", "billing-api", (Exc("System.TimeoutException", "The operation was canceled."), Exc("System.Threading.Tasks.TaskCanceledException", "The request was canceled due to the configured HttpClient.Timeout of 30 seconds elapsing.", api(app("Dunsop.Billing.Controllers.AccountsController", "Move", "(Int32 accountId, MoveRequest request)", "Dunsop.Billing\\Controllers\\AccountsController.cs", 72, boundary=True), app("Dunsop.Billing.Crm.CrmClient", "UpdateAddressAsync", "(Int32 accountId, Address address)", "Dunsop.Billing\\Crm\\CrmClient.cs", 54, boundary=True), lib("System.Net.Http.HttpClient", "<SendAsync>g__Core|83_0", "(HttpRequestMessage request, HttpCompletionOption completionOption, CancellationTokenSource cts, Boolean disposeCts, CancellationTokenSource pendingRequestsCts, CancellationToken originalCancellationToken)")))),
        (see("sentry.error", 2), see("sentry.error", release=1), see("splunk", 2, **EVT), see("splunk", **ELMAH), see("datadog.apm", **TEAM)),
        logger=API_CAT, log=UNHANDLED, entry="POST /api/accounts/{id}/move", span=2),
    Bug("dq-bill-pdf-io", "billing-api", (Exc("System.IO.IOException", "The process cannot access the file 'D:\\bills\\{id}.pdf' because it is being used by another process.", api(app("Dunsop.Billing.Controllers.BillsController", "Download", "(Int32 billId)", "Dunsop.Billing\\Controllers\\BillsController.cs", 28), app("Dunsop.Billing.Pdf.BillRenderer", "Render", "(Bill bill)", "Dunsop.Billing\\Pdf\\BillRenderer.cs", 81), lib("System.IO.Strategies.FileStreamHelpers", "ValidateArguments", "(String path, FileMode mode, FileAccess access, FileShare share, Int32 bufferSize, FileOptions options, Int64 preallocationSize)"))),),
        (see("sentry.error", 2), see("splunk", **EVT), see("splunk", 2, **ELMAH)),
        logger=API_CAT, log=UNHANDLED, entry="GET /api/bills/{id}/pdf"),
    Bug("dq-wcf-deadlock", "meter-wcf", (Exc("Microsoft.Data.SqlClient.SqlException", "Transaction (Process ID {n}) was deadlocked on lock resources with another process and has been chosen as the deadlock victim. Rerun the transaction.", wcf(app("Dunsop.Meters.MeterReadingService", "CloseRouteAsync", "(String routeId)", "Dunsop.Meters\\MeterReadingService.cs", 140, boundary=True), app("Dunsop.Meters.Data.RouteCommands", "CloseAsync", "(String routeId)", "Dunsop.Meters\\Data\\RouteCommands.cs", 22, boundary=True), *SQL_READER)),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **EVT), see("datadog.log", style="sample", monitor="Dunsop .NET errors in event log", **TEAM)),
        logger=WCF_CAT, log=WCF_LOG, entry="CloseRoute"),
    Bug("dq-smtp-auth", "billing-api", (Exc("System.Net.Mail.SmtpException", "The SMTP server requires a secure connection or the client was not authenticated. The server response was: 5.7.57 Client not authenticated to send mail. Error: failed to authenticate. [LO4P123CA0{n}.GBRP123.PROD.OUTLOOK.COM]", api(app("Dunsop.Billing.Controllers.AccountsController", "ResendBill", "(Int32 accountId, Int32 billId)", "Dunsop.Billing\\Controllers\\AccountsController.cs", 95, boundary=True), app("Dunsop.Billing.Notifications.BillMailer", "SendAsync", "(Bill bill, String to)", "Dunsop.Billing\\Notifications\\BillMailer.cs", 38, boundary=True), lib("System.Net.Mail.SmtpClient", "SendMailAsync", "(MailMessage message, CancellationToken cancellationToken)"))),),
        (see("sentry.error", 2), see("splunk", 2, **EVT), see("splunk", **ELMAH)),
        logger=API_CAT, log=UNHANDLED, entry="POST /api/accounts/{id}/bills/{bill}/resend"),
    Bug("dq-xml-serializer", "billing-api", (Exc("System.InvalidOperationException", "There is an error in XML document (1, 1).", api(app("Dunsop.Billing.Controllers.ImportsController", "Upload", "(IFormFile file)", "Dunsop.Billing\\Controllers\\ImportsController.cs", 25), lib("System.Xml.Serialization.XmlSerializer", "Deserialize", "(XmlReader xmlReader, String encodingStyle, XmlDeserializationEvents events)"))),),
        (see("sentry.error"),),
        singleton=True, logger=API_CAT, log=UNHANDLED, entry="POST /api/imports"),
]

NOISE = [
    Noise("dq-noise-recycle", "billing-api", "splunk", {**EVT, "line": "03/09/2026 03:00:12 AM\nLogName=System\nEventCode=5074\nEventType=4\nComputerName=IIS-WEB02.corp.dunsop.example\nSourceName=Microsoft-Windows-WAS\nType=Information\nRecordNumber={id}\nKeywords=Classic\nTaskCategory=None\nOpCode=Info\nMessage=A worker process with process id of '{pid}' serving application pool 'billing-api' has requested a recycle because it reached its scheduled recycle time."}),
    Noise("dq-noise-deploy", "billing-api", "datadog.event", {"monitor": "Deployed billing-api 6.14.0", "text": "Octopus deployed billing-api 6.14.0 to IIS-WEB01..04 (app pool restarted).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "billing"}),
    Noise("dq-noise-sentry-resolved", "meter-wcf", "sentry.metric", {"rule": "meter-wcf error rate", "aggregate": "count()", "action": "resolved", "value": "{n}"}),
]

DUNSOP = Company(
    key="dq",
    name="Dunsop Water",
    domain="dunsop.example",
    sentry_org="dunsop-water",
    splunk_url="https://splunk.corp.dunsop.example:8000",
    splunk_guid="E04A7C19-3B62-4D8F-95A1-6C2E0B7D4F38",
    datadog_org=("530981", "Dunsop Water"),
    datadog_template="custom",
    posthog_project=(0, ""),
    releases=("6.13.2", "6.14.0", "6.14.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="dunsop-sentry-client-secret",
)
# fmt: on
