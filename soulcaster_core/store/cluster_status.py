"""What a person decided about a cluster (resolved, ignored, ongoing), kept apart from it.

A cluster's record is rewritten by every clustering batch; its status is a small separate value
(a Redis hash field, an SQLite row) that only a person and one rule change: a resolved cluster
that gains an item is ``regressed``, in the same atomic step as the item joins it
(``update_clusters``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal

from ..models import Cluster

#: What a person may set (``POST /api/clusters/{id}/status``).
SetStatus = Literal["resolved", "ignored", "ongoing"]
SETTABLE: tuple[SetStatus, ...] = ("resolved", "ignored", "ongoing")
#: What is stored: a person's choice, or ``regressed`` (a resolved cluster that gained an item).
STORED = (*SETTABLE, "regressed")


def grown(before: Mapping[str, int], clusters: Sequence[Cluster]) -> list[str]:
    """The clusters that existed before (``before``: their item counts) and gained items."""
    return [c.id for c in clusters if c.id in before and c.item_count > before[c.id]]
