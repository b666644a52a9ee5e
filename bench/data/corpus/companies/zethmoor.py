"""(nr) Zethmoor Energy, a small energy supplier: ``tariff-service`` (quotes and tariff
switches) and ``billing-api`` (meter reads and statements), Kotlin 1.9 Spring Boot 3.2 WebFlux
apps with suspend controllers (kotlinx-coroutines-reactor), Spring Data R2DBC over Cloud SQL
Postgres, WebClient to the industry hub and the smart-meter gateway through one helper,
Lettuce's reactive Redis, on GKE.

Logs: logstash-logback-encoder's ``LogstashEncoder`` on stdout (Spring Boot's WebFlux error
handler logs ``500 Server Error for HTTP POST "/path"`` with Reactor's checkpoint block in the
trace). GKE's agent writes each line as a ``LogEntry`` (``jsonPayload``; tariff maps ``level``
to ``severity``, billing does not). A Log Router sink to Pub/Sub: the Dataflow template posts
the entries to Splunk HEC (one saved search over both services), Datadog's GCP integration
ingests them (a log monitor pasting the logger, the message and ``stack_trace``, one over the
billing entries by message; dd-java-agent APM by error type). sentry-spring-boot-jakarta with
the coroutines integration. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Frame, Noise, Service, see
from ..stacks import jexc, jl, ktlib

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.java.spring-boot.jakarta", "7.18.1", "maven:io.sentry:sentry-spring-boot-starter-jakarta")
SERVICES = {
    "tariff-service": Service("tariff-service", "java", "nr-dataflow", "google:gcp:pubsub:message", "projects/zethmoor-prod/subscriptions/splunk-gke-logs", "gcp_gke", 12620021, "OpenJDK 21.0.4", framework="spring-webflux", sdk=SDK),
    "billing-api": Service("billing-api", "java", "nr-dataflow", "google:gcp:pubsub:message", "projects/zethmoor-prod/subscriptions/splunk-gke-logs", "gcp_gke", 12620022, "OpenJDK 21.0.4", framework="spring-webflux", sdk=SDK),
}


def k(cls: str, method: str, line: int) -> Frame:
    """An app frame: ``quote.QuoteService`` in ``QuoteService.kt``; a state machine's
    ``invokeSuspend`` prints the file alone (line 0)."""
    simple = cls.rsplit(".", 1)[-1].split("$")[0]
    return Frame(method, simple + ".kt", line, f"com.zethmoor.{cls}", True)


# A suspend controller resumed on a Reactor Netty event loop after an awaited call.
RESUMED = (
    jl("java.lang.Thread", "run", 1583),
    jl("io.netty.util.concurrent.FastThreadLocalRunnable", "run", 30),
    jl("io.netty.util.internal.ThreadExecutorMap$2", "run", 74),
    jl("io.netty.util.concurrent.SingleThreadEventExecutor$4", "run", 997),
    jl("io.netty.channel.epoll.EpollEventLoop", "run", 416),
    jl("io.netty.channel.epoll.AbstractEpollStreamChannel$EpollStreamUnsafe", "epollInReady", 801),
    jl("reactor.netty.channel.ChannelOperationsHandler", "channelRead", 114),
    jl("reactor.core.publisher.MonoNext$NextSubscriber", "onNext", 82),
    ktlib("kotlinx.coroutines.reactive.AwaitKt$awaitOne$2$1", "onNext", 209, "Await.kt"),
    ktlib("kotlinx.coroutines.CancellableContinuationImpl", "resumeWith", 199, "CancellableContinuationImpl.kt"),
    ktlib("kotlinx.coroutines.DispatchedTask", "run", 108, "DispatchedTask.kt"),
    ktlib("kotlin.coroutines.jvm.internal.BaseContinuationImpl", "resumeWith", 33, "ContinuationImpl.kt"),
)
R2DBC_INSERT = (
    jl("org.springframework.r2dbc.core.DefaultDatabaseClient", "lambda$inConnectionMany$8", 151),
    jl("reactor.core.publisher.Operators$MonoSubscriber", "complete", 1845),
    jl("io.r2dbc.postgresql.ExceptionFactory", "createException", 99),
)
WEBCLIENT = (
    jl("org.springframework.web.reactive.function.client.DefaultClientResponse", "lambda$createException$1", 214),
    jl("org.springframework.web.reactive.function.client.WebClientResponseException", "create", 324),
)
# The helper both partner calls go through.
PARTNER = k("common.http.PartnerClient", "postForBody", 48)


def dup(table: str, constraint: str, key: str, app: tuple) -> tuple:
    msg = f'duplicate key value violates unique constraint "{constraint}"'
    cause = jexc("io.r2dbc.postgresql.ExceptionFactory$PostgresqlDataIntegrityViolationException", f"[23505] {msg}", (*RESUMED, *app, *R2DBC_INSERT))
    top = jexc("org.springframework.dao.DuplicateKeyException", f"executeMany; SQL [INSERT INTO {table} ({key}) VALUES ($1, $2, $3)]; {msg}", (*RESUMED, *app, jl("org.springframework.r2dbc.connection.ConnectionFactoryUtils", "convertR2dbcException", 243)))
    return (cause, top)


SEARCH = dict(search="Zethmoor - GKE energy ERROR entries", owner="zm_platform", app="gcp")
DD = dict(team="energy", monitor="[energy] WebFlux 5xx errors on GKE", format="nr-dd", filter="source:gcp.k8s.container kube_namespace:energy @data.jsonPayload.level_value:40000", text="{{log.attributes.data.resource.labels.container_name}} / {{log.attributes.data.jsonPayload.logger_name}}\n{{log.attributes.data.jsonPayload.message}}\n\n```\n{{log.attributes.data.jsonPayload.stack_trace}}\n```")
DD_BILLING = dict(team="billing", monitor="[billing-api] error messages", format="nr-dd", filter='source:gcp.k8s.container container_name:billing-api @data.jsonPayload.level:ERROR', text="billing-api logged: {{log.attributes.data.jsonPayload.message}}")
APM = dict(team="energy", monitor="[energy] error spans by type", style="type")
HUB_SITE = "503 SERVICE_UNAVAILABLE from POST https://api.hub.example/v1/switches [DefaultWebClient]"
DCC_SITE = "503 SERVICE_UNAVAILABLE from POST https://dcc-gateway.example/v2/reads [DefaultWebClient]"


def spl(n: int = 1, **opts: object) -> object:
    return see("splunk", n, **SEARCH, **opts)


BUGS = [
    # 1. `!!` on two nullable fields: an NPE without a message, two places.
    Bug("nr-quote-region-npe", "tariff-service", (jexc("java.lang.NullPointerException", "", (*RESUMED, k("tariff.quote.QuoteController$quote$1", "invokeSuspend", 0), k("tariff.quote.QuoteController", "quote", 34), k("tariff.quote.QuoteService", "price", 57))),),
        (see("sentry.error", 3), spl(2), see("datadog.log", **DD), see("datadog.apm", **APM)),
        classes=(1, 4), pair="nr-statement-account-npe", entry="POST /api/v1/quotes"),
    Bug("nr-statement-account-npe", "billing-api", (jexc("java.lang.NullPointerException", "", (*RESUMED, k("billing.statement.StatementController$statement$1", "invokeSuspend", 0), k("billing.statement.StatementController", "statement", 29), k("billing.statement.StatementService", "render", 81))),),
        (see("sentry.error", 2), see("sentry.error", release=2), spl(2), see("datadog.log", 2, **DD)),
        classes=(1, 4, 5), pair="nr-quote-region-npe", entry="GET /api/v1/accounts/{account_id}/statement", span=3, renames={"render": "renderStatement"}),
    # 2. Unique violations through R2DBC on two tables.
    Bug("nr-meter-read-dup", "billing-api", dup("meter_reads", "meter_reads_meter_id_read_at_key", "meter_id, read_at, value_kwh", (k("billing.reads.ReadController$submit$1", "invokeSuspend", 0), k("billing.reads.ReadController", "submit", 41), k("billing.reads.ReadRepository", "insert", 22))),
        (see("sentry.error", 3), spl(2), see("datadog.log", **DD), see("datadog.apm", **APM)),
        classes=(1, 4), pair="nr-switch-dup", entry="POST /api/v1/meters/{meter_id}/reads"),
    Bug("nr-switch-dup", "tariff-service", dup("tariff_switches", "tariff_switches_account_id_effective_from_key", "account_id, effective_from, tariff_code", (k("tariff.switching.SwitchController$request$1", "invokeSuspend", 0), k("tariff.switching.SwitchController", "request", 38), k("tariff.switching.SwitchRepository", "insert", 19))),
        (see("sentry.error", 2), spl(2), see("datadog.log", 2, **DD)),
        classes=(1, 4), pair="nr-meter-read-dup", entry="POST /api/v1/accounts/{account_id}/switches"),
    # 3. Two partners answering 503 through one helper.
    Bug("nr-hub-503", "tariff-service", (jexc("org.springframework.web.reactive.function.client.WebClientResponseException$ServiceUnavailable", "503 Service Unavailable from POST https://api.hub.example/v1/switches", (*RESUMED, k("tariff.switching.HubGateway", "notifySwitch", 52), PARTNER, *WEBCLIENT)),),
        (see("sentry.error", 3), spl(2, checkpoint=HUB_SITE), see("datadog.log", checkpoint=HUB_SITE, **DD), see("datadog.apm", **APM)),
        classes=(1, 9), pair="nr-dcc-503", entry="POST /api/v1/accounts/{account_id}/switches"),
    Bug("nr-dcc-503", "billing-api", (jexc("org.springframework.web.reactive.function.client.WebClientResponseException$ServiceUnavailable", "503 Service Unavailable from POST https://dcc-gateway.example/v2/reads", (*RESUMED, k("billing.reads.DccGateway", "requestRead", 33), PARTNER, *WEBCLIENT)),),
        (see("sentry.error", 2), spl(2, checkpoint=DCC_SITE), see("datadog.log", 2, checkpoint=DCC_SITE, **DD)),
        classes=(1, 9), pair="nr-hub-503", entry="POST /api/v1/meters/{meter_id}/reads/request"),
    # 4. One calculator function, two exceptions.
    Bug("nr-unitrate-expansion", "tariff-service", (jexc("java.lang.ArithmeticException", "Non-terminating decimal expansion; no exact representable decimal result.", (*RESUMED, k("tariff.quote.QuoteService", "price", 63), k("tariff.pricing.TariffCalculator", "unitRate", 41), jl("java.math.BigDecimal", "divide", 1780))),),
        (see("sentry.error", 3), spl(2), see("datadog.log", **DD), see("datadog.apm", **APM)),
        classes=(1,), pair="nr-unitrate-band", entry="POST /api/v1/quotes"),
    Bug("nr-unitrate-band", "tariff-service", (jexc("java.util.NoSuchElementException", "Collection contains no element matching the predicate.", (*RESUMED, k("tariff.quote.QuoteService", "price", 63), k("tariff.pricing.TariffCalculator", "unitRate", 37))),),
        (see("sentry.error", 2), see("sentry.issue"), spl(2), see("datadog.log", **DD), see("datadog.apm", **APM)),
        classes=(1,), pair="nr-unitrate-expansion", entry="POST /api/v1/quotes"),
    # 5. Two billing bugs under one monitor on the message alone: a coroutine timeout, a pool.
    Bug("nr-statement-timeout", "billing-api", (jexc("kotlinx.coroutines.TimeoutCancellationException", "Timed out waiting for 5000 ms", (jl("java.lang.Thread", "run", 1583), ktlib("kotlinx.coroutines.DefaultExecutor", "run", 108, "DefaultExecutor.kt"), ktlib("kotlinx.coroutines.EventLoopImplBase$DelayedRunnableTask", "run", 505, "EventLoop.common.kt"), ktlib("kotlinx.coroutines.TimeoutCoroutine", "run", 159, "Timeout.kt"), ktlib("kotlinx.coroutines.TimeoutKt", "TimeoutCancellationException", 191, "Timeout.kt"))),),
        (see("sentry.error", 3), spl(2), see("datadog.log", **DD_BILLING)),
        log="statement pdf for account {id} timed out", logger="com.zethmoor.billing.statement.StatementJob", classes=(1,), pair="nr-r2dbc-pool", entry="statement-run"),
    Bug("nr-r2dbc-pool", "billing-api", (jexc("io.r2dbc.postgresql.PostgresqlConnectionFactory$PostgresConnectionException", "[08003] Cannot connect to zethmoor-billing-db/10.20.0.{idx}:5432", (*RESUMED, jl("io.r2dbc.pool.ConnectionPool", "lambda$create$7", 213), jl("io.r2dbc.postgresql.PostgresqlConnectionFactory", "cannotConnect", 188))), jexc("org.springframework.dao.DataAccessResourceFailureException", "Failed to obtain R2DBC Connection", (*RESUMED, jl("org.springframework.r2dbc.connection.ConnectionFactoryUtils", "lambda$getConnection$0", 88)))),
        (see("sentry.error", 2), spl(2), see("datadog.log", 2, **DD_BILLING)),
        log="statement run aborted: no database connection", logger="com.zethmoor.billing.statement.StatementJob", classes=(1,), pair="nr-statement-timeout", entry="statement-run"),
    # Not paired.
    Bug("nr-blocking-call", "tariff-service", (jexc("java.lang.IllegalStateException", "block()/blockFirst()/blockLast() are blocking, which is not supported in thread reactor-http-epoll-{idx}", (*RESUMED, k("tariff.eligibility.EligibilityController$check$1", "invokeSuspend", 0), k("tariff.eligibility.SmartMeterCheck", "isSmets2", 26), jl("reactor.core.publisher.Mono", "block", 1728), jl("reactor.core.publisher.BlockingSingleSubscriber", "blockingGet", 87))),),
        (see("sentry.error", 2), see("sentry.error", 2, release=1), spl(2), see("datadog.log", **DD), see("datadog.apm", **APM)),
        classes=(1, 5), entry="GET /api/v1/eligibility", span=2, renames={"isSmets2": "supportsSmets2"}),
    Bug("nr-cache-decode", "tariff-service", (jexc("com.fasterxml.jackson.module.kotlin.MissingKotlinParameterException", "Instantiation of [simple type, class com.zethmoor.tariff.quote.CachedQuote] value failed for JSON property standingCharge due to missing (therefore NULL) value for creator parameter standingCharge which is a non-nullable type\n at [Source: (byte[])\"{\"quoteId\":\"{uuid}\",\"unitRate\":24.5}\"; line: 1, column: 61] (through reference chain: com.zethmoor.tariff.quote.CachedQuote[\"standingCharge\"])", (*RESUMED, k("tariff.quote.QuoteCache", "get", 31), jl("org.springframework.data.redis.serializer.Jackson2JsonRedisSerializer", "deserialize", 154), jl("com.fasterxml.jackson.module.kotlin.KotlinValueInstantiator", "createFromObjectWith", 101))), jexc("org.springframework.data.redis.serializer.SerializationException", "Could not read JSON:Instantiation of [simple type, class com.zethmoor.tariff.quote.CachedQuote] value failed for JSON property standingCharge due to missing (therefore NULL) value for creator parameter standingCharge which is a non-nullable type", (*RESUMED, k("tariff.quote.QuoteCache", "get", 31), jl("org.springframework.data.redis.serializer.Jackson2JsonRedisSerializer", "deserialize", 156)))),
        (see("sentry.error", 3), spl(2, half=8), see("datadog.log", **DD)),
        classes=(1, 10), entry="GET /api/v1/quotes/{quote_id}"),
    Bug("nr-direct-memory", "billing-api", (jexc("io.netty.util.internal.OutOfDirectMemoryError", "failed to allocate 16777216 byte(s) of direct memory (used: 255852544, max: 268435456)", (*RESUMED, k("billing.export.ReadsExport", "stream", 44), jl("io.netty.buffer.PooledByteBufAllocator", "newDirectBuffer", 403), jl("io.netty.util.internal.PlatformDependent", "incrementMemoryCounter", 843))),),
        (see("sentry.error", 2), spl(2), see("datadog.apm", 2, **APM)),
        classes=(1,), entry="GET /api/v1/exports/reads"),
    Bug("nr-overflow", "billing-api", (jexc("reactor.core.Exceptions$OverflowException", "Could not emit buffer due to lack of requests", (jl("java.lang.Thread", "run", 1583), jl("reactor.core.scheduler.SchedulerTask", "call", 68), jl("reactor.core.publisher.FluxInterval$IntervalRunnable", "run", 125), k("billing.reads.LiveReadsStream", "tick", 58), jl("reactor.core.Exceptions", "failWithOverflow", 237))),),
        (see("sentry.error", 2), spl(2), see("datadog.log", **DD_BILLING)),
        log="live reads stream for meter {id} terminated", logger="com.zethmoor.billing.reads.LiveReadsStream", classes=(1,), entry="GET /api/v1/meters/{meter_id}/live"),
    # Seen once.
    Bug("nr-tariff-cast", "tariff-service", (jexc("java.lang.ClassCastException", "class java.lang.Integer cannot be cast to class java.math.BigDecimal (java.lang.Integer and java.math.BigDecimal are in module java.base of loader 'bootstrap')", (*RESUMED, k("tariff.admin.TariffImport", "row", 71))),),
        (see("sentry.error"),),
        singleton=True, entry="POST /api/v1/admin/tariffs/import"),
]

NOISE = [
    Noise("nr-noise-netty", "tariff-service", "splunk", {**SEARCH, "line": '{"insertId":"{hex}","jsonPayload":{"@timestamp":"{tsms}","message":"Netty started on port 8080 (http)","logger_name":"org.springframework.boot.web.embedded.netty.NettyWebServer","severity":"INFO"},"resource":{"type":"k8s_container","labels":{"cluster_name":"zeth-prod","namespace_name":"energy","container_name":"tariff-service"}},"timestamp":"{ts}","severity":"INFO","logName":"projects/zethmoor-prod/logs/stdout"}'}),
    Noise("nr-noise-rollout", "billing-api", "datadog.event", {"monitor": "billing-api rollout", "text": "Deployment energy/billing-api rolled out: 3 of 3 pods updated on zeth-prod.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "billing", "release": "2"}),
    Noise("nr-noise-recovered", "tariff-service", "datadog.log", {"monitor": "[energy] WebFlux 5xx errors on GKE", "transition": "Recovered", "alert_type": "success", "team": "energy", "filter": "source:gcp.k8s.container kube_namespace:energy @data.jsonPayload.level_value:40000", "text": "Back to normal."}),
]

ZETHMOOR = Company(
    key="nr",
    name="Zethmoor Energy",
    domain="zethmoor-energy.example",
    sentry_org="zethmoor-energy",
    splunk_url="https://zethmoor.splunkcloud.example",
    splunk_guid="0B8D4E27-61F3-4A9C-B5D2-E47A93C0F185",
    datadog_org=("1260022", "Zethmoor Energy"),
    datadog_template="custom",
    posthog_project=(92622, "Zethmoor"),
    releases=("2026.11.0", "2026.11.1", "2026.12.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="zethmoor-sentry-client-secret",
)
# fmt: on
