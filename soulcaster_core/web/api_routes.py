"""``/api``: projects, feedback, stats and dead letters, behind the API token; ``/health``."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from ..clustering.explain import grouping_of
from ..clustering.status import set_status
from ..errors import BadRequest, NotFound, StoreUnavailable
from ..models import Project, slugify, utcnow
from ..pipeline import replay
from ..services import Services
from .auth import require_token
from .cluster_routes import cluster_page
from .deps import int_param, json_object, project_param, raw_body_of, services_of


def item_json(item: Any) -> dict[str, Any]:
    data: dict[str, Any] = item.model_dump(mode="json")
    return data


@require_token
async def list_projects(request: Request) -> Response:
    """All projects.
    ---
    summary: List projects
    responses:
      200: {description: '{"projects": [{"id", "name", "created_at", "allow_unauthenticated"}]}'}
    """
    projects = await services_of(request).store.list_projects()
    return JSONResponse({"projects": [p.model_dump(mode="json") for p in projects]})


@require_token
async def create_project(request: Request) -> Response:
    """Create a project: ``{"name": "Acme web", "id"?: "acme-web"}``; a new one is closed.
    ---
    summary: Create a project (its id is used in webhook URLs as ?project_id=)
    responses:
      201: {description: created}
      200: {description: a project with that id exists already; it is returned unchanged}
    """
    body = await json_object(request)
    name = _name(body)
    open_ingestion = _flag(body, ALLOW_UNAUTHENTICATED, False)
    try:
        project = Project(
            id=body.get("id") or slugify(name),
            name=name,
            allow_unauthenticated=open_ingestion,
        )
    except ValidationError:
        raise BadRequest("id: lower-case letters, digits, '-' and '_' only") from None
    store = services_of(request).store
    created = await store.create_project(project)
    existing = project if created else await store.get_project(project.id)
    assert existing is not None
    return JSONResponse(existing.model_dump(mode="json"), status_code=201 if created else 200)


ALLOW_UNAUTHENTICATED = "allow_unauthenticated"


def _name(body: dict[str, Any]) -> str:
    name = body.get("name")
    if not isinstance(name, str) or not name.strip():
        raise BadRequest("name: a non-empty string is required")
    return name.strip()


def _flag(body: dict[str, Any], name: str, default: bool) -> bool:
    value = body.get(name, default)
    if not isinstance(value, bool):
        raise BadRequest(f"{name}: must be true or false")
    return value


async def _project(request: Request) -> Project:
    project = await services_of(request).store.get_project(request.path_params["project_id"])
    if project is None:
        raise NotFound(f"unknown project {request.path_params['project_id']!r}")
    return project


@require_token
async def get_project(request: Request) -> Response:
    """One project and its settings.
    ---
    summary: Read a project
    responses:
      200: {description: '{"id", "name", "created_at", "allow_unauthenticated"}'}
      404: {description: no such project}
    """
    return JSONResponse((await _project(request)).model_dump(mode="json"))


@require_token
async def update_project(request: Request) -> Response:
    """Change a project's settings: ``{"allow_unauthenticated": true}``, ``{"name": ...}``.
    ---
    summary: Update a project (allow_unauthenticated lets sources without a secret take
      deliveries without credentials; off by default)
    responses:
      200: {description: the project after the change}
      400: {description: unknown field or invalid value}
      404: {description: no such project}
    """
    body = await json_object(request)
    unknown = set(body) - {"name", ALLOW_UNAUTHENTICATED}
    if unknown:
        raise BadRequest(
            f"unknown project field(s): {', '.join(sorted(unknown))}; "
            f"known: name, {ALLOW_UNAUTHENTICATED}"
        )
    project = await _project(request)
    changes: dict[str, Any] = {}
    if ALLOW_UNAUTHENTICATED in body:
        changes[ALLOW_UNAUTHENTICATED] = _flag(body, ALLOW_UNAUTHENTICATED, False)
    if "name" in body:
        changes["name"] = _name(body)
    project = project.model_copy(update=changes)
    await services_of(request).save_project(project)
    return JSONResponse(project.model_dump(mode="json"))


@require_token
async def list_feedback(request: Request) -> Response:
    """Feedback items, newest first.
    ---
    summary: List feedback items of a project
    parameters:
      - {name: project_id, in: query, required: true, schema: {type: string}}
      - {name: source, in: query, schema: {type: string}}
      - {name: q, in: query, schema: {type: string}, description: text search in title and body}
      - {name: limit, in: query, schema: {type: integer, default: 50, maximum: 200}}
      - {name: cursor, in: query, schema: {type: string}}
    responses:
      200: {description: '{"items": [...], "next_cursor": str | null}'}
    """
    services = services_of(request)
    project_id = await project_param(request)
    params = request.query_params
    items, cursor = await services.store.list_items(
        project_id,
        source=params.get("source") or None,
        limit=int_param(request, "limit", 50, 1, 200),
        cursor=params.get("cursor") or None,
        query=params.get("q") or None,
    )
    return JSONResponse({"items": [item_json(i) for i in items], "next_cursor": cursor})


@require_token
async def get_feedback(request: Request) -> Response:
    """One feedback item, with ``grouping``: how it was clustered and what grouping read.
    ---
    summary: Read one feedback item
    responses:
      200: {description: 'the item, plus "grouping": {"method", "reason", "key", ...} or null'}
      404: {description: no such item in this project}
    """
    services = services_of(request)
    project_id = await project_param(request)
    item = await services.store.get_item(project_id, request.path_params["item_id"])
    if item is None:
        raise NotFound("no such feedback item in this project")
    # Why it is in its cluster: the key that decided and what grouping read of the item.
    return JSONResponse({**item_json(item), "grouping": grouping_of(item)})


async def _known_item(request: Request) -> tuple[Services, str, str]:
    services = services_of(request)
    project_id = await project_param(request)
    item_id = request.path_params["item_id"]
    if await services.store.get_item(project_id, item_id) is None:
        raise NotFound("no such feedback item in this project")
    return services, project_id, item_id


@require_token
async def list_item_deliveries(request: Request) -> Response:
    """The item's last deliveries, newest first.
    ---
    summary: The delivery history of one feedback item (its last 50 deliveries)
    parameters:
      - {name: project_id, in: query, required: true, schema: {type: string}}
    responses:
      200: {description: '{"events": [{"id", "at", "source", "via", "outcome", "occurrence",
        "delivery_id", "raw_size", "raw_truncated", "status": {"before", "after"} | null,
        "changed": [...]}]}'}
      404: {description: no such item in this project}
    """
    services, project_id, item_id = await _known_item(request)
    records = await services.store.list_deliveries(project_id, item_id)
    return JSONResponse({"events": [r.model_dump(mode="json") for r in records]})


#: A raw body is the sender's bytes: a browser must never run them as a page of this site.
RAW_HEADERS = {
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'; sandbox",
    "content-disposition": "inline",
    "cache-control": "no-store",
}


@require_token
async def get_delivery_body(request: Request) -> Response:
    """The raw body of one delivery, with the content type it was sent with.
    ---
    summary: The raw body of a delivery in an item's history (kept SOULCASTER_RAW_RETENTION_DAYS)
    parameters:
      - {name: project_id, in: query, required: true, schema: {type: string}}
    responses:
      200: {description: the body as it arrived (capped at SOULCASTER_MAX_BODY_BYTES)}
      404: {description: 'no such item or delivery, or the body expired ("expired")'}
    """
    # An unknown item has no history: no item read is needed to answer it with a 404.
    params = request.path_params
    raw = await raw_body_of(
        services_of(request), await project_param(request), params["item_id"], params["event_id"]
    )
    return Response(
        raw.body,
        media_type=raw.content_type or "application/octet-stream",
        headers=RAW_HEADERS,
    )


async def project_stats(services: Services, project_id: str) -> dict[str, Any]:
    """Per source: counts over the last 24 h and the last time of each kind of event."""
    store = services.store
    counts = await store.event_counts(project_id, utcnow())
    last = await store.last_events(project_id)
    sources: dict[str, Any] = {}
    for source in sorted(set(services.plugins.handlers) | set(counts) | set(last)):
        per_counts = counts.get(source, {})
        per_last = last.get(source, {})
        received = [per_last[k]["at"] for k in ("created", "duplicate", "updated") if k in per_last]
        sources[source] = {
            "events_24h": sum(per_counts.get(k, 0) for k in ("created", "duplicate", "updated")),
            "counts_24h": per_counts,
            "last_event_at": max(received) if received else None,
            "last_sync_at": (per_last.get("sync") or {}).get("at"),
            "last_sync_error": per_last.get("sync_error"),
            "last": per_last,
        }
    return {
        "project_id": project_id,
        "window_hours": 24,
        "sources": sources,
        "duplicates_24h": sum(c.get("duplicate", 0) for c in counts.values()),
        "dead_letters": await store.count_dead_letters(project_id),
    }


@require_token
async def stats(request: Request) -> Response:
    """Counts by source over the last 24 h, last event per source, duplicates, dead letters;
    per source its ``state`` (``healthy``, ``failing``, ``not_set_up``, ``disabled``, ``open``)
    and ``last_error`` (``{"at", "kind", "detail"}`` or null).
    ---
    summary: Ingestion statistics and the health of each source
    responses:
      200: {description: statistics}
    """
    # Imported here: the dashboard's pages import this module.
    from .dashboard.integration_state import source_states

    services = services_of(request)
    project_id = await project_param(request)
    found = await project_stats(services, project_id)
    for state in await source_states(services, project_id, found):
        entry = found["sources"][state.source]
        entry["state"], entry["last_error"] = state.health.state, state.health.last_error
    return JSONResponse(found)


@require_token
async def list_dead_letters(request: Request) -> Response:
    """Deliveries that could not be read, newest first (bodies not included).
    ---
    summary: List dead letters of a project
    responses:
      200: {description: '{"dead_letters": [{"id", "project_id", "source", "error",
        "content_type", "received_at", "size"}]}: read one body at /api/dead-letters/{id}'}
    """
    services = services_of(request)
    project_id = await project_param(request)
    heads = await services.store.list_dead_letter_heads(
        project_id, limit=int_param(request, "limit", 100, 1, 1000)
    )
    return JSONResponse({"dead_letters": [head.model_dump(mode="json") for head in heads]})


@require_token
async def get_dead_letter(request: Request) -> Response:
    """One dead letter, its body as text where it is UTF-8 (else base64).
    ---
    summary: Read one dead letter
    responses:
      200: {description: the dead letter}
      404: {description: no such dead letter}
    """
    services = services_of(request)
    project_id = await project_param(request)
    letter = await services.store.get_dead_letter(project_id, request.path_params["letter_id"])
    if letter is None:
        raise NotFound("no such dead letter in this project")
    data = letter.model_dump(mode="json")
    try:
        data["body_text"] = letter.body.decode("utf-8")
    except UnicodeDecodeError:
        data["body_text"] = None
    return JSONResponse(data)


@require_token
async def replay_dead_letter(request: Request) -> Response:
    """Send a dead letter through the pipeline again; it is removed once it is read.
    ---
    summary: Replay a dead letter (after fixing config or upgrading a plugin)
    responses:
      200: {description: 'the outcome, as a webhook answer: created, duplicate, updated or ignored'}
      400: {description: 'still unreadable: the dead letter is kept, with the new error (none is
        added, and it is not counted as another unreadable delivery)'}
    """
    services = services_of(request)
    project_id = await project_param(request)
    letter_id = request.path_params["letter_id"]
    letter = await services.store.get_dead_letter(project_id, letter_id)
    if letter is None:
        raise NotFound("no such dead letter in this project")
    answer = await replay(services, letter)
    return JSONResponse(answer.body, status_code=answer.status_code)


@require_token
async def set_cluster_status(request: Request) -> Response:
    """Resolve, ignore or reopen a cluster: ``{"status": "resolved" | "ignored" | "ongoing"}``.
    A resolved cluster that gains an item becomes ``regressed``.
    ---
    summary: Set a cluster's status
    responses:
      200: {description: the cluster, with its status}
      400: {description: status is missing or not one of resolved, ignored, ongoing}
      404: {description: no such cluster in this project}
    """
    store = services_of(request).store
    project_id = await project_param(request)
    body = await json_object(request)
    cluster = await set_status(
        store, project_id, request.path_params["cluster_id"], body.get("status")
    )
    return JSONResponse(await cluster_page(store, cluster))


@require_token
async def discard_dead_letter(request: Request) -> Response:
    """Discard a dead letter for good.
    ---
    summary: Discard a dead letter
    responses:
      204: {description: discarded}
      404: {description: no such dead letter}
    """
    services = services_of(request)
    project_id = await project_param(request)
    if not await services.store.delete_dead_letter(project_id, request.path_params["letter_id"]):
        raise NotFound("no such dead letter in this project")
    return Response(status_code=204)


@require_token
async def list_plugins(request: Request) -> Response:
    """Installed plugins, as ``soulcaster plugins --json`` prints them.
    ---
    summary: List plugins with their sources and hooks, broken ones with their error
    responses:
      200: {description: '{"plugins": [...]}'}
    """
    host = services_of(request).plugins
    return JSONResponse({"plugins": [info.as_dict() for info in host.plugins.values()]})


async def health(request: Request) -> Response:
    """Whether the server can take webhooks. Public; says nothing about the data.
    ---
    summary: Health check (503 when the store is unreachable)
    responses:
      200: {description: ok}
      503: {description: store unreachable}
    """
    services = services_of(request)
    try:
        await services.store.ping()
        store_ok = True
    except StoreUnavailable:
        store_ok = False
    body = {
        "status": "ok" if store_ok else "unavailable",
        "store": {"kind": services.store.kind, "reachable": store_ok},
        "plugins": {
            "loaded": sorted(n for n, i in services.plugins.plugins.items() if not i.error),
            "broken": sorted(i.name for i in services.plugins.broken),
        },
        "sources": sorted(services.plugins.handlers),
    }
    return JSONResponse(body, status_code=200 if store_ok else 503)


routes = [
    Route("/health", health, methods=["GET"]),
    Route("/api/projects", list_projects, methods=["GET"]),
    Route("/api/projects", create_project, methods=["POST"]),
    Route("/api/projects/{project_id}", get_project, methods=["GET"]),
    Route("/api/projects/{project_id}", update_project, methods=["PUT"]),
    Route("/api/feedback", list_feedback, methods=["GET"]),
    Route("/api/feedback/{item_id}", get_feedback, methods=["GET"]),
    Route("/api/feedback/{item_id}/events", list_item_deliveries, methods=["GET"]),
    Route("/api/feedback/{item_id}/events/{event_id}/raw", get_delivery_body, methods=["GET"]),
    Route("/api/stats", stats, methods=["GET"]),
    Route("/api/dead-letters", list_dead_letters, methods=["GET"]),
    Route("/api/dead-letters/{letter_id}", get_dead_letter, methods=["GET"]),
    Route("/api/dead-letters/{letter_id}", discard_dead_letter, methods=["DELETE"]),
    Route("/api/dead-letters/{letter_id}/replay", replay_dead_letter, methods=["POST"]),
    Route("/api/clusters/{cluster_id}/status", set_cluster_status, methods=["POST"]),
    Route("/api/plugins", list_plugins, methods=["GET"]),
]
