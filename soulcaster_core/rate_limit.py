"""Deliveries a second per project and source: a token bucket, answered 429 when empty.

The bucket lives in the store (shared by every process on Redis). Asking it for every delivery
would add a round trip to the ingest path, so each process takes a few tokens at a time and
spends them locally, and remembers a refusal until the bucket can have refilled: a flood costs
one store call per ``lease`` deliveries, or per refusal window.
"""

from __future__ import annotations

import math
import time
import weakref
from dataclasses import dataclass, field

import anyio

from .errors import HTTPError
from .store import Store


class RateLimited(HTTPError):
    status_code = 429

    def __init__(self, detail: str, retry_after: int, **extra: object) -> None:
        super().__init__(detail, retry_after=retry_after, **extra)
        #: What the web layer sends as ``Retry-After``.
        self.headers = {"Retry-After": str(retry_after)}


@dataclass
class _Local:
    spare: int = 0
    denied_until: float = 0.0
    #: Set while this process asks the store for a lease: the deliveries arriving meanwhile
    #: wait for it rather than each asking too.
    leasing: anyio.Event | None = None


@dataclass
class RateGate:
    store: Store
    _local: dict[tuple[str, str], _Local] = field(default_factory=dict)

    async def admit(
        self, project_id: str, source: str, per_second: float, burst: int
    ) -> float | None:
        """``None`` when a delivery may go on, else the seconds until one may."""
        state = self._local.get((project_id, source))
        if state is None:
            state = self._local[(project_id, source)] = _Local()
        while True:
            now = time.monotonic()
            if state.denied_until > now:
                return state.denied_until - now
            if state.spare > 0:
                state.spare -= 1
                return None
            if state.leasing is None:
                break
            await state.leasing.wait()
        # A token or a few: at most 1 % of the burst, so the processes' spares stay small.
        lease = max(1, min(50, burst // 100))
        state.leasing = leasing = anyio.Event()
        try:
            granted, wait = await self.store.take_tokens(
                project_id, source, lease, per_second, burst
            )
        finally:
            state.leasing = None
            leasing.set()
        if granted:
            state.spare += granted - 1
            return None
        state.denied_until = now + wait
        return wait


_gates: weakref.WeakKeyDictionary[Store, RateGate] = weakref.WeakKeyDictionary()


def spend_spare(store: Store, project_id: str, source: str) -> bool:
    """Spend a token this process holds already, if it holds one and no refusal is running:
    what ``check_rate`` does first, without a coroutine (every delivery asks; ``False``: ask
    ``check_rate``)."""
    gate = _gates.get(store)
    state = None if gate is None else gate._local.get((project_id, source))
    if state is None or state.spare <= 0 or state.denied_until > time.monotonic():
        return False
    state.spare -= 1
    return True


async def check_rate(
    store: Store, project_id: str, source: str, per_second: float, burst: int
) -> None:
    """Pass, or raise ``RateLimited`` naming the limit."""
    gate = _gates.get(store)
    if gate is None:
        gate = _gates[store] = RateGate(store)
    wait = await gate.admit(project_id, source, per_second, burst)
    if wait is None:
        return
    retry_after = max(1, math.ceil(wait))
    raise RateLimited(
        f"rate limit: the {source} source of project {project_id} takes {per_second:g} "
        f"deliveries a second (bursts of {burst}); retry after {retry_after} s",
        retry_after=retry_after,
        limit={"per_second": per_second, "burst": burst},
    )
