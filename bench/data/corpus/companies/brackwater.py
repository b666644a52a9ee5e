"""(av) Brackwater Pets, a pet-food subscription shop: a Django 4.2 + Django REST framework API
on Python 3.11 under gunicorn (``api``), its Celery 5.3 workers on RabbitMQ (``worker``), and a
Vue 3 single-page shop built by Vite 5 (``shop-web``, ``/assets/<Name>-<hash>.js``).

Sentry (sentry-python with the Django and Celery integrations, @sentry/vue); PostHog (posthog-js
on the shop: Chrome, Edge, Firefox, Safari, raw and resolved frames; posthog-python's exception
autocapture on the API); Splunk over the pods' stdout through the Splunk OpenTelemetry
Collector (``kube:container:<name>``): Django's "verbose" formatter of its logging docs with
the traceback below; Celery's worker log, text until 2026.12.1 moved the workers to
python-json-logger (the traceback in the ``exc_info`` string); a stats search of failed tasks
that names only the task. No Datadog.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, Frame, JsError, Noise, Service, see
from ..stacks import (
    CELERY_TASK,
    DJANGO_GET,
    DJANGO_VIEW,
    VUE_CLICK,
    VUE_MOUNTED,
    VUE_RENDER,
    django_integrity,
    js,
    py,
    pylib,
)

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "api": Service("api", "python", "django-request-verbose", "kube:container:api", "/var/log/containers/api_brackwater_api.log", "bw_prod", 5510021, "CPython 3.11.9", framework="django"),
    "worker": Service("worker", "python", "celery-json-logger", "kube:container:worker", "/var/log/containers/worker_brackwater_worker.log", "bw_prod", 5510021, "CPython 3.11.9", framework="celery"),
    "shop-web": Service("shop-web", "javascript", "", "", "", "", 5510024, origin="https://shop.brackwater.example", framework="vue", sdk=("sentry.javascript.vue", "8.38.0", "npm:@sentry/vue")),
}

API_ERRORS = dict(search="api - 5xx and exceptions", app="brackwater_ops", owner="platform")
WORKER_ERRORS = dict(search="worker - failed tasks", app="brackwater_ops", owner="platform")
TASK_STATS = "worker - failures by task (hourly)"


def view(module: str, method: str, line: int, context: str) -> tuple[Frame, ...]:
    """A DRF view's handler under Django's request stack (oldest first)."""
    return (*DJANGO_VIEW, py(module, method, line, context))


def task(module: str, function: str, line: int, context: str) -> tuple[Frame, ...]:
    return (*CELERY_TASK, py(module, function, line, context))


def stats(task_name: str) -> dict[str, object]:
    """``index=bw_prod sourcetype=kube:container:worker "raised unexpected" | stats count by
    task_name``: no ``_raw``, no exception, only the task."""
    return {"task_name": task_name, "count": "{n}", "last_seen": "{gts}"}


def stripe_call(app: tuple[Frame, ...], code: str, message: str, kind: str) -> tuple[Exc, Exc]:
    """Every Stripe call goes through ``call_stripe``, which turns stripe's errors into the
    shop's own ``PaymentGatewayError`` (``raise … from err``): both bugs end in that helper."""
    call = py("payments.stripe_client", "call_stripe", 38, "return fn(**params)")
    cause = Exc(kind, f"Request {{req}}: {message}", (
        *app, call,
        pylib("stripe._createable_api_resource", "create", 22, "params=params,"),
        pylib("stripe._api_requestor", "request", 197, "resp = requestor._interpret_response(rbody, rcode, rheaders)"),
        pylib("stripe._api_requestor", "_interpret_response", 849, "self.handle_error_response(rbody, rcode, resp.data, rheaders)"),
        pylib("stripe._api_requestor", "handle_error_response", 422, "raise err"),
    ), module="stripe._error")
    return cause, Exc("PaymentGatewayError", f"Stripe request failed ({code}): {message}", (
        *app,
        py("payments.stripe_client", "call_stripe", 41, "raise PaymentGatewayError(f\"Stripe request failed ({err.code}): {err.user_message or err}\") from err"),
    ), module="payments.errors")


PAUSE_VIEW = view("subscriptions.views", "post", 64, "resume_on = sub.next_delivery.date + timedelta(days=7 * weeks)")
RECEIPT = "orders.tasks.send_order_receipt"

