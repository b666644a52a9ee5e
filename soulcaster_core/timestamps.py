"""Reading the many ways senders write a point in time."""

from __future__ import annotations

import math
import re
from datetime import UTC, datetime
from typing import Any

# Epoch values above this are milliseconds: 1e11 seconds is the year 5138,
# 1e11 milliseconds is March 1973.
_MILLIS_THRESHOLD = 1e11
# Splunk's display form (``strftime(_time, "%m/%d/%Y %H:%M:%S")``, its tables' default),
# month first, optionally with milliseconds; read as UTC, as Splunk's API times are.
_SPLUNK_DISPLAY = re.compile(r"^(\d\d)/(\d\d)/(\d{4}) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))?$")


def parse_timestamp(value: Any) -> datetime | None:
    """Epoch seconds or milliseconds (number or string, fraction allowed), ISO 8601, or
    Splunk's ``MM/DD/YYYY HH:MM:SS[.fff]``.

    Returns an aware UTC datetime, or ``None`` for anything else (absent, empty, garbage,
    out of range), so callers fall back to the time the delivery was received.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return _from_epoch(float(value))
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        pass
    else:
        return _from_epoch(number)
    if (shown := _SPLUNK_DISPLAY.match(text)) is not None:
        return _from_display(shown)
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def _from_display(shown: re.Match[str]) -> datetime | None:
    month, day, year, hour, minute, second, fraction = shown.groups()
    try:
        return datetime(
            int(year),
            int(month),
            int(day),
            int(hour),
            int(minute),
            int(second),
            int((fraction or "0").ljust(6, "0")),
            tzinfo=UTC,
        )
    except ValueError:  # 13/45/2024: not a date
        return None


def _from_epoch(number: float) -> datetime | None:
    if not math.isfinite(number) or number < 0:
        return None
    if number >= _MILLIS_THRESHOLD:
        number /= 1000.0
    try:
        return datetime.fromtimestamp(number, UTC)
    except (OverflowError, OSError, ValueError):
        return None


def hour_bucket(at: datetime) -> int:
    """The hour ``at`` falls in, as hours since the epoch (dedup windows, hourly counters)."""
    return int(at.timestamp()) // 3600


#: The length of a slot (``slot_bucket``), the finest counters kept.
SLOT_SECONDS = 300
SLOTS_PER_HOUR = 3600 // SLOT_SECONDS


def slot_bucket(at: datetime) -> int:
    """The 5-minute slot ``at`` falls in, as slots since the epoch (the last hour's counters)."""
    return int(at.timestamp()) // SLOT_SECONDS
