"""(ki) Arkholme Cycles, a bike shop's parts store and workshop bookings: a Nuxt 3.13 SSR
storefront on Node 20 (``storefront``: Vue 3 pages rendered by Nitro, server routes under
``server/api`` calling the shop's commerce API through one ``shopApi`` helper, the workshop
diary through ``diary``) and the same app hydrated in the browser (``storefront-web``: Vite
chunks under ``/_nuxt/<Name>.<hash>.js``).

Sentry: @sentry/nuxt 8 on the server (source maps uploaded) and in the browser (the first
release shipped without browser source maps), with an issue alert on the server project.
PostHog: posthog-js exception autocapture in Chrome, Edge, Firefox and Safari (raw minified
frames, a few resolved). Splunk: a universal forwarder on the container's output, one saved
search over Nitro's ``[nuxt] [request error] [unhandled] [500]`` lines and consola's
`` ERROR  [tag]`` lines. No Datadog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import VUE_CLICK, VUE_MOUNTED, VUE_RENDER, js, nd

# fmt: off
SDK = ("sentry.javascript.nuxt", "8.55.0", "npm:@sentry/nuxt")
SERVICES = {
    "storefront": Service("storefront", "node", "ki-nitro", "arkholme:nuxt", "/var/log/containers/storefront.log", "ark_web", 5190331, "node v20.17.0", framework="nitro", sdk=SDK),
    "storefront-web": Service("storefront-web", "javascript", "", "", "", "", 5190332, origin="https://shop.arkholmecycles.example", sdk=SDK),
}
H3 = "node_modules/h3/dist/index.mjs"
NITRO = (
    nd(H3, "Server.toNodeHandle", 2249, 7, lib=True, awaited=True),
    nd(H3, "", 1975, 19, lib=True, awaited=True),
    nd(H3, "Object.handler", 1894, 19, lib=True, awaited=True),
)
SSR = (
    *NITRO,
    nd("node_modules/nuxt/dist/core/runtime/nitro/renderer.js", "", 219, 20, lib=True, awaited=True),
    nd("node_modules/@vue/server-renderer/dist/server-renderer.cjs.js", "renderComponentVNode", 681, 15, lib=True),
    nd("node_modules/@vue/runtime-core/dist/runtime-core.cjs.js", "setupStatefulComponent", 7859, 25, lib=True),
    nd("node_modules/@vue/runtime-core/dist/runtime-core.cjs.js", "callWithErrorHandling", 200, 19, lib=True),
)
OFETCH = (
    nd("node_modules/ofetch/dist/shared/ofetch.03887fc3.mjs", "$fetchRaw2", 262, 14, lib=True, awaited=True),
    nd("node_modules/ofetch/dist/shared/ofetch.03887fc3.mjs", "onError", 177, 19, lib=True),
)
SHOP_API = nd("server/utils/shopApi.ts", "shopApi", 19, 10, awaited=True)


def route(file: str, line: int, col: int, fn: str = "") -> Frame:
    return nd(f"server/api/{file}", fn, line, col, awaited=True)


READ_AXLE = "Cannot read properties of undefined (reading 'axle')"
READ_VARIANTS = "Cannot read properties of null (reading 'variants')"
SEARCH = {"search": "storefront - nuxt request errors", "owner": "svc_web", "app": "ark_web"}
ISSUE_RULE = {"rule": "storefront: new server issue"}

BUGS = [
    # One V8 TypeError in two server routes: a part's compatibility and the bike-fit check.
    Bug("ki-part-axle", "storefront", (Exc("TypeError", READ_AXLE, (*NITRO, route("parts/[sku]/compat.get.ts", 24, 37), nd("server/utils/compat.ts", "matchHub", 31, 26))),),
        (see("sentry.error", 3), see("sentry.error", release=2), see("splunk", 2, **SEARCH), see("sentry.alert", **ISSUE_RULE)),
        classes=(4, 5), pair="ki-fit-axle", entry="GET /api/parts/{sku}/compat", span=3, renames={"matchHub": "hubMatches"}),
    Bug("ki-fit-axle", "storefront", (Exc("TypeError", READ_AXLE, (*NITRO, route("fit/check.post.ts", 17, 29), nd("server/utils/fit.ts", "wheelFor", 12, 40))),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **SEARCH)),
        classes=(4,), pair="ki-part-axle", entry="POST /api/fit/check"),
    # Two SSR pages reading the variants of a product the API did not find.
    Bug("ki-part-page-variants", "storefront", (Exc("TypeError", READ_VARIANTS, (*SSR, nd("pages/parts/[slug].vue", "setup", 31, 42))),),
        (see("sentry.error", 3), see("splunk", 3, **SEARCH)),
        classes=(4,), pair="ki-bundle-page-variants", entry="GET /parts/{slug}"),
    Bug("ki-bundle-page-variants", "storefront", (Exc("TypeError", READ_VARIANTS, (*SSR, nd("pages/bundles/[slug].vue", "setup", 22, 35))),),
        (see("sentry.error", 2), see("sentry.alert", **ISSUE_RULE), see("splunk", 2, **SEARCH)),
        classes=(4,), pair="ki-part-page-variants", entry="GET /bundles/{slug}"),
    # The commerce API helper at the end of two failures: the cart's 502, the workshop's 504.
    Bug("ki-cart-502", "storefront", (Exc("FetchError", '[POST] "https://api.commerce-hub.example/v1/carts/{uuid}/lines": 502 Bad Gateway', (*NITRO, route("cart/lines.post.ts", 14, 22), SHOP_API, *OFETCH)),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **SEARCH)),
        classes=(9,), pair="ki-workshop-504", entry="POST /api/cart/lines"),
    Bug("ki-workshop-504", "storefront", (Exc("FetchError", '[GET] "https://api.commerce-hub.example/v1/services?store=arkholme": 504 Gateway Timeout', (*NITRO, route("workshop/services.get.ts", 9, 18), nd("server/utils/workshop.ts", "listServices", 7, 16, awaited=True), SHOP_API, *OFETCH)),),
        (see("sentry.error", 3), see("splunk", 3, **SEARCH)),
        classes=(9,), pair="ki-cart-502", entry="GET /api/workshop/services", span=2),
    # One slots route, two exceptions: an invalid date from the diary, an HTML error page.
    Bug("ki-slots-date", "storefront", (Exc("RangeError", "Invalid time value", (*NITRO, route("workshop/slots.get.ts", 26, 31, "slotsHandler"), nd("node_modules/date-fns/format.mjs", "format", 364, 11, lib=True))),),
        (see("sentry.error", 3), see("splunk", 2, **SEARCH)),
        classes=(4,), pair="ki-slots-json", entry="GET /api/workshop/slots"),
    Bug("ki-slots-json", "storefront", (Exc("SyntaxError", 'Unexpected token \'<\', "<html>\r\n<h"... is not valid JSON', (*NITRO, route("workshop/slots.get.ts", 19, 24, "slotsHandler"), nd("server/utils/diary.ts", "fetchDiary", 15, 23, awaited=True))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **SEARCH)),
        classes=(4,), pair="ki-slots-date", entry="GET /api/workshop/slots"),
    # The price read from an undefined variant in two components, in each engine's words.
    Bug("ki-cartline-price", "storefront-web", (Exc("TypeError", frames=(*VUE_RENDER, js("components/cart/CartLine.vue", "_sfc_render", 18, 33, "CartLine")), js=JsError("read-undefined", "line.variant", "price")),),
        (see("posthog", 2, browser="chrome", chunk="CartLine"), see("posthog", browser="firefox", chunk="CartLine"), see("posthog", browser="safari", chunk="CartLine"), see("posthog", browser="edge", chunk="CartLine", release=1, resolved=True), see("sentry.error", browser="chrome", chunk="CartLine")),
        classes=(3, 4), pair="ki-partcard-price", page="/cart"),
    Bug("ki-partcard-price", "storefront-web", (Exc("TypeError", frames=(*VUE_RENDER, js("components/parts/PartCard.vue", "_sfc_render", 27, 41, "PartCard")), js=JsError("read-undefined", "part.variant", "price")),),
        (see("posthog", browser="chrome", chunk="PartCard"), see("posthog", browser="edge", chunk="PartCard"), see("posthog", browser="safari", chunk="PartCard"), see("sentry.error", browser="firefox", chunk="PartCard"), see("sentry.error", browser="chrome", chunk="PartCard", release=0, sourcemaps=False)),
        classes=(3, 4), pair="ki-cartline-price", page="/parts"),
    # One frame-size helper, two exceptions: a missing formatter and a null reading.
    Bug("ki-sizer-tofixed", "storefront-web", (Exc("TypeError", frames=(*VUE_CLICK, js("components/fit/FrameSizer.vue", "onMeasure", 41, 12, "FrameSizer"), js("utils/sizing.ts", "recommendSize", 17, 28, "FrameSizer")), js=JsError("not-function", "inseam", "toFixed", "(1)")),),
        (see("posthog", 2, browser="chrome", chunk="FrameSizer"), see("posthog", browser="firefox", chunk="FrameSizer"), see("posthog", browser="safari", chunk="FrameSizer"), see("sentry.error", browser="edge", chunk="FrameSizer")),
        classes=(3, 4), pair="ki-sizer-null", page="/fit"),
    Bug("ki-sizer-null", "storefront-web", (Exc("TypeError", frames=(*VUE_CLICK, js("components/fit/FrameSizer.vue", "onMeasure", 41, 12, "FrameSizer"), js("utils/sizing.ts", "recommendSize", 23, 19, "FrameSizer")), js=JsError("read-null", "chart.rows", "find")),),
        (see("posthog", browser="chrome", chunk="FrameSizer"), see("posthog", browser="safari", chunk="FrameSizer"), see("sentry.error", browser="chrome", chunk="FrameSizer"), see("sentry.error", browser="firefox", chunk="FrameSizer")),
        classes=(3, 4), pair="ki-sizer-tofixed", page="/fit"),
    # Not pairs.
    Bug("ki-chunk-load", "storefront-web", (Exc("TypeError", "Failed to fetch dynamically imported module: https://shop.arkholmecycles.example/_nuxt/WorkshopBooking.{hex}.js", (js("node_modules/vue-router/dist/vue-router.mjs", "extractComponentsGuards", 2143, 37, "entry", lib=True),), engines={"spidermonkey": "error loading dynamically imported module: https://shop.arkholmecycles.example/_nuxt/WorkshopBooking.{hex}.js", "jsc": "Importing a module script failed."}),),
        (see("posthog", browser="chrome", chunk="entry"), see("posthog", browser="edge", chunk="entry"), see("posthog", browser="firefox", chunk="entry"), see("posthog", browser="safari", chunk="entry"), see("sentry.error", browser="safari", chunk="entry")),
        classes=(3,), page="/workshop"),
    Bug("ki-recent-quota", "storefront-web", (Exc("QuotaExceededError", "Failed to execute 'setItem' on 'Storage': Setting the value of 'ark:recently-viewed' exceeded the quota.", (*VUE_MOUNTED, js("composables/useRecentlyViewed.ts", "remember", 14, 20, "entry")), engines={"spidermonkey": "The quota has been exceeded.", "jsc": "The quota has been exceeded."}),),
        (see("posthog", 2, browser="safari", chunk="entry"), see("posthog", browser="chrome", chunk="entry"), see("posthog", browser="firefox", chunk="entry"), see("sentry.error", browser="safari", chunk="entry")),
        classes=(3,), page="/parts/{slug}"),
    Bug("ki-session-redis", "storefront", (Exc("Error", "connect ECONNREFUSED 10.44.2.19:6379", (nd("node:net", "TCPConnectWrap.afterConnect [as oncomplete]", 1607, 16, lib=True),)),),
        (see("sentry.error", 3), see("splunk", 3, tag="session", **SEARCH)),
        classes=(10,), entry="GET /api/cart", log="Could not read the cart session", handled=True, span=2),
    Bug("ki-sitemap-timeout", "storefront", (Exc("TimeoutError", "The operation was aborted due to timeout", (nd("node:internal/deps/undici/undici", "fetch", 13185, 13, lib=True, awaited=True), nd("server/routes/sitemap.xml.ts", "", 11, 20, awaited=True))),),
        (see("sentry.error", 2), see("splunk", 2, **SEARCH)),
        entry="GET /sitemap.xml"),
    Bug("ki-checkout-stripe-key", "storefront", (Exc("StripeAuthenticationError", "Invalid API Key provided: sk_live_********************{args}", (*NITRO, route("checkout/session.post.ts", 28, 40), nd("node_modules/stripe/esm/RequestSender.js", "RequestSender._handleError", 97, 23, lib=True))),),
        (see("sentry.error", 3), see("sentry.alert", **ISSUE_RULE), see("splunk", 2, **SEARCH)),
        entry="POST /api/checkout/session"),
    Bug("ki-singleton-og", "storefront", (Exc("TypeError", "Cannot read properties of undefined (reading 'hero')", (*NITRO, nd("server/routes/og/[slug].png.ts", "", 19, 33, awaited=True))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /og/{slug}.png"),
]

NOISE = [
    Noise("ki-noise-listening", "storefront", "splunk", {**SEARCH, "line": "Listening on http://[::]:3000"}),
    Noise("ki-noise-metric", "storefront", "sentry.metric", {"rule": "storefront p95 LCP", "action": "resolved", "threshold": "2500", "value": "1830", "aggregate": "p95(measurements.lcp)", "dataset": "transactions"}),
]

ARKHOLME = Company(
    key="ki",
    name="Arkholme Cycles",
    domain="arkholmecycles.example",
    sentry_org="arkholme-cycles",
    splunk_url="https://arkholme.splunkcloud.com",
    splunk_guid="A4C93E12-7D58-4B06-8E2F-61B0D9C3F784",
    datadog_org=("", ""),
    datadog_template="default",
    posthog_project=(88140, "Arkholme shop"),
    releases=("2026.03.0", "2026.03.1", "2026.03.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="arkholme-sentry-client-secret",
)
# fmt: on
