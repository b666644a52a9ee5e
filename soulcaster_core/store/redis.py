"""The production store: Redis (or Redis Cluster) through redis-py's asyncio client.

Every key of a project carries the project id as a hash tag (``item:{acme}:…``), so the ingest
script, which touches a project's dedup, item, index, counter and queue keys at once, runs on
one shard. Config keys keep the names of the design: ``config:datadog:{acme}:webhook_secret``.
"""

from __future__ import annotations

import asyncio
import functools
import hashlib
import json
from collections.abc import Callable, Coroutine, Mapping, Sequence
from datetime import datetime
from importlib.resources import files
from typing import Any, ParamSpec, TypeVar

import hiredis
import redis.asyncio as aioredis
from redis import exceptions as redis_errors
from redis.client import NEVER_DECODE
from redis.exceptions import NoScriptError

from ..errors import StoreUnavailable
from ..models import (
    Cluster,
    DeadLetter,
    FeedbackItem,
    IngestResult,
    Project,
    QueueEntry,
    item_from_fields,
    utcnow,
)
from ..timestamps import hour_bucket
from .base import (
    HISTORY_LIMIT,
    RAW_TTL_SECONDS,
    STATS_WINDOW,
    ClusterGrowth,
    ClusterMember,
    ItemClusterRow,
    Store,
    VectorRow,
    iso,
    make_cursor,
    parse_cursor,
)
from .cluster_records import doc_json, member_args, parse_position, seen, seen_ms
from .dead_letters import ADD_DEAD_LETTER_LUA, DELETE_DEAD_LETTER_LUA, DeadLetterHead
from .history import DeliveryRecord, RawBody, Via, new_record_id, record_head
from .merge import (
    DEFAULT_MERGE_POLICY,
    MergePolicy,
    assemble,
    base_json,
    item_units,
    policy_json,
    richness,
)
from .redis_clusters import (
    ADD_MEMBERS_LUA,
    REMOVE_MEMBERS_LUA,
    SAVE_RECORD_LUA,
    cluster_of,
)
from .token_bucket import TAKE_TOKENS_LUA

P = ParamSpec("P")
T = TypeVar("T")
#: A script argument as hiredis packs it.
Arg = str | int | bytes

GROUP = "soulcaster-clusterers"
SOCKET_TIMEOUT = 5.0
#: The longest a blocking queue read waits, safely inside the socket timeout.
MAX_BLOCK_MS = 4000

# Keep the latest of each kind of event: a late report of an older one must not hide it.
# Times are fixed-width ISO strings, so string order is time order.
_LAST_EVENT_LUA = """
local current = redis.call('HGET', KEYS[1], ARGV[1])
if current and cjson.decode(current)['at'] > ARGV[2] then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
return 1
"""
# A lease is only renewed or released by the owner that holds it.
_RENEW_LEASE_LUA = """
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('EXPIRE', KEYS[1], ARGV[2])
return 1
"""
_RELEASE_LEASE_LUA = """
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 1
"""
# Only an item that exists gets a cluster: a bare hash would be a broken item.
# KEYS are item keys; ARGV holds (cluster id or "", assignment json) for each, in order.
_SET_CLUSTER_LUA = """
for i, key in ipairs(KEYS) do
  if redis.call('EXISTS', key) == 1 then
    local cluster = ARGV[2 * i - 1]
    if cluster == '' then redis.call('HDEL', key, 'cluster_id')
    else redis.call('HSET', key, 'cluster_id', cluster) end
    redis.call('HSET', key, 'clustering', ARGV[2 * i])
  end
end
return 1
"""
STATS_TTL = int(STATS_WINDOW.total_seconds()) + 2 * 3600
#: How far a text search looks back, at most (Redis has no full-text index here).
SEARCH_SCAN_LIMIT = 10_000

_DOWN = (
    redis_errors.ConnectionError,
    redis_errors.TimeoutError,
    redis_errors.BusyLoadingError,
    OSError,
)


