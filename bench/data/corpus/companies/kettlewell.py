"""(ij) Kettlewell Nurseries, plants and garden supplies with click-and-collect: a Django 4.2
app (``nursery-web``: server-rendered function views, the basket, checkout, collection slots,
staff CSV exports streamed with ``StreamingHttpResponse``) under uWSGI 2.0 behind nginx, and
the same codebase's management commands run by cron (``nursery-cron``: the supplier stock
feed, the supplier catalogue import, order emails), Python 3.11, psycopg2 on PostgreSQL.

Logs: everything on the containers' stderr, tailed by the Datadog agent with multi-line
aggregation: Django's ``verbose`` formatter from its logging docs (``ERROR <asctime> log <pid>
<thread> Internal Server Error: <path>`` from ``django.request``, the code's
``logger.exception`` records), the traceback below; uWSGI's own request log lines; and the bare
``Traceback`` uWSGI prints when a streamed response raises after its headers are sent
(``ij-uwsgi``). Sentry: sentry-python (Django integration, the logging integration for the
commands). PostHog: posthog-python's ``capture_exception`` in a middleware. Datadog: dd-trace-py
APM monitors by error type and log monitors pasting ``{{log.message}}``. No Splunk.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, Noise, Service, see
from ..stacks import DJANGO_GET, django_integrity, py, pylib

# The tables keep one frame or delivery per line.
# fmt: off
SDK = ("sentry.python.django", "2.19.2", "pypi:sentry-sdk")
SDK_CRON = ("sentry.python", "2.19.2", "pypi:sentry-sdk")
SERVICES = {
    "nursery-web": Service("nursery-web", "python", "ij-uwsgi", "", "", "", 8020201, "CPython 3.11.10", framework="django", sdk=SDK),
    "nursery-cron": Service("nursery-cron", "python", "ij-uwsgi", "", "", "", 8020202, "CPython 3.11.10", framework="logging", sdk=SDK_CRON),
}
DJ = (
    pylib("django.core.handlers.exception", "inner", 55, "response = get_response(request)"),
    pylib("django.core.handlers.base", "_get_response", 197, "response = wrapped_callback(request, *callback_args, **callback_kwargs)"),
)
LOGIN = pylib("django.contrib.auth.decorators", "_wrapped_view", 23, "return view_func(request, *args, **kwargs)")
REQUESTS_GET = (
    pylib("requests.api", "get", 73, "return request(\"get\", url, params=params, **kwargs)"),
    pylib("requests.sessions", "request", 589, "resp = self.send(prep, **send_kwargs)"),
    pylib("requests.sessions", "send", 703, "r = adapter.send(request, **kwargs)"),
    pylib("requests.adapters", "send", 713, "raise ReadTimeout(e, request=request)"),
)
HTTP_GET = py("kettlewell.integrations.http", "get_json", 19, "resp = requests.get(url, params=params, timeout=(3, 10))")
HTTP_JSON = py("kettlewell.integrations.http", "get_json", 21, "return resp.json()")
NONE_PRICE = "'NoneType' object has no attribute 'price'"


def k(module: str, function: str, line: int, context: str) -> Frame:
    return py(f"kettlewell.{module}", function, line, context)


def web(*frames: Frame, login: bool = False) -> tuple[Frame, ...]:
    return (*DJ, *((LOGIN,) if login else ()), *frames)


def cmd(command: str, line: int, context: str, *frames: Frame) -> tuple[Frame, ...]:
    """A command's ``logger.exception`` inside its loop: the traceback starts at ``handle``."""
    return (k(f"{command.split('.')[0]}.management.commands.{command.split('.')[1]}", "handle", line, context), *frames)


APM = dict(team="nursery", monitor="[nursery-web] errors by type", style="type")
APM_CRON = dict(team="nursery", monitor="[nursery-cron] errors by type", style="type")
LOGMON = dict(team="nursery", monitor="[nursery-web] 500s on stderr", filter="service:nursery-web status:error \"Internal Server Error\"", text="Django returned a 500:\n\n```\n{{log.message}}\n```", sample_lines=8)
REQLOG = dict(team="nursery", monitor="[nursery-web] uWSGI HTTP 500", filter="service:nursery-web source:uwsgi \"(HTTP/1.1 500)\"", text="{{log.message}}", kind="reqlog")
TRACEMON = dict(team="nursery", monitor="[nursery-web] tracebacks on stderr", filter="service:nursery-web \"Traceback (most recent call last)\"", text="New traceback on {{log.host}}:\n```\n{{log.message}}\n```", sample_lines=30)
EMAILMON = dict(team="nursery", monitor="[nursery-web] email failures", filter="service:nursery-web status:error logger:kettlewell.orders.emails", text="{{log.message}}", sample_lines=4)
CRONLOG = dict(team="nursery", monitor="[nursery-cron] command errors", filter="service:nursery-cron status:error", text="```\n{{log.message}}\n```", sample_lines=12)

