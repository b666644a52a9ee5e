"""(ku) Edgeley Removals, a house-removals firm's quoting and scheduling app: a Node.js 20
Express 4 app on Heroku (``moves-web``: plain CommonJS, node-postgres over Heroku Postgres,
axios to a maps API and to Twilio, PDFKit invoices) and a ``worker`` dyno running the crew
scheduler and SMS reminders from the same repository (``moves-worker``).

Splunk: Heroku's HTTPS drain into HEC, one RFC 5424 event per stdout line. The web dyno's
error middleware still ``console.error``s the request line and the error (its stack, one event
per line, a drain batch sometimes cut short: ``ku-console-drain``); the worker and the newer
routes log through winston's ``Console`` transport as one JSON line with the stack inside
(``ku-winston-drain``). Datadog: the same drain, log monitors on Datadog's default payload
(no template), one per dyno type and one on the router's H12. Sentry: @sentry/node 7 with the
Express handlers. PostHog: posthog-node's ``captureException`` in the error middleware for
signed-in customers (compiled frames as they run, nothing mapped).
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import nd

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.javascript.node", "7.114.0", "npm:@sentry/node")
SERVICES = {
    "moves-web": Service("moves-web", "node", "ku-console-drain", "heroku:drain", "http:heroku-edgeley-moves", "edgeley_heroku", 6620511, "node v20.12.2", framework="express", sdk=SDK),
    "moves-worker": Service("moves-worker", "node", "ku-winston-drain", "heroku:drain", "http:heroku-edgeley-moves", "edgeley_heroku", 6620512, "node v20.12.2", framework="onunhandledrejection", sdk=SDK),
}

EX = "node_modules/express/lib/router/"
EXPRESS = (
    nd(EX + "index.js", "next", 280, 10, lib=True),
    nd(EX + "route.js", "next", 149, 13, lib=True),
    nd(EX + "route.js", "Route.dispatch", 119, 3, lib=True),
    nd(EX + "layer.js", "Layer.handle [as handle_request]", 95, 5, lib=True),
)
TICKS = nd("node:internal/process/task_queues", "process.processTicksAndRejections", 95, 5, lib=True)
PG = (
    nd("node_modules/pg-protocol/dist/parser.js", "Parser.parse", 36, 17, lib=True),
    nd("node_modules/pg-protocol/dist/parser.js", "Parser.handlePacket", 127, 29, lib=True),
    nd("node_modules/pg-protocol/dist/parser.js", "Parser.parseErrorMessage", 287, 98, lib=True),
)
# An awaited axios call fails after a tick: the callers are printed as ``at async``.
AXIOS = (
    TICKS,
    nd("node_modules/axios/lib/core/Axios.js", "Axios.request", 45, 41, lib=True),
)
# Every outbound call goes through one helper.
GETJSON = nd("lib/http.js", "getJson", 14, 22, awaited=True)


def route(file: str, line: int, col: int, *more: Frame) -> tuple[Frame, ...]:
    return (*EXPRESS, nd(f"routes/{file}", "", line, col), *more)


def lib(file: str, function: str, line: int, col: int, *, awaited: bool = False) -> Frame:
    return nd(f"lib/{file}", function, line, col, awaited=awaited)


def worker(function: str, line: int, col: int, *more: Frame) -> tuple[Frame, ...]:
    """The job resumed after an await: the loop is ``at async tick`` below the ticks."""
    return (nd("worker.js", "tick", 38, 5, awaited=True), TICKS, nd(f"jobs/{function}.js", function, line, col), *more)


WEB = dict(search="moves - web errors", owner="svc_moves", app="heroku")
WORK = dict(search="moves - worker errors", owner="svc_moves", app="heroku")
ROUTER = dict(search="moves - router errors", owner="svc_moves", app="heroku", sourcetype="heroku:router")
DDWEB = dict(team="moves", monitor="[moves] errors on web dynos", filter='source:heroku service:edgeley-moves @syslog.procid:web* "failed"', style="sample", format="ku-console-dd")
DDWORK = dict(team="moves", monitor="[moves] worker errors", filter='source:heroku service:edgeley-moves @syslog.procid:worker* @level:error', text="{{log.attributes.message}}\n\n```\n{{log.attributes.stack}}\n```", format="ku-winston-dd")
PH: dict[str, object] = {}
ROOMS = "Cannot read properties of undefined (reading 'rooms')"


def notnull(column: str, table: str) -> tuple[Exc, ...]:
    return (Exc("error", f'null value in column "{column}" of relation "{table}" violates not-null constraint', PG),)


BUGS = [
    # One missing property read in two routes.
    Bug("ku-quote-rooms", "moves-web", (Exc("TypeError", ROOMS, route("quotes.js", 33, 28, lib("volume.js", "estimateCubicFeet", 11, 31))),),
        (see("sentry.error", 3), see("sentry.error", release=2), see("splunk", 2, **WEB), see("splunk", keep=3, **WEB), see("posthog", 2, **PH), see("datadog.log", **DDWEB)),
        classes=(4, 5), pair="ku-survey-rooms", log="POST /api/quotes failed", entry="POST /api/quotes", span=3, renames={"estimateCubicFeet": "estimateVolume"}),
    Bug("ku-survey-rooms", "moves-web", (Exc("TypeError", ROOMS, route("surveys.js", 52, 40, lib("survey.js", "roomList", 27, 24))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **WEB), see("datadog.log", 2, **DDWEB)),
        classes=(4,), pair="ku-quote-rooms", log="GET /api/surveys/:id failed", entry="GET /api/surveys/{id}"),
    # node-postgres NOT NULL violations: only the relation tells them apart.
    Bug("ku-address-notnull", "moves-web", notnull("postcode", "addresses"),
        (see("sentry.error", 3), see("splunk", 2, props="length: 2{n}|severity: 'ERROR'|code: '23502'|table: 'addresses'|column: 'postcode'", **WEB), see("posthog", **PH), see("datadog.log", **DDWEB)),
        classes=(4, 10), pair="ku-inventory-notnull", log="POST /api/moves failed", entry="POST /api/moves"),
    Bug("ku-inventory-notnull", "moves-web", notnull("volume_cuft", "inventory_items"),
        (see("sentry.error", 2), see("splunk", 2, props="length: 2{n}|severity: 'ERROR'|code: '23502'|table: 'inventory_items'|column: 'volume_cuft'", **WEB), see("datadog.log", **DDWEB)),
        classes=(4, 10), pair="ku-address-notnull", log="POST /api/moves/:id/inventory failed", entry="POST /api/moves/{id}/inventory"),
    # The maps helper at the end of two failures.
    Bug("ku-maps-timeout", "moves-web", (Exc("AxiosError", "timeout of 5000ms exceeded", (lib("maps.js", "drivingMiles", 21, 18, awaited=True), GETJSON, *AXIOS)),),
        (see("sentry.error", 3), see("splunk", 2, **WEB), see("posthog", **PH), see("datadog.log", 2, **DDWEB)),
        classes=(9,), pair="ku-maps-403", log="POST /api/quotes failed", entry="POST /api/quotes", span=2),
    Bug("ku-maps-403", "moves-web", (Exc("AxiosError", "Request failed with status code 403", (lib("maps.js", "geocode", 9, 18, awaited=True), GETJSON, *AXIOS)),),
        (see("sentry.error", 2), see("splunk", 2, **WEB), see("datadog.log", **DDWEB)),
        classes=(9,), pair="ku-maps-timeout", log="POST /api/moves failed", entry="POST /api/moves"),
    # One invoice renderer, two exceptions.
    Bug("ku-invoice-date", "moves-web", (Exc("RangeError", "Invalid time value", route("invoices.js", 18, 9, lib("invoice.js", "renderInvoice", 44, 31), nd("node_modules/date-fns/format.js", "format", 353, 11, lib=True))),),
        (see("sentry.error", 3), see("splunk", 2, **WEB), see("datadog.log", **DDWEB)),
        classes=(4,), pair="ku-invoice-font", log="GET /api/invoices/:id.pdf failed", entry="GET /api/invoices/{id}.pdf"),
    Bug("ku-invoice-font", "moves-web", (Exc("Error", "ENOENT: no such file or directory, open '/app/assets/fonts/Inter-Bold.ttf'", route("invoices.js", 18, 9, lib("invoice.js", "renderInvoice", 29, 9), nd("node_modules/pdfkit/js/pdfkit.js", "PDFDocument.font", 3961, 15, lib=True), nd("node:fs", "Object.openSync", 581, 3, lib=True))),),
        (see("sentry.error", 2), see("splunk", **WEB), see("splunk", keep=2, **WEB)),
        classes=(4,), pair="ku-invoice-date", log="GET /api/invoices/:id.pdf failed", entry="GET /api/invoices/{id}.pdf"),
    # Two worker bugs under one saved search and one monitor.
    Bug("ku-sms-429", "moves-worker", (Exc("RestException", "Too Many Requests", (nd("worker.js", "tick", 38, 5, awaited=True), nd("jobs/reminders.js", "sendReminder", 31, 5, awaited=True), TICKS, nd("node_modules/twilio/lib/base/Version.js", "Version.create", 222, 23, lib=True))),),
        (see("sentry.error", 3), see("splunk", 3, **WORK), see("datadog.log", 2, **DDWORK)),
        classes=(2,), pair="ku-crew-null", log="reminder failed", entry="reminders"),
    Bug("ku-crew-null", "moves-worker", (Exc("TypeError", "Cannot read properties of null (reading 'van')", worker("assignCrews", 47, 29, lib("crews.js", "pickVan", 12, 22))),),
        (see("sentry.error", 2), see("splunk", 2, **WORK), see("datadog.log", 2, **DDWORK)),
        classes=(2,), pair="ku-sms-429", log="crew scheduling failed", entry="assignCrews"),
    # Not pairs.
    Bug("ku-webhook-json", "moves-web", (Exc("SyntaxError", "Unexpected token 'o', \"not json\" is not valid JSON", (nd("node_modules/body-parser/lib/types/json.js", "parse", 92, 19, lib=True), nd("<anonymous>", "JSON.parse", 0, 0, lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, **WEB), see("datadog.log", **DDWEB)),
        entry="POST /api/webhooks/twilio"),
    Bug("ku-worker-pg-crash", "moves-worker", (Exc("Error", "Connection terminated unexpectedly", (nd("node_modules/pg/lib/client.js", "Connection.<anonymous>", 132, 73, lib=True), nd("node:events", "Object.onceWrapper", 633, 28, lib=True), nd("node_modules/pg/lib/connection.js", "Socket.<anonymous>", 62, 12, lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, **WORK), see("splunk", line="<45>1 {tsnaive}+00:00 host heroku worker.1 - Process exited with status 1\n<45>1 {tsnaive}+00:00 host heroku worker.1 - State changed from up to crashed", search="moves - dyno crashes", owner="svc_moves", app="heroku", sourcetype="heroku:platform"), see("datadog.log", **DDWORK)),
        log="uncaught exception", entry="worker"),
    Bug("ku-h12-quotes", "moves-web", (),
        (see("splunk", 3, line='<158>1 {tsnaive}+00:00 host heroku router - at=error code=H12 desc="Request timeout" method=POST path="/api/quotes" host=moves.edgeleyremovals.example request_id={uuid} fwd="{ip}" dyno=web.{idx} connect=1ms service=30000ms status=503 bytes=0 protocol=https', **ROUTER), see("datadog.log", 2, team="moves", monitor="[moves] H12 request timeouts", filter="source:heroku @syslog.appname:heroku code:H12", text='at=error code=H12 desc="Request timeout" method=POST path="/api/quotes" dyno=web.{idx} service=30000ms status=503')),
        classes=(7,)),
    Bug("ku-stripe-signature", "moves-web", (Exc("StripeSignatureVerificationError", "No signatures found matching the expected signature for payload. Are you passing the raw request body you received from Stripe?", route("payments.js", 64, 31, nd("node_modules/stripe/cjs/Webhooks.js", "Object.constructEvent", 12, 23, lib=True), nd("node_modules/stripe/cjs/Webhooks.js", "validateComputedSignature", 157, 19, lib=True))),),
        (see("sentry.error", 3), see("sentry.alert", rule="moves-web: new issue in payments"), see("splunk", 2, **WEB)),
        log="POST /api/payments/webhook failed", entry="POST /api/payments/webhook"),
    Bug("ku-deposit-nan", "moves-web", (Exc("Error", "Invalid integer: NaN", route("deposits.js", 21, 17, nd("node_modules/stripe/cjs/StripeResource.js", "StripeResource._makeRequest", 180, 19, lib=True))),),
        (see("sentry.error", 2), see("posthog", 2, **PH), see("splunk", **WEB)),
        log="POST /api/deposits failed", entry="POST /api/deposits"),
    Bug("ku-singleton-ical", "moves-web", (Exc("TypeError", "Cannot read properties of undefined (reading 'toISOString')", route("calendar.js", 12, 44)),),
        (see("sentry.error"),),
        singleton=True, entry="GET /api/calendar.ics"),
]

NOISE = [
    Noise("ku-noise-release", "moves-web", "splunk", {**ROUTER, "sourcetype": "heroku:platform", "line": "<190>1 {tsnaive}+00:00 host app api - Deploy 4f{hex} by ci@edgeleyremovals.example\n<190>1 {tsnaive}+00:00 host app api - Release v8{n} created by user ci@edgeleyremovals.example"}),
    Noise("ku-noise-restart", "moves-worker", "splunk", {**ROUTER, "sourcetype": "heroku:platform", "line": "<45>1 {tsnaive}+00:00 host heroku worker.1 - Cycling\n<45>1 {tsnaive}+00:00 host heroku worker.1 - State changed from up to starting\n<45>1 {tsnaive}+00:00 host heroku worker.1 - Stopping all processes with SIGTERM\n<45>1 {tsnaive}+00:00 host heroku worker.1 - Process exited with status 143"}),
    Noise("ku-noise-recovered", "moves-web", "datadog.log", {"monitor": "[moves] H12 request timeouts", "transition": "Recovered", "alert_type": "success", "team": "moves", "filter": "source:heroku @syslog.appname:heroku code:H12", "text": "H12 timeouts back under threshold."}),
]

EDGELEY = Company(
    key="ku",
    name="Edgeley Removals",
    domain="edgeleyremovals.example",
    sentry_org="edgeley-removals",
    splunk_url="https://edgeley.splunkcloud.com",
    splunk_guid="B6E0F3A2-9D17-4C58-8E41-27A9C3D1F064",
    datadog_org=("711358", "Edgeley Removals"),
    datadog_template="default",
    posthog_project=(80552, "Edgeley moves"),
    releases=("v81", "v84", "v88"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="edgeley-sentry-client-secret",
)
# fmt: on
