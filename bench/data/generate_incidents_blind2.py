"""Write ``bench/data/incidents-blind2.jsonl``: an outsider's labelled multi-tool incident set.

    python bench/data/generate_incidents_blind2.py

Two fictional companies, one morning each, as their tools would post the deliveries to
Soulcaster (one JSON object a line, in the order the senders send them):

- **Kestrel Parcel** (K), a parcel-shipping platform on Kubernetes (EKS) with Datadog APM and
  infrastructure monitors (Datadog's recommended Soulcaster payload template), Sentry
  (Go, Python, Kotlin, Node, Next.js and React Native projects) and PostHog on the tracking site
  and the courier app. No Splunk. Tuesday 17 November 2026.
- **Rookhope Insurance** (R), motor and home insurance on VMs (Java and .NET services, an Oracle
  database) and AWS Lambda, logging everything to Splunk (saved-search webhook alerts), with
  Sentry, a few Datadog infrastructure monitors through a payload template of its own, and
  PostHog on the policy portal. Wednesday 18 November 2026.

Each row is ``{"source", "headers", "body", "incident", "role", "at"}``. ``incident`` is the
ground truth: one label for every row of one real failure, ``null`` for rows that belong to no
incident (heartbeats, deploy notices, staging alerts, a flapping monitor, a 4xx spike of user
errors, a warning that clears by itself...). The label was chosen by what broke, not by how a
tool names it: one failure is a Kubernetes deployment in Datadog, a Sentry project, a host in a
Splunk row and a page URL in PostHog, and environments are spelt as each tool's config has them.

Payload shapes follow the vendors' documentation (and ``shared/spec/provider-formats.md``):

- Sentry integration-platform webhooks (docs.sentry.io, integration-platform/webhooks: errors,
  issue-alerts, issues, metric-alerts): the ``{action, installation, data, actor}`` envelope,
  ``Sentry-Hook-Resource``, ``Sentry-Hook-Timestamp`` (Unix seconds), ``Request-ID`` and a
  ``Sentry-Hook-Signature`` (hex HMAC-SHA256 of the compact body with the Client Secret);
  ``error.created``, ``event_alert.triggered``, ``issue.created``/``resolved`` and
  ``metric_alert`` ``critical``/``warning``/``resolved``.
- Datadog Webhooks integration (docs.datadoghq.com/integrations/webhooks): ``$EVENT_TITLE``,
  ``$EVENT_MSG`` (``%%%`` markdown), ``$ALERT_TRANSITION``, ``$ALERT_SCOPE``, ``$TAGS``, ``$DATE``
  and ``$LAST_UPDATED`` in milliseconds, a 19-digit ``$ID``, ``$ALERT_CYCLE_KEY``...
- Splunk's built-in webhook alert action (docs.splunk.com, "Use a webhook alert action"):
  ``sid``, ``search_name``, ``app``, ``owner``, ``results_link`` and ``result`` (the first row,
  all strings; ``_time`` epoch seconds; none on ``stats`` rows).
- PostHog HTTP Webhook destination (posthog.com/docs/cdp, error-tracking/capture): the
  ``{"event": ..., "person": ..., "project": ...}`` body, ``$exception`` events with
  ``$exception_list`` and raw frames.

Standard library only; every random draw is seeded, so regenerating gives the same bytes.
"""

# ruff: noqa: E501  (log lines, monitor queries and payload text are kept on one line)
from __future__ import annotations

import hashlib
import hmac
import json
import random
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

OUT = Path(__file__).resolve().parent / "incidents-blind2.jsonl"
RNG = random.Random(20261117)
#: The company whose rows ``add`` is writing (each row names it).
COMPANY = [""]

ROWS: list[dict] = []


def hexid(n: int = 32) -> str:
    return "".join(RNG.choice("0123456789abcdef") for _ in range(n))


def digits(n: int) -> str:
    return str(RNG.randint(1, 9)) + "".join(str(RNG.randint(0, 9)) for _ in range(n - 1))


def uid() -> str:
    return str(uuid.UUID(int=RNG.getrandbits(128), version=4))


def iso(t: datetime, z: bool = True) -> str:
    s = t.astimezone(UTC).isoformat(timespec="microseconds")
    return s.replace("+00:00", "Z") if z else s


def day(date: str):
    def at(hms: str) -> datetime:
        return datetime.fromisoformat(f"{date}T{hms}+00:00")

    return at


K = day("2026-11-17")
R = day("2026-11-18")


def add(source: str, headers: dict, body: dict, incident: str | None, role: str, at: datetime):
    ROWS.append(
        {
            "source": source,
            "headers": headers,
            "body": body,
            "incident": incident,
            "role": role,
            "at": at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "company": COMPANY[0],
            "_n": len(ROWS),
        }
    )


# --------------------------------------------------------------------------------------------
# Sentry
# --------------------------------------------------------------------------------------------

SENTRY = {
    "K": {
        "org": "kestrel-parcel",
        "secret": "3f0d9b1e6a2c47e8b5d1c9a07e4f2b6d8c1a5e3f7b9d2c4a6e8f0b1d3c5a7e9f",
        "install": "6c1e0f2a-93b7-4d5e-a8c4-2f7e1b9d0a36",
        "env": "production",
    },
    "R": {
        "org": "rookhope",
        "secret": "a94c2e7b10d84f6e9b3a5c7d1e2f4a6b8c0d2e4f6a8b0c2d4e6f8a0b2c4d6e8f",
        "install": "0b7d3e91-5a2c-4f86-b1e9-7c4a2d6f8e03",
        "env": "prd",
    },
}

PROJECT_IDS = {
    "parcel-api": 4504311,
    "label-svc": 4504312,
    "rate-shop": 4504313,
    "tracking-web": 4504314,
    "notify-worker": 4504315,
    "courier-app": 4504316,
    "checkout-api": 4504317,
    "subscription-renewer": 4504318,
    "billing-sync": 4504319,
    "geo-search": 4504320,
    "auth-gateway": 4504321,
    "label-worker": 4504322,
    "quote-engine": 1187201,
    "claims-intake": 1187202,
    "docs-render": 1187203,
    "policy-portal": 1187204,
    "broker-gw": 1187205,
    "premium-collect": 1187206,
    "vehicle-lookup": 1187207,
}


def sentry_headers(co: str, resource: str, body: dict, at: datetime) -> tuple[dict, dict]:
    raw = json.dumps(body, separators=(",", ":"), ensure_ascii=True)
    sig = hmac.new(SENTRY[co]["secret"].encode(), raw.encode(), hashlib.sha256).hexdigest()
    sent = at + timedelta(seconds=RNG.randint(1, 4))
    return {
        "Content-Type": "application/json",
        "Request-ID": hexid(32),
        "Sentry-Hook-Resource": resource,
        "Sentry-Hook-Timestamp": str(int(sent.timestamp())),
        "Sentry-Hook-Signature": sig,
    }, body


def sf(
    filename: str,
    function: str,
    lineno: int,
    module: str | None = None,
    in_app: bool = True,
    ctx: str | None = None,
    abs_path: str | None = None,
    colno: int | None = None,
) -> dict:
    return {
        "filename": filename,
        "abs_path": abs_path or filename,
        "function": function,
        "module": module,
        "lineno": lineno,
        "colno": colno,
        "in_app": in_app,
        "context_line": ctx,
        "pre_context": None,
        "post_context": None,
        "vars": None,
        "data": None,
    }


def sentry_event(
    co: str,
    slug: str,
    issue_id: str,
    at: datetime,
    exceptions: list[tuple[str, str, list[dict]]],
    *,
    platform: str,
    release: str | None,
    culprit: str,
    tags: dict[str, str] | None = None,
    env: str | None = "",
    trace_id: str | None = None,
    level: str = "error",
    transaction: str | None = None,
    server_name: str | None = None,
    request_url: str | None = None,
    handled: bool = False,
    mechanism: str = "generic",
    contexts: dict | None = None,
    user: dict | None = None,
) -> dict:
    org = SENTRY[co]["org"]
    env = SENTRY[co]["env"] if env == "" else env
    event_id = hexid(32)
    pid = PROJECT_IDS[slug]
    tag_map = dict(tags or {})
    tag_map["level"] = level
    if env:
        tag_map["environment"] = env
    if release:
        tag_map["release"] = release
    if server_name:
        tag_map["server_name"] = server_name
    if transaction:
        tag_map["transaction"] = transaction
    ctxs = dict(contexts or {})
    if trace_id:
        ctxs["trace"] = {
            "trace_id": trace_id,
            "span_id": hexid(16),
            "op": "http.server" if request_url else "default",
            "status": "internal_error",
            "type": "trace",
        }
    values = []
    for i, (typ, value, frames) in enumerate(exceptions):
        values.append(
            {
                "type": typ,
                "value": value,
                "module": None,
                "mechanism": {
                    "type": mechanism if i == len(exceptions) - 1 else "chained",
                    "handled": handled,
                },
                "stacktrace": {"frames": frames} if frames else None,
            }
        )
    top_type, top_value, top_frames = exceptions[-1]
    last = top_frames[-1] if top_frames else {}
    ev = {
        "event_id": event_id,
        "project": pid,
        "release": release,
        "dist": None,
        "platform": platform,
        "message": "",
        "datetime": iso(at, z=False),
        "tags": sorted([k, v] for k, v in tag_map.items()),
        "_metrics": {"bytes.ingested.event": RNG.randint(3000, 14000)},
        "contexts": ctxs,
        "culprit": culprit,
        "environment": env,
        "exception": {"values": values},
        "fingerprint": ["{{ default }}"],
        "grouping_config": {"enhancements": "eJybzDRxY3J-", "id": "newstyle:2023-01-11"},
        "hashes": [hexid(32)],
        "level": level,
        "location": last.get("filename"),
        "logger": "",
        "metadata": {
            "type": top_type,
            "value": top_value,
            "filename": last.get("filename"),
            "function": last.get("function"),
            "in_app_frame_mix": "mixed",
        },
        "received": at.timestamp() + 0.8,
        "sdk": None,
        "timestamp": at.timestamp(),
        "title": f"{top_type}: {top_value}"[:200],
        "transaction": transaction,
        "type": "error",
        "user": user,
        "version": "7",
        "url": f"https://sentry.io/api/0/projects/{org}/{slug}/events/{event_id}/",
        "web_url": f"https://{org}.sentry.io/issues/{issue_id}/events/{event_id}/",
        "issue_url": f"https://sentry.io/api/0/issues/{issue_id}/",
        "issue_id": issue_id,
    }
    if server_name:
        ev["server_name"] = server_name
    if request_url:
        method, _, url = request_url.partition(" ")
        ev["request"] = {
            "method": method,
            "url": url,
            "headers": [["Accept", "application/json"]],
            "query_string": [],
            "data": None,
        }
    if not env:
        del ev["environment"]
    return ev


def sentry_error(co: str, ev: dict, at: datetime, incident: str | None, role: str):
    body = {
        "action": "created",
        "installation": {"uuid": SENTRY[co]["install"]},
        "data": {"error": ev},
        "actor": {"type": "application", "id": "sentry", "name": "Sentry"},
    }
    h, b = sentry_headers(co, "error", body, at)
    add("sentry", h, b, incident, role, at)


def sentry_alert(co: str, ev: dict, rule: str, at: datetime, incident: str | None, role: str):
    body = {
        "action": "triggered",
        "installation": {"uuid": SENTRY[co]["install"]},
        "data": {
            "event": ev,
            "triggered_rule": rule,
            "issue_alert": {"title": rule, "settings": []},
        },
        "actor": {"type": "application", "id": "sentry", "name": "Sentry"},
    }
    h, b = sentry_headers(co, "event_alert", body, at)
    add("sentry", h, b, incident, role, at)


def sentry_issue(
    co: str,
    action: str,
    slug: str,
    issue_id: str,
    short_id: str,
    typ: str,
    value: str,
    culprit: str,
    filename: str,
    function: str,
    platform: str,
    first_seen: datetime,
    at: datetime,
    count: int,
    incident: str | None,
    role: str,
    users: int = 1,
):
    org = SENTRY[co]["org"]
    status = {"created": "unresolved", "resolved": "resolved"}[action]
    issue = {
        "id": issue_id,
        "shareId": None,
        "shortId": short_id,
        "title": f"{typ}: {value}"[:200],
        "culprit": culprit,
        "permalink": None,
        "logger": None,
        "level": "error",
        "status": status,
        "statusDetails": {"inRelease": "latest"} if action == "resolved" else {},
        "substatus": "new" if action == "created" else None,
        "isPublic": False,
        "platform": platform,
        "project": {
            "id": str(PROJECT_IDS[slug]),
            "name": slug,
            "slug": slug,
            "platform": platform,
        },
        "type": "error",
        "metadata": {
            "type": typ,
            "value": value,
            "filename": filename,
            "function": function,
            "in_app_frame_mix": "in-app-only",
            "initial_priority": 75,
        },
        "numComments": 0,
        "assignedTo": None,
        "isBookmarked": False,
        "isSubscribed": False,
        "subscriptionDetails": None,
        "hasSeen": False,
        "annotations": [],
        "issueType": "error",
        "issueCategory": "error",
        "priority": "high",
        "priorityLockedAt": None,
        "isUnhandled": True,
        "count": str(count),
        "userCount": users,
        "firstSeen": iso(first_seen, z=False),
        "lastSeen": iso(at, z=False),
        "url": f"https://sentry.io/api/0/organizations/{org}/issues/{issue_id}/",
        "web_url": f"https://{org}.sentry.io/issues/{issue_id}/",
        "project_url": f"https://{org}.sentry.io/projects/{slug}/",
    }
    body = {
        "action": action,
        "installation": {"uuid": SENTRY[co]["install"]},
        "data": {"issue": issue},
        "actor": (
            {"type": "application", "id": "sentry", "name": "Sentry"}
            if action == "created"
            else {"type": "user", "id": 2207143, "name": "on-call"}
        ),
    }
    h, b = sentry_headers(co, "issue", body, at)
    add("sentry", h, b, incident, role, at)


def sentry_metric(
    co: str,
    action: str,
    incident_id: int,
    rule_id: int,
    rule_name: str,
    aggregate: str,
    query: str,
    slug: str,
    env: str | None,
    started: datetime,
    at: datetime,
    threshold: float,
    text: str,
    incident: str | None,
    role: str,
    dataset: str = "events",
):
    org = SENTRY[co]["org"]
    status = {"critical": 20, "warning": 10, "resolved": 2}[action]
    word = {"critical": "Critical", "warning": "Warning", "resolved": "Resolved"}[action]
    body = {
        "action": action,
        "installation": {"uuid": SENTRY[co]["install"]},
        "data": {
            "metric_alert": {
                "alert_rule": {
                    "id": str(rule_id),
                    "name": rule_name,
                    "organization_id": "1" + str(PROJECT_IDS[slug])[:5],
                    "status": 0,
                    "query_type": 0,
                    "dataset": dataset,
                    "query": query,
                    "aggregate": aggregate,
                    "threshold_type": 0,
                    "resolve_threshold": None,
                    "time_window": 5.0,
                    "environment": env,
                    "resolution": 1.0,
                    "threshold_period": 1,
                    "triggers": [
                        {
                            "id": str(rule_id * 10 + 1),
                            "alert_rule_id": str(rule_id),
                            "label": "critical",
                            "threshold_type": 0,
                            "alert_threshold": threshold,
                            "resolve_threshold": None,
                            "date_created": "2026-03-02T10:11:12.000000Z",
                            "actions": [
                                {
                                    "id": str(rule_id * 10 + 2),
                                    "type": "sentry_app",
                                    "target_type": "sentry_app",
                                    "target_identifier": "soulcaster",
                                    "input_channel_id": None,
                                    "target_display": "Soulcaster",
                                    "date_created": "2026-03-02T10:11:12.000000Z",
                                    "desc": "Send a notification via Soulcaster",
                                }
                            ],
                        }
                    ],
                    "projects": [slug],
                    "owner": None,
                    "date_modified": "2026-09-14T08:00:00.000000Z",
                    "date_created": "2026-03-02T10:11:12.000000Z",
                    "created_by": None,
                },
                "id": str(incident_id),
                "identifier": str(incident_id - 5000),
                "organization_id": "1" + str(PROJECT_IDS[slug])[:5],
                "projects": [slug],
                "status": status,
                "status_method": 3 if action == "resolved" else 1,
                "type": 2,
                "title": rule_name,
                "date_started": iso(started),
                "date_detected": iso(started),
                "date_added": iso(started),
                "date_closed": iso(at) if action == "resolved" else None,
            },
            "description_text": text,
            "description_title": f"{word}: {rule_name}",
            "web_url": f"https://{org}.sentry.io/alerts/{incident_id - 5000}/",
        },
        "actor": {"type": "application", "id": "sentry", "name": "Sentry"},
    }
    h, b = sentry_headers(co, "metric_alert", body, at)
    add("sentry", h, b, incident, role, at)


# --------------------------------------------------------------------------------------------
# Datadog
# --------------------------------------------------------------------------------------------

CYCLES: dict[str, str] = {}


def dd_common(key: str, transition: str, prio: str, scope: str, name: str):
    cycle = CYCLES.setdefault(key, digits(19))
    word = {
        "Triggered": "Triggered",
        "Re-Triggered": "Triggered",
        "Renotify": "Triggered",
        "Warn": "Warn",
        "Recovered": "Recovered",
        "No Data": "No data",
    }[transition]
    title = f"[{prio}] [{word} on {{{scope}}}] {name}" if scope else f"[{prio}] [{word}] {name}"
    alert_type = {"Recovered": "success", "Warn": "warning"}.get(transition, "error")
    return cycle, title, alert_type


