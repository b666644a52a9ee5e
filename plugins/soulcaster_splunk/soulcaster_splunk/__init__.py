"""Soulcaster source for Splunk: saved-search alerts from the built-in webhook alert action."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from soulcaster_core import hookimpl

from .alert import SplunkAlert, parse_alert, parse_alert_body
from .config import SplunkConfig
from .handler import SplunkHandler
from .mapping import splunk_alert_to_feedback_item
from .sample import SAMPLE_ALERT

#: Written for version 2 of the hook spec (declared auth, hooks off the webhook's path).
HOOKSPEC_VERSION = 2


@hookimpl
def register_sources(register: Callable[[type[Any]], None]) -> None:
    register(SplunkHandler)


__all__ = [
    "SAMPLE_ALERT",
    "SplunkAlert",
    "SplunkConfig",
    "SplunkHandler",
    "parse_alert",
    "parse_alert_body",
    "register_sources",
    "splunk_alert_to_feedback_item",
]
