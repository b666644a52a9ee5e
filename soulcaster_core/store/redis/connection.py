"""How the Redis adapter reaches Redis: the client a URL selects, the guard that turns an
outage into ``StoreUnavailable``, and what every part of the adapter shares (``RedisBase``: the
client and the key names).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Coroutine
from importlib.resources import files
from typing import Any, ParamSpec, TypeVar

import redis.asyncio as aioredis
from redis import exceptions as redis_errors
from redis.asyncio.cluster import RedisCluster

from ...errors import StoreUnavailable
from ..port import Store
from .batcher import _IngestBatcher

P = ParamSpec("P")
T = TypeVar("T")

#: How long a command may wait on Redis before the store calls it down (``StoreUnavailable``).
SOCKET_TIMEOUT = 5.0
#: URL schemes of a Redis Cluster, and the scheme redis-py's cluster client reads them as.
CLUSTER_SCHEMES = {"redis+cluster": "redis", "rediss+cluster": "rediss"}
#: The hash tag of every key that belongs to no project: one slot of a cluster holds them all.
GLOBAL_TAG = "{soulcaster}"

_DOWN = (
    redis_errors.ConnectionError,
    redis_errors.TimeoutError,
    redis_errors.BusyLoadingError,
    # A cluster without a master for a slot, or none of its nodes reachable.
    redis_errors.ClusterDownError,
    redis_errors.RedisClusterException,
    OSError,
)


def redis_client(url: str, **options: Any) -> tuple[Any, bool]:
    """The client a URL selects, and whether it is a cluster's (``redis+cluster://``)."""
    scheme, separator, rest = url.partition("://")
    if separator and scheme in CLUSTER_SCHEMES:
        return RedisCluster.from_url(f"{CLUSTER_SCHEMES[scheme]}://{rest}", **options), True
    return aioredis.from_url(url, **options), False


def _guarded(method: Callable[P, Coroutine[Any, Any, T]]) -> Callable[P, Coroutine[Any, Any, T]]:
    """Turn "Redis is not there" into ``StoreUnavailable`` (503), whatever the driver raised."""

    @functools.wraps(method)
    async def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
        try:
            return await method(*args, **kwargs)
        except _DOWN as exc:
            raise StoreUnavailable(f"Redis: {exc}") from exc

    return wrapper


def milliseconds(seconds: float) -> int:
    """A TTL as Redis's ``PX`` / ``PEXPIRE`` take it: the store port counts seconds, fractions
    included (tests wait out 0.2 s, not a whole second); at least 1, since Redis reads a TTL
    of 0 as an error (``SET``) or as "gone now" (``PEXPIRE``)."""
    return max(1, round(seconds * 1000))


def lua(name: str) -> str:
    """The source of the script ``name``.lua, a file of this package."""
    return files(__package__).joinpath(f"{name}.lua").read_text()


class RedisBase(Store):
    """What every part of ``RedisStore`` shares: the client and the key names."""

    url: str
    prefix: str
    # Any: redis-py's stubs give every command one sync-or-async union return type, which
    # says nothing here; values are checked where they are decoded.
    redis: Any
    cluster: bool
    #: Ingest's batcher; other calls on the hot path ride on it too (``take_tokens``).
    _ingest_batches: _IngestBatcher

    # -- key names -----------------------------------------------------------------------------
    def _k(self, kind: str, project: str, *rest: str) -> str:
        key = f"{self.prefix}{kind}:{{{project}}}"
        return f"{key}:{':'.join(rest)}" if rest else key

    def config_key(self, project: str, source: str, field: str) -> str:
        return f"{self.prefix}config:{source}:{{{project}}}:{field}"

    def _g(self, name: str) -> str:
        """The key of something that belongs to no project, in the one global slot."""
        return f"{self.prefix}{GLOBAL_TAG}:{name}"
