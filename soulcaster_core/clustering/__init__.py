"""Clustering: group items that describe the same problem, from any source, online.

    document   what an item's problem is: masked head, exception type, top in-app frames
    normalize  the masking that turns a message into a template
    ports      Embedder and VectorIndex, and ClusteringUnavailable
    embedder   LocalEmbedder (default); gemini: GeminiEmbedder
    index      LocalIndex (default); upstash: UpstashIndex
    clusterer  Clusterer.assign: signature, same template, nearest, or a new cluster
    clusters   cluster bookkeeping, merge and move
    api        /api/clusters routes

The queue's consumer is ``soulcaster_core.worker``; which adapters run is chosen by name in
the settings and built by ``soulcaster_core.wiring``. See docs/clustering.md.
"""

from .clusterer import ALGORITHM, Assignment, Clusterer
from .document import ClusterDoc, document_for
from .normalize import MASK, mask
from .ports import ClusteringUnavailable, Embedder, Match, VectorIndex, VectorRecord

__all__ = [
    "ALGORITHM",
    "MASK",
    "Assignment",
    "ClusterDoc",
    "Clusterer",
    "ClusteringUnavailable",
    "Embedder",
    "Match",
    "VectorIndex",
    "VectorRecord",
    "document_for",
    "mask",
]
