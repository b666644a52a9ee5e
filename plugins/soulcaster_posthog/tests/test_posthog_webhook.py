"""Both webhook shapes, what is refused and why, and the shared-secret check."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from pydantic import SecretStr

from soulcaster_core import BadPayload, Unauthorized
from soulcaster_core.testing import SoulcasterClient, webhook_request
from soulcaster_posthog import PostHogConfig, PostHogHandler, parse_webhook

Payload = Callable[[str], dict[str, Any]]
SECRET = "whsec-posthog-5f1e9c"


def as_rest_hook(destination: dict[str, Any]) -> dict[str, Any]:
    """The same event as PostHog's legacy action / REST hook sends it (camelCase keys)."""
    event = destination["event"]
    return {
        "hook": {"id": "hk_31", "event": "action_performed", "target": "https://example.test/"},
        "data": {
            "eventUuid": event["uuid"],
            "event": event["event"],
            "teamId": 9137,
            "distinctId": event["distinct_id"],
            "properties": event["properties"],
            "timestamp": event["timestamp"],
            "elementsList": [],
            "person": {"uuid": "01931a02-7b44-0000-5d1e-8c2f4a6b9e03", "properties": {}},
        },
    }


def encode(payload: dict[str, Any]) -> bytes:
    # The plugin server pretty-prints with 4 spaces; the parser must not care.
    return json.dumps(payload, indent=4).encode()


def test_both_shapes_give_the_same_item(payload: Payload) -> None:
    handler = PostHogHandler()
    destination = payload("destination_js_exception")

    from_destination = handler.to_feedback_item(parse_webhook(encode(destination)), "test")
    from_hook = handler.to_feedback_item(parse_webhook(encode(as_rest_hook(destination))), "test")

    assert from_hook.external_id == from_destination.external_id == destination["event"]["uuid"]
    assert from_hook.title == from_destination.title
    assert from_hook.body == from_destination.body
    assert from_hook.metadata["session_id"] == from_destination.metadata["session_id"]
    assert from_hook.created_at == from_destination.created_at


def test_the_same_event_by_both_shapes_is_one_item(
    soulcaster_client: SoulcasterClient, payload: Payload
) -> None:
    destination = payload("destination_js_exception")

    first = soulcaster_client.post_webhook("posthog", destination)
    again = soulcaster_client.post_webhook("posthog", as_rest_hook(destination))

    assert first.status_code == 201, first.text
    assert again.json() == {"status": "duplicate", "id": first.json()["id"]}
    assert len(soulcaster_client.items("posthog")) == 1


def test_legacy_hook_is_read_from_camel_case(payload: Payload) -> None:
    event = parse_webhook(encode(payload("rest_hook_python_exception")))

    assert event["uuid"] == "0193a0b4-1c2d-7e8f-9a0b-1c2d3e4f5a6b"
    assert event["distinct_id"] == "billing-worker-3"
    assert event["timestamp"] == "2024-12-02T07:45:12.918204+00:00"
    assert event["properties"]["$lib"] == "posthog-python"
    assert event["person"] is None


def test_hand_made_hook_with_snake_case_keys_is_read() -> None:
    # The shape integrations-design.md assumed; some hand-rolled senders post exactly this.
    body = {
        "hook": {"id": "manual", "event": "action_performed"},
        "data": {
            "event": "$exception",
            "distinct_id": "user-123",
            "properties": {
                "$exception_message": "TypeError: Cannot read property 'foo' of undefined",
                "$session_id": "session-abc",
            },
            "timestamp": "2024-01-15T10:30:00Z",
        },
    }
    item = PostHogHandler().to_feedback_item(parse_webhook(encode(body)), "test")

    assert item.title == "TypeError: Cannot read property 'foo' of undefined"
    assert item.metadata["distinct_id"] == "user-123"
    assert item.metadata["session_id"] == "session-abc"


@pytest.mark.parametrize("person", [None, "absent"])
def test_personless_events_are_ingested(
    soulcaster_client: SoulcasterClient, payload: Payload, person: str | None
) -> None:
    body = payload("destination_js_exception")
    if person == "absent":
        del body["person"]
    else:
        body["person"] = None

    response = soulcaster_client.post_webhook("posthog", body)

    assert response.status_code == 201, response.text
    item = soulcaster_client.item(response.json()["id"])
    assert "person" not in item["links"]
    assert item["metadata"]["distinct_id"] == "usr_8c41f0d2"


