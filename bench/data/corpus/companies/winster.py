"""(kg) Winster Playhouse, a village theatre's box office: a SvelteKit 2.5 app on Svelte 4.2,
built with adapter-node and run as ``node build`` on Node 20 (``boxoffice``: ``+page.server.ts``
and ``+layout.server.ts`` load functions, form actions, one ``ticketing`` helper in
``src/lib/server`` calling the ticketing vendor's API), and the same app hydrated in the
browser (``boxoffice-web``: Vite chunks under ``/_app/immutable/{nodes,chunks,entry}/``, Svelte
4's runtime in ``chunks/scheduler`` and ``chunks/index``).

Sentry: @sentry/sveltekit 7 on the server (``handleErrorWithSentry``, source maps uploaded) and
in the browser (one release shipped without source maps), with an issue alert on the server
project and a metric alert. PostHog: posthog-js (exception autocapture) in Chrome, Edge,
Firefox and Safari, raw minified frames, a few resolved. No logs shipped anywhere: the server's
stdout is only kept by the host. No Splunk, no Datadog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import js, nd

# fmt: off
SDK = ("sentry.javascript.sveltekit", "7.101.1", "npm:@sentry/sveltekit")
SERVICES = {
    "boxoffice": Service("boxoffice", "node", "", "", "", "", 7731840, "node v20.11.1", framework="sveltekit", sdk=SDK),
    "boxoffice-web": Service("boxoffice-web", "javascript", "", "", "", "", 7731841, origin="https://tickets.winsterplayhouse.example", framework="onerror", sdk=SDK),
}
KIT = "node_modules/@sveltejs/kit/src/runtime/server/"
LOAD = (
    nd(KIT + "respond.js", "respond", 274, 22, lib=True, awaited=True),
    nd(KIT + "respond.js", "resolve", 468, 11, lib=True, awaited=True),
    nd(KIT + "page/index.js", "render_page", 129, 20, lib=True, awaited=True),
    nd(KIT + "page/load_data.js", "load_server_data", 58, 17, lib=True, awaited=True),
)
ACTION = (
    nd(KIT + "respond.js", "respond", 274, 22, lib=True, awaited=True),
    nd(KIT + "respond.js", "resolve", 468, 11, lib=True, awaited=True),
    nd(KIT + "page/index.js", "render_page", 66, 20, lib=True, awaited=True),
    nd(KIT + "page/actions.js", "handle_action_request", 160, 18, lib=True, awaited=True),
    nd(KIT + "page/actions.js", "call_action", 241, 9, lib=True, awaited=True),
)
TICKETING = nd("src/lib/server/ticketing.ts", "ticketing", 31, 11, awaited=True)


def route(file: str, fn: str, line: int, col: int) -> Frame:
    return nd(f"src/routes/{file}", fn, line, col, awaited=True)


# Svelte 4: listeners are attached directly (``listen``), reactive statements run from the
# scheduler's flush.
SV = "node_modules/svelte/src/runtime/internal/"
SV_CLICK = (
    js(SV + "dom.js", "HTMLButtonElement.<anonymous>", 361, 41, "chunks/index", lib=True),
)
SV_FLUSH = (
    js(SV + "scheduler.js", "flush", 99, 5, "chunks/scheduler", lib=True),
    js(SV + "scheduler.js", "update", 135, 12, "chunks/scheduler", lib=True),
)
READ_SEATS = "Cannot read properties of undefined (reading 'seats')"
ISSUE_RULE = {"rule": "boxoffice: new server issue"}

BUGS = [
    # The same V8 TypeError in two server loads.
    Bug("kg-show-load-seats", "boxoffice", (Exc("TypeError", READ_SEATS, (*LOAD, route("shows/[slug]/[performance]/+page.server.ts", "load", 22, 41), nd("src/lib/server/seating.ts", "availableSeats", 14, 33))),),
        (see("sentry.error", 3), see("sentry.error", release=2), see("sentry.issue"), see("sentry.alert", **ISSUE_RULE)),
        classes=(4, 5), pair="kg-basket-load-seats", entry="GET /shows/{slug}/{performance}", span=3, renames={"availableSeats": "seatsAvailable"}),
    Bug("kg-basket-load-seats", "boxoffice", (Exc("TypeError", READ_SEATS, (*LOAD, route("basket/+page.server.ts", "load", 17, 29), nd("src/lib/server/basket.ts", "holdSummary", 40, 25))),),
        (see("sentry.error", 3), see("sentry.alert", **ISSUE_RULE)),
        classes=(4,), pair="kg-show-load-seats", entry="GET /basket"),
    # The ticketing helper at the end of two failures.
    Bug("kg-hold-502", "boxoffice", (Exc("Error", "Ticketing API POST /holds responded 502", (*ACTION, route("shows/[slug]/[performance]/+page.server.ts", "hold", 48, 27), TICKETING)),),
        (see("sentry.error", 3), see("sentry.issue"), see("sentry.alert", **ISSUE_RULE)),
        classes=(9,), pair="kg-season-504", entry="POST /shows/{slug}/{performance}?/hold"),
    Bug("kg-season-504", "boxoffice", (Exc("Error", "Ticketing API GET /seasons/current responded 504", (*LOAD, route("+layout.server.ts", "load", 9, 30), nd("src/lib/server/season.ts", "currentSeason", 6, 18, awaited=True), TICKETING)),),
        (see("sentry.error", 4), see("sentry.alert", **ISSUE_RULE)),
        classes=(9,), pair="kg-hold-502", entry="GET /"),
    # One checkout action, two exceptions.
    Bug("kg-checkout-json", "boxoffice", (Exc("SyntaxError", 'Unexpected token \'<\', "<!DOCTYPE "... is not valid JSON', (*ACTION, route("checkout/+page.server.ts", "default", 33, 38), nd("node_modules/undici/lib/fetch/body.js", "parseJSONFromBytes", 595, 15, lib=True))),),
        (see("sentry.error", 3), see("sentry.issue")),
        classes=(4,), pair="kg-checkout-date", entry="POST /checkout"),
    Bug("kg-checkout-date", "boxoffice", (Exc("RangeError", "Invalid time value", (*ACTION, route("checkout/+page.server.ts", "default", 41, 52), nd("src/lib/dates.ts", "toIsoDate", 11, 21))),),
        (see("sentry.error", 2), see("sentry.alert", **ISSUE_RULE)),
        classes=(4,), pair="kg-checkout-json", entry="POST /checkout"),
    # The CMS fetch failing (undici's "fetch failed" over a refused connection), two releases.
    Bug("kg-cms-fetch", "boxoffice", (Exc("Error", "connect ECONNREFUSED 10.20.3.14:443", (nd("node:net", "TCPConnectWrap.afterConnect [as oncomplete]", 1595, 16, lib=True),)), Exc("TypeError", "fetch failed", (*LOAD, route("whats-on/+page.server.ts", "load", 12, 24), nd("src/lib/server/cms.ts", "pages", 19, 20, awaited=True), nd("node:internal/deps/undici/undici", "fetch", 12345, 11, lib=True)))),
        (see("sentry.error", 2), see("sentry.error", release=2), see("sentry.issue")),
        classes=(5,), entry="GET /whats-on", span=3),
    # The seat map: one property read in two components, in each engine's words.
    Bug("kg-seatmap-price", "boxoffice-web", (Exc("TypeError", frames=(*SV_CLICK, js("src/lib/components/SeatMap.svelte", "click_handler", 74, 19, "nodes/6")), js=JsError("read-undefined", "seat.band", "price")),),
        (see("posthog", browser="chrome", chunk="nodes/6"), see("posthog", browser="safari", chunk="nodes/6"), see("posthog", browser="firefox", chunk="nodes/6"), see("posthog", browser="edge", chunk="nodes/6", release=1, resolved=True), see("sentry.error", browser="chrome", chunk="nodes/6")),
        classes=(3, 4), pair="kg-summary-price", page="/shows/{slug}/{performance}"),
    Bug("kg-summary-price", "boxoffice-web", (Exc("TypeError", frames=(*SV_FLUSH, js("src/lib/components/BasketSummary.svelte", "$$self.$$.update", 21, 30, "nodes/8")), js=JsError("read-undefined", "seat.band", "price")),),
        (see("posthog", 2, browser="chrome", chunk="nodes/8"), see("posthog", browser="firefox", chunk="nodes/8"), see("sentry.error", browser="safari", chunk="nodes/8"), see("sentry.error", browser="chrome", chunk="nodes/8", release=1, sourcemaps=False)),
        classes=(3, 4), pair="kg-seatmap-price", page="/basket"),
    # One date helper under two components.
    Bug("kg-showcard-date", "boxoffice-web", (Exc("RangeError", "Invalid time value", (*SV_FLUSH, js("src/lib/components/ShowCard.svelte", "create_fragment", 38, 22, "nodes/2"), js("src/lib/dates.ts", "formatShowDate", 8, 14, "chunks/dates")), engines={"spidermonkey": "invalid date", "jsc": "Invalid Date"}),),
        (see("posthog", browser="chrome", chunk="nodes/2"), see("posthog", browser="firefox", chunk="nodes/2"), see("posthog", browser="safari", chunk="nodes/2"), see("sentry.error", browser="chrome", chunk="nodes/2")),
        classes=(3, 9), pair="kg-picker-date", page="/whats-on"),
    Bug("kg-picker-date", "boxoffice-web", (Exc("RangeError", "Invalid time value", (*SV_CLICK, js("src/lib/components/PerformancePicker.svelte", "select", 57, 9, "nodes/5"), js("src/lib/dates.ts", "formatShowDate", 8, 14, "chunks/dates")), engines={"spidermonkey": "invalid date", "jsc": "Invalid Date"}),),
        (see("posthog", 2, browser="chrome", chunk="nodes/5"), see("posthog", browser="safari", chunk="nodes/5"), see("sentry.error", browser="firefox", chunk="nodes/5")),
        classes=(3, 9), pair="kg-showcard-date", page="/shows/{slug}"),
    # One seat-map function, two exceptions.
    Bug("kg-zoom-null", "boxoffice-web", (Exc("TypeError", frames=(*SV_CLICK, js("src/lib/components/SeatMap.svelte", "zoomTo", 112, 23, "nodes/6")), js=JsError("read-null", "svgEl", "getBBox")),),
        (see("posthog", browser="chrome", chunk="nodes/6"), see("posthog", browser="edge", chunk="nodes/6"), see("posthog", browser="safari", chunk="nodes/6"), see("sentry.error", browser="chrome", chunk="nodes/6")),
        classes=(3, 4), pair="kg-zoom-not-fn", page="/shows/{slug}/{performance}"),
    Bug("kg-zoom-not-fn", "boxoffice-web", (Exc("TypeError", frames=(*SV_CLICK, js("src/lib/components/SeatMap.svelte", "zoomTo", 118, 11, "nodes/6")), js=JsError("not-function", "panzoom", "smoothZoom", "(t,n)")),),
        (see("posthog", 2, browser="chrome", chunk="nodes/6"), see("posthog", browser="firefox", chunk="nodes/6"), see("sentry.error", browser="edge", chunk="nodes/6")),
        classes=(3, 4), pair="kg-zoom-null", page="/shows/{slug}/{performance}"),
    # Not pairs.
    Bug("kg-chunk-load", "boxoffice-web", (Exc("TypeError", "Failed to fetch dynamically imported module: https://tickets.winsterplayhouse.example/_app/immutable/nodes/6.{hex}.js", (js("node_modules/@sveltejs/kit/src/runtime/client/client.js", "load_node", 573, 30, "entry/start", lib=True),), engines={"spidermonkey": "error loading dynamically imported module: https://tickets.winsterplayhouse.example/_app/immutable/nodes/6.{hex}.js", "jsc": "Importing a module script failed."}),),
        (see("posthog", browser="chrome", chunk="entry/start"), see("posthog", browser="firefox", chunk="entry/start"), see("posthog", browser="safari", chunk="entry/start"), see("posthog", browser="edge", chunk="entry/start", release=2), see("sentry.error", browser="safari", chunk="entry/start")),
        classes=(3, 5), page="/shows/{slug}/{performance}", span=3),
    Bug("kg-basket-fetch", "boxoffice-web", (Exc("TypeError", "Failed to fetch", (js("src/lib/stores/basket.ts", "addSeats", 27, 24, "chunks/basket"),), engines={"spidermonkey": "NetworkError when attempting to fetch resource.", "jsc": "Load failed"}),),
        (see("posthog", browser="chrome", chunk="chunks/basket"), see("posthog", browser="firefox", chunk="chunks/basket"), see("posthog", browser="safari", chunk="chunks/basket"), see("sentry.error", browser="chrome", chunk="chunks/basket")),
        classes=(3,), page="/shows/{slug}/{performance}"),
    Bug("kg-gift-aid-null", "boxoffice-web", (Exc("TypeError", frames=(*SV_FLUSH, js("src/lib/components/GiftAidForm.svelte", "$$self.$$.update", 44, 35, "nodes/9")), js=JsError("read-null", "address", "postcode")),),
        (see("posthog", 2, browser="chrome", chunk="nodes/9"), see("posthog", browser="safari", chunk="nodes/9"), see("sentry.error", browser="chrome", chunk="nodes/9")),
        classes=(3,), page="/checkout"),
    Bug("kg-singleton-ics", "boxoffice", (Exc("TypeError", "Cannot read properties of null (reading 'toISOString')", (*LOAD, route("account/tickets/+page.server.ts", "load", 26, 49))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /account/tickets"),
]

NOISE = [
    Noise("kg-noise-resolved", "boxoffice", "sentry.metric", {"rule": "boxoffice errors per 10 minutes", "aggregate": "count()", "action": "resolved", "value": "{n}"}),
    Noise("kg-noise-crashfree", "boxoffice-web", "sentry.metric", {"rule": "boxoffice-web error rate", "aggregate": "count()", "action": "resolved", "value": "{n}"}),
]

WINSTER = Company(
    key="kg",
    name="Winster Playhouse",
    domain="winsterplayhouse.example",
    sentry_org="winster-playhouse",
    splunk_url="",
    splunk_guid="",
    datadog_org=("0", ""),
    datadog_template="recommended",
    posthog_project=(70315, "Winster box office"),
    releases=("2026.3.2", "2026.3.3", "2026.4.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="winster-sentry-client-secret",
)
# fmt: on
