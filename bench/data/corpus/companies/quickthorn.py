"""(gj) Quickthorn Plant Hire, diggers and generators by the day: a Rails 7.1 app on Puma 6 and
Ruby 3.3 (``hire-web``: bookings, depots, quotes, a Stripe checkout) and Sidekiq 7.2 workers
(``hire-jobs``: invoices, geocoding, delivery notes, hold releases).

Splunk indexes both containers' stdout (``gj-rails-text``): the web app on Rails' default
production logger (Ruby's ``Logger::Formatter``, ``config.log_tags = [:request_id]``, the
``DebugExceptions`` FATAL record over several tagged lines), the workers on Sidekiq 7's text
formatter (the default error handler's three WARN records; one window keeps two). Sentry:
sentry-rails and sentry-sidekiq. Datadog: the recommended template, log monitors pasting a
sample and dd-trace-rb APM by type. No PostHog.
"""

# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Noise, Service, see
from ..stacks import rb

# fmt: off
SDK = ("sentry.ruby.rails", "5.21.0", "gem:sentry-rails")
SERVICES = {
    "hire-web": Service("hire-web", "ruby", "gj-rails-text", "kube:container:hire-web", "/var/log/containers/hire-web.log", "gj_hire", 3310671, "ruby 3.3.5", framework="rails", sdk=SDK),
    "hire-jobs": Service("hire-jobs", "ruby", "gj-rails-text", "kube:container:hire-jobs", "/var/log/containers/hire-jobs.log", "gj_hire", 3310672, "ruby 3.3.5", framework="sidekiq", sdk=SDK),
}
AP = "actionpack-7.1.4/lib"
WEB = (
    rb("puma-6.4.3/lib/puma/thread_pool.rb", "block in spawn_thread", 155, lib=True),
    rb("puma-6.4.3/lib/puma/server.rb", "handle_request", 100, lib=True),
    rb("railties-7.1.4/lib/rails/engine.rb", "call", 536, lib=True),
    rb(f"{AP}/action_dispatch/middleware/show_exceptions.rb", "call", 31, lib=True),
    rb(f"{AP}/action_dispatch/routing/route_set.rb", "dispatch", 32, lib=True),
    rb(f"{AP}/abstract_controller/base.rb", "process", 160, lib=True),
    rb(f"{AP}/action_controller/metal/basic_implicit_render.rb", "send_action", 6, lib=True),
)
SK = "sidekiq-7.2.4/lib/sidekiq"
JOBS = (
    rb(f"{SK}/processor.rb", "process_one", 87, lib=True),
    rb(f"{SK}/processor.rb", "process", 169, lib=True),
    rb(f"{SK}/job_retry.rb", "local", 119, lib=True),
    rb(f"{SK}/processor.rb", "execute_job", 220, lib=True),
)
AR = "activerecord-7.1.4/lib/active_record"
SAVE = (
    rb(f"{AR}/validations.rb", "save!", 52, lib=True),
    rb(f"{AR}/transactions.rb", "save!", 313, lib=True),
    rb(f"{AR}/persistence.rb", "_insert_record", 1273, lib=True),
    rb(f"{AR}/connection_adapters/postgresql_adapter.rb", "translate_exception", 785, lib=True),
)
FIND = (rb(f"{AR}/core.rb", "find", 253, lib=True),)
NET = (
    rb("net-protocol-0.2.2/lib/net/protocol.rb", "rbuf_fill", 229, lib=True),
    rb("net-http-0.4.1/lib/net/http.rb", "request", 2349, lib=True),
)
STRIPE = (
    rb("stripe-12.6.0/lib/stripe/api_operations/create.rb", "create", 8, lib=True),
    rb("stripe-12.6.0/lib/stripe/stripe_client.rb", "execute_request", 214, lib=True),
    rb("stripe-12.6.0/lib/stripe/stripe_client.rb", "handle_error_response", 732, lib=True),
)


def ctl(name: str, action: str, line: int, *inner: object) -> tuple:
    return (*WEB, rb(f"app/controllers/{name}_controller.rb", action, line), *inner)


def job(name: str, line: int, *inner: object) -> tuple:
    return (*JOBS, rb(f"app/sidekiq/{name}.rb", "perform", line), *inner)


WEBLOG = {"search": "quickthorn rails fatal", "app": "quickthorn"}
SKLOG = {"search": "quickthorn sidekiq warn", "app": "quickthorn", "kind": "sidekiq"}
SKSHORT = {"search": "quickthorn sidekiq warn", "app": "quickthorn", "kind": "sidekiqshort"}
DD = dict(team="hire", monitor="[quickthorn] fatal/warn logs", filter="service:hire-web status:error", style="sample")
DDJ = dict(team="hire", monitor="[quickthorn] sidekiq job failures", filter="service:hire-jobs status:warn", style="sample")
APM = dict(team="hire", monitor="[quickthorn] rack.request errors", style="type")
NF = "ActiveRecord::RecordNotFound"
UNIQ = "ActiveRecord::RecordNotUnique"

