"""Pulling events from sources that can poll (PostHog): on request, and on a timer in the worker."""

from __future__ import annotations

import asyncio
import logging
import os
import socket
from typing import Any

import anyio

from .configs import load_config, read_config
from .errors import BadRequest
from .handler import SyncContext, SyncReport, WebhookHandler
from .models import utcnow
from .pipeline import ingest_event
from .services import Services

log = logging.getLogger(__name__)


#: How long a sync may hold its lease before another process may take over (a crashed one).
SYNC_LEASE_SECONDS = 15 * 60
_OWNER = f"{socket.gethostname()}-{os.getpid()}"


async def run_sync(
    services: Services, project_id: str, handler: WebhookHandler[Any, Any]
) -> SyncReport | None:
    """One sync of one source in one project; failures are reported, never raised.

    ``None`` when another process (or task) is syncing it right now: two at once would fetch
    and count the same events twice.
    """
    lease = f"sync:{project_id}:{handler.source}"
    owner = f"{_OWNER}-{id(asyncio.current_task())}"
    if not await services.store.acquire_lease(lease, owner, SYNC_LEASE_SECONDS):
        return None
    try:
        return await _sync(services, project_id, handler)
    finally:
        await services.store.release_lease(lease, owner)


async def _sync(
    services: Services, project_id: str, handler: WebhookHandler[Any, Any]
) -> SyncReport:
    source = handler.source
    # Read fresh, under the lease, past the config cache: the cursor (e.g. last_synced) may
    # have been moved a moment ago by the process that held the lease before.
    config = await load_config(services.store, project_id, handler)

    async def ingest(event: Any) -> Any:
        return await ingest_event(services, handler, project_id, config, event)

    async def save_config(**values: Any) -> None:
        await services.configs.update(project_id, handler, values)

    deadline = services.jobs.sync_timeout_seconds
    try:
        # A client of its own per sync, under the outbound policy: a plugin reaches only
        # public https hosts, and a slow one holds this sync only, for ``deadline`` at most.
        async with services.configs.outbound.client() as http:
            context = SyncContext(
                project_id=project_id,
                config=config,
                http=http,
                ingest=ingest,
                save_config=save_config,
                sleep=anyio.sleep,
            )
            with anyio.fail_after(deadline):
                report = await handler.sync(context)
    except TimeoutError:
        log.warning("sync of %s for project %s passed %s s", source, project_id, deadline)
        report = SyncReport(
            error=f"sync stopped after {deadline:g} s (SOULCASTER_SYNC_TIMEOUT_SECONDS)"
        )
    except Exception as exc:  # a plugin bug must not take the worker down
        log.exception("sync of %s for project %s failed", source, project_id)
        report = SyncReport(error=f"{type(exc).__name__}: {exc}")
    kind = "sync_error" if report.error else "sync"
    await services.store.record_event(project_id, source, kind, utcnow(), report.error)
    return report


#: Syncs the worker's timer runs at once: a slow host then holds one slot, not the round.
CONCURRENT_SYNCS = 8


async def sync_due_sources(services: Services) -> list[tuple[str, str, SyncReport]]:
    """Sync every enabled, configured polling source of every project (the worker's timer)."""
    due: list[tuple[str, WebhookHandler[Any, Any]]] = []
    pollers = [h for h in services.plugins.handlers.values() if h.can_sync()]
    for project in await services.store.list_projects():
        for handler in pollers:
            try:
                config, enabled = await read_config(services.store, project.id, handler)
            except BadRequest as exc:  # a config an older plugin version wrote, say
                log.warning("not syncing %s in %s: %s", handler.source, project.id, exc.detail)
                continue
            if enabled and handler.sync_configured(config):
                due.append((project.id, handler))
    reports: dict[int, SyncReport] = {}
    limiter = anyio.CapacityLimiter(CONCURRENT_SYNCS)

    async def one(index: int, project_id: str, handler: WebhookHandler[Any, Any]) -> None:
        async with limiter:
            report = await run_sync(services, project_id, handler)
        if report is not None:
            reports[index] = report

    async with anyio.create_task_group() as group:
        for index, (project_id, handler) in enumerate(due):
            group.start_soon(one, index, project_id, handler)
    return [(due[i][0], due[i][1].source, reports[i]) for i in sorted(reports)]
