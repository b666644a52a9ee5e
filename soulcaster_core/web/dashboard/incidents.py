"""``/incidents`` and ``/incidents/{id}``: incidents and one incident's timeline."""

from __future__ import annotations

from starlette.responses import Response
from starlette.routing import Route

from ...errors import NotFound
from ...incidents.view import incident_detail
from .page import Page, dashboard_page

#: Incidents the list pages show.
INCIDENTS_SHOWN = 100


@dashboard_page
async def incident_list(page: Page) -> Response:
    incidents = await page.services.store.list_incidents(page.project_id, limit=INCIDENTS_SHOWN)
    return page.render("incidents.html", "incidents", incidents=incidents)


@dashboard_page
async def incident_page(page: Page) -> Response:
    store = page.services.store
    incident = await store.get_incident(page.project_id, page.request.path_params["incident_id"])
    if incident is None:
        raise NotFound("no such incident in this project")
    detail = await incident_detail(store, page.project_id, incident)
    return page.render(
        "incident.html",
        "incidents",
        incident=incident,
        timeline=detail["timeline"],
        clusters=detail["clusters"],
        history=detail["history"],
        item_count=detail["item_count"],
    )


routes = [
    Route("/incidents", incident_list, methods=["GET"], include_in_schema=False),
    Route("/incidents/{incident_id}", incident_page, methods=["GET"], include_in_schema=False),
]
