"""(kt) Elmstead Garden Centres, four garden centres' online shop and click-and-collect: a
Rails 7.1 app on Ruby 3.3 on Heroku (``shop-web``: Puma web dynos, ActiveRecord over Heroku
Postgres, Active Storage for plant photos, Stripe) and Sidekiq 7 worker dynos from the same
slug (``shop-worker``: stock sync from the suppliers' API, till imports, newsletters).

Splunk: Heroku's HTTPS log drain into HEC, so every stdout line is its own RFC 5424 event
(``<190>1 ... host app web.1 - ``): Rails' tagged FATAL (``kt-rails-drain``) arrives as a
``transaction`` of the request's events, or as the single event with the class and message,
or as one backtrace line; Sidekiq's timestamp-less dyno lines (``kt-sidekiq-drain``); the
router's ``H12``/``H10`` lines and the platform's ``R14``/``Process exited`` lines. Datadog:
the same drain, log monitors (the plugin's recommended template) pasting the one event they
matched. Sentry: sentry-rails and sentry-sidekiq (frames under ``/app``). PostHog:
posthog-ruby's ``capture_exception`` in a ``rescue_from`` for the checkout controllers.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import RAILS_REQUEST, rb

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.ruby.rails", "5.17.3", "gem:sentry-rails")
SDK_SQ = ("sentry.ruby.sidekiq", "5.17.3", "gem:sentry-sidekiq")
SERVICES = {
    "shop-web": Service("shop-web", "ruby", "kt-rails-drain", "heroku:drain", "http:heroku-elmstead-shop", "elmstead_heroku", 5510301, "ruby 3.3.0", framework="rails", sdk=SDK),
    "shop-worker": Service("shop-worker", "ruby", "kt-sidekiq-drain", "heroku:drain", "http:heroku-elmstead-shop", "elmstead_heroku", 5510302, "ruby 3.3.0", framework="sidekiq", sdk=SDK_SQ),
}

SIDEKIQ = (
    rb("sidekiq-7.2.1/lib/sidekiq/processor.rb", "block (4 levels) in process", 172, lib=True),
    rb("sidekiq-7.2.1/lib/sidekiq/middleware/chain.rb", "invoke", 182, lib=True),
    rb("sidekiq-7.2.1/lib/sidekiq/processor.rb", "execute_job", 206, lib=True),
)
AR = "activerecord-7.1.3/lib/active_record/"
FIND = (rb(AR + "core.rb", "find", 253, lib=True),)
SAVE = (
    rb(AR + "persistence.rb", "save!", 385, lib=True),
    rb(AR + "connection_adapters/postgresql/database_statements.rb", "exec_query", 56, lib=True),
    rb("activesupport-7.1.3/lib/active_support/notifications/instrumenter.rb", "instrument", 58, lib=True),
)
SUPPLIER = (
    rb("app/clients/supplier_client.rb", "get_json", 22),
    rb("faraday-2.9.0/lib/faraday/connection.rb", "run_request", 445, lib=True),
)


def ctl(name: str, action: str, line: int, *more: Frame) -> tuple[Frame, ...]:
    return (*RAILS_REQUEST, rb(f"app/controllers/{name}_controller.rb", action, line), *more)


def job(name: str, line: int, *more: Frame) -> tuple[Frame, ...]:
    return (*SIDEKIQ, rb(f"app/jobs/{name}.rb", "perform", line), *more)


def model(path: str, method: str, line: int) -> Frame:
    return rb(f"app/{path}.rb", method, line)


FATAL = dict(search="elmstead shop - Rails FATAL", owner="svc_shop", app="heroku")
TXN = dict(search="elmstead shop - 500 transactions", owner="svc_shop", app="heroku")
JOBS = dict(search="elmstead shop - Sidekiq failures", owner="svc_shop", app="heroku")
HEAD = dict(part="head", **FATAL)
DDWEB = dict(monitor="[shop] FATAL on web dynos", team="shop", style="sample", format="kt-rails-dd", filter="source:heroku service:elmstead-shop @syslog.procid:web* FATAL")
DDJOB = dict(monitor="[shop] Sidekiq job raised exception", team="shop", style="sample", format="kt-sidekiq-dd", filter="source:heroku service:elmstead-shop @syslog.procid:worker* WARN")
ROUTER = dict(search="elmstead shop - router errors", owner="svc_shop", app="heroku", sourcetype="heroku:router")
PLATFORM = dict(search="elmstead shop - dyno errors", owner="svc_shop", app="heroku", sourcetype="heroku:platform")
H12 = '<158>1 {tsnaive}+00:00 host heroku router - at=error code=H12 desc="Request timeout" method={m} path="{p}" host=shop.elmsteadgarden.example request_id={uuid} fwd="{ip}" dyno=web.{idx} connect=0ms service=30000ms status=503 bytes=0 protocol=https'
PH: dict[str, object] = {}
NIL_PRICE = "undefined method `price' for nil"


def h12(method: str, path: str) -> str:
    return H12.replace("{m}", method).replace("{p}", path)


def unique(index: str, detail: str, frames: tuple[Frame, ...]) -> tuple[Exc, ...]:
    pg = f'ERROR:  duplicate key value violates unique constraint "{index}"\nDETAIL:  {detail}\n'
    return (
        Exc("UniqueViolation", pg, frames, module="PG"),
        Exc("RecordNotUnique", f"PG::UniqueViolation: {pg}", frames, module="ActiveRecord"),
    )


BUGS = [
    # RecordNotFound for two models: the entity in the message is the bug.
    Bug("kt-order-notfound", "shop-web", (Exc("RecordNotFound", "Couldn't find Order with 'id'={id}", ctl("collections", "show", 14, model("services/collection_lookup", "call", 9), *FIND), module="ActiveRecord"),),
        (see("sentry.error", 3), see("splunk", 2, **FATAL), see("splunk", **HEAD), see("datadog.log", **DDWEB)),
        classes=(4,), pair="kt-plant-notfound", entry="GET /collections/{id}"),
    Bug("kt-plant-notfound", "shop-web", (Exc("RecordNotFound", "Couldn't find Plant with 'id'={id}", ctl("plants", "show", 11, *FIND), module="ActiveRecord"),),
        (see("sentry.error", 2), see("splunk", 2, **FATAL), see("splunk", **HEAD), see("datadog.log", 2, **DDWEB), see("posthog", **PH)),
        classes=(4,), pair="kt-order-notfound", entry="GET /plants/{id}"),
    # nil.price in the basket and in the wishlist (Ruby 3.3's shorter NoMethodError).
    Bug("kt-basket-nil-price", "shop-web", (Exc("NoMethodError", NIL_PRICE, ctl("baskets", "show", 8, model("models/basket", "subtotal", 31), model("models/basket_line", "line_total", 12))),),
        (see("sentry.error", 3), see("sentry.error", release=2), see("splunk", 2, **FATAL), see("splunk", part="frame", **FATAL), see("posthog", 2, **PH), see("datadog.log", **DDWEB)),
        classes=(4, 5), pair="kt-wishlist-nil-price", entry="GET /basket", span=3, renames={"subtotal": "items_subtotal"}),
    Bug("kt-wishlist-nil-price", "shop-web", (Exc("NoMethodError", NIL_PRICE, ctl("wishlists", "show", 10, model("presenters/wishlist_presenter", "price_drop", 27))),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **FATAL), see("datadog.log", **DDWEB)),
        classes=(4,), pair="kt-basket-nil-price", entry="GET /wishlist"),
    # Two unique indexes: a click-and-collect slot and a loyalty card.
    Bug("kt-slot-unique", "shop-web", unique("index_collection_slots_on_store_id_and_starts_at", "Key (store_id, starts_at)=({idx}, 2026-03-1{idx} 10:00:00) already exists.", ctl("collection_slots", "create", 19, model("services/slot_booker", "book!", 33), *SAVE)),
        (see("sentry.error", 3), see("splunk", 2, **FATAL), see("posthog", **PH), see("datadog.log", **DDWEB)),
        classes=(4,), pair="kt-loyalty-unique", entry="POST /collection_slots"),
    Bug("kt-loyalty-unique", "shop-web", unique("index_loyalty_cards_on_card_number", "Key (card_number)=(6337{id}) already exists.", ctl("loyalty_cards", "create", 16, model("services/loyalty_enrolment", "call", 21), *SAVE)),
        (see("sentry.error", 2), see("splunk", 2, **FATAL), see("splunk", **HEAD), see("datadog.log", **DDWEB)),
        classes=(4,), pair="kt-slot-unique", entry="POST /loyalty_cards"),
    # One delivery-quote method, two exceptions.
    Bug("kt-quote-zone-key", "shop-web", (Exc("KeyError", 'key not found: "TR2{idx}"', ctl("delivery_quotes", "create", 12, model("services/delivery_quote", "zone_for", 18), rb("app/services/delivery_quote.rb", "fetch", 18))),),
        (see("sentry.error", 3), see("splunk", 2, **FATAL), see("posthog", 2, **PH), see("datadog.log", **DDWEB)),
        classes=(4,), pair="kt-quote-zone-zero", entry="POST /delivery_quotes"),
    Bug("kt-quote-zone-zero", "shop-web", (Exc("ZeroDivisionError", "divided by 0", ctl("delivery_quotes", "create", 12, model("services/delivery_quote", "zone_for", 24), rb("app/services/delivery_quote.rb", "/", 24))),),
        (see("sentry.error", 2), see("splunk", **FATAL), see("posthog", **PH)),
        classes=(4,), pair="kt-quote-zone-key", entry="POST /delivery_quotes"),
    # Two jobs under one saved search and one monitor; both end in the supplier client.
    Bug("kt-stock-sync-timeout", "shop-worker", (Exc("ReadTimeout", "Net::ReadTimeout with #<TCPSocket:(closed)>", job("stock_sync_job", 15, model("services/stock_sync", "pull", 30), *SUPPLIER, rb("net-protocol-0.2.2/lib/net/protocol.rb", "rbuf_fill", 229, lib=True)), module="Net"), Exc("TimeoutError", "Net::ReadTimeout with #<TCPSocket:(closed)>", job("stock_sync_job", 15, model("services/stock_sync", "pull", 30), *SUPPLIER, rb("faraday-net_http-3.1.0/lib/faraday/adapter/net_http.rb", "rescue in perform_request", 68, lib=True)), module="Faraday")),
        (see("sentry.error", 3), see("splunk", 3, queue="stock", **JOBS), see("splunk", part="head", queue="stock", **JOBS), see("datadog.log", 2, queue="stock", **DDJOB)),
        classes=(9,), pair="kt-price-sync-json", entry="StockSyncJob", span=2),
    Bug("kt-price-sync-json", "shop-worker", (Exc("ParserError", "unexpected token at '<html>\r\n<head><title>502 Bad Gateway</title></head>'", job("price_sync_job", 11, model("services/price_sync", "pull", 17), *SUPPLIER, rb("json-2.7.1/lib/json/common.rb", "parse", 219, lib=True)), module="JSON"),),
        (see("sentry.error", 2), see("splunk", 2, queue="stock", **JOBS), see("datadog.log", 2, queue="stock", **DDJOB)),
        classes=(9,), pair="kt-stock-sync-timeout", entry="PriceSyncJob"),
    # The router's H12 on two slow pages: one line shape.
    Bug("kt-h12-checkout", "shop-web", (),
        (see("splunk", 3, line=h12("POST", "/checkout/payment"), **ROUTER), see("datadog.log", 2, monitor="[shop] H12 request timeouts", team="shop", filter="source:heroku @syslog.appname:heroku code:H12", text='at=error code=H12 desc="Request timeout" method=POST path="/checkout/payment" dyno=web.{idx} connect=0ms service=30000ms status=503')),
        classes=(7,), pair="kt-h12-plantfinder"),
    Bug("kt-h12-plantfinder", "shop-web", (),
        (see("splunk", 2, line=h12("GET", "/plant-finder?soil=clay&aspect=north&page={n}"), **ROUTER), see("datadog.log", monitor="[shop] H12 request timeouts", team="shop", filter="source:heroku @syslog.appname:heroku code:H12", text='at=error code=H12 desc="Request timeout" method=GET path="/plant-finder?soil=clay&aspect=north&page={n}" dyno=web.{idx} connect=0ms service=30000ms status=503')),
        classes=(7,), pair="kt-h12-checkout"),
    # R14 on two process types: a photo-variant leak on web, the catalogue export on worker.
    Bug("kt-r14-web", "shop-web", (),
        (see("splunk", 2, line="<45>1 {tsnaive}+00:00 host heroku web.{idx} - Error R14 (Memory quota exceeded)", **PLATFORM), see("splunk", line="<45>1 {tsnaive}+00:00 host heroku web.{idx} - Process running mem=5{n}M(10{idx}.2%)", **PLATFORM), see("datadog.log", monitor="[shop] R14 memory quota", team="shop", filter="source:heroku code:R14", text="Error R14 (Memory quota exceeded) on web.{idx}")),
        classes=(7,), pair="kt-r14-worker"),
    Bug("kt-r14-worker", "shop-worker", (),
        (see("splunk", 2, line="<45>1 {tsnaive}+00:00 host heroku worker.{idx} - Error R14 (Memory quota exceeded)", **PLATFORM), see("datadog.log", 2, monitor="[shop] R14 memory quota", team="shop", filter="source:heroku code:R14", text="Error R14 (Memory quota exceeded) on worker.{idx}")),
        classes=(7,), pair="kt-r14-web"),
    # Not pairs. A release without STRIPE_SECRET_KEY: boot crash, H10 at the router.
    Bug("kt-boot-crash-env", "shop-web", (Exc("KeyError", 'key not found: "STRIPE_SECRET_KEY"', (rb("bootsnap-1.17.0/lib/bootsnap/load_path_cache/core_ext/kernel_require.rb", "require", 30, lib=True), rb("config/initializers/stripe.rb", "<main>", 1), rb("config/initializers/stripe.rb", "fetch", 1))),),
        (see("sentry.error", release=1), see("splunk", 2, release=1, line='<158>1 {tsnaive}+00:00 host heroku router - at=error code=H10 desc="App crashed" method=GET path="/" host=shop.elmsteadgarden.example request_id={uuid} fwd="{ip}" dyno= connect= service= status=503 bytes= protocol=https', **ROUTER), see("splunk", release=1, line="<45>1 {tsnaive}+00:00 host heroku web.1 - Process exited with status 1\n<45>1 {tsnaive}+00:00 host heroku web.1 - State changed from starting to crashed", **PLATFORM), see("datadog.log", release=1, monitor="[shop] H10 app crashed", team="shop", filter="source:heroku code:H10", text='at=error code=H10 desc="App crashed" method=GET path="/" dyno= connect= service= status=503')),
        entry="boot"),
    Bug("kt-photo-variant", "shop-web", (Exc("FileNotFoundError", "ActiveStorage::FileNotFoundError", ctl("plants", "show", 11, model("helpers/plants_helper", "hero_photo", 6), rb("activestorage-7.1.3/lib/active_storage/service/s3_service.rb", "rescue in stream", 176, lib=True)), module="ActiveStorage"),),
        (see("sentry.error", 2), see("splunk", 2, **FATAL), see("datadog.log", **DDWEB)),
        entry="GET /plants/{id}"),
    Bug("kt-card-declined-500", "shop-web", (Exc("CardError", "Your card was declined.", ctl("checkouts", "update", 42, model("services/payment_capture", "call", 19), rb("stripe-10.5.0/lib/stripe/stripe_client.rb", "handle_error_response", 861, lib=True)), module="Stripe"),),
        (see("sentry.error", 3), see("sentry.issue"), see("posthog", 2, **PH), see("splunk", 2, **TXN), see("datadog.log", **DDWEB)),
        entry="PATCH /checkout"),
    Bug("kt-till-import-nil", "shop-worker", (Exc("NoMethodError", "undefined method `strip' for nil", job("till_import_job", 12, model("services/till_import", "row_to_sale", 44))),),
        (see("sentry.error", 3), see("splunk", 2, queue="imports", **JOBS), see("datadog.log", queue="imports", **DDJOB)),
        classes=(5,), entry="TillImportJob", span=2),
    Bug("kt-newsletter-smtp", "shop-worker", (Exc("SMTPAuthenticationError", "535 Authentication failed: Bad username / password\n", job("newsletter_job", 9, model("mailers/newsletter_mailer", "weekly", 14), rb("net-smtp-0.4.0/lib/net/smtp.rb", "check_auth_response", 1083, lib=True)), module="Net"),),
        (see("sentry.error", 2), see("splunk", 2, queue="mailers", **JOBS), see("datadog.log", **DDJOB)),
        entry="NewsletterJob"),
    Bug("kt-singleton-stack", "shop-web", (Exc("SystemStackError", "stack level too deep", ctl("categories", "index", 7, model("models/category", "ancestors_path", 22), model("models/category", "ancestors_path", 23))),),
        (see("sentry.error"),),
        singleton=True, entry="GET /categories"),
]

NOISE = [
    Noise("kt-noise-release", "shop-web", "splunk", {**PLATFORM, "line": "<190>1 {tsnaive}+00:00 host app api - Release v21{n} created by user deploys@elmsteadgarden.example"}),
    Noise("kt-noise-up", "shop-web", "splunk", {**PLATFORM, "line": "<45>1 {tsnaive}+00:00 host heroku web.{idx} - State changed from starting to up"}),
    Noise("kt-noise-recovered", "shop-worker", "datadog.log", {"monitor": "[shop] Sidekiq job raised exception", "transition": "Recovered", "alert_type": "success", "team": "shop", "filter": "source:heroku service:elmstead-shop @syslog.procid:worker* WARN", "text": "No job exceptions on worker dynos in the last 15 minutes."}),
]

ELMSTEAD = Company(
    key="kt",
    name="Elmstead Garden Centres",
    domain="elmsteadgarden.example",
    sentry_org="elmstead-garden",
    splunk_url="https://elmstead.splunkcloud.com",
    splunk_guid="3D7B2A91-6C40-4E15-9F28-B1A4C0E7D352",
    datadog_org=("902114", "Elmstead Garden Centres"),
    datadog_template="recommended",
    posthog_project=(80411, "Elmstead shop"),
    releases=("v212", "v215", "v219"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="elmstead-sentry-client-secret",
)
# fmt: on
