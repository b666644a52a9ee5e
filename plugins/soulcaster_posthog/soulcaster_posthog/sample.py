"""What "send test webhook" posts: an HTTP Webhook destination body for a browser exception."""

from __future__ import annotations

from typing import Any

_PROJECT_URL = "https://us.posthog.com/project/48213"
_EVENT_UUID = "0192a6c4-7f3e-7b21-9d4e-5c1f8a2b3e67"
_TIMESTAMP = "2024-10-14T09:21:37.412Z"

SAMPLE_EVENT: dict[str, Any] = {
    "event": {
        "uuid": _EVENT_UUID,
        "event": "$exception",
        "distinct_id": "0192a1f0-33c2-7d8e-b1a4-9e2f6c7d5a10",
        "timestamp": _TIMESTAMP,
        "url": f"{_PROJECT_URL}/events/{_EVENT_UUID}/{_TIMESTAMP}",
        "elements_chain": "",
        "properties": {
            "$exception_list": [
                {
                    "type": "TypeError",
                    "value": "Cannot read properties of undefined (reading 'lineItems')",
                    "mechanism": {"type": "onunhandledrejection", "handled": False},
                    "stacktrace": {
                        "type": "raw",
                        "frames": [
                            {
                                "platform": "web:javascript",
                                "filename": "https://shop.example.com/assets/vendor-3f9c1a.js",
                                "function": "Generator.next",
                                "lineno": 2,
                                "colno": 18411,
                                "in_app": False,
                            },
                            {
                                "platform": "web:javascript",
                                "filename": "https://shop.example.com/assets/checkout-8b2e4d.js",
                                "function": "submitOrder",
                                "lineno": 1,
                                "colno": 50233,
                                "in_app": True,
                                "chunk_id": "c2f0d0a4-1b7e-4a53-9a51-3c7b2e8d9f10",
                            },
                            {
                                "platform": "web:javascript",
                                "filename": "https://shop.example.com/assets/checkout-8b2e4d.js",
                                "function": "calculateTotals",
                                "lineno": 1,
                                "colno": 48876,
                                "in_app": True,
                                "chunk_id": "c2f0d0a4-1b7e-4a53-9a51-3c7b2e8d9f10",
                            },
                        ],
                    },
                }
            ],
            "$exception_level": "error",
            "$exception_fingerprint": "5b0c3f7e9a1d2c4b",
            "$session_id": "0192a6c1-0d5a-7c3e-8f21-6b9d4e2a1c77",
            "$window_id": "0192a6c1-0d5b-7a90-b3e4-1f2c3d4e5f60",
            "$current_url": "https://shop.example.com/checkout/payment",
            "$host": "shop.example.com",
            "$pathname": "/checkout/payment",
            "$browser": "Chrome",
            "$browser_version": 129,
            "$os": "Mac OS X",
            "$os_version": "14.6.1",
            "$device_type": "Desktop",
            "$lib": "web",
            "$lib_version": "1.170.1",
            "$geoip_country_code": "DE",
        },
    },
    "person": {
        "id": "0192a1f0-3401-0000-8c2d-1a4b6e9f3c21",
        "name": "0192a1f0-33c2-7d8e-b1a4-9e2f6c7d5a10",
        "url": f"{_PROJECT_URL}/person/0192a1f0-33c2-7d8e-b1a4-9e2f6c7d5a10",
        "properties": {"$initial_browser": "Chrome", "plan": "team"},
    },
    "project": {"id": 48213, "name": "Shop (production)", "url": _PROJECT_URL},
    "source": {"name": "Soulcaster", "url": f"{_PROJECT_URL}/pipeline/destinations/hog-0192"},
}
