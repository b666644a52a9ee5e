"""(az) Skerry Couriers, same-day courier dispatch: a Go 1.23 API on gin with GORM over
Postgres (``dispatch-api``, ``log/slog``'s JSON handler with ``AddSource``; a custom gin
recovery that logs the panic with ``debug.Stack()``), and Asynq workers on Redis
(``dispatch-worker``: notifications, invoices, shift roll-over, proof-of-delivery uploads,
merchant webhooks; logrus' JSON formatter in the Asynq ``ErrorHandler``).

Sentry: sentry-go with sentrygin on the API (panics recovered by the middleware, errors
captured by the handlers), and ``sentry.CaptureException`` in the workers' ``ErrorHandler``:
plain ``fmt.Errorf`` errors carry no stack, so sentry-go attaches the capture site's, which
ends in that one handler for every task. Datadog (APM through dd-trace-go's gin
integration and the team's own ``asynq.task`` spans; logs through the agent) posts the
team's template: plain text only, the monitor nested, the date unquoted under ``when``. No
PostHog (no front end) and no Splunk.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import GOSRC, go, golib

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.go", "0.29.1", "go:github.com/getsentry/sentry-go")
SERVICES = {
    "dispatch-api": Service("dispatch-api", "go", "slog-gin", "", "", "", 6620011, "go go1.23.4", framework="gin", sdk=SDK),
    "dispatch-worker": Service("dispatch-worker", "go", "logrus-asynq", "", "", "", 6620014, "go go1.23.4", framework="asynq", sdk=SDK),
}

MOD = "gitlab.com/skerry/dispatch"
GIN = "/go/pkg/mod/github.com/gin-gonic/gin@v1.10.0/"
ASYNQ = "/go/pkg/mod/github.com/hibiken/asynq@v0.24.1/"
GORM = "/go/pkg/mod/gorm.io/gorm@v1.25.12/"


def app(pkg: str, function: str, file: str, line: int) -> Frame:
    return go(f"{MOD}/internal/{pkg}", function, f"/src/internal/{file}", line)


GIN_HTTP = (
    golib("net/http", "(*conn).serve", GOSRC + "net/http/server.go", 2092),
    golib("net/http", "serverHandler.ServeHTTP", GOSRC + "net/http/server.go", 3210),
    golib("github.com/gin-gonic/gin", "(*Engine).ServeHTTP", GIN + "gin.go", 589),
    golib("github.com/gin-gonic/gin", "(*Engine).handleHTTPRequest", GIN + "gin.go", 633),
    golib("github.com/gin-gonic/gin", "(*Context).Next", GIN + "context.go", 185),
    golib("github.com/getsentry/sentry-go/gin", "(*handler).handle", "/go/pkg/mod/github.com/getsentry/sentry-go/gin@v0.29.1/sentrygin.go", 87),
    golib("github.com/gin-gonic/gin", "(*Context).Next", GIN + "context.go", 185),
    golib("gopkg.in/DataDog/dd-trace-go.v1/contrib/gin-gonic/gin", "Middleware.func1", "/go/pkg/mod/gopkg.in/!data!dog/dd-trace-go.v1@v1.69.1/contrib/gin-gonic/gin/gintrace.go", 73),
    golib("github.com/gin-gonic/gin", "(*Context).Next", GIN + "context.go", 185),
)
# The capture site of every worker error: Asynq's processor calling the ErrorHandler, which
# logs with logrus and hands the error to sentry-go.
ASYNQ_FAIL = (
    golib("github.com/hibiken/asynq", "(*processor).exec.func1", ASYNQ + "processor.go", 235),
    golib("github.com/hibiken/asynq", "(*processor).handleFailedMessage", ASYNQ + "processor.go", 325),
    golib("github.com/hibiken/asynq", "ErrorHandlerFunc.HandleError", ASYNQ + "server.go", 236),
    app("worker", "(*Server).handleError", "worker/errors.go", 31),
)
# A task handler's own frames, as a panic in it prints them.
ASYNQ_RUN = (
    golib("github.com/hibiken/asynq", "(*processor).exec.func1", ASYNQ + "processor.go", 224),
    golib("github.com/hibiken/asynq", "(*processor).perform", ASYNQ + "processor.go", 446),
    golib("github.com/hibiken/asynq", "(*ServeMux).ProcessTask", ASYNQ + "servemux.go", 64),
    golib("github.com/hibiken/asynq", "HandlerFunc.ProcessTask", ASYNQ + "handler.go", 33),
)
GORM_CREATE = (
    golib("gorm.io/gorm", "(*DB).Create", GORM + "finisher_api.go", 24),
    golib("gorm.io/gorm", "(*processor).Execute", GORM + "callbacks.go", 130),
)
NIL = "runtime error: invalid memory address or nil pointer dereference"


def pg_unique(constraint: str, wrap: str, frames: tuple[Frame, ...]) -> tuple[Exc, Exc]:
    """pgx's ``*pgconn.PgError`` as GORM returns it, wrapped by the caller's ``fmt.Errorf``."""
    pg = f'ERROR: duplicate key value violates unique constraint "{constraint}" (SQLSTATE 23505)'
    return Exc("*pgconn.PgError", pg), Exc("*fmt.wrapError", f"{wrap}: {pg}", frames)


API = "dispatch-api"
TEAM = "dispatch"
API_LOGS = dict(monitor="dispatch-api error logs", team=TEAM, filter="service:dispatch-api env:prod status:error", text="dispatch-api is logging errors above 5 in 5m.\nroute: {{log.attributes.method}} {{log.attributes.route}}\nmsg: {{log.message}}\nerr: {{log.attributes.err}}")
PANIC_LOGS = dict(monitor="dispatch-api recovered panics", team=TEAM, filter='service:dispatch-api env:prod "panic recovered"', text="dispatch-api recovered a panic on {{log.attributes.route}}.\n{{log.attributes.error}}\n\n{{log.attributes.stack}}", priority="P1")
WORKER_LOGS = dict(monitor="dispatch-worker task failures", team=TEAM, filter="service:dispatch-worker env:prod status:error", by="@task_type", text="Asynq task {{log.attributes.task_type}} failing on {{log.host}} (queue {{log.attributes.queue}}).\nerror: {{log.attributes.error}}")
API_TYPES = dict(style="type", team=TEAM, monitor="dispatch-api error spans by type")
ROUTES = dict(style="route", team=TEAM, monitor="dispatch-api route error rate")
TASKS = dict(team=TEAM, monitor="Asynq task errors by task type")

BUGS = [
    # The same nil courier dereferenced in two handlers' helpers (a job assigned to a courier
    # who went off shift).
    Bug("az-assign-nearest-nil", "dispatch-api", (Exc("runtime.errorString", NIL, (*GIN_HTTP, app("handlers", "(*JobsHandler).Assign", "handlers/jobs.go", 112), app("planner", "(*Planner).NearestCourier", "planner/nearest.go", 58))),),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", 2, panic=True, **PANIC_LOGS), see("datadog.apm", **API_TYPES)),
        classes=(2, 4), pair="az-eta-courier-nil", entry="POST /v1/jobs/:id/assign", log="panic recovered", span=2, renames={"(*JobsHandler).Assign": "(*JobsHandler).AssignCourier"}),
    Bug("az-eta-courier-nil", "dispatch-api", (Exc("runtime.errorString", NIL, (*GIN_HTTP, app("handlers", "(*JobsHandler).ETA", "handlers/jobs.go", 171), app("planner", "(*Planner).ETA", "planner/eta.go", 33))),),
        (see("sentry.error", 2), see("datadog.log", 2, panic=True, **PANIC_LOGS), see("datadog.apm", **API_TYPES)),
        classes=(2, 4), pair="az-assign-nearest-nil", entry="GET /v1/jobs/:id/eta", log="panic recovered"),
    # A zone table one short: an index panic in the zone matcher.
    Bug("az-zone-match-index", "dispatch-api", (Exc("runtime.boundsError", "runtime error: index out of range [3] with length 3", (*GIN_HTTP, app("handlers", "(*QuotesHandler).Create", "handlers/quotes.go", 64), app("zones", "(*Matcher).Match", "zones/matcher.go", 97))),),
        (see("sentry.error", 2), see("datadog.log", 2, panic=True, **PANIC_LOGS), see("datadog.apm", style="message", team=TEAM, monitor="dispatch-api error spans")),
        classes=(2,), entry="POST /v1/quotes", log="panic recovered"),
    # Unique violations: the constraint is the bug (the API importing a merchant's job twice,
    # the shift roll-over task creating a courier's shift twice).
    Bug("az-job-external-ref-unique", "dispatch-api", pg_unique("idx_jobs_merchant_external_ref", "create job", (*GIN_HTTP, app("handlers", "(*JobsHandler).Create", "handlers/jobs.go", 58), app("store", "(*JobStore).Create", "store/jobs.go", 41), *GORM_CREATE)),
        (see("sentry.error", 2), see("sentry.alert", rule="dispatch-api: new issue"), see("datadog.log", 2, **API_LOGS), see("datadog.apm", **API_TYPES)),
        classes=(2, 4), pair="az-shift-day-unique", entry="POST /v1/jobs", log="create job failed"),
    Bug("az-shift-day-unique", "dispatch-worker", pg_unique("uniq_courier_shifts_courier_day", "roll over shift for courier {id}", ASYNQ_FAIL),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", 2, queue="critical", **WORKER_LOGS), see("datadog.task", **TASKS)),
        classes=(4, 9), pair="az-job-external-ref-unique", entry="shift:rollover", log="task failed", handled=True),
    # Two notification tasks failing; sentry-go's stack for both is the ErrorHandler's.
    Bug("az-notify-sms-invalid-to", "dispatch-worker", (Exc("*client.TwilioRestError", "Status: 400 - ApiError 21211: Invalid 'To' Phone Number: +44{n}0{n}5 (null) More info: https://www.twilio.com/docs/errors/21211"), Exc("*fmt.wrapError", "send sms for job {id}: Status: 400 - ApiError 21211: Invalid 'To' Phone Number: +44{n}0{n}5 (null) More info: https://www.twilio.com/docs/errors/21211", ASYNQ_FAIL)),
        (see("sentry.error", 3), see("datadog.log", 2, **WORKER_LOGS)),
        classes=(9,), pair="az-notify-push-unregistered", entry="notify:sms", log="task failed", handled=True),
    Bug("az-notify-push-unregistered", "dispatch-worker", (Exc("*internal.FirebaseError", "Requested entity was not found."), Exc("*fmt.wrapError", "send push to courier {id}: Requested entity was not found.", ASYNQ_FAIL)),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", 2, **WORKER_LOGS), see("datadog.task", **TASKS)),
        classes=(9,), pair="az-notify-sms-invalid-to", entry="notify:push", log="task failed", handled=True, span=2),
    # One invoice builder, two failures: an account without a rate card, and a surcharge
    # written with a decimal comma.
    Bug("az-invoice-ratecard-missing", "dispatch-worker", (Exc("*errors.errorString", "record not found"), Exc("*fmt.wrapError", "build invoice {id}: load rate card for account {user}: record not found", ASYNQ_FAIL)),
        (see("sentry.error", 2), see("datadog.log", 2, queue="billing", **WORKER_LOGS), see("datadog.task", **TASKS)),
        classes=(4, 8), pair="az-invoice-surcharge-parse", entry="invoice:generate", log="task failed", handled=True),
    Bug("az-invoice-surcharge-parse", "dispatch-worker", (Exc("*strconv.NumError", 'strconv.ParseFloat: parsing "{n},50": invalid syntax'), Exc("*fmt.wrapError", 'build invoice {id}: parse surcharge: strconv.ParseFloat: parsing "{n},50": invalid syntax', ASYNQ_FAIL)),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", 2, queue="billing", **WORKER_LOGS)),
        classes=(4,), pair="az-invoice-ratecard-missing", entry="invoice:generate", log="task failed", handled=True),
    # The quote endpoint's geocoder timing out: route monitors name only the route.
    Bug("az-quote-geocode-timeout", "dispatch-api", (Exc("*url.Error", 'Get "https://geo.skerry.internal/v1/geocode?q=": context deadline exceeded (Client.Timeout exceeded while awaiting headers)'), Exc("*fmt.wrapError", 'geocode dropoff: Get "https://geo.skerry.internal/v1/geocode?q=": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', (*GIN_HTTP, app("handlers", "(*QuotesHandler).Create", "handlers/quotes.go", 49), app("geo", "(*Client).Geocode", "geo/client.go", 72)))),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.apm", 2, **ROUTES), see("datadog.log", status=504, **API_LOGS)),
        classes=(8,), entry="POST /v1/quotes", log="quote failed"),
    # A job page asked for a job another merchant owns: the store's scoped lookup finds
    # nothing and the handler logs GORM's error as it is.
    Bug("az-job-get-not-found", "dispatch-api", (Exc("*errors.errorString", "record not found", (*GIN_HTTP, app("handlers", "(*JobsHandler).Get", "handlers/jobs.go", 141), app("store", "(*JobStore).ByMerchant", "store/jobs.go", 77), golib("gorm.io/gorm", "(*DB).First", GORM + "finisher_api.go", 129))),),
        (see("sentry.error"), see("datadog.log", 2, status=500, **API_LOGS)),
        classes=(2,), entry="GET /v1/jobs/:id", log="get job failed", handled=True),
    # A courier's device label too long for its column.
    Bug("az-location-device-too-long", "dispatch-api", (Exc("*pgconn.PgError", "ERROR: value too long for type character varying(64) (SQLSTATE 22001)"), Exc("*fmt.wrapError", "save location ping: ERROR: value too long for type character varying(64) (SQLSTATE 22001)", (*GIN_HTTP, app("handlers", "(*CouriersHandler).UpdateLocation", "handlers/couriers.go", 88), app("store", "(*CourierStore).SavePing", "store/couriers.go", 120), *GORM_CREATE))),
        (see("sentry.error", 2), see("datadog.log", 2, **API_LOGS), see("datadog.apm", **API_TYPES)),
        classes=(2,), entry="PUT /v1/couriers/:id/location", log="location update failed"),
    # Merchant webhooks whose host no longer resolves: the task monitor names only the task.
    Bug("az-merchant-webhook-nxdomain", "dispatch-worker", (Exc("*net.DNSError", "lookup hooks.{hex}.example on 10.96.0.10:53: no such host"), Exc("*fmt.wrapError", 'deliver webhook to merchant {user}: Post "https://hooks.{hex}.example/skerry": dial tcp: lookup hooks.{hex}.example on 10.96.0.10:53: no such host', ASYNQ_FAIL)),
        (see("datadog.task", 2, **TASKS), see("datadog.log", 2, queue="webhooks", **WORKER_LOGS), see("sentry.error")),
        classes=(8,), entry="webhook:deliver", log="task failed", handled=True),
    # Proof-of-delivery photos refused by S3 after a bucket policy change.
    Bug("az-pod-upload-denied", "dispatch-worker", (Exc("*smithy.OperationError", "operation error S3: PutObject, https response error StatusCode: 403, RequestID: {hex}, HostID: {uuid}, api error AccessDenied: Access Denied"), Exc("*fmt.wrapError", "upload proof for job {id}: operation error S3: PutObject, https response error StatusCode: 403, RequestID: {hex}, HostID: {uuid}, api error AccessDenied: Access Denied", ASYNQ_FAIL)),
        (see("sentry.error", 2), see("sentry.alert", rule="dispatch-worker: new issue"), see("datadog.log", 2, queue="media", **WORKER_LOGS), see("datadog.task", **TASKS)),
        classes=(9,), entry="pod:upload", log="task failed", handled=True, span=2),
    # A panic inside a task handler: Asynq recovers it into an error ("panic: …"), so the
    # ErrorHandler sees a string and sentry-go the capture site again.
    Bug("az-route-optimise-panic", "dispatch-worker", (Exc("*errors.errorString", "panic [/src/internal/planner/optimise.go:141]: runtime error: index out of range [-1]", ASYNQ_FAIL),),
        (see("sentry.error", 2), see("datadog.log", 2, queue="planning", **WORKER_LOGS)),
        classes=(9,), entry="route:optimise", log="task failed", handled=True),
    # Label rendering warnings whose sizes and durations change length.
    Bug("az-label-render-slow", "dispatch-worker", (),
        (see("datadog.log", 3, monitor="dispatch-worker slow label renders", team=TEAM, filter='service:dispatch-worker "label rendered slowly"', text="label rendered slowly: job {id}, {size} in {dur}"),),
        classes=(7,)),
    # Seen once: a merchant's payload with a string weight.
    Bug("az-job-weight-unmarshal", "dispatch-api", (Exc("*json.UnmarshalTypeError", "json: cannot unmarshal string into Go struct field CreateJobRequest.parcels.weight_kg of type float64", (*GIN_HTTP, app("handlers", "(*JobsHandler).Create", "handlers/jobs.go", 44))),),
        (see("sentry.error"),),
        singleton=True, entry="POST /v1/jobs"),
]

NOISE = [
    Noise("az-noise-deploy", "dispatch-api", "datadog.event", {"monitor": "Deployed dispatch-api v2.31.0", "text": "Argo CD synced dispatch-api to v2.31.0 (4/4 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": TEAM}),
    Noise("az-noise-panics-recovered", "dispatch-api", "datadog.log", {**PANIC_LOGS, "transition": "Recovered", "alert_type": "success", "text": "No recovered panics in the last 10m."}),
    Noise("az-noise-queue-latency", "dispatch-worker", "datadog.metric", {"monitor": "Asynq critical queue latency", "scope": "queue:critical", "transition": "Warn", "metric": "asynq.queue.latency", "text": "critical queue latency is 42s (warn at 30s).", "team": TEAM}),
]

SKERRY = Company(
    key="az",
    name="Skerry Couriers",
    domain="skerry.example",
    sentry_org="skerry",
    splunk_url="",
    splunk_guid="",
    datadog_org=("418822", "Skerry Couriers"),
    datadog_template="az-gopher",
    posthog_project=(0, ""),
    releases=("v2.29.0", "v2.30.0", "v2.31.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="skerry-sentry-client-secret",
)
# fmt: on
