"""Redis Cluster at scale, and the cost of idle projects, with real processes.

``load`` (the default): on a private single Redis and on a private 3-master Redis Cluster, in
the same run, ``soulcaster serve --workers 2`` plus one ``soulcaster worker`` take N webhooks
(30 % repeats of keys sent before) over HTTP from an asyncio load generator with keep-alive
connections, spread over projects whose slots lie on every master. Then it checks: no
answer but 2xx, stored items = distinct ids, occurrences = deliveries, every item clustered
once (its ``cluster_id`` set, the clusters' item counts adding up to the items), and prints
ingest throughput (webhooks/s) and the time until the worker had clustered everything.

``idle``: one ``soulcaster worker`` on a private Redis with P projects and nothing to do: its
CPU share and resident memory over a window (from /proc), after a warm-up. ``--baseline-src``
runs the same with another checkout's ``soulcaster_core`` first (``git archive`` of the commit
before), for a before/after in one run.

    python bench/scale_cluster.py load [--webhooks 50000] [--projects 6] [--connections 32]
                                       [--targets single,cluster]
    python bench/scale_cluster.py idle [--projects 3000] [--window 20] [--baseline-src DIR]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from soulcaster_core.models import Project  # noqa: E402
from soulcaster_core.store.redis import RedisStore  # noqa: E402
from tests.support.redis_cluster import RedisClusterServers  # noqa: E402
from tests.support.redis_server import RedisServer, free_port  # noqa: E402

CLI = [sys.executable, "-m", "soulcaster_core.cli"]
TOKEN = "bench"


# -- the load ---------------------------------------------------------------------------------
def deliveries(count: int, projects: list[str], seed: int = 7) -> list[tuple[str, str]]:
    """``count`` (project, external id) pairs: 30 % repeat a pair sent before."""
    rand = random.Random(seed)
    sent: list[tuple[str, str]] = []
    for n in range(count):
        if sent and rand.random() < 0.3:
            sent.append(rand.choice(sent))
        else:
            sent.append((projects[n % len(projects)], f"k-{n}"))
    return sent


def request_bytes(project: str, key: str) -> bytes:
    body = json.dumps(
        {"title": f"Checkout fails ({key})", "body": "TypeError: undefined", "external_id": key}
    ).encode()
    head = (
        f"POST /ingest/manual/webhook?project_id={project} HTTP/1.1\r\n"
        f"host: 127.0.0.1\r\ncontent-type: application/json\r\n"
        f"content-length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body


async def _connection(port: int, queue: list[bytes], statuses: Counter[int]) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        while queue:
            writer.write(queue.pop())
            status_line = await reader.readline()
            length = 0
            while (line := await reader.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode().partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            await reader.readexactly(length)
            statuses[int(status_line.split()[1])] += 1
    finally:
        writer.close()


async def post_all(port: int, requests: list[bytes], connections: int) -> Counter[int]:
    queue = list(reversed(requests))
    statuses: Counter[int] = Counter()
    await asyncio.gather(*(_connection(port, queue, statuses) for _ in range(connections)))
    return statuses


def wait_http(port: int, proc: subprocess.Popen[bytes]) -> None:
    import httpx

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"soulcaster serve exited with {proc.returncode}")
        try:
            httpx.get(f"http://127.0.0.1:{port}/health", timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.2)
    raise RuntimeError("soulcaster serve did not start")


@contextmanager
def processes(commands: list[list[str]], env: dict[str, str]) -> Iterator[list[Any]]:
    # Started outside the checkout: ``python -m`` puts the working directory first on the
    # path, which would hide the ``PYTHONPATH`` of a baseline.
    started = [
        subprocess.Popen(c, env=env, cwd="/", stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for c in commands
    ]
    try:
        yield started
    finally:
        for proc in started:
            proc.terminate()
        for proc in started:
            proc.wait(timeout=30)


async def check(url: str, prefix: str, sent: list[tuple[str, str]]) -> dict[str, Any]:
    """What the store holds against what was sent."""
    store = RedisStore(url, prefix=prefix)
    await store.open()
    try:
        items = occurrences = unclustered = listed = 0
        for project in sorted({project for project, _ in sent}):
            ids = await store.redis.zrange(store._k("items", project), 0, -1)
            found = await store.get_items(project, ids)
            items += len(found)
            occurrences += sum(i.occurrences for i in found)
            unclustered += sum(1 for i in found if not i.cluster_id)
            listed += sum(c.item_count for c in await store.list_clusters(project))
        distinct = len(set(sent))
        return {
            "items": items,
            "distinct_ids": distinct,
            "occurrences": occurrences,
            "deliveries": len(sent),
            "unclustered": unclustered,
            "items_listed_by_clusters": listed,
            "ok": items == distinct == listed and occurrences == len(sent) and not unclustered,
        }
    finally:
        await store.close()


async def queue_depth(url: str, prefix: str) -> int:
    store = RedisStore(url, prefix=prefix)
    await store.open()
    try:
        return await store.queue_depth()
    finally:
        await store.close()


def run_load(name: str, url: str, args: argparse.Namespace, tmp: Path) -> dict[str, Any]:
    prefix = f"scale-{name}:"
    projects = [f"shop-{n}" for n in range(args.projects)]
    env = {k: v for k, v in os.environ.items() if not k.startswith("SOULCASTER_")}
    env.update(
        SOULCASTER_REDIS_URL=url,
        SOULCASTER_REDIS_PREFIX=prefix,
        SOULCASTER_DATA_DIR=str(tmp / name),
        SOULCASTER_API_TOKEN=TOKEN,
        SOULCASTER_RUN_WORKER="false",
        SOULCASTER_RATE_LIMIT_PER_SECOND="1000000",
    )
    for project in projects:
        subprocess.run([*CLI, "projects", "create", project, "--open"], env=env, check=True,
                       capture_output=True)  # fmt: skip
    sent = deliveries(args.webhooks, projects)
    requests = [request_bytes(p, k) for p, k in sent]
    port = free_port()
    serve = [*CLI, "serve", "--port", str(port), "--workers", "2", "--log-level", "warning"]
    with processes([serve, [*CLI, "worker"]], env) as procs:
        wait_http(port, procs[0])
        started = time.monotonic()
        statuses = asyncio.run(post_all(port, requests, args.connections))
        ingest_s = time.monotonic() - started
        while asyncio.run(queue_depth(url, prefix)):
            if procs[1].poll() is not None:
                raise RuntimeError("the worker died")
            time.sleep(0.5)
        clustered_s = time.monotonic() - started
    result = asyncio.run(check(url, prefix, sent))
    result.update(
        non_2xx=sum(n for status, n in statuses.items() if not 200 <= status < 300),
        webhooks_per_s=round(len(sent) / ingest_s),
        ingest_s=round(ingest_s, 1),
        all_clustered_s=round(clustered_s, 1),
    )
    result["ok"] = result["ok"] and result["non_2xx"] == 0
    print(f"{name}: {json.dumps(result)}", file=sys.stderr)
    return result


def load(args: argparse.Namespace) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp_dir:
        tmp = Path(tmp_dir)
        results: dict[str, Any] = {}
        for target in args.targets.split(","):
            if target == "single":
                with RedisServer(tmp / "single", appendonly=False) as single:
                    results["single"] = run_load("single", single.url, args, tmp)
            else:
                with RedisClusterServers(tmp / "cluster") as cluster:
                    results["cluster"] = run_load("cluster", cluster.url, args, tmp)
        results["cluster_to_single"] = round(
            results["cluster"]["webhooks_per_s"] / results["single"]["webhooks_per_s"], 2
        )
        return results


# -- idle projects ----------------------------------------------------------------------------
def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


async def _make_projects(url: str, prefix: str, count: int) -> None:
    store = RedisStore(url, prefix=prefix)
    await store.open()
    try:
        for n in range(count):
            await store.create_project(Project(id=f"idle-{n}", name=f"Idle {n}"))
    finally:
        await store.close()


def idle_worker(label: str, src: str | None, url: str, args: argparse.Namespace) -> dict[str, Any]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SOULCASTER_")}
    env.update(
        SOULCASTER_REDIS_URL=url, SOULCASTER_REDIS_PREFIX="idle:", SOULCASTER_API_TOKEN=TOKEN
    )
    if src:
        env["PYTHONPATH"] = src  # that checkout's soulcaster_core, the plugins as installed
    with processes([[*CLI, "worker"]], env) as [proc]:
        time.sleep(args.warmup)
        cpu, wall = _cpu_seconds(proc.pid), time.monotonic()
        time.sleep(args.window)
        if proc.poll() is not None:
            raise RuntimeError(f"the {label} worker exited with {proc.returncode}")
        share = (_cpu_seconds(proc.pid) - cpu) / (time.monotonic() - wall)
        result = {"cpu_percent": round(100 * share, 2), "rss_mb": round(_rss_mb(proc.pid), 1)}
    print(f"{label}: {json.dumps(result)}", file=sys.stderr)
    return result


def idle(args: argparse.Namespace) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp_dir, RedisServer(Path(tmp_dir)) as server:
        asyncio.run(_make_projects(server.url, "idle:", args.projects))
        results: dict[str, Any] = {"projects": args.projects, "window_s": args.window}
        if args.baseline_src:
            # The store of before renames nothing: give it the project list where it looks.
            with server.client() as client:
                client.copy("idle:{soulcaster}:projects", "idle:projects")
            results["before"] = idle_worker("before", args.baseline_src, server.url, args)
        results["after"] = idle_worker("after", None, server.url, args)
        return results


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("mode", nargs="?", choices=["load", "idle"], default="load")
    parser.add_argument("--webhooks", type=int, default=50_000)
    parser.add_argument("--projects", type=int, default=None)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--targets", default="single,cluster", help="in this order")
    parser.add_argument("--window", type=float, default=20.0)
    parser.add_argument("--warmup", type=float, default=5.0)
    parser.add_argument("--baseline-src", default=None)
    args = parser.parse_args()
    if args.mode == "load":
        args.projects = args.projects or 6
        results = load(args)
    else:
        args.projects = args.projects or 3000
        results = idle(args)
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
