"""From one Sentry webhook to one ``FeedbackItem``: dedup key, title, body, metadata.

The dedup key is the Sentry *issue*: the ``issue`` webhook and every ``error`` or
``event_alert`` webhook of the same issue become one item whose occurrences grow, so Sentry's
own grouping is kept rather than redone. Only an event with no issue id stands on its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from soulcaster_core import BadPayload, FeedbackItem
from soulcaster_core.timestamps import parse_timestamp

from . import fields
from .payload import SentryEvent
from .traces import SentryTrace, event_message, read_trace

SOURCE = "sentry"

#: Issue actions that change a known issue's state; the value is the status it now has.
STATUS_ACTIONS = {
    "resolved": "resolved",
    "unresolved": "unresolved",
    "ignored": "ignored",
    "archived": "ignored",  # Sentry's UI says "archived"; its API and payloads say "ignored"
}
#: Sentry stores an event sent without a level as an error, so the filter does too.
DEFAULT_LEVEL = "error"
#: Metric alerts have no level; their trigger plays that part for the level filter.
METRIC_ALERT_LEVELS = {"critical": "error", "warning": "warning"}
#: The resources that carry one Sentry event: its frames, tags, environment and release.
_EVENT_RESOURCES = ("error", "event_alert")
#: What issues and metric alerts show as their trace: they carry no frames.
_NO_TRACE = SentryTrace()


def sentry_event_to_feedback_item(
    event: dict[str, Any], project_id: str, *, resource: str | None = None
) -> FeedbackItem:
    """Map a Sentry webhook body onto a ``FeedbackItem``.

    ``resource`` is the ``Sentry-Hook-Resource`` header when known; without it the body's
    shape decides. Raises ``BadPayload`` naming the field when the body cannot be read.
    """
    return feedback_item_from(SentryEvent.from_body(event, resource), project_id)


def feedback_item_from(event: SentryEvent, project_id: str) -> FeedbackItem:
    if event.resource == "issue":
        parts = _issue_parts(event)
    elif event.resource in _EVENT_RESOURCES:
        parts = _event_parts(event)
    elif event.resource == "metric_alert":
        parts = _metric_alert_parts(event)
    else:
        raise BadPayload(f"a Sentry {event.resource} webhook does not describe an error or alert")
    trace = parts.trace
    metadata = {
        "resource": event.resource,
        "action": event.action,
        "issue_id": None,
        "short_id": None,
        "event_id": None,
        "level": event_level(event),
        "platform": None,
        "release": None,
        "environment": None,
        "tags": {},
        "culprit": None,
        "web_url": None,
        "status": None,
        "stack_trace": trace.text,
        "exceptions": [exc.model_dump() for exc in trace.exceptions],
        "source_mapped": trace.source_mapped,
        **parts.metadata,
    }
    if trace.source_mapped:
        metadata["raw_exceptions"] = [exc.model_dump() for exc in trace.raw_exceptions]
    details = _details(metadata)
    body = f"{parts.body}\n\n{details}" if parts.body and details else parts.body or details
    return FeedbackItem(
        project_id=project_id,
        source=SOURCE,
        external_id=parts.external_id,
        title=parts.title,
        body=body,
        raw_text=f"{parts.title}\n{trace.text or parts.body}",
        metadata=metadata,
        **_times(parts),
    )


def counts_as_occurrence(event: SentryEvent) -> bool:
    """Whether the delivery says the problem happened again (not just that its state changed)."""
    if event.resource == "issue":
        # An assignment is a person acting on the issue, not the error recurring.
        return event.action not in STATUS_ACTIONS and event.action != "assigned"
    if event.resource == "metric_alert":
        return event.action != "resolved"
    return True


def event_level(event: SentryEvent) -> str | None:
    """The level the filter compares: lower case, Sentry's default when absent."""
    if event.resource == "metric_alert":
        return METRIC_ALERT_LEVELS.get(event.action)
    if event.resource not in ("issue", "error", "event_alert"):
        return None
    level = fields.text(event.subject, "level", event.subject_path)
    return (level or DEFAULT_LEVEL).strip().lower()


