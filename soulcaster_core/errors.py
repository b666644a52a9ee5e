"""Every error Soulcaster raises on purpose, and the HTTP answer each one becomes.

SoulcasterError
├── PluginError             a plugin is broken or gave the core something invalid
├── SettingsError           the settings cannot run: an adapter misses its URL, key or extra
├── StoreUnavailable        the store cannot be reached (503 + Retry-After)
├── ClusteringUnavailable   the embedder or the vector index did not answer (the items wait)
└── HTTPError               an answer to a request, with a status and a JSON detail
    ├── BadPayload          400: the body cannot be read as this source's payload
    ├── BadRequest          400: a parameter is missing or wrong
    ├── Unauthorized        401: missing or wrong credentials
    ├── Forbidden           403: a dashboard form without a valid CSRF token
    ├── NotFound            404
    ├── Conflict            409: the same work is already under way
    ├── PayloadTooLarge     413
    └── UnsupportedMediaType 415: a webhook declaring a content type its source does not read
"""

from __future__ import annotations

from typing import Any


class SoulcasterError(Exception):
    """Base of every error raised on purpose by the core or a plugin."""


class PluginError(SoulcasterError):
    """A plugin failed to load, or registered something the core cannot use."""


class SettingsError(SoulcasterError, ValueError):
    """An adapter the settings chose cannot be built as they say (no URL, no key, its SDK not
    installed): raised at start-up, naming the setting to fix."""


class StoreUnavailable(SoulcasterError):
    """The store did not answer; the sender should retry later."""

    retry_after = 5
    #: What the sender is told; the cause goes to the log only.
    public_message = "storage is unavailable, retry later"


class ClusteringUnavailable(SoulcasterError):
    """The embedder or the vector index did not answer; the items wait in the queue."""


class HTTPError(SoulcasterError):
    status_code = 400

    def __init__(self, detail: str, **extra: Any) -> None:
        super().__init__(detail)
        self.detail = detail
        self.extra = extra

    def body(self) -> dict[str, Any]:
        """The JSON a client is answered with: ``{"error": detail, **extra}``."""
        return {"error": self.detail, **self.extra}


class BadPayload(HTTPError):
    """The body is not a payload this source can read; the raw bytes go to the dead letters."""

    status_code = 400


class BadRequest(HTTPError):
    status_code = 400


class Unauthorized(HTTPError):
    status_code = 401


class Forbidden(HTTPError):
    status_code = 403


class NotFound(HTTPError):
    status_code = 404


class Conflict(HTTPError):
    status_code = 409


class PayloadTooLarge(HTTPError):
    status_code = 413


class UnsupportedMediaType(HTTPError):
    status_code = 415
