"""(gr) Naddle Pantry, grocery delivery: a React Native 0.74 app built with Expo SDK 51
(``shopper-app``: product search, a barcode scanner, the basket, delivery slots, checkout,
order history, recipes), on Hermes on Android and iOS, one iOS build line still on
JavaScriptCore; fetch to the team's REST API.

Sentry: @sentry/react-native (EAS builds; source maps uploaded for most releases, not for
every one). PostHog: posthog-react-native's exception capture (Hermes frames, raw; resolved
where the upload reached PostHog). No Splunk, no Datadog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see

# The tables keep one frame or delivery per line.
# fmt: off
RN_RELEASES = ("uk.naddle.pantry@5.2.0+520", "uk.naddle.pantry@5.3.0+534", "uk.naddle.pantry@5.3.1+538")
SERVICES = {
    "shopper-app": Service("shopper-app", "react-native", "", "", "", "", 6630174, framework="onerror", sdk=("sentry.javascript.react-native", "5.22.0", "npm:@sentry/react-native"), releases=RN_RELEASES),
}


def rn(file: str, function: str, line: int, col: int, *, lib: bool = False) -> Frame:
    return Frame(function, file, line, "", not lib, "", "", col)


RENDERER = "node_modules/react-native/Libraries/Renderer/implementations/ReactNativeRenderer-prod.js"
RENDER = (
    rn("node_modules/scheduler/cjs/scheduler.production.min.js", "performWorkUntilDeadline", 10, 207, lib=True),
    rn(RENDERER, "performSyncWorkOnRoot", 7790, 24, lib=True),
    rn(RENDERER, "renderWithHooks", 3851, 22, lib=True),
)
PRESS = (
    rn("node_modules/react-native/Libraries/Pressability/Pressability.js", "_performTransitionSideEffects", 689, 13, lib=True),
    rn("node_modules/react-native/Libraries/Components/Pressable/Pressable.js", "onPress", 235, 9, lib=True),
)
ASYNC = (
    rn("node_modules/promise/setimmediate/core.js", "tryCallOne", 37, 14, lib=True),
    rn("node_modules/promise/setimmediate/core.js", "anonymous", 123, 25, lib=True),
)
XHR = rn("node_modules/react-native/Libraries/Network/fetch.js", "xhr.onerror", 512, 18, lib=True)


def screen(name: str, fn: str, line: int, col: int) -> Frame:
    return rn(f"src/screens/{name}.tsx", fn, line, col)


def api(fn: str, line: int, col: int) -> Frame:
    return rn("src/lib/api.ts", fn, line, col)


JSON_PARSE = {"hermes": "JSON Parse error: Unexpected character: <", "jsc": "JSON Parse error: Unrecognized token '<'"}
DATE_RANGE = {"hermes": "Date value out of bounds", "jsc": "Invalid Date"}

BUGS = [
    # The basket's totals read in two screens.
    Bug("gr-basket-totals", "shopper-app", (Exc("TypeError", frames=(*RENDER, screen("BasketScreen", "BasketScreen", 88, 33)), js=JsError("read-undefined", "basket.totals", "subtotal")),),
        (see("sentry.error", 2, browser="android"), see("sentry.error", browser="ios-jsc"), see("posthog", 2, browser="android"), see("posthog", browser="ios", resolved=True)),
        classes=(3, 4), pair="gr-checkout-totals", page="Basket", span=2),
    Bug("gr-checkout-totals", "shopper-app", (Exc("TypeError", frames=(*RENDER, screen("CheckoutScreen", "OrderSummary", 41, 27)), js=JsError("read-undefined", "basket.totals", "subtotal")),),
        (see("sentry.error", 2, browser="ios"), see("sentry.error", browser="android"), see("posthog", browser="android"), see("posthog", browser="ios-jsc")),
        classes=(3, 4), pair="gr-basket-totals", page="Checkout"),
    # "Network request failed" through the one apiFetch helper from two screens.
    Bug("gr-orders-network", "shopper-app", (Exc("TypeError", "Network request failed", (*ASYNC, screen("OrdersScreen", "loadOrders", 52, 19), api("apiFetch", 18, 22), XHR)),),
        (see("sentry.error", 2, browser="android"), see("sentry.error", browser="ios"), see("posthog", 2, browser="android", mechanism="onunhandledrejection")),
        classes=(9,), pair="gr-slots-network", page="Orders", handled=True),
    Bug("gr-slots-network", "shopper-app", (Exc("TypeError", "Network request failed", (*ASYNC, screen("DeliverySlotsScreen", "fetchSlots", 37, 15), api("apiFetch", 18, 22), XHR)),),
        (see("sentry.error", 2, browser="ios"), see("sentry.issue", browser="android"), see("posthog", 2, browser="ios", mechanism="onunhandledrejection")),
        classes=(9,), pair="gr-orders-network", page="DeliverySlots", handled=True),
    # The scanner's onScan: a missing function and a camera permission rejection.
    Bug("gr-scan-fn", "shopper-app", (Exc("TypeError", frames=(*PRESS, screen("ScannerScreen", "onScan", 64, 18)), js=JsError("not-function", "Haptics", "notificationAsync", "(t)")),),
        (see("sentry.error", 2, browser="android"), see("sentry.error", browser="ios-jsc"), see("posthog", browser="android"), see("posthog", browser="ios")),
        classes=(3,), pair="gr-scan-permission", page="Scanner"),
    Bug("gr-scan-permission", "shopper-app", (Exc("Error", "Call to function 'ExpoCamera.takePicture' has been rejected.\n→ Caused by: Missing camera or microphone permissions", (*ASYNC, screen("ScannerScreen", "onScan", 71, 9))),),
        (see("sentry.error", 2, browser="android"), see("posthog", 2, browser="android"), see("sentry.alert", rule="shopper-app: new issue", browser="android")),
        pair="gr-scan-fn", page="Scanner"),
    # Dates: the slot label and the order history, each its own formatter.
    Bug("gr-slot-date", "shopper-app", (Exc("RangeError", "Invalid time value", (*RENDER, screen("DeliverySlotsScreen", "SlotRow", 22, 30), rn("src/utils/dates.ts", "slotLabel", 9, 41)), engines=DATE_RANGE),),
        (see("sentry.error", 2, browser="ios"), see("sentry.error", browser="ios-jsc"), see("posthog", 2, browser="ios")),
        classes=(3, 4), pair="gr-history-date", page="DeliverySlots"),
    Bug("gr-history-date", "shopper-app", (Exc("RangeError", "Invalid time value", (*RENDER, screen("OrdersScreen", "OrderCard", 31, 26), rn("src/utils/dates.ts", "orderDay", 17, 38)), engines=DATE_RANGE),),
        (see("sentry.error", 2, browser="android"), see("sentry.error", browser="ios-jsc"), see("posthog", browser="android", resolved=True)),
        classes=(3, 4), pair="gr-slot-date", page="Orders"),
    # An HTML error page parsed as JSON in two loaders.
    Bug("gr-promo-json", "shopper-app", (Exc("SyntaxError", "JSON Parse error: Unexpected character: <", (*ASYNC, screen("HomeScreen", "loadPromos", 44, 21), rn("src/lib/cms.ts", "getJson", 11, 27)), engines=JSON_PARSE),),
        (see("sentry.error", 2, browser="android"), see("sentry.error", browser="ios-jsc"), see("posthog", 2, browser="android")),
        classes=(3, 4), pair="gr-recipes-json", page="Home", handled=True),
    Bug("gr-recipes-json", "shopper-app", (Exc("SyntaxError", "JSON Parse error: Unexpected character: <", (*ASYNC, screen("RecipesScreen", "loadRecipes", 29, 17), rn("src/lib/recipes.ts", "fetchRecipes", 23, 30)), engines=JSON_PARSE),),
        (see("sentry.error", 2, browser="ios"), see("sentry.error", browser="android"), see("posthog", browser="ios")),
        classes=(3, 4), pair="gr-promo-json", page="Recipes", handled=True),
    # A null price on a product card, over three releases; the caller renamed; one release
    # without source maps in Sentry.
    Bug("gr-product-price-null", "shopper-app", (Exc("TypeError", frames=(*PRESS, screen("ProductScreen", "onAddToBasket", 97, 14), rn("src/store/basket.ts", "addLine", 33, 29)), js=JsError("read-null", "product.price", "amount")),),
        (see("sentry.error", 2, browser="android"), see("sentry.error", browser="android", sourcemaps=False, release=2), see("sentry.error", browser="ios"), see("posthog", 2, browser="android"), see("posthog", browser="ios", resolved=True)),
        classes=(3, 5), page="Product", span=3, renames={"onAddToBasket": "handleAddToBasket"}),
    # React's render loop in the search filters.
    Bug("gr-filters-update-depth", "shopper-app", (Exc("Error", "Maximum update depth exceeded. This can happen when a component repeatedly calls setState inside componentWillUpdate or componentDidUpdate. React limits the number of nested updates to prevent infinite loops.", (*RENDER, rn(RENDERER, "throwIfInfiniteUpdateLoopDetected", 8542, 15, lib=True), screen("SearchScreen", "FilterBar", 58, 11))),),
        (see("sentry.error", 2, browser="android"), see("sentry.error", browser="ios"), see("posthog", browser="android"), see("sentry.issue", browser="ios")),
        classes=(10,), page="Search"),
    # Checkout: the payment sheet's error thrown as an Error with the Stripe code.
    Bug("gr-payment-sheet", "shopper-app", (Exc("Error", "Failed to present payment sheet: The payment has been canceled", (*ASYNC, screen("CheckoutScreen", "pay", 119, 13), rn("src/lib/payments.ts", "presentSheet", 28, 11))),),
        (see("sentry.error", 2, browser="ios"), see("posthog", 2, browser="ios"), see("posthog", browser="android")),
        page="Checkout", handled=True),
    # A singleton: an unknown module on one old Android build.
    Bug("gr-singleton-module", "shopper-app", (Exc("Error", "Requiring unknown module \"842\". If you are sure the module exists, try restarting Metro. You may also want to run `yarn` or `npm install`.", (rn("node_modules/metro-runtime/src/polyfills/require.js", "metroRequire", 88, 15, lib=True), screen("RecipeDetailScreen", "RecipeDetailScreen", 9, 3))),),
        (see("sentry.error", browser="android"),),
        singleton=True, page="RecipeDetail"),
]

NOISE = [
    Noise("gr-noise-crashfree", "shopper-app", "sentry.metric", {"rule": "shopper-app crash-free sessions", "aggregate": "percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate", "dataset": "metrics", "action": "resolved", "value": "{crashfree}"}),
    Noise("gr-noise-crashfree-users", "shopper-app", "sentry.metric", {"rule": "shopper-app crash-free users", "aggregate": "percentage(users_crashed, users) AS _crash_rate_alert_aggregate", "dataset": "metrics", "action": "resolved", "value": "{crashfree}"}),
]

NADDLE = Company(
    key="gr",
    name="Naddle Pantry",
    domain="naddle-pantry.example",
    sentry_org="naddle",
    splunk_url="",
    splunk_guid="",
    datadog_org=("", ""),
    datadog_template="recommended",
    posthog_project=(65403, "Naddle Pantry app"),
    releases=("5.2.0", "5.3.0", "5.3.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="naddle-sentry-client-secret",
)
# fmt: on
