from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from soulcaster_core import WebhookRequest
from soulcaster_core.testing import SoulcasterClient, hmac_sha256_hex, json_fixtures

FIXTURES = Path(__file__).parent / "fixtures"
SECRET = "c8f1d0e2b7a94f5e8d3c6b2a1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f21"
OLD_SECRET = "0a9b8c7d6e5f40312f1e0d9c8b7a6f5e4d3c2b1a09f8e7d6c5b4a3f2e1d0c9b8"


class SentrySigner:
    """Builds deliveries as Sentry does: compact ASCII-escaped JSON, HMAC-signed, timestamped."""

    secret = SECRET
    old_secret = OLD_SECRET

    @staticmethod
    def body(payload: dict[str, Any]) -> bytes:
        return json.dumps(payload, separators=(",", ":")).encode()

    def headers(
        self,
        body: bytes,
        resource: str,
        *,
        secret: str | None = SECRET,
        timestamp: int | None = None,
        request_id: str | None = None,
    ) -> dict[str, str]:
        """Sentry's headers for ``body``; the timestamp defaults to now, the Request-ID to new."""
        headers = {
            "Content-Type": "application/json",
            "Request-ID": request_id or uuid.uuid4().hex,
            "Sentry-Hook-Resource": resource,
            "Sentry-Hook-Timestamp": str(int(time.time()) if timestamp is None else timestamp),
        }
        if secret is not None:
            headers["Sentry-Hook-Signature"] = hmac_sha256_hex(secret, body)
        return headers

    def request(
        self,
        payload: dict[str, Any] | bytes,
        resource: str,
        *,
        received_at: datetime | None = None,
        **options: Any,
    ) -> WebhookRequest:
        """A signed ``WebhookRequest`` for calling the handler's steps directly."""
        body = payload if isinstance(payload, bytes) else self.body(payload)
        return WebhookRequest(
            body=body,
            headers=self.headers(body, resource, **options),
            received_at=received_at or datetime.now(UTC),
        )


class SentrySender:
    """Posts fixtures to the real app the way Sentry would, signed with ``SECRET``."""

    def __init__(self, client: SoulcasterClient) -> None:
        self.client = client
        self.signer = SentrySigner()

    def post(
        self,
        payload: dict[str, Any] | bytes,
        resource: str,
        *,
        path: str = "webhook",
        **options: Any,
    ) -> httpx.Response:
        body = payload if isinstance(payload, bytes) else self.signer.body(payload)
        headers = self.signer.headers(body, resource, **options)
        # As the owner: an ignored delivery's answer then names the filter (tests read it).
        return self.client.post_webhook("sentry", body, headers=headers, path=path, as_owner=True)

    def items(self) -> list[dict[str, Any]]:
        return self.client.items("sentry")


@pytest.fixture
def payload() -> Callable[[str], dict[str, Any]]:
    """A fresh copy of ``fixtures/<name>.json`` each call, so tests can edit it freely."""
    return json_fixtures(FIXTURES)


@pytest.fixture
def sign() -> SentrySigner:
    return SentrySigner()


@pytest.fixture
def sentry(soulcaster_client: SoulcasterClient) -> SentrySender:
    """The real app with the sentry source configured with ``SECRET``."""
    soulcaster_client.configure("sentry", webhook_secret=SECRET)
    return SentrySender(soulcaster_client)
