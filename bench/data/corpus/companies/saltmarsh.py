"""(k) Saltmarsh Ferries, ferry bookings and port operations: Go gRPC services behind an Envoy
edge (``booking``, seats and vehicle decks; ``fares``, the fare engine; both logging zap's
production JSON, panics caught by go-grpc-middleware's recovery interceptor and reported to
Sentry), a Go HTTP gateway for the port's check-in kiosks (``kiosk-gw``, chi; handler panics
printed by net/http), and a .NET 8 worker service (``manifests``, a BackgroundService that
builds passenger manifests for the port authorities, Serilog's plain-text file sink).

Sentry for every service (go, csharp); Splunk indexes the zap JSON, the gateway's stderr, the
worker's Serilog text and Envoy's access log; Datadog posts a team's own template (a
markdown body, a plain-text copy, the date unquoted). No PostHog: the kiosks run no web
analytics and the booking site belongs to an agency.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import GO_HTTP, cs, go, golib

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "booking": Service("booking", "go", "zap", "saltmarsh:go:zap", "/var/log/containers/booking.log", "sm_prod", 7340011, "go go1.22.5"),
    "fares": Service("fares", "go", "zap", "saltmarsh:go:zap", "/var/log/containers/fares.log", "sm_prod", 7340014, "go go1.22.5"),
    "kiosk-gw": Service("kiosk-gw", "go", "go-panic", "saltmarsh:kiosk:stderr", "/var/log/containers/kiosk-gw.log", "sm_prod", 7340017, "go go1.22.5"),
    "manifests": Service("manifests", "csharp", "serilog-text", "saltmarsh:dotnet:serilog", "/app/logs/manifests-.log", "sm_prod", 7340020, ".NET 8.0.7", sdk=("sentry.dotnet.extensions.logging", "4.10.2", "nuget:Sentry.Extensions.Logging")),
}

BK = "github.com/saltmarsh-ferries/booking"
FR = "github.com/saltmarsh-ferries/fares"
KG = "github.com/saltmarsh-ferries/kiosk-gw"
GRPC_MOD = "/go/pkg/mod/google.golang.org/grpc@v1.64.0/"
MW = "/go/pkg/mod/github.com/grpc-ecosystem/go-grpc-middleware/v2@v2.1.0/interceptors/recovery/"


def grpc(gen_pkg: str, gen_file: str, handler: str, line: int) -> tuple[Frame, ...]:
    """A unary call through grpc-go's server and the recovery interceptor (oldest first)."""
    return (
        golib("google.golang.org/grpc", "(*Server).serveStreams.func2.1", GRPC_MOD + "server.go", 1029),
        golib("google.golang.org/grpc", "(*Server).handleStream", GRPC_MOD + "server.go", 1740),
        golib("google.golang.org/grpc", "(*Server).processUnaryRPC", GRPC_MOD + "server.go", 1379),
        go(gen_pkg, handler, gen_file, line),
        golib("github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/recovery", "UnaryServerInterceptor.func1", MW + "interceptors.go", 33),
    )


BOOKING_HOLD = grpc(BK + "/gen/booking/v1", "/src/gen/booking/v1/booking_grpc.pb.go", "_BookingService_HoldSeats_Handler", 212)
BOOKING_VEHICLE = grpc(BK + "/gen/booking/v1", "/src/gen/booking/v1/booking_grpc.pb.go", "_BookingService_AddVehicle_Handler", 248)
FARES_QUOTE = grpc(FR + "/gen/fares/v1", "/src/gen/fares/v1/fares_grpc.pb.go", "_FareService_Quote_Handler", 131)
FARES_REFUND = grpc(FR + "/gen/fares/v1", "/src/gen/fares/v1/fares_grpc.pb.go", "_FareService_Refund_Handler", 167)


