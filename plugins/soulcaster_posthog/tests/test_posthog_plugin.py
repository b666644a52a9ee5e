"""The package is installed as a Soulcaster plugin and honours the handler contract."""

from __future__ import annotations

from importlib.metadata import entry_points

from soulcaster_core.testing import HandlerContract, SoulcasterClient
from soulcaster_posthog import PostHogConfig, PostHogHandler


def test_plugin_is_installed() -> None:
    found = {ep.name: ep.value for ep in entry_points(group="soulcaster")}

    assert found.get("posthog") == "soulcaster_posthog"


def test_the_app_serves_the_posthog_source(soulcaster_client: SoulcasterClient) -> None:
    plugins = soulcaster_client.api.get("/api/plugins")

    assert plugins.status_code == 200, plugins.text
    assert "posthog" in plugins.text


def test_sample_is_a_browser_exception_with_a_replay_link() -> None:
    handler = PostHogHandler()
    request = handler.sample_request(PostHogConfig())
    item = handler.to_feedback_item(handler.parse(request.body), "test")

    assert item.title.startswith("TypeError: Cannot read properties of undefined")
    assert item.links["replay"].endswith(item.metadata["session_id"])
    innermost = "> https://shop.example.com/assets/checkout-8b2e4d.js:1:48876 in calculateTotals"
    assert innermost in item.body


class TestPostHogContract(HandlerContract):
    handler_class = PostHogHandler
