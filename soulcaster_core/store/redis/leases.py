"""Settings and leases: keys of no project, in the one global slot."""

from __future__ import annotations

from typing import Any

from .connection import RedisBase, _guarded, lua, milliseconds

_RENEW_LEASE_LUA = lua("renew_lease")
_RELEASE_LEASE_LUA = lua("release_lease")


class LeasesMixin(RedisBase):
    #: Registered by ``RedisStore``.
    _renew_lease_script: Any
    _release_lease_script: Any

    @_guarded
    async def get_setting(self, name: str) -> str | None:
        value: str | None = await self.redis.hget(self._g("settings"), name)
        return value

    @_guarded
    async def set_setting(self, name: str, value: str) -> None:
        await self.redis.hset(self._g("settings"), name, value)

    @_guarded
    async def acquire_lease(self, name: str, owner: str, ttl_seconds: float) -> bool:
        key, ttl = self._g(f"lease:{name}"), milliseconds(ttl_seconds)
        if await self.redis.set(key, owner, nx=True, px=ttl):
            return True
        # Taking it again is fine for its holder (and extends it).
        return bool(await self._renew_lease_script(keys=[key], args=[owner, ttl]))

    @_guarded
    async def release_lease(self, name: str, owner: str) -> None:
        await self._release_lease_script(keys=[self._g(f"lease:{name}")], args=[owner])
