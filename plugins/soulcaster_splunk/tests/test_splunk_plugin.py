"""The package is a Soulcaster plugin: installed under the entry point, and meets the contract."""

from __future__ import annotations

from importlib.metadata import entry_points

from soulcaster_core.testing import HandlerContract
from soulcaster_splunk import SplunkHandler


def test_plugin_is_installed() -> None:
    found = {ep.name: ep.value for ep in entry_points(group="soulcaster")}

    assert found.get("splunk") == "soulcaster_splunk"


class TestSplunkContract(HandlerContract):
    handler_class = SplunkHandler
