"""(ni) Goathland Grocers, online grocery orders: Python 3.12 on OpenShift 4.15.
``orders-api`` (aiohttp 3.10 ``web.Application`` under gunicorn's ``GunicornWebWorker``,
asyncpg, an aiohttp ``ClientSession`` to the payments and loyalty partners through one helper),
``stock-consumer`` and ``picking-consumer`` (confluent-kafka 2.5 ``Consumer`` poll loops with
manual commits, asyncpg through ``asyncio.run`` per batch).

Logging: stdlib ``logging`` through python-json-logger's ``JsonFormatter`` (``asctime``,
``levelname``, ``name``, ``message``, ``exc_info`` the traceback; the consumers add ``topic``,
``partition``, ``offset``; the consumer's ``error_cb`` logs ``KafkaError{...}`` with no trace).
aiohttp's own "Error handling request from <addr>" on ``aiohttp.server`` for the API's unhandled
errors. Splunk Connect for OpenShift (one saved search over the API and both consumers), the
Datadog Agent (one log monitor over the consumers, one over the API; ddtrace APM by error type).
sentry-sdk with the aiohttp integration; the consumers call ``capture_exception``. No PostHog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Seen, Service, see
from ..stacks import py, pylib

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.python.aiohttp", "2.19.2", "pypi:sentry-sdk")
SERVICES = {
    "orders-api": Service("orders-api", "python", "ni-sck", "kube:container:orders-api", "/var/log/containers/orders-api.log", "grocer_ocp", 12320021, "CPython 3.12.6", framework="aiohttp", sdk=SDK),
    "stock-consumer": Service("stock-consumer", "python", "ni-sck", "kube:container:stock-consumer", "/var/log/containers/stock-consumer.log", "grocer_ocp", 12320022, "CPython 3.12.6", framework="generic", sdk=("sentry.python", "2.19.2", "pypi:sentry-sdk")),
    "picking-consumer": Service("picking-consumer", "python", "ni-sck", "kube:container:picking-consumer", "/var/log/containers/picking-consumer.log", "grocer_ocp", 12320023, "CPython 3.12.6", framework="generic", sdk=("sentry.python", "2.19.2", "pypi:sentry-sdk")),
}

AIOHTTP = (
    pylib("aiohttp.web_protocol", "_handle_request", 480, "resp = await request_handler(request)"),
    pylib("aiohttp.web_app", "_handle", 569, "return await handler(request)"),
    pylib("aiohttp.web_middlewares", "impl", 117, "return await handler(request)"),
    py("orders_api.middleware", "request_context", 22, "return await handler(request)"),
)
ASYNCPG = (
    pylib("asyncpg.connection", "fetchval", 714, "data = await self._execute(query, args, 1, timeout)"),
    pylib("asyncpg.connection", "_execute", 1864, "result, _ = await self.__execute("),
    pylib("asyncpg.connection", "__execute", 1961, "result, stat = await self._do_execute("),
    pylib("asyncpg.connection", "_do_execute", 2024, "result = await executor(stmt, None)"),
    pylib("asyncpg.protocol.protocol", "bind_execute", 207, ""),
)
CLIENT_POST = (
    py("orders_api.clients.http", "post_json", 31, "async with session.post(url, json=body, timeout=TIMEOUT) as resp:"),
    pylib("aiohttp.client", "_request", 728, "await resp.start(conn)"),
    pylib("aiohttp.client_reqrep", "start", 1059, "message, payload = await protocol.read()  # type: ignore[union-attr]"),
    pylib("aiohttp.streams", "read", 671, "await self._waiter"),
    pylib("aiohttp.helpers", "__exit__", 735, "raise asyncio.TimeoutError from exc_val"),
)


def stock(function: str, line: int, context: str, module: str = "handlers") -> Frame:
    return py(f"stock_consumer.{module}", function, line, context)


def pick(function: str, line: int, context: str, module: str = "handlers") -> Frame:
    return py(f"picking_consumer.{module}", function, line, context)


def api(module: str, function: str, line: int, context: str) -> Frame:
    return py(f"orders_api.{module}", function, line, context)


STOCK_LOOP = (py("stock_consumer.main", "run", 58, "handle_message(msg)"),)
PICK_LOOP = (py("picking_consumer.main", "run", 64, "asyncio.run(handle_batch(batch))"), pylib("asyncio.runners", "run", 194, "return runner.run(main)"), pylib("asyncio.runners", "run", 118, "return self._loop.run_until_complete(task)"), pylib("asyncio.base_events", "run_until_complete", 687, "return future.result()"))
# One commit helper in the shared package both consumers use.
COMMIT = py("grocer_kafka.commit", "commit_offsets", 18, "consumer.commit(asynchronous=False)")

SEARCH = dict(search="Goathland - OpenShift app errors", owner="grocer_sre", app="goathland")
DD_CONSUMERS = dict(team="fulfilment", monitor="[grocer] consumer error logs", format="ni-dd", filter="kube_namespace:grocer-prod service:(stock-consumer OR picking-consumer) status:error", text="{{log.service}} on {{log.host}}: {{log.attributes.message}}\n\n```\n{{log.attributes.exc_info}}\n```")
DD_API = dict(team="orders", monitor="[grocer] orders-api error logs", format="ni-dd", filter="kube_namespace:grocer-prod service:orders-api status:error", text="{{log.attributes.name}}: {{log.attributes.message}} ({{log.attributes.path}})\n\n```\n{{log.attributes.exc_info}}\n```")
APM = dict(team="orders", monitor="[grocer] orders-api errors by type", style="type", filter="service:orders-api")
AIOHTTP_LOG = {"log": "Error handling request from {ip}", "logger": "aiohttp.server"}


def spl(n: int = 1, **opts: object) -> Seen:
    return see("splunk", n, **SEARCH, **opts)


def dup(constraint: str, detail: str) -> str:
    return f'duplicate key value violates unique constraint "{constraint}"\nDETAIL:  {detail}'


def kafka(code: str, val: int, text: str) -> str:
    return f'KafkaError{{code={code},val={val},str="{text}"}}'


BUGS = [
    # 1. KeyError 'sku' in the API's basket and in the stock consumer (a poison message).
    Bug("ni-basket-sku-key", "orders-api", (Exc("KeyError", "'sku'", (*AIOHTTP, api("baskets.views", "add_line", 41, "line = BasketLine.from_payload(payload)"), api("baskets.models", "from_payload", 27, "sku = payload[\"sku\"]")), module="builtins"),),
        (see("sentry.error", 3), spl(2), see("datadog.log", **DD_API), see("datadog.apm", **APM)),
        **AIOHTTP_LOG, classes=(1, 4), pair="ni-stock-sku-key", entry="POST /v1/baskets/{basket_id}/lines"),
    Bug("ni-stock-sku-key", "stock-consumer", (Exc("KeyError", "'sku'", (*STOCK_LOOP, stock("handle_message", 33, "apply_stock_delta(event[\"sku\"], event[\"delta\"])")), module="builtins"),),
        (see("sentry.error", 3), spl(2), see("datadog.log", **DD_CONSUMERS)),
        log="poison message on stock.adjustments.v1", logger="stock_consumer.main", classes=(1, 4), pair="ni-basket-sku-key", entry="stock.adjustments.v1"),
    # 2. One decoder, two exceptions (an empty payload; a compressed one from the new producer).
    Bug("ni-stock-json-empty", "stock-consumer", (Exc("JSONDecodeError", "Expecting value: line 1 column 1 (char 0)", (*STOCK_LOOP, stock("handle_message", 29, "event = decode_event(msg.value())"), stock("decode_event", 12, "return json.loads(raw.decode(\"utf-8\"))", "codec"), pylib("json", "loads", 346, "return _default_decoder.decode(s)"), pylib("json.decoder", "decode", 338, "obj, end = self.raw_decode(s, idx=_w(s, 0).end())"), pylib("json.decoder", "raw_decode", 356, "raise JSONDecodeError(\"Expecting value\", s, err.value) from None")), module="json.decoder"),),
        (see("sentry.error", 3), spl(2), see("datadog.log", 2, **DD_CONSUMERS)),
        log="poison message on stock.adjustments.v1", logger="stock_consumer.main", classes=(1, 4), pair="ni-stock-utf8", entry="stock.adjustments.v1"),
    Bug("ni-stock-utf8", "stock-consumer", (Exc("UnicodeDecodeError", "'utf-8' codec can't decode byte 0x8b in position 1: invalid start byte", (*STOCK_LOOP, stock("handle_message", 29, "event = decode_event(msg.value())"), stock("decode_event", 12, "return json.loads(raw.decode(\"utf-8\"))", "codec")), module="builtins"),),
        (see("sentry.error", 2), see("sentry.issue"), spl(2), see("datadog.log", **DD_CONSUMERS)),
        log="poison message on stock.adjustments.v1", logger="stock_consumer.main", classes=(1, 4), pair="ni-stock-json-empty", entry="stock.adjustments.v1"),
    # 3. Unique violations on two tables.
    Bug("ni-order-idem-dup", "orders-api", (Exc("UniqueViolationError", dup("orders_idempotency_key_key", "Key (idempotency_key)=({key}) already exists."), (*AIOHTTP, api("orders.views", "place_order", 58, "order_id = await repo.insert_order(conn, order)"), api("orders.repo", "insert_order", 31, "return await conn.fetchval(INSERT_ORDER, *order.row())"), *ASYNCPG), module="asyncpg.exceptions"),),
        (see("sentry.error", 3), spl(2), see("datadog.log", **DD_API), see("datadog.apm", **APM)),
        **AIOHTTP_LOG, classes=(1, 4), pair="ni-pick-line-dup", entry="POST /v1/orders"),
    Bug("ni-pick-line-dup", "picking-consumer", (Exc("UniqueViolationError", dup("pick_lines_order_id_line_no_key", "Key (order_id, line_no)=({order}, {idx}) already exists."), (*PICK_LOOP, pick("handle_batch", 41, "await store.save_pick_lines(conn, lines)"), pick("save_pick_lines", 22, "await conn.fetchval(INSERT_PICK_LINE, *line.row())", "store"), *ASYNCPG), module="asyncpg.exceptions"),),
        (see("sentry.error", 2), spl(2), see("datadog.log", 2, **DD_CONSUMERS)),
        log="batch failed on orders.placed.v2", logger="picking_consumer.main", classes=(1, 4), pair="ni-order-idem-dup", entry="orders.placed.v2"),
    # 4. Commits during a rebalance: one helper, two broker errors from two consumers.
    Bug("ni-commit-rebalance", "stock-consumer", (Exc("KafkaException", kafka("REBALANCE_IN_PROGRESS", 27, "Commit failed: Broker: Group rebalance in progress"), (py("stock_consumer.main", "run", 61, "commit_offsets(consumer)"), COMMIT), module="cimpl"),),
        (see("sentry.error", 3), spl(2), see("datadog.log", **DD_CONSUMERS)),
        log="offset commit failed", logger="grocer_kafka.commit", classes=(1, 9), pair="ni-commit-generation", entry="stock.adjustments.v1"),
    Bug("ni-commit-generation", "picking-consumer", (Exc("KafkaException", kafka("ILLEGAL_GENERATION", 22, "Commit failed: Broker: Specified group generation id is not valid"), (py("picking_consumer.main", "run", 69, "commit_offsets(consumer)"), COMMIT), module="cimpl"),),
        (see("sentry.error", 2), spl(2), see("datadog.log", 2, **DD_CONSUMERS)),
        log="offset commit failed", logger="grocer_kafka.commit", classes=(1, 9), pair="ni-commit-rebalance", entry="orders.placed.v2"),
    # 5. Two partners timing out through one helper.
    Bug("ni-payments-timeout", "orders-api", (Exc("TimeoutError", "", (*AIOHTTP, api("orders.views", "place_order", 66, "auth = await payments.authorise(order)"), api("clients.payments", "authorise", 24, "return await post_json(PAYMENTS_URL + \"/authorisations\", body)"), *CLIENT_POST), module="builtins"),),
        (see("sentry.error", 3), spl(2), see("datadog.log", **DD_API), see("datadog.apm", **APM)),
        **AIOHTTP_LOG, classes=(1, 9), pair="ni-loyalty-timeout", entry="POST /v1/orders"),
    Bug("ni-loyalty-timeout", "orders-api", (Exc("TimeoutError", "", (*AIOHTTP, api("loyalty.views", "redeem_points", 35, "result = await loyalty.redeem(member_id, points)"), api("clients.loyalty", "redeem", 19, "return await post_json(f\"{LOYALTY_URL}/members/{member_id}/redemptions\", body)"), *CLIENT_POST), module="builtins"),),
        (see("sentry.error", 2), see("sentry.error", release=1), spl(2), see("datadog.log", **DD_API)),
        **AIOHTTP_LOG, classes=(1, 5, 9), pair="ni-payments-timeout", entry="POST /v1/loyalty/{member_id}/redeem", span=2),
    # Not pairs.
    Bug("ni-max-poll", "picking-consumer", (Exc("KafkaError", kafka("_MAX_POLL_EXCEEDED", -147, "Application maximum poll interval (300000ms) exceeded by {n}ms")),),
        (spl(3, no_exc=True), see("datadog.log", 2, **{**DD_CONSUMERS, "text": "{{log.service}} on {{log.host}}: {{log.attributes.message}}"}, no_exc=True)),
        log='consumer error: KafkaError{code=_MAX_POLL_EXCEEDED,val=-147,str="Application maximum poll interval (300000ms) exceeded by {n}ms"}', logger="picking_consumer.kafka", entry="orders.placed.v2"),
    Bug("ni-slot-postcode-none", "orders-api", (Exc("AttributeError", "'NoneType' object has no attribute 'postcode'", (*AIOHTTP, api("slots.views", "list_slots", 29, "zone = await zones.for_address(customer.default_address)"), api("slots.zones", "for_address", 14, "outward = address.postcode.split()[0]")), module="builtins"),),
        (see("sentry.error", 2), see("sentry.error", 2, release=2), spl(2), see("datadog.log", **DD_API), see("datadog.apm", **APM)),
        **AIOHTTP_LOG, classes=(1, 5), entry="GET /v1/slots", span=3, renames={"list_slots": "available_slots"}),
    Bug("ni-pool-closing", "picking-consumer", (Exc("InterfaceError", "pool is closing", (*PICK_LOOP, pick("handle_batch", 36, "async with pool.acquire() as conn:"), pylib("asyncpg.pool", "__aenter__", 1024, "self.connection = await self.pool._acquire(self.timeout)"), pylib("asyncpg.pool", "_acquire", 857, "self._check_init()"), pylib("asyncpg.pool", "_check_init", 1117, "raise exceptions.InterfaceError('pool is closing')")), module="asyncpg.exceptions"),),
        (see("sentry.error", 3), spl(2), see("datadog.log", **DD_CONSUMERS)),
        log="batch failed on orders.placed.v2", logger="picking_consumer.main", classes=(1,), entry="orders.placed.v2"),
    Bug("ni-substitute-zero", "orders-api", (Exc("ZeroDivisionError", "division by zero", (*AIOHTTP, api("substitutions.views", "suggest", 47, "ranked = rank_substitutes(line, candidates)"), api("substitutions.ranking", "price_ratio", 18, "return candidate.price / line.unit_price")), module="builtins"),),
        (see("sentry.error", 3), spl(), see("datadog.apm", **APM)),
        **AIOHTTP_LOG, classes=(1,), entry="GET /v1/orders/{order_id}/substitutions"),
    # Seen once.
    Bug("ni-promo-decimal", "orders-api", (Exc("InvalidOperation", "[<class 'decimal.ConversionSyntax'>]", (*AIOHTTP, api("promos.views", "apply_promo", 33, "discount = Decimal(promo[\"value\"])")), module="decimal"),),
        (see("sentry.error"),),
        singleton=True, entry="POST /v1/baskets/{basket_id}/promo"),
]

NOISE = [
    Noise("ni-noise-rollout", "orders-api", "datadog.event", {"monitor": "orders-api rollout complete", "text": "DeploymentConfig orders-api rolled out revision 214 on ocp4-lhr-prod.", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "orders", "release": "1"}),
    Noise("ni-noise-assigned", "stock-consumer", "splunk", {**SEARCH, "line": '{"asctime": "{gts},{millis}", "levelname": "INFO", "name": "stock_consumer.main", "message": "partitions assigned: [stock.adjustments.v1 [0], stock.adjustments.v1 [1], stock.adjustments.v1 [2]]"}'}),
    Noise("ni-noise-recovered", "stock-consumer", "datadog.log", {"monitor": "[grocer] consumer error logs", "transition": "Recovered", "alert_type": "success", "team": "fulfilment", "filter": "kube_namespace:grocer-prod service:(stock-consumer OR picking-consumer) status:error", "text": "Consumer error logs are back to normal."}),
]

GOATHLAND = Company(
    key="ni",
    name="Goathland Grocers",
    domain="goathland-grocers.example",
    sentry_org="goathland-grocers",
    splunk_url="https://goathland.splunkcloud.example",
    splunk_guid="A41C7E28-9D53-4B6F-8E02-3F7B1D5C9A64",
    datadog_org=("1230022", "Goathland Grocers"),
    datadog_template="recommended",
    posthog_project=(92302, "Goathland"),
    releases=("2026.3.3", "2026.3.7", "2026.3.11"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="goathland-sentry-client-secret",
)
# fmt: on
