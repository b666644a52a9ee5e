"""(ap) Dunlin Crafts, a marketplace for makers' supplies: one Rails 7.1 monolith on Ruby 3.3
(``shop``, Puma; ``sidekiq``, Sidekiq 7.2 running ActiveJob and plain Sidekiq jobs from the
same code) and Hotwire pages whose Stimulus controllers esbuild bundles (``storefront``,
jsbundling-rails with code splitting, minified).

Sentry: sentry-rails and sentry-sidekiq, @sentry/browser on the storefront (Chrome, Firefox,
Safari; one release uploaded no source maps). Splunk indexes the request log as lograge's
JSON line (the team's ``custom_options`` add the exception and a cleaned backtrace joined
with `` -- ``), Rails' own FATAL block on the admin pods that never got lograge, Sidekiq's
default text log and, on the newer worker pool, Sidekiq's JSON logger; one saved search,
"shop - 500 responses", catches every failing request. Datadog (APM only, dd-trace-rb) posts
the team's template: ``headline``/``markdown``, the trigger time quoted.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import ACTIVEJOB_SIDEKIQ, AR_INSERT, RAILS_REQUEST, SIDEKIQ_JOB, js, rb

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "shop": Service("shop", "ruby", "lograge-json", "dunlin:rails:lograge", "/rails/log/production.log", "dunlin_web", 4410011, "ruby 3.3.4", framework="rails", sdk=("sentry.ruby.rails", "5.17.3", "gem:sentry-rails")),
    "sidekiq": Service("sidekiq", "ruby", "sidekiq", "dunlin:sidekiq", "/rails/log/sidekiq.log", "dunlin_jobs", 4410014, "ruby 3.3.4", framework="sidekiq", sdk=("sentry.ruby.sidekiq", "5.17.3", "gem:sentry-sidekiq")),
    "storefront": Service("storefront", "javascript", "", "", "", "", 4410017, origin="https://www.dunlincrafts.example", framework="generic", sdk=("sentry.javascript.browser", "7.119.0", "npm:@sentry/browser")),
}


def app(file: str, method: str, line: int) -> Frame:
    return rb(file, method, line)


def gem(file: str, method: str, line: int) -> Frame:
    return rb(file, method, line, lib=True)


# A plain Sidekiq job's perform (no ActiveJob in between).
SIDEKIQ = SIDEKIQ_JOB
# Faraday 2 over Net::HTTP waiting for an answer.
FARADAY_POST = (
    gem("faraday-2.9.0/lib/faraday/connection.rb", "post", 283),
    gem("faraday-2.9.0/lib/faraday/connection.rb", "run_request", 530),
    gem("faraday-2.9.0/lib/faraday/rack_builder.rb", "build_response", 152),
    gem("faraday-net_http-3.1.0/lib/faraday/adapter/net_http.rb", "call", 53),
    gem("faraday-net_http-3.1.0/lib/faraday/adapter/net_http.rb", "perform_request", 99),
)
NET_READ = (
    *FARADAY_POST,
    gem("net-http-0.4.1/lib/net/http.rb", "request", 2353),
    gem("net-protocol-0.2.2/lib/net/protocol.rb", "rbuf_fill", 229),
)
READ_TIMEOUT = "Net::ReadTimeout with #<TCPSocket:(closed)>"
# The one HTTP helper every partner client goes through: it lets Faraday's errors through.
POST_JSON = app("app/lib/http_json.rb", "post_json", 22)
# Stimulus dispatching a ``data-action`` to a controller method.
STIMULUS = "node_modules/@hotwired/stimulus/dist/stimulus.js"
STIMULUS_ACTION = (
    js(STIMULUS, "EventListener.handleEvent", 79, 25, "application", lib=True),
    js(STIMULUS, "Binding.handleEvent", 366, 22, "application", lib=True),
    js(STIMULUS, "Binding.invokeWithEvent", 392, 21, "application", lib=True),
)
STIMULUS_CONNECT = (
    js(STIMULUS, "Router.connectContextForScope", 1451, 17, "application", lib=True),
    js(STIMULUS, "Context.connect", 904, 29, "application", lib=True),
)
TURBO = "node_modules/@hotwired/turbo/dist/turbo.es2017-esm.js"
NIL_PRICE = "undefined method `price_cents' for nil"
SEARCH_500 = "shop - 500 responses"
JOBS_SEARCH = "sidekiq - job failures"
TEAM = "marketplace"
APM_TYPES = dict(style="type", team=TEAM, monitor="shop: error spans by type")
JOBS_QUEUE = dict(team="fulfilment", monitor="Sidekiq failures by queue")


def not_unique(index: str, key: str) -> tuple[Exc, Exc]:
    """PG's unique violation and ActiveRecord's wrapper (cause first), Rails' message."""
    pg = f'ERROR:  duplicate key value violates unique constraint "{index}"\nDETAIL:  Key {key} already exists.\n'
    return (
        Exc("PG::UniqueViolation", pg, (gem("activerecord-7.1.3/lib/active_record/connection_adapters/postgresql_adapter.rb", "exec_no_cache", 894),)),
        Exc("ActiveRecord::RecordNotUnique", f"PG::UniqueViolation: {pg}", ()),
    )


