"""(jr) Oxenholme Steam Railway, a heritage line's ticketing site: a React 18 SPA with React
Router 6's data router (``loader``s fetching through one ``api`` helper, an ``errorElement``
per route), built by Vite 5 into one entry chunk ``/assets/index-<hash>.js`` with React DOM,
the router and the app minified together (the gift shop the one lazy route,
``/assets/Shop-<hash>.js``); every release changes the hashes and the minified names.
Timetables, seat maps for the dining coaches, railcards and group discounts, gift vouchers.

Sentry: @sentry/react 8 (``Sentry.ErrorBoundary`` around the layout, the route
``errorElement`` calling ``captureException(useRouteError())``, the global handlers for the
rest); source maps uploaded for every release but the first. PostHog: posthog-js with
exception autocapture. Chrome, Edge, Firefox and Safari (iPhones at the platform). No server
of its own here, so no Splunk and no Datadog.
"""

# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Service, see
from ..stacks import js

# fmt: off
SERVICES = {
    "tickets-web": Service("tickets-web", "javascript", "", "", "", "", 9130617, origin="https://tickets.oxenholme-steam.example", framework="onerror", sdk=("sentry.javascript.react", "8.38.0", "npm:@sentry/react")),
}
DOM = "node_modules/react-dom/cjs/react-dom.production.min.js"
ROUTER = "node_modules/@remix-run/router/dist/router.js"
# React DOM minified into the entry chunk: an event handler, a render, a passive effect.
CLICK = (
    js(DOM, "Rb", 54, 317, "index", lib=True),
    js(DOM, "Xb", 54, 471, "index", lib=True),
    js(DOM, "Yb", 55, 35, "index", lib=True),
)
RENDER = (
    js(DOM, "Uk", 292, 39, "index", lib=True),
    js(DOM, "Kk", 275, 11, "index", lib=True),
    js(DOM, "Wh", 157, 137, "index", lib=True),
)
EFFECT = (
    js(DOM, "Fk", 274, 198, "index", lib=True),
    js(DOM, "Rj", 254, 230, "index", lib=True),
)
LOADER = (
    js(ROUTER, "callLoaderOrAction", 3982, 22, "index", lib=True),
    js(ROUTER, "loadRouteData", 1905, 28, "index", lib=True),
)


def src(file: str, fn: str, line: int, col: int, chunk: str = "index") -> Frame:
    return js(f"src/{file}", fn, line, col, chunk)


API = src("lib/api.ts", "api", 27, 11)
FORMAT = "lib/time.ts"


def four(mech: str = "onerror", chrome: int = 2, ph: int = 2, first: int = 0, chunk: str = "index") -> tuple:
    """Sentry from Chrome, Firefox and Safari; PostHog from Chrome and Edge."""
    return (
        see("sentry.error", chrome, browser="chrome", chunk=chunk, release=first, mechanism=mech, **({"sourcemaps": False} if first == 0 else {})),
        see("sentry.error", browser="firefox", chunk=chunk, release=first + 1, mechanism=mech),
        see("sentry.error", browser="safari", chunk=chunk, release=2, mechanism=mech),
        see("posthog", ph, browser="chrome", chunk=chunk, release=first + 1),
        see("posthog", browser="edge", chunk=chunk, release=2),
    )


def platform(mech: str = "onerror", chunk: str = "index") -> tuple:
    """Phones on the platform: Safari mostly, Sentry's first release without source maps."""
    return (
        see("sentry.error", browser="safari", chunk=chunk, release=0, mechanism=mech, sourcemaps=False),
        see("sentry.error", 2, browser="safari", chunk=chunk, release=1, mechanism=mech),
        see("sentry.error", browser="edge", chunk=chunk, release=2, mechanism=mech),
        see("posthog", 2, browser="safari", chunk=chunk, release=1),
        see("posthog", browser="chrome", chunk=chunk, release=2, resolved=True),
    )


