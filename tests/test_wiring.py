"""The composition root: adapters chosen by name, a third party's registered by entry point."""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import ValidationError

from soulcaster_core import adapters
from soulcaster_core.clustering.embedders.gemini import GeminiEmbedder
from soulcaster_core.clustering.embedders.local import LocalEmbedder
from soulcaster_core.clustering.indexes.local import LocalIndex
from soulcaster_core.clustering.indexes.upstash import UpstashIndex
from soulcaster_core.errors import PluginError, SettingsError
from soulcaster_core.models import FeedbackItem, utcnow
from soulcaster_core.settings import Settings
from soulcaster_core.store.redis import RedisStore
from soulcaster_core.store.sqlite import SQLiteStore
from soulcaster_core.testing import test_redis_url as redis_url
from soulcaster_core.wiring import build_embedder, build_index, build_store, open_services
from soulcaster_core.worker import ClusterWorker
from tests.support.cli import RunCli


def test_the_core_registers_its_own_adapters_by_entry_point() -> None:
    assert adapters.names(adapters.STORES) == ["redis", "sqlite"]
    assert adapters.names(adapters.EMBEDDERS) == ["gemini", "local"]
    assert adapters.names(adapters.INDEXES) == ["local", "upstash"]


def test_the_defaults_are_the_embedded_ones(tmp_path: Path) -> None:
    settings = Settings(api_token="t", data_dir=tmp_path, embedding_dimensions=128)
    store = build_store(settings)
    assert isinstance(store, SQLiteStore) and store.path == settings.sqlite_path
    assert store.embedded
    embedder = build_embedder(settings)
    assert isinstance(embedder, LocalEmbedder) and embedder.dimensions == 128
    assert isinstance(build_index(settings, store), LocalIndex)


def test_a_redis_url_alone_selects_redis_and_its_settings_reach_the_store() -> None:
    settings = Settings(api_token="t", redis_url=redis_url(), redis_prefix="p:")
    assert settings.store_name == "redis"
    store = build_store(settings)
    assert isinstance(store, RedisStore) and store.prefix == "p:" and not store.embedded


def test_the_remote_adapters_are_built_with_their_credentials(tmp_path: Path) -> None:
    remote = Settings(
        api_token="t",
        embedder="gemini",
        gemini_api_key="k",
        vector_index="upstash",
        upstash_vector_rest_url="https://example-vector.upstash.io",
        upstash_vector_rest_token="tok",
    )
    assert isinstance(build_embedder(remote), GeminiEmbedder)
    assert isinstance(build_index(remote, SQLiteStore(tmp_path / "s.sqlite3")), UpstashIndex)


