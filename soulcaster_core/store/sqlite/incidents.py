"""Incidents: a table of records, and the items' incidents in one of their own."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import datetime

from ...incidents.model import Incident, IncidentChanges, IncidentUpdate
from ..port import iso
from .connection import SQLiteBase


class IncidentsMixin(SQLiteBase):
    async def update_incidents(
        self,
        project_id: str,
        incident_ids: Sequence[str],
        update: IncidentUpdate,
        *,
        open_since: datetime | None = None,
    ) -> IncidentChanges:
        marks = ",".join("?" * len(incident_ids))
        since = "" if open_since is None else iso(open_since)

        def run(conn: sqlite3.Connection) -> IncidentChanges:
            # Read, update and write in one write transaction: no other writer in between.
            with self._tx(conn):
                sql = (
                    "SELECT data FROM incidents WHERE project = ? AND (open = 1 AND last_seen >= ?"
                )
                sql += f" OR id IN ({marks}))" if incident_ids else ")"
                rows = conn.execute(sql, (project_id, since, *incident_ids))
                found = {
                    i.id: i for i in (Incident.model_validate_json(row["data"]) for row in rows)
                }
                changes = update(found)
                conn.executemany(
                    "INSERT OR REPLACE INTO incidents VALUES (?, ?, ?, ?, ?)",
                    [
                        (
                            project_id,
                            i.id,
                            i.stored_json(),
                            int(i.status == "open"),
                            iso(i.last_seen),
                        )
                        for i in changes.incidents
                    ],
                )
                # Only an item that exists joins an incident.
                conn.executemany(
                    "INSERT OR REPLACE INTO item_incidents SELECT project, id, ? FROM items"
                    " WHERE project = ? AND id = ?",
                    [(incident, project_id, i) for i, incident in changes.items if incident],
                )
                conn.executemany(
                    "DELETE FROM item_incidents WHERE project = ? AND item_id = ?",
                    [(project_id, i) for i, incident in changes.items if not incident],
                )
                # The cluster's record gets its incident in place: SQLite edits its JSON.
                conn.executemany(
                    "UPDATE cluster_records SET doc = json_set(doc, '$.incident_id', ?)"
                    " WHERE project = ? AND id = ?",
                    [
                        (incident, project_id, cluster_id)
                        for cluster_id, incident in changes.clusters
                    ],
                )
                return changes

        return await self._run(run)

    async def get_incidents(self, project_id: str, incident_ids: Sequence[str]) -> list[Incident]:
        if not incident_ids:
            return []
        marks = ",".join("?" * len(incident_ids))
        rows = await self._run(
            lambda c: c.execute(
                f"SELECT id, data FROM incidents WHERE project = ? AND id IN ({marks})",
                (project_id, *incident_ids),
            ).fetchall()
        )
        found = {row["id"]: Incident.model_validate_json(row["data"]) for row in rows}
        return [found[i] for i in incident_ids if i in found]

    async def list_incidents(
        self, project_id: str, *, limit: int = 50, open_only: bool = False
    ) -> list[Incident]:
        sql = "SELECT data FROM incidents WHERE project = ?"
        sql += " AND open = 1" if open_only else ""
        sql += " ORDER BY last_seen DESC LIMIT ?"
        rows = await self._run(lambda c: c.execute(sql, (project_id, limit)).fetchall())
        return [Incident.model_validate_json(row["data"]) for row in rows]
