"""(iq) Haweswater Trails, guided walks and a trail-pass shop: a Nuxt 3.13 app built with
``ssr: false`` (``web``: a single-page Vue 3 app served from a CDN, Pinia stores for the
basket, the wishlist, the account, checkout and recent trails, ``useApi`` over ``$fetch``,
a Leaflet trail map, Vue Router's lazy pages). Since Nuxt 3.8 the chunks carry no names:
``/_nuxt/<8 base64url>.js``, the hash changing with every release.

Sentry: @sentry/vue (``Sentry.init`` in a client plugin, Vue's ``errorHandler``; release
2026.03.3 shipped without its source maps). PostHog: posthog-js' exception autocapture in
Chrome, Edge, Firefox and Safari (minified frames, every one in-app; a few resolved). No
Splunk, no Datadog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Service, see
from ..stacks import VUE_CLICK, VUE_MOUNTED, VUE_RENDER, js

# fmt: off
SDK = ("sentry.javascript.vue", "8.47.0", "npm:@sentry/vue")
SERVICES = {
    "web": Service("web", "javascript", "", "", "", "", 8240512, origin="https://www.haweswatertrails.example", sdk=SDK),
}

PINIA = "node_modules/pinia/dist/pinia.mjs"
OFETCH = "node_modules/ofetch/dist/shared/ofetch.03887fc3.mjs"


def pinia_action(file: str, fn: str, line: int, col: int, chunk: str) -> tuple[Frame, ...]:
    return (js(PINIA, "wrappedAction", 1385, 24, "entry", lib=True), js(file, fn, line, col, chunk))


USE_API = js("composables/useApi.ts", "useApi", 18, 22, "entry")
FETCH_JSON = (js(OFETCH, "$fetchRaw2", 265, 27, "entry", lib=True), js(OFETCH, "parseResponse", 214, 19, "entry", lib=True))
HTML_JSON = {"spidermonkey": "JSON.parse: unexpected character at line 1 column 1 of the JSON data", "jsc": "JSON Parse error: Unrecognized token '<'"}
QUOTA = {"spidermonkey": "The quota has been exceeded.", "jsc": "The quota has been exceeded."}

BUGS = [
    # 1. The same TypeError in two stores' getters.
    Bug("iq-basket-lines-undefined", "web", (Exc("TypeError", frames=(*VUE_RENDER, js("components/layout/BasketBadge.vue", "_sfc_render", 9, 31, "BasketBadge"), js("stores/basket.ts", "itemCount", 41, 29, "BasketBadge")), js=JsError("read-undefined", "state.basket.lines", "length")),),
        (see("posthog", browser="chrome", chunk="BasketBadge"), see("posthog", browser="firefox", chunk="BasketBadge"), see("posthog", browser="safari", chunk="BasketBadge"), see("sentry.error", 2, browser="chrome", chunk="BasketBadge"), see("sentry.issue", browser="edge", chunk="BasketBadge")),
        classes=(3, 4), pair="iq-wishlist-lines-undefined", page="/trails/{slug}"),
    Bug("iq-wishlist-lines-undefined", "web", (Exc("TypeError", frames=(*VUE_RENDER, js("components/layout/WishlistBadge.vue", "_sfc_render", 7, 27, "WishlistBadge"), js("stores/wishlist.ts", "count", 23, 25, "WishlistBadge")), js=JsError("read-undefined", "state.wishlist.lines", "length")),),
        (see("posthog", 2, browser="chrome", chunk="WishlistBadge"), see("posthog", browser="safari", chunk="WishlistBadge"), see("sentry.error", browser="firefox", chunk="WishlistBadge")),
        classes=(3, 4), pair="iq-basket-lines-undefined", page="/account/wishlist"),
    # 2. HTML where JSON was expected, through one useApi helper, from two stores.
    Bug("iq-checkout-html-json", "web", (Exc("SyntaxError", "Unexpected token '<', \"<!DOCTYPE \"... is not valid JSON", (*VUE_CLICK, *pinia_action("stores/checkout.ts", "placeOrder", 58, 26, "checkout"), USE_API, *FETCH_JSON), engines=HTML_JSON),),
        (see("sentry.error", 2, browser="chrome", chunk="checkout"), see("sentry.error", browser="safari", chunk="checkout"), see("posthog", browser="chrome", chunk="checkout"), see("posthog", browser="firefox", chunk="checkout"), see("posthog", browser="edge", chunk="checkout", resolved=True)),
        classes=(3, 9), pair="iq-profile-html-json", page="/checkout"),
    Bug("iq-profile-html-json", "web", (Exc("SyntaxError", "Unexpected token '<', \"<!DOCTYPE \"... is not valid JSON", (*VUE_MOUNTED, *pinia_action("stores/account.ts", "loadProfile", 21, 24, "account"), USE_API, *FETCH_JSON), engines=HTML_JSON),),
        (see("sentry.error", browser="firefox", chunk="account"), see("sentry.error", browser="chrome", chunk="account"), see("posthog", 2, browser="chrome", chunk="account"), see("posthog", browser="safari", chunk="account")),
        classes=(3, 9), pair="iq-checkout-html-json", page="/account"),
    # 3. One trail list render: a missing array and a non-array.
    Bug("iq-traillist-undefined", "web", (Exc("TypeError", frames=(*VUE_RENDER, js("components/trail/TrailList.vue", "_sfc_render", 14, 38, "TrailList")), js=JsError("read-undefined", "props.trails", "filter")),),
        (see("posthog", browser="chrome", chunk="TrailList"), see("posthog", browser="safari", chunk="TrailList"), see("posthog", browser="firefox", chunk="TrailList"), see("sentry.error", browser="chrome", chunk="TrailList")),
        classes=(3, 4), pair="iq-traillist-not-fn", page="/trails"),
    Bug("iq-traillist-not-fn", "web", (Exc("TypeError", frames=(*VUE_RENDER, js("components/trail/TrailList.vue", "_sfc_render", 14, 38, "TrailList")), js=JsError("not-function", "props.trails", "filter", "(t=>t.open)")),),
        (see("posthog", 2, browser="chrome", chunk="TrailList"), see("posthog", browser="edge", chunk="TrailList"), see("sentry.error", browser="safari", chunk="TrailList"), see("sentry.error", browser="chrome", chunk="TrailList", release=2, sourcemaps=False)),
        classes=(3, 4, 10), pair="iq-traillist-undefined", page="/trails"),
    # 4. localStorage full, persisting two stores.
    Bug("iq-basket-quota", "web", (Exc("QuotaExceededError", "Failed to execute 'setItem' on 'Storage': Setting the value of 'hw-basket' exceeded the quota.", (js(PINIA, "triggerSubscriptions", 1129, 25, "entry", lib=True), js("plugins/persist.client.ts", "persist", 12, 22, "entry"), js("utils/storage.ts", "writeJson", 8, 18, "entry")), engines=QUOTA),),
        (see("posthog", browser="chrome", chunk="entry"), see("posthog", browser="safari", chunk="entry"), see("sentry.error", browser="firefox", chunk="entry"), see("sentry.error", browser="chrome", chunk="entry")),
        classes=(3,), pair="iq-recent-quota", page="/trails/{slug}"),
    Bug("iq-recent-quota", "web", (Exc("QuotaExceededError", "Failed to execute 'setItem' on 'Storage': Setting the value of 'hw-recent-trails' exceeded the quota.", (*VUE_MOUNTED, js("pages/trails/[slug].vue", "setup", 44, 16, "slug"), *pinia_action("stores/recent.ts", "remember", 19, 13, "slug"), js("utils/storage.ts", "writeJson", 8, 18, "entry")), engines=QUOTA),),
        (see("posthog", 2, browser="chrome", chunk="slug"), see("posthog", browser="safari", chunk="slug"), see("sentry.error", browser="chrome", chunk="slug")),
        classes=(3,), pair="iq-basket-quota", page="/trails/{slug}"),
    # 5. One slot formatter: an invalid date, and an undefined time string.
    Bug("iq-slot-invalid-date", "web", (Exc("RangeError", "Invalid time value", (*VUE_RENDER, js("components/booking/SlotPicker.vue", "_sfc_render", 22, 19, "book"), js("utils/slots.ts", "formatSlot", 7, 33, "book")), engines={"spidermonkey": "invalid date", "jsc": "Invalid Date"}),),
        (see("posthog", browser="chrome", chunk="book"), see("posthog", browser="firefox", chunk="book"), see("posthog", browser="safari", chunk="book"), see("sentry.error", browser="safari", chunk="book"), see("sentry.error", browser="chrome", chunk="book")),
        classes=(3,), pair="iq-slot-start-undefined", page="/walks/{slug}/book"),
    Bug("iq-slot-start-undefined", "web", (Exc("TypeError", frames=(*VUE_RENDER, js("components/booking/SlotPicker.vue", "_sfc_render", 22, 19, "book"), js("utils/slots.ts", "formatSlot", 5, 24, "book")), js=JsError("read-undefined", "slot.startsAt", "split")),),
        (see("posthog", 2, browser="chrome", chunk="book"), see("posthog", browser="edge", chunk="book"), see("sentry.error", browser="firefox", chunk="book")),
        classes=(3, 4), pair="iq-slot-invalid-date", page="/walks/{slug}/book"),
    # Not pairs.
    Bug("iq-chunk-load", "web", (Exc("TypeError", "Failed to fetch dynamically imported module: https://www.haweswatertrails.example/_nuxt/CfE2kq7N.js", (js("node_modules/vue-router/dist/vue-router.mjs", "extractComponentsGuards", 2151, 37, "entry", lib=True),), engines={"spidermonkey": "error loading dynamically imported module: https://www.haweswatertrails.example/_nuxt/CfE2kq7N.js", "jsc": "Importing a module script failed."}),),
        (see("posthog", browser="chrome", chunk="entry"), see("posthog", browser="firefox", chunk="entry"), see("posthog", browser="safari", chunk="entry"), see("posthog", browser="edge", chunk="entry"), see("sentry.error", browser="safari", chunk="entry"), see("sentry.error", browser="chrome", chunk="entry")),
        classes=(3,), page="/walks/{slug}"),
    Bug("iq-no-active-pinia", "web", (Exc("Error", "[🍍]: \"getActivePinia()\" was called but there was no active Pinia. Are you trying to use a store before calling \"app.use(pinia)\"?\nSee https://pinia.vuejs.org/core-concepts/outside-component-usage.html for help.\nThis will fail in production.", (js("node_modules/vue-router/dist/vue-router.mjs", "runGuardQueue", 2380, 44, "entry", lib=True), js("middleware/auth.global.ts", "default", 6, 19, "entry"), js(PINIA, "useStore", 1702, 19, "entry", lib=True))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("sentry.error", release=2, sourcemaps=False), see("posthog", browser="chrome", chunk="entry"), see("posthog", browser="firefox", chunk="entry", release=1)),
        classes=(3, 5), page="/account", span=3, renames={"default": "authGuard"}),
    Bug("iq-leaflet-latlng", "web", (Exc("Error", "Invalid LatLng object: (NaN, NaN)", (*VUE_MOUNTED, js("components/trail/TrailMap.vue", "setup", 37, 14, "TrailMap"), js("node_modules/leaflet/dist/leaflet-src.js", "toLatLng", 1523, 11, "TrailMap", lib=True), js("node_modules/leaflet/dist/leaflet-src.js", "LatLng", 1382, 10, "TrailMap", lib=True))),),
        (see("posthog", browser="chrome", chunk="TrailMap"), see("posthog", browser="safari", chunk="TrailMap"), see("sentry.error", 2, browser="chrome", chunk="TrailMap"), see("sentry.error", browser="firefox", chunk="TrailMap")),
        classes=(3,), page="/trails/{slug}/map"),
    Bug("iq-pass-emit-not-fn", "web", (Exc("TypeError", frames=(*VUE_CLICK, js("components/pass/PassPicker.vue", "choose", 29, 12, "PassPicker")), js=JsError("not-function", "props", "onSelect", "(n)")),),
        (see("posthog", 2, browser="chrome", chunk="PassPicker"), see("posthog", browser="safari", chunk="PassPicker"), see("sentry.error", browser="edge", chunk="PassPicker")),
        classes=(3,), page="/passes"),
    Bug("iq-stripe-elements", "web", (Exc("IntegrationError", "Invalid value for confirmPayment(): elements should have a mounted Payment Element or Express Checkout Element.", (*VUE_CLICK, *pinia_action("stores/checkout.ts", "confirmCard", 83, 32, "checkout"), js("https://js.stripe.com/v3/", "confirmPayment", 1, 412803, "checkout", lib=True))),),
        (see("sentry.error", 2, browser="chrome", chunk="checkout"), see("sentry.error", browser="safari", chunk="checkout"), see("posthog", browser="firefox", chunk="checkout"), see("posthog", browser="chrome", chunk="checkout")),
        classes=(3,), page="/checkout"),
    Bug("iq-singleton-webkit", "web", (Exc("TypeError", frames=(*VUE_CLICK, js("components/walk/ShareButton.vue", "share", 16, 24, "ShareButton")), js=JsError("not-function", "navigator", "share", "(t)")),),
        (see("posthog", browser="safari", chunk="ShareButton"),),
        classes=(3,), singleton=True, page="/walks/{slug}"),
]

HAWESWATER = Company(
    key="iq",
    name="Haweswater Trails",
    domain="haweswatertrails.example",
    sentry_org="haweswater-trails",
    splunk_url="",
    splunk_guid="",
    datadog_org=("", ""),
    datadog_template="custom",
    posthog_project=(82405, "Haweswater web"),
    releases=("2026.03.1", "2026.03.2", "2026.03.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=[],
    sentry_secret="haweswater-sentry-client-secret",
)
# fmt: on
