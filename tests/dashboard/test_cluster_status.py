"""A cluster's status: new until someone acts, resolved or ignored by a person, regressed when
a resolved cluster gains an item; in the API, on both stores."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from soulcaster_core.clustering.status import status_of
from soulcaster_core.models import Cluster, Project, utcnow
from soulcaster_core.store.port import ClusterMember, Store
from soulcaster_core.testing import SoulcasterClient

from .conftest import cluster_now


def a_cluster(first_seen: datetime | None = None) -> Cluster:
    return Cluster(project_id="p", title="checkout fails", first_seen=first_seen or utcnow())


def member(item_id: str) -> ClusterMember:
    return ClusterMember(item_id, "sentry", 1, utcnow(), utcnow())


@pytest.mark.anyio
async def test_a_resolved_cluster_that_gains_an_item_is_regressed(store: Store) -> None:
    await store.create_project(Project(id="p", name="P"))
    resolved, ignored, unchanged = a_cluster(), a_cluster(), a_cluster()
    await store.add_to_clusters(
        "p", [(c, [member(f"{c.id}-0")]) for c in (resolved, ignored, unchanged)]
    )
    for cluster, status in ((resolved, "resolved"), (ignored, "ignored"), (unchanged, "resolved")):
        await store.set_cluster_status("p", cluster.id, status, utcnow())

    await store.add_to_clusters("p", [(resolved, [member("new-1")]), (ignored, [member("new-2")])])
    # A replayed batch: the item is a member already, nothing is gained.
    await store.add_to_clusters("p", [(unchanged, [member(f"{unchanged.id}-0")])])

    found = await store.cluster_statuses("p")
    assert {cid: v["status"] for cid, v in found.items()} == {
        resolved.id: "regressed",
        ignored.id: "ignored",
        unchanged.id: "resolved",
    }
    assert set(await store.cluster_statuses("p", [ignored.id])) == {ignored.id}
    assert await store.cluster_statuses("p", []) == {}


def test_untouched_clusters_are_new_for_a_day_then_ongoing() -> None:
    now = utcnow()
    assert status_of(a_cluster(), None, now) == "new"
    old = a_cluster(first_seen=now - timedelta(days=2))
    assert status_of(old, None, now) == "ongoing"
    assert status_of(old, {"status": "resolved"}, now) == "resolved"


def test_resolve_then_an_arriving_item_regresses_it_through_the_api(
    dashboard: SoulcasterClient,
) -> None:
    trace = (
        "Traceback (most recent call last):\n  File \"app.py\", line 3, in pay\nKeyError: 'card'"
    )
    dashboard.post_webhook(
        "manual", {"title": "KeyError: 'card'", "body": trace, "external_id": "1"}
    )
    cluster_now(dashboard)
    clusters = dashboard.api.get("/api/clusters?project_id=test").json()["clusters"]
    assert [c["status"] for c in clusters] == ["new"]
    cluster_id = clusters[0]["id"]

    url = f"/api/clusters/{cluster_id}/status?project_id=test"
    done = dashboard.api.post(url, json={"status": "resolved"})
    assert done.status_code == 200 and done.json()["status"] == "resolved"
    assert dashboard.api.get(f"/api/clusters/{cluster_id}?project_id=test").json()["status"] == (
        "resolved"
    )

    dashboard.post_webhook(
        "manual", {"title": "KeyError: 'card'", "body": trace, "external_id": "2"}
    )
    cluster_now(dashboard)
    again = dashboard.api.get(f"/api/clusters/{cluster_id}?project_id=test").json()
    assert again["item_count"] == 2 and again["status"] == "regressed"

    reopened = dashboard.api.post(url, json={"status": "ongoing"})
    assert reopened.json()["status"] == "ongoing"


@pytest.mark.parametrize("body", [{}, {"status": "new"}, {"status": "regressed"}, {"status": 1}])
def test_a_status_a_person_cannot_set_is_a_400_naming_the_choices(
    dashboard: SoulcasterClient, body: dict[str, object]
) -> None:
    dashboard.post_webhook("manual", {"title": "x"})
    cluster_now(dashboard)
    cluster_id = dashboard.api.get("/api/clusters?project_id=test").json()["clusters"][0]["id"]
    answer = dashboard.api.post(f"/api/clusters/{cluster_id}/status?project_id=test", json=body)
    assert answer.status_code == 400
    assert "resolved, ignored, ongoing" in answer.json()["error"]


def test_the_status_of_an_unknown_cluster_is_a_404(dashboard: SoulcasterClient) -> None:
    answer = dashboard.api.post(
        "/api/clusters/nope/status?project_id=test", json={"status": "resolved"}
    )
    assert answer.status_code == 404
