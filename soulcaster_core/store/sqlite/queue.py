"""The clustering queue: an outbox table; a blocked claim waits for this process to queue."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

import anyio
import anyio.to_thread

from ...models import QueueEntry, utcnow
from .connection import SQLiteBase


class QueueMixin(SQLiteBase):
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
