"""``soulcaster serve`` on Redis, run for real: the web process only serves, and a worker it
supervises (a child process) clusters; killed, it comes back; ``serve`` stopped, it is gone."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest

from soulcaster_core.outbound import tls_context
from tests.support.redis_server import RedisServer, free_port

TOKEN = "serve-test-token"
AUTH = {"authorization": f"Bearer {TOKEN}"}
#: Generous: a loaded machine starts Python processes slowly. Only a failure waits this long.
DEADLINE = 60.0

T = TypeVar("T")


def eventually(probe: Callable[[], T | None], what: str) -> T:
    """The first answer of ``probe`` that is not None or False, polled until ``DEADLINE``."""
    give_up = time.monotonic() + DEADLINE
    while True:
        answer = probe()
        if answer is not None and answer is not False:
            return answer
        if time.monotonic() > give_up:
            raise AssertionError(f"never happened: {what}")
        time.sleep(0.05)


def worker_children(pid: int) -> list[int]:
    """The ``soulcaster worker`` processes whose parent is ``pid`` (from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            argv = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue  # gone meanwhile
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if ppid == pid and b"worker" in argv and b"soulcaster_core.cli" in argv:
            found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


class Serve:
    """A ``soulcaster serve`` process on a free port, its output in files."""

    def __init__(self, redis: RedisServer, tmp_path: Path, *extra: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.stderr_path = tmp_path / "serve.stderr"
        env = {k: v for k, v in os.environ.items() if not k.startswith("SOULCASTER_")}
        env.update(
            SOULCASTER_REDIS_URL=redis.url,
            SOULCASTER_DATA_DIR=str(tmp_path / "data"),
            SOULCASTER_API_TOKEN=TOKEN,
            SOULCASTER_LOAD_PLUGINS="",
        )
        command = [sys.executable, "-m", "soulcaster_core.cli", "serve", "--port", str(self.port)]
        with open(self.stderr_path, "wb") as stderr:
            self.process = subprocess.Popen(
                [*command, "--log-level", "warning", *extra],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=stderr,
                cwd=tmp_path,
            )
        self.http = httpx.Client(base_url=self.url, timeout=10, verify=tls_context())

    def ready(self) -> Serve:
        def answers() -> bool:
            assert self.process.poll() is None, self.stderr()
            try:
                return self.http.get("/health").status_code == 200
            except httpx.TransportError:
                return False

        eventually(answers, "serve answers /health")
        created = self.http.post(
            "/api/projects",
            json={"name": "Acme", "id": "acme", "allow_unauthenticated": True},
            headers=AUTH,
        )
        assert created.status_code == 201, created.text
        return self

    def worker(self) -> int:
        def one() -> int | None:
            children = worker_children(self.process.pid)
            assert len(children) <= 1, f"one worker, not {len(children)}"
            return children[0] if children else None

        return eventually(one, "serve's clustering worker runs")

    def deliver(self, title: str) -> str:
        answer = self.http.post(
            "/ingest/manual/webhook",
            params={"project_id": "acme"},
            json={"title": title, "body": "TypeError: undefined is not an object"},
        )
        assert answer.status_code == 201, answer.text
        item_id: str = answer.json()["id"]
        return item_id

    def clustered(self, item_id: str) -> str:
        def cluster() -> str | None:
            answer = self.http.get(
                f"/api/feedback/{item_id}", params={"project_id": "acme"}, headers=AUTH
            )
            assert answer.status_code == 200, answer.text
            found: Any = answer.json().get("cluster_id")
            return found if isinstance(found, str) else None

        return eventually(cluster, f"item {item_id} is clustered")

    def stop(self, signum: signal.Signals) -> int:
        self.process.send_signal(signum)
        return self.process.wait(timeout=DEADLINE)

    def stderr(self) -> str:
        return self.stderr_path.read_text(errors="replace")

    def close(self) -> None:
        self.http.close()
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        for pid in worker_children(self.process.pid):  # never leave one behind, even failing
            os.kill(pid, signal.SIGKILL)


@pytest.fixture
def serve(redis_server: RedisServer, tmp_path: Path) -> Iterator[Callable[..., Serve]]:
    """Starts ``soulcaster serve`` (on the private Redis, unless given another one)."""
    started: list[Serve] = []

    def start(*extra: str, redis: RedisServer = redis_server) -> Serve:
        started.append(Serve(redis, tmp_path, *extra))
        return started[-1].ready()

    yield start
    for one in started:
        one.close()


def test_the_worker_is_a_child_that_clusters_comes_back_and_ends_with_serve(
    serve: Callable[..., Serve],
) -> None:
    server = serve()
    worker = server.worker()
    assert worker != server.process.pid
    server.clustered(server.deliver("Checkout fails on Safari"))

    os.kill(worker, signal.SIGKILL)
    replaced = eventually(
        lambda: next((pid for pid in worker_children(server.process.pid) if pid != worker), None),
        "a new worker replaces the killed one",
    )
    server.clustered(server.deliver("Search returns nothing for accented names"))
    assert "restarting it" in server.stderr()

    assert server.stop(signal.SIGINT) == 0  # Ctrl-C
    assert not alive(replaced), "the worker ended with serve"


def test_several_web_processes_share_one_worker_which_sigterm_stops(
    serve: Callable[..., Serve],
) -> None:
    server = serve("--workers", "2")
    worker = server.worker()
    server.clustered(server.deliver("Checkout fails on Safari"))
    assert len(worker_children(server.process.pid)) == 1
    server.stop(signal.SIGTERM)
    assert not alive(worker)


def test_a_worker_outlives_no_killed_serve_and_both_warn_of_a_redis_that_forgets(
    serve: Callable[..., Serve], tmp_path: Path
) -> None:
    with RedisServer(tmp_path / "forgetful", appendonly=False, save="") as forgetful:
        server = serve(redis=forgetful)
        worker = server.worker()
        eventually(
            lambda: server.stderr().count("WARNING: Redis keeps nothing across a restart") == 2,
            "serve and its worker warn at start",
        )
        server.stop(signal.SIGKILL)  # no chance to stop its worker: the worker notices by itself
        eventually(lambda: not alive(worker), "the worker of a killed serve ends")