def wrapped(root_type: str, root: str, prefixes: tuple[str, ...], frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    """``fmt.Errorf("…: %w", err)`` at each prefix, innermost last; the stack is where the
    outermost error was captured."""
    chain = [Exc(root_type, root)]
    message = root
    for i, prefix in enumerate(reversed(prefixes)):
        message = f"{prefix}: {message}"
        chain.append(Exc("*fmt.wrapError", message, frames if i == len(prefixes) - 1 else ()))
    return tuple(chain)


def dn(type_: str, method: str, args: str, file: str, line: int, *, boundary: bool = False) -> Frame:
    return cs(f"Saltmarsh.Manifests.{type_}", method, args, f"/src/Saltmarsh.Manifests/{file}", line, boundary=boundary)


# The worker's loop: a BackgroundService that builds each sailing's manifest.
WORKER = (
    cs("Microsoft.Extensions.Hosting.Internal.Host", "<StartAsync>b__15_1", "(IHostedService service, CancellationToken token)", lib=True, boundary=True),
    dn("ManifestWorker", "ExecuteAsync", "(CancellationToken stoppingToken)", "ManifestWorker.cs", 52, boundary=True),
    dn("Sailings.SailingManifestBuilder", "BuildAsync", "(Sailing sailing, CancellationToken ct)", "Sailings/SailingManifestBuilder.cs", 38, boundary=True),
)
DICT_THROW = (
    cs("System.ThrowHelper", "ThrowKeyNotFoundException[T]", "(T key)", lib=True),
    cs("System.Collections.Generic.Dictionary`2", "get_Item", "(TKey key)", lib=True),
)
# Envoy's default access log format; the JSON transcoder maps REST paths onto the RPCs.
# UF: upstream connection failure (Envoy answers 503), UT: upstream request timeout (504).
ENVOY_503 = '[{tsms}] "POST /v1/bookings/hold HTTP/1.1" 503 UF,URX 412 91 {n} - "{ip}" "Mozilla/5.0" "{uuid}" "api.saltmarsh.example" "{ip2}:9090"'
ENVOY_504 = '[{tsms}] "POST /v1/fares/quote HTTP/1.1" 504 UT 233 24 15001 - "{ip}" "Mozilla/5.0" "{uuid}" "api.saltmarsh.example" "{ip2}:9090"'

BUGS = [
    # One index panic in two RPC handlers of two services: only the code location differs.
    Bug(
        "sm-hold-seat-index",
        "booking",
        (
            Exc(
                "runtime.boundsError",
                "index out of range [3] with length 3",
                (
                    *BOOKING_HOLD,
                    go(BK + "/internal/server", "(*BookingServer).HoldSeats", "/src/internal/server/hold.go", 61),
                    go(BK + "/internal/seating", "(*Deck).pickAdjacent", "/src/internal/seating/deck.go", 118),
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 2, msg="panic recovered"),
            see("datadog.log", style="error", msg="panic recovered", monitor="Panics on booking and fares", team="booking"),
        ),
        classes=(4,),
        pair="sm-quote-leg-index",
        log="panic recovered",
        entry="/saltmarsh.booking.v1.BookingService/HoldSeats",
    ),
    Bug(
        "sm-quote-leg-index",
        "fares",
        (
            Exc(
                "runtime.boundsError",
                "index out of range [3] with length 3",
                (
                    *FARES_QUOTE,
                    go(FR + "/internal/server", "(*FareServer).Quote", "/src/internal/server/quote.go", 44),
                    go(FR + "/internal/engine", "legFare", "/src/internal/engine/legs.go", 73),
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("splunk", 2, msg="panic recovered"),
            see("datadog.log", style="error", msg="panic recovered", monitor="Panics on booking and fares", team="booking"),
        ),
        classes=(4,),
        pair="sm-hold-seat-index",
        log="panic recovered",
        entry="/saltmarsh.fares.v1.FareService/Quote",
    ),
    # One downstream deadline in two handlers of one service, wrapped with %w.
    Bug(
        "sm-vehicle-deck-deadline",
        "booking",
        wrapped(
            "*status.Error",
            "rpc error: code = DeadlineExceeded desc = context deadline exceeded",
            ("add vehicle", "reserve lane metres"),
            (
                *BOOKING_VEHICLE,
                go(BK + "/internal/server", "(*BookingServer).AddVehicle", "/src/internal/server/vehicle.go", 39),
                go(BK + "/internal/server", "(*BookingServer).fail", "/src/internal/server/errors.go", 22),
            ),
        ),
        (
            see("sentry.error", 2),
            see("splunk", 2, msg="rpc failed"),
            see("datadog.apm", style="message", team="booking"),
        ),
        classes=(4, 9),
        pair="sm-hold-seat-deadline",
        log="rpc failed",
        entry="/saltmarsh.booking.v1.BookingService/AddVehicle",
    ),
    Bug(
        "sm-hold-seat-deadline",
        "booking",
        wrapped(
            "*status.Error",
            "rpc error: code = DeadlineExceeded desc = context deadline exceeded",
            ("hold seats", "lock cabin inventory"),
            (
                *BOOKING_HOLD,
                go(BK + "/internal/server", "(*BookingServer).HoldSeats", "/src/internal/server/hold.go", 77),
                go(BK + "/internal/server", "(*BookingServer).fail", "/src/internal/server/errors.go", 22),
            ),
        ),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 2, msg="rpc failed"),
            see("datadog.apm", style="message", team="booking"),
        ),
        classes=(4, 9),
        pair="sm-vehicle-deck-deadline",
        log="rpc failed",
        entry="/saltmarsh.booking.v1.BookingService/HoldSeats",
    ),
    # pgx's unique violations on two tables, wrapped once by the repository.
    Bug(
        "sm-seat-booking-unique",
        "booking",
        wrapped(
            "*pgconn.PgError",
            'ERROR: duplicate key value violates unique constraint "seat_holds_sailing_id_seat_no_key" (SQLSTATE 23505)',
            ("insert seat hold",),
            (
                *BOOKING_HOLD,
                go(BK + "/internal/server", "(*BookingServer).HoldSeats", "/src/internal/server/hold.go", 70),
                go(BK + "/internal/store", "(*Store).InsertHold", "/src/internal/store/holds.go", 54),
            ),
        ),
        (
            see("sentry.error", 2),
            see("splunk", 2, msg="rpc failed"),
            see("datadog.log", style="error", msg="rpc failed", team="booking"),
        ),
        classes=(4,),
        pair="sm-vehicle-reg-unique",
        log="rpc failed",
        entry="/saltmarsh.booking.v1.BookingService/HoldSeats",
    ),
    Bug(
        "sm-vehicle-reg-unique",
        "booking",
        wrapped(
            "*pgconn.PgError",
            'ERROR: duplicate key value violates unique constraint "vehicle_bookings_sailing_id_registration_key" (SQLSTATE 23505)',
            ("insert vehicle booking",),
            (
                *BOOKING_VEHICLE,
                go(BK + "/internal/server", "(*BookingServer).AddVehicle", "/src/internal/server/vehicle.go", 58),
                go(BK + "/internal/store", "(*Store).InsertVehicle", "/src/internal/store/vehicles.go", 33),
            ),
        ),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 2, msg="rpc failed"),
        ),
        classes=(4,),
        pair="sm-seat-booking-unique",
        log="rpc failed",
        entry="/saltmarsh.booking.v1.BookingService/AddVehicle",
    ),
    # A refund on a voided fare: a plain errors.New, over two releases with a renamed caller.
    Bug(
        "sm-refund-voided",
        "fares",
        (
            Exc(
                "*errors.errorString",
                "fare already voided",
                (
                    *FARES_REFUND,
                    go(FR + "/internal/server", "(*FareServer).Refund", "/src/internal/server/refund.go", 36),
                    go(FR + "/internal/engine", "(*Ledger).reverse", "/src/internal/engine/ledger.go", 92),
                ),
            ),
        ),
        (
            see("sentry.error", 3),
            see("splunk", 2, msg="refund rejected"),
            see("datadog.apm", style="type", team="fares"),
        ),
        classes=(5,),
        log="refund rejected",
        entry="/saltmarsh.fares.v1.FareService/Refund",
        span=3,
        renames={"(*FareServer).Refund": "(*FareServer).RefundBooking"},
    ),
    # The kiosk gateway: two nil maps written to in two handlers, net/http prints the panic.
    Bug(
        "sm-kiosk-checkin-nilmap",
        "kiosk-gw",
        (
            Exc(
                "runtime.plainError",
                "assignment to entry in nil map",
                (
                    *GO_HTTP,
                    go(KG + "/internal/handlers", "(*CheckIn).Complete", "/src/internal/handlers/checkin.go", 83),
                    go(KG + "/internal/boarding", "(*Pass).Stamp", "/src/internal/boarding/pass.go", 29),
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("splunk", 2, search="kiosk-gw panics"),
            see("datadog.log", style="sample", monitor="kiosk-gw panics", team="port"),
        ),
        classes=(4,),
        pair="sm-kiosk-print-nilmap",
        entry="POST /kiosk/v1/checkins/{checkin_id}/complete",
    ),
    Bug(
        "sm-kiosk-print-nilmap",
        "kiosk-gw",
        (
            Exc(
                "runtime.plainError",
                "assignment to entry in nil map",
                (
                    *GO_HTTP,
                    go(KG + "/internal/handlers", "(*Printer).Reprint", "/src/internal/handlers/print.go", 47),
                    go(KG + "/internal/boarding", "labelFields", "/src/internal/boarding/label.go", 61),
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 2, search="kiosk-gw panics"),
            see("datadog.log", style="sample", monitor="kiosk-gw panics", team="port"),
        ),
        classes=(4,),
        pair="sm-kiosk-checkin-nilmap",
        entry="POST /kiosk/v1/boarding-passes/{pass_id}/reprint",
    ),
    # The manifest worker: one missing port code read from one dictionary in two builders.
    Bug(
        "sm-manifest-port-key",
        "manifests",
        (
            Exc(
                "System.Collections.Generic.KeyNotFoundException",
                "The given key 'ISLAY' was not present in the dictionary.",
                (
                    *WORKER,
                    dn("Sailings.SailingManifestBuilder", "AddPassengers", "(Manifest manifest, IReadOnlyList`1 bookings)", "Sailings/SailingManifestBuilder.cs", 91),
                    dn("Ports.PortDirectory", "AuthorityFor", "(String portCode)", "Ports/PortDirectory.cs", 24),
                    *DICT_THROW,
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 2),
            see("datadog.log", style="kind", monitor="Errors on manifests", team="port"),
        ),
        classes=(4,),
        pair="sm-customs-port-key",
        log="Manifest for sailing {SailingId} failed",
    ),
    Bug(
        "sm-customs-port-key",
        "manifests",
        (
            Exc(
                "System.Collections.Generic.KeyNotFoundException",
                "The given key 'ISLAY' was not present in the dictionary.",
                (
                    *WORKER,
                    dn("Customs.FreightDeclarationWriter", "WriteAsync", "(Manifest manifest, CancellationToken ct)", "Customs/FreightDeclarationWriter.cs", 57, boundary=True),
                    dn("Customs.FreightDeclarationWriter", "OfficeFor", "(String portCode)", "Customs/FreightDeclarationWriter.cs", 112),
                    *DICT_THROW,
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("splunk", 2),
            see("datadog.log", style="kind", monitor="Errors on manifests", team="port"),
        ),
        classes=(4,),
        pair="sm-manifest-port-key",
        log="Manifest for sailing {SailingId} failed",
    ),
    # The timetable feed sends an ETA System.Text.Json cannot read.
    Bug(
        "sm-timetable-eta-json",
        "manifests",
        (
            Exc(
                "System.FormatException",
                "The JSON value is not in a supported DateTime format.",
                (
                    cs("System.Text.Json.ThrowHelper", "ThrowFormatException", "(DataType dataType)", lib=True),
                    cs("System.Text.Json.Utf8JsonReader", "GetDateTime", "()", lib=True),
                ),
            ),
            Exc(
                "System.Text.Json.JsonException",
                "The JSON value could not be converted to System.DateTime. Path: $.departures[{idx}].eta | LineNumber: 0 | BytePositionInLine: {line}.",
                (
                    *WORKER,
                    dn("Timetable.TimetableClient", "GetDeparturesAsync", "(String route, DateOnly day, CancellationToken ct)", "Timetable/TimetableClient.cs", 41, boundary=True),
                    cs("System.Net.Http.Json.HttpContentJsonExtensions", "ReadFromJsonAsyncCore[T]", "(HttpContent content, JsonSerializerOptions options, CancellationToken cancellationToken)", lib=True, boundary=True),
                    cs("System.Text.Json.ThrowHelper", "ReThrowWithPath", "(ReadStack& state, Utf8JsonReader& reader, Exception ex)", lib=True),
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 3),
            see("datadog.log", style="kind", monitor="Errors on manifests", team="port"),
        ),
        log="Manifest for sailing {SailingId} failed",
    ),
    # Envoy in front of the gRPC services: one saved search over two different failures.
    Bug(
        "sm-edge-booking-refused",
        "booking",
        (),
        (
            see("splunk", 3, search="edge - envoy 5xx", source="/var/log/envoy/access.log", sourcetype="envoy:access", line=ENVOY_503),
            see("datadog.log", monitor="Envoy 5xx on the public edge", filter="source:envoy @http.status_code:[500 TO 599]", team="platform", text="Envoy is answering 5xx on the public edge. Sample: \"POST /v1/bookings/hold HTTP/1.1\" 503 UF,URX upstream {ip2}:9090"),
        ),
        classes=(4,),
        pair="sm-edge-quote-timeout",
    ),
    Bug(
        "sm-edge-quote-timeout",
        "fares",
        (),
        (
            see("splunk", 3, search="edge - envoy 5xx", source="/var/log/envoy/access.log", sourcetype="envoy:access", line=ENVOY_504),
            see("datadog.log", monitor="Envoy 5xx on the public edge", filter="source:envoy @http.status_code:[500 TO 599]", team="platform", text="Envoy is answering 5xx on the public edge. Sample: \"POST /v1/fares/quote HTTP/1.1\" 504 UT upstream {ip2}:9090"),
        ),
        classes=(4,),
        pair="sm-edge-booking-refused",
    ),
    # The worker's slow uploads to the port authority: sizes, durations, hosts with ports.
    Bug(
        "sm-manifest-upload-slow",
        "manifests",
        (),
        (
            see("splunk", 3, search="manifests - slow uploads", line="{tsms} +00:00 [WRN] Manifest upload to {hostport} took {dur} for {size}"),
            see("datadog.log", 2, monitor="Slow manifest uploads", filter="service:manifests status:warn", team="port", text="Manifest uploads are slow. Sample: Manifest upload to {hostport} took {dur} for {size}"),
        ),
        classes=(7,),
    ),
    # An alert with no trace: the fares APM monitor by type, and Sentry's own issue.
    Bug(
        "sm-quote-currency",
        "fares",
        (
            Exc(
                "*fares.UnknownCurrencyError",
                'unknown currency "{cur}" for route OBN-CSA',
                (
                    *FARES_QUOTE,
                    go(FR + "/internal/server", "(*FareServer).Quote", "/src/internal/server/quote.go", 52),
                    go(FR + "/internal/money", "Convert", "/src/internal/money/convert.go", 40),
                ),
            ),
        ),
        (
            see("sentry.error", 2),
            see("splunk", msg="rpc failed"),
            see("datadog.apm", style="type", team="fares"),
            see("datadog.apm", style="route", team="fares"),
        ),
        log="rpc failed",
        entry="/saltmarsh.fares.v1.FareService/Quote",
    ),
]

NOISE = [
    Noise(
        "sm-noise-deploy",
        "booking",
        "datadog.event",
        {
            "monitor": "Deployed booking v1.42.0 to prod",
            "text": "Flux reconciled booking v1.42.0 (3/3 pods ready).",
            "priority": "P5",
            "event_type": "event_alert",
            "alert_type": "info",
        },
    ),
    Noise(
        "sm-noise-worker-start",
        "manifests",
        "splunk",
        {
            "search": "manifests - errors",
            "line": "{tsms} +00:00 [INF] Application started. Hosting environment: Production; Content root path: /app",
        },
    ),
    Noise(
        "sm-noise-worker-stop",
        "manifests",
        "splunk",
        {
            "search": "manifests - errors",
            "line": "{tsms} +00:00 [INF] Application is shutting down...",
        },
    ),
]

SALTMARSH = Company(
    key="k",
    name="Saltmarsh Ferries",
    domain="saltmarsh.example",
    sentry_org="saltmarsh-ferries",
    splunk_url="https://saltmarsh.splunkcloud.com",
    splunk_guid="B4E1F7D2-0A63-4C9E-8F15-2D7A9C3E6B08",
    datadog_org=("902117", "Saltmarsh Ferries"),
    datadog_template="custom",
    posthog_project=(0, ""),
    releases=("v1.41.0", "v1.42.0", "v1.43.0", "v1.44.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="saltmarsh-sentry-client-secret",
)
# fmt: on
