"""Write ``incidents-blind6.jsonl``: an outsider's labelled multi-tool incidents of two companies.

    python bench/data/generate_incidents_blind6.py

Deterministic (seeded random): every run writes the same bytes. One JSON object per line, in
the order the senders send them: ``source``, ``headers``, ``body``, ``incident`` (a label, or
``null`` for a decoy), ``role``, ``at`` (ISO-8601 UTC) and ``company``.

Grubline (14 and 15 April 2026) is a food-delivery and ride-hailing marketplace on Google Cloud:
Cloud Run services (``orders-api`` on Node, ``dispatch-api`` on Go, ``pricing-svc`` and
``geo-svc`` on Python, ``payments-svc`` on Java, ``notifications-worker`` on Node) calling each
other over HTTP and Pub/Sub, Firestore, Memorystore, a React Native rider app and a React
courier web app. Sentry has one project per service (environments ``production`` and
``staging``), Datadog posts the recommended template (APM monitors by ``service`` and
``resource_name``, GCP integration monitors by ``project_id``, ``subscription_id``,
``instance_id`` or ``service_name``), PostHog posts ``$exception`` events from both apps.

Gorsefield Stores (21 and 22 April 2026) is a retail chain on Azure: AKS services
(``checkout-api``, ``inventory-svc``, ``catalog-api``, ``loyalty-svc``, ``pos-gateway``,
``order-sync`` and ``price-worker``, .NET 8), Azure SQL, Service Bus queues, Front Door, store
point-of-sale terminals reporting their errors. One Sentry project tells services apart by a
``service`` tag; Splunk posts saved searches over the AKS container logs, Kubernetes events
and ``stats`` rows by service and status; Datadog posts through a webhook template of the
team's own (monitors on hosts, queues, databases); PostHog posts ``$exception`` from the web
shop.

Sources for the shapes (read through the ``search`` tool and ``shared/spec/provider-formats.md``):
Sentry's integration-platform webhook docs (docs.sentry.io/.../webhooks/errors, issues,
issue-alerts, metric-alerts: the envelope ``action``/``installation``/``data``/``actor``, the
``Sentry-Hook-Resource``/``-Timestamp``/``-Signature`` and ``Request-ID`` headers, tags as
``[key, value]`` pairs, frames oldest first, ``shortId`` only on issues); Datadog's Webhooks
integration page (docs.datadoghq.com/integrations/webhooks: ``$EVENT_TITLE``,
``$ALERT_TRANSITION``, ``$ALERT_SCOPE``, ``$TAGS``, ``$DATE`` in milliseconds, every value a
string); PostHog's HTTP Webhook destination (``{"event": {event}, "person": {person}}`` with
``$exception_list`` from posthog.com/docs/error-tracking/capture); Splunk's webhook alert
action (docs.splunk.com "Use a webhook alert action": ``sid``, ``search_name``, ``app``,
``owner``, ``results_link``, ``result`` = the first row, all strings, ``User-Agent:
Splunk/<guid>``).

Written by an outsider who read neither the incident step, the clustering, the plugins'
mapping code nor the existing incident sets; report it, never tune on it.
"""

# ruff: noqa: E501  (vendor messages and stack lines are kept whole)
from __future__ import annotations

import hashlib
import hmac
import json
import random
import uuid
from datetime import datetime, timedelta
from pathlib import Path

OUT = Path(__file__).resolve().parent / "incidents-blind6.jsonl"
RNG = random.Random(20260414)
ROWS: list[tuple[datetime, int, dict]] = []

G1 = "Grubline"
G2 = "Gorsefield Stores"


def hexid(n: int = 32) -> str:
    return "".join(RNG.choice("0123456789abcdef") for _ in range(n))


def digits(n: int) -> str:
    return str(RNG.randint(1, 9)) + "".join(RNG.choice("0123456789") for _ in range(n - 1))


def uid() -> str:
    return str(uuid.UUID(int=RNG.getrandbits(128), version=4))


def t(day: str, hm: str, sec: int = 0) -> datetime:
    return datetime.fromisoformat(f"{day}T{hm}:00+00:00") + timedelta(seconds=sec)


def iso(at: datetime) -> str:
    return at.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def ms(at: datetime) -> str:
    return str(int(at.timestamp() * 1000))


def add(company: str, at: datetime, source: str, headers: dict, body: dict, incident, role: str):
    row = {
        "source": source,
        "headers": headers,
        "body": body,
        "incident": incident,
        "role": role,
        "at": at.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "company": company,
    }
    ROWS.append((at, len(ROWS), row))


# --------------------------------------------------------------------------- Sentry

SECRETS = {G1: "b3f1c0ffee2a9d44e1aa9f0b7c63e512", G2: "9e77a1d0c2b54f3f8a6d1e0c4b2a7f19"}
INSTALL = {G1: uid(), G2: uid()}
ORG = {G1: "grubline", G2: "gorsefield"}


def sentry_post(company: str, at: datetime, resource: str, body: dict, incident, role: str):
    raw = json.dumps(body, separators=(",", ":"))
    sig = hmac.new(SECRETS[company].encode(), raw.encode(), hashlib.sha256).hexdigest()
    headers = {
        "Content-Type": "application/json",
        "Request-ID": hexid(),
        "Sentry-Hook-Resource": resource,
        "Sentry-Hook-Timestamp": str(int(at.timestamp())),
        "Sentry-Hook-Signature": sig,
    }
    add(company, at, "sentry", headers, body, incident, role)


def frames_of(spec: list[tuple], platform: str) -> list[dict]:
    """spec: (filename, function, lineno, module, in_app, context_line), oldest first."""
    out = []
    for filename, function, lineno, module, in_app, line in spec:
        frame = {
            "filename": filename,
            "abs_path": filename if platform != "javascript" else f"app:///{filename}",
            "function": function,
            "module": module,
            "lineno": lineno,
            "in_app": in_app,
            "context_line": line,
            "pre_context": [],
            "post_context": [],
            "vars": {},
            "data": {},
        }
        if platform in ("javascript", "node"):
            frame["colno"] = RNG.randint(5, 60)
        out.append(frame)
    return out


def sentry_event(
    company: str,
    at: datetime,
    incident,
    role: str,
    *,
    resource: str = "error",
    project: tuple[str, int],
    platform: str,
    env: str = "production",
    release: str | None,
    exc_type: str,
    exc_value: str,
    frames: list[tuple],
    tags: dict[str, str] | None = None,
    transaction: str | None = None,
    request: dict | None = None,
    user: dict | None = None,
    level: str = "error",
    handled: bool = False,
    contexts: dict | None = None,
    rule: str = "Notify on-call on new production errors",
    issue_id: str | None = None,
    logger: str = "",
    chained: list[tuple[str, str]] | None = None,
):
    slug, pid = project
    org = ORG[company]
    event_id = hexid()
    issue_id = issue_id or digits(10)
    all_tags = {"environment": env, "level": level, "handled": "yes" if handled else "no"}
    if release:
        all_tags["release"] = release
    if transaction:
        all_tags["transaction"] = transaction
    all_tags.update(tags or {})
    if user and user.get("id"):
        all_tags["user"] = f"id:{user['id']}"
    values = []
    for ctype, cvalue in chained or []:
        values.append({"type": ctype, "value": cvalue, "module": None, "mechanism": None})
    values.append(
        {
            "type": exc_type,
            "value": exc_value,
            "module": None,
            "mechanism": {"type": "generic" if handled else "onerror", "handled": handled},
            "stacktrace": {"frames": frames_of(frames, platform)},
        }
    )
    last = frames[-1]
    culprit = transaction or f"{last[3] or last[0]} in {last[1]}"
    event = {
        "event_id": event_id,
        "project": pid,
        "release": release,
        "dist": None,
        "platform": platform,
        "message": "",
        "datetime": at.isoformat(),
        "tags": sorted([k, v] for k, v in all_tags.items()),
        "_metrics": {"bytes.ingested.event": RNG.randint(3000, 9000)},
        "contexts": contexts or {},
        "culprit": culprit,
        "environment": env,
        "exception": {"values": values},
        "fingerprint": ["{{ default }}"],
        "grouping_config": {"enhancements": hexid(20), "id": "newstyle:2023-01-11"},
        "hashes": [hexid()],
        "level": level,
        "location": last[0],
        "logger": logger,
        "metadata": {
            "filename": last[0],
            "function": last[1],
            "type": exc_type,
            "value": exc_value,
            "in_app_frame_mix": "mixed",
        },
        "received": at.timestamp() + 0.4,
        "timestamp": at.timestamp(),
        "title": f"{exc_type}: {exc_value}"[:200],
        "type": "error",
        "version": "7",
        "sdk": {"name": SDK.get(platform, "sentry.unknown"), "version": "8.3.0"},
        "url": f"https://sentry.io/api/0/projects/{org}/{slug}/events/{event_id}/",
        "web_url": f"https://{org}.sentry.io/issues/{issue_id}/events/{event_id}/",
        "issue_url": f"https://sentry.io/api/0/issues/{issue_id}/",
        "issue_id": issue_id,
    }
    if transaction:
        event["transaction"] = transaction
    if request:
        event["request"] = request
    if user:
        event["user"] = user
    data: dict = {}
    if resource == "error":
        data["error"] = event
    else:
        data["event"] = event
        data["triggered_rule"] = rule
        data["issue_alert"] = {"title": rule, "settings": [], "sentry_app_id": 4401}
    body = {
        "action": "created" if resource == "error" else "triggered",
        "installation": {"uuid": INSTALL[company]},
        "data": data,
        "actor": {"type": "application", "id": "sentry", "name": "Sentry"},
    }
    sentry_post(company, at, resource, body, incident, role)
    return issue_id


SDK = {
    "go": "sentry.go",
    "python": "sentry.python.flask",
    "java": "sentry.java.spring-boot.jakarta",
    "node": "sentry.javascript.node",
    "javascript": "sentry.javascript.react",
    "react-native": "sentry.javascript.react-native",
    "csharp": "sentry.dotnet.aspnetcore",
}