BUGS = [
    # The same missing price in the basket and at checkout.
    Bug("ij-basket-none-price", "nursery-web", (Exc("AttributeError", NONE_PRICE, web(k("basket.views", "add_to_basket", 42, "line_total = qty * variety.price"))),),
        (see("sentry.error", 3), see("sentry.issue"), see("posthog", 2), see("datadog.apm", **APM), see("datadog.log", **LOGMON)),
        classes=(4,), pair="ij-checkout-none-price", entry="POST /basket/add/", span=2, renames={"add_to_basket": "basket_add"}),
    Bug("ij-checkout-none-price", "nursery-web", (Exc("AttributeError", NONE_PRICE, web(k("orders.views", "checkout", 77, "total = sum(line.qty * line.pot_size.price for line in basket.lines.all())", ), k("orders.views", "<genexpr>", 77, "total = sum(line.qty * line.pot_size.price for line in basket.lines.all())"), login=True)),),
        (see("sentry.error", 2), see("posthog"), see("datadog.apm", **APM), see("datadog.log", **LOGMON), see("datadog.log", **REQLOG)),
        classes=(4,), pair="ij-basket-none-price", entry="POST /checkout/"),
    # DoesNotExist for two models: the entity in the message is the bug.
    Bug("ij-plant-missing", "nursery-web", (Exc("DoesNotExist", "Plant matching query does not exist.", web(k("catalogue.views", "plant_detail", 18, "plant = Plant.objects.get(slug=slug, published=True)"), *DJANGO_GET), module="kettlewell.catalogue.models", qual="Plant.DoesNotExist"),),
        (see("sentry.error", 3), see("posthog"), see("datadog.apm", **APM), see("datadog.log", 2, **LOGMON)),
        classes=(4,), pair="ij-slot-missing", entry="GET /plants/{slug}/"),
    Bug("ij-slot-missing", "nursery-web", (Exc("DoesNotExist", "CollectionSlot matching query does not exist.", web(k("collection.views", "book_slot", 35, "slot = CollectionSlot.objects.get(pk=request.POST[\"slot\"], store=store)"), *DJANGO_GET, login=True), module="kettlewell.collection.models", qual="CollectionSlot.DoesNotExist"),),
        (see("sentry.error", 2), see("posthog", 2), see("datadog.apm", **APM), see("datadog.log", **LOGMON)),
        classes=(4,), pair="ij-plant-missing", entry="POST /collection/book/"),
    # Unique violations on two tables through Django's create().
    Bug("ij-dup-order-ref", "nursery-web", django_integrity(web(k("orders.views", "checkout", 91, "order = Order.objects.create(reference=make_reference(basket), customer=request.user, basket=basket)"), login=True), "orders_order_reference_key", "Key (reference)=(KN-{id}) already exists."),
        (see("sentry.error", 3), see("posthog"), see("datadog.apm", **APM), see("datadog.log", **LOGMON)),
        classes=(4,), pair="ij-dup-wishlist", entry="POST /checkout/"),
    Bug("ij-dup-wishlist", "nursery-web", django_integrity(web(k("wishlist.views", "add", 22, "WishlistItem.objects.create(user=request.user, plant=plant)"), login=True), "wishlist_wishlistitem_user_id_plant_id_3f1c_uniq", "Key (user_id, plant_id)=({user}, {course}) already exists."),
        (see("sentry.error", 2), see("datadog.apm", 2, **APM), see("datadog.log", **REQLOG)),
        classes=(4,), pair="ij-dup-order-ref", entry="POST /wishlist/add/{plant_id}/"),
    # One stock feed row parser, two exceptions, logged by the sync command.
    Bug("ij-stock-keyerror", "nursery-cron", (Exc("KeyError", "'sku'", cmd("stock.sync_stock", 48, "apply_feed_row(row)", k("stock.feed", "apply_feed_row", 17, "variety = Variety.objects.get(supplier_sku=row[\"sku\"])")), module="builtins"),),
        (see("sentry.error", 3), see("datadog.log", 2, **CRONLOG), see("datadog.apm", **APM_CRON)),
        classes=(4,), pair="ij-stock-valueerror", log="stock feed row {n} failed", logger="kettlewell.stock.management.commands.sync_stock", entry="sync_stock", handled=True),
    Bug("ij-stock-valueerror", "nursery-cron", (Exc("ValueError", "invalid literal for int() with base 10: 'n/a'", cmd("stock.sync_stock", 48, "apply_feed_row(row)", k("stock.feed", "apply_feed_row", 21, "variety.stock = int(row[\"qty_available\"])")), module="builtins"),),
        (see("sentry.error", 2), see("datadog.log", 2, **CRONLOG)),
        classes=(4,), pair="ij-stock-keyerror", log="stock feed row {n} failed", logger="kettlewell.stock.management.commands.sync_stock", entry="sync_stock", handled=True, span=2),
    # Two bugs ending in the same HTTP helper.
    Bug("ij-postcode-json", "nursery-web", (Exc("JSONDecodeError", "Expecting value: line 1 column 1 (char 0)", (pylib("json.decoder", "raw_decode", 355, "raise JSONDecodeError(\"Expecting value\", s, err.value) from None"),), module="json.decoder"),
                                            Exc("JSONDecodeError", "Expecting value: line 1 column 1 (char 0)", web(k("delivery.views", "delivery_quote", 26, "area = postcodes.lookup(form.cleaned_data[\"postcode\"])"), k("integrations.postcodes", "lookup", 14, "data = get_json(f\"{BASE}/postcodes/{quote(postcode)}\")"), HTTP_JSON, pylib("requests.models", "json", 978, "raise RequestsJSONDecodeError(e.msg, e.doc, e.pos)")), module="requests.exceptions")),
        (see("sentry.error", 3), see("posthog"), see("datadog.apm", **APM), see("datadog.log", **LOGMON)),
        classes=(9,), pair="ij-catalogue-timeout", entry="POST /delivery/quote/"),
    Bug("ij-catalogue-timeout", "nursery-cron", (Exc("ReadTimeoutError", "HTTPSConnectionPool(host='api.growers-direct.example', port=443): Read timed out. (read timeout=10)", (pylib("urllib3.connectionpool", "_read_timeout", 367, "raise ReadTimeoutError("),), module="urllib3.exceptions"),
                                                 Exc("ReadTimeout", "HTTPSConnectionPool(host='api.growers-direct.example', port=443): Read timed out. (read timeout=10)", cmd("catalogue.import_catalogue", 33, "page = supplier.fetch_page(n)", k("integrations.supplier", "fetch_page", 40, "return get_json(f\"{BASE}/catalogue\", params={\"page\": n})"), HTTP_GET, *REQUESTS_GET), module="requests.exceptions")),
        (see("sentry.error", 2), see("datadog.log", 2, **CRONLOG), see("datadog.apm", **APM_CRON)),
        classes=(9, 7), pair="ij-postcode-json", log="catalogue import stopped at page {idx}", logger="kettlewell.catalogue.management.commands.import_catalogue", entry="import_catalogue", handled=True),
    # Two bugs under one "tracebacks on stderr" monitor: a streamed export and a label view.
    Bug("ij-export-streamed", "nursery-web", (Exc("TypeError", "unsupported operand type(s) for *: 'decimal.Decimal' and 'float'", (k("staff.exports", "order_rows", 58, "yield writer.writerow([o.reference, o.placed_at.isoformat(), o.total * VAT_RATE])"),), module="builtins"),),
        (see("sentry.error", 2), see("datadog.log", 2, kind="raw", **TRACEMON)),
        classes=(2,), pair="ij-label-unicode", entry="GET /staff/exports/orders.csv"),
    Bug("ij-label-unicode", "nursery-web", (Exc("UnicodeEncodeError", "'latin-1' codec can't encode character '\\u2019' in position {n}: ordinal not in range(256)", web(k("staff.labels", "print_labels", 31, "pdf = render_labels(orders)"), k("staff.labels", "render_labels", 64, "canvas.drawString(x, y, order.customer_name)"), pylib("reportlab.pdfgen.textobject", "_formatText", 161, "text = text.encode(\"latin-1\")"), login=True), module="builtins"),),
        (see("sentry.error", 3), see("datadog.log", **TRACEMON), see("datadog.apm", **APM)),
        classes=(2,), pair="ij-export-streamed", entry="POST /staff/labels/"),
    # Not pairs.
    Bug("ij-template-filter", "nursery-web", (Exc("TemplateSyntaxError", "Invalid filter: 'money'", web(k("catalogue.views", "category", 51, "return render(request, \"catalogue/category.html\", context)"), pylib("django.shortcuts", "render", 24, "content = loader.render_to_string(template_name, context, request, using=using)"), pylib("django.template.loader", "get_template", 15, "return engine.get_template(template_name)"), pylib("django.template.base", "find_filter", 600, "raise TemplateSyntaxError(\"Invalid filter: '%s'\" % filter_name)")), module="django.template.exceptions"),),
        (see("sentry.error", 2), see("sentry.issue"), see("posthog"), see("datadog.apm", **APM), see("datadog.log", **LOGMON)),
        classes=(6,), entry="GET /plants/category/{slug}/", span=2),
    Bug("ij-db-closed", "nursery-cron", (Exc("InterfaceError", "connection already closed", (pylib("django.db.backends.postgresql.base", "create_cursor", 331, "cursor = self.connection.cursor()"),), module="psycopg2"),
                                         Exc("InterfaceError", "connection already closed", cmd("orders.send_reminders", 27, "for order in Order.objects.due_for_collection(today):", pylib("django.db.models.query", "__iter__", 398, "self._fetch_all()"), pylib("django.db.backends.base.base", "cursor", 330, "return self._cursor()"), pylib("django.db.utils", "__exit__", 91, "raise dj_exc_value.with_traceback(traceback) from exc_value"), pylib("django.db.backends.postgresql.base", "create_cursor", 331, "cursor = self.connection.cursor()")), module="django.db.utils")),
        (see("sentry.error", 2), see("datadog.log", 2, **CRONLOG), see("datadog.apm", **APM_CRON)),
        classes=(8,), log="collection reminders aborted", logger="kettlewell.orders.management.commands.send_reminders", entry="send_reminders", handled=True),
    Bug("ij-smtp-disconnected", "nursery-web", (Exc("SMTPServerDisconnected", "Connection unexpectedly closed", web(k("orders.views", "checkout", 104, "send_confirmation(order)"), k("orders.emails", "send_confirmation", 19, "msg.send()"), pylib("django.core.mail.message", "send", 299, "return self.get_connection(fail_silently).send_messages([self])"), pylib("django.core.mail.backends.smtp", "send_messages", 128, "sent = self._send(message)"), pylib("smtplib", "getreply", 405, "raise SMTPServerDisconnected(\"Connection unexpectedly closed\")"), login=True), module="smtplib"),),
        (see("sentry.error", 2), see("datadog.log", 2, **EMAILMON)),
        classes=(7,), log="order confirmation email for order KN-{id} failed", logger="kettlewell.orders.emails", entry="POST /checkout/", handled=True),
    Bug("ij-singleton-zerodiv", "nursery-web", (Exc("ZeroDivisionError", "division by zero", web(k("staff.views", "sell_through", 66, "rate = sold / stocked"), login=True), module="builtins"),),
        (see("sentry.error"),),
        singleton=True, entry="GET /staff/sell-through/"),
]

