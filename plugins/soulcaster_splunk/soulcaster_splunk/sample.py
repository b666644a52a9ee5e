"""What "send test webhook" posts: a realistic body from Splunk's webhook alert action."""

from __future__ import annotations

from typing import Any

_SID = "scheduler__svc_alerts__payments__RMD5b41c0a7e5f3d9c21_at_1709647380_4187"

SAMPLE_ALERT: dict[str, Any] = {
    "sid": _SID,
    "search_name": "Payments API - unhandled exceptions",
    "app": "payments",
    "owner": "svc_alerts",
    "results_link": f"https://splunk.example.com:8000/app/payments/@go?sid={_SID}",
    "result": {
        "_raw": (
            "2024-03-05 14:03:11.482 ERROR [http-nio-8080-exec-7] "
            "c.e.payments.api.ChargeController - Charge failed for order 88213\n"
            "java.lang.IllegalStateException: "
            "Idempotency key already used with a different amount\n"
            "\tat com.example.payments.service.ChargeService.reserve(ChargeService.java:142)\n"
            "\tat com.example.payments.service.ChargeService.charge(ChargeService.java:97)\n"
            "\tat com.example.payments.api.ChargeController.create(ChargeController.java:58)\n"
            "\tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke"
            "(DirectMethodHandleAccessor.java:103)\n"
            "\t... 48 common frames omitted"
        ),
        "_time": "1709647391.482",
        "_indextime": "1709647393",
        "_serial": "0",
        "_si": ["idx-02.example.com", "app_java"],
        "_sourcetype": "log4j",
        "host": "payments-api-7c9f6d-x2lqp",
        "source": "/var/log/payments/app.log",
        "sourcetype": "log4j",
        "index": "app_java",
        "splunk_server": "idx-02.example.com",
        "linecount": "7",
        "log_level": "ERROR",
        "thread": "http-nio-8080-exec-7",
        "logger": "c.e.payments.api.ChargeController",
    },
}
