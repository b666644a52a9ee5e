"""(ht) Vantholme Plant Hire, tool and plant hire for builders: a Rails 8.0 app on Ruby 3.4
(``hire-web``: quotes, bookings, deposits, depot pages; PostgreSQL, Stripe, Active Storage on
S3) and its Solid Queue worker (``hire-jobs``: ``bin/jobs`` running Active Job classes on the
``default`` and ``mailers`` queues: dispatch runs, invoices, reminders, telematics sync),
deployed with Kamal.

Rails 8's production logger on STDOUT: ``ActiveSupport::TaggedLogging.logger(STDOUT)`` with
``log_tags = [:request_id]`` (no severity, no timestamp on a line), ``DebugExceptions``' block
(``[req] Class (message):`` over the app's backtrace in Ruby 3.4's ``in 'Owner#method'``
wording), Active Job's ``[ActiveJob] [Job] [id] Error performing Job (Job ID: id) from
SolidQueue(default) in N ms: Class (message):`` over the whole raw backtrace. Splunk reads them
by a universal forwarder on the hosts (multi-line events, some cut after four lines) and, on
the newer hosts, by Docker's Splunk logging driver (one JSON event per line). Sentry:
sentry-ruby with sentry-rails. PostHog: posthog-ruby's ``capture_exception`` in a
``rescue_from`` and in the jobs' ``rescue_from``. Datadog: APM monitors by error type and log
monitors pasting ``{{log.message}}`` (all four tools).
"""

# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import rb

# fmt: off
SDK = ("sentry.ruby.rails", "5.22.1", "gem:sentry-rails")
SERVICES = {
    "hire-web": Service("hire-web", "ruby", "ht-rails8-fatal", "vantholme:rails", "/var/lib/docker/containers/hire-web.log", "vh_prod", 4470311, "ruby 3.4.1", framework="rails", sdk=SDK),
    "hire-jobs": Service("hire-jobs", "ruby", "ht-activejob-error", "vantholme:rails", "/var/lib/docker/containers/hire-jobs.log", "vh_prod", 4470312, "ruby 3.4.1", framework="rails", sdk=SDK),
}
AP = "actionpack-8.0.1"
AR = "activerecord-8.0.1"
REQ = (
    rb("puma-6.5.0/lib/puma/thread_pool.rb", "block in Puma::ThreadPool#spawn_thread", 164, lib=True),
    rb("puma-6.5.0/lib/puma/server.rb", "Puma::Server#process_client", 453, lib=True),
    rb(f"{AP}/lib/action_dispatch/journey/router.rb", "block in ActionDispatch::Journey::Router#serve", 53, lib=True),
    rb(f"{AP}/lib/action_dispatch/routing/route_set.rb", "ActionDispatch::Routing::RouteSet::Dispatcher#dispatch", 51, lib=True),
    rb(f"{AP}/lib/action_controller/metal.rb", "ActionController::Metal#dispatch", 308, lib=True),
    rb(f"{AP}/lib/abstract_controller/base.rb", "AbstractController::Base#process", 163, lib=True),
    rb("activesupport-8.0.1/lib/active_support/callbacks.rb", "ActiveSupport::Callbacks#run_callbacks", 120, lib=True),
    rb(f"{AP}/lib/action_controller/metal/basic_implicit_render.rb", "ActionController::BasicImplicitRender#send_action", 8, lib=True),
)
JOB = (
    rb("solid_queue-1.1.2/lib/solid_queue/pool.rb", "block in SolidQueue::Pool#post", 22, lib=True),
    rb("solid_queue-1.1.2/lib/solid_queue/claimed_execution.rb", "SolidQueue::ClaimedExecution#perform", 68, lib=True),
    rb("solid_queue-1.1.2/lib/solid_queue/claimed_execution.rb", "SolidQueue::ClaimedExecution#execute", 91, lib=True),
    rb("activejob-8.0.1/lib/active_job/execution.rb", "ActiveJob::Execution::ClassMethods#execute", 32, lib=True),
    rb("activejob-8.0.1/lib/active_job/execution.rb", "ActiveJob::Execution#perform_now", 68, lib=True),
    rb("activesupport-8.0.1/lib/active_support/callbacks.rb", "ActiveSupport::Callbacks#run_callbacks", 100, lib=True),
    rb("activejob-8.0.1/lib/active_job/execution.rb", "ActiveJob::Execution#_perform_job", 118, lib=True),
)
INSERT = (
    rb(f"{AR}/lib/active_record/persistence.rb", "ActiveRecord::Persistence#save!", 392, lib=True),
    rb(f"{AR}/lib/active_record/persistence.rb", "ActiveRecord::Persistence#_insert_record", 1235, lib=True),
    rb(f"{AR}/lib/active_record/connection_adapters/postgresql/database_statements.rb", "ActiveRecord::ConnectionAdapters::PostgreSQL::DatabaseStatements#perform_query", 160, lib=True),
)
STRIPE = rb("stripe-13.2.0/lib/stripe/api_requestor.rb", "Stripe::APIRequestor#execute_request", 218, lib=True)
VAT = rb("app/models/vat_rate.rb", "VatRate.for", 14)


