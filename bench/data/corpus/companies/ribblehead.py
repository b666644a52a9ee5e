"""(cy) Ribblehead Growers, a marketplace for farm produce boxes: a Kotlin API on Ktor 2.3
with the Netty engine (``market-api``: baskets, orders, reviews, farms; Exposed's DAO and DSL
over PostgreSQL in ``newSuspendedTransaction(Dispatchers.IO)``, a Ktor client to the payment
provider and the courier) and the shoppers' iOS app in Swift/SwiftUI (``shop-ios``).
The API logs with the logback.xml Ktor's generator writes (``%d{YYYY-MM-dd HH:mm:ss.SSS}
[%thread] %-5level %logger{36} - %msg%n``): Ktor's own ``Unhandled: <METHOD> - <uri>`` for
an exception no StatusPages handler took, Exposed's ``Transaction attempt #n failed`` warning
with the statement. Sentry: sentry-kotlin-extensions over the Java SDK on the API,
sentry-cocoa on the app (crashes, and one build shipped without dSYMs); posthog-ios's
``captureException`` in the app's error reporter. Splunk saved searches over the API's log.
No Datadog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import jexc, jl, ktlib

# The tables keep one frame or delivery per line.
# fmt: off
APP_RELEASES = ("com.ribblehead.shop@4.8.0+480", "com.ribblehead.shop@4.8.1+486", "com.ribblehead.shop@4.9.0+501")
SDK = ("sentry.java", "7.18.1", "maven:io.sentry:sentry")
SERVICES = {
    "market-api": Service("market-api", "java", "cy-ktor", "ribblehead:ktor", "/var/log/ribblehead/market-api.log", "rh_api", 6610021, "OpenJDK 17.0.12", framework="ktor", sdk=SDK),
    "shop-ios": Service("shop-ios", "cocoa", "", "", "", "", 6610024, sdk=("sentry.cocoa", "8.36.0", "spm:sentry-cocoa"), releases=APP_RELEASES),
}
API = "com.ribblehead.api"


def k(cls: str, method: str, line: int, file: str) -> Frame:
    """The API's own Kotlin: files named after the source, not the (synthetic) class."""
    return Frame(method, file, line, f"{API}.{cls}", True)


# A route handler resumed on Ktor's Netty event loop (oldest first).
KTOR = (
    jl("java.lang.Thread", "run", 1583),
    ktlib("io.netty.util.concurrent.FastThreadLocalRunnable", "run", 30, "FastThreadLocalRunnable.java"),
    ktlib("io.netty.util.concurrent.SingleThreadEventExecutor$4", "run", 997, "SingleThreadEventExecutor.java"),
    ktlib("io.netty.channel.nio.NioEventLoop", "run", 566, "NioEventLoop.java"),
    ktlib("io.netty.util.concurrent.AbstractEventExecutor", "safeExecute", 173, "AbstractEventExecutor.java"),
    ktlib("kotlinx.coroutines.DispatchedTask", "run", 108, "DispatchedTask.kt"),
    ktlib("kotlin.coroutines.jvm.internal.BaseContinuationImpl", "resumeWith", 33, "ContinuationImpl.kt"),
)
# newSuspendedTransaction on Dispatchers.IO: the statement's frames after the app's.
IO = (
    ktlib("kotlinx.coroutines.scheduling.CoroutineScheduler$Worker", "run", 749, "CoroutineScheduler.kt"),
    ktlib("kotlinx.coroutines.scheduling.CoroutineScheduler$Worker", "runWorker", 802, "CoroutineScheduler.kt"),
    ktlib("kotlinx.coroutines.DispatchedTask", "run", 108, "DispatchedTask.kt"),
    ktlib("kotlin.coroutines.jvm.internal.BaseContinuationImpl", "resumeWith", 33, "ContinuationImpl.kt"),
    ktlib("org.jetbrains.exposed.sql.transactions.experimental.SuspendedKt$suspendedTransactionAsyncInternal$1", "invokeSuspend", 138, "Suspended.kt"),
)
EXPOSED_EXEC = (
    ktlib("org.jetbrains.exposed.sql.Transaction", "exec", 141, "Transaction.kt"),
    ktlib("org.jetbrains.exposed.sql.statements.Statement", "execute", 42, "Statement.kt"),
    ktlib("org.jetbrains.exposed.sql.statements.Statement", "executeIn$exposed_core", 63, "Statement.kt"),
)
PG = (
    jl("org.postgresql.jdbc.PgPreparedStatement", "executeUpdate", 152),
    jl("org.postgresql.jdbc.PgStatement", "executeInternal", 516),
    jl("org.postgresql.core.v3.QueryExecutorImpl", "receiveErrorResponse", 2725),
)
FIND_BY_ID = ktlib("org.jetbrains.exposed.dao.EntityClass", "get", 49, "EntityClass.kt")
JSON_DECODE = (
    ktlib("io.ktor.client.call.HttpClientCall", "bodyNullable", 89, "HttpClientCall.kt"),
    ktlib("io.ktor.serialization.kotlinx.KotlinxSerializationConverter", "deserialize", 69, "KotlinxSerializationConverter.kt"),
    ktlib("kotlinx.serialization.json.internal.AbstractJsonLexer", "fail", 598, "AbstractJsonLexer.kt"),
)
DEADLOCK = "ERROR: deadlock detected\n  Detail: Process {pid} waits for ShareLock on transaction {id}; blocked by process {n}1.\nProcess {n}1 waits for ShareLock on transaction {order}; blocked by process {pid}.\n  Hint: See server log for query details.\n  Where: while updating tuple ({idx},{n}) in relation \"delivery_slots\""
HTML_BODY = "Unexpected JSON token at offset 0: Expected start of the object '{', but had '<' instead at path: $\nJSON input: <html>\n<head><title>502 Bad Gateway</title></head>\n<body>....."


