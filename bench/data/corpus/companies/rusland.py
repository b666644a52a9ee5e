"""(jv) Rusland Plant Hire, a tool and plant hire chain: a Go 1.22 echo v4 API (``hire-api``:
bookings, quotes, depots, returns and damage inspections, deposits through Stripe; ent ORM over
Postgres) and a Temporal worker (``hire-worker``: the delivery and invoicing workflows'
activities: booking a courier, geocoding, invoice PDFs, telematics sync).

Logs: zerolog JSON with ``zerolog.ErrorStackMarshaler = pkgerrors.MarshalStack`` from the API's
``HTTPErrorHandler`` (``jv-zerolog-json``: ``stack`` only for pkg/errors-wrapped errors), echo's
``Recover`` middleware printing ``[PANIC RECOVER]`` with ``runtime.Stack`` through echo's own
gommon JSON logger (``jv-echo-recover``), and the Temporal SDK's ``Activity error.`` records
through a zerolog adapter (``jv-temporal``); posted to Splunk over HEC and read by the Datadog
agent. Sentry: sentry-go (sentryecho, and a Temporal interceptor in the worker). PostHog:
posthog-go ``$exception`` from the error handler. Datadog: log monitors pasting zerolog's
attributes and APM monitors by error type. All four tools.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import go, golib

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "hire-api": Service("hire-api", "go", "jv-zerolog-json", "_json", "http:hire-api", "hire", 9330101, "go1.22.7", framework="echo"),
    "hire-worker": Service("hire-worker", "go", "jv-temporal", "_json", "http:hire-worker", "hire", 9330102, "go1.22.7"),
}

GOSRC = "/usr/local/go/src/"
ECHO = "/go/pkg/mod/github.com/labstack/echo/v4@v4.12.0/"
ENT = "/go/pkg/mod/entgo.io/ent@v0.14.1/"
TEMPORAL = "/go/pkg/mod/go.temporal.io/sdk@v1.29.1/"
HTTP = (
    golib("net/http", "(*conn).serve", GOSRC + "net/http/server.go", 2092),
    golib("net/http", "serverHandler.ServeHTTP", GOSRC + "net/http/server.go", 3210),
    golib("github.com/labstack/echo/v4", "(*Echo).ServeHTTP", ECHO + "echo.go", 674),
    golib("github.com/labstack/echo/v4/middleware", "RequestIDWithConfig.func1.1", ECHO + "middleware/request_id.go", 69),
    golib("github.com/labstack/echo/v4/middleware", "RecoverWithConfig.func1.1", ECHO + "middleware/recover.go", 138),
    golib("github.com/getsentry/sentry-go/echo", "(*handler).handle.func1", "/go/pkg/mod/github.com/getsentry/sentry-go/echo@v0.29.1/sentryecho.go", 77),
)
PANIC = golib("runtime", "gopanic", GOSRC + "runtime/panic.go", 770)
SIGPANIC = golib("runtime", "sigpanic", GOSRC + "runtime/signal_unix.go", 917)
ACTIVITY = (
    golib("runtime", "goexit", GOSRC + "runtime/asm_amd64.s", 1700),
    golib("go.temporal.io/sdk/internal", "(*baseWorker).processTaskAsync.func1", TEMPORAL + "internal/internal_worker_base.go", 458),
    golib("go.temporal.io/sdk/internal", "(*activityTaskPoller).ProcessTask", TEMPORAL + "internal/internal_task_pollers.go", 1083),
    golib("go.temporal.io/sdk/internal", "(*activityTaskHandlerImpl).Execute", TEMPORAL + "internal/internal_task_handlers.go", 2105),
    golib("go.temporal.io/sdk/internal", "(*activityExecutor).Execute", TEMPORAL + "internal/internal_worker.go", 925),
    golib("reflect", "Value.Call", GOSRC + "reflect/value.go", 365),
)
MOD = "rusland.example/hire/"


def app(pkg: str, function: str, file: str, line: int) -> Frame:
    return go(MOD + pkg, function, f"/src/hire/{pkg}/{file}", line)


def ent(entity: str, op: str, line: int) -> tuple[Frame, ...]:
    """ent's generated query or create code for ``entity`` down to sqlgraph."""
    gen = f"/src/hire/internal/ent/{entity.lower()}_{'query' if op == 'Only' else 'create'}.go"
    if op == "Only":
        return (
            app("internal/ent", f"(*{entity}Query).Only", gen.rsplit("/", 1)[1], line),
        )
    return (
        app("internal/ent", f"(*{entity}Create).Save", gen.rsplit("/", 1)[1], line),
        golib("rusland.example/hire/internal/ent", "withHooks[...]", "/src/hire/internal/ent/ent.go", 507),
        app("internal/ent", f"(*{entity}Create).sqlSave", gen.rsplit("/", 1)[1], line + 41),
        golib("entgo.io/ent/dialect/sql/sqlgraph", "CreateNode", ENT + "dialect/sql/sqlgraph/graph.go", 1015),
    )


