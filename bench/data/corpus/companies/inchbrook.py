"""(lr) Inchbrook Outfitters, an outdoor clothing retailer's order platform on AWS EKS: a Java 21
Spring Boot 3.2 ``order-api`` (Spring MVC on Tomcat 10.1, Spring Data JPA on Hibernate 6.4 and
PostgreSQL, ``RestClient`` calls to a parcel broker) and a ``fulfilment-worker`` of the same
codebase consuming Kafka topics with ``@KafkaListener`` (Spring Kafka 3.1's
``DefaultErrorHandler`` logging ``Backoff ... exhausted for <topic>-<partition>@<offset>``), and
the shop's iOS app (``shop-ios``, Swift).

Logs: logstash-logback-encoder's ``LogstashEncoder`` on stdout, except two order-api pods of
the canary deployment still on Spring Boot's console pattern; Fluent Bit (the kubernetes
filter) to CloudWatch Logs, read into Splunk by the Splunk Add-on for AWS: one saved search per
service. Sentry: sentry-spring-boot-starter-jakarta, sentry-cocoa for the app. Datadog: APM
monitors by error type on order-api, one log monitor per service from the Datadog agent
pasting the record's ``message`` and ``stack_trace``. PostHog: posthog-ios in the app.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Seen, Service, see
from ..stacks import (
    HIBERNATE_FLUSH,
    JPA_SAVE,
    JPA_TRANSLATE,
    KAFKA_LISTENER,
    PGJDBC_UPDATE,
    TOMCAT,
    jexc,
    jl,
    jv,
    spring_no_connection,
)

# fmt: off
SDK = ("sentry.java.spring-boot.jakarta", "7.14.0", "maven:io.sentry:sentry-spring-boot-starter-jakarta")
SRC = "eu-west-1:/aws/containerinsights/inchbrook-prod/application"
APP_RELEASES = ("uk.co.inchbrook.shop@6.4.0+2210", "uk.co.inchbrook.shop@6.4.1+2231", "uk.co.inchbrook.shop@6.5.0+2262")
SERVICES = {
    "order-api": Service("order-api", "java", "lr-fluent", "aws:cloudwatchlogs", SRC, "aws_eks", 10910011, "OpenJDK 21.0.3", framework="spring", sdk=SDK),
    "fulfilment-worker": Service("fulfilment-worker", "java", "lr-fluent", "aws:cloudwatchlogs", SRC, "aws_eks", 10910012, "OpenJDK 21.0.3", framework="spring", sdk=SDK),
    "shop-ios": Service("shop-ios", "cocoa", "", "", "", "", 10910013, sdk=("sentry.cocoa", "8.36.0", "spm:getsentry/sentry-cocoa"), releases=APP_RELEASES),
}
PKG = "uk.co.inchbrook.orders"


def app(cls: str, method: str, line: int) -> Frame:
    return jv(f"{PKG}.{cls}", method, line)


def web(controller: str, method: str, line: int) -> tuple[Frame, ...]:
    return (*TOMCAT, app(controller, method, line))


LISTENER = (
    *KAFKA_LISTENER,
    jl("org.springframework.kafka.listener.KafkaMessageListenerContainer$ListenerConsumer", "invokeIfHaveRecords", 1405),
    jl("org.springframework.kafka.listener.KafkaMessageListenerContainer$ListenerConsumer", "invokeRecordListener", 2622),
    jl("org.springframework.kafka.listener.KafkaMessageListenerContainer$ListenerConsumer", "doInvokeRecordListener", 2764),
    jl("org.springframework.kafka.listener.adapter.RecordMessagingMessageListenerAdapter", "onMessage", 69),
    jl("org.springframework.kafka.listener.adapter.MessagingMessageListenerAdapter", "invokeHandler", 380),
    jl("org.springframework.messaging.handler.invocation.InvocableHandlerMethod", "invoke", 118),
    jl("java.lang.reflect.Method", "invoke", 580),
)


def listen(listener: str, line: int, method: str = "onMessage") -> tuple[Frame, ...]:
    return (*LISTENER, app(listener, method, line))


def failed(listener: str, chain: tuple[Exc, ...], frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    """Spring Kafka wraps what the listener threw (cause first)."""
    return (*chain, jexc("org.springframework.kafka.listener.ListenerExecutionFailedException", f"Listener method 'public void {PKG}.{listener}.onMessage(org.apache.kafka.clients.consumer.ConsumerRecord<java.lang.String, java.lang.String>)' threw exception", LISTENER[:-4]))


def duplicate(caller: tuple[Frame, ...], table: str, constraint: str, detail: str, cols: str) -> tuple[Exc, ...]:
    sql = f'ERROR: duplicate key value violates unique constraint "{constraint}"\n  Detail: {detail}'
    insert = f"insert into {table} ({cols}) values (?,?,?,?,?)"
    flush = caller + JPA_SAVE + HIBERNATE_FLUSH
    return (
        jexc("org.postgresql.util.PSQLException", sql, flush + PGJDBC_UPDATE),
        jexc("org.hibernate.exception.ConstraintViolationException", f"could not execute statement [{sql}] [{insert}]", (*flush, jl("org.hibernate.exception.internal.SQLStateConversionDelegate", "convert", 95))),
        jexc("org.springframework.dao.DataIntegrityViolationException", f"could not execute statement [{sql}] [{insert}]; SQL [{insert}]; constraint [{constraint}]", caller + JPA_SAVE + JPA_TRANSLATE),
    )


REST = (
    jl("org.springframework.web.client.DefaultRestClient$DefaultRequestBodyUriSpec", "retrieve", 810),
    jl("org.springframework.web.client.DefaultRestClient$DefaultRequestBodyUriSpec", "exchangeInternal", 468),
)


def read_timeout(caller: tuple[Frame, ...], method: str, url: str) -> tuple[Exc, ...]:
    frames = caller + REST
    return (
        jexc("java.net.SocketTimeoutException", "Read timed out", (*frames, jl("sun.net.www.protocol.http.HttpURLConnection", "getInputStream", 1605), jl("java.net.SocketInputStream", "read", 168), jl("sun.nio.ch.NioSocketImpl", "timedRead", 288))),
        jexc("org.springframework.web.client.ResourceAccessException", f'I/O error on {method} request for "{url}": Read timed out', (*frames, jl("org.springframework.web.client.DefaultRestClient$DefaultRequestBodyUriSpec", "createResourceAccessException", 542))),
    )


TOMCAT_LOGGER = "org.apache.catalina.core.ContainerBase.[Tomcat].[localhost].[/].[dispatcherServlet]"
UNCAUGHT = "Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: <exc>] with root cause"
EXHAUSTED = "Backoff FixedBackOff{interval=0, currentAttempts=10, maxAttempts=9} exhausted for {topic}"
EH = "org.springframework.kafka.listener.DefaultErrorHandler"
NPE_ADDR = 'Cannot invoke "uk.co.inchbrook.orders.customer.Address.postcode()" because "address" is null'

API = {"search": "Inchbrook order-api errors (EKS)", "owner": "ib_sre", "app": "inchbrook_ops"}
WORKER = {"search": "Inchbrook fulfilment-worker errors (EKS)", "owner": "ib_sre", "app": "inchbrook_ops"}
DD_API = {"team": "orders", "monitor": "[order-api] ERROR logs", "filter": "service:order-api status:error env:prod", "format": "lr-logback", "text": "order-api logged errors on {{log.host}}.\n\n{{log.attributes.logger_name}}: {{log.attributes.message}}\n\n```\n{{log.attributes.stack_trace}}\n```"}
DD_WORKER = {"team": "fulfilment", "monitor": "[fulfilment-worker] ERROR logs", "filter": "service:fulfilment-worker status:error env:prod", "format": "lr-logback", "text": "fulfilment-worker: {{log.attributes.message}}\n\n```\n{{log.attributes.stack_trace}}\n```"}
APM = {"team": "orders", "monitor": "order-api error spans by type"}
CRASH_RULE = "Inchbrook Shop: new crash"


def spl(n: int = 1, **opts: object) -> Seen:
    return see("splunk", n, **API, **opts)


def spl_text(part: str, at: int = 0, **opts: object) -> Seen:
    return see("splunk", 1, **API, kind="text", part=part, at=at, **opts)


def spl_w(n: int = 1, **opts: object) -> Seen:
    return see("splunk", n, **WORKER, **opts)


def dd(n: int = 1, **opts: object) -> Seen:
    return see("datadog.log", n, **DD_API, **opts)


def dd_w(n: int = 1, **opts: object) -> Seen:
    return see("datadog.log", n, **DD_WORKER, **opts)


def apm(n: int = 1, **opts: object) -> Seen:
    return see("datadog.apm", n, **APM, **opts)


# --- the iOS app ---
def sw(function: str, file: str, line: int) -> Frame:
    return Frame(function, f"InchbrookShop/{file}", line, "InchbrookShop", True)


def ios(function: str, image: str) -> Frame:
    return Frame(function, image, 0, image.rsplit("/", 1)[-1], False)


UIKIT = "/System/Library/PrivateFrameworks/UIKitCore.framework/UIKitCore"
CF = "/System/Library/Frameworks/CoreFoundation.framework/CoreFoundation"
FOUNDATION = "/System/Library/Frameworks/Foundation.framework/Foundation"
CONCURRENCY = "/usr/lib/swift/libswift_Concurrency.dylib"
MAIN = (
    ios("start", "/usr/lib/dyld"),
    sw("main", "AppDelegate.swift", 14),
    ios("UIApplicationMain", UIKIT),
    ios("GSEventRunModal", "/System/Library/PrivateFrameworks/GraphicsServices.framework/GraphicsServices"),
    ios("CFRunLoopRunSpecific", CF),
    ios("__CFRunLoopRun", CF),
)
TASK = (ios("swift::runJobInEstablishedExecutorContext(swift::Job*)", CONCURRENCY), ios("swift_job_runImpl(swift::Job*, swift::SerialExecutorRef)", CONCURRENCY))
DECODE = (sw("ShopAPI.get<A>(_:as:)", "Networking/ShopAPI.swift", 58), ios("JSONDecoder.decode<A>(_:from:)", FOUNDATION))
REPORTER = sw("ErrorReporter.capture(_:screen:)", "Support/ErrorReporter.swift", 31)
MISSING = "The data couldn\u2019t be read because it is missing. (Code: 4865)"


def handled(*frames: Frame) -> tuple[Frame, ...]:
    return (*MAIN, *TASK, *frames, REPORTER)


BUGS = [
    # One null address, two controllers: checkout and returns (same NPE sentence).
    Bug("lr-checkout-null-address", "order-api", (jexc("java.lang.NullPointerException", NPE_ADDR, (*web("checkout.CheckoutController", "placeOrder", 64), app("checkout.CheckoutService", "quoteDelivery", 112), app("delivery.DeliveryQuoter", "zoneFor", 47))),),
        (see("sentry.error", 2), see("sentry.error", release=2), spl(2), spl_text("head"), spl_text("exc"), spl_text("at", 1), apm(), dd()),
        classes=(1, 3, 4, 5), pair="lr-returns-null-address", log=UNCAUGHT, logger=TOMCAT_LOGGER, entry="POST /api/v1/checkout", span=3, renames={"quoteDelivery": "priceDelivery"}),
    Bug("lr-returns-null-address", "order-api", (jexc("java.lang.NullPointerException", NPE_ADDR, (*web("returns.ReturnsController", "createLabel", 38), app("returns.ReturnLabelService", "senderFor", 71))),),
        (see("sentry.error", 3), spl(2), spl_text("head"), apm(), dd()),
        classes=(1, 3, 4), pair="lr-checkout-null-address", log=UNCAUGHT, logger=TOMCAT_LOGGER, entry="POST /api/v1/orders/{order_id}/returns"),
    # Unique keys on two tables: orders (api) and shipments (worker).
    Bug("lr-order-idempotency-dup", "order-api", duplicate((*web("checkout.CheckoutController", "placeOrder", 64), app("checkout.CheckoutService", "persistOrder", 131)), "orders", "orders_idempotency_key_key", "Key (idempotency_key)=({key}) already exists.", "created_at,customer_id,idempotency_key,status,id"),
        (see("sentry.error", 3), spl(2), spl_text("exc"), apm(), dd()),
        classes=(1, 3, 4, 9), pair="lr-shipment-dup", log=UNCAUGHT, logger=TOMCAT_LOGGER, entry="POST /api/v1/checkout"),
    Bug("lr-shipment-dup", "fulfilment-worker", failed("fulfilment.PickCompletedListener", duplicate((*listen("fulfilment.PickCompletedListener", 42), app("fulfilment.ShipmentService", "open", 58)), "shipments", "shipments_order_id_parcel_no_key", "Key (order_id, parcel_no)=({order}, 1) already exists.", "carrier,order_id,parcel_no,status,id"), listen("fulfilment.PickCompletedListener", 42)),
        (see("sentry.error", 2), spl_w(2), dd_w(2)),
        classes=(1, 3, 4, 9), pair="lr-order-idempotency-dup", log=EXHAUSTED.replace("{topic}", "fulfilment.pick-completed-{part}@{offset}"), logger=EH, entry="fulfilment.pick-completed"),
    # One reserve method, two exceptions.
    Bug("lr-reserve-optimistic", "order-api", (jexc("org.springframework.orm.ObjectOptimisticLockingFailureException", "Row was updated or deleted by another transaction (or unsaved-value mapping was incorrect) : [uk.co.inchbrook.orders.inventory.StockLevel#{id}]", (*web("checkout.CheckoutController", "placeOrder", 64), app("inventory.InventoryService", "reserve", 88), jl("org.springframework.orm.jpa.vendor.HibernateJpaDialect", "convertHibernateAccessException", 325))),),
        (see("sentry.error", 3), spl(2), apm(2), dd()),
        classes=(1, 3, 4), pair="lr-reserve-lock-timeout", log=UNCAUGHT, logger=TOMCAT_LOGGER, entry="POST /api/v1/checkout"),
    Bug("lr-reserve-lock-timeout", "order-api", (jexc("org.springframework.dao.CannotAcquireLockException", "could not execute statement [ERROR: canceling statement due to lock timeout\n  Where: while locking tuple ({n},7) in relation \"stock_levels\"] [update stock_levels set reserved=?,version=? where id=? and version=?]; SQL [update stock_levels set reserved=?,version=? where id=? and version=?]", (*web("checkout.CheckoutController", "placeOrder", 64), app("inventory.InventoryService", "reserve", 93), *JPA_SAVE, *JPA_TRANSLATE)),),
        (see("sentry.error", 2), spl(2), apm(), dd()),
        classes=(1, 3, 4), pair="lr-reserve-optimistic", log=UNCAUGHT, logger=TOMCAT_LOGGER, entry="POST /api/v1/checkout"),
    # One event reader at the end of two listeners.
    Bug("lr-payment-event-amount", "fulfilment-worker", failed("payments.PaymentCapturedListener", (jexc("com.fasterxml.jackson.databind.exc.MismatchedInputException", "Cannot deserialize value of type `java.math.BigDecimal` from Object value (token `JsonToken.START_OBJECT`)\n at [Source: (String)\"{\"orderId\":{order},\"amount\":{\"value\":\"49.00\",\"currency\":\"GBP\"}}\"; line: 1, column: 29] (through reference chain: uk.co.inchbrook.orders.payments.PaymentCaptured[\"amount\"])", (*listen("payments.PaymentCapturedListener", 29), app("events.EventReader", "read", 22), jl("com.fasterxml.jackson.databind.ObjectMapper", "readValue", 3811), jl("com.fasterxml.jackson.databind.DeserializationContext", "handleUnexpectedToken", 1767))),), listen("payments.PaymentCapturedListener", 29)),
        (see("sentry.error", 3), spl_w(2), dd_w()),
        classes=(1, 3, 4, 9), pair="lr-return-event-reason", log=EXHAUSTED.replace("{topic}", "payments.captured-{part}@{offset}"), logger=EH, entry="payments.captured"),
    Bug("lr-return-event-reason", "fulfilment-worker", failed("returns.ReturnReceivedListener", (jexc("com.fasterxml.jackson.databind.exc.InvalidFormatException", "Cannot deserialize value of type `uk.co.inchbrook.orders.returns.ReturnReason` from String \"WRONG_COLOUR\": not one of the values accepted for Enum class: [DAMAGED, TOO_SMALL, TOO_LARGE, CHANGED_MIND, NOT_AS_DESCRIBED]\n at [Source: (String)\"{\"orderId\":{order},\"reason\":\"WRONG_COLOUR\"}\"; line: 1, column: 27] (through reference chain: uk.co.inchbrook.orders.returns.ReturnReceived[\"reason\"])", (*listen("returns.ReturnReceivedListener", 33), app("events.EventReader", "read", 22), jl("com.fasterxml.jackson.databind.ObjectMapper", "readValue", 3811), jl("com.fasterxml.jackson.databind.DeserializationContext", "handleWeirdStringValue", 1960))),), listen("returns.ReturnReceivedListener", 33)),
        (see("sentry.error", 2), spl_w(2), dd_w()),
        classes=(1, 3, 4, 9), pair="lr-payment-event-amount", log=EXHAUSTED.replace("{topic}", "returns.received-{part}@{offset}"), logger=EH, entry="returns.received"),
    # Read timeouts of the parcel broker from the api and the worker.
    Bug("lr-rates-timeout", "order-api", read_timeout((*web("checkout.DeliveryOptionsController", "options", 27), app("delivery.ParcelBrokerClient", "rates", 54)), "POST", "https://api.parcelbroker.example/v2/rates"),
        (see("sentry.error", 2), spl(2), apm(), dd()),
        classes=(1, 3, 7, 9), pair="lr-label-timeout", log=UNCAUGHT, logger=TOMCAT_LOGGER, entry="GET /api/v1/basket/{basket_id}/delivery-options"),
    Bug("lr-label-timeout", "fulfilment-worker", failed("fulfilment.PackedListener", read_timeout((*listen("fulfilment.PackedListener", 36), app("delivery.ParcelBrokerClient", "label", 77)), "POST", "https://api.parcelbroker.example/v2/labels"), listen("fulfilment.PackedListener", 36)),
        (see("sentry.error", 3), spl_w(2), dd_w()),
        classes=(1, 3, 7, 9), pair="lr-rates-timeout", log=EXHAUSTED.replace("{topic}", "fulfilment.packed-{part}@{offset}"), logger=EH, entry="fulfilment.packed"),
    # The app: one decode helper, two screens.
    Bug("lr-ios-basket-decode", "shop-ios", (Exc("NSCocoaErrorDomain", MISSING, handled(sw("BasketViewModel.reload()", "Basket/BasketViewModel.swift", 44), *DECODE)),),
        (see("sentry.error", 3), see("posthog", 3)),
        classes=(4, 9), pair="lr-ios-orders-decode", handled=True, page="BasketViewController"),
    Bug("lr-ios-orders-decode", "shop-ios", (Exc("NSCocoaErrorDomain", MISSING, handled(sw("OrderHistoryViewModel.load(page:)", "Orders/OrderHistoryViewModel.swift", 61), *DECODE)),),
        (see("sentry.error", 2), see("posthog", 2)),
        classes=(4, 9), pair="lr-ios-basket-decode", handled=True, page="OrderHistoryViewController"),
    # Not pairs.
    Bug("lr-hikari-exhausted", "order-api", spring_no_connection((*web("catalogue.ProductController", "product", 41), app("catalogue.ProductService", "bySlug", 33)), "total=20, active=20, idle=0, waiting={waiting}"),
        (see("sentry.error", 3), spl(3), spl_text("head"), apm(2), dd(2)),
        classes=(1, 2, 3, 7), log=UNCAUGHT, logger=TOMCAT_LOGGER, entry="GET /api/v1/products/{slug}"),
    Bug("lr-ios-size-picker-crash", "shop-ios", (Exc("EXC_BREAKPOINT", "Fatal error: Index out of range", (*MAIN, ios("-[UICollectionView _selectItemAtIndexPath:animated:scrollPosition:notifyDelegate:deselectPrevious:performCustomSelectionAction:]", UIKIT), sw("SizePickerView.collectionView(_:didSelectItemAt:)", "Product/SizePickerView.swift", 88), ios("_assertionFailure(_:_:file:line:flags:)", "/usr/lib/swift/libswiftCore.dylib"))),),
        (see("sentry.error", 2), see("sentry.error", release=2, raw=True), see("sentry.alert", rule=CRASH_RULE)),
        classes=(2, 10)),
    Bug("lr-orders-topic-metadata", "order-api", (jexc("org.apache.kafka.common.errors.TimeoutException", "Topic orders.placed not present in metadata after 60000 ms.", (*web("checkout.CheckoutController", "placeOrder", 64), app("checkout.OrderEvents", "placed", 28), jl("org.springframework.kafka.core.KafkaTemplate", "send", 528), jl("org.apache.kafka.clients.producer.KafkaProducer", "send", 990), jl("org.apache.kafka.clients.producer.KafkaProducer", "waitOnMetadata", 1179))),),
        (see("sentry.error", 2), spl(2), spl_text("head"), apm(), dd()),
        classes=(1, 3, 7), log=UNCAUGHT, logger=TOMCAT_LOGGER, entry="POST /api/v1/checkout"),
    Bug("lr-singleton-vat-scale", "order-api", (jexc("java.lang.ArithmeticException", "Rounding necessary", (*web("checkout.CheckoutController", "placeOrder", 64), app("pricing.VatCalculator", "vatOf", 39), jl("java.math.BigDecimal", "setScale", 2944))),),
        (see("sentry.error"),),
        singleton=True, log=UNCAUGHT, logger=TOMCAT_LOGGER, entry="POST /api/v1/checkout"),
]

NOISE = [
    Noise("lr-noise-api-recovered", "order-api", "datadog.log", {"monitor": "[order-api] ERROR logs", "transition": "Recovered", "alert_type": "success", "team": "orders", "filter": "service:order-api status:error env:prod", "text": "order-api is no longer logging errors."}),
    Noise("lr-noise-worker-started", "fulfilment-worker", "splunk", {**WORKER, "line": "{\"time\":\"{ts}\",\"stream\":\"stdout\",\"_p\":\"F\",\"log\":\"{\\\"@timestamp\\\":\\\"{tsnaive}\\\",\\\"@version\\\":\\\"1\\\",\\\"message\\\":\\\"Started FulfilmentWorkerApplication in 11.204 seconds (process running for 12.118)\\\",\\\"logger_name\\\":\\\"uk.co.inchbrook.orders.FulfilmentWorkerApplication\\\",\\\"thread_name\\\":\\\"main\\\",\\\"level\\\":\\\"INFO\\\",\\\"level_value\\\":20000}\",\"kubernetes\":{\"namespace_name\":\"inchbrook\",\"container_name\":\"fulfilment-worker\"}}"}),
]

NOISE.append(Noise("lr-noise-canary-started", "order-api", "splunk", {**API, "line": "{\"time\":\"{ts}\",\"stream\":\"stdout\",\"_p\":\"F\",\"log\":\"{tsms} INFO 1 --- [order-api] [           main] u.c.i.orders.OrderApiApplication         : Started OrderApiApplication in 9.873 seconds (process running for 10.6)\",\"kubernetes\":{\"namespace_name\":\"inchbrook\",\"container_name\":\"order-api\"}}"}))

INCHBROOK = Company(
    key="lr",
    name="Inchbrook Outfitters",
    domain="inchbrook.example",
    sentry_org="inchbrook",
    splunk_url="https://inchbrook.splunkcloud.com",
    splunk_guid="0C7E4A92-5B13-4F6D-8E21-A9D3B6C4F580",
    datadog_org=("1091001", "Inchbrook Outfitters"),
    datadog_template="recommended",
    posthog_project=(109101, "Inchbrook Shop iOS"),
    releases=("2026.10.0", "2026.10.1", "2026.11.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="inchbrook-sentry-client-secret",
)
# fmt: on
