"""What "send test webhook" posts: a checkout error-rate alert, in the recommended template."""

from __future__ import annotations

from typing import Any

SAMPLE_ALERT: dict[str, Any] = {
    "id": "7050278235293370890",
    "title": "[P2] [Triggered on {service:checkout-api,env:prod}] Checkout API error rate above 5%",
    "body": (
        "%%%\n"
        "Error rate for **checkout-api** is 7.42% (threshold 5%) over the last 5 minutes.\n\n"
        "Top error: `psycopg.errors.QueryCanceled: canceling statement due to statement timeout`"
        " in `orders/repository.py:218 reserve_inventory`.\n\n"
        "@webhook-soulcaster @slack-payments-oncall\n"
        "%%%"
    ),
    "event_type": "query_alert_monitor",
    "date": "1709647500000",
    "last_updated": "1709647500000",
    "org": {"id": "412870", "name": "Acme Shop"},
    "alert_id": "148201337",
    "alert_cycle_key": "7050271954402318226",
    "aggreg_key": "b61c2bc83a6d0f0b5c4e6e8f1d2a3b4c",
    "alert_scope": "service:checkout-api,env:prod",
    "alert_transition": "Triggered",
    "alert_type": "error",
    "alert_priority": "P2",
    "alert_title": "Checkout API error rate above 5%",
    "alert_status": "error rate over env:prod,service:checkout-api was > 0.05 on average "
    "during the last 5m.",
    "alert_metric": "trace.http.request.errors",
    "alert_query": "sum(last_5m):sum:trace.http.request.errors{env:prod} by {service}.as_count() "
    "/ sum:trace.http.request.hits{env:prod} by {service}.as_count() > 0.05",
    "tags": "env:prod,service:checkout-api,team:payments,monitor",
    "hostname": "",
    "link": "https://app.datadoghq.com/event/event?id=7050278235293370890",
    "snapshot": "https://p.datadoghq.com/snapshot/view/dd-snapshots-prod/org_412870/2024-03-05/"
    "4f1c9e2a7b.png",
}
