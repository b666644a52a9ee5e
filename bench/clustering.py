"""Clustering benchmark: LogHub-2k grouping accuracy against Drain3, and labelled webhooks.

    python bench/clustering.py [--data DIR] [--json]
    python bench/clustering.py --logs bench/data/logs-proxy.csv [more.csv ...] [--json]
    python bench/clustering.py --errors bench/data/errors.jsonl [more.jsonl ...] [--json]
    python bench/clustering.py --errors bench/data/webhooks-dev.jsonl --explain

LogHub: for each ``<Name>/<Name>_2k.log_structured_corrected.csv`` under ``--data`` (default
``../shared/data/loghub`` from the repository root), the ``Content`` column is fed in file
order to our clusterer, through ``Clusterer.assign`` in worker-sized batches with the local
embedder, the local index and a SQLite store (the embedded default, exactly what the worker
runs), and to Drain3 (its default config plus the masking of its example ``drain3.ini``).
Both are scored against ``EventId`` with grouping accuracy (GA: a line counts when its
predicted cluster is exactly its true group) and FGA (F1 of exactly-right groups). The data
is read where it lies (research licence): nothing of it is copied.

Logs: ``--logs`` scores labelled CSV files (columns ``Content`` and ``EventId``, such as
``bench/data/logs-*.csv``) the same way, ours and Drain3 side by side, one row per file.

Errors: each line of the JSON-lines file is one webhook ``{"source", "headers", "body",
"group"}``; all are posted to a running app (SQLite store in a temporary directory, every
installed plugin; one project per ``company`` a row names, as separate customers would be),
the worker clusters them, and pairwise precision and recall of "same
cluster" are scored against ``group``. Several files are scored one after the other, each in
its own app. Rows that carry ``classes`` (``bench/data/webhooks-*.jsonl``) also get a
breakdown per class: precision and recall over the pairs where either webhook carries it.
``--explain [GROUP ...]`` also prints, for every group split over clusters or merged with
another (or for the groups named), each of its webhooks' cluster and what grouping read of it
(the API's ``grouping``): how a failure is read. Use it only on sets you tune on: reading it
on a set turns that set into one more.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import json
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from soulcaster_core.clustering.clusterer import Clusterer  # noqa: E402
from soulcaster_core.clustering.embedders.local import LocalEmbedder  # noqa: E402
from soulcaster_core.clustering.indexes.local import LocalIndex  # noqa: E402
from soulcaster_core.models import FeedbackItem, Project, slugify  # noqa: E402
from soulcaster_core.settings import Settings  # noqa: E402
from soulcaster_core.store.sqlite import SQLiteStore  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "loghub"
#: The worker's batch: ``SOULCASTER_WORKER_BATCH`` or its default, unless --batch says.
BATCH = Settings().worker_batch

# Drain3's examples/drain3.ini masking, as published with Drain3 (MIT).
DRAIN3_MASKING = [
    (r"((?<=[^A-Za-z0-9])|^)(([0-9a-f]{2,}:){3,}([0-9a-f]{2,}))((?=[^A-Za-z0-9])|$)", "ID"),
    (r"((?<=[^A-Za-z0-9])|^)(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})((?=[^A-Za-z0-9])|$)", "IP"),
    (r"((?<=[^A-Za-z0-9])|^)([0-9a-f]{6,} ?){3,}((?=[^A-Za-z0-9])|$)", "SEQ"),
    (r"((?<=[^A-Za-z0-9])|^)([0-9A-F]{4} ?){4,}((?=[^A-Za-z0-9])|$)", "SEQ"),
    (r"((?<=[^A-Za-z0-9])|^)(0x[a-f0-9A-F]+)((?=[^A-Za-z0-9])|$)", "HEX"),
    (r"((?<=[^A-Za-z0-9])|^)([\-\+]?\d+)((?=[^A-Za-z0-9])|$)", "NUM"),
    (r"(?<=executed cmd )(\".+?\")", "CMD"),
]


@dataclass
class Score:
    ga: float
    fga: float
    items_per_second: float
    clusters: int
    #: Per CPU second of the process (every thread: our SQLite store's too), which a busy
    #: shared machine moves less than the wall clock.
    items_per_cpu_second: float


def grouping_scores(
    truth: Sequence[Hashable], predicted: Sequence[Hashable]
) -> tuple[float, float]:
    """GA (logparser's ``get_accuracy``) and FGA (Loghub-2.0's F1 over exactly-right groups)."""
    true_groups: dict[Hashable, set[int]] = defaultdict(set)
    predicted_groups: dict[Hashable, set[int]] = defaultdict(set)
    for i, (t, p) in enumerate(zip(truth, predicted, strict=True)):
        true_groups[t].add(i)
        predicted_groups[p].add(i)
    exact = {frozenset(g) for g in true_groups.values()}
    right = [g for g in predicted_groups.values() if frozenset(g) in exact]
    ga = sum(len(g) for g in right) / len(truth)
    precision = len(right) / len(predicted_groups)
    recall = len(right) / len(true_groups)
    fga = 2 * precision * recall / (precision + recall) if right else 0.0
    return ga, fga


def load_loghub(folder: Path) -> tuple[list[str], list[str]]:
    return load_labelled_csv(folder / f"{folder.name}_2k.log_structured_corrected.csv")


def load_labelled_csv(path: Path) -> tuple[list[str], list[str]]:
    """``Content`` and ``EventId`` of every labelled line, in file order."""
    with path.open(newline="", encoding="utf-8") as f:
        rows = [row for row in csv.DictReader(f) if row["EventId"]]
    return [row["Content"] for row in rows], [row["EventId"] for row in rows]


async def run_ours(
    name: str, contents: Sequence[str], store: SQLiteStore, batch: int
) -> tuple[list[str], float, float]:
    project = f"bench-{name.lower()}"
    await store.create_project(Project(id=project, name=name))
    # What a log source would send: the line as title (cut to the title limit) and raw text.
    items = [
        FeedbackItem(
            project_id=project, source="loghub", external_id=str(i), title=text, raw_text=text
        )
        for i, text in enumerate(contents, 1)
    ]
    clusterer = Clusterer(store, LocalEmbedder(), LocalIndex(store))
    cluster_of: dict[str, str] = {}
    start, cpu = time.perf_counter(), time.process_time()
    for at in range(0, len(items), batch):
        for assignment in await clusterer.assign(project, items[at : at + batch]):
            cluster_of[assignment.item_id] = assignment.cluster_id
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    return [cluster_of[item.id] for item in items], elapsed, cpu


def run_drain3(contents: Sequence[str]) -> tuple[list[int], float, float]:
    import logging

    from drain3 import TemplateMiner
    from drain3.masking import MaskingInstruction
    from drain3.template_miner_config import TemplateMinerConfig

    logging.getLogger("drain3").setLevel(logging.WARNING)
    config = TemplateMinerConfig()
    config.masking_instructions = [MaskingInstruction(p, m) for p, m in DRAIN3_MASKING]
    config.mask_prefix, config.mask_suffix = "<:", ":>"
    miner = TemplateMiner(config=config)
    start, cpu = time.perf_counter(), time.process_time()
    labels = [miner.add_log_message(text)["cluster_id"] for text in contents]
    return labels, time.perf_counter() - start, time.process_time() - cpu


def find_datasets(data: Path) -> list[Path]:
    folders = sorted(
        p for p in data.iterdir() if (p / f"{p.name}_2k.log_structured_corrected.csv").exists()
    )
    if not folders:
        raise SystemExit(f"no LogHub-2k folders under {data}")
    return folders


async def loghub(folders: Sequence[Path], batch: int = BATCH) -> dict[str, Any]:
    return await score_logs([(folder.name, *load_loghub(folder)) for folder in folders], batch)


async def labelled_logs(paths: Sequence[Path], batch: int = BATCH) -> dict[str, Any]:
    return await score_logs([(path.stem, *load_labelled_csv(path)) for path in paths], batch)


async def score_logs(
    datasets: Sequence[tuple[str, list[str], list[str]]], batch: int = BATCH
) -> dict[str, Any]:
    """Ours and Drain3 on each ``(name, contents, truth)``, with the mean over all of them."""
    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        store = SQLiteStore(Path(tmp) / "bench.sqlite3")
        await store.open()
        try:
            for name, contents, truth in datasets:
                ours, ours_s, ours_cpu = await run_ours(name, contents, store, batch)
                drain, drain_s, drain_cpu = run_drain3(contents)
                results[name] = {
                    "lines": len(contents),
                    "groups": len(set(truth)),
                    "ours": asdict(_score(truth, ours, ours_s, ours_cpu)),
                    "drain3": asdict(_score(truth, drain, drain_s, drain_cpu)),
                }
        finally:
            await store.close()
    mean = {
        who: {
            key: sum(r[who][key] for r in results.values()) / len(results)
            for key in ("ga", "fga", "items_per_second", "items_per_cpu_second")
        }
        for who in ("ours", "drain3")
    }
    return {"datasets": results, "mean": mean, "batch": batch}


def _score(
    truth: Sequence[str], predicted: Sequence[Hashable], seconds: float, cpu_seconds: float
) -> Score:
    ga, fga = grouping_scores(truth, predicted)
    return Score(
        ga, fga, _rate(len(truth), seconds), len(set(predicted)), _rate(len(truth), cpu_seconds)
    )


def _rate(items: int, seconds: float) -> float:
    return items / seconds if seconds else float("inf")


def print_loghub(report: dict[str, Any]) -> None:
    width = max([12, *(len(name) for name in report["datasets"])])
    header = (
        f"{'dataset':<{width}} {'GA':>6} {'FGA':>6} {'items/s':>9} │ "
        f"{'Drain3 GA':>9} {'FGA':>6} {'items/s':>9}"
    )
    print(header)
    print("─" * len(header))
    for name, r in report["datasets"].items():
        o, d = r["ours"], r["drain3"]
        print(
            f"{name:<{width}} {o['ga']:6.3f} {o['fga']:6.3f} {o['items_per_second']:9.0f} │ "
            f"{d['ga']:9.3f} {d['fga']:6.3f} {d['items_per_second']:9.0f}"
        )
    o, d = report["mean"]["ours"], report["mean"]["drain3"]
    print("─" * len(header))
    print(
        f"{'mean':<{width}} {o['ga']:6.3f} {o['fga']:6.3f} {o['items_per_second']:9.0f} │ "
        f"{d['ga']:9.3f} {d['fga']:6.3f} {d['items_per_second']:9.0f}"
    )
    print(f"(ours: batches of {report['batch']} items through Clusterer.assign, SQLite store)")
    # The target is the first ratio; the second varies less with the machine's load.
    print(
        f"ours / Drain3, mean items/s: {o['items_per_second'] / d['items_per_second']:.2f} "
        f"(per CPU second: {o['items_per_cpu_second'] / d['items_per_cpu_second']:.2f})"
    )


def run_errors(path: Path, explain: Sequence[str] | None = None) -> dict[str, Any]:
    """Post every labelled webhook to a running app, cluster, score pairs against ``group``;
    ``explained`` holds what grouping read of the groups named in ``explain``, or of every
    group it split or merged."""
    from starlette.testclient import TestClient

    from soulcaster_core.settings import Settings
    from soulcaster_core.wiring import create_app
    from soulcaster_core.worker import ClusterWorker

    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    # Each company is a customer of its own: one project each, as it would be deployed.
    project_of = [slugify(row.get("company") or "default") for row in rows]
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp), api_token="bench", run_worker=False)
        app = create_app(settings)
        with TestClient(app, raise_server_exceptions=False) as client:
            portal = client.portal
            assert portal is not None
            store = app.state.soulcaster.store
            # The corpus is replayed unsigned: its projects take deliveries without secrets
            # (the server's own "default" project exists already, closed: open it too).
            for project in sorted(set(project_of)):
                opened = Project(id=project, name=project, allow_unauthenticated=True)
                if not portal.call(store.create_project, opened):
                    portal.call(store.save_project, opened)
            item_ids: list[str | None] = []
            for row, project in zip(rows, project_of, strict=True):
                answer = client.post(
                    f"/ingest/{row['source']}/webhook",
                    params={"project_id": project},
                    headers=row["headers"],
                    content=json.dumps(row["body"], separators=(",", ":")).encode(),
                )
                item_ids.append(answer.json().get("id") if answer.status_code < 300 else None)
            services = app.state.soulcaster
            worker = ClusterWorker(services, consumer="bench", block_ms=0)
            while portal.call(worker.run_once):
                pass
            auth = {"authorization": "Bearer bench"}
            cluster_of: dict[str, str | None] = {}
            grouping_of: dict[str, Any] = {}
            for item_id, project in zip(item_ids, project_of, strict=True):
                if item_id is None:
                    continue
                item = client.get(
                    f"/api/feedback/{item_id}", params={"project_id": project}, headers=auth
                ).json()
                cluster_of[item_id] = item.get("cluster_id")
                grouping_of[item_id] = {"title": item.get("title"), **(item.get("grouping") or {})}
    refused = [i for i, item_id in enumerate(item_ids) if item_id is None]
    kept = [(row, cluster_of[i]) for row, i in zip(rows, item_ids, strict=True) if i]
    scored = [(row["group"], cluster) for row, cluster in kept]
    tp, fp, fn = _pair_counts(scored)
    members: dict[str, set[str]] = defaultdict(set)
    for group, cluster in scored:
        members[group].add(str(cluster))
    report: dict[str, Any] = {
        "webhooks": len(rows),
        "refused": [rows[i]["source"] for i in refused],
        "items": len(cluster_of),
        "groups": len(members),
        "clusters": len({c for _, c in scored}),
        "pairs": {"true_positive": tp, "false_positive": fp, "false_negative": fn},
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "recall": tp / (tp + fn) if tp + fn else 1.0,
        "split_groups": {g: len(c) for g, c in members.items() if len(c) > 1},
        "merged_groups": _merged(scored),
    }
    if any("classes" in row for row, _ in kept):
        report["classes"] = _per_class(kept)
    wrong = set(explain or ()) or (
        set(report["split_groups"]) | {g for gs in report["merged_groups"] for g in gs}
    )
    report["explained"] = {
        group: [
            {"row": n, "source": row["source"], "cluster": cluster_of[i], **grouping_of[i]}
            for n, (row, i) in enumerate(zip(rows, item_ids, strict=True))
            if i and row["group"] == group
        ]
        for group in sorted(wrong)
    }
    return report


def _pair_counts(
    scored: Sequence[tuple[str, str | None]], counts: Sequence[bool] | None = None
) -> tuple[int, int, int]:
    """True positive, false positive and false negative pairs; with ``counts``, only the
    pairs where either side's flag is set."""
    tp = fp = fn = 0
    for a in range(len(scored)):
        for b in range(a + 1, len(scored)):
            if counts is not None and not (counts[a] or counts[b]):
                continue
            same_group = scored[a][0] == scored[b][0]
            same_cluster = scored[a][1] is not None and scored[a][1] == scored[b][1]
            tp += same_group and same_cluster
            fp += same_cluster and not same_group
            fn += same_group and not same_cluster
    return tp, fp, fn


