"""The adapter registry: which store, embedder and vector index a name in the settings means.

A setting names an adapter (``SOULCASTER_STORE=redis``, ``SOULCASTER_EMBEDDER=gemini``,
``SOULCASTER_VECTOR_INDEX=upstash``), and the name is looked up among the entry points of its
port's group. The core's own adapters are registered there exactly as a third party's are
(``pyproject.toml``; docs/adapters.md), so adding one edits no file of the core:

============= ========================== ==========================================
port          entry-point group          the entry point is a factory
============= ========================== ==========================================
store         ``soulcaster.stores``      ``(settings) -> Store``, not yet opened
embedder      ``soulcaster.embedders``   ``(settings) -> Embedder``
vector index  ``soulcaster.indexes``     ``(settings, store) -> VectorIndex``
============= ========================== ==========================================

A factory reads what it needs from the settings and hands its adapter plain arguments, so
``store/`` and ``clustering/`` never see the settings. Only the chosen factory is loaded, and
an adapter's module (and its SDK) is imported only when the factory runs.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib.metadata import EntryPoint, entry_points
from typing import Any

from .errors import PluginError


@dataclass(frozen=True)
class Port:
    #: What the settings call the port (the field, and its environment variable).
    setting: str
    #: The entry-point group its adapters register in.
    group: str
    #: What one adapter is called, in messages.
    noun: str

    @property
    def variable(self) -> str:
        return f"SOULCASTER_{self.setting.upper()}"


STORES = Port("store", "soulcaster.stores", "store")
EMBEDDERS = Port("embedder", "soulcaster.embedders", "embedder")
INDEXES = Port("vector_index", "soulcaster.indexes", "vector index")
PORTS = {port.setting: port for port in (STORES, EMBEDDERS, INDEXES)}


# What is installed does not change while a process runs, and the settings are checked
# against it whenever they are read (every app a test suite builds): scan each group once.
@functools.cache
def installed(group: str) -> dict[str, EntryPoint]:
    """The adapters registered in ``group``, by name; one name twice is an error."""
    found: dict[str, EntryPoint] = {}
    for ep in entry_points(group=group):
        other = found.get(ep.name)
        if other is not None and other.value != ep.value:
            raise PluginError(
                f"two adapters are named {ep.name!r} in the entry-point group {group}: "
                f"{other.value} and {ep.value}; uninstall one"
            )
        found[ep.name] = ep
    return found


def names(port: Port) -> list[str]:
    return sorted(installed(port.group))


def check(port: Port, name: str) -> str:
    """``name`` if an adapter of ``port`` is registered under it; else a ``ValueError`` that
    lists the names that are."""
    if name not in installed(port.group):
        known = ", ".join(names(port)) or "none"
        raise ValueError(
            f"{port.variable}={name!r}: no {port.noun} adapter of that name is installed "
            f"(installed: {known}; adapters register in the entry-point group {port.group}, "
            "docs/adapters.md)"
        )
    return name


def factory(port: Port, name: str) -> Any:
    """The factory registered as ``name``, loaded; a ``PluginError`` names what failed."""
    ep = installed(port.group)[check(port, name)]
    try:
        return ep.load()
    except Exception as exc:
        raise PluginError(
            f"the {port.noun} adapter {name!r} ({ep.value}) failed to load: {exc}"
        ) from exc