NOISE = [
    Noise("ij-noise-deploy", "nursery-web", "datadog.event", {"monitor": "Deployed nursery-web", "text": "nursery-web 4.18.0 deployed: spawned uWSGI master process (pid: 1), spawned uWSGI worker 1..4 (cores: 1).", "priority": "P5", "event_type": "event_alert", "alert_type": "info", "team": "nursery"}),
    Noise("ij-noise-resolved", "nursery-web", "sentry.metric", {"rule": "nursery-web errors per 10 minutes", "aggregate": "count()", "action": "resolved", "value": "{n}"}),
    Noise("ij-noise-recovered", "nursery-cron", "datadog.log", {"monitor": "[nursery-cron] command errors", "transition": "Recovered", "alert_type": "success", "team": "nursery", "filter": "service:nursery-cron status:error", "text": "nursery-cron command errors recovered."}),
]

KETTLEWELL = Company(
    key="ij",
    name="Kettlewell Nurseries",
    domain="kettlewell-nurseries.example",
    sentry_org="kettlewell",
    splunk_url="",
    splunk_guid="",
    datadog_org=("802020", "Kettlewell Nurseries"),
    datadog_template="recommended",
    posthog_project=(80202, "Kettlewell"),
    releases=("4.17.2", "4.18.0", "4.18.1"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="kettlewell-sentry-client-secret",
)
# fmt: on
