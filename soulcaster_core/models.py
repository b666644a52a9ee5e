"""The records that flow through Soulcaster: feedback items, projects, clusters, outcomes."""

from __future__ import annotations

import json
import re
import time
from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .entropy import random_hex
from .json_depth import cap_depth
from .stacktrace import ExceptionInfo

SLUG_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,62}$"
TITLE_MAX = 300


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_id() -> str:
    """32 hex digits: the time in milliseconds (12), then 80 random bits (20). Ids made one
    after another sort together, so an index keyed by them (the items', a cluster's members')
    takes each new one at its end rather than on a random page of its whole range: a
    worker's batch into a cluster of 40,000 members wrote one page of that index per member.
    Every webhook makes one, and ``uuid4().hex`` costs twice as much (bench/mapping.py)."""
    return f"{time.time_ns() // 1_000_000:012x}{random_hex(10)}"


def slugify(name: str) -> str:
    """A project id from a human name: lower case, dashes, no braces (ids are Redis hash tags)."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:63]
    return slug or "project"


class FeedbackItem(BaseModel):
    """One normalized alert, error or event, whatever tool reported it.

    ``(project_id, source, external_id)`` is the dedup key: a second delivery with the same
    key is an occurrence of the first item, not a new one.
    """

    model_config = ConfigDict(extra="forbid")

    id: str = Field(default_factory=new_id)
    project_id: str = Field(pattern=SLUG_PATTERN)
    source: str = Field(pattern=SLUG_PATTERN)
    external_id: str = Field(min_length=1, max_length=512)
    title: str
    body: str = ""
    raw_text: str = ""
    metadata: dict[str, Any] = Field(default_factory=dict)
    created_at: datetime = Field(default_factory=utcnow)
    received_at: datetime = Field(default_factory=utcnow)
    first_seen: datetime | None = None
    last_seen: datetime | None = None
    occurrences: int = 1
    cluster_id: str | None = None
    #: The incident the item is part of (``soulcaster_core.incidents``), set by the worker.
    incident_id: str | None = None
    # What grouping and incidents read, as the sender gave it: typed, never flattened into the
    # text and parsed back. Plugins fill what their payload holds and leave the rest empty.
    #: The exception chain, cause first and the thrown one last; frames oldest first.
    exceptions: list[ExceptionInfo] = Field(default_factory=list)
    #: The service (application, job) the problem happened in, as the sender names it.
    service: str | None = None
    environment: str | None = None
    release: str | None = None
    #: The route or job the failure ran under, as the sender names it (``POST /api/orders/{id}``,
    #: ``reports.tasks.build_weekly``): what an alert on an endpoint shares with its errors.
    endpoint: str | None = None
    #: A distributed trace id: the strongest link between items of one failure.
    trace_id: str | None = None
    #: Severity in the sender's words, lower case: ``error``, ``warning``, ``critical``...
    level: str | None = None
    #: Links a person follows from the item (``{"sentry": "https://..."}``): http(s) only.
    links: dict[str, str] = Field(default_factory=dict)
    tags: dict[str, str] = Field(default_factory=dict)

    @field_validator("title")
    @classmethod
    def _one_line_title(cls, title: str) -> str:
        # A title is what a list shows: one line, never empty, bounded.
        flat = " ".join(title.split())
        if not flat:
            return "(untitled)"
        return flat if len(flat) <= TITLE_MAX else flat[: TITLE_MAX - 1] + "…"

    @field_validator("created_at", "received_at", "first_seen", "last_seen")
    @classmethod
    def _aware(cls, value: datetime | None) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value

    def model_post_init(self, __context: Any) -> None:
        # What ``self.first_seen = self.created_at`` does (pydantic's assignment to a field of a
        # model that does not validate assignments), without its dispatch: every item passes.
        values = self.__dict__
        if values["first_seen"] is None:
            values["first_seen"] = values["created_at"]
            self.__pydantic_fields_set__.add("first_seen")
        if values["last_seen"] is None:
            values["last_seen"] = values["created_at"]
            self.__pydantic_fields_set__.add("last_seen")


#: How deep an item's metadata may nest when read back. Versions before the depth limit stored
#: whatever came; deeper values read as ``json_depth.CUT_MARKER``, so no item fails to show.
METADATA_READ_DEPTH = 128


def item_from_json(data: str | bytes) -> FeedbackItem:
    """A stored item from its JSON, whatever an older version let into its metadata."""
    try:
        return FeedbackItem.model_validate_json(data)
    except ValidationError:
        # The standard library reads far deeper than pydantic's JSON parser.
        fields = json.loads(data)
        if not isinstance(fields, dict):
            raise
        return item_from_fields(fields)


def item_from_fields(fields: dict[str, Any]) -> FeedbackItem:
    """A stored item from its decoded fields, metadata cut at ``METADATA_READ_DEPTH``."""
    metadata = fields.get("metadata")
    if isinstance(metadata, dict):
        fields["metadata"] = cap_depth(metadata, METADATA_READ_DEPTH)
    return FeedbackItem.model_validate(fields)


class Project(BaseModel):
    id: str = Field(pattern=SLUG_PATTERN)
    name: str
    created_at: datetime = Field(default_factory=utcnow)
    #: Sources with no secret set take deliveries without credentials (shown red on the
    #: dashboard). Off for a new project: such a source answers 401 saying how to set one.
    allow_unauthenticated: bool = False

    @classmethod
    def from_stored(cls, data: str | bytes) -> Project:
        """A project as stored. One stored before ``allow_unauthenticated`` existed keeps taking
        what it took then (it was open), until someone closes it."""
        project = cls.model_validate_json(data)
        if "allow_unauthenticated" not in project.model_fields_set:
            project.allow_unauthenticated = True
        return project


Outcome = Literal["created", "duplicate", "updated"]


class IngestResult(BaseModel):
    """What the store did with one item, in the words the webhook answer uses."""

    status: Outcome
    id: str


class Cluster(BaseModel):
    """A group of items, from any source, that describe the same underlying problem."""

    id: str = Field(default_factory=new_id)
    project_id: str
    title: str
    summary: str = ""
    signature: str = ""
    #: Its items are listed apart (``Store.cluster_item_ids``), a page at a time.
    sources: list[str] = Field(default_factory=list)
    #: The services its items name (``FeedbackItem.service``), counted like the sources.
    services: list[str] = Field(default_factory=list)
    item_count: int = 0
    occurrence_count: int = 0
    first_seen: datetime | None = None
    last_seen: datetime | None = None
    #: The incident its latest items are part of (``soulcaster_core.incidents``).
    incident_id: str | None = None


class DeadLetter(BaseModel):
    """A delivery that could not be read, kept byte for byte so it can be replayed later."""

    # Bodies may be any bytes at all (that is often why they could not be read).
    model_config = ConfigDict(ser_json_bytes="base64", val_json_bytes="base64")

    id: str = Field(default_factory=new_id)
    project_id: str
    source: str
    error: str
    body: bytes
    content_type: str = ""
    #: The query string and headers it came with, credentials removed (secrets are never kept).
    query: dict[str, str] = Field(default_factory=dict)
    headers: dict[str, str] = Field(default_factory=dict)
    received_at: datetime = Field(default_factory=utcnow)


class QueueEntry(BaseModel):
    """An item waiting to be clustered; ``entry_id`` is what the worker acknowledges."""

    entry_id: str
    project_id: str
    item_id: str
