"""A status change older than what the item holds is not applied (a replay or a late retry).

Sentry signs the body but not ``Sentry-Hook-Timestamp``, and a captured "resolved" replayed
with a fresh Request-ID would flip a reopened issue back. Each delivery's timestamp is kept on
the item (``metadata.sent_at``, rule ``latest``); a status change sent before it is ignored.
A forger who picks a fresh timestamp within the tolerance still passes this check: only a
signed time could stop that, and Sentry signs none.
"""

from __future__ import annotations

from datetime import datetime

from soulcaster_core import FeedbackItem
from soulcaster_core.timestamps import parse_timestamp

from .payload import SentryEvent

#: The metadata key holding the ``Sentry-Hook-Timestamp`` of the item's last delivery.
SENT_AT = "sent_at"


def mark_sent_at(item: FeedbackItem, sent_at: datetime | None) -> FeedbackItem:
    if sent_at is not None:
        item.metadata[SENT_AT] = sent_at.isoformat()
    return item


def stale_reason(event: SentryEvent, stored: FeedbackItem) -> str | None:
    """Why ``event`` (a status change) is older than the item's last Sentry delivery, or None."""
    last = parse_timestamp(stored.metadata.get(SENT_AT))
    if event.sent_at is None or last is None or event.sent_at >= last:
        return None
    return (
        f"the {event.resource}.{event.action} sent at {event.sent_at.isoformat()} is older than "
        f"this item's last Sentry update ({last.isoformat()}): its status is kept "
        "(a replayed or late delivery)"
    )
