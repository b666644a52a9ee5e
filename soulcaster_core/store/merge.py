"""How a delivery that lands on a stored item refines it: the merge policy and its rules.

An item is merged unit by unit. Each typed field (``title``, ``exceptions``, ``release``...) is
one unit, and so is each key of a dict field (``metadata.short_id``, ``tags.env``,
``links.sentry``). A unit travels as its JSON text, encoded once, here, by pydantic: both stores
compare and keep exactly that text, so the Redis script never re-encodes a value (Lua's cjson
cannot tell ``[]`` from ``{}`` and rounds numbers to 14 digits). ``merge_units`` is the rule
book the SQLite store runs; ``ingest.lua`` runs the same book in Redis, and the store contract
tests hold the two to the same results.

A unit's rule is its own entry in the policy, else its dict field's, else ``keep``:

- ``keep``: the stored value stays.
- ``fill``: the new value replaces an empty stored one (``null``, ``""``, ``[]``, ``{}``).
- ``richer``: the new value wins when the delivery is richer (it brings ``exceptions`` and the
  stored item has none: Sentry's error event after its issue); otherwise as ``fill``.
- ``latest``: the value of the most recent delivery (by ``received_at``) that has one wins,
  whatever order they arrive in.
- ``union``: the new value wins; on a dict field, per key, so the keys of both are kept.

Under every rule an empty new value never replaces a stored one, and a unit the stored item
lacks (a metadata key it did not have) is added.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal, get_args

import pydantic_core

from ..models import FeedbackItem

MergeRule = Literal["fill", "latest", "union", "keep", "richer"]
#: Unit or field name (``"title"``, ``"metadata"``, ``"metadata.status"``) to its rule.
MergePolicy = Mapping[str, MergeRule]

MERGE_RULES: frozenset[str] = frozenset(get_args(MergeRule))
#: The typed fields merged as a whole, in the order units are sent.
VALUE_FIELDS = (
    "title",
    "body",
    "raw_text",
    "exceptions",
    "release",
    "environment",
    "service",
    "trace_id",
    "level",
)
#: The dict fields merged key by key.
DICT_FIELDS = ("metadata", "tags", "links")
#: The fields merged as units; a stored item keeps the rest (ids, times, counts) apart.
_NOT_UNITS = set(VALUE_FIELDS + DICT_FIELDS)
#: JSON texts of the empty values (pydantic writes them without spaces).
EMPTY_TEXTS = frozenset({"null", '""', "[]", "{}"})

DEFAULT_MERGE_POLICY: MergePolicy = MappingProxyType(
    {
        "title": "richer",
        "body": "richer",
        "raw_text": "richer",
        "exceptions": "fill",
        "release": "fill",
        "environment": "fill",
        "service": "fill",
        "trace_id": "fill",
        "level": "latest",
        "metadata": "richer",
        "metadata.status": "latest",
        "tags": "union",
        "links": "union",
    }
)

Unit = tuple[str, str]


def check_policy(policy: Mapping[str, str]) -> None:
    """Raise ``ValueError`` naming the entry of ``policy`` that no store could follow."""
    for name, rule in policy.items():
        if rule not in MERGE_RULES:
            raise ValueError(
                f"merge policy {name!r}: unknown rule {rule!r} (one of {sorted(MERGE_RULES)})"
            )
        head, dot, key = name.partition(".")
        if dot:
            if head not in DICT_FIELDS or not key:
                raise ValueError(
                    f"merge policy {name!r}: only keys of {', '.join(DICT_FIELDS)} take a "
                    "rule of their own"
                )
        elif name not in _NOT_UNITS:
            raise ValueError(
                f"merge policy {name!r}: not a field a delivery refines "
                f"(one of {', '.join(VALUE_FIELDS + DICT_FIELDS)})"
            )
        elif rule == "union" and name not in DICT_FIELDS:
            raise ValueError(f"merge policy {name!r}: 'union' is for dict fields")


_encoded: dict[int, tuple[Mapping[str, str], str]] = {}


def policy_json(policy: MergePolicy) -> str:
    """The policy as the Redis script reads it; checked and encoded once per policy object."""
    cached = _encoded.get(id(policy))
    if cached is not None and cached[0] is policy:
        return cached[1]
    check_policy(policy)
    text = json.dumps(dict(policy), sort_keys=True)
    _encoded[id(policy)] = (policy, text)  # holds the policy, so its id is not reused
    return text


def rule_of(policy: Mapping[str, str], name: str) -> str:
    rule = policy.get(name)
    if rule is not None:
        return rule
    head, dot, _ = name.partition(".")
    return policy.get(head, "keep") if dot else "keep"


def to_text(value: Any) -> str:
    return pydantic_core.to_json(value).decode()


def item_units(item: FeedbackItem) -> list[Unit]:
    """The item's units as ``(name, JSON text)``: typed fields first, then dict keys."""
    units = [
        ("title", to_text(item.title)),
        ("body", to_text(item.body)),
        ("raw_text", to_text(item.raw_text)),
        ("exceptions", to_text(item.exceptions) if item.exceptions else "[]"),
        ("release", to_text(item.release)),
        ("environment", to_text(item.environment)),
        ("service", to_text(item.service)),
        ("trace_id", to_text(item.trace_id)),
        ("level", to_text(item.level)),
    ]
    for name in DICT_FIELDS:
        values: dict[str, Any] = getattr(item, name)
        units += [(f"{name}.{key}", to_text(value)) for key, value in values.items()]
    return units


def base_json(item: FeedbackItem) -> str:
    """The item without its units: ids, times and counts, which no delivery refines."""
    return item.model_dump_json(exclude=_NOT_UNITS)


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


def is_empty(text: str | None) -> bool:
    return text is None or text in EMPTY_TEXTS


@dataclass
class Merged:
    """What one delivery changed: units with their new text, rule versions, status change."""

    changed: dict[str, str] = field(default_factory=dict)
    versions: dict[str, int] = field(default_factory=dict)
    #: ``(before, after)`` JSON texts of ``metadata.status`` when it changed.
    status: tuple[str, str] | None = None


def merge_units(
    stored: Mapping[str, str],
    new: Sequence[Unit],
    policy: Mapping[str, str],
    *,
    delivery_richer: bool,
    received_ms: int,
    versions: Mapping[str, int],
    created_ms: int,
) -> Merged:
    """Apply ``new`` to ``stored`` unit by unit (what ``ingest.lua`` does in Redis).

    ``delivery_richer``: the delivery brings exceptions. ``versions`` holds, per ``latest``
    unit, the ``received_ms`` of the delivery its value came from; ``created_ms`` stands for
    the units set when the item was created.
    """
    richer = delivery_richer and is_empty(stored.get("exceptions"))
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
