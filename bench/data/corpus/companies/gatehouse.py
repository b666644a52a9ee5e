"""(lb) Gatehouse Tickets, a box office for regional theatres and music venues: ``box-office``,
a React 18 single-page app built by Vite 5 (``/assets/<name>-<hash>.js``, React Router lazy
routes as named chunks), with @sentry/react 8 and posthog-js' exception autocapture. The first
release went out before the source-map upload step was added to the pipeline, so Sentry shows
its frames minified; a deploy that deleted the old chunks broke every open tab's next lazy
route. Errors arrive in Chrome, Edge, Firefox and Safari words. No Splunk, no Datadog.
"""

# A data table: messages and frames are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, JsError, Noise, Seen, Service, see
from ..stacks import REACT_CLICK, REACT_EFFECT, REACT_RENDER, js

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.javascript.react", "8.35.0", "npm:@sentry/react")
SERVICES = {
    "box-office": Service("box-office", "javascript", "", "", "", "", 9103301, origin="https://tickets.gatehouse.example", framework="onerror", sdk=SDK),
}
ROUTER = "node_modules/react-router/dist/index.js"
SEAT_ROW = JsError("read-undefined", "seat.row", "label")
PERF_DATE = ("Invalid time value", {"spidermonkey": "invalid date", "jsc": "Invalid Date"})
DATE_FNS = js("node_modules/date-fns/format.mjs", "format", 370, 11, "vendor", lib=True)
JSON_WORDS = {"spidermonkey": "JSON.parse: unexpected character at line 1 column 1 of the JSON data", "jsc": "JSON Parse error: Unrecognized token '<'"}
FETCH_JSON = js("src/api/client.ts", "getJson", 18, 22, "index")


def sn(n: int = 1, **opts: object) -> Seen:
    """A Sentry event, from the current release unless said; 1.8.2 (release 0) shipped without
    source maps, so its frames stay minified."""
    opts.setdefault("release", 2)
    if opts["release"] == 0:
        opts["raw"] = True
    return see("sentry.error", n, **opts)


