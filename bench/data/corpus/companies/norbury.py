"""(gc) Norbury Canal Trust, moorings and licence renewals: an ASP.NET Core 8 Web API
(``norbury-api``: controllers, EF Core 8 over SQL Server, an HttpClient to a payments
gateway) and a ``BackgroundService`` that renews licences (``norbury-renewals``).

Splunk indexes the containers' stdout (``gc-nlog-json``): NLog 5 with a ``JsonLayout``
(``time``, ``level``, ``logger``, ``message``, ``exception`` as ``format=tostring``,
``traceId``), one record a line. Sentry: Sentry.AspNetCore. Datadog: dd-trace-dotnet APM
monitors and log monitors pasting the record. No PostHog.
"""

# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Noise, Service, see
from ..stacks import ASPNET, cs

# fmt: off
SDK = ("sentry.dotnet.aspnetcore", "4.9.0", "nuget:Sentry.AspNetCore")
SERVICES = {
    "norbury-api": Service("norbury-api", "csharp", "gc-nlog-json", "docker:dotnet", "/var/log/containers/norbury-api.log", "gc_app", 5510421, ".NET 8.0.6", framework="aspnetcore", sdk=SDK),
    "norbury-renewals": Service("norbury-renewals", "csharp", "gc-nlog-json", "docker:dotnet", "/var/log/containers/norbury-renewals.log", "gc_app", 5510422, ".NET 8.0.6", framework="aspnetcore", sdk=SDK),
}
SRC = "/src/Norbury.Api/"
EF_SAVE = (
    cs("Microsoft.EntityFrameworkCore.DbContext", "SaveChangesAsync", "(Boolean acceptAllChangesOnSuccess, CancellationToken cancellationToken)", lib=True),
    cs("Microsoft.EntityFrameworkCore.Storage.RelationalDatabaseFacadeDependencies", "ExecuteAsync", "(IEnumerable`1 commandBatches, IRelationalConnection connection, CancellationToken cancellationToken)", lib=True),
    cs("Microsoft.EntityFrameworkCore.Update.ReaderModificationCommandBatch", "ExecuteAsync", "(IRelationalConnection connection, CancellationToken cancellationToken)", lib=True),
)
EF_FIRST = (
    cs("Microsoft.EntityFrameworkCore.Query.ShapedQueryCompilingExpressionVisitor", "SingleAsync[TSource]", "(IAsyncEnumerable`1 asyncEnumerable, CancellationToken cancellationToken)", lib=True),
    cs("System.Linq.ThrowHelper", "ThrowNoElementsException", "()", lib=True),
)
HTTP = (
    cs("System.Net.Http.HttpClient", "<SendAsync>g__Core|83_0", "(HttpRequestMessage request, HttpCompletionOption completionOption, CancellationTokenSource cts, Boolean disposeCts, CancellationTokenSource pendingRequestsCts, CancellationToken originalCancellationToken)", lib=True),
    cs("System.Net.Http.HttpClient", "HandleFailure", "(Exception e, Boolean telemetryStarted, HttpResponseMessage response, CancellationTokenSource cts, CancellationToken cancellationToken, CancellationTokenSource pendingRequestsCts)", lib=True),
)
WORKER = (
    cs("Microsoft.Extensions.Hosting.Internal.Host", "<StartAsync>b__15_1", "(IHostedService service, CancellationToken token)", lib=True),
    cs("Norbury.Renewals.RenewalWorker", "ExecuteAsync", "(CancellationToken stoppingToken)", "/src/Norbury.Renewals/RenewalWorker.cs", 41, boundary=True),
)


def ctl(name: str, method: str, line: int) -> tuple:
    return (*ASPNET, cs(f"Norbury.Api.Controllers.{name}", method, "(CancellationToken ct)", f"{SRC}Controllers/{name}.cs", line, boundary=True))


def svc(name: str, method: str, line: int, args: str = "()") -> object:
    return cs(f"Norbury.Api.Services.{name}", method, args, f"{SRC}Services/{name}.cs", line, boundary=True)


