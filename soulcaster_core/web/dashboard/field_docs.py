"""Help text for config fields: ``Field(description=...)``, else the ``#:`` comment above it.

Plugin authors document config fields with ``#:`` comments (the Sphinx convention); pydantic
does not keep those, so the settings page reads them from the class source, once per class.
"""

from __future__ import annotations

import inspect
import re
import textwrap
from functools import lru_cache

from pydantic import BaseModel

_FIELD_LINE = re.compile(r"^([A-Za-z_]\w*)\s*:")


@lru_cache(maxsize=256)
def field_docs(model: type[BaseModel]) -> dict[str, str]:
    """``{field: help text}`` for the fields of ``model`` that have any."""
    docs: dict[str, str] = {}
    # Base classes first, so a subclass's comment on a re-declared field wins.
    for cls in reversed(model.__mro__):
        if isinstance(cls, type) and issubclass(cls, BaseModel) and cls is not BaseModel:
            docs.update(_comment_docs(cls))
    for name, info in model.model_fields.items():
        if info.description:
            docs[name] = info.description
    return {name: text for name, text in docs.items() if name in model.model_fields}


def _comment_docs(cls: type) -> dict[str, str]:
    try:
        source = textwrap.dedent(inspect.getsource(cls))
    except (OSError, TypeError):  # built in a REPL, or from a zip without sources
        return {}
    docs: dict[str, str] = {}
    pending: list[str] = []
    for line in source.splitlines():
        stripped = line.strip()
        if stripped.startswith("#:"):
            pending.append(stripped[2:].strip())
            continue
        match = _FIELD_LINE.match(stripped)
        if match and pending:
            docs[match.group(1)] = " ".join(pending)
        pending = []
    return docs
