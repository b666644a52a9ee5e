"""(ka) Seathwaite Climbing, three bouldering and lead walls: a React 18 single-page app built
by Create React App 5 (webpack 5: the entry ``/static/js/main.<hash>.js`` with React DOM and
the app minified together, lazy routes as numbered ``/static/js/<id>.<hash>.chunk.js``;
every release changes the hashes and the minified names). Session booking, memberships and
passes, the route logbook and its stats, the shop's gift cards.

Sentry: @sentry/react 7 (``Sentry.ErrorBoundary`` around the routes, the global handlers for
the rest); source maps were uploaded from the second release on, and not for the lazy
chunks of the third. PostHog: posthog-js with exception autocapture. Chrome, Edge, Firefox,
Safari on phones. No server of its own here, so no Splunk and no Datadog.
"""

# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Service, see
from ..stacks import js

# fmt: off
SERVICES = {
    "walls-web": Service("walls-web", "javascript", "", "", "", "", 9440301, origin="https://book.seathwaite-climbing.example", framework="onerror", sdk=("sentry.javascript.react", "7.120.1", "npm:@sentry/react")),
}
DOM = "node_modules/react-dom/cjs/react-dom.production.min.js"
CLICK = (
    js(DOM, "Sb", 54, 317, "main", lib=True),
    js(DOM, "Zb", 54, 471, "main", lib=True),
    js(DOM, "$b", 55, 35, "main", lib=True),
)
RENDER = (
    js(DOM, "Vk", 292, 39, "main", lib=True),
    js(DOM, "Lk", 275, 11, "main", lib=True),
    js(DOM, "Yh", 157, 137, "main", lib=True),
)
EFFECT = (
    js(DOM, "Gk", 274, 198, "main", lib=True),
    js(DOM, "Sj", 254, 230, "main", lib=True),
)
JSONP = (
    js("webpack/runtime/load script", "onScriptComplete", 34, 22, "main", lib=True),
    js("webpack/runtime/jsonp chunk loading", "loadingEnded", 27, 17, "main", lib=True),
)


def src(file: str, fn: str, line: int, col: int, chunk: str = "main") -> Frame:
    return js(f"src/{file}", fn, line, col, chunk)


def four(mech: str = "onerror", chrome: int = 2, ph: int = 2, chunk: str = "main") -> tuple:
    """Sentry from Chrome (the first release without source maps), Firefox and Safari;
    PostHog from Chrome and Edge."""
    return (
        see("sentry.error", chrome, browser="chrome", chunk=chunk, release=0, mechanism=mech, sourcemaps=False),
        see("sentry.error", browser="firefox", chunk=chunk, release=1, mechanism=mech),
        see("sentry.error", browser="safari", chunk=chunk, release=2, mechanism=mech, **({"sourcemaps": False} if chunk != "main" else {})),
        see("posthog", ph, browser="chrome", chunk=chunk, release=1),
        see("posthog", browser="edge", chunk=chunk, release=2),
    )


def phones(mech: str = "onerror", chunk: str = "main") -> tuple:
    """Phones at the wall: Safari mostly."""
    return (
        see("sentry.error", 2, browser="safari", chunk=chunk, release=1, mechanism=mech),
        see("sentry.error", browser="chrome", chunk=chunk, release=2, mechanism=mech),
        see("posthog", 2, browser="safari", chunk=chunk, release=1),
        see("posthog", browser="chrome", chunk=chunk, release=2, resolved=True),
    )


