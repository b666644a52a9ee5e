"""The ``splunk`` source: ``POST /ingest/splunk/webhook?project_id=P&token=T``."""

from __future__ import annotations

from soulcaster_core import BadPayload, FeedbackItem, SharedToken, WebhookHandler, WebhookRequest

from .alert import SplunkAlert, parse_alert_body
from .config import SplunkConfig
from .mapping import external_id_for, splunk_alert_to_feedback_item
from .sample import SAMPLE_ALERT


class SplunkHandler(WebhookHandler[SplunkAlert, SplunkConfig]):
    source = "splunk"
    Config = SplunkConfig
    description = "Splunk saved-search alerts, from Splunk's built-in webhook alert action."
    # Splunk's webhook action posts to a URL and can set no header, so the token rides along
    # in the query string of the pasted URL.
    auth = SharedToken(
        secret_field="webhook_token",
        sample_in="query",
        setup="Append &token={token} to the webhook URL you paste into Splunk "
        "(or send Authorization: Bearer {token} from an alert-action app that sets headers).",
    )
    sample = SAMPLE_ALERT
    # The last delivery read and mapped: ``delivery_id`` is asked of the same delivery right
    # after, and re-reading the body and hashing the row again was a fifth of its cost
    # (bench/mapping.py). Only the very same body (or alert) object is taken from here.
    _read: tuple[bytes, SplunkAlert] | None = None
    _mapped: tuple[SplunkAlert, str] | None = None

    def parse(self, body: bytes) -> SplunkAlert:
        alert = parse_alert_body(body)
        self._read = (body, alert)
        return alert

    def accept(self, event: SplunkAlert, config: SplunkConfig) -> str | None:
        if config.searches and event.search_name not in config.searches:
            name = f'"{event.search_name}"' if event.search_name else "(unnamed)"
            return f"search {name} is not one of the configured searches"
        if config.sourcetypes:
            value = event.field("sourcetype")
            sent = [value] if isinstance(value, str) else (value or [])
            if not sent:
                # Stats rows carry no sourcetype. Letting them through would make the filter
                # leak; whoever wants them keeps them with the search-name filter instead.
                return "the result has no sourcetype, and only configured sourcetypes are kept"
            if not any(name in config.sourcetypes for name in sent):
                shown = ", ".join(f'"{name}"' for name in sent)
                return f"sourcetype {shown} is not one of the configured sourcetypes"
        return None

    def delivery_id(self, request: WebhookRequest) -> str | None:
        """``{sid}:{row hash}``, the item's own id: Splunk posts each row of a search's run
        once, under the run's sid, so that row under that sid again is a retry (after a 503),
        not another occurrence. Without a sid (a custom sender), rows of separate runs that
        read alike (stats rows) would look like retries: none then."""
        if b'"sid"' not in request.body:
            return None  # no sid at all: skip reading the body a second time
        read = self._read
        if read is not None and read[0] is request.body:
            alert = read[1]
        else:
            try:
                alert = parse_alert_body(request.body)
            except BadPayload:
                return None
        if not alert.sid:
            return None
        mapped = self._mapped
        return mapped[1] if mapped is not None and mapped[0] is alert else external_id_for(alert)

    def to_feedback_item(self, event: SplunkAlert, project_id: str) -> FeedbackItem:
        item = splunk_alert_to_feedback_item(event, project_id)
        self._mapped = (event, item.external_id)
        return item
