"""The package is installed as a Soulcaster plugin and passes the core's handler contract."""

from __future__ import annotations

from importlib.metadata import entry_points

from soulcaster_core.plugins import load_plugins
from soulcaster_core.testing import HandlerContract
from soulcaster_datadog import DatadogHandler


def test_plugin_is_installed() -> None:
    found = {ep.name: ep.value for ep in entry_points(group="soulcaster")}
    assert found.get("datadog") == "soulcaster_datadog"


def test_plugin_host_registers_the_datadog_source() -> None:
    host = load_plugins(allow={"datadog"}, strict=True)
    assert isinstance(host.handler("datadog"), DatadogHandler)
    assert host.plugins["datadog"].sources == ["datadog"]
    assert host.plugins["datadog"].distribution == "soulcaster-datadog"


class TestDatadogContract(HandlerContract):
    handler_class = DatadogHandler
