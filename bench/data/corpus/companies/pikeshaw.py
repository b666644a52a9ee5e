"""(cp) Pikeshaw Grocer, grocery delivery in two cities: Kotlin on Spring Boot 3.3 WebFlux.
``basket-api`` (suspending controller functions on Reactor Netty, R2DBC over PostgreSQL,
WebClient to the stock service and the payment provider), ``slot-scheduler`` (the same stack
with suspending ``@Scheduled`` jobs: delivery slots, picking waves) and the shoppers' Android
app in Jetpack Compose (``shopper-app``, R8-shrunk release builds).

Both services log through logstash-logback-encoder's ``LogstashEncoder``, Micrometer
Tracing's ``traceId``/``spanId`` in the MDC; a request that fails is logged by Boot's
``AbstractErrorWebExceptionHandler`` with Reactor's checkpoint block in ``stack_trace``; a
scheduled job's failure by ``TaskUtils$LoggingErrorHandler``. Sentry: sentry-spring-boot-jakarta
on the services (``in-app-includes: com.pikeshaw``), sentry-android with the ProGuard mapping
uploaded. PostHog: posthog-android's exception autocapture (no mapping: R8's names). Splunk
saved searches over both services; Datadog APM (dd-java-agent) and log monitors through the
plugin's recommended template.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import TIMEOUT_FIRED, jexc, jl, kt, ktlib
from .ravensholm import NETTY, PG_ERROR, ROWS, TIMER, TRANSLATE, WEBCLIENT
from .rookhollow import COMPOSE_ITEM, COMPOSE_TAP, kf

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.java.spring-boot.jakarta", "7.16.0", "maven:io.sentry:sentry-spring-boot-jakarta")
APP = "com.pikeshaw.shopper"
SERVICES = {
    "basket-api": Service("basket-api", "java", "cp-logstash-mdc", "pikeshaw:basket:json", "/var/log/pikeshaw/basket-api.json", "pk_prod", 6120031, "OpenJDK 21.0.4", framework="spring-webflux", sdk=SDK),
    "slot-scheduler": Service("slot-scheduler", "java", "cp-logstash-mdc", "pikeshaw:slots:json", "/var/log/pikeshaw/slot-scheduler.json", "pk_prod", 6120034, "OpenJDK 21.0.4", framework="generic", sdk=SDK),
    "shopper-app": Service("shopper-app", "java", "", "", "", "", 6120037, framework="android", sdk=("sentry.java.android", "7.16.0", "maven:io.sentry:sentry-android-core"), releases=(f"{APP}@4.12.0+41200", f"{APP}@4.12.1+41201", f"{APP}@4.13.0+41300")),
}

# A value arriving on the event loop resumes the suspended controller function: Spring runs
# it on Dispatchers.Unconfined, so the coroutine continues on the Netty thread.
RESUME = (
    ktlib("kotlinx.coroutines.reactive.AwaitKt$awaitOne$2$1", "onNext", 185, "Await.kt"),
    ktlib("kotlinx.coroutines.CancellableContinuationImpl", "resumeWith", 183, "CancellableContinuationImpl.kt"),
    ktlib("kotlinx.coroutines.CancellableContinuationImpl", "resumeImpl", 1512, "CancellableContinuationImpl.kt"),
    ktlib("kotlinx.coroutines.DispatchedTaskKt", "resume", 235, "DispatchedTask.kt"),
    ktlib("kotlin.coroutines.jvm.internal.BaseContinuationImpl", "resumeWith", 33, "ContinuationImpl.kt"),
)
# A scheduled suspending job: Spring 6.1 subscribes to it on the scheduling thread; after its
# first await it resumes on the event loop too.
SCHEDULED = (
    *TIMER[:3],
    jl("org.springframework.scheduling.support.DelegatingErrorHandlingRunnable", "run", 54),
    jl("org.springframework.scheduling.support.ScheduledMethodRunnable", "run", 130),
    jl("org.springframework.scheduling.annotation.ScheduledAnnotationReactiveSupport$SubscribingRunnable", "run", 215),
    jl("reactor.core.publisher.Mono", "subscribe", 4568),
)


def ctl(cls: str, method: str, line: int) -> tuple[Frame, Frame]:
    """A resumed suspend function: its continuation's ``invokeSuspend`` (at the function's
    declaration), then the function's own state machine at the line it reached."""
    return (kt(f"com.pikeshaw.{cls}${method}$1", "invokeSuspend", line - 9), kt(f"com.pikeshaw.{cls}", method, line))


