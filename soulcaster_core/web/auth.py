"""The API token: ``Authorization: Bearer <token>`` (or the dashboard's session cookie)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import Response

from ..errors import Unauthorized
from ..handler import secrets_equal
from .deps import services_of

SESSION_COOKIE = "soulcaster_session"
Endpoint = Callable[[Request], Awaitable[Response]]


def has_token(request: Request) -> bool:
    token = services_of(request).api_token
    auth = request.headers.get("authorization", "")
    if auth[:7].lower() == "bearer " and secrets_equal(auth[7:].strip(), token):
        return True
    cookie = request.cookies.get(SESSION_COOKIE)
    return cookie is not None and secrets_equal(cookie, session_value(token))


def session_value(token: str) -> str:
    """What the login cookie holds: derived from the token, so rotating the token logs out."""
    import hashlib
    import hmac

    return hmac.new(token.encode(), b"soulcaster-session", hashlib.sha256).hexdigest()


def require_token(endpoint: Endpoint) -> Endpoint:
    async def guarded(request: Request) -> Response:
        if not has_token(request):
            raise Unauthorized("this route needs Authorization: Bearer <SOULCASTER_API_TOKEN>")
        return await endpoint(request)

    guarded.__doc__ = endpoint.__doc__
    guarded.__name__ = endpoint.__name__
    return guarded
