"""Polling sources: the core runs a handler's ``sync`` on request and on the worker's timer."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx
from pydantic import SecretStr

from soulcaster_core import (
    FeedbackItem,
    SourceConfig,
    SyncContext,
    SyncReport,
    WebhookHandler,
    hookimpl,
)
from soulcaster_core.sync import sync_due_sources
from soulcaster_core.testing import SoulcasterClient, running_app

API = "https://poll.example.test/events"


class PollerConfig(SourceConfig):
    api_key: SecretStr | None = None
    cursor: int = 0


class Poller(WebhookHandler[dict[str, Any], PollerConfig]):
    """A source that can only be polled: events come from an API, a page at a time."""

    source = "poller"
    Config = PollerConfig

    def to_feedback_item(self, event: dict[str, Any], project_id: str) -> FeedbackItem:
        return FeedbackItem(
            project_id=project_id, source=self.source, external_id=str(event["n"]), title=event["t"]
        )

    @classmethod
    def sync_configured(cls, config: PollerConfig) -> bool:
        return config.api_key is not None

    async def sync(self, context: SyncContext[PollerConfig]) -> SyncReport:
        report = SyncReport()
        response = await context.http.get(API, params={"after": context.config.cursor})
        if response.status_code != 200:
            return SyncReport(error=f"poll API answered {response.status_code}")
        for event in response.json():
            report.fetched += 1
            if await context.ingest(event) is not None:
                report.created += 1
        if report.fetched:
            await context.save_config(cursor=max(e["n"] for e in response.json()))
        return report


class PollerPlugin:
    @hookimpl
    def register_sources(self, register: Any) -> None:
        register(Poller)


@pytest.fixture
def client(tmp_path: Path) -> Iterator[SoulcasterClient]:
    with running_app(data_dir=tmp_path, plugins=[PollerPlugin()]) as app_client:
        for name in ("Quiet", "Off"):
            app_client.api.post("/api/projects", json={"name": name})
        yield app_client


def _sync_all(client: SoulcasterClient) -> list[tuple[str, str, SyncReport]]:
    services = client.app.state.soulcaster
    result: list[tuple[str, str, SyncReport]] = client.http.portal.call(sync_due_sources, services)
    return result


def test_the_timer_syncs_only_enabled_configured_projects(client: SoulcasterClient) -> None:
    client.configure("poller", api_key="k-test")
    off = {"project_id": "off"}
    client.api.put("/config/poller", params=off, json={"api_key": "k-off", "enabled": False})
    with respx.mock(assert_all_called=True) as api:
        route = api.get(API).mock(
            return_value=httpx.Response(200, json=[{"n": 1, "t": "one"}, {"n": 2, "t": "two"}])
        )
        done = _sync_all(client)
    assert [(project, source) for project, source, _ in done] == [("test", "poller")]
    assert route.call_count == 1, "the quiet and the disabled project were not polled"
    assert sorted(i["title"] for i in client.items("poller")) == ["one", "two"]
    config = client.api.get("/config/poller", params={"project_id": "test"}).json()
    assert config["cursor"] == 2
    stats = client.api.get("/api/stats", params={"project_id": "test"}).json()
    assert stats["sources"]["poller"]["last_sync_at"] is not None


def test_a_failed_sync_is_reported_and_keeps_the_cursor(client: SoulcasterClient) -> None:
    client.configure("poller", api_key="k-test", cursor=7)
    with respx.mock() as api:
        api.get(API).mock(return_value=httpx.Response(503))
        response = client.api.post("/ingest/poller/sync", params={"project_id": "test"})
    assert response.status_code == 502
    assert response.json()["error"] == "poll API answered 503"
    assert client.api.get("/config/poller", params={"project_id": "test"}).json()["cursor"] == 7
    stats = client.api.get("/api/stats", params={"project_id": "test"}).json()
    assert stats["sources"]["poller"]["last_sync_error"]["detail"] == "poll API answered 503"


def test_a_source_that_cannot_poll_says_so(client: SoulcasterClient) -> None:
    response = client.api.post("/ingest/manual/sync", params={"project_id": "test"})
    assert response.status_code == 400
    assert "cannot sync" in response.json()["error"]


def test_a_sync_already_running_elsewhere_is_not_run_twice(client: SoulcasterClient) -> None:
    client.configure("poller", api_key="k-test")
    store = client.store
    # Another process is syncing this source of this project right now.
    assert client.http.portal.call(store.acquire_lease, "sync:test:poller", "elsewhere", 60)
    with respx.mock(assert_all_called=False) as api:
        route = api.get(API).mock(return_value=httpx.Response(200, json=[]))
        response = client.api.post("/ingest/poller/sync", params={"project_id": "test"})
        assert _sync_all(client) == []
    assert response.status_code == 409
    assert "already running" in response.json()["error"]
    assert route.call_count == 0
    client.http.portal.call(store.release_lease, "sync:test:poller", "elsewhere")
    with respx.mock() as api:
        api.get(API).mock(return_value=httpx.Response(200, json=[]))
        assert (
            client.api.post("/ingest/poller/sync", params={"project_id": "test"}).status_code == 200
        )
