"""The incident step the clustering worker runs after each batch, and its periodic sweep.

A batch's items are placed by ``rule.correlate`` inside one ``Store.update_incidents`` (one
SQLite transaction; one Redis WATCH/MULTI on the project's keys), so two workers never put
one item in two incidents, and a batch replayed after a crash finds its items placed already.
Recoveries do not come through the queue (a recovery updates the alert's item, it makes no new
one): the step, and every ``incident_sweep_seconds`` the sweep, read the firing alerts of the
open incidents and close those whose every alert has recovered.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta

from ..models import FeedbackItem, utcnow
from ..store.port import Store
from .model import Incident, IncidentChanges
from .rule import ItemFacts, close_recovered, correlate
from .signals import is_recovered


class IncidentStep:
    def __init__(self, store: Store, window: timedelta) -> None:
        self.store = store
        self.window = window

    async def place(
        self,
        project_id: str,
        items: Sequence[FeedbackItem],
        clusters: Mapping[str, str] | None = None,
    ) -> IncidentChanges:
        """Put the alerts and errors of ``items`` in incidents; ``clusters``: item id to the
        cluster the batch just gave it (the items were read before they had one)."""
        clusters = clusters or {}
        batch = [ItemFacts.of(item, clusters.get(item.id)) for item in items]
        if not any(f.kind == "signal" and f.item.incident_id is None for f in batch):
            return IncidentChanges()
        window = self.window
        # Only an incident seen within the window of the batch's oldest item can take one.
        since = min(f.at for f in batch) - window
        return await self.store.update_incidents(
            project_id,
            (),
            lambda found: correlate(found, batch, project_id=project_id, window=window),
            open_since=since,
        )

    async def sweep(self, project_id: str, now: datetime | None = None) -> IncidentChanges:
        """Close the open incidents whose alerts have all recovered; with ``now``, also those
        with nothing firing and no item for the window (the worker's periodic sweep)."""
        open_ones = await self.store.list_incidents(project_id, limit=1_000, open_only=True)
        firing = list(dict.fromkeys(i for incident in open_ones for i in incident.firing))
        recovered = {
            item.id for item in await self.store.get_items(project_id, firing) if is_recovered(item)
        }
        if not recovered and not _quiet(open_ones, now, self.window):
            return IncidentChanges()
        at = now or utcnow()
        window = self.window if now is not None else None
        return await self.store.update_incidents(
            project_id,
            (),
            lambda found: close_recovered(found, recovered, now=at, window=window),
        )


def _quiet(incidents: Sequence[Incident], now: datetime | None, window: timedelta) -> bool:
    return now is not None and any(not i.firing and i.last_seen + window < now for i in incidents)
