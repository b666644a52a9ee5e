"""Clusters: a record and its members apart (``store/cluster_records.py``), the items'
assignments, and each cluster's status.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import datetime

from ...incidents.model import IncidentWork
from ...models import Cluster
from ..cluster_records import parse_position
from ..port import ClusterGrowth, ClusterMember, ItemClusterRow, VectorRow, iso
from . import cluster_tallies, incident_rows
from .connection import SQLiteBase
from .members import (
    _SAVE_RECORD,
    _add_members,
    _clusters_of,
    _delete_cluster,
    _record_values,
    _regress,
    _remove_members,
)
from .vectors import _SAVE_VECTOR, _vector_values

_SET_ITEM_CLUSTER = "UPDATE items SET cluster_id = ?, clustering = ? WHERE project = ? AND id = ?"
#: The same, with the incident the batch's incident step put the item in (``NULL``: as it was).
_SET_ITEM_CLUSTER_AND_INCIDENT = (
    "UPDATE items SET cluster_id = ?, clustering = ?, incident_id = coalesce(?, incident_id)"
    " WHERE project = ? AND id = ?"
)


def _assignment_values(
    project_id: str, rows: Sequence[ItemClusterRow]
) -> list[tuple[str | None, str, str, str]]:
    # Items of one batch often share one assignment (one template): each is encoded once.
    encoded: dict[int, str] = {}
    values = []
    for item_id, cluster_id, assignment in rows:
        text = encoded.get(id(assignment))
        if text is None:
            text = encoded[id(assignment)] = json.dumps(dict(assignment))
        values.append((cluster_id, text, project_id, item_id))
    return values


class ClustersMixin(SQLiteBase):
    # -- clusters (a record and its members apart: store/cluster_records.py) --------------------
    async def save_clusters(self, clusters: Sequence[Cluster]) -> None:
        def run(conn: sqlite3.Connection) -> None:
            with self._tx(conn):
                for c in clusters:
                    before = conn.execute(
                        "SELECT sources FROM cluster_records WHERE project = ? AND id = ?",
                        (c.project_id, c.id),
                    ).fetchone()
                    counts = json.loads(before["sources"]) if before else {}
                    # A listed source keeps its count (1 when new); an unlisted one goes.
                    sources = {s: counts.get(s, 1) for s in c.sources}
                    conn.execute(_SAVE_RECORD, _record_values(c, sources))
                    cluster_tallies.save_services(conn, c.project_id, c.id, c.services)

        await self._run(run)

    async def get_clusters(self, project_id: str, cluster_ids: Sequence[str]) -> list[Cluster]:
        if not cluster_ids:
            return []
        marks = ",".join("?" * len(cluster_ids))

        def run(conn: sqlite3.Connection) -> list[Cluster]:
            rows = conn.execute(
                f"SELECT * FROM cluster_records WHERE project = ? AND id IN ({marks})",
                (project_id, *cluster_ids),
            ).fetchall()
            return _clusters_of(conn, project_id, rows)

        found = {c.id: c for c in await self._run(run)}
        return [found[i] for i in cluster_ids if i in found]

    async def list_clusters(
        self, project_id: str, *, limit: int = 100, cursor: str | None = None
    ) -> tuple[list[Cluster], str | None]:
        start = parse_position(cursor)

        def run(conn: sqlite3.Connection) -> tuple[list[Cluster], bool]:
            rows = conn.execute(
                "SELECT * FROM cluster_records WHERE project = ?"
                " ORDER BY last_seen DESC, id DESC LIMIT ? OFFSET ?",
                (project_id, limit + 1, start),
            ).fetchall()
            return _clusters_of(conn, project_id, rows[:limit]), len(rows) > limit

        page, more = await self._run(run)
        return page, str(start + limit) if more else None

    async def count_clusters(self, project_id: str) -> int:
        row = await self._run(
            lambda c: c.execute(
                "SELECT COUNT(*) AS n FROM cluster_records WHERE project = ?", (project_id,)
            ).fetchone()
        )
        return int(row["n"])

    async def delete_cluster(self, project_id: str, cluster_id: str) -> None:
        def run(conn: sqlite3.Connection) -> None:
            with self._tx(conn):
                _delete_cluster(conn, project_id, cluster_id)

        await self._run(run)

    async def cluster_item_ids(
        self, project_id: str, cluster_id: str, *, limit: int = 100, cursor: str | None = None
    ) -> tuple[list[str], str | None]:
        # The cursor is the row number of the last member shown: members that join or leave
        # meanwhile move no one else's place.
        after = parse_position(cursor)
        rows = await self._run(
            lambda c: c.execute(
                "SELECT seq, item_id FROM cluster_members"
                " WHERE project = ? AND cluster_id = ? AND seq > ? ORDER BY seq LIMIT ?",
                (project_id, cluster_id, after, limit + 1),
            ).fetchall()
        )
        page = rows[:limit]
        more = len(rows) > limit
        return [r["item_id"] for r in page], str(page[-1]["seq"]) if more else None

    async def set_item_clusters(self, project_id: str, rows: Sequence[ItemClusterRow]) -> None:
        values = _assignment_values(project_id, rows)

        def run(conn: sqlite3.Connection) -> None:
            with self._tx(conn):
                conn.executemany(_SET_ITEM_CLUSTER, values)

        await self._run(run)

    async def add_to_clusters(
        self,
        project_id: str,
        growths: Sequence[ClusterGrowth],
        rows: Sequence[ItemClusterRow] = (),
        vectors: Sequence[VectorRow] = (),
        incidents: IncidentWork | None = None,
    ) -> None:
        values = _assignment_values(project_id, rows)
        vector_values = _vector_values(project_id, vectors)

        def run(conn: sqlite3.Connection) -> None:
            # One write transaction: no other writer in between.
            if incidents is None:
                with self._tx(conn):
                    _regress(conn, project_id, _add_members(conn, project_id, growths))
                    conn.executemany(_SET_ITEM_CLUSTER, values)
                    conn.executemany(_SAVE_VECTOR, vector_values)
                return
            try:
                with self._tx(conn):
                    in_step(conn, incidents)
            except BaseException:
                self._incident_cache.drop(project_id)  # it may hold what was not written
                raise

        def in_step(conn: sqlite3.Connection, incidents: IncidentWork) -> None:
            # The incident step decides first (it reads none of what the clusters write),
            # so that each item's incident goes in the row update that sets its cluster;
            # through the copy of the incidents this process keeps (the file's, unless
            # another connection wrote: then it is read again).
            cached = incident_rows.copy_of(conn, self._incident_cache, project_id)
            changes, stale = incident_rows.decide(conn, project_id, (), incidents, cached)
            placed = {item_id: incident for item_id, incident in changes.items if incident}
            _regress(conn, project_id, _add_members(conn, project_id, growths))
            conn.executemany(
                _SET_ITEM_CLUSTER_AND_INCIDENT,
                [(c, a, placed.get(i), p, i) for c, a, p, i in values],
            )
            conn.executemany(_SAVE_VECTOR, vector_values)
            # After the clusters: a new cluster gets its incident.
            written = placed.keys() & {item_id for item_id, _, _ in rows}
            incident_rows.write(conn, project_id, changes, stale, items_written=written)
            # The records are the copy's own or kept by it: ``changes`` goes nowhere else.
            if not cached.apply(changes, stale, copy=False):
                self._incident_cache.drop(project_id)

        await self._run(run)
        if vector_values:
            self._wrote_vectors(project_id)

    async def cluster_hours(
        self, project_id: str, cluster_ids: Sequence[str], first: int, last: int
    ) -> dict[str, dict[int, int]]:
        ids = list(cluster_ids)
        return await self._run(lambda c: cluster_tallies.hours_of(c, project_id, ids, first, last))

    # -- cluster status ------------------------------------------------------------------------
    async def set_cluster_status(
        self, project_id: str, cluster_id: str, status: str, at: datetime
    ) -> None:
        await self._run(
            lambda c: c.execute(
                "INSERT OR REPLACE INTO cluster_status VALUES (?, ?, ?, ?)",
                (project_id, cluster_id, status, iso(at)),
            )
        )

    async def cluster_statuses(
        self, project_id: str, cluster_ids: Sequence[str] | None = None
    ) -> dict[str, dict[str, str]]:
        sql = "SELECT cluster_id, status, at FROM cluster_status WHERE project = ?"
        args: tuple[str, ...] = (project_id,)
        if cluster_ids is not None:
            if not cluster_ids:
                return {}
            sql += f" AND cluster_id IN ({','.join('?' * len(cluster_ids))})"
            args += tuple(cluster_ids)
        rows = await self._run(lambda c: c.execute(sql, args).fetchall())
        return {r["cluster_id"]: {"status": r["status"], "at": r["at"]} for r in rows}

    async def remove_from_cluster(
        self, project_id: str, cluster_id: str, members: Sequence[ClusterMember]
    ) -> Cluster | None:
        def run(conn: sqlite3.Connection) -> Cluster | None:
            with self._tx(conn):
                return _remove_members(conn, project_id, cluster_id, members)

        return await self._run(run)
