"""Write ``incidents-blind9.jsonl``: an outsider's labelled multi-tool incidents of two companies.

Nookwise Learning is an edtech on Heroku (a Rails app on web dynos, Sidekiq on worker dynos,
Heroku Postgres, Heroku Redis, a React Native app for pupils), seen by Sentry (projects
``nookwise-rails`` and ``nookwise-mobile``, with releases), Datadog's recommended webhook template
(monitors on dynos, Heroku router metrics, the Postgres and Redis add-ons), Splunk saved searches
over the Heroku log drain (router ``H12``/``H13`` lines, app error lines, ``stats`` rows) and
PostHog's HTTP Webhook destination (``$exception`` from the web app and the mobile app), over
two mornings. Nettlecombe Games is a multiplayer game studio on GKE (matchmaker, lobby,
inventory and payments services in Go, Agones game servers, Cloud Spanner, Pub/Sub,
Memorystore, Unity clients and an Electron launcher), seen by Sentry (projects per backend
service and ``nettle-unity``), Datadog through a template of the team's own (monitors by
``kube_deployment``, Spanner instance, Pub/Sub subscription) and PostHog from the launcher and
the game client; no Splunk; one morning.

Every row is ``{"source", "headers", "body", "incident", "role", "at", "company"}``; ``incident``
is ``null`` for a decoy. Rows are in the order the senders send them.

Sources for the shapes (the vendors' own documentation, read through the project's
``provider-formats.md`` notes and the docs pages):

- Sentry integration-platform webhooks: docs.sentry.io/integrations/integration-platform/webhooks/
  (errors, issues, issue-alerts, metric-alerts); headers ``Request-ID``, ``Sentry-Hook-Resource``,
  ``Sentry-Hook-Timestamp`` (Unix seconds), ``Sentry-Hook-Signature`` (hex HMAC-SHA256 of the
  compact body); getsentry/sentry ``app_platform_event.py``; tags as sorted ``[key, value]``
  pairs, frames oldest first, chained exceptions cause first.
- Datadog Webhooks integration: docs.datadoghq.com/integrations/webhooks/ (``$EVENT_TITLE``,
  ``$EVENT_MSG`` in ``%%%``, ``$ALERT_TRANSITION``, ``$ALERT_SCOPE``, ``$TAGS``, ``$DATE`` in
  milliseconds, every value a string); the recommended template of docs/integrations/datadog.md.
- PostHog HTTP Webhook destination: PostHog/posthog ``webhook.template.ts`` (``{"event": …,
  "person": …}``), ``$exception`` with ``$exception_list`` (posthog.com/docs/error-tracking).
- Splunk webhook alert action: ``alert_webhook/bin/webhook.py`` (``sid``, ``search_name``,
  ``app``, ``owner``, ``results_link``, ``result`` = the first row, every value a string;
  ``User-Agent: Splunk/<guid>``); Heroku's router and runtime error lines
  (devcenter.heroku.com/articles/error-codes, ``at=error code=H12 desc="Request timeout"``).

Deterministic: a seeded ``random.Random``; the same bytes every run.
Run: ``python bench/data/generate_incidents_blind9.py``.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import random
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

OUT = Path(__file__).with_name("incidents-blind9.jsonl")
RNG = random.Random(90_2026)

NOOK = "Nookwise Learning"
NETTLE = "Nettlecombe Games"


def hexid(n: int = 32) -> str:
    return "".join(RNG.choice("0123456789abcdef") for _ in range(n))


def uuid4() -> str:
    h = hexid(32)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"


def ts(at: str) -> datetime:
    return datetime.fromisoformat(at.replace("Z", "+00:00"))


def iso(at: str, ms: bool = True) -> str:
    d = ts(at)
    return d.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z" if ms else d.isoformat()


def epoch(at: str) -> int:
    return int(ts(at).timestamp())


def minus(at: str, seconds: int) -> str:
    return (ts(at) - timedelta(seconds=seconds)).strftime("%Y-%m-%dT%H:%M:%SZ")


# --------------------------------------------------------------------------- Sentry


SENTRY_ORG = {NOOK: ("nookwise", 4507_112_233), NETTLE: ("nettlecombe", 4506_880_011)}
SENTRY_SECRET = {NOOK: "9d1f0c6e2b7a4e58", NETTLE: "51aa7c03e9d24f6b"}
SENTRY_INSTALL = {NOOK: uuid4(), NETTLE: uuid4()}
SENTRY_PROJECTS = {
    "nookwise-rails": (4507112233001, "ruby-rails"),
    "nookwise-mobile": (4507112233002, "react-native"),
    "matchmaker": (4506880011010, "go"),
    "lobby": (4506880011011, "go"),
    "inventory": (4506880011012, "go"),
    "payments": (4506880011013, "go"),
    "nettle-unity": (4506880011020, "csharp"),
}
APP_ACTOR = {"type": "application", "id": "sentry", "name": "Sentry"}


def sentry_row(company: str, resource: str, action: str, data: dict, at: str, actor=None):
    body = {
        "action": action,
        "installation": {"uuid": SENTRY_INSTALL[company]},
        "data": data,
        "actor": actor or APP_ACTOR,
    }
    raw = json.dumps(body, separators=(",", ":"))
    sig = hmac.new(SENTRY_SECRET[company].encode(), raw.encode(), hashlib.sha256).hexdigest()
    headers = {
        "Content-Type": "application/json",
        "Request-ID": hexid(32),
        "Sentry-Hook-Resource": resource,
        "Sentry-Hook-Timestamp": str(epoch(at)),
        "Sentry-Hook-Signature": sig,
    }
    return "sentry", headers, body


def frames_of(platform: str, frames: list[tuple]) -> list[dict]:
    """Frames oldest first from ``(file, function, line[, module])``."""
    out = []
    for f in frames:
        file, func, line = f[0], f[1], f[2]
        module = f[3] if len(f) > 3 else None
        fr: dict[str, Any] = {"function": func, "lineno": line, "in_app": True}
        if platform == "ruby":
            gem = "/gems/" in file
            fr.update(
                filename=file.split("/gems/")[-1] if gem else file,
                abs_path=file if gem else f"/app/{file}",
                in_app=not gem,
                module=None,
            )
        elif platform == "go":
            fr.update(filename=file, abs_path=f"/src/{file}", module=module)
            fr["in_app"] = module is not None and "nettlecombe" in module
        elif platform == "csharp":
            fr.update(filename=file, module=module, lineno=line or None)
            fr["in_app"] = module is not None and module.startswith("Nettlecombe")
        else:  # javascript
            fr.update(filename=file, abs_path=file, colno=RNG.randint(5, 60), module=module)
            fr["in_app"] = "node_modules" not in file
        out.append(fr)
    return out


def sentry_event(
    company: str,
    project: str,
    at: str,
    exc: list[tuple[str, str]],
    frames: list[tuple],
    *,
    culprit: str,
    release: str | None,
    env: str = "production",
    level: str = "error",
    tags: dict[str, str] | None = None,
    transaction: str | None = None,
    request: dict | None = None,
    user: dict | None = None,
    contexts: dict | None = None,
    handled: bool = False,
    message: str = "",
) -> tuple[dict, str]:
    org, _ = SENTRY_ORG[company]
    pid, platform = SENTRY_PROJECTS[project]
    plat = {"ruby-rails": "ruby", "react-native": "javascript", "go": "go", "csharp": "csharp"}[
        platform
    ]
    event_id = hexid(32)
    issue_id = str(RNG.randint(5_000_000_000, 5_999_999_999))
    t = dict(tags or {})
    t.setdefault("environment", env)
    t.setdefault("level", level)
    if release:
        t.setdefault("release", release)
    if transaction:
        t.setdefault("transaction", transaction)
    values = []
    for i, (etype, evalue) in enumerate(exc):
        last = i == len(exc) - 1
        v: dict[str, Any] = {"type": etype, "value": evalue}
        if last:
            v["mechanism"] = {"type": "generic", "handled": handled}
            v["stacktrace"] = {"frames": frames_of(plat, frames)}
        else:
            v["mechanism"] = {"type": "chained", "handled": True, "source": "cause"}
        values.append(v)
    data: dict[str, Any] = {
        "event_id": event_id,
        "project": pid,
        "release": release,
        "dist": None,
        "platform": plat,
        "message": message,
        "datetime": iso(at, ms=False),
        "tags": sorted([k, v] for k, v in t.items()),
        "environment": env,
        "level": level,
        "culprit": culprit,
        "logger": "",
        "exception": {"values": values},
        "contexts": contexts or {},
        "sdk": {
            "ruby": {"name": "sentry.ruby.rails", "version": "5.22.1"},
            "javascript": {"name": "sentry.javascript.react-native", "version": "5.33.1"},
            "go": {"name": "sentry.go", "version": "0.29.1"},
            "csharp": {"name": "sentry.dotnet.unity", "version": "2.1.4"},
        }[plat],
        "fingerprint": ["{{ default }}"],
        "metadata": {"type": exc[-1][0], "value": exc[-1][1]},
        "title": f"{exc[-1][0]}: {exc[-1][1]}"[:200],
        "location": frames[-1][0] if frames else None,
        "transaction": transaction,
        "type": "error",
        "version": "7",
        "timestamp": float(epoch(at)) + RNG.randint(0, 999) / 1000,
        "received": float(epoch(at)) + 1.2,
        "url": f"https://sentry.io/api/0/projects/{org}/{project}/events/{event_id}/",
        "web_url": f"https://{org}.sentry.io/issues/{issue_id}/events/{event_id}/",
        "issue_url": f"https://sentry.io/api/0/issues/{issue_id}/",
        "issue_id": issue_id,
    }
    if request:
        data["request"] = request
    if user:
        data["user"] = user
    return data, issue_id


def sentry_error(company: str, project: str, at: str, *args, **kw):
    data, _ = sentry_event(company, project, at, *args, **kw)
    return sentry_row(company, "error", "created", {"error": data}, at)


def sentry_alert(company: str, project: str, at: str, rule: str, *args, **kw):
    data, _ = sentry_event(company, project, at, *args, **kw)
    payload = {
        "event": data,
        "triggered_rule": rule,
        "issue_alert": {"title": rule, "settings": []},
    }
    return sentry_row(company, "event_alert", "triggered", payload, at)


SHORT_SEQ: dict[str, int] = {}


def sentry_issue(
    company: str,
    project: str,
    at: str,
    action: str,
    etype: str,
    evalue: str,
    culprit: str,
    *,
    first_seen: str | None = None,
    count: int = 1,
    users: int = 1,
    level: str = "error",
    filename: str = "",
    function: str = "",
    who: tuple[int, str] | None = None,
):
    org, _ = SENTRY_ORG[company]
    pid, platform = SENTRY_PROJECTS[project]
    SHORT_SEQ[project] = SHORT_SEQ.get(project, RNG.randint(40, 400)) + RNG.randint(1, 9)
    issue_id = str(RNG.randint(5_000_000_000, 5_999_999_999))
    status = {"created": "unresolved", "resolved": "resolved", "unresolved": "unresolved"}[action]
    issue = {
        "id": issue_id,
        "shortId": f"{project.upper()}-{SHORT_SEQ[project]:X}",
        "title": f"{etype}: {evalue}"[:200],
        "culprit": culprit,
        "permalink": None,
        "logger": None,
        "level": level,
        "status": status,
        "substatus": "new" if action == "created" else None,
        "statusDetails": {"inRelease": "latest"} if action == "resolved" else {},
        "priority": "high",
        "isPublic": False,
        "platform": {"ruby-rails": "ruby", "react-native": "javascript"}.get(platform, platform),
        "project": {"id": str(pid), "name": project, "slug": project, "platform": platform},
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
        "numComments": 0,
        "assignedTo": None,
        "isBookmarked": False,
        "isSubscribed": False,
        "hasSeen": False,
        "annotations": [],
        "isUnhandled": True,
        "count": str(count),
        "userCount": users,
        "firstSeen": iso(first_seen or at, ms=False),
        "lastSeen": iso(at, ms=False),
        "url": f"https://sentry.io/api/0/organizations/{org}/issues/{issue_id}/",
        "web_url": f"https://{org}.sentry.io/issues/{issue_id}/",
        "project_url": f"https://{org}.sentry.io/issues/?project={pid}",
    }
    actor = {"type": "user", "id": who[0], "name": who[1]} if who else None
    return sentry_row(company, "issue", action, {"issue": issue}, at, actor)


def sentry_metric(
    company: str,
    at: str,
    action: str,
    name: str,
    query: str,
    aggregate: str,
    projects: list[str],
    threshold: float,
    value: str,
    *,
    started: str,
    env: str | None = "production",
    rule_id: int,
    incident_id: int,
):
    org, org_id = SENTRY_ORG[company]
    status = {"critical": 2, "warning": 1, "resolved": 0}[action]
    title_state = {"critical": "Critical", "warning": "Warning", "resolved": "Resolved"}[action]
    rule = {
        "aggregate": aggregate,
        "created_by": None,
        "dataset": "events",
        "date_created": "2025-11-02T10:14:03.118432Z",
        "date_modified": "2026-01-20T16:40:11.920115Z",
        "environment": env,
        "id": str(rule_id),
        "include_all_projects": False,
        "name": name,
        "organization_id": str(org_id),
        "projects": projects,
        "query": query,
        "resolution": 1,
        "resolve_threshold": None,
        "status": 0,
        "threshold_type": 0,
        "time_window": 5,
        "triggers": [
            {
                "actions": [
                    {
                        "alert_rule_trigger": str(rule_id * 10 + 1),
                        "id": str(rule_id * 10 + 7),
                        "integration_id": None,
                        "sentry_app_id": "31337",
                        "target_display": "soulcaster",
                        "target_identifier": "31337",
                        "target_type": "sentry_app",
                        "type": "sentry_app",
                    }
                ],
                "alert_rule_id": str(rule_id),
                "alert_threshold": threshold,
                "date_created": "2025-11-02T10:14:03.130001Z",
                "id": str(rule_id * 10 + 1),
                "label": "critical",
                "resolve_threshold": None,
                "threshold_type": 0,
            }
        ],
    }
    data = {
        "metric_alert": {
            "alert_rule": rule,
            "date_closed": iso(at, ms=False) if action == "resolved" else None,
            "date_created": iso(started, ms=False),
            "date_detected": iso(started, ms=False),
            "date_started": iso(started, ms=False),
            "id": str(incident_id),
            "identifier": str(incident_id % 1000),
            "organization_id": str(org_id),
            "projects": projects,
            "status": status,
            "status_method": 3 if action == "resolved" else 4,
            "title": name,
            "type": 2,
        },
        "description_text": f"{value} in the last 5 minutes\nFilter: {query or 'none'}",
        "description_title": f"{title_state}: {name}",
        "web_url": f"https://{org}.sentry.io/alerts/rules/details/{rule_id}/?alert={incident_id}",
    }
    return sentry_row(company, "metric_alert", action, data, at)


# --------------------------------------------------------------------------- Datadog


DD_ORG = {NOOK: ("417003", "Nookwise Learning"), NETTLE: ("522190", "Nettlecombe Games")}


def dd_ids(at: str) -> tuple[str, str]:
    return str(RNG.randint(7_000_000_000_000_000_000, 7_999_999_999_999_999_999)), str(
        epoch(at) * 1000 + RNG.randint(0, 999)
    )


def dd_title(transition: str, prio: str, scope: str, name: str) -> str:
    word = {
        "Triggered": "Triggered",
        "Re-Triggered": "Re-Triggered",
        "Recovered": "Recovered",
        "Warn": "Warn",
        "Re-Warn": "Re-Warn",
    }[transition]
    return f"[{prio}] [{word} on {{{scope}}}] {name}" if scope else f"[{prio}] [{word}] {name}"


def dd_recommended(
    at: str,
    *,
    monitor: int,
    name: str,
    transition: str,
    scope: str,
    query: str,
    metric: str,
    tags: str,
    message: str,
    prio: str = "P2",
    event_type: str = "query_alert_monitor",
    hostname: str = "",
    cycle: str,
    value: str = "",
):
    eid, date = dd_ids(at)
    alert_type = {"Recovered": "success", "Warn": "warning", "Re-Warn": "warning"}.get(
        transition, "error"
    )
    status = {"Recovered": "OK", "Warn": "Warn", "Re-Warn": "Warn"}.get(transition, "Alert")
    title = dd_title(transition, prio, scope, name)
    msg = message
    if value:
        msg += f"\n\nThe monitor was last triggered at {at.replace('T', ' ').rstrip('Z')} UTC."
        msg += f"\n\n- - -\n\n{metric} over {scope or '*'} was {value}."
    body = {
        "id": eid,
        "title": title,
        "body": f"%%%\n{msg}\n\n@webhook-soulcaster\n%%%",
        "event_type": event_type,
        "date": date,
        "last_updated": date,
        "org": {"id": DD_ORG[NOOK][0], "name": DD_ORG[NOOK][1]},
        "alert_id": str(monitor),
        "alert_cycle_key": cycle,
        "aggreg_key": hashlib.md5(f"{monitor}{scope}".encode()).hexdigest()[:32],
        "alert_scope": scope,
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
        "link": f"https://app.datadoghq.com/event/event?id={eid}",
        "snapshot": "",
    }
    headers = {"Content-Type": "application/json", "User-Agent": "Datadog-Webhook/1.0"}
    return "datadog", headers, body


def dd_nettle(
    at: str,
    *,
    monitor: int,
    name: str,
    transition: str,
    scope: str,
    tags: str,
    message: str,
    cycle: str,
    prio: str = "P2",
    query: str = "",
):
    """Nettlecombe's own template: names of its own, every value a string."""
    eid, date = dd_ids(at)
    body = {
        "source": "datadog",
        "summary": dd_title(transition, prio, scope, name),
        "state": transition,
        "severity": prio,
        "monitor": {"id": str(monitor), "name": name, "query": query},
        "group": scope,
        "cycle": cycle,
        "tags": tags,
        "fired_at": date,
        "text": message,
        "url": f"https://app.datadoghq.eu/monitors/{monitor}",
        "event_id": eid,
    }
    headers = {"Content-Type": "application/json", "User-Agent": "Datadog-Webhook/1.0"}
    return "datadog", headers, body


