"""Multi-alert monitors: each group of a monitor is its own alert, item and recovery."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from soulcaster_core.testing import SoulcasterClient
from soulcaster_datadog import datadog_event_to_feedback_item

Load = Callable[[str], Any]


def _key(event: dict[str, Any]) -> str:
    return datadog_event_to_feedback_item(event, "acme").external_id


def test_trigger_a_trigger_b_recover_a_recover_b(
    either_store: SoulcasterClient, payload: Load
) -> None:
    trigger_cart, trigger_search, recover_cart, recover_search = payload("multi_group_sequence")

    first = either_store.post_webhook("datadog", trigger_cart)
    second = either_store.post_webhook("datadog", trigger_search)
    cart_back = either_store.post_webhook("datadog", recover_cart)

    assert first.status_code == second.status_code == 201, (first.text, second.text)
    assert first.json()["id"] != second.json()["id"]
    assert cart_back.json() == {"status": "updated", "id": first.json()["id"]}
    by_id = {item["id"]: item for item in either_store.items("datadog")}
    cart, search = by_id[first.json()["id"]], by_id[second.json()["id"]]
    # The cart-api recovery closes cart-api's alert only: search-api is still firing.
    assert cart["metadata"]["status"] == "recovered"
    assert search["metadata"]["status"] == "triggered"
    assert search["service"] == "search-api"
    assert "search-api" in search["title"]

    search_back = either_store.post_webhook("datadog", recover_search)

    assert search_back.json() == {"status": "updated", "id": second.json()["id"]}
    items = either_store.items("datadog")
    assert len(items) == 2
    assert {item["metadata"]["status"] for item in items} == {"recovered"}
    assert {item["service"] for item in items} == {"cart-api", "search-api"}


def test_groups_stay_apart_even_under_one_cycle_key(payload: Load) -> None:
    cart, search, *_ = payload("multi_group_sequence")
    search["alert_cycle_key"] = cart["alert_cycle_key"]

    assert _key(cart) != _key(search)
    assert _key(cart).endswith(":env:prod,service:cart-api")


@pytest.mark.parametrize(
    "template",
    [
        # Datadog's default payload: the group is only in the title.
        pytest.param(("id", "title", "body", "date"), id="default-template"),
        # Monitor id without scope or cycle key: the title still names the group.
        pytest.param(("id", "title", "body", "date", "alert_id"), id="monitor-id-and-title"),
        # Monitor id, no title scope: the query's "by {service}" picks the group's tags.
        pytest.param(("id", "alert_title", "date", "alert_id", "alert_query", "tags"), id="tags"),
    ],
)
def test_group_found_in_title_scope_or_tags(payload: Load, template: tuple[str, ...]) -> None:
    trigger_cart, trigger_search, recover_cart, _ = payload("multi_group_sequence")

    def sent(event: dict[str, Any]) -> dict[str, Any]:
        return {name: event[name] for name in template}

    cart = datadog_event_to_feedback_item(sent(trigger_cart), "acme")
    search = datadog_event_to_feedback_item(sent(trigger_search), "acme")
    recovered = datadog_event_to_feedback_item(sent(recover_cart), "acme")

    assert cart.external_id != search.external_id
    # Recovered 40 minutes later, in the same hour: it finds the cart-api item.
    assert recovered.external_id == cart.external_id
    assert "service:cart-api" in cart.metadata["group"]
    assert cart.service == "cart-api"


def test_scope_spelling_and_order_do_not_split_a_group(payload: Load) -> None:
    cart = payload("multi_group_sequence")[0]
    respelled = cart | {"alert_scope": " service:cart-api , env:prod"}
    from_title = {k: v for k, v in cart.items() if k != "alert_scope"}

    assert _key(cart) == _key(respelled) == _key(from_title)


def test_a_monitor_without_groups_keeps_one_key(payload: Load) -> None:
    event = payload("log_alert_trigger") | {
        "alert_scope": "*",
        "title": "[P1] [Triggered] Payment capture failures",
        "alert_query": 'logs("status:error").index("*").rollup("count").last("5m") > 25',
    }
    del event["alert_cycle_key"], event["aggreg_key"]

    item = datadog_event_to_feedback_item(event, "acme")

    assert item.external_id.startswith("monitor:90377415:*:h")
    assert "group" not in item.metadata


def test_recovery_moves_the_state_on_and_keeps_what_the_trigger_said(
    either_store: SoulcasterClient, payload: Load
) -> None:
    trigger = either_store.post_webhook("datadog", payload("log_alert_trigger"))
    recovery = either_store.post_webhook("datadog", payload("log_alert_recovered"))

    assert recovery.json() == {"status": "updated", "id": trigger.json()["id"]}
    item = either_store.item(trigger.json()["id"])
    assert item["metadata"]["status"] == "recovered"
    assert item["metadata"]["alert_transition"] == "Recovered"
    assert item["metadata"]["event_id"] == "7050438770124681559"
    # The trigger's message named the failing error; the recovery's does not take it away.
    assert item["title"].startswith("[P1] [Triggered on {service:payments-worker}]")
    assert item["exceptions"][-1]["type"] == "payments.gateway.errors.GatewayTimeout"
    assert item["level"] == "critical"
