"""(ib) Unthank Ferries, island ferry bookings: a Go 1.22 gRPC service (``booking-svc``:
fares, seat holds and bookings over pgx, a payments client over gRPC) and a timetable poller
(``sailing-sync``: the harbour authority's sailing feed every five minutes), on Kubernetes.

Logs: go-kit's logfmt logger (``ib-gokit-logfmt``: ``ts``, ``caller``, ``level``,
``method`` the gRPC full method, ``err``, ``took``; the poller's records carry ``job`` and
``msg``), read only through Datadog log monitors pasting ``{{log.message}}``. Sentry: sentry-go
with its gRPC server interceptor (panics recovered and reported, returned errors captured
by the team's own interceptor). No Splunk, no PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import go, golib

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "booking-svc": Service("booking-svc", "go", "ib-gokit-logfmt", "", "", "", 5577301, "go1.22.8", framework="grpc"),
    "sailing-sync": Service("sailing-sync", "go", "ib-gokit-logfmt", "", "", "", 5577302, "go1.22.8"),
}
GOSRC = "/usr/local/go/src/"
GRPC = "/go/pkg/mod/google.golang.org/grpc@v1.64.0/"
SGRPC = "/go/pkg/mod/github.com/getsentry/sentry-go/grpc@v0.30.0/"
MOD = "unthank.example/ferries/"
PANIC = golib("runtime", "gopanic", GOSRC + "runtime/panic.go", 770)
SIGPANIC = golib("runtime", "sigpanic", GOSRC + "runtime/signal_unix.go", 900)
BOUNDS = golib("runtime", "goPanicIndex", GOSRC + "runtime/panic.go", 115)


def app(pkg: str, function: str, file: str, line: int) -> Frame:
    return go(MOD + pkg, function, f"/src/ferries/{pkg}/{file}", line)


def rpc(method: str, handler: str, line: int) -> tuple[Frame, ...]:
    """A unary RPC through the generated handler, the interceptor chain and sentrygrpc."""
    return (
        golib("google.golang.org/grpc", "(*Server).serveStreams.func2.1", GRPC + "server.go", 1029),
        golib("google.golang.org/grpc", "(*Server).handleStream", GRPC + "server.go", 1770),
        golib("google.golang.org/grpc", "(*Server).processUnaryRPC", GRPC + "server.go", 1394),
        go(MOD + "gen/bookingv1", f"_BookingService_{method}_Handler", "/src/ferries/gen/bookingv1/booking_grpc.pb.go", 211),
        golib("google.golang.org/grpc", "chainUnaryInterceptors.func1", GRPC + "server.go", 1186),
        golib("github.com/getsentry/sentry-go/grpc", "UnaryServerInterceptor.func1", SGRPC + "server.go", 112),
        go(MOD + "gen/bookingv1", f"_BookingService_{method}_Handler.func1", "/src/ferries/gen/bookingv1/booking_grpc.pb.go", 209),
        app("internal/server", f"(*Server).{handler}", f"{handler.lower()}.go", line),
    )


POLL = (
    golib("runtime", "goexit", GOSRC + "runtime/asm_amd64.s", 1695),
    app("cmd/sailing-sync", "main.func1", "main.go", 64),
    app("internal/feed", "(*Poller).Tick", "poller.go", 52),
)
PGX = "/go/pkg/mod/github.com/jackc/pgx/v5@v5.6.0/"
EXEC = (
    golib("github.com/jackc/pgx/v5/pgxpool", "(*Pool).Exec", PGX + "pgxpool/pool.go", 617),
    golib("github.com/jackc/pgx/v5", "(*Conn).Exec", PGX + "conn.go", 509),
)
SCAN = golib("github.com/jackc/pgx/v5", "(*connRow).Scan", PGX + "rows.go", 487)
NIL = "runtime error: invalid memory address or nil pointer dereference"

# Datadog log monitors: the team's template pastes the logfmt line as it arrived.
RPCLOG = dict(team="ferries", monitor="[booking-svc] rpc errors", filter="service:booking-svc level:error", caller="logging.go:41", text="booking-svc RPC failing:\n\n```\n{{log.message}}\n```\nhost: {{log.host}}")
PANICLOG = dict(team="ferries", monitor="[booking-svc] recovered panics", filter='service:booking-svc level:error "panic"', caller="recover.go:28", text="Recovered panic in booking-svc\n\n```\n{{log.message}}\n```")
SYNCLOG = dict(team="ferries", monitor="[sailing-sync] errors", filter="service:sailing-sync level:error", style="sample", msg="poll failed", caller="poller.go:58")


def status(code: str, desc: str) -> str:
    return f"rpc error: code = {code} desc = {desc}"


BUGS = [
    # Nil dereferences in two handlers, recovered by the interceptor.
    Bug("ib-quote-vessel-nil", "booking-svc", (Exc("runtime.errorString", NIL, (*rpc("Quote", "Quote", 47), app("internal/fares", "(*Calculator).VehicleSupplement", "supplement.go", 31), SIGPANIC, PANIC)),),
        (see("sentry.error", 3), see("datadog.log", 2, **PANICLOG)),
        classes=(4,), pair="ib-hold-sailing-nil", entry="/unthank.booking.v1.BookingService/Quote", span=2, renames={"(*Calculator).VehicleSupplement": "(*Calculator).Supplement"}),
    Bug("ib-hold-sailing-nil", "booking-svc", (Exc("runtime.errorString", NIL, (*rpc("HoldSeats", "HoldSeats", 58), app("internal/holds", "(*Service).capacityLeft", "holds.go", 77), SIGPANIC, PANIC)),),
        (see("sentry.error", 2), see("datadog.log", 2, **PANICLOG)),
        classes=(4,), pair="ib-quote-vessel-nil", entry="/unthank.booking.v1.BookingService/HoldSeats"),
    # The same index panic in the cabin picker and the timetable merge.
    Bug("ib-cabin-index", "booking-svc", (Exc("runtime.boundsError", "runtime error: index out of range [4] with length 4", (*rpc("Book", "Book", 66), app("internal/cabins", "pickBerth", "berths.go", 29), BOUNDS)),),
        (see("sentry.error", 3), see("datadog.log", 3, **PANICLOG)),
        classes=(4,), pair="ib-timetable-index", entry="/unthank.booking.v1.BookingService/Book"),
    Bug("ib-timetable-index", "sailing-sync", (Exc("runtime.boundsError", "runtime error: index out of range [4] with length 4", (*POLL, app("internal/feed", "mergeLegs", "merge.go", 44), BOUNDS)),),
        (see("sentry.error", 2), see("datadog.log", 2, **SYNCLOG)),
        classes=(4,), pair="ib-cabin-index", entry="feed.poll"),
    # Unique violations on two tables through pgx.
    Bug("ib-dup-booking-seat", "booking-svc", (Exc("*pgconn.PgError", 'ERROR: duplicate key value violates unique constraint "bookings_sailing_id_seat_no_key" (SQLSTATE 23505)', (*rpc("Book", "Book", 81), app("internal/store", "(*Bookings).Insert", "bookings.go", 36), *EXEC)),
                                                Exc("*fmt.wrapError", 'insert booking: ERROR: duplicate key value violates unique constraint "bookings_sailing_id_seat_no_key" (SQLSTATE 23505)', (*rpc("Book", "Book", 81), app("internal/store", "(*Bookings).Insert", "bookings.go", 38)))),
        (see("sentry.error", 3), see("datadog.log", 2, **RPCLOG)),
        classes=(4, 9), pair="ib-dup-hold-token", entry="/unthank.booking.v1.BookingService/Book"),
    Bug("ib-dup-hold-token", "booking-svc", (Exc("*pgconn.PgError", 'ERROR: duplicate key value violates unique constraint "seat_holds_token_key" (SQLSTATE 23505)', (*rpc("HoldSeats", "HoldSeats", 72), app("internal/store", "(*Holds).Insert", "holds.go", 29), *EXEC)),
                                              Exc("*fmt.wrapError", 'insert hold: ERROR: duplicate key value violates unique constraint "seat_holds_token_key" (SQLSTATE 23505)', (*rpc("HoldSeats", "HoldSeats", 72), app("internal/store", "(*Holds).Insert", "holds.go", 31)))),
        (see("sentry.error", 2), see("datadog.log", 2, **RPCLOG)),
        classes=(4, 9), pair="ib-dup-booking-seat", entry="/unthank.booking.v1.BookingService/HoldSeats"),
    # One (*Server).Amend: a deadline and a missing row.
    Bug("ib-amend-deadline", "booking-svc", (Exc("context.deadlineExceededError", "context deadline exceeded", ()),
                                             Exc("*fmt.wrapError", "load booking {ref}: context deadline exceeded", (*rpc("Amend", "Amend", 39), app("internal/store", "(*Bookings).Get", "bookings.go", 61), SCAN))),
        (see("sentry.error", 2), see("datadog.log", 2, **RPCLOG)),
        classes=(7,), pair="ib-amend-norows", entry="/unthank.booking.v1.BookingService/Amend"),
    Bug("ib-amend-norows", "booking-svc", (Exc("*errors.errorString", "no rows in result set", ()),
                                           Exc("*fmt.wrapError", "load booking {ref}: no rows in result set", (*rpc("Amend", "Amend", 39), app("internal/store", "(*Bookings).Get", "bookings.go", 61), SCAN))),
        (see("sentry.error", 3), see("datadog.log", 2, **RPCLOG)),
        pair="ib-amend-deadline", entry="/unthank.booking.v1.BookingService/Amend", span=2),
    # The harbour feed: a dial timeout and a truncated body under one monitor.
    Bug("ib-feed-dial-timeout", "sailing-sync", (Exc("*net.OpError", "dial tcp {ip}:443: i/o timeout", ()),
                                                 Exc("*url.Error", 'Get "https://feeds.harbour.example/v2/sailings?since={n}": dial tcp {ip}:443: i/o timeout', (*POLL, app("internal/feed", "(*Client).Fetch", "client.go", 38), golib("net/http", "(*Client).Do", GOSRC + "net/http/client.go", 590)))),
        (see("sentry.error", 2), see("datadog.log", 3, **SYNCLOG)),
        classes=(7,), pair="ib-feed-eof", entry="feed.poll"),
    Bug("ib-feed-eof", "sailing-sync", (Exc("*errors.errorString", "unexpected EOF", ()),
                                        Exc("*fmt.wrapError", "decode sailings: unexpected EOF", (*POLL, app("internal/feed", "(*Client).Fetch", "client.go", 47), golib("encoding/json", "(*Decoder).Decode", GOSRC + "encoding/json/stream.go", 63)))),
        (see("sentry.error", 2), see("datadog.log", 2, **SYNCLOG)),
        pair="ib-feed-dial-timeout", entry="feed.poll"),
    # The payments service unreachable over gRPC.
    Bug("ib-payments-unavailable", "booking-svc", (Exc("*status.Error", status("Unavailable", 'connection error: desc = "transport: Error while dialing: dial tcp {ip}:9090: connect: connection refused"'), (*rpc("Book", "Book", 94), app("internal/payments", "(*Client).Authorise", "client.go", 33), golib("google.golang.org/grpc", "(*ClientConn).Invoke", GRPC + "call.go", 35))),),
        (see("sentry.error", 4), see("datadog.log", 3, **RPCLOG)),
        classes=(5,), entry="/unthank.booking.v1.BookingService/Book", span=3),
    # A vehicle length sent empty by the kiosk app.
    Bug("ib-vehicle-length", "booking-svc", (Exc("*strconv.NumError", 'strconv.ParseFloat: parsing "": invalid syntax', ()),
                                             Exc("*fmt.wrapError", 'vehicle length: strconv.ParseFloat: parsing "": invalid syntax', (*rpc("Quote", "Quote", 33), app("internal/fares", "parseVehicle", "vehicle.go", 18)))),
        (see("sentry.error", 3), see("datadog.log", 2, **RPCLOG)),
        entry="/unthank.booking.v1.BookingService/Quote"),
    # A refund larger than what was paid: the team's own error, returned as FailedPrecondition.
    Bug("ib-refund-exceeds", "booking-svc", (Exc("*errors.errorString", "refund exceeds amount paid", ()),
                                             Exc("*fmt.wrapError", "refund booking {ref}: refund exceeds amount paid", (*rpc("Refund", "Refund", 52), app("internal/refunds", "(*Policy).Apply", "policy.go", 64)))),
        (see("sentry.error", 2), see("datadog.log", 3, **RPCLOG)),
        entry="/unthank.booking.v1.BookingService/Refund"),
    # The feed's departure times past midnight ("24:05") refused by time.Parse.
    Bug("ib-feed-hour-range", "sailing-sync", (Exc("*time.ParseError", 'parsing time "24:05": hour out of range', (*POLL, app("internal/feed", "toSailing", "convert.go", 27), golib("time", "Parse", GOSRC + "time/format.go", 1012))),),
        (see("sentry.error", 2), see("datadog.log", 3, **SYNCLOG)),
        classes=(5,), entry="feed.poll", span=2, renames={"toSailing": "convertSailing"}),
    # A singleton: a closed channel send in the hold expiry sweeper.
    Bug("ib-singleton-closed-chan", "booking-svc", (Exc("runtime.plainError", "send on closed channel", (golib("runtime", "goexit", GOSRC + "runtime/asm_amd64.s", 1695), app("internal/holds", "(*Sweeper).Run.func1", "sweeper.go", 42), golib("runtime", "chansend1", GOSRC + "runtime/chan.go", 146))),),
        (see("sentry.error"),),
        singleton=True, entry="holds.sweep"),
]

NOISE = [
    Noise("ib-noise-deploy", "booking-svc", "datadog.event", {"monitor": "Deploy", "text": "booking-svc v1.19.0 rolled out to ferries-prod (3/3 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "ferries"}),
    Noise("ib-noise-recovered", "sailing-sync", "datadog.log", {"monitor": "[sailing-sync] errors", "text": "Recovered: sailing-sync errors back under threshold.", "transition": "Recovered", "alert_type": "success", "team": "ferries", "filter": "service:sailing-sync level:error"}),
]

UNTHANK = Company(
    key="ib",
    name="Unthank Ferries",
    domain="unthank-ferries.example",
    sentry_org="unthank",
    splunk_url="",
    splunk_guid="",
    datadog_org=("884179", "Unthank Ferries"),
    datadog_template="own",
    posthog_project=(77301, "Unthank"),
    releases=("v1.18.0", "v1.18.1", "v1.19.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="unthank-sentry-client-secret",
)
# fmt: on
