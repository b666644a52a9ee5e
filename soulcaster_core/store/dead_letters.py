"""Dead letters kept within bounds: per project at most so many, so many bytes, so many days.

A sender that keeps posting what cannot be read must not fill the disk (or Redis' memory): past
a cap the oldest letters are dropped when a new one is filed. Listing them reads their heads
(``DeadLetterHead``: who, when, why, how big), never their bodies; one letter is read whole.
Each adapter keeps them its own way (``redis/dead_letters.py``, ``sqlite/dead_letters.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from pydantic import BaseModel

from ..models import DeadLetter


@dataclass(frozen=True)
class DeadLetterLimits:
    #: Letters a project keeps; the oldest goes first.
    max_count: int = 1000
    #: Bytes of stored letters a project keeps (bodies as stored, base64 and headers included).
    max_bytes: int = 64 * 1024 * 1024
    #: Older letters are dropped when the next one is filed; ``None``: no age limit.
    max_age: timedelta | None = None


class DeadLetterHead(BaseModel):
    """A dead letter as listed: everything but its body, and the body's size."""

    id: str
    project_id: str
    source: str
    error: str
    content_type: str = ""
    received_at: datetime
    size: int

    @classmethod
    def of(cls, letter: DeadLetter) -> DeadLetterHead:
        return cls(
            id=letter.id,
            project_id=letter.project_id,
            source=letter.source,
            error=letter.error,
            content_type=letter.content_type,
            received_at=letter.received_at,
            size=len(letter.body),
        )
