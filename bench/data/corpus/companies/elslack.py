"""(ep) Elslack Orchard, a farm shop's click-and-collect app: a Kotlin Android app
(``shop-android``, Jetpack Navigation fragments, coroutines in ViewModels, R8 on release builds),
its iOS twin in Swift (``shop-ios``, SwiftUI) and a Firebase backend: Firestore plus Cloud
Functions (2nd gen) in TypeScript compiled to ``lib/`` on Node 20 (``functions``: Firestore
triggers, callables, a Stripe webhook, a nightly scheduled export).

Sentry: sentry-android (mapping uploaded), sentry-cocoa, @sentry/google-cloud-serverless in
the functions. PostHog: posthog-android and posthog-ios exception capture, both apps' own
catches included. Splunk: Cloud Logging's export (a log sink to Pub/Sub, the Dataflow
template to HEC) of whole ``LogEntry`` records: ``firebase-functions/logger``'s
``jsonPayload.message`` and the Functions Framework's ``textPayload`` for uncaught errors.
No Datadog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import jexc, jl, kt, nd

# The tables keep one frame or delivery per line.
# fmt: off
APP = "com.elslack.orchard"
IOS_RELEASES = ("com.elslack.orchard@2.4.0+240", "com.elslack.orchard@2.4.1+243", "com.elslack.orchard@2.5.0+250")
SERVICES = {
    "functions": Service("functions", "node", "ep-gcf-logger", "google:gcp:pubsub:message", "projects/ep-orchard-prod/subscriptions/splunk-export", "gcp_logs", 7010051, "node v20.17.0", framework="gcpfunction", sdk=("sentry.javascript.google-cloud-serverless", "8.35.0", "npm:@sentry/google-cloud-serverless")),
    "shop-android": Service("shop-android", "java", "", "", "", "", 7010054, framework="android", sdk=("sentry.java.android", "7.18.1", "maven:io.sentry:sentry-android-core"), releases=(f"{APP}@2.4.0+2400", f"{APP}@2.4.1+2401", f"{APP}@2.5.0+2500")),
    "shop-ios": Service("shop-ios", "cocoa", "", "", "", "", 7010057, sdk=("sentry.cocoa", "8.38.0", "spm:sentry-cocoa"), releases=IOS_RELEASES),
}

# --- Cloud Functions ------------------------------------------------------------------------
FF = "node_modules/@google-cloud/functions-framework/build/src/"
FB = "node_modules/firebase-functions/lib/"
TICKS = nd("node:internal/process/task_queues", "process.processTicksAndRejections", 95, 5, lib=True)
TRIGGER = (
    nd(FF + "function_wrappers.js", "", 100, 29, lib=True),
    nd(FB + "common/onInit.js", "", 33, 16, lib=True, awaited=True),
    nd(FB + "v2/providers/firestore.js", "func", 299, 28, lib=True, awaited=True),
)
CALLABLE = (
    TICKS,
    nd(FB + "common/providers/https.js", "", 544, 26, lib=True, awaited=True),
    nd(FB + "common/onInit.js", "", 33, 16, lib=True, awaited=True),
)
# Firestore's gRPC errors: the status from grpc-js, then the caller through the async frame.
GRPC = (
    nd("node_modules/@grpc/grpc-js/build/src/resolving-call.js", "", 129, 78, lib=True),
    nd("node_modules/@grpc/grpc-js/build/src/client.js", "Object.onReceiveStatus", 193, 76, lib=True),
    nd("node_modules/@grpc/grpc-js/build/src/call.js", "callErrorFromStatus", 31, 19, lib=True),
)
COMMIT = (
    nd("node_modules/@google-cloud/firestore/build/src/write-batch.js", "WriteBatch.commit", 438, 23, lib=True, awaited=True),
    nd("node_modules/@google-cloud/firestore/build/src/reference.js", "DocumentReference.update", 433, 14, lib=True, awaited=True),
)


def fn(file: str, function: str, line: int, col: int) -> Frame:
    return nd(f"lib/{file}", function, line, col, awaited=True)


def grpc(code: str, msg: str, *callers: Frame) -> tuple[Exc, ...]:
    return (Exc("Error", f"{code}: {msg}", (*callers, *COMMIT, *GRPC)),)


LOGS = {"search": "orchard - function errors"}
UNCAUGHT = {"search": "orchard - function errors", "format": "ep-gcf-uncaught"}
UNDEF = "Cannot read properties of undefined (reading 'price')"

# --- Android --------------------------------------------------------------------------------
MAIN = (
    jl("com.android.internal.os.ZygoteInit", "main", 947),
    jl("com.android.internal.os.RuntimeInit$MethodAndArgsCaller", "run", 548),
    jl("android.app.ActivityThread", "main", 8177),
    jl("android.os.Looper", "loop", 288),
    jl("android.os.Looper", "loopOnce", 201),
    jl("android.os.Handler", "dispatchMessage", 106),
)
COROUTINE = (
    *MAIN,
    jl("kotlinx.coroutines.DispatchedTask", "run", 108),
    jl("kotlin.coroutines.jvm.internal.BaseContinuationImpl", "resumeWith", 33),
)
CLICK = (
    *MAIN,
    jl("android.os.Handler", "handleCallback", 958),
    jl("android.view.View$PerformClick", "run", 30174),
    jl("android.view.View", "performClick", 7659),
)
LIFECYCLE = (
    *MAIN,
    jl("androidx.fragment.app.FragmentStateManager", "moveToExpectedState", 262),
    jl("androidx.fragment.app.Fragment", "performViewCreated", 3128),
)
PH_ANDROID = {"in_app_prefix": APP}


# --- iOS ------------------------------------------------------------------------------------
def sw(function: str, file: str, line: int) -> Frame:
    return Frame(function, f"ElslackOrchard/{file}", line, "ElslackOrchard", True)


def ios(function: str, image: str) -> Frame:
    return Frame(function, image, 0, image.rsplit("/", 1)[-1], False)


UIKIT = "/System/Library/PrivateFrameworks/UIKitCore.framework/UIKitCore"
CF = "/System/Library/Frameworks/CoreFoundation.framework/CoreFoundation"
SWIFTUI = "/System/Library/Frameworks/SwiftUI.framework/SwiftUI"
IOS_MAIN = (
    ios("start", "/usr/lib/dyld"),
    sw("static ElslackOrchardApp.$main()", "App/ElslackOrchardApp.swift", 9),
    ios("UIApplicationMain", UIKIT),
    ios("CFRunLoopRunSpecific", CF),
    ios("__CFRunLoopRun", CF),
    ios("_dispatch_main_queue_drain", "/usr/lib/system/libdispatch.dylib"),
)
TAP = (*IOS_MAIN, ios("-[UIApplication sendEvent:]", UIKIT), ios("ButtonAction.callAsFunction()", SWIFTUI))
TRAP = ios("_assertionFailure(_:_:file:line:flags:)", "/usr/lib/swift/libswiftCore.dylib")
UNWRAP = "Fatal error: Unexpectedly found nil while unwrapping an Optional value"
TASK = (
    *IOS_MAIN,
    ios("swift::runJobInEstablishedExecutorContext(swift::Job*)", "/usr/lib/swift/libswift_Concurrency.dylib"),
)
REPORTER = sw("ErrorReporter.capture(_:screen:)", "Support/ErrorReporter.swift", 31)


BUGS = [
    # Functions: one undefined product price read in a Firestore trigger and in a callable.
    Bug("ep-fn-order-price-undefined", "functions", (Exc("TypeError", UNDEF, (*TRIGGER, fn("orders/onOrderCreated.js", "", 28, 31), fn("orders/totals.js", "lineTotal", 14, 35))),),
        (see("sentry.error", 4), see("splunk", 2, **LOGS), see("splunk", **UNCAUGHT)),
        classes=(4, 5), pair="ep-fn-basket-price-undefined", log="onOrderCreated failed", entry="onOrderCreated", span=2, renames={"lineTotal": "lineTotalPence"}),
    Bug("ep-fn-basket-price-undefined", "functions", (Exc("TypeError", UNDEF, (*CALLABLE, fn("basket/validateBasket.js", "", 41, 22), fn("basket/stock.js", "checkLine", 19, 27))),),
        (see("sentry.error", 3), see("splunk", 2, **LOGS), see("splunk", **UNCAUGHT)),
        classes=(4,), pair="ep-fn-order-price-undefined", log="validateBasket failed", entry="validateBasket"),
    # Firestore NOT_FOUND on update(): the document path is the only difference.
    Bug("ep-fn-stock-doc-missing", "functions", grpc("5 NOT_FOUND", "No document to update: projects/ep-orchard-prod/databases/(default)/documents/stock/{sku}", *TRIGGER, fn("orders/onOrderCreated.js", "", 35, 9), fn("stock/decrement.js", "decrementStock", 22, 10)),
        (see("sentry.error", 3), see("splunk", 3, **LOGS), see("sentry.issue")),
        classes=(4,), pair="ep-fn-loyalty-doc-missing", log="onOrderCreated failed", entry="onOrderCreated"),
    Bug("ep-fn-loyalty-doc-missing", "functions", grpc("5 NOT_FOUND", "No document to update: projects/ep-orchard-prod/databases/(default)/documents/loyalty/{uuid}", *TRIGGER, fn("loyalty/onOrderCollected.js", "", 17, 9), fn("loyalty/points.js", "addPoints", 30, 12)),
        (see("sentry.error", 3), see("splunk", 2, **LOGS)),
        classes=(4,), pair="ep-fn-stock-doc-missing", log="onOrderCollected failed", entry="onOrderCollected"),
    Bug("ep-fn-export-deadline", "functions", grpc("4 DEADLINE_EXCEEDED", "Deadline exceeded after 59.99{n}s,metadata filters: 0.001s,LB pick: 0.002s,remote_addr=142.250.{idx}.95:443", TICKS, fn("scheduled/exportOrders.js", "", 52, 18), fn("scheduled/exportOrders.js", "writeBatch", 77, 11)),
        (see("sentry.error", 2), see("splunk", 3, **UNCAUGHT)),
        classes=(9,), entry="exportOrdersNightly"),
    Bug("ep-fn-stripe-signature", "functions", (Exc("StripeSignatureVerificationError", "No signatures found matching the expected signature for payload. Are you passing the raw request body you received from Stripe? \n If a webhook request is being forwarded by a third-party tool, ensure that the exact request body, including JSON formatting and new line style, is preserved.\n\nLearn more about webhook signing and explore webhook integration examples for various frameworks at https://github.com/stripe/stripe-node#webhook-signing", (nd(FF + "function_wrappers.js", "", 100, 29, lib=True), fn("payments/stripeWebhook.js", "", 21, 38), nd("node_modules/stripe/cjs/Webhooks.js", "Object.constructEvent", 17, 33, lib=True), nd("node_modules/stripe/cjs/Webhooks.js", "Object.verifyHeader", 94, 19, lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, **LOGS)),
        classes=(3,), log="stripe webhook rejected", entry="stripeWebhook"),
    Bug("ep-fn-request-timeout", "functions", (),
        (see("splunk", 3, search="orchard - function errors", line='{"insertId":"{hex}","httpRequest":{"requestMethod":"POST","requestUrl":"https://europe-west2-ep-orchard-prod.cloudfunctions.net/createCheckout","status":504,"latency":"60.00{n}s"},"resource":{"type":"cloud_run_revision","labels":{"service_name":"createcheckout","location":"europe-west2","project_id":"ep-orchard-prod"}},"timestamp":"{ts}","severity":"ERROR","textPayload":"The request has been terminated because it has reached the maximum request timeout. To change this limit, see https://cloud.google.com/run/docs/configuring/request-timeout","logName":"projects/ep-orchard-prod/logs/run.googleapis.com%2Frequests"}'),),
        classes=(7,)),
    # Android: a Kotlin `!!` in two places; no message, only the frames differ.
    Bug("ep-and-checkout-npe", "shop-android", (jexc("java.lang.NullPointerException", "", (*COROUTINE, kt(f"{APP}.ui.basket.BasketViewModel$checkout$1", "invokeSuspend", 88), kt(f"{APP}.data.OrderRepository", "placeOrder", 41))),),
        (see("sentry.error", 3, mechanism="UncaughtExceptionHandler"), see("sentry.issue"), see("posthog", 3, **PH_ANDROID)),
        classes=(4, 10), pair="ep-and-product-npe", page="BasketFragment", span=2),
    Bug("ep-and-product-npe", "shop-android", (jexc("java.lang.NullPointerException", "", (*LIFECYCLE, kt(f"{APP}.ui.product.ProductDetailFragment", "onViewCreated", 57), kt(f"{APP}.ui.product.ProductDetailFragment", "bindPrice", 102))),),
        (see("sentry.error", 3, mechanism="UncaughtExceptionHandler"), see("posthog", 2, **PH_ANDROID), see("posthog", r8=False, **PH_ANDROID)),
        classes=(4, 10), pair="ep-and-checkout-npe", page="ProductDetailFragment"),
    Bug("ep-and-not-attached", "shop-android", (jexc("java.lang.IllegalStateException", "Fragment ProductDetailFragment{{hex}} ({uuid} id=0x7f0a01c2) not attached to a context.", (*COROUTINE, kt(f"{APP}.ui.product.ProductDetailFragment$observeStock$1", "invokeSuspend", 131), jl("androidx.fragment.app.Fragment", "requireContext", 972))),),
        (see("sentry.error", 2, mechanism="UncaughtExceptionHandler"), see("posthog", **PH_ANDROID)),
        classes=(4,), page="ProductDetailFragment"),
    Bug("ep-and-slot-serialization", "shop-android", (jexc("kotlinx.serialization.MissingFieldException", "Field 'collectFrom' is required for type with serial name 'com.elslack.orchard.data.CollectionSlot', but it was missing at path: $[{idx}]", (*COROUTINE, kt(f"{APP}.ui.slots.SlotPickerViewModel$load$1", "invokeSuspend", 46), kt(f"{APP}.data.SlotRepository", "fetchSlots", 29), jl("kotlinx.serialization.json.internal.StreamingJsonDecoder", "decodeSerializableValue", 69))),),
        (see("posthog", 3, **PH_ANDROID), see("sentry.error", 2, mechanism="UncaughtExceptionHandler")),
        classes=(9,), page="SlotPickerFragment"),
    # iOS: force unwraps in two SwiftUI screens.
    Bug("ep-ios-checkout-unwrap", "shop-ios", (Exc("EXC_BREAKPOINT", UNWRAP, (*TAP, sw("closure #3 in CheckoutView.body.getter", "Checkout/CheckoutView.swift", 74), sw("CheckoutViewModel.placeOrder()", "Checkout/CheckoutViewModel.swift", 58), TRAP)),),
        (see("sentry.error", 2, release=1), see("sentry.error", 2, release=2, raw=True), see("sentry.alert", release=1, rule="New crash in the iOS app")),
        classes=(4, 10), pair="ep-ios-slot-unwrap", span=2),
    Bug("ep-ios-slot-unwrap", "shop-ios", (Exc("EXC_BREAKPOINT", UNWRAP, (*TAP, sw("closure #1 in SlotPickerView.body.getter", "Slots/SlotPickerView.swift", 33), sw("SlotPickerModel.select(_:)", "Slots/SlotPickerModel.swift", 61), TRAP)),),
        (see("sentry.error", 4, release=0), see("sentry.issue", release=0)),
        classes=(4,), pair="ep-ios-checkout-unwrap"),
    # iOS handled errors through one reporter: its frame ends both stacks.
    Bug("ep-ios-product-decoding", "shop-ios", (Exc("DecodingError", "The data couldn\u2019t be read because it is missing. (Code: 4865)", (*TASK, sw("ProductStore.refresh()", "Catalogue/ProductStore.swift", 44), REPORTER), module="Swift"),),
        (see("posthog", 3), see("sentry.error", 3)),
        classes=(9,), pair="ep-ios-upload-offline", handled=True, page="CatalogueView", span=2),
    Bug("ep-ios-upload-offline", "shop-ios", (Exc("NSURLErrorDomain", "The Internet connection appears to be offline. (Code: -1009)", (*TASK, sw("OrderSync.pushPending()", "Orders/OrderSync.swift", 90), REPORTER)),),
        (see("posthog", 4),),
        classes=(9,), pair="ep-ios-product-decoding", handled=True, page="OrdersView"),
    Bug("ep-ios-index-range", "shop-ios", (Exc("EXC_BREAKPOINT", "Fatal error: Index out of range", (*TAP, sw("BasketView.removeLine(at:)", "Basket/BasketView.swift", 112), ios("Array.subscript.modify", "/usr/lib/swift/libswiftCore.dylib"), TRAP)),),
        (see("sentry.error"),),
        singleton=True),
]

NOISE = [
    Noise("ep-noise-deploy", "functions", "splunk", {**LOGS, "line": '{"insertId":"{hex}","protoPayload":{"@type":"type.googleapis.com/google.cloud.audit.AuditLog","methodName":"google.cloud.functions.v2.FunctionService.UpdateFunction","resourceName":"projects/ep-orchard-prod/locations/europe-west2/functions/onOrderCreated"},"resource":{"type":"cloud_function"},"timestamp":"{ts}","severity":"NOTICE","logName":"projects/ep-orchard-prod/logs/cloudaudit.googleapis.com%2Factivity"}'}),
    Noise("ep-noise-coldstart", "functions", "splunk", {**LOGS, "line": '{"insertId":"{hex}","textPayload":"Default STARTUP TCP probe succeeded after 1 attempt for container \\"worker\\" on port 8080.","resource":{"type":"cloud_run_revision","labels":{"service_name":"onordercreated"}},"timestamp":"{ts}","severity":"INFO"}'}),
]

ELSLACK = Company(
    key="ep",
    name="Elslack Orchard",
    domain="elslack.example",
    sentry_org="elslack",
    splunk_url="https://elslack.splunkcloud.com",
    splunk_guid="E4B07D92-1C5A-4A3F-B86E-2D9C0F7A5B18",
    datadog_org=("0", ""),
    datadog_template="default",
    posthog_project=(41877, "Elslack Orchard apps"),
    releases=("2026.3.0", "2026.3.1", "2026.3.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="elslack-sentry-client-secret",
)
# fmt: on
