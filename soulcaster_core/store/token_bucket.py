"""Token buckets, one per project and source: what ``Store.take_tokens`` hands out.

In-process for a store that lives in one process (SQLite); on Redis, one Lua script keeps the
bucket (``redis/take_tokens.lua``), so every ``--workers`` process and every server draws from
the same one.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass


@dataclass
class _Bucket:
    tokens: float
    at: float


class LocalBuckets:
    """The same buckets, for a store only one process uses."""

    def __init__(self) -> None:
        self._buckets: dict[tuple[str, str], _Bucket] = {}

    def take(
        self, project_id: str, source: str, want: int, per_second: float, burst: int
    ) -> tuple[int, float]:
        now = time.monotonic()
        bucket = self._buckets.get((project_id, source))
        if bucket is None:
            bucket = self._buckets[(project_id, source)] = _Bucket(float(burst), now)
        bucket.tokens = min(burst, bucket.tokens + (now - bucket.at) * per_second)
        bucket.at = now
        granted = min(want, math.floor(bucket.tokens))
        bucket.tokens -= granted
        wait = 0.0 if granted else (1 - bucket.tokens) / per_second
        return granted, wait