# --------------------------------------------------------------------------- PostHog


PH_PROJECT = {NOOK: ("31877", "Nookwise"), NETTLE: ("44102", "Nettlecombe")}


def posthog(
    company: str,
    at: str,
    distinct_id: str,
    etype: str,
    evalue: str,
    frames: list[dict],
    props: dict,
    *,
    person: dict | None = None,
    handled: bool = False,
    lib: tuple[str, str] = ("web", "1.194.2"),
):
    pid, _ = PH_PROJECT[company]
    uid = uuid4()
    properties = {
        "$exception_list": [
            {
                "type": etype,
                "value": evalue,
                "mechanism": {
                    "type": "generic" if handled else "onunhandledrejection",
                    "handled": handled,
                    "synthetic": False,
                },
                "stacktrace": {"type": "raw", "frames": frames},
            }
        ],
        "$exception_level": "error",
        "$lib": lib[0],
        "$lib_version": lib[1],
        "$session_id": uuid4(),
        **props,
    }
    host = "https://eu.posthog.com" if company == NETTLE else "https://us.posthog.com"
    event = {
        "uuid": uid,
        "event": "$exception",
        "distinct_id": distinct_id,
        "properties": properties,
        "elements_chain": "",
        "timestamp": iso(at),
        "url": f"{host}/project/{pid}/events/{uid}/{iso(at)}",
    }
    pers = None
    if person is not None:
        pers = {
            "id": uuid4(),
            "properties": person,
            "name": person.get("email") or distinct_id,
            "url": f"{host}/project/{pid}/person/{distinct_id}",
        }
    return "posthog", {"Content-Type": "application/json"}, {"event": event, "person": pers}


def js_frames(chunk: str, funcs: list[tuple[str, int]]) -> list[dict]:
    return [
        {
            "platform": "web:javascript",
            "filename": chunk,
            "function": f,
            "lineno": 1,
            "colno": c,
            "in_app": True,
        }
        for f, c in funcs
    ]


def cs_frames(funcs: list[tuple[str, str]]) -> list[dict]:
    return [
        {"platform": "custom", "lang": "csharp", "function": f, "module": m, "in_app": True}
        for m, f in funcs
    ]


# --------------------------------------------------------------------------- Splunk


SPLUNK_GUID = "6C1B0A7E-4F2D-4C8B-9A55-0E3D7B91C2AF"


def splunk(at: str, search: str, result: dict, *, app: str = "heroku_ops", owner: str = "kmorrow"):
    sid = f"scheduler__{owner}__{app}__RMD5{hexid(16)}_at_{epoch(at)}_{RNG.randint(100, 999)}"
    body = {
        "sid": sid,
        "search_name": search,
        "app": app,
        "owner": owner,
        "results_link": f"https://nookwise.splunkcloud.com/app/{app}/@go?sid={sid}",
        "result": result,
    }
    headers = {"Content-Type": "application/json", "User-Agent": f"Splunk/{SPLUNK_GUID}"}
    return "splunk", headers, body


def drain(at: str, proc: str, line: str, *, app: str = "nookwise-prod") -> dict:
    t = ts(at) - timedelta(seconds=RNG.randint(20, 50), microseconds=RNG.randint(0, 999_999))
    stamp = t.strftime("%Y-%m-%dT%H:%M:%S.%f") + "+00:00"
    return {
        "_raw": f"{stamp} {proc}: {line}",
        "_time": f"{t.timestamp():.3f}",
        "host": app,
        "source": proc.split("[")[0] if "[" in proc else proc,
        "sourcetype": "heroku:logplex",
        "index": "heroku",
        "splunk_server": "idx-i-0a71c3.nookwise.splunkcloud.com",
        "_si": ["idx-i-0a71c3.nookwise.splunkcloud.com", "heroku"],
        "linecount": "1",
    }


def router(at: str, code: str, desc: str, method: str, path: str, dyno: str, svc: int, status: int):
    req = uuid4()
    line = (
        f'at=error code={code} desc="{desc}" method={method} path="{path}" '
        f'host=app.nookwise.com request_id={req} fwd="{RNG.randint(2, 220)}.{RNG.randint(0, 255)}.'
        f'{RNG.randint(0, 255)}.{RNG.randint(1, 254)}" dyno={dyno} connect=0ms service={svc}ms '
        f"status={status} bytes=0 protocol=https"
    )
    return drain(at, "heroku[router]", line)


# --------------------------------------------------------------------------- rows


ROWS: list[dict] = []


def add(company: str, incident: str | None, role: str, at: str, triple) -> None:
    source, headers, body = triple
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


RB_CTX = {"runtime": {"name": "ruby", "version": "ruby 3.3.6 (2024-11-05) [x86_64-linux]"}}
REL = "nookwise-rails@7c41e9a"
REL_BAD = "nookwise-rails@d03b5f2"
REL_FIX = "nookwise-rails@a9e6c10"
MOB = "com.nookwise.pupil@3.8.0+412"
MOB_OLD = "com.nookwise.pupil@3.7.2+398"


def rails_req(method: str, path: str) -> dict:
    return {
        "url": f"https://app.nookwise.com{path}",
        "method": method,
        "headers": [["Host", "app.nookwise.com"], ["X-Request-Id", uuid4()]],
        "env": {"SERVER_NAME": "app.nookwise.com", "SERVER_PORT": "443"},
    }


def pupil(n: int) -> dict:
    return {"id": str(n), "ip_address": "{{auto}}"}


AR_FRAMES = [
    (
        "/app/vendor/bundle/ruby/3.3.0/gems/puma-6.4.3/lib/puma/thread_pool.rb",
        "block in spawn_thread",
        155,
    ),
    (
        "/app/vendor/bundle/ruby/3.3.0/gems/actionpack-7.1.5/lib/abstract_controller/base.rb",
        "process_action",
        224,
    ),
]


