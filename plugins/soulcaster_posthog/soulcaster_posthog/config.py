"""Per-project PostHog settings: the webhook secret, the API credentials and the sync cursor."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit
from uuid import UUID

from pydantic import Field, SecretStr, field_validator

from soulcaster_core import SourceConfig
from soulcaster_core.outbound import OutboundURL
from soulcaster_core.timestamps import parse_timestamp

DEFAULT_HOST = "https://us.posthog.com"
DEFAULT_EVENT_TYPES = ("$exception",)

# Numeric ids, or "@current" (the project the API key was made in), as PostHog's API accepts.
_PROJECT_ID = re.compile(r"^(?:\d{1,20}|@current)$")


class PostHogConfig(SourceConfig):
    #: Shared secret PostHog must send (``X-Soulcaster-Token`` header, bearer token or ``?token=``).
    webhook_secret: SecretStr | None = None
    #: Personal API key (``phx_…``) with the ``query:read`` scope; needed for sync only.
    api_key: SecretStr | None = None
    #: The PostHog project to pull from (the number in ``/project/12345/`` URLs).
    project_id: str | None = None
    #: The PostHog app host: US or EU cloud, or your self-hosted URL (https on a public address
    #: unless the server sets SOULCASTER_ALLOW_PRIVATE_HOSTS=true; checked by ``PUT /config``).
    host: OutboundURL = DEFAULT_HOST
    #: Event names to ingest, by webhook and by sync alike.
    event_types: list[str] = Field(default_factory=lambda: list(DEFAULT_EVENT_TYPES))
    #: Timestamp (ISO 8601, UTC) of the newest event sync has stored.
    last_synced: str | None = None
    #: uuid of that event: events sharing its timestamp resume exactly after it.
    last_synced_uuid: str | None = None

    @field_validator("project_id", mode="before")
    @classmethod
    def _project_id(cls, value: Any) -> Any:
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)  # PostHog shows it as a number; accept it as one
        if isinstance(value, str):
            value = value.strip() or None
            if value is not None and not _PROJECT_ID.match(value):
                raise ValueError("must be PostHog's numeric project id (or @current)")
        return value

    @field_validator("host")
    @classmethod
    def _host(cls, value: str) -> str:
        host = value.strip().rstrip("/")
        parts = urlsplit(host)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(
                "must be a URL such as https://us.posthog.com or https://eu.posthog.com"
            )
        if parts.netloc.endswith(".i.posthog.com"):
            # The SDKs' ingestion host takes events in but serves no API.
            app = parts.netloc.replace(".i.posthog.com", ".posthog.com")
            raise ValueError(f"{parts.netloc} only ingests events; the API is at https://{app}")
        return host

    @field_validator("event_types")
    @classmethod
    def _event_types(cls, value: list[str]) -> list[str]:
        names: list[str] = []
        for name in (v.strip() for v in value):
            if not name:
                raise ValueError("event names must not be blank")
            if name not in names:
                names.append(name)
        if not names:
            raise ValueError("list at least one event name, e.g. $exception")
        return names

    @field_validator("last_synced_uuid")
    @classmethod
    def _last_synced_uuid(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        try:
            return str(UUID(value.strip()))
        except ValueError:
            raise ValueError("must be a PostHog event uuid") from None

    @field_validator("last_synced")
    @classmethod
    def _last_synced(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        if parse_timestamp(value) is None:
            raise ValueError("must be an ISO 8601 timestamp such as 2024-05-01T00:00:00Z")
        return value.strip()
