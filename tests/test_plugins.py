"""The plugin host: entry points, broken plugins, the allow-list, strict mode, listings."""

from __future__ import annotations

import asyncio
import json
import sys
import textwrap
import threading
from pathlib import Path
from typing import Any

import pytest

from soulcaster_core import FeedbackItem, PluginError, WebhookHandler, hookimpl
from soulcaster_core.builtin.manual import ManualHandler
from soulcaster_core.hookspecs import HOOKSPEC_VERSION
from soulcaster_core.plugins import load_plugins
from soulcaster_core.testing import HandlerContract, running_app
from tests.support.cli import RunCli

JIRA_PLUGIN = """
from soulcaster_core import FeedbackItem, SourceConfig, WebhookHandler, hookimpl


class JiraHandler(WebhookHandler):
    source = "jira"
    sample = {"issue": {"key": "OPS-7", "fields": {"summary": "Login page 502s"}}}

    def to_feedback_item(self, event, project_id):
        issue = event["issue"]
        return FeedbackItem(
            project_id=project_id,
            source=self.source,
            external_id=issue["key"],
            title=issue["fields"]["summary"],
        )


@hookimpl
def register_sources(register):
    register(JiraHandler)
"""


def _install(site: Path, dist: str, version: str, module: str, code: str, ep_name: str) -> None:
    """A real installed distribution: a module plus a dist-info with an entry point."""
    (site / f"{module}.py").write_text(textwrap.dedent(code))
    info = site / f"{dist.replace('-', '_')}-{version}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n")
    (info / "entry_points.txt").write_text(f"[soulcaster]\n{ep_name} = {module}\n")


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.syspath_prepend(str(site))
    _install(site, "acme-soulcaster-jira", "0.3.0", "acme_soulcaster_jira", JIRA_PLUGIN, "jira")
    _install(
        site, "soulcaster-broken", "1.0.0", "soulcaster_broken", "import not_a_module\n", "broken"
    )
    yield site
    for name in ("acme_soulcaster_jira", "soulcaster_broken"):
        sys.modules.pop(name, None)


def test_third_party_plugin_ingests_through_a_real_entry_point(site: Path, tmp_path: Path) -> None:
    with running_app(data_dir=tmp_path / "data") as client:
        response = client.post_webhook(
            "jira", {"issue": {"key": "OPS-7", "fields": {"summary": "Login page 502s"}}}
        )
        assert response.status_code == 201, response.text
        [item] = client.items(source="jira")
        assert (item["title"], item["external_id"]) == ("Login page 502s", "OPS-7")


