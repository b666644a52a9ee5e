"""Incidents in both stores: one atomic step per batch, ids on items and clusters, replays and
concurrent writers that change nothing twice."""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta

import anyio
import pytest

from soulcaster_core.incidents import manual
from soulcaster_core.incidents.model import Incident
from soulcaster_core.incidents.step import IncidentStep
from soulcaster_core.models import Cluster, Project
from soulcaster_core.store.port import ClusterMember, Store
from soulcaster_core.store.redis import RedisStore, incident_keys
from soulcaster_core.store.sqlite import SQLiteStore

from .items import at, item

pytestmark = pytest.mark.anyio
WINDOW = timedelta(minutes=30)


async def stored(store: Store, *items_: object) -> list:  # type: ignore[type-arg]
    await store.create_project(Project(id="acme", name="Acme"))
    ids = [(await store.ingest(one)).id for one in items_]  # type: ignore[arg-type]
    return await store.get_items("acme", ids)


async def whole_one(store: Store) -> Incident:
    """The project's one incident, with its links (a listing gives records only)."""
    (listed,) = await store.list_incidents("acme")
    assert listed.links == []
    incident = await store.get_incident("acme", listed.id)
    assert incident is not None and incident.item_count == len(incident.links)
    return incident


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
    incident = await whole_one(store)
    assert incident.item_ids == [one.id, two.id] and incident.item_count == 2


async def test_two_workers_placing_at_once_both_keep_their_items(store: Store) -> None:
    one, two = await stored(store, item(0), item(1, source="sentry"))
    step = IncidentStep(store, WINDOW)
    async with anyio.create_task_group() as tasks:
        tasks.start_soon(step.place, "acme", [one])
        tasks.start_soon(step.place, "acme", [two])
    incident = await whole_one(store)
    assert sorted(incident.item_ids) == sorted([one.id, two.id])


