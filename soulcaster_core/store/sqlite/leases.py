"""Settings and leases (a worker's heartbeat is a lease too: see ``queue.py``)."""

from __future__ import annotations

import sqlite3

from ...models import utcnow
from .connection import SQLiteBase


class LeasesMixin(SQLiteBase):
    # -- settings ----------------------------------------------------------------------------
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

    async def acquire_lease(self, name: str, owner: str, ttl_seconds: float) -> bool:
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
