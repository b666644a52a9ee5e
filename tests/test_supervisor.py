"""The worker supervisor on its own: restarts with a growing wait, and none after ``stop``."""

from __future__ import annotations

import logging
import shutil
import time

import pytest

from soulcaster_core.supervisor import WorkerSupervisor


def test_a_child_that_keeps_dying_is_restarted_ever_more_slowly(
    caplog: pytest.LogCaptureFixture,
) -> None:
    false = shutil.which("false") or "/bin/false"
    supervisor = WorkerSupervisor([false], restart_first=0.05, restart_max=0.2)

    def deaths() -> list[logging.LogRecord]:
        return [r for r in caplog.records if "exited with" in r.getMessage()]

    with caplog.at_level(logging.WARNING, logger="soulcaster_core.supervisor"):
        supervisor.start()
        give_up = time.monotonic() + 30
        while len(deaths()) < 4 and time.monotonic() < give_up:
            time.sleep(0.02)
        supervisor.stop()
        seen = len(deaths())
        time.sleep(0.3)  # longer than any wait: a restart after stop would have come by now
    assert [r.args[2] for r in deaths()[:4]] == [0.05, 0.1, 0.2, 0.2]  # type: ignore[index]
    assert "exited with code 1; restarting it in 0.1 s" in deaths()[1].getMessage()
    assert len(deaths()) == seen, "no restart after stop"
    assert supervisor.pid is None
