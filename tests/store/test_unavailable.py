"""Redis down: ``StoreUnavailable`` and a 503 with Retry-After; never a 500, never half a write."""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from soulcaster_core.errors import StoreUnavailable
from soulcaster_core.models import Cluster, DeadLetter, FeedbackItem, Project, QueueEntry
from soulcaster_core.settings import Settings
from soulcaster_core.store.redis import RedisStore
from soulcaster_core.web.refusals import RefusalLog
from soulcaster_core.wiring import create_app
from tests.support.redis_server import RedisServer, free_port

NOW = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
ITEM = FeedbackItem(project_id="acme", source="sentry", external_id="e-1", title="boom")

#: Every public method of the port, called as the app would call it.
CALLS: dict[str, Callable[[RedisStore], Awaitable[Any]]] = {
    "open": lambda s: s.open(),
    "ping": lambda s: s.ping(),
    "create_project": lambda s: s.create_project(Project(id="acme", name="Acme")),
    "get_project": lambda s: s.get_project("acme"),
    "list_projects": lambda s: s.list_projects(),
    "get_config": lambda s: s.get_config("acme", "sentry", ["client_secret"]),
    "set_config": lambda s: s.set_config("acme", "sentry", {"client_secret": "x"}),
    "ingest": lambda s: s.ingest(ITEM, delivery_id="d-1"),
    "get_item": lambda s: s.get_item("acme", ITEM.id),
    "list_items": lambda s: s.list_items("acme", query="boom"),
    "list_deliveries": lambda s: s.list_deliveries("acme", ITEM.id),
    "get_raw_body": lambda s: s.get_raw_body("acme", "r-1"),
    "record_event": lambda s: s.record_event("acme", "sentry", "ignored", NOW),
    "event_counts": lambda s: s.event_counts("acme", NOW),
    "recent_event_series": lambda s: s.recent_event_series("acme", NOW),
    "last_events": lambda s: s.last_events("acme"),
    "add_dead_letter": lambda s: s.add_dead_letter(
        DeadLetter(project_id="acme", source="sentry", error="bad", body=b"\xff")
    ),
    "list_dead_letters": lambda s: s.list_dead_letters("acme"),
    "get_dead_letter": lambda s: s.get_dead_letter("acme", "l-1"),
    "delete_dead_letter": lambda s: s.delete_dead_letter("acme", "l-1"),
    "count_dead_letters": lambda s: s.count_dead_letters("acme"),
    "claim": lambda s: s.claim("worker-1", 10, block_ms=100),
    "reclaim": lambda s: s.reclaim("worker-1", 1000, 10),
    "heartbeat": lambda s: s.heartbeat("worker-1", 5000),
    "ack": lambda s: s.ack([QueueEntry(entry_id="1-0", project_id="acme", item_id="i")]),
    "queue_depth": lambda s: s.queue_depth(),
    "save_cluster": lambda s: s.save_cluster(Cluster(project_id="acme", title="c")),
    "get_cluster": lambda s: s.get_cluster("acme", "c-1"),
    "list_clusters": lambda s: s.list_clusters("acme"),
    "count_clusters": lambda s: s.count_clusters("acme"),
    "cluster_item_ids": lambda s: s.cluster_item_ids("acme", "c-1"),
    "add_to_clusters": lambda s: s.add_to_clusters(
        "acme", [(Cluster(project_id="acme", title="c"), [])]
    ),
    "remove_from_cluster": lambda s: s.remove_from_cluster("acme", "c-1", []),
    "delete_cluster": lambda s: s.delete_cluster("acme", "c-1"),
    "cluster_hours": lambda s: s.cluster_hours("acme", ["c-1"], 1, 2),
    "set_item_cluster": lambda s: s.set_item_cluster("acme", "i", "c-1", {"score": 1.0}),
    "save_vector": lambda s: s.save_vector("acme", "v", [1.0], {}),
    "load_vectors": lambda s: s.load_vectors("acme"),
    "delete_vectors": lambda s: s.delete_vectors("acme", ["v"]),
}


@pytest.mark.anyio
@pytest.mark.parametrize("method", list(CALLS))
async def test_every_method_says_unavailable_when_nothing_listens(method: str) -> None:
    store = RedisStore(f"redis://127.0.0.1:{free_port()}/0", prefix="down:")
    try:
        with pytest.raises(StoreUnavailable):
            await CALLS[method](store)
    finally:
        await store.close()


@pytest.mark.anyio
async def test_the_same_store_recovers_when_redis_comes_back(redis_server: RedisServer) -> None:
    store = RedisStore(redis_server.url, prefix="acme-test:")
    await store.open()
    try:
        await store.create_project(Project(id="acme", name="Acme"))
        first = FeedbackItem(project_id="acme", source="sentry", external_id="e-1", title="one")
        assert (await store.ingest(first)).status == "created"
        redis_server.stop()
        lost = FeedbackItem(project_id="acme", source="sentry", external_id="e-2", title="two")
        with pytest.raises(StoreUnavailable):
            await store.ingest(lost)
        with pytest.raises(StoreUnavailable):
            await store.ping()
        redis_server.start()
        await store.ping()
        # The delivery that failed is retried: it is new, nothing of it was written before.
        assert (await store.ingest(lost)).status == "created"
        items, _ = await store.list_items("acme")
        assert sorted(i.external_id for i in items) == ["e-1", "e-2"]
        assert await store.queue_depth() == 2
    finally:
        await store.close()


