"""The production store: Redis, or Redis Cluster, through redis-py's asyncio clients.

``redis://`` (``rediss://``) selects the plain client, ``redis+cluster://`` (``rediss+cluster://``)
the cluster client. Every key of a project carries the project id as a hash tag
(``item:{acme}:…``), so the ingest script, which touches a project's dedup, item, index,
counter and queue keys at once, runs on one shard. Config keys keep the names of the design:
``config:datadog:{acme}:webhook_secret``. The keys of no project (the project list, settings,
leases, the clustering queue's ready set) share one fixed hash tag, ``{soulcaster}``, so that a
cluster serves them, and their scripts, from one slot. No command spans two slots.

The clustering queue is one stream per project. Which projects have entries is kept apart, in
the ready set (see ``_SIGNAL_LUA``): a worker reads only those projects' streams, and an idle
worker waits in one blocking read of the wake stream, whatever the number of projects.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import hashlib
import json
import logging
import time
from collections.abc import Callable, Coroutine, Mapping, Sequence
from datetime import datetime
from importlib.resources import files
from typing import Any, NamedTuple, ParamSpec, TypeVar

import hiredis
import msgspec
import redis.asyncio as aioredis
from redis import exceptions as redis_errors
from redis.asyncio.cluster import RedisCluster
from redis.client import NEVER_DECODE
from redis.exceptions import NoScriptError

from ..errors import StoreUnavailable
from ..incidents.keys import held_keys
from ..incidents.model import (
    Incident,
    IncidentChanges,
    IncidentLink,
    IncidentState,
    IncidentUpdate,
    IncidentWork,
)
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
from ..timestamps import SLOTS_PER_HOUR, hour_bucket, slot_bucket
from . import redis_incidents
from .base import (
    CLUSTER_HOURS_KEPT,
    HISTORY_LIMIT,
    RAW_TTL_SECONDS,
    SERIES_KINDS,
    SERIES_WINDOW,
    SLOTS_WINDOW,
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
from .batch import IngestEntry
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
    SET_CLUSTER_INCIDENT_LUA,
    cluster_of,
)
from .token_bucket import TAKE_TOKENS_LUA

log = logging.getLogger(__name__)

P = ParamSpec("P")
T = TypeVar("T")
#: A script argument as hiredis packs it.
Arg = str | int | float | bytes

GROUP = "soulcaster-clusterers"
SOCKET_TIMEOUT = 5.0
#: The longest a blocking queue read waits, safely inside the socket timeout.
MAX_BLOCK_MS = 4000
#: URL schemes of a Redis Cluster, and the scheme redis-py's cluster client reads them as.
CLUSTER_SCHEMES = {"redis+cluster": "redis", "rediss+cluster": "rediss"}
#: The hash tag of every key that belongs to no project: one slot of a cluster holds them all.
GLOBAL_TAG = "{soulcaster}"
#: The most ready projects one claim or reclaim looks at (the oldest signalled first).
MAX_READY = 512
#: How often a worker looks at every project's stream for entries the ready set lacks (a
#: process that died between storing an item and signalling it): the only per-project cost.
SWEEP_SECONDS = 60.0
#: Wake-stream entries kept: a worker only needs those after the id it noted.
WAKE_MAXLEN = 1000

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
# Only an item that exists joins an incident. KEYS are item keys; ARGV their incident ids.
_SET_INCIDENT_LUA = """
for i, key in ipairs(KEYS) do
  if redis.call('EXISTS', key) == 1 then
    if ARGV[i] == '' then redis.call('HDEL', key, 'incident_id')
    else redis.call('HSET', key, 'incident_id', ARGV[i]) end
  end
end
return 1
"""
# The ready set: which projects may have queue entries not yet acknowledged. Each signal takes a
# new number from a sequence and gives it to its projects as their score, so a worker that saw
# a project at score n, then found its stream empty, removes it only if no signal came since
# (scores never repeat: no ABA). The wake stream only wakes blocked workers; losing entries of
# it loses nothing. KEYS: ready zset, sequence, wake stream; ARGV: wake maxlen, project ids.
_SIGNAL_LUA = """
local n = redis.call('INCR', KEYS[2])
for i = 2, #ARGV do redis.call('ZADD', KEYS[1], n, ARGV[i]) end
redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[1], '*', 'n', n)
return n
"""
# KEYS: ready zset; ARGV: pairs of (project id, the score it was seen with).
_SETTLE_LUA = """
local removed = 0
for i = 1, #ARGV, 2 do
  if tonumber(redis.call('ZSCORE', KEYS[1], ARGV[i])) == tonumber(ARGV[i + 1]) then
    removed = removed + redis.call('ZREM', KEYS[1], ARGV[i])
  end
