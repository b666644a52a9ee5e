"""(ho) Zetland Ferries, an island ferry operator's booking system: a Fastify 4 API on Node 20
(``sailings-api``: bookings, vehicle deck allocation, check-in, Stripe webhooks; node-postgres,
undici ``fetch`` to a marine-weather service) and ``manifest-jobs`` (node-cron jobs that build
the passenger manifests and ship them to the harbour authority by SFTP and to S3), TypeScript
built with ``tsc`` to ``dist/``.

The API logs through Fastify's built-in pino logger (``reqId``, ``req``, ``res``, ``err``
{type, message, stack, code, statusCode}): the default error handler's record for a 5xx
(the error's message as ``msg``), ``request completed`` at info with ``res.statusCode`` 500,
and in the last release the team's ``setErrorHandler`` logging ``Request errored``; the jobs
through a standalone pino logger. No Splunk: the records reach Datadog, whose log monitors
paste their attributes. Sentry: @sentry/node (source maps uploaded, but for one release).
PostHog: posthog-node's ``captureException`` in the error handler. No APM.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import NODE_TICKS, nd

# fmt: off
SDK = ("sentry.javascript.node", "8.47.0", "npm:@sentry/node")
SERVICES = {
    "sailings-api": Service("sailings-api", "node", "ho-pino", "", "", "", 7330021, "node v20.18.1", framework="fastify", sdk=SDK),
    "manifest-jobs": Service("manifest-jobs", "node", "ho-pino", "", "", "", 7330022, "node v20.18.1", framework="generic", sdk=SDK),
}
# A handler that throws before its first await: Fastify's request pipeline below it.
FASTIFY = (
    nd("node_modules/fastify/lib/route.js", "Object.routeHandler [as handler]", 528, 5, lib=True),
    nd("node_modules/fastify/lib/handleRequest.js", "handleRequest", 34, 5, lib=True),
    nd("node_modules/fastify/lib/handleRequest.js", "handler", 75, 7, lib=True),
    nd("node_modules/fastify/lib/handleRequest.js", "preValidationCallback", 98, 5, lib=True),
    nd("node_modules/fastify/lib/handleRequest.js", "validationCompleted", 121, 5, lib=True),
    nd("node_modules/fastify/lib/handleRequest.js", "preHandlerCallback", 137, 37, lib=True),
)
CRON = (
    nd("node_modules/node-cron/src/scheduled-task.js", "Task.execute", 32, 31, lib=True),
    NODE_TICKS,
)


def ts(file: str, function: str, line: int, col: int) -> Frame:
    """The app's TypeScript, awaited by its caller."""
    return nd(f"src/{file}", function, line, col, awaited=True)


def tsx(file: str, function: str, line: int, col: int) -> Frame:
    """The app's TypeScript, the innermost synchronous frame."""
    return nd(f"src/{file}", function, line, col)


PG_QUERY = (
    NODE_TICKS,
    nd("node_modules/pg-pool/index.js", "", 45, 11, lib=True, awaited=True),
    nd("node_modules/pg/lib/client.js", "Client._handleErrorMessage", 336, 15, lib=True),
)
DECK = "Cannot read properties of undefined (reading 'deckCode')"

ERRMON = {"team": "ferries", "monitor": "sailings-api 5xx errors", "filter": "service:sailings-api status:error", "text": "`{{log.attributes.err.type}}` on **{{log.attributes.req.method}} {{log.attributes.req.url}}** ({{log.attributes.reqId}})\n\n> {{log.attributes.err.message}}\n\n```\n{{log.attributes.err.stack}}\n```"}
HEADMON = {"team": "ferries", "monitor": "sailings-api 5xx errors", "filter": "service:sailings-api status:error", "text": "{{log.attributes.msg}}\n\n{{log.attributes.err.type}} ({{log.attributes.err.code}})"}
DONE500 = {"team": "ferries", "monitor": "sailings-api responses 500", "filter": "service:sailings-api @res.statusCode:500 @msg:\"request completed\"", "kind": "completed", "text": "500 returned to {{log.attributes.reqId}} after {{log.attributes.responseTime}} ms on {{log.host}}."}
JOBMON = {"team": "ferries", "monitor": "manifest-jobs errors", "filter": "service:manifest-jobs status:error", "text": "**{{log.attributes.job}}**: {{log.attributes.msg}}\n\n> {{log.attributes.err.type}}: {{log.attributes.err.message}}\n\n```\n{{log.attributes.err.stack}}\n```"}

