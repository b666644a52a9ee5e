"""A clustering worker that dies mid-batch, as ``kill -9`` would: run as a child process.

    python crashing_worker.py REDIS_URL PREFIX ASSIGNED_BEFORE_CRASH

It claims a batch, clusters it, stores the clusters, sets the cluster of the first
ASSIGNED_BEFORE_CRASH items and exits at once (``os._exit``: no cleanup, no acknowledgement).
"""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Sequence

import httpx

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", ".."))

from soulcaster_core.incidents.model import IncidentWork
from soulcaster_core.store.port import ClusterGrowth, ItemClusterRow, VectorRow
from soulcaster_core.store.redis import RedisStore
from soulcaster_core.worker import ClusterWorker
from tests.clustering.services import services_for


class DiesMidBatch(RedisStore):
    def __init__(self, url: str, prefix: str, survive: int) -> None:
        super().__init__(url, prefix=prefix)
        self.survive = survive

    async def add_to_clusters(
        self,
        project_id: str,
        growths: Sequence[ClusterGrowth],
        rows: Sequence[ItemClusterRow] = (),
        vectors: Sequence[VectorRow] = (),
        incidents: IncidentWork | None = None,
    ) -> None:
        # The clusters with every item of the batch, but only the first items' own clusters
        # and no incident: what a worker without one atomic step would leave when killed
        # half-way.
        await super().add_to_clusters(project_id, growths, rows[: self.survive], vectors)
        os._exit(137)


async def main(url: str, prefix: str, survive: int) -> None:
    store = DiesMidBatch(url, prefix, survive)
    await store.open()
    async with httpx.AsyncClient() as http:
        await ClusterWorker(services_for(store, http), consumer="doomed", block_ms=0).run_once()
    sys.exit("the batch finished: the crash did not happen")


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2], int(sys.argv[3])))
