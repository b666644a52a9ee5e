"""Sentry's webhook signature, replay window and delivery id.

Sentry signs the exact body bytes with the integration's Client Secret (lowercase hex
HMAC-SHA256, no prefix). The timestamp header is *not* signed, so it only narrows the window
in which a captured delivery could be replayed; the ``Request-ID`` dedup closes the rest.
"""

from __future__ import annotations

from pydantic import SecretStr

from soulcaster_core import Unauthorized, WebhookRequest, hmac_sha256_hex, secrets_equal
from soulcaster_core.timestamps import parse_timestamp

from .config import SentryConfig

SIGNATURE_HEADER = "Sentry-Hook-Signature"
TIMESTAMP_HEADER = "Sentry-Hook-Timestamp"
RESOURCE_HEADER = "Sentry-Hook-Resource"
REQUEST_ID_HEADER = "Request-ID"

# Sentry's Request-ID is 32 hex characters; anything far longer is not worth keeping as a key.
_REQUEST_ID_MAX = 128


def sentry_signature(body: bytes, secret: str) -> str:
    """What Sentry puts in ``Sentry-Hook-Signature`` for ``body`` signed with ``secret``."""
    return hmac_sha256_hex(secret, body)


def verify_sentry_signature(request: WebhookRequest, secret: str) -> bool:
    """Whether the request's ``Sentry-Hook-Signature`` is the HMAC of its raw body under ``secret``.

    Compared in constant time; a missing header or an empty secret never verifies.
    """
    given = request.headers.get(SIGNATURE_HEADER)
    if not secret or given is None:
        return False
    return secrets_equal(given.strip().lower(), sentry_signature(request.body, secret))


def configured_secrets(config: SentryConfig) -> list[str]:
    """The current secret first, then the one being rotated out; blanks count as unset."""
    found = [config.webhook_secret, config.previous_webhook_secret]
    return [value for s in found if (value := _secret_value(s))]


def _secret_value(secret: SecretStr | None) -> str:
    return secret.get_secret_value() if secret is not None else ""


def authenticate_sentry(request: WebhookRequest, config: SentryConfig) -> None:
    """Raise ``Unauthorized`` unless the delivery is signed and fresh (open with no secret)."""
    secrets = configured_secrets(config)
    if not secrets:
        # Nothing to check against: a forged timestamp would pass any replay check as well.
        return
    if request.headers.get(SIGNATURE_HEADER) is None:
        raise Unauthorized(f"missing {SIGNATURE_HEADER} header")
    # Try every secret so the time taken does not tell which one came close.
    verdicts = [verify_sentry_signature(request, secret) for secret in secrets]
    if not any(verdicts):
        raise Unauthorized(
            f"{SIGNATURE_HEADER} does not match the body signed with the configured client secret"
        )
    check_timestamp(request, config.timestamp_tolerance_seconds)


def check_timestamp(request: WebhookRequest, tolerance_seconds: int) -> None:
    """Refuse a delivery whose ``Sentry-Hook-Timestamp`` is outside the tolerance, either way."""
    raw = request.headers.get(TIMESTAMP_HEADER)
    if raw is None:
        # Sentry always sends it, so a signed request without one was not built by Sentry.
        raise Unauthorized(f"missing {TIMESTAMP_HEADER} header")
    sent = parse_timestamp(raw)
    if sent is None:
        raise Unauthorized(f"{TIMESTAMP_HEADER}: not a Unix time: {raw[:40]!r}")
    age = (request.received_at - sent).total_seconds()
    if age > tolerance_seconds:
        raise Unauthorized(
            f"{TIMESTAMP_HEADER} is {int(age)} s old; deliveries older than "
            f"{tolerance_seconds} s are refused as possible replays"
        )
    if -age > tolerance_seconds:
        raise Unauthorized(
            f"{TIMESTAMP_HEADER} is {int(-age)} s in the future; clocks may differ by at most "
            f"{tolerance_seconds} s"
        )


def request_id(request: WebhookRequest) -> str | None:
    """Sentry's per-delivery ``Request-ID``, repeated when it retries the same delivery."""
    value = (request.headers.get(REQUEST_ID_HEADER) or "").strip()
    if not value or len(value) > _REQUEST_ID_MAX:
        return None
    return value
