"""The plugin host: one pluggy manager per app, built by ``load_plugins``.

Plugins are found through the ``soulcaster`` entry-point group and loaded one at a time, so a
plugin that fails to import is listed as broken while the others keep working (the flaw that
simonw/llm#1280 describes). The core's own sources are registered the same way as anyone's.
"""

from __future__ import annotations

import functools
import importlib
import logging
import os
import re
import sys
import traceback
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib.metadata import Distribution, EntryPoint, distribution, entry_points
from typing import Any

import pluggy

from . import hookspecs
from .errors import PluginError
from .handler import SourceConfig, WebhookHandler
from .hookspecs import HOOKSPEC_VERSION
from .models import SLUG_PATTERN, FeedbackItem, IngestResult
from .notifications import HookQueue

log = logging.getLogger(__name__)

GROUP = "soulcaster"
#: The core's own plugins, by name: always loaded, whatever the allow-list says.
DEFAULT_PLUGINS = {"manual": "soulcaster_core.builtin.manual"}


@dataclass
class PluginInfo:
    """One line of ``soulcaster plugins``."""

    name: str
    distribution: str | None = None
    version: str | None = None
    sources: list[str] = field(default_factory=list)
    hooks: list[str] = field(default_factory=list)
    #: The hook spec version the plugin was written for (its ``HOOKSPEC_VERSION``; 1 if unsaid).
    hookspec: int = 1
    error: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "distribution": self.distribution,
            "version": self.version,
            "sources": self.sources,
            "hooks": self.hooks,
            "hookspec": self.hookspec,
            **({"error": self.error} if self.error else {}),
        }


@dataclass
class PluginHost:
    pm: pluggy.PluginManager
    handlers: dict[str, WebhookHandler[Any, Any]] = field(default_factory=dict)
    plugins: dict[str, PluginInfo] = field(default_factory=dict)
    hook_queue: HookQueue = field(init=False)

    def __post_init__(self) -> None:
        self.hook_queue = HookQueue(self.pm)

    @property
    def broken(self) -> list[PluginInfo]:
        return [info for info in self.plugins.values() if info.error]

    def handler(self, source: str) -> WebhookHandler[Any, Any] | None:
        return self.handlers.get(source)

    def notify_ingested(self, item: FeedbackItem, result: IngestResult) -> None:
        """Queue ``feedback_ingested`` for every plugin; it runs after the webhook is answered."""
        self.hook_queue.notify("feedback_ingested", item=item, result=result)


def load_plugins(
    *,
    allow: set[str] | None = None,
    strict: bool = False,
    extra: Iterable[object] = (),
    entrypoints: Iterable[EntryPoint] | None = None,
) -> PluginHost:
    """Build a plugin manager: specs, the core's defaults, entry points, then ``extra`` objects.

    ``allow`` limits which entry points load (``set()`` loads none); ``strict`` turns a broken
    plugin into a ``PluginError`` instead of a listing entry.
    """
    pm = pluggy.PluginManager(GROUP)
    pm.add_hookspecs(hookspecs)
    host = PluginHost(pm)

    core, discovered = _installed()
    for name, dotted in DEFAULT_PLUGINS.items():
        _register(host, importlib.import_module(dotted), name, dist=core, strict=True)

    found = discovered if entrypoints is None else entrypoints
    for ep in sorted(found, key=lambda e: e.name):
        if allow is not None and ep.name not in allow and _dist_name(ep.dist) not in allow:
            continue
        try:
            module = ep.load()
        except Exception as exc:
            _broken(host, ep.name, ep.dist, exc, strict)
            continue
        _register(host, module, ep.name, ep.dist, strict)

    for index, plugin in enumerate(extra):
        name = getattr(plugin, "__name__", None) or f"extra-{index}"
        _register(host, plugin, name, dist=None, strict=True)

    pm.check_pending()
    return host


#: What ``_installed`` found last, and the state of ``sys.path`` it found it in.
_found: tuple[object, tuple[Distribution, tuple[EntryPoint, ...]]] | None = None


def _installed() -> tuple[Distribution, tuple[EntryPoint, ...]]:
    """The core's distribution and the group's entry points, found again only when sys.path
    or one of its folders changed (an install adds a dist-info folder: its parent's mtime
    moves; importlib.metadata keys its own folder listings on the same mtimes). Reading every
    distribution's metadata took half of an app's start-up, and the tests start hundreds of
    apps in one process."""
    global _found
    state = _path_state()
    if _found is None or _found[0] != state:
        _found = (state, (distribution("soulcaster-core"), tuple(entry_points(group=GROUP))))
    return _found[1]


