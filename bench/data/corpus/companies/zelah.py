"""(lj) Zelah Cottages, holiday-cottage bookings in Cornwall: a Next.js 14 App Router site
(``cottages-web`` on Node 20: Server Components fetching availability and prices from the
bookings API, server actions for the basket and the enquiry form; the server bundle in
``.next/server/app/**/page.js`` and ``.next/server/chunks/<n>.js``) and the same app in the
browser (``cottages-browser``: webpack chunks ``/_next/static/chunks/app/<route>/page-<hash>.js``,
``<n>-<hash>.js``, ``fd9d1056-<hash>.js`` for react-dom).

Sentry: @sentry/nextjs 8 on the server and in the browser (one release uploaded no source maps,
so its frames stay on the compiled chunks). PostHog: posthog-js exception autocapture in Chrome,
Edge, Firefox and Safari (raw minified frames, some resolved). No Splunk, no Datadog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import NODE_TICKS, js, nd

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.javascript.nextjs", "8.38.0", "npm:@sentry/nextjs")
SERVICES = {
    "cottages-web": Service("cottages-web", "node", "", "", "", "", 10620021, "node v20.17.0", framework="nextjs", sdk=SDK),
    "cottages-browser": Service("cottages-browser", "javascript", "", "", "", "", 10620022, origin="https://www.zelahcottages.example", framework="nextjs", sdk=SDK),
}

RSC = (
    nd("node_modules/next/dist/compiled/next-server/app-page.runtime.prod.js", "", 12, 84132, lib=True, awaited=True),
    NODE_TICKS,
)
ACTION = (
    nd("node_modules/next/dist/compiled/next-server/app-page.runtime.prod.js", "handleAction", 16, 26171, lib=True, awaited=True),
    NODE_TICKS,
)
UNDICI_FETCH = (
    nd("node:internal/deps/undici/undici", "fetch", 13185, 13, lib=True, awaited=True),
)
REACT_CLICK = (
    js("node_modules/react-dom/cjs/react-dom.production.min.js", "Object.Jb", 5394, 7, "fd9d1056", lib=True),
    js("node_modules/react-dom/cjs/react-dom.production.min.js", "Kb", 5413, 11, "fd9d1056", lib=True),
)
REACT_EFFECT = (
    js("node_modules/react-dom/cjs/react-dom.production.min.js", "commitHookEffectListMount", 4983, 17, "fd9d1056", lib=True),
    js("node_modules/react-dom/cjs/react-dom.production.min.js", "flushPassiveEffects", 6890, 11, "fd9d1056", lib=True),
)
REACT_RENDER = (
    js("node_modules/react-dom/cjs/react-dom.production.min.js", "renderWithHooks", 3187, 18, "fd9d1056", lib=True),
    js("node_modules/react-dom/cjs/react-dom.production.min.js", "beginWork", 4612, 9, "fd9d1056", lib=True),
)


def page(route: str, fn: str, col: int) -> Frame:
    """A Server Component's page bundle (minified onto line 1)."""
    return nd(f".next/server/app/{route}/page.js", fn, 1, col, awaited=True)


def chunk(n: int, fn: str, col: int) -> Frame:
    return nd(f".next/server/chunks/{n}.js", fn, 1, col, awaited=True)


FETCH_FAILED = "fetch failed"
# The one date helper both browser bugs end in.
FORMAT_STAY = js("lib/dates.ts", "formatStay", 12, 27, "7023")
DATE_FNS = js("node_modules/date-fns/format.mjs", "format", 351, 11, "7023", lib=True)
INVALID = {"spidermonkey": "invalid date", "jsc": "Invalid Date"}
COTTAGE = "app/cottages/[slug]/page"
BOOK = "app/book/[slug]/page"


def ph(browser: str, chunk: str, mechanism: str = "onerror", **kw: object) -> dict[str, object]:
    return dict(browser=browser, chunk=chunk, mechanism=mechanism, **kw)


