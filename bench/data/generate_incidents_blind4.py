"""Write ``incidents-blind4.jsonl``: an outsider's labelled set of multi-tool incidents.

Two fictional companies, each over its own mornings of March 2026 (UTC):

- Tallowpay (2026-03-10), a payments marketplace on Kubernetes: an Express BFF (``edge-bff``)
  in front of a Go ledger (``ledger-svc``), a FastAPI payments service (``payments-svc``),
  a Django KYC service (``kyc-svc``), a RabbitMQ consumer (``payout-worker``) and a Node
  notifier (``notif-svc``), with the ledger on an in-cluster Postgres and sessions in Redis.
  Tools: Sentry (one project per service), Datadog through its recommended webhook template
  (monitors grouped by ``kube_namespace``, ``kube_deployment``, ``pod_name`` or ``queue``),
  Splunk (saved-search rows of container logs and ``stats`` rows) and PostHog (the web app's
  ``$exception`` events through the HTTP Webhook destination).
- Tidewell Media (2026-03-17 and 2026-03-18), a video-streaming service on VMs, RDS Postgres,
  ElastiCache Redis and a Fastly CDN: a Django catalogue, a Go playback API, a Rails billing
  API, a Python transcode worker on SQS, a Java search API and a React web player. Tools:
  Sentry, Splunk, Datadog through a webhook template of the team's own (``summary``,
  ``state``, ``severity``...), PostHog from the web player.

Every row is ``{source, headers, body, incident, role, at}``; ``incident`` is null for a
decoy. The bodies follow the vendors' documented webhooks, checked against:

- Sentry integration-platform webhooks (docs.sentry.io/integrations/integration-platform/
  webhooks/: issues, errors, issue-alerts, metric-alerts), with ``Request-ID``,
  ``Sentry-Hook-Resource``, ``Sentry-Hook-Timestamp`` (Unix seconds) and
  ``Sentry-Hook-Signature`` (hex HMAC-SHA256 of the compact body with a made-up secret);
  events carry tags as sorted ``[key, value]`` pairs and frames oldest first.
- Datadog's Webhooks integration (docs.datadoghq.com/integrations/webhooks/): every value a
  string, ``$DATE`` in milliseconds, ``$ALERT_TRANSITION``, ``$ALERT_SCOPE``, ``$TAGS`` as
  ``k:v,k:v``; the product's recommended template and a custom one.
- PostHog's HTTP Webhook destination (``{"event": {...}, "person": {...}}``) carrying
  ``$exception`` events with ``$exception_list`` and raw ``web:javascript`` frames.
- Splunk's webhook alert action (help.splunk.com, "Use a webhook alert action"): ``sid``,
  ``search_name``, ``app``, ``owner``, ``results_link`` and ``result`` (the first row, all
  strings, ``_time`` in epoch seconds, no ``_time`` on ``stats`` rows).

Deterministic: ``python bench/data/generate_incidents_blind4.py`` writes the same bytes each run.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import random
import uuid
from datetime import datetime, timedelta
from pathlib import Path

OUT = Path(__file__).with_name("incidents-blind4.jsonl")
RNG = random.Random(4_2026_0310)
SENTRY_SECRET = b"made-up-client-secret-for-the-benchmark"
ROWS: list[dict] = []


def hexid(n: int = 32) -> str:
    return "".join(RNG.choice("0123456789abcdef") for _ in range(n))


def digits(n: int) -> str:
    return str(RNG.randint(1, 9)) + "".join(RNG.choice("0123456789") for _ in range(n - 1))


def uid() -> str:
    return str(uuid.UUID(int=RNG.getrandbits(128), version=4))


def at(day: str, hms: str) -> datetime:
    return datetime.fromisoformat(f"{day}T{hms}+00:00")


def iso(t: datetime, ms: bool = True) -> str:
    if ms:
        return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def add(source: str, headers: dict, body: dict, incident: str | None, role: str, t: datetime):
    ROWS.append(
        {
            "source": source,
            "headers": headers,
            "body": body,
            "incident": incident,
            "role": role,
            "at": t.strftime("%Y-%m-%dT%H:%M:%SZ"),
        }
    )


# --------------------------------------------------------------------------------- Sentry

SENTRY_PROJECTS: dict[str, int] = {}
SENTRY_ISSUES: dict[tuple[str, str], tuple[str, str, int]] = {}


def project_id(slug: str) -> int:
    if slug not in SENTRY_PROJECTS:
        SENTRY_PROJECTS[slug] = 4500000 + len(SENTRY_PROJECTS) * 7919 + RNG.randint(1, 999)
    return SENTRY_PROJECTS[slug]


def issue_of(slug: str, key: str) -> tuple[str, str, int]:
    """(issue id, short id, count) of one issue, the same for every row of it."""
    if (slug, key) not in SENTRY_ISSUES:
        n = sum(1 for s, _ in SENTRY_ISSUES if s == slug) + 1
        SENTRY_ISSUES[(slug, key)] = (digits(10), f"{slug.upper()}-{n + 40}", 0)
    return SENTRY_ISSUES[(slug, key)]


def sentry_headers(resource: str, body: dict, t: datetime) -> dict:
    raw = json.dumps(body, separators=(",", ":")).encode()
    return {
        "Content-Type": "application/json",
        "Request-ID": hexid(),
        "Sentry-Hook-Resource": resource,
        "Sentry-Hook-Timestamp": str(int(t.timestamp())),
        "Sentry-Hook-Signature": hmac.new(SENTRY_SECRET, raw, hashlib.sha256).hexdigest(),
    }


def frame(platform: str, f: tuple) -> dict:
    filename, function, lineno, in_app = f[:4]
    d: dict = {
        "filename": filename,
        "abs_path": filename,
        "function": function,
        "lineno": lineno,
        "in_app": in_app,
        "data": {},
        "vars": None,
        "pre_context": [],
        "post_context": [],
        "context_line": f[4] if len(f) > 4 else None,
    }
    if platform == "python":
        d["module"] = filename.removesuffix(".py").replace("/", ".")
    elif platform == "go":
        d["module"] = function.rsplit(".", 1)[0] if "." in function else None
        d["abs_path"] = "/src/" + filename
    elif platform in ("javascript", "node"):
        d["colno"] = RNG.randint(5, 90)
        d["module"] = None
    elif platform == "java":
        d["module"] = function.rsplit(".", 1)[0]
        d["function"] = function.rsplit(".", 1)[1]
    elif platform == "ruby":
        d["module"] = None
    return d


def sentry_event(
    org: str,
    slug: str,
    platform: str,
    exc_type: str,
    value: str,
    frames: list[tuple],
    t: datetime,
    *,
    env: str = "production",
    release: str | None = None,
    level: str = "error",
    tags: dict | None = None,
    request: dict | None = None,
    user: dict | None = None,
    trace_id: str | None = None,
    chain: list[tuple[str, str, list[tuple]]] | None = None,
    handled: bool = False,
    transaction: str | None = None,
) -> dict:
    pid = project_id(slug)
    issue_id, _, _ = issue_of(slug, f"{exc_type}: {value}")
    event_id = hexid()
    trace_id = trace_id or hexid()
    all_tags = {"environment": env, "level": level, "handled": "yes" if handled else "no"}
    if release:
        all_tags["release"] = release
    if transaction:
        all_tags["transaction"] = transaction
    if request:
        all_tags["url"] = request["url"]
    all_tags.update(tags or {})
    values = []
    for ctype, cvalue, cframes in chain or []:
        values.append(
            {
                "type": ctype,
                "value": cvalue,
                "module": None,
                "mechanism": {"type": "chained", "handled": True},
                "stacktrace": {"frames": [frame(platform, f) for f in cframes]},
            }
        )
    values.append(
        {
            "type": exc_type,
            "value": value,
            "module": None,
            "mechanism": {"type": "generic", "handled": handled},
            "stacktrace": {"frames": [frame(platform, f) for f in frames]},
        }
    )
    culprit = transaction or frames[-1][1]
    base = f"https://{org}.sentry.io"
    api = f"https://sentry.io/api/0/projects/{org}/{slug}"
    ev: dict = {
        "event_id": event_id,
        "project": pid,
        "release": release,
        "dist": None,
        "platform": platform,
        "message": "",
        "datetime": t.isoformat(),
        "timestamp": t.timestamp(),
        "received": t.timestamp() + 0.4,
        "tags": sorted([k, v] for k, v in all_tags.items()),
        "environment": env,
        "level": level,
        "culprit": culprit,
        "logger": "",
        "type": "error",
        "title": f"{exc_type}: {value}"[:200],
        "location": frames[-1][0],
        "transaction": transaction,
        "metadata": {
            "type": exc_type,
            "value": value,
            "filename": frames[-1][0],
            "function": frames[-1][1],
        },
        "exception": {"values": values},
        "contexts": {
            "trace": {"trace_id": trace_id, "span_id": hexid(16), "op": "http.server"},
            "runtime": {"name": platform, "type": "runtime"},
        },
        "sdk": SDKS[platform],
        "fingerprint": ["{{ default }}"],
        "hashes": [hexid()],
        "version": "7",
        "url": f"{api}/events/{event_id}/",
        "web_url": f"{base}/issues/{issue_id}/events/{event_id}/",
        "issue_url": f"https://sentry.io/api/0/issues/{issue_id}/",
        "issue_id": issue_id,
    }
    if request:
        ev["request"] = {"method": request.get("method", "GET"), "url": request["url"]}
        ev["request"]["headers"] = [["User-Agent", request.get("ua", "Mozilla/5.0")]]
    if user:
        ev["user"] = user
    return ev


def sentry_error(inc, role, t, org, slug, *args, **kw):
    body = {
        "action": "created",
        "installation": {"uuid": INSTALL[org]},
        "data": {"error": sentry_event(org, slug, *args, t - timedelta(seconds=3), **kw)},
        "actor": {"type": "application", "id": "sentry", "name": "Sentry"},
    }
    add("sentry", sentry_headers("error", body, t), body, inc, role, t)


def sentry_alert(inc, role, t, org, slug, rule, *args, **kw):
    ev = sentry_event(org, slug, *args, t - timedelta(seconds=20), **kw)
    body = {
        "action": "triggered",
        "installation": {"uuid": INSTALL[org]},
        "data": {
            "event": ev,
            "triggered_rule": rule,
            "issue_alert": {"title": rule, "settings": []},
        },
        "actor": {"type": "application", "id": "sentry", "name": "Sentry"},
    }
    add("sentry", sentry_headers("event_alert", body, t), body, inc, role, t)


def sentry_issue(
    inc, role, t, org, slug, action, platform, exc_type, value, culprit, filename, *, count=1
):
    issue_id, short, _ = issue_of(slug, f"{exc_type}: {value}")
    pid = project_id(slug)
    first = t - timedelta(minutes=RNG.randint(1, 30) if action != "created" else 0, seconds=5)
    status = {"created": "unresolved", "unresolved": "unresolved"}.get(action, action)
    issue = {
        "id": issue_id,
        "shortId": short,
        "title": f"{exc_type}: {value}"[:200],
        "culprit": culprit,
        "permalink": f"https://{org}.sentry.io/issues/{issue_id}/",
        "logger": None,
        "level": "error",
        "status": status,
        "substatus": {"created": "new", "unresolved": "regressed"}.get(action),
        "statusDetails": {"inRelease": "latest"} if action == "resolved" else {},
        "priority": "high",
        "isPublic": False,
        "platform": platform,
        "project": {"id": str(pid), "name": slug, "slug": slug, "platform": platform},
        "type": "error",
        "issueType": "error",
        "issueCategory": "error",
        "metadata": {"type": exc_type, "value": value, "filename": filename},
        "numComments": 0,
        "assignedTo": None,
        "isBookmarked": False,
        "isSubscribed": False,
        "hasSeen": action != "created",
        "annotations": [],
        "isUnhandled": True,
        "count": str(count),
        "userCount": max(1, count // 3),
        "firstSeen": first.isoformat(),
        "lastSeen": (t - timedelta(seconds=4)).isoformat(),
        "url": f"https://sentry.io/api/0/organizations/{org}/issues/{issue_id}/",
        "web_url": f"https://{org}.sentry.io/issues/{issue_id}/",
        "project_url": f"https://{org}.sentry.io/issues/?project={pid}",
    }
    actor = {"type": "application", "id": "sentry", "name": "Sentry"}
    if action in ("resolved", "ignored"):
        actor = {"type": "user", "id": RNG.randint(100000, 999999), "name": ONCALL[org]}
    body = {
        "action": action,
        "installation": {"uuid": INSTALL[org]},
        "data": {"issue": issue},
        "actor": actor,
    }
    add("sentry", sentry_headers("issue", body, t), body, inc, role, t)


METRIC_RULES: dict[str, tuple[int, str]] = {}


def sentry_metric(inc, role, t, org, slug, action, name, aggregate, query, threshold, value):
    if name not in METRIC_RULES:
        METRIC_RULES[name] = (RNG.randint(200000, 299999), digits(6))
    rule_id, incident_id = METRIC_RULES[name]
    status = {"critical": 20, "warning": 10, "resolved": 2}[action]
    title = {"critical": "Critical", "warning": "Warning", "resolved": "Resolved"}[action]
    body = {
        "action": action,
        "installation": {"uuid": INSTALL[org]},
        "data": {
            "metric_alert": {
                "alert_rule": {
                    "id": str(rule_id),
                    "name": name,
                    "organization_id": str(ORG_IDS[org]),
                    "projects": [slug],
                    "status": 0,
                    "query_type": 0,
                    "dataset": "events",
                    "query": query,
                    "aggregate": aggregate,
                    "threshold_type": 0,
                    "resolve_threshold": None,
                    "time_window": 10.0,
                    "environment": "production",
                    "resolution": 1.0,
                    "include_all_projects": False,
                    "excluded_projects": [],
                    "triggers": [
                        {
                            "id": str(rule_id * 3),
                            "alert_rule_id": str(rule_id),
                            "label": "critical",
                            "threshold_type": 0,
                            "alert_threshold": float(threshold),
                            "resolve_threshold": None,
                            "date_created": "2025-11-04T09:12:41.000000Z",
                            "actions": [
                                {
                                    "id": str(rule_id * 5),
                                    "alert_rule_trigger_id": str(rule_id * 3),
                                    "type": "sentry_app",
                                    "target_type": "sentry_app",
                                    "target_identifier": str(RNG.randint(1000, 9999)),
                                    "input_channel_id": None,
                                    "integration_id": None,
                                    "sentry_app_id": 4242,
                                    "date_created": "2025-11-04T09:12:41.000000Z",
                                    "desc": None,
                                }
                            ],
                        }
                    ],
                    "owner": None,
                    "date_modified": "2025-11-04T09:12:41.000000Z",
                    "date_created": "2025-11-04T09:12:41.000000Z",
                    "created_by": {"id": 774411, "name": ONCALL[org]},
                },
                "date_closed": iso(t) if action == "resolved" else None,
                "date_detected": iso(t - timedelta(minutes=2)),
                "date_started": iso(t - timedelta(minutes=12)),
                "id": incident_id,
                "identifier": str(int(incident_id) % 10000),
                "organization_id": str(ORG_IDS[org]),
                "projects": [slug],
                "status": status,
                "status_method": 3 if action == "resolved" else 1,
                "title": name,
                "type": 2,
            },
            "description_text": f"{value} {aggregate} in the last 10 minutes\nFilter: {query}",
            "description_title": f"{title}: {name}",
            "web_url": f"https://{org}.sentry.io/alerts/rules/details/{rule_id}/?alert={incident_id}",
        },
        "actor": {"type": "application", "id": "sentry", "name": "Sentry"},
    }
    add("sentry", sentry_headers("metric_alert", body, t), body, inc, role, t)


# -------------------------------------------------------------------------------- Datadog

DD_CYCLES: dict[tuple[str, str], tuple[str, str, str]] = {}


def dd_vars(monitor: str, scope: str, t: datetime, transition: str, new_cycle: bool = False):
    key = (monitor, scope)
    if key not in DD_CYCLES or new_cycle:
        mid = DD_CYCLES.get(key, (None, str(RNG.randint(10_000_000, 199_999_999)), ""))[1]
        if key not in DD_CYCLES:
            same = [v for (m, _), v in DD_CYCLES.items() if m == monitor]
            mid = same[0][1] if same else mid
        DD_CYCLES[key] = (digits(19), mid, hexid(32))
    cycle, mid, aggreg = DD_CYCLES[key]
    ms = str(int(t.timestamp() * 1000) - RNG.randint(20_000, 60_000))
    return {"cycle": cycle, "monitor_id": mid, "aggreg": aggreg, "date": ms}


def dd_title(priority: str, transition: str, scope: str, name: str) -> str:
    word = {
        "Triggered": "Triggered",
        "Re-Triggered": "Triggered",
        "Recovered": "Recovered",
        "Warn": "Warn",
        "Renotify": "Triggered",
    }.get(transition, transition)
    on = f" [{word} on {{{scope}}}]" if scope else f" [{word}]"
    return f"[{priority}]{on} {name}" if priority else f"{on.strip()} {name}"


def datadog_rec(
    inc,
    role,
    t,
    *,
    name,
    scope,
    transition,
    tags,
    msg,
    metric="",
    query="",
    status="",
    priority="P2",
    event_type="query_alert_monitor",
    hostname="",
    alert_type=None,
    new_cycle=False,
):
    v = dd_vars(name, scope, t, transition, new_cycle)
    alert_type = alert_type or {
        "Triggered": "error",
        "Re-Triggered": "error",
        "Renotify": "error",
        "Recovered": "success",
        "Warn": "warning",
    }.get(transition, "info")
    title = dd_title(priority, transition, scope, name)
    body = {
        "id": digits(19),
        "title": title,
        "body": f"%%%\n{msg}\n\n@webhook-soulcaster @slack-tallowpay-oncall\n\n"
        f"[[Monitor Status](https://app.datadoghq.eu/monitors/{v['monitor_id']})] · "
        f"[[Edit Monitor](https://app.datadoghq.eu/monitors/{v['monitor_id']}/edit)]\n%%%",
        "event_type": event_type,
        "date": v["date"],
        "last_updated": v["date"],
        "org": {"id": "318842", "name": "Tallowpay"},
        "alert_id": v["monitor_id"],
        "alert_cycle_key": v["cycle"],
        "aggreg_key": v["aggreg"],
        "alert_scope": scope,
        "alert_transition": transition,
        "alert_type": alert_type,
        "alert_priority": priority,
        "alert_title": name,
        "alert_status": status,
        "alert_metric": metric,
        "alert_query": query,
        "priority": "normal",
        "tags": tags,
        "hostname": hostname,
        "link": f"https://app.datadoghq.eu/event/event?id={digits(19)}",
        "snapshot": f"https://p.datadoghq.eu/snapshot/view/dd-snapshots-eu1-prod/org_318842/"
        f"{iso(t, False)[:10]}/{hexid(40)}.png"
        if event_type == "query_alert_monitor"
        else "",
    }
    add("datadog", {"Content-Type": "application/json"}, body, inc, role, t)


def datadog_own(
    inc,
    role,
    t,
    *,
    name,
    scope,
    transition,
    tags,
    msg,
    priority="P2",
    hostname="",
    new_cycle=False,
):
    """Tidewell's own template: {summary, state, severity, monitor_id, cycle, scope, host,
    tags, details, fired_at, link, team}."""
    v = dd_vars(name, scope, t, transition, new_cycle)
    severity = {
        "Triggered": "error",
        "Re-Triggered": "error",
        "Recovered": "success",
        "Warn": "warning",
    }.get(transition, "info")
    body = {
        "summary": dd_title(priority, transition, scope, name),
        "state": transition,
        "severity": severity,
        "monitor_id": v["monitor_id"],
        "cycle": v["cycle"],
        "scope": scope,
        "host": hostname,
        "tags": tags,
        "details": msg,
        "fired_at": v["date"],
        "link": f"https://app.datadoghq.com/monitors/{v['monitor_id']}",
        "team": "video-platform",
    }
    add("datadog", {"Content-Type": "application/json"}, body, inc, role, t)


# -------------------------------------------------------------------------------- PostHog


def posthog(
    inc,
    role,
    t,
    *,
    host,
    path,
    exc_type,
    value,
    frames,
    distinct_id,
    email=None,
    browser=("Chrome", "122.0", "Mac OS X"),
    release=None,
    handled=False,
    ph_project=("21877", "eu"),
):
    ev_id = uid()
    ts = t - timedelta(seconds=RNG.randint(5, 40))
    props = {
        "$exception_list": [
            {
                "type": exc_type,
                "value": value,
                "mechanism": {
                    "type": "onunhandledrejection" if not handled else "generic",
                    "handled": handled,
                    "synthetic": False,
                },
                "stacktrace": {
                    "type": "raw",
                    "frames": [
                        {
                            "platform": "web:javascript",
                            "filename": f"https://{host}{fn}",
                            "function": func,
                            "lineno": ln,
                            "colno": col,
                            "in_app": True,
                        }
                        for fn, func, ln, col in frames
                    ],
                },
            }
        ],
        "$exception_level": "error",
        "$current_url": f"https://{host}{path}",
        "$host": host,
        "$pathname": path,
        "$browser": browser[0],
        "$browser_version": browser[1],
        "$os": browser[2],
        "$device_type": "Desktop" if browser[2] in ("Mac OS X", "Windows") else "Mobile",
        "$lib": "web",
        "$lib_version": "1.215.3",
        "$session_id": uid(),
        "$window_id": uid(),
    }
    if release:
        props["release"] = release
    region, proj = ph_project[1], ph_project[0]
    body = {
        "event": {
            "uuid": ev_id,
            "event": "$exception",
            "distinct_id": distinct_id,
            "properties": props,
            "elements_chain": "",
            "timestamp": iso(ts),
            "url": f"https://{region}.posthog.com/project/{proj}/events/{ev_id}/{iso(ts)}",
        },
        "person": {
            "id": uid(),
            "properties": {"email": email} if email else {},
            "name": email or distinct_id,
            "url": f"https://{region}.posthog.com/project/{proj}/person/{distinct_id}",
        }
        if email
        else None,
    }
    add("posthog", {"Content-Type": "application/json"}, body, inc, role, t)


# --------------------------------------------------------------------------------- Splunk


def splunk(inc, role, t, *, company, search_name, result, app="search", owner="admin"):
    base, guid = SPLUNK[company]
    stamp = int(t.timestamp()) - 60
    sid = f"scheduler__{owner}__{app}__RMD5{hexid(16)}_at_{stamp}_{RNG.randint(100, 9999)}"
    body = {
        "sid": sid,
        "search_name": search_name,
        "app": app,
        "owner": owner,
        "results_link": f"{base}/app/{app}/@go?sid={sid}",
        "result": result,
    }
    add(
        "splunk",
        {"Content-Type": "application/json", "User-Agent": f"Splunk/{guid}"},
        body,
        inc,
        role,
        t,
    )


def log_row(t, host, source, sourcetype, raw, index="main", **fields) -> dict:
    ts = t - timedelta(seconds=RNG.randint(30, 90), microseconds=RNG.randint(0, 999999))
    row = {
        "_time": f"{ts.timestamp():.3f}",
        "_raw": raw,
        "host": host,
        "source": source,
        "sourcetype": sourcetype,
        "index": index,
        "linecount": str(raw.count("\n") + 1),
        "splunk_server": "idx-2",
        "_serial": "0",
        "_si": ["idx-2", index],
        "_indextime": str(int(ts.timestamp()) + 2),
    }
    row.update(fields)
    return row


SDKS = {
    "python": {"name": "sentry.python.django", "version": "2.19.2"},
    "go": {"name": "sentry.go", "version": "0.29.1"},
    "node": {"name": "sentry.javascript.node", "version": "8.47.0"},
    "javascript": {"name": "sentry.javascript.react", "version": "8.47.0"},
    "java": {"name": "sentry.java.spring-boot.jakarta", "version": "7.19.0"},
    "ruby": {"name": "sentry.ruby.rails", "version": "5.22.1"},
}
INSTALL = {"tallowpay": uid(), "tidewell": uid()}
ORG_IDS = {"tallowpay": 1184420, "tidewell": 990217}
ONCALL = {"tallowpay": "Priya Raman", "tidewell": "Jonas Ekdahl"}
SPLUNK = {
    "tallowpay": ("https://splunk.ops.tallowpay.io:8000", "5B0E1F3A-2C44-4D1B-9A77-3E5C1D0F8A21"),
    "tidewell": ("https://tidewell.splunkcloud.com", "A7D2C0E4-91B3-4F68-8E25-6C0B4D9F1E37"),
}

# =========================================================================== Tallowpay
D1 = "2026-03-10"
TP = "tallowpay"
TP_HOST = "app.tallowpay.com"

BFF_TRANSFER = [
    (
        "/app/node_modules/express/lib/router/layer.js",
        "Layer.handle [as handle_request]",
        95,
        False,
    ),
    ("/app/dist/routes/transfers.js", "createTransfer", 41, True),
    ("/app/dist/lib/upstream.js", "call", 28, True),
    ("/app/node_modules/axios/lib/core/settle.js", "settle", 19, False),
]
BFF_WALLET = [
    (
        "/app/node_modules/express/lib/router/layer.js",
        "Layer.handle [as handle_request]",
        95,
        False,
    ),
    ("/app/dist/routes/wallet.js", "getBalance", 22, True),
    ("/app/dist/lib/upstream.js", "call", 28, True),
    ("/app/node_modules/axios/lib/core/settle.js", "settle", 19, False),
]
BFF_CHECKOUT = [
    (
        "/app/node_modules/express/lib/router/layer.js",
        "Layer.handle [as handle_request]",
        95,
        False,
    ),
    ("/app/dist/routes/checkout.js", "confirmCheckout", 63, True),
    ("/app/dist/lib/upstream.js", "call", 31, True),
    (
        "/app/node_modules/axios/lib/adapters/http.js",
        "RedirectableRequest.handleRequestTimeout",
        647,
        False,
    ),
]
BFF_SESSION = [
    ("/app/node_modules/express-session/index.js", "session", 476, False),
    ("/app/dist/middleware/session.js", "loadSession", 17, True),
    ("/app/node_modules/ioredis/built/Redis.js", "Redis.sendCommand", 392, False),
    ("/app/node_modules/redis-parser/lib/parser.js", "parseError", 179, False),
]
LEDGER_PG = [
    ("net/http/server.go", "net/http.HandlerFunc.ServeHTTP", 2166, False),
    (
        "internal/api/entries.go",
        "github.com/tallowpay/ledger/internal/api.(*Handler).PostEntries",
        88,
        True,
    ),
    (
        "internal/store/entries.go",
        "github.com/tallowpay/ledger/internal/store.(*Store).Insert",
        142,
        True,
    ),
    ("pgx/v5/conn.go", "github.com/jackc/pgx/v5.(*Conn).Exec", 451, False),
]
LEDGER_PANIC = [
    ("net/http/server.go", "net/http.HandlerFunc.ServeHTTP", 2166, False),
    (
        "internal/api/transfers.go",
        "github.com/tallowpay/ledger/internal/api.(*Handler).PostTransfer",
        57,
        True,
    ),
    (
        "internal/fx/convert.go",
        "github.com/tallowpay/ledger/internal/fx.(*Rates).Convert",
        33,
        True,
    ),
    ("runtime/panic.go", "runtime.panicmem", 262, False),
]
PAY_LEDGER = [
    ("starlette/routing.py", "app", 74, False),
    ("app/routers/charges.py", "create_charge", 58, True),
    ("app/clients/ledger.py", "post_entry", 31, True),
    ("httpx/_models.py", "raise_for_status", 761, False),
]
PAY_STRIPE = [
    ("starlette/routing.py", "app", 74, False),
    ("app/routers/charges.py", "create_charge", 44, True),
    ("app/psp/stripe_gateway.py", "capture", 27, True),
    ("stripe/_http_client.py", "_handle_request_error", 1102, False),
]
PAY_DB = [
    ("starlette/routing.py", "app", 74, False),
    ("app/routers/balances.py", "get_balance", 19, True),
    ("app/db.py", "fetch_one", 40, True),
    ("psycopg/connection.py", "execute", 880, False),
]
KYC_DEPLOY = [
    ("django/core/handlers/base.py", "_get_response", 197, False),
    ("kyc/views.py", "submit_verification", 112, True),
    ("kyc/documents.py", "classify", 48, True, "doc_kind = payload['document_type']"),
]
KYC_S3 = [
    ("django/core/handlers/base.py", "_get_response", 197, False),
    ("kyc/views.py", "upload_document", 71, True),
    ("kyc/storage.py", "put_document", 25, True),
    ("botocore/endpoint.py", "_send", 377, False),
]
PAYOUT_MSG = [
    ("aio_pika/queue.py", "consumer", 148, False),
    ("payouts/consumer.py", "on_message", 54, True),
    ("payouts/schema.py", "parse_instruction", 22, True),
    ("pydantic/main.py", "model_validate", 596, False),
]
PAYOUT_DNS = [
    ("payouts/consumer.py", "on_message", 61, True),
    ("payouts/banklink.py", "submit", 39, True),
    ("httpx/_transports/default.py", "handle_request", 236, False),
    ("socket.py", "getaddrinfo", 964, False),
]
NOTIF_DNS = [
    ("/srv/notif/dist/consumers/receipt.js", "sendReceipt", 44, True),
    (
        "/srv/notif/node_modules/nodemailer/lib/smtp-connection/index.js",
        "SMTPConnection.connect",
        240,
        False,
    ),
    ("node:dns", "GetAddrInfoReqWrap.onlookupall [as oncomplete]", 120, False),
]
NOTIF_SMS = [
    ("/srv/notif/dist/consumers/otp.js", "sendOtp", 29, True),
    ("/srv/notif/node_modules/twilio/lib/base/Version.js", "Version.create", 133, False),
]
WEB_WALLET = [
    ("/static/js/vendors-main.8c1f2a.js", "fetchJson", 2, 18844),
    ("/static/js/wallet.4be91d.js", "loadBalance", 1, 3307),
]
WEB_CHECKOUT = [
    ("/static/js/vendors-main.8c1f2a.js", "fetchJson", 2, 18844),
    ("/static/js/checkout.a0d3e7.js", "submitPayment", 1, 9921),
]
WEB_ONBOARD = [
    ("/static/js/vendors-main.8c1f2a.js", "fetchJson", 2, 18844),
    ("/static/js/onboarding.71c2f0.js", "uploadDocument", 1, 5402),
]
WEB_TRANSFER = [
    ("/static/js/vendors-main.8c1f2a.js", "fetchJson", 2, 18844),
    ("/static/js/transfers.e3b9c4.js", "sendTransfer", 1, 7710),
]

BFF_REL = "edge-bff@4.18.2"
LEDGER_REL = "ledger-svc@1.42.0"
PAY_REL = "payments-svc@2026.03.06"


def tp_dd_k8s(ns: str, deploy: str, env: str = "prod", extra: str = "") -> str:
    tags = (
        f"env:{env},kube_cluster_name:tp-prod-euw1,kube_deployment:{deploy},"
        f"kube_namespace:{ns},monitor,team:{ns}"
    )
    return tags + ("," + extra if extra else "")


def tallowpay() -> None:
    s = lambda hms: at(D1, hms)  # noqa: E731

    # ---- decoy: morning heartbeat and a staging failure before anything happens
    datadog_rec(
        None,
        "heartbeat: nightly settlement cron monitor ok",
        s("06:58:10"),
        name="Settlement export CronJob heartbeat",
        scope="kube_cronjob:settlement-export",
        transition="Recovered",
        tags="env:prod,kube_cronjob:settlement-export,kube_namespace:finance,monitor",
        msg="Settlement export last succeeded 4 minutes ago.",
        priority="P4",
        event_type="service_check",
    )
    splunk(
        None,
        "info: daily reconciliation summary row",
        s("07:00:40"),
        company=TP,
        search_name="Daily ledger reconciliation summary",
        result={"run_date": "2026-03-09", "entries": "1844107", "mismatches": "0", "status": "OK"},
        app="tallowpay_finance",
        owner="recon-bot",
    )

    # ==== TP1: ledger Postgres primary fails over; ledger-svc + payments-svc + BFF 503s + web
    i = "tp-ledger-pg-failover"
    datadog_rec(
        i,
        "Datadog: postgres primary pod not ready (by pod)",
        s("07:05:30"),
        name="Postgres primary unavailable",
        scope="kube_namespace:data,pod_name:ledger-pg-1",
        transition="Triggered",
        tags="cnpg_cluster:ledger-pg,env:prod,kube_namespace:data,monitor,pod_name:ledger-pg-1,"
        "role:primary",
        msg="Postgres `ledger-pg` primary `ledger-pg-1` is not accepting connections "
        "(postgresql.connections dropped to 0). CloudNativePG is promoting a replica.",
        metric="postgresql.connections",
        query="avg(last_2m):avg:postgresql.connections{cnpg_cluster:ledger-pg,role:primary} by "
        "{kube_namespace,pod_name} < 1",
        status="postgresql.connections over kube_namespace:data,pod_name:ledger-pg-1 was < 1.0",
        priority="P1",
        hostname="gke-tp-prod-db-pool-3f9a1c-x2lm",
    )
    sentry_error(
        i,
        "Sentry error: ledger-svc pgx connection terminated",
        s("07:05:50"),
        TP,
        "ledger-svc",
        "go",
        "*pgconn.PgError",
        "FATAL: terminating connection due to administrator command (SQLSTATE 57P01)",
        LEDGER_PG,
        release=LEDGER_REL,
        tags={
            "kube_pod": "ledger-svc-6d9c7b8f4-q8wzt",
            "server_name": "ledger-svc-6d9c7b8f4-q8wzt",
        },
        transaction="POST /v1/entries",
    )
    sentry_error(
        i,
        "Sentry error: payments-svc psycopg OperationalError on balances",
        s("07:06:20"),
        TP,
        "payments-svc",
        "python",
        "OperationalError",
        "consuming input failed: server closed the connection unexpectedly\n\tThis probably "
        "means the server terminated abnormally\n\tbefore or while processing the request.",
        PAY_DB,
        release=PAY_REL,
        tags={"server_name": "payments-svc-7f6b9d5c8-mm2kd"},
        transaction="/v1/balances/{account_id}",
    )
    splunk(
        i,
        "Splunk stats: 5xx count by deployment at the ingress",
        s("07:08:05"),
        company=TP,
        search_name="Ingress 5xx by deployment (5m)",
        result={"kube_deployment": "edge-bff", "status": "503", "count": "318", "p95_ms": "30012"},
        app="tallowpay_ops",
        owner="sre",
    )
    posthog(
        i,
        "PostHog $exception: wallet balance 503 in the web app",
        s("07:07:10"),
        host=TP_HOST,
        path="/wallet",
        exc_type="HttpError",
        value="GET /api/v1/wallet/balance failed: 503 Service Unavailable",
        frames=WEB_WALLET,
        distinct_id="usr_01HQ8ZK3V2",
        email="m.okafor@example.com",
    )
    datadog_rec(
        i,
        "Datadog: postgres primary recovered",
        s("07:11:40"),
        name="Postgres primary unavailable",
        scope="kube_namespace:data,pod_name:ledger-pg-1",
        transition="Recovered",
        tags="cnpg_cluster:ledger-pg,env:prod,kube_namespace:data,monitor,pod_name:ledger-pg-1,"
        "role:primary",
        msg="Postgres `ledger-pg` primary is accepting connections again.",
        metric="postgresql.connections",
        query="avg(last_2m):avg:postgresql.connections{cnpg_cluster:ledger-pg,role:primary} by "
        "{kube_namespace,pod_name} < 1",
        status="postgresql.connections over kube_namespace:data,pod_name:ledger-pg-1 was >= 1.0",
        priority="P1",
        hostname="gke-tp-prod-db-pool-3f9a1c-x2lm",
    )
    # decoy in the same minutes: staging ledger fails the same way (its own DB reset)
    sentry_error(
        None,
        "decoy: staging ledger-svc same pg error (staging DB reset)",
        s("07:06:40"),
        TP,
        "ledger-svc",
        "go",
        "*pgconn.PgError",
        "FATAL: terminating connection due to administrator command (SQLSTATE 57P01)",
        LEDGER_PG,
        env="staging",
        release="ledger-svc@1.43.0-rc.2",
        tags={
            "kube_pod": "ledger-svc-5b8d6c7d9-stg4k",
            "server_name": "ledger-svc-5b8d6c7d9-stg4k",
        },
        transaction="POST /v1/entries",
    )
    datadog_rec(
        None,
        "decoy: staging postgres pod restarted by nightly reset job",
        s("07:07:30"),
        name="Postgres primary unavailable",
        scope="kube_namespace:data-staging,pod_name:ledger-pg-0",
        transition="Triggered",
        tags="cnpg_cluster:ledger-pg,env:staging,kube_namespace:data-staging,monitor,"
        "pod_name:ledger-pg-0,role:primary",
        msg="Postgres `ledger-pg` primary `ledger-pg-0` is not accepting connections.",
        metric="postgresql.connections",
        query="avg(last_2m):avg:postgresql.connections{cnpg_cluster:ledger-pg,role:primary} by "
        "{kube_namespace,pod_name} < 1",
        status="postgresql.connections over kube_namespace:data-staging,pod_name:ledger-pg-0 was "
        "< 1.0",
        priority="P1",
        hostname="gke-tp-stg-pool-1-8c2d-0q1z",
    )

    # ==== TP2: bad deploy of kyc-svc (KeyError), rolled back
    i = "tp-kyc-bad-deploy"
    datadog_rec(
        None,
        "decoy: deploy notice for kyc-svc (event monitor, info)",
        s("07:38:00"),
        name="Deployment rolled out",
        scope="kube_deployment:kyc-svc",
        transition="Triggered",
        tags="env:prod,kube_deployment:kyc-svc,kube_namespace:onboarding,source:argocd",
        msg="Argo CD synced kyc-svc to image ghcr.io/tallowpay/kyc-svc:2026.03.10-1.",
        priority="P5",
        event_type="event_alert",
        alert_type="info",
    )
    sentry_issue(
        i,
        "Sentry issue created: KeyError in kyc-svc new release",
        s("07:41:15"),
        TP,
        "kyc-svc",
        "created",
        "python",
        "KeyError",
        "'document_type'",
        "kyc.documents in classify",
        "kyc/documents.py",
    )
    sentry_alert(
        i,
        "Sentry issue alert: the same KeyError event with request",
        s("07:41:40"),
        TP,
        "kyc-svc",
        "New issue in onboarding",
        "python",
        "KeyError",
        "'document_type'",
        KYC_DEPLOY,
        release="kyc-svc@2026.03.10-1",
        request={"method": "POST", "url": "https://api.tallowpay.com/kyc/v2/verifications"},
        user={"id": "usr_01HQ93N1XA"},
        transaction="/kyc/v2/verifications",
    )
    datadog_rec(
        i,
        "Datadog APM: kyc-svc error rate by deployment",
        s("07:44:00"),
        name="KYC service error rate above 5%",
        scope="kube_deployment:kyc-svc,kube_namespace:onboarding",
        transition="Triggered",
        tags=tp_dd_k8s("onboarding", "kyc-svc", extra="service:kyc-svc"),
        msg="trace.django.request.errors / hits for service:kyc-svc is 38.2% over the last 5m.",
        metric="trace.django.request.errors",
        query="sum(last_5m):sum:trace.django.request.errors{env:prod,service:kyc-svc} by "
        "{kube_deployment,kube_namespace}.as_count() / "
        "sum:trace.django.request.hits{env:prod,service:kyc-svc} by {kube_deployment,"
        "kube_namespace}.as_count() > 0.05",
        hostname="",
    )
    posthog(
        i,
        "PostHog $exception: verification submit fails in onboarding",
        s("07:43:20"),
        host=TP_HOST,
        path="/onboarding/verify",
        exc_type="HttpError",
        value="POST /api/kyc/v2/verifications failed: 500 Internal Server Error",
        frames=WEB_ONBOARD,
        distinct_id="usr_01HQ93N1XA",
        email="a.lindqvist@example.com",
        browser=("Safari", "17.3", "iOS"),
    )
    datadog_rec(
        i,
        "Datadog APM: kyc-svc error rate recovered after rollback",
        s("07:58:00"),
        name="KYC service error rate above 5%",
        scope="kube_deployment:kyc-svc,kube_namespace:onboarding",
        transition="Recovered",
        tags=tp_dd_k8s("onboarding", "kyc-svc", extra="service:kyc-svc"),
        msg="trace.django.request.errors / hits for service:kyc-svc is 0.3% over the last 5m.",
        metric="trace.django.request.errors",
        query="sum(last_5m):sum:trace.django.request.errors{env:prod,service:kyc-svc} by "
        "{kube_deployment,kube_namespace}.as_count() / "
        "sum:trace.django.request.hits{env:prod,service:kyc-svc} by {kube_deployment,"
        "kube_namespace}.as_count() > 0.05",
    )
    sentry_issue(
        i,
        "Sentry issue resolved: KeyError fixed by rollback",
        s("08:02:30"),
        TP,
        "kyc-svc",
        "resolved",
        "python",
        "KeyError",
        "'document_type'",
        "kyc.documents in classify",
        "kyc/documents.py",
        count=146,
    )

    # ==== TP3: payout queue backs up behind a poison message
    i = "tp-payout-queue-backlog"
    sentry_error(
        i,
        "Sentry error: payout-worker ValidationError on one message",
        s("08:09:10"),
        TP,
        "payout-worker",
        "python",
        "ValidationError",
        "1 validation error for PayoutInstruction\niban\n  String should match pattern "
        "'^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$' [type=string_pattern_mismatch, input_value='GB29 "
        "NWBK 6016 1331 9268 19', input_type=str]",
        PAYOUT_MSG,
        release="payout-worker@0.31.4",
        tags={"queue": "payouts.pending", "server_name": "payout-worker-84c5f7d6b-7hxcv"},
        transaction="payouts.pending",
    )
    splunk(
        i,
        "Splunk row: payout-worker log, message requeued",
        s("08:12:20"),
        company=TP,
        search_name="payout-worker requeue loop",
        result=log_row(
            s("08:12:20"),
            "gke-tp-prod-pool-2-7a1e-kk2p",
            "/var/log/containers/payout-worker-84c5f7d6b-7hxcv_payments_payout-worker-1f3e.log",
            "kube:container:payout-worker",
            '{"ts":"2026-03-10T08:11:02.481Z","level":"error","logger":"payouts.consumer",'
            '"msg":"instruction rejected, nack requeue=true","queue":"payouts.pending",'
            '"delivery_tag":88213,"redelivered":true,"error":"ValidationError: 1 validation '
            'error for PayoutInstruction","trace_id":"6a1f0e9b2c7d43a8b5e0c4d21f9a7e36"}',
            index="k8s_prod",
            **{
                "kubernetes.pod_name": "payout-worker-84c5f7d6b-7hxcv",
                "kubernetes.namespace_name": "payments",
            },
        ),
        app="tallowpay_ops",
        owner="sre",
    )
    datadog_rec(
        i,
        "Datadog: RabbitMQ queue depth by queue",
        s("08:15:00"),
        name="Payout queue backlog",
        scope="queue:payouts.pending",
        transition="Triggered",
        tags="env:prod,kube_namespace:payments,monitor,queue:payouts.pending,rabbitmq_vhost:/"
        "payments",
        msg="{{queue.name}} has 12480 ready messages (threshold 5000). Consumers: 3.",
        metric="rabbitmq.queue.messages_ready",
        query="avg(last_10m):max:rabbitmq.queue.messages_ready{env:prod} by {queue} > 5000",
        status="rabbitmq.queue.messages_ready over queue:payouts.pending was > 5000.0",
        priority="P2",
    )
    # decoy in the same minutes: notif-svc SMS to an invalid number
    sentry_error(
        None,
        "decoy: notif-svc Twilio invalid number (user input)",
        s("08:13:30"),
        TP,
        "notif-svc",
        "node",
        "RestException",
        "The 'To' number +4407700900 is not a valid phone number.",
        NOTIF_SMS,
        release="notif-svc@3.2.0",
        handled=True,
        level="warning",
    )
    datadog_rec(
        i,
        "Datadog: payout queue backlog re-notifies",
        s("08:30:00"),
        name="Payout queue backlog",
        scope="queue:payouts.pending",
        transition="Renotify",
        tags="env:prod,kube_namespace:payments,monitor,queue:payouts.pending,rabbitmq_vhost:/"
        "payments",
        msg="{{queue.name}} has 20931 ready messages (threshold 5000). Consumers: 3.",
        metric="rabbitmq.queue.messages_ready",
        query="avg(last_10m):max:rabbitmq.queue.messages_ready{env:prod} by {queue} > 5000",
        status="rabbitmq.queue.messages_ready over queue:payouts.pending was > 5000.0",
    )
    datadog_rec(
        i,
        "Datadog: payout queue drained (message moved to DLQ)",
        s("08:52:00"),
        name="Payout queue backlog",
        scope="queue:payouts.pending",
        transition="Recovered",
        tags="env:prod,kube_namespace:payments,monitor,queue:payouts.pending,rabbitmq_vhost:/"
        "payments",
        msg="{{queue.name}} has 140 ready messages.",
        metric="rabbitmq.queue.messages_ready",
        query="avg(last_10m):max:rabbitmq.queue.messages_ready{env:prod} by {queue} > 5000",
        status="rabbitmq.queue.messages_ready over queue:payouts.pending was <= 5000.0",
    )

    # ==== TP4: card processor (Stripe) timeouts: payments-svc, BFF (no backend named), web
    i = "tp-stripe-timeouts"
    sentry_error(
        i,
        "Sentry error: payments-svc Stripe APIConnectionError",
        s("08:36:10"),
        TP,
        "payments-svc",
        "python",
        "APIConnectionError",
        "Request [req_8sLw2Xb3TzQe1A] timed out after 30s. If this problem persists, let us "
        "know at support@stripe.com.",
        PAY_STRIPE,
        release=PAY_REL,
        tags={"psp": "stripe", "server_name": "payments-svc-7f6b9d5c8-xv9tq"},
        transaction="/v1/charges",
        trace_id="b3c1e07d9a4f42e6a1d2c5f08e7b6a91",
    )
    sentry_error(
        i,
        "Sentry error: edge-bff checkout timeout (names no backend)",
        s("08:36:40"),
        TP,
        "edge-bff",
        "node",
        "AxiosError",
        "timeout of 25000ms exceeded",
        BFF_CHECKOUT,
        release=BFF_REL,
        request={"method": "POST", "url": "https://api.tallowpay.com/v1/checkout/confirm"},
        trace_id="b3c1e07d9a4f42e6a1d2c5f08e7b6a91",
        transaction="POST /v1/checkout/confirm",
        user={"id": "usr_01HQA0C7RM"},
    )
    datadog_rec(
        i,
        "Datadog APM: payments-svc p95 latency by deployment",
        s("08:38:00"),
        name="Payments latency p95 above 5s",
        scope="kube_deployment:payments-svc,kube_namespace:payments",
        transition="Triggered",
        tags=tp_dd_k8s("payments", "payments-svc", extra="service:payments-svc"),
        msg="p95 latency of `fastapi.request` on service:payments-svc is 28.7s. Most slow spans: "
        "`stripe.request`.",
        metric="trace.fastapi.request.duration",
        query="percentile(last_5m):p95:trace.fastapi.request{env:prod,service:payments-svc} by "
        "{kube_deployment,kube_namespace} > 5",
    )
    posthog(
        i,
        "PostHog $exception: checkout payment request times out",
        s("08:37:30"),
        host=TP_HOST,
        path="/checkout/ord_7Hq2",
        exc_type="TimeoutError",
        value="Payment confirmation timed out. Please try again.",
        frames=WEB_CHECKOUT,
        distinct_id="usr_01HQA0C7RM",
        email="j.beaumont@example.com",
        handled=True,
    )
    splunk(
        i,
        "Splunk stats: upstream p99 by egress host",
        s("08:40:00"),
        company=TP,
        search_name="Egress latency by external host",
        result={
            "dest_host": "api.stripe.com",
            "requests": "914",
            "timeouts": "402",
            "p99_ms": "30000",
        },
        app="tallowpay_ops",
        owner="sre",
    )
    datadog_rec(
        i,
        "Datadog APM: payments-svc latency recovered",
        s("08:49:00"),
        name="Payments latency p95 above 5s",
        scope="kube_deployment:payments-svc,kube_namespace:payments",
        transition="Recovered",
        tags=tp_dd_k8s("payments", "payments-svc", extra="service:payments-svc"),
        msg="p95 latency of `fastapi.request` on service:payments-svc is 0.41s.",
        metric="trace.fastapi.request.duration",
        query="percentile(last_5m):p95:trace.fastapi.request{env:prod,service:payments-svc} by "
        "{kube_deployment,kube_namespace} > 5",
    )
    # decoy: a browser-extension error on the web app in the same minutes
    posthog(
        None,
        "decoy: browser extension error in the web app",
        s("08:39:10"),
        host=TP_HOST,
        path="/account/settings",
        exc_type="TypeError",
        value="Cannot read properties of null (reading 'shadowRoot')",
        frames=[
            ("chrome-extension://gighmmpiobklfepjocnamgkkbiglidom/content.js", "inject", 1, 7742)
        ],
        distinct_id="usr_01HQ7TQ4BD",
        handled=False,
    )

    # ==== TP5: memory leak in notif-svc, pods OOM-killed; re-fires after a lull
    i = "tp-notif-oom"
    datadog_rec(
        i,
        "Datadog: OOMKilled containers by deployment",
        s("09:02:00"),
        name="Containers OOM-killed",
        scope="kube_deployment:notif-svc,kube_namespace:messaging",
        transition="Triggered",
        tags=tp_dd_k8s("messaging", "notif-svc"),
        msg="2 containers of notif-svc were OOMKilled in the last 10m (limit 512Mi).",
        metric="kubernetes.containers.state.terminated",
        query="sum(last_10m):sum:kubernetes.containers.state.terminated{reason:oomkilled,"
        "env:prod} by {kube_deployment,kube_namespace}.as_count() > 0",
        priority="P2",
    )
    splunk(
        i,
        "Splunk row: kubelet event OOMKilled for a notif-svc pod",
        s("09:03:10"),
        company=TP,
        search_name="K8s OOMKilled events",
        result=log_row(
            s("09:03:10"),
            "gke-tp-prod-pool-1-2b7c-9wq4",
            "kube:events",
            "kube:events",
            '{"type":"Warning","reason":"OOMKilling","message":"Memory cgroup out of memory: '
            'Killed process 3121 (node) total-vm:1852344kB, anon-rss:523412kB",'
            '"involvedObject":{"kind":"Pod","namespace":"messaging","name":"notif-svc-5c9b7d8f6-2jxlp"}}',
            index="k8s_events",
        ),
        app="tallowpay_ops",
        owner="sre",
    )
    datadog_rec(
        i,
        "Datadog: pod restarts by pod (another notif-svc pod)",
        s("09:04:30"),
        name="Pod restarting frequently",
        scope="kube_namespace:messaging,pod_name:notif-svc-5c9b7d8f6-vb8rn",
        transition="Triggered",
        tags="env:prod,kube_deployment:notif-svc,kube_namespace:messaging,monitor,"
        "pod_name:notif-svc-5c9b7d8f6-vb8rn",
        msg="Pod notif-svc-5c9b7d8f6-vb8rn restarted 4 times in 30 minutes. Last state: OOMKilled.",
        metric="kubernetes.containers.restarts",
        query="change(max(last_30m),last_30m):max:kubernetes.containers.restarts{env:prod} by "
        "{kube_namespace,pod_name} > 3",
        priority="P3",
    )
    datadog_rec(
        i,
        "Datadog: OOM monitor recovered after restart",
        s("09:20:00"),
        name="Containers OOM-killed",
        scope="kube_deployment:notif-svc,kube_namespace:messaging",
        transition="Recovered",
        tags=tp_dd_k8s("messaging", "notif-svc"),
        msg="No OOMKilled containers in the last 10m.",
        metric="kubernetes.containers.state.terminated",
        query="sum(last_10m):sum:kubernetes.containers.state.terminated{reason:oomkilled,"
        "env:prod} by {kube_deployment,kube_namespace}.as_count() > 0",
    )

    # ==== TP6: expired internal mTLS cert between BFF and ledger: BFF, ingress log, web
    i = "tp-mtls-cert-expired"
    sentry_error(
        i,
        "Sentry error: edge-bff certificate has expired",
        s("09:31:05"),
        TP,
        "edge-bff",
        "node",
        "Error",
        "certificate has expired",
        [*BFF_TRANSFER[:3], ("node:_tls_wrap", "TLSSocket.onConnectSecure", 1674, False)],
        release=BFF_REL,
        request={"method": "POST", "url": "https://api.tallowpay.com/v1/transfers"},
        tags={"error.code": "CERT_HAS_EXPIRED"},
        transaction="POST /v1/transfers",
    )
    datadog_rec(
        i,
        "Datadog: TLS certificate expiry service check on ledger endpoint",
        s("09:32:00"),
        name="Internal TLS certificate expired",
        scope="instance:ledger-svc.core.svc.cluster.local:8443",
        transition="Triggered",
        tags="env:prod,instance:ledger-svc.core.svc.cluster.local:8443,kube_namespace:core,"
        "monitor,service:ledger-svc",
        msg="tls.cert_expiration: certificate for ledger-svc.core.svc.cluster.local expired at "
        "2026-03-10T09:30:00Z (issuer: tallowpay-internal-ca). cert-manager renewal failed.",
        event_type="service_check",
        priority="P1",
    )
    splunk(
        i,
        "Splunk row: envoy sidecar TLS failure log",
        s("09:33:20"),
        company=TP,
        search_name="Envoy upstream TLS errors",
        result=log_row(
            s("09:33:20"),
            "gke-tp-prod-pool-2-7a1e-kk2p",
            "/var/log/containers/edge-bff-7b4d9c6f5-lq2mv_gateway_istio-proxy-0c1d.log",
            "kube:container:istio-proxy",
            '[2026-03-10T09:32:41.118Z] "POST /v1/entries HTTP/1.1" 503 UF,URX '
            "upstream_reset_before_response_started{connection_failure,TLS_error:_268435581:"
            'SSL_routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED} - "-" 0 190 11 - '
            '"10.4.7.19" "axios/1.6.7" "c0de5e2b-77f1-4d1a-9b0e-2d6e3c1a8f44" '
            '"ledger-svc.core.svc.cluster.local:8443" "10.4.9.33:8443"',
            index="k8s_prod",
            **{
                "kubernetes.pod_name": "edge-bff-7b4d9c6f5-lq2mv",
                "kubernetes.namespace_name": "gateway",
            },
        ),
        app="tallowpay_ops",
        owner="sre",
    )
    posthog(
        i,
        "PostHog $exception: transfer send fails 503",
        s("09:34:00"),
        host=TP_HOST,
        path="/transfers/new",
        exc_type="HttpError",
        value="POST /api/v1/transfers failed: 503 Service Unavailable",
        frames=WEB_TRANSFER,
        distinct_id="usr_01HQB4W0ZE",
        email="d.achebe@example.com",
        browser=("Firefox", "123.0", "Windows"),
    )
    datadog_rec(
        i,
        "Datadog: TLS check recovered after cert reissued",
        s("09:48:00"),
        name="Internal TLS certificate expired",
        scope="instance:ledger-svc.core.svc.cluster.local:8443",
        transition="Recovered",
        tags="env:prod,instance:ledger-svc.core.svc.cluster.local:8443,kube_namespace:core,"
        "monitor,service:ledger-svc",
        msg="tls.cert_expiration: certificate valid until 2026-06-08T09:46:12Z.",
        event_type="service_check",
        priority="P1",
    )

    # ==== TP5 again: notif-svc OOM re-fires after the lull
    i = "tp-notif-oom"
    datadog_rec(
        i,
        "Datadog: OOMKilled containers triggers again after a lull (new cycle)",
        s("09:52:00"),
        name="Containers OOM-killed",
        scope="kube_deployment:notif-svc,kube_namespace:messaging",
        transition="Triggered",
        tags=tp_dd_k8s("messaging", "notif-svc"),
        msg="3 containers of notif-svc were OOMKilled in the last 10m (limit 512Mi).",
        metric="kubernetes.containers.state.terminated",
        query="sum(last_10m):sum:kubernetes.containers.state.terminated{reason:oomkilled,"
        "env:prod} by {kube_deployment,kube_namespace}.as_count() > 0",
        new_cycle=True,
    )
    splunk(
        i,
        "Splunk row: notif-svc heap warning before the kill",
        s("09:53:40"),
        company=TP,
        search_name="notif-svc heap pressure",
        result=log_row(
            s("09:53:40"),
            "gke-tp-prod-pool-1-2b7c-9wq4",
            "/var/log/containers/notif-svc-5c9b7d8f6-8kfzn_messaging_notif-svc-9e2a.log",
            "kube:container:notif-svc",
            "<--- Last few GCs --->\n[1:0x6b3c2a0] 2811304 ms: Mark-Compact 496.1 (509.4) -> "
            "494.8 (510.1) MB, 812.44 / 0.00 ms  (average mu = 0.121, current mu = 0.034) "
            "allocation failure; scavenge might not succeed\nFATAL ERROR: Reached heap limit "
            "Allocation failed - JavaScript heap out of memory",
            index="k8s_prod",
            **{
                "kubernetes.pod_name": "notif-svc-5c9b7d8f6-8kfzn",
                "kubernetes.namespace_name": "messaging",
            },
        ),
        app="tallowpay_ops",
        owner="sre",
    )
    # decoy: a warning that recovers alone (disk on a node)
    datadog_rec(
        None,
        "decoy: node disk usage warning",
        s("09:55:00"),
        name="Node ephemeral storage high",
        scope="host:gke-tp-prod-pool-3-4d2e-mm7c",
        transition="Warn",
        tags="env:prod,host:gke-tp-prod-pool-3-4d2e-mm7c,kube_cluster_name:tp-prod-euw1,monitor",
        msg="Ephemeral storage at 81% on gke-tp-prod-pool-3-4d2e-mm7c.",
        metric="kubernetes.ephemeral_storage.usage",
        query="avg(last_15m):avg:kubernetes.ephemeral_storage.usage_pct{env:prod} by {host} > 90",
        priority="P4",
        hostname="gke-tp-prod-pool-3-4d2e-mm7c",
    )
    datadog_rec(
        None,
        "decoy: node disk usage warning recovers alone",
        s("10:08:00"),
        name="Node ephemeral storage high",
        scope="host:gke-tp-prod-pool-3-4d2e-mm7c",
        transition="Recovered",
        tags="env:prod,host:gke-tp-prod-pool-3-4d2e-mm7c,kube_cluster_name:tp-prod-euw1,monitor",
        msg="Ephemeral storage at 62% on gke-tp-prod-pool-3-4d2e-mm7c.",
        metric="kubernetes.ephemeral_storage.usage",
        query="avg(last_15m):avg:kubernetes.ephemeral_storage.usage_pct{env:prod} by {host} > 90",
        priority="P4",
        hostname="gke-tp-prod-pool-3-4d2e-mm7c",
    )

    # ==== TP7: session Redis hits maxmemory: BFF errors, Sentry metric alert, web logged out
    i = "tp-session-redis-oom"
    datadog_rec(
        i,
        "Datadog: redis memory by pod",
        s("10:05:00"),
        name="Redis used memory near maxmemory",
        scope="kube_namespace:gateway,pod_name:session-redis-master-0",
        transition="Triggered",
        tags="env:prod,kube_namespace:gateway,kube_statefulset:session-redis-master,monitor,"
        "pod_name:session-redis-master-0,redis_role:master",
        msg="redis.mem.used is 99.7% of redis.mem.maxmemory on session-redis-master-0; evictions "
        "disabled (noeviction).",
        metric="redis.mem.used",
        query="avg(last_5m):avg:redis.mem.used{env:prod} by {kube_namespace,pod_name} / "
        "avg:redis.mem.maxmemory{env:prod} by {kube_namespace,pod_name} > 0.95",
        priority="P2",
    )
    sentry_error(
        i,
        "Sentry error: edge-bff ioredis OOM ReplyError",
        s("10:05:40"),
        TP,
        "edge-bff",
        "node",
        "ReplyError",
        "OOM command not allowed when used memory > 'maxmemory'.",
        BFF_SESSION,
        release=BFF_REL,
        request={"method": "POST", "url": "https://api.tallowpay.com/v1/auth/session"},
        transaction="POST /v1/auth/session",
    )
    sentry_metric(
        i,
        "Sentry metric alert critical: edge-bff error count",
        s("10:07:00"),
        TP,
        "edge-bff",
        "critical",
        "edge-bff errors > 200 in 10m",
        "count()",
        "event.type:error",
        200,
        1412,
    )
    posthog(
        i,
        "PostHog $exception: login session could not be created",
        s("10:06:30"),
        host=TP_HOST,
        path="/login",
        exc_type="HttpError",
        value="POST /api/v1/auth/session failed: 500 Internal Server Error",
        frames=[
            ("/static/js/vendors-main.8c1f2a.js", "fetchJson", 2, 18844),
            ("/static/js/auth.5d0b12.js", "signIn", 1, 2210),
        ],
        distinct_id="anon_7f3c91e2",
    )
    sentry_metric(
        i,
        "Sentry metric alert resolved: edge-bff error count",
        s("10:24:00"),
        TP,
        "edge-bff",
        "resolved",
        "edge-bff errors > 200 in 10m",
        "count()",
        "event.type:error",
        200,
        37,
    )
    datadog_rec(
        i,
        "Datadog: redis memory recovered",
        s("10:22:00"),
        name="Redis used memory near maxmemory",
        scope="kube_namespace:gateway,pod_name:session-redis-master-0",
        transition="Recovered",
        tags="env:prod,kube_namespace:gateway,kube_statefulset:session-redis-master,monitor,"
        "pod_name:session-redis-master-0,redis_role:master",
        msg="redis.mem.used is 41% of maxmemory.",
        metric="redis.mem.used",
        query="avg(last_5m):avg:redis.mem.used{env:prod} by {kube_namespace,pod_name} / "
        "avg:redis.mem.maxmemory{env:prod} by {kube_namespace,pod_name} > 0.95",
    )
    # decoy: deploy notice of edge-bff (unrelated) and a sentry issue ignored
    sentry_issue(
        None,
        "decoy: old notif-svc issue archived by a person",
        s("10:12:00"),
        TP,
        "notif-svc",
        "ignored",
        "node",
        "RestException",
        "The 'To' number +4407700900 is not a valid phone number.",
        "sendOtp(dist/consumers/otp)",
        "/srv/notif/dist/consumers/otp.js",
        count=58,
    )

    # ==== TP8: ledger-svc bad release panics; payments-svc and BFF callers fail; trace links
    i = "tp-ledger-nil-panic"
    trace = "4f0a9c2e7d1b48e39a6c5b0d2e8f7a13"
    datadog_rec(
        None,
        "decoy: deploy notice for ledger-svc 1.43.0",
        s("10:29:00"),
        name="Deployment rolled out",
        scope="kube_deployment:ledger-svc",
        transition="Triggered",
        tags="env:prod,kube_deployment:ledger-svc,kube_namespace:core,source:argocd",
        msg="Argo CD synced ledger-svc to image ghcr.io/tallowpay/ledger-svc:1.43.0.",
        priority="P5",
        event_type="event_alert",
        alert_type="info",
    )
    sentry_error(
        i,
        "Sentry error: ledger-svc nil pointer panic in fx.Convert",
        s("10:31:20"),
        TP,
        "ledger-svc",
        "go",
        "runtime.Error",
        "runtime error: invalid memory address or nil pointer dereference",
        LEDGER_PANIC,
        release="ledger-svc@1.43.0",
        trace_id=trace,
        tags={
            "kube_pod": "ledger-svc-58f7c9d6b-9rtzp",
            "server_name": "ledger-svc-58f7c9d6b-9rtzp",
        },
        transaction="POST /v1/transfers",
    )
    sentry_error(
        i,
        "Sentry error: payments-svc HTTPStatusError from ledger",
        s("10:32:00"),
        TP,
        "payments-svc",
        "python",
        "HTTPStatusError",
        "Server error '500 Internal Server Error' for url "
        "'http://ledger-svc.core.svc.cluster.local:8080/v1/transfers'",
        PAY_LEDGER,
        release=PAY_REL,
        trace_id=trace,
        transaction="/v1/charges",
    )
    sentry_error(
        i,
        "Sentry error: edge-bff 502 on transfers (no backend named)",
        s("10:32:30"),
        TP,
        "edge-bff",
        "node",
        "AxiosError",
        "Request failed with status code 502",
        BFF_TRANSFER,
        release=BFF_REL,
        trace_id=trace,
        request={"method": "POST", "url": "https://api.tallowpay.com/v1/transfers"},
        transaction="POST /v1/transfers",
        user={"id": "usr_01HQC2M8PF"},
    )
    splunk(
        i,
        "Splunk row: ledger-svc JSON panic log with the trace id",
        s("10:33:30"),
        company=TP,
        search_name="ledger-svc panics",
        result=log_row(
            s("10:33:30"),
            "gke-tp-prod-pool-2-7a1e-mx81",
            "/var/log/containers/ledger-svc-58f7c9d6b-9rtzp_core_ledger-svc-3b7c.log",
            "kube:container:ledger-svc",
            '{"time":"2026-03-10T10:32:58.204Z","level":"ERROR","msg":"panic recovered",'
            '"err":"runtime error: invalid memory address or nil pointer dereference",'
            '"method":"POST","path":"/v1/transfers","trace_id":"' + trace + '",'
            '"version":"1.43.0"}',
            index="k8s_prod",
            **{
                "kubernetes.pod_name": "ledger-svc-58f7c9d6b-9rtzp",
                "kubernetes.namespace_name": "core",
            },
        ),
        app="tallowpay_ops",
        owner="sre",
    )
    datadog_rec(
        i,
        "Datadog APM: ledger-svc error rate by deployment",
        s("10:34:00"),
        name="Ledger error rate above 2%",
        scope="kube_deployment:ledger-svc,kube_namespace:core",
        transition="Triggered",
        tags=tp_dd_k8s("core", "ledger-svc", extra="service:ledger-svc,version:1.43.0"),
        msg="trace.http.request.errors / hits for service:ledger-svc is 22.4% over the last 5m.",
        metric="trace.http.request.errors",
        query="sum(last_5m):sum:trace.http.request.errors{env:prod,service:ledger-svc} by "
        "{kube_deployment,kube_namespace}.as_count() / "
        "sum:trace.http.request.hits{env:prod,service:ledger-svc} by {kube_deployment,"
        "kube_namespace}.as_count() > 0.02",
        priority="P1",
    )
    posthog(
        i,
        "PostHog $exception: transfer fails 502 in the web app",
        s("10:33:00"),
        host=TP_HOST,
        path="/transfers/new",
        exc_type="HttpError",
        value="POST /api/v1/transfers failed: 502 Bad Gateway",
        frames=WEB_TRANSFER,
        distinct_id="usr_01HQC2M8PF",
        email="r.haddad@example.com",
    )
    datadog_rec(
        i,
        "Datadog APM: ledger-svc error rate recovered after rollback",
        s("10:51:00"),
        name="Ledger error rate above 2%",
        scope="kube_deployment:ledger-svc,kube_namespace:core",
        transition="Recovered",
        tags=tp_dd_k8s("core", "ledger-svc", extra="service:ledger-svc,version:1.42.0"),
        msg="trace.http.request.errors / hits for service:ledger-svc is 0.1% over the last 5m.",
        metric="trace.http.request.errors",
        query="sum(last_5m):sum:trace.http.request.errors{env:prod,service:ledger-svc} by "
        "{kube_deployment,kube_namespace}.as_count() / "
        "sum:trace.http.request.hits{env:prod,service:ledger-svc} by {kube_deployment,"
        "kube_namespace}.as_count() > 0.02",
        priority="P1",
    )
    # decoy: staging edge-bff 502 at the same time (staging ledger down for a test)
    sentry_error(
        None,
        "decoy: staging edge-bff 502 on transfers",
        s("10:33:50"),
        TP,
        "edge-bff",
        "node",
        "AxiosError",
        "Request failed with status code 502",
        BFF_TRANSFER,
        env="staging",
        release="edge-bff@4.19.0-rc.1",
        request={"method": "POST", "url": "https://api.staging.tallowpay.dev/v1/transfers"},
        transaction="POST /v1/transfers",
    )

    # ==== TP9: S3 timeouts on KYC document uploads
    i = "tp-kyc-s3-timeouts"
    sentry_error(
        i,
        "Sentry error: kyc-svc botocore ConnectTimeoutError",
        s("11:02:10"),
        TP,
        "kyc-svc",
        "python",
        "ConnectTimeoutError",
        'Connect timeout on endpoint URL: "https://tp-kyc-docs-prod.s3.eu-west-1.amazonaws.com/'
        'uploads/usr_01HQD1/passport.jpg"',
        KYC_S3,
        release="kyc-svc@2026.03.09-3",
        request={"method": "POST", "url": "https://api.tallowpay.com/kyc/v2/documents"},
        transaction="/kyc/v2/documents",
    )
    posthog(
        i,
        "PostHog $exception: document upload failed in onboarding",
        s("11:03:00"),
        host=TP_HOST,
        path="/onboarding/documents",
        exc_type="HttpError",
        value="POST /api/kyc/v2/documents failed: 504 Gateway Timeout",
        frames=WEB_ONBOARD,
        distinct_id="usr_01HQD1F2YW",
        email="s.ivanova@example.com",
        browser=("Chrome Mobile", "122.0", "Android"),
    )
    splunk(
        i,
        "Splunk stats: S3 client errors by bucket",
        s("11:05:00"),
        company=TP,
        search_name="AWS SDK errors by bucket (kyc-svc)",
        result={
            "bucket": "tp-kyc-docs-prod",
            "error": "ConnectTimeoutError",
            "kube_deployment": "kyc-svc",
            "count": "77",
        },
        app="tallowpay_ops",
        owner="sre",
    )
    datadog_rec(
        i,
        "Datadog: kyc-svc upload latency by deployment",
        s("11:06:00"),
        name="KYC document upload slow",
        scope="kube_deployment:kyc-svc,kube_namespace:onboarding",
        transition="Triggered",
        tags=tp_dd_k8s("onboarding", "kyc-svc", extra="service:kyc-svc,aws_service:s3"),
        msg="p90 of `aws.s3.put_object` spans from kyc-svc is 18.2s (threshold 5s).",
        metric="trace.aws.request.duration",
        query="percentile(last_5m):p90:trace.aws.request{env:prod,service:kyc-svc,aws_service:s3}"
        " by {kube_deployment,kube_namespace} > 5",
        priority="P3",
    )

    # ==== TP10: CoreDNS failure: payout-worker and notif-svc both fail to resolve
    i = "tp-coredns"
    datadog_rec(
        i,
        "Datadog: CoreDNS errors by namespace",
        s("11:20:00"),
        name="CoreDNS SERVFAIL rate",
        scope="kube_namespace:kube-system",
        transition="Triggered",
        tags="env:prod,kube_cluster_name:tp-prod-euw1,kube_deployment:coredns,"
        "kube_namespace:kube-system,monitor",
        msg="coredns.response_code_count{rcode:servfail} is 612/min; 2 of 3 coredns pods not "
        "ready.",
        metric="coredns.response_code_count",
        query="sum(last_5m):sum:coredns.response_code_count{rcode:servfail,env:prod} by "
        "{kube_namespace}.as_rate() > 50",
        priority="P1",
    )
    sentry_error(
        i,
        "Sentry error: payout-worker gaierror resolving bank host",
        s("11:20:40"),
        TP,
        "payout-worker",
        "python",
        "ConnectError",
        "[Errno -3] Temporary failure in name resolution",
        PAYOUT_DNS,
        release="payout-worker@0.31.4",
        chain=[("gaierror", "[Errno -3] Temporary failure in name resolution", PAYOUT_DNS[2:])],
        tags={"queue": "payouts.pending"},
        transaction="payouts.pending",
    )
    sentry_error(
        i,
        "Sentry error: notif-svc getaddrinfo EAI_AGAIN for SMTP relay",
        s("11:21:10"),
        TP,
        "notif-svc",
        "node",
        "Error",
        "getaddrinfo EAI_AGAIN smtp-relay.messaging.svc.cluster.local",
        NOTIF_DNS,
        release="notif-svc@3.2.0",
    )
    splunk(
        i,
        "Splunk row: coredns plugin/errors log line",
        s("11:22:30"),
        company=TP,
        search_name="CoreDNS errors",
        result=log_row(
            s("11:22:30"),
            "gke-tp-prod-pool-1-2b7c-9wq4",
            "/var/log/containers/coredns-6f4d8b7c9-ps2lx_kube-system_coredns-aa71.log",
            "kube:container:coredns",
            "[ERROR] plugin/errors: 2 api.banklink-partner.example. A: read udp "
            "10.4.0.12:51244->169.254.169.254:53: i/o timeout",
            index="k8s_prod",
        ),
        app="tallowpay_ops",
        owner="sre",
    )
    datadog_rec(
        i,
        "Datadog: CoreDNS recovered",
        s("11:31:00"),
        name="CoreDNS SERVFAIL rate",
        scope="kube_namespace:kube-system",
        transition="Recovered",
        tags="env:prod,kube_cluster_name:tp-prod-euw1,kube_deployment:coredns,"
        "kube_namespace:kube-system,monitor",
        msg="coredns.response_code_count{rcode:servfail} is 0/min.",
        metric="coredns.response_code_count",
        query="sum(last_5m):sum:coredns.response_code_count{rcode:servfail,env:prod} by "
        "{kube_namespace}.as_rate() > 50",
        priority="P1",
    )

    # ==== TP11: edge-bff CPU throttled: DD by deployment and Sentry metric alert (p95)
    i = "tp-bff-cpu-throttle"
    datadog_rec(
        i,
        "Datadog: edge-bff CPU throttling by deployment",
        s("11:45:00"),
        name="CPU throttling high",
        scope="kube_deployment:edge-bff,kube_namespace:gateway",
        transition="Triggered",
        tags=tp_dd_k8s("gateway", "edge-bff", extra="service:edge-bff"),
        msg="edge-bff containers throttled 64% of CFS periods; HPA at maxReplicas (12).",
        metric="kubernetes.cpu.cfs.throttled.periods",
        query="avg(last_10m):sum:kubernetes.cpu.cfs.throttled.periods{env:prod} by "
        "{kube_deployment,kube_namespace} / sum:kubernetes.cpu.cfs.periods{env:prod} by "
        "{kube_deployment,kube_namespace} > 0.5",
        priority="P3",
    )
    sentry_metric(
        i,
        "Sentry metric alert critical: edge-bff p95 duration",
        s("11:46:30"),
        TP,
        "edge-bff",
        "critical",
        "edge-bff p95 transaction duration",
        "p95(transaction.duration)",
        "event.type:transaction",
        2000,
        4817,
    )
    sentry_metric(
        i,
        "Sentry metric alert resolved: edge-bff p95 duration",
        s("12:05:00"),
        TP,
        "edge-bff",
        "resolved",
        "edge-bff p95 transaction duration",
        "p95(transaction.duration)",
        "event.type:transaction",
        2000,
        612,
    )
    datadog_rec(
        i,
        "Datadog: edge-bff CPU throttling recovered",
        s("12:03:00"),
        name="CPU throttling high",
        scope="kube_deployment:edge-bff,kube_namespace:gateway",
        transition="Recovered",
        tags=tp_dd_k8s("gateway", "edge-bff", extra="service:edge-bff"),
        msg="edge-bff containers throttled 8% of CFS periods.",
        metric="kubernetes.cpu.cfs.throttled.periods",
        query="avg(last_10m):sum:kubernetes.cpu.cfs.throttled.periods{env:prod} by "
        "{kube_deployment,kube_namespace} / sum:kubernetes.cpu.cfs.periods{env:prod} by "
        "{kube_deployment,kube_namespace} > 0.5",
        priority="P3",
    )
    # decoys around noon: a staging CoreDNS-free payout error, a heartbeat, a splunk info row
    sentry_error(
        None,
        "decoy: payments-svc handled card_declined logged as warning",
        s("11:47:30"),
        TP,
        "payments-svc",
        "python",
        "CardError",
        "Your card was declined.",
        PAY_STRIPE,
        release=PAY_REL,
        level="warning",
        handled=True,
        transaction="/v1/charges",
    )
    splunk(
        None,
        "info: hourly signups stats row",
        s("12:00:30"),
        company=TP,
        search_name="Hourly signups",
        result={"hour": "2026-03-10 11:00", "signups": "412", "kyc_started": "288"},
        app="tallowpay_growth",
        owner="growth",
    )
    datadog_rec(
        None,
        "heartbeat: settlement cron ok (midday)",
        s("12:01:10"),
        name="Settlement export CronJob heartbeat",
        scope="kube_cronjob:settlement-export",
        transition="Recovered",
        tags="env:prod,kube_cronjob:settlement-export,kube_namespace:finance,monitor",
        msg="Settlement export last succeeded 2 minutes ago.",
        priority="P4",
        event_type="service_check",
    )

    # ==== TP12: payout bank partner API returns 5xx (payout-worker + DD + splunk stats)
    i = "tp-bank-partner-5xx"
    sentry_error(
        i,
        "Sentry error: payout-worker banklink HTTP 503",
        s("12:15:20"),
        TP,
        "payout-worker",
        "python",
        "HTTPStatusError",
        "Server error '503 Service Unavailable' for url "
        "'https://api.banklink-partner.example/v3/credit-transfers'",
        [*PAYOUT_DNS[:2], ("httpx/_models.py", "raise_for_status", 761, False)],
        release="payout-worker@0.31.4",
        tags={"queue": "payouts.pending", "partner": "banklink"},
        transaction="payouts.pending",
    )
    splunk(
        i,
        "Splunk stats: partner responses by status",
        s("12:18:00"),
        company=TP,
        search_name="Banklink responses by status (15m)",
        result={"partner": "banklink", "status": "503", "count": "264", "service": "payout-worker"},
        app="tallowpay_ops",
        owner="sre",
    )
    datadog_rec(
        i,
        "Datadog: payout failures by queue",
        s("12:19:00"),
        name="Payout submissions failing",
        scope="queue:payouts.pending",
        transition="Triggered",
        tags="env:prod,kube_namespace:payments,monitor,partner:banklink,queue:payouts.pending",
        msg="payouts.submit.failed is 41/min on payouts.pending (partner banklink).",
        metric="payouts.submit.failed",
        query="sum(last_5m):sum:payouts.submit.failed{env:prod} by {queue}.as_rate() > 5",
        priority="P2",
    )
    sentry_issue(
        i,
        "Sentry issue resolved: banklink 503 stops",
        s("12:40:00"),
        TP,
        "payout-worker",
        "resolved",
        "python",
        "HTTPStatusError",
        "Server error '503 Service Unavailable' for url "
        "'https://api.banklink-partner.example/v3/credit-transfers'",
        "payouts.banklink in submit",
        "payouts/banklink.py",
        count=264,
    )


# ============================================================================ Tidewell
D2, D3 = "2026-03-17", "2026-03-18"
TW = "tidewell"
TW_WEB = "watch.tidewell.tv"

CAT_DB = [
    ("django/core/handlers/base.py", "_get_response", 197, False),
    ("catalog/views/rails.py", "home_rails", 64, True),
    ("catalog/queries.py", "featured_titles", 23, True),
    ("django/db/backends/postgresql/base.py", "get_new_connection", 332, False),
]
CAT_SEARCH = [
    ("django/core/handlers/base.py", "_get_response", 197, False),
    ("catalog/views/search.py", "search", 31, True),
    ("catalog/search_client.py", "query", 47, True),
    ("requests/models.py", "raise_for_status", 1021, False),
]
CAT_REDIS = [
    ("django/core/handlers/base.py", "_get_response", 197, False),
    ("catalog/views/rails.py", "continue_watching", 88, True),
    ("django/core/cache/backends/redis.py", "get", 98, False),
    ("redis/connection.py", "read_response", 512, False),
]
PLAY_PANIC = [
    ("net/http/server.go", "net/http.HandlerFunc.ServeHTTP", 2166, False),
    (
        "internal/manifest/handler.go",
        "tidewell.tv/playback/internal/manifest.(*Handler).Master",
        71,
        True,
    ),
    (
        "internal/manifest/hls.go",
        "tidewell.tv/playback/internal/manifest.buildRenditions",
        118,
        True,
    ),
    ("runtime/panic.go", "runtime.goPanicIndex", 114, False),
]
PLAY_DRM = [
    ("net/http/server.go", "net/http.HandlerFunc.ServeHTTP", 2166, False),
    ("internal/drm/license.go", "tidewell.tv/playback/internal/drm.(*Proxy).Widevine", 52, True),
    ("internal/drm/client.go", "tidewell.tv/playback/internal/drm.(*Client).Do", 29, True),
    ("net/http/client.go", "net/http.(*Client).do", 725, False),
]
BILL_REDIS = [
    ("app/controllers/subscriptions_controller.rb", "show", 18, True),
    ("app/models/entitlement.rb", "cached_for", 41, True),
    ("redis-client/lib/redis_client/ruby_connection.rb", "read", 124, False),
]
BILL_ADYEN = [
    ("app/controllers/subscriptions_controller.rb", "create", 34, True),
    ("app/services/payments/adyen_charge.rb", "call", 22, True),
    ("adyen-ruby/lib/adyen/client.rb", "call_adyen_api", 183, False),
]
BILL_NOTFOUND = [
    ("app/controllers/invoices_controller.rb", "show", 9, True),
    ("activerecord/lib/active_record/core.rb", "find", 253, False),
]
TRANS_FFMPEG = [
    ("transcode/worker.py", "handle", 77, True),
    ("transcode/ffmpeg.py", "run_ladder", 58, True),
    ("subprocess.py", "run", 571, False),
]
SEARCH_DISK = [
    (
        "FrameworkServlet.java",
        "org.springframework.web.servlet.FrameworkServlet.service",
        883,
        False,
    ),
    ("SearchController.java", "tv.tidewell.search.api.SearchController.search", 58, True),
    ("QueryLog.java", "tv.tidewell.search.index.QueryLog.append", 41, True),
    ("FileOutputStream.java", "java.io.FileOutputStream.writeBytes", -2, False),
]
WP_JS = "/assets/index-B7x2kQ9c.js"
WEB_PLAYER_HLS = [
    (WP_JS, "PlayerShell.onError", 1, 48812),
    ("/assets/hls-Dq3.js", "e.onFragLoadError", 2, 11907),
]
WEB_PLAYER_LIC = [(WP_JS, "requestLicense", 1, 50233), (WP_JS, "EmeSession.onMessage", 1, 49987)]
WEB_BROWSE = [
    (WP_JS, "fetchRail", 1, 30221),
    ("/assets/browse-C1mN0p.js", "BrowsePage.load", 1, 4410),
]
WEB_SUB = [
    (WP_JS, "apiPost", 1, 29118),
    ("/assets/account-Fz81qa.js", "SubscribeForm.submit", 1, 6620),
]
WEB_FETCH = [(WP_JS, "apiGet", 1, 29006), (WP_JS, "SessionProvider.refresh", 1, 31540)]


def sentry_js(inc, role, t, exc_type, value, frames, **kw):
    sentry_error(
        inc,
        role,
        t,
        TW,
        "web-player",
        "javascript",
        exc_type,
        value,
        [(f"https://{TW_WEB}{fn}", func, ln, True) for fn, func, ln, _ in frames],
        **kw,
    )


def tw_tags(**kv: str) -> str:
    return ",".join(f"{k}:{v}" for k, v in sorted(kv.items()))


def tidewell() -> None:
    a = lambda hms: at(D2, hms)  # noqa: E731
    b = lambda hms: at(D3, hms)  # noqa: E731

    # ---- morning decoys
    datadog_own(
        None,
        "heartbeat: nightly RDS snapshot ok",
        a("06:55:00"),
        name="Nightly catalog DB snapshot",
        scope="dbinstanceidentifier:tidewell-catalog-prod",
        transition="Recovered",
        tags=tw_tags(env="prod", dbinstanceidentifier="tidewell-catalog-prod", team="data"),
        msg="Snapshot rds:tidewell-catalog-prod-2026-03-17-05-00 completed.",
        priority="P5",
    )

    # ==== TW1: RDS failover of the catalogue DB: catalog-api, search indexer, nginx 5xx, web
    i = "tw-catalog-rds-failover"
    datadog_own(
        i,
        "Datadog (own template): RDS failover event by instance",
        a("07:12:00"),
        name="RDS instance failover / reboot",
        scope="dbinstanceidentifier:tidewell-catalog-prod",
        transition="Triggered",
        tags=tw_tags(
            env="prod",
            dbinstanceidentifier="tidewell-catalog-prod",
            region="us-east-1",
            team="data",
        ),
        msg="RDS event RDS-EVENT-0049: A Multi-AZ failover has completed for "
        "tidewell-catalog-prod. "
        "aws.rds.database_connections dropped to 0 for 94s.",
        priority="P1",
    )
    sentry_error(
        i,
        "Sentry error: catalog-api OperationalError connecting",
        a("07:12:30"),
        TW,
        "catalog-api",
        "python",
        "OperationalError",
        'connection to server at "tidewell-catalog-prod.c9x1ab2cd3ef.us-east-1.rds.amazonaws.com" '
        "(10.20.4.18), port 5432 failed: Connection refused\n\tIs the server running on that "
        "host and accepting TCP/IP connections?",
        CAT_DB,
        release="catalog-api@5.8.1",
        request={"method": "GET", "url": "https://api.tidewell.tv/catalog/v2/rails/home"},
        tags={"server_name": "cat-api-02.iad"},
        transaction="/catalog/v2/rails/home",
    )
    sentry_error(
        i,
        "Sentry error: search-indexer lost connection mid-sync",
        a("07:13:10"),
        TW,
        "search-indexer",
        "python",
        "InterfaceError",
        "connection already closed",
        [
            ("indexer/sync.py", "sync_changed_titles", 44, True),
            ("indexer/db.py", "changed_since", 19, True),
            ("psycopg2/extras.py", "execute", 146, False),
        ],
        release="search-indexer@1.9.0",
        tags={"server_name": "idx-01.iad"},
    )
    splunk(
        i,
        "Splunk stats: nginx 5xx by upstream host",
        a("07:15:00"),
        company=TW,
        search_name="Edge nginx 5xx by upstream (5m)",
        result={"upstream_host": "cat-api-02.iad:8000", "status": "502", "count": "1207"},
        app="tw_sre",
        owner="sre-team",
    )
    posthog(
        i,
        "PostHog $exception: browse rail fails to load",
        a("07:13:40"),
        host=TW_WEB,
        path="/browse",
        exc_type="ApiError",
        value="GET /catalog/v2/rails/home -> 502",
        frames=WEB_BROWSE,
        distinct_id="tw_u_55102",
        email="kim.sato@example.net",
        ph_project=("4410", "us"),
        release="web-player@2026.03.16.2",
    )
    datadog_own(
        i,
        "Datadog (own template): RDS connections recovered",
        a("07:21:00"),
        name="RDS instance failover / reboot",
        scope="dbinstanceidentifier:tidewell-catalog-prod",
        transition="Recovered",
        tags=tw_tags(
            env="prod",
            dbinstanceidentifier="tidewell-catalog-prod",
            region="us-east-1",
            team="data",
        ),
        msg="aws.rds.database_connections back to 184.",
        priority="P1",
    )
    # decoys: staging catalog-api fails at the same time (staging DB is being resized)
    sentry_error(
        None,
        "decoy: staging catalog-api OperationalError (planned resize)",
        a("07:13:20"),
        TW,
        "catalog-api",
        "python",
        "OperationalError",
        'connection to server at "tidewell-catalog-stg.c9x1ab2cd3ef.us-east-1.rds.amazonaws.com" '
        "(10.40.2.7), port 5432 failed: Connection refused\n\tIs the server running on that "
        "host and accepting TCP/IP connections?",
        CAT_DB,
        env="staging",
        release="catalog-api@5.9.0rc1",
        tags={"server_name": "cat-api-stg-01.iad"},
        transaction="/catalog/v2/rails/home",
    )
    datadog_own(
        None,
        "decoy: staging RDS modification in progress",
        a("07:14:00"),
        name="RDS instance failover / reboot",
        scope="dbinstanceidentifier:tidewell-catalog-stg",
        transition="Triggered",
        tags=tw_tags(
            env="staging",
            dbinstanceidentifier="tidewell-catalog-stg",
            region="us-east-1",
            team="data",
        ),
        msg="RDS event RDS-EVENT-0014: DB instance tidewell-catalog-stg is being modified "
        "(db.r6g.large).",
        priority="P4",
    )

    # ==== TW2: Fastly origin shield 503 on HLS segments: CDN logs, web player both tools
    i = "tw-cdn-segment-503"
    splunk(
        i,
        "Splunk row: Fastly real-time log line 503 on a segment",
        a("07:50:30"),
        company=TW,
        search_name="Fastly VOD 5xx",
        result=log_row(
            a("07:50:30"),
            "fastly-vod",
            "fastly:vod.tidewell.tv",
            "fastly:cdn",
            '{"timestamp":"2026-03-17T07:49:41Z","service":"vod.tidewell.tv","pop":"LHR",'
            '"url":"/hls/t_88213/1080p/seg_00412.ts","status":503,"cache":"MISS",'
            '"origin":"shield-iad","ttfb_ms":15003,"client_ip":"81.2.69.0"}',
            index="cdn",
            status="503",
            pop="LHR",
        ),
        app="tw_sre",
        owner="sre-team",
    )
    datadog_own(
        i,
        "Datadog (own template): Fastly 5xx ratio by service",
        a("07:52:00"),
        name="CDN 5xx ratio high",
        scope="service:vod.tidewell.tv",
        transition="Triggered",
        tags=tw_tags(
            env="prod", service="vod.tidewell.tv", integration="fastly", team="video-platform"
        ),
        msg="fastly.status_5xx / fastly.requests = 7.9% for vod.tidewell.tv (threshold 1%). Top "
        "POP: LHR.",
        priority="P1",
    )
    sentry_js(
        i,
        "Sentry error: web-player HLS fragLoadError",
        a("07:51:10"),
        "HlsNetworkError",
        "fragLoadError: HTTP 503 loading https://vod.tidewell.tv/hls/t_88213/1080p/seg_00412.ts",
        WEB_PLAYER_HLS,
        release="web-player@2026.03.16.2",
        tags={"browser": "Chrome 122", "cdn.pop": "LHR"},
        user={"id": "tw_u_71440"},
        request={"url": "https://watch.tidewell.tv/watch/t_88213"},
    )
    posthog(
        i,
        "PostHog $exception: player stalls on segment load",
        a("07:51:50"),
        host=TW_WEB,
        path="/watch/t_88213",
        exc_type="HlsNetworkError",
        value="fragLoadError: HTTP 503",
        frames=WEB_PLAYER_HLS,
        distinct_id="tw_u_71440",
        email="leon.b@example.org",
        ph_project=("4410", "us"),
        release="web-player@2026.03.16.2",
        browser=("Edge", "122.0", "Windows"),
    )
    datadog_own(
        i,
        "Datadog (own template): Fastly 5xx recovered",
        a("08:06:00"),
        name="CDN 5xx ratio high",
        scope="service:vod.tidewell.tv",
        transition="Recovered",
        tags=tw_tags(
            env="prod", service="vod.tidewell.tv", integration="fastly", team="video-platform"
        ),
        msg="fastly.status_5xx / fastly.requests = 0.2%.",
        priority="P1",
    )
    # decoy in the same minutes: ResizeObserver noise from the web player
    sentry_js(
        None,
        "decoy: web-player ResizeObserver noise",
        a("07:53:00"),
        "Error",
        "ResizeObserver loop completed with undelivered notifications.",
        [(WP_JS, "ResizeObserver.callback", 1, 2210)],
        release="web-player@2026.03.16.2",
        level="warning",
    )

    # ==== TW3: bad playback-api release: index out of range panics, rolled back
    i = "tw-playback-bad-release"
    datadog_own(
        None,
        "decoy: deploy notice playback-api 3.14.0",
        a("08:27:00"),
        name="Deploy marker",
        scope="service:playback-api",
        transition="Triggered",
        tags=tw_tags(env="prod", service="playback-api", version="3.14.0", source="spinnaker"),
        msg="Spinnaker pipeline playback-api-prod deployed 3.14.0 to play-api-01..04.iad.",
        priority="P5",
    )
    sentry_issue(
        i,
        "Sentry issue created: playback-api index out of range",
        a("08:30:20"),
        TW,
        "playback-api",
        "created",
        "go",
        "runtime.boundsError",
        "runtime error: index out of range [2] with length 2",
        "tidewell.tv/playback/internal/manifest.buildRenditions",
        "internal/manifest/hls.go",
    )
    sentry_alert(
        i,
        "Sentry issue alert: playback-api panic event with host",
        a("08:30:50"),
        TW,
        "playback-api",
        "Playback panics -> #video-oncall",
        "go",
        "runtime.boundsError",
        "runtime error: index out of range [2] with length 2",
        PLAY_PANIC,
        release="playback-api@3.14.0",
        tags={"server_name": "play-api-03.iad", "title_id": "t_40017"},
        request={
            "method": "GET",
            "url": "https://api.tidewell.tv/playback/v1/titles/t_40017/master.m3u8",
        },
        transaction="GET /playback/v1/titles/{id}/master.m3u8",
    )
    splunk(
        i,
        "Splunk row: playback-api text log with the panic",
        a("08:32:10"),
        company=TW,
        search_name="playback-api panics",
        result=log_row(
            a("08:32:10"),
            "play-api-03.iad",
            "/var/log/playback-api/playback.log",
            "playback:app",
            "2026/03/17 08:31:37 http: panic serving 10.20.1.5:51832: runtime error: index out "
            "of range [2] with length 2\ngoroutine 88121 [running]:\nnet/http.(*conn).serve.func1()"
            "\n\t/usr/local/go/src/net/http/server.go:1898 +0xbe\ntidewell.tv/playback/internal/"
            "manifest.buildRenditions(...)\n\t/src/internal/manifest/hls.go:118",
            index="apps",
        ),
        app="tw_sre",
        owner="sre-team",
    )
    datadog_own(
        i,
        "Datadog (own template): playback-api error rate",
        a("08:33:00"),
        name="playback-api 5xx rate",
        scope="service:playback-api",
        transition="Triggered",
        tags=tw_tags(env="prod", service="playback-api", version="3.14.0", team="video-platform"),
        msg="trace.http.request.errors for service:playback-api is 11.8% (threshold 2%).",
        priority="P1",
    )
    sentry_issue(
        i,
        "Sentry issue resolved in next release after rollback",
        a("08:55:00"),
        TW,
        "playback-api",
        "resolved",
        "go",
        "runtime.boundsError",
        "runtime error: index out of range [2] with length 2",
        "tidewell.tv/playback/internal/manifest.buildRenditions",
        "internal/manifest/hls.go",
        count=2231,
    )
    datadog_own(
        i,
        "Datadog (own template): playback-api error rate recovered",
        a("08:52:00"),
        name="playback-api 5xx rate",
        scope="service:playback-api",
        transition="Recovered",
        tags=tw_tags(env="prod", service="playback-api", version="3.13.2", team="video-platform"),
        msg="trace.http.request.errors for service:playback-api is 0.1%.",
        priority="P1",
    )

    # ==== TW4: DRM license vendor slow: playback-api, web-player, PostHog, synthetic
    i = "tw-drm-license-timeouts"
    sentry_error(
        i,
        "Sentry error: playback-api context deadline exceeded to DRM vendor",
        a("09:10:10"),
        TW,
        "playback-api",
        "go",
        "*url.Error",
        'Post "https://license.drmvendor.example/widevine/v2/tidewell": context deadline '
        "exceeded (Client.Timeout exceeded while awaiting headers)",
        PLAY_DRM,
        release="playback-api@3.13.2",
        tags={"server_name": "play-api-01.iad", "drm": "widevine"},
        transaction="POST /playback/v1/license/widevine",
    )
    sentry_js(
        i,
        "Sentry error: web-player license request failed",
        a("09:11:00"),
        "LicenseError",
        "License request failed: 504 (widevine)",
        WEB_PLAYER_LIC,
        release="web-player@2026.03.16.2",
        tags={"browser": "Chrome 122", "drm": "widevine"},
        request={"url": "https://watch.tidewell.tv/watch/t_10455"},
    )
    posthog(
        i,
        "PostHog $exception: license failure in player",
        a("09:11:30"),
        host=TW_WEB,
        path="/watch/t_10455",
        exc_type="LicenseError",
        value="License request failed: 504 (widevine)",
        frames=WEB_PLAYER_LIC,
        distinct_id="tw_u_30981",
        email="a.mensah@example.net",
        ph_project=("4410", "us"),
        release="web-player@2026.03.16.2",
    )
    datadog_own(
        i,
        "Datadog (own template): synthetic license check failing",
        a("09:13:00"),
        name="[Synthetics] Widevine license round trip",
        scope="location:aws:us-east-1",
        transition="Triggered",
        tags=tw_tags(
            env="prod", service="playback-api", check="widevine-license", team="video-platform"
        ),
        msg="API test failed from 3 locations: POST https://api.tidewell.tv/playback/v1/license/"
        "widevine "
        "took 10012ms (assertion: response time < 3000ms).",
        priority="P2",
    )
    datadog_own(
        i,
        "Datadog (own template): synthetic license check recovered",
        a("09:29:00"),
        name="[Synthetics] Widevine license round trip",
        scope="location:aws:us-east-1",
        transition="Recovered",
        tags=tw_tags(
            env="prod", service="playback-api", check="widevine-license", team="video-platform"
        ),
        msg="API test passing from all locations.",
        priority="P2",
    )
    # decoy: billing-api RecordNotFound in the same minutes (a bot guessing invoice ids)
    sentry_error(
        None,
        "decoy: billing-api RecordNotFound from a scraper",
        a("09:12:20"),
        TW,
        "billing-api",
        "ruby",
        "ActiveRecord::RecordNotFound",
        "Couldn't find Invoice with 'id'=inv_0000000",
        BILL_NOTFOUND,
        release="billing-api@2026.03.12",
        level="warning",
        request={"method": "GET", "url": "https://api.tidewell.tv/billing/invoices/inv_0000000"},
        transaction="InvoicesController#show",
    )

    # ==== TW5: transcode SQS backlog from ffmpeg OOM (exit 137); re-fires after a lull
    i = "tw-transcode-backlog"
    sentry_error(
        i,
        "Sentry error: transcode-worker ffmpeg CalledProcessError 137",
        a("09:40:10"),
        TW,
        "transcode-worker",
        "python",
        "CalledProcessError",
        "Command '['ffmpeg', '-i', '/scratch/t_90112/mezz.mov', '-filter_complex', "
        "'[0:v]split=5...']' returned non-zero exit status 137.",
        TRANS_FFMPEG,
        release="transcode-worker@2.4.0",
        tags={"server_name": "xcode-02.iad", "queue": "transcode-jobs"},
    )
    splunk(
        i,
        "Splunk row: kernel OOM killer kills ffmpeg on xcode-02",
        a("09:41:20"),
        company=TW,
        search_name="OOM killer on VMs",
        result=log_row(
            a("09:41:20"),
            "xcode-02.iad",
            "/var/log/kern.log",
            "linux_messages_syslog",
            "Mar 17 09:40:02 xcode-02 kernel: [812233.114522] Out of memory: Killed process "
            "41877 (ffmpeg) total-vm:31877120kB, anon-rss:30110412kB, file-rss:0kB, "
            "shmem-rss:0kB, UID:1001 pgtables:60112kB oom_score_adj:0",
            index="os",
        ),
        app="tw_sre",
        owner="sre-team",
    )
    datadog_own(
        i,
        "Datadog (own template): SQS oldest message age by queue",
        a("09:45:00"),
        name="Transcode queue falling behind",
        scope="queuename:transcode-jobs",
        transition="Triggered",
        tags=tw_tags(
            env="prod", queuename="transcode-jobs", region="us-east-1", team="media-pipeline"
        ),
        msg="aws.sqs.approximate_age_of_oldest_message is 2140s on transcode-jobs (threshold "
        "900s).",
        priority="P2",
    )
    datadog_own(
        i,
        "Datadog (own template): SQS age recovered",
        a("10:05:00"),
        name="Transcode queue falling behind",
        scope="queuename:transcode-jobs",
        transition="Recovered",
        tags=tw_tags(
            env="prod", queuename="transcode-jobs", region="us-east-1", team="media-pipeline"
        ),
        msg="aws.sqs.approximate_age_of_oldest_message is 120s on transcode-jobs.",
        priority="P2",
    )
    # decoy: a transcode CPU warning that recovers alone
    datadog_own(
        None,
        "decoy: transcode VM CPU warning",
        a("09:50:00"),
        name="VM CPU high",
        scope="host:xcode-04.iad",
        transition="Warn",
        tags=tw_tags(env="prod", host="xcode-04.iad", role="transcode"),
        msg="system.cpu.user at 88% on xcode-04.iad (warn 85%, alert 97%).",
        priority="P4",
        hostname="xcode-04.iad",
    )
    datadog_own(
        None,
        "decoy: transcode VM CPU recovers alone",
        a("10:01:00"),
        name="VM CPU high",
        scope="host:xcode-04.iad",
        transition="Recovered",
        tags=tw_tags(env="prod", host="xcode-04.iad", role="transcode"),
        msg="system.cpu.user at 41% on xcode-04.iad.",
        priority="P4",
        hostname="xcode-04.iad",
    )

    # ==== TW6: disk full on search VM: search-api IOException, catalog search 503s
    i = "tw-search-disk-full"
    datadog_own(
        i,
        "Datadog (own template): disk usage by host",
        a("10:12:00"),
        name="Disk almost full",
        scope="device:/dev/nvme1n1,host:search-01.iad",
        transition="Triggered",
        tags=tw_tags(env="prod", host="search-01.iad", device="/dev/nvme1n1", role="search"),
        msg="system.disk.in_use is 99.6% on /dev/nvme1n1 (/var/lib/search) of search-01.iad.",
        priority="P2",
        hostname="search-01.iad",
    )
    sentry_error(
        i,
        "Sentry error: search-api IOException no space left",
        a("10:12:40"),
        TW,
        "search-api",
        "java",
        "java.io.IOException",
        "No space left on device",
        SEARCH_DISK,
        release="search-api@7.2.0",
        tags={"server_name": "search-01.iad"},
        transaction="GET /search",
    )
    sentry_error(
        i,
        "Sentry error: catalog-api HTTPError 503 from search",
        a("10:13:20"),
        TW,
        "catalog-api",
        "python",
        "HTTPError",
        "503 Server Error: Service Unavailable for url: http://search-01.iad:8080/"
        "search?q=ocean&limit=24",
        CAT_SEARCH,
        release="catalog-api@5.8.1",
        tags={"server_name": "cat-api-01.iad"},
        transaction="/catalog/v2/search",
    )
    posthog(
        i,
        "PostHog $exception: search page fails",
        a("10:14:00"),
        host=TW_WEB,
        path="/search",
        exc_type="ApiError",
        value="GET /catalog/v2/search -> 503",
        frames=[
            (WP_JS, "apiGet", 1, 29006),
            ("/assets/search-Kp2Wd1.js", "SearchPage.run", 1, 1870),
        ],
        distinct_id="tw_u_12007",
        ph_project=("4410", "us"),
        release="web-player@2026.03.16.2",
    )
    datadog_own(
        i,
        "Datadog (own template): disk usage recovered after log cleanup",
        a("10:30:00"),
        name="Disk almost full",
        scope="device:/dev/nvme1n1,host:search-01.iad",
        transition="Recovered",
        tags=tw_tags(env="prod", host="search-01.iad", device="/dev/nvme1n1", role="search"),
        msg="system.disk.in_use is 63% on /dev/nvme1n1 of search-01.iad.",
        priority="P2",
        hostname="search-01.iad",
    )

    # ==== TW5 again: transcode backlog re-fires after a lull (same issue regresses)
    i = "tw-transcode-backlog"
    datadog_own(
        i,
        "Datadog (own template): SQS oldest message age triggers again after a lull",
        a("10:44:00"),
        name="Transcode queue falling behind",
        scope="queuename:transcode-jobs",
        transition="Triggered",
        tags=tw_tags(
            env="prod", queuename="transcode-jobs", region="us-east-1", team="media-pipeline"
        ),
        msg="aws.sqs.approximate_age_of_oldest_message is 1710s on transcode-jobs (threshold "
        "900s).",
        priority="P2",
        new_cycle=True,
    )
    sentry_issue(
        i,
        "Sentry issue unresolved: ffmpeg exit 137 regresses",
        a("10:45:10"),
        TW,
        "transcode-worker",
        "unresolved",
        "python",
        "CalledProcessError",
        "Command '['ffmpeg', '-i', '/scratch/t_90112/mezz.mov', '-filter_complex', "
        "'[0:v]split=5...']' returned non-zero exit status 137.",
        "transcode.ffmpeg in run_ladder",
        "transcode/ffmpeg.py",
        count=19,
    )
    # ---- day-1 tail decoys
    splunk(
        None,
        "info: daily plays stats row",
        a("11:00:20"),
        company=TW,
        search_name="Plays by device (daily)",
        result={"device": "web", "plays": "228114", "avg_minutes": "41.2"},
        app="tw_analytics",
        owner="analytics",
    )
    posthog(
        None,
        "decoy: browser extension error on the web player",
        a("10:46:00"),
        host=TW_WEB,
        path="/watch/t_22871",
        exc_type="TypeError",
        value="undefined is not an object (evaluating 'window.__grammarly.init')",
        frames=[("safari-web-extension://6C2E1B4F/content.js", "init", 1, 88)],
        distinct_id="tw_u_90233",
        ph_project=("4410", "us"),
        browser=("Safari", "17.3", "Mac OS X"),
        handled=False,
    )

    # ================================================================ day 2 (2026-03-18)
    datadog_own(
        None,
        "heartbeat: nightly RDS snapshot ok (day 2)",
        b("06:20:00"),
        name="Nightly catalog DB snapshot",
        scope="dbinstanceidentifier:tidewell-catalog-prod",
        transition="Recovered",
        tags=tw_tags(env="prod", dbinstanceidentifier="tidewell-catalog-prod", team="data"),
        msg="Snapshot rds:tidewell-catalog-prod-2026-03-18-05-00 completed.",
        priority="P5",
    )

    # ==== TW7: api.tidewell.tv certificate expired at the CDN edge
    i = "tw-api-cert-expired"
    datadog_own(
        i,
        "Datadog (own template): SSL check api.tidewell.tv",
        b("06:40:00"),
        name="TLS certificate validity",
        scope="host:api.tidewell.tv",
        transition="Triggered",
        tags=tw_tags(env="prod", host="api.tidewell.tv", check="ssl", team="edge"),
        msg="ssl_certificate check: certificate for api.tidewell.tv expired 2026-03-18T06:37:00Z "
        "(Fastly TLS subscription, ACME renewal stuck on DNS validation).",
        priority="P1",
        hostname="api.tidewell.tv",
    )
    sentry_js(
        i,
        "Sentry error: web-player TypeError Failed to fetch",
        b("06:41:10"),
        "TypeError",
        "Failed to fetch",
        WEB_FETCH,
        release="web-player@2026.03.16.2",
        tags={"browser": "Chrome 122", "url.host": "api.tidewell.tv"},
        request={"url": "https://watch.tidewell.tv/"},
    )
    posthog(
        i,
        "PostHog $exception: Load failed in Safari",
        b("06:41:40"),
        host=TW_WEB,
        path="/",
        exc_type="TypeError",
        value="Load failed",
        frames=WEB_FETCH,
        distinct_id="tw_u_44810",
        email="ngozi.e@example.com",
        ph_project=("4410", "us"),
        release="web-player@2026.03.16.2",
        browser=("Safari", "17.3", "iOS"),
    )
    splunk(
        i,
        "Splunk stats: TLS handshake failures by host (Fastly logs)",
        b("06:44:00"),
        company=TW,
        search_name="Fastly TLS handshake failures",
        result={"tls_sni": "api.tidewell.tv", "tls_error": "certificate_expired", "count": "5581"},
        app="tw_sre",
        owner="sre-team",
    )
    datadog_own(
        i,
        "Datadog (own template): SSL check recovered",
        b("07:01:00"),
        name="TLS certificate validity",
        scope="host:api.tidewell.tv",
        transition="Recovered",
        tags=tw_tags(env="prod", host="api.tidewell.tv", check="ssl", team="edge"),
        msg="ssl_certificate check: api.tidewell.tv valid until 2026-06-16.",
        priority="P1",
        hostname="api.tidewell.tv",
    )

    # ==== TW8: ElastiCache Redis CPU pegged: billing-api and catalog-api time out
    i = "tw-elasticache-timeouts"
    datadog_own(
        i,
        "Datadog (own template): ElastiCache engine CPU by cluster",
        b("07:05:00"),
        name="ElastiCache engine CPU high",
        scope="cacheclusterid:tw-sessions-prod-001",
        transition="Triggered",
        tags=tw_tags(
            env="prod", cacheclusterid="tw-sessions-prod-001", region="us-east-1", team="data"
        ),
        msg="aws.elasticache.engine_cpuutilization is 99% on tw-sessions-prod-001 (KEYS * from "
        "an ad hoc script suspected).",
        priority="P2",
    )
    sentry_error(
        i,
        "Sentry error: billing-api Redis::TimeoutError",
        b("07:05:40"),
        TW,
        "billing-api",
        "ruby",
        "RedisClient::ReadTimeoutError",
        "Waited 1.0 seconds",
        BILL_REDIS,
        release="billing-api@2026.03.12",
        tags={"server_name": "bill-01.iad"},
        request={"method": "GET", "url": "https://api.tidewell.tv/billing/subscription"},
        transaction="SubscriptionsController#show",
    )
    sentry_error(
        i,
        "Sentry error: catalog-api redis TimeoutError",
        b("07:06:10"),
        TW,
        "catalog-api",
        "python",
        "TimeoutError",
        "Timeout reading from tw-sessions-prod.abc123.ng.0001.use1.cache.amazonaws.com:6379",
        CAT_REDIS,
        release="catalog-api@5.8.1",
        tags={"server_name": "cat-api-01.iad"},
        transaction="/catalog/v2/rails/continue-watching",
    )
    sentry_metric(
        i,
        "Sentry metric alert critical: billing-api errors",
        b("07:08:00"),
        TW,
        "billing-api",
        "critical",
        "billing-api error spike",
        "count()",
        "event.type:error",
        100,
        644,
    )
    # decoy: billing-api RecordNotFound again in these minutes
    sentry_error(
        None,
        "decoy: billing-api RecordNotFound (scraper, again)",
        b("07:07:20"),
        TW,
        "billing-api",
        "ruby",
        "ActiveRecord::RecordNotFound",
        "Couldn't find Invoice with 'id'=inv_0000031",
        BILL_NOTFOUND,
        release="billing-api@2026.03.12",
        level="warning",
        request={"method": "GET", "url": "https://api.tidewell.tv/billing/invoices/inv_0000031"},
        transaction="InvoicesController#show",
    )
    sentry_metric(
        i,
        "Sentry metric alert resolved: billing-api errors",
        b("07:24:00"),
        TW,
        "billing-api",
        "resolved",
        "billing-api error spike",
        "count()",
        "event.type:error",
        100,
        12,
    )
    datadog_own(
        i,
        "Datadog (own template): ElastiCache CPU recovered",
        b("07:20:00"),
        name="ElastiCache engine CPU high",
        scope="cacheclusterid:tw-sessions-prod-001",
        transition="Recovered",
        tags=tw_tags(
            env="prod", cacheclusterid="tw-sessions-prod-001", region="us-east-1", team="data"
        ),
        msg="aws.elasticache.engine_cpuutilization is 18%.",
        priority="P2",
    )

    # ==== TW9: Adyen payment provider errors on subscribe
    i = "tw-adyen-errors"
    sentry_error(
        i,
        "Sentry error: billing-api Adyen server error",
        b("07:42:10"),
        TW,
        "billing-api",
        "ruby",
        "Adyen::ServerError",
        "Adyen::ServerError code:500, request_id:, msg:Internal Server Error, response:"
        '{"status":500,"errorCode":"905","message":"Payment details are not supported",'
        '"errorType":"configuration"}',
        BILL_ADYEN,
        release="billing-api@2026.03.12",
        tags={"server_name": "bill-02.iad", "psp": "adyen"},
        request={"method": "POST", "url": "https://api.tidewell.tv/billing/subscriptions"},
        transaction="SubscriptionsController#create",
        user={"id": "tw_u_61802"},
    )
    splunk(
        i,
        "Splunk row: billing-api Rails log of the failed subscribe",
        b("07:43:30"),
        company=TW,
        search_name="billing-api payment failures",
        result=log_row(
            b("07:43:30"),
            "bill-02.iad",
            "/srv/billing/log/production.log",
            "rails:production",
            "E, [2026-03-18T07:42:49.771234 #22107] ERROR -- : [5c1e8a2f-0d3b-4e7a-9a11-"
            "7b6c2d9e4f10] Payments::AdyenCharge failed for user tw_u_61802: "
            "Adyen::ServerError code:500 (errorCode 905)",
            index="apps",
        ),
        app="tw_sre",
        owner="sre-team",
    )
    posthog(
        i,
        "PostHog $exception: subscribe form error",
        b("07:43:00"),
        host=TW_WEB,
        path="/account/subscribe",
        exc_type="ApiError",
        value="POST /billing/subscriptions -> 502",
        frames=WEB_SUB,
        distinct_id="tw_u_61802",
        email="p.oyelaran@example.com",
        ph_project=("4410", "us"),
        release="web-player@2026.03.16.2",
    )
    datadog_own(
        i,
        "Datadog (own template): subscription failures metric",
        b("07:45:00"),
        name="Subscription payment failures",
        scope="psp:adyen",
        transition="Triggered",
        tags=tw_tags(env="prod", psp="adyen", service="billing-api", team="billing"),
        msg="billing.payment.failed is 38/min for psp:adyen (threshold 5/min).",
        priority="P1",
    )
    datadog_own(
        i,
        "Datadog (own template): subscription failures recovered",
        b("08:02:00"),
        name="Subscription payment failures",
        scope="psp:adyen",
        transition="Recovered",
        tags=tw_tags(env="prod", psp="adyen", service="billing-api", team="billing"),
        msg="billing.payment.failed is 0/min for psp:adyen.",
        priority="P1",
    )

    # ==== TW10: playback-api memory leak OOM on two VMs
    i = "tw-playback-oom"
    datadog_own(
        i,
        "Datadog (own template): process RSS by host (play-api-02)",
        b("08:10:00"),
        name="playback-api memory growth",
        scope="host:play-api-02.iad,process_name:playback-api",
        transition="Triggered",
        tags=tw_tags(
            env="prod", host="play-api-02.iad", process_name="playback-api", service="playback-api"
        ),
        msg="system.processes.mem.rss for playback-api is 14.8 GiB on play-api-02.iad (threshold "
        "12 GiB).",
        priority="P2",
        hostname="play-api-02.iad",
    )
    datadog_own(
        i,
        "Datadog (own template): process RSS by host (play-api-04)",
        b("08:11:00"),
        name="playback-api memory growth",
        scope="host:play-api-04.iad,process_name:playback-api",
        transition="Triggered",
        tags=tw_tags(
            env="prod", host="play-api-04.iad", process_name="playback-api", service="playback-api"
        ),
        msg="system.processes.mem.rss for playback-api is 13.1 GiB on play-api-04.iad (threshold "
        "12 GiB).",
        priority="P2",
        hostname="play-api-04.iad",
    )
    splunk(
        i,
        "Splunk row: systemd restarts playback-api after OOM",
        b("08:13:30"),
        company=TW,
        search_name="OOM killer on VMs",
        result=log_row(
            b("08:13:30"),
            "play-api-02.iad",
            "/var/log/syslog",
            "syslog",
            "Mar 18 08:12:51 play-api-02 systemd[1]: playback-api.service: A process of this "
            "unit has been killed by the OOM killer.\nMar 18 08:12:51 play-api-02 systemd[1]: "
            "playback-api.service: Main process exited, code=killed, status=9/KILL",
            index="os",
        ),
        app="tw_sre",
        owner="sre-team",
    )
    posthog(
        i,
        "PostHog $exception: playback session lost (502)",
        b("08:13:00"),
        host=TW_WEB,
        path="/watch/t_66120",
        exc_type="ApiError",
        value="POST /playback/v1/sessions/heartbeat -> 502",
        frames=[(WP_JS, "apiPost", 1, 29118), (WP_JS, "PlaybackSession.beat", 1, 51102)],
        distinct_id="tw_u_20554",
        ph_project=("4410", "us"),
        release="web-player@2026.03.16.2",
    )
    datadog_own(
        i,
        "Datadog (own template): play-api-02 RSS recovered after restart",
        b("08:25:00"),
        name="playback-api memory growth",
        scope="host:play-api-02.iad,process_name:playback-api",
        transition="Recovered",
        tags=tw_tags(
            env="prod", host="play-api-02.iad", process_name="playback-api", service="playback-api"
        ),
        msg="system.processes.mem.rss for playback-api is 1.2 GiB on play-api-02.iad.",
        priority="P2",
        hostname="play-api-02.iad",
    )
    # decoy: deploy notice of web-player release (which causes TW11 later, but is info)
    datadog_own(
        None,
        "decoy: deploy notice web-player 2026.03.18.1",
        b("08:40:00"),
        name="Deploy marker",
        scope="service:web-player",
        transition="Triggered",
        tags=tw_tags(
            env="prod", service="web-player", version="2026.03.18.1", source="github-actions"
        ),
        msg="web-player 2026.03.18.1 published to the CDN (invalidation 3 paths).",
        priority="P5",
    )

    # ==== TW11: web-player release crashes on audio tracks: Sentry metric alert + issue + PostHog
    i = "tw-webplayer-audiotracks"
    new_js = "/assets/index-Qm4v8ZtR.js"
    frames_at = [(new_js, "AudioMenu.render", 1, 61207), (new_js, "renderWithHooks", 1, 12044)]
    sentry_issue(
        i,
        "Sentry issue created: TypeError reading audioTracks",
        b("08:47:00"),
        TW,
        "web-player",
        "created",
        "javascript",
        "TypeError",
        "Cannot read properties of undefined (reading 'audioTracks')",
        "AudioMenu.render(assets/index-Qm4v8ZtR)",
        f"https://{TW_WEB}{new_js}",
    )
    sentry_metric(
        i,
        "Sentry metric alert critical: web-player errors",
        b("08:50:00"),
        TW,
        "web-player",
        "critical",
        "web-player errors > 500/10m",
        "count()",
        "event.type:error",
        500,
        3120,
    )
    posthog(
        i,
        "PostHog $exception: audioTracks TypeError in Chrome",
        b("08:48:30"),
        host=TW_WEB,
        path="/watch/t_31001",
        exc_type="TypeError",
        value="Cannot read properties of undefined (reading 'audioTracks')",
        frames=frames_at,
        distinct_id="tw_u_77120",
        email="h.yilmaz@example.com",
        ph_project=("4410", "us"),
        release="web-player@2026.03.18.1",
    )
    posthog(
        i,
        "PostHog $exception: same error in Firefox wording",
        b("08:49:10"),
        host=TW_WEB,
        path="/watch/t_20817",
        exc_type="TypeError",
        value='can\'t access property "audioTracks", e.media is undefined',
        frames=frames_at,
        distinct_id="tw_u_10922",
        ph_project=("4410", "us"),
        release="web-player@2026.03.18.1",
        browser=("Firefox", "123.0", "Linux"),
    )
    sentry_metric(
        i,
        "Sentry metric alert resolved: web-player errors after revert",
        b("09:12:00"),
        TW,
        "web-player",
        "resolved",
        "web-player errors > 500/10m",
        "count()",
        "event.type:error",
        500,
        41,
    )

    # ==== TW12: Elasticsearch-backed search-api GC storm: search-api, catalog-api, DD
    i = "tw-search-gc-storm"
    sentry_error(
        i,
        "Sentry error: search-api OutOfMemoryError GC overhead",
        b("09:30:10"),
        TW,
        "search-api",
        "java",
        "java.lang.OutOfMemoryError",
        "GC overhead limit exceeded",
        [
            (
                "FrameworkServlet.java",
                "org.springframework.web.servlet.FrameworkServlet.service",
                883,
                False,
            ),
            ("SearchController.java", "tv.tidewell.search.api.SearchController.suggest", 77, True),
            ("SuggestIndex.java", "tv.tidewell.search.index.SuggestIndex.prefix", 102, True),
            ("HashMap.java", "java.util.HashMap.resize", 704, False),
        ],
        release="search-api@7.2.0",
        tags={"server_name": "search-02.iad"},
        transaction="GET /suggest",
    )
    datadog_own(
        i,
        "Datadog (own template): JVM GC time by host",
        b("09:31:00"),
        name="search-api JVM GC pause",
        scope="host:search-02.iad,service:search-api",
        transition="Triggered",
        tags=tw_tags(env="prod", host="search-02.iad", service="search-api", runtime="jvm"),
        msg="jvm.gc.major_collection_time is 940 ms/s on search-02.iad.",
        priority="P2",
        hostname="search-02.iad",
    )
    sentry_error(
        i,
        "Sentry error: catalog-api ReadTimeout calling suggest",
        b("09:31:40"),
        TW,
        "catalog-api",
        "python",
        "ReadTimeout",
        "HTTPConnectionPool(host='search-02.iad', port=8080): Read timed out. (read timeout=2)",
        [*CAT_SEARCH[:3], ("requests/adapters.py", "send", 713, False)],
        release="catalog-api@5.8.1",
        tags={"server_name": "cat-api-02.iad"},
        transaction="/catalog/v2/suggest",
    )
    splunk(
        i,
        "Splunk row: search-api GC log line",
        b("09:32:30"),
        company=TW,
        search_name="search-api long GC pauses",
        result=log_row(
            b("09:32:30"),
            "search-02.iad",
            "/var/log/search-api/gc.log",
            "jvm:gc",
            "[2026-03-18T09:31:58.402+0000][info][gc] GC(8812) Pause Full (G1 Compaction Pause) "
            "7911M->7894M(8192M) 4120.553ms",
            index="apps",
        ),
        app="tw_sre",
        owner="sre-team",
    )
    datadog_own(
        i,
        "Datadog (own template): JVM GC recovered after heap bump",
        b("09:50:00"),
        name="search-api JVM GC pause",
        scope="host:search-02.iad,service:search-api",
        transition="Recovered",
        tags=tw_tags(env="prod", host="search-02.iad", service="search-api", runtime="jvm"),
        msg="jvm.gc.major_collection_time is 12 ms/s on search-02.iad.",
        priority="P2",
        hostname="search-02.iad",
    )
    # decoys: staging search-api same OOM, an ignored issue, an info splunk row
    sentry_error(
        None,
        "decoy: staging search-api OOM (load test)",
        b("09:33:00"),
        TW,
        "search-api",
        "java",
        "java.lang.OutOfMemoryError",
        "Java heap space",
        [*SEARCH_DISK[:3], ("Arrays.java", "java.util.Arrays.copyOf", 3537, False)],
        env="staging",
        release="search-api@7.3.0-SNAPSHOT",
        tags={"server_name": "search-stg-01.iad"},
        transaction="GET /search",
    )
    sentry_issue(
        None,
        "decoy: ResizeObserver issue archived",
        b("09:35:00"),
        TW,
        "web-player",
        "ignored",
        "javascript",
        "Error",
        "ResizeObserver loop completed with undelivered notifications.",
        "ResizeObserver.callback(assets/index-B7x2kQ9c)",
        f"https://{TW_WEB}{WP_JS}",
        count=8812,
    )
    splunk(
        None,
        "info: signups by plan stats row",
        b("09:40:00"),
        company=TW,
        search_name="Signups by plan (hourly)",
        result={"plan": "premium_annual", "signups": "93"},
        app="tw_analytics",
        owner="analytics",
    )


def main() -> None:
    tallowpay()
    tidewell()
    rows = sorted(enumerate(ROWS), key=lambda p: (p[1]["at"], p[0]))
    with OUT.open("w") as f:
        for _, row in rows:
            f.write(json.dumps(row, sort_keys=False) + "\n")
    labels = {r["incident"] for r in ROWS if r["incident"]}
    decoys = sum(1 for r in ROWS if r["incident"] is None)
    print(f"{OUT.name}: {len(ROWS)} rows, {len(labels)} incidents, {decoys} decoy rows")


if __name__ == "__main__":
    main()
