"""(kc) Tirril Community Energy, a small supplier billing smart-meter customers: two Go 1.21
grpc-go services (``readings-grpc``: meters, half-hourly reads pulled from the smart-meter
head-end, CSV imports from installers; ``billing-grpc``: tariffs, bill quotes, invoices) on
pgx v5 over Postgres, behind go-grpc-middleware v1's chain (recovery, grpc_logrus).

Logs: logrus's ``TextFormatter`` on stdout (``kc-logrus``): grpc_logrus's "finished unary call
with code Internal" line, the team's ``WithError(err).Error(msg)`` lines, and the panic of a
goroutine outside the interceptors, which kills the process (stderr). A Splunk universal
forwarder reads the container logs; the Datadog agent too, for log monitors. Sentry: sentry-go
from the team's own unary interceptor (``CaptureException`` and ``Recover``). No PostHog, no
Datadog APM.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import go, golib

# fmt: off
SERVICES = {
    "readings-grpc": Service("readings-grpc", "go", "kc-logrus", "kube:container:readings-grpc", "/var/log/containers/readings-grpc.log", "energy", 9520021, "go1.21.13", framework="grpc"),
    "billing-grpc": Service("billing-grpc", "go", "kc-logrus", "kube:container:billing-grpc", "/var/log/containers/billing-grpc.log", "energy", 9520022, "go1.21.13", framework="grpc"),
}

GOSRC = "/usr/local/go/src/"
GRPC = "/go/pkg/mod/google.golang.org/grpc@v1.58.3/"
MW = "/go/pkg/mod/github.com/grpc-ecosystem/go-grpc-middleware@v1.4.0/"
PGX = "/go/pkg/mod/github.com/jackc/pgx/v5@v5.4.3/"
MOD = "tirril.example/energy/"


def app(pkg: str, function: str, file: str, line: int) -> Frame:
    return go(MOD + pkg, function, f"/src/energy/{pkg}/{file}", line)


def unary(svc: str, method: str, handler: Frame) -> tuple[Frame, ...]:
    """grpc-go serving one unary call through the middleware chain, oldest first."""
    gen = svc.split(".")[0]
    return (
        golib("google.golang.org/grpc", "(*Server).serveStreams.func1.1", GRPC + "server.go", 963),
        golib("google.golang.org/grpc", "(*Server).handleStream", GRPC + "server.go", 1737),
        golib("google.golang.org/grpc", "(*Server).processUnaryRPC", GRPC + "server.go", 1360),
        app(f"gen/{gen}/v1", f"_{svc.split('.')[-1]}_{method}_Handler", f"{gen}_grpc.pb.go", 211),
        golib("github.com/grpc-ecosystem/go-grpc-middleware", "ChainUnaryServer.func1", MW + "chain.go", 34),
        golib("github.com/grpc-ecosystem/go-grpc-middleware/recovery", "UnaryServerInterceptor.func1", MW + "recovery/interceptors.go", 33),
        golib("github.com/grpc-ecosystem/go-grpc-middleware/logging/logrus", "UnaryServerInterceptor.func1", MW + "logging/logrus/server_interceptors.go", 31),
        app("internal/server", "sentryUnary.func1", "sentry.go", 27),
        app(f"gen/{gen}/v1", f"_{svc.split('.')[-1]}_{method}_Handler.func1", f"{gen}_grpc.pb.go", 209),
        handler,
    )


RECOVER = (
    golib("runtime", "gopanic", GOSRC + "runtime/panic.go", 914),
    golib("github.com/grpc-ecosystem/go-grpc-middleware/recovery", "UnaryServerInterceptor.func1.1", MW + "recovery/interceptors.go", 29),
)
SIGPANIC = golib("runtime", "sigpanic", GOSRC + "runtime/signal_unix.go", 861)
QUERY_ROW = (
    golib("github.com/jackc/pgx/v5", "(*connRow).Scan", PGX + "rows.go", 366),
)
NOROWS = Exc("*errors.errorString", "no rows in result set")
RS, BS = "readings.v1.ReadingService", "billing.v1.BillingService"
KWH = app("internal/units", "ParseKWh", "kwh.go", 18)
PARSE_FLOAT = golib("strconv", "ParseFloat", GOSRC + "strconv/atof.go", 689)
AGG_ADD = app("internal/aggregate", "(*HalfHourly).Add", "halfhourly.go", 47)
READS = app("internal/server", "(*ReadingServer).DailyUsage", "usage.go", 36)

SPL_R = dict(search="readings-grpc - level=error", owner="tc_sre", app="energy")
SPL_B = dict(search="billing-grpc - level=error", owner="tc_sre", app="energy")
SPL_INTERNAL = dict(search="energy - gRPC Internal", owner="tc_sre", app="energy", kind="grpc")
DD_INTERNAL = dict(team="energy", monitor="[energy] gRPC calls finishing Internal", filter='service:(readings-grpc OR billing-grpc) "finished unary call with code Internal"', kind="grpc", text="{{log.service}} on {{log.host}}:\n\n```\n{{log.message}}\n```")
DD_R = dict(team="energy", monitor="[readings-grpc] error logs", filter="service:readings-grpc status:error", style="error")
DD_B = dict(team="energy", monitor="[billing-grpc] error logs", filter="service:billing-grpc status:error", style="error")
DD_CRASH = dict(team="energy", monitor="[energy] Go panics", filter='source:go "panic:"', kind="panic", sample_lines=8, text="A Go process panicked on {{log.host}}:\n\n```\n{{log.message}}\n```")

BUGS = [
    # pgx.ErrNoRows returned as Internal by two handlers.
    Bug("kc-meter-norows", "readings-grpc", (NOROWS, Exc("*fmt.wrapError", "get meter {meter}: no rows in result set", (*unary(RS, "GetMeter", app("internal/server", "(*ReadingServer).GetMeter", "meters.go", 52)), app("internal/store", "(*Meters).ByMPAN", "meters.go", 38), *QUERY_ROW))),
        (see("sentry.error", 3), see("splunk", 2, **SPL_INTERNAL), see("datadog.log", **DD_INTERNAL)),
        classes=(1, 2, 4), pair="kc-tariff-norows", entry="/readings.v1.ReadingService/GetMeter"),
    Bug("kc-tariff-norows", "billing-grpc", (NOROWS, Exc("*fmt.wrapError", "load tariff for meter {meter}: no rows in result set", (*unary(BS, "QuoteBill", app("internal/server", "(*BillingServer).QuoteBill", "quote.go", 44)), app("internal/store", "(*Tariffs).ForMeter", "tariffs.go", 61), *QUERY_ROW))),
        (see("sentry.error", 2), see("splunk", 2, **SPL_INTERNAL), see("datadog.log", 2, **DD_INTERNAL)),
        classes=(1, 2, 4), pair="kc-meter-norows", entry="/billing.v1.BillingService/QuoteBill"),
    # Deadlines calling two different upstreams.
    Bug("kc-headend-deadline", "readings-grpc", (Exc("*status.Error", "rpc error: code = DeadlineExceeded desc = context deadline exceeded"), Exc("*fmt.wrapError", "fetch reads for {meter} from head-end: rpc error: code = DeadlineExceeded desc = context deadline exceeded", (*unary(RS, "SyncReads", app("internal/server", "(*ReadingServer).SyncReads", "sync.go", 29)), app("internal/headend", "(*Client).HalfHourlyReads", "client.go", 73)))),
        (see("sentry.error", 2), see("splunk", 2, **SPL_R, msg="head-end sync failed", fields={"meter": "{meter}"}), see("datadog.log", 2, **DD_R, msg="head-end sync failed")),
        classes=(1, 2, 4), pair="kc-pricing-deadline", entry="/readings.v1.ReadingService/SyncReads", log="head-end sync failed"),
    Bug("kc-pricing-deadline", "billing-grpc", (Exc("*status.Error", "rpc error: code = DeadlineExceeded desc = context deadline exceeded"), Exc("*fmt.wrapError", "price bill for account {id}: rpc error: code = DeadlineExceeded desc = context deadline exceeded", (*unary(BS, "QuoteBill", app("internal/server", "(*BillingServer).QuoteBill", "quote.go", 58)), app("internal/pricing", "(*Client).Price", "client.go", 41)))),
        (see("sentry.error", 2), see("splunk", **SPL_B, msg="bill quote failed", fields={"account": "{id}"}), see("splunk", **SPL_INTERNAL), see("datadog.log", **DD_B, msg="bill quote failed")),
        classes=(1, 2, 4), pair="kc-headend-deadline", entry="/billing.v1.BillingService/QuoteBill", log="bill quote failed"),
    # One aggregation method: a nil map and a nil pointer, both recovered by the interceptor.
    Bug("kc-agg-nil-map", "readings-grpc", (Exc("runtime.plainError", "assignment to entry in nil map", (*unary(RS, "DailyUsage", READS), AGG_ADD, *RECOVER)),),
        (see("sentry.error", 3), see("splunk", 2, **SPL_INTERNAL), see("datadog.log", **DD_INTERNAL)),
        classes=(1, 2, 4, 10), pair="kc-agg-nil-deref", entry="/readings.v1.ReadingService/DailyUsage"),
    Bug("kc-agg-nil-deref", "readings-grpc", (Exc("runtime.errorString", "runtime error: invalid memory address or nil pointer dereference", (*unary(RS, "DailyUsage", READS), app("internal/aggregate", "(*HalfHourly).Add", "halfhourly.go", 52), SIGPANIC, *RECOVER)),),
        (see("sentry.error", 2), see("splunk", 2, **SPL_INTERNAL), see("datadog.log", **DD_INTERNAL)),
        classes=(1, 2, 4, 10), pair="kc-agg-nil-map", entry="/readings.v1.ReadingService/DailyUsage"),
    # One kWh parser at the end of two bugs.
    Bug("kc-import-kwh-comma", "readings-grpc", (Exc("*strconv.NumError", 'strconv.ParseFloat: parsing "{n},5": invalid syntax'), Exc("*fmt.wrapError", 'import row {n}: parse kWh: strconv.ParseFloat: parsing "{n},5": invalid syntax', (*unary(RS, "ImportReads", app("internal/server", "(*ReadingServer).ImportReads", "import.go", 66)), app("internal/importer", "(*CSV).Row", "csv.go", 91), KWH, PARSE_FLOAT))),
        (see("sentry.error", 2), see("splunk", 2, **SPL_R, msg="installer import rejected", fields={"file": "installer-{id}.csv"}), see("datadog.log", **DD_R, msg="installer import rejected")),
        classes=(1, 2, 9), pair="kc-submit-kwh-range", entry="/readings.v1.ReadingService/ImportReads", log="installer import rejected"),
    Bug("kc-submit-kwh-range", "readings-grpc", (Exc("*strconv.NumError", 'strconv.ParseFloat: parsing "1e{n}00": value out of range'), Exc("*fmt.wrapError", 'parse kWh: strconv.ParseFloat: parsing "1e{n}00": value out of range', (*unary(RS, "SubmitRead", app("internal/server", "(*ReadingServer).SubmitRead", "submit.go", 33)), KWH, PARSE_FLOAT))),
        (see("sentry.error", 2), see("splunk", **SPL_INTERNAL), see("splunk", **SPL_R, msg="customer read rejected"), see("datadog.log", **DD_R, msg="customer read rejected")),
        classes=(1, 2, 9), pair="kc-import-kwh-comma", entry="/readings.v1.ReadingService/SubmitRead", log="customer read rejected"),
    # Two invoice bugs under one saved search and one monitor.
    Bug("kc-invoice-dup", "billing-grpc", (Exc("*pgconn.PgError", 'ERROR: duplicate key value violates unique constraint "invoices_account_id_period_key" (SQLSTATE 23505)'), Exc("*fmt.wrapError", 'insert invoice for account {id}: ERROR: duplicate key value violates unique constraint "invoices_account_id_period_key" (SQLSTATE 23505)', (*unary(BS, "IssueInvoice", app("internal/server", "(*BillingServer).IssueInvoice", "invoice.go", 71)), app("internal/store", "(*Invoices).Insert", "invoices.go", 49)))),
        (see("sentry.error", 3), see("splunk", 2, **SPL_INTERNAL), see("datadog.log", 2, **DD_INTERNAL)),
        classes=(1, 2, 9), pair="kc-invoice-period-closed", entry="/billing.v1.BillingService/IssueInvoice"),
    Bug("kc-invoice-period-closed", "billing-grpc", (Exc("*fmt.wrapError", "issue invoice for account {id}: billing period 2026-0{idx} is closed", (*unary(BS, "IssueInvoice", app("internal/server", "(*BillingServer).IssueInvoice", "invoice.go", 58)), app("internal/billing", "(*Periods).RequireOpen", "periods.go", 24))),),
        (see("sentry.error", 2), see("splunk", 2, **SPL_INTERNAL), see("datadog.log", **DD_INTERNAL)),
        classes=(1, 2, 9), pair="kc-invoice-dup", entry="/billing.v1.BillingService/IssueInvoice"),
    # A goroutine's panic outside the interceptors: the process dies, stderr only.
    Bug("kc-scheduler-closed-chan", "readings-grpc", (Exc("runtime.plainError", "send on closed channel", (app("internal/scheduler", "(*Scheduler).Start.func1", "scheduler.go", 58), app("internal/scheduler", "(*Scheduler).dispatch", "scheduler.go", 91))),),
        (see("splunk", 2, owner="tc_sre", app="energy", kind="panic", search="readings-grpc - panics", sourcetype="kube:container:readings-grpc:stderr"), see("datadog.log", 2, **DD_CRASH)),
        classes=(1, 2), entry="goroutine:scheduler"),
    # Postgres refusing connections.
    Bug("kc-pg-refused", "billing-grpc", (Exc("*pgconn.connectError", "failed to connect to `host=pg-energy user=billing database=energy`: dial error (dial tcp 10.30.{n}.4:5432: connect: connection refused)"), Exc("*fmt.wrapError", "list invoices: failed to connect to `host=pg-energy user=billing database=energy`: dial error (dial tcp 10.30.{n}.4:5432: connect: connection refused)", (*unary(BS, "ListInvoices", app("internal/server", "(*BillingServer).ListInvoices", "invoice.go", 102)), app("internal/store", "(*Invoices).List", "invoices.go", 88), golib("github.com/jackc/pgx/v5/pgxpool", "(*Pool).Query", "/go/pkg/mod/github.com/jackc/pgx/v5@v5.4.3/pgxpool/pool.go", 687)))),
        (see("sentry.error", 2), see("splunk", 2, **SPL_INTERNAL), see("datadog.log", **DD_B, msg="list invoices failed")),
        classes=(1, 2), entry="/billing.v1.BillingService/ListInvoices", log="list invoices failed"),
    # Over three releases, the handler renamed.
    Bug("kc-tariff-index", "billing-grpc", (Exc("runtime.boundsError", "runtime error: index out of range [{idx}] with length 2", (*unary(BS, "QuoteBill", app("internal/server", "(*BillingServer).QuoteBill", "quote.go", 67)), app("internal/pricing", "bandFor", "bands.go", 22), *RECOVER)),),
        (see("sentry.error", 3), see("splunk", 2, **SPL_INTERNAL), see("datadog.log", **DD_INTERNAL)),
        classes=(1, 2, 5, 10), entry="/billing.v1.BillingService/QuoteBill", span=3, renames={"(*BillingServer).QuoteBill": "(*BillingServer).Quote"}),
    Bug("kc-singleton-msgsize", "readings-grpc", (Exc("*status.Error", "rpc error: code = ResourceExhausted desc = grpc: received message larger than max (4194{n}1 vs. 4194304)", (*unary(RS, "ExportReads", app("internal/server", "(*ReadingServer).ExportReads", "export.go", 40)), app("internal/headend", "(*Client).Bulk", "client.go", 112))),),
        (see("sentry.error"),), singleton=True, entry="/readings.v1.ReadingService/ExportReads"),
]

NOISE = [
    Noise("kc-noise-recovered", "readings-grpc", "datadog.log", {"monitor": "[energy] gRPC calls finishing Internal", "text": "Recovered: no Internal gRPC calls in the last 10 minutes.", "transition": "Recovered", "alert_type": "success", "team": "energy", "filter": 'service:(readings-grpc OR billing-grpc) "finished unary call with code Internal"'}),
    Noise("kc-noise-canceled", "billing-grpc", "splunk", {"search": "energy - gRPC Internal", "owner": "tc_sre", "app": "energy", "line": 'time="{tsnaive}Z" level=info msg="finished unary call with code Canceled" error="rpc error: code = Canceled desc = context canceled" grpc.code=Canceled grpc.method=ListInvoices grpc.service=billing.v1.BillingService span.kind=server system=grpc'}),
]

TIRRIL = Company(
    key="kc",
    name="Tirril Community Energy",
    domain="tirril-energy.example",
    sentry_org="tirril-energy",
    splunk_url="https://tirril-energy.splunkcloud.com",
    splunk_guid="C47E92B0-15D8-4A3F-8E61-0B9D2F7A3C15",
    datadog_org=("952901", "Tirril Community Energy"),
    datadog_template="recommended",
    posthog_project=(95201, "Energy"),
    releases=("v1.18.0", "v1.18.1", "v1.19.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="tirril-energy-sentry-client-secret",
)
# fmt: on
