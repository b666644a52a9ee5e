"""The clustering queue, clusters and their members, the local index's vectors, and the batch
reads and writes a worker's batch makes in one round trip.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import anyio
import pytest

from ...errors import BadRequest
from ...models import Cluster, Project, QueueEntry
from ...store.port import CLUSTER_HOURS_KEPT, ClusterMember, Store
from ...timestamps import hour_bucket
from .ingest import T0, ingest_new, make_item


async def queued_items(store: Store, count: int, project_id: str = "acme") -> list[str]:
    await store.create_project(Project(id=project_id, name=project_id))
    ids = []
    for n in range(count):
        item = make_item(f"q-{n}", project_id=project_id)
        await store.ingest(item)
        ids.append(item.id)
    return ids


def make_cluster(title: str, project_id: str = "acme", **fields: Any) -> Cluster:
    fields = {
        "summary": "Seen by Sentry and Datadog — 💳 ошибка оплаты",
        "signature": "typeerror checkout",
        "sources": ["datadog", "sentry"],
        "item_count": 2,
        "occurrence_count": 7,
        "first_seen": T0,
        "last_seen": T0 + timedelta(hours=1),
        **fields,
    }
    return Cluster(project_id=project_id, title=title, **fields)


def member(
    item_id: str, source: str = "sentry", occurrences: int = 1, hours: int = 0
) -> ClusterMember:
    at = T0 + timedelta(hours=hours)
    return ClusterMember(item_id, source, occurrences, at, at)


async def all_clusters(store: Store, project_id: str) -> list[Cluster]:
    found, cursor = await store.list_clusters(project_id, limit=1000)
    assert cursor is None
    return found


async def all_member_ids(store: Store, project_id: str, cluster_id: str) -> list[str]:
    ids, cursor = await store.cluster_item_ids(project_id, cluster_id, limit=1000)
    assert cursor is None
    return ids


class ClusterCases:
    """The queue, clusters, vectors, batch reads and writes."""

    # -- the clustering queue

    async def test_claim_hands_out_each_entry_once_and_ack_removes_it(self, store: Store) -> None:
        ids = await queued_items(store, 3)
        assert await store.queue_depth() == 3
        first = await store.claim("worker-1", 2)
        assert len(first) == 2
        rest = await store.claim("worker-2", 5)
        assert sorted(e.item_id for e in first + rest) == sorted(ids)
        assert {e.project_id for e in first + rest} == {"acme"}
        assert await store.claim("worker-3", 5) == []
        assert await store.queue_depth() == 3, "claimed is not done: depth counts until the ack"
        await store.ack(first)
        assert await store.queue_depth() == 1
        await store.ack(rest)
        await store.ack(rest)  # acking twice is harmless
        assert await store.queue_depth() == 0
        assert await store.claim("worker-1", 5) == []

    async def test_an_entry_never_acked_is_reclaimed_by_another_consumer(
        self, store: Store
    ) -> None:
        [item_id] = await queued_items(store, 1)
        [entry] = await store.claim("crashed-worker", 10)
        assert await store.reclaim("rescuer", min_idle_ms=3_600_000, count=10) == []
        await anyio.sleep(0.05)  # longer than min_idle_ms below
        [taken] = await store.reclaim("rescuer", min_idle_ms=10, count=10)
        assert (taken.entry_id, taken.project_id, taken.item_id) == (
            entry.entry_id,
            "acme",
            item_id,
        )
        await store.ack([taken])
        await anyio.sleep(0.05)
        assert await store.reclaim("rescuer", min_idle_ms=10, count=10) == []
        assert await store.queue_depth() == 0

    async def test_a_live_consumers_entries_stay_its_own_and_a_gone_ones_are_taken_over(
        self,
        store: Store,
    ) -> None:
        await queued_items(store, 2)
        await store.heartbeat("slow-worker", ttl_ms=60_000)
        [slow] = await store.claim("slow-worker", 1)
        await store.heartbeat("gone-worker", ttl_ms=1)
        [gone] = await store.claim("gone-worker", 1)
        await anyio.sleep(0.05)  # the gone worker's heartbeat lapses; nothing renews it
        await store.heartbeat("rescuer", ttl_ms=60_000)
        taken = await store.reclaim("rescuer", min_idle_ms=0, count=10)
        assert [e.entry_id for e in taken] == [gone.entry_id], "the live worker is not robbed"
        # The live worker restarted under the same name: its earlier life's entry comes back.
        [again] = await store.reclaim("slow-worker", min_idle_ms=0, count=10)
        assert again.entry_id == slow.entry_id
        await store.ack([*taken, again])
        assert await store.queue_depth() == 0

    async def test_a_blocking_claim_returns_once_something_is_queued(self, store: Store) -> None:
        await store.create_project(Project(id="acme", name="Acme"))
        claimed: list[QueueEntry] = []

        async def worker() -> None:
            claimed.extend(await store.claim("worker-1", 10, block_ms=4_000))

        item = make_item()
        async with anyio.create_task_group() as tasks:
            tasks.start_soon(worker)
            await anyio.sleep(0.05)  # let the worker start waiting on an empty queue
            await store.ingest(item)
        assert [(e.project_id, e.item_id) for e in claimed] == [("acme", item.id)]

    async def test_claim_count_holds_across_projects(self, store: Store) -> None:
        ids = await queued_items(store, 1, "acme") + await queued_items(store, 1, "globex")
        assert await store.queue_depth() == 2
        one = await store.claim("worker-1", 1)
        other = await store.claim("worker-1", 1)
        assert len(one) == len(other) == 1
        assert sorted(e.item_id for e in one + other) == sorted(ids), "no entry is claimed unseen"

    # -- clusters

    async def test_clusters_save_get_list_delete(self, store: Store) -> None:
        one, two = make_cluster("Checkout TypeError"), make_cluster("Disk full")
        foreign = make_cluster("Globex only", project_id="globex")
        for cluster in (one, two, foreign):
            await store.save_cluster(cluster)
        assert await store.get_cluster("acme", one.id) == one
        assert await store.get_cluster("globex", one.id) is None
        assert await store.get_cluster("acme", "no-such-cluster") is None
        assert sorted(c.id for c in await all_clusters(store, "acme")) == sorted([one.id, two.id])

        grown = one.model_copy(update={"title": "Checkout TypeError (Safari)", "item_count": 3})
        await store.save_cluster(grown)
        assert await store.get_cluster("acme", one.id) == grown
        assert await store.count_clusters("acme") == 2, "saving again replaces"

        await store.delete_cluster("acme", one.id)
        await store.delete_cluster("acme", one.id)  # deleting twice is harmless
        assert await store.get_cluster("acme", one.id) is None
        assert await all_clusters(store, "acme") == [two]
        assert await all_clusters(store, "globex") == [foreign]
        assert await all_clusters(store, "initech") == []
        assert await store.count_clusters("initech") == 0

    async def test_clusters_are_listed_a_page_at_a_time_most_recently_seen_first(
        self,
        store: Store,
    ) -> None:
        never = make_cluster("Never seen", first_seen=None, last_seen=None, id="c-never")
        dated = [
            make_cluster(f"Seen at hour {n}", last_seen=T0 + timedelta(hours=n), id=f"c{n}")
            for n in (3, 1, 4, 2)
        ]
        await store.save_clusters([never, *dated])
        pages: list[list[str]] = []
        cursor: str | None = None
        while True:
            page, cursor = await store.list_clusters("acme", limit=2, cursor=cursor)
            pages.append([c.id for c in page])
            if cursor is None:
                break
        assert pages == [["c4", "c3"], ["c2", "c1"], ["c-never"]]
        assert await store.count_clusters("acme") == 5
        with pytest.raises(BadRequest, match="cursor"):
            await store.list_clusters("acme", cursor="not-a-cursor")

    async def test_adding_to_clusters_counts_members_in_place_and_once(self, store: Store) -> None:
        first = await ingest_new(store, make_item("a"))
        second = await ingest_new(store, make_item("b"))
        old = make_cluster("Checkout TypeError", id="c-old")
        await store.save_cluster(old)
        await store.add_to_clusters("acme", [(old, [member("i1"), member("i2", "datadog")])])
        fresh = Cluster(id="c-new", project_id="acme", title="New", item_count=99)
        shared = {"method": "signature", "similarity": 1.0}
        rows = [(first.id, old.id, shared), ("missing", "c-new", shared), (second.id, "c-new", {})]
        vectors = [("v-new", [0.5, -0.25], {"cluster_id": "c-new"})]
        growths = [
            (old, [member(first.id, "posthog", occurrences=3, hours=5)]),
            (fresh, [member(second.id, hours=-2)]),
        ]
        await store.add_to_clusters("acme", growths, rows, vectors)
        for _ in range(2):  # a batch handled again (a crashed worker's) counts nothing twice
            await store.add_to_clusters("acme", growths, rows)

        grown, started = await store.get_clusters("acme", [old.id, "c-new"])
        # Counted on top of what the record said; sources and times widen.
        assert (grown.item_count, grown.occurrence_count) == (2 + 3, 7 + 1 + 1 + 3)
        assert grown.sources == ["datadog", "posthog", "sentry"]
        assert (grown.first_seen, grown.last_seen) == (T0, T0 + timedelta(hours=5))
        assert await all_member_ids(store, "acme", old.id) == ["i1", "i2", first.id]
        # A new cluster's record comes from the one given, its counts from its members.
        assert (started.title, started.item_count, started.occurrence_count) == ("New", 1, 1)
        assert started.first_seen == started.last_seen == T0 - timedelta(hours=2)
        assert await all_member_ids(store, "acme", "c-new") == [second.id]
        got = {i.id: i for i in await store.get_items("acme", [first.id, second.id])}
        assert (got[first.id].cluster_id, got[first.id].metadata["clustering"]) == (old.id, shared)
        assert (got[second.id].cluster_id, got[second.id].metadata["clustering"]) == ("c-new", {})
        assert await store.get_item("acme", "missing") is None
        assert await store.load_vectors("acme") == [
            ("v-new", [0.5, -0.25], {"cluster_id": "c-new"})
        ]
        assert await store.count_clusters("acme") == 2

        await store.add_to_clusters("acme", [])  # nothing to do is fine

    async def test_members_are_read_a_page_at_a_time(self, store: Store) -> None:
        cluster = make_cluster("Big", id="c1")
        await store.add_to_clusters("acme", [(cluster, [member(f"i{n:02}") for n in range(7)])])
        await store.add_to_clusters("acme", [(cluster, [member("late")])])
        first, cursor = await store.cluster_item_ids("acme", "c1", limit=3)
        assert first == ["i00", "i01", "i02"] and cursor is not None
        # Members leaving before the cursor do not shift the pages after it.
        await store.remove_from_cluster("acme", "c1", [member("i00"), member("i01")])
        second, cursor = await store.cluster_item_ids("acme", "c1", limit=3, cursor=cursor)
        assert second == ["i03", "i04", "i05"] and cursor is not None
        third, cursor = await store.cluster_item_ids("acme", "c1", limit=3, cursor=cursor)
        assert (third, cursor) == (["i06", "late"], None)
        assert await store.cluster_item_ids("acme", "no-such-cluster") == ([], None)
        assert await store.cluster_item_ids("globex", "c1") == ([], None)
        with pytest.raises(BadRequest, match="cursor"):
            await store.cluster_item_ids("acme", "c1", cursor="-1")

    async def test_removing_members_counts_them_out_and_an_empty_cluster_goes(
        self, store: Store
    ) -> None:
        cluster = make_cluster("Two sources", id="c1")
        members = [member("i1", occurrences=4), member("i2", "datadog"), member("i3", "datadog")]
        await store.add_to_clusters("acme", [(cluster, members)])
        left = await store.remove_from_cluster("acme", "c1", [members[1], member("not-in-it")])
        assert left is not None
        # The record is made from the members (the given counts are ignored): 3 items, 6 times.
        assert (left.item_count, left.occurrence_count) == (2, 5)
        assert left.sources == ["datadog", "sentry"], "i3 still comes from Datadog"
        assert await store.get_cluster("acme", "c1") == left
        left = await store.remove_from_cluster("acme", "c1", [members[2]])
        assert left is not None and left.sources == ["sentry"]
        assert await store.remove_from_cluster("acme", "c1", [members[0]]) is None
        assert await store.get_cluster("acme", "c1") is None
        assert await store.cluster_item_ids("acme", "c1") == ([], None)
        assert await store.count_clusters("acme") == 0
        assert await store.remove_from_cluster("acme", "c1", [members[0]]) is None

    async def test_a_cluster_counts_its_services_and_occurrences_per_hour(
        self, store: Store
    ) -> None:
        cluster = make_cluster("Checkout", id="c1")
        at = T0 + timedelta(minutes=30)
        hour = hour_bucket(T0)
        members = [
            ClusterMember("i1", "sentry", 3, at, at, "checkout"),
            ClusterMember("i2", "datadog", 1, at, at + timedelta(hours=2), "checkout"),
            ClusterMember("i3", "datadog", 2, at, at + timedelta(hours=2), "payments"),
            ClusterMember("i4", "splunk", 1, at, at),  # names no service
        ]
        await store.add_to_clusters("acme", [(cluster, members)])
        await store.add_to_clusters("acme", [(cluster, members[:2])])  # listed: counted once
        got = await store.get_cluster("acme", "c1")
        assert got is not None and got.services == ["checkout", "payments"]
        listed = [c.services for c in await all_clusters(store, "acme")]
        assert listed == [["checkout", "payments"]]
        # Every occurrence a member brings, in the hour it was last seen.
        assert await store.cluster_hours("acme", ["c1", "c-none"], hour - 1, hour + 5) == {
            "c1": {hour: 4, hour + 2: 3}
        }
        assert await store.cluster_hours("acme", ["c1"], hour + 1, hour + 1) == {}
        assert await store.cluster_hours("globex", ["c1"], hour, hour + 2) == {}

        left = await store.remove_from_cluster("acme", "c1", [members[2], members[0]])
        assert left is not None and left.services == ["checkout"], "i2 still runs in checkout"
        assert await store.cluster_hours("acme", ["c1"], hour, hour + 2) == {
            "c1": {hour: 1, hour + 2: 1}
        }
        # Saving a record keeps a listed service's count and drops the others, as for sources.
        await store.save_cluster(left.model_copy(update={"services": ["checkout", "search"]}))
        saved = await store.get_cluster("acme", "c1")
        assert saved is not None and saved.services == ["checkout", "search"]
        await store.delete_cluster("acme", "c1")
        assert await store.cluster_hours("acme", ["c1"], hour, hour + 2) == {}
        await store.add_to_clusters("acme", [(cluster, [members[3]])])
        again = await store.get_cluster("acme", "c1")
        assert again is not None and again.services == [], "a deleted cluster's counts went"

    async def test_occurrences_in_hours_past_the_sparklines_are_dropped(self, store: Store) -> None:
        now = datetime.now(UTC)
        old, recent = now - timedelta(hours=2 * CLUSTER_HOURS_KEPT), now - timedelta(hours=1)
        cluster = make_cluster("Long lived", id="c1")
        # Enough hours in one cluster that Redis trims its hash too (it does past the kept hours).
        dated = [
            ClusterMember(f"i{n}", "sentry", 1, old, old + timedelta(hours=n))
            for n in range(CLUSTER_HOURS_KEPT + 30)
        ]
        await store.add_to_clusters("acme", [(cluster, dated)])
        late = ClusterMember("new", "sentry", 1, recent, recent)
        await store.add_to_clusters("acme", [(cluster, [late])])
        first = hour_bucket(old)
        kept = await store.cluster_hours("acme", ["c1"], first, hour_bucket(now))
        # What the sparklines may show stays; the rest is dropped, a little late at most.
        hours = {hour_bucket(m.last_seen) for m in dated}
        wanted = {h for h in hours if h > first + CLUSTER_HOURS_KEPT}
        assert wanted <= set(kept["c1"]) and kept["c1"][hour_bucket(recent)] == 1
        assert len(kept["c1"]) <= CLUSTER_HOURS_KEPT + 25 < len(dated)

    async def test_an_item_shows_its_cluster(self, store: Store) -> None:
        item = await ingest_new(store, make_item(metadata={"level": "error"}))
        assignment = {"score": 0.93, "model": "local-384", "neighbours": ["a", "b"]}
        await store.set_item_cluster("acme", item.id, "cluster-1", assignment)
        saved = await store.get_item("acme", item.id)
        assert saved is not None
        assert saved.cluster_id == "cluster-1"
        assert saved.metadata == {"level": "error", "clustering": assignment}
        [listed], _ = await store.list_items("acme")
        assert (listed.cluster_id, listed.metadata["clustering"]) == ("cluster-1", assignment)

        await store.ingest(make_item())  # an occurrence keeps the assignment
        saved = await store.get_item("acme", item.id)
        assert saved is not None
        assert (saved.occurrences, saved.cluster_id) == (2, "cluster-1")
        assert saved.metadata["clustering"] == assignment

        await store.set_item_cluster("acme", item.id, None, {"reason": "cluster deleted"})
        saved = await store.get_item("acme", item.id)
        assert saved is not None
        assert saved.cluster_id is None
        assert saved.metadata["clustering"] == {"reason": "cluster deleted"}

    async def test_a_member_that_happens_again_counts_on_its_cluster(self, store: Store) -> None:
        item = await ingest_new(store, make_item(at=T0))
        cluster = make_cluster("Checkout", id="c1")
        await store.add_to_clusters("acme", [(cluster, [member(item.id)])])
        await store.set_item_cluster("acme", item.id, "c1", {"method": "new"})
        before = await store.get_cluster("acme", "c1")
        assert before is not None and before.occurrence_count == 1

        later = T0 + timedelta(hours=3)
        assert (await store.ingest(make_item(at=later))).status == "duplicate"
        after = await store.get_cluster("acme", "c1")
        assert after is not None
        assert (after.item_count, after.occurrence_count) == (1, 2)
        assert after.last_seen is not None and after.last_seen >= later
        # Over the hours of the two only: a window of every hour there is would ask Redis
        # for millions of fields.
        hours = await store.cluster_hours("acme", ["c1"], hour_bucket(T0), hour_bucket(later))
        assert hours == {"c1": {hour_bucket(T0): 1, hour_bucket(later): 1}}, (
            "the sparkline shows the repeat too, in the hour it arrived"
        )

        # A resolved problem that happens again is regressed, as when it gains an item.
        await store.set_cluster_status("acme", "c1", "resolved", later)
        await store.ingest(make_item(at=later + timedelta(minutes=5)))
        statuses = await store.cluster_statuses("acme", ["c1"])
        assert statuses["c1"]["status"] == "regressed"

        # A delivery that only refines the item (no new occurrence) counts nothing.
        await store.ingest(make_item(at=later), occurrence=False)
        again = await store.get_cluster("acme", "c1")
        assert again is not None and again.occurrence_count == 3

    async def test_clustering_an_unknown_item_creates_nothing(self, store: Store) -> None:
        await store.set_item_cluster("acme", "no-such-item", "cluster-1", {"score": 1.0})
        assert await store.get_item("acme", "no-such-item") is None

    # -- vectors of the local index

    async def test_vectors_save_load_delete(self, store: Store) -> None:
        vectors: dict[str, tuple[list[float], dict[str, Any]]] = {
            "v2": ([0.1, -1e-7, 3.0], {"item_id": "i2"}),
            "v1": ([1.0, 0.0, -0.5], {"item_id": "i1", "sources": ["sentry"], "title": "💥"}),
            "v3": ([0.25, 0.5, 0.75], {}),
        }
        for vector_id, (vector, metadata) in vectors.items():
            await store.save_vector("acme", vector_id, vector, metadata)
        await store.save_vector("globex", "v1", [9.0, 9.0, 9.0], {"item_id": "g1"})
        loaded = await store.load_vectors("acme")
        assert sorted(loaded) == [(k, v, m) for k, (v, m) in sorted(vectors.items())]

        await store.save_vector("acme", "v1", [0.0, 1.0, 0.0], {"item_id": "i1b"})
        await store.delete_vectors("acme", ["v2", "never-saved"])
        await store.delete_vectors("acme", [])
        assert sorted(await store.load_vectors("acme")) == [
            ("v1", [0.0, 1.0, 0.0], {"item_id": "i1b"}),
            ("v3", [0.25, 0.5, 0.75], {}),
        ]
        assert await store.load_vectors("globex") == [("v1", [9.0, 9.0, 9.0], {"item_id": "g1"})]
        assert await store.load_vectors("initech") == []

    # -- batch reads and writes (one round trip for a worker's batch)

    async def test_batch_reads_keep_the_order_asked_and_skip_what_is_missing(
        self, store: Store
    ) -> None:
        first = await ingest_new(store, make_item("a"))
        second = await ingest_new(store, make_item("b"))
        items = await store.get_items("acme", [second.id, "missing", first.id])
        assert [i.id for i in items] == [second.id, first.id]
        assert await store.get_items("acme", []) == []
        await store.save_clusters(
            [Cluster(id=cid, project_id="acme", title=f"cluster {cid}") for cid in ("c1", "c2")]
        )
        clusters = await store.get_clusters("acme", ["c2", "nope", "c1"])
        assert [c.id for c in clusters] == ["c2", "c1"]

    async def test_batch_cluster_assignment_sets_every_row_and_skips_missing_items(
        self,
        store: Store,
    ) -> None:
        first = await ingest_new(store, make_item("a"))
        second = await ingest_new(store, make_item("b"))
        await store.set_item_clusters(
            "acme",
            [
                (first.id, "c1", {"similarity": 1.0}),
                ("missing", "c1", {"similarity": 0.5}),
                (second.id, "c2", {"similarity": 0.93}),
            ],
        )
        got = {i.id: i for i in await store.get_items("acme", [first.id, second.id, "missing"])}
        assert set(got) == {first.id, second.id}
        assert (got[first.id].cluster_id, got[second.id].cluster_id) == ("c1", "c2")
        assert got[second.id].metadata["clustering"] == {"similarity": 0.93}
        await store.save_vectors(
            "acme", [("v1", [0.1, 0.2], {"cluster_id": "c1"}), ("v2", [0.3, 0.4], {})]
        )
        assert [v[0] for v in await store.load_vectors("acme")] == ["v1", "v2"]

    async def test_concurrent_additions_to_one_cluster_keep_every_item(self, store: Store) -> None:
        shared = Cluster(id="c1", project_id="acme", title="Shared")

        async def add(item_id: str) -> None:
            await store.add_to_clusters("acme", [(shared, [member(item_id)])])

        # Each adds its item to one cluster at once: none may lose another's, or its count.
        await asyncio.gather(*(add(f"i{n}") for n in range(20)))
        cluster = await store.get_cluster("acme", "c1")
        assert cluster is not None and cluster.item_count == cluster.occurrence_count == 20
        assert sorted(await all_member_ids(store, "acme", "c1")) == sorted(
            f"i{n}" for n in range(20)
        )

    async def test_cluster_ids_are_per_project(self, store: Store) -> None:
        # A new cluster's id is its template's signature: two projects can share one.
        await store.save_clusters(
            [
                Cluster(id="sig-1", project_id="acme", title="acme's"),
                Cluster(id="sig-1", project_id="globex", title="globex's"),
            ]
        )
        acme = await store.get_cluster("acme", "sig-1")
        globex = await store.get_cluster("globex", "sig-1")
        assert (acme and acme.title, globex and globex.title) == ("acme's", "globex's")
        await store.delete_cluster("acme", "sig-1")
        assert await store.get_cluster("globex", "sig-1") is not None
