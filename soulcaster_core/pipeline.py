"""The path of one delivery: authenticate → parse → accept → map → store, with the answers.

The route only reads the body; everything a source decides happens here, so webhooks,
dead-letter replays and API syncs all take exactly the same steps.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from typing import Any

from starlette.datastructures import Headers

from . import json_depth
from .errors import (
    BadPayload,
    BadRequest,
    HTTPError,
    NotFound,
    StoreUnavailable,
    Unauthorized,
    UnsupportedMediaType,
)
from .handler import SourceConfig, WebhookHandler, WebhookRequest, secrets_equal
from .models import DeadLetter, IngestResult, utcnow
from .rate_limit import RateLimited, check_rate
from .services import Services
from .store.history import RawBody, Via

log = logging.getLogger(__name__)

#: Headers a dead letter does not keep: whatever may carry a credential.
_CREDENTIAL = re.compile(r"authorization|cookie|token|secret|key|signature", re.IGNORECASE)


@dataclass(slots=True)
class Answer:
    """A webhook answer: status code and JSON body."""

    status_code: int
    body: dict[str, Any]

    @classmethod
    def refusal(cls, exc: HTTPError | StoreUnavailable) -> Answer:
        """What a sender is answered when the pipeline raises ``exc`` (as the web layer does)."""
        if isinstance(exc, StoreUnavailable):
            return cls(status_code=503, body={"error": StoreUnavailable.public_message})
        return cls(status_code=exc.status_code, body=exc.body())


def handler_for(services: Services, source: str) -> WebhookHandler[Any, Any]:
    handler = services.plugins.handler(source)
    if handler is None:
        installed = ", ".join(sorted(services.plugins.handlers)) or "none"
        raise NotFound(f"unknown source {source!r}; installed sources: {installed}")
    return handler


async def require_project(services: Services, project_id: str | None) -> str:
    if not project_id:
        raise BadRequest("missing project_id query parameter")
    if not await services.project_exists(project_id):
        # Said to whoever posts, so it names no project that exists; it says how to make one.
        raise NotFound(
            f"unknown project {project_id!r}: create it with `soulcaster projects create "
            f"{project_id}` (or POST /api/projects), or use the project_id in the webhook URL "
            "the dashboard's Integrations page shows (`soulcaster serve` starts with 'default')"
        )
    return project_id


async def deliver(
    services: Services, source: str, project_id: str, request: WebhookRequest
) -> Answer:
    """Run one webhook delivery through the pipeline and say what happened."""
    handler = handler_for(services, source)
    store = services.store
    content_type = request.headers.get("content-type", "")
    if not handler.takes_content_type(content_type):
        # A page on another site can post text/plain or a form without a preflight: such a
        # post never reaches a source that does not read it.
        raise UnsupportedMediaType(
            f"{source} reads JSON (application/json"
            + "".join(f", {t}" for t in sorted(handler.extra_content_types))
            + f"); the request declared {content_type[:100] or 'no content type'!r}"
        )
    try:
        config, enabled = await services.configs.read(project_id, handler)
    except BadRequest as exc:
        # Its detail is for the owner (dashboard, GET /config), not for whoever posts here.
        await store.record_event(project_id, source, "unauthorized", utcnow(), exc.detail)
        raise Unauthorized(
            f"the {source} source of project {project_id} is not set up: its stored config is "
            "invalid (the dashboard's integrations page says why)"
        ) from None
    if not enabled:
        return _ignored(f"the {source} integration is disabled for project {project_id}")
    try:
        await _authenticate(services, handler, project_id, config, request)
    except Unauthorized as exc:
        await store.record_event(project_id, source, "unauthorized", utcnow(), exc.detail)
        raise
    settings = services.settings
    try:
        # After authentication: a stranger cannot spend a project's deliveries.
        await check_rate(
            store, project_id, source, settings.rate_limit_per_second, settings.rate_limit_burst
        )
    except RateLimited as exc:
        await store.record_event(project_id, source, "rate_limited", utcnow(), exc.detail)
        raise
    return await _parse_and_ingest(
        services,
        handler,
        project_id,
        config,
        request,
        "webhook",
        # A filter's reason tells how the project is set up: for the owner's eyes only.
        show_filters=_bears(request, services.api_token),
    )


async def _authenticate(
    services: Services,
    handler: WebhookHandler[Any, Any],
    project_id: str,
    config: SourceConfig,
    request: WebhookRequest,
) -> None:
    """Pass, or raise ``Unauthorized``: the handler checks what is set; nothing set is refused
    unless the project allows unauthenticated ingestion."""
    if handler.accepts_api_token and _bears(request, services.api_token):
        return
    if handler.has_credentials(config):
        try:
            handler.authenticate(request, config)
        except Unauthorized:
            raise
        except Exception as exc:  # a plugin tripping over odd headers must deny, not crash
            log.warning("%s could not check credentials", handler.source, exc_info=exc)
            raise Unauthorized(f"credentials could not be checked: {type(exc).__name__}") from exc
        return
    project = await services.project(project_id)
    if project is not None and project.allow_unauthenticated:
        return
    raise Unauthorized(not_set_up(handler, project_id))


def not_set_up(handler: WebhookHandler[Any, Any], project_id: str) -> str:
    """What a delivery to a source without credentials is answered: how to set one."""
    source = handler.source
    fields = handler.credentials()
    if not fields:
        how = (
            f"it cannot check credentials, so it takes deliveries only in a project that allows "
            f'unauthenticated ingestion (PUT /api/projects/{project_id} {{"allow_unauthenticated": '
            "true}, with the API token)"
        )
    else:
        how = (
            f"set {' or '.join(fields)} with PUT /config/{source}?project_id={project_id} "
            f'and the API token, e.g. {{"{fields[0]}": "<a long random secret>"}}, '
            "or on the dashboard's integrations page"
        )
    api = ", or send the API token as Authorization: Bearer" if handler.accepts_api_token else ""
    return f"the {source} source of project {project_id} has no secret set: {how}{api}"


def _bears(request: WebhookRequest, token: str) -> bool:
    auth = request.headers.get("authorization", "")
    return auth[:7].lower() == "bearer " and secrets_equal(auth[7:].strip(), token)


async def replay(services: Services, letter: DeadLetter) -> Answer:
    """Send a dead letter through the pipeline again (it was authenticated when it arrived).

    It is removed once it is read. A replay that fails again updates the letter with the new
    error, keeping its id and place, and is not counted as another unreadable delivery: it is
    the same delivery, and the source's health is about what senders send.
    """
    handler = handler_for(services, letter.source)
    config, _ = await services.configs.read(letter.project_id, handler)
    request = WebhookRequest(
        body=letter.body,
        headers=Headers(letter.headers),
        query=letter.query,
        received_at=letter.received_at,
    )
    answer = await _parse_and_ingest(
        services,
        handler,
        letter.project_id,
        config,
        request,
        "replay",
        show_filters=True,
        replaying=letter,
    )
    await services.store.delete_dead_letter(letter.project_id, letter.id)
    return answer


async def _parse_and_ingest(
    services: Services,
    handler: WebhookHandler[Any, Any],
    project_id: str,
    config: SourceConfig,
    request: WebhookRequest,
    via: Via,
    *,
    show_filters: bool,
    replaying: DeadLetter | None = None,
) -> Answer:
    # parse_json_object, wherever a handler calls it, checks this server's depth limit.
    depth = json_depth.max_depth.set(services.settings.max_json_depth)
    try:
        event = handler.parse_request(request)
    except Exception as exc:
        raise await _dead_letter(
            services, handler.source, project_id, request, exc, replaying
        ) from None
    finally:
        json_depth.max_depth.reset(depth)
    try:
        result = await _accept_map_store(services, handler, project_id, config, event, request, via)
    except _PluginFailure as failure:
        raise await _dead_letter(
            services, handler.source, project_id, request, failure.cause, replaying
        ) from None
    if isinstance(result, Filtered):
        return _ignored(result.reason if show_filters else FILTERED)
    if isinstance(result, str):
        return _ignored(result)
    code = 201 if result.status == "created" else 200
    return Answer(status_code=code, body={"status": result.status, "id": result.id})


class _PluginFailure(Exception):
    def __init__(self, cause: BaseException) -> None:
        super().__init__(str(cause))
        self.cause = cause


async def ingest_event(
    services: Services,
    handler: WebhookHandler[Any, Any],
    project_id: str,
    config: SourceConfig,
    event: Any,
) -> IngestResult | None:
    """accept → to_feedback_item → store for an event a sync fetched; ``None`` if filtered out.

    A plugin error here propagates: the sync that called it reports it.
    """
    try:
        result = await _accept_map_store(services, handler, project_id, config, event, None, "sync")
    except _PluginFailure as failure:
        raise failure.cause from None
    return None if isinstance(result, str | Filtered) else result


async def _accept_map_store(
    services: Services,
    handler: WebhookHandler[Any, Any],
    project_id: str,
    config: SourceConfig,
    event: Any,
    request: WebhookRequest | None,
    via: Via,
) -> IngestResult | Filtered | str:
    """The shared tail of every path; ``Filtered`` or a string (stale) when it was ignored."""
    store = services.store
    source = handler.source
    try:
        reason = handler.accept(event, config)
        if reason is not None:
            await store.record_event(project_id, source, "ignored", utcnow(), reason)
            return Filtered(reason)
        item = handler.to_feedback_item(event, project_id)
        occurrence = handler.counts_as_occurrence(event)
        stale = None
        if not occurrence and type(handler).stale_reason is not WebhookHandler.stale_reason:
            stored = await store.find_item(project_id, source, item.external_id)
            stale = handler.stale_reason(event, stored) if stored is not None else None
        delivery_id = handler.delivery_id(request) if request is not None else None
        if delivery_id is None and handler.one_event_per_id:
            delivery_id = f"event:{item.external_id}"
    except StoreUnavailable:
        raise
    except Exception as exc:
        raise _PluginFailure(exc) from exc
    if stale is not None:
        await store.record_event(project_id, source, "ignored", utcnow(), stale)
        return stale
    # Whatever the plugin wrote, the item belongs where it was delivered.
    if (item.project_id, item.source) != (project_id, source):
        item = item.model_copy(update={"project_id": project_id, "source": source})
    settings = services.settings
    raw_ttl = int(settings.raw_retention_days * 86400)
    raw: RawBody | None = None
    if request is not None:
        item.received_at = request.received_at
        if raw_ttl > 0:
            raw = RawBody.capped(
                request.headers.get("content-type", ""), request.body, settings.max_body_bytes
            )
    elif raw_ttl > 0:
        raw = _event_body(event, settings.max_body_bytes)
    result = await store.ingest(
        item,
        occurrence=occurrence,
        delivery_id=delivery_id,
        delivery_ttl=settings.delivery_ttl_seconds,
        policy=handler.merge_policy,
        via=via,
        raw=raw,
        raw_ttl=raw_ttl,
    )
    services.plugins.notify_ingested(item, result)
    return result


def _event_body(event: Any, limit: int) -> RawBody | None:
    """What a sync fetched, as JSON, for the item's history; ``None`` if it is not JSON."""
    try:
        body = json.dumps(event, ensure_ascii=False).encode()
    except (TypeError, ValueError):  # an event object of the plugin's own
        return None
    return RawBody.capped("application/json", body, limit)


