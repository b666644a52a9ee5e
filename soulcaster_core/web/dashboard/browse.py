"""Browsing what arrived: the feedback list and item pages, the clusters and cluster pages."""

from __future__ import annotations

from starlette.responses import Response
from starlette.routing import Route

from ...clustering.status import statuses
from ...errors import BadRequest, NotFound
from ...models import Cluster, FeedbackItem
from ...store.port import parse_cursor
from ..deps import raw_body_of
from .item_view import item_view
from .page import Page, dashboard_page
from .problems import NOTICES
from .templates import SECURITY_HEADERS

PAGE_SIZE = 25
#: A cluster page lists this many of its items at a time.
CLUSTER_ITEMS_SHOWN = 50
#: Clusters offered on an item page to move it to (the rest are a merge away).
MOVE_TARGETS = 100


@dashboard_page
async def feedback_list(page: Page) -> Response:
    params = page.request.query_params
    source = params.get("source", "")
    query = params.get("q", "").strip()
    cursor = params.get("cursor", "")
    try:
        parse_cursor(cursor) if cursor else None
    except BadRequest:
        cursor = ""  # start from the newest rather than fail on a mangled link
    items, next_cursor = await page.services.store.list_items(
        page.project_id,
        source=source or None,
        limit=PAGE_SIZE,
        cursor=cursor or None,
        query=query or None,
    )
    clusters = await _cluster_titles(page, items)
    return page.render(
        "feedback.html",
        "feedback",
        items=items,
        clusters=clusters,
        sources=sorted(page.services.plugins.handlers),
        source=source,
        q=query,
        cursor=cursor,
        next_cursor=next_cursor,
    )


@dashboard_page
async def feedback_item(page: Page) -> Response:
    store = page.services.store
    item = await store.get_item(page.project_id, page.request.path_params["item_id"])
    if item is None:
        raise NotFound("no such feedback item in this project")
    cluster = None
    if item.cluster_id:
        cluster = await store.get_cluster(page.project_id, item.cluster_id)
    deliveries = await store.list_deliveries(page.project_id, item.id)
    view = item_view(item, deliveries)
    return page.render(
        "item.html",
        "feedback",
        item=item,
        view=view,
        cluster=cluster,
        move_to=await _move_targets(page, item.cluster_id),
        notice=NOTICES.get(page.request.query_params.get("done", "")),
    )


async def _move_targets(page: Page, current: str | None) -> list[Cluster]:
    """The clusters an item may be moved to from its page: the most recently seen."""
    found, _ = await page.services.store.list_clusters(page.project_id, limit=MOVE_TARGETS + 1)
    return [c for c in found if c.id != current][:MOVE_TARGETS]


@dashboard_page
async def delivery_body(page: Page) -> Response:
    """A delivery's raw body, as plain text: whatever it holds, it is never run as a page."""
    params = page.request.path_params
    raw = await raw_body_of(page.services, page.project_id, params["item_id"], params["event_id"])
    headers = {**SECURITY_HEADERS, "content-security-policy": "default-src 'none'; sandbox"}
    return Response(raw.body, media_type="text/plain; charset=utf-8", headers=headers)


@dashboard_page
async def cluster_page(page: Page) -> Response:
    store = page.services.store
    cluster = await store.get_cluster(page.project_id, page.request.path_params["cluster_id"])
    if cluster is None:
        raise NotFound("no such cluster in this project")
    cursor = page.request.query_params.get("cursor", "")
    try:
        item_ids, next_cursor = await store.cluster_item_ids(
            page.project_id, cluster.id, limit=CLUSTER_ITEMS_SHOWN, cursor=cursor or None
        )
    except BadRequest:
        cursor = ""
        item_ids, next_cursor = await store.cluster_item_ids(
            page.project_id, cluster.id, limit=CLUSTER_ITEMS_SHOWN
        )
    # An item removed since it was clustered is simply not there.
    items = await store.get_items(page.project_id, item_ids)
    items.sort(key=lambda i: i.last_seen or i.received_at, reverse=True)
    status = await statuses(store, page.project_id, [cluster])
    return page.render(
        "cluster.html",
        "clusters",
        cluster=cluster,
        status=status[cluster.id],
        items=items,
        total=cluster.item_count,
        cursor=cursor,
        next_cursor=next_cursor,
        notice=NOTICES.get(page.request.query_params.get("done", "")),
    )


async def _cluster_titles(page: Page, items: list[FeedbackItem]) -> dict[str, Cluster]:
    """The clusters the listed items belong to, to name them in the list."""
    found: dict[str, Cluster] = {}
    for cluster_id in {i.cluster_id for i in items if i.cluster_id}:
        cluster = await page.services.store.get_cluster(page.project_id, cluster_id)
        if cluster is not None:
            found[cluster_id] = cluster
    return found


routes = [
    Route("/feedback", feedback_list, methods=["GET"], include_in_schema=False),
    Route("/feedback/{item_id}", feedback_item, methods=["GET"], include_in_schema=False),
    Route(
        "/feedback/{item_id}/events/{event_id}/raw",
        delivery_body,
        methods=["GET"],
        include_in_schema=False,
    ),
    Route("/clusters/{cluster_id}", cluster_page, methods=["GET"], include_in_schema=False),
]
