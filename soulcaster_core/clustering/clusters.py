"""Cluster bookkeeping, and the two corrections a person can make: merge and move.

The store keeps a cluster's members apart from its record and counts them in and out in
place (``Store.add_to_clusters``, ``remove_from_cluster``). ``merge`` and ``move``
also re-point the index: the templates of moved items now lead to their new cluster, so the
next occurrence goes where the person put the last one (a correction teaches the clusterer).
"""

from __future__ import annotations

from typing import Any

from ..errors import BadRequest, NotFound
from ..models import Cluster, FeedbackItem, new_id
from ..store.port import ClusterMember, Store
from .document import ClusterDoc, document_for
from .indexes import VectorIndex

#: Members moved per store step by a merge.
MERGE_PAGE = 500


def new_cluster(project_id: str, cluster_id: str, item: FeedbackItem, doc: ClusterDoc) -> Cluster:
    return Cluster(
        id=cluster_id,
        project_id=project_id,
        title=item.title,
        summary=" ".join([doc.head, *(f"@ {f}" for f in doc.frames[:1])]),
        signature=doc.signature,
    )


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
    store: Store,
    index: VectorIndex,
    project_id: str,
    source_id: str,
    into_id: str,
    assignment: str | dict[str, Any],
) -> Cluster:
    """Move every item of cluster ``source_id`` into ``into_id`` and delete ``source_id``;
    each moved item records ``assignment`` (an algorithm's name: a person's merge).

    A page of members at a time, each page in one store step, so that a merge of a big cluster
    costs in proportion to it and no more; stopped half-way, it can simply be made again."""
    if source_id == into_id:
        raise BadRequest("into: a cluster cannot be merged into itself")
    source = await store.get_cluster(project_id, source_id)
    into = await store.get_cluster(project_id, into_id)
    if source is None or into is None:
        raise NotFound(f"no cluster {source_id if source is None else into_id} in this project")
    manual = manual_assignment(assignment) if isinstance(assignment, str) else assignment
    cursor: str | None = None
    while True:
        item_ids, cursor = await store.cluster_item_ids(
            project_id, source.id, limit=MERGE_PAGE, cursor=cursor
        )
        items = await store.get_items(project_id, item_ids)
        # Index first: from now on new occurrences of these templates go to the merged cluster.
        keys = sorted({key for item in items for key in keys_of(item)})
        await index.update_metadata(project_id, keys, {"cluster_id": into.id})
        members = [ClusterMember.of(item) for item in items]
        rows = [(item.id, into.id, manual) for item in items]
        await store.add_to_clusters(project_id, [(into, members)], rows)
        if cursor is None:
            break
    await store.delete_cluster(project_id, source.id)
    return await store.get_cluster(project_id, into.id) or into


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
    await index.update_metadata(project_id, keys_of(item), {"cluster_id": target.id})
    member = ClusterMember.of(item)
    # Into the new cluster before out of the old one: stopped in between, the item is listed
    # twice rather than nowhere.
    row = (item.id, target.id, manual_assignment(algorithm))
    await store.add_to_clusters(project_id, [(target, [member])], [row])
    if item.cluster_id is not None:
        await store.remove_from_cluster(project_id, item.cluster_id, [member])
    return await store.get_cluster(project_id, target.id) or target
