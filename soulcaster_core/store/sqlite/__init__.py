"""The embedded default store: one SQLite file, no server to run.

One connection guarded by a lock; each call runs in a worker thread so the event loop never
waits on the disk. ``BEGIN IMMEDIATE`` makes ingest's read-check-write one atomic step, and
a clustering batch's additions to its clusters (``add_to_clusters``).

One module per concern, each a part of ``SQLiteStore`` (``store.py`` puts them together);
``schema.py`` holds the schema's steps and ``migrate``.
"""

from __future__ import annotations

from .schema import MIGRATIONS, migrate
from .store import SQLiteStore

__all__ = ["MIGRATIONS", "SQLiteStore", "migrate"]
