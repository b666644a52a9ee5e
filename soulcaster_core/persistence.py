"""Whether the Redis behind the store keeps its data across a restart: checked at start-up.

A Redis without persistence loses every project, item and queued entry when it restarts, and
nothing else would say so (docs/deployment.md says what to run). A managed Redis may refuse
``CONFIG``: then nothing is said, as nothing is known.
"""

from __future__ import annotations

from typing import Any

from redis import exceptions as redis_errors

from .store import Store

ADVICE = "run Redis with appendonly yes and appendfsync everysec (docs/deployment.md)"


async def persistence_warning(store: Store) -> str | None:
    """What the store's Redis risks on a restart, or None (it persists by an append-only
    file, it is not Redis, it cannot be asked, or it cannot be reached: /health says so)."""
    client: Any = getattr(store, "redis", None)
    if store.kind != "redis" or client is None:
        return None
    try:
        appendonly = _value(await client.config_get("appendonly"), "appendonly")
        save = _value(await client.config_get("save"), "save")
    except (redis_errors.RedisError, OSError):
        return None  # CONFIG renamed or disabled (managed Redis), or Redis down
    if appendonly is None or appendonly == "yes":
        return None
    if not save:
        return (
            "Redis keeps nothing across a restart (appendonly no, no save rule): a restart "
            f"loses every project, item and queued entry; {ADVICE}"
        )
    return (
        f"Redis persists only by snapshots (appendonly no, save {save!r}): a crash loses what "
        f"was written since the last one; {ADVICE}"
    )


def _value(reply: Any, name: str) -> str | None:
    if isinstance(reply, dict):
        value = reply.get(name)
        if isinstance(value, str):
            return value
        # A cluster client answers per node: any node's value says how the nodes are run.
        for per_node in reply.values():
            if isinstance(per_node, dict) and isinstance(per_node.get(name), str):
                return str(per_node[name])
    return None
