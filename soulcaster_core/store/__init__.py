"""Storage: the ``Store`` port and its adapters (Redis for production, SQLite embedded)."""

from __future__ import annotations

from ..settings import Settings
from .base import Store


def open_store(settings: Settings) -> Store:
    """The store the settings select: Redis when ``SOULCASTER_REDIS_URL`` is set, else SQLite."""
    if settings.redis_url:
        from .redis import RedisStore

        return RedisStore(settings.redis_url, prefix=settings.redis_prefix)
    from .sqlite import SQLiteStore

    return SQLiteStore(settings.sqlite_path)


__all__ = ["Store", "open_store"]
