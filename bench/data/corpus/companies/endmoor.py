"""(en) Endmoor Couriers, a same-day courier's quoting and booking API: a Node.js 20 Express 4
app (``dispatch-web``, plain CommonJS, no build step; node-postgres over Heroku Postgres,
axios to the carriers, Stripe) and a ``worker`` dyno polling a Redis queue
(``dispatch-worker``), both on Heroku.

Sentry: @sentry/node 7 with the Express handlers. Splunk: Heroku's HTTPS log drain, so every
line is Logplex's (``2026-03-04T10:12:01.123456+00:00 app[web.1]: ...``) and the router's own
``heroku[router]: at=error code=H12`` lines arrive beside the app's ``console.error`` stacks.
Datadog: the Heroku log drain, log monitors pasting the same lines. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import nd

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.javascript.node", "7.119.0", "npm:@sentry/node")
SERVICES = {
    "dispatch-web": Service("dispatch-web", "node", "en-express-logplex", "heroku:logplex", "https://endmoor-dispatch.herokuapp.com", "endmoor_heroku", 8810021, "node v20.17.0", framework="express", sdk=SDK),
    "dispatch-worker": Service("dispatch-worker", "node", "en-express-logplex", "heroku:logplex", "https://endmoor-dispatch.herokuapp.com", "endmoor_heroku", 8810024, "node v20.17.0", framework="onunhandledrejection", sdk=SDK),
}

EX = "node_modules/express/lib/router/"
EXPRESS = (
    nd(EX + "index.js", "next", 280, 10, lib=True),
    nd(EX + "index.js", "Function.process_params", 346, 12, lib=True),
    nd(EX + "layer.js", "Layer.handle [as handle_request]", 95, 5, lib=True),
    nd(EX + "route.js", "next", 149, 13, lib=True),
    nd(EX + "route.js", "Route.dispatch", 119, 3, lib=True),
    nd(EX + "layer.js", "Layer.handle [as handle_request]", 95, 5, lib=True),
)
TICKS = nd("node:internal/process/task_queues", "process.processTicksAndRejections", 95, 5, lib=True)
# node-postgres rejects from the socket's data handler: no frame of the app survives.
PG = (
    nd("node:internal/streams/readable", "addChunk", 559, 12, lib=True),
    nd("node:events", "Socket.emit", 519, 28, lib=True),
    nd("node_modules/pg-protocol/dist/index.js", "Socket.<anonymous>", 11, 42, lib=True),
    nd("node_modules/pg-protocol/dist/parser.js", "Parser.parse", 36, 17, lib=True),
    nd("node_modules/pg-protocol/dist/parser.js", "Parser.handlePacket", 127, 29, lib=True),
    nd("node_modules/pg-protocol/dist/parser.js", "Parser.parseErrorMessage", 287, 98, lib=True),
)
AXIOS = (
    TICKS,
    nd("node_modules/axios/lib/core/Axios.js", "Axios.request", 45, 41, lib=True, awaited=True),
)
REDIS = (nd("node:net", "TCPConnectWrap.afterConnect [as oncomplete]", 1607, 16, lib=True),)
TLS = (
    nd("node:events", "TLSSocket.emit", 519, 28, lib=True),
    nd("node:_tls_wrap", "TLSSocket._finishInit", 1078, 8, lib=True),
    nd("node:_tls_wrap", "TLSSocket.onConnectSecure", 1674, 34, lib=True),
)
BODY = (
    nd("node_modules/raw-body/index.js", "IncomingMessage.onEnd", 287, 7, lib=True),
    nd("node_modules/raw-body/index.js", "invokeCallback", 238, 16, lib=True),
    nd("node:async_hooks", "AsyncResource.runInAsyncScope", 206, 9, lib=True),
    nd("node_modules/body-parser/lib/read.js", "", 128, 18, lib=True),
    nd("node_modules/body-parser/lib/types/json.js", "parse", 92, 19, lib=True),
    nd("<anonymous>", "JSON.parse", 0, 0, lib=True),
)


def route(file: str, line: int, col: int, *more: Frame) -> tuple[Frame, ...]:
    # Async route handlers are anonymous arrow functions: V8 prints only the file.
    return (*EXPRESS, nd(f"routes/{file}", "", line, col), *more)


def lib(file: str, function: str, line: int, col: int, *, awaited: bool = False) -> Frame:
    return nd(f"lib/{file}", function, line, col, awaited=awaited)


WEB = {"search": "dispatch - app errors"}
WORK = {"search": "dispatch - app errors", "dyno": "worker"}
ROUTER = {"search": "dispatch - router errors", "sourcetype": "heroku:router"}
LOGMON = dict(team="dispatch", monitor="[dispatch] app errors on web dynos", filter="source:heroku service:endmoor-dispatch @syslog.appname:app \"Error\"", style="sample", lines=8)
WORKMON = dict(team="dispatch", monitor="[dispatch] worker crashes", filter="source:heroku service:endmoor-dispatch @syslog.procid:worker*", style="sample", lines=4)
H12MON = dict(team="dispatch", monitor="[dispatch] H12 request timeouts", filter="source:heroku @syslog.appname:heroku code:H12")
UNDEF = "Cannot read properties of undefined (reading 'toUpperCase')"
H12 = '{tsnaive}+00:00 heroku[router]: at=error code=H12 desc="Request timeout" method={method} path="{path}" host=endmoor-dispatch.herokuapp.com request_id={uuid} fwd="{ip}" dyno=web.{idx} connect=0ms service=30000ms status=503 bytes=0 protocol=https'


def dup(constraint: str) -> tuple[Exc, ...]:
    return (Exc("error", f'duplicate key value violates unique constraint "{constraint}"', PG),)


BUGS = [
    # One missing postcode field, two helpers that upper-case it.
    Bug("en-quote-postcode-undefined", "dispatch-web", (Exc("TypeError", UNDEF, route("quotes.js", 41, 23, lib("postcode.js", "normalise", 12, 24))),),
        (see("sentry.error", 3), see("sentry.error", release=1), see("splunk", 2, **WEB), see("datadog.log", **LOGMON)),
        classes=(4, 5), pair="en-booking-address-undefined", log="POST /api/quotes failed", entry="POST /api/quotes", span=2, renames={"normalise": "normalisePostcode"}),
    Bug("en-booking-address-undefined", "dispatch-web", (Exc("TypeError", UNDEF, route("bookings.js", 58, 30, lib("address.js", "formatLine", 27, 41))),),
        (see("sentry.error", 3), see("splunk", 3, **WEB), see("sentry.issue"), see("splunk", sample_lines=2, **WEB)),
        classes=(4,), pair="en-quote-postcode-undefined", log="POST /api/bookings failed", entry="POST /api/bookings"),
    # node-postgres unique violations: no app frame, only the constraint tells them apart.
    Bug("en-parcel-tracking-dup", "dispatch-web", dup("parcels_tracking_code_key"),
        (see("sentry.error", 3), see("splunk", 3, **WEB), see("splunk", sample_lines=3, **WEB), see("datadog.log", **LOGMON)),
        classes=(3, 4, 10), pair="en-booking-ref-dup", log="POST /api/bookings failed", entry="POST /api/bookings"),
    Bug("en-booking-ref-dup", "dispatch-web", dup("bookings_reference_key"),
        (see("sentry.error", 2), see("splunk", 2, **WEB), see("datadog.log", **LOGMON)),
        classes=(3, 4), pair="en-parcel-tracking-dup", log="PATCH /api/bookings/:ref failed", entry="PATCH /api/bookings/{id}"),
    # The router gives up after 30 s: two slow endpoints, one line shape.
    Bug("en-h12-quotes", "dispatch-web", (),
        (see("splunk", 3, line=H12.replace("{method}", "POST").replace("{path}", "/api/quotes"), **ROUTER), see("datadog.log", 2, **H12MON, text='at=error code=H12 desc="Request timeout" method=POST path="/api/quotes" dyno=web.{idx} service=30000ms status=503')),
        classes=(7,), pair="en-h12-labels"),
    Bug("en-h12-labels", "dispatch-web", (),
        (see("splunk", 3, line=H12.replace("{method}", "GET").replace("{path}", "/api/labels/{id}.pdf"), **ROUTER), see("datadog.log", **H12MON, text='at=error code=H12 desc="Request timeout" method=GET path="/api/labels/{id}.pdf" dyno=web.{idx} service=30000ms status=503')),
        classes=(7,), pair="en-h12-quotes"),
    # One carrier client, a timeout and a 502.
    Bug("en-carrier-timeout", "dispatch-web", (Exc("AxiosError", "timeout of 8000ms exceeded", (*AXIOS, lib("carriers/dpd.js", "DpdClient.rates", 33, 22, awaited=True), lib("quote.js", "bestRate", 19, 17, awaited=True))),),
        (see("sentry.error", 4), see("splunk", 2, **WEB), see("datadog.log", 2, **LOGMON)),
        classes=(9,), pair="en-carrier-502", log="carrier rates failed", entry="POST /api/quotes", span=2),
    Bug("en-carrier-502", "dispatch-web", (Exc("AxiosError", "Request failed with status code 502", (*AXIOS, lib("carriers/dpd.js", "DpdClient.rates", 33, 22, awaited=True), lib("quote.js", "bestRate", 19, 17, awaited=True))),),
        (see("sentry.error", 3), see("splunk", 2, **WEB)),
        classes=(9,), pair="en-carrier-timeout", log="carrier rates failed", entry="POST /api/quotes"),
    # The worker's Redis: REDIS_URL unset on one release, then Heroku Redis' self-signed TLS.
    Bug("en-worker-redis-refused", "dispatch-worker", (Exc("Error", "connect ECONNREFUSED 127.0.0.1:6379", REDIS),),
        (see("sentry.error", 2, release=0), see("splunk", 3, release=0, **WORK), see("datadog.log", release=0, **WORKMON)),
        classes=(1,), pair="en-worker-redis-tls", entry="worker"),
    Bug("en-worker-redis-tls", "dispatch-worker", (Exc("Error", "self-signed certificate in certificate chain", TLS),),
        (see("sentry.error", 2, release=1), see("splunk", 2, release=2, **WORK), see("datadog.log", 2, release=1, **WORKMON)),
        classes=(1,), pair="en-worker-redis-refused", entry="worker", span=2),
    # A partner posting HTML to the JSON webhook: body-parser throws before any route runs.
    Bug("en-webhook-html", "dispatch-web", (Exc("SyntaxError", "Unexpected token '<', \"<!DOCTYPE \"... is not valid JSON", BODY),),
        (see("sentry.error", 3), see("splunk", 2, **WEB), see("datadog.log", **LOGMON)),
        classes=(3,), entry="POST /api/webhooks/tracking"),
    Bug("en-stripe-idempotency", "dispatch-web", (Exc("StripeInvalidRequestError", "Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '{uuid}' if you meant to execute a different request.", (TICKS, nd("node_modules/stripe/cjs/RequestSender.js", "IncomingMessage.<anonymous>", 106, 41, lib=True), nd("node_modules/stripe/cjs/Error.js", "generateV1Error", 46, 20, lib=True), lib("payments.js", "charge", 48, 11, awaited=True))),),
        (see("sentry.error", 3), see("splunk", **WEB), see("sentry.alert", rule="dispatch-web: new issue in payments")),
        classes=(4,), log="POST /api/bookings/:ref/pay failed", entry="POST /api/bookings/{id}/pay"),
    Bug("en-worker-zone-null", "dispatch-worker", (Exc("TypeError", "Cannot read properties of null (reading 'rate')", (TICKS, nd("worker.js", "processJob", 71, 7, awaited=True), lib("pricing.js", "zoneSurcharge", 54, 33))),),
        (see("sentry.error", 4), see("splunk", 2, **WORK), see("datadog.log", 2, **WORKMON)),
        classes=(4,), entry="reprice"),
    Bug("en-r14-memory", "dispatch-web", (),
        (see("splunk", 2, line="{tsnaive}+00:00 heroku[web.{idx}]: Process running mem={n}12M(10{n}.0%)", search="dispatch - platform errors", sourcetype="heroku:platform"), see("splunk", 2, line="{tsnaive}+00:00 heroku[web.{idx}]: Error R14 (Memory quota exceeded)", search="dispatch - platform errors", sourcetype="heroku:platform"), see("datadog.log", team="dispatch", monitor="[dispatch] R14 memory quota", filter="source:heroku code:R14", text="Error R14 (Memory quota exceeded) on web.{idx}")),
        classes=(7,)),
    Bug("en-label-font", "dispatch-web", (Exc("Error", "Unknown font format", route("labels.js", 22, 9, lib("label.js", "renderLabel", 40, 8), nd("node_modules/pdfkit/js/pdfkit.js", "PDFDocument.font", 3961, 15, lib=True), nd("node_modules/pdfkit/js/pdfkit.js", "PDFFontFactory.open", 3889, 11, lib=True))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /api/labels/{id}.pdf"),
]

NOISE = [
    Noise("en-noise-release", "dispatch-web", "splunk", {**ROUTER, "sourcetype": "heroku:platform", "line": "{tsnaive}+00:00 app[api]: Release v3{n} created by user deploy@endmoor.example"}),
    Noise("en-noise-up", "dispatch-web", "splunk", {**ROUTER, "sourcetype": "heroku:platform", "line": "{tsnaive}+00:00 heroku[web.{idx}]: State changed from starting to up"}),
    Noise("en-noise-recovered", "dispatch-web", "datadog.log", {"monitor": "[dispatch] H12 request timeouts", "transition": "Recovered", "alert_type": "success", "team": "dispatch", "filter": "source:heroku @syslog.appname:heroku code:H12", "text": "No H12 in the last 10 minutes."}),
]

ENDMOOR = Company(
    key="en",
    name="Endmoor Couriers",
    domain="endmoor.example",
    sentry_org="endmoor",
    splunk_url="https://endmoor.splunkcloud.com",
    splunk_guid="5C1E9A47-2D3B-4F80-A6C9-7E2D1B4F8A30",
    datadog_org=("561204", "Endmoor Couriers"),
    datadog_template="default",
    posthog_project=(0, ""),
    releases=("v341", "v342", "v345"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="endmoor-sentry-client-secret",
)
# fmt: on