BUGS = [
    # undici's "fetch failed" in a Server Component and in a server action: two calls.
    Bug("lj-availability-fetch-failed", "cottages-web", (Exc("TypeError", FETCH_FAILED, (*RSC, page("cottages/[slug]", "CottagePage", 3412), chunk(4821, "getAvailability", 1187), *UNDICI_FETCH)),),
        (see("sentry.error", 3), see("sentry.issue"), see("sentry.error", release=1)),
        classes=(4, 10), pair="lj-extras-fetch-failed", entry="GET /cottages/[slug]", span=2),
    Bug("lj-extras-fetch-failed", "cottages-web", (Exc("TypeError", FETCH_FAILED, (*ACTION, chunk(6104, "addExtras", 2290), chunk(4821, "postBasket", 1630), *UNDICI_FETCH)),),
        (see("sentry.error", 3), see("sentry.alert", rule="cottages-web: new issue")),
        classes=(4, 10), pair="lj-availability-fetch-failed", entry="POST /book/[slug]"),
    # The nightly rate read of an undefined season: on the server and in the browser.
    Bug("lj-price-nightly-server", "cottages-web", (Exc("TypeError", "Cannot read properties of undefined (reading 'nightly')", (*RSC, page("cottages/[slug]", "CottagePage", 3790), chunk(5530, "PriceFrom", 642))),),
        (see("sentry.error", 3), see("sentry.error", release=2)),
        classes=(4, 5, 10), pair="lj-web-price-nightly", entry="GET /cottages/[slug]", span=3),
    Bug("lj-web-price-nightly", "cottages-browser", (Exc("TypeError", frames=(*REACT_RENDER, js("components/booking/PriceBreakdown.tsx", "PriceBreakdown", 28, 39, BOOK)), js=JsError("read-undefined", "season.rate", "nightly")),),
        (see("sentry.error", browser="chrome", chunk=BOOK), see("sentry.error", browser="safari", chunk=BOOK), see("posthog", **ph("firefox", BOOK)), see("posthog", **ph("edge", BOOK, resolved=True)), see("posthog", **ph("chrome", BOOK, release=1))),
        classes=(3, 4), pair="lj-price-nightly-server", page="/book/trevose-barn", span=2),
    # getTime on an undefined date in the calendar and in the reviews list.
    Bug("lj-web-calendar-gettime", "cottages-browser", (Exc("TypeError", frames=(*REACT_CLICK, js("components/calendar/RangePicker.tsx", "onDayClick", 61, 33, COTTAGE)), js=JsError("read-undefined", "range.from", "getTime")),),
        (see("sentry.error", browser="chrome", chunk=COTTAGE), see("sentry.error", browser="firefox", chunk=COTTAGE), see("sentry.error", browser="edge", chunk=COTTAGE, release=1), see("sentry.error", browser="chrome", chunk=COTTAGE, release=0, raw=True), see("posthog", **ph("safari", COTTAGE)), see("posthog", **ph("chrome", COTTAGE))),
        classes=(3, 4, 5), pair="lj-web-reviews-gettime", page="/cottages/porthcurno-loft", span=2),
    Bug("lj-web-reviews-gettime", "cottages-browser", (Exc("TypeError", frames=(*REACT_EFFECT, js("components/reviews/ReviewList.tsx", "ReviewList.useEffect", 19, 44, COTTAGE)), js=JsError("read-undefined", "review.stayedOn", "getTime")),),
        (see("sentry.error", browser="safari", chunk=COTTAGE), see("sentry.error", browser="chrome", chunk=COTTAGE), see("posthog", **ph("firefox", COTTAGE)), see("posthog", **ph("edge", COTTAGE))),
        classes=(3, 4), pair="lj-web-calendar-gettime", page="/cottages/porthcurno-loft"),
    # One date helper under two callers: the booking summary and the saved-stays list.
    Bug("lj-web-summary-date", "cottages-browser", (Exc("RangeError", "Invalid time value", (*REACT_RENDER, js("components/booking/Summary.tsx", "Summary", 44, 21, BOOK), FORMAT_STAY, DATE_FNS), engines=INVALID),),
        (see("sentry.error", browser="chrome", chunk=BOOK), see("sentry.error", browser="firefox", chunk=BOOK), see("posthog", **ph("safari", BOOK)), see("posthog", **ph("chrome", BOOK, resolved=True))),
        classes=(3, 9), pair="lj-web-saved-date", page="/book/trevose-barn"),
    Bug("lj-web-saved-date", "cottages-browser", (Exc("RangeError", "Invalid time value", (*REACT_RENDER, js("app/account/saved/SavedStays.tsx", "SavedStay", 23, 17, "app/account/saved/page"), FORMAT_STAY, DATE_FNS), engines=INVALID),),
        (see("sentry.error", browser="edge", chunk="app/account/saved/page"), see("sentry.error", browser="safari", chunk="app/account/saved/page"), see("posthog", **ph("chrome", "app/account/saved/page")), see("posthog", **ph("firefox", "app/account/saved/page"))),
        classes=(3, 9), pair="lj-web-summary-date", page="/account/saved"),
    # Not pairs.
    Bug("lj-web-chunk-load", "cottages-browser", (Exc("ChunkLoadError", "Loading chunk 3185 failed.\n(error: https://www.zelahcottages.example/_next/static/chunks/3185-{hex}.js)", (js("node_modules/next/dist/client/components/router-reducer/fetch-server-response.js", "fetchServerResponse", 98, 9, "main-app", lib=True), js("app/cottages/page.tsx", "loadMap", 15, 5, "app/cottages/page"))),),
        (see("sentry.error", browser="chrome", chunk="app/cottages/page"), see("posthog", **ph("safari", "app/cottages/page", "onunhandledrejection")), see("posthog", **ph("firefox", "app/cottages/page", "onunhandledrejection")), see("posthog", **ph("edge", "app/cottages/page", "onunhandledrejection", release=1))),
        classes=(3,), page="/cottages", span=2),
    Bug("lj-web-hydration", "cottages-browser", (Exc("Error", "Hydration failed because the initial UI does not match what was rendered on the server.", (js("node_modules/react-dom/cjs/react-dom.production.min.js", "throwOnHydrationMismatch", 2391, 9, "fd9d1056", lib=True), js("components/header/ArrivalCountdown.tsx", "ArrivalCountdown", 11, 7, "app/layout"))),),
        (see("sentry.error", browser="chrome", chunk="app/layout"), see("sentry.error", browser="safari", chunk="app/layout", release=0, raw=True), see("posthog", **ph("edge", "app/layout")), see("posthog", **ph("firefox", "app/layout"))),
        classes=(10,), page="/"),
    Bug("lj-web-stripe-load", "cottages-browser", (Exc("Error", "Failed to load Stripe.js", (js("node_modules/@stripe/stripe-js/dist/stripe.mjs", "HTMLScriptElement.<anonymous>", 111, 16, "7023", lib=True),)),),
        (see("sentry.error", browser="safari", chunk=BOOK), see("posthog", **ph("safari", BOOK, "onunhandledrejection")), see("posthog", **ph("chrome", BOOK, "onunhandledrejection"))),
        page="/book/trevose-barn"),
    Bug("lj-web-map-not-function", "cottages-browser", (Exc("TypeError", frames=(*REACT_EFFECT, js("components/map/CottageMap.tsx", "CottageMap.useEffect", 37, 12, "app/cottages/page")), js=JsError("not-function", "map.flyTo", "flyTo", "([c.lat,c.lng],12)")),),
        (see("sentry.error", browser="firefox", chunk="app/cottages/page"), see("sentry.error", browser="chrome", chunk="app/cottages/page"), see("posthog", **ph("safari", "app/cottages/page"))),
        classes=(3,), page="/cottages"),
    Bug("lj-stale-action", "cottages-web", (Exc("Error", 'Failed to find Server Action "{hex}". This request might be from an older or newer deployment. Original error: Invariant: Couldn\'t find action module ID from module map.', ACTION),),
        (see("sentry.error", 3), see("sentry.error", release=2)),
        classes=(10,), entry="POST /book/[slug]", span=2),
    Bug("lj-enquiry-zod", "cottages-web", (Exc("ZodError", '[\n  {\n    "code": "invalid_string",\n    "validation": "email",\n    "message": "Invalid email",\n    "path": [\n      "email"\n    ]\n  }\n]', (*ACTION, chunk(7310, "sendEnquiry", 905), nd("node_modules/zod/lib/types.js", "ZodObject.parse", 160, 19, lib=True))),),
        (see("sentry.error", 2), see("sentry.issue")),
        entry="POST /cottages/[slug]/enquire"),
    Bug("lj-singleton-web-quota", "cottages-browser", (Exc("QuotaExceededError", "Failed to execute 'setItem' on 'Storage': Setting the value of 'recentlyViewed' exceeded the quota.", (*REACT_EFFECT, js("lib/recent.ts", "remember", 9, 18, "7023"))),),
        (see("sentry.error", browser="chrome", chunk=COTTAGE),),
        singleton=True, page="/cottages/porthcurno-loft"),
]

NOISE = [
    Noise("lj-noise-metric-resolved", "cottages-web", "sentry.metric", {"rule": "cottages-web error rate", "aggregate": "count()", "action": "resolved", "value": "{n}"}),
]

ZELAH = Company(
    key="lj",
    name="Zelah Cottages",
    domain="zelahcottages.example",
    sentry_org="zelah-cottages",
    splunk_url="",
    splunk_guid="",
    datadog_org=("", ""),
    datadog_template="default",
    posthog_project=(106200, "Zelah website"),
    releases=("2026.02.4", "2026.03.0", "2026.03.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="zelah-sentry-client-secret",
)
# fmt: on