#: What a sender without the API token is told of a delivery a filter turned away.
FILTERED = "ignored by this project's filters"


@dataclass(slots=True)
class Filtered:
    """A delivery a source's filters turned away (``accept``), and why."""

    reason: str


def _ignored(reason: str) -> Answer:
    return Answer(status_code=200, body={"status": "ignored", "reason": reason})


async def _dead_letter(
    services: Services,
    source: str,
    project_id: str,
    request: WebhookRequest,
    exc: BaseException,
    replaying: DeadLetter | None = None,
) -> BadPayload:
    if isinstance(exc, BadPayload):
        message = exc.detail
    else:
        # A plugin that trips over a payload is still a payload it cannot read: 400, not 500.
        log.warning("%s could not map a payload", source, exc_info=exc)
        message = f"{source} payload could not be read: {type(exc).__name__}: {exc}"
    if replaying is not None:
        # The same delivery failing again: its letter says the new error, nothing is added.
        letter = replaying.model_copy(update={"error": message})
        await services.store.delete_dead_letter(project_id, letter.id)
        await services.store.add_dead_letter(letter)
        return BadPayload(message, dead_letter_id=letter.id)
    letter = DeadLetter(
        project_id=project_id,
        source=source,
        error=message,
        body=request.body,
        content_type=request.headers.get("content-type", ""),
        query={
            k: v
            for k, v in request.query.items()
            if k != "project_id" and not _CREDENTIAL.search(k)
        },
        headers={k: v for k, v in request.headers.items() if not _CREDENTIAL.search(k)},
    )
    await services.store.add_dead_letter(letter)
    await services.store.record_event(project_id, source, "bad_payload", utcnow(), message)
    return BadPayload(message, dead_letter_id=letter.id)
