"""The local index's HNSW graph against the exact search it stands in for.

A fixed set of distinct templates, and queries that are near variants of some of them (a
letter changed, a word more, a word replaced) or of none: the graph must find every
neighbour the exact search finds at or above the clustering threshold, and nearly all those
at half of it.
"""

from __future__ import annotations

import random
import string
from pathlib import Path

import pytest

from soulcaster_core.clustering.embedders.local import LocalEmbedder
from soulcaster_core.clustering.indexes import Match, VectorRecord
from soulcaster_core.clustering.indexes.local import LocalIndex
from soulcaster_core.store.sqlite import SQLiteStore

pytestmark = pytest.mark.anyio

PROJECT = "acme"
TEMPLATES = 2_000
# Letters that never read as hex, so that each word stays a word.
LETTERS = string.ascii_lowercase[6:]


def word(rng: random.Random) -> str:
    return "".join(rng.choices(LETTERS, k=rng.randrange(5, 10)))


def variant(text: str, n: int, rng: random.Random) -> str:
    words = text.split()
    at = rng.randrange(len(words))
    if n % 3 == 0:
        words[at] = words[at][:-1] + "x"
    elif n % 3 == 1:
        words.insert(at, "again")
    else:
        words[at] = word(rng)
    return " ".join(words)


def ids_at(found: list[Match], least: float) -> set[str]:
    return {m.id for m in found if m.score >= least}


async def test_the_graph_finds_what_the_exact_search_finds(tmp_path: Path) -> None:
    rng = random.Random(11)
    texts = [" ".join(word(rng) for _ in range(14)) for _ in range(TEMPLATES)]
    queries = [variant(rng.choice(texts), n, rng) for n in range(150)]
    queries += [" ".join(word(rng) for _ in range(6)) for _ in range(30)]  # like none
    embedder = LocalEmbedder()
    store = SQLiteStore(tmp_path / "s.sqlite3")
    await store.open()
    try:
        exact = LocalIndex(store, ann_min_rows=None)
        approximate = LocalIndex(store, ann_min_rows=1_000)
        matrix = await embedder.embed_matrix(texts)
        records = [VectorRecord(f"t{n}", v.tolist(), {"n": n}) for n, v in enumerate(matrix)]
        await exact.upsert(PROJECT, records)
        threshold, near, found_near, found_close = embedder.default_threshold, 0, 0, 0
        for vector in await embedder.embed_matrix(queries):
            want = await exact.query(PROJECT, vector, 5)
            got = await approximate.query(PROJECT, vector, 5)
            assert ids_at(want, threshold) <= ids_at(got, threshold)
            near += len(ids_at(want, 0.5))
            found_near += len(ids_at(want, 0.5) & ids_at(got, 0.5))
            found_close += len(ids_at(want, threshold))
        assert found_close >= 40, "the set must hold neighbours above the threshold"
        assert found_near >= 0.95 * near
        # The answers came from the graph, over every template.
        assert approximate._projects[PROJECT].graph.ntotal == TEMPLATES
    finally:
        await store.close()


async def test_the_graph_follows_added_and_changed_vectors(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "s.sqlite3")
    await store.open()
    try:
        index = LocalIndex(store, ann_min_rows=2, refresh_seconds=0)
        other_worker = LocalIndex(store)
        axes = [[1.0 if i == n else 0.0 for i in range(16)] for n in range(16)]
        await index.upsert(PROJECT, [VectorRecord(f"a{n}", axes[n], {}) for n in range(3)])
        assert [m.id for m in await index.query(PROJECT, axes[1], 1)] == ["a1"]
        # Another worker adds one and moves one: this index reads both at its next query.
        await other_worker.upsert(
            PROJECT, [VectorRecord("a7", axes[7], {}), VectorRecord("a1", axes[5], {})]
        )
        assert [m.id for m in await index.query(PROJECT, axes[7], 1)] == ["a7"]
        assert [m.id for m in await index.query(PROJECT, axes[5], 1)] == ["a1"]
        assert (await index.query(PROJECT, axes[1], 1))[0].score < 0.5
        # Reading back what it holds (values kept to 7 digits) keeps the graph it built.
        graph = index._projects[PROJECT].graph
        odd = [0.123456789, 0.987654321] + [0.0] * 14  # kept sparse, to 7 digits
        await index.upsert(PROJECT, [VectorRecord("odd", odd, {})])
        await index.query(PROJECT, axes[2], 1)
        await index.query(PROJECT, axes[2], 1)
        assert index._projects[PROJECT].graph is graph
    finally:
        await store.close()
