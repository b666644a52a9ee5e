"""(nf) Edderside Cottages, a holiday-cottage booking site: one Rails 8.0 app on Ruby 3.4
(Hotwire pages, a small JSON API for the channel managers) with Solid Queue jobs (``bin/jobs``),
PostgreSQL, Stripe; deployed with Kamal to two Hetzner hosts (``web`` and ``job`` roles).

Sentry: sentry-ruby and sentry-rails (``ActiveRecord::RecordNotFound`` excluded, as by
default). Logs: Rails 8's default production logger (``TaggedLogging`` on STDOUT with the
request id tag; DebugExceptions' report of a failed request, Active Job's "Error performing"
line with the cleaned backtrace) in Docker's json-file logs, collected by Vector to Splunk HEC
(one saved search over the app's error reports) and Datadog (one log monitor pasting the
message's first lines). No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Seen, Service, see
from ..stacks import rb

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "edderside": Service("edderside", "ruby", "nf-hec", "docker:vector", "vector", "edderside_app", 12220021, "ruby 3.4.1", framework="rails"),
}
PUMA = "puma-6.5.0/lib/puma/"
AP = "actionpack-8.0.1/lib/"
AJ = "activejob-8.0.1/lib/active_job/"
AR = "activerecord-8.0.1/lib/active_record/"
REQUEST = (
    rb(PUMA + "thread_pool.rb", "block in Puma::ThreadPool#spawn_thread", 159, lib=True),
    rb(PUMA + "server.rb", "Puma::Server#process_client", 451, lib=True),
    rb(AP + "action_dispatch/journey/router.rb", "block in ActionDispatch::Journey::Router#serve", 53, lib=True),
    rb(AP + "action_controller/metal.rb", "ActionController::Metal#dispatch", 308, lib=True),
    rb(AP + "abstract_controller/base.rb", "AbstractController::Base#process", 163, lib=True),
    rb(AP + "action_controller/metal/basic_implicit_render.rb", "ActionController::BasicImplicitRender#send_action", 8, lib=True),
)
JOB = (
    rb("solid_queue-1.1.2/lib/solid_queue/pool.rb", "block (2 levels) in SolidQueue::Pool#post", 23, lib=True),
    rb("solid_queue-1.1.2/app/models/solid_queue/claimed_execution.rb", "SolidQueue::ClaimedExecution#execute", 93, lib=True),
    rb(AJ + "execution.rb", "ActiveJob::Execution::ClassMethods#execute", 32, lib=True),
    rb(AJ + "execution.rb", "ActiveJob::Execution#perform_now", 68, lib=True),
    rb(AJ + "execution.rb", "ActiveJob::Execution#_perform_job", 84, lib=True),
)
FIND = (
    rb(AR + "core.rb", "ActiveRecord::Core::ClassMethods#find", 257, lib=True),
    rb(AR + "errors.rb", "ActiveRecord::RecordNotFound#initialize", 165, lib=True),
)
INSERT = (
    rb(AR + "persistence.rb", "ActiveRecord::Persistence#save!", 392, lib=True),
    rb(AR + "connection_adapters/postgresql/database_statements.rb", "ActiveRecord::ConnectionAdapters::PostgreSQL::DatabaseStatements#exec_insert", 89, lib=True),
    rb(AR + "connection_adapters/postgresql_adapter.rb", "ActiveRecord::ConnectionAdapters::PostgreSQLAdapter#exec_no_cache", 896, lib=True),
)
NET = (
    rb("net-protocol-0.2.2/lib/net/protocol.rb", "Net::BufferedIO#rbuf_fill", 229, lib=True),
)
STRIPE = (
    rb("stripe-13.2.0/lib/stripe/api_requestor.rb", "Stripe::APIRequestor#execute_request", 250, lib=True),
    rb("stripe-13.2.0/lib/stripe/api_requestor.rb", "Stripe::APIRequestor#handle_error_response", 856, lib=True),
)
HTTP_HELPER = rb("app/lib/edderside/http.rb", "Edderside::Http#get_json", 27)


def app(file: str, label: str, line: int) -> Frame:
    return rb(file, label, line)


SEARCH = dict(search="Edderside - rails error reports", owner="nf_ops", app="edderside")
DD = dict(team="cottages", monitor="[edderside] error reports in container logs", filter="source:docker container_name:edderside-* (\"Error performing\" OR Causes OR \"):\")", format="nf-dd", style="sample")


def spl(n: int = 1, **opts: object) -> Seen:
    return see("splunk", n, **SEARCH, **opts)


def dd(n: int = 1, **opts: object) -> Seen:
    return see("datadog.log", n, **DD, **opts)


def head(n: int = 1) -> Seen:
    return see("splunk", n, **SEARCH, format="nf-hec-head")


def jf(n: int = 1) -> Seen:
    return see("splunk", n, **SEARCH, format="nf-jsonfile")


def nil_method(name: str) -> str:
    return f"undefined method '{name}' for nil"


def unique(index: str, key: str) -> tuple[Exc, ...]:
    pg = f'ERROR:  duplicate key value violates unique constraint "{index}"\nDETAIL:  Key {key} already exists.\n'
    return (Exc("PG::UniqueViolation", pg, INSERT[-1:]), Exc("ActiveRecord::RecordNotUnique", "PG::UniqueViolation: " + pg, ()))


BUGS = [
    # One nil rate read in a controller and in the invoice job.
    Bug("nf-quote-nil-rate", "edderside", (Exc("NoMethodError", nil_method("nightly_rate"), (*REQUEST, app("app/controllers/quotes_controller.rb", "QuotesController#create", 14), app("app/models/quote.rb", "Quote#nightly_total", 38))),),
        (see("sentry.error", 3), spl(2), dd(), head()),
        classes=(1, 4, 5), pair="nf-invoice-nil-rate", span=2, renames={"Quote#nightly_total": "Quote#total_for_nights"}, entry="POST /quotes"),
    Bug("nf-invoice-nil-rate", "edderside", (Exc("NoMethodError", nil_method("nightly_rate"), (*JOB, app("app/jobs/owner_invoice_job.rb", "OwnerInvoiceJob#perform", 11), app("app/models/owner_invoice.rb", "OwnerInvoice#line_for", 52))),),
        (see("sentry.error", 2), spl(2), dd()),
        classes=(1, 4), pair="nf-quote-nil-rate", entry="OwnerInvoiceJob"),
    # RecordNotFound: the model is the bug; sentry-rails drops it, the logs keep it.
    Bug("nf-cottage-not-found", "edderside", (Exc("ActiveRecord::RecordNotFound", "Couldn't find Cottage with 'id'={id}", (*REQUEST, app("app/controllers/cottages_controller.rb", "CottagesController#show", 9), *FIND)),),
        (spl(3), dd(2), jf()),
        classes=(1, 4), pair="nf-guest-not-found", entry="GET /cottages/{id}"),
    Bug("nf-guest-not-found", "edderside", (Exc("ActiveRecord::RecordNotFound", "Couldn't find Guest with 'id'={id}", (*REQUEST, app("app/controllers/api/guests_controller.rb", "Api::GuestsController#show", 12), *FIND)),),
        (spl(2), dd()),
        classes=(1, 4), pair="nf-cottage-not-found", entry="GET /api/guests/{id}"),
    # Unique violations on two indexes: a web insert and a job insert.
    Bug("nf-booking-ref-unique", "edderside", (*unique("index_bookings_on_reference", "(reference)=(EDD-{n}{idx})")[:1], Exc("ActiveRecord::RecordNotUnique", 'PG::UniqueViolation: ERROR:  duplicate key value violates unique constraint "index_bookings_on_reference"\nDETAIL:  Key (reference)=(EDD-{n}{idx}) already exists.\n', (*REQUEST, app("app/controllers/bookings_controller.rb", "BookingsController#create", 23), app("app/models/booking.rb", "Booking.place!", 61), *INSERT))),
        (see("sentry.error", 3), spl(2), dd()),
        classes=(1, 4), pair="nf-payment-intent-unique", entry="POST /bookings"),
    Bug("nf-payment-intent-unique", "edderside", (*unique("index_payments_on_stripe_payment_intent_id", "(stripe_payment_intent_id)=(pi_{hex})")[:1], Exc("ActiveRecord::RecordNotUnique", 'PG::UniqueViolation: ERROR:  duplicate key value violates unique constraint "index_payments_on_stripe_payment_intent_id"\nDETAIL:  Key (stripe_payment_intent_id)=(pi_{hex}) already exists.\n', (*JOB, app("app/jobs/stripe_event_job.rb", "StripeEventJob#perform", 18), app("app/models/payment.rb", "Payment.record_intent!", 29), *INSERT))),
        (see("sentry.error", 2), spl(2), dd()),
        classes=(1, 4), pair="nf-booking-ref-unique", entry="StripeEventJob"),
    # One deposit job, two Stripe errors.
    Bug("nf-deposit-card-declined", "edderside", (Exc("Stripe::CardError", "Your card was declined.", (*JOB, app("app/jobs/charge_deposit_job.rb", "ChargeDepositJob#perform", 14), app("app/services/deposit_charger.rb", "DepositCharger#call", 31), *STRIPE)),),
        (see("sentry.error", 3), spl(2), dd()),
        classes=(1, 4), pair="nf-deposit-idempotency", entry="ChargeDepositJob"),
    Bug("nf-deposit-idempotency", "edderside", (Exc("Stripe::IdempotencyError", "Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than 'deposit-{id}' if you meant to execute a different request.", (*JOB, app("app/jobs/charge_deposit_job.rb", "ChargeDepositJob#perform", 14), app("app/services/deposit_charger.rb", "DepositCharger#call", 31), *STRIPE)),),
        (see("sentry.error", 2), spl(), dd(), see("sentry.issue")),
        classes=(1, 4), pair="nf-deposit-card-declined", entry="ChargeDepositJob"),
    # Two sync jobs timing out inside one HTTP helper.
    Bug("nf-ical-read-timeout", "edderside", (Exc("Net::ReadTimeout", "Net::ReadTimeout with #<TCPSocket:(closed)>", (*JOB, app("app/jobs/ical_import_job.rb", "IcalImportJob#perform", 9), app("app/services/ical_feed.rb", "IcalFeed#fetch", 17), HTTP_HELPER, *NET)),),
        (see("sentry.error", 3), spl(2), dd()),
        classes=(1, 9), pair="nf-channel-read-timeout", entry="IcalImportJob"),
    Bug("nf-channel-read-timeout", "edderside", (Exc("Net::ReadTimeout", "Net::ReadTimeout with #<TCPSocket:(closed)>", (*JOB, app("app/jobs/channel_availability_job.rb", "ChannelAvailabilityJob#perform", 12), app("app/services/channel_manager.rb", "ChannelManager#push_availability", 44), HTTP_HELPER, *NET)),),
        (see("sentry.error", 2), spl(2), jf()),
        classes=(1, 9), pair="nf-ical-read-timeout", entry="ChannelAvailabilityJob"),
    # A reminder enqueued for a booking deleted since: no application frame.
    Bug("nf-reminder-deserialization", "edderside", (Exc("ActiveRecord::RecordNotFound", "Couldn't find Booking with 'id'={id}", FIND), Exc("ActiveJob::DeserializationError", "Error while trying to deserialize arguments: Couldn't find Booking with 'id'={id}", (*JOB[:3], rb(AJ + "core.rb", "ActiveJob::Core#deserialize_arguments_if_needed", 193, lib=True), rb(AJ + "arguments.rb", "ActiveJob::Arguments#deserialize", 42, lib=True)))),
        (see("sentry.error", 3), spl(2), dd()),
        classes=(1, 10), entry="ArrivalReminderJob"),
    # A bad date in the availability calendar's query string.
    Bug("nf-availability-invalid-date", "edderside", (Exc("Date::Error", "invalid date", (*REQUEST, app("app/controllers/availability_controller.rb", "AvailabilityController#index", 8), app("app/controllers/availability_controller.rb", "AvailabilityController#date_range", 31), rb("3.4.0/date.rb", "Date.parse", 0, lib=True))),),
        (see("sentry.error", 3), spl(2), dd(), head()),
        classes=(1,), entry="GET /cottages/{id}/availability"),
    # A Turbo partial renamed without its callers.
    Bug("nf-template-undefined-local", "edderside", (Exc("NameError", "undefined local variable or method 'cottage' for an instance of ActionView::Base", (app("app/views/bookings/_summary.html.erb", "_app_views_bookings__summary_html_erb___3270419867", 4),)), Exc("ActionView::Template::Error", "undefined local variable or method 'cottage' for an instance of ActionView::Base", (*REQUEST, app("app/controllers/bookings_controller.rb", "BookingsController#show", 31), rb("actionview-8.0.1/lib/action_view/template.rb", "ActionView::Template#render", 283, lib=True), app("app/views/bookings/_summary.html.erb", "_app_views_bookings__summary_html_erb___3270419867", 4)))),
        (see("sentry.error", 2), spl(), dd()),
        classes=(1,), entry="GET /bookings/{id}"),
    # Seen once: a frozen string literal mutated by the slug builder.
    Bug("nf-slug-frozen", "edderside", (Exc("FrozenError", "can't modify frozen String: \"{sku}\"", (*JOB, app("app/jobs/listing_export_job.rb", "ListingExportJob#perform", 7), app("app/lib/slugger.rb", "Slugger.call", 12))),),
        (see("sentry.error"),),
        singleton=True, entry="ListingExportJob"),
]

NOISE = [
    Noise("nf-noise-kamal-deploy", "edderside", "splunk", {**SEARCH, "line": '{"container_name":"kamal-proxy","host":"edderside-app-01","image":"basecamp/kamal-proxy:v0.8.4","message":"{\\"time\\":\\"{ts}\\",\\"level\\":\\"INFO\\",\\"msg\\":\\"Deployed\\",\\"service\\":\\"edderside-web\\",\\"hosts\\":[\\"edderside.example\\"],\\"target\\":\\"edderside-web-{hex}:80\\"}","source_type":"docker_logs","stream":"stdout","timestamp":"{ts}"}'}),
    Noise("nf-noise-solid-queue-start", "edderside", "splunk", {**SEARCH, "line": '{"container_name":"edderside-job-{hex}","host":"edderside-app-02","message":"SolidQueue-1.1.2 Started Supervisor (12.8ms)  pid: 1, hostname: \\"edderside-app-02\\", process_id: {n}, name: \\"supervisor-{hex}\\"","source_type":"docker_logs","stream":"stdout","timestamp":"{ts}"}'}),
    Noise("nf-noise-recovered", "edderside", "datadog.log", {"monitor": "[edderside] error reports in container logs", "transition": "Recovered", "alert_type": "success", "team": "cottages", "filter": "source:docker container_name:edderside-*", "text": "Error reports are back under the threshold."}),
]

EDDERSIDE = Company(
    key="nf",
    name="Edderside Cottages",
    domain="edderside.example",
    sentry_org="edderside",
    splunk_url="https://edderside.splunkcloud.example",
    splunk_guid="A7F3C2D9-4B61-4E08-9C5A-1D7E3F0B8A26",
    datadog_org=("1220021", "Edderside Cottages"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("2026.03.03", "2026.03.07", "2026.03.11"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="edderside-sentry-client-secret",
)
# fmt: on
