"""Soulcaster source for Sentry: issue, error, issue-alert and metric-alert webhooks."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from soulcaster_core import hookimpl

from .auth import sentry_signature, verify_sentry_signature
from .config import SentryConfig
from .handler import SentryHandler
from .mapping import sentry_event_to_feedback_item
from .payload import SentryEvent
from .sample import SAMPLE_ERROR
from .traces import extract_sentry_stacktrace

#: Written for version 2 of the hook spec (declared auth, hooks off the webhook's path).
HOOKSPEC_VERSION = 2


@hookimpl
def register_sources(register: Callable[[type[Any]], None]) -> None:
    register(SentryHandler)


__all__ = [
    "SAMPLE_ERROR",
    "SentryConfig",
    "SentryEvent",
    "SentryHandler",
    "extract_sentry_stacktrace",
    "register_sources",
    "sentry_event_to_feedback_item",
    "sentry_signature",
    "verify_sentry_signature",
]
