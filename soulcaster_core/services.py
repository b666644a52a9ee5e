"""What a running server (or worker) holds: settings, store, plugins, an HTTP client, the token."""

from __future__ import annotations

import secrets
import time
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

import httpx

from .configs import ConfigCache
from .models import Project
from .outbound import OutboundPolicy
from .plugins import PluginHost, load_plugins
from .settings import Settings
from .store import Store, open_store

DEFAULT_PROJECT = "default"


#: How long a project id, once seen in the store, is trusted without asking again: short, so
#: that a project gone from the store (a Redis restarted without its data) is an error within
#: seconds, not items written into nothing; one read per project every few seconds.
PROJECT_CACHE_SECONDS = 2.0
#: How long a process trusts the dashboard's session epoch: a logout elsewhere reaches it after.
SESSION_EPOCH_CACHE_SECONDS = 2.0
SESSION_EPOCH = "dashboard_session_epoch"


@dataclass
class Services:
    settings: Settings
    store: Store
    plugins: PluginHost
    http: httpx.AsyncClient
    api_token: str
    configs: ConfigCache
    _known_projects: dict[str, float] = field(default_factory=dict)
    _projects: dict[str, tuple[float, Project]] = field(default_factory=dict)
    _session_epoch: tuple[float, str] = (0.0, "")

    async def project_exists(self, project_id: str) -> bool:
        """Whether the project exists; a hit is cached, as every webhook asks (a round trip)."""
        now = time.monotonic()
        if self._known_projects.get(project_id, 0.0) > now:
            return True
        if await self.store.get_project(project_id) is None:
            return False
        self._known_projects[project_id] = now + PROJECT_CACHE_SECONDS
        return True

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


def plugins_for(settings: Settings, extra: Iterable[object] = ()) -> PluginHost:
    host = load_plugins(allow=settings.allowed_plugins, strict=settings.strict_plugins, extra=extra)
    host.hook_queue.size = settings.hook_queue_size
    return host


def api_token(settings: Settings) -> str:
    """The configured token, or the one generated into the data dir on first start."""
    if settings.api_token is not None:
        return settings.api_token.get_secret_value()
    path = settings.data_dir / "api_token"
    if path.exists():
        return path.read_text().strip()
    settings.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    token = secrets.token_urlsafe(32)
    path.touch(mode=0o600)
    path.write_text(token + "\n")
    return token


@asynccontextmanager
async def open_services(
    settings: Settings, plugins: PluginHost | None = None
) -> AsyncIterator[Services]:
    store = open_store(settings)
    await store.open()
    if store.kind == "sqlite" and not await store.list_projects():
        # The embedded default should work with a first curl, so it starts with a project.
        await store.create_project(Project(id=DEFAULT_PROJECT, name="Default"))
    async with httpx.AsyncClient(timeout=httpx.Timeout(30.0)) as http:
        host = plugins or plugins_for(settings)
        try:
            yield Services(
                settings=settings,
                store=store,
                plugins=host,
                http=http,
                api_token=api_token(settings),
                configs=ConfigCache(store, outbound=OutboundPolicy(settings.allow_private_hosts)),
            )
        finally:
            # Plugins hear of what was stored before the process goes away.
            await host.hook_queue.close()
            await store.close()
