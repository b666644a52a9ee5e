"""``build_app``: the Starlette application over the services a process opens.

``soulcaster_core.wiring.create_app`` builds it from the settings (and is what uvicorn runs).
"""

from __future__ import annotations

import gc
import logging
from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any

import anyio
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route
from starlette.schemas import SchemaGenerator

from .. import __version__
from ..plugins import PluginHost
from ..services import Services
from . import api_routes, cluster_routes, config_routes, incident_routes, ingest_routes
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


def build_app(
    open_services: Callable[[], AbstractAsyncContextManager[Services]],
    plugins: PluginHost,
    *,
    background: Callable[[Services], Coroutine[Any, Any, None]] | None = None,
) -> Starlette:
    """The app: ``open_services`` runs when it starts, and ``background`` (the worker of the
    embedded store) as a task of its own for as long as it runs."""

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with open_services() as services:
            app.state.soulcaster = services
            if isinstance(app, ingest_routes.WebhooksFirst):
                app.services = services
            # What start-up loaded (modules, plugins, settings) lives as long as the process:
            # keep it out of the collector's way, so full collections under load stay short
            # (bench/ingest.py: p99 down by about a quarter). Collect first, so that no garbage
            # (an earlier app's, in a test run) is frozen with it.
            gc.collect()
            gc.freeze()
            async with anyio.create_task_group() as tasks:
                if background is not None:
                    tasks.start_soon(background, services)
                try:
                    yield
                finally:
                    if isinstance(app, ingest_routes.WebhooksFirst):
                        app.services = None
                tasks.cancel_scope.cancel()

    routes: list[BaseRoute] = [
        *ingest_routes.routes,
        *config_routes.routes,
        *api_routes.routes,
        *cluster_routes.routes,
        *incident_routes.routes,
        *dashboard_routes,
        Route("/openapi.json", openapi, methods=["GET"], include_in_schema=False),
    ]
    app = ingest_routes.WebhooksFirst(
        routes=routes, exception_handlers=EXCEPTION_HANDLERS, lifespan=lifespan
    )
    app.state.plugins = plugins
    return app
