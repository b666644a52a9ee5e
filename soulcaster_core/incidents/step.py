"""The incident step the clustering worker runs with each batch, and its periodic sweep.

A batch's items are placed by ``rule.correlate`` inside the atomic step that stores the batch's
clusters (``Store.add_to_clusters`` with an ``IncidentWork``: one SQLite transaction; one Redis
WATCH/MULTI on the project's keys), or in one ``Store.update_incidents`` of its own, so two
workers never put one item in two incidents, and a batch replayed after a crash finds its items
placed already. It reads the open incidents of the batch's window that hold a value its items
name (a trace, a cluster, a service) and those keys of theirs: not their links nor the other
open incidents, so it costs the same however many and however big they grow.
Recoveries do not come through the queue (a recovery updates the alert's item, it makes no new
one): the step, and every ``incident_sweep_seconds`` the sweep, read the firing alerts of the
open incidents and close those whose every alert has recovered.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta

from ..models import FeedbackItem, utcnow
from ..store.port import Store
from .model import Incident, IncidentChanges, IncidentState, IncidentWork
from .rule import ItemFacts, close_recovered, correlate, lookup_keys, reopen_keys
from .signals import is_recovered

log = logging.getLogger(__name__)


class IncidentStep:
    def __init__(self, store: Store, window: timedelta) -> None:
        self.store = store
        self.window = window

    def work(
        self,
        project_id: str,
        items: Sequence[FeedbackItem],
        clusters: Mapping[str, str] | None = None,
        *,
        guarded: bool = False,
    ) -> IncidentWork | None:
        """What placing ``items`` reads and does, for a store to run (``None``: nothing to
        place); ``clusters``: item id to the cluster the batch just gave it (the items were
        read before they had one). ``guarded``: a bug in the rule is logged and places nothing,
        for a step run inside clustering's, which it must not hold back."""
        clusters = clusters or {}
        batch = [ItemFacts.of(item, clusters.get(item.id)) for item in items]
        todo = [f.item.id for f in batch if f.places() and f.item.incident_id is None]
        if not todo:
            return None
        window = self.window
        # Only an incident seen within the window of the batch's oldest item can take one.
        since = min(f.at for f in batch) - window if len(batch) > 1 else batch[0].at - window

        def update(state: IncidentState) -> IncidentChanges:
            if not guarded:
                return correlate(state, batch, project_id=project_id, window=window)
            try:
                return correlate(state, batch, project_id=project_id, window=window)
            except Exception:  # a bug in incidents must not hold clustering back
                log.exception("placing items of %s in incidents failed", project_id)
                return IncidentChanges(spoiled=True)

        reopen, reopen_since = reopen_keys(batch)
        return IncidentWork(
            update,
            open_since=since,
            keys=lookup_keys(batch),
            items=todo,
            reopen=reopen,
            reopen_since=reopen_since,
        )

    async def place(
        self,
        project_id: str,
        items: Sequence[FeedbackItem],
        clusters: Mapping[str, str] | None = None,
    ) -> IncidentChanges:
        """Put the alerts and errors of ``items`` in incidents, as a step of its own (the
        worker runs it inside clustering's store step: ``work``)."""
        work = self.work(project_id, items, clusters)
        if work is None:
            return IncidentChanges()
        return await self.store.update_incidents(
            project_id,
            (),
            work.update,
            open_since=work.open_since,
            keys=work.keys,
            items=work.items,
            reopen=work.reopen,
            reopen_since=work.reopen_since,
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
            lambda state: close_recovered(state.incidents, recovered, now=at, window=window),
        )


def _quiet(incidents: Sequence[Incident], now: datetime | None, window: timedelta) -> bool:
    return now is not None and any(not i.firing and i.last_seen + window < now for i in incidents)
