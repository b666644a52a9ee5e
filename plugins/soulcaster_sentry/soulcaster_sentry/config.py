"""Per-project settings of the ``sentry`` source."""

from __future__ import annotations

from pydantic import Field, SecretStr, field_validator

from soulcaster_core import SourceConfig

DEFAULT_LEVELS = ["error", "fatal"]
#: The levels a Sentry event can have, least severe first.
SENTRY_LEVELS = ("debug", "info", "warning", "error", "fatal")


class SentryConfig(SourceConfig):
    #: The integration's Client Secret; with it set, every delivery must be signed with it.
    webhook_secret: SecretStr | None = None
    #: The secret before a rotation: deliveries signed with it still pass until it is cleared.
    previous_webhook_secret: SecretStr | None = None
    #: How far ``Sentry-Hook-Timestamp`` may be from our clock before a delivery is a replay.
    timestamp_tolerance_seconds: int = Field(default=300, ge=1, le=7 * 24 * 3600)
    #: Environments to ingest (case-insensitive); empty means every environment.
    environments: list[str] = Field(default_factory=list)
    #: Levels to ingest (debug, info, warning, error, fatal; case-insensitive).
    levels: list[str] = Field(default_factory=lambda: list(DEFAULT_LEVELS))

    @field_validator("environments")
    @classmethod
    def _trimmed(cls, values: list[str]) -> list[str]:
        # "Production " typed into a settings form should still match "production".
        return [value.strip() for value in values if value.strip()]

    @field_validator("levels")
    @classmethod
    def _known_levels(cls, values: list[str]) -> list[str]:
        # A typo ("err") would otherwise silently ignore every event.
        levels = [value.strip().lower() for value in values if value.strip()]
        unknown = [level for level in levels if level not in SENTRY_LEVELS]
        if unknown:
            known = ", ".join(SENTRY_LEVELS)
            raise ValueError(f"unknown level(s) {', '.join(unknown)}; Sentry levels are {known}")
        return levels
