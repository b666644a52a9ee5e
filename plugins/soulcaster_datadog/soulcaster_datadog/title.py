"""Datadog's event titles: ``[P1] [Triggered on {service:a,env:prod}] Checkout error rate``.

The prefix says what happened and to which group; the rest names the monitor. Only this plugin
knows the syntax: the item keeps the whole title, and ``monitor_name`` gives the rest of it.
"""

from __future__ import annotations

import re

# The default template has no transition field, so the title may be the only place that says
# what happened, and to which group of a multi-alert monitor.
_PREFIX = re.compile(
    r"^\s*(?:\[P[1-5]\]\s*)?"
    r"\[(?P<transition>Re-Triggered|Triggered|Re-Warn|Warn|Re-No Data|No Data|Recovered|Renotify)"
    r"(?:\s+on\s+(?P<scope>[^\]]*))?\]\s*",
    re.IGNORECASE,
)


def title_transition(title: str) -> str | None:
    """``Triggered``, ``Recovered``... as the title's prefix spells it, or None."""
    match = _PREFIX.match(title)
    return match["transition"] if match else None


def title_scope(title: str) -> str | None:
    """``service:a,env:prod`` from ``[Triggered on {service:a,env:prod}]``, or None."""
    match = _PREFIX.match(title)
    if match is None or not match["scope"]:
        return None
    return match["scope"].strip().strip("{}").strip() or None


def monitor_name(title: str) -> str:
    """The title without its ``[P1] [Triggered on {...}]`` prefix."""
    match = _PREFIX.match(title)
    return title[match.end() :].strip() if match else title.strip()


def title_identity(title: str) -> str:
    """What stays the same across one alert's notifications: its group and monitor name.

    ``[P1] [Triggered on {host:a}] X`` and ``[Recovered on {host:a}] X`` are the same alert.
    """
    match = _PREFIX.match(title)
    if match is None:
        return title.strip()
    return f"{match['scope'] or ''}|{title[match.end() :].strip()}"
