"""Soulcaster ingest: turn every alert, error and product event into one deduplicated feed.

What a plugin needs is exported here, and only this is the plugin SDK: a plugin that imports
from ``soulcaster_core`` alone keeps working when the modules behind it move.
(``soulcaster_core.testing`` is the test kit; ``soulcaster_core.payload`` and
``soulcaster_core.auth`` are also importable by name.)
"""

import importlib
from typing import TYPE_CHECKING, Any

# The names are imported when first asked for (PEP 562): a command that only reads the
# settings (`soulcaster token`, which the guides' curls run once a request) imports this package
# too, and would otherwise load the whole plugin SDK (httpx, starlette, the payload models) to
# print a line. ``from soulcaster_core import X`` and ``soulcaster_core.X`` work as before.
if TYPE_CHECKING:
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

#: Each exported name, by the module it comes from.
_EXPORTS: dict[str, tuple[str, ...]] = {
    ".auth": ("HmacSha256", "SharedToken", "SourceAuth", "secret_values"),
    ".errors": ("BadPayload", "BadRequest", "NotFound", "PluginError", "Unauthorized"),
    ".handler": (
        "SourceConfig",
        "SyncContext",
        "SyncReport",
        "WebhookHandler",
        "WebhookRequest",
        "hmac_sha256_hex",
        "parse_json_object",
        "require_shared_token",
        "secrets_equal",
    ),
    ".hookspecs": ("HOOKSPEC_VERSION", "hookimpl"),
    ".merge_policy": ("DEFAULT_MERGE_POLICY", "MergePolicy"),
    ".models": ("FeedbackItem", "IngestResult"),
    ".payload": ("Payload",),
    ".stacktrace": ("ExceptionInfo", "Frame", "format_exceptions"),
    ".timestamps": ("parse_timestamp",),
}
_MODULE_OF = {name: module for module, names in _EXPORTS.items() for name in names}


def __getattr__(name: str) -> Any:
    if name == "__version__":
        value: Any = _version()
    elif name in _MODULE_OF:
        value = getattr(importlib.import_module(_MODULE_OF[name], __name__), name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value  # asked once
    return value


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("soulcaster-core")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0.0.0"


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
