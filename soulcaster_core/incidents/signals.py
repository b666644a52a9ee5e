"""Which items can start or join an incident: alerts and errors, not heartbeats, info events,
deploy notices or recoveries. Decided from ``level``, the item's state and, where the sender
gave no level, whether it carries an exception or says it failed."""

from __future__ import annotations

import re
from typing import Literal

from ..models import FeedbackItem

#: ``signal``: an alert or an error; ``recovery``: an alert that recovered or an issue resolved;
#: ``quiet``: anything else (info, heartbeat, deploy notice, a product event).
SignalKind = Literal["signal", "recovery", "quiet"]

_ALERT_LEVELS = frozenset(
    {
        "fatal",
        "critical",
        "crit",
        "emergency",
        "emerg",
        "alert",
        "error",
        "err",
        "severe",
        "high",
        "warning",
        "warn",
    }
)
_QUIET_LEVELS = frozenset(
    {"info", "informational", "notice", "debug", "trace", "log", "ok", "success", "low"}
)
#: States of an alert or issue that say it is over.
RECOVERED_STATES = frozenset({"recovered", "resolved", "ok", "success", "closed", "ignored"})
# Without a level, an item is an alert when it says something failed, unless it is one of the
# routine notices that mention such words ("deploy finished, 0 errors").
_FAILING = re.compile(
    r"\b(error|errors|fail\w*|exception|timeout|timed out|unavailable|refused|crash\w*|panic"
    r"|outage|down|5\d\d|5xx|latency|denied|rejected|unhealthy|degraded"
    # Kubernetes' warning events: a container killed (OOMKilled), a Job out of retries
    # (BackoffLimitExceeded), a pod evicted or crash-looping.
    r"|killed|oomkilled|backoff\w*|evicted|crashloop\w*)\b",
    re.IGNORECASE,
)
_ROUTINE = re.compile(
    r"\b(heartbeat|deploy\w*|released?|rollout|check-?in|started|restarted|scaled)\b",
    re.IGNORECASE,
)


#: The two lowest of the P1-P5 priorities (Datadog's monitors, Opsgenie, PagerDuty): P4
#: "low" and P5 "info", where a team files what needs nobody now (a deploy notice, a 4xx
#: spike, a flapping host check).
_LOW_PRIORITIES = frozenset({"p4", "p5"})
# Datadog puts a monitor's priority before its title (``[P4] [Triggered on {host:web-1}] ...``),
# also where a webhook template of a team's own sends the title and not the priority.
_TITLE_PRIORITY = re.compile(r"^\s*\[(P[1-5])\]", re.IGNORECASE)
# Browser errors that say nothing of a failure: a cross-origin script's error, which the
# browser reduces to "Script error." (Sentry's inbound filters drop it by default), and the
# ResizeObserver notice every layout library triggers.
_NOISE = re.compile(r"^(?:\w+: )?(?:Script error\.?$|ResizeObserver loop)", re.IGNORECASE)
# A browser extension's code running in the page (Sentry's inbound filter for extensions reads
# the same): ``chrome-extension://``, ``moz-extension://``, ``safari-web-extension://`` frames.
_EXTENSION = re.compile(r"\b[a-z]+(?:-web)?-extension://")


def priority_of(item: FeedbackItem) -> str | None:
    """The priority its sender gave the alert (``P1``...``P5``), lower case."""
    priority = item.metadata.get("alert_priority")
    if isinstance(priority, str) and priority.strip():
        return priority.strip().lower()
    match = _TITLE_PRIORITY.match(item.title)
    return match[1].lower() if match else None


def state_of(item: FeedbackItem) -> str | None:
    """The item's alert or issue state (``triggered``, ``recovered``, ``unresolved``...)."""
    status = item.metadata.get("status")
    return status.strip().lower() if isinstance(status, str) and status.strip() else None


def is_recovered(item: FeedbackItem) -> bool:
    return state_of(item) in RECOVERED_STATES


def _extension(item: FeedbackItem) -> bool:
    """Whether the error was thrown in a browser extension's code, not the app's."""
    return any(
        frame.filename and _EXTENSION.search(frame.filename)
        for error in item.exceptions
        for frame in error.frames
    )


def signal_kind(item: FeedbackItem) -> SignalKind:
    if is_recovered(item):
        return "recovery"
    if priority_of(item) in _LOW_PRIORITIES or _NOISE.match(item.title) or _extension(item):
        return "quiet"
    level = (item.level or "").strip().lower()
    if level in _ALERT_LEVELS:
        return "signal"
    if level in _QUIET_LEVELS:
        return "quiet"
    if any(error.type for error in item.exceptions):
        return "signal"
    # A log row's line, kept as an error without a type (what the row says, not an exception
    # raised): a routine notice unless it says something failed ("Deployment ... COMPLETED",
    # "Scaled up replica set", "Release v412 created", "clock wrong ..., adjustment started").
    if said := " ".join(error.value for error in item.exceptions if error.value):
        return "quiet" if _ROUTINE.search(said) and not _FAILING.search(said) else "signal"
    if _ROUTINE.search(item.title):
        return "quiet"
    return "signal" if _FAILING.search(item.title) else "quiet"
