"""Storage: the ``Store`` port and its adapters (Redis for production, SQLite embedded).

The adapters take plain arguments; which one runs, and with what, is chosen by name in the
settings and built by ``soulcaster_core.wiring`` (docs/adapters.md).
"""

from __future__ import annotations

from .port import Store

__all__ = ["Store"]
