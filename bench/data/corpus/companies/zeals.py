"""(li) Zeals Haulage, a regional parcel carrier: Go 1.22 microservices on Kubernetes (EKS,
containerd). ``consignment-api`` and ``rating-api`` (net/http with chi v5, sqlx over lib/pq on
Postgres) and ``scan-consumer`` (a NATS JetStream pull consumer of the depots' scan events,
writing through sqlx).

Datadog is the main error tool: dd-trace-go APM, monitors by ``@error.type`` and by
``resource_name``, Error Tracking alerts on new issues, and log monitors (one per service)
pasting ``{{log.message}}`` or ``{{log.attributes.error.*}}`` (the team's pipeline remaps
zap's ``error`` to ``error.message`` and ``stacktrace`` to ``error.stack``). Logs: zap's
production JSON on stderr, read by the Datadog agent and by Splunk Connect for Kubernetes
(``li-sck-zap``: the CRI line's payload, or on the ``spot`` node pool still parsed as Docker
JSON the whole CRI line and ``P`` partials of long lines); one Splunk saved search over the
namespace. sentry-go (sentryhttp, the team's ``report.Error``) on the two HTTP services only.
No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import GO_HTTP, go, golib

# The tables keep one frame or delivery per line.
# fmt: off
SDK_GO = ("sentry.go", "0.28.1", "github.com/getsentry/sentry-go")
SERVICES = {
    "consignment-api": Service("consignment-api", "go", "li-sck-zap", "kube:container:consignment-api", "/var/log/containers/consignment-api_parcels_consignment-api.log", "zh_k8s", 10610011, "go1.22.7", framework="chi", sdk=SDK_GO),
    "rating-api": Service("rating-api", "go", "li-sck-zap", "kube:container:rating-api", "/var/log/containers/rating-api_parcels_rating-api.log", "zh_k8s", 10610012, "go1.22.7", framework="chi", sdk=SDK_GO),
    "scan-consumer": Service("scan-consumer", "go", "li-sck-zap", "kube:container:scan-consumer", "/var/log/containers/scan-consumer_parcels_scan-consumer.log", "zh_k8s", 10610013, "go1.22.7"),
}

MOD = "github.com/zealshaulage/parcels"


def app(pkg: str, function: str, file: str, line: int) -> Frame:
    return go(f"{MOD}/{pkg}", function, f"/src/{file}", line)


SQLX = "/go/pkg/mod/github.com/jmoiron/sqlx@v1.4.0/"
NATS = "/go/pkg/mod/github.com/nats-io/nats.go@v1.37.0/"
HTTP = (*GO_HTTP, golib("github.com/getsentry/sentry-go/http", "(*Handler).handle.func1", "/go/pkg/mod/github.com/getsentry/sentry-go@v0.28.1/http/sentryhttp.go", 103))
CONSUMER = (
    golib("github.com/nats-io/nats.go/jetstream", "(*pullSubscription).Consume.func1", NATS + "jetstream/pull.go", 318),
    app("internal/scans", "(*Consumer).handle", "internal/scans/consumer.go", 74),
)
GET = (
    golib("github.com/jmoiron/sqlx", "(*DB).GetContext", SQLX + "sqlx_context.go", 91),
    golib("github.com/jmoiron/sqlx", "(*Row).scanAny", SQLX + "sqlx.go", 836),
)
NAMED_EXEC = (
    golib("github.com/jmoiron/sqlx", "(*DB).NamedExecContext", SQLX + "sqlx_context.go", 145),
    golib("github.com/jmoiron/sqlx", "NamedExecContext", SQLX + "named_context.go", 131),
)
# sentry-go takes an fmt.Errorf error's stack where the team's helper captures it.
REPORT = app("internal/report", "Error", "internal/report/report.go", 31)
# Every call to another service goes through one client; its Do is the last app frame.
UPSTREAM_DO = app("internal/upstream", "(*Client).Do", "internal/upstream/client.go", 58)
NO_ROWS = Exc("*errors.errorString", "sql: no rows in result set")
NIL = "runtime error: invalid memory address or nil pointer dereference"
DEADLINE = "context deadline exceeded (Client.Timeout exceeded while awaiting headers)"


def pq(text: str) -> Exc:
    return Exc("*pq.Error", f"pq: {text}")


# Splunk: one saved search over the namespace, whatever the service or error.
S_NS = dict(search="parcels namespace - zap errors", owner="svc_parcels", app="zh_ops")
S_SPOT = dict(**S_NS, kind="cri")
S_PART = dict(**S_NS, kind="partial")
S_REST = dict(**S_NS, kind="rest")
TEAM = "parcels"
DD_CONS = dict(monitor="[consignment-api] error logs", team=TEAM, filter="service:consignment-api status:error", format="li-zap-dd", text="consignment-api logged an error on {{log.host}}\n\n**{{log.attributes.msg}}**\nerror: {{log.attributes.error.message}}\n\n```\n{{log.attributes.error.stack}}\n```")
DD_RATE = dict(monitor="[rating-api] error logs", team=TEAM, filter="service:rating-api status:error", format="zap", text="rating-api errors above threshold. Latest: {{log.message}}")
DD_SCAN = dict(monitor="[scan-consumer] failed scans", team=TEAM, filter="service:scan-consumer status:error", format="li-zap-dd", text="scan-consumer failed {{value}} scan messages in 5m.\nLast: {{log.attributes.msg}}: {{log.attributes.error.message}} (subject {{log.attributes.subject}})")
APM_TYPE = dict(style="type", monitor="parcels APIs error spans by type", team=TEAM)


def et(service: str) -> dict[str, object]:
    return dict(monitor=f"[Error Tracking] New issue in {service}", team=TEAM, text=f"A new issue was detected in **{service}** (env:prod).\n\n`{{{{log.attributes.error.kind}}}}`: {{{{log.attributes.error.message}}}}")


def route(entry: str) -> dict[str, object]:
    return dict(style="route", monitor=f"{entry} error rate", team=TEAM)


BUGS = [
    # sql.ErrNoRows wrapped for a consignment and for a rate card: two entities, one inner error.
    Bug("li-consignment-no-rows", "consignment-api", (NO_ROWS, Exc("*fmt.wrapError", "get consignment ZH{n}: sql: no rows in result set", (*HTTP, app("internal/consignments", "(*Handler).Get", "internal/consignments/handler.go", 63), app("internal/consignments", "(*Store).ByRef", "internal/consignments/store.go", 41), REPORT))),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **S_NS), see("datadog.log", 2, **DD_CONS), see("datadog.apm", **et("consignment-api"))),
        classes=(4, 9), pair="li-ratecard-no-rows", entry="GET /v1/consignments/{ref}", log="get consignment failed"),
    Bug("li-ratecard-no-rows", "rating-api", (NO_ROWS, Exc("*fmt.wrapError", "load rate card for account {n}: sql: no rows in result set", (*HTTP, app("internal/rates", "(*Handler).Quote", "internal/rates/handler.go", 52), app("internal/rates", "(*Store).RateCard", "internal/rates/store.go", 88), REPORT))),
        (see("sentry.error", 3), see("sentry.error", release=1), see("splunk", 2, **S_NS), see("datadog.log", 2, **DD_RATE), see("datadog.apm", **APM_TYPE)),
        classes=(4, 9), pair="li-consignment-no-rows", entry="POST /v1/quotes", log="quote failed", span=2),
    # Unique violations: a customer reference booked twice in the API, a scan replayed by NATS.
    Bug("li-customer-ref-unique", "consignment-api", (pq('duplicate key value violates unique constraint "consignments_account_id_customer_ref_key"'), Exc("*fmt.wrapError", 'insert consignment: pq: duplicate key value violates unique constraint "consignments_account_id_customer_ref_key"', (*HTTP, app("internal/consignments", "(*Handler).Create", "internal/consignments/handler.go", 97), app("internal/consignments", "(*Store).Insert", "internal/consignments/store.go", 66), *NAMED_EXEC[:1], REPORT))),
        (see("sentry.error", 3), see("splunk", 2, **S_NS), see("splunk", **S_SPOT), see("datadog.log", 2, **DD_CONS), see("datadog.apm", monitor="consignment-api errors by type", team=TEAM)),
        classes=(4, 9), pair="li-scan-replay-unique", entry="POST /v1/consignments", log="create consignment failed"),
    Bug("li-scan-replay-unique", "scan-consumer", (pq('duplicate key value violates unique constraint "scan_events_parcel_id_seq_key"'), Exc("*fmt.wrapError", 'append scan event: pq: duplicate key value violates unique constraint "scan_events_parcel_id_seq_key"', (*CONSUMER, app("internal/scans", "(*Store).Append", "internal/scans/store.go", 38), *NAMED_EXEC))),
        (see("splunk", 3, **S_NS), see("splunk", **S_PART), see("datadog.log", 3, **DD_SCAN)),
        classes=(4,), pair="li-customer-ref-unique", entry="scans.depot.arrived", log="handle scan"),
    # The same nil dereference in the manifest handler and in the consumer's depot lookup.
    Bug("li-manifest-nil", "consignment-api", (Exc("runtime.Error", NIL, (*HTTP, app("internal/manifests", "(*Handler).Print", "internal/manifests/handler.go", 44), app("internal/manifests", "driverName", "internal/manifests/render.go", 19))),),
        (see("sentry.error", 3), see("sentry.error", release=2), see("splunk", 2, **S_NS, msg="panic recovered"), see("datadog.apm", **route("GET /v1/manifests/{id}")), see("datadog.apm", **et("consignment-api"))),
        classes=(4, 5), pair="li-depot-nil", entry="GET /v1/manifests/{id}", log="panic recovered", span=3, renames={"(*Handler).Print": "(*Handler).PrintManifest"}),
    Bug("li-depot-nil", "scan-consumer", (Exc("runtime.Error", NIL, (*CONSUMER, app("internal/depots", "(*Cache).Lookup", "internal/depots/cache.go", 57), app("internal/depots", "(*Depot).Code", "internal/depots/depot.go", 23))),),
        (see("splunk", 2, **S_NS, msg="panic recovered"), see("splunk", **S_REST, msg="panic recovered"), see("datadog.log", 2, **DD_SCAN, msg="panic recovered")),
        classes=(4,), pair="li-manifest-nil", entry="scans.depot.arrived", log="panic recovered"),
    # Two upstreams timing out behind one upstream client.
    Bug("li-zones-timeout", "rating-api", (Exc("*url.Error", f'Post "http://zones.parcels.svc.cluster.local/v1/resolve": {DEADLINE}'), Exc("*fmt.wrapError", f'resolve zone for {{ref}}: Post "http://zones.parcels.svc.cluster.local/v1/resolve": {DEADLINE}', (*HTTP, app("internal/rates", "(*Handler).Quote", "internal/rates/handler.go", 47), app("internal/zones", "(*Client).Resolve", "internal/zones/client.go", 33), UPSTREAM_DO))),
        (see("sentry.error", 3), see("splunk", 2, **S_NS), see("datadog.log", 2, **DD_RATE), see("datadog.apm", **APM_TYPE)),
        classes=(9,), pair="li-address-timeout", entry="POST /v1/quotes", log="quote failed"),
    Bug("li-address-timeout", "consignment-api", (Exc("*url.Error", f'Get "https://api.addressbase.example/v2/lookup?postcode=LS{{idx}}+{{n}}": {DEADLINE}'), Exc("*fmt.wrapError", f'validate address: Get "https://api.addressbase.example/v2/lookup?postcode=LS{{idx}}+{{n}}": {DEADLINE}', (*HTTP, app("internal/consignments", "(*Handler).Create", "internal/consignments/handler.go", 81), app("internal/address", "(*Validator).Check", "internal/address/validator.go", 29), UPSTREAM_DO))),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **S_NS), see("datadog.log", **DD_CONS), see("datadog.apm", **et("consignment-api"))),
        classes=(9,), pair="li-zones-timeout", entry="POST /v1/consignments", log="create consignment failed"),
    # nats: timeout from the consumer's ack and from the API's publish.
    Bug("li-scan-ack-timeout", "scan-consumer", (Exc("*errors.errorString", "nats: timeout"), Exc("*fmt.wrapError", "ack scan {uuid}: nats: timeout", (*CONSUMER, golib("github.com/nats-io/nats.go/jetstream", "(*jetStreamMsg).DoubleAck", NATS + "jetstream/message.go", 312)))),
        (see("splunk", 2, **S_NS), see("splunk", **S_SPOT), see("datadog.log", 2, **DD_SCAN)),
        classes=(4,), pair="li-created-publish-timeout", entry="scans.depot.departed", log="ack failed"),
    Bug("li-created-publish-timeout", "consignment-api", (Exc("*errors.errorString", "nats: timeout"), Exc("*fmt.wrapError", "publish parcels.created: nats: timeout", (*HTTP, app("internal/consignments", "(*Handler).Create", "internal/consignments/handler.go", 112), app("internal/events", "(*Publisher).Created", "internal/events/publisher.go", 27), golib("github.com/nats-io/nats.go/jetstream", "(*jetStream).Publish", NATS + "jetstream/publish.go", 154), REPORT))),
        (see("sentry.error", 3), see("splunk", 2, **S_NS), see("datadog.log", 2, **DD_CONS), see("datadog.apm", monitor="consignment-api errors by type", team=TEAM)),
        classes=(4,), pair="li-scan-ack-timeout", entry="POST /v1/consignments", log="publish event failed"),
    # encoding/json type errors on two structs.
    Bug("li-scan-decode", "scan-consumer", (Exc("*json.UnmarshalTypeError", "json: cannot unmarshal number into Go struct field ScanEvent.depot_code of type string"), Exc("*fmt.wrapError", "decode scan: json: cannot unmarshal number into Go struct field ScanEvent.depot_code of type string", (*CONSUMER, app("internal/scans", "decode", "internal/scans/decode.go", 15)))),
        (see("splunk", 2, **S_NS), see("datadog.log", 2, **DD_SCAN)),
        classes=(4,), pair="li-quote-decode", entry="scans.depot.arrived", log="handle scan"),
    Bug("li-quote-decode", "rating-api", (Exc("*json.UnmarshalTypeError", "json: cannot unmarshal string into Go struct field QuoteRequest.parcels.weight_grams of type int"), Exc("*fmt.wrapError", "decode quote request: json: cannot unmarshal string into Go struct field QuoteRequest.parcels.weight_grams of type int", (*HTTP, app("internal/rates", "(*Handler).Quote", "internal/rates/handler.go", 38), REPORT))),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", **S_NS), see("datadog.log", 2, **DD_RATE)),
        classes=(4,), pair="li-scan-decode", entry="POST /v1/quotes", log="quote failed", span=2),
    # A pair only by where it lands: two consignment-api errors under the one search and monitor.
    Bug("li-pg-refused", "consignment-api", (Exc("*net.OpError", "dial tcp 10.42.{idx}.{idx}:5432: connect: connection refused"), Exc("*fmt.wrapError", "list consignments: dial tcp 10.42.{idx}.{idx}:5432: connect: connection refused", (*HTTP, app("internal/consignments", "(*Handler).List", "internal/consignments/handler.go", 30), app("internal/consignments", "(*Store).List", "internal/consignments/store.go", 22), golib("github.com/jmoiron/sqlx", "(*DB).SelectContext", SQLX + "sqlx_context.go", 83), REPORT))),
        (see("sentry.error", 2), see("splunk", 3, **S_NS), see("datadog.log", 2, **DD_CONS), see("datadog.apm", **route("GET /v1/consignments"))),
        classes=(2,), pair="li-missing-destination", entry="GET /v1/consignments", log="list consignments failed"),
    Bug("li-missing-destination", "consignment-api", (Exc("*errors.errorString", "missing destination name service_level in *consignments.Row"), Exc("*fmt.wrapError", "get consignment ZH{n}: missing destination name service_level in *consignments.Row", (*HTTP, app("internal/consignments", "(*Handler).Get", "internal/consignments/handler.go", 63), app("internal/consignments", "(*Store).ByRef", "internal/consignments/store.go", 41), *GET, REPORT))),
        (see("sentry.error", 3), see("splunk", 2, **S_NS), see("datadog.log", 2, **DD_CONS), see("datadog.apm", **et("consignment-api"))),
        classes=(2, 9), pair="li-pg-refused", entry="GET /v1/consignments/{ref}", log="get consignment failed"),
    # Not pairs.
    Bug("li-statement-timeout", "rating-api", (pq("canceling statement due to statement timeout"), Exc("*fmt.wrapError", "surcharges for {n} parcels: pq: canceling statement due to statement timeout", (*HTTP, app("internal/rates", "(*Handler).Quote", "internal/rates/handler.go", 58), app("internal/surcharges", "(*Store).ForPostcodes", "internal/surcharges/store.go", 49), golib("github.com/jmoiron/sqlx", "(*DB).SelectContext", SQLX + "sqlx_context.go", 83), REPORT))),
        (see("sentry.error", 2), see("splunk", 2, **S_NS), see("splunk", **S_PART), see("datadog.log", **DD_RATE), see("datadog.apm", monitor="rating-api *pq.Error", team=TEAM)),
        classes=(9,), entry="POST /v1/quotes", log="quote failed"),
    Bug("li-band-bounds", "rating-api", (Exc("runtime.boundsError", "runtime error: index out of range [{idx}] with length {idx}", (*HTTP, app("internal/rates", "(*Handler).Quote", "internal/rates/handler.go", 61), app("internal/rates", "Price", "internal/rates/price.go", 72), app("internal/rates", "weightBand", "internal/rates/bands.go", 24))),),
        (see("sentry.error", 3), see("sentry.issue"), see("datadog.apm", **route("POST /v1/quotes")), see("datadog.apm", **et("rating-api")), see("splunk", **S_NS, msg="panic recovered")),
        classes=(6,), entry="POST /v1/quotes", log="panic recovered"),
    Bug("li-max-deliver", "scan-consumer", (Exc("*errors.errorString", "scan {uuid} exceeded max deliveries (5), terminating"),),
        (see("splunk", 2, **S_NS, msg="terminate scan"), see("datadog.log", 3, **DD_SCAN, msg="terminate scan")),
        entry="scans.depot.departed", log="terminate scan"),
    Bug("li-label-pdf-font", "consignment-api", (Exc("*fs.PathError", "open /app/fonts/Inter-Bold.ttf: no such file or directory"), Exc("*fmt.wrapError", "render label ZH{n}: open /app/fonts/Inter-Bold.ttf: no such file or directory", (*HTTP, app("internal/labels", "(*Handler).PDF", "internal/labels/handler.go", 36), app("internal/labels", "(*Renderer).Render", "internal/labels/render.go", 52), REPORT))),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 2, **S_NS), see("datadog.log", **DD_CONS)),
        classes=(5,), entry="GET /v1/consignments/{ref}/label", log="render label failed", span=2),
    Bug("li-consumer-oom", "scan-consumer", (),
        (see("datadog.metric", 2, monitor="scan-consumer container OOMKilled", team=TEAM, metric="kubernetes_state.container.status_report.count.terminated", query="max(last_5m):sum:kubernetes_state.container.status_report.count.terminated{kube_container_name:scan-consumer,reason:oomkilled} > 0", text="scan-consumer was OOMKilled on {{host.name}} ({n} restarts)."),),
        classes=(8,)),
    Bug("li-singleton-map-writes", "rating-api", (),
        (see("splunk", **S_NS, line="2026-03-03T02:14:09.118402733Z stderr F fatal error: concurrent map writes"),),
        singleton=True),
]

NOISE = [
    Noise("li-noise-deploy", "consignment-api", "datadog.event", {"monitor": "Argo CD: consignment-api synced", "text": "Application consignment-api synced to revision v2.14.0 (Healthy).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": TEAM}),
    Noise("li-noise-recovered", "scan-consumer", "datadog.log", {**DD_SCAN, "text": "[Recovered] scan-consumer failed scans back to normal.", "transition": "Recovered", "alert_type": "success"}),
    Noise("li-noise-started", "rating-api", "splunk", {**S_NS, "line": '{"level":"info","ts":1772452801.481223,"caller":"cmd/main.go:88","msg":"listening","addr":":8080","version":"v2.14.0"}'}),
]

ZEALS = Company(
    key="li",
    name="Zeals Haulage",
    domain="zealshaulage.example",
    sentry_org="zeals-haulage",
    splunk_url="https://splunk.zealshaulage.example:8000",
    splunk_guid="7C1E8A52-3F4D-4B9E-A06C-52D8E13F9B47",
    datadog_org=("1061001", "Zeals Haulage"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("v2.13.2", "v2.14.0", "v2.15.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="zeals-sentry-client-secret",
)
# fmt: on
