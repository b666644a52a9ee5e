"""The API token: ``Authorization: Bearer <token>``; the dashboard's pages also take its cookie."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import Response

from ..errors import Unauthorized
from ..handler import hmac_sha256_hex, secrets_equal
from .deps import services_of

SESSION_COOKIE = "soulcaster_session"
Endpoint = Callable[[Request], Awaitable[Response]]


def has_bearer_token(request: Request) -> bool:
    auth = request.headers.get("authorization", "")
    token = services_of(request).api_token
    return auth[:7].lower() == "bearer " and secrets_equal(auth[7:].strip(), token)


async def has_token(request: Request) -> bool:
    """The bearer token, or the dashboard's login cookie (pages only: see ``require_token``)."""
    if has_bearer_token(request):
        return True
    cookie = request.cookies.get(SESSION_COOKIE)
    return cookie is not None and secrets_equal(cookie, await session_value(request))


async def session_value(request: Request) -> str:
    """What the login cookie holds: derived from the token and the session epoch, so rotating
    the token or logging out (a new epoch) ends every session, copied cookies included."""
    services = services_of(request)
    epoch = await services.session_epoch()
    label = f"soulcaster-session:{epoch}" if epoch else "soulcaster-session"
    return hmac_sha256_hex(services.api_token, label.encode())


def require_token(endpoint: Endpoint) -> Endpoint:
    """API routes take the bearer token only: a browser's cookie never reaches them, so no other
    site can make a logged-in browser change config or data (the pages check CSRF themselves)."""

    async def guarded(request: Request) -> Response:
        if not has_bearer_token(request):
            raise Unauthorized("this route needs Authorization: Bearer <SOULCASTER_API_TOKEN>")
        return await endpoint(request)

    guarded.__doc__ = endpoint.__doc__
    guarded.__name__ = endpoint.__name__
    return guarded
