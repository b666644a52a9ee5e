"""The worker: consumes the queue, survives outages of Gemini and Upstash without losing an
item or slowing ingestion, and on Redis shares the work and takes over a crashed worker's."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import AsyncIterator, Sequence
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest

from soulcaster_core.clustering.clusterer import Clusterer
from soulcaster_core.clustering.embedders.gemini import GeminiEmbedder
from soulcaster_core.clustering.embedders.local import LocalEmbedder
from soulcaster_core.clustering.indexes.local import LocalIndex
from soulcaster_core.clustering.indexes.upstash import UpstashIndex
from soulcaster_core.errors import ClusteringUnavailable
from soulcaster_core.models import FeedbackItem, Project
from soulcaster_core.outbound import tls_context
from soulcaster_core.store.port import Store
from soulcaster_core.store.redis import RedisStore
from soulcaster_core.store.sqlite import SQLiteStore
from soulcaster_core.worker import RECLAIM_IDLE_MS, ClusterWorker

from . import items as fx
from .conftest import no_sleep
from .fakes import UPSTASH_URL, FakeGemini, FakeUpstash
from .services import services_for

pytestmark = pytest.mark.anyio


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(verify=tls_context()) as client:
        yield client


def reports() -> list[FeedbackItem]:
    """Two bugs and an unrelated alert, as several tools report them."""
    return [
        fx.sentry_error(),
        fx.splunk_log("r1"),
        fx.datadog_alert("web-1"),
        fx.near_miss(),
        fx.unrelated(),
        fx.posthog_exception(),
        fx.splunk_log("r2"),
    ]


async def ingest_all(store: Store, made: list[FeedbackItem]) -> None:
    await store.create_project(Project(id=fx.PROJECT, name="Acme"))
    for item in made:
        assert (await store.ingest(item)).status == "created"


async def drain(worker: ClusterWorker) -> int:
    total = 0
    while handled := await worker.run_once():
        total += handled
    return total


async def unassigned(store: Store, made: list[FeedbackItem]) -> int:
    found = [await store.get_item(fx.PROJECT, item.id) for item in made]
    return sum(1 for item in found if item is not None and item.cluster_id is None)


async def check_exactly_once(store: Store, made: list[FeedbackItem]) -> dict[str, str]:
    """Every item has one cluster, and is listed, once, by that cluster only."""
    cluster_of = {}
    for item in made:
        found = await store.get_item(fx.PROJECT, item.id)
        assert found is not None and found.cluster_id is not None, item.title
        cluster_of[item.id] = found.cluster_id
    clusters, _ = await store.list_clusters(fx.PROJECT, limit=1000)
    members = {
        c.id: (await store.cluster_item_ids(fx.PROJECT, c.id, limit=1000))[0] for c in clusters
    }
    listed = Counter(i for ids in members.values() for i in ids)
    assert listed == Counter(list(cluster_of))  # each item once
    for cluster in clusters:
        assert all(cluster_of[i] == cluster.id for i in members[cluster.id])
        assert cluster.item_count == len(members[cluster.id])
    assert await store.queue_depth() == 0
    return cluster_of


async def test_worker_clusters_the_queue(store: Store, http: httpx.AsyncClient) -> None:
    made = reports()
    await ingest_all(store, made)
    worker = ClusterWorker(services_for(store, http, worker_batch=3), "w1", block_ms=0)
    assert await drain(worker) == len(made)
    cluster_of = await check_exactly_once(store, made)
    assert len(set(cluster_of.values())) == 3  # the bug, its near miss, the disk alert


async def test_gemini_outage_waits_then_catches_up(
    store: Store, http: httpx.AsyncClient, fake_gemini: FakeGemini
) -> None:
    services = services_for(store, http, worker_batch=4)
    gemini = GeminiEmbedder("k", tls=tls_context(), dimensions=64, attempts=2, sleep=no_sleep)
    worker = ClusterWorker(
        services, "w1", block_ms=0, clusterer=Clusterer(store, gemini, LocalIndex(store))
    )
    made = reports()
    fake_gemini.down = 503
    await ingest_all(store, made[:4])
    with pytest.raises(ClusteringUnavailable):
        await worker.run_once()
    # Ingestion goes on while clustering waits; nothing is acknowledged, nothing is lost.
    for item in made[4:]:
        assert (await store.ingest(item)).status == "created"
    with pytest.raises(ClusteringUnavailable):
        await worker.run_once()
    assert await store.queue_depth() == len(made)
    assert await unassigned(store, made) == len(made)

    fake_gemini.down = None
    assert await drain(worker) == len(made)
    await check_exactly_once(store, made)
    await gemini.aclose()


async def test_upstash_outage_waits_then_catches_up(
    store: Store, http: httpx.AsyncClient, fake_upstash: FakeUpstash
) -> None:
    index = UpstashIndex(UPSTASH_URL, "t", attempts=2, sleep=no_sleep)
    worker = ClusterWorker(
        services_for(store, http),
        "w1",
        block_ms=0,
        clusterer=Clusterer(store, LocalEmbedder(), index),
    )
    made = reports()
    await ingest_all(store, made)
    fake_upstash.down = True
    with pytest.raises(ClusteringUnavailable):
        await worker.run_once()
    assert await store.queue_depth() == len(made)
    fake_upstash.down = False
    assert await drain(worker) == len(made)
    await check_exactly_once(store, made)
    await index.aclose()


async def test_run_backs_off_during_an_outage_and_stops(
    store: Store, http: httpx.AsyncClient, fake_gemini: FakeGemini
) -> None:
    made = reports()
    await ingest_all(store, made)
    gemini = GeminiEmbedder("k", tls=tls_context(), dimensions=64, attempts=1, sleep=no_sleep)
    stop = anyio.Event()
    worker = ClusterWorker(
        services_for(store, http),
        "w1",
        block_ms=0,
        backoff_first=0.01,  # production waits 1 s, doubling: the same path, sooner
        clusterer=Clusterer(store, gemini, LocalIndex(store)),
    )
    fake_gemini.down = 503
    calls = 0
    real_run_once = worker.run_once

    async def run_once() -> int:
        nonlocal calls
        calls += 1
        if calls == 2:
            fake_gemini.down = None  # the service returns while the worker backs off
        if calls == 3:
            stop.set()
        return await real_run_once()

    worker.run_once = run_once  # type: ignore[method-assign]
    with anyio.fail_after(30):
        await worker.run(stop)
    assert await store.queue_depth() == 0
    await gemini.aclose()


async def test_a_stop_ends_the_wait_for_new_entries_and_the_next_item_waits_in_the_queue(
    store: Store, http: httpx.AsyncClient
) -> None:
    # A wait for new entries of ten minutes (SQLite's; Redis caps a blocking read below its
    # socket timeout): the stop must cut it, not outlast it.
    worker = ClusterWorker(services_for(store, http), "w1", block_ms=600_000)
    claiming = anyio.Event()
    claim = store.claim

    async def claim_and_tell(*args: Any) -> Any:
        claiming.set()
        return await claim(*args)

    store.claim = claim_and_tell  # type: ignore[method-assign]
    stop = anyio.Event()
    with anyio.fail_after(30):  # a bound on a hang, not a speed requirement
        async with anyio.create_task_group() as tasks:
            tasks.start_soon(worker.run, stop)
            await claiming.wait()  # the worker waits on the empty queue
            stop.set()
    made = reports()
    await ingest_all(store, made)
    assert await store.queue_depth() == len(made)  # the stopped worker took none of them
    assert await unassigned(store, made) == len(made)


# -- Redis (``redis_store``: plain and cluster): several workers, one crashed ------------------
async def test_workers_share_the_stream(redis_store: RedisStore, http: httpx.AsyncClient) -> None:
    made = reports() * 1 + [fx.splunk_log(f"x{i}") for i in range(5)]
    await ingest_all(redis_store, made)
    services = services_for(redis_store, http, worker_batch=3)
    one = ClusterWorker(services, "one", block_ms=0)
    two = ClusterWorker(services, "two", block_ms=0)
    handled = {"one": 0, "two": 0}
    while True:
        a, b = await one.run_once(), await two.run_once()
        handled["one"] += a
        handled["two"] += b
        if not a and not b:
            break
    assert handled["one"] > 0 and handled["two"] > 0
    assert handled["one"] + handled["two"] == len(made)
    await check_exactly_once(redis_store, made)


async def test_a_crashed_workers_batch_is_reclaimed_and_assigned_once(
    redis_store: RedisStore, http: httpx.AsyncClient
) -> None:
    made = reports() + [fx.splunk_log(f"y{i}") for i in range(6)]
    await ingest_all(redis_store, made)
    script = Path(__file__).with_name("crashing_worker.py")
    crashed = await anyio.run_process(
        [sys.executable, str(script), redis_store.url, redis_store.prefix, "5"], check=False
    )
    assert crashed.returncode == 137, crashed.stderr.decode()
    assigned = [
        i
        for i in made
        if (await redis_store.get_item(fx.PROJECT, i.id)).cluster_id  # type: ignore[union-attr]
    ]
    assert len(assigned) == 5  # it died half-way through its batch
    assert await redis_store.queue_depth() == len(made)  # and acknowledged nothing

    # The survivor takes over entries idle for any time at all: their owner is gone.
    survivor = ClusterWorker(
        services_for(redis_store, http), "survivor", reclaim_idle_ms=0, block_ms=0
    )
    assert await drain(survivor) == len(made)
    await check_exactly_once(redis_store, made)


#: The stalled worker's heartbeat: short, so that the test watches it lapse within a second,
#: renewed five times in its life (a loaded machine may hold a process back for a while).
STALLED_HEARTBEAT_MS = 500


async def test_a_slow_worker_keeps_its_batch_a_killed_one_loses_it_once_its_heartbeat_lapses(
    store: Store, http: httpx.AsyncClient, tmp_path: Path
) -> None:
    made = reports()
    await ingest_all(store, made)
    script = Path(__file__).with_name("stalled_worker.py")
    if isinstance(store, SQLiteStore):
        where = [str(store.path)]
    else:
        assert isinstance(store, RedisStore)
        where = [store.url, store.prefix]  # a single Redis or a cluster (redis+cluster://)
    command = [sys.executable, str(script), store.kind, *where, str(STALLED_HEARTBEAT_MS)]
    survivor = ClusterWorker(services_for(store, http), "survivor", block_ms=0)
    async with await anyio.open_process(command) as stalled:
        try:
            assert stalled.stdout is not None
            with anyio.fail_after(30):
                said = b""
                while b"stalled" not in said:
                    said += await stalled.stdout.receive()
            # Alive, mid-batch, for several times its heartbeat's life: nobody takes its batch,
            # even with no idle time asked of it.
            survivor.reclaim_idle_ms = 0
            for _ in range(3):
                await anyio.sleep(STALLED_HEARTBEAT_MS / 2000)
                assert await survivor.run_once() == 0
            assert await store.queue_depth() == len(made)
        finally:
            stalled.kill()  # SIGKILL: no clean-up, no acknowledgement
    # With the default idle time (not a minute), its batch is taken over once the heartbeat
    # lapses.
    survivor.reclaim_idle_ms = RECLAIM_IDLE_MS
    taken = 0
    with anyio.fail_after(30):
        while taken < len(made):
            taken += await survivor.run_once()
            await anyio.sleep(0.05)
    await check_exactly_once(store, made)


async def test_an_item_the_clusterer_chokes_on_does_not_hold_back_its_batch(
    store: Store, http: httpx.AsyncClient
) -> None:
    good = [fx.sentry_error(), fx.unrelated()]
    poison = FeedbackItem(
        project_id=fx.PROJECT, source="manual", external_id="poison", title="poison pill"
    )
    made = [good[0], poison, good[1]]
    await ingest_all(store, made)
    worker = ClusterWorker(services_for(store, http), "w1", block_ms=0, reclaim_idle_ms=0)
    real_assign = worker.clusterer.assign

    async def choking_assign(project_id: str, items: Sequence[FeedbackItem], **kw: Any) -> Any:
        if any(item.title == "poison pill" for item in items):
            raise ValueError("a bug that only this item triggers")
        return await real_assign(project_id, items, **kw)

    worker.clusterer.assign = choking_assign  # type: ignore[method-assign]
    assert await worker.run_once() == 3, "the whole batch is acknowledged"
    assert await worker.run_once() == 0, "nothing comes back, even at once"
    assert await store.queue_depth() == 0
    for item in good:
        found = await store.get_item(fx.PROJECT, item.id)
        assert found is not None and found.cluster_id is not None
    marked = await store.get_item(fx.PROJECT, poison.id)
    assert marked is not None and marked.cluster_id is None
    failure = marked.metadata["clustering"]
    assert failure["error"] == "ValueError: a bug that only this item triggers"
