"""Ingest's batcher: the script calls of one event-loop turn, one per project, in one round
trip, packed by hiredis on a pooled connection and called by SHA (docs/benchmarks.md).
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import Callable, Coroutine
from typing import Any, NamedTuple

import hiredis
from redis import exceptions as redis_errors
from redis.exceptions import NoScriptError

log = logging.getLogger(__name__)

#: A script argument as hiredis packs it.
Arg = str | int | float | bytes

#: Connections the batcher keeps between its calls: as many as are on their way at once, mostly.
_IDLE = 8

#: Replies that send a call to another node of a cluster (resharding, failover).
_REDIRECTED = (redis_errors.AskError, redis_errors.TryAgainError)


class _IngestBatcher:
    """Run the ingest script once per project for all the webhooks of one event-loop turn.

    Under load many deliveries reach the store in the same turn. Sending them as one script
    call per project, all in one round trip, costs Redis one script run and the client one
    reply instead of one each (bench/ingest.py; docs/benchmarks.md). A lone delivery waits for
    nothing: its flush runs in the same turn. Each item stays atomic on its own.

    This is the hot path of every webhook, so it speaks to a pooled connection directly (kept
    between calls, ``_checkout``): hiredis packs the commands (redis-py's asyncio client packs
    in Python), each item's part of a call is one argument (``ingest.lua``), and the script is
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
        #: Connections between calls (``_checkout``); the pool still owns them (it closes them).
        self._idle: list[Any] = []
        self._sending: set[asyncio.Task[None]] = set()

    def submit(self, project: str, packed: bytes) -> asyncio.Future[list[str]]:
        """The future reply ``[outcome, id]`` of one item's part of its project's next call
        (``packed``: the item's one argument of the call)."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[list[str]] = loop.create_future()
        if not self._pending:
            loop.call_soon(self._flush)
        self._pending.setdefault(project, []).append((packed, future))
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
                for index, (_, future) in enumerate(calls):
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
                for _, future in calls:
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
        command: Any = (  # its stub wants 1-tuples
            "EVALSHA",
            self.sha,
            len(keys),
            *keys,
            *args,
            *[packed for packed, _ in calls],
        )
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
            connection = await self._checkout()
            try:
                answer = await self._pipelined(connection, [c.packed for c in commands])
            except BaseException:
                await self.redis.connection_pool.release(connection)
                raise
            if len(self._idle) < _IDLE:
                self._idle.append(connection)
            else:
                await self.redis.connection_pool.release(connection)
            return answer
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

    async def _checkout(self) -> Any:
        """A connection of the pool's, kept by the batcher between its calls: the pool's own
        checkout and return (a lock, metrics, a check) cost more than the rest of a batch's
        way to Redis and back. Each is checked as the pool checks what it hands out: one the
        server closed, or that holds a reply nobody read, goes back to the pool, which
        reconnects it when it hands it out again."""
        while self._idle:
            connection = self._idle.pop()
            try:
                if connection.is_connected and not await connection.can_read():
                    return connection
            except (redis_errors.ConnectionError, redis_errors.TimeoutError, OSError):
                pass
            await self.redis.connection_pool.release(connection)
        return await self.redis.connection_pool.get_connection()

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


_Call = tuple[bytes, "asyncio.Future[list[str]]"]


class _Command(NamedTuple):
    """One project's script call: a key of its slot, the command, and the command packed."""

    slot_key: str
    command: tuple[Any, ...]
    packed: bytes


#: The units of an item as the ingest script unpacks them (``cmsgpack``: Redis' fastest reader).
