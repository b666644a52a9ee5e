"""(je) Kirkhaugh Cycles, a city bike-share: a Go 1.22 Gin API (``rides-api``: stations,
bikes, rentals, memberships, fares; GORM on Postgres through the pgx driver) and a Go worker
(``fleet-worker``: rebalancing, battery telemetry, nightly fare settlement).

Logs: logrus' ``JSONFormatter`` with ``ReportCaller`` (``error``, ``msg``, ``func``, ``file``
and the request's fields), read by the Datadog Agent (``je-logrus``). Sentry: sentry-go with
sentrygin (recovered panics, ``CaptureException`` in the error middleware; ``fmt.Errorf``
chains). Datadog: log monitors over the logrus attributes. No Splunk, no PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import GOSRC, go, golib

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.go", "0.27.0", "go:github.com/getsentry/sentry-go")
SERVICES = {
    "rides-api": Service("rides-api", "go", "je-logrus", "", "", "", 8871401, "go go1.22.4", framework="gin", sdk=SDK),
    "fleet-worker": Service("fleet-worker", "go", "je-logrus", "", "", "", 8871402, "go go1.22.4", sdk=SDK),
}

GIN = "/go/pkg/mod/github.com/gin-gonic/gin@v1.9.1/"
SENTRYGIN = "/go/pkg/mod/github.com/getsentry/sentry-go/gin@v0.27.0/"
GORM = "/go/pkg/mod/gorm.io/gorm@v1.25.10/"
MOD = "github.com/kirkhaugh/rides/"
GIN_HTTP = (
    golib("net/http", "(*conn).serve", GOSRC + "net/http/server.go", 2039),
    golib("net/http", "serverHandler.ServeHTTP", GOSRC + "net/http/server.go", 3142),
    golib("github.com/gin-gonic/gin", "(*Engine).ServeHTTP", GIN + "gin.go", 576),
    golib("github.com/gin-gonic/gin", "(*Engine).handleHTTPRequest", GIN + "gin.go", 620),
    golib("github.com/gin-gonic/gin", "(*Context).Next", GIN + "context.go", 174),
    golib("github.com/gin-gonic/gin", "CustomRecoveryWithWriter.func1", GIN + "recovery.go", 102),
    golib("github.com/gin-gonic/gin", "(*Context).Next", GIN + "context.go", 174),
    golib("github.com/getsentry/sentry-go/gin", "(*handler).handle", SENTRYGIN + "sentrygin.go", 73),
    golib("github.com/gin-gonic/gin", "(*Context).Next", GIN + "context.go", 174),
)
SIGPANIC = golib("runtime", "sigpanic", GOSRC + "runtime/signal_unix.go", 917)
BOUNDS = golib("runtime", "goPanicIndex", GOSRC + "runtime/panic.go", 115)
NIL = "runtime error: invalid memory address or nil pointer dereference"
NOTFOUND = "record not found"
GORM_FIRST = (golib("gorm.io/gorm", "(*DB).First", GORM + "finisher_api.go", 129), golib("gorm.io/gorm", "(*processor).Execute", GORM + "callbacks.go", 130))
GORM_CREATE = (golib("gorm.io/gorm", "(*DB).Create", GORM + "finisher_api.go", 24), golib("gorm.io/gorm", "(*processor).Execute", GORM + "callbacks.go", 130))
WORKER = (
    golib("runtime", "goexit", GOSRC + "runtime/asm_amd64.s", 1695),
    go(MOD + "internal/worker", "(*Runner).loop", "/app/internal/worker/runner.go", 64),
)


def app(pkg: str, function: str, file: str, line: int) -> Frame:
    return go(MOD + pkg, function, f"/app/{pkg}/{file}", line)


def handler(name: str, method: str, file: str, line: int) -> tuple[Frame, ...]:
    return (*GIN_HTTP, app("internal/http", f"(*{name}).{method}", file, line))


def unique(constraint: str) -> str:
    return f'ERROR: duplicate key value violates unique constraint "{constraint}" (SQLSTATE 23505)'


def wrapped(cause: Exc, prefix: str, frames: tuple[Frame, ...]) -> tuple[Exc, Exc]:
    """``fmt.Errorf("<prefix>: %w", err)``: sentry-go lists the cause, then the wrapper with the
    capture's stack."""
    return cause, Exc("*fmt.wrapError", f"{prefix}: {cause.value}", frames)


