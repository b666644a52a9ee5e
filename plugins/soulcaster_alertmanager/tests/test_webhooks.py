"""Deliveries end to end: a group of alerts, their resolution, and each way senders authenticate."""

from __future__ import annotations

import base64
import json
import time
from collections.abc import Callable
from typing import Any

import pytest
from soulcaster_alertmanager import GRAFANA_SIGNATURE, SIGNATURE_HEADER, TIMESTAMP_HEADER

from soulcaster_core.testing import SoulcasterClient, hmac_sha256_hex

Payload = Callable[[str], dict[str, Any]]
TOKEN = "am-" + "7f3c9a1e5b" * 3
SIGNING = "grafana-" + "0d4e8b2f6a" * 3


def test_a_group_is_an_item_per_alert_and_resolving_updates_one(
    either_store: SoulcasterClient, payload: Payload
) -> None:
    client = either_store
    fired = client.post_webhook("alertmanager", payload("alertmanager_firing"))
    assert fired.status_code == 201, fired.text
    lines = fired.json()["items"]
    assert [(line["external_id"], line["status"]) for line in lines] == [
        ("b3f2a1c4d5e6f708", "created"),
        ("0c9d8e7f6a5b4c3d", "created"),
    ]
    checkout_id = lines[0]["id"]

    resolved = client.post_webhook("alertmanager", payload("alertmanager_resolved"))
    assert resolved.status_code == 200, resolved.text
    assert resolved.json()["items"] == [
        {"external_id": "b3f2a1c4d5e6f708", "status": "updated", "id": checkout_id}
    ]
    item = client.item(checkout_id)
    assert item["metadata"]["status"] == "resolved"
    assert item["occurrences"] == 1  # a resolution is not another occurrence

    # The same resolution again (Alertmanager repeats it) changes nothing.
    again = client.post_webhook("alertmanager", payload("alertmanager_resolved"))
    assert again.json()["items"][0]["status"] == "duplicate"
    # The alert fires again (a new start): the same item, firing, counted.
    refire = payload("alertmanager_firing")
    refire["alerts"][0]["startsAt"] = "2024-05-01T13:05:00.000Z"
    refired = client.post_webhook("alertmanager", refire)
    assert [line["status"] for line in refired.json()["items"]] == ["duplicate", "duplicate"]
    item = client.item(checkout_id)
    assert (item["metadata"]["status"], item["occurrences"]) == ("firing", 2)
    assert len(client.items("alertmanager")) == 2
    # The other alert was only renotified with its group: still one occurrence.
    assert client.item(lines[1]["id"])["occurrences"] == 1


def test_a_renotified_group_counts_no_occurrence(
    soulcaster_client: SoulcasterClient, payload: Payload
) -> None:
    # Alertmanager repeats a firing group every repeat_interval, unchanged.
    first = soulcaster_client.post_webhook("alertmanager", payload("alertmanager_firing"))
    repeat = soulcaster_client.post_webhook("alertmanager", payload("alertmanager_firing"))
    assert repeat.status_code == 200
    assert repeat.json()["status"] == "duplicate"
    for line in first.json()["items"]:
        assert soulcaster_client.item(line["id"])["occurrences"] == 1


def test_receivers_filter_the_groups(soulcaster_client: SoulcasterClient, payload: Payload) -> None:
    soulcaster_client.configure("alertmanager", receivers=["oncall"])
    answer = soulcaster_client.post_webhook(
        "alertmanager", payload("alertmanager_firing"), as_owner=True
    )
    assert answer.json() == {
        "status": "ignored",
        "reason": "receiver 'soulcaster' is not one of the configured receivers",
    }
    assert soulcaster_client.items("alertmanager") == []


def _basic(password: str) -> str:
    return "Basic " + base64.b64encode(f"alertmanager:{password}".encode()).decode()


@pytest.mark.parametrize(
    ("authorization", "status"),
    [
        (f"Bearer {TOKEN}", 201),  # Alertmanager http_config.authorization
        (_basic(TOKEN), 201),  # Alertmanager http_config.basic_auth, Grafana basic auth
        (f"Bearer {TOKEN}x", 401),
        (_basic("guess"), 401),
        (None, 401),
    ],
)
def test_bearer_or_basic_auth(
    soulcaster_closed_client: SoulcasterClient,
    payload: Payload,
    authorization: str | None,
    status: int,
) -> None:
    client = soulcaster_closed_client
    client.configure("alertmanager", webhook_secret=TOKEN)
    headers = {"authorization": authorization} if authorization else {}
    answer = client.post_webhook("alertmanager", payload("grafana_firing"), headers=headers)
    assert answer.status_code == status, answer.text
    assert TOKEN not in answer.text


def _grafana(body: bytes, secret: str, timestamp: str | None) -> dict[str, str]:
    """Headers as Grafana's HMAC signature sends them (hex, "{timestamp}:{body}" when timed)."""
    signed = body if timestamp is None else timestamp.encode() + b":" + body
    headers = {SIGNATURE_HEADER: hmac_sha256_hex(secret, signed)}
    if timestamp is not None:
        headers[TIMESTAMP_HEADER] = timestamp
    return headers


@pytest.mark.parametrize("timed", [True, False])
def test_grafana_hmac_signature(
    soulcaster_closed_client: SoulcasterClient, payload: Payload, timed: bool
) -> None:
    client = soulcaster_closed_client
    client.configure("alertmanager", signing_secret=SIGNING)
    body = json.dumps(payload("grafana_firing")).encode()
    now = str(int(time.time())) if timed else None
    signed = client.post_webhook("alertmanager", body, headers=_grafana(body, SIGNING, now))
    assert signed.status_code == 201, signed.text
    forged = client.post_webhook("alertmanager", body, headers=_grafana(body, "guess", now))
    assert forged.status_code == 401
    unsigned = client.post_webhook("alertmanager", body)
    assert unsigned.status_code == 401
    assert SIGNATURE_HEADER in unsigned.json()["error"]


def test_an_old_signed_timestamp_is_a_replay(
    soulcaster_closed_client: SoulcasterClient, payload: Payload
) -> None:
    client = soulcaster_closed_client
    client.configure("alertmanager", signing_secret=SIGNING)
    body = json.dumps(payload("grafana_firing")).encode()
    old = str(int(time.time()) - 3600)
    replayed = client.post_webhook("alertmanager", body, headers=_grafana(body, SIGNING, old))
    assert replayed.status_code == 401
    assert "replay" in replayed.json()["error"]


def test_token_and_signature_both_set_must_both_pass(
    soulcaster_closed_client: SoulcasterClient, payload: Payload
) -> None:
    client = soulcaster_closed_client
    client.configure("alertmanager", webhook_secret=TOKEN, signing_secret=SIGNING)
    body = json.dumps(payload("grafana_firing")).encode()
    signature = _grafana(body, SIGNING, None)
    only_signed = client.post_webhook("alertmanager", body, headers=signature)
    assert only_signed.status_code == 401
    both = {**signature, "authorization": f"Bearer {TOKEN}"}
    assert client.post_webhook("alertmanager", body, headers=both).status_code == 201
    assert GRAFANA_SIGNATURE.secret_fields() == ("signing_secret",)
