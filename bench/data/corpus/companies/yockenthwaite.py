"""(he) Yockenthwaite Couriers, same-day parcel delivery for shops: a NestJS 10 API on Node 20
(``courier-api``: quotes, bookings, manifests, proof of delivery; TypeORM on PostgreSQL, an
axios client to the partner carriers, ioredis) and BullMQ workers (``dispatch-worker``:
labels rendered with Puppeteer and stored in S3, tracking pollers) built with ``tsc`` to
``dist/``.

Both log through nestjs-pino (pino-http binding ``req`` to the request's logs), shipped to
Splunk by HEC: Nest's ``ExceptionsHandler`` records (``err.type`` always ``Error``: nestjs-pino
wraps the message and stack Nest hands it), pino-http's ``request errored`` records, and the
workers' own ``this.logger.error({ err }, msg)``. Sentry: @sentry/nestjs (source maps
uploaded, but for one release). PostHog: posthog-node's ``captureException`` in the API's
exception filter. Datadog: APM (dd-trace) by error type and log monitors reading the pino
record's attributes, on the plugin's recommended template. This company has all four.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import BULLMQ_JOB, NEST_HTTP, NODE_TICKS, TYPEORM_INSERT, nd

# fmt: off
SDK = ("sentry.javascript.nestjs", "8.42.0", "npm:@sentry/nestjs")
SERVICES = {
    "courier-api": Service("courier-api", "node", "he-pino", "_json", "http:courier-api-hec", "he_node", 7930011, "node v20.18.1", framework="nestjs", sdk=SDK),
    "dispatch-worker": Service("dispatch-worker", "node", "he-pino", "_json", "http:dispatch-worker-hec", "he_node", 7930014, "node v20.18.1", framework="bullmq", sdk=SDK),
}


def ts(file: str, function: str, line: int, col: int) -> Frame:
    """The app's TypeScript (awaited by its caller, as Nest's handlers are)."""
    return nd(f"src/{file}", function, line, col, awaited=True)


def tsx(file: str, function: str, line: int, col: int) -> Frame:
    """The app's TypeScript, the innermost synchronous frame."""
    return nd(f"src/{file}", function, line, col)


def http(*frames: Frame) -> tuple[Frame, ...]:
    return (*NEST_HTTP, *frames)


def job(*frames: Frame) -> tuple[Frame, ...]:
    return (*BULLMQ_JOB, *frames)


AXIOS = (
    NODE_TICKS,
    nd("node_modules/axios/lib/core/Axios.js", "Axios.request", 45, 41, lib=True, awaited=True),
    nd("node_modules/axios/lib/core/settle.js", "settle", 19, 12, lib=True),
)
AXIOS_TIMEOUT = (
    nd("node_modules/axios/lib/adapters/http.js", "RedirectableRequest.handleRequestTimeout", 647, 16, lib=True),
    nd("node:events", "RedirectableRequest.emit", 519, 28, lib=True),
)
FIND_ONE = (
    NODE_TICKS,
    nd("node_modules/typeorm/entity-manager/EntityManager.js", "EntityManager.findOneOrFail", 615, 19, lib=True, awaited=True),
)
ZONE = "Cannot read properties of undefined (reading 'zoneCode')"
BAD_GATEWAY = "Request failed with status code 502"

HEC = {"search": "courier-api errors", "app": "yockenthwaite"}
WORKER = {"search": "dispatch-worker failures", "app": "yockenthwaite"}
LABELS = {"search": "label pipeline failures", "app": "yockenthwaite"}
APM = {"team": "dispatch", "monitor": "courier-api errors by type", "style": "type"}
APM_W = {"team": "dispatch", "monitor": "dispatch-worker errors by type", "style": "type"}
LOGMON = {"team": "dispatch", "monitor": "Nest unhandled exceptions", "filter": "service:courier-api @context:ExceptionsHandler", "text": "**{{log.service}}** threw on `{{log.attributes.req.method}} {{log.attributes.req.url}}`\n\n> {{log.attributes.err.message}}\n\n```\n{{log.attributes.err.stack}}\n```"}
WORKLOG = {"team": "dispatch", "monitor": "Worker job failures", "filter": "service:dispatch-worker status:error", "text": "`{{log.attributes.err.type}}` in **{{log.attributes.context}}** (job {{log.attributes.jobId}})\n\n> {{log.attributes.err.message}}"}
LABELMON = {"team": "dispatch", "monitor": "Label pipeline failing", "filter": "service:dispatch-worker @context:LabelProcessor status:error", "text": "Label rendering is failing: {{log.attributes.msg}}\n\n> {{log.attributes.err.type}}: {{log.attributes.err.message}}"}


