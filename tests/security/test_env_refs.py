"""Attack 4: ``{"$env": NAME}`` read any variable of the server into any field.

A token holder could copy ``SOULCASTER_API_TOKEN`` (or a cloud key) into a config field that is
shown back, or into a secret that sync sends to a host of their choice.
"""

from __future__ import annotations

import pytest

from soulcaster_core.testing import SoulcasterClient


def _put(client: SoulcasterClient, **values: object) -> tuple[int, str]:
    response = client.api.put(
        "/config/posthog", params={"project_id": client.project_id}, json=values
    )
    return response.status_code, response.text


def test_a_variable_outside_the_allowlist_is_refused(
    soulcaster_client: SoulcasterClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOULCASTER_API_TOKEN", "the-admin-token")

    status, text = _put(soulcaster_client, api_key={"$env": "SOULCASTER_API_TOKEN"})

    assert status == 422
    assert "SOULCASTER_SECRET_" in text and "SOULCASTER_SECRET_ENV_ALLOWLIST" in text


def test_a_reference_in_a_field_that_is_not_secret_is_refused(
    soulcaster_client: SoulcasterClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOULCASTER_SECRET_POSTHOG_PROJECT", "9137")

    status, text = _put(soulcaster_client, project_id={"$env": "SOULCASTER_SECRET_POSTHOG_PROJECT"})

    assert status == 422
    assert "secret fields only" in text


def test_prefixed_and_listed_variables_are_allowed(
    soulcaster_client: SoulcasterClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOULCASTER_SECRET_POSTHOG_KEY", "phx_from_env")
    monkeypatch.setenv("POSTHOG_HOOK_SECRET", "hook-from-env")
    monkeypatch.setenv("SOULCASTER_SECRET_ENV_ALLOWLIST", "OTHER, POSTHOG_HOOK_SECRET")

    status, text = _put(
        soulcaster_client,
        api_key={"$env": "SOULCASTER_SECRET_POSTHOG_KEY"},
        webhook_secret={"$env": "POSTHOG_HOOK_SECRET"},
    )

    assert status == 200, text
    assert "phx_from_env" not in text and "hook-from-env" not in text
