"""(hw) Yarrowby Self Storage, forty storage sites: an Express 4 API in plain JavaScript on
Node 20 (``units-api``: unit search, rentals, move-in dates, access-gate codes, insurance
quotes, card payments through a payments gateway; node-postgres) and ``billing-worker`` (a
poller that raises the monthly invoices, emails them by nodemailer and archives the PDFs to
S3), both run by PM2 (``pm2 start ecosystem.config.js --time``) on two VMs.

Errors reach PM2's ``~/.pm2/logs/<app>-error-<n>.log`` through ``console.error(err)`` and
``console.error('context', err)``: Node's ``util.inspect`` of the error, every line prefixed by
PM2 with ``2026-03-05T10:11:12: ``. The Splunk Universal Forwarder reads those files; the API's
stanza merges the lines of one print (most events whole, some cut), an older host's stanza
breaks at every prefix so the search matches only the first line; the worker writes PM2's
``--log-type json``. Sentry: @sentry/node 8 (``Sentry.setupExpressErrorHandler``).
PostHog: posthog-node's ``captureException`` in the error middleware. Datadog: APM monitors by
error type and log monitors pasting ``{{log.message}}`` (all four tools).
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import NODE_TICKS, nd

# fmt: off
SDK = ("sentry.javascript.node", "8.42.0", "npm:@sentry/node")
SERVICES = {
    "units-api": Service("units-api", "node", "hw-pm2-time", "pm2:err", "/home/deploy/.pm2/logs/units-api-error-0.log", "storage_app", 7640011, "node v20.17.0", framework="express", sdk=SDK),
    "billing-worker": Service("billing-worker", "node", "hw-pm2-json", "pm2:json", "/home/deploy/.pm2/logs/billing-worker-error-0.log", "storage_app", 7640012, "node v20.17.0", framework="generic", sdk=SDK),
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
POLL = (
    nd("node:internal/timers", "process.processTimers", 519, 7, lib=True),
    nd("node:internal/timers", "listOnTimeout", 581, 17, lib=True),
    nd("worker/poll.js", "Timeout.tick", 22, 5),
)
# ``await res.json()`` on an HTML body: undici's body mixin under the app's awaits.
UNDICI_JSON = (
    nd("node:internal/deps/undici/undici", "specConsumeBody", 5309, 7, lib=True, awaited=True),
    NODE_TICKS,
    nd("node:internal/deps/undici/undici", "fullyReadBody", 1447, 9, lib=True),
    nd("node:internal/deps/undici/undici", "successSteps", 5300, 27, lib=True),
    nd("node:internal/deps/undici/undici", "parseJSONFromBytes", 5329, 19, lib=True),
)
PG_QUERY = (
    NODE_TICKS,
    nd("node_modules/pg-pool/index.js", "", 45, 11, lib=True, awaited=True),
)


def sync(file: str, function: str, line: int, col: int) -> Frame:
    """The app's own code, a synchronous frame."""
    return nd(file, function, line, col)


def aw(file: str, function: str, line: int, col: int) -> Frame:
    """The app's own code, awaited by its caller (``at async fn``)."""
    return nd(file, function, line, col, awaited=True)


LOGMON = {"team": "storage", "monitor": "[units-api] errors in pm2 error log", "filter": "service:units-api source:pm2 status:error", "text": "New lines in the units-api PM2 error log:\n\n```\n{{log.message}}\n```", "sample_lines": 6}
LOGMON_SHORT = {"team": "storage", "monitor": "[units-api] errors in pm2 error log", "filter": "service:units-api source:pm2 status:error", "text": "units-api error on {{log.host}}: {{log.message}}", "sample_lines": 1}
WORKMON = {"team": "storage", "monitor": "[billing-worker] failures", "filter": "service:billing-worker status:error", "text": "billing-worker logged an error on {{log.host}}\n\n```\n{{log.message}}\n```", "sample_lines": 8}
APM = {"team": "storage", "style": "type"}
APM_MSG = {"team": "storage", "style": "message"}
ERRS = "units-api - pm2 errors"
WORKS = "billing-worker - failures"