async def test_a_batch_whose_read_another_writer_overtook_is_placed_on_a_fresh_one(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Redis writes a batch's step only over the version of the incidents it read: another
    step written in between (here, once, right after the read) makes it read and decide again,
    its clusters' writes in already and counted once."""
    if not isinstance(store, RedisStore):
        pytest.skip("SQLite's step is one write transaction: no writer comes in between")
    opener, error = await stored(
        store, item(0), item(2, source="sentry", title="KeyError: coupon", exception="KeyError")
    )
    step = IncidentStep(store, WINDOW)
    read = incident_keys.read_batch
    overtaken: list[int] = []

    async def read_then_overtaken(*args: object, **kwargs: object) -> object:
        found = await read(*args, **kwargs)  # type: ignore[arg-type]
        if not overtaken:
            overtaken.append(1)
            await step.place("acme", [opener])  # the other writer, between read and write
        return found

    monkeypatch.setattr(incident_keys, "read_batch", read_then_overtaken)
    cluster = Cluster(id="c1", project_id="acme", title="KeyError: coupon")
    work = step.work("acme", [error], {error.id: "c1"})
    assert work is not None
    rows = [(error.id, "c1", {"method": "new"})]
    await store.add_to_clusters("acme", [(cluster, [ClusterMember.of(error)])], rows, (), work)

    incident = await whole_one(store)  # one incident: the error joined the opener's
    assert incident.item_ids == [opener.id, error.id] and incident.cluster_ids == ["c1"]
    assert [link.by for link in incident.links] == ["opened", "service"]
    made = await store.get_cluster("acme", "c1")
    assert made is not None and made.item_count == 1 and made.incident_id == incident.id


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


async def test_a_clustering_batch_places_its_items_in_the_same_atomic_step(store: Store) -> None:
    monitor, error = await stored(
        store,
        item(0, status="triggered"),
        item(2, source="sentry", title="KeyError: coupon", exception="KeyError"),
    )
    cluster = Cluster(id="c1", project_id="acme", title="KeyError: coupon")
    work = IncidentStep(store, WINDOW).work("acme", [monitor, error], {error.id: "c1"})
    assert work is not None
    rows = [(error.id, "c1", {"method": "new"})]
    await store.add_to_clusters("acme", [(cluster, [ClusterMember.of(error)])], rows, (), work)

    monitor, error = await store.get_items("acme", [monitor.id, error.id])
    assert error.cluster_id == "c1"
    assert monitor.incident_id is not None and error.incident_id == monitor.incident_id
    made = await store.get_cluster("acme", "c1")  # made by the same step, then linked
    assert made is not None and made.incident_id == monitor.incident_id
    incident = await whole_one(store)
    assert incident.item_ids == [monitor.id, error.id]
    # A replay of the batch (a crashed worker's) finds its items placed.
    again = IncidentStep(store, WINDOW).work("acme", [monitor, error], {error.id: "c1"})
    assert again is None
    assert (await whole_one(store)).item_count == 2


async def test_an_incident_holds_its_items_in_order_however_many_batches_added_them(
    store: Store,
) -> None:
    items_ = await stored(store, *(item(n, source="sentry", title=f"E{n}") for n in range(12)))
    step = IncidentStep(store, WINDOW)
    for one in items_:  # one batch each, as the worker sees a trickle
        await step.place("acme", [one])
    incident = await whole_one(store)
    assert incident.item_ids == [one.id for one in items_]
    assert [link.by for link in incident.links] == ["opened"] + ["service"] * 11
    (listed,) = await store.list_incidents("acme")
    assert listed.item_count == 12 and listed.links == []  # a listing reads the records only


async def test_an_item_joins_by_the_first_item_that_shares_its_value(store: Store) -> None:
    """A key keeps the item that first held its value: later items of the incident holding it
    write it no more (fewer keys written per item)."""
    first, second, third = await stored(
        store,
        item(0, trace_id="t1"),
        item(1, source="sentry", service="payments", trace_id="t1"),
        item(2, source="splunk", service="search", trace_id="t1"),
    )
    step = IncidentStep(store, WINDOW)
    for one in (first, second, third):
        await step.place("acme", [one])
    incident = await whole_one(store)
    links = {link.item_id: link for link in incident.links}
    assert (links[second.id].by, links[second.id].with_item) == ("trace", first.id)
    assert (links[third.id].by, links[third.id].with_item) == ("trace", first.id)


async def test_an_incident_stored_with_its_links_inline_is_still_joined_after_an_upgrade(
    store: Store,
) -> None:
    """Records of the version before links were kept apart held them all: the store moves
    them out when it opens, so a new item finds the incident by key."""
    first, later = await stored(store, item(0), item(5, source="sentry"))
    await IncidentStep(store, WINDOW).place("acme", [first])
    incident = await whole_one(store)
    old = incident.model_dump_json(exclude_none=True, exclude={"item_count"})
    assert '"links"' in old
    if isinstance(store, SQLiteStore):
        with sqlite3.connect(store.path) as conn:  # as schema version 5 left it
            conn.execute("UPDATE incidents SET data = ?", (old,))
            conn.execute("DELETE FROM incident_links")
            conn.execute("DELETE FROM incident_keys")
            conn.execute("PRAGMA user_version = 5")
        await store.close()
    else:
        assert isinstance(store, RedisStore)
        names = store._incident_keys("acme")
        await store.redis.hset(names.records, incident.id, old)
        await store.redis.delete(names.links(incident.id), names.key("service\x1fcheckout"))
    await store.open()

    await IncidentStep(store, WINDOW).place("acme", [later])
    again = await whole_one(store)
    assert again.id == incident.id and again.item_ids == [first.id, later.id]


async def test_texts_of_any_script_are_stored_as_they_came(store: Store) -> None:
    """A record, its links and its keys reach the store through a script on Redis (as JSON
    within JSON): titles, services and traces outside ASCII come back the same."""
    title = 'Zahlung fehlgeschlagen: größer als 5 % ✗ 🔥 "quoted"\n\\'
    first, later = await stored(
        store,
        item(0, title=title, service="café-api", trace_id="τ-1"),
        item(3, source="sentry", title="KeyError: ключ", service="café-api", trace_id="τ-1"),
    )
    await IncidentStep(store, WINDOW).place("acme", [first])
    await IncidentStep(store, WINDOW).place("acme", [later])
    incident = await whole_one(store)
    assert incident.title == f"café-api: {first.title}" and '🔥 "quoted"' in first.title
    assert incident.entities["service"] == ["café-api"]
    assert [(link.by, link.value, link.with_item) for link in incident.links] == [
        ("opened", None, None),
        ("trace", "τ-1", first.id),
    ]


async def test_an_sqlite_file_with_the_items_incidents_in_a_table_keeps_them(
    store: Store,
) -> None:
    """Schema version 6 kept each item's incident in a table of its own, links by a sequence
    and keys with an index by incident: after the upgrade the items have their incidents, and
    the incidents their links in order and their keys."""
    if not isinstance(store, SQLiteStore):
        pytest.skip("a schema of SQLite's")
    first, second, later = await stored(
        store, item(0), item(2, source="sentry"), item(4, source="splunk")
    )
    await IncidentStep(store, WINDOW).place("acme", [first])
    await IncidentStep(store, WINDOW).place("acme", [second])
    incident = await whole_one(store)
    with sqlite3.connect(store.path) as conn:  # as schema version 6 left it
        conn.execute(
            "CREATE TABLE item_incidents (project TEXT, item_id TEXT,"
            " incident_id TEXT NOT NULL, PRIMARY KEY (project, item_id))"
        )
        conn.execute(
            "INSERT INTO item_incidents SELECT project, id, incident_id FROM items"
            " WHERE incident_id IS NOT NULL"
        )
        conn.execute("ALTER TABLE items DROP COLUMN incident_id")
        conn.execute("ALTER TABLE incident_links RENAME TO links_now")
        conn.execute(
            "CREATE TABLE incident_links (seq INTEGER PRIMARY KEY AUTOINCREMENT,"
            " project TEXT NOT NULL, incident_id TEXT NOT NULL, data TEXT NOT NULL)"
        )
        # Sequence numbers that are not the links' places: only their order counts.
        conn.execute(
            "INSERT INTO incident_links SELECT 10 * n + 7, project, incident_id, data"
            " FROM links_now"
        )
        conn.execute("DROP TABLE links_now")
        conn.execute("ALTER TABLE incident_keys RENAME TO keys_now")
        conn.execute(
            "CREATE TABLE incident_keys (project TEXT NOT NULL, key TEXT NOT NULL,"
            " incident_id TEXT NOT NULL, data TEXT NOT NULL,"
            " PRIMARY KEY (project, key, incident_id))"
        )
        # Keys as version 6 wrote them: whole links.
        links = {link.item_id: link for link in incident.links}
        for key, incident_id, data in conn.execute("SELECT key, incident_id, data FROM keys_now"):
            whole = {
                place: links[held[0]].model_dump(mode="json", exclude_none=True)
                for place, held in json.loads(data).items()
            }
            conn.execute(
                "INSERT INTO incident_keys VALUES ('acme', ?, ?, ?)",
                (key, incident_id, json.dumps(whole)),
            )
        conn.execute("DROP TABLE keys_now")
        conn.execute("PRAGMA user_version = 6")
    await store.close()
    await store.open()

    assert [i.incident_id for i in await store.get_items("acme", [first.id, second.id])] == [
        incident.id,
        incident.id,
    ]
    await IncidentStep(store, WINDOW).place("acme", [later])
    again = await whole_one(store)
    assert again.item_ids == [first.id, second.id, later.id]
    # The new item joined by the item that first held its service, read from a key of
    # version 6.
    assert (again.links[-1].by, again.links[-1].with_item) == ("service", first.id)


@pytest.mark.parametrize("count", [1, 0, 7])
async def test_an_sqlite_record_whose_count_its_links_do_not_match_still_takes_items(
    store: Store, count: int
) -> None:
    """SQLite numbers a batch's links from the record's ``item_count``, without reading the
    links stored: a record that counts too few (a link stored at that number already) gets
    the link after its last one, and one that counts too many leaves a gap, in order both."""
    if not isinstance(store, SQLiteStore):
        pytest.skip("a schema of SQLite's")
    first, second, later, last = await stored(
        store, item(0), item(2, source="sentry"), item(4, source="splunk"), item(6)
    )
    step = IncidentStep(store, WINDOW)
    await step.place("acme", [first])
    await step.place("acme", [second])
    with sqlite3.connect(store.path) as conn:  # another connection: the store reads it anew
        conn.execute("UPDATE incidents SET data = json_set(data, '$.item_count', ?)", (count,))
    await step.place("acme", [later])
    await step.place("acme", [last])
    (listed,) = await store.list_incidents("acme")
    incident = await store.get_incident("acme", listed.id)
    assert incident is not None
    assert incident.item_ids == [first.id, second.id, later.id, last.id]
    assert incident.item_count == count + 2
    with sqlite3.connect(store.path) as conn:
        numbers = [n for (n,) in conn.execute("SELECT n FROM incident_links ORDER BY n")]
    assert numbers == sorted(set(numbers)) and len(numbers) == 4


async def test_merged_and_split_incidents_keep_their_items_and_take_the_next_ones(
    store: Store,
) -> None:
    checkout, search, later = await stored(
        store,
        item(0),
        item(1, service="search", title="[P2] Triggered: search latency"),
        item(9, source="sentry", service="search", title="TimeoutError", exception="Timeout"),
    )
    step = IncidentStep(store, WINDOW)
    await step.place("acme", [checkout])
    await step.place("acme", [search])
    one, two = (await store.get_items("acme", [checkout.id, search.id]))[:2]
    assert one.incident_id and two.incident_id and one.incident_id != two.incident_id

    merged = await manual.merge(store, "acme", two.incident_id, one.incident_id)
    assert merged.item_ids == [checkout.id, search.id] and merged.item_count == 2
    # The merged incident now holds search's keys: its next error joins it, not a new one.
    await step.place("acme", [later])
    assert (await store.get_item("acme", later.id)).incident_id == one.incident_id  # type: ignore[union-attr]

    new = await manual.split(store, "acme", one.incident_id, [search.id, later.id])
    kept = await store.get_incident("acme", one.incident_id)
    assert kept is not None and kept.item_ids == [checkout.id] and kept.item_count == 1
    assert new.item_ids == [search.id, later.id] and new.item_count == 2
    again = item(12, source="splunk", service="search", title="search errors")
    await store.ingest(again)
    await step.place("acme", await store.get_items("acme", [again.id]))
    assert (await store.get_item("acme", again.id)).incident_id == new.id  # type: ignore[union-attr]


async def test_a_host_named_in_one_batch_links_an_error_of_a_later_one(store: Store) -> None:
    """The host keys are stored and read as the others: a fresh step (no copy) and the same
    step's copy both find the database's incident for the error that cannot reach it."""
    from soulcaster_core.stacktrace import ExceptionInfo

    database = item(0, service=None, title="[P2] Postgres down", tags={"db": "pg-main"})
    api = item(2, source="sentry", service="dispatch", title="OperationalError")
    api.exceptions = [ExceptionInfo(type="OperationalError", value='server at "pg-main.internal"')]
    worker = item(3, source="sentry", service="labels", title="OperationalError: worker")
    worker.exceptions = [ExceptionInfo(type="OperationalError", value="host='pg-main' refused")]
    database, api, worker = await stored(store, database, api, worker)
    step = IncidentStep(store, WINDOW)
    await step.place("acme", [database])
    await IncidentStep(store, WINDOW).place("acme", [api])
    await step.place("acme", [worker])
    incident = await whole_one(store)
    assert incident.item_ids == [database.id, api.id, worker.id]
    assert [(link.by, link.value) for link in incident.links[1:]] == [
        ("host", "pg-main"),
        ("host", "pg-main"),
    ]


async def test_a_dependencys_alert_firing_again_opens_its_closed_incident(store: Store) -> None:
    def alert(minutes: float, external_id: str, status: str = "triggered") -> object:
        return item(
            minutes,
            title="[P2] [Triggered on {queue:webhooks.outbound}] RabbitMQ queue backing up",
            service=None,
            tags={"queue": "webhooks.outbound"},
            status=status,
            level=None if status == "recovered" else "error",
            external_id=external_id,
        )

    first, other = await stored(store, alert(0, "m1"), item(20, service="search"))
    step = IncidentStep(store, WINDOW)
    await step.place("acme", [first], {first.id: "c1"})
    assert (await store.ingest(alert(0, "m1", "recovered"), occurrence=False)).status == "updated"
    await step.sweep("acme")
    await step.place("acme", [other])  # the store's copy goes on, without the closed one
    (again,) = await stored(store, alert(47, "m2"))
    await step.place("acme", [again], {again.id: "c1"})

    first, again = await store.get_items("acme", [first.id, again.id])
    assert again.incident_id == first.incident_id is not None
    incident = await store.get_incident("acme", first.incident_id)
    assert incident is not None and (incident.status, incident.firing) == ("open", [again.id])
    assert [(link.by, link.value) for link in incident.links] == [
        ("opened", None),
        ("cluster", "c1"),
    ]
    assert [event.action for event in incident.history] == ["reopened"]
    assert first.incident_id in {i.id for i in await store.list_incidents("acme", open_only=True)}


async def test_an_issue_resolved_joins_the_closed_incident_of_its_errors(store: Store) -> None:
    def monitor(status: str) -> object:
        return item(2, status=status, service="lessons", external_id="m1")

    error, alert = await stored(
        store,
        item(0, source="sentry", title="NoMethodError", service="lessons"),
        monitor("triggered"),
    )
    step = IncidentStep(store, WINDOW)
    await step.place("acme", [error, alert], {error.id: "c1", alert.id: "c2"})
    assert (await store.ingest(monitor("recovered"), occurrence=False)).status == "updated"
    await step.sweep("acme")
    assert (await whole_one(store)).status == "closed"
    (resolved,) = await stored(
        store,
        item(
            20,
            source="sentry",
            title="NoMethodError: undefined method `strftime' for nil",
            service="lessons",
            status="resolved",
        ),
    )
    await step.place("acme", [resolved], {resolved.id: "c1"})

    error, resolved = await store.get_items("acme", [error.id, resolved.id])
    assert resolved.incident_id == error.incident_id is not None
    incident = await whole_one(store)
    assert (incident.status, incident.item_count) == ("closed", 3)
    assert [(link.by, link.value) for link in incident.links][-1] == ("cluster", "c1")
