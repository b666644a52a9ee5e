"""(gz) Ulpha Community Energy, a solar co-op's metering and settlement backend: Go 1.22
services on Kubernetes, ``meter-api`` (net/http with gorilla/mux and gorilla/handlers'
``RecoveryHandler``, database/sql over pgx's stdlib driver, go-redis) and
``settlement-worker`` (a ticker loop settling members' export payments).

Both log through zap's development config (the console encoder: tab-separated time, level,
logger name, caller and message, the fields as JSON, the stack of the log call below);
errors are wrapped with github.com/pkg/errors, so zap adds ``errorVerbose`` with the cause
and the stack where it was wrapped. Recovered handler panics go through zap's std-log bridge
with ``debug.Stack()``. Sentry: sentry-go with its net/http integration. Datadog: log
monitors only, pasting ``{{log.message}}`` samples of the multi-line events. No Splunk, no
PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import GOSRC, go, golib

# fmt: off
SDK = ("sentry.go", "0.29.1", "go:github.com/getsentry/sentry-go")
SERVICES = {
    "meter-api": Service("meter-api", "go", "gz-zap-dev-mux", "", "", "", 5520917, "go1.22.9", framework="net/http", sdk=SDK),
    "settlement-worker": Service("settlement-worker", "go", "gz-zap-dev-mux", "", "", "", 5520918, "go1.22.9", sdk=SDK),
}
MUX = "/go/pkg/mod/github.com/gorilla/mux@v1.8.1/"
HANDLERS = "/go/pkg/mod/github.com/gorilla/handlers@v1.5.2/"
HTTP = (
    golib("net/http", "(*conn).serve", GOSRC + "net/http/server.go", 2039),
    golib("net/http", "serverHandler.ServeHTTP", GOSRC + "net/http/server.go", 3142),
    golib("github.com/gorilla/handlers", "recoveryHandler.ServeHTTP", HANDLERS + "recovery.go", 80),
    golib("github.com/gorilla/mux", "(*Router).ServeHTTP", MUX + "mux.go", 212),
    golib("net/http", "HandlerFunc.ServeHTTP", GOSRC + "net/http/server.go", 2171),
)
LOOP = (
    go("github.com/ulpha/energy/internal/settle", "(*Worker).Run", "/src/internal/settle/worker.go", 52),
    go("github.com/ulpha/energy/internal/settle", "(*Worker).tick", "/src/internal/settle/worker.go", 77),
)
SQL = (golib("database/sql", "(*Row).Scan", GOSRC + "database/sql/sql.go", 3451),)
HTTPX = (
    go("github.com/ulpha/energy/internal/httpx", "(*Client).Do", "/src/internal/httpx/client.go", 58),
    golib("net/http", "(*Client).Do", GOSRC + "net/http/client.go", 590),
)


def a(pkg: str, fn: str, file: str, line: int) -> Frame:
    return go("github.com/ulpha/energy/internal/" + pkg, fn, "/src/internal/" + file, line)


def http(*frames: Frame) -> tuple[Frame, ...]:
    return (*HTTP, *frames)


def loop(*frames: Frame) -> tuple[Frame, ...]:
    return (*LOOP, *frames)


def wrapped(cause: str, msg: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    """errors.Wrapf: the cause, its message and the stack where it was wrapped."""
    full = f"{msg}: {cause}"
    return (Exc("*errors.errorString", cause), Exc("*errors.withMessage", full), Exc("*errors.withStack", full, frames))


NIL = "runtime error: invalid memory address or nil pointer dereference"
NO_ROWS = "sql: no rows in result set"
DD = {"team": "energy", "monitor": "meter-api error logs", "filter": "service:meter-api status:error", "style": "sample"}
DD_LONG = {"team": "energy", "monitor": "meter-api error logs", "filter": "service:meter-api status:error", "text": "New errors on {{log.service}} ({{log.host}}):\n\n```\n{{log.message}}\n```", "sample_lines": 10}
DD_W = {"team": "energy", "monitor": "settlement-worker errors", "filter": "service:settlement-worker status:error", "style": "sample"}
PANIC = {"format": "gz-zap-recovery"}

BUGS = [
    # Two nil dereferences recovered by gorilla's RecoveryHandler.
    Bug("gz-reading-nil", "meter-api", (Exc("runtime.Error", NIL, http(a("api", "(*Server).PostReading", "api/readings.go", 44), a("readings", "(*Validator).Check", "readings/validate.go", 31))),),
        (see("sentry.error", 3), see("sentry.error", release=2), see("datadog.log", 2, **PANIC, **DD)),
        classes=(4, 5), pair="gz-tariff-nil", entry="POST /v1/meters/{meter_id}/readings", span=3, renames={"(*Server).PostReading": "(*Server).CreateReading"}),
    Bug("gz-tariff-nil", "meter-api", (Exc("runtime.Error", NIL, http(a("api", "(*Server).GetTariff", "api/tariffs.go", 29), a("tariffs", "(*Book).Current", "tariffs/book.go", 63))),),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", **PANIC, **DD_LONG)),
        classes=(4,), pair="gz-reading-nil", entry="GET /v1/sites/{site_id}/tariff"),
    # No rows for two entities.
    Bug("gz-meter-no-rows", "meter-api", wrapped(NO_ROWS, "load meter {meter}", http(a("api", "(*Server).PostReading", "api/readings.go", 38), a("store", "(*Meters).Get", "store/meters.go", 27), *SQL)),
        (see("sentry.error", 3), see("datadog.log", 2, **DD)),
        classes=(4,), pair="gz-site-no-rows", entry="POST /v1/meters/{meter_id}/readings", log="post reading"),
    Bug("gz-site-no-rows", "settlement-worker", wrapped(NO_ROWS, "load site {id}", loop(a("settle", "(*Worker).settleSite", "settle/site.go", 41), a("store", "(*Sites).Get", "store/sites.go", 33), *SQL)),
        (see("sentry.error", 2), see("sentry.alert", rule="New issue in settlement-worker"), see("datadog.log", 2, **DD_W)),
        classes=(4,), pair="gz-meter-no-rows", entry="settlement-tick", log="settle site"),
    # The shared HTTP client under two timeouts.
    Bug("gz-export-timeout", "meter-api", wrapped('Post "https://api.gridco.example/v2/exports": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', "submit export", http(a("api", "(*Server).PostExport", "api/exports.go", 52), a("dno", "(*Client).Submit", "dno/client.go", 36), *HTTPX)),
        (see("sentry.error", 3), see("datadog.log", **DD), see("datadog.log", **DD_LONG)),
        classes=(9,), pair="gz-payout-timeout", entry="POST /v1/exports", log="submit export"),
    Bug("gz-payout-timeout", "settlement-worker", wrapped('Post "https://bank.example/openbanking/v3.1/pisp/domestic-payments": context deadline exceeded', "create payout", loop(a("settle", "(*Worker).payout", "settle/payout.go", 58), a("bank", "(*Client).Pay", "bank/client.go", 44), *HTTPX)),
        (see("sentry.error", 3), see("datadog.log", 2, **DD_W)),
        classes=(9,), pair="gz-export-timeout", entry="settlement-tick", log="payout"),
    # One insert path, two constraints.
    Bug("gz-reading-dup", "meter-api", wrapped('ERROR: duplicate key value violates unique constraint "readings_meter_id_read_at_key" (SQLSTATE 23505)', "insert reading", http(a("api", "(*Server).PostReading", "api/readings.go", 61), a("store", "(*Readings).Insert", "store/readings.go", 48))),
        (see("sentry.error", 3), see("datadog.log", 2, **DD)),
        classes=(4,), pair="gz-payout-dup", entry="POST /v1/meters/{meter_id}/readings", log="post reading"),
    Bug("gz-payout-dup", "settlement-worker", wrapped('ERROR: duplicate key value violates unique constraint "payouts_member_id_period_key" (SQLSTATE 23505)', "record payout", loop(a("settle", "(*Worker).payout", "settle/payout.go", 71), a("store", "(*Payouts).Insert", "store/payouts.go", 30))),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", **DD_W)),
        classes=(4,), pair="gz-reading-dup", entry="settlement-tick", log="payout"),
    # The reading decoder: a string where a number goes, a timestamp in the wrong layout.
    Bug("gz-decode-kwh", "meter-api", (Exc("*json.UnmarshalTypeError", "json: cannot unmarshal string into Go struct field Reading.kwh of type float64", http(a("api", "(*Server).PostReading", "api/readings.go", 33), a("api", "decodeReading", "api/decode.go", 19))),),
        (see("sentry.error", 3), see("datadog.log", 2, **DD)),
        classes=(4,), pair="gz-decode-time", entry="POST /v1/meters/{meter_id}/readings", log="decode reading"),
    Bug("gz-decode-time", "meter-api", (Exc("*time.ParseError", 'parsing time "{date} 00:00" as "2006-01-02T15:04:05Z07:00": cannot parse "{date} 00:00" as "2006"', http(a("api", "(*Server).PostReading", "api/readings.go", 33), a("api", "decodeReading", "api/decode.go", 26))),),
        (see("sentry.error", 2), see("datadog.log", 2, **DD_LONG)),
        classes=(4,), pair="gz-decode-kwh", entry="POST /v1/meters/{meter_id}/readings", log="decode reading"),
    # Not pairs.
    Bug("gz-csv-index", "settlement-worker", (Exc("runtime.Error", "runtime error: index out of range [{idx}] with length {idx}", loop(a("settle", "(*Worker).importTariffs", "settle/import.go", 88), a("tariffs", "parseRow", "tariffs/csv.go", 17))),),
        (see("sentry.error", 3), see("sentry.issue"), see("datadog.log", 2, **DD_W), see("datadog.log", format="gz-zap-recovery", **DD_W)),
        entry="settlement-tick", log="import tariffs"),
    Bug("gz-redis-pool", "meter-api", wrapped("redis: connection pool timeout", "rate limit", http(a("api", "(*Server).limit", "api/middleware.go", 24), golib("github.com/redis/go-redis/v9", "(*baseClient).getConn", "/go/pkg/mod/github.com/redis/go-redis/v9@v9.7.0/redis.go", 312))),
        (see("sentry.error", 3), see("datadog.log", 3, **DD)),
        classes=(9,), entry="GET /v1/sites/{site_id}/tariff", log="rate limit"),
    Bug("gz-weather-429", "settlement-worker", wrapped("forecast: unexpected status 429 Too Many Requests", "fetch irradiance", loop(a("settle", "(*Worker).forecast", "settle/forecast.go", 35), a("weather", "(*Client).Irradiance", "weather/client.go", 62), *HTTPX)),
        (see("sentry.error", 3), see("datadog.log", 2, **DD_W)),
        classes=(9,), entry="settlement-tick", log="forecast"),
    Bug("gz-report-canceled", "meter-api", wrapped("context canceled", "stream report", http(a("api", "(*Server).ExportCSV", "api/reports.go", 71), a("reports", "(*Writer).Stream", "reports/csv.go", 40))),
        (see("sentry.error", 3), see("datadog.log", **DD)),
        span=2, entry="GET /v1/reports/{site_id}.csv", log="export csv"),
    Bug("gz-tls-expired", "settlement-worker", wrapped('Get "https://mdm.ulpha.example/v1/members": tls: failed to verify certificate: x509: certificate has expired or is not yet valid: current time 2026-03-09T02:00:14Z is after 2026-03-08T23:59:59Z', "sync members", loop(a("members", "(*Sync).Run", "members/sync.go", 29), *HTTPX)),
        (see("sentry.error"),),
        singleton=True, entry="settlement-tick", log="sync members"),
]

NOISE = [
    Noise("gz-noise-deploy", "meter-api", "datadog.event", {"monitor": "Deployed meter-api v1.14.0", "text": "Argo CD synced meter-api to v1.14.0 (2/2 pods healthy).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "energy"}),
    Noise("gz-noise-recovered", "settlement-worker", "datadog.log", {"monitor": "settlement-worker errors", "transition": "Recovered", "alert_type": "success", "team": "energy", "filter": "service:settlement-worker status:error", "text": "settlement-worker errors back to zero."}),
    Noise("gz-noise-heartbeat", "meter-api", "datadog.event", {"monitor": "meter-api heartbeat", "text": "meter-api check_run http.can_connect OK on meter-api.ulpha.example:443", "priority": "P5", "event_type": "service_check", "alert_type": "success", "team": "energy"}),
]

ULPHA = Company(
    key="gz",
    name="Ulpha Community Energy",
    domain="ulpha.example",
    sentry_org="ulpha",
    splunk_url="",
    splunk_guid="",
    datadog_org=("662091", "Ulpha Community Energy"),
    datadog_template="custom",
    posthog_project=(0, ""),
    releases=("v1.13.2", "v1.14.0", "v1.14.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="ulpha-sentry-client-secret",
)
# fmt: on
