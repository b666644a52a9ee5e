"""The SQLite file carries its schema version, so upgrades change old files instead of
breaking on them, and an older Soulcaster refuses a file it would misread."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from soulcaster_core.models import Cluster, FeedbackItem, Project
from soulcaster_core.store.port import ClusterMember
from soulcaster_core.store.sqlite import MIGRATIONS, SQLiteStore
from soulcaster_core.store.sqlite import schema as sqlite_schema

pytestmark = pytest.mark.anyio


def _version(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])


async def _store_with_one_item(path: Path) -> str:
    store = SQLiteStore(path)
    await store.open()
    await store.create_project(Project(id="acme", name="Acme"))
    item = FeedbackItem(project_id="acme", source="manual", external_id="e1", title="Kept")
    result = await store.ingest(item)
    await store.close()
    return result.id


async def test_a_new_file_is_at_the_latest_version(tmp_path: Path) -> None:
    await _store_with_one_item(tmp_path / "s.sqlite3")
    assert _version(tmp_path / "s.sqlite3") == len(MIGRATIONS)


def _schema(conn: sqlite3.Connection) -> list[tuple[str, str, str, str | None]]:
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name")
    return [tuple(row) for row in rows]


async def test_a_new_file_has_the_schema_the_steps_build_one_by_one(tmp_path: Path) -> None:
    """A new file is made at once (``migrate``'s shortcut), not step by step: the same tables,
    columns, keys and indexes either way."""
    store = SQLiteStore(tmp_path / "new.sqlite3")
    await store.open()
    await store.close()
    with (
        sqlite3.connect(tmp_path / "new.sqlite3") as new,
        sqlite3.connect(tmp_path / "stepped.sqlite3", isolation_level=None) as stepped,
    ):
        sqlite_schema._take_steps(stepped, 0, MIGRATIONS)
        assert _schema(new) == _schema(stepped)
        assert len(_schema(new)) > 20
    assert _version(tmp_path / "new.sqlite3") == _version(tmp_path / "stepped.sqlite3")


async def test_a_file_from_before_versioning_opens_with_its_data(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    item_id = await _store_with_one_item(path)
    with sqlite3.connect(path) as conn:  # as the first releases left it: tables, no version
        conn.execute("PRAGMA user_version = 0")
    store = SQLiteStore(path)
    await store.open()
    item = await store.get_item("acme", item_id)
    assert item is not None and item.title == "Kept"
    await store.close()
    assert _version(path) == len(MIGRATIONS)


async def test_a_new_step_runs_once_on_an_existing_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "s.sqlite3"
    item_id = await _store_with_one_item(path)
    step = ("ALTER TABLE items ADD COLUMN priority TEXT",)
    monkeypatch.setattr(sqlite_schema, "MIGRATIONS", (*MIGRATIONS, step))
    for _ in range(2):  # a second open must not add the column again (that would fail)
        store = SQLiteStore(path)
        await store.open()
        assert (await store.get_item("acme", item_id)) is not None
        await store.close()
    with sqlite3.connect(path) as conn:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(items)")}
    assert "priority" in columns
    assert _version(path) == len(MIGRATIONS) + 1


async def test_a_failing_step_leaves_the_file_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "s.sqlite3"
    await _store_with_one_item(path)
    broken = ("ALTER TABLE items ADD COLUMN priority TEXT", "ALTER TABLE nowhere ADD COLUMN x")
    monkeypatch.setattr(sqlite_schema, "MIGRATIONS", (*MIGRATIONS, broken))
    with pytest.raises(sqlite3.OperationalError, match="nowhere"):
        await SQLiteStore(path).open()
    with sqlite3.connect(path) as conn:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(items)")}
    assert "priority" not in columns, "half a step would be a schema no version describes"
    assert _version(path) == len(MIGRATIONS)


async def test_a_file_from_a_newer_release_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    await _store_with_one_item(path)
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 3}")
    with pytest.raises(RuntimeError, match="newer Soulcaster"):
        await SQLiteStore(path).open()


async def test_cluster_documents_of_an_older_file_become_records_and_members(
    tmp_path: Path,
) -> None:
    path = tmp_path / "s.sqlite3"
    item_id = await _store_with_one_item(path)
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
    document = {**old.model_dump(mode="json"), "item_ids": [item_id, "gone-since"]}
    with sqlite3.connect(path) as conn:  # as version 3 left it: one document per cluster
        conn.execute("DROP TABLE cluster_records")
        conn.execute("DROP TABLE cluster_members")
        conn.execute(
            "CREATE TABLE clusters (id TEXT NOT NULL, project TEXT NOT NULL, data TEXT NOT NULL,"
            " PRIMARY KEY (project, id))"
        )
        conn.execute("INSERT INTO clusters VALUES ('c1', 'acme', ?)", (json.dumps(document),))
        conn.execute("PRAGMA user_version = 3")
    store = SQLiteStore(path)
    await store.open()
    try:
        assert await store.get_cluster("acme", "c1") == old
        assert await store.cluster_item_ids("acme", "c1") == ([item_id, "gone-since"], None)
        # The stored member counts for its source: taking it out leaves the other source.
        at = datetime(2024, 5, 2, tzinfo=UTC)
        member = ClusterMember(item_id, "manual", 1, at, at)
        left = await store.remove_from_cluster("acme", "c1", [member])
        assert left is not None and (left.item_count, left.sources) == (1, ["sentry"])
    finally:
        await store.close()
    with sqlite3.connect(path) as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    assert "clusters" not in tables
    assert _version(path) == len(MIGRATIONS)