def c(file: str, method: str, line: int) -> Frame:
    return rb(file, method, line)


def http(*frames: Frame) -> tuple[Frame, ...]:
    return (*REQ, *frames)


def job(*frames: Frame) -> tuple[Frame, ...]:
    return (*JOB, *frames)


def unique(index: str, key: str, frames: tuple[Frame, ...]) -> tuple[Exc, Exc]:
    pg = f'ERROR:  duplicate key value violates unique constraint "{index}"\nDETAIL:  Key ({key})=({{id}}) already exists.\n'
    return (Exc("UniqueViolation", pg, module="PG"), Exc("RecordNotUnique", f"PG::UniqueViolation: {pg}", (*frames, *INSERT), module="ActiveRecord"))


def deser(model: str) -> tuple[Exc, Exc]:
    """Active Job's ``DeserializationError`` over the ``RecordNotFound`` of a GlobalID: no
    frame of the job's own, only Active Job's."""
    find = rb(f"{AR}/lib/active_record/core.rb", "ActiveRecord::Core::ClassMethods#find", 253, lib=True)
    gid = rb("globalid-1.2.1/lib/global_id/locator.rb", "GlobalID::Locator::BaseLocator#locate", 205, lib=True)
    args = rb("activejob-8.0.1/lib/active_job/arguments.rb", "ActiveJob::Arguments#deserialize_global_id", 141, lib=True)
    core = rb("activejob-8.0.1/lib/active_job/core.rb", "ActiveJob::Core#deserialize_arguments_if_needed", 189, lib=True)
    base = (*JOB[:5], core)
    missing = f"Couldn't find {model} with 'id'={{id}}"
    return (Exc("RecordNotFound", missing, (*base, args, gid, find), module="ActiveRecord"), Exc("DeserializationError", f"Error while trying to deserialize arguments: {missing}", base, module="ActiveJob"))


KV = "{{log.message}}"


def mon(name: str, query: str, **more: object) -> dict[str, object]:
    return dict(team="hire", monitor=f"[vantholme] {name}", filter=query, text=f"Errors on **{{{{log.service}}}}**:\n\n```\n{KV}\n```", **more)


WEB_MON = mon("hire-web exceptions", "service:hire-web env:production \"):\"")
JOB_MON = mon("jobs failing", "service:hire-jobs \"Error performing\"", format="ht-activejob-error")
WEB_SEARCH = dict(search="hire-web - exceptions", format="ht-rails8-fatal")
JOB_SEARCH = dict(search="hire-jobs - Error performing", format="ht-activejob-error")
DOCKER = dict(search="hire - docker stdout exceptions", format="ht-docker-line", sourcetype="httpevent", source="docker://hire")
NIL_WEIGHT = "undefined method 'weight_kg' for nil"
VAT_KEY = 'key not found: "XI"'

