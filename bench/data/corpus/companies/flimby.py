"""(fe) Flimby Coaches, long-distance coach tickets: Kotlin 1.9 on the JVM 21. ``tickets-api``
(Ktor 2.3 on Netty, kotlinx.serialization, Exposed 0.50 over HikariCP and PostgreSQL inside
``newSuspendedTransaction``) and ``fares-sync`` (a Ktor client service whose scheduled jobs
are coroutines ``launch``ed on ``Dispatchers.IO`` with a ``CoroutineName`` each).

Both run with ``-Dkotlinx.coroutines.debug``: thread names carry the coroutine
(``eventLoopGroupProxy-4-2 @call-handler#731``), exceptions crossing a suspension are recovered
as a copy whose cause is the original (the same type and message twice, the copy's frames
ending at ``_COROUTINE._BOUNDARY``). Logs: Ktor's generated logback pattern
(``%d{YYYY-MM-dd HH:mm:ss.SSS} [%thread] %-5level %logger{36} - %msg``, ``fe-ktor-logback``):
Ktor's "Unhandled: METHOD - uri", Exposed's WARN "Transaction attempt #0 failed", the jobs'
own ``log.error``, and a ``launch`` without a handler dying on stderr ("Exception in thread"
with the coroutine context suppressed under the trace). Sentry: sentry-java's logback
appender (``in-app-includes`` set to ``com.flimby``, except on one fares-sync build of the
first release that shipped without it: every frame of its events is marked not in-app).
Datadog: log monitors through the recommended template, APM on the API. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import COROUTINE_BOUNDARY, COROUTINE_WORKER, TIMEOUT_FIRED, jexc, jl, ktlib

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.java.logback", "7.18.1", "maven:io.sentry:sentry-logback")
SERVICES = {
    "tickets-api": Service("tickets-api", "java", "fe-ktor-logback", "kube:container:tickets-api", "/var/log/containers/tickets-api.log", "fe_prod", 7730311, "OpenJDK 21.0.5", framework="ktor", sdk=SDK),
    "fares-sync": Service("fares-sync", "java", "fe-ktor-logback", "kube:container:fares-sync", "/var/log/containers/fares-sync.log", "fe_prod", 7730314, "OpenJDK 21.0.5", sdk=SDK),
}


def k(cls: str, method: str, line: int, file: str) -> Frame:
    """An application frame: Kotlin files are named after the source, not the class."""
    return Frame(method, file, line, cls, True)


# Ktor on Netty running a route's handler (oldest first).
KTOR = (
    ktlib("io.ktor.server.netty.NettyApplicationCallHandler$handleRequest$1", "invokeSuspend", 37, "NettyApplicationCallHandler.kt"),
    ktlib("io.ktor.server.engine.DefaultEnginePipelineKt$defaultEnginePipeline$1", "invokeSuspend", 123, "DefaultEnginePipeline.kt"),
    ktlib("io.ktor.util.pipeline.SuspendFunctionGun", "loop", 120, "SuspendFunctionGun.kt"),
    ktlib("io.ktor.util.pipeline.SuspendFunctionGun", "proceed", 98, "SuspendFunctionGun.kt"),
    ktlib("io.ktor.server.routing.Routing$executeResult$$inlined$execute$1", "invokeSuspend", 174, "Routing.kt"),
)
EXPOSED_TX = (
    ktlib("org.jetbrains.exposed.sql.transactions.experimental.SuspendedKt$suspendedTransactionAsyncInternal$1", "invokeSuspend", 191, "Suspended.kt"),
)
EXPOSED_INSERT = (
    ktlib("org.jetbrains.exposed.sql.QueriesKt", "insert", 79, "Queries.kt"),
    ktlib("org.jetbrains.exposed.sql.statements.Statement", "execute", 29, "Statement.kt"),
    ktlib("org.jetbrains.exposed.sql.Transaction", "exec", 306, "Transaction.kt"),
    ktlib("org.jetbrains.exposed.sql.statements.Statement", "executeIn$exposed_core", 62, "Statement.kt"),
)
PG_UPDATE = (
    jl("com.zaxxer.hikari.pool.HikariProxyPreparedStatement", "executeUpdate", -1),
    jl("com.zaxxer.hikari.pool.ProxyPreparedStatement", "executeUpdate", 61),
    jl("org.postgresql.jdbc.PgPreparedStatement", "executeUpdate", 152),
    jl("org.postgresql.jdbc.PgPreparedStatement", "executeWithFlags", 194),
    jl("org.postgresql.jdbc.PgStatement", "executeInternal", 517),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "execute", 372),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "processResults", 2734),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "receiveErrorResponse", 2725),
)
# A scheduled job: a coroutine on Dispatchers.IO (oldest first).
JOB = COROUTINE_WORKER
HIKARI_GET = (
    jl("com.zaxxer.hikari.HikariDataSource", "getConnection", 100),
    jl("com.zaxxer.hikari.pool.HikariPool", "getConnection", 162),
    jl("com.zaxxer.hikari.pool.HikariPool", "getConnection", 197),
    jl("com.zaxxer.hikari.pool.HikariPool", "createTimeoutException", 686),
)
CLIENT_EXPECT = (
    ktlib("io.ktor.client.plugins.DefaultResponseValidationKt$addDefaultResponseValidation$1$1", "invokeSuspend", 54, "DefaultResponseValidation.kt"),
)
SERIAL = (
    ktlib("io.ktor.server.request.ApplicationReceiveFunctionsKt", "receiveNullable", 103, "ApplicationReceiveFunctions.kt"),
    ktlib("io.ktor.serialization.kotlinx.KotlinxSerializationConverter", "deserialize", 99, "KotlinxSerializationConverter.kt"),
    ktlib("kotlinx.serialization.json.Json", "decodeFromString", 107, "Json.kt"),
    ktlib("kotlinx.serialization.internal.PluginExceptionsKt", "throwMissingFieldException", 20, "PluginExceptions.kt"),
)


def route(file: str, cls: str, line: int, *more: Frame) -> tuple[Frame, ...]:
    pkg = "com.flimby.tickets.routes."
    return (*KTOR, k(pkg + cls, "invokeSuspend", line, file), *more)


def recovered(fqn: str, value: str, origin: tuple[Frame, ...], caller: tuple[Frame, ...]) -> tuple[Exc, Exc]:
    """kotlinx.coroutines' stack-trace recovery: the original (thrown where it was made, on
    another thread) as the cause of a copy whose frames are the resumed caller's, topped by
    the ``_COROUTINE._BOUNDARY`` frame."""
    return jexc(fqn, value, origin), jexc(fqn, value, (*caller, COROUTINE_BOUNDARY))


def dup(constraint: str, detail: str) -> str:
    return f'org.postgresql.util.PSQLException: ERROR: duplicate key value violates unique constraint "{constraint}"\n  Detail: {detail}'


def exposed_dup(constraint: str, detail: str, app: tuple[Frame, ...]) -> tuple[Exc, ...]:
    cause = jexc("org.postgresql.util.PSQLException", dup(constraint, detail).split(": ", 1)[1], (*app, *EXPOSED_INSERT, *PG_UPDATE))
    return cause, jexc("org.jetbrains.exposed.exceptions.ExposedSQLException", dup(constraint, detail), (*app, *EXPOSED_INSERT))


SEARCH_T = "flimby - tickets-api errors"
SEARCH_F = "flimby - fares-sync errors"
S_T = dict(search=SEARCH_T, app="flimby")
S_F = dict(search=SEARCH_F, app="flimby", thread="DefaultDispatcher-worker-{idx}")
DD_T = dict(team="coaches", monitor="[coaches] tickets-api error logs", filter="service:tickets-api status:error", style="sample", sample_lines=4)
DD_F = dict(team="coaches", monitor="[coaches] fares-sync job failures", filter="service:fares-sync (status:error OR \"Exception in thread\")", style="stack", lines=10)
APM_T = dict(team="coaches", monitor="[coaches] ktor.request errors on tickets-api", style="type")
EXPOSED = dict(kind="exposed")
APP = dict(kind="app")

HOLDS = route("HoldRoutes.kt", "HoldRoutesKt$holdRoutes$1$1", 41, k("com.flimby.tickets.holds.HoldService", "hold", 58, "HoldService.kt"), *EXPOSED_TX, k("com.flimby.tickets.holds.HoldService$hold$2", "invokeSuspend", 63, "HoldService.kt"))
TICKETS = route("TicketRoutes.kt", "TicketRoutesKt$ticketRoutes$1$3", 72, k("com.flimby.tickets.issue.TicketIssuer", "issue", 88, "TicketIssuer.kt"), *EXPOSED_TX, k("com.flimby.tickets.issue.TicketIssuer$issue$2", "invokeSuspend", 95, "TicketIssuer.kt"))

BUGS = [
    # Unique violations through Exposed on two tables, each seen as Exposed's WARN and as
    # Ktor's "Unhandled".
    Bug("fe-hold-dup", "tickets-api", exposed_dup("seat_holds_trip_id_seat_key", "Key (trip_id, seat)=({n}, {idx}) already exists.", HOLDS),
        (see("sentry.error", 2), see("splunk", 2, **S_T), see("splunk", 1, **S_T, **EXPOSED, sql="INSERT INTO seat_holds (trip_id, seat, hold_until) VALUES ({n}, {idx}, '2026-03-0{idx}T10:00:00Z')"), see("datadog.log", **DD_T)),
        classes=(4,), pair="fe-ticket-dup", entry="POST /v1/trips/{trip}/holds"),
    Bug("fe-ticket-dup", "tickets-api", exposed_dup("tickets_booking_ref_key", "Key (booking_ref)=(FC{id}) already exists.", TICKETS),
        (see("sentry.error", 2), see("splunk", 2, **S_T), see("splunk", 1, **S_T, **EXPOSED, sql="INSERT INTO tickets (booking_ref, trip_id, passenger) VALUES ('FC{id}', {n}, '{email}')"), see("datadog.apm", **APM_T)),
        classes=(4,), pair="fe-hold-dup", entry="POST /v1/bookings/{ref}/tickets"),
    # `!!` on two nulls: NullPointerException without a message, a route and a job.
    Bug("fe-trip-npe", "tickets-api", (jexc("java.lang.NullPointerException", "", route("TripRoutes.kt", "TripRoutesKt$tripRoutes$1$2", 36, k("com.flimby.tickets.trips.TripView", "from", 22, "TripView.kt"))),),
        (see("sentry.error", 3), see("splunk", 3, **S_T), see("datadog.apm", **APM_T)),
        classes=(4,), pair="fe-sync-npe", entry="GET /v1/trips/{trip}"),
    Bug("fe-sync-npe", "fares-sync", (jexc("java.lang.NullPointerException", "", (*JOB, k("com.flimby.fares.FareSync$run$1", "invokeSuspend", 47, "FareSync.kt"), k("com.flimby.fares.FareMapper", "toRow", 31, "FareMapper.kt"))),),
        (see("sentry.error", 2), see("sentry.error", 1, in_app="none", release=0), see("splunk", 2, **S_F, kind="uncaught", coroutine="fare-sync"), see("datadog.log", **DD_F, kind="uncaught", coroutine="fare-sync")),
        classes=(4,), pair="fe-trip-npe", entry="fare-sync"),
    # withTimeout firing in two places: the same TimeoutCancellationException from the
    # DefaultExecutor, recovered into two different callers.
    Bug("fe-seatmap-timeout", "tickets-api", recovered("kotlinx.coroutines.TimeoutCancellationException", "Timed out waiting for 3000 ms", TIMEOUT_FIRED, route("SeatRoutes.kt", "SeatRoutesKt$seatRoutes$1$1", 28, k("com.flimby.tickets.seats.SeatMapService", "seatMap", 44, "SeatMapService.kt"))),
        (see("sentry.error", 2), see("splunk", 2, **S_T), see("datadog.log", **DD_T)),
        classes=(3,), pair="fe-operator-timeout", entry="GET /v1/trips/{trip}/seats"),
    Bug("fe-operator-timeout", "fares-sync", recovered("kotlinx.coroutines.TimeoutCancellationException", "Timed out waiting for 3000 ms", TIMEOUT_FIRED, (*JOB, k("com.flimby.fares.FareSync$run$1", "invokeSuspend", 39, "FareSync.kt"), k("com.flimby.fares.OperatorClient", "fares", 52, "OperatorClient.kt"))),
        (see("sentry.error", 2), see("splunk", 3, **S_F, **APP), see("datadog.log", 2, **DD_F, **APP)),
        classes=(3, 5), pair="fe-seatmap-timeout", log="Fare sync for operator {seg} failed", logger="com.flimby.fares.FareSync", entry="fare-sync", span=2),
    # A body missing a field: one converter, two request types on two routes.
    Bug("fe-booking-body", "tickets-api", (jexc("kotlinx.serialization.MissingFieldException", "Field 'passengers' is required for type with serial name 'com.flimby.tickets.api.BookingRequest', but it was missing at path: $", SERIAL), jexc("io.ktor.serialization.JsonConvertException", "Illegal input: Field 'passengers' is required for type with serial name 'com.flimby.tickets.api.BookingRequest', but it was missing at path: $", SERIAL[:2]), jexc("io.ktor.server.plugins.BadRequestException", "Failed to convert request body to class com.flimby.tickets.api.BookingRequest", route("BookingRoutes.kt", "BookingRoutesKt$bookingRoutes$1$1", 30, SERIAL[0]))),
        (see("sentry.error", 2), see("splunk", 2, **S_T)),
        pair="fe-refund-body", entry="POST /v1/bookings"),
    Bug("fe-refund-body", "tickets-api", (jexc("kotlinx.serialization.MissingFieldException", "Field 'reason' is required for type with serial name 'com.flimby.tickets.api.RefundRequest', but it was missing at path: $", SERIAL), jexc("io.ktor.serialization.JsonConvertException", "Illegal input: Field 'reason' is required for type with serial name 'com.flimby.tickets.api.RefundRequest', but it was missing at path: $", SERIAL[:2]), jexc("io.ktor.server.plugins.BadRequestException", "Failed to convert request body to class com.flimby.tickets.api.RefundRequest", route("RefundRoutes.kt", "RefundRoutesKt$refundRoutes$1$1", 25, SERIAL[0]))),
        (see("sentry.error", 3), see("splunk", 2, **S_T), see("datadog.log", **DD_T)),
        pair="fe-booking-body", entry="POST /v1/bookings/{ref}/refund"),
    # Kotlin's check() failing in two launched jobs: "Check failed." twice, nothing else alike.
    Bug("fe-reminder-check", "fares-sync", (jexc("java.lang.IllegalStateException", "Check failed.", (*JOB, k("com.flimby.fares.ReminderJob$start$1", "invokeSuspend", 27, "ReminderJob.kt"), k("com.flimby.fares.ReminderJob", "due", 61, "ReminderJob.kt"))),),
        (see("splunk", 3, **S_F, kind="uncaught", coroutine="reminders"), see("datadog.log", 2, **DD_F, kind="uncaught", coroutine="reminders"), see("sentry.error", 1)),
        pair="fe-timetable-check", entry="reminders"),
    Bug("fe-timetable-check", "fares-sync", (jexc("java.lang.IllegalStateException", "Check failed.", (*JOB, k("com.flimby.fares.TimetableImport$run$1", "invokeSuspend", 33, "TimetableImport.kt"), k("com.flimby.fares.gtfs.StopTimes", "merge", 118, "StopTimes.kt"))),),
        (see("splunk", 2, **S_F, kind="uncaught", coroutine="timetable"), see("datadog.log", **DD_F, kind="uncaught", coroutine="timetable"), see("sentry.error", 2)),
        pair="fe-reminder-check", entry="timetable"),
    # Not pairs.
    Bug("fe-hikari", "tickets-api", (jexc("java.sql.SQLTransientConnectionException", "HikariPool-1 - Connection is not available, request timed out after 30000ms (total=10, active=10, idle=0, waiting={waiting})", (*route("TripRoutes.kt", "TripRoutesKt$tripRoutes$1$1", 19, k("com.flimby.tickets.trips.TripSearch", "search", 40, "TripSearch.kt")), *EXPOSED_TX, ktlib("org.jetbrains.exposed.sql.transactions.ThreadLocalTransactionManager$ThreadLocalTransaction$connectionLazy$1", "invoke", 109, "ThreadLocalTransactionManager.kt"), *HIKARI_GET)),),
        (see("splunk", 3, **S_T), see("datadog.log", 2, **DD_T), see("sentry.error", 2)),
        classes=(1,), entry="GET /v1/trips"),
    Bug("fe-operator-503", "fares-sync", (jexc("io.ktor.client.plugins.ServerResponseException", 'Server error(GET https://api.northcoach.example/v2/fares?route={n}: 503 Service Unavailable. Text: "upstream connect error or disconnect/reset before headers. reset reason: overflow"', (*JOB, k("com.flimby.fares.FareSync$run$1", "invokeSuspend", 39, "FareSync.kt"), k("com.flimby.fares.OperatorClient", "fares", 49, "OperatorClient.kt"), *CLIENT_EXPECT)),),
        (see("sentry.error", 2), see("sentry.error", 1, in_app="none", release=0), see("splunk", 2, **S_F, **APP), see("datadog.log", **DD_F, **APP)),
        log="Fare sync for operator {seg} failed", logger="com.flimby.fares.FareSync", entry="fare-sync"),
    Bug("fe-heap", "tickets-api", (),
        (see("datadog.metric", 2, monitor="[coaches] tickets-api old gen after GC", scope="service:tickets-api", team="coaches", metric="jvm.gc.old_gen_size", query="avg(last_15m):avg:jvm.gc.old_gen_size{service:tickets-api} by {host} > 1800000000", event_type="metric_alert_monitor", status="old gen on tickets-api over 1.8 GB", text="Old generation after GC at {n}00 MB on {{host.name}}."),),
        classes=(8,)),
    Bug("fe-timetable-timeout", "fares-sync", (jexc("io.ktor.client.plugins.HttpRequestTimeoutException", "Request timeout has expired [url=https://api.northcoach.example/v2/timetable?since={week}, request_timeout=10000 ms]", (*JOB, k("com.flimby.fares.TimetableImport$run$1", "invokeSuspend", 29, "TimetableImport.kt"), k("com.flimby.fares.OperatorClient", "timetable", 71, "OperatorClient.kt"), ktlib("io.ktor.client.plugins.HttpTimeoutKt$HttpTimeout$2$1$1$killer$1", "invokeSuspend", 193, "HttpTimeout.kt"))),),
        (see("sentry.error", 2), see("splunk", 2, **S_F, **APP), see("datadog.log", **DD_F, **APP)),
        log="Timetable import aborted", logger="com.flimby.fares.TimetableImport", entry="timetable"),
    Bug("fe-sync-cancelled", "fares-sync", (jexc("kotlinx.coroutines.JobCancellationException", "StandaloneCoroutine was cancelled; job=StandaloneCoroutine{Cancelling}@{args}", (*JOB, k("com.flimby.fares.FareSync$run$1", "invokeSuspend", 44, "FareSync.kt"), ktlib("kotlinx.coroutines.JobSupport", "getCancellationException", 723, "JobSupport.kt"))),),
        (see("splunk", 3, **S_F, **APP), see("datadog.log", **DD_F, **APP)),
        classes=(1,), log="Fare sync for operator {seg} interrupted", logger="com.flimby.fares.FareSync", entry="fare-sync"),
    # A singleton: a seat label with a letter in it.
    Bug("fe-seat-number", "tickets-api", (jexc("java.lang.NumberFormatException", 'For input string: "{idx}A"', route("SeatRoutes.kt", "SeatRoutesKt$seatRoutes$1$2", 51, jl("java.lang.Integer", "parseInt", 661), jl("java.lang.NumberFormatException", "forInputString", 67))),),
        (see("sentry.error"),),
        singleton=True, entry="PUT /v1/trips/{trip}/seats/{seat}"),
]

NOISE = [
    Noise("fe-noise-started", "tickets-api", "splunk", {"search": SEARCH_T, "line": "{gts}.{millis} [main] INFO  ktor.application - Application started in 0.{n}1 seconds."}),
    Noise("fe-noise-deploy", "fares-sync", "datadog.event", {"monitor": "fares-sync deployed", "text": "fares-sync 2026.12.1 deployed (1/1 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("fe-noise-recovered", "tickets-api", "datadog.log", {"monitor": "[coaches] tickets-api error logs", "transition": "Recovered", "alert_type": "success", "text": "tickets-api error logs are back under the threshold.", "team": "coaches"}),
]

FLIMBY = Company(
    key="fe",
    name="Flimby Coaches",
    domain="flimby.example",
    sentry_org="flimby",
    splunk_url="https://flimby.splunkcloud.com",
    splunk_guid="5C0E8A2B-7F41-4D93-B6A8-1E2D9C4F7A36",
    datadog_org=("902174", "Flimby Coaches"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("2026.12.0", "2026.12.1", "2026.12.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="flimby-sentry-client-secret",
)
# fmt: on