BUGS = [
    # The same attribute read on a missing delivery, in a view and in a task.
    Bug("bw-pause-next-delivery-none", "api", (Exc("AttributeError", "'NoneType' object has no attribute 'date'", PAUSE_VIEW),),
        (see("sentry.error", 2), see("sentry.issue"), see("posthog"), see("splunk", 2, **API_ERRORS)),
        classes=(4,), pair="bw-reschedule-next-delivery-none", entry="POST /api/v1/subscriptions/{id}/pause/", span=2, renames={"post": "create"}),
    Bug("bw-reschedule-next-delivery-none", "worker", (Exc("AttributeError", "'NoneType' object has no attribute 'date'", task("subscriptions.tasks", "reschedule_after_holiday", 38, "slot = DeliverySlot.for_date(sub.next_delivery.date, sub.postcode_area)")),),
        (see("sentry.error", 3), see("splunk", 2, **WORKER_ERRORS)),
        classes=(4,), pair="bw-pause-next-delivery-none", entry="subscriptions.tasks.reschedule_after_holiday"),
    # One unique violation per table: an order line added twice, a pet profile saved twice.
    Bug("bw-orderline-unique", "api", django_integrity((*DJANGO_VIEW, py("orders.views", "add_line", 112, "line = OrderLine.objects.create(order=order, product=product, quantity=qty)")), "orders_orderline_order_id_product_id_6f1c2e1a_uniq", "Key (order_id, product_id)=({order}, {id}) already exists."),
        (see("sentry.error", 2), see("sentry.alert", rule="api: database errors"), see("splunk", 2, **API_ERRORS)),
        classes=(4,), pair="bw-petprofile-unique", entry="POST /api/v1/orders/{id}/lines/"),
    Bug("bw-petprofile-unique", "api", django_integrity((*DJANGO_VIEW, py("pets.views", "perform_create", 47, "serializer.save(owner=self.request.user)"), pylib("rest_framework.serializers", "save", 208, "self.instance = self.create(validated_data)"), py("pets.serializers", "create", 71, "return Pet.objects.create(**validated_data)")), "pets_pet_owner_id_name_0a9d2c11_uniq", "Key (owner_id, name)=({user}, Biscuit) already exists."),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", **API_ERRORS)),
        classes=(4,), pair="bw-orderline-unique", entry="POST /api/v1/pets/"),
    # One price calculator, two exceptions: a bag size of zero, a price string with a comma.
    Bug("bw-unitprice-zero", "api", (Exc("ZeroDivisionError", "division by zero", (*DJANGO_VIEW, py("catalog.views", "retrieve", 58, "data[\"price_per_kg\"] = PriceCalculator(product).unit_price()"), py("catalog.pricing", "unit_price", 33, "return (self.product.price / self.product.bag_weight_kg).quantize(CENT)", caret="self.product.price / self.product.bag_weight_kg"))),),
        (see("sentry.error", 2), see("posthog"), see("splunk", 2, **API_ERRORS)),
        classes=(4,), pair="bw-unitprice-invalid", entry="GET /api/v1/products/{slug}/"),
    Bug("bw-unitprice-invalid", "api", (Exc("InvalidOperation", "[<class 'decimal.ConversionSyntax'>]", (*DJANGO_VIEW, py("catalog.views", "retrieve", 58, "data[\"price_per_kg\"] = PriceCalculator(product).unit_price()"), py("catalog.pricing", "unit_price", 31, "weight = Decimal(self.product.attributes[\"bag_weight\"])")), module="decimal"),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", **API_ERRORS)),
        classes=(4,), pair="bw-unitprice-zero", entry="GET /api/v1/products/{slug}/"),
    # Two Stripe calls failing through one helper.
    Bug("bw-stripe-card-declined", "worker", stripe_call((*task("billing.tasks", "charge_renewal", 52, "intent = gateway.charge(sub.customer_id, sub.amount_due, idempotency_key=key)"), py("payments.gateway", "charge", 27, "return call_stripe(stripe.PaymentIntent.create, amount=amount, currency=\"eur\", customer=customer, confirm=True, **kw)")), "card_declined", "Your card was declined.", "CardError"),
        (see("sentry.error", 3), see("splunk", 2, **WORKER_ERRORS), see("splunk", search=TASK_STATS, app="brackwater_ops", owner="platform", stats=stats("billing.tasks.charge_renewal"))),
        classes=(9,), pair="bw-stripe-refund-charge", entry="billing.tasks.charge_renewal", handled=True),
    Bug("bw-stripe-refund-charge", "api", stripe_call((*DJANGO_VIEW, py("orders.views", "refund", 141, "gateway.refund(order.payment_intent_id, amount=order.refundable_amount)"), py("payments.gateway", "refund", 44, "return call_stripe(stripe.Refund.create, payment_intent=intent_id, amount=amount)")), "charge_already_refunded", "Charge {charge} has already been refunded.", "InvalidRequestError"),
        (see("sentry.error", 2), see("sentry.alert", rule="api: payments"), see("splunk", 2, **API_ERRORS)),
        classes=(9,), pair="bw-stripe-card-declined", entry="POST /api/v1/orders/{id}/refund/", handled=True),
    # One task, two exceptions: the relay hangs up, and a template renamed in a deploy.
    Bug("bw-receipt-smtp-disconnect", "worker", (Exc("SMTPServerDisconnected", "Connection unexpectedly closed", (*task("orders.tasks", "send_order_receipt", 29, "msg.send(fail_silently=False)"), pylib("django.core.mail.message", "send", 300, "return self.get_connection(fail_silently).send_messages([self])"), pylib("django.core.mail.backends.smtp", "send_messages", 128, "new_conn_created = self.open()"), pylib("django.core.mail.backends.smtp", "open", 87, "self.connection = self.connection_class(self.host, self.port, **connection_params)"), pylib("smtplib", "__init__", 255, "(code, msg) = self.connect(host, port)"), pylib("smtplib", "connect", 343, "(code, msg) = self.getreply()"), pylib("smtplib", "getreply", 405, "raise SMTPServerDisconnected(\"Connection unexpectedly closed\")")), module="smtplib"),),
        (see("sentry.error", 2), see("splunk", 2, **WORKER_ERRORS), see("splunk", search=TASK_STATS, app="brackwater_ops", owner="platform", stats=stats(RECEIPT))),
        classes=(4, 8), pair="bw-receipt-template-missing", entry=RECEIPT),
    Bug("bw-receipt-template-missing", "worker", (Exc("TemplateDoesNotExist", "emails/order_receipt.html", (*task("orders.tasks", "send_order_receipt", 22, "html = render_to_string(\"emails/order_receipt.html\", {\"order\": order})"), pylib("django.template.loader", "render_to_string", 61, "template = get_template(template_name, using=using)"), pylib("django.template.loader", "get_template", 19, "raise TemplateDoesNotExist(template_name, chain=chain)")), module="django.template.exceptions"),),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 2, **WORKER_ERRORS), see("splunk", search=TASK_STATS, app="brackwater_ops", owner="platform", stats=stats(RECEIPT))),
        classes=(4, 8), pair="bw-receipt-smtp-disconnect", entry=RECEIPT, span=2),
    # The same breed read in two components of the shop.
    Bug("bw-web-petcard-breed", "shop-web", (Exc("TypeError", frames=(*VUE_RENDER, js("src/components/PetCard.vue", "breedLabel", 31, 28, "PetCard")), js=JsError("read-undefined", "pet.breed", "label")),),
        (see("sentry.error", 2, browser="chrome", chunk="PetCard"), see("sentry.error", browser="safari", chunk="PetCard", release=1), see("posthog", browser="firefox"), see("posthog", browser="edge", release=1), see("posthog", browser="chrome", resolved=True, release=1)),
        classes=(3, 4), pair="bw-web-foodfinder-breed", span=2, page="/account/pets"),
    Bug("bw-web-foodfinder-breed", "shop-web", (Exc("TypeError", frames=(*VUE_MOUNTED, js("src/views/FoodFinder.vue", "suggestForPet", 74, 45, "FoodFinder"), js("src/composables/useRecommendations.ts", "byBreed", 18, 22, "FoodFinder")), js=JsError("read-undefined", "pet.breed", "label")),),
        (see("sentry.error", browser="chrome", chunk="FoodFinder"), see("sentry.error", browser="firefox", chunk="FoodFinder", raw=True), see("posthog", 2, browser="chrome"), see("posthog", browser="safari", resolved=True)),
        classes=(3, 4), pair="bw-web-petcard-breed", page="/food-finder"),
    # A product page asking for a product that was delisted; the view was renamed a release later.
    Bug("bw-product-delisted", "api", (Exc("DoesNotExist", "Product matching query does not exist.", (*DJANGO_VIEW, py("catalog.views", "retrieve", 52, "product = Product.objects.get(slug=slug, is_active=True)"), *DJANGO_GET), module="catalog.models", qual="Product.DoesNotExist"),),
        (see("sentry.error", 3), see("sentry.issue"), see("posthog", 2), see("splunk", 2, **API_ERRORS)),
        classes=(5,), entry="GET /api/v1/products/{slug}/", span=3, renames={"retrieve": "product_detail"}),
    # The stock sync with the warehouse times out; Celery retries and then gives up.
    Bug("bw-stock-sync-timeout", "worker", (
        Exc("ReadTimeoutError", "HTTPSConnectionPool(host='api.warehouse-partner.example', port=443): Read timed out. (read timeout=20)", (*task("inventory.tasks", "sync_stock_levels", 44, "resp = session.get(f\"{WMS_URL}/v2/stock\", params={\"since\": since}, timeout=20)"), pylib("requests.sessions", "get", 602, "return self.request(\"GET\", url, **kwargs)"), pylib("requests.adapters", "send", 486, "resp = conn.urlopen("), pylib("urllib3.connectionpool", "urlopen", 845, "retries = retries.increment("), pylib("urllib3.connectionpool", "_read_timeout", 367, "raise ReadTimeoutError(")), module="urllib3.exceptions"),
        Exc("ReadTimeout", "HTTPSConnectionPool(host='api.warehouse-partner.example', port=443): Read timed out. (read timeout=20)", (*task("inventory.tasks", "sync_stock_levels", 44, "resp = session.get(f\"{WMS_URL}/v2/stock\", params={\"since\": since}, timeout=20)"), pylib("requests.sessions", "get", 602, "return self.request(\"GET\", url, **kwargs)"), pylib("requests.adapters", "send", 532, "raise ReadTimeout(e, request=request)")), module="requests.exceptions"),
    ),
        (see("sentry.error", 2), see("splunk", 3, **WORKER_ERRORS), see("splunk", search=TASK_STATS, app="brackwater_ops", owner="platform", stats=stats("inventory.tasks.sync_stock_levels"))),
        classes=(8,), entry="inventory.tasks.sync_stock_levels", span=2),
    # A serializer reading a field the warehouse feed stopped sending.
    Bug("bw-serializer-weight-key", "api", (Exc("KeyError", "'weight_kg'", (*DJANGO_VIEW, pylib("rest_framework.mixins", "list", 43, "return self.get_paginated_response(serializer.data)"), pylib("rest_framework.serializers", "to_representation", 523, "ret[field.field_name] = field.to_representation(attribute)"), py("catalog.serializers", "get_shipping_band", 88, "return band_for(obj.attributes[\"weight_kg\"])"))),),
        (see("sentry.error", 2), see("posthog", 2), see("splunk", 2, **API_ERRORS)),
        entry="GET /api/v1/products/"),
    # Invoice PDFs hitting the soft time limit.
    Bug("bw-invoice-pdf-time-limit", "worker", (Exc("SoftTimeLimitExceeded", "SoftTimeLimitExceeded()", (*task("billing.tasks", "render_invoice_pdf", 71, "pdf = HTML(string=html, base_url=settings.STATIC_URL).write_pdf()"), pylib("weasyprint", "write_pdf", 252, "self.render(font_config, counter_style, **options)"), pylib("billiard.pool", "soft_timeout_sighandler", 229, "raise SoftTimeLimitExceeded()")), module="billiard.exceptions"),),
        (see("sentry.error", 2), see("splunk", **WORKER_ERRORS), see("splunk", search=TASK_STATS, app="brackwater_ops", owner="platform", stats=stats("billing.tasks.render_invoice_pdf"))),
        entry="billing.tasks.render_invoice_pdf"),
    # Emails queued to the relay slowly: warnings whose sizes, durations and hosts change length.
    Bug("bw-mail-relay-slow", "worker", (),
        (see("splunk", 4, search="worker - warnings", app="brackwater_ops", owner="platform", line="[{gts},{millis}: WARNING/ForkPoolWorker-{idx}] orders.tasks.send_order_receipt[{uuid}]: Slow SMTP send to {relay}: {size} in {dur}"),),
        classes=(7,)),
    # After a deploy, open tabs ask for chunks that no longer exist.
    Bug("bw-web-stale-chunk", "shop-web", (Exc("TypeError", "Failed to fetch dynamically imported module: {chunkurl}", (js("node_modules/vue-router/dist/vue-router.mjs", "extractComponentsGuards", 2151, 42, "index", lib=True), js("src/router/index.ts", "component", 27, 24, "index")), engines={"spidermonkey": "error loading dynamically imported module: {chunkurl}", "jsc": "Importing a module script failed."}),),
        (see("sentry.error", browser="chrome", chunk="Checkout", mechanism="onunhandledrejection"), see("sentry.error", browser="firefox", chunk="Checkout", mechanism="onunhandledrejection", release=1), see("posthog", browser="safari", chunk="Checkout", mechanism="onunhandledrejection"), see("posthog", browser="edge", chunk="Checkout", mechanism="onunhandledrejection", release=1)),
        classes=(3,), span=2, page="/checkout"),
    # The delivery calendar formatting a date the API sent empty.
    Bug("bw-web-calendar-date", "shop-web", (Exc("RangeError", "Invalid time value", (*VUE_CLICK, js("src/components/DeliveryCalendar.vue", "selectDay", 96, 19, "DeliveryCalendar"), js("node_modules/date-fns/format.mjs", "format", 351, 11, "DeliveryCalendar", lib=True)), engines={"spidermonkey": "invalid date", "jsc": "Invalid Date"}),),
        (see("sentry.error", browser="chrome", chunk="DeliveryCalendar"), see("sentry.error", browser="firefox", chunk="DeliveryCalendar"), see("posthog", browser="safari"), see("posthog", browser="chrome", resolved=True)),
        classes=(3,), page="/account/deliveries"),
    # The basket calling a price formatter a refactor removed from the store.
    Bug("bw-web-basket-format", "shop-web", (Exc("TypeError", frames=(*VUE_CLICK, js("src/components/BasketLine.vue", "increment", 52, 9, "index"), js("src/stores/basket.ts", "updateQuantity", 66, 18, "index")), js=JsError("not-function", "basket", "formatPrice", "(n)")),),
        (see("sentry.error", 2, browser="chrome", chunk="index"), see("sentry.error", browser="safari", chunk="index"), see("posthog", browser="firefox"), see("posthog", browser="edge", legacy=True)),
        classes=(3,), page="/basket"),
    # Seen once each: Safari's photo gallery, a Celery beat task's unpickling error.
    Bug("bw-web-gallery-null", "shop-web", (Exc("TypeError", frames=(*VUE_CLICK, js("src/components/ProductGallery.vue", "zoom", 40, 12, "ProductGallery")), js=JsError("read-null", "activeImage", "srcset")),),
        (see("sentry.error", browser="safari", chunk="ProductGallery"),),
        singleton=True, page="/products/grain-free-salmon-6kg"),
    Bug("bw-loyalty-points-overflow", "worker", (Exc("DataError", "integer out of range\n", (*task("loyalty.tasks", "award_points", 19, "LoyaltyAccount.objects.filter(pk=account_id).update(points=F(\"points\") + points)"), pylib("django.db.models.query", "update", 1206, "rows = query.get_compiler(self.db).execute_sql(CURSOR)"), pylib("django.db.backends.utils", "_execute", 89, "return self.cursor.execute(sql, params)")), module="django.db.utils"),),
        (see("sentry.error"),),
        singleton=True, entry="loyalty.tasks.award_points"),
]

NOISE = [
    Noise("bw-noise-gunicorn-boot", "api", "splunk", {**API_ERRORS, "line": "[{gts} +0000] [{pid}] [INFO] Booting worker with pid: {pid}"}),
    Noise("bw-noise-celery-ready", "worker", "splunk", {**WORKER_ERRORS, "line": "[{gts},{millis}: INFO/MainProcess] celery@worker-5d8c9b7f4-q2x7k ready."}),
    Noise("bw-noise-gunicorn-term", "api", "splunk", {**API_ERRORS, "line": "[{gts} +0000] [1] [INFO] Handling signal: term"}),
]

BRACKWATER = Company(
    key="av",
    name="Brackwater Pets",
    domain="brackwater.example",
    sentry_org="brackwater",
    splunk_url="https://brackwater.splunkcloud.com",
    splunk_guid="5E0B7A21-9C3D-4B18-A6F2-3D81C07E94B5",
    datadog_org=("0", ""),
    datadog_template="default",
    posthog_project=(90317, "Brackwater shop"),
    releases=("2026.12.0", "2026.12.1", "2026.12.2"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="brackwater-sentry-client-secret",
)
# fmt: on
