"""(a) Pennyroyal, meal kits: a Django/DRF API (``web-api``) and Celery workers (``worker``)
on Python 3.11, and a React single-page app (``spa``, Vite bundles ``chunk-<hash>.js``).

Sentry projects for all three; PostHog error tracking in the SPA; Splunk indexes the API's
python-json-logger lines and the workers' structlog JSON and Celery text; Datadog log, APM
and task monitors post with the plugin's recommended template.
"""

# A data table: messages, frames and log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from ..model import Bug, Company, Exc, JsError, Noise, Service, see
from ..stacks import (
    CELERY_TASK,
    DJANGO_GET,
    DJANGO_VIEW,
    REACT_CLICK,
    REACT_EFFECT,
    REACT_RENDER,
    django_integrity,
    js,
    py,
    pylib,
)

# The tables keep one frame or delivery per line.
# fmt: off
SERVICES = {
    "web-api": Service("web-api", "python", "python-json", "pennyroyal:django:json", "/var/log/pennyroyal/web-api.json", "app_prod", 4504211, "CPython 3.11.8", framework="django"),
    "worker": Service("worker", "python", "structlog", "pennyroyal:worker:json", "/var/log/pennyroyal/worker.json", "app_prod", 4504215, "CPython 3.11.8", framework="celery"),
    "spa": Service("spa", "javascript", "", "", "", "", 4504219, origin="https://app.pennyroyal.example", framework="onerror"),
}

DJANGO_500 = "django.request"


# What django.request logs for an unhandled exception; {path} is the request's path.
INTERNAL_ERROR = "Internal Server Error: {path}"


