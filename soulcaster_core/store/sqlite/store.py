"""``SQLiteStore``: the parts of the SQLite adapter, one per concern, as one ``Store``."""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

import anyio
import anyio.to_thread

from ...incidents.cache import IncidentCache
from .clusters import ClustersMixin
from .dead_letters import DeadLettersMixin
from .incidents import IncidentsMixin
from .ingest import IngestMixin
from .items import ItemsMixin
from .leases import LeasesMixin
from .projects import ProjectsMixin
from .queue import QueueMixin
from .schema import migrate
from .vectors import VectorsMixin


class SQLiteStore(
    IngestMixin,
    ItemsMixin,
    ProjectsMixin,
    DeadLettersMixin,
    QueueMixin,
    ClustersMixin,
    IncidentsMixin,
    VectorsMixin,
    LeasesMixin,
):
    kind = "sqlite"
    embedded = True

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._queued = anyio.Event()
        self._vector_writes = {}
        self._incident_cache = IncidentCache()

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
            # A worker touches index pages all over a big file (random ids): 64 MB of cache,
            # not the default 2, keeps them at hand (grown as used, not taken up front).
            conn.execute("PRAGMA cache_size=-65536")
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
                self._incident_cache.drop()

    async def ping(self) -> None:
        await self._run(lambda conn: conn.execute("SELECT 1").fetchone())
