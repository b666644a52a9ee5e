"""(ha) Uldale Tea Company, loose-leaf tea and subscriptions: a Nuxt 3 SSR storefront on
Node 20 (``storefront``: Nitro's server routes under ``server/api`` calling Shopify's
Storefront API and the subscriptions service through one ``storefrontQuery`` helper, pages
rendered by Vue 3's server renderer) and the same app hydrated in the browser (``web``: Vite
chunks under ``/_nuxt/<name>.<hash>.js``).

Sentry: @sentry/nuxt on the server (source maps uploaded) and in the browser (one release
shipped without source maps). PostHog: posthog-js in Chrome, Edge, Firefox and Safari (raw
minified frames; some events resolved). Datadog: log monitors on the server's stdout, pasting
``{{log.message}}`` samples: Nuxt's ``[nuxt] [request error] [unhandled] [500]`` line and its
stack, and, after the Nuxt 3.17 upgrade in the last release, Nitro's default handler's
``[request error] [unhandled] [GET] url`` over the inspected ``H3Error`` and its ``[cause]``.
No Splunk.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import VUE_CLICK, VUE_MOUNTED, VUE_RENDER, js, nd

# fmt: off
SDK = ("sentry.javascript.nuxt", "9.5.0", "npm:@sentry/nuxt")
SERVICES = {
    "storefront": Service("storefront", "node", "ha-nuxt-request-error", "", "", "", 8830412, "node v20.18.1", framework="nitro", sdk=SDK),
    "web": Service("web", "javascript", "", "", "", "", 8830415, origin="https://www.uldaletea.example", sdk=SDK),
}
H3 = "node_modules/h3/dist/index.mjs"
NITRO = (
    nd(H3, "Server.toNodeHandle", 2296, 7, lib=True, awaited=True),
    nd(H3, "", 2012, 19, lib=True, awaited=True),
    nd(H3, "Object.handler", 1931, 19, lib=True, awaited=True),
)
SSR = (
    *NITRO,
    nd("node_modules/nuxt/dist/core/runtime/nitro/renderer.js", "", 223, 20, lib=True, awaited=True),
    nd("node_modules/@vue/server-renderer/dist/server-renderer.cjs.js", "renderComponentVNode", 696, 15, lib=True),
    nd("node_modules/@vue/runtime-core/dist/runtime-core.cjs.js", "setupStatefulComponent", 7911, 25, lib=True),
    nd("node_modules/@vue/runtime-core/dist/runtime-core.cjs.js", "callWithErrorHandling", 200, 19, lib=True),
)
OFETCH = (
    nd("node_modules/ofetch/dist/shared/ofetch.d5cd9ad2.mjs", "$fetchRaw2", 270, 14, lib=True, awaited=True),
    nd("node_modules/ofetch/dist/shared/ofetch.d5cd9ad2.mjs", "onError", 181, 19, lib=True),
)
QUERY = nd("server/utils/storefront.ts", "storefrontQuery", 24, 11, awaited=True)


def route(file: str, line: int, col: int, fn: str = "") -> Frame:
    return nd(f"server/api/{file}", fn, line, col, awaited=True)


READ_ORIGIN = "Cannot read properties of undefined (reading 'origin')"
READ_IMAGES = "Cannot read properties of null (reading 'images')"
DD = {"team": "shop", "monitor": "storefront server errors", "filter": "service:storefront status:error", "style": "sample"}
DD_LONG = {"team": "shop", "monitor": "storefront server errors", "filter": "service:storefront status:error", "text": "{{log.service}} logged an unhandled error:\n\n```\n{{log.message}}\n```", "sample_lines": 12}
NITRO_FMT = {"format": "ha-nitro-request-error", "release": 2}

BUGS = [
    # The same V8 TypeError in two server routes: a blend or a subscription preview without origin.
    Bug("ha-blend-origin", "storefront", (Exc("TypeError", READ_ORIGIN, (*NITRO, route("blends/[handle].get.ts", 31, 40), nd("server/utils/blend.ts", "toBlend", 18, 33))),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("datadog.log", **DD), see("datadog.log", **NITRO_FMT, **DD_LONG)),
        classes=(4, 5), pair="ha-subs-origin", entry="GET /api/blends/{handle}", span=3, renames={"toBlend": "mapBlend"}),
    Bug("ha-subs-origin", "storefront", (Exc("TypeError", READ_ORIGIN, (*NITRO, route("subscriptions/preview.post.ts", 22, 29), nd("server/utils/boxes.ts", "describeBox", 40, 27))),),
        (see("sentry.error", 3), see("sentry.issue"), see("datadog.log", **DD)),
        classes=(4,), pair="ha-blend-origin", entry="POST /api/subscriptions/preview"),
    # Two SSR pages reading the images of a missing product.
    Bug("ha-tea-page-images", "storefront", (Exc("TypeError", READ_IMAGES, (*SSR, nd("pages/tea/[handle].vue", "setup", 27, 44))),),
        (see("sentry.error", 3), see("datadog.log", 2, **DD)),
        classes=(4,), pair="ha-gift-page-images", entry="GET /tea/{handle}"),
    Bug("ha-gift-page-images", "storefront", (Exc("TypeError", READ_IMAGES, (*SSR, nd("pages/gifts/[handle].vue", "setup", 19, 38))),),
        (see("sentry.error", 2), see("sentry.alert", rule="New issue in storefront"), see("datadog.log", **DD_LONG)),
        classes=(4,), pair="ha-tea-page-images", entry="GET /gifts/{handle}"),
    # One Storefront API helper failing for two callers.
    Bug("ha-cart-502", "storefront", (Exc("FetchError", '[POST] "https://uldale-tea.myshopify.com/api/2024-10/graphql.json": 502 Bad Gateway', (*NITRO, route("cart/lines.post.ts", 15, 20), QUERY, *OFETCH)),),
        (see("sentry.error", 3), see("datadog.log", **DD), see("datadog.log", **NITRO_FMT, **DD)),
        classes=(9,), pair="ha-stock-503", entry="POST /api/cart/lines"),
    Bug("ha-stock-503", "storefront", (Exc("FetchError", '[GET] "http://subscriptions.uldale.svc.cluster.local:8080/v1/stock/{sku}": 503 Service Unavailable', (*NITRO, route("stock/[sku].get.ts", 9, 18), nd("server/utils/subscriptions.ts", "stockFor", 11, 16, awaited=True), QUERY, *OFETCH)),),
        (see("sentry.error", 3), see("datadog.log", 2, **DD)),
        classes=(9,), pair="ha-cart-502", entry="GET /api/stock/{sku_id}"),
    # The steep timer read from null in two components, in each engine's words.
    Bug("ha-timer-start", "web", (Exc("TypeError", frames=(*VUE_CLICK, js("components/brew/SteepTimer.vue", "onStart", 42, 17, "SteepTimer")), js=JsError("read-null", "timer.value", "start")),),
        (see("posthog", browser="chrome", chunk="SteepTimer"), see("posthog", browser="firefox", chunk="SteepTimer"), see("posthog", browser="safari", chunk="SteepTimer"), see("posthog", browser="edge", chunk="SteepTimer", release=1, resolved=True), see("sentry.error", browser="chrome", chunk="SteepTimer")),
        classes=(3, 4), pair="ha-guide-start", page="/brew/{handle}"),
    Bug("ha-guide-start", "web", (Exc("TypeError", frames=(*VUE_MOUNTED, js("components/brew/BrewGuide.vue", "setup", 58, 21, "BrewGuide")), js=JsError("read-null", "timer.value", "start")),),
        (see("posthog", 2, browser="chrome", chunk="BrewGuide"), see("posthog", browser="safari", chunk="BrewGuide"), see("sentry.error", browser="firefox", chunk="BrewGuide"), see("sentry.error", browser="chrome", chunk="BrewGuide", release=1, sourcemaps=False)),
        classes=(3, 4), pair="ha-timer-start", page="/guides/{slug}"),
    # One dispatch-date helper: an invalid date, and a missing cut-off.
    Bug("ha-dispatch-invalid", "web", (Exc("RangeError", "Invalid time value", (*VUE_RENDER, js("components/checkout/DispatchDate.vue", "_sfc_render", 12, 20, "checkout"), js("utils/dispatch.ts", "formatDispatch", 9, 31, "checkout")), engines={"spidermonkey": "invalid date", "jsc": "Invalid Date"}),),
        (see("posthog", browser="chrome", chunk="checkout"), see("posthog", browser="firefox", chunk="checkout"), see("posthog", browser="safari", chunk="checkout"), see("sentry.error", browser="safari", chunk="checkout")),
        classes=(3,), pair="ha-dispatch-cutoff", page="/checkout"),
    Bug("ha-dispatch-cutoff", "web", (Exc("TypeError", frames=(*VUE_RENDER, js("components/checkout/DispatchDate.vue", "_sfc_render", 12, 20, "checkout"), js("utils/dispatch.ts", "formatDispatch", 6, 28, "checkout")), js=JsError("read-undefined", "rules.cutoff", "split")),),
        (see("posthog", 2, browser="chrome", chunk="checkout"), see("posthog", browser="edge", chunk="checkout"), see("posthog", browser="firefox", chunk="checkout"), see("sentry.error", browser="chrome", chunk="checkout")),
        classes=(3, 4), pair="ha-dispatch-invalid", page="/checkout"),
    # Not pairs.
    Bug("ha-chunk-load", "web", (Exc("TypeError", "Failed to fetch dynamically imported module: https://www.uldaletea.example/_nuxt/account.{hex}.js", (js("node_modules/vue-router/dist/vue-router.mjs", "extractComponentsGuards", 2152, 37, "entry", lib=True),), engines={"spidermonkey": "error loading dynamically imported module: https://www.uldaletea.example/_nuxt/account.{hex}.js", "jsc": "Importing a module script failed."}),),
        (see("posthog", browser="chrome", chunk="entry"), see("posthog", browser="firefox", chunk="entry"), see("posthog", browser="safari", chunk="entry"), see("sentry.error", browser="safari", chunk="entry")),
        classes=(3,), page="/account"),
    Bug("ha-grinder-not-fn", "web", (Exc("TypeError", frames=(*VUE_CLICK, js("components/product/GrindPicker.vue", "choose", 33, 12, "GrindPicker")), js=JsError("not-function", "emit", "update:grind", "(n)")),),
        (see("posthog", 2, browser="chrome", chunk="GrindPicker"), see("posthog", browser="safari", chunk="GrindPicker"), see("sentry.error", browser="chrome", chunk="GrindPicker")),
        classes=(3,), page="/tea/{handle}"),
    Bug("ha-cms-html", "storefront", (Exc("SyntaxError", 'Unexpected token \'<\', "<!DOCTYPE "... is not valid JSON', (*NITRO, route("journal/[slug].get.ts", 14, 27), nd("server/utils/cms.ts", "fetchEntry", 21, 18))),),
        (see("sentry.error", 3), see("datadog.log", 2, **DD), see("datadog.log", **NITRO_FMT, **DD_LONG)),
        entry="GET /api/journal/{slug}"),
    Bug("ha-session-redis", "storefront", (Exc("ReplyError", "READONLY You can't write against a read only replica.", (nd("node_modules/ioredis/built/Redis.js", "Redis.handleReconnection", 336, 13, lib=True), nd("node_modules/ioredis/built/DataHandler.js", "DataHandler.returnError", 49, 27, lib=True), nd("node_modules/redis-parser/lib/parser.js", "JavascriptRedisParser.execute", 542, 14, lib=True))),),
        (see("sentry.error", 3), see("datadog.log", 2, tag="session", **DD)),
        classes=(10,), entry="POST /api/cart/lines", log="session write failed", handled=True),
    Bug("ha-stripe-sig", "storefront", (Exc("StripeSignatureVerificationError", "No signatures found matching the expected signature for payload. Are you passing the raw request body you received from Stripe?", (*NITRO, route("webhooks/stripe.post.ts", 18, 34), nd("node_modules/stripe/esm/Webhooks.js", "Object.verifyHeader", 73, 23, lib=True))),),
        (see("sentry.error", 3), see("datadog.log", **DD), see("datadog.log", **NITRO_FMT, **DD)),
        entry="POST /api/webhooks/stripe"),
    Bug("ha-og-image", "storefront", (Exc("TypeError", "Cannot read properties of undefined (reading 'src')", (*NITRO, nd("server/routes/og/[handle].png.ts", "", 31, 29, awaited=True))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /og/{handle}.png"),
]

NOISE = [
    Noise("ha-noise-deploy", "storefront", "datadog.event", {"monitor": "Deployed storefront 2026.03.2", "text": "storefront 2026.03.2 rolled out (Nuxt 3.17.1, 3/3 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "shop"}),
    Noise("ha-noise-recovered", "storefront", "datadog.log", {"monitor": "storefront server errors", "transition": "Recovered", "alert_type": "success", "team": "shop", "filter": "service:storefront status:error", "text": "storefront server errors back under threshold."}),
]

ULDALE = Company(
    key="ha",
    name="Uldale Tea Company",
    domain="uldaletea.example",
    sentry_org="uldale-tea",
    splunk_url="",
    splunk_guid="",
    datadog_org=("903377", "Uldale Tea Company"),
    datadog_template="own",
    posthog_project=(141092, "Uldale storefront"),
    releases=("2026.03.0", "2026.03.1", "2026.03.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="uldale-sentry-client-secret",
)
# fmt: on
