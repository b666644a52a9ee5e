"""A store's in-process copy of what its incident steps read: per project, the records of the
open incidents, and the keys (every incident stored with each one) that batches named.

A batch reads only the keys its items name and the records of the open incidents holding them
(``Store.update_incidents``); minute by minute, that is a statement or a round trip for a few
rows that the last batch read or wrote. This copy lets a store skip it, as long as nothing but
its own steps wrote the project's incidents since it was filled: the store says so with a
**stamp** that any other writer changes (SQLite: the connection's ``PRAGMA data_version``;
Redis: the project's incidents version, which its write script checks), and applies each of
its own writes to the copy (``CachedIncidents.apply``). A stamp that differs empties the copy;
anything that fails between the read and the commit drops it, for the rule changes the records
it is given in place.

The copy holds **every** open incident last seen since a time (``complete``), each with the
values it names (its record's traces, services and clusters): a key that none of them names is
held by no open incident of the window, and is not read at all (most of a batch's keys are new
traces and clusters). A key one of them names is read once, then kept. (While an open incident
that a person merged or split is in the copy, its record may not name all it holds: then every
key not held is read.)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from .entities import PEER_KIND
from .keys import NEAR_KEY, key_of, load_key
from .model import Incident, IncidentChanges, IncidentState, IncidentWork, KeyId, KeyLinks

#: Keys a project's copy may hold before it is emptied (and filled again): keys of incidents
#: that closed stay until a batch names them again.
KEY_LIMIT = 20_000
_NONE: dict[str, KeyLinks] = {}
#: How much further back than a batch's window a copy reads the open incidents: a later
#: batch's late delivery rarely needs them read again.
OPEN_MARGIN = timedelta(hours=1)
_EVER = datetime.min.replace(tzinfo=UTC)


def opened_from(since: datetime | None) -> datetime:
    """Since when a copy that ``lacks`` a batch's window (``since``) reads the open incidents."""
    return _EVER if since is None else max(since, _EVER + OPEN_MARGIN) - OPEN_MARGIN


def names_of(incident: Incident) -> Iterator[str]:
    """The keys an incident may be stored with: every trace, cluster, service and host it names
    (its keys are made of its links' values, which its record gathers), and the project's
    minutes (``near``), which every one holds."""
    for trace in incident.entities.get("trace", ()):
        yield key_of("trace", trace)
    for cluster_id in incident.cluster_ids:
        yield key_of("cluster", cluster_id)
    for service in incident.entities.get("service", ()):
        yield key_of("service", service)
    for peer in incident.entities.get(PEER_KIND, ()):
        yield key_of("host", peer)
    yield NEAR_KEY


