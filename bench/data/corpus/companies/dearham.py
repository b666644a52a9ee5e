"""(nc) Dearham Makers' Market, an online market for craft makers: a Next.js 15 App Router site on
Vercel. ``market-web`` is its server side on Vercel Functions (Node 20: Server Components
reading the makers' catalogue from Neon Postgres through ``@neondatabase/serverless`` and a
makers API with ``fetch``, server actions for the basket, reviews and maker applications, route
handlers for Stripe's webhooks), ``market-edge`` its middleware on the edge runtime (locale
redirects, maker subdomain rewrites), ``market-browser`` the same app in the browser (webpack
chunks ``/_next/static/chunks/app/<route>/page-<hash>.js``).

Logs: a Vercel JSON log drain (one object a line: ``message`` with Next 15's ``⨯`` mark or not,
the stack on ``/var/task/.next/server/...`` and the ``digest``; ``source`` ``lambda`` or
``edge``; ``proxy``) to Splunk HEC's raw endpoint (one saved search on ``level=error`` over the
whole project) and to Datadog through the Vercel integration (a log monitor rendering
``{{log.attributes.message}}`` over the functions, one over the middleware). Sentry:
@sentry/nextjs on the server, the edge and the browser (one browser report of a Server
Components error carries only Next's production message). PostHog: posthog-js exception
autocapture. All four tools.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501, RUF002

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import NODE_TICKS, js, nd

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.javascript.nextjs", "8.47.0", "npm:@sentry/nextjs")
SERVICES = {
    "market-web": Service("market-web", "node", "nc-vercel-hec", "vercel:drain:json", "http:vercel-log-drain", "vercel", 12120021, "node v20.18.1", framework="nextjs", sdk=SDK),
    "market-edge": Service("market-edge", "node", "nc-vercel-hec", "vercel:drain:json", "http:vercel-log-drain", "vercel", 12120021, "vercel-edge", framework="next-edge", sdk=SDK),
    "market-browser": Service("market-browser", "javascript", "", "", "", "", 12120022, origin="https://www.dearhammarket.example", framework="nextjs", sdk=SDK),
}

RUNTIME = "node_modules/next/dist/compiled/next-server/app-page.runtime.prod.js"
RSC = (NODE_TICKS, nd(RUNTIME, "", 15, 87014, lib=True, awaited=True))
ACTION = (NODE_TICKS, nd(RUNTIME, "handleAction", 18, 26171, lib=True, awaited=True))
ROUTE = (NODE_TICKS, nd("node_modules/next/dist/compiled/next-server/app-route.runtime.prod.js", "", 6, 38147, lib=True, awaited=True))
UNDICI = (nd("node:internal/deps/undici/undici", "fetch", 13502, 13, lib=True, awaited=True),)
NEON = (nd("node_modules/@neondatabase/serverless/index.js", "execute", 1589, 17, lib=True, awaited=True),)
EDGE_ADAPTER = Frame("adapter", "middleware.js", 1, "", False, "", "", 29811, "edge")


def page(route: str, fn: str, col: int) -> Frame:
    return nd(f".next/server/app/{route}/page.js", fn, 1, col, awaited=True)


def chunk(n: int, fn: str, col: int) -> Frame:
    return nd(f".next/server/chunks/{n}.js", fn, 1, col, awaited=True)


def edge(fn: str, col: int) -> Frame:
    return Frame(fn, "middleware.js", 1, "", True, "", "", col, "edge")


REACT_DOM = "node_modules/react-dom/cjs/react-dom-client.production.js"
REACT_RENDER = (
    js(REACT_DOM, "renderWithHooks", 5290, 18, "4bd1b696", lib=True),
    js(REACT_DOM, "beginWork", 6931, 9, "4bd1b696", lib=True),
)
REACT_CLICK = (
    js(REACT_DOM, "dispatchDiscreteEvent", 16190, 7, "4bd1b696", lib=True),
    js(REACT_DOM, "batchedUpdates$1", 2413, 40, "4bd1b696", lib=True),
)
FORMAT_PRICE = js("lib/money.ts", "formatPrice", 9, 10, "3462")
NUMBER_FORMAT = js("<anonymous>", "new NumberFormat", 0, 0, "3462", lib=True)
CURRENCY = {"spidermonkey": "invalid currency code in NumberFormat(): undefined", "jsc": "currency is not a well-formed currency code"}
MAKER = "app/makers/[slug]/page"
BASKET = "app/basket/page"
PRODUCT = "app/products/[id]/page"

SPL = dict(search="dearham - vercel drain errors", owner="nc_web", app="search")
DD_FN = dict(team="market", monitor="[market-web] Vercel function errors", format="nc-vercel-dd", filter="source:vercel service:market-web status:error", text="Error in a Vercel function on {{log.attributes.path}}:\n\n```\n{{log.attributes.message}}\n```")
DD_EDGE = dict(team="market", monitor="[market-web] middleware errors", format="nc-vercel-dd", filter="source:vercel service:market-web @source:edge status:error", text="Middleware error ({{log.attributes.proxy.path}}):\n\n```\n{{log.attributes.message}}\n```")


def ph(browser: str, chunk: str, mechanism: str = "onerror", **kw: object) -> dict[str, object]:
    return dict(browser=browser, chunk=chunk, mechanism=mechanism, **kw)


BUGS = [
    # undici's "fetch failed" from the makers API: a Server Component and a server action.
    Bug("nc-maker-fetch-failed", "market-web", (Exc("Error", "connect ETIMEDOUT 10.4.{n}.12:443", (*UNDICI,)), Exc("TypeError", "fetch failed", (*RSC, page("makers/[slug]", "MakerPage", 4120), chunk(812, "getMaker", 1933), *UNDICI))),
        (see("sentry.error", 3), see("splunk", **SPL), see("splunk", release=1, **SPL), see("datadog.log", **DD_FN)),
        classes=(1, 4), pair="nc-basket-fetch-failed", entry="GET /makers/{slug}"),
    Bug("nc-basket-fetch-failed", "market-web", (Exc("Error", "connect ETIMEDOUT 10.4.{n}.12:443", (*UNDICI,)), Exc("TypeError", "fetch failed", (*ACTION, chunk(2290, "addToBasket", 688), chunk(812, "reserveStock", 2510), *UNDICI))),
        (see("sentry.error", 2), see("splunk", 2, **SPL), see("datadog.log", **DD_FN)),
        classes=(1, 4), pair="nc-maker-fetch-failed", entry="POST /products/{id}"),
    # Neon unique violations on two tables.
    Bug("nc-order-session-dup", "market-web", (Exc("NeonDbError", 'duplicate key value violates unique constraint "orders_checkout_session_id_key"', (*ROUTE, nd(".next/server/app/api/stripe/webhook/route.js", "POST", 1, 2417, awaited=True), chunk(5120, "createOrder", 901), *NEON)),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", **SPL), see("datadog.log", 2, **DD_FN)),
        classes=(1, 4), pair="nc-review-dup", entry="POST /api/stripe/webhook"),
    Bug("nc-review-dup", "market-web", (Exc("NeonDbError", 'duplicate key value violates unique constraint "reviews_product_id_user_id_key"', (*ACTION, chunk(6644, "submitReview", 1210), chunk(5120, "insertReview", 3301), *NEON)),),
        (see("sentry.error", 2), see("splunk", 2, **SPL), see("datadog.log", **DD_FN)),
        classes=(1, 4), pair="nc-order-session-dup", entry="POST /products/{id}"),
    # Middleware: new URL() fails in two functions.
    Bug("nc-edge-locale-url", "market-edge", (Exc("TypeError", "Invalid URL", (EDGE_ADAPTER, edge("middleware", 8112), edge("localeRedirect", 7320))),),
        (see("sentry.error", 2), see("splunk", 2, **SPL), see("datadog.log", **DD_EDGE)),
        classes=(1, 4), pair="nc-edge-maker-rewrite-url", entry="GET /{slug}"),
    Bug("nc-edge-maker-rewrite-url", "market-edge", (Exc("TypeError", "Invalid URL", (EDGE_ADAPTER, edge("middleware", 8240), edge("makerRewrite", 7655))),),
        (see("sentry.error", 3), see("splunk", **SPL), see("datadog.log", 2, **DD_EDGE)),
        classes=(1, 4), pair="nc-edge-locale-url", entry="GET /makers/{slug}"),
    # Browser: the same property read in two components.
    Bug("nc-web-productcard-price", "market-browser", (Exc("TypeError", frames=(*REACT_RENDER, js("components/catalogue/ProductCard.tsx", "ProductCard", 31, 44, MAKER)), js=JsError("read-undefined", "product.variants[0]", "price")),),
        (see("sentry.error", browser="chrome", chunk=MAKER), see("sentry.error", browser="safari", chunk=MAKER), see("posthog", **ph("firefox", MAKER)), see("posthog", **ph("chrome", MAKER)), see("posthog", **ph("edge", MAKER, release=1))),
        classes=(3, 4, 10), pair="nc-web-basketline-price", page="/makers/ivy-pottery", span=2),
    Bug("nc-web-basketline-price", "market-browser", (Exc("TypeError", frames=(*REACT_RENDER, js("components/basket/BasketLine.tsx", "BasketLine", 18, 27, BASKET)), js=JsError("read-undefined", "line.variant", "price")),),
        (see("sentry.error", browser="firefox", chunk=BASKET), see("sentry.error", browser="chrome", chunk=BASKET), see("posthog", **ph("safari", BASKET)), see("posthog", **ph("chrome", BASKET, resolved=True))),
        classes=(3, 4, 10), pair="nc-web-productcard-price", page="/basket"),
    # Browser: one money helper under two callers.
    Bug("nc-web-product-currency", "market-browser", (Exc("RangeError", "Invalid currency code : undefined", (*REACT_RENDER, js("components/product/ProductPrice.tsx", "ProductPrice", 12, 21, PRODUCT), FORMAT_PRICE, NUMBER_FORMAT), engines=CURRENCY),),
        (see("sentry.error", browser="chrome", chunk=PRODUCT), see("sentry.error", browser="safari", chunk=PRODUCT), see("posthog", **ph("firefox", PRODUCT)), see("posthog", **ph("chrome", PRODUCT))),
        classes=(3, 9), pair="nc-web-basket-currency", page="/products/88213"),
    Bug("nc-web-basket-currency", "market-browser", (Exc("RangeError", "Invalid currency code : undefined", (*REACT_RENDER, js("components/basket/BasketTotal.tsx", "BasketTotal", 25, 17, BASKET), FORMAT_PRICE, NUMBER_FORMAT), engines=CURRENCY),),
        (see("sentry.error", browser="edge", chunk=BASKET), see("sentry.error", browser="firefox", chunk=BASKET), see("posthog", **ph("safari", BASKET)), see("posthog", **ph("chrome", BASKET, release=1))),
        classes=(3, 9), pair="nc-web-product-currency", page="/basket", span=2),
    # A Server Component reading a maker's null shop; the browser sees Next's production message.
    Bug("nc-shop-null-slug", "market-web", (Exc("TypeError", "Cannot read properties of null (reading 'slug')", (*RSC, page("makers/[slug]/shop", "ShopPage", 2284), chunk(812, "shopPath", 377))),),
        (see("sentry.error", 3), see("splunk", **SPL), see("datadog.log", **DD_FN), see("sentry.error", release=2)),
        classes=(1, 5), entry="GET /makers/{slug}/shop", span=3, renames={"shopPath": "shopHref"}),
    Bug("nc-web-shop-digest", "market-browser", (Exc("Error", "An error occurred in the Server Components render. The specific message is omitted in production builds to avoid leaking sensitive details. A digest property is included on this error instance which may provide additional details about the nature of the error.", (js("node_modules/next/dist/client/components/router-reducer/fetch-server-response.js", "fetchServerResponse", 182, 27, "main-app", lib=True), js("node_modules/next/dist/client/components/error-boundary.js", "ErrorBoundaryHandler.getDerivedStateFromError", 74, 20, "main-app", lib=True))),),
        (see("sentry.error", browser="chrome", chunk="app/makers/[slug]/shop/page", as_group="nc-shop-null-slug"), see("posthog", **ph("safari", "app/makers/[slug]/shop/page", as_group="nc-shop-null-slug"))),
        classes=(3, 10), page="/makers/ivy-pottery/shop"),
    # Not paired.
    Bug("nc-stripe-signature", "market-web", (Exc("StripeSignatureVerificationError", "No signatures found matching the expected signature for payload. Are you passing the raw request body you received from Stripe? \nIf a webhook request is being forwarded by a third-party tool, ensure that the exact request body, including JSON formatting and new line style, is preserved.\n\nLearn more about webhook signing and explore webhook integration examples for various frameworks at https://docs.stripe.com/webhooks/signature\n", (*ROUTE, nd(".next/server/app/api/stripe/webhook/route.js", "POST", 1, 1880, awaited=True), nd("node_modules/stripe/cjs/Webhooks.js", "Object.verifyHeader", 129, 23, lib=True))),),
        (see("sentry.error", 2), see("splunk", **SPL), see("datadog.log", **DD_FN)),
        classes=(1,), entry="POST /api/stripe/webhook"),
    Bug("nc-apply-zod", "market-web", (Exc("ZodError", '[\n  {\n    "code": "too_small",\n    "minimum": 20,\n    "type": "string",\n    "inclusive": true,\n    "exact": false,\n    "message": "String must contain at least 20 character(s)",\n    "path": [\n      "about"\n    ]\n  }\n]', (*ACTION, chunk(7301, "submitApplication", 640), nd("node_modules/zod/lib/types.js", "ZodObject.parse", 160, 19, lib=True))),),
        (see("sentry.error", 3), see("splunk", 2, **SPL), see("datadog.log", **DD_FN)),
        classes=(1,), entry="POST /sell/apply"),
    Bug("nc-feed-timeout", "market-web", (),
        (see("splunk", 2, message="Vercel Runtime Timeout Error: Task timed out after 60 seconds", status="504", **SPL), see("datadog.log", message="Vercel Runtime Timeout Error: Task timed out after 60 seconds", status="504", **DD_FN)),
        entry="GET /api/feeds/google-merchant"),
    Bug("nc-web-newsletter-fetch", "market-browser", (Exc("TypeError", "Failed to fetch", (js("components/footer/Newsletter.tsx", "subscribe", 22, 11, "app/layout"),), engines={"spidermonkey": "NetworkError when attempting to fetch resource.", "jsc": "Load failed"}),),
        (see("posthog", **ph("chrome", "app/layout", "onunhandledrejection")), see("posthog", **ph("safari", "app/layout", "onunhandledrejection")), see("posthog", **ph("firefox", "app/layout", "onunhandledrejection")), see("sentry.error", browser="chrome", chunk="app/layout")),
        classes=(3,), page="/"),
    Bug("nc-web-gallery-not-function", "market-browser", (Exc("TypeError", frames=(*REACT_CLICK, js("components/product/Gallery.tsx", "Gallery.onThumbClick", 48, 9, PRODUCT)), js=JsError("not-function", "swiper.slideTo", "slideTo", "(e)")),),
        (see("sentry.error", browser="chrome", chunk=PRODUCT), see("sentry.error", browser="firefox", chunk=PRODUCT, raw=True), see("posthog", **ph("safari", PRODUCT))),
        classes=(3, 10), page="/products/88213"),
    Bug("nc-singleton-storage", "market-browser", (Exc("SecurityError", "Failed to read the 'localStorage' property from 'Window': Access is denied for this document.", (js("lib/recent.ts", "readRecent", 6, 22, "3462"),)),),
        (see("sentry.error", browser="chrome", chunk=PRODUCT),),
        singleton=True, page="/products/88213"),
]

NOISE = [
    Noise("nc-noise-dd-recovered", "market-web", "datadog.log", {"monitor": "[market-web] Vercel function errors", "transition": "Recovered", "alert_type": "success", "team": "market", "filter": "source:vercel service:market-web status:error", "text": "Recovered: Vercel function errors back to normal."}),
    Noise("nc-noise-sentry-resolved", "market-browser", "sentry.metric", {"rule": "market-browser errors", "aggregate": "count()", "action": "resolved", "value": "{n}"}),
]

DEARHAM = Company(
    key="nc",
    name="Dearham Makers' Market",
    domain="dearhammarket.example",
    sentry_org="dearham-makers-market",
    splunk_url="https://dearham.splunkcloud.example",
    splunk_guid="8A4F2C61-0D3B-47E9-A5C8-1F9E6B2D7A40",
    datadog_org=("1212002", "Dearham Makers' Market"),
    datadog_template="camel",
    posthog_project=(121202, "Dearham market web"),
    releases=("2026.03.0", "2026.03.1", "2026.03.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="dearham-sentry-client-secret",
)
# fmt: on
