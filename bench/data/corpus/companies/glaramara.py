"""(if) Glaramara Couriers, same-day courier dispatch for city shops: an Express 4 API in
plain JavaScript on Node 20 (``dispatch-api``: quotes, bookings, drivers, proof-of-delivery
photos; node-postgres, a geocoding provider) and a Bull 4 worker on Redis (``dispatch-worker``:
labels, shop webhooks, photo archiving, nightly settlements), each a Docker container on two
VMs under docker compose.

They log with ``console.*`` only: ``console.error('context', err)`` in the Express error
middleware and in the Bull queue's ``failed`` listener, which prints Node's ``util.inspect`` of
the error. Docker's ``splunk`` logging driver ships stderr with ``splunk-format: json``: one
event per line (``{"line": …, "source": "stderr", "tag": <container>}``), so the saved search
usually matches only the line naming the error; the worker's host turned the driver's
multi-line option on later (whole prints); one older search alerts on every stderr line and
so matches a lone ``at …`` frame. Sentry: @sentry/node 8 (``setupExpressErrorHandler``, Bull
failures through ``captureException``); PostHog: posthog-node's ``captureException``; Datadog:
APM monitors by error type and log monitors pasting ``{{log.message}}`` of the Agent's container
logs (one line each, or five with auto multi-line detection). All four tools.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import NODE_TICKS, nd

# fmt: off
SDK = ("sentry.javascript.node", "8.47.0", "npm:@sentry/node")
SERVICES = {
    "dispatch-api": Service("dispatch-api", "node", "if-docker-splunk", "httpevent", "http:docker-dispatch", "courier_prod", 7910011, "node v20.18.1", framework="express", sdk=SDK),
    "dispatch-worker": Service("dispatch-worker", "node", "if-docker-splunk", "httpevent", "http:docker-dispatch", "courier_prod", 7910012, "node v20.18.1", framework="generic", sdk=SDK),
}
# Express 4's router under a handler (oldest first).
EXPRESS = (
    nd("node_modules/express/lib/router/index.js", "next", 280, 10, lib=True),
    nd("node_modules/express/lib/router/index.js", "Function.process_params", 346, 12, lib=True),
    nd("node_modules/express/lib/router/index.js", "", 284, 15, lib=True),
    nd("node_modules/express/lib/router/layer.js", "Layer.handle [as handle_request]", 95, 5, lib=True),
    nd("node_modules/express/lib/router/route.js", "Route.dispatch", 119, 3, lib=True),
    nd("node_modules/express/lib/router/route.js", "next", 149, 13, lib=True),
    nd("node_modules/express/lib/router/layer.js", "Layer.handle [as handle_request]", 95, 5, lib=True),
)
# Bull 4 calling a named processor.
BULL = (
    nd("node_modules/bull/lib/queue.js", "Queue.processJob", 1213, 22, lib=True),
    nd("node_modules/bull/lib/queue.js", "", 1152, 30, lib=True),
    nd("node_modules/bull/lib/process/utils.js", "tryCatch", 13, 18, lib=True),
)
PG_QUERY = (
    NODE_TICKS,
    nd("node_modules/pg-pool/index.js", "", 45, 11, lib=True, awaited=True),
)


def sync(file: str, function: str, line: int, col: int) -> Frame:
    return nd(file, function, line, col)


def aw(file: str, function: str, line: int, col: int) -> Frame:
    return nd(file, function, line, col, awaited=True)


API_S = "dispatch-api - stderr errors"
WRK_S = "dispatch-worker - failed jobs"
ALL_S = "dispatch - any stderr"
API = dict(search=API_S)
WRK = dict(search=WRK_S, app="courier_ops", owner="ops")
WHOLE = dict(search=WRK_S, app="courier_ops", owner="ops", whole=True)
FRAME = dict(search=ALL_S, lineno=1)
LOG1 = {"team": "dispatch", "monitor": "[dispatch-api] stderr errors", "filter": "service:dispatch-api source:nodejs status:error", "text": "dispatch-api wrote an error on {{log.host}}: {{log.message}}", "sample_lines": 1, "format": "if-console"}
LOG5 = {"team": "dispatch", "monitor": "[dispatch-api] stderr errors", "filter": "service:dispatch-api source:nodejs status:error", "text": "New errors in dispatch-api:\n\n```\n{{log.message}}\n```", "sample_lines": 5, "format": "if-console"}
WLOG = {"team": "dispatch", "monitor": "[dispatch-worker] failed jobs", "filter": "service:dispatch-worker status:error", "text": "A Bull job failed on {{log.host}}\n\n```\n{{log.message}}\n```", "sample_lines": 4, "format": "if-console"}
APM = {"team": "dispatch", "style": "type"}

PARCEL = "Cannot read properties of undefined (reading 'weightKg')"
PG_PROPS = ("length: {n}", "severity: 'ERROR'", "code: '23505'", "schema: 'public'", "file: 'nbtinsert.c'", "line: '666'", "routine: '_bt_check_unique'")
GEO = aw("lib/geocoder.js", "Geocoder.lookup", 47, 23)

BUGS = [
    # The same undefined parcel: quoting (API) and printing a label (worker).
    Bug("if-quote-parcel-undefined", "dispatch-api", (Exc("TypeError", PARCEL, (*EXPRESS, sync("routes/quotes.js", "priceQuote", 41, 33), sync("lib/pricing.js", "chargeableWeight", 18, 29))),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("posthog", 2), see("splunk", 2, **API), see("splunk", **FRAME), see("datadog.apm", **APM)),
        classes=(4, 5), pair="if-label-parcel-undefined", log="quote failed", entry="POST /v1/quotes", span=3, renames={"priceQuote": "quoteParcel"}),
    Bug("if-label-parcel-undefined", "dispatch-worker", (Exc("TypeError", PARCEL, (*BULL, sync("jobs/labels.js", "printLabel", 27, 38), sync("lib/labels.js", "labelLines", 12, 31))),),
        (see("sentry.error", 2), see("splunk", 2, **WRK), see("splunk", **WHOLE), see("datadog.log", **WLOG)),
        classes=(4,), pair="if-quote-parcel-undefined", log="[labels] job {id} failed:", entry="labels"),
    # One insert helper, two unique constraints.
    Bug("if-dup-booking-ref", "dispatch-api", (Exc("error", 'duplicate key value violates unique constraint "bookings_shop_ref_key"', (aw("routes/bookings.js", "createBooking", 63, 24), aw("db/insert.js", "insertRow", 11, 18), *PG_QUERY)),),
        (see("sentry.error", 3), see("posthog", 1), see("splunk", 2, props=PG_PROPS, **API), see("datadog.log", props=PG_PROPS, **LOG5)),
        classes=(4, 9), pair="if-dup-driver-phone", log="booking insert failed", entry="POST /v1/bookings"),
    Bug("if-dup-driver-phone", "dispatch-api", (Exc("error", 'duplicate key value violates unique constraint "drivers_phone_key"', (aw("routes/drivers.js", "registerDriver", 29, 20), aw("db/insert.js", "insertRow", 11, 18), *PG_QUERY)),),
        (see("sentry.error", 2), see("posthog", 2), see("splunk", 2, props=PG_PROPS, **API), see("datadog.log", **LOG1)),
        classes=(4, 9), pair="if-dup-booking-ref", log="driver insert failed", entry="POST /v1/drivers"),
    # One geocoder call: a timeout (AbortSignal.timeout) and the provider's 429.
    Bug("if-geo-timeout", "dispatch-api", (Exc("TimeoutError", "The operation was aborted due to timeout", (nd("node:internal/deps/undici/undici", "fetch", 13502, 13, lib=True), NODE_TICKS, aw("routes/quotes.js", "createQuote", 35, 22), GEO)),),
        (see("sentry.error", 3), see("posthog", 1), see("splunk", 2, **API), see("datadog.apm", **APM)),
        classes=(4,), pair="if-geo-429", log="geocode failed", entry="POST /v1/quotes"),
    Bug("if-geo-429", "dispatch-api", (Exc("GeocoderError", "geocoder answered 429 Too Many Requests for {ip}", (aw("routes/quotes.js", "createQuote", 35, 22), aw("lib/geocoder.js", "Geocoder.lookup", 53, 13))),),
        (see("sentry.error", 2), see("posthog", 2), see("splunk", **API), see("splunk", **FRAME), see("datadog.log", **LOG5)),
        classes=(4,), pair="if-geo-timeout", log="geocode failed", entry="POST /v1/quotes"),
    # One ETA formatter: an invalid date and a missing speed.
    Bug("if-eta-invalid-date", "dispatch-api", (Exc("RangeError", "Invalid time value", (*EXPRESS, sync("routes/tracking.js", "trackingStatus", 22, 30), sync("lib/eta.js", "formatEta", 9, 34))),),
        (see("sentry.error", 2), see("posthog", 1), see("splunk", 2, **API), see("datadog.apm", **APM)),
        classes=(4,), pair="if-eta-speed-null", entry="GET /v1/tracking/{id}"),
    Bug("if-eta-speed-null", "dispatch-api", (Exc("TypeError", "Cannot read properties of null (reading 'toFixed')", (*EXPRESS, sync("routes/tracking.js", "trackingStatus", 22, 30), sync("lib/eta.js", "formatEta", 14, 41))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("posthog", 2), see("splunk", 2, **API), see("datadog.log", **LOG1)),
        classes=(4, 5), pair="if-eta-invalid-date", entry="GET /v1/tracking/{id}", span=2),
    # Two worker failures under one saved search and one monitor: a shop webhook and S3.
    Bug("if-shop-webhook-refused", "dispatch-worker", (Exc("Error", "connect ECONNREFUSED {ip}:443", (nd("node:net", "TCPConnectWrap.afterConnect [as oncomplete]", 1610, 16, lib=True),)), Exc("TypeError", "fetch failed", (*BULL, aw("jobs/webhooks.js", "notifyShop", 19, 21), nd("node:internal/deps/undici/undici", "fetch", 13502, 13, lib=True)))),
        (see("sentry.error", 2), see("splunk", 2, **WRK), see("splunk", **WHOLE), see("datadog.log", 2, **WLOG)),
        classes=(2,), pair="if-photo-s3-denied", log="[webhooks] job {id} failed:", entry="webhooks"),
    Bug("if-photo-s3-denied", "dispatch-worker", (Exc("AccessDenied", "Access Denied", (*BULL, aw("jobs/photos.js", "archivePhoto", 33, 5), aw("lib/store.js", "putObject", 15, 18), nd("node_modules/@smithy/smithy-client/dist-cjs/index.js", "throwDefaultError", 867, 20, lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, props=("'$fault': 'client'", "'$metadata': { httpStatusCode: 403, requestId: '{hex}', attempts: 1, totalRetryDelay: 0 }", "Code: 'AccessDenied'"), **WRK), see("datadog.log", **WLOG)),
        classes=(2,), pair="if-shop-webhook-refused", log="[photos] job {id} failed:", entry="photos"),
    # Not pairs.
    Bug("if-headers-sent", "dispatch-api", (Exc("Error", "Cannot set headers after they are sent to the client", (*EXPRESS, sync("routes/drivers.js", "driverShifts", 71, 9), nd("node_modules/express/lib/response.js", "ServerResponse.json", 278, 15, lib=True), nd("node_modules/express/lib/response.js", "ServerResponse.send", 234, 10, lib=True), nd("node_modules/express/lib/response.js", "ServerResponse.header", 794, 10, lib=True), nd("node:_http_outgoing", "ServerResponse.setHeader", 699, 11, lib=True))),),
        (see("sentry.error", 2), see("sentry.error", release=1, in_app="all"), see("splunk", 2, props=("code: 'ERR_HTTP_HEADERS_SENT'",), **API), see("datadog.apm", **APM)),
        classes=(10,), entry="GET /v1/drivers/{id}/shifts"),
    Bug("if-redis-max-retries", "dispatch-worker", (Exc("MaxRetriesPerRequestError", 'Reached the max retries per request limit (which is 20). Refer to "maxRetriesPerRequest" option for details.', (nd("node_modules/ioredis/built/redis/event_handler.js", "Socket.<anonymous>", 182, 37, lib=True), nd("node_modules/ioredis/built/redis/event_handler.js", "close", 170, 28, lib=True))),),
        (see("sentry.error", 3), see("splunk", 2, **WRK), see("datadog.log", **WLOG)),
        classes=(10,), log="[settlements] job {id} failed:", entry="settlements"),
    Bug("if-job-stalled", "dispatch-worker", (Exc("Error", "job stalled more than allowable limit", (nd("node_modules/bull/lib/queue.js", "Queue.onFailed", 712, 17, lib=True), nd("node_modules/bull/lib/queue.js", "", 1066, 23, lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, **WRK), see("splunk", **WHOLE)),
        classes=(1,), log="[labels] job {id} failed:", entry="labels"),
    Bug("if-pod-photo-size", "dispatch-api", (Exc("PayloadTooLargeError", "request entity too large", (nd("node_modules/raw-body/index.js", "readStream", 163, 17, lib=True), nd("node_modules/raw-body/index.js", "getRawBody", 116, 12, lib=True), nd("node_modules/body-parser/lib/read.js", "read", 79, 3, lib=True), nd("node_modules/body-parser/lib/types/json.js", "jsonParser", 138, 5, lib=True))),),
        (see("sentry.error", 2), see("posthog", 1), see("splunk", 2, props=("expected: {n}0412", "length: {n}0412", "limit: 102400", "type: 'entity.too.large'"), **API), see("datadog.log", **LOG1)),
        classes=(10,), log="request failed", entry="POST /v1/bookings/{id}/proof"),
    Bug("if-settlement-total", "dispatch-worker", (Exc("SettlementMismatch", "settlement S-{id} lines sum to {n}.40 but payout is {n}.39", (*BULL, aw("jobs/settlements.js", "settleDriver", 58, 11), sync("lib/money.js", "assertBalanced", 21, 15))),),
        (see("sentry.error", 2), see("posthog", 1), see("splunk", **WRK), see("datadog.log", **WLOG)),
        classes=(1,), log="[settlements] job {id} failed:", entry="settlements"),
    Bug("if-zone-not-fn", "dispatch-api", (Exc("TypeError", "zone.contains is not a function", (*EXPRESS, sync("routes/quotes.js", "serviceArea", 88, 19))),),
        (see("sentry.error", 2), see("posthog", 2), see("splunk", 2, **API), see("datadog.apm", **APM)),
        classes=(1,), entry="GET /v1/quotes/area"),
    Bug("if-singleton-json", "dispatch-api", (Exc("SyntaxError", "Unexpected token 'b', \"bad\" is not valid JSON", (nd("node_modules/body-parser/lib/types/json.js", "parse", 92, 19, lib=True),)),),
        (see("splunk", **API),),
        singleton=True, log="request failed", entry="POST /v1/webhooks/shopify"),
    Bug("if-singleton-sharp", "dispatch-worker", (Exc("Error", "Input buffer contains unsupported image format", (*BULL, aw("jobs/photos.js", "thumbnail", 71, 9))),),
        (see("sentry.error"),),
        singleton=True, entry="photos"),
]

NOISE = [
    Noise("if-noise-deploy", "dispatch-api", "datadog.event", {"monitor": "Deploy", "text": "dispatch-api image 2026.12.2 rolled out by docker compose on courier-vm-1 and courier-vm-2.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "dispatch"}),
    Noise("if-noise-recovered", "dispatch-worker", "datadog.log", {"monitor": "[dispatch-worker] failed jobs", "transition": "Recovered", "alert_type": "success", "team": "dispatch", "filter": "service:dispatch-worker status:error", "text": "dispatch-worker failed jobs back to normal."}),
    Noise("if-noise-listening", "dispatch-api", "splunk", {"search": ALL_S, "line": '{"line":"dispatch-api listening on :3000 (NODE_ENV=production)","source":"stderr","tag":"dispatch-api-1"}'}),
]

GLARAMARA = Company(
    key="if",
    name="Glaramara Couriers",
    domain="glaramara-couriers.example",
    sentry_org="glaramara",
    splunk_url="https://splunk.glaramara-couriers.example:8000",
    splunk_guid="8C2D41F0-6B3E-4A97-B1D5-2E90F7A4C613",
    datadog_org=("791001", "Glaramara Couriers"),
    datadog_template="recommended",
    posthog_project=(79101, "Glaramara dispatch-api"),
    releases=("2026.12.1", "2026.12.2", "2026.12.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="glaramara-sentry-client-secret",
)
# fmt: on
