"""(fz) Martindale Markets, an online farmers' market: a Rails 7.1 app on Puma 6 and Ruby 3.3
(``market-web``: listings, offers, a Stripe checkout, ERB views) and its Sidekiq 7.1 workers
(``market-jobs``: payouts, stock sync, thumbnails, geocoding, mail).

Splunk indexes both containers' stdout (``fz-rails-json``): the web app logs requests with
lograge's JSON formatter, the team's ``custom_options`` adding the payload's ``exception``
(``[class, message]``) and the first five backtrace lines; the workers log through Sidekiq 7's
JSON formatter, the default error handler writing three WARN records (the job context, then
``<Class>: <message>``, then the cleaned backtrace). Sentry: sentry-rails and sentry-sidekiq.
Datadog: the recommended template, log monitors and dd-trace-rb APM by type. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import rb

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.ruby.rails", "5.19.0", "gem:sentry-rails")
SERVICES = {
    "market-web": Service("market-web", "ruby", "fz-rails-json", "kube:container:market-web", "/var/log/containers/market-web.log", "fz_market", 4480117, "ruby 3.3.4", framework="rails", sdk=SDK),
    "market-jobs": Service("market-jobs", "ruby", "fz-rails-json", "kube:container:market-jobs", "/var/log/containers/market-jobs.log", "fz_market", 4480122, "ruby 3.3.4", framework="sidekiq", sdk=SDK),
}

AP = "actionpack-7.1.3.4/lib"
WEB = (
    rb("puma-6.4.2/lib/puma/thread_pool.rb", "block in spawn_thread", 155, lib=True),
    rb("puma-6.4.2/lib/puma/server.rb", "handle_request", 100, lib=True),
    rb("railties-7.1.3.4/lib/rails/engine.rb", "call", 536, lib=True),
    rb("sentry-ruby-5.19.0/lib/sentry/rack/capture_exceptions.rb", "call", 30, lib=True),
    rb(f"{AP}/action_dispatch/middleware/show_exceptions.rb", "call", 31, lib=True),
    rb(f"{AP}/action_dispatch/routing/route_set.rb", "dispatch", 32, lib=True),
    rb(f"{AP}/action_controller/metal.rb", "dispatch", 252, lib=True),
    rb(f"{AP}/abstract_controller/base.rb", "process", 160, lib=True),
    rb(f"{AP}/action_controller/metal/instrumentation.rb", "process_action", 74, lib=True),
    rb(f"{AP}/abstract_controller/callbacks.rb", "process_action", 258, lib=True),
    rb(f"{AP}/action_controller/metal/basic_implicit_render.rb", "send_action", 6, lib=True),
)
SK = "sidekiq-7.1.6/lib/sidekiq"
JOBS = (
    rb(f"{SK}/processor.rb", "run", 84, lib=True),
    rb(f"{SK}/processor.rb", "process_one", 87, lib=True),
    rb(f"{SK}/processor.rb", "process", 169, lib=True),
    rb(f"{SK}/job_retry.rb", "local", 119, lib=True),
    rb("sentry-sidekiq-5.19.0/lib/sentry/sidekiq/sentry_context_middleware.rb", "call", 33, lib=True),
    rb(f"{SK}/processor.rb", "execute_job", 220, lib=True),
)
AR = "activerecord-7.1.3.4/lib/active_record"
SAVE = (
    rb(f"{AR}/validations.rb", "save!", 52, lib=True),
    rb(f"{AR}/transactions.rb", "save!", 313, lib=True),
    rb(f"{AR}/persistence.rb", "_insert_record", 1273, lib=True),
    rb(f"{AR}/connection_adapters/postgresql/database_statements.rb", "exec_insert", 159, lib=True),
    rb(f"{AR}/connection_adapters/postgresql_adapter.rb", "translate_exception", 785, lib=True),
)
INVALID = (
    rb(f"{AR}/validations.rb", "save!", 52, lib=True),
    rb(f"{AR}/validations.rb", "raise_validation_error", 84, lib=True),
)
STRIPE = (
    rb("stripe-10.15.0/lib/stripe/api_resource.rb", "create", 95, lib=True),
    rb("stripe-10.15.0/lib/stripe/stripe_client.rb", "execute_request_with_rescues", 556, lib=True),
    rb("stripe-10.15.0/lib/stripe/stripe_client.rb", "handle_network_error", 736, lib=True),
)


def ctl(name: str, action: str, line: int) -> Frame:
    return rb(f"app/controllers/{name}_controller.rb", action, line)


def job(name: str, line: int, method: str = "perform") -> Frame:
    return rb(f"app/jobs/{name}.rb", method, line)


def model(name: str, method: str, line: int) -> Frame:
    return rb(f"app/models/{name}.rb", method, line)


def lograge(action: str) -> dict[str, object]:
    return {"search": "martindale web errors", "app": "martindale", "action": action}


SIDEKIQ = {"search": "martindale sidekiq failures", "app": "martindale", "kind": "sidekiq"}
SIDEKIQ2 = {"search": "martindale sidekiq failures", "app": "martindale", "kind": "sidekiq", "records": 2}
DD_WEB = dict(team="market", monitor="[market] web 500s with exception", filter="service:market-web @status:500", style="sample")
DD_JOBS = dict(team="market", monitor="[market] sidekiq job failures", filter="service:market-jobs @lvl:WARN", style="sample")
APM = dict(team="market", monitor="[market] rack.request errors by type", style="type")
APM_JOBS = dict(team="market", monitor="[market] sidekiq.job errors by type", style="type")
NIL_PRICE = "undefined method `price_cents' for nil"
TIMEOUT = "Request to Stripe timed out. Please check your internet connection and try again. If this problem persists, you should check Stripe's service status at https://status.stripe.com, or let us know at support@stripe.com.\n\n(Network error: Net::ReadTimeout with #<TCPSocket:(closed)>)"

BUGS = [
    # The same nil price in a listing page and an offer.
    Bug("fz-listing-nil-price", "market-web", (Exc("NoMethodError", NIL_PRICE, (*WEB, ctl("listings", "show", 22), model("listing", "display_price", 48))),),
        (see("sentry.error", 3), see("splunk", 2, **lograge("ListingsController#show")), see("datadog.log", **DD_WEB)),
        classes=(4, 5), pair="fz-offer-nil-price", entry="GET /listings/{id}", span=2, renames={"display_price": "price_label"}),
    Bug("fz-offer-nil-price", "market-web", (Exc("NoMethodError", NIL_PRICE, (*WEB, ctl("offers", "create", 17), rb("app/services/offers/counter.rb", "call", 29))),),
        (see("sentry.error", 2), see("splunk", 3, **lograge("OffersController#create")), see("datadog.apm", **APM)),
        classes=(4,), pair="fz-listing-nil-price", entry="POST /listings/{id}/offers"),
    # Unique violations: an order's checkout token on the web, a payout in a job.
    Bug("fz-order-dup-token", "market-web", (Exc("PG::UniqueViolation", 'ERROR:  duplicate key value violates unique constraint "index_orders_on_checkout_token"\nDETAIL:  Key (checkout_token)=({hex}) already exists.', (*WEB, ctl("checkouts", "create", 31), model("order", "place!", 62), *SAVE)),
                                             Exc("ActiveRecord::RecordNotUnique", 'PG::UniqueViolation: ERROR:  duplicate key value violates unique constraint "index_orders_on_checkout_token"\nDETAIL:  Key (checkout_token)=({hex}) already exists.', (*WEB, ctl("checkouts", "create", 31), model("order", "place!", 62), *SAVE))),
        (see("sentry.error", 3), see("splunk", 2, **lograge("CheckoutsController#create")), see("datadog.apm", **APM)),
        classes=(1, 4), pair="fz-payout-dup", entry="POST /checkout"),
    Bug("fz-payout-dup", "market-jobs", (Exc("PG::UniqueViolation", 'ERROR:  duplicate key value violates unique constraint "index_payouts_on_seller_id_and_period"\nDETAIL:  Key (seller_id, period)=({n}, 2026-03) already exists.', (*JOBS, job("payout_job", 14), model("payout", "settle!", 33), *SAVE)),
                                        Exc("ActiveRecord::RecordNotUnique", 'PG::UniqueViolation: ERROR:  duplicate key value violates unique constraint "index_payouts_on_seller_id_and_period"\nDETAIL:  Key (seller_id, period)=({n}, 2026-03) already exists.', (*JOBS, job("payout_job", 14), model("payout", "settle!", 33), *SAVE))),
        (see("sentry.error", 2), see("splunk", 3, **SIDEKIQ), see("datadog.log", **DD_JOBS)),
        classes=(1, 4, 6), pair="fz-order-dup-token", entry="PayoutJob"),
    # save! on two models: a listing's price and a seller's IBAN.
    Bug("fz-listing-invalid", "market-web", (Exc("ActiveRecord::RecordInvalid", "Validation failed: Price must be greater than 0", (*WEB, ctl("listings", "update", 41), *INVALID)),),
        (see("sentry.error", 3), see("splunk", 2, **lograge("ListingsController#update")), see("datadog.log", **DD_WEB)),
        classes=(4,), pair="fz-seller-invalid", entry="PATCH /listings/{id}"),
    Bug("fz-seller-invalid", "market-jobs", (Exc("ActiveRecord::RecordInvalid", "Validation failed: Iban is invalid", (*JOBS, job("seller_onboarding_job", 21), *INVALID)),),
        (see("sentry.error", 2), see("splunk", 2, **SIDEKIQ), see("datadog.apm", **APM_JOBS)),
        classes=(4, 6), pair="fz-listing-invalid", entry="SellerOnboardingJob"),
    # Stripe timing out in the checkout and in the charge job.
    Bug("fz-checkout-stripe-timeout", "market-web", (Exc("Stripe::APIConnectionError", TIMEOUT, (*WEB, ctl("checkouts", "create", 36), rb("app/services/payments/intent.rb", "create", 18), *STRIPE)),),
        (see("sentry.error", 3), see("splunk", 2, **lograge("CheckoutsController#create")), see("datadog.log", **DD_WEB)),
        classes=(10,), pair="fz-charge-stripe-timeout", entry="POST /checkout"),
    Bug("fz-charge-stripe-timeout", "market-jobs", (Exc("Stripe::APIConnectionError", TIMEOUT, (*JOBS, job("capture_payment_job", 12), rb("app/services/payments/capture.rb", "call", 23), *STRIPE)),),
        (see("sentry.error", 2), see("splunk", 3, **SIDEKIQ2), see("datadog.log", **DD_JOBS)),
        classes=(6, 10), pair="fz-checkout-stripe-timeout", entry="CapturePaymentJob"),
    Bug("fz-stock-deadlock", "market-jobs", (Exc("ActiveRecord::Deadlocked", "PG::TRDeadlockDetected: ERROR:  deadlock detected\nDETAIL:  Process {n} waits for ShareLock on transaction {n}; blocked by process {n}.\nProcess {n} waits for ShareLock on transaction {n}; blocked by process {n}.\nHINT:  See server log for query details.\nCONTEXT:  while updating tuple ({n},{n}) in relation \"stock_levels\"", (*JOBS, job("stock_sync_job", 19), model("stock_level", "apply_delta!", 27), rb(f"{AR}/connection_adapters/postgresql_adapter.rb", "translate_exception", 785, lib=True))),),
        (see("sentry.error", 3), see("splunk", 2, **SIDEKIQ), see("datadog.apm", **APM_JOBS)),
        classes=(1, 6), entry="StockSyncJob", span=2),
    Bug("fz-view-badge", "market-web", (Exc("ActionView::Template::Error", "undefined local variable or method `seller_badge' for an instance of #<Class:0x00007f{hex}>", (*WEB, rb(f"{AP}/action_controller/metal/rendering.rb", "render_to_body", 163, lib=True), rb("actionview-7.1.3.4/lib/action_view/template.rb", "render", 261, lib=True), rb("app/views/listings/_seller.html.erb", "_app_views_listings__seller_html_erb___{n}_{n}", 7))),),
        (see("sentry.error", 3), see("splunk", 2, **lograge("ListingsController#show")), see("datadog.log", **DD_WEB)),
        classes=(4,), entry="GET /listings/{id}"),
    Bug("fz-thumb-vips", "market-jobs", (Exc("Vips::Error", "VipsJpeg: Premature end of input file\nvipsload: ... failed", (*JOBS, job("thumbnail_job", 11), rb("image_processing-1.12.2/lib/image_processing/vips.rb", "call", 50, lib=True), rb("ruby-vips-2.2.1/lib/vips/image.rb", "write_to_file", 467, lib=True))),),
        (see("sentry.error", 2), see("splunk", 3, **SIDEKIQ), see("datadog.log", **DD_JOBS)),
        classes=(6,), entry="ThumbnailJob"),
    Bug("fz-geocode-timeout", "market-jobs", (Exc("Faraday::TimeoutError", "Net::ReadTimeout with #<TCPSocket:(closed)>", (*JOBS, job("geocode_market_job", 9), rb("app/clients/postcodes_client.rb", "lookup", 22), rb("faraday-net_http-3.1.0/lib/faraday/adapter/net_http.rb", "perform_request", 97, lib=True))),),
        (see("sentry.error", 3), see("splunk", 2, **SIDEKIQ2), see("datadog.apm", **APM_JOBS)),
        classes=(6, 10), entry="GeocodeMarketJob"),
    Bug("fz-mail-auth", "market-jobs", (Exc("Net::SMTPAuthenticationError", "535 5.7.8 Username and Password not accepted. For more information, go to\n5.7.8  https://support.google.com/mail/?p=BadCredentials {hex}.{n} - gsmtp", (*JOBS, rb("activejob-7.1.3.4/lib/active_job/execution.rb", "perform_now", 29, lib=True), rb("actionmailer-7.1.3.4/lib/action_mailer/mail_delivery_job.rb", "perform", 15, lib=True), rb("net-smtp-0.5.0/lib/net/smtp.rb", "authenticate", 896, lib=True))),),
        (see("sentry.error", 2), see("splunk", 2, **SIDEKIQ), see("datadog.log", **DD_JOBS)),
        classes=(6, 9), entry="Sidekiq::ActiveJob::Wrapper"),
    Bug("fz-fee-zero-singleton", "market-web", (Exc("ZeroDivisionError", "divided by 0", (*WEB, ctl("reports", "fees", 12), rb("app/services/fees/rate.rb", "effective", 8))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /admin/reports/fees"),
]

NOISE = [
    Noise("fz-noise-boot", "market-jobs", "splunk", {"search": "martindale sidekiq failures", "line": '{"ts":"2026-03-05T06:00:03.551Z","pid":7,"tid":"2ngb","lvl":"INFO","msg":"Booted Rails 7.1.3.4 application in production environment"}'}),
    Noise("fz-noise-deploy", "market-web", "datadog.event", {"monitor": "Deploy", "text": "market-web 2026.10.3 deployed (kamal) to web-1, web-2.", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("fz-noise-recovered", "market-jobs", "datadog.log", {"monitor": "[market] sidekiq job failures", "text": "Recovered: sidekiq job failures below threshold.", "transition": "Recovered", "alert_type": "success"}),
]

MARTINDALE = Company(
    key="fz",
    name="Martindale Markets",
    domain="martindale-markets.example",
    sentry_org="martindale",
    splunk_url="https://martindale.splunkcloud.com",
    splunk_guid="2E8B5C13-9D40-4A67-B1F2-0C6E3A7D9B58",
    datadog_org=("730951", "Martindale Markets"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("2026.10.1", "2026.10.2", "2026.10.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="martindale-sentry-client-secret",
)
# fmt: on
