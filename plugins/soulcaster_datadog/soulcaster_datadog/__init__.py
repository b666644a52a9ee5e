"""Soulcaster source for Datadog: monitor notifications from the Webhooks integration."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from soulcaster_core import hookimpl

from .config import DatadogConfig, TagsFilter
from .handler import TOKEN_HEADER, DatadogHandler
from .mapping import datadog_event_to_feedback_item
from .sample import SAMPLE_ALERT

#: Written for version 2 of the hook spec (declared auth, hooks off the webhook's path).
HOOKSPEC_VERSION = 2


@hookimpl
def register_sources(register: Callable[[type[Any]], None]) -> None:
    register(DatadogHandler)


__all__ = [
    "SAMPLE_ALERT",
    "TOKEN_HEADER",
    "DatadogConfig",
    "DatadogHandler",
    "TagsFilter",
    "datadog_event_to_feedback_item",
    "register_sources",
]
