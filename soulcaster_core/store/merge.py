"""How the stores refine a stored item by a delivery, as its source's merge policy says.

An item is merged unit by unit. Each typed field (``title``, ``exceptions``, ``tags``...) is
one unit, and so is each key of ``metadata`` (``metadata.short_id``). A unit travels as its JSON
text, encoded once, here: both stores compare and keep exactly that text, so the Redis script
never re-encodes a value it could not read back (Lua's cjson cannot tell ``[]`` from ``{}`` and
rounds numbers to 14 digits); it only decodes ``tags`` and ``links`` (text to text) to unite
them. ``merge_units`` is the rule
book the SQLite store runs; ``ingest.lua`` runs the same book in Redis, and the store contract
tests hold the two to the same results.

The rules themselves, and the default policy, are declared where a handler reads them:
``soulcaster_core/merge_policy.py``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import msgspec
import pydantic_core

from ..merge_policy import (
    DEFAULT_MERGE_POLICY,
    MERGED_FIELDS,
    UNITED_FIELDS,
    MergePolicy,
    check_policy,
)
from ..models import FeedbackItem

# What the stores import to merge: the engine here, and the policy it runs.
__all__ = [
    "DEFAULT_MERGE_POLICY",
    "EMPTY_TEXTS",
    "MergePolicy",
    "Merged",
    "Unit",
    "assemble",
    "base_json",
    "item_units",
    "merge_units",
    "policy_json",
    "richness",
    "rule_of",
    "to_text",
    "unit_parts",
]

#: JSON texts of the empty values (pydantic writes them without spaces).
EMPTY_TEXTS = frozenset({"null", '""', "[]", "{}"})
_EMPTY_VALUES: tuple[Any, ...] = (None, "", [], {})

Unit = tuple[str, str]


_policy_texts: dict[int, tuple[Mapping[str, str], str]] = {}


def policy_json(policy: MergePolicy) -> str:
    """The policy as the Redis script reads it; checked and encoded once per policy object."""
    cached = _policy_texts.get(id(policy))
    if cached is not None and cached[0] is policy:
        return cached[1]
    check_policy(policy)
    text = json.dumps(dict(policy), sort_keys=True)
    _policy_texts[id(policy)] = (policy, text)  # holds the policy, so its id is not reused
    return text


def rule_of(policy: Mapping[str, str], name: str) -> str:
    rule = policy.get(name)
    if rule is not None:
        return rule
    head, dot, _ = name.partition(".")
    return policy.get(head, "keep") if dot else "keep"


_encode = msgspec.json.Encoder().encode


def to_text(value: Any) -> str:
    """A value's JSON as ``model_dump_json`` writes it (strings, the bulk, by msgspec: faster)."""
    if type(value) is str:
        return _encode(value).decode()
    return "null" if value is None else pydantic_core.to_json(value).decode()


def item_units(item: FeedbackItem) -> list[Unit]:
    """The item's units as ``(name, JSON text)``: typed fields first, then metadata keys."""
    parts = unit_parts(item)
    return list(zip(parts[::2], parts[1::2], strict=True))


def unit_parts(item: FeedbackItem) -> list[str]:
    """``item_units`` flat, name then text: what the Redis script takes, built as it is sent."""
    # Every delivery is cut into units: the text fields are encoded inline, and a field that
    # is None, as most optional ones are, is not encoded at all (bench/ingest.py).
    encode = _encode
    parts = [
        "title",
        encode(item.title).decode(),
        "body",
        encode(item.body).decode(),
        "raw_text",
        encode(item.raw_text).decode(),
        "exceptions",
        to_text(item.exceptions) if item.exceptions else "[]",
        "release",
        "null" if (release := item.release) is None else to_text(release),
        "environment",
        "null" if (environment := item.environment) is None else to_text(environment),
        "service",
        "null" if (service := item.service) is None else to_text(service),
        "endpoint",
        "null" if (endpoint := item.endpoint) is None else to_text(endpoint),
        "trace_id",
        "null" if (trace_id := item.trace_id) is None else to_text(trace_id),
        "level",
        "null" if (level := item.level) is None else to_text(level),
        "tags",
        to_text(item.tags) if item.tags else "{}",
        "links",
        to_text(item.links) if item.links else "{}",
    ]
    for key, value in item.metadata.items():
        parts.append("metadata." + key)
        parts.append(to_text(value))
    return parts


