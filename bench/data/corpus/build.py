"""From the companies' tables to labelled rows: every ``Seen`` of every bug rendered by its
vendor module, each row tagged with its group, company and the classes it exercises."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import datadog, posthog, sentry, splunk
from .delivery import Delivery
from .model import Bug, Company, Noise, Seen
from .rand import Rand

Renderer = Callable[[Delivery, str], tuple[dict[str, str], dict[str, Any]]]

RENDERERS: dict[str, tuple[str, Renderer]] = {
    "sentry.error": ("sentry", sentry.render),
    "sentry.alert": ("sentry", sentry.render),
    "sentry.issue": ("sentry", sentry.render),
    "sentry.metric": ("sentry", sentry.render),
    "posthog": ("posthog", posthog.render),
    "splunk": ("splunk", splunk.render),
    "datadog.log": ("datadog", datadog.render),
    "datadog.apm": ("datadog", datadog.render),
    "datadog.task": ("datadog", datadog.render),
    "datadog.queue": ("datadog", datadog.render),
    "datadog.metric": ("datadog", datadog.render),
    "datadog.event": ("datadog", datadog.render),
    "datadog.synthetics": ("datadog", datadog.render),
    "datadog.process": ("datadog", datadog.render),
}

# 2026-03-02T00:00:00Z: the corpus covers the fortnight after it.
START = 1_772_409_600
DAY = 86_400


def row_classes(bug: Bug, seen: Seen, d: Delivery) -> list[int | str]:
    """Bug-level classes plus what this delivery's shape exercises (issue 12's numbering)."""
    tags: set[int | str] = set(bug.classes)
    tool, opts = seen.tool, seen.opts
    if tool == "splunk":
        tags.add(8 if "stats" in opts else 1)
        if "line" in opts:
            tags.discard(1)
    if tool == "datadog.log":
        tags.add(2)
    if tool == "datadog.apm":
        tags.update((2, 6, 8))
    if tool == "datadog.task":
        tags.add(8)
    if tool == "datadog.queue":
        tags.add(8)
    if tool == "sentry.issue" or opts.get("resolved"):
        tags.add(6)
    if opts.get("half") or opts.get("raw") or opts.get("in_app") or opts.get("sourcemaps") is False:
        tags.add(10)
    # posthog-js sends minified frames and marks every one in-app, vendor chunks included.
    if (
        tool == "posthog"
        and not opts.get("resolved")
        and d.service.platform == "javascript"
        and bug.chain
        and bug.chain[-1].frames
    ):
        tags.add(10)
    # posthog-node sends the compiled JavaScript's frames; Sentry maps them to TypeScript.
    if tool == "posthog" and not opts.get("resolved") and d.service.platform == "node":
        tags.add(10)
    # posthog-react-native sends Hermes bytecode frames and marks every one in-app.
    if tool == "posthog" and not opts.get("resolved") and d.service.platform == "react-native":
        tags.add(10)
    if bug.span > 1 or bug.renames:
        tags.add(5)
    if bug.pair:
        tags.add("near-miss")
    if bug.singleton:
        tags.add("singleton")
    return sorted(tags, key=lambda t: (isinstance(t, str), str(t).zfill(3)))


def bug_rows(company: Company, bug: Bug) -> list[dict[str, Any]]:
    rand = Rand(company.key, bug.id)
    total = sum(s.n for s in bug.seen)
    start = START + rand.uniform(0, 9 * DAY)
    rows = []
    index = 0
    for seen in bug.seen:
        source, render = RENDERERS[seen.tool]
        for _ in range(seen.n):
            release = int(str(seen.opts.get("release", index * bug.span // total)))
            when = start + release * 2 * DAY + rand.uniform(0, 1.6 * DAY)
            d = Delivery(
                company,
                company.services[str(seen.opts.get("svc", bug.service))],  # blind95: a platform
                bug,
                Rand(company.key, bug.id, index),
                index,
                release,
                when,
                seen.opts,
            )
            headers, body = render(d, seen.tool)
            rows.append(
                {
                    "source": source,
                    "headers": headers,
                    "body": body,
                    # blind102: a front end's view of a backend bug joins the backend's group.
                    "group": str(seen.opts.get("as_group", bug.id)),
                    "company": company.key,
                    "classes": row_classes(bug, seen, d),
                }
            )
            index += 1
    return rows


def noise_row(company: Company, noise: Noise) -> dict[str, Any]:
    rand = Rand(company.key, noise.id)
    service = company.services[noise.service]
    bug = Bug(noise.id, noise.service, chain=(), seen=())
    when = START + rand.uniform(0, 13 * DAY)
    d = Delivery(
        company, service, bug, rand, 0, int(noise.text.get("release", "0")), when, noise.text
    )
    source, render = RENDERERS[noise.tool]
    headers, body = render(d, noise.tool)
    return {
        "source": source,
        "headers": headers,
        "body": body,
        "group": noise.id,
        "company": company.key,
        "classes": ["noise"],
    }


def build_rows(companies: list[Company]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for company in companies:
        ids = [b.id for b in company.bugs] + [n.id for n in company.noise]
        if len(ids) != len(set(ids)):
            raise ValueError(f"{company.name}: duplicate group ids")
        by_id = {b.id: b for b in company.bugs}
        for bug in company.bugs:
            if bug.pair and by_id.get(bug.pair) is None:
                raise ValueError(f"{bug.id}: partner {bug.pair} is not a bug of {company.name}")
            if bug.pair and by_id[bug.pair].pair != bug.id:
                raise ValueError(f"{bug.id} and {bug.pair} must name each other")
            rows.extend(bug_rows(company, bug))
        rows.extend(noise_row(company, n) for n in company.noise)
    # Deliveries arrive interleaved in time, not grouped by bug.
    rows.sort(key=_arrival)
    return rows


def _arrival(row: dict[str, Any]) -> tuple[float, str]:
    return (_when(row), row["group"])


#: The top-level names the sets' Datadog templates give ``$DATE`` (milliseconds), in the order
#: they are looked for; a new set's template adds its own here.
_DATE_KEYS = (
    "created", "DATE", "fired", "sentAt", "raised_at", "updated_ms", "epoch_ms",
    "sent_ms", "dateMs", "at_ms",  # blind9
    "fired_ms", "epochMillis",  # blind10
    "triggered_at_ms", "sentAtMs", "date_ms",  # blind11
    "fired_at_ms", "unix_ms", "occurredAtMs",  # blind12
    "alerted_at_ms", "timestampMs", "changed_at_ms",  # blind13
    "firedAtMs", "raised_ms",  # blind14
    "triggered_ms", "firedAt",  # blind15
)  # fmt: skip
#: Those looked for after blind16's nested ``when.epoch_ms``.
_LATER_DATE_KEYS = (
    "fired_epoch_ms", "alertDateMs",  # blind17
    "fired_at_epoch_ms", "sentAtEpochMs",  # blind18
    "dd_fired_ms", "alertFiredAtMs",  # blind19
    "raised_epoch_ms", "notifiedAtMillis",  # blind20
    "bo_fired_at_ms", "bp_sent_ms",  # blind21
    "br_triggered_epoch_ms", "bsFiredAtEpochMs",  # blind22
    "bw_alerted_epoch_ms", "bx_fired_ms",  # blind24
    "bt_alerted_epoch_ms", "bv_fired_epoch_ms",  # blind23
)  # fmt: skip


def _when(row: dict[str, Any]) -> float:
    body, headers = row["body"], row["headers"]
    if "Sentry-Hook-Timestamp" in headers:
        return float(headers["Sentry-Hook-Timestamp"])
    if row["source"] == "splunk":
        sid = body["sid"]
        return float(sid.rsplit("_at_", 1)[1].split("_")[0])
    if row["source"] == "datadog":
        for key in ("date", "last_updated", "ts", "at"):
            if key in body:
                return float(body[key]) / 1000
        if isinstance(body.get("data"), dict) and "date" in body["data"]:
            return float(body["data"]["date"]) / 1000
        for key in _DATE_KEYS:
            if key in body:
                return float(body[key]) / 1000
        if isinstance(body.get("when"), dict) and "epoch_ms" in body["when"]:  # blind16's
            return float(body["when"]["epoch_ms"]) / 1000
        for key in _LATER_DATE_KEYS:
            if key in body:
                return float(body[key]) / 1000
        if isinstance(body.get("alert"), dict) and "last_updated_ms" in body:
            return float(body["last_updated_ms"]) / 1000
        if isinstance(body.get("event"), dict) and "time" in body["event"]:
            return float(body["event"]["time"]) / 1000
    event = body.get("event") or body.get("data") or {}
    stamp = str(event.get("timestamp", ""))
    if stamp:
        import datetime

        return datetime.datetime.fromisoformat(stamp.replace("Z", "+00:00")).timestamp()
    return 0.0
