"""Fixtures shared by the core's tests.

- ``anyio_backend``: async tests (``@pytest.mark.anyio``) run on asyncio.
- ``store``: a fresh, opened ``Store``, once per adapter (ids ``sqlite``, ``redis`` and
  ``redis-cluster``), so one test runs against each. SQLite lives in ``tmp_path``; Redis is the
  session's Redis (``session_redis``), under a key prefix of the test's own that is deleted
  afterwards; ``redis-cluster`` is the session's own 3-master cluster (``redis_cluster``),
  under a prefix of the test's own too.
- ``session_redis`` (the checkout's ``conftest.py``, for the plugins' tests too): the Redis every
  test shares, ``SOULCASTER_TEST_REDIS_URL`` when set, else a private ``redis-server`` of this
  session (of each xdist worker).
- ``redis_store``: as ``store``, on Redis only (ids ``redis`` and ``redis-cluster``), for tests
  of what only the Redis store does (its queue's streams, several workers on one stream).
- ``redis_server``: a private ``redis-server`` (``tests/support/redis_server.py``) that a test
  may stop and restart; never stop the shared one.
- ``redis_cluster``: a local 3-master Redis Cluster (``tests/support/redis_cluster.py``), one per
  session (per xdist worker). It takes ~2 s to form (Redis holds a new master's state back that
  long), so it is started in a thread as soon as the collected tests show one will need it, and
  those tests run last (the others meanwhile); it is stopped at the end.

Order: the modules that start processes (``SLOW_FIRST``) first, the cluster's tests last, the
rest as collected between them (see ``pytest_collection_modifyitems``).
- ``run_cli``: the ``soulcaster`` command run in the test's process (``tests/support/cli.py``),
  its data dir ``tmp_path``, for what is not about processes.

The app-level fixtures (``soulcaster_client``, ``soulcaster_redis_client``) come from
``soulcaster_core.testing``, a pytest plugin every install of the core registers.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest

from soulcaster_core.errors import StoreUnavailable
from soulcaster_core.store.port import Store
from soulcaster_core.store.redis import RedisStore
from soulcaster_core.store.sqlite import SQLiteStore
from soulcaster_core.testing import test_redis_url
from tests.support.cli import RunCli, cli_runner
from tests.support.redis_cluster import RedisClusterServers
from tests.support.redis_server import RedisServer

STORE_KINDS = ["sqlite", "redis", "redis-cluster"]


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


_cluster_key = pytest.StashKey["Future[RedisClusterServers]"]()


def _start_cluster(config: pytest.Config) -> Future[RedisClusterServers]:
    """The session's cluster, starting in a thread of its own (once)."""
    if _cluster_key not in config.stash:
        factory: pytest.TempPathFactory = config._tmp_path_factory  # type: ignore[attr-defined]
        cluster = RedisClusterServers(factory.mktemp("redis-cluster"))
        pool = ThreadPoolExecutor(1, thread_name_prefix="redis-cluster")
        config.stash[_cluster_key] = pool.submit(cluster.start)
        pool.shutdown(wait=False)  # the start goes on; the pool takes no more
    return config.stash[_cluster_key]


def _uses_cluster(item: pytest.Item) -> bool:
    """Whether ``item`` runs on the session's cluster (``store`` and ``redis_store`` get it by
    their ``redis-cluster`` parameter)."""
    if "redis_cluster" in getattr(item, "fixturenames", ()):
        return True
    params = getattr(getattr(item, "callspec", None), "params", {})
    return "redis-cluster" in (params.get("store"), params.get("redis_store"))


#: Modules whose tests start processes (``soulcaster serve``, its worker, a guide's commands):
#: seconds a test, the longest of the run. They go first: one of them last keeps an xdist
#: worker busy while the other, done, waits (``--dist worksteal`` can split a queue, not a test).
SLOW_FIRST = (
    "tests/test_docs_commands.py",
    "tests/test_serve.py",
    "tests/clustering/test_worker.py",
    "tests/test_cli.py",
    "tests/security/test_server_limits.py",
)


@pytest.hookimpl(trylast=True)  # after -k and -m have deselected what will not run
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # Started now, the cluster forms while tests that need no cluster run first: tests/cluster/
    # would otherwise open the run waiting ~2 s on every xdist worker. A stable sort, which
    # splits no module-scoped fixture's tests.
    cluster = any(_uses_cluster(item) for item in items)
    if cluster and not config.option.collectonly:
        _start_cluster(config)
    items.sort(
        key=lambda item: (
            cluster and _uses_cluster(item),
            not item.nodeid.startswith(SLOW_FIRST),
        )
    )


@pytest.hookimpl(tryfirst=True)
def pytest_sessionfinish(session: pytest.Session) -> None:
    # Before pytest removes the temporary folders the nodes write to.
    started = session.config.stash.get(_cluster_key, None)
    if started is not None and started.exception() is None:  # (waits for a start under way)
        started.result().stop()


@pytest.fixture(scope="session")
def redis_cluster(pytestconfig: pytest.Config) -> RedisClusterServers:
    """A local 3-master Redis Cluster, one per test session (it takes seconds to form)."""
    return _start_cluster(pytestconfig).result()


def make_store(kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> Store:
    """An unopened store of ``kind``: SQLite in ``tmp_path``, or Redis under a fresh prefix."""
    if kind == "sqlite":
        return SQLiteStore(tmp_path / "soulcaster.sqlite3")
    if kind == "redis":
        return RedisStore(test_redis_url(), prefix=f"test-{uuid.uuid4().hex}:")
    if kind == "redis-cluster":
        cluster: RedisClusterServers = request.getfixturevalue("redis_cluster")
        return RedisStore(cluster.url, prefix=f"test-{uuid.uuid4().hex}:")
    raise ValueError(f"unknown store kind {kind!r}")


@pytest.fixture(params=STORE_KINDS)
async def store(
    request: pytest.FixtureRequest, tmp_path: Path, anyio_backend: str
) -> AsyncIterator[Store]:
    """An opened, empty store of each kind; Redis keys are deleted afterwards."""
    opened = make_store(request.param, tmp_path, request)
    try:
        await opened.open()
    except StoreUnavailable as exc:
        # Redis tests run against a real server, never a fake: say what is missing.
        pytest.fail(f"no Redis at {test_redis_url()} (set SOULCASTER_TEST_REDIS_URL): {exc}")
    try:
        yield opened
    finally:
        if isinstance(opened, RedisStore):
            await opened.destroy()
        await opened.close()


@pytest.fixture(params=["redis", "redis-cluster"])
async def redis_store(
    request: pytest.FixtureRequest, tmp_path: Path, anyio_backend: str
) -> AsyncIterator[RedisStore]:
    """An opened, empty Redis store, on the shared Redis and on the session's cluster."""
    opened = make_store(request.param, tmp_path, request)
    assert isinstance(opened, RedisStore)
    await opened.open()
    try:
        yield opened
    finally:
        await opened.destroy()
        await opened.close()


@pytest.fixture
def redis_server(tmp_path: Path) -> Iterator[RedisServer]:
    """A private, started ``redis-server`` with an append-only file in ``tmp_path / "redis"``."""
    server = RedisServer(tmp_path / "redis", appendonly=True)
    with server:
        yield server


@pytest.fixture
def run_cli(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> RunCli:
    """``run_cli(argv, **env)``: ``soulcaster argv`` in this process; its code, out and err."""
    return cli_runner(monkeypatch, capsys, tmp_path)
