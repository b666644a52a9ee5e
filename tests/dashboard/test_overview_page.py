"""/: health per integration, 24 h counts, duplicates and dead letters with replay."""

from __future__ import annotations

import re
from pathlib import Path

from soulcaster_core.testing import SoulcasterClient, running_app

from .conftest import log_in


def row(page: str, source: str) -> str:
    found = re.search(rf'<tr data-source="{re.escape(source)}".*?</tr>', page, re.S)
    assert found, f"no row for {source}"
    return found.group(0)


def events(page: str, source: str) -> int:
    found = re.search(r'data-testid="events">(\d+)<', row(page, source))
    assert found
    return int(found.group(1))


def tile(page: str, name: str) -> int:
    found = re.search(rf'data-testid="{name}">(\d+)<', page)
    assert found
    return int(found.group(1))


def test_counts_by_source_and_duplicates(dashboard: SoulcasterClient) -> None:
    dashboard.post_webhook("manual", {"title": "one", "external_id": "1"})
    dashboard.post_webhook("manual", {"title": "one", "external_id": "1"})
    dashboard.post_webhook("manual", {"title": "two", "external_id": "2"})
    page = dashboard.http.get("/").text
    assert events(page, "manual") == 3
    assert tile(page, "events-24h") == 3
    assert tile(page, "duplicates-24h") == 1
    assert "new 2" in row(page, "manual") and "duplicate 1" in row(page, "manual")
    assert "just now" in row(page, "manual")  # last event


def test_health_follows_the_latest_delivery_and_keeps_failures_as_history(
    dashboard: SoulcasterClient,
) -> None:
    page = dashboard.http.get("/").text
    assert 'data-state="open"' in row(page, "manual")  # no secret set in an open project
    dashboard.configure("manual", webhook_secret="s")
    dashboard.post_webhook("manual", {"title": "ok"}, query={"token": "s"})
    assert 'data-health="green"' in row(dashboard.http.get("/").text, "manual")
    dashboard.post_webhook("manual", {"title": "forged"}, query={"token": "guess"})
    red = row(dashboard.http.get("/").text, "manual")
    assert 'data-health="red"' in red and 'data-state="failing"' in red
    assert "last delivery refused (401)" in red
    assert "1 refused (401) in 24 h, last just now" in red
    dashboard.post_webhook("manual", {"title": "ok again"}, query={"token": "s"})
    green = row(dashboard.http.get("/").text, "manual")
    assert 'data-state="healthy"' in green
    assert "1 refused (401) in 24 h" in green  # history, not the colour
    assert 'data-testid="last-error"' in green


def test_stats_give_each_source_its_state_and_last_error(dashboard: SoulcasterClient) -> None:
    dashboard.configure("manual", webhook_secret="s")
    dashboard.post_webhook("manual", {"title": "forged"}, query={"token": "guess"})
    sources = dashboard.api.get("/api/stats?project_id=test").json()["sources"]
    manual = sources["manual"]
    assert manual["state"] == "failing"
    assert manual["last_error"]["kind"] == "unauthorized"
    assert manual["last_error"]["detail"] and manual["last_error"]["at"]
    dashboard.post_webhook("manual", {"title": "ok"}, query={"token": "s"})
    manual = dashboard.api.get("/api/stats?project_id=test").json()["sources"]["manual"]
    assert manual["state"] == "healthy"
    assert manual["last_error"]["kind"] == "unauthorized"
    assert {s["state"] for s in sources.values()} <= {
        "healthy",
        "failing",
        "not_set_up",
        "disabled",
        "open",
    }


def test_dead_letters_are_counted_and_link_to_their_page(dashboard: SoulcasterClient) -> None:
    assert dashboard.post_webhook("manual", b"not json").status_code == 400
    page = dashboard.http.get("/").text
    assert tile(page, "dead-letters") == 1
    assert "body is not JSON" in page
    assert re.search(r'href="/dead-letters/[0-9a-f]+\?project_id=test"', page)


def test_a_new_project_shows_how_to_set_up_its_first_source(dashboard: SoulcasterClient) -> None:
    page = dashboard.http.get("/").text
    assert 'data-testid="first-steps"' in page and "Set up your first source" in page
    dashboard.post_webhook("manual", {"title": "first"})
    assert 'data-testid="first-steps"' not in dashboard.http.get("/").text


def test_a_closed_project_without_secrets_is_not_set_up_not_failing(tmp_path: Path) -> None:
    with running_app(data_dir=tmp_path, allow_unauthenticated=False) as client:
        log_in(client)
        page = client.http.get("/").text
        assert 'data-state="not_set_up"' in row(page, "manual")
        assert "Not set up" in row(page, "manual")
