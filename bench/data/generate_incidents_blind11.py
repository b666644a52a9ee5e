# ruff: noqa: E501  (vendor messages and log lines are kept whole)
"""Write ``incidents-blind11.jsonl``: an outsider's labelled multi-tool incidents.

Two fictional companies, each its own customer (the benchmark gives each ``company`` its own
project):

- Kilnworth Trades, a marketplace for tradespeople on Google Cloud (Cloud Run services ``jobs``
  in Python, ``quotes`` and ``payments`` in Node, ``messaging`` in Go; Cloud SQL Postgres,
  Firestore, Pub/Sub, Cloud Tasks; Stripe and Twilio; a Flutter app), over two mornings:
  Sentry (one project per backend and one for the Flutter app, releases, production and
  staging), Datadog through the recommended payload with the alert variables (monitors by
  ``service``/``resource_name``, Pub/Sub ``subscription_id``, Cloud SQL ``database_id``, Cloud
  Run ``service_name``, Cloud Tasks ``queue_id``, a TLS check), PostHog ``$exception`` events
  from the Flutter app through the HTTP webhook destination; no Splunk.
- Kettleby Logistics, a B2B logistics platform on bare metal and an on-prem Kubernetes (Java
  Spring services, Kafka, PostgreSQL with Patroni, HAProxy, a Vue dashboard), over two
  mornings: Splunk saved searches (HAProxy, Patroni, Kafka and app logs with trace ids, k8s
  events, ``stats`` rows), Sentry with one project per service, Datadog through a template of
  the team's own (host, HTTP, TLS and Kafka consumer-lag monitors), PostHog from the dashboard.

Labels: ``incident`` names the failure a row belongs to; ``null`` marks a decoy (an unrelated
failure in the same minutes, staging, heartbeats, deploy notices, warnings that recover alone).

Sources for the shapes (vendors' documentation, checked through the project's spec
``shared/spec/provider-formats.md`` and the ``search`` tool):

- Sentry integration-platform webhooks (docs.sentry.io "Integration Platform > Webhooks":
  issues, errors, issue alerts, metric alerts; ``Sentry-Hook-Resource``/``-Timestamp``/
  ``-Signature`` and ``Request-ID``; ``getsentry/sentry``'s ``app_platform_event.py``; tags as
  ``[key, value]`` pairs; frames oldest first; chained exceptions cause first).
- Datadog Webhooks integration (docs.datadoghq.com/integrations/webhooks: the variables
  ``$EVENT_TITLE``, ``$ALERT_TRANSITION``, ``$ALERT_SCOPE``, ``$TAGS``, ``$DATE`` in milliseconds;
  the recommended payload as integrators such as ServiceNow print it; every value a string).
- PostHog's "HTTP Webhook" destination (``{"event": {...}, "person": {...}}``) with
  ``$exception`` events and ``$exception_list`` (posthog.com/docs/error-tracking).
- Splunk's webhook alert action (``alert_webhook/bin/webhook.py``: ``sid``, ``search_name``,
  ``app``, ``owner``, ``results_link``, ``result`` = the first row, all strings;
  ``User-Agent: Splunk/<guid>``).

Deterministic: ``python bench/data/generate_incidents_blind11.py`` writes the same bytes every run.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

OUT = Path(__file__).with_name("incidents-blind11.jsonl")
RNG = random.Random(1111)

ROWS: list[dict[str, Any]] = []


def hexid(n: int = 32) -> str:
    return "".join(RNG.choice("0123456789abcdef") for _ in range(n))


def iso(at: datetime) -> str:
    return at.strftime("%Y-%m-%dT%H:%M:%SZ")


def add(co: Company, source: str, headers: dict, body: dict, at: datetime, label, role) -> None:
    ROWS.append(
        {
            "source": source,
            "headers": headers,
            "body": body,
            "incident": label,
            "role": role,
            "at": iso(at),
            "company": co.name,
        }
    )


class Company:
    def __init__(self, name: str, org: str, secret: str, sentry_projects: dict[str, int]):
        self.name = name
        self.org = org
        self.secret = secret
        self.installation = (
            hexid(8) + "-" + hexid(4) + "-" + hexid(4) + "-" + hexid(4) + "-" + hexid(12)
        )
        self.projects = sentry_projects
        self.issues: dict[tuple, str] = {}
        self.next_issue = 5_100_000_000 + RNG.randint(0, 90_000_000)

    def issue_id(self, key: tuple) -> str:
        if key not in self.issues:
            self.next_issue += RNG.randint(3, 900)
            self.issues[key] = str(self.next_issue)
        return self.issues[key]


# --------------------------------------------------------------------------- Sentry


def sentry_post(co: Company, resource: str, action: str, data: dict, at, label, role, actor=None):
    body = {
        "action": action,
        "installation": {"uuid": co.installation},
        "data": data,
        "actor": actor or {"type": "application", "id": "sentry", "name": "Sentry"},
    }
    raw = json.dumps(body, separators=(",", ":")).encode()
    sig = hmac.new(co.secret.encode(), raw, hashlib.sha256).hexdigest()
    headers = {
        "Content-Type": "application/json",
        "Request-ID": hexid(),
        "Sentry-Hook-Resource": resource,
        "Sentry-Hook-Timestamp": str(int(at.timestamp()) + RNG.randint(0, 4)),
        "Sentry-Hook-Signature": sig,
    }
    add(co, "sentry", headers, body, at, label, role)


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
        "pre_context": [],
        "post_context": [],
        "vars": None,
        "data": {},
    }


def sentry_event(
    co: Company,
    project: str,
    platform: str,
    excs: list[tuple[str, str, list[dict]]],
    at: datetime,
    *,
    env: str = "production",
    release: str | None = None,
    tags: dict[str, str] | None = None,
    user: dict | None = None,
    request: dict | None = None,
    transaction: str | None = None,
    handled: bool = False,
    mechanism: str = "generic",
    contexts: dict | None = None,
    message: str = "",
    level: str = "error",
) -> dict:
    pid = co.projects[project]
    top_type, top_value, top_frames = excs[-1]
    culprit = transaction or (top_frames[-1]["function"] if top_frames else "")
    issue = co.issue_id((project, top_type, top_value[:40]))
    eid = hexid()
    t = dict(tags or {})
    t.setdefault("environment", env)
    t["level"] = level
    if release:
        t["release"] = release
    if transaction:
        t["transaction"] = transaction
    if user and user.get("id"):
        t["user"] = "id:" + user["id"]
    base = f"https://{co.org}.sentry.io"
    values = []
    for i, (typ, val, frames) in enumerate(excs):
        last = i == len(excs) - 1
        values.append(
            {
                "type": typ,
                "value": val,
                "module": None,
                "mechanism": {"type": mechanism if last else "chained", "handled": handled},
                "stacktrace": {"frames": frames},
            }
        )
    ev = {
        "event_id": eid,
        "project": pid,
        "release": release,
        "dist": None,
        "platform": platform,
        "message": message,
        "datetime": at.isoformat(),
        "tags": sorted([k, v] for k, v in t.items()),
        "environment": env,
        "level": level,
        "culprit": culprit,
        "logger": "",
        "exception": {"values": values},
        "contexts": contexts or {},
        "request": request,
        "sdk": None,
        "user": user,
        "fingerprint": ["{{ default }}"],
        "metadata": {"type": top_type, "value": top_value},
        "received": at.timestamp() + 1.2,
        "timestamp": at.timestamp(),
        "title": f"{top_type}: {top_value}"[:200],
        "location": top_frames[-1]["filename"] if top_frames else None,
        "transaction": transaction,
        "type": "error",
        "version": "7",
        "url": f"{base}/api/0/projects/{co.org}/{project}/events/{eid}/",
        "web_url": f"{base}/issues/{issue}/events/{eid}/",
        "issue_url": f"{base}/api/0/issues/{issue}/",
        "issue_id": issue,
    }
    return ev


def sentry_error(co, at, label, role, project, platform, excs, **kw):
    ev = sentry_event(co, project, platform, excs, at, **kw)
    sentry_post(co, "error", "created", {"error": ev}, at, label, role)


def sentry_alert(co, at, label, role, rule, project, platform, excs, **kw):
    ev = sentry_event(co, project, platform, excs, at, **kw)
    data = {
        "event": ev,
        "triggered_rule": rule,
        "issue_alert": {
            "title": rule,
            "settings": [{"name": "channel", "value": "#alerts"}],
        },
    }
    sentry_post(co, "event_alert", "triggered", data, at, label, role)


def sentry_issue(
    co,
    at,
    label,
    role,
    action,
    project,
    platform,
    typ,
    value,
    culprit,
    *,
    short,
    count,
    users,
    env="production",
    first=None,
    actor=None,
    level="error",
):
    pid = co.projects[project]
    issue = co.issue_id((project, typ, value[:40]))
    base = f"https://{co.org}.sentry.io"
    status = {"created": "unresolved", "resolved": "resolved", "ignored": "ignored"}.get(
        action, "unresolved"
    )
    data = {
        "issue": {
            "id": issue,
            "shortId": short,
            "title": f"{typ}: {value}",
            "culprit": culprit,
            "permalink": None,
            "logger": None,
            "level": level,
            "status": status,
            "substatus": "new" if action == "created" else None,
            "statusDetails": {"inRelease": "latest"} if action == "resolved" else {},
            "priority": "high",
            "isPublic": False,
            "platform": platform,
            "project": {"id": str(pid), "name": project, "slug": project, "platform": platform},
            "type": "error",
            "issueType": "error",
            "issueCategory": "error",
            "metadata": {"type": typ, "value": value, "filename": None, "function": culprit},
            "numComments": 0,
            "assignedTo": None,
            "isBookmarked": False,
            "isSubscribed": False,
            "hasSeen": action != "created",
            "annotations": [],
            "isUnhandled": True,
            "count": str(count),
            "userCount": users,
            "firstSeen": (first or at).isoformat(),
            "lastSeen": at.isoformat(),
            "url": f"{base}/api/0/organizations/{co.org}/issues/{issue}/",
            "web_url": f"{base}/issues/{issue}/",
            "project_url": f"{base}/projects/{project}/",
        }
    }
    sentry_post(co, "issue", action, data, at, label, role, actor)


def sentry_metric(co, at, label, role, action, title, aggregate, query, projects, env, threshold):
    rule_id = int(hashlib.md5((co.name + title).encode()).hexdigest()[:6], 16) % 900_000 + 100_000
    ident = int(hashlib.md5((co.name + title + "i").encode()).hexdigest()[:4], 16) % 9000 + 100
    status = {"critical": 20, "warning": 10, "resolved": 2}[action]
    word = {"critical": "Critical", "warning": "Warning", "resolved": "Resolved"}[action]
    base = f"https://{co.org}.sentry.io"
    start = at - timedelta(minutes=10)
    data = {
        "metric_alert": {
            "alert_rule": {
                "id": str(rule_id),
                "name": title,
                "organization_id": "4507",
                "status": 0,
                "query_type": 0,
                "dataset": "events",
                "query": query,
                "aggregate": aggregate,
                "threshold_type": 0,
                "resolve_threshold": None,
                "time_window": 5.0,
                "environment": env,
                "projects": projects,
                "owner": None,
                "triggers": [
                    {
                        "id": str(rule_id + 1),
                        "alert_rule_id": str(rule_id),
                        "label": "critical",
                        "threshold_type": 0,
                        "alert_threshold": float(threshold),
                        "resolve_threshold": None,
                        "actions": [],
                    }
                ],
                "date_modified": "2026-02-11T10:02:11.120Z",
                "date_created": "2026-02-11T10:02:11.120Z",
            },
            "id": str(ident + 7_000_000),
            "identifier": ident,
            "organization_id": "4507",
            "projects": projects,
            "status": status,
            "status_method": 3 if action != "resolved" else 4,
            "title": title,
            "type": 2,
            "date_started": start.isoformat().replace("+00:00", "Z"),
            "date_detected": start.isoformat().replace("+00:00", "Z"),
            "date_created": start.isoformat().replace("+00:00", "Z"),
            "date_closed": at.isoformat().replace("+00:00", "Z") if action == "resolved" else None,
        },
        "description_text": f"{aggregate} in {', '.join(projects)} {'back below' if action == 'resolved' else 'above'} {threshold} in the last 5 minutes",
        "description_title": f"{word}: {title}",
        "web_url": f"{base}/alerts/rules/details/{rule_id}/?alert={ident}",
    }
    sentry_post(co, "metric_alert", action, data, at, label, role)


# --------------------------------------------------------------------------- Datadog


def dd_title(transition: str, scope: str, name: str, priority: str) -> str:
    word = {
        "Triggered": "Triggered",
        "Re-Triggered": "Triggered",
        "Recovered": "Recovered",
        "Warn": "Warn",
        "No Data": "No data",
    }[transition]
    pre = f"[{priority}] " if priority else ""
    return f"{pre}[{word} on {{{scope}}}] {name}"


def dd_monitor_id(co: Company, name: str) -> str:
    return str(
        int(hashlib.md5((co.name + name).encode()).hexdigest()[:8], 16) % 90_000_000 + 10_000_000
    )


def dd_recommended(
    co,
    at,
    label,
    role,
    transition,
    name,
    scope,
    tags,
    metric,
    status,
    msg,
    *,
    priority="P2",
    host="",
    event_type="query_alert_monitor",
):
    mid = dd_monitor_id(co, name)
    ms = str(int(at.timestamp() * 1000))
    alert_type = {
        "Triggered": "error",
        "Re-Triggered": "error",
        "Recovered": "success",
        "Warn": "warning",
        "No Data": "warning",
    }[transition]
    if event_type == "event_alert":
        alert_type = "info"
    link = f"https://app.datadoghq.eu/monitors/{mid}?group={scope.replace(':', '%3A').replace(',', '%2C')}"
    title = dd_title(transition, scope, name, priority)
    body = (
        "%%%\n" + msg + "\n\n" + f"**{metric}** over **{scope}** {status}\n\n"
        f"The monitor was last triggered at {at.strftime('%a %b %d %Y %H:%M:%S')} UTC.\n\n- - -\n\n"
        f"[[Monitor Status]({link})] · [[Edit Monitor](https://app.datadoghq.eu/monitors/{mid}/edit)]\n"
        "@webhook-soulcaster\n%%%"
    )
    payload = {
        "body": body,
        "last_updated": ms,
        "event_type": event_type,
        "title": title,
        "date": ms,
        "org": {"id": "412877", "name": co.name},
        "id": str(7_000_000_000_000_000_000 + RNG.randint(0, 999_999_999_999_999_999)),
        "alert_id": mid,
        "alert_metric": metric,
        "alert_priority": priority,
        "alert_transition": transition,
        "alert_status": f"{metric} over {scope} {status}",
        "alert_title": name,
        "alert_type": alert_type,
        "host_name": host,
        "priority": "normal",
        "tags": tags,
        "alert_scope": scope,
    }
    add(co, "datadog", {"Content-Type": "application/json"}, payload, at, label, role)


def dd_custom(co, at, label, role, transition, name, scope, tags, text, *, priority="P2", host=""):
    """Kettleby's own template: a flat record its on-call bot used before."""
    mid = dd_monitor_id(co, name)
    cycle = hashlib.md5((co.name + name + scope + at.strftime("%d")).encode()).hexdigest()[:16]
    payload = {
        "summary": dd_title(transition, scope, name, priority),
        "monitor": name,
        "monitor_id": mid,
        "transition": transition,
        "severity": priority,
        "scope": scope,
        "host": host,
        "tags": tags,
        "text": text,
        "fired_ms": str(int(at.timestamp() * 1000)),
        "cycle_key": cycle,
        "link": f"https://app.datadoghq.eu/monitors/{mid}",
    }
    headers = {"Content-Type": "application/json", "X-Kettleby-Source": "datadog"}
    add(co, "datadog", headers, payload, at, label, role)


