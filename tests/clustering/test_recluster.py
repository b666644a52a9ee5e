"""``soulcaster recluster``: stored items regrouped by the current algorithm, people's
corrections kept."""

from __future__ import annotations

import uuid
from pathlib import Path

import anyio
import pytest

from soulcaster_core.clustering import clusters as corrections
from soulcaster_core.clustering.clusterer import Clusterer
from soulcaster_core.clustering.embedders.local import LocalEmbedder
from soulcaster_core.clustering.indexes.local import LocalIndex
from soulcaster_core.clustering.recluster import recluster
from soulcaster_core.models import Cluster, FeedbackItem, Project
from soulcaster_core.stacktrace import ExceptionInfo, Frame
from soulcaster_core.store.port import ClusterMember, Store
from soulcaster_core.store.sqlite import SQLiteStore
from tests.support.cli import RunCli

pytestmark = pytest.mark.anyio
PROJECT = "acme"


def error(kind: str, value: str, function: str, source: str = "sentry") -> FeedbackItem:
    frames = [Frame(function=function, filename=f"app/{function}.py", in_app=True)]
    return FeedbackItem(
        project_id=PROJECT,
        source=source,
        external_id=uuid.uuid4().hex,
        title=f"{kind}: {value}",
        exceptions=[ExceptionInfo(type=kind, value=value, frames=frames)],
    )


async def one_cluster_for_all(store: Store, items: list[FeedbackItem]) -> str:
    """What an older, worse algorithm left behind: everything in one cluster."""
    cluster_id = "legacy"
    rows = [(i.id, cluster_id, {"algorithm": "old/1", "method": "nearest"}) for i in items]

    cluster = Cluster(id=cluster_id, project_id=PROJECT, title="everything")
    members = [ClusterMember.of(i) for i in items]
    await store.add_to_clusters(PROJECT, [(cluster, members)], rows)
    return cluster_id


async def test_recluster_splits_what_an_older_algorithm_merged_and_keeps_manual_moves(
    store: Store,
) -> None:
    await store.create_project(Project(id=PROJECT, name="Acme"))
    key_error = [error("KeyError", "'user_id'", "load_profile", s) for s in ("sentry", "posthog")]
    timeout = [error("TimeoutError", "read timed out", "charge") for _ in range(2)]
    odd = error("ValueError", "bad amount", "parse_amount")
    items = [*key_error, *timeout, odd]
    for one in items:
        await store.ingest(one)
    await one_cluster_for_all(store, items)
    index = LocalIndex(store)
    clusterer = Clusterer(store, LocalEmbedder(), index)
    # A person decided the odd one belongs with the timeouts.
    await corrections.move(store, index, PROJECT, odd.id, None, "old/1")
    placed = await store.get_item(PROJECT, odd.id)
    assert placed is not None and placed.cluster_id is not None

    report = await recluster(store, clusterer, PROJECT)

    after = {i.id: i for i in await store.get_items(PROJECT, [i.id for i in items])}
    assert set(after) == {i.id for i in items}  # items keep their ids
    assert after[odd.id].cluster_id == placed.cluster_id  # the person's placement stays
    assert len({after[i.id].cluster_id for i in key_error}) == 1
    assert len({after[i.id].cluster_id for i in timeout}) == 1
    assert after[key_error[0].id].cluster_id != after[timeout[0].id].cluster_id
    assert {c.id for c in (await store.list_clusters(PROJECT))[0]} == {
        after[key_error[0].id].cluster_id,
        after[timeout[0].id].cluster_id,
        placed.cluster_id,
    }
    assert (report.items, report.kept, report.clusters) == (5, 1, 3)
    # The next occurrence of a regrouped problem finds its new cluster.
    again = error("KeyError", "'user_id'", "load_profile", "splunk")
    await store.ingest(again)
    [assignment] = await clusterer.assign(PROJECT, [again])
    assert assignment.cluster_id == after[key_error[0].id].cluster_id


def test_the_command_regroups_a_project_on_the_embedded_store(
    tmp_path: Path, run_cli: RunCli
) -> None:
    async def prepare() -> None:
        store = SQLiteStore(tmp_path / "soulcaster.sqlite3")
        await store.open()
        try:
            await store.create_project(Project(id=PROJECT, name="Acme"))
            items = [error("KeyError", "'user_id'", "load_profile") for _ in range(3)]
            for one in items:
                await store.ingest(one)
            await one_cluster_for_all(store, items)
        finally:
            await store.close()

    anyio.run(prepare)
    # In this process, on the store in ``tmp_path``: the command only reads and writes the
    # store, and a child process would spend its time importing the app.
    done = run_cli(["recluster", "--project", PROJECT])
    assert done.code == 0, done.err
    assert f"{PROJECT}: 3 items in 1 clusters (0 placed by hand, kept)" in done.out
    missing = run_cli(["recluster", "--project", "nope"])
    assert missing.code == 2 and "no project 'nope'" in missing.err
