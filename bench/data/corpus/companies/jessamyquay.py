"""(go) Jessamy Quay Marinas, berth bookings for a group of marinas: a Go 1.22 Echo v4.12 API
(``quay-api``: pgx v5 over Postgres, net/http to a tide service, a weather API and a payment
provider, github.com/pkg/errors for wrapping) logging with logrus' ``JSONFormatter``.

Splunk indexes the pods' stdout (``go-logrus-json``): handlers'
``log.WithError(err).WithFields(...).Error(msg)``, some with a ``stack`` field holding
``fmt.Sprintf("%+v", err)``, older handlers ``log.Errorf("%+v", err)`` with the stack in
``msg``; Echo's ``middleware.Recover()`` prints panics through Echo's own logger
(``[PANIC RECOVER]`` and a 4 KB ``runtime.Stack`` of every goroutine). Sentry: sentry-go with
``sentryecho``. Datadog: log monitors pasting the record's ``msg`` and ``error`` or the
recovered panic's message. No PostHog.
"""

# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Noise, Service, see
from ..stacks import GOSRC, go, golib

# fmt: off
SERVICES = {
    "quay-api": Service("quay-api", "go", "go-logrus-json", "kube:quay:logrus", "/var/log/containers/quay-api.log", "go_app", 8120661, "go go1.22.6", framework="echo", sdk=("sentry.go", "0.29.1", "go:github.com/getsentry/sentry-go")),
}
ECHO = "/go/pkg/mod/github.com/labstack/echo/v4@v4.12.0/"
MOD = "github.com/jessamyquay/berths"
ECHO_CHAIN = (
    golib("net/http", "(*conn).serve", GOSRC + "net/http/server.go", 2039),
    golib("net/http", "serverHandler.ServeHTTP", GOSRC + "net/http/server.go", 3142),
    golib("github.com/labstack/echo/v4", "(*Echo).ServeHTTP", ECHO + "echo.go", 674),
    golib("github.com/labstack/echo/v4/middleware", "RecoverWithConfig.func1.1", ECHO + "middleware/recover.go", 130),
    golib("github.com/getsentry/sentry-go/echo", "(*handler).handle.func1", "/go/pkg/mod/github.com/getsentry/sentry-go/echo@v0.29.1/sentryecho.go", 80),
    golib("github.com/labstack/echo/v4", "(*Echo).add.func1", ECHO + "echo.go", 587),
)
PGX_EXEC = (
    golib("github.com/jackc/pgx/v5/pgxpool", "(*Pool).Exec", "/go/pkg/mod/github.com/jackc/pgx/v5@v5.6.0/pgxpool/pool.go", 680),
    golib("github.com/jackc/pgx/v5", "(*Conn).Exec", "/go/pkg/mod/github.com/jackc/pgx/v5@v5.6.0/conn.go", 489),
)
HTTP_DO = golib("net/http", "(*Client).Do", GOSRC + "net/http/client.go", 590)


def h(file: str, fn: str, line: int) -> tuple:
    return (*ECHO_CHAIN, go(MOD + "/internal/api", fn, f"/src/internal/api/{file}", line))


def pkg(sub: str, fn: str, file: str, line: int) -> object:
    return go(f"{MOD}/internal/{sub}", fn, f"/src/internal/{sub}/{file}", line)


LOG = {"search": "quay api errors", "app": "jessamyquay"}
STACK = {**LOG, "kind": "stack"}
MSGSTACK = {**LOG, "kind": "msgstack"}
PANIC = {**LOG, "kind": "panic"}
DD = dict(team="berths", monitor="[quay] api error logs", filter="service:quay-api status:error",
          text="quay-api is logging errors.\n\nmsg: `{{log.attributes.msg}}`\nerror: {{log.attributes.error}}\nuri: {{log.attributes.uri}}")
DDP = dict(team="berths", kind="panic", monitor="[quay] panics recovered", filter="service:quay-api @prefix:echo \"PANIC RECOVER\"",
           text="Panic recovered on quay-api. Sample:\n\n```\n{{log.attributes.message}}\n```")
NILPTR = "runtime error: invalid memory address or nil pointer dereference"

