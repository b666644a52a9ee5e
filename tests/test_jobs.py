"""The background worker's two jobs, clustering and syncs: each runs, and fails, on its own."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from pathlib import Path

import anyio
import pytest

from soulcaster_core.jobs import Job, background_jobs, run_jobs, sync_every
from soulcaster_core.models import FeedbackItem, utcnow
from soulcaster_core.services import Services
from soulcaster_core.settings import Settings
from soulcaster_core.wiring import DEFAULT_PROJECT, open_services
from soulcaster_core.worker import ClusterWorker

pytestmark = pytest.mark.anyio


@pytest.fixture
async def services(tmp_path: Path, anyio_backend: str) -> AsyncIterator[Services]:
    settings = Settings(data_dir=tmp_path, api_token="t", load_plugins="", run_worker=False)
    async with open_services(settings) as opened:
        yield opened


async def ingest(services: Services, *titles: str) -> None:
    now = utcnow()
    for number, title in enumerate(titles):
        item = FeedbackItem(
            project_id=DEFAULT_PROJECT,
            source="manual",
            external_id=str(number),
            title=title,
            created_at=now,
            received_at=now,
        )
        assert (await services.store.ingest(item)).status == "created"


async def test_the_worker_runs_clustering_and_syncs_as_two_named_jobs(services: Services) -> None:
    jobs = background_jobs(services, consumer="w1")
    assert [job.name for job in jobs] == ["clustering", "syncs"]


async def test_a_sync_that_keeps_failing_does_not_hold_clustering_back(
    services: Services, caplog: pytest.LogCaptureFixture
) -> None:
    await ingest(services, "Disk full on db-1", "TypeError: x is undefined", "Login page 502s")
    stop = anyio.Event()
    failures = 0

    async def broken_sync(_: Services) -> None:
        nonlocal failures
        failures += 1
        if failures >= 3 and not await services.store.queue_depth():
            stop.set()  # clustered everything while this job failed round after round
        raise RuntimeError("the poll API moved")

    async def syncs(stop: anyio.Event) -> None:
        await sync_every(services, 0.01, stop, sync=broken_sync)

    clustering = ClusterWorker(services, consumer="w1", block_ms=10)
    jobs = [Job("clustering", clustering.run), Job("syncs", syncs)]
    with anyio.fail_after(30):  # a guard against a hang, not a measure
        await run_jobs(jobs, stop)
    items, _ = await services.store.list_items(DEFAULT_PROJECT, limit=10)
    assert len(items) == 3 and all(item.cluster_id for item in items)
    assert "syncing the polling sources failed" in caplog.text


async def test_a_job_that_fails_outright_is_started_again_while_the_other_goes_on(
    caplog: pytest.LogCaptureFixture, anyio_backend: str
) -> None:
    caplog.set_level(logging.ERROR, logger="soulcaster_core.jobs")
    stop = anyio.Event()
    crashes = steady_starts = 0
    third_run = anyio.Event()

    async def crashy(stop: anyio.Event) -> None:
        nonlocal crashes
        if crashes < 2:
            crashes += 1
            raise RuntimeError(f"crash {crashes}")
        third_run.set()
        await stop.wait()

    async def steady(stop: anyio.Event) -> None:
        nonlocal steady_starts
        steady_starts += 1
        await stop.wait()

    jobs = [Job("crashy", crashy), Job("steady", steady)]
    with anyio.fail_after(30):
        async with anyio.create_task_group() as tasks:
            tasks.start_soon(lambda: run_jobs(jobs, stop, restart_first=0.0))
            await third_run.wait()
            assert steady_starts == 1  # never stopped by the other's failures
            stop.set()
    failed = [r.getMessage() for r in caplog.records if "crashy" in r.getMessage()]
    assert failed == ["the crashy job failed; starting it again in 0 s"] * 2
    assert "crash 1" in caplog.text and "crash 2" in caplog.text


async def test_a_job_stops_when_told(services: Services) -> None:
    stop = anyio.Event()
    rounds = 0

    async def sync(_: Services) -> None:
        nonlocal rounds
        rounds += 1
        stop.set()

    with anyio.fail_after(30):
        await run_jobs([Job("syncs", lambda stop: sync_every(services, 3600, stop, sync))], stop)
    assert rounds == 1  # the first round runs at start; stopping ends the wait for the next
