"""Ingest: dedup, save or merge, count, record the delivery and queue it, in one
``BEGIN IMMEDIATE`` transaction per item (or per batch).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence
from typing import Any

from ...models import FeedbackItem, IngestResult, item_from_fields, utcnow
from ..batch import IngestEntry
from ..history import RawBody, Via, new_record_id, record_head, record_tail
from ..merge import (
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
from ..port import HISTORY_LIMIT, RAW_TTL_SECONDS, iso
from . import cluster_tallies
from .events import CountersMixin
from .members import _regress


class IngestMixin(CountersMixin):
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
        raw_ttl: float = RAW_TTL_SECONDS,
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
        raw_ttl: float = RAW_TTL_SECONDS,
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
        raw_ttl: float,
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
        raw_ttl: float,
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
