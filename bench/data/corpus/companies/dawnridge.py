"""(db) Dawnridge Climbing, a chain of bouldering walls: a Fastify 4 API on Node 20
(``gym-api``: session slots, bookings, passes, memberships; Prisma 5 over PostgreSQL),
BullMQ 5 workers (``gym-jobs``: the waiting list, pass expiry, invoice PDFs, e-mails through
Mailgun), and the members' site in Remix 2 (``members-web`` in the browser, its loaders and
actions on the Express adapter as ``members-server``).

Sentry: @sentry/node on the API and the workers (TypeScript mapped from ``dist/``),
@sentry/remix on both halves of the site. Splunk: pino JSON from the API (Fastify's own
error record with ``req``, ``res`` and ``err``, its ``msg`` the error's message) and the
workers (a child logger with ``queue``, ``jobId`` and ``attemptsMade`` from the ``failed``
listener). PostHog: posthog-js exception autocapture on the site, posthog-node in the Remix
server. No Datadog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import NODE_TICKS, js, nd

# The tables keep one frame or delivery per line.
# fmt: off
NODE_SDK = ("sentry.javascript.node", "8.40.0", "npm:@sentry/node")
REMIX_SDK = ("sentry.javascript.remix", "8.40.0", "npm:@sentry/remix")
SERVICES = {
    "gym-api": Service("gym-api", "node", "db-fastify-pino", "dawnridge:pino", "/var/log/containers/gym-api.log", "dr_prod", 6610021, "node v20.18.0", framework="fastify", sdk=NODE_SDK),
    "gym-jobs": Service("gym-jobs", "node", "db-fastify-pino", "dawnridge:pino", "/var/log/containers/gym-jobs.log", "dr_prod", 6610024, "node v20.18.0", framework="onunhandledrejection", sdk=NODE_SDK),
    "members-server": Service("members-server", "node", "", "", "", "", 6610027, "node v20.18.0", framework="remix", sdk=REMIX_SDK),
    "members-web": Service("members-web", "javascript", "", "", "", "", 6610028, origin="https://members.dawnridge.example", framework="onerror", sdk=REMIX_SDK),
}

PRISMA = "node_modules/@prisma/client/runtime/library.js"


def prisma(op: str) -> tuple[Frame, ...]:
    """Prisma 5's minified runtime from the awaited model call down to where it throws."""
    return (
        nd(PRISMA, "l", 130, 9355, lib=True, awaited=True),
        nd(PRISMA, "_n.request", 121, 6741, lib=True),
        nd(PRISMA, "_n.handleAndLogRequestError", 121, 7057, lib=True),
        nd(PRISMA, "_n.handleRequestError", 121, 7749, lib=True),
    )


def route(file: str, line: int) -> Frame:
    """A Fastify route handler: V8 prints the plugin's async arrow as ``Object.<anonymous>``."""
    return nd(f"src/routes/{file}", "Object.<anonymous>", line, 22, awaited=True)


def job(name: str, line: int) -> tuple[Frame, ...]:
    return (
        nd("node_modules/bullmq/dist/cjs/classes/worker.js", "Worker.retryIfFailed", 645, 24, lib=True, awaited=True),
        nd("node_modules/bullmq/dist/cjs/classes/worker.js", "Worker.processJob", 468, 28, lib=True, awaited=True),
        nd(f"src/jobs/{name}.ts", "Worker.process", line, 11, awaited=True),
    )


def svc(file: str, fn: str, line: int, col: int = 15, *, awaited: bool = True) -> Frame:
    return nd(f"src/{file}", fn, line, col, awaited=awaited)


