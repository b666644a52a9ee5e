"""(ix) Garsdale Lettings, a lettings agency's platform: Java 21 services on Spring Boot 3.2
WebFlux (Reactor Netty, R2DBC over Postgres with r2dbc-pool, WebClient to a tenant-referencing
agency, an open-banking rent provider and a calendar API): ``lettings-api`` (listings,
applications, tenancies, behind Spring Security WebFlux), ``viewing-svc`` (viewing slots and
agent calendars) and ``rent-collector`` (``@Scheduled`` Reactor jobs collecting rent).

Splunk: logback with logstash-logback-encoder's ``LogstashEncoder`` through the Splunk HEC
appender (``stack_trace`` with Reactor's checkpoint block on request errors, ``Suppressed``
sections, ``ShortenedThrowableConverter`` at 12 frames on viewing-svc); rent-collector still on
Spring Boot's console pattern read by the Universal Forwarder, one host cutting events.
Sentry: sentry-spring-boot-starter-jakarta 7 (``in-app-includes`` forgotten on rent-collector's
first release). PostHog: posthog-java's ``captureException`` in the API's ``onErrorResume``.
Datadog: APM error-rate monitors per route and by type, log monitors pasting the record's
``message`` and ``stack_trace`` or the pipeline's ``error.*`` (the recommended template).
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Noise, Service, see
from ..stacks import jexc, jl, jv

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.java.spring-boot.jakarta", "7.3.0", "maven:io.sentry:sentry-spring-boot-starter-jakarta")
SERVICES = {
    "lettings-api": Service("lettings-api", "java", "ix-logstash-hec", "_json", "http:garsdale-logback", "lettings", 4851101, "OpenJDK 21.0.2", framework="spring-webflux", sdk=SDK),
    "viewing-svc": Service("viewing-svc", "java", "ix-logstash-hec", "_json", "http:garsdale-logback", "lettings", 4851102, "OpenJDK 21.0.2", framework="spring-webflux", sdk=SDK),
    "rent-collector": Service("rent-collector", "java", "ix-boot-console", "spring:boot:console", "/var/log/containers/rent-collector.log", "lettings", 4851103, "OpenJDK 21.0.2", framework="spring-webflux", sdk=SDK),
}

NETTY = (
    jl("java.lang.Thread", "run", 1583),
    jl("io.netty.util.concurrent.FastThreadLocalRunnable", "run", 30),
    jl("io.netty.util.internal.ThreadExecutorMap$2", "run", 74),
    jl("io.netty.util.concurrent.SingleThreadEventExecutor$4", "run", 997),
    jl("io.netty.channel.epoll.EpollEventLoop", "run", 407),
    jl("io.netty.channel.epoll.EpollEventLoop", "processReady", 501),
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
    jl("reactor.core.publisher.MonoMapFuseable$MapFuseableSubscriber", "onNext", 129),
)
WEBCLIENT = (
    *NETTY,
    jl("reactor.netty.http.client.HttpClientOperations", "onInboundNext", 811),
    jl("reactor.core.publisher.MonoFlatMap$FlatMapMain", "onNext", 158),
    jl("org.springframework.web.reactive.function.client.DefaultWebClient$DefaultResponseSpec", "lambda$applyStatusHandlers$1", 640),
)
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
TIMER = (
    jl("java.lang.Thread", "run", 1583),
    jl("java.util.concurrent.ThreadPoolExecutor$Worker", "run", 642),
    jl("java.util.concurrent.ThreadPoolExecutor", "runWorker", 1144),
    jl("java.util.concurrent.ScheduledThreadPoolExecutor$ScheduledFutureTask", "run", 304),
    jl("java.util.concurrent.FutureTask", "run", 317),
    jl("reactor.core.scheduler.SchedulerTask", "call", 28),
)
# Both outbound integrations go through one helper that turns a non-2xx answer into an error.
RETRIEVE = (
    jv("uk.garsdale.lettings.integration.Upstreams", "lambda$retrieveOrThrow$2", 57),
    jl("org.springframework.web.reactive.function.client.DefaultClientResponse", "createException", 222),
    jl("org.springframework.web.reactive.function.client.WebClientResponseException", "create", 324),
)
CLOSED = "io.r2dbc.postgresql.client.ReactorNettyClient$PostgresConnectionClosedException: Cannot exchange messages because the connection is closed"


def unique(constraint: str, table: str, cols: str) -> tuple[Exc, Exc]:
    """r2dbc-postgresql's integrity violation translated by ``DatabaseClient``: both created on
    the event loop, no app frame in either trace (only the checkpoint names the handler)."""
    pg = f'duplicate key value violates unique constraint "{constraint}"'
    cause = jexc("io.r2dbc.postgresql.ExceptionFactory$PostgresqlDataIntegrityViolationException", f"[23505] {pg}", PG_ERROR)
    return cause, jexc("org.springframework.dao.DuplicateKeyException", f"executeMany; SQL [INSERT INTO {table} ({cols}) VALUES ($1, $2, $3)]; [23505] {pg}", (*ROWS[:-2], *TRANSLATE))


NPE = 'Cannot invoke "uk.garsdale.lettings.domain.Contact.email()" because the return value of "uk.garsdale.lettings.domain.Listing.landlord()" is null'


def api_logs(**extra: object) -> dict[str, object]:
    return dict(monitor="lettings-api exceptions", filter="service:lettings-api status:error env:prod", text="{{log.attributes.message}}\n\n```\n{{log.attributes.stack_trace}}\n```", team="lettings", **extra)


def viewing_logs(**extra: object) -> dict[str, object]:
    return dict(monitor="viewing-svc errors", filter="service:viewing-svc status:error env:prod", style="stack", lines=14, team="viewings", **extra)


def route(**extra: object) -> dict[str, object]:
    return dict(style="route", team="lettings", **extra)


RENT_SEARCH = dict(search="rent-collector - ERROR events", app="garsdale_ops", owner="ops")
HEC_SEARCH = dict(search="lettings - logback ERROR", app="garsdale_ops", owner="ops")
VIEW_SEARCH = dict(search="viewing-svc - exceptions", app="garsdale_ops", owner="ops", depth=12)

BUGS = [
    # Two unique violations through the same R2DBC insert: an applicant applying twice to one
    # property (API), two viewings booked into one agent's slot (viewing service).
    Bug("ix-api-application-unique", "lettings-api", unique("application_property_id_applicant_id_key", "application", "property_id, applicant_id, submitted_at"),
        (see("sentry.error", 2), see("splunk", 3, **HEC_SEARCH, handler="uk.garsdale.lettings.api.application.ApplicationController#submit(SubmitApplication, Authentication)"), see("posthog"), see("datadog.apm", **route())),
        classes=(4,), pair="ix-viewing-slot-unique", entry="POST /api/v2/properties/{id}/applications", logger="uk.garsdale.lettings.api.application.ApplicationController", span=2),
    Bug("ix-viewing-slot-unique", "viewing-svc", unique("viewing_agent_id_starts_at_key", "viewing", "agent_id, starts_at, property_id"),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **VIEW_SEARCH, handler="uk.garsdale.viewing.web.ViewingHandler#book(ServerRequest)"), see("datadog.log", **viewing_logs())),
        classes=(4,), pair="ix-api-application-unique", entry="POST /viewings", logger="uk.garsdale.viewing.web.ViewingHandler"),
    # Java 21's helpful NPE, one message at two places: the listing mapper and the viewing
    # confirmation mail (a listing whose landlord was deleted).
    Bug("ix-api-listing-landlord-npe", "lettings-api", (jexc("java.lang.NullPointerException", NPE, (*ROWS, jv("uk.garsdale.lettings.api.listing.ListingController", "lambda$get$3", 71), jv("uk.garsdale.lettings.api.listing.ListingMapper", "toDetail", 44))),),
        (see("sentry.error", 3), see("splunk", 2, **HEC_SEARCH, handler="uk.garsdale.lettings.api.listing.ListingController#get(long)"), see("posthog", 2), see("datadog.log", **api_logs())),
        classes=(4, 5), pair="ix-viewing-confirm-landlord-npe", entry="GET /api/v2/listings/{id}", logger="uk.garsdale.lettings.api.listing.ListingController", span=2, renames={"lambda$get$3": "lambda$detail$4"}),
    Bug("ix-viewing-confirm-landlord-npe", "viewing-svc", (jexc("java.lang.NullPointerException", NPE, (*ROWS, jv("uk.garsdale.viewing.mail.ConfirmationMailer", "lambda$send$1", 38), jv("uk.garsdale.viewing.mail.ConfirmationMailer", "recipients", 63))),),
        (see("sentry.error", 2), see("splunk", 2, **VIEW_SEARCH), see("datadog.log", 2, **viewing_logs())),
        classes=(4,), pair="ix-api-listing-landlord-npe", entry="POST /viewings/{id}/confirm", log="Viewing confirmation failed for viewing {id}", logger="uk.garsdale.viewing.mail.ConfirmationMailer"),
    # One helper, two integrations: the referencing agency answering 503 to an applicant check,
    # the open-banking provider rejecting a payment initiation with 400.
    Bug("ix-api-referencing-503", "lettings-api", (jexc("org.springframework.web.reactive.function.client.WebClientResponseException$ServiceUnavailable", "503 Service Unavailable from POST https://api.homelet-ref.example/v3/references", (*WEBCLIENT, *RETRIEVE)),),
        (see("sentry.error", 2), see("splunk", 2, **HEC_SEARCH, kind="team"), see("posthog"), see("datadog.apm")),
        classes=(9,), pair="ix-rent-openbanking-400", entry="POST /api/v2/applications/{id}/referencing", log="Referencing request failed for application {id}", logger="uk.garsdale.lettings.api.application.ReferencingService"),
    Bug("ix-rent-openbanking-400", "rent-collector", (jexc("org.springframework.web.reactive.function.client.WebClientResponseException$BadRequest", "400 Bad Request from POST https://pay.truelayer-sandbox.example/v3/payments", (*WEBCLIENT, *RETRIEVE)),),
        (see("sentry.error", in_app="none", release=0), see("sentry.error", release=1), see("splunk", 3, **RENT_SEARCH)),
        classes=(9, 10), pair="ix-api-referencing-503", entry="RentCollectionJob", log="Rent collection failed for tenancy {id}", logger="uk.garsdale.rent.RentCollectionJob", span=2),
    # One calendar lookup, two exceptions: the calendar API timing out, and no free/busy answer
    # for an agent without a linked calendar (``single()`` on an empty Flux).
    Bug("ix-viewing-calendar-timeout", "viewing-svc", (jexc("java.util.concurrent.TimeoutException", "Did not observe any item or terminal signal within 4000ms in 'flatMap' (and no fallback has been configured)", (*TIMER, jl("reactor.core.publisher.FluxTimeout$TimeoutMainSubscriber", "handleTimeout", 296), jl("reactor.core.publisher.Operators", "error", 198))),),
        (see("sentry.error", 2), see("splunk", 2, **VIEW_SEARCH, kind="team", checkpoint=True), see("datadog.log", 2, **viewing_logs())),
        classes=(4,), pair="ix-viewing-calendar-empty", entry="GET /agents/{id}/availability", log="Calendar free/busy lookup failed", logger="uk.garsdale.viewing.calendar.CalendarClient", span=2),
    Bug("ix-viewing-calendar-empty", "viewing-svc", (jexc("java.util.NoSuchElementException", "Source was empty", (*WEBCLIENT[:-2], jl("reactor.core.publisher.MonoSingle$SingleSubscriber", "onComplete", 171))),),
        (see("sentry.error", 2), see("splunk", 2, **VIEW_SEARCH, kind="team", checkpoint=True), see("datadog.log", **viewing_logs())),
        classes=(4,), pair="ix-viewing-calendar-timeout", entry="GET /agents/{id}/availability", log="Calendar free/busy lookup failed", logger="uk.garsdale.viewing.calendar.CalendarClient"),
    # One enum, two places: the rent job and the API reading a tenancy saved as FOUR_WEEKLY.
    Bug("ix-rent-frequency-enum", "rent-collector", (jexc("java.lang.IllegalArgumentException", "No enum constant uk.garsdale.lettings.domain.RentFrequency.FOUR_WEEKLY", (*ROWS, jv("uk.garsdale.rent.TenancyRowMapper", "apply", 29), jl("java.lang.Enum", "valueOf", 293))),),
        (see("sentry.error", 2, in_app="none", release=0), see("splunk", 2, **RENT_SEARCH), see("splunk", **RENT_SEARCH, lines=6)),
        classes=(4, 10), pair="ix-api-tenancy-frequency-enum", entry="RentScheduleJob", log="Rent schedule build failed", logger="uk.garsdale.rent.RentScheduleJob"),
    Bug("ix-api-tenancy-frequency-enum", "lettings-api", (jexc("java.lang.IllegalArgumentException", "No enum constant uk.garsdale.lettings.domain.RentFrequency.FOUR_WEEKLY", (*ROWS, jv("uk.garsdale.lettings.api.tenancy.TenancyController", "lambda$statement$2", 88), jv("uk.garsdale.lettings.api.tenancy.TenancyReadConverter", "convert", 33), jl("java.lang.Enum", "valueOf", 293))),),
        (see("sentry.error", 2), see("splunk", **HEC_SEARCH, handler="uk.garsdale.lettings.api.tenancy.TenancyController#statement(long)"), see("posthog"), see("datadog.log", **api_logs())),
        classes=(4,), pair="ix-rent-frequency-enum", entry="GET /api/v2/tenancies/{id}/statement", logger="uk.garsdale.lettings.api.tenancy.TenancyController"),
    # Two bugs under one log monitor and one saved search: the pool running dry under the
    # search page's burst, and a photo upload over WebFlux's in-memory buffer limit.
    Bug("ix-api-pool-acquire-timeout", "lettings-api", (jexc("java.util.concurrent.TimeoutException", "Did not observe any item or terminal signal within 10000ms in 'source(MonoDefer)' (and no fallback has been configured)", (*TIMER, jl("reactor.core.publisher.FluxTimeout$TimeoutMainSubscriber", "handleTimeout", 296))), jexc("org.springframework.dao.DataAccessResourceFailureException", "Failed to obtain R2DBC Connection", (*TIMER, jl("reactor.core.publisher.FluxOnErrorResume$ResumeSubscriber", "onError", 94), jl("org.springframework.r2dbc.connection.ConnectionFactoryUtils", "lambda$getConnection$0", 88)))),
        (see("sentry.error", 2), see("splunk", 2, **HEC_SEARCH, handler="uk.garsdale.lettings.api.listing.SearchController#search(ListingQuery)"), see("datadog.log", 2, **api_logs()), see("datadog.apm", **route())),
        classes=(2,), pair="ix-api-photo-buffer-limit", entry="GET /api/v2/listings/search", logger="uk.garsdale.lettings.api.listing.SearchController"),
    Bug("ix-api-photo-buffer-limit", "lettings-api", (jexc("org.springframework.core.io.buffer.DataBufferLimitException", "Exceeded limit on max bytes to buffer : 262144", (*NETTY, jl("reactor.core.publisher.FluxMap$MapSubscriber", "onNext", 122), jl("org.springframework.core.io.buffer.LimitedDataBufferList", "raiseLimitException", 99))),),
        (see("sentry.error", 2), see("splunk", 2, **HEC_SEARCH, handler="uk.garsdale.lettings.api.listing.PhotoController#upload(long, Flux)"), see("datadog.log", 2, **api_logs())),
        classes=(2,), pair="ix-api-pool-acquire-timeout", entry="POST /api/v2/listings/{id}/photos", logger="uk.garsdale.lettings.api.listing.PhotoController"),
    # A deadlock between the rent job and arrears flagging; the dying connection's close
    # failure is added as a suppressed exception.
    Bug("ix-rent-deadlock", "rent-collector", (jexc("io.r2dbc.postgresql.ExceptionFactory$PostgresqlTransientException", "[40P01] deadlock detected", PG_ERROR), jexc("org.springframework.dao.PessimisticLockingFailureException", "executeMany; SQL [UPDATE rent_charge SET status = $1 WHERE tenancy_id = $2]; [40P01] deadlock detected", (*ROWS[:-2], *TRANSLATE))),
        (see("sentry.error", 2, release=1), see("splunk", 3, **RENT_SEARCH, suppressed=CLOSED)),
        entry="ArrearsFlagJob", log="Arrears flagging failed for batch {n}", logger="uk.garsdale.rent.ArrearsFlagJob", span=2),
    # A blocking call on the event loop in the API's right-to-rent check.
    Bug("ix-api-block-right-to-rent", "lettings-api", (jexc("java.lang.IllegalStateException", "block()/blockFirst()/blockLast() are blocking, which is not supported in thread reactor-http-epoll-{idx}", (*ROWS, jv("uk.garsdale.lettings.api.compliance.RightToRentController", "lambda$check$0", 42), jv("uk.garsdale.lettings.api.compliance.HomeOfficeShareCode", "verify", 27), jl("reactor.core.publisher.Mono", "block", 1710), jl("reactor.core.publisher.BlockingSingleSubscriber", "blockingGet", 87))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **HEC_SEARCH, handler="uk.garsdale.lettings.api.compliance.RightToRentController#check(String)"), see("posthog", 2)),
        entry="POST /api/v2/compliance/right-to-rent", logger="uk.garsdale.lettings.api.compliance.RightToRentController", span=2),
    # The calendar provider closing pooled connections under WebClient's feet.
    Bug("ix-viewing-premature-close", "viewing-svc", (jexc("reactor.netty.http.client.PrematureCloseException", "Connection prematurely closed BEFORE response", ()), jexc("org.springframework.web.reactive.function.client.WebClientRequestException", "Connection prematurely closed BEFORE response", (*NETTY[:8], jl("reactor.netty.http.client.HttpClientConnect$HttpObserver", "onUncaughtException", 399), jl("org.springframework.web.reactive.function.client.ExchangeFunctions$DefaultExchangeFunction", "lambda$wrapException$9", 136)))),
        (see("sentry.error", 2), see("splunk", 2, **VIEW_SEARCH, kind="team"), see("datadog.apm", team="viewings")),
        entry="POST /viewings/{id}/calendar-hold", log="Calendar hold failed for viewing {id}", logger="uk.garsdale.viewing.calendar.CalendarClient"),
    # Clients hanging up on the listing export: Reactor's onErrorDropped, logs only.
    Bug("ix-api-export-aborted", "lettings-api", (jexc("reactor.netty.channel.AbortedException", "Connection has been closed BEFORE send operation", (*NETTY[:8], jl("reactor.netty.channel.ChannelOperations", "onOutboundError", 510), jl("reactor.netty.channel.AbortedException", "beforeSend", 56))),),
        (see("splunk", 3, **HEC_SEARCH, kind="dropped"), see("datadog.log", 2, monitor="lettings-api dropped errors", filter="service:lettings-api @logger_name:reactor.core.publisher.Operators", text="{{log.attributes.message}} on {{log.host}}:\n{{log.attributes.stack_trace}}", team="lettings")),
        entry="GET /api/v2/exports/listings.csv"),
    # Seen once: Netty out of direct memory while streaming a floor plan.
    Bug("ix-viewing-direct-memory", "viewing-svc", (jexc("io.netty.util.internal.OutOfDirectMemoryError", "failed to allocate 16777216 byte(s) of direct memory (used: 520093703, max: 536870912)", (*NETTY[:5], jl("io.netty.buffer.PoolArena", "allocate", 141), jl("io.netty.util.internal.PlatformDependent", "incrementMemoryCounter", 843))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /floorplans/{id}"),
    # Slow R2DBC statements logged by the team's query listener (values change length).
    Bug("ix-api-slow-statement", "lettings-api", (),
        (see("splunk", 4, **HEC_SEARCH, line='{"@timestamp":"{tsnaive}","@version":"1","message":"Slow statement on listing_search took {dur}, returned {n} rows ({size})","logger_name":"uk.garsdale.lettings.db.SlowQueryListener","thread_name":"reactor-http-epoll-{idx}","level":"WARN","level_value":30000,"app":"lettings-api"}'),),
        classes=(7,)),
]

NOISE = [
    Noise("ix-noise-deploy", "lettings-api", "datadog.event", {"monitor": "Deployed lettings-api", "text": "Argo CD synced lettings-api to 2026.03.2 (4/4 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "lettings"}),
    Noise("ix-noise-latency-recovered", "viewing-svc", "datadog.metric", {"monitor": "viewing-svc p95 latency", "scope": "service:viewing-svc", "transition": "Recovered", "metric": "trace.netty.request.duration", "text": "viewing-svc p95 latency back under 800 ms.", "team": "viewings"}),
    Noise("ix-noise-started", "rent-collector", "splunk", {"search": "rent-collector - ERROR events", "app": "garsdale_ops", "owner": "ops", "line": "{tsnaive}+00:00  INFO 1 --- [rent-collector] [           main] u.g.rent.RentCollectorApplication        : Started RentCollectorApplication in 6.412 seconds (process running for 7.208)"}),
]

GARSDALE = Company(
    key="ix",
    name="Garsdale Lettings",
    domain="garsdale.example",
    sentry_org="garsdale",
    splunk_url="https://splunk.garsdale.example:8000",
    splunk_guid="5C1E0B7A-4E2F-4D9A-9B71-0A85D1E0F3C2",
    datadog_org=("731920", "Garsdale Lettings"),
    datadog_template="recommended",
    posthog_project=(48511, "Garsdale Lettings"),
    releases=("2026.03.1", "2026.03.2", "2026.03.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="garsdale-sentry-client-secret",
)
# fmt: on