UNIT = "Cannot read properties of undefined (reading 'unitId')"
HTML_JSON = "Unexpected token '<', \"<!DOCTYPE \"... is not valid JSON"
SMTP_PROPS = ("code: 'ETIMEDOUT'", "command: 'CONN'")
PG_PROPS = ("length: {n}", "severity: 'ERROR'", "code: '23505'", "schema: 'public'", "file: 'nbtinsert.c'", "line: '666'", "routine: '_bt_check_unique'")

BUGS = [
    # The same undefined unit: reserving a unit (API) and invoicing a rental (worker).
    Bug("hw-reserve-unit-undefined", "units-api", (Exc("TypeError", UNIT, (*EXPRESS, sync("routes/reservations.js", "reserveUnit", 38, 41), sync("lib/pricing.js", "monthlyRate", 12, 30))),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("posthog", 2), see("splunk", 2, search=ERRS), see("splunk", format="hw-pm2-time", first=True, search=ERRS), see("datadog.apm", **APM)),
        classes=(4, 5), pair="hw-invoice-unit-undefined", entry="POST /api/reservations", span=3, renames={"reserveUnit": "createReservation"}),
    Bug("hw-invoice-unit-undefined", "billing-worker", (Exc("TypeError", UNIT, (*POLL, sync("worker/invoices.js", "raiseInvoices", 51, 24), sync("worker/lines.js", "rentLine", 17, 33))),),
        (see("sentry.error", 3), see("splunk", 2, search=WORKS), see("datadog.log", **WORKMON)),
        classes=(4,), pair="hw-reserve-unit-undefined", log="invoice run failed", entry="raise-invoices"),
    # One insert helper, two unique constraints (node-postgres names its error "error").
    Bug("hw-dup-active-rental", "units-api", (Exc("error", 'duplicate key value violates unique constraint "rentals_unit_id_active_key"', (aw("routes/rentals.js", "createRental", 57, 22), aw("db/insert.js", "insertRow", 9, 18), *PG_QUERY)),),
        (see("sentry.error", 3), see("posthog", 1), see("splunk", 2, props=PG_PROPS, search=ERRS), see("splunk", props=PG_PROPS, keep=3, search=ERRS), see("datadog.apm", **APM)),
        classes=(4,), pair="hw-dup-customer-email", log="rental insert failed", entry="POST /api/rentals"),
    Bug("hw-dup-customer-email", "units-api", (Exc("error", 'duplicate key value violates unique constraint "customers_email_key"', (aw("routes/customers.js", "signUp", 31, 20), aw("db/insert.js", "insertRow", 9, 18), *PG_QUERY)),),
        (see("sentry.error", 2), see("posthog", 2), see("splunk", 2, props=PG_PROPS, search=ERRS), see("datadog.log", **LOGMON)),
        classes=(4,), pair="hw-dup-active-rental", log="customer insert failed", entry="POST /api/customers"),
    # The payments gateway: the connection refused (undici's cause) and a 502 the client throws on.
    Bug("hw-pay-refused", "units-api", (Exc("Error", "connect ECONNREFUSED 10.20.0.14:8443", (nd("node:net", "TCPConnectWrap.afterConnect [as oncomplete]", 1607, 16, lib=True),)), Exc("TypeError", "fetch failed", (aw("routes/payments.js", "takePayment", 44, 21), aw("lib/gateway.js", "GatewayClient.charge", 28, 22), nd("node:internal/deps/undici/undici", "fetch", 13185, 13, lib=True)))),
        (see("sentry.error", 3), see("posthog", 1), see("splunk", 2, search=ERRS), see("splunk", first=True, search=ERRS), see("datadog.apm", **APM_MSG)),
        classes=(9,), pair="hw-pay-502", log="payment failed", entry="POST /api/payments"),
    Bug("hw-pay-502", "units-api", (Exc("GatewayError", "payments gateway responded 502 Bad Gateway", (aw("routes/payments.js", "takePayment", 44, 21), aw("lib/gateway.js", "GatewayClient.charge", 35, 13))),),
        (see("sentry.error", 2), see("sentry.alert", rule="Gateway failures"), see("splunk", 2, search=ERRS), see("datadog.log", **LOGMON_SHORT)),
        classes=(9,), pair="hw-pay-refused", log="payment failed", entry="POST /api/payments"),
    # One move-in date parser, two exceptions.
    Bug("hw-movein-invalid", "units-api", (Exc("RangeError", "Invalid time value", (*EXPRESS, sync("routes/rentals.js", "quoteMoveIn", 88, 27), sync("lib/dates.js", "parseMoveIn", 14, 40), nd("node_modules/date-fns/format.js", "format", 356, 11, lib=True))),),
        (see("sentry.error", 2), see("posthog", 2), see("splunk", 2, search=ERRS), see("datadog.apm", **APM)),
        classes=(4,), pair="hw-movein-split", entry="GET /api/rentals/quote"),
    Bug("hw-movein-split", "units-api", (Exc("TypeError", "Cannot read properties of undefined (reading 'split')", (*EXPRESS, sync("routes/rentals.js", "quoteMoveIn", 88, 27), sync("lib/dates.js", "parseMoveIn", 9, 31))),),
        (see("sentry.error", 3), see("posthog", 1), see("splunk", search=ERRS), see("splunk", first=True, search=ERRS), see("datadog.log", **LOGMON)),
        classes=(4,), pair="hw-movein-invalid", entry="GET /api/rentals/quote"),
    # HTML where JSON was expected, from the gate controller and the insurer.
    Bug("hw-gate-html", "units-api", (Exc("SyntaxError", HTML_JSON, (aw("routes/access.js", "issueGateCode", 26, 19), aw("lib/gate.js", "pushCode", 41, 17), *UNDICI_JSON)),),
        (see("sentry.error", 2), see("posthog", 1), see("splunk", 2, search=ERRS), see("datadog.log", **LOGMON)),
        classes=(4,), pair="hw-insurance-html", log="gate code push failed", entry="POST /api/access/{id}/code"),
    Bug("hw-insurance-html", "units-api", (Exc("SyntaxError", HTML_JSON, (aw("routes/insurance.js", "quoteCover", 19, 24), aw("lib/insurer.js", "fetchQuote", 33, 20), *UNDICI_JSON)),),
        (see("sentry.error", 3), see("posthog", 2), see("splunk", search=ERRS), see("datadog.apm", **APM_MSG)),
        classes=(4,), pair="hw-gate-html", log="insurance quote failed", entry="GET /api/insurance/quote"),
    # Two worker failures under one saved search and one monitor: S3 and SMTP.
    Bug("hw-archive-s3", "billing-worker", (Exc("AccessDenied", "Access Denied", (*POLL, aw("worker/invoices.js", "archiveInvoice", 77, 5), aw("lib/archive.js", "putPdf", 15, 18), nd("node_modules/@smithy/smithy-client/dist-cjs/index.js", "throwDefaultError", 838, 20, lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, search=WORKS), see("datadog.log", 2, **WORKMON)),
        classes=(2,), pair="hw-email-smtp", log="invoice archive failed", entry="raise-invoices"),
    Bug("hw-email-smtp", "billing-worker", (Exc("Error", "Connection timeout", (nd("node_modules/nodemailer/lib/smtp-connection/index.js", "SMTPConnection._formatError", 809, 19, lib=True), nd("node_modules/nodemailer/lib/smtp-connection/index.js", "SMTPConnection._onError", 795, 20, lib=True), nd("node_modules/nodemailer/lib/smtp-connection/index.js", "Timeout.<anonymous>", 237, 22, lib=True), nd("node:internal/timers", "listOnTimeout", 581, 17, lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, props=SMTP_PROPS, search=WORKS), see("datadog.log", **WORKMON)),
        classes=(2, 10), pair="hw-archive-s3", log="invoice email failed", entry="raise-invoices"),
    # Not pairs.
    Bug("hw-headers-sent", "units-api", (Exc("Error", "Cannot set headers after they are sent to the client", (*EXPRESS, sync("routes/units.js", "listUnits", 64, 9), nd("node_modules/express/lib/response.js", "ServerResponse.json", 278, 15, lib=True), nd("node_modules/express/lib/response.js", "ServerResponse.send", 234, 10, lib=True), nd("node_modules/express/lib/response.js", "ServerResponse.header", 794, 10, lib=True), nd("node:_http_outgoing", "ServerResponse.setHeader", 655, 11, lib=True))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("splunk", 2, props=("code: 'ERR_HTTP_HEADERS_SENT'",), search=ERRS), see("datadog.apm", **APM)),
        classes=(5, 10), entry="GET /api/units", span=2),
    Bug("hw-pool-timeout", "units-api", (Exc("Error", "timeout exceeded when trying to connect", (nd("node:internal/timers", "listOnTimeout", 581, 17, lib=True), nd("node_modules/pg-pool/index.js", "Timeout.<anonymous>", 178, 27, lib=True))),),
        (see("sentry.error", 3), see("splunk", 2, search=ERRS), see("datadog.log", **LOGMON_SHORT), see("datadog.apm", **APM_MSG)),
        classes=(10,), entry="GET /api/sites/{id}/units"),
    Bug("hw-promo-not-fn", "units-api", (Exc("TypeError", "promo.discountFor is not a function", (*EXPRESS, sync("routes/reservations.js", "applyPromo", 112, 29))),),
        (see("sentry.error", 2), see("posthog", 2), see("splunk", search=ERRS), see("splunk", first=True, search=ERRS)),
        classes=(1,), entry="POST /api/reservations/{id}/promo"),
    Bug("hw-vat-rounding", "billing-worker", (Exc("InvoiceTotalMismatch", "invoice INV-{id} lines sum to {n}.01 but total is {n}.00", (*POLL, aw("worker/invoices.js", "raiseInvoices", 63, 11), sync("worker/totals.js", "assertTotals", 21, 15))),),
        (see("sentry.error", 2), see("splunk", 2, search=WORKS), see("datadog.log", **WORKMON)),
        classes=(1,), log="invoice run failed", entry="raise-invoices"),
    Bug("hw-sites-nearby", "units-api", (Exc("error", 'function st_dwithin(geography, geography, unknown) does not exist', (aw("routes/sites.js", "nearbySites", 18, 25), aw("db/sites.js", "findNearby", 42, 16), *PG_QUERY)),),
        (see("sentry.error", 2), see("posthog", 1), see("splunk", props=("code: '42883'",), search=ERRS), see("datadog.apm", **APM)),
        classes=(1,), entry="GET /api/sites/nearby"),
    Bug("hw-singleton-heap", "billing-worker", (Exc("RangeError", "Invalid string length", (*POLL, aw("worker/export.js", "exportLedger", 39, 27), sync("worker/export.js", "serialiseRows", 12, 17))),),
        (see("sentry.error"),),
        singleton=True, entry="export-ledger"),
    Bug("hw-singleton-csv", "units-api", (Exc("TypeError", "Cannot read properties of null (reading 'toFixed')", (*EXPRESS, sync("routes/reports.js", "occupancyCsv", 52, 44))),),
        (see("splunk", search=ERRS),),
        singleton=True, entry="GET /api/reports/occupancy.csv"),
]

NOISE = [
    Noise("hw-noise-deploy", "units-api", "datadog.event", {"monitor": "Deploy", "text": "units-api 2026.10.3 reloaded by pm2 on storage-vm-1 and storage-vm-2.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "storage"}),
    Noise("hw-noise-recovered", "billing-worker", "datadog.log", {"monitor": "[billing-worker] failures", "transition": "Recovered", "alert_type": "success", "team": "storage", "filter": "service:billing-worker status:error", "text": "billing-worker failures back to normal."}),
    Noise("hw-noise-pm2-online", "units-api", "splunk", {"search": ERRS, "line": "2026-03-09T06:12:40: PM2 log: App [units-api:0] online"}),
]

YARROWBY = Company(
    key="hw",
    name="Yarrowby Self Storage",
    domain="yarrowby-storage.example",
    sentry_org="yarrowby",
    splunk_url="https://splunk.yarrowby-storage.example:8000",
    splunk_guid="5B1E0C8D-2F7A-4E61-9C33-7A0D51E2B9F4",
    datadog_org=("764001", "Yarrowby Self Storage"),
    datadog_template="recommended",
    posthog_project=(76401, "Yarrowby units-api"),
    releases=("2026.10.1", "2026.10.2", "2026.10.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="yarrowby-sentry-client-secret",
)
# fmt: on