BUGS = [
    Bug(
        "pr-coupon-keyerror",
        "web-api",
        (
            Exc(
                "KeyError",
                "'{coupon}'",
                (
                    *DJANGO_VIEW,
                    py("shop.checkout.views", "post", 64, "discount = coupons.resolve(serializer.validated_data['code'], cart)"),
                    py("shop.checkout.coupons", "resolve", 31, "rule = RULES[code.upper()]"),
                ),
            ),
        ),
        (
            see("posthog"),
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 3),
            see("datadog.log", 2, team="checkout"),
        ),
        log=INTERNAL_ERROR,
        logger=DJANGO_500,
        entry="POST /api/checkout/coupon/",
        span=2,
    ),
    # Same IntegrityError text shape, two tables: the table is the bug.
    Bug(
        "pr-slot-integrity",
        "web-api",
        django_integrity(
            (
                py("orders.views", "post", 41, "slot = book_delivery_slot(order, serializer.validated_data['window_id'])"),
                py("orders.services", "book_delivery_slot", 88, "return DeliverySlot.objects.create(order=order, window=window)"),
            ),
            "orders_deliveryslot_order_id_key",
            "Key (order_id)=({order}) already exists.",
        ),
        (
            see("posthog"),
            see("sentry.error", 2),
            see("splunk", 3),
            see("datadog.log", monitor="Database integrity errors on web-api", team="orders"),
        ),
        classes=(4,),
        pair="pr-pause-integrity",
        log=INTERNAL_ERROR,
        logger=DJANGO_500,
        entry="POST /api/orders/{order_id}/slot/",
    ),
    Bug(
        "pr-pause-integrity",
        "web-api",
        django_integrity(
            (
                py("subscriptions.views", "post", 57, "pause = pause_subscription(subscription, week=serializer.validated_data['week'])"),
                py("subscriptions.services", "pause_subscription", 112, "return SubscriptionPause.objects.create(subscription=subscription, week=week)"),
            ),
            "subscriptions_subscriptionpause_subscription_id_week_key",
            "Key (subscription_id, week)=({sub}, {week}) already exists.",
        ),
        (
            see("sentry.error", 2),
            see("sentry.issue"),
            see("splunk", 1),
            see("datadog.log", monitor="Database integrity errors on web-api", team="orders"),
        ),
        classes=(4,),
        pair="pr-slot-integrity",
        log=INTERNAL_ERROR,
        logger=DJANGO_500,
        entry="POST /api/subscriptions/{subscription_id}/pause/",
    ),
    # One function, two different exceptions: two bugs.
    Bug(
        "pr-renew-doesnotexist",
        "worker",
        (
            Exc(
                "DoesNotExist",
                "Subscription matching query does not exist.",
                (
                    *CELERY_TASK,
                    py("subscriptions.tasks", "renew_subscription", 23, "billing.renew_subscription(subscription_id)"),
                    py("subscriptions.billing", "renew_subscription", 48, 'sub = Subscription.objects.select_for_update().get(pk=subscription_id, status="active")'),
                    *DJANGO_GET,
                ),
                module="subscriptions.models",
                qual="Subscription.DoesNotExist",
            ),
        ),
        (
            see("sentry.issue"),
            see("sentry.error", 2),
            see("splunk", 2, format="celery"),
            see("splunk", 2),
        ),
        pair="pr-renew-decimal",
        log="subscription renewal failed",
        entry="subscriptions.tasks.renew_subscription",
    ),
    Bug(
        "pr-renew-decimal",
        "worker",
        (
            Exc(
                "InvalidOperation",
                "[<class 'decimal.DivisionUndefined'>]",
                (
                    *CELERY_TASK,
                    py("subscriptions.tasks", "renew_subscription", 23, "billing.renew_subscription(subscription_id)"),
                    py("subscriptions.billing", "renew_subscription", 61, "per_meal = (plan.price / plan.meals_per_week).quantize(CENT)"),
                ),
                module="decimal",
            ),
        ),
        (see("sentry.error", 2), see("splunk", 2, format="celery"), see("splunk", 2)),
        pair="pr-renew-doesnotexist",
        log="subscription renewal failed",
        entry="subscriptions.tasks.renew_subscription",
    ),
    # Two bugs whose innermost frames are the shared API helper.
    Bug(
        "pr-windows-apierror",
        "spa",
        (
            Exc(
                "ApiError",
                "Request failed: 500 Internal Server Error",
                (
                    *REACT_EFFECT,
                    js("src/features/delivery/useDeliveryWindows.ts", "loadDeliveryWindows", 18, 22, "delivery"),
                    js("src/api/http.ts", "request", 41, 11, "index"),
                    js("src/api/errors.ts", "toApiError", 12, 10, "index"),
                ),
            ),
        ),
        (
            see("sentry.error", 2, mechanism="onunhandledrejection"),
            see("posthog", browser="chrome", mechanism="onunhandledrejection"),
            see("posthog", browser="firefox", mechanism="onunhandledrejection", resolved=True),
        ),
        classes=(9,),
        pair="pr-dietary-apierror",
        page="/delivery",
    ),
    Bug(
        "pr-dietary-apierror",
        "spa",
        (
            Exc(
                "ApiError",
                "Request failed: 500 Internal Server Error",
                (
                    *REACT_CLICK,
                    js("src/features/account/DietaryForm.tsx", "saveDietaryPreferences", 64, 9, "account"),
                    js("src/api/http.ts", "request", 41, 11, "index"),
                    js("src/api/errors.ts", "toApiError", 12, 10, "index"),
                ),
            ),
        ),
        (
            see("sentry.error", 2, mechanism="onunhandledrejection"),
            see("posthog", browser="chrome", mechanism="onunhandledrejection", resolved=True),
            see("posthog", browser="safari", mechanism="onunhandledrejection"),
        ),
        classes=(9,),
        pair="pr-windows-apierror",
        page="/account/preferences",
    ),
    # One browser TypeError in three engines' words, across two releases, raw and mapped.
    Bug(
        "pr-menu-nutrition",
        "spa",
        (
            Exc(
                "TypeError",
                frames=(
                    *REACT_RENDER,
                    js("src/features/menu/MenuGrid.tsx", "MenuGrid", 88, 21, "menu"),
                    js("src/features/menu/RecipeCard.tsx", "RecipeCard", 34, 45, "menu"),
                ),
                js=JsError("read-undefined", "recipe.nutrition", "calories"),
            ),
        ),
        (
            see("posthog", browser="chrome", release=0),
            see("posthog", browser="chrome", resolved=True, release=1),
            see("posthog", browser="firefox", resolved=True, release=0),
            see("posthog", browser="safari", release=1),
            see("sentry.error", release=0),
            see("sentry.error", raw=True, release=1),
            see("sentry.issue", release=0),
        ),
        classes=(3,),
        page="/menu",
        span=2,
    ),
    Bug(
        "pr-addon-onchange",
        "spa",
        (
            Exc(
                "TypeError",
                frames=(
                    *REACT_CLICK,
                    js("src/features/box/AddonToggle.tsx", "handleToggle", 27, 7, "box"),
                ),
                js=JsError("not-function", "props", "onChange", "(n)"),
            ),
        ),
        (
            see("posthog", 2, browser="chrome"),
            see("posthog", 2, browser="safari"),
            see("posthog", browser="firefox", resolved=True),
            see("sentry.alert", rule="New issue in spa"),
        ),
        classes=(3,),
        page="/box/addons",
    ),
    # Seen by its entry point only, besides one trace.
    Bug(
        "pr-supplier-timeout",
        "worker",
        (
            Exc(
                "ReadTimeout",
                "HTTPSConnectionPool(host='api.freshsupply.example', port=443): Read timed out. (read timeout=10)",
                (
                    *CELERY_TASK,
                    py("inventory.tasks", "sync_supplier_stock", 37, "feed = supplier_client.fetch_stock(supplier.feed_url)"),
                    py("inventory.suppliers", "fetch_stock", 52, "resp = self.session.get(url, timeout=10)"),
                    pylib("requests.sessions", "get", 602, 'return self.request("GET", url, **kwargs)'),
                    pylib("requests.sessions", "request", 589, "resp = self.send(prep, **send_kwargs)"),
                    pylib("requests.sessions", "send", 703, "r = adapter.send(request, **kwargs)"),
                    pylib("requests.adapters", "send", 532, "raise ReadTimeout(e, request=request)"),
                ),
                module="requests.exceptions",
            ),
        ),
        (
            see("sentry.error"),
            see("splunk", 2, format="celery"),
            see("datadog.task", 2, team="supply"),
            see(
                "splunk",
                search="Celery task failures by task",
                stats={
                    "task_name": "inventory.tasks.sync_supplier_stock",
                    "state": "FAILURE",
                    "count": "{n}",
                },
            ),
        ),
        log="supplier stock sync failed",
        entry="inventory.tasks.sync_supplier_stock",
    ),
    # An outer caller renamed between releases; Sentry opens a new issue for it.
    Bug(
        "pr-scale-zerodivision",
        "web-api",
        (
            Exc(
                "ZeroDivisionError",
                "division by zero",
                (
                    *DJANGO_VIEW,
                    py("recipes.views", "retrieve", 73, "return Response(present_recipe(recipe, servings=request.query_params.get('servings')))"),
                    py("recipes.presenters", "present_recipe", 30, "ingredients = scaling.scale_ingredients(recipe, servings)"),
                    py("recipes.scaling", "scale_ingredients", 19, "factor = int(servings) / recipe.base_servings"),
                ),
            ),
        ),
        (
            see("posthog"),
            see("sentry.issue"),
            see("sentry.error", 3),
            see("splunk", 2),
            see("datadog.apm", team="menu"),
        ),
        log=INTERNAL_ERROR,
        logger=DJANGO_500,
        entry="GET /api/recipes/{recipe_id}/",
        span=3,
        renames={"present_recipe": "render_recipe"},
    ),
    # The same AttributeError text at two code locations.
    Bug(
        "pr-postcode-shipping",
        "web-api",
        (
            Exc(
                "AttributeError",
                "'NoneType' object has no attribute 'postcode'",
                (
                    *DJANGO_VIEW,
                    py("shop.checkout.views", "get", 112, "quote = shipping.quote_shipping(cart, request.user.default_address)"),
                    py("shop.checkout.shipping", "quote_shipping", 27, "zone = zones.for_postcode(address.postcode)"),
                ),
            ),
        ),
        (
            see("posthog"),
            see("sentry.error", 2),
            see("splunk", 2),
            see("datadog.log", 2, team="checkout"),
        ),
        classes=(4,),
        pair="pr-postcode-profile",
        log=INTERNAL_ERROR,
        logger=DJANGO_500,
        entry="GET /api/checkout/shipping-quote/",
        span=2,
    ),
    Bug(
        "pr-postcode-profile",
        "web-api",
        (
            Exc(
                "AttributeError",
                "'NoneType' object has no attribute 'postcode'",
                (
                    *DJANGO_VIEW,
                    py("accounts.views", "get", 30, "return Response(ProfileSerializer(request.user).data)"),
                    pylib("rest_framework.serializers", "data", 555, "ret = super().data"),
                    pylib("rest_framework.serializers", "to_representation", 522, "ret[field.field_name] = field.to_representation(attribute)"),
                    pylib("rest_framework.fields", "to_representation", 1870, "return method(value)"),
                    py("accounts.serializers", "get_postcode", 55, "return obj.default_address.postcode"),
                ),
            ),
        ),
        (see("sentry.error", 2), see("sentry.issue"), see("splunk", 3)),
        classes=(4,),
        pair="pr-postcode-shipping",
        log=INTERNAL_ERROR,
        logger=DJANGO_500,
        entry="GET /api/account/profile/",
    ),
    # Two bugs under one Splunk saved search.
    Bug(
        "pr-giftcard-valueerror",
        "web-api",
        (
            Exc(
                "ValueError",
                "invalid literal for int() with base 10: '{giftcode}'",
                (
                    *DJANGO_VIEW,
                    py("payments.views", "post", 38, "credit = giftcards.redeem(request.user, serializer.validated_data['code'])"),
                    py("payments.giftcards", "redeem", 71, "card_id = int(code.removeprefix('GC-'))"),
                ),
            ),
        ),
        (see("splunk", 3, search="web-api - unhandled exceptions"), see("sentry.error")),
        pair="pr-referral-typeerror",
        log=INTERNAL_ERROR,
        logger=DJANGO_500,
        entry="POST /api/payments/gift-cards/redeem/",
    ),
    Bug(
        "pr-referral-typeerror",
        "web-api",
        (
            Exc(
                "TypeError",
                "unsupported operand type(s) for +: 'NoneType' and 'decimal.Decimal'",
                (
                    *DJANGO_VIEW,
                    py("accounts.views", "post", 88, "referrals.credit_referrer(invite)"),
                    py("accounts.referrals", "credit_referrer", 29, "referrer.credit_balance = referrer.credit_balance + REFERRAL_BONUS"),
                ),
            ),
        ),
        (see("splunk", 3, search="web-api - unhandled exceptions"), see("sentry.error")),
        pair="pr-giftcard-valueerror",
        log=INTERNAL_ERROR,
        logger=DJANGO_500,
        entry="POST /api/account/invites/accept/",
    ),
    # Two bugs under one Datadog monitor.
    Bug(
        "pr-invoice-nospace",
        "worker",
        (
            Exc(
                "OSError",
                "[Errno 28] No space left on device",
                (
                    *CELERY_TASK,
                    py("billing.tasks", "render_invoice_pdf", 44, "HTML(string=html).write_pdf(target=path)"),
                    pylib("weasyprint", "write_pdf", 252, "self.render(font_config, counter, **options)"),
                    pylib("weasyprint.document", "write_pdf", 390, "with open(target, 'wb') as fd:"),
                ),
                module="builtins",
            ),
        ),
        (
            see("datadog.log", 2, monitor="Error logs on worker", team="billing"),
            see("sentry.error"),
            see("splunk", 2),
        ),
        pair="pr-invoice-recipient",
        log="invoice rendering failed",
        entry="billing.tasks.render_invoice_pdf",
    ),
    Bug(
        "pr-invoice-recipient",
        "worker",
        (
            Exc(
                "SMTPRecipientsRefused",
                "{'{email}': (550, b'5.1.1 The email account that you tried to reach does not exist.')}",
                (
                    *CELERY_TASK,
                    py("billing.tasks", "email_invoice", 71, "message.send()"),
                    pylib("django.core.mail.message", "send", 298, "return self.get_connection(fail_silently).send_messages([self])"),
                    pylib("django.core.mail.backends.smtp", "send_messages", 128, "sent = self._send(message)"),
                    pylib("django.core.mail.backends.smtp", "_send", 144, "self.connection.sendmail("),
                    pylib("smtplib", "sendmail", 901, "raise SMTPRecipientsRefused(senderrs)"),
                ),
                module="smtplib",
            ),
        ),
        (
            see("datadog.log", 2, monitor="Error logs on worker", team="billing"),
            see("sentry.error"),
            see("splunk", 2),
        ),
        pair="pr-invoice-nospace",
        log="invoice email failed",
        entry="billing.tasks.email_invoice",
    ),
    # One message, two callers, both ending in the reporting helper (a message with a stack).
    Bug(
        "pr-stock-negative-release",
        "worker",
        (
            Exc(
                "",
                "",
                (
                    *CELERY_TASK,
                    py("inventory.tasks", "release_expired_reservations", 61, "reservations.release(res)"),
                    py("inventory.reservations", "release", 93, 'report_anomaly("Stock went negative for sku %s", res.sku)'),
                    py("core.monitoring", "report_anomaly", 22, 'sentry_sdk.capture_message(message % args, level="error")'),
                ),
            ),
        ),
        (see("sentry.error", 2), see("splunk", 2, format="python-json")),
        classes=(4, 9),
        pair="pr-stock-negative-cancel",
        message_event=True,
        log="Stock went negative for sku {sku}",
        logger="core.monitoring",
        entry="inventory.tasks.release_expired_reservations",
    ),
    Bug(
        "pr-stock-negative-cancel",
        "web-api",
        (
            Exc(
                "",
                "",
                (
                    *DJANGO_VIEW,
                    py("orders.views", "post", 133, "cancellation.cancel_order(order)"),
                    py("orders.cancellation", "cancel_order", 31, "restock(order)"),
                    py("orders.cancellation", "restock", 47, 'report_anomaly("Stock went negative for sku %s", line.sku)'),
                    py("core.monitoring", "report_anomaly", 22, 'sentry_sdk.capture_message(message % args, level="error")'),
                ),
            ),
        ),
        (see("sentry.error", 2), see("splunk", 2)),
        classes=(4, 9),
        pair="pr-stock-negative-release",
        message_event=True,
        log="Stock went negative for sku {sku}",
        logger="core.monitoring",
        entry="POST /api/orders/{order_id}/cancel/",
    ),
    # A failed dynamic import: no frames, each engine words it its own way, the URL changes per release.
    Bug(
        "pr-chunk-import",
        "spa",
        (
            Exc(
                "TypeError",
                "Failed to fetch dynamically imported module: {chunkurl}",
                engines={
                    "spidermonkey": "error loading dynamically imported module: {chunkurl}",
                    "jsc": "Importing a module script failed.",
                },
            ),
        ),
        (
            see("posthog", browser="chrome", mechanism="onunhandledrejection", release=0),
            see("posthog", browser="chrome", mechanism="onunhandledrejection", release=1),
            see("posthog", browser="firefox", mechanism="onunhandledrejection", release=1),
            see("posthog", browser="safari", mechanism="onunhandledrejection", release=0),
            see("sentry.error", mechanism="onunhandledrejection", browser="chrome", release=1),
        ),
        classes=(3,),
        page="/checkout",
        span=2,
    ),
    Bug(
        "pr-summary-null",
        "spa",
        (
            Exc(
                "TypeError",
                frames=(
                    *REACT_RENDER,
                    js("src/features/checkout/CheckoutSummary.tsx", "CheckoutSummary", 52, 38, "checkout"),
                ),
                js=JsError("read-null", "cart.summary", "total"),
            ),
        ),
        (
            see("posthog", 2, browser="chrome"),
            see("posthog", browser="chrome", resolved=True),
            see("posthog", 2, browser="firefox"),
            see("posthog", browser="safari", legacy=True),
            see("sentry.alert", browser="safari", rule="Checkout errors"),
        ),
        classes=(3,),
        page="/checkout",
    ),
    Bug(
        "pr-thumbnail-unidentified",
        "worker",
        (
            Exc(
                "UnidentifiedImageError",
                "cannot identify image file <_io.BytesIO object at {addr}>",
                (
                    *CELERY_TASK,
                    py("media.tasks", "make_thumbnails", 29, "image = Image.open(io.BytesIO(blob))"),
                    pylib("PIL.Image", "open", 3339, "raise UnidentifiedImageError(msg)"),
                ),
                module="PIL",
            ),
        ),
        (
            see("sentry.issue"),
            see("sentry.error", 2),
            see("splunk", 2, format="celery"),
            see("splunk", 2),
        ),
        log="thumbnail generation failed",
        entry="media.tasks.make_thumbnails",
    ),
    Bug(
        "pr-sms-ratelimit",
        "worker",
        (
            Exc(
                "TwilioRestException",
                "HTTP 429 error: Unable to create record: Too Many Requests",
                (
                    *CELERY_TASK,
                    py("notifications.tasks", "send_delivery_sms", 18, "sms.send(order.customer.phone, render_delivery_text(order))"),
                    py("notifications.sms", "send", 40, "self.client.messages.create(to=to, from_=self.sender, body=body)"),
                    pylib("twilio.rest.api.v2010.account.message", "create", 704, "payload = self._version.create("),
                    pylib("twilio.base.version", "create", 372, 'raise self.exception(method, uri, response, "Unable to create record")'),
                ),
                module="twilio.base.exceptions",
            ),
        ),
        (see("sentry.error"), see("splunk", 2), see("datadog.log", 2, team="growth")),
        pair="pr-sms-invalid-number",
        log="delivery sms failed",
        entry="notifications.tasks.send_delivery_sms",
    ),
    # Same type, same function, another error code: another bug.
    Bug(
        "pr-sms-invalid-number",
        "worker",
        (
            Exc(
                "TwilioRestException",
                "HTTP 400 error: Unable to create record: The 'To' number +49{id}{n} is not a valid phone number.",
                (
                    *CELERY_TASK,
                    py("notifications.tasks", "send_delivery_sms", 18, "sms.send(order.customer.phone, render_delivery_text(order))"),
                    py("notifications.sms", "send", 40, "self.client.messages.create(to=to, from_=self.sender, body=body)"),
                    pylib("twilio.rest.api.v2010.account.message", "create", 704, "payload = self._version.create("),
                    pylib("twilio.base.version", "create", 372, 'raise self.exception(method, uri, response, "Unable to create record")'),
                ),
                module="twilio.base.exceptions",
            ),
        ),
        (see("sentry.error", 2), see("splunk", 2), see("datadog.log", team="growth")),
        pair="pr-sms-ratelimit",
        log="delivery sms failed",
        entry="notifications.tasks.send_delivery_sms",
    ),
    Bug(
        "pr-search-timeout",
        "web-api",
        (
            Exc(
                "ConnectionTimeout",
                "Connection timed out",
                (
                    *DJANGO_VIEW,
                    py("recipes.views", "list", 51, "hits = search.search_recipes(query, diet=diet)"),
                    py("recipes.search", "search_recipes", 33, 'resp = es.search(index="recipes", query=q, size=48)'),
                    pylib("elasticsearch._sync.client", "search", 3924, "return self.perform_request(  # type: ignore[return-value]"),
                    pylib("elastic_transport._transport", "perform_request", 344, "raise e"),
                ),
                module="elastic_transport",
            ),
        ),
        (see("sentry.error"), see("datadog.apm", 2, team="menu"), see("splunk", 2)),
        log=INTERNAL_ERROR,
        logger=DJANGO_500,
        entry="GET /api/recipes/search/",
    ),
    Bug(
        "pr-cart-quota",
        "spa",
        (
            Exc(
                "QuotaExceededError",
                "The quota has been exceeded.",
                (
                    *REACT_EFFECT,
                    js("src/features/cart/useCartPersistence.ts", "useCartPersistence", 22, 7, "index"),
                    js("src/lib/storage.ts", "setItem", 9, 20, "index"),
                ),
            ),
        ),
        (see("posthog", 2, browser="safari"), see("sentry.error", browser="safari")),
        page="/box",
    ),
    Bug(
        "pr-klarna-ssl",
        "web-api",
        (
            Exc(
                "SSLError",
                "HTTPSConnectionPool(host='api.playground.klarna.com', port=443): Max retries exceeded with url: /payments/v1/sessions (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1006)')))",
                (
                    *DJANGO_VIEW,
                    py("payments.views", "post", 102, "session = klarna.create_session(order)"),
                    py("payments.providers.klarna", "create_session", 58, 'resp = self.http.post(f"{self.base_url}/payments/v1/sessions", json=payload)'),
                    pylib("requests.sessions", "post", 637, 'return self.request("POST", url, data=data, json=json, **kwargs)'),
                    pylib("requests.adapters", "send", 517, "raise SSLError(e, request=request)"),
                ),
                module="requests.exceptions",
            ),
        ),
        (see("sentry.error"),),
        singleton=True,
        log=INTERNAL_ERROR,
        logger=DJANGO_500,
        entry="POST /api/payments/klarna/session/",
    ),
    Bug(
        "pr-resizeobserver",
        "spa",
        (Exc("Error", "ResizeObserver loop completed with undelivered notifications."),),
        (see("posthog", 2, browser="chrome"),),
        singleton=True,
        page="/menu",
    ),
    Bug(
        "pr-menu-cache-redis",
        "worker",
        (
            Exc(
                "ConnectionError",
                "Error 111 connecting to redis-master.cache.svc.cluster.local:6379. Connection refused.",
                (
                    *CELERY_TASK,
                    py("menus.tasks", "warm_menu_cache", 14, "cache.set_many(build_menu_payloads(week), timeout=3600)"),
                    pylib("django.core.cache.backends.redis", "set_many", 213, "self._cache.set_many(data, self.get_backend_timeout(timeout))"),
                    pylib("redis.connection", "connect", 299, "raise ConnectionError(self._error_message(e))"),
                ),
                module="redis.exceptions",
            ),
        ),
        (see("sentry.error"), see("splunk", 3), see("datadog.log", 2, team="menu")),
        log="menu cache warm-up failed",
        entry="menus.tasks.warm_menu_cache",
    ),
    Bug(
        "pr-stripe-signature",
        "web-api",
        (
            Exc(
                "SignatureVerificationError",
                "No signatures found matching the expected signature for payload",
                (
                    *DJANGO_VIEW[:3],
                    py("payments.webhooks", "stripe_webhook", 27, "event = stripe.Webhook.construct_event(request.body, sig_header, settings.STRIPE_WEBHOOK_SECRET)"),
                    pylib("stripe._webhook", "construct_event", 22, "WebhookSignature.verify_header(payload, sig_header, secret, tolerance)"),
                    pylib("stripe._webhook", "verify_header", 79, "raise error.SignatureVerificationError("),
                ),
                module="stripe._error",
            ),
        ),
        (
            see("sentry.issue"),
            see("sentry.error"),
            see("splunk", 3),
            see("datadog.log", 2, team="payments"),
        ),
        log=INTERNAL_ERROR,
        logger=DJANGO_500,
        entry="POST /webhooks/stripe/",
        span=2,
    ),
    Bug(
        "pr-dst-nonexistent",
        "web-api",
        (
            Exc(
                "NonExistentTimeError",
                "2026-03-29 02:30:00",
                (
                    *DJANGO_VIEW,
                    py("orders.views", "get", 77, "windows = list(scheduling.delivery_windows(zone, week))"),
                    py("orders.scheduling", "delivery_windows", 41, "yield localize_window(day, window, tz)"),
                    py("orders.scheduling", "localize_window", 58, "return tz.localize(datetime.combine(day, window.start), is_dst=None)"),
                    pylib("pytz.tzinfo", "localize", 341, "raise NonExistentTimeError(dt)"),
                ),
                module="pytz.exceptions",
            ),
        ),
        (see("posthog"), see("sentry.error"), see("datadog.apm", team="orders"), see("splunk", 2)),
        log=INTERNAL_ERROR,
        logger=DJANGO_500,
        entry="GET /api/delivery-windows/",
    ),
    # The same V8 message at two places; SpiderMonkey names the entity that differs.
    Bug(
        "pr-recipelist-map",
        "spa",
        (
            Exc(
                "TypeError",
                frames=(
                    *REACT_RENDER,
                    js("src/features/menu/RecipeList.tsx", "RecipeList", 40, 22, "menu"),
                ),
                js=JsError("read-undefined", "data.recipes", "map"),
            ),
        ),
        (
            see("posthog", browser="edge"),
            see("posthog", 2, browser="chrome"),
            see("posthog", 2, browser="firefox"),
            see("sentry.error"),
        ),
        classes=(3, 4),
        pair="pr-orderhistory-map",
        page="/menu/all",
    ),
    Bug(
        "pr-orderhistory-map",
        "spa",
        (
            Exc(
                "TypeError",
                frames=(
                    *REACT_RENDER,
                    js("src/features/account/OrderHistory.tsx", "OrderHistory", 61, 30, "account"),
                ),
                js=JsError("read-undefined", "data.orders", "map"),
            ),
        ),
        (
            see("posthog", 2, browser="chrome"),
            see("posthog", browser="chrome", resolved=True),
            see("posthog", 2, browser="firefox"),
            see("sentry.error"),
        ),
        classes=(3, 4),
        pair="pr-recipelist-map",
        page="/account/orders",
    ),
    # One handler, two different errors.
    Bug(
        "pr-slot-select-undefined",
        "spa",
        (
            Exc(
                "TypeError",
                frames=(
                    *REACT_CLICK,
                    js("src/features/delivery/DeliveryPicker.tsx", "handleSelect", 97, 31, "delivery"),
                ),
                js=JsError("read-undefined", "slot.window", "id"),
            ),
        ),
        (
            see("posthog", browser="edge"),
            see("posthog", 2, browser="chrome"),
            see("posthog", 2, browser="firefox"),
            see("posthog", browser="safari"),
            see("sentry.error"),
        ),
        classes=(3,),
        pair="pr-slot-select-date",
        page="/delivery",
    ),
    Bug(
        "pr-slot-select-date",
        "spa",
        (
            Exc(
                "RangeError",
                "Invalid time value",
                (
                    *REACT_CLICK,
                    js("src/features/delivery/DeliveryPicker.tsx", "handleSelect", 103, 48, "delivery"),
                ),
                engines={"spidermonkey": "invalid date", "jsc": "Invalid Date"},
            ),
        ),
        (
            see("posthog", 2, browser="chrome"),
            see("posthog", 2, browser="firefox"),
            see("posthog", browser="safari", resolved=True),
            see("sentry.error", browser="firefox"),
        ),
        classes=(3,),
        pair="pr-slot-select-undefined",
        page="/delivery",
    ),
    # The model named in the message is the bug.
    Bug(
        "pr-recipe-missing",
        "web-api",
        (
            Exc(
                "DoesNotExist",
                "Recipe matching query does not exist.",
                (
                    *DJANGO_VIEW,
                    py("recipes.views", "retrieve_by_slug", 66, "recipe = Recipe.objects.get(slug=slug, published=True)"),
                    *DJANGO_GET,
                ),
                module="recipes.models",
                qual="Recipe.DoesNotExist",
            ),
        ),
        (see("sentry.issue"), see("sentry.error", 2), see("splunk", 2)),
        classes=(4,),
        pair="pr-ingredient-missing",
        log=INTERNAL_ERROR,
        logger=DJANGO_500,
        entry="GET /api/recipes/by-slug/{slug}/",
    ),
    Bug(
        "pr-ingredient-missing",
        "web-api",
        (
            Exc(
                "DoesNotExist",
                "Ingredient matching query does not exist.",
                (
                    *DJANGO_VIEW,
                    py("recipes.views", "shopping_list", 120, "items = shopping_list.build_list(request.user, week)"),
                    py("recipes.shopping_list", "build_list", 38, "ingredient = Ingredient.objects.get(pk=line.ingredient_id)"),
                    *DJANGO_GET,
                ),
                module="recipes.models",
                qual="Ingredient.DoesNotExist",
            ),
        ),
        (see("sentry.error", 2), see("splunk", 2)),
        classes=(4,),
        pair="pr-recipe-missing",
        log=INTERNAL_ERROR,
        logger=DJANGO_500,
        entry="GET /api/shopping-list/",
    ),
    # A task that times out: the monitor names the task, Sentry and the worker log have the trace.
    Bug(
        "pr-report-softlimit",
        "worker",
        (
            Exc(
                "SoftTimeLimitExceeded",
                "SoftTimeLimitExceeded()",
                (
                    *CELERY_TASK,
                    py("reports.tasks", "build_weekly_report", 45, "rows = list(report.iter_rows(week))"),
                    py("reports.weekly", "iter_rows", 88, "for order in orders.iterator(chunk_size=2000):"),
                    pylib("django.db.models.query", "_iterator", 516, "yield from iterable"),
                    pylib("celery.app.trace", "on_timeout", 402, "raise SoftTimeLimitExceeded(soft and 'SoftTimeLimitExceeded()')"),
                ),
                module="billiard.exceptions",
            ),
        ),
        (
            see("sentry.error"),
            see("datadog.task", 2, team="data"),
            see("splunk", 2, format="celery"),
        ),
        log="weekly report failed",
        entry="reports.tasks.build_weekly_report",
    ),
    Bug(
        "pr-places-latlng",
        "spa",
        (
            Exc(
                "InvalidValueError",
                "in property origin: not a LatLng or LatLngLiteral: in property lat: not a number",
                (
                    *REACT_EFFECT,
                    js("src/features/delivery/AddressAutocomplete.tsx", "useDistanceToDepot", 58, 12, "delivery"),
                    js("node_modules/@googlemaps/js-api-loader/dist/index.mjs", "Object.getDistanceMatrix", 1, 7120, "vendor", lib=True),
                ),
            ),
        ),
        (
            see("posthog", 2, browser="chrome"),
            see("posthog", browser="safari"),
            see("posthog", browser="firefox", resolved=True),
            see("sentry.error"),
        ),
        page="/account/addresses",
    ),
    # A log template whose variable parts change length.
    Bug(
        "pr-slow-upload",
        "worker",
        (),
        (
            see("splunk", 3, search="worker - slow uploads", line='{"event": "slow media upload", "bytes": "{size}", "key": "recipes/{id}/hero.jpg", "elapsed": "{dur}", "logger": "media.storage", "level": "warning", "timestamp": "{ts}"}'),
            see("datadog.log", monitor="Slow media uploads", team="menu", text="Uploads to S3 are slow. Sample: slow media upload bytes={size} key=recipes/{id}/hero.jpg elapsed={dur}"),
        ),
        classes=(7,),
    ),
]

