"""(cl) Larchholm Seeds, a seed and young-plant mail-order nursery: a Falcon 3.1 WSGI API
under gunicorn's gthread workers (``orders-api``: basket, orders, wishlist, postage,
Stripe webhooks; SQLAlchemy 2 over psycopg 3 and Postgres) and Dramatiq 1.17 workers on a
Redis broker (``dispatch-workers``: collections with Royal Mail, Klaviyo syncs, labels,
supplier stock imports, sowing reminders, the PDF catalogue). Falcon's wheels are compiled
with Cython, so its frames carry no source line and a qualified function name.

Sentry: sentry-sdk with the Falcon and Dramatiq integrations. PostHog: posthog-python's
``capture_exception`` in the API's error handler. Splunk: loguru's ``serialize=True`` sink
on stdout (the API's error handler ``logger.opt(exception=ex).error(...)``; Dramatiq's own
"Failed to process message" routed into loguru by an ``InterceptHandler``) and gunicorn's
own error log on stderr for what escapes Falcon (a streamed response failing midway). Datadog:
dd-trace-py APM monitors (by route, by error type, by task) through the recommended
template.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

import json

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import SQLALCHEMY_FLUSH, httpx_timeout, py, pylib, sqlalchemy_integrity

SDK = "2.19.2"
# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "orders-api": Service("orders-api", "python", "cl-loguru", "larchholm:api:loguru", "/var/log/containers/orders-api.log", "larchholm_prod", 7730121, "CPython 3.11.10", framework="falcon", sdk=("sentry.python.falcon", SDK, "pypi:sentry-sdk")),
    "dispatch-workers": Service("dispatch-workers", "python", "cl-loguru", "larchholm:workers:loguru", "/var/log/containers/dispatch-workers.log", "larchholm_prod", 7730124, "CPython 3.11.10", framework="dramatiq", sdk=("sentry.python", SDK, "pypi:sentry-sdk")),
}

# gunicorn's gthread worker calling Falcon's compiled App.__call__ (no source line to show).
FALCON = (
    pylib("gunicorn.workers.gthread", "handle_request", 329, "respiter = self.wsgi(environ, resp.start_response)"),
    pylib("falcon.app", "falcon.app.App.__call__", 365),
)
# Dramatiq 1.17's worker thread calling an actor.
DRAMATIQ = (
    pylib("dramatiq.worker", "process_message", 505, "res = actor(*message.args, **message.kwargs)"),
    pylib("dramatiq.actor", "__call__", 182, "return self.fn(*args, **kwargs)"),
)
# Every partner call goes through one helper: its frame ends both partners' timeouts.
POST_JSON = py("larchholm.integrations.http", "post_json", 19, "resp = client.post(path, json=payload, timeout=15.0)")
NONE_SOWING = "'NoneType' object has no attribute 'sowing_months'"
NO_FLOAT = "could not convert string to float: {q}"
API = {"search": "orders-api loguru errors"}
WORKERS = {"search": "dispatch-workers failed messages"}
TEAM = {"team": "shop"}
BY_TYPE = {"style": "type", "monitor": "dispatch-workers errors by type", **TEAM}
ORDER_SQL = "INSERT INTO orders (public_ref, customer_id, status, total_pence, created_at) VALUES (%(public_ref)s::VARCHAR, %(customer_id)s::INTEGER, %(status)s::VARCHAR, %(total_pence)s::INTEGER, now()) RETURNING orders.id"
WISHLIST_SQL = "INSERT INTO wishlist_items (customer_id, variety_id, added_at) VALUES (%(customer_id)s::INTEGER, %(variety_id)s::INTEGER, now()) RETURNING wishlist_items.id"
VARIETY_SQL = "SELECT varieties.id, varieties.slug, varieties.name, varieties.sowing_months, varieties.stock FROM varieties WHERE varieties.slug = %(slug_1)s::VARCHAR"
CLOSED = "consuming input failed: server closed the connection unexpectedly\n\tThis probably means the server terminated abnormally\n\tbefore or while processing the request."


def api(module: str, function: str, line: int, context: str) -> tuple[Frame, ...]:
    return (*FALCON, py(f"larchholm.api.resources.{module}", function, line, context))


def actor(module: str, function: str, line: int, context: str) -> tuple[Frame, ...]:
    return (*DRAMATIQ, py(f"larchholm.workers.{module}", function, line, context))


def no_float(frames: tuple[Frame, ...], value: str) -> tuple[Exc, ...]:
    return (Exc("ValueError", NO_FLOAT.replace("{q}", value), frames, module="builtins"),)


def connection_lost(app: tuple[Frame, ...]) -> tuple[Exc, Exc]:
    """psycopg's OperationalError re-raised by SQLAlchemy's engine (cause first)."""
    engine = SQLALCHEMY_FLUSH[12:]
    cause = Exc("OperationalError", CLOSED, engine[-3:], module="psycopg")
    wrapped = f"(psycopg.OperationalError) {CLOSED}\n[SQL: {VARIETY_SQL}]\n[parameters: {{'slug_1': 'sweet-pea-{{idx}}'}}]\n(Background on this error at: https://sqlalche.me/e/20/e3q8)"
    return cause, Exc("OperationalError", wrapped, app + engine, module="sqlalchemy.exc")


def loguru_line(level: str, site: str, message: str) -> str:
    """A serialized loguru record without an exception, ``{slot}`` values left to fill."""
    name, function, line = site.split(":")
    icon = {"WARNING": "\u26a0\ufe0f", "INFO": "\u2139\ufe0f"}[level]
    record = {
        "text": f"{{gts}}.{{millis}} | {level:<8} | {site} - {message}\n",
        "record": {
            "exception": None, "extra": {}, "file": {"name": name.rsplit(".", 1)[-1] + ".py", "path": "/app/" + name.replace(".", "/") + ".py"},
            "function": function, "level": {"icon": icon, "name": level, "no": 30 if level == "WARNING" else 20}, "line": int(line),
            "message": message, "module": name.rsplit(".", 1)[-1], "name": name,
            "process": {"id": 9, "name": "MainProcess"}, "time": {"repr": "{tsnaive}", "timestamp": "{epoch}"},
        },
    }
    return json.dumps(record, ensure_ascii=False).replace('"{epoch}"', "{epoch}")


SLOW_SYNC = loguru_line("WARNING", "larchholm.stock.sync:run_sync:88", "Stock sync from {opsftp} finished: {size} in {dur}")

BUGS = [
    # One message in two places: a basket line whose variety was withdrawn; a reminder for it.
    Bug("cl-basket-sowing-none", "orders-api", (Exc("AttributeError", NONE_SOWING, (*api("basket", "on_post", 57, "window = check_sowing_window(variety, basket.dispatch_month)"), py("larchholm.catalogue.availability", "check_sowing_window", 23, "months = variety.sowing_months")), module="builtins"),),
        (see("sentry.error", 3), see("sentry.issue"), see("posthog"), see("splunk", **API), see("splunk", diagnose=True, **API), see("datadog.apm", style="route", **TEAM)),
        classes=(4, 5), pair="cl-reminder-sowing-none", entry="POST /v1/basket/items", span=2),
    Bug("cl-reminder-sowing-none", "dispatch-workers", (Exc("AttributeError", NONE_SOWING, (*actor("reminders", "send_sowing_reminders", 41, "lines = reminder_lines(customer, varieties, month)"), py("larchholm.reminders.build", "reminder_lines", 18, "if month in variety.sowing_months:")), module="builtins"),),
        (see("sentry.error", 3), see("splunk", 2, **WORKERS), see("datadog.task", **TEAM)),
        classes=(4,), pair="cl-basket-sowing-none", entry="send_sowing_reminders", log="send_sowing_reminders({user}, month=3)"),
    # Two unique constraints under one IntegrityError: an order reference drawn twice; a wishlist double tap.
    Bug("cl-order-ref-unique", "orders-api", sqlalchemy_integrity(api("orders", "on_post", 74, "session.commit()"), "orders_public_ref_key", "Key (public_ref)=(LH-{order}) already exists.", ORDER_SQL),
        (see("sentry.error", 2), see("sentry.alert"), see("posthog"), see("splunk", 2, **API), see("datadog.apm", **TEAM)),
        classes=(4,), pair="cl-wishlist-unique", entry="POST /v1/orders"),
    Bug("cl-wishlist-unique", "orders-api", sqlalchemy_integrity(api("wishlist", "on_post", 33, "session.commit()"), "wishlist_items_customer_id_variety_id_key", "Key (customer_id, variety_id)=({user}, {id}) already exists.", WISHLIST_SQL),
        (see("sentry.error", 2), see("splunk", 2, **API), see("datadog.apm", **TEAM)),
        classes=(4,), pair="cl-order-ref-unique", entry="POST /v1/wishlist/items"),
    # One function, two exceptions: a postage band with no weight limit; a postcode area with no zone.
    Bug("cl-postage-zerodiv", "orders-api", (Exc("ZeroDivisionError", "division by zero", (*api("basket", "on_get_postage", 92, "quote = postage_for(basket)"), py("larchholm.pricing.postage", "postage_for", 36, "parcels = math.ceil(total_grams / band.max_grams)")), module="builtins"),),
        (see("sentry.error", 3), see("posthog"), see("splunk", 2, **API)),
        classes=(4,), pair="cl-postage-keyerror", entry="GET /v1/basket/postage"),
    Bug("cl-postage-keyerror", "orders-api", (Exc("KeyError", "'ZE'", (*api("basket", "on_get_postage", 92, "quote = postage_for(basket)"), py("larchholm.pricing.postage", "postage_for", 31, "band = ZONES[postcode_area(basket.address.postcode)]")), module="builtins"),),
        (see("sentry.error", 2), see("sentry.issue"), see("posthog"), see("splunk", 2, **API)),
        classes=(4,), pair="cl-postage-zerodiv", entry="GET /v1/basket/postage"),
    # Two partners' read timeouts ending in one helper.
    Bug("cl-royalmail-timeout", "dispatch-workers", httpx_timeout((*actor("shipping", "book_collection", 29, "booking = royal_mail.book(order)"), py("larchholm.integrations.royalmail", "book", 44, 'return post_json(self.http, "/shipping/v3/orders", payload)'), POST_JSON), "ReadTimeout", "The read operation timed out"),
        (see("sentry.error", 3), see("splunk", 2, **WORKERS), see("datadog.task", **TEAM)),
        classes=(9,), pair="cl-klaviyo-timeout", entry="book_collection", log="book_collection({order})"),
    Bug("cl-klaviyo-timeout", "dispatch-workers", httpx_timeout((*actor("marketing", "sync_subscriber", 17, "klaviyo.upsert_profile(customer)"), py("larchholm.integrations.klaviyo", "upsert_profile", 38, 'return post_json(self.http, "/api/profile-import/", body)'), POST_JSON), "ReadTimeout", "The read operation timed out"),
        (see("sentry.error", 2), see("splunk", 2, **WORKERS), see("datadog.apm", **BY_TYPE)),
        classes=(9,), pair="cl-royalmail-timeout", entry="sync_subscriber", log="sync_subscriber({user})"),
    # Two ValueErrors under one APM monitor that names only the service and the type.
    Bug("cl-label-weight", "dispatch-workers", no_float((*actor("labels", "print_labels", 22, "sheet = layout_sheet(batch)"), py("larchholm.labels.layout", "layout_sheet", 47, "weight = parcel_weight(row)"), py("larchholm.labels.layout", "parcel_weight", 12, 'grams = float(row["weight_g"])')), "''"),
        (see("sentry.error", 2), see("splunk", 2, **WORKERS), see("datadog.apm", 2, **BY_TYPE)),
        classes=(4,), pair="cl-stock-csv", entry="print_labels", log="print_labels('batch-{id}')"),
    Bug("cl-stock-csv", "dispatch-workers", no_float((*actor("stock", "import_supplier_stock", 35, "rows = [parse_row(cells) for cells in reader]"), py("larchholm.workers.stock", "<listcomp>", 35, "rows = [parse_row(cells) for cells in reader]"), py("larchholm.stock.supplier_csv", "parse_row", 21, "price = float(cells[4])")), "'n/a'"),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **WORKERS), see("datadog.apm", 2, **BY_TYPE)),
        classes=(4,), pair="cl-label-weight", entry="import_supplier_stock", log="import_supplier_stock('thompson-morgan', '{date}')"),
    # The catalogue PDF overrunning Dramatiq's time limit: raised in whatever frame was running.
    Bug("cl-catalogue-timelimit", "dispatch-workers", (Exc("TimeLimitExceeded", "", (*actor("catalogue", "render_catalogue_pdf", 33, "pdf = HTML(string=html, base_url=ASSETS).write_pdf()"), pylib("weasyprint", "write_pdf", 252, "self.render(font_config, counter_style, **options)"), pylib("weasyprint.document", "_render", 253, "page_boxes = layout_document(html, root_box, context)"), pylib("weasyprint.layout", "layout_document", 124, "pages = list(make_all_pages(context, root_box, html, pages))")), module="dramatiq.middleware.time_limit"),),
        (see("sentry.error", 2), see("splunk", 2, **WORKERS), see("datadog.task", 2, **TEAM)),
        classes=(8,), entry="render_catalogue_pdf", log="render_catalogue_pdf('spring-{n}')"),
    # The database failing over under a variety page: three releases, the repository renamed.
    Bug("cl-variety-conn-lost", "orders-api", connection_lost((*api("varieties", "on_get", 22, "variety = self.repo.by_slug(slug)"), py("larchholm.catalogue.repo", "by_slug", 15, "return self.session.scalars(stmt).one_or_none()"))),
        (see("sentry.error", 4), see("posthog"), see("splunk", 2, **API), see("datadog.apm", style="route", **TEAM)),
        classes=(5,), entry="GET /v1/varieties/{variety_id}", span=3, renames={"by_slug": "find_by_slug"}),
    # Stripe's signature check failing after a secret rotation.
    Bug("cl-stripe-signature", "orders-api", (Exc("SignatureVerificationError", "No signatures found matching the expected signature for payload", (*api("webhooks", "on_post", 27, "event = stripe.Webhook.construct_event(raw, signature, self.secret)"), pylib("stripe._webhook", "construct_event", 23, "WebhookSignature.verify_header(payload, sig_header, secret, tolerance)"), pylib("stripe._webhook", "verify_header", 82, "raise error.SignatureVerificationError(")), module="stripe._error"),),
        (see("sentry.error", 2), see("sentry.issue"), see("posthog", 2), see("splunk", **API)),
        entry="POST /v1/webhooks/stripe"),
    # The stock sync's own warning: one template, sizes, durations and hosts of every length.
    Bug("cl-stock-sync-slow", "dispatch-workers", (),
        (see("splunk", 4, search="dispatch-workers slow stock syncs", line=SLOW_SYNC), see("datadog.log", monitor="Slow supplier stock syncs", text="Stock sync from {opsftp} finished: {size} in {dur}", filter="service:dispatch-workers @record.function:run_sync", **TEAM)),
        classes=(7,)),
    # A streamed CSV export failing after Falcon has returned: the error escapes to gunicorn,
    # which logs it as text on stderr; Sentry's WSGI middleware catches it while iterating.
    Bug("cl-export-stream-keyerror", "orders-api", (Exc("KeyError", "'latin_name'", (pylib("gunicorn.workers.gthread", "handle_request", 336, "for item in respiter:"), pylib("sentry_sdk.integrations.wsgi", "__iter__", 274, "chunk = next(iterator)"), py("larchholm.api.resources.exports", "stock_rows", 41, 'yield line_for(v["latin_name"], v["name"], v["stock"])')), module="builtins"),),
        (see("sentry.error", 2, mechanism="wsgi"), see("sentry.issue", mechanism="wsgi"), see("splunk", 2, format="gunicorn", sourcetype="larchholm:api:gunicorn", search="orders-api gunicorn errors")),
        entry="GET /v1/exports/stock.csv"),
    # Seen once: a category tree whose parent points back at a child.
    Bug("cl-category-recursion", "orders-api", (Exc("RecursionError", "maximum recursion depth exceeded", (*api("categories", "on_get", 14, "return tree.walk(root)"), py("larchholm.catalogue.tree", "walk", 9, "return [node, *(walk(c) for c in node.children)]"), py("larchholm.catalogue.tree", "walk", 9, "return [node, *(walk(c) for c in node.children)]"), py("larchholm.catalogue.tree", "walk", 9, "return [node, *(walk(c) for c in node.children)]")), module="builtins"),),
        (see("sentry.error"),),
        singleton=True, entry="GET /v1/categories"),
]

NOISE = [
    Noise("cl-noise-boot", "dispatch-workers", "splunk", {"search": "dispatch-workers startup", "line": loguru_line("INFO", "dramatiq.cli:main:435", "Dramatiq '1.17.0' is booting up.")}),
    Noise("cl-noise-deploy", "orders-api", "datadog.event", {"monitor": "Deployed orders-api 2026.11.3", "text": "GitHub Actions rolled out orders-api 2026.11.3 (4 gunicorn pods).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", **TEAM}),
    Noise("cl-noise-recovered", "dispatch-workers", "datadog.log", {"monitor": "Slow supplier stock syncs", "transition": "Recovered", "alert_type": "success", "text": "Supplier stock syncs are back under 10 minutes.", **TEAM}),
]

LARCHHOLM = Company(
    key="cl",
    name="Larchholm Seeds",
    domain="larchholm.example",
    sentry_org="larchholm",
    splunk_url="https://larchholm.splunkcloud.com",
    splunk_guid="6B2E0C71-94D3-4F28-A1E5-3C7D8B90F412",
    datadog_org=("1184023", "Larchholm Seeds"),
    datadog_template="recommended",
    posthog_project=(91442, "Larchholm shop"),
    releases=("2026.11.2", "2026.11.3", "2026.12.0"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="larchholm-sentry-client-secret",
)
