"""(ag) Gorsehill Tutors, an online tutoring marketplace: an Express 5 API on Node 22
(``api``, winston's ``json()`` format after ``errors({stack: true})``, morgan's ``combined``
access lines in the same Splunk index), BullMQ workers on Redis (``jobs``, winston too) and an
Angular 17 SPA built with esbuild (``web``, chunks under zone.js).

Sentry for every service (@sentry/node with the Express integration, @sentry/angular);
PostHog error tracking in the SPA (posthog-js: minified frames, some resolved); Splunk saved
searches over the winston and morgan lines (one a ``stats`` table of failed BullMQ jobs);
Datadog log, APM and task monitors posting the team's own template.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import BULLMQ_JOB, NODE_TICKS, js, nd

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "api": Service("api", "node", "winston", "gorsehill:api:winston", "/var/log/containers/api.log", "gh_prod", 7730011, "node v22.11.0", framework="express", sdk=("sentry.javascript.node", "8.47.0", "npm:@sentry/node")),
    "jobs": Service("jobs", "node", "winston", "gorsehill:jobs:winston", "/var/log/containers/jobs.log", "gh_prod", 7730014, "node v22.11.0", framework="generic", sdk=("sentry.javascript.node", "8.47.0", "npm:@sentry/node")),
    "web": Service("web", "javascript", "", "", "", "", 7730017, origin="https://app.gorsehill.example", framework="onerror", sdk=("sentry.javascript.angular", "8.47.0", "npm:@sentry/angular")),
}

# Express 5 routes through the standalone ``router`` package; async handlers are awaited.
EXPRESS5 = (
    nd("node_modules/router/index.js", "handle", 435, 11, lib=True),
    nd("node_modules/router/lib/layer.js", "Layer.handleRequest", 152, 17, lib=True),
    nd("node_modules/router/lib/route.js", "Route.dispatch", 117, 3, lib=True),
    nd("node_modules/router/lib/route.js", "next", 157, 13, lib=True),
    nd("node_modules/router/lib/layer.js", "Layer.handleRequest", 152, 17, lib=True),
)
PG_QUERY = (
    nd("node_modules/pg-pool/index.js", "", 45, 11, lib=True, awaited=True),
    NODE_TICKS,
    nd("node_modules/pg/lib/client.js", "Client._handleErrorMessage", 336, 19, lib=True),
    nd("node_modules/pg/lib/connection.js", "Connection.emit", 117, 12, lib=True),
    nd("node_modules/pg/lib/connection.js", "", 116, 12, lib=True),
    nd("node_modules/pg-protocol/dist/parser.js", "Parser.parse", 36, 17, lib=True),
)
STRIPE_REQ = (
    nd("node_modules/stripe/cjs/RequestSender.js", "RequestSender._request", 404, 39, lib=True),
    nd("node_modules/stripe/cjs/RequestSender.js", "", 117, 29, lib=True),
    nd("node_modules/stripe/cjs/StripeResource.js", "generateV1Error", 47, 20, lib=True),
)
# Every BullMQ processor goes through one wrapper that reports to Sentry and rethrows.
JOB_FAIL = nd("src/jobs/lib/report.ts", "reportJobFailure", 23, 11)
ZONE = "node_modules/zone.js/fesm2015/zone.js"
CORE = "node_modules/@angular/core/fesm2022/core.mjs"
NG_CLICK = (
    js(ZONE, "HTMLButtonElement.globalZoneAwareCallback", 1720, 22, "main", lib=True),
    js(ZONE, "ZoneTask.invokeTask", 461, 22, "main", lib=True),
    js(ZONE, "_ZoneDelegate.invokeTask", 424, 31, "main", lib=True),
    js(CORE, "wrapListenerIn_markDirtyAndPreventDefault", 26981, 22, "main", lib=True),
)
NG_RENDER = (
    js(ZONE, "_ZoneDelegate.invoke", 399, 26, "main", lib=True),
    js(CORE, "refreshView", 13519, 9, "main", lib=True),
    js(CORE, "executeTemplate", 12195, 9, "main", lib=True),
)
NG_AFTER_VIEW = (
    js(ZONE, "_ZoneDelegate.invoke", 399, 26, "main", lib=True),
    js(CORE, "refreshView", 13519, 9, "main", lib=True),
    js(CORE, "executeViewHooks", 3911, 13, "main", lib=True),
    js(CORE, "callHookInternal", 3880, 14, "main", lib=True),
)
API_FAILED = "request failed"
MORGAN_UA = '"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15"'
API_LOGS = {"style": "kind", "monitor": "Error logs on api", "team": "marketplace"}
JOB_LOGS = {"style": "sample", "monitor": "BullMQ job failures in jobs", "team": "marketplace"}


def express(*app: Frame) -> tuple[Frame, ...]:
    return (*EXPRESS5, *app)


def bull(job: str, *app: Frame) -> tuple[Frame, ...]:
    return (*BULLMQ_JOB, nd(f"src/jobs/{job}.ts", "process", 12, 18, awaited=True), *app)


def morgan(status: str, method: str, size: str = "{n}") -> str:
    """morgan's ``combined`` line, behind the ingress (the client's address from X-Forwarded-For)."""
    return '{ip} - - [{clf}] "' + method + ' {path} HTTP/1.1" ' + status + " " + size + ' "https://app.gorsehill.example/" ' + MORGAN_UA


BUGS = [
    # One property read in two handlers: same V8 sentence, two code locations.
    Bug(
        "gh-booking-slot-undefined",
        "api",
        (Exc("TypeError", "Cannot read properties of undefined (reading 'startsAt')", express(
            nd("dist/routes/bookings.js", "createBooking", 41, 29, awaited=True),
            nd("dist/services/availability.js", "assertSlotFree", 18, 34),
        )),),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 2),
            see("splunk", 2, search="api 5xx (morgan)", line=morgan("500", "POST", "61")),
            see("datadog.log", **API_LOGS),
            see("datadog.apm", style="message", monitor="api error spans", team="marketplace"),
        ),
        classes=(1, 4),
        pair="gh-reschedule-slot-undefined",
        log=API_FAILED,
        entry="POST /v1/bookings",
        span=3,
        renames={"createBooking": "postBooking"},
    ),
    Bug(
        "gh-reschedule-slot-undefined",
        "api",
        (Exc("TypeError", "Cannot read properties of undefined (reading 'startsAt')", express(
            nd("dist/routes/bookings.js", "rescheduleBooking", 88, 31, awaited=True),
            nd("dist/services/reschedule.js", "moveLesson", 52, 40),
        )),),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.log", **API_LOGS)),
        classes=(4,),
        pair="gh-booking-slot-undefined",
        log=API_FAILED,
        entry="PATCH /v1/bookings/{booking_id}",
    ),
    # Same route, two different failures.
    Bug(
        "gh-search-stmt-timeout",
        "api",
        (Exc("error", "canceling statement due to statement timeout", express(
            nd("dist/routes/tutors.js", "searchTutors", 27, 22, awaited=True),
            nd("dist/repos/tutorRepo.js", "TutorRepo.search", 64, 18, awaited=True),
            *PG_QUERY,
        )),),
        (
            see("sentry.error", 3),
            see("splunk", 2),
            see("datadog.apm", style="type", monitor="api error spans", team="marketplace"),
            see("datadog.log", style="stack", monitor="Postgres statement timeouts (api)", team="marketplace", lines=6),
        ),
        classes=(1,),
        pair="gh-search-filter-json",
        log=API_FAILED,
        entry="GET /v1/tutors/search",
    ),
    Bug(
        "gh-search-filter-json",
        "api",
        (Exc("SyntaxError", "\"undefined\" is not valid JSON", express(
            nd("dist/routes/tutors.js", "searchTutors", 19, 30, awaited=True),
            nd("dist/lib/filters.js", "parseFilters", 8, 21),
        )),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2)),
        classes=(4,),
        pair="gh-search-stmt-timeout",
        log=API_FAILED,
        entry="GET /v1/tutors/search",
    ),
    Bug(
        "gh-stripe-webhook-raw-body",
        "api",
        (Exc("StripeSignatureVerificationError", "No signatures found matching the expected signature for payload. Are you passing the raw request body you received from Stripe? \n If a webhook request is being forwarded by a third-party tool, ensure that the exact request body, including JSON formatting and new line style, is preserved.\n\nLearn more about webhook signing and explore webhook integration examples for various frameworks at https://docs.stripe.com/webhooks/signature\n", express(
            nd("dist/routes/stripeWebhook.js", "handleStripeWebhook", 14, 39),
            nd("node_modules/stripe/cjs/Webhooks.js", "Object.constructEvent", 11, 24, lib=True),
            nd("node_modules/stripe/cjs/Webhooks.js", "Object.verifyHeader", 98, 19, lib=True),
            nd("node_modules/stripe/cjs/Webhooks.js", "validateComputedSignature", 255, 15, lib=True),
        )),),
        (
            see("sentry.error", 2),
            see("splunk", 3),
            see("datadog.log", style="sample", monitor="Stripe webhook failures", team="payments"),
            see("datadog.log", monitor="Stripe webhook failures", team="payments", text="Stripe webhooks are failing on {{log.service}} ({{log.host}}). Payments will not be marked paid until this is fixed.\n\nmessage: {{log.attributes.message}}\n\nstack:\n{{log.attributes.stack}}"),
        ),
        classes=(1, 4),
        log=API_FAILED,
        entry="POST /v1/webhooks/stripe",
        span=2,
    ),
    # A lesson without a tutor id; Express answers 500 and morgan logs the route only.
    Bug(
        "gh-lesson-notes-null",
        "api",
        (Exc("TypeError", "Cannot read properties of null (reading 'tutorId')", express(
            nd("dist/routes/lessons.js", "saveNotes", 56, 27, awaited=True),
            nd("dist/policies/lessonPolicy.js", "canEditNotes", 9, 23),
        )),),
        (
            see("sentry.error", 2),
            see("splunk", 1),
            see("splunk", 2, search="api 5xx (morgan)", line=morgan("500", "PUT", "61")),
            see("datadog.apm", style="route", team="marketplace"),
        ),
        classes=(4, 8),
        log=API_FAILED,
        entry="PUT /v1/lessons/{lesson_id}/notes",
    ),
    # BullMQ jobs: a Stripe customer deleted under an invoice run.
    Bug(
        "gh-invoice-missing-customer",
        "jobs",
        (Exc("StripeInvalidRequestError", "No such customer: 'cus_{hex}'", (
            *bull("invoices", nd("src/billing/invoices.ts", "issueMonthlyInvoice", 77, 35, awaited=True)),
            *STRIPE_REQ,
        )),),
        (
            see("sentry.error", 2),
            see("splunk", 2),
            see("splunk", 2, search="bullmq failed jobs by queue", stats={"queue": "invoices", "name": "issue-monthly-invoice", "failedReason": "No such customer: 'cus_{hex}'", "count": "{n}"}),
            see("datadog.task", team="billing"),
        ),
        classes=(2, 8),
        log="job failed",
        entry="invoices:issue-monthly-invoice",
    ),
    # One reporting wrapper innermost; only the cause differs.
    Bug(
        "gh-reminder-sms-invalid",
        "jobs",
        (Exc("RestException", "The 'To' number +4477{offset} is not a valid phone number.", (
            *bull("reminders", nd("src/notify/sms.ts", "sendLessonReminder", 31, 22, awaited=True)),
            JOB_FAIL,
        )),),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 2),
            see("datadog.log", **JOB_LOGS),
        ),
        classes=(2, 9),
        pair="gh-payout-balance",
        log="job failed",
        entry="reminders:lesson-reminder",
    ),
    Bug(
        "gh-payout-balance",
        "jobs",
        (Exc("StripeInvalidRequestError", "You have insufficient available funds in your Stripe account. Try adding funds directly to your available balance by creating Charges using the 4000000000000077 test card. See: https://stripe.com/docs/testing#available-balance", (
            *bull("payouts", nd("src/billing/payouts.ts", "transferToTutor", 48, 27, awaited=True)),
            JOB_FAIL,
        )),),
        (
            see("sentry.error", 2),
            see("splunk", 2),
            see("datadog.log", 2, **JOB_LOGS),
            see("datadog.task", team="billing"),
        ),
        classes=(9,),
        pair="gh-reminder-sms-invalid",
        log="job failed",
        entry="payouts:weekly-transfer",
    ),
    # ioredis giving up while Redis fails over: the job's own stack is lost, only ioredis's.
    Bug(
        "gh-digest-redis-retries",
        "jobs",
        (Exc("MaxRetriesPerRequestError", "Reached the max retries per request limit (which is 20). Refer to \"maxRetriesPerRequest\" option for details.", (
            nd("node_modules/ioredis/built/redis/event_handler.js", "Socket.<anonymous>", 182, 37, lib=True),
            nd("node:events", "Object.onceWrapper", 634, 26, lib=True),
            nd("node_modules/ioredis/built/redis/event_handler.js", "Redis.flushQueue", 41, 31, lib=True),
        )),),
        (
            see("sentry.error", 2),
            see("splunk", 3),
            see("datadog.task", team="platform"),
        ),
        classes=(8, 10),
        log="job failed",
        entry="digests:weekly-digest",
    ),
    # Angular SPA: one template read in three engines, minified and mapped.
    Bug(
        "gh-web-lesson-tutor",
        "web",
        (Exc("TypeError", frames=(
            *NG_RENDER,
            js("src/app/lessons/lesson-card/lesson-card.component.html", "LessonCardComponent_Template", 9, 37, "lessons"),
            js("src/app/lessons/lesson-card/lesson-card.component.ts", "LessonCardComponent.tutorName", 44, 28, "lessons"),
        ), js=JsError("read-undefined", "this.lesson.tutor", "displayName")),),
        (
            see("posthog", 2, browser="chrome", release=0, chunk="lessons"),
            see("posthog", browser="firefox", release=1, chunk="lessons"),
            see("posthog", browser="safari", release=1, resolved=True, chunk="lessons"),
            see("sentry.error", browser="chrome", release=0),
            see("sentry.error", browser="safari", raw=True, release=1),
            see("sentry.issue"),
        ),
        classes=(3,),
        page="/lessons",
        span=2,
    ),
    # One call on a player from two components.
    Bug(
        "gh-web-classroom-seek",
        "web",
        (Exc("TypeError", frames=(
            *NG_CLICK,
            js("src/app/classroom/classroom.component.ts", "ClassroomComponent.resumeAt", 112, 21, "classroom"),
        ), js=JsError("not-function", "this.player", "seekTo", "(n)")),),
        (
            see("posthog", 2, browser="chrome", chunk="classroom"),
            see("posthog", browser="safari", chunk="classroom"),
            see("sentry.error", 2, browser="chrome"),
        ),
        classes=(3,),
        pair="gh-web-recording-seek",
        page="/classroom/8812",
    ),
    Bug(
        "gh-web-recording-seek",
        "web",
        (Exc("TypeError", frames=(
            *NG_CLICK,
            js("src/app/recordings/recording-viewer.component.ts", "RecordingViewerComponent.jumpTo", 67, 19, "recordings"),
        ), js=JsError("not-function", "this.player", "seekTo", "(n)")),),
        (
            see("posthog", browser="firefox", chunk="recordings"),
            see("posthog", browser="chrome", resolved=True, chunk="recordings"),
            see("sentry.error", browser="firefox"),
            see("sentry.issue"),
        ),
        classes=(3,),
        pair="gh-web-classroom-seek",
        page="/recordings/5521",
    ),
    Bug(
        "gh-web-card-element-null",
        "web",
        (Exc("TypeError", frames=(
            *NG_AFTER_VIEW,
            js("src/app/checkout/payment-form.component.ts", "PaymentFormComponent.ngAfterViewInit", 58, 22, "checkout"),
        ), js=JsError("read-undefined", "this.cardHost", "nativeElement")),),
        (
            see("posthog", 2, browser="chrome", chunk="checkout"),
            see("posthog", browser="firefox", chunk="checkout"),
            see("sentry.error", browser="chrome", release=0),
            see("sentry.error", browser="chrome", release=2),
        ),
        classes=(3, 5),
        page="/checkout",
        span=3,
    ),
    # A deploy replaced the chunks under open tabs: no stack, three wordings, the URL varies.
    Bug(
        "gh-web-stale-chunk",
        "web",
        (Exc("TypeError", "Failed to fetch dynamically imported module: {chunkurl}", engines={"spidermonkey": "error loading dynamically imported module: {chunkurl}", "jsc": "Importing a module script failed."}),),
        (
            see("sentry.error", 2, browser="chrome", chunk="tutor-profile"),
            see("sentry.error", browser="safari", chunk="tutor-profile"),
            see("posthog", browser="firefox", chunk="tutor-profile"),
            see("posthog", browser="chrome", chunk="tutor-profile", release=2),
            see("posthog", browser="safari", chunk="tutor-profile", release=1),
        ),
        classes=(2, 3),
        page="/tutors/amelia-hart",
        span=3,
    ),
    Bug(
        "gh-web-http-bookings",
        "web",
        (Exc("Error", "Http failure response for https://api.gorsehill.example/v1/bookings/{id}: 502 Bad Gateway", (
            js(ZONE, "_ZoneDelegate.invokeTask", 424, 31, "main", lib=True),
            js("node_modules/@angular/common/fesm2022/http.mjs", "XMLHttpRequest.onLoad", 2380, 29, "main", lib=True),
            js("src/app/core/api-error.handler.ts", "ApiErrorHandler.handleError", 21, 15, "main"),
        )),),
        (
            see("sentry.error", 2, browser="chrome", mechanism="angular"),
            see("posthog", browser="edge", chunk="main"),
        ),
        classes=(2, 9),
        page="/bookings",
    ),
    # One template reads an unloaded filter list; another component reads the same field.
    Bug(
        "gh-web-search-subjects",
        "web",
        (Exc("TypeError", frames=(
            *NG_RENDER,
            js("src/app/search/search-page.component.html", "SearchPageComponent_Template", 22, 45, "search"),
            js("src/app/search/search-page.component.ts", "SearchPageComponent.subjectCount", 71, 37, "search"),
        ), js=JsError("read-undefined", "this.filters.subjects", "length")),),
        (
            see("posthog", 2, browser="chrome", chunk="search", release=1),
            see("posthog", browser="safari", chunk="search", release=2),
            see("posthog", browser="firefox", resolved=True, chunk="search", release=2),
            see("sentry.error", browser="chrome", release=1),
            see("sentry.error", browser="firefox", release=2),
        ),
        classes=(3, 5),
        pair="gh-web-profile-subjects",
        page="/search",
        span=2,
    ),
    Bug(
        "gh-web-profile-subjects",
        "web",
        (Exc("TypeError", frames=(
            *NG_RENDER,
            js("src/app/tutors/tutor-profile.component.html", "TutorProfileComponent_Template", 35, 29, "tutor-profile"),
            js("src/app/tutors/tutor-profile.component.ts", "TutorProfileComponent.subjectList", 49, 33, "tutor-profile"),
        ), js=JsError("read-undefined", "this.filters.subjects", "length")),),
        (
            see("posthog", browser="chrome", chunk="tutor-profile"),
            see("posthog", browser="edge", chunk="tutor-profile"),
            see("sentry.error", browser="safari"),
            see("sentry.issue"),
        ),
        classes=(3,),
        pair="gh-web-search-subjects",
        page="/tutors/jonas-brandt",
    ),
    # A Handlebars helper missing from two jobs' template registries; one log monitor.
    Bug(
        "gh-receipt-missing-helper",
        "jobs",
        (Exc("Error", "Missing helper: \"formatMoney\"", (
            *bull("receipts", nd("src/email/receipt.ts", "renderReceipt", 36, 22)),
            nd("node_modules/handlebars/dist/cjs/handlebars/runtime.js", "ret", 18, 16, lib=True),
            nd("node_modules/handlebars/dist/cjs/handlebars/helpers/helper-missing.js", "Object.<anonymous>", 19, 13, lib=True),
        )),),
        (
            see("sentry.error", 2),
            see("splunk", 2),
            see("datadog.log", **JOB_LOGS),
        ),
        classes=(4,),
        pair="gh-summary-missing-helper",
        log="job failed",
        entry="receipts:send-receipt",
    ),
    Bug(
        "gh-summary-missing-helper",
        "jobs",
        (Exc("Error", "Missing helper: \"formatMoney\"", (
            *bull("summaries", nd("src/email/lessonSummary.ts", "renderSummary", 52, 18)),
            nd("node_modules/handlebars/dist/cjs/handlebars/runtime.js", "ret", 18, 16, lib=True),
            nd("node_modules/handlebars/dist/cjs/handlebars/helpers/helper-missing.js", "Object.<anonymous>", 19, 13, lib=True),
        )),),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 1),
            see("datadog.log", 2, **JOB_LOGS),
        ),
        classes=(4,),
        pair="gh-receipt-missing-helper",
        log="job failed",
        entry="summaries:lesson-summary",
    ),
    # Seen once.
    Bug(
        "gh-web-quota",
        "web",
        (Exc("QuotaExceededError", "Failed to execute 'setItem' on 'Storage': Setting the value of 'gh.draftMessages' exceeded the quota.", (
            *NG_CLICK,
            js("src/app/messages/composer.component.ts", "ComposerComponent.saveDraft", 93, 26, "messages"),
        )),),
        (see("sentry.error", browser="chrome"),),
        singleton=True,
        page="/messages",
    ),
]

NOISE = [
    Noise("gh-noise-deploy", "api", "datadog.event", {"monitor": "Deployed api 2026.3.2 to prod", "text": "Argo CD synced api 2026.3.2 (4/4 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("gh-noise-stalled-recovered", "jobs", "datadog.metric", {"monitor": "BullMQ stalled jobs on invoices", "scope": "queue:invoices", "text": "Stalled jobs are back under the threshold.", "query": "max(last_10m):max:bullmq.jobs.stalled{queue:invoices} > 5", "metric": "bullmq.jobs.stalled", "priority": "P3", "transition": "Recovered"}),
    Noise("gh-noise-worker-ready", "jobs", "splunk", {"search": "jobs - errors", "line": '{"level":"info","message":"worker ready: queues=invoices,reminders,payouts,digests concurrency=8","service":"jobs","timestamp":"{tsms}"}'}),
]

GORSEHILL = Company(
    key="ag",
    name="Gorsehill Tutors",
    domain="gorsehill.example",
    sentry_org="gorsehill",
    splunk_url="https://gorsehill.splunkcloud.com",
    splunk_guid="6C0E2A91-7D34-4B8F-A5E2-19F3D07B4C88",
    datadog_org=("915203", "Gorsehill Tutors"),
    datadog_template="gorsehill",
    posthog_project=(71402, "Gorsehill web"),
    releases=("2026.3.0", "2026.3.1", "2026.3.2", "2026.3.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="gorsehill-sentry-client-secret",
)
# fmt: on
