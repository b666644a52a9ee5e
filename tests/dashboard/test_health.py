"""The health rule: the state is what happened last; earlier trouble is history beside it."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from soulcaster_core.web.dashboard.health import integration_health

NOW = datetime(2025, 1, 1, 13, 0, tzinfo=UTC)
EARLIER = "2025-01-01T10:00:00.000000+00:00"
LATER = "2025-01-01T11:00:00.000000+00:00"


def stats(events: int = 0, last: dict[str, Any] | None = None, **counts: int) -> dict[str, Any]:
    return {
        "events_24h": events,
        "counts_24h": {"created": events, **counts},
        "last": {kind: {"at": at, "detail": detail} for kind, (at, detail) in (last or {}).items()},
    }


def judge(entry: dict[str, Any] | None, **flags: Any) -> Any:
    return integration_health(entry, now=NOW, **flags)


def test_events_arriving_and_accepted_are_healthy_and_green() -> None:
    health = judge(stats(events=4, last={"created": (LATER, None)}))
    assert (health.state, health.colour) == ("healthy", "green")
    assert "arriving" in health.reason
    assert health.history is None and health.last_error is None


@pytest.mark.parametrize(
    ("kind", "label"),
    [("unauthorized", "refused (401)"), ("bad_payload", "unreadable (400)")],
)
def test_a_latest_delivery_that_failed_is_failing_with_its_reason(kind: str, label: str) -> None:
    entry = stats(events=10, last={"created": (EARLIER, None), kind: (LATER, "signature mismatch")})
    entry["counts_24h"][kind] = 3
    health = judge(entry)
    assert (health.state, health.colour) == ("failing", "red")
    assert label in health.reason and "signature mismatch" in health.reason
    assert health.history == f"3 {label} in 24 h, last 2 h ago"
    assert health.last_error == {"at": LATER, "kind": kind, "detail": "signature mismatch"}


def test_a_success_after_failures_is_healthy_again_and_keeps_them_as_history() -> None:
    entry = stats(
        events=1,
        unauthorized=3,
        last={"unauthorized": (EARLIER, "wrong token"), "created": (LATER, None)},
    )
    health = judge(entry)
    assert health.state == "healthy" and health.colour == "green"
    assert health.history == "3 refused (401) in 24 h, last 3 h ago"
    assert health.last_error is not None and health.last_error["detail"] == "wrong token"


def test_an_ignored_delivery_counts_as_one_that_went_through() -> None:
    entry = stats(ignored=1, last={"bad_payload": (EARLIER, "bad"), "ignored": (LATER, "filtered")})
    assert judge(entry).state == "healthy"


def test_a_failed_sync_after_the_last_good_one_is_failing_even_when_webhooks_work() -> None:
    entry = stats(
        events=5,
        last={
            "created": (LATER, None),
            "sync": (EARLIER, None),
            "sync_error": (LATER, "could not reach PostHog"),
        },
    )
    health = judge(entry)
    assert health.state == "failing"
    assert "sync failed" in health.reason and "could not reach PostHog" in health.reason


def test_a_good_sync_after_a_failure_clears_it() -> None:
    entry = stats(events=5, last={"sync": (LATER, None), "sync_error": (EARLIER, "timeout")})
    assert judge(entry).state == "healthy"


def test_a_sync_that_never_succeeded_is_failing() -> None:
    assert judge(stats(last={"sync_error": (LATER, "403")})).state == "failing"


def test_the_latest_delivery_rate_limited_is_failing_and_says_which_setting_raises_it() -> None:
    entry = stats(
        events=2000,
        rate_limited=35,
        last={"created": (EARLIER, None), "rate_limited": (LATER, "429")},
    )
    health = judge(entry)
    assert health.state == "failing"
    assert "SOULCASTER_RATE_LIMIT_PER_SECOND" in health.reason
    assert "35 rate limited (429)" in (health.history or "")


def test_quiet_is_healthy_and_says_so() -> None:
    for entry in (stats(events=0), None):
        health = judge(entry)
        assert health.state == "healthy"
        assert "no events" in health.reason


def test_only_ignored_events_says_so() -> None:
    health = judge(stats(events=0, ignored=7))
    assert "7" in health.reason and "ignored" in health.reason


def test_no_secret_in_an_open_project_is_open_even_when_busy() -> None:
    health = judge(stats(events=50, last={"created": (LATER, None)}), accepts_unsigned=True)
    assert (health.state, health.colour) == ("open", "amber")
    assert "no secret" in health.reason


def test_a_failure_is_named_before_an_open_door() -> None:
    health = judge(stats(last={"bad_payload": (LATER, "not JSON")}), accepts_unsigned=True)
    assert health.state == "failing"
    assert "unreadable" in health.reason


def test_no_secret_in_a_closed_project_is_not_set_up_whatever_arrived() -> None:
    health = judge(
        stats(unauthorized=2, last={"unauthorized": (LATER, "no secret")}), not_set_up=True
    )
    assert (health.state, health.colour) == ("not_set_up", "amber")
    assert "no secret" in health.reason and "401" in health.reason
    assert health.history == "2 refused (401) in 24 h, last 2 h ago"


def test_an_invalid_stored_config_is_failing() -> None:
    health = judge(stats(events=3), config_error="webhook_secret: too short")
    assert health.state == "failing" and "too short" in health.reason


def test_switched_off_is_disabled_and_grey_whatever_happened() -> None:
    health = judge(stats(unauthorized=9, last={"unauthorized": (LATER, "x")}), enabled=False)
    assert (health.state, health.colour) == ("disabled", "off")
    assert "ignored" in health.reason
