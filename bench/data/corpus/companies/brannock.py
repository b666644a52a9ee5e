"""(br) Brannock Freight, a freight forwarder's booking and tracking portal: an ASP.NET Core 8
app on .NET 8 (``freight-web``: MVC pages for the operations desk and a Web API under
``/api`` for the customer portal, EF Core 8 over SQL Server), a Worker Service of
``BackgroundService``s (``freight-worker``: carrier tracking polls, demurrage, manifest
uploads; no Hangfire) and a React 18 customer portal built by Vite 5 (``portal-spa``:
``/assets/<Name>-<hash>.js``, lazy routes in chunks of their own).

Sentry: Sentry.AspNetCore 4 (``SentryMiddleware.UnhandledException``), Sentry.Extensions.Logging
in the worker (events from ``LogError(ex, ...)``), @sentry/react 8 (source maps uploaded from
the second release on). Splunk: the web app's Serilog through Serilog.Sinks.Splunk's
``EventCollector`` (HEC indexes the ``SplunkJsonFormatter`` event: ``Level``,
``MessageTemplate``, ``RenderedMessage``, ``Exception``, ``Properties``); the worker's Serilog
``CompactJsonFormatter`` on stdout, read by the Splunk OTel collector. Datadog: dd-trace-dotnet
APM monitors (by error type, by route, the hosted services' own ``worker.execute`` spans by
resource) through the team's template (``br-brannock``). No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import ASPNET, REACT_CLICK, REACT_RENDER, cs, js

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "freight-web": Service("freight-web", "csharp", "br-serilog-splunk-hec", "brannock:web:hec", "http:freight-web", "brannock_prod", 7330051, ".NET 8.0.11", framework="br-aspnetcore", sdk=("sentry.dotnet.aspnetcore", "4.13.0", "nuget:Sentry.AspNetCore")),
    "freight-worker": Service("freight-worker", "csharp", "br-serilog-compact", "brannock:worker:clef", "/var/log/containers/freight-worker.log", "brannock_prod", 7330054, ".NET 8.0.11", framework="br-hosted", sdk=("sentry.dotnet.extensions.logging", "4.13.0", "nuget:Sentry.Extensions.Logging")),
    "portal-spa": Service("portal-spa", "javascript", "", "", "", "", 7330057, origin="https://portal.brannock.example", framework="onerror", sdk=("sentry.javascript.react", "8.42.0", "npm:@sentry/react")),
}


def web(type_: str, method: str, args: str, file: str, line: int, *, boundary: bool = False) -> Frame:
    return cs(f"Brannock.Freight.Web.{type_}", method, args, f"/src/Brannock.Freight.Web/{file}", line, boundary=boundary)


def wrk(type_: str, method: str, args: str, file: str, line: int, *, boundary: bool = False) -> Frame:
    return cs(f"Brannock.Freight.Worker.{type_}", method, args, f"/src/Brannock.Freight.Worker/{file}", line, boundary=boundary)


def core(type_: str, method: str, args: str, file: str, line: int, *, boundary: bool = False) -> Frame:
    return cs(f"Brannock.Freight.Core.{type_}", method, args, f"/src/Brannock.Freight.Core/{file}", line, boundary=boundary)


HOSTED = (
    cs("Microsoft.Extensions.Hosting.Internal.Host", "<StartAsync>b__15_1", "(IHostedService service, CancellationToken token)", lib=True),
    cs("Microsoft.Extensions.Hosting.BackgroundService", "ExecuteAsync", "(CancellationToken stoppingToken)", lib=True, boundary=True),
)
EF_SAVE = (
    cs("Microsoft.EntityFrameworkCore.DbContext", "SaveChangesAsync", "(Boolean acceptAllChangesOnSuccess, CancellationToken cancellationToken)", lib=True, boundary=True),
    cs("Microsoft.EntityFrameworkCore.ChangeTracking.Internal.StateManager", "SaveChangesAsync", "(StateManager stateManager, Boolean acceptAllChangesOnSuccess, CancellationToken cancellationToken)", lib=True, boundary=True),
    cs("Microsoft.EntityFrameworkCore.Update.Internal.BatchExecutor", "ExecuteAsync", "(IEnumerable`1 commandBatches, IRelationalConnection connection, CancellationToken cancellationToken)", lib=True, boundary=True),
    cs("Microsoft.EntityFrameworkCore.Update.ReaderModificationCommandBatch", "ExecuteAsync", "(IRelationalConnection connection, CancellationToken cancellationToken)", lib=True),
)
SQL_READ = (
    cs("Microsoft.Data.SqlClient.SqlCommand+<>c", "<ExecuteDbDataReaderAsync>b__211_0", "(Task`1 result)", lib=True),
    cs("Microsoft.Data.SqlClient.SqlConnection", "OnError", "(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)", lib=True),
)
EF_QUERY = (
    cs("Microsoft.EntityFrameworkCore.Query.Internal.SingleQueryingEnumerable`1+AsyncEnumerator", "MoveNextAsync", "()", lib=True, boundary=True),
    cs("Microsoft.EntityFrameworkCore.Storage.RelationalCommand", "ExecuteReaderAsync", "(RelationalCommandParameterObject parameterObject, CancellationToken cancellationToken)", lib=True, boundary=True),
)
HTTP_SEND = (
    cs("System.Net.Http.HttpClient", "<SendAsync>g__Core|83_0", "(HttpRequestMessage request, HttpCompletionOption completionOption, CancellationTokenSource cts, Boolean disposeCts, CancellationTokenSource pendingRequestsCts, CancellationToken originalCancellationToken)", lib=True, boundary=True),
    cs("System.Net.Http.HttpClient", "HandleFailure", "(Exception e, Boolean telemetryStarted, HttpResponseMessage response, CancellationTokenSource cts, CancellationToken cancellationToken, CancellationTokenSource pendingRequestsCts)", lib=True),
)
# Every carrier and customs call goes through one helper: its frame ends both timeouts.
PARTNER_SEND = core("Http.PartnerHttp", "PostJsonAsync[TResponse]", "(String path, Object body, CancellationToken ct)", "Http/PartnerHttp.cs", 48, boundary=True)
HTTP_TIMEOUT = "The request was canceled due to the configured HttpClient.Timeout of 30 seconds elapsing."
PARSE_DECIMAL = (
    cs("System.Number", "ThrowFormatException[TChar]", "(ReadOnlySpan`1 value)", lib=True),
    cs("System.Decimal", "Parse", "(String s, NumberStyles style, IFormatProvider provider)", lib=True),
)
OVERFLOW_DECIMAL = (
    cs("System.Number", "ThrowOverflowException[TInteger]", "()", lib=True),
    cs("System.Decimal", "Parse", "(String s, NumberStyles style, IFormatProvider provider)", lib=True),
)
NRE = "Object reference not set to an instance of an object."


def sql_unique(kind: str, name: str, table: str, value: str) -> tuple[Exc, Exc]:
    """EF Core's DbUpdateException over SqlClient's SqlException (cause first)."""
    return (
        Exc("Microsoft.Data.SqlClient.SqlException", f"Violation of {kind} constraint '{name}'. Cannot insert duplicate key in object '{table}'. The duplicate key value is ({value}).\nThe statement has been terminated.", SQL_READ),
        Exc("Microsoft.EntityFrameworkCore.DbUpdateException", "An error occurred while saving the entity changes. See the inner exception for details.", ()),
    )


API_SEARCH = {"search": "freight-web unhandled exceptions", "mechanism": "SentryMiddleware.UnhandledException"}
WORKER_SEARCH = {"search": "freight-worker errors (CLEF)"}
SMW = {"mechanism": "SentryMiddleware.UnhandledException"}
TEAM = "freight-platform"
APM_TYPE = {"style": "type", "monitor": "freight-web error spans by type", "team": TEAM}
APM_MSG = {"style": "message", "monitor": "freight-web errors (all routes)", "team": TEAM}


def _with(excs: tuple[Exc, Exc], frames: tuple[Frame, ...]) -> tuple[Exc, Exc]:
    cause, thrown = excs
    return cause, Exc(thrown.type, thrown.value, frames)


BUGS = [
    # Two unique constraints: a booking reference issued twice, a container booked twice.
    Bug("br-booking-ref-unique", "freight-web", _with(sql_unique("UNIQUE KEY", "UQ_Bookings_Reference", "dbo.Bookings", "BRK-{order}"), (*ASPNET, web("Controllers.Api.BookingsController", "Create", "(CreateBookingRequest request, CancellationToken ct)", "Controllers/Api/BookingsController.cs", 57, boundary=True), core("Bookings.BookingService", "PlaceAsync", "(Booking booking, CancellationToken ct)", "Bookings/BookingService.cs", 88, boundary=True), *EF_SAVE)),
        (see("sentry.error", 2, **SMW), see("sentry.issue"), see("splunk", 3, mt="An unhandled exception has occurred while executing the request.", **API_SEARCH), see("datadog.apm", **APM_TYPE)),
        classes=(4,), pair="br-container-unique", entry="POST /api/bookings"),
    Bug("br-container-unique", "freight-web", _with(sql_unique("PRIMARY KEY", "PK_ContainerAssignments", "dbo.ContainerAssignments", "{sku}, {n}"), (*ASPNET, web("Controllers.ContainersController", "Assign", "(Int32 bookingId, AssignContainerForm form)", "Controllers/ContainersController.cs", 41, boundary=True), core("Containers.ContainerAllocator", "AssignAsync", "(Int32 bookingId, String containerNumber, CancellationToken ct)", "Containers/ContainerAllocator.cs", 63, boundary=True), *EF_SAVE)),
        (see("sentry.error", 2, **SMW), see("splunk", 2, **API_SEARCH), see("datadog.apm", **APM_TYPE)),
        classes=(4,), pair="br-booking-ref-unique", entry="POST /Containers/Assign/{id}"),
    # A missing consignee at two places: the quote page and the invoice API.
    Bug("br-quote-consignee-nre", "freight-web", (Exc("System.NullReferenceException", NRE, (*ASPNET, web("Controllers.QuotesController", "Details", "(Int32 id)", "Controllers/QuotesController.cs", 36, boundary=True), web("ViewModels.QuoteViewModel", "From", "(Quote quote)", "ViewModels/QuoteViewModel.cs", 22))),),
        (see("sentry.error", 2, **SMW), see("sentry.error", release=1, **SMW), see("splunk", 2, **API_SEARCH), see("datadog.apm", **APM_MSG)),
        classes=(4,), pair="br-invoice-consignee-nre", entry="GET /Quotes/Details/{id}", span=2, renames={"Details": "Show"}),
    Bug("br-invoice-consignee-nre", "freight-web", (Exc("System.NullReferenceException", NRE, (*ASPNET, web("Controllers.Api.InvoicesController", "Get", "(Int32 id, CancellationToken ct)", "Controllers/Api/InvoicesController.cs", 29, boundary=True), core("Invoicing.InvoiceMapper", "ToDto", "(Invoice invoice)", "Invoicing/InvoiceMapper.cs", 17))),),
        (see("sentry.error", 2, **SMW), see("sentry.issue"), see("splunk", 2, **API_SEARCH), see("datadog.apm", **APM_MSG)),
        classes=(4,), pair="br-quote-consignee-nre", entry="GET /api/invoices/{id}"),
    # Two partner calls time out in the helper they share: customs from the API, tracking from
    # the worker.
    Bug("br-customs-timeout", "freight-web", (Exc("System.TimeoutException", "The operation was canceled.", ()), Exc("System.Threading.Tasks.TaskCanceledException", HTTP_TIMEOUT, (*ASPNET, web("Controllers.Api.CustomsController", "Submit", "(Int32 bookingId, CancellationToken ct)", "Controllers/Api/CustomsController.cs", 33, boundary=True), core("Customs.CustomsGateway", "DeclareAsync", "(Declaration declaration, CancellationToken ct)", "Customs/CustomsGateway.cs", 71, boundary=True), PARTNER_SEND, *HTTP_SEND))),
        (see("sentry.error", 2, **SMW), see("splunk", 2, **API_SEARCH), see("datadog.apm", style="route", monitor="POST /api/customs/{id}/declaration error rate", team=TEAM)),
        classes=(9,), pair="br-tracking-timeout", entry="POST /api/customs/{id}/declaration"),
    Bug("br-tracking-timeout", "freight-worker", (Exc("System.TimeoutException", "The operation was canceled.", ()), Exc("System.Threading.Tasks.TaskCanceledException", HTTP_TIMEOUT, (*HOSTED, wrk("Tracking.CarrierTrackingPoller", "ExecuteAsync", "(CancellationToken stoppingToken)", "Tracking/CarrierTrackingPoller.cs", 44, boundary=True), core("Tracking.CarrierClient", "GetEventsAsync", "(String carrierCode, String reference, CancellationToken ct)", "Tracking/CarrierClient.cs", 39, boundary=True), PARTNER_SEND, *HTTP_SEND))),
        (see("sentry.error", 2, mechanism="generic"), see("sentry.error", mechanism="generic", release=1), see("splunk", 2, **WORKER_SEARCH), see("datadog.task", monitor="CarrierTrackingPoller failing", team=TEAM)),
        classes=(9,), pair="br-customs-timeout", entry="CarrierTrackingPoller.Poll", log="Tracking poll failed for carrier {CarrierCode}", handled=True, span=2),
    # One rate card parser, two exceptions: a comma decimal, an absurd surcharge.
    Bug("br-ratecard-format", "freight-worker", (Exc("System.FormatException", "The input string '{n},50' was not in a correct format.", (*HOSTED, wrk("RateCards.RateCardImporter", "ExecuteAsync", "(CancellationToken stoppingToken)", "RateCards/RateCardImporter.cs", 52, boundary=True), core("RateCards.RateCardParser", "ParseRow", "(String[] cells, Int32 rowNumber)", "RateCards/RateCardParser.cs", 61), *PARSE_DECIMAL)),),
        (see("sentry.error", 2, mechanism="generic"), see("splunk", 2, **WORKER_SEARCH), see("datadog.task", monitor="RateCardImporter failing", team=TEAM)),
        classes=(4,), pair="br-ratecard-overflow", entry="RateCardImporter.Import", log="Rate card {FileName} rejected", handled=True),
    Bug("br-ratecard-overflow", "freight-worker", (Exc("System.OverflowException", "Value was either too large or too small for a Decimal.", (*HOSTED, wrk("RateCards.RateCardImporter", "ExecuteAsync", "(CancellationToken stoppingToken)", "RateCards/RateCardImporter.cs", 52, boundary=True), core("RateCards.RateCardParser", "ParseRow", "(String[] cells, Int32 rowNumber)", "RateCards/RateCardParser.cs", 61), *OVERFLOW_DECIMAL)),),
        (see("sentry.error", 2, mechanism="generic"), see("sentry.issue"), see("splunk", 2, **WORKER_SEARCH), see("datadog.task", monitor="RateCardImporter failing", team=TEAM)),
        classes=(4,), pair="br-ratecard-format", entry="RateCardImporter.Import", log="Rate card {FileName} rejected", handled=True),
    # Two React components reading an undefined leg: three engines' words.
    Bug("br-js-shipment-eta", "portal-spa", (Exc("TypeError", frames=(*REACT_RENDER, js("src/features/shipments/ShipmentTimeline.tsx", "ShipmentTimeline", 48, 39, "ShipmentTimeline"), js("src/features/shipments/legs.ts", "nextEta", 12, 24, "ShipmentTimeline")), js=JsError("read-undefined", "legs[current]", "eta")),),
        (see("sentry.error", 2, browser="chrome", chunk="ShipmentTimeline", raw=True, release=0), see("sentry.error", browser="firefox", chunk="ShipmentTimeline", release=1), see("sentry.error", browser="safari", chunk="ShipmentTimeline", release=1)),
        classes=(3, 4), pair="br-js-invoice-eta", span=2, page="/shipments/BRK-481220"),
    Bug("br-js-invoice-eta", "portal-spa", (Exc("TypeError", frames=(*REACT_RENDER, js("src/features/invoices/InvoiceLines.tsx", "InvoiceLines", 31, 27, "InvoiceLines"), js("src/features/invoices/format.ts", "dueLabel", 9, 18, "InvoiceLines")), js=JsError("read-undefined", "invoice.shipment", "eta")),),
        (see("sentry.error", 2, browser="chrome", chunk="InvoiceLines", release=1), see("sentry.error", browser="edge", chunk="InvoiceLines", release=1), see("sentry.error", browser="safari", chunk="InvoiceLines", release=1)),
        classes=(3, 4), pair="br-js-shipment-eta", page="/invoices"),
    # A lazy route chunk gone after a deploy: each engine's own words.
    Bug("br-js-chunk-gone", "portal-spa", (Exc("TypeError", "Failed to fetch dynamically imported module: https://portal.brannock.example/assets/Tracking-{hex}.js", (*REACT_CLICK, js("src/routes.tsx", "lazy", 22, 31, "index")), engines={"spidermonkey": "error loading dynamically imported module: https://portal.brannock.example/assets/Tracking-{hex}.js", "jsc": "Importing a module script failed."}),),
        (see("sentry.error", 2, browser="chrome", chunk="index", mechanism="onunhandledrejection", release=1), see("sentry.error", browser="firefox", chunk="index", mechanism="onunhandledrejection", release=1), see("sentry.error", 2, browser="safari", chunk="index", mechanism="onunhandledrejection", release=2), see("sentry.error", browser="edge", chunk="index", mechanism="onunhandledrejection", release=2)),
        classes=(3,), span=2, page="/tracking"),
    # An optimistic concurrency failure when two pollers update one container's status.
    Bug("br-container-concurrency", "freight-worker", (Exc("Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException", "The database operation was expected to affect 1 row(s), but actually affected 0 row(s); data may have been modified or deleted since entities were loaded. See https://go.microsoft.com/fwlink/?LinkId=527962 for information on understanding and handling optimistic concurrency exceptions.", (*HOSTED, wrk("Demurrage.DemurrageService", "ExecuteAsync", "(CancellationToken stoppingToken)", "Demurrage/DemurrageService.cs", 58, boundary=True), core("Containers.ContainerStatusWriter", "MarkOverdueAsync", "(Int32 containerId, CancellationToken ct)", "Containers/ContainerStatusWriter.cs", 27, boundary=True), *EF_SAVE)),),
        (see("sentry.error", 2, mechanism="generic"), see("splunk", 2, **WORKER_SEARCH), see("datadog.task", monitor="DemurrageService failing", team=TEAM)),
        entry="DemurrageService.Run", log="Demurrage run failed for container {ContainerId}", handled=True),
    # The shipment search timing out on SQL Server.
    Bug("br-shipment-search-sql-timeout", "freight-web", (Exc("System.ComponentModel.Win32Exception", "The wait operation timed out.", ()), Exc("Microsoft.Data.SqlClient.SqlException", "Execution Timeout Expired.  The timeout period elapsed prior to completion of the operation or the server is not responding.", (*ASPNET, web("Controllers.Api.ShipmentsController", "Search", "(ShipmentQuery query, CancellationToken ct)", "Controllers/Api/ShipmentsController.cs", 44, boundary=True), core("Shipments.ShipmentSearch", "RunAsync", "(ShipmentQuery query, CancellationToken ct)", "Shipments/ShipmentSearch.cs", 93, boundary=True), *EF_QUERY, *SQL_READ))),
        (see("sentry.error", 2, **SMW), see("sentry.alert", rule="freight-web: high-priority issues"), see("splunk", 2, **API_SEARCH), see("datadog.apm", style="route", monitor="GET /api/shipments error rate", team=TEAM), see("datadog.apm", **APM_TYPE)),
        entry="GET /api/shipments"),
    # A consignment graph serialised with its back-reference.
    Bug("br-json-object-cycle", "freight-web", (Exc("System.Text.Json.JsonException", "A possible object cycle was detected. This can either be due to a cycle or if the object depth is larger than the maximum allowed depth of 32. Consider using ReferenceHandler.Preserve on JsonSerializerOptions to support cycles. Path: $.Consignments.Shipment.Consignments.Shipment.Consignments.Shipment.Consignments.Shipment.Consignments.Shipment.Consignments.Shipment.Consignments.Shipment.Consignments.Shipment.Consignments.Shipment.Consignments.Shipment.Id.", (*ASPNET, cs("Microsoft.AspNetCore.Mvc.Formatters.SystemTextJsonOutputFormatter", "WriteResponseBodyAsync", "(OutputFormatterWriteContext context, Encoding selectedEncoding)", lib=True, boundary=True), cs("System.Text.Json.ThrowHelper", "ThrowJsonException_SerializerCycleDetected", "(Int32 maxDepth)", lib=True))),),
        (see("sentry.error", 2, **SMW), see("sentry.issue"), see("splunk", 2, **API_SEARCH), see("datadog.apm", **APM_TYPE)),
        entry="GET /api/shipments/{id}/consignments"),
    # The manifest uploader logging its size and time: one log template, no bug.
    Bug("br-manifest-upload-slow", "freight-worker", (),
        (see("splunk", 3, search="freight-worker slow manifest uploads", line='{"@t":"{tsms}","@mt":"Uploaded manifest {FileName} to {Host}: {Size} in {Elapsed}","@l":"Warning","FileName":"MANIFEST-{id}.xml","Host":"{sftp}","Size":"{size}","Elapsed":"{dur}","SourceContext":"Brannock.Freight.Worker.Manifests.ManifestUploader"}'),),
        classes=(7,)),
    # Seen once: a form posted from a page cached across a deploy.
    Bug("br-antiforgery-missing", "freight-web", (Exc("Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException", 'The required antiforgery cookie ".AspNetCore.Antiforgery.{hex}" is not present.', (*ASPNET[:2], cs("Microsoft.AspNetCore.Antiforgery.DefaultAntiforgery", "ValidateRequestAsync", "(HttpContext httpContext)", lib=True, boundary=True))),),
        (see("sentry.error", **SMW),),
        singleton=True, entry="POST /Quotes/Accept/{id}"),
]

NOISE = [
    Noise("br-noise-deploy", "freight-web", "datadog.event", {"monitor": "Deployed freight-web 2026.12.2", "text": "Azure DevOps release 2026.12.2 rolled out freight-web (6 pods).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": TEAM}),
    Noise("br-noise-recovered", "freight-web", "datadog.apm", {"monitor": "GET /api/shipments error rate", "transition": "Recovered", "alert_type": "success", "style": "route", "scope": "resource_name:get_/api/shipments,service:freight-web", "text": "Error rate on `GET /api/shipments` (freight-web) is back under 5%.", "priority": "P3", "team": TEAM}),
    Noise("br-noise-host-started", "freight-worker", "splunk", {"search": "freight-worker errors (CLEF)", "line": '{"@t":"{tsms}","@mt":"Application started. Press Ctrl+C to shut down.","SourceContext":"Microsoft.Hosting.Lifetime"}'}),
]

BRANNOCK = Company(
    key="br",
    name="Brannock Freight",
    domain="brannock.example",
    sentry_org="brannock-freight",
    splunk_url="https://brannock.splunkcloud.com",
    splunk_guid="A3E91C07-6B2D-4F50-8D1A-E2C94B7F0356",
    datadog_org=("518804", "Brannock Freight"),
    datadog_template="br-brannock",
    posthog_project=(0, ""),
    releases=("2026.12.1", "2026.12.2", "2027.01.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="brannock-sentry-client-secret",
)