BUGS = [
    # The same undefined deck code: quoting a vehicle fare and laying out the manifest.
    Bug("ho-quote-deck-undefined", "sailings-api", (Exc("TypeError", DECK, (*FASTIFY, tsx("routes/fares.ts", "quoteVehicle", 41, 52), tsx("fares/vehicle-fare.ts", "laneRate", 17, 33))),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("sentry.error", release=1, sourcemaps=False), see("posthog", 2), see("datadog.log", **ERRMON), see("datadog.log", **DONE500)),
        classes=(4, 5), pair="ho-manifest-deck-undefined", entry="POST /v1/fares/vehicle", span=3, renames={"quoteVehicle": "quoteVehicleFare"}),
    Bug("ho-manifest-deck-undefined", "manifest-jobs", (Exc("TypeError", DECK, (*CRON, ts("jobs/build-manifest.ts", "buildManifest", 58, 22), tsx("manifest/vehicle-rows.ts", "vehicleRow", 23, 41))),),
        (see("sentry.error", 3), see("datadog.log", 2, **JOBMON)),
        classes=(4,), pair="ho-quote-deck-undefined", log="manifest build failed", entry="build-manifest"),
    # One insert helper, two unique constraints (node-postgres names its error "error").
    Bug("ho-dup-pnr", "sailings-api", (Exc("error", 'duplicate key value violates unique constraint "bookings_pnr_key"', (ts("routes/bookings.ts", "createBooking", 66, 30), ts("db/insert.ts", "insertRow", 12, 20), *PG_QUERY)),),
        (see("sentry.error", 3), see("posthog", 1), see("datadog.log", code="23505", errtype="DatabaseError", **ERRMON), see("datadog.log", code="23505", errtype="DatabaseError", **HEADMON)),
        classes=(4,), pair="ho-dup-seat", entry="POST /v1/bookings"),
    Bug("ho-dup-seat", "sailings-api", (Exc("error", 'duplicate key value violates unique constraint "passengers_sailing_id_seat_key"', (ts("routes/passengers.ts", "assignSeat", 39, 28), ts("db/insert.ts", "insertRow", 12, 20), *PG_QUERY)),),
        (see("sentry.error", 2), see("sentry.issue"), see("posthog", 1), see("datadog.log", code="23505", errtype="DatabaseError", **ERRMON)),
        classes=(4,), pair="ho-dup-pnr", entry="PUT /v1/sailings/{id}/seats"),
    # One weather client: fetch failing to connect, and a 503 the client throws on.
    Bug("ho-weather-connect", "sailings-api", (Exc("ConnectTimeoutError", "Connect Timeout Error (attempted address: api.marinewx.example:443, timeout: 10000ms)", (nd("node_modules/undici/lib/core/connect.js", "onConnectTimeout", 237, 24, lib=True), nd("node:internal/timers", "listOnTimeout", 581, 17, lib=True))), Exc("TypeError", "fetch failed", (ts("routes/sailings.ts", "sailingStatus", 27, 24), ts("weather/client.ts", "WeatherClient.get", 19, 22), nd("node:internal/deps/undici/undici", "fetch", 13502, 13, lib=True)))),
        (see("sentry.error", 3), see("posthog", 1), see("datadog.log", **ERRMON)),
        classes=(9,), pair="ho-weather-503", entry="GET /v1/sailings/{id}/status"),
    Bug("ho-weather-503", "sailings-api", (Exc("HttpError", "marine weather responded 503 Service Unavailable", (ts("routes/sailings.ts", "sailingStatus", 27, 24), ts("weather/client.ts", "WeatherClient.get", 24, 13))),),
        (see("sentry.error", 2), see("sentry.alert", rule="Weather upstream failures"), see("datadog.log", status=502, **ERRMON), see("datadog.log", status=502, **HEADMON)),
        classes=(9,), pair="ho-weather-connect", entry="GET /v1/sailings/{id}/status"),
    # One next-sailing helper, two exceptions.
    Bug("ho-next-sailing-date", "sailings-api", (Exc("RangeError", "Invalid time value", (*FASTIFY, tsx("routes/timetable.ts", "nextSailing", 33, 18), tsx("timetable/next.ts", "nextDeparture", 14, 44))),),
        (see("sentry.error", 3), see("posthog", 1), see("datadog.log", **ERRMON)),
        classes=(4,), pair="ho-next-sailing-empty", entry="GET /v1/routes/{id}/next"),
    Bug("ho-next-sailing-empty", "sailings-api", (Exc("TypeError", "Cannot read properties of undefined (reading 'departsAt')", (*FASTIFY, tsx("routes/timetable.ts", "nextSailing", 33, 18), tsx("timetable/next.ts", "nextDeparture", 11, 27))),),
        (see("sentry.error", 2), see("posthog", 2), see("datadog.log", kind="errored", release=2, **ERRMON)),
        classes=(4,), pair="ho-next-sailing-date", entry="GET /v1/routes/{id}/next"),
    # Two job failures under one monitor: S3 access and the harbour SFTP.
    Bug("ho-manifest-s3", "manifest-jobs", (Exc("AccessDenied", "Access Denied", (*CRON, ts("jobs/ship-manifest.ts", "shipManifest", 31, 7), ts("manifest/store.ts", "putManifest", 18, 20), nd("node_modules/@smithy/smithy-client/dist-cjs/index.js", "throwDefaultError", 867, 20, lib=True))),),
        (see("sentry.error", 2), see("datadog.log", 2, **JOBMON)),
        classes=(2,), pair="ho-manifest-sftp", log="manifest upload failed", entry="ship-manifest"),
    Bug("ho-manifest-sftp", "manifest-jobs", (Exc("Error", "read ECONNRESET", (nd("node:internal/stream_base_commons", "TCP.onStreamRead", 218, 20, lib=True),)),),
        (see("sentry.error", 2), see("datadog.log", 2, code="ECONNRESET", **JOBMON)),
        classes=(2, 10), pair="ho-manifest-s3", log="manifest upload failed", entry="ship-manifest"),
    # Not pairs.
    Bug("ho-stripe-signature", "sailings-api", (Exc("StripeSignatureVerificationError", "No signatures found matching the expected signature for payload. Are you passing the raw request body you received from Stripe? \n If a webhook request is being forwarded by a third-party tool, ensure that the exact request body, including JSON formatting and new line style, is preserved.\n\nLearn more about webhook signing and explore webhook integration examples for various frameworks at https://docs.stripe.com/webhooks/signature\n", (*FASTIFY, tsx("routes/stripe-webhook.ts", "stripeWebhook", 22, 35), nd("node_modules/stripe/cjs/Webhooks.js", "Object.verifyHeader", 138, 23, lib=True))),),
        (see("sentry.error", 3), see("datadog.log", 2, **ERRMON)),
        classes=(1,), entry="POST /v1/webhooks/stripe"),
    Bug("ho-bigint-serialize", "sailings-api", (Exc("TypeError", "Do not know how to serialize a BigInt", (ts("routes/checkin.ts", "checkInSummary", 48, 11), nd("node_modules/fastify/lib/reply.js", "Reply.send", 215, 28, lib=True), nd("node_modules/fastify/lib/reply.js", "serialize", 786, 14, lib=True))),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("posthog", 2), see("datadog.log", **ERRMON), see("datadog.log", **DONE500)),
        classes=(5,), entry="GET /v1/checkin/{id}/summary", span=2),
    Bug("ho-pool-timeout", "sailings-api", (Exc("Error", "timeout exceeded when trying to connect", (nd("node_modules/pg-pool/index.js", "Timeout.<anonymous>", 178, 27, lib=True), nd("node:internal/timers", "listOnTimeout", 581, 17, lib=True), nd("node:internal/timers", "process.processTimers", 519, 7, lib=True))),),
        (see("sentry.error", 3), see("datadog.log", 2, **HEADMON)),
        classes=(10,), entry="GET /v1/sailings"),
    Bug("ho-singleton-stack", "sailings-api", (Exc("RangeError", "Maximum call stack size exceeded", (tsx("fares/discounts.ts", "applyDiscounts", 61, 12), tsx("fares/discounts.ts", "applyDiscounts", 64, 14))),),
        (see("sentry.error"),),
        singleton=True, entry="POST /v1/fares/passenger"),
]

NOISE = [
    Noise("ho-noise-deploy", "sailings-api", "datadog.event", {"monitor": "Deploy", "text": "sailings-api v2026.11.3 rolled out to 3/3 tasks.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "ferries"}),
    Noise("ho-noise-recovered", "manifest-jobs", "datadog.log", {"monitor": "manifest-jobs errors", "transition": "Recovered", "alert_type": "success", "team": "ferries", "filter": "service:manifest-jobs status:error", "text": "manifest-jobs errors back to normal."}),
    Noise("ho-noise-metric", "sailings-api", "sentry.metric", {"rule": "sailings-api p95 latency", "aggregate": "p95(transaction.duration)", "dataset": "transactions", "action": "critical", "value": "{ms}", "threshold": 1500}),
]

ZETLAND = Company(
    key="ho",
    name="Zetland Ferries",
    domain="zetland-ferries.example",
    sentry_org="zetland",
    splunk_url="",
    splunk_guid="",
    datadog_org=("733002", "Zetland Ferries"),
    datadog_template="custom",
    posthog_project=(73302, "Zetland sailings-api"),
    releases=("2026.11.1", "2026.11.2", "2026.11.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="zetland-sentry-client-secret",
)
# fmt: on
