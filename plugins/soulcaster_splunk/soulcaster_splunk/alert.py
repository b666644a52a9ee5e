"""The body Splunk's built-in webhook alert action sends, read strictly.

The action (``alert_webhook/bin/webhook.py``) posts ``{sid, search_name, app, owner,
results_link, result}`` and nothing else: ``result`` is the first result row (one POST per row
with "for each result" triggering) or ``null``, and every value in it is a string, or a list of
strings for a multivalue field. Anything else is not this action's output, so it is refused
with a message that names the field rather than guessed at.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from soulcaster_core import BadPayload, parse_json_object

#: A result row: field name -> value (a list for multivalue fields such as ``_si``).
Row = dict[str, str | list[str]]


@dataclass(frozen=True)
class SplunkAlert:
    """One webhook delivery; blank strings are read as absent."""

    sid: str | None
    search_name: str | None
    app: str | None
    owner: str | None
    results_link: str | None
    result: Row | None

    def field(self, name: str) -> str | list[str] | None:
        """A value of the result row, ``None`` when the row or the field is missing."""
        return None if self.result is None else self.result.get(name)


def parse_alert_body(body: bytes) -> SplunkAlert:
    """Read the raw request body; every problem becomes ``BadPayload``."""
    return parse_alert(parse_json_object(body))


def parse_alert(data: Mapping[str, Any]) -> SplunkAlert:
    """Check a decoded body; unknown top-level keys are ignored (alert-action apps add some)."""
    # The dict test first: decoded bodies always pass it, so they skip the slower ABC check.
    if not isinstance(data, dict) and not isinstance(data, Mapping):
        raise BadPayload(f"body must be a JSON object, got {_type_name(data)}")
    get = data.get
    # Keyword arguments are evaluated in order, so the first bad field is the one reported.
    return SplunkAlert(
        sid=_optional_text(get("sid"), "sid"),
        search_name=_optional_text(get("search_name"), "search_name"),
        app=_optional_text(get("app"), "app"),
        owner=_optional_text(get("owner"), "owner"),
        results_link=_optional_text(get("results_link"), "results_link"),
        result=_row(get("result")),
    )


def _type_name(value: Any) -> str:
    """JSON's names for what was sent (``list``, ``int`` and ``float`` read the same in both)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, dict):
        return "object"
    if isinstance(value, str):
        return "string"
    return type(value).__name__


def _optional_text(value: Any, where: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise BadPayload(f"{where}: expected a string or null, got {_type_name(value)}")
    return value.strip() or None


def _row(value: Any) -> Row | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise BadPayload(f"result: expected an object or null, got {_type_name(value)}")
    row: Row = {}
    for name, field_value in value.items():
        # Strings first: nearly every value is one.
        if isinstance(field_value, str):
            row[name] = field_value
        elif field_value is None:
            # Not something Splunk sends, but a null says no more than a missing field.
            continue
        elif isinstance(field_value, list):
            row[name] = _multivalue(field_value, name)
        else:
            raise BadPayload(
                f"result.{name}: expected a string or a list of strings, "
                f"got {_type_name(field_value)}"
            )
    return row


def _multivalue(values: list[Any], name: str) -> list[str]:
    for index, item in enumerate(values):
        if not isinstance(item, str):
            raise BadPayload(f"result.{name}[{index}]: expected a string, got {_type_name(item)}")
    return list(values)
