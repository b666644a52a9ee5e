"""Incident benchmark: pairwise precision and recall of "same incident", and what the incident
step adds to the clustering worker's cost per item.

    python bench/incidents.py                                   # both halves
    python bench/incidents.py bench/data/incidents-report.jsonl # one file
    python bench/incidents.py --json
    python bench/incidents.py --redis redis://localhost:6390   # a Redis (its DBs 0-2 flushed)

Each file (``bench/data/generate_incidents.py``) is posted to a running app (SQLite store in a
temporary directory, every installed plugin) in the order the vendors send it, each row to the
open project of its ``company`` (a project is one customer's: two companies' failures in the
same minutes never meet), scored across all. Whenever the senders' clock moves to the next
minute, the worker works through the queue (clustering, then the incident step) and the
incident sweep runs on each project (a recovery updates its alert's item and is not queued: the
worker's sweep, every ``SOULCASTER_INCIDENT_SWEEP_SECONDS``, closes incidents whose alerts all
recovered). The window is the default (30 min).

Scores: over the stored items (a recovery or renotification lands on its trigger's item), a
pair is "same incident" when both carry the same label; a decoy's label is its own. Pairwise
precision and recall of the incident ids against that, and the same for the cluster ids (what
grouping alone links). Cost: the worker runs the incident step inside the clusters' own store
step, so it is what the worker's CPU time per item grows by with the step against without it.
Each of ``--rounds`` rounds replays the file into two apps at once, one with the step and one
without, each worker step run on both back to back (which goes first alternates), so that a
shared machine's load weighs on both alike; the cost is the difference of the sums over the
rounds, and (steadier) the difference of each worker call's least time over the rounds,
summed. It is measured in the minute-by-minute replay above (small batches) and with the
whole file queued first and worked through in the worker's batches, one on each app in turn.
On SQLite, one more pair with checkpoints off counts the pages written (the load does not
move them). The sweep (a step of its own every 30 s) is timed apart, per run.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Sequence
from contextlib import ExitStack
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from soulcaster_core.models import Project, slugify  # noqa: E402
from soulcaster_core.timestamps import parse_timestamp  # noqa: E402

DATA = ROOT / "bench" / "data"
DEFAULT_FILES = [DATA / "incidents-tune.jsonl", DATA / "incidents-report.jsonl"]
#: The project of a row that names no company.
PROJECT = "bench"
P = ParamSpec("P")
T = TypeVar("T")


class Stopwatch:
    """CPU seconds (of the whole process: the event loop and the store's threads) spent inside
    the wrapped coroutine functions: the other jobs of a shared machine do not count."""

    def __init__(self) -> None:
        #: Each call's CPU seconds, in order.
        self.laps: list[float] = []

    @property
    def seconds(self) -> float:
        return sum(self.laps)

    @property
    def calls(self) -> int:
        return len(self.laps)

    def wrap(self, fn: Callable[P, Awaitable[T]]) -> Callable[P, Awaitable[T]]:
        async def timed(*args: P.args, **kwargs: P.kwargs) -> T:
            started = time.process_time()
            try:
                return await fn(*args, **kwargs)
            finally:
                self.laps.append(time.process_time() - started)

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


def project_of(row: dict[str, Any]) -> str:
    """The project a row goes to: its company's (one project per customer)."""
    company = row.get("company")
    return slugify(company) if company else PROJECT


class Replay:
    """One app (SQLite store in a temporary directory, or a Redis at ``redis_url`` flushed
    first, every installed plugin, an open project per company) and its worker, fed a file row
    by row."""

    def __init__(
        self,
        stack: ExitStack,
        *,
        projects: Sequence[str],
        with_incidents: bool,
        redis_url: str | None,
        count_pages: bool = False,
    ) -> None:
        from starlette.testclient import TestClient

        from soulcaster_core.settings import Settings
        from soulcaster_core.wiring import create_app
        from soulcaster_core.worker import ClusterWorker

        tmp = stack.enter_context(tempfile.TemporaryDirectory())
        settings = Settings(
            data_dir=Path(tmp), api_token="bench", run_worker=False, redis_url=redis_url
        )
        app = create_app(settings)
        self.client = stack.enter_context(TestClient(app, raise_server_exceptions=False))
        portal = self.client.portal
        assert portal is not None
        self.portal = portal
        self.store = app.state.soulcaster.store
        self.projects = list(projects)
        for project_id in self.projects:
            project = Project(id=project_id, name=project_id, allow_unauthenticated=True)
            portal.call(self.store.create_project, project)
        self.wal: Path | None = None
        if count_pages and redis_url is None:
            # No checkpoint empties the write-ahead log: it holds every page written.
            portal.call(self.store._run, lambda c: c.execute("PRAGMA wal_autocheckpoint = 0"))
            self.wal = Path(f"{self.store.path}-wal")
        worker = ClusterWorker(app.state.soulcaster, consumer="bench", block_ms=0)
        if not with_incidents:
            worker.incidents = _NoIncidents()  # type: ignore[assignment]
        self.total, self.sweep = Stopwatch(), Stopwatch()
        self._run_once = self.total.wrap(worker.run_once)
        self._sweep_once = self.sweep.wrap(worker.incidents.sweep)

    def post(self, row: dict[str, Any]) -> Any:
        return self.client.post(
            f"/ingest/{row['source']}/webhook",
            params={"project_id": project_of(row)},
            headers=row["headers"],
            content=json.dumps(row["body"], separators=(",", ":")).encode(),
        )

    def work(self, now: datetime | None) -> None:
        """Work the whole queue, then the periodic sweep at the senders' time."""
        while self.batch():
            pass
        for project_id in self.projects:
            self.portal.call(self._sweep_once, project_id, now)

    def pages(self) -> int:
        """The pages written to the SQLite file so far (``count_pages``)."""
        assert self.wal is not None
        size = int(
            self.portal.call(self.store._run, lambda c: c.execute("PRAGMA page_size").fetchone()[0])
        )
        return self.wal.stat().st_size // (size + 24)  # a frame: its header and the page

    def batch(self) -> int:
        """One of the worker's batches; the items it took."""
        return int(self.portal.call(self._run_once))


def _redis(url: str | None) -> str | None:
    if url is not None:
        import redis

        redis.Redis.from_url(url).flushall()
    return url


def _rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def _projects(rows: Sequence[dict[str, Any]]) -> list[str]:
    return sorted({project_of(row) for row in rows})


def run_file(path: Path, *, redis_url: str | None = None) -> dict[str, Any]:
    """The scores of one file, replayed minute by minute with the incident step."""
    rows = _rows(path)
    with ExitStack() as stack:
        projects = _projects(rows)
        replay = Replay(stack, projects=projects, with_incidents=True, redis_url=_redis(redis_url))
        label_of: dict[str, str] = {}
        ids_of: dict[str, list[str]] = {project_id: [] for project_id in projects}
        refused: list[str] = []
        minute = None
        for n, row in enumerate(rows):
            if row["at"][:16] != minute:
                replay.work(parse_timestamp(row["at"]))
                minute = row["at"][:16]
            answer = replay.post(row)
            if answer.status_code >= 300 or "id" not in answer.json():
                refused.append(f"{row['source']} {row['role']}: {answer.text[:120]}")
                continue
            item_id = answer.json()["id"]
            # A decoy's label is its own; an update keeps the label of the item's first row.
            if item_id not in label_of:
                label_of[item_id] = row["incident"] or f"decoy-{n}"
                ids_of[project_of(row)].append(item_id)
        replay.work(None)
        store, portal = replay.store, replay.portal
        items, incidents = [], []
        for project_id, item_ids in ids_of.items():
            items.extend(portal.call(store.get_items, project_id, item_ids))
            incidents.extend(portal.call(partial(store.list_incidents, project_id, limit=1000)))
    ids = [item.id for item in items]
    truth = [label_of[i] for i in ids]
    decoys = [item for item in items if label_of[item.id].startswith("decoy-")]
    return {
        "file": path.name,
        "deliveries": len(rows),
        "refused": refused,
        "items": len(items),
        "labelled_incidents": len({t for t in truth if not t.startswith("decoy-")}),
        "incidents": len(incidents),
        "closed": sum(1 for i in incidents if i.status == "closed"),
        "decoys": len(decoys),
        "decoys_in_an_incident": sum(1 for d in decoys if d.incident_id),
        "incident": pair_scores(truth, [item.incident_id for item in items]),
        "cluster": pair_scores(truth, [item.cluster_id for item in items]),
    }


def _paired_round(
    path: Path, *, minute_by_minute: bool, redis_url: str | None, count_pages: bool = False
) -> tuple[list[float], list[float], float, int, tuple[int, int] | None]:
    """One replay of ``path`` into two apps at once, one with the incident step and one
    without, each step of the worker run on both back to back (which first alternates): the
    machine's other load weighs on both alike. Their worker CPU seconds per call (of
    ``run_once``), the sweep's per run, the items, and with ``count_pages`` (SQLite) the pages
    each wrote."""
    rows = _rows(path)
    with ExitStack() as stack:
        if redis_url is not None:
            # Two apps on one Redis: each its own database.
            base = redis_url.rstrip("/")
            base = base.rsplit("/", 1)[0] if base.count("/") > 2 else base
            urls = [_redis(f"{base}/1"), _redis(f"{base}/2")]
        else:
            urls = [None, None]
        projects = _projects(rows)
        with_step, without = (
            Replay(
                stack,
                projects=projects,
                with_incidents=with_incidents,
                redis_url=url,
                count_pages=count_pages,
            )
            for with_incidents, url in ((True, urls[0]), (False, urls[1]))
        )
        # The objects there are now (modules, both apps) are left out of the collector's
        # full passes, which would otherwise fall on either app's step by chance.
        gc.collect()
        gc.freeze()
        stack.callback(gc.unfreeze)
        turn = 0

        def both(step: Callable[[Replay], T]) -> list[T]:
            # Which of the two goes first alternates.
            nonlocal turn
            turn += 1
            pair = (with_step, without) if turn % 2 else (without, with_step)
            return [step(replay) for replay in pair]

        ids: set[str] = set()
        minute = None
        for row in rows:
            if minute_by_minute and row["at"][:16] != minute:
                minute = row["at"][:16]
                both(partial(Replay.work, now=parse_timestamp(row["at"])))
            answer = with_step.post(row)
            without.post(row)
            if answer.status_code < 300:
                ids.add(answer.json().get("id", ""))
        # Whatever is queued (the whole file when not minute by minute): one of the worker's
        # batches on each, in turn.
        while any(both(Replay.batch)):
            pass
        both(partial(Replay.work, now=None))
        sweep = with_step.sweep.seconds / max(with_step.sweep.calls, 1)
        pages = (with_step.pages(), without.pages()) if with_step.wal is not None else None
        return with_step.total.laps, without.total.laps, sweep, len(ids - {""}), pages


def step_cost(
    path: Path, *, minute_by_minute: bool, rounds: int, redis_url: str | None = None
) -> dict[str, Any]:
    """The worker's CPU time per item with the incident step and without, measured in pairs
    (``_paired_round``), ``rounds`` times. Two figures of the step's cost: the difference of
    the sums over the rounds (with the lowest and highest ratio of one round); and the
    difference of the **least** time of each worker call over the rounds, summed (every round
    makes the same calls on the same items in the same order: a call's least time is its cost
    with the least of the machine's other load on it, the steadiest figure here)."""
    sums = [0.0, 0.0]
    least: list[list[float]] = [[], []]
    ratios, sweeps = [], []
    items = 0
    for _ in range(rounds):
        with_step, without, sweep, n, _ = _paired_round(
            path, minute_by_minute=minute_by_minute, redis_url=redis_url
        )
        for side, laps in enumerate((with_step, without)):
            sums[side] += sum(laps)
            if len(least[side]) != len(laps):  # the first round (or calls that differ)
                least[side] = list(laps) if not least[side] else least[side][: len(laps)]
            least[side] = [min(a, b) for a, b in zip(least[side], laps, strict=False)]
        ratios.append((sum(with_step) - sum(without)) / sum(without))
        sweeps.append(sweep)
        items = n
    base, step = sums[1] / (items * rounds), (sums[0] - sums[1]) / (items * rounds)
    # One more pair, checkpoints off (they are part of the cost above): pages written, which
    # the machine's load does not move.
    pages = _paired_round(
        path, minute_by_minute=minute_by_minute, redis_url=redis_url, count_pages=True
    )[4]
    least_base, least_step = sum(least[1]) / items, (sum(least[0]) - sum(least[1])) / items
    return {
        "worker_ms_per_item": 1000 * base,
        "incident_step_ms_per_item": 1000 * step,
        "incident_step_ratio": step / base if base else 0.0,
        "ratio_range": [min(ratios), max(ratios)],
        "least_worker_ms_per_item": 1000 * least_base,
        "least_incident_step_ms_per_item": 1000 * least_step,
        "least_incident_step_ratio": least_step / least_base if least_base else 0.0,
        "sweep_ms_per_run": 1000 * statistics.median(sweeps),
        "rounds": rounds,
        # SQLite: pages written per item without the step, and more with it.
        "pages_per_item": None if pages is None else pages[1] / items,
        "incident_step_pages_per_item": None if pages is None else (pages[0] - pages[1]) / items,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=DEFAULT_FILES)
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--rounds", type=int, default=8, help="paired replays, for the cost")
    parser.add_argument(
        "--redis", metavar="URL", help="a Redis to use (flushed!) instead of SQLite"
    )
    args = parser.parse_args(argv)
    reports = []
    for path in args.files:
        report = run_file(path, redis_url=args.redis)
        for name, minute_by_minute in (("cost", True), ("cost_full_batches", False)):
            report[name] = step_cost(
                path, minute_by_minute=minute_by_minute, rounds=args.rounds, redis_url=args.redis
            )
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
                f"{100 * c['incident_step_ratio']:+.1f} % (sums of {c['rounds']} paired "
                f"rounds; one round's {100 * c['ratio_range'][0]:+.1f} to "
                f"{100 * c['ratio_range'][1]:+.1f} %); least of each call: "
                f"{c['least_worker_ms_per_item']:.3f} ms/item, "
                f"+{c['least_incident_step_ms_per_item']:.3f} = "
                f"{100 * c['least_incident_step_ratio']:+.1f} %; sweep "
                f"{c['sweep_ms_per_run']:.2f} ms"
            )
            if c["pages_per_item"] is not None:
                print(
                    f"    pages written per item (ingest and worker): {c['pages_per_item']:.2f} "
                    f"without the step, "
                    f"+{c['incident_step_pages_per_item']:.2f} with it"
                )
        for refusal, times in Counter(r["refused"]).items():
            print(f"  not stored ({times}x): {refusal}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
