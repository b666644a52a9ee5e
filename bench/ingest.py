"""Ingest throughput and latency of ``soulcaster serve`` against a bare Starlette endpoint.

Runs, in one go and on this machine: the bare endpoint, then ``soulcaster serve`` (one worker)
on the Redis store (``redis``: the web process alone, clustering off; ``redis-default``: the
default ``serve``, which also clusters what it takes) and on the embedded SQLite store, each
driven by ``wrk`` over 32 connections
with realistic webhooks (70% new problems, 30% repeats of known ones). Prints requests/s, p50
and p99 latency and the ratio to the bare endpoint. ``wrk`` comes from Debian's packages
(``apt-get install wrk``; ``make bench-ingest`` installs it).

    python bench/ingest.py [--duration 15] [--connections 32] [--json]
                           [--stores redis,redis-default,sqlite]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent

#: The webhooks sent, one of each source in turn: a Datadog monitor alert, a Sentry error
#: event, a Splunk alert row, a hand-posted report with a traceback. Templates take
#: ``string.format`` / ``%`` placeholders, filled from the argument names after them.
TRACE = (
    "Traceback (most recent call last):\\n"
    '  File \\"/srv/app/api/orders.py\\", line 214, in create_order\\n'
    "    total = pricing.total(cart, coupon)\\n"
    "AttributeError: 'NoneType' object has no attribute 'value'"
)
WEBHOOKS: list[tuple[str, str, tuple[str, ...]]] = [
    (
        "datadog",
        '{"id": "70502782352933%05d", "alert_id": "%d", "alert_cycle_key": "cycle-%s",'
        ' "title": "[P2] [Triggered on {host:web-%d}] p99 latency above 2s on checkout",'
        ' "body": "%%%%%%\\nLatency is 2.4s (threshold 2s)\\n%%%%%%", "alert_type": "error",'
        ' "alert_transition": "Triggered", "date": "1764140000000",'
        ' "tags": "env:production,service:checkout,team:payments",'
        ' "org": {"id": "1", "name": "Acme"}}',
        ("short", "n", "key", "host"),
    ),
    (
        "sentry",
        '{"action": "triggered", "installation": {"uuid": "7a4c"}, "actor": {"type":'
        ' "application", "id": "sentry", "name": "Sentry"}, "data": {"triggered_rule":'
        ' "High error rate", "event": {"event_id": "%032d", "issue_id": "%d", "level": "error",'
        ' "platform": "python", "environment": "production",'
        ' "title": "AttributeError: NoneType has no value %s",'
        ' "tags": [["env", "production"], ["host", "web-%d"]], "exception": {"values": [{'
        '"type": "AttributeError", "value": "\'NoneType\' object has no attribute \'value\'",'
        ' "stacktrace": {"frames": [{"filename": "api/orders.py", "function": "create_order",'
        ' "lineno": 214, "in_app": true}]}}]}}}}',
        ("n", "n", "key", "host"),
    ),
    (
        "splunk",
        '{"sid": "scheduler__admin__search__RMD5%05d", "search_name": "API errors %s",'
        ' "app": "search", "owner": "admin", "results_link": "https://splunk.example.com/x",'
        ' "result": {"_raw": "2026-11-26 10:30:00 ERROR [api] Request failed: timeout after 30s'
        ' host=web-%d", "_time": "1764153000.%03d", "host": "web-1", "sourcetype": "api_logs"}}',
        ("short", "key", "host", "milli"),
    ),
    (
        "manual",
        '{"title": "AttributeError in create_order (%s)", "body": "'
        + TRACE.replace("%", "%%")
        + '",'
        ' "external_id": "%s", "metadata": {"service": "checkout", "host": "web-%d"}}',
        ("key", "key", "host"),
    ),
]
#: How each argument name derives from the request number ``n``: ``n`` modulo this (None: ``n``
#: itself). ``key``, the request's dedup key, is the one other argument.
MODULI: dict[str, int | None] = {"n": None, "short": 100000, "host": 12, "milli": 1000}


def _argument(name: str, n: int, key: str) -> int | str:
    if name == "key":
        return key
    modulus = MODULI[name]
    return n if modulus is None else n % modulus


def _lua_argument(name: str) -> str:
    """``_argument`` as a Lua expression of ``n`` and ``key``, for the wrk script."""
    if name == "key":
        return "key"
    modulus = MODULI[name]
    return "n" if modulus is None else f"n % {modulus}"


def example_body(source: str, n: int = 123456, key: str = "t1-1") -> str:
    """One webhook of ``source`` as the benchmark sends it (bench/mapping.py times these)."""
    template, names = next((t, a) for s, t, a in WEBHOOKS if s == source)
    return template % tuple(_argument(name, n, key) for name in names)


BENCH_BODIES = {source: example_body(source) for source, _, _ in WEBHOOKS}


def _lua_templates() -> str:
    rows = []
    for source, template, names in WEBHOOKS:
        arguments = ", ".join(_lua_argument(name) for name in names)
        path = json.dumps(f"/ingest/{source}/webhook?project_id=bench")
        rows.append(
            f"  {{{path}, {json.dumps(template)}, function(n, key) return {arguments} end}},"
        )
    return "local templates = {\n" + "\n".join(rows) + "\n}\n"


# wrk runs this per thread: each request is the next of WEBHOOKS; 30% repeat one of 50 known
# problems (duplicates), the rest are new.
WRK_SCRIPT = (
    """
