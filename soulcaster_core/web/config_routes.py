"""``/config/{source}``: per-project settings of each source, behind the API token."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from ..configs import ENABLED, show_config
from ..errors import NotFound
from ..pipeline import handler_for
from .auth import require_token
from .deps import json_body, json_object, project_param, services_of


@require_token
async def get_config(request: Request) -> Response:
    """Show a source's config (secrets masked).
    ---
    summary: Read the config of a source for a project
    responses:
      200: {description: the config; secret fields read "**********" when set}
    """
    services = services_of(request)
    handler = handler_for(services, request.path_params["source"])
    project_id = await project_param(request)
    return JSONResponse(await show_config(services.store, project_id, handler))


@require_token
async def put_config(request: Request) -> Response:
    """Change some of a source's config fields.
    ---
    summary: Update the config of a source for a project (fields not sent are kept)
    responses:
      200: {description: the config after the change, secrets masked}
      400: {description: unknown field or invalid value, named in the error}
    """
    services = services_of(request)
    handler = handler_for(services, request.path_params["source"])
    project_id = await project_param(request)
    changes = await json_object(request)
    return JSONResponse(await services.configs.update(project_id, handler, changes))


def _field_name(request: Request) -> tuple[str, str]:
    handler = handler_for(services_of(request), request.path_params["source"])
    name = request.path_params["name"]
    field = handler.config_aliases.get(name, name)
    if field != ENABLED and field not in handler.Config.model_fields:
        known = sorted({*handler.Config.model_fields, *handler.config_aliases, ENABLED})
        raise NotFound(f"{handler.source} has no config field {name!r}; known: {', '.join(known)}")
    return name, field


@require_token
async def field_config(request: Request) -> Response:
    """Read (GET) or set (POST ``{name: value}`` or a bare value) one config field.
    ---
    summary: One config field of a source, e.g. /config/datadog/monitors
    responses:
      200: {description: '{name: value}'}
      400: {description: invalid value}
      404: {description: no such field}
    """
    services = services_of(request)
    handler = handler_for(services, request.path_params["source"])
    project_id = await project_param(request)
    name, field = _field_name(request)
    if request.method == "POST":
        body = await json_body(request)
        value = body[name] if isinstance(body, dict) and set(body) == {name} else body
        if isinstance(body, dict) and set(body) == {field}:
            value = body[field]
        shown = await services.configs.update(project_id, handler, {field: value})
    else:
        shown = await show_config(services.store, project_id, handler)
    return JSONResponse({name: shown[field]})


routes = [
    Route("/config/{source}", get_config, methods=["GET"]),
    Route("/config/{source}", put_config, methods=["PUT", "POST"]),
    Route("/config/{source}/{name}", field_config, methods=["GET", "POST"]),
]
