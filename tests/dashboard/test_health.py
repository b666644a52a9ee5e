"""The health colour rule: red beats amber beats green; switched off is grey."""

from __future__ import annotations

from typing import Any

import pytest

from soulcaster_core.web.dashboard.health import integration_health

EARLIER = "2025-01-01T10:00:00.000000+00:00"
LATER = "2025-01-01T11:00:00.000000+00:00"


def stats(events: int = 0, **counts: int) -> dict[str, Any]:
    return {"events_24h": events, "counts_24h": {"created": events, **counts}}


def test_events_arriving_and_accepted_are_green() -> None:
    health = integration_health(stats(events=4))
    assert health.colour == "green"
    assert "arriving" in health.reason


@pytest.mark.parametrize("kind", ["unauthorized", "bad_payload"])
def test_refused_or_unreadable_deliveries_are_red_even_among_good_ones(kind: str) -> None:
    health = integration_health(stats(events=10, **{kind: 2}))
    assert health.colour == "red"
    assert "2 " in health.reason


def test_red_reason_names_both_kinds_of_trouble() -> None:
    reason = integration_health(stats(events=1, unauthorized=3, bad_payload=1)).reason
    assert "3 refused (401)" in reason
    assert "1 unreadable (400)" in reason


def test_a_failed_sync_after_the_last_good_one_is_red() -> None:
    entry = {
        **stats(events=5),
        "last_sync_at": EARLIER,
        "last_sync_error": {"at": LATER, "detail": "PostHog answered 403"},
    }
    health = integration_health(entry)
    assert health.colour == "red"
    assert "PostHog answered 403" in health.reason


def test_a_good_sync_after_a_failure_clears_it() -> None:
    entry = {
        **stats(events=5),
        "last_sync_at": LATER,
        "last_sync_error": {"at": EARLIER, "detail": "timeout"},
    }
    assert integration_health(entry).colour == "green"


def test_a_sync_that_never_succeeded_is_red() -> None:
    entry = {**stats(events=0), "last_sync_at": None, "last_sync_error": {"at": LATER}}
    assert integration_health(entry).colour == "red"


def test_quiet_is_amber() -> None:
    health = integration_health(stats(events=0))
    assert health.colour == "amber"
    assert "no events" in health.reason


def test_no_statistics_at_all_is_quiet() -> None:
    assert integration_health(None).colour == "amber"


def test_only_ignored_events_is_amber_and_says_so() -> None:
    health = integration_health(stats(events=0, ignored=7))
    assert health.colour == "amber"
    assert "7" in health.reason and "ignored" in health.reason


def test_accepting_unsigned_requests_is_red_even_when_busy() -> None:
    health = integration_health(stats(events=50), accepts_unsigned=True)
    assert health.colour == "red"
    assert "unauthenticated" in health.reason


def test_trouble_is_named_before_an_open_door() -> None:
    health = integration_health(stats(bad_payload=1), accepts_unsigned=True)
    assert health.colour == "red"
    assert "unreadable" in health.reason


def test_no_secret_in_a_closed_project_is_amber_not_set_up() -> None:
    health = integration_health(stats(events=0), not_set_up=True)
    assert health.colour == "amber"
    assert "not set up" in health.reason and "401" in health.reason


def test_switched_off_is_grey_whatever_happened() -> None:
    health = integration_health(stats(unauthorized=9), enabled=False)
    assert health.colour == "off"
    assert "disabled" in health.reason
