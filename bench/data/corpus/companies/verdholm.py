"""(hc) Verdholm Energy, a small electricity supplier's smart-meter platform: a Kotlin Ktor 2.3
API on Netty (``meter-api``: readings upload, tariffs, top-ups, bills; Exposed over Postgres
with Hikari, kotlinx.serialization through ContentNegotiation, a Ktor client to the grid
operator's tariff API) and coroutine workers in the same process (tariff sync, CSV imports,
outage notices), Java 17, on Kubernetes.

Logs: logback with logstash-logback-encoder's ``LogstashEncoder`` (``hc-logstash``), read by
the Datadog agent; StatusPages' handler logs ``Request failed: <METHOD> <path>`` with the
exception, an older admin module without StatusPages leaves it to Ktor's own "Unhandled:"
record. Sentry: sentry-java with sentry-kotlin-extensions, ``captureException`` in
StatusPages and the workers. Datadog: log monitors only, on the team's own payload template,
pasting the JSON record's attributes. No Splunk, no PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import jexc, jl

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.java", "7.3.0", "maven:io.sentry:sentry")
SERVICES = {
    "meter-api": Service("meter-api", "java", "hc-logstash", "kube:container:meter-api", "/var/log/containers/meter-api.log", "hc_meter", 6630417, "OpenJDK 17.0.10", sdk=SDK),
}
PKG = "com.verdholm.meter"


def k(cls: str, method: str, line: int, file: str) -> Frame:
    """An app frame: Kotlin names the file after the source, not the class."""
    return Frame(method, file, line, f"{PKG}.{cls}", True)


def kl(cls: str, method: str, line: int, file: str) -> Frame:
    return Frame(method, file, line, cls, False)


NETTY = (
    jl("java.lang.Thread", "run", 833),
    jl("io.netty.util.concurrent.FastThreadLocalRunnable", "run", 30),
    jl("io.netty.util.internal.ThreadExecutorMap$2", "run", 74),
    jl("io.netty.util.concurrent.SingleThreadEventExecutor$4", "run", 997),
    jl("io.netty.channel.nio.NioEventLoop", "run", 569),
    jl("io.netty.util.concurrent.SingleThreadEventExecutor", "runAllTasks", 470),
    jl("io.netty.util.concurrent.AbstractEventExecutor", "runTask", 174),
    kl("kotlinx.coroutines.DispatchedTask", "run", 108, "DispatchedTask.kt"),
    kl("kotlin.coroutines.jvm.internal.BaseContinuationImpl", "resumeWith", 33, "ContinuationImpl.kt"),
    kl("io.ktor.server.netty.NettyApplicationCallHandler$handleRequest$1", "invokeSuspend", 37, "NettyApplicationCallHandler.kt"),
    kl("io.ktor.server.engine.DefaultEnginePipelineKt$defaultEnginePipeline$1", "invokeSuspend", 123, "DefaultEnginePipeline.kt"),
    kl("io.ktor.util.pipeline.SuspendFunctionGun", "proceed", 78, "SuspendFunctionGun.kt"),
    kl("io.ktor.util.pipeline.SuspendFunctionGun", "loop", 120, "SuspendFunctionGun.kt"),
    kl("io.ktor.server.routing.Routing", "executeResult", 190, "Routing.kt"),
    kl("io.ktor.server.routing.Routing$interceptor$1", "invokeSuspend", 64, "Routing.kt"),
    kl("io.ktor.util.pipeline.SuspendFunctionGun", "loop", 120, "SuspendFunctionGun.kt"),
)
WORKER = (
    kl("kotlinx.coroutines.scheduling.CoroutineScheduler$Worker", "run", 749, "CoroutineScheduler.kt"),
    kl("kotlinx.coroutines.scheduling.CoroutineScheduler$Worker", "runWorker", 762, "CoroutineScheduler.kt"),
    kl("kotlinx.coroutines.scheduling.CoroutineScheduler$Worker", "executeTask", 793, "CoroutineScheduler.kt"),
    kl("kotlinx.coroutines.scheduling.CoroutineScheduler", "runSafely", 584, "CoroutineScheduler.kt"),
    kl("kotlinx.coroutines.DispatchedTask", "run", 108, "DispatchedTask.kt"),
    kl("kotlin.coroutines.jvm.internal.BaseContinuationImpl", "resumeWith", 33, "ContinuationImpl.kt"),
)
TIMEOUT = (
    jl("java.lang.Thread", "run", 833),
    kl("kotlinx.coroutines.DefaultExecutor", "run", 108, "DefaultExecutor.kt"),
    kl("kotlinx.coroutines.EventLoopImplBase", "processNextEvent", 284, "EventLoop.common.kt"),
    kl("kotlinx.coroutines.EventLoopImplBase$DelayedRunnableTask", "run", 500, "EventLoop.common.kt"),
    kl("kotlinx.coroutines.TimeoutCoroutine", "run", 159, "Timeout.kt"),
    kl("kotlinx.coroutines.TimeoutKt", "TimeoutCancellationException", 191, "Timeout.kt"),
)
SUSPENDED_TX = (
    kl("org.jetbrains.exposed.sql.transactions.experimental.SuspendedKt$suspendedTransactionAsyncInternal$1", "invokeSuspend", 138, "Suspended.kt"),
)
EXEC = (
    kl("org.jetbrains.exposed.sql.statements.InsertStatement", "execute", 441, "InsertStatement.kt"),
    kl("org.jetbrains.exposed.sql.Transaction", "exec", 141, "Transaction.kt"),
    kl("org.jetbrains.exposed.sql.statements.Statement", "executeIn$exposed_core", 63, "Statement.kt"),
    kl("org.jetbrains.exposed.sql.statements.Statement", "execute", 29, "Statement.kt"),
)
PG = (
    jl("org.postgresql.jdbc.PgPreparedStatement", "executeUpdate", 152),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "receiveErrorResponse", 2725),
)


def call(route: str, fn: str, line: int, *frames: Frame) -> tuple[Frame, ...]:
    """A route lambda (``<File>Kt$<fn>$1$<n>.invokeSuspend``) under Ktor's pipeline."""
    cls = f"api.routes.{route}Kt${fn}$1$2"
    return (*NETTY, k(cls, "invokeSuspend", line, f"{route}.kt"), *frames)


