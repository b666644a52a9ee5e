"""Cluster bookkeeping, and the two corrections a person can make: merge and move.

A cluster lists its items once each; its counts follow from that list. ``merge`` and ``move``
also re-point the index: the templates of moved items now lead to their new cluster, so the
next occurrence goes where the person put the last one (a correction teaches the clusterer).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..errors import BadRequest, NotFound
from ..models import Cluster, FeedbackItem, new_id
from ..store.base import Store
from .document import ClusterDoc, document_for
from .ports import VectorIndex


def new_cluster(project_id: str, cluster_id: str, item: FeedbackItem, doc: ClusterDoc) -> Cluster:
    return Cluster(
        id=cluster_id,
        project_id=project_id,
        title=item.title,
        summary=" ".join([doc.head, *(f"@ {f}" for f in doc.frames[:1])]),
        signature=doc.signature,
    )


def add_items(cluster: Cluster, items: Sequence[FeedbackItem]) -> None:
    """Count ``items`` into ``cluster``, each once however often this is called."""
    fresh: dict[str, FeedbackItem] = {}
    for item in items:
        fresh.setdefault(item.id, item)
    if not fresh.keys().isdisjoint(cluster.item_ids):  # a replayed batch: some are in already
        for item_id in cluster.item_ids:
            fresh.pop(item_id, None)
    if not fresh:
        cluster.item_count = len(cluster.item_ids)
        return
    cluster.item_ids.extend(fresh)
    for item in fresh.values():
        if item.source not in cluster.sources:
            cluster.sources.append(item.source)
    firsts = [item.first_seen or item.created_at for item in fresh.values()]
    lasts = [item.last_seen or item.created_at for item in fresh.values()]
    if cluster.first_seen is not None:
        firsts.append(cluster.first_seen)
    if cluster.last_seen is not None:
        lasts.append(cluster.last_seen)
    cluster.item_count = len(cluster.item_ids)
    cluster.occurrence_count += sum(item.occurrences for item in fresh.values())
    cluster.first_seen, cluster.last_seen = min(firsts), max(lasts)


def recount(cluster: Cluster, items: Sequence[FeedbackItem]) -> None:
    """Recompute ``cluster``'s derived fields from ``items`` (its members, as now stored)."""
    cluster.item_ids, cluster.sources = [], []
    cluster.item_count = cluster.occurrence_count = 0
    cluster.first_seen = cluster.last_seen = None
    add_items(cluster, items)


def keys_of(item: FeedbackItem) -> list[str]:
    """The index keys a correction re-points: the item's own key and those it shares with
    items like it (message, service, skeleton), not the keys of its other frames."""
    doc = document_for(item)
    keys = [doc.signature, *(k.id for k in doc.all_keys() if k.kind != "frames")]
    recorded = (item.metadata.get("clustering") or {}).get("signature")
    if recorded:  # what an older algorithm keyed it by
        keys.append(str(recorded))
    return list(dict.fromkeys(keys))


def manual_assignment(algorithm: str) -> dict[str, Any]:
    return {"algorithm": algorithm, "method": "manual", "similarity": None}


async def merge(
    store: Store, index: VectorIndex, project_id: str, source_id: str, into_id: str, algorithm: str
) -> Cluster:
    """Move every item of cluster ``source_id`` into ``into_id`` and delete ``source_id``."""
    if source_id == into_id:
        raise BadRequest("into: a cluster cannot be merged into itself")
    source = await store.get_cluster(project_id, source_id)
    into = await store.get_cluster(project_id, into_id)
    if source is None or into is None:
        raise NotFound(f"no cluster {source_id if source is None else into_id} in this project")
    items = await store.get_items(project_id, source.item_ids)
    # Index first: from now on new occurrences of these templates go to the merged cluster.
    keys = sorted({key for item in items for key in keys_of(item)})
    await index.update_metadata(project_id, keys, {"cluster_id": into.id})
    add_items(into, items)
    await store.save_cluster(into)
    rows = [(item.id, into.id, manual_assignment(algorithm)) for item in items]
    await store.set_item_clusters(project_id, rows)
    await store.delete_cluster(project_id, source.id)
    return into


async def move(
    store: Store,
    index: VectorIndex,
    project_id: str,
    item_id: str,
    target_id: str | None,
    algorithm: str,
) -> Cluster:
    """Put one item in cluster ``target_id`` (``None``: a new cluster of its own)."""
    item = await store.get_item(project_id, item_id)
    if item is None:
        raise NotFound("no such feedback item in this project")
    if target_id is None:
        target = new_cluster(project_id, new_id(), item, document_for(item))
    else:
        found = await store.get_cluster(project_id, target_id)
        if found is None:
            raise NotFound(f"no cluster {target_id} in this project")
        target = found
    if item.cluster_id == target.id:
        return target
    if item.cluster_id is not None:
        old = await store.get_cluster(project_id, item.cluster_id)
        if old is not None:
            rest = [i for i in old.item_ids if i != item.id]
            if rest:
                recount(old, await store.get_items(project_id, rest))
                await store.save_cluster(old)
            else:
                await store.delete_cluster(project_id, old.id)
    await index.update_metadata(project_id, keys_of(item), {"cluster_id": target.id})
    add_items(target, [item])
    await store.save_cluster(target)
    await store.set_item_cluster(project_id, item.id, target.id, manual_assignment(algorithm))
    return target
