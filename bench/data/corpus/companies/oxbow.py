"""(ab) Oxbow Haulage, a freight marketplace: a Go booking API on Echo v4 (``booking-api``,
apex/log's text handler, Echo's JSON access log and its recover middleware) and Temporal
workers in Go (``dispatch-worker``: dispatch and carrier-payout workflows, logging through
charmbracelet/log's slog handler, so the Temporal SDK's own lines come out in charm's text).

Sentry sees the API (sentry-go's Echo middleware) and the workers through an activity
interceptor of the team's own, which captures the error an activity returned: its stack is the
interceptor's, not the activity's. Splunk indexes every container's stdout; Datadog posts the
team's template (the monitor and the notice in two objects, the markdown message). No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import GOSRC, go, golib

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "booking-api": Service("booking-api", "go", "apex-text", "oxbow:booking-api", "/var/log/containers/booking-api.log", "ox_prod", 9120011, "go1.23.4", framework="echo"),
    "dispatch-worker": Service("dispatch-worker", "go", "charm-temporal", "oxbow:dispatch-worker", "/var/log/containers/dispatch-worker.log", "ox_prod", 9120014, "go1.23.4", framework="temporal"),
}

ECHO = "/go/pkg/mod/github.com/labstack/echo/v4@v4.12.0/"
TSDK = "/go/pkg/mod/go.temporal.io/sdk@v1.31.0/internal/"
API = "oxbow.example/booking/internal/"
WRK = "oxbow.example/dispatch/internal/"

ECHO_HTTP = (
    golib("net/http", "(*conn).serve", GOSRC + "net/http/server.go", 2092),
    golib("net/http", "serverHandler.ServeHTTP", GOSRC + "net/http/server.go", 3210),
    golib("github.com/labstack/echo/v4", "(*Echo).ServeHTTP", ECHO + "echo.go", 674),
    golib("github.com/labstack/echo/v4/middleware", "RecoverWithConfig.func1.1", ECHO + "middleware/recover.go", 131),
    golib("github.com/getsentry/sentry-go/echo", "(*handler).handle.func1", "/go/pkg/mod/github.com/getsentry/sentry-go/echo@v0.30.0/sentryecho.go", 95),
    golib("github.com/labstack/echo/v4/middleware", "LoggerWithConfig.func2.1", ECHO + "middleware/logger.go", 126),
    golib("github.com/labstack/echo/v4", "(*Echo).add.func1", ECHO + "echo.go", 587),
)
# The activity task poller down to the activity function, called through reflection.
ACTIVITY_CALL = (
    golib("go.temporal.io/sdk/internal", "(*baseWorker).processTask", TSDK + "internal_worker_base.go", 579),
    golib("go.temporal.io/sdk/internal", "(*activityTaskPoller).ProcessTask", TSDK + "internal_task_pollers.go", 1121),
    golib("go.temporal.io/sdk/internal", "(*activityTaskHandlerImpl).Execute", TSDK + "internal_task_handlers.go", 2107),
    golib("go.temporal.io/sdk/internal", "(*activityEnvironmentInterceptor).ExecuteActivity", TSDK + "internal_activity.go", 396),
)
# The team's Sentry interceptor sits between the SDK and the activity: an error the activity
# returned is captured here, with this stack.
INTERCEPTOR = go(WRK + "telemetry", "(*activityInbound).ExecuteActivity", "/src/internal/telemetry/sentry.go", 52)
CAPTURED = (*ACTIVITY_CALL, INTERCEPTOR)
REFLECT_CALL = (
    golib("go.temporal.io/sdk/internal", "(*activityExecutor).Execute", TSDK + "internal_worker.go", 1091),
    golib("reflect", "Value.Call", GOSRC + "reflect/value.go", 365),
    golib("reflect", "Value.call", GOSRC + "reflect/value.go", 581),
)
WORKFLOW_CALL = (
    golib("go.temporal.io/sdk/internal", "(*workflowEnvironmentInterceptor).ExecuteWorkflow", TSDK + "workflow.go", 574),
    golib("go.temporal.io/sdk/internal", "executeFunction", TSDK + "internal_worker.go", 1851),
    golib("reflect", "Value.Call", GOSRC + "reflect/value.go", 365),
)

DD_API = dict(team="booking", monitor="booking-api errors")
DD_WRK = dict(team="dispatch", monitor="dispatch activities failing")
PAYOUT = dict(entry="SubmitCarrierPayout", log="payout workflow failed")
WF_PAYOUT = dict(queue="payouts", workflow="CarrierPayoutWorkflow", side="workflow")
WF_DISPATCH = dict(queue="dispatch", workflow="DispatchWorkflow", side="workflow")


def api(pkg: str, fn: str, file: str, line: int) -> Frame:
    return go(API + pkg, fn, "/src/internal/" + file, line)


def wrk(pkg: str, fn: str, file: str, line: int) -> Frame:
    return go(WRK + pkg, fn, "/src/internal/" + file, line)


NIL = "runtime error: invalid memory address or nil pointer dereference"
REDIS_POOL = "redis: connection pool timeout"

BUGS = [
    # Two beneficiary checks in one payout activity: the interceptor's stack is the same for both.
    Bug("ob-payout-iban", "dispatch-worker", (Exc("*errors.errorString", "iban checksum mismatch"), Exc("*fmt.wrapError", "payout {uuid2}: validate beneficiary: iban checksum mismatch", CAPTURED)),
        (see("splunk", 2, queue="payouts", workflow="CarrierPayoutWorkflow"), see("splunk", **WF_PAYOUT), see("sentry.error", 2), see("datadog.task", **DD_WRK), see("splunk", search="temporal activity errors by type", stats={"ActivityType": "SubmitCarrierPayout", "TaskQueue": "payouts", "errors": "{n}", "last_error": "payout {uuid2}: validate beneficiary: iban checksum mismatch"})),
        classes=(1, 9), pair="ob-payout-sortcode", handled=True, **PAYOUT),
    Bug("ob-payout-sortcode", "dispatch-worker", (Exc("*errors.errorString", "sort code {idx}0-{n}-1{idx} not found in EISCD"), Exc("*fmt.wrapError", "payout {uuid2}: validate beneficiary: sort code {idx}0-{n}-1{idx} not found in EISCD", CAPTURED)),
        (see("splunk", 2, queue="payouts", workflow="CarrierPayoutWorkflow"), see("splunk", **WF_PAYOUT), see("sentry.error", 2), see("datadog.task", **DD_WRK), see("splunk", search="temporal activity errors by type", stats={"ActivityType": "SubmitCarrierPayout", "TaskQueue": "payouts", "errors": "{n}", "last_error": "payout {uuid2}: validate beneficiary: sort code {idx}0-{n}-1{idx} not found in EISCD"})),
        classes=(1, 2, 9), pair="ob-payout-iban", handled=True, **PAYOUT),
    # Activity timeouts the workflow sees: no stack at all, only the activity's name and the kind.
    Bug("ob-quote-heartbeat", "dispatch-worker", (Exc("*temporal.TimeoutError", "activity Heartbeat timeout (type: Heartbeat)"),),
        (see("splunk", 3, **WF_DISPATCH), see("datadog.task", **DD_WRK), see("datadog.log", style="sample", filter="service:dispatch-worker \"activity error\"", team="dispatch", monitor="dispatch workflow errors", **WF_DISPATCH)),
        classes=(2, 8), pair="ob-label-start-to-close", entry="FetchCarrierQuotes", log="dispatch: quoting failed"),
    Bug("ob-label-start-to-close", "dispatch-worker", (Exc("*temporal.TimeoutError", "activity StartToClose timeout (type: StartToClose)"),),
        (see("splunk", 2, **WF_DISPATCH), see("datadog.task", **DD_WRK), see("splunk", search="temporal activity timeouts", stats={"ActivityType": "RenderShippingLabel", "timeout_type": "StartToClose", "count": "{n}"})),
        classes=(2, 8), pair="ob-quote-heartbeat", entry="RenderShippingLabel", log="dispatch: label step failed"),
    # One nil dereference message from two handlers, recovered by Echo.
    Bug("ob-booking-quote-nil", "booking-api", (Exc("runtime.Error", NIL, (*ECHO_HTTP, api("api", "(*Handlers).CreateBooking", "api/bookings.go", 88), api("pricing", "(*Quote).Total", "pricing/quote.go", 41))),),
        (see("splunk", 2, format="echo-recover"), see("splunk", format="echo-access"), see("sentry.error", 2, mechanism="echo"), see("datadog.apm", style="route", **DD_API)),
        classes=(1, 4), pair="ob-tracking-nil", entry="POST /v1/bookings"),
    Bug("ob-tracking-nil", "booking-api", (Exc("runtime.Error", NIL, (*ECHO_HTTP, api("api", "(*Handlers).GetTracking", "api/tracking.go", 37), api("tracking", "Latest", "tracking/latest.go", 22))),),
        (see("splunk", 2, format="echo-recover"), see("sentry.error", 2, mechanism="echo"), see("splunk", 2, format="echo-access")),
        classes=(1, 4), pair="ob-booking-quote-nil", entry="GET /v1/shipments/{id}/tracking", span=2),
    # Postgres unique violations in two handlers: two constraints.
    Bug("ob-booking-ref-unique", "booking-api", (Exc("*pgconn.PgError", 'ERROR: duplicate key value violates unique constraint "bookings_reference_key" (SQLSTATE 23505)'), Exc("*fmt.wrapError", 'insert booking: ERROR: duplicate key value violates unique constraint "bookings_reference_key" (SQLSTATE 23505)', (*ECHO_HTTP, api("api", "(*Handlers).CreateBooking", "api/bookings.go", 104), api("store", "(*Bookings).Insert", "store/bookings.go", 57)))),
        (see("splunk", 2, kv="booking_ref=OXB-{order} shipper_id={user}"), see("splunk", format="echo-access"), see("sentry.error", 2), see("datadog.log", style="error", msg="create booking", **DD_API)),
        classes=(2, 4), pair="ob-carrier-vat-unique", log="create booking", entry="POST /v1/bookings"),
    Bug("ob-carrier-vat-unique", "booking-api", (Exc("*pgconn.PgError", 'ERROR: duplicate key value violates unique constraint "carriers_vat_number_key" (SQLSTATE 23505)'), Exc("*fmt.wrapError", 'onboard carrier: ERROR: duplicate key value violates unique constraint "carriers_vat_number_key" (SQLSTATE 23505)', (*ECHO_HTTP, api("api", "(*Handlers).OnboardCarrier", "api/carriers.go", 61), api("store", "(*Carriers).Insert", "store/carriers.go", 33)))),
        (see("splunk", 2, kv="carrier_id={user}"), see("sentry.error", 2), see("datadog.log", style="error", msg="onboard carrier", **DD_API)),
        classes=(2, 4), pair="ob-booking-ref-unique", log="onboard carrier", entry="POST /v1/carriers"),
    # The same redis client error in the API's rate limiter and the worker's idempotency keys.
    Bug("ob-ratelimit-redis-pool", "booking-api", (Exc("*errors.errorString", REDIS_POOL, (*ECHO_HTTP[:-1], api("middleware", "RateLimit.func1.1", "middleware/ratelimit.go", 44), api("middleware", "(*RedisLimiter).Allow", "middleware/ratelimit.go", 71))),),
        (see("splunk", 3, kv="client_ip={ip}"), see("sentry.error", 2), see("datadog.log", style="error", msg="rate limiter unavailable", **DD_API)),
        classes=(1, 4), pair="ob-idempotency-redis-pool", log="rate limiter unavailable", entry="POST /v1/bookings"),
    Bug("ob-idempotency-redis-pool", "dispatch-worker", (Exc("*errors.errorString", REDIS_POOL, CAPTURED),),
        (see("splunk", 2, queue="dispatch", workflow="DispatchWorkflow"), see("sentry.error", 2), see("splunk", format="charm-text", prefix="idempotency", log="claim key failed", kv="key=dispatch:{uuid}")),
        classes=(1, 9), pair="ob-ratelimit-redis-pool", entry="NotifyConsignee", log="claim key failed"),
    # S3 refusing the label bucket: request ids in the text.
    Bug("ob-label-s3-denied", "dispatch-worker", (Exc("*smithy.GenericAPIError", "api error AccessDenied: Access Denied"), Exc("*smithy.OperationError", "operation error S3: PutObject, https response error StatusCode: 403, RequestID: {hex}, HostID: {hex2}, api error AccessDenied: Access Denied"), Exc("*fmt.wrapError", "store label {order}.pdf: operation error S3: PutObject, https response error StatusCode: 403, RequestID: {hex}, HostID: {hex2}, api error AccessDenied: Access Denied", CAPTURED)),
        (see("splunk", 3, queue="dispatch", workflow="DispatchWorkflow"), see("sentry.error", 2), see("sentry.issue")),
        classes=(2, 6, 9), entry="StoreShippingLabel"),
    # A panic in the workflow code itself (an index past the stops), over two releases.
    Bug("ob-workflow-stops-panic", "dispatch-worker", (Exc("runtime.Error", "runtime error: index out of range [{idx}] with length {idx}", (*WORKFLOW_CALL, wrk("workflows", "DispatchWorkflow", "workflows/dispatch.go", 118), wrk("workflows", "nextStop", "workflows/stops.go", 27))),),
        (see("splunk", 3, panic="workflow", queue="dispatch", workflow="DispatchWorkflow"), see("datadog.log", style="sample", filter="service:dispatch-worker \"Workflow panic\"", team="dispatch", monitor="dispatch workflow panics", panic="workflow", queue="dispatch", workflow="DispatchWorkflow")),
        classes=(2, 5), span=2, renames={"nextStop": "upcomingStop"}, entry="DispatchWorkflow"),
    # A panic inside an activity: the SDK recovers it and logs the stack it kept.
    Bug("ob-surcharge-div-zero", "dispatch-worker", (Exc("runtime.Error", "runtime error: integer divide by zero", (*ACTIVITY_CALL, *REFLECT_CALL, wrk("activities", "(*Pricing).ComputeFuelSurcharge", "activities/pricing.go", 64), wrk("pricing", "perKm", "pricing/fuel.go", 18))),),
        (see("splunk", 3, panic="activity", queue="dispatch", workflow="DispatchWorkflow"), see("datadog.task", **DD_WRK)),
        classes=(8, 10), entry="ComputeFuelSurcharge"),
    # The geocoder's JSON changed a field's type; over two releases, a caller renamed.
    Bug("ob-geocode-unmarshal", "booking-api", (Exc("*json.UnmarshalTypeError", "json: cannot unmarshal number into Go struct field Location.results.geometry.location_type of type string"), Exc("*fmt.wrapError", "geocode \"{plate}\": json: cannot unmarshal number into Go struct field Location.results.geometry.location_type of type string", (*ECHO_HTTP, api("api", "(*Handlers).QuoteLane", "api/quotes.go", 52), api("geo", "(*Client).Geocode", "geo/client.go", 77)))),
        (see("sentry.error", 3), see("splunk", 2, kv="lane_id={id}"), see("sentry.issue"), see("splunk", format="echo-access")),
        classes=(5, 6), span=2, renames={"QuoteLane": "PriceLane"}, log="quote lane", entry="POST /v1/quotes"),
    # Starting the dispatch workflow: Temporal's frontend unreachable, and (another bug) the
    # confirm button pressed twice starting the same workflow id.
    Bug("ob-temporal-unavailable", "booking-api", (Exc("*serviceerror.Unavailable", 'connection error: desc = "transport: Error while dialing: dial tcp {ip}:7233: connect: connection refused"', (*ECHO_HTTP, api("api", "(*Handlers).ConfirmBooking", "api/bookings.go", 141), golib("go.temporal.io/sdk/internal", "(*WorkflowClient).ExecuteWorkflow", TSDK + "internal_workflow_client.go", 245))),),
        (see("splunk", 2, kv="booking_ref=OXB-{order}"), see("sentry.error", 2), see("datadog.apm", style="message", **DD_API), see("splunk", format="echo-access")),
        classes=(2,), pair="ob-workflow-already-started", log="start dispatch", entry="POST /v1/bookings/{id}/confirm"),
    Bug("ob-workflow-already-started", "booking-api", (Exc("*serviceerror.WorkflowExecutionAlreadyStarted", "Workflow execution is already running. WorkflowId: dispatch-{uuid}, RunId: {uuid2}.", (*ECHO_HTTP, api("api", "(*Handlers).ConfirmBooking", "api/bookings.go", 141), golib("go.temporal.io/sdk/internal", "(*WorkflowClient).ExecuteWorkflow", TSDK + "internal_workflow_client.go", 245))),),
        (see("splunk", 2, kv="booking_ref=OXB-{order}"), see("sentry.error", 2), see("splunk", format="echo-access")),
        classes=(2,), pair="ob-temporal-unavailable", log="start dispatch", entry="POST /v1/bookings/{id}/confirm"),
    # The worker's metrics goroutine writing a nil map: the process dies.
    Bug("ob-metrics-nil-map", "dispatch-worker", (Exc("runtime.Error", "assignment to entry in nil map", (wrk("metrics", "Start", "metrics/collector.go", 31), wrk("metrics", "(*Collector).loop", "metrics/collector.go", 58), wrk("metrics", "(*Collector).observe", "metrics/collector.go", 84))),),
        (see("splunk", 2, format="go-crash"), see("datadog.log", style="sample", format="go-crash", filter="service:dispatch-worker \"panic:\"", team="dispatch", monitor="dispatch-worker crashed")),
        classes=(10,), entry="metrics"),
    # A timezone the distroless image's tzdata lacks: seen once.
    Bug("ob-tz-kyiv", "booking-api", (Exc("*errors.errorString", "unknown time zone Europe/Kyiv", (*ECHO_HTTP, api("api", "(*Handlers).PickupWindows", "api/pickups.go", 29), golib("time", "LoadLocation", GOSRC + "time/zoneinfo.go", 694))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /v1/pickups/{id}/windows"),
    # The payouts worker can't reach its bank API: a Datadog synthetic and the activity's own line.
    Bug("ob-bank-api-tls", "dispatch-worker", (Exc("*tls.CertificateVerificationError", "tls: failed to verify certificate: x509: certificate has expired or is not yet valid: current time {ts} is after 2026-03-0{idx}T00:00:00Z"), Exc("*url.Error", 'Post "https://api.clearbank.example/v3/payments/fps": tls: failed to verify certificate: x509: certificate has expired or is not yet valid: current time {ts} is after 2026-03-0{idx}T00:00:00Z', CAPTURED)),
        (see("splunk", 2, queue="payouts", workflow="CarrierPayoutWorkflow"), see("sentry.error", 2), see("datadog.synthetics", monitor="[Synthetics] ClearBank FPS endpoint", event_type="synthetics_alert", scope="location:aws:eu-west-2", team="dispatch", text="API test ClearBank FPS endpoint failed: SSL certificate expired.")),
        classes=(2, 9), entry="SubmitCarrierPayout"),
]

NOISE = [
    Noise("ob-noise-deploy", "booking-api", "datadog.event", {"monitor": "Deployed booking-api v2.41.0", "text": "Flux rolled out booking-api v2.41.0 to ox-prod.", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("ob-noise-worker-start", "dispatch-worker", "splunk", {"search": "dispatch-worker - errors", "line": "{nginxts} INFO Started Worker Namespace=default TaskQueue=dispatch WorkerID=1@dispatch-worker-6d8c9b7f4-qk2lz@"}),
    Noise("ob-noise-recovered", "booking-api", "datadog.apm", {"monitor": "booking-api errors", "transition": "Recovered", "style": "route", "team": "booking", "text": "Error rate on booking-api is back under 5%."}),
]

OXBOW = Company(
    key="ab",
    name="Oxbow Haulage",
    domain="oxbow.example",
    sentry_org="oxbow",
    splunk_url="https://oxbow.splunkcloud.com",
    splunk_guid="B27E51A0-3C84-4D9F-A1E6-07F2C39D8B54",
    datadog_org=("902117", "Oxbow Haulage"),
    datadog_template="oxbow",
    posthog_project=(0, ""),
    releases=("v2.40.0", "v2.40.3", "v2.41.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="oxbow-sentry-client-secret",
)
