"""Incident rows: a record per incident (``incidents``), its links apart (``incident_links``,
in the order they came), its keys (``incident_keys``: per value the rule matches on, what the
first link that held it says) and each item's incident (a column of ``items``, which
``add_to_clusters`` writes in the same statement as the item's cluster). Functions of a
connection, run inside the store's transactions (``update_incidents``, and ``add_to_clusters``
with an ``IncidentWork``).

A record written before links were kept apart holds them in its JSON: it reads as it did, and
the rule writes it whole (links to their table, keys made) the first time it changes it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Iterable, Sequence
from datetime import datetime

from ...incidents.cache import CachedIncidents, IncidentCache, Reopened, opened_from
from ...incidents.keys import dump_key, dump_link, held_keys, load_key, writes_of
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
    """Records that held their links (before schema step 6) get them and their keys put
    apart: step 7's last part (it writes step 7's layout), once step 6's."""
    rows = conn.execute("SELECT project, data FROM incidents WHERE data LIKE '%\"links\":[{%'")
    for row in rows.fetchall():
        incident = Incident.model_validate_json(row["data"])
        if incident.links:
            changes = IncidentChanges(incidents=[incident], whole={incident.id})
            write(conn, row["project"], changes)


def _links_in_order(conn: sqlite3.Connection) -> None:
    # Safe to take again once step 7 made the links' table anew (without ``seq``).
    if "seq" in {row[1] for row in conn.execute("PRAGMA table_info(incident_links)")}:
        conn.execute(
            "CREATE INDEX IF NOT EXISTS incident_links_in_order"
            " ON incident_links (project, incident_id, seq)"
        )


#: Schema step 6 (its move of links out of the records is now step 7's).
TABLES = (
    "CREATE TABLE IF NOT EXISTS incident_links ("
    " seq INTEGER PRIMARY KEY AUTOINCREMENT, project TEXT NOT NULL,"
    " incident_id TEXT NOT NULL, data TEXT NOT NULL)",
    _links_in_order,
    # By key: a batch finds the incidents that hold its values, not every open one.
    "CREATE TABLE IF NOT EXISTS incident_keys ("
    " project TEXT NOT NULL, key TEXT NOT NULL, incident_id TEXT NOT NULL, data TEXT NOT NULL,"
    " PRIMARY KEY (project, key, incident_id))",
    "CREATE INDEX IF NOT EXISTS incident_keys_by_incident ON incident_keys (project, incident_id)",
)


def _rebuild(conn: sqlite3.Connection, table: str, create: str, copy: str) -> None:
    """Make ``table`` anew, ``WITHOUT ROWID`` as ``create`` says (``{}``: its name), its rows
    copied by ``copy`` (``{}``: the old table), unless it is made so already."""
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    if "WITHOUT ROWID" in sql:
        return
    conn.execute(create.format(f"{table}_new"))
    conn.execute(f"INSERT INTO {table}_new " + copy.format(table))
    conn.execute(f"DROP TABLE {table}")
    conn.execute(f"ALTER TABLE {table}_new RENAME TO {table}")


#: An incident's links, in order: numbered within the incident, clustered by it (one B-tree,
#: no index and no sequence to keep beside it).
_LINKS = (
    "CREATE TABLE {} (project TEXT NOT NULL, incident_id TEXT NOT NULL, n INTEGER NOT NULL,"
    " data TEXT NOT NULL, PRIMARY KEY (project, incident_id, n)) WITHOUT ROWID"
)
#: By key: a batch finds the incidents that hold its values, not every open one. (An
#: incident's keys are dropped by name, as its links give them: no index by incident.)
_KEYS = (
    "CREATE TABLE {} (project TEXT NOT NULL, key TEXT NOT NULL, incident_id TEXT NOT NULL,"
    " data TEXT NOT NULL, PRIMARY KEY (project, key, incident_id)) WITHOUT ROWID"
)


#: Records by incident: one B-tree, not a table and its key's index.
_INCIDENTS = (
    "CREATE TABLE {} (project TEXT NOT NULL, id TEXT NOT NULL, data TEXT NOT NULL,"
    " open INTEGER NOT NULL, last_seen TEXT NOT NULL, PRIMARY KEY (project, id)) WITHOUT ROWID"
)


def _fewer_rows(conn: sqlite3.Connection) -> None:
    """Schema step 7: fewer rows and B-trees written per item that joins an incident. Its
    incident becomes a column of ``items`` (written with its cluster; ``item_incidents`` is
    moved over and dropped); records, links and keys go into tables clustered by their keys."""
    columns = {row[1] for row in conn.execute("PRAGMA table_info(items)")}
    if "incident_id" not in columns:
        conn.execute("ALTER TABLE items ADD COLUMN incident_id TEXT")
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'item_incidents'").fetchone():
        conn.execute(
            "UPDATE items SET incident_id = (SELECT incident_id FROM item_incidents AS i"
            " WHERE i.project = items.project AND i.item_id = items.id)"
            " WHERE id IN (SELECT item_id FROM item_incidents)"
        )
        conn.execute("DROP TABLE item_incidents")
    _rebuild(
        conn,
        "incident_links",
        _LINKS,
        "SELECT project, incident_id,"
        " row_number() OVER (PARTITION BY project, incident_id ORDER BY seq), data FROM {}",
    )
    _rebuild(conn, "incident_keys", _KEYS, "SELECT project, key, incident_id, data FROM {}")
    conn.execute("DROP INDEX IF EXISTS incident_keys_by_incident")  # if step 6 was taken again
    _rebuild(conn, "incidents", _INCIDENTS, "SELECT project, id, data, open, last_seen FROM {}")
    conn.execute(
        "CREATE INDEX IF NOT EXISTS incidents_by_time ON incidents (project, last_seen DESC)"
    )
    _move_links_out(conn)