PG = Exc("*pgconn.PgError", "", ())
LOG = dict(team="rides", monitor="[rides-api] error logs", filter="service:rides-api status:error", text="{{log.attributes.msg}}\n\nerror: `{{log.attributes.error}}`\ncaller: {{log.attributes.func}} ({{log.attributes.file}})\nroute: {{log.attributes.method}} {{log.attributes.path}}")
LOG_ERR = dict(team="rides", monitor="[rides-api] 5xx errors", filter="service:rides-api status:error @status:>=500", style="error")
FLEET = dict(team="rides", monitor="[fleet-worker] job errors", filter="service:fleet-worker status:error", text="fleet-worker: {{log.attributes.msg}} ({{log.attributes.job}})\n{{log.attributes.error}}")
DB_MON = dict(team="rides", monitor="[rides] database errors", filter="service:(rides-api OR fleet-worker) status:error @error:*SQLSTATE*", text="{{log.attributes.error}}\n{{log.attributes.func}}")

BUGS = [
    # A nil dereference in two handlers: the same runtime error at two code locations.
    Bug("je-dock-nil", "rides-api", (Exc("runtime.errorString", NIL, (*handler("StationHandler", "Get", "stations.go", 58), app("internal/stations", "(*Service).withDocks", "service.go", 91), SIGPANIC)),),
        (see("sentry.error", 3), see("sentry.issue"), see("datadog.log", **LOG, msg="panic recovered", http_status=500)),
        classes=(4, 5), pair="je-rider-nil", entry="GET /v1/stations/{station_id}", span=2, renames={"(*Service).withDocks": "(*Service).loadDocks"}, log="panic recovered"),
    Bug("je-rider-nil", "rides-api", (Exc("runtime.errorString", NIL, (*handler("RentalHandler", "Start", "rentals.go", 44), app("internal/rentals", "(*Service).riderPlan", "service.go", 122), SIGPANIC)),),
        (see("sentry.error", 3), see("datadog.log", 2, **LOG, msg="panic recovered", http_status=500)),
        classes=(4,), pair="je-dock-nil", entry="POST /v1/rentals", log="panic recovered"),
    # Duplicate keys on two tables through GORM's Create.
    Bug("je-dup-rental", "rides-api", wrapped(Exc("*pgconn.PgError", unique("rentals_bike_id_open_key"), ()), "create rental", (*handler("RentalHandler", "Start", "rentals.go", 61), app("internal/rentals", "(*Repo).Create", "repo.go", 37), *GORM_CREATE)),
        (see("sentry.error", 3), see("datadog.log", **LOG, http_status=409), see("datadog.log", **DB_MON)),
        classes=(4,), pair="je-dup-membership", entry="POST /v1/rentals", log="start rental failed"),
    Bug("je-dup-membership", "rides-api", wrapped(Exc("*pgconn.PgError", unique("memberships_rider_id_plan_id_key"), ()), "create membership", (*handler("MembershipHandler", "Create", "memberships.go", 33), app("internal/memberships", "(*Repo).Create", "repo.go", 29), *GORM_CREATE)),
        (see("sentry.error", 2), see("datadog.log", 2, **LOG, http_status=409), see("datadog.log", **DB_MON)),
        classes=(4,), pair="je-dup-rental", entry="POST /v1/memberships", log="create membership failed"),
    # gorm.ErrRecordNotFound behind two lookups.
    Bug("je-station-notfound", "rides-api", wrapped(Exc("*errors.errorString", NOTFOUND, ()), "load station {n}", (*handler("StationHandler", "Get", "stations.go", 41), app("internal/stations", "(*Repo).ByID", "repo.go", 22), *GORM_FIRST)),
        (see("sentry.error", 3), see("datadog.log", 2, **LOG, http_status=500)),
        classes=(4,), pair="je-bike-notfound", entry="GET /v1/stations/{station_id}", log="get station failed"),
    Bug("je-bike-notfound", "fleet-worker", wrapped(Exc("*errors.errorString", NOTFOUND, ()), "load bike {n}", (*WORKER, app("internal/telemetry", "(*Ingest).Battery", "battery.go", 48), app("internal/bikes", "(*Repo).ByFrame", "repo.go", 31), *GORM_FIRST)),
        (see("sentry.error", 2), see("datadog.log", 2, **FLEET)),
        classes=(4,), pair="je-station-notfound", entry="telemetry.battery", log="battery reading dropped"),
    # One fare function, two errors: a parse error and an index panic.
    Bug("je-fare-parse", "rides-api", (Exc("*strconv.NumError", 'strconv.ParseFloat: parsing "{n},{idx}": invalid syntax', (*handler("FareHandler", "Quote", "fares.go", 29), app("internal/fares", "(*Table).Price", "table.go", 66), golib("strconv", "ParseFloat", GOSRC + "strconv/atof.go", 689))),),
        (see("sentry.error", 2), see("datadog.log", 2, **LOG, http_status=500), see("datadog.log", **LOG_ERR)),
        classes=(4,), pair="je-fare-index", entry="GET /v1/fares/quote", log="fare quote failed"),
    Bug("je-fare-index", "rides-api", (Exc("runtime.boundsError", "runtime error: index out of range [4] with length 4", (*handler("FareHandler", "Quote", "fares.go", 29), app("internal/fares", "(*Table).Price", "table.go", 74), BOUNDS)),),
        (see("sentry.error", 3), see("datadog.log", **LOG, msg="panic recovered", http_status=500)),
        classes=(4,), pair="je-fare-parse", entry="GET /v1/fares/quote", log="panic recovered"),
    # Payments and the dock's unlock command timing out through one client helper.
    Bug("je-pay-deadline", "rides-api", (Exc("context.deadlineExceededError", "context deadline exceeded", ()), Exc("*url.Error", 'Post "https://api.payments.example/v1/charges": context deadline exceeded', (*handler("RentalHandler", "End", "rentals.go", 97), app("internal/payments", "(*Client).Charge", "client.go", 52), app("internal/httpx", "(*Client).Do", "client.go", 38), golib("net/http", "(*Client).Do", GOSRC + "net/http/client.go", 590)))),
        (see("sentry.error", 3), see("datadog.log", 2, **LOG, http_status=502)),
        classes=(4, 9), pair="je-unlock-deadline", entry="POST /v1/rentals/{rental_id}/end", log="charge rental failed"),
    Bug("je-unlock-deadline", "rides-api", (Exc("context.deadlineExceededError", "context deadline exceeded", ()), Exc("*url.Error", 'Post "https://docks.kirkhaugh.internal/v1/docks/{n}/unlock": context deadline exceeded', (*handler("RentalHandler", "Start", "rentals.go", 72), app("internal/docks", "(*Client).Unlock", "client.go", 27), app("internal/httpx", "(*Client).Do", "client.go", 38), golib("net/http", "(*Client).Do", GOSRC + "net/http/client.go", 590)))),
        (see("sentry.error", 2), see("datadog.log", 2, **LOG, http_status=504), see("datadog.log", **LOG_ERR)),
        classes=(4, 9), pair="je-pay-deadline", entry="POST /v1/rentals", log="unlock dock failed"),
    # Two worker failures under one monitor: the rebalancer's map and the settlement's division.
    Bug("je-rebalance-nilmap", "fleet-worker", (Exc("runtime.plainError", "assignment to entry in nil map", (*WORKER, app("internal/rebalance", "(*Planner).Plan", "planner.go", 83), app("internal/rebalance", "(*Planner).assign", "planner.go", 117), golib("runtime", "mapassign_faststr", GOSRC + "runtime/map_faststr.go", 223))),),
        (see("sentry.error", 3), see("datadog.log", 2, **FLEET, msg="job panicked")),
        classes=(2,), pair="je-settle-divzero", entry="rebalance.plan", log="job panicked"),
    Bug("je-settle-divzero", "fleet-worker", (Exc("runtime.Error", "runtime error: integer divide by zero", (*WORKER, app("internal/settlement", "(*Run).Execute", "run.go", 55), app("internal/settlement", "perMinute", "fares.go", 19), golib("runtime", "panicdivide", GOSRC + "runtime/panic.go", 191))),),
        (see("sentry.error", 2), see("datadog.log", 2, **FLEET, msg="job panicked")),
        classes=(2,), pair="je-rebalance-nilmap", entry="settlement.nightly", log="job panicked"),
    # A JSON body the old app version still sends: a number where a string is expected.
    Bug("je-bind-json", "rides-api", (Exc("*json.UnmarshalTypeError", "json: cannot unmarshal number into Go struct field StartRentalRequest.dock_id of type string", (*handler("RentalHandler", "Start", "rentals.go", 36), golib("github.com/gin-gonic/gin", "(*Context).ShouldBindJSON", GIN + "context.go", 767), golib("encoding/json", "(*decodeState).unmarshal", GOSRC + "encoding/json/decode.go", 180))),),
        (see("sentry.error", 3), see("datadog.log", 2, **LOG, http_status=400)),
        classes=(5,), entry="POST /v1/rentals", span=2, log="bad start rental request"),
    # The database refusing connections, logged with the error's text; Sentry sees the handler.
    Bug("je-db-refused", "rides-api", wrapped(Exc("*pgconn.ConnectError", 'failed to connect to `user=rides database=rides`: 10.40.2.15:5432 (pg-primary.kirkhaugh.internal): dial error: dial tcp 10.40.2.15:5432: connect: connection refused', ()), "list stations", (*handler("StationHandler", "List", "stations.go", 23), app("internal/stations", "(*Repo).Nearby", "repo.go", 48), golib("gorm.io/gorm", "(*DB).Find", GORM + "finisher_api.go", 170))),
        (see("sentry.error", 2), see("datadog.log", 2, **LOG, http_status=503), see("datadog.log", **DB_MON)),
        classes=(10,), entry="GET /v1/stations", log="list stations failed"),
    # Seen once: a closed channel in the telemetry fan-out.
    Bug("je-closed-channel", "fleet-worker", (Exc("runtime.plainError", "send on closed channel", (*WORKER, app("internal/telemetry", "(*Fanout).Publish", "fanout.go", 71), golib("runtime", "chansend1", GOSRC + "runtime/chan.go", 145))),),
        (see("sentry.error", 1),), entry="telemetry.fanout", singleton=True),
]

NOISE = [
    Noise("je-noise-deploy", "rides-api", "datadog.event", {"monitor": "Deployed rides-api", "text": "rides-api v1.31.0 rolled out (3/3 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "rides"}),
    Noise("je-noise-recovered", "fleet-worker", "datadog.log", {"monitor": "[fleet-worker] job errors", "transition": "Recovered", "alert_type": "success", "team": "rides", "filter": "service:fleet-worker status:error", "text": "fleet-worker job errors recovered."}),
]

KIRKHAUGH = Company(
    key="je",
    name="Kirkhaugh Cycles",
    domain="kirkhaugh-cycles.example",
    sentry_org="kirkhaugh",
    splunk_url="",
    splunk_guid="",
    datadog_org=("872114", "Kirkhaugh Cycles"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("1.30.0", "1.30.1", "1.31.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="kirkhaugh-sentry-client-secret",
)
# fmt: on
