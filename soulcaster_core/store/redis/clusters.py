"""Clusters in Redis: a record and its members apart (``store/cluster_records.py`` says the layout).

Per project (all under its hash tag, so each script runs on one shard):
``cluster:{p}:<id>`` a hash, the record: ``doc`` (JSON), ``items``, ``occurrences``,
``first_seen``, ``last_seen``, ``last_ms``, ``seq`` (members so far, for their order),
``src:<source>`` (items per source) and ``svc:<service>`` (items per service);
``cluster-items:{p}:<id>`` a sorted set of item ids scored by the order they joined in;
``cluster-hours:{p}:<id>`` a hash of occurrences per hour (``Store.cluster_hours``);
``clusters-by-time:{p}`` a sorted set of cluster ids scored by last seen (ms), for the listing.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from ...models import Cluster, utcnow
from ...timestamps import hour_bucket
from ..cluster_records import doc_json, from_record, member_args, parse_position, seen, seen_ms
from ..port import CLUSTER_HOURS_KEPT, ClusterGrowth, ClusterMember, ItemClusterRow, VectorRow, iso
from .batcher import Arg
from .connection import RedisBase, _guarded, lua
from .vectors import _vector_values

ADD_MEMBERS_LUA = lua("add_members")
REMOVE_MEMBERS_LUA = lua("remove_members")
SAVE_RECORD_LUA = lua("save_record")
_SET_CLUSTER_LUA = lua("set_cluster")


def cluster_of(fields: Mapping[str, str]) -> Cluster | None:
    """The cluster a record's hash holds; ``None`` for none (an empty hash)."""
    doc = fields.get("doc")
    if doc is None:
        return None
    return from_record(
        doc,
        int(fields.get("items") or 0),
        int(fields.get("occurrences") or 0),
        fields.get("first_seen"),
        fields.get("last_seen"),
        {k[4:]: int(v) for k, v in fields.items() if k.startswith("src:")},
        {k[4:]: int(v) for k, v in fields.items() if k.startswith("svc:")},
    )


