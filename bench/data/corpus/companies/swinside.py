"""(dg) Swinside Cycles, bike repair bookings: one Rails 7.1 monolith on Ruby 3.3
(``workshop``, Puma; ``workshop-jobs``, Sidekiq 7.2 running plain Sidekiq jobs from the same
code) and Hotwire pages whose Stimulus controllers esbuild bundles (``workshop-web``).

Sentry: sentry-rails and sentry-sidekiq, @sentry/browser on the pages. PostHog: posthog-js
with exception autocapture on the same pages. Splunk indexes the release's stdout written by
rails_semantic_logger's default text formatter (the exception and its full backtrace under
the line, ``Cause:`` blocks below) and, on the request pods, lograge's key=value line with
only ``error='Class: message'``. No Datadog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import AR_INSERT, RAILS_REQUEST, SIDEKIQ_JOB, js, rb

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "workshop": Service("workshop", "ruby", "dg-semantic", "swinside:rails", "/app/log/production.log", "sw_prod", 5120011, "ruby 3.3.5", framework="rails", sdk=("sentry.ruby.rails", "5.21.0", "gem:sentry-rails")),
    "workshop-jobs": Service("workshop-jobs", "ruby", "dg-semantic", "swinside:sidekiq", "/app/log/sidekiq.log", "sw_prod", 5120011, "ruby 3.3.5", framework="sidekiq", sdk=("sentry.ruby.sidekiq", "5.21.0", "gem:sentry-sidekiq")),
    "workshop-web": Service("workshop-web", "javascript", "", "", "", "", 5120014, origin="https://book.swinside.example", framework="generic", sdk=("sentry.javascript.browser", "8.33.1", "npm:@sentry/browser")),
}


def app(file: str, method: str, line: int) -> Frame:
    return rb(file, method, line)


def gem(file: str, method: str, line: int) -> Frame:
    return rb(file, method, line, lib=True)


AR_FIND = (
    gem("activerecord-7.1.4/lib/active_record/core.rb", "find", 253),
    gem("activerecord-7.1.4/lib/active_record/core.rb", "cached_find_by", 449),
)
# Every supplier call goes through one helper that raises on a non-2xx answer.
SUPPLIER_GET = app("app/lib/supplier_api.rb", "get!", 31)
STIMULUS = "node_modules/@hotwired/stimulus/dist/stimulus.js"
ACTION = (
    js(STIMULUS, "BindingObserver.handleEvent", 75, 23, "application", lib=True),
    js(STIMULUS, "Binding.invokeWithEvent", 176, 20, "application", lib=True),
)
CONNECT = (
    js(STIMULUS, "Router.connectModule", 1522, 9, "application", lib=True),
    js(STIMULUS, "Context.initialize", 1188, 29, "application", lib=True),
)
REQ = {"search": "workshop - exceptions"}
E500 = "workshop - 500 responses"
JOBS = {"search": "workshop - sidekiq failures", "source": "/app/log/sidekiq.log"}
NIL_POSTCODE = "undefined method `postcode' for nil"


def req(*frames: Frame) -> tuple[Frame, ...]:
    return (*RAILS_REQUEST, *frames)


def job(*frames: Frame) -> tuple[Frame, ...]:
    return (*SIDEKIQ_JOB, *frames)


def not_unique(index: str, detail: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    pg = f'ERROR:  duplicate key value violates unique constraint "{index}"\nDETAIL:  {detail}\n'
    return (
        Exc("UniqueViolation", pg, frames, module="PG"),
        Exc("RecordNotUnique", f"PG::UniqueViolation: {pg}", frames, module="ActiveRecord"),
    )


BUGS = [
    # A customer without an address: the booking form and the collection job read its postcode.
    Bug("dg-booking-postcode-nil", "workshop", (Exc("NoMethodError", NIL_POSTCODE, req(app("app/controllers/bookings_controller.rb", "create", 24), app("app/services/collection_quote.rb", "call", 12))),),
        (see("sentry.error", 2), see("sentry.error", release=1), see("sentry.issue"), see("splunk", 2, **REQ), see("splunk", search=E500, format="dg-lograge")),
        classes=(4, 5), pair="dg-collection-postcode-nil", log="BookingsController#create", entry="POST /bookings", span=2, renames={"call": "quote"}),
    Bug("dg-collection-postcode-nil", "workshop-jobs", (Exc("NoMethodError", NIL_POSTCODE, job(app("app/sidekiq/collection_reminder_job.rb", "perform", 9), app("app/models/collection.rb", "route_for", 41))),),
        (see("sentry.error", 2, mechanism="sidekiq"), see("sentry.issue"), see("splunk", 2, queue="reminders", **JOBS)),
        classes=(4,), pair="dg-booking-postcode-nil", entry="CollectionReminderJob"),
    # Two unique indexes: a slot booked twice, a parts order re-imported.
    Bug("dg-slot-not-unique", "workshop", not_unique("index_bookings_on_slot_id", "Key (slot_id)=({id}) already exists.", req(app("app/controllers/bookings_controller.rb", "create", 31), *AR_INSERT)),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **REQ), see("splunk", search=E500, format="dg-lograge")),
        classes=(4,), pair="dg-parts-order-not-unique", log="BookingsController#create", entry="POST /bookings"),
    Bug("dg-parts-order-not-unique", "workshop-jobs", not_unique("index_parts_orders_on_supplier_ref", "Key (supplier_ref)=(PO-{id}) already exists.", job(app("app/sidekiq/import_parts_orders_job.rb", "perform", 18), *AR_INSERT)),
        (see("sentry.error", 3, mechanism="sidekiq"), see("splunk", 2, queue="suppliers", **JOBS)),
        classes=(4,), pair="dg-slot-not-unique", entry="ImportPartsOrdersJob"),
    # One quote total, two exceptions.
    Bug("dg-quote-zero-division", "workshop", (Exc("ZeroDivisionError", "divided by 0", req(app("app/controllers/quotes_controller.rb", "show", 15), app("app/models/quote.rb", "total", 38), gem("bigdecimal-3.1.8/lib/bigdecimal.rb", "/", 0))),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 2, **REQ), see("splunk", search=E500, format="dg-lograge")),
        classes=(4, 5), pair="dg-quote-nil-coerce", log="QuotesController#show", entry="GET /quotes/{id}", span=3),
    Bug("dg-quote-nil-coerce", "workshop", (Exc("TypeError", "nil can't be coerced into BigDecimal", req(app("app/controllers/quotes_controller.rb", "show", 15), app("app/models/quote.rb", "total", 36), gem("bigdecimal-3.1.8/lib/bigdecimal.rb", "+", 0))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **REQ)),
        classes=(4,), pair="dg-quote-zero-division", log="QuotesController#show", entry="GET /quotes/{id}"),
    # The supplier API helper raising the same error for two callers.
    Bug("dg-stock-sync-supplier-503", "workshop-jobs", (Exc("Error", "supplier responded 503 Service Unavailable for /v2/stock", job(app("app/sidekiq/stock_sync_job.rb", "perform", 14), app("app/services/stock_sync.rb", "pull", 27), SUPPLIER_GET), module="SupplierApi"),),
        (see("sentry.error", 3, mechanism="sidekiq"), see("splunk", 3, queue="suppliers", **JOBS)),
        classes=(4, 9), pair="dg-parts-search-supplier-503", entry="StockSyncJob"),
    Bug("dg-parts-search-supplier-503", "workshop", (Exc("Error", "supplier responded 503 Service Unavailable for /v2/parts", req(app("app/controllers/parts_controller.rb", "index", 11), app("app/services/parts_search.rb", "call", 19), SUPPLIER_GET), module="SupplierApi"),),
        (see("sentry.error", 2), see("splunk", 2, **REQ), see("splunk", search=E500, format="dg-lograge", fmt="turbo_stream")),
        classes=(4, 9), pair="dg-stock-sync-supplier-503", log="PartsController#index", entry="GET /parts"),
    # RecordNotFound: which model is the bug.
    Bug("dg-bike-not-found", "workshop", (Exc("RecordNotFound", "Couldn't find Bike with 'id'={id}", req(app("app/controllers/bikes_controller.rb", "show", 8), *AR_FIND), module="ActiveRecord"),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", **REQ), see("splunk", 2, search=E500, format="dg-lograge")),
        classes=(4,), pair="dg-mechanic-not-found", log="BikesController#show", entry="GET /bikes/{id}"),
    Bug("dg-mechanic-not-found", "workshop", (Exc("RecordNotFound", "Couldn't find Mechanic with 'id'={id}", req(app("app/controllers/rota_controller.rb", "edit", 22), *AR_FIND), module="ActiveRecord"),),
        (see("sentry.error", 2), see("splunk", 2, **REQ), see("splunk", search=E500, format="dg-lograge")),
        classes=(4,), pair="dg-bike-not-found", log="RotaController#edit", entry="GET /rota/{id}/edit"),
    # Two Stimulus controllers read a target's value before it renders.
    Bug("dg-web-slot-picker", "workshop-web", (Exc("TypeError", frames=(*CONNECT, js("app/javascript/controllers/slot_picker_controller.js", "connect", 12, 40, "application")), js=JsError("read-null", "this.element.querySelector('[data-day]')", "value")),),
        (see("sentry.error", browser="chrome", chunk="application"), see("sentry.error", browser="safari", chunk="application"), see("posthog", browser="firefox", chunk="application", mechanism="onerror"), see("posthog", browser="chrome", chunk="application", mechanism="onerror", resolved=True)),
        classes=(3, 4), pair="dg-web-basket", page="/bookings/new"),
    Bug("dg-web-basket", "workshop-web", (Exc("TypeError", frames=(*ACTION, js("app/javascript/controllers/basket_controller.js", "add", 31, 22, "application")), js=JsError("read-null", "this.element.querySelector('[data-qty]')", "value")),),
        (see("sentry.error", browser="firefox", chunk="application"), see("sentry.error", browser="chrome", chunk="application", release=1), see("posthog", browser="safari", chunk="application", mechanism="onerror"), see("posthog", browser="edge", chunk="application", mechanism="onerror")),
        classes=(3, 4, 5), pair="dg-web-slot-picker", page="/parts", span=2),
    # A lazy Stimulus controller's chunk gone after a deploy.
    Bug("dg-web-map-chunk", "workshop-web", (Exc("TypeError", "Failed to fetch dynamically imported module: https://book.swinside.example/assets/map_controller-{hex}.js", (*CONNECT, js("app/javascript/controllers/index.js", "loadController", 8, 5, "application")), engines={"spidermonkey": "error loading dynamically imported module: https://book.swinside.example/assets/map_controller-{hex}.js", "jsc": "Importing a module script failed."}),),
        (see("sentry.error", browser="chrome", chunk="application"), see("sentry.error", browser="firefox", chunk="application"), see("posthog", browser="safari", chunk="application", mechanism="onunhandledrejection"), see("posthog", browser="chrome", chunk="application", mechanism="onunhandledrejection"), see("posthog", browser="edge", chunk="application", mechanism="onunhandledrejection", release=1)),
        classes=(3,), page="/branches"),
    Bug("dg-web-invalid-date", "workshop-web", (Exc("RangeError", "Invalid time value", (*ACTION, js("app/javascript/controllers/collection_controller.js", "changeDate", 19, 30, "application"), js("node_modules/date-fns/format.js", "format", 360, 11, "application", lib=True)), engines={"spidermonkey": "invalid date", "jsc": "Invalid Date"}),),
        (see("posthog", browser="chrome", chunk="application", mechanism="onerror"), see("posthog", browser="firefox", chunk="application", mechanism="onerror"), see("posthog", browser="safari", chunk="application", mechanism="onerror"), see("sentry.error", browser="chrome", chunk="application")),
        classes=(3,), page="/bookings/new"),
    # Stripe refusing a refund above the charge.
    Bug("dg-refund-stripe", "workshop", (Exc("InvalidRequestError", "Refund amount (£{n}.00) is greater than charge amount (£{idx}.00)", req(app("app/controllers/refunds_controller.rb", "create", 17), app("app/services/refund_booking.rb", "call", 23), gem("stripe-12.6.0/lib/stripe/stripe_client.rb", "execute_request", 227)), module="Stripe"),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **REQ)),
        log="RefundsController#create", entry="POST /refunds"),
    # SMS reminders timing out at the gateway: the cause printed under the wrapper.
    Bug("dg-sms-read-timeout", "workshop-jobs", (Exc("ReadTimeout", "Net::ReadTimeout with #<TCPSocket:(closed)>", job(app("app/sidekiq/send_sms_job.rb", "perform", 7), app("app/lib/sms_gateway.rb", "deliver", 18), gem("net-protocol-0.2.2/lib/net/protocol.rb", "rbuf_fill", 229)), module="Net"), Exc("DeliveryFailed", "SMS gateway did not answer", job(app("app/sidekiq/send_sms_job.rb", "perform", 7), app("app/lib/sms_gateway.rb", "deliver", 22)), module="SmsGateway")),
        (see("sentry.error", 2, mechanism="sidekiq"), see("sentry.error", mechanism="sidekiq", release=1), see("splunk", 3, queue="reminders", **JOBS)),
        entry="SendSmsJob", span=2),
    Bug("dg-invoice-deadlock", "workshop-jobs", (Exc("Deadlocked", "PG::TRDeadlockDetected: ERROR:  deadlock detected\nDETAIL:  Process {pid} waits for ShareLock on transaction {id}; blocked by process {n}.\n", job(app("app/sidekiq/monthly_invoice_job.rb", "perform", 21), app("app/models/invoice.rb", "finalise!", 64), gem("activerecord-7.1.4/lib/active_record/connection_adapters/postgresql_adapter.rb", "translate_exception", 786)), module="ActiveRecord"),),
        (see("sentry.error", 2, mechanism="sidekiq"), see("sentry.issue"), see("splunk", 2, queue="billing", **JOBS)),
        entry="MonthlyInvoiceJob"),
    Bug("dg-receipt-template", "workshop", (Exc("Error", "undefined local variable or method `voucher' for an instance of #<Class:0x00007f{hex}>", req(app("app/controllers/receipts_controller.rb", "show", 9), app("app/views/receipts/show.html.erb", "_app_views_receipts_show_html_erb__{n}", 14)), module="ActionView::Template"),),
        (see("sentry.error"),),
        singleton=True, log="ReceiptsController#show", entry="GET /receipts/{id}"),
]

NOISE = [
    Noise("dg-noise-deploy", "workshop", "splunk", {**REQ, "line": "{gts}.{millis}123 I [1:main] Rails -- Booting Puma: Puma starting in cluster mode, version 6.4.3 (ruby 3.3.5-p100), Workers: 4"}),
    Noise("dg-noise-sentry-resolved", "workshop", "sentry.metric", {"rule": "workshop error rate", "aggregate": "count()", "action": "resolved", "value": "{n}"}),
]

SWINSIDE = Company(
    key="dg",
    name="Swinside Cycles",
    domain="swinside.example",
    sentry_org="swinside",
    splunk_url="https://swinside.splunkcloud.com",
    splunk_guid="C2E81A4D-6F3B-4E07-9B1C-8D5A2F6E4B90",
    datadog_org=("0", ""),
    datadog_template="default",
    posthog_project=(91402, "Swinside booking"),
    releases=("2026.03.1", "2026.03.2", "2026.03.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="swinside-sentry-client-secret",
)
# fmt: on
