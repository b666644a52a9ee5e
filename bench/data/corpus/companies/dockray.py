"""(ds) Dockray Lettings, a letting agency's tenancy and property platform: an AdonisJS 6
API on Node 20 (``node ace build`` output run from /app/build as ESM) with Lucid over
PostgreSQL (``lettings-api``), and a BullMQ worker through ``@rlanz/bull-queue`` for portal
syncs, reminders and photo uploads (``lettings-worker``); Kubernetes.

Sentry: ``@sentry/node`` 8 called from the exception handler's ``report`` and the worker's
failed-job hook. Splunk: the pods' pino JSON lines through the Splunk OTel collector (the
``err`` serializer's type, message and ``file://`` stack). Datadog: log monitors through the
recommended webhook template pasting a sample line. No PostHog on the back end.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import nd

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.javascript.node", "8.40.0", "npm:@sentry/node")
SERVICES = {
    "lettings-api": Service("lettings-api", "node", "ds-adonis-pino", "dockray:api:pino", "/var/log/containers/lettings-api.log", "dockray_k8s", 7710021, "node v20.18.0", framework="", sdk=SDK),
    "lettings-worker": Service("lettings-worker", "node", "ds-adonis-pino", "dockray:worker:pino", "/var/log/containers/lettings-worker.log", "dockray_k8s", 7710024, "node v20.18.0", framework="", sdk=SDK),
}

HTTP = "node_modules/@adonisjs/http-server/build/chunk-Q7ZWX3HM.js"
ROUTE = (
    nd(HTTP, "Server.#handleRequest", 6263, 12, lib=True, awaited=True),
    nd("node_modules/@poppinss/middleware/build/index.js", "Runner.run", 103, 5, lib=True, awaited=True),
    nd(HTTP, "Object.execute", 2150, 16, lib=True, awaited=True),
)
JOB = (
    nd("node_modules/bullmq/dist/cjs/classes/worker.js", "Worker.processJob", 455, 28, lib=True, awaited=True),
    nd("node_modules/@rlanz/bull-queue/build/src/queue.js", "Worker.processor", 64, 9, lib=True, awaited=True),
)
TICKS = nd("node:internal/process/task_queues", "process.processTicksAndRejections", 95, 5, lib=True)
KNEX = (
    nd("node_modules/knex/lib/execution/runner.js", "Runner.query", 124, 12, lib=True, awaited=True),
    nd("node_modules/knex/lib/execution/internal/query-executioner.js", "", 37, 17, lib=True),
    TICKS,
)
LUCID_FIND = (
    nd("node_modules/@adonisjs/lucid/build/src/orm/base_model/index.js", "Proxy.findOrFail", 380, 19, lib=True, awaited=True),
)
# Every outbound call goes through one helper: fetch with AbortSignal.timeout(8000).
FETCH = (
    nd("build/app/services/http_client.js", "HttpClient.getJson", 21, 26, awaited=True),
    nd("node_modules/undici/lib/web/fetch/index.js", "fetch", 117, 9, lib=True),
)
API = {"search": "lettings-api errors"}
WORKER = {"search": "lettings-worker failed jobs"}
MON_API = {"style": "sample", "monitor": "[lettings] api 5xx errors"}
MON_JOB = {"style": "sample", "monitor": "[lettings] failed jobs"}
UNDEF_AMOUNT = "Cannot read properties of undefined (reading 'amount')"
TIMEOUT = "The operation was aborted due to timeout"


def route(*frames: Frame) -> tuple[Frame, ...]:
    return (*ROUTE, *frames)


def job(*frames: Frame) -> tuple[Frame, ...]:
    return (*JOB, *frames)


def unique(sql: str, constraint: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (Exc("DatabaseError", f'{sql} - duplicate key value violates unique constraint "{constraint}"', (*frames, *KNEX)),)


BUGS = [
    # The same undefined read in a controller and in a service the worker calls.
    Bug("ds-deposit-amount", "lettings-api", (Exc("TypeError", UNDEF_AMOUNT, route(nd("build/app/controllers/deposits_controller.js", "DepositsController.store", 34, 47, awaited=True))),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 2, **API), see("datadog.log", **MON_API)),
        classes=(4, 5), pair="ds-renewal-amount", entry="POST /api/v1/tenancies/{id}/deposits", span=3, renames={"DepositsController.store": "DepositsController.create"}),
    Bug("ds-renewal-amount", "lettings-worker", (Exc("TypeError", UNDEF_AMOUNT, job(nd("build/app/jobs/send_renewal_offers.js", "SendRenewalOffers.handle", 28, 22, awaited=True), nd("build/app/services/renewal_service.js", "RenewalService.quote", 51, 38))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **WORKER)),
        classes=(4,), pair="ds-deposit-amount", entry="SendRenewalOffers"),
    # Two unique constraints, one per table.
    Bug("ds-tenancy-unique", "lettings-api", unique('insert into "tenancies" ("created_at", "property_id", "start_date", "tenant_id", "updated_at") values ($1, $2, $3, $4, $5) returning "id"', "tenancies_property_id_start_date_unique", route(nd("build/app/controllers/tenancies_controller.js", "TenanciesController.store", 42, 21, awaited=True), nd("node_modules/@adonisjs/lucid/build/src/orm/base_model/index.js", "Tenancy.save", 1412, 24, lib=True, awaited=True))),
        (see("sentry.error", 2), see("splunk", 2, **API, code="23505"), see("datadog.log", **MON_API)),
        classes=(4,), pair="ds-viewing-unique", entry="POST /api/v1/tenancies"),
    Bug("ds-viewing-unique", "lettings-worker", unique('insert into "viewings" ("applicant_id", "created_at", "property_id", "slot_start", "updated_at") values ($1, $2, $3, $4, $5) returning "id"', "viewings_property_id_slot_start_unique", job(nd("build/app/jobs/import_viewings.js", "ImportViewings.handle", 37, 19, awaited=True), nd("node_modules/@adonisjs/lucid/build/src/orm/base_model/index.js", "Viewing.save", 1412, 24, lib=True, awaited=True))),
        (see("sentry.error", 3), see("splunk", 2, **WORKER, code="23505")),
        classes=(4,), pair="ds-tenancy-unique", entry="ImportViewings"),
    # The one HTTP helper timing out under two callers.
    Bug("ds-portal-timeout", "lettings-worker", (Exc("TimeoutError", TIMEOUT, job(nd("build/app/jobs/sync_portal_listings.js", "SyncPortalListings.handle", 22, 31, awaited=True), *FETCH)),),
        (see("sentry.error", 3), see("splunk", 2, **WORKER), see("datadog.log", **MON_JOB)),
        classes=(4, 9), pair="ds-referencing-timeout", entry="SyncPortalListings"),
    Bug("ds-referencing-timeout", "lettings-api", (Exc("TimeoutError", TIMEOUT, route(nd("build/app/controllers/applicants_controller.js", "ApplicantsController.requestReference", 66, 35, awaited=True), nd("build/app/services/referencing_service.js", "ReferencingService.start", 18, 28, awaited=True), *FETCH)),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", **API), see("datadog.log", **MON_API)),
        classes=(4, 9), pair="ds-portal-timeout", entry="POST /api/v1/applicants/{id}/reference"),
    # One PDF renderer, two exceptions.
    Bug("ds-invoice-null-items", "lettings-api", (Exc("TypeError", "Cannot read properties of null (reading 'lineItems')", route(nd("build/app/controllers/invoices_controller.js", "InvoicesController.download", 29, 38, awaited=True), nd("build/app/services/pdf_service.js", "PdfService.render", 44, 33))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("splunk", 2, **API)),
        classes=(4, 5), pair="ds-invoice-date", entry="GET /api/v1/invoices/{id}/pdf", span=2),
    Bug("ds-invoice-date", "lettings-api", (Exc("RangeError", "Invalid time value", route(nd("build/app/controllers/invoices_controller.js", "InvoicesController.download", 29, 38, awaited=True), nd("build/app/services/pdf_service.js", "PdfService.render", 47, 27), nd("build/app/services/pdf_service.js", "formatDate", 12, 42))),),
        (see("sentry.error", 2), see("splunk", **API), see("datadog.log", **MON_API)),
        classes=(4,), pair="ds-invoice-null-items", entry="GET /api/v1/invoices/{id}/pdf"),
    # Lucid's findOrFail in two jobs, two models: the same E_ROW_NOT_FOUND.
    Bug("ds-reminder-row", "lettings-worker", (Exc("Exception", "Row not found", job(nd("build/app/jobs/send_rent_reminder.js", "SendRentReminder.handle", 15, 38, awaited=True), *LUCID_FIND)),),
        (see("sentry.error", 2), see("splunk", 2, **WORKER, code="E_ROW_NOT_FOUND"), see("datadog.log", **MON_JOB)),
        classes=(4,), pair="ds-arrears-row", entry="SendRentReminder"),
    Bug("ds-arrears-row", "lettings-worker", (Exc("Exception", "Row not found", job(nd("build/app/jobs/chase_arrears.js", "ChaseArrears.handle", 24, 40, awaited=True), *LUCID_FIND)),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", **WORKER, code="E_ROW_NOT_FOUND")),
        classes=(4,), pair="ds-reminder-row", entry="ChaseArrears"),
    # The same "not iterable" read of a listing's images in the portal mapper and the gallery.
    Bug("ds-portal-images", "lettings-worker", (Exc("TypeError", "listing.images is not iterable", job(nd("build/app/jobs/sync_portal_listings.js", "SyncPortalListings.handle", 27, 34, awaited=True), nd("build/app/services/portal_mapper.js", "PortalMapper.toPortal", 40, 31))),),
        (see("sentry.error", 3), see("splunk", 2, **WORKER), see("datadog.log", **MON_JOB)),
        classes=(4,), pair="ds-gallery-images", entry="SyncPortalListings"),
    Bug("ds-gallery-images", "lettings-api", (Exc("TypeError", "listing.images is not iterable", route(nd("build/app/controllers/listings_controller.js", "ListingsController.show", 22, 30, awaited=True), nd("build/app/services/photo_gallery.js", "PhotoGallery.build", 9, 27))),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 2, **API)),
        classes=(4, 5), pair="ds-portal-images", entry="GET /api/v1/listings/{id}", span=3),
    Bug("ds-photo-access-denied", "lettings-worker", (Exc("AccessDenied", "Access Denied", job(nd("build/app/jobs/upload_inventory_photos.js", "UploadInventoryPhotos.handle", 31, 24, awaited=True), nd("node_modules/@aws-sdk/client-s3/dist-cjs/index.js", "de_CommandError", 4837, 24, lib=True), nd("node_modules/@smithy/smithy-client/dist-cjs/index.js", "throwDefaultError", 867, 20, lib=True))),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 2, **WORKER), see("datadog.log", **MON_JOB)),
        classes=(5,), entry="UploadInventoryPhotos", span=3),
    Bug("ds-smtp-auth", "lettings-worker", (Exc("Error", "Invalid login: 535 5.7.8 Authentication credentials invalid", job(nd("build/app/jobs/send_statement_email.js", "SendStatementEmail.handle", 19, 17, awaited=True), nd("node_modules/nodemailer/lib/smtp-connection/index.js", "SMTPConnection._formatError", 798, 19, lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, **WORKER, code="EAUTH")),
        entry="SendStatementEmail"),
    Bug("ds-postcode-not-fn", "lettings-api", (Exc("TypeError", "payload.postcode.toUpperCase is not a function", route(nd("build/app/controllers/properties_controller.js", "PropertiesController.update", 53, 44, awaited=True))),),
        (see("sentry.error", 3), see("splunk", **API), see("datadog.log", **MON_API)),
        entry="PUT /api/v1/properties/{id}"),
    Bug("ds-json-html", "lettings-worker", (Exc("SyntaxError", "Unexpected token '<', \"<!DOCTYPE \"... is not valid JSON", job(nd("build/app/jobs/fetch_epc_ratings.js", "FetchEpcRatings.handle", 26, 30, awaited=True), nd("build/app/services/epc_client.js", "EpcClient.lookup", 14, 22, awaited=True))),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 2, **WORKER)),
        classes=(5,), entry="FetchEpcRatings", span=3, renames={"FetchEpcRatings.handle": "RefreshEpcRatings.handle"}),
    Bug("ds-limiter-redis", "lettings-api", (Exc("MaxRetriesPerRequestError", 'Reached the max retries per request limit (which is 20). Refer to "maxRetriesPerRequest" option for details.', (nd("node_modules/ioredis/built/redis/event_handler.js", "Socket.<anonymous>", 182, 37, lib=True), nd("node_modules/ioredis/built/Redis.js", "Redis.flushQueue", 523, 26, lib=True))),),
        (see("sentry.error", 3), see("splunk", 2, **API), see("datadog.log", **MON_API)),
        entry="POST /api/v1/auth/login"),
    Bug("ds-knex-pool", "lettings-api", (Exc("KnexTimeoutError", "Knex: Timeout acquiring a connection. The pool is probably full. Are you missing a .transacting(trx) call?", route(nd("build/app/controllers/dashboard_controller.js", "DashboardController.index", 18, 27, awaited=True), nd("node_modules/knex/lib/client.js", "Client_PG.acquireConnection", 312, 26, lib=True))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /api/v1/dashboard"),
]

NOISE = [
    Noise("ds-noise-server-started", "lettings-api", "splunk", {**API, "line": '{"level":30,"time":1772600000000,"pid":19,"hostname":"lettings-api-7c9d5b8f6-x2kqp","msg":"started HTTP server on 0.0.0.0:3333"}'}),
    Noise("ds-noise-dd-recovered", "lettings-worker", "datadog.log", {"monitor": "[lettings] failed jobs", "transition": "Recovered", "alert_type": "success", "text": "Failed jobs back under threshold on lettings-worker.", "priority": "P3"}),
]

DOCKRAY = Company(
    key="ds",
    name="Dockray Lettings",
    domain="dockray-lettings.example",
    sentry_org="dockray-lettings",
    splunk_url="https://splunk.dockray-lettings.example:8000",
    splunk_guid="2A6F1C93-7B4E-4D0A-9E51-C3D8A0F7B214",
    datadog_org=("1200417", "Dockray Lettings"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("2.14.0", "2.14.2", "2.15.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="dockray-sentry-client-secret",
)
# fmt: on
