"""An item's history: its last deliveries, each with the raw body it came with (for a while).

Every ingest that reaches an item (not a sender's retry of a delivery already taken) adds one
record, written in the same atomic step as the item; an item keeps the last
``port.HISTORY_LIMIT``. A record says when, from where, what the store answered and what the
delivery changed; its ``id`` names the raw body, which is kept apart and expires after
``SOULCASTER_RAW_RETENTION_DAYS`` (``port.RAW_TTL_SECONDS`` by default).

Both stores write the same JSON: ``record_head`` (what the caller knows) is built here, and the
store appends what only it learns inside the atomic step (``record_tail``; ``ingest.lua``
writes the same text).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

import msgspec
from pydantic import BaseModel

from ..entropy import random_hex
from ..models import Outcome

Via = Literal["webhook", "replay", "sync"]


@dataclass(frozen=True, slots=True)
class RawBody:
    """A delivery's body as it arrived, and the content type it was sent with."""

    content_type: str
    body: bytes
    #: Its size before it was capped (``body`` holds at most the body limit).
    size: int | None = None

    @classmethod
    def capped(cls, content_type: str, body: bytes, limit: int) -> RawBody:
        return cls(content_type, body[:limit], len(body))

    def encode(self) -> bytes:
        """One value holding both (a content type has no line break)."""
        return self.content_type.encode("latin-1", "replace") + b"\n" + self.body

    @classmethod
    def decode(cls, value: bytes) -> RawBody:
        content_type, _, body = value.partition(b"\n")
        return cls(content_type.decode("latin-1"), body)


class StatusChange(BaseModel):
    #: ``None`` when the item had no status (or did not exist yet).
    before: Any = None
    after: Any = None


class DeliveryRecord(BaseModel):
    """One delivery in an item's history."""

    #: Also the id of its raw body.
    id: str
    #: When it was received (stored as Unix milliseconds).
    at: datetime
    source: str
    via: Via
    outcome: Outcome
    #: Whether the sender said the problem happened again (else: a change of state).
    occurrence: bool
    #: The sender's id of the delivery (Sentry's ``Request-ID``), when it gives one.
    delivery_id: str | None = None
    #: Bytes the body had; ``None`` when there was no body to keep (a sync's API event).
    raw_size: int | None = None
    raw_truncated: bool = False
    status: StatusChange | None = None
    #: The units this delivery set or changed (``release``, ``metadata.short_id``...).
    changed: list[str] = []


def new_record_id() -> str:
    return random_hex(8)


def record_head(
    record_id: str,
    at: datetime,
    source: str,
    via: Via,
    occurrence: bool,
    delivery_id: str | None,
    raw: RawBody | None,
) -> str:
    """The record's JSON up to what the store adds: no closing brace. ``id`` comes first (the
    Redis script reads it back from the front of a record it drops)."""
    # Written out rather than encoded from a dict: every delivery builds one. The id is hex,
    # the source a slug, the rest numbers and literals; only the delivery id needs escaping.
    # ``at`` in milliseconds, as pydantic reads a number that large.
    head = (
        f'{{"id":"{record_id}","at":{int(at.timestamp() * 1000)},"source":"{source}",'
        f'"via":"{via}",'
        f'"occurrence":{"true" if occurrence else "false"}'
    )
    if delivery_id is not None:
        head += ',"delivery_id":' + _encode_str(delivery_id).decode()
    if raw is not None:
        size = len(raw.body) if raw.size is None else raw.size
        head += f',"raw_size":{size}'
        if size > len(raw.body):
            head += ',"raw_truncated":true'
    return head


_encode_str = msgspec.json.Encoder().encode


def record_tail(outcome: str, status: tuple[str, str] | None, changed: list[str]) -> str:
    """What the store appends to ``record_head``: the outcome, status change and changed units
    (the status texts are JSON already)."""
    tail = f',"outcome":"{outcome}"'
    if status is not None:
        tail += f',"status":{{"before":{status[0]},"after":{status[1]}}}'
    if changed:
        tail += ',"changed":' + msgspec.json.encode(changed).decode()
    return tail + "}"
