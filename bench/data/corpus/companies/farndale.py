"""(fa) Farndale Haulage, part-load haulage: Go 1.23 services on Kubernetes. ``booking-api``
(net/http with the standard ``ServeMux`` patterns, pgx v5, the Temporal client starting
workflows) and ``lanes-worker`` (a Temporal Go SDK 1.31 worker: ``ShipmentWorkflow``,
``PlanRouteWorkflow``, ``ReconcileInvoicesWorkflow`` and their activities: lane quotes,
labels, pickups, geocoding, carrier settlement, invoices).

Both log through ``zap.NewProduction()``; the worker hands zap to the SDK through a logger
adapter, so the SDK's own "Activity error.", "Activity panic." and "Workflow panic" records
carry the SDK's stack (from ``log/with_logger.go``) and the activity's error only as the
``Error`` string (``fa-zap-temporal``). Sentry: sentry-go, the API's handler middleware and,
in the activities, ``errors.Wrap`` from pkg/errors captured by the team's activity
interceptor (the wrap's stack) or ``sentry.Recover`` for panics; workflow code reports
nothing to Sentry. Splunk indexes both containers' stdout. Datadog: the recommended template,
log monitors rendering the Temporal fields, APM through the SDK's Datadog tracing interceptor,
one Temporal metric monitor. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import GOSRC, go, golib

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "booking-api": Service("booking-api", "go", "fa-zap-temporal", "kube:container:booking-api", "/var/log/containers/booking-api.log", "fa_prod", 8830114, "go1.23.6", framework="net/http"),
    "lanes-worker": Service("lanes-worker", "go", "fa-zap-temporal", "kube:container:lanes-worker", "/var/log/containers/lanes-worker.log", "fa_prod", 8830117, "go1.23.6", framework="temporal"),
}

TSDK = "/go/pkg/mod/go.temporal.io/sdk@v1.31.0/internal/"
API = "/src/booking/"
WRK = "/src/lanes/"
MOD = "farndale.example/"

HTTP = (
    golib("net/http", "(*conn).serve", GOSRC + "net/http/server.go", 2092),
    golib("net/http", "serverHandler.ServeHTTP", GOSRC + "net/http/server.go", 3210),
    golib("net/http", "(*ServeMux).ServeHTTP", GOSRC + "net/http/server.go", 2747),
    golib("github.com/getsentry/sentry-go/http", "(*Handler).handle.func1", "/go/pkg/mod/github.com/getsentry/sentry-go/http@v0.31.1/sentryhttp.go", 119),
    golib("net/http", "HandlerFunc.ServeHTTP", GOSRC + "net/http/server.go", 2220),
)
# The SDK running an activity (oldest first), down to the reflective call of its method.
ACTIVITY = (
    golib("go.temporal.io/sdk/internal", "(*baseWorker).processTask", TSDK + "internal_worker_base.go", 613),
    golib("go.temporal.io/sdk/internal", "(*activityTaskPoller).ProcessTask", TSDK + "internal_task_pollers.go", 1150),
    golib("go.temporal.io/sdk/internal", "(*activityTaskHandlerImpl).Execute", TSDK + "internal_task_handlers.go", 2079),
    golib("go.temporal.io/sdk/internal", "(*activityEnvironmentInterceptor).ExecuteActivity", TSDK + "internal_activity.go", 392),
    golib("go.temporal.io/sdk/internal", "executeFunctionWithContext", TSDK + "internal_worker.go", 1778),
    golib("reflect", "Value.Call", GOSRC + "reflect/value.go", 365),
)


def api(file: str, function: str, line: int, pkg: str = "internal/httpapi") -> Frame:
    return go(MOD + "booking/" + pkg, function, API + pkg + "/" + file, line)


def act(pkg: str, file: str, function: str, line: int) -> Frame:
    return go(MOD + "lanes/internal/" + pkg, function, WRK + "internal/" + pkg + "/" + file, line)


def wf(file: str, function: str, line: int) -> tuple[Frame, ...]:
    """A workflow function running in the SDK's coroutine (oldest first)."""
    return (
        golib("go.temporal.io/sdk/internal", "(*coroutineState).initialYield", TSDK + "internal_workflow.go", 1108),
        golib("go.temporal.io/sdk/internal", "(*workflowEnvironmentInterceptor).ExecuteWorkflow", TSDK + "internal_workflow.go", 600),
        act("workflows", file, function, line),
    )


