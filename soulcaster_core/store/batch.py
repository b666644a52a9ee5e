"""One item of a delivery that maps to many (``Store.ingest_batch``)."""

from __future__ import annotations

from dataclasses import dataclass

from ..models import FeedbackItem
from .history import RawBody


@dataclass(frozen=True, slots=True)
class IngestEntry:
    """What ``Store.ingest`` takes per item; the batch's other arguments are shared."""

    item: FeedbackItem
    occurrence: bool = True
    delivery_id: str | None = None
    raw: RawBody | None = None
