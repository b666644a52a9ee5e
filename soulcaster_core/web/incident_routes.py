"""``/api/incidents``: list, read, merge and split incidents; behind the API token.

Every route takes ``?project_id=``. Mounted by the app (``routes``).
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from ..errors import BadRequest, NotFound
from ..incidents import manual
from ..incidents.view import TIMELINE_LIMIT, incident_detail, incident_summary
from .auth import require_token
from .deps import int_param, json_object, project_param, services_of

_STATUSES = ("open", "closed")


@require_token
async def list_incidents(request: Request) -> Response:
    """Incidents of a project, seen last first, without their items (see one incident).
    ---
    summary: List incidents
    parameters:
      - {name: project_id, in: query, required: true, schema: {type: string}}
      - {name: status, in: query, schema: {type: string, enum: [open, closed]}}
      - {name: limit, in: query, schema: {type: integer, default: 50, maximum: 500}}
    responses:
      200: {description: '{"incidents": [{"id", "title", "status", "item_count", ...}]}'}
    """
    project_id = await project_param(request)
    status = request.query_params.get("status")
    if status is not None and status not in _STATUSES:
        raise BadRequest("status: open or closed")
    limit = int_param(request, "limit", 50, 1, 500)
    store = services_of(request).store
    if status == "open":
        found = await store.list_incidents(project_id, limit=limit, open_only=True)
    else:
        found = await store.list_incidents(project_id, limit=limit)
        if status == "closed":
            found = [i for i in found if i.status == "closed"]
    return JSONResponse({"incidents": [incident_summary(i) for i in found]})


@require_token
async def get_incident(request: Request) -> Response:
    """One incident: its timeline of items from every source, its clusters and entities.
    ---
    summary: Read an incident
    parameters:
      - {name: project_id, in: query, required: true, schema: {type: string}}
      - {name: limit, in: query, schema: {type: integer, default: 500, maximum: 500}}
    responses:
      200: {description: 'the incident, plus "timeline", "clusters" and "history"'}
      404: {description: no such incident in this project}
    """
    project_id = await project_param(request)
    store = services_of(request).store
    incident = await store.get_incident(project_id, request.path_params["incident_id"])
    if incident is None:
        raise NotFound("no such incident in this project")
    limit = int_param(request, "limit", TIMELINE_LIMIT, 1, TIMELINE_LIMIT)
    return JSONResponse(await incident_detail(store, project_id, incident, limit))


@require_token
async def merge_incident(request: Request) -> Response:
    """Merge this incident into another: ``{"into": "<incident id>"}``; this one is closed.
    ---
    summary: Merge two incidents
    responses:
      200: {description: the incident merged into}
      400: {description: into is missing, is this incident, or either was merged already}
      404: {description: either incident does not exist}
    """
    project_id = await project_param(request)
    body = await json_object(request)
    into = body.get("into")
    if not isinstance(into, str) or not into:
        raise BadRequest("into: the id of the incident to merge into is required")
    store = services_of(request).store
    merged = await manual.merge(store, project_id, request.path_params["incident_id"], into)
    return JSONResponse(incident_summary(merged))


@require_token
async def split_incident(request: Request) -> Response:
    """Split items off into a new incident: ``{"item_ids": ["<item id>", ...]}``.
    ---
    summary: Split an incident
    responses:
      200: {description: the new incident}
      400: {description: item_ids missing, not items of this incident, or all of them}
      404: {description: no such incident}
    """
    project_id = await project_param(request)
    body = await json_object(request)
    item_ids = body.get("item_ids")
    if not isinstance(item_ids, list) or not all(isinstance(i, str) for i in item_ids):
        raise BadRequest("item_ids: a list of the item ids to split off is required")
    store = services_of(request).store
    new = await manual.split(store, project_id, request.path_params["incident_id"], item_ids)
    return JSONResponse(incident_summary(new))


routes: list[BaseRoute] = [
    Route("/api/incidents", list_incidents, methods=["GET"]),
    Route("/api/incidents/{incident_id}", get_incident, methods=["GET"]),
    Route("/api/incidents/{incident_id}/merge", merge_incident, methods=["POST"]),
    Route("/api/incidents/{incident_id}/split", split_incident, methods=["POST"]),
]
