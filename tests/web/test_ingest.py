"""The ingest contract of POST /ingest/{source}/webhook, on the built-in manual source."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from soulcaster_core import (
    BadPayload,
    FeedbackItem,
    SourceConfig,
    WebhookHandler,
    hookimpl,
    parse_json_object,
)
from soulcaster_core.testing import SoulcasterClient, running_app

REPORT = {"title": "Checkout fails", "body": "TypeError: x is undefined", "external_id": "t-1"}


def test_new_item_is_created_and_listed(soulcaster_client: SoulcasterClient) -> None:
    response = soulcaster_client.post_webhook("manual", REPORT)
    assert response.status_code == 201
    assert response.json()["status"] == "created"
    [item] = soulcaster_client.items()
    assert item["id"] == response.json()["id"]
    assert (item["title"], item["body"], item["occurrences"]) == (
        "Checkout fails",
        "TypeError: x is undefined",
        1,
    )


def test_same_key_again_is_a_duplicate_that_counts(soulcaster_client: SoulcasterClient) -> None:
    first = soulcaster_client.post_webhook("manual", REPORT).json()
    before = soulcaster_client.item(first["id"])
    again = soulcaster_client.post_webhook("manual", {**REPORT, "body": "changed"})
    assert again.status_code == 200
    assert again.json() == {"status": "duplicate", "id": first["id"]}
    after = soulcaster_client.item(first["id"])
    assert after["occurrences"] == 2
    assert after["last_seen"] > before["last_seen"]
    assert after["body"] == "TypeError: x is undefined", "the first item is kept, not replaced"
    assert len(soulcaster_client.items()) == 1


def test_bare_ingest_path_is_the_same_route(soulcaster_client: SoulcasterClient) -> None:
    response = soulcaster_client.post_webhook("manual", REPORT, path="")
    assert response.status_code == 201


def test_disabled_integration_ignores(soulcaster_client: SoulcasterClient) -> None:
    off = soulcaster_client.api.post(
        "/config/manual/enabled", params={"project_id": "test"}, json={"enabled": False}
    )
    assert off.json() == {"enabled": False}
    response = soulcaster_client.post_webhook("manual", REPORT)
    assert response.status_code == 200
    assert response.json()["status"] == "ignored"
    assert "disabled" in response.json()["reason"]
    assert soulcaster_client.items() == []


def test_unknown_source_names_the_installed_ones(soulcaster_client: SoulcasterClient) -> None:
    response = soulcaster_client.post_webhook("jira", REPORT)
    assert response.status_code == 404
    assert "manual" in response.json()["error"]


def test_unknown_and_missing_project(soulcaster_client: SoulcasterClient) -> None:
    unknown = soulcaster_client.post_webhook("manual", REPORT, project_id="nope")
    assert unknown.status_code == 404
    assert "nope" in unknown.json()["error"]
    missing = soulcaster_client.http.post("/ingest/manual/webhook", json=REPORT)
    assert missing.status_code == 400
    assert "project_id" in missing.json()["error"]


def test_wrong_or_missing_credentials_are_401(soulcaster_client: SoulcasterClient) -> None:
    soulcaster_client.configure("manual", webhook_secret="hunter2")
    assert soulcaster_client.post_webhook("manual", REPORT).status_code == 401
    wrong = soulcaster_client.post_webhook("manual", REPORT, query={"token": "hunter3"})
    assert wrong.status_code == 401
    assert wrong.json()["error"]
    right = soulcaster_client.post_webhook("manual", REPORT, query={"token": "hunter2"})
    assert right.status_code == 201
    header = soulcaster_client.post_webhook(
        "manual", {**REPORT, "external_id": "t-2"}, headers={"x-soulcaster-token": "hunter2"}
    )
    assert header.status_code == 201
    counts = soulcaster_client.api.get("/api/stats", params={"project_id": "test"}).json()
    assert counts["sources"]["manual"]["counts_24h"]["unauthorized"] == 2


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (b"{not json", "not JSON"),
        (b"\xff\xfe{}", "UTF-8"),
        (b"[1, 2, 3]", "JSON object"),
        (b'{"body": "no title"}', "title"),
        (b'{"title": 42}', "title"),
        (b"[" * 100_000 + b"]" * 100_000, "JSON"),
        (b'{"title": "x", "external_id": ' + b"9" * 5000 + b"}", "JSON"),
    ],
    ids=["syntax", "utf8", "array", "missing-field", "wrong-type", "deep", "huge-number"],
)
def test_unreadable_payload_is_400_and_kept_as_dead_letter(
    soulcaster_client: SoulcasterClient, body: bytes, problem: str
) -> None:
    response = soulcaster_client.post_webhook("manual", body)
    assert response.status_code == 400
    assert problem in response.json()["error"]
    letters = soulcaster_client.api.get("/api/dead-letters", params={"project_id": "test"}).json()
    [letter] = letters["dead_letters"]
    assert letter["id"] == response.json()["dead_letter_id"]
    assert letter["size"] == len(body)
    assert soulcaster_client.items() == []


def test_dead_letter_replay_after_a_fix(soulcaster_client: SoulcasterClient) -> None:
    # The sender's template forgot the title; the raw body is kept byte for byte.
    bad = soulcaster_client.post_webhook("manual", {"titel": "typo", "body": "b"})
    letter_id = bad.json()["dead_letter_id"]
    shown = soulcaster_client.api.get(
        f"/api/dead-letters/{letter_id}", params={"project_id": "test"}
    ).json()
    assert shown["body_text"] == '{"titel": "typo", "body": "b"}'
    again = soulcaster_client.api.post(
        f"/api/dead-letters/{letter_id}/replay", params={"project_id": "test"}
    )
    assert again.status_code == 400, "still unreadable: a new dead letter replaces the old one"
    letters = soulcaster_client.api.get("/api/dead-letters", params={"project_id": "test"}).json()
    assert [d["id"] for d in letters["dead_letters"]] == [again.json()["dead_letter_id"]]


class _Fussy(WebhookHandler[dict[str, Any], SourceConfig]):
    """A source whose reader is fixed between delivery and replay (a plugin upgrade)."""

    source = "fussy"
    fixed = False

    def parse(self, body: bytes) -> dict[str, Any]:
        event = parse_json_object(body)
        if not self.fixed and "name" not in event:
            raise BadPayload("name: field required")
        return event

    def to_feedback_item(self, event: dict[str, Any], project_id: str) -> FeedbackItem:
        title = event.get("name") or event["label"]
        return FeedbackItem(
            project_id=project_id, source=self.source, external_id=title, title=title
        )


class _FussyPlugin:
    @hookimpl
    def register_sources(self, register: Any) -> None:
        register(_Fussy)


def test_dead_letter_replay_ingests_once_the_plugin_can_read_it(tmp_path: Path) -> None:
    with running_app(data_dir=tmp_path, plugins=[_FussyPlugin()]) as client:
        bad = client.post_webhook("fussy", {"label": "renamed field"})
        assert bad.status_code == 400
        client.app.state.plugins.handlers["fussy"].fixed = True
        replayed = client.api.post(
            f"/api/dead-letters/{bad.json()['dead_letter_id']}/replay",
            params={"project_id": "test"},
        )
        assert replayed.status_code == 201
        assert replayed.json()["status"] == "created"
        assert [i["title"] for i in client.items()] == ["renamed field"]
        letters = client.api.get("/api/dead-letters", params={"project_id": "test"}).json()
        assert letters["dead_letters"] == []


def test_body_over_the_limit_is_413(tmp_path: Path) -> None:
    with running_app(data_dir=tmp_path, max_body_bytes=1000) as client:
        big = {"title": "big", "body": "x" * 2000}
        response = client.post_webhook("manual", big)
        assert response.status_code == 413
        assert "1000" in response.json()["error"]
        assert client.post_webhook("manual", {"title": "small"}).status_code == 201


def test_webhook_routes_do_not_take_the_api_token(soulcaster_client: SoulcasterClient) -> None:
    # A vendor's route takes the vendor's secret only; manual (your own scripts) takes both.
    soulcaster_client.configure("splunk", webhook_token="s3")
    bearer = {"authorization": "Bearer test-token"}
    response = soulcaster_client.post_webhook("splunk", {"sid": "x"}, headers=bearer)
    assert response.status_code == 401, "the API token is not a sender credential"
    soulcaster_client.configure("manual", webhook_secret="s3")
    assert soulcaster_client.post_webhook("manual", REPORT, headers=bearer).status_code == 201
