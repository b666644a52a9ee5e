"""Datadog deliveries end to end: recoveries, templates, encodings, config routes, bad input."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode

import pytest

from soulcaster_core.testing import SoulcasterClient
from soulcaster_datadog import DatadogConfig, DatadogHandler

Load = Callable[[str], dict[str, Any]]


def test_recovery_updates_the_item_its_trigger_made(
    soulcaster_client: SoulcasterClient, payload: Load
) -> None:
    trigger = soulcaster_client.post_webhook("datadog", payload("log_alert_trigger"))
    # Recovered 2.5 hours later: another hour bucket, same alert cycle.
    recovered = soulcaster_client.post_webhook("datadog", payload("log_alert_recovered"))

    assert trigger.status_code == 201, trigger.text
    assert recovered.status_code == 200, recovered.text
    assert recovered.json() == {"status": "updated", "id": trigger.json()["id"]}
    [item] = soulcaster_client.items("datadog")
    assert item["metadata"]["status"] == "recovered"
    assert item["occurrences"] == 1  # a recovery is not another occurrence of the problem


def test_renotifications_of_one_cycle_are_one_item(
    soulcaster_client: SoulcasterClient, payload: Load
) -> None:
    trigger = payload("log_alert_trigger")
    renotify = trigger | {
        "id": "7050487712390012877",
        "title": trigger["title"].replace("[Triggered", "[Re-Triggered"),
        "alert_transition": "Re-Triggered",
        "date": "1709676420000",  # four hours later, still the same cycle
    }
    first = soulcaster_client.post_webhook("datadog", trigger)
    again = soulcaster_client.post_webhook("datadog", renotify)

    assert again.json() == {"status": "duplicate", "id": first.json()["id"]}
    [item] = soulcaster_client.items("datadog")
    assert item["occurrences"] == 2
    assert datetime.fromisoformat(item["last_seen"]) == datetime(2024, 3, 5, 22, 7, tzinfo=UTC)


def test_retried_delivery_is_a_duplicate(
    soulcaster_client: SoulcasterClient, payload: Load
) -> None:
    # Datadog retries after a 5xx with the same body, and the same $ID: the delivery id.
    first = soulcaster_client.post_webhook("datadog", payload("default_template_disk"))
    retry = soulcaster_client.post_webhook("datadog", payload("default_template_disk"))
    assert first.status_code == 201, first.text
    assert retry.json() == {"status": "duplicate", "id": first.json()["id"]}


def test_unquoted_19_digit_ids_are_stored_exactly(soulcaster_client: SoulcasterClient) -> None:
    body = (
        b'{"id": 7050278235293370890, "alert_id": 148201337, "title": '
        b'"[Triggered on {env:prod}] Checkout 5xx above 2%", "date": 1709647500000, '
        b'"tags": "env:prod,service:checkout-api"}'
    )
    response = soulcaster_client.post_webhook("datadog", body)

    assert response.status_code == 201, response.text
    item = soulcaster_client.item(response.json()["id"])
    assert item["metadata"]["event_id"] == "7050278235293370890"
    assert item["metadata"]["alert_id"] == "148201337"


def test_form_encoded_delivery(soulcaster_client: SoulcasterClient, payload: Load) -> None:
    alert = payload("log_alert_trigger")
    alert["org"] = json.dumps(alert["org"])
    response = soulcaster_client.post_webhook(
        "datadog",
        urlencode(alert).encode(),
        headers={"content-type": "application/x-www-form-urlencoded"},
    )

    assert response.status_code == 201, response.text
    item = soulcaster_client.item(response.json()["id"])
    assert item["title"].endswith("Payment capture failures in payments-worker")
    assert item["metadata"]["org_name"] == "Acme Shop"
    assert item["external_id"] == "cycle:7050401126773318001:service:payments-worker"


@pytest.mark.parametrize("date", ["not a date", "$DATE", "", "2024-13-45T99:00:00Z", "1e400"])
def test_unreadable_date_is_never_an_error(
    soulcaster_client: SoulcasterClient, payload: Load, date: str
) -> None:
    alert = payload("default_template_disk") | {"date": date, "last_updated": date}
    response = soulcaster_client.post_webhook("datadog", alert)

    assert response.status_code == 201, response.text
    item = soulcaster_client.item(response.json()["id"])
    assert item["metadata"]["timestamp_from"] == "received"


@pytest.mark.parametrize(
    ("body", "error"),
    [
        (b"{", "not JSON"),
        (b"plain text from a misconfigured webhook", "neither a JSON object nor form-encoded"),
        (b'{"title": {"text": "nested"}}', "title: expected a string or a number"),
        (b'{"title": "x", "tags": [["env:prod"]]}', "tags[0]: expected a string or a number"),
    ],
)
def test_bad_payloads_are_400_with_the_reason(
    soulcaster_client: SoulcasterClient, body: bytes, error: str
) -> None:
    response = soulcaster_client.post_webhook("datadog", body)
    assert response.status_code == 400, response.text
    assert error in response.json()["error"]
    assert soulcaster_client.items("datadog") == []


def test_tags_filter_through_the_config_api(
    soulcaster_client: SoulcasterClient, payload: Load
) -> None:
    soulcaster_client.configure(
        "datadog", tags_filter={"include": ["env:prod"], "exclude": ["team:payments"]}
    )

    payments = soulcaster_client.post_webhook(
        "datadog", payload("log_alert_trigger"), as_owner=True
    )
    platform = soulcaster_client.post_webhook("datadog", payload("custom_nested_warn"))

    assert payments.json() == {
        "status": "ignored",
        "reason": "tag team:payments is excluded by tags_filter.exclude (team:payments)",
    }
    assert platform.status_code == 201, platform.text


def test_monitors_config_route_reads_back_strings(soulcaster_client: SoulcasterClient) -> None:
    params = {"project_id": soulcaster_client.project_id}
    assert soulcaster_client.api.get("/config/datadog/monitors", params=params).json() == {
        "monitors": "*"
    }
    saved = soulcaster_client.api.post(
        "/config/datadog/monitors", params=params, json={"monitors": [90377415, " 90210114"]}
    )
    assert saved.status_code == 200, saved.text
    shown = soulcaster_client.api.get("/config/datadog/monitors", params=params)
    assert shown.json() == {"monitors": ["90377415", "90210114"]}

    refused = soulcaster_client.api.post(
        "/config/datadog/monitors", params=params, json={"monitors": ["checkout-api"]}
    )
    assert refused.status_code == 400, refused.text
    assert "checkout-api" in refused.text
    still = soulcaster_client.api.get("/config/datadog/monitors", params=params)
    assert still.json() == {"monitors": ["90377415", "90210114"]}


def test_sample_request_goes_through_with_a_secret_configured(
    soulcaster_client: SoulcasterClient,
) -> None:
    soulcaster_client.configure("datadog", webhook_secret="dd-wh-0c5e7a")
    request = DatadogHandler().sample_request(DatadogConfig(webhook_secret="dd-wh-0c5e7a"))
    response = soulcaster_client.post_webhook(
        "datadog", request.body, headers=dict(request.headers), query=dict(request.query)
    )
    assert response.status_code == 201, response.text
    shown = soulcaster_client.api.get(
        "/config/datadog", params={"project_id": soulcaster_client.project_id}
    )
    assert "dd-wh-0c5e7a" not in shown.text
