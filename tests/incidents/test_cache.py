"""A store's copy of its open incidents (``incidents.cache``): a batch decides on it only while
nothing else wrote the project's incidents. Another process (a second store on the same file
or Redis: another worker, the sweep, the API's merge by hand) writes between two batches of
this one, and the next batch must see what it wrote."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

import pytest

from soulcaster_core.incidents import manual, rule
from soulcaster_core.incidents.step import IncidentStep
from soulcaster_core.models import Cluster, FeedbackItem, Project
from soulcaster_core.store.port import ClusterMember, Store
from soulcaster_core.store.redis import RedisStore
from soulcaster_core.store.sqlite import SQLiteStore

from .items import item

pytestmark = pytest.mark.anyio
WINDOW = timedelta(minutes=30)


@pytest.fixture
async def other(store: Store) -> AsyncIterator[Store]:
    """Another process's store on the same data: its own connection, its own copy."""
    if isinstance(store, SQLiteStore):
        second: Store = SQLiteStore(store.path)
    else:
        assert isinstance(store, RedisStore)
        second = RedisStore(store.url, prefix=store.prefix)
    await second.open()
    try:
        yield second
    finally:
        await second.close()


async def stored(store: Store, *items_: FeedbackItem) -> list[FeedbackItem]:
    await store.create_project(Project(id="acme", name="Acme"))
    ids = [(await store.ingest(one)).id for one in items_]
    return await store.get_items("acme", ids)


async def incident_of(store: Store, one: FeedbackItem) -> str:
    (found,) = await store.get_items("acme", [one.id])
    assert found.incident_id is not None
    return found.incident_id


async def test_a_batch_joins_an_incident_another_process_opened_since_the_last(
    store: Store, other: Store
) -> None:
    checkout, search, later = await stored(
        store, item(0), item(1, service="search"), item(2, source="sentry", service="search")
    )
    await IncidentStep(store, WINDOW).place("acme", [checkout])  # this worker's copy is filled
    await IncidentStep(other, WINDOW).place("acme", [search])  # another worker opens one
    await IncidentStep(store, WINDOW).place("acme", [later])
    assert await incident_of(store, later) == await incident_of(store, search)
    assert len(await store.list_incidents("acme")) == 2


@pytest.mark.parametrize("by", ["this process", "another process"])
async def test_a_merge_by_hand_between_two_batches_is_followed(
    store: Store, other: Store, by: str
) -> None:
    checkout, search, later = await stored(
        store, item(0), item(1, service="search"), item(3, source="sentry")
    )
    step = IncidentStep(store, WINDOW)
    await step.place("acme", [checkout])
    await step.place("acme", [search])
    first, second = await incident_of(store, checkout), await incident_of(store, search)
    await manual.merge(store if by == "this process" else other, "acme", first, second)
    # The next checkout error joins the incident its service's items are in now.
    await step.place("acme", [later])
    assert await incident_of(store, later) == second
    merged = await store.get_incident("acme", second)
    assert merged is not None
    assert merged.item_ids == [checkout.id, search.id, later.id] and merged.item_count == 3
    closed = await store.get_incident("acme", first)
    assert closed is not None and (closed.status, closed.item_count) == ("closed", 0)


async def test_an_incident_another_process_closed_takes_no_more_items(
    store: Store, other: Store
) -> None:
    alert, after = await stored(
        store, item(0, status="triggered", external_id="m1"), item(2, source="sentry")
    )
    await IncidentStep(store, WINDOW).place("acme", [alert])
    recovered = item(0, status="recovered", level=None, external_id="m1")
    assert (await store.ingest(recovered, occurrence=False)).status == "updated"
    assert await IncidentStep(other, WINDOW).sweep("acme")  # the other worker's sweep
    await IncidentStep(store, WINDOW).place("acme", [after])
    assert await incident_of(store, after) != await incident_of(store, alert)
    assert [i.status for i in await store.list_incidents("acme")] == ["open", "closed"]


async def test_an_item_another_worker_placed_is_not_placed_again_batches_later(
    store: Store, other: Store
) -> None:
    """A worker holds an item read before another worker placed it (an entry reclaimed
    meanwhile); its copy is filled again by a batch in between, after that write."""
    first, taken, between = await stored(
        store, item(0), item(1, source="sentry"), item(2, source="splunk")
    )
    step = IncidentStep(store, WINDOW)
    await step.place("acme", [first])
    await IncidentStep(other, WINDOW).place("acme", [taken])
    await step.place("acme", [between])
    assert taken.incident_id is None  # as this worker read it, before the other placed it
    await step.place("acme", [taken])
    (incident,) = await store.list_incidents("acme")
    whole = await store.get_incident("acme", incident.id)
    assert whole is not None
    assert whole.item_ids == [first.id, taken.id, between.id] and whole.item_count == 3


async def test_a_rule_that_fails_part_way_leaves_nothing_behind(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The worker's step logs a bug in the rule and places nothing; the records the rule had
    changed in place before it failed are not taken for the stored ones by the next batch."""
    one, failed, after = await stored(
        store, item(0), item(1, source="sentry"), item(2, source="splunk")
    )
    step = IncidentStep(store, WINDOW)
    await step.place("acme", [one])

    def broken(*args: object) -> None:
        raise RuntimeError("a bug after the item was added")

    with monkeypatch.context() as patch:
        patch.setattr(rule._Index, "add_item", broken)
        work = step.work("acme", [failed], guarded=True)
        assert work is not None
        cluster = Cluster(id="c1", project_id="acme", title="boom")
        rows = [(failed.id, "c1", {"method": "new"})]
        await store.add_to_clusters("acme", [(cluster, [ClusterMember.of(failed)])], rows, (), work)
    (failed,) = await store.get_items("acme", [failed.id])
    assert failed.cluster_id == "c1" and failed.incident_id is None
    await step.place("acme", [after])
    (incident,) = await store.list_incidents("acme")
    whole = await store.get_incident("acme", incident.id)
    assert whole is not None
    assert whole.item_ids == [one.id, after.id] and whole.item_count == 2
    assert whole.cluster_ids == []


async def test_an_incident_split_by_hand_is_still_joined_by_what_its_links_hold(
    store: Store,
) -> None:
    """A split works out the incident's record again from its items as they are now, while
    its keys keep what each item was linked by (here a cluster the item no longer names): a
    batch after it finds the incident by that key, as a fresh read does."""
    first, second, other, later = await stored(
        store,
        item(0),
        item(1, source="sentry"),
        item(2, service="search"),
        item(3, source="splunk", service=None, environment=None),
    )
    step = IncidentStep(store, WINDOW)
    await step.place("acme", [first], {first.id: "c-old"})  # linked by its cluster then
    await step.place("acme", [second])
    source = await incident_of(store, first)
    await manual.split(store, "acme", source, [second.id])
    # Its record names no cluster now (the item's own cluster is not c-old); its key does.
    record = await store.get_incident("acme", source)
    assert record is not None and record.cluster_ids == []
    await step.place("acme", [other])  # a batch in between: the copy is filled again
    await step.place("acme", [later], {later.id: "c-old"})
    assert await incident_of(store, later) == source
