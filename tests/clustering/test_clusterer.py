"""The clustering algorithm on items from every source, on both stores."""

from __future__ import annotations

from typing import Any

import pytest

from soulcaster_core.clustering.clusterer import ALGORITHM, Clusterer
from soulcaster_core.clustering.embedders.local import LocalEmbedder
from soulcaster_core.clustering.indexes.local import LocalIndex
from soulcaster_core.errors import StoreUnavailable
from soulcaster_core.models import FeedbackItem, Project
from soulcaster_core.store.port import Store

from . import items as fx

pytestmark = pytest.mark.anyio


@pytest.fixture
async def clusterer(store: Store) -> Clusterer:
    await store.create_project(Project(id=fx.PROJECT, name="Acme"))
    return Clusterer(store, LocalEmbedder(), LocalIndex(store))


async def stored(store: Store, *made: FeedbackItem) -> list[FeedbackItem]:
    for item in made:
        await store.ingest(item)
    return list(made)


async def cluster_of(store: Store, item: FeedbackItem) -> str | None:
    found = await store.get_item(fx.PROJECT, item.id)
    assert found is not None
    return found.cluster_id


async def test_one_bug_from_four_tools_is_one_cluster(clusterer: Clusterer, store: Store) -> None:
    reports = await stored(
        store,
        fx.sentry_error(),
        fx.posthog_exception(),
        fx.splunk_log(),
        fx.datadog_alert(),
        fx.sentry_issue(),
    )
    assignments = await clusterer.assign(fx.PROJECT, reports)
    assert len({a.cluster_id for a in assignments}) == 1
    cluster = await store.get_cluster(fx.PROJECT, assignments[0].cluster_id)
    assert cluster is not None
    assert sorted(cluster.sources) == ["datadog", "posthog", "sentry", "splunk"]
    assert await store.cluster_item_ids(fx.PROJECT, cluster.id) == ([r.id for r in reports], None)
    assert (cluster.item_count, cluster.occurrence_count) == (5, 5)
    assert cluster.title == "KeyError: 'user_id'"


async def test_near_miss_and_unrelated_get_clusters_of_their_own(
    clusterer: Clusterer, store: Store
) -> None:
    bug, miss, other = await stored(store, fx.sentry_error(), fx.near_miss(), fx.unrelated())
    await clusterer.assign(fx.PROJECT, [bug, miss, other])
    clusters = {await cluster_of(store, i) for i in (bug, miss, other)}
    assert len(clusters) == 3


async def test_items_arriving_later_join_across_batches(clusterer: Clusterer, store: Store) -> None:
    first = await stored(store, fx.sentry_error())
    await clusterer.assign(fx.PROJECT, first)
    later = await stored(store, fx.splunk_log("a1"), fx.splunk_log("b2"), fx.datadog_alert("web-9"))
    await clusterer.assign(fx.PROJECT, later)
    assert {await cluster_of(store, i) for i in first + later} == {
        await cluster_of(store, first[0])
    }


async def test_each_assignment_records_algorithm_and_similarity(
    clusterer: Clusterer, store: Store
) -> None:
    made = await stored(store, fx.sentry_error(), fx.datadog_alert("a"), fx.datadog_alert("b"))
    await clusterer.assign(fx.PROJECT, made)
    records = []
    for made_item in made:
        found = await store.get_item(fx.PROJECT, made_item.id)
        assert found is not None
        records.append(found.metadata["clustering"])
    # The alerts state the error the Sentry event raised: its type and message find it.
    assert [r["method"] for r in records] == ["new", "message", "message"]
    assert all(r["algorithm"] == ALGORITHM for r in records)
    assert all(r["similarity"] == 1.0 for r in records)


async def test_assigning_twice_changes_nothing(clusterer: Clusterer, store: Store) -> None:
    made = await stored(store, fx.sentry_error(), fx.splunk_log())
    await clusterer.assign(fx.PROJECT, made)
    again = [await store.get_item(fx.PROJECT, i.id) for i in made]
    assert await clusterer.assign(fx.PROJECT, [i for i in again if i]) == []
    (cluster,), _ = await store.list_clusters(fx.PROJECT)
    assert cluster.item_count == 2


async def test_a_variable_word_is_learned_from_a_masked_one(
    clusterer: Clusterer, store: Store
) -> None:
    lines = [
        "Lost connection to worker ana from 1.2.3.4",
        "Lost connection to worker test9 from 5.6.7.8",
        "Lost connection to worker oracle from 1.1.1.1",
    ]
    made = await stored(store, *[fx.item("splunk", line) for line in lines])
    for one in made:  # one at a time: the order they arrive in matters online
        await clusterer.assign(fx.PROJECT, [one])
    assert len({await cluster_of(store, i) for i in made}) == 1


async def test_distinct_templates_stay_apart(clusterer: Clusterer, store: Store) -> None:
    lines = [
        "session opened for user root by (uid=0)",
        "session closed for user root",
        "Accepted password for root from 1.2.3.4 port 22 ssh2",
        "Failed password for root from 1.2.3.4 port 22 ssh2",
    ]
    made = await stored(store, *[fx.item("splunk", line) for line in lines])
    await clusterer.assign(fx.PROJECT, made)
    assert len({await cluster_of(store, i) for i in made}) == 4


async def test_a_batch_is_written_in_one_store_step(
    clusterer: Clusterer, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    for name in ("add_to_clusters", "save_clusters", "set_item_clusters", "save_vectors"):
        method = getattr(store, name)

        async def counted(*args: Any, _name: str = name, _method: Any = method) -> None:
            calls.append(_name)
            await _method(*args)

        monkeypatch.setattr(store, name, counted)
    made = await stored(store, fx.sentry_error(), fx.splunk_log(), fx.unrelated())
    assignments = await clusterer.assign(fx.PROJECT, made)
    assert calls == ["add_to_clusters"]  # clusters, assignments and template vectors at once
    # The vectors are in the store: another process's index finds the templates.
    signatures = [a.signature for a in assignments]
    found = await LocalIndex(store).fetch(fx.PROJECT, signatures)
    assert {s: m["cluster_id"] for s, m in found.items()} == {
        a.signature: a.cluster_id for a in assignments
    }


async def test_a_failed_write_leaves_nothing_behind(
    clusterer: Clusterer, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = await stored(store, fx.sentry_error(), fx.unrelated())
    real = store.add_to_clusters

    async def down(*args: Any) -> None:
        raise StoreUnavailable("down for a moment")

    monkeypatch.setattr(store, "add_to_clusters", down)
    with pytest.raises(StoreUnavailable):
        await clusterer.assign(fx.PROJECT, made)
    assert await store.count_clusters(fx.PROJECT) == 0
    assert await store.load_vectors(fx.PROJECT) == []
    assert [await cluster_of(store, i) for i in made] == [None, None]

    monkeypatch.setattr(store, "add_to_clusters", real)
    assignments = await clusterer.assign(fx.PROJECT, made)
    assert [a.method for a in assignments] == ["new", "new"]  # not "signature": nothing was kept
    assert await store.count_clusters(fx.PROJECT) == 2
