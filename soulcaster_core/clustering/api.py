"""``/api/clusters``: read clusters, merge two, move an item; behind the API token.

Every route takes ``?project_id=``. Mounted by the app (``routes``).
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from ..errors import BadRequest, NotFound
from ..models import Cluster
from ..store.base import Store
from ..web.auth import require_token
from ..web.deps import int_param, json_object, project_param, services_of
from . import clusters
from .clusterer import ALGORITHM
from .index import shared_vector_index
from .ports import VectorIndex
from .status import Status, statuses


def cluster_json(cluster: Cluster, status: Status, *, with_item_ids: bool = True) -> dict[str, Any]:
    exclude = None if with_item_ids else {"item_ids"}
    data: dict[str, Any] = cluster.model_dump(mode="json", exclude=exclude)
    data["status"] = status
    return data


async def status_json(store: Store, cluster: Cluster) -> dict[str, Any]:
    """One cluster as the API shows it, its status read from the store."""
    found = await statuses(store, cluster.project_id, [cluster])
    return cluster_json(cluster, found[cluster.id])


def _index(request: Request) -> VectorIndex:
    services = services_of(request)
    return shared_vector_index(services.settings, services.store)


@require_token
async def list_clusters(request: Request) -> Response:
    """Clusters of a project, most recently seen first (item ids left out: see one cluster).
    ---
    summary: List clusters
    parameters:
      - {name: project_id, in: query, required: true, schema: {type: string}}
    responses:
      200: {description: '{"clusters": [{"id", "title", "summary", "sources", "item_count",
        "status", ...}]}: status is new, ongoing, regressed, resolved or ignored'}
    """
    project_id = await project_param(request)
    store = services_of(request).store
    found = await store.list_clusters(project_id)
    found.sort(key=lambda c: (c.last_seen is not None, c.last_seen), reverse=True)
    status = await statuses(store, project_id, found)
    return JSONResponse(
        {"clusters": [cluster_json(c, status[c.id], with_item_ids=False) for c in found]}
    )


@require_token
async def get_cluster(request: Request) -> Response:
    """One cluster with its items (the first ``limit``, default 100).
    ---
    summary: Read a cluster and its items
    parameters:
      - {name: project_id, in: query, required: true, schema: {type: string}}
      - {name: limit, in: query, schema: {type: integer, default: 100, maximum: 1000}}
    responses:
      200: {description: 'the cluster, plus "items": [...]'}
      404: {description: no such cluster in this project}
    """
    store = services_of(request).store
    project_id = await project_param(request)
    cluster = await store.get_cluster(project_id, request.path_params["cluster_id"])
    if cluster is None:
        raise NotFound("no such cluster in this project")
    limit = int_param(request, "limit", 100, 1, 1000)
    items = await store.get_items(project_id, cluster.item_ids[:limit])
    return JSONResponse(
        {**await status_json(store, cluster), "items": [i.model_dump(mode="json") for i in items]}
    )


@require_token
async def merge_cluster(request: Request) -> Response:
    """Merge this cluster into another: ``{"into": "<cluster id>"}``; this one is deleted.
    ---
    summary: Merge two clusters
    responses:
      200: {description: the merged cluster}
      400: {description: into is missing or is this cluster}
      404: {description: either cluster does not exist}
    """
    project_id = await project_param(request)
    body = await json_object(request)
    into = body.get("into")
    if not isinstance(into, str) or not into:
        raise BadRequest("into: the id of the cluster to merge into is required")
    services = services_of(request)
    merged = await clusters.merge(
        services.store,
        _index(request),
        project_id,
        request.path_params["cluster_id"],
        into,
        ALGORITHM,
    )
    return JSONResponse(await status_json(services.store, merged))


@require_token
async def move_item(request: Request) -> Response:
    """Move a feedback item to another cluster: ``{"cluster_id": "<id>"}``, or ``null`` for a
    cluster of its own.
    ---
    summary: Move an item to another cluster
    responses:
      200: {description: the cluster the item is now in}
      400: {description: cluster_id is missing or not a string or null}
      404: {description: no such item, or no such cluster}
    """
    project_id = await project_param(request)
    body = await json_object(request)
    if "cluster_id" not in body or not isinstance(body["cluster_id"], str | None):
        raise BadRequest("cluster_id: a cluster id, or null for a new cluster, is required")
    services = services_of(request)
    target = await clusters.move(
        services.store,
        _index(request),
        project_id,
        request.path_params["item_id"],
        body["cluster_id"],
        ALGORITHM,
    )
    return JSONResponse(await status_json(services.store, target))


routes: list[BaseRoute] = [
    Route("/api/clusters", list_clusters, methods=["GET"]),
    Route("/api/clusters/{cluster_id}", get_cluster, methods=["GET"]),
    Route("/api/clusters/{cluster_id}/merge", merge_cluster, methods=["POST"]),
    Route("/api/feedback/{item_id}/move", move_item, methods=["POST"]),
]
