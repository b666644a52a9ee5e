"""Attack 6 of issue 14: a captured, signed Sentry "resolved" replayed after the issue reopened.

Sentry signs the body, not ``Sentry-Hook-Timestamp``; the Request-ID (kept 7 days) stops a
replay only while it carries the same id. Before: a replay with a new Request-ID flipped the
reopened issue back to resolved. Now a status change sent before the item's last Sentry
delivery is answered 200 ``ignored`` with the reason, and the status is kept.
"""

from __future__ import annotations

import copy
import json
import time
import uuid
from pathlib import Path
from typing import Any

from soulcaster_core.testing import SoulcasterClient, hmac_sha256_hex

FIXTURES = Path(__file__).parents[2] / "plugins/soulcaster_sentry/tests/fixtures"
SECRET = "sentry-client-secret"


def delivery(action: str, sent_at: int) -> tuple[bytes, dict[str, str]]:
    payload: dict[str, Any] = json.loads((FIXTURES / "issue_resolved.json").read_text())
    payload = copy.deepcopy(payload)
    payload["action"] = action
    payload["data"]["issue"]["status"] = "resolved" if action == "resolved" else "unresolved"
    body = json.dumps(payload, separators=(",", ":")).encode()
    return body, signed(body, sent_at)


def signed(body: bytes, sent_at: int) -> dict[str, str]:
    return {
        "content-type": "application/json",
        "Sentry-Hook-Resource": "issue",
        "Sentry-Hook-Timestamp": str(sent_at),
        "Sentry-Hook-Signature": hmac_sha256_hex(SECRET, body),
        "Request-ID": uuid.uuid4().hex,
    }


def status(client: SoulcasterClient) -> str:
    [item] = client.items("sentry")
    found: str = item["metadata"]["status"]
    return found


def test_a_replayed_resolve_does_not_close_a_reopened_issue(
    soulcaster_client: SoulcasterClient,
) -> None:
    client = soulcaster_client
    client.configure("sentry", webhook_secret=SECRET)
    now = int(time.time())
    created = send(client, "created", now - 40)
    assert created.status_code == 201, created.text
    captured_body, captured_headers = delivery("resolved", now - 30)
    assert client.post_webhook("sentry", captured_body, headers=captured_headers).status_code == 200
    assert status(client) == "resolved"
    reopened = send(client, "unresolved", now - 20)
    assert reopened.status_code == 200, reopened.text
    assert status(client) == "unresolved"

    # The attacker's copy: same signed body and timestamp, a Request-ID never seen.
    replay = client.post_webhook(
        "sentry", captured_body, headers={**captured_headers, "Request-ID": uuid.uuid4().hex}
    )
    assert replay.status_code == 200, replay.text
    assert replay.json()["status"] == "ignored"
    assert "older than this item's last Sentry update" in replay.json()["reason"]
    assert status(client) == "unresolved"

    # A resolve Sentry sends after the reopen is applied as ever.
    later = send(client, "resolved", now - 10)
    assert later.status_code == 200, later.text
    assert later.json()["status"] != "ignored"
    assert status(client) == "resolved"


def send(client: SoulcasterClient, action: str, sent_at: int) -> Any:
    body, headers = delivery(action, sent_at)
    return client.post_webhook("sentry", body, headers=headers)