def p2002(model: str, op: str, fields: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    msg = f"\nInvalid `prisma.{model}.{op}()` invocation:\n\n\nUnique constraint failed on the fields: ({fields})"
    return (Exc("PrismaClientKnownRequestError", msg, (*frames, *prisma(op))),)


UNDEF_CAPACITY = "Cannot read properties of undefined (reading 'capacity')"
ASSERT_OK = svc("lib/http.ts", "assertOk", 18, 11, awaited=False)
API = {"search": "gym-api 5xx"}
JOBS = {"search": "gym-jobs failed jobs"}
P2002 = {"code": "P2002"}
HOME = "root"
BOOK = "booking"

BUGS = [
    # One unique index per model: a member booking a slot twice (double click), a membership e-mail taken.
    Bug("db-booking-p2002", "gym-api", p2002("booking", "create", "`slotId`,`memberId`", (route("bookings.ts", 31), svc("services/booking.service.ts", "BookingService.create", 48))),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **API, **P2002)),
        classes=(4,), pair="db-membership-p2002", entry="POST /v1/bookings"),
    Bug("db-membership-p2002", "gym-api", p2002("membership", "create", "`email`", (route("memberships.ts", 27), svc("services/membership.service.ts", "MembershipService.join", 36))),
        (see("sentry.error", 2), see("splunk", 2, **API, **P2002)),
        classes=(4,), pair="db-booking-p2002", entry="POST /v1/memberships"),
    # A slot whose wall was removed from the plan: the availability route and the waiting-list job read its capacity.
    Bug("db-availability-capacity", "gym-api", (Exc("TypeError", UNDEF_CAPACITY, (route("slots.ts", 44), svc("services/availability.ts", "freeSpaces", 22, 31, awaited=False))),),
        (see("sentry.error", 3), see("splunk", 2, **API)),
        classes=(4,), pair="db-waitlist-capacity", entry="GET /v1/gyms/{id}/slots"),
    Bug("db-waitlist-capacity", "gym-jobs", (Exc("TypeError", UNDEF_CAPACITY, (*job("promote-waitlist", 19), svc("waitlist/promote.ts", "promoteNext", 57, 40, awaited=False))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 3, **JOBS)),
        classes=(4,), pair="db-availability-capacity", log="job failed", entry="waitlist"),
    # One method, two failures: a pass deleted under the redeem, a pass with no valid-from date.
    Bug("db-redeem-p2025", "gym-api", (Exc("PrismaClientKnownRequestError", "\nInvalid `prisma.pass.update()` invocation:\n\n\nAn operation failed because it depends on one or more records that were required but not found. Record to update not found.", (route("passes.ts", 52), svc("services/pass.service.ts", "PassService.redeem", 71), *prisma("update"))),),
        (see("sentry.error", 3), see("splunk", 2, **API, code="P2025")),
        classes=(4,), pair="db-redeem-invalid-date", entry="POST /v1/passes/{id}/redeem"),
    Bug("db-redeem-invalid-date", "gym-api", (Exc("RangeError", "Invalid time value", (route("passes.ts", 52), svc("services/pass.service.ts", "PassService.redeem", 64, 38, awaited=False))),),
        (see("sentry.error", 2), see("sentry.alert", rule="gym-api: new issue"), see("splunk", 2, **API)),
        classes=(4, 5), pair="db-redeem-p2025", entry="POST /v1/passes/{id}/redeem", span=2),
    # Two upstreams failing through one assertOk(): GoCardless (API) and Mailgun (worker).
    Bug("db-gocardless-upstream", "gym-api", (Exc("UpstreamError", "GoCardless responded 503 Service Unavailable", (route("memberships.ts", 63), svc("payments/gocardless.ts", "createMandate", 29), ASSERT_OK)),),
        (see("sentry.error", 3), see("splunk", 2, **API)),
        classes=(9,), pair="db-mailgun-upstream", entry="POST /v1/memberships/{id}/mandate"),
    Bug("db-mailgun-upstream", "gym-jobs", (Exc("UpstreamError", "Mailgun responded 401 Unauthorized", (*job("send-email", 14), svc("mail/mailgun.ts", "send", 33), ASSERT_OK)),),
        (see("sentry.error", 2), see("splunk", 3, **JOBS)),
        classes=(9,), pair="db-gocardless-upstream", log="job failed", entry="email"),
    # The same undefined read in two Remix routes: the booking page and the class timetable.
    Bug("db-js-booking-startsat", "members-web", (Exc("TypeError", frames=(js("node_modules/react-dom/cjs/react-dom.production.min.js", "Sk", 292, 39, "vendor", lib=True), js("app/routes/bookings.$id.tsx", "BookingPage", 41, 28, BOOK), js("app/components/SlotTime.tsx", "SlotTime", 12, 33, BOOK)), js=JsError("read-undefined", "slot.startsAt", "toLocaleTimeString")),),
        (see("sentry.error", 2, browser="chrome", chunk=BOOK), see("sentry.error", browser="safari", chunk=BOOK), see("posthog", browser="firefox", chunk=BOOK), see("posthog", browser="chrome", chunk=BOOK, resolved=True)),
        classes=(3, 4), pair="db-js-timetable-startsat", page="/bookings/48213"),
    Bug("db-js-timetable-startsat", "members-web", (Exc("TypeError", frames=(js("node_modules/react-dom/cjs/react-dom.production.min.js", "Sk", 292, 39, "vendor", lib=True), js("app/routes/classes._index.tsx", "Timetable", 58, 17, HOME), js("app/lib/format.ts", "dayColumn", 21, 44, HOME)), js=JsError("read-undefined", "slot.startsAt", "toLocaleTimeString")),),
        (see("sentry.error", browser="edge", chunk=HOME), see("posthog", 2, browser="chrome", chunk=HOME), see("posthog", browser="safari", chunk=HOME, release=1)),
        classes=(3, 4), pair="db-js-booking-startsat", page="/classes", span=2),
    # A stale tab loading a route module after a deploy, in each browser's words.
    Bug("db-js-route-import", "members-web", (Exc("TypeError", "Failed to fetch dynamically imported module: https://members.dawnridge.example/build/routes/passes-{hex}.js", (js("node_modules/@remix-run/react/dist/esm/routeModules.js", "loadRouteModule", 45, 27, HOME, lib=True),), engines={"spidermonkey": "error loading dynamically imported module: https://members.dawnridge.example/build/routes/passes-{hex}.js", "jsc": "Importing a module script failed."}),),
        (see("sentry.error", browser="chrome", chunk=HOME), see("sentry.error", browser="firefox", chunk=HOME), see("posthog", browser="safari", chunk=HOME), see("posthog", 2, browser="chrome", chunk=HOME)),
        classes=(3,), page="/passes"),
    # The account loader's call to the API timing out (undici's fetch over its connect timeout).
    Bug("db-loader-fetch-failed", "members-server", (Exc("ConnectTimeoutError", "Connect Timeout Error (attempted address: gym-api.internal:3000, timeout: 10000ms)", (nd("node_modules/undici/lib/core/connect.js", "onConnectTimeout", 237, 24, lib=True),)), Exc("TypeError", "fetch failed", (nd("app/routes/account.tsx", "loader", 19, 20, awaited=True), nd("app/lib/api.server.ts", "apiGet", 11, 9, awaited=True), nd("node:internal/deps/undici/undici", "fetch", 13185, 13, lib=True)))),
        (see("sentry.error", 3), see("posthog", 2)),
        entry="GET /account"),
    # BullMQ giving up on invoice jobs whose worker stalled: nothing of the app in the trace.
    Bug("db-invoice-stalled", "gym-jobs", (Exc("Error", "job stalled more than allowable limit", (nd("node_modules/bullmq/dist/cjs/classes/worker.js", "Worker.moveStalledJobsToWait", 881, 15, lib=True, awaited=True), nd("node_modules/bullmq/dist/cjs/classes/job.js", "Job.moveToFailed", 517, 19, lib=True))),),
        (see("sentry.error", 2), see("splunk", 3, **JOBS)),
        classes=(10,), log="job failed", entry="invoices"),
    # The invoice PDF job's font missing in the new image; the job's render step renamed in a later release.
    Bug("db-invoice-font", "gym-jobs", (Exc("Error", "ENOENT: no such file or directory, open '/app/assets/fonts/Inter-Regular.ttf'", (*job("render-invoice", 22), svc("invoices/pdf.ts", "renderInvoice", 40), nd("node_modules/pdfkit/js/pdfkit.js", "PDFDocument.font", 3310, 21, lib=True), NODE_TICKS)),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 3, **JOBS)),
        classes=(5,), log="job failed", entry="invoices", span=3, renames={"renderInvoice": "renderInvoicePdf"}),
    # Fastify's slow-request warning: one template, no bug.
    Bug("db-slow-request", "gym-api", (),
        (see("splunk", 4, search="gym-api slow requests", line='{"level":40,"time":{epochms},"pid":1,"hostname":"gym-api-7c9d4b5f6-{hex}","reqId":"req-{idx}f","url":"/v1/gyms/{id}/slots","elapsed":"{dur}","responseSize":"{size}","msg":"slow request"}'),),
        classes=(7,)),
    # Seen once: a Stripe webhook body re-serialised by a proxy.
    Bug("db-stripe-signature", "gym-api", (Exc("StripeSignatureVerificationError", "No signatures found matching the expected signature for payload. Are you passing the raw request body you received from Stripe?", (route("webhooks.ts", 18), nd("node_modules/stripe/cjs/Webhooks.js", "Object.constructEvent", 28, 23, lib=True), nd("node_modules/stripe/cjs/Webhooks.js", "validateComputedSignature", 139, 15, lib=True))),),
        (see("sentry.error"),),
        singleton=True, entry="POST /v1/webhooks/stripe"),
]

