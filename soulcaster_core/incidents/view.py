"""An incident as the API and its page show it: its record, its timeline of items from every
source (with what linked each), its clusters."""

from __future__ import annotations

from typing import Any

from ..store.port import Store
from .model import Incident
from .signals import state_of

#: Items a timeline shows at most (each is one read of the store).
TIMELINE_LIMIT = 500


def incident_summary(incident: Incident) -> dict[str, Any]:
    """The record without its links (an incident may hold thousands of items)."""
    data: dict[str, Any] = incident.model_dump(mode="json", exclude={"links", "history"})
    data["item_count"] = len(incident.links)
    return data


async def incident_detail(
    store: Store, project_id: str, incident: Incident, limit: int = TIMELINE_LIMIT
) -> dict[str, Any]:
    links = sorted(incident.links, key=lambda link: link.at)[:limit]
    items = {i.id: i for i in await store.get_items(project_id, [link.item_id for link in links])}
    timeline = []
    for link in links:
        item = items.get(link.item_id)
        entry: dict[str, Any] = link.model_dump(mode="json")
        if item is not None:
            entry.update(
                title=item.title,
                level=item.level,
                state=state_of(item),
                occurrences=item.occurrences,
                cluster_id=item.cluster_id or link.cluster_id,
            )
        else:
            entry.update(title=None, level=None, state=None, occurrences=None)
        timeline.append(entry)
    clusters = await store.get_clusters(project_id, incident.cluster_ids)
    return {
        **incident_summary(incident),
        "history": [event.model_dump(mode="json") for event in incident.history],
        "timeline": timeline,
        "clusters": [
            {"id": c.id, "title": c.title, "item_count": c.item_count, "sources": c.sources}
            for c in clusters
        ],
    }
