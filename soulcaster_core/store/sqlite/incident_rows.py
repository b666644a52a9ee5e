"""Incident rows: a record per incident (``incidents``), its links apart (``incident_links``,
in the order they came) and its keys (``incident_keys``: per value the rule matches on, the
latest link that holds it). Functions of a connection, run inside the store's transactions
(``update_incidents``, and ``add_to_clusters`` with an ``IncidentWork``).

A record written before links were kept apart holds them in its JSON: it reads as it did, and
the rule writes it whole (links to their table, keys made) the first time it changes it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from datetime import datetime

from ...incidents.keys import Dumps, load_key, writes_of
from ...incidents.model import (
    Incident,
    IncidentChanges,
    IncidentLink,
    IncidentState,
    IncidentWork,
    KeyId,
    KeyLinks,
)
from ..port import iso


def _move_links_out(conn: sqlite3.Connection) -> None:
    """Schema step 6: records that held their links get them and their keys put apart."""
    for row in conn.execute("SELECT project, data FROM incidents").fetchall():
        incident = Incident.model_validate_json(row["data"])
        if incident.links:
            changes = IncidentChanges(incidents=[incident], whole={incident.id})
            write(conn, row["project"], changes)


#: Schema step 6.
TABLES = (
    "CREATE TABLE IF NOT EXISTS incident_links ("
    " seq INTEGER PRIMARY KEY AUTOINCREMENT, project TEXT NOT NULL,"
    " incident_id TEXT NOT NULL, data TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS incident_links_in_order"
    " ON incident_links (project, incident_id, seq)",
    # By key: a batch finds the incidents that hold its values, not every open one.
    "CREATE TABLE IF NOT EXISTS incident_keys ("
    " project TEXT NOT NULL, key TEXT NOT NULL, incident_id TEXT NOT NULL, data TEXT NOT NULL,"
    " PRIMARY KEY (project, key, incident_id))",
    "CREATE INDEX IF NOT EXISTS incident_keys_by_incident ON incident_keys (project, incident_id)",
    _move_links_out,
)


def _marks(values: Sequence[object]) -> str:
    return ",".join("?" * len(values))


#: Lists up to this long are named by marks, padded to a power of two with repeats of their last
#: value: a few statement texts, each prepared once and then reused from the connection's cache.
#: Reading a JSON argument (``json_each``) costs more than a short list is worth (a small batch
#: names a few keys and items); a longer list goes as one, whatever its length.
_MARKED = 64


def _in(values: Sequence[str]) -> tuple[str, list[str]]:
    """``IN (...)`` for ``values`` (not empty), and its parameters."""
    if len(values) > _MARKED:
        return "IN (SELECT value FROM json_each(?))", [json.dumps(list(values))]
    size = 1 << (len(values) - 1).bit_length()
    return f"IN ({_marks(range(size))})", [*values, *[values[-1]] * (size - len(values))]


def read_state(
    conn: sqlite3.Connection,
    project_id: str,
    incident_ids: Sequence[str],
    since: datetime | None,
    keys: Sequence[str] | None,
    items: Sequence[str],
) -> tuple[IncidentState, list[KeyId]]:
    """What ``update_incidents`` reads, and the keys of incidents no longer open (to drop)."""
    after = "" if since is None else iso(since)
    held: dict[KeyId, KeyLinks] = {}
    stale: list[KeyId] = []
    placed: set[str] = set()
    if keys is None:
        sql = "SELECT data FROM incidents WHERE project = ? AND (open = 1 AND last_seen >= ?"
        sql += f" OR id IN ({_marks(incident_ids)}))" if incident_ids else ")"
        raw = [row["data"] for row in conn.execute(sql, (project_id, after, *incident_ids))]
        placed.update(_placed(conn, project_id, items))
    else:
        # The keys with their incidents' records, and which items are placed: one statement.
        records: dict[str, str] = {}
        parts: list[str] = []
        args: list[str] = []
        if keys:
            marks, values = _in(keys)
            parts.append(
                "SELECT k.incident_id, k.key, k.data, i.open, i.last_seen, i.data AS record"
                " FROM incident_keys AS k"
                " LEFT JOIN incidents AS i ON i.project = k.project AND i.id = k.incident_id"
                f" WHERE k.project = ? AND k.key {marks}"
            )
            args += [project_id, *values]
        if items:
            marks, values = _in(items)
            # An item's row: its id, and no key (a key's row always has one).
            parts.append(
                "SELECT item_id, NULL, NULL, NULL, NULL, NULL FROM item_incidents"
                f" WHERE project = ? AND item_id {marks}"
            )
            args += [project_id, *values]
        rows = conn.execute(" UNION ALL ".join(parts), args).fetchall() if parts else []
        for incident_id, key, data, is_open, last_seen, record in rows:
            if key is None:
                placed.add(incident_id)
            elif not is_open:
                stale.append((incident_id, key))
            elif last_seen >= after:
                held[(incident_id, key)] = load_key(data)
                records[incident_id] = record
        raw = list(records.values())
        if asked := [i for i in incident_ids if i not in records]:
            raw += [
                row["data"]
                for row in conn.execute(
                    f"SELECT data FROM incidents WHERE project = ? AND id IN ({_marks(asked)})",
                    (project_id, *asked),
                )
            ]
    found = {i.id: i for i in map(Incident.model_validate_json, raw)}
    for incident_id in incident_ids:
        if incident_id in found:
            _read_links(conn, project_id, found[incident_id])
    return IncidentState(found, held, frozenset(placed)), stale


def _placed(conn: sqlite3.Connection, project_id: str, items: Sequence[str]) -> list[str]:
    """Which of ``items`` are in an incident."""
    if not items:
        return []
    marks, values = _in(items)
    sql = f"SELECT item_id FROM item_incidents WHERE project = ? AND item_id {marks}"
    return [row[0] for row in conn.execute(sql, (project_id, *values))]


def update(
    conn: sqlite3.Connection, project_id: str, incident_ids: Sequence[str], work: IncidentWork
) -> IncidentChanges:
    """Read, decide and write one incident step, in the caller's transaction."""
    state, stale = read_state(
        conn, project_id, incident_ids, work.open_since, work.keys, work.items
    )
    changes = work.update(state)
    write(conn, project_id, changes, stale)
    return changes


