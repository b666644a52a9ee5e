"""The port contracts, run against every adapter: Embedder (local, Gemini) and VectorIndex
(local on SQLite and on Redis, Upstash). The remote ones talk to fakes at the HTTP boundary."""

from __future__ import annotations

import math

import numpy as np
import pytest

from soulcaster_core.clustering.embedders import Embedder
from soulcaster_core.clustering.embedders.gemini import GeminiEmbedder
from soulcaster_core.clustering.indexes import VectorIndex, VectorRecord
from soulcaster_core.clustering.indexes.upstash import UpstashIndex
from soulcaster_core.errors import ClusteringUnavailable

from .conftest import no_sleep
from .fakes import UPSTASH_URL, FakeGemini, FakeUpstash

pytestmark = pytest.mark.anyio


# -- Embedder -----------------------------------------------------------------------------------
async def test_one_unit_vector_per_text_in_order(embedder: Embedder) -> None:
    texts = ["TypeError: x is undefined", "disk full on /var", "TypeError: x is undefined"]
    vectors = await embedder.embed(texts)
    assert len(vectors) == 3
    assert all(len(v) == embedder.dimensions for v in vectors)
    assert all(math.isclose(math.fsum(x * x for x in v), 1.0, rel_tol=1e-5) for v in vectors)
    assert vectors[0] == pytest.approx(vectors[2])
    assert vectors[0] != pytest.approx(vectors[1])


async def test_similar_texts_are_closer_than_unrelated_ones(embedder: Embedder) -> None:
    a, b, c = await embedder.embed(
        [
            "KeyError: 'user_id' in load_profile",
            "KeyError: 'user_id' in load_profile export",
            "disk quota exceeded on volume",
        ]
    )

    def dot(x: list[float], y: list[float]) -> float:
        return sum(p * q for p, q in zip(x, y, strict=True))

    assert dot(a, b) > dot(a, c)


async def test_empty_input_is_fine(embedder: Embedder) -> None:
    assert await embedder.embed([]) == []
    assert (await embedder.embed_matrix([])).shape == (0, embedder.dimensions)


async def test_the_matrix_holds_the_same_vectors(embedder: Embedder) -> None:
    texts = ["TypeError: x is undefined", "disk full on /var", "TypeError: x is undefined"]
    matrix = await embedder.embed_matrix(texts)
    assert (matrix.dtype, matrix.shape) == (np.float32, (3, embedder.dimensions))
    assert np.array_equal(matrix, np.asarray(await embedder.embed(texts), dtype=np.float32))


async def test_local_embedder_is_deterministic_across_instances() -> None:
    from soulcaster_core.clustering.embedders.local import LocalEmbedder

    text = "NullPointerException: Cannot invoke <*> @ InvoiceService.format"
    assert await LocalEmbedder(64).embed([text]) == await LocalEmbedder(64).embed([text])


async def test_gemini_sends_batches_of_at_most_100(fake_gemini: FakeGemini) -> None:
    embedder = GeminiEmbedder("k", dimensions=32, sleep=no_sleep)
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
    embedder = GeminiEmbedder("k", dimensions=16, sleep=sleep)
    assert len(await embedder.embed(["boom"])) == 1
    await embedder.aclose()
    assert len(waits) == 1 and fake_gemini.refused == 1


async def test_gemini_outage_is_clustering_unavailable(fake_gemini: FakeGemini) -> None:
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)

    fake_gemini.down = 503
    embedder = GeminiEmbedder("k", dimensions=16, attempts=4, sleep=sleep)
    with pytest.raises(ClusteringUnavailable):
        await embedder.embed(["boom"])
    await embedder.aclose()
    assert fake_gemini.refused == 4
    assert len(waits) == 3 and waits[0] < waits[-1]  # exponential