def _path_state() -> object:
    state: list[tuple[str, int]] = []
    for entry in sys.path:
        try:
            state.append((entry, os.stat(entry or ".").st_mtime_ns))
        except OSError:
            state.append((entry, -1))
    return tuple(state)


@functools.cache
def _name_and_version(dist: Distribution) -> tuple[str | None, str | None]:
    # Each parses the METADATA file; a distribution found once is asked once.
    return dist.metadata["Name"], dist.version


def _dist_name(dist: Distribution | None) -> str | None:
    return _name_and_version(dist)[0] if dist is not None else None


def _dist_version(dist: Distribution | None) -> str | None:
    return _name_and_version(dist)[1] if dist is not None else None


def _broken(
    host: PluginHost, name: str, dist: Distribution | None, exc: BaseException, strict: bool
) -> None:
    if strict:
        raise PluginError(f"plugin {name!r} failed to load: {exc!r}") from exc
    log.error("plugin %s is broken and was not loaded:\n%s", name, traceback.format_exc())
    host.plugins[name] = PluginInfo(
        name=name,
        distribution=_dist_name(dist),
        version=_dist_version(dist),
        error=f"{type(exc).__name__}: {exc}",
    )
    if host.pm.has_plugin(name):
        host.pm.unregister(name=name)


def _register(
    host: PluginHost, plugin: object, name: str, dist: Distribution | None, strict: bool
) -> None:
    info = PluginInfo(
        name=name,
        distribution=_dist_name(dist),
        version=_dist_version(dist),
        hookspec=getattr(plugin, "HOOKSPEC_VERSION", 1),
    )
    try:
        if not isinstance(info.hookspec, int) or not 1 <= info.hookspec <= HOOKSPEC_VERSION:
            raise PluginError(
                f"{name} targets hook spec version {info.hookspec!r}; this soulcaster-core "
                f"implements versions 1 to {HOOKSPEC_VERSION}: upgrade soulcaster-core"
            )
        host.pm.register(plugin, name=name)
        host.pm.check_pending()
        info.hooks = sorted(impl.name for impl in host.pm.get_hookcallers(plugin) or [])
        registered: list[type[WebhookHandler[Any, Any]]] = []
        # Through pluggy, as every hook is called, but asking this plugin only.
        others = [p for n, p in host.pm.list_name_plugin() if n != name and p is not None]
        host.pm.subset_hook_caller("register_sources", others)(register=registered.append)
        for handler_cls in registered:
            _check_handler(host, handler_cls, name)
        for handler_cls in registered:
            host.handlers[handler_cls.source] = handler_cls()
            info.sources.append(handler_cls.source)
    except Exception as exc:
        for source in info.sources:
            host.handlers.pop(source, None)
        _broken(host, name, dist, exc, strict)
        return
    host.plugins[name] = info


def _check_handler(host: PluginHost, handler_cls: Any, plugin_name: str) -> None:
    """Validate at start-up what a plugin registers, naming the plugin in the error."""
    if not (isinstance(handler_cls, type) and issubclass(handler_cls, WebhookHandler)):
        raise PluginError(f"{plugin_name} registered {handler_cls!r}, not a WebhookHandler class")
    source = getattr(handler_cls, "source", None)
    if not isinstance(source, str) or not re.fullmatch(SLUG_PATTERN, source):
        raise PluginError(f"{plugin_name}: {handler_cls.__name__}.source must be a lower-case slug")
    if source in host.handlers:
        owner = next(
            (info.name for info in host.plugins.values() if source in info.sources), "another"
        )
        raise PluginError(f"{plugin_name}: source {source!r} is already registered by {owner}")
    if not issubclass(handler_cls.Config, SourceConfig):
        raise PluginError(
            f"{plugin_name}: {handler_cls.__name__}.Config must subclass SourceConfig"
        )
    if (
        handler_cls.to_feedback_item is WebhookHandler.to_feedback_item
        and not handler_cls.maps_many()
    ):
        raise PluginError(
            f"{plugin_name}: {handler_cls.__name__} implements neither to_feedback_item "
            "nor to_feedback_items"
        )
