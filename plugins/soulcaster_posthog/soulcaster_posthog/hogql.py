"""The HogQL query sync sends to PostHog's query API, and reading the pages it returns.

Every value that goes into the query text is escaped here (``hogql_string``); the query
never interpolates anything else.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from soulcaster_core import BadPayload
from soulcaster_core.timestamps import parse_timestamp

from .payload import PostHogEvent, normalize_event

COLUMNS = ("uuid", "event", "distinct_id", "properties", "timestamp")
#: Where the first sync starts when ``last_synced`` is unset (the events API's own default).
FIRST_SYNC_WINDOW = "INTERVAL 1 DAY"

# ClickHouse string literal escapes: backslash first, then the quote and control characters.
_ESCAPES = {
    "\\": "\\\\",
    "'": "\\'",
    "\b": "\\b",
    "\f": "\\f",
    "\r": "\\r",
    "\n": "\\n",
    "\t": "\\t",
    "\0": "\\0",
    "\a": "\\a",
    "\v": "\\v",
}


class PageUnreadable(ValueError):
    """The query API answered 200 with something that is not a page of events."""


def hogql_string(value: str) -> str:
    """``value`` as a single-quoted HogQL string literal."""
    return "'" + "".join(_ESCAPES.get(char, char) for char in value) + "'"


def format_instant(moment: datetime) -> str:
    """UTC with microseconds and a ``Z``: what ``last_synced`` holds, lossless for PostHog."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass(frozen=True)
class Cursor:
    """The newest event stored: pages continue after ``(timestamp, uuid)``."""

    timestamp: datetime
    uuid: str | None = None

    @classmethod
    def of(cls, event: PostHogEvent) -> Cursor:
        moment = parse_timestamp(event["timestamp"])
        if moment is None:  # read_page lets no such event through
            raise PageUnreadable(f"event {event['uuid']}: timestamp: {event['timestamp']!r}")
        return cls(moment, event["uuid"])


def events_query(event_types: Sequence[str], after: Cursor | None, limit: int) -> str:
    """Events of ``event_types`` after the cursor, oldest first, ``limit`` at most."""
    names = ", ".join(hogql_string(name) for name in event_types)
    if after is None:
        since = f"timestamp > now() - {FIRST_SYNC_WINDOW}"
    else:
        # An explicit Z keeps PostHog from reading the time in the project's time zone.
        moment = f"toDateTime({hogql_string(format_instant(after.timestamp))})"
        if after.uuid:
            # Events sharing the cursor's timestamp continue after its uuid, in query order.
            same_time_after = f"timestamp = {moment} AND uuid > toUUID({hogql_string(after.uuid)})"
            since = f"(timestamp > {moment} OR ({same_time_after}))"
        else:
            since = f"timestamp > {moment}"
    return (
        f"SELECT {', '.join(COLUMNS)} FROM events "
        f"WHERE event IN ({names}) AND {since} "
        f"ORDER BY timestamp ASC, uuid ASC LIMIT {int(limit)}"
    )


@dataclass(frozen=True)
class Page:
    events: list[PostHogEvent]
    has_more: bool


def read_page(payload: Any, *, limit: int, project_url: str | None = None) -> Page:
    """The normalized events of one query response; ``PageUnreadable`` names what is wrong."""
    if not isinstance(payload, dict):
        raise PageUnreadable("the query response is not a JSON object")
    results = payload.get("results")
    if not isinstance(results, list):
        raise PageUnreadable("results: missing from the query response, or not a list")
    columns = payload.get("columns")
    if not (isinstance(columns, list) and all(isinstance(c, str) for c in columns)):
        columns = list(COLUMNS)
    missing = [name for name in COLUMNS if name not in columns]
    if missing:
        raise PageUnreadable(f"columns: the response lacks {', '.join(missing)}")
    events = [_event(row, columns, index, project_url) for index, row in enumerate(results)]
    # hasMore counts rows past our own LIMIT only on some versions; a full page may have more.
    return Page(events, payload.get("hasMore") is True or len(results) >= limit)


def _event(row: Any, columns: list[str], index: int, project_url: str | None) -> PostHogEvent:
    where = f"results[{index}]"
    if not isinstance(row, list) or len(row) != len(columns):
        raise PageUnreadable(f"{where}: expected a row of {len(columns)} values")
    record = dict(zip(columns, row, strict=True))
    properties = record.get("properties")
    if isinstance(properties, str):
        # HogQL returns the properties column as the JSON text it is stored as.
        try:
            record["properties"] = json.loads(properties)
        except (ValueError, RecursionError):
            raise PageUnreadable(f"{where}.properties: not valid JSON") from None
    try:
        event = normalize_event(record, where=where)
    except BadPayload as exc:
        raise PageUnreadable(exc.detail) from None
    if not isinstance(event["uuid"], str) or not event["uuid"]:
        raise PageUnreadable(f"{where}.uuid: missing")
    if parse_timestamp(event["timestamp"]) is None:
        raise PageUnreadable(f"{where}.timestamp: not a timestamp: {event['timestamp']!r}")
    event["person"] = None
    if project_url:
        event["project_url"] = project_url
    return event
