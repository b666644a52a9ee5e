"""(gw) Arnside Parcels, a parcel-shipping broker: an Express 4 API in TypeScript compiled by
``tsc`` to ``dist/`` (``parcels-api``: quotes, labels, pickups, tracking; node-postgres, axios
to the carriers' APIs, ioredis, @aws-sdk/client-s3 for label PDFs) on Node 20. Source maps are
uploaded to Sentry only: the logs and PostHog show the compiled files.

Logs: winston 3 with ``format.combine(timestamp(), errors({stack: true}), json())`` on stdout,
collected by the Datadog Agent: ``logger.error(err)`` in the error middleware (``message``,
``stack``), ``logger.error("label purchase failed", err)`` where winston appends the error's
message to the text, ``logger.error(`...: ${err.message}`)`` without a stack (``gw-winston``).
Sentry: @sentry/node 8 with the Express integration. PostHog: posthog-node's
``captureException`` in the error middleware. Datadog: the recommended template; log
monitors over winston's attributes and APM monitors. No Splunk.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import NODE_TICKS, nd
from .ombersley import EXPRESS

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "parcels-api": Service("parcels-api", "node", "gw-winston", "", "", "", 4410973, "node v20.18.0", framework="express", sdk=("sentry.javascript.node", "8.38.0", "npm:@sentry/node")),
}
AXIOS = (
    nd("node_modules/axios/dist/node/axios.cjs", "Axios.request", 4252, 41, lib=True, awaited=True),
    NODE_TICKS,
    nd("node_modules/axios/dist/node/axios.cjs", "settle", 2019, 12, lib=True),
)
AXIOS_TIMEOUT = (
    nd("node_modules/axios/dist/node/axios.cjs", "Axios.request", 4252, 41, lib=True, awaited=True),
    NODE_TICKS,
    nd("node_modules/axios/dist/node/axios.cjs", "RedirectableRequest.handleRequestTimeout", 3294, 16, lib=True),
    nd("node_modules/axios/dist/node/axios.cjs", "AxiosError.from", 876, 14, lib=True),
)
PG = (NODE_TICKS, nd("node_modules/pg-pool/index.js", "", 45, 11, lib=True))


def src(file: str, fn: str, line: int, col: int, awaited: bool = True) -> Frame:
    return nd("src/" + file, fn, line, col, awaited=awaited)


def route(file: str, fn: str, line: int, col: int) -> tuple[Frame, ...]:
    """A synchronous handler: Express's router frames under it."""
    return (*EXPRESS, src(f"routes/{file}", fn, line, col, awaited=False))


CARRIER = src("carriers/http.ts", "carrierRequest", 27, 20)
LOGS = dict(team="parcels", monitor="[parcels-api] error logs", filter="service:parcels-api status:error", text="{{log.attributes.message}}\n\n```\n{{log.attributes.stack}}\n```")
LOGS_SHORT = dict(team="parcels", monitor="[parcels-api] error logs", filter="service:parcels-api status:error", style="sample")
CARRIERS = dict(team="parcels", monitor="[parcels-api] carrier API failures", filter='service:parcels-api status:error "carrier"', text="Carrier calls failing on parcels-api.\n\n{{log.attributes.message}}\n{{log.attributes.url}}")
APM = dict(team="parcels", monitor="[parcels-api] express.request errors by type", style="type")
APM_ROUTE = dict(team="parcels", monitor="[parcels-api] route error rate", style="route")

