"""The envelope every Sentry integration webhook shares, and which resource it carries.

``{"action", "installation": {"uuid"}, "data", "actor"}``: what ``data`` holds depends on the
resource, which Sentry names in the ``Sentry-Hook-Resource`` header. The body's shape names it
too, which is what a delivery replayed from the dead letters (no headers) relies on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from soulcaster_core import BadPayload, parse_json_object

from . import fields

#: The resources that become feedback items, and the key of their object under ``data``.
DATA_KEYS = {
    "issue": "issue",
    "error": "error",
    "event_alert": "event",
    "metric_alert": "metric_alert",
}

#: The actions of each ingested resource that are kept; any other is answered "ignored".
INGESTED_ACTIONS = {
    "issue": ("created", "resolved", "assigned", "ignored", "archived", "unresolved"),
    "error": ("created",),
    "event_alert": ("triggered",),
    "metric_alert": ("critical", "warning", "resolved"),
}


@dataclass(frozen=True)
class SentryEvent:
    """One parsed delivery: its resource, its action and the whole body."""

    resource: str
    action: str
    body: dict[str, Any]
    #: When Sentry says it sent the delivery (``Sentry-Hook-Timestamp``), if it says.
    sent_at: datetime | None = None

    @property
    def data(self) -> dict[str, Any]:
        data: dict[str, Any] = self.body["data"]
        return data

    @property
    def subject(self) -> dict[str, Any]:
        """The resource's own object (``data.issue``, ``data.error``, ...), else ``{}``."""
        key = DATA_KEYS.get(self.resource)
        found: dict[str, Any] = self.body["data"].get(key, {}) if key else {}
        return found

    @property
    def subject_path(self) -> str:
        return f"data.{DATA_KEYS.get(self.resource, self.resource)}"

    @property
    def is_ingested(self) -> bool:
        return self.action in INGESTED_ACTIONS.get(self.resource, ())

    @classmethod
    def from_body(cls, body: dict[str, Any], resource: str | None = None) -> SentryEvent:
        """Check the envelope; ``resource`` is the ``Sentry-Hook-Resource`` header, if known."""
        if not isinstance(body, dict):
            raise BadPayload(f"body must be a JSON object, got {type(body).__name__}")
        action = fields.text(body, "action", "")
        data = fields.obj(body, "data", "")
        if data is None:
            raise BadPayload(
                "data: missing; this is not a Sentry integration webhook "
                "(the legacy WebHooks plugin is not supported: use an internal integration)"
            )
        if action is None:
            raise BadPayload("action: missing; every Sentry integration webhook names its action")
        named = (resource or "").strip().lower() or resource_from_shape(data)
        key = DATA_KEYS.get(named)
        if key is not None and fields.obj(data, key, "data") is None:
            how = "says the Sentry-Hook-Resource header" if resource else "by its shape"
            raise BadPayload(f"data.{key}: missing, but this is a {named} webhook ({how})")
        return cls(resource=named, action=action.strip().lower(), body=body)


def resource_from_shape(data: dict[str, Any]) -> str:
    """The resource a ``data`` object belongs to, for deliveries without the header."""
    for resource, key in DATA_KEYS.items():
        if isinstance(data.get(key), dict):
            # An issue alert also sends data.issue_alert, never data.issue: no ambiguity.
            return resource
    if isinstance(data.get("installation"), dict):
        return "installation"
    if "comment_id" in data:
        return "comment"
    return "unknown"


def parse_sentry_body(body: bytes, resource: str | None = None) -> SentryEvent:
    """Raw bytes to a ``SentryEvent``; every problem is a ``BadPayload`` naming the field."""
    return SentryEvent.from_body(parse_json_object(body), resource)
