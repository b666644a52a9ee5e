"""One connection guarded by a lock; each call runs in a worker thread so the event loop
never waits on the disk (``SQLiteBase._run``), and ``_tx`` makes a call one write transaction.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import anyio
import anyio.to_thread

from ...errors import StoreUnavailable
from ...incidents.cache import IncidentCache
from ..port import Store

T = TypeVar("T")


class SQLiteBase(Store):
    """What every part of ``SQLiteStore`` shares: the connection and how calls run on it."""

    path: Path
    _lock: threading.Lock
    _conn: sqlite3.Connection | None
    #: Set when this process queues an item: a blocked ``claim`` wakes.
    _queued: anyio.Event
    #: Per project, the writes of its vectors this process made (``vectors_stamp``).
    _vector_writes: dict[str, int]
    #: What the incident steps on this connection read and wrote (``incident_rows.copy_of``).
    _incident_cache: IncidentCache

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

    def _wrote_vectors(self, project_id: str) -> None:
        # Counted on the event loop once the write is in: a stamp read before sees one less.
        self._vector_writes[project_id] = self._vector_writes.get(project_id, 0) + 1

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