# --------------------------------------------------------------------------- PostHog


def posthog_exc(
    co, at, label, role, props: dict, distinct: str, person_props: dict, ph_project: int
):
    uid = f"0196{hexid(4)}-{hexid(4)}-7{hexid(3)}-{hexid(4)}-{hexid(12)}"
    props = dict(props)
    props.setdefault("$exception_level", "error")
    props["$session_id"] = f"0196{hexid(4)}-{hexid(4)}-7{hexid(3)}-8{hexid(3)}-{hexid(12)}"
    event = {
        "uuid": uid,
        "event": "$exception",
        "distinct_id": distinct,
        "properties": props,
        "elements_chain": "",
        "timestamp": at.isoformat().replace("+00:00", "Z"),
        "url": f"https://eu.posthog.com/project/{ph_project}/events/{uid}/{at.isoformat()}",
    }
    person = {
        "id": f"0195{hexid(4)}-{hexid(4)}-7{hexid(3)}-9{hexid(3)}-{hexid(12)}",
        "properties": person_props,
        "name": person_props.get("email", distinct),
        "url": f"https://eu.posthog.com/project/{ph_project}/person/{distinct}",
    }
    add(
        co,
        "posthog",
        {"Content-Type": "application/json"},
        {"event": event, "person": person},
        at,
        label,
        role,
    )


def exc_list(typ, value, frames, platform, handled=False, mech="onerror"):
    fs = [dict(f, platform=platform) for f in frames]
    return [
        {
            "type": typ,
            "value": value,
            "mechanism": {"type": mech, "handled": handled, "synthetic": False},
            "stacktrace": {"type": "raw", "frames": fs},
        }
    ]


# --------------------------------------------------------------------------- Splunk

SPLUNK_GUID = "5B3C1E0A-7D42-4F19-9A0E-2C6B8D1F4A77"


def splunk(co, at, label, role, search, result: dict, *, app="kettleby_ops", owner="nobody"):
    epoch = int(at.timestamp()) - RNG.randint(20, 50)
    sid = f"scheduler__{owner}__{app}__RMD5{hexid(16)}_at_{epoch}_{RNG.randint(100, 9999)}"
    body = {
        "sid": sid,
        "search_name": search,
        "app": app,
        "owner": owner,
        "results_link": f"https://splunk.kettleby.local:8000/app/{app}/@go?sid={sid}",
        "result": {k: v for k, v in result.items()},
    }
    headers = {"Content-Type": "application/json", "User-Agent": f"Splunk/{SPLUNK_GUID}"}
    add(co, "splunk", headers, body, at, label, role)


def stime(at: datetime, back: int = 40) -> str:
    return f"{at.timestamp() - back:.3f}"


# =========================================================================== Kilnworth Trades

K = Company(
    "Kilnworth Trades",
    "kilnworth",
    "b7f1c0e5a9d34e21b6a0f8c2d4e61a93",
    {
        "kilnworth-jobs": 4508113001,
        "kilnworth-quotes": 4508113002,
        "kilnworth-messaging": 4508113003,
        "kilnworth-payments": 4508113004,
        "kilnworth-app": 4508113005,
    },
)
K_PH = 48211
GCP = "kilnworth-prod"
D1 = datetime(2026, 4, 14, 7, 0, tzinfo=UTC)
D2 = datetime(2026, 4, 15, 6, 40, tzinfo=UTC)


def m(day: datetime, minute: int, sec: int = 0) -> datetime:
    return day + timedelta(minutes=minute, seconds=sec)


def py_frames(*fs):
    return [
        frame(
            f"{mod.replace('.', '/')}.py",
            fn,
            ln,
            module=mod,
            in_app=not mod.startswith(
                ("sqlalchemy", "psycopg", "google", "httpx", "starlette", "fastapi")
            ),
        )
        for mod, fn, ln in fs
    ]


def node_frames(*fs):
    return [
        frame(
            fn_file,
            fn,
            ln,
            abs_path=("/app/" + fn_file) if not fn_file.startswith("node:") else fn_file,
            in_app="node_modules" not in fn_file and not fn_file.startswith("node:"),
        )
        for fn_file, fn, ln in fs
    ]


def go_frames(*fs):
    return [
        frame(f, fn, ln, module=mod, in_app=mod.startswith("github.com/kilnworth"))
        for mod, f, fn, ln in fs
    ]


def dart_frames(*fs):
    return [
        frame(
            f"package:{pkg}/{f}",
            fn,
            ln,
            module=pkg,
            abs_path=f"package:{pkg}/{f}",
            in_app=pkg == "kilnworth_app",
        )
        for pkg, f, fn, ln in fs
    ]


def run_user(uid: str) -> dict:
    return {"id": uid, "ip_address": None}


def k_app_props(os_name, version, build, typ, value, frames, screen, *, handled=False):
    return {
        "$lib": "posthog-flutter",
        "$lib_version": "5.2.0",
        "$os": os_name,
        "$os_version": "15" if os_name == "Android" else "18.3",
        "$app_name": "Kilnworth",
        "$app_version": version,
        "$app_build": build,
        "$device_type": "Mobile",
        "$screen_name": screen,
        "$exception_list": exc_list(
            typ, value, frames, "dart", handled=handled, mech="FlutterError"
        ),
        "$exception_level": "error",
    }


def k_dart_ph_frames(*fs):
    return [
        {
            "filename": f"package:{pkg}/{f}",
            "function": fn,
            "lineno": ln,
            "colno": col,
            "in_app": pkg == "kilnworth_app",
            "module": pkg,
        }
        for pkg, f, fn, ln, col in fs
    ]


