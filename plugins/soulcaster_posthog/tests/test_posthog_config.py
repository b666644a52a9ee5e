"""PostHog settings: what is accepted, what is refused, and the /config routes."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from soulcaster_core.testing import SoulcasterClient
from soulcaster_posthog import PostHogConfig


def test_defaults() -> None:
    config = PostHogConfig()

    assert config.host == "https://us.posthog.com"
    assert config.event_types == ["$exception"]
    assert (config.api_key, config.project_id, config.last_synced) == (None, None, None)


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("https://eu.posthog.com/", "https://eu.posthog.com"),
        ("  https://posthog.internal.example:8443  ", "https://posthog.internal.example:8443"),
        ("http://localhost:8010", "http://localhost:8010"),
    ],
)
def test_hosts(given: str, kept: str) -> None:
    assert PostHogConfig(host=given).host == kept


@pytest.mark.parametrize(
    ("host", "says"),
    [
        ("https://us.i.posthog.com", "the API is at https://us.posthog.com"),
        ("eu.posthog.com", "must be a URL"),
        ("ftp://eu.posthog.com", "must be a URL"),
    ],
)
def test_bad_hosts_are_refused_with_a_hint(host: str, says: str) -> None:
    with pytest.raises(ValidationError) as raised:
        PostHogConfig(host=host)

    assert says in str(raised.value)


def test_project_id_may_be_given_as_a_number() -> None:
    assert PostHogConfig(project_id=9137).project_id == "9137"  # type: ignore[arg-type]


@pytest.mark.parametrize("project_id", ["../9137", "9137/query", "phc_abc123"])
def test_project_id_must_be_a_project_id(project_id: str) -> None:
    with pytest.raises(ValidationError):
        PostHogConfig(project_id=project_id)


def test_event_types_are_trimmed_and_deduplicated() -> None:
    config = PostHogConfig(event_types=[" $exception", "$rageclick", "$exception"])

    assert config.event_types == ["$exception", "$rageclick"]


@pytest.mark.parametrize("event_types", [[], ["$exception", "  "]])
def test_event_types_must_name_something(event_types: list[str]) -> None:
    with pytest.raises(ValidationError):
        PostHogConfig(event_types=event_types)


@pytest.mark.parametrize(
    "values", [{"last_synced": "last tuesday"}, {"last_synced_uuid": "0193-not-a-uuid"}]
)
def test_cursor_values_are_checked(values: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        PostHogConfig(**values)


def test_events_alias_and_masked_secrets(soulcaster_client: SoulcasterClient) -> None:
    params = {"project_id": soulcaster_client.project_id}
    soulcaster_client.configure(
        "posthog", api_key="phx_AbCdEf0123456789", webhook_secret="hook-secret", project_id="9137"
    )

    set_events = soulcaster_client.api.post(
        "/config/posthog/events", params=params, json={"events": ["$exception", "checkout_failed"]}
    )
    shown = soulcaster_client.api.get("/config/posthog", params=params)

    assert set_events.json() == {"events": ["$exception", "checkout_failed"]}
    config = shown.json()
    assert config["event_types"] == ["$exception", "checkout_failed"]
    assert config["project_id"] == "9137"
    assert "phx_AbCdEf0123456789" not in shown.text and "hook-secret" not in shown.text
    assert config["api_key"] and config["webhook_secret"]


def test_invalid_config_is_a_400_naming_the_field(soulcaster_client: SoulcasterClient) -> None:
    response = soulcaster_client.api.put(
        "/config/posthog",
        params={"project_id": soulcaster_client.project_id},
        json={"host": "https://eu.i.posthog.com"},
    )

    assert response.status_code == 400
    assert "host" in response.json()["error"]
