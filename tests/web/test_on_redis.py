"""The whole webhook path on the production store: the real app on the real Redis."""

from __future__ import annotations

import concurrent.futures

from soulcaster_core.testing import SoulcasterClient


def test_created_duplicate_ignored_and_dead_letter(
    soulcaster_redis_client: SoulcasterClient,
) -> None:
    client = soulcaster_redis_client
    report = {"title": "Disk full on db-2", "body": "No space left on device", "external_id": "d-2"}
    created = client.post_webhook("manual", report)
    assert created.status_code == 201
    duplicate = client.post_webhook("manual", report)
    assert duplicate.json() == {"status": "duplicate", "id": created.json()["id"]}
    bad = client.post_webhook("manual", b"{oops")
    assert bad.status_code == 400
    [item] = client.items()
    assert item["occurrences"] == 2
    stats = client.api.get("/api/stats", params={"project_id": "test"}).json()
    assert stats["duplicates_24h"] == 1
    assert stats["dead_letters"] == 1
    assert client.http.get("/health").json()["store"] == {"kind": "redis", "reachable": True}


def test_config_keys_follow_the_design(soulcaster_redis_client: SoulcasterClient) -> None:
    client = soulcaster_redis_client
    client.configure("manual", webhook_secret="s3cret")
    store = client.store
    key = store.config_key("test", "manual", "webhook_secret")
    assert key == f"{store.prefix}config:manual:{{test}}:webhook_secret"
    assert client.http.portal.call(store.redis.get, key) == '"s3cret"'


def test_concurrent_deliveries_make_one_item(soulcaster_redis_client: SoulcasterClient) -> None:
    client = soulcaster_redis_client
    report = {"title": "Payment timeout", "external_id": "pay-1"}
    with concurrent.futures.ThreadPoolExecutor(max_workers=10) as pool:
        answers = list(pool.map(lambda _: client.post_webhook("manual", report), range(50)))
    statuses = sorted(a.json()["status"] for a in answers)
    assert statuses.count("created") == 1
    assert statuses.count("duplicate") == 49
    [item] = client.items()
    assert item["occurrences"] == 50
