"""(ik) Kinniside Bikes, a city bike-share: a Go 1.22 service on net/http alone (``dock-api``:
Go 1.22's ``ServeMux`` method patterns, ``database/sql`` with lib/pq, a lock controller on the
docks over HTTP) and a rebalancing loop (``rebalancer``: every two minutes it reads the demand
forecast and plans the vans' routes), on Kubernetes.

Logs: Go's standard ``log`` package with ``log.LstdFlags | log.Lshortfile`` (``ik-stdlog``:
``2026/03/05 10:11:12 handler.go:42: message``, the handlers' ``log.Printf("...: %v", err)``,
net/http's ``http: panic serving <addr>: ...`` with the goroutine dump after sentry-go's
handler re-panics, the rebalancer's re-panic after ``sentry.Recover`` (``panic: ...
[recovered]``) and the runtime's ``fatal error: concurrent map writes``), read only through
Datadog log monitors pasting ``{{log.message}}``. Sentry: sentry-go with ``sentryhttp``
(``Repanic: true``) and ``CaptureException`` on handled errors. No Splunk, no PostHog, no APM.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import go, golib

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "dock-api": Service("dock-api", "go", "ik-stdlog", "", "", "", 8030301, "go1.22.10", framework="http"),
    "rebalancer": Service("rebalancer", "go", "ik-stdlog", "", "", "", 8030302, "go1.22.10"),
}
GOSRC = "/usr/local/go/src/"
SHTTP = "/go/pkg/mod/github.com/getsentry/sentry-go@v0.30.0/http/"
PQ = "/go/pkg/mod/github.com/lib/pq@v1.10.9/"
MOD = "kinniside.example/bikes/"
SIGPANIC = golib("runtime", "sigpanic", GOSRC + "runtime/signal_unix.go", 917)
BOUNDS = golib("runtime", "goPanicIndex", GOSRC + "runtime/panic.go", 115)
NIL = "runtime error: invalid memory address or nil pointer dereference"
NOROWS = "sql: no rows in result set"


def app(pkg: str, function: str, file: str, line: int) -> Frame:
    return go(MOD + pkg, function, f"/src/bikes/{pkg}/{file}", line)


def route(handler: str, file: str, line: int) -> tuple[Frame, ...]:
    """A request through net/http, sentryhttp and Go 1.22's ServeMux to the handler."""
    return (
        golib("net/http", "(*conn).serve", GOSRC + "net/http/server.go", 2092),
        golib("net/http", "serverHandler.ServeHTTP", GOSRC + "net/http/server.go", 3142),
        golib("github.com/getsentry/sentry-go/http", "(*Handler).Handle.(*Handler).handle.func1", SHTTP + "sentryhttp.go", 119),
        golib("net/http", "HandlerFunc.ServeHTTP", GOSRC + "net/http/server.go", 2171),
        golib("net/http", "(*ServeMux).ServeHTTP", GOSRC + "net/http/server.go", 2688),
        golib("net/http", "HandlerFunc.ServeHTTP", GOSRC + "net/http/server.go", 2171),
        app("internal/api", f"(*Server).{handler}", file, line),
    )


LOOP = (
    golib("runtime", "goexit", GOSRC + "runtime/asm_amd64.s", 1700),
    app("cmd/rebalancer", "main", "main.go", 58),
    app("internal/rebalance", "(*Loop).Run", "loop.go", 41),
    app("internal/rebalance", "(*Loop).tick", "loop.go", 66),
)
QUERYROW = (
    golib("database/sql", "(*Row).Scan", GOSRC + "database/sql/sql.go", 3496),
)
EXEC = (
    golib("database/sql", "(*DB).ExecContext", GOSRC + "database/sql/sql.go", 1720),
    golib("github.com/lib/pq", "(*conn).Exec", PQ + "conn.go", 893),
)
LOCKDO = app("internal/lockctl", "(*Client).do", "client.go", 71)


