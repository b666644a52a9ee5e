"""One alert of an Alertmanager or Grafana delivery → one ``FeedbackItem``, keyed by fingerprint.

Both senders post the same shape (Alertmanager's webhook, payload version 4): the group's
``status``, ``receiver``, ``groupKey``, ``commonLabels``, ``externalURL`` and ``alerts[]``,
each alert with its ``status``, ``labels``, ``annotations``, ``startsAt``/``endsAt``,
``generatorURL`` and ``fingerprint`` (a hash of its labels: the same alert every time it
fires). Grafana adds ``orgId``, ``title``, ``state`` and ``message`` to the group and
``silenceURL``, ``dashboardURL``, ``panelURL``, ``values`` and ``valueString`` to each alert.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from soulcaster_core import FeedbackItem, Payload

SOURCE = "alertmanager"
#: Label names that say which service, environment and severity an alert is about, in order.
SERVICE_LABELS = ("service", "service_name", "app", "application", "job")
ENVIRONMENT_LABELS = ("environment", "env", "deployment_environment")
LEVEL_LABELS = ("severity", "level", "priority")
#: Alertmanager's "no end yet" (Go's zero time): not a time at all.
_NO_TIME_BEFORE = 1971
#: Links an alert carries, by the name the item shows them under.
_ALERT_LINKS = {
    "generatorURL": "source",
    "silenceURL": "silence",
    "dashboardURL": "dashboard",
    "panelURL": "panel",
}


def alert_items(group: Payload, project_id: str) -> Iterator[FeedbackItem]:
    """An item per alert of ``group``, in the order the sender listed them."""
    common = group.strings("commonLabels")
    for alert in group.objects("alerts"):
        yield alert_item(group, alert, common, project_id)


def alert_item(
    group: Payload, alert: Payload, common: dict[str, str], project_id: str
) -> FeedbackItem:
    labels = {**common, **alert.strings("labels")}
    annotations = alert.strings("annotations")
    status = (alert.text("status") or group.text("status") or "firing").lower()
    name = labels.get("alertname") or "alert"
    summary = annotations.get("summary") or annotations.get("title")
    description = annotations.get("description") or annotations.get("message") or ""
    title = f"{name}: {summary}" if summary and summary != name else name
    starts, ends = _time(alert, "startsAt"), _time(alert, "endsAt")
    label_lines = "\n".join(f"{key}={value}" for key, value in sorted(labels.items()))
    metadata: dict[str, Any] = {
        "status": status,
        "alertname": name,
        "fingerprint": fingerprint_of(alert, labels),
        "labels": labels,
        "annotations": annotations,
        "sender": "grafana" if _from_grafana(group, alert) else "alertmanager",
    }
    for key, value in (
        ("receiver", group.text("receiver")),
        ("group_key", group.text("groupKey")),
        ("starts_at", starts.isoformat() if starts else None),
        ("ends_at", ends.isoformat() if ends else None),
        ("value_string", alert.text("valueString")),
    ):
        if value is not None:
            metadata[key] = value
    if values := alert.object("values"):
        metadata["values"] = dict(values)
    fields: dict[str, Any] = {}
    if starts is not None:
        fields["created_at"] = starts
    if status == "resolved" and ends is not None:
        fields["last_seen"] = ends
    return FeedbackItem(
        project_id=project_id,
        source=SOURCE,
        external_id=metadata["fingerprint"],
        title=title,
        body="\n\n".join(part for part in (description, label_lines) if part),
        raw_text="\n".join(part for part in (title, description, label_lines) if part),
        metadata=metadata,
        service=_first(labels, SERVICE_LABELS),
        environment=_first(labels, ENVIRONMENT_LABELS),
        level=(_first(labels, LEVEL_LABELS) or "").lower() or None,
        links=_links(group, alert, annotations),
        tags=labels,
        **fields,
    )


def fingerprint_of(alert: Payload, labels: dict[str, str]) -> str:
    """The sender's fingerprint; without one, a digest of the labels (what it is made from)."""
    given = alert.text("fingerprint")
    if given is not None:
        return given
    digest = hashlib.sha256(json.dumps(labels, sort_keys=True).encode()).hexdigest()
    return f"labels:{digest[:32]}"


def is_resolved(item: FeedbackItem) -> bool:
    return bool(item.metadata.get("status") == "resolved")


def _time(alert: Payload, key: str) -> datetime | None:
    value = alert.time(key)
    return value if value is not None and value.year >= _NO_TIME_BEFORE else None


def _first(labels: dict[str, str], names: tuple[str, ...]) -> str | None:
    return next((labels[name] for name in names if labels.get(name)), None)


def _from_grafana(group: Payload, alert: Payload) -> bool:
    return "orgId" in group or "silenceURL" in alert or "values" in alert


def _links(group: Payload, alert: Payload, annotations: dict[str, str]) -> dict[str, str]:
    found = {name: alert.text(key) for key, name in _ALERT_LINKS.items()}
    found["alertmanager"] = group.text("externalURL")
    found["runbook"] = annotations.get("runbook_url")
    return {
        name: url
        for name, url in found.items()
        if url is not None and url.lower().startswith(("https://", "http://"))
    }
