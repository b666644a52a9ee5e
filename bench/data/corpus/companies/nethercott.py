"""(lv) Nethercott Books, an independent online bookshop: ``shop-web``, a Vue 2.7 single-page
app (Vue Router 3, Vuex 3, axios) built by Vue CLI 5 with webpack 5: ``js/app.<hash>.js``,
``js/chunk-vendors.<hash>.js`` and named lazy route chunks (``js/checkout.<hash>.js``,
``js/account.<hash>.js``).

Sentry: @sentry/vue 7 (Vue 2's ``errorHandler``: mechanism ``vue``; unhandled rejections from
axios calls; one release whose source-map upload failed, so its frames stay minified). PostHog:
posthog-js exception autocapture in Chrome, Edge, Firefox and Safari, raw frames and some
resolved. No Splunk, no Datadog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, JsError, Noise, Service, see
from ..stacks import js

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.javascript.vue", "7.119.0", "npm:@sentry/vue")
SERVICES = {
    "shop-web": Service("shop-web", "javascript", "", "", "", "", 11020011, origin="https://www.nethercottbooks.example", framework="vue", sdk=SDK),
}

VUE2 = "node_modules/vue/dist/vue.runtime.esm.js"
V2_CLICK = (
    js(VUE2, "HTMLButtonElement.invoker", 1858, 15, "chunk-vendors", lib=True),
    js(VUE2, "invokeWithErrorHandling", 1817, 26, "chunk-vendors", lib=True),
)
V2_RENDER = (
    js(VUE2, "Watcher.get", 3484, 25, "chunk-vendors", lib=True),
    js(VUE2, "VueComponent.updateComponent", 3960, 14, "chunk-vendors", lib=True),
    js(VUE2, "Vue._render", 2597, 22, "chunk-vendors", lib=True),
)
V2_WATCH = (
    js(VUE2, "flushSchedulerQueue", 4207, 13, "chunk-vendors", lib=True),
    js(VUE2, "Watcher.run", 3542, 22, "chunk-vendors", lib=True),
    js(VUE2, "invokeWithErrorHandling", 1817, 26, "chunk-vendors", lib=True),
)
V2_MOUNTED = (
    js(VUE2, "insert", 4431, 7, "chunk-vendors", lib=True),
    js(VUE2, "callHook$1", 4018, 5, "chunk-vendors", lib=True),
    js(VUE2, "invokeWithErrorHandling", 1817, 26, "chunk-vendors", lib=True),
)
AXIOS = (
    js("node_modules/axios/lib/core/settle.js", "settle", 19, 12, "chunk-vendors", lib=True),
    js("node_modules/axios/lib/adapters/xhr.js", "XMLHttpRequest.onloadend", 56, 7, "chunk-vendors", lib=True),
)
# The shop's one price helper, the innermost frame of two bugs.
FORMAT_PRICE = js("src/utils/money.js", "formatPrice", 6, 10, "app")
INTL = {"spidermonkey": "invalid currency code in NumberFormat(): {rarecur}x", "jsc": "currency is not a well-formed currency code"}
INVALID = {"spidermonkey": "invalid date", "jsc": "Invalid Date"}


def ph(browser: str, chunk: str = "app", mechanism: str = "onerror", **kw: object) -> dict[str, object]:
    return dict(browser=browser, chunk=chunk, mechanism=mechanism, **kw)


def sv(browser: str, chunk: str = "app", **kw: object) -> object:
    return see("sentry.error", browser=browser, chunk=chunk, mechanism="vue", **kw)


BUGS = [
    # The same undefined price read in the basket drawer and in the wishlist: two components.
    Bug("lv-basket-price", "shop-web", (Exc("TypeError", frames=(*V2_RENDER, js("src/components/basket/BasketDrawer.vue", "VueComponent.subtotal", 41, 23, "app")), js=JsError("read-undefined", "line.edition", "price")),),
        (sv("chrome"), sv("firefox"), sv("safari", release=1), see("posthog", **ph("edge")), see("posthog", **ph("chrome", resolved=True)), see("posthog", **ph("safari"))),
        classes=(3, 4, 5), pair="lv-wishlist-price", page="/basket", span=2),
    Bug("lv-wishlist-price", "shop-web", (Exc("TypeError", frames=(*V2_RENDER, js("src/components/account/WishlistPanel.vue", "VueComponent.totalValue", 27, 35, "account")), js=JsError("read-undefined", "item.edition", "price")),),
        (sv("chrome", "account"), sv("edge", "account"), see("posthog", **ph("firefox", "account")), see("posthog", **ph("chrome", "account"))),
        classes=(3, 4), pair="lv-basket-price", page="/account/wishlist"),
    # One price helper under two callers: the gift-card page and the US-dollar product page.
    Bug("lv-giftcard-currency", "shop-web", (Exc("RangeError", "Invalid currency code : {rarecur}x", (*V2_RENDER, js("src/views/GiftCards.vue", "VueComponent.amountLabel", 53, 18, "app"), FORMAT_PRICE), engines=INTL),),
        (sv("chrome"), sv("firefox"), see("posthog", **ph("safari")), see("posthog", **ph("edge", resolved=True))),
        classes=(3, 9), pair="lv-product-currency", page="/gift-cards"),
    Bug("lv-product-currency", "shop-web", (Exc("RangeError", "Invalid currency code : {rarecur}x", (*V2_RENDER, js("src/components/product/PriceBox.vue", "VueComponent.displayPrice", 22, 14, "app"), FORMAT_PRICE), engines=INTL),),
        (sv("safari"), sv("chrome"), sv("edge", release=2), see("posthog", **ph("firefox")), see("posthog", **ph("chrome"))),
        classes=(3, 9), pair="lv-giftcard-currency", page="/books/the-salt-path", span=3),
    # One search method, two errors: hits missing from a response, and an aborted request.
    Bug("lv-search-hits-map", "shop-web", (Exc("TypeError", frames=(*V2_WATCH, js("src/views/Search.vue", "VueComponent.onQuery", 71, 29, "app")), js=JsError("not-function", "res.data.hits.map", "", "(e=>e.id)")),),
        (sv("chrome"), sv("safari"), see("posthog", **ph("firefox")), see("posthog", **ph("edge"))),
        classes=(3, 4), pair="lv-search-aborted", page="/search"),
    Bug("lv-search-aborted", "shop-web", (Exc("AbortError", "The user aborted a request.", (js("src/api/search.js", "searchBooks", 14, 11, "app"), js("src/views/Search.vue", "VueComponent.onQuery", 66, 22, "app")), engines={"spidermonkey": "The operation was aborted. ", "jsc": "Fetch is aborted"}),),
        (sv("firefox"), sv("chrome"), see("posthog", **ph("safari", mechanism="onunhandledrejection")), see("posthog", **ph("chrome", mechanism="onunhandledrejection"))),
        classes=(3, 4), pair="lv-search-hits-map", page="/search"),
    # axios 500s from two endpoints: the same "Request failed with status code 500".
    Bug("lv-checkout-axios-500", "shop-web", (Exc("AxiosError", "Request failed with status code 500", (*AXIOS, js("src/store/checkout.js", "placeOrder", 38, 15, "checkout"))),),
        (sv("chrome", "checkout"), sv("firefox", "checkout"), see("posthog", **ph("safari", "checkout", "onunhandledrejection")), see("posthog", **ph("edge", "checkout", "onunhandledrejection"))),
        classes=(4,), pair="lv-reviews-axios-500", page="/checkout/payment"),
    Bug("lv-reviews-axios-500", "shop-web", (Exc("AxiosError", "Request failed with status code 500", (*AXIOS, js("src/store/reviews.js", "fetchReviews", 12, 13, "app"))),),
        (sv("edge"), sv("chrome"), see("posthog", **ph("chrome", mechanism="onunhandledrejection")), see("posthog", **ph("firefox", mechanism="onunhandledrejection"))),
        classes=(4,), pair="lv-checkout-axios-500", page="/books/wolf-hall"),
    # The same null element in two mounted hooks.
    Bug("lv-carousel-null", "shop-web", (Exc("TypeError", frames=(*V2_MOUNTED, js("src/components/home/StaffPicks.vue", "VueComponent.mounted", 35, 27, "app")), js=JsError("read-null", "this.$refs.track", "offsetWidth")),),
        (sv("chrome"), sv("safari"), see("posthog", **ph("firefox")), see("posthog", **ph("edge"))),
        classes=(3, 4), pair="lv-reader-null", page="/"),
    Bug("lv-reader-null", "shop-web", (Exc("TypeError", frames=(*V2_MOUNTED, js("src/components/product/LookInside.vue", "VueComponent.mounted", 19, 31, "app")), js=JsError("read-null", "this.$refs.page", "offsetWidth")),),
        (sv("firefox"), sv("chrome"), see("posthog", **ph("safari")), see("posthog", **ph("chrome", resolved=True))),
        classes=(3, 4), pair="lv-carousel-null", page="/books/wolf-hall"),
    # Not pairs.
    Bug("lv-chunk-checkout", "shop-web", (Exc("ChunkLoadError", "Loading chunk checkout failed.\n(error: https://www.nethercottbooks.example/js/checkout.{hex}.js)", (js("node_modules/webpack/runtime/jsonp-chunk-loading.js", "HTMLScriptElement.onScriptComplete", 27, 18, "app", lib=True),)),),
        (sv("chrome"), see("posthog", **ph("safari", mechanism="onunhandledrejection")), see("posthog", **ph("firefox", mechanism="onunhandledrejection")), see("posthog", **ph("edge", mechanism="onunhandledrejection", release=1))),
        classes=(10,), page="/basket", span=2),
    Bug("lv-nav-duplicated", "shop-web", (Exc("NavigationDuplicated", 'Avoided redundant navigation to current location: "/search?q={n}".', (js("node_modules/vue-router/dist/vue-router.esm.js", "createRouterError", 2067, 15, "chunk-vendors", lib=True), js("src/components/layout/SearchBar.vue", "VueComponent.submit", 24, 20, "app"))),),
        (sv("chrome"), sv("edge"), see("posthog", **ph("safari", mechanism="onunhandledrejection")), see("posthog", **ph("chrome", mechanism="onunhandledrejection"))),
        page="/search"),
    Bug("lv-delivery-date", "shop-web", (Exc("RangeError", "Invalid time value", (*V2_RENDER, js("src/components/checkout/DeliveryEstimate.vue", "VueComponent.estimate", 31, 40, "checkout")), engines=INVALID),),
        (sv("chrome", "checkout"), sv("firefox", "checkout"), sv("chrome", "checkout", release=2, raw=True), see("posthog", **ph("safari", "checkout")), see("posthog", **ph("edge", "checkout"))),
        classes=(3, 10), page="/checkout/delivery", span=3),
    Bug("lv-vuex-mutation", "shop-web", (Exc("Error", "[vuex] do not mutate vuex store state outside mutation handlers.", (js("node_modules/vuex/dist/vuex.esm.js", "assert", 135, 11, "chunk-vendors", lib=True), js("src/components/basket/QuantityStepper.vue", "VueComponent.increment", 18, 14, "app"))),),
        (sv("chrome"), sv("safari"), see("posthog", **ph("firefox"))),
        page="/basket"),
    Bug("lv-singleton-storage", "shop-web", (Exc("SecurityError", "Failed to read the 'localStorage' property from 'Window': Access is denied for this document.", (js("src/store/index.js", "loadBasket", 9, 25, "app"),)),),
        (sv("chrome"),),
        singleton=True, page="/"),
]

NOISE = [
    Noise("lv-noise-metric", "shop-web", "sentry.metric", {"rule": "shop-web crash-free sessions", "aggregate": "percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate", "action": "resolved", "value": "{n}"}),
    Noise("lv-noise-errors-resolved", "shop-web", "sentry.metric", {"rule": "shop-web errors per hour", "aggregate": "count()", "action": "resolved", "value": "{n}"}),
]

NETHERCOTT = Company(
    key="lv",
    name="Nethercott Books",
    domain="nethercottbooks.example",
    sentry_org="nethercott-books",
    splunk_url="",
    splunk_guid="",
    datadog_org=("", ""),
    datadog_template="recommended",
    posthog_project=(11020, "Nethercott shop"),
    releases=("4.12.0", "4.13.0", "4.13.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="nethercott-sentry-client-secret",
)
# fmt: on