@dataclass
class CachedIncidents:
    """One project's copy, as of ``stamp``.

    ``records``: the open incidents, without their links; every one last seen at or after
    ``complete`` is there (``None``: not filled yet). ``named``: per key, the open incidents
    whose records name it. ``keys``: per key read, every incident stored with it, in the
    store's order. A key named but not in ``keys`` is read from the store (``missing``)."""

    stamp: int
    complete: datetime | None = None
    records: dict[str, Incident] = field(default_factory=dict)
    named: dict[str, set[str]] = field(default_factory=dict)
    keys: dict[str, dict[str, KeyLinks]] = field(default_factory=dict)
    #: Open incidents a person merged or split: a split works the record out again from its
    #: items as they are now, while the keys keep what each item was linked by (which the
    #: record may then not name), and a merge takes in such an incident's keys. While there is
    #: one, every key not held is read.
    split: set[str] = field(default_factory=set)

    def lacks(self, since: datetime | None) -> bool:
        """Whether the open incidents last seen since ``since`` (``None``: all) are to be
        read (``open``, from ``opened_from(since)``)."""
        if len(self.keys) > KEY_LIMIT:
            self.complete = None
            self.records.clear()
            self.named.clear()
            self.keys.clear()
            self.split.clear()
        return self.complete is None or (since or _EVER) < self.complete

    def open(self, records: Iterable[Incident], since: datetime) -> None:
        """Keep the project's open incidents last seen since ``since``, as the store read them
        (a record held already is the copy's own, and stays)."""
        for record in records:
            if not self._hold(record):
                continue
            if record.id in self.split:
                self.keys.clear()  # which keys it holds is not known: each is read again
            else:  # a key read before without it lacks it: it is read again
                for key in names_of(record):
                    self.keys.pop(key, None)
        self.complete = since if self.complete is None else min(since, self.complete)

    def missing(self, keys: Iterable[str]) -> list[str]:
        """Those of ``keys`` to read from the store (and ``fill``) before ``state``."""
        if self.split:
            return [key for key in keys if key not in self.keys]
        return [key for key in keys if key not in self.keys and self.named.get(key)]

    def fill(self, keys: Mapping[str, Mapping[str, KeyLinks]], records: Iterable[Incident]) -> None:
        """Keep what the store read: ``keys``, each with every incident that holds it, and
        the records of those that are open."""
        for record in records:
            self._hold(record)
        for key, held in keys.items():
            self.keys[key] = dict(held)

    def state(
        self,
        keys: Sequence[str],
        in_window: Callable[[Incident], bool],
        *,
        ordered: bool = False,
    ) -> tuple[IncidentState, list[KeyId]]:
        """What the store would read for ``keys`` (none ``missing``): the open incidents
        holding one of them that ``in_window`` takes, with those keys of theirs (in the
        store's order: ``ordered``, by key and incident, as SQLite reads them; else as asked
        and as stored, as Redis does), and the keys held of incidents no longer open (to
        drop). The records are the copy's own: the rule changes them in place."""
        found: dict[str, Incident] = {}
        held: dict[KeyId, KeyLinks] = {}
        stale: list[KeyId] = []
        for key in sorted(keys) if ordered else keys:
            entries = self.keys.get(key, _NONE)
            for incident_id in sorted(entries) if ordered else entries:
                record = self.records.get(incident_id)
                if record is None or record.status != "open":
                    stale.append((incident_id, key))
                elif in_window(record):
                    held[(incident_id, key)] = entries[incident_id]
                    found[incident_id] = record
        return IncidentState(found, held), stale

    def apply(self, changes: IncidentChanges, dropped: Iterable[KeyId], *, copy: bool) -> bool:
        """Apply what the store wrote (``dropped``: keys it deleted); ``copy``: keep copies of
        the records (the caller keeps ``changes``), not the objects. False when the copy
        cannot follow (an incident written whole: a merge, a split; a rule that failed part
        way) and must be dropped."""
        if changes.whole or changes.spoiled:
            return False
        for incident_id, key in dropped:
            self.keys.get(key, {}).pop(incident_id, None)
        for (incident_id, key), places in changes.keys.items():
            if key in self.keys:
                self.keys[key][incident_id] = places
            elif not self.named.get(key) and not self.split:  # held by no open one till now
                self.keys[key] = {incident_id: places}
            self.named.setdefault(key, set()).add(incident_id)
        for incident in changes.incidents:
            if incident.status != "open":
                self._let_go(incident.id)
                continue
            if copy:
                incident = incident.model_copy(deep=True)
            if incident.id not in self.records and incident.history:
                # Open again (``rule.REOPEN``): what it names is held by an open one again.
                for key in names_of(incident):
                    self.named.setdefault(key, set()).add(incident.id)
            # Links are stored apart and appended: a record held with links would be taken
            # for one stored before they were (and written whole). (Emptied in place: the
            # writes are made, and the records are the copy's own or copies.)
            incident.links.clear()
            self.records[incident.id] = incident
        return True

    def _hold(self, record: Incident) -> bool:
        """Keep an open record read from the store, unless the copy has one (its own, which
        is as new); whether it was kept."""
        if record.status != "open" or record.id in self.records:
            return False
        self.records[record.id] = record
        for key in names_of(record):
            self.named.setdefault(key, set()).add(record.id)
        if record.history:  # a merge or a split by hand
            self.split.add(record.id)
        return True

    def _let_go(self, incident_id: str) -> None:
        record = self.records.pop(incident_id, None)
        self.split.discard(incident_id)
        if record is not None:
            for key in names_of(record):
                self.named.get(key, set()).discard(incident_id)


@dataclass
class Reopened:
    """The closed incidents a batch reads all the same (``IncidentWork.reopens``: an alert's
    cluster, which may fire again), with those keys of theirs; the copy keeps open ones
    only, so a store reads these from itself every time."""

    records: dict[str, Incident] = field(default_factory=dict)
    keys: dict[KeyId, KeyLinks] = field(default_factory=dict)

    def take(
        self,
        work: IncidentWork,
        incident_id: str,
        key: str,
        places: str | bytes,
        record: str | bytes | Incident | None,
    ) -> bool:
        """Keep ``incident_id`` (closed, stored with ``key``: ``places``) if ``work`` reads it
        again; whether it does (if not, its key is dropped as stale)."""
        if record is None or key not in work.reopen:
            return False
        incident = self.records.get(incident_id)
        if incident is None:
            incident = (
                record if isinstance(record, Incident) else Incident.model_validate_json(record)
            )
        if not work.reopens(key, incident):
            return False
        self.records[incident_id] = incident
        self.keys[(incident_id, key)] = load_key(places)
        return True

    def into(self, state: IncidentState) -> IncidentState:
        """``state`` with these incidents and keys."""
        if not self.records:
            return state
        return IncidentState(
            {**state.incidents, **self.records}, {**state.keys, **self.keys}, state.placed
        )


class IncidentCache:
    """A store's copies, one per project (``CachedIncidents``)."""

    def __init__(self) -> None:
        self._projects: dict[str, CachedIncidents] = {}

    def at(self, project_id: str, stamp: int) -> CachedIncidents:
        """The project's copy as of ``stamp``: the one held if it is as of that stamp, else a
        new, empty one."""
        cached = self._projects.get(project_id)
        if cached is None or cached.stamp != stamp:
            cached = self._projects[project_id] = CachedIncidents(stamp)
        return cached

    def take(self, project_id: str) -> CachedIncidents | None:
        """Take the project's copy out, for a step that awaits between its read and its
        write (Redis): no other step of this process reads what the rule changes in place
        before it is written; ``put`` gives it back."""
        return self._projects.pop(project_id, None)

    def put(self, project_id: str, cached: CachedIncidents) -> None:
        """Give a copy back, unless one as of a later stamp came meanwhile."""
        held = self._projects.get(project_id)
        if held is None or held.stamp < cached.stamp:
            self._projects[project_id] = cached

    def drop(self, project_id: str | None = None) -> None:
        """Forget the project's copy (or all of them)."""
        if project_id is None:
            self._projects.clear()
        else:
            self._projects.pop(project_id, None)
