"""The VectorIndex port: per-project vectors with metadata, nearest neighbours by cosine.

Its adapters: ``local.LocalIndex`` (the embedded default: numpy, and an HNSW graph from faiss
on large projects, kept in the Store) and ``upstash.UpstashIndex`` (Upstash Vector, the
``[upstash]`` extra). Every adapter raises ``ClusteringUnavailable`` when its service cannot
answer (after its own short retries); the worker then leaves the queue entries unacknowledged
and tries again later, so an outage delays clustering and loses nothing.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, ClassVar

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from ...store.port import Store, VectorRow

#: A vector as the ports accept it: a list, or a numpy array (no copy needed).
Vector = Sequence[float] | npt.NDArray[np.float32]


#: Metadata flag of a record that is looked up by id and never by similarity (its vector is a
#: placeholder): the clusterer's secondary grouping keys. An index may keep such records out
#: of its neighbour searches.
BY_ID = "by_id"


@lru_cache(maxsize=4)
def key_only_vector(dimensions: int) -> npt.NDArray[np.float32]:
    """The placeholder vector of a ``BY_ID`` record (read-only: one array serves them all)."""
    vector = np.zeros(dimensions, dtype=np.float32)
    vector[0] = 1.0
    vector.flags.writeable = False
    return vector


@dataclass(frozen=True)
class VectorRecord:
    id: str
    vector: Vector
    metadata: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Match:
    """A neighbour: its id, its cosine similarity to the query, its metadata."""

    id: str
    score: float
    metadata: dict[str, Any]


class VectorIndex(ABC):
    """Per-project vectors with metadata; nearest neighbours by cosine similarity."""

    name: ClassVar[str]

    @abstractmethod
    async def upsert(self, project_id: str, records: Sequence[VectorRecord]) -> None: ...

    @abstractmethod
    async def query(
        self,
        project_id: str,
        vector: Vector,
        top_k: int,
        where: Mapping[str, str] | None = None,
    ) -> list[Match]:
        """The ``top_k`` nearest records, most similar first, scored by cosine similarity;
        with ``where``, only records whose metadata has those exact (string) values."""

    @abstractmethod
    async def fetch(self, project_id: str, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """The metadata of those ``ids`` that exist."""

    @abstractmethod
    async def update_metadata(
        self, project_id: str, ids: Sequence[str], changes: Mapping[str, Any]
    ) -> None:
        """Set the ``changes`` keys in the metadata of each existing record (others kept)."""

    @abstractmethod
    async def delete(self, project_id: str, ids: Sequence[str]) -> None: ...

    @abstractmethod
    async def clear(self, project_id: str) -> None:
        """Remove every record of the project (``soulcaster recluster`` starts from nothing)."""

    def store_rows(self, store: Store, records: Sequence[VectorRecord]) -> list[VectorRow] | None:
        """When this index keeps its vectors in ``store``: the rows that save ``records``
        there, for a caller that writes them in its own store step and then calls ``stored``
        (the clusterer, so that a batch is one step). ``None``, the default: use ``upsert``."""
        return None

    async def stored(self, project_id: str, records: Sequence[VectorRecord]) -> None:
        """Take in ``records`` whose ``store_rows`` the caller has saved."""
        await self.upsert(project_id, records)

    async def aclose(self) -> None:
        """Release connections (nothing to release by default)."""
        return None
