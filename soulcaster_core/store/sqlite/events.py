"""Counters: deliveries per hour and per 5-minute slot, and each kind's last event."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from typing import Any

from ...timestamps import SLOT_SECONDS, SLOTS_PER_HOUR, hour_bucket, slot_bucket
from ..port import SERIES_KINDS, SERIES_WINDOW, SLOTS_WINDOW, STATS_WINDOW, iso
from .connection import SQLiteBase


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


class CountersMixin(SQLiteBase):
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
