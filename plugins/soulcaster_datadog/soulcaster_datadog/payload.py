"""Reading a Datadog webhook body, whatever template the user wrote.

Datadog substitutes ``$VARIABLES`` into a template as plain text, so the same value can arrive
quoted (a string), unquoted (a number), under a name of the user's choosing, nested, empty, or
not at all. Everything here turns those variations into plain Python values or ``BadPayload``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from typing import Any
from urllib.parse import parse_qsl

from soulcaster_core import BadPayload, parse_json_object

#: Where each value may sit: the name Datadog's docs suggest first, then names integrators'
#: templates use. Dotted names are nested objects.
FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title", "event_title", "alert_title"),
    "body": ("body", "event_msg", "text_only_msg", "message", "text"),
    "date": ("date", "event_date", "date_posix", "timestamp"),
    "last_updated": ("last_updated",),
    "event_id": ("id", "event_id"),
    "event_type": ("event_type",),
    "alert_id": ("alert_id", "monitor_id", "alert.id", "monitor.id"),
    "alert_cycle_key": ("alert_cycle_key", "cycle_key", "alert.cycle_key"),
    "aggreg_key": ("aggreg_key", "aggregation_key", "alert.aggreg_key"),
    "alert_scope": ("alert_scope", "scope", "alert.scope"),
    "alert_transition": ("alert_transition", "transition", "alert.transition"),
    "alert_type": ("alert_type", "alert.type"),
    "alert_priority": ("alert_priority", "alert.priority"),
    "alert_status": ("alert_status", "alert.status"),
    "alert_metric": ("alert_metric", "alert.metric"),
    "alert_query": ("alert_query", "alert.query"),
    "alert_title": ("alert_title", "alert.title"),
    "priority": ("priority",),
    "hostname": ("hostname", "host"),
    "link": ("link", "url", "event_url"),
    "snapshot_url": ("snapshot", "snapshot_url"),
    "org_id": ("org.id", "org_id"),
    "org_name": ("org.name", "org_name"),
    "tags": ("tags",),
}

# A variable Datadog did not substitute (a typo, or one that does not apply to this monitor)
# arrives as its own name; keying dedup on "$ALERT_CYCLE_KEY" would merge every alert into one.
_UNSUBSTITUTED = re.compile(r"\$[A-Z][A-Z0-9_]*")


def parse_body(body: bytes) -> dict[str, Any]:
    """A JSON object, or the fields of a form-encoded body ("Encode as form" in Datadog)."""
    start = body.lstrip()[:1]
    if start in (b"{", b"[", b""):
        return parse_json_object(body)
    form = _parse_form(body)
    if form is None:
        raise BadPayload("body is neither a JSON object nor form-encoded fields (name=value&...)")
    return form


def _parse_form(body: bytes) -> dict[str, Any] | None:
    try:
        text = body.decode("utf-8")
        pairs = parse_qsl(text, keep_blank_values=True, strict_parsing=True)
    except (UnicodeDecodeError, ValueError):
        return None
    fields: dict[str, Any] = {}
    for name, raw in pairs:
        value = _form_value(raw)
        if name not in fields:
            fields[name] = value
        elif isinstance(fields[name], list):
            fields[name].append(value)
        else:
            fields[name] = [fields[name], value]
    return fields


def _form_value(raw: str) -> Any:
    # A nested object of the template (e.g. "org") can only travel as JSON text in a form field.
    if raw.startswith("{"):
        try:
            decoded = json.loads(raw)
        except ValueError:
            return raw
        if isinstance(decoded, dict):
            return decoded
    return raw


def candidates(event: dict[str, Any], name: str) -> Iterator[tuple[str, Any]]:
    """Every present value among ``FIELDS[name]``, in order, with the path it was found at."""
    for path in FIELDS[name]:
        value = _at_path(event, path)
        if value is not None:
            yield path, value


def lookup(event: dict[str, Any], name: str) -> tuple[str, Any]:
    """The first present value among ``FIELDS[name]`` and the path it was found at."""
    return next(candidates(event, name), (FIELDS[name][0], None))


def _at_path(event: dict[str, Any], path: str) -> Any:
    node: Any = event
    for part in path.split("."):
        if not isinstance(node, dict):
            return None
        node = node.get(part)
    return node


def text_field(event: dict[str, Any], name: str) -> str | None:
    """A scalar as text: numbers exactly (19-digit ids stay exact), blanks and ``$VARS`` as None.

    An empty value falls through to the next name, so ``"title": ""`` beside a filled
    ``"event_title"`` still gives a title.
    """
    for path, value in candidates(event, name):
        if (text := as_text(value, path)) is not None:
            return text
    return None


def as_text(value: Any, path: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, int):
        text = str(value)
    elif isinstance(value, float):
        text = str(int(value)) if value.is_integer() else repr(value)
    elif isinstance(value, str):
        text = value.strip()
    else:
        kind = "an object" if isinstance(value, dict) else "a list"
        raise BadPayload(f"{path}: expected a string or a number, got {kind}")
    if not text or _UNSUBSTITUTED.fullmatch(text):
        return None
    return text


def tags_field(event: dict[str, Any]) -> list[str]:
    """Tags from a JSON list or Datadog's comma-separated ``$TAGS``; always a list, no repeats."""
    path, value = lookup(event, "tags")
    if value is None:
        return []
    if isinstance(value, str):
        entries: Sequence[Any] = value.split(",")
    elif isinstance(value, list):
        entries = value
    elif isinstance(value, dict):
        entries = [_key_value_tag(key, item, f"{path}.{key}") for key, item in value.items()]
    else:
        return [tag] if (tag := as_text(value, path)) else []
    tags: list[str] = []
    for index, entry in enumerate(entries):
        tag = as_text(entry, f"{path}[{index}]")
        if tag and tag not in tags:
            tags.append(tag)
    return tags


def _key_value_tag(key: str, value: Any, path: str) -> str:
    text = as_text(value, path)
    return f"{key}:{text}" if text else key
