"""(gk) Quarrendon Energy, a small electricity supplier's smart-meter platform: an ASP.NET Core 8
Web API (``meters-api``: tariffs, bills, meters, reports; EF Core 8 over PostgreSQL with Npgsql)
and a ``BackgroundService`` ingesting half-hourly readings and grid prices (``meters-ingest``).

Splunk indexes the containers' stdout (``gk-serilog-clef``): Serilog 3 with
``CompactJsonFormatter`` (CLEF: ``@t``, ``@mt``, ``@l``, ``@x``, ``@tr``, ``@sp``, then
``SourceContext``, ``RequestId``, ``RequestPath`` and the template's properties), one record a
line; one catch block logs a template without the exception. Sentry: Sentry.AspNetCore.
Datadog: dd-trace-dotnet APM by type and log monitors pasting a sample. No PostHog.
"""

# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Noise, Service, see
from ..stacks import ASPNET, cs

# fmt: off
SDK = ("sentry.dotnet.aspnetcore", "4.12.1", "nuget:Sentry.AspNetCore")
SERVICES = {
    "meters-api": Service("meters-api", "csharp", "gk-serilog-clef", "kube:container:meters-api", "/var/log/containers/meters-api.log", "gk_meters", 6630191, ".NET 8.0.10", framework="aspnetcore", sdk=SDK),
    "meters-ingest": Service("meters-ingest", "csharp", "gk-serilog-clef", "kube:container:meters-ingest", "/var/log/containers/meters-ingest.log", "gk_meters", 6630192, ".NET 8.0.10", framework="aspnetcore", sdk=SDK),
}
SRC = "/src/Quarrendon.Meters.Api/"
ING = "/src/Quarrendon.Meters.Ingest/"
EF_SAVE = (
    cs("Microsoft.EntityFrameworkCore.DbContext", "SaveChangesAsync", "(Boolean acceptAllChangesOnSuccess, CancellationToken cancellationToken)", lib=True),
    cs("Microsoft.EntityFrameworkCore.Update.Internal.BatchExecutor", "ExecuteAsync", "(IEnumerable`1 commandBatches, IRelationalConnection connection, CancellationToken cancellationToken)", lib=True),
    cs("Microsoft.EntityFrameworkCore.Update.ReaderModificationCommandBatch", "ExecuteAsync", "(IRelationalConnection connection, CancellationToken cancellationToken)", lib=True),
)
NPGSQL = (
    cs("Npgsql.Internal.NpgsqlConnector", "ReadMessageLong", "(Boolean async, DataRowLoadingMode dataRowLoadingMode, Boolean readingNotifications, Boolean isReadingPrependedMessage)", lib=True),
    cs("Npgsql.NpgsqlDataReader", "NextResult", "(Boolean async, Boolean isConsuming, CancellationToken cancellationToken)", lib=True),
)
LINQ_FIRST = (
    cs("Microsoft.EntityFrameworkCore.Query.ShapedQueryCompilingExpressionVisitor", "SingleAsync[TSource]", "(IAsyncEnumerable`1 asyncEnumerable, CancellationToken cancellationToken)", lib=True),
    cs("System.Linq.ThrowHelper", "ThrowNoElementsException", "()", lib=True),
)
LINQ_SINGLE = (
    cs("Microsoft.EntityFrameworkCore.Query.ShapedQueryCompilingExpressionVisitor", "SingleAsync[TSource]", "(IAsyncEnumerable`1 asyncEnumerable, CancellationToken cancellationToken)", lib=True),
    cs("System.Linq.ThrowHelper", "ThrowMoreThanOneElementException", "()", lib=True),
)
HTTP = (
    cs("System.Net.Http.HttpClient", "<SendAsync>g__Core|83_0", "(HttpRequestMessage request, HttpCompletionOption completionOption, CancellationTokenSource cts, Boolean disposeCts, CancellationTokenSource pendingRequestsCts, CancellationToken originalCancellationToken)", lib=True),
    cs("System.Net.Http.HttpClient", "HandleFailure", "(Exception e, Boolean telemetryStarted, HttpResponseMessage response, CancellationTokenSource cts, CancellationToken cancellationToken, CancellationTokenSource pendingRequestsCts)", lib=True),
)
WORKER = (
    cs("Microsoft.Extensions.Hosting.Internal.Host", "<StartAsync>b__15_1", "(IHostedService service, CancellationToken token)", lib=True),
    cs("Quarrendon.Meters.Ingest.IngestWorker", "ExecuteAsync", "(CancellationToken stoppingToken)", f"{ING}IngestWorker.cs", 52, boundary=True),
)