def exposed_unique(app: tuple[Frame, ...], constraint: str, detail: str) -> tuple[Exc, ...]:
    cause = f'ERROR: duplicate key value violates unique constraint "{constraint}"\n  Detail: {detail}'
    return (
        jexc("org.postgresql.util.PSQLException", cause, (*IO, *app, *EXPOSED_EXEC, *PG)),
        jexc("org.jetbrains.exposed.exceptions.ExposedSQLException", f"org.postgresql.util.PSQLException: {cause}", (*IO, *app, *EXPOSED_EXEC)),
    )


# sentry-cocoa frames: the app's Swift code, and system images named by path.
def sw(function: str, file: str, line: int) -> Frame:
    return Frame(function, file, line, "RibbleheadShop", True)


def ios(function: str, image: str) -> Frame:
    return Frame(function, image, 0, image.rsplit("/", 1)[-1], False)


UIKIT = "/System/Library/PrivateFrameworks/UIKitCore.framework/UIKitCore"
CF = "/System/Library/Frameworks/CoreFoundation.framework/CoreFoundation"
SWIFTUI = "/System/Library/Frameworks/SwiftUI.framework/SwiftUI"
SWIFT_CORE = "/usr/lib/swift/libswiftCore.dylib"
CONCURRENCY = "/usr/lib/swift/libswift_Concurrency.dylib"
MAIN_LOOP = (
    ios("start", "/usr/lib/dyld"),
    sw("static RibbleheadShopApp.$main()", "RibbleheadShop/App/RibbleheadShopApp.swift", 9),
    ios("UIApplicationMain", UIKIT),
    ios("GSEventRunModal", "/System/Library/PrivateFrameworks/GraphicsServices.framework/GraphicsServices"),
    ios("CFRunLoopRunSpecific", CF),
    ios("__CFRunLoopRun", CF),
)
TAP = (*MAIN_LOOP, ios("-[UIApplication sendEvent:]", UIKIT), ios("ButtonAction.callAsFunction()", SWIFTUI))
LIST_CELL = (*MAIN_LOOP, ios("-[UICollectionView _updateVisibleCellsNow:]", UIKIT), ios("ForEach.body.getter", SWIFTUI))
TRAP = ios("_assertionFailure(_:_:file:line:flags:)", SWIFT_CORE)
UNWRAP = "Fatal error: Unexpectedly found nil while unwrapping an Optional value"
REPORTER = sw("ErrorReporter.capture(_:screen:)", "RibbleheadShop/Support/ErrorReporter.swift", 31)
TASK = (
    ios("swift::runJobInEstablishedExecutorContext(swift::Job*)", CONCURRENCY),
    ios("swift_job_runImpl(swift::Job*, swift::SerialExecutorRef)", CONCURRENCY),
)
MISSING = "The data couldn\u2019t be read because it is missing. (Code: 4865)"

