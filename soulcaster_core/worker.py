"""The clustering worker: takes stored items off the queue and clusters them.

On Redis the queue is a stream with one consumer group: run several ``soulcaster worker``
processes and they share the entries. Each worker renews a heartbeat (a key, a row) with a
short time to live while it runs; the entries of a worker whose heartbeat lapsed (it crashed,
or was killed) are taken over by another within ``HEARTBEAT_TTL_MS``, while a slow worker that
is alive keeps its batch however long it takes. On the embedded default,
``soulcaster serve`` runs one worker in-process over the SQLite outbox.

An entry is acknowledged only after its item's cluster is stored, so a crash or an outage
loses nothing: while Gemini or Upstash are down, entries stay queued (ingestion goes on, it
never waits for clustering), the worker backs off, and it catches up when they return. An
item that makes the clusterer fail by itself (a bug, not an outage) is marked as such and
acknowledged, so that it does not hold its batch back forever.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence

import anyio

from .clustering.clusterer import Clusterer
from .errors import ClusteringUnavailable, StoreUnavailable
from .incidents.model import IncidentWork
from .incidents.step import IncidentStep
from .models import FeedbackItem, QueueEntry, utcnow
from .services import Services
from .store.port import iso

log = logging.getLogger(__name__)

#: How long a worker's heartbeat lasts unless renewed: past it, its entries are taken over.
HEARTBEAT_TTL_MS = 5_000
#: How often a running worker renews its heartbeat: several times per time to live, so that a
#: slow round trip or a busy event loop does not let it lapse.
HEARTBEAT_EVERY_MS = 1_000
#: A dead worker's entry is taken over once idle this long (beside its heartbeat having
#: lapsed): a margin for consumers that never beat (a worker of an earlier version during an
#: upgrade), whose batch in flight is not taken from under them at once.
RECLAIM_IDLE_MS = 1_000
#: How long one ``claim`` waits for new entries before the loop looks around again.
BLOCK_MS = 1_000
#: Backoff while the embedder, the index or the store is down: first and longest waits.
BACKOFF_FIRST = 1.0
BACKOFF_MAX = 60.0


def clusterer_for(services: Services) -> Clusterer:
    """The clusterer of the process's embedder and vector index, at the options' threshold."""
    threshold = services.jobs.cluster_threshold
    return Clusterer(services.store, services.embedder, services.index, threshold=threshold)


class ClusterWorker:
    def __init__(
        self,
        services: Services,
        consumer: str,
        *,
        clusterer: Clusterer | None = None,
        reclaim_idle_ms: int = RECLAIM_IDLE_MS,
        heartbeat_ttl_ms: int = HEARTBEAT_TTL_MS,
        heartbeat_every_ms: int = HEARTBEAT_EVERY_MS,
        block_ms: int = BLOCK_MS,
        backoff_first: float = BACKOFF_FIRST,
        sleep: Callable[[float], Awaitable[None]] = anyio.sleep,
    ) -> None:
        self.services = services
        self.consumer = consumer
        self.clusterer = clusterer or clusterer_for(services)
        self.reclaim_idle_ms = reclaim_idle_ms
        self.heartbeat_ttl_ms = heartbeat_ttl_ms
        self.heartbeat_every_ms = heartbeat_every_ms
        self.block_ms = block_ms
        self.backoff_first = backoff_first
        self._sleep = sleep
        #: Entries this worker holds that failed during an outage: retried first.
        self._held: list[QueueEntry] = []
        #: ``run``'s stop event, and the wait for new entries under way (which a stop ends).
        self._stop: anyio.Event | None = None
        self._waiting: anyio.CancelScope | None = None
        self.incidents = IncidentStep(services.store, services.jobs.incident_window)

    @property
    def batch_size(self) -> int:
        return self.services.jobs.worker_batch

    async def run_once(self) -> int:
        """Handle one batch: held entries, then stale ones of dead workers, then new ones.

        Returns how many entries were acknowledged. Raises ``ClusteringUnavailable`` or
        ``StoreUnavailable`` (entries kept, nothing acknowledged) when a service is down.
        """
        store = self.services.store
        entries = self._held
        self._held = []
        try:
            if len(entries) < self.batch_size:
                # Entries held through an outage are this consumer's, idle: they come back.
                entries = _unique(
                    entries
                    + await store.reclaim(
                        self.consumer, self.reclaim_idle_ms, self.batch_size - len(entries)
                    )
                )
            if not entries:
                entries = await self._claim()
            if not entries:
                return 0
            try:
                await self._cluster(entries)
            except (ClusteringUnavailable, StoreUnavailable):
                raise
            except Exception:
                # One item the clusterer chokes on must not hold the rest of its batch back
                # for good (the batch would come back, and fail, every reclaim): find it.
                log.exception("clustering batch failed; clustering its items one by one")
                await self._cluster_one_by_one(entries)
            await store.ack(entries)
        except (ClusteringUnavailable, StoreUnavailable):
            self._held = _unique(entries)
            raise
        return len(entries)

    async def _claim(self) -> list[QueueEntry]:
        """New entries, waiting up to ``block_ms`` for some; none once ``run`` is asked to stop.

        A stop ends the wait at once (``_wake_on``): ``soulcaster serve`` waited out the whole
        block at every stop. An entry a cancelled wait took (Redis answered as it was cut) is
        this consumer's unacknowledged, taken over once its heartbeat lapses, as a crash's is.
        """
        claimed: list[QueueEntry] = []
        with anyio.CancelScope() as self._waiting:
            if self._stop is not None and self._stop.is_set():
                return claimed
            claimed = await self.services.store.claim(self.consumer, self.batch_size, self.block_ms)
        self._waiting = None
        return claimed

    async def _wake_on(self, stop: anyio.Event) -> None:
        await stop.wait()
        if self._waiting is not None:
            self._waiting.cancel()

    async def _cluster(self, entries: Sequence[QueueEntry]) -> None:
        by_project: dict[str, list[str]] = {}
        for entry in entries:
            by_project.setdefault(entry.project_id, []).append(entry.item_id)
        for project_id, item_ids in by_project.items():
            # An item deleted since it was queued is simply not there: nothing to cluster.
            items = await self.services.store.get_items(project_id, list(dict.fromkeys(item_ids)))
            await self._cluster_project(project_id, items)

    async def _cluster_project(self, project_id: str, items: list[FeedbackItem]) -> None:
        placed = False

        def incidents(clusters: Mapping[str, str]) -> IncidentWork | None:
            nonlocal placed
            placed = True
            try:
                return self.incidents.work(project_id, items, clusters, guarded=True)
            except Exception:  # a bug in incidents must not hold clustering back
                log.exception("placing items of %s in incidents failed", project_id)
                return None

        # The incident step in the clusters' own atomic step: no transaction (no round trip)
        # of its own. A batch with nothing to cluster (a replay) is placed apart.
        await self.clusterer.assign(project_id, items, then=incidents)
        if not placed:
            await self._place_in_incidents(project_id, items, {})

    async def _place_in_incidents(
        self, project_id: str, items: Sequence[FeedbackItem], clusters: dict[str, str]
    ) -> None:
        try:
            await self.incidents.place(project_id, items, clusters)
        except StoreUnavailable:
            raise
        except Exception:  # a bug in incidents must not hold clustering back
            log.exception("placing items of %s in incidents failed", project_id)

    async def _cluster_one_by_one(self, entries: Sequence[QueueEntry]) -> None:
        """Cluster each entry alone; an item that fails on its own is marked and let go.

        Its failure is kept in the item's ``metadata["clustering"]`` (the API and dashboard
        show it) and logged; the item itself stays stored, unclustered. Assigning is
        idempotent, so the items of the failed batch that were clustered are left as they are.
        """
        for entry in entries:
            try:
                await self._cluster([entry])
            except (ClusteringUnavailable, StoreUnavailable):
                raise
            except Exception as exc:
                log.exception("item %s of %s cannot be clustered", entry.item_id, entry.project_id)
                failure = {"error": f"{type(exc).__name__}: {exc}"[:500], "at": iso(utcnow())}
                await self.services.store.set_item_clusters(
                    entry.project_id, [(entry.item_id, None, failure)]
                )

    async def run(self, stop: anyio.Event) -> None:
        """Work until ``stop`` is set: batches back to back, backing off while a service is
        down, and the incident sweep every ``incident_sweep_seconds``; a heartbeat says all
        along that this worker is alive. (The background worker's other job, the syncs of
        the polling sources, runs beside it: ``jobs.py``.)"""
        self._stop = stop
        await self._beat()  # before the first claim: what it takes is known to be held
        async with anyio.create_task_group() as tasks:
            tasks.start_soon(self._keep_beating)
            tasks.start_soon(self._wake_on, stop)
            await self._work(stop)
            tasks.cancel_scope.cancel()

    async def _beat(self) -> None:
        # Down: the work loop says so, and backs off.
        with contextlib.suppress(StoreUnavailable):
            await self.services.store.heartbeat(self.consumer, self.heartbeat_ttl_ms)

    async def _keep_beating(self) -> None:
        while True:
            await anyio.sleep(self.heartbeat_every_ms / 1000)
            await self._beat()

    async def _work(self, stop: anyio.Event) -> None:
        delay = self.backoff_first
        next_sweep = time.monotonic()
        while not stop.is_set():
            if time.monotonic() >= next_sweep:
                next_sweep = time.monotonic() + self.services.jobs.incident_sweep_seconds
                await self.sweep_incidents()
            try:
                await self.run_once()
            except (ClusteringUnavailable, StoreUnavailable) as exc:
                log.warning("clustering paused for %.0fs: %s", delay, exc)
                with anyio.move_on_after(delay):
                    await stop.wait()
                delay = min(delay * 2, BACKOFF_MAX)
                continue
            except Exception:  # a bug must not stop clustering for good; the entries wait
                log.exception("clustering batch failed")
                with anyio.move_on_after(delay):
                    await stop.wait()
                delay = min(delay * 2, BACKOFF_MAX)
                continue
            delay = self.backoff_first
            await self._sleep(0)  # let the web app breathe between batches

    async def sweep_incidents(self) -> None:
        """Close the incidents whose alerts recovered (a recovery updates an item, it is not
        queued) or that have been quiet for the window."""
        try:
            for project in await self.services.store.list_projects():
                await self.incidents.sweep(project.id, utcnow())
        except StoreUnavailable as exc:
            log.warning("incident sweep skipped: %s", exc)
        except Exception:  # the next sweep tries again; clustering goes on
            log.exception("incident sweep failed")


def _unique(entries: Sequence[QueueEntry]) -> list[QueueEntry]:
    return list({entry.entry_id: entry for entry in entries}.values())
