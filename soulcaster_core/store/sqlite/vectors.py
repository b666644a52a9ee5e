"""The local index's vectors: a table of rows per project."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import Any

from ..port import VectorRow
from .connection import SQLiteBase

_SAVE_VECTOR = "INSERT OR REPLACE INTO vectors VALUES (?, ?, ?, ?)"


def _vector_values(project_id: str, rows: Sequence[VectorRow]) -> list[tuple[str, str, str, str]]:
    return [
        (project_id, vector_id, json.dumps(list(vector)), json.dumps(dict(metadata)))
        for vector_id, vector, metadata in rows
    ]


class VectorsMixin(SQLiteBase):
    async def save_vectors(self, project_id: str, rows: Sequence[VectorRow]) -> None:
        values = _vector_values(project_id, rows)

        def run(conn: sqlite3.Connection) -> None:
            with self._tx(conn):
                conn.executemany(_SAVE_VECTOR, values)

        await self._run(run)
        self._wrote_vectors(project_id)

    async def vectors_stamp(self, project_id: str) -> tuple[int, int] | None:
        here = self._vector_writes.get(project_id, 0)
        # ``data_version`` moves when another connection (another process) commits to the
        # file; this connection's own commits leave it be.
        row = await self._run(lambda c: c.execute("PRAGMA data_version").fetchone())
        return int(row[0]), here

    async def load_vectors(self, project_id: str) -> list[tuple[str, list[float], dict[str, Any]]]:
        rows = await self._run(
            lambda c: c.execute(
                "SELECT id, vector, metadata FROM vectors WHERE project = ? ORDER BY id",
                (project_id,),
            ).fetchall()
        )
        return [(r["id"], json.loads(r["vector"]), json.loads(r["metadata"])) for r in rows]

    async def delete_vectors(self, project_id: str, vector_ids: Sequence[str]) -> None:
        await self._run(
            lambda c: c.executemany(
                "DELETE FROM vectors WHERE project = ? AND id = ?",
                [(project_id, vid) for vid in vector_ids],
            )
        )
        self._wrote_vectors(project_id)
