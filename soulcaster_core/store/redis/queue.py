"""The clustering queue: one stream per project, one consumer group, and the ready set of
the projects that have entries (see ``signal.lua``), so a worker reads only those projects'
streams and an idle worker waits in one blocking read of the wake stream.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any

from redis import exceptions as redis_errors

from ...models import QueueEntry
from .connection import RedisBase, _guarded, lua

GROUP = "soulcaster-clusterers"
#: The longest a blocking queue read waits, safely inside the socket timeout.
MAX_BLOCK_MS = 4000
#: The most ready projects one claim or reclaim looks at (the oldest signalled first).
MAX_READY = 512
#: How often a worker looks at every project's stream for entries the ready set lacks (a
#: process that died between storing an item and signalling it): the only per-project cost.
SWEEP_SECONDS = 60.0
#: Wake-stream entries kept: a worker only needs those after the id it noted.
WAKE_MAXLEN = 1000

_SIGNAL_LUA = lua("signal")
_SETTLE_LUA = lua("settle")


def _count(reply: Any) -> int:
    """A number a pipelined command answered, or 0 for its error (a key of another type)."""
    return reply if isinstance(reply, int) else 0


class QueueMixin(RedisBase):
    #: Registered by ``RedisStore``.
    _signal_script: Any
    _settle_script: Any
    #: Entries read but not yet handed out, per consumer.
    _held: dict[str, list[QueueEntry]]
    #: When this process last looked at every project's stream (see ``SWEEP_SECONDS``).
    _next_sweep: float
    #: Where the next claim starts in the ready set, so that no ready project waits long.
    _turn: int

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
        """Put projects in the ready set and wake the workers waiting (see ``signal.lua``)."""
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
