"""Every delivery adds to its item: the merge policy, as every store must run it.

The deliveries are shaped like Sentry's: an ``issue`` webhook (short id, status, no stack
trace) and an ``error`` webhook of the same issue (stack trace, release, environment, trace
id). Whichever arrives first, and however many race, the item ends the same.
"""

from __future__ import annotations

import asyncio
import random
from datetime import UTC, datetime, timedelta
from typing import Any

from ...merge_policy import DEFAULT_MERGE_POLICY, MergePolicy
from ...models import FeedbackItem, Project
from ...stacktrace import ExceptionInfo, Frame
from ...store.port import HISTORY_LIMIT, Store

T0 = datetime(2024, 5, 1, 12, 0, 0, 123456, tzinfo=UTC)


ISSUE_URL = "https://acme.sentry.io/issues/42/"


EVENT_URL = "https://acme.sentry.io/issues/42/events/9fac2c/"


TRACE = ExceptionInfo(
    type="KeyError",
    value="'sku-84213'",
    frames=[
        Frame(function="checkout", filename="checkout/views.py", lineno=88, in_app=True),
        Frame(function="price_cart", filename="checkout/pricing.py", lineno=41, in_app=True),
    ],
)


#: Fields a delivery cannot decide: who made the item, and when it was first received.
NOT_MERGED = {"id", "project_id", "received_at", "created_at"}


def at(ms: int) -> datetime:
    return T0 + timedelta(milliseconds=ms)


def issue(when: datetime, *, project_id: str = "acme", status: str = "unresolved") -> FeedbackItem:
    return FeedbackItem(
        project_id=project_id,
        source="sentry",
        external_id="issue:42",
        title="KeyError: 'sku-84213'",
        body="Culprit: checkout.pricing",
        raw_text="KeyError: 'sku-84213'",
        created_at=when,
        received_at=when,
        level="error",
        links={"issue": ISSUE_URL},
        metadata={
            "resource": "issue",
            "issue_id": "42",
            "short_id": "SHOP-7",
            "status": status,
            "event_id": None,
            "culprit": "checkout.pricing",
            "count": 3,
        },
    )


def error(when: datetime, *, project_id: str = "acme") -> FeedbackItem:
    return FeedbackItem(
        project_id=project_id,
        source="sentry",
        external_id="issue:42",
        title="KeyError: 'sku-84213' in price_cart",
        body="Traceback (most recent call last):\n> checkout/pricing.py:41 in price_cart",
        raw_text="KeyError: 'sku-84213'\nprice_cart",
        created_at=when,
        received_at=when,
        exceptions=[TRACE],
        release="checkout@2.14.0",
        environment="production",
        trace_id="4bf92f3577b34da6a3ce929d0e0e4736",
        level="error",
        links={"sentry": EVENT_URL, "issue": ISSUE_URL},
        tags={"environment": "production", "handled": "no"},
        metadata={
            "resource": "error",
            "issue_id": "42",
            "short_id": None,
            "status": None,
            "event_id": "9fac2ceed9344f2bbfdd1fdacb0ed9b1",
            "culprit": "checkout.pricing in price_cart",
            "platform": "python",
        },
    )


def status_change(when: datetime, status: str, *, project_id: str = "acme") -> FeedbackItem:
    """An ``issue.resolved``-like delivery: the issue again, in a new state."""
    change = issue(when, project_id=project_id, status=status)
    change.metadata["action"] = status
    return change


def merged_fields(item: FeedbackItem, also: set[str] = set()) -> dict[str, Any]:  # noqa: B006
    return item.model_dump(mode="json", exclude=NOT_MERGED | also)


async def stored(store: Store, project_id: str, item_id: str) -> FeedbackItem:
    found = await store.get_item(project_id, item_id)
    assert found is not None
    return found


async def deliver_in_order(store: Store, project_id: str, items: list[FeedbackItem]) -> str:
    results = [await store.ingest(item) for item in items]
    assert results[0].status == "created"
    assert {r.id for r in results} == {results[0].id}
    return results[0].id


def report(n: int, **fields: Any) -> FeedbackItem:
    when = T0 + timedelta(seconds=n)
    fields.setdefault("title", f"title {n}")
    return FeedbackItem(
        project_id="acme",
        source="manual",
        external_id="r-1",
        created_at=when,
        received_at=when,
        **fields,
    )


