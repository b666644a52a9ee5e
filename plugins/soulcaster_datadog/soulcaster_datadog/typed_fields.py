"""The alert's service, environment, level, links and tags, as ``FeedbackItem`` holds them."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

# Datadog's alert types in the words of FeedbackItem.level; "success" is a recovery, not a level.
_TYPE_LEVEL = {"error": "error", "warning": "warning", "info": "info"}
_STATUS_LEVEL = {"triggered": "error", "warning": "warning", "no_data": "warning"}
_PRIORITY_LEVEL = {"P1": "critical", "P2": "error", "P3": "warning", "P4": "info", "P5": "info"}
# "[[Monitor Status](https://app.datadoghq.com/monitors/123?group=...)]" ends every $EVENT_MSG.
_MONITOR_LINK = re.compile(r"\[Monitor Status\]\((https?://[^)\s]+)\)")


def tag_map(tags: Sequence[str]) -> dict[str, str]:
    """``["env:prod", "monitor"]`` as ``{"env": "prod", "monitor": ""}``; the first value wins."""
    mapped: dict[str, str] = {}
    for tag in tags:
        # Tags arrive stripped (tags_field): only "key: value" needs its value stripped.
        key, _, value = tag.partition(":")
        if key and key not in mapped:
            mapped[key] = value.lstrip() if value[:1] == " " else value
    return mapped


def tagged(key: str, named: str | None, *tag_maps: Mapping[str, str]) -> str | None:
    """A value named by the template itself, else by the first of ``tag_maps`` that has it."""
    if named:
        return named
    for tags in tag_maps:
        if value := tags.get(key):
            return value
    return None


def alert_level(alert_type: str | None, status: str | None, priority: str | None) -> str | None:
    """``critical``, ``error``, ``warning`` or ``info``; None for a recovery or when nothing says.

    A P1 error is critical; without an alert type, the transition and then the priority decide.
    """
    if status == "recovered":
        return None
    level = _TYPE_LEVEL.get((alert_type or "").lower()) or _STATUS_LEVEL.get(status or "")
    priority_level = _PRIORITY_LEVEL.get((priority or "").upper())
    if level == "error" and priority_level == "critical":
        return "critical"
    return level or priority_level


def alert_links(link: str | None, snapshot: str | None, body: str) -> dict[str, str]:
    """The event (``$LINK``), the graph (``$SNAPSHOT``) and the monitor's status page: http(s)."""
    links: dict[str, str] = {}
    if link and _is_web(link):
        links["datadog"] = link
    if snapshot and _is_web(snapshot):
        links["snapshot"] = snapshot
    if "[Monitor Status](" in body and (match := _MONITOR_LINK.search(body)):
        links["monitor"] = match[1]
    return links


def _is_web(url: str) -> bool:
    return url.startswith(("https://", "http://")) and len(url) > 8 and " " not in url
