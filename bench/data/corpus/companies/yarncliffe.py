"""(hy) Yarncliffe Outdoors, an outdoor-gear shop that also books its campsites: an Astro 4
site rendered on demand by ``@astrojs/node`` in standalone mode on Node 20 (``shop-ssr``:
product pages pulling from a headless CMS, a stock API, API routes for the cart and the
newsletter; TypeScript) with React islands hydrated in the browser (``shop-islands``: the
product gallery, the cart drawer, the store finder map and the campsite booking calendar),
built by Vite into hashed ``/_astro/<Name>.<hash>.js`` chunks, React DOM in
``/_astro/client.<hash>.js``.

Sentry: @sentry/astro on both sides (its request middleware on the server, source maps
uploaded from CI but for one release; the browser SDK's ``onerror`` and
``onunhandledrejection``). PostHog: posthog-js with exception autocapture on the islands.
Chrome, Edge, Firefox and Safari word the same error differently. No Splunk, no Datadog: the
server's own prints stay in the container's stdout.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import NODE_TICKS, js, nd

# fmt: off
SERVER_SDK = ("sentry.javascript.astro", "8.38.0", "npm:@sentry/astro")
SERVICES = {
    "shop-ssr": Service("shop-ssr", "node", "", "", "", "", 7660031, "node v20.18.0", framework="astro", sdk=SERVER_SDK),
    "shop-islands": Service("shop-islands", "javascript", "", "", "", "", 7660032, origin="https://www.yarncliffe-outdoors.example", framework="onerror", sdk=SERVER_SDK),
}
# The node adapter's request handler down to the page's render (oldest first).
SSR = (
    nd("node_modules/@astrojs/node/dist/serve-app.js", "", 20, 24, lib=True, awaited=True),
    nd("node_modules/astro/dist/core/app/index.js", "App.render", 272, 18, lib=True, awaited=True),
    nd("node_modules/astro/dist/core/render-context.js", "RenderContext.render", 139, 22, lib=True, awaited=True),
    nd("node_modules/@sentry/astro/build/cjs/server/middleware.js", "instrumentRequest", 142, 28, lib=True, awaited=True),
    nd("node_modules/astro/dist/runtime/server/render/astro/render.js", "renderToString", 47, 25, lib=True, awaited=True),
)
ROUTE = SSR[:4]
UNDICI = (
    NODE_TICKS,
    nd("node:internal/deps/undici/undici", "fetch", 13185, 13, lib=True),
)


def page(file: str, fn: str, line: int, col: int) -> Frame:
    return nd(f"src/{file}", fn, line, col, awaited=True)


def lib(file: str, fn: str, line: int, col: int) -> Frame:
    return nd(f"src/{file}", fn, line, col)


# React 18 in Astro's client chunk.
REACT = "node_modules/react-dom/cjs/react-dom.production.min.js"
CLICK = (
    js(REACT, "Ub", 52, 317, "client", lib=True),
    js(REACT, "Wb", 52, 471, "client", lib=True),
)
RENDER = (
    js(REACT, "Vk", 290, 39, "client", lib=True),
    js(REACT, "Lk", 273, 11, "client", lib=True),
    js(REACT, "ei", 157, 137, "client", lib=True),
)
EFFECT = (
    js(REACT, "Ek", 272, 198, "client", lib=True),
    js(REACT, "Sj", 252, 230, "client", lib=True),
)
GALLERY, CART, FINDER, BOOKING = "ProductGallery", "CartDrawer", "StoreFinder", "BookingCalendar"


def isl(file: str, fn: str, line: int, col: int, chunk: str) -> Frame:
    return js(f"src/components/{file}", fn, line, col, chunk)


def four(chunk: str, n_sentry: int = 2, n_ph: int = 2, mech: str = "onerror") -> tuple:
    return (
        see("sentry.error", n_sentry, browser="chrome", chunk=chunk, release=0, mechanism=mech),
        see("sentry.error", browser="firefox", chunk=chunk, release=1, mechanism=mech),
        see("sentry.error", browser="safari", chunk=chunk, release=2, mechanism=mech),
        see("posthog", n_ph, browser="chrome", chunk=chunk, release=1),
        see("posthog", browser="edge", chunk=chunk, release=2),
        see("posthog", browser="firefox", chunk=chunk, release=0),
    )


def mostly_posthog(chunk: str) -> tuple:
    return (
        see("sentry.error", browser="edge", chunk=chunk, release=1),
        see("sentry.error", browser="chrome", chunk=chunk, release=2, sourcemaps=False),
        see("posthog", 2, browser="chrome", chunk=chunk, release=0),
        see("posthog", browser="safari", chunk=chunk, release=1),
        see("posthog", browser="firefox", chunk=chunk, release=2),
    )


def server(n: int = 3) -> tuple:
    return (
        see("sentry.error", n, release=0),
        see("sentry.error", release=1, sourcemaps=False),
        see("sentry.error", release=2),
    )


STOCK = js("src/lib/stock.ts", "stockLabel", 9, 31, GALLERY)
CART_FETCH = js("src/lib/cart.ts", "cartFetch", 21, 11, CART)
NIGHTS = "src/lib/dates.ts"

BUGS = [
    # --- server (Sentry only) ---
    # fetch failed, from the CMS on a product page and from the stock API in the cart route.
    Bug("hy-cms-fetch-failed", "shop-ssr", (Exc("Error", "connect ECONNREFUSED 10.40.2.11:443", (nd("node:net", "TCPConnectWrap.afterConnect [as oncomplete]", 1610, 16, lib=True),)), Exc("TypeError", "fetch failed", (*SSR, page("pages/products/[slug].astro", "", 14, 19), page("lib/cms.ts", "getEntry", 31, 20), *UNDICI))),
        (*server(2), see("sentry.alert", rule="shop-ssr: CMS unreachable")),
        classes=(9,), pair="hy-stock-fetch-failed", entry="GET /products/{slug}"),
    Bug("hy-stock-fetch-failed", "shop-ssr", (Exc("Error", "connect ECONNREFUSED 10.40.3.7:8080", (nd("node:net", "TCPConnectWrap.afterConnect [as oncomplete]", 1610, 16, lib=True),)), Exc("TypeError", "fetch failed", (*ROUTE, page("pages/api/cart.ts", "POST", 22, 25), page("lib/stock.ts", "reserveStock", 17, 22), *UNDICI))),
        server(2),
        classes=(9,), pair="hy-cms-fetch-failed", entry="POST /api/cart"),
    # One product view mapper, two exceptions.
    Bug("hy-view-images", "shop-ssr", (Exc("TypeError", "Cannot read properties of undefined (reading 'images')", (*SSR, page("pages/products/[slug].astro", "", 16, 15), lib("lib/catalog.ts", "toProductView", 42, 31))),),
        server(3),
        classes=(4, 5), pair="hy-view-locale", entry="GET /products/{slug}", span=3),
    Bug("hy-view-locale", "shop-ssr", (Exc("RangeError", "Incorrect locale information provided", (*SSR, page("pages/products/[slug].astro", "", 16, 15), lib("lib/catalog.ts", "toProductView", 48, 22))),),
        server(2),
        classes=(4,), pair="hy-view-images", entry="GET /products/{slug}"),
    # Not pairs.
    Bug("hy-response-sent", "shop-ssr", (Exc("ResponseSentError", "The response has already been sent to the browser and cannot be altered.", (*ROUTE, page("middleware.ts", "onRequest", 27, 13), nd("node_modules/astro/dist/core/cookies/cookies.js", "AstroCookies.set", 105, 13, lib=True))),),
        (*server(2), see("sentry.issue")),
        classes=(1,), entry="GET /account"),
    Bug("hy-newsletter-zod", "shop-ssr", (Exc("ZodError", '[\n  {\n    "validation": "email",\n    "code": "invalid_string",\n    "message": "Invalid email",\n    "path": [\n      "email"\n    ]\n  }\n]', (*ROUTE, page("pages/api/newsletter.ts", "POST", 11, 38), nd("node_modules/zod/lib/types.js", "ZodObject.parse", 149, 23, lib=True))),),
        server(2),
        classes=(1,), entry="POST /api/newsletter"),
    # --- islands (Sentry and PostHog) ---
    # One stock label helper: the gallery and the cart drawer.
    Bug("hy-gallery-stock", "shop-islands", (Exc("TypeError", frames=(*RENDER, isl("ProductGallery.tsx", "VariantPicker", 38, 27, GALLERY), STOCK), js=JsError("read-undefined", "variant.stock", "length")),),
        four(GALLERY), classes=(3, 4), pair="hy-cart-stock", page="/products/{slug}", span=2),
    Bug("hy-cart-stock", "shop-islands", (Exc("TypeError", frames=(*RENDER, isl("CartDrawer.tsx", "CartLine", 22, 19, CART), js("src/lib/stock.ts", "stockLabel", 9, 31, CART)), js=JsError("read-undefined", "variant.stock", "length")),),
        four(CART, 1, 2), classes=(3, 4), pair="hy-gallery-stock", page="/cart"),
    # One cart client under a 409 and a 503.
    Bug("hy-cart-409", "shop-islands", (Exc("CartError", "409 Conflict: POST /api/cart", (*CLICK, isl("CartDrawer.tsx", "addToCart", 51, 9, CART), CART_FETCH)),),
        four(CART, 2, 1, "onunhandledrejection"), classes=(2,), pair="hy-cart-503", page="/products/{slug}"),
    Bug("hy-cart-503", "shop-islands", (Exc("CartError", "503 Service Unavailable: POST /api/cart", (*CLICK, isl("CartDrawer.tsx", "addToCart", 51, 9, CART), CART_FETCH)),),
        mostly_posthog(CART), classes=(2, 10), pair="hy-cart-409", page="/products/{slug}"),
    # A null ref in the map and in the calendar.
    Bug("hy-finder-ref-null", "shop-islands", (Exc("TypeError", frames=(*EFFECT, isl("StoreFinder.tsx", "fitBounds", 64, 18, FINDER)), js=JsError("read-null", "mapRef.current", "getBoundingClientRect")),),
        four(FINDER, 2, 1), classes=(3,), pair="hy-booking-ref-null", page="/stores"),
    Bug("hy-booking-ref-null", "shop-islands", (Exc("TypeError", frames=(*EFFECT, isl("BookingCalendar.tsx", "scrollToMonth", 88, 14, BOOKING)), js=JsError("read-null", "gridRef.current", "getBoundingClientRect")),),
        four(BOOKING, 1, 1), classes=(3,), pair="hy-finder-ref-null", page="/campsites/{slug}/book"),
    # One nights calculation, two exceptions.
    Bug("hy-nights-invalid", "shop-islands", (Exc("RangeError", "Invalid time value", (*CLICK, isl("BookingCalendar.tsx", "onPick", 120, 7, BOOKING), js(NIGHTS, "nightsBetween", 6, 24, BOOKING)), engines={"spidermonkey": "invalid date", "jsc": "Invalid Date"}),),
        four(BOOKING), classes=(3,), pair="hy-nights-not-fn", page="/campsites/{slug}/book"),
    Bug("hy-nights-not-fn", "shop-islands", (Exc("TypeError", frames=(*CLICK, isl("BookingCalendar.tsx", "onPick", 120, 7, BOOKING), js(NIGHTS, "nightsBetween", 4, 19, BOOKING)), js=JsError("not-function", "from.getTime", "getTime", "()")),),
        mostly_posthog(BOOKING), classes=(3, 4), pair="hy-nights-invalid", page="/campsites/{slug}/book"),
    # Not pairs.
    Bug("hy-hydration-418", "shop-islands", (Exc("Error", "Minified React error #418; visit https://reactjs.org/docs/error-decoder.html?invariant=418 for the full message or use the non-minified dev environment for full errors and additional helpful warnings.", (js(REACT, "Yi", 157, 41, "client", lib=True), js(REACT, "Xi", 157, 280, "client", lib=True), js(REACT, "kj", 209, 91, "client", lib=True))),),
        (see("sentry.error", 2, browser="chrome", chunk="client", release=0), see("sentry.error", browser="safari", chunk="client", release=1), see("posthog", 2, browser="chrome", chunk="client", release=2), see("posthog", browser="firefox", chunk="client", release=1)),
        classes=(10,), page="/"),
    Bug("hy-island-import", "shop-islands", (Exc("TypeError", "Failed to fetch dynamically imported module: {chunkurl}", (), engines={"spidermonkey": "error loading dynamically imported module: {chunkurl}", "jsc": "Importing a module script failed."}),),
        (see("sentry.error", 2, browser="chrome", chunk=FINDER, release=1, mechanism="onunhandledrejection"), see("sentry.error", browser="safari", chunk=FINDER, release=2, mechanism="onunhandledrejection"), see("posthog", browser="firefox", chunk=FINDER, release=2), see("posthog", 2, browser="edge", chunk=FINDER, release=1)),
        classes=(1, 10), page="/stores"),
    Bug("hy-singleton-clipboard", "shop-islands", (Exc("NotAllowedError", "Write permission denied.", (*CLICK, isl("ShareButton.tsx", "copyLink", 14, 31, GALLERY))),),
        (see("posthog", browser="safari", chunk=GALLERY, release=2),),
        singleton=True, page="/products/{slug}"),
]

NOISE = [
    Noise("hy-noise-metric", "shop-ssr", "sentry.metric", {"rule": "shop-ssr p95 LCP", "aggregate": "p95(measurements.lcp)", "dataset": "transactions", "action": "warning", "value": "{ms}", "threshold": 2500}),
    Noise("hy-noise-resolved", "shop-islands", "sentry.metric", {"rule": "shop-islands crash-free sessions", "aggregate": "percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate", "dataset": "sessions", "action": "resolved", "value": "{n}", "threshold": 5}),
]

YARNCLIFFE = Company(
    key="hy",
    name="Yarncliffe Outdoors",
    domain="yarncliffe-outdoors.example",
    sentry_org="yarncliffe",
    splunk_url="",
    splunk_guid="",
    datadog_org=("", ""),
    datadog_template="custom",
    posthog_project=(76603, "Yarncliffe shop"),
    releases=("2026.3.0", "2026.3.1", "2026.3.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="yarncliffe-sentry-client-secret",
)
# fmt: on
