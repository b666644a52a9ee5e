"""Soulcaster source for Prometheus Alertmanager and Grafana Alerting webhook notifications.

Written only against the public SDK (``soulcaster_core``), as any third-party plugin is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from soulcaster_core import hookimpl

from .config import AlertmanagerConfig
from .handler import (
    GRAFANA_SIGNATURE,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    AlertmanagerHandler,
)
from .mapping import alert_items
from .sample import SAMPLE_GROUP

#: Written for version 2 of the hook spec (declared auth, many items per delivery).
HOOKSPEC_VERSION = 2


@hookimpl
def register_sources(register: Callable[[type[Any]], None]) -> None:
    register(AlertmanagerHandler)


__all__ = [
    "GRAFANA_SIGNATURE",
    "SAMPLE_GROUP",
    "SIGNATURE_HEADER",
    "TIMESTAMP_HEADER",
    "AlertmanagerConfig",
    "AlertmanagerHandler",
    "alert_items",
    "register_sources",
]
