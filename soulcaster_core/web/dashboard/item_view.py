"""What the item page shows of an item: its state up front, its bookkeeping tucked away."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from ...clustering.explain import grouping_of
from ...models import FeedbackItem
from ...stacktrace import format_exceptions
from ...store.history import DeliveryRecord
from .markdown import render_body, safe_url

#: Metadata the store keeps for itself: behind the details toggle.
INTERNAL_METADATA = frozenset({"clustering"})
#: Metadata shown as badges, in this order.
BADGES = ("status", "level", "priority")
#: How a badge's value is coloured; other values are neutral.
TONES = {
    **dict.fromkeys(("fatal", "critical", "error", "alert", "p1", "p2", "high"), "red"),
    **dict.fromkeys(("warning", "warn", "p3", "medium", "unresolved", "open"), "amber"),
    **dict.fromkeys(("resolved", "recovered", "ok", "closed", "success"), "green"),
}
_TYPED_FACTS = (
    ("service", "Service"),
    ("environment", "Environment"),
    ("release", "Release"),
    ("endpoint", "Endpoint"),
    ("trace_id", "Trace id"),
)


@dataclass
class Badge:
    name: str
    value: str

    @property
    def tone(self) -> str:
        return TONES.get(self.value.lower(), "neutral")


@dataclass
class ItemView:
    item: FeedbackItem
    body: Markup
    #: The exception chain as a trace, when the body does not show it already.
    trace: str | None
    badges: list[Badge] = field(default_factory=list)
    #: ``(name, url)``: the item's links, then metadata values that are http(s) URLs.
    links: list[tuple[str, str]] = field(default_factory=list)
    facts: list[tuple[str, str]] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    #: Empty fields and the store's bookkeeping, for the details toggle.
    hidden: dict[str, Any] = field(default_factory=dict)
    deliveries: list[DeliveryRecord] = field(default_factory=list)
    #: How grouping decided the item's cluster (``clustering.explain.grouping_of``).
    grouping: dict[str, Any] | None = None


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def item_view(item: FeedbackItem, deliveries: list[DeliveryRecord]) -> ItemView:
    trace = format_exceptions(item.exceptions) if item.exceptions else None
    view = ItemView(
        item=item,
        body=render_body(item.body),
        trace=None if trace is None or trace in item.body else trace,
        deliveries=deliveries,
        grouping=grouping_of(item),
    )
    metadata = dict(item.metadata)
    for name in BADGES:
        value = item.level if name == "level" and item.level else metadata.get(name)
        if isinstance(value, str | int | float) and not isinstance(value, bool) and value != "":
            view.badges.append(Badge(name, str(value)))
            metadata.pop(name, None)
    seen: set[str] = set()
    for name, url in [*item.links.items(), *metadata.items()]:
        if (safe := safe_url(url)) is not None and safe not in seen:
            seen.add(safe)
            view.links.append((name, safe))
    for attribute, label in _TYPED_FACTS:
        value = getattr(item, attribute)
        if value:
            view.facts.append((label, value))
        else:
            view.hidden[attribute] = value
    if item.level is None and "level" not in item.metadata:
        view.hidden["level"] = None
    for name, value in sorted(metadata.items()):
        if name in INTERNAL_METADATA or _empty(value):
            view.hidden[f"metadata.{name}"] = value
        elif safe_url(value) is None:
            view.metadata[name] = value
    view.hidden.update(
        {
            "id": item.id,
            "external_id": item.external_id,
            "cluster_id": item.cluster_id,
            "created_at": item.created_at.isoformat(),
            "received_at": item.received_at.isoformat(),
        }
    )
    return view
