"""Installed as a plugin, written against the public SDK only, and passing the contract kit."""

from __future__ import annotations

import ast
from importlib.metadata import entry_points
from pathlib import Path

from soulcaster_alertmanager import AlertmanagerHandler

from soulcaster_core.plugins import load_plugins
from soulcaster_core.testing import HandlerContract

PACKAGE = Path(__file__).parent.parent / "soulcaster_alertmanager"


def test_plugin_is_installed() -> None:
    found = {ep.name: ep.value for ep in entry_points(group="soulcaster")}
    assert found.get("alertmanager") == "soulcaster_alertmanager"


def test_plugin_host_registers_the_source() -> None:
    host = load_plugins(allow={"alertmanager"}, strict=True)
    assert isinstance(host.handler("alertmanager"), AlertmanagerHandler)
    info = host.plugins["alertmanager"]
    assert (info.sources, info.distribution, info.hookspec) == (
        ["alertmanager"],
        "soulcaster-alertmanager",
        2,
    )


def test_it_imports_the_core_only_through_its_public_sdk() -> None:
    for module in PACKAGE.glob("*.py"):
        for node in ast.walk(ast.parse(module.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert not node.module.startswith("soulcaster_core."), (module.name, node.module)
                assert not node.module.startswith("starlette"), (module.name, node.module)


class TestAlertmanagerContract(HandlerContract):
    handler_class = AlertmanagerHandler
