"""The VectorIndex port's embedded default, and the factory that picks an adapter from settings.

``LocalIndex`` keeps each project's vectors in a numpy matrix and answers a query with one
matrix-vector product: exact, and fast for the tens of thousands of vectors one project has
(the clusterer stores one vector per distinct template, not per item). Vectors are persisted
through the Store's vector methods and loaded once per project, then kept in memory; a cache
older than ``refresh_seconds`` is reloaded, so that workers sharing one Redis store see each
other's vectors (one worker, the embedded default, never needs to).
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from ..errors import StoreUnavailable
from ..store.base import Store, VectorRow
from .ports import (
    BY_ID,
    ClusteringUnavailable,
    Match,
    Vector,
    VectorIndex,
    VectorRecord,
    key_only_vector,
)

if TYPE_CHECKING:
    from ..settings import Settings

Matrix = npt.NDArray[np.float32]


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
        if row is None:
            row = len(self.ids)
            if row == self.matrix.shape[0]:
                self.matrix = np.vstack([self.matrix, np.zeros_like(self.matrix)])
            self.rows[record.id] = row
            self.ids.append(record.id)
            self.metadata.append(dict(record.metadata))
        else:
            self.metadata[row] = dict(record.metadata)
            self.postings.clear()  # values may have changed; rebuilt when next needed
        for key, index in self.postings.items():
            index.setdefault(str(record.metadata.get(key)), []).append(row)
        self.matrix[row] = vector


#: Metadata key under which a mostly-zero vector is kept in sparse form.
SPARSE = "_sparse"


def _pack(record: VectorRecord) -> tuple[str, list[float], dict[str, Any]]:
    """What goes to the store: mostly-zero vectors (the local embedder's have a few dozen
    non-zeros in 768) as index and value lists, a tenth of the JSON and of the time."""
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

    def __init__(self, store: Store, *, refresh_seconds: float = 30.0) -> None:
        self.store = store
        self.refresh_seconds = refresh_seconds
        self._projects: dict[str, _Project] = {}

    async def _project(self, project_id: str) -> _Project:
        cached = self._projects.get(project_id)
        if cached is not None and time.monotonic() - cached.loaded_at < self.refresh_seconds:
            return cached
        try:
            rows = await self.store.load_vectors(project_id)
        except StoreUnavailable as exc:
            raise ClusteringUnavailable(f"the vector store is unavailable: {exc}") from exc
        project = _Project(loaded_at=time.monotonic())
        for vector_id, vector, metadata in rows:
            project.put(_unpack(vector_id, vector, metadata))
        self._projects[project_id] = project
        return project

    async def upsert(self, project_id: str, records: Sequence[VectorRecord]) -> None:
        if not records:
            return
        project = await self._project(project_id)
        await self._save(project_id, records)
        for record in records:
            project.put(record)

    def store_rows(self, store: Store, records: Sequence[VectorRecord]) -> list[VectorRow] | None:
        return [_pack(r) for r in records] if store is self.store else None

    async def stored(self, project_id: str, records: Sequence[VectorRecord]) -> None:
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
        # Rows in ascending order: all of them (a view, no copy), or those ``where`` selects.
        rows: npt.NDArray[np.intp] | None = None
        for key, value in (where or {}).items():
            found = np.asarray(project.rows_where(key, value), dtype=np.intp)
            rows = found if rows is None else np.intersect1d(rows, found)
        vectors = project.vectors if rows is None else project.vectors[rows]
        if not len(vectors):
            return []
        query = np.asarray(vector, dtype=np.float32)
        norm = float(np.linalg.norm(query))
        scores = vectors @ (query / norm if norm else query)
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


# One index per store, so that the worker and the API of one process (the embedded default)
# share one in-memory copy: a merge made through the API is seen by the next batch. Keyed
# weakly by the store, so each app (and each test) has its own and none outlives its store.
_SHARED: weakref.WeakKeyDictionary[Store, VectorIndex] = weakref.WeakKeyDictionary()


def shared_vector_index(settings: Settings, store: Store) -> VectorIndex:
    """The vector index of ``store``'s process, built on first use."""
    index = _SHARED.get(store)
    if index is None:
        index = _SHARED[store] = build_vector_index(settings, store)
    return index


def build_vector_index(settings: Settings, store: Store) -> VectorIndex:
    """The adapter ``SOULCASTER_VECTOR_INDEX`` names; Upstash's SDK is imported only if chosen."""
    if settings.vector_index == "upstash":
        try:
            from .upstash import UpstashIndex
        except ImportError as exc:
            raise ImportError(
                "SOULCASTER_VECTOR_INDEX=upstash needs upstash-vector: "
                "pip install 'soulcaster-core[upstash]'"
            ) from exc

        url, token = settings.upstash_vector_rest_url, settings.upstash_vector_rest_token
        if not url or token is None:
            raise ValueError(
                "SOULCASTER_VECTOR_INDEX=upstash needs UPSTASH_VECTOR_REST_URL and "
                "UPSTASH_VECTOR_REST_TOKEN"
            )
        return UpstashIndex(url, token.get_secret_value())
    return LocalIndex(store)
