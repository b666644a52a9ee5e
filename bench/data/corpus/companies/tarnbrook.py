"""(an) Tarnbrook Metering, smart water meters for utilities: a Fiber v2 API on Go 1.23
(``meter-api``), a plain net/http ingest gateway the meters' head-ends post batches to
(``ingest``), and a Kafka consumer on IBM/sarama that aggregates readings and writes them to
Postgres through pgx (``readings-consumer``). Every service logs with zerolog's JSON and
``.Caller()`` (no stack marshaller); the consumer's unrecovered goroutine panics reach the log
as the runtime's dump.

Sentry (sentry-go 0.31 with its Fiber and net/http integrations; errors wrapped with
pkg/errors and ``fmt.Errorf("%w")``; goroutine panics reported by a deferred func that
panics again); Splunk saved searches over the three logs; Datadog posts a plain-text template
(``summary``, ``plain``, ``unix_ms`` quoted). No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import GOSRC, go, golib

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.go", "0.31.1", "go:github.com/getsentry/sentry-go")
SERVICES = {
    "meter-api": Service("meter-api", "go", "zerolog-caller", "tarnbrook:go:zerolog", "/var/log/containers/meter-api.log", "tb_prod", 8810011, "go go1.23.5", framework="fiber", sdk=SDK),
    "ingest": Service("ingest", "go", "zerolog-caller", "tarnbrook:go:zerolog", "/var/log/containers/ingest.log", "tb_prod", 8810014, "go go1.23.5", framework="http", sdk=SDK),
    "readings-consumer": Service("readings-consumer", "go", "zerolog-caller", "tarnbrook:go:zerolog", "/var/log/containers/readings-consumer.log", "tb_prod", 8810017, "go go1.23.5", sdk=SDK),
}

API = "github.com/tarnbrook/meter-api"
ING = "github.com/tarnbrook/ingest"
RC = "github.com/tarnbrook/readings-consumer"
FH = "/go/pkg/mod/github.com/valyala/fasthttp@v1.58.0/"
FB = "/go/pkg/mod/github.com/gofiber/fiber/v2@v2.52.6/"
SG = "/go/pkg/mod/github.com/getsentry/sentry-go@v0.31.1/"
SA = "/go/pkg/mod/github.com/!i!b!m/sarama@v1.45.0/"

# fasthttp's worker serving a Fiber app: requestid, recover and sentryfiber middleware.
FIBER = (
    golib("github.com/valyala/fasthttp", "(*workerPool).getCh.func1", FH + "workerpool.go", 196),
    golib("github.com/valyala/fasthttp", "(*workerPool).workerFunc", FH + "workerpool.go", 224),
    golib("github.com/valyala/fasthttp", "(*Server).serveConn", FH + "server.go", 2385),
    golib("github.com/gofiber/fiber/v2", "(*App).handler", FB + "router.go", 188),
    golib("github.com/gofiber/fiber/v2", "(*App).next", FB + "router.go", 145),
    golib("github.com/gofiber/fiber/v2/middleware/requestid", "New.func1", FB + "middleware/requestid/requestid.go", 31),
    golib("github.com/gofiber/fiber/v2", "(*Ctx).Next", FB + "ctx.go", 1031),
    golib("github.com/gofiber/fiber/v2/middleware/recover", "New.func1", FB + "middleware/recover/recover.go", 43),
    golib("github.com/gofiber/fiber/v2", "(*Ctx).Next", FB + "ctx.go", 1031),
    golib("github.com/getsentry/sentry-go/fiber", "(*handler).handle", SG + "fiber/sentryfiber.go", 92),
    golib("github.com/gofiber/fiber/v2", "(*Ctx).Next", FB + "ctx.go", 1031),
    golib("github.com/gofiber/fiber/v2", "(*App).next", FB + "router.go", 145),
)
# net/http serving the ingest gateway's mux behind sentryhttp.
NETHTTP = (
    golib("net/http", "(*conn).serve", GOSRC + "net/http/server.go", 2092),
    golib("net/http", "serverHandler.ServeHTTP", GOSRC + "net/http/server.go", 3210),
    golib("net/http", "(*ServeMux).ServeHTTP", GOSRC + "net/http/server.go", 2747),
    golib("github.com/getsentry/sentry-go/http", "(*Handler).handle.func1", SG + "http/sentryhttp.go", 119),
    golib("net/http", "HandlerFunc.ServeHTTP", GOSRC + "net/http/server.go", 2220),
)
# sarama's consumer group session running the handler's ConsumeClaim for one partition.
SARAMA = (
    golib("github.com/IBM/sarama", "newConsumerGroupSession.func2", SA + "consumer_group.go", 808),
    golib("github.com/IBM/sarama", "(*consumerGroupSession).consume", SA + "consumer_group.go", 878),
    go(f"{RC}/internal/consume", "(*ReadingHandler).ConsumeClaim", "/src/internal/consume/handler.go", 61),
)


def route(fn: str, file: str, line: int, *app: Frame) -> tuple[Frame, ...]:
    return (*FIBER, go(f"{API}/internal/http", fn, f"/src/internal/http/{file}", line), *app)


# The API's error helper: captures to Sentry (sentry-go takes the stack here) and logs with
# zerolog, so both the Sentry frames and the log's caller end in this file.
FAIL = go(f"{API}/internal/http", "fail", "/src/internal/http/respond.go", 38)
FAIL_CALLER = "/src/internal/http/respond.go:41"
NIL_DEREF = "runtime error: invalid memory address or nil pointer dereference"
INDEX = "runtime error: index out of range [{idx}] with length {idx}"
TEAM = "metering"
CONSUMER_LOGS = dict(team=TEAM, monitor="readings-consumer errors", style="error", filter="service:readings-consumer status:error")
API_APM = dict(team=TEAM, monitor="meter-api error spans by type", style="type")
# The consumer's flush goroutine reports a panic, flushes Sentry, and panics again.
REPANIC = (f"{RC}/internal/consume", "(*ReadingHandler).flush.func1", "/src/internal/consume/flush.go", 24)
# Where the goroutines were started: the dump's last two lines.
FLUSH_STARTER = dict(repanic=REPANIC, created_by=(f"{RC}/internal/consume", "(*ReadingHandler).ConsumeClaim", "/src/internal/consume/handler.go", 74))
FANOUT_STARTER = dict(created_by=(f"{ING}/internal/gateway", "(*Fanout).Start", "/src/internal/gateway/fanout.go", 33))


def pg(msg: str, code: str) -> str:
    return f"ERROR: {msg} (SQLSTATE {code})"


BUGS = [
    # index out of range in a goroutine of the consumer (it dies and restarts) and in a
    # handler of the ingest gateway: the same runtime message at two places.
    Bug("tb-flush-index", "readings-consumer", (Exc("runtime.boundsError", INDEX, (
        go(f"{RC}/internal/consume", "(*ReadingHandler).flush", "/src/internal/consume/flush.go", 31),
        go(f"{RC}/internal/aggregate", "(*Window).Add", "/src/internal/aggregate/window.go", 57),
    )),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, format="goroutine-panic", search="readings-consumer - crashes", **FLUSH_STARTER), see("datadog.log", team=TEAM, monitor="readings-consumer panics", style="sample", filter="service:readings-consumer \"panic:\"", format="goroutine-panic", **FLUSH_STARTER)),
        classes=(2, 4), pair="tb-frame-index", entry="readings"),
    Bug("tb-frame-index", "ingest", (Exc("runtime.boundsError", INDEX, (
        *NETHTTP,
        go(f"{ING}/internal/gateway", "(*Gateway).postBatch", "/src/internal/gateway/batch.go", 47),
        go(f"{ING}/internal/frames", "Decode", "/src/internal/frames/decode.go", 88),
    )),),
        (see("sentry.error", 3), see("splunk", 2, msg="recovered panic", caller="/src/internal/gateway/recover.go:19")),
        classes=(4,), pair="tb-flush-index", entry="POST /v1/batches", span=2, renames={"(*Gateway).postBatch": "(*Gateway).handleBatch"}),
    # One function wrapping two failures with pkg/errors' Wrapf (withStack over withMessage):
    # a tariff missing and the database refusing connections.
    Bug("tb-tariff-missing", "meter-api", (
        Exc("*errors.fundamental", "tariff not found", route("(*Server).billPreview", "bills.go", 52, go(f"{API}/internal/billing", "(*Service).TariffFor", "/src/internal/billing/tariff.go", 33))),
        Exc("*errors.withMessage", "load tariff for meter MTR-{id}: tariff not found"),
        Exc("*errors.withStack", "load tariff for meter MTR-{id}: tariff not found", route("(*Server).billPreview", "bills.go", 52, go(f"{API}/internal/billing", "(*Service).TariffFor", "/src/internal/billing/tariff.go", 36))),
    ),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, msg="bill preview failed"), see("datadog.apm", **API_APM)),
        classes=(2, 4, 8), pair="tb-tariff-db-down", entry="POST /v1/bills/preview", log="bill preview failed"),
    Bug("tb-tariff-db-down", "meter-api", (
        Exc("*pgconn.ConnectError", "failed to connect to `user=meter_api database=metering`: 10.{idx}.8.21:5432 (pg-primary): dial error: dial tcp 10.{idx}.8.21:5432: connect: connection refused"),
        Exc("*errors.withMessage", "load tariff for meter MTR-{id}: failed to connect to `user=meter_api database=metering`: 10.{idx}.8.21:5432 (pg-primary): dial error: dial tcp 10.{idx}.8.21:5432: connect: connection refused"),
        Exc("*errors.withStack", "load tariff for meter MTR-{id}: failed to connect to `user=meter_api database=metering`: 10.{idx}.8.21:5432 (pg-primary): dial error: dial tcp 10.{idx}.8.21:5432: connect: connection refused", route("(*Server).billPreview", "bills.go", 52, go(f"{API}/internal/billing", "(*Service).TariffFor", "/src/internal/billing/tariff.go", 29))),
    ),
        (see("sentry.error", 2), see("sentry.alert", rule="meter-api: errors on bill preview"), see("splunk", 2, msg="bill preview failed"), see("datadog.apm", **API_APM)),
        classes=(2, 4, 8), pair="tb-tariff-missing", entry="POST /v1/bills/preview", log="bill preview failed"),
    # Two consumer errors under one log monitor: a reading whose flow is a string, and a
    # meter the registry does not know.
    Bug("tb-reading-flow-type", "readings-consumer", (
        Exc("*json.UnmarshalTypeError", "json: cannot unmarshal string into Go struct field Reading.flow_l of type float64"),
        Exc("*fmt.wrapError", "decode reading at readings/{part}@{offset}: json: cannot unmarshal string into Go struct field Reading.flow_l of type float64", (*SARAMA, go(f"{RC}/internal/consume", "decode", "/src/internal/consume/decode.go", 22))),
    ),
        (see("sentry.error", 2), see("splunk", 3, msg="skipping message", attrs={"topic": "readings", "partition": "{part}"}), see("datadog.log", 2, **CONSUMER_LOGS, msg="skipping message")),
        classes=(2,), pair="tb-reading-unknown-meter", log="skipping message", entry="readings"),
    Bug("tb-reading-unknown-meter", "readings-consumer", (
        Exc("*errors.errorString", "meter not registered"),
        Exc("*fmt.wrapError", "resolve meter MTR-{id} at readings/{part}@{offset}: meter not registered", (*SARAMA, go(f"{RC}/internal/registry", "(*Cache).Resolve", "/src/internal/registry/cache.go", 48))),
    ),
        (see("sentry.error", 2), see("splunk", 2, msg="skipping message", attrs={"topic": "readings", "partition": "{part}"}), see("datadog.log", 2, **CONSUMER_LOGS, msg="skipping message")),
        classes=(2,), pair="tb-reading-flow-type", log="skipping message", entry="readings"),
    # Two upstream failures through the API's one error helper (the helper innermost).
    Bug("tb-export-s3-denied", "meter-api", (
        Exc("*smithy.OperationError", "operation error S3: PutObject, https response error StatusCode: 403, RequestID: {hex}, HostID: {args}, api error AccessDenied: Access Denied"),
        Exc("*fmt.wrapError", "upload export usage-{id}.csv: operation error S3: PutObject, https response error StatusCode: 403, RequestID: {hex}, HostID: {args}, api error AccessDenied: Access Denied", route("(*Server).exportUsage", "exports.go", 71, FAIL)),
    ),
        (see("sentry.error", 3), see("splunk", 2, msg="request failed", caller=FAIL_CALLER), see("datadog.apm", style="route", team=TEAM, monitor="meter-api: export error rate")),
        classes=(8, 9), pair="tb-leak-sms-failed", entry="POST /v1/exports/usage"),
    Bug("tb-leak-sms-failed", "meter-api", (
        Exc("*twilio.TwilioRestError", "Status: 400 - ApiError 21211: Invalid 'To' Phone Number: +44{n}0{id} (null) More info: https://www.twilio.com/docs/errors/21211"),
        Exc("*fmt.wrapError", "notify leak on MTR-{id}: Status: 400 - ApiError 21211: Invalid 'To' Phone Number: +44{n}0{id} (null) More info: https://www.twilio.com/docs/errors/21211", route("(*Server).raiseLeakAlert", "alerts.go", 44, FAIL)),
    ),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, msg="request failed", caller=FAIL_CALLER), see("datadog.log", team=TEAM, monitor="meter-api: failed requests", by="@path", scope="@path:{path}", filter="service:meter-api @message:\"request failed\"", caller=FAIL_CALLER, text="{{log.attributes.method}} {{log.attributes.path}} failed:\n\n{{log.attributes.error}}")),
        classes=(9,), pair="tb-export-s3-denied", entry="POST /v1/meters/{meter_id}/leak-alerts"),
    # Nil dereferences recovered by Fiber's recover middleware in two handlers.
    Bug("tb-usage-nil-meter", "meter-api", (Exc("runtime.errorString", NIL_DEREF, route("(*Server).meterUsage", "usage.go", 38, go(f"{API}/internal/usage", "Summarise", "/src/internal/usage/summary.go", 19))),),
        (see("sentry.error", 3), see("splunk", 2, msg="panic recovered", caller="/src/internal/http/server.go:57"), see("datadog.apm", **API_APM)),
        classes=(4, 8), pair="tb-bill-nil-customer", entry="GET /v1/meters/{meter_id}/usage", span=2),
    Bug("tb-bill-nil-customer", "meter-api", (Exc("runtime.errorString", NIL_DEREF, route("(*Server).billPreview", "bills.go", 61, go(f"{API}/internal/billing", "(*Service).Preview", "/src/internal/billing/preview.go", 84))),),
        (see("sentry.error", 2), see("splunk", 2, msg="panic recovered", caller="/src/internal/http/server.go:57")),
        classes=(4,), pair="tb-usage-nil-meter", entry="POST /v1/bills/preview"),
    # Kafka's produce timing out behind the ingest gateway, wrapped twice with %w.
    Bug("tb-ingest-produce-timeout", "ingest", (
        Exc("sarama.KError", "kafka server: Request exceeded the user-specified time limit in the request"),
        Exc("*fmt.wrapError", "publish 128 readings: kafka server: Request exceeded the user-specified time limit in the request"),
        Exc("*fmt.wrapError", "batch {uuid}: publish 128 readings: kafka server: Request exceeded the user-specified time limit in the request", (*NETHTTP, go(f"{ING}/internal/gateway", "(*Gateway).postBatch", "/src/internal/gateway/batch.go", 63))),
    ),
        (see("sentry.error", 2), see("splunk", 2, msg="batch rejected"), see("datadog.log", team=TEAM, monitor="ingest: rejected batches", style="error", filter="service:ingest @message:\"batch rejected\"", msg="batch rejected")),
        classes=(2,), log="batch rejected", entry="POST /v1/batches"),
    # The gateway refusing oversized batches: warnings whose sizes change length.
    Bug("tb-ingest-body-too-large", "ingest", (),
        (see("splunk", 3, search="ingest - warnings", line='{"level":"warn","headend":"{endpoint}","size":"{size}","time":"{tsms}","caller":"/src/internal/gateway/limit.go:27","message":"batch over limit, rejected"}'), see("datadog.log", team=TEAM, monitor="ingest: oversized batches", filter="service:ingest @message:\"batch over limit, rejected\"", text="A head-end is posting oversized batches. Latest: {size} from {endpoint}.")),
        classes=(7,)),
    # Slow flushes: durations in Go's own words.
    Bug("tb-flush-slow", "readings-consumer", (),
        (see("splunk", 3, search="readings-consumer - slow flush", line='{"level":"warn","partition":{part},"rows":{n}00,"took":"{godur}","time":"{tsms}","caller":"/src/internal/consume/flush.go:52","message":"slow flush"}'), see("datadog.log", team=TEAM, monitor="readings-consumer slow flushes", filter="service:readings-consumer @message:\"slow flush\"", text="Flushes to Postgres are slow: latest took {godur} on partition {part}.")),
        classes=(7,)),
    # The consumer OOMKilled while a backlog drains: a metric alert, no trace.
    Bug("tb-consumer-oom", "readings-consumer", (),
        (see("datadog.metric", 2, team=TEAM, monitor="readings-consumer OOMKilled", scope="kube_deployment:readings-consumer", metric="kubernetes_state.container.status_report.count.terminated", query="max(last_5m):max:kubernetes_state.container.status_report.count.terminated{kube_deployment:readings-consumer,reason:oomkilled} >= 1", status="Container readings-consumer was OOMKilled", text="readings-consumer was OOMKilled ({n} restarts in the last hour)."),),
        classes=(8,)),
    # A duplicate serial on meter registration, wrapped by pkg/errors.
    Bug("tb-register-serial-dup", "meter-api", (
        Exc("*pgconn.PgError", pg('duplicate key value violates unique constraint "meters_serial_key"', "23505")),
        Exc("*errors.withMessage", "insert meter: " + pg('duplicate key value violates unique constraint "meters_serial_key"', "23505")),
        Exc("*errors.withStack", "insert meter: " + pg('duplicate key value violates unique constraint "meters_serial_key"', "23505"), route("(*Server).registerMeter", "meters.go", 29, go(f"{API}/internal/store", "(*Meters).Insert", "/src/internal/store/meters.go", 41))),
    ),
        (see("sentry.error", 2), see("sentry.alert", rule="meter-api: new issue"), see("splunk", 2, msg="register meter failed"), see("datadog.apm", **API_APM)),
        classes=(8,), entry="POST /v1/meters", log="register meter failed"),
    # A send on a closed channel after shutdown began: no Sentry (the process dies first).
    Bug("tb-ingest-closed-channel", "ingest", (Exc("runtime.plainError", "send on closed channel", (
        go(f"{ING}/internal/gateway", "(*Fanout).Start.func1", "/src/internal/gateway/fanout.go", 41),
        go(f"{ING}/internal/gateway", "(*Fanout).forward", "/src/internal/gateway/fanout.go", 58),
    )),),
        (see("splunk", 2, format="goroutine-panic", search="ingest - crashes", **FANOUT_STARTER), see("datadog.log", team=TEAM, monitor="ingest panics", style="sample", filter="service:ingest \"panic:\"", format="goroutine-panic", **FANOUT_STARTER)),
        classes=(2,)),
    # Seen once.
    Bug("tb-parse-percent", "meter-api", (Exc("*strconv.NumError", 'strconv.ParseFloat: parsing "{n}%": invalid syntax', route("(*Server).setAlertThreshold", "alerts.go", 88)),),
        (see("sentry.error"),),
        singleton=True, entry="PUT /v1/meters/{meter_id}/alert-threshold"),
]

NOISE = [
    Noise("tb-noise-deploy", "meter-api", "datadog.event", {"monitor": "Deployed meter-api v1.42.0", "text": "Flux reconciled meter-api to v1.42.0 (4/4 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": TEAM}),
    Noise("tb-noise-rebalance", "readings-consumer", "splunk", {"search": "readings-consumer - errors", "line": '{"level":"info","group":"readings-aggregator","generation":{n},"claims":"readings:[0 1 2 3]","time":"{tsms}","caller":"/src/internal/consume/group.go:88","message":"consumer group rebalanced"}'}),
    Noise("tb-noise-lag-recovered", "readings-consumer", "datadog.metric", {"monitor": "readings consumer lag", "scope": "consumer_group:readings-aggregator", "transition": "Recovered", "metric": "kafka.consumer_lag", "text": "Consumer lag on readings is back under 10000.", "team": TEAM}),
]

TARNBROOK = Company(
    key="an",
    name="Tarnbrook Metering",
    domain="tarnbrook.example",
    sentry_org="tarnbrook",
    splunk_url="https://tarnbrook.splunkcloud.com",
    splunk_guid="3D6A91C0-8E24-47B5-B0F2-6A18D5E3C7F9",
    datadog_org=("558930", "Tarnbrook Metering"),
    datadog_template="tarnbrook",
    posthog_project=(0, ""),
    releases=("v1.40.2", "v1.41.0", "v1.42.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="tarnbrook-sentry-client-secret",
)
# fmt: on
