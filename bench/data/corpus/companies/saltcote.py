"""(ce) Saltcote Climbing, a chain of bouldering and rope walls: a Hono 4 API on Node 22
(``booking-api``: sessions, bookings, memberships, waivers, partner webhooks; TypeScript
compiled to CommonJS under ``dist/`` by tsup, served by ``@hono/node-server``; Drizzle ORM
over node-postgres) and a SolidJS member app built by Vite (``wall-app``,
``/assets/chunk-<HASH>.js``).

Sentry: @sentry/node 9, ``Sentry.captureException`` in the app's ``onError`` (so handled),
@sentry/solid in the member app. PostHog: posthog-node's ``captureException`` in the same
``onError`` (raw compiled frames; one release resolved) and posthog-js exception autocapture
in the member app. Splunk: the container's stdout and stderr (``onError`` calls
``console.error(err)``, so Node's ``util.inspect`` of the error: the stack, the error's own
properties and its ``[cause]`` in braces; the app's own ``console.log`` lines). No Datadog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import NODE_TICKS, js, nd

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "booking-api": Service("booking-api", "node", "ce-hono-console", "saltcote:api:console", "/var/log/containers/booking-api.log", "saltcote_prod", 9102231, "node v22.11.0", framework="generic", sdk=("sentry.javascript.node", "9.12.0", "npm:@sentry/node")),
    "wall-app": Service("wall-app", "javascript", "", "", "", "", 9102235, origin="https://app.saltcote.example", framework="onerror", sdk=("sentry.javascript.solid", "9.12.0", "npm:@sentry/solid")),
}

# @hono/node-server handing the request to Hono's composed middleware (logger, then the route).
HONO = (
    nd("node_modules/@hono/node-server/dist/index.js", "responseViaResponseObject", 405, 13, lib=True, awaited=True),
    nd("node_modules/hono/dist/cjs/compose.js", "dispatch", 51, 17, lib=True, awaited=True),
    nd("node_modules/hono/dist/cjs/middleware/logger/index.js", "logger2", 64, 5, lib=True, awaited=True),
    nd("node_modules/hono/dist/cjs/compose.js", "dispatch", 51, 17, lib=True, awaited=True),
)


def route(file: str, line: int, col: int, *inner: Frame) -> tuple[Frame, ...]:
    """A route's handler: an anonymous async arrow (``app.post('/', async (c) => ...)``)."""
    return (*HONO, nd(f"src/routes/{file}.ts", "", line, col, awaited=True), *inner)


DRIZZLE_SESSION = nd("node_modules/drizzle-orm/node-postgres/session.cjs", "", 101, 22, lib=True, awaited=True)
QUERY_WITH_CACHE = "NodePgPreparedQuery.queryWithCache"


def drizzle_failed(outer: tuple[Frame, ...], query: str, params: str, cause_type: str, cause_value: str, cause_frames: tuple[Frame, ...], cause_props: str) -> tuple[Exc, Exc]:
    """drizzle-orm 0.44's ``DrizzleQueryError`` (it keeps ``Error`` as its name) over the
    driver's error; ``console.error`` shows its ``query``/``params`` and the ``[cause]``."""
    cause = Exc(cause_type, cause_value, (*outer, DRIZZLE_SESSION, nd("node_modules/drizzle-orm/pg-core/session.cjs", QUERY_WITH_CACHE, 39, 16, lib=True, awaited=True), NODE_TICKS, *cause_frames), engines={"props": cause_props})
    thrown = Exc("Error", f"Failed query: {query}\nparams: {params}", (*outer, DRIZZLE_SESSION, nd("node_modules/drizzle-orm/pg-core/session.cjs", QUERY_WITH_CACHE, 41, 15, lib=True)), engines={"props": f"query: '{query}',\nparams: [ {_inspect_params(params)} ]"})
    return cause, thrown


def _inspect_params(params: str) -> str:
    """``util.inspect`` of the params array: numbers bare, strings quoted (``{slot}`` ids are numbers)."""
    return ", ".join(p if p.isdigit() or p.startswith("{") else f"'{p}'" for p in params.split(","))


PG_CLIENT = (nd("node_modules/pg/lib/client.js", "", 545, 17, lib=True),)


