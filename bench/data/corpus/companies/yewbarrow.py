"""(dn) Yewbarrow Lockers, parcel lockers at stations: a Go 1.23 API on gin with GORM over
Postgres (``locker-api``; gin's default ``Recovery()`` writes panics to stderr, handlers log
with zerolog's ``ConsoleWriter`` and ``.Caller()``) and Asynq workers on Redis
(``locker-worker``: courier hand-offs, pickup codes, overdue parcels, carrier callbacks;
the ``ErrorHandler`` logs with zerolog's console writer, RFC 3339 clock).

Sentry: sentry-go with sentrygin on the API, ``sentry.CaptureException`` in the workers'
ErrorHandler (its own frame the capture site of every task error). Datadog: log monitors
on the agent-collected stderr (the plugin's recommended template), APM monitors through
dd-trace-go's gin integration, a task monitor on the team's ``asynq.task`` spans. Splunk
keeps the same stderr for the support team's saved searches. No PostHog (no front end).
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import GOSRC, golib

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.go", "0.30.0", "go:github.com/getsentry/sentry-go")
SERVICES = {
    "locker-api": Service("locker-api", "go", "dn-zerolog-console", "yewbarrow:locker-api", "stderr", "yb_main", 7420011, "go go1.23.3", framework="gin", sdk=SDK),
    "locker-worker": Service("locker-worker", "go", "dn-zerolog-console", "yewbarrow:locker-worker", "stderr", "yb_main", 7420014, "go go1.23.3", framework="asynq", sdk=SDK),
}

MOD = "github.com/yewbarrow/lockers"
GIN = "/go/pkg/mod/github.com/gin-gonic/gin@v1.10.0/"
ASYNQ = "/go/pkg/mod/github.com/hibiken/asynq@v0.25.0/"
GORM = "/go/pkg/mod/gorm.io/gorm@v1.25.12/"


def app(pkg: str, function: str, file: str, line: int, context: str = "") -> Frame:
    return Frame(function, f"/src/internal/{file}", line, f"{MOD}/internal/{pkg}", True, context)


GIN_HTTP = (
    golib("net/http", "(*conn).serve", GOSRC + "net/http/server.go", 2092),
    golib("net/http", "serverHandler.ServeHTTP", GOSRC + "net/http/server.go", 3210),
    golib("github.com/gin-gonic/gin", "(*Engine).ServeHTTP", GIN + "gin.go", 589),
    golib("github.com/gin-gonic/gin", "(*Engine).handleHTTPRequest", GIN + "gin.go", 633),
    golib("github.com/gin-gonic/gin", "(*Context).Next", GIN + "context.go", 185),
    golib("github.com/gin-gonic/gin", "CustomRecoveryWithWriter.func1", GIN + "recovery.go", 102),
    golib("github.com/gin-gonic/gin", "(*Context).Next", GIN + "context.go", 185),
)
PANIC = (golib("runtime", "gopanic", GOSRC + "runtime/panic.go", 785), golib("runtime", "panicmem", GOSRC + "runtime/panic.go", 262), golib("runtime", "sigpanic", GOSRC + "runtime/signal_unix.go", 917))
# Every worker error is captured in one place.
ASYNQ_FAIL = (
    golib("github.com/hibiken/asynq", "(*processor).exec.func1", ASYNQ + "processor.go", 240),
    golib("github.com/hibiken/asynq", "(*processor).handleFailedMessage", ASYNQ + "processor.go", 331),
    golib("github.com/hibiken/asynq", "ErrorHandlerFunc.HandleError", ASYNQ + "server.go", 241),
    app("worker", "reportTaskError", "worker/errors.go", 27),
)
GORM_FIRST = (
    golib("gorm.io/gorm", "(*DB).First", GORM + "finisher_api.go", 129),
    golib("gorm.io/gorm", "(*processor).Execute", GORM + "callbacks.go", 130),
)
GORM_CREATE = (
    golib("gorm.io/gorm", "(*DB).Create", GORM + "finisher_api.go", 24),
    golib("gorm.io/gorm", "(*processor).Execute", GORM + "callbacks.go", 130),
)
NIL = "runtime error: invalid memory address or nil pointer dereference"
TEAM = "lockers"
API_LOGS = dict(monitor="locker-api error logs", team=TEAM, filter="service:locker-api env:prod status:error", text="locker-api logged errors (>5 in 5m).\n{{log.message}}")
PANICS = dict(monitor="locker-api panics", team=TEAM, filter='service:locker-api env:prod "panic recovered"', text="gin recovered a panic on locker-api:\n\n{{log.message}}", format="dn-gin-recovery", priority="P1")
WORKER_LOGS = dict(monitor="locker-worker task failures", team=TEAM, filter="service:locker-worker env:prod status:error", text="An Asynq task keeps failing on {{host.name}}.\n{{log.message}}")
API_TYPES = dict(style="type", team=TEAM, monitor="locker-api error spans")
TASKS = dict(team=TEAM, monitor="asynq task error rate by type")
API_SEARCH = {"search": "locker-api - ERR lines"}
PANIC_SEARCH = {"search": "locker-api - panics", "format": "dn-gin-recovery"}
WORKER_SEARCH = {"search": "locker-worker - failed tasks"}


def wrap(root: Exc, *layers: tuple[str, tuple[Frame, ...]]) -> tuple[Exc, ...]:
    """``fmt.Errorf("...: %w", err)`` layers over a root, each message the layer's prefix."""
    chain = [root]
    msg = root.value
    for prefix, frames in layers:
        msg = f"{prefix}: {msg}"
        chain.append(Exc("*fmt.wrapError", msg, frames))
    return tuple(chain)


