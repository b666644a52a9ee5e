"""The design's five Splunk test cases, through the real app (``soulcaster_client``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from soulcaster_core.testing import SoulcasterClient


def test_splunk_webhook_creates_feedback_item(
    soulcaster_client: SoulcasterClient, load_alert: Callable[[str], Any]
) -> None:
    """Alert payload creates FeedbackItem with log data."""
    alert = load_alert("checkout_java_exception")

    response = soulcaster_client.post_webhook("splunk", alert)

    assert response.status_code == 201, response.text
    assert response.json()["status"] == "created"
    [item] = soulcaster_client.items(source="splunk")
    assert item["id"] == response.json()["id"]
    assert item["external_id"].startswith(alert["sid"] + ":")
    assert item["metadata"]["host"] == "checkout-7d9b8c5f4-qm2xr"
    assert item["metadata"]["sourcetype"] == "log4j"
    assert item["metadata"]["source"] == "/opt/checkout/logs/checkout.log"
    # _time is "1710423597.114": the event's time, not the time it reached us.
    created = datetime.fromisoformat(item["created_at"].replace("Z", "+00:00"))
    assert created == datetime(2024, 3, 14, 13, 39, 57, 114000, tzinfo=UTC)


def test_splunk_search_name_in_title(
    soulcaster_client: SoulcasterClient, load_alert: Callable[[str], Any]
) -> None:
    """Search name is prefixed to title."""
    alert = load_alert("syslog_oom")
    alert["search_name"] = "Kernel OOM killer on k8s workers"

    response = soulcaster_client.post_webhook("splunk", alert)

    assert response.status_code == 201, response.text
    [item] = soulcaster_client.items(source="splunk")
    assert item["title"] == "[Splunk] Kernel OOM killer on k8s workers"
    assert item["metadata"]["search_name"] == "Kernel OOM killer on k8s workers"


def test_splunk_raw_log_preserved(
    soulcaster_client: SoulcasterClient, load_alert: Callable[[str], Any]
) -> None:
    """Raw log line is preserved in body."""
    alert = load_alert("checkout_java_exception")
    raw = alert["result"]["_raw"]

    response = soulcaster_client.post_webhook("splunk", alert)

    assert response.status_code == 201, response.text
    item = soulcaster_client.item(response.json()["id"])
    # The raw event first, untouched; then the search that found it.
    assert (
        item["body"] == raw + "\n\nSplunk search: Checkout - NullPointerException in OrderService"
    )
    # The stack trace keeps its lines and tab-indented frames, cause included.
    lines = item["body"].split("\n")
    assert lines[2] == "\tat com.acme.checkout.service.TaxService.rateFor(TaxService.java:88)"
    assert "Caused by: java.lang.IllegalStateException: shipping address not loaded" in lines
    assert raw in item["raw_text"]


def test_splunk_results_link_in_metadata(
    soulcaster_client: SoulcasterClient, load_alert: Callable[[str], Any]
) -> None:
    """Splunk results link is preserved for drill-down."""
    alert = load_alert("null_search_name")

    response = soulcaster_client.post_webhook("splunk", alert)

    assert response.status_code == 201, response.text
    item = soulcaster_client.item(response.json()["id"])
    assert item["metadata"]["results_link"] == alert["results_link"]
    assert item["metadata"]["sid"] == "1709652211.9134"
    assert item["metadata"]["app"] == "search"
    assert item["metadata"]["owner"] == "dba"


def test_splunk_search_filter(
    soulcaster_client: SoulcasterClient, load_alert: Callable[[str], Any]
) -> None:
    """Only configured saved searches are ingested."""
    soulcaster_client.configure("splunk", searches=["Kernel OOM killer"])
    wanted = load_alert("syslog_oom")
    other = load_alert("checkout_java_exception")

    ignored = soulcaster_client.post_webhook("splunk", other, as_owner=True)
    kept = soulcaster_client.post_webhook("splunk", wanted)

    assert ignored.status_code == 200, ignored.text
    assert ignored.json()["status"] == "ignored"
    assert "Checkout - NullPointerException in OrderService" in ignored.json()["reason"]
    assert kept.status_code == 201, kept.text
    titles = [item["title"] for item in soulcaster_client.items(source="splunk")]
    assert titles == ["[Splunk] Kernel OOM killer"]
