"""(il) Blencathra Coaches, coach tours and day trips: a Java 21 Micronaut 4 service
(``tours-api``: the Netty HTTP server with blocking controllers on the IO executor, Micronaut
Data JDBC over PostgreSQL through Hikari, declarative ``@Client`` interfaces to the card
processor and the coach operators' seat-map service, Micronaut Serde) and a batch pod of the
same codebase (``manifest-batch``: ``@Scheduled`` jobs writing passenger manifests as PDF and
uploading them to the operators' SFTP servers).

Logs: ``tours-api`` prints the ``logback.xml`` Micronaut's project generator writes
(``HH:mm:ss.SSS [thread] LEVEL logger{36} - msg`` and the whole trace below; most pods strip
the colour codes, one node pool's forwarder keeps them, one cuts events to a few lines), read
by Splunk and Datadog; ``manifest-batch`` logs logstash-logback-encoder JSON. Micronaut's own
``RouteExecutor`` logs ``Unexpected error occurred: <message>`` for a route that throws.
Sentry: sentry-logback (the ``SentryAppender`` on ERROR) with ``in-app-includes`` for
``uk.blencathra``; posthog-java's ``captureException`` in the ``ExceptionHandler``; Datadog:
APM by type and log monitors. All four tools.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import jexc, jl, jv

# fmt: off
SDK = ("sentry.java.logback", "7.14.0", "maven:io.sentry:sentry-logback")
SERVICES = {
    "tours-api": Service("tours-api", "java", "il-logback", "blencathra:tours-api", "/var/log/containers/tours-api.log", "bc_prod", 8110011, "OpenJDK 21.0.4", framework="micronaut", sdk=SDK),
    "manifest-batch": Service("manifest-batch", "java", "il-json", "blencathra:manifest-batch:json", "/var/log/containers/manifest-batch.log", "bc_prod", 8110012, "OpenJDK 21.0.4", framework="micronaut", sdk=SDK),
}
PKG = "uk.blencathra.tours"


def app(cls: str, method: str, line: int) -> Frame:
    return jv(f"{PKG}.{cls}", method, line)


def route(pkg: str, controller: str, method: str, line: int) -> tuple[Frame, ...]:
    """A blocking controller method on Micronaut 4's IO executor, oldest first: the executor,
    the route's execution flow, the generated ``$Definition$Exec`` dispatcher, the method."""
    return (
        jl("java.lang.Thread", "run", 1583),
        jl("java.util.concurrent.ThreadPoolExecutor$Worker", "run", 642),
        jl("java.util.concurrent.ThreadPoolExecutor", "runWorker", 1144),
        jl("io.micronaut.core.propagation.PropagatedContext", "lambda$wrap$3", 211),
        jl("io.micronaut.core.execution.ExecutionFlow", "lambda$async$1", 87),
        jl("io.micronaut.http.server.RouteExecutor", "lambda$callRoute$5", 451),
        jl("io.micronaut.http.server.RouteExecutor", "executeRouteAndConvertBody", 474),
        jl("io.micronaut.web.router.AbstractRouteMatch", "execute", 305),
        jl("io.micronaut.context.AbstractExecutableMethodsDefinition$DispatchedExecutableMethod", "invoke", 461),
        Frame("dispatch", f"{controller}.java", -1, f"{PKG}.{pkg}.${controller}$Definition$Exec"),
        app(f"{pkg}.{controller}", method, line),
    )


def scheduled(pkg: str, job: str, method: str, line: int) -> tuple[Frame, ...]:
    """A ``@Scheduled`` method on the scheduled executor, oldest first."""
    return (
        jl("java.lang.Thread", "run", 1583),
        jl("java.util.concurrent.ThreadPoolExecutor$Worker", "run", 642),
        jl("java.util.concurrent.ThreadPoolExecutor", "runWorker", 1144),
        jl("java.util.concurrent.ScheduledThreadPoolExecutor$ScheduledFutureTask", "run", 304),
        jl("java.util.concurrent.FutureTask", "runAndReset", 358),
        jl("java.util.concurrent.Executors$RunnableAdapter", "call", 572),
        jl("io.micronaut.scheduling.processor.ScheduledMethodProcessor", "lambda$process$5", 158),
        jl("io.micronaut.context.AbstractExecutableMethodsDefinition$DispatchedExecutableMethod", "invoke", 461),
        Frame("dispatch", f"{job}.java", -1, f"{PKG}.{pkg}.${job}$Definition$Exec"),
        app(f"{pkg}.{job}", method, line),
    )


