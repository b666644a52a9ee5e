"""``Store.ingest_batch``: a delivery's many items, stored in one atomic step, as each store
does it (what every store must do is in ``StoreContract``)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from soulcaster_core.models import Project
from soulcaster_core.store.batch import IngestEntry
from soulcaster_core.store.redis import RedisStore
from soulcaster_core.store.sqlite import SQLiteStore
from soulcaster_core.testing.store import make_item
from tests.support.redis_server import RedisServer

pytestmark = pytest.mark.anyio


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
