"""Incidents: records, links and keys (``incident_rows.py``), and the items' incidents in a
table of their own."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import datetime

from ...incidents.model import Incident, IncidentChanges, IncidentUpdate, IncidentWork
from . import incident_rows
from .connection import SQLiteBase


class IncidentsMixin(SQLiteBase):
    async def update_incidents(
        self,
        project_id: str,
        incident_ids: Sequence[str],
        update: IncidentUpdate,
        *,
        open_since: datetime | None = None,
        keys: Sequence[str] | None = None,
        items: Sequence[str] = (),
        reopen: Sequence[str] = (),
        reopen_since: datetime | None = None,
    ) -> IncidentChanges:
        work = IncidentWork(update, open_since, keys, items, reopen, reopen_since)

        def run(conn: sqlite3.Connection) -> IncidentChanges:
            # Read, update and write in one write transaction: no other writer in between.
            try:
                with self._tx(conn):
                    return incident_rows.update(
                        conn, project_id, incident_ids, work, self._incident_cache
                    )
            except BaseException:
                self._incident_cache.drop(project_id)  # it may hold what was not written
                raise

        return await self._run(run)

    async def get_incidents(self, project_id: str, incident_ids: Sequence[str]) -> list[Incident]:
        if not incident_ids:
            return []
        ids = list(incident_ids)
        return await self._run(lambda c: incident_rows.get(c, project_id, ids))

    async def list_incidents(
        self, project_id: str, *, limit: int = 50, open_only: bool = False
    ) -> list[Incident]:
        sql = "SELECT data FROM incidents WHERE project = ?"
        sql += " AND open = 1" if open_only else ""
        sql += " ORDER BY last_seen DESC LIMIT ?"
        rows = await self._run(lambda c: c.execute(sql, (project_id, limit)).fetchall())
        return incident_rows.records(rows)
