"""(my) Underbarrow Mutual, a home and motor insurer: Java 21 Spring Boot 3.3 WebFlux services
on Cloud Foundry (Tanzu Application Service): ``quote-api`` (functional and annotated handlers,
R2DBC PostgreSQL, WebClient to the vehicle, address and underwriting services, Lettuce Redis),
``renewals`` (Reactor Kafka consumer logging logstash-logback-encoder JSON) and, on the second
foundation, ``claims-api``.

Logs: Loggregator makes each stdout line one envelope. Splunk: the Splunk Firehose Nozzle's
``cf:logmessage`` events (quote-api's logback console trace arrives line by line: the head
line, the exception line, a ``Caused by:``, a checkpoint line; renewals' JSON whole) and, for
claims-api, an RFC 5424 syslog drain into a TCP input. One saved search over all apps'
exception lines. Datadog: the Cloud Foundry integration's log drain, one log monitor pasting
the matched line, one over renewals' JSON attributes. Sentry: sentry-spring-boot-jakarta.
Reactor: checkpoints (``Error has been observed at the following site(s)``), one handler
with ``Hooks.onOperatorDebug()``'s assembly trace, ``onErrorResume`` fallbacks that log.
No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Frame, Noise, Seen, Service, see
from ..stacks import jexc, jl, jv

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.java.spring-boot.jakarta", "7.14.0", "maven:io.sentry:sentry-spring-boot-starter-jakarta")
SERVICES = {
    "quote-api": Service("quote-api", "java", "my-nozzle", "cf:logmessage", "splunk-firehose-nozzle", "cf_prod", 12010011, "OpenJDK 21.0.4", framework="spring", sdk=SDK),
    "renewals": Service("renewals", "java", "my-nozzle-json", "cf:logmessage", "splunk-firehose-nozzle", "cf_prod", 12010012, "OpenJDK 21.0.4", framework="spring", sdk=SDK),
    "claims-api": Service("claims-api", "java", "my-syslog", "cf:syslog", "tcp:5514", "cf_prod", 12010013, "OpenJDK 21.0.4", framework="spring", sdk=SDK),
}

# Reactor Netty through the DispatcherHandler into a handler's Mono chain (oldest first).
NETTY = (
    jl("io.netty.channel.nio.NioEventLoop", "run", 566),
    jl("reactor.netty.channel.ChannelOperationsHandler", "channelRead", 114),
    jl("reactor.netty.http.server.HttpServerOperations", "onInboundNext", 691),
    jl("org.springframework.web.reactive.DispatcherHandler", "handle", 154),
    jl("reactor.core.publisher.MonoFlatMap$FlatMapMain", "onNext", 132),
)
MAP = jl("reactor.core.publisher.FluxMapFuseable$MapFuseableSubscriber", "onNext", 129)
FLATMAP = jl("reactor.core.publisher.MonoFlatMap$FlatMapMain", "onNext", 158)
KAFKA = (
    jl("java.lang.Thread", "run", 1583),
    jl("reactor.kafka.receiver.internals.ConsumerEventLoop$PollEvent", "run", 373),
    jl("reactor.core.publisher.FluxPublishOn$PublishOnSubscriber", "runAsync", 440),
    jl("reactor.core.publisher.FluxConcatMap$ConcatMapImmediate", "drain", 451),
    jl("reactor.core.publisher.FluxMap$MapSubscriber", "onNext", 106),
)
WEBCLIENT = (
    jl("reactor.core.publisher.FluxTimeout$TimeoutMainSubscriber", "handleTimeout", 296),
    jl("reactor.core.publisher.FluxTimeout$TimeoutMainSubscriber", "doTimeout", 281),
    jl("reactor.core.publisher.Operators", "onOperatorError", 1021),
)


def q(cls: str, method: str, line: int) -> Frame:
    return jv("com.underbarrow.quote." + cls, method, line)


def r(cls: str, method: str, line: int) -> Frame:
    return jv("com.underbarrow.renewals." + cls, method, line)


def c(cls: str, method: str, line: int) -> Frame:
    return jv("com.underbarrow.claims." + cls, method, line)


def web(*frames: Frame) -> tuple[Frame, ...]:
    return (*NETTY, *frames)


def npe(what: str, where: str) -> str:
    return f'Cannot invoke "{what}" because "{where}" is null'


SEARCH = dict(search="Underbarrow - CF app exceptions", owner="um_sre", app="underbarrow_cf")
DD = dict(team="quotes", monitor="[cf] exception lines on the quote platform", format="my-dd", filter="source:cloudfoundry (\"Exception\" OR \"ERROR\") env:prod", text="Exception lines from {{log.service}} over the threshold. Matched line:\n\n{{log.message}}")
DD_JSON = dict(team="renewals", monitor="[cf] renewals consumer errors", format="my-dd", filter="source:cloudfoundry service:renewals status:error", text="{{log.attributes.logger_name}}: {{log.attributes.message}}\n\n```\n{{log.attributes.stack_trace}}\n```")
APM = dict(team="quotes", monitor="[apm] quote-api errors by type", style="type", filter="service:quote-api")


def spl(n: int = 1, **opts: object) -> Seen:
    return see("splunk", n, **SEARCH, **opts)


def drain(n: int = 1, **opts: object) -> Seen:
    return see("splunk", n, **SEARCH, **opts)


def dd(n: int = 1, **opts: object) -> Seen:
    return see("datadog.log", n, **DD, **opts)


def ddj(n: int = 1, **opts: object) -> Seen:
    return see("datadog.log", n, **DD_JSON, **opts)


BUGS = [
    # Java's helpful NPE: the same message in the home quote and the renewal pricer.
    Bug("my-home-postcode-npe", "quote-api", (jexc("java.lang.NullPointerException", npe("com.underbarrow.quote.model.Address.postcode()", "property.address"), web(MAP, q("rating.HomeRatingService", "lambda$rate$2", 88), q("rating.AreaFactors", "forProperty", 41))),),
        (see("sentry.error", 3), spl(part="exc"), spl(part="head"), spl(part="frame"), dd(part="exc"), dd(part="head")),
        classes=(1, 4, 5), pair="my-renewal-postcode-npe", entry="POST /v1/quotes/home", span=2, renames={"forProperty": "factorsFor"}),
    Bug("my-renewal-postcode-npe", "renewals", (jexc("java.lang.NullPointerException", npe("com.underbarrow.quote.model.Address.postcode()", "policy.riskAddress"), (*KAFKA, r("pricing.RenewalPricer", "lambda$price$0", 57), r("pricing.AreaFactorClient", "forPolicy", 33))),),
        (see("sentry.error", 3), spl(2), ddj(2)),
        classes=(1, 4), pair="my-home-postcode-npe", log="Renewal pricing failed for policy HM-{order}", logger="com.underbarrow.renewals.pricing.RenewalPricer", entry="renewal-due"),
    # WebClient calls timing out under one upstream helper.
    Bug("my-vehicle-timeout", "quote-api", (jexc("java.util.concurrent.TimeoutException", "Did not observe any item or completion within 3000ms in 'flatMap' (and no fallback has been configured)", (*WEBCLIENT,)), jexc("java.util.concurrent.TimeoutException", "Did not observe any item or completion within 3000ms in 'flatMap' (and no fallback has been configured)", web(FLATMAP, q("motor.MotorQuoteHandler", "create", 64), q("vehicle.VehicleClient", "lookup", 38), q("upstream.UpstreamClient", "getJson", 52)))),
        (see("sentry.error", 3), spl(2, part="exc"), dd(part="exc"), see("datadog.apm", **APM)),
        classes=(1, 9), pair="my-address-timeout", entry="POST /v1/quotes/motor"),
    Bug("my-address-timeout", "quote-api", (jexc("java.util.concurrent.TimeoutException", "Did not observe any item or completion within 3000ms in 'flatMap' (and no fallback has been configured)", (*WEBCLIENT,)), jexc("java.util.concurrent.TimeoutException", "Did not observe any item or completion within 3000ms in 'flatMap' (and no fallback has been configured)", web(FLATMAP, q("address.AddressHandler", "search", 29), q("address.AddressClient", "byPostcode", 44), q("upstream.UpstreamClient", "getJson", 52)))),
        (see("sentry.error", 2), spl(2, part="exc"), spl(part="head"), dd(2, part="exc")),
        classes=(1, 9), pair="my-vehicle-timeout", entry="GET /v1/addresses/{postcode}"),
    # Two upstream error statuses caught by onErrorResume and logged.
    Bug("my-underwriting-503", "quote-api", (jexc("org.springframework.web.reactive.function.client.WebClientResponseException$ServiceUnavailable", "503 Service Unavailable from POST http://underwriting.apps.internal:8080/v2/decisions", (*NETTY, q("underwriting.DecisionService", "lambda$decide$3", 71), jl("org.springframework.web.reactive.function.client.DefaultClientResponse", "lambda$createException$1", 214))),),
        (see("sentry.error", 3), spl(2, plain=True, part="exc"), spl(plain=True), dd(plain=True), see("sentry.issue")),
        classes=(1, 2), pair="my-mandate-502", handled=True, log="Underwriting decision failed, quote Q-{order} referred to manual review", logger="com.underbarrow.quote.underwriting.DecisionService", entry="POST /v1/quotes/{id}/decision"),
    Bug("my-mandate-502", "quote-api", (jexc("org.springframework.web.reactive.function.client.WebClientResponseException$BadGateway", "502 Bad Gateway from POST https://api.paygate.example/v1/mandates", (*NETTY, q("payment.MandateService", "lambda$create$1", 48), jl("org.springframework.web.reactive.function.client.DefaultClientResponse", "lambda$createException$1", 214))),),
        (see("sentry.error", 2), spl(2, plain=True), dd(plain=True, part="exc")),
        classes=(1, 2), pair="my-underwriting-503", handled=True, log="Direct debit mandate could not be created for quote Q-{order}", logger="com.underbarrow.quote.payment.MandateService", entry="POST /v1/quotes/{id}/mandate"),
    # Unique violations through R2DBC on two tables.
    Bug("my-quote-ref-dup", "quote-api", (jexc("io.r2dbc.postgresql.ExceptionFactory$PostgresqlDataIntegrityViolationException", 'duplicate key value violates unique constraint "quotes_reference_key"', (jl("io.r2dbc.postgresql.ExceptionFactory", "createException", 96),)), jexc("org.springframework.dao.DuplicateKeyException", 'executeMany; SQL [INSERT INTO quotes (reference, customer_id, product, premium_pence, created_at) VALUES ($1, $2, $3, $4, $5)]; duplicate key value violates unique constraint "quotes_reference_key"', web(FLATMAP, q("motor.MotorQuoteHandler", "create", 71), q("store.QuoteRepository", "save", 36)))),
        (see("sentry.error", 3), spl(part="cause"), spl(part="exc"), dd(part="exc"), see("datadog.apm", **APM)),
        classes=(1, 4), pair="my-holder-email-dup", entry="POST /v1/quotes/motor"),
    Bug("my-holder-email-dup", "quote-api", (jexc("io.r2dbc.postgresql.ExceptionFactory$PostgresqlDataIntegrityViolationException", 'duplicate key value violates unique constraint "policy_holders_email_key"', (jl("io.r2dbc.postgresql.ExceptionFactory", "createException", 96),)), jexc("org.springframework.dao.DuplicateKeyException", 'executeMany; SQL [INSERT INTO policy_holders (email, full_name, date_of_birth) VALUES ($1, $2, $3)]; duplicate key value violates unique constraint "policy_holders_email_key"', web(FLATMAP, q("customer.HolderHandler", "register", 33), q("store.HolderRepository", "save", 28)))),
        (see("sentry.error", 3), spl(2, part="cause"), dd(part="exc")),
        classes=(1, 4), pair="my-quote-ref-dup", entry="POST /v1/holders"),
    # A blocking call on an event-loop thread: the thread's name is in the message.
    Bug("my-fraud-block", "quote-api", (jexc("java.lang.IllegalStateException", "block()/blockFirst()/blockLast() are blocking, which is not supported in thread reactor-http-epoll-{idx}", web(MAP, q("fraud.FraudScreen", "lambda$screen$0", 27), q("fraud.SanctionsList", "contains", 63), jl("reactor.core.publisher.BlockingSingleSubscriber", "blockingGet", 87))),),
        (see("sentry.error", 4), spl(2, part="exc"), dd(), see("datadog.apm", **APM)),
        classes=(1, 2), entry="POST /v1/quotes/home"),
    # Enum.valueOf on a value a producer added: renewals and claims.
    Bug("my-renewal-cover-enum", "renewals", (jexc("java.lang.IllegalArgumentException", "No enum constant com.underbarrow.renewals.model.CoverLevel.PLATINUM_PLUS", (*KAFKA, r("offer.RenewalMapper", "toOffer", 49), jl("java.lang.Enum", "valueOf", 293))),),
        (see("sentry.error", 3), spl(2), ddj()),
        classes=(1, 4), pair="my-claim-type-enum", log="Could not map renewal for policy HM-{order}", logger="com.underbarrow.renewals.offer.RenewalMapper", entry="renewal-due"),
    Bug("my-claim-type-enum", "claims-api", (jexc("java.lang.IllegalArgumentException", "No enum constant com.underbarrow.claims.model.ClaimType.STORM_SURGE", web(MAP, c("intake.ClaimIntakeHandler", "lambda$submit$1", 58), jl("java.lang.Enum", "valueOf", 293))),),
        (see("sentry.error", 3), drain(2, part="exc"), drain(part="all"), dd(part="exc")),
        classes=(1, 4), pair="my-renewal-cover-enum", entry="POST /v1/claims"),
    # Photo uploads over the codec's in-memory limit.
    Bug("my-claim-photo-limit", "claims-api", (jexc("org.springframework.core.io.buffer.DataBufferLimitException", "Exceeded limit on max bytes to buffer : 262144", web(c("evidence.PhotoHandler", "upload", 41), jl("org.springframework.core.io.buffer.LimitedDataBufferList", "raiseLimitException", 99))),),
        (see("sentry.error", 3), drain(2, part="exc"), drain(part="head"), dd(part="exc")),
        classes=(1,), entry="POST /v1/claims/{id}/photos"),
    # The quote cache: Lettuce timing out, translated by Spring Data Redis.
    Bug("my-quote-cache-timeout", "quote-api", (jexc("io.lettuce.core.RedisCommandTimeoutException", "Command timed out after 2 second(s)", (jl("io.lettuce.core.internal.ExceptionFactory", "createTimeoutException", 59),)), jexc("org.springframework.dao.QueryTimeoutException", "Redis command timed out", web(FLATMAP, q("cache.QuoteCache", "get", 34), jl("org.springframework.data.redis.connection.lettuce.LettuceExceptionConverter", "convert", 52)))),
        (see("sentry.error", 3), spl(part="cause"), spl(part="exc"), dd(part="exc"), see("datadog.apm", **APM)),
        classes=(1, 9), entry="GET /v1/quotes/{id}"),
    # A poisoned record on the renewal topic.
    Bug("my-renewal-deserialize", "renewals", (jexc("org.apache.kafka.common.errors.RecordDeserializationException", "Error deserializing key/value for partition renewal-due-{part} at offset {offset}. If needed, please seek past the record to continue consumption.", (*KAFKA[:2], jl("org.apache.kafka.clients.consumer.internals.CompletedFetch", "parseRecord", 331))),),
        (see("sentry.error", 3), spl(3), ddj()),
        classes=(1, 2), log="Renewal consumer stopped with an error", logger="reactor.kafka.receiver.internals.ConsumerEventLoop", entry="renewal-due"),
    # Optional.get() on an empty result in two handlers (Hooks.onOperatorDebug on quote-api).
    Bug("my-motor-optional", "quote-api", (jexc("java.util.NoSuchElementException", "No value present", web(MAP, q("motor.MotorQuoteHandler", "lambda$create$4", 92), jl("java.util.Optional", "get", 143))),),
        (see("sentry.error", 3), spl(part="exc", assembly="MonoMapFuseable"), spl(part="head", assembly="MonoMapFuseable"), dd(part="exc", assembly="MonoMapFuseable")),
        classes=(1, 4), pair="my-home-optional", entry="POST /v1/quotes/motor"),
    Bug("my-home-optional", "quote-api", (jexc("java.util.NoSuchElementException", "No value present", web(MAP, q("web.HomeQuoteController", "lambda$quote$1", 47), jl("java.util.Optional", "get", 143))),),
        (see("sentry.error", 2), spl(2, part="exc", assembly="MonoMap"), dd(part="exc")),
        classes=(1, 4), pair="my-motor-optional", entry="POST /v1/quotes/home"),
    # Seen once: an excess apportioned over zero claimants.
    Bug("my-claims-excess-zero", "claims-api", (jexc("java.lang.ArithmeticException", "/ by zero", web(MAP, c("settlement.ExcessCalculator", "apportion", 22))),),
        (see("sentry.error"),),
        singleton=True, entry="POST /v1/claims/{id}/settle"),
]

NOISE = [
    Noise("my-noise-restage", "quote-api", "splunk", {**SEARCH, "line": '{"cf_app_name":"quote-api","cf_org_name":"underbarrow","cf_space_name":"prod","event_type":"LogMessage","message_type":"OUT","msg":"Updated app with guid 4c1d7e0a-93b2-4f61-a8d5-2e7b9c0f1a36 ({\\"state\\"=>\\"STARTED\\"})","origin":"cloud_controller","source_instance":"0","source_type":"API"}'}),
    Noise("my-noise-recovered", "quote-api", "datadog.log", {"monitor": "[cf] exception lines on the quote platform", "transition": "Recovered", "alert_type": "success", "team": "quotes", "filter": "source:cloudfoundry (\"Exception\" OR \"ERROR\") env:prod", "text": "Exception lines are back under the threshold."}),
    Noise("my-noise-deploy", "renewals", "datadog.event", {"monitor": "renewals pushed to prod", "text": "cf push renewals: 3/3 instances running (buildpack java_buildpack_offline v4.69).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "renewals", "release": "1"}),
]

UNDERBARROW = Company(
    key="my",
    name="Underbarrow Mutual",
    domain="underbarrowmutual.example",
    sentry_org="underbarrow-mutual",
    splunk_url="https://underbarrow.splunkcloud.example",
    splunk_guid="3F7A2C90-1B4E-4D58-A6E3-9C0D5B2F7E14",
    datadog_org=("1120011", "Underbarrow Mutual"),
    datadog_template="recommended",
    posthog_project=(91201, "Underbarrow"),
    releases=("2026.3.2", "2026.3.6", "2026.3.11"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="underbarrow-sentry-client-secret",
)
# fmt: on
