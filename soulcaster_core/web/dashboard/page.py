"""What every dashboard page shares: login, CSRF, the current project, rendering, errors.

An endpoint is written as ``async def endpoint(page: Page) -> Response`` and wrapped with
``@dashboard_page``; the wrapper sends strangers to ``/login``, checks the CSRF token of every
post, picks the project (``?project_id=``, else the last one chosen, else the first) and turns
errors into pages.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response

from ...errors import HTTPError, NotFound, StoreUnavailable
from ...models import Project
from ...services import Services
from ..auth import has_token
from ..deps import services_of
from .session import CSRF_FIELD, checked_form, csrf_token, is_https, login_redirect, token_login
from .templates import error_response, html

log = logging.getLogger(__name__)

PROJECT_COOKIE = "soulcaster_project"
#: Where the project switcher lands from each section (an item page of one project
#: means nothing in another, so switching from it goes to the list).
SECTIONS = {
    "overview": "/",
    "integrations": "/settings/integrations",
    "feedback": "/feedback",
    "clusters": "/clusters",
    "incidents": "/incidents",
    "dead-letters": "/dead-letters",
}


@dataclass
class Page:
    request: Request
    services: Services
    projects: list[Project]
    project: Project | None
    form: FormData | None = None
    csrf: str = ""

    @property
    def project_id(self) -> str:
        if self.project is None:
            raise NotFound("there is no project yet: create one with POST /api/projects")
        return self.project.id

    def href(self, path: str, **params: Any) -> str:
        """A link that keeps the current project, so links can be shared and bookmarked."""
        query = {"project_id": self.project.id} if self.project else {}
        query.update({k: str(v) for k, v in params.items() if v is not None and v != ""})
        return f"{path}?{urlencode(query)}" if query else path

    def context(self, section: str) -> dict[str, Any]:
        return {
            "page": self,
            "href": self.href,
            "section": section,
            "switch_to": SECTIONS.get(section, "/"),
            "projects": self.projects,
            "project": self.project,
            "csrf_field": CSRF_FIELD,
            "csrf": self.csrf,
        }

    def render(
        self, template: str, section: str, status_code: int = 200, **context: Any
    ) -> Response:
        return html(template, {**self.context(section), **context}, status_code)

    def form_text(self, name: str) -> str:
        value = self.form.get(name) if self.form is not None else None
        return value if isinstance(value, str) else ""


Endpoint = Callable[[Request], Awaitable[Response]]
PageEndpoint = Callable[[Page], Awaitable[Response]]


def dashboard_page(endpoint: PageEndpoint) -> Endpoint:
    async def run(request: Request) -> Response:
        accept = request.headers.get("accept", "")
        page: Page | None = None
        try:
            if request.method == "GET" and "token" in request.query_params:
                return await token_login(request)
            if not await has_token(request):
                return login_redirect(request)
            form = await checked_form(request) if request.method == "POST" else None
            page = await _page(request, form)
            response = await endpoint(page)
        except HTTPError as exc:
            context = page.context("error") if page is not None else {}
            return error_response(accept, exc.status_code, exc.detail, context)
        except StoreUnavailable as exc:
            log.warning("store unavailable: %s", exc)
            return error_response(accept, 503, "storage is unavailable, retry in a moment")
        chosen = request.query_params.get("project_id")
        if page.project is not None and chosen == page.project.id:
            # Remember the choice, so a bare /feedback later opens the same project.
            response.set_cookie(
                PROJECT_COOKIE, chosen, httponly=True, samesite="lax", secure=is_https(request)
            )
        return response

    run.__name__ = endpoint.__name__
    run.__doc__ = endpoint.__doc__
    return run


async def _page(request: Request, form: FormData | None) -> Page:
    services = services_of(request)
    projects = await services.store.list_projects()
    by_id = {p.id: p for p in projects}
    wanted = request.query_params.get("project_id")
    if wanted:
        if wanted not in by_id:
            raise NotFound(f"unknown project {wanted!r}")
        project: Project | None = by_id[wanted]
    else:
        remembered = request.cookies.get(PROJECT_COOKIE, "")
        project = by_id.get(remembered) or (projects[0] if projects else None)
    return Page(request, services, projects, project, form=form, csrf=await csrf_token(request))
