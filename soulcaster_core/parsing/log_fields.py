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
        # The first name of every top-level field ("error" of "@error.kind"): what a line
        # mentions, known once rather than searched for at every question.
        self._heads = frozenset(key.partition(".")[0] for key in self._fold(root))

    def find(self, path: str, obj: dict[str, Any] | None = None) -> Any:
        """The value at ``path`` (``"error.kind"``), or None."""
        obj = self.root if obj is None else obj
        value = obj.get(path)
        if value is None:
            value = self._fold(obj).get(path)
        if value is not None or "." not in path:
            return value
        parts = path.split(".")
        for cut in range(1, len(parts)):
            inner = self._fold(obj).get(".".join(parts[:cut]))
            if isinstance(inner, dict):
                value = self.find(".".join(parts[cut:]), inner)
                if value is not None:
                    return value
        return None

    def text(self, paths: tuple[str, ...]) -> str | None:
        """The first of ``paths`` that holds a string or a number, as text."""
        for path in paths:
            value = scalar_text(self.find(path))
            if value is not None:
                return value
        return None

    def mentions(self, name: str) -> bool:
        """Whether the line has a field ``name`` or ``name.<something>`` at its top."""
        return name in self._heads

    def _fold(self, obj: dict[str, Any]) -> dict[str, Any]:
        """``obj`` by lower-cased key, ``@``-prefixed keys also without their ``@``; a plain
        key wins over the same key with ``@``."""
        folded = self._folded.get(id(obj))
        if folded is None:
            folded = {}
            for key, value in obj.items():
                if isinstance(key, str):
                    folded.setdefault(key.lower(), value)
            for key, value in list(folded.items()):
                if key.startswith("@"):
                    folded.setdefault(key[1:], value)
            self._folded[id(obj)] = folded
        return folded


def scalar_text(value: Any) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None
