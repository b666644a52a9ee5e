"""Projects and their sources' config."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from typing import Any

from ...models import Project
from .connection import SQLiteBase


class ProjectsMixin(SQLiteBase):
    # -- projects ------------------------------------------------------------------------------
    async def create_project(self, project: Project) -> bool:
        def run(conn: sqlite3.Connection) -> bool:
            cur = conn.execute(
                "INSERT OR IGNORE INTO projects (id, data) VALUES (?, ?)",
                (project.id, project.model_dump_json()),
            )
            return cur.rowcount == 1

        return await self._run(run)

    async def get_project(self, project_id: str) -> Project | None:
        row = await self._run(
            lambda c: c.execute("SELECT data FROM projects WHERE id = ?", (project_id,)).fetchone()
        )
        return Project.from_stored(row["data"]) if row else None

    async def list_projects(self) -> list[Project]:
        rows = await self._run(
            lambda c: c.execute("SELECT data FROM projects ORDER BY id").fetchall()
        )
        return [Project.from_stored(row["data"]) for row in rows]

    async def save_project(self, project: Project) -> None:
        await self._run(
            lambda c: c.execute(
                "UPDATE projects SET data = ? WHERE id = ?", (project.model_dump_json(), project.id)
            )
        )

    # -- config --------------------------------------------------------------------------------
    async def get_config(
        self, project_id: str, source: str, fields: Sequence[str]
    ) -> dict[str, Any]:
        rows = await self._run(
            lambda c: c.execute(
                "SELECT field, value FROM config WHERE project = ? AND source = ?",
                (project_id, source),
            ).fetchall()
        )
        wanted = set(fields)
        return {r["field"]: json.loads(r["value"]) for r in rows if r["field"] in wanted}

    async def set_config(self, project_id: str, source: str, values: Mapping[str, Any]) -> None:
        def run(conn: sqlite3.Connection) -> None:
            with self._tx(conn):
                for field, value in values.items():
                    if value is None:
                        conn.execute(
                            "DELETE FROM config WHERE project = ? AND source = ? AND field = ?",
                            (project_id, source, field),
                        )
                    else:
                        conn.execute(
                            "INSERT OR REPLACE INTO config VALUES (?, ?, ?, ?)",
                            (project_id, source, field, json.dumps(value)),
                        )

        await self._run(run)
