"""Write ``incidents-blind3.jsonl``: a third outsider's labelled set of multi-tool incidents.

    python bench/data/generate_incidents_blind3.py

Two fictional companies over two mornings (10 and 11 March 2026, UTC), written without reading
the incident step, the clustering, the plugins' mapping code nor the other incident sets:

- **Underbarrow Pets** (company U), a mobile-first pet-sitting app: a React Native app seen by
  PostHog (posthog-react-native, Hermes frames), a backend of AWS Lambda functions
  (``ub-bookings``, ``ub-payments``, ``ub-chat``, ``ub-search``, ``ub-auth``, ``ub-push``,
  ``ub-profile``) on an
  RDS Postgres, Sentry (one project per function, ``production``) and Datadog through a payload
  template of the team's own (``env:prod``, monitors by ``functionname`` or
  ``dbinstanceidentifier``).
- **Whitbarrow Ledger** (company W), a B2B invoicing SaaS: a Django monolith (``ledger-web``) and
  Celery workers, a PDF renderer and a bank-sync worker on Kubernetes (namespace ``ledger``),
  Sentry (one project, ``prd``), Splunk saved-search alerts (container log rows and
  ``stats count by ...`` rows) and Datadog through its recommended template (``env:production``,
  monitors grouped by ``kube_namespace``, ``kube_deployment`` or ``pod_name``).

Each line is ``{"source", "headers", "body", "incident", "role", "at"}`` in the order the
senders sent them; ``incident`` is the ground truth (``null`` for decoys).

Vendor shapes, from ``shared/spec/provider-formats.md`` and the vendors' pages:
Sentry integration-platform webhooks (getsentry/sentry-docs
``docs/organization/integrations/integration-platform/webhooks/{errors,issues,issue-alerts,
metric-alerts}.mdx``: ``error`` created, ``issue`` created/resolved, ``event_alert`` triggered,
``metric_alert`` critical/warning/resolved, the ``Sentry-Hook-*`` headers and the hex HMAC-SHA256
of the compact body); Datadog's Webhooks integration variables
(https://docs.datadoghq.com/integrations/webhooks/: ``$EVENT_TITLE``, ``$ALERT_TRANSITION``,
``$ALERT_SCOPE``, ``$TAGS``, ``$DATE`` in milliseconds, every value a string); PostHog's HTTP
Webhook destination (https://posthog.com/docs/data-pipelines/destinations/webhook: ``event``,
``person``, ``project``; ``$exception_list`` with raw frames); Splunk's webhook alert action
(https://docs.splunk.com/Documentation/Splunk/latest/Alert/Webhooks: ``sid``, ``search_name``,
``app``, ``owner``, ``results_link`` and ``result``, the first row, all strings).
Standard library only; every random draw is seeded, so the output is the same bytes each run.
"""

# ruff: noqa: E501  (vendor log lines and error messages are kept whole, as they were logged)
from __future__ import annotations

import hashlib
import hmac
import json
import random
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

OUT = Path(__file__).resolve().parent / "incidents-blind3.jsonl"
RNG = random.Random(20260310)
SENTRY_SECRET = {"U": "ub-sentry-client-secret-4c1f", "W": "wl-sentry-client-secret-91ab"}
SOULCASTER_TOKEN = {"U": "ub-hook-7f3e2a", "W": "wl-hook-c0d4b9"}
SPLUNK_GUID = "5C9A1E2B-7D43-4F1A-9E0B-3A6C2D8E1F47"
INSTALL = {"U": "2f7c1b9e-6a54-4d0b-9f3e-8c1a7d2e5b60", "W": "b81e0c3a-2d9f-4e67-a1c5-6f0b9d3e7a28"}
SENTRY_ORG = {"U": "underbarrow", "W": "whitbarrow"}
SENTRY_PROJECT_IDS = {
    "ub-bookings": 4504112,
    "ub-payments": 4504113,
    "ub-chat": 4504114,
    "ub-search": 4504115,
    "ub-auth": 4504116,
    "ub-push": 4504117,
    "ub-profile": 4504118,
    "ledger": 6601201,
}

rows: list[dict] = []


def rid(n: int = 32) -> str:
    return "".join(RNG.choice("0123456789abcdef") for _ in range(n))


def ruuid() -> str:
    return str(uuid.UUID(int=RNG.getrandbits(128), version=4))


def iso(t: datetime, ms: bool = True) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z" if ms else t.strftime("%Y-%m-%dT%H:%M:%SZ")


#: The company whose rows ``add`` is writing (each row names it).
COMPANY = [""]


def add(source: str, headers: dict, body: dict, incident: str | None, role: str, at: datetime):
    rows.append(
        {
            "source": source,
            "headers": headers,
            "body": body,
            "incident": incident,
            "role": role,
            "at": iso(at, ms=False),
            "company": COMPANY[0],
        }
    )


# ---------------------------------------------------------------- Sentry


def _sentry_headers(co: str, resource: str, body: dict, at: datetime) -> dict:
    raw = json.dumps(body, separators=(",", ":"))
    sig = hmac.new(SENTRY_SECRET[co].encode(), raw.encode(), hashlib.sha256).hexdigest()
    return {
        "Content-Type": "application/json",
        "Request-ID": rid(),
        "Sentry-Hook-Resource": resource,
        "Sentry-Hook-Timestamp": str(int(at.timestamp())),
        "Sentry-Hook-Signature": sig,
    }


ISSUES: dict[tuple[str, str], str] = {}


def issue_id(co: str, key: str) -> str:
    if (co, key) not in ISSUES:
        ISSUES[(co, key)] = str(RNG.randint(5_100_000_000, 5_999_999_999))
    return ISSUES[(co, key)]


def _frames(stack: list[tuple[str, str, int, str]], root: str) -> list[dict]:
    out = []
    for filename, function, lineno, line in stack:
        lib = "site-packages" in filename or filename.startswith("/var/runtime")
        out.append(
            {
                "filename": filename.split("site-packages/")[-1],
                "abs_path": filename if filename.startswith("/") else f"{root}/{filename}",
                "function": function,
                "module": filename.split("site-packages/")[-1]
                .removeprefix("/var/runtime/")
                .removeprefix("/usr/local/lib/python3.11/")
                .removesuffix(".py")
                .replace("/", "."),
                "lineno": lineno,
                "context_line": "    " + line,
                "pre_context": [],
                "post_context": [],
                "in_app": not lib,
                "vars": {},
                "data": {},
            }
        )
    return out


def sentry_event(
    co: str,
    project: str,
    at: datetime,
    exc: list[tuple[str, str, list]],
    *,
    env: str,
    release: str,
    tags: dict,
    transaction: str,
    server: str,
    root: str,
    trace_id: str | None = None,
    request_url: str | None = None,
    level: str = "error",
    handled: bool = False,
    mechanism: str = "generic",
) -> dict:
    """An ``Event.as_dict()``: exceptions cause first, frames oldest first."""
    values = []
    for etype, evalue, stack in exc:
        module, _, name = etype.rpartition(".")
        values.append(
            {
                "type": name,
                "value": evalue,
                "module": module or None,
                "mechanism": {"type": mechanism, "handled": handled},
                "stacktrace": {"frames": _frames(stack, root)},
            }
        )
    top = values[-1]
    last = top["stacktrace"]["frames"][-1]
    pairs = dict(tags)
    pairs.update(
        {
            "environment": env,
            "level": level,
            "release": release,
            "server_name": server,
            "transaction": transaction,
            "handled": "yes" if handled else "no",
            "mechanism": mechanism,
            "runtime": "CPython 3.12.2",
        }
    )
    if trace_id:
        pairs["trace"] = trace_id
    ts = at.timestamp() - RNG.uniform(2, 9)
    ev = {
        "event_id": rid(),
        "project": SENTRY_PROJECT_IDS[project],
        "release": release,
        "dist": None,
        "platform": "python",
        "message": "",
        "datetime": datetime.fromtimestamp(ts, UTC).isoformat(),
        "tags": sorted([k, v] for k, v in pairs.items()),
        "environment": env,
        "level": level,
        "culprit": f"{last['module']} in {last['function']}",
        "logger": "",
        "exception": {"values": values},
        "contexts": {
            "runtime": {"name": "CPython", "version": "3.12.2", "type": "runtime"},
        },
        "sdk": {
            "name": "sentry.python.aws_lambda" if co == "U" else "sentry.python.django",
            "version": "2.22.0",
        },
        "user": {"ip_address": "{{auto}}"}
        if co == "W"
        else {"id": f"u_{RNG.randint(10000, 99999)}"},
        "fingerprint": ["{{ default }}"],
        "metadata": {
            "type": top["type"],
            "value": evalue,
            "filename": last["filename"],
            "function": last["function"],
        },
        "received": ts + 0.4,
        "timestamp": ts,
        "title": f"{top['type']}: {evalue}"[:200],
        "location": last["filename"],
        "transaction": transaction,
        "type": "error",
        "version": "7",
    }
    if trace_id:
        ev["contexts"]["trace"] = {"trace_id": trace_id, "span_id": rid(16), "op": "http.server"}
    if request_url:
        ev["request"] = {"url": request_url, "method": "POST" if "create" in request_url else "GET"}
    if co == "U":
        ev["contexts"]["aws_lambda"] = {
            "function_name": project,
            "function_version": "$LATEST",
            "invoked_function_arn": f"arn:aws:lambda:eu-west-2:318274601195:function:{project}",
            "aws_request_id": ruuid(),
        }
    return ev


def _links(co: str, project: str, iid: str, ev: dict | None) -> dict:
    org = SENTRY_ORG[co]
    links = {
        "issue_url": f"https://sentry.io/api/0/issues/{iid}/",
        "issue_id": iid,
    }
    if ev is not None:
        links["url"] = f"https://sentry.io/api/0/projects/{org}/{project}/events/{ev['event_id']}/"
        links["web_url"] = f"https://{org}.sentry.io/issues/{iid}/events/{ev['event_id']}/"
    return links


def sentry_error(co, inc, role, at, project, key, exc, **kw):
    ev = sentry_event(co, project, at, exc, **kw)
    ev.update(_links(co, project, issue_id(co, key), ev))
    body = {
        "action": "created",
        "installation": {"uuid": INSTALL[co]},
        "data": {"error": ev},
        "actor": {"type": "application", "id": "sentry", "name": "Sentry"},
    }
    add("sentry", _sentry_headers(co, "error", body, at), body, inc, role, at)


def sentry_alert(co, inc, role, at, project, key, exc, rule, **kw):
    ev = sentry_event(co, project, at, exc, **kw)
    ev.update(_links(co, project, issue_id(co, key), ev))
    body = {
        "action": "triggered",
        "installation": {"uuid": INSTALL[co]},
        "data": {
            "event": ev,
            "triggered_rule": rule,
            "issue_alert": {"title": rule, "settings": []},
        },
        "actor": {"type": "application", "id": "sentry", "name": "Sentry"},
    }
    add("sentry", _sentry_headers(co, "event_alert", body, at), body, inc, role, at)


SHORT: dict[str, int] = {}