BUGS = [
    # One message, two places: a quote's delivery fee and a dispatch run's van loading, both on items without a catalogue weight.
    Bug("ht-quote-nil-weight", "hire-web", (Exc("NoMethodError", NIL_WEIGHT, http(c("app/controllers/quotes_controller.rb", "QuotesController#create", 24), c("app/services/pricing/delivery_fee.rb", "Pricing::DeliveryFee#call", 17))),),
        (see("sentry.error", 3), see("posthog", 2), see("splunk", 2, **WEB_SEARCH), see("splunk", **DOCKER), see("datadog.apm", style="type")),
        classes=(4, 5), pair="ht-dispatch-nil-weight", entry="POST /quotes", span=2, renames={"QuotesController#create": "QuotesController#price"}),
    Bug("ht-dispatch-nil-weight", "hire-jobs", (Exc("NoMethodError", NIL_WEIGHT, job(c("app/jobs/dispatch_run_job.rb", "DispatchRunJob#perform", 11), c("app/services/routing/van_loader.rb", "Routing::VanLoader#load", 38))),),
        (see("sentry.error", 2), see("splunk", 2, **JOB_SEARCH), see("datadog.log", **JOB_MON, sample_lines=4)),
        classes=(4,), pair="ht-quote-nil-weight", entry="DispatchRunJob"),
    # One save!, two unique indexes.
    Bug("ht-dup-booking", "hire-web", unique("index_bookings_on_asset_id_and_starts_on", "asset_id, starts_on", http(c("app/controllers/bookings_controller.rb", "BookingsController#create", 19), c("app/models/booking.rb", "Booking#reserve!", 42))),
        (see("sentry.error", 3), see("posthog"), see("splunk", **WEB_SEARCH), see("datadog.log", **WEB_MON)),
        classes=(4,), pair="ht-dup-serial", entry="POST /bookings"),
    Bug("ht-dup-serial", "hire-web", unique("index_assets_on_serial_number", "serial_number", http(c("app/controllers/admin/assets_controller.rb", "Admin::AssetsController#create", 15))),
        (see("sentry.error", 2), see("splunk", 2, **WEB_SEARCH), see("datadog.apm", style="type")),
        classes=(4,), pair="ht-dup-booking", entry="POST /admin/assets"),
    # One deposit hold, two Stripe exceptions.
    Bug("ht-deposit-declined", "hire-web", (Exc("CardError", "Your card was declined.", http(c("app/controllers/deposits_controller.rb", "DepositsController#create", 21), c("app/services/deposit_hold.rb", "DepositHold#place!", 33), STRIPE), module="Stripe"),),
        (see("sentry.error", 3), see("posthog", 2), see("splunk", **WEB_SEARCH), see("datadog.apm", style="type")),
        classes=(2,), pair="ht-deposit-conn", entry="POST /deposits"),
    Bug("ht-deposit-conn", "hire-web", (Exc("APIConnectionError", "Request timed out. Please check your internet connection and try again.", http(c("app/controllers/deposits_controller.rb", "DepositsController#create", 21), c("app/services/deposit_hold.rb", "DepositHold#place!", 33), STRIPE), module="Stripe"),),
        (see("sentry.error", 2), see("splunk", 2, **WEB_SEARCH, half=True), see("datadog.log", **WEB_MON, sample_lines=3)),
        classes=(9,), pair="ht-deposit-declined", entry="POST /deposits"),
    # One VAT helper at the end of two bugs: Northern Ireland quotes and invoices.
    Bug("ht-vat-quote", "hire-web", (Exc("KeyError", VAT_KEY, http(c("app/controllers/quotes_controller.rb", "QuotesController#show", 9), c("app/presenters/quote_presenter.rb", "QuotePresenter#vat_line", 27), VAT)),),
        (see("sentry.error", 2), see("posthog"), see("splunk", **WEB_SEARCH), see("splunk", **DOCKER)),
        classes=(9,), pair="ht-vat-invoice", entry="GET /quotes/{id}"),
    Bug("ht-vat-invoice", "hire-jobs", (Exc("KeyError", VAT_KEY, job(c("app/jobs/invoice_pdf_job.rb", "InvoicePdfJob#perform", 9), c("app/pdfs/invoice_pdf.rb", "InvoicePdf#totals_table", 64), VAT)),),
        (see("sentry.error", 3), see("splunk", 2, **JOB_SEARCH), see("datadog.log", **JOB_MON)),
        classes=(9,), pair="ht-vat-quote", entry="InvoicePdfJob"),
    # Two mail jobs failing under one jobs monitor: an SMTP login and a template missing a variable.
    Bug("ht-reminder-smtp", "hire-jobs", (Exc("SMTPAuthenticationError", "535 5.7.8 Username and Password not accepted. For more information, go to", job(c("app/jobs/return_reminder_job.rb", "ReturnReminderJob#perform", 14), rb("mail-2.8.1/lib/mail/message.rb", "Mail::Message#deliver", 269, lib=True), rb("net-smtp-0.5.0/lib/net/smtp.rb", "Net::SMTP#check_auth_response", 1045, lib=True)), module="Net"),),
        (see("sentry.error", 2), see("splunk", **JOB_SEARCH, queue="mailers"), see("datadog.log", 2, **JOB_MON, queue="mailers")),
        classes=(2,), pair="ht-reminder-nil-depot", entry="ReturnReminderJob"),
    Bug("ht-reminder-nil-depot", "hire-jobs", (Exc("NoMethodError", "undefined method 'opening_hours' for nil", job(c("app/jobs/return_reminder_job.rb", "ReturnReminderJob#perform", 14), c("app/mailers/reminder_mailer.rb", "ReminderMailer#return_due", 22))),),
        (see("sentry.error", 3), see("posthog"), see("splunk", **JOB_SEARCH, queue="mailers"), see("datadog.log", **JOB_MON, queue="mailers")),
        classes=(2,), pair="ht-reminder-smtp", entry="ReturnReminderJob"),
    # Two jobs whose record was deleted before they ran: one Active Job error, two entities.
    Bug("ht-deser-booking", "hire-jobs", deser("Booking"),
        (see("sentry.error", 3), see("splunk", 2, **JOB_SEARCH), see("datadog.log", **JOB_MON)),
        classes=(4,), pair="ht-deser-inspection", entry="BookingConfirmationJob"),
    Bug("ht-deser-inspection", "hire-jobs", deser("Inspection"),
        (see("sentry.error", 2), see("splunk", 2, **JOB_SEARCH), see("splunk", **DOCKER, which="job")),
        classes=(4,), pair="ht-deser-booking", entry="InspectionReportJob"),
    # Not pairs.
    Bug("ht-telematics-timeout", "hire-jobs", (Exc("ReadTimeout", "Net::ReadTimeout with #<TCPSocket:(closed)>", job(c("app/jobs/telematics_sync_job.rb", "TelematicsSyncJob#perform", 18), c("app/clients/telematics_client.rb", "TelematicsClient#positions", 31), rb("net-protocol-0.2.2/lib/net/protocol.rb", "Net::BufferedIO#rbuf_fill", 229, lib=True)), module="Net"),),
        (see("sentry.error", 3), see("splunk", 2, **JOB_SEARCH), see("splunk", **DOCKER, which="job"), see("datadog.apm", style="type")),
        classes=(1,), entry="TelematicsSyncJob", span=2),
    Bug("ht-pool-timeout", "hire-web", (Exc("ConnectionTimeoutError", "could not obtain a connection from the pool within 5.000 seconds (waited 5.00{idx} seconds); all pooled connections were in use", http(c("app/controllers/depots_controller.rb", "DepotsController#show", 7), rb(f"{AR}/lib/active_record/connection_adapters/abstract/connection_pool/queue.rb", "ActiveRecord::ConnectionAdapters::ConnectionPool::Queue#timeout", 128, lib=True)), module="ActiveRecord"),),
        (see("sentry.error", 2), see("sentry.alert", rule="DB pool exhausted"), see("splunk", **WEB_SEARCH), see("datadog.log", **WEB_MON)),
        classes=(5,), entry="GET /depots/{id}", span=2),
    Bug("ht-s3-denied", "hire-web", (Exc("AccessDenied", "Access Denied", http(c("app/controllers/inspections_controller.rb", "InspectionsController#create", 28), rb("activestorage-8.0.1/lib/active_storage/service/s3_service.rb", "ActiveStorage::Service::S3Service#upload", 33, lib=True), rb("aws-sdk-core-3.214.0/lib/seahorse/client/plugins/raise_response_errors.rb", "Seahorse::Client::Plugins::RaiseResponseErrors::Handler#call", 17, lib=True)), module="Aws::S3::Errors"),),
        (see("sentry.error", 2), see("posthog"), see("splunk", **WEB_SEARCH, half=True)),
        classes=(1,), entry="POST /inspections"),
    Bug("ht-deadlock", "hire-jobs", (Exc("Deadlocked", "PG::TRDeadlockDetected: ERROR:  deadlock detected\nDETAIL:  Process {pid} waits for ShareLock on transaction {id}; blocked by process {n}.\n", job(c("app/jobs/stock_rollup_job.rb", "StockRollupJob#perform", 12), c("app/models/depot_stock.rb", "DepotStock.recount!", 40), rb(f"{AR}/lib/active_record/connection_adapters/postgresql/database_statements.rb", "ActiveRecord::ConnectionAdapters::PostgreSQL::DatabaseStatements#perform_query", 160, lib=True)), module="ActiveRecord"),),
        (see("sentry.error", 2), see("splunk", **JOB_SEARCH), see("datadog.apm", style="type")),
        classes=(1,), entry="StockRollupJob"),
    Bug("ht-invalid-date", "hire-web", (Exc("Error", "invalid date", http(c("app/controllers/bookings_controller.rb", "BookingsController#extend", 51), c("app/forms/extension_form.rb", "ExtensionForm#ends_on", 12)), module="Date"),),
        (see("sentry.error", 2), see("posthog", 2), see("datadog.log", **WEB_MON, sample_lines=4)),
        entry="PATCH /bookings/{id}/extend"),
    Bug("ht-singleton-frozen", "hire-web", (Exc("FrozenError", "can't modify frozen String: \"Breaker 110v\"", http(c("app/controllers/admin/assets_controller.rb", "Admin::AssetsController#update", 33), c("app/models/asset.rb", "Asset#append_note", 58))),),
        (see("sentry.error"),),
        singleton=True, entry="PATCH /admin/assets/{id}"),
]