def pg_unique(table: str, constraint: str, key: str) -> tuple[str, str]:
    """node-postgres's ``DatabaseError`` (its name is ``error``) and its own properties."""
    value = f'duplicate key value violates unique constraint "{constraint}"'
    props = f"length: 2{'{idx}'}7,\nseverity: 'ERROR',\ncode: '23505',\ndetail: 'Key {key} already exists.',\nschema: 'public',\ntable: '{table}',\nconstraint: '{constraint}',\nfile: 'nbtinsert.c',\nline: '666',\nroutine: '_bt_check_unique'"
    return value, props


def unique(outer: tuple[Frame, ...], query: str, params: str, table: str, constraint: str, key: str) -> tuple[Exc, Exc]:
    value, props = pg_unique(table, constraint, key)
    return drizzle_failed(outer, query, params, "error", value, PG_CLIENT, props)


# Every partner call goes through one helper with an AbortSignal timeout: its frame ends both.
CALL_PARTNER = nd("src/lib/partners.ts", "callPartner", 19, 17, awaited=True)
UNDICI_TIMEOUT = (NODE_TICKS, nd("node:internal/deps/undici/undici", "", 13510, 13, lib=True))
ABORTED = "The operation was aborted due to timeout"
UNDEF_CAPACITY = "Cannot read properties of undefined (reading 'capacity')"
API = {"search": "booking-api stderr errors"}
BY_ROUTE = "booking-api 5xx by path (hono logger, 1h)"
APP = "index"
SOLID = (
    js("node_modules/solid-js/web/dist/web.js", "eventHandler", 813, 31, APP, lib=True),
)
SOLID_RENDER = (
    js("node_modules/solid-js/dist/solid.js", "runComputation", 742, 20, APP, lib=True),
    js("node_modules/solid-js/dist/solid.js", "updateComputation", 724, 3, APP, lib=True),
)

BOOKING_INSERT = 'insert into "bookings" ("id", "session_id", "member_id", "status", "created_at") values (default, $1, $2, $3, default) returning "id"'
MEMBERSHIP_INSERT = 'insert into "memberships" ("id", "member_id", "plan", "status", "starts_on") values (default, $1, $2, $3, $4) returning "id"'
SESSIONS_SELECT = 'select "id", "wall_id", "starts_at", "capacity" from "sessions" where ("sessions"."wall_id" = $1 and "sessions"."starts_at" >= $2) order by "sessions"."starts_at"'

