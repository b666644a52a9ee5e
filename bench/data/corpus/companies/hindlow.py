"""(mb) Hindlow Energy, a small energy supplier: a Go 1.22 API on net/http and chi v5
(``meter-api``: smart-meter readings and CSV uploads, tariffs, top-ups and the payment
provider's webhooks) and a Go SQS consumer (``billing-worker``: bill runs, tariff imports,
PDF statements), both on pgx v5 over RDS PostgreSQL, on AWS ECS Fargate.

Logs: ``log/slog``'s ``JSONHandler`` with ``AddSource`` on stdout (errors as a string ``err``
attribute; handler panics recovered by the team's middleware and logged with ``panic`` and
``debug.Stack()``); an unrecovered panic in a worker goroutine on stderr. The ``awslogs``
driver gives every line to CloudWatch Logs as its own event; a subscription filter sends the
log groups to Kinesis Data Firehose and on to Splunk HEC (the subscription envelope as the
event, or, on the worker's stream after a change, the message alone), one saved search over
both; the Datadog Forwarder Lambda ships the same log groups (JSON parsed into attributes),
with log monitors over the handlers' errors, the recovered panics and stderr. Sentry:
sentry-go on the API (its ``sentryhttp`` handler and ``CaptureException``) and the worker.
No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Seen, Service, see
from ..stacks import GO_HTTP, go, golib

# fmt: off
SERVICES = {
    "meter-api": Service("meter-api", "go", "mb-firehose", "aws:cloudwatchlogs", "aws:firehose", "hl_ecs", 11120031, "go go1.22.5"),
    "billing-worker": Service("billing-worker", "go", "mb-firehose", "aws:cloudwatchlogs", "aws:firehose", "hl_ecs", 11120032, "go go1.22.5"),
}
API = "github.com/hindlow/meter-api"
WK = "github.com/hindlow/billing-worker"
RECOVER = (go(API + "/internal/web", "Recoverer.func1.1", "/src/internal/web/recover.go", 22),)
API_HTTP = (
    *GO_HTTP[:4],
    golib("github.com/getsentry/sentry-go/http", "(*Handler).handle.func1", "/go/pkg/mod/github.com/getsentry/sentry-go@v0.29.1/http/sentryhttp.go", 119),
    go(API + "/internal/web", "Recoverer.func1", "/src/internal/web/recover.go", 31),
    *GO_HTTP[4:],
)
CONSUME = (
    go("main", "main", "/src/cmd/billing-worker/main.go", 58),
    go(WK + "/internal/queue", "(*Consumer).Run", "/src/internal/queue/consumer.go", 77),
    go(WK + "/internal/queue", "(*Consumer).handle", "/src/internal/queue/consumer.go", 104),
)


def h(file: str, fn: str, line: int) -> Frame:
    return go(API + "/internal/" + file.split("/")[0], fn, f"/src/internal/{file}", line)


def w(file: str, fn: str, line: int) -> Frame:
    return go(WK + "/internal/" + file.split("/")[0], fn, f"/src/internal/{file}", line)


def wrapped(root_type: str, root: str, prefix: str, frames: tuple[Frame, ...]) -> tuple[Exc, Exc]:
    return (Exc(root_type, root), Exc("*fmt.wrapError", f"{prefix}: {root}", frames))


def pg_unique(constraint: str) -> str:
    return f'ERROR: duplicate key value violates unique constraint "{constraint}" (SQLSTATE 23505)'


def deadline(method: str, url: str) -> str:
    return f'{method} "{url}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)'


# Splunk: one saved search over both log groups as Firehose delivers them.
FH = {"search": "Hindlow ECS errors via Firehose", "owner": "hl_ops", "app": "hindlow"}
# Datadog (Forwarder Lambda): handler errors, recovered panics, stderr of the worker.
HANDLERS = {"team": "platform", "monitor": "[hindlow] slog ERROR records", "filter": "source:cloudwatch @level:ERROR -@msg:\"panic recovered\"", "text": "{{log.attributes.msg}}: {{log.attributes.err}}\n\nsource: {{log.attributes.source.function}}", "format": "slog-json"}
PANICS = {"team": "platform", "monitor": "[meter-api] panics recovered", "filter": "service:meter-api @msg:\"panic recovered\"", "text": "{{log.attributes.msg}}: {{log.attributes.panic}}\n\n```\n{{log.attributes.stack}}\n```", "format": "slog-json", "msg": "panic recovered"}
STDERR = {"team": "platform", "monitor": "[billing-worker] panic on stderr", "filter": "service:billing-worker (panic OR goroutine)", "text": "{{log.message}}", "format": "mb-cwline", "kind": "panic", "sample_lines": 1}
PANIC_LOGGER = API + "/internal/web.Recoverer.func1.1 /src/internal/web/recover.go:25"


def fh(n: int = 1, **opts: object) -> Seen:
    return see("splunk", n, **{**FH, **opts})


def errs(n: int = 1, **opts: object) -> Seen:
    return see("datadog.log", n, **{**HANDLERS, **opts})


def panics(n: int = 1, **opts: object) -> Seen:
    return see("datadog.log", n, **{**PANICS, **opts})


NIL = "runtime error: invalid memory address or nil pointer dereference"
PANIC = {"msg": "panic recovered", "recover": RECOVER}
EXTRACT = {"extract": True}
HTTPX = h("httpx/client.go", "GetJSON", 48)

BUGS = [
    # One nil dereference, two handlers: readings against a meter without a tariff, top-ups of a closed account.
    Bug("mb-readings-tariff-nil", "meter-api", (Exc("runtime.errorString", NIL, (*API_HTTP, h("handlers/readings.go", "(*Readings).Submit", 64), h("tariff/rates.go", "(*Rates).UnitRate", 29))),),
        (see("sentry.error", 2), see("sentry.issue"), fh(2, **PANIC), panics(2)),
        classes=(1, 2, 4), pair="mb-topup-account-nil", log="panic recovered", logger=PANIC_LOGGER, entry="POST /v1/meters/{meter_id}/readings", span=2),
    Bug("mb-topup-account-nil", "meter-api", (Exc("runtime.errorString", NIL, (*API_HTTP, h("handlers/topups.go", "(*TopUps).Create", 41), h("accounts/account.go", "(*Account).Balance", 57))),),
        (see("sentry.error", 2), fh(2, **PANIC), panics()),
        classes=(1, 2, 4), pair="mb-readings-tariff-nil", log="panic recovered", logger=PANIC_LOGGER, entry="POST /v1/accounts/{account_id}/topups"),
    # pgx unique violations: a duplicate half-hourly reading, a tariff imported twice.
    Bug("mb-readings-unique", "meter-api", wrapped("*pgconn.PgError", pg_unique("meter_readings_meter_id_read_at_key"), "insert reading", (*API_HTTP, h("handlers/readings.go", "(*Readings).Submit", 71))),
        (see("sentry.error", 2), fh(2, msg="submit reading failed"), errs(2, msg="submit reading failed")),
        classes=(2, 4), pair="mb-tariff-import-unique", log="submit reading failed", logger=API + "/internal/handlers.(*Readings).Submit /src/internal/handlers/readings.go:73", entry="POST /v1/meters/{meter_id}/readings"),
    Bug("mb-tariff-import-unique", "billing-worker", wrapped("*pgconn.PgError", pg_unique("tariffs_code_valid_from_key"), "upsert tariff E7-2026-{n}", (*CONSUME, w("tariffs/import.go", "(*Importer).Upsert", 88))),
        (see("sentry.error", 2), fh(1, msg="tariff import failed", attrs={"queue": "tariff-imports"}), fh(1, msg="tariff import failed", attrs={"queue": "tariff-imports"}, **EXTRACT), errs(msg="tariff import failed", attrs={"queue": "tariff-imports"})),
        classes=(2, 4), pair="mb-readings-unique", log="tariff import failed", logger=WK + "/internal/queue.(*Consumer).handle /src/internal/queue/consumer.go:109", entry="tariff-imports"),
    # Client timeouts through one helper: the DCC adapter (API) and the PDF renderer (worker).
    Bug("mb-dcc-consumption-timeout", "meter-api", (Exc("*http.httpError", "context deadline exceeded (Client.Timeout exceeded while awaiting headers)"), Exc("*url.Error", deadline("Get", "https://dcc-adapter.hindlow.internal:8443/v1/meters/{meter}/consumption")), Exc("*fmt.wrapError", "fetch consumption: " + deadline("Get", "https://dcc-adapter.hindlow.internal:8443/v1/meters/{meter}/consumption"), (*API_HTTP, h("handlers/consumption.go", "(*Consumption).Get", 36), HTTPX))),
        (see("sentry.error", 3), fh(2, msg="consumption lookup failed"), errs(2, msg="consumption lookup failed")),
        classes=(2, 7, 9), pair="mb-statement-pdf-timeout", log="consumption lookup failed", logger=API + "/internal/handlers.(*Consumption).Get /src/internal/handlers/consumption.go:39", entry="GET /v1/meters/{meter_id}/consumption"),
    Bug("mb-statement-pdf-timeout", "billing-worker", (Exc("*http.httpError", "context deadline exceeded (Client.Timeout exceeded while awaiting headers)"), Exc("*url.Error", deadline("Post", "http://pdf-renderer.hindlow.local:3000/render")), Exc("*fmt.wrapError", "render statement {id}: " + deadline("Post", "http://pdf-renderer.hindlow.local:3000/render"), (*CONSUME, w("statements/render.go", "(*Renderer).Render", 52), w("httpx/client.go", "PostJSON", 61)))),
        (see("sentry.error", 2), fh(1, msg="statement failed", attrs={"queue": "statements"}, **EXTRACT), fh(1, msg="statement failed", attrs={"queue": "statements"}), errs(2, msg="statement failed", attrs={"queue": "statements"})),
        classes=(2, 7, 9), pair="mb-dcc-consumption-timeout", log="statement failed", logger=WK + "/internal/queue.(*Consumer).handle /src/internal/queue/consumer.go:109", entry="statements"),
    # encoding/json type mismatches: a bill-run message and the payment provider's webhook.
    Bug("mb-billrun-decode", "billing-worker", wrapped("*json.UnmarshalTypeError", "json: cannot unmarshal string into Go struct field BillRun.account_id of type int64", "decode message", (*CONSUME, w("queue/decode.go", "Decode[...]", 19))),
        (see("sentry.error", 2), fh(2, msg="dropping message", attrs={"queue": "bill-runs"}, **EXTRACT), errs(msg="dropping message", attrs={"queue": "bill-runs"})),
        classes=(2, 4), pair="mb-payment-webhook-decode", log="dropping message", logger=WK + "/internal/queue.(*Consumer).handle /src/internal/queue/consumer.go:98", entry="bill-runs"),
    Bug("mb-payment-webhook-decode", "meter-api", wrapped("*json.UnmarshalTypeError", "json: cannot unmarshal number into Go struct field PaymentEvent.amount of type string", "decode payment event", (*API_HTTP, h("handlers/payments.go", "(*Payments).Webhook", 33))),
        (see("sentry.error", 2), fh(2, msg="bad webhook body"), errs(2, msg="bad webhook body")),
        classes=(2, 4), pair="mb-billrun-decode", log="bad webhook body", logger=API + "/internal/handlers.(*Payments).Webhook /src/internal/handlers/payments.go:35", entry="POST /v1/webhooks/payments"),
    # One CSV parser, two errors: a date in the wrong layout, an empty value.
    Bug("mb-readings-csv-time", "meter-api", wrapped("*time.ParseError", 'parsing time "{date} 23:30" as "2006-01-02T15:04:05Z07:00": cannot parse "{date} 23:30" as "2006"', "parse row {n}", (*API_HTTP, h("handlers/uploads.go", "(*Uploads).Readings", 45), h("readings/csv.go", "ParseCSV", 38))),
        (see("sentry.error", 2), fh(2, msg="readings upload rejected"), errs(msg="readings upload rejected")),
        classes=(2, 4), pair="mb-readings-csv-value", log="readings upload rejected", logger=API + "/internal/handlers.(*Uploads).Readings /src/internal/handlers/uploads.go:48", entry="POST /v1/uploads/readings"),
    Bug("mb-readings-csv-value", "meter-api", wrapped("*strconv.NumError", 'strconv.ParseFloat: parsing "": invalid syntax', "parse row {n}", (*API_HTTP, h("handlers/uploads.go", "(*Uploads).Readings", 45), h("readings/csv.go", "ParseCSV", 44))),
        (see("sentry.error", 2), fh(2, msg="readings upload rejected"), errs(2, msg="readings upload rejected")),
        classes=(2, 4), pair="mb-readings-csv-time", log="readings upload rejected", logger=API + "/internal/handlers.(*Uploads).Readings /src/internal/handlers/uploads.go:48", entry="POST /v1/uploads/readings"),
    # Not pairs.
    Bug("mb-billing-bands-panic", "billing-worker", (Exc("runtime.boundsError", "runtime error: index out of range [3] with length 3", (w("billing/run.go", "(*Run).Start.func2", 66), w("billing/run.go", "(*Run).price", 118), w("billing/bands.go", "splitBands", 27))),),
        (fh(1, kind="panic", events=6), fh(1, kind="panic"), fh(1, kind="panic", part=0, **EXTRACT), see("datadog.log", **STDERR, part=0), see("datadog.log", **STDERR, part=4)),
        classes=(1, 2), entry="bill-runs"),
    Bug("mb-kms-decrypt", "billing-worker", wrapped("*smithy.OperationError", "operation error KMS: Decrypt, https response error StatusCode: 400, RequestID: {uuid}, InvalidCiphertextException: ", "load payment key", (*CONSUME, w("payments/keys.go", "LoadKey", 23), golib("github.com/aws/aws-sdk-go-v2/service/kms", "(*Client).Decrypt", "/go/pkg/mod/github.com/aws/aws-sdk-go-v2/service/kms@v1.35.3/api_op_Decrypt.go", 54))),
        (see("sentry.error", 2), fh(2, msg="card payment run failed", attrs={"queue": "card-payments"}), errs(msg="card payment run failed", attrs={"queue": "card-payments"})),
        classes=(2,), log="card payment run failed", logger=WK + "/internal/queue.(*Consumer).handle /src/internal/queue/consumer.go:109", entry="card-payments"),
    # The database failing over: both services lose their connections at once.
    Bug("mb-db-failover", "meter-api", wrapped("*pgconn.ConnectError", "failed to connect to `user=hindlow database=meters`: 10.40.{idx}.12:5432 (meters.cluster-c7hx2k9w1q3z.eu-west-2.rds.amazonaws.com): dial error: dial tcp 10.40.{idx}.12:5432: connect: connection refused", "acquire conn", (*API_HTTP, h("handlers/readings.go", "(*Readings).List", 102), h("store/pool.go", "(*Store).Conn", 31))),
        (see("sentry.error", 2), fh(1, msg="list readings failed"), fh(1, svc="billing-worker", msg="bill run failed", attrs={"queue": "bill-runs"}, **EXTRACT), errs(msg="list readings failed"), errs(svc="billing-worker", msg="bill run failed", attrs={"queue": "bill-runs"})),
        classes=(2, 7), log="list readings failed", logger=API + "/internal/handlers.(*Readings).List /src/internal/handlers/readings.go:105", entry="GET /v1/meters/{meter_id}/readings"),
    Bug("mb-singleton-slice", "meter-api", (Exc("runtime.boundsError", "runtime error: slice bounds out of range [:12] with capacity 8", (*API_HTTP, h("handlers/meters.go", "(*Meters).Register", 58), h("meters/mpxn.go", "Normalise", 14))),),
        (see("sentry.error"),),
        singleton=True, entry="POST /v1/meters"),
]

NOISE = [
    Noise("mb-noise-ecs-deploy", "meter-api", "datadog.event", {"monitor": "ECS deployment completed: meter-api", "text": "(service meter-api) has reached a steady state. Deployment ecs-svc/40718823 completed.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "platform"}),
    Noise("mb-noise-firehose-heartbeat", "billing-worker", "splunk", {**FH, "line": '{"messageType":"CONTROL_MESSAGE","owner":"CloudwatchLogs","logGroup":"","logStream":"","subscriptionFilters":[],"logEvents":[{"id":"","timestamp":1772640000000,"message":"CWL CONTROL MESSAGE: Checking health of destination Firehose."}]}'}),
]

HINDLOW = Company(
    key="mb",
    name="Hindlow Energy",
    domain="hindlow-energy.example",
    sentry_org="hindlow",
    splunk_url="https://hindlow.splunkcloud.com",
    splunk_guid="2F6B81C4-97A0-4D3E-8C52-B1E07A9D46F2",
    datadog_org=("1112201", "Hindlow Energy"),
    datadog_template="recommended",
    posthog_project=(111221, "Hindlow"),
    releases=("2026.03.0", "2026.03.1", "2026.03.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="hindlow-sentry-client-secret",
)
# fmt: on