def test_a_plugin_installed_after_a_first_start_is_found_by_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What is installed is looked up once per state of sys.path's folders, not per app: an
    install into a folder already searched is still found by the next start."""
    site = tmp_path / "later"
    site.mkdir()
    monkeypatch.syspath_prepend(str(site))
    assert "jira" not in load_plugins().plugins
    _install(site, "acme-soulcaster-jira", "0.3.0", "acme_soulcaster_jira", JIRA_PLUGIN, "jira")
    try:
        assert load_plugins().plugins["jira"].version == "0.3.0"
    finally:
        sys.modules.pop("acme_soulcaster_jira", None)


def test_a_broken_plugin_is_listed_and_the_others_still_load(site: Path) -> None:
    host = load_plugins()
    assert "jira" in host.handlers and "manual" in host.handlers
    broken = {info.name: info for info in host.broken}
    assert "ModuleNotFoundError" in (broken["broken"].error or "")
    assert broken["broken"].distribution == "soulcaster-broken"


def test_strict_mode_fails_fast_naming_the_plugin(site: Path) -> None:
    with pytest.raises(PluginError, match="broken"):
        load_plugins(strict=True)


def test_allow_list_limits_what_loads(site: Path) -> None:
    only_jira = load_plugins(allow={"jira"})
    assert set(only_jira.handlers) == {"manual", "jira"}, "the core's own sources always load"
    by_distribution = load_plugins(allow={"acme-soulcaster-jira"})
    assert "jira" in by_distribution.handlers
    nothing = load_plugins(allow=set())
    assert set(nothing.handlers) == {"manual"}
    assert nothing.broken == []


def test_a_misspelt_hook_is_an_error_not_silence() -> None:
    class Typo:
        @hookimpl
        def register_source(self, register: Any) -> None:  # missing "s"
            pass

    with pytest.raises(PluginError, match="register_source"):
        load_plugins(allow=set(), extra=[Typo()])


def test_two_plugins_cannot_claim_one_source() -> None:
    class Manual2(WebhookHandler[Any, Any]):
        source = "manual"

        def to_feedback_item(self, event: Any, project_id: str) -> FeedbackItem:
            raise NotImplementedError

    class Clash:
        @hookimpl
        def register_sources(self, register: Any) -> None:
            register(Manual2)

    with pytest.raises(PluginError, match="already registered by manual"):
        load_plugins(allow=set(), extra=[Clash()])


@pytest.mark.parametrize(
    ("registered", "problem"),
    [
        (dict, "not a WebhookHandler"),
        (type("NoSource", (WebhookHandler,), {"to_feedback_item": lambda s, e, p: None}), "slug"),
        (type("NoMapping", (WebhookHandler,), {"source": "nomap"}), "to_feedback_item"),
    ],
)
def test_invalid_registrations_name_the_problem(registered: Any, problem: str) -> None:
    class Bad:
        @hookimpl
        def register_sources(self, register: Any) -> None:
            register(registered)

    with pytest.raises(PluginError, match=problem):
        load_plugins(allow=set(), extra=[Bad()])


def test_feedback_ingested_failures_are_isolated(tmp_path: Path) -> None:
    seen: list[str] = []

    class Exploding:
        @hookimpl
        def feedback_ingested(self, item: FeedbackItem, result: Any) -> None:
            raise RuntimeError("metrics backend down")

    class Recording:
        @hookimpl
        def feedback_ingested(self, item: FeedbackItem, result: Any) -> None:
            seen.append(f"{result.status}:{item.title}")

    with running_app(data_dir=tmp_path, plugins=[Exploding(), Recording()]) as client:
        assert client.post_webhook("manual", {"title": "one"}).status_code == 201
        assert client.post_webhook("manual", {"title": "one"}).status_code == 200
    assert seen == ["created:one", "duplicate:one"]


def test_a_hook_taking_only_some_of_the_arguments_runs(tmp_path: Path) -> None:
    seen: list[str] = []

    class ItemOnly:
        @hookimpl
        def feedback_ingested(self, item: FeedbackItem) -> None:
            seen.append(item.title)

    with running_app(data_dir=tmp_path, plugins=[ItemOnly()]) as client:
        assert client.post_webhook("manual", {"title": "one"}).status_code == 201
    assert seen == ["one"]


def test_async_hooks_run_after_the_answer_and_never_delay_it(tmp_path: Path) -> None:
    released = threading.Event()
    saw_release: list[bool] = []

    class Slow:
        @hookimpl
        async def feedback_ingested(self, item: FeedbackItem) -> None:
            # Waits for the test to have its answer: on the webhook's path it would time out.
            saw_release.append(await asyncio.to_thread(released.wait, 30))

    with running_app(data_dir=tmp_path, plugins=[Slow()]) as client:
        assert client.post_webhook("manual", {"title": "one"}).status_code == 201
        released.set()
    assert saw_release == [True]


def test_a_full_hook_queue_drops_calls_and_keeps_answering(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    released = threading.Event()
    seen: list[str] = []

    class Blocked:
        @hookimpl
        async def feedback_ingested(self, item: FeedbackItem) -> None:
            await asyncio.to_thread(released.wait, 30)
            seen.append(item.title)

    with running_app(data_dir=tmp_path, plugins=[Blocked()], hook_queue_size=1) as client:
        # The first call runs (and waits), the second waits in the queue, the third is dropped.
        for title in ("one", "two", "three"):
            assert client.post_webhook("manual", {"title": title}).status_code == 201
        released.set()
    assert seen == ["one", "two"]
    assert "feedback_ingested dropped" in caplog.text


def test_a_plugin_for_a_newer_hook_spec_is_broken_not_loaded() -> None:
    class FromTheFuture:
        HOOKSPEC_VERSION = HOOKSPEC_VERSION + 1

        @hookimpl
        def feedback_ingested(self, item: FeedbackItem) -> None: ...

    host = load_plugins(allow=set(), extra=[])
    assert host.plugins["manual"].hookspec == HOOKSPEC_VERSION
    with pytest.raises(PluginError, match="upgrade soulcaster-core"):
        load_plugins(allow=set(), extra=[FromTheFuture()])


def test_soulcaster_plugins_lists_names_versions_sources_hooks(site: Path, run_cli: RunCli) -> None:
    listed = json.loads(run_cli(["plugins", "--json"]).out)
    by_name = {row["name"]: row for row in listed}
    assert by_name["jira"]["distribution"] == "acme-soulcaster-jira"
    assert by_name["jira"]["version"] == "0.3.0"
    assert by_name["jira"]["sources"] == ["jira"]
    assert by_name["jira"]["hooks"] == ["register_sources"]
    assert by_name["jira"]["hookspec"] == 1  # it says nothing: written for the first version
    assert "ModuleNotFoundError" in by_name["broken"]["error"]
    text = run_cli(["plugins"]).out
    assert "acme-soulcaster-jira 0.3.0" in text
    assert "targets: hook spec v1" in text
    assert "BROKEN: ModuleNotFoundError" in text


class TestManualContract(HandlerContract):
    handler_class = ManualHandler