def ctl(name: str, method: str, line: int) -> tuple:
    return (*ASPNET, cs(f"Quarrendon.Meters.Api.Controllers.{name}", method, "(CancellationToken ct)", f"{SRC}Controllers/{name}.cs", line, boundary=True))


def svc(name: str, method: str, line: int, args: str = "()") -> object:
    return cs(f"Quarrendon.Meters.Api.Services.{name}", method, args, f"{SRC}Services/{name}.cs", line, boundary=True)


def ing(name: str, method: str, line: int, args: str = "(CancellationToken ct)") -> object:
    return cs(f"Quarrendon.Meters.Ingest.{name}", method, args, f"{ING}{name}.cs", line, boundary=True)


LOGS = {"search": "quarrendon clef errors", "app": "quarrendon"}
NOEXC = {"search": "quarrendon clef errors", "app": "quarrendon", "kind": "noexc"}
DD = dict(team="metering", monitor="[quarrendon] error logs", filter="service:meters-api @l:Error", style="sample")
DDI = dict(team="metering", monitor="[quarrendon] ingest errors", filter="service:meters-ingest @l:Error", style="sample")
APM = dict(team="metering", monitor="[quarrendon] aspnet_core.request errors", style="type")
NRE = "Object reference not set to an instance of an object."
PGX = "Npgsql.PostgresException"
DBU = "Microsoft.EntityFrameworkCore.DbUpdateException"
DBU_MSG = "An error occurred while saving the entity changes. See the inner exception for details."
HOST = "Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware"

