"""(gn) Jackdaw Moss Nurseries, a plant nursery's online shop and plant-care planner: a Vue 3.4
SPA with Vue Router 4 and Pinia (``moss-web``), built by Vite 5 (the entry chunk ``index`` and
lazy route chunks served from ``/assets/<Name>-<hash>.js``, every release changing the
hashes), talking to a JSON API through one ``useApi`` composable.

Sentry: @sentry/vue 8 (Vue's ``app.config.errorHandler`` for component, hook and handler
errors; the global ``onunhandledrejection`` for promises outside Vue's reach). PostHog:
posthog-js with exception autocapture. Chrome, Edge, Firefox and Safari users. No server logs
of its own, so no Splunk and no Datadog.
"""

# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, JsError, Service, see
from ..stacks import VUE_CLICK, VUE_MOUNTED, VUE_RENDER, js

# fmt: off
SERVICES = {
    "moss-web": Service("moss-web", "javascript", "", "", "", "", 8120651, origin="https://shop.jackdawmoss.example", framework="vue", sdk=("sentry.javascript.vue", "8.35.0", "npm:@sentry/vue")),
}


def src(file: str, fn: str, line: int, col: int, chunk: str = "index") -> object:
    return js(f"src/{file}", fn, line, col, chunk)


API = js("src/composables/useApi.ts", "request", 41, 13, "index")
PINIA = js("node_modules/pinia/dist/pinia.mjs", "useStore", 1714, 19, "index", lib=True)
ROUTER_GUARD = (
    js("node_modules/vue-router/dist/vue-router.mjs", "runGuardQueue", 2301, 37, "index", lib=True),
    js("node_modules/vue-router/dist/vue-router.mjs", "guardToPromiseFn", 2135, 45, "index", lib=True),
)


def four(chunk: str, mech: str = "vue", n_chrome: int = 2, n_ph: int = 2, first: int = 0) -> tuple:
    """Sentry from Chrome, Firefox and Safari across releases; PostHog from Chrome and Edge."""
    return (
        see("sentry.error", n_chrome, browser="chrome", chunk=chunk, release=first, mechanism=mech),
        see("sentry.error", browser="firefox", chunk=chunk, release=first + 1, mechanism=mech),
        see("sentry.error", browser="safari", chunk=chunk, release=first + 1, mechanism=mech),
        see("posthog", n_ph, browser="chrome", chunk=chunk, release=first + 1),
        see("posthog", browser="edge", chunk=chunk, release=first + 1),
    )


def ph_heavy(chunk: str, mech: str = "vue") -> tuple:
    """Mostly PostHog (Safari and Firefox included), Sentry once from Edge."""
    return (
        see("sentry.error", browser="edge", chunk=chunk, release=1, mechanism=mech),
        see("posthog", 2, browser="safari", chunk=chunk, release=1),
        see("posthog", browser="firefox", chunk=chunk, release=2),
        see("posthog", browser="chrome", chunk=chunk, release=2, resolved=True),
    )


