"""From one Datadog notification to one ``FeedbackItem``: title, body, typed fields, dedup key."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from soulcaster_core import FeedbackItem
from soulcaster_core.models import utcnow
from soulcaster_core.parsing.endpoints import ENDPOINT_FIELDS
from soulcaster_core.timestamps import hour_bucket, parse_timestamp

from .failing_error import failing_error
from .groups import alert_group
from .guesses import FOOTER, GuessIndex
from .payload import TextFields, all_text_fields, first_parsed, tags_field
from .title import monitor_name, title_identity, title_transition
from .typed_fields import alert_level, alert_links, tag_map, tagged

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
    body = _without_markdown_fence(texts["body"] or "")
    title = texts["title"] or _first_line(body)
    tags = tags_field(event)
    group = alert_group(texts["alert_scope"], title, texts["alert_query"], tags)
    at, timestamp_from = event_time(event)
    dedup_on, external_id = dedup_key(texts, at, title or "", group)
    status = alert_status(texts)
    # Tags are structure: an APM monitor tagged ``error.type:...`` counts that error.
    error = failing_error(body, texts["alert_query"], texts["alert_scope"], group, ",".join(tags))

    metadata: dict[str, Any] = {}
    for name in _METADATA_FIELDS:
        if (value := texts[name]) is not None:
            metadata[name] = value
    metadata["tags"] = tags
    if status is not None:
        metadata["status"] = status
    if group:
        metadata["group"] = group
    if title:
        metadata["monitor_name"] = texts["alert_title"] or monitor_name(title)
    metadata["dedup_on"] = dedup_on
    metadata["timestamp_from"] = timestamp_from

    if title is None:
        alert_id = texts["alert_id"]
        title = f"Datadog monitor {alert_id}" if alert_id else "Datadog alert"
    tag_values = tag_map(tags)
    # The group names the service that fired; the tags may name several of the monitor's.
    group_values = tag_map(group.split(",")) if group and ":" in group else {}
    # The host it fired on, for incidents: the group's (``host:web-3``), else $HOSTNAME.
    host = group_values.get("host") or texts["hostname"]
    if host and not tag_values.get("host"):
        tag_values["host"] = host
    # What the group names it depends on (``redis_host:10.0.0.8``): a tag, as the host is.
    for key, value in group_values.items():
        if key.endswith("_host") and value and key not in tag_values:
            tag_values[key] = value
    return FeedbackItem(
        project_id=project_id,
        source=SOURCE,
        external_id=external_id,
        title=title,
        body=body,
        raw_text=f"{title}\n{body}".strip(),
        metadata=metadata,
        created_at=at,
        exceptions=error.exceptions,
        service=tagged("service", texts["service"], group_values, tag_values) or error.service,
        environment=tagged("env", texts["environment"], group_values, tag_values)
        or error.environment,
        trace_id=error.trace_id,
        # An APM or task monitor grouped by resource names the route or job that fails.
        endpoint=_grouped_endpoint(group_values, tag_values) or error.endpoint,
        level=alert_level(texts["alert_type"], status, texts["alert_priority"]),
        links=alert_links(texts["link"], texts["snapshot_url"], body),
        tags=tag_values,
    )


def _grouped_endpoint(group: Mapping[str, str], tags: Mapping[str, str]) -> str | None:
    """The route, job or task an APM or task monitor is grouped by (``resource_name``, a
    Dramatiq ``actor_name``...), or tagged with."""
    # Most alerts have none of these names: that is known without trying each (every webhook).
    if group.keys().isdisjoint(_ENDPOINT_KEY_SET) and tags.keys().isdisjoint(_ENDPOINT_KEY_SET):
        return None
    for key in _ENDPOINT_KEYS:
        if value := tagged(key, None, group, tags):
            return value
    return None


_ENDPOINT_KEYS = ("resource_name", *ENDPOINT_FIELDS)
_ENDPOINT_KEY_SET = frozenset(_ENDPOINT_KEYS)


def event_time(event: dict[str, Any]) -> tuple[datetime, str]:
    """When it happened: ``date``, else ``last_updated``, else now; and which one was used.

    Each may be epoch ms (Datadog's unit), epoch s, or ISO 8601; an unreadable value is skipped
    rather than refused, since the alert itself is still worth keeping.
    """
    for name in ("date", "last_updated"):
        if (at := first_parsed(event, name, parse_timestamp)) is not None:
            return at, name
    # A template of the user's own names $DATE as it likes ("ts", "at", "fired_at").
    guesses = GuessIndex(event)
    guessed = guesses.text("date")
    if guessed is not None and (at := parse_timestamp(guessed)) is not None:
        return at, "date"
    # Without $DATE, a monitor's own footer still dates the notification; else a re-trigger
    # days later would be taken for the same alert as the first.
    if (at := _footer_time(guesses.text("body") or "")) is not None:
        return at, "footer"
    return utcnow(), "received"


# Datadog's footer: "The monitor was last triggered at Fri Mar 13 2026 13:54:35 UTC."
_LAST_TRIGGERED = re.compile(re.escape(FOOTER) + r" (\w{3} \w{3} \d{1,2} \d{4} \d\d:\d\d:\d\d) UTC")


def _footer_time(body: str) -> datetime | None:
    if (found := _LAST_TRIGGERED.search(body)) is None:
        return None
    try:
        return datetime.strptime(found[1], "%a %b %d %Y %H:%M:%S").replace(tzinfo=UTC)
    except ValueError:
        return None


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
    # A guessed "status" field may hold $ALERT_TYPE rather than the transition.
    if transition in _ALERT_TYPE_STATUS:
        return _ALERT_TYPE_STATUS[transition]
    if in_title := title_transition(texts["title"] or ""):
        return _TRANSITION_STATUS.get(in_title.lower())
    return None


def is_recovery(event: dict[str, Any]) -> bool:
    # Only two or three fields say: read just those.
    return alert_status(TextFields(event)) == "recovered"


def dedup_key(
    texts: Mapping[str, str | None], at: datetime, title: str, group: str = ""
) -> tuple[str, str]:
    """``(what it was keyed on, external_id)``: one key per alert, never per notification.

    An alert is one group of one monitor (``groups.alert_group``): a monitor "by service" that fires
    for two services is two alerts, and each recovers on its own. An alert cycle
    (``$ALERT_CYCLE_KEY``) runs from trigger to recovery and is one alert instance, so it needs
    no time bucket, and its Recovered notification always finds the item its trigger made. The
    other keys outlive a cycle, so they are bucketed per hour of the event date: the same alert
    within that hour is one item. ``$ID`` names one notification, not the alert: it is the
    delivery id (Datadog's retries), and a key only when nothing else is there.
    """
    in_group = f":{_bounded(group)}" if group else ""
    if cycle := texts["alert_cycle_key"]:
        return "alert_cycle_key", f"cycle:{_bounded(cycle)}{in_group}"
    hour = hour_bucket(at)
    if aggreg := texts["aggreg_key"]:
        return "aggreg_key", f"aggreg:{_bounded(aggreg)}{in_group}:h{hour}"
    if alert_id := texts["alert_id"]:
        return "alert_id", f"monitor:{_bounded(alert_id)}:{_bounded(group) or '*'}:h{hour}"
    if not title and (event_id := texts["event_id"]):
        return "id", f"event:{_bounded(event_id)}:h{hour}"
    digest = hashlib.sha256(title_identity(title).encode()).hexdigest()[:32]
    return "title", f"title:{digest}:h{hour}"


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


def _first_line(body: str) -> str | None:
    # A template without a title-like field still says what happened in its message's first line.
    for line in body.splitlines():
        if text := line.strip().strip("#*_`>").strip():
            return text
    return None
