"""Soulcaster ingest: turn every alert, error and product event into one deduplicated feed.

What a plugin needs is exported here, and only this is the plugin SDK: a plugin that imports
from ``soulcaster_core`` alone keeps working when the modules behind it move.
(``soulcaster_core.testing`` is the test kit; ``soulcaster_core.payload`` and
``soulcaster_core.auth`` are also importable by name.)
"""

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
from .hookspecs import HOOKSPEC_VERSION, hookimpl
from .merge_policy import DEFAULT_MERGE_POLICY, MergePolicy
from .models import FeedbackItem, IngestResult
from .payload import Payload
from .stacktrace import ExceptionInfo, Frame, format_exceptions
from .timestamps import parse_timestamp

try:
    __version__ = version("soulcaster-core")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

__all__ = [
    "DEFAULT_MERGE_POLICY",
    "HOOKSPEC_VERSION",
    "BadPayload",
    "BadRequest",
    "ExceptionInfo",
    "FeedbackItem",
    "Frame",
    "HmacSha256",
    "IngestResult",
    "MergePolicy",
    "NotFound",
    "Payload",
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
    "format_exceptions",
    "hmac_sha256_hex",
    "hookimpl",
    "parse_json_object",
    "parse_timestamp",
    "require_shared_token",
    "secret_values",
    "secrets_equal",
]
