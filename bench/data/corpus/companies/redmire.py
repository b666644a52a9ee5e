"""(mm) Redmire Cottages, a holiday-cottage letting site: a Rails 7.1 monolith on Ruby 3.3 under
Puma 6 (``redmire-web``: cottage pages, availability calendars, quotes, bookings, owner
payouts) and Sidekiq 7 workers (``redmire-sidekiq``: deposits through Stripe, iCal imports
from owners' other channels, channel-manager syncs, review requests, mailers) on EKS.

Splunk: Fluentd (CRI parser, kubernetes_metadata filter, fluent-plugin-splunk-hec) posts each
container line as the HEC event: lograge's JSON request line, or one physical line of Rails'
FATAL record (the ``Class (message):`` line, or a lone backtrace line), or Sidekiq's
``WARN: Class: message`` line; one saved search over the web's 500s, one over FATAL lines,
one over the workers. Datadog: the Agent on the same files, one log monitor over FATAL
records pasting ``{{log.message}}`` (the web pods with multi-line aggregation, the canary
node pool without: lone lines), one over the workers, a dd-trace-rb APM monitor by error
type. Sentry: sentry-ruby with sentry-rails and sentry-sidekiq. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import rb

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "redmire-web": Service("redmire-web", "ruby", "mm-fluentd", "kube:container:web", "/var/log/containers/redmire-web_redmire-prod_web.log", "redmire_k8s", 11610011, "ruby 3.3.6", framework="rails", sdk=("sentry.ruby.rails", "5.22.1", "gem:sentry-rails")),
    "redmire-sidekiq": Service("redmire-sidekiq", "ruby", "mm-fluentd", "kube:container:sidekiq", "/var/log/containers/redmire-sidekiq_redmire-prod_sidekiq.log", "redmire_k8s", 11610011, "ruby 3.3.6", framework="sidekiq", sdk=("sentry.ruby.sidekiq", "5.22.1", "gem:sentry-sidekiq")),
}


def gem(path: str, label: str, line: int) -> Frame:
    return rb(path, label, line, lib=True)


AP = "actionpack-7.1.5.1/lib/"
AR = "activerecord-7.1.5.1/lib/active_record/"
REQUEST = (
    gem("puma-6.5.0/lib/puma/thread_pool.rb", "block in spawn_thread", 155),
    gem("puma-6.5.0/lib/puma/request.rb", "handle_request", 99),
    gem(AP + "action_dispatch/journey/router.rb", "block in serve", 51),
    gem(AP + "action_controller/metal.rb", "dispatch", 267),
    gem(AP + "abstract_controller/base.rb", "process", 160),
    gem(AP + "action_controller/metal/basic_implicit_render.rb", "send_action", 6),
)
SIDEKIQ = (
    gem("sidekiq-7.3.7/lib/sidekiq/processor.rb", "process", 186),
    gem("sidekiq-7.3.7/lib/sidekiq/processor.rb", "block in process", 172),
    gem("sidekiq-7.3.7/lib/sidekiq/processor.rb", "execute_job", 220),
)
INSERT = (gem(AR + "persistence.rb", "save!", 392), gem(AR + "connection_adapters/postgresql/database_statements.rb", "exec_insert", 70))
FIND = (gem(AR + "core.rb", "find", 267),)
STRIPE = (gem("stripe-13.2.0/lib/stripe/api_operations/create.rb", "create", 10), gem("stripe-13.2.0/lib/stripe/api_requestor.rb", "handle_error_response", 721))
# Owners' calendars and the channel manager are read through one helper: its frame and
# Net::HTTP's read timeout end both bugs.
HTTP_GET = (rb("app/lib/redmire/http.rb", "get", 18), gem("net-protocol-0.2.2/lib/net/protocol.rb", "rbuf_fill", 229))


def ctl(name: str, action: str, line: int) -> Frame:
    return rb(f"app/controllers/{name}.rb", action, line)


def job(name: str, line: int) -> Frame:
    return rb(f"app/sidekiq/{name}.rb", "perform", line)


def unique(index: str, key: str, table: str = "") -> str:
    pg = f'PG::UniqueViolation: ERROR:  duplicate key value violates unique constraint "{index}"\nDETAIL:  Key {key} already exists.\n'
    return pg + (f': INSERT INTO "{table}"' if table else "")


READ_TIMEOUT = "Net::ReadTimeout with #<TCPSocket:(closed)>"
NIL_RATE = "undefined method `nightly_rate_pence' for nil"

WEB = {"search": "redmire-web 500s (lograge)", "owner": "svc_redmire", "app": "redmire_ops", "kind": "lograge"}
FATAL = {"search": "redmire-web FATAL lines", "owner": "svc_redmire", "app": "redmire_ops"}
HEAD = dict(FATAL, kind="head")
FRAME = dict(FATAL, kind="frame")
JOBS = {"search": "redmire-sidekiq job failures", "owner": "svc_redmire", "app": "redmire_ops", "kind": "sidekiq"}
TEAM = "lettings"
DD_FATAL = {"monitor": "redmire-web FATAL logs", "team": TEAM, "format": "mm-dd", "kind": "block", "filter": "kube_namespace:redmire-prod kube_container_name:web status:error", "text": "Rails FATAL on {{log.host}}:\n\n```\n{{log.message}}\n```"}
DD_LONE = dict(DD_FATAL, kind="frame", sample_lines=1)
DD_HEAD = dict(DD_FATAL, kind="head", sample_lines=1)
DD_JOBS = {"monitor": "redmire-sidekiq WARN logs", "team": TEAM, "format": "mm-dd", "kind": "sidekiq", "filter": "kube_namespace:redmire-prod kube_container_name:sidekiq status:warn", "text": "Sidekiq jobs failing ({{value}} in 5m). Last line:\n{{log.message}}"}
APM = {"style": "type", "monitor": "redmire rails errors by type", "team": TEAM}
RAILS = {"mechanism": "rails"}
SKQ = {"mechanism": "sidekiq"}

BUGS = [
    # Unique violations on two tables: a double-submitted booking, a review request sent twice.
    Bug("mm-booking-unique", "redmire-web", (Exc("PG::UniqueViolation", unique("index_bookings_on_cottage_id_and_arrives_on", "(cottage_id, arrives_on)=({id}, 2026-0{idx}-1{idx})"), INSERT[-1:]), Exc("ActiveRecord::RecordNotUnique", unique("index_bookings_on_cottage_id_and_arrives_on", "(cottage_id, arrives_on)=({id}, 2026-0{idx}-1{idx})", "bookings"), (*REQUEST, ctl("bookings_controller", "create", 34), rb("app/models/booking.rb", "confirm!", 61), *INSERT))),
        (see("sentry.error", 2, **RAILS), see("splunk", 2, action="BookingsController#create", **WEB), see("splunk", **HEAD), see("datadog.log", **DD_FATAL), see("datadog.apm", **APM)),
        classes=(1, 4), pair="mm-review-unique", entry="POST /bookings"),
    Bug("mm-review-unique", "redmire-sidekiq", (Exc("PG::UniqueViolation", unique("index_review_requests_on_booking_id", "(booking_id)=({id})"), INSERT[-1:]), Exc("ActiveRecord::RecordNotUnique", unique("index_review_requests_on_booking_id", "(booking_id)=({id})", "review_requests"), (*SIDEKIQ, job("review_request_job", 11), rb("app/models/review_request.rb", "issue!", 22), *INSERT))),
        (see("sentry.error", 3, **SKQ), see("splunk", 2, **JOBS), see("datadog.log", **DD_JOBS)),
        classes=(1, 4), pair="mm-booking-unique", entry="ReviewRequestJob"),
    # The same nil rate read by the quote page and by the availability calendar.
    Bug("mm-quote-nil-rate", "redmire-web", (Exc("NoMethodError", NIL_RATE, (*REQUEST, ctl("quotes_controller", "show", 19), rb("app/models/quote.rb", "total_pence", 42), rb("app/models/season.rb", "rate_for", 27))),),
        (see("sentry.error", 2, **RAILS), see("sentry.error", release=1, **RAILS), see("splunk", 2, action="QuotesController#show", **WEB), see("splunk", **FRAME), see("datadog.log", **DD_LONE), see("datadog.apm", **APM)),
        classes=(1, 4, 5), pair="mm-calendar-nil-rate", entry="GET /cottages/{id}/quote", span=2, renames={"show": "show_quote"}),
    Bug("mm-calendar-nil-rate", "redmire-web", (Exc("NoMethodError", NIL_RATE, (*REQUEST, ctl("availability_controller", "index", 23), rb("app/presenters/calendar_presenter.rb", "day_price", 38))),),
        (see("sentry.error", 3, **RAILS), see("splunk", 2, action="AvailabilityController#index", **WEB), see("splunk", **HEAD), see("datadog.log", 2, **DD_FATAL)),
        classes=(1, 4), pair="mm-quote-nil-rate", entry="GET /cottages/{id}/availability"),
    # One deposit charge, two Stripe errors.
    Bug("mm-deposit-declined", "redmire-sidekiq", (Exc("Stripe::CardError", "Your card was declined.", (*SIDEKIQ, job("charge_deposit_job", 14), rb("app/services/payments/charge_deposit.rb", "call", 31), *STRIPE)),),
        (see("sentry.error", 3, **SKQ), see("splunk", 2, **JOBS), see("datadog.log", **DD_JOBS)),
        classes=(4,), pair="mm-deposit-idempotency", entry="ChargeDepositJob"),
    Bug("mm-deposit-idempotency", "redmire-sidekiq", (Exc("Stripe::IdempotencyError", "Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '{key}' if you meant to execute a different request.", (*SIDEKIQ, job("charge_deposit_job", 14), rb("app/services/payments/charge_deposit.rb", "call", 31), *STRIPE)),),
        (see("sentry.error", 2, **SKQ), see("sentry.issue", **SKQ), see("splunk", 2, **JOBS), see("datadog.log", **DD_JOBS)),
        classes=(4,), pair="mm-deposit-declined", entry="ChargeDepositJob"),
    # RecordNotFound for two models.
    Bug("mm-cottage-not-found", "redmire-web", (Exc("ActiveRecord::RecordNotFound", "Couldn't find Cottage with 'id'={id}", (*REQUEST, ctl("cottages_controller", "show", 12), *FIND)),),
        (see("sentry.error", 2, **RAILS), see("splunk", 2, action="CottagesController#show", **WEB), see("splunk", **HEAD), see("datadog.log", **DD_HEAD)),
        classes=(1, 4), pair="mm-owner-not-found", entry="GET /cottages/{id}"),
    Bug("mm-owner-not-found", "redmire-web", (Exc("ActiveRecord::RecordNotFound", "Couldn't find Owner with 'id'={id}", (*REQUEST, ctl("owners/payouts_controller", "show", 16), rb("app/controllers/concerns/owner_scoped.rb", "current_owner", 9), *FIND)),),
        (see("sentry.error", 3, **RAILS), see("splunk", 2, action="Owners::PayoutsController#show", **WEB), see("datadog.apm", **APM)),
        classes=(1, 4), pair="mm-cottage-not-found", entry="GET /owners/{id}/payouts"),
    # Read timeouts through the one HTTP helper from two jobs.
    Bug("mm-ical-timeout", "redmire-sidekiq", (Exc("Net::ReadTimeout", READ_TIMEOUT, (*SIDEKIQ, job("ical_import_job", 9), rb("app/services/calendars/ical_import.rb", "fetch", 25), *HTTP_GET)),),
        (see("sentry.error", 3, **SKQ), see("splunk", 2, **JOBS), see("datadog.log", **DD_JOBS)),
        classes=(9,), pair="mm-channel-timeout", entry="IcalImportJob"),
    Bug("mm-channel-timeout", "redmire-sidekiq", (Exc("Net::ReadTimeout", READ_TIMEOUT, (*SIDEKIQ, job("channel_sync_job", 21), rb("app/services/channels/push_rates.rb", "call", 44), *HTTP_GET)),),
        (see("sentry.error", 2, **SKQ), see("sentry.error", release=2, **SKQ), see("splunk", 2, **JOBS), see("datadog.log", **DD_JOBS)),
        classes=(5, 9), pair="mm-ical-timeout", entry="ChannelSyncJob", span=3, renames={"call": "push!"}),
    # Two singles of the payouts page and the search, and the template error on the cottage page.
    Bug("mm-search-timeout", "redmire-web", (Exc("PG::QueryCanceled", "ERROR:  canceling statement due to statement timeout\n", (gem(AR + "connection_adapters/postgresql/database_statements.rb", "exec_query", 49),)), Exc("ActiveRecord::QueryCanceled", "PG::QueryCanceled: ERROR:  canceling statement due to statement timeout\n", (*REQUEST, ctl("search_controller", "index", 28), rb("app/queries/cottage_search.rb", "results", 57), gem(AR + "relation.rb", "load", 1050), gem(AR + "connection_adapters/postgresql/database_statements.rb", "exec_query", 49)))),
        (see("sentry.error", 2, **RAILS), see("sentry.error", release=2, **RAILS), see("splunk", 2, action="SearchController#index", **WEB), see("datadog.log", **DD_FATAL), see("datadog.apm", **APM)),
        classes=(1, 5), entry="GET /search", span=3),
    Bug("mm-cottage-view-nil", "redmire-web", (Exc("ActionView::Template::Error", "undefined method `strftime' for nil", (*REQUEST, ctl("cottages_controller", "show", 14), gem("actionview-7.1.5.1/lib/action_view/template.rb", "render", 261), rb("app/views/cottages/_changeover.html.erb", "_app_views_cottages__changeover_html_erb___3318825407915521446_84960", 4))),),
        (see("sentry.error", 2, **RAILS), see("splunk", **HEAD), see("splunk", **FRAME), see("datadog.log", **DD_FATAL), see("datadog.log", **DD_LONE)),
        classes=(1,), entry="GET /cottages/{id}"),
    Bug("mm-mailer-smtp", "redmire-sidekiq", (Exc("Net::SMTPAuthenticationError", "535 5.7.8 Authentication credentials invalid\n", (*SIDEKIQ, gem("activejob-7.1.5.1/lib/active_job/execution.rb", "perform_now", 57), gem("actionmailer-7.1.5.1/lib/action_mailer/message_delivery.rb", "deliver_now", 119), gem("net-smtp-0.5.0/lib/net/smtp.rb", "check_auth_response", 1036))),),
        (see("sentry.error", 3, **SKQ), see("splunk", 2, **JOBS), see("datadog.log", **DD_JOBS)),
        entry="ActionMailer::MailDeliveryJob"),
    Bug("mm-payout-keyerror", "redmire-sidekiq", (Exc("KeyError", "key not found: :vat_number", (*SIDEKIQ, job("owner_statement_job", 8), rb("app/pdfs/owner_statement_pdf.rb", "header", 33))),),
        (see("sentry.error", 2, **SKQ), see("splunk", 2, **JOBS), see("datadog.log", **DD_JOBS)),
        classes=(1, 4), pair="mm-invoice-keyerror", entry="OwnerStatementJob"),
    Bug("mm-invoice-keyerror", "redmire-web", (Exc("KeyError", "key not found: :vat_number", (*REQUEST, ctl("owners/invoices_controller", "show", 22), rb("app/pdfs/commission_invoice_pdf.rb", "seller_block", 51))),),
        (see("sentry.error", 2, **RAILS), see("splunk", 2, action="Owners::InvoicesController#show", **WEB), see("splunk", **HEAD), see("datadog.log", **DD_HEAD), see("datadog.apm", **APM)),
        classes=(1, 4), pair="mm-payout-keyerror", entry="GET /owners/{id}/invoices/{invoice_id}"),
    Bug("mm-singleton-frozen", "redmire-web", (Exc("FrozenError", "can't modify frozen String: \"Swaledale\"", (*REQUEST, ctl("admin/cottages_controller", "update", 41), rb("app/models/cottage.rb", "normalise_region", 88))),),
        (see("sentry.error", **RAILS),),
        singleton=True, entry="PATCH /admin/cottages/{id}"),
]

NOISE = [
    Noise("mm-noise-puma-boot", "redmire-web", "splunk", {**FATAL, "search": "redmire-web FATAL lines", "line": '{"log":"* Puma version: 6.5.0 (ruby 3.3.6-p108) (\\"Sky\'s Version\\")","stream":"stdout","logtag":"F","kubernetes":{"namespace_name":"redmire-prod","container_name":"web"}}'}),
    Noise("mm-noise-deploy", "redmire-web", "datadog.event", {"monitor": "redmire-web deploy", "text": "Deployment redmire-prod/redmire-web rolled out (image 2026.03.3).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": TEAM}),
    Noise("mm-noise-recovered", "redmire-sidekiq", "datadog.log", {**DD_JOBS, "text": "[Recovered] redmire-sidekiq WARN logs back under threshold.", "transition": "Recovered", "alert_type": "success"}),
]

REDMIRE = Company(
    key="mm",
    name="Redmire Cottages",
    domain="redmire-cottages.example",
    sentry_org="redmire",
    splunk_url="https://splunk.redmire-cottages.example:8000",
    splunk_guid="3E4B1C92-7A05-4D6E-8F21-B9C0D7E5A613",
    datadog_org=("1161001", "Redmire Cottages"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("2026.03.1", "2026.03.2", "2026.03.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="redmire-sentry-client-secret",
)
# fmt: on
