"""Reading a Datadog webhook body, whatever template the user wrote.

Datadog substitutes ``$VARIABLES`` into a template as plain text, so the same value can arrive
quoted (a string), unquoted (a number), under a name of the user's choosing, nested, empty, or
not at all. Everything here turns those variations into plain Python values or ``BadPayload``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar
from urllib.parse import parse_qsl

from soulcaster_core import BadPayload, parse_json_object

from .guesses import GUESSES, GuessIndex
from .variables import is_unsubstituted

#: Where each value may sit: the name Datadog's docs suggest first, then names integrators'
#: templates use. Dotted names are nested objects. A value found here must be text (or a
#: number): anything else is a bad payload. When none is there, ``guesses.GUESSES`` are tried,
#: leniently: a custom template's object under a guessed name is simply not that field.
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
            # The body's checks (depth limit included) hold for JSON inside a field too.
            return parse_json_object(raw.encode())
        except BadPayload:
            return raw
    return raw


def _split(path: str) -> tuple[str, tuple[str, ...]]:
    first, *below = path.split(".")
    return first, tuple(below)


#: A path of ``FIELDS`` split once, at import: ``(path, first key, keys below it)``.
_Path = tuple[str, str, tuple[str, ...]]
_PATHS: dict[str, tuple[_Path, ...]] = {
    name: tuple((path, *_split(path)) for path in paths) for name, paths in FIELDS.items()
}
#: The fields that hold one scalar each (``date`` and ``tags`` have readers of their own).
_TEXT_PATHS = tuple(
    (name, paths) for name, paths in _PATHS.items() if name not in ("date", "last_updated", "tags")
)


#: The top-level names of FIELDS: a body with no others names no field we would guess.
_DOCUMENTED_NAMES = frozenset(path.split(".")[0] for paths in FIELDS.values() for path in paths)

#: Fields no template of ours names (``service``, ``environment``): only ever guessed.
_ONLY_GUESSED = tuple(name for name in GUESSES if name not in FIELDS)

_Parsed = TypeVar("_Parsed")


def first_parsed(
    event: dict[str, Any], name: str, parse: Callable[[Any], _Parsed | None]
) -> _Parsed | None:
    """``parse`` of the first value among ``FIELDS[name]`` it makes something of, else None."""
    for _, first, below in _PATHS[name]:
        value = _at_path(event, first, below)
        if value is not None and (parsed := parse(value)) is not None:
            return parsed
    return None


def lookup(event: dict[str, Any], name: str) -> tuple[str, Any]:
    """The first present value among ``FIELDS[name]`` and the path it was found at."""
    for path, first, below in _PATHS[name]:
        value = _at_path(event, first, below)
        if value is not None:
            return path, value
    return FIELDS[name][0], None


def _at_path(event: dict[str, Any], first: str, below: tuple[str, ...]) -> Any:
    node = event.get(first)
    for key in below:
        node = node.get(key) if isinstance(node, dict) else None
    return node


def text_field(event: dict[str, Any], name: str) -> str | None:
    """A scalar as text: numbers exactly (19-digit ids stay exact), blanks and ``$VARS`` as None.

    An empty value falls through to the next name, so ``"title": ""`` beside a filled
    ``"event_title"`` still gives a title.
    """
    return _first_text(event, _PATHS[name])


def _first_text(event: dict[str, Any], paths: tuple[_Path, ...]) -> str | None:
    # _at_path and as_text's rule for strings, inlined: this runs for every path of every field
    # of every webhook, and most values are strings.
    for path, first, below in paths:
        value = event.get(first)
        if below and value is not None:
            for key in below:
                value = value.get(key) if isinstance(value, dict) else None
        if value is None:
            continue
        if isinstance(value, str):
            text = value.strip()
            if text and not is_unsubstituted(text):
                return text
        elif (scalar := as_text(value, path)) is not None:
            return scalar
    return None


class TextFields(dict[str, str | None]):
    """What ``all_text_fields`` gives for each name of one event, read on first use."""

    __slots__ = ("event", "guesses")

    def __init__(self, event: dict[str, Any]) -> None:
        # No super().__init__(): the dict starts empty, and this runs once per webhook.
        self.event = event
        self.guesses: GuessIndex | None = None

    def __missing__(self, name: str) -> str | None:
        text = text_field(self.event, name) if name in _PATHS else None
        if text is None and name in GUESSES and not self.event.keys() <= _DOCUMENTED_NAMES:
            if self.guesses is None:
                self.guesses = GuessIndex(self.event)
            text = self.guesses.text(name)
        self[name] = text
        return text


#: For each top-level name of an event, the fields of ``_TEXT_PATHS`` with a path from it.
_FIELDS_FROM: dict[str, frozenset[str]] = {
    first: frozenset(name for name, paths in _TEXT_PATHS if any(p[1] == first for p in paths))
    for first in {p[1] for _, paths in _TEXT_PATHS for p in paths}
}


def all_text_fields(event: dict[str, Any]) -> Mapping[str, str | None]:
    """Every scalar field, read exactly (``text_field``) or else guessed (``GuessIndex``)."""
    # A body fills a few of the fields: those whose paths all start at a name it lacks are
    # None without reading them (bench/mapping.py: a third of this function's cost).
    present: set[str] = set()
    for key in event:
        if (names := _FIELDS_FROM.get(key)) is not None:
            present |= names
    try:
        texts = {
            name: _first_text(event, paths) if name in present else None
            for name, paths in _TEXT_PATHS
        }
    except BadPayload:
        # Some value is refused. Read on demand instead, so the error is the one for the first
        # bad field the caller reads (as it always was), not for the first one in FIELDS.
        return TextFields(event)
    if event.keys() <= _DOCUMENTED_NAMES:
        # Our template, or Datadog's: nothing to guess.
        for name in _ONLY_GUESSED:
            texts[name] = None
        return texts
    guesses: GuessIndex | None = None
    for name in GUESSES:
        if texts.get(name) is None:
            guesses = guesses or GuessIndex(event)
            texts[name] = guesses.text(name)
    return texts


def as_text(value: Any, path: str) -> str | None:
    if isinstance(value, str):
        text = value.strip()
        return text if text and not is_unsubstituted(text) else None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if value is None:
        return None
    kind = "an object" if isinstance(value, dict) else "a list"
    raise BadPayload(f"{path}: expected a string or a number, got {kind}")


def tags_field(event: dict[str, Any]) -> list[str]:
    """Tags from a JSON list or Datadog's comma-separated ``$TAGS``; always a list, no repeats."""
    path, value = lookup(event, "tags")
    if value is None:
        # A template of the user's own may spell it "TAGS", "Tags" or "dd_tags".
        path = next(
            (key for key in event if isinstance(key, str) and key.lower().endswith("tags")), ""
        )
        if not path:
            return []
        value = event[path]
    if isinstance(value, str):
        # as_text never refuses a string, so the pieces need no path of their own.
        texts = [as_text(entry, path) for entry in value.split(",")]
    elif isinstance(value, list):
        texts = _entry_texts(value, path)
    elif isinstance(value, dict):
        pairs = [_key_value_tag(key, item, f"{path}.{key}") for key, item in value.items()]
        texts = _entry_texts(pairs, path)
    else:
        return [tag] if (tag := as_text(value, path)) else []
    tags: list[str] = []
    for tag in texts:
        if tag and tag not in tags:
            tags.append(tag)
    return tags


def _entry_texts(entries: Sequence[Any], path: str) -> list[str | None]:
    return [as_text(entry, f"{path}[{index}]") for index, entry in enumerate(entries)]


def _key_value_tag(key: str, value: Any, path: str) -> str:
    text = as_text(value, path)
    return f"{key}:{text}" if text else key