NOISE = [
    Noise("db-noise-listening", "gym-api", "splunk", {**API, "line": '{"level":30,"time":{epochms},"pid":1,"hostname":"gym-api-7c9d4b5f6-{hex}","msg":"Server listening at http://0.0.0.0:3000"}'}),
    Noise("db-noise-worker-ready", "gym-jobs", "splunk", {**JOBS, "line": '{"level":30,"time":{epochms},"pid":1,"hostname":"gym-jobs-5b8f9c7d4-{hex}","queue":"invoices","msg":"worker ready"}'}),
    Noise("db-noise-sentry-resolved", "gym-api", "sentry.metric", {"rule": "gym-api error count", "aggregate": "count()", "action": "resolved", "value": "{idx}"}),
]

DAWNRIDGE = Company(
    key="db",
    name="Dawnridge Climbing",
    domain="dawnridge.example",
    sentry_org="dawnridge",
    splunk_url="https://dawnridge.splunkcloud.com",
    splunk_guid="7E2A0C91-3B6D-4F54-8A17-E9C3D05B2F68",
    datadog_org=("0", ""),
    datadog_template="default",
    posthog_project=(66102, "Dawnridge members"),
    releases=("2026.11.3", "2026.11.4", "2026.12.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="dawnridge-sentry-client-secret",
)
