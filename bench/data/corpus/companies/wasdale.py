"""(ke) Wasdale Brewing, a brewery's trade-ordering platform for pubs and bottle shops: a
Sinatra 3.0 API on Puma 6 and Ruby 3.1 (``trade-api``: modular ``Sinatra::Base`` apps mounted
in ``config.ru``, Sequel 5 models over Postgres, Faraday to the pallet courier, Stripe for
card accounts) and Sidekiq 7 workers from the same code (``trade-sidekiq``: cask returns, EPOS
imports, invoices, courier bookings), plain ``Sidekiq::Job`` classes.

Both log through Ruby's stdlib ``Logger`` with the default formatter (``ke-ruby-stdlogger``:
Sinatra's ``error`` block calls ``logger.error(env["sinatra.error"])``, so ``message (Class)``
and the whole backtrace; one release logged only the first four backtrace lines, and an older
route logs its own one-line ``<verb> <path> failed: Class: message``; ``ke-sidekiq-stdlogger``:
Sidekiq's default error handler's three ``WARN`` records through the same formatter). A Splunk
universal forwarder reads both files. Sentry: sentry-ruby with sentry-sidekiq (frames under
``/app``). PostHog: posthog-ruby's ``capture_exception`` from the ``error`` block and a Sidekiq
error handler. Datadog (the plugin's recommended template): dd-trace-rb APM monitors on
``rack.request`` and ``sidekiq.job`` spans and log monitors pasting the first lines.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import rb

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.ruby", "5.12.0", "gem:sentry-ruby")
SDK_SQ = ("sentry.ruby.sidekiq", "5.12.0", "gem:sentry-sidekiq")
SERVICES = {
    "trade-api": Service("trade-api", "ruby", "ke-ruby-stdlogger", "wasdale:ruby_logger", "/app/log/trade-api.log", "wb_trade", 6120961, "ruby 3.1.4", framework="sinatra", sdk=SDK),
    "trade-sidekiq": Service("trade-sidekiq", "ruby", "ke-sidekiq-stdlogger", "wasdale:sidekiq", "/app/log/sidekiq.log", "wb_trade", 6120962, "ruby 3.1.4", framework="sidekiq", sdk=SDK_SQ),
}

SIN = "sinatra-3.0.6/lib/sinatra/base.rb"
SINATRA = (
    rb("puma-6.3.1/lib/puma/thread_pool.rb", "block in spawn_thread", 147, lib=True),
    rb("puma-6.3.1/lib/puma/server.rb", "process_client", 443, lib=True),
    rb("puma-6.3.1/lib/puma/request.rb", "handle_request", 98, lib=True),
    rb("sentry-ruby-5.12.0/lib/sentry/rack/capture_exceptions.rb", "call", 28, lib=True),
    rb("rack-2.2.8/lib/rack/urlmap.rb", "call", 74, lib=True),
    rb(SIN, "call", 1527, lib=True),
    rb(SIN, "synchronize", 1743, lib=True),
    rb(SIN, "call!", 1001, lib=True),
    rb(SIN, "invoke", 1151, lib=True),
    rb(SIN, "dispatch!", 1174, lib=True),
    rb(SIN, "route!", 1031, lib=True),
    rb(SIN, "route_eval", 1053, lib=True),
    rb(SIN, "block in compile!", 1796, lib=True),
)
SIDEKIQ = (
    rb("sidekiq-7.1.6/lib/sidekiq/processor.rb", "block (4 levels) in process", 170, lib=True),
    rb("sidekiq-7.1.6/lib/sidekiq/middleware/chain.rb", "invoke", 180, lib=True),
    rb("sidekiq-7.1.6/lib/sidekiq/processor.rb", "execute_job", 202, lib=True),
)


def route(file: str, app_class: str, line: int) -> Frame:
    """A route block as Ruby 3.1 names it: ``block in <class:OrdersApp>``."""
    return rb(f"app/routes/{file}.rb", f"block in <class:{app_class}>", line)


def lib(file: str, method: str, line: int) -> Frame:
    return rb(f"lib/wasdale/{file}.rb", method, line)


def job(file: str, line: int, *frames: Frame) -> tuple[Frame, ...]:
    return (*SIDEKIQ, rb(f"app/jobs/{file}.rb", "perform", line), *frames)


def web(*frames: Frame) -> tuple[Frame, ...]:
    return (*SINATRA, *frames)


SEQ = "sequel-5.73.0/lib/sequel/"
FIRST_BANG = (
    rb(SEQ + "dataset/actions.rb", "first!", 241, lib=True),
)
WITH_PK_BANG = (
    rb(SEQ + "model/base.rb", "with_pk!", 586, lib=True),
    rb(SEQ + "dataset/actions.rb", "first!", 241, lib=True),
)
SEQ_SAVE = (
    rb(SEQ + "model/base.rb", "save", 1513, lib=True),
    rb(SEQ + "model/base.rb", "_insert", 1747, lib=True),
    rb(SEQ + "dataset/actions.rb", "insert", 414, lib=True),
    rb(SEQ + "adapters/postgres.rb", "execute", 176, lib=True),
    rb(SEQ + "database/misc.rb", "raise_error", 556, lib=True),
)
SEQ_QUERY = (
    rb(SEQ + "dataset/actions.rb", "each", 157, lib=True),
    rb(SEQ + "adapters/postgres.rb", "fetch_rows", 722, lib=True),
    rb(SEQ + "connection_pool/threaded.rb", "hold", 91, lib=True),
    rb(SEQ + "connection_pool/threaded.rb", "acquire", 138, lib=True),
    rb(SEQ + "connection_pool/threaded.rb", "assign_connection", 219, lib=True),
)
# Every courier call goes through one Faraday wrapper.
COURIER = (
    lib("courier/client", "request", 41),
    rb("faraday-2.7.11/lib/faraday/connection.rb", "run_request", 445, lib=True),
    rb("faraday-2.7.11/lib/faraday/rack_builder.rb", "build_response", 152, lib=True),
)
F_TIMEOUT = rb("faraday-net_http-3.0.2/lib/faraday/adapter/net_http.rb", "rescue in perform_request", 66, lib=True)
F_RAISE = rb("faraday-2.7.11/lib/faraday/response/raise_error.rb", "on_complete", 29, lib=True)

API_SEARCH = dict(search="trade-api - ERROR", owner="svc_trade", app="trade")
JOB_SEARCH = dict(search="trade-sidekiq - job failures", owner="svc_trade", app="trade")
API_APM = dict(monitor="trade-api: rack.request errors", team="trade", style="message")
JOB_APM = dict(monitor="trade-sidekiq: sidekiq.job errors", team="trade", style="type")
JOB_LOGS = dict(monitor="trade-sidekiq: Job raised exception", team="trade", style="sample", filter="service:trade-sidekiq \"Job raised exception\"", sample_lines=3)
API_LOGS = dict(monitor="trade-api: ERROR in trade-api.log", team="trade", style="sample", filter="service:trade-api status:error", sample_lines=5)
PH: dict[str, object] = {}
NO_ROW = "Sequel::NoMatchingRow"
NIL_INDEX = "undefined method `[]' for nil:NilClass"


def unique(constraint: str, detail: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    pg = f'ERROR:  duplicate key value violates unique constraint "{constraint}"\nDETAIL:  {detail}\n'
    return (
        Exc("UniqueViolation", pg, frames, module="PG"),
        Exc("UniqueConstraintViolation", f"PG::UniqueViolation: {pg}", frames, module="Sequel"),
    )


BUGS = [
    # Sequel's NoMatchingRow (its message is its class name) from two routes.
    Bug("ke-order-norow", "trade-api", (Exc("NoMatchingRow", NO_ROW, web(route("orders", "OrdersApp", 37), lib("orders/lookup", "for_account", 12), *WITH_PK_BANG), module="Sequel"),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **API_SEARCH), see("datadog.apm", **API_APM)),
        classes=(4,), pair="ke-invoice-norow", entry="GET /orders/{order_id}", span=2),
    Bug("ke-invoice-norow", "trade-api", (Exc("NoMatchingRow", NO_ROW, web(route("invoices", "InvoicesApp", 22), lib("billing/invoice_pdf", "load", 18), *FIRST_BANG), module="Sequel"),),
        (see("sentry.error", 2), see("splunk", 2, **API_SEARCH), see("posthog", 2, **PH), see("datadog.log", **API_LOGS)),
        classes=(4,), pair="ke-order-norow", entry="GET /invoices/{invoice_id}.pdf"),
    # Two unique constraints: the pub's PO number (API) and a returned cask (worker).
    Bug("ke-po-unique", "trade-api", unique("trade_orders_account_id_po_number_key", "Key (account_id, po_number)=({id}, PO-{idx}{idx}) already exists.", web(route("orders", "OrdersApp", 58), lib("orders/place", "call", 33), *SEQ_SAVE)),
        (see("sentry.error", 3), see("splunk", 2, **API_SEARCH), see("posthog", **PH), see("datadog.apm", **API_APM)),
        classes=(4,), pair="ke-cask-unique", entry="POST /orders"),
    Bug("ke-cask-unique", "trade-sidekiq", unique("cask_returns_cask_id_collected_on_key", "Key (cask_id, collected_on)=({id}, 2026-03-0{idx}) already exists.", job("cask_return_job", 14, lib("casks/record_return", "call", 21), *SEQ_SAVE)),
        (see("sentry.error", 2), see("splunk", 3, queue="casks", **JOB_SEARCH), see("datadog.log", queue="casks", **JOB_LOGS)),
        classes=(4,), pair="ke-po-unique", entry="CaskReturnJob"),
    # nil[] in two places: the price list parser (API) and the drop planner (worker).
    Bug("ke-pricelist-nil", "trade-api", (Exc("NoMethodError", NIL_INDEX, web(route("price_lists", "PriceListsApp", 19), lib("pricing/price_list", "tier_for", 44))),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 2, **API_SEARCH), see("posthog", 2, **PH), see("datadog.apm", **API_APM)),
        classes=(4, 5), pair="ke-drop-nil", entry="GET /price_lists/{account_id}", span=3, renames={"tier_for": "band_for"}),
    Bug("ke-drop-nil", "trade-sidekiq", (Exc("NoMethodError", NIL_INDEX, job("drop_plan_job", 9, lib("deliveries/drop_planner", "slot_window", 63))),),
        (see("sentry.error", 3), see("splunk", 2, queue="deliveries", **JOB_SEARCH), see("datadog.log", queue="deliveries", **JOB_LOGS)),
        classes=(4,), pair="ke-pricelist-nil", entry="DropPlanJob"),
    # One discount method, two exceptions.
    Bug("ke-discount-nil-coerce", "trade-api", (Exc("TypeError", "nil can't be coerced into BigDecimal", web(route("quotes", "QuotesApp", 26), lib("pricing/tier_discount", "apply", 17), lib("pricing/tier_discount", "*", 17))),),
        (see("sentry.error", 3), see("splunk", 2, **API_SEARCH), see("datadog.apm", **API_APM)),
        classes=(4,), pair="ke-discount-infinity", entry="POST /quotes"),
    Bug("ke-discount-infinity", "trade-api", (Exc("FloatDomainError", "Infinity", web(route("quotes", "QuotesApp", 26), lib("pricing/tier_discount", "apply", 22), lib("pricing/tier_discount", "round", 22))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **API_SEARCH), see("posthog", **PH)),
        classes=(4,), pair="ke-discount-nil-coerce", entry="POST /quotes"),
    # The courier wrapper at the end of two failures.
    Bug("ke-courier-timeout", "trade-sidekiq", (Exc("ReadTimeout", "Net::ReadTimeout with #<TCPSocket:(closed)>", job("pallet_booking_job", 11, lib("courier/pallet_line", "book", 27), *COURIER, rb("net-protocol-0.2.1/lib/net/protocol.rb", "rbuf_fill", 219, lib=True)), module="Net"), Exc("TimeoutError", "Net::ReadTimeout with #<TCPSocket:(closed)>", job("pallet_booking_job", 11, lib("courier/pallet_line", "book", 27), *COURIER, F_TIMEOUT), module="Faraday")),
        (see("sentry.error", 3), see("splunk", 2, queue="courier", **JOB_SEARCH), see("datadog.apm", **JOB_APM), see("datadog.log", queue="courier", **JOB_LOGS)),
        classes=(9,), pair="ke-courier-503", entry="PalletBookingJob", span=2),
    Bug("ke-courier-503", "trade-api", (Exc("ServerError", "the server responded with status 503", web(route("deliveries", "DeliveriesApp", 31), lib("courier/pallet_line", "track", 48), *COURIER, F_RAISE), module="Faraday"),),
        (see("sentry.error", 2), see("splunk", 2, **API_SEARCH), see("posthog", **PH), see("datadog.log", **API_LOGS)),
        classes=(9,), pair="ke-courier-timeout", entry="GET /deliveries/{delivery_id}/tracking"),
    # Two jobs under one log monitor: an EPOS CSV import and the invoice mailer.
    Bug("ke-epos-csv", "trade-sidekiq", (Exc("MalformedCSVError", "Unclosed quoted field in line {idx}.", job("epos_import_job", 16, lib("epos/importer", "rows", 29), rb("csv-3.2.5/lib/csv.rb", "each", 1727, lib=True), rb("csv-3.2.5/lib/csv/parser.rb", "parse_quotable_robust", 1044, lib=True)), module="CSV"),),
        (see("sentry.error", 2), see("splunk", 2, queue="imports", **JOB_SEARCH), see("datadog.log", 2, queue="imports", **JOB_LOGS)),
        classes=(2,), pair="ke-invoice-smtp", entry="EposImportJob"),
    Bug("ke-invoice-smtp", "trade-sidekiq", (Exc("SMTPAuthenticationError", "535 5.7.8 Authentication credentials invalid\n", job("invoice_mail_job", 8, lib("billing/invoice_mailer", "deliver", 35), rb("mail-2.8.1/lib/mail/network/delivery_methods/smtp.rb", "deliver!", 109, lib=True), rb("net-smtp-0.3.3/lib/net/smtp.rb", "check_auth_response", 1015, lib=True)), module="Net"),),
        (see("sentry.error", 3), see("splunk", 2, queue="mailers", **JOB_SEARCH), see("datadog.log", 2, queue="mailers", **JOB_LOGS)),
        classes=(2,), pair="ke-epos-csv", entry="InvoiceMailJob"),
    # Not pairs.
    Bug("ke-pool-timeout", "trade-sidekiq", (Exc("PoolTimeout", "timeout: 5.0, elapsed: 5.00{id}", job("stock_snapshot_job", 12, lib("stock/snapshot", "fetch_levels", 25), *SEQ_QUERY), module="Sequel"),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 3, queue="stock", **JOB_SEARCH), see("datadog.apm", **JOB_APM)),
        classes=(5,), entry="StockSnapshotJob", span=3, renames={"fetch_levels": "levels"}),
    Bug("ke-webhook-json", "trade-api", (Exc("ParserError", "859: unexpected token at '<html><body>Bad Gateway'", web(route("webhooks", "WebhooksApp", 14), lib("epos/webhook", "parse", 9), rb("json-2.6.1/lib/json/common.rb", "parse", 216, lib=True)), module="JSON"),),
        (see("sentry.error", 2), see("splunk", 2, **API_SEARCH), see("splunk", wrapped=True, **API_SEARCH), see("datadog.log", **API_LOGS)),
        classes=(10,), entry="POST /webhooks/epos"),
    Bug("ke-delivery-date", "trade-api", (Exc("Error", "invalid date", web(route("deliveries", "DeliveriesApp", 52), lib("deliveries/slot_picker", "parse_day", 14), lib("deliveries/slot_picker", "parse", 14)), module="Date"),),
        (see("sentry.error", 3), see("posthog", 2, **PH), see("splunk", 2, half=True, **API_SEARCH), see("datadog.apm", **API_APM)),
        classes=(10,), entry="POST /deliveries/slots"),
    Bug("ke-label-encoding", "trade-sidekiq", (Exc("UndefinedConversionError", '"\\xE2" from ASCII-8BIT to UTF-8', job("keg_label_job", 10, lib("labels/keg_label", "render", 38), rb("prawn-2.4.0/lib/prawn/text.rb", "text", 195, lib=True)), module="Encoding"),),
        (see("sentry.error", 2), see("splunk", 2, queue="labels", **JOB_SEARCH), see("posthog", **PH), see("datadog.log", queue="labels", **JOB_LOGS)),
        entry="KegLabelJob"),
    Bug("ke-stripe-customer", "trade-api", (Exc("InvalidRequestError", "No such customer: 'cus_{hex}'", web(route("accounts", "AccountsApp", 67), lib("billing/card_account", "charge", 31), rb("stripe-9.4.0/lib/stripe/stripe_client.rb", "handle_error_response", 766, lib=True)), module="Stripe"),),
        (see("sentry.error", 3), see("splunk", 2, **API_SEARCH), see("posthog", **PH), see("datadog.apm", **API_APM), see("datadog.log", **API_LOGS)),
        entry="POST /accounts/{account_id}/charges", span=2),
    Bug("ke-validation-postcode", "trade-api", (Exc("ValidationFailed", "postcode is not a valid UK postcode", web(route("accounts", "AccountsApp", 41), lib("accounts/update_address", "call", 19), rb(SEQ + "model/base.rb", "save", 1509, lib=True)), module="Sequel"),),
        (see("sentry.error", 2), see("splunk", 2, **API_SEARCH), see("splunk", wrapped=True, **API_SEARCH), see("posthog", **PH)),
        entry="PATCH /accounts/{account_id}/address"),
    Bug("ke-singleton-stack", "trade-api", (Exc("SystemStackError", "stack level too deep", web(route("catalogue", "CatalogueApp", 12), lib("catalogue/tree", "walk", 27), lib("catalogue/tree", "walk", 29))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /catalogue"),
]

NOISE = [
    Noise("ke-noise-deploy", "trade-api", "datadog.event", {"monitor": "Deploy trade-api", "text": "Kamal deployed trade-api 2026.10.2 to 3 hosts; puma phased restart finished.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "trade"}),
    Noise("ke-noise-puma-boot", "trade-api", "splunk", {**API_SEARCH, "line": "[{pid}] Puma starting in cluster mode...\n[{pid}] * Puma version: 6.3.1 (ruby 3.1.4-p223) (\"Mugi No Toki Itaru\")\n[{pid}] *  Min threads: 5\n[{pid}] *  Max threads: 5"}),
    Noise("ke-noise-recovered", "trade-sidekiq", "datadog.log", {"monitor": "trade-sidekiq: Job raised exception", "text": "Recovered: no job exceptions on trade-sidekiq in the last 15 minutes.", "transition": "Recovered", "alert_type": "success", "team": "trade", "filter": "service:trade-sidekiq \"Job raised exception\""}),
]

WASDALE = Company(
    key="ke",
    name="Wasdale Brewing",
    domain="wasdalebrewing.example",
    sentry_org="wasdale-brewing",
    splunk_url="https://wasdale.splunkcloud.com",
    splunk_guid="8A3C1F70-2E59-4D84-B1C6-93F0E7A25D14",
    datadog_org=("833190", "Wasdale Brewing"),
    datadog_template="recommended",
    posthog_project=(61722, "Wasdale Trade"),
    releases=("2026.10.1", "2026.10.2", "2026.11.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="wasdale-sentry-client-secret",
)
# fmt: on