def unique(constraint: str, table: str, cols: str, app: tuple[Frame, ...]) -> tuple[Exc, Exc]:
    pg = f'duplicate key value violates unique constraint "{constraint}"'
    cause = jexc("io.r2dbc.postgresql.ExceptionFactory$PostgresqlDataIntegrityViolationException", pg, PG_ERROR)
    return cause, jexc("org.springframework.dao.DataIntegrityViolationException", f"executeMany; SQL [INSERT INTO {table} ({cols}) VALUES ($1, $2, $3)]; {pg}", (*ROWS, *RESUME, *app, *TRANSLATE[:1]))


def handler(method: str) -> dict[str, str]:
    return {"handler": f"com.pikeshaw.basket.web.{method}"}


# Both outbound integrations go through one helper that turns a non-2xx answer into an error.
AWAIT_OR_THROW = (
    kf("com.pikeshaw.basket.integration.RemoteCallsKt", "awaitBodyOrThrow", 27),
    jl("org.springframework.web.reactive.function.client.WebClientResponseException", "create", 324),
)

API_SEARCH = {"search": "basket-api errors"}
SLOT_SEARCH = {"search": "slot-scheduler errors"}
JOB = {"logger": "org.springframework.scheduling.support.TaskUtils$LoggingErrorHandler", "log": "Unexpected error occurred in scheduled task"}
API_APM = {"monitor": "basket-api errors by type", "team": "basket"}
API_LOGS = {"monitor": "basket-api 5xx logged", "team": "basket", "filter": "service:basket-api status:error", "text": "{{log.attributes.message}}\n\ntrace: {{log.attributes.traceId}}\n\n{{log.attributes.error.kind}}: {{log.attributes.error.message}}"}
SLOT_LOGS = {"monitor": "slot-scheduler job errors", "team": "fulfilment", "filter": "service:slot-scheduler status:error", "style": "stack", "lines": 8}
POSTHOG = {"in_app_prefix": APP}
WEB = {"mechanism": "SentryWebExceptionHandler"}
EMPTY = "Collection is empty."
KEY_USED = 'Key "{sku}" was already used. If you are using LazyColumn/Row please make sure you provide a unique key for each item.'