def _per_class(kept: Sequence[tuple[dict[str, Any], str | None]]) -> dict[str, dict[str, Any]]:
    """Pairwise precision and recall restricted to the pairs where either webhook carries
    the class tag, for every tag the rows carry (issue 12's 1-10, near-miss, noise, ...)."""
    scored = [(row["group"], cluster) for row, cluster in kept]
    tags = sorted(
        {str(t) for row, _ in kept for t in row.get("classes", [])},
        key=lambda t: (not t.isdigit(), t.zfill(3)),
    )
    out: dict[str, dict[str, Any]] = {}
    for tag in tags:
        flags = [tag in {str(t) for t in row.get("classes", [])} for row, _ in kept]
        tp, fp, fn = _pair_counts(scored, flags)
        out[tag] = {
            "webhooks": sum(flags),
            "groups": len({g for (g, _), f in zip(scored, flags, strict=True) if f}),
            "pairs": {"true_positive": tp, "false_positive": fp, "false_negative": fn},
            "precision": tp / (tp + fp) if tp + fp else 1.0,
            "recall": tp / (tp + fn) if tp + fn else 1.0,
        }
    return out


def _merged(scored: Sequence[tuple[str, str | None]]) -> list[list[str]]:
    groups_of: dict[str, set[str]] = defaultdict(set)
    for group, cluster in scored:
        groups_of[str(cluster)].add(group)
    return [sorted(g) for g in groups_of.values() if len(g) > 1]


