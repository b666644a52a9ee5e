"""(bg) Marlpit Mutual, a home-insurance claims platform on .NET 8: two worker services
reading Azure Service Bus queues with ``ServiceBusProcessor`` (``claims-intake``: first
notice of loss, documents, fraud scoring; ``claims-payments``: reserves, payee checks,
settlements), EF Core 8 over Postgres (Npgsql), and a Razor Pages back office for handlers
(``claims-admin``).

Sentry: Sentry.Extensions.Logging in the workers (an error logged with its exception is an
event), Sentry.AspNetCore in the back office. Splunk indexes the pods' stdout: Serilog's
``JsonFormatter`` with ``renderMessage: true`` (template, rendering, the exception's
``ToString()`` in ``Exception``, properties nested). Datadog (dd-trace-dotnet) posts the
team's own template: camelCase keys, the plain-text message inside an ``alert`` object,
``$DATE`` unquoted; APM monitors by error type, by route, and log monitors on the Serilog
lines. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import cs

# The tables keep one frame or delivery per line.
# fmt: off
WORKER_SDK = ("sentry.dotnet.extensions.logging", "4.13.0", "nuget:Sentry.Extensions.Logging")
SERVICES = {
    "claims-intake": Service("claims-intake", "csharp", "serilog-jsonformatter", "marlpit:serilog:json", "/var/log/containers/claims-intake.log", "mp_prod", 6620031, ".NET 8.0.11", framework="generic", sdk=WORKER_SDK),
    "claims-payments": Service("claims-payments", "csharp", "serilog-jsonformatter", "marlpit:serilog:json", "/var/log/containers/claims-payments.log", "mp_prod", 6620034, ".NET 8.0.11", framework="generic", sdk=WORKER_SDK),
    "claims-admin": Service("claims-admin", "csharp", "serilog-jsonformatter", "marlpit:serilog:json", "/var/log/containers/claims-admin.log", "mp_prod", 6620037, ".NET 8.0.11", framework="razor-pages", sdk=("sentry.dotnet.aspnetcore", "4.13.0", "nuget:Sentry.AspNetCore")),
}


def lib(type_: str, method: str, args: str = "()") -> Frame:
    return cs(type_, method, args, lib=True)


def own(project: str, path: str, method: str, line: int, args: str = "()", boundary: bool = True) -> Frame:
    """A frame of Marlpit's own code: ``Handlers/ClaimSubmittedHandler`` in project
    ``Marlpit.Claims.Intake`` is type ``Marlpit.Claims.Intake.Handlers.ClaimSubmittedHandler``."""
    return cs(f"{project}.{path.replace('/', '.')}", method, args, f"/src/src/{project}/{path}.cs", line, boundary=boundary)


INTAKE, PAY, ADMIN, COMMON = "Marlpit.Claims.Intake", "Marlpit.Claims.Payments", "Marlpit.Claims.Admin", "Marlpit.Common"
# ServiceBusProcessor dispatching a message to the app's handler (oldest first).
PROCESSOR = (
    lib("Azure.Messaging.ServiceBus.ReceiverManager", "ProcessOneMessage", "(ServiceBusReceivedMessage triggerMessage, CancellationToken cancellationToken)"),
    lib("Azure.Messaging.ServiceBus.ServiceBusProcessor", "OnProcessMessageAsync", "(ProcessMessageEventArgs args)"),
    own(COMMON, "Messaging/QueueWorker", "<StartAsync>b__7_0", 58, "(ProcessMessageEventArgs args)"),
)
# Kestrel running a Razor Page handler.
RAZOR = (
    lib("Microsoft.AspNetCore.Server.Kestrel.Core.Internal.Http.HttpProtocol", "ProcessRequests[TContext]", "(IHttpApplication`1 application)"),
    lib("Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddlewareImpl", "<Invoke>g__Awaited|10_0", "(ExceptionHandlerMiddlewareImpl middleware, HttpContext context, Task task)"),
    lib("Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure.PageActionInvoker", "InvokeHandlerMethodAsync", "()"),
    lib("Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure.ExecutorFactory+GenericTaskHandlerMethod", "Execute", "(Object receiver, Object[] arguments)"),
)
SAVE = (
    lib("Microsoft.EntityFrameworkCore.DbContext", "SaveChangesAsync", "(Boolean acceptAllChangesOnSuccess, CancellationToken cancellationToken)"),
    lib("Microsoft.EntityFrameworkCore.ChangeTracking.Internal.StateManager", "SaveChangesAsync", "(StateManager stateManager, Boolean acceptAllChangesOnSuccess, CancellationToken cancellationToken)"),
    lib("Microsoft.EntityFrameworkCore.Update.ReaderModificationCommandBatch", "ExecuteAsync", "(IRelationalConnection connection, CancellationToken cancellationToken)"),
)
NPGSQL_READ = (
    lib("Npgsql.NpgsqlDataReader", "NextResult", "(Boolean async, Boolean isConsuming, CancellationToken cancellationToken)"),
    lib("Npgsql.Internal.NpgsqlConnector", "<ReadMessage>g__ReadMessageLong|233_0", "(NpgsqlConnector connector, Boolean async, DataRowLoadingMode dataRowLoadingMode, Boolean readingNotifications, Boolean isReadingPrependedMessage)"),
)
CONCURRENCY_AFFECT = (
    lib("Microsoft.EntityFrameworkCore.Update.AffectedCountModificationCommandBatch", "ThrowAggregateUpdateConcurrencyExceptionAsync", "(RelationalDataReader reader, Int32 commandIndex, Int32 expectedRowsAffected, Int32 rowsAffected, CancellationToken cancellationToken)"),
)
SAVE_FAILED = "An error occurred while saving the entity changes. See the inner exception for details."
CONCURRENCY = "The database operation was expected to affect 1 row(s), but actually affected 0 row(s); data may have been modified or deleted since entities were loaded. See https://go.microsoft.com/fwlink/?LinkId=527962 for information on understanding and handling optimistic concurrency exceptions."
NULLREF = "Object reference not set to an instance of an object."
HTTP_TIMEOUT = "The request was canceled due to the configured HttpClient.Timeout of 30 seconds elapsing."
# Every outbound partner call goes through one Polly-wrapped client; both timeouts end in it.
RESILIENT = own(COMMON, "Http/ResilientClient", "PostJsonAsync[TRequest,TResponse]", 64, "(String path, TRequest body, CancellationToken ct)")
HTTP_SEND = (
    lib("System.Net.Http.HttpClient", "<SendAsync>g__Core|83_0", "(HttpRequestMessage request, HttpCompletionOption completionOption, CancellationTokenSource cts, Boolean disposeCts, CancellationTokenSource pendingRequestsCts, CancellationToken originalCancellationToken)"),
    lib("System.Net.Http.HttpClient", "HandleFailure", "(Exception e, Boolean telemetryStarted, HttpResponseMessage response, CancellationTokenSource cts, CancellationToken cancellationToken, CancellationTokenSource pendingRequestsCts)"),
)


def unique(index: str, app: tuple[Frame, ...]) -> tuple[Exc, Exc]:
    return (
        Exc("Npgsql.PostgresException", f"23505: duplicate key value violates unique constraint \"{index}\"\n\nDETAIL: Detail redacted as it may contain sensitive data. Specify 'Include Error Detail' in the connection string to include this information.", NPGSQL_READ),
        Exc("Microsoft.EntityFrameworkCore.DbUpdateException", SAVE_FAILED, (*app, *SAVE)),
    )


def worker_log(entity: str) -> dict[str, object]:
    return {"entity": entity, "search": "claims workers - errors"}


TEAM = "claims"
# Sentry.AspNetCore marks what ExceptionHandlerMiddleware logged as unhandled, the logger's
# name as the mechanism; the workers' handlers log the exception (handled, "generic").
ADMIN_MECHANISM = "Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware"
INTAKE_TYPES = {"monitor": "claims-intake error spans by type", "style": "type", "team": TEAM}
CONCURRENCY_LOG = {"monitor": "EF Core concurrency conflicts", "team": TEAM, "filter": "env:prod @Properties.SourceContext:Marlpit.* \"DbUpdateConcurrencyException\"", "text": "Optimistic concurrency conflicts logged by {{log.service}}.\n\n{{log.attributes.error.kind}}: {{log.attributes.error.message}}"}

BUGS = [
    # EF Core's DbUpdateException over one unique index per table: a claim notified twice,
    # a payee's IBAN entered twice.
    Bug("bg-claim-notified-twice", "claims-intake", unique("IX_Claims_PolicyNumber_IncidentDate", (*PROCESSOR, own(INTAKE, "Handlers/ClaimSubmittedHandler", "HandleAsync", 41, "(ClaimSubmitted message, CancellationToken ct)"), own(INTAKE, "Claims/ClaimRegistrar", "RegisterAsync", 77, "(ClaimSubmitted message, CancellationToken ct)"))),
        (see("sentry.error"), see("sentry.error", release=1), see("sentry.issue"), see("splunk", 2, **worker_log("claims-submitted")), see("datadog.apm", **INTAKE_TYPES)),
        classes=(4,), pair="bg-payee-iban-twice", handled=True, log="Handling {MessageId} failed", logger="Marlpit.Claims.Intake.Handlers.ClaimSubmittedHandler", entry="claims-submitted", span=2),
    Bug("bg-payee-iban-twice", "claims-payments", unique("IX_Payees_Iban", (*PROCESSOR, own(PAY, "Handlers/PayeeVerifiedHandler", "HandleAsync", 29, "(PayeeVerified message, CancellationToken ct)"), own(PAY, "Payees/PayeeBook", "AddAsync", 52, "(Payee payee, CancellationToken ct)"))),
        (see("sentry.error", 2), see("splunk", 2, **worker_log("payee-verified")), see("datadog.apm", style="message", monitor="claims-payments error spans", team=TEAM)),
        classes=(4,), pair="bg-claim-notified-twice", handled=True, log="Handling {MessageId} failed", logger="Marlpit.Claims.Payments.Handlers.PayeeVerifiedHandler", entry="payee-verified"),
    # The same NullReferenceException in the intake mapper and in a back-office page.
    Bug("bg-intake-address-null", "claims-intake", (Exc("System.NullReferenceException", NULLREF, (*PROCESSOR, own(INTAKE, "Handlers/ClaimSubmittedHandler", "HandleAsync", 36, "(ClaimSubmitted message, CancellationToken ct)"), own(INTAKE, "Claims/LossLocationMapper", "Map", 23, "(ClaimSubmitted message)", boundary=False))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("splunk", 2, **worker_log("claims-submitted")), see("datadog.apm", **INTAKE_TYPES)),
        classes=(4,), pair="bg-admin-claim-null", handled=True, log="Handling {MessageId} failed", logger="Marlpit.Claims.Intake.Handlers.ClaimSubmittedHandler", entry="claims-submitted", span=2, renames={"HandleAsync": "ConsumeAsync"}),
    Bug("bg-admin-claim-null", "claims-admin", (Exc("System.NullReferenceException", NULLREF, (*RAZOR, cs("Marlpit.Claims.Admin.Pages.Claims.DetailsModel", "OnGetAsync", "(Guid id)", "/src/src/Marlpit.Claims.Admin/Pages/Claims/Details.cshtml.cs", 48, boundary=True), own(ADMIN, "Services/ExcessSummary", "Describe", 31, "(Policy policy)", boundary=False))),),
        (see("sentry.error", 2, mechanism=ADMIN_MECHANISM), see("sentry.issue"), see("splunk", 2, search="claims-admin - errors"), see("datadog.apm", style="route", monitor="claims-admin claim details error rate", team=TEAM)),
        classes=(4,), pair="bg-intake-address-null", log="An unhandled exception has occurred while executing the request.", logger="Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware", entry="GET /claims/{id}"),
    # One reserve calculation, two exceptions: no peril lines, and a sum beyond decimal.
    Bug("bg-reserve-no-lines", "claims-payments", (Exc("System.InvalidOperationException", "Sequence contains no elements", (*PROCESSOR, own(PAY, "Handlers/ReserveRequestedHandler", "HandleAsync", 33, "(ReserveRequested message, CancellationToken ct)"), own(PAY, "Reserves/ReserveCalculator", "Calculate", 58, "(Claim claim)", boundary=False), lib("System.Linq.ThrowHelper", "ThrowNoElementsException", "()"), lib("System.Linq.Enumerable", "Max", "(IEnumerable`1 source)"))),),
        (see("sentry.error", 2), see("splunk", 2, **worker_log("reserve-requested"))),
        classes=(4,), pair="bg-reserve-overflow", handled=True, log="Handling {MessageId} failed", logger="Marlpit.Claims.Payments.Handlers.ReserveRequestedHandler", entry="reserve-requested"),
    Bug("bg-reserve-overflow", "claims-payments", (Exc("System.OverflowException", "Value was either too large or too small for a Decimal.", (*PROCESSOR, own(PAY, "Handlers/ReserveRequestedHandler", "HandleAsync", 33, "(ReserveRequested message, CancellationToken ct)"), own(PAY, "Reserves/ReserveCalculator", "Calculate", 64, "(Claim claim)", boundary=False), lib("System.Decimal+DecCalc", "VarDecMul", "(DecCalc& d1, DecCalc& d2)"))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **worker_log("reserve-requested"))),
        classes=(4,), pair="bg-reserve-no-lines", handled=True, log="Handling {MessageId} failed", logger="Marlpit.Claims.Payments.Handlers.ReserveRequestedHandler", entry="reserve-requested"),
    # Two partner calls time out in the one resilient HTTP client.
    Bug("bg-fraud-score-timeout", "claims-intake", (Exc("System.TimeoutException", "The operation was canceled.", ()), Exc("System.Threading.Tasks.TaskCanceledException", HTTP_TIMEOUT, (*PROCESSOR, own(INTAKE, "Handlers/ClaimSubmittedHandler", "HandleAsync", 45, "(ClaimSubmitted message, CancellationToken ct)"), own(INTAKE, "Fraud/FraudScoreClient", "ScoreAsync", 19, "(Claim claim, CancellationToken ct)"), RESILIENT, *HTTP_SEND))),
        (see("sentry.error", 2), see("splunk", 2, **worker_log("claims-submitted")), see("datadog.log", monitor="Partner HTTP timeouts", team=TEAM, filter="env:prod \"HttpClient.Timeout\"", text="{{log.service}}: {{log.attributes.error.kind}}\n\n{{log.attributes.error.message}}")),
        classes=(9,), pair="bg-bank-check-timeout", handled=True, log="Handling {MessageId} failed", logger="Marlpit.Claims.Intake.Handlers.ClaimSubmittedHandler", entry="claims-submitted"),
    Bug("bg-bank-check-timeout", "claims-payments", (Exc("System.TimeoutException", "The operation was canceled.", ()), Exc("System.Threading.Tasks.TaskCanceledException", HTTP_TIMEOUT, (*PROCESSOR, own(PAY, "Handlers/PayeeVerifiedHandler", "HandleAsync", 22, "(PayeeVerified message, CancellationToken ct)"), own(PAY, "Payees/BankAccountCheck", "VerifyAsync", 37, "(Payee payee, CancellationToken ct)"), RESILIENT, *HTTP_SEND))),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **worker_log("payee-verified")), see("datadog.log", monitor="Partner HTTP timeouts", team=TEAM, filter="env:prod \"HttpClient.Timeout\"", text="{{log.service}}: {{log.attributes.error.kind}}\n\n{{log.attributes.error.message}}")),
        classes=(9,), pair="bg-fraud-score-timeout", handled=True, log="Handling {MessageId} failed", logger="Marlpit.Claims.Payments.Handlers.PayeeVerifiedHandler", entry="payee-verified"),
    # KeyNotFoundException from two lookups: a currency without a route, a peril code.
    Bug("bg-currency-route-key", "claims-payments", (Exc("System.Collections.Generic.KeyNotFoundException", "The given key '{rarecur}' was not present in the dictionary.", (*PROCESSOR, own(PAY, "Handlers/SettlementApprovedHandler", "HandleAsync", 40, "(SettlementApproved message, CancellationToken ct)"), own(PAY, "Settlement/PaymentRouter", "RouteFor", 18, "(String currency)", boundary=False), lib("System.Collections.Generic.Dictionary`2", "get_Item", "(TKey key)"))),),
        (see("sentry.error", 2), see("splunk", 2, **worker_log("settlement-approved")), see("datadog.apm", style="message", monitor="claims-payments error spans", team=TEAM)),
        classes=(4,), pair="bg-peril-code-key", handled=True, log="Handling {MessageId} failed", logger="Marlpit.Claims.Payments.Handlers.SettlementApprovedHandler", entry="settlement-approved"),
    Bug("bg-peril-code-key", "claims-intake", (Exc("System.Collections.Generic.KeyNotFoundException", "The given key '{seg}' was not present in the dictionary.", (*PROCESSOR, own(INTAKE, "Handlers/ClaimSubmittedHandler", "HandleAsync", 38, "(ClaimSubmitted message, CancellationToken ct)"), own(INTAKE, "Claims/PerilCatalog", "Lookup", 26, "(String code)", boundary=False), lib("System.Collections.Generic.Dictionary`2", "get_Item", "(TKey key)"))),),
        (see("sentry.error"), see("sentry.error", release=1), see("sentry.issue"), see("splunk", 2, **worker_log("claims-submitted"))),
        classes=(4,), pair="bg-currency-route-key", handled=True, log="Handling {MessageId} failed", logger="Marlpit.Claims.Intake.Handlers.ClaimSubmittedHandler", entry="claims-submitted", span=2),
    # Optimistic concurrency: a handler approving a claim the payments worker just settled,
    # and the settlement handler losing to a handler's edit. One log monitor over both.
    Bug("bg-admin-approve-concurrency", "claims-admin", (Exc("Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException", CONCURRENCY, (*RAZOR, cs("Marlpit.Claims.Admin.Pages.Claims.ApproveModel", "OnPostAsync", "(Guid id)", "/src/src/Marlpit.Claims.Admin/Pages/Claims/Approve.cshtml.cs", 39, boundary=True), *SAVE, *CONCURRENCY_AFFECT)),),
        (see("sentry.error", 2, mechanism=ADMIN_MECHANISM), see("splunk", 2, search="claims-admin - errors"), see("datadog.log", **CONCURRENCY_LOG)),
        classes=(4,), pair="bg-settle-concurrency", log="An unhandled exception has occurred while executing the request.", logger="Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware", entry="POST /claims/{id}/approve"),
    Bug("bg-settle-concurrency", "claims-payments", (Exc("Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException", CONCURRENCY, (*PROCESSOR, own(PAY, "Handlers/SettlementApprovedHandler", "HandleAsync", 52, "(SettlementApproved message, CancellationToken ct)"), own(PAY, "Settlement/SettlementLedger", "CloseAsync", 44, "(Claim claim, CancellationToken ct)"), *SAVE, *CONCURRENCY_AFFECT)),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **worker_log("settlement-approved")), see("datadog.log", **CONCURRENCY_LOG)),
        classes=(4,), pair="bg-admin-approve-concurrency", handled=True, log="Handling {MessageId} failed", logger="Marlpit.Claims.Payments.Handlers.SettlementApprovedHandler", entry="settlement-approved"),
    # A photo referenced by the notification that the portal never uploaded.
    Bug("bg-document-blob-missing", "claims-intake", (Exc("Azure.RequestFailedException", "The specified blob does not exist.\nRequestId:{uuid}\nTime:{tsms}\nStatus: 404 (The specified blob does not exist.)\nErrorCode: BlobNotFound\n\nContent:\n<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>BlobNotFound</Code><Message>The specified blob does not exist.\nRequestId:{uuid}\nTime:{tsms}</Message></Error>\n\nHeaders:\nx-ms-request-id: {uuid}\nx-ms-client-request-id: {uuid2}\nx-ms-version: 2025-01-05\nx-ms-error-code: BlobNotFound\nDate: Mon, 02 Mar 2026 10:00:00 GMT\nServer: Windows-Azure-Blob/1.0,Microsoft-HTTPAPI/2.0\nContent-Length: 215\nContent-Type: application/xml\n", (*PROCESSOR, own(INTAKE, "Handlers/DocumentUploadedHandler", "HandleAsync", 27, "(DocumentUploaded message, CancellationToken ct)"), own(INTAKE, "Documents/EvidenceStore", "CopyToCaseAsync", 41, "(DocumentUploaded message, CancellationToken ct)"), lib("Azure.Storage.Blobs.Specialized.BlobBaseClient", "StartCopyFromUriInternal", "(Uri source, BlobCopyFromUriOptions options, Boolean async, CancellationToken cancellationToken)"))),),
        (see("sentry.error"), see("sentry.error", release=1), see("sentry.issue"), see("splunk", 2, **worker_log("documents-uploaded")), see("datadog.apm", **INTAKE_TYPES)),
        handled=True, log="Handling {MessageId} failed", logger="Marlpit.Claims.Intake.Handlers.DocumentUploadedHandler", entry="documents-uploaded", span=2),
    # A settlement handler slower than the queue's lock: completing the message fails.
    Bug("bg-settlement-lock-lost", "claims-payments", (Exc("Azure.Messaging.ServiceBus.ServiceBusException", "The lock supplied is invalid. Either the lock expired, or the message has already been removed from the queue. For more information please see https://aka.ms/ServiceBusExceptions . Reference:{uuid}, TrackingId:{hex}, SystemTracker:marlpit-prod-sb:Queue:settlement-approved, Timestamp:{tsms} (MessageLockLost). For troubleshooting information, see https://aka.ms/azsdk/net/servicebus/exceptions/troubleshoot.", (*PROCESSOR[:2], lib("Azure.Messaging.ServiceBus.ReceiverManager", "CompleteMessageIfNeededAsync", "(ServiceBusReceivedMessage message, CancellationToken cancellationToken)"), lib("Azure.Messaging.ServiceBus.Amqp.AmqpReceiver", "CompleteInternalAsync", "(Guid lockToken, TimeSpan timeout)"))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 3, **worker_log("settlement-approved")), see("datadog.apm", style="message", monitor="claims-payments error spans", team=TEAM)),
        handled=True, log="Message handler encountered an exception", logger="Marlpit.Common.Messaging.QueueWorker", entry="settlement-approved"),
    # A payment instruction whose amount arrives as a formatted string.
    Bug("bg-payment-amount-json", "claims-payments", (Exc("System.Text.Json.JsonException", "The JSON value could not be converted to System.Decimal. Path: $.amount | LineNumber: 0 | BytePositionInLine: {n}.", (*PROCESSOR, own(PAY, "Handlers/SettlementApprovedHandler", "HandleAsync", 31, "(SettlementApproved message, CancellationToken ct)"), lib("System.Text.Json.JsonSerializer", "Deserialize[TValue]", "(ReadOnlySpan`1 utf8Json, JsonSerializerOptions options)"), lib("System.Text.Json.ThrowHelper", "ReThrowWithPath", "(ReadStack& state, Utf8JsonReader& reader, Exception ex)"))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **worker_log("settlement-approved"))),
        handled=True, log="Handling {MessageId} failed", logger="Marlpit.Claims.Payments.Handlers.SettlementApprovedHandler", entry="settlement-approved"),
    # Evidence bundles uploaded slowly: one Serilog template whose values vary.
    Bug("bg-evidence-upload-slow", "claims-intake", (),
        (see("splunk", 3, search="claims workers - slow uploads", line='{"Timestamp":"{tsnaive}0+00:00","Level":"Warning","MessageTemplate":"Evidence bundle {ClaimId} uploaded to {Endpoint} in {Elapsed} ({Size})","RenderedMessage":"Evidence bundle \\"{uuid}\\" uploaded to \\"{objstore}\\" in \\"{dur}\\" (\\"{size}\\")","Properties":{"ClaimId":"{uuid}","Endpoint":"{objstore}","Elapsed":"{dur}","Size":"{size}","SourceContext":"Marlpit.Claims.Intake.Documents.EvidenceStore"}}'), see("datadog.log", monitor="Slow evidence uploads", team=TEAM, filter='service:claims-intake "Evidence bundle"', text="Evidence bundle uploaded to {objstore} in {dur} ({size})")),
        classes=(7,)),
    # Seen once: the back office's bordereau export running out of memory.
    Bug("bg-bordereau-oom", "claims-admin", (Exc("System.OutOfMemoryException", "Exception of type 'System.OutOfMemoryException' was thrown.", (*RAZOR, cs("Marlpit.Claims.Admin.Pages.Reports.BordereauModel", "OnPostExportAsync", "(DateOnly month)", "/src/src/Marlpit.Claims.Admin/Pages/Reports/Bordereau.cshtml.cs", 61, boundary=True), lib("System.Text.StringBuilder", "ExpandByABlock", "(Int32 minBlockCharCount)"))),),
        (see("sentry.error", mechanism=ADMIN_MECHANISM),),
        singleton=True, entry="POST /reports/bordereau"),
]

NOISE = [
    Noise("bg-noise-deploy", "claims-payments", "datadog.event", {"monitor": "Deployed claims-payments 2026.3.2", "text": "Azure DevOps release 2026.3.2 rolled out claims-payments (3/3 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": TEAM}),
    Noise("bg-noise-started", "claims-intake", "splunk", {"search": "claims workers - errors", "line": '{"Timestamp":"{tsnaive}0+00:00","Level":"Information","MessageTemplate":"Application started. Press Ctrl+C to shut down.","RenderedMessage":"Application started. Press Ctrl+C to shut down.","Properties":{"SourceContext":"Microsoft.Hosting.Lifetime","MachineName":"claims-intake-7d9c5f6b8-x2kqp"}}'}),
    Noise("bg-noise-recovered", "claims-intake", "datadog.log", {"monitor": "Partner HTTP timeouts", "transition": "Recovered", "alert_type": "success", "filter": "env:prod \"HttpClient.Timeout\"", "text": "Partner HTTP timeouts are back under the threshold.", "priority": "P3", "team": TEAM}),
]

MARLPIT = Company(
    key="bg",
    name="Marlpit Mutual",
    domain="marlpit.example",
    sentry_org="marlpit",
    splunk_url="https://marlpit.splunkcloud.com",
    splunk_guid="3F6B1D92-C07A-4E55-B8E3-91A24D7C0F18",
    datadog_org=("529771", "Marlpit Mutual"),
    datadog_template="bg-claims",
    posthog_project=(0, ""),
    releases=("2026.3.1", "2026.3.2", "2026.3.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="marlpit-sentry-client-secret",
)
