"""(ma) Haltcliffe Pet Cover, a pet insurer: a NestJS 10 API on Node 20 (``claims-api``:
quotes, policies, claims with vet invoices, the vet directory) and BullMQ 5 workers
(``claims-worker``: claim payouts through Stripe, invoice OCR, renewals and their emails), on
TypeORM over Cloud SQL for PostgreSQL, in GKE (namespace ``claims``).

Logs: pino JSON on stdout (pino's ``err`` serializer: ``type``, ``message``, ``stack``): the
team's ``AllExceptionsFilter`` and, on routes it does not cover, Nest's ``ExceptionsHandler``
through nestjs-pino; the processors' ``failed`` listener; Node's uncaught-exception report on
stderr. Vector (``kubernetes_logs``) sends them to Splunk HEC (one saved search over both
deployments, one over stderr); the Datadog agent reads the same containers (log monitors
pasting pino's ``err`` attributes), dd-trace APM monitors by error type. Sentry:
@sentry/nestjs. PostHog: posthog-node's ``captureException`` in the exception filter. All
four tools.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Seen, Service, see
from ..stacks import BULLMQ_JOB, NEST_HTTP, NODE_TICKS, TYPEORM_INSERT, nd

# fmt: off
SDK = ("sentry.javascript.nestjs", "8.47.0", "npm:@sentry/nestjs")
SERVICES = {
    "claims-api": Service("claims-api", "node", "ma-vector", "vector:k8s:json", "/var/log/pods", "hc_claims", 11120021, "node v20.11.1", framework="nestjs", sdk=SDK),
    "claims-worker": Service("claims-worker", "node", "ma-vector", "vector:k8s:json", "/var/log/pods", "hc_claims", 11120022, "node v20.11.1", framework="generic", sdk=SDK),
}


def s(file: str, fn: str, line: int, col: int, awaited: bool = True) -> Frame:
    return nd(f"src/{file}", fn, line, col, awaited=awaited)


def ctrl(file: str, fn: str, line: int, col: int, *more: Frame) -> tuple[Frame, ...]:
    return (*NEST_HTTP, s(file, fn, line, col), *more)


def job(file: str, fn: str, line: int, col: int, *more: Frame) -> tuple[Frame, ...]:
    return (*BULLMQ_JOB, s(file, fn, line, col), *more)


FIND_OR_FAIL = (
    nd("node_modules/typeorm/entity-manager/EntityManager.js", "EntityManager.findOneByOrFail", 636, 19, lib=True, awaited=True),
    NODE_TICKS,
    nd("node_modules/typeorm/entity-manager/EntityManager.js", "", 629, 23, lib=True),
)
AXIOS_TIMEOUT = (
    nd("node_modules/axios/dist/node/axios.cjs", "Axios.request", 4287, 41, lib=True),
    nd("node:internal/timers", "process.processTimers", 519, 7, lib=True),
    nd("node:internal/timers", "listOnTimeout", 581, 17, lib=True),
    nd("node_modules/follow-redirects/index.js", "Timeout.<anonymous>", 221, 12, lib=True),
    nd("node:events", "RedirectableRequest.emit", 519, 28, lib=True),
    nd("node_modules/axios/dist/node/axios.cjs", "RedirectableRequest.handleRequestTimeout", 3176, 16, lib=True),
)
HTTP_GET = s("common/http-client.ts", "HttpClient.getJson", 22, 21)
BREED_LOOKUP = s("pricing/breed-table.ts", "BreedTable.lookup", 31, 37, awaited=False)
TEMPLATE_READ = (
    s("mail/template-renderer.ts", "TemplateRenderer.render", 18, 22),
    nd("node:internal/fs/promises", "async open", 639, 25, lib=True),
)


def not_found(entity: str) -> str:
    return f'Could not find any entity of type "{entity}" matching: {{\n    "id": "{{uuid}}"\n}}'


def unique(constraint: str) -> str:
    return f'duplicate key value violates unique constraint "{constraint}"'


# Splunk: one saved search over the pino records of both deployments, one over stderr.
PINO = {"search": "Haltcliffe claims - pino level>=50", "owner": "hc_platform", "app": "haltcliffe"}
STDERR = {"search": "Haltcliffe claims - container stderr", "owner": "hc_platform", "app": "haltcliffe"}
# Datadog: the workers' failed jobs, the API's unhandled exceptions, crashes; APM by type.
JOBS = {"team": "claims", "monitor": "[claims-worker] BullMQ jobs failing", "filter": "service:claims-worker status:error @msg:*failed*", "text": "{{log.attributes.msg}} (queue {{log.attributes.queue}})\n\n{{log.attributes.err.type}}: {{log.attributes.err.message}}", "format": "ma-pino"}
API_LOG = {"team": "claims", "monitor": "[claims-api] unhandled exceptions", "filter": "service:claims-api status:error @context:(AllExceptionsFilter OR ExceptionsHandler)", "text": "{{log.attributes.msg}}\n\n```\n{{log.attributes.err.stack}}\n```", "format": "ma-pino"}
CRASHES = {"team": "claims", "monitor": "[claims] container stderr errors", "filter": "kube_namespace:claims source:nodejs status:error -@level:*", "text": "{{log.message}}", "format": "ma-pino", "sample_lines": 1}
APM = {"team": "claims", "monitor": "[claims-api] error spans by type", "style": "type"}
APM_W = {"team": "claims", "monitor": "[claims-worker] error spans by type", "style": "type", "svc": "claims-worker"}
PARSED = {"parsed": True}


def spl(n: int = 1, **opts: object) -> Seen:
    return see("splunk", n, **{**PINO, **opts})


def err(n: int = 1, **opts: object) -> Seen:
    return see("splunk", n, **{**STDERR, **opts})


def jobs(n: int = 1, **opts: object) -> Seen:
    return see("datadog.log", n, **{**JOBS, **opts})


def api(n: int = 1, **opts: object) -> Seen:
    return see("datadog.log", n, **{**API_LOG, **opts})


def crash(n: int = 1, **opts: object) -> Seen:
    return see("datadog.log", n, **{**CRASHES, **opts})


UNDEF_RISK = "Cannot read properties of undefined (reading 'riskBand')"
AXIOS_MSG = "timeout of 30000ms exceeded"

BUGS = [
    # An unknown breed read in the breed table: the quote form's labels and the renewals' legacy codes.
    Bug("ma-quote-breed-undefined", "claims-api", (Exc("TypeError", UNDEF_RISK, ctrl("quotes/quotes.controller.ts", "QuotesController.create", 41, 33, s("pricing/premium.service.ts", "PremiumService.quote", 58, 29, awaited=False), BREED_LOOKUP)),),
        (see("sentry.error", 2), see("sentry.error", release=2), spl(2), api(), see("datadog.apm", **APM), see("posthog")),
        classes=(1, 2, 4, 5, 9), pair="ma-renewal-breed-undefined", entry="POST /v1/quotes", span=3, renames={"PremiumService.quote": "PremiumService.priceQuote"}),
    Bug("ma-renewal-breed-undefined", "claims-worker", (Exc("TypeError", UNDEF_RISK, job("renewals/renewal.processor.ts", "RenewalProcessor.process", 27, 18, s("pricing/premium.service.ts", "PremiumService.renewal", 84, 31, awaited=False), BREED_LOOKUP)),),
        (see("sentry.error", 2), spl(2, **PARSED), jobs(2), see("datadog.apm", **APM_W)),
        classes=(1, 2, 4, 9), pair="ma-quote-breed-undefined", entry="renewals", log="job renewal-quote failed", logger="RenewalProcessor"),
    # findOneByOrFail on two entities: the claim's policy (API) and the payout's vet practice (worker).
    Bug("ma-claim-policy-not-found", "claims-api", (Exc("EntityNotFoundError", not_found("Policy"), ctrl("claims/claims.controller.ts", "ClaimsController.submit", 52, 27, s("claims/claims.service.ts", "ClaimsService.submit", 73, 38), *FIND_OR_FAIL)),),
        (see("sentry.error", 3), spl(2), spl(1, kind="nest"), api(), see("datadog.apm", **APM), see("posthog", 2)),
        classes=(1, 2, 4), pair="ma-payout-vet-not-found", entry="POST /v1/claims"),
    Bug("ma-payout-vet-not-found", "claims-worker", (Exc("EntityNotFoundError", not_found("VetPractice"), job("payouts/payout.processor.ts", "PayoutProcessor.process", 34, 22, s("payouts/payout.service.ts", "PayoutService.payVet", 61, 35), *FIND_OR_FAIL)),),
        (see("sentry.error", 2), spl(2, **PARSED), jobs(), see("datadog.apm", **APM_W)),
        classes=(1, 2, 4), pair="ma-claim-policy-not-found", entry="payouts", log="job pay-vet failed", logger="PayoutProcessor"),
    # Axios timeouts through one helper: the RCVS vet directory (API) and the OCR vendor (worker).
    Bug("ma-vet-directory-timeout", "claims-api", (Exc("AxiosError", AXIOS_MSG, ctrl("vets/vets.controller.ts", "VetsController.search", 19, 31, s("vets/rcvs-directory.client.ts", "RcvsDirectoryClient.search", 27, 25), HTTP_GET, *AXIOS_TIMEOUT)),),
        (see("sentry.error", 2), spl(2), api(2), see("datadog.apm", **APM)),
        classes=(1, 2, 7, 9), pair="ma-invoice-ocr-timeout", entry="GET /v1/vets"),
    Bug("ma-invoice-ocr-timeout", "claims-worker", (Exc("AxiosError", AXIOS_MSG, job("ocr/invoice-ocr.processor.ts", "InvoiceOcrProcessor.process", 30, 24, s("ocr/ocr-vendor.client.ts", "OcrVendorClient.extract", 44, 23), HTTP_GET, *AXIOS_TIMEOUT)),),
        (see("sentry.error", 3), spl(2, attempts=5, **PARSED), jobs(2, attempts=5), see("datadog.apm", **APM_W)),
        classes=(1, 2, 7, 9), pair="ma-vet-directory-timeout", entry="invoice-ocr", log="job extract-invoice failed", logger="InvoiceOcrProcessor"),
    # One insert path, two unique constraints: claims by invoice number, payouts by claim.
    Bug("ma-claim-invoice-unique", "claims-api", (Exc("QueryFailedError", unique("UQ_claim_vet_invoice_number"), ctrl("claims/claims.controller.ts", "ClaimsController.submit", 52, 27, s("claims/claims.service.ts", "ClaimsService.submit", 88, 31), s("claims/claims.repository.ts", "ClaimsRepository.insertClaim", 14, 28), *TYPEORM_INSERT)),),
        (see("sentry.error", 2), see("sentry.issue"), spl(2), api(), see("posthog")),
        classes=(1, 2, 4, 6), pair="ma-payout-claim-unique", entry="POST /v1/claims"),
    Bug("ma-payout-claim-unique", "claims-worker", (Exc("QueryFailedError", unique("UQ_payout_claim_id"), job("payouts/payout.processor.ts", "PayoutProcessor.process", 38, 22, s("payouts/payout.service.ts", "PayoutService.record", 97, 29), *TYPEORM_INSERT)),),
        (see("sentry.error", 2), spl(2, **PARSED), jobs()),
        classes=(1, 2, 4), pair="ma-claim-invoice-unique", entry="payouts", log="job record-payout failed", logger="PayoutProcessor"),
    # A missing Handlebars template: the renewal reminder (worker) and the claim receipt (API).
    Bug("ma-renewal-template-missing", "claims-worker", (Exc("Error", "ENOENT: no such file or directory, open '/app/dist/mail/templates/renewal-reminder.hbs'", job("mail/mail.processor.ts", "MailProcessor.process", 21, 20, s("mail/mail.service.ts", "MailService.renewalReminder", 46, 30), *TEMPLATE_READ)),),
        (see("sentry.error", 2), spl(2, **PARSED), jobs()),
        classes=(1, 2, 4), pair="ma-claim-receipt-template-missing", entry="mail", log="job renewal-reminder failed", logger="MailProcessor"),
    Bug("ma-claim-receipt-template-missing", "claims-api", (Exc("Error", "ENOENT: no such file or directory, open '/app/dist/mail/templates/claim-received.hbs'", ctrl("claims/claims.controller.ts", "ClaimsController.submit", 52, 27, s("claims/claims.service.ts", "ClaimsService.submit", 104, 23), s("mail/mail.service.ts", "MailService.claimReceived", 63, 30), *TEMPLATE_READ)),),
        (see("sentry.error", 2), spl(1), spl(1, kind="nest"), api()),
        classes=(1, 2, 4), pair="ma-renewal-template-missing", entry="POST /v1/claims"),
    # Not pairs.
    Bug("ma-ocr-pages-crash", "claims-worker", (Exc("TypeError", "Cannot read properties of undefined (reading 'lines')", (nd("node_modules/bullmq/dist/cjs/classes/child-processor.js", "ChildProcessor.start", 70, 27, lib=True), Frame("InvoiceParser.totals", "src/ocr/invoice-parser.ts", 39, "", True, "const rows = doc.pages[0].lines.filter(isAmountLine);", col=37))),),
        (see("sentry.error", 2, mechanism="onuncaughtexception"), err(1, kind="crash", part="exc"), err(1, kind="crash", part="head"), err(1, kind="crash", part="5"), crash(kind="crash", part="exc"), crash(kind="crash", part="head")),
        classes=(1, 2), entry="invoice-ocr"),
    Bug("ma-worker-heap-oom", "claims-worker", (Exc("Error", "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory"),),
        (err(2, kind="heap", part="exc"), err(1, kind="heap", part="3"), crash(2, kind="heap", part="exc")),
        classes=(2, 7), entry="invoice-ocr"),
    Bug("ma-stripe-payout-account", "claims-worker", (Exc("StripeInvalidRequestError", "No such destination: 'acct_{hex}'", job("payouts/payout.processor.ts", "PayoutProcessor.process", 36, 22, s("payouts/stripe-payouts.ts", "StripePayouts.transfer", 29, 42), nd("node_modules/stripe/cjs/RequestSender.js", "IncomingMessage.<anonymous>", 102, 39, lib=True), nd("node_modules/stripe/cjs/Error.js", "StripeError.generate", 10, 20, lib=True))),),
        (see("sentry.error", 3), spl(2, **PARSED), jobs(2), see("datadog.apm", **APM_W)),
        classes=(1, 2, 8), entry="payouts", log="job pay-vet failed", logger="PayoutProcessor"),
    Bug("ma-redis-econnreset", "claims-api", (Exc("Error", "read ECONNRESET", (nd("node:internal/stream_base_commons", "TCP.onStreamRead", 217, 20, lib=True),)),),
        (see("sentry.error", 2, mechanism="onunhandledrejection"), spl(2, kind="nest"), see("datadog.apm", 2, **APM)),
        classes=(1, 8), entry="GET /v1/policies/{id}"),
    Bug("ma-quote-date-invalid", "claims-api", (Exc("RangeError", "Invalid time value", ctrl("quotes/quotes.controller.ts", "QuotesController.create", 41, 33, s("quotes/quote.mapper.ts", "QuoteMapper.toStartDate", 17, 40, awaited=False), nd("node_modules/date-fns/format.js", "format", 364, 11, lib=True))),),
        (see("sentry.error", 2), see("posthog", 2), spl(1), api()),
        classes=(1, 2), entry="POST /v1/quotes"),
    Bug("ma-renewal-stalled", "claims-worker", (Exc("Error", "job stalled more than allowable limit", (nd("node_modules/bullmq/dist/cjs/classes/worker.js", "Worker.moveStalledJobsToWait", 790, 40, lib=True, awaited=True), nd("node_modules/bullmq/dist/cjs/classes/scripts.js", "Scripts.moveStalledJobsToWait", 1006, 24, lib=True))),),
        (spl(2, **PARSED), jobs(2)),
        classes=(1, 2), entry="renewals", log="job renewal-quote failed", logger="RenewalProcessor"),
    Bug("ma-singleton-sharp", "claims-worker", (Exc("Error", "Input buffer contains unsupported image format", job("ocr/invoice-ocr.processor.ts", "InvoiceOcrProcessor.process", 26, 24, s("ocr/image-prep.ts", "ImagePrep.normalise", 12, 30), nd("node_modules/sharp/lib/output.js", "Sharp._pipeline", 1421, 13, lib=True))),),
        (see("sentry.error"),),
        singleton=True, entry="invoice-ocr"),
]

NOISE = [
    Noise("ma-noise-deploy", "claims-api", "datadog.event", {"monitor": "Argo CD: claims-api synced", "text": "Application claims-api synced to revision 7c1e9a0 (2026.03.2); rollout complete, 4/4 pods ready.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "claims"}),
    Noise("ma-noise-jobs-recovered", "claims-worker", "datadog.log", {"monitor": "[claims-worker] BullMQ jobs failing", "transition": "Recovered", "alert_type": "success", "team": "claims", "filter": "service:claims-worker status:error @msg:*failed*", "text": "No failed jobs in the last 15 minutes."}),
]

HALTCLIFFE = Company(
    key="ma",
    name="Haltcliffe Pet Cover",
    domain="haltcliffe.example",
    sentry_org="haltcliffe",
    splunk_url="https://haltcliffe.splunkcloud.com",
    splunk_guid="8A41C2D0-3E7B-4F95-B1C6-20D9E4F7A153",
    datadog_org=("1112101", "Haltcliffe Pet Cover"),
    datadog_template="recommended",
    posthog_project=(111211, "Haltcliffe claims API"),
    releases=("2026.03.0", "2026.03.1", "2026.03.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="haltcliffe-sentry-client-secret",
)
# fmt: on
