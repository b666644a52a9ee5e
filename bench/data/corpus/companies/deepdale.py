"""(de) Deepdale Freight, pallet network tracking and billing: two Go gRPC services behind
grpc-gateway's REST proxy, both on pgx v5 over PostgreSQL (``consignments``: bookings,
scans, depot routing; ``billing``: rate cards, invoices, and its outbox relay goroutine).

Logs: logrus with go-grpc-middleware v1's ``grpc_logrus`` interceptor, so every failed RPC is one
``finished unary call with code <Code>`` line carrying the error's ``%v``; ``consignments``
runs the ``TextFormatter``, ``billing`` the ``JSONFormatter`` (the team that wrote it reads
logs in Splunk only). The billing outbox relay logs its own JSON line. Sentry through
sentry-go (errors wrapped with pkg/errors, so Sentry gets the stack where the error was made),
Datadog APM and log monitors posting Datadog's recommended webhook template. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import go, golib

SDK = ("sentry.go", "0.29.1", "go:github.com/getsentry/sentry-go")
# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "consignments": Service("consignments", "go", "de-logrus-grpc", "deepdale:consignments:logrus", "/var/log/containers/consignments.log", "deepdale_prod", 5120301, "go1.23.4", framework="grpc", sdk=SDK),
    "billing": Service("billing", "go", "de-logrus-grpc-json", "deepdale:billing:json", "/var/log/containers/billing.log", "deepdale_prod", 5120304, "go1.23.4", framework="grpc", sdk=SDK),
}

MOD = "github.com/deepdale-freight/platform"
SRC = "/build/"
GRPC = "/go/pkg/mod/google.golang.org/grpc@v1.68.1/"
MW = "/go/pkg/mod/github.com/grpc-ecosystem/go-grpc-middleware@v1.4.0/"
PGX = "/go/pkg/mod/github.com/jackc/pgx/v5@v5.7.1/"
# grpc-go's server down to the generated handler and the chained interceptors (oldest first).
GRPC_UNARY = (
    golib("google.golang.org/grpc", "(*Server).serveStreams.func2.1", GRPC + "server.go", 1029),
    golib("google.golang.org/grpc", "(*Server).handleStream", GRPC + "server.go", 1795),
    golib("google.golang.org/grpc", "(*Server).processUnaryRPC", GRPC + "server.go", 1394),
    golib("google.golang.org/grpc", "chainUnaryInterceptors.func1", GRPC + "server.go", 1202),
    golib("github.com/grpc-ecosystem/go-grpc-middleware/logging/logrus", "UnaryServerInterceptor.func1", MW + "logging/logrus/server_interceptors.go", 31),
    golib("google.golang.org/grpc", "getChainUnaryHandler.func1", GRPC + "server.go", 1213),
)
PGX_QUERY = (
    golib("github.com/jackc/pgx/v5/pgxpool", "(*Pool).QueryRow", PGX + "pgxpool/pool.go", 738),
    golib("github.com/jackc/pgx/v5", "(*connRow).Scan", PGX + "rows.go", 375),
)


def c(pkg: str, function: str, file: str, line: int) -> Frame:
    return go(f"{MOD}/{pkg}", function, f"{SRC}{file}", line)


def handler(svc: str, rpc: str, pkg: str, file: str, line: int) -> tuple[Frame, ...]:
    """The generated ``_<Svc>_<Rpc>_Handler`` and the server's method."""
    return (
        *GRPC_UNARY,
        c("gen/" + pkg + "v1", f"_{svc}_{rpc}_Handler.func1", f"gen/{pkg}v1/{pkg}_grpc.pb.go", 211),
        c("internal/" + pkg, f"(*Server).{rpc}", f"internal/{pkg}/{file}", line),
    )


PG_UNIQUE = "ERROR: duplicate key value violates unique constraint \"{0}\" (SQLSTATE 23505)"
DD_CON = dict(team="network", monitor="consignments gRPC errors", filter="service:consignments status:error")
DD_BILL = dict(team="billing", monitor="billing gRPC errors", filter="service:billing status:error")

