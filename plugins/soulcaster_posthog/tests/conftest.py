from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from soulcaster_core import FeedbackItem, SyncContext, outbound
from soulcaster_core.models import IngestResult
from soulcaster_core.testing import json_fixtures
from soulcaster_posthog import PostHogConfig, PostHogHandler

FIXTURES = Path(__file__).parent / "fixtures"
API_KEY = "phx_9Qm2vXk4T7rLp0sB3nW8yZc1"


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(autouse=True)
def posthog_dns(monkeypatch: pytest.MonkeyPatch) -> None:
    """PostHog's hosts resolve to a public address without asking the real DNS: a config
    naming one is checked by the outbound policy (``soulcaster_core.outbound``)."""

    async def resolve(host: str, port: int) -> list[str]:
        if host == "posthog.com" or host.endswith(".posthog.com"):
            return ["93.184.215.14"]
        raise OSError(f"{host}: not a name these tests know")

    monkeypatch.setattr(outbound, "resolve_host", resolve)


@pytest.fixture
def payload() -> Callable[[str], dict[str, Any]]:
    """A fresh copy of ``fixtures/<name>.json`` each call, so tests can edit it freely."""
    return json_fixtures(FIXTURES)


class Pipeline:
    """Stands in for the core behind ``SyncContext``: accept → map → a store that dedups.

    It records what sync stored, the config it saved and the waits it asked for.
    """

    def __init__(self, config: PostHogConfig, fail_on: frozenset[str] = frozenset()) -> None:
        self.handler = PostHogHandler()
        self.config = config
        self.fail_on = fail_on
        self.items: dict[str, FeedbackItem] = {}
        self.ingested: list[str] = []
        self.saved: list[dict[str, Any]] = []
        self.sleeps: list[float] = []

    async def ingest(self, event: dict[str, Any]) -> IngestResult | None:
        if event["uuid"] in self.fail_on:
            raise ConnectionError("store went away")
        if self.handler.accept(event, self.config) is not None:
            return None
        item = self.handler.to_feedback_item(event, "test")
        self.ingested.append(item.external_id)
        if item.external_id in self.items:
            return IngestResult(status="duplicate", id=self.items[item.external_id].id)
        self.items[item.external_id] = item
        return IngestResult(status="created", id=item.id)

    async def save_config(self, **values: Any) -> None:
        self.saved.append(values)

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)


SyncFactory = Callable[..., tuple[SyncContext[PostHogConfig], Pipeline]]


@pytest.fixture
def make_sync() -> SyncFactory:
    """``make_sync(http, fail_on=..., **config)`` → ``(context, pipeline)``."""
    return _sync_context


def _sync_context(
    http: httpx.AsyncClient, fail_on: frozenset[str] = frozenset(), **config: Any
) -> tuple[SyncContext[PostHogConfig], Pipeline]:
    """A ``SyncContext`` on a real (respx-mocked) client, with a ``Pipeline`` recording it all."""
    values: dict[str, Any] = {"api_key": API_KEY, "project_id": "9137"}
    values.update(config)
    parsed = PostHogConfig(**values)
    pipeline = Pipeline(parsed, fail_on)
    context = SyncContext(
        project_id="test",
        config=parsed,
        http=http,
        ingest=pipeline.ingest,
        save_config=pipeline.save_config,
        sleep=pipeline.sleep,
    )
    return context, pipeline
