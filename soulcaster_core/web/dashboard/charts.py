"""Bars drawn on the server as SVG (no script, no library): events over time per source on the
home page, and each problem's occurrences (its sparkline) in the problem stream.

The store counts events per hour and, for the last hour, per 5 minutes
(``Store.recent_event_series``); a cluster's occurrences per hour (``Store.cluster_hours``).
So the windows are whole counting units, ending with the current one: the last hour in bars of
5 minutes, the last 24 hours in hourly bars, the last 7 days in bars of 6 hours; a sparkline
shows 24 hourly bars or 14 bars of a day. A bar's ``<title>`` says its time and count.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from ...timestamps import SLOT_SECONDS, hour_bucket, slot_bucket

#: The drawing's own units (the SVG scales to the card's width).
WIDTH, HEIGHT = 600, 48
#: A sparkline's units (drawn small, beside a problem's counts).
SPARK_WIDTH, SPARK_HEIGHT = 112, 24


@dataclass(frozen=True)
class Window:
    """``label``: what the page calls it; ``bars`` of ``units_per_bar`` counting units each,
    a unit being ``unit_seconds`` long (an hour, or a 5-minute slot)."""

    label: str
    bars: int
    units_per_bar: int
    unit_seconds: int = 3600
    #: What one bar covers, as the page says it.
    per: str = "hour"

    @property
    def units(self) -> int:
        return self.bars * self.units_per_bar

    @property
    def in_slots(self) -> bool:
        """Counted per 5-minute slot (the last hour) rather than per hour."""
        return self.unit_seconds == SLOT_SECONDS


#: ``?window=`` of the home page's chart.
WINDOWS = {
    "1h": Window("1 h", 12, 1, SLOT_SECONDS, "5 minutes"),
    "24h": Window("24 h", 24, 1),
    "7d": Window("7 d", 28, 6, per="6 hours"),
}
DEFAULT_WINDOW = "24h"
#: ``?graph=`` of the problem stream: a problem's occurrences over the last day or two weeks.
SPANS = {
    "24h": Window("24 h", 24, 1),
    "14d": Window("14 d", 14, 24, per="day"),
}
DEFAULT_SPAN = "24h"


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


def span_of(value: str) -> str:
    return value if value in SPANS else DEFAULT_SPAN


def last_unit(window: Window, now: datetime) -> int:
    """The counting unit ``now`` falls in (a slot or an hour): the window's last."""
    return slot_bucket(now) if window.in_slots else hour_bucket(now)


def event_charts(
    series: Mapping[str, Mapping[int, int]], sources: list[str], now: datetime, window: str
) -> list[Chart]:
    """One chart per source in ``sources`` (in that order), from ``store.event_series`` (or
    ``store.recent_event_series`` for the last hour)."""
    shape = WINDOWS[window]
    last = last_unit(shape, now)
    return [
        Chart(source, *draw(series.get(source, {}), shape, last, WIDTH, HEIGHT))
        for source in sources
    ]


def sparkline(hourly: Mapping[int, int], span: str, now: datetime) -> Chart:
    """A problem's occurrences over ``span``, from ``store.cluster_hours``."""
    shape = SPANS[span]
    return Chart("", *draw(hourly, shape, hour_bucket(now), SPARK_WIDTH, SPARK_HEIGHT))


def draw(
    counts: Mapping[int, int], shape: Window, last: int, width: int, height: int
) -> tuple[int, int, list[Bar]]:
    """``(total, peak, bars)`` of ``counts`` (by counting unit) in the window ending at
    ``last``, scaled to ``width`` x ``height``."""
    first = last - shape.units + 1
    sums = [0] * shape.bars
    for unit, n in counts.items():
        slot = (unit - first) // shape.units_per_bar
        if 0 <= slot < shape.bars:
            sums[slot] += n
    peak = max(sums)
    step = width / shape.bars
    bars = []
    for slot, n in enumerate(sums):
        if not n:  # drawn as nothing: no label to make (a page draws many sparklines)
            bars.append(Bar(slot * step + 0.5, height, step - 1, 0.0, 0, ""))
            continue
        start = (first + slot * shape.units_per_bar) * shape.unit_seconds
        # A bar with events stays visible however large the peak: at least one unit tall.
        tall = max(1.0, (height - 2) * n / peak)
        label = _label(datetime.fromtimestamp(start, UTC), shape, n)
        bars.append(Bar(slot * step + 0.5, height - tall, step - 1, tall, n, label))
    return sum(sums), peak, bars


def _label(start: datetime, shape: Window, n: int) -> str:
    if shape.in_slots:
        return f"{start:%H:%M} UTC +5 min: {n}"
    if shape.units_per_bar >= 24:
        return f"{start:%a %d %b %H:00} UTC +24 h: {n}"
    more = f" +{shape.units_per_bar} h" if shape.units_per_bar > 1 else ""
    return f"{start:%a %H:00} UTC{more}: {n}"
