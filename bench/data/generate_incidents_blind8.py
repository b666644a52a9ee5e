"""Write ``incidents-blind8.jsonl``: an outsider's labelled set of multi-tool incidents.

Two fictional companies, each its own customer (one project per ``company``):

* **Fernhollow Fleet**, a fleet-telematics platform on AWS: ECS services ``ingest`` (Go),
  ``trips`` (FastAPI), ``alerts`` (Node) and ``billing`` (Spring Boot), IoT Core, Kinesis,
  Timestream, RDS Postgres, ElastiCache and a React dashboard. Sentry with one project per
  service, Datadog through the recommended payload (monitors by service, Kinesis stream, DB
  instance, ECS cluster, cache cluster), Splunk saved searches over CloudWatch-shipped logs and
  ``stats`` rows, PostHog ``$exception`` events from the dashboard. Two mornings.
* **Farrowdale Assurance**, an insurer on on-prem OpenShift and VMs: Java ``policy-service`` and
  ``claims-service`` (and a ``claims-batch`` VM job), IBM MQ, Oracle RAC, an Angular broker
  portal. Splunk first (syslog, app logs, OpenShift events, ``stats`` rows by host and service),
  one Sentry project told apart by environment and tags, Datadog through a template of its own
  (host and process monitors), PostHog from the portal. Two mornings.

Each row: ``source``, ``headers``, ``body``, ``incident`` (a label, or null for a decoy),
``role``, ``at`` (ISO-8601 UTC, the time it is sent) and ``company``; rows are in sending order.

Sources for the shapes (nothing here was read from the product's code, tests or other sets):

* Sentry integration-platform webhooks: the ``Sentry-Hook-Resource``/``-Timestamp``/``-Signature``
  and ``Request-ID`` headers, the ``{action, installation, data, actor}`` envelope, ``error`` and
  ``event_alert`` events (``Event.as_dict()``: tags as sorted ``[k, v]`` pairs, cause-first
  exception values, oldest-first frames), ``issue`` (the camelCase group serializer, ``count`` a
  string) and ``metric_alert`` (``critical``/``resolved``) - docs.sentry.io "Integration
  Platform > Webhooks" and getsentry/sentry ``sentry_apps`` serializers, as summarised in
  ``shared/spec/provider-formats.md``.
* Datadog Webhooks integration (docs.datadoghq.com/integrations/webhooks): ``$EVENT_TITLE``,
  ``$ALERT_TRANSITION``, ``$ALERT_SCOPE``, ``$TAGS``, ``$DATE`` in milliseconds, every value a
  string; Fernhollow uses the default/recommended payload extended with the alert variables,
  Farrowdale a template of its own.
* PostHog's HTTP Webhook destination (``{"event": {event}, "person": {person}}``) carrying
  posthog-js ``$exception`` events with ``$exception_list`` (posthog.com/docs/error-tracking).
* Splunk's webhook alert action (``alert_webhook/bin/webhook.py``): ``sid``, ``search_name``,
  ``app``, ``owner``, ``results_link``, ``result`` = the first row, every value a string,
  ``User-Agent: Splunk/<guid>``; no ``_time`` on ``stats`` rows.

Written by an outsider who read neither the incident step, the clustering, the plugins' mapping
code nor the existing incident sets: report it, never tune on it.
Run: ``python bench/data/generate_incidents_blind8.py``.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import random
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

OUT = Path(__file__).with_name("incidents-blind8.jsonl")
RNG = random.Random(20260310)

FF = "Fernhollow Fleet"
FA = "Farrowdale Assurance"

ROWS: list[dict] = []


def ts(at: str) -> datetime:
    return datetime.fromisoformat(at.replace("Z", "+00:00")).astimezone(UTC)


def iso(dt: datetime) -> str:
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


def hexid(n: int = 32) -> str:
    return "".join(RNG.choice("0123456789abcdef") for _ in range(n))


def uid() -> str:
    return str(uuid.UUID(int=RNG.getrandbits(128), version=4))


def emit(source, headers, body, incident, role, at, company):
    ROWS.append(
        {
            "source": source,
            "headers": headers,
            "body": body,
            "incident": incident,
            "role": role,
            "at": iso(ts(at)),
            "company": company,
        }
    )


# --------------------------------------------------------------------------- Sentry

SENTRY = {
    FF: {"org": "fernhollow", "secret": "f3e1c0a9b8d74e2f9a6b5c4d3e2f1a0b", "inst": uid()},
    FA: {"org": "farrowdale", "secret": "9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a49", "inst": uid()},
}
FF_PROJECTS = {
    "ingest-svc": (4505112, "go"),
    "trips-api": (4505113, "python"),
    "alerts-worker": (4505114, "node"),
    "billing-api": (4505115, "java"),
    "dashboard-web": (4505116, "javascript"),
}
FA_PROJECTS = {"farrowdale-platform": (2201, "java")}


def sentry_headers(company, resource, body, at):
    raw = json.dumps(body, separators=(",", ":"))
    sig = hmac.new(SENTRY[company]["secret"].encode(), raw.encode(), hashlib.sha256).hexdigest()
    return {
        "Content-Type": "application/json",
        "Request-ID": hexid(32),
        "Sentry-Hook-Resource": resource,
        "Sentry-Hook-Timestamp": str(int(ts(at).timestamp())),
        "Sentry-Hook-Signature": sig,
    }


def project_of(company, slug):
    table = FF_PROJECTS if company == FF else FA_PROJECTS
    return table[slug]


def frame(filename, function, lineno, module=None, in_app=True, context=None, abs_path=None):
    return {
        "filename": filename,
        "abs_path": abs_path or filename,
        "function": function,
        "module": module,
        "lineno": lineno,
        "colno": None,
        "in_app": in_app,
        "context_line": context,
        "pre_context": None,
        "post_context": None,
        "vars": None,
        "data": None,
    }


def sentry_event(
    company,
    slug,
    at,
    exc,
    *,
    env="production",
    release=None,
    tags=(),
    transaction=None,
    url=None,
    method="GET",
    user=None,
    level="error",
    logger=None,
    handled=False,
    mech="generic",
    server=None,
    trace=None,
    message="",
):
    """``Event.as_dict()`` plus the webhook's links. ``exc``: list of (type, value, module, frames),
    cause first."""
    org = SENTRY[company]["org"]
    pid, platform = project_of(company, slug)
    issue_id = str(RNG.randint(5_000_000_000, 5_999_999_999))
    event_id = hexid(32)
    dt = ts(at) - timedelta(seconds=RNG.randint(5, 40))
    values = []
    for etype, evalue, emod, frames in exc:
        values.append(
            {
                "type": etype,
                "value": evalue,
                "module": emod,
                "mechanism": {"type": mech, "handled": handled},
                "stacktrace": {"frames": frames},
            }
        )
    top = exc[-1]
    last = top[3][-1] if top[3] else {"filename": None, "function": None}
    all_tags = {"environment": env, "level": level, "handled": "yes" if handled else "no"}
    if release:
        all_tags["release"] = release
    if server:
        all_tags["server_name"] = server
    if transaction:
        all_tags["transaction"] = transaction
    if url:
        all_tags["url"] = url
    if user:
        all_tags["user"] = "id:" + user
    all_tags.update(dict(tags))
    contexts = {"runtime": {"name": platform, "type": "runtime"}}
    if trace:
        contexts["trace"] = {"trace_id": trace, "span_id": hexid(16), "op": "http.server"}
    title = f"{top[0]}: {top[1]}".strip().rstrip(":")
    data = {
        "event_id": event_id,
        "project": pid,
        "release": release,
        "dist": None,
        "platform": platform,
        "message": message,
        "datetime": dt.isoformat(),
        "tags": sorted([k, v] for k, v in all_tags.items()),
        "environment": env,
        "level": level,
        "culprit": transaction or last.get("function"),
        "logger": logger or "",
        "exception": {"values": values},
        "contexts": contexts,
        "sdk": {
            "name": {
                "go": "sentry.go",
                "python": "sentry.python.fastapi",
                "node": "sentry.javascript.node",
                "java": "sentry.java.spring-boot.jakarta",
                "javascript": "sentry.javascript.react",
            }[platform],
            "version": "8.9.0",
        },
        "fingerprint": ["{{ default }}"],
        "metadata": {
            "type": top[0],
            "value": top[1],
            "filename": last.get("filename"),
            "function": last.get("function"),
        },
        "received": dt.timestamp() + 0.4,
        "timestamp": dt.timestamp(),
        "title": title,
        "location": last.get("filename"),
        "transaction": transaction,
        "type": "error",
        "version": "7",
        "url": f"https://sentry.io/api/0/projects/{org}/{slug}/events/{event_id}/",
        "web_url": f"https://{org}.sentry.io/issues/{issue_id}/events/{event_id}/",
        "issue_url": f"https://sentry.io/api/0/issues/{issue_id}/",
        "issue_id": issue_id,
    }
    if url:
        data["request"] = {"url": url, "method": method, "headers": [["Accept", "*/*"]]}
    if user:
        data["user"] = {"id": user, "ip_address": "10.0.0.0"}
    return data


def sentry_error(company, slug, at, exc, incident, role, **kw):
    data = sentry_event(company, slug, at, exc, **kw)
    body = {
        "action": "created",
        "installation": {"uuid": SENTRY[company]["inst"]},
        "data": {"error": data},
        "actor": {"type": "application", "id": "sentry", "name": "Sentry"},
    }
    emit("sentry", sentry_headers(company, "error", body, at), body, incident, role, at, company)
    return data


def sentry_event_alert(company, slug, at, exc, rule, incident, role, **kw):
    data = sentry_event(company, slug, at, exc, **kw)
    data["triggered_rule"] = rule
    body = {
        "action": "triggered",
        "installation": {"uuid": SENTRY[company]["inst"]},
        "data": {
            "event": data,
            "triggered_rule": rule,
            "issue_alert": {"title": rule, "settings": []},
        },
        "actor": {"type": "application", "id": "sentry", "name": "Sentry"},
    }
    emit(
        "sentry",
        sentry_headers(company, "event_alert", body, at),
        body,
        incident,
        role,
        at,
        company,
    )
    return data


ISSUES: dict[str, dict] = {}


def sentry_issue(
    company,
    slug,
    at,
    key,
    action,
    incident,
    role,
    *,
    etype=None,
    value=None,
    culprit=None,
    filename=None,
    function=None,
    count="1",
    users=1,
    level="error",
):
    org = SENTRY[company]["org"]
    pid, platform = project_of(company, slug)
    if key not in ISSUES:
        n = RNG.randint(40, 900)
        iid = str(RNG.randint(5_000_000_000, 5_999_999_999))
        ISSUES[key] = {
            "id": iid,
            "shortId": f"{slug.upper()}-{n:X}",
            "firstSeen": (ts(at) - timedelta(minutes=1)).isoformat(),
            "title": f"{etype}: {value}",
            "culprit": culprit,
            "metadata": {"type": etype, "value": value, "filename": filename, "function": function},
        }
    base = ISSUES[key]
    resolved = action == "resolved"
    issue = {
        "id": base["id"],
        "shortId": base["shortId"],
        "title": base["title"],
        "culprit": base["culprit"],
        "permalink": f"https://{org}.sentry.io/issues/{base['id']}/",
        "logger": None,
        "level": level,
        "status": "resolved" if resolved else "unresolved",
        "substatus": None if resolved else "new",
        "statusDetails": {"inRelease": "latest"} if resolved else {},
        "priority": "high",
        "platform": platform,
        "project": {"id": str(pid), "name": slug, "slug": slug, "platform": platform},
        "type": "error",
        "issueType": "error",
        "issueCategory": "error",
        "metadata": base["metadata"],
        "assignedTo": None,
        "isBookmarked": False,
        "isSubscribed": False,
        "hasSeen": False,
        "annotations": [],
        "numComments": 0,
        "isUnhandled": True,
        "isPublic": False,
        "count": count,
        "userCount": users,
        "firstSeen": base["firstSeen"],
        "lastSeen": (ts(at) - timedelta(seconds=20)).isoformat(),
        "url": f"https://sentry.io/api/0/organizations/{org}/issues/{base['id']}/",
        "web_url": f"https://{org}.sentry.io/issues/{base['id']}/",
        "project_url": f"https://{org}.sentry.io/issues/?project={pid}",
    }
    actor = (
        {"type": "user", "id": 310442, "name": "Priya Okafor"}
        if resolved
        else {"type": "application", "id": "sentry", "name": "Sentry"}
    )
    body = {
        "action": action,
        "installation": {"uuid": SENTRY[company]["inst"]},
        "data": {"issue": issue},
        "actor": actor,
    }
    emit("sentry", sentry_headers(company, "issue", body, at), body, incident, role, at, company)


RULES: dict[str, dict] = {}


def sentry_metric_alert(
    company,
    at,
    name,
    aggregate,
    query,
    projects,
    action,
    incident,
    role,
    *,
    env="production",
    threshold=None,
    value=None,
):
    org = SENTRY[company]["org"]
    if name not in RULES:
        RULES[name] = {"rule": RNG.randint(90000, 99999), "incident": RNG.randint(3000, 9999)}
    r = RULES[name]
    started = ts(at)
    status = {"critical": 2, "warning": 1, "resolved": 0}[action]
    rule = {
        "id": str(r["rule"]),
        "name": name,
        "organization_id": "1188",
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
        "thresholdPeriod": 1,
        "triggers": [
            {
                "id": str(r["rule"] + 7),
                "alertRuleId": str(r["rule"]),
                "label": "critical",
                "thresholdType": 0,
                "alertThreshold": threshold,
                "resolveThreshold": None,
                "dateCreated": "2025-11-02T10:14:03.112Z",
                "actions": [],
            }
        ],
        "projects": projects,
        "owner": None,
        "dateModified": "2025-11-02T10:14:03.112Z",
        "dateCreated": "2025-11-02T10:14:03.112Z",
        "createdBy": None,
    }
    label = {"critical": "Critical", "warning": "Warning", "resolved": "Resolved"}[action]
    body = {
        "action": action,
        "installation": {"uuid": SENTRY[company]["inst"]},
        "data": {
            "metric_alert": {
                "alert_rule": rule,
                "id": str(r["incident"]),
                "identifier": str(r["incident"] % 1000),
                "organization_id": "1188",
                "projects": projects,
                "status": status,
                "status_method": 3,
                "type": 2,
                "title": name,
                "date_started": started.isoformat(),
                "date_detected": started.isoformat(),
                "date_created": started.isoformat(),
                "date_closed": started.isoformat() if action == "resolved" else None,
            },
            "description_text": f"{value} {aggregate} in the last 5 minutes",
            "description_title": f"{label}: {name}",
            "web_url": f"https://{org}.sentry.io/organizations/{org}/alerts/rules/details/"
            f"{r['rule']}/?alert={r['incident']}",
        },
        "actor": {"type": "application", "id": "sentry", "name": "Sentry"},
    }
    emit(
        "sentry",
        sentry_headers(company, "metric_alert", body, at),
        body,
        incident,
        role,
        at,
        company,
    )


# --------------------------------------------------------------------------- Datadog

MONITORS: dict[str, dict] = {}


def _monitor(name):
    if name not in MONITORS:
        MONITORS[name] = {"id": str(RNG.randint(10_000_000, 190_000_000)), "cycle": hexid(32)}
    m = MONITORS[name]
    if m.get("closed"):
        m["cycle"] = hexid(32)
        m["closed"] = False
    return m


def dd_title(priority, transition, scope, name):
    prefix = f"[{priority}] " if priority else ""
    if transition in ("Triggered", "Re-Triggered", "Recovered", "Warn", "Re-Warn", "No Data"):
        return f"{prefix}[{transition} on {{{scope}}}] {name}"
    return f"{prefix}{name}"


def dd_recommended(
    at,
    name,
    transition,
    scope,
    tags,
    incident,
    role,
    *,
    priority="P2",
    host="",
    event_type="query_alert_monitor",
    metric="",
    query="",
    status="",
    text="",
):
    """Fernhollow's webhook: the integration tile's default payload plus the alert variables."""
    m = _monitor(name)
    alert_type = {
        "Triggered": "error",
        "Re-Triggered": "error",
        "Recovered": "success",
        "Warn": "warning",
        "Re-Warn": "warning",
    }.get(transition, "info")
    date = str(int(ts(at).timestamp() * 1000) - RNG.randint(20_000, 50_000))
    title = dd_title(priority, transition, scope, name)
    link = f"https://app.datadoghq.eu/monitors/{m['id']}"
    msg = (
        f"%%%\n{text}\n\n{status}\n\n@webhook-soulcaster @slack-fleet-oncall\n\n"
        f"[[Monitor Status]({link})] · [[Edit Monitor]({link}/edit)]\n%%%"
    )
    body = {
        "body": msg,
        "last_updated": date,
        "event_type": event_type,
        "title": title,
        "date": date,
        "org": {"id": "381204", "name": "Fernhollow Fleet"},
        "id": str(RNG.randint(7_000_000_000_000_000_000, 7_999_999_999_999_999_999)),
        "alert_id": m["id"],
        "alert_metric": metric,
        "alert_priority": priority,
        "alert_transition": transition,
        "alert_status": status,
        "alert_title": name,
        "alert_type": alert_type,
        "alert_query": query,
        "alert_scope": scope,
        "alert_cycle_key": m["cycle"],
        "aggreg_key": hashlib.md5(m["id"].encode()).hexdigest()[:31],
        "host_name": host,
        "priority": "normal",
        "tags": tags,
        "link": link,
    }
    if transition == "Recovered":
        m["closed"] = True
    emit(
        "datadog",
        {"Content-Type": "application/json"},
        body,
        incident,
        role,
        at,
        FF,
    )


def dd_farrowdale(
    at,
    name,
    transition,
    scope,
    tags,
    incident,
    role,
    *,
    priority="P2",
    host="",
    event_type="metric_alert_monitor",
    text="",
):
    """Farrowdale's own template: short keys, the text-only message, the host on its own."""
    m = _monitor("fa:" + name)
    date = str(int(ts(at).timestamp() * 1000) - RNG.randint(10_000, 40_000))
    body = {
        "summary": dd_title(priority, transition, scope, name),
        "state": transition,
        "severity": priority,
        "monitor": {"id": m["id"], "name": name, "type": event_type},
        "scope": scope,
        "host": host,
        "tags": tags,
        "details": text,
        "cycle": m["cycle"],
        "fired_at": date,
        "source": "datadog",
        "team": "platform-ops",
    }
    if transition == "Recovered":
        m["closed"] = True
    emit(
        "datadog",
        {"Content-Type": "application/json", "X-Farrowdale-Route": "ops-bridge"},
        body,
        incident,
        role,
        at,
        FA,
    )


