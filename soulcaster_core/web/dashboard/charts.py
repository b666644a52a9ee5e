"""Events over time per source, drawn on the server as SVG bars (no script, no library).

The store counts events per hour, so the windows are whole hours: the last 24 hours in hourly
bars, the last 7 days in bars of 6 hours. A bar's ``<title>`` says its time and count.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from ...timestamps import hour_bucket

#: ``?window=``: (label, hours shown, hours per bar).
WINDOWS = {"24h": ("24 h", 24, 1), "7d": ("7 d", 168, 6)}
DEFAULT_WINDOW = "24h"
#: The drawing's own units (the SVG scales to the card's width).
WIDTH, HEIGHT = 600, 48


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    n: int
    label: str


@dataclass(frozen=True)
class Chart:
    source: str
    total: int
    peak: int
    bars: list[Bar]


def window_of(value: str) -> str:
    return value if value in WINDOWS else DEFAULT_WINDOW


def event_charts(
    series: Mapping[str, Mapping[int, int]], sources: list[str], now: datetime, window: str
) -> list[Chart]:
    """One chart per source in ``sources`` (in that order), from ``store.event_series``."""
    _, hours, per_bar = WINDOWS[window]
    last = hour_bucket(now)
    first = last - hours + 1
    slots = hours // per_bar
    return [_chart(source, series.get(source, {}), first, per_bar, slots) for source in sources]


def _chart(source: str, hourly: Mapping[int, int], first: int, per_bar: int, slots: int) -> Chart:
    counts = [0] * slots
    for hour, n in hourly.items():
        slot = (hour - first) // per_bar
        if 0 <= slot < slots:
            counts[slot] += n
    peak = max(counts)
    step = WIDTH / slots
    bars = []
    for slot, n in enumerate(counts):
        start = datetime.fromtimestamp((first + slot * per_bar) * 3600, UTC)
        # An hour with events stays visible however large the peak: at least one unit tall.
        height = 0.0 if not n else max(1.0, (HEIGHT - 2) * n / peak)
        label = f"{start:%a %H:00} UTC{f' +{per_bar} h' if per_bar > 1 else ''}: {n}"
        bars.append(Bar(slot * step + 0.5, HEIGHT - height, step - 1, height, n, label))
    return Chart(source, sum(counts), peak, bars)
