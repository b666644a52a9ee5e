"""The ``datadog`` source: Datadog's Webhooks integration, POSTing one monitor notification."""

from __future__ import annotations

import hashlib
from typing import Any, ClassVar

from soulcaster_core import (
    DEFAULT_MERGE_POLICY,
    BadPayload,
    FeedbackItem,
    MergePolicy,
    SharedToken,
    WebhookHandler,
    WebhookRequest,
)

from .config import DatadogConfig
from .field_map import apply_field_map
from .filters import rejection_reason
from .mapping import datadog_event_to_feedback_item, is_recovery
from .payload import parse_body, text_field
from .sample import SAMPLE_ALERT

#: The custom header the docs tell users to add; a bearer token or ``?token=`` works too.
TOKEN_HEADER = "X-Soulcaster-Token"


class DatadogHandler(WebhookHandler[dict[str, Any], DatadogConfig]):
    source = "datadog"
    Config = DatadogConfig
    sample = SAMPLE_ALERT
    description = "Datadog monitor alerts from the Webhooks integration (@webhook-<name>)."
    # An alert's item keeps what its trigger said (title, message, the failing error); the
    # notifications after it move its state on.
    merge_policy: ClassVar[MergePolicy] = {
        **DEFAULT_MERGE_POLICY,
        "metadata.alert_transition": "latest",
        "metadata.alert_type": "latest",
        "metadata.alert_status": "latest",
        "metadata.event_id": "latest",
    }
    # "Encode as form" in the webhook's settings: Datadog posts the template's fields as a form.
    extra_content_types = frozenset({"application/x-www-form-urlencoded"})
    # Datadog cannot sign its webhooks: a shared secret is the strongest check available.
    auth = SharedToken(
        header=TOKEN_HEADER,
        setup=f"In the Datadog webhook, add the custom header {TOKEN_HEADER} with the value "
        "{token} (or append &token={token} to the webhook URL).",
    )

    def parse(self, body: bytes) -> dict[str, Any]:
        return parse_body(body)

    def delivery_id(self, request: WebhookRequest) -> str | None:
        """``$ID`` and the body: Datadog retries one notification with the same body.

        ``$ID`` is the event id of one notification. The body's digest goes with it because
        templates also put other ids under ``id`` (the monitor's, the alert cycle's) that every
        notification of an alert repeats, while its date or transition differs.
        """
        if b"id" not in request.body:
            return None  # no id field at all: skip reading the body a second time
        try:
            event_id = text_field(parse_body(request.body), "event_id")
        except BadPayload:
            return None
        if event_id is None:
            return None
        return f"{event_id}:{hashlib.sha256(request.body).hexdigest()[:32]}"

    def accept(self, event: dict[str, Any], config: DatadogConfig) -> str | None:
        # The only step that sees the project's config before mapping: the filters and the
        # mapping then read the template's fields under our names.
        if config.field_map:
            apply_field_map(event, config.field_map)
        return rejection_reason(event, config)

    def counts_as_occurrence(self, event: dict[str, Any]) -> bool:
        # A recovery closes the alert its trigger opened: it updates that item's status.
        return not is_recovery(event)

    def to_feedback_item(self, event: dict[str, Any], project_id: str) -> FeedbackItem:
        return datadog_event_to_feedback_item(event, project_id)
