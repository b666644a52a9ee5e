"""The core's own adapters, registered by entry point as a third party's are (pyproject.toml).

Each factory reads its part of the settings and hands its adapter plain arguments; the
adapter's module (and its SDK, an optional extra) is imported only when the factory runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import SettingsError
from ..settings import Settings

if TYPE_CHECKING:
    from ..clustering.embedders import Embedder
    from ..clustering.indexes import VectorIndex
    from ..store import Store


def sqlite_store(settings: Settings) -> Store:
    """The embedded default: one SQLite file in the data dir."""
    from ..store.sqlite import SQLiteStore

    return SQLiteStore(settings.sqlite_path)


def redis_store(settings: Settings) -> Store:
    """Redis or a Redis Cluster, at ``SOULCASTER_REDIS_URL``."""
    if not settings.redis_url:
        raise SettingsError(
            "SOULCASTER_STORE=redis needs SOULCASTER_REDIS_URL (redis://host:6379/0, or "
            "redis+cluster://host:6379 for a Redis Cluster)"
        )
    from ..store.redis import RedisStore

    return RedisStore(settings.redis_url, prefix=settings.redis_prefix)


def local_embedder(settings: Settings) -> Embedder:
    """Feature hashing: offline, deterministic, nothing to download."""
    from ..clustering.embedders.local import LocalEmbedder

    return LocalEmbedder(settings.embedding_dimensions)


def gemini_embedder(settings: Settings) -> Embedder:
    """Gemini's embeddings through ``google-genai`` (the ``[gemini]`` extra)."""
    try:
        from ..clustering.embedders.gemini import GeminiEmbedder
    except ImportError as exc:
        raise SettingsError(
            "SOULCASTER_EMBEDDER=gemini needs google-genai: pip install 'soulcaster-core[gemini]'"
        ) from exc
    if settings.gemini_api_key is None:
        raise SettingsError("SOULCASTER_EMBEDDER=gemini needs GEMINI_API_KEY (or GOOGLE_API_KEY)")
    from ..outbound import tls_context

    return GeminiEmbedder(
        api_key=settings.gemini_api_key.get_secret_value(),
        model=settings.gemini_model,
        dimensions=settings.embedding_dimensions,
        tls=tls_context(trust_env=True),
    )


def local_index(settings: Settings, store: Store) -> VectorIndex:
    """In memory, persisted through the store; approximate (HNSW) on large projects."""
    from ..clustering.indexes.local import LocalIndex

    return LocalIndex(store)


def upstash_index(settings: Settings, store: Store) -> VectorIndex:
    """Upstash Vector through ``upstash-vector`` (the ``[upstash]`` extra)."""
    try:
        from ..clustering.indexes.upstash import UpstashIndex
    except ImportError as exc:
        raise SettingsError(
            "SOULCASTER_VECTOR_INDEX=upstash needs upstash-vector: "
            "pip install 'soulcaster-core[upstash]'"
        ) from exc
    url, token = settings.upstash_vector_rest_url, settings.upstash_vector_rest_token
    if not url or token is None:
        raise SettingsError(
            "SOULCASTER_VECTOR_INDEX=upstash needs UPSTASH_VECTOR_REST_URL and "
            "UPSTASH_VECTOR_REST_TOKEN"
        )
    return UpstashIndex(url, token.get_secret_value())
