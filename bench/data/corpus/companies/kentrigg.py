"""(ml) Kentrigg Yarns, wool, patterns and knitting kits: a Nuxt 3.14 storefront rendered by
Nitro on Node 20 (``storefront``: SSR pages, server routes under ``server/api`` calling the
shop's commerce API through one ``commerce`` helper over ``$fetch``) and hydrated in the
browser (``storefront-web``: Vite chunks named by hash alone, ``/_nuxt/<hash>.js``, a new hash
each release; Pinia stores, a colour-swatch picker, the basket).

Sentry: @sentry/nuxt on the server and in the browser (the third release shipped without its
browser source maps). PostHog: posthog-js' exception autocapture in Chrome, Firefox, Safari
and Edge (minified frames, every one in-app; a few resolved). Datadog: the agent collects the
container's stdout, Nitro's ``[nuxt] [request error] [unhandled] [500]`` line over its stack
and consola's `` ERROR  [tag]`` lines (the canary nodes without the multi-line rule keep the
first line alone); one log monitor pasting ``{{log.message}}`` over the storefront's errors.
No Splunk.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import VUE_CLICK, VUE_MOUNTED, VUE_RENDER, js, nd

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.javascript.nuxt", "8.55.0", "npm:@sentry/nuxt")
SERVICES = {
    "storefront": Service("storefront", "node", "ml-nitro", "", "", "", 8830111, "node v20.18.1", framework="nitro", sdk=SDK),
    "storefront-web": Service("storefront-web", "javascript", "", "", "", "", 8830112, origin="https://www.kentriggyarns.example", sdk=SDK),
}
H3 = "node_modules/h3/dist/index.mjs"
NITRO = (
    nd(H3, "Server.toNodeHandle", 2249, 7, lib=True, awaited=True),
    nd(H3, "", 1975, 19, lib=True, awaited=True),
    nd(H3, "Object.handler", 1894, 19, lib=True, awaited=True),
)
SSR = (
    *NITRO,
    nd("node_modules/nuxt/dist/core/runtime/nitro/renderer.js", "", 231, 20, lib=True, awaited=True),
    nd("node_modules/@vue/server-renderer/dist/server-renderer.cjs.js", "renderComponentVNode", 681, 15, lib=True),
    nd("node_modules/@vue/runtime-core/dist/runtime-core.cjs.js", "setupStatefulComponent", 7859, 25, lib=True),
    nd("node_modules/@vue/runtime-core/dist/runtime-core.cjs.js", "callWithErrorHandling", 200, 19, lib=True),
)
OFETCH = (
    nd("node_modules/ofetch/dist/shared/ofetch.03887fc3.mjs", "$fetchRaw2", 262, 14, lib=True, awaited=True),
    nd("node_modules/ofetch/dist/shared/ofetch.03887fc3.mjs", "onError", 177, 19, lib=True),
)
COMMERCE = nd("server/utils/commerce.ts", "commerce", 22, 10, awaited=True)
PINIA = "node_modules/pinia/dist/pinia.mjs"


def api(file: str, line: int, col: int) -> Frame:
    return nd(f"server/api/{file}", "", line, col, awaited=True)


def pinia(file: str, fn: str, line: int, col: int, chunk: str) -> tuple[Frame, ...]:
    return (js(PINIA, "wrappedAction", 1385, 24, "entry", lib=True), js(file, fn, line, col, chunk))


READ_GAUGE = "Cannot read properties of undefined (reading 'gauge')"
TEAM = "web"
DD = {"monitor": "[storefront] Nitro errors", "team": TEAM, "filter": "service:storefront env:prod status:error", "text": "storefront is logging errors ({{value}} in 10m).\n\n```\n{{log.message}}\n```", "sample_lines": 6}
DD_HEAD = dict(DD, head=True)
QUOTA = {"spidermonkey": "The quota has been exceeded.", "jsc": "The quota has been exceeded."}

BUGS = [
    # 1. One V8 TypeError in two SSR pages reading a pattern's gauge.
    Bug("ml-pattern-gauge", "storefront", (Exc("TypeError", READ_GAUGE, (*SSR, nd("pages/patterns/[slug].vue", "setup", 38, 44), nd("utils/tension.ts", "gaugeLabel", 6, 29))),),
        (see("sentry.error", 3), see("sentry.issue"), see("datadog.log", 2, **DD)),
        classes=(4,), pair="ml-kit-gauge", entry="GET /patterns/{slug}"),
    Bug("ml-kit-gauge", "storefront", (Exc("TypeError", READ_GAUGE, (*SSR, nd("pages/kits/[slug].vue", "setup", 27, 31))),),
        (see("sentry.error", 2), see("datadog.log", **DD), see("datadog.log", **DD_HEAD)),
        classes=(4,), pair="ml-pattern-gauge", entry="GET /kits/{slug}"),
    # 2. The commerce helper at the end of two failures: the basket's 502, stock's 504.
    Bug("ml-basket-502", "storefront", (Exc("FetchError", '[POST] "https://api.knitcommerce.example/v2/baskets/{uuid}/items": 502 Bad Gateway', (*NITRO, api("basket/items.post.ts", 16, 24), COMMERCE, *OFETCH)),),
        (see("sentry.error", 3), see("datadog.log", 2, **DD)),
        classes=(9,), pair="ml-stock-504", entry="POST /api/basket/items"),
    Bug("ml-stock-504", "storefront", (Exc("FetchError", '[GET] "https://api.knitcommerce.example/v2/stock?sku={sku}": 504 Gateway Timeout', (*NITRO, api("stock/[sku].get.ts", 9, 18), nd("server/utils/stock.ts", "levels", 11, 16, awaited=True), COMMERCE, *OFETCH)),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("datadog.log", **DD), see("datadog.log", **DD_HEAD)),
        classes=(9, 5), pair="ml-basket-502", entry="GET /api/stock/{sku}", span=3, renames={"levels": "stockLevels"}),
    # 3. The same TypeError in two badges (browser).
    Bug("ml-basket-badge", "storefront-web", (Exc("TypeError", frames=(*VUE_RENDER, js("components/header/BasketBadge.vue", "_sfc_render", 11, 33, "BasketBadge"), js("stores/basket.ts", "count", 38, 27, "BasketBadge")), js=JsError("read-undefined", "state.basket.items", "length")),),
        (see("posthog", browser="chrome", chunk="BasketBadge"), see("posthog", browser="firefox", chunk="BasketBadge"), see("posthog", browser="safari", chunk="BasketBadge"), see("sentry.error", 2, browser="chrome", chunk="BasketBadge")),
        classes=(3, 4), pair="ml-favourites-badge", page="/yarns/{slug}"),
    Bug("ml-favourites-badge", "storefront-web", (Exc("TypeError", frames=(*VUE_RENDER, js("components/header/FavouritesBadge.vue", "_sfc_render", 8, 29, "FavouritesBadge"), js("stores/favourites.ts", "count", 19, 25, "FavouritesBadge")), js=JsError("read-undefined", "state.favourites.items", "length")),),
        (see("posthog", 2, browser="chrome", chunk="FavouritesBadge"), see("posthog", browser="safari", chunk="FavouritesBadge"), see("sentry.error", browser="firefox", chunk="FavouritesBadge")),
        classes=(3, 4), pair="ml-basket-badge", page="/account/favourites"),
    # 4. One swatch picker: an undefined colourway, then a colourways list that is not an array.
    Bug("ml-swatch-undefined", "storefront-web", (Exc("TypeError", frames=(*VUE_RENDER, js("components/product/SwatchPicker.vue", "_sfc_render", 17, 40, "SwatchPicker")), js=JsError("read-undefined", "props.colourways", "map")),),
        (see("posthog", browser="chrome", chunk="SwatchPicker"), see("posthog", browser="safari", chunk="SwatchPicker"), see("posthog", browser="firefox", chunk="SwatchPicker"), see("sentry.error", browser="chrome", chunk="SwatchPicker"), see("sentry.error", browser="safari", chunk="SwatchPicker")),
        classes=(3, 4), pair="ml-swatch-not-fn", page="/yarns/{slug}"),
    Bug("ml-swatch-not-fn", "storefront-web", (Exc("TypeError", frames=(*VUE_RENDER, js("components/product/SwatchPicker.vue", "_sfc_render", 17, 40, "SwatchPicker")), js=JsError("not-function", "props.colourways", "map", "(c=>c.hex)")),),
        (see("posthog", 2, browser="chrome", chunk="SwatchPicker"), see("posthog", browser="firefox", chunk="SwatchPicker"), see("sentry.error", browser="chrome", chunk="SwatchPicker"), see("sentry.error", browser="chrome", chunk="SwatchPicker", release=2, sourcemaps=False)),
        classes=(3, 4, 10), pair="ml-swatch-undefined", page="/yarns/{slug}"),
    # 5. localStorage full: the basket and the recently-viewed list.
    Bug("ml-basket-quota", "storefront-web", (Exc("QuotaExceededError", "Failed to execute 'setItem' on 'Storage': Setting the value of 'ky-basket' exceeded the quota.", (js(PINIA, "triggerSubscriptions", 1129, 25, "entry", lib=True), js("plugins/persist.client.ts", "persist", 14, 22, "entry"), js("utils/storage.ts", "save", 9, 18, "entry")), engines=QUOTA),),
        (see("posthog", browser="chrome", chunk="entry"), see("posthog", browser="safari", chunk="entry"), see("sentry.error", browser="firefox", chunk="entry"), see("sentry.error", browser="chrome", chunk="entry")),
        classes=(3,), pair="ml-recent-quota", page="/basket"),
    Bug("ml-recent-quota", "storefront-web", (Exc("QuotaExceededError", "Failed to execute 'setItem' on 'Storage': Setting the value of 'ky-recently-viewed' exceeded the quota.", (*VUE_MOUNTED, js("pages/yarns/[slug].vue", "setup", 52, 16, "slug"), *pinia("stores/recent.ts", "remember", 21, 13, "slug"), js("utils/storage.ts", "save", 9, 18, "entry")), engines=QUOTA),),
        (see("posthog", 2, browser="chrome", chunk="slug"), see("posthog", browser="safari", chunk="slug"), see("sentry.error", browser="chrome", chunk="slug")),
        classes=(3,), pair="ml-basket-quota", page="/yarns/{slug}"),
    # Not pairs.
    Bug("ml-ssr-window", "storefront", (Exc("ReferenceError", "window is not defined", (*SSR, nd("components/product/ZoomViewer.vue", "setup", 14, 21), nd("composables/useViewport.ts", "useViewport", 5, 18))),),
        (see("sentry.error", 3), see("datadog.log", 2, **DD)),
        entry="GET /yarns/{slug}"),
    Bug("ml-ssr-logged-shipping", "storefront", (Exc("Error", "No shipping band for postcode area 'ZE'", (*NITRO, api("shipping/quote.post.ts", 21, 15), nd("server/utils/shipping.ts", "bandFor", 33, 11))),),
        (see("sentry.error", 2), see("datadog.log", 2, tag="shipping", **DD)),
        handled=True, entry="POST /api/shipping/quote", log="shipping quote failed for basket {uuid}"),
    Bug("ml-chunk-load", "storefront-web", (Exc("TypeError", "Failed to fetch dynamically imported module: https://www.kentriggyarns.example/_nuxt/Dk3pQ9wA.js", (js("node_modules/vue-router/dist/vue-router.mjs", "extractComponentsGuards", 2151, 37, "entry", lib=True),), engines={"spidermonkey": "error loading dynamically imported module: https://www.kentriggyarns.example/_nuxt/Dk3pQ9wA.js", "jsc": "Importing a module script failed."}),),
        (see("posthog", browser="chrome", chunk="entry"), see("posthog", browser="firefox", chunk="entry"), see("posthog", browser="safari", chunk="entry"), see("sentry.error", browser="safari", chunk="entry"), see("sentry.error", browser="chrome", chunk="entry")),
        classes=(3,), page="/patterns/{slug}"),
    Bug("ml-stripe-mount", "storefront-web", (Exc("IntegrationError", "Invalid value for confirmPayment(): elements should have a mounted Payment Element or Express Checkout Element.", (*VUE_CLICK, *pinia("stores/checkout.ts", "pay", 71, 30, "checkout"), js("https://js.stripe.com/v3/", "confirmPayment", 1, 412803, "checkout", lib=True))),),
        (see("sentry.error", 2, browser="chrome", chunk="checkout"), see("sentry.error", browser="safari", chunk="checkout"), see("posthog", browser="firefox", chunk="checkout"), see("posthog", browser="chrome", chunk="checkout", resolved=True)),
        classes=(3,), page="/checkout"),
    Bug("ml-kit-builder-null", "storefront-web", (Exc("TypeError", frames=(*VUE_CLICK, js("components/kit/KitBuilder.vue", "addSkein", 64, 19, "KitBuilder")), js=JsError("read-null", "selected.value", "weight")),),
        (see("posthog", 2, browser="chrome", chunk="KitBuilder"), see("posthog", browser="firefox", chunk="KitBuilder"), see("sentry.error", browser="chrome", chunk="KitBuilder"), see("sentry.error", browser="safari", chunk="KitBuilder", release=2, sourcemaps=False)),
        classes=(3, 10), page="/kits/build", span=3),
    Bug("ml-singleton-share", "storefront-web", (Exc("TypeError", frames=(*VUE_CLICK, js("components/pattern/ShareButton.vue", "share", 12, 24, "ShareButton")), js=JsError("not-function", "navigator", "share", "(t)")),),
        (see("posthog", browser="firefox", chunk="ShareButton"),),
        classes=(3,), singleton=True, page="/patterns/{slug}"),
]

NOISE = [
    Noise("ml-noise-recovered", "storefront", "datadog.log", {**DD, "text": "[Recovered] storefront Nitro errors back under 3 in 10m.", "transition": "Recovered", "alert_type": "success"}),
    Noise("ml-noise-listening", "storefront", "datadog.log", {**DD, "monitor": "[storefront] container restarts", "text": "storefront restarted on i-0a41c7e2: Listening on http://[::]:3000", "alert_type": "info", "transition": "Triggered", "priority": "P5"}),
]

KENTRIGG = Company(
    key="ml",
    name="Kentrigg Yarns",
    domain="kentriggyarns.example",
    sentry_org="kentrigg-yarns",
    splunk_url="",
    splunk_guid="",
    datadog_org=("1150303", "Kentrigg Yarns"),
    datadog_template="recommended",
    posthog_project=(88301, "Kentrigg storefront"),
    releases=("2026.03.1", "2026.03.2", "2026.03.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="kentrigg-sentry-client-secret",
)
# fmt: on
