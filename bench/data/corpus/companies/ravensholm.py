"""(bd) Ravensholm Charge, a network of EV charge points: Kotlin 1.9 services on Spring Boot
3.3 WebFlux (Reactor Netty, Reactor operators, R2DBC over Postgres with r2dbc-pool) on
Java 21: the driver app's API (``charge-api``), the charging-session service talking OCPP
through a gateway and OCPI to the roaming hub (``session-svc``), and billing with its
``@Scheduled`` Reactor jobs (``billing-svc``).

Sentry: sentry-spring-boot-jakarta 7 (the WebFlux integration; ``in-app-includes`` set on
two services, forgotten on billing until its second release). Datadog: the agent tails the
containers; ``charge-api`` logs Spring Boot's console pattern (multi-line traces joined by a
log pipeline rule, with Reactor's checkpoint block), the other two logstash-logback-encoder
JSON with dd-java-agent's trace ids; log monitors only (no APM monitors), some pasting
``{{log.message}}``, some the pipeline's ``error.kind``/``error.message``/``error.stack``,
one grouped by the job. The team's own flat template. No Splunk, no PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Noise, Service, see
from ..stacks import jexc, jl, kt

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.java.spring-boot.jakarta", "7.14.0", "maven:io.sentry:sentry-spring-boot-jakarta")
SERVICES = {
    "charge-api": Service("charge-api", "java", "bd-logback", "", "", "", 3390051, "OpenJDK 21.0.4", framework="spring-webflux", sdk=SDK),
    "session-svc": Service("session-svc", "java", "bd-logstash", "", "", "", 3390052, "OpenJDK 21.0.4", framework="spring-webflux", sdk=SDK),
    "billing-svc": Service("billing-svc", "java", "bd-logstash", "", "", "", 3390053, "OpenJDK 21.0.4", framework="spring-webflux", sdk=SDK),
}

# A Reactor Netty event loop delivering R2DBC rows to the app's operator (oldest first).
NETTY = (
    jl("java.lang.Thread", "run", 1583),
    jl("io.netty.util.concurrent.FastThreadLocalRunnable", "run", 30),
    jl("io.netty.util.internal.ThreadExecutorMap$2", "run", 74),
    jl("io.netty.util.concurrent.SingleThreadEventExecutor$4", "run", 994),
    jl("io.netty.channel.epoll.EpollEventLoop", "run", 416),
    jl("io.netty.channel.epoll.EpollEventLoop", "processReady", 509),
    jl("io.netty.channel.epoll.AbstractEpollStreamChannel$EpollStreamUnsafe", "epollInReady", 801),
    jl("io.netty.channel.DefaultChannelPipeline", "fireChannelRead", 965),
    jl("io.netty.channel.AbstractChannelHandlerContext", "invokeChannelRead", 444),
    jl("io.netty.handler.codec.ByteToMessageDecoder", "channelRead", 290),
    jl("io.netty.handler.codec.ByteToMessageDecoder", "fireChannelRead", 333),
    jl("reactor.netty.channel.ChannelOperationsHandler", "channelRead", 114),
    jl("reactor.netty.channel.FluxReceive", "onInboundNext", 379),
    jl("reactor.netty.channel.FluxReceive", "drainReceiver", 294),
)
ROWS = (
    *NETTY,
    jl("reactor.core.publisher.FluxHandle$HandleSubscriber", "onNext", 129),
    jl("io.r2dbc.postgresql.util.FluxDiscardOnCancel$FluxDiscardOnCancelSubscriber", "onNext", 91),
    jl("reactor.core.publisher.FluxMap$MapSubscriber", "onNext", 122),
    jl("reactor.core.publisher.MonoNext$NextSubscriber", "onNext", 82),
    jl("reactor.core.publisher.MonoFlatMap$FlatMapMain", "onNext", 158),
)
# A WebClient response arriving on the same event loop, turned into an error by retrieve().
WEBCLIENT = (
    *NETTY,
    jl("reactor.netty.http.client.HttpClientOperations", "onInboundNext", 811),
    jl("reactor.core.publisher.MonoFlatMap$FlatMapMain", "onNext", 158),
    jl("org.springframework.web.reactive.function.client.DefaultWebClient$DefaultResponseSpec", "lambda$applyStatusHandlers$1", 640),
)
# Spring's R2DBC exception translation, on the error signal of the failed statement.
TRANSLATE = (
    jl("reactor.core.publisher.FluxOnErrorResume$ResumeSubscriber", "onError", 94),
    jl("org.springframework.r2dbc.core.DefaultDatabaseClient", "lambda$inConnectionMany$8", 151),
    jl("org.springframework.r2dbc.connection.ConnectionFactoryUtils", "convertR2dbcException", 238),
)
PG_ERROR = (
    *NETTY,
    jl("reactor.core.publisher.FluxHandle$HandleSubscriber", "onNext", 129),
    jl("io.r2dbc.postgresql.PostgresqlResult", "lambda$getRowsUpdated$0", 87),
    jl("io.r2dbc.postgresql.ExceptionFactory", "handleErrorResponse", 114),
    jl("io.r2dbc.postgresql.ExceptionFactory", "createException", 72),
)
# A Reactor scheduler's worker firing a timeout (parallel-n), oldest first.
TIMER = (
    jl("java.lang.Thread", "run", 1583),
    jl("java.util.concurrent.ThreadPoolExecutor$Worker", "run", 642),
    jl("java.util.concurrent.ThreadPoolExecutor", "runWorker", 1144),
    jl("java.util.concurrent.ScheduledThreadPoolExecutor$ScheduledFutureTask", "run", 304),
    jl("java.util.concurrent.FutureTask", "run", 317),
    jl("reactor.core.scheduler.SchedulerTask", "call", 28),
)
# Two outbound integrations share one helper that turns non-2xx answers into errors.
RETRIEVE = (
    kt("com.ravensholm.charge.integration.Gateways", "retrieveOrThrow$lambda$2", 41),
    jl("org.springframework.web.reactive.function.client.DefaultClientResponse", "createException", 222),
    jl("org.springframework.web.reactive.function.client.WebClientResponseException", "create", 324),
)


def unique(constraint: str, table: str, cols: str) -> tuple[Exc, Exc]:
    """r2dbc-postgresql's integrity violation, translated by Spring's ``DatabaseClient`` in
    an ``onErrorMap``: both are created on the event loop, so neither trace has an app frame
    (only the checkpoint block of charge-api's console log names the handler)."""
    pg = f'duplicate key value violates unique constraint "{constraint}"'
    cause = jexc("io.r2dbc.postgresql.ExceptionFactory$PostgresqlDataIntegrityViolationException", pg, PG_ERROR)
    return cause, jexc("org.springframework.dao.DataIntegrityViolationException", f"executeMany; SQL [INSERT INTO {table} ({cols}) VALUES ($1, $2, $3)]; {pg}", (*ROWS[:-2], *TRANSLATE))


def api_logs(**extra: object) -> dict[str, object]:
    """charge-api's log monitor pastes the whole event (Datadog keeps the joined multi-line
    trace as the message), the checkpoint block included, up to 60 lines."""
    return dict(monitor="charge-api error logs", filter="service:charge-api status:error env:prod", text="New errors on {{log.service}} ({{log.host}}):\n\n{{log.message}}", team="driver-app", sample_lines=60, **extra)


def json_logs(service: str, **extra: object) -> dict[str, object]:
    return dict(monitor=f"{service} exceptions", filter=f"service:{service} status:error env:prod", text="{{log.service}} logged {{log.attributes.error.kind}}: {{log.attributes.error.message}}\n\n{{log.attributes.stack_trace}}", team="platform", half=10, **extra)


JOB_LOGS = dict(monitor="billing-svc job failures", filter="service:billing-svc status:error @job:*", by="@job", text="Scheduled job failed: {{log.attributes.job}}\n\n{{log.message}}", team="billing")

BUGS = [
    # Unique violations on two tables: a session started twice with the same idempotency
    # key (API), an invoice number issued twice by the monthly job (billing).
    Bug("bd-api-session-idempotency-unique", "charge-api", unique("charge_session_idempotency_key_key", "charge_session", "idempotency_key, connector_id, driver_id"),
        (see("sentry.error", 3), see("sentry.issue"), see("datadog.log", 2, **api_logs(handler="com.ravensholm.charge.api.session.SessionController#start(StartSessionRequest, Jwt)"))),
        classes=(4,), pair="bd-billing-invoice-number-unique", entry="POST /api/v1/sessions", logger="com.ravensholm.charge.api.session.SessionController", span=2),
    Bug("bd-billing-invoice-number-unique", "billing-svc", unique("invoice_number_key", "invoice", "number, account_id, period"),
        (see("sentry.error", 3), see("datadog.log", 2, **JOB_LOGS, scope="@job:MonthlyInvoiceRun")),
        classes=(4,), pair="bd-api-session-idempotency-unique", entry="MonthlyInvoiceRun", log="Invoice run failed for period {week}", span=2),
    # Kotlin's !! on two different nulls: a connector missing from the status projection
    # (API) and a stopped session without a meter reading (session service).
    Bug("bd-api-connector-status-npe", "charge-api", (jexc("java.lang.NullPointerException", "", (*ROWS, kt("com.ravensholm.charge.api.station.ConnectorController", "status$lambda$1", 33))),),
        (see("sentry.error", 3), see("datadog.log", 2, **api_logs(handler="com.ravensholm.charge.api.station.ConnectorController#status(long)"))),
        classes=(4,), pair="bd-session-stop-meter-npe", entry="GET /api/v1/stations/{id}/connectors", logger="com.ravensholm.charge.api.station.ConnectorController", span=2, renames={"status$lambda$1": "connectorStatus$lambda$1"}),
    Bug("bd-session-stop-meter-npe", "session-svc", (jexc("java.lang.NullPointerException", "", (*ROWS, kt("com.ravensholm.charge.session.SessionService", "stop$lambda$9", 112), kt("com.ravensholm.charge.session.MeterMath", "energyKwh", 14))),),
        (see("sentry.error", 2), see("sentry.alert", rule="session-svc: new issue"), see("datadog.log", 2, **json_logs("session-svc"))),
        classes=(4,), pair="bd-api-connector-status-npe", entry="POST /internal/sessions/{id}/stop", log="Stopping session failed"),
    # One function, two exceptions: no tariff row for a new connector type (``single()`` on
    # an empty result), and the tariff lookup timing out behind a lock during the nightly
    # sync. Reactor creates both in its operators: no app frame in either trace, only the
    # service's own log message names the function.
    Bug("bd-session-tariff-source-empty", "session-svc", (jexc("java.util.NoSuchElementException", "Source was empty", (*ROWS[:-2], jl("reactor.core.publisher.MonoSingle$SingleSubscriber", "onComplete", 171))),),
        (see("sentry.error", 3), see("datadog.log", 2, **json_logs("session-svc"))),
        classes=(4,), pair="bd-session-tariff-timeout", entry="POST /internal/sessions/{id}/price", log="Pricing failed"),
    Bug("bd-session-tariff-timeout", "session-svc", (jexc("java.util.concurrent.TimeoutException", "Did not observe any item or terminal signal within 5000ms in 'flatMap' (and no fallback has been configured)", (*TIMER, jl("reactor.core.publisher.FluxTimeout$TimeoutMainSubscriber", "handleTimeout", 296), jl("reactor.core.publisher.Operators", "error", 198))),),
        (see("sentry.error", 2), see("datadog.log", 3, **json_logs("session-svc"))),
        classes=(4,), pair="bd-session-tariff-source-empty", entry="POST /internal/sessions/{id}/price", log="Pricing failed", span=2),
    # Two integrations through one helper: the OCPP gateway answering 503 to a remote
    # start, the roaming hub rejecting a pushed charge record with 400 (billing's first
    # release shipped without ``in-app-includes``: Sentry marks none of its frames in-app).
    Bug("bd-session-ocpp-remote-start-503", "session-svc", (jexc("org.springframework.web.reactive.function.client.WebClientResponseException$ServiceUnavailable", "503 Service Unavailable from POST http://ocpp-gateway.charge.svc:8080/api/v1/chargepoints/RVH-{n}/remote-start", (*WEBCLIENT, *RETRIEVE)),),
        (see("sentry.error", 3), see("datadog.log", 2, **json_logs("session-svc"))),
        classes=(9,), pair="bd-billing-ocpi-cdr-400", entry="POST /internal/sessions/{id}/remote-start", log="Remote start failed"),
    Bug("bd-billing-ocpi-cdr-400", "billing-svc", (jexc("org.springframework.web.reactive.function.client.WebClientResponseException$BadRequest", "400 Bad Request from POST https://hub.roaming.example/ocpi/2.2.1/cdrs", (*WEBCLIENT, *RETRIEVE)),),
        (see("sentry.error", in_app="none", release=0), see("sentry.error", release=1), see("datadog.log", 2, **JOB_LOGS, scope="@job:CdrPushJob")),
        classes=(9,), pair="bd-session-ocpp-remote-start-503", entry="CdrPushJob", log="Pushing CDRs failed", span=2),
    # r2dbc-pool running dry under a burst of status polls.
    Bug("bd-api-pool-acquire-timeout", "charge-api", (jexc("java.util.concurrent.TimeoutException", "Did not observe any item or terminal signal within 10000ms in 'source(MonoDefer)' (and no fallback has been configured)", (*TIMER, jl("reactor.core.publisher.FluxTimeout$TimeoutMainSubscriber", "handleTimeout", 296))), jexc("org.springframework.dao.DataAccessResourceFailureException", "Failed to obtain R2DBC Connection", (*TIMER, jl("reactor.core.publisher.FluxOnErrorResume$ResumeSubscriber", "onError", 94), jl("org.springframework.r2dbc.connection.ConnectionFactoryUtils", "lambda$getConnection$0", 90)))),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", 3, **api_logs(handler="com.ravensholm.charge.api.station.StationController#list(BoundingBox, int)"))),
        entry="GET /api/v1/stations", logger="com.ravensholm.charge.api.station.StationController"),
    # Blocking the event loop: a legacy SOAP client called with block() during authorisation.
    Bug("bd-session-block-on-event-loop", "session-svc", (jexc("java.lang.IllegalStateException", "block()/blockFirst()/blockLast() are blocking, which is not supported in thread reactor-http-epoll-{idx}", (*ROWS, kt("com.ravensholm.charge.session.auth.RfidAuthorizer", "authorize$lambda$0", 38), kt("com.ravensholm.charge.session.auth.LegacyCardClient", "lookup", 22), jl("reactor.core.publisher.Mono", "block", 1728), jl("reactor.core.publisher.BlockingSingleSubscriber", "blockingGet", 87))),),
        (see("sentry.error", 3), see("datadog.log", 2, **json_logs("session-svc"))),
        entry="POST /internal/authorize", log="RFID authorisation failed", span=2),
    # The meter-value aggregation job overflowing Flux.interval's buffer.
    Bug("bd-billing-meter-overflow", "billing-svc", (jexc("reactor.core.Exceptions$OverflowException", "Could not emit tick 14 due to lack of requests (interval doesn't support small downstream requests that replenish slower than the ticks)", (*TIMER[:4], jl("java.util.concurrent.FutureTask", "runAndReset", 328), jl("reactor.core.scheduler.PeriodicSchedulerTask", "call", 49), jl("reactor.core.publisher.FluxInterval$IntervalRunnable", "run", 134), jl("reactor.core.Exceptions", "failWithOverflow", 250))),),
        (see("sentry.error", 2, in_app="none"), see("datadog.log", 3, **JOB_LOGS, scope="@job:MeterValueAggregationJob")),
        classes=(10,), entry="MeterValueAggregationJob", log="Aggregation stream terminated"),
    # The same enum lookup failing at two places after the hub started sending CCS1
    # connectors: the API mapping station rows, the session service parsing OCPP status.
    Bug("bd-api-connector-type-enum", "charge-api", (jexc("java.lang.IllegalArgumentException", "No enum constant com.ravensholm.charge.domain.ConnectorType.CCS1", (*ROWS, kt("com.ravensholm.charge.api.station.StationMapper", "toDto", 61), jl("java.lang.Enum", "valueOf", 293))),),
        (see("sentry.error", 2), see("datadog.log", 2, **api_logs(handler="com.ravensholm.charge.api.station.StationController#get(long)"))),
        classes=(4,), pair="bd-session-status-connector-enum", entry="GET /api/v1/stations/{id}", logger="com.ravensholm.charge.api.station.StationController"),
    Bug("bd-session-status-connector-enum", "session-svc", (jexc("java.lang.IllegalArgumentException", "No enum constant com.ravensholm.charge.domain.ConnectorType.CCS1", (*WEBCLIENT[:-2], kt("com.ravensholm.charge.session.ocpp.StatusNotificationHandler", "handle$lambda$3", 27), jl("java.lang.Enum", "valueOf", 293))),),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", 2, **json_logs("session-svc"))),
        classes=(4,), pair="bd-api-connector-type-enum", entry="POST /internal/ocpp/status", log="StatusNotification rejected"),
    # Seen once: Netty running out of direct memory on an export.
    Bug("bd-api-direct-memory", "charge-api", (jexc("io.netty.util.internal.OutOfDirectMemoryError", "failed to allocate 16777216 byte(s) of direct memory (used: 1056964615, max: 1073741824)", (*NETTY[:5], jl("io.netty.buffer.PoolArena", "allocate", 141), jl("io.netty.util.internal.PlatformDependent", "incrementMemoryCounter", 843))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /api/v1/exports/sessions"),
    # Slow R2DBC statements: warnings whose durations and sizes change length.
    Bug("bd-api-slow-statement", "charge-api", (),
        (see("datadog.log", 4, monitor="charge-api slow statements", filter="service:charge-api @logger_name:*SlowStatementListener", text="Slow statement on charge_session: took {dur}, {n} rows, {size} decoded", team="driver-app", transition="Warn", priority="P4"),),
        classes=(7,)),
]

NOISE = [
    Noise("bd-noise-logs-recovered", "charge-api", "datadog.log", {"monitor": "charge-api error logs", "transition": "Recovered", "alert_type": "success", "text": "charge-api error logs back under 5 in 5m.", "priority": "P3", "team": "driver-app"}),
    Noise("bd-noise-deploy", "session-svc", "datadog.event", {"monitor": "Deployed session-svc 2.41.0", "text": "Argo CD synced session-svc to 2.41.0 (6/6 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "platform"}),
    Noise("bd-noise-jvm-gc", "billing-svc", "datadog.metric", {"monitor": "billing-svc old gen after GC", "scope": "service:billing-svc", "transition": "Recovered", "metric": "jvm.gc.old_gen_size", "text": "Old gen after GC back to {pct}% of max.", "team": "billing"}),
]

RAVENSHOLM = Company(
    key="bd",
    name="Ravensholm Charge",
    domain="ravensholm.example",
    sentry_org="ravensholm",
    splunk_url="",
    splunk_guid="",
    datadog_org=("552190", "Ravensholm Charge"),
    datadog_template="bd-reactor",
    posthog_project=(0, ""),
    releases=("2.40.3", "2.41.0", "2.41.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="ravensholm-sentry-client-secret",
)
# fmt: on
