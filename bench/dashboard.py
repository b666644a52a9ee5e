"""How long the dashboard's home page takes to render for a big project on the embedded store.

Seeds an SQLite store with ``--items`` items (default 10,000, five sources, twelve services)
in ``--clusters`` clusters (default 1,000; a tenth resolved, a twentieth ignored) added as the
clustering worker adds them (so each counts its services and occurrences per hour), and a week
of counters, then times ``GET /`` (open problems with their sparklines, health, events over
time), ``GET /clusters`` (the whole problem list: filters, counts, first page, its
sparklines), a sort by trend and a filter by service, and, as the baseline measured in the same
run, ``GET /health`` (one store ping). Requests go through Starlette's test client (in-process,
no socket). Prints the median of ``--rounds`` requests in ms (wall clock, and CPU time of the
process) and the ratio to the baseline.

    python bench/dashboard.py [--items 10000] [--clusters 1000] [--rounds 30]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from starlette.testclient import TestClient

from soulcaster_core.models import Cluster, FeedbackItem, Project, utcnow
from soulcaster_core.settings import Settings
from soulcaster_core.store.port import ClusterMember
from soulcaster_core.store.sqlite import SQLiteStore
from soulcaster_core.wiring import create_app

TOKEN = "bench-token"
#: What is timed, after the baseline.
PATHS = (
    "/",
    "/?window=1h",
    "/clusters",
    "/clusters?status=all&sort=occurrences&page=3",
    "/clusters?status=all&sort=trend&graph=14d",
    "/clusters?service=service-3",
)
PROJECT = "bench"
SOURCES = ["datadog", "manual", "posthog", "sentry", "splunk"]
SERVICES = [f"service-{n}" for n in range(12)]
#: Clusters added per store call, as a worker's batch would.
BATCH = 100


async def seed(path: Path, items: int, clusters: int) -> None:
    store = SQLiteStore(path)
    await store.open()
    try:
        await store.create_project(Project(id=PROJECT, name="Bench"))
        now = utcnow()
        made: list[FeedbackItem] = []
        for n in range(items):
            at = now - timedelta(minutes=n % (7 * 24 * 60))
            item = FeedbackItem(
                project_id=PROJECT,
                source=SOURCES[n % len(SOURCES)],
                external_id=f"e{n}",
                title=f"Problem {n % clusters}: something failed in service {n % 37}",
                service=SERVICES[n % len(SERVICES)],
                body="Traceback (most recent call last):\n  ...\nValueError: bench",
                received_at=at,
                created_at=at,
            )
            made.append(item.model_copy(update={"id": (await store.ingest(item)).id}))
        await store.ack(await store.claim("bench", items + 1))  # no worker: empty the queue
        groups: list[Cluster] = []
        placed = {"method": "bench"}
        for first in range(0, clusters, BATCH):
            growths, rows = [], []
            for c in range(first, min(first + BATCH, clusters)):
                members = made[c::clusters]
                groups.append(Cluster(project_id=PROJECT, title=members[0].title))
                growths.append((groups[-1], [ClusterMember.of(m) for m in members]))
                rows += [(m.id, groups[-1].id, placed) for m in members]
            await store.add_to_clusters(PROJECT, growths, rows)
        for c, group in enumerate(groups):
            if c % 10 == 0:
                await store.set_cluster_status(PROJECT, group.id, "resolved", now)
            elif c % 20 == 5:
                await store.set_cluster_status(PROJECT, group.id, "ignored", now)
    finally:
        await store.close()


def median_ms(client: TestClient, path: str, rounds: int) -> tuple[float, float]:
    """The median time of a request, in ms: wall clock, and the CPU this process spent (the
    app and its SQLite threads run in it), which other work on a shared machine moves less."""
    for _ in range(2):  # warm: templates compiled, caches filled
        assert client.get(path).status_code == 200, path
    times, cpu = [], []
    for _ in range(rounds):
        start, used = time.perf_counter(), time.process_time()
        response = client.get(path)
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - used) * 1000)
        assert response.status_code == 200, path
    return statistics.median(times), statistics.median(cpu)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--clusters", type=int, default=1_000)
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data_dir:
        settings = Settings(data_dir=Path(data_dir), api_token=TOKEN, run_worker=False)
        started = time.perf_counter()
        asyncio.run(seed(settings.sqlite_path, args.items, args.clusters))
        seeded = time.perf_counter() - started
        print(f"seeded {args.items} items in {args.clusters} clusters in {seeded:.1f} s")
        with TestClient(create_app(settings)) as client:
            client.get(f"/?token={TOKEN}&project_id={PROJECT}")
            base, base_cpu = median_ms(client, "/health", args.rounds)
            print(f"GET {'/health (baseline)':<48} {base:8.1f} ms {base_cpu:8.1f} ms CPU")
            for path in PATHS:
                ms, cpu = median_ms(client, path, args.rounds)
                print(f"GET {path:<48} {ms:8.1f} ms {cpu:8.1f} ms CPU  {ms / base:6.1f}x baseline")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
