"""A Redis written before cluster records and members were apart is converted on open."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest

from soulcaster_core.models import Cluster, FeedbackItem, Project
from soulcaster_core.store.redis import RedisStore
from soulcaster_core.testing import test_redis_url as redis_url

pytestmark = pytest.mark.anyio


async def test_cluster_documents_become_records_and_members_on_open() -> None:
    prefix = f"test-{uuid.uuid4().hex}:"
    store = RedisStore(redis_url(), prefix=prefix)
    await store.open()
    try:
        await store.create_project(Project(id="acme", name="Acme"))
        item = FeedbackItem(project_id="acme", source="manual", external_id="e1", title="x")
        item_id = (await store.ingest(item)).id
        old = Cluster(
            id="c1",
            project_id="acme",
            title="Kept cluster",
            sources=["manual", "sentry"],
            item_count=2,
            occurrence_count=5,
            first_seen=datetime(2024, 5, 1, tzinfo=UTC),
            last_seen=datetime(2024, 5, 2, tzinfo=UTC),
        )
        document = old.model_dump_json()[:-1] + f',"item_ids":["{item_id}","gone-since"]}}'
        await store.redis.hset(f"{prefix}clusters:{{acme}}", "c1", document)  # as it was kept

        again = RedisStore(redis_url(), prefix=prefix)
        await again.open()
        try:
            assert await again.get_cluster("acme", "c1") == old
            assert await again.cluster_item_ids("acme", "c1") == ([item_id, "gone-since"], None)
            assert await again.count_clusters("acme") == 1
            assert not await again.redis.exists(f"{prefix}clusters:{{acme}}")
        finally:
            await again.close()
    finally:
        await store.destroy()
        await store.close()
