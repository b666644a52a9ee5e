"""(fo) Jarrowfield Lockers, parcel lockers at stations: a Go 1.22 API on Fiber v2.52
(``locker-api``: reservations, drop-offs and pick-up codes over pgx v5 and go-redis v9) and a
``courier-gw`` Fiber service taking couriers' scans.

Both log through zerolog: ``locker-api`` with the JSON encoder and ``zerolog/pkgerrors``'
``MarshalStack`` (``stack`` an array of ``{func,line,source}``, innermost first; the error's
text in ``error``), ``courier-gw`` with ``ConsoleWriter{NoColor: true}`` left on from the
staging config (``fo-fiber-zerolog``). Sentry: sentry-go's fiber integration. Datadog: the
recommended template, log monitors on ``@error``, APM by type. PostHog: none.
"""

# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import GOSRC, go, golib

# fmt: off
SERVICES = {
    "locker-api": Service("locker-api", "go", "fo-fiber-zerolog", "kube:container:locker-api", "/var/log/containers/locker-api.log", "fo_prod", 6610231, "go1.22.7", framework="fiber"),
    "courier-gw": Service("courier-gw", "go", "fo-fiber-zerolog", "kube:container:courier-gw", "/var/log/containers/courier-gw.log", "fo_prod", 6610236, "go1.22.7", framework="fiber"),
}

FB = "/go/pkg/mod/github.com/gofiber/fiber/v2@v2.52.5/"
FIBER = (
    golib("github.com/valyala/fasthttp", "(*workerPool).workerFunc", "/go/pkg/mod/github.com/valyala/fasthttp@v1.55.0/workerpool.go", 225),
    golib("github.com/valyala/fasthttp", "(*Server).serveConn", "/go/pkg/mod/github.com/valyala/fasthttp@v1.55.0/server.go", 2385),
    golib("github.com/gofiber/fiber/v2", "(*App).handler", FB + "router.go", 252),
    golib("github.com/gofiber/fiber/v2", "(*App).next", FB + "router.go", 145),
    golib("github.com/gofiber/fiber/v2", "(*Ctx).Next", FB + "ctx.go", 1034),
)
MOD = "jarrowfield.example/"


def app(svc: str, pkg: str, function: str, file: str, line: int) -> Frame:
    return go(MOD + svc + "/internal/" + pkg, function, f"/src/{svc}/internal/{pkg}/{file}", line)


def pgerr(msg: str, code: str) -> str:
    return f"ERROR: {msg} (SQLSTATE {code})"


RESERVE = app("locker-api", "handler", "(*Reservations).Create", "reservations.go", 47)
DROP = app("locker-api", "handler", "(*Dropoffs).Confirm", "dropoffs.go", 63)
PICKUP = app("locker-api", "handler", "(*Pickups).Redeem", "pickups.go", 38)
SCAN = app("courier-gw", "handler", "(*Scans).Post", "scans.go", 29)
SLOTS = app("locker-api", "store", "(*SlotStore).Claim", "slots.go", 84)

LOG = dict(team="lockers", monitor="[lockers] Fiber 5xx with error", filter="service:locker-api status:error", style="error")
LOGGW = dict(team="lockers", monitor="[lockers] courier gateway errors", filter="service:courier-gw status:error", style="error")
APM = dict(team="lockers", monitor="[lockers] fiber.request errors by type", style="type")
SEARCH = {"search": "jarrowfield api errors", "app": "jarrowfield"}
CONSOLE = {"search": "jarrowfield courier errors", "app": "jarrowfield", "kind": "console"}