STRIPE_POST = app("internal/payments", "(*Client).post", "client.go", 64)
RATECARD = app("internal/pricing", "ParseRateCard", "ratecard.go", 42)

SPL = dict(search="hire-api - zerolog errors", owner="rl_ops", app="hire")
SPL_PANIC = dict(search="hire-api - PANIC RECOVER", owner="rl_ops", app="hire", format="jv-echo-recover", source="http:hire-api-echo")
SPL_ACT = dict(search="hire-worker - Activity error.", owner="rl_ops", app="hire")
DD = dict(team="hire", monitor="[hire-api] error logs", filter="service:hire-api status:error", text="hire-api: **{{log.attributes.message}}**\n\nerror: `{{log.attributes.error}}`\n{{log.attributes.method}} {{log.attributes.uri}}")
DD_PANIC = dict(team="hire", monitor="[hire-api] PANIC RECOVER", filter='service:hire-api "[PANIC RECOVER]"', format="jv-echo-recover", text="echo recovered a panic on {{log.host}}:\n\n```\n{{log.attributes.message}}\n```")
DD_ACT = dict(team="hire", monitor="[hire-worker] activity errors", filter='service:hire-worker @message:"Activity error."', text="Activity **{{log.attributes.ActivityType}}** failed (attempt {{log.attributes.Attempt}}, workflow {{log.attributes.WorkflowID}})\n\n{{log.attributes.Error}}")
APM = dict(team="hire", monitor="[hire-api] error spans by type", style="type")
APM_W = dict(team="hire", monitor="[hire-worker] activity spans by type", style="message")
P23505 = 'ent: constraint failed: ERROR: duplicate key value violates unique constraint "{c}" (SQLSTATE 23505)'
NIL = "runtime error: invalid memory address or nil pointer dereference"