BUGS = [
    Bug("gk-tariff-nullref", "meters-api", (Exc("System.NullReferenceException", NRE, (*ctl("TariffsController", "Get", 31), svc("TariffResolver", "Resolve", 44, "(Meter meter, DateOnly day)"))),),
        (see("sentry.error", 3), see("splunk", 2, **LOGS), see("datadog.apm", **APM)),
        classes=(4, 5), pair="gk-bill-nullref", log="An unhandled exception has occurred while executing the request.", logger=HOST, entry="GET /api/tariffs/{id}", span=2),
    Bug("gk-bill-nullref", "meters-api", (Exc("System.NullReferenceException", NRE, (*ctl("BillsController", "Preview", 27), svc("BillCalculator", "Compute", 63, "(Account account, BillingPeriod period)"))),),
        (see("sentry.error", 2), see("splunk", 2, **LOGS), see("datadog.log", **DD)),
        classes=(4,), pair="gk-tariff-nullref", log="An unhandled exception has occurred while executing the request.", logger=HOST, entry="GET /api/bills/{id}/preview"),
    Bug("gk-dup-meter", "meters-api", (Exc(PGX, "23505: duplicate key value violates unique constraint \"IX_Meters_Mpan\"\n\nDETAIL: Detail redacted as it may contain sensitive data. Specify 'Include Error Detail' in the connection string to include this information.", NPGSQL),
         Exc(DBU, DBU_MSG, (*ctl("MetersController", "Register", 38), *EF_SAVE))),
        (see("sentry.error", 3), see("splunk", 2, **LOGS), see("datadog.log", **DD)),
        classes=(1, 2, 4), pair="gk-dup-reading", log="An unhandled exception has occurred while executing the request.", logger=HOST, entry="POST /api/meters"),
    Bug("gk-dup-reading", "meters-ingest", (Exc(PGX, "23505: duplicate key value violates unique constraint \"IX_Readings_MeterId_ReadAt\"\n\nDETAIL: Detail redacted as it may contain sensitive data. Specify 'Include Error Detail' in the connection string to include this information.", NPGSQL),
         Exc(DBU, DBU_MSG, (*WORKER, ing("ReadingWriter", "WriteBatchAsync", 29, "(IReadOnlyList`1 batch, CancellationToken ct)"), *EF_SAVE))),
        (see("sentry.error", 3), see("splunk", 3, **LOGS), see("datadog.log", **DDI)),
        classes=(1, 2, 4), pair="gk-dup-meter", log="Ingest batch {JobId} failed", logger="Quarrendon.Meters.Ingest.IngestWorker", entry="IngestWorker", span=2),
    Bug("gk-region-key", "meters-api", (Exc("System.Collections.Generic.KeyNotFoundException", "The given key '{n}' was not present in the dictionary.", (*ctl("TariffsController", "Quote", 58), svc("RegionMap", "Lookup", 17, "(String postcode)"), cs("System.Collections.Generic.Dictionary`2", "get_Item", "(TKey key)", lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, **LOGS), see("datadog.apm", **APM)),
        classes=(4,), pair="gk-unit-key", log="An unhandled exception has occurred while executing the request.", logger=HOST, entry="GET /api/tariffs/quote"),
    Bug("gk-unit-key", "meters-ingest", (Exc("System.Collections.Generic.KeyNotFoundException", "The given key '{n}' was not present in the dictionary.", (*WORKER, ing("ReadingParser", "UnitFor", 88, "(String registerId)"), cs("System.Collections.Generic.Dictionary`2", "get_Item", "(TKey key)", lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, **LOGS), see("datadog.log", **DDI)),
        classes=(4,), pair="gk-region-key", log="Ingest batch {JobId} failed", logger="Quarrendon.Meters.Ingest.IngestWorker", entry="IngestWorker"),
    Bug("gk-grid-timeout", "meters-ingest", (Exc("System.TimeoutException", "The operation was canceled.", ()),
         Exc("System.Threading.Tasks.TaskCanceledException", "The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.", (*WORKER, ing("GridPriceClient", "FetchPricesAsync", 36, "(DateOnly day, CancellationToken ct)"), *HTTP))),
        (see("sentry.error", 3), see("splunk", 2, **LOGS), see("datadog.log", **DDI)),
        classes=(10, 2), pair="gk-grid-503", log="Fetching grid prices failed", logger="Quarrendon.Meters.Ingest.GridPriceClient", entry="IngestWorker", span=2),
    Bug("gk-grid-503", "meters-ingest", (Exc("System.Net.Http.HttpRequestException", "Response status code does not indicate success: 503 (Service Unavailable).", (*WORKER, ing("GridPriceClient", "FetchPricesAsync", 39, "(DateOnly day, CancellationToken ct)"), cs("System.Net.Http.HttpResponseMessage", "EnsureSuccessStatusCode", "()", lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, **LOGS), see("datadog.log", **DDI)),
        classes=(10,), pair="gk-grid-timeout", log="Fetching grid prices failed", logger="Quarrendon.Meters.Ingest.GridPriceClient", entry="IngestWorker"),
    Bug("gk-reading-json", "meters-ingest", (Exc("System.Text.Json.JsonException", "The JSON value could not be converted to System.Decimal. Path: $.readings[{n}].kwh | LineNumber: 0 | BytePositionInLine: {n}.", (*WORKER, ing("ReadingParser", "Parse", 23, "(Stream body)"), cs("System.Text.Json.ThrowHelper", "ReThrowWithPath", "(ReadStack& state, Utf8JsonReader& reader, Exception ex)", lib=True))),),
        (see("sentry.error", 3), see("splunk", 2, **LOGS)),
        classes=(4,), log="Ingest batch {JobId} failed", logger="Quarrendon.Meters.Ingest.IngestWorker", entry="IngestWorker"),
    Bug("gk-pg-timeout", "meters-api", (Exc("System.TimeoutException", "Timeout during reading attempt", ()),
         Exc("Npgsql.NpgsqlException", "Exception while reading from stream", (*ctl("ReportsController", "Consumption", 22), svc("ConsumptionReport", "BuildAsync", 51, "(Int32 year, CancellationToken ct)"), *NPGSQL))),
        (see("sentry.error", 2), see("splunk", 2, **LOGS), see("datadog.apm", **APM)),
        classes=(2, 10), log="An unhandled exception has occurred while executing the request.", logger=HOST, entry="GET /api/reports/consumption"),
    Bug("gk-rate-none", "meters-api", (Exc("System.InvalidOperationException", "Sequence contains no elements.", (*ctl("BillsController", "Issue", 49), svc("BillCalculator", "CurrentRateAsync", 88, "(Int32 tariffId, CancellationToken ct)"), *LINQ_FIRST)),),
        (see("sentry.error", 3), see("splunk", 2, **LOGS), see("datadog.log", **DD)),
        classes=(4,), pair="gk-rate-many", log="An unhandled exception has occurred while executing the request.", logger=HOST, entry="POST /api/bills/{id}/issue"),
    Bug("gk-rate-many", "meters-api", (Exc("System.InvalidOperationException", "Sequence contains more than one element.", (*ctl("BillsController", "Issue", 49), svc("BillCalculator", "CurrentRateAsync", 88, "(Int32 tariffId, CancellationToken ct)"), *LINQ_SINGLE)),),
        (see("sentry.error", 2), see("splunk", 2, **LOGS), see("datadog.apm", **APM)),
        classes=(4,), pair="gk-rate-none", log="An unhandled exception has occurred while executing the request.", logger=HOST, entry="POST /api/bills/{id}/issue"),
    Bug("gk-negative-noexc", "meters-ingest", (Exc("System.ArgumentOutOfRangeException", "Consumption cannot be negative. (Parameter 'kwh')", (*WORKER, ing("ReadingValidator", "Validate", 19, "(Reading reading)"))),),
        (see("sentry.error", 2), see("splunk", 2, **NOEXC), see("datadog.log", **DDI)),
        classes=(8,), log="Rejected reading batch {JobId}: negative consumption", logger="Quarrendon.Meters.Ingest.ReadingValidator", entry="IngestWorker"),
    Bug("gk-disposed-ctx", "meters-ingest", (Exc("System.ObjectDisposedException", "Cannot access a disposed context instance. A common cause of this error is disposing a context instance that was resolved from dependency injection and then later trying to use the same context instance elsewhere in your application. This may occur if you are calling 'Dispose' on the context instance, or wrapping it in a using statement. If you are using dependency injection, you should let the dependency injection container take care of disposing context instances.\nObject name: 'MetersDbContext'.", (*WORKER, ing("TariffSync", "SyncAsync", 42), cs("Microsoft.EntityFrameworkCore.DbContext", "CheckDisposed", "()", lib=True))),),
        (see("sentry.error", 3), see("splunk", 2, **LOGS), see("datadog.log", **DDI)),
        classes=(4,), log="Tariff sync failed", logger="Quarrendon.Meters.Ingest.TariffSync", entry="IngestWorker", span=2),
    Bug("gk-singleton-format", "meters-api", (Exc("System.FormatException", "The input string 'n/a' was not in a correct format.", (*ctl("MetersController", "Import", 66),)),),
        (see("sentry.error"),),
        singleton=True, entry="POST /api/meters/import"),
]

NOISE = [
    Noise("gk-noise-started", "meters-api", "splunk", {"search": "quarrendon clef errors", "line": '{"@t":"{tsnaive}Z","@mt":"Now listening on: {Address}","Address":"http://[::]:8080","EventId":{"Id":14,"Name":"ListeningOnAddress"},"SourceContext":"Microsoft.Hosting.Lifetime"}'}),
    Noise("gk-noise-deploy", "meters-api", "datadog.event", {"monitor": "Deploy", "text": "meters-api 8.4.2 rolled out to aks-quarrendon.", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("gk-noise-recovered", "meters-ingest", "datadog.log", {"monitor": "[quarrendon] ingest errors", "text": "Recovered: ingest errors on meters-ingest below threshold.", "transition": "Recovered", "alert_type": "success"}),
]

QUARRENDON = Company(
    key="gk",
    name="Quarrendon Energy",
    domain="quarrendon-energy.example",
    sentry_org="quarrendon",
    splunk_url="https://quarrendon.splunkcloud.com",
    splunk_guid="C41E8B27-95D3-4A6F-B0E2-6F1D3A9C7E48",
    datadog_org=("712064", "Quarrendon Energy"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("8.4.0", "8.4.1", "8.4.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="quarrendon-sentry-client-secret",
)
# fmt: on
