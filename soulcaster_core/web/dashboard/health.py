"""The health of one integration: a state decided by what happened last, with its reason.

One rule, in one place, so the dashboard, the settings page and ``/api/stats`` never disagree.
The state says whether the source works *now*; what went wrong earlier is history, told beside
it ("3 refused (401) in 24 h, last 2 h ago") but never the colour:

- ``disabled`` (grey): switched off, deliveries are answered 'ignored';
- ``not_set_up`` (amber): no secret is set in a closed project, so every delivery is refused;
- ``failing`` (red): the stored config no longer validates, or the source's latest delivery was
  refused (401), unreadable (400) or rate limited (429), or its latest sync failed;
- ``open`` (amber): no secret is set and the project takes unauthenticated deliveries, so anyone
  who knows the URL can post to it;
- ``healthy`` (green): the latest delivery and sync went through (or nothing arrived yet).

Deliveries and syncs are judged apart: a good webhook does not excuse a sync that fails.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from .templates import ago

State = Literal["healthy", "failing", "not_set_up", "disabled", "open"]
Colour = Literal["green", "amber", "red", "off"]

COLOURS: dict[State, Colour] = {
    "healthy": "green",
    "failing": "red",
    "not_set_up": "amber",
    "disabled": "off",
    "open": "amber",
}
#: What each kind of failure is called where people read it.
FAILURES = {
    "unauthorized": "refused (401)",
    "bad_payload": "unreadable (400)",
    "rate_limited": "rate limited (429)",
    "sync_error": "failed sync",
}
#: The event kinds of each channel: its good outcomes, then its failures.
CHANNELS = (
    (
        ("created", "duplicate", "updated", "ignored"),
        ("unauthorized", "bad_payload", "rate_limited"),
    ),
    (("sync",), ("sync_error",)),
)
RATE_LIMIT_HINT = "raise SOULCASTER_RATE_LIMIT_PER_SECOND if this sender is expected"


@dataclass(frozen=True)
class Health:
    state: State
    #: Why the source is in this state, in one line (shown after the state's name).
    reason: str
    #: Failures of the last 24 h, whatever the state: "3 refused (401) in 24 h, last 2 h ago".
    history: str | None = None
    #: The latest failure of any kind: ``{"at", "kind", "detail"}``.
    last_error: dict[str, Any] | None = None

    @property
    def colour(self) -> Colour:
        return COLOURS[self.state]


def integration_health(
    stats: Mapping[str, Any] | None,
    *,
    enabled: bool = True,
    accepts_unsigned: bool = False,
    not_set_up: bool = False,
    config_error: str | None = None,
    now: datetime | None = None,
) -> Health:
    """Judge one source from its ``project_stats(...)["sources"][source]`` entry.

    ``accepts_unsigned``: no secret is set and the project allows unauthenticated ingestion.
    ``not_set_up``: no secret is set in a closed project. ``config_error``: why the stored
    config does not validate (every delivery would be refused).
    """
    stats = stats or {}
    last: Mapping[str, Mapping[str, Any]] = stats.get("last") or {}
    error = last_error(last)
    history = failure_history(stats.get("counts_24h") or {}, last, now)

    def health(state: State, reason: str) -> Health:
        return Health(state, reason, history, error)

    if not enabled:
        return health("disabled", "deliveries are answered 'ignored' and not stored")
    if config_error:
        return health("failing", f"the stored config is invalid: {config_error}")
    if not_set_up:
        return health("not_set_up", "no secret is set, so deliveries are refused (401)")
    failed = _latest_failure(last)
    if failed is not None:
        kind, event = failed
        detail = event.get("detail") or "no detail recorded"
        reason = "last sync failed" if kind == "sync_error" else f"last delivery {FAILURES[kind]}"
        hint = f"; {RATE_LIMIT_HINT}" if kind == "rate_limited" else ""
        return health("failing", f"{reason} {ago(event.get('at'), now)}: {detail}{hint}")
    if accepts_unsigned:
        return health("open", "no secret is set and the project is open: anyone may post")
    if stats.get("events_24h"):
        return health("healthy", "events arriving and accepted")
    ignored = (stats.get("counts_24h") or {}).get("ignored", 0)
    if ignored:
        return health("healthy", f"quiet: {ignored} event(s) in 24 h, all ignored by filters")
    if "sync" in last:
        synced = ago(last["sync"].get("at"), now)
        return health("healthy", f"syncing: no new events in 24 h (last sync {synced})")
    return health("healthy", "quiet: no events in the last 24 h")


def last_error(last: Mapping[str, Mapping[str, Any]]) -> dict[str, Any] | None:
    """The latest failure of any kind, as ``/api/stats`` shows it."""
    found = [(str(last[k].get("at")), k) for k in FAILURES if last.get(k) and last[k].get("at")]
    if not found:
        return None
    at, kind = max(found)
    return {"at": at, "kind": kind, "detail": last[kind].get("detail")}


def failure_history(
    counts: Mapping[str, int], last: Mapping[str, Mapping[str, Any]], now: datetime | None = None
) -> str | None:
    parts = []
    for kind, label in FAILURES.items():
        n = counts.get(kind, 0)
        if n:
            when = (last.get(kind) or {}).get("at")
            parts.append(f"{n} {label} in 24 h" + (f", last {ago(when, now)}" if when else ""))
    return "; ".join(parts) or None


def _latest_failure(
    last: Mapping[str, Mapping[str, Any]],
) -> tuple[str, Mapping[str, Any]] | None:
    """The failure that is its channel's latest event, if one is; the most recent of those."""
    failing = []
    for good, bad in CHANNELS:
        events = [(str(last[k]["at"]), k) for k in (*good, *bad) if last.get(k, {}).get("at")]
        if events:
            # Timestamps are fixed-width UTC ISO strings (store.port.iso): they sort in time order.
            at, kind = max(events)
            if kind in bad:
                failing.append((at, kind))
    if not failing:
        return None
    _, kind = max(failing)
    return kind, last[kind]