# --------------------------------------------------------------------------- PostHog

PH = {
    FF: {"project": "40117", "host": "https://eu.posthog.com", "site": "https://app.fernhollow.io"},
    FA: {
        "project": "7731",
        "host": "https://us.posthog.com",
        "site": "https://brokers.farrowdale.co.uk",
    },
}


def posthog_exc(company, at, etype, value, frames, path, incident, role, *, user, browser):
    p = PH[company]
    ev_id = uid()
    dt = ts(at) - timedelta(seconds=RNG.randint(3, 30))
    props = {
        "$exception_list": [
            {
                "type": etype,
                "value": value,
                "mechanism": {"type": "onunhandledrejection", "handled": False, "synthetic": False},
                "stacktrace": {"type": "raw", "frames": frames},
            }
        ],
        "$exception_level": "error",
        "$exception_personURL": f"{p['host']}/project/{p['project']}/person/{user}",
        "$current_url": p["site"] + path,
        "$pathname": path,
        "$host": p["site"].split("//")[1],
        "$browser": browser[0],
        "$browser_version": browser[1],
        "$os": browser[2],
        "$device_type": "Desktop",
        "$lib": "web",
        "$lib_version": "1.236.1",
        "$session_id": uid(),
        "$window_id": uid(),
    }
    person_id = uid()
    body = {
        "event": {
            "uuid": ev_id,
            "event": "$exception",
            "distinct_id": user,
            "properties": props,
            "elements_chain": "",
            "timestamp": dt.isoformat(),
            "url": f"{p['host']}/project/{p['project']}/events/{ev_id}/{dt.isoformat()}",
        },
        "person": {
            "id": person_id,
            "properties": {"email": f"{user}@example.com"},
            "name": f"{user}@example.com",
            "url": f"{p['host']}/project/{p['project']}/person/{user}",
        },
    }
    emit("posthog", {"Content-Type": "application/json"}, body, incident, role, at, company)


def jsf(url, fn, line, col):
    return {
        "platform": "web:javascript",
        "filename": url,
        "function": fn,
        "lineno": line,
        "colno": col,
        "in_app": True,
    }


# --------------------------------------------------------------------------- Splunk

SPL = {
    FF: {"guid": "5D1C3A7E-93B2-4A8F-B1E4-2F7C6D0A9E13", "web": "https://splunk.fernhollow.io"},
    FA: {
        "guid": "A04E9B21-7C3D-45F6-8E2A-1B9D0C7F3E58",
        "web": "https://splunk-sh01.farrowdale.local:8000",
    },
}


def splunk(company, at, search, app, owner, result, incident, role):
    s = SPL[company]
    epoch = int(ts(at).timestamp())
    run = f"{epoch - epoch % 60}_{RNG.randint(100, 9999)}"
    sid = f"scheduler__{owner}__{app}__RMD5{hexid(16)}_at_{run}"
    body = {
        "sid": sid,
        "search_name": search,
        "app": app,
        "owner": owner,
        "results_link": f"{s['web']}/app/{app}/@go?sid={sid}",
        "result": result,
    }
    headers = {"Content-Type": "application/json", "User-Agent": f"Splunk/{s['guid']}"}
    emit("splunk", headers, body, incident, role, at, company)


def raw_row(at, raw, host, source, sourcetype, index, **fields):
    dt = ts(at) - timedelta(seconds=RNG.randint(30, 90))
    row = {
        "_time": f"{dt.timestamp():.3f}",
        "_raw": raw,
        "host": host,
        "source": source,
        "sourcetype": sourcetype,
        "index": index,
        "splunk_server": "idx02",
        "linecount": str(raw.count("\n") + 1),
    }
    row.update({k: str(v) for k, v in fields.items()})
    return row


# =========================================================================== Fernhollow Fleet
# Day 1: 2026-03-10, day 2: 2026-03-11.

D1 = "2026-03-10T"
D2 = "2026-03-11T"

GO = "go"


def ff_cw(at, log_group, stream, message, **fields):
    """A CloudWatch Logs event as the Splunk Add-on for AWS indexes it."""
    return raw_row(
        at,
        message,
        "fleet-prod",
        f"eu-west-1:{log_group}:{stream}",
        "aws:cloudwatchlogs",
        "fleet_aws",
        **fields,
    )


def ffdash(name, line, col, fn):
    return jsf(f"https://app.fernhollow.io/assets/{name}", fn, line, col)


CHROME = ("Chrome", "122.0.6261.112", "Windows")
EDGE = ("Microsoft Edge", "122.0.2365.80", "Windows")
SAFARI = ("Safari", "17.3", "Mac OS X")
FIREFOX = ("Firefox", "123.0", "Linux")