class ClustersMixin(RedisBase):
    #: Registered by ``RedisStore``.
    _set_cluster_script: Any
    _remove_members_script: Any

    def _cluster_keys(self, project_id: str, cluster_id: str) -> list[str]:
        return [
            self._k("cluster", project_id, cluster_id),
            self._k("cluster-items", project_id, cluster_id),
        ]

    def _hours_key(self, project_id: str, cluster_id: str) -> str:
        return self._k("cluster-hours", project_id, cluster_id)

    @_guarded
    async def save_clusters(self, clusters: Sequence[Cluster]) -> None:
        # One transaction per project: no command or transaction may span two slots. Scripts
        # go by EVAL inside MULTI: a node without them would fail EXEC half-way.
        by_project: dict[str, list[Cluster]] = {}
        for cluster in clusters:
            by_project.setdefault(cluster.project_id, []).append(cluster)
        for project_id, group in by_project.items():
            order = self._k("clusters-by-time", project_id)
            async with self.redis.pipeline(transaction=True) as pipe:
                for c in group:
                    record = self._cluster_keys(project_id, c.id)[0]
                    args: list[Arg] = [
                        c.id,
                        doc_json(c),
                        c.item_count,
                        c.occurrence_count,
                        seen(c.first_seen),
                        seen(c.last_seen),
                        seen_ms(c.last_seen),
                        *(f"src:{s}" for s in c.sources),
                        *(f"svc:{s}" for s in c.services),
                    ]
                    pipe.eval(SAVE_RECORD_LUA, 2, record, order, *args)
                await pipe.execute()

    async def _split_cluster_documents(self, project_id: str) -> None:
        """Once, from a Redis written before records and members were apart: each cluster
        document (which listed every member) becomes a record and a members set; a source's
        count is that of its stored members (at least 1)."""
        old = self._k("clusters", project_id)
        if await self.redis.type(old) != "hash":
            return
        for raw in (await self.redis.hgetall(old)).values():
            data = json.loads(raw)
            item_ids: list[str] = data.pop("item_ids", [])
            cluster = Cluster.model_validate(data)
            counted: dict[str, int] = {}
            for at in range(0, len(item_ids), 1000):
                for item in await self.get_items(project_id, item_ids[at : at + 1000]):
                    counted[item.source] = counted.get(item.source, 0) + 1
            record, members = self._cluster_keys(project_id, cluster.id)
            async with self.redis.pipeline(transaction=True) as pipe:
                pipe.eval(
                    SAVE_RECORD_LUA,
                    2,
                    record,
                    self._k("clusters-by-time", project_id),
                    *[
                        cluster.id,
                        doc_json(cluster),
                        cluster.item_count,
                        cluster.occurrence_count,
                        seen(cluster.first_seen),
                        seen(cluster.last_seen),
                        seen_ms(cluster.last_seen),
                    ],
                )
                if item_ids:
                    pipe.zadd(members, {item_id: n for n, item_id in enumerate(item_ids, 1)})
                pipe.hset(
                    record,
                    mapping={
                        "seq": len(item_ids),
                        **{f"src:{s}": max(1, counted.get(s, 0)) for s in cluster.sources},
                    },
                )
                await pipe.execute()
        await self.redis.delete(old)

    @_guarded
    async def get_clusters(self, project_id: str, cluster_ids: Sequence[str]) -> list[Cluster]:
        if not cluster_ids:
            return []
        async with self.redis.pipeline(transaction=False) as pipe:
            for cluster_id in cluster_ids:
                pipe.hgetall(self._k("cluster", project_id, cluster_id))
            found = await pipe.execute()
        return [c for c in map(cluster_of, found) if c is not None]

    @_guarded
    async def list_clusters(
        self, project_id: str, *, limit: int = 100, cursor: str | None = None
    ) -> tuple[list[Cluster], str | None]:
        start = parse_position(cursor)
        # Ranks, not scores: last seen moves, and a listing is a snapshot anyway.
        ids = await self.redis.zrevrange(
            self._k("clusters-by-time", project_id), start, start + limit
        )
        page = await self.get_clusters(project_id, ids[:limit])
        return page, str(start + limit) if len(ids) > limit else None

    @_guarded
    async def count_clusters(self, project_id: str) -> int:
        return int(await self.redis.zcard(self._k("clusters-by-time", project_id)))

    @_guarded
    async def delete_cluster(self, project_id: str, cluster_id: str) -> None:
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.delete(*self._cluster_keys(project_id, cluster_id))
            pipe.delete(self._hours_key(project_id, cluster_id))
            pipe.zrem(self._k("clusters-by-time", project_id), cluster_id)
            await pipe.execute()

    @_guarded
    async def cluster_item_ids(
        self, project_id: str, cluster_id: str, *, limit: int = 100, cursor: str | None = None
    ) -> tuple[list[str], str | None]:
        # The cursor is the order number of the last member shown: members that join or leave
        # meanwhile move no one else's place.
        after = parse_position(cursor)
        found = await self.redis.zrangebyscore(
            self._k("cluster-items", project_id, cluster_id),
            f"({after}",
            "+inf",
            start=0,
            num=limit + 1,
            withscores=True,
        )
        page = found[:limit]
        more = len(found) > limit
        return [item_id for item_id, _ in page], str(int(page[-1][1])) if more else None

    @_guarded
    async def remove_from_cluster(
        self, project_id: str, cluster_id: str, members: Sequence[ClusterMember]
    ) -> Cluster | None:
        order = self._k("clusters-by-time", project_id)
        keys = [*self._cluster_keys(project_id, cluster_id), order]
        keys.append(self._hours_key(project_id, cluster_id))
        args: list[Arg] = [cluster_id]
        for m in members:
            args += [m.item_id, m.source, m.occurrences, m.service or "", hour_bucket(m.last_seen)]
        if not await self._remove_members_script(keys=keys, args=args):
            return None
        return await self.get_cluster(project_id, cluster_id)

    @_guarded
    async def set_item_clusters(self, project_id: str, rows: Sequence[ItemClusterRow]) -> None:
        if not rows:
            return
        keys, args = self._assignment_args(project_id, rows)
        await self._set_cluster_script(keys=keys, args=args)

    def _assignment_args(
        self, project_id: str, rows: Sequence[ItemClusterRow]
    ) -> tuple[list[str], list[str]]:
        # Items of one batch often share one assignment (one template): each is encoded once.
        encoded: dict[int, str] = {}
        args: list[str] = []
        for _, cluster_id, assignment in rows:
            text = encoded.get(id(assignment))
            if text is None:
                text = encoded[id(assignment)] = json.dumps(dict(assignment))
            args += [cluster_id or "", text]
        return [self._k("item", project_id, item_id) for item_id, _, _ in rows], args

    @_guarded
    async def add_to_clusters(
        self,
        project_id: str,
        growths: Sequence[ClusterGrowth],
        rows: Sequence[ItemClusterRow] = (),
        vectors: Sequence[VectorRow] = (),
    ) -> None:
        # One MULTI: the members script (its own read-count-write is atomic, so no WATCH and
        # no retry; it also turns a resolved cluster that gains an item regressed), the items'
        # assignments and the new templates' vectors. EVAL, not EVALSHA: a script missing on
        # the node (a restart, a failover) would fail inside EXEC after the other writes.
        keys = [self._k("clusters-by-time", project_id), self._k("cluster_status", project_id)]
        args: list[Arg] = [json.dumps({"status": "regressed", "at": iso(utcnow())})]
        args.append(CLUSTER_HOURS_KEPT)
        for cluster, members in growths:
            keys += self._cluster_keys(project_id, cluster.id)
            args += [cluster.id, doc_json(cluster), len(members)]
            for m in members:
                args += member_args(m)
        keys += [self._hours_key(project_id, cluster.id) for cluster, _ in growths]
        async with self.redis.pipeline(transaction=True) as pipe:
            if growths:
                pipe.eval(ADD_MEMBERS_LUA, len(keys), *keys, *args)
            if rows:
                item_keys, item_args = self._assignment_args(project_id, rows)
                pipe.eval(_SET_CLUSTER_LUA, len(item_keys), *item_keys, *item_args)
            if vectors:
                pipe.hset(self._k("vectors", project_id), mapping=_vector_values(vectors))
            await pipe.execute()

    @_guarded
    async def cluster_hours(
        self, project_id: str, cluster_ids: Sequence[str], first: int, last: int
    ) -> dict[str, dict[int, int]]:
        hours = list(range(first, last + 1))
        async with self.redis.pipeline(transaction=False) as pipe:
            for cluster_id in cluster_ids:
                pipe.hmget(self._hours_key(project_id, cluster_id), [str(h) for h in hours])
            replies = await pipe.execute()
        found: dict[str, dict[int, int]] = {}
        for cluster_id, counts in zip(cluster_ids, replies, strict=True):
            if any(counts):
                found[cluster_id] = {h: int(n) for h, n in zip(hours, counts, strict=True) if n}
        return found

    # -- cluster status ------------------------------------------------------------------------
    @_guarded
    async def set_cluster_status(
        self, project_id: str, cluster_id: str, status: str, at: datetime
    ) -> None:
        value = json.dumps({"status": status, "at": iso(at)})
        await self.redis.hset(self._k("cluster_status", project_id), cluster_id, value)

    @_guarded
    async def cluster_statuses(
        self, project_id: str, cluster_ids: Sequence[str] | None = None
    ) -> dict[str, dict[str, str]]:
        key = self._k("cluster_status", project_id)
        if cluster_ids is None:
            found: dict[str, str] = await self.redis.hgetall(key)
        elif not cluster_ids:
            return {}
        else:
            values = await self.redis.hmget(key, list(cluster_ids))
            found = {cid: v for cid, v in zip(cluster_ids, values, strict=True) if v}
        return {cid: json.loads(value) for cid, value in found.items()}
