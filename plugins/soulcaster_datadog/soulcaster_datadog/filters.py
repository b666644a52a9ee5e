"""Which alerts a project keeps: the ``monitors`` and ``tags_filter`` settings."""

from __future__ import annotations

from fnmatch import fnmatchcase
from typing import Any

from .config import ALL_MONITORS, DatadogConfig, TagsFilter, canonical_monitor_id
from .payload import tags_field, text_field


def rejection_reason(event: dict[str, Any], config: DatadogConfig) -> str | None:
    """``None`` to keep the alert, or why it is ignored, in words a user can act on."""
    return _monitor_reason(event, config.monitors) or _tags_reason(
        tags_field(event), config.tags_filter
    )


def _monitor_reason(event: dict[str, Any], monitors: list[str] | str) -> str | None:
    if monitors == ALL_MONITORS:
        return None
    # The monitor is $ALERT_ID; the event id ($ID) changes with every notification.
    alert_id = text_field(event, "alert_id")
    if alert_id is None:
        return (
            'monitors filter is set but the payload has no alert_id (add "alert_id": "$ALERT_ID")'
        )
    try:
        monitor = canonical_monitor_id(alert_id, "alert_id")
    except ValueError:
        monitor = alert_id
    if monitor not in monitors:
        return f"monitor {alert_id} is not in the monitors filter"
    return None


def _tags_reason(tags: list[str], tags_filter: TagsFilter) -> str | None:
    if not tags_filter.exclude and not tags_filter.include:
        return None  # the default: no need to lower every tag
    lowered = [tag.lower() for tag in tags]
    for pattern in tags_filter.exclude:
        for tag, low in zip(tags, lowered, strict=True):
            if fnmatchcase(low, pattern):
                return f"tag {tag} is excluded by tags_filter.exclude ({pattern})"
    if tags_filter.include and not any(
        fnmatchcase(low, pattern) for pattern in tags_filter.include for low in lowered
    ):
        if not tags:
            return 'tags_filter.include is set but the alert has no tags (add "tags": "$TAGS")'
        return f"no tag matches tags_filter.include ({', '.join(tags_filter.include)})"
    return None
