"""Clustering: group items that describe the same problem, from any source, online.

    document   what an item's problem is: masked head, exception type, top in-app frames
    normalize  the masking that turns a message into a template
    embedders  the Embedder port (port) and its adapters: local (default), gemini
    indexes    the VectorIndex port (port) and its adapters: local (default; faiss), upstash
    clusterer  Clusterer.assign: signature, same template, nearest, or a new cluster
    clusters   cluster bookkeeping, merge and move

The queue's consumer is ``soulcaster_core.worker``; which adapters run is chosen by name in
the settings and built by ``soulcaster_core.wiring``. See docs/clustering.md.
"""

from ..errors import ClusteringUnavailable
from .clusterer import ALGORITHM, Assignment, Clusterer
from .document import ClusterDoc, document_for
from .embedders import Embedder
from .indexes import Match, VectorIndex, VectorRecord
from .normalize import MASK, mask

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
