"""Merging and splitting incidents by hand. Each is one ``Store.update_incidents`` and is
recorded in the history of every incident it touched; items and clusters follow."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..errors import BadRequest, NotFound
from ..models import utcnow
from ..store.port import Store
from .model import Incident, IncidentChanges, IncidentEvent
from .rule import ItemFacts, link_of, rebuild


async def merge(store: Store, project_id: str, incident_id: str, into: str) -> Incident:
    """Move every item of ``incident_id`` into ``into``; the first is closed as merged."""
    if incident_id == into:
        raise BadRequest("into: an incident cannot be merged into itself")
    now = utcnow()

    def update(found: Mapping[str, Incident]) -> IncidentChanges:
        source, target = _existing(found, incident_id), _existing(found, into)
        if source.merged_into or target.merged_into:
            raise BadRequest("an incident merged into another takes no part in a merge")
        source, target = source.model_copy(deep=True), target.model_copy(deep=True)
        moved = source.item_ids
        target.links = sorted([*target.links, *source.links], key=lambda link: link.at)
        target.first_seen = min(target.first_seen, source.first_seen)
        target.last_seen = max(target.last_seen, source.last_seen)
        target.cluster_ids = _union(target.cluster_ids, source.cluster_ids)
        target.sources = _union(target.sources, source.sources)
        target.firing = _union(target.firing, source.firing)
        target.had_alerts = target.had_alerts or source.had_alerts
        for kind, values in source.entities.items():
            target.entities[kind] = _union(target.entities.get(kind, []), values)
        if source.status == "open" and target.status == "closed" and source.firing:
            target.status, target.closed_by, target.closed_at = "open", None, None
        target.history.append(
            IncidentEvent(at=now, action="merged", detail={"from": source.id, "items": moved})
        )
        source.history.append(
            IncidentEvent(at=now, action="merged_into", detail={"into": target.id, "items": moved})
        )
        source.links, source.firing, source.merged_into = [], [], target.id
        source.status, source.closed_by, source.closed_at = "closed", "merged", now
        return IncidentChanges(
            incidents=[source, target],
            items=[(item_id, target.id) for item_id in moved],
            clusters=[(cluster_id, target.id) for cluster_id in source.cluster_ids],
        )

    await store.update_incidents(project_id, [incident_id, into], update)
    merged = await store.get_incident(project_id, into)
    assert merged is not None  # just written
    return merged


async def split(
    store: Store, project_id: str, incident_id: str, item_ids: Sequence[str]
) -> Incident:
    """Take ``item_ids`` out of the incident into a new one of their own; returns the new one."""
    wanted = list(dict.fromkeys(item_ids))
    if not wanted:
        raise BadRequest("item_ids: name at least one item of the incident to split off")
    current = await store.get_incident(project_id, incident_id)
    if current is None:
        raise NotFound("no such incident in this project")
    items = await store.get_items(project_id, current.item_ids)
    facts = {item.id: ItemFacts.of(item) for item in items}
    now = utcnow()
    made: list[Incident] = []

    def update(found: Mapping[str, Incident]) -> IncidentChanges:
        source = _existing(found, incident_id).model_copy(deep=True)
        if source.merged_into:
            raise BadRequest("this incident was merged into another: split that one")
        members = set(source.item_ids)
        if unknown := [i for i in wanted if i not in members]:
            raise BadRequest(f"item_ids: not items of this incident: {', '.join(unknown[:5])}")
        if len(wanted) == len(members):
            raise BadRequest("item_ids: a split must leave at least one item in the incident")
        moving = [i for i in wanted if i in facts]
        if not moving:
            raise BadRequest("item_ids: those items are no longer stored")
        first = facts[moving[0]]
        new = Incident(
            project_id=project_id,
            title=source.title,
            first_seen=first.at,
            last_seen=first.at,
            links=[link_of(facts[i], "manual", source.id) for i in moving],
        )
        rebuild(new, facts)
        source.links = [link for link in source.links if link.item_id not in set(moving)]
        rebuild(source, facts)
        if source.status == "closed":  # the part split off ended when the whole did
            new.status, new.closed_by, new.closed_at = "closed", source.closed_by, source.closed_at
        for incident in (new, source):
            if incident.status == "open" and incident.had_alerts and not incident.firing:
                incident.status, incident.closed_by, incident.closed_at = "closed", "recovered", now
        detail: dict[str, str | list[str]] = {"items": moving}
        source.history.append(
            IncidentEvent(at=now, action="split", detail={**detail, "to": new.id})
        )
        new.history.append(
            IncidentEvent(at=now, action="split", detail={**detail, "from": source.id})
        )
        made[:] = [new]
        return IncidentChanges(
            incidents=[source, new],
            items=[(item_id, new.id) for item_id in moving],
            clusters=[(cluster_id, new.id) for cluster_id in new.cluster_ids],
        )

    await store.update_incidents(project_id, [incident_id], update)
    return made[0]


def _existing(found: Mapping[str, Incident], incident_id: str) -> Incident:
    incident = found.get(incident_id)
    if incident is None:
        raise NotFound(f"no incident {incident_id} in this project")
    return incident


def _union(first: Sequence[str], second: Sequence[str]) -> list[str]:
    return list(dict.fromkeys([*first, *second]))
