"""What a person decided about a cluster (resolved, ignored, ongoing), kept apart from it.

A cluster's record is rewritten by every clustering batch; its status is a small separate value
(a Redis hash field, an SQLite row) that only a person and one rule change: a resolved cluster
that gains an item is ``regressed``, in the same atomic step as the item joins it
(``add_to_clusters``).
"""

from __future__ import annotations

from typing import Literal

#: What a person may set (``POST /api/clusters/{id}/status``).
SetStatus = Literal["resolved", "ignored", "ongoing"]
SETTABLE: tuple[SetStatus, ...] = ("resolved", "ignored", "ongoing")
#: What is stored: a person's choice, or ``regressed`` (a resolved cluster that gained an item).
STORED = (*SETTABLE, "regressed")
