"""Incidents: a hash of records; the open ones and all of them, each by last seen."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from redis import exceptions as redis_errors

from ...incidents.model import Incident, IncidentChanges, IncidentUpdate
from .clusters import ClustersMixin
from .connection import _guarded, lua

_SET_INCIDENT_LUA = lua("set_incident")
SET_CLUSTER_INCIDENT_LUA = lua("set_cluster_incident")


class IncidentsMixin(ClustersMixin):
    @_guarded
    async def update_incidents(
        self,
        project_id: str,
        incident_ids: Sequence[str],
        update: IncidentUpdate,
        *,
        open_since: datetime | None = None,
    ) -> IncidentChanges:
        key = self._k("incidents", project_id)
        open_key = self._k("incidents", project_id, "open")
        recent_key = self._k("incidents", project_id, "recent")
        async with self.redis.pipeline(transaction=True) as pipe:
            while True:
                # Read under WATCH, write in MULTI, again if another writer changed the
                # project's incidents in between. The sorted sets change only with the
                # records, so watching the records covers them; a cluster's incident is set
                # in its record by a script, whatever else changed the record.
                try:
                    await pipe.watch(key)
                    since = "-inf" if open_since is None else open_since.timestamp() * 1000
                    opened = await pipe.zrangebyscore(open_key, since, "+inf")
                    ids = list(dict.fromkeys([*opened, *incident_ids]))
                    raw = await pipe.hmget(key, ids) if ids else []
                    found = {i.id: i for i in (Incident.model_validate_json(r) for r in raw if r)}
                    changes = update(found)
                    pipe.multi()
                    if changes.incidents:
                        pipe.hset(key, mapping={i.id: i.stored_json() for i in changes.incidents})
                        seen = {i.id: i.last_seen.timestamp() * 1000 for i in changes.incidents}
                        pipe.zadd(recent_key, seen)
                        if still := {
                            i.id: seen[i.id] for i in changes.incidents if i.status == "open"
                        }:
                            pipe.zadd(open_key, still)
                        if closed := [i.id for i in changes.incidents if i.status != "open"]:
                            pipe.zrem(open_key, *closed)
                    if changes.items:
                        # EVAL inside MULTI, as add_to_clusters does: a node without the
                        # script would fail EXEC after the other writes were made.
                        keys = [self._k("item", project_id, i) for i, _ in changes.items]
                        args = [incident or "" for _, incident in changes.items]
                        pipe.eval(_SET_INCIDENT_LUA, len(keys), *keys, *args)
                    for cluster_id, incident in changes.clusters:
                        record = self._cluster_keys(project_id, cluster_id)[0]
                        pipe.eval(SET_CLUSTER_INCIDENT_LUA, 1, record, incident or "")
                    await pipe.execute()
                    return changes
                except redis_errors.WatchError:
                    continue

    @_guarded
    async def get_incidents(self, project_id: str, incident_ids: Sequence[str]) -> list[Incident]:
        if not incident_ids:
            return []
        raw = await self.redis.hmget(self._k("incidents", project_id), list(incident_ids))
        return [Incident.model_validate_json(r) for r in raw if r]

    @_guarded
    async def list_incidents(
        self, project_id: str, *, limit: int = 50, open_only: bool = False
    ) -> list[Incident]:
        if open_only:
            ids = await self.redis.zrevrange(self._k("incidents", project_id, "open"), 0, limit - 1)
        else:
            ids = await self.redis.zrevrange(
                self._k("incidents", project_id, "recent"), 0, limit - 1
            )
        found = await self.get_incidents(project_id, ids)
        found.sort(key=lambda i: i.last_seen, reverse=True)
        return found[:limit]
