"""Per-project, per-source config: validation, write-only secrets, ``{"$env": NAME}`` references.

Values live in the store one field at a time (``config:{source}:{project}:{field}``). Secrets are
stored as given but never shown: every read masks them.
"""

from __future__ import annotations

import os
import time
from typing import Any

from pydantic import ValidationError

from .errors import BadRequest
from .handler import SourceConfig, WebhookHandler, secret_field_names, surrogate_at
from .outbound import HostRefused, OutboundPolicy, is_outbound_url
from .store import Store

MASK = "**********"
ENABLED = "enabled"
#: Variables a ``{"$env": NAME}`` secret may always name; others must be listed in
#: ``SOULCASTER_SECRET_ENV_ALLOWLIST`` (read, like the variables themselves, from the process
#: environment), so a token holder cannot read e.g. ``SOULCASTER_API_TOKEN`` into a config.
SECRET_ENV_PREFIX = "SOULCASTER_SECRET_"
SECRET_ENV_ALLOWLIST = "SOULCASTER_SECRET_ENV_ALLOWLIST"


class ConfigRefused(BadRequest):
    """A config value that reads well but breaks a rule (a private host, a refused ``$env``)."""

    status_code = 422


def _fields(handler: WebhookHandler[Any, Any]) -> list[str]:
    return list(handler.Config.model_fields)


def _is_env_ref(value: Any) -> bool:
    return isinstance(value, dict) and set(value) == {"$env"}


def env_allowed(variable: str) -> bool:
    """Whether a ``{"$env": variable}`` reference may be read (see ``SECRET_ENV_PREFIX``)."""
    if variable.startswith(SECRET_ENV_PREFIX) and variable != SECRET_ENV_PREFIX:
        return True
    listed = os.environ.get(SECRET_ENV_ALLOWLIST, "")
    return variable in {name.strip() for name in listed.split(",") if name.strip()}


def _resolve_env(values: dict[str, Any]) -> dict[str, Any]:
    """Swap ``{"$env": "NAME"}`` for the variable's value, so secrets can stay out of the store.

    A reference that cannot be read is a config error (the source is refused and its card is
    red), never a secret left unset: that would let every delivery through.
    """
    resolved: dict[str, Any] = {}
    for name, value in values.items():
        if not _is_env_ref(value):
            resolved[name] = value
            continue
        variable = str(value["$env"])
        allowed = env_allowed(variable)
        found = os.environ.get(variable) if allowed else None
        if not found:
            why = (
                "is not set on this server (or is empty)"
                if allowed
                else f"may not be read (see {SECRET_ENV_ALLOWLIST})"
            )
            raise BadRequest(
                f"{name}: the environment variable {variable[:100]!r} it refers to {why}; "
                "the source takes no delivery until it can be read"
            )
        resolved[name] = found
    return resolved


def _check_env_refs(changes: dict[str, Any], secrets: tuple[str, ...]) -> None:
    for name, value in changes.items():
        if not _is_env_ref(value):
            continue
        variable = value["$env"]
        if name not in secrets:
            raise ConfigRefused(
                f'{name}: {{"$env": ...}} references are allowed in secret fields only '
                f"({', '.join(secrets) or 'none here'})"
            )
        if not isinstance(variable, str) or not env_allowed(variable):
            raise ConfigRefused(
                f"{name}: $env may name only variables prefixed {SECRET_ENV_PREFIX} or listed "
                f"in {SECRET_ENV_ALLOWLIST}; {str(variable)[:100]!r} is neither"
            )


async def _check_outbound(
    handler: WebhookHandler[Any, Any], config: dict[str, Any], outbound: OutboundPolicy
) -> None:
    for name, info in handler.Config.model_fields.items():
        value = config.get(name)
        if isinstance(value, str) and is_outbound_url(info.metadata):
            try:
                await outbound.check(value)
            except HostRefused as exc:
                raise ConfigRefused(f"{name}: {exc}") from None


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
    for name in secret_field_names(type(config)):
        secret = getattr(config, name)
        # An empty secret is none: showing the mask would say the source is protected.
        shown[name] = MASK if secret is not None and secret.get_secret_value() else None
    shown[ENABLED] = enabled
    return shown


async def update_config(
    store: Store,
    project_id: str,
    handler: WebhookHandler[Any, Any],
    changes: dict[str, Any],
    outbound: OutboundPolicy | None = None,
) -> dict[str, Any]:
    """Merge ``changes`` into the stored config; a masked secret sent back keeps its value.

    Hosts a sync will reach are checked against ``outbound`` (strict when not given)."""
    unknown = set(changes) - set(_fields(handler)) - {ENABLED}
    if unknown:
        raise BadRequest(
            f"unknown {handler.source} config field(s): {', '.join(sorted(unknown))}; "
            f"known: {', '.join(_fields(handler))}"
        )
    enabled = changes.pop(ENABLED, None)
    if enabled is not None and not isinstance(enabled, bool):
        raise BadRequest("enabled: must be true or false")
    secrets = secret_field_names(handler.Config)
    changes = {k: v for k, v in changes.items() if not (k in secrets and v == MASK)}
    # An empty secret is no secret: stored as unset, so nothing reads it as protection.
    changes = {k: None if k in secrets and v == "" else v for k, v in changes.items()}
    for name, value in changes.items():
        # No lone surrogate anywhere (JSON's "\ud800"): the store writes UTF-8.
        if surrogate_at(value, "") is not None:
            raise BadRequest(f"{name}: text with a lone surrogate is not valid Unicode")
    _check_env_refs(changes, secrets)
    stored = await store.get_config(project_id, handler.source, _fields(handler))
    validated = _validate(handler, {**stored, **changes}).model_dump(mode="json")
    await _check_outbound(
        handler, {k: validated[k] for k in changes if k in validated}, outbound or OutboundPolicy()
    )
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

    def __init__(
        self, store: Store, ttl: float = 2.0, outbound: OutboundPolicy | None = None
    ) -> None:
        self.store = store
        self.ttl = ttl
        #: What plugins may reach: checked on every config change and used by every sync.
        self.outbound = outbound or OutboundPolicy()
        self._entries: dict[tuple[str, str], tuple[float, SourceConfig, bool]] = {}

    def cached(
        self, project_id: str, handler: WebhookHandler[Any, Any]
    ) -> tuple[SourceConfig, bool] | None:
        """What ``read`` would answer from the cache, or ``None`` (then ask ``read``): every
        webhook asks, and most find it here, with no coroutine to run."""
        hit = self._entries.get((project_id, handler.source))
        if hit is not None and hit[0] > time.monotonic():
            return hit[1], hit[2]
        return None

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
            return await update_config(self.store, project_id, handler, changes, self.outbound)
        finally:
            self._entries.pop((project_id, handler.source), None)