def unique(frames: tuple[Frame, ...], constraint: str, cols: str, vals: str) -> tuple[Exc, ...]:
    pg = f'ERROR: duplicate key value violates unique constraint "{constraint}"\n  Detail: Key ({cols})=({vals}) already exists.'
    return (
        jexc("org.postgresql.util.PSQLException", pg, (*frames, *SUSPENDED_TX, *EXEC, jl("org.jetbrains.exposed.sql.statements.jdbc.JdbcPreparedStatementImpl", "executeUpdate", 29), *PG)),
        jexc("org.jetbrains.exposed.exceptions.ExposedSQLException", f"org.postgresql.util.PSQLException: {pg}", (*frames, *SUSPENDED_TX, *EXEC[1:])),
    )


def missing_field(frames: tuple[Frame, ...], dto: str, field: str) -> tuple[Exc, ...]:
    name = f"com.verdholm.meter.api.dto.{dto}"
    recv = (*frames, kl("io.ktor.server.request.ApplicationReceiveFunctionsKt", "receive", 108, "ApplicationReceiveFunctions.kt"), kl("io.ktor.server.plugins.contentnegotiation.RequestConverterKt$RequestConverter$1$1", "invokeSuspend", 88, "RequestConverter.kt"))
    return (
        jexc("kotlinx.serialization.MissingFieldException", f"Field '{field}' is required for type with serial name '{name}', but it was missing at path: $", (*recv, kl("io.ktor.serialization.kotlinx.KotlinxSerializationConverter", "deserialize", 97, "KotlinxSerializationConverter.kt"), kl("kotlinx.serialization.internal.PluginExceptionsKt", "throwMissingFieldException", 20, "PluginExceptions.kt"))),
        jexc("io.ktor.serialization.JsonConvertException", f"Illegal input: Field '{field}' is required for type with serial name '{name}', but it was missing at path: $", (*recv, kl("io.ktor.serialization.kotlinx.KotlinxSerializationConverter", "deserialize", 104, "KotlinxSerializationConverter.kt"))),
        jexc("io.ktor.server.plugins.BadRequestException", f"Failed to convert request body to class {name}", (*recv, kl("io.ktor.server.plugins.contentnegotiation.RequestConverterKt$RequestConverter$1$1", "invokeSuspend", 96, "RequestConverter.kt"))),
    )