def nook() -> None:
    c = NOOK
    tags_prod = "app:nookwise-prod,env:production,team:platform"

    # ---- day 1: 2026-03-10
    # decoy: nightly roster import finished (info message)
    add(
        c,
        None,
        "sentry info: nightly roster sync finished",
        "2026-03-10T06:58:00Z",
        sentry_error(
            c,
            "nookwise-rails",
            "2026-03-10T06:58:00Z",
            [("RosterSync::Finished", "Clever roster sync finished: 412 schools, 3 skipped")],
            [("app/jobs/roster_sync_job.rb", "perform", 61)],
            culprit="RosterSyncJob",
            release=REL,
            level="info",
            handled=True,
            tags={"server_name": "worker.1", "sidekiq.queue": "low"},
            transaction="Sidekiq/RosterSyncJob",
        ),
    )
    # decoy: Heroku release notice in the drain
    add(
        c,
        None,
        "splunk deploy notice: release v412 created",
        "2026-03-10T07:05:00Z",
        splunk(
            "2026-03-10T07:05:00Z",
            "Heroku releases (prod)",
            drain(
                "2026-03-10T07:05:00Z",
                "heroku[api]",
                "Release v412 created by deploy-bot@nookwise.com",
            ),
        ),
    )

    # I1: bad deploy of v412: nil due_at in LessonsController#show
    inc = "nook-v412-lessons-nomethod"
    at = "2026-03-10T07:09:00Z"
    fr = [
        *AR_FRAMES,
        ("app/controllers/lessons_controller.rb", "show", 38),
        ("app/presenters/lesson_presenter.rb", "due_label", 17),
    ]
    add(
        c,
        inc,
        "sentry event_alert: NoMethodError in LessonsController#show after v412",
        at,
        sentry_alert(
            c,
            "nookwise-rails",
            at,
            "New issue in production (rails)",
            [("NoMethodError", "undefined method `strftime' for nil")],
            fr,
            culprit="LessonsController#show",
            release=REL_BAD,
            transaction="LessonsController#show",
            tags={
                "server_name": "web.2",
                "url": "https://app.nookwise.com/classes/8841/lessons/20331",
            },
            request=rails_req("GET", "/classes/8841/lessons/20331"),
            user=pupil(220391),
            contexts=RB_CTX,
        ),
    )
    at = "2026-03-10T07:10:00Z"
    add(
        c,
        inc,
        "splunk app error line: NoMethodError on web.4",
        at,
        splunk(
            at,
            "App 500s - exceptions (prod)",
            drain(
                at,
                "app[web.4]",
                f"E, [2026-03-10T07:09:41.118 #2] ERROR -- : [{uuid4()}] "
                "NoMethodError (undefined method `strftime' for nil):",
            ),
        ),
    )
    at = "2026-03-10T07:12:00Z"
    add(
        c,
        inc,
        "datadog router 5xx rate triggered on app",
        at,
        dd_recommended(
            at,
            monitor=1330412,
            name="Heroku router 5xx rate high",
            transition="Triggered",
            scope="app:nookwise-prod",
            query="sum(last_5m):sum:heroku.router.status.5xx{app:nookwise-prod}.as_count() > 150",
            metric="heroku.router.status.5xx",
            tags=tags_prod + ",monitor",
            cycle="cyc-1330412-0310a",
            message=(
                "5xx responses from the router are above 150 in 5 minutes. Check the latest "
                "release."
            ),
            value="412",
        ),
    )
    at = "2026-03-10T07:13:00Z"
    add(
        c,
        inc,
        "posthog $exception: lesson page fetch 500 in web app",
        at,
        posthog(
            c,
            at,
            "pupil_220391",
            "Error",
            "Request failed with status code 500",
            js_frames(
                "https://app.nookwise.com/assets/application-4be1c2a8.js",
                [("LessonView.load", 2231), ("async Promise.all", 91)],
            ),
            {
                "$current_url": "https://app.nookwise.com/classes/8841/lessons/20331",
                "$browser": "Chrome",
                "$os": "Chrome OS",
                "$host": "app.nookwise.com",
            },
            person={"email": "pupil220391@students.nookwise.com", "role": "pupil"},
        ),
    )
    at = "2026-03-10T07:24:00Z"
    add(
        c,
        inc,
        "datadog router 5xx rate recovered after rollback",
        at,
        dd_recommended(
            at,
            monitor=1330412,
            name="Heroku router 5xx rate high",
            transition="Recovered",
            scope="app:nookwise-prod",
            query="sum(last_5m):sum:heroku.router.status.5xx{app:nookwise-prod}.as_count() > 150",
            metric="heroku.router.status.5xx",
            tags=tags_prod + ",monitor",
            cycle="cyc-1330412-0310a",
            message="5xx responses from the router are back under threshold.",
            value="12",
        ),
    )
    at = "2026-03-10T07:31:00Z"
    add(
        c,
        inc,
        "sentry issue resolved in next release",
        at,
        sentry_issue(
            c,
            "nookwise-rails",
            at,
            "resolved",
            "NoMethodError",
            "undefined method `strftime' for nil",
            "LessonsController#show",
            first_seen="2026-03-10T07:08:52Z",
            count=388,
            users=301,
            filename="app/presenters/lesson_presenter.rb",
            function="due_label",
            who=(88213, "Priya Anand"),
        ),
    )

    # decoy, same minutes: staging failing on its own (migration pending)
    at = "2026-03-10T07:11:00Z"
    add(
        c,
        None,
        "sentry staging: pending migration error",
        at,
        sentry_error(
            c,
            "nookwise-rails",
            at,
            [
                (
                    "ActiveRecord::PendingMigrationError",
                    (
                        "Migrations are pending. To resolve this issue, run: bin/rails "
                        "db:migrate RAILS_ENV=staging"
                    ),
                )
            ],
            [*AR_FRAMES, ("app/controllers/application_controller.rb", "set_current_school", 22)],
            culprit="ApplicationController#set_current_school",
            release="nookwise-rails@e1f2aa0",
            env="staging",
            tags={"server_name": "web.1"},
            transaction="DashboardController#index",
        ),
    )

    # I2: Heroku Postgres failover: web and workers lose connections
    inc = "nook-pg-failover"
    at = "2026-03-10T07:46:00Z"
    add(
        c,
        inc,
        "datadog postgres add-on connections dropped",
        at,
        dd_recommended(
            at,
            monitor=1330500,
            name="Heroku Postgres: active connections dropped to zero",
            transition="Triggered",
            scope="addon:postgresql-tapered-31877",
            query=(
                "min(last_2m):"
                "avg:heroku.postgres.active_connections{addon:postgresql-tapered-31877} "
                "< 1"
            ),
            metric="heroku.postgres.active_connections",
            tags="addon:postgresql-tapered-31877,app:nookwise-prod,env:production,plan:standard-2",
            cycle="cyc-1330500-0310",
            message="Primary database connections fell to 0. Possible HA failover.",
            value="0",
            prio="P1",
        ),
    )
    at = "2026-03-10T07:47:00Z"
    add(
        c,
        inc,
        "sentry error: PG::ConnectionBad in AssignmentsController",
        at,
        sentry_error(
            c,
            "nookwise-rails",
            at,
            [
                (
                    "PG::ConnectionBad",
                    (
                        "PQconsumeInput() server closed the connection unexpectedly\n\tThis "
                        "probably means the server terminated abnormally"
                    ),
                ),
                (
                    "ActiveRecord::ConnectionNotEstablished",
                    "PQconsumeInput() server closed the connection unexpectedly",
                ),
            ],
            [
                *AR_FRAMES,
                ("app/controllers/api/v1/assignments_controller.rb", "index", 14),
                (
                    "/app/vendor/bundle/ruby/3.3.0/gems/activerecord-7.1.5/lib/active_record/connection_adapters/postgresql_adapter.rb",
                    "exec_no_cache",
                    894,
                ),
            ],
            culprit="Api::V1::AssignmentsController#index",
            release=REL_FIX,
            transaction="Api::V1::AssignmentsController#index",
            tags={"server_name": "web.1"},
            request=rails_req("GET", "/api/v1/assignments"),
            user=pupil(118020),
            contexts=RB_CTX,
        ),
    )
    at = "2026-03-10T07:47:00Z"
    add(
        c,
        inc,
        "sentry error: Sidekiq GradeSubmissionJob lost its connection",
        at,
        sentry_error(
            c,
            "nookwise-rails",
            at,
            [
                (
                    "ActiveRecord::ConnectionNotEstablished",
                    (
                        'connection to server at "ec2-52-4-19-88.compute-1.amazonaws.com" '
                        "(52.4.19.88), port 5432 failed: Connection refused"
                    ),
                )
            ],
            [
                (
                    "/app/vendor/bundle/ruby/3.3.0/gems/sidekiq-7.2.4/lib/sidekiq/processor.rb",
                    "execute_job",
                    220,
                ),
                ("app/jobs/grade_submission_job.rb", "perform", 9),
            ],
            culprit="GradeSubmissionJob",
            release=REL_FIX,
            transaction="Sidekiq/GradeSubmissionJob",
            tags={"server_name": "worker.2", "sidekiq.queue": "grading"},
            contexts=RB_CTX,
        ),
    )
    at = "2026-03-10T07:48:00Z"
    add(
        c,
        inc,
        "splunk stats: 5xx by code in the last 5 minutes",
        at,
        splunk(
            at,
            "Router errors by code (5m)",
            {
                "code": "H13",
                "desc": "Connection closed without response",
                "count": "61",
                "dynos": "web.1 web.2 web.3 web.4",
            },
        ),
    )
    at = "2026-03-10T07:49:00Z"
    add(
        c,
        inc,
        "posthog $exception: assignments 503 in web app",
        at,
        posthog(
            c,
            at,
            "teacher_5521",
            "AxiosError",
            "Request failed with status code 503",
            js_frames(
                "https://app.nookwise.com/assets/application-8c02e1f3.js",
                [("fetchAssignments", 4410), ("AssignmentsPanel.useEffect", 1802)],
            ),
            {
                "$current_url": "https://app.nookwise.com/teacher/assignments",
                "$browser": "Safari",
                "$os": "Mac OS X",
            },
            person={"email": "l.okafor@brightwater-academy.org", "role": "teacher"},
        ),
    )
    at = "2026-03-10T07:55:00Z"
    add(
        c,
        inc,
        "datadog postgres add-on connections recovered",
        at,
        dd_recommended(
            at,
            monitor=1330500,
            name="Heroku Postgres: active connections dropped to zero",
            transition="Recovered",
            scope="addon:postgresql-tapered-31877",
            query=(
                "min(last_2m):"
                "avg:heroku.postgres.active_connections{addon:postgresql-tapered-31877} "
                "< 1"
            ),
            metric="heroku.postgres.active_connections",
            tags="addon:postgresql-tapered-31877,app:nookwise-prod,env:production,plan:standard-2",
            cycle="cyc-1330500-0310",
            message="Connections are back.",
            value="118",
            prio="P1",
        ),
    )
    # decoy in the same minutes: a browser extension's error
    at = "2026-03-10T07:48:00Z"
    add(
        c,
        None,
        "posthog $exception: browser extension ResizeObserver noise",
        at,
        posthog(
            c,
            at,
            "pupil_90014",
            "Error",
            "ResizeObserver loop completed with undelivered notifications.",
            [],
            {
                "$current_url": "https://app.nookwise.com/classes/1200/quiz/88",
                "$browser": "Chrome",
                "$os": "Windows",
            },
        ),
    )
    # decoy: dyno memory warning that recovers alone
    for at, tr in (("2026-03-10T07:52:00Z", "Warn"), ("2026-03-10T08:01:00Z", "Recovered")):
        add(
            c,
            None,
            f"datadog web.1 memory {tr.lower()} (recovers alone)",
            at,
            dd_recommended(
                at,
                monitor=1330611,
                name="Dyno memory above 85% of quota",
                transition=tr,
                scope="app:nookwise-prod,dyno:web.1",
                query="avg(last_10m):avg:heroku.dyno.memory.pct{app:nookwise-prod} by {dyno} > 95",
                metric="heroku.dyno.memory.pct",
                tags=tags_prod + ",dyno:web.1",
                cycle="cyc-1330611-web1",
                message="Memory on {{dyno.name}} is high.",
                value="87.1" if tr == "Warn" else "61.0",
                prio="P4",
            ),
        )

    # I3: worker dyno R14 -> R15 memory (a leak in the PDF report job)
    inc = "nook-worker-memory-r14"
    at = "2026-03-10T08:14:00Z"
    add(
        c,
        inc,
        "datadog dyno memory critical on worker.2",
        at,
        dd_recommended(
            at,
            monitor=1330611,
            name="Dyno memory above 85% of quota",
            transition="Triggered",
            scope="app:nookwise-prod,dyno:worker.2",
            query="avg(last_10m):avg:heroku.dyno.memory.pct{app:nookwise-prod} by {dyno} > 95",
            metric="heroku.dyno.memory.pct",
            tags=tags_prod + ",dyno:worker.2",
            cycle="cyc-1330611-wrk2",
            message="Memory on worker.2 is high.",
            value="142.6",
            prio="P2",
        ),
    )
    at = "2026-03-10T08:15:00Z"
    add(
        c,
        inc,
        "splunk R14 line from worker.2",
        at,
        splunk(
            at,
            "Heroku runtime errors R10-R15",
            drain(at, "heroku[worker.2]", "Error R14 (Memory quota exceeded)"),
        ),
    )
    at = "2026-03-10T08:22:00Z"
    add(
        c,
        inc,
        "splunk R15 line: worker.2 killed",
        at,
        splunk(
            at,
            "Heroku runtime errors R10-R15",
            drain(
                at,
                "heroku[worker.2]",
                "Error R15 (Memory quota vastly exceeded)\nStopping process with SIGKILL",
            ),
        ),
    )
    at = "2026-03-10T08:23:00Z"
    add(
        c,
        inc,
        "sentry error: report job interrupted when the dyno was killed",
        at,
        sentry_error(
            c,
            "nookwise-rails",
            at,
            [("Sidekiq::Shutdown", "Sidekiq::Shutdown")],
            [
                ("app/jobs/term_report_pdf_job.rb", "perform", 44),
                ("app/pdf/term_report.rb", "render_charts", 131),
            ],
            culprit="TermReportPdfJob",
            release=REL_FIX,
            transaction="Sidekiq/TermReportPdfJob",
            tags={"server_name": "worker.2", "sidekiq.queue": "reports"},
            contexts=RB_CTX,
        ),
    )
    at = "2026-03-10T08:30:00Z"
    add(
        c,
        inc,
        "datadog dyno memory recovered on worker.2",
        at,
        dd_recommended(
            at,
            monitor=1330611,
            name="Dyno memory above 85% of quota",
            transition="Recovered",
            scope="app:nookwise-prod,dyno:worker.2",
            query="avg(last_10m):avg:heroku.dyno.memory.pct{app:nookwise-prod} by {dyno} > 95",
            metric="heroku.dyno.memory.pct",
            tags=tags_prod + ",dyno:worker.2",
            cycle="cyc-1330611-wrk2",
            message="Memory on worker.2 is back to normal.",
            value="38.0",
        ),
    )

    # I4: report export H12 request timeouts (a slow query)
    inc = "nook-report-export-h12"
    at = "2026-03-10T08:16:00Z"
    add(
        c,
        inc,
        "splunk router H12 on report export",
        at,
        splunk(
            at,
            "Router H12/H13 (prod)",
            router(
                at,
                "H12",
                "Request timeout",
                "GET",
                "/teacher/reports/export.csv?term=spring",
                "web.3",
                30000,
                503,
            ),
        ),
    )
    at = "2026-03-10T08:17:00Z"
    add(
        c,
        inc,
        "sentry error: Rack::Timeout in ReportsController#export",
        at,
        sentry_error(
            c,
            "nookwise-rails",
            at,
            [("Rack::Timeout::RequestTimeoutException", "Request ran for longer than 28000ms ")],
            [
                *AR_FRAMES,
                ("app/controllers/teacher/reports_controller.rb", "export", 57),
                ("app/queries/gradebook_export_query.rb", "rows", 88),
            ],
            culprit="Teacher::ReportsController#export",
            release=REL_FIX,
            transaction="Teacher::ReportsController#export",
            tags={"server_name": "web.3"},
            request=rails_req("GET", "/teacher/reports/export.csv?term=spring"),
            user={"id": "t-5521", "email": "l.okafor@brightwater-academy.org"},
            contexts=RB_CTX,
        ),
    )
    at = "2026-03-10T08:18:00Z"
    add(
        c,
        inc,
        "datadog router service time p95 high",
        at,
        dd_recommended(
            at,
            monitor=1330420,
            name="Router service time p95 above 10s",
            transition="Triggered",
            scope="app:nookwise-prod",
            query="avg(last_5m):p95:heroku.router.service_ms{app:nookwise-prod} > 10000",
            metric="heroku.router.service_ms",
            tags=tags_prod,
            cycle="cyc-1330420-0310",
            message="Slow requests on the router.",
            value="29750",
        ),
    )
    at = "2026-03-10T08:19:00Z"
    add(
        c,
        inc,
        "posthog $exception: export download timed out",
        at,
        posthog(
            c,
            at,
            "teacher_5521",
            "AxiosError",
            "timeout of 30000ms exceeded",
            js_frames(
                "https://app.nookwise.com/assets/application-8c02e1f3.js",
                [("downloadExport", 5120), ("ReportsToolbar.onClick", 3312)],
            ),
            {
                "$current_url": "https://app.nookwise.com/teacher/reports",
                "$browser": "Safari",
                "$os": "Mac OS X",
            },
            person={"email": "l.okafor@brightwater-academy.org", "role": "teacher"},
        ),
    )
    # decoy: H27 client interrupted (a pupil closing the tab)
    at = "2026-03-10T08:18:00Z"
    add(
        c,
        None,
        "splunk router H27 client interrupted",
        at,
        splunk(
            at,
            "Router H12/H13 (prod)",
            router(
                at,
                "H27",
                "Client Request Interrupted",
                "POST",
                "/api/v1/attempts/55120/answers",
                "web.1",
                412,
                499,
            ),
        ),
    )

    # I5: Redis timeouts: cache and Sidekiq both
    inc = "nook-redis-timeouts"
    at = "2026-03-10T08:40:00Z"
    add(
        c,
        inc,
        "datadog heroku redis latency high",
        at,
        dd_recommended(
            at,
            monitor=1330700,
            name="Heroku Redis command latency high",
            transition="Triggered",
            scope="addon:redis-rugged-04412",
            query="avg(last_5m):avg:heroku.redis.latency.p99{addon:redis-rugged-04412} > 200",
            metric="heroku.redis.latency.p99",
            tags="addon:redis-rugged-04412,app:nookwise-prod,env:production",
            cycle="cyc-1330700-0310",
            message="Redis p99 latency is high; evictions at maxmemory.",
            value="1840",
        ),
    )
    at = "2026-03-10T08:41:00Z"
    add(
        c,
        inc,
        "sentry error: RedisClient::ReadTimeoutError in Rails.cache",
        at,
        sentry_error(
            c,
            "nookwise-rails",
            at,
            [("RedisClient::ReadTimeoutError", "Waited 1.0 seconds")],
            [
                *AR_FRAMES,
                ("app/controllers/dashboard_controller.rb", "index", 11),
                (
                    "/app/vendor/bundle/ruby/3.3.0/gems/redis-client-0.22.2/lib/redis_client/ruby_connection.rb",
                    "read",
                    144,
                ),
            ],
            culprit="DashboardController#index",
            release=REL_FIX,
            transaction="DashboardController#index",
            tags={"server_name": "web.2"},
            request=rails_req("GET", "/dashboard"),
            user=pupil(77120),
            contexts=RB_CTX,
        ),
    )
    at = "2026-03-10T08:42:00Z"
    add(
        c,
        inc,
        "splunk sidekiq line: redis timeout fetching jobs",
        at,
        splunk(
            at,
            "Sidekiq errors (prod)",
            drain(
                at,
                "app[worker.1]",
                (
                    "2026-03-10T08:41:37.552Z pid=4 tid=2k9 WARN: RedisClient::ReadTimeoutError: "
                    "Waited 3.0 seconds"
                ),
            ),
        ),
    )
    at = "2026-03-10T08:44:00Z"
    add(
        c,
        inc,
        "sentry metric alert: error count critical",
        at,
        sentry_metric(
            c,
            at,
            "critical",
            "Rails errors spike",
            "",
            "count()",
            ["nookwise-rails"],
            200.0,
            "412 events",
            started="2026-03-10T08:42:00Z",
            rule_id=62011,
            incident_id=1101,
        ),
    )
    at = "2026-03-10T08:58:00Z"
    add(
        c,
        inc,
        "sentry metric alert resolved",
        at,
        sentry_metric(
            c,
            at,
            "resolved",
            "Rails errors spike",
            "",
            "count()",
            ["nookwise-rails"],
            200.0,
            "31 events",
            started="2026-03-10T08:42:00Z",
            rule_id=62011,
            incident_id=1101,
        ),
    )
    # decoy in the same minutes: unrelated CSRF error
    at = "2026-03-10T08:43:00Z"
    add(
        c,
        None,
        "sentry error: InvalidAuthenticityToken on sign-in (unrelated)",
        at,
        sentry_error(
            c,
            "nookwise-rails",
            at,
            [
                (
                    "ActionController::InvalidAuthenticityToken",
                    "Can't verify CSRF token authenticity.",
                )
            ],
            AR_FRAMES,
            culprit="Users::SessionsController#create",
            release=REL_FIX,
            level="warning",
            transaction="Users::SessionsController#create",
            tags={"server_name": "web.4"},
            request=rails_req("POST", "/users/sign_in"),
        ),
    )

    # I6: mobile 3.8.0 crash on the quiz screen
    inc = "nook-mobile-380-quiz-crash"
    at = "2026-03-10T09:05:00Z"
    rn = [
        ("app:///index.android.bundle", "QuizScreen", 1, None),
        ("app:///index.android.bundle", "renderQuestionCount", 1, None),
    ]
    add(
        c,
        inc,
        "sentry event_alert: TypeError in mobile 3.8.0 quiz screen",
        at,
        sentry_alert(
            c,
            "nookwise-mobile",
            at,
            "Mobile crash in new release",
            [("TypeError", "Cannot read property 'length' of undefined")],
            rn,
            culprit="renderQuestionCount(app:///index.android.bundle)",
            release=MOB,
            tags={
                "device.family": "Android",
                "os.name": "Android",
                "os": "Android 14",
                "dist": "412",
            },
            user={"id": "pupil_40311"},
            contexts={"app": {"app_version": "3.8.0", "app_build": "412"}},
        ),
    )
    at = "2026-03-10T09:06:00Z"
    add(
        c,
        inc,
        "posthog $exception from mobile 3.8.0",
        at,
        posthog(
            c,
            at,
            "pupil_40311",
            "TypeError",
            "Cannot read property 'length' of undefined",
            [
                {
                    "platform": "web:javascript",
                    "filename": "app:///index.android.bundle",
                    "function": "renderQuestionCount",
                    "lineno": 1,
                    "colno": 88213,
                    "in_app": True,
                }
            ],
            {
                "$app_version": "3.8.0",
                "$app_build": "412",
                "$os": "Android",
                "$os_version": "14",
                "$screen_name": "QuizScreen",
                "$device_type": "Mobile",
            },
            lib=("posthog-react-native", "3.6.1"),
        ),
    )
    at = "2026-03-10T09:09:00Z"
    add(
        c,
        inc,
        "sentry metric alert: crash free sessions below 99% on mobile",
        at,
        sentry_metric(
            c,
            at,
            "critical",
            "Pupil app crash-free sessions",
            "release:3.8.0+412",
            "percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate",
            ["nookwise-mobile"],
            1.0,
            "2.7%",
            started="2026-03-10T09:07:00Z",
            rule_id=62020,
            incident_id=1102,
        ),
    )
    at = "2026-03-10T09:11:00Z"
    add(
        c,
        inc,
        "sentry event_alert: same crash on iOS",
        at,
        sentry_alert(
            c,
            "nookwise-mobile",
            at,
            "Mobile crash in new release",
            [("TypeError", "undefined is not an object (evaluating 'e.questions.length')")],
            [
                ("app:///main.jsbundle", "QuizScreen", 1, None),
                ("app:///main.jsbundle", "renderQuestionCount", 1, None),
            ],
            culprit="renderQuestionCount(app:///main.jsbundle)",
            release="com.nookwise.pupil@3.8.0+413",
            tags={"device.family": "iOS", "os.name": "iOS", "os": "iOS 17.6"},
            user={"id": "pupil_51102"},
        ),
    )
    # decoy: an old mobile release's offline error
    at = "2026-03-10T09:08:00Z"
    add(
        c,
        None,
        "posthog $exception: old app offline fetch (unrelated)",
        at,
        posthog(
            c,
            at,
            "pupil_11873",
            "TypeError",
            "Network request failed",
            [],
            {
                "$app_version": "3.7.2",
                "$os": "iOS",
                "$screen_name": "HomeScreen",
                "$network_wifi": False,
            },
            lib=("posthog-react-native", "3.4.0"),
        ),
    )

    # I7: S3 uploads failing for homework attachments (web and mobile)
    inc = "nook-s3-uploads"
    at = "2026-03-10T09:35:00Z"
    add(
        c,
        inc,
        "sentry error: Aws::S3 ServiceUnavailable in UploadsController",
        at,
        sentry_error(
            c,
            "nookwise-rails",
            at,
            [
                ("Seahorse::Client::NetworkingError", "Net::ReadTimeout"),
                ("Aws::S3::Errors::ServiceUnavailable", "Please reduce your request rate."),
            ],
            [
                *AR_FRAMES,
                ("app/controllers/api/v1/uploads_controller.rb", "create", 29),
                (
                    "/app/vendor/bundle/ruby/3.3.0/gems/activestorage-7.1.5/lib/active_storage/service/s3_service.rb",
                    "upload",
                    23,
                ),
            ],
            culprit="Api::V1::UploadsController#create",
            release=REL_FIX,
            transaction="Api::V1::UploadsController#create",
            tags={"server_name": "web.1"},
            request=rails_req("POST", "/api/v1/uploads"),
            user=pupil(40311),
            contexts=RB_CTX,
        ),
    )
    at = "2026-03-10T09:36:00Z"
    add(
        c,
        inc,
        "sentry error from mobile: upload 502",
        at,
        sentry_error(
            c,
            "nookwise-mobile",
            at,
            [("UploadError", "POST https://app.nookwise.com/api/v1/uploads failed: 502")],
            [("app:///index.android.bundle", "HomeworkSubmit.onAttach", 1, None)],
            culprit="HomeworkSubmit.onAttach(app:///index.android.bundle)",
            release=MOB,
            tags={"os.name": "Android"},
            user={"id": "pupil_40311"},
            handled=True,
        ),
    )
    at = "2026-03-10T09:37:00Z"
    add(
        c,
        inc,
        "splunk app error line: ActiveStorage upload failed",
        at,
        splunk(
            at,
            "App 500s - exceptions (prod)",
            drain(
                at,
                "app[web.3]",
                f"E, [2026-03-10T09:36:48.010 #2] ERROR -- : [{uuid4()}] "
                "Aws::S3::Errors::ServiceUnavailable (Please reduce your request rate.):",
            ),
        ),
    )
    at = "2026-03-10T09:38:00Z"
    add(
        c,
        inc,
        "posthog $exception from web: attachment upload failed",
        at,
        posthog(
            c,
            at,
            "pupil_66230",
            "AxiosError",
            "Request failed with status code 502",
            js_frames(
                "https://app.nookwise.com/assets/application-8c02e1f3.js",
                [("DirectUpload.create", 9021)],
            ),
            {
                "$current_url": "https://app.nookwise.com/homework/7731/submit",
                "$browser": "Chrome",
                "$os": "Chrome OS",
            },
        ),
    )

    # decoy: daily heartbeat monitor, and a staging redis alert
    at = "2026-03-10T09:40:00Z"
    add(
        c,
        None,
        "datadog heartbeat: nightly backup check ok",
        at,
        dd_recommended(
            at,
            monitor=1330001,
            name="Heartbeat: pg:backups capture succeeded",
            transition="Recovered",
            scope="",
            query="events('sources:heroku \"backup completed\"').rollup('count').last('1d') < 1",
            metric="",
            tags="app:nookwise-prod,env:production,heartbeat",
            cycle="cyc-1330001-0310",
            message="Daily backup event seen.",
            event_type="event_v2_alert",
            prio="P5",
        ),
    )
    at = "2026-03-10T09:41:00Z"
    add(
        c,
        None,
        "datadog staging redis memory high (staging)",
        at,
        dd_recommended(
            at,
            monitor=1330701,
            name="Heroku Redis memory high",
            transition="Triggered",
            scope="addon:redis-silky-88120",
            query="avg(last_10m):avg:heroku.redis.memory.pct{*} by {addon} > 90",
            metric="heroku.redis.memory.pct",
            tags="addon:redis-silky-88120,app:nookwise-staging,env:staging",
            cycle="cyc-1330701-stg",
            message="Staging redis near maxmemory.",
            value="93.0",
            prio="P4",
        ),
    )

    # I8: Stripe timeouts on subscription renewals and checkout
    inc = "nook-stripe-timeouts"
    at = "2026-03-10T10:02:00Z"
    add(
        c,
        inc,
        "sentry error: Stripe::APIConnectionError in RenewSubscriptionJob",
        at,
        sentry_error(
            c,
            "nookwise-rails",
            at,
            [
                (
                    "Stripe::APIConnectionError",
                    (
                        "Request to Stripe timed out (Network error: Net::ReadTimeout with "
                        "#<TCPSocket:(closed)>)"
                    ),
                )
            ],
            [
                (
                    "/app/vendor/bundle/ruby/3.3.0/gems/sidekiq-7.2.4/lib/sidekiq/processor.rb",
                    "execute_job",
                    220,
                ),
                ("app/jobs/renew_subscription_job.rb", "perform", 18),
                ("app/services/billing/renewal.rb", "charge!", 42),
            ],
            culprit="RenewSubscriptionJob",
            release=REL_FIX,
            transaction="Sidekiq/RenewSubscriptionJob",
            tags={"server_name": "worker.1", "sidekiq.queue": "billing"},
            contexts=RB_CTX,
        ),
    )
    at = "2026-03-10T10:03:00Z"
    add(
        c,
        inc,
        "sentry error: Stripe timeout at school checkout",
        at,
        sentry_error(
            c,
            "nookwise-rails",
            at,
            [
                (
                    "Stripe::APIConnectionError",
                    "Request to Stripe timed out (Network error: Net::OpenTimeout)",
                )
            ],
            [
                *AR_FRAMES,
                ("app/controllers/billing/checkouts_controller.rb", "create", 33),
                ("app/services/billing/checkout.rb", "start!", 27),
            ],
            culprit="Billing::CheckoutsController#create",
            release=REL_FIX,
            transaction="Billing::CheckoutsController#create",
            tags={"server_name": "web.4"},
            request=rails_req("POST", "/billing/checkout"),
            user={"id": "t-9910", "email": "bursar@hollins-prep.org"},
            contexts=RB_CTX,
        ),
    )
    at = "2026-03-10T10:04:00Z"
    add(
        c,
        inc,
        "splunk stats: Stripe errors by job",
        at,
        splunk(
            at,
            "Billing job failures (15m)",
            {
                "class": "RenewSubscriptionJob",
                "error_class": "Stripe::APIConnectionError",
                "count": "23",
                "retry_max": "3",
            },
        ),
    )
    at = "2026-03-10T10:06:00Z"
    add(
        c,
        inc,
        "datadog sidekiq retries growing on billing queue",
        at,
        dd_recommended(
            at,
            monitor=1330800,
            name="Sidekiq retry set growing",
            transition="Triggered",
            scope="queue:billing",
            query="avg(last_10m):avg:sidekiq.retries{app:nookwise-prod} by {queue} > 20",
            metric="sidekiq.retries",
            tags="app:nookwise-prod,env:production,queue:billing",
            cycle="cyc-1330800-0310",
            message="Billing jobs are retrying.",
            value="41",
        ),
    )
    # decoy at the same time: deploy notice of the marketing site
    at = "2026-03-10T10:05:00Z"
    add(
        c,
        None,
        "splunk deploy notice: marketing site release",
        at,
        splunk(
            at,
            "Heroku releases (prod)",
            drain(
                at, "heroku[api]", "Deploy 4c0e9f1 by deploy-bot@nookwise.com", app="nookwise-www"
            ),
        ),
    )

    # ---- day 2: 2026-03-11
    # I9: connection pool exhaustion; re-fires after a lull
    inc = "nook-db-pool-exhaustion"
    at = "2026-03-11T07:20:00Z"
    pg_q = (
        "avg(last_5m):avg:heroku.postgres.connections_waiting{addon:postgresql-tapered-31877} > 10"
    )
    add(
        c,
        inc,
        "datadog postgres waiting connections triggered",
        at,
        dd_recommended(
            at,
            monitor=1330510,
            name="Heroku Postgres: connections waiting",
            transition="Triggered",
            scope="addon:postgresql-tapered-31877",
            query=pg_q,
            metric="heroku.postgres.connections_waiting",
            tags="addon:postgresql-tapered-31877,app:nookwise-prod,env:production",
            cycle="cyc-1330510-0311",
            message="Clients are waiting on connections.",
            value="37",
        ),
    )
    at = "2026-03-11T07:21:00Z"
    add(
        c,
        inc,
        "sentry error: ConnectionTimeoutError in QuizAttemptsController",
        at,
        sentry_error(
            c,
            "nookwise-rails",
            at,
            [
                (
                    "ActiveRecord::ConnectionTimeoutError",
                    (
                        "could not obtain a connection from the pool within 5.000 seconds "
                        "(waited 5.001 seconds); all pooled connections were in use"
                    ),
                )
            ],
            [*AR_FRAMES, ("app/controllers/api/v1/quiz_attempts_controller.rb", "create", 21)],
            culprit="Api::V1::QuizAttemptsController#create",
            release=REL_FIX,
            transaction="Api::V1::QuizAttemptsController#create",
            tags={"server_name": "web.2"},
            request=rails_req("POST", "/api/v1/quiz_attempts"),
            user=pupil(33019),
            contexts=RB_CTX,
        ),
    )
    at = "2026-03-11T07:23:00Z"
    add(
        c,
        inc,
        "splunk stats: H12 by dyno",
        at,
        splunk(
            at,
            "Router errors by code (5m)",
            {"code": "H12", "desc": "Request timeout", "count": "88", "dynos": "web.1 web.2 web.3"},
        ),
    )
    at = "2026-03-11T07:34:00Z"
    add(
        c,
        inc,
        "datadog postgres waiting connections recovered",
        at,
        dd_recommended(
            at,
            monitor=1330510,
            name="Heroku Postgres: connections waiting",
            transition="Recovered",
            scope="addon:postgresql-tapered-31877",
            query=pg_q,
            metric="heroku.postgres.connections_waiting",
            tags="addon:postgresql-tapered-31877,app:nookwise-prod,env:production",
            cycle="cyc-1330510-0311",
            message="Connections are back to normal.",
            value="0",
        ),
    )
    at = "2026-03-11T08:25:00Z"
    add(
        c,
        inc,
        "datadog postgres waiting connections triggered again after a lull",
        at,
        dd_recommended(
            at,
            monitor=1330510,
            name="Heroku Postgres: connections waiting",
            transition="Triggered",
            scope="addon:postgresql-tapered-31877",
            query=pg_q,
            metric="heroku.postgres.connections_waiting",
            tags="addon:postgresql-tapered-31877,app:nookwise-prod,env:production",
            cycle="cyc-1330510-0311b",
            message="Clients are waiting on connections.",
            value="52",
        ),
    )
    at = "2026-03-11T08:26:00Z"
    add(
        c,
        inc,
        "sentry error: ConnectionTimeoutError again in a Sidekiq job",
        at,
        sentry_error(
            c,
            "nookwise-rails",
            at,
            [
                (
                    "ActiveRecord::ConnectionTimeoutError",
                    (
                        "could not obtain a connection from the pool within 5.000 seconds "
                        "(waited 5.002 seconds); all pooled connections were in use"
                    ),
                )
            ],
            [
                (
                    "/app/vendor/bundle/ruby/3.3.0/gems/sidekiq-7.2.4/lib/sidekiq/processor.rb",
                    "execute_job",
                    220,
                ),
                ("app/jobs/grade_submission_job.rb", "perform", 9),
            ],
            culprit="GradeSubmissionJob",
            release=REL_FIX,
            transaction="Sidekiq/GradeSubmissionJob",
            tags={"server_name": "worker.3", "sidekiq.queue": "grading"},
            contexts=RB_CTX,
        ),
    )

    # I10: api.nookwise.com certificate expired (ACM renewal failed): mobile can't connect
    inc = "nook-api-cert-expired"
    at = "2026-03-11T07:40:00Z"
    add(
        c,
        inc,
        "datadog TLS check: certificate expired on api host",
        at,
        dd_recommended(
            at,
            monitor=1330900,
            name="TLS certificate expiring",
            transition="Triggered",
            scope="url:https://api.nookwise.com",
            query='"tls.cert_expiration".over("url:https://api.nookwise.com").by("url").last(2).count_by_status()',
            metric="tls.cert_expiration",
            tags="env:production,url:https://api.nookwise.com,check:tls",
            cycle="cyc-1330900-0311",
            message="The certificate for api.nookwise.com has expired (ACM status: failing).",
            event_type="service_check",
            prio="P1",
        ),
    )
    at = "2026-03-11T07:41:00Z"
    add(
        c,
        inc,
        "sentry error from mobile: SSL handshake failed",
        at,
        sentry_error(
            c,
            "nookwise-mobile",
            at,
            [("Error", "java.security.cert.CertPathValidatorException: timestamp check failed")],
            [("app:///index.android.bundle", "apiClient.request", 1, None)],
            culprit="apiClient.request(app:///index.android.bundle)",
            release=MOB,
            tags={"os.name": "Android", "url": "https://api.nookwise.com/v2/timetable"},
            user={"id": "pupil_8812"},
        ),
    )
    at = "2026-03-11T07:42:00Z"
    add(
        c,
        inc,
        "posthog $exception from mobile iOS: cert invalid",
        at,
        posthog(
            c,
            at,
            "pupil_51102",
            "Error",
            (
                "The certificate for this server is invalid. You might be connecting to a server "
                "that is pretending to be \u201capi.nookwise.com\u201d"
            ),
            [],
            {"$app_version": "3.8.1", "$os": "iOS", "$screen_name": "TimetableScreen"},
            lib=("posthog-react-native", "3.6.1"),
        ),
    )
    at = "2026-03-11T07:47:00Z"
    add(
        c,
        inc,
        "sentry event_alert: cert error rule on mobile",
        at,
        sentry_alert(
            c,
            "nookwise-mobile",
            at,
            "Mobile network errors > 50/5m",
            [("Error", "java.security.cert.CertPathValidatorException: timestamp check failed")],
            [("app:///index.android.bundle", "apiClient.request", 1, None)],
            culprit="apiClient.request(app:///index.android.bundle)",
            release=MOB,
            tags={"os.name": "Android", "url": "https://api.nookwise.com/v2/homework"},
            user={"id": "pupil_9091"},
        ),
    )
    at = "2026-03-11T08:02:00Z"
    add(
        c,
        inc,
        "datadog TLS check recovered after cert re-issued",
        at,
        dd_recommended(
            at,
            monitor=1330900,
            name="TLS certificate expiring",
            transition="Recovered",
            scope="url:https://api.nookwise.com",
            query='"tls.cert_expiration".over("url:https://api.nookwise.com").by("url").last(2).count_by_status()',
            metric="tls.cert_expiration",
            tags="env:production,url:https://api.nookwise.com,check:tls",
            cycle="cyc-1330900-0311",
            message="Certificate valid.",
            event_type="service_check",
            prio="P1",
        ),
    )
    # decoys in the same minutes
    at = "2026-03-11T07:43:00Z"
    add(
        c,
        None,
        "sentry staging: cert error on staging api (self-signed)",
        at,
        sentry_error(
            c,
            "nookwise-mobile",
            at,
            [
                (
                    "Error",
                    (
                        "java.security.cert.CertPathValidatorException: Trust anchor for "
                        "certification path not found."
                    ),
                )
            ],
            [("app:///index.android.bundle", "apiClient.request", 1, None)],
            culprit="apiClient.request(app:///index.android.bundle)",
            release="com.nookwise.pupil@3.9.0-beta.2+420",
            env="staging",
            tags={"os.name": "Android", "url": "https://api-staging.nookwise.com/v2/timetable"},
        ),
    )
    at = "2026-03-11T07:44:00Z"
    add(
        c,
        None,
        "splunk sidekiq summary stats (scheduled, benign)",
        at,
        splunk(
            at,
            "Sidekiq daily summary",
            {"queue": "default", "processed": "18210", "failed": "4", "avg_latency_s": "0.41"},
        ),
    )

    # I11: Postmark email failures (queue backing up on mailers)
    inc = "nook-postmark-mailers-backlog"
    at = "2026-03-11T08:40:00Z"
    add(
        c,
        inc,
        "datadog sidekiq queue latency on mailers",
        at,
        dd_recommended(
            at,
            monitor=1330810,
            name="Sidekiq queue latency high",
            transition="Triggered",
            scope="queue:mailers",
            query="avg(last_5m):max:sidekiq.queue.latency{app:nookwise-prod} by {queue} > 300",
            metric="sidekiq.queue.latency",
            tags="app:nookwise-prod,env:production,queue:mailers",
            cycle="cyc-1330810-0311",
            message="Mail jobs are waiting.",
            value="1260",
        ),
    )
    at = "2026-03-11T08:41:00Z"
    add(
        c,
        inc,
        "sentry error: Postmark::TimeoutError in MailDeliveryJob",
        at,
        sentry_error(
            c,
            "nookwise-rails",
            at,
            [("Postmark::TimeoutError", "Net::ReadTimeout")],
            [
                (
                    "/app/vendor/bundle/ruby/3.3.0/gems/sidekiq-7.2.4/lib/sidekiq/processor.rb",
                    "execute_job",
                    220,
                ),
                (
                    "/app/vendor/bundle/ruby/3.3.0/gems/actionmailer-7.1.5/lib/action_mailer/mail_delivery_job.rb",
                    "perform",
                    23,
                ),
                (
                    "/app/vendor/bundle/ruby/3.3.0/gems/postmark-1.25.1/lib/postmark/http_client.rb",
                    "post",
                    33,
                ),
            ],
            culprit="ActionMailer::MailDeliveryJob",
            release=REL_FIX,
            transaction="Sidekiq/ActionMailer::MailDeliveryJob",
            tags={"server_name": "worker.1", "sidekiq.queue": "mailers"},
            contexts=RB_CTX,
        ),
    )
    at = "2026-03-11T08:43:00Z"
    add(
        c,
        inc,
        "splunk sidekiq line: mail job retry",
        at,
        splunk(
            at,
            "Sidekiq errors (prod)",
            drain(
                at,
                "app[worker.1]",
                "2026-03-11T08:42:51.004Z pid=4 tid=3ch class=ActionMailer::MailDeliveryJob "
                "jid=5f1c0a9be2d14e77 elapsed=30.012 WARN: Postmark::TimeoutError: "
                "Net::ReadTimeout",
            ),
        ),
    )
    at = "2026-03-11T09:02:00Z"
    add(
        c,
        inc,
        "datadog sidekiq mailers latency recovered",
        at,
        dd_recommended(
            at,
            monitor=1330810,
            name="Sidekiq queue latency high",
            transition="Recovered",
            scope="queue:mailers",
            query="avg(last_5m):max:sidekiq.queue.latency{app:nookwise-prod} by {queue} > 300",
            metric="sidekiq.queue.latency",
            tags="app:nookwise-prod,env:production,queue:mailers",
            cycle="cyc-1330810-0311",
            message="Mail queue drained.",
            value="4",
        ),
    )
    # decoy: a different queue warns and recovers alone
    for at, tr in (("2026-03-11T08:44:00Z", "Warn"), ("2026-03-11T08:50:00Z", "Recovered")):
        add(
            c,
            None,
            f"datadog sidekiq low queue latency {tr.lower()} (recovers alone)",
            at,
            dd_recommended(
                at,
                monitor=1330810,
                name="Sidekiq queue latency high",
                transition=tr,
                scope="queue:low",
                query="avg(last_5m):max:sidekiq.queue.latency{app:nookwise-prod} by {queue} > 300",
                metric="sidekiq.queue.latency",
                tags="app:nookwise-prod,env:production,queue:low",
                cycle="cyc-1330810-low",
                message="Low-priority jobs are waiting.",
                value="210" if tr == "Warn" else "8",
                prio="P4",
            ),
        )

    # I12: autograder (an external code-runner) slow: grading queue backs up, quiz page errors
    inc = "nook-autograder-grading-backlog"
    at = "2026-03-11T09:20:00Z"
    add(
        c,
        inc,
        "sentry error: Faraday::TimeoutError calling the autograder",
        at,
        sentry_error(
            c,
            "nookwise-rails",
            at,
            [
                ("Net::ReadTimeout", "Net::ReadTimeout with #<TCPSocket:(closed)>"),
                ("Faraday::TimeoutError", "Net::ReadTimeout with #<TCPSocket:(closed)>"),
            ],
            [
                (
                    "/app/vendor/bundle/ruby/3.3.0/gems/sidekiq-7.2.4/lib/sidekiq/processor.rb",
                    "execute_job",
                    220,
                ),
                ("app/jobs/grade_submission_job.rb", "perform", 14),
                ("app/clients/autograder_client.rb", "run_tests", 52),
            ],
            culprit="GradeSubmissionJob",
            release=REL_FIX,
            transaction="Sidekiq/GradeSubmissionJob",
            tags={
                "server_name": "worker.3",
                "sidekiq.queue": "grading",
                "autograder.host": "run.judge0-cloud.io",
            },
            contexts=RB_CTX,
        ),
    )
    at = "2026-03-11T09:23:00Z"
    add(
        c,
        inc,
        "datadog grading queue latency high",
        at,
        dd_recommended(
            at,
            monitor=1330810,
            name="Sidekiq queue latency high",
            transition="Triggered",
            scope="queue:grading",
            query="avg(last_5m):max:sidekiq.queue.latency{app:nookwise-prod} by {queue} > 300",
            metric="sidekiq.queue.latency",
            tags="app:nookwise-prod,env:production,queue:grading",
            cycle="cyc-1330810-grading",
            message="Grading jobs are waiting.",
            value="940",
        ),
    )
    at = "2026-03-11T09:25:00Z"
    add(
        c,
        inc,
        "posthog $exception: result polling gave up in web app",
        at,
        posthog(
            c,
            at,
            "pupil_33019",
            "Error",
            "Grading is taking longer than expected (poll limit reached)",
            js_frames(
                "https://app.nookwise.com/assets/application-1f77e0b2.js",
                [("pollResult", 7711), ("CodeExercise.submit", 6120)],
            ),
            {
                "$current_url": "https://app.nookwise.com/classes/3310/exercises/912",
                "$browser": "Firefox",
                "$os": "Windows",
            },
            handled=True,
        ),
    )
    at = "2026-03-11T09:26:00Z"
    add(
        c,
        inc,
        "splunk stats: grading jobs failed by error",
        at,
        splunk(
            at,
            "Sidekiq failures by class (15m)",
            {"class": "GradeSubmissionJob", "error_class": "Faraday::TimeoutError", "count": "57"},
        ),
    )
    # decoy: unrelated mobile crash on an old release
    at = "2026-03-11T09:24:00Z"
    add(
        c,
        None,
        "sentry error from mobile 3.7.2: unrelated image cache crash",
        at,
        sentry_error(
            c,
            "nookwise-mobile",
            at,
            [("Error", "Unable to resolve module ./assets/avatars/owl@3x.png")],
            [("app:///index.android.bundle", "AvatarPicker", 1, None)],
            culprit="AvatarPicker(app:///index.android.bundle)",
            release=MOB_OLD,
            tags={"os.name": "Android"},
        ),
    )


