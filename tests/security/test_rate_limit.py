"""Attack 5: one client posted 3,000 items in 2.8 s; nothing limited it.

Each source of each project has a token bucket: past its burst a delivery is answered 429 with
``Retry-After`` and a body naming the limit, counted in ``/api/stats`` as ``rate_limited``. On
Redis the bucket is shared by every process.
"""

from __future__ import annotations

from pathlib import Path

import anyio
import pytest

from soulcaster_core import testing
from soulcaster_core.rate_limit import RateGate
from soulcaster_core.settings import Settings
from soulcaster_core.store.redis import RedisStore
from soulcaster_core.store.sqlite import SQLiteStore
from soulcaster_core.testing import TEST_TOKEN, SoulcasterClient, running_app
from soulcaster_core.web.dashboard.health import integration_health
from soulcaster_core.wiring import open_services

BEARER = {"authorization": f"Bearer {TEST_TOKEN}"}


def _post(client: SoulcasterClient, n: int, project_id: str | None = None) -> list[int]:
    return [
        client.http.post(
            "/ingest/manual",
            params={"project_id": project_id or client.project_id},
            json={"title": f"item {i}"},
            headers=BEARER,
        ).status_code
        for i in range(n)
    ]


@pytest.mark.parametrize("store", ["sqlite", "redis"])
def test_past_its_burst_a_source_is_answered_429(tmp_path: Path, store: str) -> None:
    limits = {"rate_limit_per_second": 0.01, "rate_limit_burst": 5}
    with running_app(data_dir=tmp_path, store=store, **limits) as client:
        statuses = _post(client, 7)
        refused = client.http.post(
            "/ingest/manual",
            params={"project_id": client.project_id},
            json={"title": "one more"},
            headers=BEARER,
        )
        other = client.api.post("/api/projects", json={"name": "Other"}).json()["id"]
        elsewhere = _post(client, 1, other)
        stats = client.api.get("/api/stats", params={"project_id": client.project_id}).json()

    assert statuses == [201] * 5 + [429] * 2
    assert refused.status_code == 429
    assert int(refused.headers["retry-after"]) >= 1
    body = refused.json()
    assert "rate limit" in body["error"] and "5" in body["error"]
    assert body["limit"] == {"per_second": 0.01, "burst": 5}
    assert elsewhere == [201], "another project has a bucket of its own"
    assert stats["sources"]["manual"]["counts_24h"]["rate_limited"] == 3


@pytest.mark.anyio
async def test_on_redis_the_processes_share_one_bucket(tmp_path: Path) -> None:
    prefix = f"test-rate-{tmp_path.name[-12:]}:"
    settings = Settings(
        redis_url=testing.test_redis_url(), redis_prefix=prefix, data_dir=tmp_path, api_token="t"
    )
    async with open_services(settings) as one, open_services(settings) as two:
        try:
            gates = [RateGate(one.store), RateGate(two.store)]
            answers = [
                await gates[i % 2].admit("p", "manual", per_second=0.01, burst=4) for i in range(8)
            ]
        finally:
            assert isinstance(one.store, RedisStore)
            await one.store.destroy()

    assert [a is None for a in answers] == [True] * 4 + [False] * 4


@pytest.mark.anyio
async def test_concurrent_deliveries_share_one_lease_request(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The store is asked once per lease, not once per delivery waiting for it: the ingest
    # path stays one store round trip per 20 deliveries at the default burst.
    store = SQLiteStore(tmp_path / "s.sqlite3")
    await store.open()
    asked: list[int] = []
    take = store.take_tokens

    async def counting(*args: object) -> tuple[int, float]:
        asked.append(1)
        await anyio.sleep(0.01)
        return await take(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "take_tokens", counting)
    gate = RateGate(store)
    answers: list[float | None] = []

    async def one() -> None:
        answers.append(await gate.admit("p", "manual", per_second=200, burst=2000))

    async with anyio.create_task_group() as group:
        for _ in range(30):
            group.start_soon(one)
    await store.close()

    assert answers == [None] * 30
    assert len(asked) == 2  # 20 tokens a lease


def test_a_rate_limited_source_is_failing_and_says_how_to_raise_it() -> None:
    last = {
        "created": {"at": "2025-01-01T10:00:00.000000+00:00"},
        "rate_limited": {"at": "2025-01-01T11:00:00.000000+00:00", "detail": "slow down"},
    }
    health = integration_health(
        {"events_24h": 2000, "counts_24h": {"created": 2000, "rate_limited": 35}, "last": last}
    )

    assert health.state == "failing"
    assert "SOULCASTER_RATE_LIMIT_PER_SECOND" in health.reason
    assert "35 rate limited (429)" in (health.history or "")