BUGS = [
    # The same read of route.grade: the logbook's render and the stats page's effect.
    Bug("ka-logbook-grade", "walls-web", (Exc("TypeError", frames=(*RENDER, src("logbook/LogbookList.tsx", "LogbookRow", 28, 31)), js=JsError("read-undefined", "ascent.route", "grade")),),
        four("generic"), classes=(3, 4, 5), pair="ka-stats-grade", page="/logbook", span=2),
    Bug("ka-stats-grade", "walls-web", (Exc("TypeError", frames=(*EFFECT, src("stats/GradePyramid.tsx", "GradePyramid", 44, 19, "287"), src("stats/pyramid.ts", "bucketByGrade", 12, 27, "287")), js=JsError("read-undefined", "ascent.route", "grade")),),
        phones("generic", chunk="287"), classes=(3, 4), pair="ka-logbook-grade", page="/logbook/stats"),
    # Two click handlers calling what is not a function.
    Bug("ka-pass-not-fn", "walls-web", (Exc("TypeError", frames=(*CLICK, src("passes/BuyPass.tsx", "onBuy", 57, 11)), js=JsError("not-function", "basket.addPass", "addPass", "(e.id)")),),
        four(), classes=(3, 4), pair="ka-giftcard-not-fn", page="/passes"),
    Bug("ka-giftcard-not-fn", "walls-web", (Exc("TypeError", frames=(*CLICK, src("shop/GiftCardForm.tsx", "onRedeem", 40, 9, "914")), js=JsError("not-function", "giftCards.redeem", "redeem", "(t)")),),
        phones(chunk="914"), classes=(3, 4), pair="ka-pass-not-fn", page="/shop/gift-cards"),
    # One slot formatter, two exceptions.
    Bug("ka-slot-null", "walls-web", (Exc("TypeError", frames=(*RENDER, src("booking/SessionGrid.tsx", "SessionGrid", 71, 23), src("booking/slots.ts", "slotLabel", 16, 30)), js=JsError("read-null", "slot.instructor", "firstName")),),
        four("generic", ph=1), classes=(3, 4), pair="ka-slot-date", page="/book/{slug}"),
    Bug("ka-slot-date", "walls-web", (Exc("RangeError", "Invalid time value", (*RENDER, src("booking/SessionGrid.tsx", "SessionGrid", 71, 23), src("booking/slots.ts", "slotLabel", 19, 41), js("node_modules/date-fns/esm/format/index.js", "format", 361, 11, "main", lib=True)), engines={"spidermonkey": "invalid date", "jsc": "Invalid Date"}),),
        four("generic", chrome=1), classes=(3, 4), pair="ka-slot-null", page="/book/{slug}"),
    # webpack's chunk loading failing for two lazy routes after a deploy.
    Bug("ka-chunk-stats", "walls-web", (Exc("ChunkLoadError", "Loading chunk 287 failed.\n(error: {chunkurl})", (*JSONP,)),),
        (see("sentry.error", 2, browser="chrome", chunk="287", release=1, mechanism="onunhandledrejection"), see("sentry.error", browser="safari", chunk="287", release=2, mechanism="onunhandledrejection"), see("posthog", 2, browser="chrome", chunk="287", release=2)),
        classes=(3, 4, 5), pair="ka-chunk-shop", page="/logbook/stats", span=2),
    Bug("ka-chunk-shop", "walls-web", (Exc("ChunkLoadError", "Loading chunk 914 failed.\n(error: {chunkurl})", (*JSONP,)),),
        (see("sentry.error", 2, browser="chrome", chunk="914", release=1, mechanism="onunhandledrejection"), see("sentry.error", browser="edge", chunk="914", release=2, mechanism="onunhandledrejection"), see("posthog", browser="safari", chunk="914", release=2)),
        classes=(3, 4, 5), pair="ka-chunk-stats", page="/shop/gift-cards", span=2),
    # Singles.
    Bug("ka-membership-fetch", "walls-web", (Exc("Error", "GET /api/memberships/me failed: 502", (*EFFECT, src("membership/useMembership.ts", "load", 22, 13), src("lib/http.ts", "getJson", 17, 11))),),
        four("onunhandledrejection"), classes=(3,), page="/account/membership"),
    Bug("ka-update-depth", "walls-web", (Exc("Error", "Minified React error #301; visit https://reactjs.org/docs/error-decoder.html?invariant=301 for the full message or use the non-minified dev environment for full errors and additional helpful warnings.", (*RENDER, src("booking/WaiverGate.tsx", "WaiverGate", 33, 7))),),
        four("generic", ph=1), classes=(3,), page="/book/{slug}/waiver"),
    Bug("ka-storage-private", "walls-web", (Exc("SecurityError", "The operation is insecure.", (*EFFECT, src("lib/persist.ts", "saveBasket", 9, 20))),),
        (see("sentry.error", 2, browser="safari", chunk="main", release=1, mechanism="onerror"), see("posthog", 2, browser="safari", chunk="main", release=2)),
        classes=(10,), page="/basket"),
    Bug("ka-camera-denied", "walls-web", (Exc("NotAllowedError", "Permission denied", (*CLICK, src("checkin/QrScanner.tsx", "startScan", 26, 15)), engines={"spidermonkey": "The request is not allowed by the user agent or the platform in the current context.", "jsc": "The request is not allowed by the user agent or the platform in the current context, possibly because the user denied permission."}),),
        phones("onunhandledrejection"), classes=(3,), page="/check-in"),
    Bug("ka-resize-singleton", "walls-web", (Exc("Error", "ResizeObserver loop completed with undelivered notifications.", ()),),
        (see("sentry.error", browser="chrome", chunk="main", release=2, mechanism="onerror"),), singleton=True, page="/logbook"),
]

SEATHWAITE = Company(
    key="ka",
    name="Seathwaite Climbing",
    domain="seathwaite-climbing.example",
    sentry_org="seathwaite-climbing",
    splunk_url="https://seathwaite.splunkcloud.com",
    splunk_guid="4E9B2C71-A6D3-4F58-B1E0-7C3A95D2F016",
    datadog_org=("944030", "Seathwaite Climbing"),
    datadog_template="recommended",
    posthog_project=(94403, "Booking web"),
    releases=("2026.03.0", "2026.03.1", "2026.03.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=[],
    sentry_secret="seathwaite-sentry-client-secret",
)
# fmt: on
