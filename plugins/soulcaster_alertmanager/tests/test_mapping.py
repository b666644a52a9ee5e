"""One item per alert, keyed by its fingerprint, from the senders' documented payloads."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from soulcaster_alertmanager import AlertmanagerHandler

from soulcaster_core import BadPayload, FeedbackItem
from soulcaster_core.testing import webhook_request

Payload = Callable[[str], dict[str, Any]]


def items_of(body: dict[str, Any]) -> list[FeedbackItem]:
    handler = AlertmanagerHandler()
    event = handler.parse_request(webhook_request(body))
    return list(handler.to_feedback_items(event, "shop"))


def test_alertmanager_alerts_map_to_an_item_each(payload: Payload) -> None:
    checkout, payments = items_of(payload("alertmanager_firing"))
    assert (checkout.external_id, payments.external_id) == ("b3f2a1c4d5e6f708", "0c9d8e7f6a5b4c3d")
    assert checkout.title == "HighErrorRate: checkout 5xx rate above 5% for 10 minutes"
    assert (checkout.service, checkout.environment, checkout.level) == (
        "checkout",
        "production",
        "critical",
    )
    assert "7.3% of checkout-7d9f8:8080" in checkout.body
    assert checkout.metadata["status"] == "firing"
    assert checkout.metadata["sender"] == "alertmanager"
    assert checkout.metadata["receiver"] == "soulcaster"
    assert "ends_at" not in checkout.metadata  # 0001-01-01: no end yet
    assert checkout.links == {
        "source": "https://prometheus.example.com/graph?g0.expr=job%3Acheckout_5xx%3Aratio+%3E+0.05",
        "alertmanager": "https://alertmanager.example.com",
        "runbook": "https://runbooks.example.com/high-error-rate",
    }
    assert checkout.tags["instance"] == "checkout-7d9f8:8080"
    assert checkout.first_seen is not None and checkout.first_seen.isoformat().startswith(
        "2024-05-01T11:50:03"
    )


def test_a_resolved_alert_is_a_status_change(payload: Payload) -> None:
    handler = AlertmanagerHandler()
    event = handler.parse_request(webhook_request(payload("alertmanager_resolved")))
    [item] = handler.to_feedback_items(event, "shop")
    assert item.external_id == "b3f2a1c4d5e6f708"
    assert item.metadata["status"] == "resolved"
    assert item.metadata["ends_at"].startswith("2024-05-01T12:31:48")
    assert not handler.item_counts_as_occurrence(event, item)


def test_grafana_alerts_keep_grafana_fields(payload: Payload) -> None:
    memory, cpu = items_of(payload("grafana_firing"))
    assert memory.external_id == "c6eadffa33fcdf37"
    assert memory.title == "High memory usage: This alert was triggered for zone us-1"
    assert memory.metadata["sender"] == "grafana"
    assert memory.metadata["values"] == {"B": 44.23943737541908, "C": 1}
    assert set(memory.links) == {"source", "silence", "alertmanager", "runbook"}  # "" dropped
    assert memory.level is None and memory.service is None
    assert cpu.tags == {"alertname": "High CPU usage", "team": "blue", "zone": "eu-1"}


def test_without_a_fingerprint_the_labels_key_the_item(payload: Payload) -> None:
    body = payload("alertmanager_firing")
    for alert in body["alerts"]:
        del alert["fingerprint"]
    first = [item.external_id for item in items_of(body)]
    again = [item.external_id for item in items_of(body)]
    assert first == again and len(set(first)) == 2
    assert all(key.startswith("labels:") for key in first)


@pytest.mark.parametrize(
    ("body", "where"),
    [
        ({"status": "firing"}, "alerts: expected a list"),
        ({"alerts": {"0": {}}}, "alerts: expected a list"),
        ({"alerts": [{"labels": {}}, "firing"]}, r"alerts\[1\]: expected an object"),
    ],
)
def test_unreadable_groups_name_the_field(body: dict[str, Any], where: str) -> None:
    with pytest.raises(BadPayload, match=where):
        AlertmanagerHandler().parse_request(webhook_request(body))
