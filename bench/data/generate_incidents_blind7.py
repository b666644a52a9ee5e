"""Write ``incidents-blind7.jsonl``: an outsider's labelled multi-tool incidents (issue 17).

Two fictional companies, each its own customer (the benchmark gives each ``company`` its own
project):

- **Brackenfold Software** (Tuesday 2026-03-10, 06:00-11:45 UTC): a B2B SaaS on bare VMs
  scheduled by Nomad: a Rails 7.1 monolith on Puma (``web-01``..``web-04``), Sidekiq 7 workers
  (``worker-01``..``worker-03``), a Go API gateway (``gw-01``, ``gw-02``) whose errors name no
  backend, PostgreSQL 16 with a streaming replica (``pg-main-01``, ``pg-replica-01``), Redis
  (``redis-01``) and RabbitMQ (``rmq-01``). Sentry (one project per app: ``brackenfold-rails``,
  ``brackenfold-sidekiq``, ``edge-gateway``, ``brackenfold-spa``), Splunk (syslog and
  application-log saved searches, ``stats`` rows by host), Datadog through the recommended
  template (monitors grouped by host, service, queue, db), PostHog from the web app.
- **Bramblewick Bank** (Tuesday 2026-04-21 and Wednesday 2026-04-22, mornings): a mobile bank on
  AWS EKS, Aurora PostgreSQL, MSK (Kafka) and Lambda: ``accounts-api`` and ``payments-api``
  (Kotlin, Spring Boot), ``cards-api`` (Go), ``notifications-svc`` (Node, kafkajs),
  ``mobile-bff`` (Node, the API the iOS and Android apps call), Lambda functions in Python.
  Sentry (mobile and backend projects, releases), Datadog through a webhook template of the
  team's own (monitors by ``kube_deployment``, topic/consumer group, Lambda function), PostHog
  from the mobile apps, no Splunk.

Each row is ``{"source", "headers", "body", "incident", "role", "at", "company"}``;
``incident`` is null for a decoy. Rows are in the order they are sent.

Sources for the shapes (read through the ``search`` tool and the project's
``shared/spec/provider-formats.md``, which cites the vendors' code):

- Sentry integration-platform webhooks, docs.sentry.io/integrations/integration-platform/
  webhooks/ (issues, errors, issue alerts, metric alerts): the ``action``/``installation``/
  ``data``/``actor`` envelope, ``Sentry-Hook-Resource``/``-Timestamp``/``-Signature`` and
  ``Request-ID`` headers, ``data.issue`` as the group serializer (camelCase, ``count`` a
  string), ``data.error``/``data.event`` as ``Event.as_dict()`` with ``tags`` as sorted pairs,
  ``issue_id``/``issue_url``/``web_url``; ``data.metric_alert`` with ``alert_rule``,
  ``description_title`` and ``description_text``.
- Datadog Webhooks integration, docs.datadoghq.com/integrations/webhooks/: ``$EVENT_TITLE``
  (``[P1] [Triggered on {host:x}] ...``), ``$EVENT_MSG`` in ``%%%`` fences, ``$ALERT_TRANSITION``,
  ``$ALERT_SCOPE``, ``$TAGS`` comma-separated, ``$DATE`` in milliseconds, every value a string;
  the project's recommended template for Brackenfold, a template of Bramblewick's own.
- PostHog HTTP Webhook destination (``{"event": "{event}", "person": "{person}"}`` plus
  ``project``), ``$exception`` with ``$exception_list`` (posthog.com/docs/error-tracking).
- Splunk's webhook alert action (``alert_webhook/bin/webhook.py``): ``sid``, ``search_name``,
  ``app``, ``owner``, ``results_link``, ``result`` = the first row, every value a string,
  ``_time`` absent from ``stats`` rows.

From memory, not checked: posthog-ios' and posthog-android's exact ``$exception_list`` frame
keys (written here as the ``java`` and ``custom`` raw frame platforms), Datadog's Kafka and
Lambda metric names, Sentry's metric-alert ``status`` integers.

Written by an outsider who read neither the incident step, the clustering, the plugins'
mapping code nor the existing incident sets. Report it; never tune on it.

    python bench/data/generate_incidents_blind7.py
"""

from __future__ import annotations

import hashlib
import hmac
import json
import random
import re
from datetime import datetime, timedelta
from pathlib import Path

OUT = Path(__file__).with_name("incidents-blind7.jsonl")
RNG = random.Random(20260310)

C1 = "Brackenfold Software"
C2 = "Bramblewick Bank"
SECRET = b"not-a-real-client-secret"


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def hexid(n: int = 32) -> str:
    return "".join(RNG.choice("0123456789abcdef") for _ in range(n))


def digits(n: int) -> str:
    return str(RNG.randint(1, 9)) + "".join(str(RNG.randint(0, 9)) for _ in range(n - 1))


def ts(at: str) -> datetime:
    return datetime.fromisoformat(at.replace("Z", "+00:00"))


def iso(at: datetime) -> str:
    return at.strftime("%Y-%m-%dT%H:%M:%SZ")


ROWS: list[dict] = []


def add(
    company: str, source: str, at: str, incident: str | None, role: str, body: dict, headers: dict
) -> None:
    ROWS.append(
        {
            "source": source,
            "headers": headers,
            "body": body,
            "incident": incident,
            "role": role,
            "at": at,
            "company": company,
        }
    )


# --------------------------------------------------------------------------- Sentry

ORGS = {C1: "brackenfold", C2: "bramblewick"}
PROJECT_IDS: dict[str, int] = {}
INSTALL = {C1: "6c2b8f0e-4a1d-4f7e-9b52-1d3a7e0c9f41", C2: "e0b9d3a4-27c1-4e58-8f1b-5a6c2d9e7b30"}
SENTRY_ACTOR = {"type": "application", "id": "sentry", "name": "Sentry"}


def sentry_headers(resource: str, at: str, body: dict) -> dict:
    raw = json.dumps(body, separators=(",", ":")).encode()
    return {
        "Content-Type": "application/json",
        "Request-ID": hexid(),
        "Sentry-Hook-Resource": resource,
        "Sentry-Hook-Timestamp": str(int(ts(at).timestamp())),
        "Sentry-Hook-Signature": hmac.new(SECRET, raw, hashlib.sha256).hexdigest(),
    }


def project_id(project: str) -> int:
    if project not in PROJECT_IDS:
        PROJECT_IDS[project] = int(digits(7))
    return PROJECT_IDS[project]


def frame(
    filename, function, lineno, *, module=None, in_app=True, context=None, abs_path=None, colno=None
):
    f = {
        "filename": filename,
        "abs_path": abs_path or filename,
        "function": function,
        "module": module,
        "lineno": lineno,
        "in_app": in_app,
        "context_line": context,
        "pre_context": [],
        "post_context": [],
        "vars": {},
        "data": {},
    }
    if colno is not None:
        f["colno"] = colno
    return f


def sentry_event(
    company,
    at,
    project,
    platform,
    exc,
    *,
    issue_id,
    env="production",
    release=None,
    tags=None,
    culprit=None,
    transaction=None,
    request=None,
    user=None,
    trace_id=None,
    server_name=None,
    sdk=("sentry.ruby", "5.17.3"),
    level="error",
    handled=False,
    mechanism="generic",
    contexts=None,
):
    """One Sentry event as ``Event.as_dict()`` with the webhook's link fields."""
    org = ORGS[company]
    event_id = hexid()
    values = []
    for etype, evalue, frames, *mod in exc:
        values.append(
            {
                "type": etype,
                "value": evalue,
                "module": mod[0] if mod else None,
                "mechanism": {"type": mechanism, "handled": handled},
                "stacktrace": {"frames": frames},
            }
        )
    last = values[-1]
    top = next((f for f in reversed(last["stacktrace"]["frames"]) if f["in_app"]), None)
    all_tags = {"environment": env, "level": level, "handled": "yes" if handled else "no"}
    if release:
        all_tags["release"] = release
    if server_name:
        all_tags["server_name"] = server_name
    if transaction:
        all_tags["transaction"] = transaction
    if user and user.get("id"):
        all_tags["user"] = f"id:{user['id']}"
    all_tags.update(tags or {})
    ctx = dict(contexts or {})
    if trace_id:
        ctx["trace"] = {
            "trace_id": trace_id,
            "span_id": hexid(16),
            "op": "http.server",
            "status": "internal_error",
            "type": "trace",
        }
    dt = ts(at) - timedelta(seconds=RNG.randint(3, 40))
    ev = {
        "event_id": event_id,
        "project": project_id(project),
        "release": release,
        "dist": None,
        "platform": platform,
        "message": "",
        "datetime": dt.isoformat(),
        "tags": sorted([k, v] for k, v in all_tags.items()),
        "culprit": culprit or transaction or "",
        "environment": env,
        "level": level,
        "logger": "",
        "exception": {"values": values},
        "contexts": ctx,
        "sdk": {"name": sdk[0], "version": sdk[1]},
        "fingerprint": ["{{ default }}"],
        "hashes": [hexid()],
        "metadata": {
            "type": last["type"],
            "value": last["value"],
            "filename": top["filename"] if top else None,
            "function": top["function"] if top else None,
            "in_app_frame_mix": "mixed" if top else "system-only",
        },
        "title": f"{last['type']}: {last['value']}"[:200],
        "location": top["filename"] if top else None,
        "transaction": transaction,
        "type": "error",
        "version": "7",
        "received": dt.timestamp() + 0.412,
        "timestamp": dt.timestamp(),
        "url": f"https://sentry.io/api/0/projects/{org}/{project}/events/{event_id}/",
        "web_url": f"https://{org}.sentry.io/issues/{issue_id}/events/{event_id}/",
        "issue_url": f"https://sentry.io/api/0/issues/{issue_id}/",
        "issue_id": str(issue_id),
    }
    if server_name:
        ev["server_name"] = server_name
    if request:
        ev["request"] = request
    if user:
        ev["user"] = user
    return ev


def s_error(company, at, incident, role, project, platform, exc, **kw):
    ev = sentry_event(company, at, project, platform, exc, **kw)
    body = {
        "action": "created",
        "installation": {"uuid": INSTALL[company]},
        "data": {"error": ev},
        "actor": SENTRY_ACTOR,
    }
    add(company, "sentry", at, incident, role, body, sentry_headers("error", at, body))
    return ev


def s_alert(company, at, incident, role, project, platform, exc, rule, **kw):
    ev = sentry_event(company, at, project, platform, exc, **kw)
    body = {
        "action": "triggered",
        "installation": {"uuid": INSTALL[company]},
        "data": {
            "event": ev,
            "triggered_rule": rule,
            "issue_alert": {"title": rule, "settings": []},
        },
        "actor": SENTRY_ACTOR,
    }
    add(company, "sentry", at, incident, role, body, sentry_headers("event_alert", at, body))
    return ev


SHORT_IDS: dict[str, int] = {}


def s_issue(
    company,
    at,
    incident,
    role,
    project,
    platform,
    issue_id,
    etype,
    evalue,
    culprit,
    *,
    action="created",
    level="error",
    filename=None,
    function=None,
    count=1,
    users=1,
    first_seen=None,
    status=None,
    actor=None,
):
    org = ORGS[company]
    SHORT_IDS[project] = SHORT_IDS.get(project, RNG.randint(20, 90)) + 1
    short = f"{project.upper()}-{SHORT_IDS[project]:X}"
    first = first_seen or at
    issue = {
        "id": str(issue_id),
        "shortId": short,
        "title": f"{etype}: {evalue}"[:200],
        "culprit": culprit,
        "permalink": f"https://{org}.sentry.io/issues/{issue_id}/",
        "logger": None,
        "level": level,
        "status": status or ("resolved" if action == "resolved" else "unresolved"),
        "substatus": None if action == "resolved" else "new",
        "statusDetails": {"inRelease": "latest"} if action == "resolved" else {},
        "priority": "high",
        "platform": platform,
        "project": {
            "id": str(project_id(project)),
            "name": project,
            "slug": project,
            "platform": platform,
        },
        "type": "error",
        "issueType": "error",
        "issueCategory": "error",
        "metadata": {
            "type": etype,
            "value": evalue,
            "filename": filename,
            "function": function,
            "in_app_frame_mix": "mixed",
        },
        "assignedTo": None,
        "isBookmarked": False,
        "isSubscribed": False,
        "hasSeen": False,
        "annotations": [],
        "numComments": 0,
        "isUnhandled": True,
        "count": str(count),
        "userCount": users,
        "firstSeen": ts(first).isoformat(),
        "lastSeen": ts(at).isoformat(),
        "url": f"https://sentry.io/api/0/organizations/{org}/issues/{issue_id}/",
        "web_url": f"https://{org}.sentry.io/issues/{issue_id}/",
        "project_url": f"https://{org}.sentry.io/projects/{project}/",
    }
    body = {
        "action": action,
        "installation": {"uuid": INSTALL[company]},
        "data": {"issue": issue},
        "actor": actor or SENTRY_ACTOR,
    }
    add(company, "sentry", at, incident, role, body, sentry_headers("issue", at, body))


def s_metric(
    company,
    at,
    incident,
    role,
    action,
    alert_id,
    rule_id,
    name,
    projects,
    aggregate,
    query,
    threshold,
    value,
    *,
    env="production",
    started=None,
):
    org = ORGS[company]
    status = {"critical": 20, "warning": 10, "resolved": 2}[action]
    label = {"critical": "Critical", "warning": "Warning", "resolved": "Resolved"}[action]
    start = started or at
    body = {
        "action": action,
        "installation": {"uuid": INSTALL[company]},
        "data": {
            "metric_alert": {
                "id": str(alert_id),
                "identifier": str(alert_id % 1000),
                "organization_id": digits(7),
                "alert_rule": {
                    "id": str(rule_id),
                    "name": name,
                    "organization_id": digits(7),
                    "status": 0,
                    "query_type": 0,
                    "dataset": "events",
                    "query": query,
                    "aggregate": aggregate,
                    "threshold_type": 0,
                    "resolve_threshold": None,
                    "time_window": 5.0,
                    "environment": env,
                    "resolution": 1.0,
                    "threshold_period": 1,
                    "projects": projects,
                    "owner": None,
                    "date_modified": "2026-01-14T10:02:11.000000Z",
                    "date_created": "2025-11-03T09:15:40.000000Z",
                    "created_by": None,
                    "triggers": [
                        {
                            "id": str(rule_id * 3),
                            "alert_rule_id": str(rule_id),
                            "label": "critical",
                            "threshold_type": 0,
                            "alert_threshold": float(threshold),
                            "resolve_threshold": None,
                            "date_created": "2025-11-03T09:15:40.000000Z",
                            "actions": [],
                        }
                    ],
                },
                "title": name,
                "status": status,
                "status_method": 3,
                "type": 2,
                "date_started": ts(start).strftime("%Y-%m-%dT%H:%M:%S.000000Z"),
                "date_detected": ts(start).strftime("%Y-%m-%dT%H:%M:%S.000000Z"),
                "date_created": ts(start).strftime("%Y-%m-%dT%H:%M:%S.000000Z"),
                "date_closed": ts(at).strftime("%Y-%m-%dT%H:%M:%S.000000Z")
                if action == "resolved"
                else None,
            },
            "description_text": f"{value} {aggregate} in the last 5 minutes\nFilter: {query}",
            "description_title": f"{label}: {name}",
            "web_url": f"https://{org}.sentry.io/alerts/rules/details/{rule_id}/?alert={alert_id}",
        },
        "actor": SENTRY_ACTOR,
    }
    add(company, "sentry", at, incident, role, body, sentry_headers("metric_alert", at, body))


