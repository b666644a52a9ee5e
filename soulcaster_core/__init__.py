"""Soulcaster ingest: turn every alert, error and product event into one deduplicated feed."""

from importlib.metadata import PackageNotFoundError, version

from .auth import HmacSha256, SharedToken, SourceAuth, secret_values
from .errors import BadPayload, BadRequest, NotFound, PluginError, Unauthorized
from .handler import (
    SourceConfig,
    SyncContext,
    SyncReport,
    WebhookHandler,
    WebhookRequest,
    hmac_sha256_hex,
    parse_json_object,
    require_shared_token,
    secrets_equal,
)
from .hookspecs import hookimpl
from .models import FeedbackItem

try:
    __version__ = version("soulcaster-core")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

__all__ = [
    "BadPayload",
    "BadRequest",
    "FeedbackItem",
    "HmacSha256",
    "NotFound",
    "PluginError",
    "SharedToken",
    "SourceAuth",
    "SourceConfig",
    "SyncContext",
    "SyncReport",
    "Unauthorized",
    "WebhookHandler",
    "WebhookRequest",
    "__version__",
    "hmac_sha256_hex",
    "hookimpl",
    "parse_json_object",
    "require_shared_token",
    "secret_values",
    "secrets_equal",
]
