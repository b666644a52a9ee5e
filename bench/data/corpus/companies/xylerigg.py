"""(hs) Xylerigg Theatre, a regional theatre's booking site: a React 18 single-page app with
React Router 6 and a seat map on canvas, built by webpack 5 the way Create React App
configures it (``xylerigg-web``: ``/static/js/main.<hash>.js`` with React bundled in, lazy
route chunks ``/static/js/<id>.<hash>.chunk.js``, every hash new on each release), talking to
a box-office API it does not own.

Sentry: @sentry/react (browser SDK 8, the global ``onerror``/``onunhandledrejection``
handlers and the ``ErrorBoundary`` around each route), source maps uploaded from CI except for
one hotfix release. PostHog: posthog-js with exception autocapture. Chrome, Edge, Firefox and
Safari word the same TypeError differently. No Splunk, no Datadog.
"""

# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import js

# fmt: off
SERVICES = {
    "xylerigg-web": Service("xylerigg-web", "javascript", "", "", "", "", 9140733, origin="https://tickets.xylerigg-theatre.example", framework="onerror", sdk=("sentry.javascript.react", "8.42.0", "npm:@sentry/react")),
}

# React 18's production build, bundled by webpack into main.<hash>.js.
REACT_DOM = "node_modules/react-dom/cjs/react-dom.production.min.js"
CLICK = (
    js(REACT_DOM, "Rb", 54, 317, "main", lib=True),
    js(REACT_DOM, "Xb", 54, 471, "main", lib=True),
    js(REACT_DOM, "Ye", 57, 35, "main", lib=True),
)
RENDER = (
    js(REACT_DOM, "Wk", 292, 39, "main", lib=True),
    js(REACT_DOM, "Nk", 275, 11, "main", lib=True),
    js(REACT_DOM, "fi", 159, 137, "main", lib=True),
)
EFFECT = (
    js(REACT_DOM, "Gk", 274, 198, "main", lib=True),
    js(REACT_DOM, "Uj", 254, 230, "main", lib=True),
)

# Lazy route chunks, as webpack numbers them.
SEATS, BASKET, ACCOUNT, SHOWS = "412", "877", "139", "605"


def src(file: str, fn: str, line: int, col: int, chunk: str = "main") -> Frame:
    return js(f"src/{file}", fn, line, col, chunk)


API = src("api/boxOffice.js", "request", 33, 13)


def browsers(chunk: str, n_sentry: int = 2, n_ph: int = 2, mech: str = "onerror") -> tuple:
    return (
        see("sentry.error", n_sentry, browser="chrome", chunk=chunk, release=0, mechanism=mech),
        see("sentry.error", browser="firefox", chunk=chunk, release=1, mechanism=mech),
        see("sentry.error", browser="safari", chunk=chunk, release=2, mechanism=mech),
        see("posthog", n_ph, browser="chrome", chunk=chunk, release=1),
        see("posthog", browser="edge", chunk=chunk, release=2),
    )


def sentry_only(chunk: str, mech: str = "onerror") -> tuple:
    return (
        see("sentry.error", 2, browser="chrome", chunk=chunk, release=1, mechanism=mech),
        see("sentry.error", browser="edge", chunk=chunk, release=2, mechanism=mech),
        see("sentry.error", browser="firefox", chunk=chunk, release=2, mechanism=mech, sourcemaps=False),
    )


def posthog_heavy(chunk: str) -> tuple:
    return (
        see("sentry.error", browser="chrome", chunk=chunk, release=1),
        see("posthog", 2, browser="chrome", chunk=chunk, release=0),
        see("posthog", browser="safari", chunk=chunk, release=1),
        see("posthog", browser="firefox", chunk=chunk, release=2),
    )


