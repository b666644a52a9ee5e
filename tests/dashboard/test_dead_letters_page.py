"""/dead-letters: list without bodies, one letter pretty-printed, replay, discard, discard all.
A replay that fails again updates its letter and is not counted as another unreadable one."""

from __future__ import annotations

import re

from soulcaster_core.models import DeadLetter
from soulcaster_core.testing import SoulcasterClient

from .conftest import HTML, csrf_of


def letter_ids(page: str) -> list[str]:
    return re.findall(r'data-letter="([^"]+)"', page)


def count(page: str) -> int:
    found = re.search(r'data-testid="dead-letter-count">(\d+)<', page)
    assert found
    return int(found.group(1))


def keep(dashboard: SoulcasterClient, body: bytes, **fields: object) -> DeadLetter:
    letter = DeadLetter(project_id="test", source="manual", error="old bug", body=body, **fields)
    portal = dashboard.http.portal
    assert portal is not None
    portal.call(dashboard.store.add_dead_letter, letter)
    return letter


def test_the_list_shows_heads_and_one_letter_shows_its_body_indented(
    dashboard: SoulcasterClient,
) -> None:
    letter = keep(
        dashboard,
        b'{"title": "kept", "nested": {"a": 1}}',
        content_type="application/json",
        headers={"user-agent": "Sender/1.0", "x-request-id": "r-42"},
        query={"region": "eu"},
    )
    page = dashboard.http.get("/dead-letters").text
    assert letter_ids(page) == [letter.id] and count(page) == 1
    assert "nested" not in page  # bodies are not read for the list
    one = dashboard.http.get(f"/dead-letters/{letter.id}").text
    assert "{\n  &#34;title&#34;: &#34;kept&#34;,\n  &#34;nested&#34;: {\n" in one
    assert "JSON, indented" in one
    assert "Sender/1.0" in one and "r-42" in one and "region" in one
    assert "old bug" in one


def test_a_body_that_is_not_json_is_shown_as_it_came(dashboard: SoulcasterClient) -> None:
    text = keep(dashboard, b"search_name=Payments&result=<b>")
    binary = keep(dashboard, b"\xff\xfe\x00raw")
    page = dashboard.http.get(f"/dead-letters/{text.id}").text
    assert "search_name=Payments&amp;result=&lt;b&gt;" in page
    assert "not UTF-8" in dashboard.http.get(f"/dead-letters/{binary.id}").text


def test_a_failed_replay_updates_its_letter_and_counts_no_new_failure(
    dashboard: SoulcasterClient,
) -> None:
    assert dashboard.post_webhook("manual", b"not json").status_code == 400
    stats = dashboard.api.get("/api/stats?project_id=test").json()
    assert stats["sources"]["manual"]["counts_24h"]["bad_payload"] == 1
    page = dashboard.http.get("/dead-letters").text
    (letter_id,) = letter_ids(page)
    for _ in range(2):
        answer = dashboard.http.post(
            f"/dead-letters/{letter_id}/replay?project_id=test",
            data={"csrf_token": csrf_of(page)},
            headers=HTML,
        )
        assert "Replayed: 1 still unreadable" in answer.text
        assert letter_ids(answer.text) == [letter_id]  # the same letter, not a new one
    stats = dashboard.api.get("/api/stats?project_id=test").json()
    assert stats["sources"]["manual"]["counts_24h"]["bad_payload"] == 1
    assert stats["dead_letters"] == 1


def test_replay_all_stores_what_can_now_be_read(dashboard: SoulcasterClient) -> None:
    for n in range(3):
        keep(dashboard, f'{{"title": "kept while the plugin was broken {n}"}}'.encode())
    page = dashboard.http.get("/dead-letters").text
    done = dashboard.http.post(
        "/dead-letters/replay?project_id=test", data={"csrf_token": csrf_of(page)}
    )
    assert "Replayed: 3 created" in done.text
    assert count(done.text) == 0
    assert len(dashboard.items("manual")) == 3


def test_discard_one_then_all(dashboard: SoulcasterClient) -> None:
    first, *rest = [keep(dashboard, f"junk {n}".encode()) for n in range(3)]
    page = dashboard.http.get(f"/dead-letters/{first.id}").text
    done = dashboard.http.post(
        f"/dead-letters/{first.id}/discard?project_id=test", data={"csrf_token": csrf_of(page)}
    )
    assert "Discarded." in done.text
    assert sorted(letter_ids(done.text)) == sorted(letter.id for letter in rest)
    done = dashboard.http.post(
        "/dead-letters/discard?project_id=test", data={"csrf_token": csrf_of(done.text)}
    )
    assert count(done.text) == 0 and "None: every delivery could be read." in done.text


def test_a_letter_gone_already_says_so(dashboard: SoulcasterClient) -> None:
    page = dashboard.http.get("/dead-letters").text
    for path in ("/dead-letters/nope", "/dead-letters/nope/replay", "/dead-letters/nope/discard"):
        if path.endswith(("replay", "discard")):
            answer = dashboard.http.post(
                f"{path}?project_id=test", data={"csrf_token": csrf_of(page)}, headers=HTML
            )
        else:
            answer = dashboard.http.get(path, headers=HTML)
        assert answer.status_code == 404, path
        assert "replayed or discarded" in answer.text


def test_the_api_discards_a_letter(dashboard: SoulcasterClient) -> None:
    letter = keep(dashboard, b"junk")
    url = f"/api/dead-letters/{letter.id}?project_id=test"
    assert dashboard.api.delete(url).status_code == 204
    assert dashboard.api.delete(url).status_code == 404