BUGS = [
    # The same read of undefined in two synchronous handlers.
    Bug("gw-quote-weight", "parcels-api", (Exc("TypeError", "Cannot read properties of undefined (reading 'weightGrams')", (*route("quotes.ts", "createQuote", 31, 42), src("pricing/dims.ts", "chargeableWeight", 12, 28, awaited=False))),),
        (see("sentry.error", 3), see("posthog", 2), see("datadog.log", **LOGS), see("datadog.apm", **APM)),
        classes=(2, 4), pair="gw-label-weight", entry="POST /v1/quotes"),
    Bug("gw-label-weight", "parcels-api", (Exc("TypeError", "Cannot read properties of undefined (reading 'weightGrams')", (*route("labels.ts", "validateLabel", 54, 37),)),),
        (see("sentry.error", 2), see("sentry.issue", 1), see("posthog", 1), see("datadog.log", **LOGS_SHORT)),
        classes=(2, 4, 6), pair="gw-quote-weight", entry="POST /v1/labels", span=2, renames={"validateLabel": "assertLabelable"}),
    # Two carriers failing through one request helper: a timeout and a 503.
    Bug("gw-dhl-timeout", "parcels-api", (Exc("AxiosError", "timeout of 10000ms exceeded", (src("routes/rates.ts", "listRates", 22, 18), src("carriers/dhl.ts", "DhlClient.rates", 41, 12), CARRIER, *AXIOS_TIMEOUT)),),
        (see("sentry.error", 3), see("posthog", 1), see("datadog.log", **CARRIERS), see("datadog.log", **CARRIERS, meta=True)),
        classes=(2, 4, 9, 10), pair="gw-ups-503", entry="GET /v1/rates", log="carrier rates failed"),
    Bug("gw-ups-503", "parcels-api", (Exc("AxiosError", "Request failed with status code 503", (src("routes/pickups.ts", "bookPickup", 36, 16), src("carriers/ups.ts", "UpsClient.schedulePickup", 58, 12), CARRIER, *AXIOS)),),
        (see("sentry.error", 2), see("datadog.log", **CARRIERS, meta=True), see("datadog.apm", **APM)),
        classes=(2, 4, 9), pair="gw-dhl-timeout", entry="POST /v1/pickups", log="carrier pickup failed"),
    # node-postgres' unique violations on two tables.
    Bug("gw-shipment-dup", "parcels-api", (Exc("error", 'duplicate key value violates unique constraint "shipments_tracking_number_key"', (src("routes/shipments.ts", "createShipment", 44, 5), src("db/shipments.ts", "insertShipment", 19, 3), *PG)),),
        (see("sentry.error", 3), see("posthog", 1), see("datadog.log", **LOGS), see("datadog.apm", **APM_ROUTE)),
        classes=(2, 4), pair="gw-pickup-dup", entry="POST /v1/shipments"),
    Bug("gw-pickup-dup", "parcels-api", (Exc("error", 'duplicate key value violates unique constraint "pickups_depot_id_pickup_date_key"', (src("routes/pickups.ts", "bookPickup", 49, 5), src("db/pickups.ts", "insertPickup", 23, 3), *PG)),),
        (see("sentry.error", 2), see("datadog.log", **LOGS), see("datadog.log", **LOGS, nostack=True)),
        classes=(2, 4, 10), pair="gw-shipment-dup", entry="POST /v1/pickups", log="pickup insert failed"),
    # A carrier answering an HTML error page where JSON was expected, in two places.
    Bug("gw-tracking-html", "parcels-api", (Exc("SyntaxError", "Unexpected token '<', \"<!DOCTYPE \"... is not valid JSON", (src("jobs/trackingSync.ts", "syncTracking", 33, 9), src("carriers/evri.ts", "EvriClient.events", 27, 24), nd("<anonymous>", "JSON.parse", 0, 0, lib=True))),),
        (see("sentry.error", 3), see("datadog.log", **LOGS), see("posthog", 1)),
        classes=(2, 4), pair="gw-manifest-html", entry="tracking-sync", log="tracking sync failed"),
    Bug("gw-manifest-html", "parcels-api", (Exc("SyntaxError", "Unexpected token '<', \"<!DOCTYPE \"... is not valid JSON", (src("routes/manifests.ts", "closeManifest", 61, 9), src("carriers/yodel.ts", "YodelClient.closeManifest", 48, 24), nd("<anonymous>", "JSON.parse", 0, 0, lib=True))),),
        (see("sentry.error", 2), see("datadog.log", **LOGS_SHORT), see("datadog.apm", **APM)),
        classes=(2, 4), pair="gw-tracking-html", entry="POST /v1/manifests/{id}/close"),
    # One price function, two failures: an unknown currency and a missing zone.
    Bug("gw-price-currency", "parcels-api", (Exc("RangeError", "Invalid currency code : {rarecur}x", (*route("quotes.ts", "createQuote", 35, 24), src("pricing/price.ts", "priceFor", 18, 22, awaited=False), nd("<anonymous>", "new NumberFormat", 0, 0, lib=True))),),
        (see("sentry.error", 3), see("posthog", 1), see("datadog.log", **LOGS)),
        classes=(2, 4), pair="gw-price-zone", entry="POST /v1/quotes"),
    Bug("gw-price-zone", "parcels-api", (Exc("TypeError", "Cannot read properties of undefined (reading 'surcharge')", (*route("quotes.ts", "createQuote", 35, 24), src("pricing/price.ts", "priceFor", 11, 39, awaited=False))),),
        (see("sentry.error", 2), see("posthog", 2), see("datadog.apm", **APM)),
        classes=(2, 4), pair="gw-price-currency", entry="POST /v1/quotes"),
    # The classic Express double response, spread over releases with a renamed handler.
    Bug("gw-headers-sent", "parcels-api", (Exc("Error", "Cannot set headers after they are sent to the client", (*route("tracking.ts", "getTracking", 40, 9), nd("node_modules/express/lib/response.js", "ServerResponse.json", 278, 15, lib=True), nd("node_modules/express/lib/response.js", "ServerResponse.send", 174, 12, lib=True), nd("node_modules/express/lib/response.js", "ServerResponse.setHeader", 794, 10, lib=True), nd("node:_http_outgoing", "ServerResponse.setHeader", 659, 11, lib=True))),),
        (see("sentry.error", 4), see("datadog.log", 2, **LOGS), see("posthog", 1, resolved=True)),
        classes=(2, 5, 6), entry="GET /v1/tracking/{id}", span=3, renames={"getTracking": "showTracking"}),
    # Label PDFs refused by the bucket policy.
    Bug("gw-s3-denied", "parcels-api", (Exc("AccessDenied", "User: arn:aws:sts::418822610455:assumed-role/parcels-api-prod/{hex} is not authorized to perform: s3:PutObject on resource: \"arn:aws:s3:::arnside-labels-prod/labels/{id}.pdf\" because no identity-based policy allows the s3:PutObject action", (src("routes/labels.ts", "purchaseLabel", 72, 5), src("storage/labels.ts", "storeLabelPdf", 15, 3), NODE_TICKS, nd("node_modules/@smithy/middleware-serde/dist-cjs/index.js", "", 35, 20, lib=True), nd("node_modules/@smithy/smithy-client/dist-cjs/index.js", "throwDefaultError", 867, 20, lib=True))),),
        (see("sentry.error", 3), see("datadog.log", **LOGS, meta=True)),
        classes=(2,), entry="POST /v1/labels/{id}/purchase", log="label purchase failed"),
    # Redis gone: ioredis' unhandled error event.
    Bug("gw-redis-refused", "parcels-api", (Exc("Error", "connect ECONNREFUSED {ip}:6379", (nd("node:net", "TCPConnectWrap.afterConnect [as oncomplete]", 1607, 16, lib=True),)),),
        (see("sentry.error", 2, mechanism="onunhandledrejection"), see("datadog.log", 2, **LOGS_SHORT)),
        classes=(2,), entry=""),
    # The CSV export formatting a shipment without a collection date.
    Bug("gw-export-date", "parcels-api", (Exc("RangeError", "Invalid time value", (*route("exports.ts", "exportShipments", 28, 31), src("exports/csv.ts", "toRow", 14, 40, awaited=False), nd("<anonymous>", "Date.toISOString", 0, 0, lib=True))),),
        (see("sentry.error", 3), see("posthog", 1), see("datadog.log", **LOGS), see("datadog.apm", **APM_ROUTE)),
        classes=(2,), entry="GET /v1/exports/shipments.csv"),
    # Seen once.
    Bug("gw-stack-overflow", "parcels-api", (Exc("RangeError", "Maximum call stack size exceeded", (*route("addresses.ts", "normalise", 18, 10), src("addresses/format.ts", "flattenLines", 9, 21, awaited=False))),),
        (see("sentry.error", 1),), entry="POST /v1/addresses/normalise", singleton=True),
]

NOISE = [
    Noise("gw-noise-deploy", "parcels-api", "datadog.event", {"monitor": "Deploy", "text": "parcels-api v3.14.0 deployed (ECS service parcels-api-prod, 4/4 tasks healthy).", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("gw-noise-recovered", "parcels-api", "datadog.log", {"monitor": "[parcels-api] carrier API failures", "text": "Recovered: carrier API failures on parcels-api back to normal.", "transition": "Recovered", "alert_type": "success"}),
    Noise("gw-noise-resolved", "parcels-api", "sentry.metric", {"rule": "parcels-api errors per 10 minutes", "aggregate": "count()", "action": "resolved", "value": "{n}"}),
]

ARNSIDE = Company(
    key="gw",
    name="Arnside Parcels",
    domain="arnside-parcels.example",
    sentry_org="arnside",
    splunk_url="",
    splunk_guid="",
    datadog_org=("731377", "Arnside Parcels"),
    datadog_template="recommended",
    posthog_project=(88391, "Arnside API"),
    releases=("3.13.2", "3.14.0", "3.14.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="arnside-sentry-client-secret",
)
# fmt: on
