"""(ii) Keswick Coaches, coach tours and day trips: an ASP.NET Core 8 Web API (``tours-api``:
controllers over EF Core 8 on SQL Server through Microsoft.Data.SqlClient, a payment gateway
and a weather advisory service over HttpClient) and a .NET 8 worker (``manifest-worker``: a
``BackgroundService`` building passenger manifests and pushing them to operators over SFTP).

Logs: NLog's file target. The API writes NLog's plain text layout
``${longdate}|${level:uppercase=true}|${logger}|${message} ${exception:format=tostring}``
(``ii-nlog``: the exception's ``ToString()`` over many lines), read by the Splunk Universal
Forwarder (one forwarder breaks at every line, so its events keep the first line only) and by
the Datadog agent; the worker writes NLog's ``JsonLayout`` (``nlog-json``) to Splunk.
Sentry: Sentry.AspNetCore and Sentry.Extensions.Logging. PostHog: posthog-dotnet's
``CaptureException`` in the API's exception handler. Datadog: dd-trace-dotnet APM monitors by
error type and log monitors pasting ``{{log.message}}``. All four tools.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import ASPNET, cs

# The tables keep one frame or delivery per line.
# fmt: off
SDK_API = ("sentry.dotnet.aspnetcore", "4.13.0", "nuget:Sentry.AspNetCore")
SDK_WORKER = ("sentry.dotnet.extensions.logging", "4.13.0", "nuget:Sentry.Extensions.Logging")
SERVICES = {
    "tours-api": Service("tours-api", "csharp", "ii-nlog", "nlog:file", "/var/log/keswick/tours-api/tours-api.log", "coaches", 8010101, ".NET 8.0.11", framework="aspnetcore", sdk=SDK_API),
    "manifest-worker": Service("manifest-worker", "csharp", "nlog-json", "_json", "/var/log/keswick/manifest-worker/worker.json", "coaches", 8010102, ".NET 8.0.11", framework="generic", sdk=SDK_WORKER),
}
API = "/src/Keswick.Tours.Api/"
WRK = "/src/Keswick.Manifests.Worker/"


def ap(name: str, method: str, args: str, line: int, *, boundary: bool = True) -> Frame:
    return cs(f"Keswick.Tours.Api.{name}", method, args, f"{API}{name.replace('.', '/')}.cs", line, boundary=boundary)


def wk(name: str, method: str, args: str, line: int, *, boundary: bool = True) -> Frame:
    return cs(f"Keswick.Manifests.Worker.{name}", method, args, f"{WRK}{name.replace('.', '/')}.cs", line, boundary=boundary)


def ctl(controller: str, action: str, args: str, line: int) -> tuple[Frame, ...]:
    return (*ASPNET, ap(f"Controllers.{controller}", action, args, line))


WORKER = (
    cs("Microsoft.Extensions.Hosting.Internal.Host", "<StartAsync>b__15_1", "(IHostedService service, CancellationToken token)", lib=True),
    wk("ManifestExportService", "ExecuteAsync", "(CancellationToken stoppingToken)", 41),
)
EF_SAVE = (
    cs("Microsoft.EntityFrameworkCore.DbContext", "SaveChangesAsync", "(Boolean acceptAllChangesOnSuccess, CancellationToken cancellationToken)", lib=True),
    cs("Microsoft.EntityFrameworkCore.Update.Internal.BatchExecutor", "ExecuteAsync", "(IEnumerable`1 commandBatches, IRelationalConnection connection, CancellationToken cancellationToken)", lib=True),
    cs("Microsoft.EntityFrameworkCore.SqlServer.Update.Internal.SqlServerModificationCommandBatch", "ExecuteAsync", "(IRelationalConnection connection, CancellationToken cancellationToken)", lib=True),
    cs("Microsoft.EntityFrameworkCore.Update.ReaderModificationCommandBatch", "ExecuteAsync", "(IRelationalConnection connection, CancellationToken cancellationToken)", lib=True),
)
SQLCLIENT = (
    cs("Microsoft.EntityFrameworkCore.Storage.RelationalCommand", "ExecuteReaderAsync", "(RelationalCommandParameterObject parameterObject, CancellationToken cancellationToken)", lib=True),
    cs("Microsoft.Data.SqlClient.SqlCommand+<>c", "<ExecuteDbDataReaderAsync>b__211_0", "(Task`1 result)", lib=True),
)
QUERY = (
    cs("Microsoft.EntityFrameworkCore.Query.Internal.SingleQueryingEnumerable`1+AsyncEnumerator", "MoveNextAsync", "()", lib=True),
    *SQLCLIENT,
)
HTTP_SEND = cs("System.Net.Http.HttpClient", "<SendAsync>g__Core|83_0", "(HttpRequestMessage request, HttpCompletionOption completionOption, CancellationTokenSource cts, Boolean disposeCts, CancellationTokenSource pendingRequestsCts, CancellationToken originalCancellationToken)", lib=True)
ENSURE = ap("Payments.PaymentGatewayClient", "EnsureSuccessAsync", "(HttpResponseMessage response, String operation)", 88)
DICT = cs("System.Collections.Generic.Dictionary`2", "get_Item", "(TKey key)", lib=True)
PARSE_DATE = (
    cs("System.DateTime", "ParseExact", "(String s, String format, IFormatProvider provider)", lib=True),
    cs("System.DateTimeParse", "ParseExact", "(ReadOnlySpan`1 s, ReadOnlySpan`1 format, DateTimeFormatInfo dtfi, DateTimeStyles style)", lib=True),
)
NRE = "Object reference not set to an instance of an object."
BADDATE = "String '{date}' was not recognized as a valid DateTime."
REQ_ARGS = "(CreateBookingRequest request, CancellationToken ct)"


def dup(table: str, index: str, key: str, app: tuple[Frame, ...]) -> tuple[Exc, ...]:
    msg = f"Cannot insert duplicate key row in object 'dbo.{table}' with unique index '{index}'. The duplicate key value is ({key}).\nThe statement has been terminated."
    return (
        Exc("Microsoft.Data.SqlClient.SqlException", msg, (*app, *EF_SAVE, *SQLCLIENT)),
        Exc("Microsoft.EntityFrameworkCore.DbUpdateException", "An error occurred while saving the entity changes. See the inner exception for details.", (*app, *EF_SAVE)),
    )


SPL = dict(search="tours-api - unhandled exceptions", app="keswick_ops", owner="svc_alerts")
SPL_TEAM = dict(search="tours-api - errors by logger", app="keswick_ops", owner="svc_alerts", kind="team")
SPL_CUT = dict(search="tours-api - unhandled exceptions (edge forwarder)", app="keswick_ops", owner="svc_alerts", cut=1)
SPL_WRK = dict(search="manifest-worker - errors", app="keswick_ops", owner="svc_alerts", properties={"departureId": "{id}", "operator": "{tmpl}"})
APM = dict(team="tours", monitor="[tours-api] errors by type", style="type")
APM_WRK = dict(team="tours", monitor="[manifest-worker] errors by type", style="type")
LOGMON = dict(team="tours", monitor="[tours-api] unhandled exceptions", filter="service:tours-api status:error", text="Unhandled exception on {{log.host}}:\n\n```\n{{log.message}}\n```", sample_lines=6)
LOGMON_TEAM = dict(team="tours", monitor="[tours-api] error logs", filter="service:tours-api status:error -\"ExceptionHandlerMiddleware\"", text="{{log.message}}", sample_lines=3, kind="team")

BUGS = [
    # The same NullReferenceException from two controllers' services.
    Bug("ii-seatmap-nre", "tours-api", (Exc("System.NullReferenceException", NRE, (*ctl("BookingsController", "Create", REQ_ARGS, 52), ap("Seating.SeatMapService", "AllocateAsync", "(Departure departure, Int32 passengers, CancellationToken ct)", 37), ap("Seating.SeatMapService", "FirstFreeBlock", "(SeatMap map, Int32 size)", 81, boundary=False))),),
        (see("sentry.error", 3), see("sentry.issue"), see("posthog", 2), see("splunk", **SPL), see("datadog.apm", **APM), see("datadog.log", **LOGMON)),
        classes=(4,), pair="ii-pickup-nre", entry="POST /api/bookings", span=2, renames={"Create": "CreateBooking"}),
    Bug("ii-pickup-nre", "tours-api", (Exc("System.NullReferenceException", NRE, (*ctl("PickupPointsController", "Nearest", "(Double lat, Double lon, CancellationToken ct)", 29), ap("Pickups.PickupPlanner", "NearestStopAsync", "(GeoPoint origin, CancellationToken ct)", 44), ap("Pickups.PickupPlanner", "Distance", "(GeoPoint a, PickupPoint b)", 97, boundary=False))),),
        (see("sentry.error", 2), see("posthog"), see("splunk", 2, **SPL), see("datadog.log", **LOGMON)),
        classes=(4,), pair="ii-seatmap-nre", entry="GET /api/pickup-points/nearest"),
    # Unique indexes on two tables behind one SaveChangesAsync.
    Bug("ii-dup-booking-ref", "tours-api", dup("Bookings", "IX_Bookings_Reference", "KC-{id}", ctl("BookingsController", "Create", REQ_ARGS, 61)),
        (see("sentry.error", 3), see("posthog"), see("splunk", **SPL), see("splunk", **SPL_CUT), see("datadog.apm", **APM)),
        classes=(4,), pair="ii-dup-voucher", entry="POST /api/bookings"),
    Bug("ii-dup-voucher", "tours-api", dup("Vouchers", "IX_Vouchers_Code", "GIFT-{giftcode}", ctl("VouchersController", "Issue", "(IssueVoucherRequest request, CancellationToken ct)", 33)),
        (see("sentry.error", 2), see("splunk", 2, **SPL), see("datadog.apm", **APM), see("datadog.log", **LOGMON)),
        classes=(4,), pair="ii-dup-booking-ref", entry="POST /api/vouchers"),
    # FareCalculator.Quote: a missing season band and a decimal overflow.
    Bug("ii-fare-season-key", "tours-api", (Exc("System.Collections.Generic.KeyNotFoundException", "The given key 'SEASON-2026-{seg}' was not present in the dictionary.", (*ctl("FaresController", "Quote", "(Guid tourId, DateOnly date, Int32 adults, Int32 children)", 24), ap("Fares.FareCalculator", "Quote", "(Tour tour, DateOnly date, PartySize party)", 58, boundary=False), DICT)),),
        (see("sentry.error", 3), see("posthog", 2), see("splunk", **SPL), see("datadog.apm", **APM)),
        classes=(4,), pair="ii-fare-overflow", entry="GET /api/tours/{tour_id}/fare"),
    Bug("ii-fare-overflow", "tours-api", (Exc("System.OverflowException", "Value was either too large or too small for a Decimal.", (*ctl("FaresController", "Quote", "(Guid tourId, DateOnly date, Int32 adults, Int32 children)", 24), ap("Fares.FareCalculator", "Quote", "(Tour tour, DateOnly date, PartySize party)", 66, boundary=False), cs("System.Decimal+DecCalc", "VarDecMul", "(DecCalc& d1, DecCalc& d2)", lib=True))),),
        (see("sentry.error", 2), see("posthog"), see("splunk", **SPL), see("datadog.log", **LOGMON)),
        classes=(4,), pair="ii-fare-season-key", entry="GET /api/tours/{tour_id}/fare"),
    # Two bugs ending in the payment gateway client's EnsureSuccessAsync.
    Bug("ii-charge-502", "tours-api", (Exc("Keswick.Tours.Api.Payments.PaymentGatewayException", "Payment gateway returned 502 (Bad Gateway) for charge: upstream connect error or disconnect/reset before headers", (*ctl("CheckoutController", "Pay", "(Guid bookingId, PayRequest request, CancellationToken ct)", 47), ap("Payments.PaymentGatewayClient", "ChargeAsync", "(Booking booking, CardToken token, CancellationToken ct)", 31), ENSURE)),),
        (see("sentry.error", 3), see("posthog"), see("splunk", **SPL), see("datadog.apm", **APM), see("datadog.log", **LOGMON)),
        classes=(9,), pair="ii-refund-409", entry="POST /api/checkout/{booking_id}/pay"),
    Bug("ii-refund-409", "tours-api", (Exc("Keswick.Tours.Api.Payments.PaymentGatewayException", "Payment gateway returned 409 (Conflict) for refund: charge ch_{hex} has already been refunded", (*ctl("CancellationsController", "Cancel", "(Guid bookingId, CancelRequest request, CancellationToken ct)", 38), ap("Payments.PaymentGatewayClient", "RefundAsync", "(Booking booking, Decimal amount, CancellationToken ct)", 54), ENSURE)),),
        (see("sentry.error", 2), see("splunk", 2, **SPL), see("datadog.apm", **APM)),
        classes=(9,), pair="ii-charge-502", entry="POST /api/bookings/{booking_id}/cancel"),
    # Two manifest failures logged with the same message under one saved search.
    Bug("ii-manifest-sftp", "manifest-worker", (Exc("System.Net.Sockets.SocketException", "Connection reset by peer", (cs("Renci.SshNet.Abstractions.SocketAbstraction", "Read", "(Socket socket, Byte[] buffer, Int32 offset, Int32 size, TimeSpan timeout)", lib=True),)),
                                                Exc("Renci.SshNet.Common.SshConnectionException", "An established connection was aborted by the server.", (*WORKER, wk("Export.OperatorUploader", "UploadAsync", "(Manifest manifest, OperatorEndpoint endpoint, CancellationToken ct)", 36), cs("Renci.SshNet.SftpClient", "UploadFile", "(Stream input, String path, Action`1 uploadCallback)", lib=True), cs("Renci.SshNet.Session", "WaitOnHandle", "(WaitHandle waitHandle, TimeSpan timeout)", lib=True)))),
        (see("sentry.error", 2), see("splunk", 3, **SPL_WRK), see("datadog.apm", **APM_WRK)),
        classes=(2,), pair="ii-manifest-single", log="Manifest export for departure {DepartureId} failed", logger="Keswick.Manifests.Worker.ManifestExportService", entry="ManifestExportService"),
    Bug("ii-manifest-single", "manifest-worker", (Exc("System.InvalidOperationException", "Sequence contains more than one matching element", (*WORKER, wk("Export.ManifestBuilder", "Build", "(Departure departure)", 62, boundary=False), wk("Export.ManifestBuilder", "<Build>b__4_0", "(Booking b)", 64, boundary=False), cs("System.Linq.ThrowHelper", "ThrowMoreThanOneMatchException", "()", lib=True))),),
        (see("sentry.error", 3), see("splunk", 2, **SPL_WRK), see("datadog.apm", **APM_WRK)),
        classes=(2,), pair="ii-manifest-sftp", log="Manifest export for departure {DepartureId} failed", logger="Keswick.Manifests.Worker.ManifestExportService", entry="ManifestExportService", span=2),
    # The same bad date in the search and the amendment forms.
    Bug("ii-search-date", "tours-api", (Exc("System.FormatException", BADDATE, (*ctl("SearchController", "Search", "(String from, String to, String departs)", 41), ap("Search.DateInput", "Parse", "(String raw)", 15, boundary=False), *PARSE_DATE)),),
        (see("sentry.error", 3), see("posthog", 2), see("splunk", **SPL), see("datadog.log", **LOGMON)),
        classes=(4,), pair="ii-amend-date", entry="GET /api/search"),
    Bug("ii-amend-date", "tours-api", (Exc("System.FormatException", BADDATE, (*ctl("AmendmentsController", "Amend", "(Guid bookingId, AmendRequest request, CancellationToken ct)", 57), ap("Amendments.AmendmentService", "ApplyAsync", "(Booking booking, AmendRequest request, CancellationToken ct)", 23), *PARSE_DATE)),),
        (see("sentry.error", 2), see("posthog"), see("splunk", **SPL_CUT), see("datadog.apm", **APM)),
        classes=(4,), pair="ii-search-date", entry="PUT /api/bookings/{booking_id}"),
    # Not pairs.
    Bug("ii-weather-503", "tours-api", (Exc("System.Net.Http.HttpRequestException", "Response status code does not indicate success: 503 (Service Unavailable).", (*ctl("ToursController", "Details", "(Guid tourId, CancellationToken ct)", 33), ap("Weather.AdvisoryClient", "GetAdvisoriesAsync", "(String region, CancellationToken ct)", 28), cs("System.Net.Http.HttpResponseMessage", "EnsureSuccessStatusCode", "()", lib=True))),),
        (see("sentry.error", 2), see("posthog"), see("splunk", **SPL), see("datadog.apm", **APM), see("datadog.log", 2, **LOGMON)),
        classes=(1,), entry="GET /api/tours/{tour_id}"),
    Bug("ii-json-cycle", "tours-api", (Exc("System.Text.Json.JsonException", "A possible object cycle was detected. This can either be due to a cycle or if the object depth is larger than the maximum allowed depth of 32. Consider using ReferenceHandler.Preserve on JsonSerializerOptions to support cycles. Path: $.Departure.Bookings.Departure.Bookings.Departure.Bookings.Departure.Bookings.Departure.Bookings.Departure.Bookings.Departure.Bookings.Departure.Bookings.Departure.Bookings.Departure.Bookings.Id.", (*ASPNET[:2], cs("Microsoft.AspNetCore.Mvc.Infrastructure.SystemTextJsonResultExecutor", "ExecuteAsync", "(ActionContext context, JsonResult result)", lib=True), cs("System.Text.Json.JsonSerializer", "WriteCore[TValue]", "(Utf8JsonWriter writer, TValue& value, JsonTypeInfo`1 jsonTypeInfo)", lib=True), cs("System.Text.Json.ThrowHelper", "ThrowJsonException_SerializerCycleDetected", "(Int32 maxDepth)", lib=True))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, kind="kestrel", search="tours-api - kestrel errors", app="keswick_ops"), see("datadog.apm", **APM)),
        classes=(6,), entry="GET /api/departures/{departure_id}/bookings", span=2),
    Bug("ii-dbcontext-concurrent", "manifest-worker", (Exc("System.InvalidOperationException", "A second operation was started on this context instance before a previous operation completed. This is usually caused by different threads concurrently using the same instance of DbContext. For more information on how to avoid threading issues with DbContext, see https://go.microsoft.com/fwlink/?linkid=2097913.", (*WORKER, wk("Export.DepartureLoader", "LoadAsync", "(DateOnly day, CancellationToken ct)", 27), *QUERY[:1], cs("Microsoft.EntityFrameworkCore.Infrastructure.Internal.ConcurrencyDetector", "EnterCriticalSection", "()", lib=True))),),
        (see("sentry.error", 3), see("splunk", 2, **SPL_WRK), see("datadog.apm", **APM_WRK)),
        log="Loading departures for {date} failed", logger="Keswick.Manifests.Worker.Export.DepartureLoader", entry="ManifestExportService"),
    Bug("ii-sql-timeout", "tours-api", (Exc("System.ComponentModel.Win32Exception", "The wait operation timed out.", ()),
                                        Exc("Microsoft.Data.SqlClient.SqlException", "Execution Timeout Expired.  The timeout period elapsed prior to completion of the operation or the server is not responding.", (*ctl("ReportsController", "Occupancy", "(DateOnly from, DateOnly to, CancellationToken ct)", 22), ap("Reports.OccupancyReport", "RunAsync", "(DateOnly from, DateOnly to, CancellationToken ct)", 49), *QUERY))),
        (see("sentry.error", 2), see("splunk", **SPL), see("splunk", kind="noexc", search="tours-api - errors by logger", app="keswick_ops"), see("datadog.apm", **APM), see("datadog.log", **LOGMON_TEAM)),
        classes=(7,), log="Occupancy report {date}..{date2} failed: <exc>", logger="Keswick.Tours.Api.Reports.OccupancyReport", entry="GET /api/reports/occupancy"),
    Bug("ii-singleton-divzero", "tours-api", (Exc("System.DivideByZeroException", "Attempted to divide by zero.", (*ctl("ReportsController", "LoadFactor", "(Guid departureId)", 71), ap("Reports.LoadFactor", "Compute", "(Departure departure)", 12, boundary=False))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /api/reports/load-factor/{departure_id}"),
]

NOISE = [
    Noise("ii-noise-deploy", "tours-api", "datadog.event", {"monitor": "Deployed tours-api", "text": "tours-api 2026.3.2 deployed to coaches-prod (2/2 instances healthy).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "tours"}),
    Noise("ii-noise-recovered", "tours-api", "datadog.log", {"monitor": "[tours-api] unhandled exceptions", "transition": "Recovered", "alert_type": "success", "team": "tours", "filter": "service:tours-api status:error", "text": "Recovered: no unhandled exceptions on tours-api in the last 15 minutes."}),
    Noise("ii-noise-heartbeat", "manifest-worker", "splunk", {"search": "manifest-worker - heartbeat", "app": "keswick_ops", "line": '{ "time": "{ts}", "level": "INFO", "logger": "Keswick.Manifests.Worker.ManifestExportService", "message": "Exported {n} manifests in 00:00:{idx}2" }'}),
]

KESWICK = Company(
    key="ii",
    name="Keswick Coaches",
    domain="keswick-coaches.example",
    sentry_org="keswick-coaches",
    splunk_url="https://keswick.splunkcloud.com",
    splunk_guid="8C41E2A7-3B90-4F6D-A51E-9D07B2C8F314",
    datadog_org=("801011", "Keswick Coaches"),
    datadog_template="recommended",
    posthog_project=(80101, "Keswick Coaches"),
    releases=("2026.3.1", "2026.3.2", "2026.3.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="keswick-sentry-client-secret",
)
# fmt: on
