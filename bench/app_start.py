"""What starting the real app costs: ``soulcaster_core.testing.running_app`` (the app of
``soulcaster_client``, which ~300 tests start), from ``create_app`` to a created project, and
its shutdown. Prints wall and CPU milliseconds per app, median of ``--apps`` after a warm-up,
and in the same run the CPU of one ``httpx.AsyncClient()`` (what loading the CA bundle costs,
the baseline a shared TLS context saves).

    python bench/app_start.py [--apps 20]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import httpx

from soulcaster_core.testing import running_app


def one_app() -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as folder:
        wall, cpu = time.perf_counter(), time.process_time()
        with running_app(data_dir=Path(folder)):
            pass
        return time.perf_counter() - wall, time.process_time() - cpu


def one_client() -> float:
    cpu = time.process_time()
    httpx.AsyncClient()
    return time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--apps", type=int, default=20)
    args = parser.parse_args()
    one_app()
    runs = [one_app() for _ in range(args.apps)]
    clients = [one_client() for _ in range(args.apps)]
    wall = statistics.median(w for w, _ in runs) * 1000
    cpu = statistics.median(c for _, c in runs) * 1000
    print(f"app start and stop: {wall:.1f} ms wall, {cpu:.1f} ms CPU (median of {args.apps})")
    print(f"one httpx.AsyncClient(): {statistics.median(clients) * 1000:.1f} ms CPU")


if __name__ == "__main__":
    main()
