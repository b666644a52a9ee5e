"""``serve``'s clustering worker on Redis: one child process, restarted if it dies, stopped
with ``serve``.

Clustering in the web process took half its throughput (issue 18: 0.27x the bare endpoint
against 0.45x without it); as a process of its own it has the second core. The child is
``soulcaster worker --supervised``, in a session of its own (a Ctrl-C reaches ``serve``, which
stops it, not both at once), and it stops when its standard input closes: so it also ends when
``serve`` is killed outright (SIGKILL) and has no chance to stop it.
"""

from __future__ import annotations

import logging
import subprocess
import sys
import threading
import time
from collections.abc import Sequence

log = logging.getLogger(__name__)

#: Waits before restarting a worker that died: the first, doubled up to the longest.
RESTART_FIRST_SECONDS = 0.5
RESTART_MAX_SECONDS = 30.0
#: A worker that ran this long before it died was healthy: the next wait is the first again.
HEALTHY_SECONDS = 60.0
#: How long a stopping worker may take to finish its batch before it is killed.
STOP_TIMEOUT_SECONDS = 10.0


def worker_command() -> list[str]:
    """The same interpreter (so the same virtualenv and plugins) running ``soulcaster worker``."""
    return [sys.executable, "-m", "soulcaster_core.cli", "worker", "--supervised"]


class WorkerSupervisor:
    """Runs ``command`` as a child process from ``start`` to ``stop``, restarting it (with a
    growing wait, logged) each time it exits on its own."""

    def __init__(
        self,
        command: Sequence[str] | None = None,
        *,
        restart_first: float = RESTART_FIRST_SECONDS,
        restart_max: float = RESTART_MAX_SECONDS,
        healthy_after: float = HEALTHY_SECONDS,
        stop_timeout: float = STOP_TIMEOUT_SECONDS,
    ) -> None:
        self.command = list(command) if command is not None else worker_command()
        self.restart_first = restart_first
        self.restart_max = restart_max
        self.healthy_after = healthy_after
        self.stop_timeout = stop_timeout
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        self._started_at = 0.0
        self._thread = threading.Thread(
            target=self._supervise, name="soulcaster-worker-supervisor", daemon=True
        )

    @property
    def pid(self) -> int | None:
        """The running child's process id (None before ``start`` and after ``stop``)."""
        process = self._process
        return process.pid if process is not None and process.poll() is None else None

    def start(self) -> int:
        """Start the child and its watch; returns the child's process id."""
        process = self._spawn()
        assert process is not None
        self._thread.start()
        return process.pid

    def stop(self) -> None:
        """Stop the child (SIGTERM: it finishes its batch; killed past ``stop_timeout``) and
        restart it no more."""
        self._stopping.set()
        with self._lock:
            process, self._process = self._process, None
        if process is not None:
            _terminate(process, self.stop_timeout)
        if self._thread.is_alive():
            self._thread.join()

    def _spawn(self) -> subprocess.Popen[bytes] | None:
        with self._lock:  # never a new child once ``stop`` has begun
            if self._stopping.is_set():
                return None
            # stdin: a pipe only this process holds; its end (even by SIGKILL) stops the child.
            self._process = subprocess.Popen(
                self.command, stdin=subprocess.PIPE, start_new_session=True
            )
            self._started_at = time.monotonic()
            return self._process

    def _supervise(self) -> None:
        wait = self.restart_first
        while True:
            process = self._process
            if process is None:
                return
            code = process.wait()
            if self._stopping.is_set():
                return
            if time.monotonic() - self._started_at >= self.healthy_after:
                wait = self.restart_first
            log.warning(
                "clustering worker (pid %d) exited with %s; restarting it in %.1f s",
                process.pid,
                _exit_status(code),
                wait,
            )
            if process.stdin is not None:
                process.stdin.close()
            if self._stopping.wait(wait):
                return
            restarted = self._spawn()
            if restarted is None:
                return
            log.warning("clustering worker restarted (pid %d)", restarted.pid)
            wait = min(wait * 2, self.restart_max)


def _terminate(process: subprocess.Popen[bytes], timeout: float) -> None:
    if process.stdin is not None:
        process.stdin.close()
    if process.poll() is None:
        process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        log.warning(
            "clustering worker (pid %d) not stopped in %.0f s: killed", process.pid, timeout
        )
        process.kill()
        process.wait()


def _exit_status(code: int) -> str:
    return f"signal {-code}" if code < 0 else f"code {code}"
