"""(bu) Tarnfield Bikes, an e-bike subscription with docks in three cities: an Express 4 +
TypeORM 0.3 API on Node 20 (``rentals-api``, TypeScript compiled to ``dist/``, Postgres) and a
BullMQ 5 worker (``rentals-worker``: telematics sync, dock rebalancing, monthly invoices).

Sentry: @sentry/node 8 (the Express error handler in the API; ``captureException`` from the
worker's ``failed`` listener, so handled). PostHog: posthog-node's ``captureException`` from
the same two places (raw frames; resolved on the later release). Splunk: pino 9 JSON on stdout
(pino-http's ``req``/``res`` in the API, ``jobId``/``queue`` in the worker), read by the Splunk
OTel collector; one saved search counts failed jobs per queue (stats rows). No Datadog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import BULLMQ_JOB, NODE_TICKS, TYPEORM_INSERT, nd

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "rentals-api": Service("rentals-api", "node", "bu-pino-express", "tarnfield:api:pino", "/var/log/containers/rentals-api.log", "tf_prod", 8230011, "node v20.18.1", framework="express", sdk=("sentry.javascript.node", "8.45.0", "npm:@sentry/node")),
    "rentals-worker": Service("rentals-worker", "node", "bu-pino-express", "tarnfield:worker:pino", "/var/log/containers/rentals-worker.log", "tf_prod", 8230014, "node v20.18.1", framework="generic", sdk=("sentry.javascript.node", "8.45.0", "npm:@sentry/node")),
}

EXPRESS4 = (
    nd("node_modules/express/lib/router/index.js", "next", 280, 10, lib=True),
    nd("node_modules/express/lib/router/route.js", "Route.dispatch", 119, 3, lib=True),
    nd("node_modules/express/lib/router/route.js", "next", 149, 13, lib=True),
    nd("node_modules/express/lib/router/layer.js", "Layer.handle [as handle_request]", 95, 5, lib=True),
)
TYPEORM_FIND_FAIL = (
    nd("node_modules/typeorm/entity-manager/EntityManager.js", "EntityManager.findOneByOrFail", 654, 23, lib=True, awaited=True),
    NODE_TICKS,
    nd("node_modules/typeorm/entity-manager/EntityManager.js", "", 637, 19, lib=True),
)
# Every partner call goes through one helper: its frame ends both failures.
ASSERT_OK = nd("src/lib/http.ts", "assertOk", 17, 11)
UNDICI = (
    nd("node:internal/deps/undici/undici", "fetch", 13185, 13, lib=True, awaited=True),
    NODE_TICKS,
)
API_SEARCH = {"search": "rentals-api errors"}
JOB_SEARCH = {"search": "rentals-worker failed jobs"}


def api(route: str, handler: str, line: int, *inner: Frame) -> tuple[Frame, ...]:
    return (*EXPRESS4, nd(f"src/routes/{route}.ts", handler, line, 21, awaited=True), *inner)


def job(name: str, line: int, *inner: Frame) -> tuple[Frame, ...]:
    return (*BULLMQ_JOB, nd(f"src/jobs/{name}.ts", "process", line, 17, awaited=True), *inner)


def dup(constraint: str, detail: str) -> str:
    return f'duplicate key value violates unique constraint "{constraint}"'


BUGS = [
    # Two unique constraints: a bike registered twice, a dock slot claimed twice.
    Bug("bu-bike-serial-unique", "rentals-api", (Exc("QueryFailedError", dup("UQ_bike_serial_number", ""), api("bikes", "registerBike", 44, nd("src/services/fleet.ts", "FleetService.register", 31, 27, awaited=True), *TYPEORM_INSERT)),),
        (see("sentry.error", 2), see("sentry.issue"), see("posthog"), see("splunk", 2, **API_SEARCH)),
        classes=(4,), pair="bu-dock-slot-unique", entry="POST /v1/bikes"),
    Bug("bu-dock-slot-unique", "rentals-worker", (Exc("QueryFailedError", dup("UQ_dock_slot_bike", ""), job("rebalance-docks", 28, nd("src/services/docks.ts", "DockService.park", 63, 19, awaited=True), *TYPEORM_INSERT)),),
        (see("sentry.error", 2, mechanism="generic"), see("posthog", resolved=True, release=1), see("splunk", 2, **JOB_SEARCH)),
        classes=(4,), pair="bu-bike-serial-unique", entry="rebalance-docks", handled=True, log="job failed"),
    # The same V8 sentence in the rider profile route and the invoice job.
    Bug("bu-rider-plan-tier", "rentals-api", (Exc("TypeError", "Cannot read properties of undefined (reading 'tier')", api("riders", "getRider", 27, nd("src/serializers/rider.ts", "serializeRider", 14, 33))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("posthog", 2), see("splunk", 2, **API_SEARCH)),
        classes=(4, 5), pair="bu-invoice-plan-tier", entry="GET /v1/riders/{rider_id}", span=2, renames={"getRider": "showRider"}),
    Bug("bu-invoice-plan-tier", "rentals-worker", (Exc("TypeError", "Cannot read properties of undefined (reading 'tier')", job("monthly-invoices", 35, nd("src/billing/invoice.ts", "buildInvoice", 52, 41))),),
        (see("sentry.error", 2, mechanism="generic"), see("posthog"), see("splunk", 2, **JOB_SEARCH)),
        classes=(4,), pair="bu-rider-plan-tier", entry="monthly-invoices", handled=True, log="job failed"),
    # findOneByOrFail of two entities.
    Bug("bu-bike-not-found", "rentals-api", (Exc("EntityNotFoundError", 'Could not find any entity of type "Bike" matching: {\n    "id": "{uuid}"\n}', api("rides", "startRide", 38, nd("src/services/rides.ts", "RideService.start", 22, 37, awaited=True), *TYPEORM_FIND_FAIL)),),
        (see("sentry.error", 2), see("posthog"), see("splunk", 2, **API_SEARCH)),
        classes=(4,), pair="bu-dock-not-found", entry="POST /v1/rides"),
    Bug("bu-dock-not-found", "rentals-api", (Exc("EntityNotFoundError", 'Could not find any entity of type "Dock" matching: {\n    "id": "{uuid}"\n}', api("rides", "endRide", 71, nd("src/services/rides.ts", "RideService.end", 58, 37, awaited=True), *TYPEORM_FIND_FAIL)),),
        (see("sentry.error", 2), see("sentry.issue"), see("posthog", resolved=True, release=1), see("splunk", 2, **API_SEARCH)),
        classes=(4,), pair="bu-bike-not-found", entry="POST /v1/rides/{ride_id}/end"),
    # Two partner calls failing in the helper they share: the geocoder and the telematics vendor.
    Bug("bu-geocode-not-ok", "rentals-api", (Exc("HttpError", "geocoder responded 429 Too Many Requests", api("docks", "nearbyDocks", 19, nd("src/clients/geocoder.ts", "geocode", 26, 12, awaited=True), ASSERT_OK)),),
        (see("sentry.error", 2), see("posthog"), see("splunk", 2, **API_SEARCH)),
        classes=(9,), pair="bu-telemetry-not-ok", entry="GET /v1/docks/nearby"),
    Bug("bu-telemetry-not-ok", "rentals-worker", (Exc("HttpError", "telematics responded 503 Service Unavailable", job("sync-telemetry", 22, nd("src/clients/telematics.ts", "fetchPositions", 33, 12, awaited=True), ASSERT_OK)),),
        (see("sentry.error", 2, mechanism="generic"), see("posthog", 2), see("splunk", 2, **JOB_SEARCH)),
        classes=(9,), pair="bu-geocode-not-ok", entry="sync-telemetry", handled=True, log="job failed"),
    # One parser in the telemetry job: HTML from the vendor's gateway, and a bad timestamp.
    Bug("bu-telemetry-json", "rentals-worker", (Exc("SyntaxError", "Unexpected token '<', \"<!DOCTYPE \"... is not valid JSON", job("sync-telemetry", 22, nd("src/telemetry/parse.ts", "parsePositions", 9, 23))),),
        (see("sentry.error", 2, mechanism="generic"), see("sentry.issue"), see("splunk", 2, **JOB_SEARCH)),
        classes=(4,), pair="bu-telemetry-time", entry="sync-telemetry", handled=True, log="job failed"),
    Bug("bu-telemetry-time", "rentals-worker", (Exc("RangeError", "Invalid time value", job("sync-telemetry", 22, nd("src/telemetry/parse.ts", "parsePositions", 15, 41))),),
        (see("sentry.error", 2, mechanism="generic"), see("posthog"), see("splunk", 2, **JOB_SEARCH)),
        classes=(4,), pair="bu-telemetry-json", entry="sync-telemetry", handled=True, log="job failed"),
    # The pg pool exhausted under the morning commute.
    Bug("bu-pg-pool-timeout", "rentals-api", (Exc("Error", "timeout exceeded when trying to connect", api("rides", "listRides", 12, nd("src/services/rides.ts", "RideService.history", 88, 31, awaited=True), nd("node_modules/typeorm/driver/postgres/PostgresDriver.js", "PostgresDriver.obtainMasterConnection", 883, 36, lib=True), nd("node_modules/pg-pool/index.js", "Timeout._onTimeout", 45, 11, lib=True))),),
        (see("sentry.error", 3), see("posthog", 2), see("splunk", 3, **API_SEARCH)),
        entry="GET /v1/rides", span=2),
    # ioredis giving up while BullMQ moves a job.
    Bug("bu-redis-max-retries", "rentals-worker", (Exc("MaxRetriesPerRequestError", "Reached the max retries per request limit (which is 20). Refer to \"maxRetriesPerRequest\" option for details.", (nd("node_modules/ioredis/built/redis/event_handler.js", "Socket.<anonymous>", 182, 37, lib=True), nd("node_modules/ioredis/built/Redis.js", "Redis.flushQueue", 596, 23, lib=True))),),
        (see("sentry.error", 2, mechanism="generic"), see("splunk", 2, search="rentals-worker failed jobs", msg="worker error")),
        entry="rebalance-docks", handled=True, log="worker error"),
    # A multer upload of a damage photo larger than the limit.
    Bug("bu-photo-too-large", "rentals-api", (Exc("MulterError", "File too large", (nd("node_modules/busboy/lib/types/multipart.js", "FileStream.emit", 517, 28, lib=True), nd("node_modules/multer/lib/make-middleware.js", "FileStream.<anonymous>", 136, 18, lib=True))),),
        (see("sentry.error", 3), see("posthog"), see("splunk", 2, **API_SEARCH)),
        entry="POST /v1/rides/{ride_id}/damage-photos"),
    # Invoice amounts: a rider's negative credit pushes Stripe's amount below zero.
    Bug("bu-invoice-negative", "rentals-worker", (Exc("StripeInvalidRequestError", "Invalid positive integer", job("monthly-invoices", 41, nd("src/billing/charge.ts", "chargeInvoice", 29, 18, awaited=True), nd("node_modules/stripe/cjs/RequestSender.js", "", 109, 43, lib=True))),),
        (see("sentry.error", 2, mechanism="generic"), see("sentry.issue"), see("posthog"), see("splunk", 3, **JOB_SEARCH)),
        entry="monthly-invoices", handled=True, log="job failed"),
    # The failed-jobs-per-queue search: stats rows alone for the dock rebalancer's lock.
    Bug("bu-rebalance-lock", "rentals-worker", (Exc("Error", "Missing lock for job {n}. moveToFinished", (*BULLMQ_JOB, nd("node_modules/bullmq/dist/cjs/classes/scripts.js", "Scripts.finishedErrors", 244, 24, lib=True))),),
        (see("sentry.error", 2, mechanism="generic"), see("splunk", 2, search="Failed jobs per queue (15m)", stats={"queue": "rebalance-docks", "err.message": "Missing lock for job {n}. moveToFinished", "count": "{idx}"})),
        classes=(8,), entry="rebalance-docks", handled=True, log="job failed"),
    # Seen once: a JWT signed with last year's key.
    Bug("bu-jwt-invalid-signature", "rentals-api", (Exc("JsonWebTokenError", "invalid signature", (*EXPRESS4, nd("src/middleware/auth.ts", "requireRider", 18, 25), nd("node_modules/jsonwebtoken/verify.js", "", 171, 19, lib=True))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /v1/riders/{rider_id}"),
]

NOISE = [
    Noise("bu-noise-listening", "rentals-api", "splunk", {"search": "rentals-api errors", "line": '{"level":30,"time":1772611200123,"pid":1,"hostname":"rentals-api-6d8f9c-{hex}","msg":"Server listening at http://0.0.0.0:3000"}'}),
    Noise("bu-noise-worker-ready", "rentals-worker", "splunk", {"search": "rentals-worker failed jobs", "line": '{"level":30,"time":1772611205877,"pid":1,"hostname":"rentals-worker-5b7c4d-{hex}","queue":"sync-telemetry","msg":"worker ready"}'}),
]

TARNFIELD = Company(
    key="bu",
    name="Tarnfield Bikes",
    domain="tarnfield.example",
    sentry_org="tarnfield-bikes",
    splunk_url="https://tarnfield.splunkcloud.com",
    splunk_guid="9D4B1E62-7A0C-4F35-B8E2-61C5A7F3D049",
    datadog_org=("0", ""),
    datadog_template="default",
    posthog_project=(41872, "Tarnfield Bikes"),
    releases=("v5.14.0", "v5.15.0", "v5.15.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="tarnfield-sentry-client-secret",
)
