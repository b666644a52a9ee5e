"""/: health per integration, 24 h counts, duplicates and dead letters with replay."""

from __future__ import annotations

import re

from soulcaster_core.models import DeadLetter
from soulcaster_core.testing import SoulcasterClient

from .conftest import HTML, csrf_of


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


def test_dead_letters_are_counted_and_replay_reports_the_outcome(
    dashboard: SoulcasterClient,
) -> None:
    assert dashboard.post_webhook("manual", b"not json").status_code == 400
    page = dashboard.http.get("/").text
    assert tile(page, "dead-letters") == 1
    assert "body is not JSON" in page
    replay = re.search(r'action="(/dead-letters/[^"]+/replay[^"]*)"', page)
    assert replay
    answer = dashboard.http.post(
        replay.group(1).replace("&amp;", "&"), data={"csrf_token": csrf_of(page)}, headers=HTML
    )
    assert answer.status_code == 200
    assert "Replayed: 1 still unreadable" in answer.text
    assert tile(answer.text, "dead-letters") == 1  # filed again, with the new error


def test_replay_all_stores_what_can_now_be_read(dashboard: SoulcasterClient) -> None:
    portal = dashboard.http.portal
    assert portal is not None
    for n in range(3):
        body = f'{{"title": "kept while the plugin was broken {n}"}}'.encode()
        letter = DeadLetter(project_id="test", source="manual", error="old bug", body=body)
        portal.call(dashboard.store.add_dead_letter, letter)
    page = dashboard.http.get("/").text
    assert tile(page, "dead-letters") == 3
    done = dashboard.http.post(
        "/dead-letters/replay?project_id=test", data={"csrf_token": csrf_of(page)}
    )
    assert "Replayed: 3 created" in done.text
    assert tile(done.text, "dead-letters") == 0
    assert len(dashboard.items("manual")) == 3


def test_replaying_a_letter_twice_says_it_is_gone(dashboard: SoulcasterClient) -> None:
    page = dashboard.http.get("/").text
    missing = dashboard.http.post(
        "/dead-letters/nope/replay?project_id=test",
        data={"csrf_token": csrf_of(page)},
        headers=HTML,
    )
    assert missing.status_code == 404
    assert "replayed already" in missing.text
