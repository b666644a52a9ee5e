"""(gq) Newlands Bikes, a city bike-share: a Node 20 Koa 2 API written in TypeScript and
compiled to ``dist/`` (``dock-api``: @koa/router, koa-bodyparser, node-postgres, ioredis, Stripe,
zod, fetch to the docks' controller) and a small Koa admin app (``fleet-admin``: CSV reports,
fleet pages) on Kubernetes.

Splunk indexes the pods' stdout: ``dock-api`` logs bunyan JSON records (``gq-bunyan``: the
request's child logger with ``req_id``, ``err`` by the std serializer with ``code`` where the
error has one, some ``log.error('... %s', err.message)`` without ``err``); ``fleet-admin`` has
no ``error`` listener, so Koa's default ``app.onerror`` writes the indented stack to stderr
(``gq-koa-stderr``). Sentry: @sentry/node with its Koa integration. PostHog: posthog-node's
``captureException`` in the rental and payment routes. Datadog: the recommended template,
log monitors over the bunyan attributes (``err.name``, ``msg``) or by error kind. No APM.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import NODE_TICKS, nd

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.javascript.node", "8.42.0", "npm:@sentry/node")
SERVICES = {
    "dock-api": Service("dock-api", "node", "gq-bunyan", "kube:container:dock-api", "/var/log/containers/dock-api.log", "gq_bikes", 5512207, "node v20.12.2", framework="koa", sdk=SDK),
    "fleet-admin": Service("fleet-admin", "node", "gq-koa-stderr", "kube:container:fleet-admin", "/var/log/containers/fleet-admin.log", "gq_bikes", 5512208, "node v20.12.2", framework="koa", sdk=SDK),
}
KOA = (
    nd("node_modules/koa/lib/application.js", "Application.handleRequest", 177, 12, lib=True),
    nd("node_modules/koa-compose/index.js", "dispatch", 42, 32, lib=True),
    nd("node_modules/koa-bodyparser/index.js", "bodyParser", 86, 11, lib=True, awaited=True),
    nd("node_modules/@koa/router/lib/router.js", "", 423, 16, lib=True, awaited=True),
)
ADMIN = (
    nd("node_modules/koa/lib/application.js", "Application.handleRequest", 177, 12, lib=True),
    nd("node_modules/koa-compose/index.js", "dispatch", 42, 32, lib=True),
    nd("node_modules/@koa/router/lib/router.js", "", 423, 16, lib=True, awaited=True),
)
PG = (nd("node_modules/pg/lib/client.js", "", 526, 17, lib=True), NODE_TICKS)
PG_PARSE = (nd("node_modules/pg-protocol/dist/parser.js", "Parser.parseErrorMessage", 287, 98, lib=True),)
STRIPE = (nd("node_modules/stripe/cjs/RequestSender.js", "res.toJSON.then.StripeAPIError.message", 105, 31, lib=True),)
FETCH = (nd("node:internal/deps/undici/undici", "Object.fetch", 11372, 11, lib=True),)
ZOD = (nd("node_modules/zod/lib/types.js", "ZodObject.parse", 160, 23, lib=True),)


def route(file: str, fn: str, line: int, col: int, *inner: Frame) -> tuple[Frame, ...]:
    return (*KOA, nd(f"src/routes/{file}.ts", fn, line, col, awaited=bool(inner)), *inner)


def admin(file: str, fn: str, line: int, col: int, *inner: Frame) -> tuple[Frame, ...]:
    return (*ADMIN, nd(f"src/admin/{file}.ts", fn, line, col, awaited=bool(inner)), *inner)


def lib(file: str, fn: str, line: int, col: int, awaited: bool = True) -> Frame:
    return nd(f"src/lib/{file}.ts", fn, line, col, awaited=awaited)


LOG = {"search": "newlands dock-api errors", "app": "newlands"}
MSGONLY = {**LOG, "kind": "msgonly"}
ADMINLOG = {"search": "newlands fleet-admin stderr", "app": "newlands"}
DDKIND = dict(team="bikes", monitor="[dock-api] error logs", filter="service:dock-api status:error", style="kind")
DDTEXT = dict(team="bikes", monitor="[dock-api] errors by err.name", filter="service:dock-api status:error", text="dock-api logged **{{log.attributes.err.name}}**: {{log.attributes.err.message}}\n\nmsg: {{log.attributes.msg}}\nreq_id: {{log.attributes.req_id}}")
DDADMIN = dict(team="bikes", monitor="[fleet-admin] stderr errors", filter="service:fleet-admin source:nodejs", style="sample", lines=4)

BUGS = [
    # The same read of an undefined dock in two routes.
    Bug("gq-unlock-dock-undefined", "dock-api", (Exc("TypeError", "Cannot read properties of undefined (reading 'lockId')", route("rentals", "startRental", 48, 37)),),
        (see("sentry.error", 3), see("splunk", 2, **LOG), see("posthog", 1), see("datadog.log", **DDTEXT)),
        classes=(4,), pair="gq-return-dock-undefined", log="rental start failed", entry="POST /v1/rentals", span=2),
    Bug("gq-return-dock-undefined", "dock-api", (Exc("TypeError", "Cannot read properties of undefined (reading 'lockId')", route("returns", "endRental", 61, 29)),),
        (see("sentry.error", 2), see("splunk", 2, **LOG), see("datadog.log", **DDTEXT)),
        classes=(4,), pair="gq-unlock-dock-undefined", log="rental end failed", entry="POST /v1/rentals/{id}/return"),
    # node-postgres' DatabaseError (name "error") on two unique constraints.
    Bug("gq-rental-unique", "dock-api", (Exc("error", 'duplicate key value violates unique constraint "rentals_active_bike_key"', (*route("rentals", "startRental", 55, 20, lib("db", "insertRental", 31, 18)), *PG)),),
        (see("sentry.error", 3), see("splunk", 2, code="23505", **LOG), see("posthog", 2), see("datadog.log", code="23505", **DDTEXT)),
        classes=(4, 1), pair="gq-reservation-unique", log="rental start failed", entry="POST /v1/rentals"),
    Bug("gq-reservation-unique", "dock-api", (Exc("error", 'duplicate key value violates unique constraint "reservations_dock_id_slot_key"', (*route("reservations", "reserve", 34, 22, lib("db", "insertReservation", 52, 18)), *PG)),),
        (see("sentry.error", 2), see("splunk", 2, code="23505", **LOG), see("splunk", 1, **MSGONLY), see("datadog.log", code="23505", **DDTEXT)),
        classes=(4,), pair="gq-rental-unique", log="reservation failed", entry="POST /v1/reservations"),
    # The one payments.chargeRide: a card decline and an idempotency clash.
    Bug("gq-charge-declined", "dock-api", (Exc("StripeCardError", "Your card was declined.", (*route("returns", "endRental", 77, 15, lib("payments", "chargeRide", 22, 31)), *STRIPE)),),
        (see("sentry.error", 3), see("posthog", 2), see("splunk", 2, code="card_declined", http=402, **LOG), see("datadog.log", **DDKIND)),
        classes=(9,), pair="gq-charge-idempotency", log="ride charge failed", entry="POST /v1/rentals/{id}/return"),
    Bug("gq-charge-idempotency", "dock-api", (Exc("StripeIdempotencyError", "Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than 'ride-{id}' if you meant to execute a different request.", (*route("returns", "endRental", 77, 15, lib("payments", "chargeRide", 22, 31)), *STRIPE)),),
        (see("sentry.error", 2), see("posthog", 1), see("splunk", 2, code="idempotency_error", **LOG), see("datadog.log", **DDKIND)),
        classes=(9,), pair="gq-charge-declined", log="ride charge failed", entry="POST /v1/rentals/{id}/return"),
    # The docks' controller through one dockClient.send: a timeout and a refusal.
    Bug("gq-dock-timeout", "dock-api", (Exc("DOMException [TimeoutError]", "The operation was aborted due to timeout", (*route("rentals", "startRental", 63, 11, lib("dockClient", "send", 17, 24)), *FETCH)),),
        (see("sentry.error", 3), see("splunk", 2, code="23", **LOG), see("datadog.log", **DDTEXT)),
        classes=(9,), pair="gq-dock-refused", log="dock controller call failed", entry="POST /v1/rentals"),
    Bug("gq-dock-refused", "dock-api", (Exc("Error", "connect ECONNREFUSED 10.60.{n}.4:7001", (nd("node:net", "TCPConnectWrap.afterConnect [as oncomplete]", 1595, 16, lib=True),)),
                                         Exc("TypeError", "fetch failed", (*route("rentals", "startRental", 63, 11, lib("dockClient", "send", 17, 24)), *FETCH))),
        (see("sentry.error", 2), see("splunk", 2, **LOG), see("splunk", 1, **MSGONLY), see("datadog.log", **DDKIND)),
        classes=(9, 10), pair="gq-dock-timeout", log="dock controller call failed", entry="POST /v1/rentals"),
    # zod through the one validate() middleware, two schemas.
    Bug("gq-zod-rental", "dock-api", (Exc("ZodError", '[\n  {\n    "code": "invalid_type",\n    "expected": "number",\n    "received": "undefined",\n    "path": [\n      "dockId"\n    ],\n    "message": "Required"\n  }\n]', (*KOA, lib("validate", "validateBody", 14, 30), *ZOD)),),
        (see("sentry.error", 3), see("splunk", 2, **LOG), see("datadog.log", **DDTEXT)),
        classes=(4, 9), pair="gq-zod-damage", log="invalid request body", entry="POST /v1/rentals"),
    Bug("gq-zod-damage", "dock-api", (Exc("ZodError", '[\n  {\n    "validation": "url",\n    "code": "invalid_string",\n    "message": "Invalid url",\n    "path": [\n      "photoUrl"\n    ]\n  }\n]', (*KOA, lib("validate", "validateBody", 14, 30), *ZOD)),),
        (see("sentry.error", 2), see("splunk", 2, **LOG), see("posthog", 1)),
        classes=(4, 9), pair="gq-zod-rental", log="invalid request body", entry="POST /v1/damage-reports"),
    # Redis: the fleet cache written against a replica after a failover.
    Bug("gq-redis-readonly", "dock-api", (Exc("ReplyError", "READONLY You can't write against a read only replica.", (nd("node_modules/redis-parser/lib/parser.js", "parseError", 179, 12, lib=True), nd("node_modules/redis-parser/lib/parser.js", "parseType", 302, 14, lib=True))),),
        (see("sentry.error", 3), see("splunk", 3, **LOG), see("datadog.log", 2, **DDKIND)),
        classes=(10,), log="fleet cache write failed", logger="fleetCache", entry="fleetCache.refresh"),
    # node:assert on the fare calculation.
    Bug("gq-fare-assert", "dock-api", (Exc("AssertionError [ERR_ASSERTION]", "fare must be a finite number", (*route("returns", "endRental", 71, 22, lib("fares", "priceRide", 40, 9, awaited=False)),)),),
        (see("sentry.error", 2), see("splunk", 2, code="ERR_ASSERTION", **LOG), see("posthog", 1), see("datadog.log", **DDTEXT)),
        log="rental end failed", entry="POST /v1/rentals/{id}/return"),
    # fleet-admin: Koa's default onerror on stderr.
    Bug("gq-admin-csv-date", "fleet-admin", (Exc("RangeError", "Invalid time value", (*admin("reports", "exportRides", 39, 28), nd("src/admin/csv.ts", "rideRow", 12, 41))),),
        (see("sentry.error", 3), see("splunk", 3, **ADMINLOG), see("datadog.log", **DDADMIN)),
        classes=(1, 5), entry="GET /admin/reports/rides.csv", span=3, renames={"exportRides": "exportRidesCsv"}),
    Bug("gq-admin-fleet-null", "fleet-admin", (Exc("TypeError", "Cannot read properties of null (reading 'map')", admin("fleet", "listBikes", 27, 44)),),
        (see("sentry.error", 2), see("splunk", 2, **ADMINLOG), see("datadog.log", **DDADMIN)),
        classes=(1,), entry="GET /admin/fleet"),
    # A singleton: the clustering of nearby docks recursed once too deep.
    Bug("gq-singleton-cluster", "dock-api", (Exc("RangeError", "Maximum call stack size exceeded", (*route("docks", "nearby", 22, 18), *[nd("src/lib/geo.ts", "mergeCluster", 58, 12)] * 8)),),
        (see("sentry.error"),),
        singleton=True, entry="GET /v1/docks/nearby"),
]

NOISE = [
    Noise("gq-noise-listening", "dock-api", "splunk", {"search": "newlands dock-api errors", "line": '{"name":"dock-api","hostname":"dock-api-7f9c6d8b5-q2x7k","pid":1,"level":30,"msg":"listening on :3000","time":"{tsms}","v":0}'}),
    Noise("gq-noise-deploy", "dock-api", "datadog.event", {"monitor": "Deploy", "text": "dock-api v4.12.0 deployed to k8s-newlands (3/3 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("gq-noise-recovered", "dock-api", "datadog.log", {"monitor": "[dock-api] error logs", "text": "Recovered: dock-api error logs back under threshold.", "transition": "Recovered", "alert_type": "success"}),
]

NEWLANDS = Company(
    key="gq",
    name="Newlands Bikes",
    domain="newlands-bikes.example",
    sentry_org="newlands",
    splunk_url="https://newlands.splunkcloud.com",
    splunk_guid="2E7B90C4-5D16-4A8F-B3E2-61C0F8A94D27",
    datadog_org=("805633", "Newlands Bikes"),
    datadog_template="recommended",
    posthog_project=(65302, "Newlands API"),
    releases=("4.10.0", "4.11.0", "4.12.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="newlands-sentry-client-secret",
)
# fmt: on
