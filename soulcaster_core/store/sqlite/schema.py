"""The schema as the steps that build it, and ``migrate``, which brings a file up to it."""

from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Callable

from ...models import Cluster
from . import cluster_tallies, incident_rows
from .members import _SAVE_RECORD, _record_values

_SCHEMA_V1 = """
CREATE TABLE IF NOT EXISTS projects (id TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS config (
    project TEXT, source TEXT, field TEXT, value TEXT NOT NULL,
    PRIMARY KEY (project, source, field));
CREATE TABLE IF NOT EXISTS items (
    id TEXT PRIMARY KEY, project TEXT NOT NULL, source TEXT NOT NULL, external_id TEXT NOT NULL,
    data TEXT NOT NULL, received_ms INTEGER NOT NULL, occurrences INTEGER NOT NULL,
    last_seen TEXT NOT NULL, status TEXT, cluster_id TEXT, clustering TEXT,
    search TEXT NOT NULL,
    UNIQUE (project, source, external_id));
CREATE INDEX IF NOT EXISTS items_by_time ON items (project, received_ms DESC, id DESC);
CREATE INDEX IF NOT EXISTS items_by_source ON items (project, source, received_ms DESC, id DESC);
CREATE TABLE IF NOT EXISTS deliveries (
    project TEXT, source TEXT, delivery_id TEXT, item_id TEXT NOT NULL, expires REAL NOT NULL,
    PRIMARY KEY (project, source, delivery_id));
CREATE TABLE IF NOT EXISTS counters (
    project TEXT, hour INTEGER, source TEXT, kind TEXT, n INTEGER NOT NULL,
    PRIMARY KEY (project, hour, source, kind));
CREATE TABLE IF NOT EXISTS last_events (
    project TEXT, source TEXT, kind TEXT, at TEXT NOT NULL, detail TEXT,
    PRIMARY KEY (project, source, kind));
CREATE TABLE IF NOT EXISTS dead_letters (
    id TEXT PRIMARY KEY, project TEXT NOT NULL, received TEXT NOT NULL, data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS dead_letters_by_time ON dead_letters (project, received DESC);
CREATE TABLE IF NOT EXISTS outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, project TEXT NOT NULL, item_id TEXT NOT NULL,
    consumer TEXT, claimed REAL);
CREATE TABLE IF NOT EXISTS clusters (
    id TEXT NOT NULL, project TEXT NOT NULL, data TEXT NOT NULL,
    PRIMARY KEY (project, id));
CREATE TABLE IF NOT EXISTS leases (
    name TEXT PRIMARY KEY, owner TEXT NOT NULL, expires REAL NOT NULL);
CREATE TABLE IF NOT EXISTS vectors (
    project TEXT, id TEXT, vector TEXT NOT NULL, metadata TEXT NOT NULL,
    PRIMARY KEY (project, id));
"""


def _statements(script: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in script.split(";") if part.strip())


def _split_cluster_documents(conn: sqlite3.Connection) -> None:
    """Schema step 4: each cluster document (which listed every member) becomes a record
    and member rows; a source's count is that of its stored members (at least 1)."""
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'clusters'").fetchone():
        return
    for row in conn.execute("SELECT data FROM clusters ORDER BY rowid").fetchall():
        data = json.loads(row[0])
        item_ids = data.pop("item_ids", [])
        cluster = Cluster.model_validate(data)
        conn.executemany(
            "INSERT OR IGNORE INTO cluster_members (project, cluster_id, item_id) VALUES (?, ?, ?)",
            [(cluster.project_id, cluster.id, item_id) for item_id in item_ids],
        )
        counted = dict(
            conn.execute(
                "SELECT items.source, COUNT(*) FROM cluster_members JOIN items"
                " ON items.id = cluster_members.item_id"
                " WHERE cluster_members.project = ? AND cluster_members.cluster_id = ?"
                " GROUP BY items.source",
                (cluster.project_id, cluster.id),
            ).fetchall()
        )
        sources = {s: max(1, int(counted.get(s, 0))) for s in cluster.sources}
        conn.execute(_SAVE_RECORD, _record_values(cluster, sources))
    conn.execute("DROP TABLE clusters")


Steps = tuple[tuple[str | Callable[[sqlite3.Connection], None], ...], ...]

