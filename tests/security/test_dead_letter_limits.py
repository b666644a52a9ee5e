"""Attack 5 on the dead letters: 100 MiB of unreadable posts were all kept, and listing them
loaded every body. Now each project keeps so many, so many bytes, so many days (the oldest go
first), and the list shows sizes; one letter is read whole at its own route."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from soulcaster_core.models import DeadLetter, utcnow
from soulcaster_core.store.dead_letters import DeadLetterLimits
from soulcaster_core.store.port import Store
from soulcaster_core.testing import TEST_TOKEN, SoulcasterClient, running_app

BEARER = {"authorization": f"Bearer {TEST_TOKEN}", "content-type": "application/json"}


def _post_unreadable(client: SoulcasterClient, n: int, size: int = 10) -> None:
    for i in range(n):
        body = f'{{"title": "{i}", not json'.encode() + b" " * size
        answer = client.http.post(
            "/ingest/manual", params={"project_id": client.project_id}, content=body, headers=BEARER
        )
        assert answer.status_code == 400, answer.text


def _listed(client: SoulcasterClient) -> list[dict[str, object]]:
    listed = client.api.get("/api/dead-letters", params={"project_id": client.project_id})
    assert listed.status_code == 200
    letters: list[dict[str, object]] = listed.json()["dead_letters"]
    return letters


@pytest.mark.parametrize("store", ["sqlite", "redis"])
def test_past_the_count_cap_the_oldest_letters_go(tmp_path: Path, store: str) -> None:
    with running_app(data_dir=tmp_path, store=store, dead_letter_max_count=3) as client:
        _post_unreadable(client, 5)
        letters = _listed(client)
        stats = client.api.get("/api/stats", params={"project_id": client.project_id}).json()

    assert len(letters) == 3 and stats["dead_letters"] == 3
    kept = [str(letter["id"]) for letter in letters]
    assert len(set(kept)) == 3


@pytest.mark.parametrize("store", ["sqlite", "redis"])
def test_past_the_bytes_cap_the_oldest_letters_go(tmp_path: Path, store: str) -> None:
    with running_app(data_dir=tmp_path, store=store, dead_letter_max_bytes=20_000) as client:
        _post_unreadable(client, 10, size=5_000)
        letters = _listed(client)

    # Each is stored as ~6.7 kB (base64 and its headers): two fit, then a third is one too many.
    assert 1 <= len(letters) <= 3
    assert sum(int(str(letter["size"])) for letter in letters) <= 20_000


@pytest.mark.parametrize("store", ["sqlite", "redis"])
def test_the_list_has_sizes_and_one_letter_has_its_body(tmp_path: Path, store: str) -> None:
    with running_app(data_dir=tmp_path, store=store) as client:
        _post_unreadable(client, 1, size=100)
        [head] = _listed(client)
        one = client.api.get(
            f"/api/dead-letters/{head['id']}", params={"project_id": client.project_id}
        ).json()

    assert "body" not in head and "body_text" not in head
    assert head["size"] == len(b'{"title": "0", not json') + 100
    assert one["body_text"].startswith('{"title": "0", not json')


@pytest.mark.anyio
async def test_letters_past_their_age_go_when_the_next_is_filed(store: Store) -> None:
    store.dead_letter_limits = DeadLetterLimits(max_age=timedelta(days=1))
    old = DeadLetter(
        project_id="p",
        source="manual",
        error="old",
        body=b"x",
        received_at=utcnow() - timedelta(days=2),
    )
    await store.add_dead_letter(old)
    await store.add_dead_letter(DeadLetter(project_id="p", source="manual", error="new", body=b"y"))

    heads = await store.list_dead_letter_heads("p")
    assert [head.error for head in heads] == ["new"]
    assert await store.count_dead_letters("p") == 1
