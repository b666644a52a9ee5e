"""An event's uuid names one event: webhook and sync bringing it both make one occurrence."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import respx

from soulcaster_core.testing import SoulcasterClient

Payload = Callable[[str], dict[str, Any]]


def _as_destination(row: list[Any]) -> dict[str, Any]:
    uuid, event, distinct_id, properties, timestamp = row
    return {
        "event": {
            "uuid": uuid,
            "event": event,
            "distinct_id": distinct_id,
            "properties": json.loads(properties),
            "timestamp": timestamp,
        },
        "person": None,
    }


def test_an_event_seen_by_webhook_and_by_sync_counts_once(
    soulcaster_client: SoulcasterClient, payload: Payload
) -> None:
    page = payload("query_page_1")
    page["hasMore"] = False
    first = soulcaster_client.post_webhook("posthog", _as_destination(page["results"][0]))
    assert first.status_code == 201
    again = soulcaster_client.post_webhook("posthog", _as_destination(page["results"][0]))
    assert again.json() == {"status": "duplicate", "id": first.json()["id"]}

    soulcaster_client.configure("posthog", api_key="phx_test", project_id=9137)
    with respx.mock() as posthog:
        posthog.post("https://us.posthog.com/api/projects/9137/query/").mock(
            return_value=httpx.Response(200, json=page)
        )
        report = soulcaster_client.api.post(
            "/ingest/posthog/sync", params={"project_id": soulcaster_client.project_id}
        ).json()

    assert report["duplicates"] == 1
    assert report["created"] == len(page["results"]) - 1
    assert soulcaster_client.item(first.json()["id"])["occurrences"] == 1