# --------------------------------------------------------------------------- Datadog

DD_ORG = {C1: ("318204", "Brackenfold Software"), C2: ("771093", "Bramblewick Bank Ltd")}
CYCLES: dict[str, tuple[str, str]] = {}


def dd_common(
    company, at, key, monitor_id, name, scope, transition, priority, query, tags, msg_lines, host=""
):
    """The values Datadog substitutes; ``key`` names one alert (monitor + group)."""
    if key not in CYCLES or (transition == "Triggered" and CYCLES[key][1] == "closed"):
        CYCLES[key] = (digits(19), "open")
    cycle = CYCLES[key][0]
    if transition == "Recovered":
        CYCLES[key] = (cycle, "closed")
    verb = {
        "Triggered": "Triggered on",
        "Re-Triggered": "Re-Triggered on",
        "Recovered": "Recovered on",
        "Warn": "Warn on",
        "Renotify": "Triggered on",
    }
    title = f"[{priority}] [{verb[transition]} {{{scope}}}] {name}"
    if transition == "Recovered":
        title = f"[{verb[transition]} {{{scope}}}] {name}"
    alert_type = {"Recovered": "success", "Warn": "warning"}.get(transition, "error")
    d = ts(at)
    footer = d.strftime("%a %b %d %Y %H:%M:%S UTC")
    msg = (
        "%%%\n"
        + "\n".join(msg_lines)
        + (
            f"\n\n@webhook-soulcaster @slack-ops-alerts\n\n"
            f"The monitor was last triggered at {footer}.\n\n- - -\n\n"
            f"[[Monitor Status](https://app.datadoghq.eu/monitors/{monitor_id}?"
            f"from_ts={int(d.timestamp() * 1000) - 900000}&to_ts={int(d.timestamp() * 1000)}"
            f"&event_id={digits(19)})] · [[Edit Monitor](https://app.datadoghq.eu/monitors/"
            f"{monitor_id}/edit)]\n%%%"
        )
    )
    return {
        "id": digits(19),
        "title": title,
        "msg": msg,
        "date": str(int(d.timestamp() * 1000)),
        "alert_id": str(monitor_id),
        "cycle": cycle,
        "aggreg": hexid(32),
        "scope": scope,
        "transition": transition,
        "alert_type": alert_type,
        "priority": priority,
        "alert_title": f"{name} on {scope}" if transition != "Recovered" else name,
        "query": query,
        "tags": ",".join(sorted(set(tags))),
        "host": host,
        "link": f"https://app.datadoghq.eu/event/event?id={digits(19)}",
        "org": DD_ORG[company],
    }


def dd_recommended(
    company,
    at,
    incident,
    role,
    monitor_id,
    name,
    scope,
    transition,
    *,
    priority="P2",
    query="",
    tags=(),
    msg=(),
    host="",
    event_type=None,
    metric="",
):
    v = dd_common(
        company,
        at,
        f"{monitor_id}/{scope}",
        monitor_id,
        name,
        scope,
        transition,
        priority,
        query,
        tags,
        msg,
        host,
    )
    body = {
        "id": v["id"],
        "title": v["title"],
        "body": v["msg"],
        "event_type": event_type or "query_alert_monitor",
        "date": v["date"],
        "last_updated": v["date"],
        "org": {"id": v["org"][0], "name": v["org"][1]},
        "alert_id": v["alert_id"],
        "alert_cycle_key": v["cycle"],
        "aggreg_key": v["aggreg"],
        "alert_scope": v["scope"],
        "alert_transition": v["transition"],
        "alert_type": v["alert_type"],
        "alert_priority": v["priority"],
        "alert_title": v["alert_title"],
        "alert_status": "",
        "alert_metric": metric,
        "alert_query": v["query"],
        "priority": "normal",
        "tags": v["tags"],
        "hostname": v["host"],
        "link": v["link"],
        "snapshot": "",
    }
    add(company, "datadog", at, incident, role, body, {"Content-Type": "application/json"})


def dd_custom(
    company,
    at,
    incident,
    role,
    monitor_id,
    name,
    scope,
    transition,
    *,
    priority="P2",
    query="",
    tags=(),
    msg=(),
    host="",
):
    """Bramblewick's own template: names of its own, the text-only message."""
    v = dd_common(
        company,
        at,
        f"{monitor_id}/{scope}",
        monitor_id,
        name,
        scope,
        transition,
        priority,
        query,
        tags,
        msg,
        host,
    )
    text = v["msg"].replace("%%%\n", "").replace("\n%%%", "")
    text = re.sub(r"\[\[([^\]]+)\]\([^)]+\)\]", r"\1", text)
    body = {
        "summary": v["title"],
        "details": text,
        "state": v["transition"],
        "severity": v["priority"],
        "group": v["scope"],
        "monitor_id": v["alert_id"],
        "cycle_key": v["cycle"],
        "dd_tags": v["tags"],
        "fired_at": v["date"],
        "monitor_url": f"https://app.datadoghq.eu/monitors/{v['alert_id']}",
        "team": "platform-sre",
        "source": "datadog",
    }
    add(
        company,
        "datadog",
        at,
        incident,
        role,
        body,
        {"Content-Type": "application/json", "X-Bramblewick-Source": "datadog-webhooks"},
    )


# --------------------------------------------------------------------------- Splunk

SPLUNK_GUID = "3A1C9E52-7B0D-4F28-9C61-D2E84B07A5F3"


def splunk(company, at, incident, role, search, result, *, app="search", owner="nobody"):
    d = ts(at)
    run = f"{int(d.timestamp()) - 60}_{RNG.randint(100, 9999)}"
    sid = f"scheduler__{owner}__{app}__RMD5{hexid(16)}_at_{run}"
    body = {
        "sid": sid,
        "search_name": search,
        "app": app,
        "owner": owner,
        "results_link": f"https://splunk.brackenfold.net:8000/app/{app}/@go?sid={sid}",
        "result": {k: (v if isinstance(v, list) else str(v)) for k, v in result.items()},
    }
    add(
        company,
        "splunk",
        at,
        incident,
        role,
        body,
        {"Content-Type": "application/json", "User-Agent": f"Splunk/{SPLUNK_GUID}"},
    )


def stime(at: str, back: int = 20) -> str:
    return f"{ts(at).timestamp() - back:.3f}"


def syslog_row(at, host, prog, text, back=25, source="/var/log/syslog"):
    d = ts(at) - timedelta(seconds=back)
    raw = f"{d.strftime('%b %d %H:%M:%S').replace(' 0', '  ', 1)} {host} {prog}: {text}"
    return {
        "_time": stime(at, back),
        "host": host,
        "source": source,
        "sourcetype": "syslog",
        "index": "os",
        "_raw": raw,
        "splunk_server": "idx-01",
        "linecount": "1",
    }


# --------------------------------------------------------------------------- PostHog

PH_PROJECT = {C1: ("48211", "Brackenfold web"), C2: ("60933", "Bramblewick mobile")}


def posthog(company, at, incident, role, distinct_id, exc_list, props, *, person=True):
    pid, pname = PH_PROJECT[company]
    h = "0196" + hexid(28)
    uuid = f"{h[:8]}-{h[8:12]}-7{h[13:16]}-8{h[17:20]}-{h[20:32]}"
    host = "https://eu.posthog.com"
    p = {
        "$exception_list": exc_list,
        "$exception_level": "error",
        "$session_id": "0196" + hexid(28),
        "distinct_id": distinct_id,
    }
    p.update(props)
    ev = {
        "uuid": uuid,
        "event": "$exception",
        "distinct_id": distinct_id,
        "properties": p,
        "elements_chain": "",
        "timestamp": (ts(at) - timedelta(seconds=RNG.randint(1, 30))).strftime(
            "%Y-%m-%dT%H:%M:%S.%f"
        )[:-3]
        + "Z",
        "url": f"{host}/project/{pid}/events/{uuid}/{iso(ts(at))}",
    }
    body = {
        "event": ev,
        "person": {
            "id": "0196" + hexid(28),
            "properties": {"email": f"{distinct_id[:6]}@example.com"},
            "name": distinct_id,
            "url": f"{host}/project/{pid}/person/{distinct_id}",
        }
        if person
        else None,
        "project": {"id": int(pid), "name": pname, "url": f"{host}/project/{pid}"},
    }
    add(company, "posthog", at, incident, role, body, {"Content-Type": "application/json"})


def js_exc(etype, value, frames, mech="onunhandledrejection"):
    return [
        {
            "type": etype,
            "value": value,
            "mechanism": {"type": mech, "handled": False, "synthetic": False},
            "stacktrace": {"type": "raw", "frames": frames},
        }
    ]


def jsf(url, fn, line, col, in_app=True):
    return {
        "platform": "web:javascript",
        "filename": url,
        "function": fn,
        "lineno": line,
        "colno": col,
        "in_app": in_app,
    }


def web_props(path, browser="Chrome", os_="Mac OS X"):
    return {
        "$current_url": f"https://app.brackenfold.com{path}",
        "$pathname": path,
        "$host": "app.brackenfold.com",
        "$browser": browser,
        "$browser_version": 133 if browser == "Chrome" else 18,
        "$os": os_,
        "$lib": "web",
        "$lib_version": "1.224.0",
        "$exception_capture_endpoint_suffix": "/e/",
    }


def android_props(screen, version="5.14.0"):
    return {
        "$os": "Android",
        "$os_version": "15",
        "$lib": "posthog-android",
        "$lib_version": "3.11.2",
        "$app_version": version,
        "$app_build": "51400",
        "$app_name": "Bramblewick",
        "$device_manufacturer": "Google",
        "$device_model": "Pixel 8",
        "$screen_name": screen,
        "$device_type": "Mobile",
    }


def ios_props(screen, version="5.14.1"):
    return {
        "$os": "iOS",
        "$os_version": "18.3.2",
        "$lib": "posthog-ios",
        "$lib_version": "3.22.0",
        "$app_version": version,
        "$app_build": "2031",
        "$app_name": "Bramblewick",
        "$device_manufacturer": "Apple",
        "$device_model": "iPhone15,2",
        "$screen_name": screen,
        "$device_type": "Mobile",
    }


def java_exc(etype, value, frames, mech="UncaughtExceptionHandler"):
    return [
        {
            "type": etype,
            "value": value,
            "module": etype.rsplit(".", 1)[0],
            "mechanism": {"type": mech, "handled": False, "synthetic": False},
            "stacktrace": {
                "type": "raw",
                "frames": [
                    {
                        "platform": "java",
                        "module": m,
                        "function": f,
                        "filename": fn,
                        "lineno": ln,
                        "in_app": ia,
                    }
                    for m, f, fn, ln, ia in frames
                ],
            },
        }
    ]


def swift_exc(etype, value, frames=()):
    return [
        {
            "type": etype,
            "value": value,
            "mechanism": {"type": "generic", "handled": True, "synthetic": False},
            "stacktrace": {
                "type": "raw",
                "frames": [
                    {
                        "platform": "custom",
                        "function": f,
                        "filename": fn,
                        "lineno": ln,
                        "in_app": True,
                    }
                    for f, fn, ln in frames
                ],
            },
        }
    ]


# --------------------------------------------------------------------------- frames

RAILS = "/srv/brackenfold/releases/20260309171204"
RAILS2 = "/srv/brackenfold/releases/20260310080611"
GEMS = "/usr/local/bundle/ruby/3.3.0/gems"


def rb(path, fn, line, ctx=None, root=RAILS, in_app=True):
    return frame(path, fn, line, abs_path=f"{root}/{path}", context=ctx, in_app=in_app)


def gem(path, fn, line):
    return frame(path, fn, line, abs_path=f"{GEMS}/{path}", in_app=False)


def gof(pkg, file, fn, line, in_app=True):
    return frame(file, fn, line, module=pkg, abs_path=f"/src/{file}", in_app=in_app)


def kt(cls, fn, file, line, in_app=True):
    return frame(file, fn, line, module=cls, in_app=in_app)


def nodef(path, fn, line, col, in_app=True):
    return frame(
        path.rsplit("/", 1)[-1] if not in_app else path.replace("/app/", ""),
        fn,
        line,
        abs_path=path,
        colno=col,
        in_app=in_app,
    )


def pyf(module, file, fn, line, ctx=None, in_app=True):
    return frame(
        file, fn, line, module=module, abs_path=f"/var/task/{file}", context=ctx, in_app=in_app
    )


def request(url, method="GET", headers=None):
    return {
        "url": url,
        "method": method,
        "query_string": "",
        "headers": headers or [],
        "env": {},
        "data": None,
        "cookies": None,
    }


# =========================================================================== Company 1


