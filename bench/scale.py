"""Scale benchmark: does clustering cost stay flat as one project grows?

    python bench/scale.py [--items 200000] [--store sqlite|redis] [--distinct-share 0.05] [--json]

Items go into one project through the store (``Store.ingest``, as the ingest route calls it)
and are clustered by the worker (``ClusterWorker.run_once`` until the queue is empty), a block
of ``--block`` (10,000) at a time, so that each block's worker rate is measured on its own. Each
block has the same mix: a few problems repeated with varying values (they make a few clusters
that grow to tens of thousands of items) and a share of all-distinct texts (each a template,
and a cluster, of its own: the local index grows by one template each). No HTTP for ingest
and clustering; the reads a person makes go through the app in process (``httpx`` ASGI
transport): ``GET /api/clusters`` and ``GET /api/clusters/{id}?limit=100`` of the biggest
cluster, median of ``--reads`` calls, after the first block and after the last.

Printed: worker items/s of the first and last block and their ratio (target ≥ 0.7), the same
from the worker's CPU time (ms per item: steady when other processes load the machine), read
latencies at the first block and at the end and their ratio (target ≤ 2), and each answer's
size. ``--store redis`` uses ``SOULCASTER_REDIS_URL`` (default ``redis://127.0.0.1:6379/0``)
under a fresh key prefix, deleted afterwards.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import string
import sys
import tempfile
import time
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

from soulcaster_core.models import FeedbackItem, Project  # noqa: E402
from soulcaster_core.settings import Settings  # noqa: E402
from soulcaster_core.stacktrace import ExceptionInfo, Frame  # noqa: E402
from soulcaster_core.wiring import create_app, open_services  # noqa: E402
from soulcaster_core.worker import ClusterWorker  # noqa: E402

PROJECT = "scale"
TOKEN = "bench"
#: Deliveries stored concurrently (Redis sends concurrent ingests as one pipeline).
INGEST_CONCURRENCY = 200


def _frames(*names: str) -> list[Frame]:
    return [Frame(function=n, filename=f"app/{n}.py", lineno=10, in_app=True) for n in names]


def repeated(n: int, rng: random.Random) -> FeedbackItem:
    """One of a few problems, with values that vary (each a new item of the same cluster)."""
    kind = n % 4
    common: dict[str, Any] = {"project_id": PROJECT, "external_id": f"r{n}"}
    if kind == 0:
        return FeedbackItem(
            **common,
            source="sentry",
            title=f"KeyError: 'user_{rng.randrange(10**6)}'",
            exceptions=[
                ExceptionInfo(
                    type="KeyError",
                    value=f"'user_{rng.randrange(10**6)}'",
                    frames=_frames("load_profile", "profile_view", "dispatch"),
                )
            ],
        )
    if kind == 1:
        return FeedbackItem(
            **common,
            source="splunk",
            title=f"Timeout after {rng.randrange(1000, 9000)} ms calling payments-api",
        )
    if kind == 2:
        return FeedbackItem(
            **common,
            source="datadog",
            title=f"Disk usage on db-{rng.randrange(40)} above {rng.randrange(80, 99)}%",
        )
    return FeedbackItem(
        **common,
        source="posthog",
        title=f"TypeError: cannot read properties of undefined (reading 'id{rng.randrange(9)}')",
        exceptions=[
            ExceptionInfo(
                type="TypeError",
                value="cannot read properties of undefined",
                frames=_frames("renderCart", "CartView", "render"),
            )
        ],
    )


# Letters that never read as hex, so that masking leaves the words as they are.
_LETTERS = string.ascii_lowercase[6:]


def distinct(n: int, rng: random.Random) -> FeedbackItem:
    """A text like no other: a template, and a cluster, of its own."""
    words = ["".join(rng.choices(_LETTERS, k=rng.randrange(5, 10))) for _ in range(5)]
    return FeedbackItem(
        project_id=PROJECT,
        source="splunk",
        external_id=f"d{n}",
        title=f"{words[0]} {words[1]} rejected {words[2]} during {words[3]} {words[4]}",
    )


def block_items(start: int, size: int, share: float, rng: random.Random) -> list[FeedbackItem]:
    every = round(1 / share) if share > 0 else 0
    return [
        distinct(n, rng) if every and n % every == every - 1 else repeated(n, rng)
        for n in range(start, start + size)
    ]


async def ingest(store: Any, items: Sequence[FeedbackItem]) -> None:
    for at in range(0, len(items), INGEST_CONCURRENCY):
        await asyncio.gather(*(store.ingest(i) for i in items[at : at + INGEST_CONCURRENCY]))


async def median_ms(
    http: httpx.AsyncClient, path: str, reads: int, **params: Any
) -> dict[str, Any]:
    times, size = [], 0
    for _ in range(reads):
        started = time.perf_counter()
        answer = await http.get(path, params={"project_id": PROJECT, **params})
        times.append((time.perf_counter() - started) * 1000)
        answer.raise_for_status()
        size = len(answer.content)
    return {"ms": statistics.median(times), "bytes": size}


async def run(args: argparse.Namespace) -> dict[str, Any]:
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(
            data_dir=Path(tmp),
            api_token=TOKEN,
            run_worker=False,
            load_plugins="",
            redis_url=(
                os.environ.get("SOULCASTER_REDIS_URL", "redis://127.0.0.1:6379/0")
                if args.store == "redis"
                else None
            ),
            redis_prefix=f"bench-scale-{uuid.uuid4().hex}:" if args.store == "redis" else "",
        )
        async with open_services(settings) as services:
            store = services.store
            await store.create_project(Project(id=PROJECT, name="Scale"))
            app = create_app(settings)
            app.state.soulcaster = services  # the app's reads, on these services
            transport = httpx.ASGITransport(app=app)
            headers = {"authorization": f"Bearer {TOKEN}"}
            worker = ClusterWorker(services, consumer="bench", block_ms=0)
            blocks: list[dict[str, float]] = []
            reads: dict[str, Any] = {}
            biggest = ""
            try:
                async with httpx.AsyncClient(
                    transport=transport, base_url="http://bench", headers=headers, timeout=120
                ) as http:
                    for start in range(0, args.items, args.block):
                        size = min(args.block, args.items - start)
                        items = block_items(start, size, args.distinct_share, rng)
                        began = time.perf_counter()
                        await ingest(store, items)
                        ingested = time.perf_counter() - began
                        began, cpu = time.perf_counter(), time.process_time()
                        clustered = 0
                        while done := await worker.run_once():
                            clustered += done
                        seconds = time.perf_counter() - began
                        cpu = time.process_time() - cpu
                        blocks.append(
                            {
                                "items": start + size,
                                "ingest_per_s": size / ingested,
                                "worker_per_s": clustered / seconds,
                                "worker_cpu_ms_per_item": cpu * 1000 / clustered,
                            }
                        )
                        print(
                            f"  {start + size:>7} items: ingest {size / ingested:7.0f}/s, "
                            f"worker {clustered / seconds:6.0f} items/s, "
                            f"{cpu * 1000 / clustered:.3f} ms CPU/item",
                            file=sys.stderr,
                        )
                        if start == 0 or start + size >= args.items:
                            listed = (
                                await http.get("/api/clusters", params={"project_id": PROJECT})
                            ).json()
                            if not biggest:
                                biggest = max(listed["clusters"], key=lambda c: c["item_count"])[
                                    "id"
                                ]
                            reads[str(start + size)] = {
                                "clusters": await median_ms(http, "/api/clusters", args.reads),
                                "cluster_page": await median_ms(
                                    http, f"/api/clusters/{biggest}", args.reads, limit=100
                                ),
                            }
                    clusters = (
                        await http.get("/api/clusters", params={"project_id": PROJECT})
                    ).json()
            finally:
                if args.store == "redis":
                    await store.destroy()  # type: ignore[attr-defined]
    first, last = blocks[0], blocks[-1]
    early, late = reads[str(first["items"])], reads[str(last["items"])]
    return {
        "store": args.store,
        "items": args.items,
        "block": args.block,
        "distinct_share": args.distinct_share,
        "clusters": clusters.get("total", len(clusters["clusters"])),
        "blocks": blocks,
        "reads": reads,
        "worker_ratio_last_to_first": last["worker_per_s"] / first["worker_per_s"],
        "worker_cpu_ratio_last_to_first": first["worker_cpu_ms_per_item"]
        / last["worker_cpu_ms_per_item"],
        "clusters_ratio_end_to_first": late["clusters"]["ms"] / early["clusters"]["ms"],
        "page_ratio_end_to_first": late["cluster_page"]["ms"] / early["cluster_page"]["ms"],
    }


def print_report(r: dict[str, Any]) -> None:
    first, last = r["blocks"][0], r["blocks"][-1]
    early, late = r["reads"][str(first["items"])], r["reads"][str(last["items"])]
    print(
        f"{r['items']} items into one project ({r['store']}), blocks of {r['block']}, "
        f"{r['distinct_share']:.0%} all-distinct texts: {r['clusters']} clusters"
    )
    print(
        f"worker items/s   first block {first['worker_per_s']:7.0f}   last block "
        f"{last['worker_per_s']:7.0f}   ratio {r['worker_ratio_last_to_first']:.2f} (target >= 0.7)"
    )
    print(
        f"worker CPU/item  first block {first['worker_cpu_ms_per_item']:7.3f}   last block "
        f"{last['worker_cpu_ms_per_item']:7.3f}   items per CPU-second ratio "
        f"{r['worker_cpu_ratio_last_to_first']:.2f} (steady against other load on the machine)"
    )
    for key, name, ratio in (
        ("clusters", "GET /api/clusters", "clusters_ratio_end_to_first"),
        ("cluster_page", "GET /api/clusters/{biggest}?limit=100", "page_ratio_end_to_first"),
    ):
        a, b = early[key], late[key]
        print(
            f"{name:<40} at {first['items']}: {a['ms']:7.1f} ms {a['bytes']:>9} B   "
            f"at {last['items']}: {b['ms']:7.1f} ms {b['bytes']:>9} B   "
            f"ratio {r[ratio]:.2f} (target <= 2)"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=200_000)
    parser.add_argument("--block", type=int, default=10_000)
    parser.add_argument("--distinct-share", type=float, default=0.05)
    parser.add_argument("--store", choices=["sqlite", "redis"], default="sqlite")
    parser.add_argument("--reads", type=int, default=21, help="calls per read latency (median)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    report = asyncio.run(run(args))
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print_report(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
