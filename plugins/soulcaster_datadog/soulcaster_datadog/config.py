"""Per-project Datadog settings: the shared secret and the two filters."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator

from soulcaster_core import SourceConfig

from .field_map import canonical_field_map

ALL_MONITORS: Literal["*"] = "*"


class TagsFilter(BaseModel):
    """Which tags an alert must carry (``include``: any one of them) and must not (``exclude``).

    Entries are Datadog tags such as ``env:prod``, compared case-insensitively; ``*`` and ``?``
    are wildcards, so ``service:*`` means "any service". An empty ``include`` lets every alert in.
    """

    model_config = ConfigDict(extra="forbid")

    include: list[str] = Field(default_factory=list)
    exclude: list[str] = Field(default_factory=list)

    @field_validator("include", "exclude", mode="before")
    @classmethod
    def _tag_patterns(cls, value: Any) -> Any:
        if not isinstance(value, list):
            return value  # pydantic reports the wrong type
        patterns: list[str] = []
        for index, entry in enumerate(value):
            if not isinstance(entry, str):
                raise ValueError(f"entry {index}: expected a tag such as 'env:prod'")
            tag = entry.strip().lower()
            if not tag:
                raise ValueError(f"entry {index}: empty tag")
            if "," in tag:
                # A pasted $TAGS string would silently never match: say so instead.
                raise ValueError(f"entry {index}: one tag per entry, got {entry!r}")
            patterns.append(tag)
        return patterns


class DatadogConfig(SourceConfig):
    #: Shared secret: Datadog cannot sign, so it sends this in a custom header or ``?token=``.
    webhook_secret: SecretStr | None = None
    #: ``"*"`` for every monitor, or the monitor ids (``$ALERT_ID``) to keep.
    monitors: list[str] | Literal["*"] = ALL_MONITORS
    tags_filter: TagsFilter = Field(default_factory=TagsFilter)
    #: The names of a custom template's fields, as ours: ``{"headline": "title"}``.
    field_map: dict[str, str] = Field(default_factory=dict)

    @field_validator("field_map", mode="before")
    @classmethod
    def _field_map(cls, value: Any) -> Any:
        return canonical_field_map(value)

    @field_validator("monitors", mode="before")
    @classmethod
    def _monitor_ids(cls, value: Any) -> Any:
        if not isinstance(value, list):
            return value
        return [canonical_monitor_id(entry, f"entry {index}") for index, entry in enumerate(value)]


def canonical_monitor_id(value: Any, where: str) -> str:
    """A monitor id as digits only, whether it was written 12345, "12345" or " 012345 "."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return str(value)
    if isinstance(value, str) and value.strip().isdigit() and value.strip().isascii():
        return str(int(value.strip()))
    raise ValueError(f"{where}: {value!r} is not a Datadog monitor id (a whole number)")
