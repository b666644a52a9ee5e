"""Fixtures of the clustering tests: each port's adapters, and items as the plugins map them.

``embedder`` runs a test once per Embedder adapter (``local``, and ``gemini`` against a fake
Gemini at its HTTP boundary); ``vector_index`` once per VectorIndex adapter (``local`` on
SQLite and on the real Redis, and ``upstash`` against a fake Upstash Vector).
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
import respx

from soulcaster_core.clustering.clusterer import Clusterer
from soulcaster_core.clustering.embedders import Embedder
from soulcaster_core.clustering.embedders.gemini import GeminiEmbedder
from soulcaster_core.clustering.embedders.local import LocalEmbedder
from soulcaster_core.clustering.indexes import VectorIndex
from soulcaster_core.clustering.indexes.local import LocalIndex
from soulcaster_core.clustering.indexes.upstash import UpstashIndex
from soulcaster_core.models import Project
from soulcaster_core.outbound import tls_context
from soulcaster_core.store.port import Store
from soulcaster_core.store.redis import RedisStore
from soulcaster_core.store.sqlite import SQLiteStore
from soulcaster_core.testing import test_redis_url as redis_url

from .fakes import GEMINI_URL, UPSTASH_URL, FakeGemini, FakeUpstash
from .grouping_kit import PROJECT


async def no_sleep(_: float) -> None:
    """Backoff without waiting: the tests check what is retried, not how long it waits."""


@pytest.fixture
def fake_gemini() -> Iterator[FakeGemini]:
    fake = FakeGemini()
    with respx.mock(assert_all_called=False) as mock:
        route = mock.post(GEMINI_URL).mock(side_effect=fake)
        yield fake
    # The SDK really went through our client and the mock: nothing reached the network.
    assert route.call_count == len(fake.batches) + fake.refused


@pytest.fixture
def fake_upstash() -> Iterator[FakeUpstash]:
    fake = FakeUpstash()
    with respx.mock(assert_all_called=False) as mock:
        mock.route(url__startswith=UPSTASH_URL).mock(side_effect=fake)
        yield fake


@pytest.fixture(params=["local", "gemini"])
async def embedder(
    request: pytest.FixtureRequest, fake_gemini: FakeGemini, anyio_backend: str
) -> AsyncIterator[Embedder]:
    chosen: Embedder
    if request.param == "local":
        chosen = LocalEmbedder(dimensions=256)
    else:
        chosen = GeminiEmbedder("test-key", tls=tls_context(), dimensions=256, sleep=no_sleep)
    try:
        yield chosen
    finally:
        await chosen.aclose()


@pytest.fixture(params=["local-sqlite", "local-redis", "upstash"])
async def vector_index(
    request: pytest.FixtureRequest, tmp_path: Path, fake_upstash: FakeUpstash, anyio_backend: str
) -> AsyncIterator[VectorIndex]:
    if request.param == "upstash":
        index: VectorIndex = UpstashIndex(UPSTASH_URL, "test-token", sleep=no_sleep)
        try:
            yield index
        finally:
            await index.aclose()
        return
    if request.param == "local-sqlite":
        store: SQLiteStore | RedisStore = SQLiteStore(tmp_path / "soulcaster.sqlite3")
    else:
        store = RedisStore(redis_url(), prefix=f"test-{uuid.uuid4().hex}:")
    await store.open()
    try:
        yield LocalIndex(store)
    finally:
        if isinstance(store, RedisStore):
            await store.destroy()
        await store.close()


@pytest.fixture
async def clusterer(store: Store) -> Clusterer:
    """A clusterer on the local embedder and index, over project ``grouping_kit.PROJECT``."""
    await store.create_project(Project(id=PROJECT, name="Acme"))
    return Clusterer(store, LocalEmbedder(), LocalIndex(store))
