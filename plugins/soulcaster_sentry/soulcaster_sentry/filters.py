"""Which deliveries become items: resources and actions we read, then levels and environments."""

from __future__ import annotations

from .config import SentryConfig
from .mapping import event_environment, event_level
from .payload import DATA_KEYS, INGESTED_ACTIONS, SentryEvent

# Issues span environments (Sentry sends none with them), and a metric alert rule without
# one watches them all: the environment filter only holds back what names an environment.
_EVENT_RESOURCES = ("error", "event_alert")


def rejection_reason(event: SentryEvent, config: SentryConfig) -> str | None:
    """``None`` to ingest the delivery, or why it is ignored (answered 200, never retried)."""
    if event.resource not in DATA_KEYS:
        what = "an unknown" if event.resource == "unknown" else f"the {event.resource}"
        return f"Sentry webhook of {what} resource is not ingested; only {', '.join(DATA_KEYS)} are"
    if not event.is_ingested:
        actions = ", ".join(INGESTED_ACTIONS[event.resource])
        return (
            f"Sentry {event.resource} action {event.action!r} is not ingested; only {actions} are"
        )
    level = event_level(event)
    if level is not None and config.levels and level not in config.levels:
        return f"level {level!r} is not one of the configured levels: {', '.join(config.levels)}"
    if config.environments:
        return _environment_reason(event, config.environments)
    return None


def _environment_reason(event: SentryEvent, allowed: list[str]) -> str | None:
    environment = event_environment(event)
    listed = ", ".join(allowed)
    if environment is None:
        if event.resource in _EVENT_RESOURCES:
            return f"the event names no environment; only these are ingested: {listed}"
        return None
    if environment.casefold() not in {name.casefold() for name in allowed}:
        return f"environment {environment!r} is not one of the configured environments: {listed}"
    return None
