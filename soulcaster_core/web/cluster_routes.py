"""``/api/clusters``: read clusters, merge two, move an item; behind the API token.

Every route takes ``?project_id=``. Mounted by the app (``routes``). The routes are the web's:
clustering itself knows nothing of HTTP.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from ..clustering import clusters
from ..clustering.clusterer import ALGORITHM
from ..clustering.status import Status, statuses
from ..errors import BadRequest, NotFound
from ..models import Cluster
from ..store.port import Store
from .auth import require_token
from .deps import int_param, json_object, project_param, services_of


def cluster_json(cluster: Cluster, status: Status) -> dict[str, Any]:
    data: dict[str, Any] = cluster.model_dump(mode="json")
    data["status"] = status
    return data


async def cluster_page(
    store: Store, cluster: Cluster, *, limit: int = 100, cursor: str | None = None
) -> dict[str, Any]:
    """The cluster with its status, a page of its item ids (in the order they joined) and the
    cursor of the next page: what a cluster's answers hold, whatever its size."""
    found = await statuses(store, cluster.project_id, [cluster])
    item_ids, next_cursor = await store.cluster_item_ids(
        cluster.project_id, cluster.id, limit=limit, cursor=cursor
    )
    return {
        **cluster_json(cluster, found[cluster.id]),
        "item_ids": item_ids,
        "next_cursor": next_cursor,
    }


@require_token
async def list_clusters(request: Request) -> Response:
    """Clusters of a project, most recently seen first, a page at a time (see one cluster for
    its items).
    ---
    summary: List clusters
    parameters:
      - {name: project_id, in: query, required: true, schema: {type: string}}
      - {name: limit, in: query, schema: {type: integer, default: 100, maximum: 1000}}
      - {name: cursor, in: query, schema: {type: string}}
    responses:
      200:
        description: '{"clusters": [{"id", "title", "item_count", "status", ...}], "total",
          "next_cursor"}: status is new, ongoing, regressed, resolved or ignored'

    """
    store = services_of(request).store
    project_id = await project_param(request)
    limit = int_param(request, "limit", 100, 1, 1000)
    found, next_cursor = await store.list_clusters(
        project_id, limit=limit, cursor=request.query_params.get("cursor") or None
    )
    status = await statuses(store, project_id, found)
    return JSONResponse(
        {
            "clusters": [cluster_json(c, status[c.id]) for c in found],
            "total": await store.count_clusters(project_id),
            "next_cursor": next_cursor,
        }
    )


@require_token
async def get_cluster(request: Request) -> Response:
    """One cluster with a page of its items (``limit``, default 100; ``cursor`` for the next).
    ---
    summary: Read a cluster and its items
    parameters:
      - {name: project_id, in: query, required: true, schema: {type: string}}
      - {name: limit, in: query, schema: {type: integer, default: 100, maximum: 1000}}
      - {name: cursor, in: query, schema: {type: string}}
    responses:
      200: {description: 'the cluster, plus "item_ids", "items" (that page) and "next_cursor"'}
      404: {description: no such cluster in this project}
    """
    store = services_of(request).store
    project_id = await project_param(request)
    cluster = await store.get_cluster(project_id, request.path_params["cluster_id"])
    if cluster is None:
        raise NotFound("no such cluster in this project")
    limit = int_param(request, "limit", 100, 1, 1000)
    cursor = request.query_params.get("cursor") or None
    page = await cluster_page(store, cluster, limit=limit, cursor=cursor)
    items = await store.get_items(project_id, page["item_ids"])
    return JSONResponse({**page, "items": [i.model_dump(mode="json") for i in items]})


@require_token
async def merge_cluster(request: Request) -> Response:
    """Merge this cluster into another: ``{"into": "<cluster id>"}``; this one is deleted.
    ---
    summary: Merge two clusters
    responses:
      200: {description: 'the merged cluster, with the first page of its "item_ids"'}
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
        services.index,
        project_id,
        request.path_params["cluster_id"],
        into,
        ALGORITHM,
    )
    return JSONResponse(await cluster_page(services.store, merged))


@require_token
async def move_item(request: Request) -> Response:
    """Move a feedback item to another cluster: ``{"cluster_id": "<id>"}``, or ``null`` for a
    cluster of its own.
    ---
    summary: Move an item to another cluster
    responses:
      200: {description: 'the cluster the item is now in, with the first page of its "item_ids"'}
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
        services.index,
        project_id,
        request.path_params["item_id"],
        body["cluster_id"],
        ALGORITHM,
    )
    return JSONResponse(await cluster_page(services.store, target))


routes: list[BaseRoute] = [
    Route("/api/clusters", list_clusters, methods=["GET"]),
    Route("/api/clusters/{cluster_id}", get_cluster, methods=["GET"]),
    Route("/api/clusters/{cluster_id}/merge", merge_cluster, methods=["POST"]),
    Route("/api/feedback/{item_id}/move", move_item, methods=["POST"]),
]
