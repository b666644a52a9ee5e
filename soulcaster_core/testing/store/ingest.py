"""What every store does with a delivery: created, duplicate, updated; items read back and
listed a page at a time; a delivery of many items in one step.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from ...models import FeedbackItem, Project
from ...store.batch import IngestEntry
from ...store.port import Store

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


ODD_EXTERNAL_IDS = [
    "issue:42:event:7",
    "{acme}",
    "}{",
    "dedup:{acme}:sentry:evt-1",
    "🚀:{}:שלום",
    "a b\tc\nd",
    "x" * 512,
]


class IngestCases:
    """Ingest, dedup, read back, list."""

    # -- ingest: created, duplicate, updated

    async def test_a_new_key_is_created_and_reads_back_whole(self, store: Store) -> None:
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

    async def test_unknown_items_are_none(self, store: Store) -> None:
        item = await ingest_new(store, make_item())
        assert await store.get_item("acme", "no-such-id") is None
        assert await store.get_item("globex", item.id) is None, "items belong to their project"

    async def test_a_known_key_is_a_duplicate_occurrence(self, store: Store) -> None:
        first = await ingest_new(store, make_item(at=T0, title="first title"))
        later = T0 + timedelta(minutes=5)
        result = await store.ingest(make_item(at=later, title="second title"))
        assert (result.status, result.id) == ("duplicate", first.id)
        saved = await store.get_item("acme", first.id)
        assert saved is not None
        assert (saved.occurrences, saved.first_seen, saved.last_seen) == (2, T0, later)
        assert saved.title == "first title", "a duplicate changes counts, not content"

    async def test_last_seen_never_goes_backwards(self, store: Store) -> None:
        first = await ingest_new(store, make_item(at=T0))
        # A retried, older delivery arrives late: it still counts, but time does not run back.
        result = await store.ingest(make_item(at=T0 - timedelta(hours=1)))
        assert result.status == "duplicate"
        saved = await store.get_item("acme", first.id)
        assert saved is not None
        assert (saved.occurrences, saved.last_seen) == (2, T0)

    async def test_a_status_change_updates_status_only(self, store: Store) -> None:
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

    async def test_a_duplicate_replaces_the_status_when_it_has_one(self, store: Store) -> None:
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

    async def test_an_update_of_an_unknown_key_creates_it(self, store: Store) -> None:
        item = make_item(metadata={"status": "resolved"})
        result = await store.ingest(item, occurrence=False)
        assert (result.status, result.id) == ("created", item.id)

    async def test_a_replayed_delivery_is_answered_but_not_counted(self, store: Store) -> None:
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

    async def test_delivery_ids_are_per_project_and_source(self, store: Store) -> None:
        first = make_item(source="sentry")
        other_source = make_item(source="datadog")
        other_project = make_item(project_id="globex")
        for item in (first, other_source, other_project):
            result = await store.ingest(item, delivery_id="req-1")
            assert (result.status, result.id) == ("created", item.id)

    async def test_the_dedup_key_is_project_source_and_external_id(self, store: Store) -> None:
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

    async def test_fifty_concurrent_deliveries_make_one_item(self, store: Store) -> None:
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

    @pytest.mark.parametrize("external_id", ODD_EXTERNAL_IDS, ids=range(len(ODD_EXTERNAL_IDS)))
    async def test_odd_external_ids_round_trip_and_dedup(
        self, store: Store, external_id: str
    ) -> None:
        first = await ingest_new(store, make_item(external_id))
        assert first.external_id == external_id
        result = await store.ingest(make_item(external_id))
        assert (result.status, result.id) == ("duplicate", first.id)
        # A neighbour whose id is a prefix or a variant is another item.
        assert (await store.ingest(make_item(external_id[:-1] or "z"))).status == "created"

    async def test_unicode_text_round_trips(self, store: Store) -> None:
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

    async def test_the_created_item_is_queued_exactly_once(self, store: Store) -> None:
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

    # -- listing

    async def test_items_are_listed_newest_first(self, store: Store) -> None:
        items = [make_item(f"evt-{n}", at=T0 + timedelta(seconds=n)) for n in range(5)]
        for item in (items[2], items[0], items[4], items[1], items[3]):
            await store.ingest(item)
        listed, cursor = await store.list_items("acme")
        assert [i.external_id for i in listed] == ["evt-4", "evt-3", "evt-2", "evt-1", "evt-0"]
        assert cursor is None
        assert await store.list_items("globex") == ([], None)

    async def test_cursor_paging_returns_every_item_exactly_once(self, store: Store) -> None:
        # Groups of three share a received time, so the cursor must break ties.
        for n in range(25):
            await store.ingest(make_item(f"evt-{n:02}", at=T0 + timedelta(seconds=n // 3)))
        pages = await all_pages(store, "acme", limit=7)
        assert [len(page) for page in pages] == [7, 7, 7, 4]
        listed = [item for page in pages for item in page]
        assert sorted(i.external_id for i in listed) == [f"evt-{n:02}" for n in range(25)]
        times = [i.received_at for i in listed]
        assert times == sorted(times, reverse=True), "newest first across pages"

    async def test_a_full_last_page_has_no_next_cursor(self, store: Store) -> None:
        for n in range(14):
            await store.ingest(make_item(f"evt-{n}", at=T0 + timedelta(seconds=n)))
        pages = await all_pages(store, "acme", limit=7)
        assert [len(page) for page in pages] == [7, 7]

    async def test_paging_survives_many_items_received_in_the_same_millisecond(
        self, store: Store
    ) -> None:
        # A burst (or a bulk import) stamps many items with one time; paging must not lose any.
        for n in range(70):
            await store.ingest(make_item(f"burst-{n:02}", at=T0))
        pages = await all_pages(store, "acme", limit=7)
        listed = [item.external_id for page in pages for item in page]
        assert sorted(listed) == [f"burst-{n:02}" for n in range(70)]

    async def test_items_filtered_by_source(self, store: Store) -> None:
        for n in range(10):
            source = "sentry" if n % 2 else "datadog"
            await store.ingest(make_item(f"evt-{n}", source=source, at=T0 + timedelta(seconds=n)))
        pages = await all_pages(store, "acme", limit=3, source="sentry")
        listed = [item for page in pages for item in page]
        assert [i.external_id for i in listed] == ["evt-9", "evt-7", "evt-5", "evt-3", "evt-1"]
        assert {i.source for i in listed} == {"sentry"}
        assert await store.list_items("acme", source="splunk") == ([], None)

    async def test_items_found_by_text_in_title_or_body(self, store: Store) -> None:
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

    async def test_text_search_combines_with_the_source_filter(self, store: Store) -> None:
        await store.ingest(make_item("s", source="sentry", title="timeout in checkout", at=T0))
        await store.ingest(make_item("d", source="datadog", title="timeout in checkout", at=T0))
        found, _ = await store.list_items("acme", source="datadog", query="timeout")
        assert [(i.source, i.external_id) for i in found] == [("datadog", "d")]

    # -- a delivery of many items (ingest_batch)

    async def test_each_entry_gets_its_outcome_in_order(self, store: Store) -> None:
        known = await store.ingest(make_item("alert-a"))
        entries = [
            IngestEntry(make_item("alert-a")),
            IngestEntry(make_item("alert-b")),
            IngestEntry(make_item("alert-c", metadata={"status": "resolved"}), occurrence=False),
            IngestEntry(make_item("alert-b")),  # the same alert twice in one delivery
        ]
        results = await store.ingest_batch(entries)
        assert [r.status for r in results] == ["duplicate", "created", "created", "duplicate"]
        assert results[0].id == known.id
        assert results[3].id == results[1].id
        b = await store.get_item("acme", results[1].id)
        assert b is not None and b.occurrences == 2
        assert len(await store.list_deliveries("acme", results[1].id)) == 2  # one per entry

    async def test_a_repeated_delivery_id_is_one_delivery_per_entry(self, store: Store) -> None:
        entries = [
            IngestEntry(make_item("alert-a"), delivery_id="d1:alert-a"),
            IngestEntry(make_item("alert-b"), delivery_id="d1:alert-b"),
        ]
        first = await store.ingest_batch(entries)
        again = await store.ingest_batch(entries)
        assert [r.status for r in again] == ["duplicate", "duplicate"]
        assert [r.id for r in again] == [r.id for r in first]
        item = await store.get_item("acme", first[0].id)
        assert item is not None and item.occurrences == 1
