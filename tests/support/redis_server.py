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
from redis.backoff import NoBackoff
from redis.retry import Retry

REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"
#: Generous: a loaded CI machine may take a while to fork and load an AOF.
START_TIMEOUT = 15.0
STOP_TIMEOUT = 15.0
#: Starts on a port that was free when picked but taken by the time Redis binds it (another
#: test's server, or any outgoing connection's ephemeral port) retry on a fresh port this often.
PORT_RETRIES = 5
TAKEN = "Address already in use"


class PortTaken(RuntimeError):
    """Redis could not bind its port (or its cluster bus port): someone else took it first."""


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
        cluster_enabled: bool = False,
    ) -> None:
        self.directory = directory
        #: A port of our own choosing may be re-chosen when taken at the first start; a given
        #: one (or a restart's, whose clients know it) may not.
        self._may_repick = port is None
        self.port = port or free_port()
        self.appendonly = appendonly
        self.save = save
        self.extra_args = list(extra_args)
        #: A cluster node's bus port: a free port of its own, so none has to sit 10000 above.
        self.cluster_port = free_port() if cluster_enabled else None
        self.process: subprocess.Popen[bytes] | None = None
        self._log_start = 0

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
        """Start the server and return once it answers PING (its data loaded).

        At the first start, a port of its own choosing that someone took meanwhile is
        re-chosen (free_port's answer is only true when given)."""
        for attempt in range(PORT_RETRIES):
            try:
                return self._start_once()
            except PortTaken:
                if not self._may_repick or attempt == PORT_RETRIES - 1:
                    raise
                self.port = free_port()
                if self.cluster_port is not None:
                    self.cluster_port = free_port()
        raise AssertionError("unreachable")

    def _start_once(self) -> RedisServer:
        if self.running:
            raise RuntimeError(f"redis-server on port {self.port} is running already")
        self.directory.mkdir(parents=True, exist_ok=True)
        cluster = (
            ["--cluster-enabled", "yes", "--cluster-port", str(self.cluster_port)]
            if self.cluster_port is not None
            else []
        )
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
            *cluster,
            *self.extra_args,
        ]  # fmt: skip
        # This start's lines only: Redis appends to the log of a restart's earlier runs.
        self._log_start = self.log_path.stat().st_size if self.log_path.exists() else 0
        self.process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        self._wait_until_ready()
        self._may_repick = False
        return self

    def stop(self) -> None:
        """Stop gracefully (Redis writes its AOF / RDB, then exits); no-op if stopped.

        By the ``SHUTDOWN`` command, which Redis runs at once: on SIGTERM it shuts down the
        same way, but only at its next cron tick (~100 ms, paid at every test's teardown).
        SIGTERM when the command gets no answer (a frozen server) or an error."""
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        if not self._shut_down_by_command():
            process.terminate()
        try:
            process.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def _shut_down_by_command(self) -> bool:
        """Send ``SHUTDOWN``; whether Redis closed the connection, as it does when exiting
        (a failed save answers an error instead)."""
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1) as conn:
                conn.sendall(b"SHUTDOWN\r\n")
                return conn.recv(256) == b""
        except OSError:  # refused, reset or no answer within the second
            return False

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
        # No retries inside a ping: redis-py's default (3, backing off) spends seconds on a
        # refused connection that this loop would have retried after 20 ms anyway.
        probe = redis.Redis(
            port=self.port,
            socket_connect_timeout=1,
            socket_timeout=1,
            retry=Retry(NoBackoff(), 0),
        )
        try:
            while True:
                assert self.process is not None
                if self.process.poll() is not None:
                    self.process = None
                    tail = self._log_tail()
                    failure = PortTaken if TAKEN in tail else RuntimeError
                    raise failure(f"redis-server exited at start:\n{tail}")
                try:
                    if probe.ping():
                        return
                except (
                    redis_errors.ConnectionError,
                    redis_errors.BusyLoadingError,
                    redis_errors.TimeoutError,
                ):
                    pass  # not listening yet, still loading its data, or not ours (poll says)
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
            with self.log_path.open("rb") as log:
                log.seek(self._log_start)
                written = log.read().decode(errors="replace")
        except OSError:
            return "(no log)"
        return "\n".join(written.splitlines()[-lines:])

    def __enter__(self) -> RedisServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
