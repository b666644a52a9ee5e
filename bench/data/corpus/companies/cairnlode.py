"""(bm) Cairnlode Couriers, same-day courier dispatch: Go 1.22 microservices in one
repository: ``dispatch-api`` (net/http with Go 1.22's ``ServeMux`` patterns, sqlx over lib/pq),
``pricing-grpc`` (a gRPC server the API calls for quotes) and ``tracking-consumer`` (a NATS
JetStream consumer of courier pings and parcel scans; logrus JSON).

Sentry: sentry-go with its ``sentryhttp`` handler on the API, a recovery interceptor on the
gRPC server and ``CaptureException`` in the consumer (whose project once had a ``+app`` stack trace rule
that marked every frame in-app); errors are wrapped with pkg/errors or
``fmt.Errorf("…: %w")``. Datadog: the agent collects the containers' JSON logs (zerolog with
``pkgerrors.MarshalStack`` on the API and pricing, logrus in the consumer), dd-trace-go traces
net/http and gRPC, the consumer starts its own ``nats.consume`` spans. Monitors post through
the platform team's template: flat camelCase keys, the plain-text message, the monitor's
metric and query, ``$DATE`` unquoted. No Splunk, no PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import GOSRC, go, golib

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "dispatch-api": Service("dispatch-api", "go", "bm-zerolog-pkgerrors", "", "", "", 7340061, "go1.22.5", framework="go-nethttp"),
    "pricing-grpc": Service("pricing-grpc", "go", "bm-zerolog-pkgerrors", "", "", "", 7340062, "go1.22.5", framework="go-grpc"),
    "tracking-consumer": Service("tracking-consumer", "go", "bm-logrus-nats", "", "", "", 7340063, "go1.22.5", framework="nats"),
}

MOD = "github.com/cairnlode/platform"


def app(pkg: str, function: str, file: str, line: int) -> Frame:
    return go(f"{MOD}/{pkg}", function, f"/src/{file}", line)


GRPC_MOD = "/go/pkg/mod/google.golang.org/grpc@v1.64.0/"
NATS_MOD = "/go/pkg/mod/github.com/nats-io/nats.go@v1.36.0/"
SQLX_MOD = "/go/pkg/mod/github.com/jmoiron/sqlx@v1.4.0/"
# net/http's ServeMux (Go 1.22 patterns) under the team's middleware (oldest first).
HTTP = (
    golib("net/http", "(*conn).serve", GOSRC + "net/http/server.go", 2039),
    golib("net/http", "serverHandler.ServeHTTP", GOSRC + "net/http/server.go", 3142),
    golib("github.com/getsentry/sentry-go/http", "(*Handler).handle.func1", "/go/pkg/mod/github.com/getsentry/sentry-go@v0.28.1/http/sentryhttp.go", 119),
    golib("net/http", "HandlerFunc.ServeHTTP", GOSRC + "net/http/server.go", 2171),
    app("internal/httpx", "RequestLogger.func1", "internal/httpx/middleware.go", 38),
    golib("net/http", "(*ServeMux).ServeHTTP", GOSRC + "net/http/server.go", 2688),
    golib("net/http", "HandlerFunc.ServeHTTP", GOSRC + "net/http/server.go", 2171),
)
GRPC = (
    golib("google.golang.org/grpc", "(*Server).serveStreams.func2.1", GRPC_MOD + "server.go", 1029),
    golib("google.golang.org/grpc", "(*Server).handleStream", GRPC_MOD + "server.go", 1770),
    golib("google.golang.org/grpc", "(*Server).processUnaryRPC", GRPC_MOD + "server.go", 1369),
    app("gen/pricing/v1", "_PricingService_Quote_Handler", "gen/pricing/v1/pricing_grpc.pb.go", 131),
    app("internal/grpcx", "RecoveryInterceptor.func1", "internal/grpcx/recovery.go", 27),
    app("gen/pricing/v1", "_PricingService_Quote_Handler.func1", "gen/pricing/v1/pricing_grpc.pb.go", 129),
)
NATS = (
    golib("github.com/nats-io/nats.go", "(*Conn).waitForMsgs", NATS_MOD + "nats.go", 3207),
    golib("github.com/nats-io/nats.go/jetstream", "(*pullSubscription).handle.func1", NATS_MOD + "jetstream/pull.go", 412),
    app("internal/tracking/consumer", "(*Consumer).handle", "internal/tracking/consumer/consumer.go", 74),
)
SQLX_GET = (
    golib("github.com/jmoiron/sqlx", "(*DB).GetContext", SQLX_MOD + "sqlx_context.go", 89),
    golib("github.com/jmoiron/sqlx", "GetContext", SQLX_MOD + "sqlx_context.go", 31),
)
SQLX_EXEC = (golib("github.com/jmoiron/sqlx", "(*DB).NamedExecContext", SQLX_MOD + "sqlx_context.go", 142),)
NO_ROWS = Exc("*errors.errorString", "sql: no rows in result set")
# Both payload types go through one decoder; its frame ends both unmarshal errors.
DECODE = app("internal/tracking/consumer", "decode[...]", "internal/tracking/consumer/decode.go", 19)
NIL = "runtime error: invalid memory address or nil pointer dereference"


def pq_unique(constraint: str, app_frames: tuple[Frame, ...], wrap: str) -> tuple[Exc, ...]:
    pq = f'pq: duplicate key value violates unique constraint "{constraint}"'
    return (Exc("*pq.Error", pq), Exc("*errors.withStack", f"{wrap}: {pq}", (*HTTP, *app_frames, *SQLX_EXEC)))


TEAM = "dispatch"
# The API's log monitor pastes zerolog's error field: every line's message is "request failed".
API_LOG = {"monitor": "dispatch-api error logs", "team": TEAM, "filter": "service:dispatch-api status:error", "text": "dispatch-api is logging errors.\n\nmessage: {{log.attributes.message}}\nerror: {{log.attributes.error}}\npath: {{log.attributes.path}}"}
PRICING_LOG = {"monitor": "pricing-grpc error logs", "team": TEAM, "filter": "service:pricing-grpc status:error", "text": "pricing-grpc {{log.attributes.grpc_method}} failed ({{log.attributes.grpc_code}}): {{log.attributes.error}}"}
CONSUMER_LOG = {"monitor": "tracking-consumer handler errors", "team": "tracking", "filter": "service:tracking-consumer status:error", "text": "Handler errors on tracking-consumer ({{value}} in 5m).\n\nLatest: {{log.attributes.msg}} on {{log.attributes.subject}}: {{log.attributes.error}}"}
# One monitor over every recovered panic in pricing: it pastes the debug.Stack() string.
PANIC_LOG = {"monitor": "pricing-grpc panics", "team": TEAM, "filter": 'service:pricing-grpc @message:"panic recovered"', "text": "Recovered panic in {{log.attributes.grpc_method}}: {{log.attributes.error}}\n\n```\n{{log.attributes.stack}}\n```"}
APM_TYPE = {"style": "type", "monitor": "error spans by type", "team": TEAM}

BUGS = [
    # sqlx's no-rows error wrapped at two places, the entity in the wrapping message.
    Bug("bm-courier-not-found", "dispatch-api", (NO_ROWS, Exc("*fmt.wrapError", "load courier {id}: sql: no rows in result set", (*HTTP, app("internal/dispatch", "(*Handler).AssignJob", "internal/dispatch/handler.go", 88), app("internal/dispatch/store", "(*Store).Courier", "internal/dispatch/store/couriers.go", 41), *SQLX_GET))),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", 2, **API_LOG)),
        classes=(4,), pair="bm-depot-not-found", entry="POST /v1/jobs/{id}/assign"),
    Bug("bm-depot-not-found", "dispatch-api", (NO_ROWS, Exc("*fmt.wrapError", "load depot {idx}: sql: no rows in result set", (*HTTP, app("internal/dispatch", "(*Handler).CreateJob", "internal/dispatch/handler.go", 52), app("internal/dispatch/store", "(*Store).Depot", "internal/dispatch/store/depots.go", 27), *SQLX_GET))),
        (see("sentry.error", 2), see("sentry.error", release=1), see("datadog.log", 2, **API_LOG)),
        classes=(4,), pair="bm-courier-not-found", entry="POST /v1/jobs", span=2),
    # The same nil dereference in two services: a courier without a vehicle.
    Bug("bm-assign-nil-vehicle", "dispatch-api", (Exc("runtime.errorString", NIL, (*HTTP, app("internal/dispatch", "(*Handler).AssignJob", "internal/dispatch/handler.go", 95), app("internal/dispatch", "fitsVehicle", "internal/dispatch/capacity.go", 22))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("datadog.apm", **APM_TYPE), see("datadog.apm", style="route", monitor="POST /v1/jobs/{id}/assign error rate", team=TEAM)),
        classes=(4,), pair="bm-eta-nil-vehicle", entry="POST /v1/jobs/{id}/assign", span=2, renames={"(*Handler).AssignJob": "(*Handler).Assign"}),
    Bug("bm-eta-nil-vehicle", "pricing-grpc", (Exc("runtime.errorString", NIL, (*GRPC, app("internal/pricing", "(*Server).Quote", "internal/pricing/server.go", 61), app("internal/pricing/eta", "Estimate", "internal/pricing/eta/eta.go", 48))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("datadog.apm", **APM_TYPE), see("datadog.log", grpc_code="Internal", **PRICING_LOG), see("datadog.log", grpc_code="Unknown", **PANIC_LOG)),
        classes=(4,), pair="bm-assign-nil-vehicle", entry="/cairnlode.pricing.v1.PricingService/Quote"),
    # One quote function, two runtime errors: a zero-minute window, a zone with no bands.
    Bug("bm-quote-divide-zero", "pricing-grpc", (Exc("runtime.errorString", "runtime error: integer divide by zero", (*GRPC, app("internal/pricing", "(*Server).Quote", "internal/pricing/server.go", 58), app("internal/pricing/tariff", "(*Quoter).Price", "internal/pricing/tariff/quoter.go", 73))),),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", grpc_code="Internal", **PRICING_LOG), see("datadog.log", grpc_code="Unknown", **PANIC_LOG)),
        classes=(4,), pair="bm-quote-band-index", entry="/cairnlode.pricing.v1.PricingService/Quote"),
    Bug("bm-quote-band-index", "pricing-grpc", (Exc("runtime.boundsError", "runtime error: index out of range [{idx}] with length {idx}", (*GRPC, app("internal/pricing", "(*Server).Quote", "internal/pricing/server.go", 58), app("internal/pricing/tariff", "(*Quoter).Price", "internal/pricing/tariff/quoter.go", 66))),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("datadog.log", grpc_code="Internal", **PRICING_LOG), see("datadog.log", grpc_code="Unknown", **PANIC_LOG), see("datadog.apm", **APM_TYPE)),
        classes=(4,), pair="bm-quote-divide-zero", entry="/cairnlode.pricing.v1.PricingService/Quote", span=3),
    # Two payloads fail in the one generic decoder; one monitor watches both.
    Bug("bm-ping-lat-string", "tracking-consumer", (Exc("*json.UnmarshalTypeError", "json: cannot unmarshal string into Go struct field Ping.lat of type float64", (*NATS, app("internal/tracking/consumer", "(*Consumer).onPing", "internal/tracking/consumer/pings.go", 23), DECODE, golib("encoding/json", "Unmarshal", GOSRC + "encoding/json/decode.go", 113))), Exc("*fmt.wrapError", "decode courier.ping: json: cannot unmarshal string into Go struct field Ping.lat of type float64", (*NATS, app("internal/tracking/consumer", "(*Consumer).onPing", "internal/tracking/consumer/pings.go", 23), DECODE))),
        (see("sentry.error"), see("sentry.error", in_app="all"), see("datadog.log", 2, subject="couriers.ping.eu-west", **CONSUMER_LOG), see("datadog.task", monitor="nats.consume errors by subject", team="tracking")),
        classes=(9,), pair="bm-scan-parcel-number", entry="couriers.ping.*", log="message handler failed"),
    Bug("bm-scan-parcel-number", "tracking-consumer", (Exc("*json.UnmarshalTypeError", "json: cannot unmarshal number into Go struct field ScanEvent.parcel_id of type string", (*NATS, app("internal/tracking/consumer", "(*Consumer).onScan", "internal/tracking/consumer/scans.go", 31), DECODE, golib("encoding/json", "Unmarshal", GOSRC + "encoding/json/decode.go", 113))), Exc("*fmt.wrapError", "decode parcels.scan: json: cannot unmarshal number into Go struct field ScanEvent.parcel_id of type string", (*NATS, app("internal/tracking/consumer", "(*Consumer).onScan", "internal/tracking/consumer/scans.go", 31), DECODE))),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", 2, subject="parcels.scan.hub-{idx}", **CONSUMER_LOG), see("datadog.task", monitor="nats.consume errors by subject", team="tracking")),
        classes=(9,), pair="bm-ping-lat-string", entry="parcels.scan.*", log="message handler failed"),
    # Unique violations on two constraints: a client's job reference, a courier's phone.
    Bug("bm-job-ref-unique", "dispatch-api", pq_unique("jobs_client_id_client_ref_key", (app("internal/dispatch", "(*Handler).CreateJob", "internal/dispatch/handler.go", 61), app("internal/dispatch/store", "(*Store).InsertJob", "internal/dispatch/store/jobs.go", 54)), "insert job"),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", 2, **API_LOG)),
        classes=(4,), pair="bm-courier-phone-unique", entry="POST /v1/jobs"),
    Bug("bm-courier-phone-unique", "dispatch-api", pq_unique("couriers_phone_key", (app("internal/couriers", "(*Handler).Onboard", "internal/couriers/handler.go", 44), app("internal/dispatch/store", "(*Store).InsertCourier", "internal/dispatch/store/couriers.go", 77)), "insert courier"),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", **API_LOG)),
        classes=(4,), pair="bm-job-ref-unique", entry="POST /v1/couriers"),
    # Postgres refusing clients when the API scaled out without a pooler.
    Bug("bm-pq-too-many-clients", "dispatch-api", (Exc("*pq.Error", "pq: sorry, too many clients already", (*HTTP, app("internal/dispatch", "(*Handler).ListJobs", "internal/dispatch/handler.go", 120), golib("github.com/jmoiron/sqlx", "(*DB).SelectContext", SQLX_MOD + "sqlx_context.go", 94))),),
        (see("sentry.error", 2), see("sentry.alert", rule="dispatch-api: error spike (>50 in 5m)"), see("datadog.log", style="error", msg="request failed", monitor="dispatch-api logging errors", team=TEAM), see("datadog.apm", style="route", monitor="GET /v1/jobs error rate", team=TEAM)),
        entry="GET /v1/jobs"),
    # The API's quote call running out of its deadline while pricing waits on a maps provider.
    Bug("bm-quote-deadline", "dispatch-api", (Exc("*status.Error", "rpc error: code = DeadlineExceeded desc = context deadline exceeded"), Exc("*errors.withStack", "quote job: rpc error: code = DeadlineExceeded desc = context deadline exceeded", (*HTTP, app("internal/dispatch", "(*Handler).CreateJob", "internal/dispatch/handler.go", 70), app("internal/dispatch/pricing", "(*Client).Quote", "internal/dispatch/pricing/client.go", 36), golib("google.golang.org/grpc", "(*ClientConn).Invoke", GRPC_MOD + "call.go", 35)))),
        (see("sentry.error", 2), see("sentry.error", release=1), see("sentry.issue"), see("datadog.log", 2, **API_LOG), see("datadog.apm", style="route", monitor="POST /v1/jobs error rate", team=TEAM)),
        entry="POST /v1/jobs", span=2),
    # Acks timing out while JetStream's leader moves: the monitor names only the subject.
    Bug("bm-scan-ack-timeout", "tracking-consumer", (Exc("*errors.errorString", "nats: timeout"), Exc("*fmt.wrapError", "ack parcels.scan: nats: timeout", (*NATS, app("internal/tracking/consumer", "(*Consumer).onScan", "internal/tracking/consumer/scans.go", 48), golib("github.com/nats-io/nats.go/jetstream", "(*jetStreamMsg).DoubleAck", NATS_MOD + "jetstream/message.go", 307)))),
        (see("sentry.error", 2), see("sentry.error", release=1), see("datadog.task", 2, monitor="nats.consume errors by subject", team="tracking")),
        entry="parcels.scan.*", log="ack failed"),
    # Proof-of-delivery photos stored slowly: one log template, no bug.
    Bug("bm-pod-upload-slow", "dispatch-api", (),
        (see("datadog.log", 4, monitor="Slow proof-of-delivery uploads", team=TEAM, filter='service:dispatch-api "proof of delivery stored"', text="proof of delivery stored on {objstore}: {size} in {godur}"),),
        classes=(7,)),
    # Seen once: the consumer's process dying on a concurrent map write.
    Bug("bm-consumer-map-race", "tracking-consumer", (),
        (see("datadog.log", monitor="tracking-consumer crashed", team="tracking", filter='service:tracking-consumer "fatal error"', text="tracking-consumer on {{log.host}} exited:\n\nfatal error: concurrent map writes\n\ngoroutine {n} [running]:\ngithub.com/cairnlode/platform/internal/tracking/consumer.(*Positions).Set(...)\n\t/src/internal/tracking/consumer/positions.go:29 +0x5c"),),
        singleton=True),
]

NOISE = [
    Noise("bm-noise-deploy", "dispatch-api", "datadog.event", {"monitor": "Argo CD synced dispatch-api", "text": "Argo CD synced dispatch-api to v1.42.0 (healthy).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": TEAM}),
    Noise("bm-noise-recovered", "pricing-grpc", "datadog.log", {"monitor": "pricing-grpc error logs", "transition": "Recovered", "alert_type": "success", "text": "pricing-grpc error logs recovered.", "priority": "P3", "team": TEAM}),
    Noise("bm-noise-lag-warn", "tracking-consumer", "datadog.metric", {"monitor": "JetStream consumer lag", "transition": "Warn", "alert_type": "warning", "metric": "nats.jetstream.consumer.num_pending", "query": "avg(last_10m):avg:nats.jetstream.consumer.num_pending{consumer:tracking} > 50000", "text": "Consumer tracking is 3{n}000 messages behind (warn at 25000).", "team": "tracking"}),
]

CAIRNLODE = Company(
    key="bm",
    name="Cairnlode Couriers",
    domain="cairnlode.example",
    sentry_org="cairnlode",
    splunk_url="",
    splunk_guid="",
    datadog_org=("512390", "Cairnlode Couriers"),
    datadog_template="bm-cairn",
    posthog_project=(0, ""),
    releases=("1.41.0", "1.42.0", "1.42.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="cairnlode-sentry-client-secret",
)
