"""From one Sentry webhook to one ``FeedbackItem``: dedup key, title, body, metadata.

The dedup key is the Sentry *issue*: the ``issue`` webhook and every ``error`` or
``event_alert`` webhook of the same issue become one item whose occurrences grow, so Sentry's
own grouping is kept rather than redone. Only an event with no issue id stands on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from soulcaster_core import BadPayload, FeedbackItem
from soulcaster_core.stacktrace import ExceptionInfo, Frame
from soulcaster_core.timestamps import parse_timestamp

from . import fields
from .culprit import crash_location, issue_exception
from .links import http_links, issue_id_in, issue_page, project_in
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
#: A metric alert's trigger stands as its level. The level filter leaves metric alerts alone:
#: Sentry sends a trigger only to the actions set on it, so a webhook set on the warning
#: trigger asked for warnings.
METRIC_ALERT_TRIGGERS = ("critical", "warning")
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
        "platform": None,
        "culprit": None,
        "status": None,
        "source_mapped": trace.source_mapped,
        **parts.metadata,
    }
    if trace.source_mapped:
        # The frames as the SDK sent them, for whoever needs the minified names.
        metadata["raw_exceptions"] = [exc.model_dump() for exc in trace.raw_exceptions]
    level = _typed_level(event)
    details = _details(parts, metadata, level)
    body = f"{parts.body}\n\n{details}" if parts.body and details else parts.body or details
    return FeedbackItem(
        project_id=project_id,
        source=SOURCE,
        external_id=parts.external_id,
        title=parts.title,
        body=body,
        raw_text=f"{parts.title}\n{trace.text or parts.body}",
        metadata=metadata,
        exceptions=trace.exceptions if parts.exceptions is None else parts.exceptions,
        service=parts.service,
        environment=parts.environment,
        release=parts.release,
        endpoint=parts.endpoint,
        trace_id=parts.trace_id,
        level=level,
        links=parts.links,
        tags=parts.tags,
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
    #: What ``FeedbackItem.exceptions`` holds when it is not the trace's chain.
    exceptions: list[ExceptionInfo] | None = None
    service: str | None = None
    environment: str | None = None
    release: str | None = None
    endpoint: str | None = None
    trace_id: str | None = None
    links: dict[str, str] = field(default_factory=dict)
    tags: dict[str, str] = field(default_factory=dict)
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
    meta_path = f"{path}.metadata"
    kind = fields.text(described, "type", meta_path)
    value = fields.text(described, "value", meta_path)
    culprit = fields.text(issue, "culprit", path)
    # A performance issue's metadata value is its evidence (a query), not its name.
    headline = _headline(kind, value)
    title = (headline if kind else None) or fields.text(issue, "title", path) or headline
    title = title or f"Sentry issue {short_id or issue_id}"
    body = title if not value or value in title else f"{title}\n{value}"
    status = STATUS_ACTIONS.get(event.action) or fields.text(issue, "status", path)
    project = fields.obj(issue, "project", path) or {}
    first_seen = _time(issue, "firstSeen", path)
    thrown = None
    if _is_error(issue):
        thrown = issue_exception(kind, value, _crash_location(described, meta_path, culprit))
    issue_link = fields.text(issue, "web_url", path) or fields.text(issue, "permalink", path)
    return _Parts(
        external_id=f"issue:{issue_id}",
        title=title,
        body=body,
        metadata={
            "issue_id": issue_id,
            "short_id": short_id,
            "platform": fields.text(issue, "platform", path),
            "culprit": culprit,
            "status": status,
            "count": fields.scalar(issue, "count", path),
            "user_count": fields.scalar(issue, "userCount", path),
            "assigned_to": _assignee(issue, path),
        },
        exceptions=[thrown] if thrown else [],
        service=fields.text(project, "slug", f"{path}.project"),
        links=http_links(issue=issue_link),
        created_at=first_seen,
        first_seen=first_seen,
        last_seen=_time(issue, "lastSeen", path),
    )


def _is_error(issue: dict[str, Any]) -> bool:
    """Whether an issue groups errors (not slow queries, not logged messages)."""
    category = fields.text(issue, "issueCategory", "data.issue") or fields.text(
        issue, "type", "data.issue"
    )
    return category in (None, "error")


def _crash_location(described: dict[str, Any], path: str, culprit: str | None) -> Frame | None:
    """Where Sentry says the event or issue crashed: its ``metadata``, else its culprit."""
    return crash_location(
        fields.text(described, "filename", path),
        fields.text(described, "function", path),
        culprit,
        fields.text(described, "in_app_frame_mix", path),
    )


def _event_parts(event: SentryEvent) -> _Parts:
    found, path = event.subject, event.subject_path
    web_url = fields.text(found, "web_url", path)
    issue_url = fields.text(found, "issue_url", path)
    # Older payloads name the issue only in its links: without its id the event would make
    # an item of its own beside the issue's.
    issue_id = fields.ident(found, "issue_id", path) or issue_id_in(issue_url, web_url)
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
    if (function := _lambda_function(found, path)) and "function_name" not in tags:
        # The AWS Lambda function the event ran in (its SDK's ``aws_lambda`` context): the
        # service, where one Sentry project holds many functions.
        tags["function_name"] = function
    culprit = fields.text(found, "culprit", path)
    # The route or task the event ran under; the tag is the SDK's copy of the same name.
    transaction = fields.text(found, "transaction", path) or tags.get("transaction")
    metadata: dict[str, Any] = {
        "issue_id": issue_id,
        "event_id": event_id,
        "platform": fields.text(found, "platform", path),
        # The SDK's name tells an app people hold (``sentry.java.android``) from a server of
        # the same platform (``java``).
        "sdk": _sdk_name(found, path),
        "culprit": culprit,
        "issue_url": issue_url,
        "message": message,
        "transaction": transaction,
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
        exceptions=_located(trace, found, path, culprit),
        service=_service_tag(tags) or project_in(fields.text(found, "url", path)),
        environment=_tagged_environment(found, path, tags),
        release=fields.text(found, "release", path) or tags.get("release"),
        endpoint=transaction,
        trace_id=_trace_id(found, path),
        links=http_links(sentry=web_url, issue=issue_page(web_url)),
        tags=tags,
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
            "status": event.action,
        },
        service=_only_project(rule, rule_path) or _only_project(alert, path),
        environment=event_environment(event),
        links=http_links(sentry=fields.text(data, "web_url", "data")),
        created_at=(
            _time(alert, "date_started", path)
            or _time(alert, "date_detected", path)
            or _time(alert, "date_created", path)
        ),
    )


def _typed_level(event: SentryEvent) -> str | None:
    """The level in Sentry's words; a metric alert's is its trigger (none once resolved)."""
    if event.resource == "metric_alert":
        return event.action if event.action in METRIC_ALERT_TRIGGERS else None
    return event_level(event)


def _located(
    trace: SentryTrace, found: dict[str, Any], path: str, culprit: str | None
) -> list[ExceptionInfo]:
    """The chain, its thrown exception given the crash location when Sentry sent no frames."""
    thrown = trace.thrown
    if thrown is None or thrown.frames:
        return trace.exceptions
    described = fields.obj(found, "metadata", path) or {}
    location = _crash_location(described, f"{path}.metadata", culprit)
    if location is None:
        return trace.exceptions
    return [*trace.exceptions[:-1], thrown.model_copy(update={"frames": [location]})]


#: Tags that name the service, as people and OpenTelemetry spell them. ``server_name`` is not
#: one: it is the host (a pod name), different on every replica of one service.
_SERVICE_TAGS = ("service", "service.name", "service_name")


def _service_tag(tags: dict[str, str]) -> str | None:
    for key in _SERVICE_TAGS:
        if value := tags.get(key, "").strip():
            return value
    return None


def _trace_id(found: dict[str, Any], path: str) -> str | None:
    contexts = fields.obj(found, "contexts", path)
    if not contexts:
        return None
    trace = fields.obj(contexts, "trace", f"{path}.contexts")
    return fields.text(trace, "trace_id", f"{path}.contexts.trace") if trace else None


def _lambda_function(found: dict[str, Any], path: str) -> str | None:
    contexts = fields.obj(found, "contexts", path)
    context = fields.obj(contexts, "aws_lambda", f"{path}.contexts") if contexts else None
    return fields.text(context, "function_name", f"{path}.contexts.aws_lambda") if context else None


def _sdk_name(found: dict[str, Any], path: str) -> str | None:
    sdk = fields.obj(found, "sdk", path)
    return fields.text(sdk, "name", f"{path}.sdk") if sdk else None


def _only_project(holder: dict[str, Any], path: str) -> str | None:
    """The project slug of an alert on one project: the service it alerts on."""
    projects = fields.array(holder, "projects", path)
    if len(projects) == 1 and isinstance(projects[0], str) and projects[0].strip():
        return projects[0].strip()
    return None


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


def _details(parts: _Parts, metadata: dict[str, Any], level: str | None) -> str:
    """The lines under the trace that a person triaging the item looks for first."""
    lines = [
        ("Issue", metadata.get("short_id")),
        ("Culprit", metadata.get("culprit")),
        ("Level", level),
        ("Environment", parts.environment),
        ("Release", parts.release),
        ("Status", metadata.get("status")),
        ("Link", parts.links.get("sentry") or parts.links.get("issue")),
    ]
    return "\n".join([f"{label}: {value}" for label, value in lines if value])
