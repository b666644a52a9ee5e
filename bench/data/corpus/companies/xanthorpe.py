"""(hq) Xanthorpe Lockers, a network of parcel lockers in railway stations: a Java 21 Spring
Boot 3.4 WebFlux service (``locker-api``: annotated controllers on Reactor Netty, Spring Data
R2DBC over Postgres, reactive Redis for drop-off PINs, ``WebClient`` to three carriers'
manifest APIs, a ``@Scheduled`` manifest publisher) and a nightly Spring Boot job
(``locker-nightly``: occupancy exports to S3, purge of expired reservations), on Kubernetes.

Splunk indexes the pods' stdout: ``locker-api`` on Spring Boot's built-in structured logging
(``logging.structured.format.console=ecs``, ``hq-boot-ecs``: ``AbstractErrorWebExceptionHandler``
records with Reactor's checkpoint block, the team's ``log.error(msg, e)``, Reactor's
``onErrorDropped``, a catch logging only the message); ``locker-nightly``'s image still on the
default console pattern (``hq-boot-console``). Sentry: sentry-spring-boot-jakarta with
``in-app-includes: com.xanthorpe``, one pod's config lost it. PostHog: posthog-java's
``captureException`` in the payment and drop-off flows. Datadog: the recommended template, APM
by type, log monitors by kind or pasting the ECS attributes.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import SCHEDULED, jexc, jl, jv

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.java.spring-boot.jakarta", "7.18.0", "maven:io.sentry:sentry-spring-boot-starter-jakarta")
SERVICES = {
    "locker-api": Service("locker-api", "java", "hq-boot-ecs", "kube:container:locker-api", "/var/log/containers/locker-api.log", "hq_lockers", 5519301, "OpenJDK 21.0.5", framework="spring", sdk=SDK),
    "locker-nightly": Service("locker-nightly", "java", "hq-boot-console", "kube:container:locker-nightly", "/var/log/containers/locker-nightly.log", "hq_lockers", 5519302, "OpenJDK 21.0.5", framework="spring", sdk=SDK),
}
PKG = "com.xanthorpe.lockers"


def app(cls: str, method: str, line: int) -> Frame:
    return jv(f"{PKG}.{cls}", method, line)


# Reactor Netty's event loop delivering a request body down a WebFlux handler chain.
NETTY = (
    jl("java.lang.Thread", "run", 1583),
    jl("io.netty.util.concurrent.FastThreadLocalRunnable", "run", 30),
    jl("io.netty.util.internal.ThreadExecutorMap$2", "run", 74),
    jl("io.netty.util.concurrent.SingleThreadEventExecutor$4", "run", 997),
    jl("io.netty.channel.epoll.EpollEventLoop", "run", 416),
    jl("io.netty.channel.epoll.AbstractEpollStreamChannel$EpollStreamUnsafe", "epollInReady", 801),
    jl("io.netty.channel.AbstractChannelHandlerContext", "invokeChannelRead", 444),
    jl("reactor.netty.channel.ChannelOperationsHandler", "channelRead", 114),
    jl("reactor.netty.http.server.HttpServerOperations", "onInboundNext", 1031),
    jl("reactor.netty.channel.FluxReceive", "onInboundNext", 379),
    jl("reactor.core.publisher.FluxMapFuseable$MapFuseableSubscriber", "onNext", 129),
    jl("reactor.core.publisher.MonoFlatMap$FlatMapMain", "onNext", 132),
)
MAP = jl("reactor.core.publisher.FluxMap$MapSubscriber", "onNext", 106)
FLATMAP = jl("reactor.core.publisher.MonoFlatMap$FlatMapMain", "onNext", 132)
# A row arriving from Postgres on the R2DBC client's own event loop.
R2DBC_ROW = (
    jl("java.lang.Thread", "run", 1583),
    jl("io.netty.util.concurrent.FastThreadLocalRunnable", "run", 30),
    jl("io.netty.channel.epoll.EpollEventLoop", "run", 416),
    jl("reactor.netty.channel.FluxReceive", "onInboundNext", 379),
    jl("io.r2dbc.postgresql.client.ReactorNettyClient$BackendMessageSubscriber", "onNext", 879),
    jl("reactor.core.publisher.FluxHandle$HandleSubscriber", "onNext", 129),
    jl("io.r2dbc.postgresql.PostgresqlResult", "lambda$map$2", 123),
)
R2DBC_ERR = (
    *R2DBC_ROW[:5],
    jl("io.r2dbc.postgresql.client.ReactorNettyClient$BackendMessageSubscriber", "onNext", 879),
    jl("reactor.core.publisher.FluxHandle$HandleSubscriber", "onNext", 129),
    jl("io.r2dbc.postgresql.ExceptionFactory", "handleErrorResponse", 111),
    jl("io.r2dbc.postgresql.ExceptionFactory", "createException", 72),
)
SPRING_R2DBC = (
    *R2DBC_ROW[:5],
    jl("reactor.core.publisher.FluxOnErrorResume$ResumeSubscriber", "onError", 94),
    jl("reactor.core.publisher.Flux", "lambda$onErrorMap$27", 7179),
    jl("org.springframework.r2dbc.core.DefaultDatabaseClient", "lambda$inConnectionMany$8", 147),
    jl("org.springframework.r2dbc.connection.ConnectionFactoryUtils", "convertR2dbcException", 253),
)
WEBCLIENT_STATUS = (
    jl("java.lang.Thread", "run", 1583),
    jl("io.netty.channel.epoll.EpollEventLoop", "run", 416),
    jl("reactor.netty.http.client.HttpClientOperations", "onInboundNext", 811),
    jl("reactor.core.publisher.MonoFlatMap$FlatMapMain", "onNext", 132),
    jl("org.springframework.web.reactive.function.client.DefaultWebClient$DefaultResponseSpec", "lambda$applyStatusHandlers$1", 734),
    jl("org.springframework.web.reactive.function.client.ClientResponse", "lambda$createException$1", 232),
    jl("org.springframework.web.reactive.function.client.WebClientResponseException", "create", 323),
)
TIMER = (
    jl("java.lang.Thread", "run", 1583),
    jl("java.util.concurrent.ThreadPoolExecutor$Worker", "run", 642),
    jl("java.util.concurrent.ScheduledThreadPoolExecutor$ScheduledFutureTask", "run", 304),
    jl("reactor.core.scheduler.SchedulerTask", "call", 68),
    jl("reactor.core.publisher.FluxTimeout$TimeoutTimeoutSubscriber", "onNext", 505),
    jl("reactor.core.publisher.FluxTimeout$TimeoutMainSubscriber", "doTimeout", 296),
    jl("reactor.core.publisher.FluxTimeout$TimeoutMainSubscriber", "handleTimeout", 316),
)
JACKSON = (
    *NETTY[:10],
    jl("reactor.core.publisher.FluxConcatMapNoPrefetch$FluxConcatMapNoPrefetchSubscriber", "onNext", 183),
    jl("org.springframework.http.codec.json.AbstractJackson2Decoder", "lambda$decode$1", 159),
    jl("org.springframework.http.codec.json.AbstractJackson2Decoder", "processException", 290),
)

LOG = {"search": "xanthorpe locker-api errors", "app": "lockers"}
TEAM = {**LOG, "kind": "team"}
NOEXC = {**LOG, "kind": "noexc"}
DROPPED = {**LOG, "kind": "dropped", "thread": "reactor-http-epoll-2"}
NIGHT = {"search": "xanthorpe nightly job failures", "app": "lockers", "thread": "main"}
DDKIND = dict(team="lockers", monitor="[locker-api] error logs by kind", filter="service:locker-api status:error env:production", style="kind")
DDECS = dict(team="lockers", monitor="[locker-api] errors", filter="service:locker-api status:error", text="**{{log.attributes.error.type}}** on locker-api\n\n> {{log.attributes.message}}\n\nerror.message: {{log.attributes.error.message}}\nlogger: {{log.attributes.log.logger}}\nthread: {{log.attributes.process.thread.name}}")
DDNIGHT = dict(team="lockers", monitor="[locker-nightly] job failed", filter="service:locker-nightly status:error", style="sample", thread="main")
APM = dict(team="lockers", monitor="[locker-api] http.request errors by type", style="type")

NPE = 'Cannot invoke "com.xanthorpe.lockers.domain.ParcelSize.volumeCm3()" because the return value of "com.xanthorpe.lockers.domain.Parcel.size()" is null'
RES_HANDLER = "com.xanthorpe.lockers.web.ReservationController#reserve(ReservationRequest)"
RET_HANDLER = "com.xanthorpe.lockers.web.ReturnController#book(ReturnRequest)"
DROP_HANDLER = "com.xanthorpe.lockers.web.DropOffController#open(String, DropOffRequest)"


def unique(constraint: str, cols: str, vals: str, table: str) -> tuple[Exc, ...]:
    detail = f'duplicate key value violates unique constraint "{constraint}"'
    sql = f"INSERT INTO {table} ({cols}, created_at) VALUES ($1, $2, $3)"
    return (
        jexc("io.r2dbc.postgresql.ExceptionFactory$PostgresqlDataIntegrityViolationException", f"[23505] {detail}", R2DBC_ERR),
        jexc("org.springframework.dao.DataIntegrityViolationException", f"executeMany; SQL [{sql}]; {detail}", SPRING_R2DBC),
    )


def notfound(what: str, caller: tuple[Frame, ...]) -> Exc:
    return jexc("com.xanthorpe.lockers.error.NotFoundException", f"{what} not found", (*NETTY, *caller, app("support.Lookups", "lambda$require$0", 27)))


MANIFEST = (*SCHEDULED, app("carrier.ManifestPublisher", "publishAll", 44), jl("reactor.core.publisher.Flux", "blockLast", 2760))

BUGS = [
    # The same helpful NPE text in two places: the compartment matcher and the return estimator.
    Bug("hq-reserve-size-npe", "locker-api", (jexc("java.lang.NullPointerException", NPE, (*NETTY, FLATMAP, app("reservation.ReservationService", "lambda$reserve$2", 71), MAP, app("compartment.CompartmentMatcher", "fit", 41))),),
        (see("sentry.error", 3), see("splunk", 2, **LOG, handler=RES_HANDLER), see("datadog.apm", **APM), see("datadog.log", **DDKIND)),
        classes=(4, 9), pair="hq-return-size-npe", entry="POST /api/v1/reservations", span=2, renames={"lambda$reserve$2": "lambda$reserve$3"}),
    Bug("hq-return-size-npe", "locker-api", (jexc("java.lang.NullPointerException", NPE, (*NETTY, FLATMAP, app("returns.ReturnService", "lambda$book$1", 52), MAP, app("returns.ReturnLabelEstimator", "estimate", 57))),),
        (see("sentry.error", 2), see("splunk", 2, **LOG, handler=RET_HANDLER), see("posthog", 1), see("datadog.log", **DDKIND)),
        classes=(4, 9), pair="hq-reserve-size-npe", entry="POST /api/v1/returns"),
    # Duplicate keys on two tables through one R2DBC insert path: no app frame at all.
    Bug("hq-compartment-unique", "locker-api", unique("uq_reservations_compartment_slot", "compartment_id, slot_start", "{n}, 2026-03-1{idx} 08:00:00+00", "reservations"),
        (see("sentry.error", 3), see("splunk", 2, **LOG, handler=RES_HANDLER), see("datadog.log", **DDECS)),
        classes=(4,), pair="hq-courier-pin-unique", entry="POST /api/v1/reservations"),
    Bug("hq-courier-pin-unique", "locker-api", unique("uq_courier_pins_locker_pin", "locker_id, pin", "XL-0{n}, {id}", "courier_pins"),
        (see("sentry.error", 2), see("splunk", 2, **LOG, handler=DROP_HANDLER), see("datadog.log", **DDECS)),
        classes=(4,), pair="hq-compartment-unique", entry="POST /api/v1/lockers/{id}/drop-off"),
    # One ManifestPublisher.publish: a Reactor timeout and a carrier's 503.
    Bug("hq-manifest-timeout", "locker-api", (jexc("java.util.concurrent.TimeoutException", "Did not observe any item or terminal signal within 5000ms in 'flatMap' (and no fallback has been configured)", (*MANIFEST, *TIMER, app("carrier.ManifestPublisher", "lambda$publish$4", 63))),),
        (see("sentry.error", 3), see("splunk", 2, **TEAM), see("datadog.apm", **APM)),
        classes=(1, 10), pair="hq-manifest-503", log="manifest push failed", logger="com.xanthorpe.lockers.carrier.ManifestPublisher", entry="ManifestPublisher.publishAll", span=2),
    Bug("hq-manifest-503", "locker-api", (jexc("org.springframework.web.reactive.function.client.WebClientResponseException$ServiceUnavailable", "503 Service Unavailable from POST https://api.{n}.carrier.example/v2/manifests", (*MANIFEST, *WEBCLIENT_STATUS, app("carrier.ManifestPublisher", "lambda$publish$4", 63))),),
        (see("sentry.error", 2), see("splunk", 2, **TEAM), see("splunk", 1, **NOEXC), see("datadog.log", **DDKIND)),
        classes=(1,), pair="hq-manifest-timeout", log="manifest push failed", logger="com.xanthorpe.lockers.carrier.ManifestPublisher", entry="ManifestPublisher.publishAll"),
    # NotFoundException of a Locker and of a Courier, both from the one Lookups.require.
    Bug("hq-locker-notfound", "locker-api", (notfound("Locker XL-0{n}", (FLATMAP, app("dropoff.DropOffService", "open", 38), jl("reactor.core.publisher.Mono", "switchIfEmpty", 4520))),),
        (see("sentry.error", 3), see("splunk", 2, **LOG, handler=DROP_HANDLER), see("posthog", 2), see("datadog.apm", **APM)),
        classes=(4,), pair="hq-courier-notfound", entry="POST /api/v1/lockers/{id}/drop-off"),
    Bug("hq-courier-notfound", "locker-api", (notfound("Courier {id}", (FLATMAP, app("courier.CourierService", "assign", 49), jl("reactor.core.publisher.Mono", "switchIfEmpty", 4520))),),
        (see("sentry.error", 2), see("splunk", 2, **LOG, handler="com.xanthorpe.lockers.web.CourierController#assign(Long, AssignRequest)"), see("datadog.log", **DDECS)),
        classes=(4,), pair="hq-locker-notfound", entry="PUT /api/v1/couriers/{id}/assignment"),
    # Jackson decoding two request bodies: an Instant field and an enum field.
    Bug("hq-decode-window", "locker-api", (jexc("com.fasterxml.jackson.databind.exc.InvalidFormatException", 'Cannot deserialize value of type `java.time.Instant` from String "2026-03-{n}T25:00": Failed to deserialize java.time.Instant: (java.time.format.DateTimeParseException) Text \'2026-03-{n}T25:00\' could not be parsed at index 16\n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 58] (through reference chain: com.xanthorpe.lockers.web.DropOffRequest["window"])', JACKSON),
                                              jexc("org.springframework.core.codec.DecodingException", 'JSON decoding error: Cannot deserialize value of type `java.time.Instant` from String "2026-03-{n}T25:00"', JACKSON)),
        (see("sentry.error", 2), see("splunk", 2, **LOG, handler=DROP_HANDLER), see("datadog.log", **DDKIND)),
        classes=(4,), pair="hq-decode-size", entry="POST /api/v1/lockers/{id}/drop-off"),
    Bug("hq-decode-size", "locker-api", (jexc("com.fasterxml.jackson.databind.exc.InvalidFormatException", 'Cannot deserialize value of type `com.xanthorpe.lockers.domain.ParcelSize` from String "XXL": not one of the values accepted for Enum class: [S, M, L, XL]\n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 31] (through reference chain: com.xanthorpe.lockers.web.ReservationRequest["size"])', JACKSON),
                                            jexc("org.springframework.core.codec.DecodingException", 'JSON decoding error: Cannot deserialize value of type `com.xanthorpe.lockers.domain.ParcelSize` from String "XXL": not one of the values accepted for Enum class: [S, M, L, XL]', JACKSON)),
        (see("sentry.error", 3), see("splunk", 2, **LOG, handler=RES_HANDLER), see("posthog", 1)),
        classes=(4,), pair="hq-decode-window", entry="POST /api/v1/reservations"),
    # The nightly job: two failures under one saved search and one monitor.
    Bug("hq-nightly-export", "locker-nightly", (jexc("software.amazon.awssdk.services.s3.model.S3Exception", "Access Denied (Service: S3, Status Code: 403, Request ID: {hex}, Extended Request ID: {uuid})", (jl("java.lang.Thread", "run", 1583), app("nightly.NightlyRunner", "run", 33), app("nightly.OccupancyExport", "upload", 72), jl("software.amazon.awssdk.services.s3.DefaultS3Client", "putObject", 10628), jl("software.amazon.awssdk.core.internal.http.CombinedResponseHandler", "handleErrorResponse", 125))),),
        (see("sentry.error", 2), see("splunk", 3, **NIGHT), see("datadog.log", 2, **DDNIGHT)),
        classes=(1,), pair="hq-nightly-purge", log="nightly step failed", logger="com.xanthorpe.lockers.nightly.NightlyRunner", entry="NightlyRunner.run"),
    Bug("hq-nightly-purge", "locker-nightly", (jexc("io.r2dbc.postgresql.ExceptionFactory$PostgresqlNonTransientResourceException", "[57014] canceling statement due to statement timeout", (jl("java.lang.Thread", "run", 1583), app("nightly.NightlyRunner", "run", 36), app("nightly.ReservationPurge", "purgeExpired", 41), *R2DBC_ERR[-2:])),
                                               jexc("org.springframework.dao.QueryTimeoutException", 'executeMany; SQL [DELETE FROM reservations WHERE expires_at < $1]; canceling statement due to statement timeout', (jl("java.lang.Thread", "run", 1583), app("nightly.NightlyRunner", "run", 36), app("nightly.ReservationPurge", "purgeExpired", 41), jl("org.springframework.r2dbc.connection.ConnectionFactoryUtils", "convertR2dbcException", 246)))),
        (see("sentry.error", 2), see("splunk", 2, **NIGHT), see("splunk", 1, **NIGHT, cut=3), see("datadog.log", **DDNIGHT)),
        classes=(1, 10), pair="hq-nightly-export", log="nightly step failed", logger="com.xanthorpe.lockers.nightly.NightlyRunner", entry="NightlyRunner.run"),
    # block() inside a handler: the thread's name in the message changes per delivery.
    Bug("hq-block-on-netty", "locker-api", (jexc("java.lang.IllegalStateException", "block()/blockFirst()/blockLast() are blocking, which is not supported in thread reactor-http-epoll-{idx}", (*NETTY, FLATMAP, app("pricing.TariffCache", "current", 29), jl("reactor.core.publisher.Mono", "block", 1779), jl("reactor.core.publisher.BlockingSingleSubscriber", "blockingGet", 87))),),
        (see("sentry.error", 3), see("sentry.error", in_app="all"), see("splunk", 2, **LOG, handler="com.xanthorpe.lockers.web.PricingController#quote(QuoteRequest)"), see("datadog.apm", **APM), see("datadog.log", **DDECS)),
        classes=(2, 5), entry="POST /api/v1/quotes", span=3, renames={"current": "currentTariff"}),
    # A carrier's connection closed after the request was cancelled: only onErrorDropped logs it.
    Bug("hq-dropped-premature", "locker-api", (jexc("reactor.netty.http.client.PrematureCloseException", "Connection prematurely closed BEFORE response", (jl("java.lang.Thread", "run", 1583), jl("io.netty.channel.epoll.EpollEventLoop", "run", 416), jl("reactor.netty.http.client.HttpClientConnect$HttpObserver", "onUncaughtException", 614))),),
        (see("splunk", 3, **DROPPED), see("datadog.log", **DDECS)),
        classes=(7,), logger="reactor.core.publisher.Operators", entry="ManifestPublisher.publishAll"),
    # Drop-off PINs: Redis timeouts.
    Bug("hq-redis-timeout", "locker-api", (jexc("io.lettuce.core.RedisCommandTimeoutException", "Command timed out after 2 second(s)", (jl("java.lang.Thread", "run", 1583), jl("io.netty.util.concurrent.AbstractEventExecutor", "runTask", 173), jl("io.lettuce.core.protocol.CommandExpiryWriter", "lambda$potentiallyExpire$0", 185), jl("io.lettuce.core.internal.ExceptionFactory", "createTimeoutException", 59))),
                                              jexc("org.springframework.dao.QueryTimeoutException", "Redis command timed out", (*NETTY[:6], app("dropoff.PinStore", "lambda$issue$1", 34), jl("org.springframework.data.redis.connection.lettuce.LettuceExceptionConverter", "convert", 57)))),
        (see("sentry.error", 2), see("splunk", 2, **LOG, handler=DROP_HANDLER), see("posthog", 1), see("datadog.apm", **APM)),
        classes=(10,), entry="POST /api/v1/lockers/{id}/drop-off"),
    # Card payments for oversize parcels: declines captured by PostHog too.
    Bug("hq-payment-declined", "locker-api", (jexc("com.xanthorpe.lockers.payment.PaymentDeclinedException", "Payment {uuid} declined: insufficient_funds", (*NETTY, FLATMAP, app("payment.SurchargeService", "lambda$charge$0", 61), app("payment.CardGateway", "toResult", 88))),),
        (see("sentry.error", 2), see("posthog", 3), see("splunk", 2, **TEAM), see("datadog.log", **DDKIND)),
        log="surcharge payment failed", logger="com.xanthorpe.lockers.payment.SurchargeService", entry="POST /api/v1/reservations/{id}/surcharge"),
    # A singleton: one division by zero in the occupancy report of a locker with no compartments.
    Bug("hq-singleton-occupancy", "locker-api", (jexc("java.lang.ArithmeticException", "/ by zero", (*NETTY, MAP, app("report.OccupancyReport", "ratio", 22))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /api/v1/lockers/{id}/occupancy"),
]

NOISE = [
    Noise("hq-noise-started", "locker-api", "splunk", {"search": "xanthorpe locker-api errors", "line": '{"@timestamp":"{ts}","log.level":"INFO","process.pid":1,"process.thread.name":"main","service.name":"locker-api","service.version":"2026.3.2","service.environment":"production","log.logger":"com.xanthorpe.lockers.LockerApiApplication","message":"Started LockerApiApplication in 4.812 seconds (process running for 5.37)","ecs.version":"8.11"}'}),
    Noise("hq-noise-deploy", "locker-api", "datadog.event", {"monitor": "Deploy", "text": "locker-api 2026.3.2 rolled out to lockers-prod (6/6 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("hq-noise-recovered", "locker-api", "datadog.log", {"monitor": "[locker-api] error logs by kind", "text": "Recovered: locker-api error logs back under threshold.", "transition": "Recovered", "alert_type": "success"}),
]

XANTHORPE = Company(
    key="hq",
    name="Xanthorpe Lockers",
    domain="xanthorpe-lockers.example",
    sentry_org="xanthorpe",
    splunk_url="https://xanthorpe.splunkcloud.com",
    splunk_guid="6E2B9A14-7C30-4D85-9F1A-3B8E5D2C0A47",
    datadog_org=("884102", "Xanthorpe Lockers"),
    datadog_template="recommended",
    posthog_project=(74101, "Xanthorpe lockers"),
    releases=("2026.3.0", "2026.3.1", "2026.3.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="xanthorpe-sentry-client-secret",
)
# fmt: on
