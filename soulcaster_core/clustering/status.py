"""A cluster's status as people read it: new, ongoing, regressed, resolved or ignored.

What is stored (``store/cluster_status.py``) is a person's choice or a regression; a cluster
nobody has touched is ``new`` while it was first seen within ``NEW_FOR``, then ``ongoing``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Literal

from ..errors import BadRequest, NotFound
from ..models import Cluster, utcnow
from ..store.cluster_status import SETTABLE, SetStatus
from ..store.port import Store

Status = Literal["new", "ongoing", "regressed", "resolved", "ignored"]
STATUSES: tuple[Status, ...] = ("new", "ongoing", "regressed", "resolved", "ignored")
NEW_FOR = timedelta(hours=24)


def status_of(
    cluster: Cluster, stored: Mapping[str, str] | None, now: datetime | None = None
) -> Status:
    value = (stored or {}).get("status")
    if value in STATUSES and value != "new":
        return value
    first = cluster.first_seen
    return "new" if first is None or (now or utcnow()) - first < NEW_FOR else "ongoing"


async def statuses(store: Store, project_id: str, clusters: Sequence[Cluster]) -> dict[str, Status]:
    """``{cluster_id: status}`` of ``clusters``; one read of the store."""
    stored = await store.cluster_statuses(project_id, [c.id for c in clusters])
    now = utcnow()
    return {c.id: status_of(c, stored.get(c.id), now) for c in clusters}


def settable(value: object) -> SetStatus:
    """``value`` as a status a person may set; ``BadRequest`` naming the choices otherwise."""
    for status in SETTABLE:
        if value == status:
            return status
    raise BadRequest(f"status: one of {', '.join(SETTABLE)} is required")


async def set_status(store: Store, project_id: str, cluster_id: str, value: object) -> Cluster:
    """Set a person's status of one cluster; the cluster, or ``NotFound``."""
    status = settable(value)
    cluster = await store.get_cluster(project_id, cluster_id)
    if cluster is None:
        raise NotFound("no such cluster in this project")
    await store.set_cluster_status(project_id, cluster_id, status, utcnow())
    return cluster
