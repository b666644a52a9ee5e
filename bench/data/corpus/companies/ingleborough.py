"""(fl) Ingleborough Outfitters, an outdoor-gear shop: a Sanic 23.12 API on Python 3.11
(``catalog-api``: products, stock, the basket; ``orders-api``: checkout, payments, returns)
over asyncpg and Redis, calling the warehouse's stock API with httpx.

Splunk indexes the containers' stdout, Sanic's own ``LOGGING_CONFIG_DEFAULTS`` (``fl-sanic``:
``[%Y-%m-%d %H:%M:%S %z] [pid] [ERROR] Exception occurred while handling uri: '<url>'`` over
the traceback; the team's ``logger.exception`` records from background tasks in the same
stream). Sentry: sentry-sdk 2 with its Sanic integration. Datadog: the recommended template,
log monitors pasting the stack, APM by route. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import py, pylib

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.python", "2.18.0", "pypi:sentry-sdk")
SERVICES = {
    "catalog-api": Service("catalog-api", "python", "fl-sanic", "kube:container:catalog-api", "/var/log/containers/catalog-api.log", "fl_prod", 4471201, "CPython 3.11.10", framework="sanic", sdk=SDK),
    "orders-api": Service("orders-api", "python", "fl-sanic", "kube:container:orders-api", "/var/log/containers/orders-api.log", "fl_prod", 4471204, "CPython 3.11.10", framework="sanic", sdk=SDK),
}

# Sanic dispatching a request to a handler (oldest first).
SANIC = (
    pylib("sanic.app", "handle_request", 1360, "response = await response"),
)
ASYNCPG = (
    pylib("asyncpg.pool", "execute", 513, "return await con.execute(query, *args, timeout=timeout)"),
    pylib("asyncpg.connection", "execute", 349, "_, status, _ = await self._execute("),
    pylib("asyncpg.connection", "_execute", 1864, "result, _ = await self.__execute("),
    pylib("asyncpg.connection", "__execute", 1961, "result, stmt = await self._do_execute("),
    pylib("asyncpg.connection", "_do_execute", 2024, "result = await executor(stmt, None)"),
)
HTTPX_RAISE = pylib("httpx._models", "raise_for_status", 829, "raise HTTPStatusError(message, request=request, response=self)")
# Every call to the warehouse goes through one helper.
WAREHOUSE_GET = py("ingleborough.warehouse.client", "get_json", 33, "resp.raise_for_status()")


def h(module: str, function: str, line: int, context: str) -> Frame:
    return py(f"ingleborough.handlers.{module}", function, line, context)


def task(module: str, function: str, line: int, context: str) -> Frame:
    return py(f"ingleborough.tasks.{module}", function, line, context)


LOGS = {"search": "ingleborough sanic errors", "app": "ingleborough"}
TASKS = {"search": "ingleborough background task errors", "app": "ingleborough", "kind": "team"}
DD_CAT = dict(team="shop", monitor="[shop] catalog-api errors", filter="service:catalog-api status:error source:python", style="stack", lines=10)
DD_ORD = dict(team="shop", monitor="[shop] orders-api exceptions", filter="service:orders-api status:error", text="{{log.attributes.error.kind}} on orders-api\n\n{{log.message}}", sample_lines=6)
APM = dict(team="shop", style="route")

BUGS = [
    # The same KeyError 'size' in the basket and in the wishlist (different handlers, helpers).
    Bug("fl-basket-size", "catalog-api", (Exc("KeyError", "'size'", (*SANIC, h("basket", "add_item", 57, "variant = await pick_variant(product, body)"), py("ingleborough.catalog.variants", "pick_variant", 24, "return product.variants[body[\"size\"]]"))),),
        (see("sentry.error", 3), see("sentry.issue"), see("splunk", 3, **LOGS), see("datadog.log", **DD_CAT)),
        classes=(4, 5), pair="fl-wishlist-size", entry="POST /basket/items", span=2, renames={"add_item": "add_basket_item"}),
    Bug("fl-wishlist-size", "catalog-api", (Exc("KeyError", "'size'", (*SANIC, h("wishlist", "save", 31, "entry = WishEntry.from_body(body)"), py("ingleborough.catalog.wishlist", "from_body", 18, "size=body[\"size\"],"))),),
        (see("sentry.error", 2), see("splunk", 2, **LOGS), see("datadog.apm", **APM)),
        classes=(4,), pair="fl-basket-size", entry="POST /wishlist"),
    # Unique constraints on two tables.
    Bug("fl-review-dup", "catalog-api", (Exc("UniqueViolationError", 'duplicate key value violates unique constraint "reviews_product_id_customer_id_key"\nDETAIL:  Key (product_id, customer_id)=({id}, {n}) already exists.', (*SANIC, h("reviews", "create_review", 42, "await db.execute(INSERT_REVIEW, product_id, customer_id, body)"), *ASYNCPG), module="asyncpg.exceptions"),),
        (see("sentry.error", 3), see("splunk", 2, **LOGS), see("datadog.log", **DD_CAT)),
        classes=(4,), pair="fl-return-dup", entry="POST /products/{product_id}/reviews"),
    Bug("fl-return-dup", "orders-api", (Exc("UniqueViolationError", 'duplicate key value violates unique constraint "returns_order_line_id_key"\nDETAIL:  Key (order_line_id)=({id}) already exists.', (*SANIC, h("returns", "open_return", 66, "await db.execute(INSERT_RETURN, line_id, reason)"), *ASYNCPG), module="asyncpg.exceptions"),),
        (see("sentry.error", 2), see("splunk", 3, **LOGS), see("datadog.log", **DD_ORD)),
        classes=(4,), pair="fl-review-dup", entry="POST /orders/{order_id}/returns"),
    # One warehouse helper: stock lookup 503, reservation 404.
    Bug("fl-stock-503", "catalog-api", (Exc("HTTPStatusError", "Server error '503 Service Unavailable' for url 'https://stock.warehouse.example/v1/levels?sku={sku}'\nFor more information check: https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/503", (*SANIC, h("products", "product_detail", 28, "levels = await warehouse.get_json(\"/v1/levels\", sku=sku)"), WAREHOUSE_GET, HTTPX_RAISE), module="httpx"),),
        (see("sentry.error", 3), see("splunk", 2, **LOGS), see("datadog.apm", **APM)),
        classes=(9,), pair="fl-reserve-404", entry="GET /products/{slug}"),
    Bug("fl-reserve-404", "orders-api", (Exc("HTTPStatusError", "Client error '404 Not Found' for url 'https://stock.warehouse.example/v1/reservations/RSV-{id}'\nFor more information check: https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/404", (task("reservations", "release_expired", 40, "await warehouse.get_json(f\"/v1/reservations/{ref}\")"), WAREHOUSE_GET, HTTPX_RAISE), module="httpx"),),
        (see("sentry.error", 2), see("splunk", 3, **TASKS), see("datadog.log", **DD_ORD)),
        classes=(9,), pair="fl-stock-503", entry="release_expired", log="could not release reservation RSV-{id}", logger="ingleborough.tasks.reservations"),
    # One checkout function: a None address (TypeError) and a bad quantity (ValueError).
    Bug("fl-checkout-none", "orders-api", (Exc("TypeError", "'NoneType' object is not subscriptable", (*SANIC, h("checkout", "place_order", 73, "quote = shipping_quote(basket, customer.address)"), py("ingleborough.shipping.quotes", "shipping_quote", 15, "zone = ZONES[address[\"country\"]]"))),),
        (see("sentry.error", 3), see("splunk", 3, **LOGS), see("datadog.log", **DD_ORD), see("datadog.apm", **APM)),
        classes=(4, 5), pair="fl-checkout-qty", entry="POST /checkout", span=3),
    Bug("fl-checkout-qty", "orders-api", (Exc("ValueError", "invalid literal for int() with base 10: '{n}.5'", (*SANIC, h("checkout", "place_order", 61, "lines = [Line(sku, int(q)) for sku, q in body[\"lines\"]]"), py("ingleborough.handlers.checkout", "<listcomp>", 61, "lines = [Line(sku, int(q)) for sku, q in body[\"lines\"]]"))),),
        (see("sentry.error", 2), see("splunk", 2, **LOGS)),
        classes=(4,), pair="fl-checkout-none", entry="POST /checkout"),
    # Two timeouts: the payment provider and Redis (same TimeoutError, different places).
    Bug("fl-pay-timeout", "orders-api", (Exc("ReadTimeout", "", (*SANIC, h("payments", "capture", 38, "resp = await psp.post(\"/captures\", json=payload)"), pylib("httpx._client", "post", 1905, "return await self.request("), pylib("httpx._transports.default", "map_httpcore_exceptions", 89, "raise mapped_exc(message) from exc")), module="httpx"),),
        (see("sentry.error", 3), see("splunk", 2, **LOGS), see("datadog.log", **DD_ORD)),
        classes=(4,), pair="fl-redis-timeout", entry="POST /payments/{order_id}/capture"),
    Bug("fl-redis-timeout", "catalog-api", (Exc("TimeoutError", "Timeout reading from redis-cache.ingleborough.internal:6379", (*SANIC, h("basket", "get_basket", 19, "raw = await redis.get(basket_key(session))"), pylib("redis.asyncio.client", "execute_command", 612, "return await conn.retry.call_with_retry("), pylib("redis.asyncio.connection", "read_response", 558, "raise TimeoutError(f\"Timeout reading from {host_error}\")")), module="redis.exceptions"),),
        (see("sentry.error", 2), see("splunk", 3, **LOGS), see("datadog.log", **DD_CAT)),
        classes=(4, 10), pair="fl-pay-timeout", entry="GET /basket"),
    # One coupon function: an unknown code (KeyError) and an expired one (the team's own error).
    Bug("fl-coupon-unknown", "orders-api", (Exc("KeyError", "'{coupon}'", (*SANIC, h("checkout", "apply_coupon", 88, "coupon = await coupons.lookup(code)"), py("ingleborough.pricing.coupons", "lookup", 27, "return self._cache[code.upper()]"))),),
        (see("sentry.error", 3), see("splunk", 2, **LOGS), see("datadog.log", 2, **DD_ORD)),
        classes=(4,), pair="fl-coupon-expired", entry="POST /checkout/coupon"),
    Bug("fl-coupon-expired", "orders-api", (Exc("CouponExpired", "coupon {coupon} expired on 2026-02-28", (*SANIC, h("checkout", "apply_coupon", 91, "coupon.check_valid(now)"), py("ingleborough.pricing.coupons", "check_valid", 52, "raise CouponExpired(f\"coupon {self.code} expired on {self.ends:%Y-%m-%d}\")")), module="ingleborough.pricing.errors"),),
        (see("sentry.error", 2), see("splunk", 3, **LOGS), see("datadog.log", **DD_ORD)),
        classes=(4,), pair="fl-coupon-unknown", entry="POST /checkout/coupon"),
    # Not pairs.
    Bug("fl-discount-zero", "orders-api", (Exc("ZeroDivisionError", "division by zero", (*SANIC, h("checkout", "preview", 29, "totals = price_basket(basket)"), py("ingleborough.pricing.bundles", "bundle_share", 44, "return line.price * bundle.discount / bundle.qty"))),),
        (see("sentry.error", 3), see("splunk", 2, **LOGS), see("datadog.apm", **APM)),
        classes=(5,), entry="POST /checkout/preview", span=3),
    Bug("fl-feed-json", "catalog-api", (Exc("JSONDecodeError", "Expecting value: line 1 column 1 (char 0)", (task("feeds", "import_supplier_feed", 27, "rows = json.loads(body)"), pylib("json", "loads", 346, "return _default_decoder.decode(s)"), pylib("json.decoder", "decode", 338, "obj, end = self.raw_decode(s, idx=_w(s, 0).end())"), pylib("json.decoder", "raw_decode", 356, "raise JSONDecodeError(\"Expecting value\", s, err.value) from None")), module="json.decoder"),),
        (see("sentry.error", 2), see("splunk", 3, **TASKS)),
        entry="import_supplier_feed", log="supplier feed {n} could not be imported", logger="ingleborough.tasks.feeds"),
    Bug("fl-sanic-notfound-img", "catalog-api", (Exc("FileNotFoundError", "[Errno 2] No such file or directory: '/srv/media/products/{id}/hero.webp'", (*SANIC, h("media", "hero_image", 22, "return await file(path, mime_type=\"image/webp\")"), pylib("sanic.response.convenience", "file", 150, "async with await open_async(location, mode=\"rb\") as f:"))),),
        (see("sentry.error", 2), see("splunk", 2, **LOGS), see("datadog.log", **DD_CAT)),
        classes=(5,), entry="GET /media/{product_id}/hero"),
    Bug("fl-pool-closed", "orders-api", (Exc("InterfaceError", "pool is closing", (*SANIC, h("orders", "order_history", 35, "rows = await db.fetch(HISTORY, customer_id)"), pylib("asyncpg.pool", "fetch", 569, "async with self.acquire() as con:"), pylib("asyncpg.pool", "_check_init", 471, "raise exceptions.InterfaceError('pool is closing')")), module="asyncpg.exceptions._base"),),
        (see("sentry.error", 3), see("splunk", 2, **LOGS)),
        classes=(10,), entry="GET /orders"),
    Bug("fl-giftcard-singleton", "orders-api", (Exc("AttributeError", "'GiftCard' object has no attribute 'expires'", (*SANIC, h("giftcards", "redeem", 48, "if card.expires < now():"))),),
        (see("sentry.error"),),
        singleton=True, entry="POST /giftcards/redeem"),
    # A warning line: slow handler; durations vary.
    Bug("fl-slow-search", "catalog-api", (),
        (see("splunk", 3, search="ingleborough slow requests", app="ingleborough", line="[{date} 10:{n}:00 +0000] [{idx}] [WARNING] search for '{sku}' took {ms}ms"), see("datadog.log", 2, team="shop", monitor="[shop] slow catalog search", filter="service:catalog-api status:warn", text="search took {ms}ms")),
        classes=(7,)),
]

NOISE = [
    Noise("fl-noise-deploy", "orders-api", "datadog.event", {"monitor": "Argo CD sync", "text": "orders-api synced to 24.12.3 (4/4 pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info"}),
    Noise("fl-noise-startup", "catalog-api", "splunk", {"search": "ingleborough sanic errors", "line": "[2026-03-04 08:00:02 +0000] [1] [INFO] Starting worker [7]"}),
    Noise("fl-noise-recovered", "catalog-api", "datadog.log", {"monitor": "[shop] catalog-api errors", "text": "Recovered: catalog-api errors back under the threshold.", "transition": "Recovered", "alert_type": "success"}),
]

INGLEBOROUGH = Company(
    key="fl",
    name="Ingleborough Outfitters",
    domain="ingleborough-outfitters.example",
    sentry_org="ingleborough",
    splunk_url="https://ingleborough.splunkcloud.com",
    splunk_guid="3C9A1F52-7E4B-4D08-B1A6-5F2E8C7D9A10",
    datadog_org=("705511", "Ingleborough Outfitters"),
    datadog_template="recommended",
    posthog_project=(0, ""),
    releases=("24.12.1", "24.12.2", "24.12.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="ingleborough-sentry-client-secret",
)
# fmt: on