BUGS = [
    # Two unique constraints behind one drizzle error: a double booking; a second active membership.
    Bug("ce-booking-dup", "booking-api", unique(route("bookings", 28, 24, nd("src/services/bookings.ts", "createBooking", 41, 9, awaited=True)), BOOKING_INSERT, "{id},{user},confirmed", "bookings", "bookings_session_member_uniq", "(session_id, member_id)=({id}, {user})"),
        (see("sentry.error", 3), see("sentry.issue"), see("posthog"), see("splunk", 2, **API), see("splunk", search=BY_ROUTE, stats={"method": "POST", "path": "/v1/bookings", "status": "500", "count": "{n}"})),
        classes=(4,), pair="ce-membership-dup", entry="POST /v1/bookings", handled=True),
    Bug("ce-membership-dup", "booking-api", unique(route("memberships", 33, 26, nd("src/services/memberships.ts", "startMembership", 58, 9, awaited=True)), MEMBERSHIP_INSERT, "{user},monthly-unlimited,active,2026-12-01", "memberships", "memberships_member_active_uniq", "(member_id)=({user})"),
        (see("sentry.error", 2), see("posthog", resolved=True, release=1), see("splunk", 2, **API)),
        classes=(4,), pair="ce-booking-dup", entry="POST /v1/memberships", handled=True),
    # V8's sentence in two routes: a session without its wall, read in two services.
    Bug("ce-availability-capacity", "booking-api", (Exc("TypeError", UNDEF_CAPACITY, route("sessions", 19, 22, nd("src/services/availability.ts", "computeSlots", 27, 31))),),
        (see("sentry.error", 2), see("sentry.error", release=1, sourcemaps=False), see("posthog", 2), see("splunk", 2, **API)),
        classes=(4, 5), pair="ce-waitlist-capacity", entry="GET /v1/walls/{wall_id}/sessions", span=2, handled=True),
    Bug("ce-waitlist-capacity", "booking-api", (Exc("TypeError", UNDEF_CAPACITY, route("waitlist", 44, 20, nd("src/services/waitlist.ts", "promoteNext", 63, 44))),),
        (see("sentry.error", 2), see("sentry.issue"), see("posthog"), see("splunk", 2, **API)),
        classes=(4,), pair="ce-availability-capacity", entry="POST /v1/sessions/{session_id}/waitlist/promote", handled=True),
    # Two partners' AbortSignal timeouts ending in one helper: GoCardless and the waiver signer.
    Bug("ce-gocardless-timeout", "booking-api", (Exc("TimeoutError", ABORTED, route("memberships", 36, 24, nd("src/services/memberships.ts", "chargeFirstPayment", 88, 20, awaited=True), CALL_PARTNER, *UNDICI_TIMEOUT)),),
        (see("sentry.error", 3), see("posthog"), see("splunk", 2, **API)),
        classes=(9,), pair="ce-waiver-timeout", entry="POST /v1/memberships", handled=True),
    Bug("ce-waiver-timeout", "booking-api", (Exc("TimeoutError", ABORTED, route("waivers", 21, 22, nd("src/services/waivers.ts", "signWaiver", 34, 18, awaited=True), CALL_PARTNER, *UNDICI_TIMEOUT)),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("posthog", resolved=True, release=1), see("splunk", 2, **API)),
        classes=(9,), pair="ce-gocardless-timeout", entry="POST /v1/waivers", span=2, handled=True),
    # The member app reading a session's instructor in two components.
    Bug("ce-js-session-card", "wall-app", (Exc("TypeError", frames=(*SOLID_RENDER, js("src/components/SessionCard.tsx", "SessionCard", 31, 42, APP)), js=JsError("read-undefined", "props.session.instructor", "name")),),
        (see("sentry.error", 2, browser="chrome", chunk=APP), see("sentry.error", browser="safari", chunk=APP, release=1), see("posthog", browser="firefox", chunk=APP), see("posthog", browser="chrome", chunk=APP, resolved=True, release=1)),
        classes=(3, 4), pair="ce-js-booking-summary", span=2, page="/sessions"),
    Bug("ce-js-booking-summary", "wall-app", (Exc("TypeError", frames=(*SOLID, js("src/components/BookingSummary.tsx", "onConfirm", 57, 18, APP)), js=JsError("read-undefined", "props.session.instructor", "name")),),
        (see("sentry.error", 2, browser="edge", chunk=APP), see("posthog", 2, browser="chrome", chunk=APP), see("posthog", browser="safari", chunk=APP)),
        classes=(3, 4), pair="ce-js-session-card", page="/book/{session_id}"),
    # One formatter, two exceptions: a route with no set date; a set date Intl cannot format.
    Bug("ce-js-setdate-null", "wall-app", (Exc("TypeError", frames=(*SOLID_RENDER, js("src/components/RouteList.tsx", "RouteRow", 22, 16, APP), js("src/lib/format.ts", "formatSetDate", 9, 34, APP)), js=JsError("read-null", "route.setAt", "slice")),),
        (see("sentry.error", 2, browser="chrome", chunk=APP), see("sentry.issue", browser="chrome", chunk=APP), see("posthog", browser="firefox", chunk=APP)),
        classes=(3, 4), pair="ce-js-setdate-invalid", page="/walls/{wall_id}/routes"),
    Bug("ce-js-setdate-invalid", "wall-app", (Exc("RangeError", "Invalid time value", (*SOLID_RENDER, js("src/components/RouteList.tsx", "RouteRow", 22, 16, APP), js("src/lib/format.ts", "formatSetDate", 11, 27, APP)), engines={"spidermonkey": "invalid date", "jsc": "Invalid Date"}),),
        (see("sentry.error", browser="chrome", chunk=APP), see("sentry.error", browser="firefox", chunk=APP), see("sentry.error", browser="safari", chunk=APP), see("posthog", browser="chrome", chunk=APP)),
        classes=(3, 4), pair="ce-js-setdate-null", page="/walls/{wall_id}/routes"),
    # The pool's connect timeout under drizzle's error: the same wrapper type, another cause.
    Bug("ce-pool-connect-timeout", "booking-api", drizzle_failed(route("sessions", 17, 22, nd("src/services/availability.ts", "computeSlots", 15, 20, awaited=True)), SESSIONS_SELECT, "{id},2026-12-0{idx}T00:00:00.000Z", "Error", "timeout exceeded when trying to connect", (nd("node_modules/pg-pool/index.js", "", 45, 11, lib=True),), ""),
        (see("sentry.error", 3), see("splunk", 3, **API), see("splunk", half=True, **API)),
        classes=(10,), entry="GET /v1/walls/{wall_id}/sessions", handled=True),
    # GoCardless posting an empty body to the webhook route.
    Bug("ce-webhook-empty-json", "booking-api", (Exc("SyntaxError", "Unexpected end of JSON input", route("webhooks", 12, 31, nd("node_modules/hono/dist/cjs/request.js", "HonoRequest.json", 108, 33, lib=True, awaited=True), nd("node:internal/deps/undici/undici", "consumeBody", 5712, 12, lib=True, awaited=True), nd("node:internal/deps/undici/undici", "parseJSONFromBytes", 5738, 19, lib=True))),),
        (see("sentry.error", 2), see("posthog"), see("splunk", 2, **API), see("splunk", search=BY_ROUTE, stats={"method": "POST", "path": "/v1/webhooks/gocardless", "status": "500", "count": "{n}"})),
        classes=(10,), entry="POST /v1/webhooks/gocardless", handled=True),
    # A lazy route's chunk gone after a deploy: three browsers' words.
    Bug("ce-js-chunk-gone", "wall-app", (Exc("TypeError", "Failed to fetch dynamically imported module: https://app.saltcote.example/assets/chunk-{hex}.js", (js("node_modules/@solidjs/router/dist/index.js", "preloadRoute", 412, 9, APP, lib=True), js("src/routes.ts", "component", 14, 30, APP)), engines={"spidermonkey": "error loading dynamically imported module: https://app.saltcote.example/assets/chunk-{hex}.js", "jsc": "Importing a module script failed."}),),
        (see("sentry.error", browser="chrome", chunk=APP), see("sentry.error", browser="firefox", chunk=APP), see("sentry.error", browser="safari", chunk=APP), see("posthog", 2, browser="chrome", chunk=APP)),
        classes=(3,), page="/memberships"),
    # The waiver store's own console.log line: one template, sizes, durations and hosts of every length.
    Bug("ce-waiver-stored", "booking-api", (),
        (see("splunk", 4, search="booking-api waiver uploads", line="waiver {uuid} stored in {objstore}: {size} in {dur}"),),
        classes=(7,)),
    # Seen once: a route-grade tree with a cycle.
    Bug("ce-grade-recursion", "booking-api", (Exc("RangeError", "Maximum call stack size exceeded", route("routes", 25, 18, nd("src/services/grades.ts", "gradeTree", 12, 9), nd("src/services/grades.ts", "gradeTree", 17, 14), nd("src/services/grades.ts", "gradeTree", 17, 14))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /v1/walls/{wall_id}/grades", handled=True),
]

NOISE = [
    Noise("ce-noise-listening", "booking-api", "splunk", {**API, "search": "booking-api startup", "line": "Server is running on http://localhost:3000"}),
    Noise("ce-noise-migrate", "booking-api", "splunk", {**API, "search": "booking-api startup", "line": "[✓] migrations applied successfully!"}),
    Noise("ce-noise-request", "booking-api", "splunk", {**API, "search": "booking-api 5xx access lines", "line": "--> GET /v1/health 200 {n}ms"}),
]

SALTCOTE = Company(
    key="ce",
    name="Saltcote Climbing",
    domain="saltcote.example",
    sentry_org="saltcote",
    splunk_url="https://saltcote.splunkcloud.com",
    splunk_guid="3D8F1A26-C4E7-4B95-A02D-91E6F5C3B7D0",
    datadog_org=("0", ""),
    datadog_template="default",
    posthog_project=(80271, "Saltcote members"),
    releases=("1.31.0", "1.32.0", "1.32.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="saltcote-sentry-client-secret",
)
