"""``serve`` checks where it is to listen before printing its banner, and says what to do."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

from soulcaster_core.listen_check import why_cannot_listen

CLI = [sys.executable, "-m", "soulcaster_core.cli"]


def test_a_free_port_is_fine_and_a_taken_one_says_how_to_pick_another() -> None:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        problem = why_cannot_listen("127.0.0.1", port)
    assert problem is not None
    assert f"port {port} on 127.0.0.1 is taken" in problem
    assert f"make run PORT={port + 1}" in problem
    assert why_cannot_listen("127.0.0.1", port) is None  # released


def test_a_host_that_is_not_this_machine_is_named() -> None:
    problem = why_cannot_listen("192.0.2.1", 8000)  # TEST-NET-1: never an address here
    assert problem is not None and "not an address of this machine" in problem


def test_serve_on_a_taken_port_prints_no_banner(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SOULCASTER_")}
    env["SOULCASTER_DATA_DIR"] = str(tmp_path)
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        done = subprocess.run(
            [*CLI, "serve", "--port", str(port)],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert done.returncode == 2
    assert "Soulcaster ingest on" not in done.stdout
    assert "is taken" in done.stderr and "PORT=" in done.stderr