# --------------------------------------------------------------------------- Nettlecombe


GO = "github.com/nettlecombe/backend"
UNITY_REL = "nettle-client@1.42.0"


def go_frames(svc: str, funcs: list[tuple[str, str, int]]) -> list[tuple]:
    base = [("runtime/proc.go", "goexit", 1700, "runtime")]
    out = base + [(f"{svc}/{file}", fn, line, f"{GO}/{svc}") for file, fn, line in funcs]
    return out


def k8s_tags(svc: str, pod: str, ver: str, env: str = "production") -> dict:
    return {
        "kube_deployment": svc,
        "kube_namespace": "live" if env == "production" else "staging",
        "pod_name": pod,
        "server_name": pod,
        "service": svc,
        "version": ver,
    }


def unity_ctx(device: str, os_: str) -> dict:
    return {
        "device": {"model": device},
        "os": {"name": os_},
        "unity": {"editor_version": "2022.3.41f1"},
    }


def nettle() -> None:
    c = NETTLE
    day = "2026-04-14"

    def t(hm: str) -> str:
        return f"{day}T{hm}:00Z"

    # decoy: ArgoCD sync notice through an event monitor
    at = t("06:50")
    add(
        c,
        None,
        "datadog deploy notice: argocd synced lobby",
        at,
        dd_nettle(
            at,
            monitor=88120,
            name="ArgoCD sync succeeded",
            transition="Triggered",
            scope="kube_deployment:lobby",
            tags="env:production,kube_deployment:lobby,source:argocd",
            message="lobby synced to 3.8.1 (healthy)",
            cycle="argo-lobby-381",
            prio="P5",
        ),
    )

    # G1: matchmaker bad deploy v2.31.0 panics
    inc = "nettle-matchmaker-231-panic"
    at = t("07:02")
    add(
        c,
        inc,
        "datadog matchmaker pods restarting",
        at,
        dd_nettle(
            at,
            monitor=88201,
            name="Pods restarting",
            transition="Triggered",
            scope="kube_deployment:matchmaker,kube_namespace:live",
            tags="env:production,kube_cluster_name:nc-live-euw1,kube_deployment:matchmaker,kube_namespace:live",
            message="Container restarts > 5 in 10m for matchmaker (CrashLoopBackOff).",
            cycle="cyc-88201-mm-a",
            query=(
                "change(max(last_10m),last_10m):"
                "sum:kubernetes.containers.restarts{kube_namespace:live} "
                "by {kube_deployment} > 5"
            ),
        ),
    )
    at = t("07:03")
    add(
        c,
        inc,
        "sentry event_alert: panic in matchmaker 2.31.0",
        at,
        sentry_alert(
            c,
            "matchmaker",
            at,
            "New panic in production",
            [("*runtime.TypeAssertionError", "assignment to entry in nil map")],
            go_frames(
                "matchmaker",
                [
                    ("internal/queue/pool.go", "(*Pool).Enqueue", 118),
                    ("internal/queue/region.go", "(*Region).addTicket", 64),
                ],
            ),
            culprit="(*Region).addTicket",
            release="matchmaker@2.31.0",
            tags=k8s_tags("matchmaker", "matchmaker-7c9f6d8b5-x2kq4", "2.31.0"),
        ),
    )
    at = t("07:04")
    add(
        c,
        inc,
        "sentry error from Unity: matchmaking failed (503)",
        at,
        sentry_error(
            c,
            "nettle-unity",
            at,
            [
                (
                    "Nettlecombe.Net.MatchmakingException",
                    "CreateTicket failed: 503 Service Unavailable (mm.nettlecombe.gg)",
                )
            ],
            [
                (
                    "Assets/Scripts/Net/MatchmakingClient.cs",
                    "MatchmakingClient.CreateTicketAsync",
                    0,
                    "Nettlecombe.Net",
                ),
                ("Assets/Scripts/UI/PlayButton.cs", "PlayButton.OnClick", 0, "Nettlecombe.UI"),
            ],
            culprit="MatchmakingClient.CreateTicketAsync",
            release=UNITY_REL,
            level="error",
            handled=True,
            tags={"device": "PC", "os": "Windows 11"},
            contexts=unity_ctx("Desktop", "Windows"),
            user={"id": "steam:76561198044410012"},
        ),
    )
    at = t("07:05")
    add(
        c,
        inc,
        "posthog $exception from game client: matchmaking timeout",
        at,
        posthog(
            c,
            at,
            "steam:76561198011203344",
            "MatchmakingException",
            "CreateTicket failed: 503 Service Unavailable",
            cs_frames([("Nettlecombe.Net", "MatchmakingClient.CreateTicketAsync")]),
            {
                "$app_version": "1.42.0",
                "platform": "steam",
                "$os": "Windows",
                "region": "eu-west",
                "game_mode": "ranked",
            },
            lib=("posthog-unity", "0.4.0"),
            handled=True,
        ),
    )
    at = t("07:21")
    add(
        c,
        inc,
        "sentry issue resolved after rollback to 2.30.4",
        at,
        sentry_issue(
            c,
            "matchmaker",
            at,
            "resolved",
            "*runtime.TypeAssertionError",
            "assignment to entry in nil map",
            "(*Region).addTicket",
            first_seen=t("07:01"),
            count=4120,
            users=0,
            filename="matchmaker/internal/queue/region.go",
            function="(*Region).addTicket",
            who=(30211, "Tomasz Wrona"),
        ),
    )
    # decoy: staging matchmaker failing in the same minutes
    at = t("07:04")
    add(
        c,
        None,
        "datadog staging matchmaker pods restarting",
        at,
        dd_nettle(
            at,
            monitor=88201,
            name="Pods restarting",
            transition="Triggered",
            scope="kube_deployment:matchmaker,kube_namespace:staging",
            tags="env:staging,kube_cluster_name:nc-stg-euw1,kube_deployment:matchmaker,kube_namespace:staging",
            message="Container restarts > 5 in 10m for matchmaker.",
            cycle="cyc-88201-mm-stg",
        ),
    )
    at = t("07:06")
    add(
        c,
        None,
        "sentry staging: matchmaker config error",
        at,
        sentry_error(
            c,
            "matchmaker",
            at,
            [("*errors.errorString", "config: REDIS_ADDR not set")],
            go_frames("matchmaker", [("cmd/matchmaker/main.go", "main.main", 41)]),
            culprit="main.main",
            release="matchmaker@2.32.0-rc.1",
            env="staging",
            tags=k8s_tags("matchmaker", "matchmaker-5b8d4f7c9-pq8zt", "2.32.0-rc.1", "staging"),
        ),
    )

    # G2: Spanner CPU high: inventory and payments errors; clients see load failures
    inc = "nettle-spanner-cpu"
    at = t("07:40")
    add(
        c,
        inc,
        "datadog spanner instance CPU high",
        at,
        dd_nettle(
            at,
            monitor=88300,
            name="Spanner high-priority CPU above 65%",
            transition="Triggered",
            scope="instance_id:nc-live-spanner",
            tags="env:production,instance_id:nc-live-spanner,project_id:nettlecombe-live",
            message="Spanner CPU (high priority) at 91%.",
            cycle="cyc-88300-a",
            query=(
                "avg(last_10m):avg:gcp.spanner.instance.cpu.utilization_by_priority{priority:high} "
                "by {instance_id} > 0.65"
            ),
        ),
    )
    at = t("07:41")
    add(
        c,
        inc,
        "sentry error: inventory spanner DeadlineExceeded",
        at,
        sentry_error(
            c,
            "inventory",
            at,
            [
                (
                    "*status.Error",
                    'spanner: code = "DeadlineExceeded", desc = "context deadline exceeded"',
                )
            ],
            go_frames(
                "inventory",
                [
                    ("internal/api/handlers.go", "(*Server).GetLoadout", 77),
                    ("internal/store/spanner.go", "(*Store).Loadout", 142),
                ],
            ),
            culprit="(*Store).Loadout",
            release="inventory@1.19.2",
            tags=k8s_tags("inventory", "inventory-6d5b9c7f4-m7r2d", "1.19.2")
            | {"trace_id": hexid(32), "http.route": "/v1/players/{id}/loadout"},
        ),
    )
    at = t("07:42")
    add(
        c,
        inc,
        "sentry error: payments spanner Aborted",
        at,
        sentry_error(
            c,
            "payments",
            at,
            [
                (
                    "*status.Error",
                    (
                        'spanner: code = "Aborted", desc = "Transaction was aborted. It was '
                        'wounded by a higher priority transaction due to conflict on keys"'
                    ),
                )
            ],
            go_frames("payments", [("internal/ledger/ledger.go", "(*Ledger).Credit", 88)]),
            culprit="(*Ledger).Credit",
            release="payments@4.2.0",
            tags=k8s_tags("payments", "payments-84c6f5d9b-9wz6k", "4.2.0"),
        ),
    )
    at = t("07:43")
    add(
        c,
        inc,
        "sentry error from Unity: loadout load failed 504",
        at,
        sentry_error(
            c,
            "nettle-unity",
            at,
            [
                (
                    "Nettlecombe.Net.ApiException",
                    "GET /v1/players/me/loadout returned 504 Gateway Timeout",
                )
            ],
            [
                ("Assets/Scripts/Net/ApiClient.cs", "ApiClient.SendAsync", 0, "Nettlecombe.Net"),
                (
                    "Assets/Scripts/Inventory/LoadoutService.cs",
                    "LoadoutService.RefreshAsync",
                    0,
                    "Nettlecombe.Inventory",
                ),
            ],
            culprit="LoadoutService.RefreshAsync",
            release=UNITY_REL,
            handled=True,
            tags={"device": "PlayStation 5", "os": "PS5"},
            user={"id": "psn:5520019931"},
        ),
    )
    at = t("07:44")
    add(
        c,
        inc,
        "posthog $exception from launcher: store page 504",
        at,
        posthog(
            c,
            at,
            "steam:76561198099911220",
            "Error",
            "GET https://api.nettlecombe.gg/v1/store/offers 504",
            js_frames("app://launcher/dist/renderer/store-3f1a.js", [("fetchOffers", 1442)]),
            {
                "$current_url": "app://launcher/store",
                "$app_version": "launcher 2.6.3",
                "$os": "Windows",
            },
        ),
    )
    at = t("08:02")
    add(
        c,
        inc,
        "datadog spanner CPU recovered",
        at,
        dd_nettle(
            at,
            monitor=88300,
            name="Spanner high-priority CPU above 65%",
            transition="Recovered",
            scope="instance_id:nc-live-spanner",
            tags="env:production,instance_id:nc-live-spanner,project_id:nettlecombe-live",
            message="Spanner CPU (high priority) back to 38%.",
            cycle="cyc-88300-a",
        ),
    )
    # decoy: unrelated Unity shader error same minutes
    at = t("07:42")
    add(
        c,
        None,
        "sentry error from Unity: shader compile error on old GPU (unrelated)",
        at,
        sentry_error(
            c,
            "nettle-unity",
            at,
            [
                (
                    "UnityEngine.UnityException",
                    (
                        "Shader error in 'Nettle/Water': maximum ps_4_0 sampler register index "
                        "(16) exceeded"
                    ),
                )
            ],
            [
                (
                    "Assets/Scripts/Rendering/WaterRenderer.cs",
                    "WaterRenderer.OnEnable",
                    0,
                    "Nettlecombe.Rendering",
                )
            ],
            culprit="WaterRenderer.OnEnable",
            release=UNITY_REL,
            level="warning",
            tags={"device": "PC", "gpu": "Intel HD 4000"},
        ),
    )

    # G3: Memorystore failover: lobby and matchmaker redis errors
    inc = "nettle-memorystore-failover"
    at = t("08:20")
    add(
        c,
        inc,
        "datadog memorystore failover detected",
        at,
        dd_nettle(
            at,
            monitor=88400,
            name="Memorystore role changed",
            transition="Triggered",
            scope="instance_id:nc-live-redis",
            tags="env:production,instance_id:nc-live-redis,region:europe-west1",
            message="Memorystore nc-live-redis: replica promoted (manual failover or maintenance).",
            cycle="cyc-88400-a",
        ),
    )
    at = t("08:21")
    add(
        c,
        inc,
        "sentry error: lobby READONLY from redis",
        at,
        sentry_error(
            c,
            "lobby",
            at,
            [("redis.Error", "READONLY You can't write against a read only replica.")],
            go_frames("lobby", [("internal/party/store.go", "(*Store).Join", 53)]),
            culprit="(*Store).Join",
            release="lobby@3.8.1",
            tags=k8s_tags("lobby", "lobby-5f7d8c6b9-h4v9n", "3.8.1")
            | {"redis.addr": "10.42.8.3:6379"},
        ),
    )
    at = t("08:21")
    add(
        c,
        inc,
        "sentry error: matchmaker redis i/o timeout",
        at,
        sentry_error(
            c,
            "matchmaker",
            at,
            [("*net.OpError", "dial tcp 10.42.8.3:6379: i/o timeout")],
            go_frames("matchmaker", [("internal/queue/pool.go", "(*Pool).Heartbeat", 201)]),
            culprit="(*Pool).Heartbeat",
            release="matchmaker@2.30.4",
            tags=k8s_tags("matchmaker", "matchmaker-6b4c7f9d8-r2m7w", "2.30.4"),
        ),
    )
    at = t("08:23")
    add(
        c,
        inc,
        "posthog $exception from game client: party join failed",
        at,
        posthog(
            c,
            at,
            "xbl:2535401199887766",
            "LobbyException",
            "JoinParty failed: 500 internal",
            cs_frames(
                [
                    ("Nettlecombe.Lobby", "PartyService.JoinAsync"),
                    ("Nettlecombe.UI", "FriendsPanel.OnJoin"),
                ]
            ),
            {"$app_version": "1.42.0", "platform": "xbox", "$os": "Xbox"},
            lib=("posthog-unity", "0.4.0"),
        ),
    )
    at = t("08:29")
    add(
        c,
        inc,
        "datadog memorystore recovered",
        at,
        dd_nettle(
            at,
            monitor=88400,
            name="Memorystore role changed",
            transition="Recovered",
            scope="instance_id:nc-live-redis",
            tags="env:production,instance_id:nc-live-redis,region:europe-west1",
            message="Memorystore nc-live-redis healthy.",
            cycle="cyc-88400-a",
        ),
    )

    # G4: Pub/Sub backlog on match-completed: rewards not granted
    inc = "nettle-pubsub-rewards-backlog"
    at = t("08:50")
    add(
        c,
        inc,
        "datadog pubsub oldest unacked age high",
        at,
        dd_nettle(
            at,
            monitor=88500,
            name="Pub/Sub subscription backlog",
            transition="Triggered",
            scope="subscription_id:inventory-match-completed",
            tags="env:production,subscription_id:inventory-match-completed,topic_id:match-completed",
            message="Oldest unacked message is 14m old on inventory-match-completed.",
            cycle="cyc-88500-inv",
            query=(
                "max(last_5m):max:gcp.pubsub.subscription.oldest_unacked_message_age{*} by "
                "{subscription_id} > 300"
            ),
        ),
    )
    at = t("08:51")
    add(
        c,
        inc,
        "sentry error: inventory reward consumer nack",
        at,
        sentry_error(
            c,
            "inventory",
            at,
            [
                (
                    "*fmt.wrapError",
                    (
                        "grant rewards for match 7f11c0de: insert ledger row: context deadline "
                        "exceeded"
                    ),
                )
            ],
            go_frames(
                "inventory",
                [
                    ("internal/rewards/consumer.go", "(*Consumer).Handle", 97),
                    ("internal/rewards/grant.go", "Grant", 40),
                ],
            ),
            culprit="(*Consumer).Handle",
            release="inventory@1.19.2",
            tags=k8s_tags("inventory", "inventory-worker-7d9c8b6f5-t6w2x", "1.19.2")
            | {"messaging.destination": "match-completed"},
        ),
    )
    at = t("08:54")
    add(
        c,
        inc,
        "sentry error from Unity: rewards missing after match",
        at,
        sentry_error(
            c,
            "nettle-unity",
            at,
            [
                (
                    "Nettlecombe.Progression.RewardSyncException",
                    "Match rewards not granted after 60s (match 7f11c0de)",
                )
            ],
            [
                (
                    "Assets/Scripts/Progression/RewardPoller.cs",
                    "RewardPoller.WaitForGrantAsync",
                    0,
                    "Nettlecombe.Progression",
                )
            ],
            culprit="RewardPoller.WaitForGrantAsync",
            release=UNITY_REL,
            handled=True,
            level="warning",
            tags={"device": "PC", "os": "Windows 10"},
        ),
    )
    at = t("09:12")
    add(
        c,
        inc,
        "datadog pubsub backlog recovered",
        at,
        dd_nettle(
            at,
            monitor=88500,
            name="Pub/Sub subscription backlog",
            transition="Recovered",
            scope="subscription_id:inventory-match-completed",
            tags="env:production,subscription_id:inventory-match-completed,topic_id:match-completed",
            message="Backlog cleared.",
            cycle="cyc-88500-inv",
        ),
    )
    # decoy: analytics subscription warns and recovers alone
    for at, tr in ((t("08:52"), "Warn"), (t("08:58"), "Recovered")):
        add(
            c,
            None,
            f"datadog analytics subscription backlog {tr.lower()} (recovers alone)",
            at,
            dd_nettle(
                at,
                monitor=88500,
                name="Pub/Sub subscription backlog",
                transition=tr,
                scope="subscription_id:bq-export-telemetry",
                tags="env:production,subscription_id:bq-export-telemetry,topic_id:client-telemetry",
                message="Telemetry export lagging.",
                cycle="cyc-88500-bq",
                prio="P4",
            ),
        )

    # G5: Steam microtransaction API timeouts in payments
    inc = "nettle-steam-payments-timeout"
    at = t("09:30")
    add(
        c,
        inc,
        "sentry error: payments InitTxn timeout",
        at,
        sentry_error(
            c,
            "payments",
            at,
            [
                (
                    "*url.Error",
                    (
                        'Post "https://partner.steam-api.com/ISteamMicroTxn/InitTxn/v3/": '
                        "context deadline exceeded (Client.Timeout exceeded while awaiting "
                        "headers)"
                    ),
                )
            ],
            go_frames(
                "payments",
                [
                    ("internal/steam/client.go", "(*Client).InitTxn", 61),
                    ("internal/api/purchase.go", "(*Server).StartPurchase", 120),
                ],
            ),
            culprit="(*Client).InitTxn",
            release="payments@4.2.0",
            tags=k8s_tags("payments", "payments-84c6f5d9b-2kq8s", "4.2.0") | {"provider": "steam"},
        ),
    )
    at = t("09:32")
    add(
        c,
        inc,
        "sentry metric alert: payments error rate critical",
        at,
        sentry_metric(
            c,
            at,
            "critical",
            "Payments failed purchases",
            "transaction:/v1/purchases",
            "failure_rate()",
            ["payments"],
            0.05,
            "0.31 failure rate",
            started=t("09:31"),
            rule_id=7301,
            incident_id=5011,
        ),
    )
    at = t("09:33")
    add(
        c,
        inc,
        "datadog APM error rate on payments",
        at,
        dd_nettle(
            at,
            monitor=88600,
            name="payments-svc error rate",
            transition="Triggered",
            scope="service:payments-svc,env:production",
            tags="env:production,service:payments-svc,team:commerce",
            message="Error rate 31% on resource POST /v1/purchases.",
            cycle="cyc-88600-a",
            query=(
                "sum(last_5m):trace.http.request.errors{service:payments-svc}.as_count() / "
                "trace.http.request.hits{service:payments-svc}.as_count() > 0.05"
            ),
        ),
    )
    at = t("09:34")
    add(
        c,
        inc,
        "posthog $exception from launcher: purchase failed",
        at,
        posthog(
            c,
            at,
            "steam:76561198033300451",
            "PurchaseError",
            "Purchase could not be started (payments 502)",
            js_frames(
                "app://launcher/dist/renderer/store-3f1a.js",
                [("startPurchase", 2210), ("BuyButton.onClick", 802)],
            ),
            {
                "$current_url": "app://launcher/store/item/skin-ember-fox",
                "$app_version": "launcher 2.6.3",
                "$os": "Windows",
            },
            person={"steam_id": "76561198033300451", "country": "DE"},
        ),
    )
    at = t("09:52")
    add(
        c,
        inc,
        "sentry metric alert resolved",
        at,
        sentry_metric(
            c,
            at,
            "resolved",
            "Payments failed purchases",
            "transaction:/v1/purchases",
            "failure_rate()",
            ["payments"],
            0.05,
            "0.01 failure rate",
            started=t("09:31"),
            rule_id=7301,
            incident_id=5011,
        ),
    )
    # decoy: a card-declined business error in payments, same minutes
    at = t("09:35")
    add(
        c,
        None,
        "sentry warning: payments user cancelled purchase (benign)",
        at,
        sentry_error(
            c,
            "payments",
            at,
            [("*errors.errorString", "steam: user denied transaction (EResult 2)")],
            go_frames("payments", [("internal/steam/client.go", "(*Client).FinalizeTxn", 103)]),
            culprit="(*Client).FinalizeTxn",
            release="payments@4.2.0",
            level="warning",
            tags=k8s_tags("payments", "payments-84c6f5d9b-9wz6k", "4.2.0"),
        ),
    )

    # G6: game server OOM kills in the fleet; re-fires after a lull
    inc = "nettle-gameserver-oom"
    at = t("10:05")
    add(
        c,
        inc,
        "datadog gameserver OOMKilled",
        at,
        dd_nettle(
            at,
            monitor=88700,
            name="Game server containers OOMKilled",
            transition="Triggered",
            scope="kube_namespace:gameservers,agones_fleet:arena-eu",
            tags="agones_fleet:arena-eu,env:production,kube_namespace:gameservers",
            message=(
                "3 gameserver pods OOMKilled in 5m (arena-eu-7xk2p-9m4dd, arena-eu-7xk2p-qq2lr, "
                "...)."
            ),
            cycle="cyc-88700-a",
        ),
    )
    at = t("10:06")
    add(
        c,
        inc,
        "sentry error from Unity: disconnected mid-match",
        at,
        sentry_error(
            c,
            "nettle-unity",
            at,
            [
                (
                    "Nettlecombe.Netcode.ConnectionLostException",
                    "Transport disconnected: timed out (server 34.140.22.91:7781)",
                )
            ],
            [
                (
                    "Assets/Scripts/Netcode/ClientSession.cs",
                    "ClientSession.OnTransportEvent",
                    0,
                    "Nettlecombe.Netcode",
                )
            ],
            culprit="ClientSession.OnTransportEvent",
            release=UNITY_REL,
            handled=True,
            tags={"device": "PC", "os": "Windows 11", "match.region": "eu-west"},
        ),
    )
    at = t("10:07")
    add(
        c,
        inc,
        "posthog $exception from game client: connection lost",
        at,
        posthog(
            c,
            at,
            "steam:76561198055501234",
            "ConnectionLostException",
            "Transport disconnected: timed out",
            cs_frames([("Nettlecombe.Netcode", "ClientSession.OnTransportEvent")]),
            {
                "$app_version": "1.42.0",
                "platform": "steam",
                "$os": "Windows",
                "region": "eu-west",
                "fleet": "arena-eu",
            },
            lib=("posthog-unity", "0.4.0"),
            handled=True,
        ),
    )
    at = t("10:20")
    add(
        c,
        inc,
        "datadog gameserver OOM recovered",
        at,
        dd_nettle(
            at,
            monitor=88700,
            name="Game server containers OOMKilled",
            transition="Recovered",
            scope="kube_namespace:gameservers,agones_fleet:arena-eu",
            tags="agones_fleet:arena-eu,env:production,kube_namespace:gameservers",
            message="No OOM kills in 10m.",
            cycle="cyc-88700-a",
        ),
    )
    at = t("11:05")
    add(
        c,
        inc,
        "datadog gameserver OOMKilled again after a lull",
        at,
        dd_nettle(
            at,
            monitor=88700,
            name="Game server containers OOMKilled",
            transition="Triggered",
            scope="kube_namespace:gameservers,agones_fleet:arena-eu",
            tags="agones_fleet:arena-eu,env:production,kube_namespace:gameservers",
            message="4 gameserver pods OOMKilled in 5m (arena-eu-7xk2p-b7c2w, ...).",
            cycle="cyc-88700-b",
        ),
    )
    at = t("11:06")
    add(
        c,
        inc,
        "sentry error from Unity: disconnected again",
        at,
        sentry_error(
            c,
            "nettle-unity",
            at,
            [
                (
                    "Nettlecombe.Netcode.ConnectionLostException",
                    "Transport disconnected: timed out (server 34.140.19.7:7760)",
                )
            ],
            [
                (
                    "Assets/Scripts/Netcode/ClientSession.cs",
                    "ClientSession.OnTransportEvent",
                    0,
                    "Nettlecombe.Netcode",
                )
            ],
            culprit="ClientSession.OnTransportEvent",
            release=UNITY_REL,
            handled=True,
            tags={"device": "PC", "os": "Windows 10", "match.region": "eu-west"},
        ),
    )

    # G7: lobby websocket cert expired
    inc = "nettle-lobby-cert-expired"
    at = t("10:30")
    add(
        c,
        inc,
        "datadog TLS check failing on lobby endpoint",
        at,
        dd_nettle(
            at,
            monitor=88800,
            name="TLS certificate valid",
            transition="Triggered",
            scope="url:wss://lobby.nettlecombe.gg",
            tags="check:tls,env:production,url:wss://lobby.nettlecombe.gg",
            message=(
                "Certificate for lobby.nettlecombe.gg expired 2026-04-14 10:24 UTC (cert-manager "
                "Certificate not Ready)."
            ),
            cycle="cyc-88800-a",
            prio="P1",
        ),
    )
    at = t("10:31")
    add(
        c,
        inc,
        "sentry error from Unity: TLS handshake failed",
        at,
        sentry_error(
            c,
            "nettle-unity",
            at,
            [
                (
                    "Mono.Security.Interface.TlsException",
                    (
                        "Handshake failed - error code: UNITYTLS_INTERNAL_ERROR, verify result: "
                        "UNITYTLS_X509VERIFY_FLAG_EXPIRED"
                    ),
                ),
                (
                    "System.Net.WebSockets.WebSocketException",
                    "Unable to connect to the remote server",
                ),
            ],
            [
                (
                    "Assets/Scripts/Lobby/LobbySocket.cs",
                    "LobbySocket.ConnectAsync",
                    0,
                    "Nettlecombe.Lobby",
                )
            ],
            culprit="LobbySocket.ConnectAsync",
            release=UNITY_REL,
            tags={"device": "PC", "os": "Windows 11"},
        ),
    )
    at = t("10:32")
    add(
        c,
        inc,
        "posthog $exception from launcher: cert date invalid",
        at,
        posthog(
            c,
            at,
            "steam:76561198077700022",
            "Error",
            (
                "WebSocket connection to 'wss://lobby.nettlecombe.gg/ws' failed: "
                "net::ERR_CERT_DATE_INVALID"
            ),
            js_frames("app://launcher/dist/renderer/friends-9b20.js", [("connectLobby", 381)]),
            {
                "$current_url": "app://launcher/friends",
                "$app_version": "launcher 2.6.3",
                "$os": "Mac OS X",
            },
        ),
    )
    at = t("10:33")
    add(
        c,
        inc,
        "sentry error: matchmaker calls to lobby fail x509",
        at,
        sentry_error(
            c,
            "matchmaker",
            at,
            [
                (
                    "*tls.CertificateVerificationError",
                    (
                        "tls: failed to verify certificate: x509: certificate has expired or is "
                        "not yet valid: current time 2026-04-14T10:32:41Z is after "
                        "2026-04-14T10:24:00Z"
                    ),
                )
            ],
            go_frames(
                "matchmaker", [("internal/lobbyclient/client.go", "(*Client).NotifyMatch", 72)]
            ),
            culprit="(*Client).NotifyMatch",
            release="matchmaker@2.30.4",
            tags=k8s_tags("matchmaker", "matchmaker-6b4c7f9d8-r2m7w", "2.30.4")
            | {"peer.hostname": "lobby.nettlecombe.gg"},
        ),
    )
    at = t("10:44")
    add(
        c,
        inc,
        "datadog TLS check recovered",
        at,
        dd_nettle(
            at,
            monitor=88800,
            name="TLS certificate valid",
            transition="Recovered",
            scope="url:wss://lobby.nettlecombe.gg",
            tags="check:tls,env:production,url:wss://lobby.nettlecombe.gg",
            message="Certificate renewed, valid until 2026-07-13.",
            cycle="cyc-88800-a",
            prio="P1",
        ),
    )
    # decoy: launcher unrelated UI error in the same minutes
    at = t("10:33")
    add(
        c,
        None,
        "posthog $exception from launcher: news widget image 404 (unrelated)",
        at,
        posthog(
            c,
            at,
            "steam:76561198012300999",
            "TypeError",
            "Cannot read properties of null (reading 'hero_image')",
            js_frames("app://launcher/dist/renderer/home-1c4e.js", [("NewsCard.render", 2291)]),
            {
                "$current_url": "app://launcher/home",
                "$app_version": "launcher 2.6.3",
                "$os": "Windows",
            },
        ),
    )

    # G8: lobby config change: lobby crashloop, matchmaker callers Unavailable
    inc = "nettle-lobby-config-crashloop"
    at = t("11:30")
    add(
        c,
        inc,
        "datadog lobby deployment replicas unavailable",
        at,
        dd_nettle(
            at,
            monitor=88210,
            name="Deployment replicas unavailable",
            transition="Triggered",
            scope="kube_deployment:lobby,kube_namespace:live",
            tags="env:production,kube_cluster_name:nc-live-euw1,kube_deployment:lobby,kube_namespace:live",
            message="lobby: 6 of 8 replicas unavailable.",
            cycle="cyc-88210-lobby",
            query=(
                "max(last_5m):"
                "avg:kubernetes_state.deployment.replicas_unavailable{kube_namespace:live} "
                "by {kube_deployment} > 2"
            ),
        ),
    )
    at = t("11:31")
    add(
        c,
        inc,
        "sentry error: lobby fatal config error at start",
        at,
        sentry_error(
            c,
            "lobby",
            at,
            [
                (
                    "*fmt.wrapError",
                    (
                        'load config: parse PARTY_MAX_SIZE: strconv.Atoi: parsing "eight": '
                        "invalid syntax"
                    ),
                )
            ],
            go_frames(
                "lobby",
                [("cmd/lobby/main.go", "main.main", 33), ("internal/config/config.go", "Load", 58)],
            ),
            culprit="main.main",
            release="lobby@3.8.1",
            level="fatal",
            tags=k8s_tags("lobby", "lobby-7c8d9b5f6-w2n4c", "3.8.1"),
        ),
    )
    at = t("11:32")
    add(
        c,
        inc,
        "sentry error: matchmaker gRPC Unavailable calling lobby",
        at,
        sentry_error(
            c,
            "matchmaker",
            at,
            [
                (
                    "*status.Error",
                    (
                        "rpc error: code = Unavailable desc = connection error: desc = "
                        '"transport: Error while dialing: dial tcp 10.48.3.17:9090: connect: '
                        'connection refused"'
                    ),
                )
            ],
            go_frames("matchmaker", [("internal/lobbyclient/grpc.go", "(*GRPC).ReserveParty", 45)]),
            culprit="(*GRPC).ReserveParty",
            release="matchmaker@2.30.4",
            tags=k8s_tags("matchmaker", "matchmaker-6b4c7f9d8-zz91k", "2.30.4")
            | {"rpc.service": "lobby.v1.Lobby"},
        ),
    )
    at = t("11:34")
    add(
        c,
        inc,
        "posthog $exception from game client: party create failed",
        at,
        posthog(
            c,
            at,
            "psn:5520019931",
            "LobbyException",
            "CreateParty failed: 503 no healthy upstream",
            cs_frames([("Nettlecombe.Lobby", "PartyService.CreateAsync")]),
            {"$app_version": "1.42.0", "platform": "ps5", "$os": "PS5"},
            lib=("posthog-unity", "0.4.0"),
        ),
    )
    at = t("11:44")
    add(
        c,
        inc,
        "datadog lobby replicas recovered",
        at,
        dd_nettle(
            at,
            monitor=88210,
            name="Deployment replicas unavailable",
            transition="Recovered",
            scope="kube_deployment:lobby,kube_namespace:live",
            tags="env:production,kube_cluster_name:nc-live-euw1,kube_deployment:lobby,kube_namespace:live",
            message="lobby: all replicas available.",
            cycle="cyc-88210-lobby",
        ),
    )
    # decoy: heartbeat of the nightly leaderboard job
    at = t("11:33")
    add(
        c,
        None,
        "datadog heartbeat: leaderboard CronJob completed",
        at,
        dd_nettle(
            at,
            monitor=88020,
            name="Heartbeat: leaderboard-rollup CronJob",
            transition="Recovered",
            scope="kube_cronjob:leaderboard-rollup",
            tags="env:production,heartbeat,kube_cronjob:leaderboard-rollup",
            message="Job completed in 4m12s.",
            cycle="hb-leaderboard-0414",
            prio="P5",
        ),
    )

    # G9: inventory hot key: spanner Aborted on a limited-time bundle; APM latency
    inc = "nettle-inventory-hot-bundle"
    at = t("12:05")
    add(
        c,
        inc,
        "datadog APM p99 latency on inventory",
        at,
        dd_nettle(
            at,
            monitor=88610,
            name="inventory-svc p99 latency",
            transition="Triggered",
            scope="service:inventory-svc,resource_name:post_/v1/bundles/{id}/claim",
            tags="env:production,service:inventory-svc,resource_name:post_/v1/bundles/{id}/claim",
            message="p99 4.8s on POST /v1/bundles/{id}/claim.",
            cycle="cyc-88610-a",
        ),
    )
    at = t("12:06")
    add(
        c,
        inc,
        "sentry error: inventory claim aborted repeatedly",
        at,
        sentry_error(
            c,
            "inventory",
            at,
            [
                (
                    "*spanner.Error",
                    (
                        'spanner: code = "Aborted", desc = "Transaction aborted. Database schema '
                        'probably changed during transaction, retry may succeed."'
                    ),
                ),
                (
                    "*fmt.wrapError",
                    "claim bundle spring_fest_2026: read-write txn retries exhausted",
                ),
            ],
            go_frames(
                "inventory",
                [
                    ("internal/api/bundles.go", "(*Server).ClaimBundle", 66),
                    ("internal/store/bundles.go", "(*Store).Claim", 119),
                ],
            ),
            culprit="(*Store).Claim",
            release="inventory@1.19.2",
            tags=k8s_tags("inventory", "inventory-6d5b9c7f4-m7r2d", "1.19.2")
            | {"http.route": "/v1/bundles/{id}/claim"},
        ),
    )
    at = t("12:08")
    add(
        c,
        inc,
        "posthog $exception from game client: bundle claim failed",
        at,
        posthog(
            c,
            at,
            "steam:76561198022200777",
            "ApiException",
            "POST /v1/bundles/spring_fest_2026/claim returned 500",
            cs_frames(
                [
                    ("Nettlecombe.Net", "ApiClient.SendAsync"),
                    ("Nettlecombe.Store", "BundleClaim.ClaimAsync"),
                ]
            ),
            {"$app_version": "1.42.0", "platform": "steam", "$os": "Windows"},
            lib=("posthog-unity", "0.4.0"),
        ),
    )
    at = t("12:20")
    add(
        c,
        inc,
        "datadog APM p99 latency recovered",
        at,
        dd_nettle(
            at,
            monitor=88610,
            name="inventory-svc p99 latency",
            transition="Recovered",
            scope="service:inventory-svc,resource_name:post_/v1/bundles/{id}/claim",
            tags="env:production,service:inventory-svc,resource_name:post_/v1/bundles/{id}/claim",
            message="p99 back to 180ms.",
            cycle="cyc-88610-a",
        ),
    )
    # decoy: staging inventory alert at the same time
    at = t("12:07")
    add(
        c,
        None,
        "datadog staging inventory latency (staging)",
        at,
        dd_nettle(
            at,
            monitor=88610,
            name="inventory-svc p99 latency",
            transition="Triggered",
            scope="service:inventory-svc,resource_name:get_/v1/players/{id}/loadout",
            tags="env:staging,service:inventory-svc,resource_name:get_/v1/players/{id}/loadout",
            message="p99 2.1s on staging (load test).",
            cycle="cyc-88610-stg",
            prio="P4",
        ),
    )

    # G10: Steam auth outage: lobby can't validate session tickets
    inc = "nettle-steam-auth-outage"
    at = t("12:40")
    add(
        c,
        inc,
        "sentry error: lobby AuthenticateUserTicket 503",
        at,
        sentry_error(
            c,
            "lobby",
            at,
            [("*steam.APIError", "ISteamUserAuth/AuthenticateUserTicket: 503 Service Unavailable")],
            go_frames(
                "lobby",
                [
                    ("internal/auth/steam.go", "(*SteamVerifier).Verify", 49),
                    ("internal/api/session.go", "(*Server).Login", 31),
                ],
            ),
            culprit="(*SteamVerifier).Verify",
            release="lobby@3.8.2",
            tags=k8s_tags("lobby", "lobby-6a9f8c7d5-k3m8p", "3.8.2") | {"provider": "steam"},
        ),
    )
    at = t("12:41")
    add(
        c,
        inc,
        "posthog $exception from launcher: sign-in failed",
        at,
        posthog(
            c,
            at,
            "anon-launcher-7c21",
            "Error",
            "Sign in failed: 502 from /v1/session",
            js_frames("app://launcher/dist/renderer/login-55de.js", [("signInWithSteam", 912)]),
            {
                "$current_url": "app://launcher/login",
                "$app_version": "launcher 2.6.3",
                "$os": "Windows",
            },
        ),
    )
    at = t("12:42")
    add(
        c,
        inc,
        "sentry event_alert from Unity: login failed spike",
        at,
        sentry_alert(
            c,
            "nettle-unity",
            at,
            "Login failures > 100 in 5m",
            [("Nettlecombe.Auth.LoginException", "Session request failed: 502 Bad Gateway")],
            [("Assets/Scripts/Auth/SteamLogin.cs", "SteamLogin.LoginAsync", 0, "Nettlecombe.Auth")],
            culprit="SteamLogin.LoginAsync",
            release=UNITY_REL,
            tags={"device": "PC", "os": "Windows 11"},
        ),
    )
    at = t("12:44")
    add(
        c,
        inc,
        "datadog synthetic login check failing",
        at,
        dd_nettle(
            at,
            monitor=88900,
            name="Synthetic: launcher login API",
            transition="Triggered",
            scope="",
            tags="env:production,check:synthetics,service:lobby",
            message="POST https://api.nettlecombe.gg/v1/session returned 502 from 3 locations.",
            cycle="cyc-88900-a",
        ),
    )

    # G11: matchmaker CPU throttling at the evening event start (HPA maxed)
    inc = "nettle-matchmaker-hpa-maxed"
    at = t("13:00")
    add(
        c,
        inc,
        "datadog HPA at max replicas for matchmaker",
        at,
        dd_nettle(
            at,
            monitor=88220,
            name="HPA at max replicas",
            transition="Triggered",
            scope="kube_deployment:matchmaker,kube_namespace:live",
            tags="env:production,hpa:matchmaker,kube_deployment:matchmaker,kube_namespace:live",
            message="matchmaker HPA at 40/40 replicas; CPU throttling 63%.",
            cycle="cyc-88220-mm",
        ),
    )
    at = t("13:02")
    add(
        c,
        inc,
        "sentry error: matchmaker ticket assignment deadline",
        at,
        sentry_error(
            c,
            "matchmaker",
            at,
            [
                (
                    "*errors.errorString",
                    "assign tickets for region eu-west: context deadline exceeded",
                )
            ],
            go_frames("matchmaker", [("internal/assign/loop.go", "(*Loop).tick", 88)]),
            culprit="(*Loop).tick",
            release="matchmaker@2.30.4",
            tags=k8s_tags("matchmaker", "matchmaker-6b4c7f9d8-f8d1s", "2.30.4"),
        ),
    )
    at = t("13:03")
    add(
        c,
        inc,
        "posthog $exception from game client: queue timed out",
        at,
        posthog(
            c,
            at,
            "steam:76561198044410012",
            "MatchmakingException",
            "Ticket not assigned within 180s",
            cs_frames([("Nettlecombe.Net", "MatchmakingClient.WaitForAssignmentAsync")]),
            {
                "$app_version": "1.42.0",
                "platform": "steam",
                "$os": "Windows",
                "game_mode": "spring_fest",
            },
            lib=("posthog-unity", "0.4.0"),
            handled=True,
        ),
    )
    at = t("13:25")
    add(
        c,
        inc,
        "datadog HPA recovered",
        at,
        dd_nettle(
            at,
            monitor=88220,
            name="HPA at max replicas",
            transition="Recovered",
            scope="kube_deployment:matchmaker,kube_namespace:live",
            tags="env:production,hpa:matchmaker,kube_deployment:matchmaker,kube_namespace:live",
            message="matchmaker HPA 22/40.",
            cycle="cyc-88220-mm",
        ),
    )
    # decoy: PostHog info-level-ish: client crash reporter test ping
    at = t("13:01")
    add(
        c,
        None,
        "posthog $exception: QA test exception from dev build",
        at,
        posthog(
            c,
            at,
            "qa-bot-03",
            "TestException",
            "Crash reporter self-test",
            cs_frames([("Nettlecombe.Debug", "CrashReporterSelfTest.Run")]),
            {
                "$app_version": "1.43.0-dev",
                "platform": "steam",
                "$os": "Windows",
                "build_type": "development",
            },
            lib=("posthog-unity", "0.4.0"),
            handled=True,
        ),
    )


def main() -> None:
    nook()
    nettle()
    ROWS.sort(key=lambda r: (r["at"], r["company"]))  # stable: keeps authored order within a minute
    with OUT.open("w", encoding="utf-8") as fh:
        for row in ROWS:
            fh.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n")
    labels = {r["incident"] for r in ROWS if r["incident"]}
    decoys = sum(1 for r in ROWS if r["incident"] is None)
    print(f"{len(ROWS)} rows, {len(labels)} incidents, {decoys} decoys -> {OUT.name}")


if __name__ == "__main__":
    main()