API_SEARCH = {"search": "market-api unhandled"}
EXPOSED_SEARCH = {"search": "market-api exposed failures", "format": "cy-exposed"}

BUGS = [
    # Kotlin's `!!` on two nulls: no message, only the frame tells them apart.
    Bug("cy-order-total-npe", "market-api", (Exc("NullPointerException", "", (*KTOR, k("routes.OrderRoutesKt$orderRoutes$1$2", "invokeSuspend", 44, "OrderRoutes.kt"), k("orders.OrderService", "total", 88, "OrderService.kt")), module="java.lang"),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **API_SEARCH)),
        classes=(4,), pair="cy-basket-merge-npe", entry="POST /api/v1/orders", span=2),
    Bug("cy-basket-merge-npe", "market-api", (Exc("NullPointerException", "", (*KTOR, k("routes.BasketRoutesKt$basketRoutes$1$3", "invokeSuspend", 61, "BasketRoutes.kt"), k("basket.BasketService", "merge", 117, "BasketService.kt")), module="java.lang"),),
        (see("sentry.error", 2), see("sentry.alert", rule="market-api: new issue"), see("splunk", 2, **API_SEARCH)),
        classes=(4,), pair="cy-order-total-npe", entry="PUT /api/v1/basket"),
    # One constraint per table: a retried order, a second review of one product.
    Bug("cy-order-idempotency-unique", "market-api", exposed_unique((k("orders.OrderRepository$create$2", "invokeSuspend", 36, "OrderRepository.kt"), k("orders.OrderRepository", "insertOrder", 52, "OrderRepository.kt")), "orders_idempotency_key_key", "Key (idempotency_key)=({uuid}) already exists."),
        (see("sentry.error", 3), see("splunk", 2, stmt="INSERT INTO orders (basket_id, customer_id, idempotency_key, total) VALUES ({id}, {user}, '{uuid}', 42.50)", **EXPOSED_SEARCH), see("splunk", **API_SEARCH)),
        classes=(4,), pair="cy-review-unique", entry="POST /api/v1/orders"),
    Bug("cy-review-unique", "market-api", exposed_unique((k("reviews.ReviewRepository$add$2", "invokeSuspend", 24, "ReviewRepository.kt"), k("reviews.ReviewRepository", "insertReview", 41, "ReviewRepository.kt")), "reviews_customer_id_product_id_key", "Key (customer_id, product_id)=({user}, {id}) already exists."),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, stmt="INSERT INTO reviews (customer_id, product_id, rating, body) VALUES ({user}, {id}, 5, 'Lovely veg')", **EXPOSED_SEARCH)),
        classes=(4,), pair="cy-order-idempotency-unique", entry="POST /api/v1/products/{id}/reviews"),
    # Exposed's DAO lookup by id: a product (catalogue route) and a farm (farm page).
    Bug("cy-product-notfound", "market-api", (jexc("org.jetbrains.exposed.dao.exceptions.EntityNotFoundException", "Entity Product, id={id} not found in the database", (*KTOR, k("routes.ProductRoutesKt$productRoutes$1$1", "invokeSuspend", 27, "ProductRoutes.kt"), k("catalogue.ProductService$find$2", "invokeSuspend", 19, "ProductService.kt"), FIND_BY_ID)),),
        (see("sentry.error", 3), see("splunk", 2, **API_SEARCH)),
        classes=(4,), pair="cy-farm-notfound", entry="GET /api/v1/products/{id}"),
    Bug("cy-farm-notfound", "market-api", (jexc("org.jetbrains.exposed.dao.exceptions.EntityNotFoundException", "Entity Farm, id={id} not found in the database", (*KTOR, k("routes.FarmRoutesKt$farmRoutes$1$2", "invokeSuspend", 33, "FarmRoutes.kt"), k("farms.FarmService$page$2", "invokeSuspend", 45, "FarmService.kt"), FIND_BY_ID)),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 2, **API_SEARCH)),
        classes=(4, 5), pair="cy-product-notfound", entry="GET /api/v1/farms/{id}", span=3, renames={"page": "farmPage"}),
    # A gateway's HTML error page where JSON was expected: the courier quote and the payment refund.
    Bug("cy-courier-html", "market-api", (jexc("kotlinx.serialization.json.internal.JsonDecodingException", HTML_BODY, (*KTOR, k("routes.CheckoutRoutesKt$checkoutRoutes$1$1", "invokeSuspend", 40, "CheckoutRoutes.kt"), k("delivery.CourierClient", "quote", 58, "CourierClient.kt"), *JSON_DECODE)),),
        (see("sentry.error", 3), see("splunk", 2, **API_SEARCH)),
        classes=(4, 9), pair="cy-refund-html", entry="POST /api/v1/checkout/quote"),
    Bug("cy-refund-html", "market-api", (jexc("kotlinx.serialization.json.internal.JsonDecodingException", HTML_BODY, (*KTOR, k("routes.OrderRoutesKt$orderRoutes$1$5", "invokeSuspend", 97, "OrderRoutes.kt"), k("payments.PaymentClient", "refund", 73, "PaymentClient.kt"), *JSON_DECODE)),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", **API_SEARCH)),
        classes=(4, 9), pair="cy-courier-html", entry="POST /api/v1/orders/{id}/refund"),
    # The payment provider not answering within the client's 10 s.
    Bug("cy-payment-timeout", "market-api", (jexc("io.ktor.client.plugins.HttpRequestTimeoutException", "Request timeout has expired [url=https://api.payments.example/v1/payment_intents, request_timeout=10000 ms]", (*KTOR, k("routes.OrderRoutesKt$orderRoutes$1$2", "invokeSuspend", 51, "OrderRoutes.kt"), k("payments.PaymentClient", "createIntent", 39, "PaymentClient.kt"), ktlib("io.ktor.client.plugins.HttpTimeoutKt", "HttpRequestTimeoutException", 218, "HttpTimeout.kt"))),),
        (see("sentry.error", 3), see("sentry.alert", rule="market-api: payments"), see("splunk", 2, **API_SEARCH)),
        entry="POST /api/v1/orders"),
    # Two checkouts reserving one delivery slot row in opposite order.
    Bug("cy-slot-deadlock", "market-api", (jexc("org.postgresql.util.PSQLException", DEADLOCK, (*IO, k("slots.SlotRepository$reserve$2", "invokeSuspend", 31, "SlotRepository.kt"), *EXPOSED_EXEC, *PG)), jexc("org.jetbrains.exposed.exceptions.ExposedSQLException", f"org.postgresql.util.PSQLException: {DEADLOCK}", (*IO, k("slots.SlotRepository$reserve$2", "invokeSuspend", 31, "SlotRepository.kt"), *EXPOSED_EXEC))),
        (see("sentry.error", 3), see("splunk", 3, stmt="UPDATE delivery_slots SET remaining=remaining - 1 WHERE delivery_slots.id = {id}", **EXPOSED_SEARCH)),
        entry="POST /api/v1/checkout/slot"),
    # Seen once: a courier webhook whose signature header was cut short by a proxy.
    Bug("cy-courier-webhook-base64", "market-api", (jexc("java.lang.IllegalArgumentException", "Last unit does not have enough valid bits", (*KTOR, k("routes.CourierWebhookRoutesKt$courierWebhook$1$1", "invokeSuspend", 22, "CourierWebhookRoutes.kt"), k("delivery.WebhookSignature", "verify", 17, "WebhookSignature.kt"), jl("java.util.Base64$Decoder", "decode", 566), jl("java.util.Base64$Decoder", "decode0", 870))),),
        (see("sentry.error"),),
        singleton=True, entry="POST /webhooks/courier"),
    # iOS crashes: one force unwrap on two screens; the 4.9.0 build shipped without its dSYMs.
    Bug("cy-ios-checkout-unwrap", "shop-ios", (Exc("EXC_BREAKPOINT", UNWRAP, (*TAP, sw("closure #3 in CheckoutView.body.getter", "RibbleheadShop/Checkout/CheckoutView.swift", 84), sw("CheckoutModel.placeOrder()", "RibbleheadShop/Checkout/CheckoutModel.swift", 57), TRAP)),),
        (see("sentry.error", release=0), see("sentry.error", 2, release=1), see("sentry.error", 2, release=2, raw=True), see("sentry.issue", release=1)),
        classes=(4, 10), pair="cy-ios-slot-unwrap", span=3),
    Bug("cy-ios-slot-unwrap", "shop-ios", (Exc("EXC_BREAKPOINT", UNWRAP, (*TAP, sw("closure #1 in DeliverySlotPicker.body.getter", "RibbleheadShop/Checkout/DeliverySlotPicker.swift", 39), sw("SlotModel.select(_:)", "RibbleheadShop/Checkout/SlotModel.swift", 22), TRAP)),),
        (see("sentry.error", 2, release=1), see("sentry.alert", release=1, rule="New crash in the shop app")),
        classes=(4,), pair="cy-ios-checkout-unwrap"),
    # Handled decoding errors through one reporter: the basket and the order history.
    Bug("cy-ios-basket-decoding", "shop-ios", (Exc("DecodingError", MISSING, (*MAIN_LOOP, *TASK, sw("BasketStore.load()", "RibbleheadShop/Basket/BasketStore.swift", 48), REPORTER), module="Swift"),),
        (see("posthog", 4),),
        classes=(9,), pair="cy-ios-history-decoding", handled=True, page="BasketView", span=2),
    Bug("cy-ios-history-decoding", "shop-ios", (Exc("DecodingError", MISSING, (*MAIN_LOOP, *TASK, sw("OrderHistoryStore.refresh()", "RibbleheadShop/Orders/OrderHistoryStore.swift", 71), REPORTER), module="Swift"),),
        (see("posthog", 3),),
        classes=(9,), pair="cy-ios-basket-decoding", handled=True, page="OrderHistoryView"),
    # An index past the end of the seasonal carousel.
    Bug("cy-ios-carousel-index", "shop-ios", (Exc("EXC_BREAKPOINT", "Fatal error: Index out of range", (*LIST_CELL, sw("SeasonalCarousel.card(at:)", "RibbleheadShop/Home/SeasonalCarousel.swift", 66), ios("Array.subscript.getter", SWIFT_CORE), TRAP)),),
        (see("sentry.error", 2, release=2), see("sentry.error", release=2, raw=True), see("sentry.issue", release=2)),
        classes=(6, 10)),
    # Photo upload of a review timing out, handled and reported (PostHog) and as a Sentry error.
    Bug("cy-ios-photo-timeout", "shop-ios", (Exc("NSURLErrorDomain", "The request timed out. (Code: -1001)", (*MAIN_LOOP, *TASK, sw("ReviewPhotoUploader.upload(_:)", "RibbleheadShop/Reviews/ReviewPhotoUploader.swift", 42), REPORTER)),),
        (see("posthog", 2), see("sentry.error", 2, release=1)),
        classes=(9,), handled=True, page="WriteReviewView"),
]