def timeout_chain(frames: tuple[Frame, ...]) -> tuple[Exc, Exc]:
    """Net::ReadTimeout wrapped by Faraday's adapter (cause first)."""
    return (
        Exc("Net::ReadTimeout", READ_TIMEOUT, (*frames, *NET_READ)),
        Exc("Faraday::TimeoutError", READ_TIMEOUT, (*frames, *FARADAY_POST)),
    )


ORDER_UNIQUE = not_unique("index_orders_on_number", "(number)=(DC-{order})")
PAYOUT_UNIQUE = not_unique("index_payouts_on_shop_id_and_period", "(shop_id, period)=({id}, {week})")

BUGS = [
    # The same nil at two places: a cart line whose variant was deleted, and a wishlist
    # presenter reading the same variant's price.
    Bug("ap-cart-line-nil-variant", "shop", (Exc("NoMethodError", NIL_PRICE, (*RAILS_REQUEST, app("app/controllers/cart_items_controller.rb", "create", 14), app("app/models/cart.rb", "add_line", 38), app("app/models/cart_line.rb", "subtotal_cents", 19))),),
        (see("sentry.error", 2), see("sentry.alert", rule="shop: new NoMethodError"), see("splunk", 2, search=SEARCH_500, action="CartItemsController#create", fmt="turbo_stream"), see("datadog.apm", **APM_TYPES)),
        classes=(2, 4), pair="ap-wishlist-nil-variant", entry="POST /cart/items", span=2, renames={"add_line": "add_item"}),
    Bug("ap-wishlist-nil-variant", "shop", (Exc("NoMethodError", NIL_PRICE, (*RAILS_REQUEST, app("app/controllers/wishlists_controller.rb", "show", 9), app("app/presenters/wishlist_presenter.rb", "price_label", 27))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", search=SEARCH_500, action="WishlistsController#show"), see("splunk", search=SEARCH_500, format="rails")),
        classes=(4,), pair="ap-cart-line-nil-variant", entry="GET /wishlists/{id}"),
    # Unique violations on two indexes: an order number handed out twice at checkout, and a
    # payout period the weekly job created again after a retry.
    Bug("ap-order-number-unique", "shop", (ORDER_UNIQUE[0], Exc(ORDER_UNIQUE[1].type, ORDER_UNIQUE[1].value, (*RAILS_REQUEST, app("app/controllers/checkouts_controller.rb", "create", 31), app("app/models/order.rb", "place!", 66), *AR_INSERT))),
        (see("sentry.error", 2), see("splunk", 2, search=SEARCH_500, action="CheckoutsController#create"), see("datadog.apm", style="message", team=TEAM, monitor="shop: checkout errors")),
        classes=(2, 4), pair="ap-payout-period-unique", entry="POST /checkout"),
    Bug("ap-payout-period-unique", "sidekiq", (PAYOUT_UNIQUE[0], Exc(PAYOUT_UNIQUE[1].type, PAYOUT_UNIQUE[1].value, (*SIDEKIQ, app("app/sidekiq/payouts/weekly_job.rb", "perform", 18), app("app/models/payout.rb", "open_for!", 41), *AR_INSERT))),
        (see("sentry.error", 2), see("splunk", 2, search=JOBS_SEARCH), see("datadog.queue", queue="payouts", **JOBS_QUEUE)),
        classes=(4, 8), pair="ap-order-number-unique", entry="Payouts::WeeklyJob"),
    # Two partners timing out through the one JSON helper.
    Bug("ap-shipping-quote-timeout", "shop", timeout_chain((*RAILS_REQUEST, app("app/controllers/shipping_quotes_controller.rb", "show", 12), app("app/services/shipping/rate_client.rb", "quote", 34), POST_JSON)),
        (see("sentry.error", 3), see("splunk", 2, search=SEARCH_500, action="ShippingQuotesController#show", fmt="json"), see("datadog.apm", style="route", team=TEAM, monitor="shop: shipping quote error rate")),
        classes=(8, 9), pair="ap-etsy-listing-sync-timeout", entry="GET /shipping_quote", span=2),
    Bug("ap-etsy-listing-sync-timeout", "sidekiq", timeout_chain((*ACTIVEJOB_SIDEKIQ, app("app/jobs/listing_sync_job.rb", "perform", 21), app("app/services/etsy/listings_client.rb", "push", 47), POST_JSON)),
        (see("sentry.error", 2), see("splunk", 2, search=JOBS_SEARCH, format="activejob"), see("datadog.queue", queue="integrations", **JOBS_QUEUE)),
        classes=(8, 9), pair="ap-shipping-quote-timeout", entry="ListingSyncJob"),
    # One read of undefined in two Stimulus controllers: the product gallery and the lightbox.
    Bug("ap-gallery-image-url", "storefront", (Exc("TypeError", frames=(*STIMULUS_ACTION, js("app/javascript/controllers/gallery_controller.js", "select", 24, 31, "application")), js=JsError("read-undefined", "this.images[index]", "url")),),
        (see("sentry.error", 2, browser="chrome", chunk="application"), see("sentry.error", browser="firefox", chunk="application", release=1), see("sentry.error", browser="safari", chunk="application", release=1)),
        classes=(3, 4), pair="ap-lightbox-image-url", span=2, page="/listings/hand-dyed-merino-aran"),
    Bug("ap-lightbox-image-url", "storefront", (Exc("TypeError", frames=(*STIMULUS_ACTION, js("app/javascript/controllers/lightbox_controller.js", "open", 41, 18, "application")), js=JsError("read-undefined", "this.images[index]", "url")),),
        (see("sentry.error", browser="chrome", chunk="application"), see("sentry.error", browser="chrome", chunk="application", sourcemaps=False), see("sentry.error", browser="safari", chunk="application")),
        classes=(3, 4, 10), pair="ap-gallery-image-url", page="/listings/hand-dyed-merino-aran"),
    # The variant picker calling a target method the price outlet no longer has.
    Bug("ap-variant-picker-outlet", "storefront", (Exc("TypeError", frames=(*STIMULUS_CONNECT, js("app/javascript/controllers/variant_picker_controller.js", "connect", 15, 27, "application"), js("app/javascript/controllers/variant_picker_controller.js", "refreshPrice", 33, 24, "application")), js=JsError("not-function", "this.priceOutlet", "render", "(e)")),),
        (see("sentry.error", 2, browser="chrome", chunk="application"), see("sentry.error", browser="firefox", chunk="application"), see("sentry.error", browser="safari", chunk="application", release=1)),
        classes=(3,), span=2, page="/listings/hand-dyed-merino-aran"),
    # A renamed partial left the reviews frame id behind: Turbo refuses the response.
    Bug("ap-reviews-frame-missing", "storefront", (Exc("Error", 'The response (200) did not contain the expected <turbo-frame id="listing_reviews"> and will be ignored. To perform a full page visit instead, set turbo-visit-control to reload.', (js(TURBO, "FrameController.loadResponse", 3394, 13, "application", lib=True), js(TURBO, "FrameController.handleUnvisitableFrameResponse", 3743, 11, "application", lib=True), js(TURBO, "FrameController.throwFrameMissingError", 3771, 11, "application", lib=True))),),
        (see("sentry.error", 2, browser="chrome", chunk="application", mechanism="onunhandledrejection"), see("sentry.error", browser="safari", chunk="application", mechanism="onunhandledrejection"), see("sentry.issue")),
        classes=(3,), page="/listings/hand-dyed-merino-aran"),
    # One job, two failures: libvips refusing an upload, and the blob gone before it ran.
    Bug("ap-photo-variant-vips", "sidekiq", (Exc("Vips::Error", 'VipsForeignLoad: "/tmp/ActiveStorage-{id}-20260302-1-{hex}.heic" is not a known file format\n', (*ACTIVEJOB_SIDEKIQ, app("app/jobs/listing_photos_job.rb", "perform", 16), app("app/models/listing_photo.rb", "build_variants", 52), gem("image_processing-1.12.2/lib/image_processing/vips.rb", "load_image", 47), gem("ruby-vips-2.2.1/lib/vips/image.rb", "new_from_file", 330))),),
        (see("sentry.error", 2), see("splunk", 2, search=JOBS_SEARCH, format="activejob"), see("splunk", search=JOBS_SEARCH, format="sidekiq-json", sourcetype="dunlin:sidekiq:json")),
        classes=(4,), pair="ap-photo-blob-missing", entry="ListingPhotosJob"),
    Bug("ap-photo-blob-missing", "sidekiq", (Exc("ActiveStorage::FileNotFoundError", "ActiveStorage::FileNotFoundError", (*ACTIVEJOB_SIDEKIQ, app("app/jobs/listing_photos_job.rb", "perform", 16), app("app/models/listing_photo.rb", "build_variants", 49), gem("activestorage-7.1.3/lib/active_storage/downloader.rb", "open", 12), gem("activestorage-7.1.3/lib/active_storage/service/s3_service.rb", "download", 51))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", search=JOBS_SEARCH, format="activejob")),
        classes=(4,), pair="ap-photo-variant-vips", entry="ListingPhotosJob"),
    # A saved card the customer removed in another tab.
    Bug("ap-stripe-no-payment-method", "shop", (Exc("Stripe::InvalidRequestError", "No such PaymentMethod: 'pm_1{hex}'", (*RAILS_REQUEST, app("app/controllers/checkouts_controller.rb", "confirm", 58), app("app/services/payments/charge.rb", "call", 29), gem("stripe-10.15.0/lib/stripe/api_requestor.rb", "handle_error_response", 848))),),
        (see("sentry.error", 2), see("splunk", search=SEARCH_500, action="CheckoutsController#confirm"), see("splunk", search=SEARCH_500, format="rails")),
        entry="POST /checkout/confirm"),
    # The nightly review digest job: the monitor and the stats search name only the job.
    Bug("ap-review-digest-nil", "sidekiq", (Exc("NoMethodError", "undefined method `each' for nil", (*SIDEKIQ, app("app/sidekiq/review_digest_job.rb", "perform", 11), app("app/mailers/review_digest_mailer.rb", "digest", 23))),),
        (see("sentry.error", 2), see("splunk", search=JOBS_SEARCH), see("splunk", search="sidekiq - failures by class", stats={"class": "ReviewDigestJob", "queue": "mailers", "failures": "{n}", "last_error": "NoMethodError"}), see("datadog.task", team="fulfilment", monitor="ReviewDigestJob failing", scope="resource_name:ReviewDigestJob")),
        classes=(8,), entry="ReviewDigestJob"),
    # Full-text search over listings hitting the statement timeout; the APM monitor names the route.
    Bug("ap-search-statement-timeout", "shop", (Exc("PG::QueryCanceled", "ERROR:  canceling statement due to statement timeout\n", (gem("activerecord-7.1.3/lib/active_record/connection_adapters/postgresql_adapter.rb", "exec_no_cache", 894),)), Exc("ActiveRecord::QueryCanceled", "PG::QueryCanceled: ERROR:  canceling statement due to statement timeout\n", (*RAILS_REQUEST, app("app/controllers/search_controller.rb", "index", 17), app("app/queries/listing_search.rb", "results", 42), gem("activerecord-7.1.3/lib/active_record/relation.rb", "load", 1000), gem("activerecord-7.1.3/lib/active_record/connection_adapters/postgresql_adapter.rb", "exec_no_cache", 894)))),
        (see("sentry.error", 2), see("splunk", 2, search=SEARCH_500, action="SearchController#index"), see("datadog.apm", style="route", team=TEAM, monitor="shop: search error rate")),
        classes=(8,), entry="GET /search"),
    # The seller CSV export meeting a shop name pasted from a spreadsheet.
    Bug("ap-orders-csv-encoding", "sidekiq", (Exc("Encoding::UndefinedConversionError", '"\\xE2" from ASCII-8BIT to UTF-8', (*ACTIVEJOB_SIDEKIQ, app("app/jobs/exports/orders_csv_job.rb", "perform", 27), app("app/lib/csv_writer.rb", "row", 14), gem("csv-3.2.8/lib/csv/writer.rb", "<<", 56))),),
        (see("sentry.error", 2), see("splunk", search=JOBS_SEARCH, format="activejob"), see("splunk", search=JOBS_SEARCH, format="sidekiq-json", sourcetype="dunlin:sidekiq:json", part="backtrace")),
        classes=(10,), entry="Exports::OrdersCsvJob", span=2),
    # Shop settings mutating a frozen default.
    Bug("ap-shop-settings-frozen", "shop", (Exc("FrozenError", 'can\'t modify frozen String: "{coupon}"', (*RAILS_REQUEST, app("app/controllers/shop_settings_controller.rb", "update", 22), app("app/models/shop_settings.rb", "normalize_slug", 61))),),
        (see("sentry.error"), see("sentry.issue"), see("splunk", 2, search=SEARCH_500, format="rails")),
        entry="PATCH /shop/settings"),
    # The mailer queue failing on SMTP auth after a credentials rotation.
    Bug("ap-smtp-auth", "sidekiq", (Exc("Net::SMTPAuthenticationError", "535-5.7.8 Username and Password not accepted. For more information, go to\n", (*ACTIVEJOB_SIDEKIQ, gem("actionmailer-7.1.3/lib/action_mailer/mail_delivery_job.rb", "perform", 16), gem("mail-2.8.1/lib/mail/network/delivery_methods/smtp.rb", "deliver!", 109), gem("net-smtp-0.4.0/lib/net/smtp.rb", "authenticate", 863))),),
        (see("sentry.error", 2), see("splunk", search=JOBS_SEARCH, format="sidekiq-json", sourcetype="dunlin:sidekiq:json"), see("datadog.queue", 2, queue="mailers", **JOBS_QUEUE)),
        classes=(8,), entry="ActionMailer::MailDeliveryJob"),
    # rack-timeout cutting off the seller's sales report: its message carries the waits.
    Bug("ap-sales-report-rack-timeout", "shop", (Exc("Rack::Timeout::RequestTimeoutException", "Request waited {line}ms, then ran for longer than 14{idx}{idx}0ms ", (*RAILS_REQUEST, app("app/controllers/seller/reports_controller.rb", "sales", 19), app("app/queries/seller_sales_report.rb", "rows", 58), gem("activerecord-7.1.3/lib/active_record/result.rb", "each", 69))),),
        (see("sentry.error", 2), see("splunk", 2, search=SEARCH_500, action="Seller::ReportsController#sales", fmt="csv"), see("datadog.apm", style="route", team=TEAM, monitor="shop: seller reports error rate")),
        classes=(7, 8), entry="GET /seller/reports/sales"),
    # Seen once.
    Bug("ap-gift-card-zero-division", "shop", (Exc("ZeroDivisionError", "divided by 0", (*RAILS_REQUEST, app("app/controllers/gift_cards_controller.rb", "show", 8), app("app/models/gift_card.rb", "percent_used", 33))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /gift_cards/{id}"),
]

NOISE = [
    Noise("ap-noise-deploy", "shop", "datadog.event", {"monitor": "Deployed shop 2026.03.3", "text": "Kamal deployed shop 2026.03.3 (6 web, 4 job containers).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": TEAM}),
    Noise("ap-noise-sidekiq-boot", "sidekiq", "splunk", {"search": JOBS_SEARCH, "line": "{tsms} pid=12 tid=2ke INFO: Booted Rails 7.1.3 application in production environment"}),
    Noise("ap-noise-queue-recovered", "sidekiq", "datadog.metric", {"monitor": "Sidekiq mailers latency", "scope": "queue:mailers", "transition": "Recovered", "metric": "sidekiq.queue.latency", "text": "mailers latency is back under 60s.", "team": "fulfilment"}),
]

DUNLIN = Company(
    key="ap",
    name="Dunlin Crafts",
    domain="dunlincrafts.example",
    sentry_org="dunlin-crafts",
    splunk_url="https://dunlin.splunkcloud.com",
    splunk_guid="7A3C91E2-48D0-4B6F-A1C5-0E92D7F3B814",
    datadog_org=("518233", "Dunlin Crafts"),
    datadog_template="ap",
    posthog_project=(0, ""),
    releases=("2026.03.1", "2026.03.2", "2026.03.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="dunlin-sentry-client-secret",
)
# fmt: on