BUGS = [
    # Kotlin's first() on an empty list in two places: the API's delivery-fee tiers, the scheduler's picker roster.
    Bug("cp-fee-tiers-empty", "basket-api", (jexc("java.util.NoSuchElementException", EMPTY, (*ROWS, *RESUME, *ctl("basket.web.BasketController", "quote", 61), kt("com.pikeshaw.basket.pricing.DeliveryFeeCalculator", "fee", 38), ktlib("kotlin.collections.CollectionsKt___CollectionsKt", "first", 197, "_Collections.kt"))),),
        (see("sentry.error", 3, **WEB), see("splunk", 2, **API_SEARCH, **handler("BasketController#quote(long, Continuation)")), see("datadog.apm", **API_APM)),
        classes=(4,), pair="cp-picker-roster-empty", entry="GET /api/v1/baskets/{basket_id}/quote", span=2),
    Bug("cp-picker-roster-empty", "slot-scheduler", (jexc("java.util.NoSuchElementException", EMPTY, (*SCHEDULED, *ROWS[-3:], *RESUME, *ctl("slots.jobs.PickingWaveJob", "plan", 44), kt("com.pikeshaw.slots.waves.WaveBuilder", "firstPicker", 71), ktlib("kotlin.collections.CollectionsKt___CollectionsKt", "first", 197, "_Collections.kt"))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **SLOT_SEARCH), see("datadog.log", **SLOT_LOGS)),
        **JOB, classes=(4,), pair="cp-fee-tiers-empty", entry="PickingWaveJob.plan"),
    # A unique violation per table: the same SKU added twice to a basket (API), a slot generated twice for a store (scheduler).
    Bug("cp-basket-item-unique", "basket-api", unique("basket_items_basket_id_sku_key", "basket_items", "basket_id, sku, quantity", ctl("basket.web.BasketController", "addItem", 44)),
        (see("sentry.error", 3, **WEB), see("sentry.issue"), see("splunk", 2, **API_SEARCH, **handler("BasketController#addItem(long, AddItemRequest, Continuation)")), see("datadog.log", **API_LOGS)),
        classes=(4,), pair="cp-slot-unique", entry="POST /api/v1/baskets/{basket_id}/items"),
    Bug("cp-slot-unique", "slot-scheduler", unique("delivery_slots_store_id_starts_at_key", "delivery_slots", "store_id, starts_at, capacity", ctl("slots.jobs.SlotGenerationJob", "generate", 52)),
        (see("sentry.error", 2), see("splunk", 2, **SLOT_SEARCH), see("datadog.log", **SLOT_LOGS)),
        **JOB, classes=(4,), pair="cp-basket-item-unique", entry="SlotGenerationJob.generate"),
    # One pricing function, two exceptions: a weight needing rounding under RoundingMode.UNNECESSARY, a price feed with a thousands separator.
    Bug("cp-weight-rounding", "basket-api", (jexc("java.lang.ArithmeticException", "Rounding necessary", (*ROWS, *RESUME, *ctl("basket.web.BasketController", "addItem", 47), kt("com.pikeshaw.basket.pricing.WeightPricing", "priceFor", 33), jl("java.math.BigDecimal", "setScale", 2966), jl("java.math.BigDecimal", "divideAndRound", 4477), jl("java.math.BigDecimal", "commonNeedIncrement", 4662))),),
        (see("sentry.error", 2, **WEB), see("sentry.error", release=1, **WEB), see("splunk", 2, **API_SEARCH, **handler("BasketController#addItem(long, AddItemRequest, Continuation)")), see("datadog.apm", **API_APM)),
        classes=(4, 5), pair="cp-weight-number-format", entry="POST /api/v1/baskets/{basket_id}/items", span=2),
    Bug("cp-weight-number-format", "basket-api", (jexc("java.lang.NumberFormatException", 'Character , is neither a decimal digit number, decimal point, nor "e" notation exponential mark.', (*ROWS, *RESUME, *ctl("basket.web.BasketController", "addItem", 47), kt("com.pikeshaw.basket.pricing.WeightPricing", "priceFor", 29), ktlib("kotlin.text.StringsKt__StringNumberConversionsJVMKt", "toBigDecimal", 215, "StringNumberConversionsJVM.kt"), jl("java.math.BigDecimal", "<init>", 897), jl("java.math.BigDecimal", "<init>", 588))),),
        (see("sentry.error", 3, **WEB), see("splunk", 2, **API_SEARCH, **handler("BasketController#addItem(long, AddItemRequest, Continuation)")), see("datadog.apm", **API_APM)),
        classes=(4,), pair="cp-weight-rounding", entry="POST /api/v1/baskets/{basket_id}/items"),
    # Two partners answering errors, both through one helper: the stock service (503) and the payment provider (422).
    Bug("cp-stock-503", "basket-api", (jexc("org.springframework.web.reactive.function.client.WebClientResponseException$ServiceUnavailable", "503 Service Unavailable from GET http://stock-service/api/stock/{sku}", (*WEBCLIENT, *RESUME, *ctl("basket.web.BasketController", "addItem", 41), kt("com.pikeshaw.basket.integration.StockClient", "available", 22), *AWAIT_OR_THROW)),),
        (see("sentry.error", 3, **WEB), see("splunk", 2, **API_SEARCH, **handler("BasketController#addItem(long, AddItemRequest, Continuation)")), see("datadog.log", **API_LOGS)),
        classes=(9,), pair="cp-payment-422", entry="POST /api/v1/baskets/{basket_id}/items"),
    Bug("cp-payment-422", "basket-api", (jexc("org.springframework.web.reactive.function.client.WebClientResponseException$UnprocessableEntity", "422 Unprocessable Entity from POST https://checkout-live.payments.example/v71/payments", (*WEBCLIENT, *RESUME, *ctl("basket.web.CheckoutController", "pay", 58), kt("com.pikeshaw.basket.integration.PaymentClient", "authorise", 40), *AWAIT_OR_THROW)),),
        (see("sentry.error", 2, **WEB), see("sentry.alert", rule="Checkout payment failures", **WEB), see("splunk", 2, **API_SEARCH, **handler("CheckoutController#pay(long, PayRequest, Continuation)")), see("datadog.log", **API_LOGS), see("datadog.apm", **API_APM)),
        classes=(9,), pair="cp-stock-503", entry="POST /api/v1/checkout/{basket_id}/pay"),
    # Compose's duplicate-key crash in two lazy lists: the basket and the substitutions screen.
    Bug("cp-app-basket-dupkey", "shopper-app", (jexc("java.lang.IllegalArgumentException", KEY_USED, (*COMPOSE_ITEM, kf(f"{APP}.ui.basket.BasketScreenKt$BasketList$1", "invoke", 88), ktlib("androidx.compose.foundation.lazy.layout.LazyLayoutKeyIndexMap", "<init>", 64, "LazyLayoutKeyIndexMap.kt"))),),
        (see("sentry.error", 2, mechanism="UncaughtExceptionHandler"), see("sentry.issue"), see("posthog", 2, **POSTHOG)),
        classes=(4, 10), pair="cp-app-subs-dupkey", page="BasketScreen"),
    Bug("cp-app-subs-dupkey", "shopper-app", (jexc("java.lang.IllegalArgumentException", KEY_USED, (*COMPOSE_ITEM, kf(f"{APP}.ui.substitutions.SubstitutionsScreenKt$SubstitutionList$1", "invoke", 57), ktlib("androidx.compose.foundation.lazy.layout.LazyLayoutKeyIndexMap", "<init>", 64, "LazyLayoutKeyIndexMap.kt"))),),
        (see("sentry.error", 2, mechanism="UncaughtExceptionHandler"), see("posthog", 2, **POSTHOG), see("posthog", r8=False, **POSTHOG)),
        classes=(4, 10), pair="cp-app-basket-dupkey", page="SubstitutionsScreen"),
    # A catalogue answer over WebFlux's 256 KB codec limit once a store listed every variant:
    # created in the decoder on the event loop, so no frame of the app; only the checkpoint
    # block of the log names the handler.
    Bug("cp-catalog-buffer-limit", "basket-api", (jexc("org.springframework.core.io.buffer.DataBufferLimitException", "Exceeded limit on max bytes to buffer : 262144", (*NETTY, jl("reactor.netty.channel.FluxReceive", "onInboundNext", 379), jl("reactor.core.publisher.FluxMap$MapSubscriber", "onNext", 122), jl("org.springframework.core.io.buffer.LimitedDataBufferList", "add", 79), jl("org.springframework.core.io.buffer.LimitedDataBufferList", "updateCount", 94), jl("org.springframework.core.io.buffer.LimitedDataBufferList", "raiseLimitException", 99))),),
        (see("sentry.error", 2, **WEB), see("sentry.issue"), see("splunk", 2, **API_SEARCH, **handler("StoreController#products(int, Continuation)"), client="Body from GET http://catalog-service/api/stores/{n}/products [DefaultClientResponse]"), see("datadog.apm", **API_APM)),
        entry="GET /api/v1/stores/{store_id}/products"),
    # withTimeout around the route optimiser's call, firing on the DefaultExecutor thread.
    Bug("cp-route-timeout", "slot-scheduler", (jexc("kotlinx.coroutines.TimeoutCancellationException", "Timed out waiting for 20000 ms", TIMEOUT_FIRED),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 2, **SLOT_SEARCH), see("datadog.log", **SLOT_LOGS)),
        **JOB, classes=(5,), entry="RouteOptimiserJob.optimise", span=3),
    # A wave built without a picker: Kotlin's check() in the job; the method renamed in 2026.21.
    Bug("cp-wave-no-picker", "slot-scheduler", (jexc("java.lang.IllegalStateException", "Wave W-{n} has no picker assigned", (*SCHEDULED, *ROWS[-3:], *RESUME, *ctl("slots.jobs.PickingWaveJob", "release", 81), kt("com.pikeshaw.slots.waves.WaveReleaser", "releaseWave", 36))),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 2, **SLOT_SEARCH), see("datadog.log", 2, **SLOT_LOGS)),
        **JOB, classes=(5,), entry="PickingWaveJob.release", span=3, renames={"releaseWave": "release"}),
    # The checkout screen reading a lateinit view model before onCreate set it (a deep link).
    Bug("cp-app-lateinit", "shopper-app", (jexc("kotlin.UninitializedPropertyAccessException", "lateinit property checkoutViewModel has not been initialized", (*COMPOSE_TAP, kf(f"{APP}.ui.checkout.CheckoutActivity$onNewIntent$1", "invoke", 73), kt(f"{APP}.ui.checkout.CheckoutActivity", "getCheckoutViewModel", 31))),),
        (see("sentry.error", 2, mechanism="UncaughtExceptionHandler", release=0), see("sentry.error", mechanism="UncaughtExceptionHandler", release=2), see("posthog", 2, **POSTHOG, release=1), see("posthog", **POSTHOG, release=2)),
        classes=(5, 10), page="CheckoutActivity", span=3),
    # The app's own catch around the basket sync, captured with posthog-android's captureException (handled).
    Bug("cp-app-dns", "shopper-app", (jexc("java.net.UnknownHostException", 'Unable to resolve host "api.pikeshaw.example": No address associated with hostname', (jl("java.lang.Thread", "run", 1012), jl("okhttp3.internal.connection.RealCall$AsyncCall", "run", 517), jl("okhttp3.internal.connection.RealCall", "getResponseWithInterceptorChain$okhttp", 201), jl("okhttp3.internal.connection.RouteSelector", "resetNextInetSocketAddress", 169), jl("okhttp3.Dns$Companion$DnsSystem", "lookup", 50), jl("java.net.InetAddress", "getAllByName", 1152))),),
        (see("posthog", 3, **POSTHOG),),
        handled=True, page="BasketScreen"),
    # Reactor Netty's access log for slow slot lookups: one template, no bug.
    Bug("cp-slow-slots", "basket-api", (),
        (see("splunk", 3, search="basket-api slow requests", line='{"@timestamp":"{tsms}","@version":"1","message":"{ip} - - [{clf}] \\"GET /api/v1/slots?postcode=LS{idx}+{n}AB HTTP/1.1\\" 200 {n}{line} {ms}","logger_name":"reactor.netty.http.server.AccessLog","thread_name":"reactor-http-epoll-{idx}","level":"INFO","level_value":20000,"application":"basket-api"}'), see("datadog.log", monitor="basket-api slow slot lookups", team="basket", filter="service:basket-api @logger_name:reactor.netty.http.server.AccessLog @duration:>5000", text="Slot lookups on basket-api are slow: latest took {ms} ms.")),
        classes=(7,)),
    # Seen once: the scheduler's heap exhausted by one store's full-month slot grid.
    Bug("cp-scheduler-oom", "slot-scheduler", (jexc("java.lang.OutOfMemoryError", "Java heap space", (*SCHEDULED, kt("com.pikeshaw.slots.jobs.SlotGenerationJob", "generate", 40), jl("java.util.Arrays", "copyOf", 3513))),),
        (see("sentry.error"),),
        **JOB, singleton=True, entry="SlotGenerationJob.generate"),
]