async def test_gemini_bad_key_is_not_retried(fake_gemini: FakeGemini) -> None:
    fake_gemini.down = 400
    embedder = GeminiEmbedder("k", dimensions=16, sleep=no_sleep)
    with pytest.raises(ClusteringUnavailable, match="refused"):
        await embedder.embed(["boom"])
    await embedder.aclose()
    assert fake_gemini.refused == 1


# -- VectorIndex --------------------------------------------------------------------------------
def rec(vid: str, vector: list[float], cluster: str, shape: str = "s1") -> VectorRecord:
    return VectorRecord(vid, vector, {"cluster_id": cluster, "shape": shape, "title": vid})


async def test_query_ranks_by_cosine_similarity(vector_index: VectorIndex) -> None:
    await vector_index.upsert(
        "acme",
        [
            rec("a", [1.0, 0.0, 0.0], "c1"),
            rec("b", [0.6, 0.8, 0.0], "c2"),
            rec("c", [0, 0, 1.0], "c3"),
        ],
    )
    found = await vector_index.query("acme", [1.0, 0.1, 0.0], top_k=2)
    assert [m.id for m in found] == ["a", "b"]
    assert found[0].score == pytest.approx(1 / math.sqrt(1.01), abs=1e-4)
    assert found[0].metadata["cluster_id"] == "c1"


async def test_query_filters_on_metadata(vector_index: VectorIndex) -> None:
    await vector_index.upsert(
        "acme", [rec("a", [1.0, 0.0], "c1", "x"), rec("b", [0.9, 0.1], "c2", "y")]
    )
    found = await vector_index.query("acme", [1.0, 0.0], top_k=5, where={"shape": "y"})
    assert [m.id for m in found] == ["b"]
    assert await vector_index.query("acme", [1.0, 0.0], top_k=5, where={"shape": "z"}) == []


async def test_projects_do_not_see_each_other(vector_index: VectorIndex) -> None:
    await vector_index.upsert("acme", [rec("a", [1.0, 0.0], "c1")])
    await vector_index.upsert("globex", [rec("g", [1.0, 0.0], "c9")])
    assert [m.id for m in await vector_index.query("acme", [1.0, 0.0], 10)] == ["a"]
    assert await vector_index.fetch("acme", ["g"]) == {}


async def test_fetch_update_delete(vector_index: VectorIndex) -> None:
    await vector_index.upsert("acme", [rec("a", [1.0, 0.0], "c1"), rec("b", [0.0, 1.0], "c2")])
    assert (await vector_index.fetch("acme", ["a", "nope"]))["a"]["cluster_id"] == "c1"
    await vector_index.update_metadata("acme", ["a", "nope"], {"cluster_id": "c2"})
    fetched = await vector_index.fetch("acme", ["a"])
    assert fetched["a"] == {"cluster_id": "c2", "shape": "s1", "title": "a"}  # others kept
    await vector_index.delete("acme", ["b"])
    assert list(await vector_index.fetch("acme", ["a", "b"])) == ["a"]
    assert [m.id for m in await vector_index.query("acme", [0.0, 1.0], 10)] == ["a"]


async def test_upsert_replaces_by_id(vector_index: VectorIndex) -> None:
    await vector_index.upsert("acme", [rec("a", [1.0, 0.0], "c1")])
    await vector_index.upsert("acme", [rec("a", [0.0, 1.0], "c7")])
    found = await vector_index.query("acme", [0.0, 1.0], 10)
    assert [(m.id, m.metadata["cluster_id"]) for m in found] == [("a", "c7")]
    assert found[0].score == pytest.approx(1.0, abs=1e-4)


async def test_empty_index_answers_empty(vector_index: VectorIndex) -> None:
    assert await vector_index.query("acme", [1.0, 0.0], 5) == []
    assert await vector_index.fetch("acme", ["a"]) == {}


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


async def test_local_index_survives_a_restart(tmp_path: object) -> None:
    from pathlib import Path

    from soulcaster_core.clustering.indexes.local import LocalIndex
    from soulcaster_core.store.sqlite import SQLiteStore

    path = Path(str(tmp_path)) / "s.sqlite3"
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
