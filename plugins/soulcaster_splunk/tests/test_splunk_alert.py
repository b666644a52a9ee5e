"""Reading the webhook body: what Splunk sends is accepted, anything else names its problem."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from soulcaster_core import BadPayload
from soulcaster_splunk import parse_alert, parse_alert_body


def test_reads_every_field_splunk_sends(load_alert: Callable[[str], Any]) -> None:
    alert = parse_alert(load_alert("checkout_java_exception"))

    assert alert.sid == "scheduler__jdoe__checkout__RMD5e3a91f0c6b7d2a48_at_1710423600_3321"
    assert alert.search_name == "Checkout - NullPointerException in OrderService"
    assert (alert.app, alert.owner) == ("checkout", "jdoe")
    assert alert.results_link is not None and "@go?sid=" in alert.results_link
    assert alert.field("_si") == ["idx-eu-03", "checkout_prod"]
    assert alert.field("eventtype") == ["java_exception", "checkout_errors"]
    assert alert.field("no_such_field") is None


def test_null_result_and_null_search_name_are_valid(load_alert: Callable[[str], Any]) -> None:
    no_row = parse_alert(load_alert("null_result"))
    unnamed = parse_alert(load_alert("null_search_name"))

    assert no_row.result is None
    assert no_row.field("_raw") is None
    assert unnamed.search_name is None
    assert unnamed.field("count") == "14"


def test_missing_keys_and_blank_strings_read_as_absent() -> None:
    alert = parse_alert({"sid": "  ", "search_name": "", "result": {"host": "web-1"}})

    assert alert.sid is None
    assert alert.search_name is None
    assert alert.app is None and alert.owner is None and alert.results_link is None


def test_unknown_top_level_keys_are_ignored() -> None:
    alert = parse_alert({"sid": "1709652211.9134", "server_uri": "https://sh1:8089", "result": {}})

    assert alert.sid == "1709652211.9134"


def test_null_values_in_the_row_are_dropped() -> None:
    alert = parse_alert({"result": {"host": "web-1", "user": None}})

    assert alert.result == {"host": "web-1"}


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ({"result": [{"_raw": "x"}]}, "result: expected an object or null, got list"),
        ({"result": "ERROR boom"}, "result: expected an object or null, got string"),
        ({"result": 3}, "result: expected an object or null, got int"),
        ({"sid": 1709652211}, "sid: expected a string or null, got int"),
        ({"search_name": ["a", "b"]}, "search_name: expected a string or null, got list"),
        ({"results_link": {"href": "x"}}, "results_link: expected a string or null, got object"),
        ({"owner": True}, "owner: expected a string or null, got boolean"),
        (
            {"result": {"count": 8}},
            "result.count: expected a string or a list of strings, got int",
        ),
        (
            {"result": {"_time": 1709647391.482}},
            "result._time: expected a string or a list of strings, got float",
        ),
        (
            {"result": {"host": {"name": "web-1"}}},
            "result.host: expected a string or a list of strings, got object",
        ),
        ({"result": {"_si": ["idx-1", 7]}}, "result._si[1]: expected a string, got int"),
        ({"result": {"tag": ["a", None]}}, "result.tag[1]: expected a string, got null"),
    ],
)
def test_wrong_types_name_the_field(payload: dict[str, Any], message: str) -> None:
    with pytest.raises(BadPayload) as raised:
        parse_alert_body(json.dumps(payload).encode())

    assert raised.value.detail == message


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (rb'{"search_name": "disk \udc80 full"}', "search_name: unpaired UTF-16 surrogate"),
        (rb'{"result": {"_si": ["idx", "\ud83d"]}}', "result._si[1]: unpaired UTF-16 surrogate"),
        (rb'{"result": {"\ud83d": "x"}}', "result (a field name): unpaired UTF-16 surrogate"),
    ],
)
def test_unpaired_surrogates_are_refused(body: bytes, message: str) -> None:
    with pytest.raises(BadPayload) as raised:
        parse_alert_body(body)

    assert raised.value.detail.startswith(message)


@pytest.mark.parametrize(
    ("body", "start"),
    [
        (b"", "body is not JSON"),
        (b"sid=1&search_name=x", "body is not JSON"),
        (b'["sid"]', "body must be a JSON object"),
        (b"\xff\xfe{}", "body is not UTF-8"),
    ],
)
def test_unreadable_bodies_are_bad_payloads(body: bytes, start: str) -> None:
    with pytest.raises(BadPayload) as raised:
        parse_alert_body(body)

    assert raised.value.detail.startswith(start)