NOISE = [
    Noise("cp-noise-netty-started", "basket-api", "splunk", {**API_SEARCH, "line": '{"@timestamp":"{tsms}","@version":"1","message":"Netty started on port 8080 (http)","logger_name":"org.springframework.boot.web.embedded.netty.NettyWebServer","thread_name":"main","level":"INFO","level_value":20000,"application":"basket-api"}'}),
    Noise("cp-noise-deploy", "slot-scheduler", "datadog.event", {"monitor": "Deployed slot-scheduler 2026.21.0", "text": "Argo CD synced slot-scheduler to 2026.21.0 (2/2 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "fulfilment"}),
    Noise("cp-noise-latency-recovered", "basket-api", "datadog.metric", {"monitor": "basket-api p99 latency", "scope": "service:basket-api", "transition": "Recovered", "metric": "trace.spring.handler.duration", "text": "basket-api p99 latency back under 800 ms.", "team": "basket"}),
]

PIKESHAW = Company(
    key="cp",
    name="Pikeshaw Grocer",
    domain="pikeshaw.example",
    sentry_org="pikeshaw",
    splunk_url="https://pikeshaw.splunkcloud.com",
    splunk_guid="3C7E90A2-15D4-4B68-8E2F-A6B1D9047C35",
    datadog_org=("705318", "Pikeshaw Grocer"),
    datadog_template="recommended",
    posthog_project=(84412, "Shopper app"),
    releases=("2026.20.1", "2026.21.0", "2026.21.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="pikeshaw-sentry-client-secret",
)
# fmt: on
