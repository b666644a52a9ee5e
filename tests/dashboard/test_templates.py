"""How the pages write times and help text."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from soulcaster_core.web.dashboard.templates import ago, code_spans, utc

NOW = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)


def test_recent_times_read_as_ago_and_old_ones_as_dates() -> None:
    assert ago(NOW - timedelta(seconds=10), NOW) == "just now"
    assert ago(NOW - timedelta(minutes=5), NOW) == "5 min ago"
    assert ago((NOW - timedelta(hours=3)).isoformat(), NOW) == "3 h ago"
    assert ago(NOW - timedelta(days=2), NOW) == "2 d ago"
    assert ago(NOW - timedelta(days=400), NOW) == "2024-04-27"
    assert ago(None, NOW) == "never"
    assert utc("2025-06-01T12:00:00+02:00") == "2025-06-01 10:00:00 UTC"


def test_help_text_code_spans_are_marked_for_the_template() -> None:
    assert code_spans("sent as ``X-Token`` or ``?token=``.") == [
        ("sent as ", False),
        ("X-Token", True),
        (" or ", False),
        ("?token=", True),
        (".", False),
    ]
