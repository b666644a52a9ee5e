"""The composition root: what a process runs with, built from its settings, in one place.

The store, the embedder and the vector index are chosen by name through the adapter registry
(``adapters``; a third party's adapter registers by entry point, as the core's own do), the
plugins through theirs (``plugins``). Every other module takes what it needs as arguments or
through ``Services`` and its plain options (``IngestOptions``, ``JobOptions``, built here): only
this module, the CLI and the adapters' factories read the settings.

``create_app`` is what ``soulcaster serve`` runs (uvicorn's factory, once per web process);
``open_services`` is what the other commands, the worker and the tests open.
"""

from __future__ import annotations

import os
import secrets
import socket
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from contextlib import AsyncExitStack, asynccontextmanager
from datetime import timedelta
from typing import TYPE_CHECKING

from . import adapters
from .errors import PluginError
from .settings import Settings

# `soulcaster token`, `projects` and `plugins` import this module too: what only a server or a
# worker runs with (the web app, the jobs, the clustering's numpy, the outbound HTTP policy) is
# imported where it is built, not here (with the package's names imported when first asked
# for, a `soulcaster token` takes 0.18 s of CPU, not 0.56).
if TYPE_CHECKING:
    from starlette.applications import Starlette

    from .clustering.embedders import Embedder
    from .clustering.indexes import VectorIndex
    from .plugins import PluginHost
    from .services import IngestOptions, JobOptions, Services
    from .store import Store

#: The project the embedded store starts with, so that a first curl works.
DEFAULT_PROJECT = "default"


def _built(port: adapters.Port, name: str, made: object, kind: type) -> None:
    # What an adapter's factory gives is checked at start-up, naming the adapter: not later,
    # as an AttributeError deep in a webhook.
    if not isinstance(made, kind):
        raise PluginError(
            f"the {port.noun} adapter {name!r} made a {type(made).__name__}, not a {kind.__name__}"
        )


def build_store(settings: Settings) -> Store:
    """The store the settings name (not yet opened), with their dead-letter caps."""
    from .store import Store
    from .store.dead_letters import DeadLetterLimits

    name = settings.store_name
    make: Callable[[Settings], Store] = adapters.factory(adapters.STORES, name)
    store = make(settings)
    _built(adapters.STORES, name, store, Store)
    store.dead_letter_limits = DeadLetterLimits(
        max_count=settings.dead_letter_max_count,
        max_bytes=settings.dead_letter_max_bytes,
        max_age=(
            timedelta(days=settings.dead_letter_retention_days)
            if settings.dead_letter_retention_days
            else None
        ),
    )
    return store


def build_embedder(settings: Settings) -> Embedder:
    from .clustering.embedders import Embedder

    make: Callable[[Settings], Embedder] = adapters.factory(adapters.EMBEDDERS, settings.embedder)
    embedder = make(settings)
    _built(adapters.EMBEDDERS, settings.embedder, embedder, Embedder)
    return embedder


def build_index(settings: Settings, store: Store) -> VectorIndex:
    from .clustering.indexes import VectorIndex

    name = settings.vector_index
    make: Callable[[Settings, Store], VectorIndex] = adapters.factory(adapters.INDEXES, name)
    index = make(settings, store)
    _built(adapters.INDEXES, name, index, VectorIndex)
    return index


async def check(settings: Settings) -> None:
    """Build each adapter the settings name, connecting to nothing, and let it go: a setting
    that cannot run fails here (``SettingsError``, ``PluginError``), before a server starts."""
    store = build_store(settings)
    try:
        embedder = build_embedder(settings)
        try:
            await build_index(settings, store).aclose()
        finally:
            await embedder.aclose()
    finally:
        await store.close()


def plugins_for(settings: Settings, extra: Iterable[object] = ()) -> PluginHost:
    from .plugins import load_plugins

    host = load_plugins(allow=settings.allowed_plugins, strict=settings.strict_plugins, extra=extra)
    host.hook_queue.size = settings.hook_queue_size
    return host