def typeorm_unique(constraint: str, detail: str, app: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (Exc("QueryFailedError", f'duplicate key value violates unique constraint "{constraint}"', (*app, *TYPEORM_INSERT, nd("node_modules/typeorm/driver/postgres/PostgresQueryRunner.js", "PostgresQueryRunner.query", 331, 30, lib=True))),)


BUGS = [
    # One undefined zone: the quote endpoint and the label worker.
    Bug("he-quote-zone-undefined", "courier-api", (Exc("TypeError", ZONE, http(ts("quotes/quotes.controller.ts", "QuotesController.create", 34, 38), ts("quotes/quotes.service.ts", "QuotesService.price", 61, 27), tsx("quotes/tariff.ts", "bandFor", 18, 31))),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("sentry.error", release=1, sourcemaps=False), see("splunk", 2, **HEC), see("posthog", 2), see("datadog.apm", **APM)),
        classes=(4, 5), pair="he-label-zone-undefined", entry="POST /v1/quotes", span=3, renames={"QuotesService.price": "QuotesService.quote"}),
    Bug("he-label-zone-undefined", "dispatch-worker", (Exc("TypeError", ZONE, job(ts("labels/label.processor.ts", "LabelProcessor.process", 42, 30), tsx("labels/label-layout.ts", "routingBlock", 77, 44))),),
        (see("sentry.error", 3), see("splunk", 2, context="LabelProcessor", queue="labels", **LABELS), see("datadog.log", **WORKLOG)),
        classes=(4,), pair="he-quote-zone-undefined", log="label render failed", logger="LabelProcessor"),
    # One insert, two unique constraints.
    Bug("he-parcel-unique-tracking", "courier-api", typeorm_unique("UQ_parcels_tracking_number", "tracking_number", http(ts("bookings/bookings.controller.ts", "BookingsController.create", 29, 40), ts("bookings/bookings.service.ts", "BookingsService.create", 88, 31))),
        (see("sentry.error", 3), see("splunk", 2, **HEC), see("datadog.log", **LOGMON)),
        classes=(4,), pair="he-parcel-unique-reference", entry="POST /v1/bookings"),
    Bug("he-parcel-unique-reference", "courier-api", typeorm_unique("UQ_parcels_shop_id_client_reference", "shop_id, client_reference", http(ts("bookings/bookings.controller.ts", "BookingsController.create", 29, 40), ts("bookings/bookings.service.ts", "BookingsService.create", 88, 31))),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **HEC), see("posthog", 1), see("datadog.apm", **APM)),
        classes=(4,), pair="he-parcel-unique-tracking", entry="POST /v1/bookings"),
    # One carrier client helper at the end of two 502s: booking and tracking.
    Bug("he-booking-carrier-502", "courier-api", (Exc("AxiosError", BAD_GATEWAY, (*http(ts("bookings/bookings.service.ts", "BookingsService.handOver", 131, 22), ts("carriers/carrier-http.client.ts", "CarrierHttpClient.request", 47, 19)), *AXIOS)),),
        (see("sentry.error", 3), see("splunk", 2, **HEC), see("splunk", kind="pinohttp", **HEC), see("posthog", 1), see("datadog.apm", **APM)),
        classes=(9,), pair="he-tracking-carrier-502", entry="POST /v1/bookings/{id}/hand-over"),
    Bug("he-tracking-carrier-502", "dispatch-worker", (Exc("AxiosError", BAD_GATEWAY, (*job(ts("tracking/tracking.processor.ts", "TrackingProcessor.process", 25, 28), ts("tracking/tracking.poller.ts", "TrackingPoller.poll", 54, 33), ts("carriers/carrier-http.client.ts", "CarrierHttpClient.request", 47, 19)), *AXIOS)),),
        (see("sentry.error", 2), see("splunk", 3, context="TrackingProcessor", queue="tracking", code="ERR_BAD_RESPONSE", **WORKER), see("datadog.log", **WORKLOG)),
        classes=(9,), pair="he-booking-carrier-502", log="tracking poll failed", logger="TrackingProcessor"),
    # ManifestService.close: a missing manifest, and an invalid cut-off date.
    Bug("he-manifest-not-found", "courier-api", (Exc("EntityNotFoundError", 'Could not find any entity of type "Manifest" matching: {\n    "where": {\n        "id": "{uuid}"\n    }\n}', (*http(ts("manifests/manifests.controller.ts", "ManifestsController.close", 52, 36), ts("manifests/manifests.service.ts", "ManifestsService.close", 73, 40)), *FIND_ONE)),),
        (see("sentry.error", 2), see("splunk", 2, **HEC), see("datadog.apm", **APM)),
        classes=(4,), pair="he-manifest-invalid-date", entry="POST /v1/manifests/{id}/close"),
    Bug("he-manifest-invalid-date", "courier-api", (Exc("RangeError", "Invalid time value", http(ts("manifests/manifests.controller.ts", "ManifestsController.close", 52, 36), ts("manifests/manifests.service.ts", "ManifestsService.close", 79, 24), nd("node_modules/date-fns/format.js", "format", 352, 11, lib=True))),),
        (see("sentry.error", 2), see("sentry.alert", rule="courier-api: new issue"), see("splunk", 2, **HEC), see("posthog", 1)),
        classes=(4,), pair="he-manifest-not-found", entry="POST /v1/manifests/{id}/close"),
    # Assigning a parcel: the driver or the depot gone from the table (one lookup helper).
    Bug("he-assign-driver-not-found", "courier-api", (Exc("EntityNotFoundError", 'Could not find any entity of type "Driver" matching: {\n    "where": {\n        "id": "{uuid}"\n    }\n}', (*http(ts("assignments/assignments.controller.ts", "AssignmentsController.assign", 37, 44), ts("assignments/assignments.service.ts", "AssignmentsService.assign", 58, 35)), *FIND_ONE)),),
        (see("sentry.error", 3), see("splunk", 2, **HEC), see("posthog", 1), see("datadog.log", **LOGMON)),
        classes=(4,), pair="he-assign-depot-not-found", entry="POST /v1/parcels/{id}/assign"),
    Bug("he-assign-depot-not-found", "courier-api", (Exc("EntityNotFoundError", 'Could not find any entity of type "Depot" matching: {\n    "where": {\n        "code": "{zone}"\n    }\n}', (*http(ts("assignments/assignments.controller.ts", "AssignmentsController.assign", 37, 44), ts("assignments/assignments.service.ts", "AssignmentsService.assign", 63, 35)), *FIND_ONE)),),
        (see("sentry.error", 2), see("splunk", 2, **HEC), see("datadog.apm", **APM)),
        classes=(4,), pair="he-assign-driver-not-found", entry="POST /v1/parcels/{id}/assign"),
    # Two failures of the label worker under one saved search and one monitor.
    Bug("he-label-pdf-timeout", "dispatch-worker", (Exc("TimeoutError", "Navigation timeout of 30000 ms exceeded", job(ts("labels/label.processor.ts", "LabelProcessor.process", 48, 24), ts("labels/label-renderer.ts", "LabelRenderer.toPdf", 33, 20), nd("node_modules/puppeteer-core/lib/cjs/puppeteer/common/util.js", "Timeout.<anonymous>", 283, 40, lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, context="LabelProcessor", queue="labels", **LABELS), see("datadog.log", 2, **LABELMON)),
        classes=(4,), pair="he-label-s3-denied", log="label render failed", logger="LabelProcessor"),
    Bug("he-label-s3-denied", "dispatch-worker", (Exc("AccessDenied", "Access Denied", job(ts("labels/label.processor.ts", "LabelProcessor.process", 51, 24), ts("labels/label-store.ts", "LabelStore.put", 22, 28), nd("node_modules/@smithy/smithy-client/dist-cjs/index.js", "throwDefaultError", 840, 20, lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, context="LabelProcessor", queue="labels", **LABELS), see("datadog.log", 2, **LABELMON)),
        classes=(4,), pair="he-label-pdf-timeout", log="label render failed", logger="LabelProcessor"),
    # Proof-of-delivery photo: the handler's JSON.parse of a driver app's metadata field.
    Bug("he-pod-metadata-json", "courier-api", (Exc("SyntaxError", "Unexpected token 'u', \"undefined\" is not valid JSON", http(ts("deliveries/deliveries.controller.ts", "DeliveriesController.proof", 64, 42), tsx("deliveries/proof.mapper.ts", "toProof", 12, 27))),),
        (see("sentry.error", 3), see("splunk", 2, **HEC), see("splunk", kind="pinohttp", **HEC), see("posthog", 1), see("posthog", resolved=True), see("datadog.apm", **APM)),
        classes=(5,), entry="POST /v1/deliveries/{id}/proof", span=2),
    # Redis gone for longer than ioredis retries: the worker's queue events.
    Bug("he-redis-max-retries", "dispatch-worker", (Exc("MaxRetriesPerRequestError", "Reached the max retries per request limit (which is 20). Refer to \"maxRetriesPerRequest\" option for details.", (nd("node_modules/ioredis/built/redis/event_handler.js", "Socket.<anonymous>", 182, 37, lib=True), nd("node:events", "Object.onceWrapper", 632, 26, lib=True), nd("node:net", "Socket.emit", 519, 28, lib=True))),),
        (see("sentry.error", 3), see("splunk", 2, kind="noerr", context="QueueHealth", **WORKER), see("datadog.log", **WORKLOG)),
        classes=(10,), log="redis connection lost", logger="QueueHealth"),
    # The JWT guard on a malformed bearer token from an old driver app.
    Bug("he-jwt-malformed", "courier-api", (Exc("JsonWebTokenError", "jwt malformed", http(ts("auth/jwt.guard.ts", "JwtGuard.canActivate", 26, 31), nd("node_modules/jsonwebtoken/verify.js", "module.exports [as verify]", 70, 17, lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, **HEC), see("posthog", 2), see("datadog.apm", **APM)),
        entry="GET /v1/driver/route"),
    # The pg pool waiting longer than its connectionTimeoutMillis.
    Bug("he-pg-connect-timeout", "courier-api", (Exc("Error", "timeout exceeded when trying to connect", (nd("node_modules/pg-pool/index.js", "Timeout.<anonymous>", 178, 27, lib=True), nd("node:internal/timers", "listOnTimeout", 581, 17, lib=True), nd("node:internal/timers", "process.processTimers", 519, 7, lib=True))),),
        (see("sentry.error", 3), see("splunk", 2, **HEC), see("datadog.log", **LOGMON), see("datadog.apm", **APM)),
        classes=(10,), entry="GET /v1/parcels/{id}"),
    # BullMQ failing a job whose lock lapsed (the label worker blocked on Puppeteer).
    Bug("he-job-stalled", "dispatch-worker", (Exc("Error", "job stalled more than allowable limit", (nd("node_modules/bullmq/dist/cjs/classes/worker.js", "Worker.moveStalledJobsToWait", 842, 23, lib=True), NODE_TICKS)),),
        (see("sentry.error", 2), see("splunk", 2, context="LabelProcessor", queue="labels", **WORKER), see("datadog.apm", **APM_W)),
        log="job failed", logger="LabelProcessor"),
    # Carrier calls over their budget: durations and sizes vary (class 7).
    Bug("he-carrier-slow", "courier-api", (),
        (see("splunk", 3, search="carrier latency", app="yockenthwaite", line='{"level":40,"time":{epochms},"pid":1{idx},"hostname":"courier-api-7d9f8b6c4-x2lqp","context":"CarrierHttpClient","carrier":"{hostport}","durationMs":{ms},"msg":"carrier call slow: POST /v2/shipments answered in {dur} ({size})"}'),),
        classes=(7,)),
    # Seen once: Object.keys of a missing body on an old driver app's check-in.
    Bug("he-checkin-keys-null", "courier-api", (Exc("TypeError", "Cannot convert undefined or null to object", http(ts("drivers/drivers.controller.ts", "DriversController.checkIn", 88, 31))),),
        (see("sentry.error"),),
        singleton=True, entry="POST /v1/driver/check-in"),
]

NOISE = [
    Noise("he-noise-deploy", "courier-api", "datadog.event", {"monitor": "Deployed courier-api 2026.10.3", "text": "Argo CD synced courier-api to 2026.10.3 (4/4 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "dispatch"}),
    Noise("he-noise-nest-started", "courier-api", "splunk", {"search": "courier-api errors", "app": "yockenthwaite", "line": '{"level":30,"time":{epochms},"pid":1,"hostname":"courier-api-7d9f8b6c4-x2lqp","context":"NestApplication","msg":"Nest application successfully started"}'}),
    Noise("he-noise-recovered", "dispatch-worker", "datadog.log", {"monitor": "Worker job failures", "transition": "Recovered", "alert_type": "success", "team": "dispatch", "filter": "service:dispatch-worker status:error", "text": "Worker job failures back to normal."}),
]

YOCKENTHWAITE = Company(
    key="he",
    name="Yockenthwaite Couriers",
    domain="yockenthwaite.example",
    sentry_org="yockenthwaite",
    splunk_url="https://yockenthwaite.splunkcloud.com",
    splunk_guid="9C4A2E71-3B5D-4F08-B6E1-0D7F3A92C4E8",
    datadog_org=("793001", "Yockenthwaite Couriers"),
    datadog_template="recommended",
    posthog_project=(79301, "Yockenthwaite API"),
    releases=("2026.10.1", "2026.10.2", "2026.10.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="yockenthwaite-sentry-client-secret",
)
# fmt: on
