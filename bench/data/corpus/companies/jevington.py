"""(nl) Jevington Holidays, a holiday-cottage booking site's backend: a Node 20 Express 4 API
in TypeScript (``bookings-api``: quotes, search and checkout; node-postgres, ioredis, Stripe,
zod validation through one ``validate(schema)`` middleware) and a pg-boss worker
(``ledger-worker``: channel-manager rate pushes, iCal imports, owner invoices), both compiled
by ``tsc`` to ``dist/`` and run on EKS.

Logging: pino 9 with pino-http (``request errored`` records with ``req``/``res``/``err``), the
team's error middleware and the worker's ``job failed`` records; Node runs without
``--enable-source-maps``, so ``err.stack`` names ``dist/*.js`` lines. The Splunk OpenTelemetry
Collector for Kubernetes sends each line to Splunk HEC (one saved search over both
services); the Datadog Agent parses the lines (one log monitor over both, pasting
``err.type``/``err.message``) and dd-trace's Express spans feed an APM monitor by error type.
@sentry/node 8: the first release went out before the CI uploaded source maps (raw
``dist/*.js`` frames), later ones are mapped to ``src/*.ts``. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import NODE_TICKS, nd
from .kelpie import EXPRESS_ROUTE

# fmt: off
SDK = ("sentry.javascript.node", "8.42.0", "npm:@sentry/node")
SERVICES = {
    "bookings-api": Service("bookings-api", "node", "nl-otel", "kube:container:bookings-api", "/var/log/pods/bookings-api.log", "jevington_prod", 12420011, "node v20.18.0", framework="expressjs", sdk=SDK),
    "ledger-worker": Service("ledger-worker", "node", "nl-otel", "kube:container:ledger-worker", "/var/log/pods/ledger-worker.log", "jevington_prod", 12420012, "node v20.18.0", framework="generic", sdk=SDK),
}


def ts(file: str, function: str, line: int, col: int, *, awaited: bool = False) -> Frame:
    return nd(f"src/{file}", function, line, col, awaited=awaited)


PG = "node_modules/pg/lib/"
PG_QUERY = (
    nd("node_modules/pg-pool/index.js", "", 45, 11, lib=True, awaited=True),
    NODE_TICKS,
    nd(PG + "client.js", "", 526, 17, lib=True),
)
PG_CONNECT = (
    nd("node_modules/pg-pool/index.js", "Timeout._onTimeout", 232, 23, lib=True),
    nd("node:internal/timers", "listOnTimeout", 581, 17, lib=True),
    nd("node:internal/timers", "process.processTimers", 519, 7, lib=True),
)
AXIOS_TIMEOUT = (
    nd("node_modules/axios/lib/core/Axios.js", "Axios.request", 45, 41, lib=True, awaited=True),
    NODE_TICKS,
    nd("node_modules/axios/lib/adapters/http.js", "RedirectableRequest.handleRequestTimeout", 647, 16, lib=True),
)
STRIPE = (
    nd("node_modules/stripe/cjs/RequestSender.js", "", 98, 31, lib=True),
    nd("node_modules/stripe/cjs/Error.js", "generateV1Error", 11, 20, lib=True),
)
# The one validation middleware every route's body goes through.
VALIDATE = (ts("middleware/validate.ts", "", 14, 32), nd("node_modules/zod/lib/types.js", "ZodObject.parse", 187, 23, lib=True))
INSERT_ONE = ts("db/repo.ts", "insertOne", 22, 20, awaited=True)
PUSH = ts("channels/client.ts", "ChannelClient.push", 38, 24, awaited=True)
UNDEF_RATE = "Cannot read properties of undefined (reading 'nightlyRate')"


def zod(field: str, expected: str) -> str:
    return '[\n  {\n    "code": "invalid_type",\n    "expected": "' + expected + '",\n    "received": "undefined",\n    "path": [\n      "' + field + '"\n    ],\n    "message": "Required"\n  }\n]'


def unique(constraint: str) -> str:
    return f'duplicate key value violates unique constraint "{constraint}"'


SEARCH = dict(search="Jevington - pino errors (level 50)", owner="platform", app="jevington")
DD = dict(team="platform", monitor="[bookings] error logs", format="nl-dd", filter="kube_namespace:bookings status:error", text="{{log.service}} logged {{log.attributes.msg}}\n\n**err.type:** {{log.attributes.err.type}}\n**err.message:** {{log.attributes.err.message}}")
APM = dict(team="platform", monitor="bookings-api error types")


def spl(n: int = 1, **opts: object) -> object:
    return see("splunk", n, **SEARCH, **opts)


BUGS = [
    # 1. The same undefined read in a quote route and the invoicing job.
    Bug("nl-quote-undefined", "bookings-api", (Exc("TypeError", UNDEF_RATE, (*EXPRESS_ROUTE, ts("routes/quotes.ts", "", 31, 40, awaited=True), ts("pricing/quote.ts", "priceStay", 58, 33))),),
        (see("sentry.error", release=0, sourcemaps=False), see("sentry.error", 2, release=1), spl(kind="http"), spl(kind="http", release=2), see("datadog.log", **DD, kind="http"), see("datadog.apm", **APM)),
        classes=(1, 4, 5), pair="nl-invoice-undefined", entry="GET /v1/properties/{property_id}/quote", span=3),
    Bug("nl-invoice-undefined", "ledger-worker", (Exc("TypeError", UNDEF_RATE, (ts("jobs/invoices.ts", "invoiceOwner", 44, 27, awaited=True), ts("ledger/lines.ts", "bookingLine", 19, 36))),),
        (see("sentry.error", 2, release=1), spl(kind="worker"), see("datadog.log", 2, **DD, kind="worker")),
        classes=(1, 4), pair="nl-quote-undefined", entry="invoice-owner"),
    # 2. Two request schemas failing in the one validation middleware.
    Bug("nl-search-zod", "bookings-api", (Exc("ZodError", zod("guests", "number"), (*EXPRESS_ROUTE, *VALIDATE)),),
        (see("sentry.error", 2), see("sentry.issue"), spl(kind="handler"), see("datadog.log", **DD, kind="handler")),
        classes=(1, 4, 9), pair="nl-checkout-zod", log="unhandled error", entry="POST /v1/search"),
    Bug("nl-checkout-zod", "bookings-api", (Exc("ZodError", zod("depositPence", "number"), (*EXPRESS_ROUTE, *VALIDATE)),),
        (see("sentry.error", release=0, sourcemaps=False), see("sentry.error", 2, release=2), spl(kind="handler"), see("datadog.log", **DD, kind="handler")),
        classes=(1, 4, 9), pair="nl-search-zod", log="unhandled error", entry="POST /v1/checkout", span=3),
    # 3. One charge function, two Stripe errors.
    Bug("nl-charge-declined", "bookings-api", (Exc("StripeCardError", "Your card was declined.", (ts("routes/checkout.ts", "", 62, 21, awaited=True), ts("payments/stripe.ts", "chargeDeposit", 33, 18, awaited=True), *STRIPE)),),
        (see("sentry.error", 3), spl(2, kind="http"), see("datadog.log", **DD, kind="http"), see("datadog.apm", **APM)),
        classes=(1, 4), pair="nl-charge-idempotency", entry="POST /v1/checkout"),
    Bug("nl-charge-idempotency", "bookings-api", (Exc("StripeIdempotencyError", "Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '{key}' if you meant to execute a different request.", (ts("routes/checkout.ts", "", 62, 21, awaited=True), ts("payments/stripe.ts", "chargeDeposit", 33, 18, awaited=True), *STRIPE)),),
        (see("sentry.error", 2), see("sentry.error", release=0, sourcemaps=False), spl(kind="http"), see("datadog.apm", **APM)),
        classes=(1, 4, 10), pair="nl-charge-declined", entry="POST /v1/checkout"),
    # 4. Unique violations on two tables through one insert helper.
    Bug("nl-booking-unique", "bookings-api", (Exc("DatabaseError", unique("bookings_property_id_arrival_key"), (ts("routes/bookings.ts", "", 48, 30, awaited=True), ts("bookings/create.ts", "createBooking", 27, 16, awaited=True), INSERT_ONE, *PG_QUERY)),),
        (see("sentry.error", 3), spl(kind="http"), spl(kind="http", release=1), see("datadog.log", **DD, kind="http"), see("datadog.apm", **APM)),
        classes=(1, 4, 9), pair="nl-guest-unique", entry="POST /v1/bookings"),
    Bug("nl-guest-unique", "bookings-api", (Exc("DatabaseError", unique("guests_email_key"), (ts("routes/guests.ts", "", 19, 30, awaited=True), ts("guests/register.ts", "registerGuest", 15, 16, awaited=True), INSERT_ONE, *PG_QUERY)),),
        (see("sentry.error", 2), spl(kind="http"), see("datadog.log", **DD, kind="http")),
        classes=(1, 4, 9), pair="nl-booking-unique", entry="POST /v1/guests"),
    # 5. Two partner timeouts through one channel client, in two jobs.
    Bug("nl-channel-timeout", "ledger-worker", (Exc("AxiosError", "timeout of 10000ms exceeded", (ts("jobs/rates.ts", "pushRates", 29, 11, awaited=True), PUSH, *AXIOS_TIMEOUT)),),
        (see("sentry.error", 3), spl(2, kind="worker"), see("datadog.log", **DD, kind="worker")),
        classes=(1, 9), pair="nl-ical-timeout", entry="push-rates"),
    Bug("nl-ical-timeout", "ledger-worker", (Exc("AxiosError", "timeout of 10000ms exceeded", (ts("jobs/ical.ts", "importCalendar", 36, 19, awaited=True), PUSH, *AXIOS_TIMEOUT)),),
        (see("sentry.error", release=0, sourcemaps=False), see("sentry.error", 2, release=2), spl(kind="worker"), see("datadog.log", **DD, kind="worker")),
        classes=(1, 5, 9, 10), pair="nl-channel-timeout", entry="import-ical", span=3, renames={"importCalendar": "importIcalFeed"}),
    # Not pairs.
    Bug("nl-redis-refused", "bookings-api", (Exc("Error", "connect ECONNREFUSED 10.12.4.{idx}:6379", (nd("node:net", "TCPConnectWrap.afterConnect [as oncomplete]", 1607, 16, lib=True),)),),
        (see("sentry.error", 2), spl(2, kind="http"), see("datadog.log", **DD, kind="http"), see("datadog.apm", **APM)),
        classes=(1,), entry="GET /v1/search"),
    Bug("nl-html-json", "ledger-worker", (Exc("SyntaxError", "Unexpected token '<', \"<!DOCTYPE \"... is not valid JSON", (ts("jobs/ical.ts", "fetchOwnerSettings", 71, 22, awaited=True), nd("node:internal/deps/undici/undici", "successSteps", 5546, 27, lib=True))),),
        (see("sentry.error", 3), spl(2, kind="worker"), see("datadog.log", **DD, kind="worker")),
        classes=(1,), entry="import-ical"),
    Bug("nl-invalid-date", "bookings-api", (Exc("RangeError", "Invalid time value", (*EXPRESS_ROUTE, ts("routes/availability.ts", "", 24, 44), ts("availability/calendar.ts", "toDayKey", 12, 23))),),
        (see("sentry.error", 2), see("sentry.error", release=0, sourcemaps=False), spl(kind="http"), see("datadog.apm", **APM)),
        classes=(1, 10), entry="GET /v1/properties/{property_id}/availability"),
    Bug("nl-pool-timeout", "bookings-api", (Exc("Error", "timeout exceeded when trying to connect", PG_CONNECT),),
        (see("sentry.error", 2), spl(kind="http"), spl(kind="handler"), see("datadog.log", 2, **DD, kind="http")),
        classes=(1,), entry="GET /v1/properties/{property_id}/quote"),
    # Seen once.
    Bug("nl-headers-sent", "bookings-api", (Exc("Error", "Cannot set headers after they are sent to the client", (*EXPRESS_ROUTE, ts("routes/owners.ts", "", 52, 9), nd("node_modules/express/lib/response.js", "ServerResponse.json", 278, 15, lib=True), nd("node:_http_outgoing", "ServerResponse.setHeader", 699, 11, lib=True))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /v1/owners/{owner_id}/statement"),
]

NOISE = [
    Noise("nl-noise-deploy", "bookings-api", "datadog.event", {"monitor": "Deployed bookings-api 4.19.0", "text": "Argo Rollouts promoted bookings-api to 4.19.0 (6/6 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "platform", "release": "2"}),
    Noise("nl-noise-listening", "bookings-api", "splunk", {**SEARCH, "line": '{"level":30,"time":{epochms},"pid":1,"hostname":"bookings-api-7c9f6d5b8-{hex}","msg":"Server listening at http://0.0.0.0:8080"}'}),
    Noise("nl-noise-recovered", "bookings-api", "datadog.log", {"monitor": "[bookings] error logs", "transition": "Recovered", "alert_type": "success", "team": "platform", "filter": "kube_namespace:bookings status:error", "text": "bookings error logs back under the threshold."}),
]

JEVINGTON = Company(
    key="nl",
    name="Jevington Holidays",
    domain="jevington-holidays.example",
    sentry_org="jevington-holidays",
    splunk_url="https://jevington.splunkcloud.example",
    splunk_guid="3D91A7E2-5F0B-4C68-9E14-7B2C8D6A0F35",
    datadog_org=("1240021", "Jevington Holidays"),
    datadog_template="recommended",
    posthog_project=(92402, "Jevington"),
    releases=("4.17.0", "4.18.0", "4.19.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="jevington-sentry-client-secret",
)
# fmt: on
