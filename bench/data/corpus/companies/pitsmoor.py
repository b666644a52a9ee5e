"""(gi) Pitsmoor Parcels, a parcel-locker network's API: a Go 1.22 Gin 1.10 service
(``pitsmoor-api``: pgx v5 over Postgres, go-redis, net/http to carrier APIs) logging with zap's
production config and gin-contrib/zap's ``RecoveryWithZap``.

Splunk indexes the pods' stdout (``gi-gin-zap``): zap's production JSON, handlers'
``logger.Error(msg, zap.Error(err))`` with the log call's ``stacktrace``, and ginzap's
``[Recovery from panic]`` record with the request dump and ``debug.Stack()``. Sentry:
sentry-go with its Gin middleware (``sentrygin``). Datadog: log monitors pasting samples. No
PostHog.
"""

# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Noise, Service, see
from ..stacks import GOSRC, go, golib

# fmt: off
SERVICES = {
    "pitsmoor-api": Service("pitsmoor-api", "go", "gi-gin-zap", "kube:pitsmoor:zap", "/var/log/containers/pitsmoor-api.log", "gi_app", 8120321, "go go1.22.5", framework="gin", sdk=("sentry.go", "0.28.1", "go:github.com/getsentry/sentry-go")),
}
GIN = "/go/pkg/mod/github.com/gin-gonic/gin@v1.10.0/"
MOD = "github.com/pitsmoor/lockers"
GIN_CHAIN = (
    golib("net/http", "(*conn).serve", GOSRC + "net/http/server.go", 2039),
    golib("net/http", "serverHandler.ServeHTTP", GOSRC + "net/http/server.go", 3142),
    golib("github.com/gin-gonic/gin", "(*Engine).ServeHTTP", GIN + "gin.go", 589),
    golib("github.com/gin-gonic/gin", "(*Engine).handleHTTPRequest", GIN + "gin.go", 633),
    golib("github.com/gin-gonic/gin", "(*Context).Next", GIN + "context.go", 185),
    golib("github.com/getsentry/sentry-go/gin", "(*handler).handle", "/go/pkg/mod/github.com/getsentry/sentry-go/gin@v0.28.1/sentrygin.go", 79),
    golib("github.com/gin-gonic/gin", "(*Context).Next", GIN + "context.go", 185),
)
PGX = (
    golib("github.com/jackc/pgx/v5", "(*Conn).Exec", "/go/pkg/mod/github.com/jackc/pgx/v5@v5.6.0/conn.go", 489),
    golib("github.com/jackc/pgx/v5/pgconn", "(*PgConn).ExecParams", "/go/pkg/mod/github.com/jackc/pgx/v5@v5.6.0/pgconn/pgconn.go", 1140),
)


def h(file: str, fn: str, line: int) -> tuple:
    return (*GIN_CHAIN, go(MOD + "/internal/http", fn, f"/app/internal/http/{file}", line))


def pkg(sub: str, fn: str, file: str, line: int) -> object:
    return go(f"{MOD}/internal/{sub}", fn, f"/app/internal/{sub}/{file}", line)


LOG = {"search": "pitsmoor api errors", "app": "pitsmoor"}
PANIC = {"search": "pitsmoor api errors", "app": "pitsmoor", "kind": "recovery"}
DD = dict(team="lockers", monitor="[pitsmoor] api error logs", filter="service:pitsmoor-api status:error", style="sample")
DDP = dict(team="lockers", monitor="[pitsmoor] panics recovered", filter="service:pitsmoor-api @msg:\"[Recovery from panic]\"", style="sample")
NILPTR = "runtime error: invalid memory address or nil pointer dereference"

