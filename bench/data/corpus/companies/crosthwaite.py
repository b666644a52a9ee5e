"""(cv) Crosthwaite Cottages, holiday-cottage bookings: an Express 4 API on Node 20 with knex
over Postgres (``booking-api``), Bull 4 queue workers on Redis (``bull-worker``: channel-manager
iCal imports, confirmation e-mails, refunds, owner invoices) and a Preact guest site bundled by
esbuild (``guest-site``, ``/assets/chunk-<HASH>.js``).

Logs are bunyan on stdout in Splunk: the API's error middleware logs ``err`` through bunyan's
standard serializer, the worker's ``failed`` listener a child logger with the queue and job.
Sentry: @sentry/node on the API and the worker (esbuild bundles each service into ``dist/`` with
source maps; Sentry shows ``src/``, the logs the built files), @sentry/browser on the site. PostHog: posthog-js exception autocapture on the site.
No Datadog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import NODE_TICKS, js, nd

# The tables keep one frame or delivery per line.
# fmt: off
SENTRY_NODE = ("sentry.javascript.node", "8.47.0", "npm:@sentry/node")
SERVICES = {
    "booking-api": Service("booking-api", "node", "bunyan", "crosthwaite:api:bunyan", "/var/log/containers/booking-api.log", "cx_prod", 4480021, "node v20.18.2", framework="express", sdk=SENTRY_NODE),
    "bull-worker": Service("bull-worker", "node", "cv-bull-bunyan", "crosthwaite:worker:bunyan", "/var/log/containers/bull-worker.log", "cx_prod", 4480024, "node v20.18.2", framework="generic", sdk=SENTRY_NODE),
    "guest-site": Service("guest-site", "javascript", "", "", "", "", 4480027, origin="https://www.crosthwaite.example", framework="onerror", sdk=("sentry.javascript.browser", "8.47.0", "npm:@sentry/browser")),
}

APP = "index"
PREACT = js("node_modules/preact/dist/preact.module.js", "M", 1, 6042, APP, lib=True)
PREACT_CLICK = js("node_modules/preact/dist/preact.module.js", "T.o", 1, 3911, APP, lib=True)
KNEX = nd("node_modules/knex/lib/execution/runner.js", "Runner.query", 152, 17, lib=True, awaited=True)
PG = (
    nd("node_modules/pg-protocol/dist/parser.js", "Parser.parse", 39, 38, lib=True),
    nd("node_modules/pg-protocol/dist/parser.js", "Parser.handlePacket", 145, 21, lib=True),
    nd("node_modules/pg-protocol/dist/parser.js", "Parser.parseErrorMessage", 283, 98, lib=True),
)
# The payments module's one Stripe helper ends two bugs: it rethrows Stripe's error (whose
# stack has only the library's callback) as a PaymentError with the original as its cause.
STRIPE_CALL = nd("src/payments/stripeClient.js", "callStripe", 27, 11)
STRIPE_LIB = nd("node_modules/stripe/cjs/RequestSender.js", "res.toJSON.then.StripeAPIError.message", 105, 31, lib=True)

API_LOG = dict(log="request failed", logger="errors")
WORKER_SEARCH = dict(search="bull-worker failed jobs")


def src(file: str, fn: str, line: int, col: int, *, awaited: bool = False) -> Frame:
    return nd("src/" + file, fn, line, col, awaited=awaited)


def undefined_read(prop: str) -> str:
    return f"Cannot read properties of undefined (reading '{prop}')"


def overlap(table: str, constraint: str, sql: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    """node-postgres' ``DatabaseError`` (its ``name`` is ``error``) as knex rethrows it: the SQL
    prefixed to the server's message."""
    return (Exc("error", f'{sql} - conflicting key value violates exclusion constraint "{constraint}"', (*frames, KNEX, *PG)),)


def stripe(type_: str, message: str, callers: tuple[Frame, ...]) -> tuple[Exc, Exc]:
    return (
        Exc(type_, message, (NODE_TICKS, STRIPE_LIB)),
        Exc("PaymentError", f"stripe: {message}", (*callers, NODE_TICKS, STRIPE_CALL)),
    )


