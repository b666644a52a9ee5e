"""The Embedder port (``port``) and its adapters, one module each, imported by name when chosen.

    local   LocalEmbedder, the embedded default: feature hashing, offline, deterministic
    gemini  GeminiEmbedder: Gemini's ``gemini-embedding-001`` (the ``[gemini]`` extra)

Which one runs is named by ``SOULCASTER_EMBEDDER`` and built by ``soulcaster_core.wiring``;
another package adds one by entry point (docs/adapters.md).
"""

from .port import Embedder

__all__ = ["Embedder"]
