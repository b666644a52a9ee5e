"""(kw) Fairhaven Grocers, a regional grocer's online shop with home delivery: ``orders-api``, a
Rust axum 0.7 API on tokio (sqlx 0.7 over Postgres, reqwest to the card processor, the loyalty
scheme and the van-routing partner, aws-sdk-s3 for invoice PDFs), ``picking-worker``, a tokio
task per pick list from the same workspace, and ``shop-web``, the React 18 storefront built by
Vite.

Logs: tracing-subscriber's JSON formatter (``kw-axum-json``: ``fields.message``,
``fields.error`` as ``%err``, ``{:#}`` or ``?err`` with the ``Caused by:`` list and the
backtrace, the ``http_request`` span with the matched route and the trace id), panics through
the team's hook as one "A panic occurred" event (``kw-axum-panic``), shipped by Vector to Splunk
HEC. Sentry: sentry-rust 0.32 with ``sentry-tower``, ``sentry-anyhow`` and the panic
integration; @sentry/react in the storefront. Datadog: one log monitor per service pasting
``{{log.attributes.fields.message}}`` and ``{{log.attributes.fields.error}}``, a panic monitor,
and APM through OpenTelemetry (``tracing-opentelemetry`` to the Agent's OTLP intake: the span's
``error.type`` and ``error.message``, the Display of the anyhow error). PostHog: posthog-js in the
storefront (exception autocapture, minified frames).
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import REACT_CLICK, REACT_EFFECT, REACT_RENDER, js
from .gannet import ANYHOW_CONTEXT, AXUM, TOKIO, UNWRAP, UNWRAP_PANIC, dep, rs, std

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.rust", "0.32.3", "cargo:sentry")
SDK_WEB = ("sentry.javascript.react", "8.38.0", "npm:@sentry/react")
SERVICES = {
    "orders-api": Service("orders-api", "rust", "kw-axum-json", "fairhaven:tracing", "vector", "fh_shop", 9102201, "rustc 1.79.0", framework="generic", sdk=SDK),
    "picking-worker": Service("picking-worker", "rust", "kw-axum-json", "fairhaven:tracing", "vector", "fh_shop", 9102202, "rustc 1.79.0", framework="generic", sdk=SDK),
    "shop-web": Service("shop-web", "javascript", "", "", "", "", 9102203, origin="https://shop.fairhavengrocers.example", framework="onerror", sdk=SDK_WEB),
}


def api(function: str, file: str, line: int, col: int) -> Frame:
    return rs(f"orders_api::{function}", f"crates/orders-api/src/{file}", line, col)


def pick(function: str, file: str, line: int, col: int) -> Frame:
    return rs(f"picking_worker::{function}", f"crates/picking-worker/src/{file}", line, col)


PICK_LOOP = (
    *TOKIO,
    pick("run::{{closure}}", "main.rs", 58, 30),
    pick("pick_list::process::{{closure}}", "pick_list.rs", 33, 18),
)
SQLX_FETCH_ONE = dep("sqlx_core::query_as::QueryAs<DB,O,A>::fetch_one::{{closure}}", "sqlx-core-0.7.4/src/query_as.rs", 165, 9)
SQLX_EXECUTE = dep("sqlx_core::query::Query<DB,A>::execute::{{closure}}", "sqlx-core-0.7.4/src/query.rs", 159, 9)
SQLX_ACQUIRE = dep("sqlx_core::pool::inner::PoolInner<DB>::acquire::{{closure}}", "sqlx-core-0.7.4/src/pool/inner.rs", 280, 17)
# Every partner call goes through one workspace helper.
POST_JSON = rs("fairhaven_http::post_json::{{closure}}", "crates/fairhaven-http/src/lib.rs", 47, 10)
BOUNDS = (
    std("core::panicking::panic_bounds_check", "core/src/panicking.rs", 219, 5),
    std("core::panicking::panic_fmt", "core/src/panicking.rs", 72, 14),
    std("rust_begin_unwind", "std/src/panicking.rs", 652, 5),
)
SUB_OVERFLOW = (
    std("core::panicking::panic_const::panic_const_sub_overflow", "core/src/panicking.rs", 181, 21),
    std("core::panicking::panic_fmt", "core/src/panicking.rs", 72, 14),
    std("rust_begin_unwind", "std/src/panicking.rs", 652, 5),
)
NO_ROWS = "no rows returned by a query that expected to return at least one row"

API_LOG = {"log": "request failed", "logger": "orders_api::error"}
PICK_LOG = {"log": "pick list failed", "logger": "picking_worker::pick_list"}
# One saved search for the API and one for the worker, whatever the error.
API_SEARCH = {"search": "orders-api ERROR", "owner": "svc_shop", "app": "shop"}
PICK_SEARCH = {"search": "picking-worker ERROR", "owner": "svc_shop", "app": "shop", "err": "alternate"}
PANICS = {"search": "fairhaven panics", "owner": "svc_shop", "app": "shop", "format": "kw-axum-panic"}
# One log monitor per service: it pastes whichever error fired it.
API_MONITOR = {"monitor": "orders-api: error logs", "team": "shop", "filter": "service:orders-api status:error", "text": "orders-api: {{log.attributes.fields.message}}\n\n```\n{{log.attributes.fields.error}}\n```"}
PICK_MONITOR = {"monitor": "picking-worker: pick lists failing", "team": "stores", "filter": "service:picking-worker \"pick list failed\"", "text": "Pick lists are failing.\n\n{{log.attributes.fields.error}}", "err": "alternate"}
PANIC_MONITOR = {"monitor": "Fairhaven Rust panics", "team": "platform", "filter": "@fields.message:\"A panic occurred\"", "text": "{{log.attributes.fields.panic.payload}} at {{log.attributes.fields.panic.location}}", "format": "kw-axum-panic"}
APM = {"monitor": "orders-api: error spans (OTel)", "team": "shop", "style": "message"}
BASKET_QTY = JsError("read-undefined", "line.product", "unitPrice")


def sqlx_unique(constraint: str, context: str, app: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (
        Exc("Database", f'error returned from database: duplicate key value violates unique constraint "{constraint}"'),
        Exc("Error", context, (*AXUM, *app, SQLX_EXECUTE, *ANYHOW_CONTEXT)),
    )


def not_found(context: str, app: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (Exc("RowNotFound", NO_ROWS), Exc("Error", context, (*app, SQLX_FETCH_ONE, *ANYHOW_CONTEXT)))


def timeout(url: str, context: str, app: tuple[Frame, ...]) -> tuple[Exc, ...]:
    return (
        Exc("TimedOut", "operation timed out"),
        Exc("Error", f"error sending request for url ({url})", module="reqwest"),
        Exc("Error", context, (*app, POST_JSON, *ANYHOW_CONTEXT)),
    )


BUGS = [
    # One unique violation per table: a basket line added twice, a delivery slot booked twice.
    Bug("kw-basket-unique", "orders-api", sqlx_unique("basket_lines_basket_id_sku_key", "adding line to basket", (api("routes::basket::add_line::{{closure}}", "routes/basket.rs", 52, 10), api("store::basket::insert_line::{{closure}}", "store/basket.rs", 31, 14))),
        (see("sentry.error", 3), see("splunk", 2, **API_SEARCH, inner="add_line"), see("splunk", **API_SEARCH, err="debug"), see("datadog.log", **API_MONITOR), see("datadog.apm", **APM)),
        **API_LOG, classes=(4,), pair="kw-slot-unique", entry="POST /v1/baskets/{basket_id}/lines"),
    Bug("kw-slot-unique", "orders-api", sqlx_unique("delivery_slots_van_id_window_key", "booking delivery slot", (api("routes::slots::book::{{closure}}", "routes/slots.rs", 38, 10), api("store::slots::book::{{closure}}", "store/slots.rs", 60, 14))),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **API_SEARCH, err="alternate"), see("datadog.log", **API_MONITOR)),
        **API_LOG, classes=(4,), pair="kw-basket-unique", entry="POST /v1/slots/{slot_id}/bookings"),
    # sqlx's RowNotFound under two contexts: an order and a substitution.
    Bug("kw-order-notfound", "orders-api", not_found("loading order {id}", (*AXUM, api("routes::orders::get::{{closure}}", "routes/orders.rs", 29, 10), api("store::orders::by_id::{{closure}}", "store/orders.rs", 18, 14))),
        (see("sentry.error", 3), see("splunk", 2, **API_SEARCH), see("datadog.log", 2, **API_MONITOR), see("datadog.apm", **APM)),
        **API_LOG, classes=(4,), pair="kw-substitution-notfound", entry="GET /v1/orders/{order_id}"),
    Bug("kw-substitution-notfound", "picking-worker", not_found("loading substitute for order line {id}", (*PICK_LOOP, pick("substitutions::choose::{{closure}}", "substitutions.rs", 44, 22))),
        (see("sentry.error", 2), see("splunk", 2, **PICK_SEARCH), see("datadog.log", 2, **PICK_MONITOR)),
        **PICK_LOG, classes=(4,), pair="kw-order-notfound", entry="pick_list"),
    # The same `.unwrap()` on None in the price lookup and the stock reservation.
    Bug("kw-price-unwrap", "orders-api", (Exc("panic", UNWRAP, (*AXUM, api("routes::basket::add_line::{{closure}}", "routes/basket.rs", 47, 38), api("pricing::unit_price", "pricing.rs", 71, 44), *UNWRAP_PANIC)),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 2, **PANICS), see("datadog.log", **PANIC_MONITOR)),
        classes=(4,), pair="kw-stock-unwrap", entry="POST /v1/baskets/{basket_id}/lines"),
    Bug("kw-stock-unwrap", "picking-worker", (Exc("panic", UNWRAP, (*PICK_LOOP, pick("stock::reserve", "stock.rs", 88, 51), *UNWRAP_PANIC)),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", **PANICS, backtrace=True), see("splunk", **PANICS), see("datadog.log", 2, **PANIC_MONITOR)),
        classes=(4, 5), pair="kw-price-unwrap", entry="pick_list", span=3),
    # One promotion function, two panics.
    Bug("kw-promo-overflow", "orders-api", (Exc("panic", "attempt to subtract with overflow", (*AXUM, api("routes::checkout::quote::{{closure}}", "routes/checkout.rs", 63, 27), api("promotions::apply_multibuy", "promotions.rs", 42, 17), *SUB_OVERFLOW)),),
        (see("sentry.error", 2), see("splunk", 2, **PANICS), see("datadog.log", **PANIC_MONITOR)),
        classes=(4,), pair="kw-promo-bounds", entry="POST /v1/checkout/quote"),
    Bug("kw-promo-bounds", "orders-api", (Exc("panic", "index out of bounds: the len is 2 but the index is 2", (*AXUM, api("routes::checkout::quote::{{closure}}", "routes/checkout.rs", 63, 27), api("promotions::apply_multibuy", "promotions.rs", 36, 24), *BOUNDS)),),
        (see("sentry.error", 3), see("splunk", **PANICS, backtrace=True), see("datadog.log", **PANIC_MONITOR)),
        classes=(4,), pair="kw-promo-overflow", entry="POST /v1/checkout/quote"),
    # Two partners timing out behind one helper.
    Bug("kw-card-timeout", "orders-api", timeout("https://api.paycore.example/v3/authorisations", "authorising card payment", (*AXUM, api("routes::checkout::pay::{{closure}}", "routes/checkout.rs", 98, 14), api("payments::authorise::{{closure}}", "payments.rs", 35, 9))),
        (see("sentry.error", 2), see("sentry.error", release=1), see("splunk", 2, **API_SEARCH, err="alternate"), see("datadog.apm", 2, **APM), see("datadog.log", **API_MONITOR)),
        **API_LOG, classes=(9,), pair="kw-loyalty-timeout", entry="POST /v1/checkout/pay", span=2),
    Bug("kw-loyalty-timeout", "orders-api", timeout("https://points.clubcard-partner.example/v1/earn", "crediting loyalty points", (*AXUM, api("routes::orders::confirm::{{closure}}", "routes/orders.rs", 77, 14), api("loyalty::earn::{{closure}}", "loyalty.rs", 22, 9))),
        (see("sentry.error", 3), see("splunk", 2, **API_SEARCH, err="alternate"), see("datadog.log", **API_MONITOR), see("datadog.apm", **APM)),
        **API_LOG, classes=(9,), pair="kw-card-timeout", entry="POST /v1/orders/{order_id}/confirm"),
    # Two worker failures under the one pick-list monitor and search.
    Bug("kw-picklist-pool", "picking-worker", (Exc("PoolTimedOut", "pool timed out while waiting for an open connection"), Exc("Error", "reserving stock for pick list {id}", (*PICK_LOOP, pick("stock::reserve_all::{{closure}}", "stock.rs", 40, 14), SQLX_ACQUIRE, *ANYHOW_CONTEXT))),
        (see("sentry.error", 3), see("splunk", 2, **PICK_SEARCH), see("datadog.log", 2, **PICK_MONITOR)),
        **PICK_LOG, classes=(2,), pair="kw-picklist-decode", entry="pick_list"),
    Bug("kw-picklist-decode", "picking-worker", (Exc("Error", "missing field `bay` at line 1 column {n}", module="serde_json"), Exc("Error", "decoding store layout for branch {idx}", (*PICK_LOOP, pick("layout::load::{{closure}}", "layout.rs", 19, 10), *ANYHOW_CONTEXT))),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **PICK_SEARCH), see("datadog.log", 2, **PICK_MONITOR)),
        **PICK_LOG, classes=(2,), pair="kw-picklist-pool", entry="pick_list"),
    # Not pairs.
    Bug("kw-window-parse", "orders-api", (Exc("ParseError", "input contains invalid characters", module="chrono"), Exc("Error", "parsing delivery window '{hhmm}\u2013 22:00'", (*AXUM, api("routes::slots::list::{{closure}}", "routes/slots.rs", 21, 10), api("slots::window::parse", "slots/window.rs", 14, 9), *ANYHOW_CONTEXT))),
        (see("sentry.error", 2), see("sentry.error", release=2), see("splunk", 2, **API_SEARCH, err="debug"), see("datadog.log", **API_MONITOR), see("datadog.apm", **APM)),
        **API_LOG, classes=(5,), entry="GET /v1/slots", span=3, renames={"slots::window::parse": "slots::window::parse_range"}),
    Bug("kw-invoice-s3", "picking-worker", (Exc("DispatchFailure", "dispatch failure", module="aws_smithy_runtime_api"), Exc("Error", "uploading invoice PDF for order {order}", (*PICK_LOOP, pick("invoices::upload::{{closure}}", "invoices.rs", 61, 14), dep("aws_sdk_s3::operation::put_object::builders::PutObjectFluentBuilder::send::{{closure}}", "aws-sdk-s3-1.36.0/src/operation/put_object/builders.rs", 284, 9), *ANYHOW_CONTEXT))),
        (see("sentry.error", 2), see("splunk", 2, **PICK_SEARCH), see("datadog.log", **PICK_MONITOR)),
        **PICK_LOG, classes=(9,), entry="pick_list"),
    Bug("kw-refund-409", "orders-api", (Exc("Error", 'card processor returned 409 Conflict: {"code":"already_refunded","authorisation":"auth_{hex}"}'), Exc("Error", "refunding order {order}", (*AXUM, api("routes::support::refund::{{closure}}", "routes/support.rs", 54, 18), api("payments::refund::{{closure}}", "payments.rs", 90, 13), dep("anyhow::__private::format_err", "anyhow-1.0.86/src/lib.rs", 688, 13), std("std::backtrace::Backtrace::capture", "std/src/backtrace.rs", 296, 9)))),
        (see("sentry.error", 2), see("splunk", 2, **API_SEARCH, err="alternate"), see("datadog.apm", **APM)),
        **API_LOG, entry="POST /v1/support/orders/{order_id}/refund"),
    Bug("kw-singleton-weight", "picking-worker", (Exc("panic", "called `Result::unwrap()` on an `Err` value: ParseFloatError { kind: Invalid }", (*PICK_LOOP, pick("scales::net_weight", "scales.rs", 27, 61), std("core::result::unwrap_failed", "core/src/result.rs", 1654, 5), std("core::panicking::panic_fmt", "core/src/panicking.rs", 72, 14), std("rust_begin_unwind", "std/src/panicking.rs", 652, 5))),),
        (see("sentry.error"),),
        singleton=True, entry="pick_list"),
    Bug("kw-slow-acquire", "orders-api", (),
        (see("splunk", 3, search="orders-api WARN", owner="svc_shop", app="shop", line='{"fields":{"elapsed":"{ms}ms","message":"slow acquire","slow_acquire_threshold":"1s"},"kubernetes":{"container_name":"orders-api","pod_name":"orders-api-7f9c{idx}d{idx}b5-x{idx}q2k","pod_namespace":"shop"},"level":"WARN","source_type":"kubernetes_logs","target":"sqlx::pool::acquire","timestamp":"{ts}"}'),),
        classes=(7,)),
    # The storefront: one TypeError in two components.
    Bug("kw-web-basket-price", "shop-web", (Exc("TypeError", frames=(*REACT_RENDER, js("src/basket/BasketLine.tsx", "BasketLine", 31, 42, "index"), js("src/money.ts", "lineTotal", 8, 27, "index")), js=BASKET_QTY),),
        (see("posthog", 2, browser="chrome"), see("posthog", browser="safari"), see("posthog", browser="firefox", release=1, resolved=True), see("sentry.error", browser="chrome"), see("sentry.error", browser="safari")),
        classes=(3, 4), pair="kw-web-checkout-price", page="/basket"),
    Bug("kw-web-checkout-price", "shop-web", (Exc("TypeError", frames=(*REACT_RENDER, js("src/checkout/OrderSummary.tsx", "OrderSummary", 56, 19, "Checkout"), js("src/money.ts", "lineTotal", 8, 27, "index")), js=BASKET_QTY),),
        (see("posthog", 2, browser="chrome", chunk="Checkout"), see("posthog", browser="edge", chunk="Checkout"), see("sentry.error", browser="firefox", chunk="Checkout")),
        classes=(3, 4), pair="kw-web-basket-price", page="/checkout"),
    Bug("kw-web-slot-picker", "shop-web", (Exc("RangeError", "Invalid time value", (*REACT_CLICK, js("src/slots/SlotPicker.tsx", "onPick", 74, 33, "Slots"), js("node_modules/date-fns/format.mjs", "format", 370, 11, "vendor", lib=True)), engines={"spidermonkey": "invalid date", "jsc": "Invalid Date"}),),
        (see("posthog", browser="chrome", chunk="Slots"), see("posthog", browser="safari", chunk="Slots"), see("posthog", browser="firefox", chunk="Slots"), see("sentry.error", browser="chrome", chunk="Slots")),
        classes=(3,), page="/slots"),
    Bug("kw-web-search-effect", "shop-web", (Exc("TypeError", frames=(*REACT_EFFECT, js("src/search/useSuggestions.ts", "useSuggestions", 22, 16, "index")), js=JsError("not-function", "results.flatMap", "map", "(e)")),),
        (see("posthog", 2, browser="chrome"), see("sentry.error", browser="edge")),
        classes=(3,), page="/search"),
]

NOISE = [
    Noise("kw-noise-listening", "orders-api", "splunk", {**API_SEARCH, "line": '{"fields":{"addr":"0.0.0.0:8080","message":"listening"},"kubernetes":{"container_name":"orders-api","pod_name":"orders-api-7f9c5d8b5-x2q2k","pod_namespace":"shop"},"level":"INFO","source_type":"kubernetes_logs","target":"orders_api","timestamp":"{ts}"}'}),
    Noise("kw-noise-recovered", "picking-worker", "datadog.log", {**PICK_MONITOR, "text": "[Recovered] Pick lists are processing normally again.", "transition": "Recovered"}),
    Noise("kw-noise-deploy", "orders-api", "datadog.event", {"monitor": "Deployed orders-api 1.14.0", "text": "Argo CD synced orders-api to 1.14.0 (3/3 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "shop"}),
]

FAIRHAVEN = Company(
    key="kw",
    name="Fairhaven Grocers",
    domain="fairhavengrocers.example",
    sentry_org="fairhaven-grocers",
    splunk_url="https://splunk.fairhavengrocers.example:8000",
    splunk_guid="7C1E9A42-3B6D-4F08-9A1C-5E2D7B8F4A61",
    datadog_org=("910220", "Fairhaven Grocers"),
    datadog_template="recommended",
    posthog_project=(91022, "Fairhaven shop"),
    releases=("1.13.2", "1.13.3", "1.14.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="fairhaven-sentry-client-secret",
)
# fmt: on