BUGS = [
    # One seat-row lookup failing in the seat map and in the basket summary.
    Bug("lb-seatmap-row", "box-office", (Exc("TypeError", frames=(*REACT_RENDER, js("src/seating/SeatMap.tsx", "SeatMap", 84, 29, "Seating"), js("src/seating/labels.ts", "seatLabel", 5, 24, "Seating")), js=SEAT_ROW),),
        (sn(browser="chrome", chunk="Seating", release=0), sn(2, browser="chrome", chunk="Seating"), sn(browser="safari", chunk="Seating"), see("posthog", 2, browser="chrome", chunk="Seating"), see("posthog", browser="firefox", chunk="Seating"), see("posthog", browser="safari", chunk="Seating", resolved=True)),
        classes=(3, 4, 10), pair="lb-basket-row", page="/events/{id}/seats", span=3),
    Bug("lb-basket-row", "box-office", (Exc("TypeError", frames=(*REACT_RENDER, js("src/basket/BasketSummary.tsx", "BasketSummary", 40, 17, "index"), js("src/seating/labels.ts", "seatLabel", 5, 24, "Seating")), js=SEAT_ROW),),
        (sn(2, browser="edge"), sn(browser="firefox"), see("posthog", 2, browser="chrome"), see("posthog", browser="safari")),
        classes=(3, 4), pair="lb-seatmap-row", page="/basket"),
    # The same RangeError from date-fns in two components.
    Bug("lb-eventcard-date", "box-office", (Exc("RangeError", PERF_DATE[0], (*REACT_RENDER, js("src/events/EventCard.tsx", "EventCard", 27, 33, "index"), DATE_FNS), engines=PERF_DATE[1]),),
        (sn(browser="chrome", release=0), sn(browser="safari"), sn(browser="firefox"), see("posthog", 2, browser="chrome"), see("posthog", browser="edge")),
        classes=(3, 4), pair="lb-confirm-date", page="/whats-on", span=2),
    Bug("lb-confirm-date", "box-office", (Exc("RangeError", PERF_DATE[0], (*REACT_EFFECT, js("src/checkout/Confirmation.tsx", "useDoorsTime", 61, 12, "Checkout"), DATE_FNS), engines=PERF_DATE[1]),),
        (sn(2, browser="chrome", chunk="Checkout"), see("posthog", browser="safari", chunk="Checkout"), see("posthog", browser="firefox", chunk="Checkout")),
        classes=(3, 4), pair="lb-eventcard-date", page="/checkout/confirmation"),
    # The promo-code box: a 502 page parsed as JSON, and a null read in the same handler.
    Bug("lb-promo-json", "box-office", (Exc("SyntaxError", "Unexpected token '<', \"<!DOCTYPE \"... is not valid JSON", (*REACT_CLICK, js("src/checkout/PromoCode.tsx", "applyCode", 29, 18, "Checkout"), FETCH_JSON), engines=JSON_WORDS),),
        (sn(browser="chrome", chunk="Checkout", mechanism="onunhandledrejection"), sn(browser="firefox", chunk="Checkout", mechanism="onunhandledrejection"), sn(browser="safari", chunk="Checkout", mechanism="onunhandledrejection"), see("posthog", 2, browser="chrome", chunk="Checkout", mechanism="onunhandledrejection")),
        classes=(3,), pair="lb-promo-null", page="/checkout"),
    Bug("lb-promo-null", "box-office", (Exc("TypeError", frames=(*REACT_CLICK, js("src/checkout/PromoCode.tsx", "applyCode", 33, 40, "Checkout")), js=JsError("read-null", "offer.discount", "percent")),),
        (sn(2, browser="chrome", chunk="Checkout"), sn(browser="safari", chunk="Checkout"), see("posthog", browser="edge", chunk="Checkout")),
        classes=(3,), pair="lb-promo-json", page="/checkout"),
    # Stale tabs after the 1.9.0 deploy removed the old chunks.
    Bug("lb-stale-chunk", "box-office", (Exc("TypeError", "Failed to fetch dynamically imported module: {chunkurl}", (js(ROUTER, "loadLazyRouteModule", 1190, 30, "vendor", lib=True), js("src/routes.tsx", "lazy", 41, 21, "index")), engines={"spidermonkey": "error loading dynamically imported module: {chunkurl}", "jsc": "Importing a module script failed."}),),
        (sn(2, browser="chrome", chunk="Seating", release=0, mechanism="onunhandledrejection"), sn(browser="safari", chunk="Seating", release=0, mechanism="onunhandledrejection"), sn(browser="firefox", chunk="Checkout", release=0, mechanism="onunhandledrejection"), see("posthog", 2, browser="chrome", chunk="Checkout", release=0, mechanism="onunhandledrejection"), see("posthog", browser="edge", chunk="Seating", release=0, mechanism="onunhandledrejection")),
        classes=(3,), page="/events/{id}/seats"),
    # Safari 16 has no Array.prototype.toSorted.
    Bug("lb-tosorted", "box-office", (Exc("TypeError", frames=(*REACT_RENDER, js("src/events/PriceBands.tsx", "PriceBands", 19, 30, "index")), js=JsError("not-function", "bands.toSorted", "", "(e)")),),
        (sn(2, browser="safari"), see("posthog", 2, browser="safari"), see("sentry.issue", browser="safari")),
        classes=(3,), page="/events/{id}"),
    # The basket hold timer: one hook, two exceptions.
    Bug("lb-holdtimer-range", "box-office", (Exc("RangeError", PERF_DATE[0], (*REACT_EFFECT, js("src/basket/useHoldTimer.ts", "useHoldTimer", 22, 31, "index"), DATE_FNS), engines=PERF_DATE[1]),),
        (sn(2, browser="chrome"), sn(browser="firefox"), see("posthog", 2, browser="safari"), see("posthog", browser="chrome")),
        classes=(3, 4), pair="lb-holdtimer-null", page="/basket"),
    Bug("lb-holdtimer-null", "box-office", (Exc("TypeError", frames=(*REACT_EFFECT, js("src/basket/useHoldTimer.ts", "useHoldTimer", 29, 14, "index")), js=JsError("read-null", "timerRef.current", "expiresAt")),),
        (sn(2, browser="edge"), sn(browser="safari"), see("posthog", 2, browser="chrome")),
        classes=(3, 4), pair="lb-holdtimer-range", page="/basket"),
    # Not pairs.
    Bug("lb-wallet-undefined", "box-office", (Exc("TypeError", frames=(*REACT_CLICK, js("src/tickets/AddToWallet.tsx", "onAdd", 44, 27, "Tickets")), js=JsError("read-undefined", "pass.barcode", "message")),),
        (sn(browser="chrome", chunk="Tickets", release=0), sn(browser="chrome", chunk="Tickets", release=2), see("posthog", browser="firefox", chunk="Tickets"), see("posthog", browser="safari", chunk="Tickets", release=2)),
        classes=(3, 5, 10), page="/account/tickets", span=3, renames={"onAdd": "handleAdd"}),
    Bug("lb-quota-exceeded", "box-office", (Exc("QuotaExceededError", "Failed to execute 'setItem' on 'Storage': Setting the value of 'gh-basket' exceeded the quota.", (*REACT_EFFECT, js("src/basket/persist.ts", "saveBasket", 12, 20, "index")), engines={"spidermonkey": "The quota has been exceeded.", "jsc": "The quota has been exceeded."}),),
        (sn(2, browser="safari"), sn(browser="chrome"), see("posthog", browser="safari")),
        classes=(3,), page="/basket"),
    Bug("lb-singleton-resize", "box-office", (Exc("TypeError", frames=(*REACT_EFFECT, js("src/seating/useZoom.ts", "useZoom", 33, 9, "Seating")), js=JsError("read-null", "svgRef.current", "getBBox")),),
        (see("posthog", browser="firefox", chunk="Seating"),),
        singleton=True, page="/events/{id}/seats"),
]

NOISE = [
    Noise("lb-noise-lcp", "box-office", "sentry.metric", {"rule": "box-office p75 LCP", "action": "resolved", "threshold": "2500", "value": "1940", "aggregate": "p75(measurements.lcp)", "dataset": "transactions"}),
    Noise("lb-noise-cls", "box-office", "sentry.metric", {"rule": "box-office p75 CLS", "action": "resolved", "threshold": "0.1", "value": "0.06", "aggregate": "p75(measurements.cls)", "dataset": "transactions"}),
    Noise("lb-noise-errors-resolved", "box-office", "sentry.metric", {"rule": "box-office errors per hour", "aggregate": "count()", "action": "resolved", "value": "{n}"}),
]

GATEHOUSE = Company(
    key="lb",
    name="Gatehouse Tickets",
    domain="gatehouse.example",
    sentry_org="gatehouse-tickets",
    splunk_url="",
    splunk_guid="",
    datadog_org=("910330", "Gatehouse Tickets"),
    datadog_template="recommended",
    posthog_project=(91033, "Gatehouse box office"),
    releases=("1.8.2", "1.9.0", "1.9.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="gatehouse-sentry-client-secret",
)
# fmt: on
