"""A Splunk alert as a ``FeedbackItem``: identity, title, body, typed fields and metadata."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from soulcaster_core import FeedbackItem
from soulcaster_core.timestamps import parse_timestamp

from .alert import Row, SplunkAlert, parse_alert
from .row_reading import read_row

SOURCE = "splunk"

#: Row fields left out of the row's identity. ``_serial`` is the row's position in the job's
#: results, not a property of the event: a real-time alert keeps one sid for days while its
#: window slides, so positions are reused and shift. Everything else in a row is fixed once
#: the job has produced it.
VOLATILE_FIELDS = frozenset({"_serial"})

# Scheduler sids stay well under this (long search names are replaced by an RMD5 hash), but a
# sid from a custom sender must not push external_id past FeedbackItem's 512 characters.
_MAX_SID = 200

#: The canonical form of a row that its fingerprint hashes. Built once: ``json.dumps`` with
#: these options would build an identical encoder on every call.
_CANONICAL_JSON = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def splunk_alert_to_feedback_item(
    alert: Mapping[str, Any] | SplunkAlert, project_id: str
) -> FeedbackItem:
    """Map one webhook body (the decoded dict, or an already parsed ``SplunkAlert``).

    A dict is checked first, so a malformed one raises ``BadPayload`` naming the field.
    """
    parsed = alert if isinstance(alert, SplunkAlert) else parse_alert(alert)
    row = parsed.result
    name = name_for(parsed)
    reading = read_row(row) if row is not None else None
    values: Mapping[str, str | list[str]] = row if row is not None else {}
    fields: dict[str, Any] = {}
    # Stats searches have no _time; a reformatted one may be unreadable: both fall back to
    # when the scheduler ran the search (its sid says), else to the time the item is built,
    # which is when the delivery arrived.
    when = parse_timestamp(values.get("_time")) or scheduled_at(parsed.sid)
    if when is not None:
        fields["created_at"] = when
    if reading is not None and reading.problem:
        # The row names its problem: that is the title, and the search that found it is said
        # in the body, not in what grouping reads.
        title = reading.problem
        body = f"{reading.text}\n\nSplunk search: {name}"
        raw_text = f"{title}\n{reading.statement}"
    else:
        title = title_for(name)
        row_text = reading.text if reading is not None else ""
        body = body_for(parsed, row_text)
        raw_text = raw_text_for(name, row_text)
    metadata: dict[str, Any] = {
        "search_name": parsed.search_name,
        "sid": parsed.sid,
        "host": values.get("host"),
        "source": values.get("source"),
        "sourcetype": values.get("sourcetype"),
        "index": values.get("index"),
        "results_link": parsed.results_link,
        "app": parsed.app,
        "owner": parsed.owner,
    }
    if reading is not None and reading.default_fields:
        metadata["splunk_fields"] = reading.default_fields
    if reading is not None:
        fields.update(
            exceptions=reading.exceptions,
            service=reading.service,
            trace_id=reading.trace_id,
            environment=reading.environment,
            level=reading.level,
            endpoint=reading.endpoint,
        )
    # The host the row came from, as a typed tag: incidents read it (docs/incidents.md).
    tags: dict[str, str] = {}
    host = values.get("host")
    if isinstance(host, str) and host.strip():
        tags["host"] = host.strip()
    if pod := pod_of(values):
        tags["pod"] = pod
    if namespace := namespace_of(values):
        tags["namespace"] = namespace
    if tags:
        fields["tags"] = tags
    link = parsed.results_link
    if link and link.startswith(("https://", "http://")):
        fields["links"] = {"splunk": link}
    return FeedbackItem(
        project_id=project_id,
        source=SOURCE,
        external_id=external_id_for(parsed),
        title=title,
        body=body,
        raw_text=raw_text,
        metadata=metadata,
        **fields,
    )


#: The fields Splunk's Kubernetes inputs (Splunk Connect for Kubernetes, the OpenTelemetry
#: collector) name a row's pod with.
_POD_FIELDS = ("kubernetes_pod", "kubernetes.pod_name", "k8s.pod.name", "pod_name", "pod")
# The kubelet's log files: /var/log/containers/<pod>_<namespace>_<container>-<id>.log and
# /var/log/pods/<namespace>_<pod>_<uid>/<container>/<n>.log.
_CONTAINER_LOG = re.compile(r"^/var/log/containers/([a-z0-9][a-z0-9.-]*)_([a-z0-9-]+)_[^/]+\.log$")
_POD_LOG = re.compile(r"^/var/log/pods/([a-z0-9-]+)_([a-z0-9][a-z0-9.-]*)_[0-9a-f-]+/")
#: The fields that name a row's Kubernetes namespace (where a team tells staging apart).
_NAMESPACE_FIELDS = (
    "kubernetes_namespace",
    "kubernetes.namespace_name",
    "k8s.namespace.name",
    "namespace",
)


# A scheduled search's sid: ``scheduler__<owner>__<app>__<search>_at_<epoch>_<n>``.
_SCHEDULED_SID = re.compile(r"_at_(\d{9,11})_\d+$")


def scheduled_at(sid: str | None) -> datetime | None:
    """When the scheduler ran the search whose results these are (a stats row has no
    ``_time`` of its own)."""
    match = _SCHEDULED_SID.search(sid) if sid else None
    return datetime.fromtimestamp(int(match[1]), UTC) if match else None


def pod_of(values: Mapping[str, str | list[str]]) -> str | None:
    """The Kubernetes pod a row came from: a pod field, else the kubelet log file it was read
    from (``source``)."""
    return _kubelet_part(values, _POD_FIELDS, container_log=1, pod_log=2)


def namespace_of(values: Mapping[str, str | list[str]]) -> str | None:
    """The Kubernetes namespace a row came from: a namespace field, else the kubelet log file
    it was read from (``source``)."""
    return _kubelet_part(values, _NAMESPACE_FIELDS, container_log=2, pod_log=1)


def _kubelet_part(
    values: Mapping[str, str | list[str]],
    fields: Sequence[str],
    *,
    container_log: int,
    pod_log: int,
) -> str | None:
    """The first of ``fields`` a row fills, else that part of the kubelet log file's path
    (``/var/log/containers/<pod>_<namespace>_...``, ``/var/log/pods/<namespace>_<pod>_...``)."""
    for name in fields:
        value = values.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()
    source = values.get("source")
    if isinstance(source, str) and source.startswith("/var/log/"):
        if match := _CONTAINER_LOG.match(source):
            return match[container_log]
        if match := _POD_LOG.match(source):
            return match[pod_log]
    return None


def external_id_for(alert: SplunkAlert) -> str:
    """``{sid}:{row hash}``: rows under one sid stay apart, a re-sent row stays one item.

    "For each result" triggering posts every row under the same sid, and a real-time alert
    posts every matching event under one sid for as long as it runs, so the sid alone would
    fold distinct events into one item. Without a sid, the search name stands in for it.
    """
    row = row_fingerprint(alert.result)
    if alert.sid is None:
        return "nosid:" + _digest(f"{alert.search_name or ''}\0{row}")
    sid = alert.sid if len(alert.sid) <= _MAX_SID else "sid-" + _digest(alert.sid)
    return f"{sid}:{row}"


def row_fingerprint(row: Row | None) -> str:
    """A hash of the row's content, independent of key order and of ``VOLATILE_FIELDS``."""
    if row is None:
        return _digest("null")
    stable = dict(row)
    for name in VOLATILE_FIELDS:
        stable.pop(name, None)
    return _digest(_CANONICAL_JSON.encode(stable))