ISO_HELPER = (
    k("time.ReadAtParsing", "parseReadAt", 19, "ReadAtParsing.kt"),
    jl("java.time.LocalDateTime", "parse", 492),
    jl("java.time.format.DateTimeFormatter", "parse", 1948),
    jl("java.time.format.DateTimeFormatter", "createError", 2046),
)

TEAM = dict(team="meters", monitor="[meter-api] request failures", filter="service:meter-api status:error", text="**{{log.attributes.logger_name}}**: {{log.attributes.message}}\n\n```\n{{log.attributes.error.stack}}\n```", lines=8)
KIND = dict(team="meters", monitor="[meter-api] errors by kind", filter="service:meter-api status:error", by="@error.kind", style="kind")
JOBS = dict(team="meters", monitor="[meter-api] worker failures", filter="service:meter-api status:error @thread_name:DefaultDispatcher-worker*", text="Worker error on {{log.host}}\n\n> {{log.attributes.message}}\n\nthread: {{log.attributes.thread_name}}\n\n```\n{{log.attributes.error.stack}}\n```", lines=6)
UNHANDLED = dict(team="meters", monitor="[meter-api] Unhandled (admin)", filter='service:meter-api logger_name:ktor.application "Unhandled:"', text="{{log.attributes.message}}", kind="ktor")
STACK = dict(team="meters", monitor="[meter-api] worker failures", filter="service:meter-api status:error", text="Worker error: {{log.attributes.message}}\n\n```\n{{log.attributes.stack_trace}}```", half=20)

