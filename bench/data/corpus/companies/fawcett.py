"""(fb) Fawcett Outdoor, a climbing and camping shop: a Nuxt 3.15 storefront rendered on
Node 22 (``storefront``: Nitro's server routes under ``server/api`` calling the inventory,
reviews, promotions and address services with ``$fetch``, sessions in Redis through
unstorage, Stripe for payments, the pages rendered by Vue 3's SSR) and the same app hydrated
in the browser (``web``: Vite chunks under ``/_nuxt/<name>.<hash>.js``).

Sentry: @sentry/nuxt on the server (source maps uploaded, so frames name ``server/api/*.ts``)
and in the browser. PostHog: posthog-js in the browser (raw minified frames, one resolved
event per bug). Splunk: the server container's stdout (``fb-nitro-console``: Nuxt's
"[nuxt] [request error] [unhandled] [500]" line over the stack of the bundled
``.output/server`` chunks; consola's fancy `` ERROR  [tag]`` lines for what the app logs
itself). No Datadog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import VUE_CLICK, VUE_MOUNTED, VUE_RENDER, js, nd

# The tables keep one frame or delivery per line.
# fmt: off
SDK_SERVER = ("sentry.javascript.nuxt", "8.47.0", "npm:@sentry/nuxt")
SERVICES = {
    "storefront": Service("storefront", "node", "fb-nitro-console", "kube:container:storefront", "/var/log/containers/storefront.log", "fb_web", 4409182, "node v22.12.0", framework="nitro", sdk=SDK_SERVER),
    "web": Service("web", "javascript", "", "", "", "", 4409185, origin="https://www.fawcett-outdoor.example", sdk=SDK_SERVER),
}

H3 = "node_modules/h3/dist/index.mjs"
# Nitro's node server handing a request to h3 and the route's handler (oldest first).
NITRO = (
    nd(H3, "Server.toNodeHandle", 2295, 7, lib=True, awaited=True),
    nd("node_modules/unctx/dist/index.mjs", "Object.callAsync", 72, 16, lib=True, awaited=True),
    nd(H3, "", 2010, 19, lib=True, awaited=True),
    nd(H3, "Object.handler", 1929, 19, lib=True, awaited=True),
)
# The SSR renderer route rendering a page: Vue's server renderer calling a component's setup.
SSR = (
    *NITRO,
    nd("node_modules/nuxt/dist/core/runtime/nitro/renderer.js", "", 221, 20, lib=True, awaited=True),
    nd("node_modules/@vue/server-renderer/dist/server-renderer.cjs.js", "renderComponentVNode", 696, 15, lib=True),
    nd("node_modules/@vue/runtime-core/dist/runtime-core.cjs.js", "setupStatefulComponent", 7898, 25, lib=True),
    nd("node_modules/@vue/runtime-core/dist/runtime-core.cjs.js", "callWithErrorHandling", 200, 19, lib=True),
)
OFETCH = (
    nd("node_modules/ofetch/dist/shared/ofetch.03887fc3.mjs", "$fetchRaw2", 268, 14, lib=True, awaited=True),
    nd("node_modules/ofetch/dist/shared/ofetch.03887fc3.mjs", "onError", 179, 19, lib=True),
)
UPSTREAM = nd("server/utils/upstream.ts", "upstreamGet", 18, 10, awaited=True)


def route(file: str, line: int, col: int, fn: str = "") -> Frame:
    return nd(f"server/api/{file}", fn, line, col, awaited=True)


READ_SKU = "Cannot read properties of undefined (reading 'sku')"
BAD_JSON = 'Unexpected token \'<\', "<!DOCTYPE "... is not valid JSON'
LOGS = dict(search="fawcett storefront errors", app="fawcett")
PAGES_WEB = dict(chunk="entry")

BUGS = [
    # The same V8 TypeError in two server routes: a cart line and a wishlist item without a variant.
    Bug("fb-cart-sku", "storefront", (Exc("TypeError", READ_SKU, (*NITRO, route("cart/items.post.ts", 27, 22), nd("server/utils/cart.ts", "toLine", 41, 31))),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 3, **LOGS)),
        classes=(4,), pair="fb-wishlist-sku", entry="POST /api/cart/items"),
    Bug("fb-wishlist-sku", "storefront", (Exc("TypeError", READ_SKU, (*NITRO, route("wishlist.get.ts", 15, 38), nd("server/utils/wishlist.ts", "hydrateItems", 22, 47))),),
        (see("sentry.error", 2), see("splunk", 2, **LOGS)),
        classes=(4, 5), pair="fb-cart-sku", entry="GET /api/wishlist", span=2, renames={"hydrateItems": "withVariants"}),
    # A variant without a price in two components in the browser, in each engine's words.
    Bug("fb-buybox-price", "web", (Exc("TypeError", frames=(*VUE_RENDER, js("components/product/BuyBox.vue", "_sfc_render", 48, 31, "BuyBox"), js("composables/usePrice.ts", "formatPrice", 12, 24, "BuyBox")), js=JsError("read-undefined", "variant.price", "amount")),),
        (see("posthog", browser="chrome", chunk="BuyBox"), see("posthog", browser="firefox", chunk="BuyBox"), see("posthog", browser="safari", chunk="BuyBox", release=1), see("posthog", browser="chrome", chunk="BuyBox", release=1, resolved=True), see("sentry.error", browser="chrome", chunk="BuyBox"), see("sentry.error", browser="safari", chunk="BuyBox", release=1)),
        classes=(3, 4, 5), pair="fb-card-price", page="/p/alpine-40-rucksack", span=2),
    Bug("fb-card-price", "web", (Exc("TypeError", frames=(*VUE_RENDER, js("components/product/ProductCard.vue", "_sfc_render", 23, 19, "ProductCard"), js("composables/usePrice.ts", "formatPrice", 12, 24, "ProductCard")), js=JsError("read-undefined", "variant.price", "amount")),),
        (see("posthog", 2, browser="chrome", chunk="ProductCard"), see("posthog", browser="edge", chunk="ProductCard"), see("posthog", browser="firefox", chunk="ProductCard"), see("sentry.error", browser="chrome", chunk="ProductCard")),
        classes=(3, 4), pair="fb-buybox-price", page="/c/tents"),
    # Two upstreams failing through one ofetch helper: stock answers 503, reviews 500.
    Bug("fb-stock-503", "storefront", (Exc("FetchError", '[GET] "http://inventory.fawcett.svc.cluster.local:8080/v2/stock/FWC-{id}": 503 Service Unavailable', (*NITRO, route("stock/[sku].get.ts", 9, 16), UPSTREAM, *OFETCH)),),
        (see("sentry.error", 3), see("splunk", 3, **LOGS)),
        classes=(9,), pair="fb-reviews-500", entry="GET /api/stock/{sku_id}"),
    Bug("fb-reviews-500", "storefront", (Exc("FetchError", '[GET] "https://api.reviews.example/v1/products/{id}/reviews?page=1": 500 Internal Server Error', (*NITRO, route("reviews/[id].get.ts", 12, 20), UPSTREAM, *OFETCH)),),
        (see("sentry.error", 2), see("sentry.alert", rule="New issue in storefront"), see("splunk", 2, **LOGS)),
        classes=(9,), pair="fb-stock-503", entry="GET /api/reviews/{id}"),
    # HTML where JSON was expected, in two routes: the promo service logged by the app, the
    # address lookup unhandled.
    Bug("fb-promo-json", "storefront", (Exc("SyntaxError", BAD_JSON, (*NITRO, route("promo/validate.post.ts", 31, 25), nd("server/utils/promotions.ts", "readRules", 17, 23))),),
        (see("sentry.error", 2), see("splunk", 3, tag="promo", **LOGS)),
        classes=(4,), pair="fb-address-json", log="promotion rules unreadable for {coupon}", entry="POST /api/promo/validate", handled=True),
    Bug("fb-address-json", "storefront", (Exc("SyntaxError", BAD_JSON, (*NITRO, route("address/lookup.get.ts", 14, 30))),),
        (see("sentry.error", 3), see("splunk", 2, **LOGS)),
        classes=(4,), pair="fb-promo-json", entry="GET /api/address/lookup"),
    # One date helper: an invalid date (each engine's RangeError wording) and a missing window.
    Bug("fb-window-invalid", "web", (Exc("RangeError", "Invalid time value", (*VUE_MOUNTED, js("components/checkout/DeliveryOptions.vue", "setup", 35, 18, "checkout"), js("utils/dates.ts", "formatDeliveryWindow", 8, 38, "checkout")), engines={"spidermonkey": "invalid date", "jsc": "Invalid Date"}),),
        (see("posthog", browser="chrome", chunk="checkout"), see("posthog", browser="firefox", chunk="checkout"), see("posthog", browser="safari", chunk="checkout"), see("sentry.error", browser="firefox", chunk="checkout")),
        classes=(3,), pair="fb-window-split", page="/checkout/delivery"),
    Bug("fb-window-split", "web", (Exc("TypeError", frames=(*VUE_MOUNTED, js("components/checkout/DeliveryOptions.vue", "setup", 35, 18, "checkout"), js("utils/dates.ts", "formatDeliveryWindow", 5, 27, "checkout")), js=JsError("read-undefined", "slot.window", "split")),),
        (see("posthog", 2, browser="chrome", chunk="checkout"), see("posthog", browser="safari", chunk="checkout"), see("sentry.error", browser="chrome", chunk="checkout"), see("sentry.error", browser="safari", chunk="checkout")),
        classes=(3, 4), pair="fb-window-invalid", page="/checkout/delivery"),
    # Not pairs.
    Bug("fb-collection-seo", "storefront", (Exc("TypeError", "Cannot read properties of null (reading 'seo')", (*SSR, nd("pages/collections/[handle].vue", "setup", 19, 43))),),
        (see("sentry.error", 3), see("splunk", 3, **LOGS)),
        classes=(1,), entry="GET /collections/{handle}"),
    Bug("fb-payment-intent", "storefront", (Exc("StripeInvalidRequestError", "No such payment_intent: '{pi}'", (*NITRO, route("checkout/confirm.post.ts", 22, 18), nd("node_modules/stripe/esm/RequestSender.js", "RequestSender._handleResponse", 105, 23, lib=True, awaited=True))),),
        (see("sentry.error", 2), see("splunk", 3, tag="checkout", **LOGS)),
        log="payment confirmation failed", entry="POST /api/checkout/confirm", handled=True),
    Bug("fb-redis-readonly", "storefront", (Exc("ReplyError", "READONLY You can't write against a read only replica.", (nd("node_modules/ioredis/built/Redis.js", "Redis.handleReconnection", 331, 13, lib=True), nd("node_modules/ioredis/built/DataHandler.js", "DataHandler.returnError", 49, 27, lib=True), nd("node_modules/redis-parser/lib/parser.js", "JavascriptRedisParser.execute", 542, 14, lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, tag="session", **LOGS)),
        classes=(10,), log="session write failed", entry="POST /api/cart/items", handled=True),
    Bug("fb-chunk-load", "web", (Exc("TypeError", "Failed to fetch dynamically imported module: https://www.fawcett-outdoor.example/_nuxt/checkout.{hex}.js", (js("node_modules/vue-router/dist/vue-router.mjs", "extractComponentsGuards", 2134, 37, "entry", lib=True),), engines={"spidermonkey": "error loading dynamically imported module: https://www.fawcett-outdoor.example/_nuxt/checkout.{hex}.js", "jsc": "Importing a module script failed."}),),
        (see("posthog", browser="chrome", **PAGES_WEB), see("posthog", browser="firefox", **PAGES_WEB), see("posthog", browser="safari", **PAGES_WEB), see("sentry.error", browser="chrome", **PAGES_WEB)),
        classes=(3,), page="/checkout"),
    Bug("fb-gallery-slideto", "web", (Exc("TypeError", frames=(*VUE_CLICK, js("components/product/Gallery.vue", "onThumb", 61, 14, "BuyBox")), js=JsError("not-function", "swiper.value", "slideTo", "(e)")),),
        (see("posthog", 2, browser="chrome", chunk="BuyBox"), see("posthog", browser="safari", chunk="BuyBox")),
        page="/p/alpine-40-rucksack"),
    # A singleton: the Open Graph image route given a product with no images.
    Bug("fb-og-image", "storefront", (Exc("TypeError", "Cannot read properties of undefined (reading 'url')", (*NITRO, nd("server/routes/og/[slug].png.ts", "", 26, 34, awaited=True))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /og/{slug}.png"),
    # The app's slow-upstream warnings: durations and hosts vary.
    Bug("fb-slow-upstream", "storefront", (),
        (see("splunk", 3, search="fawcett slow upstreams", app="fawcett", line=" WARN  [upstream] {upstream} answered in {ms}ms ({size})"),),
        classes=(7,)),
]

NOISE = [
    Noise("fb-noise-listening", "storefront", "splunk", {"search": "fawcett storefront errors", "line": "Listening on http://[::]:3000"}),
    Noise("fb-noise-crashfree", "web", "sentry.metric", {"rule": "Storefront crash-free sessions below 99%", "action": "resolved", "aggregate": "percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate", "dataset": "metrics", "threshold": "99", "threshold_type": "1", "window": "60", "description": "Crash free session rate back to 99.6%"}),
    Noise("fb-noise-warmup", "storefront", "splunk", {"search": "fawcett storefront errors", "line": " INFO  [cache] prerendered 412 routes in {dur}"}),
]

FAWCETT = Company(
    key="fb",
    name="Fawcett Outdoor",
    domain="fawcett-outdoor.example",
    sentry_org="fawcett",
    splunk_url="https://fawcett.splunkcloud.com",
    splunk_guid="E1F7C3A9-5B28-4D6E-9C0A-84B2D5E7F316",
    datadog_org=("0", ""),
    datadog_template="recommended",
    posthog_project=(118204, "Fawcett storefront"),
    releases=("2026.03.0", "2026.03.1", "2026.03.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="fawcett-sentry-client-secret",
)
# fmt: on