BUGS = [
    # The same read of coach.seats: the seat map's render, and the dining booking's effect.
    Bug("jr-seatmap-seats-undefined", "tickets-web", (Exc("TypeError", frames=(*RENDER, src("features/seats/SeatMap.tsx", "SeatMap", 41, 29)), js=JsError("read-undefined", "coach.seats", "filter")),),
        four("generic"), classes=(3, 4, 5), pair="jr-dining-seats-undefined", page="/journeys/oxenholme-to-haverthwaite/seats", span=2),
    Bug("jr-dining-seats-undefined", "tickets-web", (Exc("TypeError", frames=(*EFFECT, src("features/dining/DiningBooking.tsx", "DiningBooking", 66, 17), src("features/dining/tables.ts", "freeTables", 9, 24)), js=JsError("read-undefined", "coach.seats", "filter")),),
        platform("generic"), classes=(3, 4), pair="jr-seatmap-seats-undefined", page="/dining/sunday-lunch"),
    # Two click handlers calling what is not a function.
    Bug("jr-railcard-not-fn", "tickets-web", (Exc("TypeError", frames=(*CLICK, src("features/basket/RailcardPicker.tsx", "onSelect", 52, 9)), js=JsError("not-function", "basket.applyRailcard", "applyRailcard", "(t.code)")),),
        four(), classes=(3, 4), pair="jr-voucher-not-fn", page="/basket"),
    Bug("jr-voucher-not-fn", "tickets-web", (Exc("TypeError", frames=(*CLICK, src("features/vouchers/RedeemVoucher.tsx", "onRedeem", 31, 13)), js=JsError("not-function", "vouchers.redeem", "redeem", "(n)")),),
        platform(), classes=(3, 4), pair="jr-railcard-not-fn", page="/vouchers/redeem"),
    # Two route loaders failing through the one api helper, caught by the errorElement.
    Bug("jr-timetable-loader-503", "tickets-web", (Exc("ApiError", "GET /api/timetable?date={date} responded 503 Service Unavailable", (*LOADER, src("routes/timetable.tsx", "loader", 14, 10), API)),),
        four("generic", chrome=3), classes=(2, 9), pair="jr-journey-loader-404", page="/timetable"),
    Bug("jr-journey-loader-404", "tickets-web", (Exc("ApiError", "GET /api/journeys/{id} responded 404 Not Found", (*LOADER, src("routes/journey.tsx", "loader", 21, 10), API)),),
        platform("generic"), classes=(2, 9), pair="jr-timetable-loader-503", page="/journeys/1932"),
    # Invalid departure times through one formatter, from two components.
    Bug("jr-departure-time-invalid", "tickets-web", (Exc("RangeError", "Invalid time value", (*RENDER, src("features/timetable/DepartureRow.tsx", "DepartureRow", 18, 35), src(FORMAT, "formatDeparture", 11, 14)), engines={"spidermonkey": "invalid date", "jsc": "Invalid Date"}),),
        four(), classes=(3,), pair="jr-ticket-time-invalid", page="/timetable"),
    Bug("jr-ticket-time-invalid", "tickets-web", (Exc("RangeError", "Invalid time value", (*RENDER, src("features/account/TicketCard.tsx", "TicketCard", 27, 22), src(FORMAT, "formatDeparture", 11, 14)), engines={"spidermonkey": "invalid date", "jsc": "Invalid Date"}),),
        platform(), classes=(3,), pair="jr-departure-time-invalid", page="/account/tickets"),
    # One group discount function, two exceptions.
    Bug("jr-group-rules-null", "tickets-web", (Exc("TypeError", frames=(*CLICK, src("features/basket/GroupToggle.tsx", "onChange", 24, 7), src("features/basket/discounts.ts", "groupDiscount", 15, 26)), js=JsError("read-null", "fare.groupRules", "minPeople")),),
        four(ph=1), classes=(3, 4), pair="jr-group-currency", page="/basket"),
    Bug("jr-group-currency", "tickets-web", (Exc("RangeError", "Invalid currency code : gbp", (*CLICK, src("features/basket/GroupToggle.tsx", "onChange", 24, 7), src("features/basket/discounts.ts", "groupDiscount", 29, 19)), engines={"spidermonkey": "invalid currency code in NumberFormat(): gbp", "jsc": "currency is not a well-formed currency code"}),),
        four(chrome=1), classes=(3, 4), pair="jr-group-rules-null", page="/basket"),
    # Singles.
    Bug("jr-shop-chunk-load", "tickets-web", (Exc("TypeError", "Failed to fetch dynamically imported module: https://tickets.oxenholme-steam.example/assets/Shop-{hex}.js", (*LOADER, src("router.tsx", "lazy", 44, 19)), engines={"spidermonkey": "error loading dynamically imported module: https://tickets.oxenholme-steam.example/assets/Shop-{hex}.js", "jsc": "Importing a module script failed."}),),
        four("onunhandledrejection", first=1), classes=(3, 5), page="/shop", span=2),
    Bug("jr-update-depth", "tickets-web", (Exc("Error", "Minified React error #185; visit https://reactjs.org/docs/error-decoder.html?invariant=185 for the full message or use the non-minified dev environment for full errors and additional helpful warnings.", (*EFFECT, src("features/timetable/DateStrip.tsx", "DateStrip", 37, 5))),),
        four("generic", ph=1), classes=(3,), page="/timetable"),
    Bug("jr-navigate-outside-router", "tickets-web", (Exc("Error", "useNavigate() may be used only in the context of a <Router> component.", (*RENDER, src("components/SessionExpiredModal.tsx", "SessionExpiredModal", 12, 20), js("node_modules/react-router/dist/index.js", "useNavigate", 432, 5, "index", lib=True))),),
        platform("generic"), classes=(3,), page="/account"),
    Bug("jr-applepay-not-allowed", "tickets-web", (Exc("InvalidAccessError", "Must create a new ApplePaySession from a user gesture handler.", (*EFFECT, src("features/checkout/ApplePayButton.tsx", "ApplePayButton", 48, 21))),),
        (see("sentry.error", 2, browser="safari", chunk="index", release=1, mechanism="onerror"), see("sentry.error", browser="safari", chunk="index", release=2, mechanism="onerror"), see("posthog", 2, browser="safari", chunk="index", release=2)),
        classes=(10,), page="/checkout"),
    Bug("jr-storage-singleton", "tickets-web", (Exc("QuotaExceededError", "Failed to execute 'setItem' on 'Storage': Setting the value of 'oxr.basket' exceeded the quota.", (*EFFECT, src("features/basket/persist.ts", "saveBasket", 8, 16)), engines={"spidermonkey": "The quota has been exceeded.", "jsc": "The quota has been exceeded."}),),
        (see("sentry.error", browser="firefox", chunk="index", release=2, mechanism="onerror"),), singleton=True, page="/basket"),
]

OXENHOLME = Company(
    key="jr",
    name="Oxenholme Steam Railway",
    domain="oxenholme-steam.example",
    sentry_org="oxenholme-steam",
    splunk_url="https://oxenholme.splunkcloud.com",
    splunk_guid="6B2D9E41-3C70-4A58-8F19-E0A47C5B2D93",
    datadog_org=("931103", "Oxenholme Steam Railway"),
    datadog_template="recommended",
    posthog_project=(91103, "Tickets web"),
    releases=("2026.03.0", "2026.03.1", "2026.03.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=[],
    sentry_secret="oxenholme-sentry-client-secret",
)
# fmt: on
