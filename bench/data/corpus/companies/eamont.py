"""(em) Eamont Energy, a smart-meter tariff and billing backend: Go 1.22 gRPC services on
Kubernetes built with go-kit (``tariff-svc``: quotes and switches, pgx v5 over PostgreSQL;
``reads-svc``: meter-read ingestion from the DCC adapter over gRPC streams).

Both log through go-kit's ``log.NewLogfmtLogger`` with ``level`` and the OpenTelemetry trace
and span ids, from a logging middleware around every endpoint (``logs46.em-gokit-logfmt``:
no stack, ``caller`` the middleware's own line, ``err`` the wrapped error text), shipped to
Splunk by Fluent Bit. Sentry: sentry-go called from the endpoints' error handler. Datadog:
APM on ``grpc.server`` through the OpenTelemetry exporter and log monitors pasting the logfmt
lines. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import go, golib

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.go", "0.29.0", "go:github.com/getsentry/sentry-go")
SERVICES = {
    "tariff-svc": Service("tariff-svc", "go", "em-gokit-logfmt", "kube:container:tariff-svc", "/var/log/containers/tariff-svc.log", "em_k8s", 5530171, "go1.22.5", framework="grpc", sdk=SDK),
    "reads-svc": Service("reads-svc", "go", "em-gokit-logfmt", "kube:container:reads-svc", "/var/log/containers/reads-svc.log", "em_k8s", 5530174, "go1.22.5", framework="grpc", sdk=SDK),
}
GRPC = "/go/pkg/mod/google.golang.org/grpc@v1.65.0/"
KIT = "/go/pkg/mod/github.com/go-kit/kit@v0.13.0/"
PGX = "/go/pkg/mod/github.com/jackc/pgx/v5@v5.6.0/"
UNARY = (
    golib("google.golang.org/grpc", "(*Server).serveStreams.func2.1", GRPC + "server.go", 1029),
    golib("google.golang.org/grpc", "(*Server).handleStream", GRPC + "server.go", 1779),
    golib("google.golang.org/grpc", "(*Server).processUnaryRPC", GRPC + "server.go", 1394),
    golib("github.com/go-kit/kit/transport/grpc", "(*Server).ServeGRPC", KIT + "transport/grpc/server.go", 108),
)
QUERY_ROW = (
    golib("github.com/jackc/pgx/v5", "(*connRow).Scan", PGX + "rows.go", 367),
)
EXEC = (
    golib("github.com/jackc/pgx/v5", "(*Conn).Exec", PGX + "conn.go", 494),
)
LOGMON = dict(team="tariffs", monitor="[tariffs] endpoint errors", filter="service:tariff-svc level:error", style="sample")
READMON = dict(team="meter-reads", monitor="[reads] ingestion errors", filter="service:reads-svc level:error", style="sample")
APM = dict(team="tariffs", monitor="[tariffs] grpc.server errors by type", style="type")
APMMSG = dict(team="tariffs", monitor="[tariffs] grpc.server error messages", style="message")


def a(svc: str, fn: str, file: str, line: int) -> Frame:
    pkg = file.rsplit("/", 1)[0]
    return go(f"github.com/eamont/{svc}/internal/" + pkg, fn, f"/src/{svc}/internal/" + file, line)


def t(fn: str, file: str, line: int) -> Frame:
    return a("tariff", fn, file, line)


def rd(fn: str, file: str, line: int) -> Frame:
    return a("reads", fn, file, line)


def ep(svc: str, name: str, line: int, *more: Frame) -> tuple[Frame, ...]:
    return (*UNARY, a(svc, f"Make{name}Endpoint.func1", "endpoint/endpoints.go", line), *more)


def pgerr(frames: tuple[Frame, ...], wrap: str, msg: str, code: str) -> tuple[Exc, ...]:
    return (Exc("*pgconn.PgError", f"{msg} (SQLSTATE {code})", frames[-1:]), Exc("*fmt.wrapError", f"{wrap}: ERROR: {msg} (SQLSTATE {code})", frames))


BUGS = [
    # Same unique-violation text shape on two tables: switches vs. quotes.
    Bug("em-switch-unique", "tariff-svc", pgerr(ep("tariff", "RequestSwitch", 88, t("service.(*tariffService).RequestSwitch", "service/switch.go", 57), t("store.(*Switches).Insert", "store/switches.go", 34), *EXEC), "insert switch", 'duplicate key value violates unique constraint "switches_mpan_effective_key"', "23505"),
        (see("sentry.error", 3), see("splunk", 2, search="tariff - errors"), see("datadog.log", **LOGMON)),
        classes=(4, 1), pair="em-quote-unique", entry="RequestSwitch", span=2),
    Bug("em-quote-unique", "tariff-svc", pgerr(ep("tariff", "CreateQuote", 61, t("service.(*tariffService).CreateQuote", "service/quote.go", 72), t("store.(*Quotes).Insert", "store/quotes.go", 29), *EXEC), "insert quote", 'duplicate key value violates unique constraint "quotes_reference_key"', "23505"),
        (see("sentry.error", 2), see("splunk", 2, search="tariff - errors"), see("datadog.apm", **APM)),
        classes=(4,), pair="em-switch-unique", entry="CreateQuote"),
    # pgx.ErrNoRows wrapped by two different lookups.
    Bug("em-tariff-no-rows", "tariff-svc", (Exc("*fmt.wrapError", "get tariff {ref}: no rows in result set", ep("tariff", "CreateQuote", 61, t("service.(*tariffService).CreateQuote", "service/quote.go", 48), t("store.(*Tariffs).Get", "store/tariffs.go", 41), *QUERY_ROW)),),
        (see("sentry.error", 3), see("splunk", 3, search="tariff - errors"), see("datadog.apm", **APMMSG)),
        classes=(4, 5), pair="em-meter-no-rows", entry="CreateQuote", span=2),
    Bug("em-meter-no-rows", "reads-svc", (Exc("*fmt.wrapError", "get meter {n}{ref}: no rows in result set", ep("reads", "SubmitRead", 44, rd("service.(*readService).SubmitRead", "service/reads.go", 39), rd("store.(*Meters).Get", "store/meters.go", 26), *QUERY_ROW)),),
        (see("sentry.error", 2), see("splunk", 2, search="reads - errors"), see("datadog.log", **READMON)),
        classes=(4,), pair="em-tariff-no-rows", entry="SubmitRead"),
    # The DCC adapter: deadline exceeded vs. unavailable from the same client call.
    Bug("em-dcc-deadline", "reads-svc", (Exc("*status.Error", "rpc error: code = DeadlineExceeded desc = context deadline exceeded", (golib("google.golang.org/grpc", "(*ClientConn).Invoke", GRPC + "call.go", 35),)), Exc("*fmt.wrapError", "fetch reads for {n}{ref}: rpc error: code = DeadlineExceeded desc = context deadline exceeded", ep("reads", "SyncMeter", 71, rd("service.(*readService).SyncMeter", "service/sync.go", 52), rd("dcc.(*Client).Reads", "dcc/client.go", 88), golib("google.golang.org/grpc", "(*ClientConn).Invoke", GRPC + "call.go", 35)))),
        (see("sentry.error", 3), see("splunk", 3, search="reads - errors"), see("datadog.log", 2, **READMON)),
        classes=(9,), pair="em-dcc-unavailable", entry="SyncMeter", span=2),
    Bug("em-dcc-unavailable", "reads-svc", (Exc("*status.Error", 'rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial tcp 10.{n}.{n}.{n}:9443: connect: connection refused"', (golib("google.golang.org/grpc", "(*ClientConn).Invoke", GRPC + "call.go", 35),)), Exc("*fmt.wrapError", 'fetch reads for {n}{ref}: rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial tcp 10.{n}.{n}.{n}:9443: connect: connection refused"', ep("reads", "SyncMeter", 71, rd("service.(*readService).SyncMeter", "service/sync.go", 52), rd("dcc.(*Client).Reads", "dcc/client.go", 88), golib("google.golang.org/grpc", "(*ClientConn).Invoke", GRPC + "call.go", 35)))),
        (see("sentry.error", 2), see("splunk", 2, search="reads - errors"), see("sentry.issue")),
        classes=(9,), pair="em-dcc-deadline", entry="SyncMeter"),
    # Read validation: a negative consumption vs. a read in the future, one validator.
    Bug("em-read-negative", "reads-svc", (Exc("*errors.errorString", "validate read: consumption -{n}.{n} kWh is negative for register 1", ep("reads", "SubmitRead", 44, rd("service.(*readService).SubmitRead", "service/reads.go", 31), rd("validate.Read", "validate/read.go", 22))),),
        (see("sentry.error", 2), see("splunk", 2, search="reads - errors"), see("datadog.log", **READMON)),
        classes=(5,), pair="em-read-future", entry="SubmitRead"),
    Bug("em-read-future", "reads-svc", (Exc("*errors.errorString", "validate read: read date {date} is in the future", ep("reads", "SubmitRead", 44, rd("service.(*readService).SubmitRead", "service/reads.go", 31), rd("validate.Read", "validate/read.go", 29))),),
        (see("sentry.error", 2), see("splunk", 3, search="reads - errors")),
        classes=(5,), pair="em-read-negative", entry="SubmitRead"),
    # A nil-map panic recovered by the gRPC recovery interceptor, across a release that moved lines.
    Bug("em-rates-nil-map", "tariff-svc", (Exc("runtime.Error", "assignment to entry in nil map", ep("tariff", "PriceTariff", 97, t("pricing.(*Engine).Apply", "pricing/engine.go", 63), t("pricing.addBand", "pricing/bands.go", 18))),),
        (see("sentry.error", 3), see("splunk", 2, search="tariff - errors", caller="recovery.go:29"), see("datadog.apm", **APM)),
        classes=(3,), pair="em-rates-index-range", span=3, entry="PriceTariff", log="panic recovered"),
    Bug("em-rates-index-range", "tariff-svc", (Exc("runtime.boundsError", "runtime error: index out of range [{idx}] with length {idx}", ep("tariff", "PriceTariff", 97, t("pricing.(*Engine).Apply", "pricing/engine.go", 66), t("pricing.bandFor", "pricing/bands.go", 31))),),
        (see("sentry.error", 3), see("splunk", 2, search="tariff - errors", caller="recovery.go:29"), see("datadog.log", **LOGMON)),
        classes=(3,), pair="em-rates-nil-map", span=2, entry="PriceTariff", log="panic recovered"),
    # Connection pool exhausted during the monthly bill run.
    Bug("em-pool-acquire", "tariff-svc", (Exc("*fmt.wrapError", "list accounts: failed to connect to `user=tariff database=tariff`: context deadline exceeded while acquiring connection", ep("tariff", "BillRun", 120, t("service.(*tariffService).BillRun", "service/bill.go", 44), t("store.(*Accounts).Due", "store/accounts.go", 51), golib("github.com/jackc/pgx/v5/pgxpool", "(*Pool).Acquire", PGX + "pgxpool/pool.go", 527))),),
        (see("sentry.error", 2), see("splunk", 3, search="tariff - errors"), see("datadog.log", 2, **LOGMON), see("datadog.apm", **APMMSG)),
        classes=(1,), entry="BillRun", span=2),
    # A stream abort from the meter side: client cancelled, logged on every retry.
    Bug("em-stream-canceled", "reads-svc", (Exc("*status.Error", "rpc error: code = Canceled desc = context canceled", ep("reads", "StreamReads", 132, rd("service.(*readService).StreamReads", "service/stream.go", 61))),),
        (see("splunk", 4, search="reads - errors"), see("datadog.log", **READMON)),
        classes=(8,), entry="StreamReads"),
    # A singleton: an integer overflow guard tripping once.
    Bug("em-units-overflow", "tariff-svc", (Exc("*errors.errorString", "pricing: pence overflow for account {n}{ref}", ep("tariff", "PriceTariff", 97, t("pricing.(*Engine).Apply", "pricing/engine.go", 81), t("pricing.mulPence", "pricing/money.go", 15))),),
        (see("sentry.error"),), singleton=True, entry="PriceTariff"),
    # Slow endpoint warnings from the same middleware.
    Bug("em-slow-bill-run", "tariff-svc", (),
        (see("splunk", 3, search="tariff - slow", line="ts={ts} caller=logging.go:38 level=warn method=BillRun trace_id={hex}{hex} took={ms} msg=\"slow endpoint\""), see("datadog.log", team="tariffs", monitor="[tariffs] slow endpoints", filter="service:tariff-svc level:warn", text="slow endpoint method=BillRun")),
        classes=(7,)),
]

NOISE = [
    Noise("em-noise-rollout", "tariff-svc", "datadog.event", {"monitor": "Argo CD synced tariff-svc", "text": "Argo CD: application tariff-svc synced to revision 9c41e7d (v1.31.0), health Healthy", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("em-noise-recovered", "reads-svc", "datadog.event", {"monitor": "[reads] ingestion errors", "text": "Recovered: [reads] ingestion errors on service:reads-svc", "priority": "P3", "event_type": "event_alert", "alert_type": "success"}),
    Noise("em-noise-listening", "reads-svc", "splunk", {"search": "reads - errors", "line": "ts=2026-03-02T07:02:11.804512Z caller=main.go:97 level=info transport=gRPC addr=:8082 msg=listening"}),
]

EAMONT = Company(
    key="em",
    name="Eamont Energy",
    domain="eamont.example",
    sentry_org="eamont-energy",
    splunk_url="https://eamont.splunkcloud.com",
    splunk_guid="5E7F0B2A-91C4-4D63-B8A0-3F2E1D6C9A77",
    datadog_org=("918244", "Eamont Energy"),
    datadog_template="own",
    posthog_project=(0, ""),
    releases=("v1.30.2", "v1.31.0", "v1.31.4"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
)
# fmt: on
