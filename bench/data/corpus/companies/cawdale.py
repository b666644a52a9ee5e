"""(cu) Cawdale Lettings, a letting agency's back office: a Go tenancy API on Echo v4 with ent
over Postgres (``tenancy-api``) and River job workers in the same module (``river-worker``:
landlord payouts, rent reminders, bank-payment imports, deposit registration).

Logs are ``log/slog``'s JSON handler on stdout: the API's request logger writes Echo's
``REQUEST_ERROR`` record (the error's text only), Echo's ``Recover`` middleware prints panics
through Echo's own gommon logger, River's executor logs ``Job errored`` / ``Job panicked``.
Sentry: sentry-go's Echo middleware on the API and a River middleware of the team's own that
captures a job's returned error. Datadog: the plugin's recommended template, log monitors on
the worker, APM monitors on the API (dd-trace-go's Echo integration). No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import GOSRC, go, golib

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "tenancy-api": Service("tenancy-api", "go", "cu-echo-slog", "cawdale:tenancy-api:json", "/var/log/containers/tenancy-api.log", "cawdale_prod", 6620011, "go1.23.5", framework="echo"),
    "river-worker": Service("river-worker", "go", "cu-river-slog", "cawdale:river-worker:json", "/var/log/containers/river-worker.log", "cawdale_prod", 6620014, "go1.23.5", framework="river"),
}

ECHO = "/go/pkg/mod/github.com/labstack/echo/v4@v4.13.3/"
RIVER = "/go/pkg/mod/github.com/riverqueue/river@v0.15.0/"
ENT = "/go/pkg/mod/entgo.io/ent@v0.14.1/"
MOD = "cawdale.example/lettings/"

ECHO_HTTP = (
    golib("net/http", "(*conn).serve", GOSRC + "net/http/server.go", 2092),
    golib("net/http", "serverHandler.ServeHTTP", GOSRC + "net/http/server.go", 3210),
    golib("github.com/labstack/echo/v4", "(*Echo).ServeHTTP", ECHO + "echo.go", 668),
    golib("github.com/labstack/echo/v4/middleware", "RecoverWithConfig.func1.1", ECHO + "middleware/recover.go", 131),
    golib("github.com/getsentry/sentry-go/echo", "(*handler).handle.func1", "/go/pkg/mod/github.com/getsentry/sentry-go/echo@v0.31.1/sentryecho.go", 95),
    golib("github.com/labstack/echo/v4/middleware", "RequestLoggerConfig.ToMiddleware.func1.1", ECHO + "middleware/request_logger.go", 286),
    golib("github.com/labstack/echo/v4", "(*Echo).add.func1", ECHO + "echo.go", 582),
)
ECHO_RECOVER = (golib("github.com/labstack/echo/v4/middleware", "RecoverWithConfig.func1.1.1", ECHO + "middleware/recover.go", 99),)
RIVER_JOB = (
    golib("github.com/riverqueue/river", "(*jobExecutor).Execute", RIVER + "job_executor.go", 131),
    golib("github.com/riverqueue/river", "(*jobExecutor).execute", RIVER + "job_executor.go", 211),
    golib("github.com/riverqueue/river", "(*jobExecutor).execute.func2", RIVER + "job_executor.go", 196),
    go(MOD + "internal/jobs", "sentryMiddleware.Work", "/src/internal/jobs/middleware.go", 34),
    golib("github.com/riverqueue/river", "(*wrapperWorkUnit[...]).Work", RIVER + "work_unit_wrapper.go", 30),
)
RIVER_RECOVER = (golib("github.com/riverqueue/river", "(*jobExecutor).execute.func1", RIVER + "job_executor.go", 172),)
ENT_ONLY = (golib("entgo.io/ent/dialect/sql/sqlgraph", "QueryNodes", ENT + "dialect/sql/sqlgraph/graph.go", 1102),)
ENT_SAVE = (golib("entgo.io/ent/dialect/sql/sqlgraph", "CreateNode", ENT + "dialect/sql/sqlgraph/graph.go", 1163), golib("entgo.io/ent/dialect/sql", "(*Tx).Exec", ENT + "dialect/sql/driver.go", 186))
# The open-banking client's one request helper ends two bugs.
OB_DO = go(MOD + "internal/openbanking", "(*Client).do", "/src/internal/openbanking/client.go", 88)

DD_API = dict(team="lettings", monitor="tenancy-api errors by type")
DD_JOBS = dict(team="lettings", monitor="River jobs erroring", filter="service:river-worker status:error env:prod")
NIL = "runtime error: invalid memory address or nil pointer dereference"


def h(pkg: str, fn: str, file: str, line: int) -> Frame:
    return go(MOD + "internal/" + pkg, fn, "/src/internal/" + file, line)


def ent(fn: str, file: str, line: int) -> Frame:
    """ent's generated code lives in the app's module (``ent/``), so sentry-go marks it in-app."""
    return go(MOD + "ent", fn, "/src/ent/" + file, line)


def wrap(inner: Exc, outer: str, frames: tuple[Frame, ...]) -> tuple[Exc, Exc]:
    return (inner, Exc("*fmt.wrapError", outer, frames))


BUGS = [
    # ent's NotFoundError for two entities: a tenancy id the portal still links to, a landlord
    # deleted while a payout for them sat in the queue.
    Bug("cu-tenancy-not-found", "tenancy-api", wrap(Exc("*ent.NotFoundError", "ent: tenancy not found"), "rent schedule for tenancy {id}: ent: tenancy not found", (*ECHO_HTTP, h("http", "(*Handler).GetRentSchedule", "http/tenancies.go", 64), h("rent", "(*Service).Schedule", "rent/schedule.go", 41), ent("(*TenancyQuery).Only", "tenancy_query.go", 281), *ENT_ONLY)),
        (see("sentry.error", 3), see("splunk", 2, status=500), see("datadog.apm", **DD_API), see("sentry.issue")),
        classes=(4,), pair="cu-landlord-not-found", entry="GET /v1/tenancies/{tenancy_id}/rent-schedule"),
    Bug("cu-landlord-not-found", "river-worker", wrap(Exc("*ent.NotFoundError", "ent: landlord not found"), "payout {id}: load landlord: ent: landlord not found", (*RIVER_JOB, h("jobs", "(*LandlordPayoutWorker).Work", "jobs/payout.go", 52), ent("(*LandlordQuery).Only", "landlord_query.go", 266), *ENT_ONLY)),
        (see("sentry.error", 2), see("splunk", 3, queue="payouts"), see("datadog.log", style="kind", **DD_JOBS)),
        classes=(4, 8), pair="cu-tenancy-not-found", entry="landlord_payout"),
    # The same nil dereference in a handler (recovered by Echo) and in a River worker
    # (recovered by River).
    Bug("cu-deposit-nil", "tenancy-api", (Exc("runtime.Error", NIL, (*ECHO_HTTP, h("http", "(*Handler).GetDepositStatement", "http/deposits.go", 77), h("deposits", "statementLines", "deposits/statement.go", 118))),),
        (see("sentry.error", 3), see("splunk", 2, format="cu-echo-recover", recover=ECHO_RECOVER), see("datadog.log", text="Panic recovered on {{log.service}}:\n\n```\n{{log.attributes.message}}\n```", format="cu-echo-recover", recover=ECHO_RECOVER, team="lettings", monitor="tenancy-api panics", filter="service:tenancy-api prefix:echo")),
        classes=(4, 1), pair="cu-inspection-nil", entry="GET /v1/deposits/{deposit_id}/statement"),
    Bug("cu-inspection-nil", "river-worker", (Exc("runtime.Error", NIL, (*RIVER_JOB, h("jobs", "(*InspectionReminderWorker).Work", "jobs/inspection.go", 39), h("notify", "(*Mailer).InspectionDue", "notify/mailer.go", 140))),),
        (see("sentry.error", 2), see("splunk", 2, recover=RIVER_RECOVER, queue="reminders"), see("datadog.log", text="River job {{log.attributes.job_kind}} panicked: {{log.attributes.panic_val}}", recover=RIVER_RECOVER, **DD_JOBS)),
        classes=(4, 1), pair="cu-deposit-nil", entry="inspection_reminder"),
    # Two unique indexes, two code paths: the tenancy reference typed by an agent, a bank
    # statement line imported twice.
    Bug("cu-unique-tenancy-ref", "tenancy-api", wrap(Exc("*ent.ConstraintError", 'ent: constraint failed: ERROR: duplicate key value violates unique constraint "tenancies_reference_key" (SQLSTATE 23505)'), 'create tenancy: ent: constraint failed: ERROR: duplicate key value violates unique constraint "tenancies_reference_key" (SQLSTATE 23505)', (*ECHO_HTTP, h("http", "(*Handler).CreateTenancy", "http/tenancies.go", 112), ent("(*TenancyCreate).Save", "tenancy_create.go", 171), *ENT_SAVE)),
        (see("sentry.error", 3), see("splunk", 3, status=500), see("datadog.apm", **DD_API)),
        classes=(4,), pair="cu-unique-payment-ref", entry="POST /v1/tenancies"),
    Bug("cu-unique-payment-ref", "river-worker", wrap(Exc("*ent.ConstraintError", 'ent: constraint failed: ERROR: duplicate key value violates unique constraint "payments_bank_ref_key" (SQLSTATE 23505)'), 'import statement {uuid}: line {n}: ent: constraint failed: ERROR: duplicate key value violates unique constraint "payments_bank_ref_key" (SQLSTATE 23505)', (*RIVER_JOB, h("jobs", "(*BankImportWorker).Work", "jobs/bankimport.go", 71), h("payments", "(*Importer).insertLine", "payments/import.go", 96), ent("(*PaymentCreate).Save", "payment_create.go", 188), *ENT_SAVE)),
        (see("sentry.error", 2), see("splunk", 2, queue="imports"), see("datadog.log", style="kind", **DD_JOBS), see("sentry.alert", rule="river-worker: new issue")),
        classes=(4,), pair="cu-unique-tenancy-ref", entry="bank_statement_import"),
    # The open-banking client: the balance call fails on a revoked consent, the payout call
    # times out; both end in the client's request helper.
    Bug("cu-ob-balance-401", "tenancy-api", (Exc("*openbanking.APIError", "openbanking: GET /accounts/{uuid}/balances: 401 Unauthorized: consent revoked", (*ECHO_HTTP, h("http", "(*Handler).GetLandlordBalance", "http/landlords.go", 58), h("openbanking", "(*Client).Balance", "openbanking/accounts.go", 33), OB_DO)),),
        (see("sentry.error", 3), see("splunk", 2, status=502), see("datadog.apm", **DD_API)),
        classes=(9,), pair="cu-ob-payout-timeout", entry="GET /v1/landlords/{landlord_id}/balance"),
    Bug("cu-ob-payout-timeout", "river-worker", (Exc("context.deadlineExceededError", "context deadline exceeded"), Exc("*url.Error", 'Post "https://api.openbank.example/payments/domestic": context deadline exceeded', (*RIVER_JOB, h("jobs", "(*LandlordPayoutWorker).Work", "jobs/payout.go", 81), h("openbanking", "(*Client).CreatePayment", "openbanking/payments.go", 47), OB_DO, golib("net/http", "(*Client).Do", GOSRC + "net/http/client.go", 590)))),
        (see("sentry.error", 3), see("splunk", 2, queue="payouts"), see("datadog.log", style="kind", **DD_JOBS)),
        classes=(9,), pair="cu-ob-balance-401", entry="landlord_payout", span=2),
    # One rent-schedule builder, two panics: months divided by a zero frequency, and an
    # index past the schedule's end.
    Bug("cu-rent-divzero", "tenancy-api", (Exc("runtime.Error", "runtime error: integer divide by zero", (*ECHO_HTTP, h("http", "(*Handler).GetRentSchedule", "http/tenancies.go", 66), h("rent", "(*Service).Schedule", "rent/schedule.go", 47), h("rent", "buildInstalments", "rent/instalments.go", 29))),),
        (see("sentry.error", 3), see("splunk", 2, format="cu-echo-recover", recover=ECHO_RECOVER), see("datadog.apm", style="message", **DD_API)),
        classes=(1,), pair="cu-rent-index", entry="GET /v1/tenancies/{tenancy_id}/rent-schedule"),
    Bug("cu-rent-index", "tenancy-api", (Exc("runtime.Error", "runtime error: index out of range [12] with length 12", (*ECHO_HTTP, h("http", "(*Handler).GetRentSchedule", "http/tenancies.go", 66), h("rent", "(*Service).Schedule", "rent/schedule.go", 47), h("rent", "buildInstalments", "rent/instalments.go", 44))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, format="cu-echo-recover", recover=ECHO_RECOVER), see("datadog.apm", style="message", **DD_API)),
        classes=(1,), pair="cu-rent-divzero", entry="GET /v1/tenancies/{tenancy_id}/rent-schedule", span=2),
    # Two River jobs under one log monitor: a reminder template reading a nil tenant, the
    # deposit scheme's API down.
    Bug("cu-reminder-template", "river-worker", (Exc("template.ExecError", 'template: rent_reminder:14:17: executing "rent_reminder" at <.Tenant.FirstName>: nil pointer evaluating *ent.Tenant.FirstName', (*RIVER_JOB, h("jobs", "(*RentReminderWorker).Work", "jobs/reminder.go", 45), h("notify", "(*Mailer).RentDue", "notify/mailer.go", 77), golib("text/template", "(*Template).Execute", GOSRC + "text/template/exec.go", 216))),),
        (see("sentry.error", 3), see("splunk", 2, queue="reminders"), see("datadog.log", 2, style="kind", **DD_JOBS)),
        classes=(2,), pair="cu-deposit-scheme-503", entry="rent_reminder", span=2, renames={"RentDue": "SendRentDue"}),
    Bug("cu-deposit-scheme-503", "river-worker", wrap(Exc("*depositscheme.StatusError", "unexpected status 503 Service Unavailable"), "register deposit DPS-{n}{id}: unexpected status 503 Service Unavailable", (*RIVER_JOB, h("jobs", "(*DepositProtectWorker).Work", "jobs/deposit.go", 38), h("depositscheme", "(*Client).Register", "depositscheme/client.go", 102))),
        (see("sentry.error", 2), see("splunk", 3, queue="deposits"), see("datadog.log", 2, style="kind", **DD_JOBS)),
        classes=(2,), pair="cu-reminder-template", entry="deposit_protect"),
    # ent's NotSingularError on a property with two primary contacts, over three releases.
    Bug("cu-contact-not-singular", "tenancy-api", wrap(Exc("*ent.NotSingularError", "ent: contact not singular"), "primary contact for property {id}: ent: contact not singular", (*ECHO_HTTP, h("http", "(*Handler).GetPrimaryContact", "http/properties.go", 91), h("contacts", "(*Service).Primary", "contacts/service.go", 27), ent("(*ContactQuery).Only", "contact_query.go", 275), *ENT_ONLY)),
        (see("sentry.error", 4), see("splunk", 2, status=500), see("datadog.apm", **DD_API)),
        classes=(5,), entry="GET /v1/properties/{property_id}/primary-contact", span=3, renames={"GetPrimaryContact": "PrimaryContact"}),
    # Inventory photos to S3 after the bucket policy changed: aws-sdk-go-v2's operation error.
    Bug("cu-s3-access-denied", "river-worker", (Exc("*smithy.GenericAPIError", "api error AccessDenied: Access Denied"), Exc("*smithy.OperationError", "operation error S3: PutObject, https response error StatusCode: 403, RequestID: {hex}, HostID: {uuid}, api error AccessDenied: Access Denied", (*RIVER_JOB, h("jobs", "(*InventoryPhotoWorker).Work", "jobs/photos.go", 57), h("storage", "(*Bucket).Put", "storage/s3.go", 36), golib("github.com/aws/aws-sdk-go-v2/service/s3", "(*Client).PutObject", "/go/pkg/mod/github.com/aws/aws-sdk-go-v2/service/s3@v1.72.0/api_op_PutObject.go", 740)))),
        (see("sentry.error", 2), see("splunk", 2, queue="default"), see("datadog.log", style="kind", **DD_JOBS)),
        entry="inventory_photo_upload"),
    # Postgres refusing connections during a failover: both services, one problem.
    Bug("cu-pg-refused", "tenancy-api", (Exc("*net.OpError", "dial tcp 10.40.3.12:5432: connect: connection refused"), Exc("*pgconn.ConnectError", "failed to connect to `user=lettings database=lettings`: 10.40.3.12:5432 (pg-primary.cawdale.internal): dial error: dial tcp 10.40.3.12:5432: connect: connection refused", (*ECHO_HTTP, h("http", "(*Handler).ListArrears", "http/arrears.go", 40), ent("(*TenancyQuery).All", "tenancy_query.go", 330), golib("github.com/jackc/pgx/v5/pgconn", "connectOne", "/go/pkg/mod/github.com/jackc/pgx/v5@v5.7.2/pgconn/pgconn.go", 353)))),
        (see("sentry.error", 2), see("splunk", 3, status=500), see("datadog.apm", style="type", **DD_API)),
        classes=(8,), entry="GET /v1/arrears"),
    # A CSV export with a ragged row: reported once.
    Bug("cu-arrears-csv", "tenancy-api", wrap(Exc("*csv.ParseError", "record on line {n}: wrong number of fields"), "parse arrears import: record on line {n}: wrong number of fields", (*ECHO_HTTP, h("http", "(*Handler).ImportArrears", "http/arrears.go", 77), golib("encoding/csv", "(*Reader).Read", GOSRC + "encoding/csv/reader.go", 197))),
        (see("sentry.error"),), singleton=True, entry="POST /v1/arrears/import"),
]

NOISE = [
    Noise("cu-noise-deploy", "tenancy-api", "datadog.event", {"monitor": "Deployed tenancy-api 2.8.0", "text": "Argo CD synced tenancy-api to 2.8.0 (4/4 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("cu-noise-river-started", "river-worker", "splunk", {"search": "river-worker - errors", "line": '{"time":"2026-03-04T06:00:01.20331Z","level":"INFO","msg":"River client started","client_id":"river-worker-7d9c_2026_03_04T06_00_01_118812","queues":["default","payouts","reminders","imports","deposits"]}'}),
    Noise("cu-noise-recovered", "river-worker", "datadog.log", {"monitor": "River jobs erroring", "transition": "Recovered", "alert_type": "success", "text": "River jobs erroring is back under the threshold.", "team": "lettings", "filter": "service:river-worker status:error env:prod"}),
]

CAWDALE = Company(
    key="cu",
    name="Cawdale Lettings",
    domain="cawdale.example",
    sentry_org="cawdale",
    splunk_url="https://cawdale.splunkcloud.com",
    splunk_guid="5B0E7C41-2D9A-4F63-8E1B-C7A4D20F9E58",
    datadog_org=("4471903", "Cawdale Lettings"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("2.7.2", "2.8.0", "2.8.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="cawdale-sentry-client-secret",
)
