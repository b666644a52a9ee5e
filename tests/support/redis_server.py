"""A private ``redis-server`` for tests that stop, restart or lose Redis.

The shared Redis (``SOULCASTER_TEST_REDIS_URL``) must never be shut down by a test, so tests
that need an outage or a restart start their own server: a child process on a free port, with
its data in a directory of the test's own.

    server = RedisServer(tmp_path, appendonly=True)
    server.start()
    ...                      # use server.url
    server.stop()            # graceful: SIGTERM, Redis flushes its AOF / RDB first
    server.start()           # same port, same directory: the data is back
    server.stop()

It is also a context manager (``with RedisServer(tmp_path) as server: ...``) that stops the
server on the way out, whatever happened.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

import redis
from redis import exceptions as redis_errors

REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"
#: Generous: a loaded CI machine may take a while to fork and load an AOF.
START_TIMEOUT = 15.0
STOP_TIMEOUT = 15.0


def free_port() -> int:
    """A TCP port nobody listens on right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class RedisServer:
    """One ``redis-server`` child process, bound to 127.0.0.1, data in ``directory``.

    ``appendonly`` turns the append-only file on (every write is logged); ``save`` is Redis's
    RDB snapshot rule (``"1 1"``: after 1 s if 1 key changed; ``""``: never). Both off means a
    server that forgets everything when stopped.
    """

    def __init__(
        self,
        directory: Path,
        *,
        port: int | None = None,
        appendonly: bool = True,
        save: str = "",
        extra_args: Sequence[str] = (),
    ) -> None:
        self.directory = directory
        self.port = port or free_port()
        self.appendonly = appendonly
        self.save = save
        self.extra_args = list(extra_args)
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    @property
    def log_path(self) -> Path:
        return self.directory / "redis.log"

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def start(self) -> RedisServer:
        """Start the server and return once it answers PING (its data loaded)."""
        if self.running:
            raise RuntimeError(f"redis-server on port {self.port} is running already")
        self.directory.mkdir(parents=True, exist_ok=True)
        command = [
            REDIS_SERVER,
            "--port", str(self.port),
            "--bind", "127.0.0.1",
            "--dir", str(self.directory),
            "--appendonly", "yes" if self.appendonly else "no",
            "--save", self.save,
            "--daemonize", "no",
            "--protected-mode", "no",
            "--logfile", str(self.log_path),
            *self.extra_args,
        ]  # fmt: skip
        self.process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        self._wait_until_ready()
        return self

    def stop(self) -> None:
        """Stop gracefully (SIGTERM: Redis writes its AOF / RDB, then exits); no-op if stopped."""
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def kill(self) -> None:
        """Stop abruptly (SIGKILL), as a crash or an OOM kill would: nothing is flushed."""
        process, self.process = self.process, None
        if process is not None and process.poll() is None:
            process.kill()
            process.wait()

    def restart(self) -> RedisServer:
        """Stop gracefully and start again on the same port and directory."""
        self.stop()
        return self.start()

    def client(self) -> redis.Redis:
        """A plain synchronous client, for looking at the server behind the store's back."""
        return redis.Redis(port=self.port, decode_responses=True, socket_timeout=5)

    def _wait_until_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        probe = redis.Redis(port=self.port, socket_connect_timeout=1, socket_timeout=1)
        try:
            while True:
                assert self.process is not None
                if self.process.poll() is not None:
                    self.process = None
                    raise RuntimeError(f"redis-server exited at start:\n{self._log_tail()}")
                try:
                    if probe.ping():
                        return
                except (redis_errors.ConnectionError, redis_errors.BusyLoadingError):
                    pass  # not listening yet, or still loading its data
                if time.monotonic() > deadline:
                    self.kill()
                    raise RuntimeError(
                        f"redis-server did not answer within {START_TIMEOUT} s:\n{self._log_tail()}"
                    )
                time.sleep(0.02)
        finally:
            probe.close()

    def _log_tail(self, lines: int = 20) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def __enter__(self) -> RedisServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
