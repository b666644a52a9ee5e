"""The embedded default store: one SQLite file, no server to run.

One connection guarded by a lock; each call runs in a worker thread so the event loop never
waits on the disk. ``BEGIN IMMEDIATE`` makes ingest's read-check-write one atomic step, and
a clustering batch's additions to its clusters (``add_to_clusters``).
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import anyio
import anyio.to_thread

from ..errors import StoreUnavailable
from ..incidents.model import Incident, IncidentChanges, IncidentUpdate, IncidentWork
from ..models import (
    Cluster,
    DeadLetter,
    FeedbackItem,
    IngestResult,
    Project,
    QueueEntry,
    item_from_fields,
    item_from_json,
    utcnow,
)
from ..timestamps import SLOT_SECONDS, SLOTS_PER_HOUR, hour_bucket, slot_bucket
from . import cluster_tallies, sqlite_incidents
from .base import (
    HISTORY_LIMIT,
    RAW_TTL_SECONDS,
    SERIES_KINDS,
    SERIES_WINDOW,
    SLOTS_WINDOW,
    STATS_WINDOW,
    ClusterGrowth,
    ClusterMember,
    ItemClusterRow,
    Store,
    VectorRow,
    iso,
    make_cursor,
    parse_cursor,
)
from .batch import IngestEntry
from .cluster_records import doc_json, from_record, parse_position, seen
from .dead_letters import SQLITE_HEADS, DeadLetterHead, sqlite_head, trim_sqlite
from .history import (
    DeliveryRecord,
    RawBody,
    Via,
    new_record_id,
    record_head,
    record_tail,
)
from .merge import (
    DEFAULT_MERGE_POLICY,
    EMPTY_TEXTS,
    MergePolicy,
    assemble,
    item_units,
    merge_units,
    policy_json,
    richness,
    to_text,
)

T = TypeVar("T")

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


def _statements(script: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in script.split(";") if part.strip())


def _count_slot(conn: sqlite3.Connection, project: str, source: str, kind: str, slot: int) -> None:
    """Count a delivery in its 5-minute slot; a slot's first count drops the project's slots
    past ``SLOTS_WINDOW`` (so the table holds two hours, whatever the traffic)."""
    (n,) = conn.execute(
        "INSERT INTO counter_slots VALUES (?, ?, ?, ?, 1)"
        " ON CONFLICT DO UPDATE SET n = n + 1 RETURNING n",
        (project, slot, source, kind),
    ).fetchone()
    if n == 1:
        conn.execute(
            "DELETE FROM counter_slots WHERE project = ? AND slot < ?",
            (project, slot - int(SLOTS_WINDOW.total_seconds()) // SLOT_SECONDS),
        )


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


#: The schema as the steps that build it; a file's ``PRAGMA user_version`` counts the steps it
#: has had. Change the schema by appending a step (``ALTER TABLE ...``); never edit one that has
#: shipped, or files made by it would not get the change. Step 1 uses IF NOT EXISTS, so files
#: from before versioning (user_version 0, same tables) take it without harm.
MIGRATIONS: tuple[tuple[str | Callable[[sqlite3.Connection], None], ...], ...] = (
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
    # An incident's links and keys apart from its record (older records keep theirs inline
    # until the rule next writes them).
    sqlite_incidents.TABLES,
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
        for number, statements in enumerate(MIGRATIONS[version:], start=version + 1):
            for statement in statements:
                if callable(statement):
                    statement(conn)
                else:
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return len(MIGRATIONS)


#: An item's row, with the incident it is part of.
_SELECT_ITEMS = (
    "SELECT *, (SELECT incident_id FROM item_incidents AS i"
    " WHERE i.project = items.project AND i.item_id = items.id) AS incident_id FROM items"
)
_SET_ITEM_CLUSTER = "UPDATE items SET cluster_id = ?, clustering = ? WHERE project = ? AND id = ?"


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


_SAVE_VECTOR = "INSERT OR REPLACE INTO vectors VALUES (?, ?, ?, ?)"


def _vector_values(project_id: str, rows: Sequence[VectorRow]) -> list[tuple[str, str, str, str]]:
    return [
        (project_id, vector_id, json.dumps(list(vector)), json.dumps(dict(metadata)))
        for vector_id, vector, metadata in rows
    ]


def _item_from_row(row: sqlite3.Row) -> FeedbackItem:
    item = item_from_json(row["data"])
    item.occurrences = row["occurrences"]
    item.last_seen = datetime.fromisoformat(row["last_seen"])
    item.cluster_id = row["cluster_id"]
    item.incident_id = row["incident_id"]
    if row["status"] is not None:
        item.metadata["status"] = row["status"]
    if row["clustering"] is not None:
        item.metadata["clustering"] = json.loads(row["clustering"])
    return item


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


class SQLiteStore(Store):
    kind = "sqlite"
    embedded = True

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._queued = anyio.Event()

    # -- plumbing ------------------------------------------------------------------------------
    async def _run(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        def call() -> T:
            with self._lock:
                if self._conn is None:
                    raise StoreUnavailable("the SQLite store is closed")
                try:
                    return fn(self._conn)
                except sqlite3.OperationalError as exc:
                    raise StoreUnavailable(f"SQLite: {exc}") from exc

        return await anyio.to_thread.run_sync(call)

    @staticmethod
    @contextmanager
    def _tx(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
        if conn.in_transaction:  # a part of a batch's transaction, which commits or rolls back
            yield conn
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    async def open(self) -> None:
        def connect() -> None:
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            # Owner-only from the start (secrets are stored in plain text); SQLite gives its
            # -wal and -shm files the database file's mode.
            os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600))
            conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA busy_timeout=5000")
            try:
                migrate(conn)
            except BaseException:
                conn.close()
                raise
            with self._lock:
                self._conn = conn

        await anyio.to_thread.run_sync(connect)

    async def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    async def ping(self) -> None:
        await self._run(lambda conn: conn.execute("SELECT 1").fetchone())

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

    # -- items ---------------------------------------------------------------------------------
    async def ingest(
        self,
        item: FeedbackItem,
        *,
        occurrence: bool = True,
        delivery_id: str | None = None,
        delivery_ttl: int = 7 * 24 * 3600,
        policy: MergePolicy = DEFAULT_MERGE_POLICY,
        via: Via = "webhook",
        raw: RawBody | None = None,
        raw_ttl: int = RAW_TTL_SECONDS,
    ) -> IngestResult:
        run = self._ingest_step(
            item, occurrence, delivery_id, delivery_ttl, policy, via, raw, raw_ttl
        )
        result = await self._run(run)
        if result.status == "created":
            self._queued.set()
        return result

    async def ingest_batch(
        self,
        entries: Sequence[IngestEntry],
        *,
        delivery_ttl: int = 7 * 24 * 3600,
        policy: MergePolicy = DEFAULT_MERGE_POLICY,
        via: Via = "webhook",
        raw_ttl: int = RAW_TTL_SECONDS,
    ) -> list[IngestResult]:
        steps = [
            self._ingest_step(
                e.item, e.occurrence, e.delivery_id, delivery_ttl, policy, via, e.raw, raw_ttl
            )
            for e in entries
        ]

        def run(conn: sqlite3.Connection) -> list[IngestResult]:
            # One transaction around every step (each step's own is then a part of it).
            with self._tx(conn):
                return [step(conn) for step in steps]

        results = await self._run(run)
        if any(result.status == "created" for result in results):
            self._queued.set()
        return results

    def _ingest_step(
        self,
        item: FeedbackItem,
        occurrence: bool,
        delivery_id: str | None,
        delivery_ttl: int,
        policy: MergePolicy,
        via: Via,
        raw: RawBody | None,
        raw_ttl: int,
    ) -> Callable[[sqlite3.Connection], IngestResult]:
        """What ``ingest`` runs on the connection for ``item``, in a transaction of its own
        or, inside a batch's, as part of that one."""
        policy_json(policy)  # checks the policy, once per policy object, as Redis does
        last_seen = iso(item.last_seen or item.created_at)
        received_ms = int(item.received_at.timestamp() * 1000)
        if raw_ttl <= 0:  # nothing to keep it for
            raw = None
        record_id = new_record_id()
        head = record_head(
            record_id, item.received_at, item.source, via, occurrence, delivery_id, raw
        )
        now = utcnow()

        def run(conn: sqlite3.Connection) -> IngestResult:
            with self._tx(conn):
                key = (item.project_id, item.source)
                if delivery_id is not None:
                    seen = conn.execute(
                        "SELECT item_id FROM deliveries WHERE project = ? AND source = ? "
                        "AND delivery_id = ? AND expires > ?",
                        (*key, delivery_id, now.timestamp()),
                    ).fetchone()
                    if seen:
                        return IngestResult(status="duplicate", id=seen["item_id"])
                row = conn.execute(
                    "SELECT id, data, status, received_ms, versions, cluster_id FROM items"
                    " LEFT JOIN item_versions ON item_id = id"
                    " WHERE project = ? AND source = ? AND external_id = ?",
                    (*key, item.external_id),
                ).fetchone()
                if row is None:
                    result, status, changed = self._insert(conn, item, last_seen, received_ms)
                else:
                    result, status, changed = self._merge(
                        conn, row, item, policy, occurrence, received_ms, last_seen
                    )
                if delivery_id is not None:
                    conn.execute(
                        "INSERT OR REPLACE INTO deliveries VALUES (?, ?, ?, ?, ?)",
                        (*key, delivery_id, result.id, now.timestamp() + delivery_ttl),
                    )
                self._count(conn, item.project_id, item.source, result.status, now, None)
                record = head + record_tail(result.status, status, changed)
                self._record(conn, item.project_id, result.id, record_id, record, raw, raw_ttl)
                return result

        return run

    @staticmethod
    def _insert(
        conn: sqlite3.Connection, item: FeedbackItem, last_seen: str, received_ms: int
    ) -> tuple[IngestResult, tuple[str, str] | None, list[str]]:
        conn.execute(
            "INSERT INTO items (id, project, source, external_id, data, received_ms,"
            " occurrences, last_seen, status, search) VALUES (?,?,?,?,?,?,1,?,?,?)",
            (
                item.id,
                item.project_id,
                item.source,
                item.external_id,
                item.model_dump_json(),
                received_ms,
                last_seen,
                item.metadata.get("status"),
                f"{item.title}\n{item.body}".lower(),
            ),
        )
        conn.execute(
            "INSERT INTO outbox (project, item_id) VALUES (?, ?)", (item.project_id, item.id)
        )
        status = to_text(item.metadata.get("status"))
        change = None if status in EMPTY_TEXTS else ("null", status)
        return IngestResult(status="created", id=item.id), change, []

    @staticmethod
    def _merge(
        conn: sqlite3.Connection,
        row: sqlite3.Row,
        item: FeedbackItem,
        policy: MergePolicy,
        occurrence: bool,
        received_ms: int,
        last_seen: str,
    ) -> tuple[IngestResult, tuple[str, str] | None, list[str]]:
        """Refine the stored item by ``item`` (what ingest.lua does in Redis)."""
        fields: dict[str, Any] = json.loads(row["data"])
        if row["status"] is not None:
            fields.setdefault("metadata", {})["status"] = row["status"]
        stored = item_from_fields(fields)
        versions: dict[str, int] = json.loads(row["versions"] or "{}")
        merged = merge_units(
            dict(item_units(stored)),
            item_units(item),
            policy,
            richness=(richness(item), richness(stored)),
            received_ms=received_ms,
            versions=versions,
            created_ms=row["received_ms"],
        )
        rewrite = bool(merged.changed)
        first_seen = item.first_seen or item.created_at
        if occurrence and stored.first_seen is not None and first_seen < stored.first_seen:
            fields["first_seen"] = iso(first_seen)
            rewrite = True
        data = search = status = None
        if rewrite:
            refined = FeedbackItem.model_validate(assemble(fields, merged.changed.items()))
            data = refined.model_dump_json()
            search = f"{refined.title}\n{refined.body}".lower()
            status = refined.metadata.get("status")
        versions.update(merged.versions)
        bump = 1 if occurrence else 0
        conn.execute(
            "UPDATE items SET occurrences = occurrences + ?,"
            " last_seen = CASE WHEN ? AND ? > last_seen THEN ? ELSE last_seen END,"
            " data = COALESCE(?, data), search = COALESCE(?, search),"
            " status = COALESCE(?, status) WHERE id = ?",
            (bump, bump, last_seen, last_seen, data, search, status, row["id"]),
        )
        if merged.versions:
            conn.execute(
                "INSERT OR REPLACE INTO item_versions VALUES (?, ?)",
                (row["id"], json.dumps(versions)),
            )
        if bump and row["cluster_id"]:
            # The problem happened again: its cluster counts it, in the hour it arrived.
            conn.execute(
                "UPDATE cluster_records SET occurrences = occurrences + 1,"
                " last_seen = CASE WHEN ? > last_seen THEN ? ELSE last_seen END"
                " WHERE project = ? AND id = ?",
                (last_seen, last_seen, item.project_id, row["cluster_id"]),
            )
            cluster_tallies.count_repeat(
                conn, item.project_id, row["cluster_id"], received_ms // 3_600_000
            )
            _regress(conn, item.project_id, [row["cluster_id"]])  # a resolved problem is back
        outcome = "duplicate" if occurrence or not merged.changed else "updated"
        result = IngestResult(status=outcome, id=row["id"])
        return result, merged.status, merged.changed_names()

    @staticmethod
    def _record(
        conn: sqlite3.Connection,
        project: str,
        item_id: str,
        record_id: str,
        record: str,
        raw: RawBody | None,
        raw_ttl: int,
    ) -> None:
        """Add the delivery to the item's history, dropping what falls past the limit."""
        now = utcnow().timestamp()
        conn.execute(
            "INSERT INTO item_history (project, item_id, record_id, data) VALUES (?, ?, ?, ?)",
            (project, item_id, record_id, record),
        )
        dropped = conn.execute(
            "DELETE FROM item_history WHERE project = ? AND item_id = ? AND seq <= ("
            " SELECT seq FROM item_history WHERE project = ? AND item_id = ?"
            " ORDER BY seq DESC LIMIT 1 OFFSET ?) RETURNING record_id",
            (project, item_id, project, item_id, HISTORY_LIMIT),
        ).fetchall()
        conn.executemany(
            "DELETE FROM raw_bodies WHERE project = ? AND id = ?",
            [(project, r["record_id"]) for r in dropped],
        )
        conn.execute("DELETE FROM raw_bodies WHERE expires <= ?", (now,))
        if raw is not None:
            conn.execute(
                "INSERT INTO raw_bodies VALUES (?, ?, ?, ?)",
                (project, record_id, raw.encode(), now + raw_ttl),
            )

    async def list_deliveries(
        self, project_id: str, item_id: str, limit: int = HISTORY_LIMIT
    ) -> list[DeliveryRecord]:
        rows = await self._run(
            lambda c: c.execute(
                "SELECT data FROM item_history WHERE project = ? AND item_id = ?"
                " ORDER BY seq DESC LIMIT ?",
                (project_id, item_id, limit),
            ).fetchall()
        )
        return [DeliveryRecord.model_validate_json(row["data"]) for row in rows]

    async def get_raw_body(self, project_id: str, record_id: str) -> RawBody | None:
        row = await self._run(
            lambda c: c.execute(
                "SELECT value FROM raw_bodies WHERE project = ? AND id = ? AND expires > ?",
                (project_id, record_id, utcnow().timestamp()),
            ).fetchone()
        )
        return None if row is None else RawBody.decode(bytes(row["value"]))

    async def get_items(self, project_id: str, item_ids: Sequence[str]) -> list[FeedbackItem]:
        if not item_ids:
            return []
        marks = ",".join("?" * len(item_ids))
        # ``+project``: with twenty ids or more, SQLite's planner would rather walk every item
        # of the project by its index on project than look the ids up (a worker's batch of
        # 100 then cost as much as the project held).
        rows = await self._run(
            lambda c: c.execute(
                _SELECT_ITEMS + f" WHERE +project = ? AND id IN ({marks})",
                (project_id, *item_ids),
            ).fetchall()
        )
        found = {row["id"]: _item_from_row(row) for row in rows}
        return [found[i] for i in item_ids if i in found]

    async def find_item(
        self, project_id: str, source: str, external_id: str
    ) -> FeedbackItem | None:
        row = await self._run(
            lambda c: c.execute(
                _SELECT_ITEMS + " WHERE project = ? AND source = ? AND external_id = ?",
                (project_id, source, external_id),
            ).fetchone()
        )
        return None if row is None else _item_from_row(row)

    async def list_items(
        self,
        project_id: str,
        *,
        source: str | None = None,
        limit: int = 50,
        cursor: str | None = None,
        query: str | None = None,
    ) -> tuple[list[FeedbackItem], str | None]:
        sql = _SELECT_ITEMS + " WHERE project = ?"
        args: list[Any] = [project_id]
        if source:
            sql += " AND source = ?"
            args.append(source)
        if query:
            sql += " AND instr(search, ?) > 0"
            args.append(query.lower())
        if cursor:
            ms, last_id = parse_cursor(cursor)
            sql += " AND (received_ms < ? OR (received_ms = ? AND id < ?))"
            args += [ms, ms, last_id]
        sql += " ORDER BY received_ms DESC, id DESC LIMIT ?"
        args.append(limit + 1)
        rows = await self._run(lambda c: c.execute(sql, args).fetchall())
        items = [_item_from_row(row) for row in rows[:limit]]
        next_cursor = None
        if len(rows) > limit:
            last = rows[limit - 1]
            next_cursor = make_cursor(last["received_ms"], last["id"])
        return items, next_cursor

    # -- counters ------------------------------------------------------------------------------
    @staticmethod
    def _count(
        conn: sqlite3.Connection,
        project: str,
        source: str,
        kind: str,
        at: datetime,
        detail: str | None,
    ) -> None:
        conn.execute(
            "INSERT INTO counters VALUES (?, ?, ?, ?, 1) ON CONFLICT DO UPDATE SET n = n + 1",
            (project, hour_bucket(at), source, kind),
        )
        if kind in SERIES_KINDS:
            _count_slot(conn, project, source, kind, slot_bucket(at))
        # The latest of each kind wins, even when an older event is recorded after it.
        conn.execute(
            "INSERT INTO last_events VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE"
            " SET at = excluded.at, detail = excluded.detail WHERE excluded.at >= last_events.at",
            (project, source, kind, iso(at), detail),
        )

    async def record_event(
        self, project_id: str, source: str, kind: str, at: datetime, detail: str | None = None
    ) -> None:
        def run(conn: sqlite3.Connection) -> None:
            with self._tx(conn):
                self._count(conn, project_id, source, kind, at, detail)

        await self._run(run)

    async def event_counts(self, project_id: str, now: datetime) -> dict[str, dict[str, int]]:
        since = hour_bucket(now - STATS_WINDOW)
        rows = await self._run(
            lambda c: c.execute(
                "SELECT source, kind, SUM(n) AS n FROM counters WHERE project = ? AND hour > ?"
                " GROUP BY source, kind",
                (project_id, since),
            ).fetchall()
        )
        counts: dict[str, dict[str, int]] = {}
        for row in rows:
            counts.setdefault(row["source"], {})[row["kind"]] = row["n"]
        return counts

    async def event_series(
        self, project_id: str, now: datetime, hours: int
    ) -> dict[str, dict[int, int]]:
        since = hour_bucket(now) - min(hours, int(SERIES_WINDOW.total_seconds()) // 3600)
        marks = ",".join("?" * len(SERIES_KINDS))
        rows = await self._run(
            lambda c: c.execute(
                "SELECT source, hour, SUM(n) AS n FROM counters WHERE project = ? AND hour > ?"
                f" AND kind IN ({marks}) GROUP BY source, hour",
                (project_id, since, *SERIES_KINDS),
            ).fetchall()
        )
        series: dict[str, dict[int, int]] = {}
        for row in rows:
            series.setdefault(row["source"], {})[row["hour"]] = row["n"]
        return series

    async def recent_event_series(
        self, project_id: str, now: datetime
    ) -> dict[str, dict[int, int]]:
        last = slot_bucket(now)
        marks = ",".join("?" * len(SERIES_KINDS))
        rows = await self._run(
            lambda c: c.execute(
                "SELECT source, slot, SUM(n) AS n FROM counter_slots WHERE project = ?"
                f" AND slot BETWEEN ? AND ? AND kind IN ({marks}) GROUP BY source, slot",
                (project_id, last - SLOTS_PER_HOUR + 1, last, *SERIES_KINDS),
            ).fetchall()
        )
        series: dict[str, dict[int, int]] = {}
        for row in rows:
            series.setdefault(row["source"], {})[row["slot"]] = row["n"]
        return series

    async def last_events(self, project_id: str) -> dict[str, dict[str, dict[str, Any]]]:
        rows = await self._run(
            lambda c: c.execute(
                "SELECT source, kind, at, detail FROM last_events WHERE project = ?", (project_id,)
            ).fetchall()
        )
        last: dict[str, dict[str, dict[str, Any]]] = {}
        for row in rows:
            last.setdefault(row["source"], {})[row["kind"]] = {
                "at": row["at"],
                "detail": row["detail"],
            }
        return last

    # -- dead letters --------------------------------------------------------------------------
    async def add_dead_letter(self, letter: DeadLetter) -> None:
        def add(conn: sqlite3.Connection) -> None:
            with self._tx(conn):
                conn.execute(
                    "INSERT INTO dead_letters VALUES (?, ?, ?, ?)",
                    (
                        letter.id,
                        letter.project_id,
                        iso(letter.received_at),
                        letter.model_dump_json(),
                    ),
                )
                trim_sqlite(conn, letter.project_id, self.dead_letter_limits, utcnow())

        await self._run(add)

    async def list_dead_letter_heads(
        self, project_id: str, limit: int = 100
    ) -> list[DeadLetterHead]:
        rows = await self._run(lambda c: c.execute(SQLITE_HEADS, (project_id, limit)).fetchall())
        return [sqlite_head(row) for row in rows]

    async def list_dead_letters(self, project_id: str, limit: int = 100) -> list[DeadLetter]:
        rows = await self._run(
            lambda c: c.execute(
                "SELECT data FROM dead_letters WHERE project = ? ORDER BY received DESC LIMIT ?",
                (project_id, limit),
            ).fetchall()
        )
        return [DeadLetter.model_validate_json(row["data"]) for row in rows]

    async def get_dead_letter(self, project_id: str, letter_id: str) -> DeadLetter | None:
        row = await self._run(
            lambda c: c.execute(
                "SELECT data FROM dead_letters WHERE project = ? AND id = ?",
                (project_id, letter_id),
            ).fetchone()
        )
        return DeadLetter.model_validate_json(row["data"]) if row else None

    async def delete_dead_letter(self, project_id: str, letter_id: str) -> bool:
        cur = await self._run(
            lambda c: c.execute(
                "DELETE FROM dead_letters WHERE project = ? AND id = ?", (project_id, letter_id)
            )
        )
        return cur.rowcount == 1

    async def count_dead_letters(self, project_id: str) -> int:
        row = await self._run(
            lambda c: c.execute(
                "SELECT COUNT(*) AS n FROM dead_letters WHERE project = ?", (project_id,)
            ).fetchone()
        )
        return int(row["n"])

    # -- clustering queue (an outbox table) ---------------------------------------------------
    async def claim(self, consumer: str, count: int, block_ms: int = 0) -> list[QueueEntry]:
        def run(conn: sqlite3.Connection) -> list[QueueEntry]:
            with self._tx(conn):
                rows = conn.execute(
                    "UPDATE outbox SET consumer = ?, claimed = ? WHERE seq IN"
                    " (SELECT seq FROM outbox WHERE consumer IS NULL ORDER BY seq LIMIT ?)"
                    " RETURNING seq, project, item_id",
                    (consumer, utcnow().timestamp(), count),
                ).fetchall()
            return [
                QueueEntry(entry_id=str(r["seq"]), project_id=r["project"], item_id=r["item_id"])
                for r in sorted(rows, key=lambda r: r["seq"])
            ]

        entries = await self._run(run)
        if entries or block_ms <= 0:
            return entries
        # Nothing yet: wait until this process queues something, or the time is up.
        self._queued = anyio.Event()
        with anyio.move_on_after(block_ms / 1000):
            await self._queued.wait()
        return await self._run(run)

    async def reclaim(self, consumer: str, min_idle_ms: int, count: int) -> list[QueueEntry]:
        def run(conn: sqlite3.Connection) -> list[QueueEntry]:
            now = utcnow().timestamp()
            with self._tx(conn):
                # A consumer's heartbeat is a lease named after it (``heartbeat``).
                rows = conn.execute(
                    "UPDATE outbox SET consumer = ?, claimed = ? WHERE seq IN"
                    " (SELECT seq FROM outbox WHERE consumer IS NOT NULL AND claimed <= ?"
                    "  AND (consumer = ? OR NOT EXISTS (SELECT 1 FROM leases"
                    "   WHERE name = 'worker:' || outbox.consumer AND expires > ?))"
                    " ORDER BY seq LIMIT ?) RETURNING seq, project, item_id",
                    (consumer, now, now - min_idle_ms / 1000, consumer, now, count),
                ).fetchall()
            return [
                QueueEntry(entry_id=str(r["seq"]), project_id=r["project"], item_id=r["item_id"])
                for r in sorted(rows, key=lambda r: r["seq"])
            ]

        return await self._run(run)

    async def heartbeat(self, consumer: str, ttl_ms: int) -> None:
        expires = utcnow().timestamp() + ttl_ms / 1000
        await self._run(
            lambda c: c.execute(
                "INSERT INTO leases VALUES (?, ?, ?)"
                " ON CONFLICT DO UPDATE SET owner = excluded.owner, expires = excluded.expires",
                (f"worker:{consumer}", consumer, expires),
            )
        )

    async def ack(self, entries: Sequence[QueueEntry]) -> None:
        seqs = [(int(e.entry_id),) for e in entries]
        await self._run(lambda c: c.executemany("DELETE FROM outbox WHERE seq = ?", seqs))

    async def queue_depth(self) -> int:
        row = await self._run(lambda c: c.execute("SELECT COUNT(*) AS n FROM outbox").fetchone())
        return int(row["n"])

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
            with self._tx(conn):
                _regress(conn, project_id, _add_members(conn, project_id, growths))
                conn.executemany(_SET_ITEM_CLUSTER, values)
                conn.executemany(_SAVE_VECTOR, vector_values)
                if incidents is not None:
                    self._update_incidents(conn, project_id, (), incidents)

        await self._run(run)

    async def cluster_hours(
        self, project_id: str, cluster_ids: Sequence[str], first: int, last: int
    ) -> dict[str, dict[int, int]]:
        ids = list(cluster_ids)
        return await self._run(lambda c: cluster_tallies.hours_of(c, project_id, ids, first, last))

    # -- incidents -----------------------------------------------------------------------------
    async def update_incidents(
        self,
        project_id: str,
        incident_ids: Sequence[str],
        update: IncidentUpdate,
        *,
        open_since: datetime | None = None,
        keys: Sequence[str] | None = None,
        items: Sequence[str] = (),
    ) -> IncidentChanges:
        work = IncidentWork(update, open_since, keys, items)

        def run(conn: sqlite3.Connection) -> IncidentChanges:
            # Read, update and write in one write transaction: no other writer in between.
            with self._tx(conn):
                return self._update_incidents(conn, project_id, incident_ids, work)

        return await self._run(run)

    @staticmethod
    def _update_incidents(
        conn: sqlite3.Connection, project_id: str, incident_ids: Sequence[str], work: IncidentWork
    ) -> IncidentChanges:
        state, stale = sqlite_incidents.read_state(
            conn, project_id, incident_ids, work.open_since, work.keys, work.items
        )
        changes = work.update(state)
        sqlite_incidents.write(conn, project_id, changes, stale)
        return changes

    async def get_incidents(self, project_id: str, incident_ids: Sequence[str]) -> list[Incident]:
        if not incident_ids:
            return []
        ids = list(incident_ids)
        return await self._run(lambda c: sqlite_incidents.get(c, project_id, ids))

    async def list_incidents(
        self, project_id: str, *, limit: int = 50, open_only: bool = False
    ) -> list[Incident]:
        sql = "SELECT data FROM incidents WHERE project = ?"
        sql += " AND open = 1" if open_only else ""
        sql += " ORDER BY last_seen DESC LIMIT ?"
        rows = await self._run(lambda c: c.execute(sql, (project_id, limit)).fetchall())
        return sqlite_incidents.records(rows)

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

    # -- vectors -------------------------------------------------------------------------------
    async def save_vectors(self, project_id: str, rows: Sequence[VectorRow]) -> None:
        values = _vector_values(project_id, rows)

        def run(conn: sqlite3.Connection) -> None:
            with self._tx(conn):
                conn.executemany(_SAVE_VECTOR, values)

        await self._run(run)

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

    # -- leases ----------------------------------------------------------------------------------
    async def get_setting(self, name: str) -> str | None:
        def run(conn: sqlite3.Connection) -> str | None:
            row = conn.execute("SELECT value FROM settings WHERE name = ?", (name,)).fetchone()
            return None if row is None else str(row["value"])

        return await self._run(run)

    async def set_setting(self, name: str, value: str) -> None:
        await self._run(
            lambda c: c.execute(
                "INSERT INTO settings VALUES (?, ?)"
                " ON CONFLICT DO UPDATE SET value = excluded.value",
                (name, value),
            )
        )

    async def acquire_lease(self, name: str, owner: str, ttl_seconds: int) -> bool:
        now = utcnow().timestamp()

        def run(conn: sqlite3.Connection) -> bool:
            with self._tx(conn):
                cur = conn.execute(
                    "INSERT INTO leases VALUES (?, ?, ?) ON CONFLICT DO UPDATE"
                    " SET owner = excluded.owner, expires = excluded.expires"
                    " WHERE leases.expires <= ? OR leases.owner = excluded.owner",
                    (name, owner, now + ttl_seconds, now),
                )
                return cur.rowcount == 1

        return await self._run(run)

    async def release_lease(self, name: str, owner: str) -> None:
        await self._run(
            lambda c: c.execute("DELETE FROM leases WHERE name = ? AND owner = ?", (name, owner))
        )
