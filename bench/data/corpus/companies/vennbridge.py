"""(mw) Vennbridge Freight, a pallet-network haulier: ``dispatch-api``, a Go 1.22 Gin API (GORM
over Postgres, shipments, carriers, customs and invoicing) and ``dispatch-worker``, Temporal
workers (carrier booking, manifests, proof-of-delivery uploads), on HashiCorp Nomad with the
docker driver.

Logs: logrus' ``JSONFormatter`` with ``ReportCaller`` (``func``, ``file``) on stderr; the
Temporal SDK logs through a logrus adapter (``Activity error.`` with its key-values, one record
per failed attempt). Vector's ``docker_logs`` source reads the allocations' containers; its
``splunk_hec_logs`` sink posts the event JSON-encoded (``message`` the logrus line, Nomad's
``com.hashicorp.nomad.*`` labels), the older client nodes' Vector the line alone
(``encoding.codec = "text"``); its ``datadog_logs`` sink sends the same to Datadog, whose JSON
parsing makes logrus' keys attributes. One saved search over the API, one over the worker's
activity errors; one log monitor per service through the team's own template. Sentry: sentry-go
(sentrygin, a Temporal interceptor). No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import GOSRC, go, golib

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "dispatch-api": Service("dispatch-api", "go", "mw-vector-hec", "vector:docker", "vector", "vennbridge_nomad", 11190021, "go1.22.6"),
    "dispatch-worker": Service("dispatch-worker", "go", "mw-vector-hec", "vector:docker", "vector", "vennbridge_nomad", 11190022, "go1.22.6"),
}

GIN = "/go/pkg/mod/github.com/gin-gonic/gin@v1.10.0/"
TEMPORAL = "/go/pkg/mod/go.temporal.io/sdk@v1.30.0/"
MOD = "vennbridge.example/dispatch/"

HTTP = (
    golib("net/http", "(*conn).serve", GOSRC + "net/http/server.go", 2092),
    golib("net/http", "serverHandler.ServeHTTP", GOSRC + "net/http/server.go", 3210),
    golib("github.com/gin-gonic/gin", "(*Engine).ServeHTTP", GIN + "gin.go", 589),
    golib("github.com/gin-gonic/gin", "(*Engine).handleHTTPRequest", GIN + "gin.go", 633),
    golib("github.com/gin-gonic/gin", "(*Context).Next", GIN + "context.go", 185),
    golib("github.com/getsentry/sentry-go/gin", "(*handler).handle", "/go/pkg/mod/github.com/getsentry/sentry-go/gin@v0.29.0/sentrygin.go", 88),
    golib("github.com/gin-gonic/gin", "(*Context).Next", GIN + "context.go", 185),
)
PANIC = golib("runtime", "gopanic", GOSRC + "runtime/panic.go", 770)
SIGPANIC = golib("runtime", "sigpanic", GOSRC + "runtime/signal_unix.go", 917)
ACTIVITY = (
    golib("runtime", "goexit", GOSRC + "runtime/asm_amd64.s", 1700),
    golib("go.temporal.io/sdk/internal", "(*baseWorker).processTaskAsync.func1", TEMPORAL + "internal/internal_worker_base.go", 466),
    golib("go.temporal.io/sdk/internal", "(*activityTaskPoller).ProcessTask", TEMPORAL + "internal/internal_task_pollers.go", 1089),
    golib("go.temporal.io/sdk/internal", "(*activityTaskHandlerImpl).Execute", TEMPORAL + "internal/internal_task_handlers.go", 2112),
    golib("go.temporal.io/sdk/internal", "(*activityExecutor).Execute", TEMPORAL + "internal/internal_worker.go", 931),
    golib("reflect", "Value.Call", GOSRC + "reflect/value.go", 365),
)


def app(pkg: str, function: str, file: str, line: int) -> Frame:
    return go(MOD + pkg, function, f"/src/dispatch/{pkg}/{file}", line)


GORM_FIRST = golib("gorm.io/gorm", "(*DB).First", "/go/pkg/mod/gorm.io/gorm@v1.25.11/finisher_api.go", 129)
PARSE_WEIGHT = app("internal/units", "ParseWeight", "weight.go", 22)
RECOVER = "vennbridge.example/dispatch/internal/api.Recovery.func1 /src/dispatch/internal/api/middleware.go:41"

SPL = dict(search="vennbridge - dispatch-api errors (vector)", owner="vb_ops", app="dispatch")
SPL_TXT = dict(SPL, codec_text=True)
SPL_ACT = dict(search="vennbridge - dispatch-worker Activity error.", owner="vb_ops", app="dispatch", temporal=True)
DD = dict(team="dispatch", monitor="[dispatch-api] error logs", format="mw-vector-dd", filter="service:dispatch-api status:error", text="dispatch-api: **{{log.attributes.msg}}**\n\nerror: `{{log.attributes.error}}`\n{{log.attributes.method}} {{log.attributes.path}} ({{log.attributes.func}})")
DD_ACT = dict(team="dispatch", monitor="[dispatch-worker] activity failures", format="mw-vector-dd", temporal=True, filter='service:dispatch-worker @msg:"Activity error."', text="Activity **{{log.attributes.ActivityType}}** failed on attempt {{log.attributes.Attempt}} (workflow {{log.attributes.WorkflowID}})\n\n{{log.attributes.Error}}")
NIL = "runtime error: invalid memory address or nil pointer dereference"
DUP = 'ERROR: duplicate key value violates unique constraint "{c}" (SQLSTATE 23505)'

BUGS = [
    # gorm's ErrRecordNotFound in two handlers: the message names no entity.
    Bug("mw-shipment-notfound", "dispatch-api", (Exc("*errors.errorString", "record not found"), Exc("*fmt.wrapError", "load shipment {ref}: record not found", (*HTTP, app("internal/api", "(*Shipments).Get", "shipments.go", 64), app("internal/store", "(*Shipments).ByRef", "shipments.go", 31), GORM_FIRST))),
        (see("sentry.error", 3), see("splunk", 2, **SPL, msg="load shipment", status=404), see("splunk", **SPL_TXT, msg="load shipment", status=404), see("datadog.log", **DD, msg="load shipment", status=404)),
        classes=(1, 4), pair="mw-carrier-notfound", entry="GET /v1/shipments/{ref}", log="load shipment"),
    Bug("mw-carrier-notfound", "dispatch-api", (Exc("*errors.errorString", "record not found"), Exc("*fmt.wrapError", "carrier {n}: record not found", (*HTTP, app("internal/api", "(*Carriers).Rates", "carriers.go", 52), app("internal/store", "(*Carriers).ByID", "carriers.go", 27), GORM_FIRST))),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", **SPL, msg="carrier rates", status=404), see("datadog.log", 2, **DD, msg="carrier rates", status=404)),
        classes=(1, 4), pair="mw-shipment-notfound", entry="GET /v1/carriers/{id}/rates", log="carrier rates"),
    # Nil dereferences recovered by the team's middleware in two handlers.
    Bug("mw-label-nil", "dispatch-api", (Exc("runtime.Error", NIL, (*HTTP, app("internal/api", "(*Labels).Print", "labels.go", 77), app("internal/labels", "Render", "render.go", 40), SIGPANIC, PANIC)),),
        (see("sentry.error", 3), see("splunk", 2, **SPL, msg="panic recovered", status=500), see("datadog.log", **DD, msg="panic recovered", status=500)),
        classes=(1, 4, 5), pair="mw-tracking-nil", entry="POST /v1/shipments/{ref}/label", logger=RECOVER, span=2, renames={"(*Labels).Print": "(*Labels).Create"}),
    Bug("mw-tracking-nil", "dispatch-api", (Exc("runtime.Error", NIL, (*HTTP, app("internal/api", "(*Tracking).Events", "tracking.go", 45), app("internal/tracking", "Timeline", "timeline.go", 58), SIGPANIC, PANIC)),),
        (see("sentry.error", 2), see("splunk", **SPL_TXT, msg="panic recovered", status=500), see("datadog.log", 2, **DD, msg="panic recovered", status=500)),
        classes=(1, 4), pair="mw-label-nil", entry="GET /v1/shipments/{ref}/tracking", logger=RECOVER),
    # Duplicate keys on two constraints.
    Bug("mw-customs-dup", "dispatch-api", (Exc("*pgconn.PgError", DUP.replace("{c}", "customs_declarations_shipment_id_key"), (*HTTP, app("internal/api", "(*Customs).Declare", "customs.go", 71), golib("gorm.io/gorm", "(*DB).Create", "/go/pkg/mod/gorm.io/gorm@v1.25.11/finisher_api.go", 24))),),
        (see("sentry.error", 2), see("splunk", 2, **SPL, msg="declare customs", status=409), see("datadog.log", **DD, msg="declare customs", status=409)),
        classes=(1, 4), pair="mw-invoice-dup", entry="POST /v1/shipments/{ref}/customs", log="declare customs"),
    Bug("mw-invoice-dup", "dispatch-api", (Exc("*pgconn.PgError", DUP.replace("{c}", "invoices_number_key"), (*HTTP, app("internal/api", "(*Invoices).Issue", "invoices.go", 48), app("internal/billing", "(*Service).Issue", "issue.go", 33), golib("gorm.io/gorm", "(*DB).Create", "/go/pkg/mod/gorm.io/gorm@v1.25.11/finisher_api.go", 24))),),
        (see("sentry.error", 3), see("splunk", **SPL, msg="issue invoice", status=409), see("splunk", **SPL_TXT, msg="issue invoice", status=409), see("datadog.log", **DD, msg="issue invoice", status=409)),
        classes=(1, 4), pair="mw-customs-dup", entry="POST /v1/invoices", log="issue invoice"),
    # Two parse failures ending in one units helper.
    Bug("mw-rate-weight-parse", "dispatch-api", (Exc("*strconv.NumError", 'strconv.ParseFloat: parsing "{n},5": invalid syntax'), Exc("*fmt.wrapError", 'pallet weight: strconv.ParseFloat: parsing "{n},5": invalid syntax', (*HTTP, app("internal/api", "(*Quotes).Price", "quotes.go", 39), app("internal/pricing", "PalletRate", "rate.go", 66), PARSE_WEIGHT))),
        (see("sentry.error", 3), see("splunk", 2, **SPL, msg="price quote", status=400), see("datadog.log", **DD, msg="price quote", status=400)),
        classes=(1, 9), pair="mw-manifest-weight-parse", entry="POST /v1/quotes", log="price quote"),
    Bug("mw-manifest-weight-parse", "dispatch-worker", (Exc("*strconv.NumError", 'strconv.ParseFloat: parsing "{n} kg": invalid syntax'), Exc("*fmt.wrapError", 'pallet weight: strconv.ParseFloat: parsing "{n} kg": invalid syntax', (*ACTIVITY, app("internal/activities", "(*Activities).BuildManifest", "manifest.go", 57), app("internal/manifest", "LineFor", "lines.go", 30), PARSE_WEIGHT))),
        (see("sentry.error", 2), see("splunk", 2, **SPL_ACT, wftype="TrunkWorkflow", workflow="trunk-{week}-{idx}"), see("datadog.log", **DD_ACT, wftype="TrunkWorkflow", workflow="trunk-{week}-{idx}")),
        classes=(1, 9), pair="mw-rate-weight-parse", entry="activity:BuildManifest"),
    # One activity, one search and one monitor: the carrier rejects, or is down.
    Bug("mw-book-carrier-rejected", "dispatch-worker", (Exc("*temporal.ApplicationError", "carrier rejected booking: pallet weight exceeds 1000kg limit for service NEXTDAY", (*ACTIVITY, app("internal/activities", "(*Activities).BookCarrier", "carrier.go", 62))),),
        (see("sentry.error", 2), see("splunk", 2, **SPL_ACT, attempt=1), see("datadog.log", 2, **DD_ACT, attempt=1)),
        classes=(1, 2), pair="mw-book-carrier-503", entry="activity:BookCarrier"),
    Bug("mw-book-carrier-503", "dispatch-worker", (Exc("*temporal.ApplicationError", "carrier API unavailable: POST https://api.palletline.example/v3/bookings: 503 Service Unavailable", (*ACTIVITY, app("internal/activities", "(*Activities).BookCarrier", "carrier.go", 48), app("internal/carrier", "(*Client).Book", "client.go", 91))),),
        (see("sentry.error", 2), see("splunk", **SPL_ACT, attempt=2), see("splunk", **SPL_ACT, attempt=4), see("datadog.log", 2, **DD_ACT)),
        classes=(1, 2, 9), pair="mw-book-carrier-rejected", entry="activity:BookCarrier"),
    # One manifest activity, two errors.
    Bug("mw-manifest-template", "dispatch-worker", (Exc("template.ExecError", 'template: manifest:14:22: executing "manifest" at <.Consignee.Name>: nil pointer evaluating *model.Party.Name', (*ACTIVITY, app("internal/activities", "(*Activities).RenderManifest", "manifest.go", 88), golib("text/template", "(*Template).Execute", GOSRC + "text/template/exec.go", 203))),),
        (see("sentry.error", 2), see("splunk", **SPL_ACT, wftype="TrunkWorkflow", workflow="trunk-{week}-{idx}"), see("datadog.log", **DD_ACT, wftype="TrunkWorkflow", workflow="trunk-{week}-{idx}")),
        classes=(1,), pair="mw-manifest-json", entry="activity:RenderManifest"),
    Bug("mw-manifest-json", "dispatch-worker", (Exc("*json.UnmarshalTypeError", "json: cannot unmarshal string into Go struct field Item.items.qty of type int", (*ACTIVITY, app("internal/activities", "(*Activities).RenderManifest", "manifest.go", 74), golib("encoding/json", "Unmarshal", GOSRC + "encoding/json/decode.go", 113))),),
        (see("sentry.error", 3), see("splunk", 2, **SPL_ACT, wftype="TrunkWorkflow", workflow="trunk-{week}-{idx}"), see("datadog.log", **DD_ACT, wftype="TrunkWorkflow", workflow="trunk-{week}-{idx}")),
        classes=(1,), pair="mw-manifest-template", entry="activity:RenderManifest"),
    # Not paired: proof-of-delivery uploads time out, retried; a webhook signature.
    Bug("mw-pod-upload-timeout", "dispatch-worker", (Exc("*url.Error", 'Put "https://vennbridge-pod.s3.eu-west-2.amazonaws.com/pod/{ref}.jpg": context deadline exceeded', (*ACTIVITY, app("internal/activities", "(*Activities).UploadPOD", "pod.go", 35), app("internal/storage", "(*Bucket).Put", "s3.go", 52))),),
        (see("sentry.error", 2), see("splunk", **SPL_ACT, attempt=1, wftype="DeliveryWorkflow"), see("splunk", **SPL_ACT, attempt=3, wftype="DeliveryWorkflow"), see("datadog.log", 2, **DD_ACT, wftype="DeliveryWorkflow")),
        classes=(1, 2), entry="activity:UploadPOD"),
    Bug("mw-webhook-signature", "dispatch-api", (Exc("*errors.errorString", "signature mismatch"), Exc("*fmt.wrapError", "verify palletline webhook: signature mismatch", (*HTTP, app("internal/api", "(*Webhooks).Palletline", "webhooks.go", 29), app("internal/webhooks", "Verify", "verify.go", 18)))),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **SPL, msg="carrier webhook", status=401), see("datadog.log", **DD, msg="carrier webhook", status=401)),
        classes=(1,), entry="POST /v1/webhooks/palletline", log="carrier webhook"),
    # A singleton: an index out of range in the route optimiser.
    Bug("mw-route-index", "dispatch-api", (Exc("runtime.boundsError", "runtime error: index out of range [3] with length 3", (*HTTP, app("internal/api", "(*Routes).Optimise", "routes.go", 33), app("internal/routing", "TwoOpt", "twoopt.go", 71), PANIC)),),
        (see("sentry.error"),),
        singleton=True, entry="POST /v1/routes/optimise"),
]

NOISE = [
    Noise("mw-noise-deploy", "dispatch-api", "datadog.event", {"monitor": "Nomad deployment", "text": "Job dispatch-api version 47 deployment successful (3/3 allocations healthy).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "dispatch"}),
    Noise("mw-noise-poll", "dispatch-worker", "splunk", {"search": "vennbridge - dispatch-worker Activity error.", "owner": "vb_ops", "app": "dispatch", "line": '{"Error":"context deadline exceeded","Namespace":"vennbridge-prod","TaskQueue":"dispatch","WorkerID":"1@dispatch-worker@","level":"warning","msg":"Failed to poll for task.","time":"{ts}"}'}),
    Noise("mw-noise-recovered", "dispatch-worker", "datadog.log", {"monitor": "[dispatch-worker] activity failures", "text": "Recovered: dispatch-worker activity failures back under threshold.", "transition": "Recovered", "alert_type": "success", "team": "dispatch", "filter": 'service:dispatch-worker @msg:"Activity error."'}),
]

VENNBRIDGE = Company(
    key="mw",
    name="Vennbridge Freight",
    domain="vennbridge.example",
    sentry_org="vennbridge-freight",
    splunk_url="https://vennbridge.splunkcloud.example",
    splunk_guid="9A4D0C7E-21B8-4E35-BF6A-C80E3D5172A9",
    datadog_org=("1119002", "Vennbridge Freight"),
    datadog_template="own",
    posthog_project=(91192, "Vennbridge"),
    releases=("v1.41.0", "v1.42.0", "v1.42.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="vennbridge-sentry-client-secret",
)
# fmt: on
