"""``serve`` checks where it is to listen before printing its banner, and says what to do."""

from __future__ import annotations

import socket
import sys

from soulcaster_core.listen_check import why_cannot_listen
from tests.support.cli import RunCli

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


def test_serve_on_a_taken_port_prints_no_banner(run_cli: RunCli) -> None:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        done = run_cli(["serve", "--port", str(port)])
    assert done.code == 2
    assert "Soulcaster ingest on" not in done.out
    assert "is taken" in done.err and "PORT=" in done.err
