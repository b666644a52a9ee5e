"""The local index reads a project's vectors again only when someone else wrote them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from soulcaster_core.clustering.indexes.local import LocalIndex
from soulcaster_core.clustering.indexes.port import VectorRecord
from soulcaster_core.store.sqlite import SQLiteStore

pytestmark = pytest.mark.anyio
PROJECT = "acme"
AXES = [[1.0 if i == n else 0.0 for i in range(8)] for n in range(8)]


class CountingStore(SQLiteStore):
    loads = 0

    async def load_vectors(self, project_id: str) -> list[tuple[str, list[float], dict[str, Any]]]:
        self.loads += 1
        return await super().load_vectors(project_id)


async def test_own_writes_are_not_read_back_and_another_process_s_are(tmp_path: Path) -> None:
    store = CountingStore(tmp_path / "s.sqlite3")
    await store.open()
    other_process = SQLiteStore(tmp_path / "s.sqlite3")  # its own connection: another process
    await other_process.open()
    try:
        index = LocalIndex(store, refresh_seconds=0)
        await index.upsert(PROJECT, [VectorRecord("a0", AXES[0], {})])
        # Written by the clusters' own store step, then handed to the index.
        rows = index.store_rows(store, [VectorRecord("a1", AXES[1], {})])
        assert rows is not None
        await store.add_to_clusters(PROJECT, [], vectors=rows)
        await index.stored(PROJECT, [VectorRecord("a1", AXES[1], {})])
        for _ in range(3):
            assert [m.id for m in await index.query(PROJECT, AXES[1], 1)] == ["a1"]
        assert store.loads == 1, "what it wrote itself is not read back"

        await other_process.save_vectors(PROJECT, [("a2", AXES[2], {})])
        assert [m.id for m in await index.query(PROJECT, AXES[2], 1)] == ["a2"]
        assert store.loads == 2
        # Another index of this process (a second worker on the same store) is seen too.
        await LocalIndex(store).upsert(PROJECT, [VectorRecord("a3", AXES[3], {})])
        assert [m.id for m in await index.query(PROJECT, AXES[3], 1)] == ["a3"]
        assert store.loads == 4  # the other index's first read, then this one's
    finally:
        await other_process.close()
        await store.close()