def pg_unique(constraint: str) -> Exc:
    return Exc("*pgconn.PgError", f'ERROR: duplicate key value violates unique constraint "{constraint}" (SQLSTATE 23505)')


NOT_FOUND = Exc("*errors.errorString", "record not found")

BUGS = [
    # A locker bank with no assigned site: two handlers dereference it.
    Bug("dn-open-door-site-nil", "locker-api", (Exc("runtime.Error", NIL, (*GIN_HTTP, app("handlers", "(*LockerHandler).OpenDoor", "handlers/lockers.go", 84, "if !h.hours.IsOpen(bank.Site.Timezone, now) {"), *PANIC)),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("datadog.log", 2, **PANICS), see("splunk", **PANIC_SEARCH), see("splunk", sources=True, **PANIC_SEARCH)),
        classes=(4, 5), pair="dn-bank-status-site-nil", entry="POST /v1/lockers/{id}/open", span=2),
    Bug("dn-bank-status-site-nil", "locker-api", (Exc("runtime.Error", NIL, (*GIN_HTTP, app("handlers", "(*BankHandler).Status", "handlers/banks.go", 47), app("status", "Summarise", "status/summary.go", 33, "tz := bank.Site.Timezone"), *PANIC)),),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", **PANICS), see("splunk", 2, **PANIC_SEARCH)),
        classes=(4,), pair="dn-open-door-site-nil", entry="GET /v1/banks/{id}/status"),
    # record not found: the entity in the wrap is the bug.
    Bug("dn-parcel-not-found", "locker-api", wrap(NOT_FOUND, ("load parcel {id}", (*GIN_HTTP, app("handlers", "(*ParcelHandler).Get", "handlers/parcels.go", 39), app("store", "(*ParcelStore).ByID", "store/parcels.go", 22), *GORM_FIRST))),
        (see("sentry.error", 2), see("datadog.log", 2, **API_LOGS), see("splunk", 2, **API_SEARCH)),
        classes=(4,), pair="dn-courier-not-found", entry="GET /v1/parcels/{id}", log="get parcel failed"),
    Bug("dn-courier-not-found", "locker-worker", wrap(NOT_FOUND, ("load courier {id}", ASYNQ_FAIL), ("handoff:notify", ASYNQ_FAIL)),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", **WORKER_LOGS), see("splunk", 2, queue="handoff", **WORKER_SEARCH)),
        classes=(4, 9), pair="dn-parcel-not-found", entry="handoff:notify", log="task failed"),
    # Unique violations: the constraint is the bug.
    Bug("dn-pickup-code-unique", "locker-api", (pg_unique("idx_pickup_codes_bank_code"), Exc("*fmt.wrapError", 'create pickup code: ERROR: duplicate key value violates unique constraint "idx_pickup_codes_bank_code" (SQLSTATE 23505)', (*GIN_HTTP, app("handlers", "(*ParcelHandler).Deposit", "handlers/parcels.go", 112), app("store", "(*CodeStore).Create", "store/codes.go", 41), *GORM_CREATE))),
        (see("sentry.error", 2), see("datadog.log", 2, **API_LOGS), see("datadog.apm", **API_TYPES), see("splunk", **API_SEARCH)),
        classes=(2, 4), pair="dn-carrier-event-unique", entry="POST /v1/parcels/{id}/deposit", log="deposit failed"),
    Bug("dn-carrier-event-unique", "locker-worker", (pg_unique("idx_carrier_events_carrier_event_id"), Exc("*fmt.wrapError", 'store carrier event: ERROR: duplicate key value violates unique constraint "idx_carrier_events_carrier_event_id" (SQLSTATE 23505)', ASYNQ_FAIL)),
        (see("sentry.error", 3), see("datadog.log", **WORKER_LOGS), see("datadog.task", **TASKS), see("splunk", queue="callbacks", **WORKER_SEARCH)),
        classes=(4, 9), pair="dn-pickup-code-unique", entry="carrier:callback", log="task failed", handled=True),
    # One allocator, two runtime errors.
    Bug("dn-allocate-index", "locker-api", (Exc("runtime.boundsError", "runtime error: index out of range [{idx}] with length {idx}", (*GIN_HTTP, app("handlers", "(*ParcelHandler).Reserve", "handlers/parcels.go", 71), app("alloc", "(*Allocator).Assign", "alloc/assign.go", 58, "slot := free[size.Index()]"), golib("runtime", "goPanicIndex", GOSRC + "runtime/panic.go", 115))),),
        (see("sentry.error", 2), see("datadog.log", 2, **PANICS), see("splunk", **PANIC_SEARCH)),
        classes=(4,), pair="dn-allocate-nil-map", entry="POST /v1/parcels/{id}/reserve"),
    Bug("dn-allocate-nil-map", "locker-api", (Exc("runtime.plainError", "assignment to entry in nil map", (*GIN_HTTP, app("handlers", "(*ParcelHandler).Reserve", "handlers/parcels.go", 71), app("alloc", "(*Allocator).Assign", "alloc/assign.go", 66, "a.held[slot.ID] = parcelID"), golib("runtime", "mapassign_fast64", GOSRC + "runtime/map_fast64.go", 113))),),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", **PANICS), see("splunk", 2, **PANIC_SEARCH)),
        classes=(4,), pair="dn-allocate-index", entry="POST /v1/parcels/{id}/reserve"),
    # Two notification tasks under one worker monitor, both captured in reportTaskError.
    Bug("dn-sms-pickup-code", "locker-worker", wrap(Exc("*url.Error", 'Post "https://api.smsgate.example/v1/messages": context deadline exceeded (Client.Timeout exceeded while awaiting headers)'), ("send pickup sms to parcel {id}", ASYNQ_FAIL)),
        (see("sentry.error", 2), see("datadog.log", 2, **WORKER_LOGS), see("datadog.task", **TASKS), see("splunk", 2, queue="notify", **WORKER_SEARCH)),
        classes=(2, 9), pair="dn-overdue-email", entry="notify:pickup_code", log="task failed", span=2),
    Bug("dn-overdue-email", "locker-worker", wrap(Exc("*smtp.Error", "550 5.1.1 <{email}>: Recipient address rejected: User unknown"), ("send overdue reminder for parcel {id}", ASYNQ_FAIL)),
        (see("sentry.error", 2), see("sentry.issue"), see("datadog.log", 2, **WORKER_LOGS), see("splunk", queue="notify", **WORKER_SEARCH)),
        classes=(2, 9), pair="dn-sms-pickup-code", entry="notify:overdue", log="task failed"),
    # The courier hand-off task under the deadline of Asynq's own context.
    Bug("dn-handoff-deadline", "locker-worker", wrap(Exc("context.deadlineExceededError", "context deadline exceeded"), ("query courier route", ASYNQ_FAIL), ("handoff:assign", ASYNQ_FAIL)),
        (see("sentry.error", 2), see("datadog.task", **TASKS), see("datadog.log", **WORKER_LOGS), see("splunk", 2, queue="handoff", **WORKER_SEARCH)),
        classes=(8,), entry="handoff:assign", log="task failed"),
    Bug("dn-bank-telemetry-json", "locker-api", wrap(Exc("*json.UnmarshalTypeError", "json: cannot unmarshal string into Go struct field Telemetry.door_states of type []locker.DoorState"), ("decode telemetry", (*GIN_HTTP, app("handlers", "(*BankHandler).Telemetry", "handlers/banks.go", 102)))),
        (see("sentry.error", 2), see("datadog.apm", **API_TYPES), see("datadog.log", **API_LOGS), see("splunk", 2, **API_SEARCH)),
        entry="POST /v1/banks/{id}/telemetry", log="telemetry rejected"),
    Bug("dn-callback-signature", "locker-worker", wrap(Exc("*errors.errorString", "signature mismatch"), ("verify carrier webhook {hex}", ASYNQ_FAIL)),
        (see("sentry.error", 2), see("datadog.log", **WORKER_LOGS), see("splunk", 2, queue="callbacks", **WORKER_SEARCH)),
        classes=(9,), entry="carrier:callback", log="task failed"),
    Bug("dn-expire-deadlock", "locker-worker", wrap(Exc("*pgconn.PgError", "ERROR: deadlock detected (SQLSTATE 40P01)"), ("expire reservations", ASYNQ_FAIL)),
        (see("sentry.error", 2), see("datadog.task", **TASKS), see("splunk", 2, queue="maintenance", **WORKER_SEARCH)),
        classes=(8,), entry="reservations:expire", log="task failed"),
    Bug("dn-label-font", "locker-api", wrap(Exc("*fs.PathError", "open /assets/fonts/Inter-Bold.ttf: no such file or directory"), ("render label", (*GIN_HTTP, app("handlers", "(*ParcelHandler).Label", "handlers/parcels.go", 140)))),
        (see("sentry.error"),),
        singleton=True, entry="GET /v1/parcels/{id}/label", log="label failed"),
]

NOISE = [
    Noise("dn-noise-deploy", "locker-api", "datadog.event", {"monitor": "Deployed locker-api v1.48.0", "text": "Argo CD synced locker-api to v1.48.0 (3/3 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": TEAM}),
    Noise("dn-noise-panics-recovered", "locker-api", "datadog.log", {**PANICS, "transition": "Recovered", "alert_type": "success", "text": "No recovered panics in the last 10m."}),
    Noise("dn-noise-asynq-start", "locker-worker", "splunk", {**WORKER_SEARCH, "line": "asynq: pid=1 2026/03/04 06:00:02.113402 INFO: Starting processing"}),
]

YEWBARROW = Company(
    key="dn",
    name="Yewbarrow Lockers",
    domain="yewbarrow.example",
    sentry_org="yewbarrow",
    splunk_url="https://yewbarrow.splunkcloud.com",
    splunk_guid="A4D0E7B3-52C9-4E1F-8B36-0F7C2D9E6A18",
    datadog_org=("741203", "Yewbarrow"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("v1.46.0", "v1.47.0", "v1.48.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="yewbarrow-sentry-client-secret",
)
# fmt: on
