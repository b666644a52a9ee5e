"""The settings (``monitors``, ``tags_filter``) and how ``accept`` applies them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from pydantic import ValidationError

from soulcaster_datadog import DatadogConfig, DatadogHandler

Load = Callable[[str], dict[str, Any]]


def test_defaults_keep_everything(payload: Load) -> None:
    config = DatadogConfig()
    assert config.monitors == "*"
    assert config.webhook_secret is None
    assert config.tags_filter.include == config.tags_filter.exclude == []
    for name in ("log_alert_trigger", "default_template_disk", "custom_nested_warn"):
        assert DatadogHandler().accept(payload(name), config) is None


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ([90377415, "90210114"], ["90377415", "90210114"]),
        ([" 90377415 ", "0090210114"], ["90377415", "90210114"]),
        ([], []),
        ("*", "*"),
    ],
)
def test_monitor_ids_as_numbers_or_strings(given: Any, stored: Any) -> None:
    assert DatadogConfig(monitors=given).monitors == stored


@pytest.mark.parametrize("given", [["checkout-monitor"], [True], [-4], [1.5], "all", 90377415])
def test_monitor_ids_that_are_not_ids_are_refused(given: Any) -> None:
    with pytest.raises(ValidationError):
        DatadogConfig(monitors=given)


def test_monitor_filter_matches_the_alert_id_only(payload: Load) -> None:
    handler = DatadogHandler()
    config = DatadogConfig(monitors=[90377415])
    alert = payload("log_alert_trigger")  # alert_id "90377415"
    assert handler.accept(alert, config) is None
    assert handler.accept(alert | {"alert_id": 90377415}, config) is None
    reason = handler.accept(alert | {"alert_id": "90377416"}, config)
    assert reason == "monitor 90377416 is not in the monitors filter"
    # Same number in $ID (the event id) does not count.
    reason = handler.accept({"id": "90377415", "title": "x"}, config)
    assert reason is not None and "$ALERT_ID" in reason


def test_empty_monitor_list_keeps_nothing(payload: Load) -> None:
    assert DatadogHandler().accept(payload("log_alert_trigger"), DatadogConfig(monitors=[]))


def test_nested_monitor_id_is_filtered_too(payload: Load) -> None:
    alert = payload("custom_nested_warn")  # "monitor": {"id": 90210114}
    assert DatadogHandler().accept(alert, DatadogConfig(monitors=["90210114"])) is None
    assert DatadogHandler().accept(alert, DatadogConfig(monitors=["1"])) is not None


@pytest.mark.parametrize(
    ("tags_filter", "kept"),
    [
        ({"include": ["service:payments-worker"]}, True),
        ({"include": ["service:checkout-api", "team:payments"]}, True),  # any one is enough
        ({"include": ["service:checkout-api"]}, False),
        ({"include": ["service:payments-*"]}, True),
        ({"include": ["ENV:PROD"]}, True),  # tags compare case-insensitively
        ({"exclude": ["env:staging"]}, True),
        ({"exclude": ["team:payments"]}, False),
        ({"exclude": ["monitor"]}, False),  # a tag without a value
        ({"include": ["env:prod"], "exclude": ["service:payments-worker"]}, False),
    ],
)
def test_tags_filter(payload: Load, tags_filter: dict[str, list[str]], kept: bool) -> None:
    config = DatadogConfig.model_validate({"tags_filter": tags_filter})
    reason = DatadogHandler().accept(payload("log_alert_trigger"), config)
    assert (reason is None) is kept


def test_tags_filter_reasons_name_the_tag(payload: Load) -> None:
    alert = payload("log_alert_trigger")
    excluded = DatadogConfig.model_validate({"tags_filter": {"exclude": ["team:*"]}})
    assert DatadogHandler().accept(alert, excluded) == (
        "tag team:payments is excluded by tags_filter.exclude (team:*)"
    )
    include = DatadogConfig.model_validate({"tags_filter": {"include": ["env:staging"]}})
    assert DatadogHandler().accept(alert, include) == (
        "no tag matches tags_filter.include (env:staging)"
    )
    untagged = {"title": "x", "id": "1"}
    reason = DatadogHandler().accept(untagged, include)
    assert reason is not None and "$TAGS" in reason


@pytest.mark.parametrize(
    "tags_filter",
    [
        {"include": ["env:prod,service:api"]},
        {"include": [""]},
        {"exclude": [3]},
        {"include": "env:prod"},
        {"only": ["env:prod"]},
        ["env:prod", "-env:staging"],
    ],
)
def test_malformed_tags_filter_is_refused(tags_filter: Any) -> None:
    with pytest.raises(ValidationError):
        DatadogConfig.model_validate({"tags_filter": tags_filter})
