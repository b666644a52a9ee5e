"""CPU and instructions per webhook of the app itself: bench/ingest.py's webhooks through ASGI,
without uvicorn or wrk, on a real Redis.

The machine is shared, so req/s under ``wrk`` move with the load; this measures what the
process spends per webhook, a few at a time as a loaded server batches them (``--at-once``),
with 30 % repeats. Under ``valgrind --tool=callgrind --instr-atstart=no`` it switches
instruction counting on for the measured webhooks only (``--callgrind``), so the count per
webhook does not move with the load at all (run with ``PYTHONHASHSEED=0``):

    python bench/ingest_inprocess.py [--at-once 6] [--rounds 1500]
    PYTHONHASHSEED=0 valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=/dev/null \\
        python bench/ingest_inprocess.py --callgrind --rounds 300 --warm 60
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import resource
import subprocess
import sys
import tempfile
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest import WEBHOOKS, example_body


def _bodies(first: int, count: int) -> list[tuple[str, bytes]]:
    out = []
    for n in range(first, first + count):
        source = WEBHOOKS[n % len(WEBHOOKS)][0]
        if random.random() < 0.3:  # a repeat of one of 50 known problems
            known = random.randint(1, 50)
            out.append((source, example_body(source, known, f"known-{known}").encode()))
        else:
            out.append((source, example_body(source, 10_000_000 + n, f"t1-{n}").encode()))
    return out


async def _post(app: Any, source: str, body: bytes, statuses: list[int]) -> None:
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": f"/ingest/{source}/webhook",
        "raw_path": b"",
        "root_path": "",
        "query_string": b"project_id=bench",
        "headers": [
            (b"host", b"bench"),
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
        ],
        "client": ("127.0.0.1", 1),
        "server": ("127.0.0.1", 2),
    }

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            statuses.append(message["status"])

    await app(scope, receive, send)


def _callgrind(switch: str) -> None:
    subprocess.run(["callgrind_control", "-i", switch, str(os.getpid())], capture_output=True)


async def _run(args: argparse.Namespace) -> None:
    from soulcaster_core.wiring import create_app

    app = create_app()
    random.seed(1)
    async with app.router.lifespan_context(app):
        statuses: list[int] = []
        n = 0
        for _ in range(args.warm):
            await asyncio.gather(*(_post(app, *b, statuses) for b in _bodies(n, args.at_once)))
            n += args.at_once
        statuses.clear()
        if args.callgrind:
            _callgrind("on")
        before = resource.getrusage(resource.RUSAGE_SELF)
        for _ in range(args.rounds):
            await asyncio.gather(*(_post(app, *b, statuses) for b in _bodies(n, args.at_once)))
            n += args.at_once
        after = resource.getrusage(resource.RUSAGE_SELF)
        if args.callgrind:
            _callgrind("off")
    count = args.rounds * args.at_once
    user = (after.ru_utime - before.ru_utime) / count * 1e6
    system = (after.ru_stime - before.ru_stime) / count * 1e6
    print(
        f"{count} webhooks, {args.at_once} at a time: {user + system:.1f} us CPU a webhook "
        f"(user {user:.1f}, system {system:.1f}); answers {dict(Counter(statuses))}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--at-once", type=int, default=6, help="webhooks in flight together")
    parser.add_argument("--rounds", type=int, default=1500)
    parser.add_argument("--warm", type=int, default=200, help="rounds before measuring")
    parser.add_argument("--callgrind", action="store_true", help="count only measured rounds")
    parser.add_argument(
        "--redis-url",
        default=os.environ.get("SOULCASTER_TEST_REDIS_URL", "redis://127.0.0.1:6379/0"),
    )
    args = parser.parse_args()
    prefix = f"bench-{uuid.uuid4().hex[:8]}:"
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.update(
            SOULCASTER_DATA_DIR=tmp,
            SOULCASTER_API_TOKEN="bench",
            SOULCASTER_RATE_LIMIT_PER_SECOND="1000000",
            SOULCASTER_REDIS_URL=args.redis_url,
            SOULCASTER_REDIS_PREFIX=prefix,
            SOULCASTER_RUN_WORKER="false",
        )
        create = [sys.executable, "-m", "soulcaster_core.cli", "projects", "create", "bench"]
        subprocess.run([*create, "--open"], check=True, capture_output=True)
        try:
            import uvloop

            uvloop.run(_run(args))
        finally:
            import redis

            client = redis.Redis.from_url(args.redis_url)
            for key in client.scan_iter(match=f"{prefix}*", count=1000):
                client.delete(key)
    return 0


if __name__ == "__main__":
    sys.exit(main())