def test_the_app_answers_503_while_redis_is_down(redis_server: RedisServer, tmp_path: Path) -> None:
    settings = Settings(
        redis_url=redis_server.url, data_dir=tmp_path, api_token="t", run_worker=False
    )
    auth = {"authorization": "Bearer t"}
    with TestClient(create_app(settings), raise_server_exceptions=False) as http:

        def deliver(n: int) -> Any:
            report = {"title": f"Checkout fails #{n}", "external_id": f"ticket-{n}"}
            return http.post("/ingest/manual/webhook", params={"project_id": "acme"}, json=report)

        def listed_ids() -> list[str]:
            response = http.get("/api/feedback", params={"project_id": "acme"}, headers=auth)
            assert response.status_code == 200, response.text
            return sorted(item["id"] for item in response.json()["items"])

        created = http.post(
            "/api/projects",
            json={"name": "Acme", "id": "acme", "allow_unauthenticated": True},
            headers=auth,
        )
        assert created.status_code == 201, created.text
        accepted = [deliver(1)]
        assert accepted[0].status_code == 201, accepted[0].text

        redis_server.stop()
        for answer in (
            deliver(2),
            deliver(1),
            http.get("/api/feedback", params={"project_id": "acme"}, headers=auth),
            http.get("/config/manual", params={"project_id": "acme"}, headers=auth),
        ):
            assert answer.status_code == 503, answer.text
            assert int(answer.headers["retry-after"]) > 0
            assert answer.json()["error"]
        health = http.get("/health")
        assert health.status_code == 503
        assert health.json()["store"] == {"kind": "redis", "reachable": False}

        redis_server.start()
        assert http.get("/health").status_code == 200
        # The sender retries what got a 503: it is created now, as nothing was half-written.
        retried = deliver(2)
        assert retried.status_code == 201, retried.text
        assert deliver(1).json() == {"status": "duplicate", "id": accepted[0].json()["id"]}
        accepted.append(deliver(3))
        assert accepted[-1].status_code == 201
        ids = [a.json()["id"] for a in (*accepted, retried)]
        assert listed_ids() == sorted(ids)


@pytest.mark.anyio
async def test_a_redis_that_hangs_mid_burst_gets_503s_then_serves_again(
    redis_server: RedisServer,
) -> None:
    # A frozen Redis (a long fork, a stalled VM) accepts bytes and answers nothing: every
    # delivery of the batch waiting on it must give up after the socket timeout, not hang.
    store = RedisStore(redis_server.url, prefix="acme-test:", socket_timeout=0.5)
    await store.open()
    try:
        await store.create_project(Project(id="acme", name="Acme"))
        assert redis_server.process is not None
        redis_server.process.send_signal(signal.SIGSTOP)
        burst = [
            FeedbackItem(project_id="acme", source="sentry", external_id=f"e-{i}", title="t")
            for i in range(3)
        ]
        try:
            results = await asyncio.gather(
                *(store.ingest(item, delivery_id=f"d-{item.external_id}") for item in burst),
                return_exceptions=True,
            )
        finally:
            redis_server.process.send_signal(signal.SIGCONT)
        assert all(isinstance(r, StoreUnavailable) for r in results), results
        again = FeedbackItem(project_id="acme", source="sentry", external_id="after", title="t")
        assert (await store.ingest(again)).status == "created"
        # Whether or not the frozen Redis ran what it had received once it woke (stored, though
        # answered 503), the senders' retries (the same delivery ids) make no second item and
        # count no second occurrence.
        for item in burst:
            retried = await store.ingest(item, delivery_id=f"d-{item.external_id}")
            assert retried.status in {"created", "duplicate"}
            stored = await store.get_item("acme", retried.id)
            assert stored is not None and stored.occurrences == 1
    finally:
        await store.close()


def test_refusals_are_logged_once_per_interval_with_a_count(
    redis_server: RedisServer, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = Settings(
        redis_url=redis_server.url, data_dir=tmp_path, api_token="t", run_worker=False
    )
    now = [0.0]
    app = create_app(settings)
    app.state.refusals = RefusalLog(
        logging.getLogger("soulcaster_core.web.errors"), clock=lambda: now[0]
    )
    auth = {"authorization": "Bearer t"}

    def deliver(at: float) -> int:
        now[0] = at
        report = {"title": f"Checkout fails at {at}", "external_id": f"ticket-{at}"}
        answer = http.post("/ingest/manual/webhook", params={"project_id": "acme"}, json=report)
        return answer.status_code

    def lines() -> list[str]:
        return [r.getMessage() for r in caplog.records if r.name == "soulcaster_core.web.errors"]

    with TestClient(app, raise_server_exceptions=False) as http:
        http.post("/api/projects", json={"name": "Acme", "id": "acme"}, headers=auth)
        redis_server.stop()
        with caplog.at_level(logging.WARNING):
            # Twenty refused webhooks a second for ten seconds, and one API call.
            assert {deliver(n / 20) for n in range(200)} == {503}
            refused = http.post("/ingest/manual/webhook", params={"project_id": "acme"}, json={})
            assert "may have been stored, and retrying it is safe" in refused.json()["error"]
            [first] = lines()
            assert first.startswith("storage unavailable (Redis")
            listed = http.get("/api/feedback", params={"project_id": "acme"}, headers=auth)
            assert listed.status_code == 503
            assert len(lines()) == 1
            assert deliver(10.0) == 503  # an interval since the first line: the count
            assert len(lines()) == 2
            assert lines()[1].startswith(
                "201 webhooks and 1 other requests refused in the last 10 s: "
                "storage unavailable (Redis"
            )
            assert deliver(10.5) == 503
            assert len(lines()) == 2, "the next line waits for the next interval"
            # Quiet for longer than an interval: another outage, said at once.
            assert deliver(60.0) == 503
            assert len(lines()) == 3
            assert lines()[2].startswith("storage unavailable (Redis")
            assert lines()[2].endswith("(1 more were refused at the end of the last outage)")