BUGS = [
    # One undefined read in two places: the API's seasonal price and the worker's invoice
    # lines both expect a season row.
    Bug("cv-season-rate-undefined", "booking-api", (Exc("TypeError", undefined_read("nightlyRate"), (NODE_TICKS, src("routes/quotes.js", "createQuote", 41, 25), src("pricing/seasonRate.js", "rateFor", 18, 33))),),
        (see("sentry.error", 3), see("splunk", 3, **API_LOG), see("sentry.issue")),
        classes=(4,), pair="cv-invoice-lines-undefined", entry="POST /api/quotes", **API_LOG),
    Bug("cv-invoice-lines-undefined", "bull-worker", (Exc("TypeError", undefined_read("nightlyRate"), (NODE_TICKS, src("jobs/ownerInvoice.js", "processOwnerInvoice", 22, 5), src("invoices/lineItems.js", "toLines", 57, 41))),),
        (see("sentry.error", 2), see("splunk", 3, queue="owner-invoices", **WORKER_SEARCH)),
        classes=(4, 1), pair="cv-season-rate-undefined", entry="owner-invoices", log="job failed"),
    # Two exclusion constraints: a booking racing the availability check, an owner's hold
    # imported over a booking by the iCal sync.
    Bug("cv-booking-overlap", "booking-api", overlap("bookings", "bookings_no_overlap", 'insert into "bookings" ("cottage_id", "guest_id", "stay") values ($1, $2, $3) returning "id"', (src("routes/bookings.js", "createBooking", 63, 20, awaited=True), src("bookings/repository.js", "insertBooking", 31, 10, awaited=True))),
        (see("sentry.error", 3), see("splunk", 3, **API_LOG)),
        classes=(4,), pair="cv-hold-overlap", entry="POST /api/bookings", **API_LOG),
    Bug("cv-hold-overlap", "bull-worker", overlap("owner_holds", "owner_holds_no_overlap", 'insert into "owner_holds" ("cottage_id", "source", "period") values ($1, $2, $3)', (src("jobs/icalImport.js", "processIcalImport", 48, 7, awaited=True), src("channels/holds.js", "upsertHolds", 29, 14, awaited=True))),
        (see("sentry.error", 2), see("splunk", 2, queue="ical-import", **WORKER_SEARCH)),
        classes=(4, 1), pair="cv-booking-overlap", entry="ical-import", log="job failed"),
    # Stripe through one helper: an idempotency key reused with another amount on the API, a
    # refund of a charge already refunded in the worker.
    Bug("cv-stripe-idempotency", "booking-api", stripe("StripeIdempotencyError", "Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '{key}' if you meant to execute a different request.", (src("routes/payments.js", "payDeposit", 35, 22, awaited=True), src("payments/deposits.js", "chargeDeposit", 19, 18, awaited=True))),
        (see("sentry.error", 3), see("splunk", 2, **API_LOG), see("sentry.alert", rule="booking-api: payments errors")),
        classes=(9,), pair="cv-stripe-refund-twice", entry="POST /api/bookings/{booking_id}/deposit", **API_LOG),
    Bug("cv-stripe-refund-twice", "bull-worker", stripe("StripeInvalidRequestError", "Charge {charge} has already been refunded.", (src("jobs/refund.js", "processRefund", 17, 9, awaited=True), src("payments/refunds.js", "refundBooking", 44, 16, awaited=True))),
        (see("sentry.error", 3), see("splunk", 2, queue="refunds", **WORKER_SEARCH)),
        classes=(9, 1), pair="cv-stripe-idempotency", entry="refunds", log="job failed"),
    # Two worker bugs under the one saved search on failed jobs: a channel manager's feed with
    # a broken line, a confirmation e-mail template missing for one locale.
    Bug("cv-ical-parse", "bull-worker", (Exc("ParserError", 'invalid line (no token ";" or ":") "DTSTART;VALUE=DATE2026{n}"', (src("jobs/icalImport.js", "processIcalImport", 31, 24, awaited=True), NODE_TICKS, src("channels/fetchFeed.js", "parseFeed", 12, 20), nd("node_modules/ical.js/build/ical.js", "Object.parse", 1311, 23, lib=True), nd("node_modules/ical.js/build/ical.js", "parser._handleContentLine", 1406, 15, lib=True))),),
        (see("sentry.error", 3), see("splunk", 3, queue="ical-import", **WORKER_SEARCH)),
        classes=(1,), pair="cv-email-template-missing", entry="ical-import", log="job failed"),
    Bug("cv-email-template-missing", "bull-worker", (Exc("Error", "ENOENT: no such file or directory, open '/app/templates/emails/{locale}/arrival.mjml'", (src("jobs/sendEmail.js", "processEmail", 26, 18, awaited=True), src("emails/render.js", "renderTemplate", 14, 21, awaited=True), nd("node:internal/fs/promises", "Object.readFile", 1242, 14, lib=True, awaited=True), nd("node:internal/fs/promises", "open", 639, 25, lib=True, awaited=True))),),
        (see("sentry.error", 3), see("splunk", 3, queue="emails", **WORKER_SEARCH)),
        classes=(1, 5), pair="cv-ical-parse", entry="emails", log="job failed", span=2, renames={"renderTemplate": "renderMjml"}),
    # ioredis giving up while Redis failed over: the worker's Bull client.
    Bug("cv-redis-max-retries", "bull-worker", (Exc("MaxRetriesPerRequestError", 'Reached the max retries per request limit (which is 20). Refer to "maxRetriesPerRequest" option for details.', (nd("node_modules/ioredis/built/redis/event_handler.js", "Socket.<anonymous>", 182, 37, lib=True), nd("node_modules/ioredis/built/Redis.js", "Redis.flushQueue", 445, 29, lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, queue="emails", **WORKER_SEARCH)),
        classes=(10,), entry="emails", log="job failed"),
    # Bull's job timeout on the owner-invoice queue: the PDF service hanging.
    Bug("cv-bull-job-timeout", "bull-worker", (Exc("TimeoutError", "Promise timed out after 30000 milliseconds", (nd("node_modules/bull/lib/job.js", "Timeout._onTimeout", 1161, 18, lib=True), nd("node:internal/timers", "listOnTimeout", 573, 17, lib=True), nd("node:internal/timers", "process.processTimers", 514, 7, lib=True))),),
        (see("sentry.error", 2), see("splunk", 3, queue="owner-invoices", **WORKER_SEARCH)),
        classes=(10,), entry="owner-invoices", log="job failed"),
    # The calendar's day picker: a null range start on a second click, and date-fns refusing
    # an invalid date for a stay across the clock change.
    Bug("cv-js-calendar-null", "guest-site", (Exc("TypeError", frames=(PREACT_CLICK, js("src/booking/CalendarPicker.jsx", "selectDay", 58, 31, APP)), js=JsError("read-null", "range.start", "getTime")),),
        (see("sentry.error", 2, browser="chrome", chunk=APP), see("sentry.error", browser="firefox", chunk=APP), see("posthog", 2, browser="safari", chunk=APP), see("posthog", browser="chrome", chunk=APP, resolved=True)),
        classes=(3,), pair="cv-js-calendar-invalid-date", page="/cottages/{slug}"),
    Bug("cv-js-calendar-invalid-date", "guest-site", (Exc("RangeError", "Invalid time value", (PREACT_CLICK, js("src/booking/CalendarPicker.jsx", "selectDay", 64, 22, APP), js("node_modules/date-fns/format.mjs", "format", 347, 11, APP, lib=True)), engines={"spidermonkey": "invalid date", "jsc": "Invalid Date"}),),
        (see("sentry.error", browser="chrome", chunk=APP), see("sentry.error", browser="safari", chunk=APP), see("posthog", 2, browser="firefox", chunk=APP), see("posthog", browser="edge", chunk=APP)),
        classes=(3,), pair="cv-js-calendar-null", page="/cottages/{slug}"),
    # The cottage gallery reading photos of a cottage the search returned without them.
    Bug("cv-js-gallery-length", "guest-site", (Exc("TypeError", frames=(PREACT, js("src/cottage/Gallery.jsx", "Gallery", 12, 40, APP)), js=JsError("read-undefined", "cottage.photos", "length")),),
        (see("sentry.error", 2, browser="chrome", chunk=APP), see("sentry.error", browser="safari", chunk=APP, release=1), see("posthog", 2, browser="chrome", chunk=APP, release=1), see("posthog", browser="firefox", chunk=APP, release=2)),
        classes=(3, 5), page="/search", span=3),
    # A lazy page whose chunk the previous deploy removed.
    Bug("cv-js-stale-chunk", "guest-site", (Exc("TypeError", "Failed to fetch dynamically imported module: https://www.crosthwaite.example/assets/chunk-{hex}.js", (js("src/router.jsx", "lazyRoute", 22, 27, APP),), engines={"spidermonkey": "error loading dynamically imported module: https://www.crosthwaite.example/assets/chunk-{hex}.js", "jsc": "Importing a module script failed."}),),
        (see("sentry.error", browser="chrome", chunk=APP), see("sentry.error", browser="firefox", chunk=APP), see("posthog", 2, browser="safari", chunk=APP), see("posthog", browser="edge", chunk=APP)),
        classes=(3,), page="/account/stays"),
    # Reviews on older Safari: Array.prototype.toSorted missing, reported by PostHog alone.
    Bug("cv-js-tosorted", "guest-site", (Exc("TypeError", frames=(PREACT, js("src/cottage/Reviews.jsx", "Reviews", 21, 30, APP)), js=JsError("not-function", "reviews", "toSorted", "(n)")),),
        (see("posthog", 3, browser="safari", chunk=APP), see("posthog", browser="safari", chunk=APP, resolved=True)),
        classes=(3,), page="/cottages/{slug}"),
    # A JSON body the API could not parse: body-parser's SyntaxError, reported once.
    Bug("cv-bodyparser-syntax", "booking-api", (Exc("SyntaxError", "Unexpected token } in JSON at position {n}", (nd("node_modules/body-parser/lib/types/json.js", "parse", 92, 19, lib=True), nd("node_modules/body-parser/lib/read.js", "", 128, 18, lib=True))),),
        (see("sentry.error"),), singleton=True, entry="POST /api/enquiries"),
]

NOISE = [
    Noise("cv-noise-listening", "booking-api", "splunk", {"search": "booking-api - errors", "line": '{"name":"booking-api","hostname":"booking-api-6c8d9b7f4-qz2lx","pid":1,"level":30,"msg":"listening on :3000","time":"2026-03-05T07:12:40.118Z","v":0}'}),
    Noise("cv-noise-queue-drained", "bull-worker", "splunk", {"search": "bull-worker failed jobs", "line": '{"name":"bull-worker","hostname":"bull-worker-5f7b8c9d6-m2kpw","pid":24,"queue":"ical-import","level":30,"msg":"queue drained","time":"2026-03-09T03:00:12.504Z","v":0}'}),
    Noise("cv-noise-stalled", "bull-worker", "splunk", {"search": "bull-worker failed jobs", "line": '{"name":"bull-worker","hostname":"bull-worker-5f7b8c9d6-m2kpw","pid":24,"queue":"emails","jobId":"48211","level":40,"msg":"job stalled and will be reprocessed","time":"2026-03-11T16:41:03.771Z","v":0}'}),
]

CROSTHWAITE = Company(
    key="cv",
    name="Crosthwaite Cottages",
    domain="crosthwaite.example",
    sentry_org="crosthwaite",
    splunk_url="https://crosthwaite.splunkcloud.com",
    splunk_guid="9D3A6F18-C4E2-47B0-A51D-3E8B2F7C0D64",
    datadog_org=("0", ""),
    datadog_template="recommended",
    posthog_project=(51873, "Crosthwaite guest site"),
    releases=("5.3.0", "5.4.0", "5.4.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="crosthwaite-sentry-client-secret",
)
