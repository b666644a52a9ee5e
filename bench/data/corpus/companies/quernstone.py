"""(bk) Quernstone Supply, a plumbing and heating wholesaler's trade counter: a Rails 6.1
monolith on Ruby 3.0 under Puma 5 (``trade-web``: quotes, orders, invoices; jQuery 3 and
Turbolinks 5 pages compiled by Sprockets 4, ``application-<sha256>.js``), ActionCable
channels for the live basket in the same process, and Sidekiq 6.5 workers (``trade-jobs``:
stock sync, price imports, carrier labels, invoice PDFs).

Sentry: sentry-ruby 5 (sentry-rails, sentry-sidekiq; the team moved off sentry-raven in
2023) and @sentry/browser 7 on the pages (Sprockets' source maps reach Sentry only from
2026.10.2 on: the first release's browser events keep minified frames). Splunk indexes the containers' output: Rails'
tagged production log (``[request_id]`` on every line, the cleaned backtrace), ActionCable's
one-line rescue log and Sidekiq 6.5's text log, plus a stats search over failed jobs.
Datadog (dd-trace-rb: Rails and Sidekiq) posts the team's own template: the monitor nested
under ``alert``, the markdown message, ``$DATE`` quoted. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import js, rb

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "trade-web": Service("trade-web", "ruby", "bk-rails61-tagged", "quernstone:rails", "/var/log/containers/trade-web.log", "qs_prod", 5120031, "ruby 3.0.6", framework="rails61", sdk=("sentry.ruby.rails", "5.16.1", "gem:sentry-rails")),
    "trade-jobs": Service("trade-jobs", "ruby", "bk-sidekiq65", "quernstone:sidekiq", "/var/log/containers/trade-jobs.log", "qs_prod", 5120032, "ruby 3.0.6", framework="sidekiq", sdk=("sentry.ruby.sidekiq", "5.16.1", "gem:sentry-sidekiq")),
    "trade-front": Service("trade-front", "javascript", "", "", "", "", 5120034, origin="https://trade.quernstone.example", framework="", sdk=("sentry.javascript.browser", "7.114.0", "npm:@sentry/browser")),
}


def gem(path: str, label: str, line: int) -> Frame:
    return rb(path, label, line, lib=True)


AP = "actionpack-6.1.7.6/lib/"
AR = "activerecord-6.1.7.6/lib/active_record/"
# Puma 5 through the Rails 6.1 router into a controller action (oldest first).
REQUEST = (
    gem("puma-5.6.8/lib/puma/thread_pool.rb", "block in spawn_thread", 147),
    gem("puma-5.6.8/lib/puma/server.rb", "process_client", 448),
    gem(AP + "action_dispatch/journey/router.rb", "block in serve", 50),
    gem(AP + "action_dispatch/routing/route_set.rb", "dispatch", 37),
    gem(AP + "action_controller/metal.rb", "dispatch", 190),
    gem(AP + "abstract_controller/base.rb", "process", 165),
    gem(AP + "abstract_controller/callbacks.rb", "block in process_action", 42),
    gem(AP + "action_controller/metal/basic_implicit_render.rb", "send_action", 6),
)
SIDEKIQ = (
    gem("sidekiq-6.5.12/lib/sidekiq/processor.rb", "block (4 levels) in process", 196),
    gem("sidekiq-6.5.12/lib/sidekiq/middleware/chain.rb", "invoke", 182),
    gem("sidekiq-6.5.12/lib/sidekiq/processor.rb", "execute_job", 210),
)
CABLE = (
    gem("actioncable-6.1.7.6/lib/action_cable/server/worker.rb", "block in invoke", 59),
    gem("actioncable-6.1.7.6/lib/action_cable/connection/base.rb", "dispatch_websocket_message", 93),
    gem("actioncable-6.1.7.6/lib/action_cable/channel/base.rb", "perform_action", 190),
    gem("actioncable-6.1.7.6/lib/action_cable/channel/base.rb", "dispatch_action", 268),
)
AR_CREATE = (
    gem(AR + "persistence.rb", "save!", 474),
    gem(AR + "persistence.rb", "_create_record", 961),
    gem(AR + "connection_adapters/postgresql/database_statements.rb", "exec_query", 56),
    gem(AR + "connection_adapters/abstract_adapter.rb", "translate_exception_class", 723),
)
AR_UPSERT = (
    gem(AR + "persistence.rb", "insert_all!", 157),
    gem(AR + "insert_all.rb", "execute", 37),
    gem(AR + "connection_adapters/postgresql/database_statements.rb", "exec_query", 56),
    gem(AR + "connection_adapters/abstract_adapter.rb", "translate_exception_class", 723),
)
AR_POOL = (
    gem(AR + "connection_adapters/abstract/connection_pool.rb", "checkout", 581),
    gem(AR + "connection_adapters/abstract/connection_pool.rb", "acquire_connection", 853),
    gem(AR + "connection_adapters/abstract/connection_pool.rb", "block in wait_poll", 205),
)
NET = (
    gem("faraday-1.10.3/lib/faraday/connection.rb", "post", 279),
    gem("faraday-net_http-1.0.1/lib/faraday/adapter/net_http.rb", "perform_request", 98),
    gem("net-protocol-0.1.3/lib/net/protocol.rb", "rbuf_fill", 219),
)
# Every supplier and carrier call goes through one wrapper: its frame ends both timeouts.
POST_JSON = rb("app/lib/quernstone/http.rb", "post_json", 19)
TIMEOUT = "Net::ReadTimeout with #<TCPSocket:(closed)>"

JQ = "vendor/assets/javascripts/jquery-3.6.4.js"
TL = "node_modules/turbolinks/dist/turbolinks.js"
TURBO_LOAD = (
    js(TL, "e.dispatch", 6, 15043, "application", lib=True),
    js(JQ, "HTMLDocument.dispatch", 5135, 27, "application", lib=True),
    js(JQ, "elemData.handle", 4939, 28, "application", lib=True),
)
JQ_CLICK = (
    js(JQ, "HTMLButtonElement.dispatch", 5135, 27, "application", lib=True),
    js(JQ, "elemData.handle", 4939, 28, "application", lib=True),
)


def unique(index: str, key: str, table: str) -> str:
    return f'PG::UniqueViolation: ERROR:  duplicate key value violates unique constraint "{index}"\nDETAIL:  Key {key} already exists.\n: INSERT INTO "{table}"'


WEB = {"search": "trade-web FATAL (5m)"}
JOBS = {"search": "trade-jobs failed jobs", "source": "/var/log/containers/trade-jobs.log"}
CABLE_SEARCH = {"search": "trade-web ActionCable errors", "format": "bk-actioncable61"}
STATS = "trade-jobs failures by worker (15m)"
TEAM = "counter"
KIND = {"monitor": "trade-web exceptions by class", "team": TEAM, "filter": "service:trade-web status:error", "style": "kind"}
SAMPLE = {"monitor": "trade-web FATAL lines", "team": TEAM, "filter": "service:trade-web status:error", "text": "Rails logged a FATAL on {{log.host}}:\n\n```\n{{log.message}}\n```\n\nPlaybook: https://wiki.quernstone.example/oncall/trade-web"}
APM = {"style": "type", "monitor": "trade-web error spans by type", "team": TEAM}

BUGS = [
    # The same nil price tier at two places: the quote builder and the invoice view.
    Bug("bk-quote-nil-tier", "trade-web", (Exc("NoMethodError", "undefined method `discount_pct' for nil:NilClass", (*REQUEST, rb("app/controllers/quotes_controller.rb", "create", 23), rb("app/services/quote_builder.rb", "add_line", 41), rb("app/models/price_list.rb", "net_price", 17))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("splunk", **WEB), see("splunk", half=True, release=1, **WEB), see("datadog.log", **KIND)),
        classes=(4,), pair="bk-invoice-nil-tier", entry="POST /quotes", span=2, renames={"create": "create_from_basket"}),
    Bug("bk-invoice-nil-tier", "trade-web", (Exc("NoMethodError", "undefined method `discount_pct' for nil:NilClass", (*REQUEST, rb("app/controllers/invoices_controller.rb", "show", 12), rb("app/presenters/invoice_presenter.rb", "line_rows", 33), rb("app/presenters/invoice_presenter.rb", "block in line_rows", 35))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **WEB), see("splunk", half=True, **WEB), see("datadog.log", **KIND)),
        classes=(4,), pair="bk-quote-nil-tier", entry="GET /invoices/{id}"),
    # RecordNotUnique on two indexes: a double-submitted order, a price import row twice.
    Bug("bk-order-number-unique", "trade-web", (Exc("ActiveRecord::RecordNotUnique", unique("index_orders_on_number", "(number)=(QS-{order})", "orders"), (*REQUEST, rb("app/controllers/orders_controller.rb", "create", 31), rb("app/services/checkout.rb", "place!", 52), *AR_CREATE)),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **WEB), see("datadog.apm", **APM)),
        classes=(4,), pair="bk-product-sku-unique", entry="POST /orders"),
    Bug("bk-product-sku-unique", "trade-jobs", (Exc("ActiveRecord::RecordNotUnique", unique("index_products_on_supplier_id_and_sku", "(supplier_id, sku)=({n}, {sku})", "products"), (*SIDEKIQ, rb("app/workers/price_import_worker.rb", "perform", 22), rb("app/services/price_import.rb", "flush_batch", 64), *AR_UPSERT)),),
        (see("sentry.error", 2, mechanism="sidekiq"), see("splunk", 2, queue="imports", **JOBS), see("splunk", search=STATS, stats={"worker": "PriceImportWorker", "queue": "imports", "failed": "{n}", "exception": "ActiveRecord::RecordNotUnique"}), see("datadog.task", monitor="PriceImportWorker failing", team=TEAM)),
        classes=(4,), pair="bk-order-number-unique", entry="PriceImportWorker"),
    # Two workers time out in the HTTP wrapper they share.
    Bug("bk-stock-sync-timeout", "trade-jobs", (Exc("Net::ReadTimeout", TIMEOUT, NET[-1:]), Exc("Faraday::TimeoutError", TIMEOUT, (*SIDEKIQ, rb("app/workers/stock_sync_worker.rb", "perform", 15), rb("app/clients/merchant_feed.rb", "stock_levels", 28), POST_JSON, *NET[:2]))),
        (see("sentry.error", 2, mechanism="sidekiq"), see("sentry.error", mechanism="sidekiq", release=1), see("splunk", 2, queue="suppliers", **JOBS), see("datadog.task", monitor="StockSyncWorker failing", team=TEAM)),
        classes=(9,), pair="bk-carrier-label-timeout", entry="StockSyncWorker", span=2),
    Bug("bk-carrier-label-timeout", "trade-jobs", (Exc("Net::ReadTimeout", TIMEOUT, NET[-1:]), Exc("Faraday::TimeoutError", TIMEOUT, (*SIDEKIQ, rb("app/workers/carrier_label_worker.rb", "perform", 11), rb("app/clients/parcel_carrier.rb", "create_label", 47), POST_JSON, *NET[:2]))),
        (see("sentry.error", 2, mechanism="sidekiq"), see("splunk", 2, queue="dispatch", **JOBS), see("splunk", search=STATS, stats={"worker": "CarrierLabelWorker", "queue": "dispatch", "failed": "{n}", "exception": "Faraday::TimeoutError"}), see("datadog.task", monitor="CarrierLabelWorker failing", team=TEAM)),
        classes=(9,), pair="bk-stock-sync-timeout", entry="CarrierLabelWorker"),
    # One VAT method, two exceptions: a comma decimal from a CSV, a line without a rate.
    Bug("bk-vat-bigdecimal-comma", "trade-web", (Exc("ArgumentError", 'invalid value for BigDecimal(): "{n},50"', (*REQUEST, rb("app/controllers/basket_lines_controller.rb", "update", 18), rb("app/models/basket_line.rb", "total_inc_vat", 29), rb("app/models/concerns/vat_calculator.rb", "line_total", 14), gem("bigdecimal-3.1.1/lib/bigdecimal/util.rb", "to_d", 65))),),
        (see("sentry.error", 2), see("splunk", 2, **WEB), see("datadog.log", **SAMPLE)),
        classes=(4,), pair="bk-vat-nil-coerce", entry="PATCH /basket_lines/{id}"),
    Bug("bk-vat-nil-coerce", "trade-web", (Exc("TypeError", "nil can't be coerced into BigDecimal", (*REQUEST, rb("app/controllers/basket_lines_controller.rb", "update", 18), rb("app/models/basket_line.rb", "total_inc_vat", 29), rb("app/models/concerns/vat_calculator.rb", "line_total", 16), rb("app/models/concerns/vat_calculator.rb", "*", 16))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **WEB), see("datadog.log", **SAMPLE)),
        classes=(4,), pair="bk-vat-bigdecimal-comma", entry="PATCH /basket_lines/{id}"),
    # The live basket channel: a line removed by another tab before the quantity change lands.
    Bug("bk-cable-line-gone", "trade-web", (Exc("NoMethodError", "undefined method `update!' for nil:NilClass", (*CABLE, rb("app/channels/basket_channel.rb", "update", 19), rb("app/channels/basket_channel.rb", "change_quantity", 34))),),
        (see("sentry.error", 2, mechanism="action_cable"), see("splunk", 3, channel="BasketChannel", action="update", **CABLE_SEARCH)),
        entry="BasketChannel"),
    # Two pages whose Turbolinks load handler binds to an element that is not there: the
    # same null read in two files.
    Bug("bk-js-basket-null", "trade-front", (Exc("TypeError", frames=(*TURBO_LOAD, js("app/assets/javascripts/basket.js", "bindBasketTotals", 12, 31, "application")), js=JsError("read-null", "totals", "addEventListener")),),
        (see("sentry.error", 2, browser="chrome", chunk="application", sourcemaps=False), see("sentry.error", browser="firefox", chunk="application", release=1), see("sentry.error", browser="safari", chunk="application", release=1)),
        classes=(3, 4), pair="bk-js-delivery-null", span=2, page="/basket"),
    Bug("bk-js-delivery-null", "trade-front", (Exc("TypeError", frames=(*TURBO_LOAD, js("app/assets/javascripts/delivery_slots.js", "initSlotPicker", 44, 18, "application")), js=JsError("read-null", "picker", "addEventListener")),),
        (see("sentry.error", 2, browser="chrome", chunk="application", sourcemaps=False), see("sentry.error", browser="edge", chunk="application"), see("sentry.error", browser="safari", chunk="application", release=1)),
        classes=(3, 4), pair="bk-js-basket-null", span=2, page="/checkout/delivery"),
    # select2 not loaded on pages reached by a Turbolinks visit.
    Bug("bk-js-select2-missing", "trade-front", (Exc("TypeError", frames=(*TURBO_LOAD, js("app/assets/javascripts/product_search.js", "initBranchSelect", 8, 20, "application")), js=JsError("not-function", "$(...)", "select2", "({ width: 'resolve' })")),),
        (see("sentry.error", 2, browser="chrome", chunk="application", sourcemaps=False), see("sentry.error", browser="firefox", chunk="application"), see("sentry.error", browser="safari", chunk="application", release=1)),
        classes=(3,), span=2, page="/products"),
    # The connection pool exhausted under the quarter-end quote rush.
    Bug("bk-ar-pool-timeout", "trade-web", (Exc("ActiveRecord::ConnectionTimeoutError", "could not obtain a connection from the pool within 5.000 seconds (waited 5.{millis} seconds); all pooled connections were in use", (*REQUEST, rb("app/controllers/quotes_controller.rb", "index", 9), gem(AR + "relation.rb", "load", 659), *AR_POOL)),),
        (see("sentry.error"), see("sentry.alert", rule="trade-web: high-priority issues"), see("splunk", 2, **WEB), see("datadog.apm", **APM), see("datadog.apm", style="route", monitor="GET /quotes error rate", team=TEAM)),
        entry="GET /quotes"),
    # Invoice PDFs whose stored blob no longer matches its checksum.
    Bug("bk-invoice-pdf-integrity", "trade-jobs", (Exc("ActiveStorage::IntegrityError", "ActiveStorage::IntegrityError", (*SIDEKIQ, rb("app/workers/invoice_pdf_worker.rb", "perform", 13), rb("app/services/invoice_pdf.rb", "attach_letterhead", 58), gem("activestorage-6.1.7.6/lib/active_storage/downloader.rb", "verify_integrity_of", 37))),),
        (see("sentry.error", 2, mechanism="sidekiq"), see("sentry.issue"), see("splunk", queue="documents", **JOBS), see("datadog.queue", queue="documents", monitor="Sidekiq failures by queue", team=TEAM)),
        entry="InvoicePdfWorker"),
    # A supplier's price file with a stray quote: Ruby's CSV refuses it.
    Bug("bk-price-csv-quoting", "trade-jobs", (Exc("CSV::MalformedCSVError", "Illegal quoting in line {n}.", (*SIDEKIQ, rb("app/workers/supplier_price_file_worker.rb", "perform", 17), rb("app/services/price_file.rb", "each_row", 26), gem("csv-3.1.9/lib/csv.rb", "shift", 1936), gem("csv-3.1.9/lib/csv/parser.rb", "parse_quoted_column_value", 1020))),),
        (see("sentry.error", 2, mechanism="sidekiq"), see("splunk", 2, queue="imports", **JOBS), see("splunk", search=STATS, stats={"worker": "SupplierPriceFileWorker", "queue": "imports", "failed": "{n}", "exception": "CSV::MalformedCSVError"})),
        entry="SupplierPriceFileWorker"),
    # The nightly price list upload logging its size and time: one log template, no bug.
    Bug("bk-pricelist-upload-slow", "trade-jobs", (),
        (see("splunk", 3, search="trade-jobs slow price list uploads", line="{tsms} pid={idx} tid=ovk4q class=PriceListExportWorker jid={hex} INFO: price list uploaded to {objstore}: {size} in {dur}"), see("datadog.log", 2, monitor="Slow price list uploads", team=TEAM, filter='service:trade-jobs "price list uploaded"', text="Price list upload to {objstore} was slow: {size} in {dur}")),
        classes=(7,)),
    # Seen once: a Turbolinks cache restore rendering a stale CSRF token.
    Bug("bk-csrf-stale", "trade-web", (Exc("ActionController::InvalidAuthenticityToken", "ActionController::InvalidAuthenticityToken", (*REQUEST[:-1], gem(AP + "action_controller/metal/request_forgery_protection.rb", "handle_unverified_request", 230))),),
        (see("sentry.error"),),
        singleton=True, entry="POST /orders"),
]

NOISE = [
    Noise("bk-noise-deploy", "trade-web", "datadog.event", {"monitor": "Deploy trade-web 2026.10.2", "text": "Capistrano deployed trade-web 2026.10.2 (a41c9e2) to web-1..web-4.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": TEAM}),
    Noise("bk-noise-sidekiq-boot", "trade-jobs", "splunk", {**JOBS, "line": "{tsms} pid={idx} tid=gw3 INFO: Booting Sidekiq 6.5.12 with Sidekiq::RedisConnection::RedisAdapter options {:url=>\"redis://sidekiq-redis:6379/1\"}"}),
    Noise("bk-noise-recovered", "trade-web", "datadog.log", {"monitor": "trade-web FATAL lines", "transition": "Recovered", "alert_type": "success", "text": "trade-web FATAL lines are back to normal.", "priority": "P3", "team": TEAM}),
]

QUERNSTONE = Company(
    key="bk",
    name="Quernstone Supply",
    domain="quernstone.example",
    sentry_org="quernstone",
    splunk_url="https://quernstone.splunkcloud.com",
    splunk_guid="8C1F0D7A-3E55-4B92-9A61-2D7E4F0B9C13",
    datadog_org=("402117", "Quernstone Supply"),
    datadog_template="bk-quern",
    posthog_project=(0, ""),
    releases=("2026.10.1", "2026.10.2", "2026.11.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="quernstone-sentry-client-secret",
)