#: The fields that are not units, read from the model so that a new field is not left out.
_BASE_FIELDS = tuple(name for name in FeedbackItem.model_fields if name not in MERGED_FIELDS)


def base_json(item: FeedbackItem) -> str:
    """The item without its units: ids, times and counts, which no delivery refines."""
    try:  # these are strings, numbers and times, which msgspec writes as pydantic does, faster
        return _encode({name: getattr(item, name) for name in _BASE_FIELDS}).decode()
    except TypeError:  # a field of a type of its own
        return item.model_dump_json(exclude=MERGED_FIELDS)


def assemble(base: dict[str, Any], units: Iterable[Unit]) -> dict[str, Any]:
    """``base`` (a decoded item or ``base_json``) with ``units`` set on it; returns ``base``."""
    for name, text in units:
        head, dot, key = name.partition(".")
        value = json.loads(text)
        if dot:
            found = base.get(head)
            if not isinstance(found, dict):
                found = base[head] = {}
            found[key] = value
        else:
            base[name] = value
    return base


def richness(item: FeedbackItem) -> int:
    """How much of a stack trace the item holds: 0 without exceptions, else 1 + its frames.
    A delivery is richer than the stored item when its richness is greater."""
    if not item.exceptions:
        return 0
    return 1 + sum(len(exc.frames) for exc in item.exceptions)


@dataclass
class Merged:
    """What one delivery changed: units with their new text, rule versions, status change."""

    changed: dict[str, str] = field(default_factory=dict)
    #: The keys ``union`` changed in ``tags`` and ``links`` (``tags.env``).
    united: list[str] = field(default_factory=list)
    versions: dict[str, int] = field(default_factory=dict)
    #: ``(before, after)`` JSON texts of ``metadata.status`` when it changed.
    status: tuple[str, str] | None = None

    def changed_names(self) -> list[str]:
        """What the delivery changed, as its history names it: the keys united in ``tags``
        and ``links`` rather than the whole field."""
        names: list[str] = []
        for name in self.changed:
            keys = [k for k in self.united if k.partition(".")[0] == name]
            names += keys or [name]
        return names


def merge_units(
    stored: Mapping[str, str],
    new: Sequence[Unit],
    policy: Mapping[str, str],
    *,
    richness: tuple[int, int],
    received_ms: int,
    versions: Mapping[str, int],
    created_ms: int,
) -> Merged:
    """Apply ``new`` to ``stored`` unit by unit (what ``ingest.lua`` does in Redis).

    ``richness``: the delivery's and the stored item's. ``versions`` holds, per ``latest``
    unit, the ``received_ms`` of the delivery its value came from; ``created_ms`` stands for
    the units set when the item was created.
    """
    richer = richness[0] > richness[1]
    merged = Merged()
    for name, text in new:
        old = stored.get(name)
        rule = rule_of(policy, name)
        if old is None:
            take = True
        elif rule == "keep" or text in EMPTY_TEXTS:
            take = False
        elif rule == "fill":
            take = old in EMPTY_TEXTS
        elif rule == "richer":
            take = richer or old in EMPTY_TEXTS
        elif rule == "latest":
            take = old in EMPTY_TEXTS or received_ms >= versions.get(name, created_ms)
        elif name in UNITED_FIELDS:  # union, key by key
            _unite(merged, name, old, text)
            continue
        else:  # union
            take = True
        if not take:
            continue
        if rule == "latest" and text not in EMPTY_TEXTS:
            merged.versions[name] = received_ms
        if old != text:
            merged.changed[name] = text
            if name == "metadata.status":
                merged.status = (old or "null", text)
    return merged


def _unite(merged: Merged, name: str, old: str, text: str) -> None:
    """``tags`` or ``links``: the keys of both, the new value winning unless it is empty."""
    united: dict[str, Any] = json.loads(old)
    keys: list[str] = []
    for key, value in json.loads(text).items():
        if key not in united or (value not in _EMPTY_VALUES and united[key] != value):
            united[key] = value
            keys.append(f"{name}.{key}")
    if keys:
        merged.changed[name] = to_text(united)
        merged.united += keys
