"""(dm) Sleddale Nurseries, plants by post: a Koa 2 API on Node 22 with TypeORM 0.3 over
Postgres (``nursery-api``, TypeScript compiled to ``dist/``; Koa's default ``app.onerror``
prints each error's stack to stderr) and a Next.js 15 App Router shop (``nursery-web``: Server
Components and server actions whose errors Next prints as lines after a cross (U+2A2F) with a digest; client
components in the browser, ``nursery-browser``). All of it runs in Docker; the json-file
driver's records (one per printed line) are forwarded to Splunk.

Sentry: @sentry/node with the Koa integration, @sentry/nextjs on the server and in the browser.
PostHog: posthog-js exception autocapture in the shop, posthog-node in the API for handled
errors. Splunk: the containers' stderr. No Datadog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import NODE_TICKS, TYPEORM_INSERT, js, nd

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "nursery-api": Service("nursery-api", "node", "dm-docker-koa", "docker:nursery-api", "/var/lib/docker/containers/nursery-api/json.log", "sd_prod", 7310011, "node v22.11.0", framework="koa", sdk=("sentry.javascript.node", "8.42.0", "npm:@sentry/node")),
    "nursery-web": Service("nursery-web", "node", "dm-docker-next", "docker:nursery-web", "/var/lib/docker/containers/nursery-web/json.log", "sd_prod", 7310014, "node v22.11.0", framework="nextjs", sdk=("sentry.javascript.nextjs", "8.42.0", "npm:@sentry/nextjs")),
    "nursery-browser": Service("nursery-browser", "javascript", "", "", "", "", 7310017, origin="https://sleddale.example", framework="nextjs", sdk=("sentry.javascript.nextjs", "8.42.0", "npm:@sentry/nextjs")),
}

KOA = (
    nd("node_modules/koa/lib/application.js", "Application.handleRequest", 187, 12, lib=True),
    nd("node_modules/koa-compose/index.js", "dispatch", 42, 32, lib=True),
    nd("node_modules/@koa/router/lib/router.js", "", 423, 16, lib=True, awaited=True),
    NODE_TICKS,
)
TYPEORM_FIND_OR_FAIL = (
    nd("node_modules/typeorm/entity-manager/EntityManager.js", "EntityManager.findOneOrFail", 586, 19, lib=True, awaited=True),
    NODE_TICKS,
)
NEXT_RSC = (
    nd("node_modules/next/dist/compiled/next-server/app-page.runtime.prod.js", "", 12, 84132, lib=True, awaited=True),
    NODE_TICKS,
)
NEXT_ACTION = (
    nd("node_modules/next/dist/compiled/next-server/app-page.runtime.prod.js", "handleAction", 16, 26171, lib=True, awaited=True),
    NODE_TICKS,
)
REACT_CLIENT = (
    js("node_modules/react-dom/cjs/react-dom-client.production.js", "executeDispatch", 16368, 13, "4bd1b696", lib=True),
    js("node_modules/react-dom/cjs/react-dom-client.production.js", "processDispatchQueue", 16417, 17, "4bd1b696", lib=True),
)
REACT_EFFECT = (
    js("node_modules/react-dom/cjs/react-dom-client.production.js", "commitHookEffectListMount", 11905, 29, "4bd1b696", lib=True),
    js("node_modules/react-dom/cjs/react-dom-client.production.js", "flushPassiveEffects", 15630, 11, "4bd1b696", lib=True),
)
# Every call to a partner goes through one helper that throws on a non-2xx answer.
ASSERT_OK = nd("src/lib/http.ts", "assertOk", 14, 11)
API = {"search": "nursery-api - stderr errors"}
WEB = {"search": "nursery-web - server errors"}
CUT = {"search": "nursery-api - stderr errors", "lines": 3}
UNDEF_PRICE = "Cannot read properties of undefined (reading 'price')"


def api(file: str, function: str, line: int, col: int = 20) -> Frame:
    return nd(f"src/{file}", function, line, col, awaited=True)


def not_found(entity: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (Exc("EntityNotFoundError", f'Could not find any entity of type "{entity}" matching: {{\n    "where": {{\n        "id": {{id}}\n    }}\n}}', frames),)


def unique(constraint: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (Exc("QueryFailedError", f'duplicate key value violates unique constraint "{constraint}"', frames),)


BUGS = [
    # findOneOrFail: which entity is the bug.
    Bug("dm-plant-not-found", "nursery-api", not_found("Plant", (*KOA, api("routes/plants.ts", "getPlant", 31), api("services/catalogue.ts", "Catalogue.plant", 58), *TYPEORM_FIND_OR_FAIL)),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **API), see("splunk", **CUT)),
        classes=(4,), pair="dm-order-not-found", entry="GET /v1/plants/{id}"),
    Bug("dm-order-not-found", "nursery-api", not_found("Order", (*KOA, api("routes/orders.ts", "getOrder", 22), api("services/orders.ts", "Orders.load", 40), *TYPEORM_FIND_OR_FAIL)),
        (see("sentry.error", 2), see("splunk", 2, **API), see("posthog")),
        classes=(4,), pair="dm-plant-not-found", entry="GET /v1/orders/{id}"),
    # Two unique constraints on insert.
    Bug("dm-order-idempotency-unique", "nursery-api", unique("UQ_order_idempotency_key", (*KOA, api("routes/checkout.ts", "placeOrder", 47), api("services/orders.ts", "Orders.create", 88), *TYPEORM_INSERT)),
        (see("sentry.error", 3), see("sentry.alert", rule="nursery-api: new issue"), see("splunk", 2, **API)),
        classes=(4,), pair="dm-wishlist-unique", entry="POST /v1/checkout", span=2),
    Bug("dm-wishlist-unique", "nursery-api", unique("UQ_wishlist_user_plant", (*KOA, api("routes/wishlist.ts", "addToWishlist", 19), api("services/wishlist.ts", "Wishlist.add", 27), *TYPEORM_INSERT)),
        (see("sentry.error", 2), see("splunk", **API), see("splunk", **CUT), see("posthog")),
        classes=(4,), pair="dm-order-idempotency-unique", entry="POST /v1/wishlist"),
    # The same read of a missing variant's price in two services.
    Bug("dm-basket-price-undefined", "nursery-api", (Exc("TypeError", UNDEF_PRICE, (*KOA, api("routes/basket.ts", "addLine", 36), nd("src/services/basket.ts", "lineTotal", 72, 31))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("sentry.issue"), see("splunk", 2, **API)),
        classes=(4, 5), pair="dm-quote-price-undefined", entry="POST /v1/basket/lines", span=2, renames={"addLine": "addBasketLine"}),
    Bug("dm-quote-price-undefined", "nursery-api", (Exc("TypeError", UNDEF_PRICE, (*KOA, api("routes/trade.ts", "tradeQuote", 61), nd("src/services/trade-quote.ts", "priceFor", 23, 28))),),
        (see("sentry.error", 2), see("splunk", 2, **API), see("splunk", **CUT)),
        classes=(4,), pair="dm-basket-price-undefined", entry="POST /v1/trade/quotes"),
    # assertOk at the end of two partner calls.
    Bug("dm-courier-slots-502", "nursery-api", (Exc("HttpError", "courier API responded 502 Bad Gateway (GET /v2/slots)", (*KOA, api("routes/delivery.ts", "listSlots", 15), api("integrations/courier.ts", "Courier.slots", 33), ASSERT_OK)),),
        (see("sentry.error", 3), see("splunk", 2, **API), see("posthog")),
        classes=(9,), pair="dm-payments-refund-502", entry="GET /v1/delivery/slots", span=2),
    Bug("dm-payments-refund-502", "nursery-api", (Exc("HttpError", "payments API responded 502 Bad Gateway (POST /v1/refunds)", (*KOA, api("routes/refunds.ts", "createRefund", 28), api("integrations/payments.ts", "Payments.refund", 51), ASSERT_OK)),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **API)),
        classes=(9,), pair="dm-courier-slots-502", entry="POST /v1/refunds"),
    # One Server Component, two exceptions.
    Bug("dm-care-guide-date", "nursery-web", (Exc("RangeError", "Invalid time value", (*NEXT_RSC, nd(".next/server/app/plants/[slug]/care/page.js", "CareGuidePage", 1, 4211, awaited=True), nd(".next/server/chunks/8213.js", "formatSeason", 1, 1902))),),
        (see("sentry.error", 2), see("splunk", 2, **WEB)),
        classes=(4,), pair="dm-care-guide-json", entry="GET /plants/{slug}/care"),
    Bug("dm-care-guide-json", "nursery-web", (Exc("SyntaxError", "Unexpected token '<', \"<!DOCTYPE \"... is not valid JSON", (*NEXT_RSC, nd(".next/server/app/plants/[slug]/care/page.js", "CareGuidePage", 1, 3870, awaited=True), nd("node:internal/deps/undici/undici", "Response.json", 5719, 34, lib=True))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **WEB)),
        classes=(4,), pair="dm-care-guide-date", entry="GET /plants/{slug}/care"),
    # Two client components reading an undefined prop; every browser words it its own way.
    Bug("dm-web-gallery-images", "nursery-browser", (Exc("TypeError", frames=(*REACT_EFFECT, js("app/plants/[slug]/gallery.tsx", "Gallery.useEffect", 24, 31, "app/plants/[slug]/page")), js=JsError("read-undefined", "plant.media", "images")),),
        (see("sentry.error", browser="chrome", chunk="app/plants/[slug]/page"), see("sentry.error", browser="safari", chunk="app/plants/[slug]/page"), see("posthog", browser="firefox", chunk="app/plants/[slug]/page", mechanism="onerror"), see("posthog", browser="chrome", chunk="app/plants/[slug]/page", mechanism="onerror", resolved=True)),
        classes=(3, 4), pair="dm-web-basket-drawer", page="/plants/{slug}"),
    Bug("dm-web-basket-drawer", "nursery-browser", (Exc("TypeError", frames=(*REACT_CLIENT, js("components/basket/drawer.tsx", "onQuantityChange", 57, 19, "app/layout")), js=JsError("read-undefined", "line.variant", "images")),),
        (see("sentry.error", browser="firefox", chunk="app/layout"), see("sentry.error", browser="chrome", chunk="app/layout", release=1), see("posthog", browser="safari", chunk="app/layout", mechanism="onerror"), see("posthog", browser="edge", chunk="app/layout", mechanism="onerror")),
        classes=(3, 4, 5), pair="dm-web-gallery-images", page="/basket", span=2),
    # A server action on a page left open across a deploy.
    Bug("dm-web-stale-action", "nursery-web", (Exc("Error", 'Failed to find Server Action "{hex}". This request might be from an older or newer deployment. Original error: Cannot read properties of undefined (reading \'workers\')', NEXT_ACTION),),
        (see("sentry.error", 2), see("splunk", 3, **WEB)),
        classes=(10,), entry="POST /checkout"),
    Bug("dm-web-chunk-load", "nursery-browser", (Exc("ChunkLoadError", "Loading chunk 4519 failed.\n(error: https://sleddale.example/_next/static/chunks/4519-{hex}.js)", (js("node_modules/next/dist/client/components/router-reducer/fetch-server-response.js", "fetchServerResponse", 112, 9, "main-app", lib=True), js("app/plants/page.tsx", "loadFilters", 12, 5, "app/plants/page"))),),
        (see("sentry.error", browser="chrome", chunk="app/plants/page"), see("posthog", browser="safari", chunk="app/plants/page", mechanism="onunhandledrejection"), see("posthog", browser="firefox", chunk="app/plants/page", mechanism="onunhandledrejection"), see("posthog", browser="chrome", chunk="app/plants/page", mechanism="onunhandledrejection", release=1)),
        classes=(3,), page="/plants"),
    Bug("dm-web-hydration", "nursery-browser", (Exc("Error", "Hydration failed because the server rendered text didn't match the client. As a result this tree will be regenerated on the client. This can happen if a SSR-ed Client Component used:\n\n- A server/client branch `if (typeof window !== 'undefined')`.\n- Variable input such as `Date.now()` or `Math.random()` which changes each time it's called.", (js("node_modules/react-dom/cjs/react-dom-client.production.js", "throwOnHydrationMismatch", 4117, 9, "4bd1b696", lib=True), js("components/delivery/countdown.tsx", "Countdown", 18, 7, "app/layout"))),),
        (see("sentry.error", browser="chrome", chunk="app/layout"), see("sentry.error", browser="edge", chunk="app/layout"), see("posthog", browser="chrome", chunk="app/layout", mechanism="onerror"), see("posthog", browser="firefox", chunk="app/layout", mechanism="onerror")),
        classes=(10,), page="/"),
    Bug("dm-stock-sync-deadlock", "nursery-api", (Exc("QueryFailedError", "deadlock detected", (*KOA, api("routes/admin/stock.ts", "importStock", 44), api("services/stock.ts", "Stock.apply", 97), nd("node_modules/typeorm/driver/postgres/PostgresQueryRunner.js", "PostgresQueryRunner.query", 219, 19, lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, **API)),
        entry="POST /v1/admin/stock/import"),
    Bug("dm-voucher-bigint", "nursery-api", (Exc("TypeError", "Do not know how to serialize a BigInt", (*KOA, api("routes/vouchers.ts", "redeem", 18), nd("<anonymous>", "JSON.stringify", 0, 0, lib=True))),),
        (see("sentry.error"),),
        singleton=True, entry="POST /v1/vouchers/redeem"),
]

NOISE = [
    Noise("dm-noise-next-ready", "nursery-web", "splunk", {**WEB, "line": '{"log":"   ▲ Next.js 15.1.3\\n","stream":"stdout","time":"{ts}"}\n{"log":" ✓ Ready in 412ms\\n","stream":"stdout","time":"{ts}"}'}),
    Noise("dm-noise-sentry-resolved", "nursery-api", "sentry.metric", {"rule": "nursery-api error rate", "aggregate": "count()", "action": "resolved", "value": "{n}"}),
]

SLEDDALE = Company(
    key="dm",
    name="Sleddale Nurseries",
    domain="sleddale.example",
    sentry_org="sleddale",
    splunk_url="https://sleddale.splunkcloud.com",
    splunk_guid="7E1B9C42-3A5D-4F80-B6E2-19C4D8A07F35",
    datadog_org=("0", ""),
    datadog_template="default",
    posthog_project=(93107, "Sleddale shop"),
    releases=("2026.10.1", "2026.10.2", "2026.10.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="sleddale-sentry-client-secret",
)
# fmt: on