BUGS = [
    # The same unique-violation at two call sites: a reservation and a drop-off both claim a slot.
    Bug("fo-reserve-slot-dup", "locker-api", (Exc("*pgconn.PgError", pgerr('duplicate key value violates unique constraint "slot_claims_slot_id_active_key"', "23505"), (*FIBER, RESERVE, app("locker-api", "service", "(*Booking).Reserve", "booking.go", 71), SLOTS)),),
        (see("sentry.error", 3), see("splunk", 2, **SEARCH), see("datadog.log", **LOG)),
        classes=(4,), pair="fo-drop-slot-dup", entry="POST /v1/lockers/{n}/reservations", log="reserve slot"),
    Bug("fo-drop-slot-dup", "locker-api", (Exc("*pgconn.PgError", pgerr('duplicate key value violates unique constraint "slot_claims_slot_id_active_key"', "23505"), (*FIBER, DROP, app("locker-api", "service", "(*Booking).Dropoff", "booking.go", 118), SLOTS)),),
        (see("sentry.error", 2), see("splunk", 3, **SEARCH), see("datadog.apm", **APM)),
        classes=(4,), pair="fo-reserve-slot-dup", entry="POST /v1/dropoffs/{uuid}/confirm", log="confirm dropoff"),
    # pgx: no rows in two different lookups.
    Bug("fo-pickup-norows", "locker-api", (Exc("*errors.withStack", "no rows in result set", (*FIBER, PICKUP, app("locker-api", "store", "(*CodeStore).ByCode", "codes.go", 52))),),
        (see("sentry.error", 3), see("splunk", 2, **SEARCH), see("datadog.log", **LOG)),
        classes=(4,), pair="fo-locker-norows", entry="POST /v1/pickups/redeem", log="redeem pickup code"),
    Bug("fo-locker-norows", "locker-api", (Exc("*errors.withStack", "no rows in result set", (*FIBER, RESERVE, app("locker-api", "store", "(*LockerStore).Get", "lockers.go", 33))),),
        (see("sentry.error", 2), see("splunk", 2, **SEARCH), see("datadog.apm", **APM)),
        classes=(4,), pair="fo-pickup-norows", entry="POST /v1/lockers/{n}/reservations", log="load locker"),
    # Redis timeouts: the pick-up code cache and the courier route cache.
    Bug("fo-code-cache-timeout", "locker-api", (Exc("*net.OpError", "read tcp {ip}:{port}->10.0.4.12:6379: i/o timeout", (*FIBER, PICKUP, app("locker-api", "cache", "(*Codes).Lookup", "codes.go", 27), golib("github.com/redis/go-redis/v9", "(*baseClient).process", "/go/pkg/mod/github.com/redis/go-redis/v9@v9.6.1/redis.go", 388))),),
        (see("sentry.error", 2), see("splunk", 3, **SEARCH), see("datadog.log", **LOG)),
        classes=(3,), pair="fo-route-cache-timeout", entry="POST /v1/pickups/redeem", log="pickup code cache"),
    Bug("fo-route-cache-timeout", "courier-gw", (Exc("*net.OpError", "read tcp {ip}:{port}->10.0.4.12:6379: i/o timeout", (*FIBER, SCAN, app("courier-gw", "cache", "(*Routes).Current", "routes.go", 41), golib("github.com/redis/go-redis/v9", "(*baseClient).process", "/go/pkg/mod/github.com/redis/go-redis/v9@v9.6.1/redis.go", 388))),),
        (see("sentry.error", 3), see("splunk", 2, **CONSOLE), see("datadog.log", **LOGGW)),
        classes=(3,), pair="fo-code-cache-timeout", entry="POST /scans", log="route cache"),
    # A nil map panic recovered by Fiber's recover middleware, and a nil pointer in the same handler.
    Bug("fo-scan-nil-map", "courier-gw", (Exc("runtime.Error", "assignment to entry in nil map", (*FIBER, SCAN, app("courier-gw", "scan", "(*Batch).Add", "batch.go", 58))),),
        (see("sentry.error", 3), see("splunk", 2, stack=False, **CONSOLE), see("datadog.apm", **APM)),
        classes=(6,), pair="fo-scan-nil-pointer", entry="POST /scans", log="panic recovered"),
    Bug("fo-scan-nil-pointer", "courier-gw", (Exc("runtime.Error", "invalid memory address or nil pointer dereference", (*FIBER, SCAN, app("courier-gw", "scan", "(*Batch).Courier", "batch.go", 91))),),
        (see("sentry.error", 2), see("splunk", 3, stack=False, **CONSOLE), see("datadog.log", **LOGGW)),
        classes=(6,), pair="fo-scan-nil-map", entry="POST /scans", log="panic recovered"),
    # JSON decoding of two different bodies.
    Bug("fo-scan-body-json", "courier-gw", (Exc("*json.UnmarshalTypeError", "json: cannot unmarshal string into Go struct field Scan.weight_g of type int", (*FIBER, SCAN, golib("github.com/gofiber/fiber/v2", "(*Ctx).BodyParser", FB + "ctx.go", 385))),),
        (see("sentry.error", 2), see("splunk", 2, **CONSOLE), see("datadog.log", **LOGGW)),
        classes=(5,), pair="fo-reserve-body-json", entry="POST /scans", log="parse scan"),
    Bug("fo-reserve-body-json", "locker-api", (Exc("*json.UnmarshalTypeError", "json: cannot unmarshal string into Go struct field ReserveRequest.size of type locker.Size", (*FIBER, RESERVE, golib("github.com/gofiber/fiber/v2", "(*Ctx).BodyParser", FB + "ctx.go", 385))),),
        (see("sentry.error", 3), see("splunk", 2, **SEARCH)),
        classes=(5,), pair="fo-scan-body-json", entry="POST /v1/lockers/{n}/reservations", log="parse reservation"),
    # Not pairs.
    Bug("fo-pool-exhausted", "locker-api", (Exc("*errors.withStack", "failed to connect to `user=lockers database=lockers`: context deadline exceeded", (*FIBER, DROP, app("locker-api", "store", "(*DropStore).Tx", "tx.go", 22), golib("github.com/jackc/pgx/v5/pgxpool", "(*Pool).Acquire", "/go/pkg/mod/github.com/jackc/pgx/v5@v5.6.0/pgxpool/pool.go", 512))),),
        (see("sentry.error", 3), see("splunk", 3, **SEARCH), see("datadog.log", **LOG), see("datadog.apm", **APM)),
        classes=(3,), entry="POST /v1/dropoffs/{uuid}/confirm", log="begin tx", span=2),
    Bug("fo-door-timeout", "locker-api", (Exc("*url.Error", 'Post "http://door-ctl.lockers.svc:8080/v1/doors/{n}/open": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', (*FIBER, PICKUP, app("locker-api", "door", "(*Client).Open", "client.go", 66), golib("net/http", "(*Client).do", GOSRC + "net/http/client.go", 724))),),
        (see("sentry.error", 3), see("splunk", 2, **SEARCH), see("datadog.apm", **APM)),
        classes=(9,), entry="POST /v1/pickups/redeem", log="open door"),
    Bug("fo-barcode-index", "courier-gw", (Exc("runtime.boundsError", "index out of range [12] with length 12", (*FIBER, SCAN, app("courier-gw", "scan", "checkDigit", "barcode.go", 19))),),
        (see("sentry.error", 2), see("splunk", 2, stack=False, **CONSOLE)),
        classes=(6,), entry="POST /scans", log="panic recovered", span=2),
    Bug("fo-body-limit", "courier-gw", (Exc("*fiber.Error", "Request Entity Too Large", ()),),
        (see("splunk", 3, stack=False, **CONSOLE), see("datadog.log", 2, **LOGGW)),
        classes=(10,), entry="POST /scans/photos", log="request failed"),
    Bug("fo-tz-singleton", "locker-api", (Exc("*errors.errorString", "unknown time zone Europe/Kyiv", (*FIBER, RESERVE, app("locker-api", "service", "expiresAt", "expiry.go", 14))),),
        (see("sentry.error"),),
        singleton=True, entry="POST /v1/lockers/{n}/reservations"),
    # A log line without an error: the door controller's slow acks.
    Bug("fo-slow-door-ack", "locker-api", (),
        (see("splunk", 3, search="jarrowfield slow doors", app="jarrowfield", line='{"level":"warn","service":"locker-api","door":"D-{n}","took":"{godur}","time":"{ts}","message":"door ack slow"}'), see("datadog.log", 2, team="lockers", monitor="[lockers] slow door acks", filter="service:locker-api status:warn", text="door ack slow door=D-{n} took={godur}")),
        classes=(7,)),
]

NOISE = [
    Noise("fo-noise-deploy", "locker-api", "datadog.event", {"monitor": "Deploy", "text": "locker-api 1.19.0 rolled out to lockers-prod (4/4).", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("fo-noise-listen", "courier-gw", "splunk", {"search": "jarrowfield courier errors", "line": "2026-03-02T06:00:01Z INF server started addr=:3000 handlers=14 pid=1"}),
    Noise("fo-noise-recovered", "locker-api", "datadog.log", {"monitor": "[lockers] Fiber 5xx with error", "text": "Recovered: error logs back under the threshold.", "transition": "Recovered", "alert_type": "success"}),
]

JARROWFIELD = Company(
    key="fo",
    name="Jarrowfield Lockers",
    domain="jarrowfield-lockers.example",
    sentry_org="jarrowfield",
    splunk_url="https://jarrowfield.splunkcloud.com",
    splunk_guid="3E7A1C90-4B2D-4F6E-9A83-1D5C7B2E0F46",
    datadog_org=("718822", "Jarrowfield Lockers"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("1.18.2", "1.18.3", "1.19.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="jarrowfield-sentry-client-secret",
)
# fmt: on
