"""(jh) Longsleddale Cheese Co., an online cheesemonger with a monthly cheese club: a Next.js 14.2
App Router app on Vercel (``shop``: Server Components under ``app/``, Server Actions for the
basket, checkout and club sign-up, route handlers under ``app/api`` for Stripe and the courier's
callbacks; Prisma 5 on Postgres, a headless CMS and a courier API over fetch) and the same app
in the browser (``web``: webpack chunks under ``/_next/static/chunks``).

Vercel's log drain sends the functions' output to Datadog (``jh-vercel-next``): Next's `` ⨯ ``
record of a Server Component or Server Action error with its ``digest``, the Node runtime's
``<iso>\\t<id>\\tERROR\\t`` prefix on a route handler's ``console.error``, the team's own
``console.error('[tag] msg', err)``; log monitors paste ``{{log.message}}`` (Datadog keeps a
first slice of it) and one pastes only the first line. Sentry: @sentry/nextjs on the server
and in the browser. PostHog: posthog-js exception autocapture in the browser. No Splunk.
"""

# ruff: noqa: E501, RUF002

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import REACT_CLICK, REACT_EFFECT, js, nd

# fmt: off
SDK = ("sentry.javascript.nextjs", "8.42.0", "npm:@sentry/nextjs")
SERVICES = {
    "shop": Service("shop", "node", "jh-vercel-next", "", "", "", 3390441, "node v20.18.1", framework="nextjs", sdk=SDK),
    "web": Service("web", "javascript", "", "", "", "", 3390442, origin="https://www.longsleddale-cheese.example", framework="nextjs", sdk=SDK),
}

NX = "node_modules/next/dist/compiled/next-server/app-page.runtime.prod.js"
RSC = (
    nd(NX, "doRender", 39, 3872, lib=True, awaited=True),
    nd(NX, "renderToHTMLOrFlightImpl", 39, 12019, lib=True, awaited=True),
    nd(NX, "Object.renderToHTMLOrFlight", 39, 10215, lib=True),
)
ACTION = (
    nd(NX, "handleAction", 38, 17423, lib=True, awaited=True),
    nd(NX, "", 40, 1014, lib=True, awaited=True),
)
ROUTE = (
    nd("node_modules/next/dist/compiled/next-server/app-route.runtime.prod.js", "AppRouteRouteModule.do", 6, 37866, lib=True, awaited=True),
    nd("node_modules/next/dist/compiled/next-server/app-route.runtime.prod.js", "AppRouteRouteModule.handle", 6, 43160, lib=True, awaited=True),
)
PRISMA = (
    nd("node_modules/@prisma/client/runtime/library.js", "l", 130, 9355, lib=True, awaited=True),
    nd("node_modules/@prisma/client/runtime/library.js", "_n.request", 121, 6741, lib=True, awaited=True),
    nd("node_modules/@prisma/client/runtime/library.js", "_n.handleAndLogRequestError", 121, 7057, lib=True),
    nd("node_modules/@prisma/client/runtime/library.js", "_n.handleRequestError", 121, 7749, lib=True),
)
UNDICI = (
    nd("node:internal/deps/undici/undici", "fetch", 13185, 13, lib=True, awaited=True),
    nd("node_modules/next/dist/compiled/next-server/app-page.runtime.prod.js", "", 37, 5830, lib=True, awaited=True),
)


def page(route: str, fn: str, line: int, col: int) -> Frame:
    return nd(f"app/{route}/page.tsx", fn, line, col, awaited=True)


def lib(file: str, fn: str, line: int, col: int) -> Frame:
    return nd(f"lib/{file}", fn, line, col, awaited=True)


