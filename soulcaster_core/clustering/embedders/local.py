"""The Embedder port's embedded default: ``LocalEmbedder``.

``LocalEmbedder`` needs no network, no model and no download: it hashes the words of a text,
its word pairs and the words at its first and last positions into a fixed-size vector
(feature hashing), weights them by ``1 + log(count)`` and scales the vector to unit length.
Two texts are then as similar as the words and word order they share, which is what a masked
template (see ``normalize``) needs; it knows nothing of synonyms, which Gemini does.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from .port import Embedder

#: Positions from each end whose words are also features of their own: the start of a message
#: says what happened ("Failed password", "Accepted password"), its end often where.
POSITIONS = 6


class LocalEmbedder(Embedder):
    name = "local"
    #: High on purpose: only near-identical templates merge on similarity alone (a wrong merge
    #: hides a problem; a missed one shows it twice). See docs/clustering.md for the sweep.
    default_threshold = 0.9

    def __init__(self, dimensions: int = 768) -> None:
        self.dimensions = dimensions

    def features(self, text: str) -> dict[str, float]:
        words = text.lower().split()
        counts: dict[str, float] = {}
        last = len(words) - 1
        for i, word in enumerate(words):
            keys = [f"u {word}"]
            if i < last:
                keys.append(f"b {word} {words[i + 1]}")
            if i < POSITIONS:
                keys.append(f"s{i} {word}")
            if last - i < POSITIONS:
                keys.append(f"e{last - i} {word}")
            for key in keys:
                counts[key] = counts.get(key, 0.0) + 1.0
        return {key: 1.0 + math.log(n) for key, n in counts.items()}

    def vector(self, text: str) -> npt.NDArray[np.float32]:
        features = self.features(text)
        digests = [zlib.crc32(key.encode()) for key in features]
        # The sign bit keeps colliding features from adding up into a false similarity.
        weights = [
            w if d & 0x80000000 else -w for d, w in zip(digests, features.values(), strict=True)
        ]
        vec = np.zeros(self.dimensions, dtype=np.float32)
        np.add.at(vec, [d % self.dimensions for d in digests], weights)
        norm = float(np.linalg.norm(vec))
        return vec / norm if norm else vec

    async def embed(self, texts: Sequence[str]) -> list[list[float]]:
        return [self.vector(text).tolist() for text in texts]

    async def embed_matrix(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        # No round trip through lists of floats: half the cost of a vector.
        matrix = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        for row, text in enumerate(texts):
            matrix[row] = self.vector(text)
        return matrix