def fernhollow():
    # ---- decoy: morning heartbeat search and a warning that recovers alone
    splunk(
        FF,
        D1 + "06:30:00Z",
        "fleet - heartbeat ingest throughput",
        "fleet_ops",
        "svc_splunk",
        {"service": "ingest", "events_5m": "812344", "status": "ok"},
        None,
        "heartbeat stats row",
    )
    dd_recommended(
        D1 + "06:41:00Z",
        "ECS CPU high on ingest",
        "Warn",
        "clustername:fleet-prod,servicename:ingest",
        "aws_account:4471,clustername:fleet-prod,env:prod,servicename:ingest,team:telemetry",
        None,
        "cpu warning recovers alone",
        priority="P3",
        metric="aws.ecs.service.cpuutilization",
        query="avg(last_10m):avg:aws.ecs.service.cpuutilization{clustername:fleet-prod,"
        "servicename:ingest} > 85",
        status="aws.ecs.service.cpuutilization over clustername:fleet-prod,servicename:ingest "
        "was > 75.0 on average during the last 10m.",
        text="Ingest CPU is high; autoscaling should add a task.",
    )
    dd_recommended(
        D1 + "06:49:00Z",
        "ECS CPU high on ingest",
        "Recovered",
        "clustername:fleet-prod,servicename:ingest",
        "aws_account:4471,clustername:fleet-prod,env:prod,servicename:ingest,team:telemetry",
        None,
        "cpu warning recovered",
        priority="P3",
        metric="aws.ecs.service.cpuutilization",
        status="aws.ecs.service.cpuutilization over clustername:fleet-prod,servicename:ingest "
        "recovered.",
        text="Ingest CPU is high; autoscaling should add a task.",
    )

    # ---- ff-rds-failover: Multi-AZ failover of fleet-pg-prod, trips and billing error.
    inc = "ff-rds-failover"
    dd_recommended(
        D1 + "07:02:00Z",
        "RDS fleet-pg-prod database connections dropped",
        "Triggered",
        "dbinstanceidentifier:fleet-pg-prod",
        "aws_account:4471,dbinstanceidentifier:fleet-pg-prod,engine:postgres,env:prod,"
        "region:eu-west-1",
        inc,
        "db monitor triggered",
        priority="P1",
        metric="aws.rds.database_connections",
        query="min(last_5m):avg:aws.rds.database_connections{dbinstanceidentifier:fleet-pg-prod}"
        " < 5",
        status="aws.rds.database_connections over dbinstanceidentifier:fleet-pg-prod was < 5.0 "
        "on average during the last 5m.",
        text="Connections to fleet-pg-prod fell to zero. Check RDS events for a failover.",
    )
    sentry_error(
        FF,
        "trips-api",
        D1 + "07:03:00Z",
        [
            (
                "OperationalError",
                "server closed the connection unexpectedly\n\tThis probably means the server "
                "terminated abnormally\n\tbefore or while processing the request.",
                "psycopg2",
                [
                    frame("app/routers/trips.py", "list_trips", 88, "app.routers.trips"),
                    frame("app/repo/trips.py", "recent_trips", 41, "app.repo.trips"),
                    frame(
                        "sqlalchemy/engine/base.py",
                        "_execute_context",
                        1967,
                        "sqlalchemy.engine.base",
                        False,
                    ),
                ],
            )
        ],
        inc,
        "trips-api db error",
        release="trips-api@3.41.2",
        transaction="/v1/fleets/{fleet_id}/trips",
        url="https://api.fernhollow.io/v1/fleets/f-2231/trips",
        server="ip-10-0-41-17.eu-west-1.compute.internal",
        tags=[("db.instance", "fleet-pg-prod")],
        trace=hexid(32),
    )
    sentry_error(
        FF,
        "billing-api",
        D1 + "07:03:00Z",
        [
            (
                "org.postgresql.util.PSQLException",
                "Connection to fleet-pg-prod.c9xk2lq0.eu-west-1.rds.amazonaws.com:5432 refused. "
                "Check that the hostname and port are correct and that the postmaster is "
                "accepting TCP/IP connections.",
                "org.postgresql.util",
                [
                    frame(
                        "InvoiceController.java",
                        "listInvoices",
                        64,
                        "io.fernhollow.billing.web.InvoiceController",
                    ),
                    frame(
                        "HikariPool.java",
                        "getConnection",
                        181,
                        "com.zaxxer.hikari.pool.HikariPool",
                        False,
                    ),
                ],
            )
        ],
        inc,
        "billing-api db error",
        release="billing-api@2026.03.2",
        transaction="GET /invoices",
        server="billing-7c9d5b-0",
        logger="com.zaxxer.hikari.pool.HikariPool",
    )
    # decoy in the same minute: dashboard noise
    posthog_exc(
        FF,
        D1 + "07:03:00Z",
        "Error",
        "ResizeObserver loop completed with undelivered notifications.",
        [],
        "/live-map",
        None,
        "benign browser noise",
        user="u_88213",
        browser=CHROME,
    )
    splunk(
        FF,
        D1 + "07:05:00Z",
        "fleet - 5xx by service (5m)",
        "fleet_ops",
        "svc_splunk",
        {"service": "trips", "status": "503", "count": "412", "pct_of_requests": "37.9"},
        inc,
        "5xx stats row trips",
    )
    posthog_exc(
        FF,
        D1 + "07:05:00Z",
        "AxiosError",
        "Request failed with status code 503",
        [
            ffdash("vendor-axios-6c1f0e.js", 2, 11841, "settle"),
            ffdash("TripsPage-3b9a2d.js", 1, 4022, "loadTrips"),
        ],
        "/fleets/f-2231/trips",
        inc,
        "dashboard trips 503",
        user="u_10443",
        browser=EDGE,
    )
    # decoy: staging trips failing in the same minutes (a migration in staging)
    sentry_error(
        FF,
        "trips-api",
        D1 + "07:06:00Z",
        [
            (
                "ProgrammingError",
                "column trips.geofence_version does not exist\nLINE 1: SELECT trips.id, "
                "trips.geofence_version ...",
                "psycopg2.errors",
                [frame("app/repo/trips.py", "recent_trips", 44, "app.repo.trips")],
            )
        ],
        None,
        "staging migration error",
        env="staging",
        release="trips-api@3.42.0-rc1",
        transaction="/v1/fleets/{fleet_id}/trips",
        server="ip-10-8-3-90.eu-west-1.compute.internal",
    )
    dd_recommended(
        D1 + "07:14:00Z",
        "RDS fleet-pg-prod database connections dropped",
        "Recovered",
        "dbinstanceidentifier:fleet-pg-prod",
        "aws_account:4471,dbinstanceidentifier:fleet-pg-prod,engine:postgres,env:prod,"
        "region:eu-west-1",
        inc,
        "db monitor recovered",
        priority="P1",
        metric="aws.rds.database_connections",
        status="aws.rds.database_connections over dbinstanceidentifier:fleet-pg-prod recovered.",
        text="Connections to fleet-pg-prod fell to zero. Check RDS events for a failover.",
    )

    # ---- ff-kinesis-throttle: vehicle-telemetry stream under-provisioned
    inc = "ff-kinesis-throttle"
    sentry_error(
        FF,
        "ingest-svc",
        D1 + "07:31:00Z",
        [
            (
                "*smithy.OperationError",
                "operation error Kinesis: PutRecords, https response error StatusCode: 400, "
                "RequestID: 4f1c0b2e-9a7d-11ee-b1c2-0242ac120002, "
                "ProvisionedThroughputExceededException: Rate exceeded for shard "
                "shardId-000000000007 in stream vehicle-telemetry under account 447100219934.",
                None,
                [
                    frame("cmd/ingest/main.go", "main.(*server).handleBatch", 212, "main"),
                    frame(
                        "internal/stream/writer.go",
                        "stream.(*Writer).Put",
                        77,
                        "github.com/fernhollow/ingest/internal/stream",
                    ),
                ],
            )
        ],
        inc,
        "ingest put throttled",
        release="ingest@1.19.4",
        server="ingest-task-5a1e",
        tags=[("stream", "vehicle-telemetry")],
        handled=True,
        level="error",
    )
    dd_recommended(
        D1 + "07:33:00Z",
        "Kinesis vehicle-telemetry write throttling",
        "Triggered",
        "streamname:vehicle-telemetry",
        "aws_account:4471,env:prod,region:eu-west-1,streamname:vehicle-telemetry",
        inc,
        "kinesis monitor triggered",
        priority="P2",
        metric="aws.kinesis.write_provisioned_throughput_exceeded",
        query="sum(last_5m):sum:aws.kinesis.write_provisioned_throughput_exceeded"
        "{streamname:vehicle-telemetry}.as_count() > 500",
        status="aws.kinesis.write_provisioned_throughput_exceeded over "
        "streamname:vehicle-telemetry was > 500.0 in total during the last 5m.",
        text="Shards are saturated; consider resharding.",
    )
    splunk(
        FF,
        D1 + "07:34:00Z",
        "fleet - ingest errors",
        "fleet_ops",
        "svc_splunk",
        ff_cw(
            D1 + "07:34:00Z",
            "/ecs/ingest",
            "ingest/ingest/5a1e7c09d2b64f4f",
            '{"level":"error","ts":"2026-03-10T07:33:12.481Z","msg":"putrecords failed",'
            '"stream":"vehicle-telemetry","failed":311,"error":"ProvisionedThroughputExceeded'
            'Exception"}',
        ),
        inc,
        "ingest log row",
    )
    dd_recommended(
        D1 + "07:52:00Z",
        "Kinesis vehicle-telemetry write throttling",
        "Recovered",
        "streamname:vehicle-telemetry",
        "aws_account:4471,env:prod,region:eu-west-1,streamname:vehicle-telemetry",
        inc,
        "kinesis monitor recovered",
        metric="aws.kinesis.write_provisioned_throughput_exceeded",
        status="recovered",
        text="Shards are saturated; consider resharding.",
    )

    # ---- ff-alerts-deploy: alerts-worker 2.14.0 breaks geofence alerts, rolled back
    inc = "ff-alerts-deploy"
    splunk(
        FF,
        D1 + "07:40:00Z",
        "fleet - ecs deployments",
        "fleet_ops",
        "svc_splunk",
        ff_cw(
            D1 + "07:40:00Z",
            "/aws/events/ecs",
            "deployments",
            "(service alerts) has started 3 tasks: (task 9d1f...). Deployment "
            "ecs-svc/4471992 COMPLETED for alerts:112",
        ),
        None,
        "deploy notice",
    )
    sentry_issue(
        FF,
        "alerts-worker",
        D1 + "07:44:00Z",
        "ff-geo",
        "created",
        inc,
        "new issue after deploy",
        etype="TypeError",
        value="Cannot read properties of undefined (reading 'geofenceId')",
        culprit="evaluateGeofence(/app/dist/rules/geofence)",
        filename="/app/dist/rules/geofence.js",
        function="evaluateGeofence",
        count="58",
        users=0,
    )
    sentry_event_alert(
        FF,
        "alerts-worker",
        D1 + "07:45:00Z",
        [
            (
                "TypeError",
                "Cannot read properties of undefined (reading 'geofenceId')",
                None,
                [
                    frame("/app/dist/consumer.js", "processRecord", 51),
                    frame("/app/dist/rules/geofence.js", "evaluateGeofence", 23),
                ],
            )
        ],
        "New error after release in alerts-worker",
        inc,
        "event alert",
        release="alerts-worker@2.14.0",
        server="ip-10-0-44-2.eu-west-1.compute.internal",
        tags=[("ecs.task", "alerts:112")],
        mech="onunhandledrejection",
    )
    dd_recommended(
        D1 + "07:47:00Z",
        "Error rate high on alerts-worker",
        "Triggered",
        "env:prod,service:alerts-worker",
        "env:prod,service:alerts-worker,team:notifications,version:2.14.0",
        inc,
        "apm error-rate monitor",
        priority="P2",
        event_type="query_alert_monitor",
        metric="trace.aws.kinesis.errors",
        status="error rate 41% over env:prod,service:alerts-worker",
        text="The alerts consumer is failing records.",
    )
    splunk(
        FF,
        D1 + "07:48:00Z",
        "fleet - alerts consumer failures",
        "fleet_ops",
        "svc_splunk",
        ff_cw(
            D1 + "07:48:00Z",
            "/ecs/alerts",
            "alerts/alerts/9d1f33aa70e5",
            "2026-03-10T07:47:33.102Z ERROR [consumer] record 4960-7 failed: TypeError: Cannot "
            "read properties of undefined (reading 'geofenceId') vehicle=VH-20931",
        ),
        inc,
        "alerts log row",
    )
    sentry_issue(
        FF,
        "alerts-worker",
        D1 + "08:09:00Z",
        "ff-geo",
        "resolved",
        inc,
        "issue resolved after rollback",
        count="1874",
        users=0,
    )
    dd_recommended(
        D1 + "08:11:00Z",
        "Error rate high on alerts-worker",
        "Recovered",
        "env:prod,service:alerts-worker",
        "env:prod,service:alerts-worker,team:notifications,version:2.13.3",
        inc,
        "apm monitor recovered",
        status="recovered",
        text="The alerts consumer is failing records.",
    )

    # ---- ff-stripe-timeout: billing's card charges time out at Stripe
    inc = "ff-stripe-timeout"
    sentry_metric_alert(
        FF,
        D1 + "08:21:00Z",
        "billing-api p95 latency",
        "p95(transaction.duration)",
        'event.type:transaction transaction:"POST /invoices/{id}/pay"',
        ["billing-api"],
        "critical",
        inc,
        "metric alert critical",
        threshold=3000.0,
        value=11840,
    )
    sentry_error(
        FF,
        "billing-api",
        D1 + "08:22:00Z",
        [
            (
                "java.net.SocketTimeoutException",
                "Read timed out",
                "java.net",
                [
                    frame(
                        "PaymentService.java",
                        "charge",
                        97,
                        "io.fernhollow.billing.payments.PaymentService",
                    ),
                    frame(
                        "HttpURLConnection.java",
                        "getInputStream",
                        1712,
                        "sun.net.www.protocol.http.HttpURLConnection",
                        False,
                    ),
                ],
            ),
            (
                "com.stripe.exception.ApiConnectionException",
                "IOException during API request to Stripe (https://api.stripe.com): Read timed "
                "out Please check your internet connection and try again.",
                "com.stripe.exception",
                [
                    frame(
                        "InvoicePayController.java",
                        "pay",
                        42,
                        "io.fernhollow.billing.web.InvoicePayController",
                    ),
                    frame(
                        "PaymentService.java",
                        "charge",
                        97,
                        "io.fernhollow.billing.payments.PaymentService",
                    ),
                ],
            ),
        ],
        inc,
        "stripe timeout error",
        release="billing-api@2026.03.2",
        transaction="POST /invoices/{id}/pay",
        url="https://api.fernhollow.io/billing/invoices/INV-88121/pay",
        method="POST",
        user="u_20771",
        server="billing-7c9d5b-1",
    )
    # decoy in the same minutes: CSV import bug in billing, unrelated
    sentry_error(
        FF,
        "billing-api",
        D1 + "08:23:00Z",
        [
            (
                "java.lang.NumberFormatException",
                'For input string: "12,40"',
                "java.lang",
                [
                    frame(
                        "FuelCardImport.java",
                        "parseLine",
                        133,
                        "io.fernhollow.billing.imports.FuelCardImport",
                    )
                ],
            )
        ],
        None,
        "unrelated billing import bug",
        release="billing-api@2026.03.2",
        transaction="POST /imports/fuel-cards",
        server="billing-7c9d5b-0",
        handled=True,
    )
    splunk(
        FF,
        D1 + "08:24:00Z",
        "fleet - payment failures",
        "fleet_ops",
        "svc_splunk",
        ff_cw(
            D1 + "08:24:00Z",
            "/ecs/billing",
            "billing/billing/7c9d5b1",
            "2026-03-10 08:23:41.902 ERROR 1 --- [nio-8080-exec-7] i.f.b.payments.PaymentService"
            "   : charge failed invoice=INV-88130 provider=stripe elapsed_ms=30004 "
            "error=ApiConnectionException: Read timed out",
            invoice="INV-88130",
        ),
        inc,
        "billing log row",
    )
    posthog_exc(
        FF,
        D1 + "08:25:00Z",
        "AxiosError",
        "Request failed with status code 504",
        [
            ffdash("vendor-axios-6c1f0e.js", 2, 11841, "settle"),
            ffdash("BillingPage-91ce0a.js", 1, 2290, "payInvoice"),
        ],
        "/billing/invoices/INV-88121",
        inc,
        "dashboard pay 504",
        user="u_20771",
        browser=SAFARI,
    )
    sentry_metric_alert(
        FF,
        D1 + "08:46:00Z",
        "billing-api p95 latency",
        "p95(transaction.duration)",
        'event.type:transaction transaction:"POST /invoices/{id}/pay"',
        ["billing-api"],
        "resolved",
        inc,
        "metric alert resolved",
        threshold=3000.0,
        value=820,
    )

    # ---- ff-trips-oom: trips tasks OOM-killed, re-fires after a lull
    inc = "ff-trips-oom"
    dd_recommended(
        D1 + "08:58:00Z",
        "ECS tasks stopped unexpectedly",
        "Triggered",
        "clustername:fleet-prod,servicename:trips",
        "aws_account:4471,clustername:fleet-prod,env:prod,servicename:trips,team:trips",
        inc,
        "ecs monitor triggered",
        priority="P2",
        metric="aws.ecs.service.running",
        status="aws.ecs.service.running over clustername:fleet-prod,servicename:trips was < 4",
        text="Tasks of trips are stopping: check stopped reason.",
    )
    splunk(
        FF,
        D1 + "08:59:00Z",
        "fleet - ecs task stopped",
        "fleet_ops",
        "svc_splunk",
        ff_cw(
            D1 + "08:59:00Z",
            "/aws/events/ecs",
            "task-state",
            '{"detail-type":"ECS Task State Change","detail":{"group":"service:trips",'
            '"lastStatus":"STOPPED","stopCode":"EssentialContainerExited","containers":'
            '[{"name":"trips","exitCode":137,"reason":"OutOfMemoryError: Container killed due '
            'to memory usage"}]}}',
            group="service:trips",
        ),
        inc,
        "task stopped row",
    )
    posthog_exc(
        FF,
        D1 + "09:00:00Z",
        "AxiosError",
        "Network Error",
        [
            ffdash("vendor-axios-6c1f0e.js", 2, 9311, "handleError"),
            ffdash("TripReplay-0d7e44.js", 1, 812, "fetchTrack"),
        ],
        "/trips/T-99120/replay",
        inc,
        "dashboard network error",
        user="u_10443",
        browser=EDGE,
    )
    dd_recommended(
        D1 + "09:08:00Z",
        "ECS tasks stopped unexpectedly",
        "Recovered",
        "clustername:fleet-prod,servicename:trips",
        "aws_account:4471,clustername:fleet-prod,env:prod,servicename:trips,team:trips",
        inc,
        "ecs monitor recovered",
        status="recovered",
        text="Tasks of trips are stopping: check stopped reason.",
    )
    # decoy: Datadog monitor heartbeat (Renotify of a synthetic "all good" monitor)
    dd_recommended(
        D1 + "09:30:00Z",
        "Webhook heartbeat fleet",
        "Triggered",
        "env:prod",
        "env:prod,monitor:heartbeat",
        None,
        "heartbeat monitor",
        priority="P5",
        event_type="service_check",
        status="heartbeat",
        text="Scheduled heartbeat; ignore.",
    )
    dd_recommended(
        D1 + "10:41:00Z",
        "ECS tasks stopped unexpectedly",
        "Re-Triggered",
        "clustername:fleet-prod,servicename:trips",
        "aws_account:4471,clustername:fleet-prod,env:prod,servicename:trips,team:trips",
        inc,
        "ecs monitor re-fires after lull",
        status="aws.ecs.service.running over clustername:fleet-prod,servicename:trips was < 4",
        text="Tasks of trips are stopping: check stopped reason.",
    )
    splunk(
        FF,
        D1 + "10:42:00Z",
        "fleet - ecs task stopped",
        "fleet_ops",
        "svc_splunk",
        ff_cw(
            D1 + "10:42:00Z",
            "/aws/events/ecs",
            "task-state",
            '{"detail-type":"ECS Task State Change","detail":{"group":"service:trips",'
            '"lastStatus":"STOPPED","stopCode":"EssentialContainerExited","containers":'
            '[{"name":"trips","exitCode":137,"reason":"OutOfMemoryError: Container killed due '
            'to memory usage"}]}}',
            group="service:trips",
        ),
        inc,
        "task stopped row again",
    )

    # ---- ff-redis: ElastiCache node replaced, trips and alerts lose the cache
    inc = "ff-redis"
    dd_recommended(
        D1 + "09:36:00Z",
        "ElastiCache fleet-cache connections refused",
        "Triggered",
        "cacheclusterid:fleet-cache-001",
        "aws_account:4471,cacheclusterid:fleet-cache-001,engine:redis,env:prod",
        inc,
        "cache monitor triggered",
        priority="P2",
        metric="aws.elasticache.curr_connections",
        status="aws.elasticache.curr_connections over cacheclusterid:fleet-cache-001 was < 1",
        text="Redis primary unreachable.",
    )
    sentry_error(
        FF,
        "trips-api",
        D1 + "09:37:00Z",
        [
            (
                "ConnectionError",
                "Error 111 connecting to fleet-cache.x1y2z3.ng.0001.euw1.cache.amazonaws.com:6379. "
                "Connection refused.",
                "redis.exceptions",
                [
                    frame("app/routers/live.py", "vehicle_positions", 30, "app.routers.live"),
                    frame("app/cache.py", "get_positions", 19, "app.cache"),
                    frame("redis/connection.py", "connect", 707, "redis.connection", False),
                ],
            )
        ],
        inc,
        "trips redis error",
        release="trips-api@3.41.2",
        transaction="/v1/vehicles/positions",
        url="https://api.fernhollow.io/v1/vehicles/positions?fleet=f-1180",
        server="ip-10-0-41-22.eu-west-1.compute.internal",
    )
    sentry_error(
        FF,
        "alerts-worker",
        D1 + "09:37:00Z",
        [
            (
                "Error",
                "connect ECONNREFUSED 10.0.12.7:6379",
                None,
                [
                    frame(
                        "node:net", "TCPConnectWrap.afterConnect [as oncomplete]", 1595, None, False
                    ),
                ],
            )
        ],
        inc,
        "alerts redis error",
        release="alerts-worker@2.13.3",
        server="ip-10-0-44-9.eu-west-1.compute.internal",
        mech="onunhandledrejection",
    )
    posthog_exc(
        FF,
        D1 + "09:38:00Z",
        "AxiosError",
        "Request failed with status code 500",
        [
            ffdash("vendor-axios-6c1f0e.js", 2, 11841, "settle"),
            ffdash("LiveMap-e41a77.js", 1, 15230, "pollPositions"),
        ],
        "/live-map",
        inc,
        "dashboard live map 500",
        user="u_88213",
        browser=CHROME,
    )
    dd_recommended(
        D1 + "09:49:00Z",
        "ElastiCache fleet-cache connections refused",
        "Recovered",
        "cacheclusterid:fleet-cache-001",
        "aws_account:4471,cacheclusterid:fleet-cache-001,engine:redis,env:prod",
        inc,
        "cache monitor recovered",
        status="recovered",
        text="Redis primary unreachable.",
    )

    # ---- ff-iot-cert: a gateway CA expired, devices cannot connect to IoT Core
    inc = "ff-iot-cert"
    splunk(
        FF,
        D1 + "10:05:00Z",
        "fleet - iot connect failures",
        "fleet_ops",
        "svc_splunk",
        raw_row(
            D1 + "10:05:00Z",
            '{"timestamp":"2026-03-10 10:04:11.204","logLevel":"ERROR","traceId":"7b2c1e90-'
            'a1d3-4c6e-88f0-12ab34cd56ef","accountId":"447100219934","status":"Failure",'
            '"eventType":"Connect","protocol":"MQTT","clientId":"VH-30412","principalId":'
            '"a91c...","sourceIp":"81.2.69.160","sourcePort":41822,"reason":"AUTHORIZATION_'
            'FAILURE","details":"Certificate has expired"}',
            "fleet-prod",
            "eu-west-1:AWSIotLogsV2:a91c",
            "aws:cloudwatchlogs",
            "fleet_aws",
        ),
        inc,
        "iot connect failure row",
    )
    dd_recommended(
        D1 + "10:07:00Z",
        "IoT Core connect auth failures",
        "Triggered",
        "region:eu-west-1",
        "aws_account:4471,env:prod,region:eu-west-1,service:iot-core",
        inc,
        "iot monitor triggered",
        priority="P1",
        metric="aws.iot.connect.auth_error",
        status="aws.iot.connect.auth_error over region:eu-west-1 was > 200 during the last 5m.",
        text="Devices are failing to authenticate. Check certificate expiry of gateway CA.",
    )
    sentry_error(
        FF,
        "ingest-svc",
        D1 + "10:09:00Z",
        [
            (
                "*errors.errorString",
                "telemetry gap: 312 vehicles silent for 10m (fleet f-2231, f-1180)",
                None,
                [frame("internal/watch/gap.go", "watch.(*GapDetector).Check", 58, "watch")],
            )
        ],
        inc,
        "ingest silence warning",
        level="warning",
        handled=True,
        release="ingest@1.19.4",
        server="ingest-task-5a1e",
    )

    # ---- ff-timestream: Timestream throttles the ingest writer
    inc = "ff-timestream"
    dd_recommended(
        D1 + "10:20:00Z",
        "Timestream fleet_metrics throttled writes",
        "Triggered",
        "databasename:fleet_metrics,tablename:vehicle_signals",
        "aws_account:4471,databasename:fleet_metrics,env:prod,tablename:vehicle_signals",
        inc,
        "timestream monitor",
        metric="aws.timestream.user_errors",
        status="aws.timestream.user_errors over databasename:fleet_metrics,"
        "tablename:vehicle_signals was > 100",
        text="Timestream is throttling writes.",
    )
    sentry_error(
        FF,
        "ingest-svc",
        D1 + "10:21:00Z",
        [
            (
                "*types.ThrottlingException",
                "operation error Timestream Write: WriteRecords, https response error "
                "StatusCode: 429, ThrottlingException: Rate exceeded",
                None,
                [
                    frame(
                        "internal/sink/timestream.go",
                        "sink.(*Timestream).Flush",
                        133,
                        "github.com/fernhollow/ingest/internal/sink",
                    )
                ],
            )
        ],
        inc,
        "ingest timestream error",
        release="ingest@1.19.4",
        server="ingest-task-77c0",
        handled=True,
    )
    splunk(
        FF,
        D1 + "10:23:00Z",
        "fleet - ingest sink errors by code (15m)",
        "fleet_ops",
        "svc_splunk",
        {"sink": "timestream", "error_code": "ThrottlingException", "count": "2291"},
        inc,
        "sink stats row",
    )
    # decoy: a staging alerts-worker failure during the same minutes
    sentry_issue(
        FF,
        "alerts-worker",
        D1 + "10:22:00Z",
        "ff-stg-sms",
        "created",
        None,
        "staging issue",
        etype="Error",
        value="Twilio: The 'To' number +15005550001 is not a valid phone number.",
        culprit="sendSms(/app/dist/channels/sms)",
        count="3",
    )

    # ---- ff-s3-export: trip exports time out writing to S3
    inc = "ff-s3-export"
    sentry_error(
        FF,
        "trips-api",
        D1 + "11:02:00Z",
        [
            (
                "ReadTimeoutError",
                'Read timeout on endpoint URL: "https://fernhollow-trip-exports.s3.eu-west-1.'
                'amazonaws.com/exports/f-2231/2026-03-09.csv?uploadId=Vx1..."',
                "botocore.exceptions",
                [
                    frame("app/exports/worker.py", "build_export", 71, "app.exports.worker"),
                    frame("boto3/s3/transfer.py", "upload_file", 371, "boto3.s3.transfer", False),
                ],
            )
        ],
        inc,
        "s3 timeout",
        release="trips-api@3.41.2",
        transaction="/v1/exports",
        url="https://api.fernhollow.io/v1/exports",
        method="POST",
        user="u_30018",
        server="ip-10-0-41-17.eu-west-1.compute.internal",
    )
    splunk(
        FF,
        D1 + "11:04:00Z",
        "fleet - export failures",
        "fleet_ops",
        "svc_splunk",
        ff_cw(
            D1 + "11:04:00Z",
            "/ecs/trips",
            "trips/trips/ab1e0042",
            "2026-03-10 11:03:50,118 ERROR app.exports.worker export_id=EX-5512 fleet=f-2231 "
            "failed: Read timeout on endpoint URL s3 fernhollow-trip-exports",
        ),
        inc,
        "export log row",
    )
    posthog_exc(
        FF,
        D1 + "11:05:00Z",
        "Error",
        "Export EX-5512 failed: upstream timeout",
        [ffdash("Exports-5f2c10.js", 1, 3310, "pollExport")],
        "/reports/exports",
        inc,
        "dashboard export failure",
        user="u_30018",
        browser=FIREFOX,
    )

    # ---------------- day 2
    splunk(
        FF,
        D2 + "06:30:00Z",
        "fleet - heartbeat ingest throughput",
        "fleet_ops",
        "svc_splunk",
        {"service": "ingest", "events_5m": "799120", "status": "ok"},
        None,
        "heartbeat stats row",
    )

    # ---- ff-ingest-deploy: ingest 1.20.0 panics, Kinesis backs up, tasks restart
    inc = "ff-ingest-deploy"
    sentry_issue(
        FF,
        "ingest-svc",
        D2 + "07:12:00Z",
        "ff-nilmap",
        "created",
        inc,
        "new panic issue",
        etype="panic",
        value="assignment to entry in nil map",
        culprit="decode.(*Frame).applyCANSignals",
        filename="internal/decode/can.go",
        function="decode.(*Frame).applyCANSignals",
        count="212",
        level="fatal",
    )
    dd_recommended(
        D2 + "07:14:00Z",
        "ECS tasks stopped unexpectedly",
        "Triggered",
        "clustername:fleet-prod,servicename:ingest",
        "aws_account:4471,clustername:fleet-prod,env:prod,servicename:ingest,team:telemetry",
        inc,
        "ecs monitor on ingest",
        status="aws.ecs.service.running over clustername:fleet-prod,servicename:ingest was < 6",
        text="Tasks of ingest are stopping: check stopped reason.",
    )
    dd_recommended(
        D2 + "07:19:00Z",
        "Kinesis vehicle-telemetry iterator age high",
        "Triggered",
        "streamname:vehicle-telemetry",
        "aws_account:4471,env:prod,region:eu-west-1,streamname:vehicle-telemetry",
        inc,
        "kinesis consumer lag",
        priority="P2",
        metric="aws.kinesis.get_records_iterator_age_milliseconds",
        status="iterator age over streamname:vehicle-telemetry was > 600000",
        text="Consumers are falling behind on vehicle-telemetry.",
    )
    splunk(
        FF,
        D2 + "07:20:00Z",
        "fleet - ingest errors",
        "fleet_ops",
        "svc_splunk",
        ff_cw(
            D2 + "07:20:00Z",
            "/ecs/ingest",
            "ingest/ingest/c04b11e9f3aa",
            "panic: assignment to entry in nil map\n\ngoroutine 88 [running]:\n"
            "github.com/fernhollow/ingest/internal/decode.(*Frame).applyCANSignals(...)\n"
            "\t/src/internal/decode/can.go:141 +0x2c4",
        ),
        inc,
        "panic log row",
    )
    # decoy: deploy notice for billing in the same minutes
    splunk(
        FF,
        D2 + "07:21:00Z",
        "fleet - ecs deployments",
        "fleet_ops",
        "svc_splunk",
        ff_cw(
            D2 + "07:21:00Z",
            "/aws/events/ecs",
            "deployments",
            "(service billing) has reached a steady state. Deployment ecs-svc/4472210 "
            "COMPLETED for billing:87",
        ),
        None,
        "deploy notice",
    )
    dd_recommended(
        D2 + "07:44:00Z",
        "Kinesis vehicle-telemetry iterator age high",
        "Recovered",
        "streamname:vehicle-telemetry",
        "aws_account:4471,env:prod,region:eu-west-1,streamname:vehicle-telemetry",
        inc,
        "kinesis lag recovered",
        status="recovered",
        text="Consumers are falling behind on vehicle-telemetry.",
    )

    # ---- ff-deadlock: the invoice run deadlocks on fleet-pg-prod
    inc = "ff-deadlock"
    sentry_error(
        FF,
        "billing-api",
        D2 + "08:02:00Z",
        [
            (
                "org.postgresql.util.PSQLException",
                "ERROR: deadlock detected\n  Detail: Process 18821 waits for ShareLock on "
                "transaction 99120331; blocked by process 18790.",
                "org.postgresql.util",
                [
                    frame(
                        "InvoiceRunJob.java",
                        "closePeriod",
                        211,
                        "io.fernhollow.billing.jobs.InvoiceRunJob",
                    )
                ],
            ),
            (
                "org.springframework.dao.CannotAcquireLockException",
                "could not execute batch; SQL [update invoice_lines set ...]",
                "org.springframework.dao",
                [
                    frame(
                        "InvoiceRunJob.java",
                        "closePeriod",
                        211,
                        "io.fernhollow.billing.jobs.InvoiceRunJob",
                    )
                ],
            ),
        ],
        inc,
        "billing deadlock",
        release="billing-api@2026.03.3",
        transaction="InvoiceRunJob",
        server="billing-5f8a2c-0",
        logger="io.fernhollow.billing.jobs.InvoiceRunJob",
    )
    dd_recommended(
        D2 + "08:03:00Z",
        "RDS fleet-pg-prod deadlocks",
        "Triggered",
        "dbinstanceidentifier:fleet-pg-prod",
        "aws_account:4471,dbinstanceidentifier:fleet-pg-prod,engine:postgres,env:prod",
        inc,
        "db deadlock monitor",
        priority="P3",
        metric="aws.rds.deadlocks",
        status="aws.rds.deadlocks over dbinstanceidentifier:fleet-pg-prod was > 5",
        text="Deadlocks on fleet-pg-prod.",
    )
    splunk(
        FF,
        D2 + "08:05:00Z",
        "fleet - postgres errors by type (15m)",
        "fleet_ops",
        "svc_splunk",
        {
            "db_instance": "fleet-pg-prod",
            "error": "deadlock detected",
            "count": "27",
            "app": "billing",
        },
        inc,
        "pg stats row",
    )
    # decoy: unrelated dashboard error in the same minutes
    posthog_exc(
        FF,
        D2 + "08:05:00Z",
        "TypeError",
        "Cannot read properties of null (reading 'getBounds')",
        [ffdash("LiveMap-e41a77.js", 1, 20444, "fitToFleet")],
        "/live-map",
        None,
        "unrelated map bug",
        user="u_51902",
        browser=CHROME,
    )
    dd_recommended(
        D2 + "08:21:00Z",
        "RDS fleet-pg-prod deadlocks",
        "Recovered",
        "dbinstanceidentifier:fleet-pg-prod",
        "aws_account:4471,dbinstanceidentifier:fleet-pg-prod,engine:postgres,env:prod",
        inc,
        "db deadlock recovered",
        priority="P3",
        status="recovered",
        text="Deadlocks on fleet-pg-prod.",
    )

    # ---- ff-ecs-capacity: billing cannot place tasks (cluster out of memory capacity)
    inc = "ff-ecs-capacity"
    splunk(
        FF,
        D2 + "09:10:00Z",
        "fleet - ecs service events",
        "fleet_ops",
        "svc_splunk",
        ff_cw(
            D2 + "09:10:00Z",
            "/aws/events/ecs",
            "service-events",
            "(service billing) was unable to place a task because no container instance met "
            "all of its requirements. The closest matching (container-instance 3e0c...) has "
            "insufficient memory available.",
        ),
        inc,
        "placement failure row",
    )
    dd_recommended(
        D2 + "09:12:00Z",
        "ECS service below desired count",
        "Triggered",
        "clustername:fleet-prod,servicename:billing",
        "aws_account:4471,clustername:fleet-prod,env:prod,servicename:billing,team:billing",
        inc,
        "ecs desired count monitor",
        metric="aws.ecs.service.pending",
        status="pending tasks over clustername:fleet-prod,servicename:billing was > 0 for 10m",
        text="billing cannot reach desired count.",
    )
    sentry_metric_alert(
        FF,
        D2 + "09:15:00Z",
        "billing-api failure rate",
        "failure_rate()",
        "event.type:transaction",
        ["billing-api"],
        "critical",
        inc,
        "failure rate critical",
        threshold=0.05,
        value=0.18,
    )
    dd_recommended(
        D2 + "09:31:00Z",
        "ECS service below desired count",
        "Recovered",
        "clustername:fleet-prod,servicename:billing",
        "aws_account:4471,clustername:fleet-prod,env:prod,servicename:billing,team:billing",
        inc,
        "ecs desired count recovered",
        status="recovered",
        text="billing cannot reach desired count.",
    )
    # decoys late morning
    sentry_metric_alert(
        FF,
        D2 + "09:20:00Z",
        "trips-api staging error count",
        "count()",
        "event.type:error",
        ["trips-api"],
        "critical",
        None,
        "staging metric alert",
        env="staging",
        threshold=50.0,
        value=77,
    )
    dd_recommended(
        D2 + "09:40:00Z",
        "Webhook heartbeat fleet",
        "Triggered",
        "env:prod",
        "env:prod,monitor:heartbeat",
        None,
        "heartbeat monitor",
        priority="P5",
        event_type="service_check",
        status="heartbeat",
        text="Scheduled heartbeat; ignore.",
    )
    splunk(
        FF,
        D2 + "09:45:00Z",
        "fleet - 5xx by service (5m)",
        "fleet_ops",
        "svc_splunk",
        {"service": "alerts", "status": "502", "count": "3", "pct_of_requests": "0.1"},
        None,
        "low 5xx background row",
    )


