"""(ff) Fothergill Ferries, island ferry bookings: Swift 5.10 on Linux (Ubuntu 22.04 images,
``--static-swift-stdlib``). ``booking-api`` is a Vapor 4 server (async route handlers, Fluent
with PostgresNIO, AsyncHTTPClient to the timetable and fares partners and to Stripe);
``ferry-worker`` runs ``App queues`` (Vapor Queues on Redis: manifest exports, ticket e-mails,
refunds).

The API bootstraps swift-log's ``StreamLogHandler.standardOutput``: ``ErrorMiddleware``'s
report of a thrown error is one line with the error's reflection and no stack
(``ff-vapor-stream``). A trap (a force unwrap, an index out of range) kills the process: the
runtime's "Fatal error" line and the Linux backtracer's report on stderr (``ff-swift-crash``;
one Splunk input keeps only the first line). The worker keeps Vapor's ``ConsoleLogger``
(``ff-vapor-console``). No Sentry (sentry-cocoa does not run on Linux) and no PostHog: Splunk
Cloud indexes both containers' output, Datadog's agent tails the same and runs log monitors
through the recommended template, plus metric monitors on Kubernetes restarts.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see

# fmt: off
SERVICES = {
    "booking-api": Service("booking-api", "swift", "ff-vapor-stream", "kube:container:booking-api", "/var/log/containers/booking-api.log", "ff_prod", 0, "swift-5.10.1-RELEASE", framework="vapor"),
    "ferry-worker": Service("ferry-worker", "swift", "ff-vapor-console", "kube:container:ferry-worker", "/var/log/containers/ferry-worker.log", "ff_prod", 0, "swift-5.10.1-RELEASE", framework="vapor-queues"),
}

SRC = "/build/Sources/App/"
CO = "/build/.build/checkouts/"


def app(file: str, function: str, line: int) -> Frame:
    return Frame(function, SRC + file, line, "App")


def lib(package: str, file: str, function: str, line: int) -> Frame:
    return Frame(function, CO + file, line, package, False)


# An async route handler's task on the concurrency pool (oldest first).
ROUTE = (
    Frame("swift::runJobInEstablishedExecutorContext(swift::Job*)", "", 0, "swift_Concurrency", False),
    lib("Vapor", "vapor/Sources/Vapor/Concurrency/AsyncBasicResponder.swift", "closure #1 in AsyncBasicResponder.respond(to:)", 17),
    lib("Vapor", "vapor/Sources/Vapor/Routing/RoutesBuilder+Concurrency.swift", "closure #1 in RoutesBuilder.on<A>(_:_:body:use:)", 115),
)
# The runtime's frame under a trap (innermost).
TRAP = Frame("Swift._assertionFailure(_:_:file:line:flags:)", "", 0, "Swift", False)

SEARCH = "fothergill - booking-api errors"
SEARCH_CRASH = "fothergill - swift crashes"
SEARCH_W = "fothergill - ferry-worker errors"
S_API = dict(search=SEARCH, app="fothergill_ops")
S_CRASH = dict(search=SEARCH_CRASH, app="fothergill_ops", format="ff-swift-crash", source="/var/log/containers/booking-api.log")
S_FATAL = dict(search=SEARCH_CRASH, app="fothergill_ops", format="ff-swift-crash", kind="fatal", sourcetype="kube:container:booking-api:stderr")
S_W = dict(search=SEARCH_W, app="fothergill_ops")
DD_API = dict(team="bookings", monitor="[booking-api] error logs", filter="service:booking-api status:error", text="booking-api is logging errors.\n\n```\n{{log.message}}\n```", sample_lines=1)
DD_CRASH = dict(team="bookings", monitor="[booking-api] Swift fatal errors", filter='service:booking-api "Fatal error"', format="ff-swift-crash", text="A booking-api pod trapped:\n\n```\n{{log.message}}\n```", sample_lines=7)
DD_W = dict(team="bookings", monitor="[ferry-worker] job failures", filter="service:ferry-worker status:error", text="Queue job failed on {{log.host}}:\n{{log.message}}", sample_lines=1)

UNWRAP = "Unexpectedly found nil while unwrapping an Optional value"
INDEX = "Index out of range"


def psql_unique(table: str, constraint: str, column: str, value: str, sql: str) -> str:
    """PostgresNIO's ``PSQLError`` as ``String(reflecting:)`` prints it."""
    return (
        f'PSQLError(code: server, serverInfo: [sqlState: 23505, detail: Key ({column})=({value}) already exists., file: nbtinsert.c, line: 666, message: duplicate key value violates unique constraint "{constraint}", routine: _bt_check_unique, localizedSeverity: ERROR, severity: ERROR, schemaName: public, tableName: {table}, constraintName: {constraint}], '
        f'query: PostgresQuery(sql: {sql}, binds: [(****; TEXT; format: binary)]))'
    )