def sentry_issue(co, inc, role, at, action, project, key, etype, evalue, culprit, fn, count=1):
    iid = issue_id(co, key)
    org = SENTRY_ORG[co]
    if (co, key) not in SHORT:
        SHORT[(co, key)] = RNG.randint(20, 400)
    first = (
        at - timedelta(seconds=40)
        if action == "created"
        else at - timedelta(minutes=50 if action == "resolved" else 9000)
    )
    name = etype.rpartition(".")[2]
    resolved = action in ("resolved", "ignored")
    body = {
        "action": action,
        "installation": {"uuid": INSTALL[co]},
        "data": {
            "issue": {
                "id": iid,
                "shortId": f"{project.upper()}-{SHORT[(co, key)]:X}",
                "title": f"{name}: {evalue}",
                "culprit": culprit,
                "permalink": None,
                "logger": None,
                "level": "error",
                "status": action if resolved else "unresolved",
                "substatus": "archived_until_escalating"
                if action == "ignored"
                else (None if resolved else "new"),
                "statusDetails": {"inNextRelease": True} if action == "resolved" else {},
                "priority": "high",
                "platform": "python",
                "project": {
                    "id": str(SENTRY_PROJECT_IDS[project]),
                    "name": project,
                    "slug": project,
                    "platform": "python",
                },
                "type": "error",
                "issueType": "error",
                "issueCategory": "error",
                "metadata": {
                    "type": name,
                    "value": evalue,
                    "filename": fn,
                    "function": culprit.split(" in ")[-1],
                },
                "assignedTo": None,
                "isBookmarked": False,
                "isSubscribed": False,
                "hasSeen": resolved,
                "annotations": [],
                "numComments": 0,
                "isUnhandled": True,
                "count": str(count),
                "userCount": max(1, count // 3),
                "firstSeen": first.isoformat().replace("+00:00", ".000000+00:00"),
                "lastSeen": (at - timedelta(seconds=5)).isoformat(),
                "url": f"https://sentry.io/api/0/issues/{iid}/",
                "web_url": f"https://{org}.sentry.io/issues/{iid}/",
                "project_url": f"https://{org}.sentry.io/issues/?project={SENTRY_PROJECT_IDS[project]}",
            }
        },
        "actor": {"type": "user", "id": 21877, "name": "Jess Airey"}
        if resolved
        else {"type": "application", "id": "sentry", "name": "Sentry"},
    }
    add("sentry", _sentry_headers(co, "issue", body, at), body, inc, role, at)


METRIC_IDS: dict[tuple[str, str], tuple[str, str]] = {}


def sentry_metric(co, inc, role, at, action, rule, projects, env, aggregate, query, desc, started):
    key = (co, rule + started.isoformat())
    if key not in METRIC_IDS:
        METRIC_IDS[key] = (str(RNG.randint(300, 900)), str(RNG.randint(1000, 9000)))
    rule_id, ident = METRIC_IDS[key]
    title = {"critical": "Critical", "warning": "Warning", "resolved": "Resolved"}[action]
    org = SENTRY_ORG[co]
    body = {
        "action": action,
        "actor": {"id": "sentry", "name": "Sentry", "type": "application"},
        "data": {
            "description_text": desc,
            "description_title": f"{title}: {rule}",
            "metric_alert": {
                "alert_rule": {
                    "aggregate": aggregate,
                    "created_by": None,
                    "dataset": "events" if "count" in aggregate else "transactions",
                    "date_created": "2025-11-02T09:14:03.000000Z",
                    "date_modified": "2026-01-20T16:40:11.000000Z",
                    "environment": env,
                    "id": rule_id,
                    "include_all_projects": False,
                    "name": rule,
                    "organization_id": "88120" if co == "U" else "51907",
                    "projects": projects,
                    "query": query,
                    "resolution": 1,
                    "resolve_threshold": None,
                    "status": 0,
                    "threshold_period": 1,
                    "threshold_type": 0,
                    "time_window": 5,
                    "triggers": [],
                },
                "date_closed": iso(at) if action == "resolved" else None,
                "date_created": iso(started),
                "date_detected": iso(started),
                "date_started": iso(started),
                "id": str(int(ident) + 7),
                "identifier": ident,
                "organization_id": "88120" if co == "U" else "51907",
                "projects": projects,
                "status": 2 if action == "resolved" else (20 if action == "critical" else 10),
                "status_method": 3 if action == "resolved" else 1,
                "title": rule,
                "type": 2,
            },
            "web_url": f"https://{org}.sentry.io/alerts/rules/details/{rule_id}/?alert={ident}",
        },
        "installation": {"uuid": INSTALL[co]},
    }
    add("sentry", _sentry_headers(co, "metric_alert", body, at), body, inc, role, at)


# ---------------------------------------------------------------- Datadog

DD_MONITORS: dict[str, str] = {}
DD_CYCLES: dict[tuple[str, str], str] = {}
DD_STARTED: dict[tuple[str, str], datetime] = {}


def dd(
    co, inc, role, at, transition, monitor, group, *, msg, tags, priority="P2", query="", metric=""
):
    """One Datadog webhook. ``group`` is the alert's scope (``kube_deployment:x``...)."""
    if monitor not in DD_MONITORS:
        DD_MONITORS[monitor] = str(RNG.randint(140_000_000, 170_000_000))
    mid = DD_MONITORS[monitor]
    if transition in ("Triggered", "Warn") or (monitor, group) not in DD_CYCLES:
        DD_CYCLES[(monitor, group)] = rid(32)
        DD_STARTED[(monitor, group)] = at
    cycle = DD_CYCLES[(monitor, group)]
    label = {
        "Triggered": "Triggered",
        "Renotify": "Triggered",
        "Recovered": "Recovered",
        "Warn": "Warn",
    }[transition]
    title = (
        f"[{priority}] [{label} on {{{group}}}] {monitor}"
        if label != "Recovered"
        else f"[{label} on {{{group}}}] {monitor}"
    )
    alert_type = {
        "Triggered": "error",
        "Renotify": "error",
        "Recovered": "success",
        "Warn": "warning",
    }[transition]
    link = f"https://app.datadoghq.eu/monitors/{mid}?group={group.replace(':', '%3A')}&from_ts={int(at.timestamp() * 1000) - 900000}"
    text = f"{msg}\n\n@webhook-soulcaster @slack-{'ub-oncall' if co == 'U' else 'ledger-alerts'}"
    host = next((t.split(":", 1)[1] for t in tags if t.startswith("host:")), "")
    if co == "W":
        body = {
            "id": str(RNG.randint(7_000_000_000_000_000_000, 7_999_999_999_999_999_999)),
            "title": title,
            "body": f"%%%\n{text}\n\n[[Monitor Status]({link})] · [[Edit Monitor](https://app.datadoghq.eu/monitors/{mid}/edit)]\n%%%",
            "event_type": "query_alert_monitor",
            "date": str(int(at.timestamp() * 1000)),
            "last_updated": str(int(at.timestamp() * 1000)),
            "org": {"id": "51907", "name": "Whitbarrow Ledger"},
            "alert_id": mid,
            "alert_cycle_key": cycle,
            "aggreg_key": hashlib.md5(f"{mid}{group}".encode()).hexdigest()[:31],
            "alert_scope": group,
            "alert_transition": transition,
            "alert_type": alert_type,
            "alert_priority": priority,
            "alert_title": monitor,
            "alert_status": f"{metric or 'value'} over {group} was {'<=' if transition == 'Recovered' else '>'} threshold",
            "alert_metric": metric,
            "alert_query": query,
            "priority": "normal",
            "tags": ",".join(tags),
            "hostname": host,
            "link": link,
            "snapshot": "",
        }
        headers = {"Content-Type": "application/json", "X-Soulcaster-Token": SOULCASTER_TOKEN[co]}
    else:
        # Underbarrow's own template: Slack-style names, no cycle key, text without markdown.
        body = {
            "summary": title,
            "text": text,
            "state": transition,
            "severity": alert_type,
            "monitor_id": mid,
            "monitor_name": monitor,
            "scope": group,
            "tags": ",".join(tags),
            "happened_at": str(int(at.timestamp() * 1000)),
            "url": link,
            "source": "datadog",
        }
        headers = {
            "Content-Type": "application/json",
            "Authorization": f"Bearer {SOULCASTER_TOKEN[co]}",
        }
    add("datadog", headers, body, inc, role, at)


# ---------------------------------------------------------------- Splunk


def splunk(inc, role, at, search_name, result, owner="svc_alerting", app="ledger_ops"):
    epoch = int(at.timestamp()) - RNG.randint(20, 80)
    sid = (
        f"scheduler__{owner}__{app}__RMD5{rid(16)}_at_{epoch - epoch % 60}_{RNG.randint(100, 999)}"
    )
    body = {
        "sid": sid,
        "search_name": search_name,
        "app": app,
        "owner": owner,
        "results_link": f"https://splunk.whitbarrow.internal:8000/app/{app}/@go?sid={sid}",
        "result": result,
    }
    headers = {"Content-Type": "application/json", "User-Agent": f"Splunk/{SPLUNK_GUID}"}
    add("splunk", headers, body, inc, role, at)


NODES = [
    "ip-10-40-1-17.eu-west-1.compute.internal",
    "ip-10-40-2-58.eu-west-1.compute.internal",
    "ip-10-40-3-102.eu-west-1.compute.internal",
]


def log_row(at, deployment, pod, record, node=None, sourcetype=None):
    t = at - timedelta(seconds=RNG.randint(30, 90), milliseconds=RNG.randint(0, 999))
    rec = {"timestamp": t.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"}
    rec.update(record)
    return {
        "_time": f"{t.timestamp():.3f}",
        "_raw": json.dumps(rec, separators=(", ", ": ")),
        "host": node or RNG.choice(NODES),
        "index": "k8s_prod",
        "source": f"/var/log/containers/{pod}_ledger_{deployment}-{rid(12)}.log",
        "sourcetype": sourcetype or "kube:container:" + deployment,
        "namespace": "ledger",
        "pod": pod,
        "container_name": deployment,
        "_si": ["splunk-idx-02", "k8s_prod"],
        "_serial": "0",
    }


def pod(deployment: str) -> str:
    return f"{deployment}-{rid(10)[:9]}-{''.join(RNG.choice('bcdfghjklmnpqrstvwxz2456789') for _ in range(5))}"


# ---------------------------------------------------------------- PostHog

UB_BUNDLE = "app:///index.android.bundle"


def posthog(
    inc,
    role,
    at,
    etype,
    evalue,
    frames,
    *,
    screen,
    os_name="iOS",
    app_version="4.18.0",
    handled=False,
    extra=None,
):
    os_version = "17.3.1" if os_name == "iOS" else "14"
    did = ruuid()
    bundle = "app:///main.jsbundle" if os_name == "iOS" else UB_BUNDLE
    props = {
        "$exception_list": [
            {
                "type": etype,
                "value": evalue,
                "mechanism": {
                    "type": "generic" if handled else "onerror",
                    "handled": handled,
                    "synthetic": False,
                },
                "stacktrace": {
                    "type": "raw",
                    "frames": [
                        {
                            "platform": "web:javascript",
                            "filename": bundle,
                            "function": fn,
                            "lineno": 1,
                            "colno": col,
                            "in_app": True,
                        }
                        for fn, col in frames
                    ],
                },
            }
        ],
        "$exception_level": "error",
        "$lib": "posthog-react-native",
        "$lib_version": "3.11.2",
        "$app_name": "Underbarrow",
        "$app_version": app_version,
        "$app_build": "418" if app_version == "4.18.0" else "417",
        "$app_namespace": "com.underbarrow.pets",
        "$os": os_name,
        "$os_name": os_name,
        "$os_version": os_version,
        "$device_type": "Mobile",
        "$device_manufacturer": "Apple" if os_name == "iOS" else "samsung",
        "$device_model": "iPhone15,2" if os_name == "iOS" else "SM-S911B",
        "$screen_name": screen,
        "$session_id": ruuid(),
        "$network_carrier": RNG.choice(["EE", "Vodafone UK", "O2 - UK", "Three"]),
        "environment": "prod",
    }
    if extra:
        props.update(extra)
    body = {
        "event": {
            "uuid": ruuid(),
            "event": "$exception",
            "distinct_id": did,
            "properties": props,
            "elements_chain": "",
            "timestamp": iso(at - timedelta(seconds=RNG.randint(3, 40))),
            "url": f"https://eu.posthog.com/project/41207/events/{did}",
        },
        "person": {
            "id": ruuid(),
            "properties": {
                "email": f"owner{RNG.randint(1000, 9999)}@example.com",
                "plan": RNG.choice(["free", "plus"]),
            },
            "name": "",
            "url": f"https://eu.posthog.com/project/41207/person/{did}",
        },
        "project": {
            "id": 41207,
            "name": "Underbarrow app",
            "url": "https://eu.posthog.com/project/41207",
        },
    }
    headers = {"Content-Type": "application/json", "X-Soulcaster-Token": SOULCASTER_TOKEN["U"]}
    add("posthog", headers, body, inc, role, at)


# ---------------------------------------------------------------- Underbarrow Pets (U)

D1 = datetime(2026, 3, 10, tzinfo=UTC)
D2 = datetime(2026, 3, 11, tzinfo=UTC)
LAMBDA_ROOT = "/var/task"


def t(day: datetime, hm: str, s: int = 0) -> datetime:
    h, m = map(int, hm.split(":"))
    return day + timedelta(hours=h, minutes=m, seconds=s)


def ufn(fn: str, release: str, **kw) -> dict:
    base = {
        "env": "production",
        "release": release,
        "tags": {"aws_region": "eu-west-2", "function": fn},
        "transaction": fn,
        "server": f"{fn}.lambda",
        "root": LAMBDA_ROOT,
    }
    base.update(kw)
    return base


def upg_stack(handler_file, handler, line, query_fn):
    return [
        (
            "/var/runtime/bootstrap.py",
            "handle_event_request",
            181,
            "response = request_handler(event, lambda_context)",
        ),
        (f"handlers/{handler_file}.py", handler, line, f"rows = {query_fn}(conn, payload)"),
        ("db/pool.py", "connect", 44, "return psycopg.connect(DSN, connect_timeout=3)"),
        (
            "/var/task/site-packages/psycopg/connection.py",
            "connect",
            119,
            "raise last_ex.with_traceback(None)",
        ),
    ]


def company_u():
    tags_db = [
        "env:prod",
        "dbinstanceidentifier:underbarrow-prod-pg",
        "engine:postgres",
        "region:eu-west-2",
        "team:platform",
    ]

    # U1: RDS connection slots exhausted, every function that opens a connection fails.
    inc = "ub-rds-connections"
    dd(
        "U",
        inc,
        "RDS connections monitor triggers",
        t(D1, "06:42"),
        "Triggered",
        "RDS connections near max_connections",
        "dbinstanceidentifier:underbarrow-prod-pg",
        msg="DatabaseConnections on underbarrow-prod-pg is 396 (max_connections 400). Lambdas will start failing to connect.",
        tags=tags_db,
        priority="P1",
    )
    sentry_error(
        "U",
        inc,
        "bookings Lambda cannot connect",
        t(D1, "06:43", 10),
        "ub-bookings",
        "bk-conn",
        [
            (
                "psycopg.OperationalError",
                "connection failed: FATAL:  remaining connection slots are reserved for non-replication superuser connections",
                upg_stack("bookings", "list_bookings", 38, "fetch_upcoming"),
            )
        ],
        **ufn(
            "ub-bookings",
            "bookings@2026.03.09.2",
            request_url="https://api.underbarrow.app/v2/bookings",
        ),
    )
    sentry_error(
        "U",
        inc,
        "payments Lambda cannot connect",
        t(D1, "06:44", 2),
        "ub-payments",
        "pay-conn",
        [
            (
                "psycopg.OperationalError",
                "connection failed: FATAL:  remaining connection slots are reserved for non-replication superuser connections",
                upg_stack("charges", "create_charge", 57, "load_booking"),
            )
        ],
        **ufn("ub-payments", "payments@1.41.0"),
    )
    posthog(
        inc,
        "app shows bookings list failure",
        t(D1, "06:44", 30),
        "Error",
        "Request failed with status code 502",
        [
            ("settle", 402113),
            ("onloadend", 398771),
            ("fetchBookings", 1203388),
            ("BookingsScreen", 1198020),
        ],
        screen="Bookings",
    )
    dd(
        "U",
        inc,
        "RDS connections monitor renotifies",
        t(D1, "07:12"),
        "Renotify",
        "RDS connections near max_connections",
        "dbinstanceidentifier:underbarrow-prod-pg",
        msg="DatabaseConnections on underbarrow-prod-pg is still 399.",
        tags=tags_db,
        priority="P1",
    )
    dd(
        "U",
        inc,
        "RDS connections monitor recovers",
        t(D1, "07:31"),
        "Recovered",
        "RDS connections near max_connections",
        "dbinstanceidentifier:underbarrow-prod-pg",
        msg="DatabaseConnections on underbarrow-prod-pg is back to 112.",
        tags=tags_db,
        priority="P1",
    )

    # U2: Stripe API degraded (third party), in the same hour as U1.
    inc = "ub-stripe-down"
    stripe_stack = [
        (
            "/var/runtime/bootstrap.py",
            "handle_event_request",
            181,
            "response = request_handler(event, lambda_context)",
        ),
        (
            "handlers/charges.py",
            "capture_payment",
            112,
            "intent = stripe.PaymentIntent.capture(intent_id, idempotency_key=key)",
        ),
        (
            "/var/task/site-packages/stripe/_api_requestor.py",
            "request_raw",
            663,
            "raise error.APIConnectionError(msg, should_retry=True)",
        ),
    ]
    sentry_alert(
        "U",
        inc,
        "issue alert: Stripe connection errors",
        t(D1, "07:05"),
        "ub-payments",
        "pay-stripe",
        [
            (
                "stripe._error.APIConnectionError",
                "Unexpected error communicating with Stripe. If this problem persists, let us know at support@stripe.com.",
                stripe_stack,
            )
        ],
        "Payments: any new issue",
        **ufn("ub-payments", "payments@1.41.0", trace_id=rid()),
    )
    sentry_metric(
        "U",
        inc,
        "payments failure rate critical",
        t(D1, "07:07"),
        "critical",
        "ub-payments failure rate",
        ["ub-payments"],
        "production",
        "failure_rate()",
        "transaction:capture_payment",
        "38.2% failure rate in the last 5 minutes\nFilter: transaction:capture_payment",
        t(D1, "07:06"),
    )
    dd(
        "U",
        inc,
        "APM error rate on payments triggers",
        t(D1, "07:08"),
        "Triggered",
        "High error rate on ub-payments",
        "service:ub-payments",
        msg="aws.lambda.errors / invocations for service ub-payments is 0.36 (> 0.05) over the last 5m.",
        tags=["env:prod", "service:ub-payments", "functionname:ub-payments", "team:money"],
    )
    posthog(
        inc,
        "payment sheet fails in the app",
        t(D1, "07:09"),
        "PaymentError",
        "Payment could not be completed. Please try again.",
        [("confirmPayment", 887120), ("onPay", 1420066), ("CheckoutScreen", 1419002)],
        screen="Checkout",
        os_name="Android",
    )
    dd(
        "U",
        inc,
        "APM error rate on payments recovers",
        t(D1, "07:46"),
        "Recovered",
        "High error rate on ub-payments",
        "service:ub-payments",
        msg="Error rate on ub-payments is 0.004.",
        tags=["env:prod", "service:ub-payments", "functionname:ub-payments", "team:money"],
    )
    sentry_metric(
        "U",
        inc,
        "payments failure rate resolved",
        t(D1, "07:49"),
        "resolved",
        "ub-payments failure rate",
        ["ub-payments"],
        "production",
        "failure_rate()",
        "transaction:capture_payment",
        "1.1% failure rate in the last 5 minutes\nFilter: transaction:capture_payment",
        t(D1, "07:06"),
    )

    # U3: bad deploy of ub-chat (KeyError on new payload shape).
    inc = "ub-chat-deploy"
    chat_stack = [
        (
            "/var/runtime/bootstrap.py",
            "handle_event_request",
            181,
            "response = request_handler(event, lambda_context)",
        ),
        ("handlers/chat.py", "send_message", 64, "thread = threads.get(body['thread_id'])"),
    ]
    sentry_issue(
        "U",
        inc,
        "new issue after chat release",
        t(D1, "08:02"),
        "created",
        "ub-chat",
        "chat-key",
        "KeyError",
        "'thread_id'",
        "handlers.chat in send_message",
        "handlers/chat.py",
    )
    sentry_error(
        "U",
        inc,
        "chat error event",
        t(D1, "08:02", 20),
        "ub-chat",
        "chat-key",
        [("KeyError", "'thread_id'", chat_stack)],
        **ufn("ub-chat", "chat@3.7.0", request_url="https://api.underbarrow.app/v2/chat/messages"),
    )
    dd(
        "U",
        inc,
        "Lambda errors on ub-chat-send trigger",
        t(D1, "08:04"),
        "Triggered",
        "Lambda errors",
        "functionname:ub-chat",
        msg="sum:aws.lambda.errors{functionname:ub-chat} is 212 over the last 5m.",
        tags=["env:prod", "functionname:ub-chat", "region:eu-west-2", "resource:ub-chat"],
    )
    posthog(
        inc,
        "chat send fails in the app",
        t(D1, "08:05"),
        "Error",
        "Request failed with status code 500",
        [("settle", 402113), ("sendMessage", 1502290), ("ChatComposer", 1500881)],
        screen="Chat",
    )
    dd(
        "U",
        inc,
        "Lambda errors on ub-chat recover after rollback",
        t(D1, "08:26"),
        "Recovered",
        "Lambda errors",
        "functionname:ub-chat",
        msg="sum:aws.lambda.errors{functionname:ub-chat} is 0.",
        tags=["env:prod", "functionname:ub-chat", "region:eu-west-2", "resource:ub-chat"],
    )
    sentry_issue(
        "U",
        inc,
        "issue resolved after rollback",
        t(D1, "08:31"),
        "resolved",
        "ub-chat",
        "chat-key",
        "KeyError",
        "'thread_id'",
        "handlers.chat in send_message",
        "handlers/chat.py",
        count=219,
    )

    # U4: FCM (push provider) unavailable.
    inc = "ub-fcm-unavailable"
    push_stack = [
        (
            "/var/runtime/bootstrap.py",
            "handle_event_request",
            181,
            "response = request_handler(event, lambda_context)",
        ),
        ("handlers/push.py", "fan_out", 29, "messaging.send_each(batch)"),
        (
            "/var/task/site-packages/firebase_admin/_utils.py",
            "handle_requests_error",
            162,
            "return exceptions.UnavailableError(message, cause=error, http_response=error.response)",
        ),
    ]
    sentry_error(
        "U",
        inc,
        "push fan-out fails",
        t(D1, "08:12"),
        "ub-push",
        "push-unavail",
        [
            (
                "firebase_admin.exceptions.UnavailableError",
                "The service is currently unavailable.",
                push_stack,
            )
        ],
        **ufn("ub-push", "push@0.22.1"),
    )
    dd(
        "U",
        inc,
        "SQS push queue age triggers",
        t(D1, "08:15"),
        "Triggered",
        "Push queue oldest message age",
        "queuename:ub-push-jobs",
        msg="aws.sqs.approximate_age_of_oldest_message on ub-push-jobs is 912 s (> 300).",
        tags=["env:prod", "queuename:ub-push-jobs", "region:eu-west-2"],
        priority="P3",
    )
    sentry_error(
        "U",
        inc,
        "push fan-out fails again (second batch)",
        t(D1, "08:19"),
        "ub-push",
        "push-unavail",
        [
            (
                "firebase_admin.exceptions.UnavailableError",
                "The service is currently unavailable.",
                push_stack,
            )
        ],
        **ufn("ub-push", "push@0.22.1"),
    )
    dd(
        "U",
        inc,
        "SQS push queue age recovers",
        t(D1, "08:51"),
        "Recovered",
        "Push queue oldest message age",
        "queuename:ub-push-jobs",
        msg="Oldest message age on ub-push-jobs is 14 s.",
        tags=["env:prod", "queuename:ub-push-jobs", "region:eu-west-2"],
        priority="P3",
    )

    # U5: ub-search throttled (reserved concurrency set too low in a config change).
    inc = "ub-search-throttle"
    dd(
        "U",
        inc,
        "Lambda throttles on search trigger",
        t(D1, "09:02"),
        "Triggered",
        "Lambda throttles",
        "functionname:ub-search",
        msg="sum:aws.lambda.throttles{functionname:ub-search} is 1,840 over 5m.",
        tags=["env:prod", "functionname:ub-search", "region:eu-west-2"],
    )
    posthog(
        inc,
        "sitter search times out in the app",
        t(D1, "09:03"),
        "TimeoutError",
        "Search request timed out",
        [("timeoutPromise", 330218), ("searchSitters", 1610755), ("SearchScreen", 1608321)],
        screen="FindSitter",
        os_name="Android",
    )
    posthog(
        inc,
        "sitter search 429 on iOS",
        t(D1, "09:04"),
        "Error",
        "Request failed with status code 429",
        [("settle", 402113), ("searchSitters", 1610755), ("SearchScreen", 1608321)],
        screen="FindSitter",
    )
    dd(
        "U",
        inc,
        "Lambda throttles on search recover",
        t(D1, "09:22"),
        "Recovered",
        "Lambda throttles",
        "functionname:ub-search",
        msg="Throttles on ub-search back to 0.",
        tags=["env:prod", "functionname:ub-search", "region:eu-west-2"],
    )

    # U6: JWT signing key rotation broke token verification in ub-auth.
    inc = "ub-auth-jwks"
    auth_stack = [
        (
            "/var/runtime/bootstrap.py",
            "handle_event_request",
            181,
            "response = request_handler(event, lambda_context)",
        ),
        (
            "handlers/authorizer.py",
            "authorize",
            33,
            "claims = jwt.decode(token, key, algorithms=['RS256'], audience=AUD)",
        ),
        (
            "/var/task/site-packages/jwt/api_jws.py",
            "_verify_signature",
            312,
            'raise InvalidSignatureError("Signature verification failed")',
        ),
    ]
    sentry_error(
        "U",
        inc,
        "authorizer rejects valid tokens",
        t(D1, "09:15"),
        "ub-auth",
        "auth-sig",
        [("jwt.exceptions.InvalidSignatureError", "Signature verification failed", auth_stack)],
        **ufn("ub-auth", "auth@5.2.0"),
    )
    sentry_metric(
        "U",
        inc,
        "auth 401 rate critical",
        t(D1, "09:17"),
        "critical",
        "Authorizer denials",
        ["ub-auth"],
        "production",
        "count()",
        'message:"Signature verification failed"',
        '1,204 events in the last 5 minutes\nFilter: message:"Signature verification failed"',
        t(D1, "09:16"),
    )
    posthog(
        inc,
        "users logged out in the app",
        t(D1, "09:18"),
        "AuthError",
        "Session expired, please sign in again",
        [("refreshSession", 702877), ("useAuth", 705120), ("AppNavigator", 1101234)],
        screen="Home",
    )
    posthog(
        inc,
        "users logged out in the app (Android)",
        t(D1, "09:19"),
        "AuthError",
        "Session expired, please sign in again",
        [("refreshSession", 702877), ("useAuth", 705120), ("AppNavigator", 1101234)],
        screen="Home",
        os_name="Android",
    )
    sentry_metric(
        "U",
        inc,
        "auth 401 rate resolved",
        t(D1, "09:41"),
        "resolved",
        "Authorizer denials",
        ["ub-auth"],
        "production",
        "count()",
        'message:"Signature verification failed"',
        '3 events in the last 5 minutes\nFilter: message:"Signature verification failed"',
        t(D1, "09:16"),
    )

    # U7: a runaway report query saturates the database CPU; searches hit statement_timeout.
    inc = "ub-rds-cpu"
    dd(
        "U",
        inc,
        "RDS CPU monitor triggers",
        t(D1, "09:50"),
        "Triggered",
        "RDS CPU high",
        "dbinstanceidentifier:underbarrow-prod-pg",
        msg="aws.rds.cpuutilization on underbarrow-prod-pg is 97% (> 90%).",
        tags=tags_db,
    )
    sentry_error(
        "U",
        inc,
        "search hits statement timeout",
        t(D1, "09:52"),
        "ub-search",
        "search-timeout",
        [
            (
                "psycopg.errors.QueryCanceled",
                "canceling statement due to statement timeout",
                [
                    (
                        "/var/runtime/bootstrap.py",
                        "handle_event_request",
                        181,
                        "response = request_handler(event, lambda_context)",
                    ),
                    ("handlers/search.py", "nearby_sitters", 88, "cur.execute(NEARBY_SQL, params)"),
                    (
                        "/var/task/site-packages/psycopg/cursor.py",
                        "execute",
                        732,
                        "raise ex.with_traceback(None)",
                    ),
                ],
            )
        ],
        **ufn("ub-search", "search@2.9.3"),
    )
    dd(
        "U",
        inc,
        "RDS CPU monitor recovers",
        t(D1, "10:14"),
        "Recovered",
        "RDS CPU high",
        "dbinstanceidentifier:underbarrow-prod-pg",
        msg="aws.rds.cpuutilization on underbarrow-prod-pg is 41%.",
        tags=tags_db,
    )

    # U8: profile photo uploads: S3 bucket policy change denies PutObject presigns.
    inc = "ub-s3-uploads"
    sentry_error(
        "U",
        inc,
        "profile upload presign denied",
        t(D1, "10:05"),
        "ub-profile",
        "s3-denied",
        [
            (
                "botocore.exceptions.ClientError",
                "An error occurred (AccessDenied) when calling the PutObject operation: Access Denied",
                [
                    (
                        "/var/runtime/bootstrap.py",
                        "handle_event_request",
                        181,
                        "response = request_handler(event, lambda_context)",
                    ),
                    (
                        "handlers/photos.py",
                        "finalize_upload",
                        51,
                        "s3.copy_object(Bucket=BUCKET, Key=dest, CopySource=src)",
                    ),
                    (
                        "/var/task/site-packages/botocore/client.py",
                        "_make_api_call",
                        1023,
                        "raise error_class(parsed_response, operation_name)",
                    ),
                ],
            )
        ],
        **ufn("ub-profile", "profile@1.3.0"),
    )
    posthog(
        inc,
        "pet photo upload fails",
        t(D1, "10:07"),
        "Error",
        "Upload failed (403)",
        [("uploadToS3", 940311), ("savePetPhoto", 944100), ("EditPetScreen", 943002)],
        screen="EditPet",
        os_name="Android",
    )

    # Decoys, morning 1.
    sentry_error(
        "U",
        None,
        "staging bookings connection refused while prod fails",
        t(D1, "06:50"),
        "ub-bookings",
        "bk-staging",
        [
            (
                "psycopg.OperationalError",
                'connection failed: connection to server at "10.1.4.9", port 5432 failed: Connection refused',
                upg_stack("bookings", "list_bookings", 38, "fetch_upcoming"),
            )
        ],
        **ufn(
            "ub-bookings",
            "bookings@2026.03.10.1",
            env="staging",
            server="ub-bookings-staging.lambda",
        ),
    )
    dd(
        "U",
        None,
        "push Lambda duration warns and recovers by itself",
        t(D1, "07:20"),
        "Warn",
        "Lambda duration p95",
        "functionname:ub-push",
        msg="p95 duration of ub-push is 2.4 s (warn 2 s).",
        tags=["env:prod", "functionname:ub-push"],
        priority="P4",
    )
    dd(
        "U",
        None,
        "push Lambda duration recovers",
        t(D1, "07:26"),
        "Recovered",
        "Lambda duration p95",
        "functionname:ub-push",
        msg="p95 duration of ub-push is 0.8 s.",
        tags=["env:prod", "functionname:ub-push"],
        priority="P4",
    )
    posthog(
        None,
        "offline user: network request failed",
        t(D1, "07:40"),
        "TypeError",
        "Network request failed",
        [("onerror", 401877), ("fetchProfile", 1200201)],
        screen="Profile",
        app_version="4.17.2",
    )
    sentry_issue(
        "U",
        None,
        "old postcode validation bug seen again",
        t(D1, "08:40"),
        "created",
        "ub-bookings",
        "bk-postcode",
        "ValueError",
        "invalid UK postcode: 'SW1A1AAA'",
        "handlers.bookings in validate_address",
        "handlers/bookings.py",
    )
    for i, (tr, hm) in enumerate(
        [
            ("Triggered", "08:44"),
            ("Recovered", "08:47"),
            ("Triggered", "08:53"),
            ("Recovered", "08:55"),
        ]
    ):
        dd(
            "U",
            None,
            f"flapping API Gateway latency monitor ({i + 1}/4)",
            t(D1, hm),
            tr,
            "API Gateway latency p99",
            "apiname:underbarrow-public",
            msg="p99 latency of underbarrow-public crossed 1.5 s.",
            tags=["env:prod", "apiname:underbarrow-public", "stage:v2"],
            priority="P4",
        )
    dd(
        "U",
        None,
        "4xx spike from an old app build (user error)",
        t(D1, "09:30"),
        "Triggered",
        "API Gateway 4xx rate",
        "apiname:underbarrow-public",
        msg="4XXError on underbarrow-public is 9% (> 5%). Mostly 422 from app 4.12.",
        tags=["env:prod", "apiname:underbarrow-public", "stage:v2"],
        priority="P4",
    )
    dd(
        "U",
        None,
        "4xx spike recovers",
        t(D1, "09:58"),
        "Recovered",
        "API Gateway 4xx rate",
        "apiname:underbarrow-public",
        msg="4XXError on underbarrow-public is 1.2%.",
        tags=["env:prod", "apiname:underbarrow-public", "stage:v2"],
        priority="P4",
    )
    sentry_issue(
        "U",
        None,
        "an old noisy issue archived by a person",
        t(D1, "06:30"),
        "ignored",
        "ub-payments",
        "pay-rounding",
        "decimal.InvalidOperation",
        "[<class 'decimal.InvalidOperation'>]",
        "handlers.payouts in round_fee",
        "handlers/payouts.py",
        count=57,
    )

    # U9 (morning 2): Stripe webhook secret rotated, signature checks fail.
    inc = "ub-stripe-webhook-secret"
    whs = [
        (
            "/var/runtime/bootstrap.py",
            "handle_event_request",
            181,
            "response = request_handler(event, lambda_context)",
        ),
        (
            "handlers/stripe_webhook.py",
            "receive",
            22,
            "event = stripe.Webhook.construct_event(raw, sig, WHSEC)",
        ),
        (
            "/var/task/site-packages/stripe/_webhook.py",
            "verify_header",
            84,
            "raise error.SignatureVerificationError(",
        ),
    ]
    sentry_metric(
        "U",
        inc,
        "webhook errors warning",
        t(D2, "06:20"),
        "warning",
        "Stripe webhook errors",
        ["ub-payments"],
        "production",
        "count()",
        "transaction:stripe_webhook",
        "48 events in the last 5 minutes\nFilter: transaction:stripe_webhook",
        t(D2, "06:19"),
    )
    sentry_alert(
        "U",
        inc,
        "issue alert: signature verification",
        t(D2, "06:21"),
        "ub-payments",
        "pay-whsig",
        [
            (
                "stripe._error.SignatureVerificationError",
                "No signatures found matching the expected signature for payload",
                whs,
            )
        ],
        "Payments: any new issue",
        **ufn("ub-payments", "payments@1.42.0", transaction="stripe_webhook"),
    )
    sentry_metric(
        "U",
        inc,
        "webhook errors critical",
        t(D2, "06:26"),
        "critical",
        "Stripe webhook errors",
        ["ub-payments"],
        "production",
        "count()",
        "transaction:stripe_webhook",
        "311 events in the last 5 minutes\nFilter: transaction:stripe_webhook",
        t(D2, "06:19"),
    )
    sentry_metric(
        "U",
        inc,
        "webhook errors resolved",
        t(D2, "07:02"),
        "resolved",
        "Stripe webhook errors",
        ["ub-payments"],
        "production",
        "count()",
        "transaction:stripe_webhook",
        "0 events in the last 5 minutes\nFilter: transaction:stripe_webhook",
        t(D2, "06:19"),
    )

    # U10 (morning 2): RDS Multi-AZ failover drops every open connection.
    inc = "ub-rds-failover"
    dd(
        "U",
        inc,
        "RDS failover event monitor triggers",
        t(D2, "07:11"),
        "Triggered",
        "RDS instance availability",
        "dbinstanceidentifier:underbarrow-prod-pg",
        msg="RDS event: Multi-AZ instance failover started on underbarrow-prod-pg.",
        tags=tags_db,
        priority="P1",
    )
    closed = "server closed the connection unexpectedly\n\tThis probably means the server terminated abnormally\n\tbefore or while processing the request."
    sentry_error(
        "U",
        inc,
        "bookings connection dropped",
        t(D2, "07:12"),
        "ub-bookings",
        "bk-closed",
        [
            (
                "psycopg.OperationalError",
                closed,
                upg_stack("bookings", "create_booking", 71, "insert_booking"),
            )
        ],
        **ufn(
            "ub-bookings",
            "bookings@2026.03.10.1",
            request_url="https://api.underbarrow.app/v2/bookings/create",
        ),
    )
    sentry_error(
        "U",
        inc,
        "chat connection dropped",
        t(D2, "07:12", 40),
        "ub-chat",
        "chat-closed",
        [
            (
                "psycopg.OperationalError",
                closed,
                upg_stack("chat", "list_threads", 19, "threads_for_user"),
            )
        ],
        **ufn("ub-chat", "chat@3.6.4"),
    )
    posthog(
        inc,
        "booking creation fails in the app",
        t(D2, "07:13"),
        "Error",
        "Request failed with status code 502",
        [("settle", 402113), ("createBooking", 1207001), ("ConfirmBookingScreen", 1206114)],
        screen="ConfirmBooking",
    )
    dd(
        "U",
        inc,
        "RDS availability recovers",
        t(D2, "07:19"),
        "Recovered",
        "RDS instance availability",
        "dbinstanceidentifier:underbarrow-prod-pg",
        msg="Failover completed on underbarrow-prod-pg.",
        tags=tags_db,
        priority="P1",
    )

    # U11 (morning 2): Google Maps geocoding quota exhausted.
    inc = "ub-geocoding-quota"
    sentry_error(
        "U",
        inc,
        "geocoding over quota",
        t(D2, "08:03"),
        "ub-search",
        "geo-quota",
        [
            (
                "googlemaps.exceptions.ApiError",
                "OVER_QUERY_LIMIT (You have exceeded your daily request quota for this API.)",
                [
                    (
                        "/var/runtime/bootstrap.py",
                        "handle_event_request",
                        181,
                        "response = request_handler(event, lambda_context)",
                    ),
                    (
                        "handlers/search.py",
                        "geocode_postcode",
                        41,
                        "res = gmaps.geocode(postcode, region='uk')",
                    ),
                    (
                        "/var/task/site-packages/googlemaps/client.py",
                        "_get_body",
                        338,
                        'raise googlemaps.exceptions.ApiError(api_status, body.get("error_message"))',
                    ),
                ],
            )
        ],
        **ufn("ub-search", "search@2.9.3"),
    )
    posthog(
        inc,
        "no sitters found error in app",
        t(D2, "08:05"),
        "SearchError",
        "Could not find that postcode",
        [("geocodeOrThrow", 1611982), ("searchSitters", 1610755), ("SearchScreen", 1608321)],
        screen="FindSitter",
        handled=True,
    )
    sentry_error(
        "U",
        inc,
        "geocoding over quota again",
        t(D2, "08:34"),
        "ub-search",
        "geo-quota",
        [
            (
                "googlemaps.exceptions.ApiError",
                "OVER_QUERY_LIMIT (You have exceeded your daily request quota for this API.)",
                [
                    (
                        "/var/runtime/bootstrap.py",
                        "handle_event_request",
                        181,
                        "response = request_handler(event, lambda_context)",
                    ),
                    (
                        "handlers/search.py",
                        "geocode_postcode",
                        41,
                        "res = gmaps.geocode(postcode, region='uk')",
                    ),
                    (
                        "/var/task/site-packages/googlemaps/client.py",
                        "_get_body",
                        338,
                        'raise googlemaps.exceptions.ApiError(api_status, body.get("error_message"))',
                    ),
                ],
            )
        ],
        **ufn("ub-search", "search@2.9.3"),
    )

    # U12 (morning 2): the chat websocket API returns 5xx after a connect-handler change.
    inc = "ub-chat-websocket"
    dd(
        "U",
        inc,
        "websocket 5xx monitor triggers",
        t(D2, "08:20"),
        "Triggered",
        "WebSocket API 5xx",
        "apiid:q7w2e9r4t1",
        msg="aws.apigateway.integration_error on the chat websocket API (q7w2e9r4t1) is 14%.",
        tags=["env:prod", "apiid:q7w2e9r4t1", "apiname:ub-chat-ws", "stage:prod"],
    )
    posthog(
        inc,
        "chat socket closes with 1011",
        t(D2, "08:21"),
        "WebSocketError",
        "Connection closed: 1011 Internal server error",
        [("onclose", 1507770), ("ChatSocket.reconnect", 1508012), ("ChatScreen", 1503309)],
        screen="Chat",
        os_name="Android",
    )
    sentry_error(
        "U",
        inc,
        "chat connect handler fails",
        t(D2, "08:21", 30),
        "ub-chat",
        "chat-connect",
        [
            (
                "TypeError",
                "authorize_connection() missing 1 required positional argument: 'claims'",
                [
                    (
                        "/var/runtime/bootstrap.py",
                        "handle_event_request",
                        181,
                        "response = request_handler(event, lambda_context)",
                    ),
                    (
                        "handlers/ws.py",
                        "on_connect",
                        17,
                        "authorize_connection(event['requestContext'])",
                    ),
                ],
            )
        ],
        **ufn("ub-chat", "chat@3.8.0", transaction="ws $connect"),
    )
    dd(
        "U",
        inc,
        "websocket 5xx monitor recovers",
        t(D2, "08:47"),
        "Recovered",
        "WebSocket API 5xx",
        "apiid:q7w2e9r4t1",
        msg="Integration errors on q7w2e9r4t1 back to 0%.",
        tags=["env:prod", "apiid:q7w2e9r4t1", "apiname:ub-chat-ws", "stage:prod"],
    )

    # Decoys, morning 2.
    dd(
        "U",
        None,
        "No Data on a dev function",
        t(D2, "06:05"),
        "Triggered",
        "Lambda invocations missing",
        "functionname:ub-search-dev",
        msg="No data from ub-search-dev for 30m.",
        tags=["env:dev", "functionname:ub-search-dev"],
        priority="P5",
    )
    posthog(
        None,
        "handled validation error: pet age",
        t(D2, "07:30"),
        "ValidationError",
        "Pet age must be between 0 and 30",
        [("validatePet", 945001), ("EditPetScreen", 943002)],
        screen="EditPet",
        handled=True,
    )
    sentry_error(
        "U",
        None,
        "staging chat error during prod websocket incident",
        t(D2, "08:25"),
        "ub-chat",
        "chat-staging",
        [
            (
                "KeyError",
                "'connectionId'",
                [
                    (
                        "handlers/ws.py",
                        "on_disconnect",
                        31,
                        "cid = event['requestContext']['connectionId']",
                    )
                ],
            )
        ],
        **ufn("ub-chat", "chat@3.9.0-rc1", env="staging"),
    )
    dd(
        "U",
        None,
        "payments canary still OK (recovered notice)",
        t(D2, "08:00"),
        "Recovered",
        "Synthetic: checkout canary",
        "check:checkout-canary",
        msg="Checkout canary passing from 3 locations.",
        tags=["env:prod", "check:checkout-canary"],
        priority="P3",
    )


# ---------------------------------------------------------------- Whitbarrow Ledger (W)


def wkw(**kw) -> dict:
    base = {
        "env": "prd",
        "release": "ledger@2026.03.09-3",
        "tags": {"kube_namespace": "ledger", "site": "app.whitbarrow.io"},
        "transaction": "/api/invoices/",
        "server": pod("ledger-web"),
        "root": "/srv/app",
    }
    base.update(kw)
    return base


def wtags(*extra: str) -> list[str]:
    return ["env:production", "kube_cluster_name:wl-prod-euw1", "team:ledger", *extra]


def django_stack(view_file, view, line, code, deeper=()):
    return [
        (
            "/usr/local/lib/python3.11/site-packages/django/core/handlers/base.py",
            "_get_response",
            197,
            "response = wrapped_callback(request, *callback_args, **callback_kwargs)",
        ),
        (view_file, view, line, code),
        *deeper,
    ]


def company_w():
    # W1: bad deploy of ledger-web: NoneType.currency in the invoice list.
    inc = "wl-web-deploy-currency"
    web_rel = "ledger@2026.03.10-1"
    wpod = pod("ledger-web")
    stack = django_stack(
        "ledger/invoices/views.py",
        "list",
        142,
        "total = format_money(inv.amount, inv.customer.currency)",
        [("ledger/money.py", "format_money", 18, "return f'{currency.symbol}{amount:,.2f}'")],
    )
    sentry_issue(
        "W",
        inc,
        "new issue after web deploy",
        t(D1, "07:34"),
        "created",
        "ledger",
        "w-currency",
        "AttributeError",
        "'NoneType' object has no attribute 'symbol'",
        "ledger.money in format_money",
        "ledger/money.py",
    )
    sentry_alert(
        "W",
        inc,
        "issue alert on the regression",
        t(D1, "07:34", 30),
        "ledger",
        "w-currency",
        [("AttributeError", "'NoneType' object has no attribute 'symbol'", stack)],
        "Ledger prd: new issue -> #ledger-alerts",
        **wkw(
            release=web_rel,
            server=wpod,
            trace_id=rid(),
            request_url="https://app.whitbarrow.io/api/invoices/?status=open",
        ),
    )
    splunk(
        inc,
        "web error log row",
        t(D1, "07:36"),
        "ledger-web errors (prd)",
        log_row(
            t(D1, "07:36"),
            "ledger-web",
            wpod,
            {
                "level": "ERROR",
                "logger": "django.request",
                "message": "Internal Server Error: /api/invoices/",
                "exc_info": "Traceback (most recent call last):\n  File \"/srv/app/ledger/money.py\", line 18, in format_money\n    return f'{currency.symbol}{amount:,.2f}'\nAttributeError: 'NoneType' object has no attribute 'symbol'",
                "status_code": 500,
                "release": "2026.03.10-1",
            },
        ),
    )
    dd(
        "W",
        inc,
        "APM error rate by deployment triggers",
        t(D1, "07:37"),
        "Triggered",
        "ledger-web 5xx rate",
        "kube_deployment:ledger-web",
        msg="trace.django.request.errors for kube_deployment:ledger-web is 8.1% (> 2%).",
        tags=wtags("kube_namespace:ledger", "kube_deployment:ledger-web", "service:ledger-web"),
        metric="trace.django.request.errors",
        query="sum(last_5m):sum:trace.django.request.errors{env:production} by {kube_deployment}.as_rate() > 0.02",
    )
    dd(
        "W",
        inc,
        "APM error rate recovers after rollback",
        t(D1, "08:02"),
        "Recovered",
        "ledger-web 5xx rate",
        "kube_deployment:ledger-web",
        msg="Error rate for kube_deployment:ledger-web is 0.3%.",
        tags=wtags("kube_namespace:ledger", "kube_deployment:ledger-web", "service:ledger-web"),
        metric="trace.django.request.errors",
    )
    sentry_issue(
        "W",
        inc,
        "issue resolved in next release",
        t(D1, "08:10"),
        "resolved",
        "ledger",
        "w-currency",
        "AttributeError",
        "'NoneType' object has no attribute 'symbol'",
        "ledger.money in format_money",
        "ledger/money.py",
        count=640,
    )

    # W2: pgbouncer pool exhausted; web and workers wait and time out.
    inc = "wl-pgbouncer-pool"
    dd(
        "W",
        inc,
        "pgbouncer waiting clients trigger",
        t(D1, "08:40"),
        "Triggered",
        "PgBouncer clients waiting",
        "kube_deployment:pgbouncer",
        msg="pgbouncer.pools.cl_waiting on kube_deployment:pgbouncer is 180 (> 20).",
        tags=wtags("kube_namespace:ledger", "kube_deployment:pgbouncer", "db:ledger"),
        priority="P1",
        metric="pgbouncer.pools.cl_waiting",
    )
    sentry_error(
        "W",
        inc,
        "web query_wait_timeout",
        t(D1, "08:41"),
        "ledger",
        "w-qwt-web",
        [
            (
                "django.db.utils.OperationalError",
                "query_wait_timeout\nserver closed the connection unexpectedly",
                django_stack(
                    "ledger/dashboard/views.py",
                    "overview",
                    61,
                    "stats = Invoice.objects.overdue_summary(org)",
                    [
                        (
                            "/usr/local/lib/python3.11/site-packages/django/db/backends/utils.py",
                            "_execute",
                            89,
                            "return self.cursor.execute(sql, params)",
                        )
                    ],
                ),
            )
        ],
        **wkw(transaction="/dashboard/", request_url="https://app.whitbarrow.io/dashboard/"),
    )
    sentry_error(
        "W",
        inc,
        "worker query_wait_timeout",
        t(D1, "08:42"),
        "ledger",
        "w-qwt-worker",
        [
            (
                "django.db.utils.OperationalError",
                "query_wait_timeout\nserver closed the connection unexpectedly",
                [
                    (
                        "/usr/local/lib/python3.11/site-packages/celery/app/trace.py",
                        "trace_task",
                        453,
                        "R = retval = fun(*args, **kwargs)",
                    ),
                    (
                        "ledger/reconcile/tasks.py",
                        "match_payments",
                        77,
                        "for line in StatementLine.objects.unmatched(account_id):",
                    ),
                    (
                        "/usr/local/lib/python3.11/site-packages/django/db/backends/utils.py",
                        "_execute",
                        89,
                        "return self.cursor.execute(sql, params)",
                    ),
                ],
            )
        ],
        **wkw(transaction="ledger.reconcile.tasks.match_payments", server=pod("ledger-worker")),
    )
    splunk(
        inc,
        "stats count by service of db timeouts",
        t(D1, "08:45"),
        "DB timeouts by service (5m)",
        {
            "service": "ledger-web",
            "count": "1482",
            "kube_deployment": "ledger-web",
            "error": "query_wait_timeout",
        },
    )
    dd(
        "W",
        inc,
        "pgbouncer renotify",
        t(D1, "09:10"),
        "Renotify",
        "PgBouncer clients waiting",
        "kube_deployment:pgbouncer",
        msg="cl_waiting still 95.",
        tags=wtags("kube_namespace:ledger", "kube_deployment:pgbouncer", "db:ledger"),
        priority="P1",
        metric="pgbouncer.pools.cl_waiting",
    )
    dd(
        "W",
        inc,
        "pgbouncer recovers",
        t(D1, "09:24"),
        "Recovered",
        "PgBouncer clients waiting",
        "kube_deployment:pgbouncer",
        msg="cl_waiting is 0.",
        tags=wtags("kube_namespace:ledger", "kube_deployment:pgbouncer", "db:ledger"),
        priority="P1",
        metric="pgbouncer.pools.cl_waiting",
    )

    # W3: Celery reminders queue backs up (a slow task hogs all workers), same hour as W2.
    inc = "wl-celery-backlog"
    dd(
        "W",
        inc,
        "queue depth monitor triggers",
        t(D1, "08:48"),
        "Triggered",
        "Celery queue depth",
        "kube_deployment:ledger-worker,queue:reminders",
        msg="redis.key.length{queue:reminders} is 48,210 (> 5,000).",
        tags=wtags("kube_namespace:ledger", "kube_deployment:ledger-worker", "queue:reminders"),
        metric="redis.key.length",
    )
    wk = pod("ledger-worker")
    splunk(
        inc,
        "worker time-limit log",
        t(D1, "08:50"),
        "ledger-worker task failures",
        log_row(
            t(D1, "08:50"),
            "ledger-worker",
            wk,
            {
                "level": "ERROR",
                "logger": "celery.app.trace",
                "message": "Task ledger.reminders.tasks.send_dunning_emails[3f1c0e6a-55b2-4c1e-9a0d-8b7e21f3c4d5] raised unexpected: TimeLimitExceeded(300)",
                "task": "ledger.reminders.tasks.send_dunning_emails",
            },
        ),
    )
    sentry_error(
        "W",
        inc,
        "TimeLimitExceeded in dunning task",
        t(D1, "08:51"),
        "ledger",
        "w-timelimit",
        [
            (
                "billiard.exceptions.TimeLimitExceeded",
                "TimeLimitExceeded(300,)",
                [
                    (
                        "/usr/local/lib/python3.11/site-packages/billiard/pool.py",
                        "on_hard_timeout",
                        683,
                        "raise TimeLimitExceeded(job._timeout)",
                    )
                ],
            )
        ],
        **wkw(transaction="ledger.reminders.tasks.send_dunning_emails", server=wk),
    )
    dd(
        "W",
        inc,
        "queue depth renotify",
        t(D1, "09:18"),
        "Renotify",
        "Celery queue depth",
        "kube_deployment:ledger-worker,queue:reminders",
        msg="reminders queue still at 31,004.",
        tags=wtags("kube_namespace:ledger", "kube_deployment:ledger-worker", "queue:reminders"),
        metric="redis.key.length",
    )
    dd(
        "W",
        inc,
        "queue depth recovers",
        t(D1, "09:55"),
        "Recovered",
        "Celery queue depth",
        "kube_deployment:ledger-worker,queue:reminders",
        msg="reminders queue at 12.",
        tags=wtags("kube_namespace:ledger", "kube_deployment:ledger-worker", "queue:reminders"),
        metric="redis.key.length",
    )

    # W4: pdf-render pod OOMKilled; invoice downloads fail from the web.
    inc = "wl-pdf-oom"
    ppod = pod("pdf-render")
    dd(
        "W",
        inc,
        "pod restarts monitor triggers",
        t(D1, "10:02"),
        "Triggered",
        "Container restarts",
        f"pod_name:{ppod}",
        msg=f"kubernetes.containers.restarts on {ppod} increased by 4 (OOMKilled).",
        tags=wtags("kube_namespace:ledger", "kube_deployment:pdf-render", f"pod_name:{ppod}"),
        metric="kubernetes.containers.restarts",
    )
    splunk(
        inc,
        "kube event OOMKilled",
        t(D1, "10:03"),
        "k8s warning events (ledger)",
        {
            "_time": f"{t(D1, '10:02', 12).timestamp():.0f}",
            "_raw": f"Warning  BackOff  pod/{ppod}  Back-off restarting failed container pdf-render in pod {ppod}; last state: Terminated reason=OOMKilled exitCode=137",
            "sourcetype": "kube:events",
            "index": "k8s_events",
            "host": NODES[1],
            "involvedObject": f"pod/{ppod}",
            "reason": "BackOff",
        },
    )
    sentry_error(
        "W",
        inc,
        "web cannot reach pdf-render",
        t(D1, "10:04"),
        "ledger",
        "w-pdf-conn",
        [
            (
                "requests.exceptions.ConnectionError",
                "HTTPConnectionPool(host='pdf-render.ledger.svc.cluster.local', port=8080): Max retries exceeded with url: /render (Caused by NewConnectionError('<urllib3.connection.HTTPConnection object at 0x7f3a2c1e9d50>: Failed to establish a new connection: [Errno 111] Connection refused'))",
                django_stack(
                    "ledger/invoices/views.py",
                    "download_pdf",
                    210,
                    "pdf = renderer.render(invoice)",
                    [
                        (
                            "ledger/pdf/client.py",
                            "render",
                            33,
                            "resp = self.session.post(self.url, json=payload, timeout=20)",
                        )
                    ],
                ),
            )
        ],
        **wkw(
            transaction="/invoices/<uuid:pk>/pdf/",
            request_url="https://app.whitbarrow.io/invoices/8c1d1e0b-6a55-4e0f-9b1a-1f2e3d4c5b6a/pdf/",
        ),
    )
    dd(
        "W",
        inc,
        "pod restarts recover",
        t(D1, "10:30"),
        "Recovered",
        "Container restarts",
        f"pod_name:{ppod}",
        msg=f"No restarts on {ppod} in 15m.",
        tags=wtags("kube_namespace:ledger", "kube_deployment:pdf-render", f"pod_name:{ppod}"),
        metric="kubernetes.containers.restarts",
    )

    # W5: open-banking provider 503s break bank-sync.
    inc = "wl-bank-provider-503"
    bpod = pod("bank-sync")
    sentry_error(
        "W",
        inc,
        "bank sync HTTP 503",
        t(D1, "06:55"),
        "ledger",
        "w-bank-503",
        [
            (
                "httpx.HTTPStatusError",
                "Server error '503 Service Unavailable' for url 'https://api.truelayer.com/data/v1/accounts/acc_9f2/transactions'",
                [
                    (
                        "/usr/local/lib/python3.11/site-packages/celery/app/trace.py",
                        "trace_task",
                        453,
                        "R = retval = fun(*args, **kwargs)",
                    ),
                    ("ledger/banking/sync.py", "pull_transactions", 58, "resp.raise_for_status()"),
                ],
            )
        ],
        **wkw(transaction="ledger.banking.sync.pull_transactions", server=bpod),
    )
    splunk(
        inc,
        "bank-sync warning log",
        t(D1, "06:57"),
        "bank-sync upstream errors",
        log_row(
            t(D1, "06:57"),
            "bank-sync",
            bpod,
            {
                "level": "WARNING",
                "logger": "ledger.banking",
                "message": "provider returned 503, will retry in 300s",
                "provider": "truelayer",
                "account": "acc_9f2",
            },
        ),
    )
    dd(
        "W",
        inc,
        "log monitor on bank-sync triggers",
        t(D1, "06:58"),
        "Triggered",
        "bank-sync upstream 5xx",
        "kube_deployment:bank-sync",
        msg='Logs matching service:bank-sync status:warn "provider returned 503" > 50 in 10m.',
        tags=wtags("kube_namespace:ledger", "kube_deployment:bank-sync", "service:bank-sync"),
        priority="P3",
    )
    dd(
        "W",
        inc,
        "log monitor on bank-sync recovers",
        t(D1, "07:40"),
        "Recovered",
        "bank-sync upstream 5xx",
        "kube_deployment:bank-sync",
        msg="No provider 503s in 10m.",
        tags=wtags("kube_namespace:ledger", "kube_deployment:bank-sync", "service:bank-sync"),
        priority="P3",
    )

    # W6: node disk pressure evicts ledger-web pods.
    inc = "wl-node-disk-pressure"
    dd(
        "W",
        inc,
        "node disk usage triggers",
        t(D1, "09:35"),
        "Triggered",
        "Node disk usage",
        f"host:{NODES[2]}",
        msg=f"system.disk.in_use on {NODES[2]} /var/lib/containerd is 94%.",
        tags=wtags(f"host:{NODES[2]}", "device:/dev/nvme0n1p1"),
        metric="system.disk.in_use",
    )
    splunk(
        inc,
        "kubelet eviction log",
        t(D1, "09:37"),
        "k8s warning events (ledger)",
        {
            "_time": f"{t(D1, '09:36', 40).timestamp():.0f}",
            "_raw": "Warning  Evicted  pod/ledger-web-5d8f7c9b6d-q2xkp  The node was low on resource: ephemeral-storage. Threshold quantity: 10%, available: 6%.",
            "sourcetype": "kube:events",
            "index": "k8s_events",
            "host": NODES[2],
            "involvedObject": "pod/ledger-web-5d8f7c9b6d-q2xkp",
            "reason": "Evicted",
        },
    )
    dd(
        "W",
        inc,
        "pods not ready in namespace triggers",
        t(D1, "09:38"),
        "Triggered",
        "Pods not ready",
        "kube_namespace:ledger",
        msg="3 pods not ready in kube_namespace:ledger (ledger-web).",
        tags=wtags("kube_namespace:ledger"),
        metric="kubernetes_state.pod.ready",
    )
    dd(
        "W",
        inc,
        "node disk usage recovers",
        t(D1, "09:58"),
        "Recovered",
        "Node disk usage",
        f"host:{NODES[2]}",
        msg=f"system.disk.in_use on {NODES[2]} is 61%.",
        tags=wtags(f"host:{NODES[2]}", "device:/dev/nvme0n1p1"),
        metric="system.disk.in_use",
    )
    dd(
        "W",
        inc,
        "pods ready again",
        t(D1, "10:00"),
        "Recovered",
        "Pods not ready",
        "kube_namespace:ledger",
        msg="All pods ready in kube_namespace:ledger.",
        tags=wtags("kube_namespace:ledger"),
        metric="kubernetes_state.pod.ready",
    )

    # W7: SendGrid API key expired, invoice emails fail.
    inc = "wl-sendgrid-401"
    sg_stack = [
        (
            "/usr/local/lib/python3.11/site-packages/celery/app/trace.py",
            "trace_task",
            453,
            "R = retval = fun(*args, **kwargs)",
        ),
        ("ledger/mail/tasks.py", "send_invoice_email", 39, "sg.send(message)"),
        (
            "/usr/local/lib/python3.11/site-packages/python_http_client/client.py",
            "_make_request",
            175,
            "raise exc",
        ),
    ]
    sentry_error(
        "W",
        inc,
        "invoice email 401",
        t(D1, "07:02"),
        "ledger",
        "w-sg-401",
        [
            (
                "python_http_client.exceptions.UnauthorizedError",
                "HTTP Error 401: Unauthorized",
                sg_stack,
            )
        ],
        **wkw(transaction="ledger.mail.tasks.send_invoice_email", server=pod("ledger-worker")),
    )
    sentry_metric(
        "W",
        inc,
        "email failures critical",
        t(D1, "07:05"),
        "critical",
        "Invoice emails failing",
        ["ledger"],
        "prd",
        "count()",
        "transaction:ledger.mail.tasks.send_invoice_email",
        "88 events in the last 5 minutes\nFilter: transaction:ledger.mail.tasks.send_invoice_email",
        t(D1, "07:04"),
    )
    splunk(
        inc,
        "mail task error log",
        t(D1, "07:06"),
        "ledger-worker task failures",
        log_row(
            t(D1, "07:06"),
            "ledger-worker",
            pod("ledger-worker"),
            {
                "level": "ERROR",
                "logger": "ledger.mail",
                "message": "sendgrid rejected message: 401 Unauthorized (The provided authorization grant is invalid, expired, or revoked)",
                "invoice": "INV-2026-0412",
            },
        ),
    )
    sentry_metric(
        "W",
        inc,
        "email failures resolved",
        t(D1, "07:52"),
        "resolved",
        "Invoice emails failing",
        ["ledger"],
        "prd",
        "count()",
        "transaction:ledger.mail.tasks.send_invoice_email",
        "0 events in the last 5 minutes\nFilter: transaction:ledger.mail.tasks.send_invoice_email",
        t(D1, "07:04"),
    )

    # W8: the FX-rates cron job fails (ECB feed changed format).
    inc = "wl-fx-cron"
    spod = pod("ledger-scheduler")
    splunk(
        inc,
        "cron job log",
        t(D1, "06:10"),
        "ledger-scheduler failures",
        log_row(
            t(D1, "06:10"),
            "ledger-scheduler",
            spod,
            {
                "level": "ERROR",
                "logger": "ledger.fx",
                "message": "fx refresh failed: KeyError 'rates'",
                "job": "refresh_fx_rates",
            },
        ),
    )
    sentry_error(
        "W",
        inc,
        "FX job KeyError",
        t(D1, "06:11"),
        "ledger",
        "w-fx",
        [
            (
                "KeyError",
                "'rates'",
                [
                    (
                        "ledger/fx/jobs.py",
                        "refresh_fx_rates",
                        27,
                        "for code, rate in payload['rates'].items():",
                    )
                ],
            )
        ],
        **wkw(transaction="refresh_fx_rates", server=spod),
    )

    # W9: Redis cache maxmemory: evictions and connection errors.
    inc = "wl-redis-memory"
    dd(
        "W",
        inc,
        "redis memory triggers",
        t(D1, "10:20"),
        "Triggered",
        "Redis memory usage",
        "kube_deployment:redis-cache",
        msg="redis.mem.used / maxmemory on kube_deployment:redis-cache is 99%.",
        tags=wtags("kube_namespace:ledger", "kube_deployment:redis-cache"),
        metric="redis.mem.used",
    )
    sentry_error(
        "W",
        inc,
        "web redis OOM error",
        t(D1, "10:21"),
        "ledger",
        "w-redis-oom",
        [
            (
                "redis.exceptions.ResponseError",
                "OOM command not allowed when used memory > 'maxmemory'.",
                django_stack(
                    "ledger/core/middleware.py",
                    "__call__",
                    40,
                    "cache.set(key, payload, 300)",
                    [
                        (
                            "/usr/local/lib/python3.11/site-packages/redis/connection.py",
                            "read_response",
                            524,
                            "raise response",
                        )
                    ],
                ),
            )
        ],
        **wkw(
            transaction="/api/customers/", request_url="https://app.whitbarrow.io/api/customers/"
        ),
    )
    splunk(
        inc,
        "stats of redis errors by service",
        t(D1, "10:24"),
        "Redis errors by service (5m)",
        {"service": "ledger-web", "count": "2210", "error_class": "ResponseError"},
    )
    dd(
        "W",
        inc,
        "redis memory recovers",
        t(D1, "10:41"),
        "Recovered",
        "Redis memory usage",
        "kube_deployment:redis-cache",
        msg="memory at 62%.",
        tags=wtags("kube_namespace:ledger", "kube_deployment:redis-cache"),
        metric="redis.mem.used",
    )

    # Decoys, morning 1.
    dd(
        "W",
        None,
        "staging namespace alert while prod deploy fails",
        t(D1, "07:39"),
        "Triggered",
        "ledger-web 5xx rate",
        "kube_deployment:ledger-web-staging",
        msg="Error rate for kube_deployment:ledger-web-staging is 12%.",
        tags=[
            "env:staging",
            "kube_cluster_name:wl-staging-euw1",
            "kube_namespace:ledger-staging",
            "kube_deployment:ledger-web-staging",
        ],
    )
    splunk(
        None,
        "scheduler heartbeat row",
        t(D1, "07:00"),
        "ledger-scheduler heartbeat",
        {
            "_time": f"{t(D1, '06:59').timestamp():.0f}",
            "service": "ledger-scheduler",
            "status": "ok",
            "last_run": "2026-03-10T06:59:00Z",
        },
    )
    splunk(
        None,
        "deploy notice row (Argo CD sync)",
        t(D1, "07:31"),
        "prd deploys",
        {
            "_time": f"{t(D1, '07:30', 12).timestamp():.0f}",
            "_raw": 'time="2026-03-10T07:30:12Z" level=info msg="sync completed" application=ledger-web revision=2026.03.10-1 dest-namespace=ledger',
            "sourcetype": "kube:container:argocd-application-controller",
            "index": "k8s_prod",
            "host": NODES[1],
            "namespace": "argocd",
        },
    )
    fpod = pod("ledger-web")
    for i, (tr, hm) in enumerate(
        [
            ("Triggered", "08:05"),
            ("Recovered", "08:08"),
            ("Triggered", "08:14"),
            ("Recovered", "08:16"),
        ]
    ):
        dd(
            "W",
            None,
            f"flapping CPU monitor on one pod ({i + 1}/4)",
            t(D1, hm),
            tr,
            "Pod CPU throttling",
            f"pod_name:{fpod}",
            msg=f"CPU throttling on {fpod} above 25%.",
            tags=wtags("kube_namespace:ledger", "kube_deployment:ledger-web", f"pod_name:{fpod}"),
            priority="P4",
        )
    splunk(
        None,
        "4xx spike from a customer's misconfigured client",
        t(D1, "09:05"),
        "API 4xx by client (15m)",
        {"client_id": "acme-erp-connector", "status": "401", "count": "3844"},
    )
    dd(
        "W",
        None,
        "disk warning that resolves by itself",
        t(D1, "06:20"),
        "Warn",
        "Node disk usage",
        f"host:{NODES[0]}",
        msg=f"system.disk.in_use on {NODES[0]} is 81% (warn 80%).",
        tags=wtags(f"host:{NODES[0]}"),
        priority="P4",
        metric="system.disk.in_use",
    )
    dd(
        "W",
        None,
        "disk warning recovered",
        t(D1, "06:34"),
        "Recovered",
        "Node disk usage",
        f"host:{NODES[0]}",
        msg=f"system.disk.in_use on {NODES[0]} is 77%.",
        tags=wtags(f"host:{NODES[0]}"),
        priority="P4",
        metric="system.disk.in_use",
    )

    # W10 (morning 2): a migration takes a lock on invoices; requests time out.
    inc = "wl-migration-lock"
    mpod = pod("ledger-web")
    splunk(
        inc,
        "lock timeout log",
        t(D2, "06:32"),
        "ledger-web errors (prd)",
        log_row(
            t(D2, "06:32"),
            "ledger-web",
            mpod,
            {
                "level": "ERROR",
                "logger": "django.request",
                "message": "Internal Server Error: /api/invoices/bulk-approve/",
                "exc_info": 'django.db.utils.OperationalError: canceling statement due to lock timeout\nCONTEXT:  while updating tuple (1204,7) in relation "invoices_invoice"',
                "status_code": 500,
                "dd.trace_id": "7419982250123845571",
            },
        ),
    )
    sentry_issue(
        "W",
        inc,
        "new issue: lock timeout",
        t(D2, "06:33"),
        "created",
        "ledger",
        "w-lock",
        "django.db.utils.OperationalError",
        "canceling statement due to lock timeout",
        "ledger.invoices.views in bulk_approve",
        "ledger/invoices/views.py",
    )
    dd(
        "W",
        inc,
        "APM latency by service triggers",
        t(D2, "06:34"),
        "Triggered",
        "ledger-web p95 latency",
        "service:ledger-web",
        msg="p95 of trace.django.request on service:ledger-web is 9.8 s (> 2 s).",
        tags=wtags("service:ledger-web", "kube_deployment:ledger-web"),
        metric="trace.django.request.duration",
    )
    sentry_metric(
        "W",
        inc,
        "failure-rate metric alert critical",
        t(D2, "06:35"),
        "critical",
        "ledger-web failure rate",
        ["ledger"],
        "prd",
        "failure_rate()",
        "",
        "22% failure rate in the last 5 minutes",
        t(D2, "06:34"),
    )
    dd(
        "W",
        inc,
        "APM latency recovers",
        t(D2, "06:58"),
        "Recovered",
        "ledger-web p95 latency",
        "service:ledger-web",
        msg="p95 is 310 ms.",
        tags=wtags("service:ledger-web", "kube_deployment:ledger-web"),
        metric="trace.django.request.duration",
    )
    sentry_metric(
        "W",
        inc,
        "failure-rate metric alert resolved",
        t(D2, "07:01"),
        "resolved",
        "ledger-web failure rate",
        ["ledger"],
        "prd",
        "failure_rate()",
        "",
        "0.8% failure rate in the last 5 minutes",
        t(D2, "06:34"),
    )

    # W11 (morning 2): the API ingress certificate expired.
    inc = "wl-ingress-cert"
    dd(
        "W",
        inc,
        "synthetic TLS check fails",
        t(D2, "07:20"),
        "Triggered",
        "Synthetic: api.whitbarrow.io",
        "check_id:wl-api-https",
        msg="SSL certificate for api.whitbarrow.io expired 2026-03-11T07:12Z.",
        tags=["env:production", "check_id:wl-api-https", "check_type:api"],
        priority="P1",
    )
    splunk(
        inc,
        "ingress-nginx handshake errors",
        t(D2, "07:22"),
        "ingress-nginx errors",
        {
            "_time": f"{t(D2, '07:21').timestamp():.3f}",
            "_raw": "2026/03/11 07:21:04 [error] 31#31: *881204 SSL_do_handshake() failed (SSL: error:0A000086:SSL routines::certificate verify failed) while SSL handshaking to upstream, client: 81.2.69.160, server: api.whitbarrow.io",
            "sourcetype": "kube:container:controller",
            "index": "k8s_prod",
            "host": NODES[0],
            "namespace": "ingress-nginx",
            "pod": pod("ingress-nginx-controller"),
        },
    )
    dd(
        "W",
        inc,
        "synthetic TLS check recovers",
        t(D2, "07:48"),
        "Recovered",
        "Synthetic: api.whitbarrow.io",
        "check_id:wl-api-https",
        msg="api.whitbarrow.io passing.",
        tags=["env:production", "check_id:wl-api-https", "check_type:api"],
        priority="P1",
    )

    # W12 (morning 2): ledger-worker crash-loops on a missing setting after a config change.
    inc = "wl-worker-crashloop"
    dd(
        "W",
        inc,
        "CrashLoopBackOff by deployment triggers",
        t(D2, "08:05"),
        "Triggered",
        "Deployment CrashLoopBackOff",
        "kube_deployment:ledger-worker",
        msg="kubernetes_state.container.status_report.count.waiting{reason:crashloopbackoff} on ledger-worker is 6.",
        tags=wtags("kube_namespace:ledger", "kube_deployment:ledger-worker"),
    )
    sentry_error(
        "W",
        inc,
        "ImproperlyConfigured at worker boot",
        t(D2, "08:05", 30),
        "ledger",
        "w-improper",
        [
            (
                "django.core.exceptions.ImproperlyConfigured",
                "Set the LEDGER_KMS_KEY_ID environment variable",
                [
                    (
                        "/usr/local/lib/python3.11/site-packages/celery/bin/celery.py",
                        "main",
                        236,
                        "return celery(auto_envvar_prefix='CELERY')",
                    ),
                    (
                        "ledger/settings/prd.py",
                        "<module>",
                        88,
                        "KMS_KEY_ID = env('LEDGER_KMS_KEY_ID')",
                    ),
                    (
                        "/usr/local/lib/python3.11/site-packages/environ/environ.py",
                        "get_value",
                        371,
                        "raise ImproperlyConfigured(error_msg) from exc",
                    ),
                ],
            )
        ],
        **wkw(
            transaction="celery worker", server=pod("ledger-worker"), release="ledger@2026.03.10-4"
        ),
    )
    splunk(
        inc,
        "worker boot failure log",
        t(D2, "08:07"),
        "ledger-worker task failures",
        log_row(
            t(D2, "08:07"),
            "ledger-worker",
            pod("ledger-worker"),
            {
                "level": "CRITICAL",
                "logger": "celery.worker",
                "message": "Unrecoverable error: ImproperlyConfigured('Set the LEDGER_KMS_KEY_ID environment variable')",
            },
        ),
    )
    dd(
        "W",
        inc,
        "CrashLoopBackOff recovers",
        t(D2, "08:29"),
        "Recovered",
        "Deployment CrashLoopBackOff",
        "kube_deployment:ledger-worker",
        msg="No waiting containers on ledger-worker.",
        tags=wtags("kube_namespace:ledger", "kube_deployment:ledger-worker"),
    )

    # W13 (morning 2): CoreDNS overloaded; outbound customer webhooks fail to resolve.
    inc = "wl-coredns"
    dd(
        "W",
        inc,
        "CoreDNS errors trigger",
        t(D2, "09:10"),
        "Triggered",
        "CoreDNS SERVFAIL rate",
        "kube_deployment:coredns",
        msg="coredns.response_code_count{rcode:servfail} is 420/s.",
        tags=[
            "env:production",
            "kube_cluster_name:wl-prod-euw1",
            "kube_namespace:kube-system",
            "kube_deployment:coredns",
        ],
    )
    sentry_error(
        "W",
        inc,
        "outbound webhook DNS failure",
        t(D2, "09:11"),
        "ledger",
        "w-gaierror",
        [
            (
                "socket.gaierror",
                "[Errno -3] Temporary failure in name resolution",
                [
                    (
                        "/usr/local/lib/python3.11/site-packages/celery/app/trace.py",
                        "trace_task",
                        453,
                        "R = retval = fun(*args, **kwargs)",
                    ),
                    (
                        "ledger/outbound/tasks.py",
                        "deliver_webhook",
                        48,
                        "resp = client.post(endpoint.url, content=body, headers=sig_headers)",
                    ),
                    (
                        "/usr/local/lib/python3.11/socket.py",
                        "getaddrinfo",
                        962,
                        "for res in _socket.getaddrinfo(host, port, family, type, proto, flags):",
                    ),
                ],
            )
        ],
        **wkw(transaction="ledger.outbound.tasks.deliver_webhook", server=pod("ledger-worker")),
    )
    splunk(
        inc,
        "stats of failed deliveries by service",
        t(D2, "09:14"),
        "Outbound webhook failures by service (10m)",
        {"service": "ledger-worker", "count": "913", "reason": "name resolution"},
    )
    dd(
        "W",
        inc,
        "CoreDNS recovers",
        t(D2, "09:33"),
        "Recovered",
        "CoreDNS SERVFAIL rate",
        "kube_deployment:coredns",
        msg="SERVFAIL back to 0.",
        tags=[
            "env:production",
            "kube_cluster_name:wl-prod-euw1",
            "kube_namespace:kube-system",
            "kube_deployment:coredns",
        ],
    )

    # Decoys, morning 2.
    splunk(
        None,
        "scheduler heartbeat row",
        t(D2, "07:00"),
        "ledger-scheduler heartbeat",
        {
            "_time": f"{t(D2, '06:59').timestamp():.0f}",
            "service": "ledger-scheduler",
            "status": "ok",
            "last_run": "2026-03-11T06:59:00Z",
        },
    )
    sentry_error(
        "W",
        None,
        "handled VAT validation error logged with logger.exception (a user typo)",
        t(D2, "08:12"),
        "ledger",
        "w-vat",
        [
            (
                "ledger.tax.errors.InvalidVatNumber",
                "VIES rejected GB123456789",
                django_stack("ledger/tax/views.py", "validate_vat", 30, "vies.check(number)"),
            )
        ],
        **wkw(handled=True, transaction="/api/tax/vat/"),
    )
    dd(
        "W",
        None,
        "staging worker crashloop at the same time",
        t(D2, "08:09"),
        "Triggered",
        "Deployment CrashLoopBackOff",
        "kube_deployment:ledger-worker-staging",
        msg="ledger-worker-staging crash-looping.",
        tags=[
            "env:staging",
            "kube_namespace:ledger-staging",
            "kube_deployment:ledger-worker-staging",
        ],
    )
    splunk(
        None,
        "404 spike from a crawler",
        t(D2, "09:20"),
        "API 4xx by client (15m)",
        {"client_id": "-", "status": "404", "count": "1290", "user_agent": "SemrushBot/7~bl"},
    )


def main() -> None:
    COMPANY[0] = "Underbarrow Pets"
    company_u()
    COMPANY[0] = "Whitbarrow Ledger"
    company_w()
    rows.sort(key=lambda r: r["at"])  # stable: rows of one minute keep their order
    with OUT.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, separators=(",", ":"), sort_keys=False) + "\n")
    incidents = {r["incident"] for r in rows if r["incident"]}
    decoys = sum(1 for r in rows if r["incident"] is None)
    print(f"{OUT.name}: {len(rows)} rows, {len(incidents)} incidents, {decoys} decoys")


if __name__ == "__main__":
    main()
