"""Every hook a Soulcaster plugin can implement. Each takes keyword arguments only."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from collections.abc import Callable

    from .models import FeedbackItem, IngestResult

hookspec = pluggy.HookspecMarker("soulcaster")
hookimpl = pluggy.HookimplMarker("soulcaster")


@hookspec
def register_sources(register: Callable[[type[Any]], None]) -> None:
    """Register ``WebhookHandler`` subclasses, e.g. ``register(SentryHandler)``."""


@hookspec
def feedback_ingested(item: FeedbackItem, result: IngestResult) -> None:
    """Told of every created, duplicate or updated item; a failing plugin is logged, not fatal.

    ``item`` is what this delivery said. The stored item, merged from every delivery, is served at
    ``GET /api/feedback/{result.id}``; it is not passed here so a webhook costs no extra read.
    """