def test_destination_links_become_item_links(payload: Payload) -> None:
    event = parse_webhook(encode(payload("destination_js_exception")))
    links = PostHogHandler().to_feedback_item(event, "test").links

    assert links["person"] == "https://eu.posthog.com/project/9137/person/usr_8c41f0d2"
    assert links["posthog"].startswith("https://eu.posthog.com/project/9137/events/01932f6e")


@pytest.mark.parametrize(
    ("body", "names"),
    [
        ({"text": "[Jane](https://x) triggered [Signup failed](https://y)"}, "Slack/Teams"),
        ({"type": "alert", "payload": {}}, "got an object with keys: payload, type"),
        ({"event": "$exception", "person": None}, "event: expected the event object"),
        ({"event": {"uuid": "0193", "properties": {}}}, "event.event: expected the event name"),
        (
            {"event": {"event": "$exception", "properties": []}},
            "event.properties: expected an object",
        ),
        ({"event": {"event": "$exception", "uuid": 42}}, "event.uuid: expected the event uuid"),
        ({"hook": {"id": "h1"}}, "data: expected the action webhook's event object"),
        ({"hook": {"id": "h1"}, "data": {"eventUuid": "x"}}, "data.event: expected the event name"),
    ],
)
def test_unreadable_shapes_say_what_was_expected(body: dict[str, Any], names: str) -> None:
    with pytest.raises(BadPayload) as raised:
        parse_webhook(json.dumps(body).encode())

    assert names in raised.value.detail


def test_unknown_shape_is_a_400_that_explains(soulcaster_client: SoulcasterClient) -> None:
    response = soulcaster_client.post_webhook("posthog", {"alert": "cpu high"})

    assert response.status_code == 400
    error = response.json()["error"]
    assert "HTTP Webhook" in error and '"hook"' in error


def test_open_source_accepts_requests_without_a_token(payload: Payload) -> None:
    request = webhook_request(payload("destination_js_exception"))

    PostHogHandler().authenticate(request, PostHogConfig())


@pytest.mark.parametrize(
    ("headers", "query"),
    [
        ({"X-Soulcaster-Token": SECRET}, {}),
        ({"Authorization": f"Bearer {SECRET}"}, {}),
        ({}, {"token": SECRET}),
    ],
)
def test_configured_secret_is_accepted_from_header_or_url(
    headers: dict[str, str], query: dict[str, str]
) -> None:
    request = webhook_request({"event": {}}, headers=headers, query=query)

    PostHogHandler().authenticate(request, PostHogConfig(webhook_secret=SecretStr(SECRET)))


@pytest.mark.parametrize(
    ("headers", "query"),
    [({}, {}), ({"X-Soulcaster-Token": "whsec-guess"}, {}), ({}, {"token": SECRET + "x"})],
)
def test_missing_or_wrong_token_is_refused(headers: dict[str, str], query: dict[str, str]) -> None:
    request = webhook_request({"event": {}}, headers=headers, query=query)

    with pytest.raises(Unauthorized):
        PostHogHandler().authenticate(request, PostHogConfig(webhook_secret=SecretStr(SECRET)))


def test_wrong_token_is_401_and_stores_nothing(
    soulcaster_client: SoulcasterClient, payload: Payload
) -> None:
    soulcaster_client.configure("posthog", webhook_secret=SECRET)
    body = payload("destination_js_exception")

    refused = soulcaster_client.post_webhook("posthog", body, query={"token": "nope"})
    missing = soulcaster_client.post_webhook("posthog", body)
    accepted = soulcaster_client.post_webhook(
        "posthog", body, headers={"X-Soulcaster-Token": SECRET}
    )

    assert (refused.status_code, missing.status_code) == (401, 401)
    assert accepted.status_code == 201, accepted.text
    assert len(soulcaster_client.items("posthog")) == 1


def test_sample_request_carries_the_configured_token() -> None:
    handler = PostHogHandler()
    config = PostHogConfig(webhook_secret=SecretStr(SECRET))

    request = handler.sample_request(config)

    handler.authenticate(request, config)
    assert handler.accept(handler.parse(request.body), config) is None
    assert "token" not in handler.sample_request(PostHogConfig()).query
