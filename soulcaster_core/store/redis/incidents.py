"""Incidents: a hash of records; the open ones and all of them, each by last seen; each
incident's links and each key's incidents apart (``incident_keys.py``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from redis import exceptions as redis_errors

from ...incidents.cache import CachedIncidents, IncidentCache
from ...incidents.keys import held_keys
from ...incidents.model import (
    Incident,
    IncidentChanges,
    IncidentLink,
    IncidentState,
    IncidentUpdate,
    IncidentWork,
    KeyId,
)
from ..port import ClusterGrowth, ItemClusterRow, VectorRow
from . import incident_keys
from .clusters import ClustersMixin
from .connection import _guarded


class IncidentsMixin(ClustersMixin):
    #: What this process's incident steps read and wrote, per project, as of a version of
    #: the project's incidents (``incidents.cache``).
    _incident_cache: IncidentCache
    #: Each project's incident key names (``_incident_keys``).
    _incident_names: dict[str, incident_keys.IncidentKeys]

    @_guarded
    async def add_to_clusters(
        self,
        project_id: str,
        growths: Sequence[ClusterGrowth],
        rows: Sequence[ItemClusterRow] = (),
        vectors: Sequence[VectorRow] = (),
        incidents: IncidentWork | None = None,
    ) -> None:
        if incidents is None:
            await super().add_to_clusters(project_id, growths, rows, vectors)
            return
        # The incident step in the clusters' MULTI, under its WATCH (run again, the cluster
        # writes with it, when another writer came first: they count nothing twice).
        queue = self._cluster_writes(project_id, growths, rows, vectors)
        await self._incident_step(project_id, (), incidents, queue)

    def _incident_keys(self, project_id: str) -> incident_keys.IncidentKeys:
        # Made once per project: every step names them (``_k``'s names, by their prefixes).
        names = self._incident_names.get(project_id)
        if names is None:
            names = self._incident_names[project_id] = incident_keys.IncidentKeys(
                records=self._k("incidents", project_id),
                open=self._k("incidents", project_id, "open"),
                recent=self._k("incidents", project_id, "recent"),
                version=self._k("incidents", project_id, "version"),
                links=self._k("incidents", project_id, "links", "").__add__,
                key=self._k("incidents", project_id, "key", "").__add__,
                item=self._k("item", project_id, "").__add__,
                cluster=self._k("cluster", project_id, "").__add__,
            )
        return names

    @_guarded
    async def update_incidents(
        self,
        project_id: str,
        incident_ids: Sequence[str],
        update: IncidentUpdate,
        *,
        open_since: datetime | None = None,
        keys: Sequence[str] | None = None,
        items: Sequence[str] = (),
        reopen: Sequence[str] = (),
        reopen_since: datetime | None = None,
    ) -> IncidentChanges:
        work = IncidentWork(update, open_since, keys, items, reopen, reopen_since)
        return await self._incident_step(project_id, incident_ids, work)

    async def _incident_step(
        self,
        project_id: str,
        incident_ids: Sequence[str],
        work: IncidentWork,
        before: Callable[[Any], None] | None = None,
    ) -> IncidentChanges:
        """``update_incidents``; ``before`` queues other writes first in its MULTI (then the
        changes go nowhere else: the store's copy keeps its records, not copies)."""
        names = self._incident_keys(project_id)
        item_keys = [(i, names.item(i)) for i in work.items]
        if work.keys is not None and not incident_ids:
            return await self._batch_step(project_id, names, work, item_keys, before)
        since = "-inf" if work.open_since is None else work.open_since.timestamp() * 1000
        # Taken out while this step awaits (``IncidentCache.take``); given back if it follows.
        cached = self._incident_cache.take(project_id)
        async with self.redis.pipeline(transaction=True) as pipe:
            while True:
                # Read under WATCH, write in MULTI, again if another writer changed the
                # project's incidents in between. The sorted sets, the links, the keys and the
                # items' incident ids change only with the records, so watching the records
                # covers them; a cluster's incident is set in its record by a script, whatever
                # else changed the record.
                try:
                    await pipe.watch(names.records)
                    version = int(await pipe.get(names.version) or 0)
                    state, stale = await incident_keys.read_state(
                        pipe,
                        lambda: self.redis.pipeline(transaction=False),
                        names,
                        incident_ids,
                        since,
                        work.keys,
                        item_keys,
                    )
                    held = held_keys(state.incidents.values())
                    changes = work.update(state)
                    pipe.multi()
                    if before is not None:
                        before(pipe)
                    # EVAL inside MULTI, as add_to_clusters does: a node without the script
                    # would fail EXEC after the other writes were made.
                    checked = incident_keys.queue_writes(pipe, names, changes, stale, held)
                    replies = await pipe.execute()
                except redis_errors.WatchError:
                    continue
                if cached is not None and cached.stamp == version:
                    self._follow(project_id, cached, changes, stale, replies, checked, True)
                return changes

    async def _batch_step(
        self,
        project_id: str,
        names: incident_keys.IncidentKeys,
        work: IncidentWork,
        item_keys: Sequence[tuple[str, str]],
        before: Callable[[Any], None] | None,
    ) -> IncidentChanges:
        """A batch's own step (the worker's): it reads in one script, or not at all when the
        store's copy of the project's incidents holds what it needs; and what it writes is
        written only over the version of the incidents it read (not under WATCH: a round trip
        less), that of the copy, if none of its items is placed meanwhile. When another writer
        came in between, the MULTI's other writes (the clusters', which count nothing twice)
        are in and the step reads and runs again on its own."""
        keys = work.keys or ()
        while True:
            # Taken out while this step awaits (``IncidentCache.take``); given back if it
            # follows what was written.
            cached = self._incident_cache.take(project_id)
            found = (
                None
                if cached is None
                else incident_keys.cached_state(cached, work.open_since, keys, bool(work.reopen))
            )
            if found is not None and cached is not None:
                state, stale = found
            else:
                state, stale, cached = await incident_keys.read_batch(
                    self.redis, names, cached, work.open_since, keys, item_keys, work
                )
            held = held_keys(state.incidents.values())
            changes = work.update(state)
            async with self.redis.pipeline(transaction=True) as pipe:
                if before is not None:
                    before(pipe)
                checked = incident_keys.queue_writes(
                    pipe, names, changes, stale, held, version=cached.stamp
                )
                replies = await pipe.execute() if checked or before is not None else []
            if not checked or replies[-1]:
                keep = before is None  # ``update_incidents`` returns the changes
                self._follow(project_id, cached, changes, stale, replies, checked, keep)
                return changes
            before = None

    def _follow(
        self,
        project_id: str,
        cached: CachedIncidents,
        changes: IncidentChanges,
        dropped: Sequence[KeyId],
        replies: Sequence[Any],
        written: bool,
        copy: bool,
    ) -> None:
        """Apply a step's writes to the copy it read (as of the version before them) and give
        it back, as of the version they made (``write_incidents.lua``'s answer)."""
        if written:
            cached.stamp = int(replies[-1])
        if cached.apply(changes, dropped, copy=copy):
            self._incident_cache.put(project_id, cached)

    async def _move_incident_links_out(self, project_id: str) -> None:
        """Open incidents stored before their links were kept apart get them and their keys
        put apart, so that a batch finds them by key (closed ones read as they are)."""
        names = self._incident_keys(project_id)
        opened = await self.redis.zrange(names.open, 0, -1)
        raw = await self.redis.hmget(names.records, opened) if opened else []
        legacy = [i.id for i in (Incident.model_validate_json(r) for r in raw if r) if i.links]
        if legacy:

            def whole(state: IncidentState) -> IncidentChanges:
                ids = [i for i in legacy if i in state.incidents]
                return IncidentChanges(incidents=[state.incidents[i] for i in ids], whole=set(ids))

            await self.update_incidents(project_id, legacy, whole)

    @_guarded
    async def get_incidents(self, project_id: str, incident_ids: Sequence[str]) -> list[Incident]:
        if not incident_ids:
            return []
        names = self._incident_keys(project_id)
        raw = await self.redis.hmget(names.records, list(incident_ids))
        found = [Incident.model_validate_json(r) for r in raw if r]
        async with self.redis.pipeline(transaction=False) as pipe:
            for incident in found:
                pipe.lrange(names.links(incident.id), 0, -1)
            replies = await pipe.execute() if found else []
        for incident, links in zip(found, replies, strict=True):
            incident.links += [IncidentLink.model_validate_json(r) for r in links]
        return found

    @_guarded
    async def list_incidents(
        self, project_id: str, *, limit: int = 50, open_only: bool = False
    ) -> list[Incident]:
        names = self._incident_keys(project_id)
        ids = await self.redis.zrevrange(names.open if open_only else names.recent, 0, limit - 1)
        raw = await self.redis.hmget(names.records, ids) if ids else []
        found = [Incident.model_validate_json(r) for r in raw if r]
        found.sort(key=lambda i: i.last_seen, reverse=True)
        return found[:limit]
