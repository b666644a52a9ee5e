"""Incidents in both stores: one atomic step per batch, ids on items and clusters, replays and
concurrent writers that change nothing twice."""

from __future__ import annotations

from datetime import timedelta

import anyio
import pytest

from soulcaster_core.incidents.step import IncidentStep
from soulcaster_core.models import Cluster, Project
from soulcaster_core.store.port import Store

from .items import at, item

pytestmark = pytest.mark.anyio
WINDOW = timedelta(minutes=30)


async def stored(store: Store, *items_: object) -> list:  # type: ignore[type-arg]
    await store.create_project(Project(id="acme", name="Acme"))
    ids = [(await store.ingest(one)).id for one in items_]  # type: ignore[arg-type]
    return await store.get_items("acme", ids)


async def test_a_batch_is_placed_and_items_and_clusters_carry_the_incident(store: Store) -> None:
    monitor, error, other = await stored(
        store,
        item(0, status="triggered"),
        item(2, source="sentry", title="KeyError: coupon", exception="KeyError"),
        item(1, service="search", title="[P2] Triggered: search latency"),
    )
    await store.save_clusters([Cluster(id="c1", project_id="acme", title="KeyError: coupon")])
    await IncidentStep(store, WINDOW).place("acme", [monitor, error, other], {error.id: "c1"})

    monitor, error, other = await store.get_items("acme", [monitor.id, error.id, other.id])
    assert monitor.incident_id is not None and monitor.incident_id == error.incident_id
    assert other.incident_id not in (None, monitor.incident_id)
    cluster = await store.get_cluster("acme", "c1")
    assert cluster is not None and cluster.incident_id == monitor.incident_id

    incident = await store.get_incident("acme", monitor.incident_id)
    assert incident is not None
    assert incident.item_ids == [monitor.id, error.id] and incident.cluster_ids == ["c1"]
    assert incident.firing == [monitor.id]
    listed = await store.list_incidents("acme")
    assert [i.id for i in listed] == [monitor.incident_id, other.incident_id]  # seen last first
    assert len(await store.list_incidents("acme", open_only=True)) == 2


async def test_a_replayed_batch_places_nothing_twice(store: Store) -> None:
    one, two = await stored(store, item(0), item(1, source="sentry"))
    step = IncidentStep(store, WINDOW)
    await step.place("acme", [one, two])
    # The same batch again, as read before the first run wrote (a crashed worker's entries).
    assert not await step.place("acme", [one, two])
    again = await store.get_items("acme", [one.id, two.id])
    assert not await step.place("acme", again)
    (incident,) = await store.list_incidents("acme")
    assert incident.item_ids == [one.id, two.id]


async def test_two_workers_placing_at_once_both_keep_their_items(store: Store) -> None:
    one, two = await stored(store, item(0), item(1, source="sentry"))
    step = IncidentStep(store, WINDOW)
    async with anyio.create_task_group() as tasks:
        tasks.start_soon(step.place, "acme", [one])
        tasks.start_soon(step.place, "acme", [two])
    (incident,) = await store.list_incidents("acme")
    assert sorted(incident.item_ids) == sorted([one.id, two.id])


async def test_items_that_do_not_exist_get_no_incident(store: Store) -> None:
    (one,) = await stored(store, item(0))
    ghost = item(1, source="sentry")  # never stored
    await IncidentStep(store, WINDOW).place("acme", [one, ghost])
    assert await store.get_items("acme", [ghost.id]) == []
    assert (await store.get_item("acme", one.id)).incident_id is not None  # type: ignore[union-attr]


async def test_the_sweep_closes_an_incident_once_its_alerts_recovered(store: Store) -> None:
    (alert,) = await stored(store, item(0, status="triggered", external_id="m1"))
    step = IncidentStep(store, WINDOW)
    await step.place("acme", [alert])
    assert not await step.sweep("acme")  # still firing
    recovered = item(0, status="recovered", level=None, external_id="m1")
    assert (await store.ingest(recovered, occurrence=False)).status == "updated"
    changes = await step.sweep("acme")
    (incident,) = changes.incidents
    assert (incident.status, incident.closed_by) == ("closed", "recovered")
    assert await store.list_incidents("acme", open_only=True) == []


async def test_the_periodic_sweep_closes_quiet_incidents_by_the_clock(store: Store) -> None:
    (error,) = await stored(store, item(0, source="sentry", exception="KeyError"))
    step = IncidentStep(store, WINDOW)
    await step.place("acme", [error])
    assert not await step.sweep("acme", now=at(29))
    (incident,) = (await step.sweep("acme", now=at(31))).incidents
    assert (incident.closed_by, incident.closed_at) == ("quiet", at(30))


async def test_projects_keep_their_incidents_apart(store: Store) -> None:
    await store.create_project(Project(id="other", name="Other"))
    (mine,) = await stored(store, item(0))
    theirs = item(0, project_id="other")
    await store.ingest(theirs)
    step = IncidentStep(store, WINDOW)
    await step.place("acme", [mine])
    await step.place("other", await store.get_items("other", [theirs.id]))
    assert len(await store.list_incidents("acme")) == len(await store.list_incidents("other")) == 1
    incident_id = (await store.get_item("acme", mine.id)).incident_id  # type: ignore[union-attr]
    assert await store.get_incident("other", incident_id or "") is None
