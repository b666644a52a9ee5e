"""Counters: deliveries per hour and per 5-minute slot, and each kind's last event."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from ...timestamps import SLOTS_PER_HOUR, hour_bucket, slot_bucket
from ..port import SERIES_KINDS, SERIES_WINDOW, SLOTS_WINDOW, STATS_WINDOW, iso
from .connection import RedisBase, _guarded, lua

STATS_TTL = int(SERIES_WINDOW.total_seconds()) + 2 * 3600
SLOT_STATS_TTL = int(SLOTS_WINDOW.total_seconds())
_LAST_EVENT_LUA = lua("last_event")


def _last_event(at: datetime, detail: str | None) -> str:
    """A value of a project's last-events hash (the ingest script writes them too)."""
    return json.dumps({"at": iso(at), "detail": detail})


class CountersMixin(RedisBase):
    #: Registered by ``RedisStore``.
    _last_event_script: Any

    @_guarded
    async def record_event(
        self, project_id: str, source: str, kind: str, at: datetime, detail: str | None = None
    ) -> None:
        stats = self._k("stats", project_id, str(hour_bucket(at)))
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.hincrby(stats, f"{source}|{kind}", 1)
            pipe.expire(stats, STATS_TTL)
            if kind in SERIES_KINDS:  # the chart's last hour (ingest.lua counts its own)
                slot = self._k("stats-slot", project_id, str(slot_bucket(at)))
                pipe.hincrby(slot, f"{source}|{kind}", 1)
                pipe.expire(slot, SLOT_STATS_TTL)
            await pipe.execute()
        await self._last_event_script(
            keys=[self._k("last", project_id)],
            args=[f"{source}|{kind}", iso(at), _last_event(at, detail)],
        )

    @_guarded
    async def event_counts(self, project_id: str, now: datetime) -> dict[str, dict[str, int]]:
        first = hour_bucket(now - STATS_WINDOW) + 1
        async with self.redis.pipeline(transaction=False) as pipe:
            for hour in range(first, hour_bucket(now) + 1):
                pipe.hgetall(self._k("stats", project_id, str(hour)))
            buckets = await pipe.execute()
        counts: dict[str, dict[str, int]] = {}
        for bucket in buckets:
            for field, n in bucket.items():
                source, _, kind = field.partition("|")
                per = counts.setdefault(source, {})
                per[kind] = per.get(kind, 0) + int(n)
        return counts

    @_guarded
    async def event_series(
        self, project_id: str, now: datetime, hours: int
    ) -> dict[str, dict[int, int]]:
        last = hour_bucket(now)
        first = last - min(hours, int(SERIES_WINDOW.total_seconds()) // 3600) + 1
        async with self.redis.pipeline(transaction=False) as pipe:
            for hour in range(first, last + 1):
                pipe.hgetall(self._k("stats", project_id, str(hour)))
            buckets = await pipe.execute()
        series: dict[str, dict[int, int]] = {}
        for hour, bucket in zip(range(first, last + 1), buckets, strict=True):
            for field, n in bucket.items():
                source, _, kind = field.partition("|")
                if kind in SERIES_KINDS:
                    per = series.setdefault(source, {})
                    per[hour] = per.get(hour, 0) + int(n)
        return series

    @_guarded
    async def recent_event_series(
        self, project_id: str, now: datetime
    ) -> dict[str, dict[int, int]]:
        last = slot_bucket(now)
        slots = range(last - SLOTS_PER_HOUR + 1, last + 1)
        async with self.redis.pipeline(transaction=False) as pipe:
            for slot in slots:
                pipe.hgetall(self._k("stats-slot", project_id, str(slot)))
            buckets = await pipe.execute()
        series: dict[str, dict[int, int]] = {}
        for slot, bucket in zip(slots, buckets, strict=True):
            for field, n in bucket.items():
                source, _, kind = field.partition("|")
                if kind in SERIES_KINDS:
                    per = series.setdefault(source, {})
                    per[slot] = per.get(slot, 0) + int(n)
        return series

    @_guarded
    async def last_events(self, project_id: str) -> dict[str, dict[str, dict[str, Any]]]:
        raw = await self.redis.hgetall(self._k("last", project_id))
        last: dict[str, dict[str, dict[str, Any]]] = {}
        for field, value in raw.items():
            source, _, kind = field.partition("|")
            last.setdefault(source, {})[kind] = json.loads(value)
        return last