def kilnworth() -> None:
    co = K
    db = f"{GCP}:kilnworth-pg-main"

    # ---- K-01 Cloud SQL failover (day 1)
    lab = "kw-cloudsql-failover"
    t0 = m(D1, 12)
    dd_recommended(
        co,
        t0,
        lab,
        "Datadog: Cloud SQL instance down (failover)",
        "Triggered",
        "Cloud SQL kilnworth-pg-main is down",
        f"database_id:{db}",
        f"database_id:{db},env:production,project_id:{GCP},region:europe-west2,team:platform",
        "gcp.cloudsql.database.up",
        "was < 1.0 on average during the last 2m",
        "Cloud SQL primary unavailable; HA failover expected. Check the Cloud SQL operations log.",
        priority="P1",
    )
    sentry_error(
        co,
        m(D1, 12, 40),
        lab,
        "Sentry: jobs API loses its DB connection",
        "kilnworth-jobs",
        "python",
        [
            (
                "OperationalError",
                "(psycopg.OperationalError) consuming input failed: server closed the connection unexpectedly\n\tThis probably means the server terminated abnormally",
                py_frames(
                    ("starlette.routing", "handle", 73),
                    ("app.routes.jobs", "list_open_jobs", 58),
                    ("app.repo.jobs", "open_jobs_near", 131),
                    ("sqlalchemy.engine.base", "_execute_context", 1967),
                    ("psycopg.cursor", "execute", 732),
                ),
            )
        ],
        release="jobs@2026.04.10-3",
        transaction="GET /v2/jobs",
        user=run_user("tp_18820"),
        request={
            "url": "https://api.kilnworth.co.uk/v2/jobs",
            "method": "GET",
            "query_string": "postcode=LS6&radius=10",
        },
        tags={
            "service": "jobs",
            "cloud_run.revision": "jobs-00188-zaq",
            "trace": "a8c1f0e27d3b4b5c9e0f11223344aa01",
        },
    )
    sentry_error(
        co,
        m(D1, 13, 10),
        lab,
        "Sentry: quotes API pg pool error",
        "kilnworth-quotes",
        "node",
        [
            (
                "Error",
                "Connection terminated unexpectedly",
                node_frames(
                    ("node_modules/pg/lib/client.js", "Connection.<anonymous>", 132),
                    ("dist/quotes/repository.js", "QuoteRepository.findForJob", 41),
                    ("dist/quotes/handlers.js", "getQuotesForJob", 27),
                ),
            )
        ],
        release="quotes@2026.4.9-2",
        transaction="GET /v1/jobs/:jobId/quotes",
        user=run_user("cu_55120"),
        tags={"runtime": "node v20.12.2", "server_name": "quotes-00213-pev"},
    )
    posthog_exc(
        co,
        m(D1, 13, 30),
        lab,
        "PostHog: app sees 503 on the job board",
        k_app_props(
            "Android",
            "3.7.2",
            "405",
            "ApiException",
            "503 Service Unavailable: GET https://api.kilnworth.co.uk/v2/jobs?postcode=M14",
            k_dart_ph_frames(
                ("kilnworth_app", "data/api_client.dart", "ApiClient._send", 112, 7),
                (
                    "kilnworth_app",
                    "features/jobs/job_board_cubit.dart",
                    "JobBoardCubit.load",
                    44,
                    5,
                ),
            ),
            "JobBoardScreen",
        ),
        "tp_20311",
        {"email": "gaz.plastering@example.com", "role": "tradesperson"},
        K_PH,
    )
    sentry_error(
        co,
        m(D1, 14, 5),
        lab,
        "Sentry: payments cannot write ledger during failover",
        "kilnworth-payments",
        "node",
        [
            (
                "DatabaseError",
                "terminating connection due to administrator command",
                node_frames(
                    ("node_modules/pg-protocol/dist/parser.js", "Parser.parseErrorMessage", 287),
                    ("dist/ledger/write.js", "recordCapture", 66),
                    ("dist/webhooks/stripe.js", "handlePaymentIntentSucceeded", 93),
                ),
            )
        ],
        release="payments@1.42.0",
        transaction="POST /webhooks/stripe",
        tags={"code": "57P01", "server_name": "payments-00077-jiw"},
    )
    dd_recommended(
        co,
        m(D1, 19),
        lab,
        "Datadog: Cloud SQL recovered",
        "Recovered",
        "Cloud SQL kilnworth-pg-main is down",
        f"database_id:{db}",
        f"database_id:{db},env:production,project_id:{GCP},region:europe-west2,team:platform",
        "gcp.cloudsql.database.up",
        "was >= 1.0 on average during the last 2m",
        "Cloud SQL primary is back.",
        priority="P1",
    )
    # decoys in the same minutes
    dd_recommended(
        co,
        m(D1, 12, 30),
        None,
        "decoy: staging Cloud SQL instance restarted for maintenance",
        "Triggered",
        "Cloud SQL kilnworth-pg-staging is down",
        f"database_id:{GCP.replace('prod', 'staging')}:kilnworth-pg-staging",
        "database_id:kilnworth-staging:kilnworth-pg-staging,env:staging,project_id:kilnworth-staging,region:europe-west2,team:platform",
        "gcp.cloudsql.database.up",
        "was < 1.0 on average during the last 2m",
        "Cloud SQL primary unavailable; HA failover expected.",
        priority="P3",
    )
    sentry_error(
        co,
        m(D1, 13, 50),
        None,
        "decoy: unrelated VAT rounding bug in payments",
        "kilnworth-payments",
        "node",
        [
            (
                "RangeError",
                "Invoice total 183.995 has more than 2 decimal places",
                node_frames(
                    ("dist/invoices/vat.js", "roundVat", 19),
                    ("dist/invoices/build.js", "buildInvoice", 58),
                    ("dist/invoices/routes.js", "postInvoice", 22),
                ),
            )
        ],
        release="payments@1.42.0",
        transaction="POST /v1/invoices",
        handled=True,
        tags={"server_name": "payments-00077-jiw"},
    )

    # ---- K-02 Stripe timeouts in payments
    lab = "kw-stripe-timeouts"
    dd_recommended(
        co,
        m(D1, 31),
        lab,
        "Datadog: APM error rate on payments checkout",
        "Triggered",
        "payments checkout error rate",
        "env:production,resource_name:post_/v1/checkout,service:payments",
        "env:production,resource_name:post_/v1/checkout,service:payments,team:money",
        "trace.express.request.errors",
        "was > 0.05 on average during the last 5m",
        "Checkout errors above 5%. Stripe status? https://status.stripe.com",
    )
    sentry_alert(
        co,
        m(D1, 31, 40),
        lab,
        "Sentry issue alert: Stripe request timed out",
        "Payments: new or regressed issue",
        "kilnworth-payments",
        "node",
        [
            (
                "StripeConnectionError",
                "An error occurred with our connection to Stripe. Request was retried 2 times.",
                node_frames(
                    ("node_modules/stripe/cjs/RequestSender.js", "RequestSender._request", 281),
                    ("dist/checkout/session.js", "createCheckoutSession", 48),
                    ("dist/checkout/routes.js", "postCheckout", 17),
                ),
            )
        ],
        release="payments@1.42.0",
        transaction="POST /v1/checkout",
        user=run_user("cu_61007"),
        tags={"server_name": "payments-00077-jiw", "stripe.api": "POST /v1/payment_intents"},
    )
    sentry_error(
        co,
        m(D1, 32, 15),
        lab,
        "Sentry (Flutter): checkout call times out in the app",
        "kilnworth-app",
        "dart",
        [
            (
                "DioException",
                "The request took longer than 0:00:20.000000 to receive data. It was aborted. POST https://api.kilnworth.co.uk/v1/checkout",
                dart_frames(
                    ("dio", "src/dio_mixin.dart", "DioMixin.fetch", 523),
                    (
                        "kilnworth_app",
                        "features/checkout/checkout_repository.dart",
                        "CheckoutRepository.start",
                        37,
                    ),
                    (
                        "kilnworth_app",
                        "features/checkout/checkout_page.dart",
                        "_CheckoutPageState._pay",
                        88,
                    ),
                ),
            )
        ],
        release="uk.co.kilnworth.app@3.7.2+405",
        user=run_user("cu_61007"),
        tags={"os": "iOS 18.3", "device": "iPhone15,3"},
        contexts={"os": {"name": "iOS", "version": "18.3"}},
        handled=True,
    )
    posthog_exc(
        co,
        m(D1, 33),
        lab,
        "PostHog: checkout timeout from the app",
        k_app_props(
            "iOS",
            "3.7.2",
            "405",
            "DioException",
            "receive timeout: POST /v1/checkout",
            k_dart_ph_frames(
                (
                    "kilnworth_app",
                    "features/checkout/checkout_repository.dart",
                    "CheckoutRepository.start",
                    37,
                    12,
                )
            ),
            "CheckoutPage",
            handled=True,
        ),
        "cu_60544",
        {"email": "r.khan@example.com", "role": "customer"},
        K_PH,
    )
    dd_recommended(
        co,
        m(D1, 44),
        lab,
        "Datadog: payments checkout recovered",
        "Recovered",
        "payments checkout error rate",
        "env:production,resource_name:post_/v1/checkout,service:payments",
        "env:production,resource_name:post_/v1/checkout,service:payments,team:money",
        "trace.express.request.errors",
        "was <= 0.05 on average during the last 5m",
        "Checkout errors back to normal.",
    )
    # decoy: a Flutter layout overflow in the same minutes
    sentry_error(
        co,
        m(D1, 32, 50),
        None,
        "decoy: Flutter RenderFlex overflow on profile screen",
        "kilnworth-app",
        "dart",
        [
            (
                "FlutterError",
                "A RenderFlex overflowed by 23 pixels on the right.",
                dart_frames(
                    ("flutter", "src/rendering/flex.dart", "RenderFlex.paint", 1201),
                    (
                        "kilnworth_app",
                        "features/profile/trade_badges.dart",
                        "TradeBadges.build",
                        29,
                    ),
                ),
            )
        ],
        release="uk.co.kilnworth.app@3.7.2+405",
        user=run_user("tp_19110"),
        handled=True,
        mechanism="FlutterError",
        tags={"os": "Android 15", "device": "SM-A546B"},
    )

    # ---- K-03 Twilio auth after key rotation (messaging)
    lab = "kw-twilio-auth"
    sentry_issue(
        co,
        m(D1, 47),
        lab,
        "Sentry issue created: Twilio 20003",
        "created",
        "kilnworth-messaging",
        "go",
        "*twilio.TwilioRestError",
        "Status: 401 - ApiError 20003: Authenticate (Details: ) (MoreInfo: https://www.twilio.com/docs/errors/20003)",
        "github.com/kilnworth/messaging/internal/sms.(*Sender).Send",
        short="KILNWORTH-MESSAGING-4Q",
        count=3,
        users=0,
    )
    dd_recommended(
        co,
        m(D1, 52),
        lab,
        "Datadog: sms-outbound subscription backing up",
        "Triggered",
        "Pub/Sub sms-outbound undelivered messages",
        f"project_id:{GCP},subscription_id:sms-outbound-push",
        f"env:production,project_id:{GCP},service:messaging,subscription_id:sms-outbound-push",
        "gcp.pubsub.subscription.num_undelivered_messages",
        "was > 500.0 on average during the last 10m",
        "SMS notifications to tradespeople are not being sent.",
        priority="P2",
    )
    sentry_error(
        co,
        m(D1, 53),
        lab,
        "Sentry: messaging push handler fails on SMS send",
        "kilnworth-messaging",
        "go",
        [
            (
                "*twilio.TwilioRestError",
                "Status: 401 - ApiError 20003: Authenticate (Details: ) (MoreInfo: https://www.twilio.com/docs/errors/20003)",
                go_frames(
                    ("net/http", "server.go", "HandlerFunc.ServeHTTP", 2166),
                    (
                        "github.com/kilnworth/messaging/internal/pubsubpush",
                        "handler.go",
                        "(*Handler).ServeHTTP",
                        61,
                    ),
                    (
                        "github.com/kilnworth/messaging/internal/sms",
                        "sender.go",
                        "(*Sender).Send",
                        88,
                    ),
                ),
            )
        ],
        release="messaging@1.18.3",
        transaction="POST /push/sms-outbound",
        tags={"service": "messaging", "subscription": "sms-outbound-push"},
    )
    sentry_issue(
        co,
        m(D1, 71),
        lab,
        "Sentry issue resolved after the new Twilio key",
        "resolved",
        "kilnworth-messaging",
        "go",
        "*twilio.TwilioRestError",
        "Status: 401 - ApiError 20003: Authenticate (Details: ) (MoreInfo: https://www.twilio.com/docs/errors/20003)",
        "github.com/kilnworth/messaging/internal/sms.(*Sender).Send",
        short="KILNWORTH-MESSAGING-4Q",
        count=418,
        users=0,
        first=m(D1, 47),
        actor={"type": "user", "id": 88123, "name": "Priya Nair"},
    )

    # ---- K-04 quotes bad deploy (re-fires after rollback? no: metric alert critical then resolved)
    lab = "kw-quotes-bad-deploy"
    dd_recommended(
        co,
        m(D1, 58),
        None,
        "decoy: Cloud Run deploy notice for quotes",
        "Triggered",
        "Cloud Run new revision",
        "service_name:quotes",
        f"env:production,project_id:{GCP},service_name:quotes,source:deploy",
        "gcp.run.revision",
        "new revision quotes-00214-wob serving 100% of traffic",
        "Deploy notice (info).",
        priority="",
        event_type="event_alert",
    )
    for i, (uid, sec) in enumerate([("cu_70112", 10), ("tp_20877", 50)]):
        sentry_error(
            co,
            m(D1, 60 + i, sec),
            lab,
            f"Sentry: quotes@2026.4.14-1 TypeError ({'customer' if i == 0 else 'tradesperson'})",
            "kilnworth-quotes",
            "node",
            [
                (
                    "TypeError",
                    "Cannot read properties of undefined (reading 'lineItems')",
                    node_frames(
                        ("dist/quotes/totals.js", "computeTotals", 14),
                        ("dist/quotes/handlers.js", "getQuote", 52),
                        (
                            "node_modules/express/lib/router/layer.js",
                            "Layer.handle [as handle_request]",
                            95,
                        ),
                    ),
                )
            ],
            release="quotes@2026.4.14-1",
            transaction="GET /v1/quotes/:quoteId",
            user=run_user(uid),
            request={
                "url": f"https://api.kilnworth.co.uk/v1/quotes/q_{8812 + i * 37}",
                "method": "GET",
            },
            tags={"server_name": "quotes-00214-wob"},
        )
    sentry_error(
        co,
        m(D1, 61, 20),
        None,
        "decoy: same TypeError in staging (staging runs the next build)",
        "kilnworth-quotes",
        "node",
        [
            (
                "TypeError",
                "Cannot read properties of undefined (reading 'lineItems')",
                node_frames(
                    ("dist/quotes/totals.js", "computeTotals", 14),
                    ("dist/quotes/handlers.js", "getQuote", 52),
                ),
            )
        ],
        env="staging",
        release="quotes@2026.4.14-2",
        transaction="GET /v1/quotes/:quoteId",
        user=run_user("qa_bot"),
        tags={"server_name": "quotes-staging-00090-tiv"},
    )
    dd_recommended(
        co,
        m(D1, 62),
        lab,
        "Datadog: quotes APM error rate",
        "Triggered",
        "quotes error rate",
        "env:production,service:quotes",
        "env:production,service:quotes,team:marketplace,version:2026.4.14-1",
        "trace.express.request.errors",
        "was > 0.1 on average during the last 5m",
        "Quotes returning 5xx. Recent deploy? Roll back with `gcloud run services update-traffic quotes`.",
    )
    sentry_metric(
        co,
        m(D1, 62, 30),
        lab,
        "Sentry metric alert: quotes error count critical",
        "critical",
        "quotes errors > 50 / 5m",
        "count()",
        "event.type:error",
        ["kilnworth-quotes"],
        "production",
        50,
    )
    posthog_exc(
        co,
        m(D1, 63),
        lab,
        "PostHog: app cannot open a quote (500)",
        k_app_props(
            "Android",
            "3.7.2",
            "405",
            "ApiException",
            "500 Internal Server Error: GET https://api.kilnworth.co.uk/v1/quotes/q_9031",
            k_dart_ph_frames(
                ("kilnworth_app", "data/api_client.dart", "ApiClient._send", 112, 7),
                (
                    "kilnworth_app",
                    "features/quotes/quote_detail_cubit.dart",
                    "QuoteDetailCubit.open",
                    31,
                    9,
                ),
            ),
            "QuoteDetailScreen",
        ),
        "cu_70350",
        {"email": "hallam.family@example.com", "role": "customer"},
        K_PH,
    )
    sentry_metric(
        co,
        m(D1, 75),
        lab,
        "Sentry metric alert resolved after rollback",
        "resolved",
        "quotes errors > 50 / 5m",
        "count()",
        "event.type:error",
        ["kilnworth-quotes"],
        "production",
        50,
    )
    dd_recommended(
        co,
        m(D1, 76),
        lab,
        "Datadog: quotes error rate recovered",
        "Recovered",
        "quotes error rate",
        "env:production,service:quotes",
        "env:production,service:quotes,team:marketplace,version:2026.4.9-2",
        "trace.express.request.errors",
        "was <= 0.1 on average during the last 5m",
        "Back to normal.",
    )

    # ---- K-05 jobs-api OOM, re-fires after a lull
    lab = "kw-jobs-oom"
    scope = "service_name:jobs-api"
    tags = f"env:production,project_id:{GCP},region:europe-west2,service_name:jobs-api"
    dd_recommended(
        co,
        m(D1, 82),
        lab,
        "Datadog: jobs-api container memory near limit",
        "Triggered",
        "Cloud Run jobs-api memory",
        scope,
        tags,
        "gcp.run.container.memory.utilizations",
        "was > 0.95 at least once during the last 5m",
        "Instances are being terminated for exceeding the 1 GiB memory limit.",
    )
    sentry_error(
        co,
        m(D1, 83),
        lab,
        "Sentry: messaging cannot reach jobs-api (503)",
        "kilnworth-messaging",
        "go",
        [
            (
                "*url.Error",
                'Get "https://jobs-api-3kq2xw7ffa-nw.a.run.app/internal/jobs/j_99812": unexpected status 503 Service Unavailable',
                go_frames(
                    (
                        "github.com/kilnworth/messaging/internal/jobsclient",
                        "client.go",
                        "(*Client).Job",
                        47,
                    ),
                    (
                        "github.com/kilnworth/messaging/internal/threads",
                        "create.go",
                        "(*Service).OpenThread",
                        73,
                    ),
                ),
            )
        ],
        release="messaging@1.18.3",
        transaction="POST /v1/threads",
        tags={"service": "messaging"},
    )
    dd_recommended(
        co,
        m(D1, 90),
        lab,
        "Datadog: jobs-api memory recovered (lull)",
        "Recovered",
        "Cloud Run jobs-api memory",
        scope,
        tags,
        "gcp.run.container.memory.utilizations",
        "was <= 0.95 during the last 5m",
        "Recovered.",
    )
    dd_recommended(
        co,
        m(D1, 112),
        lab,
        "Datadog: jobs-api memory re-fires",
        "Triggered",
        "Cloud Run jobs-api memory",
        scope,
        tags,
        "gcp.run.container.memory.utilizations",
        "was > 0.95 at least once during the last 5m",
        "Instances are being terminated for exceeding the 1 GiB memory limit.",
    )
    sentry_error(
        co,
        m(D1, 113),
        lab,
        "Sentry: quotes caller sees jobs-api 503 after the lull",
        "kilnworth-quotes",
        "node",
        [
            (
                "FetchError",
                "jobs-api responded 503 for GET /internal/jobs/j_100203",
                node_frames(
                    ("dist/clients/jobs.js", "JobsClient.get", 33),
                    ("dist/quotes/handlers.js", "createQuote", 71),
                ),
            )
        ],
        release="quotes@2026.4.9-2",
        transaction="POST /v1/quotes",
        tags={"server_name": "quotes-00213-pev"},
    )
    # decoy: a jobs latency warning that recovers alone (different monitor)
    dd_recommended(
        co,
        m(D1, 95),
        None,
        "decoy: jobs p95 latency warning",
        "Warn",
        "jobs p95 latency",
        "env:production,service:jobs",
        "env:production,service:jobs,team:marketplace",
        "trace.fastapi.request.duration.by.service.95p",
        "was > 0.8 on average during the last 10m",
        "Latency warning.",
        priority="P4",
    )
    dd_recommended(
        co,
        m(D1, 101),
        None,
        "decoy: jobs p95 latency back",
        "Recovered",
        "jobs p95 latency",
        "env:production,service:jobs",
        "env:production,service:jobs,team:marketplace",
        "trace.fastapi.request.duration.by.service.95p",
        "was <= 0.8 on average during the last 10m",
        "Latency back.",
        priority="P4",
    )

    # ---- K-06 Firestore contention on chat threads
    lab = "kw-firestore-contention"
    sentry_error(
        co,
        m(D1, 121),
        lab,
        "Sentry: messaging Firestore Aborted",
        "kilnworth-messaging",
        "go",
        [
            (
                "*status.Error",
                "rpc error: code = Aborted desc = Too much contention on these documents. Please try again.",
                go_frames(
                    (
                        "cloud.google.com/go/firestore",
                        "transaction.go",
                        "(*Client).RunTransaction",
                        164,
                    ),
                    (
                        "github.com/kilnworth/messaging/internal/threads",
                        "append.go",
                        "(*Service).AppendMessage",
                        52,
                    ),
                ),
            )
        ],
        release="messaging@1.18.3",
        transaction="POST /v1/threads/{id}/messages",
        tags={"service": "messaging", "firestore.collection": "threads"},
    )
    dd_recommended(
        co,
        m(D1, 122),
        lab,
        "Datadog: Firestore aborted writes",
        "Triggered",
        "Firestore write errors",
        f"project_id:{GCP},response_code:aborted",
        f"env:production,project_id:{GCP},response_code:aborted,service:firestore",
        "gcp.firestore.api.request_count",
        "was > 200.0 on average during the last 5m",
        "Aborted transactions on Firestore (contention).",
    )
    sentry_error(
        co,
        m(D1, 123),
        lab,
        "Sentry (Flutter): chat send fails with cloud_firestore/aborted",
        "kilnworth-app",
        "dart",
        [
            (
                "FirebaseException",
                "[cloud_firestore/aborted] The operation was aborted, typically due to a concurrency issue like transaction aborts, etc.",
                dart_frames(
                    (
                        "cloud_firestore_platform_interface",
                        "src/method_channel/method_channel_transaction.dart",
                        "MethodChannelTransaction.commit",
                        61,
                    ),
                    (
                        "kilnworth_app",
                        "features/chat/chat_repository.dart",
                        "ChatRepository.markRead",
                        74,
                    ),
                ),
            )
        ],
        release="uk.co.kilnworth.app@3.7.2+405",
        user=run_user("tp_20311"),
        handled=False,
        tags={"os": "Android 14", "device": "Pixel 7"},
    )
    posthog_exc(
        co,
        m(D1, 124),
        lab,
        "PostHog: chat exception from the app",
        k_app_props(
            "iOS",
            "3.7.2",
            "405",
            "FirebaseException",
            "[cloud_firestore/aborted] The operation was aborted, typically due to a concurrency issue like transaction aborts, etc.",
            k_dart_ph_frames(
                (
                    "kilnworth_app",
                    "features/chat/chat_repository.dart",
                    "ChatRepository.markRead",
                    74,
                    11,
                )
            ),
            "ChatThreadScreen",
        ),
        "cu_66781",
        {"email": "d.osei@example.com", "role": "customer"},
        K_PH,
    )
    # decoy: a tunnel user offline
    posthog_exc(
        co,
        m(D1, 122, 30),
        None,
        "decoy: app offline (DNS lookup) for one user",
        k_app_props(
            "Android",
            "3.6.9",
            "398",
            "SocketException",
            "Failed host lookup: 'api.kilnworth.co.uk' (OS Error: No address associated with hostname, errno = 7)",
            k_dart_ph_frames(("kilnworth_app", "data/api_client.dart", "ApiClient._send", 108, 5)),
            "HomeScreen",
            handled=True,
        ),
        "tp_14402",
        {"email": "b.wright.joinery@example.com", "role": "tradesperson"},
        K_PH,
    )

    # ---- K-07 Cloud Tasks reminders backlog
    lab = "kw-cloudtasks-backlog"
    dd_recommended(
        co,
        m(D1, 140),
        lab,
        "Datadog: quote-reminders queue depth",
        "Triggered",
        "Cloud Tasks queue depth",
        "queue_id:quote-reminders",
        f"env:production,project_id:{GCP},queue_id:quote-reminders,service:jobs",
        "gcp.cloudtasks.queue.depth",
        "was > 5000.0 on average during the last 15m",
        "Reminder tasks piling up.",
    )
    sentry_error(
        co,
        m(D1, 141),
        lab,
        "Sentry: jobs task handler deadline exceeded",
        "kilnworth-jobs",
        "python",
        [
            (
                "DeadlineExceeded",
                "504 Deadline Exceeded",
                py_frames(
                    ("app.tasks.reminders", "send_quote_reminder", 44),
                    ("app.clients.messaging", "notify", 29),
                    ("google.api_core.grpc_helpers", "error_remapped_callable", 78),
                ),
            )
        ],
        release="jobs@2026.04.10-3",
        transaction="POST /tasks/send-quote-reminder",
        tags={"service": "jobs", "queue": "quote-reminders", "X-CloudTasks-TaskRetryCount": "4"},
    )
    sentry_error(
        co,
        m(D1, 146),
        lab,
        "Sentry: same deadline, another task",
        "kilnworth-jobs",
        "python",
        [
            (
                "DeadlineExceeded",
                "504 Deadline Exceeded",
                py_frames(
                    ("app.tasks.reminders", "send_quote_reminder", 44),
                    ("app.clients.messaging", "notify", 29),
                    ("google.api_core.grpc_helpers", "error_remapped_callable", 78),
                ),
            )
        ],
        release="jobs@2026.04.10-3",
        transaction="POST /tasks/send-quote-reminder",
        tags={"service": "jobs", "queue": "quote-reminders", "X-CloudTasks-TaskRetryCount": "2"},
    )
    dd_recommended(
        co,
        m(D1, 165),
        lab,
        "Datadog: queue depth recovered",
        "Recovered",
        "Cloud Tasks queue depth",
        "queue_id:quote-reminders",
        f"env:production,project_id:{GCP},queue_id:quote-reminders,service:jobs",
        "gcp.cloudtasks.queue.depth",
        "was <= 5000.0 on average during the last 15m",
        "Drained.",
    )
    # decoy heartbeat: synthetic check recovered (no data blip)
    dd_recommended(
        co,
        m(D1, 150),
        None,
        "decoy: synthetic heartbeat check OK",
        "Recovered",
        "Synthetics heartbeat api.kilnworth.co.uk/healthz",
        "check:heartbeat,url:https://api.kilnworth.co.uk/healthz",
        "env:production,check:heartbeat",
        "synthetics.http.response.status_code",
        "is OK",
        "Heartbeat.",
        priority="P5",
        event_type="service_check",
    )

    # ---- K-08 expired TLS cert on the API domain (day 2)
    lab = "kw-api-cert-expired"
    dd_recommended(
        co,
        m(D2, 5),
        lab,
        "Datadog: TLS check failing for api.kilnworth.co.uk",
        "Triggered",
        "TLS certificate api.kilnworth.co.uk",
        "server:api.kilnworth.co.uk,port:443",
        "env:production,port:443,server:api.kilnworth.co.uk",
        "tls.can_connect",
        "is CRITICAL: certificate has expired (notAfter 2026-04-15T06:38:11Z)",
        "Managed certificate did not renew. Check the load balancer certificate map.",
        priority="P1",
        event_type="service_check",
    )
    sentry_alert(
        co,
        m(D2, 6),
        lab,
        "Sentry issue alert (Flutter): HandshakeException",
        "App: high-volume new issue",
        "kilnworth-app",
        "dart",
        [
            (
                "HandshakeException",
                "Handshake error in client (OS Error: CERTIFICATE_VERIFY_FAILED: certificate has expired(handshake.cc:393))",
                dart_frames(
                    ("dart:io", "secure_socket.dart", "_SecureFilterImpl.handshake", 99),
                    ("kilnworth_app", "data/api_client.dart", "ApiClient._send", 104),
                ),
            )
        ],
        release="uk.co.kilnworth.app@3.7.2+405",
        user=run_user("tp_20311"),
        tags={"os": "Android 15"},
    )
    posthog_exc(
        co,
        m(D2, 6, 40),
        lab,
        "PostHog: iOS app TLS failure",
        k_app_props(
            "iOS",
            "3.7.2",
            "405",
            "HandshakeException",
            "Handshake error in client (OS Error: CERTIFICATE_VERIFY_FAILED: certificate has expired(handshake.cc:393))",
            k_dart_ph_frames(("kilnworth_app", "data/api_client.dart", "ApiClient._send", 104, 3)),
            "SplashScreen",
        ),
        "cu_77120",
        {"email": "jo.brennan@example.com", "role": "customer"},
        K_PH,
    )
    posthog_exc(
        co,
        m(D2, 8),
        lab,
        "PostHog: Android app TLS failure",
        k_app_props(
            "Android",
            "3.7.1",
            "401",
            "HandshakeException",
            "Handshake error in client (OS Error: CERTIFICATE_VERIFY_FAILED: certificate has expired(handshake.cc:393))",
            k_dart_ph_frames(("kilnworth_app", "data/api_client.dart", "ApiClient._send", 104, 3)),
            "JobBoardScreen",
        ),
        "tp_13990",
        {"email": "sparkright@example.com", "role": "tradesperson"},
        K_PH,
    )
    dd_recommended(
        co,
        m(D2, 29),
        lab,
        "Datadog: TLS check OK again",
        "Recovered",
        "TLS certificate api.kilnworth.co.uk",
        "server:api.kilnworth.co.uk,port:443",
        "env:production,port:443,server:api.kilnworth.co.uk",
        "tls.can_connect",
        "is OK",
        "Certificate renewed.",
        priority="P1",
        event_type="service_check",
    )

    # ---- K-09 Stripe webhook signature failures after secret rotation (Pub/Sub push)
    lab = "kw-stripe-webhook-secret"
    dd_recommended(
        co,
        m(D2, 36),
        lab,
        "Datadog: stripe-events subscription oldest unacked",
        "Triggered",
        "Pub/Sub stripe-events oldest unacked age",
        f"project_id:{GCP},subscription_id:stripe-events-push",
        f"env:production,project_id:{GCP},service:payments,subscription_id:stripe-events-push",
        "gcp.pubsub.subscription.oldest_unacked_message_age",
        "was > 600.0 on average during the last 10m",
        "Stripe events are not being acknowledged by payments.",
    )
    for i in range(2):
        sentry_error(
            co,
            m(D2, 37 + i * 3),
            lab,
            f"Sentry: payments rejects Stripe event signature ({i + 1})",
            "kilnworth-payments",
            "node",
            [
                (
                    "StripeSignatureVerificationError",
                    "No signatures found matching the expected signature for payload. Are you passing the raw request body you received from Stripe?",
                    node_frames(
                        ("node_modules/stripe/cjs/Webhooks.js", "Object.verifyHeader", 131),
                        ("dist/webhooks/stripe.js", "constructEvent", 21),
                        ("dist/pubsub/push.js", "handlePush", 39),
                    ),
                )
            ],
            release="payments@1.43.0",
            transaction="POST /pubsub/stripe-events",
            tags={"server_name": "payments-00081-mun", "subscription": "stripe-events-push"},
        )
    dd_recommended(
        co,
        m(D2, 58),
        lab,
        "Datadog: stripe-events subscription recovered",
        "Recovered",
        "Pub/Sub stripe-events oldest unacked age",
        f"project_id:{GCP},subscription_id:stripe-events-push",
        f"env:production,project_id:{GCP},service:payments,subscription_id:stripe-events-push",
        "gcp.pubsub.subscription.oldest_unacked_message_age",
        "was <= 600.0 on average during the last 10m",
        "Drained.",
    )
    sentry_issue(
        co,
        m(D2, 40, 30),
        None,
        "decoy: a noisy app issue archived by hand",
        "ignored",
        "kilnworth-app",
        "dart",
        "PlatformException",
        "PlatformException(location_disabled, Location services are disabled., null, null)",
        "LocationService.current",
        short="KILNWORTH-APP-2B1",
        count=1288,
        users=911,
        first=m(D1, -6000),
        actor={"type": "user", "id": 88124, "name": "Tom Ashby"},
        level="warning",
    )

    # ---- K-10 Flutter release crash on photo upload (Sentry + PostHog only)
    lab = "kw-app-photo-crash"
    sentry_alert(
        co,
        m(D2, 65),
        lab,
        "Sentry issue alert: null check in photo uploader",
        "App: new issue in latest release",
        "kilnworth-app",
        "dart",
        [
            (
                "_TypeError",
                "Null check operator used on a null value",
                dart_frames(
                    (
                        "kilnworth_app",
                        "features/jobs/photos/job_photo_uploader.dart",
                        "JobPhotoUploader._compress",
                        57,
                    ),
                    (
                        "kilnworth_app",
                        "features/jobs/photos/job_photo_uploader.dart",
                        "JobPhotoUploader.upload",
                        33,
                    ),
                ),
            )
        ],
        release="uk.co.kilnworth.app@3.8.0+412",
        user=run_user("cu_81200"),
        tags={"os": "Android 15", "device": "SM-S921B"},
    )
    sentry_issue(
        co,
        m(D2, 65, 20),
        lab,
        "Sentry issue created for the crash",
        "created",
        "kilnworth-app",
        "dart",
        "_TypeError",
        "Null check operator used on a null value",
        "JobPhotoUploader._compress",
        short="KILNWORTH-APP-3CD",
        count=1,
        users=1,
    )
    posthog_exc(
        co,
        m(D2, 67),
        lab,
        "PostHog: same crash on 3.8.0",
        k_app_props(
            "Android",
            "3.8.0",
            "412",
            "_TypeError",
            "Null check operator used on a null value",
            k_dart_ph_frames(
                (
                    "kilnworth_app",
                    "features/jobs/photos/job_photo_uploader.dart",
                    "JobPhotoUploader._compress",
                    57,
                    22,
                )
            ),
            "PostJobPhotosStep",
        ),
        "cu_81455",
        {"email": "m.lloyd@example.com", "role": "customer"},
        K_PH,
    )

    # ---- K-11 Cloud SQL connections exhausted, re-fires after a lull (day 2)
    lab = "kw-cloudsql-connections"
    scope = f"database_id:{db}"
    tags = f"database_id:{db},env:production,project_id:{GCP},team:platform"
    dd_recommended(
        co,
        m(D2, 80),
        lab,
        "Datadog: Cloud SQL connections near max",
        "Triggered",
        "Cloud SQL connections",
        scope,
        tags,
        "gcp.cloudsql.database.postgresql.num_backends",
        "was > 380.0 on average during the last 5m",
        "max_connections is 400.",
    )
    sentry_error(
        co,
        m(D2, 80, 50),
        lab,
        "Sentry: jobs cannot get a connection slot",
        "kilnworth-jobs",
        "python",
        [
            (
                "OperationalError",
                "(psycopg.OperationalError) connection failed: FATAL:  remaining connection slots are reserved for roles with the SUPERUSER attribute",
                py_frames(
                    ("app.routes.jobs", "get_job", 91),
                    ("sqlalchemy.pool.base", "_do_get", 711),
                    ("psycopg.connection", "connect", 119),
                ),
            )
        ],
        release="jobs@2026.04.14-1",
        transaction="GET /v2/jobs/{job_id}",
        tags={"service": "jobs"},
    )
    sentry_error(
        co,
        m(D2, 81, 30),
        lab,
        "Sentry: payments pg too many clients",
        "kilnworth-payments",
        "node",
        [
            (
                "error",
                "sorry, too many clients already",
                node_frames(
                    ("node_modules/pg-pool/index.js", "Pool._pulseQueue", 145),
                    ("dist/ledger/read.js", "balanceFor", 12),
                ),
            )
        ],
        release="payments@1.43.0",
        transaction="GET /v1/payouts/balance",
        tags={"code": "53300"},
    )
    sentry_metric(
        co,
        m(D2, 82),
        lab,
        "Sentry metric alert: jobs DB errors",
        "critical",
        "jobs DB errors",
        "count()",
        "event.type:error error.type:OperationalError",
        ["kilnworth-jobs"],
        "production",
        30,
    )
    dd_recommended(
        co,
        m(D2, 88),
        lab,
        "Datadog: connections recovered (lull)",
        "Recovered",
        "Cloud SQL connections",
        scope,
        tags,
        "gcp.cloudsql.database.postgresql.num_backends",
        "was <= 380.0 on average during the last 5m",
        "Recovered.",
    )
    dd_recommended(
        co,
        m(D2, 104),
        lab,
        "Datadog: connections re-fire",
        "Re-Triggered",
        "Cloud SQL connections",
        scope,
        tags,
        "gcp.cloudsql.database.postgresql.num_backends",
        "was > 380.0 on average during the last 5m",
        "max_connections is 400.",
    )
    sentry_metric(
        co,
        m(D2, 118),
        lab,
        "Sentry metric alert resolved",
        "resolved",
        "jobs DB errors",
        "count()",
        "event.type:error error.type:OperationalError",
        ["kilnworth-jobs"],
        "production",
        30,
    )

    # ---- K-12 messaging deploy: nil pointer panic
    lab = "kw-messaging-panic"
    sentry_error(
        co,
        m(D2, 92),
        lab,
        "Sentry: messaging 1.19.0 panics",
        "kilnworth-messaging",
        "go",
        [
            (
                "runtime.Error",
                "invalid memory address or nil pointer dereference",
                go_frames(
                    ("net/http", "server.go", "HandlerFunc.ServeHTTP", 2166),
                    (
                        "github.com/kilnworth/messaging/internal/threads",
                        "list.go",
                        "(*Service).ListForTradesperson",
                        38,
                    ),
                    (
                        "github.com/kilnworth/messaging/internal/threads",
                        "preview.go",
                        "lastMessagePreview",
                        17,
                    ),
                ),
            )
        ],
        release="messaging@1.19.0",
        transaction="GET /v1/threads",
        mechanism="panic",
        tags={"service": "messaging"},
    )
    dd_recommended(
        co,
        m(D2, 93),
        lab,
        "Datadog: messaging error rate",
        "Triggered",
        "messaging error rate",
        "env:production,service:messaging",
        "env:production,service:messaging,team:marketplace,version:1.19.0",
        "trace.http.request.errors",
        "was > 0.05 on average during the last 5m",
        "Messaging 5xx.",
    )
    posthog_exc(
        co,
        m(D2, 94),
        lab,
        "PostHog: inbox fails to load in the app",
        k_app_props(
            "iOS",
            "3.8.0",
            "412",
            "ApiException",
            "500 Internal Server Error: GET https://api.kilnworth.co.uk/v1/threads",
            k_dart_ph_frames(
                ("kilnworth_app", "features/chat/inbox_cubit.dart", "InboxCubit.refresh", 26, 9)
            ),
            "InboxScreen",
        ),
        "tp_18820",
        {"email": "leeds.roofing@example.com", "role": "tradesperson"},
        K_PH,
    )
    sentry_issue(
        co,
        m(D2, 109),
        lab,
        "Sentry issue resolved in 1.19.1",
        "resolved",
        "kilnworth-messaging",
        "go",
        "runtime.Error",
        "invalid memory address or nil pointer dereference",
        "GET /v1/threads",
        short="KILNWORTH-MESSAGING-52",
        count=231,
        users=97,
        first=m(D2, 92),
        actor={"type": "user", "id": 88123, "name": "Priya Nair"},
    )
    # decoys on day 2
    sentry_error(
        co,
        m(D2, 93, 30),
        None,
        "decoy: staging messaging panics on a different route",
        "kilnworth-messaging",
        "go",
        [
            (
                "runtime.Error",
                "index out of range [3] with length 3",
                go_frames(
                    (
                        "github.com/kilnworth/messaging/internal/attachments",
                        "thumbs.go",
                        "pickThumb",
                        22,
                    )
                ),
            )
        ],
        env="staging",
        release="messaging@1.20.0-rc1",
        transaction="GET /v1/attachments/{id}",
        mechanism="panic",
        tags={"service": "messaging"},
    )
    dd_recommended(
        co,
        m(D2, 84),
        None,
        "decoy: Firestore read latency warning",
        "Warn",
        "Firestore read latency",
        f"project_id:{GCP}",
        f"env:production,project_id:{GCP},service:firestore",
        "gcp.firestore.api.request_latencies.avg",
        "was > 0.25 on average during the last 10m",
        "Latency warning.",
        priority="P4",
    )
    dd_recommended(
        co,
        m(D2, 91),
        None,
        "decoy: Firestore latency back",
        "Recovered",
        "Firestore read latency",
        f"project_id:{GCP}",
        f"env:production,project_id:{GCP},service:firestore",
        "gcp.firestore.api.request_latencies.avg",
        "was <= 0.25 on average during the last 10m",
        "Back.",
        priority="P4",
    )
    sentry_error(
        co,
        m(D2, 81, 10),
        None,
        "decoy: jobs geocoding postcode not found (user input)",
        "kilnworth-jobs",
        "python",
        [
            (
                "PostcodeNotFound",
                "Postcode 'ZZ99 9ZZ' not found",
                py_frames(
                    ("app.geo.postcodes", "lookup", 40), ("app.routes.jobs", "create_job", 122)
                ),
            )
        ],
        release="jobs@2026.04.14-1",
        transaction="POST /v2/jobs",
        handled=True,
        level="error",
        tags={"service": "jobs"},
    )
    posthog_exc(
        co,
        m(D2, 37, 30),
        None,
        "decoy: app image cache error",
        k_app_props(
            "Android",
            "3.7.2",
            "405",
            "HttpExceptionWithStatus",
            "HttpException: Invalid statusCode: 404, uri = https://storage.googleapis.com/kilnworth-avatars/u/tp_10001.jpg",
            k_dart_ph_frames(
                (
                    "cached_network_image",
                    "src/image_provider/multi_image_stream_completer.dart",
                    "MultiImageStreamCompleter._handleImageFrame",
                    140,
                    1,
                )
            ),
            "TradespersonProfile",
            handled=True,
        ),
        "cu_50001",
        {"email": "k.ng@example.com", "role": "customer"},
        K_PH,
    )


