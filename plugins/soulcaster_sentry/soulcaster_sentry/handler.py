"""The ``sentry`` source: webhooks of a Sentry internal (or public) integration."""

from __future__ import annotations

import json
import time
import uuid

from starlette.datastructures import Headers

from soulcaster_core import FeedbackItem, WebhookHandler, WebhookRequest

from .auth import (
    REQUEST_ID_HEADER,
    RESOURCE_HEADER,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    authenticate_sentry,
    configured_secrets,
    request_id,
    sentry_signature,
)
from .config import SentryConfig
from .filters import rejection_reason
from .mapping import counts_as_occurrence, feedback_item_from
from .payload import SentryEvent, parse_sentry_body
from .sample import SAMPLE_ERROR


class SentryHandler(WebhookHandler[SentryEvent, SentryConfig]):
    source = "sentry"
    Config = SentryConfig
    config_aliases = {"client_secret": "webhook_secret"}
    sample = SAMPLE_ERROR
    description = "Sentry issues, errors, issue alerts and metric alerts (integration webhooks)."
    auth_instructions = (
        "Paste the integration's Client Secret into webhook_secret: Sentry signs every "
        f"delivery with it ({SIGNATURE_HEADER})."
    )

    def authenticate(self, request: WebhookRequest, config: SentryConfig) -> None:
        authenticate_sentry(request, config)

    def delivery_id(self, request: WebhookRequest) -> str | None:
        return request_id(request)

    def parse(self, body: bytes) -> SentryEvent:
        # Without the Sentry-Hook-Resource header the resource is read from the body's shape.
        return parse_sentry_body(body, None)

    def parse_request(self, request: WebhookRequest) -> SentryEvent:
        return parse_sentry_body(request.body, request.headers.get(RESOURCE_HEADER))

    def accept(self, event: SentryEvent, config: SentryConfig) -> str | None:
        return rejection_reason(event, config)

    def counts_as_occurrence(self, event: SentryEvent) -> bool:
        return counts_as_occurrence(event)

    def to_feedback_item(self, event: SentryEvent, project_id: str) -> FeedbackItem:
        return feedback_item_from(event, project_id)

    def sample_request(self, config: SentryConfig) -> WebhookRequest:
        # Byte for byte what Sentry sends: compact, ASCII-escaped JSON, signed as it is.
        body = json.dumps(self.sample, separators=(",", ":")).encode()
        headers = {
            "content-type": "application/json",
            REQUEST_ID_HEADER: uuid.uuid4().hex,
            RESOURCE_HEADER: "error",
            TIMESTAMP_HEADER: str(int(time.time())),
        }
        secrets = configured_secrets(config)
        if secrets:
            headers[SIGNATURE_HEADER] = sentry_signature(body, secrets[0])
        return WebhookRequest(body=body, headers=Headers(headers))
