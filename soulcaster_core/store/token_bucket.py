"""Token buckets, one per project and source: what ``Store.take_tokens`` hands out.

In-process for a store that lives in one process (SQLite); on Redis, one Lua script keeps the
bucket, so every ``--workers`` process and every server draws from the same one.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

#: KEYS[1] the bucket hash (``tokens``, ``ts``); ARGV: per second, burst, tokens wanted.
#: Returns {granted, seconds until the next token as a string}. Redis' clock, so the processes
#: never disagree on elapsed time.
TAKE_TOKENS_LUA = """
local rate, burst, want = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) + tonumber(clock[2]) / 1000000
local saved = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(saved[1]) or burst
local ts = tonumber(saved[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - ts) * rate)
local granted = math.min(want, math.floor(tokens))
tokens = tokens - granted
local fmt = '%.6f'
redis.call('HSET', KEYS[1], 'tokens', string.format(fmt, tokens), 'ts', string.format(fmt, now))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + 1000)
local wait = 0
if granted == 0 then wait = (1 - tokens) / rate end
return {granted, string.format(fmt, wait)}
"""


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
