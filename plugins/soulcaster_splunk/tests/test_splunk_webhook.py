"""End to end through the real app: what Splunk (or a user) sees from the webhook answers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest

from soulcaster_core.testing import SoulcasterClient

TOKEN = "Zc4pT9vK2mW7qR1xN8bH5jL3sD6fG0aY"


@pytest.fixture
def client(soulcaster_client: SoulcasterClient) -> SoulcasterClient:
    return soulcaster_client


def test_several_rows_under_one_sid_are_distinct_and_redelivery_is_a_duplicate(
    client: SoulcasterClient, load_alert: Callable[[str], Any]
) -> None:
    rows = load_alert("gateway_5xx_for_each_result")

    answers = [client.post_webhook("splunk", row) for row in rows]
    again = client.post_webhook("splunk", rows[1])

    assert [a.status_code for a in answers] == [201, 201, 201]
    assert len({a.json()["id"] for a in answers}) == 3
    assert again.status_code == 200, again.text
    assert again.json() == {"status": "duplicate", "id": answers[1].json()["id"]}
    items = {item["id"]: item for item in client.items(source="splunk")}
    assert len(items) == 3
    # The same row of the same run (sid) again is a retry, say after a 503: not counted.
    assert items[answers[1].json()["id"]]["occurrences"] == 1
    assert items[answers[0].json()["id"]]["occurrences"] == 1
    assert {item["metadata"]["sid"] for item in items.values()} == {rows[0]["sid"]}


def test_null_result_is_stored(client: SoulcasterClient, load_alert: Callable[[str], Any]) -> None:
    response = client.post_webhook("splunk", load_alert("null_result"))

    assert response.status_code == 201, response.text
    item = client.item(response.json()["id"])
    assert item["title"] == "[Splunk] Disk space below 10% on db hosts"
    assert item["body"].startswith("Splunk sent no result row with this alert.\n")
    assert "sid: scheduler__admin__search__RMD5f1e2d3c4b5a69788_at_1709650800_77" in item["body"]


def test_null_search_name_gets_a_readable_title(
    client: SoulcasterClient, load_alert: Callable[[str], Any]
) -> None:
    response = client.post_webhook("splunk", load_alert("null_search_name"))

    assert response.status_code == 201, response.text
    item = client.item(response.json()["id"])
    assert item["title"] == "[Splunk] Alert: postgresql on db-primary-1"
    assert item["metadata"]["search_name"] is None


def test_stats_row_body_lists_its_fields(
    client: SoulcasterClient, load_alert: Callable[[str], Any]
) -> None:
    response = client.post_webhook("splunk", load_alert("stats_error_rate"))

    assert response.status_code == 201, response.text
    lines = client.item(response.json()["id"])["body"].split("\n")
    assert "error_rate=7.93" in lines
    assert "hosts=checkout-7d9b8c5f4-qm2xr, checkout-7d9b8c5f4-zt8kd" in lines
    assert not any(line.startswith("_tc=") for line in lines)


@pytest.mark.parametrize(
    ("time_value", "stored"),
    [
        ("1709647391", "2024-03-05T14:03:11+00:00"),
        ("1709647391.482", "2024-03-05T14:03:11.482000+00:00"),
        ("2024-03-05T14:03:11.482+01:00", "2024-03-05T13:03:11.482000+00:00"),
        ("03/05/2024 14:03:11", "2024-03-05T14:03:11+00:00"),
        (None, None),  # a stats row: the time it arrived
    ],
)
def test_every_time_form_is_read(
    client: SoulcasterClient,
    load_alert: Callable[[str], Any],
    time_value: str | None,
    stored: str | None,
) -> None:
    alert = load_alert("syslog_oom")
    if time_value is None:
        del alert["result"]["_time"]
    else:
        alert["result"]["_time"] = time_value

    response = client.post_webhook("splunk", alert)

    assert response.status_code == 201, response.text
    created = datetime.fromisoformat(client.item(response.json()["id"])["created_at"])
    if stored is None:
        assert abs((datetime.now(UTC) - created).total_seconds()) < 3600
    else:
        assert created == datetime.fromisoformat(stored)


@pytest.mark.parametrize(
    ("payload", "error"),
    [
        ({"sid": "s", "result": ["row"]}, "result: expected an object or null, got list"),
        ({"sid": "s", "result": "boom"}, "result: expected an object or null, got string"),
        ({"sid": "s", "result": {"count": 8}}, "result.count: expected a string"),
    ],
)
def test_wrong_types_are_400_naming_the_field(
    client: SoulcasterClient, payload: dict[str, Any], error: str
) -> None:
    response = client.post_webhook("splunk", payload)

    assert response.status_code == 400, response.text
    assert error in response.json()["error"]
    assert client.items(source="splunk") == []


def test_token_in_the_url(client: SoulcasterClient, load_alert: Callable[[str], Any]) -> None:
    client.configure("splunk", webhook_token=TOKEN)

    response = client.post_webhook("splunk", load_alert("syslog_oom"), query={"token": TOKEN})

    assert response.status_code == 201, response.text


def test_token_as_bearer_header(client: SoulcasterClient, load_alert: Callable[[str], Any]) -> None:
    client.configure("splunk", webhook_token=TOKEN)

    response = client.post_webhook(
        "splunk", load_alert("syslog_oom"), headers={"Authorization": f"Bearer {TOKEN}"}
    )

    assert response.status_code == 201, response.text


@pytest.mark.parametrize(
    ("headers", "query"),
    [({}, {}), ({}, {"token": "guessed-token"}), ({"Authorization": "Bearer guessed-token"}, {})],
)
def test_wrong_or_missing_token_is_401(
    client: SoulcasterClient,
    load_alert: Callable[[str], Any],
    headers: dict[str, str],
    query: dict[str, str],
) -> None:
    client.configure("splunk", webhook_token=TOKEN)

    response = client.post_webhook("splunk", load_alert("syslog_oom"), headers=headers, query=query)

    assert response.status_code == 401, response.text
    assert TOKEN not in response.text
    assert client.items(source="splunk") == []


def test_sourcetype_filter(client: SoulcasterClient, load_alert: Callable[[str], Any]) -> None:
    client.configure("splunk", sourcetypes=["log4j"])

    ignored = client.post_webhook("splunk", load_alert("syslog_oom"), as_owner=True)
    kept = client.post_webhook("splunk", load_alert("checkout_java_exception"))

    assert ignored.status_code == 200, ignored.text
    assert ignored.json() == {
        "status": "ignored",
        "reason": 'sourcetype "syslog" is not one of the configured sourcetypes',
    }
    assert kept.status_code == 201, kept.text
    assert [i["metadata"]["sourcetype"] for i in client.items(source="splunk")] == ["log4j"]


def test_searches_config_route(client: SoulcasterClient, load_alert: Callable[[str], Any]) -> None:
    params = {"project_id": client.project_id}

    saved = client.api.post(
        "/config/splunk/searches", params=params, json={"searches": ["Kernel OOM killer"]}
    )
    shown = client.api.get("/config/splunk/searches", params=params)
    ignored = client.post_webhook("splunk", load_alert("stats_error_rate"), as_owner=True)

    assert saved.status_code == 200, saved.text
    assert shown.json() == {"searches": ["Kernel OOM killer"]}
    assert ignored.json()["status"] == "ignored"
    assert "Checkout error rate > 5%" in ignored.json()["reason"]


def test_token_is_never_echoed_by_config(client: SoulcasterClient) -> None:
    client.configure("splunk", webhook_token=TOKEN, searches=["Kernel OOM killer"])

    shown = client.api.get("/config/splunk", params={"project_id": client.project_id})

    assert shown.status_code == 200, shown.text
    assert TOKEN not in shown.text
    assert shown.json()["searches"] == ["Kernel OOM killer"]


def test_unpaired_surrogate_is_a_400_not_a_500(client: SoulcasterClient) -> None:
    # Valid JSON, but "\ud83d" alone is half a character that no UTF-8 store can hold.
    body = b'{"sid": "1709652211.9134", "search_name": "x", "result": {"_raw": "\\ud83d x"}}'

    response = client.post_webhook("splunk", body)

    assert response.status_code == 400, response.text
    assert response.json()["error"].startswith("result._raw: unpaired UTF-16 surrogate")


def test_a_row_without_a_sid_again_counts_another_occurrence(
    client: SoulcasterClient, load_alert: Callable[[str], Any]
) -> None:
    # Without a run's sid, a retry and the same stats row of the next run cannot be told apart.
    row = load_alert("gateway_5xx_for_each_result")[0]
    no_sid = {k: v for k, v in row.items() if k != "sid"}
    answers = [client.post_webhook("splunk", no_sid) for _ in range(2)]
    assert [a.status_code for a in answers] == [201, 200]
    [item] = client.items(source="splunk")
    assert item["occurrences"] == 2