def write(
    conn: sqlite3.Connection,
    project_id: str,
    changes: IncidentChanges,
    stale: Sequence[KeyId] = (),
) -> None:
    writes = writes_of(changes)
    dumps = Dumps()
    _many(
        conn,
        "DELETE FROM incident_keys WHERE project = ? AND key = ? AND incident_id = ?",
        [(project_id, key, incident_id) for incident_id, key in stale],
    )
    _many(
        conn,
        "INSERT INTO incidents VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE"
        " SET data = excluded.data, open = excluded.open, last_seen = excluded.last_seen",
        [
            (project_id, i.id, i.stored_json(), int(i.status == "open"), iso(i.last_seen))
            for i in changes.incidents
        ],
    )
    cleared = [(project_id, incident_id) for incident_id in writes.cleared]
    _many(conn, "DELETE FROM incident_links WHERE project = ? AND incident_id = ?", cleared)
    _many(conn, "DELETE FROM incident_keys WHERE project = ? AND incident_id = ?", cleared)
    _many(
        conn,
        "INSERT INTO incident_links (project, incident_id, data) VALUES (?, ?, ?)",
        [
            (project_id, incident_id, dumps.link(link))
            for incident_id, links in writes.links.items()
            for link in links
        ],
    )
    _many(
        conn,
        "INSERT INTO incident_keys VALUES (?, ?, ?, ?)"
        " ON CONFLICT DO UPDATE SET data = excluded.data",
        [
            (project_id, key, incident_id, dumps.key(places))
            for (incident_id, key), places in writes.keys.items()
        ],
    )
    # Only an item that exists joins an incident.
    _many(
        conn,
        "INSERT INTO item_incidents SELECT project, id, ? FROM items WHERE project = ? AND id = ?"
        " ON CONFLICT DO UPDATE SET incident_id = excluded.incident_id",
        [(incident, project_id, i) for i, incident in changes.items if incident],
    )
    _many(
        conn,
        "DELETE FROM item_incidents WHERE project = ? AND item_id = ?",
        [(project_id, i) for i, incident in changes.items if not incident],
    )
    # The cluster's record gets its incident in place: SQLite edits its JSON.
    _many(
        conn,
        "UPDATE cluster_records SET doc = json_set(doc, '$.incident_id', ?)"
        " WHERE project = ? AND id = ?",
        [(incident, project_id, cluster_id) for cluster_id, incident in changes.clusters],
    )


def _many(conn: sqlite3.Connection, sql: str, rows: Sequence[tuple[object, ...]]) -> None:
    # Most of a small batch's statements have no rows: each costs a statement run all the same.
    if len(rows) == 1:
        conn.execute(sql, rows[0])
    elif rows:
        conn.executemany(sql, rows)


def get(conn: sqlite3.Connection, project_id: str, incident_ids: Sequence[str]) -> list[Incident]:
    """The incidents that exist, in the order asked, with all their links."""
    rows = conn.execute(
        f"SELECT id, data FROM incidents WHERE project = ? AND id IN ({_marks(incident_ids)})",
        (project_id, *incident_ids),
    ).fetchall()
    found = {row["id"]: Incident.model_validate_json(row["data"]) for row in rows}
    for incident in found.values():
        _read_links(conn, project_id, incident)
    return [found[i] for i in incident_ids if i in found]


def records(rows: Iterable[sqlite3.Row]) -> list[Incident]:
    """Records as listed: without links (a record stored before they were apart keeps its own)."""
    return [Incident.model_validate_json(row["data"]) for row in rows]


def _read_links(conn: sqlite3.Connection, project_id: str, incident: Incident) -> None:
    # A record stored before links were kept apart has them in it (and none in the table).
    incident.links += [
        IncidentLink.model_validate_json(row["data"])
        for row in conn.execute(
            "SELECT data FROM incident_links WHERE project = ? AND incident_id = ? ORDER BY seq",
            (project_id, incident.id),
        )
    ]
