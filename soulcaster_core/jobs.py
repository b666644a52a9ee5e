"""The background worker: two named jobs, each a task of its own, each isolated from the other.

    clustering  ``ClusterWorker.run``: the queue, then the incident sweep (``worker.py``)
    syncs       the sources that poll (PostHog), at start and every
                ``SOULCASTER_SYNC_INTERVAL_SECONDS`` (``sync.py``)

``soulcaster worker`` runs them, and so does ``soulcaster serve`` (in-process on the embedded
store, in its worker child process otherwise). A round of syncs that fails is logged and the
next one runs on time; a job that fails outright is logged and started again after a wait
(1 s, doubling to 60 s), while the other goes on: a plugin whose sync breaks never holds
clustering back, nor a clustering bug the syncs.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

import anyio

from .services import Services
from .sync import sync_due_sources
from .worker import ClusterWorker

log = logging.getLogger(__name__)

#: Waits before starting a failed job again: the first, doubled up to the longest.
RESTART_FIRST_SECONDS = 1.0
RESTART_MAX_SECONDS = 60.0
#: A job that ran this long before it failed was healthy: the next wait is the first again.
HEALTHY_SECONDS = 60.0


@dataclass(frozen=True)
class Job:
    name: str
    #: Runs until the event is set (or the task is cancelled).
    run: Callable[[anyio.Event], Awaitable[None]]


def background_jobs(services: Services, consumer: str) -> list[Job]:
    """The worker's jobs: clustering (as ``consumer`` of the queue) and the syncs."""
    worker = ClusterWorker(services, consumer=consumer)

    async def syncs(stop: anyio.Event) -> None:
        await sync_every(services, services.jobs.sync_interval_seconds, stop)

    return [Job("clustering", worker.run), Job("syncs", syncs)]


async def sync_every(
    services: Services,
    interval: float,
    stop: anyio.Event,
    sync: Callable[[Services], Awaitable[object]] = sync_due_sources,
) -> None:
    """Sync every polling source now, then every ``interval`` seconds until ``stop``; a round
    that fails is logged (each source's failure is already reported in its stats)."""
    while not stop.is_set():
        try:
            await sync(services)
        except Exception:
            log.exception("syncing the polling sources failed; the next round is on time")
        with anyio.move_on_after(interval):
            await stop.wait()


async def run_jobs(
    jobs: Sequence[Job],
    stop: anyio.Event,
    *,
    restart_first: float = RESTART_FIRST_SECONDS,
    restart_max: float = RESTART_MAX_SECONDS,
) -> None:
    """Run every job in a task of its own until ``stop`` is set."""
    async with anyio.create_task_group() as tasks:
        for job in jobs:
            tasks.start_soon(_keep_running, job, stop, restart_first, restart_max, name=job.name)


async def _keep_running(job: Job, stop: anyio.Event, first: float, longest: float) -> None:
    wait = first
    while not stop.is_set():
        started = time.monotonic()
        try:
            await job.run(stop)
        except Exception:
            log.exception("the %s job failed; starting it again in %.0f s", job.name, wait)
        else:
            if stop.is_set():
                return
            log.error("the %s job ended unasked; starting it again in %.0f s", job.name, wait)
        if time.monotonic() - started >= HEALTHY_SECONDS:
            wait = first
        with anyio.move_on_after(wait):
            await stop.wait()
        wait = min(wait * 2, longest)
