"""The VectorIndex port's embedded default: ``LocalIndex``.

``LocalIndex`` keeps each project's vectors in a numpy matrix (the clusterer stores one vector
per distinct template, not per item). A query filtered by metadata (``where``: the templates
of one shape, a handful) is answered exactly, by one matrix-vector product over the rows it
selects. An unfiltered query is too while the project is small; from ``ann_min_rows`` vectors
on it goes through an HNSW graph (faiss), whose cost grows with the log of the vectors rather
than with their number (a product over every row reads them all: 30 MB a query at 10,000
templates). ``ann_min_rows=None`` keeps every query exact: the reference the tests compare
the graph against. Vectors are persisted through the Store's vector methods and loaded once
per project, then kept in memory; every ``refresh_seconds`` what other workers sharing one
Redis store added is read again and added in place (not on a store whose ``vectors_stamp``
says that no one else wrote: SQLite's single process).
"""

from __future__ import annotations

import functools
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

import numpy as np
import numpy.typing as npt

from ...errors import ClusteringUnavailable, StoreUnavailable
from ...store.port import Store, VectorRow
from .port import (
    BY_ID,
    Match,
    Vector,
    VectorIndex,
    VectorRecord,
    key_only_vector,
)

Matrix = npt.NDArray[np.float32]

#: From this many vectors a project's unfiltered queries go through the HNSW graph.
ANN_MIN_ROWS = 2_000
#: HNSW links per vector, and how many candidates building and searching keep: with these,
#: every neighbour at or above the clustering threshold is found (tests/clustering/
#: test_index_ann.py; docs/benchmarks.md has recall and speed).
HNSW_M = 16
HNSW_EF_CONSTRUCTION = 64
HNSW_EF = 128


@functools.cache
def _faiss() -> ModuleType:
    """faiss, imported when a first graph is built: most projects never reach
    ``ANN_MIN_ROWS``, and every process that clusters (a worker, each test's) would pay
    ~50 ms of CPU at start for it."""
    import faiss

    # One query at a time, from the event loop: OpenMP's threads would only spin on shared
    # cores.
    faiss.omp_set_num_threads(1)
    return faiss


@dataclass
class _Project:
    ids: list[str] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)
    metadata: list[dict[str, Any]] = field(default_factory=list)
    #: Rows beyond ``len(ids)`` are spare capacity: growing by doubling keeps inserts cheap.
    matrix: Matrix = field(default_factory=lambda: np.zeros((0, 0), dtype=np.float32))
    loaded_at: float = 0.0
    #: Rows by metadata value, for the keys ``where`` filters on (built on first use).
    postings: dict[str, dict[str, list[int]]] = field(default_factory=dict)
    #: Records found by id only (``metadata[BY_ID]``): kept out of the matrix, so that
    #: neighbour searches do not score them.
    by_id: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: The HNSW graph over the first ``graph.ntotal`` rows (faiss ids are row numbers), caught
    #: up with new rows when next searched; ``None`` until needed, or after a row's vector
    #: changed (the graph cannot change a vector: it is built again).
    graph: Any = None
    #: The store's ``vectors_stamp`` as of the rows held: read before they were, then moved
    #: on by each write this index makes (``None``: the store cannot tell).
    stamp: tuple[int, int] | None = None

    def metadata_of(self, record_id: str) -> dict[str, Any] | None:
        row = self.rows.get(record_id)
        return self.metadata[row] if row is not None else self.by_id.get(record_id)

    def rows_where(self, key: str, value: str) -> list[int]:
        if key not in self.postings:
            index: dict[str, list[int]] = {}
            for row, metadata in enumerate(self.metadata):
                index.setdefault(str(metadata.get(key)), []).append(row)
            self.postings[key] = index
        return self.postings[key].get(value, [])

    @property
    def vectors(self) -> Matrix:
        return self.matrix[: len(self.ids)]

    @property
    def dimensions(self) -> int:
        return int(self.matrix.shape[1]) or 1

    def put(self, record: VectorRecord) -> None:
        if record.metadata.get(BY_ID) and record.id not in self.rows:
            self.by_id[record.id] = dict(record.metadata)
            return
        self.by_id.pop(record.id, None)
        vector = np.asarray(record.vector, dtype=np.float32)
        norm = float(np.linalg.norm(vector))
        if norm:
            vector = vector / norm
        if self.matrix.shape[1] == 0:
            self.matrix = np.zeros((16, vector.shape[0]), dtype=np.float32)
        elif vector.shape[0] != self.matrix.shape[1]:
            raise ValueError(
                f"vector has {vector.shape[0]} dimensions, the index {self.matrix.shape[1]}"
            )
        row = self.rows.get(record.id)
        if row is not None:
            if self.metadata[row] != record.metadata:
                self.metadata[row] = dict(record.metadata)
                self.postings.clear()  # values changed; rebuilt when next needed
            # The store keeps values to 7 digits: a vector read back is the same vector.
            if self.graph is not None and not np.allclose(self.matrix[row], vector, atol=1e-6):
                self.graph = None  # it cannot move a vector: built again when next needed
            self.matrix[row] = vector
            return
        row = len(self.ids)
        if row == self.matrix.shape[0]:
            self.matrix = np.vstack([self.matrix, np.zeros_like(self.matrix)])
        self.rows[record.id] = row
        self.ids.append(record.id)
        self.metadata.append(dict(record.metadata))
        for key, index in self.postings.items():
            index.setdefault(str(record.metadata.get(key)), []).append(row)
        self.matrix[row] = vector

    def nearest(self, query: Matrix, k: int) -> tuple[list[int], list[float]]:
        """The rows the graph finds nearest to ``query`` (normalised), best first."""
        count = len(self.ids)
        if self.graph is None:
            faiss = _faiss()
            self.graph = faiss.IndexHNSWFlat(
                self.matrix.shape[1], HNSW_M, faiss.METRIC_INNER_PRODUCT
            )
            self.graph.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
        if self.graph.ntotal < count:
            self.graph.add(self.matrix[self.graph.ntotal : count])
        self.graph.hnsw.efSearch = max(HNSW_EF, k)
        scores, rows = self.graph.search(query.reshape(1, -1), min(k, count))
        found = [(int(r), float(s)) for r, s in zip(rows[0], scores[0], strict=True) if r >= 0]
        return [r for r, _ in found], [s for _, s in found]

    def wrote(self) -> None:
        """Count one write of this index's own: it holds what that write stored."""
        if self.stamp is not None:
            self.stamp = (self.stamp[0], self.stamp[1] + 1)

    def holds_only(self, ids: set[str]) -> bool:
        """Whether every record kept here is among ``ids`` (none was deleted since)."""
        return self.rows.keys() <= ids and self.by_id.keys() <= ids


