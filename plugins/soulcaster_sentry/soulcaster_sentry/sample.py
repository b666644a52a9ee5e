"""What "send test webhook" posts: an ``error.created`` delivery as Sentry builds it."""

from __future__ import annotations

from typing import Any

_ISSUE = "5921847301"
_EVENT = "9fac2ceed9344f2bbfdd1fdacb0ed9b1"
_SITE = "/srv/venv/lib/python3.12/site-packages"

# Oldest first, as Sentry sends them: Django's request handling, then the app's own code.
_FRAMES: list[dict[str, Any]] = [
    {
        "filename": "django/core/handlers/exception.py",
        "abs_path": f"{_SITE}/django/core/handlers/exception.py",
        "module": "django.core.handlers.exception",
        "function": "inner",
        "lineno": 55,
        "in_app": False,
        "context_line": "                response = get_response(request)",
    },
    {
        "filename": "django/core/handlers/base.py",
        "abs_path": f"{_SITE}/django/core/handlers/base.py",
        "module": "django.core.handlers.base",
        "function": "_get_response",
        "lineno": 197,
        "in_app": False,
        "context_line": "response = wrapped_callback(request, *callback_args, **callback_kwargs)",
    },
    {
        "filename": "checkout/views.py",
        "abs_path": "/srv/app/checkout/views.py",
        "module": "checkout.views",
        "function": "checkout",
        "lineno": 88,
        "in_app": True,
        "context_line": "    total = price_cart(cart, currency=request.user.currency)",
        "pre_context": ["    cart = Cart.for_user(request.user)"],
        "post_context": ["    return JsonResponse({'total': str(total)})"],
        "vars": {"cart": "<Cart id=48213 lines=3>"},
    },
    {
        "filename": "checkout/pricing.py",
        "abs_path": "/srv/app/checkout/pricing.py",
        "module": "checkout.pricing",
        "function": "price_cart",
        "lineno": 41,
        "in_app": True,
        "context_line": "        unit = catalog.prices[line.sku]",
        "vars": {"line": "<CartLine sku='sku-84213' qty=2>"},
    },
]

SAMPLE_ERROR: dict[str, Any] = {
    "action": "created",
    "installation": {"uuid": "7a485448-a9e2-4c85-8a3c-4f44175783c9"},
    "data": {
        "error": {
            "event_id": _EVENT,
            "issue_id": _ISSUE,
            "project": 1934422,
            "release": "checkout@2.14.0",
            "dist": None,
            "platform": "python",
            "message": "",
            "datetime": "2024-11-05T14:32:07.118000+00:00",
            "timestamp": 1730817127.118,
            "received": 1730817127.342,
            "environment": "production",
            "level": "error",
            "culprit": "checkout.pricing in price_cart",
            "logger": "",
            "location": "checkout/pricing.py",
            "transaction": "/api/cart/checkout/",
            "title": "KeyError: 'sku-84213'",
            "type": "error",
            "version": "7",
            "tags": [
                ["browser", "Chrome 130.0.0"],
                ["environment", "production"],
                ["handled", "no"],
                ["level", "error"],
                ["mechanism", "django"],
                ["release", "checkout@2.14.0"],
                ["runtime", "CPython 3.12.7"],
                ["server_name", "web-checkout-7d9f8c6b5-x2k4p"],
                ["transaction", "/api/cart/checkout/"],
                ["url", "https://shop.acme-retail.example/api/cart/checkout/"],
            ],
            "exception": {
                "values": [
                    {
                        "type": "KeyError",
                        "value": "'sku-84213'",
                        "module": None,
                        "mechanism": {"type": "django", "handled": False},
                        "stacktrace": {"frames": _FRAMES},
                    }
                ]
            },
            "contexts": {"runtime": {"name": "CPython", "version": "3.12.7", "type": "runtime"}},
            "sdk": {"name": "sentry.python.django", "version": "2.18.0"},
            "user": {"id": "48213", "ip_address": "203.0.113.24"},
            "fingerprint": ["{{ default }}"],
            "url": f"https://sentry.io/api/0/projects/acme-retail/checkout/events/{_EVENT}/",
            "web_url": f"https://acme-retail.sentry.io/issues/{_ISSUE}/events/{_EVENT}/",
            "issue_url": f"https://sentry.io/api/0/organizations/acme-retail/issues/{_ISSUE}/",
        }
    },
    "actor": {"type": "application", "id": "sentry", "name": "Sentry"},
}
