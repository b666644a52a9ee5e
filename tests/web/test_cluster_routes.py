"""``/api/clusters``, merge and move, on the real app: webhooks from the labelled file go in
through the real plugins, the worker clusters them, the API shows and corrects the result."""

from __future__ import annotations

import json
import time
import uuid
from pathlib import Path
from typing import Any

import pytest

from soulcaster_core.testing import SoulcasterClient, running_app
from soulcaster_core.worker import ClusterWorker

ERRORS = Path(__file__).parents[2] / "bench" / "data" / "errors.jsonl"
GROUPS = ("py-zero-div", "py-keyerror-profile", "py-keyerror-export", "java-npe-invoice")


def post_labelled(client: SoulcasterClient, groups: tuple[str, ...]) -> dict[str, str]:
    """Post every webhook of ``groups``; item id → group."""
    sent: dict[str, str] = {}
    for line in ERRORS.read_text().splitlines():
        row = json.loads(line)
        if row["group"] not in groups:
            continue
        body = json.dumps(row["body"], separators=(",", ":")).encode()
        answer = client.post_webhook(row["source"], body, headers=row["headers"])
        assert answer.status_code == 201, answer.text
        sent[answer.json()["id"]] = row["group"]
    return sent


def cluster_everything(client: SoulcasterClient) -> None:
    services = client.app.state.soulcaster
    worker = ClusterWorker(services, consumer="test", block_ms=0)
    portal = client.http.portal
    while portal.call(worker.run_once):
        pass


@pytest.fixture
def clustered(soulcaster_client: SoulcasterClient) -> tuple[SoulcasterClient, dict[str, str]]:
    sent = post_labelled(soulcaster_client, GROUPS)
    cluster_everything(soulcaster_client)
    return soulcaster_client, sent


def get(client: SoulcasterClient, path: str, **params: Any) -> Any:
    answer = client.api.get(path, params={"project_id": client.project_id, **params})
    assert answer.status_code == 200, answer.text
    return answer.json()


def post(client: SoulcasterClient, path: str, body: Any) -> Any:
    return client.api.post(path, params={"project_id": client.project_id}, json=body)


def test_each_bug_is_one_cluster_across_sources(
    clustered: tuple[SoulcasterClient, dict[str, str]],
) -> None:
    client, sent = clustered
    clusters = get(client, "/api/clusters")["clusters"]
    assert len(clusters) == len(GROUPS)
    assert all("item_ids" not in c for c in clusters)
    for cluster in clusters:
        detail = get(client, f"/api/clusters/{cluster['id']}")
        groups = {sent[item["id"]] for item in detail["items"]}
        assert len(groups) == 1, detail["title"]
        assert {item["source"] for item in detail["items"]} == set(cluster["sources"])
        assert detail["item_count"] == len(detail["items"]) >= 2
        assert all(item["cluster_id"] == cluster["id"] for item in detail["items"])


