"""GET/PUT /config/{source}: validated, secrets write-only, behind the API token."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import SecretStr

from soulcaster_core import FeedbackItem, SourceConfig, WebhookHandler, hookimpl
from soulcaster_core.testing import SoulcasterClient, running_app


class _Config(SourceConfig):
    webhook_secret: SecretStr | None = None
    previous_secret: SecretStr | None = None
    monitors: list[str] | str = "*"
    event_types: list[str] = ["$exception"]
    retries: int = 3


class _Handler(WebhookHandler[dict[str, Any], _Config]):
    source = "configurable"
    Config = _Config
    config_aliases = {"events": "event_types"}

    def to_feedback_item(self, event: dict[str, Any], project_id: str) -> FeedbackItem:
        return FeedbackItem(project_id=project_id, source=self.source, external_id="x", title="x")


class _Plugin:
    @hookimpl
    def register_sources(self, register: Any) -> None:
        register(_Handler)


@pytest.fixture
def client(tmp_path: Path) -> Any:
    with running_app(data_dir=tmp_path, plugins=[_Plugin()]) as app_client:
        yield app_client


def _get(client: SoulcasterClient, path: str = "/config/configurable") -> Any:
    response = client.api.get(path, params={"project_id": "test"})
    assert response.status_code == 200, response.text
    return response.json()


def test_defaults_then_partial_updates(client: SoulcasterClient) -> None:
    assert _get(client) == {
        "webhook_secret": None,
        "previous_secret": None,
        "monitors": "*",
        "event_types": ["$exception"],
        "retries": 3,
        "enabled": True,
    }
    client.configure("configurable", monitors=["123", "456"])
    client.configure("configurable", retries=5)
    shown = _get(client)
    assert (shown["monitors"], shown["retries"]) == (["123", "456"], 5)


def test_secrets_are_masked_and_kept_when_the_mask_comes_back(client: SoulcasterClient) -> None:
    client.configure("configurable", webhook_secret="hunter2")
    shown = _get(client)
    assert shown["webhook_secret"] == "**********"
    assert "hunter2" not in str(shown)
    # A form that posts back what it was shown must not overwrite the secret with the mask.
    client.configure("configurable", webhook_secret="**********", retries=4)
    config = client.app.state.plugins.handlers["configurable"]
    stored = client.http.portal.call(
        client.store.get_config, "test", "configurable", list(config.Config.model_fields)
    )
    assert stored["webhook_secret"] == "hunter2"
    client.configure("configurable", webhook_secret=None)
    assert _get(client)["webhook_secret"] is None


def test_secret_by_env_reference(client: SoulcasterClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOULCASTER_SECRET_MY_HOOK", "from-env")
    client.configure("configurable", webhook_secret={"$env": "SOULCASTER_SECRET_MY_HOOK"})
    assert _get(client)["webhook_secret"] == "**********"


def test_invalid_values_name_the_field(client: SoulcasterClient) -> None:
    bad = client.api.put(
        "/config/configurable", params={"project_id": "test"}, json={"retries": "many"}
    )
    assert bad.status_code == 400
    assert "retries" in bad.json()["error"]
    unknown = client.api.put(
        "/config/configurable", params={"project_id": "test"}, json={"colour": "red"}
    )
    assert unknown.status_code == 400
    assert "colour" in unknown.json()["error"]
    assert _get(client)["retries"] == 3, "a rejected change leaves the config alone"


def test_field_routes_and_aliases(client: SoulcasterClient) -> None:
    params = {"project_id": "test"}
    assert _get(client, "/config/configurable/monitors") == {"monitors": "*"}
    set_ = client.api.post("/config/configurable/monitors", params=params, json={"monitors": ["9"]})
    assert set_.json() == {"monitors": ["9"]}
    bare = client.api.post("/config/configurable/events", params=params, json=["$pageview"])
    assert bare.json() == {"events": ["$pageview"]}
    assert _get(client)["event_types"] == ["$pageview"]
    missing = client.api.get("/config/configurable/colour", params=params)
    assert missing.status_code == 404
    assert "monitors" in missing.json()["error"]


def test_config_needs_the_token(client: SoulcasterClient) -> None:
    anonymous = client.http.get("/config/configurable", params={"project_id": "test"})
    assert anonymous.status_code == 401
    wrong = client.http.put(
        "/config/configurable",
        params={"project_id": "test"},
        json={"retries": 1},
        headers={"authorization": "Bearer nope"},
    )
    assert wrong.status_code == 401
    assert _get(client)["retries"] == 3


def test_config_is_per_project(client: SoulcasterClient) -> None:
    client.api.post("/api/projects", json={"name": "Other"})
    client.configure("configurable", retries=9)
    other = client.api.get("/config/configurable", params={"project_id": "other"}).json()
    assert other["retries"] == 3
