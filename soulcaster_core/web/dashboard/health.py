"""The health colour of one integration, from its 24 h statistics and its config.

One rule, in one place, so the dashboard and the settings page never disagree:

- red: in the last 24 h the source refused requests (401) or could not read them (400), or
  its last sync failed (and no sync has succeeded since), or it has no secret set in a project
  that allows unauthenticated ingestion, so anyone who knows the URL can post to it;
- amber: no events in 24 h (configured but quiet), or no secret is set in a closed project,
  so every delivery is refused until one is;
- green: events arriving and accepted.

A disabled integration is grey ("off"): it is neither healthy nor failing, it is switched off.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

Colour = Literal["green", "amber", "red", "off"]


@dataclass(frozen=True)
class Health:
    colour: Colour
    #: What the user should know, in one line (shown next to the dot).
    reason: str


def integration_health(
    stats: Mapping[str, Any] | None,
    *,
    enabled: bool = True,
    accepts_unsigned: bool = False,
    not_set_up: bool = False,
) -> Health:
    """Colour one source from its ``project_stats(...)["sources"][source]`` entry.

    ``accepts_unsigned``: no secret is set and the project allows unauthenticated ingestion,
    so a request without any credentials goes through. ``not_set_up``: no secret is set in a
    closed project, so every delivery is refused.
    """
    if not enabled:
        return Health("off", "disabled: deliveries are answered 'ignored'")
    stats = stats or {}
    counts: Mapping[str, int] = stats.get("counts_24h") or {}
    refused = counts.get("unauthorized", 0)
    unreadable = counts.get("bad_payload", 0)
    if refused or unreadable:
        parts = []
        if refused:
            parts.append(f"{refused} refused (401)")
        if unreadable:
            parts.append(f"{unreadable} unreadable (400)")
        return Health("red", f"{' and '.join(parts)} in the last 24 h")
    if _sync_failing(stats):
        detail = (stats.get("last_sync_error") or {}).get("detail") or "no detail"
        return Health("red", f"last sync failed: {detail}")
    if accepts_unsigned:
        return Health(
            "red", "accepting unauthenticated requests: no secret is set and the project is open"
        )
    if not_set_up:
        return Health("amber", "not set up: no secret is set, so deliveries are refused (401)")
    limited = counts.get("rate_limited", 0)
    if limited:
        return Health(
            "amber",
            f"{limited} deliveries refused by the rate limit (429) in the last 24 h: "
            "raise SOULCASTER_RATE_LIMIT_PER_SECOND if this sender is expected",
        )
    if not stats.get("events_24h"):
        ignored = counts.get("ignored", 0)
        if ignored:
            return Health("amber", f"quiet: {ignored} event(s) in 24 h, all ignored by filters")
        return Health("amber", "quiet: no events in the last 24 h")
    return Health("green", "events arriving and accepted")


def _sync_failing(stats: Mapping[str, Any]) -> bool:
    error = stats.get("last_sync_error")
    if not error or not error.get("at"):
        return False
    last_ok = stats.get("last_sync_at")
    # Timestamps are fixed-width UTC ISO strings (store.base.iso), so they compare in time order.
    return last_ok is None or str(error["at"]) > str(last_ok)
