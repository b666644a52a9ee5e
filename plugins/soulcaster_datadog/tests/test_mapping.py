"""``datadog_event_to_feedback_item`` on default and custom templates, called directly."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest

from soulcaster_core import BadPayload
from soulcaster_core.models import utcnow
from soulcaster_datadog import DatadogHandler, datadog_event_to_feedback_item

Load = Callable[[str], dict[str, Any]]
MARCH_5_1805 = datetime(2024, 3, 5, 18, 5, tzinfo=UTC)


def test_default_template_maps_title_body_and_metadata(payload: Load) -> None:
    item = datadog_event_to_feedback_item(payload("default_template_disk"), "acme")

    assert item.source == "datadog"
    assert item.project_id == "acme"
    assert item.title == (
        "[Triggered on {device:/dev/nvme1n1,host:db-primary-2}] "
        "Disk space low on PostgreSQL data volume"
    )
    assert item.body.startswith("Disk usage on **db-primary-2**")
    assert item.body.endswith("@webhook-soulcaster")
    assert "WAL archiving has fallen behind" in item.raw_text
    assert item.title in item.raw_text
    assert item.created_at == datetime(2024, 3, 5, 15, 5, 23, tzinfo=UTC)
    assert item.metadata["event_id"] == "7050339187410528713"
    assert item.metadata["event_type"] == "metric_alert_monitor"
    assert item.metadata["org_id"] == "412870"
    assert item.metadata["org_name"] == "Acme Shop"
    assert item.metadata["tags"] == []
    # The default template has no transition field: the title says "[Triggered ...]".
    assert item.metadata["status"] == "triggered"
    # $ID differs per notification: the alert is its title's group and monitor name.
    assert item.metadata["dedup_on"] == "title"
    assert item.metadata["group"] == "device:/dev/nvme1n1,host:db-primary-2"


def test_custom_template_with_nested_and_renamed_fields(payload: Load) -> None:
    item = datadog_event_to_feedback_item(payload("custom_nested_warn"), "acme")

    assert item.title.startswith("[Warn on {host:k8s-node-17")
    assert item.body.startswith("Memory usage on k8s-node-17 is 87.4%")
    # Unquoted numbers in the template become text, exactly.
    assert item.metadata["alert_id"] == "90210114"
    assert item.metadata["org_id"] == "412870"
    assert item.metadata["alert_transition"] == "Warn"
    assert item.metadata["alert_priority"] == "P3"
    assert item.metadata["hostname"] == "k8s-node-17"
    assert item.metadata["status"] == "warning"
    # 1709655600 is epoch seconds (unquoted), not milliseconds.
    assert item.created_at == datetime(2024, 3, 5, 16, 20, tzinfo=UTC)
    assert item.metadata["dedup_on"] == "alert_id"
    assert item.external_id.startswith("monitor:90210114:host:k8s-node-17,")


@pytest.mark.parametrize(
    "date",
    [
        "1709661900000",  # Datadog's unit: milliseconds, quoted
        1709661900000,  # milliseconds, unquoted
        1709661900,  # seconds, unquoted
        "1709661900",  # seconds, quoted
        "1709661900.0",
        "2024-03-05T18:05:00Z",
        "2024-03-05T19:05:00+01:00",
        "2024-03-05T18:05:00.000000+00:00",
    ],
)
def test_dates_in_every_unit_and_format(payload: Load, date: Any) -> None:
    event = payload("log_alert_trigger") | {"date": date}
    item = datadog_event_to_feedback_item(event, "acme")
    assert item.created_at == MARCH_5_1805
    assert item.metadata["timestamp_from"] == "date"


@pytest.mark.parametrize("date", [None, "", "$DATE", "yesterday", "NaN", "-5", {"ms": 1}, [1]])
def test_unreadable_or_missing_date_falls_back_to_last_updated(payload: Load, date: Any) -> None:
    event = payload("log_alert_trigger") | {"date": date, "last_updated": "1709661900000"}
    item = datadog_event_to_feedback_item(event, "acme")
    assert item.created_at == MARCH_5_1805
    assert item.metadata["timestamp_from"] == "last_updated"


def test_no_date_at_all_uses_the_time_it_was_received(payload: Load) -> None:
    event = payload("log_alert_trigger")
    del event["date"], event["last_updated"]
    before = utcnow()
    item = datadog_event_to_feedback_item(event, "acme")
    after = utcnow()
    assert before <= item.created_at <= after
    assert item.metadata["timestamp_from"] == "received"


def test_unquoted_19_digit_ids_stay_exact(payload: Load) -> None:
    handler = DatadogHandler()
    body = (
        b'{"id": 7050278235293370890, "alert_id": 148201337, "alert_cycle_key": '
        b'7050271954402318226, "title": "[Triggered] Checkout 5xx", "date": 1709647500000}'
    )
    item = handler.to_feedback_item(handler.parse(body), "acme")
    assert item.metadata["event_id"] == "7050278235293370890"
    assert item.metadata["alert_cycle_key"] == "7050271954402318226"
    assert item.external_id == "cycle:7050271954402318226"


class TestDedupKey:
    def test_cycle_key_is_one_item_for_the_whole_cycle(self, payload: Load) -> None:
        trigger = payload("log_alert_trigger")
        hours_later = trigger | {
            "id": "7050499901234567890",
            "date": "1709690000000",
            "alert_transition": "Re-Triggered",
        }
        first = datadog_event_to_feedback_item(trigger, "acme")
        again = datadog_event_to_feedback_item(hours_later, "acme")
        assert (
            first.external_id
            == again.external_id
            == "cycle:7050401126773318001:service:payments-worker"
        )
        assert first.metadata["dedup_on"] == "alert_cycle_key"

    def test_recovery_finds_its_trigger_hours_later(self, payload: Load) -> None:
        trigger = datadog_event_to_feedback_item(payload("log_alert_trigger"), "acme")
        recovery = datadog_event_to_feedback_item(payload("log_alert_recovered"), "acme")
        assert recovery.created_at.hour != trigger.created_at.hour
        assert recovery.external_id == trigger.external_id
        assert recovery.metadata["status"] == "recovered"

    def test_next_cycle_of_the_same_monitor_is_a_new_item(self, payload: Load) -> None:
        trigger = payload("log_alert_trigger")
        next_cycle = trigger | {"alert_cycle_key": "7050502287116540333"}
        assert (
            datadog_event_to_feedback_item(trigger, "acme").external_id
            != datadog_event_to_feedback_item(next_cycle, "acme").external_id
        )

    def test_aggregation_key_is_bucketed_per_hour(self, payload: Load) -> None:
        base = payload("log_alert_trigger")
        del base["alert_cycle_key"]
        at_1807 = datadog_event_to_feedback_item(base, "acme")
        at_1859 = datadog_event_to_feedback_item(base | {"date": "1709665140000"}, "acme")
        at_1901 = datadog_event_to_feedback_item(base | {"date": "1709665260000"}, "acme")
        assert at_1807.metadata["dedup_on"] == "aggreg_key"
        assert at_1807.external_id == at_1859.external_id
        assert at_1859.external_id != at_1901.external_id

    def test_monitor_and_scope_ignore_tag_order_and_spacing(self, payload: Load) -> None:
        event = payload("custom_nested_warn")
        reordered = event | {
            "alert": event["alert"] | {"scope": "kube_cluster_name:prod-eu1 ,host:k8s-node-17"}
        }
        other_host = event | {
            "alert": event["alert"] | {"scope": "host:k8s-node-18,kube_cluster_name:prod-eu1"}
        }
        key = datadog_event_to_feedback_item(event, "acme").external_id
        assert datadog_event_to_feedback_item(reordered, "acme").external_id == key
        assert datadog_event_to_feedback_item(other_host, "acme").external_id != key

    def test_missing_id_falls_back_to_the_title(self) -> None:
        trigger = {
            "title": "[P2] [Triggered on {host:cache-3}] Redis evictions spiking",
            "body": "evicted_keys rate 1.2k/s",
            "date": "1709647500000",
        }
        recovered = trigger | {
            "title": "[P2] [Recovered on {host:cache-3}] Redis evictions spiking",
            "date": "1709649000000",
        }
        other_host = trigger | {
            "title": "[P2] [Triggered on {host:cache-4}] Redis evictions spiking"
        }
        first = datadog_event_to_feedback_item(trigger, "acme")
        assert first.metadata["dedup_on"] == "title"
        assert first.external_id.startswith("title:")
        assert datadog_event_to_feedback_item(recovered, "acme").external_id == first.external_id
        assert datadog_event_to_feedback_item(other_host, "acme").external_id != first.external_id

    def test_unsubstituted_variables_are_not_keys(self, payload: Load) -> None:
        # A typo in the template leaves "$ALERT_CYCLE_KEY" as is: it must not merge all alerts.
        event = payload("log_alert_trigger") | {
            "alert_cycle_key": "$ALERT_CYCLE_KEY",
            "aggreg_key": "",
        }
        item = datadog_event_to_feedback_item(event, "acme")
        assert item.metadata["dedup_on"] == "alert_id"
        assert "alert_cycle_key" not in item.metadata

    def test_long_keys_are_hashed_to_fit(self, payload: Load) -> None:
        event = payload("log_alert_trigger")
        del event["alert_cycle_key"], event["aggreg_key"]
        wide = event | {"alert_scope": ",".join(f"pod_name:checkout-{n:04d}" for n in range(300))}
        item = datadog_event_to_feedback_item(wide, "acme")
        assert len(item.external_id) < 120
        narrower = wide | {"alert_scope": wide["alert_scope"].rsplit(",", 1)[0]}
        assert datadog_event_to_feedback_item(narrower, "acme").external_id != item.external_id


@pytest.mark.parametrize(
    ("fields", "status"),
    [
        ({"alert_transition": "Triggered", "alert_type": "error"}, "triggered"),
        ({"alert_transition": "Re-Triggered"}, "triggered"),
        ({"alert_transition": "Warn", "alert_type": "warning"}, "warning"),
        ({"alert_transition": "Re-Warn"}, "warning"),
        ({"alert_transition": "No Data"}, "no_data"),
        ({"alert_transition": "Re-No Data"}, "no_data"),
        ({"alert_transition": "Recovered", "alert_type": "success"}, "recovered"),
        ({"alert_transition": "recovered"}, "recovered"),
        ({"alert_type": "success"}, "recovered"),
        ({"alert_transition": "Renotify", "alert_type": "warning"}, "warning"),
        ({"title": "[P1] [Recovered on {host:a}] Disk"}, "recovered"),
        ({"title": "[No Data on {host:a}] Agent heartbeat"}, "no_data"),
    ],
)
def test_status_follows_the_transition(fields: dict[str, str], status: str) -> None:
    event = {"title": "Checkout 5xx", "id": "7050000000000000001"} | fields
    handler = DatadogHandler()
    item = handler.to_feedback_item(event, "acme")
    assert item.metadata["status"] == status
    assert handler.counts_as_occurrence(event) is (status != "recovered")


def test_no_transition_information_leaves_status_unset() -> None:
    event = {"title": "Deployment finished", "alert_type": "info", "id": "7050000000000000002"}
    item = datadog_event_to_feedback_item(event, "acme")
    assert "status" not in item.metadata
    assert DatadogHandler().counts_as_occurrence(event)


def test_title_falls_back_through_aliases_and_monitor(payload: Load) -> None:
    event = payload("log_alert_trigger") | {"title": ""}
    assert datadog_event_to_feedback_item(event, "acme").title == (
        "Payment capture failures in payments-worker"  # from $ALERT_TITLE
    )
    bare = {"alert_id": 90377415, "date": "1709647500000"}
    assert datadog_event_to_feedback_item(bare, "acme").title == "Datadog monitor 90377415"
    assert datadog_event_to_feedback_item({}, "acme").title == "Datadog alert"


@pytest.mark.parametrize(
    ("field", "value"),
    [("title", {"text": "x"}), ("body", ["a", "b"]), ("alert_id", {"id": 1}), ("id", [1])],
)
def test_structured_values_where_text_belongs_are_bad_payloads(
    payload: Load, field: str, value: Any
) -> None:
    event = payload("default_template_disk") | {field: value}
    with pytest.raises(BadPayload, match=rf"^{field}: expected a string or a number"):
        datadog_event_to_feedback_item(event, "acme")


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        ("env:prod,service:api,monitor", ["env:prod", "service:api", "monitor"]),
        ("env:prod, service:api ,,", ["env:prod", "service:api"]),
        (["env:prod", "service:api", "env:prod"], ["env:prod", "service:api"]),
        ([" team:sre ", 42], ["team:sre", "42"]),
        ({"env": "prod", "canary": ""}, ["env:prod", "canary"]),
        ("", []),
        ("$TAGS", []),
        (None, []),
    ],
)
def test_tags_are_always_a_list(tags: Any, expected: list[str]) -> None:
    item = datadog_event_to_feedback_item({"title": "x", "tags": tags}, "acme")
    assert item.metadata["tags"] == expected


def test_nested_list_in_tags_is_a_bad_payload() -> None:
    with pytest.raises(BadPayload, match=r"^tags\[1\]: "):
        datadog_event_to_feedback_item({"title": "x", "tags": ["env:prod", ["a"]]}, "acme")


def test_an_apm_monitor_grouped_by_resource_names_the_endpoint() -> None:
    item = datadog_event_to_feedback_item(
        {
            "id": "1",
            "title": "[P2] [Triggered on {resource_name:post_/api/offers,service:api}] api errors",
            "body": "Error rate on `POST /api/offers` is 25%.",
            "date": "1772902235862",
        },
        "acme",
    )
    assert (item.endpoint, item.service) == ("post_/api/offers", "api")
