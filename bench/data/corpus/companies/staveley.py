"""(jy) Staveley Parcels, a regional same-day courier: a Koa 2 API in plain TypeScript
(no NestJS) compiled by tsc to ``dist/`` and run on Node 18 (``parcels-api``: @koa/router,
koa-bodyparser, quotes, bookings, parcels and depots, drivers, Stripe webhooks; TypeORM 0.3 on
PostgreSQL, axios to two carriers' APIs) and BullMQ 4 workers (``parcels-worker``: labels,
tracking syncs, invoices by e-mail, all over ioredis).

Logs: winston 3 JSON (``level``, ``message``, ``stack``, ``service`` and the request's or
job's meta, keys sorted by safe-stable-stringify; ``logger.error(msg, err)`` appending the
error's message to ``msg``; a few call sites logging ``err.message`` alone, with no stack;
the worker's first release on ``format.simple()``), tailed by a Splunk universal forwarder
and by the Datadog agent (``jy-winston``). Sentry: @sentry/node 7 with its Koa
request handler, the worker capturing in BullMQ's ``failed`` listener. PostHog: posthog-node's
``captureException``. Datadog: log monitors pasting ``message`` and ``stack``, APM Error
Tracking's new-issue monitors and an APM by-type monitor. All four tools.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import BULLMQ_JOB, NODE_TICKS, TYPEORM_INSERT, nd

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.javascript.node", "7.119.2", "npm:@sentry/node")
SERVICES = {
    "parcels-api": Service("parcels-api", "node", "jy-winston", "winston:json", "/var/log/staveley/parcels-api.log", "stv_prod", 9440101, "node v18.20.4", framework="koa", sdk=SDK),
    "parcels-worker": Service("parcels-worker", "node", "jy-winston", "winston:json", "/var/log/staveley/parcels-worker.log", "stv_prod", 9440102, "node v18.20.4", framework="bullmq", sdk=SDK),
}


def src(file: str, fn: str, line: int, col: int, awaited: bool = True) -> Frame:
    return nd("src/" + file, fn, line, col, awaited=awaited)


KOA = (
    nd("node_modules/koa/lib/application.js", "Application.handleRequest", 180, 12, lib=True),
    nd("node_modules/koa-compose/index.js", "dispatch", 42, 32, lib=True),
    nd("node_modules/koa-bodyparser/index.js", "bodyParser", 95, 11, lib=True, awaited=True),
    src("middleware/errors.ts", "errorHandler", 14, 5),
    nd("node_modules/@koa/router/lib/router.js", "", 425, 16, lib=True, awaited=True),
)
FIND_FAIL = (
    src("db/repo.ts", "getOrFail", 18, 12),
    nd("node_modules/typeorm/entity-manager/EntityManager.js", "EntityManager.findOneOrFail", 611, 19, lib=True, awaited=True),
    nd("node_modules/typeorm/entity-manager/EntityManager.js", "", 617, 19, lib=True),
)
AXIOS = (
    nd("node_modules/axios/dist/node/axios.cjs", "Axios.request", 3801, 41, lib=True, awaited=True),
    NODE_TICKS,
)
AXIOS_TIMEOUT = (nd("node_modules/axios/dist/node/axios.cjs", "RedirectableRequest.handleRequestTimeout", 3108, 16, lib=True),)
AXIOS_STATUS = (nd("node_modules/axios/dist/node/axios.cjs", "settle", 1913, 12, lib=True),)
DAYJS = nd("node_modules/dayjs/dayjs.min.js", "M.toISOString", 1, 6370, lib=True)
PG_POOL = (NODE_TICKS, nd("node_modules/pg-pool/index.js", "Timeout._onTimeout", 205, 27, lib=True))

QUOTE = (*KOA, src("routes/quotes.ts", "createQuote", 37, 23))
BOOK = (*KOA, src("routes/bookings.ts", "createBooking", 52, 24), src("services/bookings.ts", "BookingService.create", 88, 20))
LABELS = (*BULLMQ_JOB, src("workers/labels.ts", "processLabel", 29, 18))
TRACKING = (*BULLMQ_JOB, src("workers/tracking.ts", "syncTracking", 33, 16))
INVOICES = (*BULLMQ_JOB, src("workers/invoices.ts", "sendInvoice", 25, 14))

# Splunk searches, Datadog monitors.
S_API = dict(search="parcels-api errors", app="stv_ops")
S_WRK = dict(search="parcels-worker failed jobs", app="stv_ops")
SIMPLE = dict(format="jy-winston-simple", release=0)
NOSTACK = dict(stack=False)
DD_API = dict(team="parcels", monitor="[parcels-api] error logs", filter="service:parcels-api status:error", text="{{log.attributes.message}}\n\n```\n{{log.attributes.stack}}\n```")
DD_WRK = dict(team="parcels", monitor="[parcels-worker] job failures", filter='service:parcels-worker status:error "failed"', text="parcels-worker: {{log.attributes.message}}\n\nqueue: {{log.attributes.queue}}")
ET_API = dict(team="parcels", monitor="[Error Tracking] New issue in parcels-api", text="New issue in **parcels-api**: `{{@error.type.name}}` {{log.attributes.error.message}}", style="type")
ET_WRK = dict(team="parcels", monitor="[Error Tracking] New issue in parcels-worker", text="New issue in **parcels-worker**: `{{@error.type.name}}` {{log.attributes.error.message}}", style="type")
APM = dict(team="parcels")


def dup(constraint: str, detail: str, app: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (Exc("QueryFailedError", f'duplicate key value violates unique constraint "{constraint}"', (*app, *TYPEORM_INSERT)),)


def notfound(entity: str, app: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (Exc("EntityNotFoundError", f'Could not find any entity of type "{entity}" matching: {{\n    "where": {{\n        "id": "{{uuid}}"\n    }}\n}}', (*app, *FIND_FAIL)),)


BUGS = [
    # One undefined read: the API's quote and the label worker.
    Bug("jy-quote-dims", "parcels-api", (Exc("TypeError", "Cannot read properties of undefined (reading 'weightKg')", (*QUOTE, src("pricing/tariff.ts", "priceFor", 41, 33, awaited=False))),),
        (see("sentry.error", 3), see("posthog", 2), see("splunk", 2, **S_API), see("datadog.log", **DD_API), see("datadog.apm", **ET_API)),
        classes=(4, 5), pair="jy-label-dims", entry="POST /v1/quotes", span=2, renames={"createQuote": "postQuote"}),
    Bug("jy-label-dims", "parcels-worker", (Exc("TypeError", "Cannot read properties of undefined (reading 'weightKg')", (*LABELS, src("labels/zpl.ts", "renderLabel", 63, 29, awaited=False))),),
        (see("sentry.error", 2), see("splunk", 2, **S_WRK), see("splunk", **S_WRK, **SIMPLE), see("datadog.log", **DD_WRK)),
        classes=(4,), pair="jy-quote-dims", entry="labels", log="Job generate-label failed:"),
    # Unique violations on two tables through TypeORM's insert.
    Bug("jy-booking-dup", "parcels-api", dup("UQ_bookings_reference", "", BOOK),
        (see("sentry.error", 3), see("posthog"), see("splunk", 2, **S_API), see("datadog.log", **DD_API), see("datadog.apm", **APM)),
        classes=(4,), pair="jy-driver-dup", entry="POST /v1/bookings"),
    Bug("jy-driver-dup", "parcels-api", dup("UQ_drivers_licence_no", "", (*KOA, src("routes/drivers.ts", "registerDriver", 30, 24), src("services/drivers.ts", "DriverService.register", 47, 20))),
        (see("sentry.error", 2), see("posthog"), see("splunk", 2, **S_API), see("datadog.log", **DD_API)),
        classes=(4,), pair="jy-booking-dup", entry="POST /v1/drivers"),
    # findOneOrFail through one repository helper on two entities.
    Bug("jy-parcel-missing", "parcels-api", notfound("Parcel", (*KOA, src("routes/parcels.ts", "getParcel", 22, 26))),
        (see("sentry.error", 3), see("posthog", 2), see("splunk", 2, **S_API), see("datadog.apm", **ET_API)),
        classes=(4, 9), pair="jy-depot-missing", entry="GET /v1/parcels/{id}"),
    Bug("jy-depot-missing", "parcels-worker", notfound("Depot", (*TRACKING, src("tracking/depots.ts", "depotFor", 15, 22))),
        (see("sentry.error", 2), see("splunk", 2, **S_WRK), see("datadog.log", **DD_WRK)),
        classes=(4, 9), pair="jy-parcel-missing", entry="tracking", log="Job sync-tracking failed:"),
    # One carrier client: a timeout and a 503.
    Bug("jy-carrier-timeout", "parcels-worker", (Exc("AxiosError", "timeout of 8000ms exceeded", (*TRACKING, src("carriers/northlink.ts", "NorthlinkClient.track", 48, 22), *AXIOS, *AXIOS_TIMEOUT)),),
        (see("sentry.error", 3), see("posthog"), see("splunk", 2, **S_WRK), see("datadog.log", 2, **DD_WRK), see("datadog.apm", **ET_WRK)),
        classes=(9,), pair="jy-carrier-503", entry="tracking", log="Job sync-tracking failed:"),
    Bug("jy-carrier-503", "parcels-worker", (Exc("AxiosError", "Request failed with status code 503", (*TRACKING, src("carriers/northlink.ts", "NorthlinkClient.track", 48, 22), *AXIOS, *AXIOS_STATUS)),),
        (see("sentry.error", 2), see("splunk", 2, **S_WRK), see("splunk", **S_WRK, **NOSTACK), see("datadog.log", **DD_WRK)),
        classes=(9,), pair="jy-carrier-timeout", entry="tracking", log="Job sync-tracking failed:"),
    # dayjs' toISOString on an invalid date in one helper, from the API and from the worker.
    Bug("jy-eta-date", "parcels-api", (Exc("RangeError", "Invalid time value", (*KOA, src("routes/parcels.ts", "getEta", 61, 27), src("lib/dates.ts", "toIso", 9, 20, awaited=False), DAYJS)),),
        (see("sentry.error", 3), see("posthog"), see("splunk", 2, **S_API), see("datadog.log", **DD_API)),
        classes=(9,), pair="jy-invoice-date", entry="GET /v1/parcels/{id}/eta"),
    Bug("jy-invoice-date", "parcels-worker", (Exc("RangeError", "Invalid time value", (*INVOICES, src("invoices/lines.ts", "invoiceLines", 37, 24, awaited=False), src("lib/dates.ts", "toIso", 9, 20, awaited=False), DAYJS)),),
        (see("sentry.error", 2), see("splunk", 2, **S_WRK), see("datadog.log", **DD_WRK)),
        classes=(9,), pair="jy-eta-date", entry="invoices", log="Job send-invoice failed:"),
    # Two bugs of one route under one monitor: Stripe's signature and a body that is not JSON.
    Bug("jy-stripe-signature", "parcels-api", (Exc("StripeSignatureVerificationError", "No signatures found matching the expected signature for payload. Are you passing the raw request body you received from Stripe? Learn more about webhook signing and explore webhook integration examples for various frameworks at https://github.com/stripe/stripe-node#webhook-signing", (*KOA, src("routes/webhooks.ts", "stripeWebhook", 19, 37, awaited=False), nd("node_modules/stripe/cjs/Webhooks.js", "Object.verifyHeader", 91, 23, lib=True))),),
        (see("sentry.error", 3), see("splunk", 2, **S_API, status=400), see("datadog.log", 2, **DD_API)),
        classes=(2,), pair="jy-stripe-body", entry="POST /webhooks/stripe"),
    Bug("jy-stripe-body", "parcels-api", (Exc("SyntaxError", "Unexpected token o in JSON at position 1", (*KOA, src("routes/webhooks.ts", "stripeWebhook", 24, 26, awaited=False), nd("<anonymous>", "JSON.parse", 0, 0, lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, **S_API, status=400), see("datadog.log", **DD_API)),
        classes=(2,), pair="jy-stripe-signature", entry="POST /webhooks/stripe"),
    # Not pairs.
    Bug("jy-pool-timeout", "parcels-api", (Exc("Error", "timeout exceeded when trying to connect", (*KOA, src("routes/quotes.ts", "listQuotes", 71, 21), nd("node_modules/typeorm/driver/postgres/PostgresDriver.js", "PostgresDriver.obtainMasterConnection", 1102, 25, lib=True), *PG_POOL)),),
        (see("sentry.error", 2), see("splunk", 3, **S_API), see("splunk", **S_API, stats={"service": "parcels-api", "message": "timeout exceeded when trying to connect", "count": "{n}"}), see("datadog.log", 2, **DD_API), see("datadog.apm", **APM)),
        classes=(1,), entry="GET /v1/quotes"),
    Bug("jy-redis-retries", "parcels-worker", (Exc("MaxRetriesPerRequestError", "Reached the max retries per request limit (which is 20). Refer to \"maxRetriesPerRequest\" option for details.", (nd("node_modules/ioredis/built/redis/event_handler.js", "Socket.<anonymous>", 182, 37, lib=True), nd("node_modules/ioredis/built/Redis.js", "Redis.flushQueue", 536, 28, lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, **S_WRK, **NOSTACK), see("datadog.log", **DD_WRK)),
        entry="labels", log="Worker error:"),
    Bug("jy-s3-denied", "parcels-worker", (Exc("AccessDenied", "Access Denied", (*LABELS, src("labels/store.ts", "uploadLabel", 21, 11), nd("node_modules/@smithy/smithy-client/dist-cjs/index.js", "throwDefaultError", 838, 20, lib=True), NODE_TICKS)),),
        (see("sentry.error", 3), see("posthog"), see("splunk", 2, **S_WRK), see("datadog.apm", **ET_WRK)),
        entry="labels", log="Job generate-label failed:"),
    Bug("jy-invoice-smtp", "parcels-worker", (Exc("Error", "Greeting never received", (*INVOICES, src("invoices/mailer.ts", "Mailer.send", 33, 16), nd("node_modules/nodemailer/lib/smtp-connection/index.js", "SMTPConnection._formatError", 790, 19, lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, **S_WRK), see("datadog.log", 2, **DD_WRK)),
        entry="invoices", log="Job send-invoice failed:", span=2),
    Bug("jy-tariff-nan", "parcels-api", (Exc("Error", "Quote total is not a finite number: NaN (tariff {id})", (*QUOTE, src("pricing/tariff.ts", "priceFor", 58, 13, awaited=False))),),
        (see("sentry.error", 2), see("posthog", 2), see("splunk", 2, **S_API), see("datadog.apm", **ET_API)),
        entry="POST /v1/quotes"),
    Bug("jy-stream-closed", "parcels-api", (Exc("Error", "Premature close", (nd("node:internal/streams/end-of-stream", "onclose", 154, 30, lib=True), nd("node:internal/process/task_queues", "process.processTicksAndRejections", 82, 21, lib=True))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /v1/parcels/{id}/label.pdf"),
]

NOISE = [
    Noise("jy-noise-listening", "parcels-api", "splunk", {"search": "parcels-api errors", "line": '{"level":"info","message":"parcels-api listening on :3000","service":"parcels-api","timestamp":"{tsms}"}'}),
    Noise("jy-noise-recovered", "parcels-worker", "datadog.log", {"monitor": "[parcels-worker] job failures", "transition": "Recovered", "alert_type": "success", "text": "parcels-worker job failures back to normal.", "team": "parcels"}),
    Noise("jy-noise-deploy", "parcels-api", "datadog.event", {"monitor": "parcels-api deployed", "text": "parcels-api 2026.3.2 deployed to prod (4/4 tasks healthy).", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
]

STAVELEY = Company(
    key="jy",
    name="Staveley Parcels",
    domain="staveley-parcels.example",
    sentry_org="staveley-parcels",
    splunk_url="https://staveley.splunkcloud.com",
    splunk_guid="7A1C3E59-2B84-4F06-9D3A-E5C7B1F40294",
    datadog_org=("944010", "Staveley Parcels"),
    datadog_template="recommended",
    posthog_project=(94401, "Parcels backend"),
    releases=("2026.3.0", "2026.3.1", "2026.3.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="staveley-sentry-client-secret",
)
# fmt: on