def datadog_k(
    at: datetime,
    monitor: int,
    transition: str,
    name: str,
    scope: str,
    msg: str,
    tags: str,
    *,
    status: str,
    metric: str,
    query: str,
    prio: str = "P2",
    hostname: str = "",
    event_type: str = "query_alert_monitor",
    incident: str | None,
    role: str,
):
    """Kestrel's webhook: the payload template the integration guide recommends."""
    key = f"K{monitor}:{scope}"
    cycle, title, alert_type = dd_common(key, transition, prio, scope, name)
    date_ms = str(int(at.timestamp() * 1000))
    body = {
        "id": digits(19),
        "title": title,
        "body": f"%%%\n{msg}\n\n@webhook-soulcaster @slack-kp-oncall\n\n"
        f"[[Monitor Status](https://app.datadoghq.eu/monitors/{monitor}?from_ts="
        f"{int(at.timestamp() * 1000) - 900000}&to_ts={date_ms}&event_id={cycle})] · "
        f"[[Edit Monitor](https://app.datadoghq.eu/monitors/{monitor}/edit)]\n%%%",
        "event_type": event_type,
        "date": date_ms,
        "last_updated": date_ms,
        "org": {"id": "918273", "name": "Kestrel Parcel"},
        "alert_id": str(monitor),
        "alert_cycle_key": cycle,
        "aggreg_key": hashlib.md5(key.encode()).hexdigest(),
        "alert_scope": scope.replace(",", ", ") if scope else "",
        "alert_transition": transition,
        "alert_type": alert_type,
        "alert_priority": prio,
        "alert_title": name,
        "alert_status": status,
        "alert_metric": metric,
        "alert_query": query,
        "priority": "normal",
        "tags": tags,
        "hostname": hostname,
        "link": f"https://app.datadoghq.eu/event/event?id={cycle}",
        "snapshot": ""
        if transition == "Recovered"
        else f"https://p.datadoghq.eu/snapshot/view/dd-snapshots-eu1-prod/org_918273/"
        f"{at:%Y-%m-%d}/{hexid(40)}.png",
    }
    add("datadog", {"Content-Type": "application/json"}, body, incident, role, at)


def datadog_r(
    at: datetime,
    monitor: int,
    transition: str,
    name: str,
    scope: str,
    msg: str,
    tags: str,
    *,
    prio: str = "P2",
    hostname: str = "",
    incident: str | None,
    role: str,
):
    """Rookhope's webhook: a template of the team's own (summary/message, an unquoted date)."""
    key = f"R{monitor}:{scope}"
    cycle, title, _ = dd_common(key, transition, prio, scope, name)
    body = {
        "source": "datadog",
        "summary": title,
        "message": f"{msg}\n\nNotify: @webhook-soulcaster-rk @opsgenie-rookhope-infra",
        "severity": prio,
        "alert_id": str(monitor),
        "alert_transition": transition,
        "alert_cycle_key": cycle,
        "scope": scope,
        "tags": tags,
        "host": hostname,
        "date": int(at.timestamp() * 1000),
        "event_id": digits(19),
        "url": f"https://app.datadoghq.com/monitors/{monitor}",
    }
    add("datadog", {"Content-Type": "application/json"}, body, incident, role, at)


# --------------------------------------------------------------------------------------------
# Splunk
# --------------------------------------------------------------------------------------------

SPLUNK_UA = {
    "Content-Type": "application/json",
    "User-Agent": "Splunk/4E1B6F2A-8C3D-4A57-9E02-6D1C7B3A5F90",
}
SID_N = [4000]


def splunk(
    at: datetime,
    search_name: str | None,
    app: str,
    owner: str,
    result: dict | None,
    incident: str | None,
    role: str,
):
    SID_N[0] += RNG.randint(3, 40)
    sched = int(at.timestamp()) // 60 * 60
    sid = f"scheduler__{owner}__{app}__RMD5{hexid(16)}_at_{sched}_{SID_N[0]}"
    body = {
        "sid": sid,
        "search_name": search_name,
        "app": app,
        "owner": owner,
        "results_link": f"https://splunk.rookhope.internal:8000/app/{app}/@go?sid={sid}",
        "result": result,
    }
    add("splunk", dict(SPLUNK_UA), body, incident, role, at)


def srow(
    raw: str,
    t: datetime,
    host: str,
    source: str,
    sourcetype: str,
    index: str,
    frac: bool = True,
    **extra: str,
) -> dict:
    row = {
        "_raw": raw,
        "_time": f"{t.timestamp():.3f}" if frac else str(int(t.timestamp())),
        "_serial": "0",
        "_si": ["rk-splunk-idx02", index],
        "host": host,
        "source": source,
        "sourcetype": sourcetype,
        "index": index,
    }
    row.update(extra)
    return row


# --------------------------------------------------------------------------------------------
# PostHog
# --------------------------------------------------------------------------------------------

POSTHOG = {
    "K": {"id": 41877, "name": "Kestrel tracking", "host": "https://eu.posthog.com"},
    "R": {"id": 20931, "name": "Rookhope policy portal", "host": "https://eu.posthog.com"},
}


def jsf(url: str, function: str, lineno: int, colno: int, in_app: bool = True) -> dict:
    return {
        "platform": "web:javascript",
        "filename": url,
        "function": function,
        "lineno": lineno,
        "colno": colno,
        "in_app": in_app,
    }


def posthog(
    co: str,
    at: datetime,
    distinct_id: str,
    exc: list[tuple[str, str, list[dict]]],
    props: dict,
    incident: str | None,
    role: str,
    person: bool = True,
    lib: str = "web",
):
    p = POSTHOG[co]
    purl = f"{p['host']}/project/{p['id']}"
    ev_uuid = uid()
    properties = {
        "$exception_list": [
            {
                "type": typ,
                "value": value,
                "mechanism": {
                    "type": "onunhandledrejection" if i else "onerror",
                    "handled": False,
                    "synthetic": False,
                },
                "stacktrace": {"type": "raw", "frames": frames},
            }
            for i, (typ, value, frames) in enumerate(exc)
        ],
        "$exception_level": "error",
        "$exception_fingerprint": hexid(16),
        "$lib": lib,
        "$lib_version": "1.194.2" if lib == "web" else "3.6.1",
        "$session_id": uid(),
        "$window_id": uid(),
        "$device_id": uid(),
    }
    properties.update(props)
    body = {
        "event": {
            "uuid": ev_uuid,
            "event": "$exception",
            "distinct_id": distinct_id,
            "properties": properties,
            "elements_chain": "",
            "timestamp": iso(at),
            "url": f"{purl}/events/{ev_uuid}/{iso(at)}",
        },
        "person": (
            {
                "id": uid(),
                "properties": {"$initial_referring_domain": "$direct", "plan": "business"},
                "name": distinct_id,
                "url": f"{purl}/person/{distinct_id}",
            }
            if person
            else None
        ),
        "project": {"id": p["id"], "name": p["name"], "url": purl},
    }
    add("posthog", {"Content-Type": "application/json"}, body, incident, role, at)


def chrome(version: str = "130") -> dict:
    return {
        "$browser": "Chrome",
        "$browser_version": float(version),
        "$os": "Windows",
        "$os_version": "10.0",
    }


def safari(version: str = "17.6") -> dict:
    return {
        "$browser": "Safari",
        "$browser_version": float(version),
        "$os": "Mac OS X",
        "$os_version": "14.6.1",
    }


def mobile_safari(version: str = "18.1") -> dict:
    return {
        "$browser": "Mobile Safari",
        "$browser_version": float(version),
        "$os": "iOS",
        "$os_version": version,
    }


def firefox(version: str = "132") -> dict:
    return {
        "$browser": "Firefox",
        "$browser_version": float(version),
        "$os": "Linux",
        "$os_version": "",
    }


def trace() -> str:
    return hexid(32)


# ============================================================================================
# Kestrel Parcel: Kubernetes (EKS), Datadog APM, Sentry, PostHog. Tuesday 17 November 2026.
# ============================================================================================

KT = "https://track.kestrelparcel.com"
KT_CHUNK = f"{KT}/_next/static/chunks"
K_DD_BASE = "env:prod,kube_cluster_name:kp-eks-euw1,team:{team}"


