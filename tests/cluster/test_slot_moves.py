"""A project's slot moves to another master while a store holds the old slot map: its webhooks
are still stored once each and queued, the store follows the cluster (MOVED)."""

from __future__ import annotations

import uuid

import pytest
from redis.crc import key_slot

from soulcaster_core.models import FeedbackItem, Project
from soulcaster_core.store.redis import RedisStore
from tests.support.redis_cluster import RedisClusterServers

pytestmark = pytest.mark.anyio


def move_empty_slot(cluster: RedisClusterServers, key: str) -> None:
    """Move the slot of ``key``, which holds no key, to another master, as a reshard would."""
    slot = key_slot(key.encode())
    clients = [server.client() for server in cluster.servers]
    try:
        ids = [client.execute_command("CLUSTER MYID") for client in clients]
        owner = cluster.ports.index(cluster.node_of(key))
        target = (owner + 1) % len(clients)
        clients[target].execute_command("CLUSTER SETSLOT", slot, "IMPORTING", ids[owner])
        clients[owner].execute_command("CLUSTER SETSLOT", slot, "MIGRATING", ids[target])
        for client in (clients[target], clients[owner], *clients):
            client.execute_command("CLUSTER SETSLOT", slot, "NODE", ids[target])
    finally:
        for client in clients:
            client.close()


async def test_a_project_whose_slot_moved_is_still_served(
    redis_cluster: RedisClusterServers,
) -> None:
    project = f"moving-{uuid.uuid4().hex[:8]}"
    store = RedisStore(redis_cluster.url, prefix=f"t-{uuid.uuid4().hex}:")
    await store.open()  # the slot map as it is now
    try:
        await store.create_project(Project(id=project, name="Moving"))
        before = redis_cluster.node_of(store._k("items", project))
        await store.redis.delete(store._stream(project))  # its slot must be empty to move it
        move_empty_slot(redis_cluster, store._k("items", project))
        assert redis_cluster.node_of(store._k("items", project)) != before

        def item(external_id: str) -> FeedbackItem:
            return FeedbackItem(
                project_id=project, source="sentry", external_id=external_id, title=external_id
            )

        first = await store.ingest(item("a"))
        assert first.status == "created"
        assert (await store.ingest(item("a"))).status == "duplicate"
        assert (await store.ingest(item("b"))).status == "created"
        found = await store.get_item(project, first.id)
        assert found is not None and found.occurrences == 2
        claimed = await store.claim("worker-1", 10)
        assert len(claimed) == 2
        await store.ack(claimed)
        assert await store.queue_depth() == 0
    finally:
        await store.destroy()
        await store.close()
