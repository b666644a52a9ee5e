"""``splunk_alert_to_feedback_item``: identity, title, body, time and metadata."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest

from soulcaster_core import BadPayload
from soulcaster_splunk import splunk_alert_to_feedback_item

PROJECT = "acme"


def _item(alert: dict[str, Any]) -> Any:
    return splunk_alert_to_feedback_item(alert, PROJECT)


# Identity ----------------------------------------------------------------------------------


def test_rows_under_one_sid_are_distinct_items(load_alert: Callable[[str], Any]) -> None:
    rows = load_alert("gateway_5xx_for_each_result")

    ids = [_item(row).external_id for row in rows]

    assert len(set(ids)) == 3
    assert all(i.startswith(rows[0]["sid"] + ":") for i in ids)


def test_the_same_row_again_has_the_same_id(load_alert: Callable[[str], Any]) -> None:
    first = load_alert("gateway_5xx_for_each_result")[1]
    # Same content, keys in another order (json.dumps of a re-built dict).
    again = json.loads(json.dumps({k: first[k] for k in reversed(list(first))}))
    again["result"] = {k: first["result"][k] for k in reversed(list(first["result"]))}

    assert _item(first).external_id == _item(again).external_id


def test_the_row_position_does_not_change_identity(load_alert: Callable[[str], Any]) -> None:
    row = load_alert("gateway_5xx_for_each_result")[0]
    moved = load_alert("gateway_5xx_for_each_result")[0]
    moved["result"]["_serial"] = "17"

    assert _item(row).external_id == _item(moved).external_id


def test_any_other_field_change_is_a_different_row(load_alert: Callable[[str], Any]) -> None:
    row = load_alert("gateway_5xx_for_each_result")[0]
    other = load_alert("gateway_5xx_for_each_result")[0]
    other["result"]["_si"] = ["idx-eu-01", "edge_archive"]

    assert _item(row).external_id != _item(other).external_id


def test_a_new_run_of_the_search_is_a_new_item(load_alert: Callable[[str], Any]) -> None:
    run = load_alert("syslog_oom")
    next_run = load_alert("syslog_oom")
    next_run["sid"] = "scheduler__admin__search__kernel_oom_at_1709654700_13.1"

    assert _item(run).external_id != _item(next_run).external_id


def test_without_sid_search_name_and_row_decide(load_alert: Callable[[str], Any]) -> None:
    alert = load_alert("stats_error_rate")
    del alert["sid"]
    renamed = {**alert, "search_name": "Checkout error rate > 10%"}
    other_row = json.loads(json.dumps(alert))
    other_row["result"]["errors"] = "97"

    first = _item(alert).external_id

    assert first == _item(json.loads(json.dumps(alert))).external_id
    assert first.startswith("nosid:")
    assert first != _item(renamed).external_id
    assert first != _item(other_row).external_id


def test_a_huge_sid_still_makes_a_valid_id(load_alert: Callable[[str], Any]) -> None:
    alert = load_alert("syslog_oom")
    alert["sid"] = "custom_" + "x" * 900

    item = _item(alert)

    assert len(item.external_id) <= 512
    assert item.metadata["sid"] == alert["sid"]
    assert item.external_id != _item({**alert, "sid": alert["sid"] + "y"}).external_id


# Title ---------------------------------------------------------------------------------------


def test_title_is_prefixed_search_name(load_alert: Callable[[str], Any]) -> None:
    assert _item(load_alert("stats_error_rate")).title == "[Splunk] Checkout error rate > 5%"


@pytest.mark.parametrize(
    ("result", "title"),
    [
        (
            {"sourcetype": "postgresql", "host": "db-primary-1"},
            "[Splunk] Alert: postgresql on db-primary-1",
        ),
        ({"sourcetype": "mongod", "count": "8"}, "[Splunk] Alert: mongod"),
        ({"source": "/var/log/kern.log"}, "[Splunk] Alert: /var/log/kern.log"),
        ({"sourcetype": ["syslog", "linux_secure"]}, "[Splunk] Alert: syslog, linux_secure"),
        ({"count": "3"}, "[Splunk] Alert (sid 1709652211.9134)"),
        (None, "[Splunk] Alert (sid 1709652211.9134)"),
    ],
)
def test_title_without_search_name_says_what_the_row_is(
    result: dict[str, Any] | None, title: str
) -> None:
    item = _item({"sid": "1709652211.9134", "search_name": None, "result": result})

    assert item.title == title


def test_an_empty_alert_names_the_job_that_sent_it() -> None:
    alert = {"sid": "1709652211.9134", "search_name": None, "app": "search", "owner": "dba"}

    item = _item(alert | {"result": None})

    assert item.title == "[Splunk] Alert (sid 1709652211.9134, app search, owner dba)"
    assert item.body == (
        "Splunk sent no result row with this alert.\nsid: 1709652211.9134\nApp: search\nOwner: dba"
    )
    assert _item({"result": None}).title == "[Splunk] Alert"


# Body ----------------------------------------------------------------------------------------


def test_multiline_raw_is_the_body_unchanged(load_alert: Callable[[str], Any]) -> None:
    alert = load_alert("checkout_java_exception")

    item = _item(alert)

    assert item.body.startswith(alert["result"]["_raw"] + "\n\n")
    assert item.body.count("\n\tat ") == 6
    # What grouping reads is the problem, not the search that found it.
    assert item.raw_text == f"{item.title}\n{alert['result']['_raw']}"


def test_stats_row_renders_sorted_fields(load_alert: Callable[[str], Any]) -> None:
    item = _item(load_alert("stats_error_rate"))

    # No _tc (internal), no region (empty); the multivalue hosts on one line.
    assert item.body == (
        "error_rate=7.93\n"
        "errors=412\n"
        "hosts=checkout-7d9b8c5f4-qm2xr, checkout-7d9b8c5f4-zt8kd\n"
        "service=checkout\n"
        "top_error=java.lang.NullPointerException\n"
        "total=5197"
    )
    assert item.raw_text == "Checkout error rate > 5%\n" + item.body


def test_null_result_still_makes_a_readable_item(load_alert: Callable[[str], Any]) -> None:
    alert = load_alert("null_result")

    item = _item(alert)

    assert item.title == "[Splunk] Disk space below 10% on db hosts"
    assert item.body.startswith("Splunk sent no result row with this alert.\n")
    assert f"sid: {alert['sid']}" in item.body.split("\n")
    assert item.raw_text == "Disk space below 10% on db hosts"
    assert item.metadata["results_link"] == alert["results_link"]
    assert item.metadata["host"] is None


def test_row_with_only_internal_fields(load_alert: Callable[[str], Any]) -> None:
    item = _item({"sid": "1709652211.9134", "search_name": "x", "result": {"_serial": "0"}})

    assert item.body == "The result row holds only Splunk's default fields."


# Time ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1709647391", datetime(2024, 3, 5, 14, 3, 11, tzinfo=UTC)),
        ("1709647391.482", datetime(2024, 3, 5, 14, 3, 11, 482000, tzinfo=UTC)),
        ("1659705859.827088", datetime(2022, 8, 5, 13, 24, 19, 827088, tzinfo=UTC)),
        ("2024-03-05T14:03:11.482+00:00", datetime(2024, 3, 5, 14, 3, 11, 482000, tzinfo=UTC)),
        ("2024-03-05T15:03:11+01:00", datetime(2024, 3, 5, 14, 3, 11, tzinfo=UTC)),
        ("2024-03-05T14:03:11Z", datetime(2024, 3, 5, 14, 3, 11, tzinfo=UTC)),
        # eval _time=strftime(_time, "%m/%d/%Y %H:%M:%S"): Splunk's display form, month first
        ("03/05/2024 14:03:11", datetime(2024, 3, 5, 14, 3, 11, tzinfo=UTC)),
        ("03/05/2024 14:03:11.482", datetime(2024, 3, 5, 14, 3, 11, 482000, tzinfo=UTC)),
    ],
)
def test_time_comes_from_result_time(value: str, expected: datetime) -> None:
    item = _item({"sid": "s", "search_name": "n", "result": {"_raw": "x", "_time": value}})

    assert item.created_at == expected


@pytest.mark.parametrize(
    "result",
    [
        {"_raw": "x", "_time": "13/45/2024 14:03:11"},  # the display form, but no date
        {"_raw": "x", "_time": "Tue Mar  5 14:03:11 2024"},
        {"_raw": "x", "_time": ""},
        {"_raw": "x", "_time": ["1709647391", "1709647392"]},
        {"count": "8"},  # stats: no _time at all
        None,
    ],
)
def test_unreadable_or_missing_time_falls_back_to_now(result: dict[str, Any] | None) -> None:
    before = datetime.now(UTC)
    item = _item({"sid": "s", "search_name": "n", "result": result})
    after = datetime.now(UTC)

    assert before <= item.created_at <= after


# Metadata ------------------------------------------------------------------------------------


def test_metadata_carries_drill_down_fields(load_alert: Callable[[str], Any]) -> None:
    alert = load_alert("syslog_oom")

    item = _item(alert)

    assert item.source == "splunk"
    assert item.project_id == PROJECT
    assert item.metadata == {
        "search_name": "Kernel OOM killer",
        "sid": alert["sid"],
        "host": "worker-node-14",
        "source": "/var/log/kern.log",
        "sourcetype": "syslog",
        "index": "os",
        "results_link": alert["results_link"],
        "app": "search",
        "owner": "admin",
        "splunk_fields": {
            "_time": "1709654321",
            "_serial": "0",
            "_si": ["idx-eu-02", "os"],
            "_confstr": "source::/var/log/kern.log|host::worker-node-14|syslog",
            "eventtype": ["oom", "kernel_error"],
        },
    }


def test_multivalue_fields_stay_lists_in_metadata() -> None:
    result = {"count": "31", "host": ["web-1", "web-2"], "sourcetype": ["nginx", "haproxy"]}

    item = _item({"sid": "s", "search_name": "5xx by host", "result": result})

    assert item.metadata["host"] == ["web-1", "web-2"]
    assert item.metadata["sourcetype"] == ["nginx", "haproxy"]
    assert "host=web-1, web-2" in item.body.split("\n")


def test_a_malformed_dict_is_a_bad_payload() -> None:
    with pytest.raises(BadPayload, match=r"^result: expected an object or null, got list$"):
        _item({"sid": "s", "result": [{"_raw": "x"}]})


def test_a_list_instead_of_a_dict_is_a_bad_payload(load_alert: Callable[[str], Any]) -> None:
    rows = load_alert("gateway_5xx_for_each_result")

    with pytest.raises(BadPayload, match=r"^body must be a JSON object, got list$"):
        splunk_alert_to_feedback_item(rows, PROJECT)


def test_the_rows_host_is_a_typed_tag() -> None:
    alert = {
        "sid": "s1",
        "search_name": "checkout errors",
        "result": {"host": " web-3 ", "count": "4"},
    }
    assert splunk_alert_to_feedback_item(alert, "acme").tags == {"host": "web-3"}
    alert["result"] = {"count": "4"}
    assert splunk_alert_to_feedback_item(alert, "acme").tags == {}


def _alert(result: dict[str, Any], sid: str = "adhoc-1") -> dict[str, Any]:
    return {"sid": sid, "search_name": "prod - errors", "app": "ops", "result": result}


def test_the_pod_a_row_came_from_is_a_tag_from_its_field_or_its_kubelet_log_file() -> None:
    by_field = _item(_alert({"host": "node-2", "kubernetes_pod": "checkout-7c9f6d5b8-x2lqp"}))
    assert by_field.tags == {"host": "node-2", "pod": "checkout-7c9f6d5b8-x2lqp"}
    path = "/var/log/containers/checkout-7c9f6d5b8-x2lqp_shop_web-3f1.log"
    by_file = _item(_alert({"host": "node-2", "source": path, "_raw": "boom"}))
    assert by_file.tags["pod"] == "checkout-7c9f6d5b8-x2lqp"
    by_pods = _item(
        _alert({"source": "/var/log/pods/shop-stg_checkout-7c9f6d5b8-x2lqp_0a1b/web/0.log"})
    )
    assert by_pods.tags["pod"] == "checkout-7c9f6d5b8-x2lqp"
    # And its namespace, where a team tells staging apart (the environment, for incidents).
    assert (by_file.tags["namespace"], by_pods.tags["namespace"]) == ("shop", "shop-stg")
    named = _item(_alert({"kubernetes.namespace_name": "retail-stg", "_raw": "boom"}))
    assert named.tags == {"namespace": "retail-stg"}
    plain = _item(_alert({"host": "web-1", "source": "/var/log/nginx/error.log"}))
    assert plain.tags == {"host": "web-1"}


def test_a_stats_row_is_dated_by_the_scheduled_run_its_sid_names() -> None:
    sid = "scheduler__svc__ops__search__RMD5abc_at_1773123301_793"
    row = _item(_alert({"service": "checkout", "count": "412"}, sid=sid))
    assert row.created_at == datetime.fromtimestamp(1773123301, UTC)
    timed = _item(_alert({"_time": "1773123000.000", "_raw": "boom"}, sid=sid))
    assert timed.created_at == datetime.fromtimestamp(1773123000, UTC)