def kestrel() -> None:
    # --- k-adyen-partial-outage: the payment provider fails some card auths (two services) ---
    inc = "k-adyen-partial-outage"
    t0 = K("07:02:10")
    tr = trace()
    datadog_k(
        t0,
        88120431,
        "Triggered",
        "checkout-api error rate above 5%",
        "env:prod,service:checkout-api",
        "Error rate on **checkout-api** (resource `POST /v2/checkout/pay`) is 11.4% "
        "over the last 5 minutes.\n\nMost errors: `adyen.ErrUpstream` (HTTP 502 from "
        "checkout-live.adyen.com).",
        "env:prod,service:checkout-api,team:payments,monitor",
        status="trace.http.request.errors / trace.http.request.hits over env:prod,"
        "service:checkout-api was > 0.05 on average during the last 5m",
        metric="trace.http.request.errors",
        query="sum(last_5m):sum:trace.http.request.errors{env:prod,service:checkout-api}.as_count()"
        " / sum:trace.http.request.hits{env:prod,service:checkout-api}.as_count() > 0.05",
        prio="P1",
        incident=inc,
        role="Datadog APM error-rate monitor on checkout-api triggers",
    )
    ev = sentry_event(
        "K",
        "checkout-api",
        "5811203377",
        t0 - timedelta(seconds=95),
        [
            (
                "*adyen.UpstreamError",
                "authorise payment: adyen returned 502 Bad Gateway (pspReference=)",
                [
                    sf("net/http/server.go", "(*conn).serve", 2092, "net/http", False),
                    sf(
                        "github.com/gin-gonic/gin@v1.10.0/context.go",
                        "(*Context).Next",
                        185,
                        "github.com/gin-gonic/gin",
                        False,
                    ),
                    sf(
                        "internal/checkout/handler.go",
                        "(*Handler).Pay",
                        142,
                        "kestrel/checkout-api/internal/checkout",
                    ),
                    sf(
                        "internal/payments/adyen/client.go",
                        "(*Client).Authorise",
                        88,
                        "kestrel/checkout-api/internal/payments/adyen",
                    ),
                ],
            )
        ],
        platform="go",
        release="checkout-api@1.19.3",
        culprit="kestrel/checkout-api/internal/payments/adyen in (*Client).Authorise",
        tags={
            "http.status_code": "502",
            "kube.pod": "checkout-api-6d8c9b7f5-r2xkq",
            "url": "/v2/checkout/pay",
        },
        trace_id=tr,
        transaction="POST /v2/checkout/pay",
        request_url="POST https://api.kestrelparcel.com/v2/checkout/pay",
    )
    sentry_error(
        "K",
        ev,
        t0 - timedelta(seconds=95),
        inc,
        "Sentry error: checkout-api's Adyen client gets a 502",
    )
    posthog(
        "K",
        t0 + timedelta(seconds=40),
        "cust_88213",
        [
            (
                "PaymentError",
                "We couldn't take your payment. Please try again. (502)",
                [
                    jsf(f"{KT_CHUNK}/framework-5a9d2e.js", "callCallback", 1, 44211, False),
                    jsf(f"{KT_CHUNK}/app/send/pay/page-93c1d8e2.js", "onSubmit", 1, 8812),
                    jsf(f"{KT_CHUNK}/app/send/pay/page-93c1d8e2.js", "payOrThrow", 1, 7710),
                ],
            )
        ],
        {
            **chrome(),
            "$current_url": f"{KT}/send/pay",
            "$pathname": "/send/pay",
            "environment": "prd",
        },
        inc,
        "PostHog $exception: the pay page shows the payment error",
    )
    ev = sentry_event(
        "K",
        "subscription-renewer",
        "5811209915",
        t0 + timedelta(minutes=3, seconds=12),
        [
            (
                "Adyen::ServerError",
                "HTTP 502 from /pal/servlet/Payment/v68/authorise",
                [
                    sf("app/jobs/renew_subscription_job.rb", "perform", 31, "RenewSubscriptionJob"),
                    sf(
                        "app/services/billing/charge_stored_card.rb",
                        "call",
                        57,
                        "Billing::ChargeStoredCard",
                    ),
                    sf(
                        "adyen-ruby (9.3.0) lib/adyen/client.rb", "call_adyen_api", 243, None, False
                    ),
                ],
            )
        ],
        platform="ruby",
        release="subscription-renewer@2026.11.12",
        culprit="Billing::ChargeStoredCard#call",
        tags={"sidekiq.queue": "renewals", "kube_deployment": "subscription-renewer"},
        server_name="subscription-renewer-7c4b9-w8z2t",
    )
    sentry_alert(
        "K",
        ev,
        "Renewal failures > 20 in 10 min",
        t0 + timedelta(minutes=3, seconds=12),
        inc,
        "Sentry issue alert: the Sidekiq renewer's stored-card charges fail at Adyen",
    )
    datadog_k(
        t0 + timedelta(minutes=21),
        88120431,
        "Recovered",
        "checkout-api error rate above 5%",
        "env:prod,service:checkout-api",
        "Error rate on **checkout-api** back to 0.4%.",
        "env:prod,service:checkout-api,team:payments,monitor",
        status="trace.http.request.errors / trace.http.request.hits over env:prod,"
        "service:checkout-api was <= 0.05 on average during the last 5m",
        metric="trace.http.request.errors",
        query="sum(last_5m):sum:trace.http.request.errors{env:prod,service:checkout-api}.as_count()"
        " / sum:trace.http.request.hits{env:prod,service:checkout-api}.as_count() > 0.05",
        prio="P1",
        incident=inc,
        role="Datadog APM error-rate monitor on checkout-api recovers",
    )

    # --- k-flag-label-layout-v2: a feature flag switched on for everyone breaks label PDFs ---
    inc = "k-flag-label-layout-v2"
    t0 = K("07:09:40")
    ev = sentry_event(
        "K",
        "label-svc",
        "5811214406",
        t0,
        [
            (
                "KeyError",
                "'dimensions'",
                [
                    sf(
                        "starlette/routing.py",
                        "app",
                        74,
                        "starlette.routing",
                        False,
                        abs_path="/usr/local/lib/python3.12/site-packages/starlette/routing.py",
                    ),
                    sf(
                        "label_svc/api/labels.py",
                        "create_label",
                        66,
                        "label_svc.api.labels",
                        ctx="    pdf = render_label(shipment, layout=layout)",
                    ),
                    sf(
                        "label_svc/render/v2.py",
                        "render_label",
                        118,
                        "label_svc.render.v2",
                        ctx='    w, h = parcel["dimensions"]["w"], parcel["dimensions"]["h"]',
                    ),
                ],
            )
        ],
        platform="python",
        release="label-svc@4.8.0",
        culprit="label_svc.render.v2 in render_label",
        tags={
            "feature_flag.label_layout_v2": "true",
            "kube_deployment": "label-svc",
            "url": "/labels",
        },
        trace_id=trace(),
        transaction="/labels",
        request_url="POST http://label-svc.shipping.svc.cluster.local:8080/labels",
        contexts={"flags": {"values": [{"flag": "label_layout_v2", "result": True}]}},
    )
    sentry_error(
        "K", ev, t0, inc, "Sentry error: label-svc's v2 renderer reads a missing 'dimensions' key"
    )
    sentry_issue(
        "K",
        "created",
        "label-svc",
        "5811214406",
        "LABEL-SVC-3F",
        "KeyError",
        "'dimensions'",
        "label_svc.render.v2 in render_label",
        "label_svc/render/v2.py",
        "render_label",
        "python",
        t0,
        t0 + timedelta(seconds=5),
        1,
        inc,
        "Sentry issue created for the KeyError",
    )
    posthog(
        "K",
        t0 + timedelta(minutes=1, seconds=20),
        "acct_31007",
        [
            (
                "TypeError",
                "Cannot read properties of undefined (reading 'pdfUrl')",
                [
                    jsf(
                        f"{KT_CHUNK}/app/shipments/%5Bid%5D/page-7fe21c.js",
                        "PrintButton.handleClick",
                        1,
                        3391,
                    ),
                    jsf(f"{KT_CHUNK}/app/shipments/%5Bid%5D/page-7fe21c.js", "openLabel", 1, 2954),
                ],
            )
        ],
        {
            **chrome("131"),
            "$current_url": f"{KT}/shipments/KP9930021GB",
            "environment": "prd",
            "$feature/label_layout_v2": True,
        },
        inc,
        "PostHog $exception: the print-label button gets no PDF back",
    )
    posthog(
        "K",
        t0 + timedelta(minutes=4, seconds=2),
        "acct_40211",
        [
            (
                "TypeError",
                "undefined is not an object (evaluating 't.label.pdfUrl')",
                [
                    jsf(f"{KT_CHUNK}/app/shipments/%5Bid%5D/page-7fe21c.js", "openLabel", 1, 2961),
                ],
            )
        ],
        {
            **safari(),
            "$current_url": f"{KT}/shipments/KP9930877GB",
            "environment": "prd",
            "$feature/label_layout_v2": True,
        },
        inc,
        "PostHog $exception: the same failure seen from Safari",
    )
    sentry_issue(
        "K",
        "resolved",
        "label-svc",
        "5811214406",
        "LABEL-SVC-3F",
        "KeyError",
        "'dimensions'",
        "label_svc.render.v2 in render_label",
        "label_svc/render/v2.py",
        "render_label",
        "python",
        t0,
        t0 + timedelta(minutes=19),
        212,
        inc,
        "Sentry issue resolved after the flag is switched off",
        users=87,
    )

    # --- k-billing-cron-orders-db: the billing-sync CronJob overloads the orders database ---
    inc = "k-billing-cron-orders-db"
    t0 = K("07:31:05")
    db_q = "avg(last_10m):avg:aws.rds.cpuutilization{dbinstanceidentifier:kp-orders-prod} > 90"
    datadog_k(
        t0,
        88120512,
        "Triggered",
        "RDS kp-orders-prod CPU > 90%",
        "dbinstanceidentifier:kp-orders-prod",
        "CPU on **kp-orders-prod** at 97.2% for 10 minutes. Active sessions: 412.",
        "dbinstanceidentifier:kp-orders-prod,env:prod,engine:postgres,team:platform,monitor",
        status="aws.rds.cpuutilization over dbinstanceidentifier:kp-orders-prod was > 90.0 on average during the last 10m",
        metric="aws.rds.cpuutilization",
        query=db_q,
        hostname="kp-orders-prod",
        incident=inc,
        role="Datadog RDS CPU monitor on the orders database triggers",
    )
    ev = sentry_event(
        "K",
        "billing-sync",
        "5811231180",
        t0 + timedelta(minutes=2),
        [
            (
                "QueryCanceled",
                "canceling statement due to statement timeout",
                [
                    sf("billing_sync/__main__.py", "main", 40, "billing_sync.__main__"),
                    sf(
                        "billing_sync/invoices.py",
                        "rebuild_month",
                        212,
                        "billing_sync.invoices",
                        ctx="        cur.execute(REBUILD_SQL, (month_start, month_end))",
                    ),
                    sf("psycopg/cursor.py", "execute", 732, "psycopg.cursor", False),
                ],
            ),
        ],
        platform="python",
        release="billing-sync@0.31.2",
        culprit="billing_sync.invoices in rebuild_month",
        tags={"job": "billing-sync-29391840", "kube_cronjob": "billing-sync"},
        server_name="billing-sync-29391840-zk7wq",
    )
    sentry_error(
        "K", ev, t0 + timedelta(minutes=2), inc, "Sentry error: the CronJob's own query times out"
    )
    ev = sentry_event(
        "K",
        "parcel-api",
        "5811231544",
        t0 + timedelta(minutes=3, seconds=30),
        [
            (
                "*pgconn.PgError",
                "ERROR: canceling statement due to statement timeout (SQLSTATE 57014)",
                [
                    sf(
                        "internal/http/parcels.go",
                        "(*Server).GetParcel",
                        77,
                        "kestrel/parcel-api/internal/http",
                    ),
                    sf(
                        "internal/store/parcels.go",
                        "(*Store).ParcelByTracking",
                        131,
                        "kestrel/parcel-api/internal/store",
                    ),
                    sf(
                        "github.com/jackc/pgx/v5@v5.6.0/conn.go",
                        "(*Conn).QueryRow",
                        690,
                        "github.com/jackc/pgx/v5",
                        False,
                    ),
                ],
            )
        ],
        platform="go",
        release="parcel-api@2.40.2",
        culprit="GET /v1/parcels/{tracking}",
        tags={"kube_deployment": "parcel-api", "kube_namespace": "shipping"},
        trace_id=trace(),
        transaction="GET /v1/parcels/{tracking}",
        request_url="GET https://api.kestrelparcel.com/v1/parcels/KP9931102GB",
    )
    sentry_error(
        "K",
        ev,
        t0 + timedelta(minutes=3, seconds=30),
        inc,
        "Sentry error: parcel-api's lookups time out on the busy DB",
    )
    datadog_k(
        t0 + timedelta(minutes=5),
        88120618,
        "Triggered",
        "parcel-api p99 latency above 2s",
        "env:prod,resource_name:get_/v1/parcels/_tracking,service:parcel-api",
        "p99 latency of `GET /v1/parcels/{tracking}` on **parcel-api** is 6.8s (threshold 2s). "
        "Slowest span: `postgres.query` SELECT ... FROM parcels.",
        "env:prod,service:parcel-api,team:shipping,monitor",
        status="trace.http.request.duration.by.resource_service.99p over env:prod,service:parcel-api was > 2.0 "
        "on average during the last 5m",
        metric="trace.http.request.duration.by.resource_service.99p",
        query="percentile(last_5m):p99:trace.http.request{env:prod,service:parcel-api} by {resource_name} > 2",
        incident=inc,
        role="Datadog APM latency monitor on parcel-api triggers",
    )
    datadog_k(
        t0 + timedelta(minutes=20),
        88120512,
        "Renotify",
        "RDS kp-orders-prod CPU > 90%",
        "dbinstanceidentifier:kp-orders-prod",
        "Still alerting: CPU on **kp-orders-prod** at 94.8%.",
        "dbinstanceidentifier:kp-orders-prod,env:prod,engine:postgres,team:platform,monitor",
        status="aws.rds.cpuutilization over dbinstanceidentifier:kp-orders-prod was > 90.0 on average during the last 10m",
        metric="aws.rds.cpuutilization",
        query=db_q,
        hostname="kp-orders-prod",
        incident=inc,
        role="Datadog RDS CPU monitor re-notifies",
    )
    datadog_k(
        t0 + timedelta(minutes=26),
        88120618,
        "Recovered",
        "parcel-api p99 latency above 2s",
        "env:prod,resource_name:get_/v1/parcels/_tracking,service:parcel-api",
        "p99 latency of `GET /v1/parcels/{tracking}` back to 180ms.",
        "env:prod,service:parcel-api,team:shipping,monitor",
        status="trace.http.request.duration.by.resource_service.99p over env:prod,service:parcel-api was <= 2.0 "
        "on average during the last 5m",
        metric="trace.http.request.duration.by.resource_service.99p",
        query="percentile(last_5m):p99:trace.http.request{env:prod,service:parcel-api} by {resource_name} > 2",
        incident=inc,
        role="Datadog APM latency monitor recovers (the CronJob was suspended)",
    )
    datadog_k(
        t0 + timedelta(minutes=29),
        88120512,
        "Recovered",
        "RDS kp-orders-prod CPU > 90%",
        "dbinstanceidentifier:kp-orders-prod",
        "CPU on **kp-orders-prod** back to 31%.",
        "dbinstanceidentifier:kp-orders-prod,env:prod,engine:postgres,team:platform,monitor",
        status="aws.rds.cpuutilization over dbinstanceidentifier:kp-orders-prod was <= 90.0 on average during the last 10m",
        metric="aws.rds.cpuutilization",
        query=db_q,
        hostname="kp-orders-prod",
        incident=inc,
        role="Datadog RDS CPU monitor recovers",
    )

    # --- k-rate-shop-memory-leak: a leak OOM-kills rate-shop pods one after another ---
    inc = "k-rate-shop-memory-leak"
    t0 = K("07:48:30")
    oom_q = "max(last_5m):sum:kubernetes.containers.state.terminated{reason:oomkilled,kube_deployment:rate-shop} by {pod_name} > 0"
    for i, (pod, dt) in enumerate(
        [("rate-shop-5b7d9c8f4-8k2lp", 0), ("rate-shop-5b7d9c8f4-q7mzt", 9)]
    ):
        datadog_k(
            t0 + timedelta(minutes=dt),
            88120733,
            "Triggered",
            "rate-shop container OOMKilled",
            f"kube_deployment:rate-shop,pod_name:{pod}",
            f"Container `rate-shop` in pod **{pod}** was OOMKilled (limit 1536Mi). Restarts: {3 + i}.",
            f"env:prod,kube_deployment:rate-shop,kube_namespace:pricing,pod_name:{pod},team:pricing,monitor",
            status=f"kubernetes.containers.state.terminated over kube_deployment:rate-shop,pod_name:{pod} was > 0 "
            "at least once during the last 5m",
            metric="kubernetes.containers.state.terminated",
            query=oom_q,
            hostname=f"ip-10-42-{17 + i * 3}-{101 + i * 7}.eu-west-1.compute.internal",
            incident=inc,
            role=f"Datadog multi-alert OOM monitor triggers for pod {pod}",
        )
    ev = sentry_event(
        "K",
        "rate-shop",
        "5811250021",
        t0 - timedelta(seconds=40),
        [
            (
                "java.lang.OutOfMemoryError",
                "Java heap space",
                [
                    sf("Thread.java", "run", 1583, "java.lang.Thread", False),
                    sf(
                        "QuoteController.kt",
                        "quote",
                        58,
                        "com.kestrel.rateshop.api.QuoteController",
                    ),
                    sf(
                        "CarrierRateCache.kt",
                        "remember",
                        41,
                        "com.kestrel.rateshop.cache.CarrierRateCache",
                    ),
                    sf("HashMap.java", "resize", 710, "java.util.HashMap", False),
                ],
            )
        ],
        platform="java",
        release="rate-shop@3.2.0",
        culprit="com.kestrel.rateshop.cache.CarrierRateCache in remember",
        tags={"kube_deployment": "rate-shop", "pod": "rate-shop-5b7d9c8f4-8k2lp"},
        server_name="rate-shop-5b7d9c8f4-8k2lp",
    )
    sentry_error(
        "K",
        ev,
        t0 - timedelta(seconds=40),
        inc,
        "Sentry error: OutOfMemoryError in rate-shop's carrier rate cache",
    )
    ev = sentry_event(
        "K",
        "parcel-api",
        "5811250377",
        t0 + timedelta(minutes=9, seconds=25),
        [
            (
                "*url.Error",
                'Post "http://rate-shop.pricing.svc.cluster.local:8080/v1/quotes": context deadline exceeded',
                [
                    sf(
                        "internal/http/quotes.go",
                        "(*Server).Quote",
                        49,
                        "kestrel/parcel-api/internal/http",
                    ),
                    sf(
                        "internal/rates/client.go",
                        "(*Client).Quote",
                        63,
                        "kestrel/parcel-api/internal/rates",
                    ),
                    sf("net/http/client.go", "(*Client).do", 725, "net/http", False),
                ],
            )
        ],
        platform="go",
        release="parcel-api@2.40.2",
        culprit="POST /v1/quotes",
        tags={"kube_deployment": "parcel-api"},
        trace_id=trace(),
        transaction="POST /v1/quotes",
    )
    sentry_error(
        "K",
        ev,
        t0 + timedelta(minutes=9, seconds=25),
        inc,
        "Sentry error: parcel-api's quote calls time out while rate-shop restarts",
    )
    datadog_k(
        t0 + timedelta(minutes=14),
        88120733,
        "Recovered",
        "rate-shop container OOMKilled",
        "kube_deployment:rate-shop,pod_name:rate-shop-5b7d9c8f4-8k2lp",
        "No OOM kill in pod **rate-shop-5b7d9c8f4-8k2lp** for 5 minutes.",
        "env:prod,kube_deployment:rate-shop,kube_namespace:pricing,pod_name:rate-shop-5b7d9c8f4-8k2lp,team:pricing,monitor",
        status="kubernetes.containers.state.terminated over kube_deployment:rate-shop,pod_name:rate-shop-5b7d9c8f4-8k2lp "
        "was <= 0 during the last 5m",
        metric="kubernetes.containers.state.terminated",
        query=oom_q,
        hostname="ip-10-42-17-101.eu-west-1.compute.internal",
        incident=inc,
        role="Datadog OOM monitor recovers for the first pod",
    )
    datadog_k(
        t0 + timedelta(minutes=17),
        88120734,
        "Warn",
        "rate-shop JVM heap usage high",
        "kube_deployment:rate-shop",
        "Heap used on **rate-shop** at 88% of max across 3 pods and climbing.",
        "env:prod,kube_deployment:rate-shop,service:rate-shop,team:pricing,monitor",
        status="jvm.heap_memory / jvm.heap_memory_max over kube_deployment:rate-shop was > 0.85 on average during the last 10m",
        metric="jvm.heap_memory",
        query="avg(last_10m):avg:jvm.heap_memory{kube_deployment:rate-shop} / avg:jvm.heap_memory_max{kube_deployment:rate-shop} > 0.95",
        prio="P3",
        incident=inc,
        role="Datadog JVM heap monitor warns on the whole deployment",
    )

    # --- k-kafka-partition-leader: a broker loses partition 7's leadership, notify-worker lags ---
    inc = "k-kafka-parcel-events-p7"
    t0 = K("08:04:15")
    lag_q = "avg(last_10m):max:kafka.consumer_lag{consumer_group:notify-worker,topic:parcel-events} by {partition} > 50000"
    datadog_k(
        t0,
        88120901,
        "Triggered",
        "notify-worker consumer lag on parcel-events",
        "partition:7",
        "Consumer group **notify-worker** is 184,220 messages behind on `parcel-events` partition 7.",
        "consumer_group:notify-worker,env:prod,kafka_cluster:kp-msk-prod,partition:7,topic:parcel-events,monitor",
        status="kafka.consumer_lag over consumer_group:notify-worker,partition:7,topic:parcel-events was > 50000.0 on average during the last 10m",
        metric="kafka.consumer_lag",
        query=lag_q,
        incident=inc,
        role="Datadog consumer-lag monitor triggers for partition 7",
    )
    ev = sentry_event(
        "K",
        "notify-worker",
        "5811271902",
        t0 - timedelta(minutes=2),
        [
            (
                "KafkaJSProtocolError",
                "This server is not the leader for that topic-partition",
                [
                    sf(
                        "/app/node_modules/kafkajs/src/consumer/runner.js",
                        "Runner.fetch",
                        413,
                        None,
                        False,
                    ),
                    sf(
                        "/app/node_modules/kafkajs/src/protocol/error.js",
                        "createErrorFromCode",
                        581,
                        None,
                        False,
                    ),
                ],
            ),
            (
                "KafkaJSNumberOfRetriesExceeded",
                "This server is not the leader for that topic-partition",
                [
                    sf("/app/node_modules/kafkajs/src/retry/index.js", "retry", 52, None, False),
                    sf("/app/dist/consumer.js", "startConsumer", 37, None),
                ],
            ),
        ],
        platform="node",
        release="notify-worker@1.44.0",
        culprit="startConsumer(dist/consumer)",
        tags={
            "kafka.topic": "parcel-events",
            "kube_deployment": "notify-worker",
            "runtime": "node v20.18.0",
        },
        server_name="notify-worker-58f7d6c9b-2mtvk",
    )
    sentry_error(
        "K",
        ev,
        t0 - timedelta(minutes=2),
        inc,
        "Sentry error: kafkajs gives up fetching from a non-leader",
    )
    datadog_k(
        t0 + timedelta(minutes=15),
        88120901,
        "Renotify",
        "notify-worker consumer lag on parcel-events",
        "partition:7",
        "Still alerting: **notify-worker** is 231,904 behind on partition 7.",
        "consumer_group:notify-worker,env:prod,kafka_cluster:kp-msk-prod,partition:7,topic:parcel-events,monitor",
        status="kafka.consumer_lag over consumer_group:notify-worker,partition:7,topic:parcel-events was > 50000.0 on average during the last 10m",
        metric="kafka.consumer_lag",
        query=lag_q,
        incident=inc,
        role="Datadog consumer-lag monitor re-notifies",
    )
    datadog_k(
        t0 + timedelta(minutes=6),
        88120950,
        "Triggered",
        "MSK under-replicated partitions",
        "broker_id:3",
        "Broker 3 of **kp-msk-prod** reports 14 under-replicated partitions and 1 offline leader.",
        "env:prod,kafka_cluster:kp-msk-prod,broker_id:3,team:platform,monitor",
        status="aws.kafka.under_replicated_partitions over broker_id:3 was > 0 at least once during the last 5m",
        metric="aws.kafka.under_replicated_partitions",
        query="max(last_5m):max:aws.kafka.under_replicated_partitions{cluster_name:kp-msk-prod} by {broker_id} > 0",
        hostname="b-3.kpmskprod.x7k2qd.c4.kafka.eu-west-1.amazonaws.com",
        incident=inc,
        role="Datadog MSK broker monitor triggers",
    )
    datadog_k(
        t0 + timedelta(minutes=31),
        88120901,
        "Recovered",
        "notify-worker consumer lag on parcel-events",
        "partition:7",
        "Consumer group **notify-worker** caught up on partition 7 (lag 212).",
        "consumer_group:notify-worker,env:prod,kafka_cluster:kp-msk-prod,partition:7,topic:parcel-events,monitor",
        status="kafka.consumer_lag over consumer_group:notify-worker,partition:7,topic:parcel-events was <= 50000.0 on average during the last 10m",
        metric="kafka.consumer_lag",
        query=lag_q,
        incident=inc,
        role="Datadog consumer-lag monitor recovers",
    )

    # --- k-cdn-chunk-503: CloudFront serves 503 for Next.js chunks; the tracking site breaks ---
    inc = "k-cdn-chunk-503"
    t0 = K("08:22:00")
    datadog_k(
        t0,
        88121010,
        "Triggered",
        "Synthetics: track.kestrelparcel.com tracking page loads",
        "",
        "Browser test **Tracking page loads** failed from 3 of 4 locations: "
        "`GET https://track.kestrelparcel.com/_next/static/chunks/app/track/page-c0de11.js` returned 503.",
        "env:prod,service:tracking-web,synthetics,team:web",
        status="Synthetics browser test 'Tracking page loads' failed in Frankfurt, London, Paris",
        metric="",
        query="",
        event_type="synthetics_alert",
        incident=inc,
        role="Datadog Synthetics browser test fails on a chunk 503",
    )
    for i, (who, props, dt) in enumerate(
        [
            ("anon_0193fe1d2", {**chrome("130")}, 35),
            ("anon_0193fe2a8", {**mobile_safari()}, 92),
            ("cust_71022", {**firefox()}, 180),
        ]
    ):
        posthog(
            "K",
            t0 + timedelta(seconds=dt),
            who,
            [
                (
                    "ChunkLoadError",
                    f"Loading chunk 8812 failed.\n(error: {KT_CHUNK}/app/track/page-c0de11.js)",
                    [
                        jsf(
                            f"{KT_CHUNK}/webpack-2f1c0e.js",
                            "__webpack_require__.f.j",
                            1,
                            3620,
                            False,
                        ),
                        jsf(
                            f"{KT_CHUNK}/webpack-2f1c0e.js", "__webpack_require__.e", 1, 2712, False
                        ),
                    ],
                )
            ],
            {**props, "$current_url": f"{KT}/track/KP99{31200 + i * 77}GB", "environment": "prd"},
            inc,
            f"PostHog $exception: ChunkLoadError on the tracking page ({props['$browser']})",
            person=who.startswith("cust_"),
        )
    ev = sentry_event(
        "K",
        "tracking-web",
        "5811290440",
        t0 + timedelta(minutes=1),
        [
            (
                "ChunkLoadError",
                "Loading chunk 8812 failed.",
                [
                    sf(
                        f"{KT_CHUNK}/webpack-2f1c0e.js",
                        "__webpack_require__.f.j",
                        1,
                        None,
                        False,
                        colno=3620,
                    ),
                    sf(f"{KT_CHUNK}/main-app-44c1a2.js", "loadChunk", 1, None, True, colno=912),
                ],
            )
        ],
        platform="javascript",
        release="tracking-web@2026.11.16-2",
        culprit="loadChunk(app:///main-app)",
        tags={"browser": "Chrome 130", "url": f"{KT}/track/KP9931241GB"},
        contexts={"browser": {"name": "Chrome", "version": "130.0.0", "type": "browser"}},
        mechanism="onerror",
    )
    sentry_error(
        "K", ev, t0 + timedelta(minutes=1), inc, "Sentry browser error: the same ChunkLoadError"
    )
    datadog_k(
        t0 + timedelta(minutes=24),
        88121010,
        "Recovered",
        "Synthetics: track.kestrelparcel.com tracking page loads",
        "",
        "Browser test **Tracking page loads** passing from all locations.",
        "env:prod,service:tracking-web,synthetics,team:web",
        status="Synthetics browser test 'Tracking page loads' passed",
        metric="",
        query="",
        event_type="synthetics_alert",
        incident=inc,
        role="Datadog Synthetics test recovers after the CloudFront origin fix",
    )

    # --- k-courier-app-3-14-crash: the courier app's new release crashes on the route screen ---
    inc = "k-courier-app-3.14-crash"
    t0 = K("08:40:00")
    sentry_metric(
        "K",
        "critical",
        71204,
        301188,
        "courier-app crash-free sessions below 99%",
        "percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate",
        "",
        "courier-app",
        "production",
        t0,
        t0,
        1.0,
        "Crash free session rate: 93.4% in the last hour\nThreshold: below 99%",
        inc,
        "Sentry metric alert: crash-free sessions critical on courier-app",
        dataset="metrics",
    )
    ev = sentry_event(
        "K",
        "courier-app",
        "5811301123",
        t0 - timedelta(minutes=3),
        [
            (
                "TypeError",
                "undefined is not an object (evaluating 'route.stops.length')",
                [
                    sf(
                        "app:///index.android.bundle",
                        "renderWithHooks",
                        1,
                        None,
                        False,
                        colno=11204,
                    ),
                    sf(
                        "app:///src/screens/RouteScreen.tsx",
                        "RouteScreen",
                        88,
                        None,
                        True,
                        ctx="  const remaining = route.stops.length - done;",
                    ),
                ],
            )
        ],
        platform="javascript",
        release="com.kestrelparcel.courier@3.14.0+412",
        culprit="RouteScreen(src/screens/RouteScreen)",
        tags={"device.family": "Samsung", "os.name": "Android", "dist": "412"},
        contexts={
            "os": {"name": "Android", "version": "14", "type": "os"},
            "app": {"app_version": "3.14.0", "type": "app"},
        },
        mechanism="onerror",
        user={"id": "courier_1822"},
    )
    sentry_error(
        "K",
        ev,
        t0 - timedelta(minutes=3),
        inc,
        "Sentry error: RouteScreen reads stops of an undefined route",
    )
    sentry_issue(
        "K",
        "created",
        "courier-app",
        "5811301123",
        "COURIER-APP-2R",
        "TypeError",
        "undefined is not an object (evaluating 'route.stops.length')",
        "RouteScreen(src/screens/RouteScreen)",
        "app:///src/screens/RouteScreen.tsx",
        "RouteScreen",
        "javascript",
        t0 - timedelta(minutes=3),
        t0 - timedelta(minutes=3) + timedelta(seconds=3),
        1,
        inc,
        "Sentry issue created for the crash",
    )
    posthog(
        "K",
        t0 + timedelta(minutes=2),
        "courier_2051",
        [
            (
                "TypeError",
                "Cannot read property 'length' of undefined",
                [
                    jsf("app:///index.android.bundle", "RouteScreen", 1, 884213),
                ],
            )
        ],
        {
            "$app_version": "3.14.0",
            "$app_build": "412",
            "$os": "Android",
            "$os_version": "13",
            "$device_model": "SM-A536B",
            "$screen_name": "RouteScreen",
            "environment": "prd",
        },
        inc,
        "PostHog $exception from posthog-react-native on the route screen",
        lib="posthog-react-native",
    )
    sentry_metric(
        "K",
        "resolved",
        71204,
        301188,
        "courier-app crash-free sessions below 99%",
        "percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate",
        "",
        "courier-app",
        "production",
        t0,
        t0 + timedelta(minutes=48),
        1.0,
        "Crash free session rate: 99.6% in the last hour\nThreshold: below 99%",
        inc,
        "Sentry metric alert resolves after the 3.14.1 hotfix",
        dataset="metrics",
    )

    # --- k-dpd-mtls-cert-expired: the client certificate for the DPD carrier API expired ---
    inc = "k-dpd-client-cert-expired"
    t0 = K("09:00:02")
    ev = sentry_event(
        "K",
        "label-svc",
        "5811322098",
        t0,
        [
            (
                "ssl.SSLError",
                "[SSL: TLSV13_ALERT_CERTIFICATE_EXPIRED] tlsv13 alert certificate expired (_ssl.c:2580)",
                [
                    sf(
                        "httpcore/_sync/connection.py",
                        "_connect",
                        156,
                        "httpcore._sync.connection",
                        False,
                    ),
                ],
            ),
            (
                "httpx.ConnectError",
                "[SSL: TLSV13_ALERT_CERTIFICATE_EXPIRED] tlsv13 alert certificate expired (_ssl.c:2580)",
                [
                    sf(
                        "label_svc/carriers/dpd.py", "book_collection", 91, "label_svc.carriers.dpd"
                    ),
                    sf(
                        "httpx/_transports/default.py",
                        "map_httpcore_exceptions",
                        89,
                        "httpx._transports.default",
                        False,
                    ),
                ],
            ),
        ],
        platform="python",
        release="label-svc@4.8.1",
        culprit="label_svc.carriers.dpd in book_collection",
        tags={"carrier": "dpd", "kube_deployment": "label-svc"},
        trace_id=trace(),
    )
    sentry_alert(
        "K",
        ev,
        "New issue in label-svc",
        t0,
        inc,
        "Sentry issue alert: DPD bookings fail the TLS handshake",
    )
    datadog_k(
        t0 + timedelta(minutes=4),
        88121190,
        "Triggered",
        "label-svc carrier booking failures",
        "carrier:dpd",
        "**label-svc** failed 63 DPD collection bookings in 5 minutes "
        "(`label.carrier.booking.failed{carrier:dpd}`).",
        "carrier:dpd,env:prod,kube_deployment:label-svc,team:carriers,monitor",
        status="label.carrier.booking.failed over carrier:dpd was > 20.0 at least once during the last 5m",
        metric="label.carrier.booking.failed",
        query="sum(last_5m):sum:label.carrier.booking.failed{env:prod} by {carrier}.as_count() > 20",
        incident=inc,
        role="Datadog custom-metric monitor on DPD booking failures triggers",
    )
    ev = sentry_event(
        "K",
        "label-svc",
        "5811322098",
        t0 + timedelta(minutes=12),
        [
            (
                "httpx.ConnectError",
                "[SSL: TLSV13_ALERT_CERTIFICATE_EXPIRED] tlsv13 alert certificate expired (_ssl.c:2580)",
                [
                    sf(
                        "label_svc/carriers/dpd.py", "book_collection", 91, "label_svc.carriers.dpd"
                    ),
                ],
            ),
        ],
        platform="python",
        release="label-svc@4.8.1",
        culprit="label_svc.carriers.dpd in book_collection",
        tags={"carrier": "dpd", "kube_deployment": "label-svc"},
    )
    sentry_error(
        "K", ev, t0 + timedelta(minutes=12), inc, "Sentry error: another event of the same issue"
    )
    datadog_k(
        t0 + timedelta(minutes=38),
        88121190,
        "Recovered",
        "label-svc carrier booking failures",
        "carrier:dpd",
        "DPD collection bookings succeeding again.",
        "carrier:dpd,env:prod,kube_deployment:label-svc,team:carriers,monitor",
        status="label.carrier.booking.failed over carrier:dpd was <= 20.0 during the last 5m",
        metric="label.carrier.booking.failed",
        query="sum(last_5m):sum:label.carrier.booking.failed{env:prod} by {carrier}.as_count() > 20",
        incident=inc,
        role="Datadog DPD booking monitor recovers (new certificate mounted)",
    )

    # --- k-address-search-slow: the third-party address autocomplete API slows to a crawl ---
    inc = "k-address-api-slow"
    t0 = K("09:14:30")
    lat_q = "percentile(last_5m):p95:trace.httpx.request{env:prod,service:geo-search,peer.hostname:api.addressnow.co.uk} > 1.5"
    datadog_k(
        t0,
        88121244,
        "Warn",
        "geo-search upstream AddressNow p95 latency",
        "env:prod,service:geo-search",
        "p95 of calls from **geo-search** to `api.addressnow.co.uk` is 1.2s (warn 1s, alert 1.5s).",
        "env:prod,service:geo-search,peer.hostname:api.addressnow.co.uk,team:web,monitor",
        status="p95 trace.httpx.request over env:prod,service:geo-search was > 1.0 on average during the last 5m",
        metric="trace.httpx.request",
        query=lat_q,
        prio="P3",
        incident=inc,
        role="Datadog APM monitor on the address API calls warns",
    )
    datadog_k(
        t0 + timedelta(minutes=6),
        88121244,
        "Triggered",
        "geo-search upstream AddressNow p95 latency",
        "env:prod,service:geo-search",
        "p95 of calls from **geo-search** to `api.addressnow.co.uk` is 4.9s (alert 1.5s).",
        "env:prod,service:geo-search,peer.hostname:api.addressnow.co.uk,team:web,monitor",
        status="p95 trace.httpx.request over env:prod,service:geo-search was > 1.5 on average during the last 5m",
        metric="trace.httpx.request",
        query=lat_q,
        prio="P3",
        incident=inc,
        role="Datadog APM monitor escalates to alert",
    )
    ev = sentry_event(
        "K",
        "geo-search",
        "5811340087",
        t0 + timedelta(minutes=7),
        [
            (
                "httpcore.ReadTimeout",
                "The read operation timed out",
                [sf("httpcore/_backends/sync.py", "read", 126, "httpcore._backends.sync", False)],
            ),
            (
                "httpx.ReadTimeout",
                "The read operation timed out",
                [
                    sf("geo_search/routes.py", "autocomplete", 34, "geo_search.routes"),
                    sf(
                        "geo_search/addressnow.py",
                        "find",
                        52,
                        "geo_search.addressnow",
                        ctx="    r = client.get(FIND_URL, params=params, timeout=3.0)",
                    ),
                ],
            ),
        ],
        platform="python",
        release="geo-search@1.7.4",
        culprit="geo_search.addressnow in find",
        tags={"kube_deployment": "geo-search", "upstream": "api.addressnow.co.uk"},
        trace_id=trace(),
        transaction="/v1/address/autocomplete",
    )
    sentry_error(
        "K",
        ev,
        t0 + timedelta(minutes=7),
        inc,
        "Sentry error: geo-search times out reading AddressNow",
    )
    posthog(
        "K",
        t0 + timedelta(minutes=8, seconds=30),
        "cust_66120",
        [
            (
                "AbortError",
                "signal is aborted without reason",
                [
                    jsf(f"{KT_CHUNK}/app/send/address/page-1b2e77.js", "fetchSuggestions", 1, 1840),
                    jsf(
                        f"{KT_CHUNK}/app/send/address/page-1b2e77.js",
                        "useAddressAutocomplete",
                        1,
                        1322,
                    ),
                ],
            )
        ],
        {**chrome(), "$current_url": f"{KT}/send/address", "environment": "prd"},
        inc,
        "PostHog $exception: the address autocomplete gives up",
    )
    datadog_k(
        t0 + timedelta(minutes=33),
        88121244,
        "Recovered",
        "geo-search upstream AddressNow p95 latency",
        "env:prod,service:geo-search",
        "p95 of calls to `api.addressnow.co.uk` back to 210ms.",
        "env:prod,service:geo-search,peer.hostname:api.addressnow.co.uk,team:web,monitor",
        status="p95 trace.httpx.request over env:prod,service:geo-search was <= 1.0 on average during the last 5m",
        metric="trace.httpx.request",
        query=lat_q,
        prio="P3",
        incident=inc,
        role="Datadog APM monitor recovers",
    )

    # --- k-parcel-api-2.41-nil-deref: a bad deploy of parcel-api panics on parcels without a hub ---
    inc = "k-parcel-api-2.41.0-bad-deploy"
    t0 = K("09:41:20")
    ev = sentry_event(
        "K",
        "parcel-api",
        "5811361540",
        t0,
        [
            (
                "runtime.Error",
                "runtime error: invalid memory address or nil pointer dereference",
                [
                    sf(
                        "github.com/gin-gonic/gin@v1.10.0/recovery.go",
                        "CustomRecoveryWithWriter.func1",
                        102,
                        "github.com/gin-gonic/gin",
                        False,
                    ),
                    sf(
                        "internal/http/parcels.go",
                        "(*Server).GetParcel",
                        84,
                        "kestrel/parcel-api/internal/http",
                    ),
                    sf(
                        "internal/model/parcel.go",
                        "(*Parcel).ETA",
                        57,
                        "kestrel/parcel-api/internal/model",
                        ctx="\treturn p.Hub.CutOff.Add(p.Service.Transit)",
                    ),
                ],
            )
        ],
        platform="go",
        release="parcel-api@2.41.0",
        culprit="kestrel/parcel-api/internal/model in (*Parcel).ETA",
        tags={"kube_deployment": "parcel-api", "kube_namespace": "shipping", "image_tag": "2.41.0"},
        trace_id=trace(),
        transaction="GET /v1/parcels/{tracking}",
        mechanism="gin.recovery",
    )
    sentry_error(
        "K", ev, t0, inc, "Sentry error: nil pointer panic in (*Parcel).ETA after the deploy"
    )
    sentry_issue(
        "K",
        "created",
        "parcel-api",
        "5811361540",
        "PARCEL-API-5K",
        "runtime.Error",
        "runtime error: invalid memory address or nil pointer dereference",
        "kestrel/parcel-api/internal/model in (*Parcel).ETA",
        "internal/model/parcel.go",
        "(*Parcel).ETA",
        "go",
        t0,
        t0 + timedelta(seconds=4),
        1,
        inc,
        "Sentry issue created (regression in 2.41.0)",
    )
    datadog_k(
        t0 + timedelta(minutes=3),
        88121302,
        "Triggered",
        "5xx on deployment {{kube_deployment.name}}",
        "kube_deployment:parcel-api",
        "**parcel-api** is answering 18% 5xx since image `2.41.0` rolled out "
        "(Deployment Tracking: version 2.41.0).",
        "env:prod,kube_deployment:parcel-api,kube_namespace:shipping,version:2.41.0,team:shipping,monitor",
        status="trace.http.request.errors over kube_deployment:parcel-api was > 0.05 on average during the last 5m",
        metric="trace.http.request.errors",
        query="sum(last_5m):sum:trace.http.request.errors{env:prod} by {kube_deployment}.as_count() / "
        "sum:trace.http.request.hits{env:prod} by {kube_deployment}.as_count() > 0.05",
        prio="P1",
        incident=inc,
        role="Datadog APM monitor by deployment triggers for parcel-api",
    )
    posthog(
        "K",
        t0 + timedelta(minutes=3, seconds=40),
        "anon_0193ff871",
        [
            (
                "AxiosError",
                "Request failed with status code 500",
                [
                    jsf(f"{KT_CHUNK}/8812-a7c21e9f.js", "settle", 1, 22904, False),
                    jsf(f"{KT_CHUNK}/app/track/page-d41a07.js", "loadParcel", 1, 1503),
                ],
            )
        ],
        {**mobile_safari("17.7"), "$current_url": f"{KT}/track/KP9931877GB", "environment": "prd"},
        inc,
        "PostHog $exception: the tracking page's parcel request gets a 500",
        person=False,
    )
    datadog_k(
        t0 + timedelta(minutes=16),
        88121302,
        "Recovered",
        "5xx on deployment {{kube_deployment.name}}",
        "kube_deployment:parcel-api",
        "**parcel-api** 5xx rate back to 0.1% (rolled back to 2.40.2).",
        "env:prod,kube_deployment:parcel-api,kube_namespace:shipping,version:2.40.2,team:shipping,monitor",
        status="trace.http.request.errors over kube_deployment:parcel-api was <= 0.05 on average during the last 5m",
        metric="trace.http.request.errors",
        query="sum(last_5m):sum:trace.http.request.errors{env:prod} by {kube_deployment}.as_count() / "
        "sum:trace.http.request.hits{env:prod} by {kube_deployment}.as_count() > 0.05",
        prio="P1",
        incident=inc,
        role="Datadog APM monitor recovers after the rollback",
    )

    # --- k-session-redis-maxmemory: the session Redis fills up and refuses writes ---
    inc = "k-session-redis-oom"
    t0 = K("09:44:10")
    datadog_k(
        t0,
        88121355,
        "Triggered",
        "Redis memory near maxmemory",
        "host:kp-sessions-redis-001",
        "**kp-sessions-redis-001** uses 99.1% of maxmemory; evictions 0 (policy `noeviction`).",
        "env:prod,cache_cluster:kp-sessions,service:redis,team:platform,monitor",
        status="redis.mem.used / redis.mem.maxmemory over host:kp-sessions-redis-001 was > 0.95 on average during the last 5m",
        metric="redis.mem.used",
        query="avg(last_5m):avg:redis.mem.used{cache_cluster:kp-sessions} by {host} / avg:redis.mem.maxmemory{cache_cluster:kp-sessions} by {host} > 0.95",
        hostname="kp-sessions-redis-001",
        incident=inc,
        role="Datadog Redis memory monitor triggers",
    )
    ev = sentry_event(
        "K",
        "auth-gateway",
        "5811364471",
        t0 + timedelta(minutes=1, seconds=10),
        [
            (
                "ReplyError",
                "OOM command not allowed when used memory > 'maxmemory'.",
                [
                    sf(
                        "/app/node_modules/ioredis/built/redis/event_handler.js",
                        "Socket.<anonymous>",
                        182,
                        None,
                        False,
                    ),
                    sf("/app/dist/session/store.js", "RedisSessionStore.set", 44, None),
                    sf("/app/dist/routes/login.js", "login", 71, None),
                ],
            )
        ],
        platform="node",
        release="auth-gateway@5.2.1",
        culprit="RedisSessionStore.set(dist/session/store)",
        tags={"kube_deployment": "auth-gateway", "url": "/auth/login"},
        trace_id=trace(),
        transaction="POST /auth/login",
    )
    sentry_alert(
        "K",
        ev,
        "auth-gateway: new issue",
        t0 + timedelta(minutes=1, seconds=10),
        inc,
        "Sentry issue alert: logins cannot write sessions",
    )
    ev = sentry_event(
        "K",
        "auth-gateway",
        "5811364471",
        t0 + timedelta(minutes=6),
        [
            (
                "ReplyError",
                "OOM command not allowed when used memory > 'maxmemory'.",
                [
                    sf("/app/dist/session/store.js", "RedisSessionStore.touch", 58, None),
                ],
            )
        ],
        platform="node",
        release="auth-gateway@5.2.1",
        culprit="RedisSessionStore.touch(dist/session/store)",
        tags={"kube_deployment": "auth-gateway"},
    )
    sentry_error(
        "K", ev, t0 + timedelta(minutes=6), inc, "Sentry error: session refresh hits the same OOM"
    )
    datadog_k(
        t0 + timedelta(minutes=22),
        88121355,
        "Recovered",
        "Redis memory near maxmemory",
        "host:kp-sessions-redis-001",
        "**kp-sessions-redis-001** at 61% of maxmemory after the node was resized.",
        "env:prod,cache_cluster:kp-sessions,service:redis,team:platform,monitor",
        status="redis.mem.used / redis.mem.maxmemory over host:kp-sessions-redis-001 was <= 0.95 on average during the last 5m",
        metric="redis.mem.used",
        query="avg(last_5m):avg:redis.mem.used{cache_cluster:kp-sessions} by {host} / avg:redis.mem.maxmemory{cache_cluster:kp-sessions} by {host} > 0.95",
        hostname="kp-sessions-redis-001",
        incident=inc,
        role="Datadog Redis memory monitor recovers",
    )

    # --- k-coredns-timeouts: CoreDNS pods crash-loop, in-cluster lookups time out ---
    inc = "k-coredns-crashloop"
    t0 = K("10:20:45")
    datadog_k(
        t0,
        88121480,
        "Triggered",
        "CoreDNS pods not ready",
        "kube_deployment:coredns,kube_namespace:kube-system",
        "Only 0/2 **coredns** pods ready in `kube-system` (CrashLoopBackOff: `plugin/loop: Loop detected`).",
        "env:prod,kube_cluster_name:kp-eks-euw1,kube_deployment:coredns,kube_namespace:kube-system,team:platform,monitor",
        status="kubernetes_state.deployment.replicas_available over kube_deployment:coredns was < 1 during the last 2m",
        metric="kubernetes_state.deployment.replicas_available",
        query="min(last_2m):min:kubernetes_state.deployment.replicas_available{kube_deployment:coredns} < 1",
        prio="P1",
        incident=inc,
        role="Datadog monitor on CoreDNS replicas triggers",
    )
    ev = sentry_event(
        "K",
        "parcel-api",
        "5811402218",
        t0 + timedelta(seconds=50),
        [
            (
                "*net.OpError",
                "dial tcp: lookup rate-shop.pricing.svc.cluster.local on 172.20.0.10:53: read udp 10.42.19.77:41234->172.20.0.10:53: i/o timeout",
                [
                    sf(
                        "internal/rates/client.go",
                        "(*Client).Quote",
                        63,
                        "kestrel/parcel-api/internal/rates",
                    ),
                    sf("net/http/transport.go", "(*Transport).dialConn", 1776, "net/http", False),
                ],
            )
        ],
        platform="go",
        release="parcel-api@2.40.2",
        culprit="kestrel/parcel-api/internal/rates in (*Client).Quote",
        tags={"kube_deployment": "parcel-api"},
        trace_id=trace(),
        transaction="POST /v1/quotes",
    )
    sentry_error(
        "K",
        ev,
        t0 + timedelta(seconds=50),
        inc,
        "Sentry error: parcel-api cannot resolve rate-shop",
    )
    ev = sentry_event(
        "K",
        "notify-worker",
        "5811402390",
        t0 + timedelta(minutes=1, seconds=30),
        [
            (
                "Error",
                "getaddrinfo EAI_AGAIN smtp-relay.kp-mail.svc.cluster.local",
                [
                    sf("node:dns", "GetAddrInfoReqWrap.onlookup", 109, None, False),
                    sf("/app/dist/channels/email.js", "sendEmail", 29, None),
                ],
            )
        ],
        platform="node",
        release="notify-worker@1.44.0",
        culprit="sendEmail(dist/channels/email)",
        tags={"kube_deployment": "notify-worker"},
    )
    sentry_error(
        "K",
        ev,
        t0 + timedelta(minutes=1, seconds=30),
        inc,
        "Sentry error: notify-worker's DNS lookup of the mail relay fails",
    )
    ev = sentry_event(
        "K",
        "label-svc",
        "5811402611",
        t0 + timedelta(minutes=2, seconds=5),
        [
            (
                "socket.gaierror",
                "[Errno -3] Temporary failure in name resolution",
                [sf("socket.py", "getaddrinfo", 964, "socket", False)],
            ),
            (
                "httpx.ConnectError",
                "[Errno -3] Temporary failure in name resolution",
                [sf("label_svc/storage.py", "put_pdf", 22, "label_svc.storage")],
            ),
        ],
        platform="python",
        release="label-svc@4.8.1",
        culprit="label_svc.storage in put_pdf",
        tags={"kube_deployment": "label-svc"},
    )
    sentry_error(
        "K",
        ev,
        t0 + timedelta(minutes=2, seconds=5),
        inc,
        "Sentry error: label-svc cannot resolve the object store",
    )
    datadog_k(
        t0 + timedelta(minutes=11),
        88121480,
        "Recovered",
        "CoreDNS pods not ready",
        "kube_deployment:coredns,kube_namespace:kube-system",
        "2/2 **coredns** pods ready.",
        "env:prod,kube_cluster_name:kp-eks-euw1,kube_deployment:coredns,kube_namespace:kube-system,team:platform,monitor",
        status="kubernetes_state.deployment.replicas_available over kube_deployment:coredns was >= 1 during the last 2m",
        metric="kubernetes_state.deployment.replicas_available",
        query="min(last_2m):min:kubernetes_state.deployment.replicas_available{kube_deployment:coredns} < 1",
        prio="P1",
        incident=inc,
        role="Datadog CoreDNS monitor recovers",
    )

    # --- k-label-print-queue-backlog: the label print queue backs up behind a stuck printer bridge ---
    inc = "k-label-print-queue-backlog"
    t0 = K("10:48:00")
    q_q = "avg(last_10m):avg:rabbitmq.queue.messages{rabbitmq_queue:label-print} > 5000"
    datadog_k(
        t0,
        88121560,
        "Triggered",
        "RabbitMQ queue label-print backing up",
        "rabbitmq_queue:label-print",
        "Queue **label-print** holds 18,304 messages; consumers: 6, ack rate 0.2/s.",
        "env:prod,rabbitmq_queue:label-print,rabbitmq_vhost:shipping,team:carriers,monitor",
        status="rabbitmq.queue.messages over rabbitmq_queue:label-print was > 5000.0 on average during the last 10m",
        metric="rabbitmq.queue.messages",
        query=q_q,
        hostname="kp-rabbitmq-0",
        incident=inc,
        role="Datadog RabbitMQ queue-depth monitor triggers",
    )
    ev = sentry_event(
        "K",
        "label-worker",
        "5811433009",
        t0 + timedelta(minutes=2),
        [
            (
                "TimeoutError",
                "print job 7f3a0c2e waited 600s for printer bridge ack (site=DOV-02)",
                [
                    sf("/app/src/consumer.ts", "handleMessage", 64, None),
                    sf("/app/src/bridge/client.ts", "waitForAck", 118, None),
                ],
            )
        ],
        platform="node",
        release="label-worker@0.9.12",
        culprit="waitForAck(src/bridge/client)",
        tags={"kube_deployment": "label-worker", "site": "DOV-02"},
    )
    sentry_error(
        "K",
        ev,
        t0 + timedelta(minutes=2),
        inc,
        "Sentry error: label-worker waits for the printer bridge",
    )
    datadog_k(
        t0 + timedelta(minutes=20),
        88121560,
        "Renotify",
        "RabbitMQ queue label-print backing up",
        "rabbitmq_queue:label-print",
        "Still alerting: **label-print** holds 26,990 messages.",
        "env:prod,rabbitmq_queue:label-print,rabbitmq_vhost:shipping,team:carriers,monitor",
        status="rabbitmq.queue.messages over rabbitmq_queue:label-print was > 5000.0 on average during the last 10m",
        metric="rabbitmq.queue.messages",
        query=q_q,
        hostname="kp-rabbitmq-0",
        incident=inc,
        role="Datadog queue-depth monitor re-notifies",
    )
    datadog_k(
        t0 + timedelta(minutes=41),
        88121560,
        "Recovered",
        "RabbitMQ queue label-print backing up",
        "rabbitmq_queue:label-print",
        "Queue **label-print** drained (312 messages).",
        "env:prod,rabbitmq_queue:label-print,rabbitmq_vhost:shipping,team:carriers,monitor",
        status="rabbitmq.queue.messages over rabbitmq_queue:label-print was <= 5000.0 on average during the last 10m",
        metric="rabbitmq.queue.messages",
        query=q_q,
        hostname="kp-rabbitmq-0",
        incident=inc,
        role="Datadog queue-depth monitor recovers",
    )

    # --- k-webhook-signing-key-rotation: customers' shop integrations reject our webhooks ---
    inc = "k-shop-webhook-signing-mismatch"
    t0 = K("11:05:30")
    ev = sentry_event(
        "K",
        "notify-worker",
        "5811450220",
        t0,
        [
            (
                "WebhookDeliveryError",
                "shop webhook rejected: 401 invalid signature (shopify, store=brewbox-uk)",
                [
                    sf("/app/dist/channels/webhook.js", "deliver", 77, None),
                    sf("/app/dist/signing.js", "sign", 15, None),
                ],
            )
        ],
        platform="node",
        release="notify-worker@1.45.0",
        culprit="deliver(dist/channels/webhook)",
        tags={"kube_deployment": "notify-worker", "channel": "webhook"},
    )
    sentry_alert(
        "K",
        ev,
        "Webhook delivery failures",
        t0,
        inc,
        "Sentry issue alert: shop webhooks rejected after the signing-key rotation",
    )
    sentry_metric(
        "K",
        "critical",
        71251,
        301240,
        "notify-worker webhook failures",
        "count()",
        'error.type:"WebhookDeliveryError"',
        "notify-worker",
        "production",
        t0 + timedelta(minutes=3),
        t0 + timedelta(minutes=3),
        100.0,
        "412 events in the last 5 minutes\nFilter: error.type:WebhookDeliveryError",
        inc,
        "Sentry metric alert on webhook delivery failures goes critical",
    )
    sentry_metric(
        "K",
        "resolved",
        71251,
        301240,
        "notify-worker webhook failures",
        "count()",
        'error.type:"WebhookDeliveryError"',
        "notify-worker",
        "production",
        t0 + timedelta(minutes=3),
        t0 + timedelta(minutes=27),
        100.0,
        "3 events in the last 5 minutes\nFilter: error.type:WebhookDeliveryError",
        inc,
        "Sentry metric alert resolves once the old key is restored",
    )

    # ---------------------------- Kestrel decoys (no incident) ----------------------------
    for dt, tr_ in [
        ("06:55:00", "Triggered"),
        ("07:01:00", "Recovered"),
        ("08:12:00", "Triggered"),
        ("08:15:00", "Recovered"),
    ]:
        datadog_k(
            K(dt),
            88119902,
            tr_,
            "Node disk usage above 85%",
            "host:ip-10-42-33-8.eu-west-1.compute.internal",
            "Disk `/var/lib/containerd` on **ip-10-42-33-8** at "
            + ("86.2%" if tr_ == "Triggered" else "84.1%")
            + " (image GC runs at 85%).",
            "env:prod,kube_cluster_name:kp-eks-euw1,kube_node_pool:general,team:platform,monitor",
            status="system.disk.in_use over host:ip-10-42-33-8.eu-west-1.compute.internal was "
            + ("> 0.85" if tr_ == "Triggered" else "<= 0.85")
            + " on average during the last 5m",
            metric="system.disk.in_use",
            query="avg(last_5m):avg:system.disk.in_use{device:/dev/nvme1n1} by {host} > 0.85",
            prio="P4",
            hostname="ip-10-42-33-8.eu-west-1.compute.internal",
            incident=None,
            role=f"decoy: a flapping disk monitor on a node ({tr_})",
        )
    datadog_k(
        K("07:12:00"),
        88119950,
        "Triggered",
        "label-svc error rate above 10%",
        "env:staging,service:label-svc",
        "Error rate on **label-svc** (staging) is 34% over the last 5 minutes.",
        "env:staging,service:label-svc,team:carriers,monitor",
        status="trace.http.request.errors over env:staging,service:label-svc was > 0.1 on average during the last 5m",
        metric="trace.http.request.errors",
        query="sum(last_5m):sum:trace.http.request.errors{env:staging,service:label-svc}.as_count() / "
        "sum:trace.http.request.hits{env:staging,service:label-svc}.as_count() > 0.1",
        prio="P4",
        incident=None,
        role="decoy: staging label-svc error rate (a load test) while production label-svc fails",
    )
    datadog_k(
        K("07:40:00"),
        88119950,
        "Recovered",
        "label-svc error rate above 10%",
        "env:staging,service:label-svc",
        "Error rate on **label-svc** (staging) back to 0%.",
        "env:staging,service:label-svc,team:carriers,monitor",
        status="trace.http.request.errors over env:staging,service:label-svc was <= 0.1 on average during the last 5m",
        metric="trace.http.request.errors",
        query="sum(last_5m):sum:trace.http.request.errors{env:staging,service:label-svc}.as_count() / "
        "sum:trace.http.request.hits{env:staging,service:label-svc}.as_count() > 0.1",
        prio="P4",
        incident=None,
        role="decoy: the staging monitor recovers",
    )
    ev = sentry_event(
        "K",
        "label-svc",
        "5811217730",
        K("07:14:20"),
        [
            (
                "KeyError",
                "'dimensions'",
                [
                    sf("label_svc/api/labels.py", "create_label", 66, "label_svc.api.labels"),
                    sf("label_svc/render/v2.py", "render_label", 118, "label_svc.render.v2"),
                ],
            )
        ],
        platform="python",
        release="label-svc@4.9.0-rc.1",
        culprit="label_svc.render.v2 in render_label",
        tags={"kube_deployment": "label-svc", "kube_namespace": "shipping-staging"},
        env="staging",
    )
    sentry_error(
        "K", ev, K("07:14:20"), None, "decoy: the same KeyError on staging, a separate Sentry issue"
    )
    datadog_k(
        K("08:30:00"),
        88119977,
        "Triggered",
        "parcel-api 4xx rate high",
        "env:prod,resource_name:post_/v1/parcels,service:parcel-api",
        "4xx rate on `POST /v1/parcels` is 38% (mostly 422 `postcode_invalid`), from API key `ak_live_…9f2` (one integrator).",
        "env:prod,service:parcel-api,team:shipping,monitor",
        status="trace.http.request.hits.by_http_status{http.status_class:4xx} over env:prod,service:parcel-api was > 0.2 on average during the last 10m",
        metric="trace.http.request.hits.by_http_status",
        query="sum(last_10m):sum:trace.http.request.hits.by_http_status{env:prod,service:parcel-api,http.status_class:4xx}.as_count() / "
        "sum:trace.http.request.hits{env:prod,service:parcel-api}.as_count() > 0.2",
        prio="P4",
        incident=None,
        role="decoy: a 4xx spike of one integrator's invalid postcodes",
    )
    datadog_k(
        K("09:05:00"),
        88119977,
        "Recovered",
        "parcel-api 4xx rate high",
        "env:prod,resource_name:post_/v1/parcels,service:parcel-api",
        "4xx rate on `POST /v1/parcels` back to 3%.",
        "env:prod,service:parcel-api,team:shipping,monitor",
        status="trace.http.request.hits.by_http_status{http.status_class:4xx} over env:prod,service:parcel-api was <= 0.2 on average during the last 10m",
        metric="trace.http.request.hits.by_http_status",
        query="sum(last_10m):sum:trace.http.request.hits.by_http_status{env:prod,service:parcel-api,http.status_class:4xx}.as_count() / "
        "sum:trace.http.request.hits{env:prod,service:parcel-api}.as_count() > 0.2",
        prio="P4",
        incident=None,
        role="decoy: the 4xx monitor recovers",
    )
    sentry_metric(
        "K",
        "warning",
        71230,
        301201,
        "tracking-web LCP p75 above 2.5s",
        "p75(measurements.lcp)",
        "transaction:/track/*",
        "tracking-web",
        "production",
        K("09:25:00"),
        K("09:25:00"),
        2500.0,
        "2710ms p75(measurements.lcp) in the last 10 minutes\nFilter: transaction:/track/*",
        None,
        "decoy: a web-vitals warning that clears by itself",
        dataset="transactions",
    )
    sentry_metric(
        "K",
        "resolved",
        71230,
        301201,
        "tracking-web LCP p75 above 2.5s",
        "p75(measurements.lcp)",
        "transaction:/track/*",
        "tracking-web",
        "production",
        K("09:25:00"),
        K("09:37:00"),
        2500.0,
        "1980ms p75(measurements.lcp) in the last 10 minutes\nFilter: transaction:/track/*",
        None,
        "decoy: the web-vitals warning resolves",
        dataset="transactions",
    )
    posthog(
        "K",
        K("08:51:12"),
        "anon_0193fe9c4",
        [("Error", "ResizeObserver loop completed with undelivered notifications.", [])],
        {**chrome("129"), "$current_url": f"{KT}/track/KP9930444GB", "environment": "prd"},
        None,
        "decoy: benign ResizeObserver noise from a browser",
        person=False,
    )
    posthog(
        "K",
        K("10:02:40"),
        "cust_55310",
        [
            (
                "TypeError",
                "Cannot read properties of null (reading 'postMessage')",
                [
                    jsf(
                        "chrome-extension://gighmmpiobklfepjocnamgkkbiglidom/content.js",
                        "r",
                        1,
                        9921,
                        False,
                    )
                ],
            )
        ],
        {**chrome("130"), "$current_url": f"{KT}/account/addresses", "environment": "prd"},
        None,
        "decoy: an ad-blocker extension's error on the account page",
    )
    ev = sentry_event(
        "K",
        "rate-shop",
        "5811388001",
        K("10:31:00"),
        [
            (
                "com.kestrel.rateshop.carriers.CarrierQuoteException",
                "Evri quote rejected: parcel weight 31.5kg exceeds 15kg",
                [sf("EvriClient.kt", "quote", 77, "com.kestrel.rateshop.carriers.EvriClient")],
            )
        ],
        platform="java",
        release="rate-shop@3.2.1",
        culprit="com.kestrel.rateshop.carriers.EvriClient in quote",
        tags={"kube_deployment": "rate-shop"},
    )
    sentry_error(
        "K",
        ev,
        K("10:31:00"),
        None,
        "decoy: a carrier rejecting an overweight parcel, captured as an error: a business rule, nobody's incident",
    )
    datadog_k(
        K("06:45:00"),
        88119800,
        "Recovered",
        "Heartbeat: nightly backup of kp-orders-prod",
        "",
        "Snapshot `rds:kp-orders-prod-2026-11-17-04-00` completed; heartbeat received.",
        "env:prod,team:platform,monitor",
        status="Heartbeat received",
        metric="",
        query="",
        prio="P5",
        event_type="service_check",
        incident=None,
        role="decoy: the backup heartbeat's daily OK",
    )
    datadog_k(
        K("09:39:50"),
        88119810,
        "Triggered",
        "Deployment started: parcel-api",
        "kube_deployment:parcel-api",
        "Argo CD synced **parcel-api** to `2.41.0` (commit 8f31c2e).",
        "env:prod,kube_deployment:parcel-api,source:argocd,team:shipping",
        status="event",
        metric="",
        query='events("source:argocd status:success").rollup("count").last("1m") > 0',
        prio="P5",
        event_type="event_alert",
        incident=None,
        role="decoy: a deploy notice (event monitor) just before the bad deploy's errors",
    )


