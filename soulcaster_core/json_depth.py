"""How deep a JSON value nests: refused past a limit when it arrives, cut when it is read back.

Deeply nested JSON costs nothing to send and breaks whatever recurses over it later (pydantic
gives up a little past 200 levels, ``json`` near 1,000), so a body nesting deeper than
``SOULCASTER_MAX_JSON_DEPTH`` is refused when it is parsed, and what older versions stored
is cut to a marker when it is read, so no stored item can make a read fail.
"""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any

DEFAULT_MAX_DEPTH = 64

#: The limit of the request being handled: the app sets it from its settings, so a handler's
#: ``parse_json_object(body)`` checks the limit of the server it runs in without being told.
max_depth: ContextVar[int] = ContextVar("soulcaster_max_json_depth", default=DEFAULT_MAX_DEPTH)

#: What a stored value nested past the read limit is replaced with.
CUT_MARKER = "[nested too deeply: cut when read]"


def body_too_deep(body: bytes, value: Any, limit: int) -> bool:
    """Whether ``value``, parsed from ``body``, nests past ``limit``.

    A body with too few brackets to nest that deep, the usual case, is answered without a walk.
    """
    return body.count(b"{") + body.count(b"[") > limit and depth_exceeds(value, limit)


def too_deep(limit: int) -> str:
    """What a body nested past ``limit`` is answered: the limit and the setting that sets it."""
    return f"body nests deeper than {limit} levels (the limit is SOULCASTER_MAX_JSON_DEPTH)"


def depth_exceeds(value: Any, limit: int) -> bool:
    """Whether ``value`` nests objects or arrays more than ``limit`` levels deep.

    Level by level rather than recursively, so any depth is measured without recursing.
    """
    # Exact types, not isinstance: what a JSON decoder returns, and several times faster.
    level = [value] if type(value) in _CONTAINERS else []
    depth = 0
    while level:
        depth += 1
        if depth > limit:
            return True
        below: list[Any] = []
        for container in level:
            children = container.values() if type(container) is dict else container
            below += [child for child in children if type(child) in _CONTAINERS]
        level = below
    return False


_CONTAINERS = (dict, list)


def cap_depth(value: Any, limit: int) -> Any:
    """``value`` with every object or array below ``limit`` levels replaced by ``CUT_MARKER``."""
    if not isinstance(value, dict | list) or not depth_exceeds(value, limit):
        return value
    return _cut(value, limit)


def _cut(value: Any, room: int) -> Any:
    if not isinstance(value, dict | list):
        return value
    if room <= 0:
        return CUT_MARKER
    if isinstance(value, dict):
        return {key: _cut(child, room - 1) for key, child in value.items()}
    return [_cut(child, room - 1) for child in value]
