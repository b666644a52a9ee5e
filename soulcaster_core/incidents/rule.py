"""The incident rule, as pure functions of the stored incidents and a batch of items.

An alert or error (``signals.signal_kind``) joins the open incident of its project that it
shares an entity with, within ``window`` of the incident's items (after its last one, or
before its first for an item that arrives late):

1. the same **trace id** (the strongest link: one request across services);
2. the same **cluster**, unless the two name different services (the same bug firing again);
3. a **host** it is on or depends on (``entities.peers_of``), that an item there named too;
   or a service its error says failed its call (``entities.calls_of``), failing there;
4. the same **service**, in the same environment when both name one (nor does an item of one
   environment join by a host or a service an incident of others only), unless the service
   went quiet for ``LULL`` with no alert of it firing (it then fails anew);
5. the same **minutes** (``NEAR``) in the same environment (an item naming none is
   production's), when the item or the incident names neither a service nor a host (a front
   end's error naming no backend, a monitor on an API gateway) and only one incident of that
   environment took an item in those minutes.

An alert on a host or a dependency (or naming no service) that fires again in its cluster
within ``REOPEN`` of its incident's last item opens that incident again, closed as it may be.
A resolve that its trigger's item did not take joins the incident holding its cluster (open,
or closed within the window), and opens nothing. An app's own bug (``entities.own_bug``) is
not placed by the minutes, nor holds them.

The strongest link wins, then the incident seen last. Otherwise the item opens an incident.
Each link records the entity, its value, the incident's item that held it and the item's time.
An incident closes when every alert in it has recovered (``close_recovered``), or, when it
holds no alert still firing, once a later item of the project comes after its window.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from ..models import FeedbackItem
from .entities import ENTITY_KINDS, NO_ENTITIES, PEER_KIND, Entities, entities_of
from .keys import NEAR_KEY, key_link, key_of, link_keys
from .model import (
    ClosedBy,
    Incident,
    IncidentChanges,
    IncidentEvent,
    IncidentLink,
    IncidentState,
    KeyId,
    KeyLink,
    KeyLinks,
    LinkedBy,
    OpenedBy,
)
from .signals import RECOVERED_STATES, SignalKind, signal_kind, state_of

DEFAULT_WINDOW = timedelta(minutes=30)
#: How close in time an item must come to the latest item of an incident to join it on the
#: minutes alone (``near``).
NEAR = timedelta(minutes=5)
#: How long a service may go quiet and its next error still be the same failure's.
LULL = timedelta(minutes=15)
#: How long after its last item a closed incident takes its alert firing again (the same
#: cluster: a monitor that recovered or went quiet, and fires anew; a memory leak's OOM kills
#: an hour apart): it is opened again.
REOPEN = timedelta(hours=2)
#: The environment of an item that names none, for the minutes (``near``).
PRODUCTION = "production"
_STRENGTH: dict[LinkedBy, int] = {
    "trace": 4,
    "cluster": 3,
    "host": 2,
    "calls": 2,
    "service": 1,
    "near": 0,
}


@dataclass(slots=True)
class ItemFacts:
    """What the rule reads of one item."""

    item: FeedbackItem
    cluster_id: str | None
    entities: Entities
    kind: SignalKind
    at: datetime
    #: The keys (``keys.key_of``) of its trace, cluster and service, made once: the store's
    #: read, the rule's lookups and the keys it writes all name them.
    trace_key: str | None = None
    cluster_key: str | None = None
    service_key: str | None = None
    #: The keys of the hosts it is on or depends on.
    peer_keys: tuple[str, ...] = ()
    #: The key of the project's minutes (``near``; ``keys.NEAR_KEY``), for every alert or error.
    near_key: str | None = None
    #: The service keys of the services whose failed answer it reports (read, not written).
    call_keys: tuple[str, ...] = ()
    #: Its cluster's key, if it is an alert firing (a state, no exception: a monitor) on a
    #: host or what a service depends on (it names a ``peer``: a host, a queue, a topic, a
    #: database), which may open again the closed incident of its cluster (``REOPEN``).
    reopen_key: str | None = None

    @classmethod
    def of(cls, item: FeedbackItem, cluster_id: str | None = None) -> ItemFacts:
        kind = signal_kind(item)
        cluster_id = cluster_id or item.cluster_id
        at = item.first_seen or item.created_at
        if kind == "recovery" and cluster_id and item.incident_id is None:
            # A resolve that its trigger's item did not take (a Sentry issue resolved, whose
            # events came as errors; a recovery keyed apart from its trigger) joins the open
            # incident holding its cluster, by it alone; it opens nothing.
            # An incident its trigger's recovery closed a moment before takes it too.
            key = key_of("cluster", cluster_id)
            entities = entities_of(item)
            return cls(item, cluster_id, entities, kind, at, cluster_key=key, reopen_key=key)
        if kind != "signal":  # only an alert or error joins or opens an incident
            return cls(item, cluster_id, NO_ENTITIES, kind, at)
        entities = entities_of(item)
        trace, service = entities.trace, entities.service
        cluster_key = key_of("cluster", cluster_id) if cluster_id else None
        # A condition of a host or a dependency (memory, a backlog, a lag) that comes back is
        # the same failure again; a service's error rate firing again may be any new one.
        alert = (
            cluster_key is not None
            and (bool(entities.peers) or service is None)
            and state_of(item) is not None
            and not item.exceptions
        )
        return cls(
            item,
            cluster_id,
            entities,
            kind,
            at,
            key_of("trace", trace) if trace else None,
            cluster_key,
            key_of("service", service) if service else None,
            tuple(key_of("host", peer) for peer in entities.peers),
            # An app's own bug is placed by what it names, not by the minutes: nor are the
            # minutes of a failure held by it.
            None if entities.own_bug else NEAR_KEY,
            tuple(key_of("service", callee) for callee in entities.calls),
            cluster_key if alert else None,
        )

    def places(self) -> bool:
        """Whether the rule places the item: an alert or error; a resolve by its cluster."""
        return self.kind == "signal" or (self.kind == "recovery" and self.cluster_key is not None)


@dataclass(frozen=True, slots=True)
class _Match:
    incident: Incident
    by: LinkedBy
    value: str
    with_item: str


def reopen_keys(batch: Iterable[ItemFacts]) -> tuple[list[str], datetime | None]:
    """The keys by which the alerts of ``batch`` may open a closed incident again, and since
    when such an incident must have been last seen (``REOPEN`` before the oldest of them)."""
    keys: dict[str, None] = {}
    oldest: datetime | None = None
    for facts in batch:
        if facts.reopen_key and facts.item.incident_id is None:
            keys[facts.reopen_key] = None
            oldest = facts.at if oldest is None or facts.at < oldest else oldest
    return list(keys), None if oldest is None else oldest - REOPEN


def lookup_keys(batch: Iterable[ItemFacts]) -> list[str]:
    """The keys the items of ``batch`` may join an incident by (what a store reads of them)."""
    keys: dict[str, None] = {}
    for facts in batch:
        if facts.trace_key:
            keys[facts.trace_key] = None
        if facts.cluster_key and not facts.entities.failed_request:
            keys[facts.cluster_key] = None
        if facts.service_key:
            keys[facts.service_key] = None
        for key in facts.peer_keys:
            keys[key] = None
        for key in facts.call_keys:
            keys[key] = None
        if facts.near_key:
            keys[facts.near_key] = None
    return list(keys)


def correlate(
    found: Mapping[str, Incident] | IncidentState,
    batch: Sequence[ItemFacts],
    *,
    project_id: str,
    window: timedelta = DEFAULT_WINDOW,
) -> IncidentChanges:
    """Place each alert or error of ``batch`` (one project) in an incident, oldest first.

    ``found`` holds the project's open incidents that an item of the batch could join (at
    least): the store's own fresh read or its copy (``incidents.cache``), whose incidents this
    changes in place (a store that calls it again reads them again), with the keys of theirs
    that the batch's items name (``lookup_keys``); or incidents with all their links (kept in
    memory). Items already in an incident are left where they are, so a batch replayed after a
    crash changes nothing.
    """
    state = found if isinstance(found, IncidentState) else IncidentState(found)
    incidents = dict(state.incidents)
    # Incidents read with their links (a record stored before links were kept apart, or kept
    # in memory) are written whole; the others get their new links appended.
    whole = {key for key, i in incidents.items() if i.links}
    linked = set(state.placed)
    if whole:
        linked.update(link.item_id for key in whole for link in incidents[key].links)
    open_ones = {key: i for key, i in incidents.items() if i.status == "open"}
    # Closed incidents read for an alert that may fire again in them (``REOPEN``): by the
    # keys read with them, their clusters.
    closed = {key for key, i in incidents.items() if i.status == "closed" and not i.merged_into}
    index = _Index()
    entries = index.entries
    for (incident_id, key), places in state.keys.items():
        if incident_id in open_ones or incident_id in closed:
            at = entries.get(key)
            if at is None:
                at = entries[key] = {}
            for place, held in places.items():
                at[(incident_id, place)] = held
    for key in whole & open_ones.keys():
        for link in incidents[key].links:
            index.add(key, link, touched=False)
    for key in whole & closed:
        for link in incidents[key].links:
            if link.cluster_id:
                index.put(key, key_of("cluster", link.cluster_id), "", key_link(link))
    index.start_near()
    # When each open incident with nothing firing goes quiet, soonest first (entries of an
    # incident that has moved on since are skipped when they come up).
    quiet = [(i.last_seen + window, i.id) for i in open_ones.values() if not i.firing]
    heapq.heapify(quiet)
    changed: dict[str, Incident] = {}
    changes = IncidentChanges()
    seen: dict[str, dict[str, set[str]]] = {}
    for facts in sorted(batch, key=_at) if len(batch) > 1 else batch:
        item = facts.item
        if item.incident_id is not None or item.id in linked or not facts.places():
            continue
        while quiet and quiet[0][0] < facts.at:
            deadline, incident_id = heapq.heappop(quiet)
            incident = open_ones.get(incident_id)
            if incident is None or incident.firing or incident.last_seen + window != deadline:
                continue
            _close(incident, "quiet", deadline)
            changed[incident.id] = incident
            del open_ones[incident.id]
        match = _best_match(incidents, index, facts, window)
        if match is None and facts.kind == "recovery":
            continue
        if match is None:
            incident = _new_incident(project_id, facts)
            incidents[incident.id] = open_ones[incident.id] = incident
            if facts.cluster_id:
                changes.clusters.append((facts.cluster_id, incident.id))
        else:
            incident = match.incident
            if incident.status != "open" and facts.kind == "signal":  # fires again (REOPEN)
                _reopen(incident, facts)
                open_ones[incident.id] = incident
            link = _link(facts, match.by, match.value, match.with_item)
            new_cluster = add_link(incident, link, facts, seen)
            if new_cluster:
                changes.clusters.append((new_cluster, incident.id))
        link = incident.links[-1]
        index.add_item(incident.id, facts)
        changes.links.append((incident.id, link))
        if not incident.firing:
            heapq.heappush(quiet, (incident.last_seen + window, incident.id))
        changed[incident.id] = incident
        linked.add(item.id)
        changes.items.append((item.id, incident.id))
    changes.incidents = list(changed.values())
    changes.keys = index.changed()
    changes.whole = whole & changed.keys()
    return changes


def _at(facts: ItemFacts) -> datetime:
    return facts.at


def close_recovered(
    found: Mapping[str, Incident],
    recovered: Iterable[str],
    *,
    now: datetime,
    window: timedelta | None = None,
) -> IncidentChanges:
    """Close the open incidents whose every alert has recovered (``recovered``: item ids that
    did); with ``window``, also those quiet for longer than it by ``now``."""
    over = set(recovered)
    changes = IncidentChanges()
    for stored in found.values():
        if stored.status != "open":
            continue
        incident = stored.model_copy(deep=True)
        still = [item_id for item_id in incident.firing if item_id not in over]
        if len(still) != len(incident.firing):
            incident.firing = still
            if not still and incident.had_alerts:
                _close(incident, "recovered", now)
            changes.incidents.append(incident)
        elif window is not None and not still and _quiet_since(incident, window) < now:
            _close(incident, "quiet", _quiet_since(incident, window))
            changes.incidents.append(incident)
    return changes


def add_link(
    incident: Incident,
    link: IncidentLink,
    facts: ItemFacts,
    seen: dict[str, dict[str, set[str]]] | None = None,
) -> str | None:
    """Put one item in ``incident``; returns its cluster if the incident did not have it.
    ``seen``: per incident, sets of the values its lists hold, kept by a caller that adds many
    items (a long incident names hundreds of traces, users, hosts: a set finds one at once)."""
    known = _known(seen, incident) if seen is not None else None
    incident.links.append(link)
    incident.item_count += 1
    if facts.at < incident.first_seen:
        incident.first_seen = facts.at
    if facts.at > incident.last_seen and facts.kind != "recovery":
        # A resolve says the failure is over: the incident takes nothing more for it.
        incident.last_seen = facts.at
    if facts.item.source not in incident.sources:
        incident.sources.append(facts.item.source)
    held, entities = incident.entities, facts.entities
    for kind in ENTITY_KINDS:
        if not (value := getattr(entities, kind)):
            continue
        values = held.get(kind)
        if values is None:
            held[kind] = [value]
            if known is not None:
                known[kind] = {value}
        elif known is None:
            if value not in values:
                values.append(value)
        elif value not in (have := _set_of(known, kind, values)):
            values.append(value)
            have.add(value)
    if entities.peers:
        peers = held.setdefault(PEER_KIND, [])
        if known is None:
            peers.extend(peer for peer in entities.peers if peer not in peers)
        else:
            have = _set_of(known, PEER_KIND, peers)
            for peer in entities.peers:
                if peer not in have:
                    peers.append(peer)
                    have.add(peer)
    state = state_of(facts.item)
    if state is not None:
        incident.had_alerts = True
        if state not in RECOVERED_STATES and facts.item.id not in incident.firing:
            incident.firing.append(facts.item.id)
    cluster_id = facts.cluster_id
    if not cluster_id:
        return None
    if known is None:
        if cluster_id in incident.cluster_ids:
            return None
    elif cluster_id in (have := _set_of(known, "cluster", incident.cluster_ids)):
        return None
    else:
        have.add(cluster_id)
    incident.cluster_ids.append(cluster_id)
    return cluster_id


def _known(seen: dict[str, dict[str, set[str]]], incident: Incident) -> dict[str, set[str]]:
    known = seen.get(incident.id)
    if known is None:
        known = seen[incident.id] = {}
    return known


def _set_of(known: dict[str, set[str]], kind: str, values: list[str]) -> set[str]:
    have = known.get(kind)
    if have is None:
        have = known[kind] = set(values)
    return have


def rebuild(incident: Incident, facts: Mapping[str, ItemFacts]) -> None:
    """Work out again what ``incident`` holds from its links (after a split took some away)."""
    links = [link for link in incident.links if link.item_id in facts]
    ordered = sorted(links, key=lambda link: link.at)
    incident.links, incident.item_count = [], 0
    incident.cluster_ids, incident.sources, incident.firing = [], [], []
    incident.entities = {kind: [] for kind in (*ENTITY_KINDS, PEER_KIND)}
    incident.had_alerts = False
    if ordered:
        incident.first_seen = incident.last_seen = facts[ordered[0].item_id].at
        incident.opened_by = _opened_by(facts[ordered[0].item_id])
    for link in ordered:
        add_link(incident, link, facts[link.item_id])
    incident.entities = {kind: values for kind, values in incident.entities.items() if values}


def link_of(facts: ItemFacts, by: LinkedBy, value: str | None = None) -> IncidentLink:
    return _link(facts, by, value, None)


def _link(facts: ItemFacts, by: LinkedBy, value: str | None, with_item: str | None) -> IncidentLink:
    entities = facts.entities
    # Validated: pydantic checks these few values quicker than ``model_construct`` sets them.
    return IncidentLink(
        item_id=facts.item.id,
        at=facts.at,
        by=by,
        value=value,
        with_item=with_item,
        source=facts.item.source,
        cluster_id=facts.cluster_id,
        service=entities.service,
        environment=entities.environment,
        trace_id=entities.trace,
        peers=list(entities.peers) if entities.peers else None,
        own_bug=True if entities.own_bug else None,
    )


def _new_incident(project_id: str, facts: ItemFacts) -> Incident:
    service = facts.entities.service
    title = facts.item.title
    incident = Incident(
        project_id=project_id,
        title=f"{service}: {title}" if service else title,
        first_seen=facts.at,
        last_seen=facts.at,
    )
    add_link(incident, _link(facts, "opened", None, None), facts)
    incident.opened_by = _opened_by(facts)
    return incident


def _opened_by(facts: ItemFacts) -> OpenedBy | None:
    """``dependency``: an alert that names no service (on a database, a queue, a cache, a
    host)."""
    if facts.entities.service is None and state_of(facts.item) is not None:
        return "dependency"
    return None


def _quiet_since(incident: Incident, window: timedelta) -> datetime:
    """When the incident stops taking items, unless an alert in it is still firing."""
    if incident.firing:
        return datetime.max.replace(tzinfo=incident.last_seen.tzinfo)
    return incident.last_seen + window


def _reopen(incident: Incident, facts: ItemFacts) -> None:
    incident.status = "open"
    incident.closed_by = incident.closed_at = None
    detail = {"item_id": facts.item.id, "cluster_id": facts.cluster_id or ""}
    incident.history.append(IncidentEvent(at=facts.at, action="reopened", detail=detail))


def _close(incident: Incident, by: ClosedBy, at: datetime) -> None:
    incident.status = "closed"
    incident.closed_by = by
    incident.closed_at = at


class _Index:
    """Where each trace, cluster and service of the open incidents was last seen: so that an
    item finds its incident by lookups, not by reading every link of every open incident."""

    def __init__(self) -> None:
        #: key -> (incident id, place) -> the first link that held it (``keys.py``).
        self.entries: dict[str, dict[tuple[str, str], KeyLink]] = {}
        #: The keys this batch changed, whose new values are written.
        self.touched: dict[KeyId, None] = {}
        #: The places of the project's minutes (``NEAR_KEY``) whose incidents may still be in
        #: an item's minutes: the batch goes oldest first, so an incident whose last item is
        #: more than ``NEAR`` behind it is left out of later lookups (it holds every incident
        #: of the window), until an item joins it again.
        self.near: dict[tuple[str, str], KeyLink] = {}
        self.left_out: set[str] = set()

    def start_near(self) -> None:
        self.near = dict(self.entries.get(NEAR_KEY, {}))

    def put(self, incident_id: str, key: str, place: str, link: KeyLink) -> None:
        self.entries.setdefault(key, {})[(incident_id, place)] = link

    def add_item(self, incident_id: str, facts: ItemFacts) -> None:
        """``add`` of the link that puts ``facts``' item in the incident (its values are the
        item's: ``rule._link``). A value the incident holds there already keeps the item that
        first held it (what the rule reads of it is where it happened, which that item says as
        well): its key is not written again, item after item of a long incident."""
        entities = facts.entities
        held = KeyLink(facts.item.id, entities.service, entities.environment)
        entries, touched = self.entries, self.touched
        for key, place in (
            (facts.trace_key, ""),
            (facts.cluster_key, ""),
            (facts.service_key, entities.environment or ""),
            (facts.near_key, entities.environment or ""),
        ):
            if key:
                at = entries.get(key)
                if at is None:
                    at = entries[key] = {}
                if (incident_id, place) not in at:
                    at[(incident_id, place)] = held
                    touched[(incident_id, key)] = None
        if facts.near_key:
            if incident_id in self.left_out:  # back in the minutes: all its places
                self.left_out.discard(incident_id)
                for (held_by, place), link in entries[facts.near_key].items():
                    if held_by == incident_id:
                        self.near[(held_by, place)] = link
            self.near[(incident_id, entities.environment or "")] = held
        for key in facts.peer_keys:
            at = entries.get(key)
            if at is None:
                at = entries[key] = {}
            if (incident_id, "") not in at:
                at[(incident_id, "")] = held
                touched[(incident_id, key)] = None

    def add(self, incident_id: str, link: IncidentLink, *, touched: bool = True) -> None:
        held = key_link(link)
        for key, place in link_keys(link):
            if (incident_id, place) in self.entries.get(key, {}):
                continue  # the first link that held it stays
            self.put(incident_id, key, place, held)
            if touched:
                self.touched[(incident_id, key)] = None

    def changed(self) -> dict[KeyId, KeyLinks]:
        return {
            (incident_id, key): {
                place: link for (at, place), link in self.entries[key].items() if at == incident_id
            }
            for incident_id, key in self.touched
        }

    def shared(self, facts: ItemFacts, incidents: Mapping[str, Incident]) -> dict[str, _Shared]:
        """Per incident, the strongest entity ``facts`` shares with one of its items."""
        entities = facts.entities
        service, environment = entities.service, entities.environment
        found: dict[str, _Shared] = {}
        entries = self.entries
        here = environment or PRODUCTION
        if facts.near_key and self.near:
            behind = facts.at - NEAR
            gone: list[tuple[str, str]] = []
            for (incident_id, place), link in self.near.items():
                incident = incidents.get(incident_id)
                if incident is None or incident.status != "open" or incident.last_seen < behind:
                    gone.append((incident_id, place))
                # ``place``: the environment it was named in ("" for none). The same one; what
                # names none (a front end's error, a VM's log row) is taken as production's,
                # as the tools' defaults have it (staging is what a team names): whether in the
                # same minutes, ``_best_match`` decides.
                elif (place or PRODUCTION) == here:
                    found[incident_id] = ("near", here, link.item_id)
            for gone_place in gone:
                del self.near[gone_place]
                self.left_out.add(gone_place[0])
        if facts.service_key and (held := entries.get(facts.service_key)):
            assert service is not None
            for (incident_id, place), link in held.items():
                # ``place``: the environment it was named in ("" for none).
                if not place or environment is None or place == environment:
                    value = f"{service}/{place}" if place and environment else service
                    found[incident_id] = ("service", value, link.item_id)
        for key in facts.call_keys:
            if held := entries.get(key):
                callee = key.split("\x1f", 1)[1]
                for (incident_id, place), link in held.items():
                    # The service whose failed answer it reports, failing in its environment.
                    if place and environment is not None and place != environment:
                        continue
                    if found.get(incident_id, ("near",))[0] in ("service", "near"):
                        found[incident_id] = ("calls", callee, link.item_id)
        for key in facts.peer_keys:
            if held := entries.get(key):
                peer = key.split("\x1f", 1)[1]
                for (incident_id, _), link in held.items():
                    # A host it is on or depends on, that an item of the incident named too.
                    if found.get(incident_id, ("near",))[0] in ("service", "near"):
                        found[incident_id] = ("host", peer, link.item_id)
        if (
            facts.cluster_key
            and not entities.failed_request
            and (held := entries.get(facts.cluster_key))
        ):
            assert facts.cluster_id is not None
            for (incident_id, _), link in held.items():
                # The same bug in another service or environment is that one's incident.
                if _same_place(link.service, service) and _same_place(
                    link.environment, environment
                ):
                    found[incident_id] = ("cluster", facts.cluster_id, link.item_id)
        if facts.trace_key and (held := entries.get(facts.trace_key)):
            assert entities.trace is not None
            for (incident_id, _), link in held.items():
                found[incident_id] = ("trace", entities.trace, link.item_id)
        return found


#: ``(by, value, with_item)``: what an item shares with an incident.
_Shared = tuple[LinkedBy, str, str]


def _best_match(
    incidents: Mapping[str, Incident], index: _Index, facts: ItemFacts, window: timedelta
) -> _Match | None:
    shared = index.shared(facts, incidents)
    if not shared:
        return None
    at = facts.at
    candidates = {
        incident_id: found
        for incident_id, found in shared.items()
        if _may_take(incidents[incident_id], found[0], facts, window)
    }
    # A service that went quiet for ``LULL`` (nothing in, no alert of it still firing) and
    # fails again fails anew, for another reason (the same bug again shares the cluster). The
    # alert of a dependency's incident still firing is the dependency's, not the service's.
    candidates = {
        key: shared
        for key, shared in candidates.items()
        if shared[0] != "service"
        or at <= (incident := incidents[key]).last_seen + LULL
        or (incident.firing and incident.opened_by != "dependency")
    }
    environment = facts.entities.environment
    if environment is not None:
        # An item of one environment does not join by service an incident of others only
        # (linked through an item that named no environment): staging is not production.
        candidates = {
            key: shared
            for key, shared in candidates.items()
            if shared[0] == "cluster"
            or shared[0] == "trace"
            or not (places := incidents[key].entities.get("environment"))
            or environment in places
        }
    elif _ambiguous(incidents, candidates):
        # A service failing in two environments at once, and an item that names neither: it
        # is production's, as for the minutes (staging is what a team names), so the service
        # links it to production's failure only (a trace still decides).
        candidates = {
            key: shared
            for key, shared in candidates.items()
            if shared[0] != "service"
            or PRODUCTION in incidents[key].entities.get("environment", (PRODUCTION,))
        }
    if any(found[0] == "near" for found in candidates.values()):
        candidates = _near(incidents, candidates, facts)
    # A dependency's incident that takes the item in its minutes (``_near``).
    alerting = any(
        found[0] == "near" and incidents[key].opened_by == "dependency"
        for key, found in candidates.items()
    )
    best: tuple[str, _Shared] | None = None
    best_key: tuple[int, datetime] | None = None
    for incident_id, found in candidates.items():
        incident = incidents[incident_id]
        strength = _STRENGTH[found[0]]
        if found[0] == "service" and (
            at > incident.last_seen + LULL or (alerting and at > incident.last_seen + NEAR)
        ):
            # Held only by its alert still firing, or by a service quiet for minutes while a
            # dependency alerts in the item's: that failure (the queue its mails wait in)
            # is likelier.
            strength = -1
        key = (strength, incident.last_seen)
        if best_key is None or key > best_key:
            best, best_key = (incident_id, found), key
    if best is None:
        return None
    incident_id, (by, value, with_item) = best
    return _Match(incidents[incident_id], by, value, with_item)


def _may_take(incident: Incident, by: LinkedBy, facts: ItemFacts, window: timedelta) -> bool:
    """Whether ``incident`` may take ``facts``' item: open, within the window of its items; or
    closed, for its alert firing again (``REOPEN``) in its cluster, or a resolve of its
    cluster within the window."""
    at = facts.at
    if incident.status == "open":
        return incident.first_seen - window <= at <= incident.last_seen + window
    if facts.kind == "recovery":  # a resolve of what it held, closed as it may be
        return (
            incident.merged_into is None
            and incident.first_seen - window <= at <= incident.last_seen + window
        )
    return (
        by == "cluster"
        and facts.reopen_key is not None
        and incident.merged_into is None
        and incident.last_seen <= at <= incident.last_seen + REOPEN
    )


def _near(
    incidents: Mapping[str, Incident], candidates: Mapping[str, _Shared], facts: ItemFacts
) -> dict[str, _Shared]:
    """``candidates`` with those it shares only its environment with kept when the minutes
    decide: the incident took an item within ``NEAR`` of it, the item or the incident names
    neither a service nor a host (two services or two hosts failing at once are two incidents
    unless something else links them), and no other incident of the environment took one in
    those minutes (a front end's error while two backends fail could be either's)."""
    at, entities = facts.at, facts.entities
    # What places the item: its service, else the hosts it is on or depends on; not the host
    # a client's failed request went to (its API's, every backend's behind it).
    kind = (
        "service"
        if entities.service is not None
        else PEER_KIND
        if entities.peers and not entities.failed_request
        else None
    )
    near = [
        incident_id
        for incident_id, (by, _, _) in candidates.items()
        if by == "near"
        and (incident := incidents[incident_id]).last_seen - NEAR <= at
        and at <= incident.last_seen + NEAR
    ]
    kept = {key: found for key, found in candidates.items() if found[0] != "near"}
    if len(near) == 1:
        incident_id = near[0]
        incident = incidents[incident_id]
        held = incident.entities
        if (
            kind is None
            or not held.get(kind)
            # A dependency's failure (a database, a queue) fails every service calling it,
            # and shows in the logs of the hosts around it (another host's alert is another
            # failure: two monitors of the same minutes, a database's and a cache's).
            or (
                incident.opened_by == "dependency"
                and (kind == "service" or state_of(facts.item) is None)
            )
        ):
            kept[incident_id] = candidates[incident_id]
    return kept


def _ambiguous(incidents: Mapping[str, Incident], candidates: Mapping[str, _Shared]) -> bool:
    """Whether the incidents an item shares only a service with are in different environments."""
    places = {
        tuple(incidents[incident_id].entities.get("environment", ()))
        for incident_id, (by, _, _) in candidates.items()
        if by == "service"
    }
    return len(places) > 1


def _same_place(one: str | None, other: str | None) -> bool:
    return one is None or other is None or one == other