class MergeCases:
    """Deliveries refine their item alike, whatever their order."""

    async def test_issue_then_error_and_error_then_issue_make_the_same_item(
        self, store: Store
    ) -> None:
        first = await deliver_in_order(
            store, "one", [issue(at(0), project_id="one"), error(at(5), project_id="one")]
        )
        second = await deliver_in_order(
            store, "two", [error(at(5), project_id="two"), issue(at(0), project_id="two")]
        )
        one, two = await stored(store, "one", first), await stored(store, "two", second)
        assert merged_fields(one) == merged_fields(two)
        # What each delivery brought is there: the error's trace and text, the issue's state.
        assert one.exceptions == [TRACE]
        assert (one.title, one.body) == (error(at(0)).title, error(at(0)).body)
        assert (one.release, one.environment, one.trace_id) == (
            "checkout@2.14.0",
            "production",
            "4bf92f3577b34da6a3ce929d0e0e4736",
        )
        assert one.metadata["short_id"] == "SHOP-7", "the issue's short id is not lost"
        assert one.metadata["status"] == "unresolved"
        assert one.metadata["event_id"] == "9fac2ceed9344f2bbfdd1fdacb0ed9b1"
        assert one.metadata["resource"] == "error", "the richer delivery's values win"
        assert one.metadata["count"] == 3, "a key only one delivery has is kept"
        assert one.links == {"issue": ISSUE_URL, "sentry": EVENT_URL}
        assert one.tags == {"environment": "production", "handled": "no"}
        assert (one.occurrences, one.first_seen, one.last_seen) == (2, at(0), at(5))

    async def test_a_fifty_way_race_of_mixed_deliveries_ends_with_that_item(
        self, store: Store
    ) -> None:
        await store.create_project(Project(id="acme", name="Acme"))
        # Issue webhooks, error events and status changes, received one millisecond apart; the
        # last status change in time resolves the issue.
        deliveries: list[tuple[FeedbackItem, bool]] = []
        for n in range(50):
            if n >= 40:
                deliveries.append(
                    (status_change(at(n), "resolved" if n % 2 else "unresolved"), False)
                )
            else:
                deliveries.append((issue(at(n)) if n % 2 else error(at(n)), True))
        random.Random(13).shuffle(deliveries)
        # What the last delivery did is the newest's to say, as a Sentry plugin would declare it.
        policy = {**DEFAULT_MERGE_POLICY, "metadata.action": "latest"}
        results = await asyncio.gather(
            *(
                store.ingest(item, occurrence=occurrence, policy=policy)
                for item, occurrence in deliveries
            )
        )
        [creator] = [n for n, r in enumerate(results) if r.status == "created"]
        assert {r.id for r in results} == {results[creator].id}
        raced = await stored(store, "acme", results[creator].id)

        expected_id = await deliver_in_order(
            store, "ref", [issue(at(1), project_id="ref"), error(at(0), project_id="ref")]
        )
        await store.ingest(
            status_change(at(49), "resolved", project_id="ref"), occurrence=False, policy=policy
        )
        expected = await stored(store, "ref", expected_id)
        counted = {"occurrences", "first_seen", "last_seen"}
        assert merged_fields(raced, counted) == merged_fields(expected, counted)
        assert raced.metadata["status"] == "resolved"
        # A status change counts no occurrence, unless it is the delivery that made the item.
        occurrences = 40 + (0 if deliveries[creator][1] else 1)
        assert (raced.occurrences, raced.first_seen, raced.last_seen) == (
            occurrences,
            at(0),
            at(39),
        )
        history = await store.list_deliveries("acme", raced.id)
        assert len(history) == HISTORY_LIMIT
        assert sorted(r.outcome for r in history) == sorted(r.status for r in results)

    async def test_a_redelivered_state_is_a_duplicate_that_counts_nothing(
        self, store: Store
    ) -> None:
        item_id = await deliver_in_order(store, "acme", [issue(at(0))])
        resolved = await store.ingest(status_change(at(10), "resolved"), occurrence=False)
        again = await store.ingest(status_change(at(20), "resolved"), occurrence=False)
        assert (resolved.status, again.status) == ("updated", "duplicate")
        assert resolved.id == again.id == item_id
        saved = await stored(store, "acme", item_id)
        assert (saved.metadata["status"], saved.occurrences, saved.last_seen) == (
            "resolved",
            1,
            at(0),
        )
        counts = await store.event_counts("acme", datetime.now(UTC))
        assert counts == {"sentry": {"created": 1, "updated": 1, "duplicate": 1}}
        # The same state with something new is an update.
        richer = status_change(at(30), "resolved")
        richer.release = "checkout@2.15.0"
        assert (await store.ingest(richer, occurrence=False)).status == "updated"

    async def test_an_older_status_change_arriving_late_does_not_win(self, store: Store) -> None:
        item_id = await deliver_in_order(store, "acme", [issue(at(0))])
        assert (await store.ingest(status_change(at(20), "resolved"), occurrence=False)).status == (
            "updated"
        )
        late = await store.ingest(status_change(at(10), "unresolved"), occurrence=False)
        assert late.status == "duplicate"
        assert (await stored(store, "acme", item_id)).metadata["status"] == "resolved"

    async def test_json_values_round_trip_through_merges(self, store: Store) -> None:
        # Lua's cjson reads [] and {} as the same empty table and keeps 14 digits: no merge may
        # pass a stored value through it.
        odd = {
            "empty_list": [],
            "empty_object": {},
            "nested": {"a": [], "b": [{}], "c": {"d": []}},
            "big": 12345678901234567,
            "float": 0.30000000000000004,
            "text": 'é🚀 \u0000 \\ / "quoted"',
            "none": None,
        }
        first = FeedbackItem(
            project_id="acme",
            source="sentry",
            external_id="odd",
            title="odd values",
            created_at=at(0),
            received_at=at(0),
            metadata=odd,
            exceptions=[ExceptionInfo(type="Bare", frames=[])],
        )
        item_id = await deliver_in_order(store, "acme", [first])
        later = first.model_copy(
            update={
                "id": "other",
                "received_at": at(1),
                "metadata": {"none": [], "added": {}, "also": [[], {}]},
                "exceptions": [ExceptionInfo(type="NotRicher", frames=[])],
                "tags": {"k": "v"},
            }
        )
        await store.ingest(later)
        saved = await stored(store, "acme", item_id)
        assert saved.metadata == {**odd, "added": {}, "also": [[], {}]}, "empty never replaces"
        assert saved.exceptions == [ExceptionInfo(type="Bare", frames=[])], "no richer: kept"
        assert saved.tags == {"k": "v"}
        bare = await deliver_in_order(
            store,
            "acme",
            [FeedbackItem(project_id="acme", source="sentry", external_id="bare", title="t")],
        )
        await store.ingest(
            FeedbackItem(
                project_id="acme", source="sentry", external_id="bare", title="t", body="b"
            )
        )
        again = await stored(store, "acme", bare)
        assert (again.tags, again.links, again.metadata, again.exceptions) == ({}, {}, {}, [])
        assert again.body == "b", "an empty body is filled"

    async def test_a_whole_stack_wins_over_a_crash_location_in_either_order(
        self, store: Store
    ) -> None:
        # Sentry's issue webhook names the frame it crashed in; its error event has the stack.
        crash_site = [ExceptionInfo(type="KeyError", frames=[TRACE.frames[-1]])]
        ids = []
        for project_id, order in (("one", (0, 1)), ("two", (1, 0))):
            deliveries = [
                issue(at(0), project_id=project_id).model_copy(update={"exceptions": crash_site}),
                error(at(5), project_id=project_id),
            ]
            ids.append(await deliver_in_order(store, project_id, [deliveries[n] for n in order]))
        one, two = await stored(store, "one", ids[0]), await stored(store, "two", ids[1])
        assert merged_fields(one) == merged_fields(two)
        assert (one.exceptions, one.body) == ([TRACE], error(at(0)).body)
        assert one.metadata["short_id"] == "SHOP-7"

    # -- a declared policy

    async def test_the_stores_follow_a_declared_policy(self, store: Store) -> None:
        policy: MergePolicy = {
            **DEFAULT_MERGE_POLICY,
            "title": "latest",
            "body": "keep",
            "metadata": "union",
            "metadata.owner": "fill",
        }
        created = await store.ingest(
            report(0, body="first", metadata={"owner": "ana", "step": 1}), policy=policy
        )
        await store.ingest(
            report(2, body="second", metadata={"owner": "bob", "step": 2}), policy=policy
        )
        await store.ingest(report(1, body="", metadata={"step": 3}), policy=policy)
        saved = await store.get_item("acme", created.id)
        assert saved is not None
        assert (saved.title, saved.body) == ("title 2", "first"), "the newest title; the body kept"
        assert saved.metadata == {"owner": "ana", "step": 3}

    async def test_a_richer_delivery_replaces_the_text_of_one_without_a_trace(
        self, store: Store
    ) -> None:
        created = await store.ingest(report(0, body="Issue SHOP-7"))
        trace = [ExceptionInfo(type="KeyError", value="'sku'")]
        await store.ingest(report(1, body="Traceback ...", exceptions=trace))
        await store.ingest(report(2, body="Another event", exceptions=trace))
        saved = await store.get_item("acme", created.id)
        assert saved is not None
        assert (saved.title, saved.body, saved.exceptions) == ("title 1", "Traceback ...", trace)
