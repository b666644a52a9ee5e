"""Fixtures of every test run in this checkout: the core's (tests/) and the plugins' alike.

- ``session_redis`` (used by every test): the Redis the tests share. ``SOULCASTER_TEST_REDIS_URL``
  when it is set; else a private ``redis-server`` of this session (of each xdist worker),
  started once, and the variable points at it, for this process and the servers its tests
  start (``soulcaster_core.testing.test_redis_url`` reads it).

Temporary folders (``tmp_path``: SQLite files, data dirs, Redis's files) are on the tmpfs
``/dev/shm`` when there is one: on a disk, each new SQLite file's fsyncs cost ~30 ms, about
as much as the rest of a test's app start. ``PYTEST_DEBUG_TEMPROOT`` set by hand wins.

Bytecode caches are written even under ``PYTHONDONTWRITEBYTECODE`` (set in some shells and CI
images): without them every xdist worker compiles and assertion-rewrites the ~400 test modules
again (~4 s of CPU each), and every ``soulcaster`` process a test starts compiles the package
again (~1 s more than its imports). They land in ``__pycache__`` folders, which git ignores.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator

import pytest

from tests.support.redis_server import RedisServer

#: ``pytester``: a pytest session inside a test (the kit's own plugin, run as a third party's
#: suite runs it), in this process rather than a new Python's.
pytest_plugins = ["pytester"]

TMPFS = "/dev/shm"

# Early: the test modules are imported (and rewritten) after this file; and the processes
# tests start inherit the environment.
sys.dont_write_bytecode = False
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

# Before pytest's temporary-folder factory first asks (lazily, at the first tmp_path); xdist's
# workers inherit the variable from the controller's environment.
if os.path.isdir(TMPFS) and os.access(TMPFS, os.W_OK | os.X_OK):
    os.environ.setdefault("PYTEST_DEBUG_TEMPROOT", TMPFS)


@pytest.fixture(scope="session", autouse=True)
def session_redis(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The Redis this session's tests share (its URL).

    Private unless ``SOULCASTER_TEST_REDIS_URL`` names one: a test's clean-up scans the key
    space for its prefix, which on a Redis that holds others' keys (a benchmark's million)
    costs a second per test, and others' load on it slows every test.
    """
    chosen = os.environ.get("SOULCASTER_TEST_REDIS_URL")
    if chosen:
        yield chosen
        return
    with (
        RedisServer(tmp_path_factory.mktemp("redis"), appendonly=False) as server,
        pytest.MonkeyPatch.context() as patch,
    ):
        patch.setenv("SOULCASTER_TEST_REDIS_URL", server.url)
        yield server.url
