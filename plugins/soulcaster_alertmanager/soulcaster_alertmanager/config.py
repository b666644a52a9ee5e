"""Per-project settings of the ``alertmanager`` source."""

from __future__ import annotations

from pydantic import Field, SecretStr, field_validator

from soulcaster_core import SourceConfig


class AlertmanagerConfig(SourceConfig):
    #: The token the sender repeats: Alertmanager's ``authorization`` (bearer) or the
    #: ``basic_auth`` password, Grafana's Authorization header or basic auth password.
    webhook_secret: SecretStr | None = None
    #: Grafana's HMAC signature secret ("HMAC Signature" of the webhook contact point); with it
    #: set, every delivery must carry X-Grafana-Alerting-Signature.
    signing_secret: SecretStr | None = None
    #: How far X-Grafana-Alerting-Timestamp (when Grafana sends one) may be from our clock.
    timestamp_tolerance_seconds: int = Field(default=300, ge=1, le=7 * 24 * 3600)
    #: Receivers (``receiver`` of the payload) to ingest; empty means every receiver.
    receivers: list[str] = Field(default_factory=list)

    @field_validator("receivers")
    @classmethod
    def _trimmed(cls, values: list[str]) -> list[str]:
        return [value.strip() for value in values if value.strip()]
