"""Storage: the ``Store`` port and its adapters (Redis for production, SQLite embedded)."""

from __future__ import annotations

from datetime import timedelta

from ..settings import Settings
from .base import Store
from .dead_letters import DeadLetterLimits


def open_store(settings: Settings) -> Store:
    """The store the settings select: Redis when ``SOULCASTER_REDIS_URL`` is set, else SQLite."""
    store: Store
    if settings.redis_url:
        from .redis import RedisStore

        store = RedisStore(settings.redis_url, prefix=settings.redis_prefix)
    else:
        from .sqlite import SQLiteStore

        store = SQLiteStore(settings.sqlite_path)
    store.dead_letter_limits = DeadLetterLimits(
        max_count=settings.dead_letter_max_count,
        max_bytes=settings.dead_letter_max_bytes,
        max_age=(
            timedelta(days=settings.dead_letter_retention_days)
            if settings.dead_letter_retention_days
            else None
        ),
    )
    return store


__all__ = ["Store", "open_store"]