def sentry_issue(
    company: str,
    at: datetime,
    incident,
    role: str,
    *,
    action: str,
    project: tuple[str, int],
    platform: str,
    short_id: str,
    issue_id: str,
    exc_type: str,
    exc_value: str,
    culprit: str,
    filename: str,
    function: str,
    count: int,
    users: int,
    first_seen: datetime,
    level: str = "error",
    actor: dict | None = None,
):
    slug, pid = project
    org = ORG[company]
    status = {"created": "unresolved", "unresolved": "unresolved", "resolved": "resolved"}
    substatus = {"created": "new", "unresolved": "regressed", "resolved": None}
    issue = {
        "id": issue_id,
        "shareId": None,
        "shortId": short_id,
        "title": f"{exc_type}: {exc_value}"[:200],
        "culprit": culprit,
        "permalink": None,
        "logger": None,
        "level": level,
        "status": status[action],
        "statusDetails": {},
        "substatus": substatus[action],
        "isPublic": False,
        "platform": platform,
        "project": {"id": str(pid), "name": slug, "slug": slug, "platform": platform},
        "type": "error",
        "metadata": {
            "type": exc_type,
            "value": exc_value,
            "filename": filename,
            "function": function,
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
        "firstSeen": first_seen.isoformat(),
        "lastSeen": at.isoformat(),
        "url": f"https://sentry.io/api/0/organizations/{org}/issues/{issue_id}/",
        "web_url": f"https://{org}.sentry.io/issues/{issue_id}/",
        "project_url": f"https://{org}.sentry.io/issues/?project={pid}",
    }
    body = {
        "action": action,
        "installation": {"uuid": INSTALL[company]},
        "data": {"issue": issue},
        "actor": actor or {"type": "application", "id": "sentry", "name": "Sentry"},
    }
    sentry_post(company, at, "issue", body, incident, role)


def sentry_metric(
    company: str,
    at: datetime,
    incident,
    role: str,
    *,
    action: str,
    name: str,
    aggregate: str,
    query: str,
    env: str | None,
    projects: list[str],
    threshold: float,
    value: float,
    rule_id: int,
    alert_id: int,
    started: datetime,
    window: int = 10,
):
    org = ORG[company]
    status = {"critical": 20, "warning": 10, "resolved": 2}[action]
    title_prefix = {"critical": "Critical", "warning": "Warning", "resolved": "Resolved"}[action]
    body = {
        "action": action,
        "installation": {"uuid": INSTALL[company]},
        "data": {
            "metric_alert": {
                "alert_rule": {
                    "id": str(rule_id),
                    "name": name,
                    "organization_id": "4509" + digits(8),
                    "status": 0,
                    "query_type": 0,
                    "dataset": "events",
                    "query": query,
                    "aggregate": aggregate,
                    "threshold_type": 0,
                    "resolve_threshold": None,
                    "time_window": window,
                    "environment": env,
                    "resolution": 1,
                    "threshold_period": 1,
                    "projects": projects,
                    "owner": None,
                    "date_modified": "2026-02-03T10:12:44.120000Z",
                    "date_created": "2025-11-19T08:40:02.311000Z",
                    "created_by": None,
                    "triggers": [
                        {
                            "id": str(rule_id * 3),
                            "alert_rule_id": str(rule_id),
                            "label": "critical",
                            "threshold_type": 0,
                            "alert_threshold": threshold,
                            "resolve_threshold": None,
                            "date_created": "2025-11-19T08:40:02.318000Z",
                            "actions": [
                                {
                                    "id": str(rule_id * 7),
                                    "alert_rule_trigger_id": str(rule_id * 3),
                                    "type": "sentry_app",
                                    "target_type": "sentry_app",
                                    "target_identifier": "4401",
                                    "input_channel_id": None,
                                    "integration_id": None,
                                    "sentry_app_id": 4401,
                                    "date_created": "2025-11-19T08:40:02.322000Z",
                                    "desc_title": None,
                                }
                            ],
                        }
                    ],
                    "comparison_delta": None,
                    "detection_type": "static",
                },
                "id": str(alert_id),
                "identifier": str(alert_id % 1000),
                "status": status,
                "type": 2,
                "title": name,
                "date_started": iso(started),
                "date_detected": iso(started),
                "date_created": iso(started),
                "date_closed": iso(at) if action == "resolved" else None,
            },
            "description_text": f"{value:g} {aggregate} in the last {window} minutes"
            + (f"\nFilter: {query}" if query else ""),
            "description_title": f"{title_prefix}: {name}",
            "web_url": f"https://{org}.sentry.io/alerts/rules/details/{rule_id}/?alert={alert_id}",
        },
        "actor": {"type": "application", "id": "sentry", "name": "Sentry"},
    }
    sentry_post(company, at, "metric_alert", body, incident, role)


# --------------------------------------------------------------------------- Datadog

DD_ORG = {G1: ("118204", "Grubline"), G2: ("240913", "Gorsefield Stores")}
DD_SITE = {G1: "app.datadoghq.com", G2: "app.datadoghq.eu"}
CYCLES: dict[tuple, str] = {}


def dd_common(company, at, transition, monitor, scope, alert_id, cycle_tag, prio):
    key = (company, alert_id, scope, cycle_tag)
    if key not in CYCLES:
        CYCLES[key] = digits(19)
    word = {
        "Triggered": "Triggered",
        "Re-Triggered": "Re-Triggered",
        "Recovered": "Recovered",
        "Warn": "Warn",
        "Renotify": "Triggered",
    }[transition]
    scoped = f"[{word} on {{{scope}}}] {monitor}" if scope else f"[{word}] {monitor}"
    title = f"[{prio}] {scoped}" if transition != "Recovered" else scoped
    atype = {"Recovered": "success", "Warn": "warning"}.get(transition, "error")
    link = f"https://{DD_SITE[company]}/monitors/{alert_id}?from_ts={ms(at)}&to_ts={ms(at)}"
    return CYCLES[key], title, atype, link


def dd_msg(text: str, at: datetime, link: str) -> str:
    return (
        f"%%%\n{text}\n\n@webhook-soulcaster @slack-oncall\n\n"
        f"The monitor was last triggered at {at.strftime('%a %b %d %Y %H:%M:%S UTC')}.\n\n"
        f"- - -\n\n[[Monitor Status]({link})] · [[Edit Monitor]({link.split('?')[0]}/edit)]\n%%%"
    )


def datadog_rec(
    company: str,
    at: datetime,
    incident,
    role: str,
    *,
    transition: str,
    monitor: str,
    scope: str,
    tags: str,
    alert_id: str,
    metric: str,
    query: str,
    status: str,
    text: str,
    hostname: str = "",
    event_type: str = "query_alert_monitor",
    prio: str = "P2",
    cycle_tag: int = 0,
):
    cycle, title, atype, link = dd_common(
        company, at, transition, monitor, scope, alert_id, cycle_tag, prio
    )
    org_id, org_name = DD_ORG[company]
    body = {
        "id": digits(19),
        "title": title,
        "body": dd_msg(text, at, link),
        "event_type": event_type,
        "date": ms(at),
        "last_updated": ms(at),
        "org": {"id": org_id, "name": org_name},
        "alert_id": alert_id,
        "alert_cycle_key": cycle,
        "aggreg_key": hexid(32),
        "alert_scope": scope,
        "alert_transition": transition,
        "alert_type": atype,
        "alert_priority": prio,
        "alert_title": monitor,
        "alert_status": status,
        "alert_metric": metric,
        "alert_query": query,
        "priority": "normal",
        "tags": tags,
        "hostname": hostname,
        "link": link,
        "snapshot": f"https://p.datadoghq.com/snapshot/view/dd-snapshots-prod/org_{org_id}/"
        f"{at.strftime('%Y-%m-%d')}/{hexid(40)}.png"
        if transition != "Recovered"
        else "",
    }
    headers = {"Content-Type": "application/json"}
    add(company, at, "datadog", headers, body, incident, role)


def datadog_own(
    company: str,
    at: datetime,
    incident,
    role: str,
    *,
    transition: str,
    monitor: str,
    scope: str,
    tags: str,
    alert_id: str,
    text: str,
    hostname: str = "",
    prio: str = "P2",
    cycle_tag: int = 0,
):
    """Gorsefield's own template: names of its own, $TEXT_ONLY_MSG, no $ID, no $EVENT_TYPE."""
    cycle, title, atype, link = dd_common(
        company, at, transition, monitor, scope, alert_id, cycle_tag, prio
    )
    body = {
        "summary": title,
        "monitor": monitor,
        "monitor_id": alert_id,
        "state": transition,
        "severity": atype,
        "priority": prio,
        "scope": scope,
        "tags": tags,
        "host": hostname,
        "fired_at": ms(at),
        "details": f"{text}\n\n@webhook-soulcaster-retail @teams-platform",
        "cycle": cycle,
        "dashboard": link,
        "team": "platform",
    }
    headers = {"Content-Type": "application/json", "X-Gorsefield-Source": "datadog-eu"}
    add(company, at, "datadog", headers, body, incident, role)


# --------------------------------------------------------------------------- PostHog

PH_PROJECT = {
    G1: {"id": "48213", "name": "Grubline apps", "url": "https://eu.posthog.com/project/48213"},
    G2: {
        "id": "77105",
        "name": "Gorsefield web shop",
        "url": "https://eu.posthog.com/project/77105",
    },
}


def posthog(
    company: str,
    at: datetime,
    incident,
    role: str,
    *,
    distinct_id: str,
    person: dict | None,
    props: dict,
    exceptions: list[tuple[str, str, list[tuple]]],
    platform: str = "web:javascript",
    handled: bool = False,
):
    exc_list = []
    for etype, evalue, frames in exceptions:
        exc_list.append(
            {
                "type": etype,
                "value": evalue,
                "mechanism": {
                    "type": "onunhandledrejection" if not handled else "generic",
                    "handled": handled,
                    "synthetic": False,
                },
                "stacktrace": {
                    "type": "raw",
                    "frames": [
                        {
                            "platform": platform,
                            "filename": fn,
                            "function": func,
                            "lineno": line,
                            "colno": col,
                            "in_app": True,
                        }
                        for fn, func, line, col in frames
                    ],
                },
            }
        )
    properties = {
        "$exception_list": exc_list,
        "$exception_level": "error",
        "$exception_fingerprint": hexid(16),
        "$session_id": uid(),
        "$window_id": uid(),
        "$insert_id": hexid(16),
    }
    properties.update(props)
    ev_uuid = uid()
    event = {
        "uuid": ev_uuid,
        "event": "$exception",
        "distinct_id": distinct_id,
        "properties": properties,
        "elements_chain": "",
        "timestamp": iso(at),
        "url": f"{PH_PROJECT[company]['url']}/events/{ev_uuid}/{iso(at)}",
    }
    body = {"event": event, "person": person, "project": PH_PROJECT[company]}
    add(company, at, "posthog", {"Content-Type": "application/json"}, body, incident, role)


def ph_person(company: str, distinct_id: str, props: dict) -> dict:
    pid = uid()
    return {
        "id": pid,
        "properties": props,
        "name": props.get("email", distinct_id),
        "url": f"{PH_PROJECT[company]['url']}/person/{distinct_id}",
    }


# --------------------------------------------------------------------------- Splunk

SPLUNK_GUID = "6B1C2E0A-7F44-4A51-9D3E-2C8B55AF1D07"


def splunk(company: str, at: datetime, incident, role: str, *, search: str, result: dict):
    sid = f"scheduler__svc_splunk__search__RMD5{hexid(16)}_at_{int(at.timestamp())}_{RNG.randint(100, 9999)}"
    body = {
        "sid": sid,
        "search_name": search,
        "app": "search",
        "owner": "svc_splunk",
        "results_link": f"https://gorsefield.splunkcloud.com/app/search/@go?sid={sid}",
        "result": result,
    }
    headers = {"Content-Type": "application/json", "User-Agent": f"Splunk/{SPLUNK_GUID}"}
    add(company, at, "splunk", headers, body, incident, role)


def epoch(at: datetime) -> str:
    """The matched event's ``_time``: an epoch-seconds string with a fraction, a little earlier."""
    return f"{at.timestamp() - RNG.randint(20, 170) + RNG.random():.3f}"


# =========================================================================== Grubline (GCP)

D1, D2 = "2026-04-14", "2026-04-15"
ORDERS = ("orders-api", 4507112)
DISPATCH = ("dispatch-api", 4507113)
PRICING = ("pricing-svc", 4507114)
GEO = ("geo-svc", 4507115)
PAYMENTS = ("payments-svc", 4507116)
NOTIFY = ("notifications-worker", 4507117)
RIDER = ("rider-app", 4507120)
COURIER = ("courier-web", 4507121)


def gcp_tags(service: str, env: str = "production", extra: str = "") -> str:
    base = f"env:{env},service:{service},team:marketplace,monitor"
    return base + ("," + extra if extra else "")


def req(method: str, url: str, **headers: str) -> dict:
    return {
        "method": method,
        "url": url,
        "query_string": "",
        "headers": [[k.replace("_", "-"), v] for k, v in headers.items()],
        "env": {},
        "data": None,
    }


def rider_user() -> tuple[str, dict]:
    n = RNG.randint(100000, 999999)
    did = f"rdr_{n}"
    return did, ph_person(G1, did, {"email": f"rider{n}@example.com", "city": "Lisbon"})


def grubline() -> None:
    c = G1
    # ---- g1: Memorystore failover: redis monitor, dispatch (Go) and pricing (Python) errors
    inc = "g-memorystore-failover"
    datadog_rec(
        c,
        t(D1, "07:02"),
        inc,
        "GCP monitor: Memorystore instance connections dropped",
        transition="Triggered",
        monitor="Memorystore connected clients dropped",
        scope="instance_id:grub-redis-prod,project_id:grubline-prod",
        tags="env:production,instance_id:grub-redis-prod,project_id:grubline-prod,"
        "region:europe-west1,team:platform,monitor",
        alert_id="81200431",
        metric="gcp.redis.clients.connected",
        query="avg(last_5m):avg:gcp.redis.clients.connected{project_id:grubline-prod} by "
        "{instance_id} < 20",
        status="gcp.redis.clients.connected 0.0 < 20.0",
        text="Memorystore grub-redis-prod has no connected clients (failover in progress?)",
    )
    sentry_event(
        c,
        t(D1, "07:03", 14),
        inc,
        "Sentry error: dispatch-api Redis connection refused",
        project=DISPATCH,
        platform="go",
        release="dispatch-api@1.42.0",
        exc_type="*net.OpError",
        exc_value="dial tcp 10.44.0.3:6379: connect: connection refused",
        frames=[
            ("net/http/server.go", "(*conn).serve", 2092, "net/http", False, ""),
            (
                "internal/httpapi/assign.go",
                "(*Handler).Assign",
                88,
                "grubline/dispatch/internal/httpapi",
                True,
                "zone, err := h.zones.Lookup(ctx, req.Pickup)",
            ),
            (
                "internal/zones/cache.go",
                "(*Cache).Lookup",
                41,
                "grubline/dispatch/internal/zones",
                True,
                "raw, err := c.rdb.Get(ctx, key).Bytes()",
            ),
            (
                "github.com/redis/go-redis/v9@v9.5.1/redis.go",
                "(*baseClient).process",
                390,
                "github.com/redis/go-redis/v9",
                False,
                "",
            ),
        ],
        tags={"gcp.cloud_run.revision": "dispatch-api-00212-kex", "runtime": "go1.22.2"},
        transaction="POST /v2/assign",
        request=req("POST", "https://dispatch-api-6ozq3pjv4a-ew.a.run.app/v2/assign"),
    )
    sentry_event(
        c,
        t(D1, "07:03", 40),
        inc,
        "Sentry error: pricing-svc redis ConnectionError",
        project=PRICING,
        platform="python",
        release="pricing-svc@3.8.1",
        exc_type="ConnectionError",
        exc_value="Error 111 connecting to 10.44.0.3:6379. Connection refused.",
        frames=[
            ("flask/app.py", "full_dispatch_request", 880, "flask.app", False, ""),
            (
                "pricing/api/quotes.py",
                "create_quote",
                57,
                "pricing.api.quotes",
                True,
                "surge = surge_cache.get_multiplier(zone_id)",
            ),
            (
                "pricing/surge.py",
                "get_multiplier",
                23,
                "pricing.surge",
                True,
                'val = self._redis.get(f"surge:{zone_id}")',
            ),
            ("redis/connection.py", "connect", 357, "redis.connection", False, ""),
        ],
        tags={"server_name": "localhost", "runtime": "CPython 3.12.3"},
        transaction="/v1/quotes",
        logger="",
    )
    datadog_rec(
        c,
        t(D1, "07:05"),
        inc,
        "APM monitor: pricing-svc error rate",
        transition="Triggered",
        monitor="pricing-svc error rate above 5%",
        scope="env:production,service:pricing-svc",
        tags=gcp_tags("pricing-svc"),
        alert_id="81200502",
        metric="trace.flask.request.errors",
        query="sum(last_5m):sum:trace.flask.request.errors{env:production,service:pricing-svc}"
        ".as_count() / sum:trace.flask.request.hits{env:production,service:pricing-svc}"
        ".as_count() > 0.05",
        status="error rate 0.31 > 0.05",
        text="pricing-svc is failing 31% of requests.",
    )
    datadog_rec(
        c,
        t(D1, "07:14"),
        inc,
        "GCP monitor recovered: Memorystore clients back",
        transition="Recovered",
        monitor="Memorystore connected clients dropped",
        scope="instance_id:grub-redis-prod,project_id:grubline-prod",
        tags="env:production,instance_id:grub-redis-prod,project_id:grubline-prod,"
        "region:europe-west1,team:platform,monitor",
        alert_id="81200431",
        metric="gcp.redis.clients.connected",
        query="avg(last_5m):avg:gcp.redis.clients.connected{project_id:grubline-prod} by "
        "{instance_id} < 20",
        status="gcp.redis.clients.connected 184.0 >= 20.0",
        text="Memorystore grub-redis-prod has clients again.",
    )
    # decoy: staging pricing failing at the same minutes on its own Redis (AUTH rotated)
    sentry_event(
        c,
        t(D1, "07:04", 5),
        None,
        "decoy: staging pricing-svc redis AuthenticationError",
        project=PRICING,
        platform="python",
        env="staging",
        release="pricing-svc@3.9.0rc1",
        exc_type="AuthenticationError",
        exc_value="invalid username-password pair or user is disabled.",
        frames=[
            ("flask/app.py", "full_dispatch_request", 880, "flask.app", False, ""),
            (
                "pricing/api/quotes.py",
                "create_quote",
                57,
                "pricing.api.quotes",
                True,
                "surge = surge_cache.get_multiplier(zone_id)",
            ),
            ("redis/connection.py", "on_connect", 400, "redis.connection", False, ""),
        ],
        transaction="/v1/quotes",
    )
    # decoy: a rider offline on the metro, same minutes
    did, person = rider_user()
    posthog(
        c,
        t(D1, "07:06", 31),
        None,
        "decoy: rider app offline fetch failure",
        distinct_id=did,
        person=person,
        platform="web:javascript",
        handled=True,
        props={
            "$lib": "posthog-react-native",
            "$lib_version": "3.3.9",
            "$os": "Android",
            "$os_version": "14",
            "$app_version": "5.11.2",
            "$screen_name": "Home",
            "$network_carrier": "MEO",
        },
        exceptions=[
            (
                "TypeError",
                "Network request failed",
                [
                    ("app:///index.android.bundle", "anonymous", 1, 88213),
                    ("app:///index.android.bundle", "fetchNearbyRestaurants", 1, 402117),
                ],
            )
        ],
    )

    # ---- g2: orders-api bad deploy: callers (rider app) see 500s; resolved after rollback
    inc = "g-orders-bad-deploy"
    iid = sentry_event(
        c,
        t(D1, "07:41", 12),
        inc,
        "Sentry issue alert: orders-api TypeError after deploy",
        resource="event_alert",
        project=ORDERS,
        platform="node",
        release="orders-api@2026.04.14-2",
        exc_type="TypeError",
        exc_value="Cannot read properties of undefined (reading 'lineItems')",
        frames=[
            (
                "node:internal/process/task_queues",
                "process.processTicksAndRejections",
                95,
                None,
                False,
                "",
            ),
            (
                "/app/dist/routes/orders.js",
                "createOrder",
                61,
                "routes:orders",
                True,
                "const total = basket.cart.lineItems.reduce(sum, 0);",
            ),
            (
                "/app/dist/services/basket.js",
                "priceBasket",
                34,
                "services:basket",
                True,
                "return applyPromos(basket.cart.lineItems, promos);",
            ),
        ],
        tags={"gcp.cloud_run.revision": "orders-api-00388-vot", "runtime": "node v20.12.2"},
        transaction="POST /v1/orders",
        request=req("POST", "https://api.grubline.io/v1/orders", User_Agent="okhttp/4.12.0"),
        user={"id": "rdr_551903", "ip_address": "{{auto}}"},
    )
    sentry_issue(
        c,
        t(D1, "07:41", 13),
        inc,
        "Sentry issue created: orders-api TypeError",
        action="created",
        project=ORDERS,
        platform="node",
        short_id="ORDERS-API-4F2",
        issue_id=iid,
        exc_type="TypeError",
        exc_value="Cannot read properties of undefined (reading 'lineItems')",
        culprit="POST /v1/orders",
        filename="/app/dist/services/basket.js",
        function="priceBasket",
        count=1,
        users=1,
        first_seen=t(D1, "07:41", 12),
    )
    datadog_rec(
        c,
        t(D1, "07:44"),
        inc,
        "APM monitor: orders-api POST /v1/orders errors",
        transition="Triggered",
        monitor="High error rate on orders-api",
        scope="resource_name:post_/v1/orders,service:orders-api",
        tags=gcp_tags("orders-api", extra="version:2026.04.14-2"),
        alert_id="81200110",
        metric="trace.express.request.errors",
        query="sum(last_5m):sum:trace.express.request.errors{env:production,service:orders-api}"
        " by {resource_name}.as_count() / sum:trace.express.request.hits{env:production,"
        "service:orders-api} by {resource_name}.as_count() > 0.05",
        status="error rate 0.62 > 0.05",
        text="orders-api POST /v1/orders fails 62% of requests",
        prio="P1",
    )
    did, person = rider_user()
    posthog(
        c,
        t(D1, "07:44", 50),
        inc,
        "PostHog $exception: rider app checkout 500",
        distinct_id=did,
        person=person,
        props={
            "$lib": "posthog-react-native",
            "$lib_version": "3.3.9",
            "$os": "iOS",
            "$os_version": "17.4.1",
            "$app_version": "5.11.2",
            "$screen_name": "Checkout",
            "$device_model": "iPhone15,2",
        },
        exceptions=[
            (
                "AxiosError",
                "Request failed with status code 500",
                [
                    ("app:///main.jsbundle", "settle", 1, 331902),
                    ("app:///main.jsbundle", "placeOrder", 1, 1204411),
                ],
            )
        ],
    )
    sentry_event(
        c,
        t(D1, "07:46", 3),
        inc,
        "Sentry error: rider app checkout AxiosError 500",
        project=RIDER,
        platform="javascript",
        release="com.grubline.rider@5.11.2+512",
        exc_type="AxiosError",
        exc_value="Request failed with status code 500",
        frames=[
            ("app:///main.jsbundle", "placeOrder", 1, None, True, ""),
            ("app:///main.jsbundle", "settle", 1, None, False, ""),
        ],
        tags={"os.name": "iOS", "device": "iPhone15,2", "url": "https://api.grubline.io/v1/orders"},
        contexts={
            "os": {"name": "iOS", "version": "17.4.1", "type": "os"},
            "app": {"app_version": "5.11.2", "type": "app"},
        },
        user={"id": "rdr_228114"},
    )
    # decoy: staging orders-api failing the same minutes on an unrelated migration
    sentry_event(
        c,
        t(D1, "07:45", 20),
        None,
        "decoy: staging orders-api Firestore index missing",
        project=ORDERS,
        platform="node",
        env="staging",
        release="orders-api@2026.04.15-rc1",
        exc_type="Error",
        exc_value="9 FAILED_PRECONDITION: The query requires an index. You can create it here: "
        "https://console.firebase.google.com/v1/r/project/grubline-staging/firestore/indexes?create_composite=Cl",
        frames=[
            (
                "/app/dist/routes/history.js",
                "listHistory",
                22,
                "routes:history",
                True,
                "const snap = await q.get();",
            ),
            (
                "/app/node_modules/@google-cloud/firestore/build/src/reference.js",
                "QueryUtil._get",
                140,
                None,
                False,
                "",
            ),
        ],
        transaction="GET /v1/orders/history",
    )
    # decoy: an orders deploy notice (Datadog event monitor, info)
    datadog_rec(
        c,
        t(D1, "07:39"),
        None,
        "decoy: deploy notice of orders-api (event monitor)",
        transition="Triggered",
        monitor="Cloud Run deploy: new revision serving",
        scope="service_name:orders-api",
        tags="env:production,service:orders-api,source:gcp,monitor",
        alert_id="81209999",
        metric="",
        query='events("source:gcp.run revision").rollup("count").last("5m") > 0',
        status="1 event",
        event_type="event_alert",
        prio="P5",
        text="Revision orders-api-00388-vot now serves 100% of traffic.",
    )
    sentry_issue(
        c,
        t(D1, "08:21", 40),
        inc,
        "Sentry issue resolved after rollback",
        action="resolved",
        project=ORDERS,
        platform="node",
        short_id="ORDERS-API-4F2",
        issue_id=iid,
        exc_type="TypeError",
        exc_value="Cannot read properties of undefined (reading 'lineItems')",
        culprit="POST /v1/orders",
        filename="/app/dist/services/basket.js",
        function="priceBasket",
        count=1844,
        users=611,
        first_seen=t(D1, "07:41", 12),
        actor={"type": "user", "id": 2201934, "name": "Inês Carvalho"},
    )
    datadog_rec(
        c,
        t(D1, "08:24"),
        inc,
        "APM monitor recovered: orders-api",
        transition="Recovered",
        monitor="High error rate on orders-api",
        scope="resource_name:post_/v1/orders,service:orders-api",
        tags=gcp_tags("orders-api", extra="version:2026.04.14-1"),
        alert_id="81200110",
        metric="trace.express.request.errors",
        query="sum(last_5m):sum:trace.express.request.errors{env:production,service:orders-api}"
        " by {resource_name}.as_count() / sum:trace.express.request.hits{env:production,"
        "service:orders-api} by {resource_name}.as_count() > 0.05",
        status="error rate 0.00 <= 0.05",
        text="orders-api POST /v1/orders is healthy again",
        prio="P1",
    )

    # ---- g3: Stripe timeouts in payments-svc (Java); riders' payment sheet fails
    inc = "g-stripe-timeout"
    sentry_event(
        c,
        t(D1, "08:05", 22),
        inc,
        "Sentry error: payments-svc Stripe read timeout",
        project=PAYMENTS,
        platform="java",
        release="payments-svc@7.3.0",
        exc_type="ApiConnectionException",
        exc_value="IOException during API request to Stripe (https://api.stripe.com): Read "
        "timed out Please check your internet connection and try again.",
        chained=[("java.net.SocketTimeoutException", "Read timed out")],
        frames=[
            (
                "PaymentController.java",
                "capture",
                74,
                "io.grubline.payments.web.PaymentController",
                True,
                "",
            ),
            (
                "ChargeService.java",
                "captureIntent",
                118,
                "io.grubline.payments.stripe.ChargeService",
                True,
                "",
            ),
            ("PaymentIntent.java", "capture", 812, "com.stripe.model.PaymentIntent", False, ""),
            (
                "HttpURLConnectionClient.java",
                "request",
                101,
                "com.stripe.net.HttpURLConnectionClient",
                False,
                "",
            ),
        ],
        tags={"gcp.cloud_run.revision": "payments-svc-00071-miz"},
        transaction="POST /payments/{id}/capture",
    )
    datadog_rec(
        c,
        t(D1, "08:07"),
        inc,
        "APM monitor: payments-svc capture latency",
        transition="Triggered",
        monitor="payments-svc p95 latency above 8s",
        scope="resource_name:post_/payments/?/capture,service:payments-svc",
        tags=gcp_tags("payments-svc", extra="team:payments"),
        alert_id="81200777",
        metric="trace.servlet.request",
        query="percentile(last_10m):p95:trace.servlet.request{env:production,service:payments-svc}"
        " by {resource_name} > 8",
        status="p95 latency 19.8s > 8s",
        text="Captures are slow; Stripe calls are timing out.",
    )
    did, person = rider_user()
    posthog(
        c,
        t(D1, "08:08", 9),
        inc,
        "PostHog $exception: rider app payment sheet timeout",
        distinct_id=did,
        person=person,
        props={
            "$lib": "posthog-react-native",
            "$lib_version": "3.3.9",
            "$os": "Android",
            "$os_version": "13",
            "$app_version": "5.11.2",
            "$screen_name": "Payment",
        },
        exceptions=[
            (
                "PaymentError",
                "Payment could not be captured (504 from /payments/capture)",
                [("app:///index.android.bundle", "confirmPayment", 1, 1510022)],
            )
        ],
    )
    sentry_event(
        c,
        t(D1, "08:11", 44),
        inc,
        "Sentry error: payments-svc timeout again (other order)",
        project=PAYMENTS,
        platform="java",
        release="payments-svc@7.3.0",
        exc_type="ApiConnectionException",
        exc_value="IOException during API request to Stripe (https://api.stripe.com): connect "
        "timed out Please check your internet connection and try again.",
        chained=[("java.net.SocketTimeoutException", "connect timed out")],
        frames=[
            (
                "RefundController.java",
                "refund",
                52,
                "io.grubline.payments.web.RefundController",
                True,
                "",
            ),
            (
                "RefundService.java",
                "refund",
                66,
                "io.grubline.payments.stripe.RefundService",
                True,
                "",
            ),
            ("Refund.java", "create", 410, "com.stripe.model.Refund", False, ""),
            (
                "HttpURLConnectionClient.java",
                "request",
                101,
                "com.stripe.net.HttpURLConnectionClient",
                False,
                "",
            ),
        ],
        transaction="POST /refunds",
    )
    # decoy: card declined, a handled warning in the same minutes
    sentry_event(
        c,
        t(D1, "08:06", 30),
        None,
        "decoy: card declined warning (payments-svc)",
        project=PAYMENTS,
        platform="java",
        release="payments-svc@7.3.0",
        level="warning",
        handled=True,
        exc_type="CardException",
        exc_value="Your card was declined.; code: card_declined; request-id: req_" + hexid(14),
        frames=[
            (
                "ChargeService.java",
                "confirm",
                90,
                "io.grubline.payments.stripe.ChargeService",
                True,
                "",
            ),
            ("PaymentIntent.java", "confirm", 770, "com.stripe.model.PaymentIntent", False, ""),
        ],
        transaction="POST /payments/{id}/confirm",
    )

    # ---- g4: Pub/Sub backlog on dispatch requests: couriers get no offers
    inc = "g-dispatch-pubsub-backlog"
    datadog_rec(
        c,
        t(D1, "08:31"),
        inc,
        "GCP monitor: Pub/Sub dispatch-requests backlog",
        transition="Triggered",
        monitor="Pub/Sub undelivered messages high",
        scope="project_id:grubline-prod,subscription_id:dispatch-requests-push",
        tags="env:production,project_id:grubline-prod,subscription_id:dispatch-requests-push,"
        "topic_id:dispatch-requests,team:marketplace,monitor",
        alert_id="81200620",
        metric="gcp.pubsub.subscription.num_undelivered_messages",
        query="max(last_10m):max:gcp.pubsub.subscription.num_undelivered_messages"
        "{project_id:grubline-prod} by {subscription_id} > 2000",
        status="num_undelivered_messages 14872 > 2000",
        text="Dispatch requests are piling up on dispatch-requests-push.",
    )
    sentry_event(
        c,
        t(D1, "08:32", 18),
        inc,
        "Sentry error: dispatch-api push handler deadline",
        project=DISPATCH,
        platform="go",
        release="dispatch-api@1.42.0",
        exc_type="*errors.errorString",
        exc_value="assign courier: context deadline exceeded",
        frames=[
            (
                "internal/pubsubpush/handler.go",
                "(*Push).ServeHTTP",
                57,
                "grubline/dispatch/internal/pubsubpush",
                True,
                "if err := p.assign(ctx, msg); err != nil {",
            ),
            (
                "internal/matching/matcher.go",
                "(*Matcher).Best",
                133,
                "grubline/dispatch/internal/matching",
                True,
                "cands, err := m.geo.Nearby(ctx, pickup, 3000)",
            ),
        ],
        transaction="POST /_push/dispatch-requests",
        tags={"subscription": "dispatch-requests-push"},
    )
    posthog(
        c,
        t(D1, "08:34", 2),
        inc,
        "PostHog $exception: courier web no offers",
        distinct_id="courier_20931",
        person=ph_person(
            G1, "courier_20931", {"email": "r.mendes@couriers.grubline.io", "vehicle": "moto"}
        ),
        props={
            "$lib": "web",
            "$lib_version": "1.116.4",
            "$current_url": "https://couriers.grubline.io/shift/active",
            "$pathname": "/shift/active",
            "$browser": "Chrome",
            "$browser_version": 124,
            "$os": "Android",
        },
        exceptions=[
            (
                "OfferTimeoutError",
                "No offer received within 120s while online",
                [("https://couriers.grubline.io/assets/shift-CZ1kq9.js", "pollOffers", 1, 4410)],
            )
        ],
        handled=True,
    )
    datadog_rec(
        c,
        t(D1, "08:36"),
        inc,
        "APM monitor: dispatch-api push latency",
        transition="Triggered",
        monitor="dispatch-api p99 latency",
        scope="resource_name:post_/_push/dispatch-requests,service:dispatch-api",
        tags=gcp_tags("dispatch-api"),
        alert_id="81200633",
        metric="trace.http.request",
        query="percentile(last_5m):p99:trace.http.request{env:production,service:dispatch-api} by "
        "{resource_name} > 5",
        status="p99 12.4s > 5s",
        text="dispatch-api push endpoint slow.",
    )
    datadog_rec(
        c,
        t(D1, "09:06"),
        inc,
        "GCP monitor recovered: Pub/Sub backlog drained",
        transition="Recovered",
        monitor="Pub/Sub undelivered messages high",
        scope="project_id:grubline-prod,subscription_id:dispatch-requests-push",
        tags="env:production,project_id:grubline-prod,subscription_id:dispatch-requests-push,"
        "topic_id:dispatch-requests,team:marketplace,monitor",
        alert_id="81200620",
        metric="gcp.pubsub.subscription.num_undelivered_messages",
        query="max(last_10m):max:gcp.pubsub.subscription.num_undelivered_messages"
        "{project_id:grubline-prod} by {subscription_id} > 2000",
        status="num_undelivered_messages 120 <= 2000",
        text="Backlog drained.",
    )
    # decoy: staging project Pub/Sub backlog (nobody consumes staging at night)
    datadog_rec(
        c,
        t(D1, "08:33"),
        None,
        "decoy: staging Pub/Sub backlog",
        transition="Triggered",
        monitor="Pub/Sub undelivered messages high",
        scope="project_id:grubline-staging,subscription_id:dispatch-requests-push",
        tags="env:staging,project_id:grubline-staging,subscription_id:dispatch-requests-push,"
        "topic_id:dispatch-requests,team:marketplace,monitor",
        alert_id="81200620",
        metric="gcp.pubsub.subscription.num_undelivered_messages",
        query="max(last_10m):max:gcp.pubsub.subscription.num_undelivered_messages"
        "{project_id:grubline-staging} by {subscription_id} > 2000",
        status="num_undelivered_messages 2210 > 2000",
        prio="P4",
        text="Staging dispatch requests piling up.",
    )
    # decoy: courier web benign ResizeObserver noise
    posthog(
        c,
        t(D1, "08:35", 40),
        None,
        "decoy: courier web ResizeObserver noise",
        distinct_id="courier_11872",
        person=None,
        props={
            "$lib": "web",
            "$lib_version": "1.116.4",
            "$current_url": "https://couriers.grubline.io/earnings",
            "$pathname": "/earnings",
            "$browser": "Safari",
            "$os": "iOS",
        },
        exceptions=[("Error", "ResizeObserver loop completed with undelivered notifications.", [])],
    )

    # ---- g5: pricing-svc OOM on Cloud Run; orders-api callers get 503
    inc = "g-pricing-oom"
    datadog_rec(
        c,
        t(D1, "09:10"),
        inc,
        "GCP monitor: Cloud Run pricing-svc memory",
        transition="Triggered",
        monitor="Cloud Run container memory utilization high",
        scope="project_id:grubline-prod,service_name:pricing-svc",
        tags="env:production,project_id:grubline-prod,service_name:pricing-svc,"
        "location:europe-west1,monitor",
        alert_id="81200840",
        metric="gcp.run.container.memory.utilizations",
        query="avg(last_5m):p99:gcp.run.container.memory.utilizations{project_id:grubline-prod} "
        "by {service_name} > 0.95",
        status="memory utilization 0.99 > 0.95",
        text="Containers of pricing-svc are at their memory limit (1 GiB); instances restarting.",
    )
    sentry_metric(
        c,
        t(D1, "09:12"),
        inc,
        "Sentry metric alert critical: pricing-svc errors",
        action="critical",
        name="pricing-svc errors spike",
        aggregate="count()",
        query="event.type:error",
        env="production",
        projects=["pricing-svc"],
        threshold=50,
        value=212,
        rule_id=30411,
        alert_id=771203,
        started=t(D1, "09:12"),
    )
    sentry_event(
        c,
        t(D1, "09:12", 35),
        inc,
        "Sentry error: orders-api pricing 503",
        project=ORDERS,
        platform="node",
        release="orders-api@2026.04.14-1",
        exc_type="HTTPError",
        exc_value="Response code 503 (Service Unavailable) from https://pricing-svc-6ozq3pjv4a-ew.a.run.app/v1/quotes",
        frames=[
            (
                "/app/dist/routes/orders.js",
                "quote",
                30,
                "routes:orders",
                True,
                "const q = await pricing.quote(basket);",
            ),
            (
                "/app/dist/clients/pricing.js",
                "PricingClient.quote",
                18,
                "clients:pricing",
                True,
                "return got.post(`${this.base}/v1/quotes`, { json }).json();",
            ),
            (
                "/app/node_modules/got/dist/source/as-promise/index.js",
                "Request.<anonymous>",
                118,
                None,
                False,
                "",
            ),
        ],
        transaction="POST /v1/orders/quote",
    )
    did, person = rider_user()
    posthog(
        c,
        t(D1, "09:13", 20),
        inc,
        "PostHog $exception: rider app quote failed",
        distinct_id=did,
        person=person,
        props={
            "$lib": "posthog-react-native",
            "$lib_version": "3.3.9",
            "$os": "iOS",
            "$app_version": "5.11.2",
            "$screen_name": "Basket",
        },
        exceptions=[
            (
                "AxiosError",
                "Request failed with status code 503",
                [("app:///main.jsbundle", "fetchQuote", 1, 1187733)],
            )
        ],
    )
    sentry_metric(
        c,
        t(D1, "09:31"),
        inc,
        "Sentry metric alert resolved: pricing-svc errors",
        action="resolved",
        name="pricing-svc errors spike",
        aggregate="count()",
        query="event.type:error",
        env="production",
        projects=["pricing-svc"],
        threshold=50,
        value=4,
        rule_id=30411,
        alert_id=771203,
        started=t(D1, "09:12"),
    )
    # decoy: geo-svc polyline bug in the same minutes
    sentry_event(
        c,
        t(D1, "09:11", 50),
        None,
        "decoy: geo-svc ValueError on a bad polyline",
        project=GEO,
        platform="python",
        release="geo-svc@2.0.7",
        exc_type="ValueError",
        exc_value="invalid polyline: unexpected end of string at offset 41",
        frames=[
            (
                "geo/api/routes.py",
                "eta",
                77,
                "geo.api.routes",
                True,
                "pts = polyline.decode(body['route'])",
            ),
            ("polyline/codec.py", "decode", 38, "polyline.codec", False, ""),
        ],
        transaction="/v1/eta",
    )
    # decoy: courier-web Cloud Run instance count warn that recovers alone
    for at, tr, st in (
        (t(D1, "09:20"), "Warn", "instance_count 38 > 30"),
        (t(D1, "09:34"), "Recovered", "instance_count 12 <= 30"),
    ):
        datadog_rec(
            c,
            at,
            None,
            f"decoy: courier-web instance count {tr.lower()}",
            transition=tr,
            monitor="Cloud Run instance count high",
            scope="project_id:grubline-prod,service_name:courier-web",
            tags="env:production,project_id:grubline-prod,service_name:courier-web,monitor",
            alert_id="81200902",
            metric="gcp.run.container.instance_count",
            query="avg(last_10m):sum:gcp.run.container.instance_count{project_id:grubline-prod} "
            "by {service_name} > 40",
            status=st,
            prio="P4",
            text="Lunch rush scaling on courier-web.",
        )

    # ---- g6: Firestore contention on orders documents
    inc = "g-firestore-contention"
    datadog_rec(
        c,
        t(D1, "09:46"),
        inc,
        "GCP monitor: Firestore ABORTED responses",
        transition="Triggered",
        monitor="Firestore aborted transactions",
        scope="project_id:grubline-prod,response_code:ABORTED",
        tags="env:production,project_id:grubline-prod,database_id:(default),monitor",
        alert_id="81201010",
        metric="gcp.firestore.api.request_count",
        query="sum(last_5m):sum:gcp.firestore.api.request_count{project_id:grubline-prod,"
        "response_code:aborted}.as_count() > 300",
        status="aborted 1204 > 300",
        text="Firestore is aborting transactions: hot documents?",
    )
    sentry_event(
        c,
        t(D1, "09:47", 10),
        inc,
        "Sentry error: orders-api Firestore contention",
        project=ORDERS,
        platform="node",
        release="orders-api@2026.04.14-1",
        exc_type="Error",
        exc_value="10 ABORTED: Too much contention on these documents. Please try again.",
        frames=[
            (
                "/app/dist/services/status.js",
                "advanceStatus",
                44,
                "services:status",
                True,
                "await db.runTransaction(async (tx) => {",
            ),
            (
                "/app/node_modules/@google-cloud/firestore/build/src/transaction.js",
                "Transaction.runTransaction",
                392,
                None,
                False,
                "",
            ),
        ],
        transaction="PATCH /v1/orders/:id/status",
    )
    sentry_event(
        c,
        t(D1, "09:49", 2),
        inc,
        "Sentry error: courier-web status update rejected",
        project=COURIER,
        platform="javascript",
        release="courier-web@2026.04.10",
        exc_type="ApiError",
        exc_value="PATCH /v1/orders/ord_7Hq2/status failed: 409 Conflict (ABORTED)",
        frames=[
            (
                "https://couriers.grubline.io/assets/index-B8a1xZ.js",
                "markPickedUp",
                1,
                None,
                True,
                "",
            ),
            ("https://couriers.grubline.io/assets/index-B8a1xZ.js", "request", 1, None, True, ""),
        ],
        tags={"browser": "Chrome Mobile 124", "url": "https://couriers.grubline.io/shift/active"},
        user={"id": "courier_30388"},
    )

    # ---- day 2 ----------------------------------------------------------------------
    # ---- g7: TLS certificate of couriers API expired
    inc = "g-couriers-cert-expired"
    datadog_rec(
        c,
        t(D2, "06:10"),
        inc,
        "Synthetics/SSL check: couriers-api certificate expired",
        transition="Triggered",
        monitor="SSL certificate on couriers-api.grubline.io",
        scope="instance:couriers_api_tls,url:https://couriers-api.grubline.io",
        tags="env:production,service:couriers-api,check:tls,monitor",
        alert_id="81201300",
        metric="tls.cert_expiration",
        query='"tls.cert_expiration".over('
        '"instance:couriers_api_tls").by("url").last(2).count_by_status()',
        status="CRITICAL: certificate expired 10 minutes ago",
        event_type="service_check",
        prio="P1",
        text="The certificate for couriers-api.grubline.io expired at 06:00 UTC.",
    )
    posthog(
        c,
        t(D2, "06:11", 15),
        inc,
        "PostHog $exception: courier web Failed to fetch",
        distinct_id="courier_20931",
        person=ph_person(G1, "courier_20931", {"email": "r.mendes@couriers.grubline.io"}),
        props={
            "$lib": "web",
            "$lib_version": "1.116.4",
            "$current_url": "https://couriers.grubline.io/shift/start",
            "$pathname": "/shift/start",
            "$browser": "Chrome",
            "$os": "Android",
        },
        exceptions=[
            (
                "TypeError",
                "Failed to fetch",
                [("https://couriers.grubline.io/assets/index-B8a1xZ.js", "startShift", 1, 88120)],
            )
        ],
    )
    sentry_event(
        c,
        t(D2, "06:12", 3),
        inc,
        "Sentry error: courier-web Load failed (Safari)",
        resource="event_alert",
        project=COURIER,
        platform="javascript",
        release="courier-web@2026.04.10",
        exc_type="TypeError",
        exc_value="Load failed",
        frames=[
            ("https://couriers.grubline.io/assets/index-B8a1xZ.js", "startShift", 1, None, True, "")
        ],
        tags={"browser": "Mobile Safari 17.4", "url": "https://couriers.grubline.io/shift/start"},
        user={"id": "courier_44120"},
        rule="Courier web: any new issue",
    )
    posthog(
        c,
        t(D2, "06:14", 48),
        inc,
        "PostHog $exception: courier web NetworkError (Firefox)",
        distinct_id="courier_51100",
        person=None,
        props={
            "$lib": "web",
            "$lib_version": "1.116.4",
            "$current_url": "https://couriers.grubline.io/shift/start",
            "$pathname": "/shift/start",
            "$browser": "Firefox",
            "$os": "Android",
        },
        exceptions=[
            (
                "TypeError",
                "NetworkError when attempting to fetch resource.",
                [("https://couriers.grubline.io/assets/index-B8a1xZ.js", "startShift", 1, 88120)],
            )
        ],
    )
    datadog_rec(
        c,
        t(D2, "06:41"),
        inc,
        "SSL check recovered after renewal",
        transition="Recovered",
        monitor="SSL certificate on couriers-api.grubline.io",
        scope="instance:couriers_api_tls,url:https://couriers-api.grubline.io",
        tags="env:production,service:couriers-api,check:tls,monitor",
        alert_id="81201300",
        metric="tls.cert_expiration",
        query='"tls.cert_expiration".over('
        '"instance:couriers_api_tls").by("url").last(2).count_by_status()',
        status="OK: certificate valid for 89 days",
        event_type="service_check",
        prio="P1",
        text="Certificate renewed.",
    )
    # decoy: Datadog agent heartbeat recovered; info
    datadog_rec(
        c,
        t(D2, "06:13"),
        None,
        "decoy: heartbeat monitor OK",
        transition="Recovered",
        monitor="Heartbeat: cron exporter alive",
        scope="service:cron-exporter",
        tags="env:production,service:cron-exporter,monitor",
        alert_id="81200001",
        metric="custom.heartbeat",
        query="sum(last_15m):sum:custom.heartbeat{service:cron-exporter}.as_count() < 1",
        status="heartbeat 3 >= 1",
        prio="P5",
        text="Heartbeat received.",
    )

    # ---- g8: Google Maps quota in geo-svc, recovers, then re-fires after a lull
    inc = "g-geo-maps-quota"
    geo_frames = [
        (
            "geo/api/routes.py",
            "eta",
            70,
            "geo.api.routes",
            True,
            "legs = maps.directions(origin, dest, mode='driving')",
        ),
        (
            "geo/maps.py",
            "directions",
            31,
            "geo.maps",
            True,
            "return self._client.directions(o, d, mode=mode)",
        ),
        ("googlemaps/client.py", "_request", 340, "googlemaps.client", False, ""),
    ]
    giid = sentry_event(
        c,
        t(D2, "07:00", 20),
        inc,
        "Sentry issue alert: geo-svc OVER_QUERY_LIMIT",
        resource="event_alert",
        project=GEO,
        platform="python",
        release="geo-svc@2.0.7",
        exc_type="ApiError",
        exc_value="OVER_QUERY_LIMIT (You have exceeded your rate-limit for this API.)",
        frames=geo_frames,
        transaction="/v1/eta",
    )
    datadog_rec(
        c,
        t(D2, "07:02"),
        inc,
        "APM monitor: geo-svc errors",
        transition="Triggered",
        monitor="geo-svc error rate above 5%",
        scope="env:production,service:geo-svc",
        tags=gcp_tags("geo-svc"),
        alert_id="81200550",
        metric="trace.flask.request.errors",
        query="sum(last_5m):sum:trace.flask.request.errors{env:production,service:geo-svc}"
        ".as_count() / sum:trace.flask.request.hits{env:production,service:geo-svc}.as_count() > 0.05",
        status="error rate 0.44 > 0.05",
        text="geo-svc ETA requests failing.",
    )
    datadog_rec(
        c,
        t(D2, "07:19"),
        inc,
        "APM monitor recovered: geo-svc",
        transition="Recovered",
        monitor="geo-svc error rate above 5%",
        scope="env:production,service:geo-svc",
        tags=gcp_tags("geo-svc"),
        alert_id="81200550",
        metric="trace.flask.request.errors",
        query="sum(last_5m):sum:trace.flask.request.errors{env:production,service:geo-svc}"
        ".as_count() / sum:trace.flask.request.hits{env:production,service:geo-svc}.as_count() > 0.05",
        status="error rate 0.01 <= 0.05",
        text="geo-svc healthy.",
    )
    datadog_rec(
        c,
        t(D2, "07:52"),
        inc,
        "APM monitor re-fires: geo-svc errors again",
        transition="Triggered",
        monitor="geo-svc error rate above 5%",
        scope="env:production,service:geo-svc",
        tags=gcp_tags("geo-svc"),
        alert_id="81200550",
        metric="trace.flask.request.errors",
        cycle_tag=1,
        query="sum(last_5m):sum:trace.flask.request.errors{env:production,service:geo-svc}"
        ".as_count() / sum:trace.flask.request.hits{env:production,service:geo-svc}.as_count() > 0.05",
        status="error rate 0.38 > 0.05",
        text="geo-svc ETA requests failing.",
    )
    sentry_issue(
        c,
        t(D2, "07:53", 5),
        inc,
        "Sentry issue regressed: geo-svc OVER_QUERY_LIMIT",
        action="unresolved",
        project=GEO,
        platform="python",
        short_id="GEO-SVC-1C",
        issue_id=giid,
        exc_type="ApiError",
        exc_value="OVER_QUERY_LIMIT (You have exceeded your rate-limit for this API.)",
        culprit="/v1/eta",
        filename="googlemaps/client.py",
        function="_request",
        count=3120,
        users=0,
        first_seen=t(D2, "07:00", 20),
    )
    sentry_event(
        c,
        t(D2, "07:54", 41),
        inc,
        "Sentry error: dispatch-api ETA fallback failed",
        project=DISPATCH,
        platform="go",
        release="dispatch-api@1.42.1",
        exc_type="*geo.StatusError",
        exc_value="geo-svc /v1/eta: 502 Bad Gateway",
        frames=[
            (
                "internal/matching/matcher.go",
                "(*Matcher).rank",
                160,
                "grubline/dispatch/internal/matching",
                True,
                "eta, err := m.geo.ETA(ctx, c.Pos, pickup)",
            ),
            (
                "internal/geo/client.go",
                "(*Client).ETA",
                48,
                "grubline/dispatch/internal/geo",
                True,
                "return nil, &StatusError{Code: resp.StatusCode}",
            ),
        ],
        transaction="POST /v2/assign",
    )

    # ---- g9: notifications-worker fails on a Firestore index after its deploy
    inc = "g-notify-index"
    sentry_event(
        c,
        t(D2, "08:30", 7),
        inc,
        "Sentry error: notifications-worker missing index",
        project=NOTIFY,
        platform="node",
        release="notifications-worker@1.19.0",
        exc_type="Error",
        exc_value="9 FAILED_PRECONDITION: The query requires an index. You can create it here: "
        "https://console.firebase.google.com/v1/r/project/grubline-prod/firestore/indexes?create_composite=Cl",
        frames=[
            (
                "/app/dist/handlers/orderEvents.js",
                "onOrderEvent",
                31,
                "handlers:orderEvents",
                True,
                "const devices = await devicesFor(order.riderId);",
            ),
            (
                "/app/dist/repo/devices.js",
                "devicesFor",
                12,
                "repo:devices",
                True,
                ".where('active','==',true).orderBy('lastSeen','desc').get()",
            ),
        ],
        transaction="POST /pubsub/order-events",
    )
    datadog_rec(
        c,
        t(D2, "08:34"),
        inc,
        "GCP monitor: order-events notifications oldest unacked",
        transition="Triggered",
        monitor="Pub/Sub oldest unacked message age",
        scope="project_id:grubline-prod,subscription_id:order-events-notifications",
        tags="env:production,project_id:grubline-prod,subscription_id:order-events-notifications,"
        "topic_id:order-events,monitor",
        alert_id="81200644",
        metric="gcp.pubsub.subscription.oldest_unacked_message_age",
        query="max(last_10m):max:gcp.pubsub.subscription.oldest_unacked_message_age"
        "{project_id:grubline-prod} by {subscription_id} > 600",
        status="oldest unacked 912s > 600s",
        text="Notifications are not being acknowledged.",
    )
    sentry_metric(
        c,
        t(D2, "08:36"),
        inc,
        "Sentry metric alert critical: notifications-worker failures",
        action="critical",
        name="notifications-worker failures",
        aggregate="count()",
        query="",
        env="production",
        projects=["notifications-worker"],
        threshold=100,
        value=644,
        rule_id=30477,
        alert_id=771388,
        started=t(D2, "08:36"),
    )
    # decoy: a deploy notice of notifications-worker? no: of courier-web, same minutes
    datadog_rec(
        c,
        t(D2, "08:31"),
        None,
        "decoy: courier-web deploy notice",
        transition="Triggered",
        monitor="Cloud Run deploy: new revision serving",
        scope="service_name:courier-web",
        tags="env:production,service:courier-web,source:gcp,monitor",
        alert_id="81209999",
        metric="",
        query='events("source:gcp.run revision").rollup("count").last("5m") > 0',
        status="1 event",
        event_type="event_alert",
        prio="P5",
        text="Revision courier-web-00140-paz now serves 100% of traffic.",
    )

    # ---- g10: rider app release 5.12.0 crashes on the trip tracker
    inc = "g-rider-release-crash"
    did, person = rider_user()
    posthog(
        c,
        t(D2, "09:15", 33),
        inc,
        "PostHog $exception: rider app TripTracker crash",
        distinct_id=did,
        person=person,
        props={
            "$lib": "posthog-react-native",
            "$lib_version": "3.4.0",
            "$os": "Android",
            "$os_version": "14",
            "$app_version": "5.12.0",
            "$app_build": "520",
            "$screen_name": "TripTracker",
        },
        exceptions=[
            (
                "TypeError",
                "undefined is not a function",
                [
                    ("app:///index.android.bundle", "TripTracker", 1, 702231),
                    ("app:///index.android.bundle", "useCourierPosition", 1, 699410),
                ],
            )
        ],
    )
    riid = sentry_event(
        c,
        t(D2, "09:16", 2),
        inc,
        "Sentry issue alert: rider app TripTracker TypeError",
        resource="event_alert",
        project=RIDER,
        platform="javascript",
        release="com.grubline.rider@5.12.0+520",
        exc_type="TypeError",
        exc_value="undefined is not a function",
        frames=[
            ("app:///index.android.bundle", "useCourierPosition", 1, None, True, ""),
            ("app:///index.android.bundle", "TripTracker", 1, None, True, ""),
        ],
        tags={"os.name": "Android", "device": "SM-S911B", "dist": "520"},
        user={"id": "rdr_730021"},
        rule="Rider app: new issue in a new release",
    )
    sentry_issue(
        c,
        t(D2, "09:16", 3),
        inc,
        "Sentry issue created: rider app TripTracker",
        action="created",
        project=RIDER,
        platform="javascript",
        short_id="RIDER-APP-9K",
        issue_id=riid,
        exc_type="TypeError",
        exc_value="undefined is not a function",
        culprit="useCourierPosition(app:///index.android.bundle)",
        filename="app:///index.android.bundle",
        function="useCourierPosition",
        count=1,
        users=1,
        first_seen=t(D2, "09:16", 2),
    )
    sentry_metric(
        c,
        t(D2, "09:25"),
        inc,
        "Sentry metric alert: crash free sessions below 99%",
        action="critical",
        name="Rider app crash-free sessions",
        query="",
        aggregate="percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate",
        env="production",
        projects=["rider-app"],
        threshold=1,
        value=3.7,
        rule_id=30502,
        alert_id=771401,
        started=t(D2, "09:25"),
        window=60,
    )
    # decoy: a ChunkLoadError in courier web the same minutes after its deploy
    posthog(
        c,
        t(D2, "09:17", 10),
        None,
        "decoy: courier web stale chunk after deploy",
        distinct_id="courier_67001",
        person=None,
        props={
            "$lib": "web",
            "$lib_version": "1.116.4",
            "$current_url": "https://couriers.grubline.io/earnings",
            "$pathname": "/earnings",
            "$browser": "Chrome",
            "$os": "Android",
        },
        exceptions=[
            (
                "Error",
                "Failed to fetch dynamically imported module: "
                "https://couriers.grubline.io/assets/earnings-9fQk2a.js",
                [],
            )
        ],
    )

    # ---- g11: dispatch-api bad deploy (nil pointer) hits orders-api and courier web
    inc = "g-dispatch-nil-deploy"
    sentry_event(
        c,
        t(D2, "10:02", 9),
        inc,
        "Sentry error: dispatch-api panic after deploy",
        project=DISPATCH,
        platform="go",
        release="dispatch-api@1.43.0",
        exc_type="runtime.Error",
        exc_value="runtime error: invalid memory address or nil pointer dereference",
        frames=[
            ("net/http/server.go", "(*conn).serve", 2092, "net/http", False, ""),
            (
                "internal/httpapi/assign.go",
                "(*Handler).Assign",
                95,
                "grubline/dispatch/internal/httpapi",
                True,
                "offer := h.matcher.Offer(ctx, best)",
            ),
            (
                "internal/matching/offer.go",
                "(*Matcher).Offer",
                27,
                "grubline/dispatch/internal/matching",
                True,
                "if best.Vehicle.Capacity < need {",
            ),
        ],
        tags={"gcp.cloud_run.revision": "dispatch-api-00219-fib"},
        transaction="POST /v2/assign",
    )
    datadog_rec(
        c,
        t(D2, "10:04"),
        inc,
        "APM monitor: dispatch-api errors",
        transition="Triggered",
        monitor="High error rate on dispatch-api",
        scope="resource_name:post_/v2/assign,service:dispatch-api",
        tags=gcp_tags("dispatch-api", extra="version:1.43.0"),
        alert_id="81200640",
        metric="trace.http.request.errors",
        query="sum(last_5m):sum:trace.http.request.errors{env:production,service:dispatch-api} by "
        "{resource_name}.as_count() / sum:trace.http.request.hits{env:production,service:dispatch-api}"
        " by {resource_name}.as_count() > 0.05",
        status="error rate 0.71 > 0.05",
        prio="P1",
        text="dispatch-api /v2/assign failing.",
    )
    sentry_event(
        c,
        t(D2, "10:04", 30),
        inc,
        "Sentry error: orders-api dispatch 502",
        project=ORDERS,
        platform="node",
        release="orders-api@2026.04.15-1",
        exc_type="HTTPError",
        exc_value="Response code 502 (Bad Gateway) from https://dispatch-api-6ozq3pjv4a-ew.a.run.app/v2/assign",
        frames=[
            (
                "/app/dist/services/checkout.js",
                "requestCourier",
                71,
                "services:checkout",
                True,
                "await dispatch.assign(order);",
            ),
            (
                "/app/node_modules/got/dist/source/as-promise/index.js",
                "Request.<anonymous>",
                118,
                None,
                False,
                "",
            ),
        ],
        transaction="POST /v1/orders",
    )
    posthog(
        c,
        t(D2, "10:06", 12),
        inc,
        "PostHog $exception: courier web offer accept 502",
        distinct_id="courier_30388",
        person=ph_person(G1, "courier_30388", {"email": "d.faria@couriers.grubline.io"}),
        props={
            "$lib": "web",
            "$lib_version": "1.116.4",
            "$current_url": "https://couriers.grubline.io/shift/active",
            "$pathname": "/shift/active",
            "$browser": "Chrome",
            "$os": "Android",
        },
        exceptions=[
            (
                "ApiError",
                "POST /v2/offers/accept failed: 502",
                [("https://couriers.grubline.io/assets/shift-CZ1kq9.js", "acceptOffer", 1, 5120)],
            )
        ],
    )
    datadog_rec(
        c,
        t(D2, "10:19"),
        inc,
        "APM monitor recovered: dispatch-api rolled back",
        transition="Recovered",
        monitor="High error rate on dispatch-api",
        scope="resource_name:post_/v2/assign,service:dispatch-api",
        tags=gcp_tags("dispatch-api", extra="version:1.42.1"),
        alert_id="81200640",
        metric="trace.http.request.errors",
        query="sum(last_5m):sum:trace.http.request.errors{env:production,service:dispatch-api} by "
        "{resource_name}.as_count() / sum:trace.http.request.hits{env:production,service:dispatch-api}"
        " by {resource_name}.as_count() > 0.05",
        status="error rate 0.00 <= 0.05",
        prio="P1",
        text="dispatch-api healthy.",
    )
    # decoys in the same minutes: staging dispatch panics on a different bug; rider offline
    sentry_event(
        c,
        t(D2, "10:03", 0),
        None,
        "decoy: staging dispatch-api index out of range",
        project=DISPATCH,
        platform="go",
        env="staging",
        release="dispatch-api@1.44.0-rc.1",
        exc_type="runtime.boundsError",
        exc_value="runtime error: index out of range [3] with length 3",
        frames=[
            (
                "internal/batching/batch.go",
                "(*Batcher).split",
                61,
                "grubline/dispatch/internal/batching",
                True,
                "next := orders[i+1]",
            ),
        ],
        transaction="POST /v2/batch",
    )
    sentry_event(
        c,
        t(D2, "10:05", 40),
        None,
        "decoy: payments-svc webhook signature mismatch",
        project=PAYMENTS,
        platform="java",
        release="payments-svc@7.3.0",
        level="warning",
        handled=True,
        exc_type="SignatureVerificationException",
        exc_value="No signatures found matching the expected signature for payload",
        frames=[
            (
                "StripeWebhookController.java",
                "receive",
                40,
                "io.grubline.payments.web.StripeWebhookController",
                True,
                "",
            ),
            ("Webhook.java", "constructEvent", 66, "com.stripe.net.Webhook", False, ""),
        ],
        transaction="POST /stripe/webhook",
    )
    sentry_issue(
        c,
        t(D2, "10:10", 0),
        None,
        "decoy: old courier-web issue resolved by a person",
        action="resolved",
        project=COURIER,
        platform="javascript",
        short_id="COURIER-WEB-2A",
        issue_id=digits(10),
        exc_type="TypeError",
        exc_value="Cannot read properties of null (reading 'getBoundingClientRect')",
        culprit="MapView(assets/map-Dk2.js)",
        filename="assets/map-Dk2.js",
        function="MapView",
        count=41,
        users=12,
        first_seen=t("2026-04-02", "13:10"),
        actor={"type": "user", "id": 2201977, "name": "Tomás Reis"},
    )


# =========================================================================== Gorsefield (Azure)

E1, E2 = "2026-04-21", "2026-04-22"
GFS = ("gorsefield-retail", 4508801)
HOSTS = {
    "checkout-api": "aks-userpool-31877206-vmss000004",
    "inventory-svc": "aks-userpool-31877206-vmss000002",
    "loyalty-svc": "aks-userpool-31877206-vmss00000a",
    "pos-gateway": "aks-userpool-31877206-vmss000007",
    "catalog-api": "aks-userpool-31877206-vmss000003",
    "order-sync": "aks-workers-55120984-vmss000001",
    "price-worker": "aks-workers-55120984-vmss000000",
}


def pod(service: str) -> str:
    return f"{service}-{hexid(10)[:9]}-{''.join(RNG.choice('bcdfghjklmnpqrstvwxz2456789') for _ in range(5))}"


def dotnet(
    service: str,
    at: datetime,
    incident,
    role: str,
    exc_type: str,
    exc_value: str,
    frames: list[tuple],
    *,
    env: str = "production",
    release: str | None = None,
    resource: str = "error",
    transaction: str | None = None,
    extra: dict | None = None,
    level: str = "error",
    handled: bool = False,
    chained=None,
    user=None,
    rule: str = "Retail: new production error",
    platform: str = "csharp",
):
    tags = {"service": service, "k8s.namespace": "retail" if env == "production" else "retail-stg"}
    if service in HOSTS and env == "production":
        tags["server_name"] = pod(service)
    tags.update(extra or {})
    return sentry_event(
        G2,
        at,
        incident,
        role,
        resource=resource,
        project=GFS,
        platform=platform,
        env=env,
        release=release,
        exc_type=exc_type,
        exc_value=exc_value,
        frames=frames,
        tags=tags,
        transaction=transaction,
        level=level,
        handled=handled,
        chained=chained,
        user=user,
        rule=rule,
    )


def cs(file: str, func: str, line: int, module: str, in_app: bool = True) -> tuple:
    return (file, func, line, module, in_app, "")


def container_row(
    service: str,
    at: datetime,
    level: str,
    message: str,
    exc: str = "",
    trace: str | None = None,
    ns: str = "retail",
) -> dict:
    p = pod(service)
    raw = {
        "Timestamp": at.strftime("%Y-%m-%dT%H:%M:%S.") + f"{RNG.randint(0, 9999999):07d}+00:00",
        "Level": level,
        "MessageTemplate": message,
        "Properties": {
            "SourceContext": f"Gorsefield.{service.title().replace('-', '')}",
            "TraceId": trace or hexid(32),
            "SpanId": hexid(16),
        },
    }
    if exc:
        raw["Exception"] = exc
    return {
        "_time": epoch(at),
        "host": HOSTS.get(service, "aks-userpool-31877206-vmss000001"),
        "index": "aks_prod" if ns == "retail" else "aks_stg",
        "source": f"/var/log/containers/{p}_{ns}_{service}-{hexid(64)}.log",
        "sourcetype": "kube:container:" + service,
        "kubernetes.namespace_name": ns,
        "kubernetes.pod_name": p,
        "kubernetes.labels.app": service,
        "_raw": json.dumps(raw, separators=(",", ":")),
        "count": str(RNG.randint(3, 90)),
    }


def stats_row(service: str, status: str, count: int, route: str | None = None) -> dict:
    row = {"service": service, "status": status, "count": str(count)}
    if route:
        row["route"] = route
    row["p95_ms"] = str(RNG.randint(300, 30000))
    return row


def dd_tags(**kv: str) -> str:
    return ",".join(f"{k}:{v}" for k, v in kv.items())


def shopper() -> tuple[str, dict | None]:
    did = uid()
    if RNG.random() < 0.5:
        return did, None
    return did, ph_person(G2, did, {"email": f"shopper{RNG.randint(1000, 99999)}@example.co.uk"})


SHOP = "https://www.gorsefield.co.uk"


def shop_exc(at, incident, role, etype, evalue, path, func, browser="Chrome", handled=False):
    did, person = shopper()
    posthog(
        G2,
        at,
        incident,
        role,
        distinct_id=did,
        person=person,
        handled=handled,
        props={
            "$lib": "web",
            "$lib_version": "1.130.2",
            "$current_url": SHOP + path,
            "$pathname": path,
            "$host": "www.gorsefield.co.uk",
            "$browser": browser,
            "$os": "Windows" if browser != "Safari" else "iOS",
            "$referrer": "$direct",
        },
        exceptions=[
            (
                etype,
                evalue,
                [
                    (f"{SHOP}/_next/static/chunks/pages/_app-7d1f0c2b9a.js", "e", 1, 18022),
                    (f"{SHOP}/_next/static/chunks/{func}-4c8e1a.js", func, 1, 2231),
                ],
            )
        ],
    )


def gorsefield() -> None:
    c = G2
    sql_exc = (
        "Microsoft.Data.SqlClient.SqlException",
        "Database 'retail' on server 'gfs-sql-weu' is not currently available.  Please "
        "retry the connection later.  If the problem persists, contact customer support, "
        "and provide them the session tracing ID of '{" + uid().upper() + "}'.",
    )
    # ---- f1: Azure SQL failover: DB monitor, two services' errors, 5xx stats, shop exception
    inc = "f-sql-failover"
    datadog_own(
        c,
        t(E1, "06:31"),
        inc,
        "DB monitor: Azure SQL connections failing",
        transition="Triggered",
        monitor="Azure SQL failed connections",
        scope="name:retail,resource_group:rg-retail-prod,server_name:gfs-sql-weu",
        tags=dd_tags(
            env="prod",
            server_name="gfs-sql-weu",
            name="retail",
            subscription="retail-prod",
            region="westeurope",
        ),
        alert_id="4410032",
        text="azure.sql_servers_databases.connection_failed is 412 on gfs-sql-weu/retail "
        "(threshold 50). A geo-failover to gfs-sql-neu may be in progress.",
        prio="P1",
    )
    dotnet(
        "inventory-svc",
        t(E1, "06:31", 40),
        inc,
        "Sentry error: inventory-svc SQL 40613",
        *sql_exc,
        [
            cs("StockController.cs", "Get", 42, "Gorsefield.Inventory.Api.StockController"),
            cs(
                "StockRepository.cs",
                "GetLevelsAsync",
                77,
                "Gorsefield.Inventory.Data.StockRepository",
            ),
            cs(
                "SqlConnection.cs",
                "OpenAsync",
                1790,
                "Microsoft.Data.SqlClient.SqlConnection",
                False,
            ),
        ],
        release="inventory-svc@2.14.3",
        transaction="GET /api/stock/{sku}",
    )
    dotnet(
        "checkout-api",
        t(E1, "06:32", 5),
        inc,
        "Sentry error: checkout-api SQL 40613",
        *sql_exc,
        [
            cs("OrdersController.cs", "Place", 61, "Gorsefield.Checkout.Api.OrdersController"),
            cs(
                "CheckoutDbContext.cs",
                "SaveChangesAsync",
                30,
                "Gorsefield.Checkout.Data.CheckoutDbContext",
            ),
            cs(
                "RelationalConnection.cs",
                "OpenInternalAsync",
                611,
                "Microsoft.EntityFrameworkCore.Storage.RelationalConnection",
                False,
            ),
        ],
        release="checkout-api@4.17.2",
        transaction="POST /api/orders",
        chained=[("Microsoft.Data.SqlClient.SqlException", sql_exc[1])],
    )
    splunk(
        c,
        t(E1, "06:35"),
        inc,
        "Splunk stats: 5xx by service",
        search="retail - 5xx by service (5m)",
        result=stats_row("checkout-api", "500", 212, "POST /api/orders"),
    )
    shop_exc(
        t(E1, "06:35", 30),
        inc,
        "PostHog $exception: shop checkout failed",
        "CheckoutError",
        "Order could not be placed (HTTP 500)",
        "/checkout/payment",
        "checkout",
    )
    datadog_own(
        c,
        t(E1, "06:48"),
        inc,
        "DB monitor recovered",
        transition="Recovered",
        monitor="Azure SQL failed connections",
        scope="name:retail,resource_group:rg-retail-prod,server_name:gfs-sql-weu",
        tags=dd_tags(
            env="prod",
            server_name="gfs-sql-weu",
            name="retail",
            subscription="retail-prod",
            region="westeurope",
        ),
        alert_id="4410032",
        text="azure.sql_servers_databases.connection_failed is back to 0.",
        prio="P1",
    )
    # decoy: staging inventory failing on a rotated password at the same minutes
    dotnet(
        "inventory-svc",
        t(E1, "06:33", 10),
        None,
        "decoy: staging inventory login failed",
        "Microsoft.Data.SqlClient.SqlException",
        "Login failed for user 'inventory_app'.",
        [
            cs(
                "StockRepository.cs",
                "GetLevelsAsync",
                77,
                "Gorsefield.Inventory.Data.StockRepository",
            ),
            cs(
                "SqlConnection.cs",
                "OpenAsync",
                1790,
                "Microsoft.Data.SqlClient.SqlConnection",
                False,
            ),
        ],
        env="staging",
        release="inventory-svc@2.15.0-beta.2",
        transaction="GET /api/stock/{sku}",
    )
    # decoy: Splunk forwarder heartbeat
    splunk(
        c,
        t(E1, "06:40"),
        None,
        "decoy: forwarder heartbeat",
        search="heartbeat - aks forwarder",
        result={
            "host": "splunk-otel-collector-agent-7xq2p",
            "events_last_15m": "184221",
            "status": "ok",
        },
    )

    # ---- f2: checkout-api bad deploy 4.18.0, rolled back
    inc = "f-checkout-deploy"
    trace = hexid(32)
    ck = dotnet(
        "checkout-api",
        t(E1, "07:16", 2),
        inc,
        "Sentry issue alert: checkout-api NRE in PromotionEngine",
        "System.NullReferenceException",
        "Object reference not set to an instance of an object.",
        [
            cs(
                "BasketController.cs", "Recalculate", 38, "Gorsefield.Checkout.Api.BasketController"
            ),
            cs(
                "PromotionEngine.cs", "Apply", 112, "Gorsefield.Checkout.Promotions.PromotionEngine"
            ),
            cs("MultiBuyRule.cs", "Matches", 19, "Gorsefield.Checkout.Promotions.MultiBuyRule"),
        ],
        release="checkout-api@4.18.0",
        resource="event_alert",
        transaction="POST /api/basket/recalculate",
        extra={"trace_id": trace},
    )
    splunk(
        c,
        t(E1, "07:18"),
        inc,
        "Splunk log row: checkout-api exception",
        search="retail - container errors checkout-api",
        result=container_row(
            "checkout-api",
            t(E1, "07:18"),
            "Error",
            "Unhandled exception in {Endpoint}",
            "System.NullReferenceException: Object reference not set to an instance of an object.\n"
            "   at Gorsefield.Checkout.Promotions.MultiBuyRule.Matches(BasketLine line) in /src/Checkout.Promotions/MultiBuyRule.cs:line 19\n"
            "   at Gorsefield.Checkout.Promotions.PromotionEngine.Apply(Basket basket) in /src/Checkout.Promotions/PromotionEngine.cs:line 112",
            trace=trace,
        ),
    )
    shop_exc(
        t(E1, "07:19", 12),
        inc,
        "PostHog $exception: shop basket recalculation 500",
        "Error",
        "Request failed: POST /api/basket/recalculate 500",
        "/basket",
        "basket",
    )
    splunk(
        c,
        t(E1, "07:20"),
        inc,
        "Splunk stats: 5xx by service (checkout-api)",
        search="retail - 5xx by service (5m)",
        result=stats_row("checkout-api", "500", 988, "POST /api/basket/recalculate"),
    )
    sentry_issue(
        c,
        t(E1, "07:52", 30),
        inc,
        "Sentry issue resolved after rollback to 4.17.2",
        action="resolved",
        project=GFS,
        platform="csharp",
        short_id="GORSEFIELD-RETAIL-3MN",
        issue_id=ck,
        exc_type="System.NullReferenceException",
        exc_value="Object reference not set to an instance of an object.",
        culprit="Gorsefield.Checkout.Promotions.MultiBuyRule in Matches",
        filename="MultiBuyRule.cs",
        function="Matches",
        count=2411,
        users=906,
        first_seen=t(E1, "07:16", 2),
        actor={"type": "user", "id": 3390412, "name": "Priya Natarajan"},
    )
    # decoy: loyalty-svc deploy notice from Splunk (rollout search) same minutes
    splunk(
        c,
        t(E1, "07:17"),
        None,
        "decoy: loyalty-svc rollout notice",
        search="aks - deployments rolled out",
        result={
            "_time": epoch(t(E1, "07:17")),
            "sourcetype": "kube:events",
            "namespace": "retail",
            "object": "deployment/loyalty-svc",
            "reason": "ScalingReplicaSet",
            "message": "Scaled up replica set loyalty-svc-6b9f7d4c8 to 3",
            "image": "gfsacr.azurecr.io/loyalty-svc:1.9.4",
        },
    )
    # decoy: a browser extension's Script error on the shop
    shop_exc(
        t(E1, "07:21", 5),
        None,
        "decoy: shop Script error from an extension",
        "Error",
        "Script error.",
        "/product/oak-garden-bench-1800",
        "product",
        browser="Edge",
    )

    # ---- f3: Service Bus store-orders backlog; order-sync loses locks
    inc = "f-servicebus-backlog"
    datadog_own(
        c,
        t(E1, "07:40"),
        inc,
        "Queue monitor: store-orders active messages",
        transition="Triggered",
        monitor="Service Bus queue backlog",
        scope="entity_name:store-orders,name:sb-gfs-retail-prod",
        tags=dd_tags(
            env="prod",
            name="sb-gfs-retail-prod",
            entity_name="store-orders",
            resource_group="rg-retail-prod",
        ),
        alert_id="4410088",
        text="azure.servicebus_namespaces.active_messages for store-orders is 38112 (threshold 5000).",
    )
    splunk(
        c,
        t(E1, "07:42"),
        inc,
        "Splunk log row: order-sync lock lost",
        search="retail - container errors workers",
        result=container_row(
            "order-sync",
            t(E1, "07:42"),
            "Error",
            "Message {MessageId} from {Queue} failed; lock lost after {Elapsed} ms",
            "Azure.Messaging.ServiceBus.ServiceBusException: The lock supplied is invalid. "
            "Either the lock expired, or the message has already been removed from the queue. (MessageLockLost)",
        ),
    )
    dotnet(
        "order-sync",
        t(E1, "07:43", 20),
        inc,
        "Sentry error: order-sync MessageLockLost",
        "Azure.Messaging.ServiceBus.ServiceBusException",
        "The lock supplied is invalid. Either the lock expired, or the message has already "
        "been removed from the queue. (MessageLockLost)",
        [
            cs(
                "StoreOrderProcessor.cs",
                "HandleAsync",
                58,
                "Gorsefield.OrderSync.StoreOrderProcessor",
            ),
            cs(
                "ServiceBusReceiver.cs",
                "CompleteMessageAsync",
                590,
                "Azure.Messaging.ServiceBus.ServiceBusReceiver",
                False,
            ),
        ],
        release="order-sync@1.6.0",
        extra={"queue": "store-orders"},
    )
    datadog_own(
        c,
        t(E1, "08:15"),
        inc,
        "Queue monitor recovered",
        transition="Recovered",
        monitor="Service Bus queue backlog",
        scope="entity_name:store-orders,name:sb-gfs-retail-prod",
        tags=dd_tags(
            env="prod",
            name="sb-gfs-retail-prod",
            entity_name="store-orders",
            resource_group="rg-retail-prod",
        ),
        alert_id="4410088",
        text="store-orders backlog is 210.",
    )
    # decoy: returns-queue warns and recovers alone
    for at, tr in ((t(E1, "07:44"), "Warn"), (t(E1, "07:58"), "Recovered")):
        datadog_own(
            c,
            at,
            None,
            f"decoy: returns-queue {tr.lower()}",
            transition=tr,
            monitor="Service Bus queue backlog",
            scope="entity_name:returns,name:sb-gfs-retail-prod",
            tags=dd_tags(
                env="prod",
                name="sb-gfs-retail-prod",
                entity_name="returns",
                resource_group="rg-retail-prod",
            ),
            alert_id="4410088",
            prio="P3",
            text="returns queue: 3100 active messages (warning 3000).",
        )

    # ---- f4: card terminals' provider (Adyen) timing out at the tills
    inc = "f-pos-adyen-timeout"
    for at, store, till in (
        (t(E1, "08:05", 12), "0114", "T03"),
        (t(E1, "08:06", 40), "0231", "T01"),
    ):
        dotnet(
            "pos-terminal",
            at,
            inc,
            f"Sentry error: POS terminal store {store} Adyen timeout",
            "Gorsefield.Pos.Payments.TerminalApiException",
            "Terminal API request timed out after 60000 ms (POIID V400m-347239114)",
            [
                cs("TenderForm.cs", "OnCardTender", 211, "Gorsefield.Pos.Till.TenderForm"),
                cs(
                    "AdyenTerminalClient.cs",
                    "SendSyncAsync",
                    88,
                    "Gorsefield.Pos.Payments.AdyenTerminalClient",
                ),
                cs("HttpClient.cs", "SendAsync", 512, "System.Net.Http.HttpClient", False),
            ],
            release="pos-till@26.4.1",
            extra={"store_id": store, "till": till, "os": "Windows 10 IoT"},
            chained=[
                (
                    "System.Threading.Tasks.TaskCanceledException",
                    "The request was canceled due to the configured HttpClient.Timeout of 60 seconds elapsing.",
                )
            ],
        )
    splunk(
        c,
        t(E1, "08:08"),
        inc,
        "Splunk stats: pos-gateway 504s",
        search="retail - 5xx by service (5m)",
        result=stats_row("pos-gateway", "504", 377, "POST /terminal/sync"),
    )
    datadog_own(
        c,
        t(E1, "08:09"),
        inc,
        "HTTP check: Adyen terminal API latency",
        transition="Triggered",
        monitor="Payment provider endpoint latency",
        scope="instance:adyen-terminal-api,url:https://terminal-api-live.adyen.com",
        tags=dd_tags(env="prod", service="pos-gateway", dependency="adyen"),
        alert_id="4410140",
        hostname=HOSTS["pos-gateway"],
        text="network.http.response_time for terminal-api-live.adyen.com is 41.2 s (threshold 10 s).",
    )
    # decoy: a receipt printer out of paper in the same minutes
    dotnet(
        "pos-terminal",
        t(E1, "08:07", 0),
        None,
        "decoy: POS receipt printer paper out",
        "Gorsefield.Pos.Peripherals.PrinterException",
        "Printer EPSON TM-m30II reports paper end",
        [cs("ReceiptPrinter.cs", "Print", 64, "Gorsefield.Pos.Peripherals.ReceiptPrinter")],
        release="pos-till@26.4.1",
        level="warning",
        handled=True,
        extra={"store_id": "0088", "till": "T02", "os": "Windows 10 IoT"},
    )

    # ---- f5: loyalty-svc memory leak: OOM kills, callers refused; re-fires after a lull
    inc = "f-loyalty-oom"
    splunk(
        c,
        t(E1, "08:30"),
        inc,
        "Splunk kube event: loyalty-svc OOMKilled",
        search="aks - pods OOMKilled",
        result={
            "_time": epoch(t(E1, "08:30")),
            "sourcetype": "kube:objects:events",
            "namespace": "retail",
            "object": f"pod/{pod('loyalty-svc')}",
            "reason": "OOMKilled",
            "container": "loyalty-svc",
            "message": "Container loyalty-svc exceeded its memory limit (1Gi) and was killed",
            "node": HOSTS["loyalty-svc"],
            "restarts": "4",
        },
    )
    datadog_own(
        c,
        t(E1, "08:31"),
        inc,
        "Host monitor: AKS node memory",
        transition="Triggered",
        monitor="AKS node memory pressure",
        scope=f"host:{HOSTS['loyalty-svc']}",
        tags=dd_tags(env="prod", kube_cluster_name="aks-gfs-prod", agentpool="userpool"),
        alert_id="4410201",
        hostname=HOSTS["loyalty-svc"],
        text="system.mem.pct_usable is 3% on the node (threshold 10%).",
    )
    dotnet(
        "checkout-api",
        t(E1, "08:32", 15),
        inc,
        "Sentry error: checkout-api loyalty refused",
        "System.Net.Http.HttpRequestException",
        "Connection refused (loyalty-svc.retail.svc.cluster.local:8080)",
        [
            cs(
                "LoyaltyClient.cs",
                "GetBalanceAsync",
                29,
                "Gorsefield.Checkout.Clients.LoyaltyClient",
            ),
            cs(
                "SocketsHttpHandler.cs",
                "ConnectAsync",
                830,
                "System.Net.Http.HttpConnectionPool",
                False,
            ),
        ],
        release="checkout-api@4.17.2",
        transaction="GET /api/loyalty/balance",
        chained=[("System.Net.Sockets.SocketException", "Connection refused")],
    )
    dotnet(
        "loyalty-svc",
        t(E1, "08:33", 1),
        inc,
        "Sentry error: loyalty-svc OutOfMemoryException",
        "System.OutOfMemoryException",
        "Exception of type 'System.OutOfMemoryException' was thrown.",
        [
            cs("PointsCache.cs", "Warm", 51, "Gorsefield.Loyalty.PointsCache"),
            cs("List.cs", "AddWithResize", 0, "System.Collections.Generic.List`1", False),
        ],
        release="loyalty-svc@1.9.4",
    )
    # lull, then again
    splunk(
        c,
        t(E1, "09:22"),
        inc,
        "Splunk kube event: loyalty-svc OOMKilled again",
        search="aks - pods OOMKilled",
        result={
            "_time": epoch(t(E1, "09:22")),
            "sourcetype": "kube:objects:events",
            "namespace": "retail",
            "object": f"pod/{pod('loyalty-svc')}",
            "reason": "OOMKilled",
            "container": "loyalty-svc",
            "message": "Container loyalty-svc exceeded its memory limit (1Gi) and was killed",
            "node": HOSTS["loyalty-svc"],
            "restarts": "9",
        },
    )
    datadog_own(
        c,
        t(E1, "09:23"),
        inc,
        "Host monitor re-triggered: AKS node memory",
        transition="Re-Triggered",
        monitor="AKS node memory pressure",
        scope=f"host:{HOSTS['loyalty-svc']}",
        tags=dd_tags(env="prod", kube_cluster_name="aks-gfs-prod", agentpool="userpool"),
        alert_id="4410201",
        hostname=HOSTS["loyalty-svc"],
        text="system.mem.pct_usable is 2% on the node (threshold 10%).",
    )
    dotnet(
        "checkout-api",
        t(E1, "09:24", 44),
        inc,
        "Sentry error: checkout-api loyalty refused again",
        "System.Net.Http.HttpRequestException",
        "Connection refused (loyalty-svc.retail.svc.cluster.local:8080)",
        [
            cs(
                "LoyaltyClient.cs",
                "GetBalanceAsync",
                29,
                "Gorsefield.Checkout.Clients.LoyaltyClient",
            ),
            cs(
                "SocketsHttpHandler.cs",
                "ConnectAsync",
                830,
                "System.Net.Http.HttpConnectionPool",
                False,
            ),
        ],
        release="checkout-api@4.17.2",
        transaction="GET /api/loyalty/balance",
    )
    # decoy: unrelated host disk warning in the same minutes
    datadog_own(
        c,
        t(E1, "08:34"),
        None,
        "decoy: build agent disk warning",
        transition="Warn",
        monitor="Disk space low",
        scope="host:vm-buildagent-02,device:/dev/sda1",
        tags=dd_tags(env="tools", role="ci"),
        alert_id="4410300",
        hostname="vm-buildagent-02",
        prio="P4",
        text="system.disk.in_use is 86% (warning 85%).",
    )
    dotnet(
        "loyalty-svc",
        t(E1, "09:25", 30),
        None,
        "decoy: loyalty card not found (warning)",
        "Gorsefield.Loyalty.CardNotFoundException",
        "Card 6338 **** 1201 is not registered",
        [cs("CardsController.cs", "Get", 22, "Gorsefield.Loyalty.Api.CardsController")],
        release="loyalty-svc@1.9.4",
        level="warning",
        handled=True,
        transaction="GET /api/cards/{number}",
    )

    # ---- f6: Front Door certificate expiry for api.gorsefield.co.uk
    inc = "f-frontdoor-cert"
    datadog_own(
        c,
        t(E1, "09:00"),
        inc,
        "Front Door monitor: origin TLS failures",
        transition="Triggered",
        monitor="Front Door 5xx / TLS errors on api endpoint",
        scope="endpoint:api.gorsefield.co.uk,name:fd-gfs-prod",
        tags=dd_tags(env="prod", name="fd-gfs-prod", endpoint="api.gorsefield.co.uk"),
        alert_id="4410410",
        prio="P1",
        text="azure.cdn_profiles.percentage5_x_x is 97% on api.gorsefield.co.uk; the custom "
        "domain certificate expired at 08:58 UTC.",
    )
    shop_exc(
        t(E1, "09:01", 22),
        inc,
        "PostHog $exception: shop Failed to fetch (Chrome)",
        "TypeError",
        "Failed to fetch",
        "/product/bamboo-duvet-king",
        "product",
    )
    shop_exc(
        t(E1, "09:02", 50),
        inc,
        "PostHog $exception: shop Load failed (Safari)",
        "TypeError",
        "Load failed",
        "/basket",
        "basket",
        browser="Safari",
    )
    splunk(
        c,
        t(E1, "09:05"),
        inc,
        "Splunk stats: Front Door access log by status",
        search="frontdoor - errors by endpoint",
        result={
            "endpoint": "api.gorsefield.co.uk",
            "httpStatusCode": "526",
            "errorInfo": "OriginCertificateExpired",
            "count": "18402",
        },
    )
    datadog_own(
        c,
        t(E1, "09:37"),
        inc,
        "Front Door monitor recovered",
        transition="Recovered",
        monitor="Front Door 5xx / TLS errors on api endpoint",
        scope="endpoint:api.gorsefield.co.uk,name:fd-gfs-prod",
        tags=dd_tags(env="prod", name="fd-gfs-prod", endpoint="api.gorsefield.co.uk"),
        alert_id="4410410",
        prio="P1",
        text="Certificate replaced.",
    )

    # ---- f7: nightly stock import fails on a malformed supplier file (2 rows)
    inc = "f-stock-import"
    dotnet(
        "inventory-svc",
        t(E1, "09:41", 3),
        inc,
        "Sentry error: stock import CSV parse",
        "CsvHelper.BadDataException",
        'You can ignore bad data by setting BadDataFound to null. RawRecord: "SKU-88120,"12,5",EA"',
        [
            cs("StockImportJob.cs", "RunAsync", 44, "Gorsefield.Inventory.Jobs.StockImportJob"),
            cs("CsvReader.cs", "Read", 210, "CsvHelper.CsvReader", False),
        ],
        release="inventory-svc@2.14.3",
        extra={"job": "stock-import", "supplier": "harrow-textiles"},
    )
    splunk(
        c,
        t(E1, "09:45"),
        inc,
        "Splunk log row: stock-import CronJob failed",
        search="aks - cronjob failures",
        result={
            "_time": epoch(t(E1, "09:45")),
            "sourcetype": "kube:objects:events",
            "namespace": "retail",
            "object": "job/stock-import-29612220",
            "reason": "BackoffLimitExceeded",
            "message": "Job has reached the specified backoff limit",
        },
    )

    # ---- f8: Azure SQL DTU saturated by a runaway report; checkout slow
    inc = "f-sql-dtu"
    datadog_own(
        c,
        t(E1, "10:00"),
        inc,
        "DB monitor: DTU at 100%",
        transition="Triggered",
        monitor="Azure SQL DTU consumption",
        scope="name:retail,server_name:gfs-sql-weu",
        tags=dd_tags(env="prod", server_name="gfs-sql-weu", name="retail"),
        alert_id="4410033",
        text="azure.sql_servers_databases.dtu_consumption_percent is 100 (threshold 90).",
    )
    dotnet(
        "reports-svc",
        t(E1, "10:01", 30),
        inc,
        "Sentry error: reports-svc execution timeout",
        "Microsoft.Data.SqlClient.SqlException",
        "Execution Timeout Expired.  The timeout period elapsed prior to completion of the "
        "operation or the server is not responding.",
        [
            cs("SalesReport.cs", "BuildAsync", 90, "Gorsefield.Reports.SalesReport"),
            cs(
                "SqlCommand.cs",
                "ExecuteReaderAsync",
                2130,
                "Microsoft.Data.SqlClient.SqlCommand",
                False,
            ),
        ],
        release="reports-svc@0.8.2",
        chained=[("System.ComponentModel.Win32Exception", "The wait operation timed out.")],
    )
    sentry_metric(
        c,
        t(E1, "10:03"),
        inc,
        "Sentry metric alert: checkout p95 duration",
        action="critical",
        name="Checkout p95 transaction duration",
        aggregate="p95(transaction.duration)",
        query='transaction:"POST /api/orders"',
        env="production",
        projects=["gorsefield-retail"],
        threshold=3000,
        value=14800,
        rule_id=51120,
        alert_id=990114,
        started=t(E1, "10:03"),
    )
    splunk(
        c,
        t(E1, "10:05"),
        inc,
        "Splunk stats: checkout-api 500s during DTU spike",
        search="retail - 5xx by service (5m)",
        result=stats_row("checkout-api", "500", 61, "POST /api/orders"),
    )
    sentry_metric(
        c,
        t(E1, "10:26"),
        inc,
        "Sentry metric alert resolved: checkout p95",
        action="resolved",
        name="Checkout p95 transaction duration",
        aggregate="p95(transaction.duration)",
        query='transaction:"POST /api/orders"',
        env="production",
        projects=["gorsefield-retail"],
        threshold=3000,
        value=820,
        rule_id=51120,
        alert_id=990114,
        started=t(E1, "10:03"),
    )
    # decoys: catalog 404 stats row (bots), web vitals warning that resolves alone
    splunk(
        c,
        t(E1, "10:02"),
        None,
        "decoy: catalog-api 404s from crawlers",
        search="retail - 4xx by service (15m)",
        result=stats_row("catalog-api", "404", 5120, "GET /api/products/{slug}"),
    )
    for at, action in ((t(E1, "10:04"), "warning"), (t(E1, "10:19"), "resolved")):
        sentry_metric(
            c,
            at,
            None,
            f"decoy: shop LCP metric alert {action}",
            action=action,
            name="Web shop LCP p75",
            aggregate="p75(measurements.lcp)",
            query="transaction.op:pageload",
            env="production",
            projects=["gorsefield-retail"],
            threshold=4000,
            value=4310 if action == "warning" else 2900,
            rule_id=51133,
            alert_id=990120,
            started=t(E1, "10:04"),
        )

    # ---- day 2 ----------------------------------------------------------------------
    # ---- f9: web shop release breaks the basket on Safari
    inc = "f-shop-safari-basket"
    shop_exc(
        t(E2, "07:05", 40),
        inc,
        "PostHog $exception: shop basket TypeError (Safari)",
        "TypeError",
        "undefined is not an object (evaluating 'e.items.length')",
        "/basket",
        "basket",
        browser="Safari",
    )
    wiid = sentry_event(
        c,
        t(E2, "07:06", 12),
        inc,
        "Sentry issue alert: webshop basket TypeError",
        resource="event_alert",
        project=GFS,
        platform="javascript",
        release="webshop@2026.04.22.1",
        exc_type="TypeError",
        exc_value="undefined is not an object (evaluating 'e.items.length')",
        frames=[
            (
                f"{SHOP}/_next/static/chunks/pages/basket-4c8e1a.js",
                "BasketSummary",
                1,
                None,
                True,
                "",
            )
        ],
        tags={"service": "webshop", "browser": "Mobile Safari 17.4", "url": SHOP + "/basket"},
        transaction="/basket",
        rule="Retail: new production error",
    )
    sentry_issue(
        c,
        t(E2, "07:06", 13),
        inc,
        "Sentry issue created: webshop basket TypeError",
        action="created",
        project=GFS,
        platform="javascript",
        short_id="GORSEFIELD-RETAIL-3QA",
        issue_id=wiid,
        exc_type="TypeError",
        exc_value="undefined is not an object (evaluating 'e.items.length')",
        culprit="/basket",
        filename="/_next/static/chunks/pages/basket-4c8e1a.js",
        function="BasketSummary",
        count=1,
        users=1,
        first_seen=t(E2, "07:06", 12),
    )
    shop_exc(
        t(E2, "07:09", 2),
        inc,
        "PostHog $exception: shop basket TypeError (another shopper)",
        "TypeError",
        "undefined is not an object (evaluating 'e.items.length')",
        "/basket",
        "basket",
        browser="Safari",
    )

    # ---- f10: pos-gateway crash loop after a config change: tills get 503
    inc = "f-pos-gateway-config"
    splunk(
        c,
        t(E2, "07:31"),
        inc,
        "Splunk log row: pos-gateway startup failure",
        search="retail - container errors pos-gateway",
        result=container_row(
            "pos-gateway",
            t(E2, "07:31"),
            "Fatal",
            "Host terminated unexpectedly",
            "System.InvalidOperationException: Section 'Payments:Adyen' not found in configuration.\n"
            "   at Gorsefield.PosGateway.Program.<Main>$(String[] args) in /src/PosGateway/Program.cs:line 27",
        ),
    )
    datadog_own(
        c,
        t(E2, "07:32"),
        inc,
        "Kubernetes monitor: pos-gateway replicas unavailable",
        transition="Triggered",
        monitor="Deployment replicas unavailable",
        scope="kube_deployment:pos-gateway,kube_namespace:retail",
        tags=dd_tags(
            env="prod",
            kube_cluster_name="aks-gfs-prod",
            kube_namespace="retail",
            kube_deployment="pos-gateway",
        ),
        alert_id="4410500",
        prio="P1",
        text="kubernetes_state.deployment.replicas_unavailable is 3 for pos-gateway (CrashLoopBackOff).",
    )
    for at, store in ((t(E2, "07:33", 8), "0412"), (t(E2, "07:34", 51), "0019")):
        dotnet(
            "pos-terminal",
            at,
            inc,
            f"Sentry error: POS terminal store {store} gateway 503",
            "System.Net.Http.HttpRequestException",
            "Response status code does not indicate success: 503 (Service Unavailable).",
            [
                cs("BasketSync.cs", "PushAsync", 70, "Gorsefield.Pos.Sync.BasketSync"),
                cs(
                    "HttpResponseMessage.cs",
                    "EnsureSuccessStatusCode",
                    181,
                    "System.Net.Http.HttpResponseMessage",
                    False,
                ),
            ],
            release="pos-till@26.4.1",
            extra={
                "store_id": store,
                "till": "T01",
                "os": "Windows 10 IoT",
                "url": "https://pos-gw.gorsefield.internal/terminal/sync",
            },
        )
    splunk(
        c,
        t(E2, "07:36"),
        inc,
        "Splunk stats: pos-gateway 503",
        search="retail - 5xx by service (5m)",
        result=stats_row("pos-gateway", "503", 1290, "POST /terminal/sync"),
    )
    datadog_own(
        c,
        t(E2, "07:52"),
        inc,
        "Kubernetes monitor recovered: pos-gateway",
        transition="Recovered",
        monitor="Deployment replicas unavailable",
        scope="kube_deployment:pos-gateway,kube_namespace:retail",
        tags=dd_tags(
            env="prod",
            kube_cluster_name="aks-gfs-prod",
            kube_namespace="retail",
            kube_deployment="pos-gateway",
        ),
        alert_id="4410500",
        prio="P1",
        text="All pos-gateway replicas available.",
    )
    # decoys same minutes: staging pos-gateway also broken; POS scanner warning
    splunk(
        c,
        t(E2, "07:33"),
        None,
        "decoy: staging pos-gateway startup failure",
        search="retail - container errors pos-gateway",
        result=container_row(
            "pos-gateway",
            t(E2, "07:33"),
            "Fatal",
            "Host terminated unexpectedly",
            "System.IO.FileNotFoundException: Could not find file '/mnt/secrets/tls.pfx'.",
            ns="retail-stg",
        ),
    )
    dotnet(
        "pos-terminal",
        t(E2, "07:35", 30),
        None,
        "decoy: POS barcode scanner disconnected",
        "Gorsefield.Pos.Peripherals.ScannerException",
        "Scanner Honeywell 1950g disconnected (COM4)",
        [cs("ScannerService.cs", "OnDataEvent", 33, "Gorsefield.Pos.Peripherals.ScannerService")],
        release="pos-till@26.4.1",
        level="warning",
        handled=True,
        extra={"store_id": "0301", "till": "T04", "os": "Windows 10 IoT"},
    )

    # ---- f11: price-updates dead-lettering after a message schema change
    inc = "f-price-deadletter"
    datadog_own(
        c,
        t(E2, "08:41"),
        inc,
        "Queue monitor: price-updates dead letters",
        transition="Triggered",
        monitor="Service Bus dead-lettered messages",
        scope="entity_name:price-updates,name:sb-gfs-retail-prod",
        tags=dd_tags(env="prod", name="sb-gfs-retail-prod", entity_name="price-updates"),
        alert_id="4410090",
        text="azure.servicebus_namespaces.dead_lettered_messages is 4210 (threshold 100).",
    )
    dotnet(
        "price-worker",
        t(E2, "08:42", 10),
        inc,
        "Sentry error: price-worker JSON decimal",
        "System.Text.Json.JsonException",
        "The JSON value could not be converted to System.Decimal. Path: $.price.amount | LineNumber: 0 | BytePositionInLine: 58.",
        [
            cs(
                "PriceUpdateHandler.cs",
                "HandleAsync",
                35,
                "Gorsefield.Pricing.Worker.PriceUpdateHandler",
            ),
            cs(
                "JsonSerializer.Read.String.cs",
                "Deserialize",
                48,
                "System.Text.Json.JsonSerializer",
                False,
            ),
        ],
        release="price-worker@3.2.0",
        extra={"queue": "price-updates"},
    )
    splunk(
        c,
        t(E2, "08:44"),
        inc,
        "Splunk log row: price-worker dead-lettered",
        search="retail - container errors workers",
        result=container_row(
            "price-worker",
            t(E2, "08:44"),
            "Warning",
            "Message {MessageId} dead-lettered after {DeliveryCount} deliveries: {Reason}",
        ),
    )
    # decoy: Splunk heartbeat again, and a Datadog renotify on the build agent's disk
    splunk(
        c,
        t(E2, "08:45"),
        None,
        "decoy: forwarder heartbeat",
        search="heartbeat - aks forwarder",
        result={
            "host": "splunk-otel-collector-agent-7xq2p",
            "events_last_15m": "201877",
            "status": "ok",
        },
    )
    datadog_own(
        c,
        t(E2, "08:46"),
        None,
        "decoy: build agent disk recovered",
        transition="Recovered",
        monitor="Disk space low",
        scope="host:vm-buildagent-02,device:/dev/sda1",
        tags=dd_tags(env="tools", role="ci"),
        alert_id="4410300",
        hostname="vm-buildagent-02",
        prio="P4",
        text="system.disk.in_use is 61%.",
    )

    # ---- f12: catalog search throttled by Azure AI Search
    inc = "f-catalog-search-throttled"
    dotnet(
        "catalog-api",
        t(E2, "09:30", 20),
        inc,
        "Sentry error: catalog-api search 503",
        "Azure.RequestFailedException",
        "Service request failed.\nStatus: 503 (Service Unavailable)\nErrorCode: ServiceUnavailable",
        [
            cs("SearchController.cs", "Search", 40, "Gorsefield.Catalog.Api.SearchController"),
            cs("ProductSearch.cs", "QueryAsync", 63, "Gorsefield.Catalog.Search.ProductSearch"),
            cs(
                "SearchClient.cs",
                "SearchInternal",
                1020,
                "Azure.Search.Documents.SearchClient",
                False,
            ),
        ],
        release="catalog-api@5.0.1",
        transaction="GET /api/search",
    )
    splunk(
        c,
        t(E2, "09:32"),
        inc,
        "Splunk stats: catalog-api 503",
        search="retail - 5xx by service (5m)",
        result=stats_row("catalog-api", "503", 2240, "GET /api/search"),
    )
    shop_exc(
        t(E2, "09:33", 5),
        inc,
        "PostHog $exception: shop search unavailable",
        "SearchError",
        "Search is temporarily unavailable (503)",
        "/search",
        "search",
    )
    datadog_own(
        c,
        t(E2, "09:34"),
        inc,
        "Search service throttling monitor",
        transition="Triggered",
        monitor="Azure AI Search throttled queries",
        scope="name:srch-gfs-catalog",
        tags=dd_tags(env="prod", name="srch-gfs-catalog", service="catalog-api"),
        alert_id="4410620",
        text="azure.search_searchservices.throttled_search_queries_percentage is 64%.",
    )
    # decoy: webshop deploy notice posted by Splunk's rollout search, same minutes
    splunk(
        c,
        t(E2, "09:31"),
        None,
        "decoy: webshop rollout notice",
        search="aks - deployments rolled out",
        result={
            "_time": epoch(t(E2, "09:31")),
            "sourcetype": "kube:events",
            "namespace": "retail",
            "object": "deployment/webshop",
            "reason": "ScalingReplicaSet",
            "message": "Scaled up replica set webshop-5f7c9d8b6 to 4",
            "image": "gfsacr.azurecr.io/webshop:2026.04.22.2",
        },
    )


def main() -> None:
    grubline()
    gorsefield()
    ROWS.sort(key=lambda r: (r[0], r[1]))
    with OUT.open("w", encoding="utf-8") as fh:
        for _, _, row in ROWS:
            fh.write(json.dumps(row, ensure_ascii=False, sort_keys=False) + "\n")


if __name__ == "__main__":
    main()
