"""(ja) Hebden Cycle Hire, a dockless and docked bike-share scheme for a few northern towns: an
Express 4 API on Node 20 (``hire-api``: TypeScript compiled to ``dist/``, Prisma 5 over
Postgres, ioredis for rate limits, sessions and a station availability cache) and a Node worker
(``dock-worker``) that reads dock telemetry from a Redis stream and settles rentals.

Logs: pino 9 JSON on stdout (pino-http's ``request errored`` with ``req``/``res``/``err`` in the
API, ``logger.error({ err }, msg)`` in the worker, one older module logging only
``err.message``), shipped to Splunk by the Splunk OpenTelemetry Collector for Kubernetes
(``ja-pino-otel``: ``_raw`` the JSON line, the resource attributes as fields). Sentry:
@sentry/node 8 with its Express error handler (one release shipped without source maps: the
compiled ``dist/`` frames). PostHog: posthog-node's ``captureException`` in the error
middleware. Datadog: APM monitors by error type and by message, and log monitors reading the
parsed pino record's ``err`` attributes. All four tools.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Seen, Service, see
from ..stacks import NODE_TICKS, nd

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.javascript.node", "8.33.1", "npm:@sentry/node")
SERVICES = {
    "hire-api": Service("hire-api", "node", "ja-pino-otel", "kube:container:hire-api", "/var/log/pods/hire_hire-api/hire-api/0.log", "hire_prod", 8610011, "node v20.17.0", framework="expressjs", sdk=SDK),
    "dock-worker": Service("dock-worker", "node", "ja-pino-otel", "kube:container:dock-worker", "/var/log/pods/hire_dock-worker/dock-worker/0.log", "hire_prod", 8610012, "node v20.17.0", sdk=SDK),
}

EXPRESS = "node_modules/express/lib/router/"
# Express 4 running a route's handlers (oldest first).
EXPRESS_ROUTE = (
    nd(EXPRESS + "index.js", "next", 280, 10, lib=True),
    nd(EXPRESS + "index.js", "Function.process_params", 346, 12, lib=True),
    nd(EXPRESS + "index.js", "", 284, 15, lib=True),
    nd(EXPRESS + "layer.js", "Layer.handle [as handle_request]", 95, 5, lib=True),
    nd(EXPRESS + "route.js", "Route.dispatch", 119, 3, lib=True),
    nd(EXPRESS + "route.js", "next", 149, 13, lib=True),
    nd(EXPRESS + "layer.js", "Layer.handle [as handle_request]", 95, 5, lib=True),
)
PRISMA = "node_modules/@prisma/client/runtime/library.js"
PRISMA_REQUEST = (
    nd(PRISMA, "l", 130, 9633, lib=True, awaited=True),
    nd(PRISMA, "In.request", 121, 6741, lib=True, awaited=True),
    nd(PRISMA, "In.handleAndLogRequestError", 121, 7057, lib=True),
    nd(PRISMA, "In.handleRequestError", 121, 7749, lib=True),
)
PRISMA_VERSION = "5.20.0"
# ioredis hands back a ReplyError built by the parser: its stack is the socket's data event,
# not the caller's (``showFriendlyErrorStack`` is off in production).
REDIS_REPLY = (
    nd("node:events", "Socket.emit", 519, 28, lib=True),
    nd("node:internal/streams/readable", "addChunk", 559, 12, lib=True),
    nd("node:internal/streams/readable", "readableAddChunkPushByteMode", 510, 3, lib=True),
    nd("node_modules/ioredis/built/DataHandler.js", "Socket.<anonymous>", 47, 20, lib=True),
    nd("node_modules/redis-parser/lib/parser.js", "JavascriptRedisParser.execute", 544, 14, lib=True),
    nd("node_modules/redis-parser/lib/parser.js", "parseType", 302, 14, lib=True),
    nd("node_modules/redis-parser/lib/parser.js", "parseError", 179, 12, lib=True),
)
REDIS_CLOSED = (
    nd("node_modules/ioredis/built/Redis.js", "Redis.sendCommand", 392, 28, lib=True),
    nd("node_modules/ioredis/built/utils/Commander.js", "Redis.get", 90, 25, lib=True),
)
REDIS_MAXRETRY = (
    nd("node:events", "Socket.emit", 519, 28, lib=True),
    nd("node_modules/ioredis/built/redis/event_handler.js", "Socket.<anonymous>", 182, 37, lib=True),
    nd("node_modules/ioredis/built/Redis.js", "Redis.flushQueue", 607, 24, lib=True),
)
WRONGTYPE = "WRONGTYPE Operation against a key holding the wrong kind of value"
NOT_FOUND = "An operation failed because it depends on one or more records that were required but not found. Record to update not found."
# Both availability and pricing read through one cache helper.
CACHED = nd("src/lib/cache.ts", "cached", 22, 31)
STREAM = (
    nd("src/worker/main.ts", "run", 41, 7, awaited=True),
    nd("src/worker/telemetry.ts", "consume", 58, 22, awaited=True),
)


def prisma(model: str, method: str, text: str) -> str:
    return f"\nInvalid `prisma.{model}.{method}()` invocation:\n\n\n{text}"


def route(file: str, function: str, line: int, col: int, *, awaited: bool = True) -> Frame:
    return nd(f"src/routes/{file}", function, line, col, awaited=awaited)


def logs(n: int = 1, **opts: object) -> Seen:
    return Seen("splunk", n, {"search": "hire-api - 5xx", "app": "hire_ops", "owner": "platform", **opts})


def worker_logs(n: int = 1, **opts: object) -> Seen:
    return Seen("splunk", n, {"search": "dock-worker - errors", "app": "hire_ops", "owner": "platform", **opts})


def apm(style: str = "type", **opts: object) -> Seen:
    monitor = {"type": "[hire-api] error types", "message": "[hire-api] error spans"}[style]
    return Seen("datadog.apm", 1, {"style": style, "team": "hire", "monitor": monitor, **opts})


DD_TEXT = "{{log.service}} logged an error on {{log.host}}\n\n`{{log.attributes.err.type}}`: {{log.attributes.err.message}}\n\n```\n{{log.attributes.err.stack}}\n```"


def logmon(service: str = "hire-api", n: int = 1, **opts: object) -> Seen:
    return Seen("datadog.log", n, {"team": "hire", "monitor": f"[{service}] error logs", "filter": f"service:{service} status:error", "text": DD_TEXT, **opts})


BUGS = [
    # Prisma P2002 on two tables through one create().
    Bug("ja-rental-active-dup", "hire-api", (Exc("PrismaClientKnownRequestError", prisma("rental", "create", "Unique constraint failed on the fields: (`bikeId`,`status`)"), (route("rentals.ts", "startRental", 54, 9), *PRISMA_REQUEST)),),
        (see("sentry.error", 3, mechanism="middleware"), see("sentry.error", mechanism="middleware", sourcemaps=False, release=1), see("posthog"), logs(2), apm("message")),
        classes=(4, 9, 2), pair="ja-signup-email-dup", log="request errored", entry="POST /v1/rentals", span=2, renames={"startRental": "beginRental"}),
    Bug("ja-signup-email-dup", "hire-api", (Exc("PrismaClientKnownRequestError", prisma("user", "create", "Unique constraint failed on the fields: (`email`)"), (route("users.ts", "signUp", 31, 7), *PRISMA_REQUEST)),),
        (see("sentry.error", 2, mechanism="middleware"), see("posthog", 2), logs(2), apm("message")),
        classes=(4, 9), pair="ja-rental-active-dup", log="request errored", entry="POST /v1/users"),
    # P2025 in the API's end-of-rental and in the worker's dock release.
    Bug("ja-rental-end-missing", "hire-api", (Exc("PrismaClientKnownRequestError", prisma("rental", "update", NOT_FOUND), (route("rentals.ts", "endRental", 97, 5), *PRISMA_REQUEST)),),
        (see("sentry.error", 3, mechanism="middleware"), see("sentry.issue"), logs(2), logmon(), apm("type")),
        classes=(2, 4), pair="ja-dock-release-missing", log="request errored", entry="POST /v1/rentals/{rental_id}/end"),
    Bug("ja-dock-release-missing", "dock-worker", (Exc("PrismaClientKnownRequestError", prisma("dock", "update", NOT_FOUND), (*STREAM, nd("src/worker/docks.ts", "releaseDock", 33, 5, awaited=True), *PRISMA_REQUEST)),),
        (see("sentry.error", 2, mechanism="generic"), worker_logs(2), logmon("dock-worker", 2)),
        classes=(4,), pair="ja-rental-end-missing", log="dock release failed", entry="telemetry:docks"),
    # The same ReplyError from two callers: the API's rate limiter and the worker's stream read.
    Bug("ja-ratelimit-wrongtype", "hire-api", (Exc("ReplyError", WRONGTYPE, REDIS_REPLY),),
        (see("sentry.error", 3, mechanism="middleware"), logs(2), apm("type"), logmon()),
        classes=(3, 4), pair="ja-stream-wrongtype", log="request errored", entry="POST /v1/unlock"),
    Bug("ja-stream-wrongtype", "dock-worker", (Exc("ReplyError", WRONGTYPE, REDIS_REPLY),),
        (see("sentry.error", 2, mechanism="generic"), worker_logs(2), logmon("dock-worker")),
        classes=(3,), pair="ja-ratelimit-wrongtype", log="telemetry batch failed", entry="telemetry:docks"),
    # One cache helper at the end of two bugs: a closed connection and a cached "undefined".
    Bug("ja-availability-conn-closed", "hire-api", (Exc("Error", "Connection is closed.", (NODE_TICKS, route("stations.ts", "listAvailability", 26, 18, awaited=False), CACHED, *REDIS_CLOSED)),),
        (see("sentry.error", 3, mechanism="middleware"), logs(3), apm("message"), see("posthog")),
        classes=(4, 7), pair="ja-pricing-cache-json", log="request errored", entry="GET /v1/stations/{station_id}/availability"),
    Bug("ja-pricing-cache-json", "hire-api", (Exc("SyntaxError", '"undefined" is not valid JSON', (route("pricing.ts", "quote", 44, 20), NODE_TICKS, nd("src/lib/cache.ts", "cached", 25, 17))),),
        (see("sentry.error", 2, mechanism="middleware"), see("posthog", 2), logs(2)),
        classes=(4,), pair="ja-availability-conn-closed", log="request errored", entry="GET /v1/pricing/quote"),
    # One V8 message at two code locations.
    Bug("ja-station-lat-undefined", "hire-api", (Exc("TypeError", frames=(NODE_TICKS, route("stations.ts", "nearby", 63, 41, awaited=False)), js=JsError("read-undefined", "station.location", "lat")),),
        (see("sentry.error", 3, mechanism="middleware"), see("sentry.error", mechanism="middleware", sourcemaps=False, release=1), see("posthog"), logs(2), apm("type")),
        classes=(4, 5), pair="ja-journey-lat-undefined", log="request errored", entry="GET /v1/stations/nearby", span=2),
    Bug("ja-journey-lat-undefined", "hire-api", (Exc("TypeError", frames=(NODE_TICKS, route("journeys.ts", "summarise", 88, 37, awaited=False), nd("src/lib/geo.ts", "distanceKm", 12, 22)), js=JsError("read-undefined", "from", "lat")),),
        (see("sentry.error", 2, mechanism="middleware"), logs(2, kind="nostack", msg="journey summary failed"), logmon()),
        classes=(4, 1), pair="ja-station-lat-undefined", log="request errored", entry="GET /v1/journeys/{journey_id}"),
    # Two receipt bugs under one saved search and one log monitor.
    Bug("ja-receipt-currency", "hire-api", (Exc("RangeError", "Invalid currency code : ", (NODE_TICKS, route("receipts.ts", "render", 29, 11, awaited=False), nd("src/lib/money.ts", "format", 8, 10))),),
        (see("sentry.error", 3, mechanism="middleware"), logs(2, search="hire-api - receipts"), logmon(monitor="[hire-api] receipt errors")),
        classes=(2,), pair="ja-receipt-plan-null", log="request errored", entry="GET /v1/receipts/{rental_id}"),
    Bug("ja-receipt-plan-null", "hire-api", (Exc("TypeError", frames=(NODE_TICKS, route("receipts.ts", "render", 35, 32, awaited=False)), js=JsError("read-null", "rental.plan", "name")),),
        (see("sentry.error", 2, mechanism="middleware"), logs(2, search="hire-api - receipts"), logmon(n=2, monitor="[hire-api] receipt errors")),
        classes=(2,), pair="ja-receipt-currency", log="request errored", entry="GET /v1/receipts/{rental_id}"),
    # Not pairs.
    Bug("ja-pool-timeout", "hire-api", (Exc("PrismaClientKnownRequestError", prisma("bike", "findMany", "Timed out fetching a new connection from the connection pool. More info: http://pris.ly/d/connection-pool (Current connection pool timeout: 10, connection limit: 9)"), (route("bikes.ts", "listBikes", 18, 20), *PRISMA_REQUEST)),),
        (see("sentry.error", 3, mechanism="middleware"), logs(3), apm("message"), apm("type")),
        classes=(7,), log="request errored", entry="GET /v1/bikes"),
    Bug("ja-redis-maxretries", "dock-worker", (Exc("MaxRetriesPerRequestError", 'Reached the max retries per request limit (which is 20). Refer to "maxRetriesPerRequest" option for details.', REDIS_MAXRETRY),),
        (see("sentry.error", 2, mechanism="generic"), worker_logs(3), logmon("dock-worker", 2)),
        classes=(7, 3), log="telemetry batch failed", entry="telemetry:docks"),
    Bug("ja-unlock-abort", "hire-api", (Exc("AbortError", "This operation was aborted", (route("unlock.ts", "unlockBike", 47, 24), nd("src/services/lockGateway.ts", "sendUnlock", 19, 10, awaited=True), NODE_TICKS, nd("node:internal/deps/undici/undici", "", 13185, 13, lib=True))),),
        (see("sentry.error", 3, mechanism="middleware"), see("posthog"), logs(2), apm("type")),
        classes=(7,), log="request errored", entry="POST /v1/unlock"),
    Bug("ja-webhook-zod", "hire-api", (Exc("ZodError", '[\n  {\n    "code": "invalid_type",\n    "expected": "string",\n    "received": "null",\n    "path": [\n      "data",\n      "object",\n      "customer"\n    ],\n    "message": "Expected string, received null"\n  }\n]', (*EXPRESS_ROUTE, route("stripeWebhook.ts", "handleStripe", 23, 38, awaited=False), nd("node_modules/zod/lib/types.js", "ZodObject.parse", 160, 23, lib=True), nd("node_modules/zod/lib/types.js", "get error", 55, 31, lib=True))),),
        (see("sentry.error", 2, mechanism="middleware"), logs(2), logmon()),
        classes=(9,), log="request errored", entry="POST /webhooks/stripe"),
    Bug("ja-refund-no-such-intent", "hire-api", (Exc("StripeInvalidRequestError", "No such payment_intent: '{pi}'", (route("refunds.ts", "refundRental", 38, 21), nd("node_modules/stripe/cjs/RequestSender.js", "", 99, 50, lib=True), NODE_TICKS, nd("node_modules/stripe/cjs/Error.js", "generateV1Error", 9, 20, lib=True))),),
        (see("sentry.error", 2, mechanism="middleware"), see("posthog"), logs(2), apm("type")),
        classes=(9,), log="request errored", entry="POST /v1/rentals/{rental_id}/refund"),
    Bug("ja-singleton-bigint", "hire-api", (Exc("TypeError", "Do not know how to serialize a BigInt", (NODE_TICKS, route("admin.ts", "exportRides", 71, 14, awaited=False), nd("node_modules/express/lib/response.js", "ServerResponse.json", 271, 14, lib=True), nd("node_modules/express/lib/response.js", "stringify", 1160, 12, lib=True))),),
        (see("sentry.error", mechanism="middleware"),),
        singleton=True, entry="GET /v1/admin/rides/export"),
]

NOISE = [
    Noise("ja-noise-deploy", "hire-api", "datadog.event", {"monitor": "Deployed hire-api", "text": "hire-api 2026.10.2 rolled out (3/3 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "hire"}),
    Noise("ja-noise-recovered", "dock-worker", "datadog.log", {"monitor": "[dock-worker] error logs", "transition": "Recovered", "alert_type": "success", "team": "hire", "filter": "service:dock-worker status:error", "text": "dock-worker errors back to normal."}),
    Noise("ja-noise-listening", "hire-api", "splunk", {"line": '{"level":30,"time":1772700000123,"pid":1,"hostname":"hire-api-7d9c5b7f4-x2kqp","msg":"hire-api listening on :8080"}', "search": "hire-api - 5xx"}),
]

HEBDEN = Company(
    key="ja",
    name="Hebden Cycle Hire",
    domain="hebden-cycles.example",
    sentry_org="hebden-cycles",
    splunk_url="https://splunk.hebden-cycles.example:8000",
    splunk_guid="86A1B2C3-0D4E-4F50-8A61-7B2C3D4E8610",
    datadog_org=("861010", "Hebden Cycle Hire"),
    datadog_template="recommended",
    posthog_project=(86101, "Hebden Cycles"),
    releases=("2026.10.1", "2026.10.2", "2026.10.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="hebden-sentry-client-secret",
)
# fmt: on