# =========================================================================== Kettleby Logistics

L = Company(
    "Kettleby Logistics",
    "kettleby",
    "0c9e7b2f5a1d48e3a6b4c8d2e0f17a55",
    {
        "shipment-service": 4508200101,
        "routing-service": 4508200102,
        "tracking-service": 4508200103,
        "billing-service": 4508200104,
        "carrier-gateway": 4508200105,
        "kettleby-dashboard": 4508200106,
    },
)
L_PH = 30917
E1 = datetime(2026, 4, 21, 6, 30, tzinfo=UTC)
E2 = datetime(2026, 4, 22, 7, 0, tzinfo=UTC)


def jframes(*fs):
    out = []
    for cls, fn, ln in fs:
        file = cls.split(".")[-1].split("$")[0] + ".java"
        out.append(frame(file, fn, ln, module=cls, in_app=cls.startswith("eu.kettleby")))
    return out


def jerr(
    co,
    at,
    label,
    role,
    project,
    excs,
    *,
    release,
    transaction=None,
    tags=None,
    env="production",
    user=None,
    request=None,
):
    t = {"server_name": tags.pop("pod") if tags and "pod" in tags else None}
    t = {k: v for k, v in t.items() if v}
    t.update(tags or {})
    sentry_error(
        co,
        at,
        label,
        role,
        project,
        "java",
        excs,
        release=release,
        transaction=transaction,
        tags=t,
        env=env,
        user=user,
        request=request,
    )