def name_for(alert: SplunkAlert) -> str:
    """The search's name; without one, what the row says it is about."""
    return alert.search_name or _unnamed_label(alert)


def title_for(name: str) -> str:
    """``[Splunk] {name}``, ``name`` being ``name_for`` the alert."""
    return f"[Splunk] {name}"


def body_for(alert: SplunkAlert, row_text: str) -> str:
    """The row as ``read_row`` renders it; for an alert without one, what identifies it."""
    if alert.result is None:
        lines = ["Splunk sent no result row with this alert."]
        for label, value in (
            ("Search", alert.search_name),
            ("sid", alert.sid),
            ("App", alert.app),
            ("Owner", alert.owner),
        ):
            if value:
                lines.append(f"{label}: {value}")
        return "\n".join(lines)
    return row_text or "The result row holds only Splunk's default fields."


def raw_text_for(name: str, row_text: str) -> str:
    """What clustering reads: the search's name and the row, without placeholder sentences."""
    return f"{name}\n{row_text}" if row_text else name


def _unnamed_label(alert: SplunkAlert) -> str:
    # The docs' own example has "search_name": null; name the alert after its data instead,
    # else after the job that sent it.
    about = _as_text(alert.field("sourcetype")) or _as_text(alert.field("source"))
    if about:
        host = _as_text(alert.field("host"))
        return f"Alert: {about} on {host}" if host else f"Alert: {about}"
    job = [
        f"{label} {value}"
        for label, value in (("sid", alert.sid), ("app", alert.app), ("owner", alert.owner))
        if value
    ]
    return f"Alert ({', '.join(job)})" if job else "Alert"


def _as_text(value: str | list[str] | None) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else ", ".join(v for v in value if v)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:32]
