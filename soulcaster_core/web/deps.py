"""Getting at the app's services and common request parameters from an endpoint."""

from __future__ import annotations

import json
from typing import Any

from starlette.requests import Request

from ..errors import BadRequest
from ..pipeline import require_project
from ..services import Services


def services_of(request: Request) -> Services:
    services: Services = request.app.state.soulcaster
    return services


async def project_param(request: Request) -> str:
    return await require_project(services_of(request), request.query_params.get("project_id"))


async def json_body(request: Request) -> Any:
    body = await request.body()
    try:
        return json.loads(body)
    except (ValueError, RecursionError):
        raise BadRequest("body must be JSON") from None


async def json_object(request: Request) -> dict[str, Any]:
    value = await json_body(request)
    if not isinstance(value, dict):
        raise BadRequest("body must be a JSON object")
    return value


def int_param(request: Request, name: str, default: int, low: int, high: int) -> int:
    raw = request.query_params.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadRequest(f"{name} must be a whole number") from None
    if not low <= value <= high:
        raise BadRequest(f"{name} must be between {low} and {high}")
    return value
