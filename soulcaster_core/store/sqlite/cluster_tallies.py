"""What a cluster counts of its members besides its record, in SQLite: a count per service
(``Cluster.services``, kept like the record's count per source) and the occurrences its members
brought per hour (``Store.cluster_hours``, the problem stream's sparklines and trend).

Both are tables of their own, counted in and out in the same transaction as the members
(``_add_members``, ``_remove_members`` in ``members.py``). Redis keeps the same in the record's
hash (``svc:<service>``) and a hash per cluster (``store/redis/clusters.py``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping, Sequence

from ...timestamps import hour_bucket
from ..port import CLUSTER_HOURS_KEPT, ClusterMember

#: Schema step 5 (``schema.MIGRATIONS``).
TABLES = (
    "CREATE TABLE IF NOT EXISTS cluster_services ("
    " project TEXT NOT NULL, cluster_id TEXT NOT NULL, service TEXT NOT NULL,"
    " n INTEGER NOT NULL, PRIMARY KEY (project, cluster_id, service))",
    "CREATE TABLE IF NOT EXISTS cluster_hours ("
    " project TEXT NOT NULL, cluster_id TEXT NOT NULL, hour INTEGER NOT NULL,"
    " n INTEGER NOT NULL, PRIMARY KEY (project, cluster_id, hour))",
    "CREATE INDEX IF NOT EXISTS cluster_hours_by_hour ON cluster_hours (project, hour)",
)
#: Ids one statement names (well under SQLite's limit of parameters).
_IDS_PER_SELECT = 500


def hour_counts(members: Iterable[ClusterMember]) -> dict[int, int]:
    """The occurrences ``members`` bring, per hour: all of a member's in the hour it was last
    seen (a member seldom has more than one when it joins; a merged one keeps its total)."""
    counts: dict[int, int] = {}
    for m in members:
        hour = hour_bucket(m.last_seen)
        counts[hour] = counts.get(hour, 0) + m.occurrences
    return counts


def _service_counts(members: Iterable[ClusterMember]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for m in members:
        if m.service:
            counts[m.service] = counts.get(m.service, 0) + 1
    return counts


def count_in(
    conn: sqlite3.Connection, project_id: str, fresh: Mapping[str, Sequence[ClusterMember]]
) -> None:
    """Count in the members each cluster just listed (``fresh``: by cluster id)."""
    services, hours = [], []
    for cluster_id, members in fresh.items():
        services += [(project_id, cluster_id, s, n) for s, n in _service_counts(members).items()]
        hours += [(project_id, cluster_id, h, n) for h, n in hour_counts(members).items()]
    conn.executemany(
        "INSERT INTO cluster_services VALUES (?, ?, ?, ?)"
        " ON CONFLICT DO UPDATE SET n = n + excluded.n",
        services,
    )
    conn.executemany(
        "INSERT INTO cluster_hours VALUES (?, ?, ?, ?)"
        " ON CONFLICT DO UPDATE SET n = n + excluded.n",
        hours,
    )
    if hours:  # hours past the sparklines' reach go (an index range; Redis trims alike)
        latest = max(hour for _, _, hour, _ in hours)
        conn.execute(
            "DELETE FROM cluster_hours WHERE project = ? AND hour < ?",
            (project_id, latest - CLUSTER_HOURS_KEPT),
        )


def count_repeat(conn: sqlite3.Connection, project_id: str, cluster_id: str, hour: int) -> None:
    """Count one more occurrence of a member the cluster lists already, in ``hour``."""
    conn.execute(
        "INSERT INTO cluster_hours VALUES (?, ?, ?, 1) ON CONFLICT DO UPDATE SET n = n + 1",
        (project_id, cluster_id, hour),
    )


def count_out(
    conn: sqlite3.Connection, project_id: str, cluster_id: str, gone: Sequence[ClusterMember]
) -> None:
    """Count out the members the cluster no longer lists (never below zero)."""
    key = (project_id, cluster_id)
    for table, column, counts in (
        ("cluster_services", "service", _service_counts(gone)),
        ("cluster_hours", "hour", hour_counts(gone)),
    ):
        conn.executemany(
            f"UPDATE {table} SET n = n - ? WHERE project = ? AND cluster_id = ? AND {column} = ?",
            [(n, *key, value) for value, n in counts.items()],
        )
        conn.execute(f"DELETE FROM {table} WHERE project = ? AND cluster_id = ? AND n <= 0", key)


def delete(conn: sqlite3.Connection, project_id: str, cluster_id: str) -> None:
    for table in ("cluster_services", "cluster_hours"):
        conn.execute(
            f"DELETE FROM {table} WHERE project = ? AND cluster_id = ?", (project_id, cluster_id)
        )


def save_services(
    conn: sqlite3.Connection, project_id: str, cluster_id: str, services: Sequence[str]
) -> None:
    """As a saved record's sources: a listed service keeps its count (1 when new), others go."""
    key = (project_id, cluster_id)
    marks = ",".join("?" * len(services))
    conn.execute(
        "DELETE FROM cluster_services WHERE project = ? AND cluster_id = ?"
        f" AND service NOT IN ({marks})",
        (*key, *services),
    )
    conn.executemany(
        "INSERT OR IGNORE INTO cluster_services VALUES (?, ?, ?, 1)", [(*key, s) for s in services]
    )


def services_of(
    conn: sqlite3.Connection, project_id: str, cluster_ids: Sequence[str]
) -> dict[str, dict[str, int]]:
    """``{cluster_id: {service: items}}`` of the clusters that list any."""
    found: dict[str, dict[str, int]] = {}
    for at in range(0, len(cluster_ids), _IDS_PER_SELECT):
        chunk = cluster_ids[at : at + _IDS_PER_SELECT]
        for cluster_id, service, n in conn.execute(
            "SELECT cluster_id, service, n FROM cluster_services WHERE project = ?"
            f" AND cluster_id IN ({','.join('?' * len(chunk))})",
            (project_id, *chunk),
        ):
            found.setdefault(cluster_id, {})[service] = n
    return found


def hours_of(
    conn: sqlite3.Connection, project_id: str, cluster_ids: Sequence[str], first: int, last: int
) -> dict[str, dict[int, int]]:
    found: dict[str, dict[int, int]] = {}
    for at in range(0, len(cluster_ids), _IDS_PER_SELECT):
        chunk = cluster_ids[at : at + _IDS_PER_SELECT]
        for cluster_id, hour, n in conn.execute(
            "SELECT cluster_id, hour, n FROM cluster_hours WHERE project = ?"
            f" AND hour BETWEEN ? AND ? AND cluster_id IN ({','.join('?' * len(chunk))})",
            (project_id, first, last, *chunk),
        ):
            found.setdefault(cluster_id, {})[hour] = n
    return found
