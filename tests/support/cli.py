"""The ``soulcaster`` command run in the test's own process, for what is not about processes.

A subprocess costs a Python start and every import (~1 s of CPU, several seconds on a loaded
machine); ``cli.main`` runs the same parser and commands. Tests of what only a real process
shows (signals, ports, children, the console script itself) start one (``tests/test_cli.py``).

    result = run_cli(["projects", "list"])       # a fixture of tests/conftest.py
    assert result.code == 0 and "acme" in result.out
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from soulcaster_core import cli


@dataclass(frozen=True)
class CliResult:
    code: int
    out: str
    err: str


RunCli = Callable[..., CliResult]


def _no_server(*args: Any, **kwargs: Any) -> None:
    raise AssertionError("serve got as far as starting uvicorn: run it as a process instead")


def cli_runner(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], data_dir: Path
) -> RunCli:
    """``run(argv, **env)``: ``soulcaster argv`` with only ``env``'s ``SOULCASTER_*`` settings
    (and ``SOULCASTER_DATA_DIR=data_dir``), as a shell with none exported runs it."""

    def run(argv: Sequence[str], **env: str) -> CliResult:
        with monkeypatch.context() as patch:
            for name in [n for n in os.environ if n.startswith("SOULCASTER_")]:
                patch.delenv(name)
            patch.setenv("SOULCASTER_DATA_DIR", str(data_dir))
            for name, value in env.items():
                patch.setenv(name, value)
            patch.setattr(uvicorn, "run", _no_server)
            capsys.readouterr()  # what the test printed before is not the command's
            code = cli.main(list(argv))
            captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run