def brackenfold() -> None:
    c = C1
    d = "2026-03-10T"
    pg_rule = [
        "**avg(last_1m):avg:postgresql.connections{db:brackenfold_production,"
        "host:pg-main-01} < 1** was **< 1** on host:pg-main-01"
    ]
    web_tags = ["env:production", "service:brackenfold-rails", "team:core"]

    # -- decoys before anything happens
    dd_recommended(
        c,
        d + "06:00:40Z",
        None,
        "daily heartbeat (info)",
        58110213,
        "Datadog heartbeat: agents reporting",
        "env:production",
        "Triggered",
        priority="P5",
        tags=["env:production", "heartbeat"],
        msg=["All 14 agents reported in the last 5 minutes. Heartbeat only."],
        event_type="service_check",
    )
    splunk(
        c,
        d + "06:03:10Z",
        None,
        "sshd brute-force noise on a gateway",
        "Syslog - sshd invalid user",
        syslog_row(
            d + "06:03:10Z",
            "gw-02",
            "sshd[18812]",
            "Invalid user admin from 185.220.101.44 port 51822",
        ),
    )

    # -- A1 PostgreSQL primary failover (07:02)
    inc = "a1-pg-failover"
    dd_recommended(
        c,
        d + "07:02:30Z",
        inc,
        "DB host monitor triggers",
        58110240,
        "PostgreSQL primary not accepting connections",
        "host:pg-main-01",
        "Triggered",
        priority="P1",
        tags=["db:brackenfold_production", "env:production", "host:pg-main-01", "role:primary"],
        msg=pg_rule,
        host="pg-main-01",
        metric="postgresql.connections",
        query="avg(last_1m):avg:postgresql.connections{host:pg-main-01} < 1",
    )
    s_error(
        c,
        d + "07:03:05Z",
        inc,
        "web errors: connection refused",
        "brackenfold-rails",
        "ruby",
        [
            (
                "PG::ConnectionBad",
                'connection to server at "10.20.0.11", port 5432 failed: Connection refused',
                [
                    gem("puma-6.4.2/lib/puma/thread_pool.rb", "block in spawn_thread", 155),
                    gem(
                        "activerecord-7.1.3/lib/active_record/connection_adapters/"
                        "postgresql_adapter.rb",
                        "connect",
                        976,
                    ),
                ],
                None,
            ),
            (
                "ActiveRecord::ConnectionNotEstablished",
                'connection to server at "10.20.0.11", port 5432 failed: Connection refused',
                [
                    gem(
                        "activerecord-7.1.3/lib/active_record/connection_adapters/"
                        "abstract/connection_pool.rb",
                        "checkout",
                        181,
                    ),
                    rb(
                        "app/controllers/dashboards_controller.rb",
                        "show",
                        14,
                        "@projects = current_account.projects.active.limit(20)",
                    ),
                ],
                None,
            ),
        ],
        issue_id=5120044871,
        release="brackenfold-rails@2026.03.09-3",
        server_name="web-02",
        transaction="DashboardsController#show",
        request=request("https://app.brackenfold.com/dashboard"),
        user={"id": "u_88213", "ip_address": "81.2.69.160"},
        trace_id=hexid(),
    )
    s_error(
        c,
        d + "07:03:40Z",
        inc,
        "Sidekiq job errors: same DB",
        "brackenfold-sidekiq",
        "ruby",
        [
            (
                "ActiveRecord::ConnectionNotEstablished",
                'connection to server at "10.20.0.11", port 5432 failed: Connection refused',
                [
                    gem("sidekiq-7.2.2/lib/sidekiq/processor.rb", "execute_job", 220),
                    rb(
                        "app/jobs/invoice_reminder_job.rb",
                        "perform",
                        9,
                        "invoice = Invoice.find(invoice_id)",
                    ),
                    gem(
                        "activerecord-7.1.3/lib/active_record/connection_adapters/"
                        "abstract/connection_pool.rb",
                        "checkout",
                        181,
                    ),
                ],
                None,
            )
        ],
        issue_id=5120044902,
        release="brackenfold-rails@2026.03.09-3",
        server_name="worker-01",
        transaction="Sidekiq/InvoiceReminderJob",
        tags={"sidekiq.queue": "mailers", "sidekiq.jid": hexid(24)},
        sdk=("sentry.ruby.sidekiq", "5.17.3"),
    )
    splunk(
        c,
        d + "07:04:00Z",
        inc,
        "replica promoted in syslog",
        "Syslog - postgres FATAL/PANIC",
        syslog_row(
            d + "07:04:00Z",
            "pg-replica-01",
            "postgres[1190]",
            "[1190] LOG:  received promote request; selected new timeline ID: 7",
            back=50,
            source="/var/log/postgresql/postgresql-16-main.log",
        ),
    )
    splunk(
        c,
        d + "07:04:30Z",
        inc,
        "gateway 5xx stats row by host",
        "Gateway 5xx by host",
        {"host": "gw-01", "status": "502", "count": "318", "route": "/v1/*"},
    )
    posthog(
        c,
        d + "07:05:00Z",
        inc,
        "web app sees 502 on the dashboard",
        "u_88213",
        js_exc(
            "Error",
            "Request failed with status code 502",
            [
                jsf(
                    "https://app.brackenfold.com/assets/application-9c41e2.js",
                    "fetchJson",
                    1,
                    48213,
                ),
                jsf(
                    "https://app.brackenfold.com/assets/application-9c41e2.js",
                    "DashboardController.load",
                    1,
                    51020,
                ),
            ],
        ),
        web_props("/dashboard"),
    )
    # unrelated error in the same minutes: SMTP credentials rotated
    s_error(
        c,
        d + "07:05:20Z",
        None,
        "unrelated: SMTP auth failure in mailer",
        "brackenfold-sidekiq",
        "ruby",
        [
            (
                "Net::SMTPAuthenticationError",
                "535 5.7.8 Authentication credentials invalid",
                [
                    gem("sidekiq-7.2.2/lib/sidekiq/processor.rb", "execute_job", 220),
                    gem("net-smtp-0.4.0/lib/net/smtp.rb", "check_auth_response", 1085),
                ],
                None,
            )
        ],
        issue_id=5120049917,
        release="brackenfold-rails@2026.03.09-3",
        server_name="worker-03",
        transaction="Sidekiq/ActionMailer::MailDeliveryJob",
        tags={"sidekiq.queue": "mailers"},
        sdk=("sentry.ruby.sidekiq", "5.17.3"),
    )
    dd_recommended(
        c,
        d + "07:09:00Z",
        inc,
        "DB host monitor recovers",
        58110240,
        "PostgreSQL primary not accepting connections",
        "host:pg-main-01",
        "Recovered",
        priority="P1",
        tags=["db:brackenfold_production", "env:production", "host:pg-main-01", "role:primary"],
        msg=pg_rule,
        host="pg-main-01",
    )

    # -- decoy: staging fails too (a planned DB restore there)
    s_error(
        c,
        d + "07:06:10Z",
        None,
        "staging: DB restore in progress",
        "brackenfold-rails",
        "ruby",
        [
            (
                "ActiveRecord::NoDatabaseError",
                "We could not find your database: brackenfold_staging",
                [
                    gem(
                        "activerecord-7.1.3/lib/active_record/connection_adapters/"
                        "postgresql_adapter.rb",
                        "new_client",
                        65,
                    )
                ],
                None,
            )
        ],
        issue_id=5120050133,
        env="staging",
        release="brackenfold-rails@2026.03.10-rc1",
        server_name="stg-web-01",
        transaction="DashboardsController#show",
    )

    # -- A2 bad deploy of the Rails app (08:15)
    inc = "a2-rails-bad-deploy"
    dd_recommended(
        c,
        d + "08:12:00Z",
        None,
        "deploy notice (event monitor)",
        58110301,
        "Deploy: brackenfold-rails 2026.03.10-1",
        "service:brackenfold-rails",
        "Triggered",
        priority="P5",
        tags=[*web_tags, "deploy"],
        msg=["Nomad job `brackenfold-web` version 212 is running on 4/4 allocations."],
        event_type="event_alert",
    )
    nil_exc = [
        (
            "NoMethodError",
            "undefined method `display_name' for nil",
            [
                gem(
                    "actionpack-7.1.3/lib/action_controller/metal/basic_implicit_render.rb",
                    "send_action",
                    6,
                ),
                rb(
                    "app/controllers/projects_controller.rb",
                    "show",
                    31,
                    "@owner_label = @project.owner.display_name",
                    root=RAILS2,
                ),
                rb(
                    "app/presenters/project_presenter.rb",
                    "owner_label",
                    18,
                    "project.owner.display_name",
                    root=RAILS2,
                ),
            ],
            None,
        )
    ]
    s_issue(
        c,
        d + "08:15:30Z",
        inc,
        "new issue after deploy",
        "brackenfold-rails",
        "ruby",
        5120101377,
        "NoMethodError",
        "undefined method `display_name' for nil",
        "app/presenters/project_presenter.rb in owner_label",
        filename="app/presenters/project_presenter.rb",
        function="owner_label",
        count=3,
        users=3,
    )
    s_alert(
        c,
        d + "08:16:10Z",
        inc,
        "issue alert: new error in release",
        "brackenfold-rails",
        "ruby",
        nil_exc,
        "New issue in latest release",
        issue_id=5120101377,
        release="brackenfold-rails@2026.03.10-1",
        server_name="web-04",
        transaction="ProjectsController#show",
        request=request("https://app.brackenfold.com/projects/prj_4471"),
        user={"id": "u_10342"},
        trace_id=hexid(),
    )
    dd_recommended(
        c,
        d + "08:17:00Z",
        inc,
        "APM error-rate monitor by service",
        58110322,
        "High error rate on rack.request",
        "service:brackenfold-rails",
        "Triggered",
        priority="P2",
        tags=[*web_tags, "resource_name:projectscontroller_show"],
        msg=[
            "**sum(last_5m):sum:trace.rack.request.errors{env:production,"
            "service:brackenfold-rails}.as_rate() / sum:trace.rack.request.hits"
            "{...}.as_rate() > 0.05** was **> 0.05** (value 0.118)"
        ],
        metric="trace.rack.request.errors",
    )
    posthog(
        c,
        d + "08:18:00Z",
        inc,
        "web app: project page 500",
        "u_10342",
        js_exc(
            "Error",
            "Request failed with status code 500",
            [
                jsf(
                    "https://app.brackenfold.com/assets/application-1b77d0.js",
                    "fetchJson",
                    1,
                    48301,
                ),
                jsf(
                    "https://app.brackenfold.com/assets/application-1b77d0.js",
                    "ProjectShow.connect",
                    1,
                    77112,
                ),
            ],
        ),
        web_props("/projects/prj_4471", "Safari"),
    )
    s_issue(
        c,
        d + "08:41:00Z",
        inc,
        "issue resolved after rollback",
        "brackenfold-rails",
        "ruby",
        5120101377,
        "NoMethodError",
        "undefined method `display_name' for nil",
        "app/presenters/project_presenter.rb in owner_label",
        action="resolved",
        filename="app/presenters/project_presenter.rb",
        function="owner_label",
        count=141,
        users=88,
        first_seen=d + "08:15:30Z",
        actor={"type": "user", "id": 211473, "name": "Ines Okafor"},
    )

    # -- decoy: CPU warning on web-01 that recovers alone
    dd_recommended(
        c,
        d + "08:20:00Z",
        None,
        "CPU warn on a web host",
        58110118,
        "CPU usage high",
        "host:web-01",
        "Warn",
        priority="P3",
        tags=["env:production", "host:web-01", "role:web"],
        host="web-01",
        msg=["**avg(last_10m):avg:system.cpu.user{host:web-01} > 85** was **> 80** (warning)"],
    )
    dd_recommended(
        c,
        d + "08:31:00Z",
        None,
        "CPU warn recovers",
        58110118,
        "CPU usage high",
        "host:web-01",
        "Recovered",
        priority="P3",
        tags=["env:production", "host:web-01", "role:web"],
        host="web-01",
        msg=["**avg(last_10m):avg:system.cpu.user{host:web-01} > 85**"],
    )

    # -- A3 Redis maxmemory (08:45)
    inc = "a3-redis-oom"
    dd_recommended(
        c,
        d + "08:45:00Z",
        inc,
        "Redis memory monitor",
        58110377,
        "Redis used memory near maxmemory",
        "host:redis-01",
        "Triggered",
        priority="P2",
        tags=["env:production", "host:redis-01", "redis_role:master"],
        host="redis-01",
        metric="redis.mem.used",
        msg=[
            "**avg(last_5m):avg:redis.mem.used{host:redis-01} / avg:redis.mem."
            "maxmemory{host:redis-01} > 0.95** was **> 0.95** (value 1.0)"
        ],
    )
    s_error(
        c,
        d + "08:46:10Z",
        inc,
        "web: Rails cache write OOM",
        "brackenfold-rails",
        "ruby",
        [
            (
                "Redis::CommandError",
                "OOM command not allowed when used memory > 'maxmemory'.",
                [
                    gem("redis-client-0.20.0/lib/redis_client.rb", "call_v", 256),
                    rb(
                        "app/controllers/application_controller.rb",
                        "track_last_seen",
                        44,
                        'Rails.cache.write("last_seen:#{current_user.id}", Time.current)',
                        root=RAILS2,
                    ),
                ],
                None,
            )
        ],
        issue_id=5120137750,
        release="brackenfold-rails@2026.03.10-2",
        server_name="web-01",
        transaction="TasksController#index",
        user={"id": "u_55019"},
    )
    s_error(
        c,
        d + "08:46:50Z",
        inc,
        "Sidekiq cannot push jobs",
        "brackenfold-sidekiq",
        "ruby",
        [
            (
                "RedisClient::CommandError",
                "OOM command not allowed when used memory > 'maxmemory'.",
                [
                    gem("sidekiq-7.2.2/lib/sidekiq/client.rb", "raw_push", 256),
                    rb(
                        "app/jobs/digest_scheduler_job.rb",
                        "perform",
                        12,
                        "DigestMailerJob.perform_async(account.id)",
                        root=RAILS2,
                    ),
                ],
                None,
            )
        ],
        issue_id=5120137811,
        release="brackenfold-rails@2026.03.10-2",
        server_name="worker-02",
        transaction="Sidekiq/DigestSchedulerJob",
        sdk=("sentry.ruby.sidekiq", "5.17.3"),
    )
    splunk(
        c,
        d + "08:47:30Z",
        inc,
        "app log: lograge line with the Redis error",
        "Rails - 5xx responses",
        {
            "_time": stime(d + "08:47:30Z"),
            "host": "web-03",
            "source": "/srv/brackenfold/shared/log/production.log",
            "sourcetype": "rails:lograge:json",
            "index": "app",
            "_raw": json.dumps(
                {
                    "method": "POST",
                    "path": "/tasks/bulk_update",
                    "format": "json",
                    "controller": "TasksController",
                    "action": "bulk_update",
                    "status": 500,
                    "duration": 41.2,
                    "error": "Redis::CommandError: OOM command not "
                    "allowed when used memory > 'maxmemory'.",
                    "request_id": "9d1f2a6c-44e0-4c1b-8a77-1c0de5b3f210",
                    "user_id": "u_73100",
                }
            ),
            "status": "500",
        },
    )

    # -- A4 RabbitMQ queue backing up, re-fires after a lull (09:05 .. 10:00)
    inc = "a4-rabbitmq-backlog"
    qtags = ["env:production", "queue:webhooks.outbound", "rabbitmq_vhost:/", "host:rmq-01"]
    dd_recommended(
        c,
        d + "09:05:00Z",
        inc,
        "queue depth monitor triggers",
        58110412,
        "RabbitMQ queue backing up",
        "queue:webhooks.outbound",
        "Triggered",
        priority="P2",
        tags=qtags,
        metric="rabbitmq.queue.messages",
        msg=[
            "**avg(last_10m):avg:rabbitmq.queue.messages{queue:webhooks.outbound}"
            " > 50000** was **> 50000** (value 84211)"
        ],
    )
    splunk(
        c,
        d + "09:06:30Z",
        inc,
        "broker memory alarm in syslog",
        "Syslog - rabbitmq alarms",
        syslog_row(
            d + "09:06:30Z",
            "rmq-01",
            "rabbitmq-server[902]",
            "memory resource limit alarm set on node rabbit@rmq-01. Publishers "
            "will be blocked until this alarm clears",
            back=70,
        ),
    )
    s_error(
        c,
        d + "09:08:00Z",
        inc,
        "publisher blocked in a web request",
        "brackenfold-rails",
        "ruby",
        [
            (
                "Bunny::ConnectionClosedError",
                "Trying to send frame through a closed connection. Frame is "
                "#<AMQ::Protocol::MethodFrame @payload=#<AMQ::Protocol::Basic::Publish>>",
                [
                    gem("bunny-2.22.0/lib/bunny/session.rb", "send_frameset", 833),
                    rb(
                        "app/services/webhook_dispatcher.rb",
                        "enqueue",
                        27,
                        'exchange.publish(payload.to_json, routing_key: "webhooks.outbound")',
                        root=RAILS2,
                    ),
                ],
                None,
            )
        ],
        issue_id=5120166020,
        release="brackenfold-rails@2026.03.10-2",
        server_name="web-02",
        transaction="Api::V1::TasksController#update",
        trace_id=hexid(),
        request=request("https://api.brackenfold.com/v1/tasks/tsk_99120", "PATCH"),
    )
    dd_recommended(
        c,
        d + "09:21:00Z",
        inc,
        "queue monitor recovers (first time)",
        58110412,
        "RabbitMQ queue backing up",
        "queue:webhooks.outbound",
        "Recovered",
        priority="P2",
        tags=qtags,
        msg=["Queue drained below 50000."],
    )
    dd_recommended(
        c,
        d + "09:52:00Z",
        inc,
        "queue monitor re-fires after a lull",
        58110412,
        "RabbitMQ queue backing up",
        "queue:webhooks.outbound",
        "Triggered",
        priority="P2",
        tags=qtags,
        metric="rabbitmq.queue.messages",
        msg=[
            "**avg(last_10m):avg:rabbitmq.queue.messages{queue:webhooks.outbound}"
            " > 50000** was **> 50000** (value 61007)"
        ],
    )
    splunk(
        c,
        d + "09:53:30Z",
        inc,
        "consumer log: deliveries timing out",
        "Sidekiq - job failures",
        {
            "_time": stime(d + "09:53:30Z"),
            "host": "worker-03",
            "source": "/srv/brackenfold/shared/log/sidekiq.log",
            "sourcetype": "sidekiq",
            "index": "app",
            "_raw": "2026-03-10T09:53:08.331Z pid=4120 tid=2kq1 class=WebhookDeliveryJob "
            "jid=6f0c1d2e3b4a59687a8b9c0d queue=webhooks elapsed=30.004 ERROR: "
            "Bunny::TCPConnectionFailedForAllHosts: could not establish TCP connection to "
            "any of the configured hosts",
            "class": "WebhookDeliveryJob",
        },
    )

    # -- A5 Sidekiq worker memory leak, OOM-killed, re-fires after a lull
    inc = "a5-worker-oom"
    dd_recommended(
        c,
        d + "09:30:00Z",
        inc,
        "host memory monitor on a worker",
        58110455,
        "Low usable memory",
        "host:worker-02",
        "Triggered",
        priority="P2",
        tags=["env:production", "host:worker-02", "role:worker", "nomad_job:brackenfold-sidekiq"],
        host="worker-02",
        metric="system.mem.pct_usable",
        msg=[
            "**avg(last_5m):avg:system.mem.pct_usable{host:worker-02} < 0.05** "
            "was **< 0.05** (value 0.021)"
        ],
    )
    splunk(
        c,
        d + "09:31:40Z",
        inc,
        "kernel OOM killer in syslog",
        "Syslog - kernel OOM killer",
        syslog_row(
            d + "09:31:40Z",
            "worker-02",
            "kernel",
            "[4411029.551182] Out of memory: Killed process 27110 (ruby) "
            "total-vm:9412208kB, anon-rss:7720144kB, file-rss:0kB, shmem-rss:0kB, "
            "UID:1001 pgtables:15400kB oom_score_adj:0",
            back=40,
            source="/var/log/kern.log",
        ),
    )
    s_error(
        c,
        d + "09:32:20Z",
        inc,
        "job killed mid-run",
        "brackenfold-sidekiq",
        "ruby",
        [
            (
                "Sidekiq::Shutdown",
                "Sidekiq::Shutdown",
                [
                    gem("sidekiq-7.2.2/lib/sidekiq/processor.rb", "execute_job", 220),
                    rb(
                        "app/jobs/report_export_job.rb",
                        "perform",
                        33,
                        "rows.each_slice(5_000) { |slice| csv << slice }",
                        root=RAILS2,
                    ),
                ],
                None,
            )
        ],
        issue_id=5120188004,
        release="brackenfold-rails@2026.03.10-2",
        server_name="worker-02",
        transaction="Sidekiq/ReportExportJob",
        tags={"sidekiq.queue": "exports"},
        sdk=("sentry.ruby.sidekiq", "5.17.3"),
    )
    splunk(
        c,
        d + "10:47:10Z",
        inc,
        "OOM kill again after a lull",
        "Syslog - kernel OOM killer",
        syslog_row(
            d + "10:47:10Z",
            "worker-02",
            "kernel",
            "[4415402.118090] Out of memory: Killed process 30288 (ruby) "
            "total-vm:9388120kB, anon-rss:7701392kB, file-rss:0kB, shmem-rss:0kB, "
            "UID:1001 pgtables:15372kB oom_score_adj:0",
            back=35,
            source="/var/log/kern.log",
        ),
    )
    dd_recommended(
        c,
        d + "10:48:00Z",
        inc,
        "memory monitor re-triggers",
        58110455,
        "Low usable memory",
        "host:worker-02",
        "Re-Triggered",
        priority="P2",
        tags=["env:production", "host:worker-02", "role:worker", "nomad_job:brackenfold-sidekiq"],
        host="worker-02",
        msg=["**avg(last_5m):avg:system.mem.pct_usable{host:worker-02} < 0.05**"],
    )

    # -- decoy: Nomad deploy notice of the workers; unrelated auth token error
    splunk(
        c,
        d + "09:35:00Z",
        None,
        "nomad deploy info line",
        "Nomad - allocation events",
        syslog_row(
            d + "09:35:00Z",
            "worker-01",
            "nomad[811]",
            "[INFO]  client.alloc_runner.task_runner: Task event: "
            'alloc_id=4f2a1c9e task=sidekiq type=Started msg="Task started by client"',
            back=10,
        ),
    )
    s_error(
        c,
        d + "09:40:00Z",
        None,
        "unrelated: CSRF token error",
        "brackenfold-rails",
        "ruby",
        [
            (
                "ActionController::InvalidAuthenticityToken",
                "Can't verify CSRF token authenticity.",
                [
                    gem(
                        "actionpack-7.1.3/lib/action_controller/metal/"
                        "request_forgery_protection.rb",
                        "handle_unverified_request",
                        257,
                    )
                ],
                None,
            )
        ],
        issue_id=5120190320,
        release="brackenfold-rails@2026.03.10-2",
        server_name="web-03",
        transaction="SessionsController#create",
        level="error",
    )

    # -- A6 replica lag: reports time out, the gateway (which names no backend) times out
    inc = "a6-replica-lag"
    dd_recommended(
        c,
        d + "10:02:00Z",
        inc,
        "replication lag monitor (by db)",
        58110501,
        "PostgreSQL replica lagging",
        "db:brackenfold_production,host:pg-replica-01",
        "Triggered",
        priority="P2",
        tags=["db:brackenfold_production", "env:production", "host:pg-replica-01", "role:replica"],
        host="pg-replica-01",
        metric="postgresql.replication_delay",
        msg=[
            "**max(last_5m):max:postgresql.replication_delay{host:pg-replica-01} "
            "> 120** was **> 120** (value 412)"
        ],
    )
    s_error(
        c,
        d + "10:03:30Z",
        inc,
        "web: report query cancelled on replica",
        "brackenfold-rails",
        "ruby",
        [
            (
                "PG::QueryCanceled",
                "ERROR:  canceling statement due to conflict with recovery\n"
                "DETAIL:  User query might have needed to see row versions that must be removed.",
                [
                    gem(
                        "activerecord-7.1.3/lib/active_record/connection_adapters/postgresql/"
                        "database_statements.rb",
                        "exec",
                        48,
                    )
                ],
                None,
            ),
            (
                "ActiveRecord::QueryCanceled",
                "PG::QueryCanceled: ERROR:  canceling statement due to conflict with recovery",
                [
                    rb(
                        "app/queries/time_report_query.rb",
                        "call",
                        52,
                        "ActiveRecord::Base.connected_to(role: :reading) { scope.to_a }",
                        root=RAILS2,
                    ),
                    rb(
                        "app/controllers/reports_controller.rb",
                        "show",
                        19,
                        "@rows = TimeReportQuery.new(report_params).call",
                        root=RAILS2,
                    ),
                ],
                None,
            ),
        ],
        issue_id=5120201188,
        release="brackenfold-rails@2026.03.10-2",
        server_name="web-04",
        transaction="ReportsController#show",
        user={"id": "u_31877"},
        request=request("https://app.brackenfold.com/reports/time?range=quarter"),
    )
    tid = hexid()
    s_error(
        c,
        d + "10:04:00Z",
        inc,
        "gateway: upstream deadline (names no backend)",
        "edge-gateway",
        "go",
        [
            (
                "*errors.errorString",
                "proxy: context deadline exceeded",
                [
                    gof("net/http", "net/http/server.go", "(*conn).serve", 2092, False),
                    gof(
                        "github.com/brackenfold/edge/internal/proxy",
                        "internal/proxy/proxy.go",
                        "(*Proxy).ServeHTTP",
                        141,
                    ),
                    gof(
                        "github.com/brackenfold/edge/internal/proxy",
                        "internal/proxy/errors.go",
                        "writeUpstreamError",
                        38,
                    ),
                ],
                "errors",
            )
        ],
        issue_id=5120201230,
        release="edge-gateway@1.13.2",
        server_name="gw-01",
        transaction="GET /v1/reports/{kind}",
        trace_id=tid,
        tags={"http.status_code": "504", "route": "/v1/reports/{kind}"},
        sdk=("sentry.go", "0.27.0"),
        mechanism="generic",
    )
    splunk(
        c,
        d + "10:04:40Z",
        inc,
        "gateway 5xx stats row (504s)",
        "Gateway 5xx by host",
        {"host": "gw-01", "status": "504", "count": "96", "route": "/v1/reports/*"},
    )
    dd_recommended(
        c,
        d + "10:19:00Z",
        inc,
        "replication lag recovers",
        58110501,
        "PostgreSQL replica lagging",
        "db:brackenfold_production,host:pg-replica-01",
        "Recovered",
        priority="P2",
        tags=["db:brackenfold_production", "env:production", "host:pg-replica-01", "role:replica"],
        host="pg-replica-01",
        msg=["Replication delay back under 120 s."],
    )

    # -- A7 expired TLS certificate on the public API
    inc = "a7-api-cert-expired"
    dd_recommended(
        c,
        d + "10:00:30Z",
        inc,
        "synthetics SSL test fails",
        58110530,
        "[Synthetics] SSL certificate api.brackenfold.com",
        "check:ssl",
        "Triggered",
        priority="P1",
        tags=["env:production", "synthetics_test:api-ssl", "check:ssl", "url:api.brackenfold.com"],
        event_type="synthetics_alert",
        msg=[
            "Assertion failed: certificate expires in **-0 days** "
            "(notAfter=Mar 10 10:00:00 2026 GMT) on api.brackenfold.com:443"
        ],
    )
    posthog(
        c,
        d + "10:01:30Z",
        inc,
        "web app: fetch fails in browser",
        "u_20991",
        js_exc(
            "TypeError",
            "Failed to fetch",
            [
                jsf(
                    "https://app.brackenfold.com/assets/application-4de1a0.js",
                    "apiRequest",
                    1,
                    12044,
                ),
                jsf(
                    "https://app.brackenfold.com/assets/application-4de1a0.js",
                    "TimerController.sync",
                    1,
                    90210,
                ),
            ],
        ),
        web_props("/timesheets/week/2026-W11"),
    )
    s_error(
        c,
        d + "10:02:10Z",
        inc,
        "SPA: fetch to the API fails",
        "brackenfold-spa",
        "javascript",
        [
            (
                "TypeError",
                "Failed to fetch",
                [
                    frame(
                        "app:///assets/application-4de1a0.js",
                        "apiRequest",
                        1,
                        colno=12044,
                        abs_path="https://app.brackenfold.com/assets/application-4de1a0.js",
                    ),
                ],
                None,
            )
        ],
        issue_id=5120203001,
        release="brackenfold-spa@2026.03.10-2",
        sdk=("sentry.javascript.browser", "8.47.0"),
        handled=False,
        mechanism="onunhandledrejection",
        transaction="/timesheets/week/:week",
        request=request(
            "https://app.brackenfold.com/timesheets/week/2026-W11",
            headers=[
                [
                    "User-Agent",
                    "Mozilla/5.0 (Macintosh; Intel Mac OS X "
                    "10_15_7) AppleWebKit/537.36 Chrome/133.0 Safari/537.36",
                ]
            ],
        ),
        tags={
            "browser": "Chrome 133",
            "url": "https://app.brackenfold.com/timesheets/week/2026-W11",
        },
    )
    splunk(
        c,
        d + "10:03:00Z",
        inc,
        "integration client log: x509 expired",
        "Gateway - TLS errors",
        {
            "_time": stime(d + "10:03:00Z"),
            "host": "gw-02",
            "source": "nomad/edge-gateway",
            "sourcetype": "edge:json",
            "index": "app",
            "_raw": json.dumps(
                {
                    "level": "error",
                    "ts": "2026-03-10T10:02:41.882Z",
                    "msg": "http: TLS handshake error",
                    "remote": "203.0.113.50:51920",
                    "err": "remote error: tls: bad certificate",
                    "listener": ":443",
                }
            ),
        },
    )
    dd_recommended(
        c,
        d + "10:26:00Z",
        inc,
        "synthetics SSL test recovers",
        58110530,
        "[Synthetics] SSL certificate api.brackenfold.com",
        "check:ssl",
        "Recovered",
        priority="P1",
        tags=["env:production", "synthetics_test:api-ssl", "check:ssl", "url:api.brackenfold.com"],
        event_type="synthetics_alert",
        msg=["Certificate renewed, valid 89 days."],
    )

    # -- A8 payment provider timeouts in billing jobs
    inc = "a8-stripe-timeouts"
    s_error(
        c,
        d + "10:30:00Z",
        inc,
        "billing job: Stripe connection error",
        "brackenfold-sidekiq",
        "ruby",
        [
            (
                "Net::ReadTimeout",
                "Net::ReadTimeout with #<TCPSocket:(closed)>",
                [gem("net-protocol-0.2.2/lib/net/protocol.rb", "rbuf_fill", 229)],
                None,
            ),
            (
                "Stripe::APIConnectionError",
                "Request timed out (Network error: Net::ReadTimeout)",
                [
                    gem("sidekiq-7.2.2/lib/sidekiq/processor.rb", "execute_job", 220),
                    rb(
                        "app/jobs/charge_subscription_job.rb",
                        "perform",
                        21,
                        "Stripe::Invoice.pay(invoice.stripe_id)",
                        root=RAILS2,
                    ),
                    gem("stripe-10.11.0/lib/stripe/stripe_client.rb", "execute_request", 232),
                ],
                None,
            ),
        ],
        issue_id=5120230410,
        release="brackenfold-rails@2026.03.10-2",
        server_name="worker-01",
        transaction="Sidekiq/ChargeSubscriptionJob",
        tags={"sidekiq.queue": "billing"},
        sdk=("sentry.ruby.sidekiq", "5.17.3"),
    )
    dd_recommended(
        c,
        d + "10:31:30Z",
        inc,
        "Sidekiq queue latency monitor (billing)",
        58110560,
        "Sidekiq queue latency",
        "queue:billing",
        "Triggered",
        priority="P2",
        tags=["env:production", "queue:billing", "service:brackenfold-sidekiq"],
        metric="sidekiq.queue.latency",
        msg=[
            "**max(last_5m):max:sidekiq.queue.latency{queue:billing} > 300** was "
            "**> 300** (value 642)"
        ],
    )
    splunk(
        c,
        d + "10:32:00Z",
        inc,
        "sidekiq log: retries with Net::ReadTimeout",
        "Sidekiq - job failures",
        {
            "_time": stime(d + "10:32:00Z"),
            "host": "worker-01",
            "source": "/srv/brackenfold/shared/log/sidekiq.log",
            "sourcetype": "sidekiq",
            "index": "app",
            "_raw": "2026-03-10T10:31:41.002Z pid=3907 tid=1xg0 class=ChargeSubscriptionJob "
            "jid=b1c2d3e4f5a6b7c8d9e0f1a2 queue=billing elapsed=80.121 WARN: "
            "Stripe::APIConnectionError: Request timed out (Network error: Net::ReadTimeout)",
            "class": "ChargeSubscriptionJob",
        },
    )
    s_metric(
        c,
        d + "10:33:00Z",
        inc,
        "Sentry metric alert: billing failures critical",
        "critical",
        88120411,
        41022,
        "Billing job failures",
        ["brackenfold-sidekiq"],
        "count()",
        "transaction:Sidekiq/ChargeSubscriptionJob",
        25,
        61,
    )
    s_metric(
        c,
        d + "11:02:00Z",
        inc,
        "Sentry metric alert resolved",
        "resolved",
        88120411,
        41022,
        "Billing job failures",
        ["brackenfold-sidekiq"],
        "count()",
        "transaction:Sidekiq/ChargeSubscriptionJob",
        25,
        3,
        started=d + "10:33:00Z",
    )

    # -- decoy: a PostHog exception from a browser extension, same minutes
    posthog(
        c,
        d + "10:34:10Z",
        None,
        "unrelated: ResizeObserver noise",
        "u_77120",
        js_exc(
            "Error",
            "ResizeObserver loop completed with undelivered notifications.",
            [],
            mech="onerror",
        ),
        web_props("/boards/brd_33"),
        person=False,
    )

    # -- A9 disk full on web-03
    inc = "a9-web03-disk-full"
    dd_recommended(
        c,
        d + "10:50:00Z",
        inc,
        "disk monitor by host",
        58110601,
        "Disk space low",
        "device:/dev/sda1,host:web-03",
        "Triggered",
        priority="P2",
        tags=["env:production", "host:web-03", "device:/dev/sda1", "role:web"],
        host="web-03",
        metric="system.disk.in_use",
        msg=[
            "**max(last_5m):max:system.disk.in_use{host:web-03} by {device} > "
            "0.95** was **> 0.95** (value 1.0)"
        ],
    )
    splunk(
        c,
        d + "10:51:00Z",
        inc,
        "syslog: no space left",
        "Syslog - disk errors",
        syslog_row(
            d + "10:51:00Z",
            "web-03",
            "rsyslogd",
            "file '/var/log/nomad/brackenfold-web.stdout.0': write error - "
            "No space left on device [v8.2112.0 try https://www.rsyslog.com/e/2027 ]",
        ),
    )
    s_error(
        c,
        d + "10:51:40Z",
        inc,
        "web: upload cannot write tmp file",
        "brackenfold-rails",
        "ruby",
        [
            (
                "Errno::ENOSPC",
                "No space left on device @ io_write - /tmp/RackMultipart20260310-7-1x9q3ab.pdf",
                [
                    gem("rack-3.0.9/lib/rack/multipart/parser.rb", "on_mime_body", 314),
                    rb(
                        "app/controllers/attachments_controller.rb",
                        "create",
                        12,
                        "@attachment = @task.attachments.create!(file: params[:file])",
                        root=RAILS2,
                    ),
                ],
                None,
            )
        ],
        issue_id=5120260041,
        release="brackenfold-rails@2026.03.10-2",
        server_name="web-03",
        transaction="AttachmentsController#create",
    )

    # -- A10 S3 SlowDown on uploads (ActiveStorage)
    inc = "a10-s3-slowdown"
    s_error(
        c,
        d + "11:05:00Z",
        inc,
        "web: ActiveStorage S3 SlowDown",
        "brackenfold-rails",
        "ruby",
        [
            (
                "Aws::S3::Errors::SlowDown",
                "Please reduce your request rate.",
                [
                    gem(
                        "aws-sdk-core-3.191.0/lib/seahorse/client/plugins/raise_response_errors.rb",
                        "call",
                        17,
                    ),
                    rb(
                        "app/controllers/attachments_controller.rb",
                        "create",
                        12,
                        "@attachment = @task.attachments.create!(file: params[:file])",
                        root=RAILS2,
                    ),
                ],
                None,
            )
        ],
        issue_id=5120271002,
        release="brackenfold-rails@2026.03.10-2",
        server_name="web-01",
        transaction="AttachmentsController#create",
        trace_id=hexid(),
        tags={"aws.service": "s3", "bucket": "brackenfold-prod-uploads"},
    )
    s_error(
        c,
        d + "11:05:50Z",
        inc,
        "jobs: thumbnail job S3 SlowDown",
        "brackenfold-sidekiq",
        "ruby",
        [
            (
                "Aws::S3::Errors::SlowDown",
                "Please reduce your request rate.",
                [
                    gem("sidekiq-7.2.2/lib/sidekiq/processor.rb", "execute_job", 220),
                    rb(
                        "app/jobs/thumbnail_job.rb",
                        "perform",
                        15,
                        "blob.open { |f| ImageProcessing::Vips.source(f).resize_to_limit(320, 320)."
                        "call }",
                        root=RAILS2,
                    ),
                ],
                None,
            )
        ],
        issue_id=5120271050,
        release="brackenfold-rails@2026.03.10-2",
        server_name="worker-03",
        transaction="Sidekiq/ActiveStorage::AnalyzeJob",
        sdk=("sentry.ruby.sidekiq", "5.17.3"),
    )
    posthog(
        c,
        d + "11:06:30Z",
        inc,
        "web: upload fails",
        "u_40022",
        js_exc(
            "Error",
            "Upload failed: 500 Internal Server Error",
            [
                jsf(
                    "https://app.brackenfold.com/assets/application-4de1a0.js",
                    "DirectUploadController.upload",
                    1,
                    33410,
                )
            ],
            mech="generic",
        ),
        web_props("/tasks/tsk_10442"),
    )

    # -- A11 bad gateway release: nil-pointer panic, 502s
    inc = "a11-gateway-panic"
    s_issue(
        c,
        d + "11:12:00Z",
        inc,
        "new gateway panic issue",
        "edge-gateway",
        "go",
        5120280077,
        "runtime.Error",
        "invalid memory address or nil pointer dereference",
        "github.com/brackenfold/edge/internal/auth in (*Verifier).Claims",
        filename="internal/auth/jwt.go",
        function="(*Verifier).Claims",
        count=12,
        users=9,
    )
    s_error(
        c,
        d + "11:12:40Z",
        inc,
        "gateway panic event",
        "edge-gateway",
        "go",
        [
            (
                "runtime.Error",
                "invalid memory address or nil pointer dereference",
                [
                    gof("net/http", "net/http/server.go", "(*conn).serve", 2092, False),
                    gof(
                        "github.com/brackenfold/edge/internal/auth",
                        "internal/auth/middleware.go",
                        "Middleware.func1",
                        44,
                    ),
                    gof(
                        "github.com/brackenfold/edge/internal/auth",
                        "internal/auth/jwt.go",
                        "(*Verifier).Claims",
                        88,
                    ),
                ],
                "runtime",
            )
        ],
        issue_id=5120280077,
        release="edge-gateway@1.14.0",
        server_name="gw-02",
        transaction="POST /v1/time_entries",
        sdk=("sentry.go", "0.27.0"),
        mechanism="recover",
        tags={"http.status_code": "502"},
    )
    dd_recommended(
        c,
        d + "11:13:00Z",
        inc,
        "APM error monitor on the gateway service",
        58110640,
        "Gateway error rate",
        "env:production,service:edge-gateway",
        "Triggered",
        priority="P1",
        tags=["env:production", "service:edge-gateway", "version:1.14.0"],
        metric="trace.http.request.errors",
        msg=[
            "**sum(last_5m):sum:trace.http.request.errors{service:edge-gateway}"
            ".as_count() > 200** was **> 200** (value 913)"
        ],
    )
    splunk(
        c,
        d + "11:13:30Z",
        inc,
        "gateway 5xx stats row (502s)",
        "Gateway 5xx by host",
        {"host": "gw-02", "status": "502", "count": "540", "route": "/v1/*"},
    )
    posthog(
        c,
        d + "11:14:00Z",
        inc,
        "web: time entry save fails with 502",
        "u_61200",
        js_exc(
            "Error",
            "Request failed with status code 502",
            [
                jsf(
                    "https://app.brackenfold.com/assets/application-4de1a0.js",
                    "fetchJson",
                    1,
                    48301,
                ),
                jsf(
                    "https://app.brackenfold.com/assets/application-4de1a0.js",
                    "TimerController.stop",
                    1,
                    90877,
                ),
            ],
        ),
        web_props("/timesheets/week/2026-W11"),
    )
    dd_recommended(
        c,
        d + "11:31:00Z",
        inc,
        "gateway monitor recovers after rollback",
        58110640,
        "Gateway error rate",
        "env:production,service:edge-gateway",
        "Recovered",
        priority="P1",
        tags=["env:production", "service:edge-gateway", "version:1.13.2"],
        msg=["Error count back under 200."],
    )

    # -- A12 chunk load errors after a CDN purge
    inc = "a12-chunk-load"
    s_metric(
        c,
        d + "11:20:00Z",
        inc,
        "SPA error-count metric alert warning",
        "warning",
        88120470,
        41060,
        "SPA errors spike",
        ["brackenfold-spa"],
        "count()",
        "event.type:error",
        150,
        212,
    )
    s_error(
        c,
        d + "11:20:30Z",
        inc,
        "SPA: ChunkLoadError",
        "brackenfold-spa",
        "javascript",
        [
            (
                "ChunkLoadError",
                "Loading chunk 812 failed.\n(error: https://app.brackenfold.com"
                "/assets/812.7f1e0c.js)",
                [
                    frame(
                        "app:///assets/runtime-a10c2b.js",
                        "__webpack_require__.f.j",
                        1,
                        colno=4410,
                        abs_path="https://app.brackenfold.com/assets/runtime-a10c2b.js",
                    )
                ],
                None,
            )
        ],
        issue_id=5120283310,
        release="brackenfold-spa@2026.03.10-3",
        sdk=("sentry.javascript.browser", "8.47.0"),
        mechanism="onunhandledrejection",
        transaction="/boards/:id",
        tags={"browser": "Firefox 135"},
    )
    posthog(
        c,
        d + "11:21:10Z",
        inc,
        "web: ChunkLoadError in PostHog",
        "u_90012",
        js_exc(
            "ChunkLoadError",
            "Loading chunk 812 failed.",
            [
                jsf(
                    "https://app.brackenfold.com/assets/runtime-a10c2b.js",
                    "__webpack_require__.f.j",
                    1,
                    4410,
                )
            ],
        ),
        web_props("/boards/brd_12", "Firefox"),
    )
    s_metric(
        c,
        d + "11:44:00Z",
        inc,
        "SPA metric alert resolved",
        "resolved",
        88120470,
        41060,
        "SPA errors spike",
        ["brackenfold-spa"],
        "count()",
        "event.type:error",
        150,
        18,
        started=d + "11:20:00Z",
    )

    # -- more decoys
    s_error(
        c,
        d + "11:13:20Z",
        None,
        "staging gateway fails at the same time",
        "edge-gateway",
        "go",
        [
            (
                "*net.OpError",
                "dial tcp 10.40.0.7:3000: connect: connection refused",
                [
                    gof(
                        "github.com/brackenfold/edge/internal/proxy",
                        "internal/proxy/proxy.go",
                        "(*Proxy).ServeHTTP",
                        141,
                    )
                ],
                "net",
            )
        ],
        issue_id=5120280101,
        env="staging",
        release="edge-gateway@1.14.1-rc.1",
        server_name="stg-gw-01",
        sdk=("sentry.go", "0.27.0"),
    )
    dd_recommended(
        c,
        d + "11:15:00Z",
        None,
        "RabbitMQ staging queue monitor",
        58110413,
        "RabbitMQ queue backing up",
        "queue:webhooks.outbound.staging",
        "Warn",
        priority="P4",
        tags=["env:staging", "queue:webhooks.outbound.staging"],
        msg=["value 5012 (warning threshold 5000)"],
    )
    dd_recommended(
        c,
        d + "11:25:00Z",
        None,
        "staging queue warn recovers",
        58110413,
        "RabbitMQ queue backing up",
        "queue:webhooks.outbound.staging",
        "Recovered",
        priority="P4",
        tags=["env:staging", "queue:webhooks.outbound.staging"],
        msg=["value 120"],
    )
    splunk(
        c,
        d + "11:30:00Z",
        None,
        "logrotate info line",
        "Syslog - disk errors",
        syslog_row(
            d + "11:30:00Z",
            "web-03",
            "logrotate[22011]",
            "ALERT exited abnormally with [1]: error: skipping "
            '"/var/log/nginx/access.log" because parent directory has insecure '
            "permissions",
            back=15,
        ),
    )
    s_issue(
        c,
        d + "11:35:00Z",
        None,
        "unrelated new issue: CSV import encoding",
        "brackenfold-rails",
        "ruby",
        5120290808,
        "CSV::MalformedCSVError",
        "Invalid byte sequence in UTF-8 in line 1.",
        "app/services/csv_import.rb in parse",
        filename="app/services/csv_import.rb",
        function="parse",
    )
    posthog(
        c,
        d + "07:45:00Z",
        None,
        "unrelated: extension error",
        "u_31009",
        js_exc(
            "TypeError",
            "Cannot read properties of null (reading 'shadowRoot')",
            [
                jsf(
                    "chrome-extension://fheoggkfdfchfphceeifdbepaooicaho/content.js",
                    "inject",
                    3,
                    911,
                    in_app=False,
                )
            ],
            mech="onerror",
        ),
        web_props("/dashboard"),
    )
    dd_recommended(
        c,
        d + "07:50:00Z",
        None,
        "NTP offset warn that recovers",
        58110190,
        "Clock offset",
        "host:gw-01",
        "Warn",
        priority="P4",
        tags=["env:production", "host:gw-01"],
        host="gw-01",
        msg=["ntp.offset 0.6 s (warning 0.5)"],
    )
    dd_recommended(
        c,
        d + "07:58:00Z",
        None,
        "NTP warn recovered",
        58110190,
        "Clock offset",
        "host:gw-01",
        "Recovered",
        priority="P4",
        tags=["env:production", "host:gw-01"],
        host="gw-01",
        msg=["ntp.offset 0.02 s"],
    )


