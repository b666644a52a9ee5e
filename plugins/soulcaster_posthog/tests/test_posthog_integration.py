"""The design's five PostHog cases, end to end through the real app."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import respx

from soulcaster_core.testing import SoulcasterClient

Payload = Callable[[str], dict[str, Any]]
API_KEY = "phx_Zr8vN2kQ5tW1xJ7mB4cL0pD9"


def test_posthog_webhook_creates_feedback_item(
    soulcaster_client: SoulcasterClient, payload: Payload
) -> None:
    """Webhook payload creates FeedbackItem with exception details."""
    body = payload("destination_js_exception")

    response = soulcaster_client.post_webhook("posthog", body)

    assert response.status_code == 201, response.text
    assert response.json()["status"] == "created"
    [item] = soulcaster_client.items("posthog")
    assert item["id"] == response.json()["id"]
    assert item["external_id"] == body["event"]["uuid"]
    assert item["title"] == (
        "ChunkLoadError: Loading chunk 412 failed. "
        "(timeout: https://app.fleetdeck.io/_next/static/chunks/412.9c1e0b7a.js)"
    )
    assert item["created_at"].startswith("2024-11-18T14:02:51.337")
    assert item["metadata"]["exception_fingerprint"] == "b71c0d52e3f4a6980c1d2e3f"
    assert item["metadata"]["handled"] is False


def test_posthog_exception_extracts_stack_trace(
    soulcaster_client: SoulcasterClient, payload: Payload
) -> None:
    """Stack trace is preserved in body."""
    response = soulcaster_client.post_webhook("posthog", payload("rest_hook_python_exception"))

    assert response.status_code == 201, response.text
    item = soulcaster_client.item(response.json()["id"])
    # posthog-python lists the cause first: the title is the exception that was raised last.
    assert item["title"] == "RuntimeError: billing worker cannot start: configuration incomplete"
    body = item["body"]
    cause = body.index("KeyError: 'STRIPE_WEBHOOK_SECRET'")
    raised = body.index("RuntimeError: billing worker cannot start")
    assert cause < body.index("direct cause of the following exception") < raised
    assert "> billing/settings.py:41 in load_secrets" in body
    assert 'return {"stripe": env["STRIPE_WEBHOOK_SECRET"]}' in body
    assert "  os.py:714 in __getitem__" in body  # a library frame, not marked in-app
    assert body.index("billing/worker.py:88 in main") < body.index("billing/worker.py:63 in start")
    assert item["metadata"]["exception_issue_id"] == "0193a0b4-2000-7000-8000-00000000beef"


def test_posthog_sync_fetches_new_events(
    soulcaster_client: SoulcasterClient, payload: Payload
) -> None:
    """Sync pulls events since last_synced timestamp."""
    soulcaster_client.configure(
        "posthog",
        api_key=API_KEY,
        project_id=9137,
        host="https://eu.posthog.com/",
        last_synced="2024-12-03T09:00:00Z",
    )
    pages = [payload("query_page_1"), payload("query_page_2")]

    with respx.mock() as posthog:
        query = posthog.post("https://eu.posthog.com/api/projects/9137/query/").mock(
            side_effect=[httpx.Response(200, json=page) for page in pages]
        )
        response = soulcaster_client.api.post(
            "/ingest/posthog/sync", params={"project_id": soulcaster_client.project_id}
        )

    assert response.status_code == 200, response.text
    report = response.json()
    assert (report["fetched"], report["created"], report["pages"]) == (5, 5, 2)
    assert report["error"] is None
    first = json.loads(query.calls[0].request.content)["query"]["query"]
    assert "timestamp > toDateTime('2024-12-03T09:00:00.000000Z')" in first
    assert query.calls[0].request.headers["authorization"] == f"Bearer {API_KEY}"
    synced = {row[0] for page in pages for row in page["results"]}
    assert {item["external_id"] for item in soulcaster_client.items("posthog")} == synced
    config = soulcaster_client.api.get(
        "/config/posthog", params={"project_id": soulcaster_client.project_id}
    ).json()
    # The newest event stored, in UTC (PostHog may answer in the project's time zone).
    assert config["last_synced"] == "2024-12-03T10:20:00.000000Z"
    assert config["last_synced_uuid"] == "0193890a-0005-7000-8000-0a0b0c0d0e05"
    assert API_KEY not in json.dumps(config)


def test_posthog_event_type_filter(soulcaster_client: SoulcasterClient, payload: Payload) -> None:
    """Only configured event types are ingested."""
    rageclick = payload("destination_rageclick")

    ignored = soulcaster_client.post_webhook("posthog", rageclick, as_owner=True)
    assert ignored.status_code == 200, ignored.text
    assert ignored.json()["status"] == "ignored"
    assert "$rageclick" in ignored.json()["reason"]
    assert soulcaster_client.items("posthog") == []

    params = {"project_id": soulcaster_client.project_id}
    shown = soulcaster_client.api.get("/config/posthog/events", params=params)
    assert shown.json() == {"events": ["$exception"]}
    changed = soulcaster_client.api.post(
        "/config/posthog/events", params=params, json={"events": ["$exception", "$rageclick"]}
    )
    assert changed.status_code == 200, changed.text

    created = soulcaster_client.post_webhook("posthog", rageclick)
    assert created.status_code == 201, created.text
    [item] = soulcaster_client.items("posthog")
    assert item["title"] == "$rageclick on https://store.lumenbrew.coffee/cart"


def test_posthog_session_id_in_metadata(
    soulcaster_client: SoulcasterClient, payload: Payload
) -> None:
    """Session replay ID is preserved for linking."""
    response = soulcaster_client.post_webhook("posthog", payload("destination_js_exception"))

    assert response.status_code == 201, response.text
    item = soulcaster_client.item(response.json()["id"])
    metadata = item["metadata"]
    assert metadata["session_id"] == "01932f5b-9e02-7f4d-8a11-3b5c7d9e1f20"
    assert item["links"]["replay"] == (
        "https://eu.posthog.com/project/9137/replay/01932f5b-9e02-7f4d-8a11-3b5c7d9e1f20"
    )
    assert metadata["distinct_id"] == "usr_8c41f0d2"
    assert metadata["current_url"] == "https://app.fleetdeck.io/vehicles/VH-2231/maintenance"
    assert (metadata["browser"], metadata["os"]) == ("Firefox", "Windows")
    assert metadata["event_type"] == "$exception"