local counter = 0
local thread_id = 0
local threads = {}
"""
    + _lua_templates()
    + r"""
function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end
function init(args)
  thread_id = tid or 0
  math.randomseed(thread_id * 7919)
end
request = function()
  counter = counter + 1
  local n, key
  if math.random() < 0.3 then
    n = math.random(1, 50)
    key = string.format("known-%d", n)
  else
    n = thread_id * 10000000 + counter
    key = string.format("t%d-%d", thread_id, counter)
  end
  local t = templates[counter % #templates + 1]
  local body = string.format(t[2], t[3](n, key))
  return wrk.format("POST", t[1], {["Content-Type"] = "application/json"}, body)
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT {\"requests\": %d, \"duration_us\": %d, \"p50_us\": %d, \"p99_us\": %d,"
    .. " \"errors\": %d, \"non2xx\": %d}\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.timeout, e.status))
end
"""
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_ready(url: str, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            httpx.post(url, content=b"{}", timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.1)
    raise RuntimeError("server did not start")


def run_wrk(port: int, args: argparse.Namespace, script: Path, duration: float) -> dict[str, float]:
    out = subprocess.run(
        [
            "wrk",
            f"-t{args.threads}",
            f"-c{args.connections}",
            f"-d{int(duration)}s",
            "--latency",
            "-s",
            str(script),
            f"http://127.0.0.1:{port}",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    match = re.search(r"RESULT (\{.*\})", out)
    if not match:
        raise RuntimeError(f"wrk printed no result:\n{out}")
    raw = json.loads(match.group(1))
    seconds = raw["duration_us"] / 1e6
    return {
        "rps": raw["requests"] / seconds,
        "p50_ms": raw["p50_us"] / 1000,
        "p99_ms": raw["p99_us"] / 1000,
        "errors": raw["errors"] + raw["non2xx"],
        "requests": raw["requests"],
    }


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of one process so far (Linux /proc)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def children_cpu_seconds(pid: int) -> dict[int, float]:
    """``cpu_seconds`` of each child process of ``pid`` (serve's clustering worker)."""
    found: dict[int, float] = {}
    for listing in Path(f"/proc/{pid}/task").glob("*/children"):
        for child in listing.read_text().split():
            found[int(child)] = cpu_seconds(int(child))
    return found


def measure(
    name: str,
    command: list[str],
    env: dict[str, str],
    args: argparse.Namespace,
    script: Path,
    port: int,
) -> dict[str, float]:
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_ready(f"http://127.0.0.1:{port}/ingest/manual/webhook?project_id=bench", proc)
        run_wrk(port, args, script, duration=2)  # warm-up: imports, caches, connections
        web, children = cpu_seconds(proc.pid), children_cpu_seconds(proc.pid)
        result = run_wrk(port, args, script, duration=args.duration)
        # CPU per request moves far less than req/s when the machine is shared.
        result["web_cpu_us"] = (cpu_seconds(proc.pid) - web) / result["requests"] * 1e6
        after = children_cpu_seconds(proc.pid)
        worked = sum(after[pid] - children[pid] for pid in after.keys() & children.keys())
        result["child_cpu_us"] = worked / result["requests"] * 1e6
    finally:
        proc.terminate()
        proc.wait(timeout=15)
    print(
        f"  {name:<32} {result['rps']:>9.0f} req/s   p50 {result['p50_ms']:6.2f} ms"
        f"   p99 {result['p99_ms']:6.2f} ms   errors {result['errors']:.0f}"
        f"   CPU {result['web_cpu_us']:.0f} us/req (+{result['child_cpu_us']:.0f} in children)",
        file=sys.stderr,
    )
    return result


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--duration", type=float, default=15.0)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--stores", default="redis,sqlite")
    parser.add_argument(
        "--redis-url",
        default=os.environ.get("SOULCASTER_TEST_REDIS_URL", "redis://127.0.0.1:6379/0"),
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object on stdout")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        print("wrk is not installed: apt-get install wrk (or make bench-ingest)", file=sys.stderr)
        return 2

    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "webhooks.lua"
        script.write_text(WRK_SCRIPT)
        base_env = {k: v for k, v in os.environ.items() if not k.startswith("SOULCASTER_")}
        uvicorn_flags = ["--log-level", "warning", "--no-access-log"]

        port = free_port()
        print(f"{args.connections} connections, {args.duration:.0f} s each:", file=sys.stderr)
        results["bare"] = measure(
            "bare Starlette endpoint",
            [sys.executable, "-m", "uvicorn", "bare_app:app", "--port", str(port), *uvicorn_flags],
            {**base_env, "PYTHONPATH": str(HERE)},
            args,
            script,
            port,
        )
        for store in args.stores.split(","):
            port = free_port()
            data_dir = Path(tmp) / store
            env = {
                **base_env,
                "SOULCASTER_DATA_DIR": str(data_dir),
                "SOULCASTER_API_TOKEN": "bench",
                # The load is one client far above 200 a second: measured, not refused (the
                # bucket is still asked, a lease of tokens at a time, as in production).
                "SOULCASTER_RATE_LIMIT_PER_SECOND": "1000000",
            }
            prefix = f"bench-{uuid.uuid4().hex[:8]}:"
            if store.startswith("redis"):
                env.update(SOULCASTER_REDIS_URL=args.redis_url, SOULCASTER_REDIS_PREFIX=prefix)
            if store == "redis":
                # The web process alone: the clustering worker runs elsewhere (soulcaster worker).
                env.update(SOULCASTER_RUN_WORKER="false")
            subprocess.run(
                # The load is unsigned: the project takes deliveries without secrets.
                [
                    sys.executable,
                    "-m",
                    "soulcaster_core.cli",
                    "projects",
                    "create",
                    "bench",
                    "--open",
                ],
                env=env,
                check=True,
                capture_output=True,
            )
            try:
                results[store] = measure(
                    f"soulcaster serve ({store})",
                    [
                        sys.executable,
                        "-m",
                        "soulcaster_core.cli",
                        "serve",
                        "--port",
                        str(port),
                        "--log-level",
                        "warning",
                    ],
                    env,
                    args,
                    script,
                    port,
                )
            finally:
                if store.startswith("redis"):
                    import redis

                    client = redis.Redis.from_url(args.redis_url)
                    for key in client.scan_iter(match=f"{prefix}*", count=1000):
                        client.delete(key)

    bare = results["bare"]["rps"]
    for result in results.values():
        result["ratio_to_bare"] = result["rps"] / bare
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print(
            f"\n{'target':<14} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'x bare':>7}"
            f" {'web us/req':>10} {'child us/req':>12}"
        )
        for name, r in results.items():
            print(
                f"{name:<14} {r['rps']:>9.0f} {r['p50_ms']:>8.2f} {r['p99_ms']:>8.2f}"
                f" {r['ratio_to_bare']:>7.2f} {r['web_cpu_us']:>10.0f} {r['child_cpu_us']:>12.0f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
