"""Field lookups in a decoded JSON log line, whatever the logger's naming habits.

``Fields.find("error.kind")`` finds ``error.kind``, ``Error.Kind``, Datadog's ``@error.kind``
and the nested ``{"error": {"kind": ...}}`` alike: keys match without regard to case, dotted
names both flat and nested, ``@``-prefixed or not.
"""

from __future__ import annotations

from typing import Any


class Fields:
    """Case-insensitive lookups of plain, ``@``-prefixed, dotted and nested field names."""

    def __init__(self, root: dict[str, Any]) -> None:
        self.root = root
        self._folded: dict[int, dict[str, Any]] = {}

    def find(self, path: str, obj: dict[str, Any] | None = None) -> Any:
        obj = self.root if obj is None else obj
        value = self._get(obj, path)
        if value is not None:
            return value
        parts = path.split(".")
        for cut in range(1, len(parts)):
            inner = self._get(obj, ".".join(parts[:cut]))
            if isinstance(inner, dict):
                value = self.find(".".join(parts[cut:]), inner)
                if value is not None:
                    return value
        return None

    def text(self, paths: tuple[str, ...]) -> str | None:
        for path in paths:
            value = scalar_text(self.find(path))
            if value is not None:
                return value
        return None

    def mentions(self, name: str) -> bool:
        """Whether the line has a field ``name`` or ``name.<something>`` at its top."""
        folded = self._fold(self.root)
        prefix = name + "."
        return any(k.lstrip("@") == name or k.lstrip("@").startswith(prefix) for k in folded)

    def _get(self, obj: dict[str, Any], key: str) -> Any:
        value = obj.get(key)
        if value is None:
            folded = self._fold(obj)
            value = folded.get(key)
            if value is None:
                value = folded.get("@" + key)
        return value

    def _fold(self, obj: dict[str, Any]) -> dict[str, Any]:
        folded = self._folded.get(id(obj))
        if folded is None:
            folded = {}
            for key, value in obj.items():
                if isinstance(key, str):
                    folded.setdefault(key.lower(), value)
            self._folded[id(obj)] = folded
        return folded


def scalar_text(value: Any) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None
