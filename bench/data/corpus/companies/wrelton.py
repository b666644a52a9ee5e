"""(mq) Wrelton Energy, a small green-tariff supplier: ``account-api``, a Node.js 20 Koa 2 API
(``@koa/router``, Prisma 5 over Azure Database for PostgreSQL, axios to the smart-meter data
service and to GoCardless) on Azure Container Apps.

Logs: winston's ``json()`` after ``format.errors({stack: true})`` and ``timestamp()`` on stdout.
The production environment's diagnostic setting streams ``ContainerAppConsoleLogs`` to Event
Hubs; Splunk's Microsoft Cloud Services add-on indexes each hub message (``{"records": [...]}``,
the winston line in ``properties.Log``), one saved search; the older staging-turned-production
environment still writes the Log Analytics table ``ContainerAppConsoleLogs_CL`` (``Log_s``),
exported into the same index. Datadog's Azure integration forwards the records; one log monitor
pastes ``message`` and the first lines of ``stack``. Sentry: @sentry/node (Koa integration).
PostHog: posthog-node's ``captureException`` in the error middleware. All four tools.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Seen, Service, see
from ..stacks import NODE_TICKS, nd

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.javascript.node", "8.26.0", "npm:@sentry/node")
SERVICES = {
    "account-api": Service("account-api", "node", "mq-eh", "mscs:azure:eventhub", "azure_event_hub://wrelton-logs/containerapps", "wrelton_azure", 11170021, "node v20.16.0", framework="koa", sdk=SDK),
}

KOA = (
    nd("node_modules/koa/lib/application.js", "Application.handleRequest", 195, 12, lib=True),
    nd("node_modules/koa-compose/index.js", "dispatch", 42, 32, lib=True),
    nd("node_modules/@koa/router/lib/layer.js", "", 131, 12, lib=True, awaited=True),
)
PRISMA = (
    NODE_TICKS,
    nd("node_modules/@prisma/client/runtime/library.js", "pn.handleRequestError", 123, 6838, lib=True, awaited=True),
    nd("node_modules/@prisma/client/runtime/library.js", "pn.handleAndLogRequestError", 123, 6206, lib=True),
)
AXIOS = (
    nd("node_modules/axios/lib/core/Axios.js", "Axios.request", 45, 41, lib=True, awaited=True),
    NODE_TICKS,
    nd("node_modules/axios/lib/adapters/http.js", "RedirectableRequest.handleRequestTimeout", 652, 16, lib=True),
)
HTTP_JSON = nd("src/lib/http.ts", "getJson", 18, 20, awaited=True)


def route(file: str, fn: str, line: int, col: int, *more: Frame) -> tuple[Frame, ...]:
    return (*KOA, nd(f"src/routes/{file}.ts", fn, line, col, awaited=True), *more)


def svc(file: str, fn: str, line: int, col: int, awaited: bool = True) -> Frame:
    return nd(f"src/services/{file}.ts", fn, line, col, awaited=awaited)


def prisma_unique(field: str, frames: tuple[Frame, ...]) -> Exc:
    return Exc("PrismaClientKnownRequestError", f"\nInvalid `prisma.{field[0]}.create()` invocation in\n/app/dist/services/{field[1]}.js:{field[2]}:{field[3]}\n\nUnique constraint failed on the fields: (`{field[4]}`)", (*frames, *PRISMA))


SEARCH = dict(search="Wrelton - account-api errors (Container Apps)", owner="wr_ops", app="wrelton")
SEARCH_LA = dict(SEARCH, la=True, sourcetype="mscs:azure:loganalytics", source="loganalytics://wrelton-la/ContainerAppConsoleLogs_CL")
DD = dict(team="accounts", monitor="[account-api] winston errors on Container Apps", format="mq-dd", filter="source:azure.app service:account-api status:error", text="{{log.attributes.message}}\n\n```\n{{log.message}}\n```", sample_lines=4)
APM = dict(team="accounts", monitor="account-api 5xx by error type", style="message")
PH: dict[str, object] = {}


def spl(n: int = 1, **opts: object) -> Seen:
    return see("splunk", n, **SEARCH, **opts)


def spl_la(n: int = 1, **opts: object) -> Seen:
    return see("splunk", n, **SEARCH_LA, **opts)


def dd(n: int = 1, **opts: object) -> Seen:
    return see("datadog.log", n, **DD, **opts)


def ph(n: int = 1) -> Seen:
    return see("posthog", n, **PH)


UNDEF = "Cannot read properties of undefined (reading 'unitRate')"

BUGS = [
    # The same undefined unit rate in the tariff page and the quote.
    Bug("mq-tariff-unitrate", "account-api", (Exc("TypeError", UNDEF, route("tariffs", "getCurrentTariff", 34, 27, svc("tariffs", "currentRates", 52, 38, awaited=False))),),
        (see("sentry.error", 3), spl(2), spl_la(), dd(), ph()),
        classes=(1, 4), pair="mq-quote-unitrate", entry="GET /accounts/{id}/tariff"),
    Bug("mq-quote-unitrate", "account-api", (Exc("TypeError", UNDEF, route("quotes", "createQuote", 61, 19, svc("pricing", "annualCost", 23, 41, awaited=False))),),
        (see("sentry.error", 2), spl(2), dd(2), ph(2)),
        classes=(1, 4), pair="mq-tariff-unitrate", entry="POST /quotes"),
    # Unique violations on two models: account email, meter point.
    Bug("mq-account-email-unique", "account-api", (prisma_unique(("account", "accounts", 41, 29, "email"), route("signup", "signUp", 27, 20, svc("accounts", "createAccount", 38, 29))),),
        (see("sentry.error", 3), spl(2), dd(), see("datadog.apm", **APM), ph()),
        classes=(1, 4), pair="mq-meter-mpan-unique", entry="POST /signup"),
    Bug("mq-meter-mpan-unique", "account-api", (prisma_unique(("meterPoint", "meters", 17, 31, "mpan"), route("meters", "addMeter", 44, 22, svc("meters", "registerMeterPoint", 15, 31))),),
        (see("sentry.error", 2), spl(), spl_la(), dd(), ph()),
        classes=(1, 4), pair="mq-account-email-unique", entry="POST /accounts/{id}/meters"),
    # One JSON helper timing out for two callers (smart-meter reads, bank holidays calendar).
    Bug("mq-reads-timeout", "account-api", (Exc("AxiosError", "timeout of 10000ms exceeded", (*route("readings", "listReadings", 29, 25, svc("smartMeter", "halfHourly", 47, 22)), HTTP_JSON, *AXIOS)),),
        (see("sentry.error", 3), spl(2), dd(2), see("datadog.apm", **APM)),
        classes=(1, 9), pair="mq-ddcal-timeout", entry="GET /accounts/{id}/readings"),
    Bug("mq-ddcal-timeout", "account-api", (Exc("AxiosError", "timeout of 10000ms exceeded", (*route("payments", "nextCollection", 55, 30, svc("directDebit", "collectionDate", 12, 28)), HTTP_JSON, *AXIOS)),),
        (see("sentry.error", 2), spl(2), spl_la(), dd()),
        classes=(1, 9), pair="mq-reads-timeout", entry="GET /accounts/{id}/payments/next"),
    # One statement period formatter: an invalid date and a null period.
    Bug("mq-period-invalid-date", "account-api", (Exc("RangeError", "Invalid time value", route("statements", "getStatement", 40, 21, svc("statements", "periodLabel", 66, 14, awaited=False), nd("node_modules/date-fns/format.js", "format", 356, 11, lib=True))),),
        (see("sentry.error", 3), spl(2), dd(), ph()),
        classes=(1, 2), pair="mq-period-null", entry="GET /accounts/{id}/statements/{id}"),
    Bug("mq-period-null", "account-api", (Exc("TypeError", "Cannot read properties of null (reading 'startsAt')", route("statements", "getStatement", 40, 21, svc("statements", "periodLabel", 63, 33, awaited=False))),),
        (see("sentry.error", 2), see("sentry.error", release=2), spl(2), dd(2), ph()),
        classes=(1, 2, 5), pair="mq-period-invalid-date", entry="GET /accounts/{id}/statements/{id}", span=3),
    # Two unrelated payment failures joined by the one search and monitor.
    Bug("mq-mandate-cancelled", "account-api", (Exc("GoCardlessError", "Mandate {ref} is cancelled and cannot be used for new payments", route("payments", "takePayment", 72, 24, svc("directDebit", "createPayment", 41, 18), nd("node_modules/gocardless-nodejs/api/api.js", "Api.request", 90, 19, lib=True, awaited=True))),),
        (see("sentry.error", 3), spl(2), dd(2), ph()),
        classes=(1,), pair="mq-dcc-e29", entry="POST /accounts/{id}/payments"),
    Bug("mq-dcc-e29", "account-api", (Exc("Error", "DCC service request failed: E29 (device not commissioned) for MPAN {meter}", route("readings", "requestRead", 88, 15, svc("smartMeter", "onDemandRead", 74, 13))),),
        (see("sentry.error", 2), spl(2), spl_la(), dd()),
        classes=(1,), pair="mq-mandate-cancelled", entry="POST /accounts/{id}/readings/on-demand"),
    # A switch reason the Prisma enum does not know.
    Bug("mq-switch-enum", "account-api", (Exc("PrismaClientValidationError", "\nInvalid `prisma.tariffSwitch.create()` invocation:\n\nInvalid value for argument `reason`. Expected SwitchReason.", (*route("tariffs", "switchTariff", 97, 18, svc("tariffs", "requestSwitch", 88, 25)), *PRISMA)),),
        (see("sentry.error", 3), spl(), dd(), see("datadog.apm", **APM), ph()),
        classes=(1,), entry="POST /accounts/{id}/tariff/switch"),
    # Redis (Azure Cache) connection reset under the rate limiter.
    Bug("mq-redis-reset", "account-api", (Exc("Error", "read ECONNRESET", (nd("node_modules/ioredis/built/Redis.js", "Socket.<anonymous>", 170, 25, lib=True), nd("node:internal/stream_base_commons", "TCP.onStreamRead", 217, 20, lib=True))),),
        (see("sentry.error", 3), spl(2), spl(part="head", cut=160), dd(2)),
        classes=(1, 10), entry="GET /accounts/{id}"),
    # A big PDF statement: the heap limit on the 1 GiB container.
    Bug("mq-statement-pdf-buffer", "account-api", (Exc("RangeError", "Array buffer allocation failed", route("statements", "downloadPdf", 112, 28, svc("pdf", "renderStatement", 31, 17), nd("node_modules/pdfkit/js/pdfkit.js", "PDFDocument._write", 4912, 24, lib=True))),),
        (see("sentry.error", 2), spl(2), dd(), see("datadog.apm", **APM), ph()),
        classes=(1,), entry="GET /accounts/{id}/statements/{id}.pdf"),
    # GoCardless webhooks rejected after the secret was rotated in one revision only.
    Bug("mq-gc-webhook-signature", "account-api", (Exc("InvalidSignatureError", "Invalid webhook signature: computed HMAC does not match Webhook-Signature", route("webhooks", "gocardless", 14, 22, nd("node_modules/gocardless-nodejs/webhooks.js", "parse", 37, 15, lib=True))),),
        (see("sentry.error", 3), spl(2), spl_la(), dd()),
        classes=(1,), entry="POST /webhooks/gocardless"),
    # A singleton: the meter data service returned its HTML maintenance page.
    Bug("mq-json-html", "account-api", (Exc("SyntaxError", "Unexpected token '<', \"<!DOCTYPE \"... is not valid JSON", (*route("readings", "listReadings", 29, 25, svc("smartMeter", "halfHourly", 49, 31)), nd("node:internal/deps/undici/undici", "Response.json", 5765, 19, lib=True))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /accounts/{id}/readings"),
]

NOISE = [
    Noise("mq-noise-revision", "account-api", "splunk", {**SEARCH, "line": '{"records":[{"time":"{ts}","category":"ContainerAppSystemLogs","properties":{"ContainerAppName":"account-api","RevisionName":"account-api--{hex}","Reason":"RevisionReady","Log":"Successfully provisioned revision \'account-api--{hex}\'","Type":"Normal"}}]}'}),
    Noise("mq-noise-started", "account-api", "splunk", {**SEARCH, "line": '{"records":[{"time":"{ts}","category":"ContainerAppConsoleLogs","properties":{"ContainerAppName":"account-api","Stream":"stdout","Log":"{\\"level\\":\\"info\\",\\"message\\":\\"account-api listening on :8080\\",\\"timestamp\\":\\"{tsms}\\"}"}}]}'}),
    Noise("mq-noise-recovered", "account-api", "datadog.log", {"monitor": "[account-api] winston errors on Container Apps", "transition": "Recovered", "alert_type": "success", "team": "accounts", "filter": "source:azure.app service:account-api status:error", "text": "account-api error logs recovered."}),
]

WRELTON = Company(
    key="mq",
    name="Wrelton Energy",
    domain="wreltonenergy.example",
    sentry_org="wrelton-energy",
    splunk_url="https://wrelton.splunkcloud.example",
    splunk_guid="3C9A0E52-7B14-4D8F-A6E1-52F0B7C9D413",
    datadog_org=("1117002", "Wrelton Energy"),
    datadog_template="recommended",
    posthog_project=(91171, "Wrelton account"),
    releases=("1.42.0", "1.43.0", "1.43.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="wrelton-sentry-client-secret",
)
# fmt: on