def print_explained(report: dict[str, Any]) -> None:
    """Each wrongly grouped group's webhooks: their cluster (short) and what grouping read."""
    for group, rows in report["explained"].items():
        print(f"== {group}")
        for r in rows:
            read = {k: v for k, v in r.items() if k not in {"row", "source", "cluster", "title"}}
            read.pop("reason", None)
            print(f"  {str(r['cluster'])[-6:]} row {r['row']:<4} {r['source']:<8} {r['title']!r}")
            print(f"      {json.dumps(read, default=str)[:900]}")


def print_errors(report: dict[str, Any]) -> None:
    print(
        f"{report['webhooks']} webhooks, {report['items']} items, {report['groups']} groups, "
        f"{report['clusters']} clusters"
    )
    print(f"pairwise precision {report['precision']:.3f}  recall {report['recall']:.3f}")
    if report["refused"]:
        print(f"refused by the app: {report['refused']}")
    for group, n in sorted(report["split_groups"].items()):
        print(f"  split: {group} in {n} clusters")
    for groups in report["merged_groups"]:
        print(f"  merged: {', '.join(groups)}")
    if report.get("classes"):
        print(f"  {'class':<10} {'webhooks':>8} {'groups':>6} {'precision':>9} {'recall':>7}")
        for tag, c in report["classes"].items():
            print(
                f"  {tag:<10} {c['webhooks']:8d} {c['groups']:6d} "
                f"{c['precision']:9.3f} {c['recall']:7.3f}"
            )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="LogHub-2k folders")
    parser.add_argument(
        "--errors", type=Path, nargs="+", help="JSON-lines files of labelled webhooks"
    )
    parser.add_argument(
        "--logs", type=Path, nargs="+", help="labelled log CSVs (Content, EventId columns)"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--explain",
        nargs="*",
        metavar="GROUP",
        help="with --errors: what grouping read of each miss (or of the groups named)",
    )
    parser.add_argument("--batch", type=int, default=BATCH, help="items per assign call")
    args = parser.parse_args(argv)
    report: dict[str, Any]
    if args.errors:
        reports = {str(path): run_errors(path, args.explain) for path in args.errors}
        if not args.json:
            for path, one in reports.items():
                if len(reports) > 1:
                    print(f"== {path}")
                print_errors(one)
                if args.explain is not None:
                    print_explained(one)
        # One file keeps the report's own shape; several are keyed by path.
        report = next(iter(reports.values())) if len(reports) == 1 else {"files": reports}
    elif args.logs:
        report = asyncio.run(labelled_logs(args.logs, args.batch))
        if not args.json:
            print_loghub(report)
    else:
        report = asyncio.run(loghub(find_datasets(args.data), args.batch))
        if not args.json:
            print_loghub(report)
    if args.json:
        print(json.dumps(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