# =========================================================================== Company 2


def bff_frames(route_file, fn, line):
    return [
        nodef("/app/node_modules/undici/lib/fetch/index.js", "fetch", 113, 11, False),
        nodef("/app/dist/clients/http.js", "request", 58, 19),
        nodef(f"/app/dist/routes/{route_file}", fn, line, 23),
    ]


def bramblewick() -> None:
    c = C2
    d1 = "2026-04-21T"
    d2 = "2026-04-22T"
    ns = "kube_namespace:bank-prod"

    def kd(name):
        return [
            "env:prod",
            ns,
            f"kube_deployment:{name}",
            f"service:{name}",
            "kube_cluster_name:bw-prod-euw2",
        ]

    # -- decoys to open
    dd_custom(
        c,
        d1 + "06:00:20Z",
        None,
        "dead-man heartbeat",
        70221001,
        "Heartbeat: cron-watchdog",
        "env:prod",
        "Triggered",
        priority="P5",
        tags=["env:prod", "heartbeat"],
        msg=["cron-watchdog pinged. No action."],
    )
    s_error(
        c,
        d1 + "06:10:00Z",
        None,
        "unrelated iOS crash in charts",
        "ios-app",
        "cocoa",
        [
            (
                "EXC_BAD_ACCESS",
                "KERN_INVALID_ADDRESS at 0x0000000000000010",
                [
                    frame(
                        "SpendingChartView.swift",
                        "SpendingChartView.layoutBars()",
                        211,
                        module="Bramblewick",
                    ),
                ],
                None,
            )
        ],
        issue_id=6100200011,
        release="com.bramblewick.ios@5.14.1+2031",
        sdk=("sentry.cocoa", "8.44.0"),
        mechanism="mach",
        contexts={
            "os": {"name": "iOS", "version": "18.3.2"},
            "device": {"model": "iPhone15,2", "family": "iOS"},
        },
    )

    # -- B1 Aurora writer failover
    inc = "b1-aurora-failover"
    aur = [
        "env:prod",
        "dbclusteridentifier:bramblewick-aurora-prod",
        "engine:aurora-postgresql",
        "region:eu-west-2",
    ]
    dd_custom(
        c,
        d1 + "06:40:00Z",
        inc,
        "Aurora failover monitor",
        70221040,
        "Aurora cluster failover",
        "dbclusteridentifier:bramblewick-aurora-prod",
        "Triggered",
        priority="P1",
        tags=aur,
        msg=[
            "RDS event RDS-EVENT-0072: A failover for the DB cluster has started.",
            "Writer moved from bramblewick-aurora-prod-1 to bramblewick-aurora-prod-2.",
        ],
    )
    s_error(
        c,
        d1 + "06:40:50Z",
        inc,
        "payments-api: I/O error to DB",
        "payments-api",
        "java",
        [
            (
                "java.net.SocketException",
                "Connection reset",
                [kt("java.net.SocketInputStream", "read", "SocketInputStream.java", 186, False)],
                "java.net",
            ),
            (
                "org.postgresql.util.PSQLException",
                "An I/O error occurred while sending to the backend.",
                [
                    kt(
                        "com.zaxxer.hikari.pool.HikariProxyPreparedStatement",
                        "executeUpdate",
                        "HikariProxyPreparedStatement.java",
                        61,
                        False,
                    ),
                    kt(
                        "com.bramblewick.payments.transfer.TransferRepository",
                        "insert",
                        "TransferRepository.kt",
                        74,
                    ),
                    kt(
                        "com.bramblewick.payments.transfer.TransferService",
                        "submit",
                        "TransferService.kt",
                        118,
                    ),
                ],
                "org.postgresql.util",
            ),
        ],
        issue_id=6100201001,
        release="payments-api@4.8.2",
        server_name="payments-api-7d9f6c5b8-x2kqp",
        transaction="POST /v2/transfers",
        sdk=("sentry.java.spring-boot.jakarta", "7.18.0"),
        trace_id=hexid(),
        tags={"kube.pod": "payments-api-7d9f6c5b8-x2kqp"},
    )
    s_error(
        c,
        d1 + "06:41:20Z",
        inc,
        "accounts-api: read-only transaction",
        "accounts-api",
        "java",
        [
            (
                "org.postgresql.util.PSQLException",
                "ERROR: cannot execute UPDATE in a read-only transaction",
                [
                    kt(
                        "com.bramblewick.accounts.profile.ProfileService",
                        "updateAddress",
                        "ProfileService.kt",
                        52,
                    )
                ],
                "org.postgresql.util",
            )
        ],
        issue_id=6100201030,
        release="accounts-api@3.2.0",
        server_name="accounts-api-5c8d7b9f4-m7w2n",
        transaction="PUT /v1/profile/address",
        sdk=("sentry.java.spring-boot.jakarta", "7.18.0"),
    )
    s_error(
        c,
        d1 + "06:41:50Z",
        inc,
        "BFF: upstream 503 from payments",
        "mobile-bff",
        "node",
        [
            (
                "UpstreamError",
                "payments-api responded 503 for POST /v2/transfers",
                bff_frames("transfers.js", "createTransfer", 41),
            )
        ],
        issue_id=6100201077,
        release="mobile-bff@2026.04.17",
        server_name="mobile-bff-6b5c4d8f7-q9rtz",
        transaction="POST /bff/transfers",
        sdk=("sentry.javascript.node", "8.47.0"),
        user={"id": "cus_81233"},
    )
    posthog(
        c,
        d1 + "06:42:10Z",
        inc,
        "iOS app: transfer submission failed",
        "cus_81233",
        swift_exc(
            "Bramblewick.TransferError",
            "server(status: 502)",
            [("TransferReviewViewModel.submit()", "TransferReviewViewModel.swift", 88)],
        ),
        ios_props("TransferReview"),
    )
    dd_custom(
        c,
        d1 + "06:48:00Z",
        inc,
        "Aurora failover monitor recovers",
        70221040,
        "Aurora cluster failover",
        "dbclusteridentifier:bramblewick-aurora-prod",
        "Recovered",
        priority="P1",
        tags=aur,
        msg=["RDS-EVENT-0071: A failover for the DB cluster has completed."],
    )
    # decoy in the same minutes: a staging DB failover rehearsal
    dd_custom(
        c,
        d1 + "06:43:00Z",
        None,
        "staging Aurora failover drill",
        70221041,
        "Aurora cluster failover",
        "dbclusteridentifier:bramblewick-aurora-staging",
        "Triggered",
        priority="P4",
        tags=["env:staging", "dbclusteridentifier:bramblewick-aurora-staging"],
        msg=["Planned drill."],
    )

    # -- B2 bad deploy of cards-api
    inc = "b2-cards-bad-deploy"
    s_issue(
        c,
        d1 + "07:31:00Z",
        inc,
        "new Go panic in cards-api release",
        "cards-api",
        "go",
        6100210440,
        "runtime.Error",
        "index out of range [0] with length 0",
        "github.com/bramblewick/cards/internal/api in (*Handler).ListCards",
        filename="internal/api/cards.go",
        function="(*Handler).ListCards",
        count=7,
        users=7,
    )
    s_alert(
        c,
        d1 + "07:31:40Z",
        inc,
        "issue alert on the panic",
        "cards-api",
        "go",
        [
            (
                "runtime.Error",
                "index out of range [0] with length 0",
                [
                    gof("net/http", "net/http/server.go", "(*conn).serve", 2092, False),
                    gof(
                        "github.com/bramblewick/cards/internal/api",
                        "internal/api/cards.go",
                        "(*Handler).ListCards",
                        63,
                    ),
                ],
                "runtime",
            )
        ],
        "Panic in production",
        issue_id=6100210440,
        release="cards-api@2.31.0",
        server_name="cards-api-84f7d6c9b-2xj5d",
        transaction="GET /v1/cards",
        sdk=("sentry.go", "0.30.0"),
        mechanism="recover",
        tags={"kube.deployment": "cards-api"},
    )
    dd_custom(
        c,
        d1 + "07:32:00Z",
        inc,
        "5xx monitor by kube_deployment",
        70221102,
        "5xx rate above 5%",
        "kube_deployment:cards-api",
        "Triggered",
        priority="P2",
        tags=[*kd("cards-api"), "version:2.31.0"],
        msg=["sum:trace.http.request.errors{kube_deployment:cards-api} 14.2% > 5%"],
    )
    s_error(
        c,
        d1 + "07:32:30Z",
        inc,
        "Android: cards screen HTTP 502",
        "android-app",
        "java",
        [
            (
                "retrofit2.HttpException",
                "HTTP 502 ",
                [
                    kt(
                        "retrofit2.KotlinExtensions$await$2$2",
                        "onResponse",
                        "KotlinExtensions.kt",
                        53,
                        False,
                    ),
                    kt(
                        "com.bramblewick.app.cards.CardsRepository",
                        "refresh",
                        "CardsRepository.kt",
                        40,
                    ),
                    kt(
                        "com.bramblewick.app.cards.CardsViewModel$load$1",
                        "invokeSuspend",
                        "CardsViewModel.kt",
                        27,
                    ),
                ],
                "retrofit2",
            )
        ],
        issue_id=6100210502,
        release="com.bramblewick.android@5.14.0+51400",
        sdk=("sentry.java.android", "7.18.0"),
        mechanism="UncaughtExceptionHandler",
        user={"id": "cus_20419"},
        contexts={"os": {"name": "Android", "version": "15"}},
    )
    posthog(
        c,
        d1 + "07:33:00Z",
        inc,
        "Android PostHog: same 502",
        "cus_20419",
        java_exc(
            "retrofit2.HttpException",
            "HTTP 502 ",
            [
                (
                    "com.bramblewick.app.cards.CardsRepository",
                    "refresh",
                    "CardsRepository.kt",
                    40,
                    True,
                )
            ],
        ),
        android_props("Cards"),
    )
    s_issue(
        c,
        d1 + "07:55:00Z",
        inc,
        "panic issue resolved after rollback",
        "cards-api",
        "go",
        6100210440,
        "runtime.Error",
        "index out of range [0] with length 0",
        "github.com/bramblewick/cards/internal/api in (*Handler).ListCards",
        action="resolved",
        filename="internal/api/cards.go",
        function="(*Handler).ListCards",
        count=402,
        users=377,
        first_seen=d1 + "07:31:00Z",
        actor={"type": "user", "id": 90417, "name": "Tomasz Wierzbicki"},
    )
    dd_custom(
        c,
        d1 + "07:29:00Z",
        None,
        "deploy notice for cards-api",
        70221190,
        "Deployment started",
        "kube_deployment:cards-api",
        "Triggered",
        priority="P5",
        tags=[*kd("cards-api"), "version:2.31.0", "deploy"],
        msg=["Argo CD synced cards-api to 2.31.0 (3/3 pods)."],
    )

    # -- B3 notifications consumer lag, re-fires after a lull
    inc = "b3-notifications-lag"
    lag = [
        "env:prod",
        "consumer_group:notifications-consumer",
        "topic:payments.events",
        "cluster_name:bw-msk-prod",
    ]
    dd_custom(
        c,
        d1 + "08:10:00Z",
        inc,
        "consumer lag monitor by group/topic",
        70221150,
        "Kafka consumer lag",
        "consumer_group:notifications-consumer,topic:payments.events",
        "Triggered",
        priority="P2",
        tags=lag,
        msg=["max:kafka.consumer_lag{consumer_group:notifications-consumer} = 48210 > 10000"],
    )
    s_error(
        c,
        d1 + "08:11:30Z",
        inc,
        "notifications-svc: FCM timeouts",
        "notifications-svc",
        "node",
        [
            (
                "FirebaseMessagingError",
                "Error while making request: timeout of 10000ms exceeded. Error code: ETIMEDOUT",
                [
                    nodef(
                        "/app/node_modules/firebase-admin/lib/utils/api-request.js",
                        "AuthorizedHttpClient.send",
                        212,
                        19,
                        False,
                    ),
                    nodef("/app/dist/push/fcm.js", "sendPush", 37, 11),
                    nodef("/app/dist/consumers/paymentEvents.js", "eachMessage", 54, 9),
                ],
            )
        ],
        issue_id=6100220100,
        release="notifications-svc@1.19.4",
        server_name="notifications-svc-7f6d5c-9vx2l",
        transaction="kafka payments.events",
        sdk=("sentry.javascript.node", "8.47.0"),
        tags={"messaging.destination": "payments.events"},
    )
    dd_custom(
        c,
        d1 + "08:30:00Z",
        inc,
        "lag monitor recovers",
        70221150,
        "Kafka consumer lag",
        "consumer_group:notifications-consumer,topic:payments.events",
        "Recovered",
        priority="P2",
        tags=lag,
        msg=["lag 310"],
    )
    dd_custom(
        c,
        d1 + "09:20:00Z",
        inc,
        "lag monitor re-fires after a lull",
        70221150,
        "Kafka consumer lag",
        "consumer_group:notifications-consumer,topic:payments.events",
        "Triggered",
        priority="P2",
        tags=lag,
        msg=["max:kafka.consumer_lag{consumer_group:notifications-consumer} = 29004 > 10000"],
    )
    s_error(
        c,
        d1 + "09:21:10Z",
        inc,
        "notifications-svc: FCM timeouts again",
        "notifications-svc",
        "node",
        [
            (
                "FirebaseMessagingError",
                "Error while making request: timeout of 10000ms exceeded. Error code: ETIMEDOUT",
                [
                    nodef(
                        "/app/node_modules/firebase-admin/lib/utils/api-request.js",
                        "AuthorizedHttpClient.send",
                        212,
                        19,
                        False,
                    ),
                    nodef("/app/dist/push/fcm.js", "sendPush", 37, 11),
                ],
            )
        ],
        issue_id=6100220100,
        release="notifications-svc@1.19.4",
        server_name="notifications-svc-7f6d5c-k28fw",
        transaction="kafka payments.events",
        sdk=("sentry.javascript.node", "8.47.0"),
    )

    # -- B4 Lambda statement-generator timeouts
    inc = "b4-statement-lambda-timeout"
    dd_custom(
        c,
        d1 + "09:00:00Z",
        inc,
        "Lambda errors monitor by function",
        70221170,
        "Lambda errors",
        "functionname:statement-generator",
        "Triggered",
        priority="P2",
        tags=[
            "env:prod",
            "functionname:statement-generator",
            "runtime:python3.12",
            "region:eu-west-2",
        ],
        msg=["sum:aws.lambda.errors{functionname:statement-generator} = 37 > 10"],
    )
    s_error(
        c,
        d1 + "09:00:40Z",
        inc,
        "Sentry Lambda timeout warning",
        "lambdas",
        "python",
        [
            (
                "ServerlessTimeoutWarning",
                "WARNING : Function is expected to get timed out. "
                "Configured timeout duration = 30 seconds.",
                [
                    pyf(
                        "sentry_sdk.integrations.aws_lambda",
                        "sentry_sdk/integrations/aws_lambda.py",
                        "sentry_handler",
                        152,
                        in_app=False,
                    ),
                    pyf(
                        "statements.render",
                        "statements/render.py",
                        "render_pdf",
                        88,
                        "html = template.render(transactions=txns)",
                    ),
                ],
            )
        ],
        issue_id=6100230040,
        release="statement-generator@2026.04.14",
        server_name="statement-generator",
        transaction="statement-generator",
        sdk=("sentry.python.aws_lambda", "2.19.2"),
        handled=True,
        mechanism="threading",
        contexts={
            "aws_lambda": {
                "function_name": "statement-generator",
                "aws_request_id": "a0c2" + hexid(4),
            }
        },
    )
    s_error(
        c,
        d1 + "09:01:30Z",
        inc,
        "BFF: statements 504",
        "mobile-bff",
        "node",
        [
            (
                "UpstreamError",
                "statement service timed out after 29000 ms",
                bff_frames("statements.js", "downloadStatement", 22),
            )
        ],
        issue_id=6100230077,
        release="mobile-bff@2026.04.17",
        server_name="mobile-bff-6b5c4d8f7-q9rtz",
        transaction="GET /bff/statements/:month",
        sdk=("sentry.javascript.node", "8.47.0"),
    )
    posthog(
        c,
        d1 + "09:02:00Z",
        inc,
        "iOS: statement download timeout",
        "cus_55107",
        swift_exc(
            "Bramblewick.StatementError",
            "timeout",
            [("StatementService.download(month:)", "StatementService.swift", 41)],
        ),
        ios_props("Statements"),
    )

    # -- B5 mobile-bff memory leak, OOMKilled, re-fires
    inc = "b5-bff-oomkilled"
    dd_custom(
        c,
        d1 + "10:00:00Z",
        inc,
        "OOMKilled monitor by kube_deployment",
        70221200,
        "Containers OOMKilled",
        "kube_deployment:mobile-bff",
        "Triggered",
        priority="P2",
        tags=[*kd("mobile-bff"), "kube_container_name:bff"],
        msg=[
            "sum:kubernetes.containers.state.terminated{reason:oomkilled,"
            "kube_deployment:mobile-bff} = 4 > 0",
            "pods: mobile-bff-6b5c4d8f7-q9rtz, mobile-bff-6b5c4d8f7-w4n8c",
        ],
    )
    s_error(
        c,
        d1 + "10:01:00Z",
        inc,
        "Android: socket timeout to BFF",
        "android-app",
        "java",
        [
            (
                "java.net.SocketTimeoutException",
                "timeout",
                [
                    kt(
                        "okhttp3.internal.http2.Http2Stream$StreamTimeout",
                        "newTimeoutException",
                        "Http2Stream.kt",
                        675,
                        False,
                    ),
                    kt(
                        "com.bramblewick.app.home.HomeRepository",
                        "loadSummary",
                        "HomeRepository.kt",
                        33,
                    ),
                ],
                "java.net",
            )
        ],
        issue_id=6100240020,
        release="com.bramblewick.android@5.14.0+51400",
        sdk=("sentry.java.android", "7.18.0"),
        user={"id": "cus_33410"},
    )
    s_error(
        c,
        d1 + "10:01:40Z",
        inc,
        "iOS: network connection lost",
        "ios-app",
        "cocoa",
        [
            (
                "NSURLErrorDomain",
                'Code=-1005 "The network connection was lost."',
                [
                    frame(
                        "HomeService.swift", "HomeService.fetchSummary()", 57, module="Bramblewick"
                    )
                ],
                None,
            )
        ],
        issue_id=6100240041,
        release="com.bramblewick.ios@5.14.1+2031",
        sdk=("sentry.cocoa", "8.44.0"),
        handled=True,
        user={"id": "cus_72001"},
        tags={"url": "https://api.bramblewick.co.uk/bff/home"},
    )
    dd_custom(
        c,
        d1 + "10:20:00Z",
        inc,
        "OOMKilled monitor recovers",
        70221200,
        "Containers OOMKilled",
        "kube_deployment:mobile-bff",
        "Recovered",
        priority="P2",
        tags=kd("mobile-bff"),
        msg=["No OOMKilled containers for 15 minutes."],
    )
    dd_custom(
        c,
        d1 + "11:10:00Z",
        inc,
        "OOMKilled re-fires after a lull",
        70221200,
        "Containers OOMKilled",
        "kube_deployment:mobile-bff",
        "Triggered",
        priority="P2",
        tags=[*kd("mobile-bff"), "kube_container_name:bff"],
        msg=[
            "sum:kubernetes.containers.state.terminated{reason:oomkilled,"
            "kube_deployment:mobile-bff} = 2 > 0",
            "pods: mobile-bff-6b5c4d8f7-k1p3s",
        ],
    )
    posthog(
        c,
        d1 + "11:11:00Z",
        inc,
        "Android PostHog: socket timeout on home",
        "cus_90233",
        java_exc(
            "java.net.SocketTimeoutException",
            "timeout",
            [
                (
                    "com.bramblewick.app.home.HomeRepository",
                    "loadSummary",
                    "HomeRepository.kt",
                    33,
                    True,
                )
            ],
        ),
        android_props("Home"),
    )

    # -- decoys on day 1
    posthog(
        c,
        d1 + "10:02:30Z",
        None,
        "unrelated Android: fragment not attached",
        "cus_11092",
        java_exc(
            "java.lang.IllegalStateException",
            "Fragment SettingsFragment{4a1} not attached to a context.",
            [
                (
                    "com.bramblewick.app.settings.SettingsFragment",
                    "onThemeChanged",
                    "SettingsFragment.kt",
                    96,
                    True,
                )
            ],
        ),
        android_props("Settings"),
    )
    dd_custom(
        c,
        d1 + "10:05:00Z",
        None,
        "HPA at max replicas warn, recovers alone",
        70221230,
        "HPA at max replicas",
        "kube_deployment:accounts-api",
        "Warn",
        priority="P4",
        tags=kd("accounts-api"),
        msg=["replicas 12/12"],
    )
    dd_custom(
        c,
        d1 + "10:16:00Z",
        None,
        "HPA warn recovered",
        70221230,
        "HPA at max replicas",
        "kube_deployment:accounts-api",
        "Recovered",
        priority="P4",
        tags=kd("accounts-api"),
        msg=["replicas 7/12"],
    )
    s_error(
        c,
        d1 + "09:22:00Z",
        None,
        "staging notifications failing (bad secret)",
        "notifications-svc",
        "node",
        [
            (
                "FirebaseAppError",
                "Credential implementation provided to initializeApp() via "
                'the "credential" property failed to fetch a valid Google OAuth2 access token',
                [nodef("/app/dist/push/fcm.js", "init", 12, 5)],
            )
        ],
        issue_id=6100220190,
        env="staging",
        release="notifications-svc@1.20.0-rc.2",
        sdk=("sentry.javascript.node", "8.47.0"),
    )
    s_error(
        c,
        d1 + "09:03:00Z",
        None,
        "info message: statements batch finished",
        "lambdas",
        "python",
        [("StatementsBatchSummary", "rendered 18,442 statements, 37 timed out", [])],
        issue_id=6100230099,
        level="info",
        release="statement-generator@2026.04.14",
        sdk=("sentry.python.aws_lambda", "2.19.2"),
        handled=True,
    )

    # -- B6 payment provider timeouts (day 2)
    inc = "b6-payflux-timeouts"
    s_error(
        c,
        d2 + "06:30:00Z",
        inc,
        "payments-api: provider read timeout",
        "payments-api",
        "java",
        [
            (
                "java.net.SocketTimeoutException",
                "Read timed out",
                [kt("sun.nio.ch.NioSocketImpl", "timedRead", "NioSocketImpl.java", 278, False)],
                "java.net",
            ),
            (
                "org.springframework.web.client.ResourceAccessException",
                'I/O error on POST request for "https://api.payflux.example/v3/payments":'
                " Read timed out",
                [
                    kt(
                        "org.springframework.web.client.RestTemplate",
                        "doExecute",
                        "RestTemplate.java",
                        915,
                        False,
                    ),
                    kt(
                        "com.bramblewick.payments.payflux.PayfluxClient",
                        "submit",
                        "PayfluxClient.kt",
                        66,
                    ),
                    kt(
                        "com.bramblewick.payments.transfer.TransferService",
                        "submit",
                        "TransferService.kt",
                        131,
                    ),
                ],
                "org.springframework.web.client",
            ),
        ],
        issue_id=6100300010,
        release="payments-api@4.8.3",
        server_name="payments-api-5f8b9c7d6-hh2lp",
        transaction="POST /v2/transfers",
        sdk=("sentry.java.spring-boot.jakarta", "7.18.0"),
        trace_id=hexid(),
    )
    dd_custom(
        c,
        d2 + "06:31:00Z",
        inc,
        "APM latency monitor on payments-api",
        70221300,
        "p99 latency high",
        "kube_deployment:payments-api,resource_name:post_/v2/transfers",
        "Triggered",
        priority="P2",
        tags=[*kd("payments-api"), "resource_name:post_/v2/transfers"],
        msg=[
            "p99:trace.http.request{service:payments-api,resource_name:post_/v2/"
            "transfers} = 31.2s > 5s"
        ],
    )
    s_metric(
        c,
        d2 + "06:32:00Z",
        inc,
        "Sentry metric alert: failed transfers",
        "critical",
        99120077,
        52011,
        "Failed transfers",
        ["payments-api"],
        "count()",
        'transaction:"POST /v2/transfers"',
        20,
        88,
        env="production",
    )
    posthog(
        c,
        d2 + "06:33:00Z",
        inc,
        "Android: transfer failed",
        "cus_40018",
        java_exc(
            "com.bramblewick.app.transfer.TransferFailedException",
            "Transfer could not be completed (code=PROVIDER_TIMEOUT)",
            [
                (
                    "com.bramblewick.app.transfer.TransferViewModel",
                    "confirm",
                    "TransferViewModel.kt",
                    112,
                    True,
                )
            ],
            mech="generic",
        ),
        android_props("TransferConfirm"),
    )
    s_error(
        c,
        d2 + "06:34:00Z",
        None,
        "staging payments failing too (sandbox down)",
        "payments-api",
        "java",
        [
            (
                "org.springframework.web.client.HttpServerErrorException$ServiceUnavailable",
                '503 Service Unavailable: "sandbox maintenance"',
                [
                    kt(
                        "com.bramblewick.payments.payflux.PayfluxClient",
                        "submit",
                        "PayfluxClient.kt",
                        66,
                    )
                ],
                "org.springframework.web.client",
            )
        ],
        issue_id=6100300055,
        env="staging",
        release="payments-api@4.9.0-rc.1",
        sdk=("sentry.java.spring-boot.jakarta", "7.18.0"),
    )
    s_metric(
        c,
        d2 + "07:05:00Z",
        inc,
        "metric alert resolved",
        "resolved",
        99120077,
        52011,
        "Failed transfers",
        ["payments-api"],
        "count()",
        'transaction:"POST /v2/transfers"',
        20,
        2,
        started=d2 + "06:32:00Z",
    )
    dd_custom(
        c,
        d2 + "07:06:00Z",
        inc,
        "latency monitor recovers",
        70221300,
        "p99 latency high",
        "kube_deployment:payments-api,resource_name:post_/v2/transfers",
        "Recovered",
        priority="P2",
        tags=kd("payments-api"),
        msg=["p99 1.1s"],
    )

    # -- B7 expired mTLS certificate to the card processor
    inc = "b7-card-processor-cert"
    dd_custom(
        c,
        d2 + "07:40:00Z",
        inc,
        "TLS cert check for processor endpoint",
        70221330,
        "TLS certificate expired",
        "instance:card-processor-mtls",
        "Triggered",
        priority="P1",
        tags=["env:prod", "instance:card-processor-mtls", "service:cards-api"],
        msg=["tls.days_left{instance:card-processor-mtls} = -1 < 0"],
    )
    s_error(
        c,
        d2 + "07:41:00Z",
        inc,
        "cards-api: x509 expired",
        "cards-api",
        "go",
        [
            (
                "*url.Error",
                'Post "https://mtls.processor.example/iso8583/auth": '
                "tls: failed to verify certificate: x509: certificate has expired or is not "
                "yet valid: current time 2026-04-22T07:40:31Z is after 2026-04-22T07:00:00Z",
                [
                    gof(
                        "github.com/bramblewick/cards/internal/processor",
                        "internal/processor/client.go",
                        "(*Client).Authorise",
                        97,
                    )
                ],
                "url",
            )
        ],
        issue_id=6100310020,
        release="cards-api@2.30.4",
        server_name="cards-api-6cf9b7d5c-8kqzv",
        transaction="POST /v1/cards/{id}/freeze",
        sdk=("sentry.go", "0.30.0"),
    )
    s_error(
        c,
        d2 + "07:41:40Z",
        inc,
        "BFF: cards upstream 502",
        "mobile-bff",
        "node",
        [
            (
                "UpstreamError",
                "cards-api responded 502 for POST /v1/cards/crd_8812/freeze",
                bff_frames("cards.js", "freezeCard", 77),
            )
        ],
        issue_id=6100310066,
        release="mobile-bff@2026.04.21",
        server_name="mobile-bff-7c6d5e9f8-b2vwx",
        transaction="POST /bff/cards/:id/freeze",
        sdk=("sentry.javascript.node", "8.47.0"),
        user={"id": "cus_60071"},
    )
    posthog(
        c,
        d2 + "07:42:20Z",
        inc,
        "iOS: card freeze failed",
        "cus_60071",
        swift_exc(
            "Bramblewick.CardActionError",
            "freezeFailed(status: 502)",
            [("CardDetailViewModel.toggleFreeze()", "CardDetailViewModel.swift", 64)],
        ),
        ios_props("CardDetail"),
    )

    # -- B8 MSK broker leader elections
    inc = "b8-msk-leader-election"
    dd_custom(
        c,
        d2 + "08:00:00Z",
        inc,
        "MSK under-replicated partitions",
        70221360,
        "MSK under-replicated partitions",
        "cluster_name:bw-msk-prod",
        "Triggered",
        priority="P2",
        tags=["env:prod", "cluster_name:bw-msk-prod", "broker_id:2"],
        msg=["max:aws.kafka.under_replicated_partitions{cluster_name:bw-msk-prod} = 41"],
    )
    s_error(
        c,
        d2 + "08:01:00Z",
        inc,
        "payments-api: producer NotLeaderOrFollower",
        "payments-api",
        "java",
        [
            (
                "org.apache.kafka.common.errors.NotLeaderOrFollowerException",
                "For requests intended only for the leader, this error indicates that the broker "
                "is not the current leader.",
                [],
                "org.apache.kafka.common.errors",
            ),
            (
                "org.springframework.kafka.KafkaException",
                "Send failed",
                [
                    kt(
                        "org.springframework.kafka.core.KafkaTemplate",
                        "doSend",
                        "KafkaTemplate.java",
                        787,
                        False,
                    ),
                    kt(
                        "com.bramblewick.payments.events.PaymentEventPublisher",
                        "publish",
                        "PaymentEventPublisher.kt",
                        29,
                    ),
                ],
                "org.springframework.kafka",
            ),
        ],
        issue_id=6100320011,
        release="payments-api@4.8.3",
        server_name="payments-api-5f8b9c7d6-hh2lp",
        sdk=("sentry.java.spring-boot.jakarta", "7.18.0"),
    )
    s_error(
        c,
        d2 + "08:01:50Z",
        inc,
        "accounts-api: metadata timeout",
        "accounts-api",
        "java",
        [
            (
                "org.apache.kafka.common.errors.TimeoutException",
                "Topic account.events not present in metadata after 60000 ms.",
                [
                    kt(
                        "com.bramblewick.accounts.events.AccountEventPublisher",
                        "publish",
                        "AccountEventPublisher.kt",
                        41,
                    )
                ],
                "org.apache.kafka.common.errors",
            )
        ],
        issue_id=6100320040,
        release="accounts-api@3.2.0",
        server_name="accounts-api-5c8d7b9f4-m7w2n",
        sdk=("sentry.java.spring-boot.jakarta", "7.18.0"),
    )
    dd_custom(
        c,
        d2 + "08:18:00Z",
        inc,
        "MSK monitor recovers",
        70221360,
        "MSK under-replicated partitions",
        "cluster_name:bw-msk-prod",
        "Recovered",
        priority="P2",
        tags=["env:prod", "cluster_name:bw-msk-prod"],
        msg=["0"],
    )

    # -- B9 KYC Lambda S3 AccessDenied after an IAM change
    inc = "b9-kyc-s3-denied"
    s_issue(
        c,
        d2 + "09:00:00Z",
        inc,
        "new Lambda issue: AccessDenied",
        "lambdas",
        "python",
        6100330001,
        "ClientError",
        "An error occurred (AccessDenied) when calling the GetObject operation: Access Denied",
        "kyc.check in handler",
        filename="kyc/check.py",
        function="handler",
        count=14,
        users=14,
    )
    dd_custom(
        c,
        d2 + "09:01:00Z",
        inc,
        "Lambda errors monitor: kyc function",
        70221170,
        "Lambda errors",
        "functionname:kyc-document-check",
        "Triggered",
        priority="P2",
        tags=["env:prod", "functionname:kyc-document-check", "runtime:python3.12"],
        msg=["sum:aws.lambda.errors{functionname:kyc-document-check} = 52 > 10"],
    )
    posthog(
        c,
        d2 + "09:02:00Z",
        inc,
        "Android: KYC upload verification failed",
        "cus_99001",
        java_exc(
            "com.bramblewick.app.kyc.KycUploadException",
            "verification failed: 500",
            [("com.bramblewick.app.kyc.KycUploadWorker", "doWork", "KycUploadWorker.kt", 58, True)],
            mech="generic",
        ),
        android_props("IdentityCheck"),
    )
    s_issue(
        c,
        d2 + "09:25:00Z",
        inc,
        "Lambda issue resolved after the IAM fix",
        "lambdas",
        "python",
        6100330001,
        "ClientError",
        "An error occurred (AccessDenied) when calling the GetObject operation: Access Denied",
        "kyc.check in handler",
        action="resolved",
        filename="kyc/check.py",
        function="handler",
        count=96,
        users=90,
        first_seen=d2 + "09:00:00Z",
        actor={"type": "user", "id": 90511, "name": "Priya Natarajan"},
    )

    # -- B10 Aurora reader CPU, balance reads time out
    inc = "b10-aurora-reader-cpu"
    dd_custom(
        c,
        d2 + "10:00:00Z",
        inc,
        "reader CPU monitor",
        70221400,
        "Aurora reader CPU",
        "dbinstanceidentifier:bramblewick-aurora-prod-3",
        "Triggered",
        priority="P2",
        tags=[
            "env:prod",
            "dbinstanceidentifier:bramblewick-aurora-prod-3",
            "dbclusteridentifier:bramblewick-aurora-prod",
            "role:reader",
        ],
        msg=[
            "avg:aws.rds.cpuutilization{dbinstanceidentifier:bramblewick-aurora-prod-3} = 98.7 > 90"
        ],
    )
    s_error(
        c,
        d2 + "10:01:00Z",
        inc,
        "accounts-api: query timeout",
        "accounts-api",
        "java",
        [
            (
                "org.springframework.dao.QueryTimeoutException",
                "PreparedStatementCallback; SQL "
                "[select ... from ledger_entries where account_id = ?]; ERROR: canceling "
                "statement due to statement timeout",
                [
                    kt(
                        "com.bramblewick.accounts.balance.BalanceService",
                        "current",
                        "BalanceService.kt",
                        38,
                    )
                ],
                "org.springframework.dao",
            )
        ],
        issue_id=6100340022,
        release="accounts-api@3.2.0",
        transaction="GET /v1/balance",
        server_name="accounts-api-5c8d7b9f4-r2d8k",
        sdk=("sentry.java.spring-boot.jakarta", "7.18.0"),
    )
    s_error(
        c,
        d2 + "10:01:40Z",
        inc,
        "iOS: balance fetch failed",
        "ios-app",
        "cocoa",
        [
            (
                "Bramblewick.BalanceError",
                "http(504)",
                [
                    frame(
                        "BalanceService.swift", "BalanceService.refresh()", 29, module="Bramblewick"
                    )
                ],
                None,
            )
        ],
        issue_id=6100340060,
        release="com.bramblewick.ios@5.14.1+2031",
        sdk=("sentry.cocoa", "8.44.0"),
        handled=True,
        user={"id": "cus_11800"},
    )
    dd_custom(
        c,
        d2 + "10:22:00Z",
        inc,
        "reader CPU recovers",
        70221400,
        "Aurora reader CPU",
        "dbinstanceidentifier:bramblewick-aurora-prod-3",
        "Recovered",
        priority="P2",
        tags=["env:prod", "dbinstanceidentifier:bramblewick-aurora-prod-3"],
        msg=["42.0"],
    )

    # -- B11 CoreDNS failing: several services cannot resolve names
    inc = "b11-coredns"
    dd_custom(
        c,
        d2 + "10:40:00Z",
        inc,
        "CoreDNS errors monitor",
        70221440,
        "CoreDNS SERVFAIL",
        "kube_deployment:coredns",
        "Triggered",
        priority="P1",
        tags=[
            "env:prod",
            "kube_namespace:kube-system",
            "kube_deployment:coredns",
            "kube_cluster_name:bw-prod-euw2",
        ],
        msg=["sum:coredns.response_code_count{rcode:servfail} = 4120 > 100"],
    )
    s_error(
        c,
        d2 + "10:40:40Z",
        inc,
        "notifications-svc: EAI_AGAIN",
        "notifications-svc",
        "node",
        [
            (
                "Error",
                "getaddrinfo EAI_AGAIN fcm.googleapis.com",
                [
                    nodef("node:dns", "GetAddrInfoReqWrap.onlookup", 109, 26, False),
                    nodef("/app/dist/push/fcm.js", "sendPush", 37, 11),
                ],
            )
        ],
        issue_id=6100350011,
        release="notifications-svc@1.19.4",
        sdk=("sentry.javascript.node", "8.47.0"),
    )
    s_error(
        c,
        d2 + "10:41:10Z",
        inc,
        "cards-api: DNS lookup timeout",
        "cards-api",
        "go",
        [
            (
                "*net.OpError",
                "dial tcp: lookup accounts-api.bank-prod.svc.cluster.local on "
                "172.20.0.10:53: read udp 10.1.4.22:41822->172.20.0.10:53: i/o timeout",
                [
                    gof(
                        "github.com/bramblewick/cards/internal/accounts",
                        "internal/accounts/client.go",
                        "(*Client).Owner",
                        51,
                    )
                ],
                "net",
            )
        ],
        issue_id=6100350030,
        release="cards-api@2.30.4",
        sdk=("sentry.go", "0.30.0"),
    )
    s_error(
        c,
        d2 + "10:41:40Z",
        inc,
        "payments-api: UnknownHostException",
        "payments-api",
        "java",
        [
            (
                "java.net.UnknownHostException",
                "accounts-api.bank-prod.svc.cluster.local: Temporary failure in name resolution",
                [
                    kt(
                        "com.bramblewick.payments.accounts.AccountsClient",
                        "owner",
                        "AccountsClient.kt",
                        24,
                    )
                ],
                "java.net",
            )
        ],
        issue_id=6100350052,
        release="payments-api@4.8.3",
        sdk=("sentry.java.spring-boot.jakarta", "7.18.0"),
    )
    dd_custom(
        c,
        d2 + "10:58:00Z",
        inc,
        "CoreDNS monitor recovers",
        70221440,
        "CoreDNS SERVFAIL",
        "kube_deployment:coredns",
        "Recovered",
        priority="P1",
        tags=["env:prod", "kube_namespace:kube-system", "kube_deployment:coredns"],
        msg=["12"],
    )

    # -- decoys on day 2
    dd_custom(
        c,
        d2 + "06:00:20Z",
        None,
        "dead-man heartbeat",
        70221001,
        "Heartbeat: cron-watchdog",
        "env:prod",
        "Triggered",
        priority="P5",
        tags=["env:prod", "heartbeat"],
        msg=["cron-watchdog pinged. No action."],
    )
    dd_custom(
        c,
        d2 + "08:02:00Z",
        None,
        "fx-rate-sync throttles warn, recovers alone",
        70221171,
        "Lambda throttles",
        "functionname:fx-rate-sync",
        "Warn",
        priority="P4",
        tags=["env:prod", "functionname:fx-rate-sync"],
        msg=["throttles 3 (warn 1)"],
    )
    dd_custom(
        c,
        d2 + "08:12:00Z",
        None,
        "fx-rate-sync throttles recovered",
        70221171,
        "Lambda throttles",
        "functionname:fx-rate-sync",
        "Recovered",
        priority="P4",
        tags=["env:prod", "functionname:fx-rate-sync"],
        msg=["throttles 0"],
    )
    posthog(
        c,
        d2 + "10:41:20Z",
        None,
        "unrelated iOS: biometric cancelled",
        "cus_52010",
        swift_exc(
            "LAError",
            'Code=-2 "Canceled by user."',
            [("LoginViewModel.unlock()", "LoginViewModel.swift", 71)],
        ),
        ios_props("Login"),
    )
    s_metric(
        c,
        d2 + "09:00:30Z",
        None,
        "staging metric alert warning",
        "warning",
        99120140,
        52090,
        "Error count (staging)",
        ["mobile-bff"],
        "count()",
        "",
        50,
        64,
        env="staging",
    )
    s_issue(
        c,
        d2 + "10:05:00Z",
        None,
        "unrelated new Android issue: parcel crash",
        "android-app",
        "java",
        6100360101,
        "android.os.BadParcelableException",
        "ClassNotFoundException when unmarshalling: com.bramblewick.app.pay.PayeeDraft",
        "com.bramblewick.app.pay.PayeeActivity in onCreate",
        filename="PayeeActivity.kt",
        function="onCreate",
    )
    dd_custom(
        c,
        d2 + "07:45:00Z",
        None,
        "deploy notice for mobile-bff",
        70221190,
        "Deployment started",
        "kube_deployment:mobile-bff",
        "Triggered",
        priority="P5",
        tags=[*kd("mobile-bff"), "deploy", "version:2026.04.22"],
        msg=["Argo CD synced mobile-bff to 2026.04.22 (4/4 pods)."],
    )


def main() -> None:
    brackenfold()
    bramblewick()
    rows = sorted(ROWS, key=lambda r: r["at"])  # stable: ties keep writing order
    with OUT.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, sort_keys=False, ensure_ascii=False) + "\n")
    for company in (C1, C2):
        mine = [r for r in rows if r["company"] == company]
        labels = {r["incident"] for r in mine if r["incident"]}
        decoys = sum(1 for r in mine if r["incident"] is None)
        print(
            f"{company} ({slug(company)}): {len(mine)} rows, {len(labels)} incidents, "
            f"{decoys} decoys"
        )
    print(f"wrote {len(rows)} rows to {OUT.name}")


if __name__ == "__main__":
    main()
