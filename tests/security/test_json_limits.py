"""Attack 1 of issue 14: deeply nested JSON, and bodies without a size limit on API routes.

Each test fails on the code before the depth limit (the nested post was stored, 201, and
broke the feedback list for good) and passes after it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from soulcaster_core.json_depth import CUT_MARKER
from soulcaster_core.models import FeedbackItem
from soulcaster_core.testing import SoulcasterClient, running_app


def nested(depth: int) -> dict[str, Any]:
    """``{"a": {"a": ... {}}}``: ``depth`` objects inside one another."""
    value: dict[str, Any] = {}
    for _ in range(depth - 1):
        value = {"a": value}
    return value


def depth_of(value: Any) -> int:
    level = 0
    while isinstance(value, dict) and value:
        value = next(iter(value.values()))
        level += 1
    return level + (1 if isinstance(value, dict) else 0)


@pytest.fixture(params=["sqlite", "redis"])
def client(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[SoulcasterClient]:
    with running_app(store=request.param, data_dir=tmp_path) as app:
        app.open_project()
        yield app


def test_a_body_nested_past_the_limit_is_400_and_kept_as_a_dead_letter(
    client: SoulcasterClient,
) -> None:
    answer = client.post_webhook("manual", {"title": "x", "metadata": nested(220)})
    assert answer.status_code == 400, answer.text
    assert answer.json()["error"] == (
        "body nests deeper than 64 levels (the limit is SOULCASTER_MAX_JSON_DEPTH)"
    )
    letter = client.api.get(
        f"/api/dead-letters/{answer.json()['dead_letter_id']}",
        params={"project_id": client.project_id},
    )
    assert letter.status_code == 200
    assert json.loads(letter.json()["body_text"])["metadata"] == nested(220)
    assert client.items() == []


def test_the_depth_limit_is_a_setting(tmp_path: Path) -> None:
    with running_app(store="sqlite", data_dir=tmp_path, max_json_depth=8) as client:
        client.open_project()
        deep = client.post_webhook("manual", {"title": "x", "metadata": nested(8)})
        assert deep.status_code == 400
        assert "deeper than 8 levels" in deep.json()["error"]
        fits = client.post_webhook("manual", {"title": "x", "metadata": nested(6)})
        assert fits.status_code == 201, fits.text


def test_an_item_an_older_version_stored_nested_deep_still_lists_and_shows(
    client: SoulcasterClient,
) -> None:
    # What versions without the limit stored: written straight to the store, as they did.
    portal = client.http.portal
    assert portal is not None
    item = FeedbackItem(
        project_id=client.project_id,
        source="manual",
        external_id="deep",
        title="Nested metadata from an old version",
        metadata={"a": nested(10)},
    )
    stored = portal.call(client.store.ingest, item)
    deep = nested(400)
    if client.store.kind == "redis":
        # Redis keeps each metadata key as a unit of its own: the deep one replaces it.
        key = client.store._k("item", client.project_id, stored.id)
        portal.call(client.store.redis.hset, key, "u:metadata.a", json.dumps(deep))
    else:

        def rewrite(conn: Any) -> None:
            row = conn.execute("SELECT data FROM items WHERE id = ?", (stored.id,)).fetchone()
            data = json.loads(row["data"])
            data["metadata"]["a"] = nested(220)
            conn.execute("UPDATE items SET data = ? WHERE id = ?", (json.dumps(data), stored.id))

        portal.call(client.store._run, rewrite)

    listed = client.api.get("/api/feedback", params={"project_id": client.project_id})
    assert listed.status_code == 200, listed.text
    assert [i["id"] for i in listed.json()["items"]] == [stored.id]
    shown = client.api.get(f"/api/feedback/{stored.id}", params={"project_id": client.project_id})
    assert shown.status_code == 200, shown.text
    assert CUT_MARKER in shown.text
    assert depth_of(shown.json()["metadata"]) <= 129
    for page in ("/feedback", f"/feedback/{stored.id}"):
        answer = client.api.get(page, params={"project_id": client.project_id})
        assert answer.status_code == 200, (page, answer.text[:300])
        assert "Nested metadata from an old version" in answer.text


def test_config_and_api_bodies_have_the_depth_limit(client: SoulcasterClient) -> None:
    answer = client.api.put(
        "/config/manual",
        params={"project_id": client.project_id},
        content=json.dumps({"webhook_secret": nested(100)}),
        headers={"content-type": "application/json"},
    )
    assert answer.status_code == 400
    assert "deeper than 64 levels" in answer.json()["error"]
    project = client.api.post("/api/projects", content=b"[" * 5000)
    assert project.status_code == 400
    assert "deeper than 64 levels" in project.json()["error"]


def test_token_protected_json_routes_have_the_body_limit(tmp_path: Path) -> None:
    with running_app(store="sqlite", data_dir=tmp_path, max_body_bytes=1000) as client:
        big = json.dumps({"name": "x" * 2000})
        answer = client.api.post("/api/projects", content=big)
        assert answer.status_code == 413, answer.text
        assert "limit" in answer.json()["error"]
