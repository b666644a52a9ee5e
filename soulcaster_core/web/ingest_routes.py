"""``/ingest/{source}``: where senders deliver. The core knows no vendor here."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import parse_qsl

import msgspec
from starlette.applications import Starlette
from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from ..errors import BadRequest, Conflict
from ..handler import WebhookRequest
from ..models import utcnow
from ..pipeline import Answer, deliver, handler_for, require_project
from ..services import Services
from ..sync import run_sync
from .auth import require_token
from .deps import project_param, receive_body, services_of


def query_of(raw: bytes) -> dict[str, str]:
    """What ``request.query_params`` holds (the last value of a repeated name wins), without
    building its multi-dict first: that was the costliest line of this route under load."""
    text = raw.decode("latin-1")
    if "%" in text or "+" in text:
        return dict(parse_qsl(text, keep_blank_values=True))
    # Nothing to unquote (the usual ?project_id=...): parse_qsl's split without its steps.
    return dict(field.partition("=")[::2] for field in text.split("&") if field)


async def webhook(request: Request) -> Response:
    """Deliver one webhook.
    ---
    summary: Receive a webhook from a source (Sentry, Datadog, PostHog, Splunk, manual, ...)
    parameters:
      - {name: source, in: path, required: true, schema: {type: string}}
      - {name: project_id, in: query, required: true, schema: {type: string}}
    responses:
      201: {description: 'created: {"status": "created", "id": ...}'}
      200: {description: 'duplicate, updated or ignored (with a reason)'}
      400: {description: bad parameters or a payload the source cannot read (kept as dead letter)}
      401: {description: missing or wrong credentials}
      404: {description: unknown source or project}
      413: {description: body over the limit}
      503: {description: storage unavailable; retry after Retry-After seconds}
    """
    scope = request.scope
    answer = await _delivered(
        services_of(request), scope["path_params"]["source"], scope, request.receive
    )
    # msgspec, not JSONResponse's json.dumps: a third of the cost of building the answer, and
    # every sender gets one (bench/ingest.py). The body is a few plain strings.
    return Response(
        msgspec.json.encode(answer.body),
        status_code=answer.status_code,
        media_type="application/json",
    )


class HeaderMap(Headers):
    """Starlette's ``Headers`` with a lookup by name that reads a dict, made once: a delivery's
    headers are asked for five times or more (content length and type, credentials, the
    sender's delivery id), and each ``Headers`` lookup walks and decodes the list. Same answers:
    the first of a repeated name, a case-insensitive name."""

    def __init__(self, raw: Iterable[tuple[bytes, bytes]]) -> None:
        super().__init__(raw=list(raw))
        self._first = {
            name.decode("latin-1"): value.decode("latin-1") for name, value in reversed(self._list)
        }

    def __getitem__(self, key: str) -> str:
        value = self._first.get(key.lower())
        if value is None:
            # Every name the list holds is in the dict: not there is not in the list. The
            # encoding is what Headers does with the name, and fails as it would.
            key.lower().encode("latin-1")
            raise KeyError(key)
        return value

    def get(self, key: str, default: Any = None) -> Any:
        value = self._first.get(key.lower())
        if value is None:
            key.lower().encode("latin-1")  # as __getitem__
            return default
        return value

    def __contains__(self, key: Any) -> bool:
        return self.get(key) is not None


def _url_path(scope: Scope) -> str:
    """``Request(scope).url.path``, for a log line."""
    path: str = scope["path"]
    return path.replace("?", "%3F").replace("#", "%23").replace("\\", "%5C")


async def _delivered(services: Services, source: str, scope: Scope, receive: Receive) -> Answer:
    """What ``webhook`` answers, before it is encoded."""
    handler_for(services, source)  # 404 before reading a body we would not use
    query = query_of(scope["query_string"])
    project_id = await require_project(services, query.get("project_id"))
    headers = HeaderMap(scope["headers"])
    body = await receive_body(
        receive,
        headers.get("content-length"),
        services.ingest.max_body_bytes,
        lambda: f"{scope['method']} {_url_path(scope)}",
    )
    delivery = WebhookRequest(body=body, headers=headers, query=query, received_at=utcnow())
    return await deliver(services, source, project_id, delivery)


@require_token
async def sync(request: Request) -> Response:
    """Pull new events from a source's API now.
    ---
    summary: Sync a polling source (e.g. PostHog) for one project
    parameters:
      - {name: source, in: path, required: true, schema: {type: string}}
      - {name: project_id, in: query, required: true, schema: {type: string}}
    responses:
      200: {description: 'what the sync did: fetched, created, duplicates, ignored, last_synced'}
      400: {description: the source is not set up to sync (no API credentials)}
      409: {description: another sync of this source and project is running}
      502: {description: 'the source API failed; the report says why, last_synced is unchanged'}
    """
    services = services_of(request)
    handler = handler_for(services, request.path_params["source"])
    if not handler.can_sync():
        raise BadRequest(f"source {handler.source!r} cannot sync; it only receives webhooks")
    project_id = await project_param(request)
    config, _ = await services.configs.read(project_id, handler)
    if not handler.sync_configured(config):
        # The sender's to fix, not the source API's failure: 400, not 502.
        raise BadRequest(
            f"the {handler.source} source of project {project_id} is not set up to sync: "
            f"set its API credentials with PUT /config/{handler.source}?project_id={project_id}"
        )
    report = await run_sync(services, project_id, handler)
    if report is None:
        raise Conflict(f"a sync of {handler.source} for {project_id} is already running")
    return JSONResponse(report.model_dump(), status_code=502 if report.error else 200)


#: The paths of ``routes`` that ``webhook`` answers: ``/ingest/{source}`` and its ``/webhook``.
_WEBHOOK_PATH = re.compile(r"/ingest/([^/]+)(?:/webhook)?")


class WebhooksFirst(Starlette):
    """The app, with a delivery handed to ``webhook`` before Starlette's middleware and router.

    Every sender's request takes this way, so it skips the layers (error middleware, exception
    middleware, router, request-response wrapper) that cost as much as the bare endpoint's
    whole answer (bench/ingest.py); each one's work is done here: the route's match and path
    parameter, the app's exception handlers, an unexpected error answered 500 and raised again
    for the server's log. Any other request, or a path the routes would not match as such
    (a root path, a trailing slash), goes through Starlette.
    """

    #: ``state.soulcaster`` while the app runs (its lifespan sets both): read on every delivery,
    #: without ``State``'s attribute lookup (a miss, then its ``__getattr__`` in Python).
    services: Services | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        match = None
        if scope["type"] == "http" and scope["method"] == "POST" and not scope.get("root_path"):
            match = _WEBHOOK_PATH.fullmatch(scope["path"])
        if match is None:
            await super().__call__(scope, receive, send)
            return
        scope["app"] = self
        source = match[1]
        scope["path_params"] = {"source": source}
        try:
            services = self.services or self.state.soulcaster
            answer = await _delivered(services, source, scope, receive)
        except Exception as exc:
            request = Request(scope, receive, send)
            handlers = self.exception_handlers
            handler = next((handlers[k] for k in type(exc).__mro__ if k in handlers), None)
            if handler is None:
                raise
            response = await handler(request, exc)  # the app's handlers are all async
            await response(scope, receive, send)
            if handler is handlers.get(Exception):  # as Starlette's error middleware does
                raise
            return
        # The answer's two messages as ``webhook``'s Response sends them (the same headers, in
        # its order), without building one for every delivery.
        body = msgspec.json.encode(answer.body)
        await send(
            {
                "type": "http.response.start",
                "status": answer.status_code,
                "headers": [
                    (b"content-length", str(len(body)).encode()),
                    (b"content-type", b"application/json"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


routes = [
    Route("/ingest/{source}", webhook, methods=["POST"]),
    Route("/ingest/{source}/webhook", webhook, methods=["POST"]),
    Route("/ingest/{source}/sync", sync, methods=["POST"]),
]
