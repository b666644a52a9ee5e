"""Incident benchmark: pairwise precision and recall of "same incident", and what the incident
step adds to the clustering worker's cost per item.

    python bench/incidents.py                                   # both halves
    python bench/incidents.py bench/data/incidents-report.jsonl # one file
    python bench/incidents.py --json

Each file (``bench/data/generate_incidents.py``) is posted to a running app (SQLite store in a
temporary directory, every installed plugin, one open project) in the order the vendors send
it. Whenever the senders' clock moves to the next minute, the worker works through the queue
(clustering, then the incident step) and the incident sweep runs (a recovery updates its
alert's item and is not queued: the worker's sweep, every ``SOULCASTER_INCIDENT_SWEEP_SECONDS``,
closes incidents whose alerts all recovered). The window is the default (30 min).

Scores: over the stored items (a recovery or renotification lands on its trigger's item), a
pair is "same incident" when both carry the same label; a decoy's label is its own. Pairwise
precision and recall of the incident ids against that, and the same for the cluster ids (what
grouping alone links). Cost: the worker runs the incident step inside the clusters' own store
step, so it is what the worker's CPU time per item grows by with the step against without it
(``--rounds`` replays of each, alternated, median of each): measured in the minute-by-minute
replay above (small batches) and with the whole file queued first and worked through in the
worker's batches. The sweep (a step of its own every 30 s) is timed apart, per run.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from soulcaster_core.models import Project  # noqa: E402
from soulcaster_core.timestamps import parse_timestamp  # noqa: E402

DATA = ROOT / "bench" / "data"
DEFAULT_FILES = [DATA / "incidents-tune.jsonl", DATA / "incidents-report.jsonl"]
PROJECT = "bench"
P = ParamSpec("P")
T = TypeVar("T")


class Stopwatch:
    """CPU seconds (of the whole process: the event loop and the store's threads) spent inside
    the wrapped coroutine functions: the other jobs of a shared machine do not count."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.calls = 0

    def wrap(self, fn: Callable[P, Awaitable[T]]) -> Callable[P, Awaitable[T]]:
        async def timed(*args: P.args, **kwargs: P.kwargs) -> T:
            started = time.process_time()
            self.calls += 1
            try:
                return await fn(*args, **kwargs)
            finally:
                self.seconds += time.process_time() - started

        return timed


def pair_scores(truth: Sequence[str], predicted: Sequence[str | None]) -> dict[str, Any]:
    tp = fp = fn = 0
    for a in range(len(truth)):
        for b in range(a + 1, len(truth)):
            same_truth = truth[a] == truth[b]
            same_predicted = predicted[a] is not None and predicted[a] == predicted[b]
            tp += same_truth and same_predicted
            fp += same_predicted and not same_truth
            fn += same_truth and not same_predicted
    return {
        "pairs": {"true_positive": tp, "false_positive": fp, "false_negative": fn},
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "recall": tp / (tp + fn) if tp + fn else 1.0,
    }


class _NoIncidents:
    """The worker's incident step, doing nothing: the baseline of the cost."""

    def work(self, *args: Any, **kwargs: Any) -> None:
        return None

    async def place(self, *args: Any, **kwargs: Any) -> None:
        return None

    async def sweep(self, *args: Any, **kwargs: Any) -> None:
        return None


def run_file(
    path: Path, *, minute_by_minute: bool = True, with_incidents: bool = True
) -> dict[str, Any]:
    from starlette.testclient import TestClient

    from soulcaster_core.settings import Settings
    from soulcaster_core.wiring import create_app
    from soulcaster_core.worker import ClusterWorker

    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(Settings(data_dir=Path(tmp), api_token="bench", run_worker=False))
        with TestClient(app, raise_server_exceptions=False) as client:
            portal = client.portal
            assert portal is not None
            services = app.state.soulcaster
            store = services.store
            project = Project(id=PROJECT, name=PROJECT, allow_unauthenticated=True)
            portal.call(store.create_project, project)
            worker = ClusterWorker(services, consumer="bench", block_ms=0)
            if not with_incidents:
                worker.incidents = _NoIncidents()  # type: ignore[assignment]
            total, sweep = Stopwatch(), Stopwatch()
            run_once = total.wrap(worker.run_once)
            sweep_once = sweep.wrap(worker.incidents.sweep)

            def work(now: datetime | None) -> None:
                while portal.call(run_once):
                    pass
                # The worker's periodic sweep, at the senders' time.
                portal.call(sweep_once, PROJECT, now)

            label_of: dict[str, str] = {}
            refused: list[str] = []
            minute = None
            for n, row in enumerate(rows):
                if minute_by_minute and row["at"][:16] != minute:
                    work(parse_timestamp(row["at"]))
                    minute = row["at"][:16]
                answer = client.post(
                    f"/ingest/{row['source']}/webhook",
                    params={"project_id": PROJECT},
                    headers=row["headers"],
                    content=json.dumps(row["body"], separators=(",", ":")).encode(),
                )
                if answer.status_code >= 300 or "id" not in answer.json():
                    refused.append(f"{row['source']} {row['role']}: {answer.text[:120]}")
                    continue
                item_id = answer.json()["id"]
                # A decoy's label is its own; an update keeps the label of the item's first row.
                label_of.setdefault(item_id, row["incident"] or f"decoy-{n}")
            work(None)
            items = portal.call(store.get_items, PROJECT, list(label_of))
            incidents = portal.call(lambda: store.list_incidents(PROJECT, limit=1000))
    ids = [item.id for item in items]
    truth = [label_of[i] for i in ids]
    decoys = [item for item in items if label_of[item.id].startswith("decoy-")]
    n = len(items)
    return {
        "file": path.name,
        "deliveries": len(rows),
        "refused": refused,
        "items": n,
        "labelled_incidents": len({t for t in truth if not t.startswith("decoy-")}),
        "incidents": len(incidents),
        "closed": sum(1 for i in incidents if i.status == "closed"),
        "decoys": len(decoys),
        "decoys_in_an_incident": sum(1 for d in decoys if d.incident_id),
        "incident": pair_scores(truth, [item.incident_id for item in items]),
        "cluster": pair_scores(truth, [item.cluster_id for item in items]),
        "worker_ms_per_item": 1000 * total.seconds / n,
        "sweep_ms_per_run": 1000 * sweep.seconds / max(sweep.calls, 1),
        "sweeps": sweep.calls,
    }


def step_cost(path: Path, *, minute_by_minute: bool, rounds: int) -> dict[str, Any]:
    """The worker's CPU time per item with the incident step and without, ``rounds`` runs of
    each, alternated (the machine's other load weighs on both alike); medians."""
    with_step, without, sweeps = [], [], []
    for _ in range(rounds):
        report = run_file(path, minute_by_minute=minute_by_minute)
        with_step.append(report["worker_ms_per_item"])
        sweeps.append(report["sweep_ms_per_run"])
        without.append(
            run_file(path, minute_by_minute=minute_by_minute, with_incidents=False)[
                "worker_ms_per_item"
            ]
        )
    base, step = (
        statistics.median(without),
        statistics.median(with_step) - statistics.median(without),
    )
    return {
        "worker_ms_per_item": base,
        "incident_step_ms_per_item": step,
        "incident_step_ratio": step / base if base else 0.0,
        "sweep_ms_per_run": statistics.median(sweeps),
        "rounds": rounds,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=DEFAULT_FILES)
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--rounds", type=int, default=5, help="replays of each, for the cost")
    args = parser.parse_args(argv)
    reports = []
    for path in args.files:
        report = run_file(path)
        report["cost"] = step_cost(path, minute_by_minute=True, rounds=args.rounds)
        report["cost_full_batches"] = step_cost(path, minute_by_minute=False, rounds=args.rounds)
        reports.append(report)
    if args.json:
        print(json.dumps(reports, indent=2))
        return 0
    for r in reports:
        inc, clu, cost, full = r["incident"], r["cluster"], r["cost"], r["cost_full_batches"]
        print(
            f"{r['file']}: {r['deliveries']} deliveries -> {r['items']} items, "
            f"{r['labelled_incidents']} labelled incidents -> {r['incidents']} incidents "
            f"({r['closed']} closed); decoys in an incident: "
            f"{r['decoys_in_an_incident']} of {r['decoys']}"
        )
        for name, score in (("incidents", inc), ("clusters", clu)):
            print(
                f"  {name + ':':10} precision {score['precision']:.3f}  "
                f"recall {score['recall']:.3f}  {score['pairs']}"
            )
        for name, c in (("minute by minute", cost), ("full batches", full)):
            print(
                f"  cost, {name}: worker {c['worker_ms_per_item']:.3f} ms/item without the "
                f"incident step, +{c['incident_step_ms_per_item']:.3f} ms/item with it = "
                f"{100 * c['incident_step_ratio']:+.1f} % (median of {c['rounds']}); sweep "
                f"{c['sweep_ms_per_run']:.2f} ms"
            )
        for refusal, times in Counter(r["refused"]).items():
            print(f"  not stored ({times}x): {refusal}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
