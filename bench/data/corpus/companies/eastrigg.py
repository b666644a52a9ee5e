"""(ea) Eastrigg Plants, a mail-order plant nursery: a TypeScript Express 5 API over Drizzle
ORM and postgres.js (``shop-api``) and a SvelteKit 2 storefront on Svelte 5 (``storefront``).

Sentry: @sentry/node on the API, @sentry/sveltekit in the browser. PostHog's exception
autocapture on the storefront. Datadog: the containers' stdout (the API logs failures with
``console.error`` of an object holding the error) under log monitors pasting samples, and
dd-trace APM monitors. No Splunk.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import NODE_TICKS, js, nd

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "shop-api": Service("shop-api", "node", "ea-console-error", "", "", "", 8840011, "node v22.11.0", framework="express", sdk=("sentry.javascript.node", "8.42.0", "npm:@sentry/node")),
    "storefront": Service("storefront", "javascript", "", "", "", "", 8840014, origin="https://shop.eastrigg.example", framework="onerror", sdk=("sentry.javascript.sveltekit", "8.42.0", "npm:@sentry/sveltekit")),
}

# Express 5's router awaiting an async handler (oldest first).
EXPRESS = (
    nd("node_modules/router/lib/layer.js", "Layer.handleRequest", 152, 17, lib=True),
    nd("node_modules/router/lib/route.js", "next", 157, 13, lib=True),
    nd("node_modules/router/lib/route.js", "Route.dispatch", 117, 3, lib=True),
)
# postgres.js raises from its socket handler: the query's caller is not on the stack.
POSTGRES = (
    nd("node:internal/streams/readable", "addChunk", 559, 12, lib=True),
    nd("node:events", "Socket.emit", 519, 28, lib=True),
    nd("node_modules/postgres/cjs/src/connection.js", "Socket.data", 315, 9, lib=True),
    nd("node_modules/postgres/cjs/src/connection.js", "handle", 480, 6, lib=True),
    nd("node_modules/postgres/cjs/src/connection.js", "ErrorResponse", 794, 26, lib=True),
)
# Svelte 5's delegated event handler and effect runner, bundled by Vite.
SVELTE = "node_modules/svelte/src/internal/client/"
SVELTE_CLICK = (
    js(SVELTE + "dom/elements/events.js", "HTMLDocument.handle_event_propagation", 255, 21, "entry", lib=True),
)
SVELTE_EFFECT = (
    js(SVELTE + "runtime.js", "flush_queued_effects", 612, 4, "entry", lib=True),
    js(SVELTE + "runtime.js", "update_effect", 437, 18, "entry", lib=True),
    js(SVELTE + "runtime.js", "update_reaction", 314, 53, "entry", lib=True),
)
LOG = "[api] request failed"
DD = {"style": "sample", "monitor": "shop-api errors on stdout", "team": "shop"}
APM = {"team": "shop"}


def route(*frames: Frame) -> tuple[Frame, ...]:
    return (*EXPRESS, *frames)


def pg_unique(constraint: str) -> tuple[Exc, ...]:
    return (Exc("PostgresError", f'duplicate key value violates unique constraint "{constraint}"', POSTGRES),)


def pg_props(constraint: str, table: str, detail: str) -> dict[str, str]:
    return {"severity_local": "ERROR", "severity": "ERROR", "code": "23505", "detail": detail, "schema_name": "public", "table_name": table, "constraint_name": constraint, "file": "nbtinsert.c", "line": "666", "routine": "_bt_check_unique"}


ORDER_PROPS = pg_props("orders_checkout_id_key", "orders", "Key (checkout_id)=({uuid}) already exists.")
REVIEW_PROPS = pg_props("reviews_customer_id_product_id_key", "reviews", "Key (customer_id, product_id)=({user}, {id}) already exists.")
STOCK_PROPS = {"severity_local": "ERROR", "severity": "ERROR", "code": "23514", "detail": "Failing row contains ({id}, {sku}, -{idx}, t).", "schema_name": "public", "table_name": "plant_variants", "constraint_name": "plant_variants_stock_check", "file": "execMain.c", "line": "2006", "routine": "ExecConstraints"}
FETCH = {"spidermonkey": "NetworkError when attempting to fetch resource.", "jsc": "Load failed"}

BUGS = [
    # Unique constraints of two tables: postgres.js's stack names neither caller.
    Bug("ea-order-checkout-dup", "shop-api", pg_unique("orders_checkout_id_key"),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", props=ORDER_PROPS, **DD), see("datadog.apm", **APM)),
        classes=(4,), pair="ea-review-dup", log=LOG, entry="POST /api/checkout/{id}/complete"),
    Bug("ea-review-dup", "shop-api", pg_unique("reviews_customer_id_product_id_key"),
        (see("sentry.error", 2), see("datadog.log", 2, props=REVIEW_PROPS, **DD)),
        classes=(4,), pair="ea-order-checkout-dup", log=LOG, entry="POST /api/products/{id}/reviews"),
    # The same property read on undefined in two handlers.
    Bug("ea-cart-price-undefined", "shop-api", (Exc("TypeError", "Cannot read properties of undefined (reading 'price')", route(nd("src/routes/cart.ts", "", 41, 22, awaited=True), nd("src/services/cart.ts", "cartTotals", 63, 38), nd("src/services/cart.ts", "lineTotal", 18, 27))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("datadog.log", **DD), see("datadog.apm", **APM)),
        classes=(4, 5), pair="ea-wishlist-price-undefined", log=LOG, entry="GET /api/cart", span=2, renames={"cartTotals": "computeCartTotals"}),
    Bug("ea-wishlist-price-undefined", "shop-api", (Exc("TypeError", "Cannot read properties of undefined (reading 'price')", route(nd("src/routes/wishlist.ts", "", 27, 19, awaited=True), nd("src/services/wishlist.ts", "withPrices", 34, 41))),),
        (see("sentry.error", 3), see("sentry.issue"), see("datadog.log", 2, **DD)),
        classes=(4,), pair="ea-cart-price-undefined", log=LOG, entry="GET /api/wishlist"),
    # zod parsing two request bodies: the path is the difference.
    Bug("ea-basket-zod", "shop-api", (Exc("ZodError", '[\n  {\n    "code": "invalid_type",\n    "expected": "number",\n    "received": "string",\n    "path": [\n      "quantity"\n    ],\n    "message": "Expected number, received string"\n  }\n]', route(nd("src/routes/cart.ts", "", 58, 40, awaited=True), nd("node_modules/zod/lib/types.js", "ZodObject.parse", 160, 23, lib=True), nd("node_modules/zod/lib/types.js", "get error", 55, 31, lib=True))),),
        (see("sentry.error", 3), see("datadog.log", 2, **DD), see("datadog.apm", **APM)),
        classes=(4, 6), pair="ea-address-zod", log=LOG, entry="POST /api/cart/items"),
    Bug("ea-address-zod", "shop-api", (Exc("ZodError", '[\n  {\n    "validation": "regex",\n    "code": "invalid_string",\n    "message": "Invalid",\n    "path": [\n      "postcode"\n    ]\n  }\n]', route(nd("src/routes/checkout.ts", "", 36, 44, awaited=True), nd("node_modules/zod/lib/types.js", "ZodObject.parse", 160, 23, lib=True), nd("node_modules/zod/lib/types.js", "get error", 55, 31, lib=True))),),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", **DD), see("datadog.apm", **APM)),
        classes=(4, 6), pair="ea-basket-zod", log=LOG, entry="POST /api/checkout/{id}/address"),
    # Stripe unreachable and Redis refusing: regular groups.
    Bug("ea-stripe-connection", "shop-api", (Exc("StripeConnectionError", "An error occurred with our connection to Stripe. Request was retried 2 times.", route(nd("src/routes/checkout.ts", "", 71, 31, awaited=True), nd("src/services/payments.ts", "createPaymentIntent", 22, 41, awaited=True), nd("node_modules/stripe/cjs/RequestSender.js", "", 299, 37, lib=True), NODE_TICKS)),),
        (see("sentry.error", 3), see("datadog.log", **DD), see("datadog.apm", **APM)),
        classes=(9,), log=LOG, entry="POST /api/checkout/{id}/pay"),
    Bug("ea-redis-refused", "shop-api", (Exc("Error", "connect ECONNREFUSED {ip}:6379", (nd("node:net", "TCPConnectWrap.afterConnect [as oncomplete]", 1610, 16, lib=True),)),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("datadog.log", 2, prefix="[api] session store", **DD)),
        classes=(9,), log=LOG, entry="GET /api/session", span=3),
    Bug("ea-stock-check", "shop-api", (Exc("PostgresError", 'new row for relation "plant_variants" violates check constraint "plant_variants_stock_check"', POSTGRES),),
        (see("sentry.error", 2), see("datadog.log", 2, props=STOCK_PROPS, **DD), see("datadog.apm", **APM)),
        log=LOG, entry="POST /api/checkout/{id}/complete"),
    # The storefront: one property read in two components; three engines' words.
    Bug("ea-web-gallery-images", "storefront", (Exc("TypeError", frames=(*SVELTE_EFFECT, js("src/lib/components/ProductGallery.svelte", "ProductGallery", 24, 31, "ProductGallery")), js=JsError("read-undefined", "plant.images", "length")),),
        (see("posthog", 2, browser="chrome", chunk="ProductGallery"), see("posthog", browser="safari", release=1, chunk="ProductGallery"), see("posthog", browser="firefox", chunk="ProductGallery"), see("sentry.error", browser="chrome"), see("sentry.error", browser="safari", release=1)),
        classes=(3,), pair="ea-web-card-images", page="/plants/monstera-thai-constellation", span=2),
    Bug("ea-web-card-images", "storefront", (Exc("TypeError", frames=(*SVELTE_EFFECT, js("src/lib/components/PlantCard.svelte", "PlantCard", 17, 40, "PlantCard")), js=JsError("read-undefined", "plant.images", "length")),),
        (see("posthog", 2, browser="chrome", chunk="PlantCard"), see("posthog", browser="firefox", chunk="PlantCard"), see("sentry.error", browser="chrome"), see("sentry.issue", browser="chrome")),
        classes=(3,), pair="ea-web-gallery-images", page="/collections/houseplants"),
    # fetch failing in two places: browsers word it three ways.
    Bug("ea-web-cart-sync-fetch", "storefront", (Exc("TypeError", "Failed to fetch", (*SVELTE_CLICK, js("src/lib/stores/cart.svelte.ts", "addItem", 48, 24, "entry"), js("src/lib/api.ts", "post", 12, 22, "entry")), engines=FETCH),),
        (see("posthog", 2, browser="chrome"), see("posthog", browser="safari"), see("posthog", browser="firefox"), see("sentry.error", browser="safari")),
        classes=(3,), pair="ea-web-stock-fetch", page="/plants/monstera-thai-constellation"),
    Bug("ea-web-stock-fetch", "storefront", (Exc("TypeError", "Failed to fetch", (*SVELTE_EFFECT, js("src/lib/components/StockBadge.svelte", "poll", 19, 28, "StockBadge"), js("src/lib/api.ts", "get", 7, 22, "entry")), engines=FETCH),),
        (see("posthog", 2, browser="chrome", chunk="StockBadge"), see("posthog", browser="safari", chunk="StockBadge"), see("posthog", browser="firefox", release=1, chunk="StockBadge"), see("sentry.error", browser="chrome")),
        classes=(3,), pair="ea-web-cart-sync-fetch", page="/plants/monstera-thai-constellation"),
    Bug("ea-web-delivery-null", "storefront", (Exc("TypeError", frames=(*SVELTE_CLICK, js("src/routes/checkout/delivery/+page.svelte", "selectSlot", 63, 17, "delivery")), js=JsError("read-null", "slot.window", "start")),),
        (see("posthog", 2, browser="chrome", chunk="delivery"), see("posthog", browser="safari", chunk="delivery"), see("posthog", browser="firefox", release=1, chunk="delivery"), see("sentry.error", browser="firefox", chunk="delivery")),
        classes=(3,), page="/checkout/delivery"),
    Bug("ea-web-date-invalid", "storefront", (Exc("RangeError", "Invalid time value", (*SVELTE_EFFECT, js("src/lib/components/DispatchDate.svelte", "DispatchDate", 14, 22, "entry"), js("node_modules/date-fns/format.js", "format", 351, 11, "entry", lib=True)), engines={"spidermonkey": "invalid date", "jsc": "Invalid Date"}),),
        (see("sentry.error", browser="chrome"),),
        singleton=True, page="/account/orders"),
]

NOISE = [
    Noise("ea-noise-deploy", "shop-api", "datadog.event", {"monitor": "Deployed shop-api 1.48.0", "text": "GitHub Actions deployed shop-api 1.48.0 and storefront to fly.io (4 machines).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "shop"}),
    Noise("ea-noise-sentry-resolved", "storefront", "sentry.metric", {"rule": "storefront error spike", "aggregate": "count()", "action": "resolved", "value": "{n}"}),
]

EASTRIGG = Company(
    key="ea",
    name="Eastrigg Plants",
    domain="eastrigg.example",
    sentry_org="eastrigg",
    splunk_url="",
    splunk_guid="",
    datadog_org=("812095", "Eastrigg Plants"),
    datadog_template="recommended",
    posthog_project=(41207, "Eastrigg storefront"),
    releases=("1.47.3", "1.48.0", "1.48.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="eastrigg-sentry-client-secret",
)
# fmt: on