NOISE = [
    Noise("cy-noise-ktor-started", "market-api", "splunk", {**API_SEARCH, "line": "{gts}.{millis} [main] INFO  ktor.application - Application started in 0.{n}1 seconds."}),
    Noise("cy-noise-crashfree", "shop-ios", "sentry.metric", {"rule": "Shop app crash-free sessions", "aggregate": "percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate", "dataset": "metrics", "action": "resolved", "value": "99.{n}"}),
    Noise("cy-noise-ktor-responding", "market-api", "splunk", {**API_SEARCH, "line": "{gts}.{millis} [DefaultDispatcher-worker-1] INFO  ktor.application - Responding at http://0.0.0.0:8080"}),
]

RIBBLEHEAD = Company(
    key="cy",
    name="Ribblehead Growers",
    domain="ribblehead.example",
    sentry_org="ribblehead",
    splunk_url="https://ribblehead.splunkcloud.com",
    splunk_guid="B3E81D5A-0C62-4F97-8A14-2D9F6E7C05B8",
    datadog_org=("661024", "Ribblehead Growers"),
    datadog_template="recommended",
    posthog_project=(66102, "Ribblehead Shop iOS"),
    releases=("2026.3.0", "2026.3.1", "2026.3.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="ribblehead-sentry-client-secret",
)
# fmt: on
