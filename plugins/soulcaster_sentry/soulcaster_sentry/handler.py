"""The ``sentry`` source: webhooks of a Sentry internal (or public) integration."""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import replace
from typing import ClassVar

from soulcaster_core import (
    DEFAULT_MERGE_POLICY,
    FeedbackItem,
    MergePolicy,
    WebhookHandler,
    WebhookRequest,
)
from soulcaster_core.timestamps import parse_timestamp

from .auth import (
    REQUEST_ID_HEADER,
    RESOURCE_HEADER,
    SENTRY_AUTH,
    TIMESTAMP_HEADER,
    request_id,
)
from .config import SentryConfig
from .filters import rejection_reason
from .mapping import counts_as_occurrence, feedback_item_from
from .payload import SentryEvent, parse_sentry_body
from .replay import SENT_AT, mark_sent_at, stale_reason
from .sample import SAMPLE_ERROR


class SentryHandler(WebhookHandler[SentryEvent, SentryConfig]):
    source = "sentry"
    Config = SentryConfig
    config_aliases = {"client_secret": "webhook_secret"}
    # The newest delivery's timestamp, whatever the richer one said: what replays compare to.
    merge_policy: ClassVar[MergePolicy] = {**DEFAULT_MERGE_POLICY, f"metadata.{SENT_AT}": "latest"}
    sample = SAMPLE_ERROR
    description = "Sentry issues, errors, issue alerts and metric alerts (integration webhooks)."
    auth = SENTRY_AUTH

    def delivery_id(self, request: WebhookRequest) -> str | None:
        return request_id(request)

    def parse(self, body: bytes) -> SentryEvent:
        # Without the Sentry-Hook-Resource header the resource is read from the body's shape.
        return parse_sentry_body(body, None)

    def parse_request(self, request: WebhookRequest) -> SentryEvent:
        event = parse_sentry_body(request.body, request.headers.get(RESOURCE_HEADER))
        sent_at = parse_timestamp(request.headers.get(TIMESTAMP_HEADER))
        return replace(event, sent_at=sent_at) if sent_at is not None else event

    def accept(self, event: SentryEvent, config: SentryConfig) -> str | None:
        return rejection_reason(event, config)

    def counts_as_occurrence(self, event: SentryEvent) -> bool:
        return counts_as_occurrence(event)

    def to_feedback_item(self, event: SentryEvent, project_id: str) -> FeedbackItem:
        return mark_sent_at(feedback_item_from(event, project_id), event.sent_at)

    def stale_reason(self, event: SentryEvent, stored: FeedbackItem) -> str | None:
        return stale_reason(event, stored)

    def sample_request(self, config: SentryConfig) -> WebhookRequest:
        # Byte for byte what Sentry sends: compact, ASCII-escaped JSON, signed as it is.
        body = json.dumps(self.sample, separators=(",", ":")).encode()
        headers = {
            "content-type": "application/json",
            REQUEST_ID_HEADER: uuid.uuid4().hex,
            RESOURCE_HEADER: "error",
            TIMESTAMP_HEADER: str(int(time.time())),
        }
        return SENTRY_AUTH.signed_sample(WebhookRequest(body=body, headers=headers), config)
