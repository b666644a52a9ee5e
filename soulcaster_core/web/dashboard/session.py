"""Logging in to the dashboard, and the CSRF checks every dashboard form goes through.

The dashboard uses the API token: ``/login`` (or ``/?token=`` as ``soulcaster serve`` prints
it) turns it into an HTTP-only session cookie derived from the token and a session epoch kept
in the store: rotating the token, or logging out (a new epoch), ends every session, copied
cookies included. A form's CSRF token is an HMAC of that session value: a page from another
site cannot read it, so it cannot make a logged-in browser post to us.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from urllib.parse import urlencode, urlsplit

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from ...errors import Forbidden
from ...handler import secrets_equal
from ..auth import SESSION_COOKIE, has_token, session_value
from ..deps import services_of
from .templates import error_response, html

CSRF_FIELD = "csrf_token"
#: Double-submit nonce of the login form, which has no session to derive a CSRF token from.
LOGIN_COOKIE = "soulcaster_login"
SESSION_MAX_AGE = 30 * 24 * 3600


def is_https(request: Request) -> bool:
    return request.url.scheme == "https"


async def csrf_token(request: Request) -> str:
    session = await session_value(request)
    return hmac.new(session.encode(), b"soulcaster-csrf", hashlib.sha256).hexdigest()


def same_origin(request: Request) -> bool:
    """A browser names the page a post comes from in ``Origin``; ours, or none at all, passes."""
    origin = request.headers.get("origin")
    if origin is None:
        return True
    ours = {f"{request.url.scheme}://{request.url.netloc}"}
    public = services_of(request).public_url
    if public:
        parts = urlsplit(public)
        ours.add(f"{parts.scheme}://{parts.netloc}")
    return origin in ours


async def checked_form(request: Request) -> FormData:
    """The posted form, once its origin and CSRF token are checked (``Forbidden`` otherwise)."""
    if not same_origin(request):
        raise Forbidden("cross-origin form post refused")
    form = await request.form()
    sent = form.get(CSRF_FIELD)
    if not isinstance(sent, str) or not secrets_equal(sent, await csrf_token(request)):
        raise Forbidden("the form's CSRF token is missing or stale: reload the page and retry")
    return form


def safe_next(target: str | None) -> str:
    """Only a path on this site: ``next=//evil.example`` must not send anyone away."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


async def set_session(response: Response, request: Request) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        await session_value(request),
        max_age=SESSION_MAX_AGE,
        httponly=True,
        samesite="lax",
        secure=is_https(request),
    )


def login_redirect(request: Request) -> RedirectResponse:
    if request.method != "GET":
        # A form posted after the session ended: its URL takes no GET, so come back home.
        return RedirectResponse("/login", status_code=303)
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse("/login?" + urlencode({"next": target}), status_code=303)


async def token_login(request: Request) -> Response:
    """``/?token=...``: log in, then drop the token from the address bar and history."""
    token = request.query_params.get("token", "")
    if not secrets_equal(token, services_of(request).api_token):
        return RedirectResponse("/login?error=token", status_code=303)
    rest = [(k, v) for k, v in request.query_params.multi_items() if k != "token"]
    response = RedirectResponse(
        request.url.path + (f"?{urlencode(rest)}" if rest else ""), status_code=303
    )
    await set_session(response, request)
    return response


def _login_form(request: Request, error: str | None = None, status_code: int = 200) -> Response:
    nonce = secrets.token_urlsafe(24)
    response = html(
        "login.html",
        {"error": error, "nonce": nonce, "next": safe_next(request.query_params.get("next"))},
        status_code,
    )
    response.set_cookie(
        LOGIN_COOKIE,
        nonce,
        max_age=3600,
        httponly=True,
        samesite="strict",
        secure=is_https(request),
    )
    return response


async def login_page(request: Request) -> Response:
    if await has_token(request):
        return RedirectResponse(safe_next(request.query_params.get("next")), status_code=303)
    error = "That link's token is not valid." if request.query_params.get("error") else None
    return _login_form(request, error)


async def login(request: Request) -> Response:
    form = await request.form()
    nonce, sent_nonce = request.cookies.get(LOGIN_COOKIE), form.get("nonce")
    if (
        not same_origin(request)
        or nonce is None
        or not isinstance(sent_nonce, str)
        or not secrets_equal(sent_nonce, nonce)
    ):
        return _login_form(request, "The form expired; please try again.", 403)
    token = form.get("token")
    if not isinstance(token, str) or not secrets_equal(
        token.strip(), services_of(request).api_token
    ):
        return _login_form(request, "Wrong token.", 401)
    next_page = form.get("next")
    response = RedirectResponse(
        safe_next(next_page if isinstance(next_page, str) else None), status_code=303
    )
    await set_session(response, request)
    response.delete_cookie(LOGIN_COOKIE)
    return response


async def logout(request: Request) -> Response:
    """End every dashboard session: a new epoch invalidates all cookies, copies included."""
    if await has_token(request):
        try:
            await checked_form(request)
        except Forbidden as exc:
            return error_response(request.headers.get("accept", ""), 403, exc.detail)
        await services_of(request).end_sessions()
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, httponly=True, samesite="lax", secure=is_https(request))
    return response


routes = [
    Route("/login", login_page, methods=["GET"], include_in_schema=False),
    Route("/login", login, methods=["POST"], include_in_schema=False),
    Route("/logout", logout, methods=["POST"], include_in_schema=False),
]
