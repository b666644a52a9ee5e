"""(gd) Ombersley Pet Sitters, home visits for cats and dogs: an Express 4 API on Node 20 with
Mongoose 8 over MongoDB Atlas (``ombersley-api``, plain CommonJS under ``lib/``) and an Agenda
worker (``ombersley-jobs``: visit reminders, card charges, photo digests).

Splunk indexes the containers' stdout (``gd-pino-http``): pino-http's ``"msg":"request
errored"`` record (``req``, ``res``, ``err`` with pino's serializer, ``responseTime``) after the
error middleware sets ``res.err``, and the worker's ``logger.error({ err }, msg)``. Sentry:
``@sentry/node`` with the Express integration. PostHog: posthog-node's ``captureException`` in
the API. Datadog: log monitors pasting the record, APM by type.
"""

# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Noise, Service, see
from ..stacks import NODE_TICKS, nd

# fmt: off
SDK = ("sentry.javascript.node", "8.33.1", "npm:@sentry/node")
SERVICES = {
    "ombersley-api": Service("ombersley-api", "node", "gd-pino-http", "docker:node", "/var/log/containers/ombersley-api.log", "gd_app", 6610231, "node v20.17.0", framework="express", sdk=SDK),
    "ombersley-jobs": Service("ombersley-jobs", "node", "gd-pino-http", "docker:node", "/var/log/containers/ombersley-jobs.log", "gd_app", 6610232, "node v20.17.0", framework="agenda", sdk=SDK),
}
EXPRESS = (
    nd("node_modules/express/lib/router/index.js", "next", 280, 10, lib=True),
    nd("node_modules/express/lib/router/index.js", "Function.process_params", 346, 12, lib=True),
    nd("node_modules/express/lib/router/index.js", "", 284, 15, lib=True),
    nd("node_modules/express/lib/router/layer.js", "Layer.handle [as handle_request]", 95, 5, lib=True),
    nd("node_modules/express/lib/router/route.js", "Route.dispatch", 119, 3, lib=True),
    nd("node_modules/express/lib/router/route.js", "next", 149, 13, lib=True),
    nd("node_modules/express/lib/router/layer.js", "Layer.handle [as handle_request]", 95, 5, lib=True),
)
AGENDA = (
    nd("node_modules/agenda/dist/job/run.js", "Job.run", 57, 17, lib=True, awaited=True),
)
QUERY_EXEC = (NODE_TICKS, nd("node_modules/mongoose/lib/query.js", "model.Query.exec", 4913, 21, lib=True))
CAST = (NODE_TICKS, nd("node_modules/mongoose/lib/query.js", "model.Query.exec", 4913, 21, lib=True), nd("node_modules/mongoose/lib/schema/objectId.js", "SchemaObjectId.cast", 250, 11, lib=True))
SAVE = (NODE_TICKS, nd("node_modules/mongoose/lib/model.js", "model.$__handleSave", 376, 15, lib=True), nd("node_modules/mongodb/lib/operations/insert.js", "InsertOneOperation.execute", 51, 19, lib=True))
VALIDATE = (NODE_TICKS, nd("node_modules/mongoose/lib/document.js", "model.$__validate", 3044, 26, lib=True), nd("node_modules/mongoose/lib/document.js", "model.invalidate", 3310, 32, lib=True))
BUFFER = (nd("node_modules/mongoose/lib/drivers/node-mongodb-native/collection.js", "Timeout.<anonymous>", 186, 23, lib=True), nd("node:internal/timers", "listOnTimeout", 581, 17, lib=True))


def ctl(name: str, fn: str, line: int, col: int) -> tuple:
    return (*EXPRESS, nd(f"lib/controllers/{name}.js", fn, line, col, awaited=True))


def job(name: str, fn: str, line: int, col: int) -> tuple:
    return (*AGENDA, nd(f"lib/jobs/{name}.js", fn, line, col, awaited=True))


