"""The ``alertmanager`` source: Prometheus Alertmanager's and Grafana Alerting's webhooks."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from soulcaster_core import (
    DEFAULT_MERGE_POLICY,
    FeedbackItem,
    HmacSha256,
    MergePolicy,
    Payload,
    SharedToken,
    WebhookHandler,
    WebhookRequest,
)

from .config import AlertmanagerConfig
from .mapping import SOURCE, alert_items, is_resolved
from .sample import SAMPLE_GROUP

SIGNATURE_HEADER = "X-Grafana-Alerting-Signature"
#: Grafana has no default name for it: the docs tell users to set this one.
TIMESTAMP_HEADER = "X-Grafana-Alerting-Timestamp"

#: Alertmanager's ``authorization``/``basic_auth`` and Grafana's Authorization header or basic
#: auth all carry a token the sender repeats.
TOKEN = SharedToken(basic=True, sample_in="bearer")
#: Grafana's HMAC signature: hex HMAC-SHA256 of the body, or of "{timestamp}:{body}" when a
#: timestamp header is configured.
GRAFANA_SIGNATURE = HmacSha256(
    SIGNATURE_HEADER,
    secret_field="signing_secret",
    timestamp_header=TIMESTAMP_HEADER,
    tolerance="timestamp_tolerance_seconds",
    timestamp_signed=True,
    timestamp_required=False,
)


class AlertmanagerHandler(WebhookHandler[Payload, AlertmanagerConfig]):
    source = SOURCE
    Config = AlertmanagerConfig
    sample = SAMPLE_GROUP
    description = "Prometheus Alertmanager and Grafana Alerting notifications (webhook receiver)."
    auth = TOKEN
    # Either secret sets the source up; each one that is set is checked.
    credential_fields = ("webhook_secret", "signing_secret")
    auth_instructions = (
        "Alertmanager: in the webhook receiver's http_config, set authorization: {credentials: "
        "{token}} (or basic_auth with password {token}). Grafana: in the webhook contact point, "
        "set Authorization Header Credentials to {token} (or the basic auth password), and/or "
        f"an HMAC Signature with signing_secret and the timestamp header {TIMESTAMP_HEADER}."
    )
    # The alert's state and times are what its newest notification says.
    merge_policy: ClassVar[MergePolicy] = {
        **DEFAULT_MERGE_POLICY,
        "metadata.starts_at": "latest",
        "metadata.ends_at": "latest",
        "metadata.values": "latest",
        "metadata.value_string": "latest",
    }

    def authenticate(self, request: WebhookRequest, config: AlertmanagerConfig) -> None:
        # Grafana may send both a token and a signature: every credential set must pass.
        TOKEN.authenticate(request, config)
        GRAFANA_SIGNATURE.authenticate(request, config)

    def sample_request(self, config: AlertmanagerConfig) -> WebhookRequest:
        request = super().sample_request(config)
        return GRAFANA_SIGNATURE.signed_sample(request, config)

    def parse(self, body: bytes) -> Payload:
        group = Payload.from_body(body)
        group.objects("alerts", required=True)  # a BadPayload naming what is wrong, if it is
        return group

    def accept(self, event: Payload, config: AlertmanagerConfig) -> str | None:
        receiver = event.text("receiver")
        if config.receivers and receiver not in config.receivers:
            return f"receiver {receiver!r} is not one of the configured receivers"
        return None

    def to_feedback_items(self, event: Payload, project_id: str) -> Iterator[FeedbackItem]:
        return alert_items(event, project_id)

    def item_delivery_id(self, event: Payload, item: FeedbackItem) -> str | None:
        # Alertmanager renotifies a whole group (every repeat_interval, and whenever an alert
        # joins or leaves it): an alert already notified in this state, since this start, is
        # not another occurrence. A new start (it fired again) or a resolution is.
        starts = item.metadata.get("starts_at")
        if starts is None:
            return None
        return f"{item.external_id}:{starts}:{item.metadata['status']}"

    def item_counts_as_occurrence(self, event: Payload, item: FeedbackItem) -> bool:
        # A resolved alert closes the item its firing opened: it updates that item's status.
        return not is_resolved(item)
