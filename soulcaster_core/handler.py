"""The contract a source plugin implements: one ``WebhookHandler`` subclass per source.

A delivery goes through the steps in order::

    authenticate(request, config)   raise Unauthorized            -> 401
    parse(body)                     raise BadPayload              -> 400, body kept as dead letter
    accept(event, config)           a reason string               -> 200 ignored
    to_feedback_item(event, project_id) -> FeedbackItem           -> stored, deduplicated, queued
      (or to_feedback_items(event, project_id) -> many, stored in one atomic batch)
"""

from __future__ import annotations

import base64
import binascii
import functools
import hashlib
import hmac
import json
import re
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

import httpx
import msgspec
from pydantic import BaseModel, ConfigDict, SecretStr
from starlette.datastructures import Headers

from . import json_depth
from .errors import BadPayload, Unauthorized
from .merge_policy import DEFAULT_MERGE_POLICY, MergePolicy, check_policy
from .models import FeedbackItem, IngestResult, utcnow

if TYPE_CHECKING:
    from .auth import SourceAuth

EventT = TypeVar("EventT")
ConfigT = TypeVar("ConfigT", bound="SourceConfig")


class SourceConfig(BaseModel):
    """Per-project settings of one source. Subclass it; declare secrets as ``SecretStr``.

    Field names are the config keys (``config:{source}:{project_id}:{field}`` in Redis).
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)


@dataclass(frozen=True)
class WebhookRequest:
    """What a handler may see of one delivery: the raw body bytes, headers, query string.

    ``headers`` may be any mapping (a dict will do); it is kept as a case-insensitive one, so
    ``request.headers.get("X-Token")`` finds ``x-token``.
    """

    body: bytes
    headers: Mapping[str, str] = field(default_factory=Headers)
    query: Mapping[str, str] = field(default_factory=dict)
    received_at: datetime = field(default_factory=utcnow)

    def __post_init__(self) -> None:
        if not isinstance(self.headers, Headers):
            object.__setattr__(self, "headers", Headers(headers=dict(self.headers)))


@functools.cache
def secret_field_names(config_cls: type[SourceConfig]) -> tuple[str, ...]:
    """The fields of ``config_cls`` declared ``SecretStr`` (optional or not)."""
    return tuple(
        name for name, info in config_cls.model_fields.items() if _is_secret(info.annotation)
    )


def _is_secret(annotation: Any) -> bool:
    if annotation is SecretStr:
        return True
    return any(_is_secret(arg) for arg in getattr(annotation, "__args__", ()))


def hmac_sha256_hex(secret: str, body: bytes) -> str:
    """Lowercase hex HMAC-SHA256 of ``body``: the signature Sentry (and many others) send."""
    return hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def secrets_equal(given: str | bytes | None, expected: str | bytes) -> bool:
    """Compare a credential in constant time; ``None`` (nothing sent) never matches."""
    if given is None:
        return False
    a = given.encode() if isinstance(given, str) else given
    b = expected.encode() if isinstance(expected, str) else expected
    return hmac.compare_digest(a, b)


def shared_token_from(
    request: WebhookRequest, header: str = "x-soulcaster-token", *, basic: bool = False
) -> str | None:
    """The shared secret a sender that cannot sign puts in a header, bearer token or ``?token=``
    (with ``basic``, also the password of ``Authorization: Basic``)."""
    if value := request.headers.get(header):
        return value
    auth = request.headers.get("authorization", "")
    if auth[:7].lower() == "bearer ":
        return auth[7:].strip()
    if basic and auth[:6].lower() == "basic ":
        return basic_password(auth[6:].strip())
    return request.query.get("token")


def basic_password(credentials: str) -> str | None:
    """The password of HTTP Basic ``credentials`` (base64 of ``user:password``), or ``None``."""
    try:
        decoded = base64.b64decode(credentials, validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    _, colon, password = decoded.partition(":")
    return password if colon else None


def require_shared_token(
    request: WebhookRequest,
    *secrets: SecretStr | None,
    header: str = "x-soulcaster-token",
    basic: bool = False,
) -> None:
    """Raise ``Unauthorized`` unless the request carries one of the configured secrets.

    With no secret configured every request passes: the core calls ``authenticate`` only when
    one is set, and lets a source without one through only in a project that allows it.
    """
    configured = [s.get_secret_value() for s in secrets if s is not None and s.get_secret_value()]
    if not configured:
        return
    given = shared_token_from(request, header, basic=basic)
    if given is None:
        raise Unauthorized(f"missing token: send it in the {header} header or as ?token=")
    # Check every candidate so the time taken does not tell which one was close.
    matches = [secrets_equal(given, expected) for expected in configured]
    if not any(matches):
        raise Unauthorized("wrong token")


def parse_json_object(body: bytes) -> dict[str, Any]:
    """Strict JSON object parsing that turns every kind of bad input into ``BadPayload``.

    What it accepts and what it returns are exactly ``json.loads``'s. msgspec reads the bodies
    senders really send several times faster (bench/mapping.py), and whatever it refuses (NaN,
    1e999, half a surrogate pair, bad bytes, garbage) goes to the standard library, which then
    accepts it or says precisely what is wrong.
    """
    try:
        value = msgspec.json.decode(body)
    except (msgspec.MsgspecError, ValueError, RecursionError):
        value = _parse_json_strictly(body)
    if not isinstance(value, dict):
        raise BadPayload(f"body must be a JSON object, got {type(value).__name__}")
    limit = json_depth.max_depth.get()
    if json_depth.body_too_deep(body, value, limit):
        raise BadPayload(json_depth.too_deep(limit))
    return value


def _parse_json_strictly(body: bytes) -> Any:
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadPayload(f"body is not UTF-8: {exc.reason} at byte {exc.start}") from None
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadPayload(
            f"body is not JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
        ) from None
    except RecursionError:
        # Past a thousand levels: deeper than any limit this server can be given.
        raise BadPayload(json_depth.too_deep(json_depth.max_depth.get())) from None
    except ValueError as exc:  # e.g. integers longer than Python's digit limit
        raise BadPayload(f"body is not JSON we can read: {exc}") from None
    # JSON may escape half a surrogate pair ("\ud83d"): valid JSON, but no text can hold it,
    # and it would fail later when the item is stored. msgspec refuses such bodies, so only
    # they pay the check.
    if _SURROGATE_ESCAPE.search(text):
        try:
            where = surrogate_at(value, "")
        except RecursionError:
            where = "body"
        if where is not None:
            raise BadPayload(f"{where}: unpaired UTF-16 surrogate (e.g. \\ud83d) cannot be text")
    return value


def surrogate_at(value: Any, path: str) -> str | None:
    """The path of the first string holding an unpaired surrogate, or ``None``."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return path or "body"
        return None
    children: list[tuple[str, Any]] = []
    if isinstance(value, dict):
        for key, child in value.items():
            if surrogate_at(key, "") is not None:
                return f"{path or 'body'} (a field name)"
            children.append((f"{path}.{key}" if path else key, child))
    elif isinstance(value, list):
        children = [(f"{path}[{index}]", child) for index, child in enumerate(value)]
    for child_path, child in children:
        if (found := surrogate_at(child, child_path)) is not None:
            return found
    return None


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