WEB = {"search": "ombersley api errors", "app": "ombersley"}
JOB = {"search": "ombersley api errors", "app": "ombersley", "kind": "worker"}
DD = dict(team="pets", monitor="[ombersley] error logs", filter="service:ombersley-api status:error", style="sample")
DDJ = dict(team="pets", monitor="[ombersley] job failures", filter="service:ombersley-jobs status:error", style="sample")
APM = dict(team="pets", monitor="[ombersley] express.request errors", style="type")
DUP = "E11000 duplicate key error collection: ombersley.{coll} index: {index} dup key: {{ {key} }}"

BUGS = [
    Bug("gd-booking-cast", "ombersley-api", (Exc("CastError", 'Cast to ObjectId failed for value "{id}" (type string) at path "_id" for model "Booking"', (*ctl("bookings", "getBooking", 22, 35), *CAST)),),
        (see("sentry.error", 3), see("splunk", 2, **WEB), see("datadog.log", **DD)),
        classes=(4, 5), pair="gd-sitter-cast", entry="GET /bookings/{id}", span=2, renames={"getBooking": "showBooking"}),
    Bug("gd-sitter-cast", "ombersley-api", (Exc("CastError", 'Cast to ObjectId failed for value "{id}" (type string) at path "_id" for model "Sitter"', (*ctl("sitters", "getSitter", 17, 33), *CAST)),),
        (see("sentry.error", 2), see("splunk", 3, **WEB), see("posthog", 1)),
        classes=(4,), pair="gd-booking-cast", entry="GET /sitters/{id}"),
    Bug("gd-signup-dup", "ombersley-api", (Exc("MongoServerError", DUP.format(coll="users", index="email_1", key='email: "{email}"'), (*ctl("auth", "signup", 41, 20), *SAVE)),),
        (see("sentry.error", 3), see("splunk", 2, **WEB), see("datadog.apm", **APM), see("posthog", 1)),
        classes=(1, 2, 4), pair="gd-visit-dup", entry="POST /signup"),
    Bug("gd-visit-dup", "ombersley-api", (Exc("MongoServerError", DUP.format(coll="visits", index="sitter_1_slot_1", key="sitter: ObjectId('66f0c2a9e4b0{n}a1c9d3e7f2'), slot: \"{n}\""), (*ctl("visits", "createVisit", 58, 22), *SAVE)),),
        (see("sentry.error", 2), see("splunk", 3, **WEB), see("datadog.apm", **APM)),
        classes=(1, 2, 4), pair="gd-signup-dup", entry="POST /visits"),
    Bug("gd-pets-map", "ombersley-api", (Exc("TypeError", "Cannot read properties of undefined (reading 'map')", (*ctl("pets", "listPets", 31, 38),)),),
        (see("sentry.error", 3), see("splunk", 2, **WEB), see("datadog.log", **DD), see("posthog", 1)),
        classes=(4,), pair="gd-invoice-map", entry="GET /owners/{id}/pets"),
    Bug("gd-invoice-map", "ombersley-jobs", (Exc("TypeError", "Cannot read properties of undefined (reading 'map')", (*job("invoices", "monthlyInvoices", 12, 9), nd("lib/services/invoice.js", "buildLines", 44, 27))),),
        (see("sentry.error", 2), see("splunk", 3, **JOB), see("datadog.log", **DDJ)),
        classes=(4,), pair="gd-pets-map", entry="monthly-invoices", log="monthly-invoices failed"),
    Bug("gd-visit-required", "ombersley-api", (Exc("ValidationError", "Visit validation failed: endsAt: Path `endsAt` is required.", (*ctl("visits", "createVisit", 52, 17), *VALIDATE)),),
        (see("sentry.error", 3), see("splunk", 2, **WEB), see("posthog", 1)),
        classes=(4,), pair="gd-visit-rangeerror", entry="POST /visits"),
    Bug("gd-visit-rangeerror", "ombersley-api", (Exc("RangeError", "Invalid time value", (*ctl("visits", "createVisit", 49, 29), nd("node_modules/date-fns/format.js", "format", 352, 11, lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, **WEB), see("datadog.apm", **APM)),
        classes=(4,), pair="gd-visit-required", entry="POST /visits"),
    Bug("gd-reminder-buffering", "ombersley-jobs", (Exc("MongooseError", "Operation `visits.find()` buffering timed out after 10000ms", BUFFER),),
        (see("sentry.error", 3), see("splunk", 3, **JOB), see("datadog.log", **DDJ)),
        classes=(10,), entry="visit-reminders", log="visit-reminders failed"),
    Bug("gd-charge-stripe", "ombersley-jobs", (Exc("StripeCardError", "Your card was declined.", (*job("charges", "chargeVisit", 27, 41), NODE_TICKS, nd("node_modules/stripe/cjs/RequestSender.js", "IncomingMessage.<anonymous>", 102, 32, lib=True), nd("node_modules/stripe/cjs/Error.js", "StripeError.generate", 11, 24, lib=True))),),
        (see("sentry.error", 2), see("splunk", 3, **JOB)),
        classes=(10,), entry="charge-visit", log="charge failed for visit {id}"),
    Bug("gd-auth-jwt", "ombersley-api", (Exc("JsonWebTokenError", "jwt malformed", (*EXPRESS[:4], nd("lib/middleware/auth.js", "requireOwner", 14, 24), nd("node_modules/jsonwebtoken/verify.js", "module.exports [as verify]", 70, 17, lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, **WEB), see("datadog.apm", **APM)),
        entry="GET /me"),
    Bug("gd-geocode-fetch", "ombersley-api", (Exc("TypeError", "fetch failed", (*ctl("sitters", "nearbySitters", 36, 23), nd("lib/services/geocode.js", "geocode", 11, 21), nd("node:internal/deps/undici/undici", "fetch", 13185, 13, lib=True))),),
        (see("sentry.error", 3), see("splunk", 2, **WEB), see("datadog.log", **DD)),
        classes=(10,), entry="GET /sitters/nearby"),
    Bug("gd-reminder-sms-null", "ombersley-jobs", (Exc("TypeError", "Cannot read properties of null (reading 'replace')", (*job("reminders", "visitReminders", 33, 11), nd("lib/services/sms.js", "sendSms", 9, 28))),),
        (see("sentry.error", 3), see("splunk", 3, **JOB), see("datadog.log", **DDJ)),
        classes=(9,), pair="gd-cancel-sms-twilio", entry="visit-reminders", log="visit-reminders failed"),
    Bug("gd-cancel-sms-twilio", "ombersley-api", (Exc("RestException", "The 'To' number +44{n} is not a valid phone number.", (*ctl("visits", "cancelVisit", 88, 11), nd("lib/services/sms.js", "sendSms", 12, 33), NODE_TICKS, nd("node_modules/twilio/lib/base/Version.js", "Version.create", 115, 23, lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, **WEB), see("posthog", 1), see("datadog.apm", **APM)),
        classes=(9,), pair="gd-reminder-sms-null", entry="POST /visits/{id}/cancel"),
    Bug("gd-photo-sharp", "ombersley-api", (Exc("Error", "Input buffer contains unsupported image format", (*ctl("pets", "uploadPhoto", 66, 8), nd("node_modules/sharp/lib/output.js", "Sharp._pipeline", 1498, 15, lib=True))),),
        (see("sentry.error"),),
        singleton=True, entry="POST /pets/{id}/photo"),
]

NOISE = [
    Noise("gd-noise-deploy", "ombersley-api", "datadog.event", {"monitor": "Deploy", "text": "ombersley-api v3.14.0 rolled out to production.", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("gd-noise-listen", "ombersley-api", "splunk", {"search": "ombersley api errors", "line": '{"level":30,"time":{epochms},"pid":1,"hostname":"ombersley-api-7c9d5-x2kqp","msg":"listening on :3000"}'}),
]

OMBERSLEY = Company(
    key="gd",
    name="Ombersley Pet Sitters",
    domain="ombersley-pets.example",
    sentry_org="ombersley",
    splunk_url="https://ombersley.splunkcloud.com",
    splunk_guid="5B1E7A30-2C94-4F0D-8A63-1D7E9B2C4F58",
    datadog_org=("713110", "Ombersley Pet Sitters"),
    datadog_template="recommended",
    posthog_project=(42311, "Ombersley API"),
    releases=("3.13.2", "3.14.0", "3.14.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="ombersley-sentry-client-secret",
)
# fmt: on
