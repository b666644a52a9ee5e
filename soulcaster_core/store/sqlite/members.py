"""A cluster's record and its members, written inside the callers' transactions: the
record's counters move with the members it gains or loses (``store/cluster_records.py``).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from typing import Any

from ...models import Cluster, utcnow
from ..cluster_records import doc_json, from_record, seen
from ..port import ClusterGrowth, ClusterMember, iso
from . import cluster_tallies

_SAVE_RECORD = "INSERT OR REPLACE INTO cluster_records VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
#: Members one INSERT names (three parameters each: well under SQLite's limit).
_MEMBERS_PER_INSERT = 500


def _record_values(cluster: Cluster, sources: Mapping[str, int]) -> tuple[Any, ...]:
    return (
        cluster.project_id,
        cluster.id,
        doc_json(cluster),
        cluster.item_count,
        cluster.occurrence_count,
        seen(cluster.first_seen),
        seen(cluster.last_seen),
        json.dumps(dict(sources)),
    )


def _cluster_of(row: sqlite3.Row, services: Mapping[str, int]) -> Cluster:
    return from_record(
        row["doc"],
        row["items"],
        row["occurrences"],
        row["first_seen"],
        row["last_seen"],
        json.loads(row["sources"]),
        services,
    )


def _clusters_of(
    conn: sqlite3.Connection, project_id: str, rows: Sequence[sqlite3.Row]
) -> list[Cluster]:
    services = cluster_tallies.services_of(conn, project_id, [row["id"] for row in rows])
    return [_cluster_of(row, services.get(row["id"], {})) for row in rows]


def _regress(conn: sqlite3.Connection, project_id: str, cluster_ids: Sequence[str]) -> None:
    """A resolved cluster that gained items is regressed (cluster_status.py)."""
    if cluster_ids:
        conn.execute(
            "UPDATE cluster_status SET status = 'regressed', at = ? WHERE project = ?"
            f" AND status = 'resolved' AND cluster_id IN ({','.join('?' * len(cluster_ids))})",
            (iso(utcnow()), project_id, *cluster_ids),
        )


def _delete_cluster(conn: sqlite3.Connection, project_id: str, cluster_id: str) -> None:
    cluster_tallies.delete(conn, project_id, cluster_id)
    conn.execute(
        "DELETE FROM cluster_records WHERE project = ? AND id = ?", (project_id, cluster_id)
    )
    conn.execute(
        "DELETE FROM cluster_members WHERE project = ? AND cluster_id = ?", (project_id, cluster_id)
    )


def _add_members(
    conn: sqlite3.Connection, project_id: str, growths: Sequence[ClusterGrowth]
) -> list[str]:
    """Count in the members each cluster does not list yet, making records where need be;
    the ids of the clusters that gained a member. A few statements for the whole batch,
    whatever the number of clusters it touches."""
    if not growths:
        return []
    clusters = {cluster.id: cluster for cluster, _ in growths}
    ids = list(clusters)
    marks = ",".join("?" * len(ids))
    # The counters only: a record's JSON is neither read nor rewritten by a batch.
    rows = {
        row["id"]: row
        for row in conn.execute(
            "SELECT id, items, occurrences, first_seen, last_seen, sources FROM cluster_records"
            f" WHERE project = ? AND id IN ({marks})",
            (project_id, *ids),
        )
    }
    wanted = {(cluster.id, m.item_id): m for cluster, members in growths for m in members}
    added: set[tuple[str, str]] = set()
    pairs = list(wanted)
    for at in range(0, len(pairs), _MEMBERS_PER_INSERT):
        chunk = pairs[at : at + _MEMBERS_PER_INSERT]
        # Only the members not listed yet come back: a replayed batch counts nothing twice.
        added.update(
            (row[0], row[1])
            for row in conn.execute(
                "INSERT OR IGNORE INTO cluster_members (project, cluster_id, item_id) VALUES "
                + ",".join("(?, ?, ?)" for _ in chunk)
                + " RETURNING cluster_id, item_id",
                [value for cid, item in chunk for value in (project_id, cid, item)],
            ).fetchall()
        )
    fresh_of: dict[str, list[ClusterMember]] = {}
    for (cid, item), m in wanted.items():
        if (cid, item) in added:
            fresh_of.setdefault(cid, []).append(m)
    cluster_tallies.count_in(conn, project_id, fresh_of)
    counted, made = [], []
    for cluster in clusters.values():
        fresh = fresh_of.get(cluster.id, [])
        row = rows.get(cluster.id)
        if row is None:
            items, occurrences, first, last, sources = 0, 0, "", "", {}
        elif not fresh:
            continue
        else:
            items, occurrences = row["items"], row["occurrences"]
            first, last, sources = row["first_seen"], row["last_seen"], json.loads(row["sources"])
        for m in fresh:
            sources[m.source] = sources.get(m.source, 0) + 1
        if fresh:
            # Fixed-width ISO strings: string order is time order.
            first = min(first or "~", seen(min(m.first_seen for m in fresh)))
            last = max(last, seen(max(m.last_seen for m in fresh)))
        items += len(fresh)
        occurrences += sum(m.occurrences for m in fresh)
        if row is None:
            made.append(
                (
                    project_id,
                    cluster.id,
                    doc_json(cluster),
                    items,
                    occurrences,
                    first,
                    last,
                    json.dumps(sources),
                )
            )
        else:
            counted.append(
                (items, occurrences, first, last, json.dumps(sources), project_id, cluster.id)
            )
    conn.executemany(_SAVE_RECORD, made)
    conn.executemany(
        "UPDATE cluster_records SET items = ?, occurrences = ?, first_seen = ?, last_seen = ?,"
        " sources = ? WHERE project = ? AND id = ?",
        counted,
    )
    return [cid for cid in ids if cid in fresh_of]


def _remove_members(
    conn: sqlite3.Connection, project_id: str, cluster_id: str, members: Sequence[ClusterMember]
) -> Cluster | None:
    row = conn.execute(
        "SELECT * FROM cluster_records WHERE project = ? AND id = ?", (project_id, cluster_id)
    ).fetchone()
    if row is None:
        return None
    cluster, sources = _cluster_of(row, {}), json.loads(row["sources"])
    out: list[ClusterMember] = []
    for m in {m.item_id: m for m in members}.values():
        gone = conn.execute(
            "DELETE FROM cluster_members WHERE project = ? AND cluster_id = ? AND item_id = ?",
            (project_id, cluster_id, m.item_id),
        ).rowcount
        if gone:
            out.append(m)
            cluster.item_count -= 1
            cluster.occurrence_count -= m.occurrences
            sources[m.source] = sources.get(m.source, 0) - 1
            if sources[m.source] <= 0:
                del sources[m.source]
    cluster_tallies.count_out(conn, project_id, cluster_id, out)
    left = conn.execute(
        "SELECT 1 FROM cluster_members WHERE project = ? AND cluster_id = ? LIMIT 1",
        (project_id, cluster_id),
    ).fetchone()
    if left is None:
        _delete_cluster(conn, project_id, cluster_id)
        return None
    cluster.occurrence_count = max(cluster.occurrence_count, cluster.item_count)
    conn.execute(_SAVE_RECORD, _record_values(cluster, sources))
    cluster.sources = sorted(sources)
    cluster.services = sorted(
        cluster_tallies.services_of(conn, project_id, [cluster_id]).get(cluster_id, {})
    )
    return cluster
