"""``SplunkHandler`` steps called directly: token checks, filters, the test-webhook request."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from pydantic import SecretStr

from soulcaster_core import Unauthorized
from soulcaster_core.testing import webhook_request
from soulcaster_splunk import SplunkConfig, SplunkHandler, parse_alert

TOKEN = "n7Qf2kVx9LpR4sT8wZ1yB6cD3eG5hJ0m"
handler = SplunkHandler()
configured = SplunkConfig(webhook_token=SecretStr(TOKEN))


def test_token_in_the_url_passes(load_alert: Callable[[str], Any]) -> None:
    request = webhook_request(
        load_alert("syslog_oom"), query={"project_id": "acme", "token": TOKEN}
    )

    handler.authenticate(request, configured)


def test_bearer_token_passes(load_alert: Callable[[str], Any]) -> None:
    request = webhook_request(
        load_alert("syslog_oom"), headers={"Authorization": f"Bearer {TOKEN}"}
    )

    handler.authenticate(request, configured)


@pytest.mark.parametrize(
    ("headers", "query"),
    [
        ({}, {}),
        ({}, {"token": TOKEN[:-1]}),
        ({}, {"token": TOKEN + "x"}),
        ({}, {"token": ""}),
        ({"Authorization": "Bearer wrong"}, {}),
        ({"Authorization": f"Basic {TOKEN}"}, {}),
    ],
)
def test_missing_or_wrong_token_is_refused(
    headers: dict[str, str], query: dict[str, str], load_alert: Callable[[str], Any]
) -> None:
    request = webhook_request(load_alert("syslog_oom"), headers=headers, query=query)

    with pytest.raises(Unauthorized) as raised:
        handler.authenticate(request, configured)

    assert TOKEN not in raised.value.detail


def test_without_a_configured_token_the_source_is_open(load_alert: Callable[[str], Any]) -> None:
    handler.authenticate(webhook_request(load_alert("syslog_oom")), SplunkConfig())


def test_sample_request_passes_authentication() -> None:
    request = handler.sample_request(configured)

    assert request.query["token"] == TOKEN
    handler.authenticate(request, configured)
    assert handler.parse(request.body).search_name == "Payments API - unhandled exceptions"


def test_sample_request_without_token_has_none() -> None:
    assert "token" not in handler.sample_request(SplunkConfig()).query


def test_config_tidies_name_lists() -> None:
    config = SplunkConfig(searches=[" Kernel OOM killer ", "", "Kernel OOM killer"])

    assert config.searches == ["Kernel OOM killer"]


@pytest.mark.parametrize(
    ("config", "fixture", "reason"),
    [
        (SplunkConfig(), "syslog_oom", None),
        (SplunkConfig(searches=["Kernel OOM killer"]), "syslog_oom", None),
        (
            SplunkConfig(searches=["kernel oom killer"]),
            "syslog_oom",
            'search "Kernel OOM killer" is not one of the configured searches',
        ),
        (
            SplunkConfig(searches=["Kernel OOM killer"]),
            "null_search_name",
            "search (unnamed) is not one of the configured searches",
        ),
        (SplunkConfig(sourcetypes=["syslog", "log4j"]), "syslog_oom", None),
        (
            SplunkConfig(sourcetypes=["log4j"]),
            "syslog_oom",
            'sourcetype "syslog" is not one of the configured sourcetypes',
        ),
        (
            SplunkConfig(sourcetypes=["log4j"]),
            "stats_error_rate",
            "the result has no sourcetype, and only configured sourcetypes are kept",
        ),
        (
            SplunkConfig(sourcetypes=["log4j"]),
            "null_result",
            "the result has no sourcetype, and only configured sourcetypes are kept",
        ),
        (
            SplunkConfig(searches=["Kernel OOM killer"], sourcetypes=["syslog"]),
            "syslog_oom",
            None,
        ),
    ],
)
def test_filters(
    config: SplunkConfig, fixture: str, reason: str | None, load_alert: Callable[[str], Any]
) -> None:
    assert handler.accept(parse_alert(load_alert(fixture)), config) == reason


def test_multivalue_sourcetype_matches_any_value() -> None:
    alert = parse_alert({"result": {"sourcetype": ["nginx", "haproxy"], "count": "9"}})

    assert handler.accept(alert, SplunkConfig(sourcetypes=["haproxy"])) is None
    assert handler.accept(alert, SplunkConfig(sourcetypes=["syslog"])) == (
        'sourcetype "nginx", "haproxy" is not one of the configured sourcetypes'
    )
