"""What the dashboard knows about one source in one project: config, switch, health."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ...configs import masked, read_config
from ...errors import BadRequest
from ...handler import WebhookHandler
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
    #: No secret is set and the project allows unauthenticated ingestion: anyone may post.
    accepts_unsigned: bool = False
    #: No secret is set in a closed project: every delivery is refused (401) until one is.
    not_set_up: bool = False


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
        health = integration_health(stats, config_error=exc.detail)
        return IntegrationState(source, handler, True, health, stats, config_error=exc.detail)
    bare = not handler.has_credentials(config)
    project = await services.project(project_id)
    is_open = project is not None and project.allow_unauthenticated
    unsigned, not_set_up = bare and is_open, bare and not is_open
    health = integration_health(
        stats, enabled=enabled, accepts_unsigned=unsigned, not_set_up=not_set_up
    )
    return IntegrationState(
        source, handler, enabled, health, stats, shown, None, unsigned, not_set_up
    )


async def source_states(
    services: Services, project_id: str, stats: Mapping[str, Any]
) -> list[IntegrationState]:
    """The state of every source of ``project_stats(...)``, in its order."""
    return [
        await integration_state(services, project_id, source, entry)
        for source, entry in stats["sources"].items()
    ]