def vue_props(typ, value, frames, path, *, browser="Chrome", release="2.30.4"):
    return {
        "$lib": "web",
        "$lib_version": "1.236.1",
        "$browser": browser,
        "$os": "Windows",
        "$current_url": f"https://portal.kettleby.eu{path}",
        "$host": "portal.kettleby.eu",
        "$pathname": path.split("?")[0],
        "app_release": release,
        "$exception_list": exc_list(
            typ, value, frames, "web:javascript", mech="onunhandledrejection"
        ),
        "$exception_personURL": None,
    }


def jsf(*fs):
    return [
        {
            "filename": f"https://portal.kettleby.eu/assets/{f}",
            "function": fn,
            "lineno": ln,
            "colno": col,
            "in_app": True,
        }
        for f, fn, ln, col in fs
    ]


def k8s_tags(dep: str, pod: str, ns: str = "logistics") -> str:
    return f"env:prod,kube_namespace:{ns},kube_deployment:{dep},pod_name:{pod},datacenter:dc1"


def kettleby() -> None:
    co = L
    pg_tags = "env:prod,role:postgres,cluster:pg-main,datacenter:dc1"

    # ---- L-01 Patroni failover pg01 -> pg02
    lab = "kt-patroni-failover"
    dd_custom(
        co,
        m(E1, 10),
        lab,
        "Datadog: pg01 host unreachable",
        "Triggered",
        "Host pg01 not reporting",
        "host:pg01.dc1.kettleby.local",
        pg_tags + ",host:pg01.dc1.kettleby.local",
        "datadog.agent.up over host:pg01.dc1.kettleby.local is CRITICAL. Patroni should promote a replica.",
        priority="P1",
        host="pg01.dc1.kettleby.local",
    )
    splunk(
        co,
        m(E1, 10, 40),
        lab,
        "Splunk: Patroni promotes pg02",
        "Patroni leader change",
        {
            "_time": stime(m(E1, 10, 40)),
            "host": "pg02.dc1.kettleby.local",
            "source": "/var/log/patroni/patroni.log",
            "sourcetype": "patroni",
            "index": "infra",
            "_raw": "2026-04-21 06:40:02,118 INFO: promoted self to leader by acquiring session lock",
            "cluster": "pg-main",
            "member": "pg02",
        },
    )
    jerr(
        co,
        m(E1, 11),
        lab,
        "Sentry: shipment-service I/O error to Postgres",
        "shipment-service",
        [
            (
                "java.net.SocketException",
                "Connection reset",
                jframes(("java.net.SocketInputStream", "read", 186)),
            ),
            (
                "org.postgresql.util.PSQLException",
                "An I/O error occurred while sending to the backend.",
                jframes(
                    ("org.postgresql.core.v3.QueryExecutorImpl", "execute", 395),
                    ("eu.kettleby.shipment.repo.ShipmentRepository", "findByReference", 88),
                    ("eu.kettleby.shipment.api.ShipmentController", "get", 54),
                ),
            ),
        ],
        release="shipment-service@3.18.2",
        transaction="GET /api/v1/shipments/{ref}",
        tags={
            "pod": "shipment-service-6f9d8c7b5-x2kqp",
            "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736",
        },
    )
    jerr(
        co,
        m(E1, 11, 30),
        lab,
        "Sentry: billing-service Hikari timeout",
        "billing-service",
        [
            (
                "java.sql.SQLTransientConnectionException",
                "HikariPool-1 - Connection is not available, request timed out after 30000ms.",
                jframes(
                    ("com.zaxxer.hikari.pool.HikariPool", "createTimeoutException", 696),
                    ("eu.kettleby.billing.invoice.InvoiceService", "draftFor", 112),
                    ("eu.kettleby.billing.invoice.InvoiceJob", "run", 40),
                ),
            )
        ],
        release="billing-service@2.9.0",
        transaction="InvoiceJob",
        tags={"pod": "billing-service-5b7c9d4f8-mm2lr"},
    )
    splunk(
        co,
        m(E1, 12),
        lab,
        "Splunk stats: HAProxy 5xx by backend",
        "HAProxy 5xx by backend (5m)",
        {"backend": "shipment_api", "status": "503", "count": "387", "frontend": "api_https"},
    )
    posthog_exc(
        co,
        m(E1, 12, 30),
        lab,
        "PostHog: dashboard shipment list 503",
        vue_props(
            "AxiosError",
            "Request failed with status code 503",
            jsf(
                ("index-Bq3x9fLk.js", "settle", 2, 41220),
                ("ShipmentsView-D1uPq0aa.js", "loadShipments", 1, 8812),
            ),
            "/shipments?status=in_transit",
        ),
        "u_4471",
        {"email": "dispatch@brackenhaulage.example", "company": "Bracken Haulage"},
        L_PH,
    )
    dd_custom(
        co,
        m(E1, 21),
        lab,
        "Datadog: pg01 back",
        "Recovered",
        "Host pg01 not reporting",
        "host:pg01.dc1.kettleby.local",
        pg_tags + ",host:pg01.dc1.kettleby.local",
        "datadog.agent.up over host:pg01.dc1.kettleby.local is OK.",
        priority="P1",
        host="pg01.dc1.kettleby.local",
    )
    # decoys in the same minutes
    splunk(
        co,
        m(E1, 11, 15),
        None,
        "decoy: planned switchover on the staging Patroni cluster",
        "Patroni leader change",
        {
            "_time": stime(m(E1, 11, 15)),
            "host": "pgs02.stg.kettleby.local",
            "source": "/var/log/patroni/patroni.log",
            "sourcetype": "patroni",
            "index": "infra",
            "_raw": "2026-04-21 06:41:20,504 INFO: manual failover: demoting myself",
            "cluster": "pg-staging",
            "member": "pgs02",
        },
    )
    jerr(
        co,
        m(E1, 12, 10),
        None,
        "decoy: staging shipment-service errors (staging DB switchover)",
        "shipment-service",
        [
            (
                "org.postgresql.util.PSQLException",
                "FATAL: the database system is shutting down",
                jframes(
                    ("org.postgresql.core.v3.ConnectionFactoryImpl", "openConnectionImpl", 354),
                    ("eu.kettleby.shipment.repo.ShipmentRepository", "findByReference", 88),
                ),
            )
        ],
        release="shipment-service@3.19.0-SNAPSHOT",
        env="staging",
        transaction="GET /api/v1/shipments/{ref}",
        tags={"pod": "shipment-service-staging-77c4d9-abc12"},
    )
    jerr(
        co,
        m(E1, 13),
        None,
        "decoy: carrier-gateway UPS 401 (expired sandbox creds, unrelated)",
        "carrier-gateway",
        [
            (
                "org.springframework.web.client.HttpClientErrorException$Unauthorized",
                '401 Unauthorized: "{"response":{"errors":[{"code":"250002","message":"Invalid Authentication Information."}]}}"',
                jframes(
                    (
                        "org.springframework.web.client.DefaultResponseErrorHandler",
                        "handleError",
                        106,
                    ),
                    ("eu.kettleby.carrier.ups.UpsClient", "rate", 71),
                ),
            )
        ],
        release="carrier-gateway@1.33.0",
        transaction="UpsRateRefresh",
        tags={"pod": "carrier-gateway-7d8f6b9c4-q8w2e", "carrier": "ups"},
    )

    # ---- L-02 Kafka consumer lag on tracking-updates
    lab = "kt-tracking-lag"
    lag_scope = "consumer_group:tracking-consumer,topic:tracking-updates"
    lag_tags = "env:prod,consumer_group:tracking-consumer,topic:tracking-updates,kafka_cluster:kafka-dc1,service:tracking-service"
    dd_custom(
        co,
        m(E1, 35),
        lab,
        "Datadog: consumer lag tracking-updates",
        "Triggered",
        "Kafka consumer lag",
        lag_scope,
        lag_tags,
        "kafka.consumer_lag over consumer_group:tracking-consumer,topic:tracking-updates was > 50000 during the last 10m",
    )
    jerr(
        co,
        m(E1, 36),
        lab,
        "Sentry: tracking-service commit failed",
        "tracking-service",
        [
            (
                "org.apache.kafka.clients.consumer.CommitFailedException",
                "Offset commit cannot be completed since the consumer is not part of an active group for auto partition assignment; it is likely that the consumer was kicked out of the group.",
                jframes(
                    (
                        "org.apache.kafka.clients.consumer.internals.ConsumerCoordinator",
                        "sendOffsetCommitRequest",
                        1311,
                    ),
                    (
                        "org.springframework.kafka.listener.KafkaMessageListenerContainer$ListenerConsumer",
                        "commitIfNecessary",
                        3050,
                    ),
                    ("eu.kettleby.tracking.ingest.TrackingUpdateListener", "onBatch", 61),
                ),
            )
        ],
        release="tracking-service@5.4.1",
        transaction="tracking-updates",
        tags={"pod": "tracking-service-84bc5f7d9-7hr4n", "kafka.topic": "tracking-updates"},
    )
    splunk(
        co,
        m(E1, 37),
        lab,
        "Splunk: tracking consumer poll timeout log",
        "Kafka consumer warnings",
        {
            "_time": stime(m(E1, 37)),
            "host": "k8s-node-07",
            "source": "kube:logistics:tracking-service",
            "sourcetype": "kube:container:tracking-service",
            "index": "apps",
            "_raw": "2026-04-21 07:06:31.774  WARN 1 --- [ntainer#0-0-C-1] o.a.k.c.c.internals.ConsumerCoordinator  : [Consumer clientId=consumer-tracking-consumer-1, groupId=tracking-consumer] consumer poll timeout has expired. This means the time between subsequent calls to poll() was longer than the configured max.poll.interval.ms",
            "pod": "tracking-service-84bc5f7d9-7hr4n",
        },
    )
    dd_custom(
        co,
        m(E1, 58),
        lab,
        "Datadog: lag recovered",
        "Recovered",
        "Kafka consumer lag",
        lag_scope,
        lag_tags,
        "kafka.consumer_lag over consumer_group:tracking-consumer,topic:tracking-updates recovered",
    )
    # decoy: analytics consumer lag warning that recovers alone
    dd_custom(
        co,
        m(E1, 40),
        None,
        "decoy: analytics consumer lag warning",
        "Warn",
        "Kafka consumer lag",
        "consumer_group:analytics-sink,topic:shipment-events",
        "env:prod,consumer_group:analytics-sink,topic:shipment-events,kafka_cluster:kafka-dc1,service:analytics-sink",
        "kafka.consumer_lag over consumer_group:analytics-sink,topic:shipment-events was > 10000",
        priority="P4",
    )
    dd_custom(
        co,
        m(E1, 47),
        None,
        "decoy: analytics lag back",
        "Recovered",
        "Kafka consumer lag",
        "consumer_group:analytics-sink,topic:shipment-events",
        "env:prod,consumer_group:analytics-sink,topic:shipment-events,kafka_cluster:kafka-dc1,service:analytics-sink",
        "recovered",
        priority="P4",
    )

    # ---- L-03 routing-service bad deploy (callers erroring too)
    lab = "kt-routing-bad-deploy"
    splunk(
        co,
        m(E1, 64),
        None,
        "decoy: ArgoCD deploy notice for routing-service",
        "Deployments (ArgoCD)",
        {
            "_time": stime(m(E1, 64)),
            "host": "argocd-server",
            "sourcetype": "argocd",
            "index": "ops",
            "source": "argocd-application-controller",
            "_raw": 'level=info msg="Updated sync status: OutOfSync -> Synced" application=routing-service dest-namespace=logistics revision=4.12.0',
        },
    )
    jerr(
        co,
        m(E1, 66),
        lab,
        "Sentry: routing-service NPE in optimizer",
        "routing-service",
        [
            (
                "java.lang.NullPointerException",
                'Cannot invoke "eu.kettleby.routing.model.TimeWindow.getEnd()" because "stop.window" is null',
                jframes(
                    ("eu.kettleby.routing.api.RouteController", "optimize", 47),
                    ("eu.kettleby.routing.optimizer.RouteOptimizer", "optimize", 133),
                    ("eu.kettleby.routing.optimizer.WindowConstraint", "slack", 29),
                ),
            )
        ],
        release="routing-service@4.12.0",
        transaction="POST /api/v1/routes/optimize",
        tags={"pod": "routing-service-5c6d7f8b9-k7p2s"},
    )
    jerr(
        co,
        m(E1, 66, 40),
        lab,
        "Sentry: shipment-service Feign 500 from routing",
        "shipment-service",
        [
            (
                "feign.FeignException$InternalServerError",
                '[500 Internal Server Error] during [POST] to [http://routing-service.logistics.svc:8080/api/v1/routes/optimize] [RoutingClient#optimize(OptimizeRequest)]: [{"status":500,"error":"Internal Server Error","path":"/api/v1/routes/optimize"}]',
                jframes(
                    ("feign.FeignException", "serverErrorStatus", 250),
                    ("eu.kettleby.shipment.planning.PlanningService", "plan", 77),
                    ("eu.kettleby.shipment.api.PlanningController", "plan", 35),
                ),
            )
        ],
        release="shipment-service@3.18.2",
        transaction="POST /api/v1/shipments/{ref}/plan",
        tags={"pod": "shipment-service-6f9d8c7b5-x2kqp"},
    )
    splunk(
        co,
        m(E1, 68),
        lab,
        "Splunk stats: ERROR count by service",
        "App ERROR count by service (10m)",
        {
            "service": "routing-service",
            "level": "ERROR",
            "count": "1243",
            "top_logger": "e.k.routing.api.RouteController",
        },
    )
    posthog_exc(
        co,
        m(E1, 69),
        lab,
        "PostHog: dashboard route planning fails",
        vue_props(
            "Error",
            "Route planning failed (500)",
            jsf(
                ("PlanRouteDialog-Cc8e1fA2.js", "submit", 1, 3301),
                ("index-Bq3x9fLk.js", "callWithAsyncErrorHandling", 2, 19877),
            ),
            "/shipments/KT-2604-88121/plan",
            browser="Edge",
        ),
        "u_5120",
        {"email": "planner@norfreight.example", "company": "Norfreight"},
        L_PH,
    )
    jerr(
        co,
        m(E1, 70),
        lab,
        "Sentry: tracking-service ETA recompute fails calling routing",
        "tracking-service",
        [
            (
                "org.springframework.web.client.HttpServerErrorException$InternalServerError",
                '500 : "{"status":500,"error":"Internal Server Error","path":"/api/v1/routes/eta"}"',
                jframes(
                    (
                        "org.springframework.web.client.DefaultResponseErrorHandler",
                        "handleError",
                        131,
                    ),
                    ("eu.kettleby.tracking.eta.EtaService", "recompute", 58),
                ),
            )
        ],
        release="tracking-service@5.4.1",
        transaction="EtaService.recompute",
        tags={"pod": "tracking-service-84bc5f7d9-7hr4n"},
    )
    sentry_issue(
        co,
        m(E1, 84),
        lab,
        "Sentry issue resolved after rollback to 4.11.3",
        "resolved",
        "routing-service",
        "java",
        "java.lang.NullPointerException",
        'Cannot invoke "eu.kettleby.routing.model.TimeWindow.getEnd()" because "stop.window" is null',
        "POST /api/v1/routes/optimize",
        short="ROUTING-SERVICE-1F",
        count=1243,
        users=38,
        first=m(E1, 66),
        actor={"type": "user", "id": 30111, "name": "Marek Novak"},
    )

    # ---- L-04 DHL API timeouts
    lab = "kt-dhl-timeouts"
    jerr(
        co,
        m(E1, 92),
        lab,
        "Sentry: carrier-gateway DHL read timeout",
        "carrier-gateway",
        [
            (
                "java.net.SocketTimeoutException",
                "Read timed out",
                jframes(("java.net.SocketInputStream", "socketRead0", -1)),
            ),
            (
                "org.springframework.web.client.ResourceAccessException",
                'I/O error on POST request for "https://api-eu.dhl.com/parcel/de/shipping/v2/orders": Read timed out',
                jframes(
                    ("org.springframework.web.client.RestTemplate", "doExecute", 791),
                    ("eu.kettleby.carrier.dhl.DhlClient", "createLabel", 94),
                    ("eu.kettleby.carrier.api.LabelController", "create", 41),
                ),
            ),
        ],
        release="carrier-gateway@1.33.0",
        transaction="POST /api/v1/labels",
        tags={"pod": "carrier-gateway-7d8f6b9c4-q8w2e", "carrier": "dhl"},
    )
    dd_custom(
        co,
        m(E1, 93),
        lab,
        "Datadog: DHL HTTP check latency",
        "Triggered",
        "HTTP check api-eu.dhl.com",
        "url:https://api-eu.dhl.com/parcel/de/shipping/v2",
        "env:prod,url:https://api-eu.dhl.com/parcel/de/shipping/v2,service:carrier-gateway",
        "network.http.response_time was > 10s during the last 5m",
    )
    splunk(
        co,
        m(E1, 94),
        lab,
        "Splunk: carrier-gateway timeout log lines",
        "carrier-gateway errors",
        {
            "_time": stime(m(E1, 94)),
            "host": "k8s-node-03",
            "source": "kube:logistics:carrier-gateway",
            "sourcetype": "kube:container:carrier-gateway",
            "index": "apps",
            "_raw": "2026-04-21 08:03:40.219 ERROR 1 --- [nio-8080-exec-7] e.k.carrier.dhl.DhlClient : DHL createLabel failed after 30012 ms trace_id=9c1e55aa0b7d4e2c8f3a6b1d2e4f7081 shipment=KT-2604-90210",
            "trace_id": "9c1e55aa0b7d4e2c8f3a6b1d2e4f7081",
        },
    )
    dd_custom(
        co,
        m(E1, 110),
        lab,
        "Datadog: DHL latency recovered",
        "Recovered",
        "HTTP check api-eu.dhl.com",
        "url:https://api-eu.dhl.com/parcel/de/shipping/v2",
        "env:prod,url:https://api-eu.dhl.com/parcel/de/shipping/v2,service:carrier-gateway",
        "network.http.response_time back under 10s",
    )

    # ---- L-05 billing-service OOM kills, re-fires after a lull
    lab = "kt-billing-oom"
    bt = k8s_tags("billing-service", "billing-service-5b7c9d4f8-mm2lr")
    dd_custom(
        co,
        m(E1, 100),
        lab,
        "Datadog: billing-service container restarts",
        "Triggered",
        "Pod restarts",
        "kube_deployment:billing-service,kube_namespace:logistics",
        bt,
        "kubernetes.containers.restarts over kube_deployment:billing-service increased by 3 in 10m (last reason: OOMKilled)",
    )
    splunk(
        co,
        m(E1, 100, 30),
        lab,
        "Splunk: k8s OOMKilled event",
        "Kubernetes OOMKilled",
        {
            "_time": stime(m(E1, 100, 30)),
            "host": "k8s-node-05",
            "source": "kube-events",
            "sourcetype": "kube:events",
            "index": "k8s",
            "_raw": '{"reason":"OOMKilling","message":"Memory cgroup out of memory: Killed process 41122 (java) total-vm:6.1GB","involvedObject":{"kind":"Pod","namespace":"logistics","name":"billing-service-5b7c9d4f8-mm2lr"}}',
            "namespace": "logistics",
            "pod": "billing-service-5b7c9d4f8-mm2lr",
            "reason": "OOMKilling",
        },
    )
    jerr(
        co,
        m(E1, 101),
        lab,
        "Sentry: billing-service heap space",
        "billing-service",
        [
            (
                "java.lang.OutOfMemoryError",
                "Java heap space",
                jframes(
                    ("java.util.Arrays", "copyOf", 3537),
                    ("eu.kettleby.billing.export.CsvExporter", "appendRows", 77),
                    ("eu.kettleby.billing.export.MonthlyExportJob", "run", 52),
                ),
            )
        ],
        release="billing-service@2.9.0",
        transaction="MonthlyExportJob",
        tags={"pod": "billing-service-5b7c9d4f8-mm2lr"},
    )
    dd_custom(
        co,
        m(E1, 112),
        lab,
        "Datadog: restarts recovered (lull)",
        "Recovered",
        "Pod restarts",
        "kube_deployment:billing-service,kube_namespace:logistics",
        bt,
        "restarts stable",
    )
    dd_custom(
        co,
        m(E1, 141),
        lab,
        "Datadog: restarts re-fire",
        "Re-Triggered",
        "Pod restarts",
        "kube_deployment:billing-service,kube_namespace:logistics",
        k8s_tags("billing-service", "billing-service-5b7c9d4f8-tq9vz"),
        "kubernetes.containers.restarts over kube_deployment:billing-service increased by 2 in 10m (last reason: OOMKilled)",
    )
    splunk(
        co,
        m(E1, 141, 40),
        lab,
        "Splunk: second OOMKilled event",
        "Kubernetes OOMKilled",
        {
            "_time": stime(m(E1, 141, 40)),
            "host": "k8s-node-02",
            "source": "kube-events",
            "sourcetype": "kube:events",
            "index": "k8s",
            "_raw": '{"reason":"OOMKilling","message":"Memory cgroup out of memory: Killed process 9921 (java) total-vm:6.0GB","involvedObject":{"kind":"Pod","namespace":"logistics","name":"billing-service-5b7c9d4f8-tq9vz"}}',
            "namespace": "logistics",
            "pod": "billing-service-5b7c9d4f8-tq9vz",
            "reason": "OOMKilling",
        },
    )
    # decoy: a backup NAS disk warning that recovers alone
    dd_custom(
        co,
        m(E1, 102),
        None,
        "decoy: nas01 disk warning",
        "Warn",
        "Disk usage",
        "host:nas01.dc1.kettleby.local,device:/dev/sdb1",
        "env:prod,role:backup,host:nas01.dc1.kettleby.local",
        "system.disk.in_use > 0.85",
        priority="P4",
        host="nas01.dc1.kettleby.local",
    )
    dd_custom(
        co,
        m(E1, 126),
        None,
        "decoy: nas01 disk back after rotation",
        "Recovered",
        "Disk usage",
        "host:nas01.dc1.kettleby.local,device:/dev/sdb1",
        "env:prod,role:backup,host:nas01.dc1.kettleby.local",
        "system.disk.in_use < 0.85",
        priority="P4",
        host="nas01.dc1.kettleby.local",
    )

    # ---- L-06 expired cert on api.kettleby.eu (HAProxy)
    lab = "kt-haproxy-cert"
    splunk(
        co,
        m(E1, 120),
        lab,
        "Splunk: HAProxy SSL handshake failures",
        "HAProxy SSL errors",
        {
            "_time": stime(m(E1, 120)),
            "host": "lb01.dc1.kettleby.local",
            "source": "/var/log/haproxy.log",
            "sourcetype": "haproxy:http",
            "index": "edge",
            "_raw": "Apr 21 08:29:51 lb01 haproxy[2211]: 185.44.12.9:51244 [21/Apr/2026:08:29:51.006] api_https/1: SSL handshake failure",
            "frontend_name": "api_https",
        },
    )
    dd_custom(
        co,
        m(E1, 121),
        lab,
        "Datadog: TLS check api.kettleby.eu",
        "Triggered",
        "TLS certificate expiry",
        "server:api.kettleby.eu,port:443",
        "env:prod,server:api.kettleby.eu,port:443,role:haproxy",
        "tls.can_connect CRITICAL for api.kettleby.eu:443 - certificate has expired",
        priority="P1",
    )
    posthog_exc(
        co,
        m(E1, 121, 30),
        lab,
        "PostHog: dashboard cannot fetch API (Firefox)",
        vue_props(
            "TypeError",
            "NetworkError when attempting to fetch resource.",
            jsf(
                ("index-Bq3x9fLk.js", "apiFetch", 2, 5120),
                ("TrackingMap-A7c2e9Qz.js", "poll", 1, 2201),
            ),
            "/tracking/live",
            browser="Firefox",
        ),
        "u_3380",
        {"email": "ops@lindqvist-transport.example", "company": "Lindqvist Transport"},
        L_PH,
    )
    posthog_exc(
        co,
        m(E1, 123),
        lab,
        "PostHog: dashboard cannot fetch API (Chrome)",
        vue_props(
            "TypeError",
            "Failed to fetch",
            jsf(
                ("index-Bq3x9fLk.js", "apiFetch", 2, 5120),
                ("ShipmentsView-D1uPq0aa.js", "loadShipments", 1, 8812),
            ),
            "/shipments",
        ),
        "u_4471",
        {"email": "dispatch@brackenhaulage.example", "company": "Bracken Haulage"},
        L_PH,
    )
    dd_custom(
        co,
        m(E1, 139),
        lab,
        "Datadog: TLS check OK",
        "Recovered",
        "TLS certificate expiry",
        "server:api.kettleby.eu,port:443",
        "env:prod,server:api.kettleby.eu,port:443,role:haproxy",
        "tls.can_connect OK for api.kettleby.eu:443",
        priority="P1",
    )
    posthog_exc(
        co,
        m(E1, 122),
        None,
        "decoy: ResizeObserver noise in the dashboard",
        vue_props(
            "Error",
            "ResizeObserver loop completed with undelivered notifications.",
            [],
            "/tracking/live",
        ),
        "u_2101",
        {"email": "m.berg@fjordline-cargo.example", "company": "Fjordline Cargo"},
        L_PH,
    )

    # ---- L-07 Kafka broker disk full
    lab = "kt-kafka-disk"
    dd_custom(
        co,
        m(E1, 150),
        lab,
        "Datadog: kafka03 disk full",
        "Triggered",
        "Disk usage",
        "host:kafka03.dc1.kettleby.local,device:/dev/nvme1n1",
        "env:prod,role:kafka,kafka_cluster:kafka-dc1,host:kafka03.dc1.kettleby.local",
        "system.disk.in_use over host:kafka03.dc1.kettleby.local,device:/dev/nvme1n1 > 0.97",
        priority="P1",
        host="kafka03.dc1.kettleby.local",
    )
    splunk(
        co,
        m(E1, 151),
        lab,
        "Splunk: Kafka broker log dir failure",
        "Kafka broker errors",
        {
            "_time": stime(m(E1, 151)),
            "host": "kafka03.dc1.kettleby.local",
            "source": "/opt/kafka/logs/server.log",
            "sourcetype": "kafka:server",
            "index": "infra",
            "_raw": "[2026-04-21 08:51:02,443] ERROR Error while appending records to shipment-events-3 in dir /data/kafka (org.apache.kafka.storage.internals.log.LogDirFailureChannel)\njava.io.IOException: No space left on device",
        },
    )
    jerr(
        co,
        m(E1, 152),
        lab,
        "Sentry: shipment-service producer record expiry",
        "shipment-service",
        [
            (
                "org.apache.kafka.common.errors.TimeoutException",
                "Expiring 12 record(s) for shipment-events-3:120000 ms has passed since batch creation",
                jframes(
                    ("org.springframework.kafka.core.KafkaTemplate", "doSend", 742),
                    (
                        "eu.kettleby.shipment.events.ShipmentEventPublisher",
                        "publishStatusChanged",
                        39,
                    ),
                ),
            )
        ],
        release="shipment-service@3.18.2",
        transaction="POST /api/v1/shipments/{ref}/status",
        tags={"pod": "shipment-service-6f9d8c7b5-9vbnm"},
    )
    jerr(
        co,
        m(E1, 153),
        lab,
        "Sentry: tracking-service NotLeaderOrFollower",
        "tracking-service",
        [
            (
                "org.apache.kafka.common.errors.NotLeaderOrFollowerException",
                "For requests intended only for the leader, this error indicates that the broker is not the current leader. For requests intended for any replica, this error indicates that the broker is not a replica of the topic partition.",
                jframes(
                    ("org.springframework.kafka.core.KafkaTemplate", "doSend", 742),
                    ("eu.kettleby.tracking.events.PositionPublisher", "publish", 27),
                ),
            )
        ],
        release="tracking-service@5.4.1",
        transaction="PositionPublisher",
        tags={"pod": "tracking-service-84bc5f7d9-7hr4n"},
    )
    dd_custom(
        co,
        m(E1, 170),
        lab,
        "Datadog: kafka03 disk recovered",
        "Recovered",
        "Disk usage",
        "host:kafka03.dc1.kettleby.local,device:/dev/nvme1n1",
        "env:prod,role:kafka,kafka_cluster:kafka-dc1,host:kafka03.dc1.kettleby.local",
        "disk usage back under threshold after retention change",
        priority="P1",
        host="kafka03.dc1.kettleby.local",
    )

    # ---- L-08 Postgres lock timeouts during a migration
    lab = "kt-pg-lock-timeout"
    splunk(
        co,
        m(E1, 160),
        lab,
        "Splunk: postgres lock timeout log",
        "Postgres errors",
        {
            "_time": stime(m(E1, 160)),
            "host": "pg02.dc1.kettleby.local",
            "source": "/var/log/postgresql/postgresql-16-main.log",
            "sourcetype": "postgresql",
            "index": "infra",
            "_raw": "2026-04-21 09:00:11.902 UTC [88231] shipment_app@shipments ERROR:  canceling statement due to lock timeout\n2026-04-21 09:00:11.902 UTC [88231] shipment_app@shipments STATEMENT:  UPDATE shipment SET status=$1, updated_at=$2 WHERE id=$3",
        },
    )
    jerr(
        co,
        m(E1, 160, 30),
        lab,
        "Sentry: shipment-service CannotAcquireLock",
        "shipment-service",
        [
            (
                "org.postgresql.util.PSQLException",
                "ERROR: canceling statement due to lock timeout",
                jframes(("org.postgresql.core.v3.QueryExecutorImpl", "receiveErrorResponse", 2725)),
            ),
            (
                "org.springframework.dao.CannotAcquireLockException",
                "could not execute statement [ERROR: canceling statement due to lock timeout] [update shipment set status=?,updated_at=? where id=?]; SQL [update shipment set status=?,updated_at=? where id=?]",
                jframes(
                    (
                        "org.springframework.orm.jpa.vendor.HibernateJpaDialect",
                        "convertHibernateAccessException",
                        256,
                    ),
                    ("eu.kettleby.shipment.service.StatusService", "advance", 64),
                ),
            ),
        ],
        release="shipment-service@3.18.2",
        transaction="POST /api/v1/shipments/{ref}/status",
        tags={"pod": "shipment-service-6f9d8c7b5-x2kqp"},
    )
    dd_custom(
        co,
        m(E1, 161),
        lab,
        "Datadog: pg-main lock waits",
        "Triggered",
        "Postgres lock waits",
        "db:shipments,host:pg02.dc1.kettleby.local",
        pg_tags + ",db:shipments,host:pg02.dc1.kettleby.local",
        "postgresql.locks{granted:false} over db:shipments > 50",
        host="pg02.dc1.kettleby.local",
    )
    dd_custom(
        co,
        m(E1, 175),
        lab,
        "Datadog: lock waits recovered",
        "Recovered",
        "Postgres lock waits",
        "db:shipments,host:pg02.dc1.kettleby.local",
        pg_tags + ",db:shipments,host:pg02.dc1.kettleby.local",
        "lock waits back to normal",
        host="pg02.dc1.kettleby.local",
    )

    # ---- L-09 dashboard front-end release bug (PostHog + Sentry)
    lab = "kt-dashboard-release"
    for i, (uid, email, br) in enumerate(
        [
            ("u_6012", "planning@veldhuis.example", "Chrome"),
            ("u_6399", "ops@tamarlogistics.example", "Safari"),
        ]
    ):
        val = (
            "Cannot read properties of undefined (reading 'map')"
            if br == "Chrome"
            else "undefined is not an object (evaluating 'e.stops.map')"
        )
        posthog_exc(
            co,
            m(E1, 180 + i * 2),
            lab,
            f"PostHog: ShipmentTable crash ({br})",
            vue_props(
                "TypeError",
                val,
                jsf(
                    ("ShipmentTable-9dQe1xWb.js", "render", 1, 1774),
                    ("index-Kp2w8sZr.js", "renderComponentRoot", 2, 30012),
                ),
                "/shipments?view=stops",
                browser=br,
                release="2.31.0",
            ),
            uid,
            {"email": email, "company": email.split("@")[1]},
            L_PH,
        )
    sentry_error(
        co,
        m(E1, 181),
        lab,
        "Sentry (Vue): ShipmentTable TypeError",
        "kettleby-dashboard",
        "javascript",
        [
            (
                "TypeError",
                "Cannot read properties of undefined (reading 'map')",
                [
                    frame(
                        "https://portal.kettleby.eu/assets/index-Kp2w8sZr.js",
                        "renderComponentRoot",
                        2,
                    ),
                    frame(
                        "https://portal.kettleby.eu/assets/ShipmentTable-9dQe1xWb.js", "render", 1
                    ),
                ],
            )
        ],
        release="kettleby-dashboard@2.31.0",
        transaction="/shipments",
        user={"id": "u_6012", "email": "planning@veldhuis.example"},
        request={
            "url": "https://portal.kettleby.eu/shipments?view=stops",
            "headers": [["User-Agent", "Mozilla/5.0 Chrome/135.0"]],
        },
        tags={"browser": "Chrome 135", "url": "https://portal.kettleby.eu/shipments?view=stops"},
        mechanism="vue",
    )

    # ---- L-10 day 2: shipment backend has no server (HAProxy)
    lab = "kt-shipment-backend-down"
    splunk(
        co,
        m(E2, 12),
        lab,
        "Splunk: HAProxy backend has no server available",
        "HAProxy backend state",
        {
            "_time": stime(m(E2, 12)),
            "host": "lb02.dc1.kettleby.local",
            "source": "/var/log/haproxy.log",
            "sourcetype": "haproxy:http",
            "index": "edge",
            "_raw": "Apr 22 07:12:04 lb02 haproxy[1987]: backend shipment_api has no server available!",
            "backend_name": "shipment_api",
        },
    )
    dd_custom(
        co,
        m(E2, 12, 40),
        lab,
        "Datadog: shipment-service pods not ready",
        "Triggered",
        "Deployment replicas unavailable",
        "kube_deployment:shipment-service,kube_namespace:logistics",
        k8s_tags("shipment-service", "shipment-service-58c7d9f6d-4kq8r"),
        "kubernetes_state.deployment.replicas_unavailable over kube_deployment:shipment-service = 6 (all replicas). Readiness probe failing: config key shipment.pricing.url missing",
        priority="P1",
    )
    splunk(
        co,
        m(E2, 14),
        lab,
        "Splunk stats: HAProxy 503 count",
        "HAProxy 5xx by backend (5m)",
        {"backend": "shipment_api", "status": "503", "count": "2210", "frontend": "api_https"},
    )
    posthog_exc(
        co,
        m(E2, 14, 30),
        lab,
        "PostHog: dashboard 503 on shipments",
        vue_props(
            "AxiosError",
            "Request failed with status code 503",
            jsf(
                ("index-Kp2w8sZr.js", "settle", 2, 41220),
                ("ShipmentsView-Hh2k4Lmn.js", "loadShipments", 1, 8840),
            ),
            "/shipments",
            release="2.31.1",
        ),
        "u_5120",
        {"email": "planner@norfreight.example", "company": "Norfreight"},
        L_PH,
    )
    jerr(
        co,
        m(E2, 15),
        lab,
        "Sentry: carrier-gateway callback to shipment-service refused",
        "carrier-gateway",
        [
            (
                "java.net.ConnectException",
                "Connection refused",
                jframes(("sun.nio.ch.Net", "pollConnect", -1)),
            ),
            (
                "org.springframework.web.client.ResourceAccessException",
                'I/O error on POST request for "http://shipment-service.logistics.svc:8080/internal/labels/callback": Connection refused',
                jframes(
                    ("org.springframework.web.client.RestTemplate", "doExecute", 791),
                    ("eu.kettleby.carrier.callback.ShipmentCallback", "labelReady", 33),
                ),
            ),
        ],
        release="carrier-gateway@1.33.0",
        transaction="ShipmentCallback",
        tags={"pod": "carrier-gateway-7d8f6b9c4-q8w2e"},
    )
    dd_custom(
        co,
        m(E2, 27),
        lab,
        "Datadog: shipment-service replicas back",
        "Recovered",
        "Deployment replicas unavailable",
        "kube_deployment:shipment-service,kube_namespace:logistics",
        k8s_tags("shipment-service", "shipment-service-58c7d9f6d-4kq8r"),
        "all replicas available",
        priority="P1",
    )
    # decoys in the same minutes
    splunk(
        co,
        m(E2, 13),
        None,
        "decoy: nightly HAProxy summary stats row",
        "HAProxy daily summary",
        {"backend": "tracking_api", "status": "200", "count": "1884120", "period": "24h"},
    )
    jerr(
        co,
        m(E2, 14, 50),
        None,
        "decoy: billing-service invoice validation (a bad customer VAT id)",
        "billing-service",
        [
            (
                "jakarta.validation.ConstraintViolationException",
                'draftFor.customer.vatId: must match "[A-Z]{2}[0-9A-Z]{8,12}"',
                jframes(
                    (
                        "org.springframework.validation.beanvalidation.MethodValidationInterceptor",
                        "invoke",
                        138,
                    ),
                    ("eu.kettleby.billing.invoice.InvoiceService", "draftFor", 101),
                ),
            )
        ],
        release="billing-service@2.9.1",
        transaction="POST /api/v1/invoices",
        tags={"pod": "billing-service-6c9b7d5f2-zz8qd"},
    )

    # ---- L-11 day 2: billing consumer rebalance storm
    lab = "kt-billing-consumer"
    bscope = "consumer_group:billing-consumer,topic:shipment-events"
    btags = "env:prod,consumer_group:billing-consumer,topic:shipment-events,kafka_cluster:kafka-dc1,service:billing-service"
    dd_custom(
        co,
        m(E2, 40),
        lab,
        "Datadog: billing consumer lag",
        "Triggered",
        "Kafka consumer lag",
        bscope,
        btags,
        "kafka.consumer_lag over consumer_group:billing-consumer,topic:shipment-events was > 50000 during the last 10m",
    )
    jerr(
        co,
        m(E2, 41),
        lab,
        "Sentry: billing-service RebalanceInProgress",
        "billing-service",
        [
            (
                "org.apache.kafka.common.errors.RebalanceInProgressException",
                "Offset commit cannot be completed since the consumer is undergoing a rebalance for auto partition assignment. You can try completing the rebalance by calling poll() and then retry the operation.",
                jframes(
                    (
                        "org.apache.kafka.clients.consumer.internals.ConsumerCoordinator",
                        "commitOffsetsSync",
                        1157,
                    ),
                    ("eu.kettleby.billing.ingest.ShipmentEventListener", "onMessage", 48),
                ),
            )
        ],
        release="billing-service@2.9.1",
        transaction="shipment-events",
        tags={"pod": "billing-service-6c9b7d5f2-zz8qd", "kafka.topic": "shipment-events"},
    )
    sentry_metric(
        co,
        m(E2, 42),
        lab,
        "Sentry metric alert: billing errors critical",
        "critical",
        "billing-service errors",
        "count()",
        "event.type:error",
        ["billing-service"],
        "production",
        100,
    )
    splunk(
        co,
        m(E2, 43),
        lab,
        "Splunk: billing consumer rebalancing log",
        "Kafka consumer warnings",
        {
            "_time": stime(m(E2, 43)),
            "host": "k8s-node-04",
            "source": "kube:logistics:billing-service",
            "sourcetype": "kube:container:billing-service",
            "index": "apps",
            "_raw": "2026-04-22 07:42:30.105  INFO 1 --- [ntainer#0-0-C-1] o.a.k.c.c.internals.ConsumerCoordinator  : [Consumer clientId=consumer-billing-consumer-2, groupId=billing-consumer] Request joining group due to: group is already rebalancing",
            "pod": "billing-service-6c9b7d5f2-zz8qd",
        },
    )
    sentry_metric(
        co,
        m(E2, 66),
        lab,
        "Sentry metric alert resolved",
        "resolved",
        "billing-service errors",
        "count()",
        "event.type:error",
        ["billing-service"],
        "production",
        100,
    )
    dd_custom(
        co,
        m(E2, 68),
        lab,
        "Datadog: billing lag recovered",
        "Recovered",
        "Kafka consumer lag",
        bscope,
        btags,
        "kafka.consumer_lag recovered",
    )
    # decoys day 2
    sentry_issue(
        co,
        m(E2, 44),
        None,
        "decoy: an old tracking issue assigned to a person",
        "assigned",
        "tracking-service",
        "java",
        "java.lang.IllegalStateException",
        "Duplicate GPS fix for vehicle KT-TRK-118",
        "eu.kettleby.tracking.ingest.PositionDeduper.accept",
        short="TRACKING-SERVICE-9A",
        count=77,
        users=0,
        first=m(E1, -2000),
        actor={"type": "user", "id": 30112, "name": "Ana Costa"},
        level="warning",
    )
    dd_custom(
        co,
        m(E2, 50),
        None,
        "decoy: Datadog agent heartbeat on the Splunk forwarder host",
        "Recovered",
        "Host not reporting",
        "host:splk-fwd01.dc1.kettleby.local",
        "env:prod,role:splunk-forwarder,host:splk-fwd01.dc1.kettleby.local",
        "datadog.agent.up OK",
        priority="P5",
        host="splk-fwd01.dc1.kettleby.local",
    )
    jerr(
        co,
        m(E2, 45),
        None,
        "decoy: staging billing consumer deserialization error",
        "billing-service",
        [
            (
                "org.apache.kafka.common.errors.RecordDeserializationException",
                "Error deserializing key/value for partition shipment-events-1 at offset 55120. If needed, please seek past the record to continue consumption.",
                jframes(
                    (
                        "org.apache.kafka.clients.consumer.internals.CompletedFetch",
                        "parseRecord",
                        331,
                    )
                ),
            )
        ],
        release="billing-service@2.10.0-rc2",
        env="staging",
        transaction="shipment-events",
        tags={"pod": "billing-service-staging-5d6e7-abc99"},
    )
    splunk(
        co,
        m(E2, 55),
        None,
        "decoy: routine Patroni health line (replica streaming)",
        "Patroni status",
        {
            "_time": stime(m(E2, 55)),
            "host": "pg03.dc1.kettleby.local",
            "source": "/var/log/patroni/patroni.log",
            "sourcetype": "patroni",
            "index": "infra",
            "_raw": "2026-04-22 07:54:40,010 INFO: no action. I am (pg03), a secondary, and following a leader (pg02)",
            "cluster": "pg-main",
            "member": "pg03",
        },
    )


def main() -> None:
    kilnworth()
    kettleby()
    rows = sorted(enumerate(ROWS), key=lambda p: (p[1]["company"], p[1]["at"], p[0]))
    # interleave companies by time: the two companies are separate customers, each sent in order
    rows.sort(key=lambda p: (p[1]["at"], p[0]))
    with OUT.open("w", encoding="utf-8") as fh:
        for _, row in rows:
            fh.write(json.dumps(row, ensure_ascii=False, sort_keys=False) + "\n")


if __name__ == "__main__":
    main()