def unique(constraint: str) -> str:
    return f'pq: duplicate key value violates unique constraint "{constraint}"'


PANICMON = dict(team="bikes", monitor="[dock-api] handler panics", filter='service:dock-api "http: panic serving"', text="dock-api recovered a panic on {{log.host}}:\n\n```\n{{log.message}}\n```", sample_lines=12, kind="panic")
PANIC1 = dict(team="bikes", monitor="[dock-api] handler panics (line)", filter='service:dock-api "http: panic serving"', text="{{log.message}}", sample_lines=1, kind="panic")
ERRMON = dict(team="bikes", monitor="[dock-api] error lines", filter="service:dock-api status:error", text="dock-api logged:\n\n```\n{{log.message}}\n```\n\nhost: {{log.host}}", sample_lines=1)
REBAL = dict(team="bikes", monitor="[rebalancer] errors", filter="service:rebalancer status:error", text="```\n{{log.message}}\n```", sample_lines=1)
CRASH = dict(team="bikes", monitor="[rebalancer] crashed", filter='service:rebalancer ("panic:" OR "fatal error:")', text="rebalancer exited:\n\n```\n{{log.message}}\n```", sample_lines=10, kind="crash")
FATAL = dict(team="bikes", monitor="[dock-api] crashed", filter='service:dock-api "fatal error:"', text="dock-api exited:\n\n```\n{{log.message}}\n```", sample_lines=10, kind="fatal")

