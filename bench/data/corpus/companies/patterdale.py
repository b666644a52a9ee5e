"""(js) Patterdale Outfitters, an outdoor-gear retailer's order platform: a Rails 7.1 API on
Puma and Ruby 3.3 (``orders-api``: orders, returns, shipments, the storefront's JSON API) and
Sidekiq 7 workers from the same code (``orders-sidekiq``: carrier labels, tracking polls,
invoices, partner webhooks), native ``Sidekiq::Job`` classes, no Active Job.

Both log with Rails 7.1's default production logger: ``TaggedLogging`` with ``[request_id]``
tags, ``DebugExceptions``' FATAL block (``ActiveRecord::RecordNotFound (Couldn't find ...):``
over the cleaned app trace) on the API (``js-rails71-tagged``), Sidekiq 7's pretty text with
the default error handler's WARN records on the workers (``js-sidekiq7``). A Splunk universal
forwarder reads both files. Sentry: sentry-ruby with sentry-rails and sentry-sidekiq.
PostHog: posthog-ruby's ``capture_exception`` from a ``rescue_from`` and a Sidekiq error
handler. Datadog (the plugin's recommended template): APM monitors on ``rack.request`` and
``sidekiq.job`` spans, log monitors pasting samples of the tagged text.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import RAILS_REQUEST, SIDEKIQ_JOB, rb

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.ruby.rails", "5.17.3", "gem:sentry-rails")
SDK_SQ = ("sentry.ruby.sidekiq", "5.17.3", "gem:sentry-sidekiq")
SERVICES = {
    "orders-api": Service("orders-api", "ruby", "js-rails71-tagged", "patterdale:rails", "/srv/orders/current/log/production.log", "po_orders", 5520101, "ruby 3.3.4", framework="rails", sdk=SDK),
    "orders-sidekiq": Service("orders-sidekiq", "ruby", "js-sidekiq7", "patterdale:sidekiq", "/srv/orders/current/log/sidekiq.log", "po_orders", 5520102, "ruby 3.3.4", framework="sidekiq", sdk=SDK_SQ),
}


def app(file: str, method: str, line: int) -> Frame:
    return rb(file, method, line)


def gem(file: str, method: str, line: int) -> Frame:
    return rb(file, method, line, lib=True)


def web(*frames: Frame) -> tuple[Frame, ...]:
    return (*RAILS_REQUEST, *frames)


def job(*frames: Frame) -> tuple[Frame, ...]:
    return (*SIDEKIQ_JOB, *frames)


AR_FIND = (
    gem("activerecord-7.1.3/lib/active_record/core.rb", "find", 268),
)
AR_FIND_BY = (
    gem("activerecord-7.1.3/lib/active_record/relation/finder_methods.rb", "find_by!", 109),
    gem("activerecord-7.1.3/lib/active_record/relation/finder_methods.rb", "take!", 142),
)
AR_INSERT = (
    gem("activerecord-7.1.3/lib/active_record/persistence.rb", "save!", 405),
    gem("activerecord-7.1.3/lib/active_record/persistence.rb", "_insert_record", 1259),
    gem("activerecord-7.1.3/lib/active_record/connection_adapters/postgresql/database_statements.rb", "exec_insert", 72),
)
# Every carrier call goes through one Faraday wrapper that raises on a bad answer.
CARRIER_HTTP = (
    app("app/services/carriers/http_client.rb", "post_json", 34),
    gem("faraday-2.9.0/lib/faraday/connection.rb", "run_request", 445),
    gem("faraday-2.9.0/lib/faraday/rack_builder.rb", "build_response", 152),
)
FARADAY_TIMEOUT = gem("faraday-net_http-3.1.0/lib/faraday/adapter/net_http.rb", "rescue in perform_request", 66)
FARADAY_RAISE = gem("faraday-2.9.0/lib/faraday/response/raise_error.rb", "on_complete", 37)

WEB = dict(search="orders-api - FATAL", owner="svc_orders", app="orders")
JOBS = dict(search="orders-sidekiq - failed jobs", owner="svc_orders", app="orders")
APM = dict(monitor="orders-api: error rate on rack.request", team="orders", style="message")
JOB_APM = dict(monitor="orders-sidekiq: sidekiq.job errors", team="orders", style="type")
JOB_LOGS = dict(monitor="orders-sidekiq: jobs raising", team="orders", style="sample", filter="service:orders-sidekiq \"WARN:\" \"Job raised exception\"", sample_lines=6)
WEB_LOGS = dict(monitor="orders-api: FATAL in production.log", team="orders", style="sample", filter="service:orders-api FATAL")
PH = {}
NIL_POSTCODE = "undefined method `postcode' for nil"
ORDER_MISSING = "Couldn't find Order with 'id'={id}"


def not_found(model: str, value: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (Exc("RecordNotFound", f"Couldn't find {model} with {value}", frames, module="ActiveRecord"),)


def not_unique(index: str, detail: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    pg = f'ERROR:  duplicate key value violates unique constraint "{index}"\nDETAIL:  {detail}\n'
    return (
        Exc("UniqueViolation", pg, frames, module="PG"),
        Exc("RecordNotUnique", f"PG::UniqueViolation: {pg}", frames, module="ActiveRecord"),
    )


BUGS = [
    # One message, two controllers: the order page and the returns endpoint both find! an order.
    Bug("js-order-show-notfound", "orders-api", not_found("Order", "'id'={id}", web(app("app/controllers/api/v1/orders_controller.rb", "show", 14), *AR_FIND)),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **WEB), see("datadog.apm", **APM)),
        classes=(4,), pair="js-return-order-notfound", entry="GET /api/v1/orders/{id}", span=2),
    Bug("js-return-order-notfound", "orders-api", not_found("Order", "'id'={id}", web(app("app/controllers/api/v1/returns_controller.rb", "create", 22), app("app/services/returns/open_return.rb", "call", 11), *AR_FIND)),
        (see("sentry.error", 2), see("splunk", 3, **WEB), see("posthog", 2, **PH), see("datadog.log", **WEB_LOGS)),
        classes=(4,), pair="js-order-show-notfound", entry="POST /api/v1/orders/{id}/returns"),
    # find_by! in two jobs; the model named in the message is the bug.
    Bug("js-variant-notfound", "orders-sidekiq", not_found("Variant", "[WHERE \"variants\".\"sku\" = $1]", job(app("app/sidekiq/stock_sync_job.rb", "perform", 19), app("app/services/stock/apply_delta.rb", "call", 27), *AR_FIND_BY)),
        (see("sentry.error", 3), see("splunk", 2, queue="stock", **JOBS), see("datadog.log", **JOB_LOGS)),
        classes=(4,), pair="js-warehouse-notfound", entry="StockSyncJob"),
    Bug("js-warehouse-notfound", "orders-sidekiq", not_found("Warehouse", "[WHERE \"warehouses\".\"code\" = $1]", job(app("app/sidekiq/stock_sync_job.rb", "perform", 15), app("app/services/stock/resolve_warehouse.rb", "call", 9), *AR_FIND_BY)),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, queue="stock", **JOBS), see("datadog.apm", **JOB_APM)),
        classes=(4,), pair="js-variant-notfound", entry="StockSyncJob"),
    # A nil address: the checkout validation (web) and the label job (worker).
    Bug("js-checkout-postcode-nil", "orders-api", (Exc("NoMethodError", NIL_POSTCODE, web(app("app/controllers/api/v1/checkouts_controller.rb", "update", 31), app("app/services/checkout/delivery_options.rb", "for_basket", 18), app("app/models/basket.rb", "shipping_zone", 57))),),
        (see("sentry.error", 3), see("sentry.error", release=2), see("posthog", 2, **PH), see("splunk", 2, **WEB), see("datadog.apm", **APM)),
        classes=(4, 5), pair="js-label-postcode-nil", entry="PATCH /api/v1/checkouts/{id}", span=3, renames={"for_basket": "options_for"}),
    Bug("js-label-postcode-nil", "orders-sidekiq", (Exc("NoMethodError", NIL_POSTCODE, job(app("app/sidekiq/carrier_label_job.rb", "perform", 12), app("app/services/carriers/label_request.rb", "recipient", 44))),),
        (see("sentry.error", 2), see("posthog", **PH), see("splunk", 2, queue="labels", **JOBS), see("datadog.log", **JOB_LOGS)),
        classes=(4,), pair="js-checkout-postcode-nil", entry="CarrierLabelJob"),
    # Two unique indexes.
    Bug("js-wishlist-unique", "orders-api", not_unique("index_wishlist_items_on_customer_id_and_variant_id", "Key (customer_id, variant_id)=({id}, {idx}) already exists.", web(app("app/controllers/api/v1/wishlist_items_controller.rb", "create", 9), *AR_INSERT)),
        (see("sentry.error", 2), see("splunk", 2, **WEB), see("posthog", **PH)),
        classes=(4,), pair="js-shipment-unique", entry="POST /api/v1/wishlist_items"),
    Bug("js-shipment-unique", "orders-sidekiq", not_unique("index_shipments_on_order_id_and_carrier", "Key (order_id, carrier)=({id}, dpd) already exists.", job(app("app/sidekiq/carrier_label_job.rb", "perform", 18), app("app/services/carriers/record_shipment.rb", "call", 23), *AR_INSERT)),
        (see("sentry.error", 3), see("splunk", 2, queue="labels", **JOBS), see("datadog.log", **JOB_LOGS)),
        classes=(4,), pair="js-wishlist-unique", entry="CarrierLabelJob"),
    # One method, two exceptions: Duties::Calculator#duty_for.
    Bug("js-duty-zero", "orders-api", (Exc("ZeroDivisionError", "divided by 0", web(app("app/controllers/api/v1/quotes_controller.rb", "create", 17), app("app/services/duties/calculator.rb", "duty_for", 38), app("app/services/duties/calculator.rb", "/", 38))),),
        (see("sentry.error", 3), see("splunk", 2, **WEB), see("datadog.apm", **APM), see("posthog", **PH)),
        classes=(4,), pair="js-duty-keyerror", entry="POST /api/v1/quotes"),
    Bug("js-duty-keyerror", "orders-api", (Exc("KeyError", 'key not found: "{region}"', web(app("app/controllers/api/v1/quotes_controller.rb", "create", 17), app("app/services/duties/calculator.rb", "duty_for", 31), app("app/services/duties/calculator.rb", "fetch", 31))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **WEB), see("datadog.apm", **APM)),
        classes=(4,), pair="js-duty-zero", entry="POST /api/v1/quotes"),
    # The carrier HTTP wrapper at the end of two failures: DPD's label timing out, Royal Mail's tracking 502.
    Bug("js-dpd-label-timeout", "orders-sidekiq", (Exc("ReadTimeout", "Net::ReadTimeout with #<TCPSocket:(closed)>", job(app("app/sidekiq/carrier_label_job.rb", "perform", 14), app("app/services/carriers/dpd.rb", "create_label", 29), *CARRIER_HTTP, gem("net-protocol-0.2.2/lib/net/protocol.rb", "rbuf_fill", 229)), module="Net"), Exc("TimeoutError", "Net::ReadTimeout with #<TCPSocket:(closed)>", job(app("app/sidekiq/carrier_label_job.rb", "perform", 14), app("app/services/carriers/dpd.rb", "create_label", 29), *CARRIER_HTTP, FARADAY_TIMEOUT), module="Faraday")),
        (see("sentry.error", 3), see("splunk", 2, queue="labels", **JOBS), see("datadog.apm", **JOB_APM), see("datadog.log", **JOB_LOGS)),
        classes=(9,), pair="js-royalmail-502", entry="CarrierLabelJob", span=2),
    Bug("js-royalmail-502", "orders-sidekiq", (Exc("ServerError", "the server responded with status 502", job(app("app/sidekiq/tracking_poll_job.rb", "perform", 10), app("app/services/carriers/royal_mail.rb", "tracking_events", 52), *CARRIER_HTTP, FARADAY_RAISE), module="Faraday"),),
        (see("sentry.error", 2), see("splunk", 2, queue="tracking", **JOBS), see("datadog.log", **JOB_LOGS), see("posthog", **PH)),
        classes=(9,), pair="js-dpd-label-timeout", entry="TrackingPollJob"),
    # Two jobs under one log monitor: the invoice PDF and the partner webhook.
    Bug("js-invoice-prawn", "orders-sidekiq", (Exc("CannotFit", "Table's width was set too small to contain its contents", job(app("app/sidekiq/invoice_pdf_job.rb", "perform", 8), app("app/pdfs/invoice_pdf.rb", "line_items", 61), gem("prawn-table-0.2.2/lib/prawn/table.rb", "column_widths", 514)), module="Prawn::Errors"),),
        (see("sentry.error", 2), see("splunk", 2, queue="documents", **JOBS), see("datadog.log", 2, **JOB_LOGS)),
        classes=(2,), pair="js-partner-webhook-json", entry="InvoicePdfJob"),
    Bug("js-partner-webhook-json", "orders-sidekiq", (Exc("ParserError", "unexpected character: 'Bad' at line 1 column 1", job(app("app/sidekiq/marketplace_webhook_job.rb", "perform", 11), app("app/services/marketplace/order_import.rb", "parse", 20), gem("json-2.7.2/lib/json/common.rb", "parse", 219)), module="JSON"),),
        (see("sentry.error", 3), see("splunk", 2, queue="default", **JOBS), see("datadog.log", 2, **JOB_LOGS)),
        classes=(2,), pair="js-invoice-prawn", entry="MarketplaceWebhookJob"),
    # A missing param after the storefront renamed its payload key.
    Bug("js-param-missing", "orders-api", (Exc("ParameterMissing", "param is missing or the value is empty: shipment_address", web(app("app/controllers/api/v1/addresses_controller.rb", "address_params", 41), gem("actionpack-7.1.3/lib/action_controller/metal/strong_parameters.rb", "require", 499)), module="ActionController"),),
        (see("sentry.error", 2), see("splunk", 2, **WEB), see("splunk", half=True, **WEB), see("posthog", **PH)),
        entry="PUT /api/v1/addresses/{id}"),
    # Redis read timeouts from the stock cache, over three releases.
    Bug("js-redis-timeout", "orders-sidekiq", (Exc("ReadTimeoutError", "Waited 1.0 seconds", job(app("app/sidekiq/stock_sync_job.rb", "perform", 23), app("app/services/stock/cache.rb", "write_levels", 16), gem("redis-client-0.22.2/lib/redis_client/ruby_connection.rb", "read", 136)), module="RedisClient"),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 3, queue="stock", **JOBS), see("datadog.apm", **JOB_APM)),
        classes=(5,), entry="StockSyncJob", span=3),
    # The storefront's order-history search: a tagged FATAL with a wrapped cause.
    Bug("js-history-statement-timeout", "orders-api", (Exc("QueryCanceled", "ERROR:  canceling statement due to statement timeout\n", web(app("app/controllers/api/v1/order_history_controller.rb", "index", 12), app("app/queries/order_history_query.rb", "call", 33)), module="PG"), Exc("QueryCanceled", "PG::QueryCanceled: ERROR:  canceling statement due to statement timeout\n", web(app("app/controllers/api/v1/order_history_controller.rb", "index", 12), app("app/queries/order_history_query.rb", "call", 33)), module="ActiveRecord")),
        (see("sentry.error", 2), see("splunk", 2, **WEB), see("datadog.log", **WEB_LOGS), see("datadog.apm", **APM)),
        classes=(5,), entry="GET /api/v1/order_history", span=2),
    # A frozen string literal mutated in the gift-card redeemer: every tool sees it.
    Bug("js-giftcard-frozen", "orders-api", (Exc("FrozenError", "can't modify frozen String: \"GC-{giftcode}\"", web(app("app/controllers/api/v1/gift_cards_controller.rb", "redeem", 19), app("app/services/gift_cards/redeem.rb", "normalise_code", 12))),),
        (see("sentry.error", 2), see("posthog", **PH), see("splunk", 2, **WEB), see("datadog.apm", **APM)),
        entry="POST /api/v1/gift_cards/redeem"),
    Bug("js-singleton-gift-note", "orders-api", (Exc("ArgumentError", "invalid byte sequence in UTF-8", web(app("app/controllers/api/v1/gift_notes_controller.rb", "create", 8), app("app/models/gift_note.rb", "normalise", 19))),),
        (see("sentry.error"),),
        singleton=True, entry="POST /api/v1/orders/{id}/gift_note"),
]

NOISE = [
    Noise("js-noise-deploy", "orders-api", "datadog.event", {"monitor": "Deploy orders-api", "text": "Capistrano deployed orders-api 2026.14.2 to 4 hosts; puma phased-restart complete.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "orders"}),
    Noise("js-noise-sidekiq-boot", "orders-sidekiq", "splunk", {**JOBS, "line": "{ts} pid=7 tid=2wf INFO: Booted Rails 7.1.3.4 application in production environment"}),
    Noise("js-noise-recovered", "orders-sidekiq", "datadog.log", {"monitor": "orders-sidekiq: jobs raising", "text": "Recovered: no job exceptions logged on orders-sidekiq in the last 15 minutes.", "transition": "Recovered", "alert_type": "success", "team": "orders", "filter": "service:orders-sidekiq \"WARN:\" \"Job raised exception\""}),
]

PATTERDALE = Company(
    key="js",
    name="Patterdale Outfitters",
    domain="patterdale-outfitters.example",
    sentry_org="patterdale",
    splunk_url="https://patterdale.splunkcloud.com",
    splunk_guid="5D1E8A02-7C43-4F19-B6A0-2E9D4C8F1B37",
    datadog_org=("771204", "Patterdale Outfitters"),
    datadog_template="recommended",
    posthog_project=(48213, "Patterdale Storefront"),
    releases=("2026.14.1", "2026.14.2", "2026.15.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="patterdale-sentry-client-secret",
)
# fmt: on
