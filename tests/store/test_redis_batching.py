"""The Redis store sends concurrent ingests as one pipeline; each stays atomic and correct."""

from __future__ import annotations

import asyncio

import pytest

from soulcaster_core.errors import StoreUnavailable
from soulcaster_core.models import FeedbackItem, IngestResult, Project
from soulcaster_core.store.redis import RedisStore
from tests.support.redis_server import RedisServer

pytestmark = pytest.mark.anyio


def _item(external_id: str) -> FeedbackItem:
    return FeedbackItem(
        project_id="acme", source="sentry", external_id=external_id, title=external_id
    )


async def test_a_burst_of_mixed_deliveries_gets_one_answer_each(redis_server: RedisServer) -> None:
    store = RedisStore(redis_server.url)
    await store.open()
    await store.create_project(Project(id="acme", name="Acme"))
    keys = [f"k{i % 7}" for i in range(60)]
    results = await asyncio.gather(*(store.ingest(_item(k)) for k in keys))
    created = {r.id for r in results if r.status == "created"}
    assert len(created) == 7
    for key in set(keys):
        ids = {r.id for k, r in zip(keys, results, strict=True) if k == key}
        assert len(ids) == 1, "every delivery of one key answers with the same item"
        item = await store.get_item("acme", ids.pop())
        assert item is not None
        assert item.occurrences == keys.count(key)
    await store.close()


async def test_a_redis_that_lost_its_scripts_reloads_them(redis_server: RedisServer) -> None:
    store = RedisStore(redis_server.url)
    await store.open()
    await store.create_project(Project(id="acme", name="Acme"))
    assert (await store.ingest(_item("before"))).status == "created"
    await store.redis.script_flush()  # as after a failover to a fresh replica
    results = await asyncio.gather(*(store.ingest(_item(f"after-{i}")) for i in range(5)))
    assert [r.status for r in results] == ["created"] * 5
    await store.close()


async def test_one_item_failing_in_redis_leaves_the_rest_of_its_batch_stored(
    redis_server: RedisServer,
) -> None:
    store = RedisStore(redis_server.url)
    await store.open()
    await store.create_project(Project(id="acme", name="Acme"))
    # A dedup key of the wrong type (as a hand edit or another program could leave behind)
    # makes that item's GET fail inside the script that carries the whole batch.
    await store.redis.hset(store._k("dedup", "acme", "sentry", "broken"), "x", "1")
    results = await asyncio.gather(
        *(store.ingest(_item(k)) for k in ("fine-1", "broken", "fine-2")),
        return_exceptions=True,
    )
    assert isinstance(results[1], StoreUnavailable), "a 503 for the sender to retry, not a 500"
    assert "WRONGTYPE" in str(results[1])
    for result in (results[0], results[2]):
        assert isinstance(result, IngestResult)
        assert result.status == "created"
        assert await store.get_item("acme", result.id) is not None
    await store.close()


async def test_a_token_lease_after_redis_lost_its_scripts(redis_server: RedisServer) -> None:
    store = RedisStore(redis_server.url)
    await store.open()
    assert (await store.take_tokens("acme", "sentry", 6, 0.001, 10))[0] == 6
    await store.redis.script_flush()  # as after a failover to a fresh replica
    assert (await store.take_tokens("acme", "sentry", 6, 0.001, 10))[0] == 4, "what is left"
    granted, wait = await store.take_tokens("acme", "sentry", 6, 0.001, 10)
    assert granted == 0 and wait > 900
    await store.close()