BUGS = [
    # `seat.price` undefined in two components, through the one formatPrice helper.
    Bug("hs-seat-price-undefined", "xylerigg-web", (Exc("TypeError", frames=(*RENDER, src("seating/SeatTooltip.jsx", "SeatTooltip", 22, 31, SEATS), src("lib/money.js", "formatPrice", 7, 24, SEATS)), js=JsError("read-undefined", "seat.band", "price")),),
        browsers(SEATS), classes=(3, 4), pair="hs-basket-price-undefined", page="/shows/the-winters-tale/seats", span=2),
    Bug("hs-basket-price-undefined", "xylerigg-web", (Exc("TypeError", frames=(*RENDER, src("basket/BasketLine.jsx", "BasketLine", 18, 27, BASKET), src("lib/money.js", "formatPrice", 7, 24, BASKET)), js=JsError("read-undefined", "seat.band", "price")),),
        browsers(BASKET, 1, 2), classes=(3, 4), pair="hs-seat-price-undefined", page="/basket"),
    # null reads in the seat map and the account page.
    Bug("hs-seatmap-ctx-null", "xylerigg-web", (Exc("TypeError", frames=(*EFFECT, src("seating/SeatMap.jsx", "drawSeats", 64, 18, SEATS)), js=JsError("read-null", "canvasRef.current", "getContext")),),
        browsers(SEATS, 2, 1), classes=(3,), pair="hs-account-ctx-null", page="/shows/a-doll-s-house/seats"),
    Bug("hs-account-ctx-null", "xylerigg-web", (Exc("TypeError", frames=(*EFFECT, src("account/QrTicket.jsx", "renderQr", 29, 22, ACCOUNT)), js=JsError("read-null", "canvasRef.current", "getContext")),),
        browsers(ACCOUNT, 1, 1), classes=(3,), pair="hs-seatmap-ctx-null", page="/account/tickets"),
    # One api request helper under a 409 and a 503.
    Bug("hs-hold-409", "xylerigg-web", (Exc("BoxOfficeError", "409 Conflict: POST /api/holds", (*CLICK, src("seating/useHold.js", "holdSeats", 41, 9, SEATS), API)),),
        browsers(SEATS, 2, 1, "onunhandledrejection"), classes=(2,), pair="hs-hold-503", page="/shows/the-winters-tale/seats"),
    Bug("hs-hold-503", "xylerigg-web", (Exc("BoxOfficeError", "503 Service Unavailable: POST /api/holds", (*CLICK, src("seating/useHold.js", "holdSeats", 41, 9, SEATS), API)),),
        browsers(SEATS, 2, 2, "onunhandledrejection"), classes=(2, 10), pair="hs-hold-409", page="/shows/hamlet/seats"),
    # One formatShowDate: Invalid time value and a missing toLocaleDateString.
    Bug("hs-date-invalid", "xylerigg-web", (Exc("RangeError", "Invalid time value", (*RENDER, src("shows/ShowCard.jsx", "ShowCard", 26, 40, SHOWS), src("lib/dates.js", "formatShowDate", 9, 14, SHOWS)), engines={"spidermonkey": "invalid date", "jsc": "Invalid Date"}),),
        browsers(SHOWS), classes=(3,), pair="hs-date-not-fn", page="/whats-on"),
    Bug("hs-date-not-fn", "xylerigg-web", (Exc("TypeError", frames=(*RENDER, src("shows/ShowCard.jsx", "ShowCard", 26, 40, SHOWS), src("lib/dates.js", "formatShowDate", 11, 20, SHOWS)), js=JsError("not-function", "d.toLocaleDateString", "toLocaleDateString", "(\"en-GB\",t)")),),
        browsers(SHOWS, 1, 2), classes=(3, 4), pair="hs-date-invalid", page="/whats-on"),
    # `.map` of undefined on two lists (the cast and the access notes).
    Bug("hs-cast-map", "xylerigg-web", (Exc("TypeError", frames=(*RENDER, src("shows/CastList.jsx", "CastList", 12, 30)), js=JsError("read-undefined", "show.cast", "map")),),
        sentry_only("main"), classes=(3,), pair="hs-access-map", page="/shows/hamlet"),
    Bug("hs-access-map", "xylerigg-web", (Exc("TypeError", frames=(*RENDER, src("shows/AccessNotes.jsx", "AccessNotes", 15, 33)), js=JsError("read-undefined", "show.accessNotes", "map")),),
        sentry_only("main"), classes=(3,), pair="hs-cast-map", page="/shows/the-winters-tale"),
    # A lazy chunk missing after a deploy: webpack's ChunkLoadError, the URL's hash changing.
    Bug("hs-chunk-load", "xylerigg-web", (Exc("ChunkLoadError", "Loading chunk 877 failed.\n(error: {chunkurl})", (js("webpack/runtime/jsonp chunk loading", "__webpack_require__.f.j", 1, 3521, "main", lib=True), js("webpack/runtime/ensure chunk", "__webpack_require__.e", 1, 1912, "main", lib=True))),),
        (see("sentry.error", 2, browser="chrome", chunk=BASKET, release=1, mechanism="onunhandledrejection"), see("sentry.error", browser="safari", chunk=BASKET, release=2, mechanism="onunhandledrejection"), see("posthog", 2, browser="chrome", chunk=BASKET, release=2)),
        classes=(2, 3), page="/basket", span=2),
    # A non-JSON answer (the CDN's HTML error page) read as JSON.
    Bug("hs-json-parse", "xylerigg-web", (Exc("SyntaxError", "Unexpected token '<', \"<!DOCTYPE \"... is not valid JSON", (*EFFECT, src("shows/useShows.js", "loadShows", 14, 31), API), engines={"spidermonkey": "JSON.parse: unexpected character at line 1 column 1 of the JSON data", "jsc": "JSON Parse error: Unrecognized token '<'"}),),
        browsers("main", 2, 2, "onunhandledrejection"), classes=(3,), page="/whats-on"),
    # Safari private mode: localStorage quota.
    Bug("hs-storage-quota", "xylerigg-web", (Exc("QuotaExceededError", "Failed to execute 'setItem' on 'Storage': Setting the value of 'xylerigg.basket' exceeded the quota.", (*CLICK, src("basket/persist.js", "saveBasket", 8, 16, BASKET)), engines={"spidermonkey": "The quota has been exceeded.", "jsc": "The quota has been exceeded."}),),
        posthog_heavy(BASKET), classes=(3,), page="/basket"),
    # React's minified error #301 (too many re-renders) in the promo banner, over three releases.
    Bug("hs-too-many-renders", "xylerigg-web", (Exc("Error", "Minified React error #301; visit https://reactjs.org/docs/error-decoder.html?invariant=301 for the full message or use the non-minified dev environment for full errors and additional helpful warnings.", (*RENDER, src("home/PromoBanner.jsx", "PromoBanner", 17, 5))),),
        browsers("main", 2, 1), classes=(5,), page="/", span=3),
    # A singleton: one null ref focus in the gift-voucher form.
    Bug("hs-voucher-singleton", "xylerigg-web", (Exc("TypeError", frames=(*CLICK, src("vouchers/VoucherForm.jsx", "onApply", 23, 19, BASKET)), js=JsError("read-null", "inputRef.current", "focus")),),
        (see("sentry.error", browser="edge", chunk=BASKET, release=2),), singleton=True, page="/basket/vouchers"),
]

NOISE = [
    Noise("hs-noise-lcp", "xylerigg-web", "sentry.metric", {"rule": "Xylerigg seat map LCP p75", "aggregate": "p75(measurements.lcp)", "dataset": "transactions", "action": "critical", "value": "4{idx}12.0"}),
    Noise("hs-noise-errors-resolved", "xylerigg-web", "sentry.metric", {"rule": "Xylerigg web error count", "aggregate": "count()", "dataset": "events", "action": "resolved", "value": "{n}"}),
]

XYLERIGG = Company(
    key="hs",
    name="Xylerigg Theatre",
    domain="xylerigg-theatre.example",
    sentry_org="xylerigg",
    splunk_url="https://xylerigg.splunkcloud.com",
    splunk_guid="0A5E8C31-2D74-4B96-8F03-6C1B7E4A9D25",
    datadog_org=("884330", "Xylerigg Theatre"),
    datadog_template="recommended",
    posthog_project=(74133, "Xylerigg tickets"),
    releases=("2026.03.0", "2026.03.1", "2026.03.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="xylerigg-sentry-client-secret",
)
# fmt: on
