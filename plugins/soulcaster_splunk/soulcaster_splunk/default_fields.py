"""Splunk's default fields: what the indexer adds to every event, not what the event says.

``date_hour``, ``punct``, ``linecount``, ``splunk_server``, ``tag::eventtype``, ``_time``,
``_si``... describe where and how an event was indexed. A reader of the alert does not need them
in the body, so they go to one metadata key, where drill-down can still find them.
"""

from __future__ import annotations

from .alert import Row

_DEFAULT_NAMES = frozenset(
    {
        "punct",
        "timestartpos",
        "timeendpos",
        "linecount",
        "eventtype",
        "tag",
    }
)
_DEFAULT_PREFIXES = ("_", "date_", "tag::", "splunk_server")


def is_default_field(name: str) -> bool:
    return name in _DEFAULT_NAMES or name.startswith(_DEFAULT_PREFIXES)


def split_row(row: Row) -> tuple[Row, Row]:
    """``(the event's own fields, Splunk's default fields)``; ``_raw`` is in neither."""
    own: Row = {}
    default: Row = {}
    for name, value in row.items():
        if name == "_raw":
            continue
        if is_default_field(name):
            default[name] = value
        else:
            own[name] = value
    return own, default
