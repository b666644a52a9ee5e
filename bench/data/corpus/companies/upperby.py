"""(gy) Upperby Cycles, e-bike subscriptions and repairs: a Rails 7.2 app on Ruby 3.3 under
Puma (``web``) and Sidekiq 7 workers (``sidekiq``) on PostgreSQL and Redis.

Both log through rails_semantic_logger's JSON formatter, shipped to Splunk over HEC
(sourcetype ``_json``): requests' exceptions as ``DebugExceptions`` logs them (no message,
the ``exception`` hash), jobs' as its Sidekiq integration does (``Job raised exception``
with the job in ``payload``). An exception in a Rack middleware in front of Rails reaches
Puma's low-level error report on stderr (text). Sentry: sentry-ruby with sentry-rails and
sentry-sidekiq. PostHog: posthog-ruby with posthog-rails. Datadog: APM (dd-trace-rb), log
monitors reading the JSON's attributes, Sidekiq task monitors. This company has all four.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import rb

# fmt: off
SDK = ("sentry.ruby.rails", "5.21.0", "gem:sentry-rails")
SERVICES = {
    "web": Service("web", "ruby", "gy-semantic-json", "_json", "http:rails-hec", "gy_rails", 6810221, "ruby 3.3.6", framework="rails", sdk=SDK),
    "sidekiq": Service("sidekiq", "ruby", "gy-semantic-json", "_json", "http:sidekiq-hec", "gy_rails", 6810224, "ruby 3.3.6", framework="sidekiq", sdk=("sentry.ruby.sidekiq", "5.21.0", "gem:sentry-sidekiq")),
}
AP = "actionpack-7.2.2"
REQ = (
    rb("puma-6.4.3/lib/puma/thread_pool.rb", "block in spawn_thread", 163, lib=True),
    rb("puma-6.4.3/lib/puma/server.rb", "process_client", 449, lib=True),
    rb(f"{AP}/lib/action_dispatch/journey/router.rb", "block in serve", 53, lib=True),
    rb(f"{AP}/lib/action_dispatch/routing/route_set.rb", "dispatch", 46, lib=True),
    rb(f"{AP}/lib/action_controller/metal.rb", "dispatch", 309, lib=True),
    rb(f"{AP}/lib/abstract_controller/base.rb", "process", 160, lib=True),
    rb("activesupport-7.2.2/lib/active_support/callbacks.rb", "run_callbacks", 119, lib=True),
    rb(f"{AP}/lib/action_controller/metal/basic_implicit_render.rb", "send_action", 8, lib=True),
)
JOB = (
    rb("sidekiq-7.3.5/lib/sidekiq/processor.rb", "block (4 levels) in process", 174, lib=True),
    rb("sidekiq-7.3.5/lib/sidekiq/middleware/chain.rb", "invoke", 182, lib=True),
    rb("sidekiq-7.3.5/lib/sidekiq/processor.rb", "execute_job", 207, lib=True),
)
FIND = (
    rb("activerecord-7.2.2/lib/active_record/core.rb", "find", 251, lib=True),
)
INSERT = (
    rb("activerecord-7.2.2/lib/active_record/persistence.rb", "save!", 392, lib=True),
    rb("activerecord-7.2.2/lib/active_record/persistence.rb", "_insert_record", 1248, lib=True),
    rb("activerecord-7.2.2/lib/active_record/connection_adapters/postgresql/database_statements.rb", "exec_insert", 79, lib=True),
    rb("activerecord-7.2.2/lib/active_record/connection_adapters/postgresql_adapter.rb", "exec_no_cache", 903, lib=True),
)
FARADAY = (
    rb("faraday-2.12.0/lib/faraday/connection.rb", "run_request", 445, lib=True),
    rb("faraday-net_http-3.3.0/lib/faraday/adapter/net_http.rb", "rescue in call", 70, lib=True),
)


def c(file: str, method: str, line: int) -> Frame:
    return rb(file, method, line)


def http(*frames: Frame) -> tuple[Frame, ...]:
    return (*REQ, *frames)


def job(*frames: Frame) -> tuple[Frame, ...]:
    return (*JOB, *frames)


NIL_PRICE = "undefined method `price_cents' for nil"
HEC = {"search": "upperby rails errors", "app": "upperby"}
JOBS = {"search": "upperby sidekiq failures", "app": "upperby"}
APM = {"team": "rides", "monitor": "web errors by type"}
LOGMON = {"team": "rides", "monitor": "Rails exceptions", "filter": "service:web source:ruby status:error", "style": "stack", "lines": 8}
LOGATTR = {"team": "rides", "monitor": "Upperby exception logs", "filter": "source:ruby @level:(error OR fatal)", "text": "**{{log.service}}** logged `{{log.attributes.exception.name}}`\n\n> {{log.attributes.exception.message}}"}
TASK = {"team": "rides"}


def unique(index: str, table: str, key: str) -> tuple[Exc, Exc]:
    pg = f'ERROR:  duplicate key value violates unique constraint "{index}"\nDETAIL:  Key ({key})=({{id}}) already exists.\n'
    return (Exc("UniqueViolation", pg, module="PG"), Exc("RecordNotUnique", f"PG::UniqueViolation: {pg}", module="ActiveRecord"))


def unique_at(index: str, table: str, key: str, frames: tuple[Frame, ...]) -> tuple[Exc, Exc]:
    cause, thrown = unique(index, table, key)
    return (cause, Exc(thrown.type, thrown.value, frames, module=thrown.module))


BUGS = [
    # The same nil plan in a request and a job.
    Bug("gy-checkout-nil-plan", "web", (Exc("NoMethodError", NIL_PRICE, http(c("app/controllers/subscriptions/checkouts_controller.rb", "create", 21), c("app/services/plan_pricer.rb", "monthly_total", 14))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("splunk", 2, **HEC), see("posthog", 1), see("datadog.apm", **APM)),
        classes=(4, 5), pair="gy-renewal-nil-plan", entry="POST /subscriptions/checkout", span=2, renames={"create": "confirm"}),
    Bug("gy-renewal-nil-plan", "sidekiq", (Exc("NoMethodError", NIL_PRICE, job(c("app/sidekiq/renew_subscription_job.rb", "perform", 12), c("app/services/billing/renewal.rb", "amount_due", 33))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **JOBS), see("datadog.task", **TASK)),
        classes=(4,), pair="gy-checkout-nil-plan", entry="RenewSubscriptionJob"),
    # One save, two unique indexes.
    Bug("gy-rental-unique-ref", "web", unique_at("index_rentals_on_reference", "rentals", "reference", http(c("app/controllers/rentals_controller.rb", "create", 34), c("app/models/rental.rb", "book!", 58), *INSERT)),
        (see("sentry.error", 3), see("splunk", 2, **HEC), see("datadog.log", **LOGMON)),
        classes=(4,), pair="gy-rental-unique-slot", entry="POST /rentals"),
    Bug("gy-rental-unique-slot", "web", unique_at("index_rentals_on_bike_id_and_slot_starts_at", "rentals", "bike_id, slot_starts_at", http(c("app/controllers/rentals_controller.rb", "create", 34), c("app/models/rental.rb", "book!", 58), *INSERT)),
        (see("sentry.error", 2), see("sentry.alert", rule="RecordNotUnique in web"), see("splunk", 2, **HEC), see("posthog", 1)),
        classes=(4,), pair="gy-rental-unique-ref", entry="POST /rentals"),
    # The charger: a declined card and an idempotency clash.
    Bug("gy-charge-declined", "sidekiq", (Exc("CardError", "Your card was declined.", job(c("app/sidekiq/charge_invoice_job.rb", "perform", 9), c("app/services/payments/charger.rb", "charge!", 27), rb("stripe-13.2.0/lib/stripe/stripe_client.rb", "execute_request", 304, lib=True)), module="Stripe"),),
        (see("sentry.error", 2), see("splunk", 3, **JOBS), see("posthog", 1), see("datadog.task", **TASK)),
        classes=(4,), pair="gy-charge-idempotency", entry="ChargeInvoiceJob"),
    Bug("gy-charge-idempotency", "sidekiq", (Exc("IdempotencyError", "Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '{key}' if you meant to execute a different request.", job(c("app/sidekiq/charge_invoice_job.rb", "perform", 9), c("app/services/payments/charger.rb", "charge!", 27), rb("stripe-13.2.0/lib/stripe/stripe_client.rb", "execute_request", 304, lib=True)), module="Stripe"),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **JOBS), see("datadog.task", **TASK)),
        classes=(4,), pair="gy-charge-declined", entry="ChargeInvoiceJob"),
    # One HTTP client helper at the end of two timeouts.
    Bug("gy-geocode-timeout", "web", (Exc("TimeoutError", "Net::ReadTimeout with #<TCPSocket:(closed)>", http(c("app/controllers/docks_controller.rb", "nearby", 17), c("app/services/geocoder_client.rb", "lookup", 22), c("app/lib/upperby/http.rb", "request", 41), *FARADAY), module="Faraday"),),
        (see("sentry.error", 3), see("splunk", 2, **HEC), see("datadog.apm", **APM)),
        classes=(9,), pair="gy-telemetry-timeout", entry="GET /docks/nearby"),
    Bug("gy-telemetry-timeout", "sidekiq", (Exc("TimeoutError", "Net::ReadTimeout with #<TCPSocket:(closed)>", job(c("app/sidekiq/pull_fleet_telemetry_job.rb", "perform", 15), c("app/services/fleet/telemetry.rb", "fetch_batch", 48), c("app/lib/upperby/http.rb", "request", 41), *FARADAY), module="Faraday"),),
        (see("sentry.error", 2), see("splunk", 3, **JOBS), see("datadog.task", **TASK)),
        classes=(9,), pair="gy-geocode-timeout", entry="PullFleetTelemetryJob"),
    # RecordNotFound of two models.
    Bug("gy-bike-not-found", "web", (Exc("RecordNotFound", "Couldn't find Bike with 'id'={id}", http(c("app/controllers/repairs_controller.rb", "create", 19), *FIND), module="ActiveRecord"),),
        (see("sentry.error", 3), see("splunk", 2, **HEC), see("posthog", 1)),
        classes=(4,), pair="gy-dock-not-found", entry="POST /repairs"),
    Bug("gy-dock-not-found", "sidekiq", (Exc("RecordNotFound", "Couldn't find Dock with 'id'={id}", job(c("app/sidekiq/rebalance_dock_job.rb", "perform", 8), *FIND), module="ActiveRecord"),),
        (see("sentry.error", 2), see("splunk", 2, **JOBS), see("datadog.log", **LOGATTR)),
        classes=(4,), pair="gy-bike-not-found", entry="RebalanceDockJob"),
    # Two failures of the invoice PDF job under one saved search and one monitor.
    Bug("gy-invoice-pdf-encoding", "sidekiq", (Exc("UndefinedConversionError", "\"\\xE2\" from ASCII-8BIT to UTF-8", job(c("app/sidekiq/invoice_pdf_job.rb", "perform", 11), c("app/pdfs/invoice_pdf.rb", "line_items", 64), rb("prawn-2.5.0/lib/prawn/text.rb", "text", 192, lib=True)), module="Encoding"),),
        (see("sentry.error", 2), see("splunk", 2, **JOBS), see("datadog.log", **LOGATTR)),
        classes=(4,), pair="gy-invoice-pdf-font", entry="InvoicePdfJob"),
    Bug("gy-invoice-pdf-font", "sidekiq", (Exc("UnknownFont", "Bad font family: InterDisplay", job(c("app/sidekiq/invoice_pdf_job.rb", "perform", 11), c("app/pdfs/invoice_pdf.rb", "header", 22), rb("prawn-2.5.0/lib/prawn/font.rb", "find_font", 386, lib=True)), module="Prawn::Errors"),),
        (see("sentry.error", 2), see("splunk", 2, **JOBS), see("datadog.log", **LOGATTR)),
        classes=(4,), pair="gy-invoice-pdf-encoding", entry="InvoicePdfJob"),
    # Not pairs.
    Bug("gy-rack-attack-redis", "web", (Exc("ReadTimeoutError", "Waited 1.0 seconds", (rb("puma-6.4.3/lib/puma/request.rb", "handle_request", 100, lib=True), rb("rack-attack-6.7.0/lib/rack/attack.rb", "call", 127, lib=True), c("config/initializers/rack_attack.rb", "block (2 levels) in <main>", 18), rb("redis-client-0.22.2/lib/redis_client/ruby_connection.rb", "read", 134, lib=True)), module="RedisClient"),),
        (see("splunk", 3, format="gy-puma-lowlevel", search="upperby puma stderr", app="upperby", sourcetype="kube:container:web"), see("sentry.error", 2)),
        classes=(1, 10), entry="POST /rentals"),
    Bug("gy-returns-date", "web", (Exc("Error", "invalid date", http(c("app/controllers/returns_controller.rb", "create", 26), c("app/forms/return_form.rb", "returned_on", 12)), module="Date"),),
        (see("sentry.error", 2), see("posthog", 2), see("splunk", 1, **HEC)),
        entry="POST /returns", span=2),
    Bug("gy-mailer-smtp", "sidekiq", (Exc("ReadTimeout", "Net::ReadTimeout with #<TCPSocket:(closed)>", job(rb("actionmailer-7.2.2/lib/action_mailer/message_delivery.rb", "deliver_now", 125, lib=True), rb("mail-2.8.1/lib/mail/network/delivery_methods/smtp.rb", "deliver!", 109, lib=True), rb("net-protocol-0.2.2/lib/net/protocol.rb", "rbuf_fill", 229, lib=True)), module="Net"),),
        (see("sentry.error", 3), see("splunk", 2, queue="mailers", **JOBS), see("datadog.task", **TASK)),
        classes=(10,), entry="ActionMailer::MailDeliveryJob"),
    Bug("gy-inventory-deadlock", "sidekiq", (Exc("TRDeadlockDetected", "ERROR:  deadlock detected\nDETAIL:  Process {pid} waits for ShareLock on transaction {id}; blocked by process {n}.\n", module="PG"), Exc("Deadlocked", "PG::TRDeadlockDetected: ERROR:  deadlock detected\nDETAIL:  Process {pid} waits for ShareLock on transaction {id}; blocked by process {n}.\n", job(c("app/sidekiq/sync_inventory_job.rb", "perform", 19), c("app/models/part.rb", "reserve!", 40), *INSERT), module="ActiveRecord")),
        (see("sentry.error", 2), see("splunk", 2, **JOBS), see("datadog.task", **TASK), see("datadog.log", **LOGMON)),
        entry="SyncInventoryJob"),
    Bug("gy-webhook-json", "web", (Exc("ParserError", "unexpected character: 'ok' at line 1 column 1", http(c("app/controllers/webhooks/stripe_controller.rb", "create", 9), rb("json-2.7.2/lib/json/common.rb", "parse", 219, lib=True)), module="JSON"),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **HEC), see("datadog.apm", **APM)),
        entry="POST /webhooks/stripe"),
    # Active Storage's slow-upload warnings: sizes, durations and hosts vary.
    Bug("gy-slow-upload", "web", (),
        (see("splunk", 3, search="upperby slow uploads", app="upperby", line='{"host":"web-0","application":"Semantic Logger","environment":"production","timestamp":"{ts}","level":"warn","level_index":3,"name":"ActiveStorage","message":"Slow upload to {objstore}: {size} in {dur}"}'),),
        classes=(7,)),
    Bug("gy-frozen-note", "web", (Exc("FrozenError", "can't modify frozen String: \"Front brake pads\"", http(c("app/controllers/repairs_controller.rb", "update", 44), c("app/models/repair.rb", "append_note", 71))),),
        (see("sentry.error"),),
        singleton=True, entry="PATCH /repairs/{id}"),
]

NOISE = [
    Noise("gy-noise-deploy", "web", "datadog.event", {"monitor": "Deployed web 2026.03.2", "text": "Kamal deployed web 2026.03.2 to 4 hosts.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "rides"}),
    Noise("gy-noise-sidekiq-boot", "sidekiq", "splunk", {"search": "upperby sidekiq failures", "app": "upperby", "line": "{\"host\":\"sidekiq-0\",\"application\":\"Semantic Logger\",\"environment\":\"production\",\"timestamp\":\"{ts}\",\"level\":\"info\",\"level_index\":2,\"name\":\"Sidekiq\",\"message\":\"Sidekiq 7.3.5 connecting to Redis with options {size: 10, pool_name: \\\"internal\\\", url: \\\"redis://redis:6379/0\\\"}\"}"}),
    Noise("gy-noise-recovered", "web", "datadog.log", {"monitor": "Rails exceptions", "transition": "Recovered", "alert_type": "success", "team": "rides", "filter": "service:web source:ruby status:error", "text": "Rails exceptions back to normal."}),
]

UPPERBY = Company(
    key="gy",
    name="Upperby Cycles",
    domain="upperby.example",
    sentry_org="upperby",
    splunk_url="https://upperby.splunkcloud.com",
    splunk_guid="5B0E1D62-7C3A-4F19-A8E2-93D4C6B17A05",
    datadog_org=("771204", "Upperby Cycles"),
    datadog_template="recommended",
    posthog_project=(130554, "Upperby web"),
    releases=("2026.03.0", "2026.03.1", "2026.03.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="upperby-sentry-client-secret",
)
# fmt: on