BUGS = [
    # Duplicate keys on two tables through Exposed.
    Bug("hc-reading-unique", "meter-api", unique(call("ReadingRoutes", "readingRoutes", 44, k("readings.ReadingService", "record", 61, "ReadingService.kt")), "meter_readings_meter_id_read_at_key", "meter_id, read_at", "{id}, 2026-03-0{idx} 00:30:00"),
        (see("sentry.error", 3), see("datadog.log", 2, **TEAM), see("datadog.log", **KIND)),
        classes=(2, 4), pair="hc-tariff-unique", log="Request failed: POST /api/v1/meters/{id}/readings", logger="com.verdholm.meter.api.StatusPagesKt", entry="POST /api/v1/meters/{id}/readings"),
    Bug("hc-tariff-unique", "meter-api", unique(call("TariffRoutes", "tariffRoutes", 58, k("tariffs.TariffService", "assign", 83, "TariffService.kt")), "tariff_assignments_account_id_valid_from_key", "account_id, valid_from", "{sub}, 2026-04-01"),
        (see("sentry.error", 2), see("datadog.log", 2, **TEAM)),
        classes=(2, 4), pair="hc-reading-unique", log="Request failed: PUT /api/v1/accounts/{sub}/tariff", logger="com.verdholm.meter.api.StatusPagesKt", entry="PUT /api/v1/accounts/{id}/tariff"),
    # Iterable.first() on an empty result: an account lookup and a meter lookup.
    Bug("hc-account-empty", "meter-api", (jexc("java.util.NoSuchElementException", "Collection is empty.", call("AccountRoutes", "accountRoutes", 31, k("accounts.AccountRepository$byNumber$2", "invokeSuspend", 27, "AccountRepository.kt"), kl("kotlin.collections.CollectionsKt___CollectionsKt", "first", 199, "_Collections.kt"))),),
        (see("sentry.error", 3), see("datadog.log", 2, **TEAM), see("datadog.log", **KIND)),
        classes=(4,), pair="hc-meter-empty", log="Request failed: GET /api/v1/accounts/{n}", logger="com.verdholm.meter.api.StatusPagesKt", entry="GET /api/v1/accounts/{id}", span=2),
    Bug("hc-meter-empty", "meter-api", (jexc("java.util.NoSuchElementException", "Collection is empty.", call("ReadingRoutes", "readingRoutes", 39, k("readings.MeterRepository$bySerial$2", "invokeSuspend", 22, "MeterRepository.kt"), kl("kotlin.collections.CollectionsKt___CollectionsKt", "first", 199, "_Collections.kt"))),),
        (see("sentry.error", 2), see("datadog.log", 2, **TEAM)),
        classes=(4,), pair="hc-account-empty", log="Request failed: POST /api/v1/meters/{id}/readings", logger="com.verdholm.meter.api.StatusPagesKt", entry="POST /api/v1/meters/{id}/readings"),
    # TariffSyncWorker.syncAccount: the withTimeout fires, and the grid API answers 429.
    Bug("hc-tariffsync-timeout", "meter-api", (jexc("kotlinx.coroutines.TimeoutCancellationException", "Timed out waiting for 15000 ms", TIMEOUT),),
        (see("sentry.error", 3), see("datadog.log", 2, **JOBS)),
        pair="hc-tariffsync-429", log="Tariff sync failed for account {sub}", logger="com.verdholm.meter.workers.TariffSyncWorker", entry="TariffSyncWorker.syncAccount"),
    Bug("hc-tariffsync-429", "meter-api", (jexc("io.ktor.client.plugins.ClientRequestException", 'Client request(GET https://tariffs.gridop.example/v3/accounts/{sub}/rates) invalid: 429 Too Many Requests. Text: "{"error":"rate_limited","retry_after":60}"', (*WORKER, k("workers.TariffSyncWorker$syncAccount$2", "invokeSuspend", 48, "TariffSyncWorker.kt"), k("grid.GridTariffClient", "rates", 35, "GridTariffClient.kt"), kl("io.ktor.client.plugins.DefaultResponseValidationKt$addDefaultResponseValidation$1$1", "invokeSuspend", 54, "DefaultResponseValidation.kt"))),),
        (see("sentry.error", 2), see("datadog.log", 2, **JOBS), see("datadog.log", **KIND)),
        pair="hc-tariffsync-timeout", log="Tariff sync failed for account {sub}", logger="com.verdholm.meter.workers.TariffSyncWorker", entry="TariffSyncWorker.syncAccount"),
    # A required field missing from two request bodies.
    Bug("hc-reading-missing-field", "meter-api", missing_field(call("ReadingRoutes", "readingRoutes", 42), "ReadingDto", "unit"),
        (see("sentry.error", 3), see("datadog.log", 2, **TEAM)),
        classes=(4,), pair="hc-topup-missing-field", log="Request failed: POST /api/v1/meters/{id}/readings", logger="com.verdholm.meter.api.StatusPagesKt", entry="POST /api/v1/meters/{id}/readings"),
    Bug("hc-topup-missing-field", "meter-api", missing_field(call("TopUpRoutes", "topUpRoutes", 27), "TopUpDto", "amountPence"),
        (see("sentry.error", 2), see("datadog.log", **TEAM), see("datadog.log", **KIND)),
        classes=(4,), pair="hc-reading-missing-field", log="Request failed: POST /api/v1/accounts/{sub}/top-ups", logger="com.verdholm.meter.api.StatusPagesKt", entry="POST /api/v1/accounts/{id}/top-ups"),
    # One parsing helper at the end of two bugs: the upload route and the CSV import worker.
    Bug("hc-upload-readat", "meter-api", (jexc("java.time.format.DateTimeParseException", "Text '{date} 00:30' could not be parsed at index 2", call("ReadingRoutes", "readingRoutes", 47, k("readings.ReadingMapper", "toReading", 16, "ReadingMapper.kt"), *ISO_HELPER)),),
        (see("sentry.error", 3), see("datadog.log", 2, **TEAM)),
        classes=(9,), pair="hc-import-readat", log="Request failed: POST /api/v1/meters/{id}/readings", logger="com.verdholm.meter.api.StatusPagesKt", entry="POST /api/v1/meters/{id}/readings"),
    Bug("hc-import-readat", "meter-api", (jexc("java.time.format.DateTimeParseException", "Text '2026-03-0{idx}T24:00' could not be parsed: Invalid value for HourOfDay (valid values 0 - 23): 24", (*WORKER, k("workers.CsvImportWorker$importBatch$1", "invokeSuspend", 71, "CsvImportWorker.kt"), k("imports.CsvRow", "toReading", 33, "CsvRow.kt"), *ISO_HELPER)),),
        (see("sentry.error", 2), see("datadog.log", 2, **JOBS), see("datadog.log", **STACK)),
        classes=(9, 10), pair="hc-upload-readat", log="CSV import batch {n} failed", logger="com.verdholm.meter.workers.CsvImportWorker", entry="CsvImportWorker.importBatch"),
    # A `!!` on a bill's tariff, an old admin route without StatusPages: Ktor logs it itself.
    Bug("hc-bill-npe", "meter-api", (jexc("java.lang.NullPointerException", "", call("AdminBillRoutes", "adminBillRoutes", 63, k("billing.BillBuilder", "build", 88, "BillBuilder.kt"))),),
        (see("sentry.error", 3), see("datadog.log", 2, **UNHANDLED), see("datadog.log", **KIND)),
        classes=(5,), entry="POST /admin/bills/{id}/rebuild", span=3, renames={"build": "buildDraft"}),
    # Division by zero in the daily average, again on the admin module.
    Bug("hc-average-divzero", "meter-api", (jexc("java.lang.ArithmeticException", "/ by zero", call("AdminUsageRoutes", "adminUsageRoutes", 22, k("usage.UsageStats", "dailyAverage", 40, "UsageStats.kt"))),),
        (see("sentry.error", 2), see("datadog.log", 2, **UNHANDLED)),
        entry="GET /admin/usage/{id}"),
    # The pool runs dry when the import worker holds its connections.
    Bug("hc-pool-exhausted", "meter-api", (jexc("java.sql.SQLTransientConnectionException", "HikariPool-1 - Connection is not available, request timed out after 30000ms.", call("AccountRoutes", "accountRoutes", 31, *SUSPENDED_TX, kl("org.jetbrains.exposed.sql.transactions.ThreadLocalTransactionManager$ThreadLocalTransaction$connectionLazy$1", "invoke", 124, "ThreadLocalTransactionManager.kt"), jl("com.zaxxer.hikari.HikariDataSource", "getConnection", 128), jl("com.zaxxer.hikari.pool.HikariPool", "createTimeoutException", 696))),),
        (see("sentry.error", 3), see("datadog.log", 2, **KIND), see("datadog.log", **TEAM)),
        classes=(8,), log="Request failed: GET /api/v1/accounts/{n}", logger="com.verdholm.meter.api.StatusPagesKt", entry="GET /api/v1/accounts/{id}"),
    # The outage notifier cannot reach the SMS gateway.
    Bug("hc-sms-connect", "meter-api", (jexc("java.net.ConnectException", "Connection refused", (*WORKER, k("workers.OutageNotifier$notify$2", "invokeSuspend", 39, "OutageNotifier.kt"), k("sms.SmsGateway", "send", 24, "SmsGateway.kt"))),
                                         jexc("io.ktor.client.network.sockets.ConnectTimeoutException", "Connect timeout has expired [url=https://sms.relaybird.example/v1/messages, connect_timeout=10000 ms]", (*WORKER, k("workers.OutageNotifier$notify$2", "invokeSuspend", 39, "OutageNotifier.kt"), k("sms.SmsGateway", "send", 24, "SmsGateway.kt")))),
        (see("sentry.error", 2), see("datadog.log", 3, **JOBS)),
        log="Outage notice to {n} customers failed", logger="com.verdholm.meter.workers.OutageNotifier", entry="OutageNotifier.notify"),
    # Once: a recursive tariff-band resolver overflowed.
    Bug("hc-singleton-overflow", "meter-api", (jexc("java.lang.StackOverflowError", "", call("TariffRoutes", "tariffRoutes", 71, *[k("tariffs.BandResolver", "resolve", 52, "BandResolver.kt")] * 10)),),
        (see("sentry.error"),),
        singleton=True, entry="GET /api/v1/tariffs/{id}/bands"),
]

NOISE = [
    Noise("hc-noise-deploy", "meter-api", "datadog.event", {"monitor": "Deploy", "text": "meter-api 2026.3.2 rolled out (6/6 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("hc-noise-recovered", "meter-api", "datadog.log", {"monitor": "[meter-api] worker failures", "text": "Recovered: worker error logs on meter-api back to zero.", "transition": "Recovered", "alert_type": "success"}),
]

VERDHOLM = Company(
    key="hc",
    name="Verdholm Energy",
    domain="verdholm-energy.example",
    sentry_org="verdholm",
    splunk_url="https://verdholm.splunkcloud.com",
    splunk_guid="0A7F3D92-4C1B-4E58-9B26-8D5E1F7C3A40",
    datadog_org=("906114", "Verdholm Energy"),
    datadog_template="custom",
    posthog_project=(69102, "Verdholm"),
    releases=("2026.3.0", "2026.3.1", "2026.3.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="verdholm-sentry-client-secret",
)
# fmt: on