#: Metadata key under which a mostly-zero vector is kept in sparse form.
SPARSE = "_sparse"


def _pack(record: VectorRecord) -> tuple[str, list[float], dict[str, Any]]:
    """What goes to the store: mostly-zero vectors (the local embedder's have a few dozen
    non-zeros in 768) as index and value lists, a tenth of the JSON and of the time."""
    size = len(record.vector)
    if size > 4 and record.vector is key_only_vector(size):
        # Most records of a batch are a key's placeholder: its one non-zero is known.
        return record.id, [], {**record.metadata, SPARSE: [size, [0], [1.0]]}
    vector = np.asarray(record.vector, dtype=np.float32)
    nonzero = np.flatnonzero(vector)
    metadata = dict(record.metadata)
    if len(nonzero) * 4 < len(vector):
        values = [round(float(v), 7) for v in vector[nonzero]]
        metadata[SPARSE] = [len(vector), nonzero.tolist(), values]
        return record.id, [], metadata
    return record.id, vector.tolist(), metadata


def _unpack(vector_id: str, vector: Sequence[float], metadata: dict[str, Any]) -> VectorRecord:
    sparse = metadata.pop(SPARSE, None)
    if sparse is not None:
        size, indices, values = sparse
        dense = np.zeros(size, dtype=np.float32)
        dense[indices] = values
        return VectorRecord(vector_id, dense, metadata)
    return VectorRecord(vector_id, vector, metadata)


