"""Titles, bodies and the dedup key of items made from PostHog events."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from soulcaster_posthog import parse_webhook, posthog_event_to_feedback_item

Payload = Callable[[str], dict[str, Any]]


def product_event(**overrides: Any) -> dict[str, Any]:
    event: dict[str, Any] = {
        "uuid": "01936b2d-7e11-7a0c-8d9e-0f1a2b3c4d5e",
        "event": "subscription_payment_failed",
        "distinct_id": "cus_Q2w8Hn1",
        "timestamp": "2024-11-30T23:59:58.004Z",
        "properties": {
            "plan": "growth-annual",
            "decline_code": "insufficient_funds",
            "amount_cents": 118800,
            "retry": {"attempt": 2, "next_at": "2024-12-02T00:00:00Z"},
            "token": "phc_projectTokenShouldNotShow",
            "$lib": "posthog-node",
        },
    }
    event.update(overrides)
    return event


def test_other_events_are_titled_by_name_and_page(payload: Payload) -> None:
    event = parse_webhook(json.dumps(payload("destination_rageclick")).encode())

    item = posthog_event_to_feedback_item(event, "test")

    assert item.title == "$rageclick on https://store.lumenbrew.coffee/cart"
    assert "Browser: Mobile Safari 17.5" in item.body
    assert "OS: iOS 17.5.1" in item.body
    assert "coupon_code: WINTER24" in item.body
    assert item.metadata["event_type"] == "$rageclick"
    assert item.metadata["session_id"] == "01934c0f-0a1b-7c2d-8e3f-4a5b6c7d8e9f"


def test_server_events_list_their_own_properties_but_not_the_token() -> None:
    item = posthog_event_to_feedback_item(product_event(), "test")

    assert item.title == "PostHog subscription_payment_failed"
    assert "decline_code: insufficient_funds" in item.body
    assert 'retry: {"attempt": 2, "next_at": "2024-12-02T00:00:00Z"}' in item.body
    assert "amount_cents: 118800" in item.body
    assert "phc_projectTokenShouldNotShow" not in item.body
    assert "$lib" not in item.body
    assert item.metadata["session_id"] is None  # server-side: no replay to link to


def test_long_property_values_are_cut() -> None:
    event = product_event(properties={"note": "x" * 5000})

    item = posthog_event_to_feedback_item(event, "test")

    assert len(item.body) < 400
    assert "note: " + "x" * 150 in item.body


def test_created_at_is_the_event_time() -> None:
    item = posthog_event_to_feedback_item(product_event(), "test")

    assert item.created_at == datetime(2024, 11, 30, 23, 59, 58, 4000, tzinfo=UTC)


def test_external_id_is_the_canonical_uuid() -> None:
    upper = product_event(uuid="01936B2D-7E11-7A0C-8D9E-0F1A2B3C4D5E")

    assert (
        posthog_event_to_feedback_item(upper, "test").external_id
        == posthog_event_to_feedback_item(product_event(), "test").external_id
        == "01936b2d-7e11-7a0c-8d9e-0f1a2b3c4d5e"
    )


def test_without_a_uuid_the_key_is_who_when_and_what() -> None:
    from_webhook = product_event(uuid=None, timestamp="2024-11-30T23:59:58.004Z")
    from_api = product_event(uuid=None, timestamp="2024-11-30T23:59:58.004000+00:00")
    someone_else = product_event(uuid=None, distinct_id="cus_Other9")
    other_event = product_event(uuid=None, event="subscription_renewed")

    key = posthog_event_to_feedback_item(from_webhook, "test").external_id

    assert posthog_event_to_feedback_item(from_api, "test").external_id == key
    assert posthog_event_to_feedback_item(someone_else, "test").external_id != key
    assert posthog_event_to_feedback_item(other_event, "test").external_id != key


@pytest.mark.parametrize("uuid", ["not-a-uuid-but-stable", "x" * 600])
def test_odd_uuids_still_give_a_bounded_stable_key(uuid: str) -> None:
    first = posthog_event_to_feedback_item(product_event(uuid=uuid), "test").external_id
    second = posthog_event_to_feedback_item(product_event(uuid=uuid), "test").external_id

    assert first == second
    assert 0 < len(first) <= 512


def test_unreadable_timestamp_falls_back_to_arrival() -> None:
    item = posthog_event_to_feedback_item(product_event(timestamp="yesterday-ish"), "test")

    assert abs(item.created_at - item.received_at) < timedelta(minutes=1)
