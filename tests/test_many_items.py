"""A delivery that maps to many items: one atomic batch, one answer line per item, a limit."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from soulcaster_core import FeedbackItem, WebhookHandler, hookimpl
from soulcaster_core.testing import SoulcasterClient, running_app


class BulkHandler(WebhookHandler[dict[str, Any], Any]):
    """``{"things": [{"id", "title", "resolved"?}]}``: one item per thing."""

    source = "bulk"

    def to_feedback_items(self, event: dict[str, Any], project_id: str) -> Iterator[FeedbackItem]:
        for thing in event["things"]:
            yield FeedbackItem(
                project_id=project_id,
                source=self.source,
                external_id=thing["id"],
                title=thing["title"],
                metadata={"status": "resolved" if thing.get("resolved") else "firing"},
            )

    def item_counts_as_occurrence(self, event: dict[str, Any], item: FeedbackItem) -> bool:
        return item.metadata["status"] != "resolved"


class Bulk:
    @hookimpl
    def register_sources(self, register: Callable[[type[Any]], None]) -> None:
        register(BulkHandler)


@pytest.fixture(params=["sqlite", "redis"])
def client(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[SoulcasterClient]:
    with running_app(
        store=request.param, data_dir=tmp_path, plugins=[Bulk()], max_items_per_delivery=3
    ) as app:
        yield app


def things(*names: str, resolved: bool = False) -> dict[str, Any]:
    return {"things": [{"id": n, "title": f"{n} is down", "resolved": resolved} for n in names]}


def test_each_item_is_answered_with_its_outcome(client: SoulcasterClient) -> None:
    first = client.post_webhook("bulk", things("db", "cache"))
    assert first.status_code == 201, first.text
    assert first.json()["status"] == "created"
    lines = first.json()["items"]
    assert [(line["external_id"], line["status"]) for line in lines] == [
        ("db", "created"),
        ("cache", "created"),
    ]
    again = client.post_webhook("bulk", things("cache", "queue"))
    assert again.status_code == 201
    assert [line["status"] for line in again.json()["items"]] == ["duplicate", "created"]
    assert again.json()["items"][0]["id"] == lines[1]["id"]
    assert len(client.items("bulk")) == 3


def test_resolved_items_update_theirs_without_counting(client: SoulcasterClient) -> None:
    created = client.post_webhook("bulk", things("db")).json()
    resolved = client.post_webhook("bulk", things("db", resolved=True))
    assert resolved.status_code == 200
    assert resolved.json() == {
        "status": "updated",
        "id": created["id"],
        "items": [{"external_id": "db", "status": "updated", "id": created["id"]}],
    }
    item = client.item(created["id"])
    assert item["metadata"]["status"] == "resolved"
    assert item["occurrences"] == 1


def test_more_items_than_allowed_is_413_and_stores_none(client: SoulcasterClient) -> None:
    answer = client.post_webhook("bulk", things("a", "b", "c", "d"))
    assert answer.status_code == 413, answer.text
    assert "SOULCASTER_MAX_ITEMS_PER_DELIVERY" in answer.json()["error"]
    assert client.items("bulk") == []
    assert client.post_webhook("bulk", things("a", "b", "c")).status_code == 201


def test_a_delivery_without_items_is_ignored(client: SoulcasterClient) -> None:
    answer = client.post_webhook("bulk", {"things": []})
    assert answer.status_code == 200
    assert answer.json()["status"] == "ignored"
    assert answer.json()["items"] == []
