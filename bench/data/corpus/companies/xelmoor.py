"""(lo) Xelmoor Storage, self-storage units rented online: a Rails 7.1 API on Ruby 3.3 under
Puma (``api``: unit search, bookings, access codes for the smart gates, Stripe rent
collection, on PostgreSQL) and Sidekiq 7 workers (``sidekiq``: monthly invoices, rent
collection, gate access sync, SMS reminders), plus a ``bin/rails runner`` CronJob
(``reconcile``) reconciling Stripe payouts each night, all on Kubernetes.

Logs: rails_semantic_logger's JSON formatter to stdout (``named_tags`` with the request id,
the ``exception`` hash with ``name``, ``message``, ``stack_trace`` and ``cause``; the team's
``logger.error(message, payload, exception)``; the Sidekiq integration's ``Job raised
exception``; Sidekiq's own default error handler still installed, so each failure also writes
two ``warn`` records through the ``Sidekiq`` logger), and the CronJob's uncaught exceptions as
Ruby prints them on stderr, read by the OpenTelemetry Collector's ``filelog`` receiver and sent
to Splunk HEC (one saved search per service). Sentry: sentry-ruby with sentry-rails and
sentry-sidekiq. PostHog: posthog-ruby from a ``rescue_from``. Datadog: APM monitors by error
type on ``api``, one log monitor per service reading the JSON attributes, Sidekiq task
monitors. All four tools.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Seen, Service, see
from ..stacks import AR_INSERT, RAILS_REQUEST, SIDEKIQ_JOB, rb

# fmt: off
RUNTIME = "ruby 3.3.4"
SERVICES = {
    "api": Service("api", "ruby", "lo-semantic", "kube:container:api", "/var/log/pods/xelmoor_api/api/0.log", "xelmoor", 10810011, RUNTIME, framework="rails", sdk=("sentry.ruby.rails", "5.17.3", "gem:sentry-rails")),
    "sidekiq": Service("sidekiq", "ruby", "lo-semantic", "kube:container:sidekiq", "/var/log/pods/xelmoor_sidekiq/sidekiq/0.log", "xelmoor", 10810012, RUNTIME, framework="sidekiq", sdk=("sentry.ruby.sidekiq", "5.17.3", "gem:sentry-sidekiq")),
    "reconcile": Service("reconcile", "ruby", "lo-ruby-uncaught", "kube:container:reconcile", "/var/log/pods/xelmoor_reconcile/reconcile/0.log", "xelmoor", 10810011, RUNTIME, framework="rails", sdk=("sentry.ruby.rails", "5.17.3", "gem:sentry-rails")),
}
FIND = (rb("activerecord-7.1.3/lib/active_record/core.rb", "find", 268, lib=True),)
FARADAY = (
    rb("faraday-2.9.0/lib/faraday/connection.rb", "run_request", 445, lib=True),
    rb("faraday-net_http-3.1.0/lib/faraday/adapter/net_http.rb", "rescue in perform_request", 72, lib=True),
)
STRIPE = rb("stripe-10.10.0/lib/stripe/stripe_client.rb", "execute_request", 288, lib=True)
LOCKING = (
    rb("activerecord-7.1.3/lib/active_record/persistence.rb", "save!", 405, lib=True),
    rb("activerecord-7.1.3/lib/active_record/locking/optimistic.rb", "_update_row", 97, lib=True),
)
RUNNER = (
    rb("railties-7.1.3/lib/rails/commands/runner/runner_command.rb", "perform", 45, lib=True),
    rb("railties-7.1.3/lib/rails/commands/runner/runner_command.rb", "<main>", 1, lib=True),
)


def c(file: str, method: str, line: int) -> Frame:
    return rb(file, method, line)


def http(*frames: Frame) -> tuple[Frame, ...]:
    return (*RAILS_REQUEST, *frames)


def job(*frames: Frame) -> tuple[Frame, ...]:
    return (*SIDEKIQ_JOB, *frames)


API = {"search": "Xelmoor api errors", "owner": "xm_ops", "app": "xelmoor"}
JOBS = {"search": "Xelmoor sidekiq errors", "owner": "xm_ops", "app": "xelmoor"}
CRON = {"search": "Xelmoor reconcile cron", "owner": "xm_ops", "app": "xelmoor"}
APM = {"team": "storage", "monitor": "[api] errors by type"}
LOG_API = {"team": "storage", "monitor": "[api] exception logs", "filter": "service:api source:ruby status:error", "text": "**api** logged `{{log.attributes.exception.name}}` on {{log.host}}\n\n> {{log.attributes.exception.message}}"}
LOG_JOBS = {"team": "storage", "monitor": "[sidekiq] job exceptions", "filter": "service:sidekiq source:ruby status:error", "text": "Sidekiq job failed: `{{log.attributes.payload.job.class}}`\n\n{{log.attributes.exception.name}}: {{log.attributes.exception.message}}"}
LOG_CRON = {"team": "storage", "monitor": "[reconcile] cron stderr", "filter": "service:reconcile", "text": "Reconcile cron wrote to stderr:\n\n{{log.message}}", "sample_lines": 3}
TASK = {"team": "storage"}


def spl_api(n: int = 1, **opts: object) -> Seen:
    return see("splunk", n, **API, **opts)


def spl_jobs(n: int = 1, **opts: object) -> Seen:
    return see("splunk", n, **JOBS, **opts)


def dd_api(n: int = 1, **opts: object) -> Seen:
    return see("datadog.log", n, **LOG_API, **opts)


def dd_jobs(n: int = 1, **opts: object) -> Seen:
    return see("datadog.log", n, **LOG_JOBS, **opts)


def unique(index: str, key: str, frames: tuple[Frame, ...]) -> tuple[Exc, Exc]:
    pg = f'ERROR:  duplicate key value violates unique constraint "{index}"\nDETAIL:  Key ({key})=({{id}}) already exists.\n'
    return (Exc("UniqueViolation", pg, module="PG"), Exc("RecordNotUnique", f"PG::UniqueViolation: {pg}", frames, module="ActiveRecord"))


NIL_SIZE = "undefined method `size_sqft' for nil"
BAD_JSON = "unexpected token at '<html><head><title>502 Bad Gateway</title></head>'"
TIMEOUT = "Net::ReadTimeout with #<TCPSocket:(closed)>"
HTTP_HELPER = c("app/lib/xelmoor/http_client.rb", "request", 37)
CHARGER = c("app/services/payments/rent_charger.rb", "charge!", 31)

BUGS = [
    # The same nil unit size: a unit page in the API and the monthly invoice job.
    Bug("lo-unit-nil-size", "api", (Exc("NoMethodError", NIL_SIZE, http(c("app/controllers/api/v1/units_controller.rb", "show", 18), c("app/presenters/unit_presenter.rb", "price_per_sqft", 22))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("posthog", 2), spl_api(2), dd_api(), see("datadog.apm", **APM)),
        classes=(1, 4, 5), pair="lo-invoice-nil-size", entry="GET /api/v1/units/{id}", span=2, renames={"price_per_sqft": "monthly_rate_per_sqft"}),
    Bug("lo-invoice-nil-size", "sidekiq", (Exc("NoMethodError", NIL_SIZE, job(c("app/sidekiq/monthly_invoice_job.rb", "perform", 14), c("app/services/billing/rent_calculator.rb", "base_rent", 41))),),
        (see("sentry.error", 3), spl_jobs(2), spl_jobs(1, kind="sidekiq-warn", part="head"), dd_jobs(), see("datadog.task", **TASK)),
        classes=(1, 2, 4), pair="lo-unit-nil-size", entry="MonthlyInvoiceJob"),
    # One booking save, two unique indexes.
    Bug("lo-booking-unique-ref", "api", unique("index_bookings_on_reference", "reference", http(c("app/controllers/api/v1/bookings_controller.rb", "create", 27), c("app/models/booking.rb", "confirm!", 63), *AR_INSERT)),
        (see("sentry.error", 3), spl_api(2), dd_api(), see("datadog.apm", **APM)),
        classes=(1, 4, 9), pair="lo-booking-unique-unit", entry="POST /api/v1/bookings"),
    Bug("lo-booking-unique-unit", "api", unique("index_bookings_on_unit_id_and_starts_on", "unit_id, starts_on", http(c("app/controllers/api/v1/bookings_controller.rb", "create", 27), c("app/models/booking.rb", "confirm!", 63), *AR_INSERT)),
        (see("sentry.error", 2), see("posthog"), spl_api(2), dd_api(2), see("datadog.apm", **APM)),
        classes=(1, 4, 9), pair="lo-booking-unique-ref", entry="POST /api/v1/bookings"),
    # The rent charger: one function, two Stripe errors, under one search and one monitor.
    Bug("lo-rent-card-declined", "sidekiq", (Exc("CardError", "Your card was declined.", job(c("app/sidekiq/collect_rent_job.rb", "perform", 11), CHARGER, STRIPE), module="Stripe"),),
        (see("sentry.error", 3), spl_jobs(2), dd_jobs(2), see("datadog.task", **TASK), see("posthog")),
        classes=(1, 2, 9), pair="lo-rent-no-payment-method", entry="CollectRentJob"),
    Bug("lo-rent-no-payment-method", "sidekiq", (Exc("InvalidRequestError", "No such PaymentMethod: 'pm_{hex}'", job(c("app/sidekiq/collect_rent_job.rb", "perform", 11), CHARGER, STRIPE), module="Stripe"),),
        (see("sentry.error", 2), see("sentry.issue"), spl_jobs(2), spl_jobs(1, kind="sidekiq-warn", part="head"), dd_jobs()),
        classes=(1, 2, 9), pair="lo-rent-card-declined", entry="CollectRentJob"),
    # One HTTP helper at the end of two timeouts: the gate controller and the SMS gateway.
    Bug("lo-gate-sync-timeout", "sidekiq", (Exc("TimeoutError", TIMEOUT, job(c("app/sidekiq/sync_gate_codes_job.rb", "perform", 16), c("app/services/gates/nokeo_client.rb", "push_codes", 28), HTTP_HELPER, *FARADAY), module="Faraday"),),
        (see("sentry.error", 3), spl_jobs(2), spl_jobs(1, kind="sidekiq-warn", part="trace"), dd_jobs(), see("datadog.task", **TASK)),
        classes=(1, 2, 7, 9), pair="lo-sms-reminder-timeout", entry="SyncGateCodesJob"),
    Bug("lo-sms-reminder-timeout", "sidekiq", (Exc("TimeoutError", TIMEOUT, job(c("app/sidekiq/rent_reminder_job.rb", "perform", 9), c("app/services/messaging/sms_sender.rb", "deliver", 19), HTTP_HELPER, *FARADAY), module="Faraday"),),
        (see("sentry.error", 2), spl_jobs(2), dd_jobs(2)),
        classes=(1, 2, 7, 9), pair="lo-gate-sync-timeout", entry="RentReminderJob"),
    # RecordNotFound of two models on the same screen flow.
    Bug("lo-unit-not-found", "api", (Exc("RecordNotFound", "Couldn't find Unit with 'id'={id}", http(c("app/controllers/api/v1/access_codes_controller.rb", "create", 12), *FIND), module="ActiveRecord"),),
        (see("sentry.error", 3), spl_api(2), see("posthog")),
        classes=(1, 4), pair="lo-customer-not-found", entry="POST /api/v1/units/{id}/access_codes"),
    Bug("lo-customer-not-found", "sidekiq", (Exc("RecordNotFound", "Couldn't find Customer with 'id'={id}", job(c("app/sidekiq/rent_reminder_job.rb", "perform", 7), *FIND), module="ActiveRecord"),),
        (see("sentry.error", 2), spl_jobs(2), dd_jobs()),
        classes=(1, 4), pair="lo-unit-not-found", entry="RentReminderJob"),
    # The same JSON parse failure in two webhook controllers.
    Bug("lo-stripe-webhook-json", "api", (Exc("ParserError", BAD_JSON, http(c("app/controllers/webhooks/stripe_controller.rb", "create", 10), rb("json-2.7.1/lib/json/common.rb", "parse", 219, lib=True)), module="JSON"),),
        (see("sentry.error", 2), spl_api(2), dd_api(), see("datadog.apm", **APM)),
        classes=(1, 4), pair="lo-gate-webhook-json", entry="POST /webhooks/stripe"),
    Bug("lo-gate-webhook-json", "api", (Exc("ParserError", BAD_JSON, http(c("app/controllers/webhooks/gate_events_controller.rb", "create", 14), c("app/services/gates/event_parser.rb", "parse", 8), rb("json-2.7.1/lib/json/common.rb", "parse", 219, lib=True)), module="JSON"),),
        (see("sentry.error", 3), spl_api(2, kind="team"), dd_api()),
        classes=(1, 4), pair="lo-stripe-webhook-json", entry="POST /webhooks/gate_events", log="Gate event webhook rejected", logger="Webhooks::GateEventsController"),
    # Optimistic locking: two entities.
    Bug("lo-booking-stale", "api", (Exc("StaleObjectError", "Attempted to update a stale object: Booking.", http(c("app/controllers/api/v1/bookings_controller.rb", "update", 44), c("app/models/booking.rb", "extend_to!", 88), *LOCKING), module="ActiveRecord"),),
        (see("sentry.error", 2), see("posthog"), spl_api(2), dd_api(), see("datadog.apm", **APM)),
        classes=(1, 4), pair="lo-unit-stale", entry="PATCH /api/v1/bookings/{id}"),
    Bug("lo-unit-stale", "sidekiq", (Exc("StaleObjectError", "Attempted to update a stale object: Unit.", job(c("app/sidekiq/release_overdue_units_job.rb", "perform", 21), c("app/models/unit.rb", "release!", 52), *LOCKING), module="ActiveRecord"),),
        (see("sentry.error", 2), spl_jobs(2), dd_jobs(), see("datadog.task", **TASK)),
        classes=(1, 4), pair="lo-booking-stale", entry="ReleaseOverdueUnitsJob"),
    # The nightly reconcile runner: its two failures, one search, one monitor.
    Bug("lo-reconcile-payout-missing", "reconcile", (Exc("KeyError", "key not found: \"po_{hex}\"", (*RUNNER, c("lib/tasks/reconcile_payouts.rb", "<main>", 12), c("app/services/payments/payout_reconciler.rb", "match!", 47), c("app/services/payments/payout_reconciler.rb", "fetch", 47))),),
        (see("sentry.error", 2), see("splunk", 1, **CRON), see("splunk", 1, **CRON, part="head"), see("datadog.log", 2, **LOG_CRON)),
        classes=(1, 2, 10), pair="lo-reconcile-currency", entry="bin/rails runner lib/tasks/reconcile_payouts.rb"),
    Bug("lo-reconcile-currency", "reconcile", (Exc("ArgumentError", "currency mismatch: payout in eur, ledger in gbp", (*RUNNER, c("lib/tasks/reconcile_payouts.rb", "<main>", 12), c("app/services/payments/payout_reconciler.rb", "match!", 53), c("app/models/ledger_entry.rb", "settle_with", 71))),),
        (see("sentry.error", 2), see("splunk", 1, **CRON), see("splunk", 1, **CRON, part="head"), see("datadog.log", **LOG_CRON)),
        classes=(1, 2, 10), pair="lo-reconcile-payout-missing", entry="bin/rails runner lib/tasks/reconcile_payouts.rb"),
    # Not pairs.
    Bug("lo-pg-pool-timeout", "api", (Exc("ConnectionTimeoutError", "could not obtain a connection from the pool within 5.000 seconds (waited 5.001 seconds); all pooled connections were in use", http(c("app/controllers/api/v1/units_controller.rb", "index", 9), rb("activerecord-7.1.3/lib/active_record/connection_adapters/abstract/connection_pool/queue.rb", "wait_poll", 128, lib=True)), module="ActiveRecord"),),
        (see("sentry.error", 3), spl_api(3), dd_api(2), see("datadog.apm", **APM)),
        classes=(1, 2, 7), entry="GET /api/v1/units"),
    Bug("lo-access-code-format", "api", (Exc("ArgumentError", "invalid value for Integer(): \"{giftcode}\"", http(c("app/controllers/api/v1/access_codes_controller.rb", "verify", 31), c("app/models/access_code.rb", "normalise", 17))),),
        (see("sentry.error", 2), see("posthog", 2), spl_api(1, kind="team"), dd_api()),
        classes=(1, 2), entry="POST /api/v1/access_codes/verify", log="Access code verification failed", logger="Api::V1::AccessCodesController"),
    Bug("lo-invoice-pdf-memory", "sidekiq", (Exc("NoMemoryError", "failed to allocate memory", job(c("app/sidekiq/monthly_invoice_job.rb", "perform", 19), c("app/pdfs/invoice_pdf.rb", "render_lines", 88), rb("prawn-2.4.0/lib/prawn/document.rb", "render", 392, lib=True))),),
        (see("sentry.error", 2), spl_jobs(2), see("datadog.task", **TASK)),
        classes=(1, 2, 10), entry="MonthlyInvoiceJob"),
    Bug("lo-singleton-frozen-notes", "api", (Exc("FrozenError", "can't modify frozen String: \"Ground floor, near lift\"", http(c("app/controllers/api/v1/units_controller.rb", "update", 36), c("app/models/unit.rb", "append_note", 93))),),
        (see("sentry.error"),),
        singleton=True, entry="PATCH /api/v1/units/{id}"),
]

NOISE = [
    Noise("lo-noise-deploy", "api", "datadog.event", {"monitor": "Deployed api 2026.03.2", "text": "Argo CD synced xelmoor/api to 2026.03.2 (3 pods rolled).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "storage", "release": "2"}),
    Noise("lo-noise-jobs-recovered", "sidekiq", "datadog.log", {"monitor": "[sidekiq] job exceptions", "transition": "Recovered", "alert_type": "success", "team": "storage", "filter": "service:sidekiq source:ruby status:error", "text": "Sidekiq job exceptions back to normal."}),
    Noise("lo-noise-sidekiq-boot", "sidekiq", "splunk", {**JOBS, "line": "{\"host\":\"sidekiq-6c9f7b8d4-x2kqp\",\"application\":\"Semantic Logger\",\"environment\":\"production\",\"timestamp\":\"{ts}\",\"level\":\"info\",\"level_index\":2,\"pid\":1,\"thread\":\"main\",\"name\":\"Sidekiq\",\"message\":\"Sidekiq 7.2.2 connecting to Redis with options {size: 10, pool_name: \\\"internal\\\", url: \\\"redis://redis-master:6379/0\\\"}\"}"}),
]

XELMOOR = Company(
    key="lo",
    name="Xelmoor Storage",
    domain="xelmoor-storage.example",
    sentry_org="xelmoor",
    splunk_url="https://xelmoor.splunkcloud.com",
    splunk_guid="8C1F4E27-3A6D-4B90-9E52-7D0B1C6A4F38",
    datadog_org=("1081001", "Xelmoor Storage"),
    datadog_template="recommended",
    posthog_project=(108101, "Xelmoor Storage"),
    releases=("2026.03.0", "2026.03.1", "2026.03.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="xelmoor-sentry-client-secret",
)
# fmt: on
