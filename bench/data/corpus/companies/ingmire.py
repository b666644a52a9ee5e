"""(hj) Ingmire Campsites, pitch and glamping bookings: a SvelteKit 2 app (Svelte 5) built
with adapter-node and run as ``node build`` on Node 20 in containers (``site``: ``+page.server.ts``
loads and form actions, ``+server.ts`` endpoints, one ``pitchApi`` helper in ``src/lib/server``
calling the bookings backend), and the same app hydrated in the browser (``web``: Vite
chunks under ``/_app/immutable/{nodes,chunks,entry}/<name>.<hash>.js``).

Server logs on stdout: the team's ``handleError`` in ``src/hooks.server.ts`` (wrapped by
``Sentry.handleErrorWithSentry``) prints ``[handleError] <status> <method> <path> errorId=<id>``
and the error, whose stack Node prints with the ``file://`` URLs of the hashed
``build/server/chunks/*.js``; before the hook shipped (the first release) SvelteKit's default
handler printed the error alone. Sentry: @sentry/sveltekit on the server (source maps uploaded)
and in the browser (one release without source maps). PostHog: posthog-js in Chrome, Edge,
Firefox and Safari (raw minified frames; some events resolved). Datadog: log monitors on the
server's stdout, pasting ``{{log.message}}``. No Splunk.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import js, nd

# fmt: off
SDK = ("sentry.javascript.sveltekit", "8.47.0", "npm:@sentry/sveltekit")
SERVICES = {
    "site": Service("site", "node", "hj-sveltekit-hook", "", "", "", 9210330, "node v20.18.1", framework="sveltekit", sdk=SDK),
    "web": Service("web", "javascript", "", "", "", "", 9210333, origin="https://book.ingmire.example", framework="onerror", sdk=SDK),
}
KIT = "node_modules/@sveltejs/kit/src/runtime/server/"
LOAD = (
    nd(KIT + "respond.js", "respond", 327, 22, lib=True, awaited=True),
    nd(KIT + "respond.js", "resolve", 514, 11, lib=True, awaited=True),
    nd(KIT + "page/index.js", "render_page", 118, 20, lib=True, awaited=True),
    nd(KIT + "page/load_data.js", "load_server_data", 61, 17, lib=True, awaited=True),
)
ACTION = (
    nd(KIT + "respond.js", "respond", 327, 22, lib=True, awaited=True),
    nd(KIT + "respond.js", "resolve", 514, 11, lib=True, awaited=True),
    nd(KIT + "page/index.js", "render_page", 72, 20, lib=True, awaited=True),
    nd(KIT + "page/actions.js", "handle_action_request", 170, 18, lib=True, awaited=True),
    nd(KIT + "page/actions.js", "call_action", 248, 9, lib=True, awaited=True),
)
ENDPOINT = (
    nd(KIT + "respond.js", "respond", 327, 22, lib=True, awaited=True),
    nd(KIT + "respond.js", "resolve", 514, 11, lib=True, awaited=True),
    nd(KIT + "endpoint.js", "render_endpoint", 43, 20, lib=True, awaited=True),
)
PITCH_API = nd("src/lib/server/pitch-api.ts", "pitchApi", 23, 11, awaited=True)


def route(file: str, fn: str, line: int, col: int) -> Frame:
    return nd(f"src/routes/{file}", fn, line, col, awaited=True)


# Svelte 5's delegated event handler and effects, bundled into the shared runtime chunk.
SV = "node_modules/svelte/src/internal/client/"
SV_CLICK = (
    js(SV + "dom/elements/events.js", "handle_event_propagation", 258, 20, "chunks/runtime", lib=True),
    js(SV + "dom/elements/events.js", "HTMLButtonElement.handler", 61, 11, "chunks/runtime", lib=True),
)
SV_EFFECT = (
    js(SV + "runtime.js", "flush_queued_effects", 620, 5, "chunks/runtime", lib=True),
    js(SV + "runtime.js", "update_effect", 455, 20, "chunks/runtime", lib=True),
)

READ_PRICE = "Cannot read properties of undefined (reading 'nightly')"
DD = {"team": "web", "monitor": "site server errors", "filter": "service:site status:error", "style": "sample"}
DD_LONG = {"team": "web", "monitor": "site server errors", "filter": "service:site status:error", "text": "{{log.service}} logged an error on {{host.name}}:\n\n```\n{{log.message}}\n```", "sample_lines": 12}
DEFAULT = {"default": True, "release": 0}

BUGS = [
    # The same V8 TypeError in two server loads: a pitch's or an extra's price is missing.
    Bug("hj-pitch-load-price", "site", (Exc("TypeError", READ_PRICE, (*LOAD, route("sites/[site]/pitches/[pitch]/+page.server.ts", "load", 19, 37), nd("src/lib/server/pricing.ts", "nightlyTotal", 12, 29))),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("datadog.log", **DD), see("datadog.log", **DEFAULT, **DD_LONG)),
        classes=(4, 5), pair="hj-extras-load-price", entry="GET /sites/{site}/pitches/{pitch}", span=3, renames={"nightlyTotal": "totalForNights"}),
    Bug("hj-extras-load-price", "site", (Exc("TypeError", READ_PRICE, (*LOAD, route("book/[id]/extras/+page.server.ts", "load", 27, 44), nd("src/lib/server/extras.ts", "priceExtras", 33, 21))),),
        (see("sentry.error", 3), see("sentry.issue"), see("datadog.log", 2, **DD)),
        classes=(4,), pair="hj-pitch-load-price", entry="GET /book/{id}/extras"),
    # One backend helper failing for two callers.
    Bug("hj-hold-502", "site", (Exc("Error", "pitchApi POST /holds failed: 502 Bad Gateway", (*ACTION, route("book/[id]/+page.server.ts", "default", 41, 22), PITCH_API)),),
        (see("sentry.error", 3), see("datadog.log", 2, **DD)),
        classes=(9,), pair="hj-availability-504", entry="POST /book/{id}"),
    Bug("hj-availability-504", "site", (Exc("Error", "pitchApi GET /availability failed: 504 Gateway Timeout", (*ENDPOINT, route("api/availability/+server.ts", "GET", 14, 26), nd("src/lib/server/availability.ts", "forRange", 9, 18, awaited=True), PITCH_API)),),
        (see("sentry.error", 3), see("datadog.log", **DD), see("datadog.log", **DD_LONG)),
        classes=(9,), pair="hj-hold-502", entry="GET /api/availability"),
    # One form action, two different exceptions.
    Bug("hj-checkout-date", "site", (Exc("RangeError", "Invalid time value", (*ACTION, route("book/[id]/checkout/+page.server.ts", "pay", 36, 30), nd("src/lib/dates.ts", "toIsoDay", 7, 22))),),
        (see("sentry.error", 2), see("datadog.log", 2, **DD)),
        classes=(4,), pair="hj-checkout-stripe", entry="POST /book/{id}/checkout"),
    Bug("hj-checkout-stripe", "site", (Exc("StripeInvalidRequestError", "Amount must be at least £0.30 gbp", (*ACTION, route("book/[id]/checkout/+page.server.ts", "pay", 44, 41), nd("node_modules/stripe/esm/RequestSender.js", "RequestSender._handleError", 91, 23, lib=True))),),
        (see("sentry.error", 2), see("sentry.alert", rule="Stripe errors on site"), see("datadog.log", 2, **DD_LONG)),
        classes=(4,), pair="hj-checkout-date", entry="POST /book/{id}/checkout"),
    # The pitch map's click handler read from undefined, in each engine's words; and the same
    # property read in the season calendar's effect.
    Bug("hj-map-select", "web", (Exc("TypeError", frames=(*SV_CLICK, js("src/lib/components/PitchMap.svelte", "selectPitch", 88, 17, "nodes/7")), js=JsError("read-undefined", "pitch.geometry", "center")),),
        (see("posthog", browser="chrome", chunk="nodes/7"), see("posthog", browser="firefox", chunk="nodes/7"), see("posthog", browser="safari", chunk="nodes/7"), see("posthog", browser="edge", chunk="nodes/7", release=1, resolved=True), see("sentry.error", browser="chrome", chunk="nodes/7")),
        classes=(3, 4), pair="hj-map-effect", page="/sites/{site}"),
    Bug("hj-map-effect", "web", (Exc("TypeError", frames=(*SV_EFFECT, js("src/lib/components/PitchMap.svelte", "fitToSite", 51, 23, "nodes/7")), js=JsError("read-undefined", "site.bounds", "center")),),
        (see("posthog", 2, browser="chrome", chunk="nodes/7"), see("posthog", browser="safari", chunk="nodes/7"), see("sentry.error", browser="firefox", chunk="nodes/7"), see("sentry.error", browser="chrome", chunk="nodes/7", release=1, sourcemaps=False)),
        classes=(3, 4), pair="hj-map-select", page="/sites/{site}"),
    # Two calendar bugs: an invalid date, and a function that is not there.
    Bug("hj-calendar-invalid", "web", (Exc("RangeError", "Invalid time value", (*SV_EFFECT, js("src/lib/components/StayCalendar.svelte", "render_month", 64, 15, "nodes/9"), js("src/lib/dates.ts", "monthLabel", 18, 30, "nodes/9")), engines={"spidermonkey": "invalid date", "jsc": "Invalid Date"}),),
        (see("posthog", browser="chrome", chunk="nodes/9"), see("posthog", browser="firefox", chunk="nodes/9"), see("posthog", browser="safari", chunk="nodes/9"), see("sentry.error", browser="safari", chunk="nodes/9")),
        classes=(3,), pair="hj-calendar-not-fn", page="/book/{id}/dates"),
    Bug("hj-calendar-not-fn", "web", (Exc("TypeError", frames=(*SV_CLICK, js("src/lib/components/StayCalendar.svelte", "pickDay", 102, 9, "nodes/9")), js=JsError("not-function", "range", "extendTo", "(e)")),),
        (see("posthog", 2, browser="chrome", chunk="nodes/9"), see("posthog", browser="edge", chunk="nodes/9"), see("posthog", browser="firefox", chunk="nodes/9"), see("sentry.error", browser="chrome", chunk="nodes/9")),
        classes=(3, 4), pair="hj-calendar-invalid", page="/book/{id}/dates"),
    # Not pairs.
    Bug("hj-chunk-load", "web", (Exc("TypeError", "Failed to fetch dynamically imported module: https://book.ingmire.example/_app/immutable/nodes/12.{hex}.js", (js("node_modules/@sveltejs/kit/src/runtime/client/client.js", "load_node", 611, 30, "entry/start", lib=True),), engines={"spidermonkey": "error loading dynamically imported module: https://book.ingmire.example/_app/immutable/nodes/12.{hex}.js", "jsc": "Importing a module script failed."}),),
        (see("posthog", browser="chrome", chunk="entry/start"), see("posthog", browser="firefox", chunk="entry/start"), see("posthog", browser="safari", chunk="entry/start"), see("sentry.error", browser="safari", chunk="entry/start")),
        classes=(3,), page="/account/bookings"),
    Bug("hj-gallery-null", "web", (Exc("TypeError", frames=(*SV_EFFECT, js("src/lib/components/Gallery.svelte", "observe", 29, 12, "nodes/7")), js=JsError("read-null", "viewport", "getBoundingClientRect")),),
        (see("posthog", 2, browser="chrome", chunk="nodes/7"), see("posthog", browser="safari", chunk="nodes/7"), see("sentry.error", browser="chrome", chunk="nodes/7")),
        classes=(3,), page="/sites/{site}"),
    Bug("hj-json-html", "site", (Exc("SyntaxError", 'Unexpected token \'<\', "<!DOCTYPE "... is not valid JSON', (*LOAD, route("sites/[site]/+page.server.ts", "load", 16, 31), nd("src/lib/server/cms.ts", "fetchSitePage", 24, 20))),),
        (see("sentry.error", 3), see("datadog.log", 2, **DD), see("datadog.log", **DEFAULT, **DD)),
        entry="GET /sites/{site}"),
    Bug("hj-pg-too-many", "site", (Exc("error", "sorry, too many clients already", (nd("node_modules/pg-pool/index.js", "", 45, 11, lib=True, awaited=True), nd("src/lib/server/db.ts", "query", 14, 18, awaited=True), route("account/bookings/+page.server.ts", "load", 11, 24))),),
        (see("sentry.error", 3), see("datadog.log", 2, **DD)),
        classes=(10,), entry="GET /account/bookings", span=2),
    Bug("hj-upload-limit", "site", (Exc("SvelteKitError", "Content-length of 12582912 exceeds limit of 524288 bytes.", (*ENDPOINT, route("api/reviews/photos/+server.ts", "POST", 12, 40), nd(KIT + "utils.js", "get_raw_body", 132, 11, lib=True))),),
        (see("sentry.error", 2), see("datadog.log", status=413, **DD_LONG)),
        entry="POST /api/reviews/photos"),
    Bug("hj-ical-singleton", "site", (Exc("TypeError", "Cannot read properties of null (reading 'toISOString')", (*ENDPOINT, route("api/bookings/[id]/calendar.ics/+server.ts", "GET", 21, 47))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /api/bookings/{id}/calendar.ics"),
]

NOISE = [
    Noise("hj-noise-deploy", "site", "datadog.event", {"monitor": "Deployed site 2026.11.3", "text": "site 2026.11.3 rolled out (2/2 containers healthy, node build).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "web"}),
    Noise("hj-noise-heartbeat", "site", "datadog.event", {"monitor": "site uptime", "text": "Synthetic test GET https://book.ingmire.example/health passed from 3 locations.", "priority": "P5", "event_type": "service_check", "alert_type": "success", "team": "web"}),
    Noise("hj-noise-recovered", "site", "datadog.log", {"monitor": "site server errors", "transition": "Recovered", "alert_type": "success", "team": "web", "filter": "service:site status:error", "text": "site server errors back under threshold."}),
]

INGMIRE = Company(
    key="hj",
    name="Ingmire Campsites",
    domain="ingmire.example",
    sentry_org="ingmire",
    splunk_url="",
    splunk_guid="",
    datadog_org=("904418", "Ingmire Campsites"),
    datadog_template="own",
    posthog_project=(152904, "Ingmire booking site"),
    releases=("2026.11.1", "2026.11.2", "2026.11.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="ingmire-sentry-client-secret",
)
# fmt: on
