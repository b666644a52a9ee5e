"""Per-project, per-source config: validation, write-only secrets, ``{"$env": NAME}`` references.

Values live in the store one field at a time (``config:{source}:{project}:{field}``). Secrets are
stored as given but never shown: every read masks them.
"""

from __future__ import annotations

import os
import time
from typing import Any

from pydantic import SecretStr, ValidationError

from .errors import BadRequest
from .handler import SourceConfig, WebhookHandler
from .store import Store

MASK = "**********"
ENABLED = "enabled"


def _fields(handler: WebhookHandler[Any, Any]) -> list[str]:
    return list(handler.Config.model_fields)


def secret_fields(config_cls: type[SourceConfig]) -> list[str]:
    return [name for name, info in config_cls.model_fields.items() if _is_secret(info.annotation)]


def _is_secret(annotation: Any) -> bool:
    if annotation is SecretStr:
        return True
    return any(_is_secret(arg) for arg in getattr(annotation, "__args__", ()))


def _is_env_ref(value: Any) -> bool:
    return isinstance(value, dict) and set(value) == {"$env"}


def _resolve_env(values: dict[str, Any]) -> dict[str, Any]:
    """Swap ``{"$env": "NAME"}`` for the variable's value, so secrets can stay out of the store."""
    return {
        name: os.environ.get(str(value["$env"])) if _is_env_ref(value) else value
        for name, value in values.items()
    }


def _validate(handler: WebhookHandler[Any, Any], values: dict[str, Any]) -> SourceConfig:
    try:
        return handler.Config.model_validate(_resolve_env(values))
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'config'}: {err['msg']}"
            for err in exc.errors()
        )
        raise BadRequest(f"invalid {handler.source} config: {problems}") from None


async def read_config(
    store: Store, project_id: str, handler: WebhookHandler[Any, Any]
) -> tuple[SourceConfig, bool]:
    """The validated config and whether the source is enabled, in one read of the store."""
    stored = await store.get_config(project_id, handler.source, [*_fields(handler), ENABLED])
    # Installed means enabled until someone switches it off: a first webhook just works.
    enabled = bool(stored.pop(ENABLED, True))
    return _validate(handler, stored), enabled


async def load_config(
    store: Store, project_id: str, handler: WebhookHandler[Any, Any]
) -> SourceConfig:
    config, _ = await read_config(store, project_id, handler)
    return config


async def show_config(
    store: Store, project_id: str, handler: WebhookHandler[Any, Any]
) -> dict[str, Any]:
    """The config as the API shows it: secrets masked (``None`` when unset), plus ``enabled``."""
    config, enabled = await read_config(store, project_id, handler)
    return masked(config, enabled)


def masked(config: SourceConfig, enabled: bool) -> dict[str, Any]:
    """``config`` as it may be shown: secrets masked (``None`` when unset), plus ``enabled``."""
    shown = config.model_dump(mode="json")
    for name in secret_fields(type(config)):
        shown[name] = MASK if getattr(config, name) is not None else None
    shown[ENABLED] = enabled
    return shown


async def update_config(
    store: Store, project_id: str, handler: WebhookHandler[Any, Any], changes: dict[str, Any]
) -> dict[str, Any]:
    """Merge ``changes`` into the stored config; a masked secret sent back keeps its value."""
    unknown = set(changes) - set(_fields(handler)) - {ENABLED}
    if unknown:
        raise BadRequest(
            f"unknown {handler.source} config field(s): {', '.join(sorted(unknown))}; "
            f"known: {', '.join(_fields(handler))}"
        )
    enabled = changes.pop(ENABLED, None)
    if enabled is not None and not isinstance(enabled, bool):
        raise BadRequest("enabled: must be true or false")
    secrets = secret_fields(handler.Config)
    changes = {k: v for k, v in changes.items() if not (k in secrets and v == MASK)}
    stored = await store.get_config(project_id, handler.source, _fields(handler))
    validated = _validate(handler, {**stored, **changes}).model_dump(mode="json")
    # Store what was given (an "$env" reference stays a reference), normalized where validated.
    to_store: dict[str, Any] = {}
    for name, value in changes.items():
        if value is None or _is_env_ref(value) or name in secrets:
            to_store[name] = value
        else:
            to_store[name] = validated[name]
    if enabled is not None:
        to_store[ENABLED] = enabled
    await store.set_config(project_id, handler.source, to_store)
    return await show_config(store, project_id, handler)


class ConfigCache:
    """Every webhook needs its source's config; keep each for a moment instead of asking each time.

    Changes made through this cache (the config API, the dashboard, a sync saving its cursor)
    are seen at once by this process and within ``ttl`` seconds by other processes.
    """

    def __init__(self, store: Store, ttl: float = 2.0) -> None:
        self.store = store
        self.ttl = ttl
        self._entries: dict[tuple[str, str], tuple[float, SourceConfig, bool]] = {}

    async def read(
        self, project_id: str, handler: WebhookHandler[Any, Any]
    ) -> tuple[SourceConfig, bool]:
        key = (project_id, handler.source)
        now = time.monotonic()
        hit = self._entries.get(key)
        if hit is not None and hit[0] > now:
            return hit[1], hit[2]
        config, enabled = await read_config(self.store, project_id, handler)
        self._entries[key] = (now + self.ttl, config, enabled)
        return config, enabled

    async def update(
        self, project_id: str, handler: WebhookHandler[Any, Any], changes: dict[str, Any]
    ) -> dict[str, Any]:
        self._entries.pop((project_id, handler.source), None)
        try:
            return await update_config(self.store, project_id, handler, changes)
        finally:
            self._entries.pop((project_id, handler.source), None)