# =========================================================================== Farrowdale
E1 = "2026-04-21T"
E2 = "2026-04-22T"


def fa_app(at, host, service, pod, line, **fields):
    return raw_row(
        at,
        line,
        host,
        f"/var/log/containers/{pod}_{service.split('-')[0]}-prod_{service}-{hexid(8)}.log",
        "openshift:container:log4j",
        "fd_apps",
        service=service,
        namespace=service.split("-")[0] + "-prod",
        pod=pod,
        **fields,
    )


def fa_syslog(at, host, line, **fields):
    return raw_row(at, line, host, "/var/log/messages", "syslog", "fd_os", **fields)


def jframe(cls, method, line, file=None, in_app=True):
    return frame(file or cls.rsplit(".", 1)[-1].split("$")[0] + ".java", method, line, cls, in_app)


def fa_err(at, exc, incident, role, *, service, pod, env="prod", **kw):
    return sentry_error(
        FA,
        "farrowdale-platform",
        at,
        exc,
        incident,
        role,
        env=env,
        server=pod,
        tags=[("service", service), ("k8s.namespace", service.split("-")[0] + "-" + env)],
        **kw,
    )


def fadash(name, line, col, fn):
    return jsf(f"https://brokers.farrowdale.co.uk/{name}", fn, line, col)


