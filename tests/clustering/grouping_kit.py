"""Items, exceptions and a clustering loop for the grouping tests (``test_grouping*.py``)."""

from __future__ import annotations

import uuid
from typing import Any

from soulcaster_core.clustering.clusterer import Clusterer
from soulcaster_core.models import FeedbackItem
from soulcaster_core.stacktrace import ExceptionInfo, Frame
from soulcaster_core.store.port import Store

PROJECT = "acme"


def item(
    source: str = "sentry",
    title: str = "",
    body: str = "",
    exceptions: list[ExceptionInfo] | None = None,
    **fields: Any,
) -> FeedbackItem:
    return FeedbackItem(
        project_id=PROJECT,
        source=source,
        external_id=uuid.uuid4().hex,
        title=title or (exceptions[-1].headline() if exceptions else "untitled"),
        body=body,
        raw_text=f"{title}\n{body}",
        exceptions=exceptions or [],
        **fields,
    )


def exc(kind: str, value: str, *functions: str, in_app: bool | None = True) -> ExceptionInfo:
    """An exception whose frames are ``functions``, outermost first (as senders order them)."""
    return ExceptionInfo(
        type=kind,
        value=value,
        frames=[Frame(function=f, filename=f"app/{f}.py", in_app=in_app) for f in functions],
    )


async def clusters_of(clusterer: Clusterer, store: Store, *items: FeedbackItem) -> list[str]:
    """Ingest and cluster ``items`` one batch each (as they would arrive apart)."""
    found = []
    for one in items:
        await store.ingest(one)
        [assignment] = await clusterer.assign(PROJECT, [one])
        found.append(assignment.cluster_id)
    return found
