"""(mo) Runswick Grocer, a grocery delivery app: React Native 0.74 with Hermes on Android and iOS
(``shop-app``: product lists, basket, checkout with the Stripe sheet, slot booking, a barcode
scanner, offers), release builds (``index.android.bundle``, ``main.jsbundle``), native
modules of the team's own (barcode scanner, Stripe sheet bridge) and RN's ``RCTFatal`` on iOS.

Sentry: @sentry/react-native 5 (source maps uploaded for most releases, not the 4.8.1 hotfix;
Android native crashes through sentry-android, iOS ones through sentry-cocoa: SIGABRT of an
uncaught NSException, ``RCTFatalException`` when a JS error is fatal). PostHog:
posthog-react-native's exception autocapture (Hermes frames raw, resolved where the upload
reached PostHog). Splunk: the app's error boundary also posts each report to the team's
``mobile-bff`` (Node, pino JSON to HEC), one saved search over it. Datadog:
@datadog/mobile-react-native's ``DdLogs.error`` with kind, message and the raw stack; one
log monitor over the app's error logs, through the team's own template. All four tools.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import jexc, jl, jv

# The tables keep one frame or delivery per line.
# fmt: off
APP = "uk.runswick.shop"
RN_RELEASES = (f"{APP}@4.8.0+480", f"{APP}@4.8.1+481", f"{APP}@4.9.0+492")
RN_SDK = ("sentry.javascript.react-native", "5.24.1", "npm:@sentry/react-native")
SERVICES = {
    "shop-app": Service("shop-app", "react-native", "mo-bff", "_json", "http:mobile-bff", "mobile", 11630031, framework="onerror", sdk=RN_SDK, releases=RN_RELEASES),
    "shop-android": Service("shop-android", "java", "", "", "", "", 11630031, framework="android", sdk=("sentry.java.android.react-native", "7.10.0", "maven:io.sentry:sentry-android"), releases=RN_RELEASES),
    "shop-ios": Service("shop-ios", "cocoa", "", "", "", "", 11630031, sdk=("sentry.cocoa.react-native", "8.27.0", "cocoapods:Sentry"), releases=RN_RELEASES),
}


def rn(file: str, function: str, line: int, col: int, *, lib: bool = False) -> Frame:
    return Frame(function, file, line, "", not lib, "", "", col)


RENDERER = "node_modules/react-native/Libraries/Renderer/implementations/ReactNativeRenderer-prod.js"
RENDER = (
    rn("node_modules/scheduler/cjs/scheduler.production.min.js", "performWorkUntilDeadline", 10, 207, lib=True),
    rn(RENDERER, "performSyncWorkOnRoot", 7744, 24, lib=True),
    rn(RENDERER, "renderWithHooks", 3840, 22, lib=True),
)
PRESS = (
    rn("node_modules/react-native/Libraries/Pressability/Pressability.js", "_performTransitionSideEffects", 688, 13, lib=True),
    rn("node_modules/react-native/Libraries/Components/Pressable/Pressable.js", "onPress", 231, 9, lib=True),
)
ASYNC = (
    rn("node_modules/promise/setimmediate/core.js", "tryCallOne", 37, 14, lib=True),
    rn("node_modules/promise/setimmediate/core.js", "anonymous", 123, 25, lib=True),
)
XHR = rn("node_modules/react-native/Libraries/Network/fetch.js", "xhr.onerror", 512, 18, lib=True)


def screen(name: str, fn: str, line: int, col: int) -> Frame:
    return rn(f"src/screens/{name}.tsx", fn, line, col)


def lib(name: str, fn: str, line: int, col: int) -> Frame:
    return rn(f"src/lib/{name}.ts", fn, line, col)


API_FETCH = lib("api", "apiFetch", 33, 22)
JSON_PARSE = {"hermes": "JSON Parse error: Unexpected character: <", "jsc": "JSON Parse error: Unrecognized token '<'"}

# Android: a native module method invoked from JS on the native-modules thread.
NATIVE_MODULES = (
    jl("java.lang.Thread", "run", 1012),
    jl("com.facebook.react.bridge.queue.MessageQueueThreadImpl$4", "run", 234),
    jl("android.os.Looper", "loop", 317),
    jl("android.os.Looper", "loopOnce", 232),
    jl("android.os.Handler", "dispatchMessage", 958),
    jl("com.facebook.react.bridge.queue.MessageQueueThreadHandler", "dispatchMessage", 27),
    jl("com.facebook.react.bridge.JavaModuleWrapper", "invoke", 146),
    jl("com.facebook.react.bridge.JavaMethodWrapper", "invoke", 372),
    jl("java.lang.reflect.Method", "invoke", -2),
)
ACTIVITY_NPE = "Attempt to invoke virtual method 'java.lang.String android.app.Activity.getPackageName()' on a null object reference"


def ios(function: str, image: str) -> Frame:
    return Frame(function, image, 0, image.rsplit("/", 1)[-1], False)


def objc(function: str, file: str, line: int) -> Frame:
    return Frame(function, f"RunswickShop/{file}", line, "RunswickShop", True)


CF = "/System/Library/Frameworks/CoreFoundation.framework/CoreFoundation"
OBJC = "/usr/lib/libobjc.A.dylib"
REACT = "/private/var/containers/Bundle/Application/RunswickShop.app/RunswickShop"
JS_THREAD = (
    ios("_pthread_start", "/usr/lib/system/libsystem_pthread.dylib"),
    ios("__NSThread__start__", "/System/Library/Frameworks/Foundation.framework/Foundation"),
    ios("+[RCTCxxBridge runRunLoop]", REACT),
    ios("CFRunLoopRunSpecific", CF),
    ios("__CFRunLoopDoBlocks", CF),
    ios("facebook::react::JSIExecutor::callFunction(std::__1::basic_string<char> const&, std::__1::basic_string<char> const&, folly::dynamic const&)", REACT),
    ios("facebook::react::JSIExecutor::defaultTimeoutInvoke", REACT),
)
FATAL = (ios("RCTFatal", REACT), ios("objc_exception_throw", OBJC), ios("__exceptionPreprocess", CF))
MAIN = (
    ios("start", "/usr/lib/dyld"),
    ios("UIApplicationMain", "/System/Library/PrivateFrameworks/UIKitCore.framework/UIKitCore"),
    ios("CFRunLoopRunSpecific", CF),
    ios("__CFRunLoopRun", CF),
    ios("_dispatch_main_queue_drain", "/usr/lib/system/libdispatch.dylib"),
)

S = {"search": "mobile-bff client error reports", "owner": "svc_mobile", "app": "mobile"}
TEAM = "shop-app"
DD = {"monitor": "shop-app JS error logs", "team": TEAM, "format": "mo-ddlogs", "filter": "source:react-native service:uk.runswick.shop status:error",
      "text": "Error logs from the app over the threshold ({{value}} in 10m).\n{{log.attributes.error.kind}}: {{log.attributes.error.message}}\n```\n{{log.attributes.error.stack}}\n```"}
CRASH = {"mechanism": "UncaughtExceptionHandler"}
RULE = "shop-app: new native crash"

BUGS = [
    # The basket's totals read before they load, in two screens.
    Bug("mo-basket-totals", "shop-app", (Exc("TypeError", frames=(*RENDER, screen("BasketScreen", "BasketTotals", 57, 29)), js=JsError("read-undefined", "basket.totals", "subtotal")),),
        (see("sentry.error", 2, browser="android"), see("sentry.error", browser="ios"), see("posthog", browser="android"), see("posthog", browser="ios", resolved=True), see("splunk", browser="android", **S), see("datadog.log", browser="android", **DD)),
        classes=(3, 4), pair="mo-checkout-totals", page="Basket"),
    Bug("mo-checkout-totals", "shop-app", (Exc("TypeError", frames=(*RENDER, screen("CheckoutScreen", "OrderSummary", 84, 33)), js=JsError("read-undefined", "basket.totals", "subtotal")),),
        (see("sentry.error", 2, browser="ios"), see("sentry.error", browser="android", sourcemaps=False, release=1), see("posthog", 2, browser="ios"), see("splunk", browser="ios", **S), see("datadog.log", browser="ios", **DD)),
        classes=(3, 4, 10), pair="mo-basket-totals", page="Checkout"),
    # "Network request failed" through the one apiFetch helper from two screens.
    Bug("mo-products-network", "shop-app", (Exc("TypeError", "Network request failed", (*ASYNC, screen("AisleScreen", "loadProducts", 41, 17), API_FETCH, XHR)),),
        (see("sentry.error", 2, browser="android"), see("posthog", 2, browser="android", mechanism="onunhandledrejection"), see("splunk", browser="android", **S), see("datadog.log", browser="android", **DD)),
        classes=(9,), pair="mo-slots-network", page="Aisle", handled=True),
    Bug("mo-slots-network", "shop-app", (Exc("TypeError", "Network request failed", (*ASYNC, screen("SlotPickerScreen", "fetchSlots", 66, 21), API_FETCH, XHR)),),
        (see("sentry.error", 2, browser="ios"), see("sentry.issue", browser="android"), see("posthog", browser="ios", mechanism="onunhandledrejection"), see("splunk", 2, browser="ios", **S), see("datadog.log", browser="android", **DD)),
        classes=(9,), pair="mo-products-network", page="SlotPicker", handled=True),
    # An HTML error page parsed as JSON by two loaders.
    Bug("mo-orders-json", "shop-app", (Exc("SyntaxError", "JSON Parse error: Unexpected character: <", (*ASYNC, screen("OrdersScreen", "loadOrders", 29, 15), lib("orders", "fetchOrders", 12, 30)), engines=JSON_PARSE),),
        (see("sentry.error", 2, browser="android"), see("sentry.error", browser="ios-jsc"), see("posthog", browser="android"), see("splunk", browser="android", **S), see("datadog.log", browser="ios-jsc", **DD)),
        classes=(3, 4), pair="mo-offers-json", page="Orders", handled=True),
    Bug("mo-offers-json", "shop-app", (Exc("SyntaxError", "JSON Parse error: Unexpected character: <", (*ASYNC, screen("OffersScreen", "loadOffers", 38, 19), lib("offers", "fetchOffers", 17, 27)), engines=JSON_PARSE),),
        (see("sentry.error", 2, browser="ios"), see("posthog", 2, browser="ios", resolved=True), see("splunk", browser="ios", **S), see("datadog.log", 2, browser="android", **DD)),
        classes=(3, 4), pair="mo-orders-json", page="Offers", handled=True),
    # The scan button: a missing native method, and the module rejecting.
    Bug("mo-scan-not-fn", "shop-app", (Exc("TypeError", frames=(*PRESS, screen("ScanScreen", "onScanPress", 22, 14)), js=JsError("not-function", "BarcodeScanner", "open", "(n)")),),
        (see("sentry.error", 2, browser="android"), see("sentry.error", browser="ios-jsc"), see("posthog", browser="android"), see("splunk", browser="android", **S)),
        classes=(3,), pair="mo-scan-reject", page="Scan"),
    Bug("mo-scan-reject", "shop-app", (Exc("Error", "Camera permission denied (E_CAMERA_PERMISSION)", (*ASYNC, screen("ScanScreen", "onScanPress", 27, 11))),),
        (see("sentry.error", 2, browser="android"), see("posthog", 2, browser="android"), see("datadog.log", browser="android", **DD)),
        pair="mo-scan-not-fn", page="Scan", handled=True),
    # Android native modules reached with no current Activity: one NPE, two modules.
    Bug("mo-android-scanner-npe", "shop-android", (jexc("java.lang.NullPointerException", ACTIVITY_NPE, (*NATIVE_MODULES, jv(f"{APP}.scanner.BarcodeScannerModule", "open", 58), jv(f"{APP}.scanner.ScannerIntents", "build", 21))),),
        (see("sentry.error", 3, **CRASH), see("sentry.alert", rule=RULE)),
        classes=(4,), pair="mo-android-stripe-npe"),
    Bug("mo-android-stripe-npe", "shop-android", (jexc("java.lang.NullPointerException", ACTIVITY_NPE, (*NATIVE_MODULES, jv(f"{APP}.payments.StripeSheetModule", "present", 74), jv(f"{APP}.payments.SheetLauncher", "launch", 33))),),
        (see("sentry.error", 2, **CRASH), see("sentry.issue", **CRASH), see("sentry.alert", rule=RULE)),
        classes=(4,), pair="mo-android-scanner-npe"),
    # iOS: an uncaught NSException in the team's keychain bridge (SIGABRT); a fatal JS error
    # of the basket bug as RCTFatal reports it natively (the basket's group).
    Bug("mo-ios-keychain-abort", "shop-ios", (Exc("NSInternalInconsistencyException", "Keychain item for key 'refresh_token' has unexpected class NSNull", (*MAIN, objc("-[RSKKeychainBridge readToken:resolver:rejecter:]", "Bridges/RSKKeychainBridge.m", 47), objc("-[RSKKeychainStore stringForKey:]", "Bridges/RSKKeychainStore.m", 29), ios("objc_exception_throw", OBJC), ios("__exceptionPreprocess", CF))),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("sentry.alert", rule=RULE)),
        classes=(5,), span=3),
    Bug("mo-ios-rctfatal-basket", "shop-ios", (Exc("RCTFatalException: Unhandled JS Exception: TypeError: Cannot read property 'subtotal' of undefined", "Unhandled JS Exception: TypeError: Cannot read property 'subtotal' of undefined, stack:\nBasketTotals@1:{offset}\nrenderWithHooks@1:{offset}\nperformSyncWorkOnRoot@1:{offset}", (*JS_THREAD, *FATAL)),),
        (see("sentry.error", 2, as_group="mo-basket-totals"),),
        classes=(3, 4)),
    # Not pairs.
    Bug("mo-slot-date", "shop-app", (Exc("RangeError", "Date value out of bounds", (*RENDER, screen("SlotPickerScreen", "SlotRow", 91, 25), rn("src/utils/dates.ts", "slotLabel", 14, 36))),),
        (see("sentry.error", 2, browser="android"), see("sentry.error", browser="android", sourcemaps=False, release=1), see("posthog", browser="android"), see("splunk", browser="android", **S), see("datadog.log", browser="android", **DD)),
        classes=(3, 5, 10), page="SlotPicker", span=3, renames={"SlotRow": "SlotListRow"}),
    Bug("mo-update-depth", "shop-app", (Exc("Error", "Maximum update depth exceeded. This can happen when a component repeatedly calls setState inside componentWillUpdate or componentDidUpdate. React limits the number of nested updates to prevent infinite loops.", (*RENDER, rn(RENDERER, "throwIfInfiniteUpdateLoopDetected", 8520, 15, lib=True), screen("OffersScreen", "OfferCarousel", 112, 9))),),
        (see("sentry.error", 2, browser="ios"), see("posthog", browser="ios"), see("datadog.log", browser="ios", **DD)),
        classes=(10,), page="Offers"),
    Bug("mo-android-image-oom", "shop-android", (jexc("java.lang.OutOfMemoryError", "Failed to allocate a {offset} byte allocation with {ms}00 free bytes and {n}MB until OOM, target footprint 268435456, growth limit 268435456", (jl("java.lang.Thread", "run", 1012), jl("java.util.concurrent.ThreadPoolExecutor$Worker", "run", 644), jl("com.facebook.imagepipeline.producers.DecodeProducer$ProgressiveDecoder$1", "run", 229), jl("com.facebook.imagepipeline.decoder.DefaultImageDecoder", "decodeStaticImage", 160), jl("android.graphics.BitmapFactory", "decodeStream", 790), jl("android.graphics.BitmapFactory", "nativeDecodeStream", -2))),),
        (see("sentry.error", 2, **CRASH), see("sentry.error", in_app="none", **CRASH), see("sentry.alert", rule=RULE)),
        classes=(10,)),
    Bug("mo-singleton-unknown-module", "shop-app", (Exc("Error", "Requiring unknown module \"2211\". If you are sure the module exists, try restarting Metro. You may also want to run `yarn` or `npm install`.", (rn("node_modules/metro-runtime/src/polyfills/require.js", "metroRequire", 88, 15, lib=True), screen("RecipeScreen", "RecipeScreen", 7, 3))),),
        (see("sentry.error", browser="android"),),
        singleton=True, page="Recipe"),
]

NOISE = [
    Noise("mo-noise-crashfree", "shop-app", "sentry.metric", {"rule": "shop-app crash-free sessions", "aggregate": "percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate", "dataset": "metrics", "action": "resolved", "value": "{crashfree}"}),
    Noise("mo-noise-bff-started", "shop-app", "splunk", {**S, "line": '{"level":30,"time":1772611200000,"pid":1,"hostname":"mobile-bff-6c8d9f7b54-q2xkz","msg":"Server listening at http://0.0.0.0:3000"}'}),
    Noise("mo-noise-dd-recovered", "shop-app", "datadog.log", {**DD, "text": "[Recovered] shop-app JS error logs back under threshold.", "transition": "Recovered", "alert_type": "success"}),
]

RUNSWICK = Company(
    key="mo",
    name="Runswick Grocer",
    domain="runswick-grocer.example",
    sentry_org="runswick",
    splunk_url="https://splunk.runswick-grocer.example:8000",
    splunk_guid="8A1F6D30-C4B2-4E97-A05D-1E3B7C9F2D48",
    datadog_org=("1163003", "Runswick Grocer"),
    datadog_template="custom",
    posthog_project=(116303, "Runswick shop app"),
    releases=("4.8.0", "4.8.1", "4.9.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="runswick-sentry-client-secret",
)
# fmt: on
