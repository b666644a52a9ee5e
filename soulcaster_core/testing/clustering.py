"""``EmbedderContract`` and ``VectorIndexContract``: what every adapter of the two clustering
ports owes, as tests a new adapter subclasses (as a store subclasses ``StoreContract``).

    class TestWord2VecEmbedder(EmbedderContract):
        def make_embedder(self):
            return Word2VecEmbedder(dimensions=256)

    class TestPgVectorIndex(VectorIndexContract):
        async def open_index(self, tmp_path):
            return PgVectorIndex(os.environ["TEST_PG_URL"], table=f"t{uuid.uuid4().hex}")

A remote service is reached through a fake at its HTTP boundary (respx), taken in an autouse
fixture of the class, never the real one: ``tests/clustering/test_ports.py`` runs the built-in
adapters so (Gemini, Upstash), and the local ones on SQLite and Redis.
"""

from __future__ import annotations

import math
from collections.abc import AsyncIterator
from pathlib import Path

import numpy as np
import pytest

from ..clustering.embedders import Embedder
from ..clustering.indexes import VectorIndex, VectorRecord

__all__ = ["EmbedderContract", "VectorIndexContract"]


@pytest.mark.anyio
class EmbedderContract:
    """Subclass it as ``Test<YourEmbedder>`` and give ``make_embedder``."""

    def make_embedder(self) -> Embedder:
        raise NotImplementedError("an EmbedderContract subclass gives make_embedder")

    @pytest.fixture
    def anyio_backend(self) -> str:
        return "asyncio"

    @pytest.fixture
    async def embedder(self, anyio_backend: str) -> AsyncIterator[Embedder]:
        made = self.make_embedder()
        try:
            yield made
        finally:
            await made.aclose()

    async def test_one_unit_vector_per_text_in_order(self, embedder: Embedder) -> None:
        texts = ["TypeError: x is undefined", "disk full on /var", "TypeError: x is undefined"]
        vectors = await embedder.embed(texts)
        assert len(vectors) == 3
        assert all(len(v) == embedder.dimensions for v in vectors)
        assert all(math.isclose(math.fsum(x * x for x in v), 1.0, rel_tol=1e-5) for v in vectors)
        assert vectors[0] == pytest.approx(vectors[2])
        assert vectors[0] != pytest.approx(vectors[1])

    async def test_similar_texts_are_closer_than_unrelated_ones(self, embedder: Embedder) -> None:
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

    async def test_empty_input_is_fine(self, embedder: Embedder) -> None:
        assert await embedder.embed([]) == []
        assert (await embedder.embed_matrix([])).shape == (0, embedder.dimensions)

    async def test_the_matrix_holds_the_same_vectors(self, embedder: Embedder) -> None:
        texts = ["TypeError: x is undefined", "disk full on /var", "TypeError: x is undefined"]
        matrix = await embedder.embed_matrix(texts)
        assert matrix.dtype == np.float32 and matrix.shape == (3, embedder.dimensions)
        assert np.array_equal(matrix, np.asarray(await embedder.embed(texts), dtype=np.float32))


def rec(vid: str, vector: list[float], cluster: str, shape: str = "s1") -> VectorRecord:
    return VectorRecord(vid, vector, {"cluster_id": cluster, "shape": shape, "title": vid})


@pytest.mark.anyio
class VectorIndexContract:
    """Subclass it as ``Test<YourIndex>`` and give ``open_index`` (and ``close_index`` when
    there is more to release than the index's own connections)."""

    async def open_index(self, tmp_path: Path) -> VectorIndex:
        """A new, empty index of the adapter under test, ready to use."""
        raise NotImplementedError("a VectorIndexContract subclass gives open_index")

    async def close_index(self, index: VectorIndex) -> None:
        await index.aclose()

    @pytest.fixture
    def anyio_backend(self) -> str:
        return "asyncio"

    @pytest.fixture
    async def vector_index(self, tmp_path: Path, anyio_backend: str) -> AsyncIterator[VectorIndex]:
        index = await self.open_index(tmp_path)
        try:
            yield index
        finally:
            await self.close_index(index)

    async def test_query_ranks_by_cosine_similarity(self, vector_index: VectorIndex) -> None:
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

    async def test_query_filters_on_metadata(self, vector_index: VectorIndex) -> None:
        await vector_index.upsert(
            "acme", [rec("a", [1.0, 0.0], "c1", "x"), rec("b", [0.9, 0.1], "c2", "y")]
        )
        found = await vector_index.query("acme", [1.0, 0.0], top_k=5, where={"shape": "y"})
        assert [m.id for m in found] == ["b"]
        assert await vector_index.query("acme", [1.0, 0.0], top_k=5, where={"shape": "z"}) == []

    async def test_projects_do_not_see_each_other(self, vector_index: VectorIndex) -> None:
        await vector_index.upsert("acme", [rec("a", [1.0, 0.0], "c1")])
        await vector_index.upsert("globex", [rec("g", [1.0, 0.0], "c9")])
        assert [m.id for m in await vector_index.query("acme", [1.0, 0.0], 10)] == ["a"]
        assert await vector_index.fetch("acme", ["g"]) == {}

    async def test_fetch_update_delete(self, vector_index: VectorIndex) -> None:
        await vector_index.upsert("acme", [rec("a", [1.0, 0.0], "c1"), rec("b", [0.0, 1.0], "c2")])
        assert (await vector_index.fetch("acme", ["a", "nope"]))["a"]["cluster_id"] == "c1"
        await vector_index.update_metadata("acme", ["a", "nope"], {"cluster_id": "c2"})
        fetched = await vector_index.fetch("acme", ["a"])
        assert fetched["a"] == {"cluster_id": "c2", "shape": "s1", "title": "a"}  # others kept
        await vector_index.delete("acme", ["b"])
        assert list(await vector_index.fetch("acme", ["a", "b"])) == ["a"]
        assert [m.id for m in await vector_index.query("acme", [0.0, 1.0], 10)] == ["a"]

    async def test_upsert_replaces_by_id(self, vector_index: VectorIndex) -> None:
        await vector_index.upsert("acme", [rec("a", [1.0, 0.0], "c1")])
        await vector_index.upsert("acme", [rec("a", [0.0, 1.0], "c7")])
        found = await vector_index.query("acme", [0.0, 1.0], 10)
        assert [(m.id, m.metadata["cluster_id"]) for m in found] == [("a", "c7")]
        assert found[0].score == pytest.approx(1.0, abs=1e-4)

    async def test_empty_index_answers_empty(self, vector_index: VectorIndex) -> None:
        assert await vector_index.query("acme", [1.0, 0.0], 5) == []
        assert await vector_index.fetch("acme", ["a"]) == {}
