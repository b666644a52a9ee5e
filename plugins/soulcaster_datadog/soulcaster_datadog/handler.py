"""The ``datadog`` source: Datadog's Webhooks integration, POSTing one monitor notification."""

from __future__ import annotations

import json
from typing import Any

from starlette.datastructures import Headers

from soulcaster_core import FeedbackItem, WebhookHandler, WebhookRequest, require_shared_token

from .config import DatadogConfig
from .filters import rejection_reason
from .mapping import datadog_event_to_feedback_item, is_recovery
from .payload import parse_body
from .sample import SAMPLE_ALERT

#: The custom header the docs tell users to add; a bearer token or ``?token=`` works too.
TOKEN_HEADER = "X-Soulcaster-Token"


class DatadogHandler(WebhookHandler[dict[str, Any], DatadogConfig]):
    source = "datadog"
    Config = DatadogConfig
    sample = SAMPLE_ALERT
    description = "Datadog monitor alerts from the Webhooks integration (@webhook-<name>)."
    auth_instructions = (
        f"In the Datadog webhook, add the custom header {TOKEN_HEADER} with the value {{token}} "
        "(or append &token={token} to the webhook URL)."
    )

    def authenticate(self, request: WebhookRequest, config: DatadogConfig) -> None:
        # Datadog cannot sign its webhooks: a shared secret is the strongest check available.
        require_shared_token(request, config.webhook_secret, header=TOKEN_HEADER.lower())

    def parse(self, body: bytes) -> dict[str, Any]:
        return parse_body(body)

    def accept(self, event: dict[str, Any], config: DatadogConfig) -> str | None:
        return rejection_reason(event, config)

    def counts_as_occurrence(self, event: dict[str, Any]) -> bool:
        # A recovery closes the alert its trigger opened: it updates that item's status.
        return not is_recovery(event)

    def to_feedback_item(self, event: dict[str, Any], project_id: str) -> FeedbackItem:
        return datadog_event_to_feedback_item(event, project_id)

    def sample_request(self, config: DatadogConfig) -> WebhookRequest:
        headers = {"content-type": "application/json"}
        if config.webhook_secret is not None:
            headers[TOKEN_HEADER.lower()] = config.webhook_secret.get_secret_value()
        return WebhookRequest(body=json.dumps(self.sample).encode(), headers=Headers(headers))
