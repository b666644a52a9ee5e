"""The ``manual`` source: post a title and a body yourself (scripts, forms, curl)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError

from ..auth import SharedToken
from ..errors import BadPayload
from ..handler import SourceConfig, WebhookHandler, parse_json_object
from ..hookspecs import hookimpl
from ..models import FeedbackItem

#: Written for the current hook spec (soulcaster_core/hookspecs.py).
HOOKSPEC_VERSION = 2


class ManualConfig(SourceConfig):
    #: The project's ingest key, sent as ``X-Soulcaster-Token``, a bearer token or ``?token=``
    #: (the API token as a bearer token works too).
    webhook_secret: SecretStr | None = None


class ManualFeedback(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str = Field(min_length=1, max_length=10_000)
    body: str = Field(default="", max_length=1_000_000)
    external_id: str | None = Field(default=None, min_length=1, max_length=512)
    metadata: dict[str, Any] = Field(default_factory=dict)


class ManualHandler(WebhookHandler[ManualFeedback, ManualConfig]):
    source = "manual"
    Config = ManualConfig
    description = "Feedback posted by hand or by your own scripts."
    auth = SharedToken(
        sample_in="query",
        setup="Send the secret (the project's ingest key) as the X-Soulcaster-Token header or "
        "?token=, or the API token as Authorization: Bearer.",
    )
    # Your own scripts already hold the API token; a per-project key is for those that should
    # not (a form, a partner).
    accepts_api_token = True
    sample = {
        "title": "Checkout button does nothing on Safari 17",
        "body": "Customer reports clicking 'Pay now' has no effect; console shows TypeError: "
        "undefined is not an object (evaluating 'window.ApplePaySession.canMakePayments')",
        "external_id": "support-ticket-48213",
        "metadata": {"reporter": "support", "plan": "pro"},
    }

    def parse(self, body: bytes) -> ManualFeedback:
        try:
            return ManualFeedback.model_validate(parse_json_object(body))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(part) for part in first["loc"]) or "body"
            raise BadPayload(f"{where}: {first['msg']}") from None

    def to_feedback_item(self, event: ManualFeedback, project_id: str) -> FeedbackItem:
        # Without an id of the sender's, the same title and body is the same report.
        external_id = (
            event.external_id
            or hashlib.sha256(f"{event.title}\0{event.body}".encode()).hexdigest()[:32]
        )
        return FeedbackItem(
            project_id=project_id,
            source=self.source,
            external_id=external_id,
            title=event.title,
            body=event.body,
            raw_text=f"{event.title}\n{event.body}",
            metadata=event.metadata,
        )


@hookimpl
def register_sources(register: Callable[[type[Any]], None]) -> None:
    register(ManualHandler)
