"""The ``posthog`` source: webhooks from PostHog, and sync from its query API."""

from __future__ import annotations

from soulcaster_core import FeedbackItem, SharedToken, SyncContext, SyncReport, WebhookHandler

from .config import PostHogConfig
from .mapping import SOURCE, posthog_event_to_feedback_item
from .payload import PostHogEvent, parse_webhook
from .sample import SAMPLE_EVENT
from .sync import sync_events


class PostHogHandler(WebhookHandler[PostHogEvent, PostHogConfig]):
    source = SOURCE
    Config = PostHogConfig
    config_aliases = {"events": "event_types"}
    # An event's uuid is the dedup key: webhook and sync may both bring it, once.
    one_event_per_id = True
    sample = SAMPLE_EVENT
    description = "PostHog exceptions and product events, by webhook destination or API sync."
    # Only webhook_secret: api_key is what a sync sends to PostHog, not what a webhook carries.
    auth = SharedToken(
        sample_in="query",
        setup="PostHog signs nothing: add the header X-Soulcaster-Token: {token} to the HTTP "
        "Webhook destination, or append ?token={token} to the URL of an action webhook.",
    )

    def parse(self, body: bytes) -> PostHogEvent:
        return parse_webhook(body)

    def accept(self, event: PostHogEvent, config: PostHogConfig) -> str | None:
        if event["event"] in config.event_types:
            return None
        return f"event {event['event']!r} is not in event_types ({', '.join(config.event_types)})"

    def to_feedback_item(self, event: PostHogEvent, project_id: str) -> FeedbackItem:
        return posthog_event_to_feedback_item(event, project_id)

    async def sync(self, context: SyncContext[PostHogConfig]) -> SyncReport:
        return await sync_events(context)

    @classmethod
    def sync_configured(cls, config: PostHogConfig) -> bool:
        has_key = config.api_key is not None and bool(config.api_key.get_secret_value())
        return has_key and bool(config.project_id)
