"""A clustering worker that stalls mid-batch, alive, until it is killed: run as a child process.

    python stalled_worker.py redis REDIS_URL PREFIX HEARTBEAT_TTL_MS
    python stalled_worker.py sqlite PATH HEARTBEAT_TTL_MS

It runs the worker's loop (so its heartbeat is renewed), claims a batch, and stops inside the
step that stores the batch's clusters, printing ``stalled`` first: a slow worker that is alive,
until the test sends it SIGKILL.
"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path
from typing import Any

import anyio
import httpx

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", ".."))

from soulcaster_core.store.port import Store
from soulcaster_core.store.redis import RedisStore
from soulcaster_core.store.sqlite import SQLiteStore
from soulcaster_core.worker import ClusterWorker
from tests.clustering.services import services_for


def stalling(store: Store) -> Store:
    async def add_to_clusters(*args: Any, **kwargs: Any) -> None:
        print("stalled", flush=True)
        await anyio.sleep_forever()

    store.add_to_clusters = add_to_clusters  # type: ignore[method-assign]
    return store


async def main(argv: list[str]) -> None:
    if argv[0] == "redis":
        store: Store = RedisStore(argv[1], prefix=argv[2])
    else:
        store = SQLiteStore(Path(argv[1]))
    ttl_ms = int(argv[-1])
    await store.open()
    async with httpx.AsyncClient() as http:
        worker = ClusterWorker(
            services_for(stalling(store), http),
            consumer="stalled",
            heartbeat_ttl_ms=ttl_ms,
            heartbeat_every_ms=ttl_ms // 5,
            block_ms=0,
        )
        await worker.run(anyio.Event())


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1:]))