def farrowdale():
    dd_farrowdale(
        E1 + "06:00:00Z",
        "Heartbeat ops-bridge",
        "Triggered",
        "*",
        "monitor:heartbeat",
        None,
        "heartbeat",
        priority="P5",
        event_type="service_check",
        text="Daily heartbeat",
    )
    splunk(
        FA,
        E1 + "06:05:00Z",
        "FD - nightly batch summary",
        "fd_ops",
        "ops_admin",
        {"host": "batch-vm-03", "job": "claims-export", "status": "SUCCESS", "rows": "188221"},
        None,
        "batch ok row",
    )

    # ---- fa-oracle-evict: RAC node 1 evicted, both Java services and the portal fail
    inc = "fa-oracle-evict"
    splunk(
        FA,
        E1 + "07:10:00Z",
        "FD - Oracle CRS alerts",
        "fd_ops",
        "ops_admin",
        fa_syslog(
            E1 + "07:10:00Z",
            "ora-prd-01",
            "Apr 21 07:09:02 ora-prd-01 ocssd[4411]: CRS-1610: Network communication with node "
            "ora-prd-02 (2) missing for 90% of timeout interval.  Removal of this node from "
            "cluster in 2.160 seconds",
            process="ocssd",
        ),
        inc,
        "crs syslog row",
    )
    dd_farrowdale(
        E1 + "07:11:00Z",
        "Oracle instance process down",
        "Triggered",
        "host:ora-prd-02,process:ora_pmon_FDPRD2",
        "env:prod,host:ora-prd-02,role:oracle,process:ora_pmon_fdprd2",
        inc,
        "process monitor",
        priority="P1",
        host="ora-prd-02",
        event_type="process_check",
        text="ora_pmon_FDPRD2 is not running on ora-prd-02.",
    )
    fa_err(
        E1 + "07:12:00Z",
        [
            (
                "java.sql.SQLRecoverableException",
                "IO Error: Connection reset",
                "java.sql",
                [
                    jframe("uk.co.farrowdale.policy.quote.QuoteService", "price", 118),
                    jframe("oracle.jdbc.driver.T4CConnection", "doRollback", 1020, None, False),
                ],
            )
        ],
        inc,
        "policy db error",
        service="policy-service",
        pod="policy-service-6b8c9d7f5-x2kqp",
        release="policy-service@5.7.3",
        transaction="POST /api/policies/quote",
        url="https://brokers.farrowdale.co.uk/api/policies/quote",
        method="POST",
        user="broker-1192",
    )
    fa_err(
        E1 + "07:12:00Z",
        [
            (
                "java.sql.SQLException",
                "ORA-03113: end-of-file on communication channel\nProcess ID: 22871\nSession ID: "
                "911 Serial number: 40033",
                "java.sql",
                [
                    jframe("uk.co.farrowdale.claims.repo.ClaimRepository", "findOpen", 77),
                    jframe("oracle.jdbc.driver.T4CTTIoer11", "processError", 632, None, False),
                ],
            )
        ],
        inc,
        "claims db error",
        service="claims-service",
        pod="claims-service-5f7d8c6b4-9lmzt",
        release="claims-service@3.12.0",
        transaction="GET /api/claims",
    )
    splunk(
        FA,
        E1 + "07:14:00Z",
        "FD - 5xx by service and host",
        "fd_ops",
        "ops_admin",
        {"service": "policy-service", "host": "ocp-wrk-04", "status": "503", "count": "388"},
        inc,
        "5xx stats row",
    )
    posthog_exc(
        FA,
        E1 + "07:14:00Z",
        "HttpErrorResponse",
        "Http failure response for https://brokers.farrowdale.co.uk/api/policies/quote: 503 "
        "Service Unavailable",
        [
            fadash("main.8f31c2a7e0b94d15.js", 1, 331204, "QuoteComponent.submit"),
            fadash("polyfills.1b5d0e9c3f2a7684.js", 1, 33012, "ZoneDelegate.invokeTask"),
        ],
        "/quotes/new",
        inc,
        "portal quote 503",
        user="broker-1192",
        browser=EDGE,
    )
    # decoy: UAT claims failing at the same minute for its own reason
    fa_err(
        E1 + "07:13:00Z",
        [
            (
                "java.lang.IllegalStateException",
                "No enum constant uk.co.farrowdale.claims.model.PerilType.HAILSTORM",
                "java.lang",
                [jframe("uk.co.farrowdale.claims.model.PerilType", "valueOf", 12)],
            )
        ],
        None,
        "uat claims bug",
        service="claims-service",
        pod="claims-service-7c4d9b-uat01",
        env="uat",
        release="claims-service@3.13.0-rc2",
    )
    dd_farrowdale(
        E1 + "07:26:00Z",
        "Oracle instance process down",
        "Recovered",
        "host:ora-prd-02,process:ora_pmon_FDPRD2",
        "env:prod,host:ora-prd-02,role:oracle,process:ora_pmon_fdprd2",
        inc,
        "process monitor recovered",
        priority="P1",
        host="ora-prd-02",
        event_type="process_check",
        text="ora_pmon_FDPRD2 is running again on ora-prd-02.",
    )

    # ---- fa-mq-backlog: CLAIMS.INTAKE fills up, claims consumer slow
    inc = "fa-mq-backlog"
    dd_farrowdale(
        E1 + "07:50:00Z",
        "MQ queue depth high",
        "Triggered",
        "queue:CLAIMS.INTAKE,queue_manager:QM_CLAIMS",
        "env:prod,host:mqprd01,queue:claims.intake,queue_manager:qm_claims",
        inc,
        "queue depth monitor",
        host="mqprd01",
        text="CLAIMS.INTAKE depth 48211 of 50000.",
    )
    splunk(
        FA,
        E1 + "07:52:00Z",
        "FD - claims intake errors",
        "fd_ops",
        "ops_admin",
        fa_app(
            E1 + "07:52:00Z",
            "ocp-wrk-02",
            "claims-service",
            "claims-service-5f7d8c6b4-9lmzt",
            "2026-04-21 07:51:40,221 ERROR [DefaultMessageListenerContainer-3] "
            "u.c.f.claims.intake.IntakeListener - put to CLAIMS.INTAKE.RETRY failed: "
            "MQRC_Q_FULL (2053) trace_id=4bf92f3577b34da6a3ce929d0e0e4736",
            trace_id="4bf92f3577b34da6a3ce929d0e0e4736",
        ),
        inc,
        "mq app log row",
    )
    fa_err(
        E1 + "07:53:00Z",
        [
            (
                "com.ibm.mq.MQException",
                "JMSCMQ0001: IBM MQ call failed with compcode '2' ('MQCC_FAILED') reason '2053' "
                "('MQRC_Q_FULL').",
                "com.ibm.mq",
                [
                    jframe(
                        "com.ibm.msg.client.wmq.common.internal.Reason",
                        "createException",
                        214,
                        None,
                        False,
                    )
                ],
            ),
            (
                "com.ibm.msg.client.jms.DetailedResourceAllocationException",
                "JMSWMQ2007: Failed to send a message to destination 'CLAIMS.INTAKE.RETRY'.",
                "com.ibm.msg.client.jms",
                [jframe("uk.co.farrowdale.claims.intake.IntakeListener", "onMessage", 66)],
            ),
        ],
        inc,
        "mq send error",
        service="claims-service",
        pod="claims-service-5f7d8c6b4-9lmzt",
        release="claims-service@3.12.0",
        trace="4bf92f3577b34da6a3ce929d0e0e4736",
    )
    dd_farrowdale(
        E1 + "08:20:00Z",
        "MQ queue depth high",
        "Recovered",
        "queue:CLAIMS.INTAKE,queue_manager:QM_CLAIMS",
        "env:prod,host:mqprd01,queue:claims.intake,queue_manager:qm_claims",
        inc,
        "queue depth recovered",
        host="mqprd01",
        text="CLAIMS.INTAKE depth back to 120.",
    )

    # ---- fa-policy-deploy: 5.8.0 NPE in premium calculation
    inc = "fa-policy-deploy"
    splunk(
        FA,
        E1 + "08:30:00Z",
        "FD - OpenShift rollouts",
        "fd_ops",
        "ops_admin",
        raw_row(
            E1 + "08:30:00Z",
            'reason="ScalingReplicaSet" object="deployment/policy-service" message="Scaled up '
            'replica set policy-service-84f6d5c9b to 3"',
            "ocp-master-01",
            "openshift:events",
            "openshift:events",
            "fd_k8s",
            namespace="policy-prod",
        ),
        None,
        "rollout notice",
    )
    sentry_issue(
        FA,
        "farrowdale-platform",
        E1 + "08:34:00Z",
        "fa-npe",
        "created",
        inc,
        "new issue after release",
        etype="java.lang.NullPointerException",
        value='Cannot invoke "java.math.BigDecimal.multiply(java.math.BigDecimal)" because '
        '"loading" is null',
        culprit="uk.co.farrowdale.policy.pricing.PremiumCalculator in applyLoadings",
        filename="PremiumCalculator.java",
        function="applyLoadings",
        count="96",
        users=31,
    )
    sentry_event_alert(
        FA,
        "farrowdale-platform",
        E1 + "08:35:00Z",
        [
            (
                "java.lang.NullPointerException",
                'Cannot invoke "java.math.BigDecimal.multiply(java.math.BigDecimal)" because '
                '"loading" is null',
                "java.lang",
                [
                    jframe("uk.co.farrowdale.policy.web.QuoteController", "quote", 55),
                    jframe(
                        "uk.co.farrowdale.policy.pricing.PremiumCalculator", "applyLoadings", 203
                    ),
                ],
            )
        ],
        "Regression in production",
        inc,
        "event alert",
        env="prod",
        release="policy-service@5.8.0",
        server="policy-service-84f6d5c9b-qq7rt",
        tags=[("service", "policy-service")],
        transaction="POST /api/policies/quote",
        user="broker-2210",
    )
    splunk(
        FA,
        E1 + "08:37:00Z",
        "FD - errors by service and version (10m)",
        "fd_ops",
        "ops_admin",
        {"service": "policy-service", "version": "5.8.0", "level": "ERROR", "count": "143"},
        inc,
        "errors stats row",
    )
    posthog_exc(
        FA,
        E1 + "08:38:00Z",
        "HttpErrorResponse",
        "Http failure response for https://brokers.farrowdale.co.uk/api/policies/quote: 500 "
        "Internal Server Error",
        [fadash("main.8f31c2a7e0b94d15.js", 1, 331204, "QuoteComponent.submit")],
        "/quotes/new",
        inc,
        "portal quote 500",
        user="broker-2210",
        browser=CHROME,
    )
    sentry_issue(
        FA,
        "farrowdale-platform",
        E1 + "09:05:00Z",
        "fa-npe",
        "resolved",
        inc,
        "issue resolved after rollback",
        count="611",
        users=88,
    )

    # ---- fa-claims-oom: claims-service heap leak, OOMKilled, re-fires after a lull
    inc = "fa-claims-oom"
    fa_err(
        E1 + "09:20:00Z",
        [
            (
                "java.lang.OutOfMemoryError",
                "Java heap space",
                "java.lang",
                [
                    jframe("uk.co.farrowdale.claims.docs.AttachmentCache", "put", 48),
                    jframe("java.util.HashMap", "resize", 710, None, False),
                ],
            )
        ],
        inc,
        "heap oom",
        service="claims-service",
        pod="claims-service-5f7d8c6b4-h7wq2",
        release="claims-service@3.12.0",
        level="fatal",
    )
    splunk(
        FA,
        E1 + "09:21:00Z",
        "FD - pod OOMKilled",
        "fd_ops",
        "ops_admin",
        raw_row(
            E1 + "09:21:00Z",
            'reason="OOMKilling" object="pod/claims-service-5f7d8c6b4-h7wq2" message="Memory '
            'cgroup out of memory: Killed process 3121 (java) total-vm:6120044kB"',
            "ocp-wrk-03",
            "openshift:events",
            "openshift:events",
            "fd_k8s",
            namespace="claims-prod",
            pod="claims-service-5f7d8c6b4-h7wq2",
        ),
        inc,
        "oomkilled event row",
    )
    dd_farrowdale(
        E1 + "09:23:00Z",
        "Container restarts high",
        "Triggered",
        "kube_deployment:claims-service,kube_namespace:claims-prod",
        "env:prod,kube_deployment:claims-service,kube_namespace:claims-prod",
        inc,
        "restart monitor",
        host="ocp-wrk-03",
        text="claims-service restarted 4 times in 15m",
    )
    dd_farrowdale(
        E1 + "09:40:00Z",
        "Container restarts high",
        "Recovered",
        "kube_deployment:claims-service,kube_namespace:claims-prod",
        "env:prod,kube_deployment:claims-service,kube_namespace:claims-prod",
        inc,
        "restart monitor recovered",
        host="ocp-wrk-03",
        text="restarts back to normal",
    )
    dd_farrowdale(
        E1 + "11:15:00Z",
        "Container restarts high",
        "Triggered",
        "kube_deployment:claims-service,kube_namespace:claims-prod",
        "env:prod,kube_deployment:claims-service,kube_namespace:claims-prod",
        inc,
        "restart monitor re-fires",
        host="ocp-wrk-01",
        text="claims-service restarted 3 times in 15m",
    )
    splunk(
        FA,
        E1 + "11:16:00Z",
        "FD - pod OOMKilled",
        "fd_ops",
        "ops_admin",
        raw_row(
            E1 + "11:16:00Z",
            'reason="OOMKilling" object="pod/claims-service-5f7d8c6b4-9lmzt" message="Memory '
            'cgroup out of memory: Killed process 4410 (java) total-vm:6118220kB"',
            "ocp-wrk-01",
            "openshift:events",
            "openshift:events",
            "fd_k8s",
            namespace="claims-prod",
            pod="claims-service-5f7d8c6b4-9lmzt",
        ),
        inc,
        "oomkilled again",
    )

    # ---- fa-gocardless: direct-debit provider times out for policy-service
    inc = "fa-gocardless"
    sentry_metric_alert(
        FA,
        E1 + "09:50:00Z",
        "Mandate setup latency",
        "p95(transaction.duration)",
        'transaction:"POST /api/policies/{id}/mandate"',
        ["farrowdale-platform"],
        "critical",
        inc,
        "metric alert critical",
        env="prod",
        threshold=4000.0,
        value=21003,
    )
    fa_err(
        E1 + "09:51:00Z",
        [
            (
                "java.net.http.HttpTimeoutException",
                "request timed out",
                "java.net.http",
                [
                    jframe(
                        "uk.co.farrowdale.policy.payments.GoCardlessClient", "createMandate", 88
                    ),
                    jframe("jdk.internal.net.http.HttpClientImpl", "send", 573, None, False),
                ],
            )
        ],
        inc,
        "provider timeout",
        service="policy-service",
        pod="policy-service-6b8c9d7f5-x2kqp",
        release="policy-service@5.7.3",
        transaction="POST /api/policies/{id}/mandate",
        url="https://brokers.farrowdale.co.uk/api/policies/PL-7730112/mandate",
        method="POST",
    )
    splunk(
        FA,
        E1 + "09:53:00Z",
        "FD - payment provider errors",
        "fd_ops",
        "ops_admin",
        fa_app(
            E1 + "09:53:00Z",
            "ocp-wrk-04",
            "policy-service",
            "policy-service-6b8c9d7f5-x2kqp",
            "2026-04-21 09:52:18,004 WARN  [http-nio-8080-exec-12] u.c.f.p.payments."
            "GoCardlessClient - POST https://api.gocardless.com/mandates timed out after 20000 "
            "ms policy=PL-7730112 trace_id=0af7651916cd43dd8448eb211c80319c",
            trace_id="0af7651916cd43dd8448eb211c80319c",
        ),
        inc,
        "provider log row",
    )
    posthog_exc(
        FA,
        E1 + "09:54:00Z",
        "HttpErrorResponse",
        "Http failure response for https://brokers.farrowdale.co.uk/api/policies/PL-7730112/"
        "mandate: 504 Gateway Timeout",
        [fadash("412.3c9e07d1a5b28f64.js", 1, 18220, "MandateFormComponent.save")],
        "/policies/PL-7730112/payment",
        inc,
        "portal mandate 504",
        user="broker-0871",
        browser=FIREFOX,
    )
    # decoy: a warning that recovers alone on the other Oracle node
    dd_farrowdale(
        E1 + "09:55:00Z",
        "CPU high on Oracle host",
        "Warn",
        "host:ora-prd-01",
        "env:prod,host:ora-prd-01,role:oracle",
        None,
        "cpu warning",
        priority="P4",
        host="ora-prd-01",
        text="CPU 82% for 10m (RMAN backup window).",
    )
    dd_farrowdale(
        E1 + "10:06:00Z",
        "CPU high on Oracle host",
        "Recovered",
        "host:ora-prd-01",
        "env:prod,host:ora-prd-01,role:oracle",
        None,
        "cpu recovered",
        priority="P4",
        host="ora-prd-01",
        text="CPU back to 35%.",
    )
    sentry_metric_alert(
        FA,
        E1 + "10:12:00Z",
        "Mandate setup latency",
        "p95(transaction.duration)",
        'transaction:"POST /api/policies/{id}/mandate"',
        ["farrowdale-platform"],
        "resolved",
        inc,
        "metric alert resolved",
        env="prod",
        threshold=4000.0,
        value=900,
    )

    # ---- fa-batch-disk: batch VM disk full, nightly export re-run fails
    inc = "fa-batch-disk"
    dd_farrowdale(
        E1 + "10:30:00Z",
        "Disk usage high",
        "Triggered",
        "device:/dev/mapper/vg_data-lv_export,host:batch-vm-03",
        "env:prod,host:batch-vm-03,role:batch",
        inc,
        "disk monitor",
        host="batch-vm-03",
        text="/data/export is 99% full",
    )
    splunk(
        FA,
        E1 + "10:31:00Z",
        "FD - syslog errors",
        "fd_ops",
        "ops_admin",
        fa_syslog(
            E1 + "10:31:00Z",
            "batch-vm-03",
            "Apr 21 10:30:12 batch-vm-03 claims-export[20113]: write /data/export/claims_"
            "20260421.csv: No space left on device",
            process="claims-export",
        ),
        inc,
        "syslog disk full",
    )
    fa_err(
        E1 + "10:32:00Z",
        [
            (
                "java.io.IOException",
                "No space left on device",
                "java.io",
                [
                    jframe("uk.co.farrowdale.batch.ClaimsExportJob", "writeChunk", 140),
                    jframe("java.io.FileOutputStream", "writeBytes", -1, None, False),
                ],
            )
        ],
        inc,
        "batch export error",
        service="claims-batch",
        pod="batch-vm-03",
        release="claims-batch@1.4.2",
        transaction="ClaimsExportJob",
    )

    # ---- fa-portal-sso: LDAP behind the SSO gateway down; brokers cannot log in
    inc = "fa-portal-sso"
    dd_farrowdale(
        E1 + "10:45:00Z",
        "slapd process down",
        "Triggered",
        "host:ldap-vm-01,process:slapd",
        "env:prod,host:ldap-vm-01,role:ldap",
        inc,
        "process monitor",
        priority="P1",
        host="ldap-vm-01",
        event_type="process_check",
        text="slapd not running on ldap-vm-01",
    )
    splunk(
        FA,
        E1 + "10:47:00Z",
        "FD - 5xx by service and host",
        "fd_ops",
        "ops_admin",
        {"service": "sso-gateway", "host": "ocp-wrk-02", "status": "502", "count": "244"},
        inc,
        "5xx stats row",
    )
    posthog_exc(
        FA,
        E1 + "10:47:00Z",
        "HttpErrorResponse",
        "Http failure response for https://brokers.farrowdale.co.uk/auth/token: 502 Bad Gateway",
        [fadash("main.8f31c2a7e0b94d15.js", 1, 90121, "AuthService.login")],
        "/login",
        inc,
        "portal login 502",
        user="anon-7f1c2e",
        browser=SAFARI,
    )
    dd_farrowdale(
        E1 + "11:02:00Z",
        "slapd process down",
        "Recovered",
        "host:ldap-vm-01,process:slapd",
        "env:prod,host:ldap-vm-01,role:ldap",
        inc,
        "process monitor recovered",
        priority="P1",
        host="ldap-vm-01",
        event_type="process_check",
        text="slapd running",
    )

    # ---------------- day 2
    dd_farrowdale(
        E2 + "06:00:00Z",
        "Heartbeat ops-bridge",
        "Triggered",
        "*",
        "monitor:heartbeat",
        None,
        "heartbeat",
        priority="P5",
        event_type="service_check",
        text="Daily heartbeat",
    )

    # ---- fa-mq-tls: the CLAIMS.SVRCONN channel certificate expired
    inc = "fa-mq-tls"
    splunk(
        FA,
        E2 + "07:00:00Z",
        "FD - MQ error log",
        "fd_ops",
        "ops_admin",
        raw_row(
            E2 + "07:00:00Z",
            "04/22/2026 07:00:01 AM - Process(2201.14) User(mqm) Program(amqrmppa)\n"
            "AMQ9633E: Bad SSL certificate for channel 'CLAIMS.SVRCONN'.\n"
            "EXPLANATION: A certificate encountered during SSL handshaking is regarded as bad "
            "for one of the following reasons: ... it has expired.",
            "mqprd01",
            "/var/mqm/qmgrs/QM_CLAIMS/errors/AMQERR01.LOG",
            "ibm:mq:errorlog",
            "fd_mq",
            channel="CLAIMS.SVRCONN",
        ),
        inc,
        "mq tls error row",
    )
    fa_err(
        E2 + "07:01:00Z",
        [
            (
                "com.ibm.mq.MQException",
                "JMSCMQ0001: IBM MQ call failed with compcode '2' ('MQCC_FAILED') reason '2393' "
                "('MQRC_SSL_INITIALIZATION_ERROR').",
                "com.ibm.mq",
                [],
            ),
            (
                "com.ibm.msg.client.jms.DetailedJMSException",
                "JMSWMQ0018: Failed to connect to queue manager 'QM_CLAIMS' with connection mode "
                "'Client' and host name 'mqprd01(1414)'.",
                "com.ibm.msg.client.jms",
                [jframe("uk.co.farrowdale.claims.intake.IntakeListener", "connect", 31)],
            ),
        ],
        inc,
        "mq connect error",
        service="claims-service",
        pod="claims-service-5f7d8c6b4-mm2v8",
        release="claims-service@3.12.1",
    )
    dd_farrowdale(
        E2 + "07:03:00Z",
        "MQ channel not running",
        "Triggered",
        "channel:CLAIMS.SVRCONN,queue_manager:QM_CLAIMS",
        "env:prod,host:mqprd01,queue_manager:qm_claims",
        inc,
        "channel monitor",
        host="mqprd01",
        event_type="service_check",
        text="ibm_mq.channel.status CRITICAL",
    )
    # decoy: UAT portal throws at the same time
    posthog_exc(
        FA,
        E2 + "07:02:00Z",
        "Error",
        "NG0100: ExpressionChangedAfterItHasBeenCheckedError",
        [fadash("main.0c9a1e.js", 1, 2201, "checkNoChanges")],
        "/claims/new",
        None,
        "portal dev-mode noise (uat)",
        user="tester-03",
        browser=CHROME,
    )

    # ---- fa-tablespace: ORA-01653 on CLAIMS_DATA
    inc = "fa-tablespace"
    dd_farrowdale(
        E2 + "07:40:00Z",
        "Oracle tablespace usage",
        "Triggered",
        "db:FDPRD,host:ora-prd-01,tablespace:CLAIMS_DATA",
        "env:prod,host:ora-prd-01,role:oracle,tablespace:claims_data",
        inc,
        "tablespace monitor",
        host="ora-prd-01",
        text="CLAIMS_DATA 99.7% used",
    )
    fa_err(
        E2 + "07:42:00Z",
        [
            (
                "java.sql.SQLException",
                "ORA-01653: unable to extend table CLAIMS.CLAIM_NOTES by 1024 in tablespace "
                "CLAIMS_DATA",
                "java.sql",
                [jframe("uk.co.farrowdale.claims.repo.NoteRepository", "insert", 52)],
            )
        ],
        inc,
        "claims insert error",
        service="claims-service",
        pod="claims-service-5f7d8c6b4-mm2v8",
        release="claims-service@3.12.1",
        transaction="POST /api/claims/{id}/notes",
    )
    splunk(
        FA,
        E2 + "07:43:00Z",
        "FD - Oracle alert log",
        "fd_ops",
        "ops_admin",
        raw_row(
            E2 + "07:43:00Z",
            "2026-04-22T07:41:55.120+01:00\nORA-1653: unable to extend table CLAIMS.CLAIM_NOTES "
            "by 1024 in tablespace CLAIMS_DATA",
            "ora-prd-01",
            "/u01/app/oracle/diag/rdbms/fdprd/FDPRD1/trace/alert_FDPRD1.log",
            "oracle:alert",
            "fd_db",
        ),
        inc,
        "alert log row",
    )

    # ---- fa-claims-slow: claims-service thread pool exhausted, policy-service (its caller)
    # and the portal fail
    inc = "fa-claims-slow"
    fa_err(
        E2 + "08:30:00Z",
        [
            (
                "java.util.concurrent.RejectedExecutionException",
                "Task java.util.concurrent.FutureTask@4e1d2b rejected from "
                "java.util.concurrent.ThreadPoolExecutor@6a1c[Running, pool size = 200, active "
                "threads = 200, queued tasks = 1000, completed tasks = 8812201]",
                "java.util.concurrent",
                [jframe("uk.co.farrowdale.claims.web.ClaimSummaryController", "summary", 40)],
            )
        ],
        inc,
        "claims pool exhausted",
        service="claims-service",
        pod="claims-service-5f7d8c6b4-mm2v8",
        release="claims-service@3.12.1",
        transaction="GET /claims/{id}/summary",
    )
    fa_err(
        E2 + "08:31:00Z",
        [
            (
                "java.net.SocketTimeoutException",
                "Read timed out",
                "java.net",
                [],
            ),
            (
                "feign.RetryableException",
                "Read timed out executing GET http://claims-service.claims-prod.svc:8080/claims/"
                "CL-4410021/summary",
                "feign",
                [
                    jframe("uk.co.farrowdale.policy.renewals.RenewalService", "loadHistory", 99),
                    jframe("feign.SynchronousMethodHandler", "executeAndDecode", 135, None, False),
                ],
            ),
        ],
        inc,
        "policy caller timeout",
        service="policy-service",
        pod="policy-service-6b8c9d7f5-wn4d8",
        release="policy-service@5.7.3",
        transaction="GET /api/policies/{id}/renewal",
    )
    splunk(
        FA,
        E2 + "08:33:00Z",
        "FD - 5xx by service and host",
        "fd_ops",
        "ops_admin",
        {"service": "policy-service", "host": "ocp-wrk-01", "status": "504", "count": "97"},
        inc,
        "5xx stats row",
    )
    posthog_exc(
        FA,
        E2 + "08:34:00Z",
        "HttpErrorResponse",
        "Http failure response for https://brokers.farrowdale.co.uk/api/policies/PL-6620981/"
        "renewal: 504 Gateway Timeout",
        [fadash("517.9d2ab4c0e1f37a85.js", 1, 7703, "RenewalComponent.ngOnInit")],
        "/policies/PL-6620981/renewal",
        inc,
        "portal renewal 504",
        user="broker-1192",
        browser=EDGE,
    )
    # decoy: staging-like UAT policy error in the same minute
    fa_err(
        E2 + "08:32:00Z",
        [
            (
                "org.springframework.beans.factory.BeanCreationException",
                "Error creating bean with name 'pricingRulesLoader': Invocation of init method "
                "failed",
                "org.springframework.beans.factory",
                [],
            )
        ],
        None,
        "uat startup error",
        service="policy-service",
        pod="policy-service-59d7c-uat02",
        env="uat",
        release="policy-service@5.9.0-rc1",
    )

    # ---- fa-nfs: claim documents NAS stops answering
    inc = "fa-nfs"
    splunk(
        FA,
        E2 + "09:20:00Z",
        "FD - syslog errors",
        "fd_ops",
        "ops_admin",
        fa_syslog(
            E2 + "09:20:00Z",
            "ocp-wrk-02",
            "Apr 22 09:19:40 ocp-wrk-02 kernel: nfs: server nas-prd-02 not responding, still "
            "trying",
            process="kernel",
        ),
        inc,
        "nfs syslog row",
    )
    dd_farrowdale(
        E2 + "09:21:00Z",
        "NFS mount unresponsive",
        "Triggered",
        "host:ocp-wrk-02,mount:/mnt/claimdocs",
        "env:prod,host:ocp-wrk-02,role:openshift-worker",
        inc,
        "nfs host monitor",
        host="ocp-wrk-02",
        event_type="service_check",
        text="nfs check failed for nas-prd-02:/claimdocs",
    )
    fa_err(
        E2 + "09:22:00Z",
        [
            (
                "java.nio.file.FileSystemException",
                "/mnt/claimdocs/2026/04/CL-4410377/photo-3.jpg: Stale file handle",
                "java.nio.file",
                [jframe("uk.co.farrowdale.claims.docs.DocumentStore", "save", 73)],
            )
        ],
        inc,
        "claims upload error",
        service="claims-service",
        pod="claims-service-5f7d8c6b4-qt5z9",
        release="claims-service@3.12.1",
        transaction="POST /api/claims/{id}/documents",
    )
    posthog_exc(
        FA,
        E2 + "09:23:00Z",
        "HttpErrorResponse",
        "Http failure response for https://brokers.farrowdale.co.uk/api/claims/CL-4410377/"
        "documents: 500 Internal Server Error",
        [fadash("388.61be0f2d9c4a7713.js", 1, 5120, "UploadComponent.onDrop")],
        "/claims/CL-4410377/documents",
        inc,
        "portal upload 500",
        user="broker-3305",
        browser=CHROME,
    )
    dd_farrowdale(
        E2 + "09:44:00Z",
        "NFS mount unresponsive",
        "Recovered",
        "host:ocp-wrk-02,mount:/mnt/claimdocs",
        "env:prod,host:ocp-wrk-02,role:openshift-worker",
        inc,
        "nfs monitor recovered",
        host="ocp-wrk-02",
        event_type="service_check",
        text="nfs check ok",
    )

    # ---- fa-rate-feed: the nightly rating-tables feed fails to load, quotes use old rates
    inc = "fa-rate-feed"
    splunk(
        FA,
        E2 + "10:05:00Z",
        "FD - syslog errors",
        "fd_ops",
        "ops_admin",
        fa_syslog(
            E2 + "10:05:00Z",
            "batch-vm-01",
            "Apr 22 10:04:44 batch-vm-01 rates-loader[8812]: sftp get /out/rates_20260422.zip "
            "from sftp.ratingpartner.example failed: Connection timed out",
            process="rates-loader",
        ),
        inc,
        "feed syslog row",
    )
    fa_err(
        E2 + "10:07:00Z",
        [
            (
                "uk.co.farrowdale.policy.rating.StaleRatesException",
                "Rating tables are 2 days old (loaded 2026-04-20); refusing to quote",
                "uk.co.farrowdale.policy.rating",
                [jframe("uk.co.farrowdale.policy.rating.RateTableGuard", "check", 29)],
            )
        ],
        inc,
        "stale rates error",
        service="policy-service",
        pod="policy-service-6b8c9d7f5-x2kqp",
        release="policy-service@5.7.3",
        transaction="POST /api/policies/quote",
        handled=True,
    )
    dd_farrowdale(
        E2 + "10:08:00Z",
        "rates-loader job failed",
        "Triggered",
        "host:batch-vm-01,process:rates-loader",
        "env:prod,host:batch-vm-01,role:batch",
        inc,
        "job process monitor",
        host="batch-vm-01",
        event_type="process_check",
        text="rates-loader exited 1",
    )

    # late decoys
    splunk(
        FA,
        E2 + "10:30:00Z",
        "FD - errors by service and version (10m)",
        "fd_ops",
        "ops_admin",
        {"service": "claims-service", "version": "3.12.1", "level": "ERROR", "count": "2"},
        None,
        "background error count",
    )
    sentry_issue(
        FA,
        "farrowdale-platform",
        E2 + "10:35:00Z",
        "fa-uat-fx",
        "created",
        None,
        "uat issue",
        etype="java.time.format.DateTimeParseException",
        value="Text '22/04/2026' could not be parsed at index 0",
        culprit="uk.co.farrowdale.policy.web.EndorsementController in parseEffective",
        count="4",
    )
    splunk(
        FA,
        E2 + "10:40:00Z",
        "FD - syslog errors",
        "fd_ops",
        "ops_admin",
        fa_syslog(
            E2 + "10:40:00Z",
            "ocp-wrk-04",
            "Apr 22 10:39:58 ocp-wrk-04 chronyd[811]: System clock wrong by 1.203114 seconds, "
            "adjustment started",
            process="chronyd",
        ),
        None,
        "ntp info row",
    )


def main() -> None:
    fernhollow()
    farrowdale()
    rows = sorted(enumerate(ROWS), key=lambda p: (p[1]["at"], p[0]))
    with OUT.open("w", encoding="utf-8") as fh:
        for _, row in rows:
            fh.write(json.dumps(row, ensure_ascii=False, sort_keys=False) + "\n")


if __name__ == "__main__":
    main()
