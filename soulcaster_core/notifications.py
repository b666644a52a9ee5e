"""Fan-out hooks (``feedback_ingested``) run off the webhook's path, one plugin at a time.

A webhook is answered once its items are stored; telling plugins about them must not delay that
answer, nor fail it. So the pipeline only puts a call on a bounded queue, and one task per app
runs the queued calls: through pluggy (an implementation may take a subset of the spec's
arguments), one plugin at a time so one plugin's error is logged and the others still run, and
awaiting what an ``async def`` implementation returns. A full queue drops the call and logs it:
a slow plugin must not grow the server's memory without bound.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pluggy

log = logging.getLogger(__name__)

#: How long closing waits for queued calls before it drops the rest.
DRAIN_SECONDS = 5.0


@dataclass
class HookQueue:
    """The queued hook calls of one plugin manager, and the task that runs them."""

    pm: pluggy.PluginManager
    size: int = 1000
    #: Calls dropped because the queue was full (shown in the log as they happen).
    dropped: int = 0
    _queue: asyncio.Queue[tuple[str, dict[str, Any]]] | None = None
    _task: asyncio.Task[None] | None = None
    _callers: dict[tuple[str, str], Callable[..., Any]] = field(default_factory=dict)

    def notify(self, hook: str, **kwargs: Any) -> None:
        """Queue a call of ``hook`` to every plugin implementing it; never blocks, never raises."""
        if not getattr(self.pm.hook, hook).get_hookimpls():
            return  # nobody listens: not even a queue entry
        if self._queue is None or self._task is None or self._task.done():
            self._queue = asyncio.Queue(self.size)
            self._task = asyncio.get_running_loop().create_task(self._run(self._queue))
        try:
            self._queue.put_nowait((hook, kwargs))
        except asyncio.QueueFull:
            self.dropped += 1
            log.warning("%s dropped: %d hook calls queued already", hook, self.size)

    async def close(self) -> None:
        """Run what is queued (for at most ``DRAIN_SECONDS``), then stop."""
        queue, task = self._queue, self._task
        self._queue = self._task = None
        if queue is None or task is None:
            return
        try:
            async with asyncio.timeout(DRAIN_SECONDS):
                await queue.join()
        except TimeoutError:
            log.warning("%d hook calls were still queued at shutdown", queue.qsize())
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task

    async def _run(self, queue: asyncio.Queue[tuple[str, dict[str, Any]]]) -> None:
        while True:
            hook, kwargs = await queue.get()
            try:
                await self._call(hook, kwargs)
            finally:
                queue.task_done()

    async def _call(self, hook: str, kwargs: dict[str, Any]) -> None:
        # pluggy stops at the first error: call each plugin through a caller of its own.
        for impl in getattr(self.pm.hook, hook).get_hookimpls():
            try:
                for outcome in self._caller(hook, impl.plugin_name)(**kwargs):
                    if inspect.isawaitable(outcome):
                        await outcome
            except Exception:
                log.exception("plugin %s failed in %s", impl.plugin_name, hook)

    def _caller(self, hook: str, plugin_name: str) -> Callable[..., Any]:
        key = (hook, plugin_name)
        caller = self._callers.get(key)
        if caller is None:
            others = [
                plugin
                for name, plugin in self.pm.list_name_plugin()
                if name != plugin_name and plugin is not None
            ]
            caller = self._callers[key] = self.pm.subset_hook_caller(hook, others)
        return caller
