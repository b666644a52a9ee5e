"""The Embedder port: text in, unit-length vectors out.

Its adapters: ``local.LocalEmbedder`` (the embedded default: feature hashing, offline) and
``gemini.GeminiEmbedder`` (Gemini's embeddings, the ``[gemini]`` extra). Every adapter raises
``ClusteringUnavailable`` when its service cannot answer (after its own short retries); the
worker then leaves the queue entries unacknowledged and tries again later.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import ClassVar

import numpy as np
import numpy.typing as npt


class Embedder(ABC):
    """Text in, unit-length vectors out, in the order given."""

    name: ClassVar[str]
    dimensions: int
    #: The most texts one ``embed`` call sends at once (callers may pass more).
    max_batch: int = 100
    #: Cosine an item needs to join a cluster it does not match exactly, on this embedder's
    #: scale (similarity means different things to different models).
    default_threshold: ClassVar[float]

    @abstractmethod
    async def embed(self, texts: Sequence[str]) -> list[list[float]]:
        """One vector per text; raise ``ClusteringUnavailable`` when the service is down."""

    async def embed_matrix(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        """``embed`` as one float32 matrix, a row per text: what the clusterer computes with."""
        vectors = await self.embed(texts)
        if not vectors:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        return np.asarray(vectors, dtype=np.float32)

    async def aclose(self) -> None:
        """Release connections (nothing to release by default)."""
        return None
