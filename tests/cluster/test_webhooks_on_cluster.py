"""The whole path on a 3-master Redis Cluster: webhooks of two projects whose keys live on
different masters go in through the real app, a worker clusters both, the API and the
dashboard show the result; masters that lost their scripts get them again. The cluster is the
session's (``redis_cluster`` in ``tests/conftest.py``)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from soulcaster_core.testing import TEST_TOKEN, SoulcasterClient, running_app
from soulcaster_core.worker import ClusterWorker
from tests.support.redis_cluster import RedisClusterServers

OTHER = "acme"  # its slot is on another master than the test project's (checked below)


@pytest.fixture
def client(tmp_path: Path, redis_cluster: RedisClusterServers) -> Iterator[SoulcasterClient]:
    """The real app on the cluster, its test project and a second one, both open."""
    with running_app(
        data_dir=tmp_path, redis_url=redis_cluster.url, redis_prefix=f"t-{uuid.uuid4().hex}:"
    ) as app_client:
        created = app_client.api.post(
            "/api/projects", json={"name": OTHER, "allow_unauthenticated": True}
        )
        assert created.status_code == 201, created.text
        try:
            yield app_client
        finally:
            assert app_client.http.portal is not None
            app_client.http.portal.call(app_client.store.destroy)


def test_two_projects_on_two_masters_are_stored_and_clustered(
    client: SoulcasterClient, redis_cluster: RedisClusterServers
) -> None:
    store = client.store
    masters = {redis_cluster.node_of(store._k("items", p)) for p in (client.project_id, OTHER)}
    assert len(masters) == 2, "the projects must live on different masters"
    sent: dict[str, list[str]] = {client.project_id: [], OTHER: []}
    for project_id in sent:
        for n in range(6):
            report = {"title": f"Disk full on db-{n % 3}", "external_id": f"{project_id}-{n}"}
            answer = client.post_webhook("manual", report, project_id=project_id)
            assert answer.status_code == 201, answer.text
            sent[project_id].append(answer.json()["id"])
        again = client.post_webhook(
            "manual", {"title": "Disk full on db-0", "external_id": f"{project_id}-0"},
            project_id=project_id,
        )  # fmt: skip
        assert again.json() == {"status": "duplicate", "id": sent[project_id][0]}

    services = client.app.state.soulcaster
    worker = ClusterWorker(services, consumer="cluster-test", block_ms=0)
    assert client.http.portal is not None
    while client.http.portal.call(worker.run_once):
        pass

    for project_id, ids in sent.items():
        listed = client.api.get("/api/feedback", params={"project_id": project_id}).json()
        assert sorted(i["id"] for i in listed["items"]) == sorted(ids)
        assert all(i["cluster_id"] for i in listed["items"]), "every item clustered"
        clusters = client.api.get("/api/clusters", params={"project_id": project_id}).json()
        assert sum(c["item_count"] for c in clusters["clusters"]) == len(ids), "each once"
    assert client.http.portal.call(store.queue_depth) == 0
    assert client.http.get("/health").json()["store"] == {"kind": "redis", "reachable": True}
    page = client.http.get(f"/?token={TEST_TOKEN}&project_id={OTHER}")
    assert page.status_code == 200, page.text


def test_scripts_a_master_lost_are_loaded_again(
    client: SoulcasterClient, redis_cluster: RedisClusterServers
) -> None:
    report = {"title": "Payment timeout", "external_id": "pay-1"}
    assert client.post_webhook("manual", report, project_id=OTHER).status_code == 201
    for server in redis_cluster.servers:  # as after a failover to fresh replicas
        with server.client() as node:
            node.script_flush()
    second = {"title": "Payment timeout again", "external_id": "pay-2"}
    assert client.post_webhook("manual", second, project_id=OTHER).status_code == 201
    worker = ClusterWorker(client.app.state.soulcaster, consumer="cluster-test", block_ms=0)
    assert client.http.portal is not None
    while client.http.portal.call(worker.run_once):
        pass
    listed = client.api.get("/api/feedback", params={"project_id": OTHER}).json()["items"]
    assert len(listed) == 2 and all(i["cluster_id"] for i in listed)
