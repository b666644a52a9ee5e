"""``Store.ingest_batch``: a delivery's many items, stored in one atomic step on every store."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from soulcaster_core.models import Project
from soulcaster_core.store.base import Store
from soulcaster_core.store.batch import IngestEntry
from soulcaster_core.store.redis import RedisStore
from soulcaster_core.store.sqlite import SQLiteStore
from tests.support.redis_server import RedisServer

from .test_contract import make_item

pytestmark = pytest.mark.anyio


async def test_each_entry_gets_its_outcome_in_order(store: Store) -> None:
    known = await store.ingest(make_item("alert-a"))
    entries = [
        IngestEntry(make_item("alert-a")),
        IngestEntry(make_item("alert-b")),
        IngestEntry(make_item("alert-c", metadata={"status": "resolved"}), occurrence=False),
        IngestEntry(make_item("alert-b")),  # the same alert twice in one delivery
    ]
    results = await store.ingest_batch(entries)
    assert [r.status for r in results] == ["duplicate", "created", "created", "duplicate"]
    assert results[0].id == known.id
    assert results[3].id == results[1].id
    b = await store.get_item("acme", results[1].id)
    assert b is not None and b.occurrences == 2
    assert len(await store.list_deliveries("acme", results[1].id)) == 2  # one per entry


async def test_a_repeated_delivery_id_is_one_delivery_per_entry(store: Store) -> None:
    entries = [
        IngestEntry(make_item("alert-a"), delivery_id="d1:alert-a"),
        IngestEntry(make_item("alert-b"), delivery_id="d1:alert-b"),
    ]
    first = await store.ingest_batch(entries)
    again = await store.ingest_batch(entries)
    assert [r.status for r in again] == ["duplicate", "duplicate"]
    assert [r.id for r in again] == [r.id for r in first]
    item = await store.get_item("acme", first[0].id)
    assert item is not None and item.occurrences == 1


async def test_sqlite_stores_all_of_a_batch_or_none(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "batch.sqlite3")
    await store.open()
    # The disk refuses the third item: the two before it must not stay behind.
    assert store._conn is not None
    store._conn.execute(
        "CREATE TRIGGER refuse BEFORE INSERT ON items WHEN NEW.external_id = 'alert-c' "
        "BEGIN SELECT RAISE(ABORT, 'disk says no'); END"
    )
    entries = [IngestEntry(make_item(name)) for name in ("alert-a", "alert-b", "alert-c")]
    with pytest.raises(sqlite3.IntegrityError):
        await store.ingest_batch(entries)
    assert await store.find_item("acme", "sentry", "alert-a") is None
    assert await store.find_item("acme", "sentry", "alert-b") is None
    assert (await store.ingest(make_item("alert-a"))).status == "created"
    await store.close()


async def test_redis_stores_a_batch_in_one_script_call(redis_server: RedisServer) -> None:
    """One script run: Redis runs nothing else between the items, and sends them or none."""
    store = RedisStore(redis_server.url)
    await store.open()
    await store.create_project(Project(id="acme", name="Acme"))
    await store.ingest(make_item("warm-up"))  # the script is loaded by now
    await store.redis.config_resetstat()
    results = await store.ingest_batch([IngestEntry(make_item(f"alert-{i}")) for i in range(5)])
    assert [r.status for r in results] == ["created"] * 5
    stats = await store.redis.info("commandstats")
    # The five items in one run of the ingest script, then one signal to the workers.
    assert stats["cmdstat_evalsha"]["calls"] == 2
    await store.close()
