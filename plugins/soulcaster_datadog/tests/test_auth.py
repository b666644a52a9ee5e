"""The shared secret: where Datadog may send it, and that the sample request carries it."""

from __future__ import annotations

import pytest

from soulcaster_core import Unauthorized
from soulcaster_core.testing import webhook_request
from soulcaster_datadog import DatadogConfig, DatadogHandler

SECRET = "dd-wh-6b0e2f91c4"
CONFIGURED = DatadogConfig(webhook_secret=SECRET)


@pytest.mark.parametrize(
    ("headers", "query"),
    [
        ({"X-Soulcaster-Token": SECRET}, {}),
        ({"x-soulcaster-token": SECRET}, {}),
        ({"Authorization": f"Bearer {SECRET}"}, {}),
        ({}, {"token": SECRET}),
    ],
)
def test_secret_accepted_in_header_bearer_or_query(
    headers: dict[str, str], query: dict[str, str]
) -> None:
    request = webhook_request({"title": "x"}, headers=headers, query=query)
    DatadogHandler().authenticate(request, CONFIGURED)


@pytest.mark.parametrize(
    ("headers", "query"),
    [
        ({}, {}),
        ({"X-Soulcaster-Token": SECRET[:-1]}, {}),
        ({"X-Soulcaster-Token": SECRET + " "}, {}),
        ({"Authorization": f"Basic {SECRET}"}, {}),
        ({"X-Api-Key": SECRET}, {}),
        ({}, {"token": ""}),
    ],
)
def test_missing_or_wrong_secret_is_unauthorized(
    headers: dict[str, str], query: dict[str, str]
) -> None:
    request = webhook_request({"title": "x"}, headers=headers, query=query)
    with pytest.raises(Unauthorized) as caught:
        DatadogHandler().authenticate(request, CONFIGURED)
    assert SECRET not in str(caught.value)


def test_without_a_secret_the_source_is_open() -> None:
    DatadogHandler().authenticate(webhook_request({"title": "x"}), DatadogConfig())


def test_sample_request_passes_authentication_under_its_config() -> None:
    handler = DatadogHandler()
    request = handler.sample_request(CONFIGURED)
    handler.authenticate(request, CONFIGURED)
    with pytest.raises(Unauthorized):
        handler.authenticate(request, DatadogConfig(webhook_secret="another-secret"))
    assert handler.parse(request.body) == handler.sample


def test_instructions_name_the_header() -> None:
    assert "X-Soulcaster-Token" in DatadogHandler.auth_instructions
    assert "{token}" in DatadogHandler.auth_instructions
