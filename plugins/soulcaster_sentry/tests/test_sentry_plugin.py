"""The package as the core sees it: entry point, handler contract, sample, config."""

from __future__ import annotations

import json
from collections.abc import Callable
from importlib.metadata import entry_points
from typing import Any

import pytest
from pydantic import SecretStr, ValidationError

from soulcaster_core import BadPayload, Unauthorized, WebhookRequest
from soulcaster_core.testing import HandlerContract
from soulcaster_sentry import SentryConfig, SentryHandler, verify_sentry_signature

Payload = Callable[[str], dict[str, Any]]


class TestSentryContract(HandlerContract):
    handler_class = SentryHandler


def test_plugin_is_installed() -> None:
    found = {ep.name: ep.value for ep in entry_points(group="soulcaster")}
    assert found.get("sentry") == "soulcaster_sentry"


def test_the_app_lists_the_source(soulcaster_client: Any) -> None:
    response = soulcaster_client.api.get("/api/plugins")
    assert response.status_code == 200
    assert "sentry" in response.text


def test_sample_request_is_signed_with_the_configured_secret() -> None:
    handler = SentryHandler()
    config = SentryConfig(webhook_secret=SecretStr("from-the-integration-page"))
    request = handler.sample_request(config)
    handler.authenticate(request, config)
    assert verify_sentry_signature(request, "from-the-integration-page")
    # Byte for byte as Sentry writes it: compact JSON.
    assert request.body == json.dumps(handler.sample, separators=(",", ":")).encode()
    with pytest.raises(Unauthorized):
        handler.authenticate(request, SentryConfig(webhook_secret=SecretStr("another-secret")))
    # Each test delivery is a new one, so the core does not take it for a retry.
    assert handler.sample_request(config).headers["request-id"] != request.headers["request-id"]


def test_send_test_webhook_with_a_secret(soulcaster_client: Any) -> None:
    soulcaster_client.configure("sentry", webhook_secret="from-the-integration-page")
    config = SentryConfig(webhook_secret=SecretStr("from-the-integration-page"))
    request = SentryHandler().sample_request(config)
    response = soulcaster_client.post_webhook("sentry", request.body, headers=dict(request.headers))
    assert response.status_code == 201, response.text
    [item] = soulcaster_client.items("sentry")
    assert item["title"] == "KeyError: 'sku-84213'"
    assert "> checkout/pricing.py:41 in price_cart" in item["body"]


def test_delivery_id_is_the_request_id(sign: Any, payload: Payload) -> None:
    handler = SentryHandler()
    request = sign.request(payload("issue_created"), "issue", request_id="a1b2c3d4" * 4)
    assert handler.delivery_id(request) == "a1b2c3d4" * 4
    bare = WebhookRequest(body=request.body)
    assert handler.delivery_id(bare) is None


def test_the_resource_header_decides_and_the_body_shape_is_the_fallback(
    sign: Any, payload: Payload
) -> None:
    handler = SentryHandler()
    mismatched = sign.request(payload("error_python"), "issue")
    with pytest.raises(BadPayload, match=r"data\.issue: missing"):
        handler.parse_request(mismatched)
    # A replayed dead letter, or a body on its own, is read by its shape.
    assert handler.parse(mismatched.body).resource == "error"
    other = sign.body(payload("metric_alert_critical"))
    assert handler.parse(other).resource == "metric_alert"


@pytest.mark.parametrize("levels", [["err"], ["error", "critical"]])
def test_unknown_levels_are_refused(soulcaster_client: Any, levels: list[str]) -> None:
    response = soulcaster_client.api.put(
        "/config/sentry",
        params={"project_id": soulcaster_client.project_id},
        json={"levels": levels},
    )
    assert response.status_code == 400
    assert "levels" in response.json()["error"]


def test_config_defaults_and_normalisation() -> None:
    config = SentryConfig()
    assert config.levels == ["error", "fatal"]
    assert config.environments == []
    assert config.timestamp_tolerance_seconds == 300
    assert SentryConfig(levels=[" Warning ", "FATAL"]).levels == ["warning", "fatal"]
    assert SentryConfig(environments=[" production ", ""]).environments == ["production"]
    with pytest.raises(ValidationError):
        SentryConfig(timestamp_tolerance_seconds=0)