def _guarded(method: Callable[P, Coroutine[Any, Any, T]]) -> Callable[P, Coroutine[Any, Any, T]]:
    """Turn "Redis is not there" into ``StoreUnavailable`` (503), whatever the driver raised."""

    @functools.wraps(method)
    async def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
        try:
            return await method(*args, **kwargs)
        except _DOWN as exc:
            raise StoreUnavailable(f"Redis: {exc}") from exc

    return wrapper


def _vector_values(rows: Sequence[VectorRow]) -> dict[str, str]:
    return {
        vector_id: json.dumps({"vector": list(vector), "metadata": dict(metadata)})
        for vector_id, vector, metadata in rows
    }


class _IngestBatcher:
    """Run the ingest script once per project for all the webhooks of one event-loop turn.

    Under load many deliveries reach the store in the same turn. Sending them as one script
    call per project, all in one round trip, costs Redis one script run and the client one
    reply instead of one each (bench/ingest.py; docs/benchmarks.md). A lone delivery waits for
    nothing: its flush runs in the same turn. Each item stays atomic on its own.

    This is the hot path of every webhook, so it speaks to a pooled connection directly:
    hiredis packs the commands (redis-py's asyncio client packs in Python), and the script is
    called by SHA without redis-py's ``SCRIPT EXISTS`` round trip before each pipeline. A Redis
    that lost its scripts answers NOSCRIPT, and those calls are sent again after a
    ``SCRIPT LOAD``.
    """

    def __init__(
        self,
        redis: Any,
        source: str,
        head: Callable[[str], tuple[list[str], list[Arg]]],
    ) -> None:
        self.redis = redis
        self.source = source
        self.sha = hashlib.sha1(source.encode()).hexdigest()
        #: The keys and arguments a project's call starts with, before its items' own.
        self.head = head
        self._pending: dict[str, list[_Call]] = {}
        self._sending: set[asyncio.Task[None]] = set()

    def submit(self, project: str, keys: list[str], args: list[Arg]) -> asyncio.Future[list[str]]:
        """The future reply ``[outcome, id]`` of one item's part of its project's next call."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[list[str]] = loop.create_future()
        if not self._pending:
            loop.call_soon(self._flush)
        self._pending.setdefault(project, []).append((keys, args, future))
        return future

    def _flush(self) -> None:
        batch, self._pending = self._pending, {}
        task = asyncio.ensure_future(self._send(batch))
        self._sending.add(task)  # held until done, so it is not collected mid-flight
        task.add_done_callback(self._sending.discard)

    async def _send(self, batch: dict[str, list[_Call]]) -> None:
        groups = list(batch.values())
        try:
            commands = [self._command(project, calls) for project, calls in batch.items()]
            replies = await self._evalsha(commands)
            lost = [i for i, reply in enumerate(replies) if isinstance(reply, NoScriptError)]
            if lost:  # a restarted or flushed Redis: load the script once, then call again
                await self.redis.script_load(self.source)
                again = await self._evalsha([commands[i] for i in lost])
                for i, reply in zip(lost, again, strict=True):
                    replies[i] = reply
            for calls, reply in zip(groups, replies, strict=True):
                for index, (_, _, future) in enumerate(calls):
                    if future.done():  # its caller went away (a client hung up)
                        continue
                    if isinstance(reply, Exception):
                        future.set_exception(reply)
                    elif reply[index][0] == "error":
                        future.set_exception(redis_errors.ResponseError(reply[index][1]))
                    else:
                        future.set_result(reply[index])
        except BaseException as exc:  # a failed link or a reply that makes no sense: nobody hangs
            for calls in groups:
                for _, _, future in calls:
                    if not future.done():
                        future.set_exception(exc)
            if not isinstance(exc, Exception):
                raise

    def _command(self, project: str, calls: list[_Call]) -> bytes:
        keys, args = self.head(project)
        for item_keys, item_args, _ in calls:
            keys += item_keys
            args += item_args
        command: Any = ("EVALSHA", self.sha, len(keys), *keys, *args)  # its stub wants 1-tuples
        packed: bytes = hiredis.pack_command(command)
        return packed

    async def _evalsha(self, commands: list[bytes]) -> list[Any]:
        pool = self.redis.connection_pool
        connection = await pool.get_connection()
        try:
            await connection.send_packed_command(commands)
            replies: list[Any] = []
            for _ in commands:
                try:
                    replies.append(await connection.read_response())
                except redis_errors.ResponseError as exc:  # this call's error, not the link's
                    replies.append(exc)
            return replies
        except BaseException:
            # Replies may still be on the way: this connection can serve nobody else.
            await connection.disconnect()
            raise
        finally:
            await pool.release(connection)


_Call = tuple[list[str], list[Arg], "asyncio.Future[list[str]]"]


def _last_event(at: datetime, detail: str | None) -> str:
    """A value of a project's last-events hash (the ingest script writes them too)."""
    return json.dumps({"at": iso(at), "detail": detail})


