"""(mn) Rillington Energy, a small energy supplier's platform: Go 1.22 services on GKE.
``tariff-svc`` (grpc-go 1.63 with go-grpc-middleware's recovery and logging interceptors:
quotes, tariffs by region, meter lookups, a background readings poller) and ``billing-svc``
(connect-go 1.16 over net/http: accounts, invoices, payments, settlement with the industry
hub), both on pgx v5, logging zap's production JSON to stderr.

Splunk: a Cloud Logging sink to Pub/Sub and Dataflow's Pub/Sub-to-Splunk template (the
``LogEntry`` with zap's record as ``jsonPayload``; some pipelines with
``includePubsubMessage``, so the entry sits in the message's ``data``; a goroutine's panic as
a ``textPayload`` line); one saved search over both services. Datadog: the GCP integration
(the entry under ``data``), one log monitor over both services pasting ``msg`` and
``error``, and a dd-trace-go APM monitor by error type. Sentry: sentry-go (errors wrapped
by ``fmt.Errorf("...: %w")`` in billing, by github.com/pkg/errors in tariffs). No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import go, golib

# The tables keep one frame or delivery per line.
# fmt: off
SDK_GO = ("sentry.go", "0.30.0", "github.com/getsentry/sentry-go")
SERVICES = {
    "tariff-svc": Service("tariff-svc", "go", "mn-gcp", "google:gcp:pubsub:message", "projects/rillington-energy-prod/subscriptions/splunk-export", "gcp_logs", 11620021, "go1.22.7", framework="go-grpc", sdk=SDK_GO),
    "billing-svc": Service("billing-svc", "go", "mn-gcp", "google:gcp:pubsub:message", "projects/rillington-energy-prod/subscriptions/splunk-export", "gcp_logs", 11620022, "go1.22.7", framework="connect", sdk=SDK_GO),
}
MOD = "github.com/rillington/energy"
GOSRC = "/usr/local/go/src/"
GRPC_MOD = "/go/pkg/mod/google.golang.org/grpc@v1.63.2/"
CONNECT_MOD = "/go/pkg/mod/connectrpc.com/connect@v1.16.2/"
PGX_MOD = "/go/pkg/mod/github.com/jackc/pgx/v5@v5.6.0/"
RECOVERY = "/go/pkg/mod/github.com/grpc-ecosystem/go-grpc-middleware/v2@v2.1.0/interceptors/recovery/interceptors.go"


def app(pkg: str, function: str, file: str, line: int) -> Frame:
    return go(f"{MOD}/{pkg}", function, f"/src/{file}", line)


def grpc(method: str, line: int) -> tuple[Frame, ...]:
    return (
        golib("google.golang.org/grpc", "(*Server).serveStreams.func2.1", GRPC_MOD + "server.go", 1029),
        golib("google.golang.org/grpc", "(*Server).handleStream", GRPC_MOD + "server.go", 1740),
        golib("google.golang.org/grpc", "(*Server).processUnaryRPC", GRPC_MOD + "server.go", 1379),
        app("gen/tariff/v1", f"_TariffService_{method}_Handler", "gen/tariff/v1/tariff_grpc.pb.go", line),
        golib("github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/recovery", "UnaryServerInterceptor.func1", RECOVERY, 33),
    )


CONNECT = (
    golib("net/http", "(*conn).serve", GOSRC + "net/http/server.go", 2039),
    golib("net/http", "serverHandler.ServeHTTP", GOSRC + "net/http/server.go", 3137),
    golib("net/http", "(*ServeMux).ServeHTTP", GOSRC + "net/http/server.go", 2688),
    golib("connectrpc.com/connect", "(*Handler).ServeHTTP", CONNECT_MOD + "handler.go", 227),
    golib("connectrpc.com/connect", "NewUnaryHandler[...].func1", CONNECT_MOD + "handler.go", 57),
)
QUERY_ROW = (
    golib("github.com/jackc/pgx/v5/pgxpool", "(*Pool).QueryRow", PGX_MOD + "pgxpool/pool.go", 738),
    golib("github.com/jackc/pgx/v5", "(*connRow).Scan", PGX_MOD + "rows.go", 379),
)
EXEC = (
    golib("github.com/jackc/pgx/v5/pgxpool", "(*Pool).Exec", PGX_MOD + "pgxpool/pool.go", 704),
    golib("github.com/jackc/pgx/v5", "(*Conn).Exec", PGX_MOD + "conn.go", 509),
)
# The hub and the meter-data provider are called through one client helper.
UPSTREAM = app("internal/upstream", "(*Client).call", "internal/upstream/client.go", 77)
NO_ROWS = Exc("*errors.errorString", "no rows in result set")
NIL = "runtime error: invalid memory address or nil pointer dereference"
DEADLINE = "rpc error: code = DeadlineExceeded desc = context deadline exceeded"


def pg(code: str, text: str) -> Exc:
    return Exc("*pgconn.PgError", f"ERROR: {text} (SQLSTATE {code})")


S = {"search": "energy GKE errors (Dataflow)", "owner": "svc_gcp", "app": "energy"}
S_WRAP = dict(S, wrap=True)
S_PANIC = dict(S, kind="panic")
TEAM = "energy-platform"
DD = {"monitor": "energy services error logs", "team": TEAM, "format": "mn-dd", "filter": "source:gcp.k8s.container @data.resource.labels.namespace_name:energy status:error",
      "text": "{{value}} error logs in 5m on {{log.attributes.data.resource.labels.container_name}}.\nmsg: {{log.attributes.data.jsonPayload.msg}}\nerror: {{log.attributes.data.jsonPayload.error}}"}
DD_PANIC = dict(DD, kind="panic", text="{{value}} error logs in 5m on {{log.attributes.data.resource.labels.container_name}}.\n{{log.attributes.data.textPayload}}")
APM = {"style": "type", "monitor": "energy gRPC error spans by type", "team": TEAM}

BUGS = [
    # The same nil dereference recovered in a tariff quote and in an invoice's line totals.
    Bug("mn-quote-nil", "tariff-svc", (Exc("runtime.errorString", NIL, (*grpc("GetQuote", 162), app("internal/quotes", "(*Server).GetQuote", "internal/quotes/server.go", 48), app("internal/quotes", "standingCharge", "internal/quotes/charges.go", 21))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("splunk", 2, msg="recovered from panic", **S), see("datadog.log", msg="recovered from panic", **DD), see("datadog.apm", **APM)),
        classes=(1, 4), pair="mn-invoice-nil", entry="/rillington.tariff.v1.TariffService/GetQuote", log="recovered from panic", span=2),
    Bug("mn-invoice-nil", "billing-svc", (Exc("runtime.errorString", NIL, (*CONNECT, app("internal/invoices", "(*Handler).CreateInvoice", "internal/invoices/handler.go", 63), app("internal/invoices", "lineTotal", "internal/invoices/lines.go", 30))),),
        (see("sentry.error", 3), see("splunk", msg="panic in handler", **S), see("splunk", msg="panic in handler", **S_WRAP), see("datadog.log", msg="panic in handler", **DD)),
        classes=(1, 4), pair="mn-quote-nil", entry="/rillington.billing.v1.BillingService/CreateInvoice", log="panic in handler"),
    # pgx's no-rows wrapped for an account (fmt.Errorf) and for a meter (pkg/errors).
    Bug("mn-account-no-rows", "billing-svc", (NO_ROWS, Exc("*fmt.wrapError", "get account {id}: no rows in result set", (*CONNECT, app("internal/accounts", "(*Handler).GetAccount", "internal/accounts/handler.go", 41), app("internal/accounts", "(*Store).Get", "internal/accounts/store.go", 27)))),
        (see("sentry.error", 3), see("splunk", 2, msg="get account failed", **S), see("datadog.log", msg="get account failed", **DD)),
        classes=(1, 4, 9), pair="mn-meter-no-rows", entry="/rillington.billing.v1.BillingService/GetAccount", log="get account failed"),
    Bug("mn-meter-no-rows", "tariff-svc", (NO_ROWS, Exc("*errors.withStack", "load meter {meter}: no rows in result set", (*grpc("GetMeter", 198), app("internal/meters", "(*Server).GetMeter", "internal/meters/server.go", 35), app("internal/meters", "(*Repo).ByMPAN", "internal/meters/repo.go", 52), *QUERY_ROW))),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", msg="get meter failed", **S), see("splunk", msg="get meter failed", **S_WRAP), see("datadog.log", 2, msg="get meter failed", **DD)),
        classes=(1, 4, 9), pair="mn-account-no-rows", entry="/rillington.tariff.v1.TariffService/GetMeter", log="get meter failed"),
    # Deadlines through the one upstream client: readings from the meter-data provider, settlement at the hub.
    Bug("mn-readings-deadline", "tariff-svc", (Exc("*status.Error", DEADLINE), Exc("*errors.withStack", f"fetch readings: {DEADLINE}", (*grpc("GetUsage", 231), app("internal/usage", "(*Server).GetUsage", "internal/usage/server.go", 57), app("internal/mdp", "(*Client).Readings", "internal/mdp/client.go", 40), UPSTREAM))),
        (see("sentry.error", 3), see("splunk", 2, msg="get usage failed", **S), see("datadog.log", msg="get usage failed", **DD), see("datadog.apm", **APM)),
        classes=(9,), pair="mn-settle-deadline", entry="/rillington.tariff.v1.TariffService/GetUsage", log="get usage failed"),
    Bug("mn-settle-deadline", "billing-svc", (Exc("*status.Error", DEADLINE), Exc("*fmt.wrapError", "submit settlement run {n}: " + DEADLINE, (*CONNECT, app("internal/settlement", "(*Handler).Submit", "internal/settlement/handler.go", 38), app("internal/hub", "(*Client).Submit", "internal/hub/client.go", 66), UPSTREAM))),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", msg="settlement submit failed", **S_WRAP), see("splunk", msg="settlement submit failed", **S), see("datadog.log", msg="settlement submit failed", **DD)),
        classes=(5, 9), pair="mn-readings-deadline", entry="/rillington.billing.v1.BillingService/SubmitSettlement", log="settlement submit failed", span=3, renames={"(*Handler).Submit": "(*Handler).SubmitSettlement"}),
    # Unique violations on two constraints.
    Bug("mn-invoice-unique", "billing-svc", (pg("23505", 'duplicate key value violates unique constraint "invoices_account_id_period_key"'), Exc("*fmt.wrapError", 'insert invoice: ERROR: duplicate key value violates unique constraint "invoices_account_id_period_key" (SQLSTATE 23505)', (*CONNECT, app("internal/invoices", "(*Handler).CreateInvoice", "internal/invoices/handler.go", 71), app("internal/invoices", "(*Store).Insert", "internal/invoices/store.go", 33), *EXEC))),
        (see("sentry.error", 3), see("splunk", 2, msg="create invoice failed", **S), see("datadog.log", msg="create invoice failed", **DD)),
        classes=(1, 4), pair="mn-payment-unique", entry="/rillington.billing.v1.BillingService/CreateInvoice", log="create invoice failed"),
    Bug("mn-payment-unique", "billing-svc", (pg("23505", 'duplicate key value violates unique constraint "payments_provider_ref_key"'), Exc("*fmt.wrapError", 'record payment: ERROR: duplicate key value violates unique constraint "payments_provider_ref_key" (SQLSTATE 23505)', (*CONNECT, app("internal/payments", "(*Handler).RecordPayment", "internal/payments/handler.go", 52), app("internal/payments", "(*Store).Insert", "internal/payments/store.go", 29), *EXEC))),
        (see("sentry.error", 2), see("sentry.error", in_app="all"), see("splunk", msg="record payment failed", **S_WRAP), see("datadog.log", 2, msg="record payment failed", **DD)),
        classes=(1, 4, 10), pair="mn-invoice-unique", entry="/rillington.billing.v1.BillingService/RecordPayment", log="record payment failed"),
    # One rate parser, two errors.
    Bug("mn-rate-parse-float", "tariff-svc", (Exc("*strconv.NumError", 'strconv.ParseFloat: parsing "{n},5": invalid syntax'), Exc("*errors.withStack", 'parse unit rate: strconv.ParseFloat: parsing "{n},5": invalid syntax', (*grpc("ImportTariff", 275), app("internal/tariffs", "(*Server).ImportTariff", "internal/tariffs/server.go", 44), app("internal/tariffs", "ParseRate", "internal/tariffs/parse.go", 19)))),
        (see("sentry.error", 3), see("splunk", 2, msg="import tariff failed", **S), see("datadog.log", msg="import tariff failed", **DD)),
        classes=(1, 4), pair="mn-rate-parse-time", entry="/rillington.tariff.v1.TariffService/ImportTariff", log="import tariff failed"),
    Bug("mn-rate-parse-time", "tariff-svc", (Exc("*time.ParseError", 'parsing time "{date}" as "2006-01-02": cannot parse "{date}" as "2006"'), Exc("*errors.withStack", 'parse valid_from: parsing time "{date}" as "2006-01-02": cannot parse "{date}" as "2006"', (*grpc("ImportTariff", 275), app("internal/tariffs", "(*Server).ImportTariff", "internal/tariffs/server.go", 44), app("internal/tariffs", "ParseRate", "internal/tariffs/parse.go", 26)))),
        (see("sentry.error", 2), see("splunk", 2, msg="import tariff failed", **S), see("datadog.log", 2, msg="import tariff failed", **DD)),
        classes=(1, 4), pair="mn-rate-parse-float", entry="/rillington.tariff.v1.TariffService/ImportTariff", log="import tariff failed"),
    # Not pairs.
    Bug("mn-poller-panic", "tariff-svc", (Exc("runtime.boundsError", "runtime error: index out of range [{idx}] with length {idx}", (golib("runtime", "goexit", GOSRC + "runtime/asm_amd64.s", 1695), app("internal/poller", "(*Poller).Run.func1", "internal/poller/poller.go", 61), app("internal/poller", "latestHalfHour", "internal/poller/slots.go", 24))),),
        (see("sentry.error", 2), see("splunk", 2, **S_PANIC), see("splunk", **dict(S_PANIC, wrap=True)), see("datadog.log", 2, **DD_PANIC)),
        classes=(1,), entry="readings-poller"),
    Bug("mn-region-unpublished", "tariff-svc", (Exc("*errors.fundamental", "tariff not published for region {zone}", (*grpc("ListTariffs", 140), app("internal/tariffs", "(*Server).ListTariffs", "internal/tariffs/server.go", 88), app("internal/tariffs", "(*Catalogue).ForRegion", "internal/tariffs/catalogue.go", 41))),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 2, msg="list tariffs failed", **S), see("datadog.log", msg="list tariffs failed", **DD), see("datadog.apm", **APM)),
        classes=(1, 5), entry="/rillington.tariff.v1.TariffService/ListTariffs", log="list tariffs failed", span=3),
    Bug("mn-direct-debit-json", "billing-svc", (Exc("*json.UnmarshalTypeError", "json: cannot unmarshal number into Go struct field Mandate.sort_code of type string"), Exc("*fmt.wrapError", "decode mandate webhook: json: cannot unmarshal number into Go struct field Mandate.sort_code of type string", (*CONNECT, app("internal/payments", "(*Handler).MandateWebhook", "internal/payments/webhook.go", 28)))),
        (see("sentry.error", 2), see("splunk", 2, msg="mandate webhook failed", **S), see("datadog.log", msg="mandate webhook failed", **DD)),
        classes=(1, 9), entry="/rillington.billing.v1.BillingService/MandateWebhook", log="mandate webhook failed"),
    Bug("mn-statements-canceled", "billing-svc", (Exc("*errors.errorString", "context canceled"), Exc("*fmt.wrapError", "stream statements for account {id}: context canceled", (*CONNECT, app("internal/statements", "(*Handler).StreamStatements", "internal/statements/handler.go", 47), app("internal/statements", "(*Renderer).Next", "internal/statements/render.go", 88)))),
        (see("sentry.error", 2), see("splunk", msg="stream statements failed", **S_WRAP), see("datadog.log", msg="stream statements failed", **DD), see("datadog.apm", **APM)),
        classes=(1,), entry="/rillington.billing.v1.BillingService/StreamStatements", log="stream statements failed"),
    Bug("mn-singleton-migration", "billing-svc", (Exc("*fmt.wrapError", "apply migration 0042_tou_bands: ERROR: column \"band\" of relation \"tariff_rates\" already exists (SQLSTATE 42701)", (app("cmd/billing-svc", "main", "cmd/billing-svc/main.go", 39), app("internal/migrate", "Up", "internal/migrate/migrate.go", 22))),),
        (see("sentry.error"),),
        singleton=True, entry="migrate"),
]

NOISE = [
    Noise("mn-noise-rollout", "tariff-svc", "datadog.event", {"monitor": "tariff-svc rollout", "text": "GKE: deployment energy/tariff-svc updated, 4/4 replicas available.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": TEAM}),
    Noise("mn-noise-listening", "billing-svc", "splunk", {**S, "line": '{"insertId":"7u2k1qf3x8ab","jsonPayload":{"level":"info","ts":1772611200.51,"caller":"billing-svc/main.go:58","msg":"listening","addr":":8080"},"resource":{"type":"k8s_container","labels":{"container_name":"billing-svc","namespace_name":"energy"}},"severity":"ERROR","logName":"projects/rillington-energy-prod/logs/stderr"}'}),
    Noise("mn-noise-recovered", "billing-svc", "datadog.log", {**DD, "text": "[Recovered] energy services error logs back to normal.", "transition": "Recovered", "alert_type": "success"}),
]

RILLINGTON = Company(
    key="mn",
    name="Rillington Energy",
    domain="rillington-energy.example",
    sentry_org="rillington-energy",
    splunk_url="https://splunk.rillington-energy.example:8000",
    splunk_guid="C52E9A17-0B3D-4F68-91AE-6D7F20B4C8E5",
    datadog_org=("1162002", "Rillington Energy"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("v3.14.0", "v3.14.1", "v3.15.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="rillington-sentry-client-secret",
)
# fmt: on
