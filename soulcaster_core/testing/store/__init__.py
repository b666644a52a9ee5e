"""``StoreContract``: the behaviour every Store adapter owes, as tests a new adapter subclasses.

    from soulcaster_core.testing import StoreContract

    class TestNotebookStore(StoreContract):
        def make_store(self, tmp_path):
            return NotebookStore(tmp_path / "notebook.db")  # built, not yet opened

pytest then runs every case below against a fresh store: opened before each test, handed over
as the ``store`` fixture, then ``discard_store`` (what the test wrote on a shared server) and
closed. The built-in stores run exactly these (``tests/store/test_contract.py``): the
embedded SQLite, Redis, and Redis Cluster. A store that needs a fixture of the suite (a
server) takes it in an autouse fixture of its class, which pytest sets up first:

    class TestClusterStore(StoreContract):
        @pytest.fixture(autouse=True)
        def _cluster(self, redis_cluster):
            self.url = redis_cluster.url

        def make_store(self, tmp_path):
            return RedisStore(self.url, prefix=f"test-{uuid.uuid4().hex}:")

The cases, by concern (one module each): ``ProjectCases`` (projects, config, counters, dead
letters, leases, settings), ``IngestCases`` (dedup, read back, listing, a delivery of many
items), ``ClusterCases`` (the queue, clusters, vectors, a worker's batch reads and writes),
``HistoryCases`` (deliveries and raw bodies), ``MergeCases`` (how deliveries refine an item).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from ...errors import StoreUnavailable
from ...store.port import Store
from .clusters import ClusterCases
from .history import HistoryCases
from .ingest import IngestCases, make_item
from .merge import MergeCases
from .projects import ProjectCases

__all__ = ["StoreContract", "make_item"]


@pytest.mark.anyio
class StoreContract(ProjectCases, IngestCases, ClusterCases, HistoryCases, MergeCases):
    """Subclass it as ``Test<YourStore>`` and give ``make_store``."""

    def make_store(self, tmp_path: Path) -> Store:
        """A new store of the adapter under test, empty and not yet opened."""
        raise NotImplementedError("a StoreContract subclass gives make_store")

    async def discard_store(self, store: Store) -> None:
        """Delete what the test wrote, before the store is closed: nothing by default (a file
        in ``tmp_path`` goes with it); a store on a shared server removes its keys."""

    @pytest.fixture
    def anyio_backend(self) -> str:
        return "asyncio"

    @pytest.fixture
    async def store(self, tmp_path: Path, anyio_backend: str) -> AsyncIterator[Store]:
        made = self.make_store(tmp_path)
        try:
            await made.open()
        except StoreUnavailable as exc:
            pytest.fail(f"{type(made).__name__} cannot be opened: {exc}")
        try:
            yield made
        finally:
            try:
                await self.discard_store(made)
            finally:
                await made.close()