def _item_from_hash(data: Mapping[str, str]) -> FeedbackItem | None:
    """An item from its hash (see ingest.lua): its data, with its units and bookkeeping set."""
    if "data" not in data:  # what is left of an item Redis evicted: nothing to show
        return None
    fields: dict[str, Any] = json.loads(data["data"])
    if "status" in data:  # stored whole, before units were kept apart
        fields.setdefault("metadata", {})["status"] = data["status"]
    assemble(fields, ((name[2:], text) for name, text in data.items() if name[:2] == "u:"))
    fields["occurrences"] = int(data["occurrences"])
    fields["last_seen"] = data["last_seen"]
    if "first_seen" in data:
        fields["first_seen"] = data["first_seen"]
    fields["cluster_id"] = data.get("cluster_id") or None
    if "clustering" in data:
        fields.setdefault("metadata", {})["clustering"] = json.loads(data["clustering"])
    return item_from_fields(fields)


class RedisStore(Store):
    kind = "redis"

    def __init__(self, url: str, prefix: str = "") -> None:
        self.url = url
        self.prefix = prefix
        # Any: redis-py's stubs give every command one sync-or-async union return type, which
        # says nothing here; values are checked where they are decoded.
        self.redis: Any = aioredis.from_url(
            url,
            decode_responses=True,
            socket_connect_timeout=2,
            socket_timeout=SOCKET_TIMEOUT,
            health_check_interval=30,
        )
        self._groups: set[str] = set()
        self._held: dict[str, list[QueueEntry]] = {}
        self._ingest_batches = _IngestBatcher(
            self.redis, files(__package__).joinpath("ingest.lua").read_text(), self._ingest_head
        )
        self._last_event_script = self.redis.register_script(_LAST_EVENT_LUA)
        self._set_cluster_script = self.redis.register_script(_SET_CLUSTER_LUA)
        self._add_members_script = self.redis.register_script(ADD_MEMBERS_LUA)
        self._remove_members_script = self.redis.register_script(REMOVE_MEMBERS_LUA)
        self._save_record_script = self.redis.register_script(SAVE_RECORD_LUA)
        self._renew_lease_script = self.redis.register_script(_RENEW_LEASE_LUA)
        self._release_lease_script = self.redis.register_script(_RELEASE_LEASE_LUA)
        self._take_tokens_script = self.redis.register_script(TAKE_TOKENS_LUA)
        self._add_dead_letter_script = self.redis.register_script(ADD_DEAD_LETTER_LUA)
        self._delete_dead_letter_script = self.redis.register_script(DELETE_DEAD_LETTER_LUA)

    # -- key names -----------------------------------------------------------------------------
    def _k(self, kind: str, project: str, *rest: str) -> str:
        key = f"{self.prefix}{kind}:{{{project}}}"
        return f"{key}:{':'.join(rest)}" if rest else key

    def config_key(self, project: str, source: str, field: str) -> str:
        return f"{self.prefix}config:{source}:{{{project}}}:{field}"

    # -- life cycle ----------------------------------------------------------------------------
    @_guarded
    async def open(self) -> None:
        await self.redis.ping()
        for project in await self.list_projects():
            await self._ensure_group(project.id)
            await self._split_cluster_documents(project.id)

    async def close(self) -> None:
        await self.redis.aclose()

    @_guarded
    async def ping(self) -> None:
        await self.redis.ping()

    async def destroy(self) -> None:
        """Delete every key under this store's prefix (tests use a prefix of their own)."""
        if not self.prefix:
            raise RuntimeError("refusing to delete every key of a Redis without a prefix")
        async for key in self.redis.scan_iter(match=f"{self.prefix}*", count=1000):
            await self.redis.delete(key)

    # -- projects ------------------------------------------------------------------------------
    @_guarded
    async def create_project(self, project: Project) -> bool:
        created = await self.redis.hsetnx(
            f"{self.prefix}projects", project.id, project.model_dump_json()
        )
        await self._ensure_group(project.id)
        return bool(created)

    @_guarded
    async def get_project(self, project_id: str) -> Project | None:
        raw = await self.redis.hget(f"{self.prefix}projects", project_id)
        return Project.from_stored(raw) if raw else None

    @_guarded
    async def list_projects(self) -> list[Project]:
        raw = await self.redis.hgetall(f"{self.prefix}projects")
        return sorted((Project.from_stored(v) for v in raw.values()), key=lambda p: p.id)

    @_guarded
    async def save_project(self, project: Project) -> None:
        await self.redis.hset(f"{self.prefix}projects", project.id, project.model_dump_json())

    # -- config --------------------------------------------------------------------------------
    @_guarded
    async def get_config(
        self, project_id: str, source: str, fields: Sequence[str]
    ) -> dict[str, Any]:
        if not fields:
            return {}
        keys = [self.config_key(project_id, source, f) for f in fields]
        values = await self.redis.mget(keys)
        return {f: json.loads(v) for f, v in zip(fields, values, strict=True) if v is not None}

    @_guarded
    async def set_config(self, project_id: str, source: str, values: Mapping[str, Any]) -> None:
        async with self.redis.pipeline(transaction=True) as pipe:
            for field, value in values.items():
                key = self.config_key(project_id, source, field)
                if value is None:
                    pipe.delete(key)
                else:
                    pipe.set(key, json.dumps(value))
            await pipe.execute()

    # -- items ---------------------------------------------------------------------------------
    def _ingest_head(self, project: str) -> tuple[list[str], list[Arg]]:
        """What one ingest call of ``project`` starts with (see ingest.lua); read at send time."""
        now = utcnow()
        keys = [
            self._k("items", project),
            self._k("stats", project, str(hour_bucket(now))),
            self._k("last", project),
            self._k("queue", project),
        ]
        args: list[Arg] = [
            project,
            self._k("item", project, ""),
            STATS_TTL,
            _last_event(now, None),
            self._k("history", project, ""),
            self._k("raw", project, ""),
            HISTORY_LIMIT,
        ]
        return keys, args

    async def ingest(
        self,
        item: FeedbackItem,
        *,
        occurrence: bool = True,
        delivery_id: str | None = None,
        delivery_ttl: int = 7 * 24 * 3600,
        policy: MergePolicy = DEFAULT_MERGE_POLICY,
        via: Via = "webhook",
        raw: RawBody | None = None,
        raw_ttl: int = RAW_TTL_SECONDS,
    ) -> IngestResult:
        p, source = item.project_id, item.source
        keys = [
            self._k("dedup", p, source, item.external_id),
            self._k("item", p, item.id),
            self._k("items", p, "source", source),
            self._k("delivery", p, source, delivery_id or ""),
        ]
        if raw_ttl <= 0:  # nothing to keep it for
            raw = None
        record_id = new_record_id()
        units = item_units(item)
        first_seen, last_seen = (
            item.first_seen or item.created_at,
            item.last_seen or item.created_at,
        )
        last = iso(last_seen)
        args: list[Arg] = [
            item.id,
            base_json(item),
            int(item.received_at.timestamp() * 1000),
            last if first_seen == last_seen else iso(first_seen),
            last,
            "1" if occurrence else "0",
            source,
            delivery_ttl if delivery_id is not None else "",
            policy_json(policy),
            richness(item),
            record_id,
            record_head(record_id, item.received_at, source, via, occurrence, delivery_id, raw),
            "" if raw is None else raw_ttl,
            b"" if raw is None else raw.encode(),
            len(units),
        ]
        for name, text in units:
            args += (name, text)
        # The batch's future is awaited here, not through _guarded and a coroutine of the
        # batcher's: two coroutines fewer to pass on every webhook's way to Redis and back.
        try:
            outcome, item_id = await self._ingest_batches.submit(p, keys, args)
        except _DOWN as exc:
            raise StoreUnavailable(f"Redis: {exc}") from exc
        except redis_errors.ResponseError as exc:
            # A key of the wrong type, a Redis out of memory: the sender must retry, not
            # see a 500; the log says what Redis refused.
            raise StoreUnavailable(f"Redis refused the write: {exc}") from exc
        return IngestResult(status=outcome, id=item_id)

    @_guarded
    async def get_items(self, project_id: str, item_ids: Sequence[str]) -> list[FeedbackItem]:
        async with self.redis.pipeline(transaction=False) as pipe:
            for item_id in item_ids:
                pipe.hgetall(self._k("item", project_id, item_id))
            hashes = await pipe.execute()
        return [item for data in hashes if (item := _item_from_hash(data)) is not None]

    @_guarded
    async def find_item(
        self, project_id: str, source: str, external_id: str
    ) -> FeedbackItem | None:
        item_id = await self.redis.get(self._k("dedup", project_id, source, external_id))
        return await self.get_item(project_id, item_id) if item_id else None

    @_guarded
    async def list_deliveries(
        self, project_id: str, item_id: str, limit: int = HISTORY_LIMIT
    ) -> list[DeliveryRecord]:
        rows = await self.redis.lrange(self._k("history", project_id, item_id), 0, limit - 1)
        return [DeliveryRecord.model_validate_json(row) for row in rows]

    @_guarded
    async def get_raw_body(self, project_id: str, record_id: str) -> RawBody | None:
        # Bodies are bytes as they came, not necessarily UTF-8: read without decoding.
        value = await self.redis.execute_command(
            "GET", self._k("raw", project_id, record_id), **{NEVER_DECODE: True}
        )
        return None if value is None else RawBody.decode(value)

    @_guarded
    async def list_items(
        self,
        project_id: str,
        *,
        source: str | None = None,
        limit: int = 50,
        cursor: str | None = None,
        query: str | None = None,
    ) -> tuple[list[FeedbackItem], str | None]:
        index = (
            self._k("items", project_id, "source", source)
            if source
            else self._k("items", project_id)
        )
        top = parse_cursor(cursor) if cursor else None
        needle = query.lower() if query else None
        found: list[tuple[int, FeedbackItem]] = []
        scanned = 0
        while len(found) <= limit and scanned < SEARCH_SCAN_LIMIT:
            batch = max(limit + 1, 100) if needle else limit + 1
            rows = await self._page_before(index, top, batch)
            if not rows:
                break
            scanned += len(rows)
            async with self.redis.pipeline(transaction=False) as pipe:
                for member, _ in rows:
                    pipe.hgetall(self._k("item", project_id, member))
                hashes = await pipe.execute()
            for (_member, score), data in zip(rows, hashes, strict=True):
                item = _item_from_hash(data)
                if item is None:
                    continue
                if needle and needle not in f"{item.title}\n{item.body}".lower():
                    continue
                found.append((int(score), item))
            last_member, last_score = rows[-1]
            top = (int(last_score), last_member)
            if not needle:
                break
        page = found[:limit]
        next_cursor = None
        if len(found) > limit:
            score, item = page[-1]
            next_cursor = make_cursor(score, item.id)
        return [item for _, item in page], next_cursor

    async def _page_before(
        self, index: str, top: tuple[int, str] | None, count: int
    ) -> list[tuple[str, float]]:
        """Up to ``count`` members after ``top`` in (score, id) descending order.

        Members that share a score come back in reverse id order; a burst can give many items
        one millisecond, so the rest of the cursor's millisecond is read on its own first.
        """
        if top is None:
            rows: list[tuple[str, float]] = await self.redis.zrevrangebyscore(
                index, "+inf", "-inf", start=0, num=count, withscores=True
            )
            return rows
        score, last_id = top
        same = await self.redis.zrevrangebyscore(index, score, score, withscores=True)
        rows = [(m, s) for m, s in same if m < last_id][:count]
        if len(rows) < count:
            rows += await self.redis.zrevrangebyscore(
                index, f"({score}", "-inf", start=0, num=count - len(rows), withscores=True
            )
        return rows

    # -- rate limit ----------------------------------------------------------------------------
    @_guarded
    async def take_tokens(
        self, project_id: str, source: str, want: int, per_second: float, burst: int
    ) -> tuple[int, float]:
        granted, wait = await self._take_tokens_script(
            keys=[self._k("ratelimit", project_id, source)], args=[per_second, burst, want]
        )
        return int(granted), float(wait)

    # -- counters ------------------------------------------------------------------------------
    @_guarded
    async def record_event(
        self, project_id: str, source: str, kind: str, at: datetime, detail: str | None = None
    ) -> None:
        stats = self._k("stats", project_id, str(hour_bucket(at)))
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.hincrby(stats, f"{source}|{kind}", 1)
            pipe.expire(stats, STATS_TTL)
            await pipe.execute()
        await self._last_event_script(
            keys=[self._k("last", project_id)],
            args=[f"{source}|{kind}", iso(at), _last_event(at, detail)],
        )

    @_guarded
    async def event_counts(self, project_id: str, now: datetime) -> dict[str, dict[str, int]]:
        first = hour_bucket(now - STATS_WINDOW) + 1
        async with self.redis.pipeline(transaction=False) as pipe:
            for hour in range(first, hour_bucket(now) + 1):
                pipe.hgetall(self._k("stats", project_id, str(hour)))
            buckets = await pipe.execute()
        counts: dict[str, dict[str, int]] = {}
        for bucket in buckets:
            for field, n in bucket.items():
                source, _, kind = field.partition("|")
                per = counts.setdefault(source, {})
                per[kind] = per.get(kind, 0) + int(n)
        return counts

    @_guarded
    async def last_events(self, project_id: str) -> dict[str, dict[str, dict[str, Any]]]:
        raw = await self.redis.hgetall(self._k("last", project_id))
        last: dict[str, dict[str, dict[str, Any]]] = {}
        for field, value in raw.items():
            source, _, kind = field.partition("|")
            last.setdefault(source, {})[kind] = json.loads(value)
        return last

    # -- dead letters --------------------------------------------------------------------------
    @_guarded
    async def add_dead_letter(self, letter: DeadLetter) -> None:
        limits = self.dead_letter_limits
        received = letter.received_at.timestamp()
        await self._add_dead_letter_script(
            keys=self._dead_keys(letter.project_id),
            args=[
                letter.id,
                letter.model_dump_json(),
                received,
                DeadLetterHead.of(letter).model_dump_json(),
                limits.max_count,
                limits.max_bytes,
                "-inf" if limits.max_age is None else (utcnow() - limits.max_age).timestamp(),
            ],
        )

    def _dead_keys(self, project_id: str) -> list[str]:
        return [
            self._k("dead", project_id),
            self._k("dead", project_id, "index"),
            self._k("dead", project_id, "heads"),
            self._k("dead", project_id, "bytes"),
        ]

    @_guarded
    async def list_dead_letter_heads(
        self, project_id: str, limit: int = 100
    ) -> list[DeadLetterHead]:
        ids = await self.redis.zrevrange(self._k("dead", project_id, "index"), 0, limit - 1)
        if not ids:
            return []
        raw = await self.redis.hmget(self._k("dead", project_id, "heads"), ids)
        heads = []
        for letter_id, head in zip(ids, raw, strict=True):
            if head:
                heads.append(DeadLetterHead.model_validate_json(head))
                continue
            # Filed before heads were kept: read it whole, once.
            letter = await self.get_dead_letter(project_id, letter_id)
            if letter is not None:
                heads.append(DeadLetterHead.of(letter))
        return heads

    @_guarded
    async def list_dead_letters(self, project_id: str, limit: int = 100) -> list[DeadLetter]:
        ids = await self.redis.zrevrange(self._k("dead", project_id, "index"), 0, limit - 1)
        if not ids:
            return []
        raw = await self.redis.hmget(self._k("dead", project_id), ids)
        return [DeadLetter.model_validate_json(r) for r in raw if r]

    @_guarded
    async def get_dead_letter(self, project_id: str, letter_id: str) -> DeadLetter | None:
        raw = await self.redis.hget(self._k("dead", project_id), letter_id)
        return DeadLetter.model_validate_json(raw) if raw else None

    @_guarded
    async def delete_dead_letter(self, project_id: str, letter_id: str) -> bool:
        deleted = await self._delete_dead_letter_script(
            keys=self._dead_keys(project_id), args=[letter_id]
        )
        return bool(deleted)

    @_guarded
    async def count_dead_letters(self, project_id: str) -> int:
        return int(await self.redis.hlen(self._k("dead", project_id)))

    # -- clustering queue: one stream per project, one consumer group ---------------------------
    async def _ensure_group(self, project_id: str) -> str:
        stream = self._k("queue", project_id)
        if stream not in self._groups:
            try:
                await self.redis.xgroup_create(stream, GROUP, id="0", mkstream=True)
            except redis_errors.ResponseError as exc:
                if "BUSYGROUP" not in str(exc):
                    raise
            self._groups.add(stream)
        return stream

    async def _streams(self) -> dict[str, str]:
        return {await self._ensure_group(p.id): p.id for p in await self.list_projects()}

    @staticmethod
    def _entries(project_id: str, messages: Sequence[Any]) -> list[QueueEntry]:
        return [
            QueueEntry(entry_id=entry_id, project_id=project_id, item_id=fields["item"])
            for entry_id, fields in messages
            if fields  # an entry deleted while pending comes back empty
        ]

    @_guarded
    async def claim(self, consumer: str, count: int, block_ms: int = 0) -> list[QueueEntry]:
        # COUNT applies per stream, so one read may deliver more than ``count``; the rest is
        # already this consumer's (pending under its name) and is handed out next time.
        held = self._held.setdefault(consumer, [])
        if not held:
            streams = await self._streams()
            if not streams:
                return []
            reply = await self.redis.xreadgroup(
                GROUP,
                consumer,
                {stream: ">" for stream in streams},
                count=count,
                # Stay under the socket timeout: an idle queue is not an outage.
                block=min(block_ms, MAX_BLOCK_MS) if block_ms > 0 else None,
            )
            for stream, messages in reply or []:
                held += self._entries(streams[stream], messages)
        taken, self._held[consumer] = held[:count], held[count:]
        return taken

    @_guarded
    async def reclaim(self, consumer: str, min_idle_ms: int, count: int) -> list[QueueEntry]:
        entries: list[QueueEntry] = []
        for stream, project_id in (await self._streams()).items():
            if len(entries) >= count:
                break
            _, messages, *_ = await self.redis.xautoclaim(
                stream,
                GROUP,
                consumer,
                min_idle_time=min_idle_ms,
                start_id="0-0",
                count=count - len(entries),
            )
            entries += self._entries(project_id, messages)
        return entries

    @_guarded
    async def ack(self, entries: Sequence[QueueEntry]) -> None:
        async with self.redis.pipeline(transaction=False) as pipe:
            for entry in entries:
                stream = self._k("queue", entry.project_id)
                pipe.xack(stream, GROUP, entry.entry_id)
                pipe.xdel(stream, entry.entry_id)
            await pipe.execute()

    @_guarded
    async def queue_depth(self) -> int:
        streams = await self._streams()
        async with self.redis.pipeline(transaction=False) as pipe:
            for stream in streams:
                pipe.xlen(stream)
            lengths = await pipe.execute()
        return sum(int(n) for n in lengths)

    # -- clusters (layout: store/redis_clusters.py) ---------------------------------------------
    def _cluster_keys(self, project_id: str, cluster_id: str) -> list[str]:
        return [
            self._k("cluster", project_id, cluster_id),
            self._k("cluster-items", project_id, cluster_id),
        ]

    @_guarded
    async def save_clusters(self, clusters: Sequence[Cluster]) -> None:
        async with self.redis.pipeline(transaction=True) as pipe:
            for c in clusters:
                record = self._cluster_keys(c.project_id, c.id)[0]
                args: list[Arg] = [
                    c.id,
                    doc_json(c),
                    c.item_count,
                    c.occurrence_count,
                    seen(c.first_seen),
                    seen(c.last_seen),
                    seen_ms(c.last_seen),
                    *c.sources,
                ]
                order = self._k("clusters-by-time", c.project_id)
                await self._save_record_script(keys=[record, order], args=args, client=pipe)
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
                await self._save_record_script(
                    keys=[record, self._k("clusters-by-time", project_id)],
                    args=[
                        cluster.id,
                        doc_json(cluster),
                        cluster.item_count,
                        cluster.occurrence_count,
                        seen(cluster.first_seen),
                        seen(cluster.last_seen),
                        seen_ms(cluster.last_seen),
                    ],
                    client=pipe,
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
        args: list[Arg] = [cluster_id]
        for m in members:
            args += [m.item_id, m.source, m.occurrences]
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
        # no retry), the items' assignments and the new templates' vectors.
        keys = [self._k("clusters-by-time", project_id)]
        args: list[Arg] = []
        for cluster, members in growths:
            keys += self._cluster_keys(project_id, cluster.id)
            args += [cluster.id, doc_json(cluster), len(members)]
            for m in members:
                args += member_args(m)
        async with self.redis.pipeline(transaction=True) as pipe:
            if growths:
                await self._add_members_script(keys=keys, args=args, client=pipe)
            if rows:
                item_keys, item_args = self._assignment_args(project_id, rows)
                await self._set_cluster_script(keys=item_keys, args=item_args, client=pipe)
            if vectors:
                pipe.hset(self._k("vectors", project_id), mapping=_vector_values(vectors))
            await pipe.execute()

    # -- vectors -------------------------------------------------------------------------------
    @_guarded
    async def save_vectors(self, project_id: str, rows: Sequence[VectorRow]) -> None:
        if not rows:
            return
        await self.redis.hset(self._k("vectors", project_id), mapping=_vector_values(rows))

    @_guarded
    async def load_vectors(self, project_id: str) -> list[tuple[str, list[float], dict[str, Any]]]:
        raw = await self.redis.hgetall(self._k("vectors", project_id))
        out = []
        for vector_id in sorted(raw):
            value = json.loads(raw[vector_id])
            out.append((vector_id, value["vector"], value["metadata"]))
        return out

    @_guarded
    async def delete_vectors(self, project_id: str, vector_ids: Sequence[str]) -> None:
        if vector_ids:
            await self.redis.hdel(self._k("vectors", project_id), *vector_ids)

    # -- leases ----------------------------------------------------------------------------------
    # -- settings ------------------------------------------------------------------------------
    @_guarded
    async def get_setting(self, name: str) -> str | None:
        value: str | None = await self.redis.hget(f"{self.prefix}settings", name)
        return value

    @_guarded
    async def set_setting(self, name: str, value: str) -> None:
        await self.redis.hset(f"{self.prefix}settings", name, value)

    @_guarded
    async def acquire_lease(self, name: str, owner: str, ttl_seconds: int) -> bool:
        key = f"{self.prefix}lease:{name}"
        if await self.redis.set(key, owner, nx=True, ex=ttl_seconds):
            return True
        # Taking it again is fine for its holder (and extends it).
        return bool(await self._renew_lease_script(keys=[key], args=[owner, ttl_seconds]))

    @_guarded
    async def release_lease(self, name: str, owner: str) -> None:
        await self._release_lease_script(keys=[f"{self.prefix}lease:{name}"], args=[owner])
