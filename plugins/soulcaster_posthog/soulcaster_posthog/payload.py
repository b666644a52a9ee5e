"""Reading what PostHog posts, in either of its webhook shapes, into one normalized event.

The normalized event is the shape of a destination's ``event`` global and of a sync result:
``{uuid, event, distinct_id, properties, timestamp}``, plus ``person`` and the PostHog links
(``url``, ``person_url``, ``project_url``) when the sender gave them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from soulcaster_core import BadPayload, parse_json_object

from .coerce import as_text

#: A normalized PostHog event (see the module docstring).
PostHogEvent = dict[str, Any]

EXPECTED = (
    'expected a PostHog webhook: an "HTTP Webhook" destination body '
    '{"event": {"uuid", "event", "distinct_id", "properties", "timestamp"}, "person": ...} '
    'or an action / REST hook body {"hook": {...}, "data": {"eventUuid", "event", ...}}'
)


def parse_webhook(body: bytes) -> PostHogEvent:
    """Recognise the shape and normalize it; ``BadPayload`` names what is missing or wrong."""
    payload = parse_json_object(body)
    if "hook" in payload or ("data" in payload and "event" not in payload):
        return _from_rest_hook(payload)
    if "event" in payload:
        return _from_destination(payload)
    if "text" in payload:
        raise BadPayload(
            'this is the "post to Slack/Teams" action message ({"text": ...}), which carries no '
            "event data; use the HTTP Webhook destination instead"
        )
    keys = ", ".join(sorted(payload)[:10]) or "none"
    raise BadPayload(f"{EXPECTED}; got an object with keys: {keys}")


def _from_destination(payload: Mapping[str, Any]) -> PostHogEvent:
    event = payload["event"]
    if not isinstance(event, dict):
        raise BadPayload(
            f"event: expected the event object (the destination's {{event}} variable), "
            f"got {_kind(event)}"
        )
    normalized = normalize_event(event, where="event")
    person = payload.get("person")
    # Personless events (and person processing switched off) send null or nothing.
    normalized["person"] = person if isinstance(person, dict) else None
    if isinstance(person, dict) and (person_url := as_text(person.get("url"))):
        normalized["person_url"] = person_url
    project = payload.get("project")
    if isinstance(project, dict) and (project_url := as_text(project.get("url"))):
        normalized["project_url"] = project_url
    return normalized


def _from_rest_hook(payload: Mapping[str, Any]) -> PostHogEvent:
    data = payload.get("data")
    if not isinstance(data, dict):
        raise BadPayload(f"data: expected the action webhook's event object, got {_kind(data)}")
    # The plugin server writes these keys in camelCase; accept snake_case from hand-made senders.
    renamed = {
        "uuid": data.get("eventUuid", data.get("uuid")),
        "event": data.get("event"),
        "distinct_id": data.get("distinctId", data.get("distinct_id")),
        "properties": data.get("properties"),
        "timestamp": data.get("timestamp"),
    }
    normalized = normalize_event(renamed, where="data")
    person = data.get("person")
    normalized["person"] = person if isinstance(person, dict) else None
    return normalized


def normalize_event(raw: Mapping[str, Any], *, where: str) -> PostHogEvent:
    """Check the fields every path needs; ``where`` prefixes the field names in errors."""
    name = raw.get("event")
    if not isinstance(name, str) or not name.strip():
        raise BadPayload(f"{where}.event: expected the event name (a string), got {_kind(name)}")
    properties = raw.get("properties")
    if properties is None:
        properties = {}
    elif not isinstance(properties, dict):
        raise BadPayload(f"{where}.properties: expected an object, got {_kind(properties)}")
    uuid = raw.get("uuid")
    if uuid is not None and not isinstance(uuid, str):
        raise BadPayload(f"{where}.uuid: expected the event uuid as a string, got {_kind(uuid)}")
    normalized: PostHogEvent = {
        "uuid": uuid,
        "event": name.strip(),
        "distinct_id": as_text(raw.get("distinct_id")),
        "properties": properties,
        "timestamp": raw.get("timestamp"),
    }
    if url := as_text(raw.get("url")):
        normalized["url"] = url
    return normalized


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean"}.get(
        type(value), "a number"
    )
