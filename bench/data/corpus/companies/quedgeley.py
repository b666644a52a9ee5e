"""(no) Quedgeley Couriers, same-day courier dispatch: Go 1.22 services on DigitalOcean
Kubernetes. ``dispatch-api`` (net/http with chi, pgx v5 over DigitalOcean Managed PostgreSQL,
a partner client for geocoding and carrier rates) and ``label-worker`` (a NATS JetStream
consumer rendering shipping labels and storing them in DigitalOcean Spaces).

Errors: wrapped with ``%w`` in some packages and with github.com/pkg/errors (``errors.Wrap``,
``errors.WithStack``) in others. Logs: zerolog JSON on stderr (``log.Error().Stack().Err(err)``
under ``pkgerrors.MarshalStack``: a ``stack`` only where pkg/errors made the error); handler
panics that net/http recovers print Go's goroutine dump. Fluent Bit (tail, CRI parser,
kubernetes filter, the ``go`` multi-line parser) posts to Splunk HEC (``Merge_Log Off`` in the
first release: the line under ``log``; then the zerolog fields merged into the record) and to
Datadog through its datadog output. sentry-go with sentryhttp (``Repanic: true``). No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Seen, Service, see
from ..stacks import GO_HTTP, go, golib

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "dispatch-api": Service("dispatch-api", "go", "no-hec", "fluentbit:kube", "kube.var.log.containers.dispatch-api", "dispatch_doks", 12510021, "go1.22.7", framework="go-nethttp"),
    "label-worker": Service("label-worker", "go", "no-hec", "fluentbit:kube", "kube.var.log.containers.label-worker", "dispatch_doks", 12510022, "go1.22.7", framework="nats"),
}
GOSRC = "/usr/local/go/src/"
MOD = "quedgeley.example/dispatch/"
PGX = "/go/pkg/mod/github.com/jackc/pgx/v5@v5.6.0/"
NATS = "/go/pkg/mod/github.com/nats-io/nats.go@v1.37.0/"
SENTRYHTTP = golib("github.com/getsentry/sentry-go/http", "(*Handler).handle.func1", "/go/pkg/mod/github.com/getsentry/sentry-go@v0.29.1/http/sentryhttp.go", 119)
HTTP = (*GO_HTTP[:2], SENTRYHTTP, *GO_HTTP[2:])
CONSUME = (
    golib("github.com/nats-io/nats.go", "(*Conn).waitForMsgs", NATS + "nats.go", 3215),
    golib("github.com/nats-io/nats.go/jetstream", "(*pullConsumer).Consume.func1", NATS + "jetstream/pull.go", 238),
)
PANIC = golib("runtime", "gopanic", GOSRC + "runtime/panic.go", 770)
SIGPANIC = golib("runtime", "sigpanic", GOSRC + "runtime/signal_unix.go", 917)
NIL = "runtime error: invalid memory address or nil pointer dereference"
P23505 = 'ERROR: duplicate key value violates unique constraint "{c}" (SQLSTATE 23505)'
QUERY_ROW = golib("github.com/jackc/pgx/v5", "(*connRow).Scan", PGX + "rows.go", 84)
# The partner client's one JSON helper (errors.WithStack at its return).
GET_JSON = go(MOD + "internal/partner", "(*Client).getJSON", "/app/internal/partner/client.go", 71)


def api(pkg: str, function: str, file: str, line: int) -> Frame:
    return go(MOD + pkg, function, f"/app/{pkg}/{file}", line)


def wrapped(cause: Exc, message: str, frames: tuple[Frame, ...]) -> tuple[Exc, Exc]:
    """``errors.Wrap(cause, message)`` (pkg/errors): the cause, then the stack-carrying wrapper."""
    return (cause, Exc("*errors.withStack", f"{message}: {cause.value}", frames))


def percent_w(cause: Exc, message: str, frames: tuple[Frame, ...]) -> tuple[Exc, Exc]:
    """``fmt.Errorf("...: %w", err)``: no stack of its own; sentry-go's is the capture site's."""
    return (cause, Exc("*fmt.wrapError", f"{message}: {cause.value}", frames))


SEARCH = dict(search="Quedgeley - dispatch errors (DOKS)", owner="dispatch_ops", app="quedgeley")
DD = dict(team="dispatch", monitor="[dispatch] error logs", format="no-dd", filter="kube_namespace:dispatch status:error", text="{{log.service}}: **{{log.attributes.message}}**\n\n`{{log.attributes.error}}`")
DD_PANIC = dict(team="dispatch", monitor="[dispatch] Go panics", format="no-dd", panic=True, filter='kube_namespace:dispatch "goroutine"', text="Panic on {{log.host}}:\n\n```\n{{log.message}}\n```", sample_lines=10)


def spl(n: int = 1, **opts: object) -> Seen:
    return see("splunk", n, **SEARCH, **opts)


def dd(n: int = 1, **opts: object) -> Seen:
    return see("datadog.log", n, **DD, **opts)


BUGS = [
    # 1. Unique violations on two tables, wrapped by pkg/errors.
    Bug("no-parcel-dup", "dispatch-api", wrapped(Exc("*pgconn.PgError", P23505.replace("{c}", "parcels_tracking_no_key")), "insert parcel", (*HTTP, api("internal/api", "(*ShipmentHandler).Create", "shipments.go", 58), api("internal/store", "(*Parcels).Insert", "parcels.go", 41), QUERY_ROW)),
        (see("sentry.error", 3), spl(2, msg="create shipment"), dd(msg="create shipment")),
        log="create shipment", classes=(1, 2, 4, 9), pair="no-courier-dup", entry="POST /v1/shipments", span=2),
    Bug("no-courier-dup", "dispatch-api", wrapped(Exc("*pgconn.PgError", P23505.replace("{c}", "couriers_phone_key")), "insert courier", (*HTTP, api("internal/api", "(*CourierHandler).Register", "couriers.go", 36), api("internal/store", "(*Couriers).Insert", "couriers.go", 29), QUERY_ROW)),
        (see("sentry.error", 2), see("sentry.issue"), spl(msg="register courier"), dd(msg="register courier")),
        log="register courier", classes=(1, 2, 4, 9), pair="no-parcel-dup", entry="POST /v1/couriers"),
    # 2. Nil dereferences in two handlers, recovered by net/http after sentryhttp re-panics.
    Bug("no-pod-nil", "dispatch-api", (Exc("runtime.Error", NIL, (*HTTP, api("internal/api", "(*ProofHandler).Upload", "proof.go", 74), api("internal/proof", "(*Photo).Attach", "photo.go", 33), SIGPANIC)),),
        (see("sentry.error", 3), spl(2, panic=True), see("datadog.log", **DD_PANIC)),
        classes=(1, 2, 4), pair="no-reassign-nil", entry="POST /v1/jobs/{job_id}/proof", span=2, renames={"(*ProofHandler).Upload": "(*ProofHandler).Create"}),
    Bug("no-reassign-nil", "dispatch-api", (Exc("runtime.Error", NIL, (*HTTP, api("internal/api", "(*JobHandler).Reassign", "jobs.go", 112), api("internal/dispatch", "(*Planner).NearestCourier", "planner.go", 88), SIGPANIC)),),
        (see("sentry.error", 2), spl(panic=True), see("datadog.log", 2, **DD_PANIC)),
        classes=(1, 2, 4), pair="no-pod-nil", entry="POST /v1/jobs/{job_id}/reassign"),
    # 3. Two partners timing out behind one JSON helper (errors.WithStack there).
    Bug("no-geocode-timeout", "dispatch-api", wrapped(Exc("*url.Error", 'Get "https://api.getaddress.example/find/GL2%20{idx}QR?expand=true": context deadline exceeded (Client.Timeout exceeded while awaiting headers)'), "geocode pickup", (*HTTP, api("internal/api", "(*QuoteHandler).Quote", "quotes.go", 44), api("internal/partner", "(*Geocoder).Find", "geocoder.go", 27), GET_JSON)),
        (see("sentry.error", 3), spl(2, msg="quote failed"), dd(msg="quote failed")),
        log="quote failed", classes=(1, 2, 9), pair="no-rates-timeout", entry="POST /v1/quotes"),
    Bug("no-rates-timeout", "dispatch-api", wrapped(Exc("*url.Error", 'Get "https://rates.parcelnet.example/v2/rates?from=GL2%20{idx}QR": context deadline exceeded (Client.Timeout exceeded while awaiting headers)'), "fetch carrier rates", (*HTTP, api("internal/api", "(*QuoteHandler).Quote", "quotes.go", 51), api("internal/partner", "(*Rates).Fetch", "rates.go", 38), GET_JSON)),
        (see("sentry.error", 2), see("sentry.error", release=1), spl(msg="quote failed"), dd(2, msg="quote failed")),
        log="quote failed", classes=(1, 2, 7, 9), pair="no-geocode-timeout", entry="POST /v1/quotes", span=2),
    # 4. One label renderer, two different errors.
    Bug("no-label-barcode", "label-worker", wrapped(Exc("*errors.fundamental", "code128: invalid character 'Ø' at position 14"), "encode tracking barcode", (*CONSUME, api("internal/labels", "(*Worker).handle", "worker.go", 47), api("internal/render", "(*Label).Draw", "label.go", 66))),
        (see("sentry.error", 3), spl(2, msg="render label", caller="/app/internal/labels/worker.go:52"), dd(msg="render label", caller="/app/internal/labels/worker.go:52")),
        log="render label", classes=(1, 2, 4), pair="no-label-font", entry="labels.render"),
    Bug("no-label-font", "label-worker", percent_w(Exc("*fs.PathError", "open /app/assets/fonts/Inter-Bold.ttf: no such file or directory"), "load label font", (*CONSUME, api("internal/labels", "(*Worker).handle", "worker.go", 47), api("internal/render", "(*Label).Draw", "label.go", 39))),
        (see("sentry.error", 2), spl(2, msg="render label", nostack=True, caller="/app/internal/labels/worker.go:52"), dd(msg="render label", nostack=True, caller="/app/internal/labels/worker.go:52")),
        log="render label", classes=(1, 2, 4), pair="no-label-barcode", entry="labels.render"),
    # 5. The same time.Parse failure at two call sites.
    Bug("no-slot-parse", "dispatch-api", percent_w(Exc("*time.ParseError", 'parsing time "2026-03-0{idx}T25:00" as "2006-01-02T15:04": hour out of range'), "parse collection slot", (*HTTP, api("internal/api", "(*ShipmentHandler).Create", "shipments.go", 49), api("internal/slots", "Parse", "slots.go", 22))),
        (see("sentry.error", 3), spl(2, msg="create shipment", nostack=True, status=400), dd(msg="create shipment", nostack=True, status=400)),
        log="create shipment", classes=(1, 2, 4), pair="no-eta-parse", entry="POST /v1/shipments"),
    Bug("no-eta-parse", "label-worker", percent_w(Exc("*time.ParseError", 'parsing time "2026-03-0{idx}T25:00" as "2006-01-02T15:04": hour out of range'), "parse promised eta", (*CONSUME, api("internal/labels", "(*Worker).handle", "worker.go", 41), api("internal/labels", "promisedBy", "eta.go", 18))),
        (see("sentry.error", 2), spl(msg="render label", nostack=True, caller="/app/internal/labels/worker.go:52"), dd(msg="render label", nostack=True, caller="/app/internal/labels/worker.go:52")),
        log="render label", classes=(1, 2, 4), pair="no-slot-parse", entry="labels.render"),
    # Not pairs.
    Bug("no-db-dial", "dispatch-api", percent_w(Exc("*pgconn.ConnectError", "failed to connect to `user=dispatch database=dispatch`: 10.110.0.{n}:25060 (private-db-postgresql-lon1-41870-do-user-9921034-0.f.db.ondigitalocean.com): dial error: timeout: context deadline exceeded"), "list depots", (*HTTP, api("internal/api", "(*DepotHandler).List", "depots.go", 23), api("internal/store", "(*Depots).All", "depots.go", 17), golib("github.com/jackc/pgx/v5/pgxpool", "(*Pool).Query", PGX + "pgxpool/pool.go", 715))),
        (see("sentry.error", 2), spl(3, msg="list depots", nostack=True), dd(2, msg="list depots", nostack=True)),
        log="list depots", classes=(1, 2, 7), entry="GET /v1/depots"),
    Bug("no-nats-ack", "label-worker", wrapped(Exc("*errors.errorString", "nats: timeout"), "ack label job", (*CONSUME, api("internal/labels", "(*Worker).handle", "worker.go", 71))),
        (see("sentry.error", 2), spl(2, msg="ack failed", caller="/app/internal/labels/worker.go:74"), dd(msg="ack failed", caller="/app/internal/labels/worker.go:74")),
        log="ack failed", classes=(1, 2), entry="labels.render"),
    Bug("no-spaces-403", "label-worker", wrapped(Exc("*smithy.OperationError", "operation error S3: PutObject, https response error StatusCode: 403, RequestID: tx00000{hex}-lon1, HostID: 41870-lon1-default, api error AccessDenied: Access Denied"), "store label pdf", (*CONSUME, api("internal/labels", "(*Worker).handle", "worker.go", 59), api("internal/storage", "(*Spaces).Put", "spaces.go", 34))),
        (see("sentry.error", 2), see("sentry.error", release=2), spl(2, msg="render label", caller="/app/internal/labels/worker.go:52"), dd(msg="render label", caller="/app/internal/labels/worker.go:52")),
        log="render label", classes=(1, 2, 5), entry="labels.render", span=3, renames={"(*Spaces).Put": "(*Spaces).Upload"}),
    Bug("no-weight-decode", "dispatch-api", (Exc("*json.UnmarshalTypeError", "json: cannot unmarshal string into Go struct field Parcel.parcels.weight_grams of type int", (*HTTP, api("internal/api", "(*ShipmentHandler).Create", "shipments.go", 37), golib("encoding/json", "(*Decoder).Decode", GOSRC + "encoding/json/stream.go", 63))),),
        (see("sentry.error", 2), see("sentry.alert", rule="dispatch-api: new issue"), spl(msg="decode shipment", nostack=True, status=400), dd(msg="decode shipment", nostack=True, status=400)),
        log="decode shipment", classes=(1, 2), entry="POST /v1/shipments"),
    # Seen once.
    Bug("no-singleton-bounds", "label-worker", (Exc("runtime.Error", "runtime error: slice bounds out of range [:38] with capacity 32", (*CONSUME, api("internal/labels", "(*Worker).handle", "worker.go", 47), api("internal/render", "wrapAddress", "address.go", 19), PANIC)),),
        (see("sentry.error"),),
        singleton=True, entry="labels.render"),
]

NOISE = [
    Noise("no-noise-deploy", "dispatch-api", "datadog.event", {"monitor": "Deployed dispatch-api v1.42.0", "text": "Argo CD synced dispatch-api to v1.42.0 on doks-lon1-prod.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "dispatch", "release": "1"}),
    Noise("no-noise-listening", "dispatch-api", "splunk", {**SEARCH, "line": '{"time":"{ts}","stream":"stderr","_p":"F","log":"{\\"level\\":\\"info\\",\\"service\\":\\"dispatch-api\\",\\"time\\":\\"{ts}\\",\\"addr\\":\\":8080\\",\\"message\\":\\"listening\\"}","kubernetes":{"namespace_name":"dispatch","container_name":"dispatch-api"}}'}),
    Noise("no-noise-recovered", "label-worker", "datadog.log", {"monitor": "[dispatch] error logs", "transition": "Recovered", "alert_type": "success", "team": "dispatch", "filter": "kube_namespace:dispatch status:error", "text": "dispatch error logs are back under the threshold."}),
]

QUEDGELEY = Company(
    key="no",
    name="Quedgeley Couriers",
    domain="quedgeley-couriers.example",
    sentry_org="quedgeley-couriers",
    splunk_url="https://quedgeley.splunkcloud.example",
    splunk_guid="8D3F1B62-4A95-4E07-B1C8-5F2A9E6D0C47",
    datadog_org=("1250021", "Quedgeley Couriers"),
    datadog_template="recommended",
    posthog_project=(92502, "Quedgeley"),
    releases=("v1.41.0", "v1.42.0", "v1.43.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="quedgeley-sentry-client-secret",
)
# fmt: on
