"""How both stores keep a cluster: a record apart from its members.

The record holds the cluster's own fields as JSON (``doc``: title, summary, signature and any
field a later version adds) and its counters as plain values the stores update in place
(items, occurrences, first/last seen, a count per source and per service; SQLite keeps the
services in a table of their own, ``cluster_tallies.py``). Its members are a list of their
own (a Redis sorted set, an SQLite table), read a page at a time, so that neither adding an
item nor showing a cluster costs more as the cluster grows.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime

from ..errors import BadRequest
from ..models import Cluster
from .port import ClusterMember, iso

#: The fields of ``Cluster`` a store counts rather than keeps in the record's JSON.
COUNTED = frozenset(
    {"item_count", "occurrence_count", "sources", "services", "first_seen", "last_seen"}
)


def doc_json(cluster: Cluster) -> str:
    return cluster.model_dump_json(exclude=set(COUNTED))


def from_record(
    doc: str,
    items: int,
    occurrences: int,
    first_seen: str | None,
    last_seen: str | None,
    sources: Mapping[str, int],
    services: Mapping[str, int],
) -> Cluster:
    data = json.loads(doc)
    data.update(
        item_count=items,
        occurrence_count=occurrences,
        first_seen=first_seen or None,
        last_seen=last_seen or None,
        sources=sorted(s for s, n in sources.items() if n > 0),
        services=sorted(s for s, n in services.items() if n > 0),
    )
    return Cluster.model_validate(data)


def seen(at: datetime | None) -> str:
    """A time as a record keeps it: fixed-width, so that strings compare in time order."""
    return iso(at) if at is not None else ""


def seen_ms(at: datetime | None) -> int:
    """The listing's sort key: ms since the epoch; -1 (last) for a cluster never seen."""
    return int(at.timestamp() * 1000) if at is not None else -1


def member_args(member: ClusterMember) -> list[str | int]:
    return [
        member.item_id,
        member.source,
        member.occurrences,
        iso(member.first_seen),
        iso(member.last_seen),
        seen_ms(member.last_seen),
        member.service or "",
    ]


def parse_position(cursor: str | None) -> int:
    """The position a page cursor of the cluster methods stands for (0: the first page)."""
    if cursor is None:
        return 0
    if not (cursor.isascii() and cursor.isdigit() and len(cursor) <= 16):
        raise BadRequest("cursor: not a cursor this API gave out")
    return int(cursor)
