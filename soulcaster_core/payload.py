"""A typed reader of JSON payloads, for plugins: every value comes out as the type asked for.

Senders write the same field as a string, a number or null from one version to the next, and
leave out whatever is optional. ``Payload`` reads each field leniently (a value of the wrong
kind is absent) unless the field is required, and then a ``BadPayload`` names where it is
(``alerts[2].labels: expected an object``), which the sender is answered with (400)::

    event = Payload.from_body(body)                 # BadPayload if it is not a JSON object
    for alert in event.objects("alerts", required=True):
        fingerprint = alert.text("fingerprint", required=True)
        labels = alert.strings("labels")            # {"alertname": "HighLatency", ...}
        starts = alert.time("startsAt")             # aware UTC datetime, or None
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import Any

from .errors import BadPayload
from .handler import parse_json_object
from .timestamps import parse_timestamp

__all__ = ["Payload"]


class Payload(Mapping[str, Any]):
    """A JSON object and where it sits in the body (for error messages); a read-only mapping."""

    __slots__ = ("_data", "where")

    def __init__(self, data: Mapping[str, Any], where: str = "") -> None:
        self._data = data
        self.where = where

    @classmethod
    def from_body(cls, body: bytes) -> Payload:
        """The body as a JSON object (strict parsing, depth-limited: ``parse_json_object``)."""
        return cls(parse_json_object(body))

    # -- the mapping --------------------------------------------------------------------------
    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    # Mapping's own versions go through __getitem__ and an exception: these are per-field hot.
    def __contains__(self, key: object) -> bool:
        return key in self._data

    def get(self, key: str, default: Any = None) -> Any:
        return self._data.get(key, default)

    def __repr__(self) -> str:
        return f"Payload({self._data!r}, where={self.where!r})"

    # -- typed reads --------------------------------------------------------------------------
    def path(self, key: str) -> str:
        """Where ``key`` of this object is, as an error message names it."""
        return f"{self.where}.{key}" if self.where else key

    def text(self, key: str, *, required: bool = False) -> str | None:
        """A non-blank string, stripped (numbers are written out); else ``None``."""
        text = _text(self._data.get(key))
        if text is not None:
            return text
        if required:
            raise BadPayload(f"{self.path(key)}: expected a non-empty string")
        return None

    def number(self, key: str, *, required: bool = False) -> float | None:
        """A finite number, from a number or a numeric string; else ``None``."""
        value = self._data.get(key)
        number: float | None = None
        if isinstance(value, int | float) and not isinstance(value, bool):
            number = float(value)
        elif isinstance(value, str):
            try:
                number = float(value.strip())
            except ValueError:
                number = None
        if number is not None and math.isfinite(number):
            return number
        if required:
            raise BadPayload(f"{self.path(key)}: expected a number")
        return None

    def flag(self, key: str) -> bool | None:
        """``true``/``false``, also written as a string; else ``None``."""
        value = self._data.get(key)
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in ("true", "false"):
            return value.strip().lower() == "true"
        return None

    def time(self, key: str, *, required: bool = False) -> datetime | None:
        """A point in time (epoch seconds or milliseconds, ISO 8601) in UTC; else ``None``."""
        value = parse_timestamp(self._data.get(key))
        if value is None and required:
            raise BadPayload(f"{self.path(key)}: expected a time (ISO 8601 or epoch seconds)")
        return value

    def object(self, key: str, *, required: bool = False) -> Payload | None:
        """A nested object; ``None`` when absent (or, unless required, of another kind)."""
        value = self._data.get(key)
        if isinstance(value, Mapping):
            return Payload(value, self.path(key))
        if required:
            raise BadPayload(f"{self.path(key)}: expected an object")
        return None

    def objects(self, key: str, *, required: bool = False) -> list[Payload]:
        """A list of objects; an element of another kind is a ``BadPayload`` naming it."""
        value = self._data.get(key)
        if not isinstance(value, list):
            if required:
                raise BadPayload(f"{self.path(key)}: expected a list of objects")
            return []
        found: list[Payload] = []
        for index, element in enumerate(value):
            where = f"{self.path(key)}[{index}]"
            if not isinstance(element, Mapping):
                raise BadPayload(f"{where}: expected an object, got {_kind(element)}")
            found.append(Payload(element, where))
        return found

    def strings(self, key: str) -> dict[str, str]:
        """A flat object of texts (labels, tags): its non-blank values, numbers written out."""
        value = self._data.get(key)
        if not isinstance(value, Mapping):
            return {}
        return {name: text for name, item in value.items() if (text := _text(item)) is not None}


def _text(value: Any) -> str | None:
    """What ``Payload.text`` reads: a non-blank string, stripped, or a finite number written out."""
    if type(value) is str:  # by far the most common: first, and without isinstance
        stripped = value.strip()
        return stripped or None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        if isinstance(value, float) and not math.isfinite(value):
            return None
        return str(value)
    return None


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    return {bool: "a boolean", str: "a string", list: "a list"}.get(type(value), "a number")
