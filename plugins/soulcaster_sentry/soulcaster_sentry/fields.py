"""Typed reads from a Sentry payload: a wrong type is a ``BadPayload`` that names its path.

Sentry's payloads are well formed, so anything that is not is more likely a forged or
hand-written request: it is refused with a message that says which field is wrong, rather
than being guessed at or failing later with a bare ``TypeError``.

Every reader takes ``where``, the path of ``parent`` (``""`` for the body itself), and names
the field ``where.key`` only when it is wrong: building each field's path up front cost more
than reading the field.
"""

from __future__ import annotations

from typing import Any

from soulcaster_core import BadPayload

#: Ids end up in ``external_id`` (at most 512 characters); real Sentry ids are far shorter.
ID_MAX = 200


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean"}.get(
        type(value), type(value).__name__
    )


def path_of(where: str, key: str) -> str:
    """The path of ``key`` in the object found at ``where``."""
    return f"{where}.{key}" if where else key


def obj(parent: dict[str, Any], key: str, where: str) -> dict[str, Any] | None:
    """The object at ``key``; ``None`` when absent or null."""
    value = parent.get(key)
    if value is None or isinstance(value, dict):
        return value
    raise BadPayload(f"{path_of(where, key)}: expected an object, got {_kind(value)}")


def array(parent: dict[str, Any], key: str, where: str) -> list[Any]:
    """The list at ``key``; empty when absent or null."""
    value = parent.get(key)
    if value is None:
        return []
    if isinstance(value, list):
        return value
    raise BadPayload(f"{path_of(where, key)}: expected a list, got {_kind(value)}")


def text(parent: dict[str, Any], key: str, where: str) -> str | None:
    """The string at ``key``; ``None`` when absent, null or blank."""
    value = parent.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise BadPayload(f"{path_of(where, key)}: expected a string, got {_kind(value)}")
    return value if value.strip() else None


def ident(parent: dict[str, Any], key: str, where: str) -> str | None:
    """An id Sentry writes as a string or a number; ``None`` when absent or blank."""
    value = parent.get(key)
    if value is None:
        return None
    if not isinstance(value, str) and (isinstance(value, bool) or not isinstance(value, int)):
        path = path_of(where, key)
        raise BadPayload(f"{path}: expected a string or integer id, got {_kind(value)}")
    found = str(value).strip()
    if len(found) > ID_MAX:
        path = path_of(where, key)
        raise BadPayload(f"{path}: id is {len(found)} characters long; at most {ID_MAX} allowed")
    return found or None


def integer(parent: dict[str, Any], key: str, where: str) -> int | None:
    value = parent.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise BadPayload(f"{path_of(where, key)}: expected an integer, got {_kind(value)}")
    return value


def flag(parent: dict[str, Any], key: str, where: str) -> bool | None:
    value = parent.get(key)
    if value is None or isinstance(value, bool):
        return value
    raise BadPayload(f"{path_of(where, key)}: expected true, false or null, got {_kind(value)}")


def scalar(parent: dict[str, Any], key: str, where: str) -> str | int | float | None:
    """A value shown as-is (Sentry writes ``count`` as a string, ``userCount`` as a number)."""
    value = parent.get(key)
    if value is None or (isinstance(value, str | int | float) and not isinstance(value, bool)):
        return value
    raise BadPayload(f"{path_of(where, key)}: expected a string or number, got {_kind(value)}")
