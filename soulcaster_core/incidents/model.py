"""An incident as stored: the items of one failure, from every tool, and why each is there.

The stores keep an incident's record apart from its links (one row or list entry per item) and
from its **keys**: per value the rule matches on (a trace, a cluster, a service), the first link
that holds it. A batch reads the records of the open incidents and only the keys its own items
name, and appends its links: what it costs does not grow with the incidents' sizes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal, NamedTuple

from pydantic import BaseModel, Field

from ..models import new_id

#: How an item came into an incident: it opened it, shared an entity with it, or a person put it
#: there (a merge or a split).
LinkedBy = Literal["opened", "trace", "cluster", "host", "calls", "service", "near", "manual"]
IncidentStatus = Literal["open", "closed"]
#: What opened an incident, when it says what joins it in its minutes (``Incident.opened_by``).
OpenedBy = Literal["dependency"]
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
    #: The hosts it is on or depends on (``entities.peers_of``).
    peers: list[str] | None = None
    #: An app's own bug (``entities.own_bug``): it holds no minutes (``rule.NEAR``) of the
    #: incident. None otherwise (not stored).
    own_bug: bool | None = None


class IncidentEvent(BaseModel):
    """Something a person (or the rule) did to the incident as a whole: kept in its record."""

    at: datetime
    action: Literal["merged", "merged_into", "split", "closed", "reopened"]
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
    #: The items and what linked each, oldest first: read with one incident
    #: (``Store.get_incidents``); empty in a listing and in the records a batch reads.
    links: list[IncidentLink] = Field(default_factory=list)
    #: How many items it holds (``links`` may not be read).
    item_count: int = 0
    cluster_ids: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)
    #: Entity kind (``service``, ``environment``, ``host``, ``release``, ``endpoint``,
    #: ``trace``, ``user``) to the values its items name, in the order first seen.
    entities: dict[str, list[str]] = Field(default_factory=dict)
    #: Items with a state (an alert, an issue) that have not recovered or resolved yet.
    firing: list[str] = Field(default_factory=list)
    #: Whether any item with a state ever came: only then can recoveries close it.
    had_alerts: bool = False
    #: What opened it, where that says what joins it in its minutes (``rule.NEAR``):
    #: ``dependency``, an alert naming no service (a database's, a queue's, a host's), whose
    #: callers' errors are its own.
    opened_by: OpenedBy | None = None
    #: The incident this one was merged into, if a person merged it.
    merged_into: str | None = None
    history: list[IncidentEvent] = Field(default_factory=list)

    @property
    def item_ids(self) -> list[str]:
        return [link.item_id for link in self.links]

    def stored_json(self) -> str:
        """The record as the stores keep it, without its links (kept apart): empty fields left
        out (they read back as such), as it is read and written again by every batch that adds
        to it."""
        # The serializer itself: ``model_dump_json``'s own keywords cost a quarter as much.
        return self.__pydantic_serializer__.to_json(
            self, exclude_none=True, exclude=_NOT_STORED
        ).decode()

    def model_post_init(self, _context: object) -> None:
        # A record stored before links were kept apart holds them all; it counts them.
        if self.links and not self.item_count:
            self.item_count = len(self.links)


#: What a record is stored without (``Incident.stored_json``).
_NOT_STORED = {"links"}

#: ``(item_id or cluster_id, incident_id)``: where the incident step puts an item or a cluster.
IncidentRow = tuple[str, str | None]
#: ``(incident_id, key)``: one value an incident's items hold (``keys.key_of``).
KeyId = tuple[str, str]


class KeyLink(NamedTuple):
    """What a key keeps of the first link that held its value: what the rule reads of it
    (the item a new link names as ``with_item``, and where it happened, for a cluster's key)."""

    item_id: str
    service: str | None = None
    environment: str | None = None


#: A key's first link per place (the environment a service was named in; ``""`` for none).
KeyLinks = dict[str, KeyLink]


@dataclass
class IncidentState:
    """What ``Store.update_incidents`` read, as one consistent view: the records (with their
    links only for the incidents asked for by id), the keys asked for among those of the
    incidents read, and which of the items asked about are in an incident already."""

    incidents: Mapping[str, Incident]
    keys: Mapping[KeyId, KeyLinks] = field(default_factory=dict)
    placed: frozenset[str] = frozenset()


@dataclass
class IncidentChanges:
    """What one incident step writes, as one atomic step of the store.

    ``incidents`` are records to save. Their links are written as ``links`` (appended) and
    ``keys`` (each the whole new value of that key) say, except for the incidents ``whole``
    names: those carry all their links, which replace what was stored, keys and all."""

    incidents: list[Incident] = field(default_factory=list)
    items: list[IncidentRow] = field(default_factory=list)
    clusters: list[IncidentRow] = field(default_factory=list)
    links: list[tuple[str, IncidentLink]] = field(default_factory=list)
    keys: dict[KeyId, KeyLinks] = field(default_factory=dict)
    whole: set[str] = field(default_factory=set)
    #: The rule failed part way (and wrote nothing): the records it was given may be changed
    #: all the same, so a store's copy of them (``incidents.cache``) is dropped.
    spoiled: bool = False

    def __bool__(self) -> bool:
        return bool(self.incidents or self.items or self.clusters)


#: What ``Store.update_incidents`` makes of what it read: the changes to write. It may run
#: again on a fresh read when another writer came first.
IncidentUpdate = Callable[[IncidentState], IncidentChanges]


@dataclass
class IncidentWork:
    """An incident step for the store to run inside a clustering batch's own atomic step
    (``Store.add_to_clusters``): what ``update_incidents`` would read and do, without a
    transaction and a round trip of its own."""

    update: IncidentUpdate
    open_since: datetime | None = None
    keys: Sequence[str] | None = None
    items: Sequence[str] = ()
    #: Keys (among ``keys``) whose closed incidents last seen since ``reopen_since`` are read
    #: too: an alert's cluster, which may fire again after its incident closed (``rule.REOPEN``).
    reopen: Sequence[str] = ()
    reopen_since: datetime | None = None

    def reopens(self, key: str, incident: Incident) -> bool:
        """Whether ``incident``, held by ``key`` and no longer open, is read all the same."""
        return (
            self.reopen_since is not None
            and key in self.reopen
            and incident.status == "closed"
            and incident.merged_into is None
            and incident.last_seen >= self.reopen_since
        )
