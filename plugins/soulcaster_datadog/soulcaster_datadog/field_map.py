"""``field_map``: a project names the fields of its own Datadog template.

A template may call its fields anything (``{"headline": "$EVENT_TITLE", "info": "$EVENT_MSG"}``).
The guesses cover the usual names; a project whose names are not guessable maps them to ours in
its config: ``{"headline": "title", "info": "body", "monitor.ref": "alert_id"}``. Keys are the
template's field names (dots reach into nested objects, numbers into lists); values are ours.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .guesses import GUESSES
from .payload import FIELDS

#: Our names a template field can be mapped to, with the short names people also write.
_ALIASES = {
    "id": "event_id",
    "monitor_id": "alert_id",
    "cycle_key": "alert_cycle_key",
    "scope": "alert_scope",
    "group": "alert_scope",
    "transition": "alert_transition",
    "type": "alert_type",
    "query": "alert_query",
    "snapshot": "snapshot_url",
    "message": "body",
    "host": "hostname",
    "env": "environment",
}
TARGETS: frozenset[str] = frozenset(FIELDS) | frozenset(GUESSES)
# Where a mapped value is put so the readers find it first: the first name of FIELDS (read
# exactly), or for the fields only guessed (service, environment), a name guessed first.
_SLOT = {name: paths[0] for name, paths in FIELDS.items()} | {
    "service": "service",
    "environment": "env",
}


def canonical_field_map(value: Any) -> Any:
    """A ``field_map`` as sent, its targets spelled as ours; ``ValueError`` names a bad entry."""
    if not isinstance(value, dict):
        return value  # pydantic reports the wrong type
    checked: dict[str, str] = {}
    for key, target in value.items():
        name = key.strip() if isinstance(key, str) else ""
        if not name or any(not part for part in name.split(".")):
            raise ValueError(f"{key!r}: expected a field name of your template, e.g. 'headline'")
        ours = _ALIASES.get(target.strip(), target.strip()) if isinstance(target, str) else None
        if ours not in TARGETS:
            hint = ""
            if _ALIASES.get(name, name) in TARGETS:
                hint = (
                    f" (the map goes from your template's name to ours: {{{target!r}: {name!r}}})"
                )
            known = ", ".join(sorted(TARGETS | _ALIASES.keys()))
            raise ValueError(
                f"{name}: {target!r} is not a field Soulcaster reads{hint}; one of {known}"
            )
        checked[name] = ours
    return checked


def apply_field_map(event: dict[str, Any], field_map: Mapping[str, str]) -> None:
    """Put each mapped value where the readers look first; a mapped-away name means nothing else.

    Values are read before anything is written, so a map may swap two names.
    """
    found: list[tuple[str, Any]] = []
    for path, ours in field_map.items():
        value = _at(event, path.split("."))
        if value is not None:
            found.append((ours, value))
    for path in field_map:
        # {"title": "body"}: the template's "title" is the message, not also the title.
        if "." not in path:
            event.pop(path, None)
    for ours, value in found:
        event[_SLOT[ours]] = value


def _at(event: dict[str, Any], keys: list[str]) -> Any:
    node: Any = event
    for key in keys:
        if isinstance(node, dict):
            node = node.get(key)
        elif isinstance(node, list) and key.isdigit() and int(key) < len(node):
            node = node[int(key)]
        else:
            return None
    return node
