"""``create_app``: the Starlette application, one per settings, with its own plugin host."""

from __future__ import annotations

import gc
import logging
import os
import socket
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager

import anyio
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route
from starlette.schemas import SchemaGenerator

from .. import __version__
from ..clustering.api import routes as cluster_routes
from ..clustering.worker import ClusterWorker
from ..services import Services, open_services, plugins_for
from ..settings import Settings
from . import api_routes, config_routes, incident_routes, ingest_routes
from .dashboard import routes as dashboard_routes
from .errors import EXCEPTION_HANDLERS

log = logging.getLogger(__name__)

schemas = SchemaGenerator(
    {
        "openapi": "3.0.0",
        "info": {"title": "Soulcaster ingest", "version": __version__},
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
    }
)


def openapi(request: Request) -> Response:
    """The OpenAPI document of every route.
    ---
    summary: This document
    responses:
      200: {description: OpenAPI 3 document}
    """
    return JSONResponse(schemas.get_schema(routes=request.app.routes))


def create_app(settings: Settings | None = None, *, plugins: Sequence[object] = ()) -> Starlette:
    """Build the app: plugins are loaded now, the store is opened when the app starts."""
    settings = settings or Settings()
    host = plugins_for(settings, extra=plugins)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with open_services(settings, host) as services:
            app.state.soulcaster = services
            # What start-up loaded (modules, plugins, settings) lives as long as the process:
            # keep it out of the collector's way, so full collections under load stay short
            # (bench/ingest.py: p99 down by about a quarter). Collect first, so that no garbage
            # (an earlier app's, in a test run) is frozen with it.
            gc.collect()
            gc.freeze()
            async with anyio.create_task_group() as tasks:
                if settings.run_worker:
                    tasks.start_soon(_run_worker, services)
                yield
                tasks.cancel_scope.cancel()

    routes: list[BaseRoute] = [
        *ingest_routes.routes,
        *config_routes.routes,
        *api_routes.routes,
        *cluster_routes,
        *incident_routes.routes,
        *dashboard_routes,
        Route("/openapi.json", openapi, methods=["GET"], include_in_schema=False),
    ]
    app = ingest_routes.WebhooksFirst(
        routes=routes, exception_handlers=EXCEPTION_HANDLERS, lifespan=lifespan
    )
    app.state.settings = settings
    app.state.plugins = host
    return app


async def _run_worker(services: Services) -> None:
    """The embedded default clusters in-process, so ``soulcaster serve`` is the whole product.

    On SQLite the worker stays here: the store is one process's file, and the worker wakes on
    this process's own writes. On Redis ``soulcaster serve`` runs it as a child process
    instead (``supervisor.py``) and builds this app with ``run_worker`` off; an app built
    otherwise with it on (uvicorn pointed at ``create_app``) still clusters here.
    """
    # Each process is its own consumer: N such apps on Redis share the queue N ways.
    consumer = f"serve-{socket.gethostname()}-{os.getpid()}"
    await ClusterWorker(services, consumer=consumer).run(anyio.Event())
