"""``/api/incidents`` and the incident pages on the real app: vendor-shaped deliveries from the
labelled incident corpus go in through the real plugins, the worker clusters them and links
them, the API and dashboard show the result, a person merges and splits."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from soulcaster_core.testing import TEST_TOKEN, SoulcasterClient
from soulcaster_core.timestamps import parse_timestamp
from soulcaster_core.worker import ClusterWorker

CORPUS = Path(__file__).parents[2] / "bench" / "data" / "incidents-tune.jsonl"
#: The first failures of the tune half: two services, their decoys.
LABELS = ("tune-00-checkout", "tune-01-payments")


def replay(client: SoulcasterClient) -> dict[str, str | None]:
    """Post the rows of ``LABELS`` and the decoys of their minutes in sending order, the worker
    and its sweep running as the senders' minutes pass; item id -> label."""
    rows = [json.loads(line) for line in CORPUS.read_text().splitlines()]
    last = max(i for i, row in enumerate(rows) if row["incident"] in LABELS)
    rows = [r for r in rows[: last + 1] if r["incident"] in LABELS or r["incident"] is None]
    worker = ClusterWorker(client.app.state.soulcaster, consumer="test", block_ms=0)
    portal = client.http.portal
    labels: dict[str, str | None] = {}
    for row in rows:
        while portal.call(worker.run_once):
            pass
        portal.call(worker.incidents.sweep, client.project_id, parse_timestamp(row["at"]))
        body = json.dumps(row["body"], separators=(",", ":")).encode()
        answer = client.post_webhook(row["source"], body, headers=row["headers"])
        assert answer.status_code < 300, answer.text
        if "id" in answer.json():
            labels.setdefault(answer.json()["id"], row["incident"])
    while portal.call(worker.run_once):
        pass
    return labels


@pytest.fixture(params=["sqlite", "redis"])
def client(request: pytest.FixtureRequest) -> SoulcasterClient:
    name = "soulcaster_client" if request.param == "sqlite" else "soulcaster_redis_client"
    fixture: SoulcasterClient = request.getfixturevalue(name)
    return fixture


def get(client: SoulcasterClient, path: str, **params: Any) -> Any:
    answer = client.api.get(path, params={"project_id": client.project_id, **params})
    assert answer.status_code == 200, answer.text
    return answer.json()


def post(client: SoulcasterClient, path: str, body: Any) -> Any:
    return client.api.post(path, params={"project_id": client.project_id}, json=body)


def test_each_failure_is_one_incident_across_tools_and_decoys_stay_out(
    client: SoulcasterClient,
) -> None:
    labels = replay(client)
    incident_of = {item_id: client.item(item_id)["incident_id"] for item_id in labels}
    for label in LABELS:
        found = Counter(incident_of[i] for i, lab in labels.items() if lab == label)
        incident_id, count = found.most_common(1)[0]
        assert incident_id is not None and count >= 4
        detail = get(client, f"/api/incidents/{incident_id}")
        assert {"datadog", "sentry", "splunk"} <= set(detail["sources"])
        assert detail["entities"]["service"][0] == label.split("-")[-1]
        ways = Counter(e["by"] for e in detail["timeline"])
        assert ways["opened"] == 1 and set(ways) <= {"opened", "trace", "cluster", "service"}
        assert all(e["title"] and e["at"] for e in detail["timeline"])
        assert detail["clusters"] and detail["first_seen"] <= detail["last_seen"]
    assert all(incident_of[i] is None for i, label in labels.items() if label is None)
    listed = get(client, "/api/incidents")["incidents"]
    assert {i["id"] for i in listed} >= {incident_of[i] for i in labels if labels[i]}
    assert "links" not in listed[0] and listed[0]["item_count"] >= 1
    cluster_id = client.item(next(i for i, lab in labels.items() if lab))["cluster_id"]
    cluster = get(client, f"/api/clusters/{cluster_id}")
    assert cluster["incident_id"] in set(incident_of.values())


def test_merge_and_split_by_hand_are_recorded_and_items_follow(client: SoulcasterClient) -> None:
    labels = replay(client)
    first, second = (
        Counter(
            client.item(i)["incident_id"] for i, lab in labels.items() if lab == label
        ).most_common(1)[0][0]
        for label in LABELS
    )
    merged = post(client, f"/api/incidents/{first}/merge", {"into": second})
    assert merged.status_code == 200, merged.text
    assert merged.json()["id"] == second
    gone = get(client, f"/api/incidents/{first}")
    assert gone["merged_into"] == second and gone["closed_by"] == "merged"
    assert gone["timeline"] == [] and gone["history"][0]["action"] == "merged_into"
    whole = get(client, f"/api/incidents/{second}")
    assert whole["history"][-1]["action"] == "merged"
    moved = [e["item_id"] for e in whole["timeline"] if labels.get(e["item_id"]) == LABELS[0]]
    assert moved and all(client.item(i)["incident_id"] == second for i in moved)

    split = post(client, f"/api/incidents/{second}/split", {"item_ids": moved})
    assert split.status_code == 200, split.text
    new = get(client, f"/api/incidents/{split.json()['id']}")
    assert sorted(e["item_id"] for e in new["timeline"]) == sorted(moved)
    assert {e["by"] for e in new["timeline"]} == {"manual"}
    assert new["history"][0]["detail"]["from"] == second
    assert all(client.item(i)["incident_id"] == new["id"] for i in moved)
    rest = get(client, f"/api/incidents/{second}")
    assert not set(moved) & {e["item_id"] for e in rest["timeline"]}


