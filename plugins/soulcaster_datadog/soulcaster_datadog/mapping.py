"""From one Datadog notification to one ``FeedbackItem``: title, body, metadata, dedup key."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from soulcaster_core import FeedbackItem
from soulcaster_core.models import utcnow
from soulcaster_core.timestamps import hour_bucket, parse_timestamp

from .payload import TextFields, all_text_fields, first_parsed, tags_field

SOURCE = "datadog"

_TRANSITION_STATUS = {
    "recovered": "recovered",
    "triggered": "triggered",
    "re-triggered": "triggered",
    "warn": "warning",
    "re-warn": "warning",
    "no data": "no_data",
    "re-no data": "no_data",
}
_ALERT_TYPE_STATUS = {"success": "recovered", "error": "triggered", "warning": "warning"}

# Datadog's event titles start "[P1] [Triggered on {host:web-3}] ..."; the default template has
# no transition field, so the title is the only place that says what happened.
_TITLE_PREFIX = re.compile(
    r"^\s*(?:\[P[1-5]\]\s*)?"
    r"\[(?P<transition>Re-Triggered|Triggered|Re-Warn|Warn|Re-No Data|No Data|Recovered|Renotify)"
    r"(?:\s+on\s+(?P<scope>[^\]]*))?\]\s*",
    re.IGNORECASE,
)
# Longer values (a custom key, a wide scope) are hashed so external_id stays bounded.
_KEY_PART_MAX = 200


#: Metadata keys, in the order they are stored; each is the ``text_field`` of the same name.
_METADATA_FIELDS = (
    "alert_id",
    "alert_cycle_key",
    "aggreg_key",
    "alert_scope",
    "alert_transition",
    "alert_type",
    "alert_priority",
    "priority",
    "alert_status",
    "alert_metric",
    "alert_query",
    "alert_title",
    "event_type",
    "event_id",
    "hostname",
    "link",
    "snapshot_url",
    "org_id",
    "org_name",
)


def datadog_event_to_feedback_item(event: dict[str, Any], project_id: str) -> FeedbackItem:
    """Map a parsed Datadog webhook body (default or custom template) onto a ``FeedbackItem``."""
    texts = all_text_fields(event)
    title = texts["title"]
    body = _without_markdown_fence(texts["body"] or "")
    at, timestamp_from = event_time(event)
    dedup_on, external_id = dedup_key(texts, at, title or body)
    alert_id = texts["alert_id"]

    metadata: dict[str, Any] = {}
    for name in _METADATA_FIELDS:
        if (value := texts[name]) is not None:
            metadata[name] = value
    metadata["tags"] = tags_field(event)
    if (status := alert_status(texts)) is not None:
        metadata["status"] = status
    metadata["dedup_on"] = dedup_on
    metadata["timestamp_from"] = timestamp_from

    if title is None:
        title = f"Datadog monitor {alert_id}" if alert_id else "Datadog alert"
    return FeedbackItem(
        project_id=project_id,
        source=SOURCE,
        external_id=external_id,
        title=title,
        body=body,
        raw_text=f"{title}\n{body}".strip(),
        metadata=metadata,
        created_at=at,
    )


def event_time(event: dict[str, Any]) -> tuple[datetime, str]:
    """When it happened: ``date``, else ``last_updated``, else now; and which one was used.

    Each may be epoch ms (Datadog's unit), epoch s, or ISO 8601; an unreadable value is skipped
    rather than refused, since the alert itself is still worth keeping.
    """
    for name in ("date", "last_updated"):
        if (at := first_parsed(event, name, parse_timestamp)) is not None:
            return at, name
    return utcnow(), "received"


def alert_status(texts: Mapping[str, str | None]) -> str | None:
    """``recovered``, ``triggered``, ``warning``, ``no_data``, or None when nothing says."""
    transition = (texts["alert_transition"] or "").lower()
    alert_type = (texts["alert_type"] or "").lower()
    if transition == "recovered" or alert_type == "success":
        return "recovered"
    if transition in _TRANSITION_STATUS:
        return _TRANSITION_STATUS[transition]
    if alert_type in _ALERT_TYPE_STATUS:
        return _ALERT_TYPE_STATUS[alert_type]
    if not transition and (match := _TITLE_PREFIX.match(texts["title"] or "")):
        return _TRANSITION_STATUS.get(match["transition"].lower())
    return None


def is_recovery(event: dict[str, Any]) -> bool:
    # Only two or three fields say: read just those.
    return alert_status(TextFields(event)) == "recovered"


def dedup_key(texts: Mapping[str, str | None], at: datetime, title: str) -> tuple[str, str]:
    """``(what it was keyed on, external_id)``: one key per alert, never per notification.

    An alert cycle (``$ALERT_CYCLE_KEY``) runs from trigger to recovery and is one alert
    instance, so it needs no time bucket, and its Recovered notification always finds the item
    its trigger made. The other keys outlive a cycle, so they are bucketed per hour of the
    event date: the same alert within that hour is one item.
    """
    if cycle := texts["alert_cycle_key"]:
        return "alert_cycle_key", f"cycle:{_bounded(cycle)}"
    hour = hour_bucket(at)
    if aggreg := texts["aggreg_key"]:
        return "aggreg_key", f"aggreg:{_bounded(aggreg)}:h{hour}"
    if alert_id := texts["alert_id"]:
        scope = _normal_scope(texts["alert_scope"] or "")
        return "alert_id", f"monitor:{_bounded(alert_id)}:{_bounded(scope) or '*'}:h{hour}"
    if event_id := texts["event_id"]:
        return "id", f"event:{_bounded(event_id)}:h{hour}"
    digest = hashlib.sha256(_title_identity(title).encode()).hexdigest()[:32]
    return "title", f"title:{digest}:h{hour}"


def _normal_scope(scope: str) -> str:
    # "$ALERT_SCOPE" is "az:us-east-1a, role:db": order and spacing are not part of the identity.
    return ",".join(sorted({part.strip() for part in scope.split(",") if part.strip()}))


def _title_identity(title: str) -> str:
    # "[P1] [Triggered on {host:a}] X" and "[Recovered on {host:a}] X" are the same alert.
    match = _TITLE_PREFIX.match(title)
    if match is None:
        return title.strip()
    return f"{match['scope'] or ''}|{title[match.end() :].strip()}"


def _bounded(part: str) -> str:
    if len(part) <= _KEY_PART_MAX:
        return part
    return "sha256-" + hashlib.sha256(part.encode()).hexdigest()[:32]


def _without_markdown_fence(text: str) -> str:
    # $EVENT_MSG wraps its markdown in "%%%" lines that mean nothing to a reader.
    stripped = text.strip()
    if stripped.startswith("%%%"):
        stripped = stripped[3:]
    if stripped.endswith("%%%"):
        stripped = stripped[:-3]
    return stripped.strip()