# Micronaut Data JDBC persisting through a generated repository, under @Transactional.
def persist(repo: str) -> tuple[Frame, ...]:
    return (
        jv(f"{PKG}.{repo}$Intercepted", "save", -1),
        jl("io.micronaut.aop.chain.MethodInterceptorChain", "proceed", 143),
        jl("io.micronaut.data.intercept.DataIntroductionAdvice", "intercept", 84),
        jl("io.micronaut.data.runtime.intercept.DefaultSaveEntityInterceptor", "intercept", 49),
        jl("io.micronaut.data.jdbc.operations.DefaultJdbcRepositoryOperations", "persist", 563),
        jl("io.micronaut.data.jdbc.operations.DefaultJdbcRepositoryOperations", "executeWrite", 1012),
        jl("io.micronaut.data.runtime.operations.internal.sql.AbstractSqlRepositoryOperations", "executeUpdate", 355),
    )


PG_EXEC = (
    jl("com.zaxxer.hikari.pool.HikariProxyPreparedStatement", "executeUpdate", -1),
    jl("com.zaxxer.hikari.pool.ProxyPreparedStatement", "executeUpdate", 61),
    jl("org.postgresql.jdbc.PgPreparedStatement", "executeUpdate", 152),
    jl("org.postgresql.jdbc.PgPreparedStatement", "executeWithFlags", 196),
    jl("org.postgresql.jdbc.PgStatement", "executeInternal", 517),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "execute", 372),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "processResults", 2420),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "receiveErrorResponse", 2733),
)


def duplicate(caller: tuple[Frame, ...], repo: str, constraint: str, detail: str) -> tuple[Exc, ...]:
    pg = f'ERROR: duplicate key value violates unique constraint "{constraint}"\n  Detail: {detail}'
    frames = caller + persist(repo)
    return (
        jexc("org.postgresql.util.PSQLException", pg, frames + PG_EXEC),
        jexc("io.micronaut.data.exceptions.DataAccessException", f"Error executing PERSIST: {pg}", frames),
    )


# The declarative HTTP client: a blocking call through the generated $Intercepted class.
def client(iface: str, method: str) -> tuple[Frame, ...]:
    return (
        jv(f"{PKG}.{iface}$Intercepted", method, -1),
        jl("io.micronaut.aop.chain.MethodInterceptorChain", "proceed", 143),
        jl("io.micronaut.http.client.interceptor.HttpClientIntroductionAdvice", "intercept", 332),
        jl("io.micronaut.http.client.interceptor.HttpClientIntroductionAdvice", "lambda$intercept$8", 359),
        jl("io.micronaut.http.client.netty.BlockingHttpClientImpl", "exchange", 78),
        jl("reactor.core.publisher.Mono", "block", 1742),
        jl("reactor.core.publisher.BlockingSingleSubscriber", "blockingGet", 104),
    )


NO_VALUE = "No value present"
OPT_GET = (jl("java.util.Optional", "get", 143),)
SERDE = "io.micronaut.serde.exceptions.SerdeException"

SPLUNK = {"search": "tours-api - errors", "owner": "svc_splunk_alerts"}
SPLUNK_BATCH = {"search": "manifest-batch - errors", "owner": "svc_splunk_alerts"}
LOGMON = {"team": "tours", "monitor": "tours-api error logs", "filter": "service:tours-api status:error env:prod", "text": "tours-api is logging errors on {{log.host}}.\n\n```\n{{log.message}}\n```", "sample_lines": 10}
LOGMON_SHORT = {**LOGMON, "sample_lines": 3}
BATCHMON = {"team": "tours", "monitor": "manifest-batch failures", "filter": "service:manifest-batch status:error", "text": "manifest-batch: {{log.attributes.message}}\n\n{{log.attributes.thread_name}} on {{log.host}}"}
APM = {"style": "type", "team": "tours"}
UNEXPECTED = "Unexpected error occurred: <msg>"
RE = "io.micronaut.http.server.RouteExecutor"