class SyncReport(BaseModel):
    """What one pull from a source's API did."""

    fetched: int = 0
    created: int = 0
    duplicates: int = 0
    ignored: int = 0
    pages: int = 0
    last_synced: str | None = None
    error: str | None = None


@dataclass
class SyncContext(Generic[ConfigT]):
    """What the core hands a handler's ``sync``: its config, an HTTP client, and the pipeline."""

    project_id: str
    config: ConfigT
    http: httpx.AsyncClient
    #: Run one fetched event through accept → to_feedback_item → store; ``None`` if ignored
    #: (for a source that maps an event to many items: the first item's result).
    ingest: Callable[[Any], Awaitable[IngestResult | None]]
    #: Persist config fields, e.g. ``save_config(last_synced=...)`` after a page is stored.
    save_config: Callable[..., Awaitable[None]]
    #: Wait between retries (tests pass a no-op so a 429 does not stall them).
    sleep: Callable[[float], Awaitable[None]]


class WebhookHandler(Generic[EventT, ConfigT]):
    """Base class of a source. Set ``source`` and ``Config``; implement ``to_feedback_item``."""

    #: The source name: the ``{source}`` of ``/ingest/{source}/webhook``.
    source: ClassVar[str]
    #: The per-project settings model.
    Config: ClassVar[type[SourceConfig]] = SourceConfig
    #: Extra names for ``/config/{source}/{name}`` routes, e.g. ``{"events": "event_types"}``.
    config_aliases: ClassVar[dict[str, str]] = {}
    #: A realistic payload that "send test webhook" posts through the real pipeline.
    sample: ClassVar[Any] = None
    #: One line for listings and the settings page.
    description: ClassVar[str] = ""
    #: ``True`` when ``external_id`` names one event (PostHog's uuid) rather than a problem
    #: that recurs: the same id again, by webhook or by sync, is a re-delivery of that event,
    #: answered ``duplicate`` without counting another occurrence.
    one_event_per_id: ClassVar[bool] = False
    #: How a delivery proves its sender (``soulcaster_core.auth``: ``SharedToken(...)``,
    #: ``HmacSha256(...)``). The core derives ``authenticate``, the signed ``sample_request``,
    #: ``auth_instructions`` and ``credentials()`` from it.
    auth: ClassVar[SourceAuth | None] = None
    #: What the sender must add so ``authenticate`` passes; ``{token}`` is the configured secret.
    #: Derived from ``auth`` unless the class sets it.
    auth_instructions: ClassVar[str] = "Nothing: this source accepts unauthenticated requests."
    #: The config fields ``authenticate`` checks a delivery against; ``None``: those of
    #: ``auth``, or else every secret field. With none of them set the source takes no
    #: delivery (401 saying how to set one), unless its project allows unauthenticated ingestion.
    credential_fields: ClassVar[tuple[str, ...] | None] = None
    #: Whether the server's API token (``Authorization: Bearer``) is a credential here too.
    accepts_api_token: ClassVar[bool] = False
    #: Media types a delivery may declare besides JSON (``application/json`` and
    #: ``application/*+json`` always pass); any other is answered 415. A browser on another
    #: site can post ``text/plain`` or a form without asking: only add what the vendor sends.
    extra_content_types: ClassVar[frozenset[str]] = frozenset()
    #: How a delivery refines the item it lands on (same ``external_id``): field or unit name
    #: (``"release"``, ``"metadata"``, ``"metadata.short_id"``) to a rule among ``fill``,
    #: ``richer``, ``latest``, ``union`` and ``keep`` (``soulcaster_core/merge_policy.py``).
    #: Change an entry with ``{**DEFAULT_MERGE_POLICY, "metadata.short_id": "latest"}``.
    merge_policy: ClassVar[MergePolicy] = DEFAULT_MERGE_POLICY

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # A policy no store could follow fails the plugin's import, which names the plugin.
        check_policy(cls.merge_policy)
        if cls.auth is not None and "auth_instructions" not in cls.__dict__:
            cls.auth_instructions = cls.auth.instructions()

    def authenticate(self, request: WebhookRequest, config: ConfigT) -> None:
        """Raise ``Unauthorized`` when the request does not carry the configured credentials.

        Called only when ``has_credentials(config)``: a source with none set is refused (or,
        in a project that allows unauthenticated ingestion, let through) by the core. By
        default it checks what ``auth`` declares; override it for a sender that does more.
        """
        if self.auth is not None:
            self.auth.authenticate(request, config)

    @classmethod
    def credentials(cls) -> tuple[str, ...]:
        """The names of ``credential_fields``, of ``auth``'s secrets, or of every secret field."""
        if cls.credential_fields is not None:
            return cls.credential_fields
        if cls.auth is not None:
            return cls.auth.secret_fields()
        return secret_field_names(cls.Config)

    def has_credentials(self, config: ConfigT) -> bool:
        """Whether a credential is set (an empty string is none)."""
        for name in self.credentials():
            value = getattr(config, name, None)
            if isinstance(value, SecretStr):
                value = value.get_secret_value()
            if value:
                return True
        return False

    @classmethod
    def takes_content_type(cls, content_type: str) -> bool:
        """Whether a delivery declaring ``content_type`` is read (parameters ignored)."""
        media = content_type.partition(";")[0].strip().lower()
        if media == "application/json" or media in cls.extra_content_types:
            return True
        return media.startswith("application/") and media.endswith("+json")

    def delivery_id(self, request: WebhookRequest) -> str | None:
        """A per-delivery id the sender repeats on retries (e.g. Sentry's ``Request-ID``)."""
        return None

    def parse(self, body: bytes) -> EventT:
        """Turn the raw body into an event; raise ``BadPayload`` naming what is wrong."""
        return parse_json_object(body)  # type: ignore[return-value]

    def parse_request(self, request: WebhookRequest) -> EventT:
        """What the pipeline calls: ``parse`` of the body. Override to read headers too
        (Sentry names the resource in ``Sentry-Hook-Resource``)."""
        return self.parse(request.body)

    def accept(self, event: EventT, config: ConfigT) -> str | None:
        """``None`` to keep the event, or the reason it is ignored (filters live here)."""
        return None

    def counts_as_occurrence(self, event: EventT) -> bool:
        """``False`` for status changes (resolved, recovered): they update a known item only."""
        return True

    def stale_reason(self, event: EventT, stored: FeedbackItem) -> str | None:
        """Why a status change is older than what ``stored`` (the item it would land on) holds,
        or ``None``. A reason makes the delivery 200 ``ignored`` (a replay, a late retry).
        The core asks only for status changes, and only of handlers that override this."""
        return None

    def to_feedback_item(self, event: EventT, project_id: str) -> FeedbackItem:
        """Map the event onto a ``FeedbackItem``; ``external_id`` decides what is a duplicate."""
        raise NotImplementedError

    def to_feedback_items(self, event: EventT, project_id: str) -> Iterable[FeedbackItem]:
        """Map a delivery that holds many things (Alertmanager's ``alerts[]``) onto an item
        each. Implement this instead of ``to_feedback_item``: the items are stored in one
        atomic batch and the answer lists each one's outcome."""
        yield self.to_feedback_item(event, project_id)

    def item_counts_as_occurrence(self, event: EventT, item: FeedbackItem) -> bool:
        """``counts_as_occurrence`` of one of a delivery's items (a resolved alert among
        firing ones); by default the delivery's."""
        return self.counts_as_occurrence(event)

    def item_delivery_id(self, event: EventT, item: FeedbackItem) -> str | None:
        """A per-item delivery id for deliveries of many items: the same id again is a
        re-notification of what the item already holds (``duplicate``, nothing written, for
        ``SOULCASTER_DELIVERY_TTL_SECONDS``). ``None``: the delivery's own id, if any."""
        return None

    @classmethod
    def maps_many(cls) -> bool:
        """Whether deliveries map to many items (``to_feedback_items`` is implemented)."""
        return cls.to_feedback_items is not WebhookHandler.to_feedback_items

    def sample_request(self, config: ConfigT) -> WebhookRequest:
        """A request carrying ``sample`` that passes ``authenticate`` under ``config``
        (signed or carrying the token as ``auth`` declares)."""
        body = json.dumps(self.sample).encode()
        request = WebhookRequest(body=body, headers={"content-type": "application/json"})
        return self.auth.signed_sample(request, config) if self.auth is not None else request

    async def sync(self, context: SyncContext[ConfigT]) -> SyncReport:
        """Pull events from the source's API (sources that can poll override this)."""
        raise NotImplementedError

    @classmethod
    def can_sync(cls) -> bool:
        return cls.sync is not WebhookHandler.sync

    @classmethod
    def sync_configured(cls, config: ConfigT) -> bool:
        """Whether ``config`` holds what ``sync`` needs (the worker only syncs those)."""
        return cls.can_sync()