DD = dict(team="web", monitor="[longsleddale] vercel function errors", filter="source:vercel service:shop status:error", text="Function errors on {{log.service}}:\n\n```\n{{log.message}}\n```", sample_lines=8)
DDL = dict(team="web", monitor="[longsleddale] api route errors", filter="source:vercel service:shop @proxy.path:/api/* status:error", text="Route handler error on {{log.service}}:\n\n```\n{{log.message}}\n```", sample_lines=6, kind="lambda")
DDT = dict(team="web", monitor="[longsleddale] server logs tagged [checkout]", filter='source:vercel service:shop "[checkout]"', text="{{log.message}}", sample_lines=4, kind="team")
DD1 = dict(team="web", monitor="[longsleddale] render errors (first line)", filter="source:vercel service:shop status:error", text="Latest: {{log.message}}", sample_lines=1)
P2002 = "\nInvalid `prisma.{m}.create()` invocation:\n\n\nUnique constraint failed on the fields: (`{f}`)"
FETCH_FAILED = "fetch failed"
REACT_418 = "Minified React error #418; visit https://react.dev/errors/418?args[]=HTML&args[]= for the full message or use the non-minified dev environment for full errors and additional helpful warnings."
REACT_425 = "Minified React error #425; visit https://react.dev/errors/425 for the full message or use the non-minified dev environment for full errors and additional helpful warnings."
HYDRATE = (
    js("node_modules/next/dist/compiled/react-dom/cjs/react-dom.production.min.js", "ak", 35, 9282, "framework", lib=True),
    js("node_modules/next/dist/compiled/react-dom/cjs/react-dom.production.min.js", "ik", 35, 10941, "framework", lib=True),
    js("node_modules/next/dist/compiled/react-dom/cjs/react-dom.production.min.js", "uo", 21, 1622, "framework", lib=True),
)

