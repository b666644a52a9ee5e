"""The port contracts (``soulcaster_core.testing``), run against every adapter: Embedder (local,
Gemini) and VectorIndex (local on SQLite and on Redis, Upstash). The remote ones talk to fakes
at the HTTP boundary. Then what only one adapter does."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from soulcaster_core.clustering.embedders import Embedder
from soulcaster_core.clustering.embedders.gemini import GeminiEmbedder
from soulcaster_core.clustering.embedders.local import LocalEmbedder
from soulcaster_core.clustering.indexes import VectorIndex
from soulcaster_core.clustering.indexes.local import LocalIndex
from soulcaster_core.clustering.indexes.upstash import UpstashIndex
from soulcaster_core.errors import ClusteringUnavailable
from soulcaster_core.outbound import tls_context
from soulcaster_core.store.redis import RedisStore
from soulcaster_core.store.sqlite import SQLiteStore
from soulcaster_core.testing import EmbedderContract, VectorIndexContract
from soulcaster_core.testing import test_redis_url as redis_url
from soulcaster_core.testing.clustering import rec

from .conftest import no_sleep
from .fakes import UPSTASH_URL, FakeGemini, FakeUpstash

pytestmark = pytest.mark.anyio


# -- Embedder: the contract, then what only one adapter does -----------------------------------
class TestLocalEmbedder(EmbedderContract):
    def make_embedder(self) -> Embedder:
        return LocalEmbedder(dimensions=256)


class TestGeminiEmbedder(EmbedderContract):
    """Against a fake Gemini at its HTTP boundary (``fake_gemini``): nothing reaches Google."""

    @pytest.fixture(autouse=True)
    def _fake(self, fake_gemini: FakeGemini) -> None:
        self.fake = fake_gemini

    def make_embedder(self) -> Embedder:
        return GeminiEmbedder("test-key", tls=tls_context(), dimensions=256, sleep=no_sleep)


async def test_local_embedder_is_deterministic_across_instances() -> None:
    text = "NullPointerException: Cannot invoke <*> @ InvoiceService.format"
    assert await LocalEmbedder(64).embed([text]) == await LocalEmbedder(64).embed([text])


async def test_gemini_sends_batches_of_at_most_100(fake_gemini: FakeGemini) -> None:
    embedder = GeminiEmbedder("k", tls=tls_context(), dimensions=32, sleep=no_sleep)
    vectors = await embedder.embed([f"error {i}" for i in range(250)])
    await embedder.aclose()
    assert len(vectors) == 250
    assert fake_gemini.batches == [100, 100, 50]


@pytest.mark.parametrize("status", [429, 500, 503])
async def test_gemini_backs_off_then_succeeds(fake_gemini: FakeGemini, status: int) -> None:
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)
        fake_gemini.down = None  # the service is back after the first wait

    fake_gemini.down = status
    embedder = GeminiEmbedder("k", tls=tls_context(), dimensions=16, sleep=sleep)
    assert len(await embedder.embed(["boom"])) == 1
    await embedder.aclose()
    assert len(waits) == 1 and fake_gemini.refused == 1


async def test_gemini_outage_is_clustering_unavailable(fake_gemini: FakeGemini) -> None:
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)

    fake_gemini.down = 503
    embedder = GeminiEmbedder("k", tls=tls_context(), dimensions=16, attempts=4, sleep=sleep)
    with pytest.raises(ClusteringUnavailable):
        await embedder.embed(["boom"])
    await embedder.aclose()
    assert fake_gemini.refused == 4
    assert len(waits) == 3 and waits[0] < waits[-1]  # exponential


async def test_gemini_bad_key_is_not_retried(fake_gemini: FakeGemini) -> None:
    fake_gemini.down = 400
    embedder = GeminiEmbedder("k", tls=tls_context(), dimensions=16, sleep=no_sleep)
    with pytest.raises(ClusteringUnavailable, match="refused"):
        await embedder.embed(["boom"])
    await embedder.aclose()
    assert fake_gemini.refused == 1


# -- VectorIndex: the contract, then what only one adapter does --------------------------------
class TestLocalIndexOnSQLite(VectorIndexContract):
    async def open_index(self, tmp_path: Path) -> VectorIndex:
        self.store = SQLiteStore(tmp_path / "soulcaster.sqlite3")
        await self.store.open()
        return LocalIndex(self.store)

    async def close_index(self, index: VectorIndex) -> None:
        await self.store.close()


class TestLocalIndexOnRedis(VectorIndexContract):
    async def open_index(self, tmp_path: Path) -> VectorIndex:
        self.store = RedisStore(redis_url(), prefix=f"test-{uuid.uuid4().hex}:")
        await self.store.open()
        return LocalIndex(self.store)

    async def close_index(self, index: VectorIndex) -> None:
        await self.store.destroy()
        await self.store.close()


class TestUpstashIndex(VectorIndexContract):
    """Against a fake Upstash Vector at its HTTP boundary (``fake_upstash``)."""

    @pytest.fixture(autouse=True)
    def _fake(self, fake_upstash: FakeUpstash) -> None:
        self.fake = fake_upstash

    async def open_index(self, tmp_path: Path) -> VectorIndex:
        return UpstashIndex(UPSTASH_URL, "test-token", sleep=no_sleep)


async def test_upstash_outage_is_clustering_unavailable(fake_upstash: FakeUpstash) -> None:
    index = UpstashIndex(UPSTASH_URL, "t", attempts=3, sleep=no_sleep)
    fake_upstash.down = True
    with pytest.raises(ClusteringUnavailable):
        await index.query("acme", [1.0, 0.0], 5)
    assert fake_upstash.calls == []  # every try was answered by the outage
    fake_upstash.down = False
    await index.upsert("acme", [rec("a", [1.0, 0.0], "c1")])
    assert [m.id for m in await index.query("acme", [1.0, 0.0], 5)] == ["a"]
    await index.aclose()


async def test_local_index_survives_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    store = SQLiteStore(path)
    await store.open()
    sparse = [0.0] * 64
    sparse[3], sparse[40] = 0.6, 0.8
    await LocalIndex(store).upsert("acme", [rec("a", sparse, "c1"), rec("b", [0.125] * 64, "c2")])
    await store.close()
    store = SQLiteStore(path)
    await store.open()
    again = LocalIndex(store)
    found = await again.query("acme", sparse, 1)
    assert found[0].id == "a" and found[0].score == pytest.approx(1.0, abs=1e-5)
    assert found[0].metadata == {"cluster_id": "c1", "shape": "s1", "title": "a"}
    assert (await again.query("acme", [0.125] * 64, 1))[0].id == "b"
    await store.close()
