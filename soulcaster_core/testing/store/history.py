"""An item's history and the raw bodies of its deliveries."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import anyio

from ...models import FeedbackItem
from ...store.history import RawBody
from ...store.port import HISTORY_LIMIT, Store

T0 = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


def alert(n: int = 0, **fields: object) -> FeedbackItem:
    when = T0 + timedelta(seconds=n)
    return FeedbackItem(
        project_id="acme",
        source="datadog",
        external_id="monitor-7",
        title="p99 latency above 2s",
        created_at=when,
        received_at=when,
        **fields,
    )


def body(n: int) -> RawBody:
    return RawBody("application/json", b'{"n": %d}' % n)


class HistoryCases:
    """Each delivery recorded; raw bodies kept, capped and expired."""

    async def test_each_delivery_is_recorded_newest_first(self, store: Store) -> None:
        created = await store.ingest(alert(0, metadata={"status": "alert"}), raw=body(0))
        await store.ingest(alert(1), delivery_id="d-1", raw=body(1))
        await store.ingest(alert(2, metadata={"status": "recovered"}), occurrence=False, via="sync")
        history = await store.list_deliveries("acme", created.id)
        assert [(r.outcome, r.occurrence, r.via) for r in history] == [
            ("updated", False, "sync"),
            ("duplicate", True, "webhook"),
            ("created", True, "webhook"),
        ]
        assert [r.at for r in history] == [T0 + timedelta(seconds=n) for n in (2, 1, 0)]
        assert {r.source for r in history} == {"datadog"}
        recovered, repeated, first = history
        assert recovered.status is not None
        assert (recovered.status.before, recovered.status.after) == ("alert", "recovered")
        assert recovered.changed == ["metadata.status"]
        assert first.status is not None and (first.status.before, first.status.after) == (
            None,
            "alert",
        )
        assert (repeated.delivery_id, repeated.status, repeated.changed) == ("d-1", None, [])
        assert (first.raw_size, recovered.raw_size) == (len(b'{"n": 0}'), None)
        assert await store.get_raw_body("acme", first.id) == body(0)
        assert await store.get_raw_body("acme", recovered.id) is None, "a sync sent no body"
        assert await store.list_deliveries("acme", "no-such-item") == []
        assert await store.list_deliveries("globex", created.id) == [], "history is per project"

    async def test_a_retried_delivery_adds_nothing_to_the_history(self, store: Store) -> None:
        created = await store.ingest(alert(0), delivery_id="d-1", raw=body(0))
        again = await store.ingest(alert(1), delivery_id="d-1", raw=body(1))
        assert (again.status, again.id) == ("duplicate", created.id)
        assert len(await store.list_deliveries("acme", created.id)) == 1

    async def test_the_history_keeps_the_last_deliveries_and_their_bodies(
        self, store: Store
    ) -> None:
        created = await store.ingest(alert(0), raw=body(0))
        for n in range(1, HISTORY_LIMIT):
            await store.ingest(alert(n), raw=body(n))
        history = await store.list_deliveries("acme", created.id)
        assert len(history) == HISTORY_LIMIT
        oldest = history[-1]
        await store.ingest(alert(HISTORY_LIMIT), raw=body(HISTORY_LIMIT))
        history = await store.list_deliveries("acme", created.id)
        assert len(history) == HISTORY_LIMIT
        assert oldest.id not in {r.id for r in history}
        assert await store.get_raw_body("acme", oldest.id) is None, "its body went with it"
        assert await store.get_raw_body("acme", history[0].id) == body(HISTORY_LIMIT)
        assert [r.id for r in await store.list_deliveries("acme", created.id, limit=3)] == [
            r.id for r in history[:3]
        ]

    async def test_raw_bodies_keep_their_bytes_and_expire(self, store: Store) -> None:
        odd = RawBody("application/x-www-form-urlencoded; charset=latin-1", b"\xff\x00\n\r\nbin")
        # Long enough to read it back on a loaded machine; whole seconds are not needed (port.py).
        created = await store.ingest(alert(0), raw=odd, raw_ttl=0.5)
        [record] = await store.list_deliveries("acme", created.id)
        assert await store.get_raw_body("acme", record.id) == odd
        assert await store.get_raw_body("globex", record.id) is None
        await anyio.sleep(0.6)
        assert await store.get_raw_body("acme", record.id) is None
        assert len(await store.list_deliveries("acme", created.id)) == 1, "the record stays"

    async def test_a_capped_body_says_how_big_it_was(self, store: Store) -> None:
        created = await store.ingest(alert(0), raw=RawBody.capped("text/plain", b"x" * 100, 10))
        [record] = await store.list_deliveries("acme", created.id)
        assert (record.raw_size, record.raw_truncated) == (100, True)
        assert await store.get_raw_body("acme", record.id) == RawBody("text/plain", b"x" * 10)

    async def test_the_history_names_what_each_delivery_added(self, store: Store) -> None:
        created = await store.ingest(alert(0, metadata={"monitor": "p99"}))
        await store.ingest(
            alert(1, release="web@3.1", tags={"service": "checkout"}, metadata={"monitor": "p99"})
        )
        latest, _ = await store.list_deliveries("acme", created.id)
        assert sorted(latest.changed) == ["release", "tags.service"]
