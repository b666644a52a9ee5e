"""(bs) Skelwith Charge, a public EV charging network: Go 1.23 services. ``charge-api``
(gin, GORM over Postgres through pgx: chargers, sessions, RFID cards), ``billing-api``
(echo v4, GORM: tariffs, invoices, OCPI pushes to roaming partners) and
``session-consumer`` (confluent-kafka-go v2 reading the OCPP gateway's ``ocpp.sessions``
and ``ocpp.meter-values`` topics, writing sessions through GORM).

Sentry: sentry-go with sentrygin and sentryecho (recovered panics carry the panic's stack);
errors made by ``fmt.Errorf`` carry no stack, so sentry-go takes the stack where the team's
``obs.Report`` helper captures them: every handled error's innermost frame is that helper.
sentry-go marks every frame outside GOROOT in-app (module-cache frames included); a release
whose project had no stack trace rules for ``/go/pkg/mod/`` keeps them so.
Datadog: zap's production JSON through the agent (``error`` is ``err.Error()``, no type;
``stacktrace`` the log call's stack), log monitors pasting ``{{log.attributes.*}}``, APM
monitors by error type and by route (dd-trace-go's gin and echo integrations) and
``kafka.consume`` monitors naming only the topic, through the team's own template
(``bs-skelwith``). No Splunk, no PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import GOSRC, go, golib

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "charge-api": Service("charge-api", "go", "zap", "", "", "", 8440071, "go1.23.4", framework="gin"),
    "billing-api": Service("billing-api", "go", "zap", "", "", "", 8440072, "go1.23.4", framework="echo"),
    "session-consumer": Service("session-consumer", "go", "bs-zap-kafka", "", "", "", 8440073, "go1.23.4", framework="bs-kafka"),
}

MOD = "github.com/skelwith/charge"


def app(pkg: str, function: str, file: str, line: int) -> Frame:
    return go(f"{MOD}/{pkg}", function, f"/app/{file}", line)


GIN_MOD = "/go/pkg/mod/github.com/gin-gonic/gin@v1.10.0/"
ECHO_MOD = "/go/pkg/mod/github.com/labstack/echo/v4@v4.12.0/"
GORM_MOD = "/go/pkg/mod/gorm.io/gorm@v1.25.12/"
GIN = (
    golib("net/http", "(*conn).serve", GOSRC + "net/http/server.go", 2092),
    golib("net/http", "serverHandler.ServeHTTP", GOSRC + "net/http/server.go", 3210),
    golib("github.com/gin-gonic/gin", "(*Engine).ServeHTTP", GIN_MOD + "gin.go", 589),
    golib("github.com/gin-gonic/gin", "(*Engine).handleHTTPRequest", GIN_MOD + "gin.go", 644),
    golib("github.com/gin-gonic/gin", "(*Context).Next", GIN_MOD + "context.go", 185),
    golib("github.com/getsentry/sentry-go/gin", "(*handler).handle", "/go/pkg/mod/github.com/getsentry/sentry-go/gin@v0.30.0/sentrygin.go", 81),
    golib("github.com/gin-gonic/gin", "(*Context).Next", GIN_MOD + "context.go", 185),
)
ECHO = (
    golib("net/http", "(*conn).serve", GOSRC + "net/http/server.go", 2092),
    golib("net/http", "serverHandler.ServeHTTP", GOSRC + "net/http/server.go", 3210),
    golib("github.com/labstack/echo/v4", "(*Echo).ServeHTTP", ECHO_MOD + "echo.go", 668),
    golib("github.com/getsentry/sentry-go/echo", "(*handler).handle.func1", "/go/pkg/mod/github.com/getsentry/sentry-go/echo@v0.30.0/sentryecho.go", 81),
    golib("github.com/labstack/echo/v4/middleware", "RecoverWithConfig.func1.1", ECHO_MOD + "middleware/recover.go", 130),
)
CONSUMER = (
    app("cmd/session-consumer", "main", "cmd/session-consumer/main.go", 58),
    app("internal/consumer", "(*Consumer).Run", "internal/consumer/consumer.go", 71),
    app("internal/consumer", "(*Consumer).dispatch", "internal/consumer/consumer.go", 103),
)
GORM_FIRST = (
    golib("gorm.io/gorm", "(*DB).First", GORM_MOD + "finisher_api.go", 129),
    golib("gorm.io/gorm", "(*processor).Execute", GORM_MOD + "callbacks.go", 130),
)
GORM_CREATE = (
    golib("gorm.io/gorm", "(*DB).Create", GORM_MOD + "finisher_api.go", 24),
    golib("gorm.io/gorm", "(*processor).Execute", GORM_MOD + "callbacks.go", 130),
)
# sentry-go takes an fmt.Errorf error's stack where it is captured: the team's helper.
REPORT = app("internal/obs", "Report", "internal/obs/report.go", 31)
NOT_FOUND = Exc("*errors.errorString", "record not found")
NIL = "runtime error: invalid memory address or nil pointer dereference"


def pg_unique(constraint: str) -> Exc:
    return Exc("*pgconn.PgError", f'ERROR: duplicate key value violates unique constraint "{constraint}" (SQLSTATE 23505)')


TEAM = "charge-platform"
API_LOG = {"monitor": "charge-api error logs", "team": TEAM, "filter": "service:charge-api status:error", "text": "charge-api logged an error.\n\nmsg: {{log.attributes.msg}}\nerror: {{log.attributes.error}}\npath: {{log.attributes.path}}"}
BILLING_LOG = {"monitor": "billing-api error logs", "team": TEAM, "filter": "service:billing-api status:error", "text": "billing-api: {{log.attributes.msg}} ({{log.attributes.error}})"}
# One monitor over every consumer error: the topic and the error string.
CONSUMER_LOG = {"monitor": "session-consumer errors", "team": TEAM, "filter": "service:session-consumer status:error", "text": "session-consumer is failing messages ({{value}} in 10m).\n\nLatest on {{log.attributes.topic}}: {{log.attributes.error}}"}
APM_TYPE = {"style": "type", "monitor": "charge error spans by type", "team": TEAM}

BUGS = [
    # GORM's record-not-found wrapped at two places: a charger in the API, a tariff in billing.
    Bug("bs-charger-not-found", "charge-api", (NOT_FOUND, Exc("*fmt.wrapError", "load charger CP-{idx}{id}: record not found", (*GIN, app("internal/chargers", "(*Handler).StartSession", "internal/chargers/handler.go", 64), REPORT))),
        (see("sentry.error", 3), see("sentry.issue"), see("datadog.log", 2, msg="start session failed", **API_LOG)),
        classes=(4, 9), pair="bs-tariff-not-found", entry="POST /v1/chargers/{id}/sessions", log="start session failed"),
    Bug("bs-tariff-not-found", "billing-api", (NOT_FOUND, Exc("*fmt.wrapError", "load tariff for operator {n}: record not found", (*ECHO, app("internal/billing", "(*Handler).PriceSession", "internal/billing/handler.go", 91), REPORT))),
        (see("sentry.error", 2), see("sentry.error", release=1), see("datadog.log", 2, msg="price session failed", **BILLING_LOG)),
        classes=(4, 9), pair="bs-charger-not-found", entry="GET /v1/sessions/{id}/price", log="price session failed", span=2),
    # The same nil meter reading dereferenced in the consumer and in the invoice builder.
    Bug("bs-session-nil-meter", "session-consumer", (Exc("runtime.errorString", NIL, (*CONSUMER, app("internal/sessions", "(*Writer).Stop", "internal/sessions/writer.go", 77), app("internal/sessions", "energyKWh", "internal/sessions/energy.go", 19))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("datadog.log", msg="panic in handler", topic="ocpp.sessions", **CONSUMER_LOG), see("datadog.task", monitor="kafka.consume errors on ocpp.sessions", team=TEAM)),
        classes=(4,), pair="bs-invoice-nil-meter", entry="ocpp.sessions", log="panic in handler", span=2, renames={"(*Writer).Stop": "(*Writer).StopSession"}),
    Bug("bs-invoice-nil-meter", "billing-api", (Exc("runtime.errorString", NIL, (*ECHO, app("internal/billing", "(*Handler).Invoice", "internal/billing/handler.go", 133), app("internal/billing/invoice", "lineFor", "internal/billing/invoice/lines.go", 42))),),
        (see("sentry.error", 2), see("sentry.error", in_app="all"), see("datadog.apm", **APM_TYPE), see("datadog.apm", style="route", monitor="GET /v1/invoices/{id} error rate", team=TEAM)),
        classes=(4,), pair="bs-session-nil-meter", entry="GET /v1/invoices/{id}"),
    # Two roaming partners' endpoints time out in one OCPI push helper.
    Bug("bs-ocpi-cdr-timeout", "billing-api", (Exc("*url.Error", 'Post "https://ocpi.roamhub.example/2.2.1/cdrs": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', ()), Exc("*fmt.wrapError", 'push cdr {uuid}: Post "https://ocpi.roamhub.example/2.2.1/cdrs": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', (*ECHO, app("internal/ocpi", "(*Handler).PushCDR", "internal/ocpi/handler.go", 48), app("internal/ocpi", "(*Client).post", "internal/ocpi/client.go", 66), REPORT))),
        (see("sentry.error", 2), see("sentry.error", release=1), see("datadog.log", 2, msg="ocpi push failed", **BILLING_LOG)),
        classes=(9,), pair="bs-ocpi-tariff-timeout", entry="POST /internal/ocpi/cdrs", log="ocpi push failed", span=2),
    Bug("bs-ocpi-tariff-timeout", "billing-api", (Exc("*url.Error", 'Put "https://api.evroam.example/ocpi/2.2.1/tariffs/GB/SKW/{n}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', ()), Exc("*fmt.wrapError", 'push tariff {n}: Put "https://api.evroam.example/ocpi/2.2.1/tariffs/GB/SKW/{n}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', (*ECHO, app("internal/ocpi", "(*Handler).PushTariff", "internal/ocpi/handler.go", 81), app("internal/ocpi", "(*Client).post", "internal/ocpi/client.go", 66), REPORT))),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", 2, msg="ocpi push failed", **BILLING_LOG)),
        classes=(9,), pair="bs-ocpi-cdr-timeout", entry="POST /internal/ocpi/tariffs", log="ocpi push failed"),
    # Unique violations on two constraints: a replayed session start, an RFID card twice.
    Bug("bs-session-start-unique", "session-consumer", (pg_unique("idx_sessions_transaction_id"), Exc("*fmt.wrapError", 'insert session: ERROR: duplicate key value violates unique constraint "idx_sessions_transaction_id" (SQLSTATE 23505)', (*CONSUMER, app("internal/sessions", "(*Writer).Start", "internal/sessions/writer.go", 39), REPORT))),
        (see("sentry.error", 3), see("datadog.log", 2, msg="process message", topic="ocpp.sessions", **CONSUMER_LOG), see("datadog.task", monitor="kafka.consume errors on ocpp.sessions", team=TEAM)),
        classes=(4,), pair="bs-rfid-unique", entry="ocpp.sessions", log="process message"),
    Bug("bs-rfid-unique", "charge-api", (pg_unique("idx_rfid_cards_uid"), Exc("*fmt.wrapError", 'register card: ERROR: duplicate key value violates unique constraint "idx_rfid_cards_uid" (SQLSTATE 23505)', (*GIN, app("internal/cards", "(*Handler).Register", "internal/cards/handler.go", 52), app("internal/cards", "(*Store).Create", "internal/cards/store.go", 28), *GORM_CREATE))),
        (see("sentry.error", 2), see("sentry.error", in_app="all"), see("sentry.issue"), see("datadog.log", 2, msg="register card failed", **API_LOG), see("datadog.apm", **APM_TYPE)),
        classes=(4,), pair="bs-session-start-unique", entry="POST /v1/cards", log="register card failed"),
    # One meter-value parser, two errors: a comma decimal, a timestamp without a zone.
    Bug("bs-meter-parse-float", "session-consumer", (Exc("*strconv.NumError", 'strconv.ParseFloat: parsing "{n},{idx}": invalid syntax'), Exc("*fmt.wrapError", 'parse meter value: strconv.ParseFloat: parsing "{n},{idx}": invalid syntax', (*CONSUMER, app("internal/meter", "Parse", "internal/meter/parse.go", 44), REPORT))),
        (see("sentry.error", 2), see("sentry.error", release=1), see("datadog.log", 2, msg="process message", topic="ocpp.meter-values", **CONSUMER_LOG)),
        classes=(4,), pair="bs-meter-parse-time", entry="ocpp.meter-values", log="process message", span=2),
    Bug("bs-meter-parse-time", "session-consumer", (Exc("*time.ParseError", 'parsing time "2026-03-0{idx}T1{idx}:0{idx}:1{idx}" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "Z07:00"'), Exc("*fmt.wrapError", 'parse meter value: parsing time "2026-03-0{idx}T1{idx}:0{idx}:1{idx}" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "Z07:00"', (*CONSUMER, app("internal/meter", "Parse", "internal/meter/parse.go", 51), REPORT))),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", 2, msg="process message", topic="ocpp.meter-values", **CONSUMER_LOG), see("datadog.task", monitor="kafka.consume errors on ocpp.meter-values", team=TEAM)),
        classes=(4,), pair="bs-meter-parse-float", entry="ocpp.meter-values", log="process message"),
    # The consumer's offset commit after a rebalance it missed.
    Bug("bs-commit-generation", "session-consumer", (Exc("kafka.Error", "Broker: Specified group generation id is not valid", (*CONSUMER[:2], golib("github.com/confluentinc/confluent-kafka-go/v2/kafka", "(*Consumer).CommitMessage", "/go/pkg/mod/github.com/confluentinc/confluent-kafka-go/v2@v2.6.1/kafka/consumer.go", 266), REPORT)),),
        (see("sentry.error", 2), see("datadog.log", 2, msg="commit offsets", topic="ocpp.sessions", **CONSUMER_LOG)),
        classes=(9,), entry="ocpp.sessions", log="commit offsets"),
    # A start request whose connector id arrives as a string from one app version.
    Bug("bs-start-bind-json", "charge-api", (Exc("*json.UnmarshalTypeError", "json: cannot unmarshal string into Go struct field StartRequest.connector_id of type int"), Exc("*fmt.wrapError", "bind start request: json: cannot unmarshal string into Go struct field StartRequest.connector_id of type int", (*GIN, app("internal/chargers", "(*Handler).StartSession", "internal/chargers/handler.go", 41), REPORT))),
        (see("sentry.error", 3), see("datadog.log", msg="bad start request", **API_LOG)),
        classes=(9,), entry="POST /v1/chargers/{id}/sessions", log="bad start request"),
    # Postgres out of connection slots at the evening peak.
    Bug("bs-pg-too-many-clients", "charge-api", (Exc("*pgconn.ConnectError", "failed to connect to `user=charge database=charge`: 10.{idx}.4.1{idx}:5432 (pg-primary.charge.svc): server error: FATAL: sorry, too many clients already (SQLSTATE 53300)"), Exc("*fmt.wrapError", "list chargers: failed to connect to `user=charge database=charge`: 10.{idx}.4.1{idx}:5432 (pg-primary.charge.svc): server error: FATAL: sorry, too many clients already (SQLSTATE 53300)", (*GIN, app("internal/chargers", "(*Handler).Nearby", "internal/chargers/handler.go", 118), app("internal/chargers", "(*Store).Nearby", "internal/chargers/store.go", 73), *GORM_FIRST))),
        (see("sentry.error", 3), see("sentry.alert", rule="charge-api: error spike"), see("datadog.apm", style="route", monitor="GET /v1/chargers/nearby error rate", team=TEAM), see("datadog.apm", **APM_TYPE), see("datadog.log", msg="list chargers failed", **API_LOG)),
        entry="GET /v1/chargers/nearby", log="list chargers failed"),
    # A slice index past the connector list when a charger reports connector 0.
    Bug("bs-connector-index", "charge-api", (Exc("runtime.boundsError", "runtime error: index out of range [{idx}] with length {idx}", (*GIN, app("internal/chargers", "(*Handler).Status", "internal/chargers/handler.go", 150), app("internal/chargers", "connectorState", "internal/chargers/status.go", 33))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("datadog.apm", style="route", monitor="GET /v1/chargers/{id}/status error rate", team=TEAM), see("datadog.apm", **APM_TYPE)),
        entry="GET /v1/chargers/{id}/status", span=2),
    # The OCPI push logging slow partner calls: one log template, no bug.
    Bug("bs-ocpi-push-slow", "billing-api", (),
        (see("datadog.log", 4, monitor="Slow OCPI pushes", team=TEAM, filter='service:billing-api @msg:"ocpi push slow"', text="OCPI push to {bsocpi} took {godur} ({size})"),),
        classes=(7,)),
    # Seen once: the invoice PDF font missing from one image build.
    Bug("bs-invoice-font-missing", "billing-api", (Exc("*fs.PathError", "open assets/fonts/Inter-Regular.ttf: no such file or directory"), Exc("*fmt.wrapError", "render invoice {id}: open assets/fonts/Inter-Regular.ttf: no such file or directory", (*ECHO, app("internal/billing", "(*Handler).InvoicePDF", "internal/billing/handler.go", 170), REPORT))),
        (see("sentry.error"),),
        singleton=True, entry="GET /v1/invoices/{id}/pdf"),
]

NOISE = [
    Noise("bs-noise-rollout", "charge-api", "datadog.event", {"monitor": "Argo Rollouts: charge-api 2026.12.2 promoted", "text": "Rollout charge-api promoted to 100% (revision 41).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": TEAM}),
    Noise("bs-noise-consumer-lag", "session-consumer", "datadog.metric", {"monitor": "session-consumer lag on ocpp.meter-values", "transition": "Warn", "alert_type": "warning", "metric": "kafka.consumer_lag", "query": "avg(last_10m):max:kafka.consumer_lag{consumer_group:session-consumer,topic:ocpp.meter-values} > 50000", "text": "Consumer lag on ocpp.meter-values is {n}000 messages.", "priority": "P4", "team": TEAM}),
    Noise("bs-noise-recovered", "charge-api", "datadog.log", {"monitor": "charge-api error logs", "transition": "Recovered", "alert_type": "success", "text": "charge-api error logs are back to normal.", "priority": "P3", "team": TEAM}),
]

SKELWITH = Company(
    key="bs",
    name="Skelwith Charge",
    domain="skelwith.example",
    sentry_org="skelwith",
    splunk_url="",
    splunk_guid="",
    datadog_org=("630915", "Skelwith Charge"),
    datadog_template="bs-skelwith",
    posthog_project=(0, ""),
    releases=("2026.12.1", "2026.12.2", "2027.01.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="skelwith-sentry-client-secret",
)