BUGS = [
    # 1. Duplicate keys on two tables through Micronaut Data's persist.
    Bug("il-seat-hold-dup", "tours-api", duplicate((*route("booking", "SeatController", "hold", 58), app("booking.SeatService", "hold", 41)), "booking.SeatHoldRepository", "seat_holds_departure_id_seat_no_key", "Key (departure_id, seat_no)=({id}, {idx}C) already exists."),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **SPLUNK), see("posthog"), see("datadog.log", **LOGMON), see("datadog.apm", **APM)),
        classes=(4,), pair="il-waitlist-dup", log="Unexpected error occurred: Error executing PERSIST: ERROR: duplicate key value violates unique constraint \"seat_holds_departure_id_seat_no_key\"", logger=RE, entry="POST /departures/{id}/seats/hold"),
    Bug("il-waitlist-dup", "tours-api", duplicate((*route("booking", "WaitlistController", "join", 33), app("booking.WaitlistService", "join", 27)), "booking.WaitlistRepository", "waitlist_entries_departure_id_email_key", "Key (departure_id, email)=({id}, {email}) already exists."),
        (see("sentry.error", 3), see("splunk", **SPLUNK), see("splunk", ansi=True, **SPLUNK), see("posthog")),
        classes=(4,), pair="il-seat-hold-dup", log="Unexpected error occurred: Error executing PERSIST: ERROR: duplicate key value violates unique constraint \"waitlist_entries_departure_id_email_key\"", logger=RE, entry="POST /departures/{id}/waitlist"),
    # 2. Optional.get() on an empty Optional in a route and in the manifest job.
    Bug("il-confirm-novalue", "tours-api", (jexc("java.util.NoSuchElementException", NO_VALUE, (*route("booking", "BookingController", "confirm", 71), app("booking.BookingService", "confirm", 96), *OPT_GET)),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 2, **SPLUNK), see("posthog", 2), see("datadog.apm", **APM)),
        classes=(4, 5), pair="il-manifest-novalue", log=UNEXPECTED.replace("<msg>", NO_VALUE), logger=RE, entry="POST /bookings/{id}/confirm", span=3, renames={"confirm": "confirmBooking"}),
    Bug("il-manifest-novalue", "manifest-batch", (jexc("java.util.NoSuchElementException", NO_VALUE, (*scheduled("manifest", "ManifestJob", "run", 38), app("manifest.ManifestBuilder", "row", 64), *OPT_GET)),),
        (see("sentry.error", 2), see("splunk", 2, **SPLUNK_BATCH), see("datadog.log", 2, **BATCHMON)),
        classes=(4,), pair="il-confirm-novalue", log="manifest run failed for departure {id}", logger=f"{PKG}.manifest.ManifestJob", entry="ManifestJob.run"),
    # 3. One card-processor client: a read timeout and a 503.
    Bug("il-pay-timeout", "tours-api", (jexc("io.micronaut.http.client.exceptions.ReadTimeoutException", "Read Timeout", (*route("checkout", "CheckoutController", "pay", 44), app("checkout.PaymentService", "authorize", 52), *client("checkout.CardProcessorClient", "authorize"))),),
        (see("sentry.error", 3), see("splunk", 2, **SPLUNK), see("splunk", cut=4, **SPLUNK), see("datadog.apm", **APM), see("datadog.log", **LOGMON_SHORT)),
        classes=(9, 10), pair="il-refund-503", log="Unexpected error occurred: Read Timeout", logger=RE, entry="POST /checkout/{id}/pay"),
    Bug("il-refund-503", "manifest-batch", (jexc("io.micronaut.http.client.exceptions.HttpClientResponseException", "Service Unavailable", (*scheduled("refunds", "RefundSweepJob", "sweep", 29), app("checkout.PaymentService", "refund", 77), *client("checkout.CardProcessorClient", "refund"))),),
        (see("sentry.error", 2), see("splunk", 2, **SPLUNK_BATCH), see("datadog.log", 2, **BATCHMON)),
        classes=(9,), pair="il-pay-timeout", log="refund sweep failed for booking {id}", logger=f"{PKG}.refunds.RefundSweepJob", entry="RefundSweepJob.sweep"),
    # 4. One fare calculator, two exceptions.
    Bug("il-fare-zero", "tours-api", (jexc("java.lang.ArithmeticException", "/ by zero", (*route("pricing", "QuoteController", "quote", 39), app("pricing.FareCalculator", "price", 58), app("pricing.FareCalculator", "perSeat", 112))),),
        (see("sentry.error", 3), see("splunk", **SPLUNK), see("posthog", 2), see("datadog.apm", **APM)),
        classes=(4,), pair="il-fare-date", log="Unexpected error occurred: / by zero", logger=RE, entry="GET /tours/{id}/quote"),
    Bug("il-fare-date", "tours-api", (jexc("java.time.DateTimeException", "Invalid date 'FEBRUARY 29' as '2027' is not a leap year", (*route("pricing", "QuoteController", "quote", 39), app("pricing.FareCalculator", "price", 51), app("pricing.SeasonCalendar", "seasonOf", 23), jl("java.time.LocalDate", "withYear", 1501), jl("java.time.LocalDate", "resolvePreviousValid", 465), jl("java.time.LocalDate", "create", 299))),),
        (see("sentry.error", 2), see("splunk", 2, **SPLUNK), see("posthog"), see("datadog.log", **LOGMON)),
        classes=(4,), pair="il-fare-zero", log="Unexpected error occurred: Invalid date 'FEBRUARY 29' as '2027' is not a leap year", logger=RE, entry="GET /tours/{id}/quote"),
    # 5. Two batch failures under one saved search and one monitor.
    Bug("il-sftp-auth", "manifest-batch", (jexc("org.apache.sshd.common.SshException", "No more authentication methods available", (*scheduled("manifest", "ManifestUploadJob", "upload", 47), app("manifest.OperatorSftp", "put", 33), jl("org.apache.sshd.client.session.ClientSessionImpl", "auth", 224), jl("org.apache.sshd.client.future.DefaultAuthFuture", "verify", 59))),),
        (see("sentry.error", 2), see("sentry.alert", rule="manifest uploads failing"), see("splunk", 2, **SPLUNK_BATCH), see("datadog.log", 2, **BATCHMON)),
        classes=(2,), pair="il-pdf-font", log="manifest upload to operator {n} failed", logger=f"{PKG}.manifest.ManifestUploadJob", entry="ManifestUploadJob.upload"),
    Bug("il-pdf-font", "manifest-batch", (jexc("java.io.IOException", "Error: Header doesn't contain versioning information", (*scheduled("manifest", "ManifestJob", "run", 38), app("manifest.ManifestPdf", "render", 81), app("manifest.ManifestPdf", "loadFont", 132), jl("org.apache.pdfbox.pdmodel.font.PDType0Font", "load", 105), jl("org.apache.fontbox.ttf.TTFParser", "parse", 94))),),
        (see("sentry.error", 3), see("splunk", 2, **SPLUNK_BATCH), see("datadog.log", **BATCHMON)),
        classes=(2,), pair="il-sftp-auth", log="manifest run failed for departure {id}", logger=f"{PKG}.manifest.ManifestJob", entry="ManifestJob.run"),
    # 6. One lookup helper, two entities.
    Bug("il-tour-notfound", "tours-api", (jexc(f"{PKG}.common.NotFoundException", "Tour {id} not found", (*route("catalogue", "TourController", "show", 27), app("catalogue.TourService", "get", 19), app("common.Lookups", "require", 14))),),
        (see("sentry.error", 2), see("splunk", 2, **SPLUNK), see("posthog", 2)),
        classes=(4, 9), pair="il-operator-notfound", log="Unexpected error occurred: Tour {id} not found", logger=RE, entry="GET /tours/{id}"),
    Bug("il-operator-notfound", "manifest-batch", (jexc(f"{PKG}.common.NotFoundException", "Operator {n} not found", (*scheduled("manifest", "ManifestUploadJob", "upload", 42), app("operators.OperatorService", "get", 22), app("common.Lookups", "require", 14))),),
        (see("sentry.error", 2), see("splunk", **SPLUNK_BATCH), see("datadog.log", **BATCHMON)),
        classes=(4, 9), pair="il-tour-notfound", log="manifest upload to operator {n} failed", logger=f"{PKG}.manifest.ManifestUploadJob", entry="ManifestUploadJob.upload"),
    # Not pairs.
    Bug("il-serde-missing", "tours-api", (jexc(SERDE, "Unable to deserialize type [uk.blencathra.tours.booking.CreateBookingRequest]. Required constructor parameter [PassengerDetails lead] at index [2] is not present or is null in the supplied data", (jl("io.netty.channel.nio.NioEventLoop", "run", 566), jl("io.micronaut.http.server.netty.body.ImmediateByteBody", "processJson", 114), jl("io.micronaut.json.JsonMapper", "readValue", 94), jl("io.micronaut.serde.support.DefaultObjectMapper", "readValue", 215), jl("io.micronaut.serde.support.deserializers.DemuxingObjectDeserializer", "deserialize", 98), jl("io.micronaut.serde.support.deserializers.SpecificObjectDeserializer", "deserialize", 227), jl("io.micronaut.serde.support.deserializers.SpecificObjectDeserializer$1", "tryCompleteConstructor", 398))),),
        (see("sentry.error", 2), see("splunk", 2, thread="default-nioEventLoopGroup-1-{idx}", **SPLUNK), see("splunk", ansi=True, thread="default-nioEventLoopGroup-1-{idx}", **SPLUNK), see("datadog.log", thread="default-nioEventLoopGroup-1-{idx}", **LOGMON)),
        classes=(1, 10), log="Unexpected error occurred: Unable to deserialize type [uk.blencathra.tours.booking.CreateBookingRequest]. Required constructor parameter [PassengerDetails lead] at index [2] is not present or is null in the supplied data", logger=RE, entry="POST /bookings"),
    Bug("il-hikari-timeout", "tours-api", (jexc("java.sql.SQLTransientConnectionException", "HikariPool-1 - Connection is not available, request timed out after 30000ms (total=10, active=10, idle=0, waiting={waiting})", (*route("catalogue", "DepartureController", "list", 31), app("catalogue.DepartureService", "upcoming", 44), jl("io.micronaut.data.jdbc.operations.DefaultJdbcRepositoryOperations", "findAll", 431), jl("io.micronaut.transaction.support.AbstractPropagatedStatusTransactionOperations", "execute", 56), jl("com.zaxxer.hikari.HikariDataSource", "getConnection", 100), jl("com.zaxxer.hikari.pool.HikariPool", "getConnection", 181), jl("com.zaxxer.hikari.pool.HikariPool", "createTimeoutException", 686))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **SPLUNK), see("splunk", cut=3, **SPLUNK), see("datadog.apm", **APM), see("datadog.log", **LOGMON_SHORT)),
        classes=(10,), log="Unexpected error occurred: HikariPool-1 - Connection is not available, request timed out after 30000ms (total=10, active=10, idle=0, waiting={waiting})", logger=RE, entry="GET /departures"),
    Bug("il-seatmap-warn", "tours-api", (jexc("io.micronaut.http.client.exceptions.HttpClientResponseException", "Bad Gateway", (*route("booking", "SeatController", "map", 24), app("booking.SeatMapService", "fetch", 36), *client("booking.SeatMapClient", "seats"))),),
        (see("splunk", 2, level="WARN", **SPLUNK), see("sentry.error", 2), see("posthog")),
        classes=(1,), log="seat map unavailable for departure {id}, falling back to list", logger=f"{PKG}.booking.SeatMapService", entry="GET /departures/{id}/seats", handled=True),
    Bug("il-npe-voucher", "tours-api", (jexc("java.lang.NullPointerException", "Cannot invoke \"java.math.BigDecimal.subtract(java.math.BigDecimal)\" because \"voucher.remaining\" is null", (*route("checkout", "VoucherController", "redeem", 36), app("checkout.VoucherService", "redeem", 61))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("splunk", 2, **SPLUNK), see("splunk", ansi=True, release=1, **SPLUNK), see("posthog", 2), see("datadog.apm", **APM)),
        classes=(5,), log="Unexpected error occurred: Cannot invoke \"java.math.BigDecimal.subtract(java.math.BigDecimal)\" because \"voucher.remaining\" is null", logger=RE, entry="POST /vouchers/{id}/redeem", span=2),
    Bug("il-singleton-oom", "manifest-batch", (jexc("java.lang.OutOfMemoryError", "Java heap space", (*scheduled("manifest", "ManifestJob", "run", 38), app("manifest.ManifestPdf", "render", 94), jl("org.apache.pdfbox.pdmodel.PDDocument", "save", 1349))),),
        (see("sentry.error"),),
        singleton=True, entry="ManifestJob.run"),
]