BUGS = [
    # Nil dereferences in two handlers, re-panicked by sentryhttp and logged by net/http.
    Bug("ik-dock-nil", "dock-api", (Exc("runtime.errorString", NIL, (*route("GetDock", "docks.go", 38), app("internal/docks", "(*Dock).Available", "dock.go", 27), SIGPANIC)),),
        (see("sentry.error", 3), see("sentry.issue"), see("datadog.log", 2, **PANICMON), see("datadog.log", **PANIC1)),
        classes=(4,), pair="ik-ride-nil", entry="GET /v1/docks/{id}", span=2, renames={"(*Dock).Available": "(*Dock).FreeSlots"}),
    Bug("ik-ride-nil", "dock-api", (Exc("runtime.errorString", NIL, (*route("EndRide", "rides.go", 64), app("internal/rides", "fareFor", "fare.go", 19), SIGPANIC)),),
        (see("sentry.error", 2), see("datadog.log", 2, **PANICMON)),
        classes=(4,), pair="ik-dock-nil", entry="POST /v1/rides/{id}/end"),
    # The same index panic in a handler and in the rebalancer's loop.
    Bug("ik-station-index", "dock-api", (Exc("runtime.boundsError", "runtime error: index out of range [0] with length 0", (*route("StationStatus", "stations.go", 52), app("internal/stations", "latestReading", "status.go", 33), BOUNDS)),),
        (see("sentry.error", 2), see("datadog.log", 2, **PANICMON), see("datadog.log", **PANIC1)),
        classes=(4,), pair="ik-van-index", entry="GET /v1/stations/{id}/status"),
    Bug("ik-van-index", "rebalancer", (Exc("runtime.boundsError", "runtime error: index out of range [0] with length 0", (*LOOP, app("internal/rebalance", "assignVans", "plan.go", 88), BOUNDS)),),
        (see("sentry.error", 2), see("datadog.log", 2, **CRASH)),
        classes=(4,), pair="ik-station-index", entry="rebalance.tick", span=2),
    # Unique violations on two tables through database/sql and lib/pq.
    Bug("ik-dup-open-ride", "dock-api", (Exc("*pq.Error", unique("rides_bike_id_open_key"), ()),
                                         Exc("*fmt.wrapError", "start ride: " + unique("rides_bike_id_open_key"), (*route("StartRide", "rides.go", 31), app("internal/store", "(*Rides).Start", "rides.go", 44), *EXEC))),
        (see("sentry.error", 3), see("datadog.log", 2, **ERRMON)),
        classes=(4, 9), pair="ik-dup-reservation", log="start ride for bike {id}", entry="POST /v1/rides"),
    Bug("ik-dup-reservation", "dock-api", (Exc("*pq.Error", unique("reservations_member_id_key"), ()),
                                           Exc("*fmt.wrapError", "reserve: " + unique("reservations_member_id_key"), (*route("Reserve", "reservations.go", 27), app("internal/store", "(*Reservations).Create", "reservations.go", 39), *EXEC))),
        (see("sentry.error", 2), see("datadog.log", 3, **ERRMON)),
        classes=(4, 9), pair="ik-dup-open-ride", log="reserve dock {id} for member {user}", entry="POST /v1/reservations"),
    # Two failures ending in the lock controller client's do().
    Bug("ik-unlock-deadline", "dock-api", (Exc("context.deadlineExceededError", "context deadline exceeded", ()),
                                           Exc("*url.Error", 'Post "http://lockctl.bikes.svc:8081/v1/locks/{id}/unlock": context deadline exceeded', (*route("StartRide", "rides.go", 39), app("internal/lockctl", "(*Client).Unlock", "client.go", 33), LOCKDO, golib("net/http", "(*Client).Do", GOSRC + "net/http/client.go", 590)))),
        (see("sentry.error", 3), see("datadog.log", 2, **ERRMON)),
        classes=(9, 7), pair="ik-lock-status-409", log="unlock bike {id}", entry="POST /v1/rides"),
    Bug("ik-lock-status-409", "dock-api", (Exc("*errors.errorString", "lockctl: unexpected status 409 Conflict: lock {n} is jammed", (*route("EndRide", "rides.go", 49), app("internal/lockctl", "(*Client).Lock", "client.go", 45), LOCKDO)),),
        (see("sentry.error", 2), see("datadog.log", 2, **ERRMON)),
        classes=(9,), pair="ik-unlock-deadline", log="lock bike {id} at dock", entry="POST /v1/rides/{id}/end", span=2),
    # The same sql.ErrNoRows behind two lookups.
    Bug("ik-member-norows", "dock-api", (Exc("*errors.errorString", NOROWS, ()),
                                         Exc("*fmt.wrapError", "load member {user}: " + NOROWS, (*route("Reserve", "reservations.go", 21), app("internal/store", "(*Members).Get", "members.go", 29), *QUERYROW))),
        (see("sentry.error", 2), see("datadog.log", 2, **ERRMON)),
        classes=(4,), pair="ik-station-norows", log="reserve", entry="POST /v1/reservations"),
    Bug("ik-station-norows", "rebalancer", (Exc("*errors.errorString", NOROWS, ()),
                                            Exc("*fmt.wrapError", "load station {n}: " + NOROWS, (*LOOP, app("internal/store", "(*Stations).Get", "stations.go", 35), *QUERYROW))),
        (see("sentry.error", 3), see("datadog.log", 2, caller="loop.go:69", **REBAL)),
        classes=(4,), pair="ik-member-norows", log="tick", entry="rebalance.tick"),
    # Two rebalancer failures under one monitor.
    Bug("ik-forecast-refused", "rebalancer", (Exc("*net.OpError", "dial tcp {ip}:8080: connect: connection refused", ()),
                                              Exc("*url.Error", 'Get "http://demand-forecast.bikes.svc:8080/v1/forecast?zone={zone}": dial tcp {ip}:8080: connect: connection refused', (*LOOP, app("internal/forecast", "(*Client).Zone", "client.go", 52), golib("net/http", "(*Client).Get", GOSRC + "net/http/client.go", 487)))),
        (see("sentry.error", 2), see("datadog.log", 3, caller="loop.go:69", **REBAL)),
        classes=(2, 7), pair="ik-plan-unmarshal", log="tick: fetch demand", entry="rebalance.tick"),
    Bug("ik-plan-unmarshal", "rebalancer", (Exc("*json.UnmarshalTypeError", "json: cannot unmarshal string into Go struct field Station.stations.capacity of type int", (*LOOP, app("internal/rebalance", "loadStations", "plan.go", 31), golib("encoding/json", "(*Decoder).Decode", GOSRC + "encoding/json/stream.go", 63))),),
        (see("sentry.error", 3), see("datadog.log", 2, caller="loop.go:69", **REBAL)),
        classes=(2,), pair="ik-forecast-refused", log="tick: plan trucks", entry="rebalance.tick"),
    # Not pairs.
    Bug("ik-concurrent-map", "dock-api", (Exc("fatal error", "concurrent map writes", (*route("Heartbeat", "docks.go", 88), app("internal/docks", "(*Registry).Touch", "registry.go", 22), golib("runtime", "mapassign_faststr", GOSRC + "runtime/map_faststr.go", 224), golib("runtime", "fatal", GOSRC + "runtime/panic.go", 1023))),),
        (see("datadog.log", 3, **FATAL),),
        classes=(1,), entry="POST /v1/docks/{id}/heartbeat"),
    Bug("ik-weather-x509", "rebalancer", (Exc("*tls.CertificateVerificationError", "tls: failed to verify certificate: x509: certificate signed by unknown authority", ()),
                                          Exc("*url.Error", 'Get "https://api.met-weather.example/v2/hourly?lat=54.6&lon=-3.5": tls: failed to verify certificate: x509: certificate signed by unknown authority', (*LOOP, app("internal/weather", "(*Client).Hourly", "client.go", 29), golib("net/http", "(*Client).Get", GOSRC + "net/http/client.go", 487)))),
        (see("sentry.error", 2), see("datadog.log", 3, caller="loop.go:62", **REBAL)),
        log="tick: weather", entry="rebalance.tick"),
    Bug("ik-write-broken-pipe", "dock-api", (Exc("*net.OpError", "write tcp {ip}:8080->{ip2}:{port}: write: broken pipe", (*route("ExportTrips", "exports.go", 58), golib("encoding/csv", "(*Writer).Flush", GOSRC + "encoding/csv/writer.go", 124))),),
        (see("sentry.error", 2), see("datadog.log", 2, **ERRMON)),
        classes=(7,), log="export trips", entry="GET /v1/exports/trips.csv"),
    Bug("ik-singleton-divzero", "dock-api", (Exc("runtime.errorString", "runtime error: integer divide by zero", (*route("Utilisation", "stations.go", 97), app("internal/stations", "utilisation", "stats.go", 14), golib("runtime", "panicdivide", GOSRC + "runtime/panic.go", 245))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /v1/stations/{id}/utilisation"),
]

NOISE = [
    Noise("ik-noise-deploy", "dock-api", "datadog.event", {"monitor": "Deployed dock-api", "text": "dock-api v1.42.0 rolled out (3/3 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "bikes"}),
    Noise("ik-noise-recovered", "rebalancer", "datadog.log", {"monitor": "[rebalancer] errors", "transition": "Recovered", "alert_type": "success", "team": "bikes", "filter": "service:rebalancer status:error", "text": "rebalancer errors recovered."}),
    Noise("ik-noise-listening", "dock-api", "datadog.event", {"monitor": "dock-api restarted", "text": "2026/03/06 04:00:12 main.go:71: listening on :8080", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "bikes"}),
]

KINNISIDE = Company(
    key="ik",
    name="Kinniside Bikes",
    domain="kinniside-bikes.example",
    sentry_org="kinniside",
    splunk_url="",
    splunk_guid="",
    datadog_org=("803030", "Kinniside Bikes"),
    datadog_template="recommended",
    posthog_project=(80303, "Kinniside"),
    releases=("v1.41.3", "v1.42.0", "v1.42.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="kinniside-sentry-client-secret",
)
# fmt: on
