"""What a running server (or worker) holds: store, plugins, embedder and vector index, an HTTP
client, the token, and the options the pipeline and the jobs run with.

``soulcaster_core.wiring`` builds it, the options from the settings: nothing here, nor in the
pipeline, the syncs or the worker, reads ``Settings`` (tests/test_layers.py holds them to it).
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass, field
from datetime import timedelta

import httpx

from .clustering.embedders import Embedder
from .clustering.indexes import VectorIndex
from .configs import ConfigCache
from .models import Project
from .plugins import PluginHost
from .store import Store

#: How long a project id, once seen in the store, is trusted without asking again: short, so
#: that a project gone from the store (a Redis restarted without its data) is an error within
#: seconds, not items written into nothing; one read per project every few seconds.
PROJECT_CACHE_SECONDS = 2.0
#: How long a process trusts the dashboard's session epoch: a logout elsewhere reaches it after.
SESSION_EPOCH_CACHE_SECONDS = 2.0
SESSION_EPOCH = "dashboard_session_epoch"


@dataclass(frozen=True)
class IngestOptions:
    """What every delivery (webhook, sync, replay, API call) is held to, and kept for."""

    #: Bodies over this many bytes are refused (413); a delivery's raw bodies keep at most this.
    max_body_bytes: int
    #: JSON nesting deeper than this is refused (400).
    max_json_depth: int
    #: The most items one delivery may map to; more is 413.
    max_items_per_delivery: int
    #: How long a sender's delivery id is remembered.
    delivery_ttl_seconds: int
    #: How long each delivery's raw body is kept; 0 keeps none.
    raw_retention_days: float
    #: Each project's source's token bucket.
    rate_limit_per_second: float
    rate_limit_burst: int


@dataclass(frozen=True)
class JobOptions:
    """What the background jobs run with: clustering (the worker) and the syncs."""

    #: Queue entries a worker takes at once.
    worker_batch: int
    #: The cosine an item needs to join a cluster; None: the embedder's own default.
    cluster_threshold: float | None
    #: How long after its last item an open incident still takes items.
    incident_window: timedelta
    #: Seconds between the worker's checks of open incidents.
    incident_sweep_seconds: float
    #: Seconds between rounds of syncs, and the longest one sync may run.
    sync_interval_seconds: float
    sync_timeout_seconds: float


@dataclass
class Services:
    ingest: IngestOptions
    jobs: JobOptions
    store: Store
    plugins: PluginHost
    #: The clustering ports' adapters of this process: the worker and the cluster routes of
    #: one process share the index (its in-memory copy sees their merges and moves at once).
    embedder: Embedder
    index: VectorIndex
    http: httpx.AsyncClient
    api_token: str
    configs: ConfigCache
    #: The URL senders reach this server at (webhook URLs, the dashboard's origin check).
    public_url: str | None = None
    _known_projects: dict[str, float] = field(default_factory=dict)
    _projects: dict[str, tuple[float, Project]] = field(default_factory=dict)
    _session_epoch: tuple[float, str] = (0.0, "")

    def known_project(self, project_id: str) -> bool:
        """Whether ``project_exists`` would answer yes from its cache, without asking the store
        (every webhook asks first: no coroutine when the answer is at hand)."""
        return self._known_projects.get(project_id, 0.0) > time.monotonic()

    async def project_exists(self, project_id: str) -> bool:
        """Whether the project exists; a hit is cached, as every webhook asks (a round trip)."""
        now = time.monotonic()
        if self._known_projects.get(project_id, 0.0) > now:
            return True
        if await self.store.get_project(project_id) is None:
            return False
        self._known_projects[project_id] = now + PROJECT_CACHE_SECONDS
        return True

    def cached_project(self, project_id: str) -> Project | None:
        """What ``project`` would answer from its cache, or ``None`` (then ask ``project``)."""
        hit = self._projects.get(project_id)
        return hit[1] if hit is not None and hit[0] > time.monotonic() else None

    async def project(self, project_id: str) -> Project | None:
        """The project and its settings, kept as briefly as a source's config (a change made
        in another process counts within that time)."""
        now = time.monotonic()
        hit = self._projects.get(project_id)
        if hit is not None and hit[0] > now:
            return hit[1]
        project = await self.store.get_project(project_id)
        if project is not None:
            self._projects[project_id] = (now + self.configs.ttl, project)
        return project

    async def save_project(self, project: Project) -> None:
        self._projects.pop(project.id, None)
        await self.store.save_project(project)
        self._projects.pop(project.id, None)

    async def session_epoch(self) -> str:
        """What every dashboard session cookie is derived from besides the token ("" at first).

        A logout replaces it, which ends every session, copies of a cookie included.
        """
        expires, epoch = self._session_epoch
        now = time.monotonic()
        if expires > now:
            return epoch
        epoch = await self.store.get_setting(SESSION_EPOCH) or ""
        self._session_epoch = (now + SESSION_EPOCH_CACHE_SECONDS, epoch)
        return epoch

    async def end_sessions(self) -> None:
        epoch = secrets.token_hex(16)
        await self.store.set_setting(SESSION_EPOCH, epoch)
        self._session_epoch = (time.monotonic() + SESSION_EPOCH_CACHE_SECONDS, epoch)
