"""Every hook a Soulcaster plugin can implement. Each takes keyword arguments only.

An implementation may take any subset of a hook's arguments (``feedback_ingested(item)``).
A plugin says which version of this file it was written for with a module attribute
``HOOKSPEC_VERSION = 2``; one that says nothing is taken as version 1.

- version 1: ``register_sources``; ``feedback_ingested`` ran inside the webhook's request.
- version 2: ``feedback_ingested`` runs after the webhook is answered, from a bounded queue,
  and may be ``async def``; handlers declare their auth (``auth = SharedToken(...)``) and may
  map one delivery to many items (``to_feedback_items``). Every version 1 plugin still works.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

    from .models import FeedbackItem, IngestResult

hookspec = pluggy.HookspecMarker("soulcaster")
hookimpl = pluggy.HookimplMarker("soulcaster")

#: The version of these specs this core implements (see the module's docstring).
HOOKSPEC_VERSION = 2


@hookspec
def register_sources(register: Callable[[type[Any]], None]) -> None:
    """Register ``WebhookHandler`` subclasses, e.g. ``register(SentryHandler)``."""


@hookspec
def feedback_ingested(item: FeedbackItem, result: IngestResult) -> Awaitable[None] | None:
    """Told of every created, duplicate or updated item, after the webhook is answered.

    May be ``async def``. A failing plugin is logged, not fatal; calls wait in a bounded queue
    (``SOULCASTER_HOOK_QUEUE_SIZE``), and when it is full they are dropped and logged.

    ``item`` is what this delivery said. The stored item, merged from every delivery, is served at
    ``GET /api/feedback/{result.id}``; it is not passed here so a webhook costs no extra read.
    """
