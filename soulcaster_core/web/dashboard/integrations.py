"""``/settings/integrations``: a card per installed plugin, built from the plugin host alone.

Nothing here names a vendor: the card of a third-party plugin is made the same way as ours,
from its handler's ``Config``, ``description``, ``auth_instructions`` and ``sample``.
"""

from __future__ import annotations

import ipaddress
import logging
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from starlette.datastructures import FormData
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from ...errors import BadRequest, HTTPError, StoreUnavailable
from ...handler import WebhookHandler, secret_field_names
from ...pipeline import Answer, deliver, handler_for
from ...plugins import PluginInfo
from ..api_routes import project_stats
from .config_form import FormField, changes_from, form_fields
from .integration_state import IntegrationState, integration_state
from .page import Page, dashboard_page

log = logging.getLogger(__name__)

#: What a redirect after a post says on the card (``?done=``): fixed texts, never echoed input.
NOTICES = {
    "enabled": "Enabled: deliveries are accepted.",
    "disabled": "Disabled: deliveries are answered 'ignored' and not stored.",
    "saved": "Saved.",
    "unchanged": "Nothing changed.",
}


@dataclass
class SourceCard:
    state: IntegrationState
    handler: WebhookHandler[Any, Any]
    webhook_url: str
    instructions: str
    secret_names: list[str]
    fields: list[FormField]
    notice: str | None = None
    error: str | None = None
    outcome: Answer | None = None
    #: Unfold the config form: the user just worked in it.
    open_config: bool = False

    @property
    def source(self) -> str:
        return self.handler.source

    @property
    def has_sample(self) -> bool:
        return self.handler.sample is not None


@dataclass
class PluginCard:
    info: PluginInfo
    sources: list[SourceCard] = field(default_factory=list)


@dataclass
class Focus:
    """What the last action did to one card, shown on that card."""

    source: str
    notice: str | None = None
    error: str | None = None
    outcome: Answer | None = None
    submitted: FormData | None = None
    open_config: bool = False


def public_base(page: Page) -> str:
    return (page.services.public_url or str(page.request.base_url)).rstrip("/")


def webhook_url(page: Page, source: str) -> str:
    return f"{public_base(page)}/ingest/{source}/webhook?project_id={page.project_id}"


def loopback_host(url: str) -> str | None:
    """The host of ``url`` when it is this machine only (no sender elsewhere can reach it)."""
    host = (urlsplit(url).hostname or "").strip("[]")
    if host == "localhost" or host.endswith(".localhost"):
        return host
    try:
        return host if ipaddress.ip_address(host).is_loopback else None
    except ValueError:
        return None


def sender_instructions(handler: WebhookHandler[Any, Any]) -> str:
    """The handler's own words; ``{token}`` names the secret field instead of showing it."""
    names = secret_field_names(handler.Config)
    return handler.auth_instructions.replace("{token}", f"<{names[0] if names else 'secret'}>")


async def _cards(page: Page, focus: Focus | None = None) -> list[PluginCard]:
    services = page.services
    stats = (await project_stats(services, page.project_id))["sources"]
    cards = []
    for info in services.plugins.plugins.values():
        card = PluginCard(info)
        for source in info.sources:
            handler = handler_for(services, source)
            state = await integration_state(services, page.project_id, source, stats.get(source))
            mine = focus if focus is not None and focus.source == source else Focus(source)
            card.sources.append(
                SourceCard(
                    state=state,
                    handler=handler,
                    webhook_url=webhook_url(page, source),
                    instructions=sender_instructions(handler),
                    secret_names=list(handler.credentials()),
                    fields=form_fields(handler.Config, state.shown, mine.submitted),
                    notice=mine.notice,
                    error=mine.error or state.config_error,
                    outcome=mine.outcome,
                    open_config=mine.open_config or bool(mine.error or state.config_error),
                )
            )
        cards.append(card)
    return cards


async def _render(page: Page, focus: Focus | None = None, status_code: int = 200) -> Response:
    cards = await _cards(page, focus)
    focused = focus.source if focus else page.request.query_params.get("source")
    return page.render(
        "integrations.html",
        "integrations",
        status_code,
        cards=cards,
        focused=focused,
        loopback=loopback_host(public_base(page)),
    )


@dashboard_page
async def settings_page(page: Page) -> Response:
    done = page.request.query_params.get("done", "")
    source = page.request.query_params.get("source", "")
    if done in NOTICES and source:
        focus = Focus(source, notice=NOTICES[done], open_config=done in ("saved", "unchanged"))
        return await _render(page, focus)
    return await _render(page)


def _back(page: Page, source: str, done: str) -> Response:
    url = page.href("/settings/integrations", source=source, done=done) + f"#source-{source}"
    return RedirectResponse(url, status_code=303)


@dashboard_page
async def set_enabled(page: Page) -> Response:
    handler = handler_for(page.services, page.request.path_params["source"])
    enabled = page.form_text("enabled") == "true"
    await page.services.configs.update(page.project_id, handler, {"enabled": enabled})
    return _back(page, handler.source, "enabled" if enabled else "disabled")


@dashboard_page
async def save_config(page: Page) -> Response:
    handler = handler_for(page.services, page.request.path_params["source"])
    state = await integration_state(page.services, page.project_id, handler.source, None)
    assert page.form is not None
    try:
        changes = changes_from(handler.Config, state.shown, page.form)
        if not changes:
            return _back(page, handler.source, "unchanged")
        await page.services.configs.update(page.project_id, handler, changes)
    except BadRequest as exc:
        focus = Focus(handler.source, error=exc.detail, submitted=page.form)
        return await _render(page, focus, status_code=400)
    return _back(page, handler.source, "saved")


@dashboard_page
async def send_test_webhook(page: Page) -> Response:
    """Post the plugin's sample through the real pipeline, signed as the source would sign it."""
    services = page.services
    handler = handler_for(services, page.request.path_params["source"])
    if handler.sample is None:
        raise BadRequest(f"the {handler.source} plugin ships no sample event to send")
    config, _ = await services.configs.read(page.project_id, handler)
    try:
        request = handler.sample_request(config)
    except Exception as exc:
        log.warning("%s could not build its sample request", handler.source, exc_info=exc)
        error = f"the plugin could not build its sample: {type(exc).__name__}: {exc}"
        return await _render(page, Focus(handler.source, error=error), status_code=500)
    try:
        outcome = await deliver(services, handler.source, page.project_id, request)
    except (HTTPError, StoreUnavailable) as exc:
        # A refusal is an outcome to show (the 401 or 400 a real sender would get), not a failure.
        outcome = Answer.refusal(exc)
    return await _render(page, Focus(handler.source, outcome=outcome))


routes = [
    Route("/settings/integrations", settings_page, methods=["GET"], include_in_schema=False),
    Route(
        "/settings/integrations/{source}/enabled",
        set_enabled,
        methods=["POST"],
        include_in_schema=False,
    ),
    Route(
        "/settings/integrations/{source}/config",
        save_config,
        methods=["POST"],
        include_in_schema=False,
    ),
    Route(
        "/settings/integrations/{source}/test",
        send_test_webhook,
        methods=["POST"],
        include_in_schema=False,
    ),
]