BUGS = [
    # The same "no rows in result set" from two RPCs reading two different tables.
    Bug("de-scan-no-depot", "consignments", (Exc("*errors.withStack", "lookup depot for scan: no rows in result set", (*handler("ConsignmentService", "RecordScan", "consignments", "scan.go", 58), c("internal/depots", "(*Repo).ByCode", "internal/depots/repo.go", 41))),),
        (see("sentry.error", 3), see("splunk", 3), see("datadog.log", 2, style="kind", **DD_CON)),
        classes=(1, 4), pair="de-quote-no-ratecard", entry="deepdale.consignments.v1.ConsignmentService/RecordScan", span=2),
    Bug("de-quote-no-ratecard", "billing", (Exc("*errors.withStack", "load rate card for zone: no rows in result set", (*handler("BillingService", "QuotePallet", "billing", "quote.go", 77), c("internal/ratecards", "(*Repo).ForZone", "internal/ratecards/repo.go", 36))),),
        (see("sentry.error", 3), see("splunk", 3), see("datadog.log", style="kind", **DD_BILL)),
        classes=(1, 4), pair="de-scan-no-depot", entry="deepdale.billing.v1.BillingService/QuotePallet"),
    # Two unique violations: a consignment booked twice and an invoice number reused.
    Bug("de-dup-consignment", "consignments", (Exc("*pgconn.PgError", PG_UNIQUE.format("consignments_customer_ref_key")), Exc("*fmt.wrapError", "insert consignment: " + PG_UNIQUE.format("consignments_customer_ref_key"), (*handler("ConsignmentService", "BookConsignment", "consignments", "book.go", 93), c("internal/consignments", "(*Store).Insert", "internal/consignments/store.go", 64)))),
        (see("sentry.error", 3), see("splunk", 3, code="AlreadyExists"), see("datadog.apm", team="network")),
        classes=(3, 4), pair="de-dup-invoice-number", entry="deepdale.consignments.v1.ConsignmentService/BookConsignment"),
    Bug("de-dup-invoice-number", "billing", (Exc("*pgconn.PgError", PG_UNIQUE.format("invoices_number_key")), Exc("*fmt.wrapError", "insert invoice: " + PG_UNIQUE.format("invoices_number_key"), (*handler("BillingService", "IssueInvoice", "billing", "invoice.go", 112), c("internal/invoices", "(*Store).Insert", "internal/invoices/store.go", 52)))),
        (see("sentry.error", 2), see("splunk", 3, code="AlreadyExists"), see("datadog.apm", team="billing")),
        classes=(3, 4), pair="de-dup-consignment", entry="deepdale.billing.v1.BillingService/IssueInvoice"),
    # One routing helper, two errors: a context deadline and a closed pool during rollout.
    Bug("de-route-deadline", "consignments", (Exc("*fmt.wrapError", "plan route {ref}: timeout: context deadline exceeded", (*handler("ConsignmentService", "PlanRoute", "consignments", "route.go", 44), c("internal/routing", "(*Planner).Legs", "internal/routing/planner.go", 88), *PGX_QUERY)),),
        (see("sentry.error", 2), see("splunk", 3, code="DeadlineExceeded"), see("datadog.apm", team="network"), see("datadog.log", style="sample", **DD_CON)),
        classes=(1, 2), pair="de-route-pool-closed", entry="deepdale.consignments.v1.ConsignmentService/PlanRoute"),
    Bug("de-route-pool-closed", "consignments", (Exc("*errors.errorString", "plan route {ref}: closed pool", (*handler("ConsignmentService", "PlanRoute", "consignments", "route.go", 44), c("internal/routing", "(*Planner).Legs", "internal/routing/planner.go", 88), *PGX_QUERY)),),
        (see("sentry.error", 2), see("splunk", 2, code="Unavailable"), see("datadog.log", style="sample", **DD_CON)),
        classes=(1, 2), pair="de-route-deadline", entry="deepdale.consignments.v1.ConsignmentService/PlanRoute"),
    # A nil-map panic in the label renderer, recovered by the interceptor as Internal.
    Bug("de-label-nil-map", "consignments", (Exc("*errors.fundamental", "panic: assignment to entry in nil map", (*handler("ConsignmentService", "PrintLabel", "consignments", "label.go", 31), c("internal/labels", "(*Renderer).withBarcode", "internal/labels/render.go", 73), golib("runtime", "mapassign_faststr", "/usr/local/go/src/runtime/map_faststr.go", 224))),),
        (see("sentry.error", 3), see("splunk", 3), see("datadog.apm", style="message", team="network")),
        classes=(1,), entry="deepdale.consignments.v1.ConsignmentService/PrintLabel", span=3, renames={"(*Renderer).withBarcode": "(*Renderer).drawBarcode"}),
    # grpc-gateway's JSON decoding of a REST booking with a string weight.
    Bug("de-gateway-weight", "consignments", (Exc("*status.Error", "rpc error: code = InvalidArgument desc = proto: (line 1:{n}): invalid value for float type: \"{n} kg\"", (golib("github.com/grpc-ecosystem/grpc-gateway/v2/runtime", "(*ServeMux).ServeHTTP", "/go/pkg/mod/github.com/grpc-ecosystem/grpc-gateway/v2@v2.24.0/runtime/mux.go", 462), c("gen/consignmentsv1", "request_ConsignmentService_BookConsignment_0", "gen/consignmentsv1/consignments.pb.gw.go", 52))),),
        (see("sentry.error", 2), see("datadog.log", style="kind", **DD_CON)),
        classes=(8,), entry="POST /v1/consignments"),
    # Two billing RPCs under one Datadog monitor: the rate-card cache's unmarshal and the
    # Stripe-like payments client refusing a key.
    Bug("de-ratecard-cache-json", "billing", (Exc("*json.UnmarshalTypeError", "json: cannot unmarshal string into Go struct field RateCard.bands.max_kg of type float64", (*handler("BillingService", "QuotePallet", "billing", "quote.go", 64), c("internal/ratecards", "(*Cache).Get", "internal/ratecards/cache.go", 47))),),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.log", 2, style="stack", lines=4, **DD_BILL)),
        classes=(2,), pair="de-payments-auth", entry="deepdale.billing.v1.BillingService/QuotePallet"),
    Bug("de-payments-auth", "billing", (Exc("*payments.APIError", "payments: 401 invalid_api_key: The API key provided has been revoked", (*handler("BillingService", "ChargeAccount", "billing", "charge.go", 39), c("internal/payments", "(*Client).Charge", "internal/payments/client.go", 118))),),
        (see("sentry.error", 2), see("splunk", 2, code="Unauthenticated"), see("datadog.log", 2, style="stack", lines=4, **DD_BILL)),
        classes=(2,), pair="de-ratecard-cache-json", entry="deepdale.billing.v1.BillingService/ChargeAccount"),
    # The outbox relay: Kafka refusing a message over its size, logged by the relay itself.
    Bug("de-outbox-too-large", "billing", (Exc("*errors.withStack", "publish invoice.issued {uuid}: kafka server: Message was too large, server rejected it to avoid allocation error", (golib("runtime", "goexit", "/usr/local/go/src/runtime/asm_amd64.s", 1700), c("internal/outbox", "(*Relay).Run", "internal/outbox/relay.go", 61), c("internal/outbox", "(*Relay).publish", "internal/outbox/relay.go", 97))),),
        (see("sentry.error", 2), see("splunk", 3, format="de-logrus-relay", kv={"batch": "{n}"}), see("datadog.log", style="kind", **DD_BILL)),
        classes=(2, 10), entry="outbox-relay", log="relay batch failed"),
    # The same deadline error text in two services' calls to the postcode geocoder.
    Bug("de-geocode-deadline-book", "consignments", (Exc("*fmt.wrapError", "geocode {addr}: Get \"https://geo.internal/v1/postcode\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)", (*handler("ConsignmentService", "BookConsignment", "consignments", "book.go", 71), c("internal/geo", "(*Client).Postcode", "internal/geo/client.go", 33))),),
        (see("sentry.error", 2), see("splunk", 3, code="Unavailable"), see("datadog.apm", team="network")),
        classes=(4, 9), pair="de-geocode-deadline-quote", entry="deepdale.consignments.v1.ConsignmentService/BookConsignment"),
    Bug("de-geocode-deadline-quote", "billing", (Exc("*fmt.wrapError", "geocode {addr}: Get \"https://geo.internal/v1/postcode\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)", (*handler("BillingService", "QuotePallet", "billing", "quote.go", 52), c("internal/geo", "(*Client).Postcode", "internal/geo/client.go", 33))),),
        (see("sentry.error", 2), see("splunk", 2, code="Unavailable"), see("datadog.apm", team="billing")),
        classes=(4, 9), pair="de-geocode-deadline-book", entry="deepdale.billing.v1.BillingService/QuotePallet"),
    # An index out of range in the invoice line splitter, recovered as Internal.
    Bug("de-invoice-lines-index", "billing", (Exc("*errors.fundamental", "panic: runtime error: index out of range [{idx}] with length {idx}", (*handler("BillingService", "IssueInvoice", "billing", "invoice.go", 88), c("internal/invoices", "splitSurcharges", "internal/invoices/lines.go", 42), golib("runtime", "goPanicIndex", "/usr/local/go/src/runtime/panic.go", 115))),),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.apm", style="message", team="billing")),
        classes=(1,), entry="deepdale.billing.v1.BillingService/IssueInvoice"),
    # Singleton: a migration's check constraint, once.
    Bug("de-check-weight", "consignments", (Exc("*pgconn.PgError", "ERROR: new row for relation \"pallets\" violates check constraint \"pallets_weight_kg_check\" (SQLSTATE 23514)", (*handler("ConsignmentService", "AddPallet", "consignments", "pallet.go", 29),)),),
        (see("sentry.error"),), singleton=True, entry="deepdale.consignments.v1.ConsignmentService/AddPallet"),
]