end
return removed
"""
STATS_TTL = int(SERIES_WINDOW.total_seconds()) + 2 * 3600
SLOT_STATS_TTL = int(SLOTS_WINDOW.total_seconds())
#: How far a text search looks back, at most (Redis has no full-text index here).
SEARCH_SCAN_LIMIT = 10_000

_DOWN = (
    redis_errors.ConnectionError,
    redis_errors.TimeoutError,
    redis_errors.BusyLoadingError,
    # A cluster without a master for a slot, or none of its nodes reachable.
    redis_errors.ClusterDownError,
    redis_errors.RedisClusterException,
    OSError,
)
#: Replies that send a call to another node of a cluster (resharding, failover).
_REDIRECTED = (redis_errors.AskError, redis_errors.TryAgainError)


def redis_client(url: str, **options: Any) -> tuple[Any, bool]:
    """The client a URL selects, and whether it is a cluster's (``redis+cluster://``)."""
    scheme, separator, rest = url.partition("://")
    if separator and scheme in CLUSTER_SCHEMES:
        return RedisCluster.from_url(f"{CLUSTER_SCHEMES[scheme]}://{rest}", **options), True
    return aioredis.from_url(url, **options), False


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
    ``SCRIPT LOAD`` (on a cluster: on every master).

    On a cluster each project's call goes to the master of its slot, one pipeline per master;
    a call answered MOVED or ASK (slots moving) is sent again through the cluster client,
    which follows the redirection and learns the new layout.

    The projects that got new queue entries are signalled (``signal``, the ready set) before
    any of the batch's callers hear back: an answered delivery is one a worker will look for.
    On a single Redis the signal rides in the same round trip, after the calls
    (``signal_command``), for every project of the batch: a project whose items were all
    repeats costs a woken worker one empty read, where a second round trip would cost every
    batch.
    """

    def __init__(
        self,
        redis: Any,
        source: str,
        head: Callable[[str], tuple[list[str], list[Arg]]],
        signal: Callable[[list[str]], Coroutine[Any, Any, None]],
        *,
        cluster: bool = False,
        signal_command: Callable[[list[str]], tuple[Any, ...]] | None = None,
    ) -> None:
        self.redis = redis
        self.source = source
        self.sha = hashlib.sha1(source.encode()).hexdigest()
        #: The keys and arguments a project's call starts with, before its items' own.
        self.head = head
        self.signal = signal
        self.signal_command = None if cluster else signal_command
        self.cluster = cluster
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
            signalled = False
            if self.signal_command is not None:
                signal = self.signal_command(list(batch))
                packed = _Command("", signal, hiredis.pack_command(signal))
                replies = await self._evalsha([*commands, packed])
                signalled = not isinstance(replies.pop(), Exception)
            else:
                replies = await self._evalsha(commands)
            # A call may meet a redirection, then a master without the script: each once.
            for attempt in range(2):
                for i, reply in enumerate(replies):
                    if isinstance(reply, _REDIRECTED):
                        try:
                            replies[i] = await self.redis.execute_command(*commands[i].command)
                        except redis_errors.ResponseError as exc:
                            replies[i] = exc
                lost = [i for i, reply in enumerate(replies) if isinstance(reply, NoScriptError)]
                if not lost or attempt:
                    break
                # A restarted or flushed Redis: load the script once, then call again (and
                # signal after: the signal sent with the calls came before these items).
                signalled = False
                await self.redis.script_load(self.source)
                again = await self._evalsha([commands[i] for i in lost])
                for i, reply in zip(lost, again, strict=True):
                    replies[i] = reply
            queued = [
                project
                for project, reply in zip(batch, replies, strict=True)
                if not isinstance(reply, Exception) and any(r[0] == "created" for r in reply)
            ]
            if queued and not signalled:
                await self._signal(queued)
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

    async def _signal(self, projects: list[str]) -> None:
        try:
            await self.signal(projects)
        except Exception as exc:  # stored all the same: the worker's sweep finds the entries
            log.warning("could not signal queued items of %s: %s", ", ".join(projects), exc)

    def _command(self, project: str, calls: list[_Call]) -> _Command:
        keys, args = self.head(project)
        for item_keys, item_args, _ in calls:
            keys += item_keys
            args += item_args
        command: Any = ("EVALSHA", self.sha, len(keys), *keys, *args)  # its stub wants 1-tuples
        return _Command(keys[0], command, hiredis.pack_command(command))

    async def call(self, script: Any, keys: list[str], args: list[Arg]) -> Any:
        """One call of a registered ``script``, sent as the batches are (packed by hiredis, on a
        pooled connection); through the client, which loads the script and follows a cluster's
        redirection, when the call is refused for either."""
        command: Any = ("EVALSHA", script.sha, len(keys), *keys, *args)
        [reply] = await self._evalsha([_Command(keys[0], command, hiredis.pack_command(command))])
        if isinstance(reply, (NoScriptError, *_REDIRECTED)):
            return await script(keys=keys, args=args)
        if isinstance(reply, Exception):
            raise reply
        return reply

    async def _evalsha(self, commands: list[_Command]) -> list[Any]:
        if not self.cluster:
            pool = self.redis.connection_pool
            connection = await pool.get_connection()
            try:
                return await self._pipelined(connection, [c.packed for c in commands])
            finally:
                await pool.release(connection)
        # One pipeline per master, all at once; replies back in the order of the commands.
        by_node: dict[str, tuple[Any, list[int]]] = {}
        for i, command in enumerate(commands):
            node = self.redis.get_node_from_key(command.slot_key)
            by_node.setdefault(node.name, (node, []))[1].append(i)
        sent = [(node, indices) for node, indices in by_node.values()]
        answers = await asyncio.gather(
            *(self._on_node(node, [commands[i].packed for i in indices]) for node, indices in sent)
        )
        replies: list[Any] = [None] * len(commands)
        for (_, indices), answer in zip(sent, answers, strict=True):
            for i, reply in zip(indices, answer, strict=True):
                replies[i] = reply
        return replies

    async def _on_node(self, node: Any, packed: list[bytes]) -> list[Any]:
        connection = node.acquire_connection()
        try:
            return await self._pipelined(connection, packed)
        finally:
            node.release(connection)

    @staticmethod
    async def _pipelined(connection: Any, packed: list[bytes]) -> list[Any]:
        try:
            await connection.send_packed_command(packed)
            replies: list[Any] = []
            for _ in packed:
                try:
                    replies.append(await connection.read_response())
                except redis_errors.ResponseError as exc:  # this call's error, not the link's
                    replies.append(exc)
            return replies
        except BaseException:
            # Replies may still be on the way: this connection can serve nobody else.
            await connection.disconnect()
            raise


_Call = tuple[list[str], list[Arg], "asyncio.Future[list[str]]"]


class _Command(NamedTuple):
    """One project's script call: a key of its slot, the command, and the command packed."""

    slot_key: str
    command: tuple[Any, ...]
    packed: bytes


