"""Ids lead with their time, so indexes keyed by them take new ones at their end."""

from __future__ import annotations

import re
import time

from soulcaster_core.models import FeedbackItem, new_id


def test_ids_are_32_hex_digits_and_later_ones_sort_after() -> None:
    earlier = [new_id() for _ in range(100)]
    time.sleep(0.002)  # the next millisecond at least
    later = new_id()
    assert all(re.fullmatch(r"[0-9a-f]{32}", i) for i in [*earlier, later])
    assert len(set(earlier)) == len(earlier), "the random part tells apart ids of one millisecond"
    assert max(earlier) < later
    time.sleep(0.002)
    item = FeedbackItem(project_id="acme", source="manual", external_id="e1", title="t")
    assert item.id > later
