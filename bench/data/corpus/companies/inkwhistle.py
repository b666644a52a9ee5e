"""(bc) Inkwhistle Prints, print-on-demand posters and cards: a Koa 2 API in TypeScript on
Node 20 (``print-api``: @koa/router, koa-body, Sequelize 6 over Postgres, compiled by tsc to
``dist/``), an Agenda 5 worker on MongoDB running the render, label and digest jobs
(``print-jobs``), and a Svelte 4 shop and design editor built by Vite (``print-web``,
``/assets/<Name>-<hash>.js``).

Sentry: @sentry/node 8 with the Koa integration on the API and in the worker (Agenda's
``fail`` listener calls ``captureException``), @sentry/svelte in the browser (one release
whose source-map upload failed). Datadog: dd-trace on both Node services (APM monitors: by
error type, by route; the worker's own ``agenda.job`` spans behind a task monitor naming only
the job) and the containers' winston JSON in Datadog Logs (log monitors pasting the stack
attribute). The team's own webhook template. No Splunk, no PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import NODE_TICKS, js, nd

# The tables keep one frame or delivery per line.
# fmt: off
NODE_SDK = ("sentry.javascript.node", "8.42.0", "npm:@sentry/node")
SERVICES = {
    "print-api": Service("print-api", "node", "bc-winston", "", "", "", 4470021, "node v20.17.0", framework="koa", sdk=NODE_SDK),
    "print-jobs": Service("print-jobs", "node", "bc-winston", "", "", "", 4470022, "node v20.17.0", framework="agenda", sdk=NODE_SDK),
    "print-web": Service("print-web", "javascript", "", "", "", "", 4470024, origin="https://shop.inkwhistle.example", framework="generic", sdk=("sentry.javascript.svelte", "8.42.0", "npm:@sentry/svelte")),
}

# koa-compose awaiting the router, the router awaiting the route's middleware (oldest first).
KOA = (
    nd("node_modules/koa-compose/index.js", "dispatch", 42, 32, lib=True, awaited=True),
    nd("node_modules/koa-body/lib/index.js", "", 153, 12, lib=True, awaited=True),
    nd("node_modules/koa-compose/index.js", "dispatch", 42, 32, lib=True, awaited=True),
    nd("node_modules/@koa/router/lib/router.js", "", 425, 16, lib=True, awaited=True),
)
# Agenda 5 running a defined job's processor.
AGENDA = (
    nd("node_modules/agenda/dist/job/run.js", "Job.run", 63, 17, lib=True, awaited=True),
)
# Sequelize 6 creating a row through the pg dialect; the error is formatted from pg's.
SEQ_CREATE = (
    nd("node_modules/sequelize/lib/model.js", "Function.create", 1362, 12, lib=True, awaited=True),
    nd("node_modules/sequelize/lib/model.js", "model.save", 2490, 35, lib=True, awaited=True),
    nd("node_modules/sequelize/lib/dialects/abstract/query-interface.js", "PostgresQueryInterface.insert", 308, 21, lib=True, awaited=True),
    nd("node_modules/sequelize/lib/sequelize.js", "", 619, 16, lib=True, awaited=True),
    NODE_TICKS,
    nd("node_modules/sequelize/lib/dialects/postgres/query.js", "Query.run", 76, 18, lib=True),
    nd("node_modules/sequelize/lib/dialects/postgres/query.js", "Query.formatError", 325, 18, lib=True),
)
SEQ_ACQUIRE = (
    nd("node_modules/sequelize/lib/dialects/abstract/connection-manager.js", "ConnectionManager.getConnection", 197, 15, lib=True, awaited=True),
    NODE_TICKS,
)
# Every carrier call goes through one got-based helper, which rethrows got's HTTPError (whose
# stack, built in a stream callback, holds no app frame) as the app's own error with ``cause``:
# two bugs end in it.
GOT_RESPONSE = (
    nd("node:internal/process/task_queues", "process.processTicksAndRejections", 95, 5, lib=True),
    nd("node_modules/got/dist/source/as-promise/index.js", "Request.<anonymous>", 118, 42, lib=True),
)
REQUEST_JSON = nd("src/lib/http/request-json.ts", "requestJson", 31, 13, awaited=False)


def carrier_error(app: tuple[Frame, ...], got: str, message: str) -> tuple[Exc, Exc]:
    return Exc("HTTPError", got, GOT_RESPONSE), Exc("CarrierApiError", message, (*app, REQUEST_JSON))


def src(file: str, function: str, line: int, col: int = 11, awaited: bool = True) -> Frame:
    return nd(f"src/{file}", function, line, col, awaited=awaited)


SVELTE = "node_modules/svelte/src/runtime/internal/"
SV_UPDATE = (
    js(SVELTE + "scheduler.js", "flush", 99, 5, "index", lib=True),
    js(SVELTE + "scheduler.js", "update", 134, 6, "index", lib=True),
)
SV_CLICK = (
    js(SVELTE + "dom.js", "HTMLButtonElement.<anonymous>", 361, 41, "index", lib=True),
)
API_TYPES = dict(style="type", monitor="print-api error spans by type", team="print")
API_ROUTES = dict(style="route", monitor="print-api route error rate", team="print")
JOB_TASKS = dict(monitor="print-jobs failing jobs", team="print")
API_LOGS = dict(text="Errors on {{log.service}} ({{log.attributes.method}} {{log.attributes.url}}):\n\n```\n{{log.attributes.stack}}\n```", monitor="print-api error logs", filter="service:print-api status:error", team="print")
JOB_LOGS_ = dict(text="Job `{{log.attributes.job}}` failed on {{log.host}} (attempt {{log.attributes.failCount}}):\n\n```\n{{log.attributes.stack}}\n```", monitor="print-jobs job failures", filter="service:print-jobs status:error", by="@job", team="print")


def job_logs(job: str) -> dict[str, object]:
    """The job-failure log monitor is a multi alert by ``@job``: one group per job."""
    return {**JOB_LOGS_, "scope": f"@job:{job}"}


BUGS = [
    # The same undefined read in two places: the quote endpoint pricing a line whose
    # product was archived, and the nightly repricing job walking open carts.
    Bug("bc-api-quote-price-undefined", "print-api", (Exc("TypeError", "Cannot read properties of undefined (reading 'price')", (*KOA, src("routes/quotes.ts", "createQuote", 31, 27), src("services/pricing/quote.ts", "buildQuote", 48, 22), src("services/pricing/line.ts", "priceLine", 17, 33, awaited=False))),),
        (see("sentry.error", 3), see("sentry.issue"), see("datadog.log", 2, **API_LOGS), see("datadog.apm", **API_TYPES)),
        classes=(4,), pair="bc-job-reprice-price-undefined", entry="POST /v1/quotes", span=2, renames={"buildQuote": "assembleQuote"}),
    Bug("bc-job-reprice-price-undefined", "print-jobs", (Exc("TypeError", "Cannot read properties of undefined (reading 'price')", (*AGENDA, src("jobs/reprice-open-carts.ts", "repriceOpenCarts", 24, 20), src("services/carts/totals.ts", "lineTotal", 9, 41, awaited=False))),),
        (see("sentry.error", 2), see("datadog.log", 2, **job_logs("reprice-open-carts")), see("datadog.task")),
        classes=(4,), pair="bc-api-quote-price-undefined", entry="reprice-open-carts", log="job failed"),
    # Sequelize's unique violations say "Validation error" whatever the index: an order's
    # idempotency key, an uploaded artwork's checksum. One APM monitor by type sees both.
    Bug("bc-api-order-idempotency-unique", "print-api", (Exc("SequelizeUniqueConstraintError", "Validation error", (*KOA, src("routes/orders.ts", "createOrder", 44, 19), src("services/orders/create.ts", "createOrder", 61, 30), *SEQ_CREATE)),),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.apm", 2, **API_TYPES), see("datadog.log", **API_LOGS)),
        classes=(4,), pair="bc-api-artwork-checksum-unique", entry="POST /v1/orders", span=2),
    Bug("bc-api-artwork-checksum-unique", "print-api", (Exc("SequelizeUniqueConstraintError", "Validation error", (*KOA, src("routes/artwork.ts", "uploadArtwork", 57, 24), src("services/artwork/store.ts", "saveArtwork", 38, 26), *SEQ_CREATE)),),
        (see("sentry.error", 3), see("datadog.apm", 2, **API_TYPES), see("datadog.log", **API_LOGS)),
        classes=(4,), pair="bc-api-order-idempotency-unique", entry="POST /v1/artwork"),
    # One job function, two exceptions: the pool running dry while saving the render, and
    # sharp refusing a huge upload. The task monitor names only the job.
    Bug("bc-job-render-acquire-timeout", "print-jobs", (Exc("SequelizeConnectionAcquireTimeoutError", "Operation timeout", (*AGENDA, src("jobs/render-print-files.ts", "renderPrintFiles", 33, 18), src("services/render/print-file.ts", "renderPrintFile", 72, 20), *SEQ_ACQUIRE)),),
        (see("sentry.error", 2), see("sentry.alert", rule="print-jobs: high volume"), see("datadog.task", 2, **JOB_TASKS), see("datadog.log", 2, **job_logs("render-print-files"))),
        classes=(4,), pair="bc-job-render-pixel-limit", entry="render-print-files", log="job failed", span=2),
    Bug("bc-job-render-pixel-limit", "print-jobs", (Exc("Error", "Input image exceeds pixel limit", (*AGENDA, src("jobs/render-print-files.ts", "renderPrintFiles", 33, 18), src("services/render/print-file.ts", "renderPrintFile", 51, 8), nd("node_modules/sharp/lib/output.js", "Sharp._pipeline", 1466, 17, lib=True))),),
        (see("sentry.error", 2), see("datadog.task", 2, **JOB_TASKS), see("datadog.log", **job_logs("render-print-files"))),
        classes=(4,), pair="bc-job-render-acquire-timeout", entry="render-print-files", log="job failed"),
    # Two carrier calls through one got helper: rate shopping answered 503, label creation
    # 422; Sentry's linked errors add got's HTTPError as the cause.
    Bug("bc-api-rates-carrier-503", "print-api", carrier_error((*KOA, src("routes/shipping.ts", "getRates", 21, 24), src("services/shipping/carrier.ts", "fetchRates", 40, 18)), "Response code 503 (Service Unavailable)", "carrier GET /v2/rates failed: 503 Service Unavailable"),
        (see("sentry.error", 3), see("datadog.apm", 2, **API_ROUTES), see("datadog.log", **API_LOGS)),
        classes=(9,), pair="bc-job-labels-carrier-422", entry="GET /v1/shipping/rates"),
    Bug("bc-job-labels-carrier-422", "print-jobs", carrier_error((*AGENDA, src("jobs/create-labels.ts", "createLabels", 27, 22), src("services/shipping/carrier.ts", "createLabel", 66, 18)), "Response code 422 (Unprocessable Entity)", "carrier POST /v2/labels failed: 422 Unprocessable Entity"),
        (see("sentry.error", 2), see("datadog.task", **JOB_TASKS), see("datadog.log", 2, **job_logs("create-labels"))),
        classes=(9,), pair="bc-api-rates-carrier-503", entry="create-labels", log="job failed", span=2),
    # Proof PDFs: headless Chromium times out on heavy designs.
    Bug("bc-api-proof-navigation-timeout", "print-api", (Exc("TimeoutError", "Navigation timeout of 30000 ms exceeded", (*KOA, src("routes/proofs.ts", "getProof", 18, 20), src("services/proofs/render-pdf.ts", "renderProofPdf", 29, 16), nd("node_modules/puppeteer-core/lib/cjs/puppeteer/cdp/Frame.js", "CdpFrame.goto", 167, 19, lib=True, awaited=True), nd("node_modules/puppeteer-core/lib/cjs/puppeteer/common/util.js", "", 284, 19, lib=True))),),
        (see("sentry.error", 2), see("datadog.apm", 2, **API_ROUTES)),
        entry="GET /v1/orders/{id}/proof"),
    # The weekly digest after the SendGrid key rotation.
    Bug("bc-job-digest-unauthorized", "print-jobs", (Exc("ResponseError", "Unauthorized", (*AGENDA, src("jobs/send-weekly-digest.ts", "sendWeeklyDigest", 45, 13), src("services/mail/send.ts", "sendMail", 19, 12), nd("node_modules/@sendgrid/client/src/classes/client.js", "", 146, 29, lib=True))),),
        (see("sentry.error", 2), see("datadog.task", **JOB_TASKS), see("datadog.log", **job_logs("send-weekly-digest"))),
        entry="send-weekly-digest", log="job failed"),
    # A validation on the tax amount computed as NaN for zero-rated regions.
    Bug("bc-api-tax-isdecimal", "print-api", (Exc("SequelizeValidationError", "Validation error: Validation isDecimal on taxAmount failed", (*KOA, src("routes/checkout.ts", "confirmCheckout", 52, 21), src("services/checkout/confirm.ts", "confirm", 88, 25), nd("node_modules/sequelize/lib/instance-validator.js", "InstanceValidator._validate", 78, 13, lib=True, awaited=True), nd("node_modules/sequelize/lib/instance-validator.js", "InstanceValidator._validateAndRunHooks", 111, 7, lib=True, awaited=True))),),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.apm", style="message", monitor="print-api error spans", team="print"), see("datadog.log", **API_LOGS)),
        entry="POST /v1/checkout/confirm"),
    # A streamed download whose headers the error middleware then tries to set.
    Bug("bc-api-download-headers-sent", "print-api", (Exc("Error", "Cannot set headers after they are sent to the client", (*KOA, src("middleware/errors.ts", "errorHandler", 14, 11), nd("node_modules/koa/lib/response.js", "Object.set", 485, 16, lib=True, awaited=False), nd("node:_http_outgoing", "ServerResponse.setHeader", 655, 11, lib=True))),),
        (see("sentry.error", 3), see("datadog.apm", **API_TYPES)),
        entry="GET /v1/orders/{id}/files"),
    # Seen once: the sitemap job writing to a tmp dir that a new base image lacks.
    Bug("bc-job-sitemap-enoent", "print-jobs", (Exc("Error", "ENOENT: no such file or directory, open '/tmp/sitemaps/sitemap-{idx}.xml'", (*AGENDA, src("jobs/build-sitemaps.ts", "buildSitemaps", 30, 9), nd("node:internal/fs/promises", "open", 639, 25, lib=True, awaited=True))),),
        (see("sentry.error"),),
        singleton=True, entry="build-sitemaps"),
    # Slow uploads to S3: warnings whose durations and sizes change length, pasted by a
    # log monitor.
    Bug("bc-api-slow-s3-upload", "print-api", (),
        (see("datadog.log", 4, text="print-api slow uploads: artwork upload to s3 took {dur} for {size} (bucket inkwhistle-artwork-prod)", monitor="print-api slow artwork uploads", filter="service:print-api @msg:\"artwork upload slow\"", team="print", transition="Warn", priority="P4"),),
        classes=(7,)),
    # The browser: the design editor reading layers of a design still loading, and Safari 15
    # lacking Array.prototype.toSorted in the cart.
    Bug("bc-web-editor-layers-undefined", "print-web", (Exc("TypeError", frames=(*SV_UPDATE, js("src/lib/editor/DesignCanvas.svelte", "Object.p", 88, 31, "Editor"), js("src/lib/editor/layers.ts", "visibleLayers", 12, 24, "Editor")), js=JsError("read-undefined", "design.layers", "length")),),
        (see("sentry.error", 2, browser="chrome", chunk="Editor"), see("sentry.error", browser="firefox", chunk="Editor", release=1), see("sentry.error", browser="safari", chunk="Editor", raw=True, release=1), see("sentry.error", browser="edge", chunk="Editor", release=2)),
        classes=(3,), span=3, page="/editor/new"),
    Bug("bc-web-cart-tosorted", "print-web", (Exc("TypeError", frames=(*SV_CLICK, js("src/routes/cart/CartTable.svelte", "sortBy", 41, 27, "Cart")), js=JsError("not-function", "cart.items", "toSorted", "(n)")),),
        (see("sentry.error", 2, browser="safari", chunk="Cart"), see("sentry.error", browser="firefox", chunk="Cart", release=1), see("sentry.issue", browser="safari", chunk="Cart")),
        classes=(3,), span=2, page="/cart"),
    Bug("bc-web-editor-chunk-import", "print-web", (Exc("TypeError", "Failed to fetch dynamically imported module: {chunkurl}", (js("node_modules/svelte-spa-router/Router.svelte", "loadComponent", 412, 21, "index", lib=True), js("src/routes.ts", "asyncComponent", 19, 30, "index")), engines={"spidermonkey": "error loading dynamically imported module: {chunkurl}", "jsc": "Importing a module script failed."}),),
        (see("sentry.error", browser="chrome", chunk="Editor", mechanism="onunhandledrejection"), see("sentry.error", browser="firefox", chunk="Editor", mechanism="onunhandledrejection", release=1), see("sentry.error", 2, browser="safari", chunk="Editor", mechanism="onunhandledrejection", release=1)),
        classes=(3,), span=2, page="/editor/new"),
]

NOISE = [
    Noise("bc-noise-deploy", "print-api", "datadog.event", {"monitor": "Deployed print-api 3.19.0", "text": "GitHub Actions rolled out print-api and print-jobs 3.19.0 (4/4 and 2/2 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "print"}),
    Noise("bc-noise-logs-recovered", "print-api", "datadog.log", {"monitor": "print-api error logs", "transition": "Recovered", "alert_type": "success", "text": "print-api error logs are back under the threshold.", "priority": "P3", "team": "print"}),
    Noise("bc-noise-agenda-lag-recovered", "print-jobs", "datadog.metric", {"monitor": "print-jobs agenda queue lag", "scope": "service:print-jobs", "transition": "Recovered", "metric": "agenda.jobs.overdue", "text": "Overdue Agenda jobs back to {n} (threshold 50).", "team": "print"}),
]

INKWHISTLE = Company(
    key="bc",
    name="Inkwhistle Prints",
    domain="inkwhistle.example",
    sentry_org="inkwhistle",
    splunk_url="",
    splunk_guid="",
    datadog_org=("318842", "Inkwhistle Prints"),
    datadog_template="bc-koa",
    posthog_project=(0, ""),
    releases=("3.18.0", "3.18.2", "3.19.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="inkwhistle-sentry-client-secret",
)
# fmt: on
