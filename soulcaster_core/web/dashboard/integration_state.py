"""What the dashboard knows about one source in one project: config, switch, health."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from starlette.datastructures import Headers

from ...configs import masked, read_config, secret_fields
from ...errors import BadRequest
from ...handler import SourceConfig, WebhookHandler, WebhookRequest
from ...services import Services
from .health import Health, integration_health


@dataclass
class IntegrationState:
    source: str
    handler: WebhookHandler[Any, Any] | None
    enabled: bool
    health: Health
    #: ``project_stats(...)["sources"][source]``.
    stats: Mapping[str, Any] = field(default_factory=dict)
    #: The config as ``show_config`` shows it (secrets masked).
    shown: dict[str, Any] = field(default_factory=dict)
    #: Why the stored config does not validate any more (e.g. after a plugin upgrade).
    config_error: str | None = None
    accepts_unsigned: bool = False


def accepts_unsigned(handler: WebhookHandler[Any, Any], config: SourceConfig) -> bool:
    """Whether a source that can check a secret lets a request without credentials through.

    The handler's own ``authenticate`` answers, so no vendor's rules live in the core.
    """
    if not secret_fields(handler.Config):
        return False
    bare = WebhookRequest(body=b"{}", headers=Headers({"content-type": "application/json"}))
    try:
        handler.authenticate(bare, config)
    except Exception:
        return False
    return True


async def integration_state(
    services: Services,
    project_id: str,
    source: str,
    stats: Mapping[str, Any] | None,
) -> IntegrationState:
    stats = stats or {}
    handler = services.plugins.handler(source)
    if handler is None:  # history of a source whose plugin is no longer installed
        return IntegrationState(source, None, True, integration_health(stats), stats)
    try:
        config, enabled = await read_config(services.store, project_id, handler)
        shown = masked(config, enabled)
    except BadRequest as exc:
        # A stored config that no longer validates would refuse every delivery: say so in red.
        health = Health("red", exc.detail)
        return IntegrationState(source, handler, True, health, stats, config_error=exc.detail)
    unsigned = accepts_unsigned(handler, config)
    health = integration_health(stats, enabled=enabled, accepts_unsigned=unsigned)
    return IntegrationState(source, handler, enabled, health, stats, shown, None, unsigned)
