"""The Store contract (``soulcaster_core.testing.StoreContract``), run against every built-in
adapter exactly as a new adapter runs it: the embedded default, Redis and Redis Cluster."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from soulcaster_core.models import Project
from soulcaster_core.store.port import Store
from soulcaster_core.store.redis import RedisStore
from soulcaster_core.store.sqlite import SQLiteStore
from soulcaster_core.testing import StoreContract
from soulcaster_core.testing import test_redis_url as redis_url
from tests.support.redis_cluster import RedisClusterServers


class TestSQLiteStore(StoreContract):
    def make_store(self, tmp_path: Path) -> Store:
        return SQLiteStore(tmp_path / "soulcaster.sqlite3")


class TestRedisStore(StoreContract):
    """On the shared Redis, under a key prefix of the test's own, deleted afterwards."""

    def make_store(self, tmp_path: Path) -> Store:
        return RedisStore(redis_url(), prefix=f"test-{uuid.uuid4().hex}:")

    async def discard_store(self, store: Store) -> None:
        assert isinstance(store, RedisStore)
        await store.destroy()


class TestRedisClusterStore(TestRedisStore):
    """On the session's 3-master Redis Cluster: every multi-key step on one project's slot."""

    @pytest.fixture(autouse=True)
    def _cluster(self, redis_cluster: RedisClusterServers) -> None:
        self.url = redis_cluster.url

    def make_store(self, tmp_path: Path) -> Store:
        return RedisStore(self.url, prefix=f"test-{uuid.uuid4().hex}:")


@pytest.mark.anyio
async def test_a_long_wait_on_an_empty_queue_returns_nothing(redis_store: RedisStore) -> None:
    """An idle worker blocks for longer than the client's socket timeout (5 s in production,
    1 s here): it gets nothing, not a timeout. (SQLite waits on an in-process event: there is
    no socket to outlast.) At 0.5 s the read's 0.1 s of margin was lost twice in two loaded
    runs (the reply came, the timer fired first), so the margin here is 0.2 s."""
    store = RedisStore(redis_store.url, prefix=redis_store.prefix, socket_timeout=1.0)
    await store.open()
    try:
        await store.create_project(Project(id="acme", name="Acme"))
        assert await store.claim("worker-1", 10, block_ms=1_500) == []
    finally:
        await store.close()


FORGETFUL = '''
from soulcaster_core.store.sqlite import SQLiteStore
from soulcaster_core.testing import StoreContract


class ForgetfulStore(SQLiteStore):
    """Loses every source's config: what the contract is there to catch."""

    async def get_config(self, project_id, source, fields):
        return {}


class TestForgetfulStore(StoreContract):
    def make_store(self, tmp_path):
        return ForgetfulStore(tmp_path / "forgetful.sqlite3")


class TestHonestStore(StoreContract):
    def make_store(self, tmp_path):
        return SQLiteStore(tmp_path / "honest.sqlite3")
'''


def test_the_contract_fails_a_store_that_breaks_it(pytester: pytest.Pytester) -> None:
    """Subclassed in a suite of its own, as a third party's would be, with only the installed
    kit (its pytest plugin) at hand: the store that forgets fails, the honest one passes.

    (A pytest session of its own in this process: none of this checkout's conftest files,
    the plugins found by entry point; a subprocess cost a Python start and every import.)"""
    pytester.makepyfile(test_my_stores=FORGETFUL)
    done = pytester.runpytest_inprocess("-q", "-p", "no:cacheprovider", "-k", "config")
    failed = [line for line in done.outlines if line.startswith("FAILED")]
    assert done.ret == 1, done.stdout.str() + done.stderr.str()
    assert failed and all("::TestForgetfulStore::test_config" in line for line in failed)
    assert "TestHonestStore" not in "\n".join(failed)
    assert "4 passed" in done.stdout.str()
