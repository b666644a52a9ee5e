"""Attack 2 of issue 14: sources open by default, reachable from any web page.

Before: with no secret set every source took anything, and ingest ignored ``Content-Type``, so
a page on another origin could post with a ``text/plain`` fetch (no preflight). Each test here
fails on that code and passes now.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from soulcaster_core.models import Project
from soulcaster_core.testing import TEST_TOKEN, SoulcasterClient, running_app

REPORT = {"title": "Checkout fails", "body": "TypeError: x is undefined"}
SOURCES = ["manual", "sentry", "datadog", "posthog", "splunk"]


@pytest.fixture(params=["sqlite", "redis"])
def closed(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[SoulcasterClient]:
    """A project as a new one is created: ``allow_unauthenticated`` off."""
    with running_app(store=request.param, data_dir=tmp_path, allow_unauthenticated=False) as app:
        yield app


@pytest.mark.parametrize("source", SOURCES)
def test_a_source_without_a_secret_refuses_anonymous_posts_and_says_how_to_set_one(
    closed: SoulcasterClient, source: str
) -> None:
    answer = closed.post_webhook(source, REPORT)
    assert answer.status_code == 401, answer.text
    error = answer.json()["error"]
    assert f"PUT /config/{source}?project_id=test" in error
    assert "has no secret set" in error
    assert closed.items() == []


def test_manual_takes_the_api_token_or_the_projects_ingest_key(closed: SoulcasterClient) -> None:
    bearer = {"authorization": f"Bearer {TEST_TOKEN}"}
    assert closed.post_webhook("manual", REPORT, headers=bearer).status_code == 201
    closed.configure("manual", webhook_secret="ingest-key-1")
    keyed = closed.post_webhook(
        "manual", {"title": "two"}, headers={"x-soulcaster-token": "ingest-key-1"}
    )
    assert keyed.status_code == 201
    assert closed.post_webhook("manual", {"title": "three"}).status_code == 401
    assert closed.post_webhook("manual", {"title": "four"}, headers=bearer).status_code == 201


def test_an_open_project_takes_anonymous_posts_and_shows_it_red(closed: SoulcasterClient) -> None:
    closed.open_project()
    assert closed.post_webhook("manual", REPORT).status_code == 201
    page = closed.api.get("/settings/integrations", params={"project_id": "test"}).text
    assert 'data-testid="open-ingestion"' in page
    assert "alert-red" in page
    closed.open_project(False)
    assert closed.post_webhook("manual", {"title": "again"}).status_code == 401
    page = closed.api.get("/settings/integrations", params={"project_id": "test"}).text
    assert 'data-testid="open-ingestion"' not in page
    assert 'data-testid="not-set-up"' in page


@pytest.mark.parametrize(
    "content_type",
    [
        "text/plain",
        "text/plain;charset=UTF-8",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        None,
    ],
)
def test_a_cross_site_simple_request_is_415(
    closed: SoulcasterClient, content_type: str | None
) -> None:
    # What a page on another site can send without a preflight: even to an open project.
    closed.open_project()
    headers = {"content-type": content_type} if content_type else {}
    answer = closed.http.post(
        "/ingest/manual/webhook",
        params={"project_id": "test"},
        content=json.dumps(REPORT).encode(),
        headers=headers,
    )
    assert answer.status_code == 415, answer.text
    assert "reads JSON" in answer.json()["error"]
    assert closed.items() == []


def test_json_media_types_and_datadogs_form_are_read(closed: SoulcasterClient) -> None:
    closed.open_project()
    vendor = closed.post_webhook(
        "manual", REPORT, headers={"content-type": "application/vnd.acme+json; charset=utf-8"}
    )
    assert vendor.status_code == 201, vendor.text
    form = closed.http.post(
        "/ingest/datadog/webhook",
        params={"project_id": "test"},
        content=b"title=CPU+high&body=%25%25%25+load+%25%25%25&id=7050278235293370890",
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert form.status_code == 201, form.text


def test_a_project_stored_before_the_setting_keeps_taking_what_it_took(
    closed: SoulcasterClient,
) -> None:
    # Upgrading must not cut off the senders of an existing project: it stays open (and red).
    old = json.dumps({"id": "legacy", "name": "Legacy", "created_at": "2026-01-01T00:00:00Z"})
    assert Project.from_stored(old).allow_unauthenticated is True
    fresh = Project(id="fresh", name="Fresh")
    assert Project.from_stored(fresh.model_dump_json()).allow_unauthenticated is False
