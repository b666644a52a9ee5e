"""``RedisStore``: the parts of the Redis adapter, one per concern, as one ``Store``."""

from __future__ import annotations

import contextlib

from redis import exceptions as redis_errors

from ...incidents.cache import IncidentCache
from .batcher import _IngestBatcher
from .clusters import _SET_CLUSTER_LUA, REMOVE_MEMBERS_LUA
from .connection import SOCKET_TIMEOUT, _guarded, lua, redis_client
from .dead_letters import ADD_DEAD_LETTER_LUA, DELETE_DEAD_LETTER_LUA, DeadLettersMixin
from .events import _LAST_EVENT_LUA, CountersMixin
from .incidents import IncidentsMixin
from .ingest import IngestMixin
from .items import ItemsMixin
from .leases import _RELEASE_LEASE_LUA, _RENEW_LEASE_LUA, LeasesMixin
from .projects import ProjectsMixin
from .queue import _SETTLE_LUA, _SIGNAL_LUA, MAX_BLOCK_SHARE
from .rate_limit import TAKE_TOKENS_LUA, RateLimitMixin
from .vectors import VectorsMixin


class RedisStore(
    IngestMixin,
    ItemsMixin,
    ProjectsMixin,
    CountersMixin,
    DeadLettersMixin,
    IncidentsMixin,
    VectorsMixin,
    LeasesMixin,
    RateLimitMixin,
):
    kind = "redis"

    def __init__(
        self, url: str, prefix: str = "", *, socket_timeout: float = SOCKET_TIMEOUT
    ) -> None:
        self.url = url
        self.prefix = prefix
        self.redis, self.cluster = redis_client(
            url,
            decode_responses=True,
            socket_connect_timeout=2,
            socket_timeout=socket_timeout,
            health_check_interval=30,
        )
        # A blocking queue read stays well inside the socket timeout: an idle queue is not
        # an outage.
        self._max_block_ms = int(socket_timeout * 1000 * MAX_BLOCK_SHARE)
        self._held = {}
        self._incident_cache = IncidentCache()
        self._incident_names = {}
        self._next_sweep = 0.0
        self._turn = 0
        self._ingest_batches = _IngestBatcher(
            self.redis,
            lua("ingest"),
            self._ingest_head,
            self._mark_ready,
            cluster=self.cluster,
            signal_command=self._signal_command,
        )
        self._signal_script = self.redis.register_script(_SIGNAL_LUA)
        self._settle_script = self.redis.register_script(_SETTLE_LUA)
        self._last_event_script = self.redis.register_script(_LAST_EVENT_LUA)
        self._set_cluster_script = self.redis.register_script(_SET_CLUSTER_LUA)
        self._remove_members_script = self.redis.register_script(REMOVE_MEMBERS_LUA)
        self._renew_lease_script = self.redis.register_script(_RENEW_LEASE_LUA)
        self._release_lease_script = self.redis.register_script(_RELEASE_LEASE_LUA)
        self._take_tokens_script = self.redis.register_script(TAKE_TOKENS_LUA)
        self._add_dead_letter_script = self.redis.register_script(ADD_DEAD_LETTER_LUA)
        self._delete_dead_letter_script = self.redis.register_script(DELETE_DEAD_LETTER_LUA)

    # -- life cycle ----------------------------------------------------------------------------
    @_guarded
    async def open(self) -> None:
        if self.cluster:
            await self.redis.initialize()  # the slot map, before the batcher routes by it
        await self.redis.ping()
        await self._move_global_keys()
        for project in await self.list_projects():
            await self._split_cluster_documents(project.id)
            await self._move_incident_links_out(project.id)

    async def _move_global_keys(self) -> None:
        """Give the keys of a Redis written before global keys had their hash tag their new
        names (a plain Redis only: no cluster could have served the old ones)."""
        if self.cluster:
            return
        for name in ("projects", "settings"):
            with contextlib.suppress(redis_errors.ResponseError):  # no such key: none to move
                await self.redis.renamenx(f"{self.prefix}{name}", self._g(name))

    async def close(self) -> None:
        await self.redis.aclose()

    @_guarded
    async def ping(self) -> None:
        await self.redis.ping()

    async def destroy(self) -> None:
        """Delete every key under this store's prefix (tests use a prefix of their own)."""
        if not self.prefix:
            raise RuntimeError("refusing to delete every key of a Redis without a prefix")
        # One key per DEL: keys of several slots cannot share a command on a cluster (whose
        # SCAN visits every master).
        async with self.redis.pipeline(transaction=False) as pipe:
            async for key in self.redis.scan_iter(match=f"{self.prefix}*", count=1000):
                pipe.delete(key)
            await pipe.execute()