NOISE = [
    Noise("il-noise-deploy", "tours-api", "datadog.event", {"monitor": "Deployed tours-api", "text": "tours-api 2026.03.3 rolled out to prod (4/4 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "tours"}),
    Noise("il-noise-startup", "tours-api", "splunk", {"search": "tours-api - errors", "owner": "svc_splunk_alerts", "line": "{hms}.{millis} [main] INFO  io.micronaut.runtime.Micronaut - Startup completed in 1843ms. Server Running: http://tours-api-7c9f5:8080"}),
    Noise("il-noise-recovered", "manifest-batch", "datadog.log", {"monitor": "manifest-batch failures", "transition": "Recovered", "alert_type": "success", "team": "tours", "filter": "service:manifest-batch status:error", "text": "manifest-batch failures back to zero."}),
]

BLENCATHRA = Company(
    key="il",
    name="Blencathra Coaches",
    domain="blencathra-coaches.example",
    sentry_org="blencathra",
    splunk_url="https://blencathra.splunkcloud.com",
    splunk_guid="6B2E90D4-31A7-4F8C-9E15-0D7C3A84F2B6",
    datadog_org=("811001", "Blencathra Coaches"),
    datadog_template="recommended",
    posthog_project=(81101, "Blencathra tours-api"),
    releases=("2026.03.1", "2026.03.2", "2026.03.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="blencathra-sentry-client-secret",
)
# fmt: on
