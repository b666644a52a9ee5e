"""(hi) Isel Lockers, parcel lockers at stations and supermarkets: a Go 1.22 Gin API
(``locker-api``: gin with sentrygin, database/sql over pgx's stdlib driver, go-redis, an
HTTP client to the carriers) and a background worker in the same binary (``locker-worker``:
a ticker loop expiring reservations and pushing door events to carriers).

Both log with logrus' ``TextFormatter`` (no terminal: ``time="…" level=error msg="…"
error="…"`` and the fields sorted): the team's Gin error middleware logs ``c.Errors.Last()``
after each handler with method, path, status, request id, client IP and latency; the worker
logs its job and attempt. Handler panics reach gin's own ``Recovery`` middleware, which
prints the request and ``file:line (0xpc)`` stack lines (no source in the distroless image).
Errors are wrapped with ``fmt.Errorf("...: %w", err)``. Sentry: sentry-go with sentrygin
(``Repanic``) and ``sentry.CaptureException`` in the worker. Datadog: log monitors only,
pasting ``{{log.message}}`` samples. No Splunk, no PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import GOSRC, go, golib

# fmt: off
SDK = ("sentry.go", "0.29.1", "go:github.com/getsentry/sentry-go")
SERVICES = {
    "locker-api": Service("locker-api", "go", "hi-logrus-gin", "", "", "", 6031207, "go1.22.8", framework="gin", sdk=SDK),
    "locker-worker": Service("locker-worker", "go", "hi-logrus-gin", "", "", "", 6031208, "go1.22.8", sdk=SDK),
}
GIN = "/go/pkg/mod/github.com/gin-gonic/gin@v1.10.0/"
SGIN = "/go/pkg/mod/github.com/getsentry/sentry-go/gin@v0.29.1/"
HTTP = (
    golib("net/http", "(*conn).serve", GOSRC + "net/http/server.go", 2039),
    golib("net/http", "serverHandler.ServeHTTP", GOSRC + "net/http/server.go", 3142),
    golib("github.com/gin-gonic/gin", "(*Engine).ServeHTTP", GIN + "gin.go", 589),
    golib("github.com/gin-gonic/gin", "(*Engine).handleHTTPRequest", GIN + "gin.go", 633),
    golib("github.com/gin-gonic/gin", "(*Context).Next", GIN + "context.go", 185),
    golib("github.com/gin-gonic/gin", "CustomRecoveryWithWriter.func1", GIN + "recovery.go", 102),
    golib("github.com/gin-gonic/gin", "(*Context).Next", GIN + "context.go", 185),
    golib("github.com/getsentry/sentry-go/gin", "(*handler).handle", SGIN + "sentrygin.go", 91),
    golib("github.com/gin-gonic/gin", "(*Context).Next", GIN + "context.go", 185),
)
LOOP = (
    go("github.com/isel/lockers/internal/worker", "(*Runner).Run", "/src/internal/worker/runner.go", 61),
    go("github.com/isel/lockers/internal/worker", "(*Runner).runJob", "/src/internal/worker/runner.go", 94),
)
SQL = (golib("database/sql", "(*Row).Scan", GOSRC + "database/sql/sql.go", 3451),)
CARRIER = (
    go("github.com/isel/lockers/internal/carrier", "(*Client).post", "/src/internal/carrier/client.go", 77),
    golib("net/http", "(*Client).Do", GOSRC + "net/http/client.go", 590),
)


def a(pkg: str, fn: str, file: str, line: int) -> Frame:
    return go("github.com/isel/lockers/internal/" + pkg, fn, "/src/internal/" + file, line)


def http(*frames: Frame) -> tuple[Frame, ...]:
    return (*HTTP, *frames)


def loop(*frames: Frame) -> tuple[Frame, ...]:
    return (*LOOP, *frames)


def wrapped(cause: str, cause_type: str, msg: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    """fmt.Errorf("msg: %w", err): sentry-go reports the chain, cause first; the stack is
    where CaptureException ran (sentrygin's recover or the worker's report)."""
    return (Exc(cause_type, cause), Exc("*fmt.wrapError", f"{msg}: {cause}", frames))


NIL = "runtime error: invalid memory address or nil pointer dereference"
NO_ROWS = "sql: no rows in result set"
DD = {"team": "lockers", "monitor": "locker-api error logs", "filter": "service:locker-api status:error", "style": "sample"}
DD_LONG = {"team": "lockers", "monitor": "locker-api error logs", "filter": "service:locker-api status:error", "text": "Errors on {{log.service}} ({{host.name}}):\n\n```\n{{log.message}}\n```", "sample_lines": 14}
DD_W = {"team": "lockers", "monitor": "locker-worker failures", "filter": "service:locker-worker status:error", "style": "sample"}
PANIC = {"format": "hi-gin-recovery"}

BUGS = [
    # Two nil dereferences recovered by gin.Recovery, same message, different handlers.
    Bug("hi-drop-nil-locker", "locker-api", (Exc("runtime.Error", NIL, http(a("api", "(*Handler).CreateDrop", "api/drops.go", 48), a("lockers", "(*Allocator).Pick", "lockers/allocate.go", 36))),),
        (see("sentry.error", 3), see("sentry.error", release=2), see("datadog.log", **PANIC, **DD), see("datadog.log", **PANIC, **DD_LONG)),
        classes=(4, 5), pair="hi-pickup-nil-locker", entry="POST /v1/drops", span=3, renames={"(*Handler).CreateDrop": "(*Handler).PostDrop"}),
    Bug("hi-pickup-nil-locker", "locker-api", (Exc("runtime.Error", NIL, http(a("api", "(*Handler).Pickup", "api/pickups.go", 31), a("lockers", "(*Door).Open", "lockers/door.go", 58))),),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", **PANIC, **DD_LONG)),
        classes=(4,), pair="hi-drop-nil-locker", entry="POST /v1/pickups/{code}"),
    # sql: no rows for two entities, one in a handler and one in the worker.
    Bug("hi-parcel-no-rows", "locker-api", wrapped(NO_ROWS, "*errors.errorString", "get parcel {ref}", http(a("api", "(*Handler).ParcelStatus", "api/parcels.go", 27), a("store", "(*Parcels).Get", "store/parcels.go", 41), *SQL)),
        (see("sentry.error", 3), see("datadog.log", 2, status=404, **DD)),
        classes=(4,), pair="hi-site-no-rows", entry="GET /v1/parcels/{ref}", log="parcel status failed"),
    Bug("hi-site-no-rows", "locker-worker", wrapped(NO_ROWS, "*errors.errorString", "load site {id}", loop(a("worker", "(*Expirer).Expire", "worker/expire.go", 39), a("store", "(*Sites).Get", "store/sites.go", 29), *SQL)),
        (see("sentry.error", 2), see("sentry.alert", rule="New issue in locker-worker"), see("datadog.log", 2, **DD_W)),
        classes=(4,), pair="hi-parcel-no-rows", entry="expire-reservations", log="job failed"),
    # One carrier client, two carriers' failures (shared helper at the end).
    Bug("hi-carrier-dpd-timeout", "locker-worker", wrapped('Post "https://api.dpd.example/v2/events": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', "*url.Error", "push door event", loop(a("worker", "(*Pusher).Push", "worker/push.go", 52), a("carrier", "(*DPD).DoorEvent", "carrier/dpd.go", 33), *CARRIER)),
        (see("sentry.error", 3), see("datadog.log", 2, **DD_W)),
        classes=(9,), pair="hi-carrier-evri-503", entry="push-door-events", log="job failed"),
    Bug("hi-carrier-evri-503", "locker-api", wrapped("carrier evri: unexpected status 503 Service Unavailable", "*carrier.StatusError", "book return label", http(a("api", "(*Handler).CreateReturn", "api/returns.go", 64), a("carrier", "(*Evri).ReturnLabel", "carrier/evri.go", 47), *CARRIER)),
        (see("sentry.error", 3), see("datadog.log", **DD), see("datadog.log", **DD_LONG)),
        classes=(9,), pair="hi-carrier-dpd-timeout", entry="POST /v1/returns", log="create return failed"),
    # One insert, two unique constraints.
    Bug("hi-reservation-dup", "locker-api", wrapped('ERROR: duplicate key value violates unique constraint "reservations_locker_id_slot_key" (SQLSTATE 23505)', "*pgconn.PgError", "insert reservation", http(a("api", "(*Handler).CreateDrop", "api/drops.go", 71), a("store", "(*Reservations).Insert", "store/reservations.go", 52))),
        (see("sentry.error", 3), see("datadog.log", 2, status=409, **DD)),
        classes=(4,), pair="hi-code-dup", entry="POST /v1/drops", log="create drop failed"),
    Bug("hi-code-dup", "locker-api", wrapped('ERROR: duplicate key value violates unique constraint "reservations_pickup_code_key" (SQLSTATE 23505)', "*pgconn.PgError", "insert reservation", http(a("api", "(*Handler).CreateDrop", "api/drops.go", 71), a("store", "(*Reservations).Insert", "store/reservations.go", 52))),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", 2, status=409, **DD)),
        classes=(4,), pair="hi-reservation-dup", entry="POST /v1/drops", log="create drop failed"),
    # Binding the same request body: a type mismatch and a failed validation.
    Bug("hi-bind-type", "locker-api", (Exc("*json.UnmarshalTypeError", "json: cannot unmarshal string into Go struct field DropRequest.size of type int", http(a("api", "(*Handler).CreateDrop", "api/drops.go", 29), golib("github.com/gin-gonic/gin", "(*Context).ShouldBindJSON", GIN + "context.go", 770))),),
        (see("sentry.error", 3), see("datadog.log", 2, status=400, **DD)),
        classes=(4,), pair="hi-bind-validate", entry="POST /v1/drops", log="create drop failed"),
    Bug("hi-bind-validate", "locker-api", (Exc("validator.ValidationErrors", "Key: 'DropRequest.Recipient.Phone' Error:Field validation for 'Phone' failed on the 'e164' tag", http(a("api", "(*Handler).CreateDrop", "api/drops.go", 29), golib("github.com/gin-gonic/gin", "(*Context).ShouldBindJSON", GIN + "context.go", 770))),),
        (see("sentry.error", 2), see("datadog.log", 2, status=400, **DD_LONG)),
        classes=(4,), pair="hi-bind-type", entry="POST /v1/drops", log="create drop failed"),
    # Not pairs.
    Bug("hi-slice-bounds", "locker-worker", (Exc("runtime.Error", "runtime error: slice bounds out of range [:{idx}] with capacity 8", loop(a("worker", "(*Telemetry).Decode", "worker/telemetry.go", 83), a("proto", "parseFrame", "proto/frame.go", 22))),),
        (see("sentry.error", 3), see("sentry.issue"), see("datadog.log", 2, **DD_W)),
        entry="ingest-telemetry", log="job failed"),
    Bug("hi-redis-pool", "locker-api", wrapped("redis: connection pool timeout", "*errors.errorString", "rate limit", http(a("api", "(*Middleware).RateLimit", "api/middleware.go", 38), golib("github.com/redis/go-redis/v9", "(*baseClient).getConn", "/go/pkg/mod/github.com/redis/go-redis/v9@v9.6.1/redis.go", 312))),
        (see("sentry.error", 3), see("datadog.log", 3, status=503, **DD)),
        classes=(9,), entry="GET /v1/lockers/{site_id}", log="rate limit check failed"),
    Bug("hi-tz-load", "locker-worker", wrapped("unknown time zone Europe/Kyiv", "*errors.errorString", "site opening hours", loop(a("worker", "(*Expirer).Expire", "worker/expire.go", 47), a("sites", "OpeningHours", "sites/hours.go", 18), golib("time", "LoadLocation", GOSRC + "time/zoneinfo.go", 688))),
        (see("sentry.error", 2), see("datadog.log", 2, **DD_W)),
        span=2, entry="expire-reservations", log="job failed"),
    Bug("hi-closed-map-write", "locker-api", (Exc("runtime.Error", "assignment to entry in nil map", http(a("api", "(*Handler).UpdateSite", "api/sites.go", 55), a("sites", "(*Site).SetHours", "sites/site.go", 40))),),
        (see("sentry.error", 2), see("datadog.log", **PANIC, **DD), see("datadog.log", **PANIC, **DD_LONG)),
        entry="PATCH /v1/sites/{site_id}"),
    Bug("hi-jwt-expired", "locker-api", wrapped("token has invalid claims: token is expired", "*errors.joinError", "authenticate", http(a("api", "(*Middleware).Auth", "api/auth.go", 44), golib("github.com/golang-jwt/jwt/v5", "(*Parser).ParseWithClaims", "/go/pkg/mod/github.com/golang-jwt/jwt/v5@v5.2.1/parser.go", 58))),
        (see("sentry.error"),),
        singleton=True, entry="GET /v1/parcels/{ref}", log="auth failed"),
]

NOISE = [
    Noise("hi-noise-deploy", "locker-api", "datadog.event", {"monitor": "Deployed locker-api v2.8.0", "text": "Flux reconciled locker-api to v2.8.0 (3/3 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "lockers"}),
    Noise("hi-noise-recovered", "locker-worker", "datadog.log", {"monitor": "locker-worker failures", "transition": "Recovered", "alert_type": "success", "team": "lockers", "filter": "service:locker-worker status:error", "text": "locker-worker failures back to zero."}),
]

ISEL = Company(
    key="hi",
    name="Isel Lockers",
    domain="isel-lockers.example",
    sentry_org="isel",
    splunk_url="",
    splunk_guid="",
    datadog_org=("551870", "Isel Lockers"),
    datadog_template="custom",
    posthog_project=(0, ""),
    releases=("v2.7.3", "v2.8.0", "v2.8.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="isel-sentry-client-secret",
)
# fmt: on
