"""The path of one delivery: authenticate → parse → accept → map → store, with the answers.

The route only reads the body; everything a source decides happens here, so webhooks,
dead-letter replays and API syncs all take exactly the same steps.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from itertools import islice
from typing import Any

from starlette.datastructures import Headers

from . import json_depth
from .errors import (
    BadPayload,
    BadRequest,
    HTTPError,
    NotFound,
    PayloadTooLarge,
    StoreUnavailable,
    Unauthorized,
    UnsupportedMediaType,
)
from .handler import SourceConfig, WebhookHandler, WebhookRequest, secrets_equal
from .models import DeadLetter, FeedbackItem, IngestResult, utcnow
from .rate_limit import RateLimited, check_rate, spend_spare
from .services import Services
from .store.batch import IngestEntry
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
    if not services.known_project(project_id) and not await services.project_exists(project_id):
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
        cached = services.configs.cached(project_id, handler)
        config, enabled = cached or await services.configs.read(project_id, handler)
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
    options = services.ingest
    # After authentication: a stranger cannot spend a project's deliveries.
    if not spend_spare(store, project_id, source):
        try:
            await check_rate(
                store, project_id, source, options.rate_limit_per_second, options.rate_limit_burst
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
    project = services.cached_project(project_id) or await services.project(project_id)
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
    depth = json_depth.max_depth.set(services.ingest.max_json_depth)
    try:
        event = handler.parse_request(request)
    except Exception as exc:
        raise await _dead_letter(
            services, handler.source, project_id, request, exc, replaying
        ) from None
    finally:
        json_depth.max_depth.reset(depth)
    try:
        stored = await _accept_map_store(services, handler, project_id, config, event, request, via)
    except _TooMany as exc:
        await services.store.record_event(
            project_id, handler.source, "bad_payload", utcnow(), exc.detail
        )
        raise
    except _PluginFailure as failure:
        raise await _dead_letter(
            services, handler.source, project_id, request, failure.cause, replaying
        ) from None
    if isinstance(stored, Filtered):
        return _ignored(stored.reason if show_filters else FILTERED)
    if isinstance(stored, str):
        return _ignored(stored)
    if isinstance(stored, Stored):
        return _batch_answer(stored)
    code = 201 if stored.status == "created" else 200
    return Answer(status_code=code, body={"status": stored.status, "id": stored.id})


def _batch_answer(stored: Stored) -> Answer:
    """A delivery of many items: one line per item, and the most telling outcome on top."""
    lines: list[dict[str, Any]] = []
    for item, outcome in stored.outcomes:
        if isinstance(outcome, IngestResult):
            lines.append(
                {"external_id": item.external_id, "status": outcome.status, "id": outcome.id}
            )
        else:
            lines.append({"external_id": item.external_id, "status": "ignored", "reason": outcome})
    results = stored.results
    if not results:
        reason = "the delivery holds no items" if not lines else "every item was ignored"
        return Answer(status_code=200, body={"status": "ignored", "reason": reason, "items": lines})
    statuses = {result.status for result in results}
    status = next(s for s in ("created", "updated", "duplicate") if s in statuses)
    body: dict[str, Any] = {"status": status, "items": lines}
    if len(results) == 1:
        body["id"] = results[0].id
    return Answer(status_code=201 if status == "created" else 200, body=body)


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
        stored = await _accept_map_store(services, handler, project_id, config, event, None, "sync")
    except _PluginFailure as failure:
        raise failure.cause from None
    if isinstance(stored, Stored):
        return stored.results[0] if stored.results else None
    return None if isinstance(stored, str | Filtered) else stored


@dataclass(slots=True)
class Stored:
    """What a delivery's many items became, in their order: a result, or why it was skipped."""

    outcomes: list[tuple[FeedbackItem, IngestResult | str]]

    @property
    def results(self) -> list[IngestResult]:
        return [outcome for _, outcome in self.outcomes if isinstance(outcome, IngestResult)]


async def _accept_map_store(
    services: Services,
    handler: WebhookHandler[Any, Any],
    project_id: str,
    config: SourceConfig,
    event: Any,
    request: WebhookRequest | None,
    via: Via,
) -> IngestResult | Stored | Filtered | str:
    """The shared tail of every path; ``Filtered`` or a string (stale) when it was ignored."""
    try:
        reason = handler.accept(event, config)
    except StoreUnavailable:
        raise
    except Exception as exc:
        raise _PluginFailure(exc) from exc
    if reason is not None:
        await services.store.record_event(project_id, handler.source, "ignored", utcnow(), reason)
        return Filtered(reason)
    if handler.maps_many():
        return await _map_store_many(services, handler, project_id, event, request, via)
    return await _map_store(services, handler, project_id, event, request, via)