BUGS = [
    # ent's NotFoundError for a booking, wrapped in two handlers.
    Bug("jv-extend-booking-missing", "hire-api", (Exc("*ent.NotFoundError", "ent: booking not found"), Exc("*errors.withStack", "extend booking {id}: ent: booking not found", (*HTTP, app("internal/httpapi", "(*Bookings).Extend", "bookings.go", 118), *ent("Booking", "Only", 412)))),
        (see("sentry.error", 3), see("posthog", 2), see("splunk", 2, **SPL, msg="extend booking"), see("datadog.log", **DD, msg="extend booking")),
        classes=(1, 4), pair="jv-invoice-booking-missing", entry="POST /v1/bookings/{id}/extend", log="extend booking", span=2),
    Bug("jv-invoice-booking-missing", "hire-api", (Exc("*ent.NotFoundError", "ent: booking not found"), Exc("*errors.withStack", "invoice for booking {id}: ent: booking not found", (*HTTP, app("internal/httpapi", "(*Invoices).ForBooking", "invoices.go", 47), app("internal/billing", "(*Service).InvoiceFor", "invoice.go", 29), *ent("Booking", "Only", 412)))),
        (see("sentry.error", 2), see("posthog"), see("splunk", 2, **SPL, msg="invoice for booking"), see("datadog.apm", **APM)),
        classes=(1, 4), pair="jv-extend-booking-missing", entry="GET /v1/bookings/{id}/invoice", log="invoice for booking"),
    # ent's ConstraintError on two tables.
    Bug("jv-booking-overlap", "hire-api", (Exc("*pgconn.PgError", 'ERROR: duplicate key value violates unique constraint "bookings_tool_id_starts_on_key" (SQLSTATE 23505)'), Exc("*ent.ConstraintError", P23505.replace("{c}", "bookings_tool_id_starts_on_key"), (*HTTP, app("internal/httpapi", "(*Bookings).Create", "bookings.go", 71), *ent("Booking", "Create", 268)))),
        (see("sentry.error", 3), see("posthog"), see("splunk", 2, **SPL, msg="create booking"), see("datadog.log", 2, **DD, msg="create booking")),
        classes=(1, 2, 4), pair="jv-customer-email-dup", entry="POST /v1/bookings", log="create booking"),
    Bug("jv-customer-email-dup", "hire-api", (Exc("*pgconn.PgError", 'ERROR: duplicate key value violates unique constraint "customers_email_key" (SQLSTATE 23505)'), Exc("*ent.ConstraintError", P23505.replace("{c}", "customers_email_key"), (*HTTP, app("internal/httpapi", "(*Customers).Register", "customers.go", 39), *ent("Customer", "Create", 233)))),
        (see("sentry.error", 2), see("posthog", 2), see("splunk", 2, **SPL, msg="register customer"), see("datadog.log", **DD, msg="register customer")),
        classes=(1, 2, 4), pair="jv-booking-overlap", entry="POST /v1/customers", log="register customer"),
    # Nil dereferences caught by echo's Recover in two handlers.
    Bug("jv-quote-nil", "hire-api", (Exc("runtime.errorString", NIL, (*HTTP, app("internal/httpapi", "(*Quotes).Price", "quotes.go", 54), app("internal/pricing", "ForTool", "price.go", 23), SIGPANIC, PANIC)),),
        (see("sentry.error", 3), see("splunk", 2, **SPL_PANIC), see("splunk", **SPL, kind="recovered"), see("datadog.log", 2, **DD_PANIC)),
        classes=(1, 2, 4, 10), pair="jv-inspect-nil", entry="GET /v1/quotes", span=2, renames={"(*Quotes).Price": "(*Quotes).Quote"}),
    Bug("jv-inspect-nil", "hire-api", (Exc("runtime.errorString", NIL, (*HTTP, app("internal/httpapi", "(*Returns).Inspect", "returns.go", 83), app("internal/damage", "Assess", "assess.go", 31), SIGPANIC, PANIC)),),
        (see("sentry.error", 2), see("splunk", **SPL_PANIC), see("datadog.log", 2, **DD_PANIC)),
        classes=(1, 2, 4, 10), pair="jv-quote-nil", entry="POST /v1/returns/{id}/inspection"),
    # One activity, one saved search and one monitor: the courier down and an address it cannot geocode.
    Bug("jv-courier-503", "hire-worker", (Exc("*errors.withStack", "book courier: POST https://api.fellside-couriers.example/v2/jobs: 503 Service Unavailable", (*ACTIVITY, app("internal/activities", "(*Activities).BookCourier", "courier.go", 44), app("internal/courier", "(*Client).CreateJob", "jobs.go", 58))),),
        (see("sentry.error", 2), see("splunk", 2, **SPL_ACT), see("datadog.log", 2, **DD_ACT), see("datadog.apm", **APM_W)),
        classes=(1, 2, 9), pair="jv-courier-geocode", entry="activity:BookCourier"),
    Bug("jv-courier-geocode", "hire-worker", (Exc("*errors.withStack", 'book courier: geocode "{n} Mill Lane, Unit {idx}": ZERO_RESULTS', (*ACTIVITY, app("internal/activities", "(*Activities).BookCourier", "courier.go", 37), app("internal/geo", "(*Geocoder).Lookup", "geocode.go", 71))),),
        (see("sentry.error", 2), see("splunk", 2, **SPL_ACT), see("datadog.log", 2, **DD_ACT)),
        classes=(1, 2), pair="jv-courier-503", entry="activity:BookCourier"),
    # Two Stripe errors ending in one payments client helper.
    Bug("jv-deposit-declined", "hire-api", (Exc("*stripe.Error", '{"code":"card_declined","decline_code":"insufficient_funds","doc_url":"https://stripe.com/docs/error-codes/card-declined","status":402,"message":"Your card has insufficient funds.","request_id":"{req}","type":"card_error"}', (*HTTP, app("internal/httpapi", "(*Deposits).Capture", "deposits.go", 52), app("internal/payments", "(*Client).CaptureDeposit", "deposits.go", 33), STRIPE_POST)),),
        (see("sentry.error", 3), see("posthog", 2), see("splunk", **SPL, msg="capture deposit"), see("datadog.apm", **APM)),
        classes=(1, 9), pair="jv-refund-idempotency", entry="POST /v1/bookings/{id}/deposit", log="capture deposit"),
    Bug("jv-refund-idempotency", "hire-api", (Exc("*stripe.Error", '{"status":400,"message":"Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than \'{key}\' if you meant to execute a different request.","request_id":"{req}","type":"idempotency_error"}', (*HTTP, app("internal/httpapi", "(*Returns).Refund", "returns.go", 131), app("internal/payments", "(*Client).RefundDeposit", "refunds.go", 27), STRIPE_POST)),),
        (see("sentry.error", 2), see("splunk", 2, **SPL, msg="refund deposit"), see("datadog.log", **DD, msg="refund deposit")),
        classes=(1, 2, 9), pair="jv-deposit-declined", entry="POST /v1/returns/{id}/refund", log="refund deposit"),
    # One rate-card parser: a bad price and broken JSON.
    Bug("jv-ratecard-price", "hire-api", (Exc("*strconv.NumError", 'strconv.ParseFloat: parsing "£{n}.50": invalid syntax', (*HTTP, app("internal/httpapi", "(*Depots).RateCard", "depots.go", 66), RATECARD, golib("strconv", "ParseFloat", GOSRC + "strconv/atof.go", 689))),),
        (see("sentry.error", 2), see("posthog"), see("splunk", 2, **SPL, msg="load rate card"), see("datadog.log", **DD, msg="load rate card")),
        classes=(1, 2, 4), pair="jv-ratecard-json", entry="GET /v1/depots/{id}/ratecard", log="load rate card"),
    Bug("jv-ratecard-json", "hire-api", (Exc("*json.SyntaxError", "invalid character '}' looking for beginning of object key string", (*HTTP, app("internal/httpapi", "(*Depots).RateCard", "depots.go", 66), RATECARD, golib("encoding/json", "Unmarshal", GOSRC + "encoding/json/decode.go", 113))),),
        (see("sentry.error", 2), see("splunk", 2, **SPL, msg="load rate card"), see("datadog.apm", **APM)),
        classes=(1, 4), pair="jv-ratecard-price", entry="GET /v1/depots/{id}/ratecard", log="load rate card"),
    # Availability calendar index out of range, over three releases, its caller renamed.
    Bug("jv-calendar-index", "hire-api", (Exc("runtime.boundsError", "runtime error: index out of range [{idx}] with length 7", (*HTTP, app("internal/httpapi", "(*Tools).Availability", "tools.go", 92), app("internal/calendar", "weekSlots", "week.go", 19), PANIC)),),
        (see("sentry.error", 3), see("splunk", 2, **SPL_PANIC), see("datadog.log", **DD_PANIC), see("datadog.apm", **APM)),
        classes=(1, 2, 5, 10), entry="GET /v1/tools/{id}/availability", span=3, renames={"(*Tools).Availability": "(*Tools).Calendar"}),
    # The invoice PDF activity: the disk full.
    Bug("jv-invoice-pdf-disk", "hire-worker", (Exc("*fs.PathError", "open /tmp/invoices/INV-{id}.pdf: no space left on device", (*ACTIVITY, app("internal/activities", "(*Activities).RenderInvoicePDF", "invoice.go", 58), golib("os", "OpenFile", GOSRC + "os/file.go", 366))),),
        (see("sentry.error", 2), see("splunk", 2, **SPL_ACT), see("datadog.log", **DD_ACT)),
        classes=(1, 2), entry="activity:RenderInvoicePDF"),
    # The API's pool refused by Postgres.
    Bug("jv-pg-too-many", "hire-api", (Exc("*pgconn.ConnectError", "failed to connect to `user=hire database=hire`: 10.30.{n}.4:5432 (pg-hire-rw): server error: FATAL: sorry, too many clients already (SQLSTATE 53300)"), Exc("*errors.withStack", "list tools: failed to connect to `user=hire database=hire`: 10.30.{n}.4:5432 (pg-hire-rw): server error: FATAL: sorry, too many clients already (SQLSTATE 53300)", (*HTTP, app("internal/httpapi", "(*Tools).List", "tools.go", 41), app("internal/ent", "(*ToolQuery).All", "tool_query.go", 389)))),
        (see("sentry.error", 2), see("splunk", 2, **SPL, msg="list tools"), see("datadog.log", **DD, msg="list tools"), see("datadog.apm", **APM)),
        classes=(1, 2), entry="GET /v1/tools", log="list tools"),
    # Telematics sync: the tracker vendor's token expired.
    Bug("jv-telematics-401", "hire-worker", (Exc("*telematics.APIError", "telematics: GET /v1/units/{hex}/position: 401 Unauthorized: token expired", (*ACTIVITY, app("internal/activities", "(*Activities).SyncTelematics", "telematics.go", 29), app("internal/telematics", "(*Client).Position", "client.go", 84))),),
        (see("sentry.error", 2), see("splunk", **SPL_ACT, workflow="TelematicsSyncWorkflow", queue="telematics"), see("datadog.log", **DD_ACT, workflow="TelematicsSyncWorkflow", queue="telematics")),
        classes=(1, 2), entry="activity:SyncTelematics"),
    # ent's validator on a booking's hire days.
    Bug("jv-hire-days-validator", "hire-api", (Exc("*ent.ValidationError", 'ent: validator failed for field "Booking.hire_days": value out of range'), Exc("*errors.withStack", 'create booking: ent: validator failed for field "Booking.hire_days": value out of range', (*HTTP, app("internal/httpapi", "(*Bookings).Create", "bookings.go", 71), app("internal/ent", "(*BookingCreate).check", "booking_create.go", 301)))),
        (see("sentry.error", 2), see("posthog", 2), see("splunk", **SPL, msg="create booking")),
        classes=(1,), entry="POST /v1/bookings", log="create booking"),
    Bug("jv-singleton-ws", "hire-api", (Exc("*errors.errorString", "websocket: close 1006 (abnormal closure): unexpected EOF", (*HTTP, app("internal/httpapi", "(*Tracking).Stream", "tracking.go", 27))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /v1/tracking/stream"),
]

NOISE = [
    Noise("jv-noise-deploy", "hire-api", "datadog.event", {"monitor": "Deploy", "text": "hire-api v2.14.0 deployed to hire-prod (4/4 tasks healthy).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "hire"}),
    Noise("jv-noise-worker-recovered", "hire-worker", "datadog.log", {"monitor": "[hire-worker] activity errors", "text": "Recovered: hire-worker activity errors back under threshold.", "transition": "Recovered", "alert_type": "success", "team": "hire", "filter": 'service:hire-worker @message:"Activity error."'}),
    Noise("jv-noise-poller", "hire-worker", "splunk", {"search": "hire-worker - Activity error.", "owner": "rl_ops", "app": "hire", "line": '{"level":"warn","Namespace":"hire-prod","TaskQueue":"dispatch","WorkerID":"1@hire-worker@","Error":"context deadline exceeded","time":"{ts}","message":"Failed to poll for task."}'}),
]

RUSLAND = Company(
    key="jv",
    name="Rusland Plant Hire",
    domain="rusland.example",
    sentry_org="rusland",
    splunk_url="https://rusland.splunkcloud.com",
    splunk_guid="8B1E4D27-3C90-4F6A-A215-7D9E0C3B6F48",
    datadog_org=("931930", "Rusland Plant Hire"),
    datadog_template="recommended",
    posthog_project=(93301, "Hire API"),
    releases=("v2.13.0", "v2.13.2", "v2.14.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="rusland-sentry-client-secret",
)
# fmt: on
