"""(ef) Ennerdale Hauliers, a freight quoting and booking service: Go 1.22 services on
Kubernetes, ``haul-api`` (net/http with chi, pgx v5 over PostgreSQL, go-redis v9) and
``haul-worker`` (goroutine loops polling carriers' tracking APIs).

The team never switched zap to its production config: both services log through
``zap.NewDevelopment()``, the console encoder with a tab-separated head, the fields as JSON
and a multi-line stacktrace after every error; panics that chi's ``Recoverer`` misses reach
stderr as Go prints them. Sentry: sentry-go with its net/http integration. Splunk indexes the
containers' stderr (Splunk Connect for Kubernetes); Datadog has APM monitors on the API and a
log monitor pasting samples of the zap lines. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import GO_HTTP, go, golib

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.go", "0.28.1", "go:github.com/getsentry/sentry-go")
SERVICES = {
    "haul-api": Service("haul-api", "go", "ef-zap-dev", "kube:container:haul-api", "/var/log/containers/haul-api.log", "ef_k8s", 7440031, "go1.22.7", framework="net/http", sdk=SDK),
    "haul-worker": Service("haul-worker", "go", "ef-zap-dev", "kube:container:haul-worker", "/var/log/containers/haul-worker.log", "ef_k8s", 7440034, "go1.22.7", sdk=SDK),
}
PGX = "/go/pkg/mod/github.com/jackc/pgx/v5@v5.6.0/"
REDIS = "/go/pkg/mod/github.com/redis/go-redis/v9@v9.5.3/"


def a(fn: str, file: str, line: int) -> Frame:
    pkg = file.rsplit("/", 1)[0]
    return go("github.com/ennerdale/haul/internal/" + pkg, fn.removeprefix(pkg + "."), "/build/internal/" + file, line)


WORKER = (
    golib("github.com/ennerdale/haul/internal/poller", "(*Loop).Run.func1", "/build/internal/poller/loop.go", 48),
    golib("github.com/ennerdale/haul/internal/poller", "(*Loop).tick", "/build/internal/poller/loop.go", 71),
)
QUERY_ROW = (golib("github.com/jackc/pgx/v5", "(*connRow).Scan", PGX + "rows.go", 378),)
EXEC = (golib("github.com/jackc/pgx/v5", "(*Conn).Exec", PGX + "conn.go", 498),)
REDIS_GET = (golib("github.com/redis/go-redis/v9", "(*StringCmd).Result", REDIS + "command.go", 1210),)
# Every outbound call goes through one client with a per-call timeout.
HTTPC = (
    a("httpc.(*Client).Do", "httpc/client.go", 61),
    golib("net/http", "(*Client).Do", "/usr/local/go/src/net/http/client.go", 590),
)
API = {"search": "haul-api errors", "sourcetype": "kube:container:haul-api"}
WRK = {"search": "haul-worker errors", "sourcetype": "kube:container:haul-worker"}
PANIC = {"search": "haul-api errors", "format": "go-panic"}
APM = {"monitor": "haul-api error rate"}
DD = {"team": "haulage", "monitor": "haul error logs", "filter": "service:haul-* status:error", "style": "sample"}
NIL = "runtime error: invalid memory address or nil pointer dereference"


def http(*frames: Frame) -> tuple[Frame, ...]:
    return (*GO_HTTP, *frames)


def loop(*frames: Frame) -> tuple[Frame, ...]:
    return (*WORKER, *frames)


def pg(msg: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (Exc("*pgconn.PgError", msg, frames),)


BUGS = [
    # The same nil dereference in two places.
    Bug("ef-quote-rate-nil", "haul-api", (Exc("runtime.Error", NIL, http(a("api.(*Handler).CreateQuote", "api/quotes.go", 47), a("pricing.(*Pricer).Rate", "pricing/rate.go", 83))),),
        (see("sentry.error", 3), see("sentry.error", release=2), see("splunk", 2, **PANIC), see("datadog.apm", **APM)),
        classes=(4, 5), pair="ef-manifest-nil", entry="POST /v1/quotes", span=3, renames={"CreateQuote": "QuoteCreate"}),
    Bug("ef-manifest-nil", "haul-worker", (Exc("runtime.Error", NIL, loop(a("manifest.(*Builder).Build", "manifest/build.go", 36), a("manifest.lineFor", "manifest/lines.go", 19))),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, msg="manifest build panicked", **WRK), see("datadog.log", msg="manifest build panicked", **DD)),
        classes=(4,), pair="ef-quote-rate-nil", entry="manifest-builder"),
    # "no rows" from two stores.
    Bug("ef-quote-no-rows", "haul-api", (Exc("*fmt.wrapError", "get quote {uuid}: no rows in result set", http(a("api.(*Handler).AcceptQuote", "api/quotes.go", 91), a("store.(*Quotes).Get", "store/quotes.go", 28), *QUERY_ROW)),),
        (see("sentry.error", 3), see("splunk", 2, msg="accept quote", **API), see("datadog.apm", **APM)),
        classes=(4,), pair="ef-carrier-no-rows", entry="POST /v1/quotes/{id}/accept", log="accept quote"),
    Bug("ef-carrier-no-rows", "haul-worker", (Exc("*fmt.wrapError", "load carrier {id}: no rows in result set", loop(a("tracking.(*Poller).Poll", "tracking/poll.go", 54), a("store.(*Carriers).Get", "store/carriers.go", 22), *QUERY_ROW)),),
        (see("sentry.error", 3), see("splunk", 2, msg="poll failed", **WRK), see("datadog.log", msg="poll failed", **DD)),
        classes=(4,), pair="ef-quote-no-rows", entry="tracking-poller", log="poll failed"),
    # One insert, two constraints.
    Bug("ef-booking-unique", "haul-api", pg('ERROR: duplicate key value violates unique constraint "bookings_reference_key" (SQLSTATE 23505)', http(a("api.(*Handler).CreateBooking", "api/bookings.go", 62), a("store.(*Bookings).Insert", "store/bookings.go", 41), *EXEC)),
        (see("sentry.error", 3), see("splunk", 2, msg="create booking", **API), see("datadog.apm", **APM)),
        classes=(4,), pair="ef-booking-fk", entry="POST /v1/bookings", log="create booking"),
    Bug("ef-booking-fk", "haul-api", pg('ERROR: insert or update on table "bookings" violates foreign key constraint "bookings_carrier_id_fkey" (SQLSTATE 23503)', http(a("api.(*Handler).CreateBooking", "api/bookings.go", 62), a("store.(*Bookings).Insert", "store/bookings.go", 41), *EXEC)),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, msg="create booking", **API)),
        classes=(4,), pair="ef-booking-unique", entry="POST /v1/bookings", log="create booking"),
    # The shared HTTP client at the end of two timeouts.
    Bug("ef-rates-timeout", "haul-api", (Exc("*url.Error", 'Post "https://api.fellcarriers.example/v1/rates": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', http(a("api.(*Handler).CreateQuote", "api/quotes.go", 55), a("carriers.(*Fell).Rates", "carriers/fell.go", 33), *HTTPC)),),
        (see("sentry.error", 3), see("splunk", 2, msg="carrier rates", **API), see("datadog.apm", **APM), see("datadog.log", msg="carrier rates", **DD)),
        classes=(8, 9), pair="ef-tracking-timeout", entry="POST /v1/quotes", log="carrier rates"),
    Bug("ef-tracking-timeout", "haul-worker", (Exc("*url.Error", 'Get "https://track.fellcarriers.example/v2/shipments/{ref}": context deadline exceeded', loop(a("tracking.(*Poller).Poll", "tracking/poll.go", 67), a("carriers.(*Fell).Track", "carriers/fell.go", 71), *HTTPC)),),
        (see("sentry.error", 3), see("splunk", 2, msg="poll failed", **WRK), see("datadog.log", msg="poll failed", **DD)),
        classes=(8, 9), pair="ef-rates-timeout", entry="tracking-poller", log="poll failed"),
    # The quote cache: a miss treated as an error, and the pool running dry.
    Bug("ef-cache-nil", "haul-api", (Exc("proto.RedisError", "redis: nil", http(a("api.(*Handler).GetQuote", "api/quotes.go", 118), a("cache.(*Quotes).Get", "cache/quotes.go", 24), *REDIS_GET)),),
        (see("sentry.error", 3), see("splunk", 2, msg="quote cache", **API)),
        classes=(4,), pair="ef-cache-pool", entry="GET /v1/quotes/{id}", log="quote cache"),
    Bug("ef-cache-pool", "haul-api", (Exc("*errors.errorString", "redis: connection pool timeout", http(a("api.(*Handler).GetQuote", "api/quotes.go", 118), a("cache.(*Quotes).Get", "cache/quotes.go", 24), *REDIS_GET)),),
        (see("sentry.error", 2), see("splunk", 2, msg="quote cache", **API), see("datadog.apm", **APM)),
        classes=(4, 9), pair="ef-cache-nil", entry="GET /v1/quotes/{id}", log="quote cache"),
    # A JSON body with the weight as a string, over two releases.
    Bug("ef-booking-decode", "haul-api", (Exc("*json.UnmarshalTypeError", "json: cannot unmarshal string into Go struct field BookingRequest.weight_kg of type float64", http(a("api.(*Handler).CreateBooking", "api/bookings.go", 31), a("api.decode", "api/json.go", 14))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("splunk", 2, msg="decode booking", **API)),
        classes=(5,), entry="POST /v1/bookings", log="decode booking", span=2),
    Bug("ef-lease-lost", "haul-worker", (Exc("*errors.errorString", "lease lost: tracking-poller held by haul-worker-{n}", loop(a("lease.(*Lease).Renew", "lease/lease.go", 58))),),
        (see("sentry.error", 2), see("splunk", 3, msg="lease renew", **WRK), see("datadog.log", 2, msg="lease renew", **DD)),
        classes=(9,), entry="tracking-poller", log="lease renew"),
    Bug("ef-pod-index", "haul-worker", (Exc("runtime.Error", "runtime error: index out of range [0] with length 0", loop(a("manifest.(*Builder).Build", "manifest/build.go", 44), a("manifest.firstLeg", "manifest/legs.go", 9))),),
        (see("sentry.error"),),
        singleton=True, entry="manifest-builder"),
    Bug("ef-pg-conn-reset", "haul-api", (Exc("*net.OpError", "failed to connect to `user=haul database=haul`: 10.40.{n}.12:5432 (pg-haul.internal): dial error: dial tcp 10.40.{n}.12:5432: connect: connection refused", http(a("api.(*Handler).ListBookings", "api/bookings.go", 104), a("store.(*Bookings).List", "store/bookings.go", 77))),),
        (see("sentry.error"), see("datadog.apm", **APM)),
        singleton=True, entry="GET /v1/bookings", log="list bookings"),
]

NOISE = [
    Noise("ef-noise-deploy", "haul-api", "datadog.event", {"monitor": "Deployed haul-api v2.9.0", "text": "Flux reconciled haul-api to v2.9.0 (3/3 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "haulage"}),
    Noise("ef-noise-recovered", "haul-worker", "datadog.log", {"monitor": "haul error logs", "transition": "Recovered", "alert_type": "success", "team": "haulage", "filter": "service:haul-* status:error", "text": "haul error logs back under threshold."}),
    Noise("ef-noise-scale", "haul-worker", "datadog.event", {"monitor": "haul-worker scaled", "text": "HorizontalPodAutoscaler haul-worker scaled from 2 to 4 replicas (cpu 81% of request).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "haulage"}),
    Noise("ef-noise-boot", "haul-api", "splunk", {**API, "line": "{tsms}\tINFO\tcmd/main.go:71\tlistening\t{\"addr\": \":8080\"}"}),
]

ENNERDALE = Company(
    key="ef",
    name="Ennerdale Hauliers",
    domain="ennerdale.example",
    sentry_org="ennerdale",
    splunk_url="https://ennerdale.splunkcloud.com",
    splunk_guid="0D7C3A58-9E21-4F6B-B8D4-3A61E2F9C027",
    datadog_org=("540219", "Ennerdale Hauliers"),
    datadog_template="custom",
    posthog_project=(0, ""),
    releases=("v2.8.3", "v2.9.0", "v2.9.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="ennerdale-sentry-client-secret",
)
# fmt: on
