"""The production store: Redis, or Redis Cluster, through redis-py's asyncio clients.

``redis://`` (``rediss://``) selects the plain client, ``redis+cluster://`` (``rediss+cluster://``)
the cluster client. Every key of a project carries the project id as a hash tag
(``item:{acme}:…``), so the ingest script, which touches a project's dedup, item, index,
counter and queue keys at once, runs on one shard. Config keys keep the names of the design:
``config:datadog:{acme}:webhook_secret``. The keys of no project (the project list, settings,
leases, the clustering queue's ready set) share one fixed hash tag, ``{soulcaster}``, so that a
cluster serves them, and their scripts, from one slot. No command spans two slots.

The clustering queue is one stream per project. Which projects have entries is kept apart, in
the ready set (see ``signal.lua``): a worker reads only those projects' streams, and an idle
worker waits in one blocking read of the wake stream, whatever the number of projects.

One module per concern, each a part of ``RedisStore`` (``store.py`` puts them together), and
each Lua script a ``.lua`` file next to the module that loads it.
"""

from __future__ import annotations

from .connection import redis_client
from .queue import GROUP
from .store import RedisStore

__all__ = ["GROUP", "RedisStore", "redis_client"]