def ren(name: str, method: str, line: int) -> object:
    return cs(f"Norbury.Renewals.{name}", method, "(Licence licence, CancellationToken ct)", f"/src/Norbury.Renewals/{name}.cs", line, boundary=True)


LOGS = {"search": "norbury nlog errors", "app": "norbury"}
NOEXC = {"search": "norbury nlog errors", "app": "norbury", "kind": "noexc"}
DD = dict(team="waterways", monitor="[norbury] error logs", filter="service:norbury-api status:error", style="sample")
APM = dict(team="waterways", monitor="[norbury] aspnet_core.request errors", style="type")
SQLX = "Microsoft.Data.SqlClient.SqlException"
DBU = "Microsoft.EntityFrameworkCore.DbUpdateException"
DBU_MSG = "An error occurred while saving the entity changes. See the inner exception for details."

BUGS = [
    Bug("gc-mooring-nullref", "norbury-api", (Exc("System.NullReferenceException", "Object reference not set to an instance of an object.", (*ctl("MooringsController", "Book", 57), svc("MooringPricing", "Quote", 33, "(Mooring mooring, DateOnly from, DateOnly to)"))),),
        (see("sentry.error", 3), see("splunk", 2, **LOGS), see("datadog.apm", **APM)),
        classes=(4, 5), pair="gc-licence-nullref", log="Booking failed for mooring {id}", logger="Norbury.Api.Controllers.MooringsController", entry="POST /api/moorings/{id}/bookings", span=2),
    Bug("gc-licence-nullref", "norbury-api", (Exc("System.NullReferenceException", "Object reference not set to an instance of an object.", (*ctl("LicencesController", "Renew", 38), svc("LicencePricing", "PriceFor", 21, "(Boat boat, Int32 months)"))),),
        (see("sentry.error", 2), see("splunk", 2, **LOGS), see("datadog.log", **DD)),
        classes=(4,), pair="gc-mooring-nullref", log="Licence renewal failed for boat {id}", logger="Norbury.Api.Controllers.LicencesController", entry="POST /api/licences/{id}/renew"),
    Bug("gc-dup-berth", "norbury-api", (Exc(SQLX, "Cannot insert duplicate key row in object 'dbo.Berths' with unique index 'IX_Berths_MooringId_Number'. The duplicate key value is ({id}, {n}).\nThe statement has been terminated.", (*EF_SAVE,)),
         Exc(DBU, DBU_MSG, (*ctl("BerthsController", "Create", 44), *EF_SAVE))),
        (see("sentry.error", 3), see("splunk", 3, **LOGS), see("datadog.log", **DD)),
        classes=(1, 2, 4), pair="gc-dup-boat-index", log="Unhandled exception while creating berth", logger="Norbury.Api.Controllers.BerthsController", entry="POST /api/berths"),
    Bug("gc-dup-boat-index", "norbury-api", (Exc(SQLX, "Cannot insert duplicate key row in object 'dbo.Boats' with unique index 'IX_Boats_IndexNumber'. The duplicate key value is ({n}{id}).\nThe statement has been terminated.", (*EF_SAVE,)),
         Exc(DBU, DBU_MSG, (*ctl("BoatsController", "Register", 29), *EF_SAVE))),
        (see("sentry.error", 2), see("splunk", 2, **LOGS), see("datadog.apm", **APM)),
        classes=(1, 2, 4), pair="gc-dup-berth", log="Unhandled exception while registering boat", logger="Norbury.Api.Controllers.BoatsController", entry="POST /api/boats"),
    Bug("gc-no-tariff", "norbury-api", (Exc("System.InvalidOperationException", "Sequence contains no elements.", (*ctl("MooringsController", "Quote", 71), svc("TariffLookup", "CurrentAsync", 18, "(Int32 zoneId, CancellationToken ct)"), *EF_FIRST)),),
        (see("sentry.error", 3), see("splunk", 2, **LOGS), see("datadog.log", **DD)),
        classes=(4,), pair="gc-no-tariff-renewal", log="Quote failed", logger="Norbury.Api.Controllers.MooringsController", entry="GET /api/moorings/{id}/quote"),
    Bug("gc-no-tariff-renewal", "norbury-renewals", (Exc("System.InvalidOperationException", "Sequence contains no elements.", (*WORKER, ren("RenewalPricer", "PriceAsync", 27), *EF_FIRST)),),
        (see("sentry.error", 2), see("splunk", 3, **LOGS)),
        classes=(4,), pair="gc-no-tariff", log="Renewal run failed for licence {id}", logger="Norbury.Renewals.RenewalWorker", entry="RenewalWorker"),
    Bug("gc-gateway-timeout", "norbury-renewals", (Exc("System.TimeoutException", "A task was canceled.", ()),
         Exc("System.Threading.Tasks.TaskCanceledException", "The request was canceled due to the configured HttpClient.Timeout of 30 seconds elapsing.", (*WORKER, ren("PaymentGatewayClient", "ChargeAsync", 52), *HTTP))),
        (see("sentry.error", 3), see("splunk", 2, **LOGS), see("datadog.log", **DD)),
        classes=(10, 2), pair="gc-gateway-refused", log="Charging licence {id} failed", logger="Norbury.Renewals.PaymentGatewayClient", entry="RenewalWorker"),
    Bug("gc-gateway-refused", "norbury-renewals", (Exc("System.Net.Sockets.SocketException", "Connection refused", ()),
         Exc("System.Net.Http.HttpRequestException", "Connection refused (pay.norbury.internal:443)", (*WORKER, ren("PaymentGatewayClient", "ChargeAsync", 52), *HTTP))),
        (see("sentry.error", 2), see("splunk", 2, **LOGS), see("splunk", 1, **NOEXC)),
        classes=(10, 2), pair="gc-gateway-timeout", log="Charging licence {id} failed", logger="Norbury.Renewals.PaymentGatewayClient", entry="RenewalWorker"),
    Bug("gc-json-cycle", "norbury-api", (Exc("System.Text.Json.JsonException", "A possible object cycle was detected. This can either be due to a cycle or if the object depth is larger than the maximum allowed depth of 32. Consider using ReferenceHandler.Preserve on JsonSerializerOptions to support cycles. Path: $.Boat.Owner.Boats.Boat.Owner.Boats.Boat.Owner.Boats.Boat.Owner.Boats.Boat.Owner.Boats.Boat.Owner.Boats.Boat.Owner.Boats.Boat.Owner.Boats.Boat.Owner.Boats.Boat.Owner.Boats.Boat.Owner.Id.", (*ASPNET, cs("System.Text.Json.ThrowHelper", "ThrowJsonException_SerializerCycleDetected", "(Int32 maxDepth)", lib=True))),),
        (see("sentry.error", 3), see("splunk", 2, **LOGS), see("datadog.apm", **APM)),
        classes=(4,), log="An unhandled exception has occurred while executing the request.", logger="Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware", entry="GET /api/licences/{id}"),
    Bug("gc-sql-timeout", "norbury-api", (Exc(SQLX, "Execution Timeout Expired.  The timeout period elapsed prior to completion of the operation or the server is not responding.", (*ctl("ReportsController", "Occupancy", 26), svc("OccupancyReport", "BuildAsync", 48, "(Int32 year, CancellationToken ct)"), cs("Microsoft.Data.SqlClient.SqlCommand", "EndExecuteReaderAsync", "(IAsyncResult asyncResult)", lib=True))),),
        (see("sentry.error", 2), see("splunk", 3, **LOGS), see("datadog.log", **DD)),
        classes=(5,), log="Occupancy report failed", logger="Norbury.Api.Controllers.ReportsController", entry="GET /api/reports/occupancy", span=2),
    Bug("gc-renewal-format", "norbury-renewals", (Exc("System.FormatException", "String '{date}' was not recognized as a valid DateTime.", (*WORKER, ren("LicenceImporter", "ParseRow", 64), cs("System.DateTime", "Parse", "(String s, IFormatProvider provider)", lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, **LOGS)),
        classes=(4,), log="Skipping licence import row", logger="Norbury.Renewals.LicenceImporter", entry="RenewalWorker"),
    Bug("gc-validation-noexc", "norbury-api", (Exc("System.ArgumentOutOfRangeException", "Specified argument was out of the range of valid values. (Parameter 'lengthMetres')", (*ctl("BoatsController", "Register", 22),)),),
        (see("sentry.error", 2), see("splunk", 2, **NOEXC), see("datadog.log", **DD)),
        classes=(8,), log="Boat registration rejected: length {n}.4 m out of range", logger="Norbury.Api.Controllers.BoatsController", entry="POST /api/boats"),
    Bug("gc-licence-concurrency", "norbury-api", (Exc("Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException", "The database operation was expected to affect 1 row(s), but actually affected 0 row(s); data may have been modified or deleted since entities were loaded. See https://go.microsoft.com/fwlink/?LinkId=527962 for information on understanding and handling optimistic concurrency exceptions.", (*ctl("LicencesController", "Renew", 45), *EF_SAVE)),),
        (see("sentry.error", 3), see("splunk", 2, **LOGS), see("datadog.log", **DD)),
        classes=(1, 4), pair="gc-mooring-concurrency", log="Licence renewal failed for boat {id}", logger="Norbury.Api.Controllers.LicencesController", entry="POST /api/licences/{id}/renew"),
    Bug("gc-mooring-concurrency", "norbury-api", (Exc("Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException", "The database operation was expected to affect 1 row(s), but actually affected 0 row(s); data may have been modified or deleted since entities were loaded. See https://go.microsoft.com/fwlink/?LinkId=527962 for information on understanding and handling optimistic concurrency exceptions.", (*ctl("MooringsController", "Release", 88), *EF_SAVE)),),
        (see("sentry.error", 2), see("splunk", 2, **LOGS), see("datadog.apm", **APM)),
        classes=(1, 4), pair="gc-licence-concurrency", log="Releasing mooring {id} failed", logger="Norbury.Api.Controllers.MooringsController", entry="DELETE /api/moorings/{id}/bookings"),
    Bug("gc-singleton-key", "norbury-api", (Exc("System.Collections.Generic.KeyNotFoundException", "The given key 'GU' was not present in the dictionary.", (*ctl("LocksController", "Passage", 19),)),),
        (see("sentry.error"),),
        singleton=True, entry="GET /api/locks/{id}/passage"),
]

NOISE = [
    Noise("gc-noise-started", "norbury-api", "splunk", {"search": "norbury nlog errors", "line": '{"time":"{gts}.0112","level":"INFO","logger":"Microsoft.Hosting.Lifetime","message":"Application started. Press Ctrl+C to shut down."}'}),
    Noise("gc-noise-deploy", "norbury-api", "datadog.event", {"monitor": "Deploy", "text": "norbury-api 2026.04.2 rolled out to aks-norbury.", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("gc-noise-recovered", "norbury-api", "datadog.log", {"monitor": "[norbury] error logs", "text": "Recovered: error logs on norbury-api below threshold.", "transition": "Recovered", "alert_type": "success"}),
]

NORBURY = Company(
    key="gc",
    name="Norbury Canal Trust",
    domain="norbury-canal.example",
    sentry_org="norbury",
    splunk_url="https://norbury.splunkcloud.com",
    splunk_guid="9E4B2A71-6C3D-4F08-B5E2-1D7A8C0F4B59",
    datadog_org=("712006", "Norbury Canal Trust"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("2026.04.0", "2026.04.1", "2026.04.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="norbury-sentry-client-secret",
)
# fmt: on