#: Schema step 7.
FEWER_ROWS = (_fewer_rows,)


def _marks(values: Sequence[object]) -> str:
    return ",".join("?" * len(values))


#: Lists up to this long are named by marks, padded to a power of two with repeats of their last
#: value: a few statement texts, each prepared once and then reused from the connection's cache.
#: Reading a JSON argument (``json_each``) costs more than a short list is worth (a small batch
#: names a few keys and items); a longer list goes as one, whatever its length.
_MARKED = 64


SET_ITEM_INCIDENT = "UPDATE items SET incident_id = ? WHERE project = ? AND id = ?"


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
    cached: CachedIncidents | None = None,
    work: IncidentWork | None = None,
) -> tuple[IncidentState, list[KeyId]]:
    """What ``update_incidents`` reads, and the keys of incidents no longer open (to drop).
    ``cached``: the copy to read a batch's keys and records from (``keys``, no
    ``incident_ids``), those it lacks read into it first; ``work``: the step, whose closed
    incidents to read again (``IncidentWork.reopens``) it says."""
    if keys is not None and not incident_ids and cached is not None:
        return _read_batch(conn, project_id, since, keys, items, cached, work)
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
        records: dict[str, str] = {}
        rows = _keys_and_placed(conn, project_id, keys, items)
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


def _keys_and_placed(
    conn: sqlite3.Connection, project_id: str, keys: Sequence[str], items: Sequence[str]
) -> list[sqlite3.Row]:
    """Each incident stored with one of ``keys`` (its id, the key, the key's value, whether
    it is open, its last seen and its record), and the ids of ``items`` that are in an
    incident (the other fields ``None``): one statement."""
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
            "SELECT id, NULL, NULL, NULL, NULL, NULL FROM items"
            f" WHERE id {marks} AND +project = ? AND incident_id IS NOT NULL"
        )
        args += [*values, project_id]
    return conn.execute(" UNION ALL ".join(parts), args).fetchall() if parts else []


def _read_batch(
    conn: sqlite3.Connection,
    project_id: str,
    since: datetime | None,
    keys: Sequence[str],
    items: Sequence[str],
    cached: CachedIncidents,
    work: IncidentWork | None = None,
) -> tuple[IncidentState, list[KeyId]]:
    """A batch's read through ``cached``: from the file, only what it lacks (the open
    incidents of the window, once; a key named by one of them, once), which of the items
    are placed, and the keys an alert may fire again by (``IncidentWork.reopen``: the copy
    keeps no closed incident), each time."""
    if cached.lacks(since):
        start = opened_from(since)
        sql = "SELECT data FROM incidents WHERE project = ? AND open = 1 AND last_seen >= ?"
        rows = conn.execute(sql, (project_id, iso(start) if since else ""))
        cached.open(map(Incident.model_validate_json, (row[0] for row in rows)), start)
    missing = cached.missing(keys)
    reopen = work.reopen if work is not None else ()
    if reopen:
        missing = list(dict.fromkeys([*missing, *reopen]))
    read: dict[str, dict[str, KeyLinks]] = {key: {} for key in missing}
    records: dict[str, str] = {}
    stale: list[KeyId] = []
    placed: set[str] = set()
    again = Reopened()
    for incident_id, key, data, is_open, _, record in _keys_and_placed(
        conn, project_id, missing, items
    ):
        if key is None:
            placed.add(incident_id)
        elif not is_open:
            if not (work is not None and again.take(work, incident_id, key, data, record)):
                stale.append((incident_id, key))
        else:
            read[key][incident_id] = load_key(data)
            if incident_id not in cached.records:
                records[incident_id] = record
    if read:
        cached.fill(read, map(Incident.model_validate_json, records.values()))
    state, closed = cached.state(
        keys, lambda i: since is None or i.last_seen >= since, ordered=True
    )
    state.placed = frozenset(placed)
    return again.into(state), [*stale, *closed]


def _placed(conn: sqlite3.Connection, project_id: str, items: Sequence[str]) -> list[str]:
    """Which of ``items`` are in an incident."""
    if not items:
        return []
    marks, values = _in(items)
    sql = f"SELECT id FROM items WHERE id {marks} AND +project = ? AND incident_id IS NOT NULL"
    return [row[0] for row in conn.execute(sql, (*values, project_id))]