CARRIER_DO = act("carrier", "client.go", "(*Client).do", 88)
QUEUE = dict(queue="lanes")
DD_ACT = dict(team="lanes", monitor="[lanes] Temporal activity errors", filter="service:lanes-worker status:error @msg:(\"Activity error.\" OR \"Activity panic.\")", text="**{{log.attributes.ActivityType}}** failed on attempt {{log.attributes.Attempt}}\n\n{{log.attributes.Error}}{{log.attributes.PanicError}}")
DD_WF = dict(team="lanes", monitor="[lanes] Workflow panics", filter="service:lanes-worker @msg:\"Workflow panic\"", kind="wpanic", text="Workflow **{{log.attributes.WorkflowType}}** panicked: {{log.attributes.PanicError}}\n\n```\n{{log.attributes.PanicStack}}\n```")
DD_API = dict(team="lanes", monitor="[lanes] booking-api error logs", filter="service:booking-api status:error", text="{{log.attributes.msg}}: {{log.attributes.error}}")
APM_ACT = dict(team="lanes", monitor="[lanes] RunActivity error spans", style="type")
APM_API = dict(team="lanes", monitor="[lanes] http.request errors on booking-api", style="message")
SEARCH_W = "farndale - lanes-worker errors"
SEARCH_A = "farndale - booking-api errors"
S_W = dict(search=SEARCH_W, app="farndale")
S_A = dict(search=SEARCH_A, app="farndale")

DUP = 'ERROR: duplicate key value violates unique constraint "{c}" (SQLSTATE 23505)'
IDX = "runtime error: index out of range [{idx}] with length {idx}"
NILMAP = "assignment to entry in nil map"

