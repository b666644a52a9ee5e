"""Attack 7's bad values: each is a 400 naming the problem, never a 500. And the SQLite file,
which holds secrets in plain text, is readable by its owner only."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from soulcaster_core.settings import Settings
from soulcaster_core.store.sqlite import SQLiteStore
from soulcaster_core.testing import running_app
from soulcaster_core.wiring import api_token


@pytest.mark.parametrize("store", ["sqlite", "redis"])
def test_a_twenty_digit_cursor_is_a_400(tmp_path: Path, store: str) -> None:
    with running_app(data_dir=tmp_path, store=store) as client:
        response = client.api.get(
            "/api/feedback",
            params={"project_id": client.project_id, "cursor": "12345678901234567890:x"},
        )

    assert response.status_code == 400
    assert "cursor" in response.json()["error"]


@pytest.mark.parametrize("store", ["sqlite", "redis"])
def test_a_lone_surrogate_in_a_config_list_is_a_400(tmp_path: Path, store: str) -> None:
    with running_app(data_dir=tmp_path, store=store) as client:
        response = client.api.put(
            "/config/posthog",
            params={"project_id": client.project_id},
            content=b'{"event_types": ["$exception", "\\ud800"]}',
            headers={"content-type": "application/json"},
        )
        shown = client.api.get("/config/posthog", params={"project_id": client.project_id})

    assert response.status_code == 400
    assert "event_types" in response.json()["error"]
    assert shown.json()["event_types"] == ["$exception"]


@pytest.mark.anyio
async def test_the_database_and_its_directory_are_owner_only(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "data" / "soulcaster.sqlite3")
    await store.open()
    await store.close()

    assert stat.S_IMODE((tmp_path / "data").stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "data" / "soulcaster.sqlite3").stat().st_mode) == 0o600


def test_the_generated_token_is_owner_only(tmp_path: Path) -> None:
    api_token(Settings(data_dir=tmp_path / "state", api_token=None))

    assert stat.S_IMODE((tmp_path / "state").stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "state" / "api_token").stat().st_mode) == 0o600
