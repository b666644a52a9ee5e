"""Soulcaster source for PostHog: ``$exception`` and other events, by webhook or API sync.

Install it next to ``soulcaster-core`` and the ``posthog`` source appears: PostHog posts to
``/ingest/posthog/webhook?project_id=...`` and ``/ingest/posthog/sync`` pulls from its API.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from soulcaster_core import hookimpl

from .config import PostHogConfig
from .handler import PostHogHandler
from .mapping import posthog_event_to_feedback_item
from .payload import PostHogEvent, parse_webhook
from .sample import SAMPLE_EVENT
from .sync import sync_events

__all__ = [
    "SAMPLE_EVENT",
    "PostHogConfig",
    "PostHogEvent",
    "PostHogHandler",
    "parse_webhook",
    "posthog_event_to_feedback_item",
    "register_sources",
    "sync_events",
]

#: Written for version 2 of the hook spec (declared auth, hooks off the webhook's path).
HOOKSPEC_VERSION = 2


@hookimpl
def register_sources(register: Callable[[type[Any]], None]) -> None:
    register(PostHogHandler)
