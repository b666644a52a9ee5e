"""Every Sentry resource and action, end to end through the real app."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

Payload = Callable[[str], dict[str, Any]]


def test_issue_created_becomes_an_item(sentry: Any, payload: Payload) -> None:
    response = sentry.post(payload("issue_created"), "issue")
    assert response.status_code == 201, response.text
    item = sentry.client.item(response.json()["id"])
    assert item["title"] == "ValueError: invoice total must be positive, got -12.50"
    assert item["external_id"] == "issue:4417623905"
    assert item["first_seen"].startswith("2024-10-21T08:14:52")
    meta = item["metadata"]
    assert (meta["resource"], meta["action"], meta["status"]) == ("issue", "created", "unresolved")
    assert meta["short_id"] == "BILLING-API-2K"
    assert meta["culprit"] == "billing.invoices in finalize_invoice"
    assert meta["platform"] == "python"
    assert item["links"] == {"issue": "https://northwind.sentry.io/issues/4417623905/"}
    assert item["service"] == "billing-api"
    assert item["level"] == "error"
    # No frames in an issue webhook: its metadata and culprit name the crash location.
    [thrown] = item["exceptions"]
    assert (thrown["type"], thrown["value"]) == (
        "ValueError",
        "invoice total must be positive, got -12.50",
    )
    [frame] = thrown["frames"]
    assert (frame["filename"], frame["module"], frame["function"], frame["in_app"]) == (
        "billing/invoices.py",
        "billing.invoices",
        "finalize_invoice",
        True,
    )
    assert "Issue: BILLING-API-2K" in item["body"]


@pytest.mark.parametrize(
    ("action", "status"),
    [
        ("resolved", "resolved"),
        ("unresolved", "unresolved"),
        ("ignored", "ignored"),
        ("archived", "ignored"),
    ],
)
def test_issue_status_changes_update_the_known_item(
    sentry: Any, payload: Payload, action: str, status: str
) -> None:
    first = sentry.post(payload("issue_created"), "issue").json()
    if action == "unresolved":
        # A new issue is unresolved already: reopening needs it resolved first.
        assert sentry.post(payload("issue_resolved"), "issue").json()["status"] == "updated"
    change = payload("issue_resolved")
    change["action"] = action
    change["data"]["issue"]["status"] = status
    response = sentry.post(change, "issue")
    assert response.status_code == 200, response.text
    assert response.json() == {"status": "updated", "id": first["id"]}
    item = sentry.client.item(first["id"])
    assert item["metadata"]["status"] == status
    assert item["occurrences"] == 1
    assert len(sentry.items()) == 1


def test_issue_assigned_is_not_an_occurrence(sentry: Any, payload: Payload) -> None:
    first = sentry.post(payload("issue_created"), "issue").json()
    response = sentry.post(payload("issue_assigned"), "issue")
    assert response.json() == {"status": "updated", "id": first["id"]}
    assert sentry.client.item(first["id"])["occurrences"] == 1


def test_issue_assigned_first_records_the_assignee(sentry: Any, payload: Payload) -> None:
    response = sentry.post(payload("issue_assigned"), "issue")
    assert response.status_code == 201, response.text
    meta = sentry.client.item(response.json()["id"])["metadata"]
    assert meta["assigned_to"] == "priya.raman@northwind.example"


def test_error_created_then_resolved(sentry: Any, payload: Payload) -> None:
    error = sentry.post(payload("error_python"), "error")
    assert error.status_code == 201, error.text
    resolved = sentry.post(payload("issue_resolved"), "issue")
    assert resolved.json() == {"status": "updated", "id": error.json()["id"]}
    item = sentry.client.item(error.json()["id"])
    assert item["metadata"]["status"] == "resolved"
    assert item["metadata"]["event_id"] == "c4a1f0d2e3b84f6a9d7e5b2c1a0f9e8d"
    assert item["release"] == "billing-api@3.8.1"
    assert item["environment"] == "production"
    assert item["tags"]["server_name"] == "billing-api-6c9d5f7b8-q7mzt"
    assert item["created_at"].startswith("2024-10-21T09:12:44")


def test_event_alert_triggered(sentry: Any, payload: Payload) -> None:
    response = sentry.post(payload("event_alert_javascript"), "event_alert")
    assert response.status_code == 201, response.text
    item = sentry.client.item(response.json()["id"])
    assert item["title"] == "TypeError: Cannot read properties of undefined (reading 'price')"
    assert item["external_id"] == "issue:5120334871"
    assert item["metadata"]["triggered_rule"] == "Checkout errors in production"
    assert item["metadata"]["resource"] == "event_alert"
    assert item["metadata"]["platform"] == "javascript"


def test_metric_alert_critical_then_resolved(sentry: Any, payload: Payload) -> None:
    critical = sentry.post(payload("metric_alert_critical"), "metric_alert")
    assert critical.status_code == 201, critical.text
    item = sentry.client.item(critical.json()["id"])
    assert item["title"] == "Critical: p95 checkout latency"
    assert item["external_id"] == "metric_alert:88214"
    assert "1480ms p95(transaction.duration)" in item["body"]
    assert item["metadata"]["status"] == "critical"
    assert item["metadata"]["alert_rule_name"] == "p95 checkout latency"
    assert (item["environment"], item["level"]) == ("production", "critical")
    assert item["links"] == {
        "sentry": "https://shop-team.sentry.io/alerts/rules/details/91244/?alert=412"
    }

    resolved = sentry.post(payload("metric_alert_resolved"), "metric_alert")
    assert resolved.json() == {"status": "updated", "id": critical.json()["id"]}
    after = sentry.client.item(critical.json()["id"])
    assert after["metadata"]["status"] == "resolved"
    assert after["occurrences"] == 1


def test_metric_alert_warning_is_ingested_whatever_the_levels(
    sentry: Any, payload: Payload
) -> None:
    # Sentry sends a trigger only to the actions set on it: a warning that arrives was asked for.
    warning = payload("metric_alert_critical")
    warning["action"] = "warning"
    stored = sentry.post(warning, "metric_alert")
    assert stored.status_code == 201, stored.text
    [item] = sentry.items()
    assert item["level"] == "warning"

    critical = sentry.post(payload("metric_alert_critical"), "metric_alert")
    assert critical.json() == {"status": "duplicate", "id": stored.json()["id"]}
    assert sentry.items()[0]["occurrences"] == 2


@pytest.mark.parametrize(
    ("fixture", "resource"),
    [("installation_created", "installation"), ("comment_created", "comment")],
)
def test_installation_and_comment_are_ignored(
    sentry: Any, payload: Payload, fixture: str, resource: str
) -> None:
    response = sentry.post(payload(fixture), resource)
    assert response.status_code == 200, response.text
    assert response.json()["status"] == "ignored"
    assert resource in response.json()["reason"]
    assert sentry.items() == []


def test_unknown_actions_and_resources_are_ignored(sentry: Any, payload: Payload) -> None:
    deleted = payload("comment_created")
    deleted["action"] = "deleted"
    assert sentry.post(deleted, "comment").json()["status"] == "ignored"

    unknown_action = payload("issue_created")
    unknown_action["action"] = "merged"
    answer = sentry.post(unknown_action, "issue").json()
    assert answer["status"] == "ignored"
    assert "'merged'" in answer["reason"]

    seer = {"action": "root_cause_completed", "data": {"run_id": 1181, "group_id": 4417623905}}
    answer = sentry.post(seer, "seer").json()
    assert answer["status"] == "ignored"
    assert "seer" in answer["reason"]
    assert sentry.items() == []


def test_resource_is_read_from_the_body_without_the_header(
    soulcaster_client: Any, payload: Payload
) -> None:
    for fixture in ("issue_created", "error_java_chained", "metric_alert_critical"):
        response = soulcaster_client.post_webhook("sentry", payload(fixture))
        assert response.status_code == 201, (fixture, response.text)
    resources = sorted(item["metadata"]["resource"] for item in soulcaster_client.items("sentry"))
    assert resources == ["error", "issue", "metric_alert"]
    answer = soulcaster_client.post_webhook("sentry", payload("installation_created")).json()
    assert answer["status"] == "ignored"


def test_header_and_body_that_disagree_are_400(sentry: Any, payload: Payload) -> None:
    response = sentry.post(payload("event_alert_go_panic"), "error")
    assert response.status_code == 400
    assert "data.error" in response.json()["error"]


def test_the_legacy_plugin_payload_is_400(soulcaster_client: Any) -> None:
    legacy = {
        "id": "4417623905",
        "project": "billing-api",
        "level": "error",
        "culprit": "billing.invoices in finalize_invoice",
        "message": "invoice total must be positive",
        "url": "https://northwind.sentry.io/issues/4417623905/",
        "event": {"event_id": "c4a1f0d2e3b84f6a9d7e5b2c1a0f9e8d", "tags": [["level", "error"]]},
    }
    response = soulcaster_client.post_webhook("sentry", legacy)
    assert response.status_code == 400
    assert "legacy" in response.json()["error"]


def test_both_routes_reach_the_handler(sentry: Any, payload: Payload) -> None:
    assert sentry.post(payload("issue_created"), "issue", path="").status_code == 201
    again = sentry.post(payload("error_python"), "error", path="webhook")
    assert again.json()["status"] == "duplicate"
