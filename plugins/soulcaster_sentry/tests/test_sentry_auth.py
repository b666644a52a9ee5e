"""Signatures, replay window, secret rotation and Request-ID idempotency."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from pydantic import SecretStr

from soulcaster_core import Unauthorized, WebhookRequest
from soulcaster_sentry import SentryConfig, SentryHandler, verify_sentry_signature

Payload = Callable[[str], dict[str, Any]]
RECEIVED = datetime(2024, 11, 5, 16, 30, tzinfo=UTC)


def _at(seconds_before: int) -> int:
    return int((RECEIVED - timedelta(seconds=seconds_before)).timestamp())


def _config(sign: Any, **extra: Any) -> SentryConfig:
    return SentryConfig(webhook_secret=SecretStr(sign.secret), **extra)


def test_signature_is_over_the_raw_bytes(sign: Any, payload: Payload) -> None:
    event = payload("error_python")
    event["data"]["error"]["message"] = "Überweisung fehlgeschlagen: Konto gesperrt"
    compact = sign.body(event)
    assert b"\\u00dcberweisung" in compact  # ASCII-escaped, as Sentry writes it
    request = sign.request(compact, "error")
    assert verify_sentry_signature(request, sign.secret)

    # The same JSON written differently is not what was signed.
    pretty = json.dumps(event, indent=2, ensure_ascii=False).encode()
    resent = WebhookRequest(body=pretty, headers=request.headers)
    assert not verify_sentry_signature(resent, sign.secret)


@pytest.mark.parametrize("case", [str.lower, str.upper])
def test_header_names_are_case_insensitive(
    sentry: Any, sign: Any, payload: Payload, case: Callable[[str], str]
) -> None:
    body = sign.body(payload("issue_created"))
    headers = {case(name): value for name, value in sign.headers(body, "issue").items()}
    response = sentry.client.post_webhook("sentry", body, headers=headers)
    assert response.status_code == 201, response.text


def test_empty_secret_never_verifies(sign: Any, payload: Payload) -> None:
    request = sign.request(payload("issue_created"), "issue", secret="")
    assert not verify_sentry_signature(request, "")


@pytest.mark.parametrize("seconds_before", [0, 299, -299])
def test_timestamps_within_tolerance_pass(sign: Any, payload: Payload, seconds_before: int) -> None:
    request = sign.request(
        payload("issue_created"), "issue", received_at=RECEIVED, timestamp=_at(seconds_before)
    )
    SentryHandler().authenticate(request, _config(sign))


@pytest.mark.parametrize(
    ("seconds_before", "words"), [(301, "s old"), (86_400, "s old"), (-301, "in the future")]
)
def test_timestamps_outside_tolerance_are_refused(
    sign: Any, payload: Payload, seconds_before: int, words: str
) -> None:
    request = sign.request(
        payload("issue_created"), "issue", received_at=RECEIVED, timestamp=_at(seconds_before)
    )
    with pytest.raises(Unauthorized, match=words):
        SentryHandler().authenticate(request, _config(sign))


def test_tolerance_is_configurable(sign: Any, payload: Payload) -> None:
    request = sign.request(
        payload("issue_created"), "issue", received_at=RECEIVED, timestamp=_at(900)
    )
    with pytest.raises(Unauthorized):
        SentryHandler().authenticate(request, _config(sign))
    SentryHandler().authenticate(request, _config(sign, timestamp_tolerance_seconds=1800))


def test_old_timestamp_is_401_end_to_end(sentry: Any, payload: Payload) -> None:
    import time

    replayed = sentry.post(payload("error_python"), "error", timestamp=int(time.time()) - 3600)
    assert replayed.status_code == 401, replayed.text
    assert "replay" in replayed.json()["error"]
    assert sentry.items() == []


@pytest.mark.parametrize("timestamp", [None, "yesterday", ""])
def test_missing_or_unreadable_timestamp_is_refused_when_signed(
    sign: Any, payload: Payload, timestamp: str | None
) -> None:
    good = sign.request(payload("issue_created"), "issue")
    headers = good.headers.mutablecopy()
    del headers["sentry-hook-timestamp"]
    if timestamp is not None:
        headers["sentry-hook-timestamp"] = timestamp
    request = WebhookRequest(body=good.body, headers=headers)
    with pytest.raises(Unauthorized, match="Sentry-Hook-Timestamp"):
        SentryHandler().authenticate(request, _config(sign))


def test_without_a_secret_the_source_is_open(soulcaster_client: Any, payload: Payload) -> None:
    # No signature, no timestamp: with nothing to check against, nothing is checked.
    response = soulcaster_client.post_webhook("sentry", payload("error_python"))
    assert response.status_code == 201, response.text


def test_previous_secret_verifies_during_rotation(sentry: Any, sign: Any, payload: Payload) -> None:
    sentry.client.configure(
        "sentry", webhook_secret="rotated-client-secret", previous_webhook_secret=sign.old_secret
    )
    new = payload("error_python")
    assert sentry.post(new, "error", secret="rotated-client-secret").status_code == 201
    old = payload("error_java_chained")
    assert sentry.post(old, "error", secret=sign.old_secret).status_code == 201
    assert sentry.post(payload("issue_created"), "issue", secret="neither").status_code == 401

    sentry.client.configure("sentry", previous_webhook_secret=None)
    retired = sentry.post(payload("event_alert_go_panic"), "event_alert", secret=sign.old_secret)
    assert retired.status_code == 401
    assert len(sentry.items()) == 2


def test_same_request_id_is_one_delivery(sentry: Any, payload: Payload) -> None:
    event = payload("error_python")
    first = sentry.post(event, "error", request_id="3f2a9c1e7b5d4e8fa0c6b1d2e3f40516")
    assert first.status_code == 201, first.text
    # Sentry retrying the same delivery: same Request-ID, same body.
    retry = sentry.post(event, "error", request_id="3f2a9c1e7b5d4e8fa0c6b1d2e3f40516")
    assert retry.status_code == 200
    assert retry.json() == {"status": "duplicate", "id": first.json()["id"]}
    assert sentry.client.item(first.json()["id"])["occurrences"] == 1

    # A new delivery of the same issue is a real occurrence.
    another = sentry.post(event, "error", request_id="9b8a7c6d5e4f40312a1b0c9d8e7f6a5b")
    assert another.json() == {"status": "duplicate", "id": first.json()["id"]}
    assert sentry.client.item(first.json()["id"])["occurrences"] == 2


def test_client_secret_is_write_only_and_has_an_alias(soulcaster_client: Any) -> None:
    api, params = soulcaster_client.api, {"project_id": soulcaster_client.project_id}
    posted = api.post("/config/sentry/client_secret", params=params, json={"client_secret": "abc"})
    assert posted.status_code == 200, posted.text
    assert posted.json() == {"client_secret": "**********"}
    shown = api.get("/config/sentry", params=params).json()
    assert shown["webhook_secret"] == "**********"
    assert "abc" not in json.dumps(shown)
    unsigned = soulcaster_client.post_webhook("sentry", {"action": "created", "data": {}})
    assert unsigned.status_code == 401
