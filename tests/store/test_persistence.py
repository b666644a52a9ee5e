"""What was stored is still there after a restart: of Redis, of the SQLite file, of the app."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from soulcaster_core import services
from soulcaster_core.models import FeedbackItem, Project
from soulcaster_core.persistence import persistence_warning
from soulcaster_core.settings import Settings
from soulcaster_core.store.port import Store
from soulcaster_core.store.redis import RedisStore
from soulcaster_core.store.sqlite import SQLiteStore
from soulcaster_core.testing import running_app
from soulcaster_core.wiring import create_app
from tests.support.redis_server import RedisServer

T0 = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


def make_item(external_id: str = "evt-1") -> FeedbackItem:
    return FeedbackItem(
        project_id="acme",
        source="sentry",
        external_id=external_id,
        title="TypeError: cannot read 'total' of undefined — 💳",
        body="at checkout.js:42",
        metadata={"status": "open"},
        created_at=T0,
        received_at=T0,
    )


async def write_everything(store: Store) -> FeedbackItem:
    """A project, its config, an item seen twice and waiting to be clustered."""
    await store.open()
    assert await store.create_project(Project(id="acme", name="Acme web"))
    await store.set_config("acme", "sentry", {"client_secret": "s3cret", "projects": ["web"]})
    item = make_item()
    assert (await store.ingest(item)).status == "created"
    assert (await store.ingest(make_item())).status == "duplicate"
    await store.close()
    return item


async def assert_everything_is_back(store: Store, item: FeedbackItem) -> None:
    await store.open()
    try:
        project = await store.get_project("acme")
        assert project is not None and project.name == "Acme web"
        assert await store.get_config("acme", "sentry", ["client_secret", "projects"]) == {
            "client_secret": "s3cret",
            "projects": ["web"],
        }
        saved = await store.get_item("acme", item.id)
        assert saved is not None
        assert (saved.title, saved.occurrences, saved.metadata) == (
            item.title,
            2,
            {"status": "open"},
        )
        listed, _ = await store.list_items("acme")
        assert [i.id for i in listed] == [item.id]
        # The key is still known (a redelivery dedups) and the item is still queued.
        assert (await store.ingest(make_item())).id == item.id
        [entry] = await store.claim("worker-1", 10)
        assert entry.item_id == item.id
    finally:
        await store.close()


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("appendonly", "save"),
    [(True, ""), (False, "3600 1")],
    ids=["appendonly", "rdb-snapshot"],
)
async def test_redis_data_survives_a_server_restart(
    tmp_path: Path, appendonly: bool, save: str
) -> None:
    with RedisServer(tmp_path / "redis", appendonly=appendonly, save=save) as server:
        item = await write_everything(RedisStore(server.url, prefix="acme-test:"))
        server.restart()
        await assert_everything_is_back(RedisStore(server.url, prefix="acme-test:"), item)


@pytest.mark.anyio
async def test_sqlite_data_survives_a_reopen(tmp_path: Path) -> None:
    path = tmp_path / "data" / "soulcaster.sqlite3"
    item = await write_everything(SQLiteStore(path))
    await assert_everything_is_back(SQLiteStore(path), item)


REPORT = {"title": "Checkout fails on Safari", "body": "Pay now does nothing", "external_id": "t-1"}


def test_the_app_keeps_config_and_items_across_restarts(tmp_path: Path) -> None:
    token = {"X-Soulcaster-Token": "hook-secret"}
    with running_app(store="sqlite", data_dir=tmp_path) as client:
        client.configure("manual", webhook_secret="hook-secret")
        created = client.post_webhook("manual", REPORT, headers=token)
        assert created.status_code == 201, created.text
        item_id = created.json()["id"]

    with running_app(store="sqlite", data_dir=tmp_path) as client:
        # The secret is still required, and still accepted.
        assert client.post_webhook("manual", REPORT).status_code == 401
        again = client.post_webhook("manual", REPORT, headers=token)
        assert again.status_code == 200, again.text
        assert again.json() == {"status": "duplicate", "id": item_id}
        [item] = client.items()
        assert (item["id"], item["title"], item["occurrences"]) == (
            item_id,
            REPORT["title"],
            2,
        )


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("appendonly", "save", "warned"),
    [
        (False, "", "Redis keeps nothing across a restart"),
        (False, "900 1", "Redis persists only by snapshots"),
        (True, "", None),
    ],
)
async def test_a_redis_without_an_append_only_file_is_warned_of(
    tmp_path: Path, appendonly: bool, save: str, warned: str | None
) -> None:
    with RedisServer(tmp_path, appendonly=appendonly, save=save) as server:
        store = RedisStore(server.url, prefix="persistence-test:")
        try:
            warning = await persistence_warning(store)
        finally:
            await store.close()
    if warned is None:
        assert warning is None
    else:
        assert warning is not None and warning.startswith(warned)
        assert "appendonly yes and appendfsync everysec" in warning


@pytest.mark.anyio
async def test_a_redis_that_refuses_config_is_not_warned_of(tmp_path: Path) -> None:
    # Managed Redis services rename or disable CONFIG: nothing is known, nothing is said.
    no_config = ["--rename-command", "CONFIG", ""]
    with RedisServer(tmp_path, appendonly=False, extra_args=no_config) as server:
        store = RedisStore(server.url, prefix="persistence-test:")
        try:
            assert await persistence_warning(store) is None
        finally:
            await store.close()
    assert await persistence_warning(SQLiteStore(tmp_path / "s.sqlite3")) is None


def test_a_project_gone_with_a_redis_restart_is_an_error_within_seconds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The cache's 2 s, shortened: what is tested is that it ends, not how long it lasts.
    monkeypatch.setattr(services, "PROJECT_CACHE_SECONDS", 0.3)
    with RedisServer(tmp_path / "redis", appendonly=False) as server:
        settings = Settings(
            redis_url=server.url, data_dir=tmp_path, api_token="t", run_worker=False
        )
        with TestClient(create_app(settings)) as http:
            created = http.post(
                "/api/projects",
                json={"name": "Acme", "id": "acme", "allow_unauthenticated": True},
                headers={"authorization": "Bearer t"},
            )
            assert created.status_code == 201, created.text

            def deliver() -> Any:
                report = {"title": "Checkout fails", "external_id": "ticket-1"}
                return http.post(
                    "/ingest/manual/webhook", params={"project_id": "acme"}, json=report
                )

            assert deliver().status_code == 201
            server.restart()  # no persistence: it comes back empty
            # Within the project cache's few seconds (it was a minute), never failing first.
            give_up = time.monotonic() + 10 * services.PROJECT_CACHE_SECONDS
            while (answer := deliver()).status_code != 404 and time.monotonic() < give_up:
                time.sleep(0.05)
            assert answer.status_code == 404, answer.text
            assert "acme" in answer.json()["error"]
