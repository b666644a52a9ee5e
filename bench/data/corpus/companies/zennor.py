"""(hn) Zennor Pantry, a weekly pantry-box subscription: a Flask 3 API (``pantry-api`` under
gunicorn; Flask-SQLAlchemy 3 over psycopg 3, requests to the courier and the suppliers) and
Celery 5 workers (``pantry-worker``: restock alerts, courier bookings, digests, exports),
Python 3.12.

Both log through Python's ``logging`` with a JSON formatter of the team's own
(``{"ts","level","logger","msg","exc"}``, ``exc`` the formatted traceback) sent to Splunk by
HEC: Flask's ``Exception on <path> [<method>]``, Celery's ``Task ...[id] raised unexpected``,
the code's own ``logger.exception``; the ``exports`` queue's pool still writes Celery's
default text. Sentry: sentry-python (Flask and Celery integrations). PostHog: posthog-python's
``capture_exception`` in the API's error handler. Datadog: dd-trace-py APM by error type,
Celery task monitors and log monitors pasting the record's ``msg`` and ``exc`` attributes, on
the plugin's recommended template. This company has all four tools.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import CELERY_TASK, py, pylib, sqlalchemy_integrity

# fmt: off
SDK = ("sentry.python", "2.20.0", "pypi:sentry-sdk")
SERVICES = {
    "pantry-api": Service("pantry-api", "python", "hn-json", "_json", "http:pantry-api-hec", "hn_app", 7330011, "CPython 3.12.8", framework="flask", sdk=SDK),
    "pantry-worker": Service("pantry-worker", "python", "hn-json", "_json", "http:pantry-worker-hec", "hn_app", 7330012, "CPython 3.12.8", framework="celery", sdk=SDK),
}
FLASK = (
    pylib("flask.app", "wsgi_app", 1511, "response = self.full_dispatch_request()"),
    pylib("flask.app", "full_dispatch_request", 919, "rv = self.handle_user_exception(e)"),
    pylib("flask.app", "full_dispatch_request", 917, "rv = self.dispatch_request()"),
    pylib("flask.app", "dispatch_request", 902, "return self.ensure_sync(self.view_functions[rule.endpoint])(**view_args)  # type: ignore[no-any-return]"),
)
REQUESTS_READ = (
    pylib("requests.api", "post", 115, "return request(\"post\", url, data=data, json=json, **kwargs)"),
    pylib("requests.sessions", "request", 589, "resp = self.send(prep, **send_kwargs)"),
    pylib("requests.sessions", "send", 703, "r = adapter.send(request, **kwargs)"),
    pylib("requests.adapters", "send", 713, "raise ReadTimeout(e, request=request)"),
)
RAISE_STATUS = pylib("requests.models", "raise_for_status", 1024, "raise HTTPError(http_error_msg, response=self)")


def z(module: str, function: str, line: int, context: str) -> Frame:
    return py(f"zennor.{module}", function, line, context)


def api(*frames: Frame) -> tuple[Frame, ...]:
    return (*FLASK, *frames)


def task(*frames: Frame) -> tuple[Frame, ...]:
    return (*CELERY_TASK, *frames)


COURIER_POST = z("couriers.client", "post", 41, "resp.raise_for_status()")
COURIER_SEND = py("zennor.couriers.client", "post", 38, "resp = self.session.post(url, json=payload, timeout=(3, 10))")
NONE_SKU = "'NoneType' object has no attribute 'sku'"

HEC_API = {"search": "pantry-api errors", "app": "zennor"}
HEC_WRK = {"search": "pantry-worker errors", "app": "zennor"}
HEC_JOBS = {"search": "celery task failures", "app": "zennor"}
HEC_EXPORTS = {"search": "celery task failures", "app": "zennor", "format": "hn-celery-text", "sourcetype": "celery:text", "source": "/var/log/celery/exports.log"}
APM = {"team": "pantry", "monitor": "pantry-api errors by type", "style": "type"}
LOGMON = {"team": "pantry", "monitor": "pantry-api logged exceptions", "filter": "service:pantry-api status:error", "text": "**{{log.service}}** logged:\n\n> {{log.attributes.msg}}\n\n```\n{{log.attributes.exc}}\n```"}
TASKMON = {"team": "pantry", "monitor": "Celery task failures", "filter": "service:pantry-worker @logger:celery.app.trace status:error", "text": "{{log.attributes.msg}}\n\n```\n{{log.attributes.exc}}\n```"}
TASK = {"team": "pantry"}

BUGS = [
    # The same None product in the basket view and the restock task.
    Bug("hn-basket-none-sku", "pantry-api", (Exc("AttributeError", NONE_SKU, api(z("basket.views", "add_item", 57, "line = basket.add(product.sku, qty)"))),),
        (see("sentry.error", 2), see("sentry.error", release=2), see("sentry.issue"), see("splunk", 2, **HEC_API), see("posthog", 2), see("datadog.apm", **APM)),
        classes=(4, 5), pair="hn-restock-none-sku", entry="POST /basket/items", span=3, renames={"add_item": "add_basket_item"}),
    Bug("hn-restock-none-sku", "pantry-worker", (Exc("AttributeError", NONE_SKU, task(z("tasks.stock", "restock_alert", 33, "notify_supplier(supplier, product.sku)"))),),
        (see("sentry.error", 3), see("splunk", 2, **HEC_JOBS), see("datadog.log", **TASKMON)),
        classes=(4,), pair="hn-basket-none-sku", entry="zennor.tasks.stock.restock_alert"),
    # One commit, two unique constraints.
    Bug("hn-dup-subscription", "pantry-api", sqlalchemy_integrity(api(z("subscriptions.views", "subscribe", 72, "db.session.commit()")), "subscriptions_customer_id_plan_id_key", "Key (customer_id, plan_id)=({user}, 3) already exists.", "INSERT INTO subscriptions (customer_id, plan_id, starts_on) VALUES (%(customer_id)s::INTEGER, %(plan_id)s::INTEGER, %(starts_on)s::DATE) RETURNING subscriptions.id"),
        (see("sentry.error", 3), see("splunk", 2, **HEC_API), see("datadog.log", **LOGMON), see("datadog.apm", **APM)),
        classes=(4,), pair="hn-dup-voucher", entry="POST /subscriptions"),
    Bug("hn-dup-voucher", "pantry-api", sqlalchemy_integrity(api(z("vouchers.views", "redeem", 48, "db.session.commit()")), "voucher_redemptions_voucher_id_customer_id_key", "Key (voucher_id, customer_id)=({id}, {user}) already exists.", "INSERT INTO voucher_redemptions (voucher_id, customer_id) VALUES (%(voucher_id)s::INTEGER, %(customer_id)s::INTEGER) RETURNING voucher_redemptions.id"),
        (see("sentry.error", 2), see("splunk", 2, **HEC_API), see("posthog", 1), see("datadog.log", **LOGMON)),
        classes=(4,), pair="hn-dup-subscription", entry="POST /vouchers/{code}/redeem"),
    # One courier client helper: a read timeout quoting, a 503 booking.
    Bug("hn-courier-timeout", "pantry-api", (Exc("ReadTimeoutError", "HTTPSConnectionPool(host='api.parcelwise.example', port=443): Read timed out. (read timeout=10)", (pylib("urllib3.connectionpool", "_read_timeout", 365, "raise ReadTimeoutError("),), module="urllib3.exceptions"), Exc("ReadTimeout", "HTTPSConnectionPool(host='api.parcelwise.example', port=443): Read timed out. (read timeout=10)", api(z("delivery.views", "quote", 29, "return courier.quote(postcode, boxes)"), z("couriers.client", "quote", 62, "return self.post(\"/v2/quotes\", body)"), COURIER_SEND, *REQUESTS_READ[1:]), module="requests.exceptions")),
        (see("sentry.error", 3), see("splunk", 2, kind="team", **HEC_API), see("datadog.apm", **APM)),
        classes=(9,), pair="hn-courier-503", log="courier request failed", logger="zennor.couriers.client", entry="GET /delivery/quote"),
    Bug("hn-courier-503", "pantry-worker", (Exc("HTTPError", "503 Server Error: Service Unavailable for url: https://api.parcelwise.example/v2/bookings", task(z("tasks.dispatch", "book_courier", 44, "booking = courier.book(order.id, order.address)"), z("couriers.client", "book", 71, "return self.post(\"/v2/bookings\", body)"), COURIER_POST, RAISE_STATUS), module="requests.exceptions"),),
        (see("sentry.error", 2), see("sentry.alert", rule="Courier failures"), see("splunk", 2, kind="team", **HEC_WRK), see("datadog.task", **TASK)),
        classes=(9,), pair="hn-courier-timeout", log="courier request failed", logger="zennor.couriers.client", entry="zennor.tasks.dispatch.book_courier"),
    # One delivery-slot parser, two exceptions.
    Bug("hn-slot-keyerror", "pantry-api", (Exc("KeyError", "'window'", api(z("delivery.views", "choose_slot", 83, "slot = parse_slot(request.get_json())"), z("delivery.slots", "parse_slot", 21, "start, end = payload[\"window\"].split(\"-\")")), module="builtins"),),
        (see("sentry.error", 3), see("splunk", 2, **HEC_API), see("posthog", 1), see("datadog.apm", **APM)),
        classes=(4,), pair="hn-slot-valueerror", entry="PUT /delivery/slot"),
    Bug("hn-slot-valueerror", "pantry-api", (Exc("ValueError", "invalid literal for int() with base 10: 'noon'", api(z("delivery.views", "choose_slot", 83, "slot = parse_slot(request.get_json())"), z("delivery.slots", "parse_slot", 23, "hours = (int(start), int(end))")), module="builtins"),),
        (see("sentry.error", 2), see("splunk", 2, **HEC_API), see("datadog.log", **LOGMON)),
        classes=(4,), pair="hn-slot-keyerror", entry="PUT /delivery/slot"),
    # A product and a supplier not found: the entity named is the bug.
    Bug("hn-product-missing", "pantry-api", (Exc("NotFoundError", "Product {id} not found", api(z("catalogue.views", "product_detail", 26, "product = repo.get_or_raise(Product, product_id)"), z("db.repo", "get_or_raise", 15, "raise NotFoundError(f\"{model.__name__} {pk} not found\")")), module="zennor.errors"),),
        (see("sentry.error", 3), see("splunk", 2, **HEC_API), see("posthog", 1), see("datadog.apm", **APM)),
        classes=(4,), pair="hn-supplier-missing", entry="GET /products/{id}"),
    Bug("hn-supplier-missing", "pantry-worker", (Exc("NotFoundError", "Supplier {n} not found", task(z("tasks.stock", "send_purchase_order", 58, "supplier = repo.get_or_raise(Supplier, po.supplier_id)"), z("db.repo", "get_or_raise", 15, "raise NotFoundError(f\"{model.__name__} {pk} not found\")")), module="zennor.errors"),),
        (see("sentry.error", 2), see("splunk", 2, **HEC_JOBS), see("datadog.log", **TASKMON)),
        classes=(4,), pair="hn-product-missing", entry="zennor.tasks.stock.send_purchase_order"),
    # Two export tasks under one saved search and one task-failure monitor.
    Bug("hn-digest-smtp", "pantry-worker", (Exc("SMTPServerDisconnected", "Connection unexpectedly closed", task(z("tasks.mail", "send_weekly_digest", 37, "mailer.send(message)"), z("mail.sender", "send", 22, "smtp.send_message(message)"), pylib("smtplib", "send_message", 1001, "return self.sendmail(from_addr, to_addrs, flatmsg, mail_options,"), pylib("smtplib", "getreply", 405, "raise SMTPServerDisconnected(\"Connection unexpectedly closed\")")), module="smtplib"),),
        (see("sentry.error", 2), see("splunk", 2, **HEC_EXPORTS), see("datadog.log", 2, **TASKMON)),
        classes=(2,), pair="hn-export-s3-denied", entry="zennor.tasks.mail.send_weekly_digest"),
    Bug("hn-export-s3-denied", "pantry-worker", (Exc("ClientError", "An error occurred (AccessDenied) when calling the PutObject operation: Access Denied", task(z("tasks.exports", "export_orders_csv", 52, "s3.upload_fileobj(buf, BUCKET, key)"), pylib("boto3.s3.inject", "upload_fileobj", 642, "return future.result()"), pylib("s3transfer.futures", "result", 103, "return self._coordinator.result()"), pylib("botocore.client", "_make_api_call", 1023, "raise error_class(parsed_response, operation_name)")), module="botocore.exceptions"),),
        (see("sentry.error", 2), see("splunk", 2, **HEC_EXPORTS), see("datadog.log", 2, **TASKMON)),
        classes=(2,), pair="hn-digest-smtp", entry="zennor.tasks.exports.export_orders_csv"),
    # Not pairs.
    Bug("hn-lock-released", "pantry-worker", (Exc("LockNotOwnedError", "Cannot release a lock that's no longer owned", task(z("tasks.stock", "rebalance_warehouses", 81, "with redis.lock(\"rebalance\", timeout=60):"), pylib("redis.lock", "__exit__", 168, "self.release()"), pylib("redis.lock", "release", 254, "self.do_release(expected_token)"), pylib("redis.lock", "do_release", 260, "raise LockNotOwnedError(")), module="redis.exceptions"),),
        (see("sentry.error", 3), see("splunk", 2, kind="noexc", **HEC_WRK), see("datadog.task", 2, **TASK)),
        classes=(10,), log="rebalance failed", logger="zennor.tasks.stock", entry="zennor.tasks.stock.rebalance_warehouses"),
    Bug("hn-invoice-undefined", "pantry-worker", (Exc("UndefinedError", "'dict object' has no attribute 'delivery_date'", task(z("tasks.mail", "send_invoice", 64, "html = render_template(\"invoice.html\", order=order_ctx)"), pylib("flask.templating", "render_template", 150, "return _render(app, template, context)"), pylib("jinja2.environment", "render", 1304, "self.environment.handle_exception()"), py("templates.invoice", "top-level template code", 18, "<p>Delivery: {{ order.delivery_date|datefmt }}</p>", lib=True), pylib("jinja2.environment", "getattr", 487, "return getattr(obj, attribute)")), module="jinja2.exceptions"),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 3, **HEC_JOBS), see("datadog.log", **TASKMON)),
        classes=(1,), entry="zennor.tasks.mail.send_invoice"),
    Bug("hn-reindex-timelimit", "pantry-worker", (Exc("SoftTimeLimitExceeded", "SoftTimeLimitExceeded()", task(z("tasks.search", "rebuild_search_index", 27, "for batch in chunked(products, 500):"), z("search.indexer", "index_batch", 45, "resp = es.bulk(operations=ops)"), pylib("billiard.pool", "soft_timeout_sighandler", 229, "raise SoftTimeLimitExceeded()")), module="billiard.exceptions"),),
        (see("sentry.error", 2), see("splunk", 2, **HEC_JOBS), see("datadog.task", 2, **TASK)),
        classes=(8,), entry="zennor.tasks.search.rebuild_search_index"),
    Bug("hn-supplier-feed-json", "pantry-api", (Exc("JSONDecodeError", "Expecting value: line 1 column 1 (char 0)", (pylib("json.decoder", "raw_decode", 355, "raise JSONDecodeError(\"Expecting value\", s, err.value) from None"),), module="json.decoder"), Exc("JSONDecodeError", "Expecting value: line 1 column 1 (char 0)", api(z("suppliers.webhooks", "stock_feed", 31, "feed = fetch_feed(supplier).json()"), pylib("requests.models", "json", 978, "raise RequestsJSONDecodeError(e.msg, e.doc, e.pos)")), module="requests.exceptions")),
        (see("sentry.error", 3), see("splunk", 2, **HEC_API), see("posthog", 2), see("datadog.log", **LOGMON), see("datadog.apm", **APM)),
        classes=(5,), entry="POST /suppliers/{id}/feed", span=2),
    # Export durations and sizes vary (class 7).
    Bug("hn-export-slow", "pantry-worker", (),
        (see("splunk", 3, search="slow exports", app="zennor", line='{"ts":"{tsnaive}+00:00","level":"WARNING","logger":"zennor.tasks.exports","msg":"export orders-{week}.csv took {dur} ({size})","exc":null}'),),
        classes=(7,)),
    Bug("hn-singleton-decimal", "pantry-api", (Exc("InvalidOperation", "[<class 'decimal.InvalidOperation'>]", api(z("pricing.views", "box_price", 19, "return {\"price\": str(total.quantize(Decimal(\"0.01\")))}")), module="decimal"),),
        (see("sentry.error"),),
        singleton=True, entry="GET /boxes/{id}/price"),
]

NOISE = [
    Noise("hn-noise-deploy", "pantry-api", "datadog.event", {"monitor": "Deployed pantry-api", "text": "pantry-api 2026.11.3 deployed (6/6 gunicorn pods ready).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "pantry"}),
    Noise("hn-noise-worker-ready", "pantry-worker", "splunk", {"search": "pantry-worker errors", "app": "zennor", "line": '{"ts":"{tsnaive}+00:00","level":"INFO","logger":"celery.apps.worker","msg":"celery@pantry-worker-{hex} ready.","exc":null}'}),
    Noise("hn-noise-recovered", "pantry-worker", "datadog.log", {"monitor": "Celery task failures", "transition": "Recovered", "alert_type": "success", "team": "pantry", "filter": "service:pantry-worker status:error", "text": "Celery task failures back below threshold."}),
]

ZENNOR = Company(
    key="hn",
    name="Zennor Pantry",
    domain="zennor-pantry.example",
    sentry_org="zennor",
    splunk_url="https://zennor.splunkcloud.com",
    splunk_guid="3E7B1A94-6C2D-4F58-9A0B-7D1E5C83F264",
    datadog_org=("733001", "Zennor Pantry"),
    datadog_template="recommended",
    posthog_project=(73301, "Zennor API"),
    releases=("2026.11.1", "2026.11.2", "2026.11.3"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="zennor-sentry-client-secret",
)
# fmt: on