BUGS = [
    Bug("gj-booking-notfound", "hire-web", (Exc(NF, "Couldn't find Booking with 'id'={id}", ctl("bookings", "show", 14, *FIND)),),
        (see("sentry.error", 3), see("splunk", 2, **WEBLOG), see("datadog.apm", **APM)),
        classes=(4,), pair="gj-depot-notfound", entry="GET /bookings/{id}", span=2),
    Bug("gj-depot-notfound", "hire-web", (Exc(NF, "Couldn't find Depot with 'id'={id}", ctl("depots", "show", 9, *FIND)),),
        (see("sentry.error", 2), see("splunk", 2, **WEBLOG), see("datadog.log", **DD)),
        classes=(4,), pair="gj-booking-notfound", entry="GET /depots/{id}"),
    Bug("gj-quote-rate-nil", "hire-web", (Exc("NoMethodError", "undefined method `daily_rate' for nil", ctl("quotes", "create", 21, rb("app/models/quote.rb", "total", 34), rb("app/models/quote_line.rb", "subtotal", 12))),),
        (see("sentry.error", 3), see("splunk", 2, **WEBLOG), see("datadog.apm", **APM)),
        classes=(4, 5), pair="gj-invoice-rate-nil", entry="POST /quotes", span=2, renames={"total": "grand_total"}),
    Bug("gj-invoice-rate-nil", "hire-jobs", (Exc("NoMethodError", "undefined method `daily_rate' for nil", job("invoice_job", 18, rb("app/models/invoice.rb", "build_lines", 41), rb("app/models/invoice_line.rb", "amount", 9))),),
        (see("sentry.error", 2), see("splunk", 2, **SKLOG), see("datadog.log", **DDJ)),
        classes=(4,), pair="gj-quote-rate-nil", entry="InvoiceJob"),
    Bug("gj-dup-serial", "hire-web", (Exc("PG::UniqueViolation", "ERROR:  duplicate key value violates unique constraint \"index_machines_on_serial\"\nDETAIL:  Key (serial)=(QT-{n}) already exists.", ()),
         Exc(UNIQ, "PG::UniqueViolation: ERROR:  duplicate key value violates unique constraint \"index_machines_on_serial\"\nDETAIL:  Key (serial)=(QT-{n}) already exists.", ctl("machines", "create", 27, *SAVE))),
        (see("sentry.error", 3), see("splunk", 2, **WEBLOG), see("datadog.log", **DD)),
        classes=(1, 2, 4), pair="gj-dup-booking-ref", entry="POST /machines"),
    Bug("gj-dup-booking-ref", "hire-web", (Exc("PG::UniqueViolation", "ERROR:  duplicate key value violates unique constraint \"index_bookings_on_reference\"\nDETAIL:  Key (reference)=(BK-{n}) already exists.", ()),
         Exc(UNIQ, "PG::UniqueViolation: ERROR:  duplicate key value violates unique constraint \"index_bookings_on_reference\"\nDETAIL:  Key (reference)=(BK-{n}) already exists.", ctl("bookings", "create", 33, rb("app/models/booking.rb", "assign_reference", 58), *SAVE))),
        (see("sentry.error", 2), see("splunk", 2, **WEBLOG), see("datadog.apm", **APM)),
        classes=(1, 2, 4), pair="gj-dup-serial", entry="POST /bookings"),
    Bug("gj-card-declined", "hire-web", (Exc("Stripe::CardError", "Your card was declined.", ctl("checkouts", "create", 19, rb("app/services/payment_charger.rb", "charge", 23), *STRIPE)),),
        (see("sentry.error", 3), see("splunk", 2, **WEBLOG), see("datadog.log", **DD)),
        classes=(4,), pair="gj-stripe-ratelimit", entry="POST /checkout"),
    Bug("gj-stripe-ratelimit", "hire-web", (Exc("Stripe::RateLimitError", "Request rate limit exceeded. You can learn more about rate limits here https://stripe.com/docs/rate-limits.", ctl("checkouts", "create", 19, rb("app/services/payment_charger.rb", "charge", 23), *STRIPE)),),
        (see("sentry.error", 2), see("splunk", 2, **WEBLOG), see("datadog.apm", **APM)),
        classes=(4,), pair="gj-card-declined", entry="POST /checkout"),
    Bug("gj-geocode-read", "hire-jobs", (Exc("Net::ReadTimeout", "Net::ReadTimeout with #<TCPSocket:(closed)>", job("geocode_depot_job", 11, rb("app/services/geocoder_client.rb", "lookup", 27), *NET)),),
        (see("sentry.error", 3), see("splunk", 2, **SKLOG), see("splunk", 1, **SKSHORT), see("datadog.log", **DDJ)),
        classes=(10, 3), pair="gj-geocode-open", entry="GeocodeDepotJob", span=2),
    Bug("gj-geocode-open", "hire-jobs", (Exc("Net::OpenTimeout", "execution expired", job("geocode_depot_job", 11, rb("app/services/geocoder_client.rb", "lookup", 27), rb("net-http-0.4.1/lib/net/http.rb", "connect", 1603, lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, **SKLOG), see("datadog.log", **DDJ)),
        classes=(10,), pair="gj-geocode-read", entry="GeocodeDepotJob"),
    Bug("gj-note-enoent", "hire-jobs", (Exc("Errno::ENOENT", "No such file or directory @ rb_sysopen - /rails/tmp/delivery_notes/{id}.pdf", job("delivery_note_job", 16, rb("app/services/delivery_note_mailer.rb", "attach_pdf", 31))),),
        (see("sentry.error", 2), see("splunk", 2, **SKLOG), see("datadog.log", **DDJ)),
        classes=(4,), entry="DeliveryNoteJob"),
    Bug("gj-redis-timeout", "hire-web", (Exc("RedisClient::ReadTimeoutError", "Waited 1.0 seconds", ctl("availability", "index", 8, rb("app/services/availability_cache.rb", "fetch", 19), rb("redis-client-0.22.2/lib/redis_client/ruby_connection.rb", "read", 145, lib=True))),),
        (see("sentry.error", 3), see("splunk", 2, **WEBLOG), see("datadog.apm", **APM)),
        classes=(10,), entry="GET /availability"),
    Bug("gj-deadlock", "hire-jobs", (Exc("PG::TRDeadlockDetected", "ERROR:  deadlock detected\nDETAIL:  Process {n} waits for ShareLock on transaction {id}; blocked by process {n}.", ()),
         Exc("ActiveRecord::Deadlocked", "PG::TRDeadlockDetected: ERROR:  deadlock detected\nDETAIL:  Process {n} waits for ShareLock on transaction {id}; blocked by process {n}.", job("release_holds_job", 22, rb("app/models/hold.rb", "release!", 44), *SAVE))),
        (see("sentry.error", 3), see("splunk", 2, **SKLOG), see("splunk", 1, **SKSHORT), see("datadog.log", **DDJ)),
        classes=(1, 2), entry="ReleaseHoldsJob", span=2),
    Bug("gj-invalid-dates", "hire-web", (Exc("ActiveRecord::RecordInvalid", "Validation failed: End date must be after start date", ctl("bookings", "update", 41, *SAVE)),),
        (see("sentry.error", 2), see("splunk", 2, **WEBLOG), see("datadog.log", **DD)),
        classes=(4,), entry="PATCH /bookings/{id}"),
    Bug("gj-summary-view", "hire-web", (Exc("ActionView::Template::Error", "undefined method `name' for nil", ctl("bookings", "show", 16, rb("app/views/bookings/_summary.html.erb", "_app_views_bookings__summary_html_erb___{n}", 12))),),
        (see("sentry.error", 2), see("splunk", 2, **WEBLOG), see("datadog.apm", **APM)),
        classes=(4, 5), entry="GET /bookings/{id}"),
    Bug("gj-singleton-date", "hire-web", (Exc("Date::Error", "invalid date", ctl("reports", "export", 12)),),
        (see("sentry.error"),),
        singleton=True, entry="GET /reports/export"),
]

NOISE = [
    Noise("gj-noise-puma", "hire-web", "splunk", {"search": "quickthorn rails fatal", "line": "I, [{tsnaive} #1]  INFO -- : [{uuid}] Completed 200 OK in 41ms (Views: 12.1ms | ActiveRecord: 8.0ms | Allocations: 9120)"}),
    Noise("gj-noise-deploy", "hire-web", "datadog.event", {"monitor": "Deploy", "text": "hire-web 2026.11.3 deployed to gke-quickthorn.", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("gj-noise-recovered", "hire-jobs", "datadog.log", {"monitor": "[quickthorn] sidekiq job failures", "text": "Recovered: sidekiq job failures on hire-jobs back below threshold.", "transition": "Recovered", "alert_type": "success"}),
]

QUICKTHORN = Company(
    key="gj",
    name="Quickthorn Plant Hire",
    domain="quickthorn-hire.example",
    sentry_org="quickthorn",
    splunk_url="https://quickthorn.splunkcloud.com",
    splunk_guid="3B7C1E94-2A5D-4F60-8C19-7E2D4A0B6F13",
    datadog_org=("712063", "Quickthorn Plant Hire"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("2026.11.1", "2026.11.2", "2026.11.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="quickthorn-sentry-client-secret",
)
# fmt: on
