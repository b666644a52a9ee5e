"""The design's five Datadog cases, end to end through the real app."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from soulcaster_core.testing import SoulcasterClient


def _ms(year: int, month: int, day: int, hour: int, minute: int, second: int = 0) -> str:
    """Epoch milliseconds as a string, as Datadog's $DATE arrives."""
    at = datetime(year, month, day, hour, minute, second, tzinfo=UTC)
    return str(int(at.timestamp() * 1000))


def _latency_alert(event_id: str, date_ms: str, transition: str = "Triggered") -> dict[str, Any]:
    """A custom template without $ALERT_CYCLE_KEY: dedup falls back to monitor + scope + hour."""
    return {
        "id": event_id,
        "title": f"[{transition} on {{env:prod,service:search-api}}] p99 latency above 1.5s",
        "body": "%%%\np99 latency of **search-api** is 2.31s over the last 10m.\n%%%",
        "date": date_ms,
        "alert_id": "77310452",
        "alert_scope": "service:search-api, env:prod",
        "alert_transition": transition,
        "alert_type": "error",
        "tags": "env:prod,service:search-api,team:discovery",
    }


def test_datadog_webhook_creates_feedback_item(
    soulcaster_client: SoulcasterClient, payload: Callable[[str], dict[str, Any]]
) -> None:
    """Webhook payload creates a new FeedbackItem with correct mapping."""
    response = soulcaster_client.post_webhook("datadog", payload("log_alert_trigger"))

    assert response.status_code == 201, response.text
    assert response.json()["status"] == "created"
    [item] = soulcaster_client.items("datadog")
    assert item["id"] == response.json()["id"]
    assert item["title"] == (
        "[P1] [Triggered on {service:payments-worker}] Payment capture failures in payments-worker"
    )
    assert "%%%" not in item["body"]
    assert "GatewayTimeout: capture pi_3OqK2vLkdIwHu7ix0Z1yQ2aB timed out" in item["body"]
    # One alert: the monitor's cycle for the group that fired.
    assert item["external_id"] == "cycle:7050401126773318001:service:payments-worker"
    # $DATE is epoch milliseconds: 1709662020000 is 2024-03-05 18:07:00 UTC.
    assert datetime.fromisoformat(item["created_at"]) == datetime(2024, 3, 5, 18, 7, tzinfo=UTC)
    metadata = item["metadata"]
    assert metadata["alert_id"] == "90377415"
    assert metadata["event_id"] == "7050401126773318142"
    assert metadata["alert_priority"] == "P1"
    assert metadata["alert_type"] == "error"
    assert metadata["org_id"] == "412870"
    assert metadata["status"] == "triggered"
    # Empty template values ($HOSTNAME, $SNAPSHOT) are absent, not empty strings.
    assert "hostname" not in metadata
    assert "snapshot_url" not in metadata


def test_datadog_webhook_deduplicates_by_hour(soulcaster_client: SoulcasterClient) -> None:
    """Same alert within an hour creates only one FeedbackItem."""
    first = soulcaster_client.post_webhook(
        "datadog", _latency_alert("7050100000000000001", _ms(2024, 3, 5, 10, 5))
    )
    renotified = soulcaster_client.post_webhook(
        "datadog",
        _latency_alert("7050100000000000002", _ms(2024, 3, 5, 10, 52, 30), "Re-Triggered"),
    )
    next_hour = soulcaster_client.post_webhook(
        "datadog", _latency_alert("7050100000000000003", _ms(2024, 3, 5, 11, 4))
    )

    assert first.status_code == 201, first.text
    # A new notification (new $ID) of the same monitor and scope is the same alert.
    assert renotified.status_code == 200, renotified.text
    assert renotified.json() == {"status": "duplicate", "id": first.json()["id"]}
    assert next_hour.status_code == 201, next_hour.text
    assert next_hour.json()["id"] != first.json()["id"]
    by_id = {item["id"]: item for item in soulcaster_client.items("datadog")}
    assert len(by_id) == 2
    assert by_id[first.json()["id"]]["occurrences"] == 2
    assert by_id[next_hour.json()["id"]]["occurrences"] == 1


def test_datadog_webhook_rejects_invalid_signature(
    soulcaster_client: SoulcasterClient, payload: Callable[[str], dict[str, Any]]
) -> None:
    """Invalid signature returns 401."""
    soulcaster_client.configure("datadog", webhook_secret="dd-4f9a1c07e2b8")
    alert = payload("log_alert_trigger")

    missing = soulcaster_client.post_webhook("datadog", alert)
    wrong_header = soulcaster_client.post_webhook(
        "datadog", alert, headers={"X-Soulcaster-Token": "dd-4f9a1c07e2b9"}
    )
    wrong_query = soulcaster_client.post_webhook("datadog", alert, query={"token": "guess"})
    wrong_bearer = soulcaster_client.post_webhook(
        "datadog", alert, headers={"Authorization": "Bearer dd-4f9a1c07e2b"}
    )

    for response in (missing, wrong_header, wrong_query, wrong_bearer):
        assert response.status_code == 401, response.text
        assert "dd-4f9a1c07e2b8" not in response.text
    assert soulcaster_client.items("datadog") == []
    accepted = soulcaster_client.post_webhook(
        "datadog", alert, headers={"X-Soulcaster-Token": "dd-4f9a1c07e2b8"}
    )
    assert accepted.status_code == 201, accepted.text


def test_datadog_tags_stored_in_metadata(
    soulcaster_client: SoulcasterClient, payload: Callable[[str], dict[str, Any]]
) -> None:
    """Tags from alert are preserved in metadata."""
    comma_separated = payload("log_alert_trigger")  # "$TAGS": one comma-separated string
    as_list = payload("custom_nested_warn")

    first = soulcaster_client.post_webhook("datadog", comma_separated)
    second = soulcaster_client.post_webhook("datadog", as_list)

    assert first.status_code == 201, first.text
    assert second.status_code == 201, second.text
    assert soulcaster_client.item(first.json()["id"])["metadata"]["tags"] == [
        "env:prod",
        "service:payments-worker",
        "team:payments",
        "monitor",
    ]
    assert soulcaster_client.item(second.json()["id"])["metadata"]["tags"] == [
        "env:prod",
        "kube_cluster_name:prod-eu1",
        "team:platform",
    ]


def test_datadog_monitor_filter_applied(
    soulcaster_client: SoulcasterClient, payload: Callable[[str], dict[str, Any]]
) -> None:
    """Only configured monitors create feedback items."""
    # Users paste monitor ids as numbers or strings; both mean the same monitor.
    saved = soulcaster_client.api.post(
        "/config/datadog/monitors",
        params={"project_id": soulcaster_client.project_id},
        json={"monitors": [90377415, "90210114"]},
    )
    assert saved.status_code == 200, saved.text

    tracked = soulcaster_client.post_webhook("datadog", payload("log_alert_trigger"))
    other = payload("default_template_disk") | {"alert_id": "55012873"}
    untracked = soulcaster_client.post_webhook("datadog", other, as_owner=True)
    # The event id ($ID) is not the monitor: a match there must not let the alert in.
    lookalike = payload("default_template_disk") | {"id": "90377415", "alert_id": "12"}
    by_event_id = soulcaster_client.post_webhook("datadog", lookalike)

    assert tracked.status_code == 201, tracked.text
    for response in (untracked, by_event_id):
        assert response.status_code == 200, response.text
        assert response.json()["status"] == "ignored"
    assert "55012873" in untracked.json()["reason"]
    [item] = soulcaster_client.items("datadog")
    assert item["metadata"]["alert_id"] == "90377415"