BUGS = [
    # The same TypeError, a render and a mounted hook
    Bug("gn-plantcard-care-undefined", "moss-web", (Exc("TypeError", frames=(*VUE_RENDER, src("components/PlantCard.vue", "render", 22, 38, "PlantDetail")), js=JsError("read-undefined", "plant.care", "watering")),),
        four("PlantDetail"), classes=(3, 4, 5), pair="gn-calendar-care-undefined", page="/plants/monstera-deliciosa", span=2),
    Bug("gn-calendar-care-undefined", "moss-web", (Exc("TypeError", frames=(*VUE_MOUNTED, src("views/CareCalendar.vue", "onMounted", 57, 29, "CareCalendar"), src("planner/schedule.ts", "buildSchedule", 14, 31, "CareCalendar")), js=JsError("read-undefined", "plant.care", "watering")),),
        four("CareCalendar", n_chrome=1), classes=(3, 4), pair="gn-plantcard-care-undefined", page="/planner/calendar"),
    # Two click handlers calling something that is not a function
    Bug("gn-basket-checkout-not-fn", "moss-web", (Exc("TypeError", frames=(*VUE_CLICK, src("components/BasketDrawer.vue", "onCheckout", 88, 11, "index")), js=JsError("not-function", "basket.lockPrices", "lockPrices", "()")),),
        four("index"), classes=(3, 4), pair="gn-delivery-slot-not-fn", page="/basket"),
    Bug("gn-delivery-slot-not-fn", "moss-web", (Exc("TypeError", frames=(*VUE_CLICK, src("views/checkout/DeliveryStep.vue", "selectSlot", 64, 9, "Checkout")), js=JsError("not-function", "slots.reserve", "reserve", "(t)")),),
        four("Checkout", n_ph=1), classes=(3, 4), pair="gn-basket-checkout-not-fn", page="/checkout/delivery"),
    # Two API failures through the same composable
    Bug("gn-orders-api-500", "moss-web", (Exc("ApiError", "POST /api/orders failed: 500 Internal Server Error", (*VUE_CLICK, src("views/checkout/ReviewStep.vue", "placeOrder", 71, 15, "Checkout"), API)),),
        four("Checkout", mech="onunhandledrejection"), classes=(2, 9), pair="gn-stock-api-503", page="/checkout/review"),
    Bug("gn-stock-api-503", "moss-web", (Exc("ApiError", "GET /api/stock?sku={sku} failed: 503 Service Unavailable", (*VUE_MOUNTED, src("components/StockBadge.vue", "onMounted", 19, 21, "PlantDetail"), API)),),
        four("PlantDetail", mech="onunhandledrejection", n_chrome=1), classes=(2, 9), pair="gn-orders-api-500", page="/plants/ficus-lyrata"),
    # Invalid dates through one formatter
    Bug("gn-order-date-invalid", "moss-web", (Exc("RangeError", "Invalid time value", (*VUE_RENDER, src("views/account/OrderHistory.vue", "render", 34, 27, "Account"), src("utils/dates.ts", "formatDay", 9, 14, "Account")), engines={"spidermonkey": "invalid date", "jsc": "Invalid Date"}),),
        four("Account"), classes=(3,), pair="gn-delivery-date-invalid", page="/account/orders"),
    Bug("gn-delivery-date-invalid", "moss-web", (Exc("RangeError", "Invalid time value", (*VUE_RENDER, src("views/checkout/DeliveryStep.vue", "render", 29, 33, "Checkout"), src("utils/dates.ts", "formatDay", 9, 14, "Checkout")), engines={"spidermonkey": "invalid date", "jsc": "Invalid Date"}),),
        ph_heavy("Checkout"), classes=(3,), pair="gn-order-date-invalid", page="/checkout/delivery"),
    # One function, two exceptions
    Bug("gn-voucher-rules-undefined", "moss-web", (Exc("TypeError", frames=(*VUE_CLICK, src("components/VoucherField.vue", "apply", 31, 9, "index"), src("pricing/vouchers.ts", "applyVoucher", 22, 26, "index")), js=JsError("read-undefined", "voucher.rules", "minSpend")),),
        four("index", n_ph=1), classes=(3, 4), pair="gn-voucher-tofixed", page="/basket"),
    Bug("gn-voucher-tofixed", "moss-web", (Exc("RangeError", "toFixed() digits argument must be between 0 and 100", (*VUE_CLICK, src("components/VoucherField.vue", "apply", 31, 9, "index"), src("pricing/vouchers.ts", "applyVoucher", 29, 40, "index")), engines={"spidermonkey": "precision -1 out of range", "jsc": "toFixed() argument must be between 0 and 100"}),),
        four("index"), classes=(3, 4), pair="gn-voucher-rules-undefined", page="/basket"),
    # Singles
    Bug("gn-chunk-load", "moss-web", (Exc("TypeError", "Failed to fetch dynamically imported module: https://shop.jackdawmoss.example/assets/CareCalendar-{hex}.js", (*ROUTER_GUARD, src("router/index.ts", "component", 27, 30)), engines={"spidermonkey": "error loading dynamically imported module: https://shop.jackdawmoss.example/assets/CareCalendar-{hex}.js", "jsc": "Importing a module script failed."}),),
        four("index", mech="onunhandledrejection", first=1), classes=(3,), page="/planner/calendar"),
    Bug("gn-json-parse", "moss-web", (Exc("SyntaxError", "Unexpected token '<', \"<!DOCTYPE \"... is not valid JSON", (*VUE_MOUNTED, src("views/Catalogue.vue", "onMounted", 44, 23, "Catalogue"), API), engines={"spidermonkey": "JSON.parse: unexpected character at line 1 column 1 of the JSON data", "jsc": "JSON Parse error: Unrecognized token '<'"}),),
        four("Catalogue", mech="onunhandledrejection"), classes=(3,), page="/catalogue"),
    Bug("gn-recursive-updates", "moss-web", (Exc("Error", "Maximum recursive updates exceeded in component <BasketDrawer>. This means you have a reactive effect that is mutating its own dependencies and thus recursively triggering itself. Possible sources include component template, render function, updated hook or watcher source function.", (*VUE_RENDER, src("components/BasketDrawer.vue", "render", 12, 5, "index"))),),
        four("index", n_ph=1), classes=(4,), page="/basket"),
    Bug("gn-search-results-null", "moss-web", (Exc("TypeError", frames=(*VUE_RENDER, src("views/Search.vue", "render", 41, 36, "Search")), js=JsError("read-null", "data.value.results", "map")),),
        ph_heavy("Search"), classes=(3,), page="/search?q=lavender"),
    Bug("gn-pinia-inactive", "moss-web", (Exc("Error", "[\U0001f34d]: \"getActivePinia()\" was called but there was no active Pinia. Are you trying to use a store before calling \"app.use(pinia)\"?\nSee https://pinia.vuejs.org/core-concepts/outside-component-usage.html for help.\nThis will fail in production.", (*ROUTER_GUARD, src("router/guards.ts", "requireAccount", 8, 17), PINIA)),),
        (see("sentry.error", 2, browser="chrome", chunk="index", release=2, mechanism="onunhandledrejection"), see("sentry.error", browser="edge", chunk="index", release=2, mechanism="onunhandledrejection"), see("posthog", browser="firefox", chunk="index", release=2)),
        classes=(4,), page="/account"),
    Bug("gn-storage-quota", "moss-web", (Exc("QuotaExceededError", "Failed to execute 'setItem' on 'Storage': Setting the value of 'moss.recentlyViewed' exceeded the quota.", (*VUE_MOUNTED, src("composables/useRecent.ts", "remember", 16, 20)), engines={"spidermonkey": "The quota has been exceeded.", "jsc": "The quota has been exceeded."}),),
        (see("sentry.error", 2, browser="safari", chunk="index", release=1, mechanism="vue"), see("sentry.error", browser="chrome", chunk="index", release=2, mechanism="vue"), see("posthog", browser="firefox", chunk="index", release=2)),
        classes=(3,), page="/plants/olea-europaea"),
    Bug("gn-gift-focus-singleton", "moss-web", (Exc("TypeError", frames=(*VUE_CLICK, src("components/GiftMessage.vue", "toggle", 18, 22, "Checkout")), js=JsError("read-null", "input.value", "focus")),),
        (see("sentry.error", browser="firefox", chunk="Checkout", release=2, mechanism="vue"),), singleton=True, page="/checkout/gift"),
]

JACKDAWMOSS = Company(
    key="gn",
    name="Jackdaw Moss Nurseries",
    domain="jackdawmoss.example",
    sentry_org="jackdaw-moss",
    splunk_url="https://jackdawmoss.splunkcloud.com",
    splunk_guid="0C4E7A21-9F3B-4D56-8A12-5B6C9E2F7D40",
    datadog_org=("712651", "Jackdaw Moss Nurseries"),
    datadog_template="recommended",
    posthog_project=(64102, "Moss shop"),
    releases=("2026.06.0", "2026.06.1", "2026.06.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=[],
    sentry_secret="jackdawmoss-sentry-client-secret",
)
# fmt: on