def event_environment(event: SentryEvent) -> str | None:
    """The environment of an error or event (field, else its tag) or of a metric alert rule."""
    if event.resource == "metric_alert":
        rule = fields.obj(event.subject, "alert_rule", "data.metric_alert") or {}
        return fields.text(rule, "environment", "data.metric_alert.alert_rule")
    if event.resource in _EVENT_RESOURCES:
        return _tagged_environment(event.subject, event.subject_path)
    return None


def _tagged_environment(
    found: dict[str, Any], path: str, tags: dict[str, str] | None = None
) -> str | None:
    """An event's ``environment``, else its environment tag; ``tags`` if they are already read."""
    environment = fields.text(found, "environment", path)
    if environment:
        return environment
    return (tag_dict(found, path) if tags is None else tags).get("environment")


def tag_dict(event: dict[str, Any], path: str) -> dict[str, str]:
    """Sentry's sorted ``[key, value]`` pairs as a dict (an object is taken as it is)."""
    raw = event.get("tags")
    if raw is None:
        return {}
    pairs: list[Any]
    if isinstance(raw, dict):
        pairs = list(raw.items())
    elif isinstance(raw, list):
        pairs = raw
    else:
        raise BadPayload(f"{path}.tags: expected a list of [key, value] pairs")
    tags: dict[str, str] = {}
    for index, pair in enumerate(pairs):
        # Nearly every tag is a pair of strings: those skip the checks that name what is wrong.
        if type(pair) is list and len(pair) == 2:
            key, value = pair
            if type(key) is str and type(value) is str:
                tags[key] = value
                continue
        if pair is None:
            continue
        if not (isinstance(pair, list | tuple) and len(pair) == 2 and isinstance(pair[0], str)):
            raise BadPayload(f"{path}.tags[{index}]: expected a [key, value] pair of strings")
        key, value = pair
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise BadPayload(f"{path}.tags[{index}]: the value of {key!r} must be a string")
        tags[key] = str(value)
    return tags


@dataclass(slots=True)
class _Parts:
    external_id: str
    title: str
    body: str
    metadata: dict[str, Any]
    trace: SentryTrace = _NO_TRACE
    created_at: datetime | None = None
    first_seen: datetime | None = None
    last_seen: datetime | None = None


def _issue_parts(event: SentryEvent) -> _Parts:
    issue, path = event.subject, "data.issue"
    issue_id = fields.ident(issue, "id", path)
    if issue_id is None:
        raise BadPayload(f"{path}.id: missing; it is what ties an issue's events together")
    short_id = fields.text(issue, "shortId", path)
    described = fields.obj(issue, "metadata", path) or {}
    headline = _headline(
        fields.text(described, "type", f"{path}.metadata"),
        fields.text(described, "value", f"{path}.metadata"),
    )
    title = headline or fields.text(issue, "title", path)
    title = title or f"Sentry issue {short_id or issue_id}"
    status = STATUS_ACTIONS.get(event.action) or fields.text(issue, "status", path)
    project = fields.obj(issue, "project", path) or {}
    first_seen = _time(issue, "firstSeen", path)
    return _Parts(
        external_id=f"issue:{issue_id}",
        title=title,
        body=title,
        metadata={
            "issue_id": issue_id,
            "short_id": short_id,
            "platform": fields.text(issue, "platform", path),
            "culprit": fields.text(issue, "culprit", path),
            "web_url": (
                fields.text(issue, "web_url", path) or fields.text(issue, "permalink", path)
            ),
            "status": status,
            "project": fields.text(project, "slug", f"{path}.project"),
            "count": fields.scalar(issue, "count", path),
            "user_count": fields.scalar(issue, "userCount", path),
            "assigned_to": _assignee(issue, path),
        },
        created_at=first_seen,
        first_seen=first_seen,
        last_seen=_time(issue, "lastSeen", path),
    )