def test_wrong_requests_are_4xx_naming_the_problem(soulcaster_client: SoulcasterClient) -> None:
    client = soulcaster_client
    labels = replay(client)
    incident = client.item(next(i for i, lab in labels.items() if lab))["incident_id"]
    missing = client.api.get("/api/incidents/nope", params={"project_id": client.project_id})
    assert missing.status_code == 404 and "no such incident" in missing.json()["error"]
    bad_status = client.api.get(
        "/api/incidents", params={"project_id": client.project_id, "status": "x"}
    )
    assert bad_status.status_code == 400 and "status" in bad_status.json()["error"]
    cases = [
        (f"/api/incidents/{incident}/merge", {"into": incident}, 400, "itself"),
        (f"/api/incidents/{incident}/merge", {}, 400, "into"),
        (f"/api/incidents/{incident}/merge", {"into": "nope"}, 404, "nope"),
        (f"/api/incidents/{incident}/split", {"item_ids": "x"}, 400, "item_ids"),
        (f"/api/incidents/{incident}/split", {"item_ids": ["nope"]}, 400, "not items"),
        ("/api/incidents/nope/split", {"item_ids": ["x"]}, 404, "no such incident"),
    ]
    for path, body, status, words in cases:
        answer = post(client, path, body)
        assert answer.status_code == status, (path, body, answer.text)
        assert words in answer.json()["error"]
    everything = get(client, f"/api/incidents/{incident}")["timeline"]
    whole = post(
        client, f"/api/incidents/{incident}/split", {"item_ids": [e["item_id"] for e in everything]}
    )
    assert whole.status_code == 400 and "at least one" in whole.json()["error"]
    assert (
        client.http.get("/api/incidents", params={"project_id": client.project_id}).status_code
        == 401
    )


def alert(transition: str = "Triggered", title: str = "Errors on checkout") -> dict[str, str]:
    """A Datadog monitor notification in a custom template, as the corpus writes them."""
    return {
        "title": f"[P1] [{transition} on {{service:checkout}}] {title}",
        "body": "%%%\nErrors on checkout\n%%%",
        "date": "1772431364624",
        "alert_id": "1",
        "alert_cycle_key": "42",
        "alert_transition": transition,
        "alert_type": "success" if transition == "Recovered" else "error",
        "alert_scope": "service:checkout",
        "tags": "env:prod,service:checkout",
    }


def work(client: SoulcasterClient) -> ClusterWorker:
    worker = ClusterWorker(client.app.state.soulcaster, consumer="test", block_ms=0)
    while client.http.portal.call(worker.run_once):
        pass
    return worker


def test_a_recovery_closes_the_incident_at_the_next_sweep(client: SoulcasterClient) -> None:
    item_id = client.post_webhook("datadog", alert()).json()["id"]
    worker = work(client)
    incident_id = client.item(item_id)["incident_id"]
    assert get(client, f"/api/incidents/{incident_id}")["status"] == "open"
    assert client.post_webhook("datadog", alert("Recovered")).json()["status"] == "updated"
    client.http.portal.call(worker.sweep_incidents)
    closed = get(client, f"/api/incidents/{incident_id}")
    assert (closed["status"], closed["closed_by"], closed["firing"]) == ("closed", "recovered", [])
    assert [i["id"] for i in get(client, "/api/incidents", status="closed")["incidents"]] == [
        incident_id
    ]
    assert get(client, "/api/incidents", status="open")["incidents"] == []


def test_the_pages_show_incidents_escaped(soulcaster_client: SoulcasterClient) -> None:
    client = soulcaster_client
    hostile = alert(title="<script>alert(1)</script> errors")
    answer = client.post_webhook("datadog", hostile)
    assert answer.status_code == 201, answer.text
    work(client)
    incident_id = client.item(answer.json()["id"])["incident_id"]
    cookies = {"authorization": f"Bearer {TEST_TOKEN}"}
    for path in ("/", "/incidents", f"/incidents/{incident_id}"):
        page = client.http.get(path, params={"project_id": client.project_id}, headers=cookies)
        assert page.status_code == 200, (path, page.text[:300])
        assert "<script>alert(1)" not in page.text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
        assert f"/incidents/{incident_id}" in page.text or path.endswith(incident_id)
    page = client.http.get(
        f"/incidents/{incident_id}", params={"project_id": client.project_id}, headers=cookies
    )
    assert "opened it" in page.text and "checkout" in page.text
    missing = client.http.get(
        "/incidents/nope", params={"project_id": client.project_id}, headers=cookies
    )
    assert missing.status_code == 404
