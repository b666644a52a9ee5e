"""(np) Quendon Picturehouse, an independent cinema chain's ticketing site: a React 18 SPA
(``booking-spa``: showtimes, seat map, concessions, checkout with Stripe) built by webpack 5
with ``[name].[contenthash].js`` chunks under ``/static/js/`` (numeric ids for the lazy routes,
one ``vendor`` chunk). Source maps were uploaded to Sentry for every release but the first.

Sentry: @sentry/react (its ``ErrorBoundary`` around the routes and the global handlers).
PostHog: posthog-js exception autocapture (minified frames, every frame in-app). Splunk: the
error boundary's ``componentDidCatch`` and ``window.onerror`` post a report to the team's
``/api/client-errors`` beacon, which writes it to HEC (one saved search over all of them).
Datadog: the Browser Logs SDK with ``forwardErrorsToLogs`` (one log monitor on
``source:browser`` pasting ``error.kind`` and ``error.message``). Chrome, Firefox, Safari and
Edge. All four tools.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Seen, Service, see
from ..stacks import REACT_CLICK, REACT_EFFECT, REACT_RENDER, js

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.javascript.react", "8.33.1", "npm:@sentry/react")
SERVICES = {
    "booking-spa": Service("booking-spa", "javascript", "np-beacon", "quendon:client_error", "http:booking-spa-beacon", "quendon_web", 12510031, origin="https://tickets.quendon-picturehouse.example", framework="onerror", sdk=SDK),
}
INVALID_DATE = {"spidermonkey": "invalid date", "jsc": "Invalid Date"}
DATE_FNS = js("node_modules/date-fns/format.mjs", "format", 370, 11, "vendor", lib=True)
FORMAT_SHOWTIME = js("src/lib/dates.ts", "formatShowtime", 9, 10, "main")
AXIOS = "node_modules/axios/lib/"
SETTLE = (
    js(AXIOS + "adapters/xhr.js", "onloadend", 103, 7, "vendor", lib=True),
    js(AXIOS + "core/settle.js", "settle", 19, 12, "vendor", lib=True),
)
# The app's one request helper over axios (axios 1.7 appends the caller's async stack).
REQUEST = js("src/api/client.ts", "request", 27, 18, "main")
REACT_DOM = "node_modules/react-dom/cjs/react-dom.production.min.js"
RAW = dict(raw=True, release=0)


def app(path: str, function: str, line: int, col: int, chunk: str) -> Frame:
    return js(f"src/{path}", function, line, col, chunk)


def axios_error(status: int, caller: tuple[Frame, ...]) -> Exc:
    return Exc("AxiosError", f"Request failed with status code {status}", (*caller, REQUEST, js(AXIOS + "core/Axios.js", "Axios.request", 45, 41, "vendor", lib=True), *SETTLE))


def react_minified(code: int) -> str:
    return f"Minified React error #{code}; visit https://reactjs.org/docs/error-decoder.html?invariant={code} for the full message or use the non-minified dev environment for full errors and additional helpful warnings."


SEARCH = dict(search="Quendon - client errors (beacon)", owner="web_ops", app="quendon_web")
DD = dict(team="web", monitor="[booking-spa] browser errors", format="np-ddlogs", filter="source:browser service:booking-spa status:error", text="Browser errors on booking-spa over 25 in 10 minutes.\n\n{{log.attributes.error.kind}}: {{log.attributes.error.message}}\n{{log.attributes.view.url}}")


def spl(n: int = 1, **opts: object) -> Seen:
    return see("splunk", n, **SEARCH, **opts)


def dd(n: int = 1, **opts: object) -> Seen:
    return see("datadog.log", n, **DD, **opts)


BUGS = [
    # 1. The same undefined read of a seat tier's price in two components.
    Bug("np-seatmap-price", "booking-spa", (Exc("TypeError", frames=(*REACT_RENDER, app("features/seats/SeatMap.tsx", "SeatMap", 88, 34, "431"), app("features/seats/SeatCell.tsx", "SeatCell", 21, 40, "431")), js=JsError("read-undefined", "seat.tier", "price")),),
        (see("sentry.error", browser="chrome", chunk="431", **RAW), see("sentry.error", browser="safari", chunk="431", release=1), see("posthog", browser="chrome", chunk="431"), see("posthog", browser="edge", chunk="431"), spl(browser="firefox", chunk="431", components="SeatCell SeatMap SeatsPage Suspense Routes App"), dd(browser="chrome", chunk="431")),
        classes=(2, 3, 4, 10), pair="np-basket-price", page="/book/seats", entry="/book/seats", span=2),
    Bug("np-basket-price", "booking-spa", (Exc("TypeError", frames=(*REACT_RENDER, app("features/basket/BasketSummary.tsx", "BasketSummary", 42, 29, "918"), app("features/basket/lineTotal.ts", "lineTotal", 7, 22, "918")), js=JsError("read-undefined", "seat.tier", "price")),),
        (see("sentry.error", browser="firefox", chunk="918", release=1), see("sentry.error", browser="chrome", chunk="918", release=2), see("posthog", 2, browser="chrome", chunk="918"), see("posthog", browser="safari", chunk="918"), spl(browser="chrome", chunk="918", components="BasketSummary CheckoutPage Suspense Routes App"), dd(browser="safari", chunk="918")),
        classes=(2, 3, 4), pair="np-seatmap-price", page="/book/checkout", entry="/book/checkout", span=3),
    # 2. One showtime formatter under two callers: date-fns given an unparsed string.
    Bug("np-showtimes-date", "booking-spa", (Exc("RangeError", "Invalid time value", (*REACT_RENDER, app("features/listings/ShowtimeList.tsx", "ShowtimeList", 33, 45, "main"), FORMAT_SHOWTIME, DATE_FNS), engines=INVALID_DATE),),
        (see("sentry.error", browser="chrome", release=1), see("sentry.error", browser="firefox", release=2), see("posthog", browser="safari"), see("posthog", browser="edge"), spl(2, browser="chrome", components="ShowtimeList FilmPage Suspense Routes App"), dd(browser="firefox")),
        classes=(2, 3, 4, 9), pair="np-offers-date", page="/films/{slug}", entry="/films/{slug}"),
    Bug("np-offers-date", "booking-spa", (Exc("RangeError", "Invalid time value", (*REACT_EFFECT, app("features/offers/OffersBanner.tsx", "OffersBanner", 19, 27, "main"), FORMAT_SHOWTIME, DATE_FNS), engines=INVALID_DATE),),
        (see("sentry.error", browser="safari", release=2), see("sentry.error", browser="chrome", **RAW), see("posthog", browser="chrome"), see("posthog", browser="firefox"), spl(browser="safari", kind="onerror"), dd(browser="chrome")),
        classes=(2, 3, 4, 9, 10), pair="np-showtimes-date", page="/", entry="/"),
    # 3. One checkout click handler, two exceptions.
    Bug("np-checkout-stripe-fn", "booking-spa", (Exc("TypeError", frames=(*REACT_CLICK, app("features/checkout/PayButton.tsx", "PayButton.onClick", 54, 23, "918")), js=JsError("not-function", "stripe", "confirmPayment", "({elements:e,redirect:\"if_required\"})")),),
        (see("sentry.error", browser="chrome", chunk="918", release=1), see("sentry.error", browser="safari", chunk="918", release=1), see("posthog", browser="edge", chunk="918"), spl(browser="chrome", chunk="918", kind="onerror"), dd(2, browser="chrome", chunk="918")),
        classes=(2, 3, 4), pair="np-checkout-json", page="/book/checkout", entry="/book/checkout"),
    Bug("np-checkout-json", "booking-spa", (Exc("SyntaxError", "Unexpected token '<', \"<!DOCTYPE \"... is not valid JSON", (*REACT_CLICK, app("features/checkout/PayButton.tsx", "PayButton.onClick", 61, 38, "918"), js("<anonymous>", "JSON.parse", 0, 0, "main", lib=True)), engines={"spidermonkey": "JSON.parse: unexpected character at line 1 column 1 of the JSON data", "jsc": "JSON Parse error: Unrecognized token '<'"}),),
        (see("sentry.error", browser="firefox", chunk="918", release=1), see("sentry.error", browser="chrome", chunk="918", release=2), see("posthog", browser="safari", chunk="918", mechanism="onunhandledrejection"), see("posthog", browser="chrome", chunk="918", mechanism="onunhandledrejection"), spl(2, browser="edge", chunk="918", kind="unhandledrejection")),
        classes=(2, 3, 4), pair="np-checkout-stripe-fn", page="/book/checkout", entry="/book/checkout"),
    # 4. Two axios rejections through one request helper: a seat taken (409) and orders down (500).
    Bug("np-reserve-409", "booking-spa", (axios_error(409, (app("features/seats/useReserve.ts", "reserveSeats", 18, 21, "431"),)),),
        (see("sentry.error", 2, browser="chrome", chunk="431", release=1), see("posthog", browser="firefox", chunk="431", mechanism="onunhandledrejection"), spl(browser="chrome", chunk="431", kind="unhandledrejection"), dd(browser="edge", chunk="431")),
        classes=(2, 4, 9), pair="np-order-500", page="/book/seats", entry="/book/seats"),
    Bug("np-order-500", "booking-spa", (axios_error(500, (app("features/checkout/useCreateOrder.ts", "createOrder", 24, 19, "918"),)),),
        (see("sentry.error", browser="safari", chunk="918", release=2), see("sentry.error", browser="chrome", chunk="918", release=1), see("posthog", browser="chrome", chunk="918", mechanism="onunhandledrejection"), spl(2, browser="firefox", chunk="918", kind="unhandledrejection"), dd(2, browser="chrome", chunk="918")),
        classes=(2, 4, 9), pair="np-reserve-409", page="/book/checkout", entry="/book/checkout"),
    # 5. React's minified invariants in two components: more hooks than the last render, and
    # an update loop.
    Bug("np-concessions-hooks", "booking-spa", (Exc("Error", react_minified(310), (*REACT_RENDER, app("features/concessions/ConcessionsPicker.tsx", "ConcessionsPicker", 47, 15, "76"), js(REACT_DOM, "Zh", 157, 219, "vendor", lib=True))),),
        (see("sentry.error", browser="chrome", chunk="76", release=1), see("sentry.error", browser="edge", chunk="76", release=2), see("posthog", browser="firefox", chunk="76"), spl(browser="chrome", chunk="76", components="ConcessionsPicker ConcessionsPage Suspense Routes App"), dd(browser="chrome", chunk="76")),
        classes=(2, 3, 4), pair="np-seatmap-loop", page="/book/snacks", entry="/book/snacks"),
    Bug("np-seatmap-loop", "booking-spa", (Exc("Error", react_minified(185), (*REACT_EFFECT, app("features/seats/useSeatSelection.ts", "useSeatSelection", 31, 9, "431"), js(REACT_DOM, "Pk", 266, 60, "vendor", lib=True))),),
        (see("sentry.error", browser="firefox", chunk="431", release=1), see("sentry.error", browser="chrome", chunk="431", release=2), see("posthog", 2, browser="chrome", chunk="431"), spl(browser="safari", chunk="431", components="SeatMap SeatsPage Suspense Routes App"), dd(browser="firefox", chunk="431")),
        classes=(2, 3, 4), pair="np-concessions-hooks", page="/book/seats", entry="/book/seats"),
    # Not pairs.
    Bug("np-chunk-load", "booking-spa", (Exc("ChunkLoadError", "Loading chunk 918 failed.\n(error: {chunkurl})", (js("webpack/runtime/jsonp chunk loading", "loadingEnded", 27, 15, "main", lib=True), js("webpack/runtime/load script", "onScriptComplete", 38, 24, "main", lib=True))),),
        (see("sentry.error", browser="chrome", chunk="918", **RAW), see("sentry.error", browser="safari", chunk="918", release=1), see("sentry.error", browser="firefox", chunk="918", release=2), see("posthog", browser="chrome", chunk="918", mechanism="onunhandledrejection"), spl(browser="edge", chunk="918", kind="unhandledrejection"), dd(browser="chrome", chunk="918")),
        classes=(2, 3, 5), page="/book/checkout", entry="/book/checkout", span=3),
    Bug("np-promo-rules", "booking-spa", (Exc("TypeError", frames=(*REACT_CLICK, app("features/checkout/PromoCodeForm.tsx", "PromoCodeForm.onSubmit", 36, 31, "918"), app("features/checkout/applyPromo.ts", "applyPromo", 12, 26, "918")), js=JsError("read-undefined", "promo.rules", "find")),),
        (see("sentry.error", browser="chrome", chunk="918", release=1), see("sentry.error", browser="safari", chunk="918", release=2), see("posthog", browser="firefox", chunk="918"), see("posthog", browser="chrome", chunk="918", resolved=True), spl(browser="chrome", chunk="918", kind="onerror"), dd(browser="edge", chunk="918")),
        classes=(2, 3, 5), page="/book/checkout", entry="/book/checkout", span=3, renames={"applyPromo": "applyPromoCode"}),
    Bug("np-resize-observer", "booking-spa", (Exc("Error", "ResizeObserver loop completed with undelivered notifications."),),
        (see("posthog", 2, browser="chrome"), see("posthog", browser="edge"), dd(2, browser="chrome"), spl(browser="chrome", kind="onerror")),
        classes=(2,), page="/book/seats", entry="/book/seats"),
    Bug("np-trailer-play", "booking-spa", (Exc("NotAllowedError", "play() failed because the user didn't interact with the document first. https://goo.gl/xX8pDD", (*REACT_EFFECT, app("features/films/TrailerPlayer.tsx", "TrailerPlayer", 22, 18, "main")), engines={"spidermonkey": "The play method is not allowed by the user agent or the platform in the current context, possibly because the user denied permission.", "jsc": "The request is not allowed by the user agent or the platform in the current context, possibly because the user denied permission."}),),
        (see("sentry.error", browser="chrome", release=1), see("sentry.error", browser="safari", release=1), see("posthog", browser="firefox", mechanism="onunhandledrejection"), see("posthog", browser="safari", mechanism="onunhandledrejection"), dd(browser="chrome")),
        classes=(2, 3), page="/films/{slug}", entry="/films/{slug}"),
    # Seen once: Firefox with a broken locale setting.
    Bug("np-singleton-locale", "booking-spa", (Exc("RangeError", "invalid language tag: \"en_GB@posix\"", (*REACT_RENDER, app("components/PriceTag.tsx", "PriceTag", 11, 24, "main"))),),
        (see("posthog", browser="firefox"),),
        singleton=True, page="/book/checkout", entry="/book/checkout"),
]

NOISE = [
    Noise("np-noise-metric-resolved", "booking-spa", "sentry.metric", {"rule": "booking-spa errors per hour", "aggregate": "count()", "action": "resolved", "value": "{n}"}),
    Noise("np-noise-dd-recovered", "booking-spa", "datadog.log", {"monitor": "[booking-spa] browser errors", "transition": "Recovered", "alert_type": "success", "team": "web", "filter": "source:browser service:booking-spa status:error", "text": "Browser errors on booking-spa are back under 25 in 10 minutes."}),
    Noise("np-noise-beacon-csp", "booking-spa", "splunk", {**SEARCH, "line": '{"kind":"csp","blockedURI":"https://www.googletagmanager.com/gtag/js","violatedDirective":"script-src-elem","href":"https://tickets.quendon-picturehouse.example/","release":"2026.3.2","ts":{epochms}}'}),
]

QUENDON = Company(
    key="np",
    name="Quendon Picturehouse",
    domain="quendon-picturehouse.example",
    sentry_org="quendon-picturehouse",
    splunk_url="https://quendon.splunkcloud.example",
    splunk_guid="4B7E0D29-1C68-4A3F-8E95-0D2C6B1F7A34",
    datadog_org=("1250031", "Quendon Picturehouse"),
    datadog_template="own",
    posthog_project=(92503, "Quendon tickets"),
    releases=("2026.3.2", "2026.3.5", "2026.3.9"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="quendon-sentry-client-secret",
)
# fmt: on