def _event_parts(event: SentryEvent) -> _Parts:
    found, path = event.subject, event.subject_path
    issue_id = fields.ident(found, "issue_id", path)
    event_id = fields.ident(found, "event_id", path) or fields.ident(found, "id", path)
    if issue_id is not None:
        external_id = f"issue:{issue_id}"
    elif event_id is not None:
        external_id = f"event:{event_id}"
    else:
        raise BadPayload(f"{path}: has neither issue_id nor event_id to tell it from other events")
    message = event_message(found, path)
    trace = read_trace(found, path, message)
    headline = trace.thrown.headline() if trace.thrown else ""
    event_title = fields.text(found, "title", path)
    kind = "error" if event.resource == "error" else "event"
    title = headline or message or event_title or f"Sentry {kind} {event_id or issue_id}"
    tags = tag_dict(found, path)
    metadata: dict[str, Any] = {
        "issue_id": issue_id,
        "event_id": event_id,
        "platform": fields.text(found, "platform", path),
        "release": fields.text(found, "release", path) or tags.get("release"),
        "environment": _tagged_environment(found, path, tags),
        "tags": tags,
        "culprit": fields.text(found, "culprit", path),
        "web_url": fields.text(found, "web_url", path),
        "issue_url": fields.text(found, "issue_url", path),
        "message": message,
        "transaction": fields.text(found, "transaction", path),
    }
    if event.resource == "event_alert":
        data = event.data
        rule = fields.obj(data, "issue_alert", "data") or {}
        metadata["triggered_rule"] = fields.text(data, "triggered_rule", "data") or fields.text(
            rule, "title", "data.issue_alert"
        )
    return _Parts(
        external_id=external_id,
        title=title,
        body=trace.text or message or title,
        metadata=metadata,
        trace=trace,
        created_at=_time(found, "datetime", path) or _time(found, "timestamp", path),
    )


def _metric_alert_parts(event: SentryEvent) -> _Parts:
    alert, path, data = event.subject, "data.metric_alert", event.data
    alert_id = fields.ident(alert, "id", path) or fields.ident(alert, "identifier", path)
    if alert_id is None:
        raise BadPayload(f"{path}.id: missing; it is what ties an alert's updates together")
    rule = fields.obj(alert, "alert_rule", path) or {}
    rule_path = f"{path}.alert_rule"
    rule_name = fields.text(rule, "name", rule_path)
    title = (
        fields.text(data, "description_title", "data")
        or fields.text(alert, "title", path)
        or rule_name
        or f"Sentry metric alert {alert_id}"
    )
    description = fields.text(data, "description_text", "data")
    return _Parts(
        external_id=f"metric_alert:{alert_id}",
        title=title,
        body=description or title,
        metadata={
            "alert_id": alert_id,
            "identifier": fields.ident(alert, "identifier", path),
            "alert_rule_id": fields.ident(rule, "id", rule_path),
            "alert_rule_name": rule_name,
            "aggregate": fields.text(rule, "aggregate", rule_path),
            "query": fields.text(rule, "query", rule_path),
            "environment": event_environment(event),
            "web_url": fields.text(data, "web_url", "data"),
            "status": event.action,
        },
        created_at=(
            _time(alert, "date_started", path)
            or _time(alert, "date_detected", path)
            or _time(alert, "date_created", path)
        ),
    )


def _headline(kind: str | None, value: str | None) -> str:
    if kind and value:
        return f"{kind}: {value}"
    return kind or value or ""


def _time(holder: dict[str, Any], key: str, path: str) -> datetime | None:
    return parse_timestamp(fields.scalar(holder, key, path))


def _times(parts: _Parts) -> dict[str, datetime]:
    # Absent times are left to the model: received now, first and last seen then.
    created_at = parts.created_at
    times = {
        "created_at": created_at,
        "first_seen": parts.first_seen or created_at,
        "last_seen": parts.last_seen or created_at,
    }
    return {name: value for name, value in times.items() if value is not None}


def _assignee(issue: dict[str, Any], path: str) -> str | None:
    assigned = fields.obj(issue, "assignedTo", path)
    if not assigned:
        return None
    where = f"{path}.assignedTo"
    return (
        fields.text(assigned, "email", where)
        or fields.text(assigned, "name", where)
        or fields.ident(assigned, "id", where)
    )


#: The lines under the trace that a person triaging the item looks for first.
_DETAIL_LABELS = (
    ("short_id", "Issue"),
    ("culprit", "Culprit"),
    ("level", "Level"),
    ("environment", "Environment"),
    ("release", "Release"),
    ("status", "Status"),
    ("web_url", "Link"),
)


def _details(metadata: dict[str, Any]) -> str:
    return "\n".join(
        [f"{label}: {value}" for key, label in _DETAIL_LABELS if (value := metadata.get(key))]
    )
