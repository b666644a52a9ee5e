"""One PostHog event (as a destination sends it and as sync reads it) → one ``FeedbackItem``."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote
from uuid import UUID

from soulcaster_core import FeedbackItem
from soulcaster_core.stacktrace import ExceptionInfo, format_exceptions
from soulcaster_core.timestamps import parse_timestamp

from .coerce import as_text
from .stack import ExceptionChain, exception_chain

SOURCE = "posthog"
EXCEPTION_EVENT = "$exception"

# Custom properties shown in the body of a non-exception event: enough to tell events apart,
# bounded so that one chatty event cannot flood the item.
_MAX_LISTED_PROPERTIES = 20
_MAX_PROPERTY_CHARS = 200
# Present on every event and either noise or a credential (``token`` is the project API key).
_UNLISTED_PROPERTIES = frozenset({"token", "distinct_id"})
_PLATFORM_PROPERTIES = (("Browser", "$browser", "$browser_version"), ("OS", "$os", "$os_version"))
# Where events name these, first found wins. PostHog sets none of them itself: they are the
# names SDK users and OpenTelemetry-minded teams give them (posthog-js's ``$app_version``
# excepted). Without one the field stays empty; a PostHog project is not a service.
_SERVICE_PROPERTIES = ("service", "$service_name", "app")
_ENVIRONMENT_PROPERTIES = ("environment", "$environment")
_RELEASE_PROPERTIES = ("$app_version", "$release", "release")
_TRACE_PROPERTIES = ("$trace_id", "trace_id")
_PAGE_PROPERTIES = ("$pathname", "$current_url", "$screen_name")
_PLAIN_SEGMENT = re.compile(r"[\w.~-]+", re.ASCII)


def posthog_event_to_feedback_item(event: Mapping[str, Any], project_id: str) -> FeedbackItem:
    """Map a PostHog event ``{uuid, event, distinct_id, properties, timestamp, ...}``.

    ``$exception`` events become "Type: value" with the normalized stack trace as the body;
    any other event is titled by its name and page. The event uuid is the dedup key, so the
    same event delivered by a webhook and pulled by sync is one item.
    """
    properties = _properties(event)
    name = as_text(event.get("event")) or "(unnamed event)"
    url = as_text(properties.get("$current_url"))
    chain = exception_chain(properties) if name == EXCEPTION_EVENT else ExceptionChain([])

    headline = _headline(chain.thrown) if chain.thrown else ""
    title = headline or (f"{name} on {url}" if url else f"PostHog {name}")
    sections = [_stack_section(chain)] if chain.exceptions else []
    sections.append(_context_section(name, properties, url, with_properties=not chain.exceptions))
    body = "\n\n".join(section for section in sections if section)

    timestamp = parse_timestamp(event.get("timestamp"))
    level = as_text(properties.get("$exception_level")) if chain.exceptions else None
    return FeedbackItem(
        project_id=project_id,
        source=SOURCE,
        external_id=external_id_of(event),
        title=title,
        body=body,
        raw_text=f"{title}\n{body}",
        metadata=_metadata(event, name, properties, url, chain),
        exceptions=chain.exceptions,
        service=_first(properties, _SERVICE_PROPERTIES),
        environment=_first(properties, _ENVIRONMENT_PROPERTIES),
        release=_first(properties, _RELEASE_PROPERTIES),
        trace_id=_first(properties, _TRACE_PROPERTIES),
        # The page (or app screen) it happened on: the route a browser error ran under.
        endpoint=_first(properties, _PAGE_PROPERTIES),
        level=level.lower() if level else None,
        links=_links(event, properties),
        tags=_tags(event, url),
        **({"created_at": timestamp} if timestamp is not None else {}),
    )


def _first(properties: Mapping[str, Any], keys: tuple[str, ...]) -> str | None:
    """The first of ``keys`` the event sets; PostHog has no fixed name for these."""
    for key in keys:
        found = properties.get(key)
        if found is not None and (value := as_text(found)) is not None:
            return value
    return None


def _tags(event: Mapping[str, Any], url: str | None) -> dict[str, str]:
    """The page and the person, as typed tags: incidents read them as endpoint and user."""
    found = {"url": url, "user": as_text(event.get("distinct_id"))}
    return {key: value for key, value in found.items() if value}


def _path_segment(value: str) -> str:
    # Ids are uuids: quoting (slow) is for whatever else a hand-made sender put there.
    return value if _PLAIN_SEGMENT.fullmatch(value) else quote(value, safe="")


def _links(event: Mapping[str, Any], properties: Mapping[str, Any]) -> dict[str, str]:
    """The PostHog pages of the event, its person, its session replay and its issue."""
    found = {
        "posthog": as_text(event.get("url")),
        "person": as_text(event.get("person_url")),
    }
    project_url = as_text(event.get("project_url"))
    if project_url:
        project = project_url.rstrip("/")
        if session_id := as_text(properties.get("$session_id")):
            found["replay"] = f"{project}/replay/{_path_segment(session_id)}"
        if issue_id := as_text(properties.get("$exception_issue_id")):
            found["issue"] = f"{project}/error_tracking/{_path_segment(issue_id)}"
    # Shown as clickable links: only http(s), whatever a hand-made sender put there.
    return {
        name: url
        for name, url in found.items()
        if url and url[:8].lower().startswith(("https://", "http://"))
    }


def external_id_of(event: Mapping[str, Any]) -> str:
    """The event uuid in canonical form; without one, a hash of who, when and what."""
    uuid = as_text(event.get("uuid"))
    if uuid is not None:
        try:
            return str(UUID(uuid))
        except ValueError:
            if len(uuid) <= 200:
                return uuid
    # Normalize the time so a webhook's "…53.492Z" and the API's "…53.492000Z" agree.
    when = parse_timestamp(event.get("timestamp"))
    key = [
        str(event.get("distinct_id") or ""),
        when.isoformat() if when else str(event.get("timestamp") or ""),
        str(event.get("event") or ""),
    ]
    if uuid is not None:
        key.append(uuid)
    return hashlib.sha256(json.dumps(key).encode()).hexdigest()[:32]


def _headline(thrown: ExceptionInfo) -> str:
    """ "Type: value", the value cut at its first line: the rest is for the body."""
    value = thrown.value.strip().partition("\n")[0].rstrip() if thrown.value else ""
    if thrown.type and value:
        return f"{thrown.type}: {value}"
    return thrown.type or value


def _stack_section(chain: ExceptionChain) -> str:
    text = format_exceptions(chain.printed or chain.exceptions)
    if chain.unparsed_stack:
        text += "\n\n" + chain.unparsed_stack
    return text


def _context_section(
    name: str, properties: Mapping[str, Any], url: str | None, *, with_properties: bool
) -> str:
    lines = [f"Event: {name}"]
    if url:
        lines.append(f"URL: {url}")
    for label, key, version in _PLATFORM_PROPERTIES:
        if value := as_text(properties.get(key)):
            detail = as_text(properties.get(version))
            lines.append(f"{label}: {value} {detail}" if detail else f"{label}: {value}")
    if with_properties:
        custom = [
            (key, value)
            for key, value in properties.items()
            if not key.startswith("$") and key not in _UNLISTED_PROPERTIES
        ]
        if custom:
            lines.append("Properties:")
            for key, value in sorted(custom)[:_MAX_LISTED_PROPERTIES]:
                shown = value if isinstance(value, str) else json.dumps(value, default=str)
                if len(shown) > _MAX_PROPERTY_CHARS:
                    shown = shown[: _MAX_PROPERTY_CHARS - 1] + "…"
                lines.append(f"  {key}: {shown}")
    return "\n".join(lines)


def _metadata(
    event: Mapping[str, Any],
    name: str,
    properties: Mapping[str, Any],
    url: str | None,
    chain: ExceptionChain,
) -> dict[str, Any]:
    session_id = as_text(properties.get("$session_id"))
    metadata: dict[str, Any] = {
        "event_type": name,
        "distinct_id": as_text(event.get("distinct_id")),
        "session_id": session_id,
        "current_url": url,
        "browser": as_text(properties.get("$browser")),
        "os": as_text(properties.get("$os")),
    }
    optional = {
        "exception_fingerprint": as_text(properties.get("$exception_fingerprint")),
        "exception_issue_id": as_text(properties.get("$exception_issue_id")),
        "lib": as_text(properties.get("$lib")),
    }
    metadata.update({key: value for key, value in optional.items() if value is not None})
    if name == EXCEPTION_EVENT:
        handled = _mechanism(properties).get("handled")
        if isinstance(handled, bool):
            metadata["handled"] = handled
    return metadata


def _mechanism(properties: Mapping[str, Any]) -> Mapping[str, Any]:
    listed = properties.get("$exception_list")
    if isinstance(listed, list):
        for entry in listed:
            mechanism = entry.get("mechanism") if isinstance(entry, dict) else None
            if isinstance(mechanism, dict):
                return mechanism
    return {}


def _properties(event: Mapping[str, Any]) -> Mapping[str, Any]:
    properties = event.get("properties")
    return properties if isinstance(properties, dict) else {}
