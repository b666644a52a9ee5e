"""Getting at the app's services and common request parameters from an endpoint."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

from starlette.requests import Request
from starlette.types import Receive

from ..errors import BadRequest, NotFound, PayloadTooLarge
from ..json_depth import body_too_deep, too_deep
from ..pipeline import require_project
from ..services import Services
from ..store.history import RawBody

log = logging.getLogger(__name__)


def services_of(request: Request) -> Services:
    services: Services = request.app.state.soulcaster
    return services


async def project_param(request: Request) -> str:
    return await require_project(services_of(request), request.query_params.get("project_id"))


async def read_body(request: Request, limit: int) -> bytes:
    """The body, read once, refused as soon as it passes ``limit`` bytes."""
    return await receive_body(
        request.receive,
        request.headers.get("content-length"),
        limit,
        lambda: f"{request.method} {request.url.path}",
    )


async def receive_body(
    receive: Receive, declared: str | None, limit: int, where: Callable[[], str]
) -> bytes:
    """``read_body`` from the ASGI ``receive`` and the declared ``content-length``; ``where``
    names the request in the log line of a client that went away."""
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise PayloadTooLarge(f"body is {declared} bytes; the limit is {limit}")
    # The ASGI messages themselves rather than request.stream(): an async generator per
    # webhook costs more than the rest of reading the body (bench/ingest.py).
    chunks: list[bytes] = []
    size = 0
    more = True
    while more:
        message = await receive()
        if message["type"] == "http.disconnect":
            # A sender that gives up mid-upload is routine on the internet: a line, no trace.
            log.info("%s: the client went away after %d bytes of the body", where(), size)
            raise BadRequest("the body was not received whole: the client went away")
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise PayloadTooLarge(f"body is over the limit of {limit} bytes")
        chunks.append(chunk)
        more = message.get("more_body", False)
    return b"".join(chunks)


async def json_body(request: Request) -> Any:
    """The JSON body of an API or config call, within the body size and depth limits."""
    options = services_of(request).ingest
    body = await read_body(request, options.max_body_bytes)
    limit = options.max_json_depth
    try:
        value = json.loads(body)
    except RecursionError:
        raise BadRequest(too_deep(limit)) from None
    except ValueError:
        raise BadRequest("body must be JSON") from None
    if body_too_deep(body, value, limit):
        raise BadRequest(too_deep(limit))
    return value


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


async def raw_body_of(services: Services, project_id: str, item_id: str, record_id: str) -> RawBody:
    """The raw body of one delivery in an item's history (API and dashboard): a 404 says why
    there is none."""
    records = await services.store.list_deliveries(project_id, item_id)
    record = next((r for r in records if r.id == record_id), None)
    if record is None:
        raise NotFound("no such delivery in this item's history")
    if record.raw_size is None:
        raise NotFound("this delivery came with no body (a sync that fetched no JSON event)")
    raw = await services.store.get_raw_body(project_id, record_id)
    if raw is None:
        days = services.ingest.raw_retention_days
        raise NotFound(f"expired: raw bodies are kept for {days:g} days")
    return raw
