"""The Redis store's clustering queue: the ready set, a lost consumer group, a lost signal, a
project created half-way, on the shared Redis and on the session's 3-master cluster.

An idle worker's cost must not grow with the number of projects: counted in commands, on
private servers whose counters no other test moves.
"""

from __future__ import annotations

from typing import Any

import pytest

from soulcaster_core.models import FeedbackItem, Project
from soulcaster_core.store.redis import GROUP, RedisStore
from tests.support.redis_cluster import RedisClusterServers
from tests.support.redis_server import RedisServer

pytestmark = pytest.mark.anyio

#: Commands that read or claim one project's stream: an idle worker must send none.
PER_PROJECT = ("xreadgroup", "xlen", "xpending", "xautoclaim", "xgroup|create")


def _item(external_id: str, project_id: str = "acme") -> FeedbackItem:
    return FeedbackItem(
        project_id=project_id, source="sentry", external_id=external_id, title=external_id
    )


async def test_a_lost_consumer_group_is_made_again(redis_store: RedisStore) -> None:
    await redis_store.create_project(Project(id="acme", name="Acme"))
    first = await redis_store.ingest(_item("before"))
    # As a Redis restarted without persistence would leave it: the stream, no group.
    await redis_store.redis.xgroup_destroy(redis_store._stream("acme"), GROUP)
    second = await redis_store.ingest(_item("after"))
    claimed = await redis_store.claim("worker-1", 10)
    assert sorted(e.item_id for e in claimed) == sorted([first.id, second.id])
    await redis_store.ack(claimed)
    assert await redis_store.queue_depth() == 0


async def test_entries_a_crash_left_unsignalled_are_found(redis_store: RedisStore) -> None:
    await redis_store.create_project(Project(id="acme", name="Acme"))
    assert await redis_store.claim("worker-1", 10) == []  # this worker's start-up sweep
    stored = await redis_store.ingest(_item("orphan"))
    # The process died after the ingest script and before it signalled the project.
    await redis_store.redis.zrem(redis_store._g("ready"), "acme")
    assert await redis_store.claim("worker-1", 10) == [], "unsignalled: not seen until a sweep"
    worker = RedisStore(redis_store.url, prefix=redis_store.prefix)  # a worker starting up
    await worker.open()
    try:
        [entry] = await worker.claim("worker-2", 10)
        assert entry.item_id == stored.id
    finally:
        await worker.close()


async def test_a_project_created_half_way_is_created_by_a_second_try(
    redis_store: RedisStore,
) -> None:
    # A crash after the queue's group was made, before the project was stored.
    await redis_store._ensure_group("acme")
    assert await redis_store.get_project("acme") is None
    assert await redis_store.create_project(Project(id="acme", name="Acme"))
    assert not await redis_store.create_project(Project(id="acme", name="Other"))
    restarted = RedisStore(redis_store.url, prefix=redis_store.prefix)
    await restarted.open()
    try:
        assert [p.name for p in await restarted.list_projects()] == ["Acme"]
        stored = await restarted.ingest(_item("first"))
        [entry] = await restarted.claim("worker-1", 10)
        assert entry.item_id == stored.id
    finally:
        await restarted.close()


async def test_projects_leave_the_ready_set_once_done_and_come_back(
    redis_store: RedisStore,
) -> None:
    await redis_store.create_project(Project(id="acme", name="Acme"))
    await redis_store.ingest(_item("one"))
    claimed = await redis_store.claim("worker-1", 10)
    await redis_store.ack(claimed)
    assert await redis_store.claim("worker-1", 10) == []
    assert await redis_store.redis.zcard(redis_store._g("ready")) == 0
    again = await redis_store.ingest(_item("two"))
    assert [e.item_id for e in await redis_store.claim("worker-1", 10)] == [again.id]


async def test_plain_redis_keys_of_before_the_global_tag_are_kept(
    redis_server: RedisServer,
) -> None:
    old = redis_server.client()
    project = Project(id="acme", name="Acme")
    old.hset("projects", "acme", project.model_dump_json())
    old.hset("settings", "session_epoch", "e1")
    store = RedisStore(redis_server.url)
    await store.open()
    try:
        assert [p.id for p in await store.list_projects()] == ["acme"]
        assert await store.get_setting("session_epoch") == "e1"
    finally:
        await store.close()


# -- an idle worker sends nothing per project ---------------------------------------------------
def _per_project_calls(clients: list[Any]) -> int:
    total = 0
    for client in clients:
        stats = client.info("commandstats")
        total += sum(stats.get(f"cmdstat_{name}", {}).get("calls", 0) for name in PER_PROJECT)
    return total


async def _idle_rounds_cost_nothing_per_project(store: RedisStore, clients: list[Any]) -> None:
    await store.open()
    try:
        for n in range(100):
            await store.create_project(Project(id=f"p{n}", name=f"P{n}"))
        item = await store.ingest(_item("only", "p7"))
        # The first look of a starting worker sweeps every project's stream, once.
        [entry] = await store.claim("worker-1", 10)
        assert entry.item_id == item.id
        await store.ack([entry])
        assert await store.claim("worker-1", 10) == []  # p7 is done: it leaves the ready set
        before = _per_project_calls(clients)
        for _ in range(5):
            assert await store.reclaim("worker-1", 0, 10) == []
            assert await store.claim("worker-1", 10, block_ms=10) == []
        assert _per_project_calls(clients) == before
    finally:
        await store.destroy()
        await store.close()
        for client in clients:
            client.close()


async def test_an_idle_worker_sends_nothing_per_project(redis_server: RedisServer) -> None:
    store = RedisStore(redis_server.url, prefix="idle:")
    await _idle_rounds_cost_nothing_per_project(store, [redis_server.client()])


async def test_an_idle_worker_sends_nothing_per_project_on_a_cluster(
    redis_cluster: RedisClusterServers,
) -> None:
    store = RedisStore(redis_cluster.url, prefix="idle:")
    clients = [server.client() for server in redis_cluster.servers]
    await _idle_rounds_cost_nothing_per_project(store, clients)


async def test_a_batch_is_signalled_even_when_redis_lost_its_scripts(
    redis_server: RedisServer,
) -> None:
    """On a single Redis the signal rides with the ingest calls; after a SCRIPT FLUSH both
    are loaded again and the stored items are still signalled, so a worker finds them at
    once (not after the minute's sweep)."""
    store = RedisStore(redis_server.url, prefix="q:")
    await store.open()
    try:
        await store.create_project(Project(id="acme", name="Acme"))
        assert await store.claim("worker-1", 10) == []  # its start-up sweep is behind it
        first = await store.ingest(_item("before"))
        [entry] = await store.claim("worker-1", 10)
        assert entry.item_id == first.id
        await store.ack([entry])
        await store.redis.script_flush()
        second = await store.ingest(_item("after"))
        [entry] = await store.claim("worker-1", 10)
        assert entry.item_id == second.id
    finally:
        await store.close()