async def _map_store(
    services: Services,
    handler: WebhookHandler[Any, Any],
    project_id: str,
    event: Any,
    request: WebhookRequest | None,
    via: Via,
) -> IngestResult | str:
    """One item (every webhook's hot path); a string when it is a stale status change."""
    store = services.store
    source = handler.source
    try:
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
    item = _delivered(item, project_id, source, request)
    options = services.ingest
    raw_ttl = options.raw_retention_days * 86400  # seconds, fractions kept (store port)
    raw = _raw_of(request, event, options.max_body_bytes) if raw_ttl > 0 else None
    result = await store.ingest(
        item,
        occurrence=occurrence,
        delivery_id=delivery_id,
        delivery_ttl=options.delivery_ttl_seconds,
        policy=handler.merge_policy,
        via=via,
        raw=raw,
        raw_ttl=raw_ttl,
    )
    services.plugins.notify_ingested(item, result)
    return result


async def _map_store_many(
    services: Services,
    handler: WebhookHandler[Any, Any],
    project_id: str,
    event: Any,
    request: WebhookRequest | None,
    via: Via,
) -> Stored:
    """A delivery of many items (``to_feedback_items``), stored in one atomic batch."""
    store = services.store
    source = handler.source
    options = services.ingest
    limit = options.max_items_per_delivery
    try:
        # One more than allowed is enough to know there are too many.
        items = list(islice(handler.to_feedback_items(event, project_id), limit + 1))
        if len(items) > limit:
            raise _TooMany(len(items))
        occurrences = [handler.item_counts_as_occurrence(event, item) for item in items]
        own_ids = [handler.item_delivery_id(event, item) for item in items]
        stale: list[str | None] = [None] * len(items)
        if type(handler).stale_reason is not WebhookHandler.stale_reason:
            for index, (item, occurrence) in enumerate(zip(items, occurrences, strict=True)):
                if not occurrence:
                    known = await store.find_item(project_id, source, item.external_id)
                    stale[index] = handler.stale_reason(event, known) if known else None
        delivery_id = handler.delivery_id(request) if request is not None else None
    except (StoreUnavailable, _TooMany):
        raise
    except Exception as exc:
        raise _PluginFailure(exc) from exc
    for why in filter(None, stale):
        await store.record_event(project_id, source, "ignored", utcnow(), why)
    raw_ttl = options.raw_retention_days * 86400  # seconds, fractions kept (store port)
    raw = _raw_of(request, event, options.max_body_bytes) if raw_ttl > 0 else None
    # Every item's history keeps the delivery's body, up to one body limit per delivery.
    raw_budget = options.max_body_bytes
    entries: list[IngestEntry] = []
    for item, occurrence, reason, own_id in zip(items, occurrences, stale, own_ids, strict=True):
        if reason is not None:
            continue
        item_delivery = own_id
        if item_delivery is None and delivery_id is not None:
            # A retry of the whole delivery is a retry of each of its items.
            item_delivery = f"{delivery_id}:{item.external_id}"
        elif item_delivery is None and handler.one_event_per_id:
            item_delivery = f"event:{item.external_id}"
        kept = None
        if raw is not None and len(raw.body) <= raw_budget:
            kept, raw_budget = raw, raw_budget - len(raw.body)
        delivered = _delivered(item, project_id, source, request)
        entries.append(IngestEntry(delivered, occurrence, item_delivery, kept))
    results: list[IngestResult] = []
    if entries:
        results = await store.ingest_batch(
            entries,
            delivery_ttl=options.delivery_ttl_seconds,
            policy=handler.merge_policy,
            via=via,
            raw_ttl=raw_ttl,
        )
    for entry, result in zip(entries, results, strict=True):
        services.plugins.notify_ingested(entry.item, result)
    stored = iter(results)
    return Stored(
        [
            (item, reason if reason is not None else next(stored))
            for item, reason in zip(items, stale, strict=True)
        ]
    )


def _delivered(
    item: FeedbackItem, project_id: str, source: str, request: WebhookRequest | None
) -> FeedbackItem:
    """Whatever the plugin wrote, the item belongs where it was delivered, when it was."""
    if (item.project_id, item.source) != (project_id, source):
        item = item.model_copy(update={"project_id": project_id, "source": source})
    if request is not None:
        item.received_at = request.received_at
    return item


class _TooMany(PayloadTooLarge):
    def __init__(self, count: int) -> None:
        super().__init__(
            f"the delivery holds more than {count - 1} items, the most one delivery may hold "
            "(SOULCASTER_MAX_ITEMS_PER_DELIVERY): send them in smaller groups"
        )


def _raw_of(request: WebhookRequest | None, event: Any, limit: int) -> RawBody | None:
    if request is None:
        return _event_body(event, limit)
    return RawBody.capped(request.headers.get("content-type", ""), request.body, limit)


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
