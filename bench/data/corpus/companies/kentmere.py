"""(ex) Kentmere Freight, a pallet network's booking and tracking back end: Spring Boot 3.2
WebFlux services on Java 21 (``quote-service``: annotated controllers pricing and booking
consignments, Spring Data R2DBC over Postgres, ``WebClient`` to the partner carriers;
``tracking-service``: scan events from reactor-kafka and a functional router for customers'
tracking pages). reactor-tools is on the classpath, so Spring Boot starts the
``ReactorDebugAgent``: errors carry the assembly trace of the operator that failed.

Logs: logstash-logback-encoder's ``LogstashEncoder`` with ``ShortenedThrowableConverter``
(root cause first, inline stack hashes, Reactor/Netty/Spring web frames excluded, class
names shortened to 40) and the ``stack_hash`` field (``ex-logstash-shortened``), shipped to
Splunk and read by Datadog log monitors through the recommended template. Sentry:
sentry-spring-boot-jakarta (``java``). No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import jexc, jl, jv

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.java.spring-boot.jakarta", "7.6.0", "maven:io.sentry:sentry-spring-boot-jakarta")
SERVICES = {
    "quote-service": Service("quote-service", "java", "ex-logstash-shortened", "kentmere:logstash", "/var/log/containers/quote-service.log", "kentmere", 9040311, "OpenJDK 21.0.2", framework="spring-webflux", sdk=SDK),
    "tracking-service": Service("tracking-service", "java", "ex-logstash-shortened", "kentmere:logstash", "/var/log/containers/tracking-service.log", "kentmere", 9040312, "OpenJDK 21.0.2", framework="spring-webflux", sdk=SDK),
}

# A Netty event loop delivering a response or a row, oldest first.
NETTY = (
    jl("java.lang.Thread", "run", 1583),
    jl("io.netty.util.concurrent.FastThreadLocalRunnable", "run", 30),
    jl("io.netty.util.internal.ThreadExecutorMap$2", "run", 74),
    jl("io.netty.util.concurrent.SingleThreadEventExecutor$4", "run", 997),
    jl("io.netty.channel.epoll.EpollEventLoop", "run", 416),
    jl("io.netty.channel.epoll.AbstractEpollStreamChannel$EpollStreamUnsafe", "epollInReady", 801),
    jl("io.netty.channel.DefaultChannelPipeline", "fireChannelRead", 965),
    jl("io.netty.channel.AbstractChannelHandlerContext", "invokeChannelRead", 444),
    jl("reactor.netty.channel.ChannelOperationsHandler", "channelRead", 114),
    jl("reactor.netty.http.client.HttpClientOperations", "onInboundNext", 800),
    jl("reactor.netty.channel.FluxReceive", "onInboundComplete", 407),
)
# The WebClient turning an error status into its exception (no application frame below it).
WEBCLIENT_ERROR = (
    *NETTY,
    jl("reactor.core.publisher.FluxMapFuseable$MapFuseableSubscriber", "onNext", 129),
    jl("reactor.core.publisher.MonoFlatMap$FlatMapMain", "onNext", 158),
    jl("org.springframework.web.reactive.function.client.DefaultClientResponse", "lambda$createException$1", 208),
    jl("org.springframework.web.reactive.function.client.WebClientResponseException", "create", 324),
)
# A controller's Mono run when the request body arrives.
REQUEST = (
    *NETTY[:8],
    jl("reactor.netty.http.server.HttpServerOperations", "onInboundNext", 718),
    jl("reactor.core.publisher.FluxMapFuseable$MapFuseableSubscriber", "onNext", 129),
    jl("reactor.core.publisher.MonoFlatMap$FlatMapMain", "onNext", 158),
    jl("reactor.core.publisher.FluxMap$MapSubscriber", "onNext", 106),
)
# An R2DBC row stream from the Postgres driver.
R2DBC = (
    *NETTY[:8],
    jl("io.r2dbc.postgresql.client.ReactorNettyClient$Conversation", "emit", 735),
    jl("reactor.core.publisher.FluxHandle$HandleSubscriber", "onNext", 129),
    jl("reactor.core.publisher.FluxUsingWhen$UsingWhenSubscriber", "onNext", 348),
)
R2DBC_DUP = (
    *NETTY[:8],
    jl("io.r2dbc.postgresql.client.ReactorNettyClient$Conversation", "emit", 735),
    jl("io.r2dbc.postgresql.message.backend.ErrorResponse", "<init>", 54),
    jl("io.r2dbc.postgresql.ExceptionFactory", "createException", 99),
)
TRANSLATE = (
    jl("reactor.core.publisher.FluxOnErrorResume$ResumeSubscriber", "onError", 94),
    jl("org.springframework.r2dbc.core.DefaultDatabaseClient", "lambda$inConnectionMany$8", 151),
    jl("org.springframework.r2dbc.connection.ConnectionFactoryUtils", "convertR2dbcException", 238),
)
KAFKA = (
    jl("java.lang.Thread", "run", 1583),
    jl("java.util.concurrent.ThreadPoolExecutor$Worker", "run", 642),
    jl("reactor.core.scheduler.SchedulerTask", "call", 68),
    jl("reactor.kafka.receiver.internals.ConsumerEventLoop$PollEvent", "run", 383),
    jl("reactor.core.publisher.FluxPublishOn$PublishOnSubscriber", "runAsync", 440),
    jl("reactor.core.publisher.FluxConcatMap$ConcatMapImmediate", "drain", 441),
)
TIMEOUT = (
    jl("java.lang.Thread", "run", 1583),
    jl("java.util.concurrent.ScheduledThreadPoolExecutor$ScheduledFutureTask", "run", 304),
    jl("reactor.core.scheduler.SchedulerTask", "call", 68),
    jl("reactor.core.publisher.FluxTimeout$TimeoutOtherSubscriber", "onNext", 361),
    jl("reactor.core.publisher.FluxTimeout$TimeoutMainSubscriber", "doTimeout", 301),
    jl("reactor.core.publisher.FluxTimeout$TimeoutMainSubscriber", "handleTimeout", 296),
)

LOGS = dict(team="freight", monitor="[freight] new stack hash on a service", filter="service:(quote-service OR tracking-service) status:error", text="**{{log.service}}** logged an error (stack_hash `{{log.attributes.stack_hash}}`)\n\n{{log.attributes.message}}\n\n```\n{{log.attributes.error.kind}}: {{log.attributes.error.message}}\n```")
KIND = dict(team="freight", monitor="[freight] exception kinds", filter="service:(quote-service OR tracking-service) status:error", style="kind")
SEARCH = "freight - stack hashes"

CARRIER_SITE = jv("com.kentmere.quote.carrier.CarrierClient", "rates", 48)
HANDLER_QUOTE = "com.kentmere.quote.web.QuoteController#quote(QuoteRequest)"
HANDLER_BOOK = "com.kentmere.quote.web.BookingController#book(BookingRequest)"
HANDLER_TRACK = "com.kentmere.tracking.web.TrackingRouter#track(ServerRequest)"


def webclient(status: str, name: str, url: str) -> Exc:
    return jexc(f"org.springframework.web.reactive.function.client.WebClientResponseException${name}", f"{status} from POST {url}", WEBCLIENT_ERROR)


def app(*frames: Frame) -> tuple[Frame, ...]:
    return (*REQUEST, *frames)


def dup(constraint: str, detail: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    pg = f'duplicate key value violates unique constraint "{constraint}"'
    return (
        jexc("io.r2dbc.postgresql.ExceptionFactory$PostgresqlDataIntegrityViolationException", f"[23505] {pg}", R2DBC_DUP),
        jexc("org.springframework.dao.DataIntegrityViolationException", f"executeMany; SQL [{detail}]; {pg}", (*frames, *TRANSLATE)),
    )


NPE_POSTCODE = 'Cannot invoke "String.toUpperCase()" because the return value of "com.kentmere.common.Address.postcode()" is null'
DID_NOT_OBSERVE = "Did not observe any item or terminal signal within 5000ms in 'flatMap' (and no fallback has been configured)"

BUGS = [
    # One carrier client, two statuses; the stack has no app frame, only the assembly site.
    Bug("ex-rates-503", "quote-service", (webclient("503 Service Unavailable", "ServiceUnavailable", "https://api.palletline.example/v2/rates"),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, search=SEARCH, handler=HANDLER_QUOTE, assembly=("Mono.flatMap(Mono.java:3105)", "MonoFlatMap"), site=CARRIER_SITE, webclient="503 SERVICE_UNAVAILABLE from POST https://api.palletline.example/v2/rates"), see("datadog.log", **LOGS, handler=HANDLER_QUOTE, site=CARRIER_SITE)),
        classes=(9,), pair="ex-rates-404", entry="POST /api/quotes"),
    Bug("ex-rates-404", "quote-service", (webclient("404 Not Found", "NotFound", "https://api.palletline.example/v2/rates"),),
        (see("sentry.error", 3), see("splunk", 2, search=SEARCH, handler=HANDLER_QUOTE, assembly=("Mono.flatMap(Mono.java:3105)", "MonoFlatMap"), site=CARRIER_SITE, webclient="404 NOT_FOUND from POST https://api.palletline.example/v2/rates"), see("datadog.log", **KIND)),
        classes=(9,), pair="ex-rates-503", entry="POST /api/quotes"),
    # Unique violations on two tables through R2DBC.
    Bug("ex-booking-dup", "quote-service", dup("bookings_customer_ref_key", "INSERT INTO bookings (customer_id, customer_ref, pallets, collect_on) VALUES ($1, $2, $3, $4)", app(jv("com.kentmere.quote.booking.BookingService", "lambda$book$4", 92))),
        (see("sentry.error", 2), see("splunk", 2, search=SEARCH, handler=HANDLER_BOOK, assembly=("Mono.flatMap(Mono.java:3105)", "MonoFlatMap")), see("datadog.log", **LOGS, handler=HANDLER_BOOK)),
        classes=(4, 1), pair="ex-consignment-dup", entry="POST /api/bookings"),
    Bug("ex-consignment-dup", "tracking-service", dup("consignments_barcode_key", "INSERT INTO consignments (booking_id, barcode, depot) VALUES ($1, $2, $3)", (*KAFKA, jv("com.kentmere.tracking.ingest.ScanConsumer", "lambda$consume$1", 57), jv("com.kentmere.tracking.ingest.ConsignmentWriter", "create", 33))),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, search=SEARCH, thread="reactive-kafka-scans-1"), see("datadog.log", **LOGS)),
        classes=(4, 1), pair="ex-booking-dup", entry="scan-events", log="scan event {id} failed", logger="com.kentmere.tracking.ingest.ScanConsumer"),
    # The same helpful NullPointerException in a controller and in the tracking router.
    Bug("ex-quote-postcode-npe", "quote-service", (jexc("java.lang.NullPointerException", NPE_POSTCODE, app(jv("com.kentmere.quote.web.QuoteController", "lambda$quote$0", 41), jv("com.kentmere.quote.zones.ZoneMapper", "zoneOf", 27))),),
        (see("sentry.error", 2), see("splunk", 2, search=SEARCH, handler=HANDLER_QUOTE, assembly=("Mono.map(Mono.java:3490)", "MonoMap")), see("datadog.log", **KIND)),
        classes=(4,), pair="ex-track-postcode-npe", entry="POST /api/quotes"),
    Bug("ex-track-postcode-npe", "tracking-service", (jexc("java.lang.NullPointerException", NPE_POSTCODE, app(jv("com.kentmere.tracking.web.TrackingHandler", "lambda$track$2", 66), jv("com.kentmere.tracking.web.DeliveryWindowView", "of", 19))),),
        (see("sentry.error", 3), see("splunk", 2, search=SEARCH, handler=HANDLER_TRACK, assembly=("Mono.map(Mono.java:3490)", "MonoMap")), see("datadog.log", **LOGS, handler=HANDLER_TRACK)),
        classes=(4, 5), pair="ex-quote-postcode-npe", entry="GET /api/track/{barcode}", span=2, renames={"lambda$track$2": "lambda$track$3"}),
    # Reactor's timeout in two chains: the depot capacity call and the POD image fetch.
    Bug("ex-capacity-timeout", "quote-service", (jexc("java.util.concurrent.TimeoutException", DID_NOT_OBSERVE, TIMEOUT),),
        (see("sentry.error", 2), see("splunk", 2, search=SEARCH, thread="parallel-3", handler=HANDLER_BOOK, assembly=("Mono.timeout(Mono.java:4712)", "MonoTimeout"), site=jv("com.kentmere.quote.depots.DepotCapacityClient", "reserve", 39)), see("datadog.log", **KIND)),
        classes=(9,), pair="ex-pod-timeout", entry="POST /api/bookings"),
    Bug("ex-pod-timeout", "tracking-service", (jexc("java.util.concurrent.TimeoutException", DID_NOT_OBSERVE, TIMEOUT),),
        (see("sentry.error", 3), see("splunk", 2, search=SEARCH, thread="parallel-1", handler=HANDLER_TRACK, assembly=("Mono.timeout(Mono.java:4712)", "MonoTimeout"), site=jv("com.kentmere.tracking.pod.PodImageClient", "fetch", 52)), see("datadog.log", **LOGS, thread="parallel-1", handler=HANDLER_TRACK, site=jv("com.kentmere.tracking.pod.PodImageClient", "fetch", 52))),
        classes=(9,), pair="ex-capacity-timeout", entry="GET /api/track/{barcode}/pod"),
    # One scan-type mapper, two bad values from the depots' scanners.
    Bug("ex-scan-enum", "tracking-service", (jexc("java.lang.IllegalArgumentException", "No enum constant com.kentmere.tracking.model.ScanType.MISROUTE", (*KAFKA, jv("com.kentmere.tracking.ingest.ScanConsumer", "lambda$consume$0", 49), jv("com.kentmere.tracking.ingest.ScanMapper", "toEvent", 24), jl("java.lang.Enum", "valueOf", 293))),),
        (see("sentry.error", 2), see("splunk", 3, search=SEARCH, thread="reactive-kafka-scans-1"), see("datadog.log", **KIND)),
        pair="ex-scan-depot-number", entry="scan-events", log="scan event {id} failed", logger="com.kentmere.tracking.ingest.ScanConsumer"),
    Bug("ex-scan-depot-number", "tracking-service", (jexc("java.lang.NumberFormatException", 'For input string: "D{idx}A"', (*KAFKA, jv("com.kentmere.tracking.ingest.ScanConsumer", "lambda$consume$0", 49), jv("com.kentmere.tracking.ingest.ScanMapper", "toEvent", 29), jl("java.lang.Integer", "parseInt", 661), jl("java.lang.NumberFormatException", "forInputString", 67))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, search=SEARCH, thread="reactive-kafka-scans-1"), see("datadog.log", **LOGS)),
        pair="ex-scan-enum", entry="scan-events", log="scan event {id} failed", logger="com.kentmere.tracking.ingest.ScanConsumer"),
    # R2DBC's pool exhausted during the evening cut-off.
    Bug("ex-r2dbc-pool", "quote-service", (jexc("io.r2dbc.pool.PoolAcquireTimeoutException", "Connection acquisition timed out after 10000ms", (*TIMEOUT, jl("io.r2dbc.pool.ConnectionPool", "lambda$new$7", 153))), jexc("org.springframework.dao.DataAccessResourceFailureException", "Failed to obtain R2DBC Connection", (*TIMEOUT, jl("org.springframework.r2dbc.connection.ConnectionFactoryUtils", "lambda$getConnection$0", 90)))),
        (see("sentry.error", 3), see("splunk", 3, search=SEARCH, thread="parallel-2", handler=HANDLER_QUOTE, assembly=("Mono.usingWhen(Mono.java:1059)", "MonoUsingWhen"), site=jv("com.kentmere.quote.pricing.TariffRepository", "findByLane", 31)), see("datadog.log", 2, **KIND)),
        classes=(1,), entry="POST /api/quotes"),
    # A customer's collection date typed day first.
    Bug("ex-collect-date", "quote-service", (jexc("java.time.format.DateTimeParseException", "Text '{date}' could not be parsed at index 2", (jl("java.time.format.DateTimeFormatter", "parseResolved0", 2108),)), jexc("org.springframework.core.codec.DecodingException", "JSON decoding error: Cannot deserialize value of type `java.time.LocalDate` from String \"{date}\": Failed to deserialize java.time.LocalDate: (java.time.format.DateTimeParseException) Text '{date}' could not be parsed at index 2", (*REQUEST, jl("org.springframework.http.codec.json.AbstractJackson2Decoder", "processException", 246)))),
        (see("sentry.error", 2), see("splunk", 2, search=SEARCH, handler=HANDLER_BOOK), see("datadog.log", **LOGS, handler=HANDLER_BOOK)),
        entry="POST /api/bookings"),
    # A carrier closing the connection before answering: library frames alone.
    Bug("ex-premature-close", "quote-service", (jexc("reactor.netty.http.client.PrematureCloseException", "Connection prematurely closed BEFORE response", ()), jexc("org.springframework.web.reactive.function.client.WebClientRequestException", "Connection prematurely closed BEFORE response", (*NETTY, jl("org.springframework.web.reactive.function.client.ExchangeFunctions$DefaultExchangeFunction", "lambda$wrapException$9", 136)))),
        (see("sentry.error", 2), see("splunk", 2, search=SEARCH, handler=HANDLER_QUOTE, site=CARRIER_SITE, webclient="Request to POST https://api.palletline.example/v2/rates"), see("datadog.log", **KIND)),
        classes=(9,), entry="POST /api/quotes"),
    # A pallet weight sum overflowing Math.addExact on a mistyped weight.
    Bug("ex-weight-overflow", "quote-service", (jexc("java.lang.ArithmeticException", "integer overflow", app(jv("com.kentmere.quote.pricing.WeightBands", "total", 22), jl("java.lang.Math", "addExact", 883))),),
        (see("sentry.error", 2), see("splunk", 2, search=SEARCH, handler=HANDLER_QUOTE)),
        entry="POST /api/quotes"),
    # A singleton: a tracking page for a consignment split across depots.
    Bug("ex-split-consignment", "tracking-service", (jexc("java.lang.IndexOutOfBoundsException", "Source emitted more than one item", (*R2DBC, jl("reactor.core.publisher.MonoSingle$SingleSubscriber", "onNext", 134))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /api/track/{barcode}"),
    # Reactor Netty's connection resets logged at warn: template lines.
    Bug("ex-conn-reset", "tracking-service", (),
        (see("splunk", 3, search="freight - netty warnings", line='{"@timestamp":"{tsms}","@version":"1","message":"[{hex}, L:/10.42.{idx}.17:8080 - R:/{ip}:{port}] The connection observed an error","logger_name":"reactor.netty.http.server.HttpServerOperations","thread_name":"reactor-http-epoll-{idx}","level":"WARN","level_value":30000,"app":"tracking-service"}'), see("datadog.log", 2, team="freight", monitor="[freight] connection resets", filter="service:tracking-service @logger_name:reactor.netty.* status:warn", text="tracking-service logged {n} connection resets in 10 minutes.")),
        classes=(7,)),
]

NOISE = [
    Noise("ex-noise-deploy", "quote-service", "datadog.event", {"monitor": "quote-service deployed", "text": "quote-service 3.14.2 rolled out (4/4 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("ex-noise-started", "tracking-service", "splunk", {"search": SEARCH, "line": '{"@timestamp":"{tsms}","@version":"1","message":"Started TrackingApplication in 7.412 seconds (process running for 8.03)","logger_name":"com.kentmere.tracking.TrackingApplication","thread_name":"main","level":"INFO","level_value":20000,"app":"tracking-service"}'}),
    Noise("ex-noise-recovered", "quote-service", "datadog.log", {"monitor": "[freight] exception kinds", "text": "Errors on quote-service are back under the threshold.", "transition": "Recovered", "priority": "P3"}),
]

KENTMERE = Company(
    key="ex",
    name="Kentmere Freight",
    domain="kentmere.example",
    sentry_org="kentmere-freight",
    splunk_url="https://kentmere.splunkcloud.com",
    splunk_guid="B4E1A2C3-7D6F-4E8A-9B0C-2D3E4F5A6B7C",
    datadog_org=("630418", "Kentmere Freight"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("3.14.0", "3.14.1", "3.14.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="kentmere-sentry-client-secret",
)
# fmt: on