@pytest.mark.parametrize(
    ("settings", "missing"),
    [
        ({"embedder": "gemini"}, "GEMINI_API_KEY"),
        ({"vector_index": "upstash"}, "UPSTASH_VECTOR_REST_URL"),
        ({"store": "redis"}, "SOULCASTER_REDIS_URL"),
    ],
)
def test_an_adapter_without_its_credentials_says_which_to_set(
    settings: dict[str, str], missing: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("GEMINI_API_KEY", "GOOGLE_API_KEY", "UPSTASH_VECTOR_REST_URL"):
        monkeypatch.delenv(name, raising=False)
    chosen = Settings(api_token="t", **settings)
    with pytest.raises(SettingsError, match=missing):
        build_store(chosen)
        build_index(chosen, SQLiteStore(tmp_path / "s.sqlite3"))
        build_embedder(chosen)


@pytest.mark.parametrize("setting", ["store", "embedder", "vector_index"])
def test_an_unknown_name_is_refused_listing_the_installed_ones(setting: str) -> None:
    port = adapters.PORTS[setting]
    with pytest.raises(ValidationError) as refused:
        Settings(api_token="t", **{setting: "postgres"})
    message = str(refused.value)
    assert f"{port.variable}='postgres'" in message
    assert ", ".join(adapters.names(port)) in message
    assert port.group in message


def test_the_command_line_says_what_is_wrong_with_the_settings(run_cli: RunCli) -> None:
    done = run_cli(["projects", "list"], SOULCASTER_EMBEDDER="word2vec")
    assert done.code == 2, done.err
    assert "SOULCASTER_EMBEDDER='word2vec'" in done.err
    assert "installed: gemini, local" in done.err
    assert "Traceback" not in done.err


# -- a third party's adapters: a distribution with entry points, as pip would install it -------

THIRD_PARTY = textwrap.dedent(
    '''
    """A store, an embedder and an index of someone else's, built from the settings."""

    from soulcaster_core.clustering.embedders.local import LocalEmbedder
    from soulcaster_core.clustering.indexes.local import LocalIndex
    from soulcaster_core.store.sqlite import SQLiteStore


    class NotebookStore(SQLiteStore):
        kind = "notebook"


    class ShoutingEmbedder(LocalEmbedder):
        name = "shouting"

        seen = ()

        async def embed_matrix(self, texts):
            self.seen = (*self.seen, *texts)
            return await super().embed_matrix([t.upper() for t in texts])


    class CountingIndex(LocalIndex):
        name = "counting"
        upserts = 0


    def notebook(settings):
        return NotebookStore(settings.data_dir / "notebook.sqlite3")

    def shouting(settings):
        return ShoutingEmbedder(settings.embedding_dimensions)

    def counting(settings, store):
        return CountingIndex(store)

    def not_a_store(settings):
        return "a string"
    '''
)

ENTRY_POINTS = textwrap.dedent(
    """
    [soulcaster.stores]
    notebook = notebook_adapters:notebook
    broken = notebook_adapters:not_a_store

    [soulcaster.embedders]
    shouting = notebook_adapters:shouting

    [soulcaster.indexes]
    counting = notebook_adapters:counting
    """
)


def install(site: Path, name: str, entry_points: str, module: str) -> None:
    """A distribution ``name`` with ``entry_points`` and the module ``name``, as pip installs."""
    info = site / f"{name}-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(entry_points)
    (site / f"{name}.py").write_text(module)


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A folder on ``sys.path`` to install distributions into, gone after the test."""
    folder = tmp_path / "site"
    folder.mkdir()
    monkeypatch.syspath_prepend(str(folder))
    adapters.installed.cache_clear()
    try:
        yield folder
    finally:
        monkeypatch.undo()
        for name in ("notebook_adapters", "impostor_adapters"):
            sys.modules.pop(name, None)
        adapters.installed.cache_clear()


@pytest.fixture
def third_party(site: Path) -> None:
    """``notebook_adapters`` installed: a store, an embedder, an index and a broken store."""
    install(site, "notebook_adapters", ENTRY_POINTS, THIRD_PARTY)


@pytest.mark.anyio
async def test_a_third_party_adapter_registers_by_entry_point_and_runs(
    third_party: None, tmp_path: Path, anyio_backend: str
) -> None:
    settings = Settings(
        api_token="t",
        data_dir=tmp_path,
        load_plugins="",
        store="notebook",
        embedder="shouting",
        vector_index="counting",
    )
    assert "notebook" in adapters.names(adapters.STORES)
    async with open_services(settings) as services:
        assert services.store.kind == "notebook"
        assert type(services.embedder).__name__ == "ShoutingEmbedder"
        assert type(services.index).__name__ == "CountingIndex"
        now = utcnow()
        for external_id, title in [("1", "Disk full on db-1"), ("2", "Disk full on db-2")]:
            await services.store.ingest(
                FeedbackItem(
                    project_id="default",
                    source="manual",
                    external_id=external_id,
                    title=title,
                    created_at=now,
                    received_at=now,
                )
            )
        worker = ClusterWorker(services, consumer="third-party", block_ms=0)
        assert await worker.run_once() == 2
        assert services.embedder.seen  # type: ignore[attr-defined]
        assert (tmp_path / "notebook.sqlite3").exists()


def test_an_adapter_that_makes_the_wrong_thing_is_named_at_start_up(third_party: None) -> None:
    with pytest.raises(PluginError, match="store adapter 'broken' made a str, not a Store"):
        build_store(Settings(api_token="t", store="broken"))


def test_two_adapters_of_one_name_are_refused_naming_both(site: Path) -> None:
    install(
        site,
        "impostor_adapters",
        "[soulcaster.stores]\nsqlite = impostor_adapters:make\n",
        "def make(settings):\n    raise AssertionError('never built')\n",
    )
    with pytest.raises(PluginError) as refused:
        build_store(Settings(api_token="t"))
    assert "two adapters are named 'sqlite'" in str(refused.value)
    assert "soulcaster_core.builtin.adapters:sqlite_store" in str(refused.value)
    assert "impostor_adapters:make" in str(refused.value)
