"""Grouping keys through every Embedder and VectorIndex adapter: Gemini and Upstash at their
HTTP boundary, the local ones on SQLite and Redis. Key records are found by id alone, so a
remote index decides as the local one does."""

from __future__ import annotations

import itertools
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from soulcaster_core.clustering.clusterer import Clusterer
from soulcaster_core.clustering.embedders import Embedder
from soulcaster_core.clustering.indexes import VectorIndex
from soulcaster_core.clustering.recluster import recluster
from soulcaster_core.models import FeedbackItem, Project
from soulcaster_core.stacktrace import ExceptionInfo, Frame
from soulcaster_core.store.sqlite import SQLiteStore

pytestmark = pytest.mark.anyio
PROJECT = "acme"


# A second apart: re-grouping meets items oldest first, and same-millisecond items in no fixed
# order, which would leave the message-only alert's choice of cluster to chance.
RECEIVED = (datetime(2026, 12, 1, tzinfo=UTC) + timedelta(seconds=n) for n in itertools.count())


def error(source: str, kind: str, value: str, *functions: str) -> FeedbackItem:
    frames = [Frame(function=f, filename=f"app/{f}.py", in_app=True) for f in functions]
    return FeedbackItem(
        project_id=PROJECT,
        source=source,
        external_id=uuid.uuid4().hex,
        title=f"{kind}: {value}",
        received_at=next(RECEIVED),
        exceptions=[ExceptionInfo(type=kind, value=value, frames=frames)],
    )


async def test_keys_decide_alike_on_every_adapter(
    tmp_path: Path, embedder: Embedder, vector_index: VectorIndex
) -> None:
    store = SQLiteStore(tmp_path / "items.sqlite3")
    await store.open()
    try:
        await store.create_project(Project(id=PROJECT, name="Acme"))
        clusterer = Clusterer(store, embedder, vector_index)
        sentry = error("sentry", "KeyError", "'user_id'", "profile_view", "load_profile")
        monitor = error("datadog", "KeyError", "'user_id'")
        logged = error("splunk", "KeyError", "'user_id'", "load_profile")
        near_miss = error("sentry", "KeyError", "'user_id'", "nightly_export", "export_csv")
        found = []
        for one in (sentry, monitor, logged, near_miss):
            await store.ingest(one)
            [assignment] = await clusterer.assign(PROJECT, [one])
            found.append(assignment.cluster_id)
        assert found[0] == found[1] == found[2] != found[3]

        # Re-grouping clears the index's records of the project and builds them again.
        report = await recluster(store, clusterer, PROJECT)
        assert (report.items, report.clusters) == (4, 2)
    finally:
        await store.close()
