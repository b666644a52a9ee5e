"""The Store contract (``soulcaster_core/store/base.py``), run against every adapter.

Each test gets the ``store`` fixture once per adapter (ids ``sqlite`` and ``redis``, see
``tests/conftest.py``): the same behaviour is asked of the embedded default and of production.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import anyio
import pytest

from soulcaster_core.errors import BadRequest
from soulcaster_core.models import Cluster, DeadLetter, FeedbackItem, Project, QueueEntry
from soulcaster_core.store.base import ClusterMember, Store

pytestmark = pytest.mark.anyio

T0 = datetime(2024, 5, 1, 12, 0, 0, 123456, tzinfo=UTC)


def make_item(
    external_id: str = "evt-1",
    *,
    project_id: str = "acme",
    source: str = "sentry",
    at: datetime | None = None,
    **fields: Any,
) -> FeedbackItem:
    """An item as a handler would map it; ``at`` sets created and received time."""
    when = at or datetime.now(UTC)
    fields.setdefault("title", f"TypeError in checkout ({external_id})")
    return FeedbackItem(
        project_id=project_id,
        source=source,
        external_id=external_id,
        created_at=when,
        received_at=when,
        **fields,
    )


async def ingest_new(store: Store, item: FeedbackItem) -> FeedbackItem:
    result = await store.ingest(item)
    assert result.status == "created"
    saved = await store.get_item(item.project_id, result.id)
    assert saved is not None
    return saved


async def all_pages(
    store: Store, project_id: str, limit: int, **filters: Any
) -> list[list[FeedbackItem]]:
    """Every page of ``list_items``, following the cursor until it is ``None``."""
    pages: list[list[FeedbackItem]] = []
    cursor: str | None = None
    while True:
        page, cursor = await store.list_items(project_id, limit=limit, cursor=cursor, **filters)
        pages.append(page)
        if cursor is None:
            return pages
        assert len(pages) < 100, "the cursor never reaches the end"


# -- life cycle and projects ------------------------------------------------------------------


async def test_ping_answers(store: Store) -> None:
    await store.ping()


async def test_a_project_is_created_once_and_the_first_is_kept(store: Store) -> None:
    first = Project(id="acme", name="Acme web")
    assert await store.create_project(first) is True
    assert await store.create_project(Project(id="acme", name="Impostor")) is False
    assert await store.get_project("acme") == first
    assert await store.get_project("nobody") is None


async def test_projects_are_listed_by_id(store: Store) -> None:
    for project_id in ("zeta", "acme", "mid"):
        await store.create_project(Project(id=project_id, name=project_id.title()))
    assert [p.id for p in await store.list_projects()] == ["acme", "mid", "zeta"]


# -- config ---------------------------------------------------------------------------------


async def test_config_values_round_trip_as_json(store: Store) -> None:
    values = {
        "webhook_secret": "s3cret",
        "monitors": [123, "web-*", 4.5],
        "mapping": {"severity": {"P1": "critical"}, "tags": ["a", None]},
        "enabled": False,
        "verify": True,
        "limit": 0,
        "greeting": "שלום 👋",
    }
    await store.set_config("acme", "datadog", values)
    got = await store.get_config("acme", "datadog", [*values, "never_set"])
    assert got == values
    assert type(got["enabled"]) is bool and type(got["limit"]) is int


async def test_config_returns_only_the_fields_asked_for(store: Store) -> None:
    await store.set_config("acme", "datadog", {"a": 1, "b": 2})
    assert await store.get_config("acme", "datadog", ["b"]) == {"b": 2}
    assert await store.get_config("acme", "datadog", []) == {}


async def test_config_none_deletes_a_field_and_keeps_the_others(store: Store) -> None:
    await store.set_config("acme", "datadog", {"secret": "x", "monitors": [1]})
    await store.set_config("acme", "datadog", {"secret": None, "monitors": [2]})
    assert await store.get_config("acme", "datadog", ["secret", "monitors"]) == {"monitors": [2]}


async def test_config_is_per_project_and_source(store: Store) -> None:
    await store.set_config("acme", "datadog", {"secret": "acme-dd"})
    await store.set_config("acme", "sentry", {"secret": "acme-sentry"})
    await store.set_config("globex", "datadog", {"secret": "globex-dd"})
    assert await store.get_config("acme", "datadog", ["secret"]) == {"secret": "acme-dd"}
    assert await store.get_config("acme", "sentry", ["secret"]) == {"secret": "acme-sentry"}
    assert await store.get_config("globex", "datadog", ["secret"]) == {"secret": "globex-dd"}
    assert await store.get_config("globex", "sentry", ["secret"]) == {}


# -- ingest: created, duplicate, updated --------------------------------------------------------


async def test_a_new_key_is_created_and_reads_back_whole(store: Store) -> None:
    item = make_item(
        at=T0,
        body="Traceback (most recent call last):\n  ...",
        raw_text="raw",
        metadata={"level": "error", "tags": {"env": "prod"}, "count": 3},
    )
    result = await store.ingest(item)
    assert (result.status, result.id) == ("created", item.id)
    saved = await store.get_item("acme", item.id)
    assert saved == item
    assert (saved.occurrences, saved.first_seen, saved.last_seen) == (1, T0, T0)


async def test_unknown_items_are_none(store: Store) -> None:
    item = await ingest_new(store, make_item())
    assert await store.get_item("acme", "no-such-id") is None
    assert await store.get_item("globex", item.id) is None, "items belong to their project"


async def test_a_known_key_is_a_duplicate_occurrence(store: Store) -> None:
    first = await ingest_new(store, make_item(at=T0, title="first title"))
    later = T0 + timedelta(minutes=5)
    result = await store.ingest(make_item(at=later, title="second title"))
    assert (result.status, result.id) == ("duplicate", first.id)
    saved = await store.get_item("acme", first.id)
    assert saved is not None
    assert (saved.occurrences, saved.first_seen, saved.last_seen) == (2, T0, later)
    assert saved.title == "first title", "a duplicate changes counts, not content"


async def test_last_seen_never_goes_backwards(store: Store) -> None:
    first = await ingest_new(store, make_item(at=T0))
    # A retried, older delivery arrives late: it still counts, but time does not run back.
    result = await store.ingest(make_item(at=T0 - timedelta(hours=1)))
    assert result.status == "duplicate"
    saved = await store.get_item("acme", first.id)
    assert saved is not None
    assert (saved.occurrences, saved.last_seen) == (2, T0)


async def test_a_status_change_updates_status_only(store: Store) -> None:
    first = await ingest_new(
        store, make_item(at=T0, body="original", metadata={"status": "open", "level": "error"})
    )
    change = make_item(
        at=T0 + timedelta(hours=1),
        title="changed",
        body="changed",
        metadata={"status": "resolved", "level": "info"},
    )
    result = await store.ingest(change, occurrence=False)
    assert (result.status, result.id) == ("updated", first.id)
    saved = await store.get_item("acme", first.id)
    assert saved is not None
    assert saved.metadata == {"status": "resolved", "level": "error"}
    assert (saved.occurrences, saved.last_seen) == (1, T0)
    assert (saved.title, saved.body) == (first.title, "original")


async def test_a_duplicate_replaces_the_status_when_it_has_one(store: Store) -> None:
    first = await ingest_new(store, make_item(at=T0, metadata={"status": "open"}))
    await store.ingest(make_item(at=T0, metadata={"status": "resolved"}))
    saved = await store.get_item("acme", first.id)
    assert saved is not None and saved.metadata["status"] == "resolved"
    await store.ingest(make_item(at=T0, metadata={"level": "warning"}))
    saved = await store.get_item("acme", first.id)
    assert saved is not None
    assert saved.metadata["status"] == "resolved", "no status given: the stored one stays"
    assert saved.metadata["level"] == "warning", "a key the item lacked is added"
    assert saved.occurrences == 3


async def test_an_update_of_an_unknown_key_creates_it(store: Store) -> None:
    item = make_item(metadata={"status": "resolved"})
    result = await store.ingest(item, occurrence=False)
    assert (result.status, result.id) == ("created", item.id)


async def test_a_replayed_delivery_is_answered_but_not_counted(store: Store) -> None:
    first = make_item(at=T0)
    assert (await store.ingest(first, delivery_id="req-1")).status == "created"
    # The sender retries the very same delivery, and once more as if it were another item.
    for replay in (make_item(at=T0 + timedelta(seconds=1)), make_item("evt-other")):
        result = await store.ingest(replay, delivery_id="req-1")
        assert (result.status, result.id) == ("duplicate", first.id)
    saved = await store.get_item("acme", first.id)
    assert saved is not None
    assert (saved.occurrences, saved.last_seen) == (1, T0)
    items, _ = await store.list_items("acme")
    assert [i.id for i in items] == [first.id], "a replay writes nothing"
    # Another delivery of the same key is a real occurrence, and its replay is not.
    for _ in range(2):
        result = await store.ingest(make_item(at=T0), delivery_id="req-2")
        assert (result.status, result.id) == ("duplicate", first.id)
    saved = await store.get_item("acme", first.id)
    assert saved is not None and saved.occurrences == 2
    counts = await store.event_counts("acme", datetime.now(UTC))
    assert counts == {"sentry": {"created": 1, "duplicate": 1}}


async def test_delivery_ids_are_per_project_and_source(store: Store) -> None:
    first = make_item(source="sentry")
    other_source = make_item(source="datadog")
    other_project = make_item(project_id="globex")
    for item in (first, other_source, other_project):
        result = await store.ingest(item, delivery_id="req-1")
        assert (result.status, result.id) == ("created", item.id)


async def test_the_dedup_key_is_project_source_and_external_id(store: Store) -> None:
    ids = set()
    for item in (
        make_item("evt-1"),
        make_item("evt-1", source="datadog"),
        make_item("evt-1", project_id="globex"),
        make_item("evt-2"),
    ):
        result = await store.ingest(item)
        assert (result.status, result.id) == ("created", item.id)
        saved = await store.get_item(item.project_id, item.id)
        assert saved is not None
        assert (saved.source, saved.external_id) == (item.source, item.external_id)
        ids.add(result.id)
    assert len(ids) == 4


async def test_fifty_concurrent_deliveries_make_one_item(store: Store) -> None:
    await store.create_project(Project(id="acme", name="Acme"))
    copies = [make_item("storm-1", at=T0 + timedelta(milliseconds=n)) for n in range(50)]
    results = await asyncio.gather(*(store.ingest(copy) for copy in copies))
    created = [r for r in results if r.status == "created"]
    assert len(created) == 1
    assert {r.status for r in results} == {"created", "duplicate"}
    assert {r.id for r in results} == {created[0].id}
    saved = await store.get_item("acme", created[0].id)
    assert saved is not None
    assert (saved.occurrences, saved.last_seen) == (50, T0 + timedelta(milliseconds=49))
    items, _ = await store.list_items("acme")
    assert [i.id for i in items] == [created[0].id]
    assert await store.queue_depth() == 1
    counts = await store.event_counts("acme", datetime.now(UTC))
    assert counts == {"sentry": {"created": 1, "duplicate": 49}}


ODD_EXTERNAL_IDS = [
    "issue:42:event:7",
    "{acme}",
    "}{",
    "dedup:{acme}:sentry:evt-1",
    "🚀:{}:שלום",
    "a b\tc\nd",
    "x" * 512,
]


@pytest.mark.parametrize("external_id", ODD_EXTERNAL_IDS, ids=range(len(ODD_EXTERNAL_IDS)))
async def test_odd_external_ids_round_trip_and_dedup(store: Store, external_id: str) -> None:
    first = await ingest_new(store, make_item(external_id))
    assert first.external_id == external_id
    result = await store.ingest(make_item(external_id))
    assert (result.status, result.id) == ("duplicate", first.id)
    # A neighbour whose id is a prefix or a variant is another item.
    assert (await store.ingest(make_item(external_id[:-1] or "z"))).status == "created"


async def test_unicode_text_round_trips(store: Store) -> None:
    item = make_item(
        title="💥 Paiement refusé — הזמנה נכשלה — فشل الدفع",
        body="שגיאה בשורה 3\nخطأ في السطر ٣\n🔥🔥 \u200f(RLM) \U0001d54c\U0001f9ea \u0000 nul",
        raw_text="ünïcødé",
        metadata={"user": "José 🇧🇷", "عربي": ["ok"]},
    )
    saved = await ingest_new(store, item)
    assert saved == item
    found, _ = await store.list_items("acme", query="הזמנה")
    assert [i.id for i in found] == [item.id]


async def test_the_created_item_is_queued_exactly_once(store: Store) -> None:
    await store.create_project(Project(id="acme", name="Acme"))
    item = await ingest_new(store, make_item())
    for _ in range(3):
        await store.ingest(make_item())
    await store.ingest(make_item(metadata={"status": "resolved"}), occurrence=False)
    await store.ingest(make_item(), delivery_id="d-1")
    await store.ingest(make_item(), delivery_id="d-1")
    assert await store.queue_depth() == 1
    [entry] = await store.claim("worker-1", 10)
    assert (entry.project_id, entry.item_id) == ("acme", item.id)
    assert await store.claim("worker-1", 10) == []


# -- listing --------------------------------------------------------------------------------


async def test_items_are_listed_newest_first(store: Store) -> None:
    items = [make_item(f"evt-{n}", at=T0 + timedelta(seconds=n)) for n in range(5)]
    for item in (items[2], items[0], items[4], items[1], items[3]):
        await store.ingest(item)
    listed, cursor = await store.list_items("acme")
    assert [i.external_id for i in listed] == ["evt-4", "evt-3", "evt-2", "evt-1", "evt-0"]
    assert cursor is None
    assert await store.list_items("globex") == ([], None)


async def test_cursor_paging_returns_every_item_exactly_once(store: Store) -> None:
    # Groups of three share a received time, so the cursor must break ties.
    for n in range(25):
        await store.ingest(make_item(f"evt-{n:02}", at=T0 + timedelta(seconds=n // 3)))
    pages = await all_pages(store, "acme", limit=7)
    assert [len(page) for page in pages] == [7, 7, 7, 4]
    listed = [item for page in pages for item in page]
    assert sorted(i.external_id for i in listed) == [f"evt-{n:02}" for n in range(25)]
    times = [i.received_at for i in listed]
    assert times == sorted(times, reverse=True), "newest first across pages"


async def test_a_full_last_page_has_no_next_cursor(store: Store) -> None:
    for n in range(14):
        await store.ingest(make_item(f"evt-{n}", at=T0 + timedelta(seconds=n)))
    pages = await all_pages(store, "acme", limit=7)
    assert [len(page) for page in pages] == [7, 7]


async def test_paging_survives_many_items_received_in_the_same_millisecond(store: Store) -> None:
    # A burst (or a bulk import) stamps many items with one time; paging must not lose any.
    for n in range(70):
        await store.ingest(make_item(f"burst-{n:02}", at=T0))
    pages = await all_pages(store, "acme", limit=7)
    listed = [item.external_id for page in pages for item in page]
    assert sorted(listed) == [f"burst-{n:02}" for n in range(70)]


async def test_items_filtered_by_source(store: Store) -> None:
    for n in range(10):
        source = "sentry" if n % 2 else "datadog"
        await store.ingest(make_item(f"evt-{n}", source=source, at=T0 + timedelta(seconds=n)))
    pages = await all_pages(store, "acme", limit=3, source="sentry")
    listed = [item for page in pages for item in page]
    assert [i.external_id for i in listed] == ["evt-9", "evt-7", "evt-5", "evt-3", "evt-1"]
    assert {i.source for i in listed} == {"sentry"}
    assert await store.list_items("acme", source="splunk") == ([], None)


async def test_items_found_by_text_in_title_or_body(store: Store) -> None:
    rows = [
        ("a", "Checkout fails on Safari", ""),
        ("b", "Login slow", "the CHECKOUT page is fine"),
        ("c", "Disk full on db-1", "checkou t"),
        ("d", "Null pointer", "in checkoutService.pay()"),
    ]
    for n, (external_id, title, body) in enumerate(rows):
        await store.ingest(
            make_item(external_id, title=title, body=body, at=T0 + timedelta(seconds=n))
        )
    found, cursor = await store.list_items("acme", query="Checkout")
    assert [i.external_id for i in found] == ["d", "b", "a"]
    assert cursor is None
    pages = await all_pages(store, "acme", limit=1, query="checkout")
    assert [i.external_id for page in pages for i in page] == ["d", "b", "a"]
    found, _ = await store.list_items("acme", query="nothing like this")
    assert found == []


async def test_text_search_combines_with_the_source_filter(store: Store) -> None:
    await store.ingest(make_item("s", source="sentry", title="timeout in checkout", at=T0))
    await store.ingest(make_item("d", source="datadog", title="timeout in checkout", at=T0))
    found, _ = await store.list_items("acme", source="datadog", query="timeout")
    assert [(i.source, i.external_id) for i in found] == [("datadog", "d")]


# -- counters -------------------------------------------------------------------------------


async def test_event_counts_cover_the_last_24_hours(store: Store) -> None:
    now = datetime.now(UTC)
    await store.ingest(make_item("evt-1"))
    await store.ingest(make_item("evt-1"))
    await store.ingest(make_item("evt-1", metadata={"status": "resolved"}), occurrence=False)
    await store.record_event("acme", "sentry", "ignored", now, "environment is staging")
    await store.record_event("acme", "sentry", "ignored", now - timedelta(hours=2))
    await store.record_event("acme", "datadog", "bad_payload", now - timedelta(hours=23))
    await store.record_event("acme", "datadog", "unauthorized", now - timedelta(hours=30))
    await store.record_event("globex", "sentry", "ignored", now)
    assert await store.event_counts("acme", now) == {
        "sentry": {"created": 1, "duplicate": 1, "updated": 1, "ignored": 2},
        "datadog": {"bad_payload": 1},
    }
    assert await store.event_counts("globex", now) == {"sentry": {"ignored": 1}}
    assert await store.event_counts("initech", now) == {}


async def test_last_events_keep_the_latest_of_each_kind(store: Store) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    await store.record_event("acme", "sentry", "unauthorized", now - timedelta(minutes=5), "old")
    await store.record_event("acme", "sentry", "unauthorized", now, "bad signature")
    await store.record_event("acme", "datadog", "sync", now)
    last = await store.last_events("acme")
    assert set(last) == {"sentry", "datadog"}
    seen = last["sentry"]["unauthorized"]
    assert (datetime.fromisoformat(seen["at"]), seen["detail"]) == (now, "bad signature")
    assert last["datadog"]["sync"]["detail"] is None
    assert await store.last_events("globex") == {}


async def test_an_older_event_recorded_late_does_not_hide_the_latest(store: Store) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    await store.record_event("acme", "sentry", "ignored", now, "latest")
    await store.record_event("acme", "sentry", "ignored", now - timedelta(hours=30), "older")
    seen = (await store.last_events("acme"))["sentry"]["ignored"]
    assert (datetime.fromisoformat(seen["at"]), seen["detail"]) == (now, "latest")


async def test_ingest_records_its_outcome_as_a_last_event(store: Store) -> None:
    before = datetime.now(UTC) - timedelta(seconds=1)
    await store.ingest(make_item())
    seen = (await store.last_events("acme"))["sentry"]["created"]
    assert datetime.fromisoformat(seen["at"]) >= before
    assert seen["detail"] is None


# -- dead letters ---------------------------------------------------------------------------


def make_letter(body: bytes, at: datetime, project_id: str = "acme") -> DeadLetter:
    return DeadLetter(
        project_id=project_id,
        source="splunk",
        error="result._time: not a timestamp",
        body=body,
        content_type="application/json",
        query={"search": "errors ≥ 5"},
        received_at=at,
    )


async def test_dead_letters_keep_every_byte(store: Store) -> None:
    bodies = [b'{"result": {"_time": "x"}}', b"\xff\xfe\x00bad", b"", "é🚀".encode()]
    letters = [make_letter(body, T0 + timedelta(seconds=n)) for n, body in enumerate(bodies)]
    for letter in letters:
        await store.add_dead_letter(letter)
    for letter in letters:
        got = await store.get_dead_letter("acme", letter.id)
        assert got == letter
        assert got is not None and got.body == letter.body
    assert await store.get_dead_letter("globex", letters[0].id) is None
    assert await store.get_dead_letter("acme", "no-such-letter") is None


async def test_dead_letters_are_listed_newest_first_and_counted(store: Store) -> None:
    letters = [make_letter(b"%d" % n, T0 + timedelta(minutes=n)) for n in range(5)]
    for letter in (letters[3], letters[0], letters[4], letters[2], letters[1]):
        await store.add_dead_letter(letter)
    await store.add_dead_letter(make_letter(b"other", T0, project_id="globex"))
    listed = await store.list_dead_letters("acme")
    assert [x.id for x in listed] == [x.id for x in reversed(letters)]
    assert [x.id for x in await store.list_dead_letters("acme", limit=2)] == [
        letters[4].id,
        letters[3].id,
    ]
    assert await store.count_dead_letters("acme") == 5
    assert await store.count_dead_letters("globex") == 1
    assert await store.count_dead_letters("initech") == 0
    assert await store.list_dead_letters("initech") == []


async def test_a_dead_letter_is_deleted_once(store: Store) -> None:
    keep, drop = make_letter(b"keep", T0), make_letter(b"drop", T0 + timedelta(seconds=1))
    await store.add_dead_letter(keep)
    await store.add_dead_letter(drop)
    assert await store.delete_dead_letter("globex", drop.id) is False, "not across projects"
    assert await store.delete_dead_letter("acme", drop.id) is True
    assert await store.delete_dead_letter("acme", drop.id) is False
    assert await store.get_dead_letter("acme", drop.id) is None
    assert [x.id for x in await store.list_dead_letters("acme")] == [keep.id]
    assert await store.count_dead_letters("acme") == 1


# -- the clustering queue -------------------------------------------------------------------


async def queued_items(store: Store, count: int, project_id: str = "acme") -> list[str]:
    await store.create_project(Project(id=project_id, name=project_id))
    ids = []
    for n in range(count):
        item = make_item(f"q-{n}", project_id=project_id)
        await store.ingest(item)
        ids.append(item.id)
    return ids


async def test_claim_hands_out_each_entry_once_and_ack_removes_it(store: Store) -> None:
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


async def test_an_entry_never_acked_is_reclaimed_by_another_consumer(store: Store) -> None:
    [item_id] = await queued_items(store, 1)
    [entry] = await store.claim("crashed-worker", 10)
    assert await store.reclaim("rescuer", min_idle_ms=3_600_000, count=10) == []
    await anyio.sleep(0.05)  # longer than min_idle_ms below
    [taken] = await store.reclaim("rescuer", min_idle_ms=10, count=10)
    assert (taken.entry_id, taken.project_id, taken.item_id) == (entry.entry_id, "acme", item_id)
    await store.ack([taken])
    await anyio.sleep(0.05)
    assert await store.reclaim("rescuer", min_idle_ms=10, count=10) == []
    assert await store.queue_depth() == 0


async def test_a_live_consumers_entries_stay_its_own_and_a_gone_ones_are_taken_over(
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


async def test_a_blocking_claim_returns_once_something_is_queued(store: Store) -> None:
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


async def test_claim_count_holds_across_projects(store: Store) -> None:
    ids = await queued_items(store, 1, "acme") + await queued_items(store, 1, "globex")
    assert await store.queue_depth() == 2
    one = await store.claim("worker-1", 1)
    other = await store.claim("worker-1", 1)
    assert len(one) == len(other) == 1
    assert sorted(e.item_id for e in one + other) == sorted(ids), "no entry is claimed unseen"


async def test_a_long_wait_on_an_empty_queue_returns_nothing(store: Store) -> None:
    if store.kind == "sqlite":
        pytest.skip("SQLite waits on an in-process event: there is no socket timeout to outlast")
    await store.create_project(Project(id="acme", name="Acme"))
    # An idle worker blocks for longer than the client's 5 s socket timeout.
    assert await store.claim("worker-1", 10, block_ms=5_500) == []


# -- clusters -------------------------------------------------------------------------------


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


async def test_clusters_save_get_list_delete(store: Store) -> None:
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


async def test_adding_to_clusters_counts_members_in_place_and_once(store: Store) -> None:
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
    assert await store.load_vectors("acme") == [("v-new", [0.5, -0.25], {"cluster_id": "c-new"})]
    assert await store.count_clusters("acme") == 2

    await store.add_to_clusters("acme", [])  # nothing to do is fine


async def test_members_are_read_a_page_at_a_time(store: Store) -> None:
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


async def test_removing_members_counts_them_out_and_an_empty_cluster_goes(store: Store) -> None:
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


async def test_an_item_shows_its_cluster(store: Store) -> None:
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


async def test_clustering_an_unknown_item_creates_nothing(store: Store) -> None:
    await store.set_item_cluster("acme", "no-such-item", "cluster-1", {"score": 1.0})
    assert await store.get_item("acme", "no-such-item") is None


# -- vectors of the local index ---------------------------------------------------------------


async def test_vectors_save_load_delete(store: Store) -> None:
    vectors = {
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


# -- batch reads and writes (one round trip for a worker's batch) ------------------------------
async def test_batch_reads_keep_the_order_asked_and_skip_what_is_missing(store: Store) -> None:
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


async def test_concurrent_additions_to_one_cluster_keep_every_item(store: Store) -> None:
    shared = Cluster(id="c1", project_id="acme", title="Shared")

    async def add(item_id: str) -> None:
        await store.add_to_clusters("acme", [(shared, [member(item_id)])])

    # Each adds its item to one cluster at once: none may lose another's, or its count.
    await asyncio.gather(*(add(f"i{n}") for n in range(20)))
    cluster = await store.get_cluster("acme", "c1")
    assert cluster is not None and cluster.item_count == cluster.occurrence_count == 20
    assert sorted(await all_member_ids(store, "acme", "c1")) == sorted(f"i{n}" for n in range(20))


async def test_cluster_ids_are_per_project(store: Store) -> None:
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


# -- leases --------------------------------------------------------------------------------------
async def test_a_lease_has_one_holder_until_released_or_expired(store: Store) -> None:
    assert await store.acquire_lease("sync:acme:posthog", "worker-a", 60)
    assert not await store.acquire_lease("sync:acme:posthog", "worker-b", 60)
    assert await store.acquire_lease("sync:acme:posthog", "worker-a", 60), "its holder may renew"
    await store.release_lease("sync:acme:posthog", "worker-b")  # not the holder: no effect
    assert not await store.acquire_lease("sync:acme:posthog", "worker-b", 60)
    await store.release_lease("sync:acme:posthog", "worker-a")
    assert await store.acquire_lease("sync:acme:posthog", "worker-b", 1)
    assert await store.acquire_lease("sync:acme:sentry", "worker-a", 60), "leases are by name"
    await anyio.sleep(1.2)
    assert await store.acquire_lease("sync:acme:posthog", "worker-a", 60), (
        "an expired lease is free"
    )


# -- settings ------------------------------------------------------------------------------------
async def test_a_setting_reads_back_what_was_last_set(store: Store) -> None:
    assert await store.get_setting("dashboard_session_epoch") is None
    await store.set_setting("dashboard_session_epoch", "a")
    await store.set_setting("dashboard_session_epoch", "b")
    await store.set_setting("other", "x")
    assert await store.get_setting("dashboard_session_epoch") == "b"
    assert await store.get_setting("other") == "x"
