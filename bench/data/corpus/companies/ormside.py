"""(gs) Ormside Pharmacy, repeat prescriptions by post: a .NET 8 minimal API (``refills-api``:
refill requests, reminders, pharmacies, stock; EF Core 8 over PostgreSQL with Npgsql, Redis
through StackExchange.Redis, the NHS prescription service over HttpClient) and a worker
(``dispense-worker``, a ``BackgroundService`` reading dispense messages and sending reminders).

Splunk Connect for Kubernetes indexes the containers' lines (``gs-mel-json``): the API on
Microsoft.Extensions.Logging's JSON console formatter with scopes (``Timestamp``, ``EventId``,
``LogLevel``, ``Category``, ``Message``, ``Exception``, ``State``, ``Scopes``), the worker on the
simple console formatter (``fail: <Category>[<EventId>]`` over the message and the exception
text, one event over many lines; one deployment slot already on JSON); one catch logs the
message without the exception. Sentry:
Sentry.AspNetCore and Sentry.Extensions.Logging in the worker. PostHog: posthog-dotnet's
``CaptureException`` in the team's exception handler. Datadog: dd-trace-dotnet APM by type and log
monitors pasting the record's attributes. This company has all four tools.
"""

# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Noise, Service, see
from ..stacks import cs

# fmt: off
SDK = ("sentry.dotnet.aspnetcore", "4.13.0", "nuget:Sentry.AspNetCore")
WSDK = ("sentry.dotnet.extensions.logging", "4.13.0", "nuget:Sentry.Extensions.Logging")
SERVICES = {
    "refills-api": Service("refills-api", "csharp", "gs-mel-json", "kube:container:refills-api", "/var/log/containers/refills-api_pharmacy_refills-api.log", "gs_k8s", 4471201, ".NET 8.0.11", framework="aspnetcore", sdk=SDK),
    "dispense-worker": Service("dispense-worker", "csharp", "gs-mel-json", "kube:container:dispense-worker", "/var/log/containers/dispense-worker_pharmacy_dispense-worker.log", "gs_k8s", 4471202, ".NET 8.0.11", framework="generic", sdk=WSDK),
}
SRC = "/src/Ormside.Refills.Api/"
WRK = "/src/Ormside.Dispense.Worker/"
# A minimal API endpoint under UseExceptionHandler (oldest first).
MINIMAL = (
    cs("Microsoft.AspNetCore.Server.Kestrel.Core.Internal.Http.HttpProtocol", "ProcessRequests[TContext]", "(IHttpApplication`1 application)", lib=True),
    cs("Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddlewareImpl", "<Invoke>g__Awaited|10_0", "(ExceptionHandlerMiddlewareImpl middleware, HttpContext context, Task task)", lib=True),
    cs("Microsoft.AspNetCore.Http.RequestDelegateFactory", "<ExecuteTaskOfT>g__ExecuteAwaited|129_0[T]", "(Task`1 task, HttpContext httpContext, JsonTypeInfo`1 jsonTypeInfo)", lib=True),
)
WORKER = (
    cs("Microsoft.Extensions.Hosting.Internal.Host", "<StartAsync>b__15_1", "(IHostedService service, CancellationToken token)", lib=True),
    cs("Ormside.Dispense.Worker.DispenseWorker", "ExecuteAsync", "(CancellationToken stoppingToken)", f"{WRK}DispenseWorker.cs", 47, boundary=True),
)
EF_SAVE = (
    cs("Microsoft.EntityFrameworkCore.DbContext", "SaveChangesAsync", "(Boolean acceptAllChangesOnSuccess, CancellationToken cancellationToken)", lib=True),
    cs("Microsoft.EntityFrameworkCore.Update.Internal.BatchExecutor", "ExecuteAsync", "(IEnumerable`1 commandBatches, IRelationalConnection connection, CancellationToken cancellationToken)", lib=True),
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
SINGLE = (
    cs("Microsoft.EntityFrameworkCore.Query.ShapedQueryCompilingExpressionVisitor", "SingleAsync[TSource]", "(IAsyncEnumerable`1 asyncEnumerable, CancellationToken cancellationToken)", lib=True),
    cs("System.Linq.ThrowHelper", "ThrowMoreThanOneElementException", "()", lib=True),
)
HTTP = (
    cs("System.Net.Http.HttpClient", "<SendAsync>g__Core|83_0", "(HttpRequestMessage request, HttpCompletionOption completionOption, CancellationTokenSource cts, Boolean disposeCts, CancellationTokenSource pendingRequestsCts, CancellationToken originalCancellationToken)", lib=True),
    cs("System.Net.Http.HttpClient", "HandleFailure", "(Exception e, Boolean telemetryStarted, HttpResponseMessage response, CancellationTokenSource cts, CancellationToken cancellationToken, CancellationTokenSource pendingRequestsCts)", lib=True),
)
DICT = cs("System.Collections.Generic.Dictionary`2", "get_Item", "(TKey key)", lib=True)
JSON_READ = (
    cs("Ormside.Dispense.Worker.Messaging.MessageReader", "Read[T]", "(ServiceBusReceivedMessage message)", f"{WRK}Messaging/MessageReader.cs", 22),
    cs("System.Text.Json.JsonSerializer", "Deserialize[TValue]", "(ReadOnlySpan`1 utf8Json, JsonSerializerOptions options)", lib=True),
    cs("System.Text.Json.ThrowHelper", "ReThrowWithPath", "(ReadStack& state, Utf8JsonReader& reader, Exception ex)", lib=True),
)


def ep(name: str, method: str, line: int, args: str = "(CancellationToken ct)") -> tuple:
    return (*MINIMAL, cs(f"Ormside.Refills.Api.Endpoints.{name}", method, args, f"{SRC}Endpoints/{name}.cs", line, boundary=True))


def svc(name: str, method: str, line: int, args: str = "()") -> object:
    return cs(f"Ormside.Refills.Api.Services.{name}", method, args, f"{SRC}Services/{name}.cs", line, boundary=True)


def wk(name: str, method: str, line: int, args: str = "(CancellationToken ct)") -> object:
    return cs(f"Ormside.Dispense.Worker.{name}", method, args, f"{WRK}{name.replace('.', '/')}.cs", line, boundary=True)


HANDLER = "Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware"
KESTREL = "Microsoft.AspNetCore.Server.Kestrel"
UNHANDLED = "An unhandled exception has occurred while executing the request."
API = {"search": "ormside - refills-api errors", "app": "pharmacy"}
WJSON = {"search": "ormside - dispense-worker errors", "app": "pharmacy"}
WTEXT = {"search": "ormside - dispense-worker errors", "app": "pharmacy", "kind": "simple"}
NOEXC = {"search": "ormside - dispense-worker errors", "app": "pharmacy", "kind": "noexc"}
TEXT = "**{{log.service}}** logged an error ({{log.attributes.Category}}):\n\n{{log.attributes.Message}}\n\n```\n{{log.attributes.Exception}}\n```"
DDA = dict(team="pharmacy", monitor="[ormside] refills-api error logs", filter="service:refills-api @LogLevel:Error", text=TEXT)
DDW = dict(team="pharmacy", monitor="[ormside] dispense-worker error logs", filter="service:dispense-worker status:error", style="sample")
DDWJ = dict(team="pharmacy", monitor="[ormside] dispense-worker error logs", filter="service:dispense-worker status:error", text=TEXT)
APM = dict(team="pharmacy", monitor="[ormside] aspnet_core.request errors by type", style="type")
NRE = "Object reference not set to an instance of an object."
PGX = "Npgsql.PostgresException"
DBU = "Microsoft.EntityFrameworkCore.DbUpdateException"
DBU_MSG = "An error occurred while saving the entity changes. See the inner exception for details."
REDACTED = "\n\nDETAIL: Detail redacted as it may contain sensitive data. Specify 'Include Error Detail' in the connection string to include this information."

BUGS = [
    # The same NullReferenceException in two endpoints: a refill for a patient without a GP, a reminder without a nominated pharmacy.
    Bug("gs-refill-gp-nullref", "refills-api", (Exc("System.NullReferenceException", NRE, (*ep("RefillEndpoints", "CreateAsync", 41, "(CreateRefillRequest request, RefillService refills, CancellationToken ct)"), svc("RefillService", "BuildEpsRequest", 88, "(Patient patient, Prescription prescription)"))),),
        (see("sentry.error", 2), see("sentry.error", in_app="all"), see("splunk", 2, **API), see("posthog", 2), see("datadog.apm", **APM)),
        classes=(4, 5), pair="gs-reminder-pharmacy-nullref", logger=HANDLER, entry="POST /refills", span=2, renames={"CreateAsync": "CreateRefillAsync"}),
    Bug("gs-reminder-pharmacy-nullref", "refills-api", (Exc("System.NullReferenceException", NRE, (*ep("ReminderEndpoints", "SnoozeAsync", 29, "(Guid id, ReminderService reminders, CancellationToken ct)"), svc("ReminderService", "NextCollectionWindow", 52, "(Reminder reminder)"))),),
        (see("sentry.error", 3), see("splunk", 2, **API), see("datadog.log", **DDA)),
        classes=(4,), pair="gs-refill-gp-nullref", logger=HANDLER, entry="POST /reminders/{id}/snooze"),
    # Npgsql 23505 on two unique indexes: a refill requested twice, a message dispensed twice.
    Bug("gs-dup-refill", "refills-api", (Exc(PGX, "23505: duplicate key value violates unique constraint \"IX_Refills_PrescriptionId_DueOn\"" + REDACTED, NPGSQL),
         Exc(DBU, DBU_MSG, (*ep("RefillEndpoints", "CreateAsync", 41, "(CreateRefillRequest request, RefillService refills, CancellationToken ct)"), svc("RefillService", "SaveAsync", 131, "(Refill refill, CancellationToken ct)"), *EF_SAVE))),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **API), see("posthog"), see("datadog.log", **DDA)),
        classes=(1, 4), pair="gs-dup-dispense", logger=HANDLER, entry="POST /refills"),
    Bug("gs-dup-dispense", "dispense-worker", (Exc(PGX, "23505: duplicate key value violates unique constraint \"IX_Dispenses_RefillId\"" + REDACTED, NPGSQL),
         Exc(DBU, DBU_MSG, (*WORKER, wk("Handlers.DispenseHandler", "HandleAsync", 38, "(DispenseMessage message, CancellationToken ct)"), *EF_SAVE))),
        (see("sentry.error", 3), see("splunk", 2, **WTEXT), see("splunk", **WJSON, release=1), see("datadog.log", **DDW)),
        classes=(1, 4), pair="gs-dup-refill", log="Dispense message {BatchId} failed", logger="Ormside.Dispense.Worker.Handlers.DispenseHandler", entry="DispenseWorker", span=2),
    # KeyNotFoundException from two lookups: a stock code map in the API, a courier service map in the worker.
    Bug("gs-stock-key", "refills-api", (Exc("System.Collections.Generic.KeyNotFoundException", "The given key '{sku}' was not present in the dictionary.", (*ep("StockEndpoints", "CheckAsync", 24, "(String dmdCode, StockService stock, CancellationToken ct)"), svc("StockService", "PackSizeFor", 61, "(String dmdCode)"), DICT)),),
        (see("sentry.error", 2), see("splunk", 2, **API), see("posthog"), see("datadog.apm", **APM)),
        classes=(4,), pair="gs-courier-key", logger=KESTREL, entry="GET /stock/{id}"),
    Bug("gs-courier-key", "dispense-worker", (Exc("System.Collections.Generic.KeyNotFoundException", "The given key '{sku}' was not present in the dictionary.", (*WORKER, wk("Handlers.DispenseHandler", "HandleAsync", 44, "(DispenseMessage message, CancellationToken ct)"), wk("Couriers.CourierRouter", "ServiceFor", 33, "(String postcodeArea)"), DICT)),),
        (see("sentry.error", 2), see("splunk", 2, **WTEXT), see("datadog.log", **DDW)),
        classes=(4,), pair="gs-stock-key", log="Dispense message {BatchId} failed", logger="Ormside.Dispense.Worker.Handlers.DispenseHandler", entry="DispenseWorker"),
    # One query, two LINQ failures: no nominated pharmacy, two nominated pharmacies.
    Bug("gs-pharmacy-none", "refills-api", (Exc("System.InvalidOperationException", "Sequence contains no elements.", (*ep("PharmacyEndpoints", "NominatedAsync", 19, "(Guid patientId, PharmacyService pharmacies, CancellationToken ct)"), svc("PharmacyService", "NominatedForAsync", 45, "(Guid patientId, CancellationToken ct)"), *FIRST)),),
        (see("sentry.error", 3), see("splunk", 2, **API), see("posthog", 2), see("datadog.apm", **APM)),
        classes=(4,), pair="gs-pharmacy-many", logger=HANDLER, entry="GET /patients/{id}/pharmacy"),
    Bug("gs-pharmacy-many", "refills-api", (Exc("System.InvalidOperationException", "Sequence contains more than one element.", (*ep("PharmacyEndpoints", "NominatedAsync", 19, "(Guid patientId, PharmacyService pharmacies, CancellationToken ct)"), svc("PharmacyService", "NominatedForAsync", 45, "(Guid patientId, CancellationToken ct)"), *SINGLE)),),
        (see("sentry.error", 2), see("splunk", 2, **API), see("datadog.log", **DDA)),
        classes=(4,), pair="gs-pharmacy-none", logger=HANDLER, entry="GET /patients/{id}/pharmacy"),
    # The NHS prescription service through one client: a timeout and a 503.
    Bug("gs-eps-timeout", "refills-api", (Exc("System.TimeoutException", "The operation was canceled.", ()),
         Exc("System.Threading.Tasks.TaskCanceledException", "The request was canceled due to the configured HttpClient.Timeout of 30 seconds elapsing.", (*ep("RefillEndpoints", "SubmitAsync", 63, "(Guid id, EpsClient eps, CancellationToken ct)"), svc("EpsClient", "SubmitAsync", 57, "(EpsRequest request, CancellationToken ct)"), *HTTP))),
        (see("sentry.error", 3), see("splunk", 2, **API), see("posthog"), see("datadog.apm", **APM), see("datadog.log", **DDA)),
        classes=(4, 5), pair="gs-eps-503", logger=HANDLER, entry="POST /refills/{id}/submit", span=3),
    Bug("gs-eps-503", "refills-api", (Exc("System.Net.Http.HttpRequestException", "Response status code does not indicate success: 503 (Service Unavailable).", (*ep("RefillEndpoints", "SubmitAsync", 63, "(Guid id, EpsClient eps, CancellationToken ct)"), svc("EpsClient", "SubmitAsync", 61, "(EpsRequest request, CancellationToken ct)"), cs("System.Net.Http.HttpResponseMessage", "EnsureSuccessStatusCode", "()", lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, **API), see("datadog.apm", **APM)),
        classes=(4,), pair="gs-eps-timeout", logger=HANDLER, entry="POST /refills/{id}/submit"),
    # Two message contracts failing in one MessageReader.Read helper: a decimal and a DateOnly.
    Bug("gs-json-quantity", "dispense-worker", (Exc("System.Text.Json.JsonException", "The JSON value could not be converted to System.Decimal. Path: $.items[{idx}].quantity | LineNumber: 0 | BytePositionInLine: {n}.", (*WORKER, wk("Handlers.DispenseHandler", "HandleAsync", 31, "(DispenseMessage message, CancellationToken ct)"), *JSON_READ)),),
        (see("sentry.error", 2), see("splunk", 2, **WTEXT), see("splunk", **NOEXC), see("datadog.log", **DDW)),
        classes=(4, 9), pair="gs-json-collect-date", log="Dispense message {BatchId} failed", logger="Ormside.Dispense.Worker.Handlers.DispenseHandler", entry="DispenseWorker"),
    Bug("gs-json-collect-date", "dispense-worker", (Exc("System.Text.Json.JsonException", "The JSON value could not be converted to System.DateOnly. Path: $.collectBy | LineNumber: 0 | BytePositionInLine: {n}.", (*WORKER, wk("Handlers.ReminderHandler", "HandleAsync", 27, "(ReminderMessage message, CancellationToken ct)"), *JSON_READ)),),
        (see("sentry.error", 3), see("splunk", 2, **WTEXT), see("datadog.log", **DDW)),
        classes=(4, 9), pair="gs-json-quantity", log="Reminder message {BatchId} failed", logger="Ormside.Dispense.Worker.Handlers.ReminderHandler", entry="DispenseWorker"),
    # Optimistic concurrency on the refill's xmin token when two pharmacists approve at once.
    Bug("gs-approve-concurrency", "refills-api", (Exc("Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException", "The database operation was expected to affect 1 row(s), but actually affected 0 row(s); data may have been modified or deleted since entities were loaded. See https://go.microsoft.com/fwlink/?LinkId=527962 for information on understanding and handling optimistic concurrency exceptions.", (*ep("ApprovalEndpoints", "ApproveAsync", 36, "(Guid id, ApprovalService approvals, CancellationToken ct)"), svc("ApprovalService", "ApproveAsync", 74, "(Guid refillId, String pharmacist, CancellationToken ct)"), *EF_SAVE, cs("Microsoft.EntityFrameworkCore.Update.AffectedCountModificationCommandBatch", "ThrowAggregateUpdateConcurrencyExceptionAsync", "(RelationalDataReader reader, Int32 commandIndex, Int32 expectedRowsAffected, Int32 rowsAffected, CancellationToken cancellationToken)", lib=True))),),
        (see("sentry.error", 2), see("sentry.alert", rule="High priority issues"), see("splunk", 2, **API), see("posthog"), see("datadog.apm", **APM)),
        classes=(1, 5), logger=HANDLER, entry="POST /refills/{id}/approve", span=2),
    # The worker's reminder loop uses a DbContext captured by a fire-and-forget Task.Run.
    Bug("gs-disposed-context", "dispense-worker", (Exc("System.ObjectDisposedException", "Cannot access a disposed context instance. A common cause of this error is disposing a context instance that was resolved from dependency injection and then later trying to use the same context instance elsewhere in your application. This may occur if you are calling 'Dispose' on the context instance, or wrapping it in a using statement. If you are using dependency injection, you should let the dependency injection container take care of disposing context instances.\nObject name: 'PharmacyDbContext'.", (*WORKER, wk("Reminders.ReminderScheduler", "<QueueDue>b__7_0", 58, "()"), cs("Microsoft.EntityFrameworkCore.DbContext", "CheckDisposed", "()", lib=True))),),
        (see("sentry.error", 3), see("splunk", 2, **WTEXT), see("datadog.log", **DDW)),
        classes=(1,), log="Queueing due reminders failed", logger="Ormside.Dispense.Worker.Reminders.ReminderScheduler", entry="DispenseWorker"),
    # Redis timeouts on the rate limiter's sliding window.
    Bug("gs-redis-timeout", "refills-api", (Exc("StackExchange.Redis.RedisTimeoutException", "Timeout awaiting response (outbound=0KiB, inbound=0KiB, 5000ms elapsed, timeout is 5000ms), command=EVALSHA, next: EVALSHA, inst: 0, qu: 0, qs: {n}, aw: False, bw: SpinningDown, rs: ReadAsync, ws: Idle, in: 0, last-in: 0, cur-in: 0, sync-ops: 0, async-ops: {id}, serverEndpoint: redis-master.pharmacy.svc:6379, conn-sec: {n}, aoc: 1, mc: 1/1/0, mgr: 10 of 10 available, clientName: {id}, IOCP: (Busy=0,Free=1000,Min=1,Max=1000), WORKER: (Busy={n},Free=32717,Min=2,Max=32767), POOL: (Threads={n},QueuedItems=0,CompletedItems={id},Timers=12), v: 2.7.33.41805 (Please take a look at this article for some common client-side issues that can cause timeouts: https://stackexchange.github.io/StackExchange.Redis/Timeouts)", (*MINIMAL, cs("Ormside.Refills.Api.RateLimiting.RedisSlidingWindow", "AcquireAsync", "(String partition, CancellationToken ct)", f"{SRC}RateLimiting/RedisSlidingWindow.cs", 48, boundary=True), cs("StackExchange.Redis.ConnectionMultiplexer", "ExecuteAsyncImpl[T]", "(Message message, ResultProcessor`1 processor, Object state, ServerEndPoint server)", lib=True))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **API), see("datadog.apm", **APM), see("datadog.log", **DDA)),
        classes=(1, 2), logger=KESTREL, entry="GET /refills"),
    # The worker cannot reach Postgres after a failover; the host stops the BackgroundService.
    Bug("gs-worker-pg-refused", "dispense-worker", (Exc("System.Net.Sockets.SocketException", "Connection refused", ()),
         Exc("Npgsql.NpgsqlException", "Failed to connect to {ip}:5432", (*WORKER, wk("Handlers.DispenseHandler", "HandleAsync", 35, "(DispenseMessage message, CancellationToken ct)"), cs("Npgsql.Internal.NpgsqlConnector", "Connect", "(NpgsqlTimeout timeout)", lib=True)))),
        (see("sentry.error", 2), see("splunk", 2, **WTEXT), see("datadog.log", **DDW, sample_lines=3)),
        classes=(1, 10), logger="Microsoft.Extensions.Hosting.Internal.Host", log="BackgroundService failed", entry="DispenseWorker"),
    Bug("gs-singleton-nhsno", "refills-api", (Exc("System.FormatException", "The input string '{n} {n} {n}' was not in a correct format.", (*ep("PatientEndpoints", "LookupAsync", 22, "(String nhsNumber, PatientService patients, CancellationToken ct)"), cs("System.Number", "ThrowFormatException[TChar]", "(ReadOnlySpan`1 value)", lib=True))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /patients/lookup"),
]

NOISE = [
    Noise("gs-noise-started", "refills-api", "splunk", {"search": "ormside - refills-api errors", "line": '{"Timestamp":"{tsnaive}+00:00","EventId":0,"LogLevel":"Information","Category":"Microsoft.Hosting.Lifetime","Message":"Application started. Press Ctrl\\u002BC to shut down.","State":{"Message":"Application started. Press Ctrl\\u002BC to shut down.","{OriginalFormat}":"Application started. Press Ctrl\\u002BC to shut down."}}'}),
    Noise("gs-noise-deploy", "refills-api", "datadog.event", {"monitor": "Deploy", "text": "refills-api 2.3.0 rolled out to ormside-aks-prod (3/3 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("gs-noise-recovered", "dispense-worker", "datadog.log", {"monitor": "[ormside] dispense-worker error logs", "text": "Recovered: dispense-worker error logs back under threshold.", "transition": "Recovered", "alert_type": "success"}),
]

ORMSIDE = Company(
    key="gs",
    name="Ormside Pharmacy",
    domain="ormside-pharmacy.example",
    sentry_org="ormside",
    splunk_url="https://ormside.splunkcloud.com",
    splunk_guid="7D3A1C58-2E64-4B09-9F1A-5C8E2B7D4A16",
    datadog_org=("802211", "Ormside Pharmacy"),
    datadog_template="recommended",
    posthog_project=(61044, "Ormside Refills"),
    releases=("2.2.0", "2.3.0", "2.3.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="ormside-sentry-client-secret",
)
# fmt: on