def type_mismatch(key: str, kind: str, found: str) -> str:
    return f'typeMismatch(Swift.{kind}, Swift.DecodingError.Context(codingPath: [_CodingKey(stringValue: "Index 0", intValue: 0), CodingKeys(stringValue: "{key}", intValue: nil)], debugDescription: "Expected to decode {kind} but found {found} instead.", underlyingError: nil))'


BUGS = [
    # Unique violations on two tables, one line each with no stack.
    Bug("ff-dup-email", "booking-api", (Exc("PSQLError", psql_unique("customers", "customers_email_key", "email", "{email}", 'INSERT INTO "customers" ("id", "email", "name", "created_at") VALUES ($1, $2, $3, $4)')),),
        (see("splunk", 3, **S_API), see("datadog.log", 2, **DD_API)),
        classes=(4,), pair="ff-dup-booking", entry="POST /v1/customers"),
    Bug("ff-dup-booking", "booking-api", (Exc("PSQLError", psql_unique("bookings", "bookings_reference_key", "reference", "{ref}", 'INSERT INTO "bookings" ("id", "reference", "sailing_id", "customer_id", "created_at") VALUES ($1, $2, $3, $4, $5)')),),
        (see("splunk", 2, **S_API), see("datadog.log", **DD_API)),
        classes=(4,), pair="ff-dup-email", entry="POST /v1/bookings"),
    # One DecodingError from two partners' feeds.
    Bug("ff-decode-timetable", "booking-api", (Exc("DecodingError", type_mismatch("departs_at", "Double", "a string/data")),),
        (see("splunk", 3, **S_API), see("datadog.log", 2, **DD_API)),
        classes=(4, 9), pair="ff-decode-fares", entry="GET /v1/sailings"),
    Bug("ff-decode-fares", "booking-api", (Exc("DecodingError", type_mismatch("amount", "Double", "a string/data")),),
        (see("splunk", 3, **S_API), see("datadog.log", 2, **DD_API)),
        classes=(4, 9), pair="ff-decode-timetable", entry="GET /v1/fares"),
    # Force unwraps in two controllers: the crash report, or its first line only.
    Bug("ff-unwrap-vessel", "booking-api", (Exc("Fatal error", UNWRAP, (*ROUTE, app("Controllers/SailingController.swift", "SailingController.show(req:)", 41), app("Models/Sailing+DTO.swift", "Sailing.dto()", 28), TRAP)),),
        (see("splunk", 2, **S_CRASH), see("splunk", 2, **S_FATAL), see("datadog.log", 2, **DD_CRASH)),
        classes=(4, 5), pair="ff-unwrap-port", entry="GET /v1/sailings/{id}", span=2),
    Bug("ff-unwrap-port", "booking-api", (Exc("Fatal error", UNWRAP, (*ROUTE, app("Controllers/RouteController.swift", "RouteController.index(req:)", 33), app("Models/Port+DTO.swift", "Port.dto()", 19), TRAP)),),
        (see("splunk", 3, **S_CRASH), see("splunk", **S_FATAL), see("datadog.log", **DD_CRASH)),
        classes=(4,), pair="ff-unwrap-vessel", entry="GET /v1/routes"),
    # Index out of range: the runtime names its own file, only the backtrace tells them apart.
    Bug("ff-index-seatmap", "booking-api", (Exc("Fatal error", INDEX, (*ROUTE, app("Controllers/SeatController.swift", "SeatController.map(req:)", 57), app("Services/SeatPlanner.swift", "SeatPlanner.deck(_:)", 88), Frame("Array.subscript.getter", "", 0, "Swift", False), TRAP)),),
        (see("splunk", 2, where="Swift/ContiguousArrayBuffer.swift:600", **S_CRASH), see("datadog.log", 2, where="Swift/ContiguousArrayBuffer.swift:600", **DD_CRASH)),
        classes=(4, 9), pair="ff-index-manifest", entry="GET /v1/sailings/{id}/seats"),
    Bug("ff-index-manifest", "booking-api", (Exc("Fatal error", INDEX, (*ROUTE, app("Controllers/ManifestController.swift", "ManifestController.preview(req:)", 22), app("Services/ManifestBuilder.swift", "ManifestBuilder.vehicleLane(for:)", 64), Frame("Array.subscript.getter", "", 0, "Swift", False), TRAP)),),
        (see("splunk", 3, where="Swift/ContiguousArrayBuffer.swift:600", **S_CRASH), see("datadog.log", where="Swift/ContiguousArrayBuffer.swift:600", **DD_CRASH)),
        classes=(4, 9), pair="ff-index-seatmap", entry="GET /v1/sailings/{id}/manifest"),
    # Two try! sites: the boarding pass QR code and the timetable cache, different errors.
    Bug("ff-tryq-boarding-qr", "booking-api", (Exc("Fatal error", "'try!' expression unexpectedly raised an error: QRCodeGenerator.Error.dataTooLong(bytes: {n}88, capacity: 2331)", (*ROUTE, app("Controllers/TicketController.swift", "TicketController.boardingPass(req:)", 52), app("Services/BoardingPass.swift", "BoardingPass.qrPayload()", 23), TRAP)),),
        (see("splunk", 2, **S_CRASH), see("splunk", **S_FATAL), see("datadog.log", 2, **DD_CRASH)),
        classes=(4,), pair="ff-tryq-timetable-cache", entry="GET /v1/bookings/{id}/boarding-pass"),
    Bug("ff-tryq-timetable-cache", "booking-api", (Exc("Fatal error", "'try!' expression unexpectedly raised an error: Swift.DecodingError.dataCorrupted(Swift.DecodingError.Context(codingPath: [], debugDescription: \"The given data was not valid JSON.\", underlyingError: Optional(Error Domain=NSCocoaErrorDomain Code=3840 \"Unexpected end of file\" UserInfo={NSDebugDescription=Unexpected end of file})))", (*ROUTE, app("Controllers/SailingController.swift", "SailingController.index(req:)", 19), app("Services/TimetableCache.swift", "TimetableCache.cached()", 37), TRAP)),),
        (see("splunk", 3, **S_CRASH), see("datadog.log", 2, **DD_CRASH)),
        classes=(4,), pair="ff-tryq-boarding-qr", entry="GET /v1/sailings"),
    # Stripe through AsyncHTTPClient: the app's own log line.
    Bug("ff-stripe-deadline", "booking-api", (Exc("HTTPClientError", "HTTPClientError.deadlineExceeded"),),
        (see("splunk", 4, **S_API), see("datadog.log", 2, **DD_API)),
        log="payment intent failed for booking {ref}: <exc>", entry="POST /v1/bookings/{id}/pay"),
    # The worker: one job, two different errors.
    Bug("ff-ticket-mail-closed", "ferry-worker", (Exc("HTTPClientError", "HTTPClientError.remoteConnectionClosed"),),
        (see("splunk", 3, **S_W), see("datadog.log", 2, **DD_W)),
        pair="ff-ticket-mail-render", log="SendTicketEmailJob failed: <exc>", entry="SendTicketEmailJob"),
    Bug("ff-ticket-mail-render", "ferry-worker", (Exc("LeafError", 'LeafError(file: "/build/Sources/App/Mail/LeafRenderer.swift", function: "render(path:context:)", line: 74, column: 16, reason: LeafKit.LeafError.Reason.noValueForKey("sailing.vessel.name"))'),),
        (see("splunk", 2, **S_W), see("datadog.log", **DD_W)),
        pair="ff-ticket-mail-closed", log="SendTicketEmailJob failed: <exc>", entry="SendTicketEmailJob"),
    Bug("ff-redis-pool", "ferry-worker", (Exc("RedisConnectionPoolError", "RedisConnectionPoolError(baseError: RediStack.RedisConnectionPoolError.BaseError.timedOutWaitingForConnection)"),),
        (see("splunk", 3, **S_W), see("datadog.log", 2, **DD_W)),
        classes=(1,), log="Job run failed: <exc>", entry="ExportManifestJob"),
    Bug("ff-refund-missing", "ferry-worker", (Exc("FluentError", 'missingParent(from: "Refund", to: "Booking", key: "booking", id: "{uuid}")'),),
        (see("splunk", 2, **S_W),),
        log="RefundJob failed: <exc>", entry="RefundJob"),
    # A singleton: a NaN ETA converted to Int, the crash's first line only.
    Bug("ff-eta-nan", "booking-api", (Exc("Fatal error", "Double value cannot be converted to Int because it is either infinite or NaN", (*ROUTE, app("Services/ETAService.swift", "ETAService.minutesLate(_:)", 47), TRAP)),),
        (see("splunk", where="Swift/IntegerTypes.swift:3525", **S_FATAL),),
        singleton=True, entry="GET /v1/sailings/{id}/eta"),
    # A warning template: the app's own slow-search line.
    Bug("ff-slow-search", "booking-api", (),
        (see("splunk", 3, search="fothergill - slow sailing searches", app="fothergill_ops", level="warning", source="App", msg="sailing search took {ms}ms for {n} legs from {zone}"), see("datadog.log", 2, team="bookings", monitor="[booking-api] slow sailing searches", filter='service:booking-api "sailing search took"', text="Sailing searches over 1s on booking-api: latest took {ms}ms ({n} legs).")),
        classes=(7,), entry="GET /v1/sailings"),
    # Crash loops seen as pod restarts.
    Bug("ff-restarts", "booking-api", (),
        (see("datadog.metric", 2, monitor="[booking-api] container restarts", scope="kube_deployment:booking-api", team="bookings", metric="kubernetes.containers.restarts", query="change(max(last_10m),last_10m):max:kubernetes.containers.restarts{kube_deployment:booking-api} > 3", event_type="metric_alert_monitor", status="booking-api containers restarted", text="booking-api containers restarted {n} times in 10 minutes."),),
        classes=(8,)),
]

NOISE = [
    Noise("ff-noise-started", "booking-api", "splunk", {"search": SEARCH, "app": "fothergill_ops", "line": "2026-03-04T06:00:02+0000 notice codes.vapor.application : [Vapor] Server started on http://0.0.0.0:8080"}),
    Noise("ff-noise-deploy", "booking-api", "datadog.event", {"monitor": "booking-api deployed", "text": "Flux reconciled booking-api to 2026.3.2 (3/3 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("ff-noise-recovered", "ferry-worker", "datadog.log", {"monitor": "[ferry-worker] job failures", "transition": "Recovered", "alert_type": "success", "text": "ferry-worker job failures are back under the threshold.", "team": "bookings"}),
]

FOTHERGILL = Company(
    key="ff",
    name="Fothergill Ferries",
    domain="fothergill.example",
    sentry_org="fothergill",
    splunk_url="https://fothergill.splunkcloud.com",
    splunk_guid="4E1A9C07-2B6D-4F38-A5C1-8D03E7B2F946",
    datadog_org=("718204", "Fothergill Ferries"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("2026.3.0", "2026.3.1", "2026.3.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
)
# fmt: on