class LocalIndex(VectorIndex):
    name = "local"

    def __init__(
        self,
        store: Store,
        *,
        refresh_seconds: float = 30.0,
        ann_min_rows: int | None = ANN_MIN_ROWS,
    ) -> None:
        self.store = store
        self.refresh_seconds = refresh_seconds
        self.ann_min_rows = ann_min_rows
        self._projects: dict[str, _Project] = {}

    async def _project(self, project_id: str) -> _Project:
        cached = self._projects.get(project_id)
        if cached is not None and time.monotonic() - cached.loaded_at < self.refresh_seconds:
            return cached
        try:
            # Read before the rows: a write in between moves it again.
            stamp = await self.store.vectors_stamp(project_id)
            if cached is not None and stamp is not None and stamp == cached.stamp:
                # Nothing written but by this index: reading every row again (a cost that grows
                # with the project) would find what it holds.
                cached.loaded_at = time.monotonic()
                return cached
            rows = await self.store.load_vectors(project_id)
        except StoreUnavailable as exc:
            raise ClusteringUnavailable(f"the vector store is unavailable: {exc}") from exc
        if cached is not None and cached.holds_only({vector_id for vector_id, _, _ in rows}):
            # What other workers added or changed, in place: the graph keeps what it has.
            for vector_id, vector, metadata in rows:
                cached.put(_unpack(vector_id, vector, metadata))
            cached.loaded_at, cached.stamp = time.monotonic(), stamp
            return cached
        project = _Project(loaded_at=time.monotonic(), stamp=stamp)
        for vector_id, vector, metadata in rows:
            project.put(_unpack(vector_id, vector, metadata))
        self._projects[project_id] = project
        return project

    async def upsert(self, project_id: str, records: Sequence[VectorRecord]) -> None:
        if not records:
            return
        project = await self._project(project_id)
        await self._save(project_id, records)
        project.wrote()
        for record in records:
            project.put(record)

    def store_rows(self, store: Store, records: Sequence[VectorRecord]) -> list[VectorRow] | None:
        return [_pack(r) for r in records] if store is self.store else None

    async def stored(self, project_id: str, records: Sequence[VectorRecord]) -> None:
        held = self._projects.get(project_id)
        if held is not None:
            held.wrote()  # the store's own write (``Store.add_to_clusters``): it holds it now
        project = await self._project(project_id)
        for record in records:
            project.put(record)

    async def _save(self, project_id: str, records: Sequence[VectorRecord]) -> None:
        rows = [_pack(r) for r in records]
        try:
            await self.store.save_vectors(project_id, rows)
        except StoreUnavailable as exc:
            raise ClusteringUnavailable(f"the vector store is unavailable: {exc}") from exc

    async def query(
        self,
        project_id: str,
        vector: Vector,
        top_k: int,
        where: Mapping[str, str] | None = None,
    ) -> list[Match]:
        project = await self._project(project_id)
        query = np.asarray(vector, dtype=np.float32)
        norm = float(np.linalg.norm(query))
        query = query / norm if norm else query
        if not where and self.ann_min_rows is not None and len(project.ids) >= self.ann_min_rows:
            near, near_scores = project.nearest(query, top_k)
            return [
                Match(project.ids[row], score, dict(project.metadata[row]))
                for row, score in zip(near, near_scores, strict=True)
            ]
        # Rows in ascending order: all of them (a view, no copy), or those ``where`` selects.
        rows: npt.NDArray[np.intp] | None = None
        for key, value in (where or {}).items():
            found = np.asarray(project.rows_where(key, value), dtype=np.intp)
            rows = found if rows is None else np.intersect1d(rows, found)
        vectors = project.vectors if rows is None else project.vectors[rows]
        if not len(vectors):
            return []
        # einsum, not ``@``: a matrix-vector product is bound by memory, and OpenBLAS's threads
        # made it ten times slower on a busy two-core machine (1,000 rows: 9 ms against 0.8).
        scores = np.einsum("ij,j->i", vectors, query)
        k = min(top_k, len(scores))
        best = np.argpartition(-scores, k - 1)[:k]
        best = best[np.argsort(-scores[best], kind="stable")]
        chosen = best.tolist() if rows is None else rows[best].tolist()
        return [
            Match(project.ids[row], score, dict(project.metadata[row]))
            for row, score in zip(chosen, scores[best].tolist(), strict=True)
        ]

    async def fetch(self, project_id: str, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        project = await self._project(project_id)
        found = {i: project.metadata_of(i) for i in ids}
        return {i: dict(metadata) for i, metadata in found.items() if metadata is not None}

    async def update_metadata(
        self, project_id: str, ids: Sequence[str], changes: Mapping[str, Any]
    ) -> None:
        project = await self._project(project_id)
        for vector_id in ids:
            before = project.metadata_of(vector_id)
            if before is None:
                continue
            metadata = {**before, **changes}
            row = project.rows.get(vector_id)
            vector = project.matrix[row] if row is not None else key_only_vector(project.dimensions)
            record = VectorRecord(vector_id, vector.tolist(), metadata)
            await self._save(project_id, [record])
            project.wrote()
            project.put(record)

    async def delete(self, project_id: str, ids: Sequence[str]) -> None:
        try:
            await self.store.delete_vectors(project_id, list(ids))
        except StoreUnavailable as exc:
            raise ClusteringUnavailable(f"the vector store is unavailable: {exc}") from exc
        # Rebuilding is simpler than compacting in place, and deletes are rare (merges, moves).
        self._projects.pop(project_id, None)

    async def clear(self, project_id: str) -> None:
        try:
            ids = [vector_id for vector_id, _, _ in await self.store.load_vectors(project_id)]
        except StoreUnavailable as exc:
            raise ClusteringUnavailable(f"the vector store is unavailable: {exc}") from exc
        await self.delete(project_id, ids)