#: The units of an item as the ingest script unpacks them (``cmsgpack``: Redis' fastest reader).
_pack_units = msgspec.msgpack.Encoder().encode


def _count(reply: Any) -> int:
    """A number a pipelined command answered, or 0 for its error (a key of another type)."""
    return reply if isinstance(reply, int) else 0


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
    fields["incident_id"] = data.get("incident_id") or None
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
        self.redis: Any
        self.redis, self.cluster = redis_client(
            url,
            decode_responses=True,
            socket_connect_timeout=2,
            socket_timeout=SOCKET_TIMEOUT,
            health_check_interval=30,
        )
        self._held: dict[str, list[QueueEntry]] = {}
        #: When this process last looked at every project's stream (see ``SWEEP_SECONDS``).
        self._next_sweep = 0.0
        #: Where the next claim starts in the ready set, so that no ready project waits long.
        self._turn = 0
        self._ingest_batches = _IngestBatcher(
            self.redis,
            files(__package__).joinpath("ingest.lua").read_text(),
            self._ingest_head,
            self._mark_ready,
            cluster=self.cluster,
            signal_command=self._signal_command,
        )
        self._signal_script = self.redis.register_script(_SIGNAL_LUA)
        self._settle_script = self.redis.register_script(_SETTLE_LUA)
        self._last_event_script = self.redis.register_script(_LAST_EVENT_LUA)
        self._set_cluster_script = self.redis.register_script(_SET_CLUSTER_LUA)
        self._remove_members_script = self.redis.register_script(REMOVE_MEMBERS_LUA)
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

    def _g(self, name: str) -> str:
        """The key of something that belongs to no project, in the one global slot."""
        return f"{self.prefix}{GLOBAL_TAG}:{name}"

    # -- life cycle ----------------------------------------------------------------------------
    @_guarded
    async def open(self) -> None:
        if self.cluster:
            await self.redis.initialize()  # the slot map, before the batcher routes by it
        await self.redis.ping()
        await self._move_global_keys()
        for project in await self.list_projects():
            await self._split_cluster_documents(project.id)
            await self._move_incident_links_out(project.id)

    async def _move_global_keys(self) -> None:
        """Give the keys of a Redis written before global keys had their hash tag their new
        names (a plain Redis only: no cluster could have served the old ones)."""
        if self.cluster:
            return
        for name in ("projects", "settings"):
            with contextlib.suppress(redis_errors.ResponseError):  # no such key: none to move
                await self.redis.renamenx(f"{self.prefix}{name}", self._g(name))

    async def close(self) -> None:
        await self.redis.aclose()

    @_guarded
    async def ping(self) -> None:
        await self.redis.ping()

    async def destroy(self) -> None:
        """Delete every key under this store's prefix (tests use a prefix of their own)."""
        if not self.prefix:
            raise RuntimeError("refusing to delete every key of a Redis without a prefix")
        # One key per DEL: keys of several slots cannot share a command on a cluster (whose
        # SCAN visits every master).
        async with self.redis.pipeline(transaction=False) as pipe:
            async for key in self.redis.scan_iter(match=f"{self.prefix}*", count=1000):
                pipe.delete(key)
            await pipe.execute()

    # -- projects ------------------------------------------------------------------------------
    @_guarded
    async def create_project(self, project: Project) -> bool:
        # The queue's consumer group first: each step may be done again, so a crash between
        # them leaves nothing a later start-up or a second try stumbles on.
        await self._ensure_group(project.id)
        created = await self.redis.hsetnx(
            self._g("projects"), project.id, project.model_dump_json()
        )
        return bool(created)

    @_guarded
    async def get_project(self, project_id: str) -> Project | None:
        raw = await self.redis.hget(self._g("projects"), project_id)
        return Project.from_stored(raw) if raw else None

    @_guarded
    async def list_projects(self) -> list[Project]:
        raw = await self.redis.hgetall(self._g("projects"))
        return sorted((Project.from_stored(v) for v in raw.values()), key=lambda p: p.id)

    @_guarded
    async def save_project(self, project: Project) -> None:
        await self.redis.hset(self._g("projects"), project.id, project.model_dump_json())

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
            self._k("stats-slot", project, str(slot_bucket(now))),
        ]
        args: list[Arg] = [
            project,
            self._k("item", project, ""),
            STATS_TTL,
            _last_event(now, None),
            self._k("history", project, ""),
            self._k("raw", project, ""),
            HISTORY_LIMIT,
            SLOT_STATS_TTL,
            self._k("cluster", project, ""),
            self._k("cluster-hours", project, ""),
            self._k("clusters-by-time", project),
            self._k("cluster_status", project),
            json.dumps({"status": "regressed", "at": iso(now)}),
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
        keys, args = self._ingest_call(
            item, occurrence, delivery_id, delivery_ttl, policy, via, raw, raw_ttl
        )
        # The batch's future is awaited here, not through _guarded and a coroutine of the
        # batcher's: two coroutines fewer to pass on every webhook's way to Redis and back.
        try:
            outcome, item_id = await self._ingest_batches.submit(item.project_id, keys, args)
        except _DOWN as exc:
            raise StoreUnavailable(f"Redis: {exc}") from exc
        except redis_errors.ResponseError as exc:
            # A key of the wrong type, a Redis out of memory: the sender must retry, not
            # see a 500; the log says what Redis refused.
            raise StoreUnavailable(f"Redis refused the write: {exc}") from exc
        return IngestResult(status=outcome, id=item_id)

    async def ingest_batch(
        self,
        entries: Sequence[IngestEntry],
        *,
        delivery_ttl: int = 7 * 24 * 3600,
        policy: MergePolicy = DEFAULT_MERGE_POLICY,
        via: Via = "webhook",
        raw_ttl: int = RAW_TTL_SECONDS,
    ) -> list[IngestResult]:
        # Submitted without an await in between, so they share the project's next script
        # call: one script run, which nothing else interleaves with.
        projects = {entry.item.project_id for entry in entries}
        if len(projects) > 1:
            raise ValueError("a batch holds the items of one project")
        futures = [
            self._ingest_batches.submit(
                entry.item.project_id,
                *self._ingest_call(
                    entry.item,
                    entry.occurrence,
                    entry.delivery_id,
                    delivery_ttl,
                    policy,
                    via,
                    entry.raw,
                    raw_ttl,
                ),
            )
            for entry in entries
        ]
        try:
            replies = await asyncio.gather(*futures)
        except _DOWN as exc:
            raise StoreUnavailable(f"Redis: {exc}") from exc
        except redis_errors.ResponseError as exc:
            raise StoreUnavailable(f"Redis refused the write: {exc}") from exc
        return [IngestResult(status=outcome, id=item_id) for outcome, item_id in replies]

    def _ingest_call(
        self,
        item: FeedbackItem,
        occurrence: bool,
        delivery_id: str | None,
        delivery_ttl: int,
        policy: MergePolicy,
        via: Via,
        raw: RawBody | None,
        raw_ttl: int,
    ) -> tuple[list[str], list[Arg]]:
        """One item's keys and arguments of the ingest script (see ingest.lua)."""
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
            # One argument for all: hiredis packs arguments one by one, at a cost per argument
            # that made packing the costliest step of the call (bench/ingest.py).
            _pack_units([part for unit in units for part in unit]),
        ]
        return keys, args

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
        # Every few deliveries of a project's source: redis-py's own way cost twice the call.
        granted, wait = await self._ingest_batches.call(
            self._take_tokens_script,
            [self._k("ratelimit", project_id, source)],
            [per_second, burst, want],
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
            if kind in SERIES_KINDS:  # the chart's last hour (ingest.lua counts its own)
                slot = self._k("stats-slot", project_id, str(slot_bucket(at)))
                pipe.hincrby(slot, f"{source}|{kind}", 1)
                pipe.expire(slot, SLOT_STATS_TTL)
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
    async def event_series(
        self, project_id: str, now: datetime, hours: int
    ) -> dict[str, dict[int, int]]:
        last = hour_bucket(now)
        first = last - min(hours, int(SERIES_WINDOW.total_seconds()) // 3600) + 1
        async with self.redis.pipeline(transaction=False) as pipe:
            for hour in range(first, last + 1):
                pipe.hgetall(self._k("stats", project_id, str(hour)))
            buckets = await pipe.execute()
        series: dict[str, dict[int, int]] = {}
        for hour, bucket in zip(range(first, last + 1), buckets, strict=True):
            for field, n in bucket.items():
                source, _, kind = field.partition("|")
                if kind in SERIES_KINDS:
                    per = series.setdefault(source, {})
                    per[hour] = per.get(hour, 0) + int(n)
        return series

    @_guarded
    async def recent_event_series(
        self, project_id: str, now: datetime
    ) -> dict[str, dict[int, int]]:
        last = slot_bucket(now)
        slots = range(last - SLOTS_PER_HOUR + 1, last + 1)
        async with self.redis.pipeline(transaction=False) as pipe:
            for slot in slots:
                pipe.hgetall(self._k("stats-slot", project_id, str(slot)))
            buckets = await pipe.execute()
        series: dict[str, dict[int, int]] = {}
        for slot, bucket in zip(slots, buckets, strict=True):
            for field, n in bucket.items():
                source, _, kind = field.partition("|")
                if kind in SERIES_KINDS:
                    per = series.setdefault(source, {})
                    per[slot] = per.get(slot, 0) + int(n)
        return series

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

    # -- clustering queue: one stream per project, one consumer group, the ready set -------------
    def _stream(self, project_id: str) -> str:
        return self._k("queue", project_id)

    async def _ensure_group(self, project_id: str) -> None:
        try:
            await self.redis.xgroup_create(self._stream(project_id), GROUP, id="0", mkstream=True)
        except redis_errors.ResponseError as exc:
            if "BUSYGROUP" not in str(exc):
                raise

    def _signal_keys(self) -> list[str]:
        return [self._g("ready"), self._g("ready:seq"), self._g("wake")]

    def _signal_command(self, project_ids: Sequence[str]) -> tuple[Any, ...]:
        """``_mark_ready`` as a command to pipeline (a single Redis: one node for all keys)."""
        keys = self._signal_keys()
        return ("EVALSHA", self._signal_script.sha, len(keys), *keys, WAKE_MAXLEN, *project_ids)

    async def _mark_ready(self, project_ids: Sequence[str]) -> None:
        """Put projects in the ready set and wake the workers waiting (see ``_SIGNAL_LUA``)."""
        await self._signal_script(keys=self._signal_keys(), args=[WAKE_MAXLEN, *project_ids])

    async def _ready(self) -> tuple[list[tuple[str, float]], str]:
        """The ready projects with their scores, oldest signal first, and the wake stream's
        last id, read before them: a signal the ready set missed comes after that id."""
        await self._sweep_if_due()
        async with self.redis.pipeline(transaction=False) as pipe:  # one slot: one node
            pipe.xrevrange(self._g("wake"), count=1)
            pipe.zrange(self._g("ready"), 0, MAX_READY - 1, withscores=True)
            last, ready = await pipe.execute()
        return ready, last[0][0] if last else "0-0"

    async def _sweep_if_due(self) -> None:
        """Now and then, signal every project whose stream holds entries (one pipeline per
        master): entries stored by a process that died before it signalled them."""
        if time.monotonic() < self._next_sweep:
            return
        self._next_sweep = time.monotonic() + SWEEP_SECONDS
        project_ids = await self.redis.hkeys(self._g("projects"))
        lengths = await self._per_stream(project_ids, lambda pipe, stream: pipe.xlen(stream))
        waiting = [p for p, n in zip(project_ids, lengths, strict=True) if _count(n) > 0]
        if waiting:
            await self._mark_ready(waiting)

    async def _per_stream(
        self, project_ids: Sequence[str], command: Callable[[Any, str], Any]
    ) -> list[Any]:
        """One command per project's stream, pipelined (per master on a cluster); a command's
        error is its reply."""
        if not project_ids:
            return []
        async with self.redis.pipeline(transaction=False) as pipe:
            for project_id in project_ids:
                command(pipe, self._stream(project_id))
            replies: list[Any] = await pipe.execute(raise_on_error=False)
        return replies

    @staticmethod
    def _entries(project_id: str, messages: Sequence[Any]) -> list[QueueEntry]:
        return [
            QueueEntry(entry_id=entry_id, project_id=project_id, item_id=fields["item"])
            for entry_id, fields in messages
            if fields  # an entry deleted while pending comes back empty
        ]

    @_guarded
    async def claim(self, consumer: str, count: int, block_ms: int = 0) -> list[QueueEntry]:
        # A read may deliver more than ``count``; the rest is already this consumer's (pending
        # under its name) and is handed out next time.
        held = self._held.setdefault(consumer, [])
        if not held:
            ready, wake_id = await self._ready()
            held += await self._read_new(consumer, count, ready)
            if not held and block_ms > 0:
                # Nothing new anywhere: one blocking read, woken by the next signal. Stay
                # under the socket timeout: an idle queue is not an outage.
                woken = await self.redis.xread(
                    {self._g("wake"): wake_id}, count=1, block=min(block_ms, MAX_BLOCK_MS)
                )
                if woken:
                    ready, _ = await self._ready()
                    held += await self._read_new(consumer, count, ready)
        taken, self._held[consumer] = held[:count], held[count:]
        return taken

    async def _read_new(
        self, consumer: str, count: int, ready: Sequence[tuple[str, float]]
    ) -> list[QueueEntry]:
        """New entries of up to ``count`` ready projects, taken in turns; projects found with
        nothing left to acknowledge leave the ready set."""
        if not ready:
            return []
        start = self._turn % len(ready)
        self._turn += 1
        turn = [*ready[start:], *ready[:start]][:count]
        share = -(-count // len(turn))
        replies = await self._per_stream(
            [project for project, _ in turn],
            lambda pipe, stream: pipe.xreadgroup(GROUP, consumer, {stream: ">"}, count=share),
        )
        entries: list[QueueEntry] = []
        lost: list[tuple[str, float]] = []
        empty: list[tuple[str, float]] = []
        for (project, score), reply in zip(turn, replies, strict=True):
            if isinstance(reply, redis_errors.ResponseError) and "NOGROUP" in str(reply):
                lost.append((project, score))
            elif isinstance(reply, Exception):
                raise reply
            elif reply:
                for _, messages in reply:
                    entries += self._entries(project, messages)
            else:
                empty.append((project, score))
        if lost:
            # The group is gone (a Redis restarted without persistence, a stream deleted by
            # hand): make it again, from the stream's start, and read those projects now.
            for project, _ in lost:
                await self._ensure_group(project)
            entries += await self._read_new(consumer, count, lost)
        await self._settle(empty)
        return entries

    async def _settle(self, projects: Sequence[tuple[str, float]]) -> None:
        """Take projects whose streams are empty (every entry acknowledged) out of the ready
        set, unless a signal came since they were read."""
        lengths = await self._per_stream(
            [project for project, _ in projects], lambda pipe, stream: pipe.xlen(stream)
        )
        done = [
            arg
            for (project, score), n in zip(projects, lengths, strict=True)
            if n == 0
            for arg in (project, int(score))
        ]
        if done:
            await self._settle_script(keys=[self._g("ready")], args=done)

    def _heartbeat_key(self, consumer: str) -> str:
        # A global key: one command on it, whatever the slot.
        return self._g(f"worker:{consumer}")

    @_guarded
    async def heartbeat(self, consumer: str, ttl_ms: int) -> None:
        await self.redis.set(self._heartbeat_key(consumer), "1", px=ttl_ms)

    @_guarded
    async def reclaim(self, consumer: str, min_idle_ms: int, count: int) -> list[QueueEntry]:
        ready, _ = await self._ready()
        projects = [project for project, _ in ready]
        # Only projects with unacknowledged entries are ready; one pipelined look says which
        # hold one idle long enough, and only those are claimed.
        idle = await self._per_stream(
            projects,
            lambda pipe, stream: pipe.xpending_range(
                stream, GROUP, min="-", max="+", count=1, idle=min_idle_ms
            ),
        )
        entries: list[QueueEntry] = []
        alive: dict[str, bool] = {}
        # Overflow of this consumer's last read: pending under its name, not lost.
        held = {entry.entry_id for entry in self._held.get(consumer, [])}
        for project_id, pending in zip(projects, idle, strict=True):
            if len(entries) >= count:
                break
            if isinstance(pending, Exception) or not pending:  # NOGROUP: nothing pending
                continue
            stream = self._stream(project_id)
            summary = await self.redis.xpending(stream, GROUP)
            for owner in summary["consumers"] if summary["pending"] else []:
                # Only a consumer whose heartbeat lapsed (or this one's own earlier run) is
                # robbed: a slow worker that still beats keeps its batch.
                name = owner["name"]
                if name != consumer and name not in alive:
                    alive[name] = bool(await self.redis.exists(self._heartbeat_key(name)))
                if len(entries) >= count or alive.get(name, False):
                    continue
                stale = await self.redis.xpending_range(
                    stream,
                    GROUP,
                    min="-",
                    max="+",
                    count=count - len(entries),
                    consumername=name,
                    idle=min_idle_ms,
                )
                ids = [row["message_id"] for row in stale if row["message_id"] not in held]
                if ids:
                    messages = await self.redis.xclaim(
                        stream, GROUP, consumer, min_idle_time=min_idle_ms, message_ids=ids
                    )
                    entries += self._entries(project_id, messages)
        return entries

    @_guarded
    async def ack(self, entries: Sequence[QueueEntry]) -> None:
        async with self.redis.pipeline(transaction=False) as pipe:
            for entry in entries:
                stream = self._stream(entry.project_id)
                pipe.xack(stream, GROUP, entry.entry_id)
                pipe.xdel(stream, entry.entry_id)
            await pipe.execute()

    @_guarded
    async def queue_depth(self) -> int:
        project_ids = await self.redis.hkeys(self._g("projects"))
        lengths = await self._per_stream(project_ids, lambda pipe, stream: pipe.xlen(stream))
        return sum(_count(n) for n in lengths)

    # -- clusters (layout: store/redis_clusters.py) ---------------------------------------------
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
        incidents: IncidentWork | None = None,
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

        def queue(pipe: Any) -> None:
            if growths:
                pipe.eval(ADD_MEMBERS_LUA, len(keys), *keys, *args)
            if rows:
                item_keys, item_args = self._assignment_args(project_id, rows)
                pipe.eval(_SET_CLUSTER_LUA, len(item_keys), *item_keys, *item_args)
            if vectors:
                pipe.hset(self._k("vectors", project_id), mapping=_vector_values(vectors))

        if incidents is not None:
            # The incident step in the same MULTI, under its WATCH (run again, the cluster
            # writes with it, when another writer came first: they count nothing twice).
            await self._incident_step(project_id, (), incidents, queue)
            return
        async with self.redis.pipeline(transaction=True) as pipe:
            queue(pipe)
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

    # -- incidents: a hash of records; the open ones and all of them, each by last seen; each
    # incident's links and keys apart (redis_incidents.py) --------------------------------------
    def _incident_keys(self, project_id: str) -> redis_incidents.IncidentKeys:
        return redis_incidents.IncidentKeys(
            records=self._k("incidents", project_id),
            open=self._k("incidents", project_id, "open"),
            recent=self._k("incidents", project_id, "recent"),
            links=lambda incident_id: self._k("incidents", project_id, "links", incident_id),
            key=lambda key: self._k("incidents", project_id, "key", key),
        )

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
    ) -> IncidentChanges:
        work = IncidentWork(update, open_since, keys, items)
        return await self._incident_step(project_id, incident_ids, work)

    async def _incident_step(
        self,
        project_id: str,
        incident_ids: Sequence[str],
        work: IncidentWork,
        before: Callable[[Any], None] | None = None,
    ) -> IncidentChanges:
        """``update_incidents``; ``before`` queues other writes first in its MULTI."""
        names = self._incident_keys(project_id)
        item_keys = [(i, self._k("item", project_id, i)) for i in work.items]
        since = "-inf" if work.open_since is None else work.open_since.timestamp() * 1000
        async with self.redis.pipeline(transaction=True) as pipe:
            while True:
                # Read under WATCH, write in MULTI, again if another writer changed the
                # project's incidents in between. The sorted sets, the links, the keys and the
                # items' incident ids change only with the records, so watching the records
                # covers them; a cluster's incident is set in its record by a script, whatever
                # else changed the record.
                try:
                    await pipe.watch(names.records)
                    state, stale = await redis_incidents.read_state(
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
                    redis_incidents.queue_writes(pipe, names, changes, stale, held)
                    if changes.items:
                        # EVAL inside MULTI, as add_to_clusters does: a node without the
                        # script would fail EXEC after the other writes were made.
                        keys_ = [self._k("item", project_id, i) for i, _ in changes.items]
                        args = [incident or "" for _, incident in changes.items]
                        pipe.eval(_SET_INCIDENT_LUA, len(keys_), *keys_, *args)
                    for cluster_id, incident in changes.clusters:
                        record = self._cluster_keys(project_id, cluster_id)[0]
                        pipe.eval(SET_CLUSTER_INCIDENT_LUA, 1, record, incident or "")
                    await pipe.execute()
                    return changes
                except redis_errors.WatchError:
                    continue

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
        value: str | None = await self.redis.hget(self._g("settings"), name)
        return value

    @_guarded
    async def set_setting(self, name: str, value: str) -> None:
        await self.redis.hset(self._g("settings"), name, value)

    @_guarded
    async def acquire_lease(self, name: str, owner: str, ttl_seconds: int) -> bool:
        key = self._g(f"lease:{name}")
        if await self.redis.set(key, owner, nx=True, ex=ttl_seconds):
            return True
        # Taking it again is fine for its holder (and extends it).
        return bool(await self._renew_lease_script(keys=[key], args=[owner, ttl_seconds]))

    @_guarded
    async def release_lease(self, name: str, owner: str) -> None:
        await self._release_lease_script(keys=[self._g(f"lease:{name}")], args=[owner])
