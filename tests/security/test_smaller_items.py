"""The smaller items of issue 14 that part A covers, one test each (each failed before).

- an empty-string secret left the source silently open while ``GET /config`` showed the mask;
- a ``{"$env": ...}`` secret whose variable is missing left the source open;
- ``ignored`` answers told unauthenticated senders the project's filter settings;
- an upload the client aborted logged a 5 KB traceback.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest

from soulcaster_core.testing import TEST_TOKEN, SoulcasterClient, running_app

REPORT = {"title": "Checkout fails"}


def shown(client: SoulcasterClient, source: str) -> Any:
    return client.api.get(f"/config/{source}", params={"project_id": client.project_id})


def test_an_empty_secret_is_no_secret(soulcaster_closed_client: SoulcasterClient) -> None:
    client = soulcaster_closed_client
    client.configure("splunk", webhook_token="")
    assert shown(client, "splunk").json()["webhook_token"] is None, "no mask for nothing"
    answer = client.post_webhook("splunk", {"sid": "x", "result": {}})
    assert answer.status_code == 401
    assert "has no secret set" in answer.json()["error"]


def test_a_secret_from_a_missing_variable_refuses_even_in_an_open_project(
    soulcaster_client: SoulcasterClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = soulcaster_client  # open: a source without a secret would take anything
    monkeypatch.setenv("SOULCASTER_SECRET_SPLUNK_HOOK", "from-env")
    client.configure("splunk", webhook_token={"$env": "SOULCASTER_SECRET_SPLUNK_HOOK"})
    monkeypatch.delenv("SOULCASTER_SECRET_SPLUNK_HOOK")  # a deploy that lost the variable
    client.app.state.soulcaster.configs._entries.clear()

    answer = client.post_webhook("splunk", {"sid": "x", "result": {}})
    assert answer.status_code == 401, answer.text
    assert "not set up" in answer.json()["error"]
    assert "SPLUNK_HOOK" not in answer.json()["error"], "the owner's detail stays with the owner"
    config = shown(client, "splunk")
    assert config.status_code == 400
    assert "SOULCASTER_SECRET_SPLUNK_HOOK" in config.json()["error"]
    assert "**********" not in config.text
    page = client.api.get("/settings/integrations", params={"project_id": "test"}).text
    assert "SOULCASTER_SECRET_SPLUNK_HOOK" in page


def test_ignored_answers_name_filters_only_to_the_owner(
    soulcaster_client: SoulcasterClient,
) -> None:
    client = soulcaster_client
    client.configure("splunk", sourcetypes=["top-secret-sourcetype"])
    alert = {"sid": "s1", "search_name": "errors", "result": {"sourcetype": "syslog"}}
    stranger = client.post_webhook("splunk", alert)
    assert stranger.status_code == 200
    assert stranger.json() == {"status": "ignored", "reason": "ignored by this project's filters"}
    owner = client.post_webhook("splunk", alert, headers={"authorization": f"Bearer {TEST_TOKEN}"})
    assert "sourcetype" in owner.json()["reason"]
    assert "top-secret-sourcetype" not in stranger.text


def test_an_aborted_upload_logs_one_line(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with running_app(data_dir=tmp_path) as client:
        portal = client.http.portal
        assert portal is not None
        messages = [
            {"type": "http.request", "body": b'{"title": "half', "more_body": True},
            {"type": "http.disconnect"},
        ]
        sent: list[dict[str, Any]] = []

        async def receive() -> dict[str, Any]:
            return messages.pop(0)

        async def send(message: dict[str, Any]) -> None:
            sent.append(message)

        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": "POST",
            "scheme": "http",
            "path": "/ingest/manual/webhook",
            "raw_path": b"/ingest/manual/webhook",
            "query_string": b"project_id=test",
            "root_path": "",
            "headers": [(b"content-type", b"application/json"), (b"content-length", b"5000")],
            "client": ("127.0.0.1", 5000),
            "server": ("testserver", 80),
            "state": {},
            "app": client.app,
        }
        with caplog.at_level(logging.INFO):
            portal.call(client.app, scope, receive, send)
    mine = [r for r in caplog.records if "went away" in r.getMessage()]
    assert len(mine) == 1
    assert all(r.exc_info is None for r in caplog.records)
    assert "Traceback" not in caplog.text
