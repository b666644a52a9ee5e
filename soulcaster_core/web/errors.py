"""How errors become answers: always JSON ``{"error": ...}``, never a bare 500 page."""

from __future__ import annotations

import logging

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import ExceptionHandler

from ..errors import HTTPError, StoreUnavailable
from .refusals import RefusalLog

log = logging.getLogger(__name__)

#: A store that fails mid-write (killed, frozen past the timeout) may have kept the delivery
#: though the answer is 503: the sender is told so, and that its retry does no harm.
WEBHOOK_UNAVAILABLE = (
    "storage is unavailable, retry later: this delivery may have been stored, and retrying "
    "it is safe (the same delivery again makes no second item)"
)


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPError)
    headers: dict[str, str] | None = getattr(exc, "headers", None)  # e.g. 429's Retry-After
    return JSONResponse(exc.body(), status_code=exc.status_code, headers=headers)


async def store_unavailable(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StoreUnavailable)
    # One line per interval with a count, not one per request (one log per app).
    refusals: RefusalLog | None = getattr(request.app.state, "refusals", None)
    if refusals is None:
        refusals = request.app.state.refusals = RefusalLog(log)
    path: str = request.scope["path"]
    refusals.refused(path, exc)
    return JSONResponse(
        {"error": WEBHOOK_UNAVAILABLE if path.startswith("/ingest/") else exc.public_message},
        status_code=503,
        headers={"Retry-After": str(exc.retry_after)},
    )


async def starlette_http(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    return JSONResponse({"error": exc.detail}, status_code=exc.status_code, headers=exc.headers)


async def unexpected(request: Request, exc: Exception) -> Response:
    log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return JSONResponse({"error": "internal error"}, status_code=500)


EXCEPTION_HANDLERS: dict[type[Exception] | int, ExceptionHandler] = {
    HTTPError: http_error,
    StoreUnavailable: store_unavailable,
    HTTPException: starlette_http,
    Exception: unexpected,
}