def decide(
    conn: sqlite3.Connection,
    project_id: str,
    incident_ids: Sequence[str],
    work: IncidentWork,
    cached: CachedIncidents | None = None,
) -> tuple[IncidentChanges, list[KeyId]]:
    """Read and decide one incident step, in the caller's transaction: the changes, and the
    keys to drop (for ``write``): those of incidents no longer open, and those stored for the
    incidents read with their links (written whole, if at all, with keys made anew).
    ``cached``: the copy a batch reads through (``read_state``)."""
    state, stale = read_state(
        conn, project_id, incident_ids, work.open_since, work.keys, work.items, cached, work
    )
    held = held_keys(state.incidents.values())  # before the update changes the links
    changes = work.update(state)
    return changes, [*stale, *(k for k in held if k[0] in changes.whole)]


def update(
    conn: sqlite3.Connection,
    project_id: str,
    incident_ids: Sequence[str],
    work: IncidentWork,
    cache: IncidentCache,
) -> IncidentChanges:
    """Read, decide and write one incident step, in the caller's transaction (which drops the
    project's copy in ``cache`` if it fails); the copy follows what it writes."""
    cached = copy_of(conn, cache, project_id)
    changes, stale = decide(conn, project_id, incident_ids, work, cached)
    write(conn, project_id, changes, stale)
    if not cached.apply(changes, stale, copy=True):  # the caller keeps ``changes``
        cache.drop(project_id)
    return changes


def copy_of(conn: sqlite3.Connection, cache: IncidentCache, project_id: str) -> CachedIncidents:
    """The project's copy of its incidents in ``cache``, emptied if another connection wrote
    the file since it was filled. Called in a write transaction: no other writer until it
    ends. (``data_version`` changes with other connections' commits, not with this one's:
    those are applied to the copy as they are written.)"""
    return cache.at(project_id, conn.execute("PRAGMA data_version").fetchone()[0])


def write(
    conn: sqlite3.Connection,
    project_id: str,
    changes: IncidentChanges,
    stale: Sequence[KeyId] = (),
    *,
    items_written: Collection[str] = (),
) -> None:
    """Write ``changes``; ``items_written``: items whose incident the caller set already."""
    writes = writes_of(changes)
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
    _write_links(conn, project_id, changes.incidents, writes.links, writes.cleared)
    _many(
        conn,
        "INSERT INTO incident_keys VALUES (?, ?, ?, ?)"
        " ON CONFLICT DO UPDATE SET data = excluded.data",
        [
            (project_id, key, incident_id, dump_key(places))
            for (incident_id, key), places in writes.keys.items()
        ],
    )
    # Only an item that exists joins an incident (an update of no row does nothing).
    _many(
        conn,
        SET_ITEM_INCIDENT,
        [(incident, project_id, i) for i, incident in changes.items if i not in items_written],
    )
    # The cluster's record gets its incident in place: SQLite edits its JSON.
    _many(
        conn,
        "UPDATE cluster_records SET doc = json_set(doc, '$.incident_id', ?)"
        " WHERE project = ? AND id = ?",
        [(incident, project_id, cluster_id) for cluster_id, incident in changes.clusters],
    )


#: A link numbered by its place in the incident, as its record counts them.
_ADD_LINK = "INSERT INTO incident_links VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING"
#: A link numbered after the incident's last (a seek to the end of its rows), unless it is
#: stored: for a record whose count its links do not match.
_APPEND_LINK = (
    "INSERT INTO incident_links SELECT ?1, ?2,"
    " (SELECT coalesce(max(n), 0) + 1 FROM incident_links WHERE project = ?1 AND incident_id = ?2),"
    " ?3 WHERE NOT EXISTS (SELECT 1 FROM incident_links"
    " WHERE project = ?1 AND incident_id = ?2 AND data = ?3)"
)


def _write_links(
    conn: sqlite3.Connection,
    project_id: str,
    incidents: Sequence[Incident],
    links: dict[str, list[IncidentLink]],
    cleared: Collection[str],
) -> None:
    """Append ``links``, each numbered by its place in its incident as the record counts its
    items (``item_count``, which counts them; an incident in ``cleared`` gets all its links
    anew): no read of the links stored. Should a record's count and its stored links
    disagree (a link there already at that number), the links not stored are appended after
    the last one instead, in order: the step never fails on it."""
    counts = {incident.id: incident.item_count for incident in incidents}
    rows = []
    for incident_id, added in links.items():
        count = len(added) if incident_id in cleared else counts.get(incident_id, 0)
        first = max(count - len(added) + 1, 1)
        rows += [
            (project_id, incident_id, n, dump_link(link)) for n, link in enumerate(added, first)
        ]
    before = conn.total_changes
    _many(conn, _ADD_LINK, rows)
    if conn.total_changes - before != len(rows):
        _many(conn, _APPEND_LINK, [(p, i, data) for p, i, _, data in rows])


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
            "SELECT data FROM incident_links WHERE project = ? AND incident_id = ? ORDER BY n",
            (project_id, incident.id),
        )
    ]