# ============================================================================================
# Rookhope Insurance: VMs and AWS Lambda, Splunk, Sentry, a little Datadog, PostHog.
# Wednesday 18 November 2026.
# ============================================================================================

RP = "https://my.rookhope.co.uk"
RP_ASSETS = f"{RP}/assets"


def rookhope() -> None:
    # --- r-gocardless-partial-outage: Direct Debit mandates fail for some banks ---
    inc = "r-gocardless-partial-outage"
    t0 = R("06:58:00")
    splunk(
        t0,
        "premium-collect: payment provider errors",
        "payments",
        "svc_splunk_alerts",
        srow(
            '{"ts":"2026-11-18T06:57:41.228Z","level":"ERROR","logger":"premium_collect.gocardless",'
            '"msg":"mandate creation failed","provider":"gocardless","status":503,'
            '"error":"gocardless_pro.errors.GoCardlessInternalError: Service temporarily unavailable",'
            '"request_id":"0AB2C9F1D7","policy":"RH-MTR-0091822","env":"PROD"}',
            t0 - timedelta(seconds=19),
            "rk-pay-vm02",
            "/var/log/premium-collect/app.json",
            "_json",
            "rk_payments",
        ),
        inc,
        "Splunk row: premium-collect's GoCardless call gets a 503",
    )
    ev = sentry_event(
        "R",
        "premium-collect",
        "3390012277",
        t0 + timedelta(minutes=1),
        [
            (
                "GoCardlessInternalError",
                "Service temporarily unavailable",
                [
                    sf(
                        "premium_collect/mandates.py",
                        "create_mandate",
                        88,
                        "premium_collect.mandates",
                    ),
                    sf(
                        "gocardless_pro/api_client.py",
                        "_handle_response",
                        214,
                        "gocardless_pro.api_client",
                        False,
                    ),
                ],
            )
        ],
        platform="python",
        release="premium-collect@7.3.0",
        culprit="premium_collect.mandates in create_mandate",
        tags={"provider": "gocardless"},
        server_name="rk-pay-vm02",
    )
    sentry_error(
        "R",
        ev,
        t0 + timedelta(minutes=1),
        inc,
        "Sentry error: the same GoCardless failure in premium-collect",
    )
    posthog(
        "R",
        t0 + timedelta(minutes=2, seconds=30),
        "pol_RH-HME-0044120",
        [
            (
                "DirectDebitSetupError",
                "We couldn't set up your Direct Debit right now. Please try again later.",
                [
                    jsf(f"{RP_ASSETS}/index-4c8e1f2a.js", "async submitMandate", 2, 50812),
                    jsf(f"{RP_ASSETS}/index-4c8e1f2a.js", "onConfirm", 2, 51277),
                ],
            )
        ],
        {**safari(), "$current_url": f"{RP}/payments/direct-debit", "environment": "production"},
        inc,
        "PostHog $exception: the portal's Direct Debit page fails",
    )
    splunk(
        t0 + timedelta(minutes=5),
        "Payments - provider errors by service (5m)",
        "payments",
        "svc_splunk_alerts",
        {"service": "premium-collect", "provider": "gocardless", "status": "503", "count": "147"},
        inc,
        "Splunk stats row: 147 GoCardless 503s for premium-collect",
    )
    splunk(
        t0 + timedelta(minutes=6),
        "Payments - provider errors by service (5m)",
        "payments",
        "svc_splunk_alerts",
        {"service": "renewals-batch", "provider": "gocardless", "status": "503", "count": "38"},
        inc,
        "Splunk stats row: the renewals batch also gets GoCardless 503s",
    )

    # --- r-flag-pricing-v3: a pricing flag turned on in LaunchDarkly breaks quotes ---
    inc = "r-flag-quote-pricing-v3"
    t0 = R("07:20:10")
    raw = (
        "2026-11-18 07:20:09.412 ERROR 2291 --- [nio-8443-exec-17] c.r.q.web.QuoteController : "
        "Quote failed for product=MOTOR channel=direct\n"
        'java.lang.NullPointerException: Cannot invoke "java.math.BigDecimal.multiply(java.math.BigDecimal)" '
        'because "loading" is null\n'
        "\tat com.rookhope.quote.rating.RatingEngine.applyLoadings(RatingEngine.java:214)\n"
        "\tat com.rookhope.quote.rating.RatingEngine.price(RatingEngine.java:97)\n"
        "\tat com.rookhope.quote.service.QuoteService.quote(QuoteService.java:61)\n"
        "\tat com.rookhope.quote.web.QuoteController.create(QuoteController.java:44)\n"
        "\tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)"
    )
    splunk(
        t0,
        "Quote engine - ERROR with stack trace",
        "quote",
        "jharker",
        srow(
            raw,
            t0 - timedelta(seconds=1),
            "rk-quote-vm02",
            "/opt/quote-engine/logs/quote-engine.log",
            "quote_engine_log",
            "rk_quote",
        ),
        inc,
        "Splunk row: quote-engine's NullPointerException in RatingEngine.applyLoadings",
    )
    ev = sentry_event(
        "R",
        "quote-engine",
        "3390030451",
        t0 + timedelta(seconds=2),
        [
            (
                "java.lang.NullPointerException",
                'Cannot invoke "java.math.BigDecimal.multiply(java.math.BigDecimal)" because "loading" is null',
                [
                    sf(
                        "QuoteController.java",
                        "create",
                        44,
                        "com.rookhope.quote.web.QuoteController",
                    ),
                    sf("QuoteService.java", "quote", 61, "com.rookhope.quote.service.QuoteService"),
                    sf("RatingEngine.java", "price", 97, "com.rookhope.quote.rating.RatingEngine"),
                    sf(
                        "RatingEngine.java",
                        "applyLoadings",
                        214,
                        "com.rookhope.quote.rating.RatingEngine",
                    ),
                ],
            )
        ],
        platform="java",
        release="quote-engine@12.4.0",
        culprit="com.rookhope.quote.rating.RatingEngine in applyLoadings",
        tags={"ld.flag.quote_pricing_v3": "true", "host": "rk-quote-vm02"},
        server_name="rk-quote-vm02",
        transaction="POST /quotes",
    )
    sentry_error(
        "R",
        ev,
        t0 + timedelta(seconds=2),
        inc,
        "Sentry error: the same NPE reported by sentry-java",
    )
    posthog(
        "R",
        t0 + timedelta(minutes=1, seconds=15),
        "anon-7c1e",
        [
            (
                "QuoteError",
                "Sorry, we can't give you a price online right now (ref Q-500)",
                [
                    jsf(f"{RP_ASSETS}/quote-a1d93b70.js", "fetchQuote", 1, 7731),
                    jsf(f"{RP_ASSETS}/quote-a1d93b70.js", "QuoteSummary", 1, 9020),
                ],
            )
        ],
        {
            **chrome(),
            "$current_url": f"{RP}/quote/motor/summary",
            "environment": "production",
            "$feature/quote_pricing_v3": True,
        },
        inc,
        "PostHog $exception: the motor quote page cannot price",
        person=False,
    )
    splunk(
        t0 + timedelta(minutes=3),
        "Quote engine - ERROR with stack trace",
        "quote",
        "jharker",
        srow(
            raw.replace("07:20:09.412", "07:23:01.077")
            .replace("exec-17", "exec-3")
            .replace("MOTOR", "HOME"),
            t0 + timedelta(minutes=2, seconds=51),
            "rk-quote-vm04",
            "/opt/quote-engine/logs/quote-engine.log",
            "quote_engine_log",
            "rk_quote",
        ),
        inc,
        "Splunk row: the same NPE on another VM for home quotes",
    )
    sentry_issue(
        "R",
        "resolved",
        "quote-engine",
        "3390030451",
        "QUOTE-ENGINE-1ZK",
        "java.lang.NullPointerException",
        'Cannot invoke "java.math.BigDecimal.multiply(java.math.BigDecimal)" because "loading" is null',
        "com.rookhope.quote.rating.RatingEngine in applyLoadings",
        "RatingEngine.java",
        "applyLoadings",
        "java",
        t0,
        t0 + timedelta(minutes=16),
        944,
        inc,
        "Sentry issue resolved after the flag is rolled back",
        users=301,
    )

    # --- r-renewal-batch-polcore: the overnight renewal batch overruns and swamps Oracle ---
    inc = "r-renewal-batch-oracle-load"
    t0 = R("07:41:00")
    datadog_r(
        t0,
        6610021,
        "Triggered",
        "polcore Oracle active sessions high",
        "host:rk-ora-01",
        "Oracle instance POLCORE on rk-ora-01 has 486 active sessions (threshold 300). "
        "Top wait: db file sequential read.",
        "env:production,db:polcore,team:dba",
        prio="P2",
        hostname="rk-ora-01",
        incident=inc,
        role="Datadog Oracle active-sessions monitor triggers on the DB host",
    )
    splunk(
        t0 + timedelta(minutes=1),
        "Batch - renewal run still active after 07:00",
        "batch",
        "svc_splunk_alerts",
        srow(
            "Nov 18 07:41:33 rk-batch-01 renewal-run[18822]: INFO chunk 611/1240 committed "
            "(policies 305500-306000) elapsed=4h41m",
            t0 + timedelta(seconds=33),
            "rk-batch-01",
            "/var/log/messages",
            "syslog",
            "rk_batch",
            frac=False,
        ),
        inc,
        "Splunk row: the renewal batch still running at 07:41",
    )
    splunk(
        t0 + timedelta(minutes=3),
        "Oracle errors by service (5m)",
        "dba",
        "mwalsh",
        {
            "service": "quote-engine",
            "ora_code": "ORA-01013",
            "count": "212",
            "hosts": ["rk-quote-vm01", "rk-quote-vm03"],
        },
        inc,
        "Splunk stats row: quote-engine queries cancelled by timeout (ORA-01013)",
    )
    ev = sentry_event(
        "R",
        "claims-intake",
        "3390051120",
        t0 + timedelta(minutes=4),
        [
            (
                "oracledb.exceptions.OperationalError",
                "DPY-6005: cannot connect to database (CONNECTION_ID=ZhQ2x0lqTu2k8M1v3n6cGw==).\n"
                "DPY-4011: the database or network closed the connection",
                [
                    sf(
                        "/var/task/claims_intake/handler.py",
                        "lambda_handler",
                        29,
                        "claims_intake.handler",
                    ),
                    sf(
                        "/var/task/claims_intake/repo.py",
                        "policy_for_claim",
                        47,
                        "claims_intake.repo",
                    ),
                    sf(
                        "/var/task/oracledb/impl/thin/connection.pyx",
                        "connect",
                        391,
                        "oracledb",
                        False,
                    ),
                ],
            )
        ],
        platform="python",
        release="claims-intake@2026.11.12-1",
        culprit="claims_intake.repo in policy_for_claim",
        tags={"aws.lambda.function": "claims-intake-prd", "runtime": "python3.12"},
        env="prd",
    )
    sentry_error(
        "R",
        ev,
        t0 + timedelta(minutes=4),
        inc,
        "Sentry error: claims-intake Lambda cannot get an Oracle connection",
    )
    datadog_r(
        t0 + timedelta(minutes=19),
        6610021,
        "Renotify",
        "polcore Oracle active sessions high",
        "host:rk-ora-01",
        "Still 402 active sessions on POLCORE.",
        "env:production,db:polcore,team:dba",
        prio="P2",
        hostname="rk-ora-01",
        incident=inc,
        role="Datadog Oracle sessions monitor re-notifies",
    )
    datadog_r(
        t0 + timedelta(minutes=34),
        6610021,
        "Recovered",
        "polcore Oracle active sessions high",
        "host:rk-ora-01",
        "POLCORE back to 71 active sessions (renewal run paused).",
        "env:production,db:polcore,team:dba",
        prio="P2",
        hostname="rk-ora-01",
        incident=inc,
        role="Datadog Oracle sessions monitor recovers",
    )

    # --- r-broker-gw-memory-leak: a leak in broker-gw's IIS app pool goes VM by VM ---
    inc = "r-broker-gw-memory-leak"
    t0 = R("08:05:00")
    for i, host in enumerate(["rkw-brk-01", "rkw-brk-02"]):
        datadog_r(
            t0 + timedelta(minutes=i * 13),
            6610088,
            "Triggered",
            "Windows memory available below 10%",
            f"host:{host}",
            f"{host}: 6.1% physical memory available; top process w3wp.exe (BrokerGW) 11.2 GB.",
            f"env:production,role:broker-gateway,os:windows,host:{host}",
            prio="P3",
            hostname=host,
            incident=inc,
            role=f"Datadog memory monitor triggers on {host}",
        )
    splunk(
        t0 + timedelta(minutes=4),
        "Windows - BrokerGW application errors",
        "broker",
        "ajones",
        srow(
            "11/18/2026 08:08:51 AM\nLogName=Application\nEventCode=1309\nEventType=3\n"
            "ComputerName=rkw-brk-01.rookhope.local\nSourceName=ASP.NET 4.0.30319.0\nType=Warning\n"
            "Message=Event code: 3005 \r\nEvent message: An unhandled exception has occurred. \r\n"
            "Application information: \r\n    Application domain: /LM/W3SVC/2/ROOT/BrokerGW-1-133763\r\n"
            "Exception information: \r\n    Exception type: OutOfMemoryException \r\n"
            "    Exception message: Exception of type 'System.OutOfMemoryException' was thrown.\r\n"
            "   at System.IO.MemoryStream.set_Capacity(Int32 value)\r\n"
            "   at Rookhope.BrokerGw.Documents.QuotePackBuilder.Build(QuoteRequest req)\r\n"
            "   at Rookhope.BrokerGw.Controllers.QuotePackController.Post(QuoteRequest req)",
            t0 + timedelta(minutes=3, seconds=51),
            "rkw-brk-01",
            "WinEventLog:Application",
            "WinEventLog:Application",
            "rk_windows",
            frac=False,
        ),
        inc,
        "Splunk row: an ASP.NET health event (3005) with OutOfMemoryException on rkw-brk-01",
    )
    ev = sentry_event(
        "R",
        "broker-gw",
        "3390066610",
        t0 + timedelta(minutes=4, seconds=10),
        [
            (
                "System.OutOfMemoryException",
                "Exception of type 'System.OutOfMemoryException' was thrown.",
                [
                    sf(
                        "QuotePackController.cs",
                        "Post",
                        38,
                        "Rookhope.BrokerGw.Controllers.QuotePackController",
                    ),
                    sf(
                        "QuotePackBuilder.cs",
                        "Build",
                        112,
                        "Rookhope.BrokerGw.Documents.QuotePackBuilder",
                    ),
                    sf("MemoryStream.cs", "set_Capacity", 0, "System.IO.MemoryStream", False),
                ],
            )
        ],
        platform="csharp",
        release="broker-gw@3.18.2",
        culprit="Rookhope.BrokerGw.Documents.QuotePackBuilder in Build",
        tags={"server_name": "rkw-brk-01"},
        server_name="rkw-brk-01",
        env="prd",
    )
    sentry_error(
        "R",
        ev,
        t0 + timedelta(minutes=4, seconds=10),
        inc,
        "Sentry .NET error: the same OutOfMemoryException",
    )
    datadog_r(
        t0 + timedelta(minutes=16),
        6610088,
        "Recovered",
        "Windows memory available below 10%",
        "host:rkw-brk-01",
        "rkw-brk-01: 58% physical memory available (app pool recycled).",
        "env:production,role:broker-gateway,os:windows,host:rkw-brk-01",
        prio="P3",
        hostname="rkw-brk-01",
        incident=inc,
        role="Datadog memory monitor recovers on rkw-brk-01 after the recycle",
    )
    splunk(
        t0 + timedelta(minutes=18),
        "Windows - BrokerGW application errors",
        "broker",
        "ajones",
        srow(
            "11/18/2026 08:22:40 AM\nLogName=System\nEventCode=5117\nEventType=4\n"
            "ComputerName=rkw-brk-02.rookhope.local\nSourceName=Microsoft-Windows-WAS\nType=Information\n"
            "Message=A worker process with process id of '7712' serving application pool 'BrokerGW' "
            "has requested a recycle because it reached its private bytes memory limit.",
            t0 + timedelta(minutes=17, seconds=40),
            "rkw-brk-02",
            "WinEventLog:System",
            "WinEventLog:System",
            "rk_windows",
            frac=False,
        ),
        inc,
        "Splunk row: WAS recycles BrokerGW on rkw-brk-02 at its private-bytes limit",
    )

    # --- r-claims-docs-queue-backlog: the docs-render Lambda times out, SQS backs up ---
    inc = "r-claims-docs-queue-backlog"
    t0 = R("08:31:00")
    datadog_r(
        t0,
        6610102,
        "Triggered",
        "SQS claims-docs oldest message age",
        "queuename:claims-docs-prd",
        "Oldest message on claims-docs-prd is 41 min old (threshold 15 min). 9,812 visible.",
        "env:production,queuename:claims-docs-prd,team:claims,aws_account:rk-prod",
        prio="P2",
        incident=inc,
        role="Datadog SQS message-age monitor triggers",
    )
    splunk(
        t0 + timedelta(minutes=1),
        "Lambda - task timeouts",
        "claims",
        "svc_splunk_alerts",
        srow(
            "2026-11-18T08:31:40.118Z 5c3a1e0d-7e21-4d2b-9c61-bf0a3c9d1e22 Task timed out after 30.03 seconds",
            t0 + timedelta(seconds=40),
            "arn:aws:lambda:eu-west-2:418803221907:function:docs-render-prd",
            "/aws/lambda/docs-render-prd",
            "aws:cloudwatchlogs",
            "rk_lambda",
        ),
        inc,
        "Splunk row: the docs-render Lambda times out",
    )
    ev = sentry_event(
        "R",
        "docs-render",
        "3390081142",
        t0 + timedelta(minutes=1, seconds=30),
        [
            (
                "TimeoutError",
                "Navigation timeout of 25000 ms exceeded",
                [
                    sf(
                        "/var/task/node_modules/puppeteer-core/lib/cjs/puppeteer/common/LifecycleWatcher.js",
                        "LifecycleWatcher._LifecycleWatcher_createTimeoutPromise",
                        157,
                        None,
                        False,
                    ),
                    sf("/var/task/dist/render.js", "renderClaimPack", 48, None),
                    sf("/var/task/dist/index.js", "handler", 22, None),
                ],
            )
        ],
        platform="node",
        release="docs-render@2.9.0",
        culprit="renderClaimPack(dist/render)",
        tags={"aws.lambda.function": "docs-render-prd", "runtime": "nodejs20.x"},
        env="prd",
    )
    sentry_error(
        "R",
        ev,
        t0 + timedelta(minutes=1, seconds=30),
        inc,
        "Sentry error: puppeteer navigation timeout in docs-render",
    )
    splunk(
        t0 + timedelta(minutes=10),
        "Lambda - task timeouts",
        "claims",
        "svc_splunk_alerts",
        {"function": "docs-render-prd", "timeouts": "622", "invocations": "1301"},
        inc,
        "Splunk stats row: 622 of 1301 docs-render invocations timed out",
    )
    datadog_r(
        t0 + timedelta(minutes=47),
        6610102,
        "Recovered",
        "SQS claims-docs oldest message age",
        "queuename:claims-docs-prd",
        "Oldest message on claims-docs-prd is 40 s old.",
        "env:production,queuename:claims-docs-prd,team:claims,aws_account:rk-prod",
        prio="P2",
        incident=inc,
        role="Datadog SQS monitor recovers",
    )

    # --- r-broker-api-cert-expired: the public API certificate for brokers expired ---
    inc = "r-broker-api-cert-expiry"
    t0 = R("09:00:05")
    datadog_r(
        t0,
        6610140,
        "Triggered",
        "SSL: api.rookhope-brokers.co.uk certificate",
        "",
        "SSL test on api.rookhope-brokers.co.uk failed: certificate expired on 2026-11-18 09:00:00 UTC.",
        "env:production,synthetics,team:broker-platform",
        prio="P1",
        incident=inc,
        role="Datadog Synthetics SSL test fails",
    )
    splunk(
        t0 + timedelta(minutes=2),
        "HAProxy - TLS handshake failures",
        "edge",
        "svc_splunk_alerts",
        srow(
            "Nov 18 09:02:11 rk-edge-lb01 haproxy[2311]: 91.204.33.17:51522 [18/Nov/2026:09:02:11.004] "
            "fe_brokers_https/1: SSL handshake failure (certificate expired)",
            t0 + timedelta(minutes=2, seconds=6),
            "rk-edge-lb01",
            "/var/log/haproxy.log",
            "haproxy:http",
            "rk_edge",
            frac=False,
        ),
        inc,
        "Splunk row: HAProxy logs brokers' failed handshakes",
    )
    splunk(
        t0 + timedelta(minutes=7),
        "Broker gateway - request volume drop",
        "broker",
        "ajones",
        {"service": "broker-gw", "requests_5m": "31", "baseline_5m": "2210", "drop_pct": "98.6"},
        inc,
        "Splunk stats row: broker-gw traffic drops by 98%",
    )
    datadog_r(
        t0 + timedelta(minutes=44),
        6610140,
        "Recovered",
        "SSL: api.rookhope-brokers.co.uk certificate",
        "",
        "SSL test on api.rookhope-brokers.co.uk passing; certificate valid until 2027-02-16.",
        "env:production,synthetics,team:broker-platform",
        prio="P1",
        incident=inc,
        role="Datadog SSL test recovers",
    )

    # --- r-vehicle-lookup-slow: the third-party vehicle registration API slows down ---
    inc = "r-vrm-lookup-api-slow"
    t0 = R("09:18:00")
    splunk(
        t0,
        "vehicle-lookup - upstream latency",
        "quote",
        "jharker",
        srow(
            '{"level":"WARNING","time":"2026-11-18T09:17:52.610Z","service":"vehicle-lookup",'
            '"message":"upstream slow","upstream":"vrm.carhistory-api.co.uk","elapsed_ms":9123,'
            '"vrm":"WP19***","aws_request_id":"a11f0c37-2c1e-45b0-8b77-90f2f8a0e5d1"}',
            t0 - timedelta(seconds=8),
            "arn:aws:lambda:eu-west-2:418803221907:function:vehicle-lookup-prd",
            "/aws/lambda/vehicle-lookup-prd",
            "aws:cloudwatchlogs",
            "rk_lambda",
        ),
        inc,
        "Splunk row: vehicle-lookup logs a 9s upstream call",
    )
    sentry_metric(
        "R",
        "critical",
        40411,
        118802,
        "vehicle-lookup p95 duration",
        "p95(transaction.duration)",
        "transaction:lookup_vehicle",
        "vehicle-lookup",
        "prd",
        t0 + timedelta(minutes=2),
        t0 + timedelta(minutes=2),
        3000.0,
        "8120ms p95(transaction.duration) in the last 5 minutes\nFilter: transaction:lookup_vehicle",
        inc,
        "Sentry metric alert: vehicle-lookup p95 critical",
        dataset="transactions",
    )
    ev = sentry_event(
        "R",
        "vehicle-lookup",
        "3390100934",
        t0 + timedelta(minutes=3),
        [
            (
                "ReadTimeoutError",
                "HTTPSConnectionPool(host='vrm.carhistory-api.co.uk', port=443): Read timed out. (read timeout=10)",
                [
                    sf(
                        "/var/task/urllib3/connectionpool.py",
                        "_make_request",
                        537,
                        "urllib3.connectionpool",
                        False,
                    )
                ],
            ),
            (
                "ReadTimeout",
                "HTTPSConnectionPool(host='vrm.carhistory-api.co.uk', port=443): Read timed out. (read timeout=10)",
                [
                    sf(
                        "/var/task/vehicle_lookup/handler.py",
                        "lookup_vehicle",
                        33,
                        "vehicle_lookup.handler",
                    ),
                    sf(
                        "/var/task/vehicle_lookup/carhistory.py",
                        "fetch",
                        58,
                        "vehicle_lookup.carhistory",
                    ),
                    sf("/var/task/requests/adapters.py", "send", 713, "requests.adapters", False),
                ],
            ),
        ],
        platform="python",
        release="vehicle-lookup@1.12.0",
        culprit="vehicle_lookup.carhistory in fetch",
        tags={"aws.lambda.function": "vehicle-lookup-prd"},
        env="prd",
        trace_id=trace(),
    )
    sentry_error(
        "R", ev, t0 + timedelta(minutes=3), inc, "Sentry error: vehicle-lookup read timeout"
    )
    posthog(
        "R",
        t0 + timedelta(minutes=4),
        "anon-91f0",
        [
            (
                "Error",
                "Vehicle lookup failed (504)",
                [
                    jsf(f"{RP_ASSETS}/quote-a1d93b70.js", "lookupReg", 1, 3301),
                    jsf(f"{RP_ASSETS}/quote-a1d93b70.js", "RegForm.onSubmit", 1, 3960),
                ],
            )
        ],
        {**chrome("131"), "$current_url": f"{RP}/quote/motor/vehicle", "environment": "production"},
        inc,
        "PostHog $exception: the portal's reg lookup gets a 504",
        person=False,
    )
    posthog(
        "R",
        t0 + timedelta(minutes=9),
        "anon-a301",
        [
            (
                "Error",
                "Vehicle lookup failed (504)",
                [jsf(f"{RP_ASSETS}/quote-a1d93b70.js", "lookupReg", 1, 3301)],
            )
        ],
        {
            **mobile_safari(),
            "$current_url": f"{RP}/quote/motor/vehicle",
            "environment": "production",
        },
        inc,
        "PostHog $exception: the same from an iPhone",
        person=False,
    )
    sentry_metric(
        "R",
        "resolved",
        40411,
        118802,
        "vehicle-lookup p95 duration",
        "p95(transaction.duration)",
        "transaction:lookup_vehicle",
        "vehicle-lookup",
        "prd",
        t0 + timedelta(minutes=2),
        t0 + timedelta(minutes=36),
        3000.0,
        "640ms p95(transaction.duration) in the last 5 minutes\nFilter: transaction:lookup_vehicle",
        inc,
        "Sentry metric alert resolves",
        dataset="transactions",
    )

    # --- r-claims-intake-bad-deploy: a new claims-intake version expects a renamed field ---
    inc = "r-claims-intake-bad-deploy"
    t0 = R("09:21:30")
    ev = sentry_event(
        "R",
        "claims-intake",
        "3390102200",
        t0,
        [
            (
                "KeyError",
                "'policy_number'",
                [
                    sf(
                        "/var/task/claims_intake/handler.py",
                        "lambda_handler",
                        24,
                        "claims_intake.handler",
                    ),
                    sf(
                        "/var/task/claims_intake/parse.py",
                        "parse_fnol",
                        71,
                        "claims_intake.parse",
                        ctx='    policy = body["policy_number"]',
                    ),
                ],
            )
        ],
        platform="python",
        release="claims-intake@2026.11.18-1",
        culprit="claims_intake.parse in parse_fnol",
        tags={"aws.lambda.function": "claims-intake-prd", "aws.lambda.version": "87"},
        env="prd",
    )
    sentry_error(
        "R", ev, t0, inc, "Sentry error: KeyError 'policy_number' in the new claims-intake"
    )
    sentry_issue(
        "R",
        "created",
        "claims-intake",
        "3390102200",
        "CLAIMS-INTAKE-9A",
        "KeyError",
        "'policy_number'",
        "claims_intake.parse in parse_fnol",
        "/var/task/claims_intake/parse.py",
        "parse_fnol",
        "python",
        t0,
        t0 + timedelta(seconds=3),
        1,
        inc,
        "Sentry issue created for the KeyError",
    )
    splunk(
        t0 + timedelta(minutes=2),
        "Lambda - unhandled errors",
        "claims",
        "svc_splunk_alerts",
        srow(
            "[ERROR] KeyError: 'policy_number'\nTraceback (most recent call last):\n"
            '  File "/var/task/claims_intake/handler.py", line 24, in lambda_handler\n'
            '    claim = parse_fnol(json.loads(event["body"]))\n'
            '  File "/var/task/claims_intake/parse.py", line 71, in parse_fnol\n'
            '    policy = body["policy_number"]',
            t0 + timedelta(minutes=1, seconds=41),
            "arn:aws:lambda:eu-west-2:418803221907:function:claims-intake-prd",
            "/aws/lambda/claims-intake-prd",
            "aws:cloudwatchlogs",
            "rk_lambda",
        ),
        inc,
        "Splunk row: the Lambda's own [ERROR] traceback in CloudWatch Logs",
    )
    splunk(
        t0 + timedelta(minutes=5),
        "Lambda - error count by function (5m)",
        "claims",
        "svc_splunk_alerts",
        {"function_name": "claims-intake-prd", "version": "87", "errors": "318"},
        inc,
        "Splunk stats row: 318 errors on version 87",
    )
    sentry_issue(
        "R",
        "resolved",
        "claims-intake",
        "3390102200",
        "CLAIMS-INTAKE-9A",
        "KeyError",
        "'policy_number'",
        "claims_intake.parse in parse_fnol",
        "/var/task/claims_intake/parse.py",
        "parse_fnol",
        "python",
        t0,
        t0 + timedelta(minutes=23),
        318,
        inc,
        "Sentry issue resolved after the alias is moved back to version 86",
        users=0,
    )

    # --- r-dns-resolver-down: the internal resolver stops answering; lookups fail on VMs ---
    inc = "r-internal-dns-outage"
    t0 = R("09:58:10")
    datadog_r(
        t0,
        6610177,
        "Triggered",
        "DNS check rookhope.internal",
        "host:rk-dns-02",
        "dns.can_resolve failed for polcore-db.rookhope.internal from rk-dns-02 (SERVFAIL, 3 of 3 checks).",
        "env:production,role:dns,team:infra,host:rk-dns-02",
        prio="P1",
        hostname="rk-dns-02",
        incident=inc,
        role="Datadog DNS service check fails on the resolver",
    )
    splunk(
        t0 + timedelta(seconds=40),
        "Quote engine - ERROR with stack trace",
        "quote",
        "jharker",
        srow(
            "2026-11-18 09:58:49.301 ERROR 2291 --- [HikariPool-1 housekeeper] com.zaxxer.hikari.pool.HikariPool : "
            "HikariPool-1 - Exception during pool initialization.\n"
            "java.sql.SQLRecoverableException: IO Error: The Network Adapter could not establish the connection\n"
            "\tat oracle.jdbc.driver.T4CConnection.logon(T4CConnection.java:858)\n"
            "Caused by: java.net.UnknownHostException: polcore-db.rookhope.internal\n"
            "\tat java.base/java.net.InetAddress$CachedLookup.get(InetAddress.java:988)\n"
            "\tat oracle.net.nt.TcpNTAdapter.connect(TcpNTAdapter.java:161)",
            t0 + timedelta(seconds=39),
            "rk-quote-vm01",
            "/opt/quote-engine/logs/quote-engine.log",
            "quote_engine_log",
            "rk_quote",
        ),
        inc,
        "Splunk row: quote-engine cannot resolve the database host",
    )
    splunk(
        t0 + timedelta(minutes=1, seconds=10),
        "premium-collect: payment provider errors",
        "payments",
        "svc_splunk_alerts",
        srow(
            '{"ts":"2026-11-18T09:59:17.044Z","level":"ERROR","logger":"premium_collect.gocardless",'
            '"msg":"mandate creation failed","provider":"gocardless",'
            '"error":"requests.exceptions.ConnectionError: HTTPSConnectionPool(host=\'api.gocardless.com\', port=443): '
            'Max retries exceeded with url: /mandates (Caused by NameResolutionError(\\"<urllib3.connection.'
            "HTTPSConnection object at 0x7f2a1c>: Failed to resolve 'api.gocardless.com' ([Errno -3] Temporary "
            'failure in name resolution)\\"))","env":"PROD"}',
            t0 + timedelta(minutes=1, seconds=7),
            "rk-pay-vm01",
            "/var/log/premium-collect/app.json",
            "_json",
            "rk_payments",
        ),
        inc,
        "Splunk row: premium-collect cannot resolve api.gocardless.com (same search as the GoCardless outage)",
    )
    ev = sentry_event(
        "R",
        "broker-gw",
        "3390120085",
        t0 + timedelta(minutes=2),
        [
            (
                "System.Net.Sockets.SocketException",
                "No such host is known.",
                [sf("Dns.cs", "GetHostEntry", 0, "System.Net.Dns", False)],
            ),
            (
                "System.Net.Http.HttpRequestException",
                "No such host is known. (quote.rookhope.internal:443)",
                [
                    sf(
                        "QuoteProxy.cs",
                        "GetQuoteAsync",
                        51,
                        "Rookhope.BrokerGw.Upstream.QuoteProxy",
                    ),
                    sf("HttpClient.cs", "SendAsync", 0, "System.Net.Http.HttpClient", False),
                ],
            ),
        ],
        platform="csharp",
        release="broker-gw@3.18.2",
        culprit="Rookhope.BrokerGw.Upstream.QuoteProxy in GetQuoteAsync",
        tags={"server_name": "rkw-brk-03"},
        server_name="rkw-brk-03",
        env="prd",
    )
    sentry_error(
        "R",
        ev,
        t0 + timedelta(minutes=2),
        inc,
        "Sentry .NET error: broker-gw cannot resolve quote.rookhope.internal",
    )
    datadog_r(
        t0 + timedelta(minutes=14),
        6610177,
        "Recovered",
        "DNS check rookhope.internal",
        "host:rk-dns-02",
        "dns.can_resolve OK for polcore-db.rookhope.internal from rk-dns-02.",
        "env:production,role:dns,team:infra,host:rk-dns-02",
        prio="P1",
        hostname="rk-dns-02",
        incident=inc,
        role="Datadog DNS check recovers",
    )

    # --- r-polcore-failover: the Oracle primary crashes and Data Guard fails over ---
    inc = "r-polcore-primary-crash"
    t0 = R("10:37:20")
    datadog_r(
        t0,
        6610003,
        "No Data",
        "Host rk-ora-01 not reporting",
        "host:rk-ora-01",
        "rk-ora-01 has not reported for 2 minutes (agent and system.uptime).",
        "env:production,db:polcore,team:dba,host:rk-ora-01",
        prio="P1",
        hostname="rk-ora-01",
        incident=inc,
        role="Datadog host monitor: the DB host stops reporting",
    )
    splunk(
        t0 + timedelta(seconds=30),
        "Quote engine - ERROR with stack trace",
        "quote",
        "jharker",
        srow(
            "2026-11-18 10:37:48.930 ERROR 2291 --- [nio-8443-exec-9] c.r.q.web.QuoteController : "
            "Quote failed for product=HOME channel=aggregator\n"
            "org.springframework.dao.DataAccessResourceFailureException: PreparedStatementCallback; "
            "ORA-03113: end-of-file on communication channel\n"
            "\tat org.springframework.jdbc.support.SQLStateSQLExceptionTranslator.doTranslate(SQLStateSQLExceptionTranslator.java:107)\n"
            "\tat com.rookhope.quote.repo.PolicyRepository.findActive(PolicyRepository.java:88)\n"
            "Caused by: java.sql.SQLRecoverableException: ORA-03113: end-of-file on communication channel\n"
            "\tat oracle.jdbc.driver.T4CTTIoer11.processError(T4CTTIoer11.java:630)",
            t0 + timedelta(seconds=28),
            "rk-quote-vm03",
            "/opt/quote-engine/logs/quote-engine.log",
            "quote_engine_log",
            "rk_quote",
        ),
        inc,
        "Splunk row: quote-engine loses its Oracle session (ORA-03113)",
    )
    ev = sentry_event(
        "R",
        "broker-gw",
        "3390140517",
        t0 + timedelta(seconds=55),
        [
            (
                "Oracle.ManagedDataAccess.Client.OracleException",
                "ORA-03113: end-of-file on communication channel",
                [
                    sf(
                        "PolicyStore.cs", "GetPolicyAsync", 73, "Rookhope.BrokerGw.Data.PolicyStore"
                    ),
                    sf(
                        "OracleCommand.cs",
                        "ExecuteReader",
                        0,
                        "Oracle.ManagedDataAccess.Client.OracleCommand",
                        False,
                    ),
                ],
            )
        ],
        platform="csharp",
        release="broker-gw@3.18.2",
        culprit="Rookhope.BrokerGw.Data.PolicyStore in GetPolicyAsync",
        tags={"server_name": "rkw-brk-02"},
        server_name="rkw-brk-02",
        env="prd",
    )
    sentry_error(
        "R", ev, t0 + timedelta(seconds=55), inc, "Sentry .NET error: broker-gw gets ORA-03113"
    )
    sentry_metric(
        "R",
        "critical",
        40460,
        118840,
        "broker-gw error count",
        "count()",
        "level:error",
        "broker-gw",
        "prd",
        t0 + timedelta(minutes=2),
        t0 + timedelta(minutes=2),
        200.0,
        "1240 events in the last 5 minutes\nFilter: level:error",
        inc,
        "Sentry metric alert: broker-gw error count critical",
    )
    splunk(
        t0 + timedelta(minutes=6),
        "Oracle - Data Guard role change",
        "dba",
        "mwalsh",
        srow(
            '2026-11-18T10:43:02.118377+00:00\nFailover succeeded, new primary is "polcore_stby"',
            t0 + timedelta(minutes=5, seconds=42),
            "rk-ora-02",
            "/u01/app/oracle/diag/rdbms/polcore_stby/polcore/trace/drcpolcore.log",
            "oracle:dataguard",
            "rk_dba",
        ),
        inc,
        "Splunk row: Data Guard broker reports the failover to the standby",
    )
    sentry_metric(
        "R",
        "resolved",
        40460,
        118840,
        "broker-gw error count",
        "count()",
        "level:error",
        "broker-gw",
        "prd",
        t0 + timedelta(minutes=2),
        t0 + timedelta(minutes=17),
        200.0,
        "12 events in the last 5 minutes\nFilter: level:error",
        inc,
        "Sentry metric alert resolves once clients reconnect to the new primary",
    )
    datadog_r(
        t0 + timedelta(minutes=52),
        6610003,
        "Recovered",
        "Host rk-ora-01 not reporting",
        "host:rk-ora-01",
        "rk-ora-01 reporting again (rebooted, now standby).",
        "env:production,db:polcore,team:dba,host:rk-ora-01",
        prio="P1",
        hostname="rk-ora-01",
        incident=inc,
        role="Datadog host monitor recovers when the old primary comes back",
    )

    # --- r-docs-s3-access-denied: an IAM change takes docs-render's S3 write away ---
    inc = "r-docs-render-s3-denied"
    t0 = R("10:12:00")
    ev = sentry_event(
        "R",
        "docs-render",
        "3390126003",
        t0,
        [
            (
                "AccessDenied",
                "User: arn:aws:sts::418803221907:assumed-role/docs-render-prd-role/docs-render-prd is not authorized "
                'to perform: s3:PutObject on resource: "arn:aws:s3:::rk-policy-docs-prd/2026/11/18/RH-HME-0051207.pdf" '
                "because no identity-based policy allows the s3:PutObject action",
                [
                    sf(
                        "/var/task/node_modules/@smithy/smithy-client/dist-cjs/index.js",
                        "throwDefaultError",
                        838,
                        None,
                        False,
                    ),
                    sf("/var/task/dist/store.js", "putPdf", 19, None),
                    sf("/var/task/dist/index.js", "handler", 31, None),
                ],
            )
        ],
        platform="node",
        release="docs-render@2.9.0",
        culprit="putPdf(dist/store)",
        tags={"aws.lambda.function": "docs-render-prd"},
        env="prd",
    )
    sentry_alert(
        "R",
        ev,
        "docs-render: any new issue",
        t0,
        inc,
        "Sentry issue alert: docs-render denied s3:PutObject",
    )
    splunk(
        t0 + timedelta(minutes=2),
        "CloudTrail - AccessDenied by role",
        "security",
        "secops",
        {
            "userIdentity.sessionContext.sessionIssuer.userName": "docs-render-prd-role",
            "eventName": "PutObject",
            "errorCode": "AccessDenied",
            "count": "96",
        },
        inc,
        "Splunk stats row: CloudTrail AccessDenied for docs-render's role",
    )
    posthog(
        "R",
        t0 + timedelta(minutes=5),
        "pol_RH-HME-0051207",
        [
            (
                "Error",
                "Your policy documents aren't ready yet. Please try again in a few minutes.",
                [jsf(f"{RP_ASSETS}/documents-77b1ce0d.js", "downloadSchedule", 1, 1144)],
            )
        ],
        {
            **firefox(),
            "$current_url": f"{RP}/policy/RH-HME-0051207/documents",
            "environment": "production",
        },
        inc,
        "PostHog $exception: a customer cannot download new policy documents",
    )

    # --- r-portal-safari-regex: a portal release uses a regex old Safari cannot parse ---
    inc = "r-portal-5.2-old-safari"
    t0 = R("11:05:00")
    for i, (who, ver, dt) in enumerate(
        [("pol_RH-MTR-0087733", "15.6", 0), ("anon-c4e2", "16.3", 70)]
    ):
        posthog(
            "R",
            t0 + timedelta(seconds=dt),
            who,
            [
                (
                    "SyntaxError",
                    "Invalid regular expression: invalid group specifier name",
                    [jsf(f"{RP_ASSETS}/vendor-e0d3a51c.js", "global code", 1, 0, False)],
                )
            ],
            {
                **safari(ver),
                "$os_version": "12.7.6" if i == 0 else "13.6.9",
                "$current_url": f"{RP}/",
                "environment": "production",
                "$release": "policy-portal@5.2.0",
            },
            inc,
            f"PostHog $exception: the portal bundle does not parse on Safari {ver}",
            person=who.startswith("pol_"),
        )
    ev = sentry_event(
        "R",
        "policy-portal",
        "3390150771",
        t0 + timedelta(minutes=2),
        [
            (
                "SyntaxError",
                "Invalid regular expression: invalid group specifier name",
                [sf(f"{RP_ASSETS}/vendor-e0d3a51c.js", "?", 1, None, False, colno=0)],
            )
        ],
        platform="javascript",
        release="policy-portal@5.2.0",
        culprit="?(assets/vendor-e0d3a51c)",
        tags={"browser": "Safari 15.6", "browser.name": "Safari", "url": f"{RP}/"},
        env="production",
        contexts={"browser": {"name": "Safari", "version": "15.6", "type": "browser"}},
        mechanism="onerror",
    )
    sentry_alert(
        "R",
        ev,
        "policy-portal: new issue in release",
        t0 + timedelta(minutes=2),
        inc,
        "Sentry issue alert on the Safari SyntaxError",
    )
    splunk(
        t0 + timedelta(minutes=8),
        "Portal - checkout funnel drop by browser",
        "web",
        "kpatel",
        {
            "browser": "Safari",
            "browser_major": "15",
            "sessions": "412",
            "reached_quote": "3",
            "conversion_pct": "0.7",
        },
        inc,
        "Splunk stats row: Safari 15 sessions no longer reach the quote page",
    )

    # --- r-quote-lb-no-backend: the quote-engine pool drops out of the load balancer ---
    inc = "r-quote-engine-outage"
    t0 = R("08:50:00")
    datadog_r(
        t0,
        6610130,
        "Triggered",
        "HTTP check quote-engine /actuator/health",
        "instance:quote-engine-vip",
        "http.can_connect to https://quote.rookhope.internal/actuator/health failed: 503 from 4 of 4 checks.",
        "env:production,service:quote-engine,team:quote,instance:quote-engine-vip",
        prio="P1",
        incident=inc,
        role="Datadog HTTP check on the quote-engine VIP fails",
    )
    splunk(
        t0 + timedelta(seconds=20),
        "HAProxy - backend down",
        "edge",
        "svc_splunk_alerts",
        srow(
            "Nov 18 08:49:58 rk-edge-lb02 haproxy[1877]: backend be_quote_engine has no server available!",
            t0 - timedelta(seconds=2),
            "rk-edge-lb02",
            "/var/log/haproxy.log",
            "haproxy:http",
            "rk_edge",
            frac=False,
        ),
        inc,
        "Splunk row: HAProxy has no quote-engine server left",
    )
    splunk(
        t0 + timedelta(minutes=1),
        "Quote engine - ERROR with stack trace",
        "quote",
        "jharker",
        srow(
            "2026-11-18 08:50:31.006 ERROR 2291 --- [main] o.s.b.d.LoggingFailureAnalysisReporter : \n\n"
            "***************************\nAPPLICATION FAILED TO START\n***************************\n\n"
            "Description:\n\nFailed to bind properties under 'rookhope.rating.tables-path' to java.nio.file.Path:\n\n"
            "    Reason: java.nio.file.NoSuchFileException: /mnt/rating-tables/2026-11",
            t0 + timedelta(seconds=31),
            "rk-quote-vm01",
            "/opt/quote-engine/logs/quote-engine.log",
            "quote_engine_log",
            "rk_quote",
        ),
        inc,
        "Splunk row: quote-engine fails to start again (the rating-tables NFS mount is missing)",
    )
    ev = sentry_event(
        "R",
        "broker-gw",
        "3390077012",
        t0 + timedelta(minutes=1, seconds=20),
        [
            (
                "System.Net.Http.HttpRequestException",
                "Response status code does not indicate success: 503 (Service Unavailable).",
                [
                    sf(
                        "QuoteProxy.cs",
                        "GetQuoteAsync",
                        57,
                        "Rookhope.BrokerGw.Upstream.QuoteProxy",
                    ),
                    sf(
                        "HttpResponseMessage.cs",
                        "EnsureSuccessStatusCode",
                        0,
                        "System.Net.Http.HttpResponseMessage",
                        False,
                    ),
                ],
            )
        ],
        platform="csharp",
        release="broker-gw@3.18.2",
        culprit="Rookhope.BrokerGw.Upstream.QuoteProxy in GetQuoteAsync",
        tags={"server_name": "rkw-brk-03"},
        server_name="rkw-brk-03",
        env="prd",
    )
    sentry_error(
        "R",
        ev,
        t0 + timedelta(minutes=1, seconds=20),
        inc,
        "Sentry .NET error: broker-gw gets 503 from quote-engine",
    )
    posthog(
        "R",
        t0 + timedelta(minutes=2),
        "anon-5d77",
        [
            (
                "QuoteError",
                "Sorry, we can't give you a price online right now (ref Q-503)",
                [jsf(f"{RP_ASSETS}/quote-a1d93b70.js", "fetchQuote", 1, 7731)],
            )
        ],
        {**chrome("130"), "$current_url": f"{RP}/quote/home/summary", "environment": "production"},
        inc,
        "PostHog $exception: the portal's quote page gets a 503",
        person=False,
    )
    datadog_r(
        t0 + timedelta(minutes=12),
        6610130,
        "Recovered",
        "HTTP check quote-engine /actuator/health",
        "instance:quote-engine-vip",
        "http.can_connect to https://quote.rookhope.internal/actuator/health OK.",
        "env:production,service:quote-engine,team:quote,instance:quote-engine-vip",
        prio="P1",
        incident=inc,
        role="Datadog HTTP check recovers after the mount is restored",
    )

    # ---------------------------- Rookhope decoys (no incident) ----------------------------
    for hms in ["06:30:00", "07:30:00", "08:30:00", "09:30:00", "10:30:00"]:
        splunk(
            R(hms),
            "Heartbeat - forwarders reporting",
            "search",
            "admin",
            {"forwarders_reporting": "64", "forwarders_expected": "64", "status": "OK"},
            None,
            "decoy: the hourly forwarder heartbeat (all OK)",
        )
    splunk(
        R("07:05:00"),
        "Deployments - announced",
        "search",
        "admin",
        srow(
            "Nov 18 07:04:51 rk-jenkins-01 deploy-notify: deployed claims-portal-api 4.1.2 to prd (change CHG0041177)",
            R("07:04:51"),
            "rk-jenkins-01",
            "/var/log/deploy-notify.log",
            "syslog",
            "rk_ci",
            frac=False,
        ),
        None,
        "decoy: a deploy notice with no errors after it",
    )
    splunk(
        R("09:20:00"),
        "Deployments - announced",
        "search",
        "admin",
        srow(
            "Nov 18 09:19:44 rk-jenkins-01 deploy-notify: published claims-intake version 87, alias live -> 87 (change CHG0041190)",
            R("09:19:44"),
            "rk-jenkins-01",
            "/var/log/deploy-notify.log",
            "syslog",
            "rk_ci",
            frac=False,
        ),
        None,
        "decoy: the deploy notice of the claims-intake version that then fails",
    )
    for dt, tr_ in [
        ("07:50:00", "Triggered"),
        ("07:54:00", "Recovered"),
        ("08:40:00", "Triggered"),
        ("08:43:00", "Recovered"),
    ]:
        datadog_r(
            R(dt),
            6610250,
            tr_,
            "NTP offset rk-batch-01",
            "host:rk-batch-01",
            "NTP offset on rk-batch-01 is " + ("612 ms" if tr_ == "Triggered" else "41 ms") + ".",
            "env:production,role:batch,team:infra,host:rk-batch-01",
            prio="P4",
            hostname="rk-batch-01",
            incident=None,
            role=f"decoy: a flapping NTP-offset check ({tr_})",
        )
    datadog_r(
        R("09:40:00"),
        6610300,
        "Triggered",
        "HTTP check quote-engine /actuator/health",
        "instance:quote-engine-uat-vip",
        "http.can_connect to https://quote.uat.rookhope.internal/actuator/health failed: connection refused.",
        "env:uat,service:quote-engine,team:quote,instance:quote-engine-uat-vip",
        prio="P4",
        incident=None,
        role="decoy: the UAT quote-engine health check fails (planned rebuild)",
    )
    ev = sentry_event(
        "R",
        "claims-intake",
        "3390111500",
        R("09:26:00"),
        [
            (
                "KeyError",
                "'policy_number'",
                [sf("/var/task/claims_intake/parse.py", "parse_fnol", 71, "claims_intake.parse")],
            )
        ],
        platform="python",
        release="claims-intake@2026.11.18-1",
        culprit="claims_intake.parse in parse_fnol",
        tags={"aws.lambda.function": "claims-intake-uat"},
        env="uat",
    )
    sentry_error(
        "R",
        ev,
        R("09:26:00"),
        None,
        "decoy: the same KeyError from the UAT Lambda (a tester's old payload), another issue",
    )
    splunk(
        R("10:05:00"),
        "Portal - 4xx by endpoint (15m)",
        "web",
        "kpatel",
        {"endpoint": "/api/login", "status": "401", "count": "2311", "distinct_ips": "3"},
        None,
        "decoy: a credential-stuffing burst of 401s, blocked at the WAF; not an outage",
    )
    sentry_metric(
        "R",
        "warning",
        40430,
        118820,
        "policy-portal LCP p75",
        "p75(measurements.lcp)",
        "",
        "policy-portal",
        "production",
        R("08:15:00"),
        R("08:15:00"),
        2500.0,
        "2650ms p75(measurements.lcp) in the last 10 minutes",
        None,
        "decoy: a web-vitals warning that clears by itself",
        dataset="transactions",
    )
    sentry_metric(
        "R",
        "resolved",
        40430,
        118820,
        "policy-portal LCP p75",
        "p75(measurements.lcp)",
        "",
        "policy-portal",
        "production",
        R("08:15:00"),
        R("08:27:00"),
        2500.0,
        "2100ms p75(measurements.lcp) in the last 10 minutes",
        None,
        "decoy: the web-vitals warning resolves",
        dataset="transactions",
    )
    posthog(
        "R",
        R("10:20:30"),
        "anon-e812",
        [("Error", "Script error.", [])],
        {
            **chrome("118"),
            "$current_url": f"{RP}/quote/home/about-you",
            "environment": "production",
        },
        None,
        "decoy: a cross-origin 'Script error.' from a third-party chat widget",
        person=False,
    )
    splunk(
        R("10:48:00"),
        "Oracle - Data Guard role change",
        "dba",
        "mwalsh",
        None,
        None,
        "decoy: the same search runs again and finds no row",
    )
    datadog_r(
        R("06:40:00"),
        6610001,
        "Recovered",
        "Backup: polcore RMAN level 1",
        "host:rk-ora-01",
        "RMAN incremental backup of POLCORE finished 06:38 (duration 1h52m).",
        "env:production,db:polcore,team:dba,host:rk-ora-01",
        prio="P5",
        hostname="rk-ora-01",
        incident=None,
        role="decoy: the nightly backup's OK on the database host that later fails",
    )


def main() -> None:
    COMPANY[0] = "Kestrel Parcel"
    kestrel()
    COMPANY[0] = "Rookhope Insurance"
    rookhope()
    rows = sorted(ROWS, key=lambda r: (r["at"], r["_n"]))
    with OUT.open("w", encoding="utf-8") as fh:
        for row in rows:
            row = {k: v for k, v in row.items() if k != "_n"}
            fh.write(json.dumps(row, ensure_ascii=False, sort_keys=False) + "\n")
    labels = {r["incident"] for r in rows if r["incident"]}
    decoys = sum(1 for r in rows if r["incident"] is None)
    print(f"{OUT.name}: {len(rows)} rows, {len(labels)} incidents, {decoys} decoy rows")


if __name__ == "__main__":
    main()
