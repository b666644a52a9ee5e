"""(fu) Lorton Bikes, e-bike rental and sales: a Next.js 14.2 App Router app on Vercel
(``storefront``: Server Components and Server Actions under ``app/``, route handlers under
``app/api``, Neon's serverless Postgres driver, Stripe, a stock feed and a dealer directory
over fetch) and the same app hydrated in the browser (``web``: webpack chunks under
``/_next/static/chunks``).

Splunk indexes Vercel's JSON log drain (``fu-vercel-drain``): one entry per stderr write of a
function, the ``message`` being Next's ``console.error`` of the error (the server bundle
minified: one-letter names in ``/var/task/.next/server/...page.js:1:<col>``, a ``{ digest }``
after the stack), sometimes the Lambda-style ``<iso>\\t<id>\\tERROR\\t`` line, the team's own
``console.error('msg', err)``, or a message cut to its tail; a ``proxy`` block describes the
request. Sentry: @sentry/nextjs on the server (source maps uploaded) and the browser.
PostHog: posthog-js exception autocapture. No Datadog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import REACT_CLICK, REACT_EFFECT, REACT_RENDER, js, nd

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.javascript.nextjs", "8.38.0", "npm:@sentry/nextjs")
SERVICES = {
    "storefront": Service("storefront", "node", "fu-vercel-drain", "vercel:drain", "vercel:lorton-storefront", "fu_vercel", 7740113, "node v20.15.1", framework="nextjs", sdk=SDK),
    "web": Service("web", "javascript", "", "", "", "", 7740114, origin="https://www.lorton-bikes.example", framework="nextjs", sdk=SDK),
}

NX = "node_modules/next/dist/compiled/next-server/app-page.runtime.prod.js"
# A Server Component rendered by the app-page runtime (oldest first).
RSC = (
    nd(NX, "doRender", 39, 3872, lib=True, awaited=True),
    nd(NX, "renderToHTMLOrFlightImpl", 39, 12019, lib=True, awaited=True),
    nd(NX, "Object.renderToHTMLOrFlight", 39, 10215, lib=True),
)
# A Server Action posted from a form.
ACTION = (
    nd(NX, "handleAction", 38, 17423, lib=True, awaited=True),
    nd(NX, "", 40, 1014, lib=True, awaited=True),
)
# A route handler under app/api.
ROUTE = (
    nd("node_modules/next/dist/compiled/next-server/app-route.runtime.prod.js", "AppRouteRouteModule.do", 6, 37866, lib=True, awaited=True),
    nd("node_modules/next/dist/compiled/next-server/app-route.runtime.prod.js", "AppRouteRouteModule.handle", 6, 43160, lib=True, awaited=True),
)
NEON = (
    nd("node_modules/@neondatabase/serverless/index.js", "execute", 1554, 55, lib=True, awaited=True),
    nd("node_modules/@neondatabase/serverless/index.js", "NeonQueryPromise.then", 1557, 16, lib=True),
)
UNDICI = (
    nd("node:internal/deps/undici/undici", "fetch", 13185, 11, lib=True, awaited=True),
    nd("node_modules/next/dist/compiled/next-server/app-page.runtime.prod.js", "", 37, 5830, lib=True, awaited=True),
)
TICKS = nd("node:internal/process/task_queues", "process.processTicksAndRejections", 95, 5, lib=True)


def page(route: str, fn: str, line: int, col: int) -> Frame:
    return nd(f"app/{route}/page.tsx", fn, line, col, awaited=True)


def lib(file: str, fn: str, line: int, col: int) -> Frame:
    return nd(f"lib/{file}", fn, line, col, awaited=True)


LOGS = dict(search="lorton vercel errors")
LAMBDA = dict(search="lorton vercel errors", kind="lambda")
CUT = dict(search="lorton vercel errors", lines=3)
TAIL = dict(search="lorton vercel errors", kind="lambda", tail=420)
DUP = 'duplicate key value violates unique constraint "{c}"'
FETCH_FAILED = "fetch failed"

BUGS = [
    # One insert helper, two tables: a bike booked twice for a slot, a waitlist joined twice.
    Bug("fu-booking-dup", "storefront", (Exc("NeonDbError", DUP.replace("{c}", "bookings_bike_id_slot_start_key"), (*ACTION, nd("app/book/[slug]/actions.ts", "createBooking", 28, 19, awaited=True), lib("db.ts", "insertRow", 14, 10), *NEON)),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **LOGS), see("splunk", 1, **LAMBDA)),
        classes=(1, 4), pair="fu-waitlist-dup", entry="POST /book/{slug}"),
    Bug("fu-waitlist-dup", "storefront", (Exc("NeonDbError", DUP.replace("{c}", "waitlist_entries_email_model_key"), (*ACTION, nd("app/bikes/[slug]/actions.ts", "joinWaitlist", 12, 9, awaited=True), lib("db.ts", "insertRow", 14, 10), *NEON)),),
        (see("sentry.error", 2), see("splunk", 2, **LOGS), see("splunk", 1, log="waitlist insert failed", **LOGS)),
        classes=(1, 4), pair="fu-booking-dup", entry="POST /bikes/{slug}"),
    # The same undefined images array read on the bike page and the compare page.
    Bug("fu-bike-images", "storefront", (Exc("TypeError", "Cannot read properties of undefined (reading 'map')", (*RSC, page("bikes/[slug]", "BikePage", 44, 31), nd("components/Gallery.tsx", "Gallery", 9, 27)),),),
        (see("sentry.error", 3), see("splunk", 2, **LOGS), see("splunk", 1, **CUT)),
        classes=(1, 4, 10), pair="fu-compare-images", entry="GET /bikes/{slug}"),
    Bug("fu-compare-images", "storefront", (Exc("TypeError", "Cannot read properties of undefined (reading 'map')", (*RSC, page("compare", "ComparePage", 61, 22), nd("components/SpecTable.tsx", "SpecTable", 17, 33)),),),
        (see("sentry.error", 2), see("splunk", 2, **LOGS)),
        classes=(1, 4, 10), pair="fu-bike-images", entry="GET /compare", span=2),
    # fetch failing in one helper: the stock feed and the dealer directory (two hosts).
    Bug("fu-stock-fetch", "storefront", (Exc("ConnectTimeoutError", "Connect Timeout Error (attempted address: stock.lorton-supply.example:443, timeout: 10000ms)", (nd("node:internal/deps/undici/undici", "onConnectTimeout", 8228, 28, lib=True),)), Exc("TypeError", FETCH_FAILED, (*RSC, page("shop", "ShopPage", 19, 24), lib("stock.ts", "getStock", 8, 21), lib("http.ts", "getJson", 5, 23), *UNDICI))),
        (see("sentry.error", 3), see("splunk", 2, **LOGS), see("splunk", 2, **TAIL)),
        classes=(1, 9), pair="fu-dealers-fetch", entry="GET /shop"),
    Bug("fu-dealers-fetch", "storefront", (Exc("Error", "getaddrinfo ENOTFOUND api.dealers.lorton.example", (nd("node:dns", "GetAddrInfoReqWrap.onlookup", 118, 26, lib=True),)), Exc("TypeError", FETCH_FAILED, (*RSC, page("dealers", "DealersPage", 12, 20), lib("dealers.ts", "listDealers", 15, 18), lib("http.ts", "getJson", 5, 23), *UNDICI))),
        (see("sentry.error", 2), see("splunk", 3, **LOGS)),
        classes=(1, 9), pair="fu-stock-fetch", entry="GET /dealers"),
    # Stripe's webhook route: a signature mismatch vs. a missing metadata key, one handler.
    Bug("fu-stripe-signature", "storefront", (Exc("StripeSignatureVerificationError", "No signatures found matching the expected signature for payload. Are you passing the raw request body you received from Stripe? \n If a webhook request is being forwarded by a third-party tool, ensure that the exact request body, including JSON formatting and new line style, is preserved.\n\nLearn more about webhook signing and explore webhook integration examples for various frameworks at https://github.com/stripe/stripe-node#webhook-signing", (*ROUTE, nd("app/api/stripe/webhook/route.ts", "POST", 14, 33, awaited=True), nd("node_modules/stripe/cjs/Webhooks.js", "Object.constructEvent", 10, 24, lib=True), nd("node_modules/stripe/cjs/Webhooks.js", "Object.verifyHeader", 61, 23, lib=True))),),
        (see("sentry.error", 3), see("splunk", 2, **LAMBDA), see("splunk", 1, **TAIL)),
        classes=(1,), pair="fu-stripe-metadata", entry="POST /api/stripe/webhook"),
    Bug("fu-stripe-metadata", "storefront", (Exc("TypeError", "Cannot read properties of null (reading 'bookingId')", (*ROUTE, nd("app/api/stripe/webhook/route.ts", "POST", 31, 48, awaited=True)),),),
        (see("sentry.error", 2), see("splunk", 2, **LAMBDA)),
        classes=(1,), pair="fu-stripe-signature", entry="POST /api/stripe/webhook"),
    # Zod in two Server Actions sharing a parse helper.
    Bug("fu-checkout-zod", "storefront", (Exc("ZodError", '[\n  {\n    "code": "too_small",\n    "minimum": 1,\n    "type": "number",\n    "inclusive": true,\n    "exact": false,\n    "message": "Number must be greater than or equal to 1",\n    "path": [\n      "days"\n    ]\n  }\n]', (*ACTION, nd("app/checkout/actions.ts", "startCheckout", 21, 28, awaited=True), lib("forms.ts", "parseForm", 6, 17), nd("node_modules/zod/lib/types.js", "ZodObject.parse", 131, 23, lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, **LOGS)),
        classes=(1, 4), pair="fu-service-zod", entry="POST /checkout"),
    Bug("fu-service-zod", "storefront", (Exc("ZodError", '[\n  {\n    "code": "invalid_enum_value",\n    "options": [\n      "brakes",\n      "battery",\n      "full"\n    ],\n    "received": "motor",\n    "path": [\n      "kind"\n    ],\n    "message": "Invalid enum value. Expected \'brakes\' | \'battery\' | \'full\', received \'motor\'"\n  }\n]', (*ACTION, nd("app/service/actions.ts", "bookService", 17, 28, awaited=True), lib("forms.ts", "parseForm", 6, 17), nd("node_modules/zod/lib/types.js", "ZodObject.parse", 131, 23, lib=True))),),
        (see("sentry.error", 2), see("splunk", 1, **LOGS), see("splunk", 1, **CUT)),
        classes=(1, 4), pair="fu-checkout-zod", entry="POST /service", span=2, renames={"bookService": "requestService"}),
    # The account page reading a session that a release stopped setting.
    Bug("fu-account-session", "storefront", (Exc("Error", "Unauthenticated: no session for account page", (*RSC, page("account", "AccountPage", 9, 11), lib("auth.ts", "requireSession", 22, 11))),),
        (see("sentry.error", 3), see("splunk", 2, **LOGS)),
        classes=(1, 5), entry="GET /account", span=3, renames={"requireSession": "getSessionOrThrow"}),
    Bug("fu-headers-singleton", "storefront", (Exc("Error", "Invariant: headers() expects to have requestAsyncStorage, none available.", (*ROUTE, nd("app/api/cron/reminders/route.ts", "GET", 8, 20, awaited=True), nd("node_modules/next/dist/client/components/headers.js", "headers", 38, 15, lib=True))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /api/cron/reminders"),
    # In the browser: one price formatter failing in two components, different currency input.
    Bug("fu-web-price-currency", "web", (Exc("RangeError", "Invalid currency code : undefined", (*REACT_RENDER, js("components/PriceTag.tsx", "PriceTag", 12, 24, "app/bikes/[slug]/page"), js("lib/money.ts", "formatPrice", 4, 10, "app/bikes/[slug]/page")), engines={"spidermonkey": "invalid currency code in NumberFormat(): undefined", "jsc": "currency is not a well-formed currency code"}),),
        (see("sentry.error", 2, browser="chrome", chunk="app/bikes/[slug]/page"), see("sentry.error", browser="firefox", chunk="app/bikes/[slug]/page"), see("posthog", 2, browser="safari", chunk="app/bikes/[slug]/page"), see("posthog", browser="chrome", chunk="app/bikes/[slug]/page")),
        classes=(3, 4), pair="fu-web-basket-currency", page="/bikes/urban-step-through"),
    Bug("fu-web-basket-currency", "web", (Exc("RangeError", "Invalid currency code : undefined", (*REACT_RENDER, js("components/BasketLine.tsx", "BasketLine", 20, 30, "app/checkout/page"), js("lib/money.ts", "formatPrice", 4, 10, "app/checkout/page")), engines={"spidermonkey": "invalid currency code in NumberFormat(): undefined", "jsc": "currency is not a well-formed currency code"}),),
        (see("sentry.error", browser="chrome", chunk="app/checkout/page"), see("posthog", 2, browser="chrome", chunk="app/checkout/page"), see("posthog", browser="safari", chunk="app/checkout/page", release=1)),
        classes=(3, 4), pair="fu-web-price-currency", page="/checkout"),
    # The map widget: its container gone, and its token missing.
    Bug("fu-web-map-null", "web", (Exc("TypeError", frames=(*REACT_EFFECT, js("components/DealerMap.tsx", "DealerMap.useEffect", 33, 18, "app/dealers/page")), js=JsError("read-null", "ref.current", "offsetWidth")),),
        (see("sentry.error", 2, browser="chrome", chunk="app/dealers/page"), see("sentry.error", browser="safari", chunk="app/dealers/page"), see("posthog", browser="firefox", chunk="app/dealers/page"), see("posthog", 2, browser="edge", chunk="app/dealers/page")),
        classes=(3,), page="/dealers"),
    Bug("fu-web-add-not-fn", "web", (Exc("TypeError", frames=(*REACT_CLICK, js("components/AddToBasket.tsx", "onClick", 15, 7, "app/bikes/[slug]/page"),), js=JsError("not-function", "basket.addItem", "addItem", "(e.id,1)")),),
        (see("posthog", 2, browser="chrome", chunk="app/bikes/[slug]/page"), see("posthog", browser="safari", chunk="app/bikes/[slug]/page"), see("sentry.error", browser="firefox", chunk="app/bikes/[slug]/page")),
        classes=(3,), page="/bikes/cargo-longtail"),
    Bug("fu-web-chunk", "web", (Exc("ChunkLoadError", "Loading chunk 8231 failed.\n(error: https://www.lorton-bikes.example/_next/static/chunks/8231-{hex}.js)", (js("webpack/runtime/jsonp chunk loading", "__webpack_require__.f.j", 27, 29, "webpack", lib=True), js("app/compare/page.tsx", "ComparePage", 5, 1, "app/compare/page"))),),
        (see("sentry.error", 2, browser="chrome", chunk="app/compare/page"), see("sentry.error", browser="safari", chunk="app/compare/page"), see("posthog", browser="chrome", chunk="app/compare/page"), see("posthog", browser="firefox", chunk="app/compare/page")),
        classes=(3,), page="/compare"),
    # Vercel's own runtime timeout line: template rows.
    Bug("fu-function-timeout", "storefront", (),
        (see("splunk", 3, search="lorton vercel timeouts", line='{"id":"{epochms}0{n}","message":"Vercel Runtime Timeout Error: Task timed out after 15 seconds","timestamp":{epochms},"type":"stderr","source":"lambda","projectId":"prj_Lx2v9QeT4mHk0sWp7bNc3RaYdG1f","deploymentId":"dpl_{hex}","host":"www.lorton-bikes.example","path":"/shop","requestId":"lhr1::{hex}","statusCode":504,"level":"error"}'),),
        classes=(7,)),
]

NOISE = [
    Noise("fu-noise-build", "storefront", "splunk", {"search": "lorton vercel errors", "line": '{"id":"{epochms}000","message":"Build Completed in /vercel/output [48s]","timestamp":{epochms},"type":"stdout","source":"build","projectId":"prj_Lx2v9QeT4mHk0sWp7bNc3RaYdG1f","deploymentId":"dpl_{hex}","buildId":"bld_{hex}","host":"lorton-{hex}-lorton-bikes.vercel.app","level":"info"}'}),
    Noise("fu-noise-static", "storefront", "splunk", {"search": "lorton vercel errors", "line": '{"id":"{epochms}001","message":"","timestamp":{epochms},"source":"static","projectId":"prj_Lx2v9QeT4mHk0sWp7bNc3RaYdG1f","deploymentId":"dpl_{hex}","host":"www.lorton-bikes.example","path":"/_next/static/chunks/main-app-{hex}.js","statusCode":200,"level":"info","proxy":{"method":"GET","path":"/_next/static/chunks/main-app-{hex}.js","statusCode":200,"vercelCache":"HIT","region":"lhr1"}}'}),
]

LORTON = Company(
    key="fu",
    name="Lorton Bikes",
    domain="lorton-bikes.example",
    sentry_org="lorton-bikes",
    splunk_url="https://lorton.splunkcloud.com",
    splunk_guid="5C1E7A92-3D4B-4F60-9E28-A7B6C5D4E3F1",
    datadog_org=("0", ""),
    datadog_template="recommended",
    posthog_project=(51823, "Lorton Storefront"),
    releases=("2026.4.0", "2026.4.1", "2026.4.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="lorton-sentry-client-secret",
)
# fmt: on
