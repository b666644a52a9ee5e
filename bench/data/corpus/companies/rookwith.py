"""(by) Rookwith Physio, a chain of physiotherapy clinics: an ASP.NET Core 8 Web API
(``clinic-api``: appointments, patients, invoices, insurer claims; EF Core 8 over
PostgreSQL through Npgsql), a Blazor Server admin for the front desks (``desk-admin``:
rotas, refunds, reports; interactive server components over SignalR circuits) and a
booking widget embedded on the clinics' pages (``booking-widget``, TypeScript built by Vite,
``/assets/chunk-<HASH>.js``, esbuild-style names).

Sentry: Sentry.AspNetCore 4 (``SentryMiddleware.UnhandledException`` on the API; on the
admin, circuit errors reach Sentry through Sentry.Extensions.Logging as ``LogError`` events).
Splunk: Serilog's ``CompactJsonFormatter`` (CLEF: ``@t``, ``@mt``, ``@l``, ``@x``) on both
containers' stdout, read by the Splunk OTel collector. PostHog: posthog-js exception
autocapture on the booking widget (raw frames; one release resolved). No Datadog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import ASPNET, cs, js

# The tables keep one frame or delivery per line.
# fmt: off
SDK_API = ("sentry.dotnet.aspnetcore", "4.12.1", "nuget:Sentry.AspNetCore")
SERVICES = {
    "clinic-api": Service("clinic-api", "csharp", "serilog", "rookwith:api:clef", "/var/log/containers/clinic-api.log", "rookwith_prod", 6620081, ".NET 8.0.10", framework="aspnetcore", sdk=SDK_API),
    "desk-admin": Service("desk-admin", "csharp", "serilog", "rookwith:admin:clef", "/var/log/containers/desk-admin.log", "rookwith_prod", 6620082, ".NET 8.0.10", framework="aspnetcore", sdk=("sentry.dotnet.extensions.logging", "4.12.1", "nuget:Sentry.Extensions.Logging")),
    "booking-widget": Service("booking-widget", "javascript", "", "", "", "", 6620085, origin="https://book.rookwith.example", framework="onerror", sdk=("sentry.javascript.browser", "8.35.0", "npm:@sentry/browser")),
}


def api(type_: str, method: str, args: str, file: str, line: int) -> Frame:
    return cs(f"Rookwith.Clinic.Api.{type_}", method, args, f"/src/Rookwith.Clinic.Api/{file}", line)


def adm(type_: str, method: str, args: str, file: str, line: int) -> Frame:
    return cs(f"Rookwith.Desk.Admin.{type_}", method, args, f"/src/Rookwith.Desk.Admin/{file}", line)


def dom(type_: str, method: str, args: str, file: str, line: int) -> Frame:
    return cs(f"Rookwith.Clinic.Domain.{type_}", method, args, f"/src/Rookwith.Clinic.Domain/{file}", line)


# A Blazor Server event handler: the circuit's renderer dispatching the click.
BLAZOR = (
    cs("Microsoft.AspNetCore.Components.Server.Circuits.CircuitHost", "DispatchEvent", "(String eventDescriptorJson, String eventArgsJson)", lib=True),
    cs("Microsoft.AspNetCore.Components.RenderTree.Renderer", "DispatchEventAsync", "(UInt64 eventHandlerId, EventFieldInfo fieldInfo, EventArgs eventArgs, Boolean waitForQuiescence)", lib=True),
    cs("Microsoft.AspNetCore.Components.ComponentBase", "Microsoft.AspNetCore.Components.IHandleEvent.HandleEventAsync", "(EventCallbackWorkItem callback, Object arg)", lib=True),
)
BLAZOR_RENDER = (
    cs("Microsoft.AspNetCore.Components.RenderTree.Renderer", "ProcessPendingRender", "()", lib=True),
    cs("Microsoft.AspNetCore.Components.Rendering.ComponentState", "RenderIntoBatch", "(RenderBatchBuilder batchBuilder, RenderFragment renderFragment, Exception& renderFragmentException)", lib=True),
)
EF_SAVE = (
    cs("Microsoft.EntityFrameworkCore.DbContext", "SaveChangesAsync", "(Boolean acceptAllChangesOnSuccess, CancellationToken cancellationToken)", lib=True, boundary=True),
    cs("Microsoft.EntityFrameworkCore.Update.Internal.BatchExecutor", "ExecuteAsync", "(IEnumerable`1 commandBatches, IRelationalConnection connection, CancellationToken cancellationToken)", lib=True, boundary=True),
    cs("Microsoft.EntityFrameworkCore.Update.ReaderModificationCommandBatch", "ExecuteAsync", "(IRelationalConnection connection, CancellationToken cancellationToken)", lib=True),
)
NPGSQL = (
    cs("Npgsql.Internal.NpgsqlConnector", "ReadMessageLong", "(Boolean async, DataRowLoadingMode dataRowLoadingMode, Boolean readingNotifications, Boolean isReadingPrependedMessage)", lib=True),
    cs("Npgsql.NpgsqlDataReader", "NextResult", "(Boolean async, Boolean isConsuming, CancellationToken cancellationToken)", lib=True),
)
FIRST = (
    cs("Microsoft.EntityFrameworkCore.Query.ShapedQueryCompilingExpressionVisitor", "SingleAsync[TSource]", "(IAsyncEnumerable`1 asyncEnumerable, CancellationToken cancellationToken)", lib=True),
    cs("System.Linq.ThrowHelper", "ThrowNoElementsException", "()", lib=True),
)
HTTP_SEND = (
    cs("System.Net.Http.HttpClient", "<SendAsync>g__Core|83_0", "(HttpRequestMessage request, HttpCompletionOption completionOption, CancellationTokenSource cts, Boolean disposeCts, CancellationTokenSource pendingRequestsCts, CancellationToken originalCancellationToken)", lib=True, boundary=True),
    cs("System.Net.Http.HttpClient", "HandleFailure", "(Exception e, Boolean telemetryStarted, HttpResponseMessage response, CancellationTokenSource cts, CancellationToken cancellationToken, CancellationTokenSource pendingRequestsCts)", lib=True),
)
# Both insurers' claim calls go through one typed client: its frame ends both timeouts.
CLAIMS_SEND = dom("Claims.InsurerClient", "SubmitAsync", "(InsurerEndpoint endpoint, ClaimPayload payload, CancellationToken ct)", "Claims/InsurerClient.cs", 57)
HTTP_TIMEOUT = "The request was canceled due to the configured HttpClient.Timeout of 20 seconds elapsing."
NRE = "Object reference not set to an instance of an object."
NO_ELEMENTS = "Sequence contains no elements."


def pg_unique(constraint: str, table: str) -> str:
    return f'23505: duplicate key value violates unique constraint "{constraint}"\n\nDETAIL: Detail redacted as it may contain sensitive data. Specify \'Include Error Detail\' in the connection string to include this information.'


# What the two hosts log with the exception: ASP.NET Core's exception handler on the API, the
# circuit host on the admin.
API_LOGS = {"log": "An unhandled exception has occurred while executing the request.", "logger": "Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware"}
CIRCUIT_LOGS = {"log": "Unhandled exception in circuit '{CircuitId}'.", "logger": "Microsoft.AspNetCore.Components.Server.Circuits.CircuitHost"}
UPDATE = "An error occurred while saving the entity changes. See the inner exception for details."
API = {"search": "clinic-api errors (CLEF)", "mechanism": "SentryMiddleware.UnhandledException"}
ADMIN = {"search": "desk-admin circuit errors (CLEF)"}
STATS = "clinic errors by SourceContext and exception type (1h)"
WIDGET = "assets/index"

BUGS = [
    # The same NullReferenceException in the invoice mapper and the rota page: one message, two places.
    Bug("by-invoice-nre", "clinic-api", (Exc("System.NullReferenceException", NRE, (*ASPNET, api("Controllers.InvoicesController", "Get", "(Guid id, CancellationToken ct)", "Controllers/InvoicesController.cs", 41), dom("Billing.InvoiceMapper", "ToDto", "(Invoice invoice)", "Billing/InvoiceMapper.cs", 23))),),
        (see("sentry.error", 3, **API), see("sentry.error", release=1, **API), see("splunk", 2, **API)),
        **API_LOGS, classes=(4,), pair="by-rota-nre", entry="GET /api/invoices/{id}", span=2, renames={"Get": "GetById"}),
    Bug("by-rota-nre", "desk-admin", (Exc("System.NullReferenceException", NRE, (*BLAZOR_RENDER, adm("Pages.Rota", "BuildRenderTree", "(RenderTreeBuilder __builder)", "Pages/Rota.razor", 58))),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **ADMIN)),
        **CIRCUIT_LOGS, classes=(4,), pair="by-invoice-nre", entry="/rota"),
    # DbUpdateException over two unique constraints: a double-booked slot, a duplicate patient email.
    Bug("by-slot-unique", "clinic-api", (Exc("Npgsql.PostgresException", pg_unique("IX_Appointments_ClinicianId_StartsAt", "Appointments"), NPGSQL), Exc("Microsoft.EntityFrameworkCore.DbUpdateException", UPDATE, (*ASPNET, api("Controllers.AppointmentsController", "Book", "(BookAppointmentRequest request, CancellationToken ct)", "Controllers/AppointmentsController.cs", 63), *EF_SAVE))),
        (see("sentry.error", 3, **API), see("sentry.alert", rule="clinic-api: new issue"), see("splunk", 2, **API)),
        **API_LOGS, classes=(4,), pair="by-patient-email-unique", entry="POST /api/appointments"),
    Bug("by-patient-email-unique", "clinic-api", (Exc("Npgsql.PostgresException", pg_unique("IX_Patients_Email", "Patients"), NPGSQL), Exc("Microsoft.EntityFrameworkCore.DbUpdateException", UPDATE, (*ASPNET, api("Controllers.PatientsController", "Register", "(RegisterPatientRequest request, CancellationToken ct)", "Controllers/PatientsController.cs", 35), *EF_SAVE))),
        (see("sentry.error", 3, **API), see("splunk", 2, **API), see("splunk", search=STATS, stats={"SourceContext": "Rookwith.Clinic.Api.Controllers.PatientsController", "ExceptionType": "Microsoft.EntityFrameworkCore.DbUpdateException", "count": "{n}"})),
        **API_LOGS, classes=(4,), pair="by-slot-unique", entry="POST /api/patients"),
    # Two insurers' claim endpoints timing out in one typed client.
    Bug("by-claim-axa-timeout", "clinic-api", (Exc("System.TimeoutException", "The operation was canceled."), Exc("System.Threading.Tasks.TaskCanceledException", HTTP_TIMEOUT, (*ASPNET, api("Controllers.ClaimsController", "Submit", "(Guid appointmentId, CancellationToken ct)", "Controllers/ClaimsController.cs", 29), CLAIMS_SEND, *HTTP_SEND))),
        (see("sentry.error", 3, **API), see("splunk", 2, **API)),
        **API_LOGS, classes=(9,), pair="by-claim-bupa-status", entry="POST /api/claims/{id}"),
    Bug("by-claim-bupa-status", "desk-admin", (Exc("System.TimeoutException", "The operation was canceled."), Exc("System.Threading.Tasks.TaskCanceledException", HTTP_TIMEOUT, (*BLAZOR, adm("Pages.Claims", "RefreshStatusAsync", "()", "Pages/Claims.razor", 112), dom("Claims.ClaimStatusService", "PollAsync", "(Guid claimId, CancellationToken ct)", "Claims/ClaimStatusService.cs", 38), CLAIMS_SEND, *HTTP_SEND))),
        (see("sentry.error", 3), see("sentry.error", release=1), see("splunk", 2, **ADMIN)),
        **CIRCUIT_LOGS, classes=(9,), pair="by-claim-axa-timeout", entry="/claims", span=2),
    # One refund method, two exceptions: no payment found, and an amount over the paid total.
    Bug("by-refund-no-payment", "desk-admin", (Exc("System.InvalidOperationException", NO_ELEMENTS, (*BLAZOR, adm("Pages.Refunds", "IssueAsync", "()", "Pages/Refunds.razor", 74), dom("Billing.RefundService", "RefundAsync", "(Guid invoiceId, Decimal amount)", "Billing/RefundService.cs", 31), *FIRST)),),
        (see("sentry.error", 3), see("splunk", 2, **ADMIN)),
        **CIRCUIT_LOGS, classes=(4,), pair="by-refund-over-total", entry="/refunds"),
    Bug("by-refund-over-total", "desk-admin", (Exc("System.ArgumentOutOfRangeException", "Refund exceeds the amount paid. (Parameter 'amount')\nActual value was {n}.50.", (*BLAZOR, adm("Pages.Refunds", "IssueAsync", "()", "Pages/Refunds.razor", 74), dom("Billing.RefundService", "RefundAsync", "(Guid invoiceId, Decimal amount)", "Billing/RefundService.cs", 44))),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **ADMIN), see("splunk", search=STATS, stats={"SourceContext": "Rookwith.Desk.Admin.Pages.Refunds", "ExceptionType": "System.ArgumentOutOfRangeException", "count": "{n}"})),
        **CIRCUIT_LOGS, classes=(4,), pair="by-refund-no-payment", entry="/refunds"),
    # The widget reading an undefined slot list in two functions.
    Bug("by-js-slots-undefined", "booking-widget", (Exc("TypeError", frames=(js("src/main.ts", "onDateChange", 88, 9, WIDGET), js("src/slots.ts", "renderSlots", 23, 31, WIDGET)), js=JsError("read-undefined", "day.slots", "length")),),
        (see("sentry.error", 2, browser="chrome", chunk=WIDGET), see("sentry.error", browser="safari", chunk=WIDGET, release=1), see("posthog", browser="firefox", chunk=WIDGET), see("posthog", browser="chrome", chunk=WIDGET, release=1, resolved=True)),
        classes=(3, 4), pair="by-js-summary-undefined", span=2, page="/book"),
    Bug("by-js-summary-undefined", "booking-widget", (Exc("TypeError", frames=(js("src/main.ts", "onConfirm", 121, 5, WIDGET), js("src/summary.ts", "renderSummary", 40, 18, WIDGET)), js=JsError("read-undefined", "day.slots", "length")),),
        (see("sentry.error", browser="chrome", chunk=WIDGET), see("posthog", 2, browser="edge", chunk=WIDGET), see("posthog", browser="safari", chunk=WIDGET)),
        classes=(3, 4), pair="by-js-slots-undefined", page="/book"),
    # The circuit torn down when JS interop times out on slow desk PCs.
    Bug("by-jsinterop-timeout", "desk-admin", (Exc("System.Threading.Tasks.TaskCanceledException", "A task was canceled.", (*BLAZOR, adm("Pages.Reports", "DownloadAsync", "()", "Pages/Reports.razor", 66), cs("Microsoft.JSInterop.JSRuntime", "InvokeAsync[TValue]", "(Int64 targetInstanceId, String identifier, Object[] args)", lib=True))),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 2, **ADMIN)),
        **CIRCUIT_LOGS, classes=(5,), entry="/reports", span=3, renames={"DownloadAsync": "ExportCsvAsync"}),
    # Npgsql pool exhausted at the Monday-morning booking peak.
    Bug("by-npgsql-pool", "clinic-api", (Exc("Npgsql.NpgsqlException", "The connection pool has been exhausted, either raise 'Max Pool Size' (currently 50) or 'Timeout' (currently 15 seconds) in your connection string.", (*ASPNET, api("Controllers.AppointmentsController", "Availability", "(Guid clinicId, DateOnly from, CancellationToken ct)", "Controllers/AppointmentsController.cs", 88), cs("Npgsql.PoolingDataSource", "<Get>g__RentAsync|34_0", "(NpgsqlConnection conn, NpgsqlTimeout timeout, Boolean async, CancellationToken cancellationToken)", lib=True))),),
        (see("sentry.error", 3, **API), see("splunk", 2, **API), see("splunk", search=STATS, stats={"SourceContext": "Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware", "ExceptionType": "Npgsql.NpgsqlException", "count": "{n}"})),
        **API_LOGS, entry="GET /api/clinics/{id}/availability"),
    # A booking request with a date the widget formats in the browser's locale.
    Bug("by-booking-json", "clinic-api", (Exc("System.Text.Json.JsonException", "The JSON value could not be converted to System.DateOnly. Path: $.date | LineNumber: 0 | BytePositionInLine: {n}.", (*ASPNET[:2], cs("Microsoft.AspNetCore.Mvc.Formatters.SystemTextJsonInputFormatter", "ReadRequestBodyAsync", "(InputFormatterContext context, Encoding encoding)", lib=True), cs("System.Text.Json.ThrowHelper", "ReThrowWithPath", "(ReadStack& state, Utf8JsonReader& reader, Exception ex)", lib=True))),),
        (see("sentry.error", 2, **API), see("splunk", 2, **API)),
        **API_LOGS, classes=(10,), entry="POST /api/appointments"),
    # Two desks editing one rota week: EF Core's optimistic concurrency on the row version.
    Bug("by-rota-concurrency", "desk-admin", (Exc("Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException", "The database operation was expected to affect 1 row(s), but actually affected 0 row(s); data may have been modified or deleted since entities were loaded. See https://go.microsoft.com/fwlink/?LinkId=527962 for information on understanding and handling optimistic concurrency exceptions.", (*BLAZOR, adm("Pages.Rota", "SaveAsync", "()", "Pages/Rota.razor", 131), dom("Rota.RotaService", "SaveWeekAsync", "(RotaWeek week, CancellationToken ct)", "Rota/RotaService.cs", 52), *EF_SAVE, cs("Microsoft.EntityFrameworkCore.Update.AffectedCountModificationCommandBatch", "ThrowAggregateUpdateConcurrencyExceptionAsync", "(RelationalDataReader reader, Int32 commandIndex, Int32 expectedRowsAffected, Int32 rowsAffected, CancellationToken cancellationToken)", lib=True))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **ADMIN)),
        **CIRCUIT_LOGS, entry="/rota"),
    # The widget posting its request log: one template, no bug.
    Bug("by-slow-availability", "clinic-api", (),
        (see("splunk", 4, search="clinic-api slow requests", line='{"@t":"{ts}","@mt":"HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms","@l":"Warning","RequestMethod":"GET","RequestPath":"/api/clinics/{id}/availability","StatusCode":200,"Elapsed":{elapsed},"ContentLength":"{size}","SourceContext":"Serilog.AspNetCore.RequestLoggingMiddleware"}'),),
        classes=(7,)),
    # Seen once: an antiforgery token rejected after a data-protection key rotation.
    Bug("by-antiforgery", "desk-admin", (Exc("Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException", "The antiforgery token could not be decrypted.", (cs("Microsoft.AspNetCore.Antiforgery.DefaultAntiforgery", "ValidateRequestAsync", "(HttpContext httpContext)", lib=True),)),),
        (see("sentry.error"),),
        **API_LOGS, singleton=True, entry="POST /_blazor/negotiate"),
]

NOISE = [
    Noise("by-noise-started", "clinic-api", "splunk", {**API, "line": '{"@t":"{ts}","@mt":"Application started. Press Ctrl+C to shut down.","SourceContext":"Microsoft.Hosting.Lifetime"}'}),
    Noise("by-noise-migrations", "clinic-api", "splunk", {**API, "line": '{"@t":"{ts}","@mt":"Applying migration \'{Migration}\' to database.","Migration":"20261201094412_AddClaimStatus","SourceContext":"Microsoft.EntityFrameworkCore.Migrations"}'}),
    Noise("by-noise-circuit", "desk-admin", "splunk", {**ADMIN, "line": '{"@t":"{ts}","@mt":"Circuit {CircuitId} disconnected.","CircuitId":"{hex}","SourceContext":"Microsoft.AspNetCore.Components.Server.Circuits.CircuitRegistry"}'}),
]

ROOKWITH = Company(
    key="by",
    name="Rookwith Physio",
    domain="rookwith.example",
    sentry_org="rookwith",
    splunk_url="https://rookwith.splunkcloud.com",
    splunk_guid="0C9E4B52-7F31-4A8D-9E06-B3D1C5F7A290",
    datadog_org=("0", ""),
    datadog_template="default",
    posthog_project=(61730, "Rookwith booking"),
    releases=("2026.48.1", "2026.49.0", "2026.50.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="rookwith-sentry-client-secret",
)
