"""The VectorIndex port (``port``) and its adapters, one module each, imported by name when chosen.

    local    LocalIndex, the embedded default: numpy, an HNSW graph (faiss) on large projects,
             its vectors kept in the Store
    upstash  UpstashIndex: Upstash Vector (the ``[upstash]`` extra), a namespace per project

Which one runs is named by ``SOULCASTER_VECTOR_INDEX`` and built by ``soulcaster_core.wiring``;
another package adds one by entry point (docs/adapters.md).
"""

from .port import Match, Vector, VectorIndex, VectorRecord

__all__ = ["Match", "Vector", "VectorIndex", "VectorRecord"]