#: The schema as the steps that build it; a file's ``PRAGMA user_version`` counts the steps it
#: has had. Change the schema by appending a step (``ALTER TABLE ...``); never edit one that has
#: shipped, or files made by it would not get the change. Step 1 uses IF NOT EXISTS, so files
#: from before versioning (user_version 0, same tables) take it without harm.
MIGRATIONS: Steps = (
    _statements(_SCHEMA_V1),
    ("CREATE TABLE IF NOT EXISTS settings (name TEXT PRIMARY KEY, value TEXT NOT NULL)",),
    (
        # Per item, the received ms of each 'latest' unit's value (store/merge.py), as JSON.
        # A table rather than a column: every step must be safe to take twice (see above).
        "CREATE TABLE IF NOT EXISTS item_versions (item_id TEXT PRIMARY KEY, versions TEXT)",
        "CREATE TABLE IF NOT EXISTS item_history ("
        " seq INTEGER PRIMARY KEY AUTOINCREMENT, project TEXT NOT NULL, item_id TEXT NOT NULL,"
        " record_id TEXT NOT NULL, data TEXT NOT NULL)",
        "CREATE INDEX IF NOT EXISTS item_history_by_item ON item_history (project, item_id, seq)",
        "CREATE TABLE IF NOT EXISTS raw_bodies ("
        " project TEXT, id TEXT, value BLOB NOT NULL, expires REAL NOT NULL,"
        " PRIMARY KEY (project, id))",
        "CREATE INDEX IF NOT EXISTS raw_bodies_by_expiry ON raw_bodies (expires)",
    ),
    (
        # An item's incident: a table rather than a column, as above (safe to take twice).
        "CREATE TABLE IF NOT EXISTS item_incidents ("
        " project TEXT, item_id TEXT, incident_id TEXT NOT NULL, PRIMARY KEY (project, item_id))",
        "CREATE TABLE IF NOT EXISTS incidents ("
        " project TEXT, id TEXT, data TEXT NOT NULL, open INTEGER NOT NULL,"
        " last_seen TEXT NOT NULL, PRIMARY KEY (project, id))",
        "CREATE INDEX IF NOT EXISTS incidents_by_time ON incidents (project, last_seen DESC)",
        "CREATE TABLE IF NOT EXISTS cluster_status ("
        " project TEXT, cluster_id TEXT, status TEXT NOT NULL, at TEXT NOT NULL,"
        " PRIMARY KEY (project, cluster_id))",
        # A cluster's record apart from its members (store/cluster_records.py); the JSON
        # documents that listed every member are moved over and dropped.
        "CREATE TABLE IF NOT EXISTS cluster_records ("
        " project TEXT NOT NULL, id TEXT NOT NULL, doc TEXT NOT NULL,"
        " items INTEGER NOT NULL, occurrences INTEGER NOT NULL,"
        " first_seen TEXT NOT NULL, last_seen TEXT NOT NULL, sources TEXT NOT NULL,"
        " PRIMARY KEY (project, id))",
        "CREATE INDEX IF NOT EXISTS cluster_records_by_time"
        " ON cluster_records (project, last_seen DESC, id DESC)",
        "CREATE TABLE IF NOT EXISTS cluster_members ("
        " seq INTEGER PRIMARY KEY AUTOINCREMENT, project TEXT NOT NULL,"
        " cluster_id TEXT NOT NULL, item_id TEXT NOT NULL,"
        " UNIQUE (project, cluster_id, item_id))",
        "CREATE INDEX IF NOT EXISTS cluster_members_in_order"
        " ON cluster_members (project, cluster_id, seq)",
        _split_cluster_documents,
    ),
    (
        # What a cluster counts besides its record: services, occurrences per hour.
        *cluster_tallies.TABLES,
        # Deliveries per 5-minute slot, for the events chart's last hour (kept 2 hours).
        "CREATE TABLE IF NOT EXISTS counter_slots ("
        " project TEXT NOT NULL, slot INTEGER NOT NULL, source TEXT NOT NULL,"
        " kind TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (project, slot, source, kind))",
    ),
    # An incident's links and keys apart from its record (records that held their links get
    # them moved out).
    incident_rows.TABLES,
    # Fewer rows per item placed in an incident: its incident as a column of ``items``
    # (``item_incidents`` moved over and dropped), links and keys clustered by their keys.
    incident_rows.FEWER_ROWS,
)


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the file up to the schema this code writes; the version it is at afterwards."""
    conn.execute("BEGIN IMMEDIATE")  # read and bump the version under one write lock
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if version > len(MIGRATIONS):
            raise RuntimeError(
                f"the SQLite store is at schema version {version}, written by a newer "
                f"Soulcaster; this one knows versions up to {len(MIGRATIONS)}: upgrade it"
            )
        if version == 0 and not conn.execute("SELECT 1 FROM sqlite_master").fetchone():
            # A new file gets what the steps build, made at once: taken one by one, they
            # create tables that later steps rebuild (~4 ms of CPU a file, every test's store).
            for statement in _schema_built_by(MIGRATIONS):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {len(MIGRATIONS)}")
        else:
            _take_steps(conn, version, MIGRATIONS)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return len(MIGRATIONS)


def _take_steps(conn: sqlite3.Connection, version: int, steps: Steps) -> None:
    """The steps after ``version``, each followed by the version it brings the file to."""
    for number, statements in enumerate(steps[version:], start=version + 1):
        for statement in statements:
            if callable(statement):
                statement(conn)
            else:
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {number}")


@functools.cache
def _schema_built_by(steps: Steps) -> tuple[str, ...]:
    """The statements that create at once what ``steps`` build: read from a database in
    memory that took them all (once per process, and per set of steps)."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        _take_steps(conn, 0, steps)
        # Tables before the indexes on them; SQLite makes its own (``sqlite_sequence``).
        rows = conn.execute(
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'"
            " ORDER BY type != 'table', rowid"
        )
        return tuple(sql for (sql,) in rows)
    finally:
        conn.close()
