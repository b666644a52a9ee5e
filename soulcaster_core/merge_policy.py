"""How a delivery that lands on a stored item refines it: the merge policy a handler declares.

An item is merged unit by unit. Each typed field (``title``, ``exceptions``, ``tags``...) is
one unit, and so is each key of ``metadata`` (``metadata.short_id``). A unit's rule is its own
entry in the policy, else its dict field's, else ``keep``:

- ``keep``: the stored value stays.
- ``fill``: the new value replaces an empty stored one (``null``, ``""``, ``[]``, ``{}``).
- ``richer``: the new value wins when the delivery is richer: its stack trace is longer than
  the stored item's (``richness``: Sentry's error event, whole stack, after its issue, which
  names one crash-location frame or none); otherwise as ``fill``.
- ``latest``: the value of the most recent delivery (by ``received_at``) that has one wins,
  whatever order they arrive in.
- ``union``: on ``tags`` and ``links``, the keys of both, the new value winning per key; on a
  metadata key, the new value.

Under every rule an empty new value never replaces a stored one, and a unit the stored item
lacks (a metadata key it did not have) is added.

Every store runs this rule book (``store/merge.py``, and ``store/ingest.lua`` in Redis); the
store contract tests hold them to the same results.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Literal, get_args

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
    "endpoint",
    "trace_id",
    "level",
    "tags",
    "links",
)
#: The ``str -> str`` fields that ``union`` unites key by key.
UNITED_FIELDS = frozenset({"tags", "links"})
#: The fields merged as units; a stored item keeps the rest (ids, times, counts) apart.
MERGED_FIELDS = {*VALUE_FIELDS, "metadata"}

DEFAULT_MERGE_POLICY: MergePolicy = MappingProxyType(
    {
        "title": "richer",
        "body": "richer",
        "raw_text": "richer",
        "exceptions": "richer",
        "release": "fill",
        "environment": "fill",
        "service": "fill",
        "endpoint": "fill",
        "trace_id": "fill",
        "level": "latest",
        "metadata": "richer",
        "metadata.status": "latest",
        "tags": "union",
        "links": "union",
    }
)


def check_policy(policy: Mapping[str, str]) -> None:
    """Raise ``ValueError`` naming the entry of ``policy`` that no store could follow."""
    for name, rule in policy.items():
        if rule not in MERGE_RULES:
            raise ValueError(
                f"merge policy {name!r}: unknown rule {rule!r} (one of {sorted(MERGE_RULES)})"
            )
        head, dot, key = name.partition(".")
        if dot:
            if head != "metadata" or not key:
                raise ValueError(
                    f"merge policy {name!r}: only metadata keys take a rule of their own"
                )
        elif name not in MERGED_FIELDS:
            raise ValueError(
                f"merge policy {name!r}: not a field a delivery refines "
                f"(one of {', '.join(sorted(MERGED_FIELDS))})"
            )
        elif rule == "union" and name not in UNITED_FIELDS and name != "metadata":
            raise ValueError(f"merge policy {name!r}: 'union' is for tags, links and metadata")