BUGS = [
    Bug("gi-locker-nil", "pitsmoor-api", (Exc("runtime.errorString", NILPTR, (*h("deposit.go", "(*Handler).Deposit", 61), pkg("lockers", "(*Service).Assign", "assign.go", 44))),),
        (see("sentry.error", 3), see("splunk", 2, **PANIC), see("datadog.log", **DDP)),
        classes=(4, 5), pair="gi-pickup-nil", entry="POST /v1/deposits", span=2),
    Bug("gi-pickup-nil", "pitsmoor-api", (Exc("runtime.errorString", NILPTR, (*h("pickup.go", "(*Handler).Pickup", 38), pkg("lockers", "(*Service).Release", "release.go", 27))),),
        (see("sentry.error", 2), see("splunk", 2, **PANIC), see("datadog.log", **DDP)),
        classes=(4,), pair="gi-locker-nil", entry="POST /v1/pickups"),
    Bug("gi-slot-index", "pitsmoor-api", (Exc("runtime.boundsError", "runtime error: index out of range [{idx}] with length {idx}", (*h("lockers.go", "(*Handler).Layout", 73), pkg("layout", "Render", "render.go", 52))),),
        (see("sentry.error", 2), see("splunk", 3, **PANIC)),
        classes=(4,), pair="gi-route-index", entry="GET /v1/sites/{id}/layout"),
    Bug("gi-route-index", "pitsmoor-api", (Exc("runtime.boundsError", "runtime error: index out of range [{idx}] with length {idx}", (*h("routes.go", "(*Handler).NextStop", 29), pkg("routing", "NextStop", "stops.go", 18))),),
        (see("sentry.error", 2), see("splunk", 2, **PANIC), see("datadog.log", **DDP)),
        classes=(4,), pair="gi-slot-index", entry="GET /v1/routes/{id}/next"),
    Bug("gi-dup-parcel", "pitsmoor-api", (Exc("*pgconn.PgError", 'ERROR: duplicate key value violates unique constraint "parcels_tracking_code_key" (SQLSTATE 23505)', (*h("parcels.go", "(*Handler).Register", 55), pkg("store", "(*Store).InsertParcel", "parcels.go", 88), *PGX)),),
        (see("sentry.error", 3), see("splunk", 2, **LOG), see("datadog.log", **DD)),
        classes=(1, 4), pair="gi-dup-courier", log="register parcel", entry="POST /v1/parcels"),
    Bug("gi-dup-courier", "pitsmoor-api", (Exc("*pgconn.PgError", 'ERROR: duplicate key value violates unique constraint "couriers_badge_no_key" (SQLSTATE 23505)', (*h("couriers.go", "(*Handler).Onboard", 34), pkg("store", "(*Store).InsertCourier", "couriers.go", 41), *PGX)),),
        (see("sentry.error", 2), see("splunk", 2, **LOG)),
        classes=(1, 4), pair="gi-dup-parcel", log="onboard courier", entry="POST /v1/couriers"),
    Bug("gi-carrier-timeout", "pitsmoor-api", (Exc("*url.Error", 'Post "https://api.northpost.example/v2/labels": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', (*h("labels.go", "(*Handler).CreateLabel", 47), pkg("carriers", "(*NorthPost).Label", "northpost.go", 92), golib("net/http", "(*Client).Do", GOSRC + "net/http/client.go", 590))),),
        (see("sentry.error", 3), see("splunk", 3, **LOG), see("datadog.log", **DD)),
        classes=(10,), pair="gi-carrier-refused", log="carrier label request failed", entry="POST /v1/labels", span=2),
    Bug("gi-carrier-refused", "pitsmoor-api", (Exc("*url.Error", 'Post "https://api.northpost.example/v2/labels": dial tcp 10.40.{n}.12:443: connect: connection refused', (*h("labels.go", "(*Handler).CreateLabel", 47), pkg("carriers", "(*NorthPost).Label", "northpost.go", 92), golib("net/http", "(*Client).Do", GOSRC + "net/http/client.go", 590))),),
        (see("sentry.error", 2), see("splunk", 2, **LOG), see("datadog.log", **DD)),
        classes=(10,), pair="gi-carrier-timeout", log="carrier label request failed", entry="POST /v1/labels"),
    Bug("gi-redis-nil", "pitsmoor-api", (Exc("*fmt.wrapError", "load pin for locker {id}: redis: nil", (*h("pins.go", "(*Handler).VerifyPin", 33), pkg("pins", "(*Cache).Get", "cache.go", 21))),),
        (see("sentry.error", 2), see("splunk", 3, **LOG)),
        classes=(4,), log="verify pin", entry="POST /v1/lockers/{id}/pin"),
    Bug("gi-bind-json", "pitsmoor-api", (Exc("*json.UnmarshalTypeError", "json: cannot unmarshal string into Go struct field DepositRequest.size of type int", (*h("deposit.go", "(*Handler).Deposit", 49), golib("github.com/gin-gonic/gin", "(*Context).ShouldBindJSON", GIN + "context.go", 775))),),
        (see("sentry.error", 2), see("splunk", 2, **LOG), see("datadog.log", **DD)),
        classes=(4,), pair="gi-bind-validate", log="bind deposit request", entry="POST /v1/deposits"),
    Bug("gi-bind-validate", "pitsmoor-api", (Exc("validator.ValidationErrors", "Key: 'DepositRequest.SiteID' Error:Field validation for 'SiteID' failed on the 'required' tag", (*h("deposit.go", "(*Handler).Deposit", 49), golib("github.com/gin-gonic/gin", "(*Context).ShouldBindJSON", GIN + "context.go", 775))),),
        (see("sentry.error", 2), see("splunk", 2, **LOG)),
        classes=(4,), pair="gi-bind-json", log="bind deposit request", entry="POST /v1/deposits"),
    Bug("gi-pool-exhausted", "pitsmoor-api", (Exc("*fmt.wrapError", "list sites: failed to connect to `user=pitsmoor database=lockers`: 10.40.2.7:5432 (pg-primary): server error: FATAL: sorry, too many clients already (SQLSTATE 53300)", (*h("sites.go", "(*Handler).ListSites", 22), pkg("store", "(*Store).Sites", "sites.go", 17))),),
        (see("sentry.error", 3), see("splunk", 2, **LOG), see("datadog.log", **DD)),
        classes=(1, 10), log="list sites", entry="GET /v1/sites", span=2),
    Bug("gi-map-write", "pitsmoor-api", (Exc("runtime.plainError", "assignment to entry in nil map", (*h("metrics.go", "(*Handler).Occupancy", 40), pkg("stats", "(*Occupancy).Add", "occupancy.go", 33))),),
        (see("sentry.error", 2), see("splunk", 2, **PANIC), see("datadog.log", **DDP)),
        classes=(4,), entry="GET /v1/sites/{id}/occupancy"),
    Bug("gi-webhook-sig", "pitsmoor-api", (Exc("*errors.errorString", "webhook signature mismatch", (*h("webhooks.go", "(*Handler).CarrierEvent", 28), pkg("carriers", "VerifySignature", "signature.go", 19))),),
        (see("sentry.error", 2), see("splunk", 3, **LOG)),
        classes=(9,), log="carrier webhook rejected", entry="POST /v1/webhooks/carrier"),
    Bug("gi-notify-sms-429", "pitsmoor-api", (Exc("*fmt.wrapError", "send pickup code: sms gateway: unexpected status 429 Too Many Requests", (*h("deposit.go", "(*Handler).Deposit", 92), pkg("notify", "(*SMS).SendCode", "sms.go", 58))),),
        (see("sentry.error", 2), see("splunk", 3, **LOG), see("datadog.log", **DD)),
        classes=(10,), pair="gi-notify-email-429", log="notify recipient", entry="POST /v1/deposits", span=2),
    Bug("gi-notify-email-429", "pitsmoor-api", (Exc("*fmt.wrapError", "send pickup code: mail api: unexpected status 429 Too Many Requests", (*h("deposit.go", "(*Handler).Deposit", 96), pkg("notify", "(*Mail).SendCode", "mail.go", 44))),),
        (see("sentry.error", 2), see("splunk", 2, **LOG)),
        classes=(10,), pair="gi-notify-sms-429", log="notify recipient", entry="POST /v1/deposits"),
    Bug("gi-qr-singleton", "pitsmoor-api", (Exc("*errors.errorString", "qrcode: content too long to encode", (*h("labels.go", "(*Handler).QR", 88), pkg("labels", "QR", "qr.go", 14))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /v1/labels/{id}/qr"),
]

NOISE = [
    Noise("gi-noise-gin", "pitsmoor-api", "splunk", {"search": "pitsmoor api errors", "line": '{{"level":"info","ts":{epoch},"caller":"cmd/api/main.go:71","msg":"listening","addr":":8080"}}'}),
    Noise("gi-noise-deploy", "pitsmoor-api", "datadog.event", {"monitor": "Deploy", "text": "pitsmoor-api v1.42.{n} rolled out (helm upgrade).", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("gi-noise-recovered", "pitsmoor-api", "datadog.log", {"monitor": "[pitsmoor] panics recovered", "text": "Recovered: no panics in the last 10m.", "transition": "Recovered", "alert_type": "success"}),
]

PITSMOOR = Company(
    key="gi",
    name="Pitsmoor Parcels",
    domain="pitsmoor-parcels.example",
    sentry_org="pitsmoor",
    splunk_url="https://pitsmoor.splunkcloud.com",
    splunk_guid="5E9A2B84-7C1D-4F36-A0B8-4D3F6E1C9A27",
    datadog_org=("712103", "Pitsmoor Parcels"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("v1.42.0", "v1.42.1", "v1.43.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="pitsmoor-sentry-client-secret",
)
# fmt: on