NOISE = [
    Noise("de-noise-deploy", "billing", "datadog.event", {"monitor": "Deployed billing v1.42.0", "text": "Argo CD synced billing to v1.42.0 (3/3 pods healthy).", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("de-noise-recovered", "consignments", "datadog.log", {"monitor": "consignments gRPC errors", "transition": "Recovered", "alert_type": "success", "text": "consignments gRPC errors are back to normal.", "team": "network", "filter": "service:consignments status:error"}),
    Noise("de-noise-health", "consignments", "splunk", {"search": "consignments - errors", "line": "time=\"2026-03-07T02:14:09Z\" level=info msg=\"finished unary call with code OK\" grpc.code=OK grpc.method=Check grpc.service=grpc.health.v1.Health grpc.time_ms=0.041 span.kind=server system=grpc"}),
]

DEEPDALE = Company(
    key="de",
    name="Deepdale Freight",
    domain="deepdale.example",
    sentry_org="deepdale-freight",
    splunk_url="https://splunk.deepdale.example:8000",
    splunk_guid="A4D0E8B2-6C13-4B7E-9F25-71C3E0D86A19",
    datadog_org=("1189402", "Deepdale Freight"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("v1.41.3", "v1.42.0", "v1.42.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="deepdale-sentry-client-secret",
)