def test_clusters_and_their_items_are_read_a_page_at_a_time(
    clustered: tuple[SoulcasterClient, dict[str, str]],
) -> None:
    client, _ = clustered
    listed = get(client, "/api/clusters")
    seen: list[str] = []
    cursor = None
    while True:
        page = get(client, "/api/clusters", limit=2, **({"cursor": cursor} if cursor else {}))
        assert len(page["clusters"]) <= 2 and page["total"] == len(listed["clusters"])
        seen += [c["id"] for c in page["clusters"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == [c["id"] for c in listed["clusters"]]

    biggest = max(listed["clusters"], key=lambda c: c["item_count"])
    whole = get(client, f"/api/clusters/{biggest['id']}")
    assert whole["next_cursor"] is None and len(whole["item_ids"]) == biggest["item_count"]
    first = get(client, f"/api/clusters/{biggest['id']}", limit=1)
    assert [i["id"] for i in first["items"]] == first["item_ids"] == whole["item_ids"][:1]
    rest = get(client, f"/api/clusters/{biggest['id']}", cursor=first["next_cursor"])
    assert rest["item_ids"] == whole["item_ids"][1:]

    for path in ("/api/clusters", f"/api/clusters/{biggest['id']}"):
        bad = client.api.get(path, params={"project_id": client.project_id, "cursor": "x"})
        assert bad.status_code == 400 and "cursor" in bad.json()["error"]


def test_feedback_shows_the_cluster_and_how_it_was_chosen(
    clustered: tuple[SoulcasterClient, dict[str, str]],
) -> None:
    client, _ = clustered
    items = get(client, "/api/feedback", limit=200)["items"]
    assert items and all(item["cluster_id"] for item in items)
    record = items[0]["metadata"]["clustering"]
    assert {"algorithm", "method", "similarity"} <= set(record)


def test_an_item_says_why_it_is_in_its_cluster(
    clustered: tuple[SoulcasterClient, dict[str, str]],
) -> None:
    client, sent = clustered
    explained = [get(client, f"/api/feedback/{item_id}") for item_id in sent]
    # The Java NPE's Sentry event and its Splunk log row: one key, from structured frames and
    # from a parsed text trace.
    npe = [e for e in explained if sent[e["id"]] == "java-npe-invoice"]
    assert len(npe) >= 2
    keys = {e["grouping"]["key"] for e in npe}
    assert len(keys) == 1, [e["grouping"] for e in npe]
    grouping = npe[-1]["grouping"]
    assert grouping["type"] == "NullPointerException"
    assert grouping["frames"] and grouping["method"] in {"frames", "message"}
    assert grouping["reason"]
    page = client.http.get(
        f"/feedback/{npe[-1]['id']}",
        params={"project_id": client.project_id, "token": "test-token"},
        headers={"accept": "text/html"},
    )
    assert page.status_code == 200
    assert "Why this cluster" in page.text and grouping["frames"][0] in page.text


def test_merge_then_move(clustered: tuple[SoulcasterClient, dict[str, str]]) -> None:
    client, sent = clustered
    by_group: dict[str, str] = {}
    for cluster in get(client, "/api/clusters")["clusters"]:
        detail = get(client, f"/api/clusters/{cluster['id']}")
        by_group[sent[detail["items"][0]["id"]]] = cluster["id"]
    source, into = by_group["py-keyerror-export"], by_group["py-keyerror-profile"]
    merged = post(client, f"/api/clusters/{source}/merge", {"into": into})
    assert merged.status_code == 200, merged.text
    assert merged.json()["id"] == into
    wanted = {i for i, g in sent.items() if g in ("py-keyerror-export", "py-keyerror-profile")}
    assert set(merged.json()["item_ids"]) == wanted
    assert (
        client.api.get(
            f"/api/clusters/{source}", params={"project_id": client.project_id}
        ).status_code
        == 404
    )

    # Move one back out, into a cluster of its own.
    item_id = next(i for i, g in sent.items() if g == "py-keyerror-export")
    moved = post(client, f"/api/feedback/{item_id}/move", {"cluster_id": None})
    assert moved.status_code == 200, moved.text
    assert moved.json()["item_ids"] == [item_id]
    left = get(client, f"/api/clusters/{into}")
    assert item_id not in left["item_ids"] and left["item_count"] == len(wanted) - 1
    assert get(client, f"/api/feedback/{item_id}")["cluster_id"] == moved.json()["id"]

    # And into an existing one.
    back = post(client, f"/api/feedback/{item_id}/move", {"cluster_id": into})
    assert back.status_code == 200 and item_id in back.json()["item_ids"]
    assert (
        client.api.get(
            f"/api/clusters/{moved.json()['id']}", params={"project_id": client.project_id}
        ).status_code
        == 404
    )  # emptied, so gone


def test_a_move_teaches_the_next_occurrence(
    clustered: tuple[SoulcasterClient, dict[str, str]],
) -> None:
    client, sent = clustered
    item_id = next(i for i, g in sent.items() if g == "py-zero-div")
    moved = post(client, f"/api/feedback/{item_id}/move", {"cluster_id": None}).json()
    # The same problem again, reported anew: it follows the item the person moved.
    store = client.store
    portal = client.http.portal
    original = portal.call(store.get_item, client.project_id, item_id)
    metadata = {k: v for k, v in original.metadata.items() if k != "clustering"}
    again = original.model_copy(
        update={
            "id": uuid.uuid4().hex,
            "external_id": "again",
            "cluster_id": None,
            "metadata": metadata,
        }
    )
    assert portal.call(store.ingest, again).status == "created"
    cluster_everything(client)
    assert get(client, f"/api/feedback/{again.id}")["cluster_id"] == moved["id"]


@pytest.mark.parametrize(
    ("path", "body", "status"),
    [
        ("/api/clusters/nope/merge", {"into": "also-nope"}, 404),
        ("/api/clusters/nope/merge", {}, 400),
        ("/api/feedback/nope/move", {"cluster_id": None}, 404),
        ("/api/feedback/nope/move", {"cluster_id": 3}, 400),
    ],
)
def test_bad_requests(
    soulcaster_client: SoulcasterClient, path: str, body: Any, status: int
) -> None:
    answer = post(soulcaster_client, path, body)
    assert answer.status_code == status, answer.text
    assert answer.json()["error"]


def test_the_routes_need_the_token(soulcaster_client: SoulcasterClient) -> None:
    answer = soulcaster_client.http.get("/api/clusters", params={"project_id": "test"})
    assert answer.status_code == 401
    missing = soulcaster_client.api.get("/api/clusters/nope", params={"project_id": "test"})
    assert missing.status_code == 404


def test_serve_clusters_in_process(tmp_path: Path) -> None:
    """The embedded default: the app's own worker clusters what the webhooks store."""
    with running_app(store="sqlite", data_dir=tmp_path, run_worker=True) as client:
        sent = post_labelled(client, ("py-zero-div",))
        deadline = time.monotonic() + 20  # a bound on waiting, not a speed requirement
        while time.monotonic() < deadline:
            items = get(client, "/api/feedback")["items"]
            if items and all(item["cluster_id"] for item in items):
                break
            time.sleep(0.05)
        assert {item["id"] for item in items} == set(sent)
        assert len({item["cluster_id"] for item in items}) == 1