NOISE = [
    Noise(
        "pr-noise-deploy",
        "web-api",
        "datadog.event",
        {
            "monitor": "Deployed web-api 2026.03.2 to production",
            "text": "Deployment finished by argo-rollouts (revision 2026.03.2, 6/6 pods healthy).",
            "transition": "Triggered",
            "priority": "P5",
            "event_type": "event_alert",
            "alert_type": "info",
        },
    ),
    Noise(
        "pr-noise-heartbeat",
        "worker",
        "splunk",
        {
            "search": "worker heartbeat",
            "line": '{"event": "heartbeat", "worker": "celery@{hex}", "queue": "default", "lag_ms": {n}, "logger": "core.heartbeat", "level": "info", "timestamp": "{ts}"}',
        },
    ),
    Noise(
        "pr-noise-replica-lag",
        "web-api",
        "datadog.metric",
        {
            "monitor": "Replica lag on db-replica-2",
            "scope": "host:db-replica-2",
            "text": "Replication lag on db-replica-2 is above 30s.",
            "metric": "postgresql.replication_delay",
            "query": "avg(last_5m):avg:postgresql.replication_delay{host:db-replica-2} > 30",
            "priority": "P3",
        },
    ),
    Noise(
        "pr-noise-export",
        "worker",
        "splunk",
        {
            "search": "worker - errors",
            "line": '{"event": "nightly menu export finished", "recipes": 312, "errors": 0, "logger": "menus.export", "level": "info", "timestamp": "{ts}"}',
        },
    ),
]

PENNYROYAL = Company(
    key="a",
    name="Pennyroyal",
    domain="pennyroyal.example",
    sentry_org="pennyroyal",
    splunk_url="https://splunk.pennyroyal.example:8000",
    splunk_guid="5B0F3C7E-9A2D-4E61-8C1B-2F7D9E4A6B30",
    datadog_org=("412208", "Pennyroyal"),
    datadog_template="recommended",
    posthog_project=(48213, "Pennyroyal SPA"),
    releases=("2026.03.1", "2026.03.2", "2026.03.3", "2026.03.4"),
    services=SERVICES,
    bugs=BUGS,
    noise=NOISE,
    sentry_secret="pennyroyal-sentry-client-secret",
)
# fmt: on
