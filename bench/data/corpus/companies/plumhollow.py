"""(bj) Plumhollow, a marketplace for handmade goods: an Express 4 API on Node 18 in plain
JavaScript (``market-api``: Mongoose 7 over MongoDB, sessions and Bull queues on Redis), its
Bull worker (``market-worker``: payouts, refunds, thumbnails) and a Vue 2.7 storefront built by
Vue CLI 5 (``storefront``, webpack 5: ``js/app.<hash>.js``, ``js/chunk-vendors.<hash>.js`` and
named lazy chunks).

Sentry (@sentry/node 7 with its Express request and error handlers; the worker calls
``Sentry.captureException`` in the queue's ``failed`` handler; @sentry/vue 7 on the
storefront, whose source maps were not uploaded on one release); PostHog (posthog-js's
exception autocapture on the storefront in Chrome, Edge, Firefox and Safari, raw and resolved
frames; posthog-node's ``captureException`` in the API's error middleware); Splunk over the
containers' stdout: the API's winston ``printf`` line with the error's stack below, the
worker's winston JSON with the stack as a meta field. V8 keeps ten frames of every stack; the
MongoDB driver's errors carry no app frame at all. No Datadog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import NODE_TICKS, js, nd

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "market-api": Service("market-api", "node", "bj-winston-printf", "plumhollow:api", "/var/log/containers/market-api_plumhollow_api.log", "plumhollow", 2290031, "node v18.19.1", framework="express", sdk=("sentry.javascript.node", "7.112.2", "npm:@sentry/node")),
    "market-worker": Service("market-worker", "node", "bj-winston-bull", "plumhollow:worker", "/var/log/containers/market-worker_plumhollow_worker.log", "plumhollow", 2290034, "node v18.19.1", framework="generic", sdk=("sentry.javascript.node", "7.112.2", "npm:@sentry/node")),
    "storefront": Service("storefront", "javascript", "", "", "", "", 2290037, origin="https://www.plumhollow.example", framework="vue", sdk=("sentry.javascript.vue", "7.112.2", "npm:@sentry/vue")),
}

API = dict(search="market-api errors", app="search", owner="ops")
WORKER = dict(search="market-worker failed jobs", app="search", owner="ops")

EXPRESS = "node_modules/express/lib/router/"
# Express 4 running a route's async handler (oldest first).
ROUTE = (
    nd(EXPRESS + "index.js", "next", 280, 10, lib=True),
    nd(EXPRESS + "route.js", "Route.dispatch", 114, 3, lib=True),
    nd(EXPRESS + "layer.js", "Layer.handle [as handle_request]", 95, 5, lib=True),
)
# The MongoDB driver 5 answering a write: the error's stack is the driver's callbacks only.
MONGO = "node_modules/mongodb/lib/"
MONGO_WRITE = (
    nd("node:internal/streams/writable", "writeOrBuffer", 392, 12, lib=True),
    nd(MONGO + "cmap/message_stream.js", "MessageStream._write", 33, 9, lib=True),
    nd(MONGO + "cmap/message_stream.js", "processIncomingData", 124, 16, lib=True),
    nd("node:events", "MessageStream.emit", 517, 28, lib=True),
    nd(MONGO + "cmap/connection.js", "MessageStream.<anonymous>", 59, 60, lib=True),
    nd(MONGO + "cmap/connection.js", "Connection.onMessage", 213, 9, lib=True),
    nd(MONGO + "sdam/server.js", "handleOperationResult", 323, 20, lib=True),
    nd(MONGO + "sdam/server.js", "", 207, 17, lib=True),
    nd(MONGO + "cmap/connection_pool.js", "", 331, 25, lib=True),
    nd(MONGO + "operations/insert.js", "", 50, 33, lib=True),
)
MONGOOSE_EXEC = nd("node_modules/mongoose/lib/query.js", "model.Query.exec", 4913, 21, lib=True)
BULL = nd("node_modules/bull/lib/queue.js", "Queue.processJob", 1176, 30, lib=True)
# ioredis parsing Redis's error reply: no app frame either.
REDIS_REPLY = (
    nd("node_modules/ioredis/built/DataHandler.js", "Socket.<anonymous>", 25, 20, lib=True),
    nd("node_modules/ioredis/built/DataHandler.js", "JavascriptRedisParser.execute", 60, 35, lib=True),
    nd("node_modules/redis-parser/lib/parser.js", "parseType", 302, 14, lib=True),
    nd("node_modules/redis-parser/lib/parser.js", "parseError", 179, 12, lib=True),
)
AXIOS = "node_modules/axios/dist/node/axios.cjs"
AXIOS_422 = (
    NODE_TICKS,
    nd("node:internal/streams/readable", "endReadableNT", 1400, 12, lib=True),
    nd("node:events", "IncomingMessage.emit", 529, 35, lib=True),
    nd(AXIOS, "IncomingMessage.handleStreamEnd", 3065, 11, lib=True),
    nd(AXIOS, "settle", 1966, 12, lib=True),
)
# The shop's one converter of amounts to minor units: checkout and refunds both call it.
TO_MINOR = nd("lib/money.js", "toMinorUnits", 12, 11)

VUE2 = "node_modules/vue/dist/vue.runtime.esm.js"
V_CLICK = (js(VUE2, "HTMLButtonElement.invoker", 7915, 28, "chunk-vendors", lib=True), js(VUE2, "invokeWithErrorHandling", 3004, 28, "chunk-vendors", lib=True))
V_RENDER = (js(VUE2, "Watcher.get", 3377, 27, "chunk-vendors", lib=True), js(VUE2, "updateComponent", 3888, 18, "chunk-vendors", lib=True), js(VUE2, "Vue._render", 2686, 28, "chunk-vendors", lib=True))
V_COMPUTED = (*V_RENDER, js(VUE2, "computedGetter", 3755, 29, "chunk-vendors", lib=True), js(VUE2, "Watcher.evaluate", 3456, 25, "chunk-vendors", lib=True), js(VUE2, "Watcher.get", 3377, 27, "chunk-vendors", lib=True))


def route(file: str, function: str, line: int, col: int) -> tuple[Frame, ...]:
    return (*ROUTE, nd(file, function, line, col))


BROWSERS = (see("posthog", browser="chrome"), see("posthog", browser="safari", release=1), see("posthog", browser="firefox", resolved=True, release=1))

BUGS = [
    # E11000 on two unique indexes: the driver's stack is the same, the message names the index.
    Bug("ph-order-number-dup", "market-api", (Exc("MongoServerError", "E11000 duplicate key error collection: plumhollow.orders index: orderNumber_1 dup key: { orderNumber: \"PH-2026-{order}\" }", MONGO_WRITE),),
        (see("sentry.error", 2, mechanism="middleware"), see("sentry.issue"), see("splunk", 2, **API), see("posthog")),
        classes=(4, 10), pair="ph-user-email-dup", entry="POST /api/orders"),
    Bug("ph-user-email-dup", "market-api", (Exc("MongoServerError", "E11000 duplicate key error collection: plumhollow.users index: email_1 dup key: { email: \"{email}\" }", MONGO_WRITE),),
        (see("sentry.error", 2, mechanism="middleware"), see("splunk", 3, **API)),
        classes=(4, 10), pair="ph-order-number-dup", entry="POST /api/auth/register"),
    # A route parameter of "undefined" cast for two models.
    Bug("ph-product-cast", "market-api", (Exc("CastError", "Cast to ObjectId failed for value \"undefined\" (type string) at path \"_id\" for model \"Product\"", (*route("routes/products.js", "getProduct", 22, 37), MONGOOSE_EXEC)),),
        (see("sentry.error", 2, mechanism="middleware"), see("sentry.issue"), see("splunk", 2, **API), see("posthog")),
        classes=(4,), pair="ph-coupon-cast", entry="GET /api/products/{product_id}", span=2, renames={"getProduct": "showProduct"}),
    Bug("ph-coupon-cast", "market-api", (Exc("CastError", "Cast to ObjectId failed for value \"{coupon}\" (type string) at path \"_id\" for model \"Coupon\"", (*route("routes/cart.js", "applyCoupon", 58, 34), nd("services/coupons.js", "findCoupon", 14, 23), MONGOOSE_EXEC)),),
        (see("sentry.error", 2, mechanism="middleware"), see("splunk", 2, **API)),
        classes=(4,), pair="ph-product-cast", entry="POST /api/cart/coupon"),
    # The same price read in two components of the storefront.
    Bug("ph-web-cartitem-price", "storefront", (Exc("TypeError", frames=(*V_COMPUTED, js("src/components/CartItem.vue", "lineTotal", 48, 36, "app")), js=JsError("read-undefined", "this.item.variant", "price")),),
        (see("sentry.error", 2, browser="chrome", chunk="app"), see("sentry.error", browser="firefox", chunk="app", release=1), see("sentry.error", browser="safari", chunk="app", sourcemaps=False, release=1), see("posthog", browser="chrome"), see("posthog", browser="edge", resolved=True, release=1)),
        classes=(3, 4), pair="ph-web-tile-price", span=2, page="/cart"),
    Bug("ph-web-tile-price", "storefront", (Exc("TypeError", frames=(*V_RENDER, js("src/components/ProductTile.vue", "render", 12, 41, "shop-page"), js("src/filters/currency.js", "formatPrice", 6, 20, "shop-page")), js=JsError("read-undefined", "listing.variants[0]", "price")),),
        (see("sentry.error", browser="chrome", chunk="shop-page"), see("sentry.error", browser="safari", chunk="shop-page"), *BROWSERS),
        classes=(3, 4), pair="ph-web-cartitem-price", page="/shop/wild-thyme-ceramics"),
    # One payout processor, two exceptions: a seller without a connected account, Stripe's 422.
    Bug("ph-payout-no-account", "market-worker", (Exc("TypeError", "Cannot read properties of null (reading 'stripeAccountId')", (BULL, nd("jobs/payouts.js", "processPayout", 27, 46))),),
        (see("sentry.error", 2, mechanism="generic"), see("splunk", 2, queue="payouts", **WORKER)),
        classes=(4,), pair="ph-payout-transfer-422", entry="payout", handled=True),
    Bug("ph-payout-transfer-422", "market-worker", (Exc("AxiosError", "Request failed with status code 422", (nd("jobs/payouts.js", "processPayout", 39, 5, awaited=True), nd(AXIOS, "Axios.request", 3876, 41, lib=True), *AXIOS_422)),),
        (see("sentry.error", 2, mechanism="generic"), see("sentry.issue"), see("splunk", 2, queue="payouts", **WORKER)),
        classes=(4, 10), pair="ph-payout-no-account", entry="payout", handled=True, span=2),
    # Two callers handing the one money helper a NaN: checkout totals and a refund's amount.
    Bug("ph-checkout-amount-nan", "market-api", (Exc("RangeError", "Invalid amount for {cur}: NaN", (*route("routes/checkout.js", "createCheckout", 71, 28), nd("services/totals.js", "computeTotals", 33, 22), TO_MINOR)),),
        (see("sentry.error", 3, mechanism="middleware"), see("splunk", 2, **API), see("posthog")),
        classes=(9,), pair="ph-refund-amount-nan", entry="POST /api/checkout"),
    Bug("ph-refund-amount-nan", "market-worker", (Exc("RangeError", "Invalid amount for {cur}: NaN", (BULL, nd("jobs/refunds.js", "processRefund", 19, 31), TO_MINOR)),),
        (see("sentry.error", 2, mechanism="generic"), see("splunk", 2, queue="refunds", **WORKER)),
        classes=(9,), pair="ph-checkout-amount-nan", entry="refund", handled=True),
    # An order saved without the postcode the new checkout form forgot to send.
    Bug("ph-order-postcode-required", "market-api", (Exc("ValidationError", "Order validation failed: shippingAddress.postcode: Path `shippingAddress.postcode` is required.", (NODE_TICKS, nd("node_modules/mongoose/lib/schematype.js", "", 1368, 9, lib=True), nd("node_modules/mongoose/lib/document.js", "", 2980, 17, lib=True), nd("node_modules/mongoose/lib/document.js", "model.Document.invalidate", 3187, 32, lib=True))),),
        (see("sentry.error", 3, mechanism="middleware"), see("sentry.issue"), see("splunk", 2, **API), see("posthog", 2)),
        classes=(10,), entry="POST /api/orders", span=2),
    # A search box passing the buyer's text to $regex unescaped.
    Bug("ph-search-regex", "market-api", (Exc("MongoServerError", "Regular expression is invalid: missing )", (*route("routes/search.js", "search", 17, 33), MONGOOSE_EXEC)),),
        (see("sentry.error", 2, mechanism="middleware"), see("splunk", 2, **API), see("posthog")),
        entry="GET /api/search"),
    # Redis full: Bull cannot enqueue the confirmation e-mail.
    Bug("ph-redis-oom", "market-api", (Exc("ReplyError", "OOM command not allowed when used memory > 'maxmemory'.", REDIS_REPLY),),
        (see("sentry.error", 2, mechanism="middleware"), see("splunk", 3, **API)),
        classes=(10,), entry="POST /api/orders"),
    # Sellers uploading HEIC photos the thumbnail job cannot read.
    Bug("ph-thumbnail-heic", "market-worker", (Exc("Error", "Input buffer contains unsupported image format", (BULL, nd("jobs/thumbnails.js", "makeThumbnails", 24, 10, awaited=True), nd("node_modules/sharp/lib/output.js", "Sharp.toBuffer", 163, 17, lib=True))),),
        (see("sentry.error", 2, mechanism="generic"), see("splunk", 3, queue="thumbnails", **WORKER)),
        entry="thumbnails", handled=True, span=2),
    # After a deploy, open storefronts ask for a lazy chunk that was replaced.
    Bug("ph-web-chunk-load", "storefront", (Exc("ChunkLoadError", "Loading chunk shop-page failed.\n(error: {chunkurl})", (js("webpack/runtime/jsonp chunk loading", "f.j", 1, 1, "app", lib=True), js("webpack/runtime/load script", "l", 1, 1, "app", lib=True))),),
        (see("sentry.error", browser="chrome", chunk="shop-page", mechanism="onunhandledrejection"), see("sentry.error", browser="firefox", chunk="shop-page", mechanism="onunhandledrejection", release=1), see("posthog", browser="safari", chunk="shop-page", mechanism="onunhandledrejection"), see("posthog", browser="edge", chunk="shop-page", mechanism="onunhandledrejection", release=1)),
        classes=(5,), span=2, page="/shop/wild-thyme-ceramics"),
    # The order history formatting a date the API left out.
    Bug("ph-web-order-date", "storefront", (Exc("RangeError", "Invalid time value", (*V_RENDER, js("src/views/OrderHistory.vue", "render", 31, 22, "account"), js("src/filters/date.js", "shortDate", 4, 45, "account")), engines={"spidermonkey": "invalid date", "jsc": "Invalid Date"}),),
        (see("sentry.error", browser="chrome", chunk="account"), see("sentry.error", browser="firefox", chunk="account"), see("posthog", browser="safari"), see("posthog", browser="chrome", resolved=True)),
        classes=(3,), page="/account/orders"),
    # The checkout form calling a method of a ref renamed by an update of the form library.
    Bug("ph-web-form-validate", "storefront", (Exc("TypeError", frames=(*V_CLICK, js("src/views/Checkout.vue", "submit", 118, 27, "checkout")), js=JsError("not-function", "this.$refs.addressForm", "validate", "()")),),
        (see("sentry.error", 2, browser="chrome", chunk="checkout"), see("sentry.error", browser="safari", chunk="checkout"), see("posthog", browser="firefox"), see("posthog", browser="edge", legacy=True)),
        classes=(3,), page="/checkout"),
    # Listing photos fetched slowly from the image CDN: warnings whose sizes and durations vary.
    Bug("ph-cdn-fetch-slow", "market-api", (),
        (see("splunk", 4, **API, line="{tsms} [market-api] warn: slow image fetch from {objstore}: {size} in {ms} ms"),),
        classes=(7,)),
    # Seen once: Safari's private mode refusing localStorage.
    Bug("ph-web-storage-quota", "storefront", (Exc("QuotaExceededError", "The quota has been exceeded.", (*V_CLICK, js("src/store/recentlyViewed.js", "persist", 19, 22, "app"))),),
        (see("sentry.error", browser="safari", chunk="app"),),
        singleton=True, page="/shop/wild-thyme-ceramics"),
]

NOISE = [
    Noise("ph-noise-listening", "market-api", "splunk", {**API, "line": "{tsms} [market-api] info: market-api listening on :3000 (NODE_ENV=production)"}),
    Noise("ph-noise-queue-ready", "market-worker", "splunk", {**WORKER, "line": "{\"level\":\"info\",\"message\":\"Queue payouts ready (concurrency 4)\",\"service\":\"market-worker\",\"timestamp\":\"{tsms}\"}"}),
    Noise("ph-noise-sentry-resolved", "market-api", "sentry.metric", {"rule": "market-api error rate", "aggregate": "count()", "action": "resolved", "value": "{n}"}),
]

PLUMHOLLOW = Company(
    key="bj",
    name="Plumhollow",
    domain="plumhollow.example",
    sentry_org="plumhollow",
    splunk_url="https://plumhollow.splunkcloud.com",
    splunk_guid="E4A0C7D2-18B5-4E9F-A3C1-6D27F0B9854A",
    datadog_org=("0", ""),
    datadog_template="default",
    posthog_project=(61882, "Plumhollow storefront"),
    releases=("1.48.0", "1.49.0", "1.49.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="plumhollow-sentry-client-secret",
)
# fmt: on