BUGS = [
    # The same undefined read: a cheese page's weight options and the basket summary.
    Bug("jh-cheese-weights", "shop", (Exc("TypeError", "Cannot read properties of undefined (reading 'weightGrams')", (*RSC, page("cheeses/[slug]", "CheesePage", 38, 27), nd("components/WeightOptions.tsx", "WeightOptions", 12, 31)),),),
        (see("sentry.error", 3), see("sentry.issue"), see("datadog.log", 2, **DD), see("datadog.log", **DD1)),
        classes=(2, 4, 10), pair="jh-basket-weights", entry="GET /cheeses/{slug}", span=2),
    Bug("jh-basket-weights", "shop", (Exc("TypeError", "Cannot read properties of undefined (reading 'weightGrams')", (*RSC, page("basket", "BasketPage", 21, 14), nd("components/BasketSummary.tsx", "BasketSummary", 29, 40), lib("pricing.ts", "lineTotal", 7, 33)),),),
        (see("sentry.error", 2), see("datadog.log", 2, **DD)),
        classes=(2, 4, 10), pair="jh-cheese-weights", entry="GET /basket"),
    # Prisma's P2002 through one Server Action helper: a Stripe session stored twice, a club member joining twice.
    Bug("jh-order-p2002", "shop", (Exc("PrismaClientKnownRequestError", P2002.replace("{m}", "order").replace("{f}", "stripe_session_id"), (*ACTION, nd("app/checkout/actions.ts", "confirmOrder", 33, 19, awaited=True), lib("db/create.ts", "createOrThrow", 9, 12), *PRISMA)),),
        (see("sentry.error", 3), see("datadog.log", 2, **DD), see("datadog.log", **DDT)),
        classes=(2, 4), pair="jh-club-p2002", entry="POST /checkout", log="[checkout] confirmOrder failed"),
    Bug("jh-club-p2002", "shop", (Exc("PrismaClientKnownRequestError", P2002.replace("{m}", "clubMember").replace("{f}", "email"), (*ACTION, nd("app/club/actions.ts", "joinClub", 18, 9, awaited=True), lib("db/create.ts", "createOrThrow", 9, 12), *PRISMA)),),
        (see("sentry.error", 3), see("datadog.log", 2, **DD)),
        classes=(2, 4), pair="jh-order-p2002", entry="POST /club"),
    # fetch failed in one CMS helper: the CMS timing out, and the courier's host not resolving.
    Bug("jh-cms-fetch", "shop", (Exc("ConnectTimeoutError", "Connect Timeout Error (attempted address: cdn.cheesecms.example:443, timeout: 10000ms)", (nd("node:internal/deps/undici/undici", "onConnectTimeout", 8228, 28, lib=True),)), Exc("TypeError", FETCH_FAILED, (*RSC, page("journal/[slug]", "JournalPost", 15, 22), lib("cms.ts", "getEntry", 21, 18), lib("http.ts", "fetchJson", 6, 23), *UNDICI))),
        (see("sentry.error", 3), see("datadog.log", 2, **DD), see("datadog.log", **DD1)),
        classes=(2, 9), pair="jh-courier-fetch", entry="GET /journal/{slug}"),
    Bug("jh-courier-fetch", "shop", (Exc("Error", "getaddrinfo ENOTFOUND api.fellcourier.example", (nd("node:dns", "GetAddrInfoReqWrap.onlookup", 118, 26, lib=True),)), Exc("TypeError", FETCH_FAILED, (*RSC, page("orders/[id]", "OrderTrackingPage", 26, 20), lib("courier.ts", "trackParcel", 11, 16), lib("http.ts", "fetchJson", 6, 23), *UNDICI))),
        (see("sentry.error", 2), see("datadog.log", 2, **DD)),
        classes=(2, 9), pair="jh-cms-fetch", entry="GET /orders/{id}", span=2),
    # Stripe's webhook route: a signature mismatch, and a checkout session that does not exist.
    Bug("jh-stripe-signature", "shop", (Exc("StripeSignatureVerificationError", "No signatures found matching the expected signature for payload. Are you passing the raw request body you received from Stripe? \n If a webhook request is being forwarded by a third-party tool, ensure that the exact request body, including JSON formatting and new line style, is preserved.\n\nLearn more about webhook signing and explore webhook integration examples for various frameworks at https://github.com/stripe/stripe-node#webhook-signing", (*ROUTE, nd("app/api/stripe/route.ts", "POST", 17, 31, awaited=True), nd("node_modules/stripe/cjs/Webhooks.js", "Object.constructEvent", 10, 24, lib=True), nd("node_modules/stripe/cjs/Webhooks.js", "Object.verifyHeader", 61, 23, lib=True))),),
        (see("sentry.error", 3), see("datadog.log", 2, **DDL)),
        classes=(2,), pair="jh-stripe-session", entry="POST /api/stripe"),
    Bug("jh-stripe-session", "shop", (Exc("StripeInvalidRequestError", "No such checkout.session: cs_live_{hex}", (*ROUTE, nd("app/api/stripe/route.ts", "POST", 29, 44, awaited=True), nd("node_modules/stripe/cjs/RequestSender.js", "res.toJSON.then.StripeAPIError.message", 96, 31, lib=True))),),
        (see("sentry.error", 2), see("datadog.log", 2, **DDL)),
        classes=(2,), pair="jh-stripe-signature", entry="POST /api/stripe"),
    # The courier's callback posting a status the code has no case for.
    Bug("jh-courier-status", "shop", (Exc("Error", "Unknown parcel status: RETURNED_TO_DEPOT", (*ROUTE, nd("app/api/courier/route.ts", "POST", 22, 15, awaited=True), lib("courier.ts", "mapStatus", 40, 13))),),
        (see("sentry.error", 3), see("datadog.log", 2, **DDL)),
        classes=(2, 5), entry="POST /api/courier", span=2, renames={"mapStatus": "toOrderStatus"}),
    Bug("jh-cookies-singleton", "shop", (Exc("Error", "Dynamic server usage: Route /account couldn't be rendered statically because it used `cookies`. See more info here: https://nextjs.org/docs/messages/dynamic-server-error", (*RSC, page("account", "AccountPage", 8, 19), nd("node_modules/next/dist/client/components/headers.js", "cookies", 48, 15, lib=True))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /account"),
    # Vercel's runtime timeout: the line alone.
    Bug("jh-function-timeout", "shop", (),
        (see("datadog.log", 3, team="web", monitor="[longsleddale] vercel function timeouts", filter='source:vercel service:shop "Task timed out"', text="Timeouts on shop (/api/courier, /orders/{id}):\n\n```\n{tsms}\t{uuid}\tTask timed out after 15.0{idx} seconds\nVercel Runtime Timeout Error: Task timed out after 15 seconds\n```"),),
        classes=(7,)),
    # In the browser: two hydration mismatches (a date rendered in the server's zone, a random promo).
    Bug("jh-web-hydration-date", "web", (Exc("Error", REACT_418, (*HYDRATE, js("components/DeliveryDate.tsx", "DeliveryDate", 14, 20, "app/cheeses/[slug]/page"))),),
        (see("sentry.error", 2, browser="chrome", chunk="app/cheeses/[slug]/page"), see("sentry.error", browser="safari", chunk="app/cheeses/[slug]/page"), see("posthog", 2, browser="chrome", chunk="app/cheeses/[slug]/page")),
        classes=(3,), pair="jh-web-hydration-promo", page="/cheeses/stichelton"),
    Bug("jh-web-hydration-promo", "web", (Exc("Error", REACT_425, (*HYDRATE, js("components/PromoBanner.tsx", "PromoBanner", 9, 17, "app/page"))),),
        (see("sentry.error", 2, browser="chrome", chunk="app/page"), see("posthog", browser="firefox", chunk="app/page"), see("posthog", browser="edge", chunk="app/page")),
        classes=(3,), pair="jh-web-hydration-date", page="/"),
    # The same undefined variant price read in the variant picker and the quick-add button.
    Bug("jh-web-variant-picker", "web", (Exc("TypeError", frames=(*REACT_CLICK, js("components/VariantPicker.tsx", "onSelect", 27, 11, "app/cheeses/[slug]/page")), js=JsError("read-undefined", "variant", "price")),),
        (see("sentry.error", 2, browser="chrome", chunk="app/cheeses/[slug]/page"), see("sentry.error", browser="firefox", chunk="app/cheeses/[slug]/page"), see("posthog", 2, browser="safari", chunk="app/cheeses/[slug]/page")),
        classes=(3,), pair="jh-web-quick-add", page="/cheeses/baron-bigod"),
    Bug("jh-web-quick-add", "web", (Exc("TypeError", frames=(*REACT_CLICK, js("components/QuickAdd.tsx", "handleAdd", 16, 9, "app/cheeses/page")), js=JsError("read-undefined", "variant", "price")),),
        (see("sentry.error", browser="chrome", chunk="app/cheeses/page"), see("posthog", 2, browser="chrome", chunk="app/cheeses/page"), see("posthog", browser="safari", chunk="app/cheeses/page", release=1)),
        classes=(3,), pair="jh-web-variant-picker", page="/cheeses"),
    Bug("jh-web-storage-quota", "web", (Exc("QuotaExceededError", "Failed to execute 'setItem' on 'Storage': Setting the value of 'ls-basket' exceeded the quota.", (*REACT_EFFECT, js("lib/basketStore.ts", "persist", 22, 20, "app/layout")), engines={"spidermonkey": "The quota has been exceeded.", "jsc": "The quota has been exceeded."}),),
        (see("sentry.error", 2, browser="chrome", chunk="app/layout"), see("sentry.error", browser="safari", chunk="app/layout"), see("posthog", browser="firefox", chunk="app/layout"), see("posthog", browser="chrome", chunk="app/layout")),
        classes=(3,), page="/basket"),
    Bug("jh-web-map-null", "web", (Exc("TypeError", frames=(*REACT_EFFECT, js("components/ShopMap.tsx", "ShopMap.useEffect", 31, 18, "app/visit/page")), js=JsError("read-null", "mapRef.current", "getBoundingClientRect")),),
        (see("sentry.error", 2, browser="chrome", chunk="app/visit/page"), see("posthog", browser="edge", chunk="app/visit/page"), see("posthog", browser="safari", chunk="app/visit/page")),
        classes=(3,), page="/visit"),
    Bug("jh-web-chunk", "web", (Exc("ChunkLoadError", "Loading chunk 4127 failed.\n(error: https://www.longsleddale-cheese.example/_next/static/chunks/4127-{hex}.js)", (js("webpack/runtime/jsonp chunk loading", "__webpack_require__.f.j", 27, 29, "webpack", lib=True), js("app/club/page.tsx", "ClubPage", 5, 1, "app/club/page"))),),
        (see("sentry.error", 2, browser="chrome", chunk="app/club/page"), see("sentry.error", browser="safari", chunk="app/club/page"), see("posthog", browser="chrome", chunk="app/club/page")),
        classes=(3,), page="/club"),
]

NOISE = [
    Noise("jh-noise-deploy", "shop", "datadog.event", {"monitor": "Deploy", "text": "Vercel deployment dpl_{hex} promoted to production (www.longsleddale-cheese.example).", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("jh-noise-recovered", "shop", "datadog.log", {"monitor": "[longsleddale] vercel function errors", "text": "Recovered: vercel function errors on shop back under threshold.", "transition": "Recovered", "alert_type": "success"}),
]

LONGSLEDDALE = Company(
    key="jh",
    name="Longsleddale Cheese Co.",
    domain="longsleddale-cheese.example",
    sentry_org="longsleddale-cheese",
    splunk_url="",
    splunk_guid="",
    datadog_org=("903127", "Longsleddale Cheese Co."),
    datadog_template="recommended",
    posthog_project=(60733, "Longsleddale Shop"),
    releases=("2026.3.4", "2026.3.5", "2026.3.6"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="longsleddale-sentry-client-secret",
)
# fmt: on
