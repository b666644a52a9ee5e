"""A source declares how its deliveries refine an item; items stored by older releases merge too."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any, ClassVar

import pytest

from soulcaster_core import MergePolicy, testing
from soulcaster_core.handler import WebhookHandler
from soulcaster_core.models import FeedbackItem
from soulcaster_core.stacktrace import ExceptionInfo
from soulcaster_core.store.port import iso
from soulcaster_core.store.redis import RedisStore

pytestmark = pytest.mark.anyio

T0 = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


def report(n: int, **fields: Any) -> FeedbackItem:
    when = T0 + timedelta(seconds=n)
    fields.setdefault("title", f"title {n}")
    return FeedbackItem(
        project_id="acme",
        source="manual",
        external_id="r-1",
        created_at=when,
        received_at=when,
        **fields,
    )


@pytest.mark.parametrize(
    ("policy", "named"),
    [
        ({"title": "newest"}, "unknown rule 'newest'"),
        ({"occurrences": "latest"}, "'occurrences': not a field a delivery refines"),
        ({"release": "union"}, "'union' is for tags, links and metadata"),
        ({"tags.env": "fill"}, "only metadata keys take a rule of their own"),
    ],
)
def test_a_policy_no_store_could_follow_fails_the_handler_class(
    policy: dict[str, str], named: str
) -> None:
    with pytest.raises(ValueError, match=named):

        class Broken(WebhookHandler[Any, Any]):
            source = "broken"
            merge_policy: ClassVar[MergePolicy] = policy  # type: ignore[assignment]


async def test_an_item_stored_by_an_older_release_is_merged() -> None:
    store = RedisStore(testing.test_redis_url(), prefix=f"test-{uuid.uuid4().hex}:")
    await store.open()
    try:
        old = report(0, body="issue text", metadata={"short_id": "SHOP-7", "release": None})
        # As the ingest script wrote items before units were kept apart: the whole item in
        # data, its status in a field of its own.
        await store.redis.set(store._k("dedup", "acme", "manual", "r-1"), old.id)
        await store.redis.hset(
            store._k("item", "acme", old.id),
            mapping={
                "data": old.model_dump_json(),
                "occurrences": 3,
                "last_seen": iso(old.created_at),
                "status": "unresolved",
            },
        )
        await store.redis.zadd(store._k("items", "acme"), {old.id: 0})
        trace = [ExceptionInfo(type="KeyError")]
        result = await store.ingest(
            report(1, body="trace", exceptions=trace, metadata={"short_id": None, "release": "2.1"})
        )
        assert (result.status, result.id) == ("duplicate", old.id)
        resolved = report(2, metadata={"status": "resolved"})
        assert (await store.ingest(resolved, occurrence=False)).status == "updated"
        saved = await store.get_item("acme", old.id)
        assert saved is not None
        assert (saved.body, saved.exceptions, saved.occurrences) == ("trace", trace, 4)
        assert saved.metadata == {"short_id": "SHOP-7", "release": "2.1", "status": "resolved"}
        assert saved.first_seen == old.first_seen
    finally:
        await store.destroy()
        await store.close()