BUGS = [
    # Two activities through one carrier client, the same 503: the SDK's records differ only
    # in ActivityType and the Error string's prefix, and their stacks are the SDK's, identical.
    Bug("fa-quote-503", "lanes-worker", (Exc("*errors.withStack", "quote lane: carrier api: unexpected status 503 Service Unavailable", (*ACTIVITY, act("quotes", "activities.go", "(*Activities).QuoteLane", 47), CARRIER_DO)),),
        (see("sentry.error", 2), see("splunk", 3, **S_W, **QUEUE), see("datadog.log", **DD_ACT), see("datadog.apm", **APM_ACT)),
        classes=(9,), pair="fa-label-503", entry="QuoteLane"),
    Bug("fa-label-503", "lanes-worker", (Exc("*errors.withStack", "buy label: carrier api: unexpected status 503 Service Unavailable", (*ACTIVITY, act("labels", "activities.go", "(*Activities).BuyLabel", 62), CARRIER_DO)),),
        (see("sentry.error", 2), see("splunk", 2, **S_W, **QUEUE), see("datadog.log", 2, **DD_ACT)),
        classes=(9,), pair="fa-quote-503", entry="BuyLabel"),
    # Nil maps written in two activities: the SDK's "Activity panic." and sentry.Recover.
    Bug("fa-pickup-nilmap", "lanes-worker", (Exc("runtime.plainError", NILMAP, (*ACTIVITY, act("pickups", "activities.go", "(*Activities).SchedulePickup", 58), act("pickups", "group.go", "groupByDepot", 21))),),
        (see("sentry.error", 2), see("splunk", 2, kind="apanic", **S_W, **QUEUE), see("datadog.log", kind="apanic", **DD_ACT)),
        classes=(4,), pair="fa-settle-nilmap", entry="SchedulePickup"),
    Bug("fa-settle-nilmap", "lanes-worker", (Exc("runtime.plainError", NILMAP, (*ACTIVITY, act("settlement", "activities.go", "(*Activities).SettleCarrier", 73), act("settlement", "fees.go", "addFee", 34))),),
        (see("sentry.error", 3), see("splunk", 2, kind="apanic", **S_W, **QUEUE), see("datadog.log", kind="apanic", **DD_ACT)),
        classes=(4, 5), pair="fa-pickup-nilmap", entry="SettleCarrier", span=2, renames={"addFee": "applyFee"}),
    # The same index panic in two workflows' code: no Sentry (workflow code reports nothing),
    # the SDK retries the workflow task and logs "Workflow panic" each time.
    Bug("fa-plan-index", "lanes-worker", (Exc("runtime.boundsError", IDX, wf("plan_route.go", "PlanRouteWorkflow", 71)),),
        (see("splunk", 3, kind="wpanic", **S_W, **QUEUE), see("datadog.log", 2, **DD_WF)),
        classes=(4,), pair="fa-reconcile-index", entry="PlanRouteWorkflow"),
    Bug("fa-reconcile-index", "lanes-worker", (Exc("runtime.boundsError", IDX, wf("reconcile.go", "ReconcileInvoicesWorkflow", 104)),),
        (see("splunk", 2, kind="wpanic", **S_W, **QUEUE), see("datadog.log", 2, **DD_WF)),
        classes=(4,), pair="fa-plan-index", entry="ReconcileInvoicesWorkflow"),
    # Unique violations on two tables: a shipment reference in the API, an invoice in an activity.
    Bug("fa-dup-shipment", "booking-api", (Exc("*fmt.wrapError", "insert shipment: " + DUP.replace("{c}", "shipments_reference_key"), (*HTTP, api("shipments.go", "(*Server).createShipment", 66), api("store.go", "(*Store).InsertShipment", 41, "internal/store"))),),
        (see("sentry.error", 2), see("splunk", 2, **S_A), see("datadog.apm", **APM_API), see("datadog.log", **DD_API)),
        classes=(4,), pair="fa-dup-invoice", log="create shipment", entry="POST /v1/shipments"),
    Bug("fa-dup-invoice", "lanes-worker", (Exc("*errors.withStack", "record invoice: " + DUP.replace("{c}", "invoices_shipment_id_key"), (*ACTIVITY, act("invoicing", "activities.go", "(*Activities).RecordInvoice", 39), act("invoicing", "repo.go", "(*Repo).Insert", 28))),),
        (see("sentry.error", 2), see("splunk", 3, **S_W, **QUEUE), see("datadog.apm", **APM_ACT)),
        classes=(4,), pair="fa-dup-shipment", entry="RecordInvoice"),
    # "context deadline exceeded" at the end of two errors: starting a workflow, geocoding stops.
    Bug("fa-start-deadline", "booking-api", (Exc("*fmt.wrapError", "start shipment workflow: context deadline exceeded", (*HTTP, api("shipments.go", "(*Server).createShipment", 81), golib("go.temporal.io/sdk/internal", "(*WorkflowClient).ExecuteWorkflow", TSDK + "internal_workflow_client.go", 274))),),
        (see("sentry.error", 2), see("splunk", 2, **S_A), see("datadog.log", 2, **DD_API)),
        pair="fa-geocode-deadline", log="create shipment", entry="POST /v1/shipments"),
    Bug("fa-geocode-deadline", "lanes-worker", (Exc("*errors.withStack", 'geocode stops: Post "https://geo.farndale.example/v1/batch": context deadline exceeded', (*ACTIVITY, act("geo", "activities.go", "(*Activities).GeocodeStops", 33), act("geo", "client.go", "(*Client).Batch", 57))),),
        (see("sentry.error", 3), see("splunk", 2, **S_W, **QUEUE), see("datadog.log", **DD_ACT), see("datadog.apm", **APM_ACT)),
        classes=(5,), pair="fa-start-deadline", entry="GeocodeStops", span=2),
    # Not pairs.
    Bug("fa-pallet-json", "booking-api", (Exc("*json.UnmarshalTypeError", "decode booking: json: cannot unmarshal string into Go struct field Pallet.pallets.weight_kg of type float64", (*HTTP, api("bookings.go", "(*Server).quoteBooking", 38), golib("encoding/json", "(*Decoder).Decode", GOSRC + "encoding/json/stream.go", 74))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **S_A), see("datadog.apm", **APM_API)),
        log="quote booking", entry="POST /v1/quotes"),
    Bug("fa-ratecard-missing", "lanes-worker", (Exc("*errors.fundamental", "no rate card for lane {zone} to {zone2}", (*ACTIVITY, act("quotes", "activities.go", "(*Activities).QuoteLane", 39), act("quotes", "ratecards.go", "(*RateCards).For", 52))),),
        (see("sentry.error", 2), see("splunk", 3, kind="app", **S_W, **QUEUE), see("datadog.log", kind="app", **DD_ACT)),
        log="rate card missing for lane", entry="QuoteLane"),
    Bug("fa-pg-refused", "booking-api", (Exc("*pgconn.ConnectError", "list shipments: failed to connect to `user=booking database=booking`: 10.40.2.17:5432 (pg-primary.farndale.internal): dial error: dial tcp 10.40.2.17:5432: connect: connection refused", (*HTTP, api("shipments.go", "(*Server).listShipments", 102), golib("github.com/jackc/pgx/v5/pgxpool", "(*Pool).Acquire", "/go/pkg/mod/github.com/jackc/pgx/v5@v5.7.2/pgxpool/pool.go", 528))),),
        (see("splunk", 3, **S_A), see("datadog.log", 2, **DD_API)),
        classes=(1,), log="shipments query failed", entry="GET /v1/shipments"),
    # A singleton: a nil customer in the tracking page's handler, sentry-go's middleware only.
    Bug("fa-track-nil", "booking-api", (Exc("runtime.errorString", "runtime error: invalid memory address or nil pointer dereference", (*HTTP, api("tracking.go", "(*Server).trackingPage", 29), api("tracking.go", "customerName", 51), golib("runtime", "panicmem", GOSRC + "runtime/panic.go", 262))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /v1/track/{ref}"),
    # Slow activities logged at warn by the team's interceptor: durations vary in Go's words.
    Bug("fa-slow-activity", "lanes-worker", (),
        (see("splunk", 3, search="farndale - slow activities", app="farndale", line='{"level":"warn","ts":{epoch},"caller":"interceptors/slow.go:41","msg":"slow activity","ActivityType":"GeocodeStops","took":"{godur}","Attempt":1}'), see("datadog.log", 2, team="lanes", monitor="[lanes] slow activities", filter="service:lanes-worker @msg:\"slow activity\"", text="GeocodeStops took {godur}")),
        classes=(7,)),
    # A Temporal SDK metric: activities waiting on the task queue.
    Bug("fa-schedule-to-start", "lanes-worker", (),
        (see("datadog.metric", 2, monitor="[lanes] activity schedule-to-start latency", scope="task_queue:lanes", team="lanes", metric="temporal_activity_schedule_to_start_latency.quantile", query="avg(last_10m):avg:temporal_activity_schedule_to_start_latency.quantile{task_queue:lanes,quantile:0.95} > 5", event_type="metric_alert_monitor", status="p95 schedule-to-start latency on lanes over 5s", text="p95 schedule-to-start latency on task queue lanes is {n}s."),),
        classes=(8,)),
]

NOISE = [
    Noise("fa-noise-worker-started", "lanes-worker", "splunk", {"search": SEARCH_W, "line": '{"level":"info","ts":{epoch},"caller":"log/with_logger.go:74","msg":"Started Worker","Namespace":"lanes-prod","TaskQueue":"lanes","WorkerID":"1@lanes-worker-7d9c5b8f4-x2k9q@"}'}),
    Noise("fa-noise-deploy", "booking-api", "datadog.event", {"monitor": "booking-api deployed", "text": "Argo CD synced booking-api to 2026.3.2 (4/4 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("fa-noise-recovered", "lanes-worker", "datadog.log", {"monitor": "[lanes] Temporal activity errors", "transition": "Recovered", "alert_type": "success", "text": "Activity errors on lanes-worker are back under the threshold.", "team": "lanes"}),
]

FARNDALE = Company(
    key="fa",
    name="Farndale Haulage",
    domain="farndale.example",
    sentry_org="farndale",
    splunk_url="https://farndale.splunkcloud.com",
    splunk_guid="9D4B7E21-6A3C-4F8D-B1E5-27C9A4D6F803",
    datadog_org=("706448", "Farndale Haulage"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("2026.3.0", "2026.3.1", "2026.3.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="farndale-sentry-client-secret",
)
# fmt: on
