"""Lenient readers for optional values: PostHog properties are free-form, so a detail of the
wrong type is dropped rather than rejecting the whole event."""

from __future__ import annotations

from typing import Any


def as_text(value: Any) -> str | None:
    """A non-blank string (numbers written out); ``None`` for anything else."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def as_int(value: Any) -> int | None:
    """A non-negative whole number, from a number or a string of digits."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, float) and value.is_integer() and value >= 0:
        return int(value)
    # Ten digits is plenty for a line number and keeps int() away from its size limit.
    if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) <= 10:
        return int(value.strip())
    return None
