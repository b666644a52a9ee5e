"""Token buckets in Redis (``take_tokens.lua``), so every process draws from the same one."""

from __future__ import annotations

from typing import Any

from .connection import RedisBase, _guarded, lua

TAKE_TOKENS_LUA = lua("take_tokens")


class RateLimitMixin(RedisBase):
    #: Registered by ``RedisStore``.
    _take_tokens_script: Any

    @_guarded
    async def take_tokens(
        self, project_id: str, source: str, want: int, per_second: float, burst: int
    ) -> tuple[int, float]:
        # Every few deliveries of a project's source: redis-py's own way cost twice the call.
        granted, wait = await self._ingest_batches.call(
            self._take_tokens_script,
            [self._k("ratelimit", project_id, source)],
            [per_second, burst, want],
        )
        return int(granted), float(wait)
