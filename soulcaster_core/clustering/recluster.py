"""Re-grouping a project's stored items with the current algorithm (``soulcaster recluster``).

A better grouping only helps the data it sees: this rebuilds a project's clusters from its
items, oldest first, exactly as the worker would have clustered them. Items keep their ids; an
item a person placed (a merge or a move: its assignment says ``manual``) stays in the cluster
it was put in, and its keys are taught to the index first, so the items like it follow it.

Run it while no worker clusters the project (stop ``soulcaster worker``, or ``serve`` on the
embedded store): a batch clustered in between would be undone by the rebuild.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..models import Cluster, FeedbackItem
from ..store.port import ClusterMember, Store
from .clusterer import Clusterer

#: Items read per page and clustered per ``assign`` call.
PAGE = 200


@dataclass(frozen=True)
class ReclusterReport:
    items: int
    #: Items a person placed, kept where they are.
    kept: int
    clusters: int


def placed_by_hand(item: FeedbackItem) -> bool:
    return (item.metadata.get("clustering") or {}).get("method") == "manual"


async def _all_items(store: Store, project_id: str) -> tuple[list[str], list[FeedbackItem]]:
    """Every item's id, and the items placed by hand, oldest first: the order the worker met
    them in (and the order their keys are taught in, so a later one overrides)."""
    ids: list[str] = []
    manual: list[FeedbackItem] = []
    cursor: str | None = None
    while True:
        page, cursor = await store.list_items(project_id, limit=PAGE, cursor=cursor)
        ids.extend(item.id for item in page)
        manual.extend(item for item in page if placed_by_hand(item))
        if cursor is None:
            return ids[::-1], manual[::-1]


async def _all_clusters(store: Store, project_id: str) -> list[Cluster]:
    found: list[Cluster] = []
    cursor: str | None = None
    while True:
        page, cursor = await store.list_clusters(project_id, limit=PAGE, cursor=cursor)
        found += page
        if cursor is None:
            return found


async def recluster(
    store: Store,
    clusterer: Clusterer,
    project_id: str,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> ReclusterReport:
    """Rebuild ``project_id``'s clusters; ``progress(done, total)`` after each batch."""
    ids, manual = await _all_items(store, project_id)
    kept = {item.cluster_id for item in manual if item.cluster_id}

    # Start from nothing but what people decided: a kept cluster is made again of its items
    # placed by hand.
    await clusterer.index.clear(project_id)
    old = await _all_clusters(store, project_id)
    for cluster in old:
        await store.delete_cluster(project_id, cluster.id)
    growths = [
        (c, [ClusterMember.of(i) for i in manual if i.cluster_id == c.id])
        for c in old
        if c.id in kept
    ]
    if growths:
        await store.add_to_clusters(project_id, growths)
    manual_ids = {item.id for item in manual}
    rest = [item_id for item_id in ids if item_id not in manual_ids]
    for at in range(0, len(rest), PAGE):
        await store.set_item_clusters(project_id, [(i, None, {}) for i in rest[at : at + PAGE]])
    await clusterer.remember(project_id, manual)

    done = 0
    for at in range(0, len(rest), PAGE):
        items = await store.get_items(project_id, rest[at : at + PAGE])
        await clusterer.assign(project_id, items)
        done += len(items)
        if progress is not None:
            progress(done, len(rest))
    clusters = await store.count_clusters(project_id)
    return ReclusterReport(items=len(ids), kept=len(manual), clusters=clusters)
