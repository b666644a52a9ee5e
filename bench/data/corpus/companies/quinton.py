"""(lg) Quinton Lockers, a network of parcel lockers in stations and supermarkets: a Go 1.22
Fiber v2 API (``locker-api``: reservations of compartments, courier drop-offs, customer
pick-ups with a PIN, carrier webhooks, SMS notices; pgx v5 over Postgres).

Logs: zerolog JSON from the app's Fiber ``ErrorHandler`` (``log.Error().Stack().Err(err)``
with ``pkgerrors.MarshalStack`` and ``Caller()``; ``lg-zerolog``) and, for panics, Fiber's
``recover`` middleware with ``EnableStackTrace`` printing ``panic: <value>`` and
``debug.Stack()`` on stderr (``lg-fiber-panic``), after which the same ``ErrorHandler`` logs
the recovered error without a stack. Both shipped to Splunk HEC and read by the Datadog
agent. Sentry: sentry-go with its ``sentryfiber`` middleware (``Repanic: true``). Datadog: one
log monitor for the service's error logs and one for panics, each watching several bugs. No
PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Seen, Service, see
from ..stacks import go, golib

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "locker-api": Service("locker-api", "go", "lg-zerolog", "_json", "http:locker-api", "lockers", 10510021, "go1.22.8", framework="fiber"),
}

GOSRC = "/usr/local/go/src/"
FASTHTTP = "/go/pkg/mod/github.com/valyala/fasthttp@v1.52.0/"
FIBER = "/go/pkg/mod/github.com/gofiber/fiber/v2@v2.52.5/"
PGX = "/go/pkg/mod/github.com/jackc/pgx/v5@v5.6.0/"
HTTP = (
    golib("github.com/valyala/fasthttp", "(*workerPool).workerFunc", FASTHTTP + "workerpool.go", 225),
    golib("github.com/valyala/fasthttp", "(*Server).serveConn", FASTHTTP + "server.go", 2379),
    golib("github.com/gofiber/fiber/v2", "(*App).handler", FIBER + "router.go", 239),
    golib("github.com/gofiber/fiber/v2", "(*App).next", FIBER + "router.go", 145),
    golib("github.com/gofiber/fiber/v2/middleware/recover", "New.func1", FIBER + "middleware/recover/recover.go", 43),
    golib("github.com/gofiber/fiber/v2", "(*Ctx).Next", FIBER + "ctx.go", 1031),
    golib("github.com/getsentry/sentry-go/fiber", "(*handler).handle", "/go/pkg/mod/github.com/getsentry/sentry-go/fiber@v0.29.1/sentryfiber.go", 70),
    golib("github.com/gofiber/fiber/v2", "(*Ctx).Next", FIBER + "ctx.go", 1031),
)
PANIC = golib("runtime", "gopanic", GOSRC + "runtime/panic.go", 770)
SIGPANIC = golib("runtime", "sigpanic", GOSRC + "runtime/signal_unix.go", 917)
MOD = "quinton.example/lockers/"


def app(pkg: str, function: str, file: str, line: int) -> Frame:
    return go(MOD + pkg, function, f"/src/lockers/{pkg}/{file}", line)


def query_row(line: int) -> tuple[Frame, ...]:
    return (golib("github.com/jackc/pgx/v5", "(*connRow).Scan", PGX + "rows.go", line),)


NOT_FOUND = "no rows in result set"
NIL = "runtime error: invalid memory address or nil pointer dereference"
P23505 = 'ERROR: duplicate key value violates unique constraint "{c}" (SQLSTATE 23505)'
NOTIFY = app("internal/notify", "(*SMSClient).Send", "sms.go", 61)
PIN = "internal/pin"

SPL = dict(search="locker-api - zerolog errors", owner="ql_ops", app="lockers")
SPL_PANIC = dict(search="locker-api - fiber panics", owner="ql_ops", app="lockers", format="lg-fiber-panic", source="stderr", sourcetype="lockers:stderr")
DD = dict(team="lockers", monitor="[locker-api] error logs", filter="service:locker-api status:error", text="locker-api logged: **{{log.attributes.message}}**\n\n`{{log.attributes.error}}`\n{{log.attributes.method}} {{log.attributes.path}} ({{log.attributes.caller}})")
DD_PANIC = dict(team="lockers", monitor="[locker-api] panics", filter='service:locker-api "panic:"', format="lg-fiber-panic", text="Fiber recovered a panic on {{log.host}}:\n\n```\n{{log.message}}\n```", sample_lines=6)


def spl(n: int = 1, **opts: object) -> Seen:
    return see("splunk", n, **SPL, **opts)


def dd(n: int = 1, **opts: object) -> Seen:
    return see("datadog.log", n, **DD, **opts)


def wrapped(cause: Exc, message: str, frames: tuple[Frame, ...]) -> tuple[Exc, Exc]:
    """``errors.Wrap(cause, message)`` (pkg/errors): the cause, then the stack-carrying wrapper."""
    return (cause, Exc("*errors.withStack", f"{message}: {cause.value}", frames))


BUGS = [
    # pgx.ErrNoRows wrapped in two handlers: a locker and a parcel.
    Bug("lg-locker-not-found", "locker-api", wrapped(Exc("*errors.errorString", NOT_FOUND), "get locker {id}", (*HTTP, app("internal/api", "(*LockerHandler).Get", "lockers.go", 58), app("internal/store", "(*Lockers).ByID", "lockers.go", 33), *query_row(84))),
        (see("sentry.error", 3), spl(2, msg="get locker"), dd(2, msg="get locker")),
        classes=(1, 2, 4), pair="lg-parcel-not-found", entry="GET /v1/lockers/{id}", log="get locker", span=2),
    Bug("lg-parcel-not-found", "locker-api", wrapped(Exc("*errors.errorString", NOT_FOUND), "collect parcel {id}", (*HTTP, app("internal/api", "(*PickupHandler).Collect", "pickup.go", 72), app("internal/store", "(*Parcels).ByPIN", "parcels.go", 49), *query_row(84))),
        (see("sentry.error", 3), spl(2, msg="collect parcel"), dd(msg="collect parcel")),
        classes=(1, 2, 4), pair="lg-locker-not-found", entry="POST /v1/pickups", log="collect parcel"),
    # Unique violations on two tables.
    Bug("lg-reservation-dup", "locker-api", wrapped(Exc("*pgconn.PgError", P23505.replace("{c}", "reservations_compartment_id_slot_key")), "reserve compartment", (*HTTP, app("internal/api", "(*ReservationHandler).Create", "reservations.go", 44), app("internal/store", "(*Reservations).Insert", "reservations.go", 27), *query_row(84))),
        (see("sentry.error", 3), see("sentry.issue"), spl(2, msg="reserve compartment"), dd(msg="reserve compartment")),
        classes=(1, 2, 4, 9), pair="lg-courier-email-dup", entry="POST /v1/reservations", log="reserve compartment"),
    Bug("lg-courier-email-dup", "locker-api", wrapped(Exc("*pgconn.PgError", P23505.replace("{c}", "couriers_email_key")), "register courier", (*HTTP, app("internal/api", "(*CourierHandler).Register", "couriers.go", 39), app("internal/store", "(*Couriers).Insert", "couriers.go", 22), *query_row(84))),
        (see("sentry.error", 2), spl(2, msg="register courier"), dd(msg="register courier")),
        classes=(1, 2, 4, 9), pair="lg-reservation-dup", entry="POST /v1/couriers", log="register courier"),
    # Nil dereferences recovered by Fiber in two handlers.
    Bug("lg-pickup-nil", "locker-api", (Exc("runtime.errorString", NIL, (*HTTP, app("internal/api", "(*PickupHandler).Collect", "pickup.go", 88), app("internal/lockers", "(*Compartment).Open", "compartment.go", 41), SIGPANIC, PANIC)),),
        (see("sentry.error", 3), see("splunk", 2, **SPL_PANIC), spl(kind="recovered"), see("datadog.log", 2, **DD_PANIC)),
        classes=(1, 2, 4, 10), pair="lg-dropoff-nil", entry="POST /v1/pickups", span=2, renames={"(*PickupHandler).Collect": "(*PickupHandler).Handle"}),
    Bug("lg-dropoff-nil", "locker-api", (Exc("runtime.errorString", NIL, (*HTTP, app("internal/api", "(*DropoffHandler).Deposit", "dropoff.go", 63), app("internal/lockers", "(*Compartment).Assign", "compartment.go", 77), SIGPANIC, PANIC)),),
        (see("sentry.error", 2), see("splunk", **SPL_PANIC), spl(kind="recovered"), see("datadog.log", 2, **DD_PANIC)),
        classes=(1, 2, 4, 10), pair="lg-pickup-nil", entry="POST /v1/dropoffs"),
    # One PIN verifier, two failures.
    Bug("lg-pin-parse", "locker-api", (Exc("*strconv.NumError", 'strconv.Atoi: parsing "{idx}4O{idx}": invalid syntax', (*HTTP, app("internal/api", "(*PickupHandler).Verify", "pickup.go", 31), app(PIN, "Verify", "pin.go", 22), golib("strconv", "Atoi", GOSRC + "strconv/atoi.go", 272))),),
        (see("sentry.error", 3), spl(2, msg="verify pin"), dd(msg="verify pin")),
        classes=(1, 2, 4), pair="lg-pin-index", entry="POST /v1/pickups/verify", log="verify pin"),
    Bug("lg-pin-index", "locker-api", (Exc("runtime.boundsError", "runtime error: index out of range [6] with length 6", (*HTTP, app("internal/api", "(*PickupHandler).Verify", "pickup.go", 31), app(PIN, "Verify", "pin.go", 29), PANIC)),),
        (see("sentry.error", 2), see("splunk", **SPL_PANIC), see("datadog.log", **DD_PANIC)),
        classes=(1, 2, 4, 10), pair="lg-pin-parse", entry="POST /v1/pickups/verify"),
    # Two SMS failures ending in one notify client.
    Bug("lg-sms-rate-limited", "locker-api", (Exc("*notify.APIError", "sms: POST https://rest.messagebird.com/messages: 429 Too Many Requests", (*HTTP, app("internal/api", "(*DropoffHandler).Deposit", "dropoff.go", 81), app("internal/notify", "(*Notifier).ParcelReady", "notifier.go", 36), NOTIFY)),),
        (see("sentry.error", 3), spl(2, msg="notify parcel ready"), dd(2, msg="notify parcel ready")),
        classes=(1, 2, 9), pair="lg-sms-deadline", entry="POST /v1/dropoffs", log="notify parcel ready"),
    Bug("lg-sms-deadline", "locker-api", (Exc("*url.Error", 'Post "https://rest.messagebird.com/messages": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', (*HTTP, app("internal/api", "(*PickupHandler).Remind", "pickup.go", 112), app("internal/notify", "(*Notifier).PickupReminder", "notifier.go", 58), NOTIFY, golib("net/http", "(*Client).Do", GOSRC + "net/http/client.go", 590))),),
        (see("sentry.error", 2), spl(2, msg="send pickup reminder"), dd(msg="send pickup reminder")),
        classes=(1, 2, 7, 9), pair="lg-sms-rate-limited", entry="POST /v1/parcels/{id}/remind", log="send pickup reminder"),
    # Not pairs.
    Bug("lg-grid-index", "locker-api", (Exc("runtime.boundsError", "runtime error: index out of range [{idx}] with length 4", (*HTTP, app("internal/api", "(*LockerHandler).Grid", "lockers.go", 97), app("internal/lockers", "Layout", "layout.go", 18), PANIC)),),
        (see("sentry.error", 3), see("splunk", 2, **SPL_PANIC), see("datadog.log", **DD_PANIC)),
        classes=(1, 2, 5, 10), entry="GET /v1/lockers/{id}/grid", span=3, renames={"(*LockerHandler).Grid": "(*LockerHandler).Layout"}),
    Bug("lg-pool-acquire", "locker-api", wrapped(Exc("*errors.errorString", "failed to connect to `user=lockers database=lockers`: 10.20.{n}.7:5432 (pg-lockers): dial error: timeout: context deadline exceeded"), "list lockers", (*HTTP, app("internal/api", "(*LockerHandler).List", "lockers.go", 24), app("internal/store", "(*Lockers).Near", "lockers.go", 61), golib("github.com/jackc/pgx/v5/pgxpool", "(*Pool).Query", PGX + "pgxpool/pool.go", 715))),
        (see("sentry.error", 2), spl(3, msg="list lockers"), dd(2, msg="list lockers")),
        classes=(1, 2, 7), entry="GET /v1/lockers", log="list lockers"),
    Bug("lg-carrier-webhook-json", "locker-api", (Exc("*json.UnmarshalTypeError", "json: cannot unmarshal string into Go struct field Event.data.status_code of type int", (*HTTP, app("internal/api", "(*CarrierHandler).Webhook", "carrier.go", 35), golib("github.com/gofiber/fiber/v2", "(*Ctx).BodyParser", FIBER + "ctx.go", 406), golib("encoding/json", "Unmarshal", GOSRC + "encoding/json/decode.go", 113))),),
        (see("sentry.error", 2), spl(2, msg="carrier webhook"), dd(msg="carrier webhook")),
        classes=(1, 2), entry="POST /v1/webhooks/carrier", log="carrier webhook"),
    Bug("lg-expiry-sweep", "locker-api", wrapped(Exc("*pgconn.PgError", 'ERROR: canceling statement due to statement timeout (SQLSTATE 57014)'), "expire reservations", (golib("runtime", "goexit", GOSRC + "runtime/asm_amd64.s", 1700), app("internal/jobs", "(*Sweeper).Run", "sweeper.go", 29), app("internal/store", "(*Reservations).ExpireBefore", "reservations.go", 88), golib("github.com/jackc/pgx/v5/pgxpool", "(*Pool).Exec", PGX + "pgxpool/pool.go", 702))),
        (see("sentry.error", 2), spl(2, msg="expire reservations", caller="/src/lockers/internal/jobs/sweeper.go:33"), dd(msg="expire reservations", caller="/src/lockers/internal/jobs/sweeper.go:33")),
        classes=(1, 2), entry="sweeper", log="expire reservations"),
    Bug("lg-singleton-label", "locker-api", (Exc("*errors.errorString", "label: unsupported barcode symbology \"DATAMATRIX\"", (*HTTP, app("internal/api", "(*DropoffHandler).Label", "dropoff.go", 140), app("internal/label", "Render", "render.go", 52))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /v1/dropoffs/{id}/label"),
]

NOISE = [
    Noise("lg-noise-deploy", "locker-api", "datadog.event", {"monitor": "Deploy", "text": "locker-api v1.31.0 rolled out to lockers-prod (6/6 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "lockers"}),
    Noise("lg-noise-panics-recovered", "locker-api", "datadog.log", {"monitor": "[locker-api] panics", "text": "Recovered: no panics on locker-api in the last 10 minutes.", "transition": "Recovered", "alert_type": "success", "team": "lockers", "filter": 'service:locker-api "panic:"'}),
    Noise("lg-noise-shutdown", "locker-api", "splunk", {"search": "locker-api - zerolog errors", "owner": "ql_ops", "app": "lockers", "line": '{"level":"warn","error":"context canceled","time":"{ts}","message":"graceful shutdown: closing idle connections","caller":"/src/lockers/cmd/locker-api/main.go:94"}'}),
]

QUINTON = Company(
    key="lg",
    name="Quinton Lockers",
    domain="quinton-lockers.example",
    sentry_org="quinton-lockers",
    splunk_url="https://quinton.splunkcloud.com",
    splunk_guid="A4C21E77-90B3-4D5F-8E61-2F7B9C0D1A36",
    datadog_org=("1051002", "Quinton Lockers"),
    datadog_template="recommended",
    posthog_project=(105102, "Quinton Lockers"),
    releases=("v1.30.0", "v1.30.2", "v1.31.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="quinton-sentry-client-secret",
)
# fmt: on