NOISE = [
    Noise("ht-noise-deploy", "hire-web", "datadog.event", {"monitor": "Kamal deploy hire-web 2026.03.09", "text": "kamal deploy: hire-web 2026.03.09 booted on 2 hosts (app-1, app-2).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "hire"}),
    Noise("ht-noise-recovered", "hire-jobs", "datadog.log", {"monitor": "[vantholme] jobs failing", "transition": "Recovered", "alert_type": "success", "team": "hire", "filter": "service:hire-jobs \"Error performing\"", "text": "Job failures on hire-jobs back under threshold."}),
    Noise("ht-noise-heartbeat", "hire-jobs", "datadog.event", {"monitor": "[vantholme] solid queue supervisor heartbeat", "text": "SolidQueue supervisor pid 1 heartbeat OK; 2 workers, 1 dispatcher, 1 scheduler.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "hire"}),
]

VANTHOLME = Company(
    key="ht",
    name="Vantholme Plant Hire",
    domain="vantholme-hire.example",
    sentry_org="vantholme",
    splunk_url="https://vantholme.splunkcloud.com",
    splunk_guid="7A2E91C4-5B3D-4F80-9E16-C0D4B8A3F215",
    datadog_org=("918273", "Vantholme Plant Hire"),
    datadog_template="recommended",
    posthog_project=(98211, "Vantholme Hire"),
    releases=("2026.03.03", "2026.03.06", "2026.03.09"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="vantholme-sentry-client-secret",
)
# fmt: on