def ingest_options(settings: Settings) -> IngestOptions:
    from .services import IngestOptions

    return IngestOptions(
        max_body_bytes=settings.max_body_bytes,
        max_json_depth=settings.max_json_depth,
        max_items_per_delivery=settings.max_items_per_delivery,
        delivery_ttl_seconds=settings.delivery_ttl_seconds,
        raw_retention_days=settings.raw_retention_days,
        rate_limit_per_second=settings.rate_limit_per_second,
        rate_limit_burst=settings.rate_limit_burst,
    )


def job_options(settings: Settings) -> JobOptions:
    from .services import JobOptions

    return JobOptions(
        worker_batch=settings.worker_batch,
        # An explicit SOULCASTER_CLUSTER_THRESHOLD wins; else the embedder's own scale decides.
        cluster_threshold=(
            settings.cluster_threshold if "cluster_threshold" in settings.model_fields_set else None
        ),
        incident_window=timedelta(minutes=settings.incident_window_minutes),
        incident_sweep_seconds=settings.incident_sweep_seconds,
        sync_interval_seconds=settings.sync_interval_seconds,
        sync_timeout_seconds=settings.sync_timeout_seconds,
    )


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
    """Everything a process runs with, opened; closed (plugins told of the last items first)
    when the block ends."""
    import httpx

    from .configs import ConfigCache
    from .models import Project
    from .outbound import OutboundPolicy, tls_context
    from .services import Services

    store = build_store(settings)
    await store.open()
    async with AsyncExitStack() as stack:
        stack.push_async_callback(store.close)
        if store.embedded and not await store.list_projects():
            # The embedded default should work with a first curl, so it starts with a project.
            await store.create_project(Project(id=DEFAULT_PROJECT, name="Default"))
        embedder = build_embedder(settings)
        stack.push_async_callback(embedder.aclose)
        index = build_index(settings, store)
        stack.push_async_callback(index.aclose)
        http = await stack.enter_async_context(
            httpx.AsyncClient(timeout=httpx.Timeout(30.0), verify=tls_context(trust_env=True))
        )
        host = plugins or plugins_for(settings)
        # Plugins hear of what was stored before the process goes away.
        stack.push_async_callback(host.hook_queue.close)
        yield Services(
            ingest=ingest_options(settings),
            jobs=job_options(settings),
            store=store,
            plugins=host,
            embedder=embedder,
            index=index,
            http=http,
            api_token=api_token(settings),
            configs=ConfigCache(store, outbound=OutboundPolicy(settings.allow_private_hosts)),
            public_url=settings.public_url,
        )


def create_app(settings: Settings | None = None, *, plugins: Sequence[object] = ()) -> Starlette:
    """The web app of ``settings`` (read from the environment when not given): plugins are
    loaded now, the services opened when the app starts."""
    from .web.app import build_app

    settings = settings or Settings()
    host = plugins_for(settings, extra=plugins)
    chosen = settings
    app = build_app(
        lambda: open_services(chosen, host),
        host,
        background=_run_worker if settings.run_worker else None,
    )
    app.state.settings = settings
    return app


async def _run_worker(services: Services) -> None:
    """The embedded default runs the background worker (clustering, syncs) in-process, so
    ``soulcaster serve`` is the whole product.

    On SQLite the worker stays in the web process: the store is one process's file, and the
    worker wakes on this process's own writes. On Redis ``soulcaster serve`` runs it as a
    child process instead (``supervisor.py``) and builds this app with ``run_worker`` off; an
    app built otherwise with it on (uvicorn pointed at ``create_app``) still clusters here.
    """
    # Each process is its own consumer: N such apps on Redis share the queue N ways.
    import anyio

    from .jobs import background_jobs, run_jobs

    consumer = f"serve-{socket.gethostname()}-{os.getpid()}"
    await run_jobs(background_jobs(services, consumer), anyio.Event())