BUGS = [
    # --- nil pointer panics at two places ---
    Bug("go-berth-assign-nil", "quay-api", (Exc("runtime.errorString", NILPTR, (*h("bookings.go", "(*Handler).CreateBooking", 74), pkg("berths", "(*Allocator).Assign", "allocator.go", 58))),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 2, **PANIC), see("datadog.log", **DDP)),
        classes=(4, 5), pair="go-berth-release-nil", entry="POST /v1/bookings", span=2),
    Bug("go-berth-release-nil", "quay-api", (Exc("runtime.errorString", NILPTR, (*h("bookings.go", "(*Handler).CancelBooking", 131), pkg("berths", "(*Allocator).Release", "allocator.go", 97))),),
        (see("sentry.error", 2), see("splunk", 2, **PANIC), see("datadog.log", **DDP)),
        classes=(4,), pair="go-berth-assign-nil", entry="DELETE /v1/bookings/{id}"),
    # --- index out of range in two functions ---
    Bug("go-tide-window-index", "quay-api", (Exc("runtime.boundsError", "runtime error: index out of range [{idx}] with length {idx}", (*h("tides.go", "(*Handler).Windows", 42), pkg("tides", "NextWindow", "windows.go", 33))),),
        (see("sentry.error", 3), see("splunk", 2, **PANIC), see("datadog.log", **DDP)),
        classes=(4,), pair="go-pontoon-index", entry="GET /v1/marinas/{id}/tides"),
    Bug("go-pontoon-index", "quay-api", (Exc("runtime.boundsError", "runtime error: index out of range [{idx}] with length {idx}", (*h("marinas.go", "(*Handler).Layout", 66), pkg("layout", "PontoonRow", "pontoons.go", 21))),),
        (see("sentry.error", 2), see("splunk", 3, **PANIC)),
        classes=(4,), pair="go-tide-window-index", entry="GET /v1/marinas/{id}/layout"),
    # --- unique violations on two constraints ---
    Bug("go-dup-booking", "quay-api", (Exc("*pgconn.PgError", 'ERROR: duplicate key value violates unique constraint "bookings_berth_id_night_key" (SQLSTATE 23505)', (*h("bookings.go", "(*Handler).CreateBooking", 88), pkg("store", "(*Store).InsertBooking", "bookings.go", 47), *PGX_EXEC)),),
        (see("sentry.error", 3), see("splunk", 2, **LOG), see("datadog.log", **DD)),
        classes=(1, 4), pair="go-dup-vessel", log="create booking", entry="POST /v1/bookings"),
    Bug("go-dup-vessel", "quay-api", (Exc("*pgconn.PgError", 'ERROR: duplicate key value violates unique constraint "vessels_owner_id_hull_id_key" (SQLSTATE 23505)', (*h("vessels.go", "(*Handler).RegisterVessel", 39), pkg("store", "(*Store).InsertVessel", "vessels.go", 28), *PGX_EXEC)),),
        (see("sentry.error", 2), see("splunk", 3, **LOG), see("datadog.log", **DD)),
        classes=(1, 4), pair="go-dup-booking", log="register vessel", entry="POST /v1/vessels"),
    # --- deadlines against two upstreams ---
    Bug("go-weather-timeout", "quay-api", (Exc("*url.Error", 'Get "https://api.seaweather.example/v3/forecast?lat={n}.{idx}&lon=-4.{n}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', (*h("forecast.go", "(*Handler).Forecast", 27), pkg("weather", "(*Client).Forecast", "client.go", 61), HTTP_DO)),),
        (see("sentry.error", 3), see("splunk", 2, **LOG), see("datadog.log", **DD)),
        classes=(10,), pair="go-tide-api-timeout", log="fetch forecast", entry="GET /v1/marinas/{id}/forecast", span=2),
    Bug("go-tide-api-timeout", "quay-api", (Exc("*url.Error", 'Get "https://tides.hydro.example/api/stations/{n}/predictions": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', (*h("tides.go", "(*Handler).Windows", 31), pkg("tides", "(*Client).Predictions", "client.go", 44), HTTP_DO)),),
        (see("sentry.error", 2), see("splunk", 2, **LOG), see("datadog.log", **DD)),
        classes=(10,), pair="go-weather-timeout", log="fetch tide predictions", entry="GET /v1/marinas/{id}/tides"),
    # --- pkg/errors wraps of no rows, two entities ---
    Bug("go-invoice-norows", "quay-api", (Exc("*errors.withStack", "load invoice {id}: no rows in result set", (*h("invoices.go", "(*Handler).GetInvoice", 23), pkg("store", "(*Store).Invoice", "invoices.go", 35))),),
        (see("sentry.error", 2), see("splunk", 2, **STACK), see("splunk", **MSGSTACK), see("datadog.log", **DD)),
        classes=(1, 4), pair="go-berth-norows", log="get invoice", entry="GET /v1/invoices/{id}", span=2),
    Bug("go-berth-norows", "quay-api", (Exc("*errors.withStack", "load berth {id}: no rows in result set", (*h("berths.go", "(*Handler).GetBerth", 19), pkg("store", "(*Store).Berth", "berths.go", 22))),),
        (see("sentry.error", 2), see("splunk", 2, **MSGSTACK), see("splunk", **STACK)),
        classes=(1, 4), pair="go-invoice-norows", log="get berth", entry="GET /v1/berths/{id}"),
    # --- singles ---
    Bug("go-bind-number", "quay-api", (Exc("*echo.HTTPError", "code=400, message=Unmarshal type error: expected=int, got=string, field=nights, offset={n}, internal=json: cannot unmarshal string into Go struct field BookingRequest.nights of type int", (*h("bookings.go", "(*Handler).CreateBooking", 52), golib("github.com/labstack/echo/v4", "(*DefaultBinder).Bind", ECHO + "bind.go", 108))),),
        (see("sentry.error", 2), see("splunk", 3, **LOG)),
        classes=(4,), log="bind booking request", entry="POST /v1/bookings"),
    Bug("go-pool-exhausted", "quay-api", (Exc("*errors.withStack", "list marinas: failed to connect to `user=quay database=berths`: 10.30.1.9:5432 (pg-primary): server error: FATAL: remaining connection slots are reserved for non-replication superuser connections (SQLSTATE 53300)", (*h("marinas.go", "(*Handler).List", 18), pkg("store", "(*Store).Marinas", "marinas.go", 15))),),
        (see("sentry.error", 3), see("splunk", 2, **STACK), see("datadog.log", **DD)),
        classes=(1, 10), log="list marinas", entry="GET /v1/marinas", span=2),
    Bug("go-payment-sig", "quay-api", (Exc("*errors.fundamental", "payment webhook: signature mismatch", (*h("webhooks.go", "(*Handler).PaymentEvent", 35), pkg("payments", "Verify", "verify.go", 22))),),
        (see("sentry.error", 2), see("splunk", 2, **MSGSTACK), see("datadog.log", **DD)),
        classes=(9,), log="payment webhook rejected", entry="POST /v1/webhooks/payments"),
    Bug("go-map-nil-write", "quay-api", (Exc("runtime.plainError", "assignment to entry in nil map", (*h("reports.go", "(*Handler).Occupancy", 47), pkg("reports", "(*Occupancy).Add", "occupancy.go", 30))),),
        (see("sentry.error", 2), see("splunk", 2, **PANIC), see("datadog.log", **DDP)),
        classes=(4,), entry="GET /v1/marinas/{id}/occupancy"),
    Bug("go-lockgate-singleton", "quay-api", (Exc("*errors.fundamental", "lock gate schedule: tide height {n}.{idx}m below sill", (*h("gates.go", "(*Handler).Schedule", 57), pkg("gates", "Plan", "plan.go", 40))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /v1/marinas/{id}/gate"),
]

NOISE = [
    Noise("go-noise-start", "quay-api", "splunk", {"search": "quay api errors", "app": "jessamyquay", "line": '{"level":"info","msg":"http server started on [::]:8080","time":"{tsnaive}Z"}'}),
    Noise("go-noise-deploy", "quay-api", "datadog.event", {"monitor": "Deploy", "text": "quay-api v2.8.{n} rolled out (argocd sync).", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("go-noise-recovered", "quay-api", "datadog.log", {"monitor": "[quay] panics recovered", "text": "Recovered: no recovered panics in the last 15m.", "transition": "Recovered", "alert_type": "success"}),
]

JESSAMYQUAY = Company(
    key="go",
    name="Jessamy Quay Marinas",
    domain="jessamyquay.example",
    sentry_org="jessamy-quay",
    splunk_url="https://jessamyquay.splunkcloud.com",
    splunk_guid="9B2D5E70-4A1C-4F83-B6E9-3C8A1D0F5E27",
    datadog_org=("712661", "Jessamy Quay Marinas"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("v2.8.0", "v2.8.1", "v2.9.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="jessamyquay-sentry-client-secret",
)
# fmt: on
