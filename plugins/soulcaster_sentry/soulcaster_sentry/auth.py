"""Sentry's webhook signature, replay window and delivery id.

Sentry signs the exact body bytes with the integration's Client Secret (lowercase hex
HMAC-SHA256, no prefix). The timestamp header is *not* signed, so it only narrows the window
in which a captured delivery could be replayed; the ``Request-ID`` dedup closes the rest.
"""

from __future__ import annotations

from soulcaster_core import HmacSha256, WebhookRequest, secret_values

from .config import SentryConfig

SIGNATURE_HEADER = "Sentry-Hook-Signature"
TIMESTAMP_HEADER = "Sentry-Hook-Timestamp"
RESOURCE_HEADER = "Sentry-Hook-Resource"
REQUEST_ID_HEADER = "Request-ID"

# Sentry's Request-ID is 32 hex characters; anything far longer is not worth keeping as a key.
_REQUEST_ID_MAX = 128

#: What Sentry does: the body signed with the Client Secret (the one being rotated out still
#: passes), and an unsigned timestamp that must be within the configured tolerance.
SENTRY_AUTH = HmacSha256(
    SIGNATURE_HEADER,
    previous_field="previous_webhook_secret",
    timestamp_header=TIMESTAMP_HEADER,
    tolerance="timestamp_tolerance_seconds",
    setup="Paste the integration's Client Secret into webhook_secret: Sentry signs every "
    f"delivery with it ({SIGNATURE_HEADER}).",
)


def sentry_signature(body: bytes, secret: str) -> str:
    """What Sentry puts in ``Sentry-Hook-Signature`` for ``body`` signed with ``secret``."""
    return SENTRY_AUTH.signature(body, secret)


def verify_sentry_signature(request: WebhookRequest, secret: str) -> bool:
    """Whether the request's ``Sentry-Hook-Signature`` is the HMAC of its raw body under ``secret``.

    Compared in constant time; a missing header or an empty secret never verifies.
    """
    return SENTRY_AUTH.verify(request, secret)


def configured_secrets(config: SentryConfig) -> list[str]:
    """The current secret first, then the one being rotated out; blanks count as unset."""
    return secret_values(config, SENTRY_AUTH.secret_fields())


def request_id(request: WebhookRequest) -> str | None:
    """Sentry's per-delivery ``Request-ID``, repeated when it retries the same delivery."""
    value = (request.headers.get(REQUEST_ID_HEADER) or "").strip()
    if not value or len(value) > _REQUEST_ID_MAX:
        return None
    return value
