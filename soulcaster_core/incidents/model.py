"""An incident as stored: the items of one failure, from every tool, and why each is there."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from ..models import new_id

#: How an item came into an incident: it opened it, shared an entity with it, or a person put it
#: there (a merge or a split).
LinkedBy = Literal["opened", "trace", "cluster", "service", "manual"]
IncidentStatus = Literal["open", "closed"]
#: What closed it: every alert in it recovered, nothing came for the window, or a merge.
ClosedBy = Literal["recovered", "quiet", "merged"]


class IncidentLink(BaseModel):
    """One item of an incident and what put it there: the entity it shared, with which item,
    and the item's own time (the sender's, not when it arrived)."""

    item_id: str
    at: datetime
    by: LinkedBy
    #: The shared value (``checkout/production``, a trace id, a cluster id); None for ``opened``.
    value: str | None = None
    #: The incident's item that held the same value.
    with_item: str | None = None
    source: str = ""
    cluster_id: str | None = None
    #: What the rule reads, kept so that the next item can be matched without reading this one.
    service: str | None = None
    environment: str | None = None
    trace_id: str | None = None


class IncidentEvent(BaseModel):
    """Something a person (or the rule) did to the incident as a whole: kept in its record."""

    at: datetime
    action: Literal["merged", "merged_into", "split", "closed"]
    detail: dict[str, str | list[str]] = Field(default_factory=dict)


class Incident(BaseModel):
    id: str = Field(default_factory=new_id)
    project_id: str
    title: str
    status: IncidentStatus = "open"
    closed_by: ClosedBy | None = None
    closed_at: datetime | None = None
    first_seen: datetime
    last_seen: datetime
    links: list[IncidentLink] = Field(default_factory=list)
    cluster_ids: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)
    #: Entity kind (``service``, ``environment``, ``host``, ``release``, ``endpoint``,
    #: ``trace``, ``user``) to the values its items name, in the order first seen.
    entities: dict[str, list[str]] = Field(default_factory=dict)
    #: Items with a state (an alert, an issue) that have not recovered or resolved yet.
    firing: list[str] = Field(default_factory=list)
    #: Whether any item with a state ever came: only then can recoveries close it.
    had_alerts: bool = False
    #: The incident this one was merged into, if a person merged it.
    merged_into: str | None = None
    history: list[IncidentEvent] = Field(default_factory=list)

    @property
    def item_ids(self) -> list[str]:
        return [link.item_id for link in self.links]

    def stored_json(self) -> str:
        """The record as the stores keep it: empty fields left out (they read back as such),
        as an incident is read and written again by every batch that adds to it."""
        return self.model_dump_json(exclude_none=True)


#: ``(item_id or cluster_id, incident_id)``: where the incident step puts an item or a cluster.
IncidentRow = tuple[str, str | None]


@dataclass
class IncidentChanges:
    """What one incident step writes, as one atomic step of the store."""

    incidents: list[Incident] = field(default_factory=list)
    items: list[IncidentRow] = field(default_factory=list)
    clusters: list[IncidentRow] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.incidents or self.items or self.clusters)


#: What ``Store.update_incidents`` makes of the incidents it read (by id): the changes to write.
#: It may run again on freshly read incidents when another writer came first.
IncidentUpdate = Callable[[Mapping[str, Incident]], IncidentChanges]
