"""An item's deliveries over HTTP: the answers a redelivery gets, the history and raw bodies."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from soulcaster_core import FeedbackItem, WebhookHandler, hookimpl, parse_json_object
from soulcaster_core.testing import SoulcasterClient, running_app


class _Tracker(WebhookHandler[dict[str, Any], Any]):
    """A ticket tracker: a ticket opens (an occurrence), then changes state (not one)."""

    source = "tracker"

    def parse(self, body: bytes) -> dict[str, Any]:
        return parse_json_object(body)

    def counts_as_occurrence(self, event: dict[str, Any]) -> bool:
        return event["action"] == "opened"

    def to_feedback_item(self, event: dict[str, Any], project_id: str) -> FeedbackItem:
        return FeedbackItem(
            project_id=project_id,
            source=self.source,
            external_id=event["ticket"],
            title=f"Ticket {event['ticket']}",
            release=event.get("release"),
            metadata={"status": event["status"]},
        )


class _TrackerPlugin:
    @hookimpl
    def register_sources(self, register: Any) -> None:
        register(_Tracker)


@pytest.fixture
def tracker(tmp_path: Path) -> Any:
    with running_app(data_dir=tmp_path, plugins=[_TrackerPlugin()]) as client:
        yield client


def _events(client: SoulcasterClient, item_id: str) -> list[dict[str, Any]]:
    response = client.api.get(f"/api/feedback/{item_id}/events", params={"project_id": "test"})
    assert response.status_code == 200, response.text
    events: list[dict[str, Any]] = response.json()["events"]
    return events


def test_a_state_sent_again_is_answered_duplicate(tracker: SoulcasterClient) -> None:
    opened = tracker.post_webhook(
        "tracker", {"ticket": "T-1", "action": "opened", "status": "open"}
    )
    assert opened.status_code == 201
    closed = {"ticket": "T-1", "action": "closed", "status": "closed"}
    assert tracker.post_webhook("tracker", closed).json()["status"] == "updated"
    again = tracker.post_webhook("tracker", closed)
    assert (again.status_code, again.json()) == (
        200,
        {"status": "duplicate", "id": opened.json()["id"]},
    )
    item = tracker.item(opened.json()["id"])
    assert (item["metadata"]["status"], item["occurrences"]) == ("closed", 1)
    released = {**closed, "release": "2.0"}
    assert tracker.post_webhook("tracker", released).json()["status"] == "updated", (
        "the same state with something new is an update"
    )
    events = _events(tracker, opened.json()["id"])
    assert [e["outcome"] for e in events] == ["updated", "duplicate", "updated", "created"]
    assert events[2]["status"] == {"before": "open", "after": "closed"}
    assert events[0]["changed"] == ["release"]


def test_the_history_serves_each_raw_body_as_it_came(soulcaster_client: SoulcasterClient) -> None:
    client = soulcaster_client
    first = client.post_webhook("manual", {"title": "Pay fails", "external_id": "p-1"})
    item_id = first.json()["id"]
    odd = b'{"title": "Pay fails", "external_id": "p-1", "body": "caf\\u00e9"}'
    client.post_webhook("manual", odd, headers={"content-type": "application/json; charset=utf-8"})
    events = _events(client, item_id)
    assert [(e["outcome"], e["via"], e["source"]) for e in events] == [
        ("duplicate", "webhook", "manual"),
        ("created", "webhook", "manual"),
    ]
    raw = client.api.get(
        f"/api/feedback/{item_id}/events/{events[0]['id']}/raw", params={"project_id": "test"}
    )
    assert raw.status_code == 200
    assert raw.content == odd
    assert raw.headers["content-type"] == "application/json; charset=utf-8"
    assert events[0]["raw_size"] == len(odd)


def test_a_raw_body_is_never_served_as_a_live_page(soulcaster_client: SoulcasterClient) -> None:
    # A sender that says its JSON is HTML is refused (415); one that stores markup in JSON
    # gets it back as it came, in a sandbox that runs no script, never sniffed as a page.
    body = b'{"title": "<script>alert(document.cookie)</script>"}'
    html = soulcaster_client.post_webhook("manual", body, headers={"content-type": "text/html"})
    assert html.status_code == 415
    created = soulcaster_client.post_webhook(
        "manual", body, headers={"content-type": "application/xhtml+json"}
    )
    item_id = created.json()["id"]
    [event] = _events(soulcaster_client, item_id)
    raw = soulcaster_client.api.get(
        f"/api/feedback/{item_id}/events/{event['id']}/raw", params={"project_id": "test"}
    )
    assert raw.content == body
    assert raw.headers["content-type"].startswith("application/xhtml+json")
    assert "sandbox" in raw.headers["content-security-policy"]
    assert "default-src 'none'" in raw.headers["content-security-policy"]
    assert raw.headers["x-content-type-options"] == "nosniff"


def test_unknown_items_events_and_expired_bodies_are_404(tmp_path: Path) -> None:
    with running_app(data_dir=tmp_path, raw_retention_days=0.2 / 86400) as client:
        item_id = client.post_webhook("manual", {"title": "soon gone"}).json()["id"]
        [event] = _events(client, item_id)
        params = {"project_id": "test"}
        for path in (
            "/api/feedback/nope/events",
            "/api/feedback/nope/events/x/raw",
            f"/api/feedback/{item_id}/events/not-an-event/raw",
        ):
            response = client.api.get(path, params=params)
            assert response.status_code == 404, path
            assert response.json()["error"]
        time.sleep(0.3)
        expired = client.api.get(f"/api/feedback/{item_id}/events/{event['id']}/raw", params=params)
        assert expired.status_code == 404
        assert expired.json()["error"].startswith("expired")


def test_no_raw_bodies_are_kept_with_a_retention_of_zero(tmp_path: Path) -> None:
    with running_app(data_dir=tmp_path, raw_retention_days=0) as client:
        item_id = client.post_webhook("manual", {"title": "kept nowhere"}).json()["id"]
        [event] = _events(client, item_id)
        assert event["raw_size"] is None
        raw = client.api.get(
            f"/api/feedback/{item_id}/events/{event['id']}/raw", params={"project_id": "test"}
        )
        assert raw.status_code == 404


def test_the_history_routes_need_the_token_and_are_documented(
    soulcaster_client: SoulcasterClient,
) -> None:
    item_id = soulcaster_client.post_webhook("manual", {"title": "x"}).json()["id"]
    [event] = _events(soulcaster_client, item_id)
    for path in (
        f"/api/feedback/{item_id}/events",
        f"/api/feedback/{item_id}/events/{event['id']}/raw",
    ):
        response = soulcaster_client.http.get(path, params={"project_id": "test"})
        assert response.status_code == 401, path
    paths = soulcaster_client.http.get("/openapi.json").json()["paths"]
    assert "200" in paths["/api/feedback/{item_id}/events"]["get"]["responses"]
    assert "404" in paths["/api/feedback/{item_id}/events/{event_id}/raw"]["get"]["responses"]
