"""Write ``incidents-blind5.jsonl``: an outsider's labelled multi-tool incidents of two companies.

Written by a fifth outsider who read neither the incident step, the clustering, the plugins'
mapping code nor the existing incident sets or generators. Report it; never tune on it.

- **Lathkill Orders** (company 1): a B2B ordering SaaS on AWS: ECS services on EC2 hosts
  (``orders-api`` in Python/FastAPI, ``inventory-svc`` in Node/Express, ``billing-svc`` in
  Python, ``export-worker`` in Python reading SQS), Lambda functions (``notify``,
  ``thumbnailer``), DynamoDB tables, SQS queues, ElastiCache Redis, and a React web app whose
  errors name only the API it called. Sentry (one project per service), Datadog through the
  recommended template (APM monitors by ``service``/``resource_name``, infrastructure monitors by
  ``host``, ``queuename``, ``tablename``, ``functionname``, ``cacheclusterid``), PostHog.
- **Linacre Learning** (company 2): a school learning platform on Google Cloud: GKE
  (``classroom-api`` Django, ``grading-worker`` a Pub/Sub subscriber, ``media-svc`` in Go, a
  Next.js ``web``), Cloud SQL Postgres, Pub/Sub, Memorystore. Sentry (one project, the
  ``production`` and ``staging`` environments, the service in a tag or only in
  ``server_name``), Splunk saved searches over GKE container logs and ``stats`` rows, Datadog
  through a template of the team's own, PostHog.

Sources of the shapes (checked with the project's ``search`` tool and the shared spec
``/work/shared/spec/provider-formats.md``):

- Sentry integration-platform webhooks (docs.sentry.io, integration-platform/webhooks: issues,
  errors, issue-alerts, metric-alerts): the ``{action, installation, data, actor}`` envelope,
  ``Request-ID``, ``Sentry-Hook-Resource``, ``Sentry-Hook-Timestamp`` (Unix seconds) and
  ``Sentry-Hook-Signature`` (hex HMAC-SHA256 of the compact body); ``tags`` as ``[key, value]``
  pairs; ``issue_id`` a string; ``count`` a string on issues; ``metric_alert`` with
  ``alert_rule``, ``description_title``, ``description_text``, ``web_url``.
- Datadog Webhooks integration (docs.datadoghq.com/integrations/webhooks): ``$EVENT_TITLE``,
  ``$ALERT_TRANSITION``, ``$ALERT_SCOPE``, ``$TAGS``, ``$DATE`` in milliseconds, ``$EVENT_MSG``
  wrapped in ``%%%``; every value a string; the recommended template of
  ``docs/integrations/datadog.md`` for company 1, a custom template for company 2.
- PostHog HTTP Webhook destination (``{"event": "{event}", "person": "{person}", "project":
  "{project}"}``) with ``$exception`` events and ``$exception_list`` raw ``web:javascript``
  frames (posthog.com/docs/error-tracking).
- Splunk webhook alert action (help.splunk.com, "Use a webhook alert action"): ``sid``,
  ``search_name``, ``app``, ``owner``, ``results_link``, ``result`` = the first row, all strings,
  ``_si`` a list; ``stats`` rows without ``_raw``/``_time``.

Deterministic: ``python bench/data/generate_incidents_blind5.py`` writes the same bytes every run.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import random
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

OUT = Path(__file__).with_name("incidents-blind5.jsonl")
RNG = random.Random(20260310)
SENTRY_SECRET = "b5f0c1d2e3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0"

ROWS: list[dict[str, Any]] = []


def hexid(n: int = 32) -> str:
    return "".join(RNG.choice("0123456789abcdef") for _ in range(n))


def digits(n: int = 19) -> str:
    return str(RNG.randint(1, 9)) + "".join(RNG.choice("0123456789") for _ in range(n - 1))


def uid() -> str:
    return str(uuid.UUID(int=RNG.getrandbits(128), version=4))


def t(day: int, hh: int, mm: int, ss: int = 0) -> datetime:
    return datetime(2026, 3, day, hh, mm, ss, tzinfo=UTC)


def iso(when: datetime, *, z: bool = True, ms: bool = True) -> str:
    text = when.strftime("%Y-%m-%dT%H:%M:%S") + (f".{when.microsecond // 1000:03d}" if ms else "")
    return text + ("Z" if z else "+00:00")


def add(
    source: str, headers: dict[str, str], body: Any, label: str | None, role: str, when: datetime
) -> None:
    ROWS.append(
        {
            "source": source,
            "headers": headers,
            "body": body,
            "incident": label,
            "role": role,
            "at": iso(when, ms=False),
        }
    )


# ---------------------------------------------------------------- Sentry

SENTRY_ORGS = {
    "lathkill": {"slug": "lathkill", "install": "6c1e0b9e-3a52-4e7f-9d1c-2b8f4a6e7d30"},
    "linacre": {"slug": "linacre-learning", "install": "0f9d2a71-5b3c-4c8e-a1d6-73e5c2b9f041"},
}

SENTRY_PROJECTS = {
    # company 1: one project per service
    "orders-api": (4505121, "python", "lathkill"),
    "inventory-svc": (4505122, "node", "lathkill"),
    "billing-svc": (4505123, "python", "lathkill"),
    "export-worker": (4505124, "python", "lathkill"),
    "notify": (4505125, "node", "lathkill"),
    "thumbnailer": (4505126, "node", "lathkill"),
    "web-app": (4505127, "javascript", "lathkill"),
    # company 2: one project for everything
    "linacre": (6601880, "python", "linacre"),
    "linacre-web": (6601881, "javascript", "linacre"),
}


def sentry_headers(resource: str, when: datetime, body: dict[str, Any]) -> dict[str, str]:
    raw = json.dumps(body, separators=(",", ":")).encode()
    return {
        "Content-Type": "application/json",
        "Request-ID": hexid(),
        "Sentry-Hook-Resource": resource,
        "Sentry-Hook-Timestamp": str(int(when.timestamp())),
        "Sentry-Hook-Signature": hmac.new(SENTRY_SECRET.encode(), raw, hashlib.sha256).hexdigest(),
    }


def envelope(org: str, action: str, data: dict[str, Any]) -> dict[str, Any]:
    return {
        "action": action,
        "installation": {"uuid": SENTRY_ORGS[org]["install"]},
        "data": data,
        "actor": {"type": "application", "id": "sentry", "name": "Sentry"},
    }


class Issue:
    """One Sentry issue: its id, short id and the exception it groups."""

    def __init__(
        self,
        project: str,
        short: str,
        exc_type: str,
        value: str,
        culprit: str,
        *,
        filename: str = "",
        function: str = "",
        level: str = "error",
    ) -> None:
        self.project = project
        self.id = digits(10)
        self.short = short
        self.exc_type = exc_type
        self.value = value
        self.culprit = culprit
        self.filename = filename
        self.function = function
        self.level = level
        self.count = 0

    @property
    def org(self) -> str:
        return SENTRY_PROJECTS[self.project][2]

    @property
    def base(self) -> str:
        return f"https://{SENTRY_ORGS[self.org]['slug']}.sentry.io"

    @property
    def api(self) -> str:
        return f"https://sentry.io/api/0/organizations/{SENTRY_ORGS[self.org]['slug']}"


def frame(
    filename: str,
    function: str,
    lineno: int,
    *,
    module: str | None = None,
    in_app: bool = True,
    line: str | None = None,
    abs_path: str | None = None,
    colno: int | None = None,
) -> dict[str, Any]:
    out: dict[str, Any] = {
        "filename": filename,
        "abs_path": abs_path or filename,
        "function": function,
        "module": module,
        "lineno": lineno,
        "in_app": in_app,
    }
    if colno is not None:
        out["colno"] = colno
    if line is not None:
        out["context_line"] = line
    return out


def sentry_event(
    issue: Issue,
    when: datetime,
    frames: list[dict[str, Any]],
    *,
    env: str = "production",
    release: str | None = None,
    tags: dict[str, str] | None = None,
    trace_id: str | None = None,
    user: dict[str, Any] | None = None,
    request: dict[str, Any] | None = None,
    server_name: str | None = None,
    mechanism: str = "generic",
    handled: bool = False,
    cause: dict[str, Any] | None = None,
    transaction: str | None = None,
    sdk: str = "sentry.python",
    contexts: dict[str, Any] | None = None,
    message: str = "",
) -> dict[str, Any]:
    project_id, platform, _ = SENTRY_PROJECTS[issue.project]
    event_id = hexid()
    issue.count += 1
    all_tags = dict(tags or {})
    all_tags.setdefault("environment", env)
    all_tags.setdefault("level", issue.level)
    if release:
        all_tags["release"] = release
    if server_name:
        all_tags["server_name"] = server_name
    if transaction:
        all_tags["transaction"] = transaction
    values = []
    if cause:
        values.append(cause)
    values.append(
        {
            "type": issue.exc_type,
            "value": issue.value,
            "module": None,
            "mechanism": {"type": mechanism, "handled": handled},
            "stacktrace": {"frames": frames},
        }
    )
    ctx: dict[str, Any] = dict(contexts or {})
    if trace_id:
        ctx["trace"] = {"trace_id": trace_id, "span_id": hexid(16), "op": "http.server"}
    slug = SENTRY_ORGS[issue.org]["slug"]
    body: dict[str, Any] = {
        "event_id": event_id,
        "project": project_id,
        "release": release,
        "dist": None,
        "platform": platform,
        "message": message,
        "datetime": iso(when, z=False, ms=True),
        "timestamp": when.timestamp(),
        "received": when.timestamp() + 0.412,
        "tags": sorted([k, v] for k, v in all_tags.items()),
        "environment": env,
        "level": issue.level,
        "culprit": issue.culprit,
        "logger": "",
        "title": f"{issue.exc_type}: {issue.value}"[:200],
        "location": frames[-1]["filename"] if frames else None,
        "transaction": transaction,
        "type": "error",
        "version": "7",
        "exception": {"values": values},
        "contexts": ctx,
        "sdk": {"name": sdk, "version": "8.41.0" if "javascript" in sdk else "2.19.2"},
        "metadata": {
            "type": issue.exc_type,
            "value": issue.value,
            "filename": issue.filename,
            "function": issue.function,
        },
        "fingerprint": ["{{ default }}"],
        "url": f"https://sentry.io/api/0/projects/{slug}/{issue.project}/events/{event_id}/",
        "web_url": f"{issue.base}/issues/{issue.id}/events/{event_id}/",
        "issue_url": f"{issue.api}/issues/{issue.id}/",
        "issue_id": issue.id,
    }
    if user:
        body["user"] = user
    if request:
        body["request"] = request
    if server_name:
        body["server_name"] = server_name
    return body


def sentry_error(issue: Issue, when: datetime, label: str | None, role: str, **kw: Any) -> None:
    frames = kw.pop("frames")
    data = {"error": sentry_event(issue, when, frames, **kw)}
    body = envelope(issue.org, "created", data)
    add("sentry", sentry_headers("error", when, body), body, label, role, when)


def sentry_alert(
    issue: Issue, when: datetime, label: str | None, role: str, rule: str, **kw: Any
) -> None:
    frames = kw.pop("frames")
    data = {
        "event": sentry_event(issue, when, frames, **kw),
        "triggered_rule": rule,
        "issue_alert": {"title": rule, "settings": []},
    }
    body = envelope(issue.org, "triggered", data)
    add("sentry", sentry_headers("event_alert", when, body), body, label, role, when)


def sentry_issue(
    issue: Issue,
    when: datetime,
    label: str | None,
    role: str,
    action: str = "created",
    *,
    first: datetime | None = None,
    users: int = 1,
) -> None:
    project_id, platform, _ = SENTRY_PROJECTS[issue.project]
    status = {"created": "unresolved", "resolved": "resolved"}.get(action, "unresolved")
    data = {
        "issue": {
            "id": issue.id,
            "shortId": issue.short,
            "title": f"{issue.exc_type}: {issue.value}"[:200],
            "culprit": issue.culprit,
            "permalink": None,
            "logger": None,
            "level": issue.level,
            "status": status,
            "substatus": "new" if action == "created" else None,
            "statusDetails": {"inRelease": "latest"} if action == "resolved" else {},
            "priority": "high",
            "platform": platform,
            "project": {
                "id": str(project_id),
                "name": issue.project,
                "slug": issue.project,
                "platform": platform,
            },
            "type": "error",
            "issueType": "error",
            "issueCategory": "error",
            "metadata": {
                "type": issue.exc_type,
                "value": issue.value,
                "filename": issue.filename,
                "function": issue.function,
                "in_app_frame_mix": "mixed",
            },
            "assignedTo": None,
            "isBookmarked": False,
            "isSubscribed": False,
            "hasSeen": False,
            "annotations": [],
            "numComments": 0,
            "isUnhandled": True,
            "count": str(max(issue.count, 1)),
            "userCount": users,
            "firstSeen": iso(first or when, z=False, ms=True),
            "lastSeen": iso(when, z=False, ms=True),
            "url": f"{issue.api}/issues/{issue.id}/",
            "web_url": f"{issue.base}/issues/{issue.id}/",
            "project_url": f"{issue.base}/projects/{issue.project}/",
        }
    }
    body = envelope(issue.org, action, data)
    if action == "resolved":
        body["actor"] = {"type": "user", "id": RNG.randint(100000, 999999), "name": "On-call"}
    add("sentry", sentry_headers("issue", when, body), body, label, role, when)


class MetricAlert:
    def __init__(
        self,
        org: str,
        project: str,
        name: str,
        aggregate: str,
        query: str,
        env: str | None,
        threshold: float,
        window: int = 5,
    ) -> None:
        self.org = org
        self.project = project
        self.name = name
        self.aggregate = aggregate
        self.query = query
        self.env = env
        self.threshold = threshold
        self.window = window
        self.rule_id = RNG.randint(100000, 999999)
        self.incident_id = str(RNG.randint(1000000, 9999999))
        self.identifier = str(RNG.randint(10, 999))
        self.started: datetime | None = None


def sentry_metric(
    alert: MetricAlert, when: datetime, action: str, value: float, label: str | None, role: str
) -> None:
    slug = SENTRY_ORGS[alert.org]["slug"]
    if alert.started is None:
        alert.started = when
    word = {"critical": "Critical", "warning": "Warning", "resolved": "Resolved"}[action]
    rule = {
        "id": str(alert.rule_id),
        "name": alert.name,
        "organization_id": str(SENTRY_PROJECTS[alert.project][0] // 100),
        "status": 0,
        "query_type": 0,
        "dataset": "events",
        "query": alert.query,
        "aggregate": alert.aggregate,
        "threshold_type": 0,
        "resolve_threshold": None,
        "time_window": alert.window,
        "environment": alert.env,
        "resolution": 1,
        "threshold_period": 1,
        "projects": [alert.project],
        "include_all_projects": False,
        "excluded_projects": [],
        "owner": None,
        "comparison_delta": None,
        "date_modified": "2026-01-14T09:12:40.114372Z",
        "date_created": "2025-11-02T16:40:02.981004Z",
        "created_by": None,
        "triggers": [
            {
                "id": str(alert.rule_id + 1),
                "alert_rule_id": str(alert.rule_id),
                "label": "critical",
                "threshold_type": 0,
                "alert_threshold": alert.threshold,
                "resolve_threshold": None,
                "date_created": "2025-11-02T16:40:02.991212Z",
                "actions": [
                    {
                        "id": str(alert.rule_id + 2),
                        "alert_rule_trigger_id": str(alert.rule_id + 1),
                        "type": "sentry_app",
                        "target_type": "sentry_app",
                        "target_identifier": str(alert.rule_id + 3),
                        "input_channel_id": None,
                        "integration_id": None,
                        "sentry_app_id": alert.rule_id + 3,
                        "date_created": "2025-11-02T16:40:03.002101Z",
                        "desc": "Send a notification via Soulcaster",
                    }
                ],
            }
        ],
    }
    data = {
        "metric_alert": {
            "id": alert.incident_id,
            "identifier": alert.identifier,
            "organization_id": rule["organization_id"],
            "projects": [alert.project],
            "alert_rule": rule,
            "status": {"critical": 20, "warning": 10, "resolved": 2}[action],
            "status_method": 3 if action == "resolved" else 1,
            "type": 2,
            "title": alert.name,
            "date_started": iso(alert.started, ms=True),
            "date_detected": iso(alert.started, ms=True),
            "date_created": iso(alert.started, ms=True),
            "date_closed": iso(when, ms=True) if action == "resolved" else None,
        },
        "description_text": f"{value:g} {alert.aggregate} in the last {alert.window} minutes"
        + (f"\nFilter: {alert.query}" if alert.query else ""),
        "description_title": f"{word}: {alert.name}",
        "web_url": f"https://{slug}.sentry.io/alerts/rules/details/{alert.rule_id}/"
        f"?alert={alert.identifier}",
    }
    body = envelope(alert.org, action, data)
    add("sentry", sentry_headers("metric_alert", when, body), body, label, role, when)


# ---------------------------------------------------------------- Datadog


class Monitor:
    def __init__(
        self,
        name: str,
        query: str,
        metric: str,
        *,
        priority: str = "P2",
        event_type: str = "query_alert_monitor",
        tags: str = "",
    ) -> None:
        self.id = str(RNG.randint(10000000, 199999999))
        self.name = name
        self.query = query
        self.metric = metric
        self.priority = priority
        self.event_type = event_type
        self.tags = tags
        self.cycles: dict[str, str] = {}


TRANSITION_TYPE = {
    "Triggered": "error",
    "Re-Triggered": "error",
    "Recovered": "success",
    "Warn": "warning",
    "Re-Warn": "warning",
    "No Data": "warning",
    "Renotify": "error",
}


def dd_text(mon: Monitor, transition: str, scope: str, when: datetime, detail: str) -> str:
    stamp = when.strftime("%a %b %d %Y %H:%M:%S UTC")
    kind = "recovered" if transition == "Recovered" else "triggered"
    return (
        f"%%%\n{detail}\n\n@webhook-soulcaster @slack-oncall\n\n**{mon.query}**\n\n"
        f"The monitor was last {kind} at {stamp}.\n\n- - -\n\n"
        f"[[Monitor Status](https://app.datadoghq.com/monitors/{mon.id}?group={scope}"
        f"&from_ts={int(when.timestamp() * 1000) - 900000}&to_ts={int(when.timestamp() * 1000)}"
        f"&event_id={digits()}&link_source=monitor_notif)] · "
        f"[[Edit Monitor](https://app.datadoghq.com/monitors/{mon.id}/edit?link_source=monitor_notif)]"
        "\n%%%"
    )


def rendered(name: str, scope: str) -> str:
    """The monitor name as Datadog renders it: ``{{tag.name}}`` replaced by the group's value."""
    for pair in scope.split(","):
        key, _, value = pair.partition(":")
        name = name.replace("{{" + key + ".name}}", value)
    return name


def dd_common(
    mon: Monitor, transition: str, scope: str, when: datetime
) -> tuple[str, str, str, str]:
    """Event id, cycle key, aggregation key and the monitor's bracketed title."""
    mon.cycles.setdefault(scope, digits())
    cycle = mon.cycles[scope]
    if transition == "Recovered":
        del mon.cycles[scope]
    aggreg = hashlib.md5(f"{mon.id}:{scope}".encode()).hexdigest()
    word = {"No Data": "No data", "Re-Triggered": "Triggered"}.get(transition, transition)
    title = f"[{word} on {{{scope}}}] {rendered(mon.name, scope)}"
    return digits(), cycle, aggreg, title


def datadog_rec(
    mon: Monitor,
    when: datetime,
    transition: str,
    scope: str,
    tags: str,
    detail: str,
    label: str | None,
    role: str,
    *,
    hostname: str = "",
    status: str = "",
) -> None:
    """Company 1: Datadog's Webhooks integration with the recommended template."""
    event_id, cycle, aggreg, title = dd_common(mon, transition, scope, when)
    ms = str(int(when.timestamp() * 1000))
    body = {
        "id": event_id,
        "title": (f"[{mon.priority}] " if transition != "Recovered" else "") + title,
        "body": dd_text(mon, transition, scope, when, detail),
        "event_type": mon.event_type,
        "date": ms,
        "last_updated": ms,
        "org": {"id": "418223", "name": "Lathkill Orders"},
        "alert_id": mon.id,
        "alert_cycle_key": cycle,
        "aggreg_key": aggreg,
        "alert_scope": scope,
        "alert_transition": transition,
        "alert_type": TRANSITION_TYPE[transition],
        "alert_priority": mon.priority,
        "alert_title": title,
        "alert_status": status or f"{mon.metric} over {scope} crossed the threshold",
        "alert_metric": mon.metric,
        "alert_query": mon.query,
        "priority": "normal",
        "tags": ",".join(x for x in (tags, mon.tags, "monitor") if x),
        "hostname": hostname,
        "link": f"https://app.datadoghq.com/event/event?id={event_id}",
        "snapshot": (
            ""
            if transition == "Recovered"
            else f"https://p.datadoghq.com/snapshot/view/dd-snapshots-prod/org_418223/"
            f"{when:%Y-%m-%d}/{hexid(40)}.png"
        ),
    }
    headers = {"Content-Type": "application/json", "X-Soulcaster-Token": "dd-lathkill-hook"}
    add("datadog", headers, body, label, role, when)


def datadog_custom(
    mon: Monitor,
    when: datetime,
    transition: str,
    scope: str,
    tags: str,
    detail: str,
    label: str | None,
    role: str,
) -> None:
    """Company 2: the platform team's own template (no $ID, no $EVENT_MSG markdown)."""
    _event_id, cycle, _aggreg, title = dd_common(mon, transition, scope, when)
    body = {
        "summary": (f"[{mon.priority}] " if transition != "Recovered" else "") + title,
        "state": transition,
        "severity": mon.priority,
        "monitor": {"id": mon.id, "name": rendered(mon.name, scope), "query": mon.query},
        "cycle": cycle,
        "scope": scope,
        "tags": ",".join(x for x in (tags, mon.tags) if x),
        "fired_at": str(int(when.timestamp() * 1000)),
        "details": detail,
        "url": f"https://app.datadoghq.eu/monitors/{mon.id}?group={scope}",
        "source": "datadog",
        "team": "platform-sre",
    }
    headers = {"Content-Type": "application/json", "Authorization": "Bearer dd-linacre-hook"}
    add("datadog", headers, body, label, role, when)


# ---------------------------------------------------------------- PostHog


def posthog_exc(
    company: str,
    when: datetime,
    label: str | None,
    role: str,
    exc_type: str,
    value: str,
    frames: list[tuple[str, str, int, int]],
    url: str,
    *,
    distinct_id: str,
    browser: tuple[str, str, str, str] = ("Chrome", "133", "Mac OS X", "15.3.1"),
    props: dict[str, Any] | None = None,
    mechanism: str = "onunhandledrejection",
    email: str | None = None,
) -> None:
    host = {"lathkill": "https://eu.posthog.com", "linacre": "https://us.posthog.com"}[company]
    pid = {"lathkill": 31877, "linacre": 58210}[company]
    event_uuid = uid()
    path = url.split("/", 3)[3] if url.count("/") >= 3 else ""
    properties: dict[str, Any] = {
        "$exception_list": [
            {
                "type": exc_type,
                "value": value,
                "mechanism": {"type": mechanism, "handled": False, "synthetic": False},
                "stacktrace": {
                    "type": "raw",
                    "frames": [
                        {
                            "filename": f,
                            "function": fn,
                            "lineno": ln,
                            "colno": col,
                            "in_app": "node_modules" not in f and "vendor" not in f,
                            "platform": "web:javascript",
                        }
                        for f, fn, ln, col in frames
                    ],
                },
            }
        ],
        "$exception_level": "error",
        "$current_url": url,
        "$host": url.split("/")[2],
        "$pathname": "/" + path.split("?")[0],
        "$browser": browser[0],
        "$browser_version": browser[1],
        "$os": browser[2],
        "$os_version": browser[3],
        "$device_type": "Desktop",
        "$lib": "web",
        "$lib_version": "1.219.3",
        "$session_id": uid(),
        "$window_id": uid(),
    }
    properties.update(props or {})
    body = {
        "event": {
            "uuid": event_uuid,
            "event": "$exception",
            "distinct_id": distinct_id,
            "properties": properties,
            "elements_chain": "",
            "timestamp": iso(when - timedelta(seconds=RNG.randint(2, 40)), ms=True),
            "url": f"{host}/project/{pid}/events/{event_uuid}",
        },
        "person": {
            "id": uid(),
            "properties": {"email": email} if email else {},
            "name": email or distinct_id,
            "url": f"{host}/project/{pid}/person/{distinct_id}",
        },
        "project": {"id": pid, "name": company.title(), "url": f"{host}/project/{pid}"},
    }
    headers = {"Content-Type": "application/json", "X-Soulcaster-Token": f"ph-{company}-hook"}
    add("posthog", headers, body, label, role, when)


# ---------------------------------------------------------------- Splunk


def splunk(
    when: datetime, search: str, result: dict[str, Any] | None, label: str | None, role: str
) -> None:
    epoch = int(when.timestamp())
    run = f"{epoch - epoch % 300}_{RNG.randint(100, 9999)}"
    sid = f"scheduler__svc-alerts__linacre_ops__RMD5{hexid(18)}_at_{run}"
    body = {
        "sid": sid,
        "search_name": search,
        "app": "linacre_ops",
        "owner": "svc-alerts",
        "results_link": f"https://splunk.linacre.internal:8000/app/linacre_ops/@go?sid={sid}",
        "result": result,
    }
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "Splunk/4F2C9A17-3E6B-4D1A-9C3B-0E7A5F1D2B64",
    }
    add("splunk", headers, body, label, role, when)


def kube_row(
    when: datetime, raw: str, pod: str, container: str, node: str, ns: str = "lc-prod"
) -> dict[str, Any]:
    return {
        "_raw": raw,
        "_time": f"{when.timestamp() - RNG.randint(5, 50):.3f}",
        "_serial": "0",
        "_si": ["idx-gke-02", "gke_containers"],
        "host": node,
        "source": f"/var/log/containers/{pod}_{ns}_{container}-{hexid(64)}.log",
        "sourcetype": f"kube:container:{container}",
        "index": "gke_containers",
        "namespace": ns,
        "pod": pod,
        "container_name": container,
        "cluster_name": "lc-prod-europe-west2",
    }


# ---------------------------------------------------------------- shared frames

PY = "/usr/local/lib/python3.12/site-packages"


def web_frames(chunk: str, fn: str) -> list[tuple[str, str, int, int]]:
    base = "https://app.lathkill.io/assets"
    return [
        (f"{base}/vendor-react-9d1f3c.js", "Ge", 1, 41877),
        (f"{base}/{chunk}", fn, 1, RNG.randint(1000, 90000)),
        (f"{base}/api-client-5c02ab.js", "request", 1, 3321),
    ]


def lathkill() -> None:
    d = 10
    user = {
        "id": "u_88213",
        "email": "procurement@harlow-dental.co.uk",
        "ip_address": "81.2.69.160",
    }
    web_user = {"id": "u_55120", "ip_address": "86.14.201.7"}

    # A1 DynamoDB throttling on the orders table --------------------------------------------
    lab = "lk-dynamo-orders-throttle"
    ddb = Monitor(
        "DynamoDB throttled writes on {{tablename.name}}",
        "sum(last_5m):sum:aws.dynamodb.write_throttle_events{tablename:lathkill-orders-prod} > 50",
        "aws.dynamodb.write_throttle_events",
        priority="P1",
        tags="team:orders",
    )
    scope = "tablename:lathkill-orders-prod"
    datadog_rec(
        ddb,
        t(d, 7, 2),
        "Triggered",
        scope,
        "aws_account:731902244051,region:eu-west-1,tablename:lathkill-orders-prod",
        "Write throttling on lathkill-orders-prod: 412 throttled writes in 5 minutes.",
        lab,
        "Datadog monitor on the orders table triggers",
    )
    i_ddb = Issue(
        "orders-api",
        "ORDERS-API-3K",
        "ProvisionedThroughputExceededException",
        "An error occurred (ProvisionedThroughputExceededException) when calling the PutItem "
        "operation (reached max retries: 4): The level of configured provisioned throughput "
        "for the table was exceeded. Consider increasing your provisioning level with the "
        "UpdateTable API.",
        "app.repositories.orders in save_order",
        filename="app/repositories/orders.py",
        function="save_order",
    )
    ddb_frames = [
        frame(f"{PY}/starlette/routing.py", "app", 74, module="starlette.routing", in_app=False),
        frame(
            "app/routes/orders.py",
            "create_order",
            58,
            module="app.routes.orders",
            line="order = await orders.save_order(draft)",
        ),
        frame(
            "app/repositories/orders.py",
            "save_order",
            41,
            module="app.repositories.orders",
            line="self.table.put_item(Item=item, ConditionExpression='attribute_not_exists(pk)')",
        ),
        frame(
            f"{PY}/botocore/client.py",
            "_make_api_call",
            1023,
            module="botocore.client",
            in_app=False,
        ),
    ]
    sentry_issue(i_ddb, t(d, 7, 3, 10), lab, "Sentry issue created in orders-api")
    sentry_error(
        i_ddb,
        t(d, 7, 3, 40),
        lab,
        "Sentry error in orders-api",
        frames=ddb_frames,
        release="orders-api@5.1.7",
        tags={"service": "orders-api", "url": "https://api.lathkill.io/api/orders"},
        trace_id=hexid(),
        user=user,
        server_name="ip-10-20-3-41.eu-west-1.compute.internal",
        request={"url": "https://api.lathkill.io/api/orders", "method": "POST"},
        transaction="POST /api/orders",
    )
    i_ddb2 = Issue(
        "export-worker",
        "EXPORT-WORKER-1D",
        "ClientError",
        "An error occurred (ProvisionedThroughputExceededException) when calling the Query "
        "operation (reached max retries: 9): The level of configured provisioned throughput "
        "for the table was exceeded.",
        "worker.jobs.order_export in fetch_page",
        filename="worker/jobs/order_export.py",
        function="fetch_page",
    )
    sentry_error(
        i_ddb2,
        t(d, 7, 5, 2),
        lab,
        "Sentry error in export-worker querying the same table",
        frames=[
            frame("worker/main.py", "handle_message", 88, module="worker.main"),
            frame(
                "worker/jobs/order_export.py",
                "fetch_page",
                112,
                module="worker.jobs.order_export",
                line="resp = self.orders.query(KeyConditionExpression=key, "
                "ExclusiveStartKey=start)",
            ),
            frame(
                f"{PY}/botocore/client.py",
                "_make_api_call",
                1023,
                module="botocore.client",
                in_app=False,
            ),
        ],
        release="export-worker@2.3.0",
        tags={"queue": "lathkill-export-jobs"},
        server_name="ip-10-20-5-12.eu-west-1.compute.internal",
    )
    posthog_exc(
        "lathkill",
        t(d, 7, 4, 30),
        lab,
        "PostHog $exception: web app's order submit got 503",
        "Error",
        "Request failed: 503 Service Unavailable (POST /api/orders)",
        web_frames("checkout-51aa0e.js", "submitOrder"),
        "https://app.lathkill.io/orders/new?basket=b_77120",
        distinct_id="u_88213",
        email="procurement@harlow-dental.co.uk",
    )
    datadog_rec(
        ddb,
        t(d, 7, 31),
        "Recovered",
        scope,
        "aws_account:731902244051,region:eu-west-1,tablename:lathkill-orders-prod",
        "Write throttling on lathkill-orders-prod is back under 50.",
        lab,
        "Datadog monitor recovers",
    )

    # staging decoy in the same minutes: a load test throttling the staging table
    i_stg = Issue(
        "orders-api",
        "ORDERS-API-3M",
        "ProvisionedThroughputExceededException",
        "An error occurred (ProvisionedThroughputExceededException) when calling the PutItem "
        "operation (reached max retries: 4): Rate of requests exceeds the allowed throughput.",
        "app.repositories.orders in save_order",
        filename="app/repositories/orders.py",
        function="save_order",
    )
    sentry_error(
        i_stg,
        t(d, 7, 4, 5),
        None,
        "decoy: staging orders-api throttled by a load test",
        frames=ddb_frames,
        env="staging",
        release="orders-api@5.2.0-rc.1",
        tags={"service": "orders-api", "loadtest": "k6-nightly"},
        server_name="ip-10-40-1-9.eu-west-1.compute.internal",
        request={"url": "https://api.staging.lathkill.io/api/orders", "method": "POST"},
        transaction="POST /api/orders",
    )
    sentry_issue(i_stg, t(d, 7, 4, 20), None, "decoy: staging issue created")

    # A2 bad deploy of inventory-svc 2.14.0 -------------------------------------------------
    lab = "lk-inventory-deploy-2-14"
    apm_err = Monitor(
        "High error rate on {{service.name}} {{resource_name.name}}",
        "sum(last_5m):sum:trace.express.request.errors{env:prod} by {service,resource_name}"
        ".as_count() / sum:trace.express.request.hits{env:prod} by {service,resource_name}"
        ".as_count() > 0.05",
        "trace.express.request.errors",
        tags="team:catalog",
    )
    i_inv = Issue(
        "inventory-svc",
        "INVENTORY-SVC-8P",
        "TypeError",
        "Cannot read properties of undefined (reading 'sku')",
        "mapStockRow(src/stock/mapper)",
        filename="/app/src/stock/mapper.js",
        function="mapStockRow",
    )
    inv_frames = [
        frame(
            "node:internal/process/task_queues",
            "process.processTicksAndRejections",
            95,
            in_app=False,
        ),
        frame(
            "/app/src/routes/stock.js",
            "getAvailability",
            44,
            module="src.routes.stock",
            line="const rows = items.map(mapStockRow);",
            colno=27,
        ),
        frame(
            "/app/src/stock/mapper.js",
            "mapStockRow",
            12,
            module="src.stock.mapper",
            line="  sku: row.variant.sku,",
            colno=22,
        ),
    ]
    sentry_issue(i_inv, t(d, 8, 11), lab, "Sentry issue in inventory-svc after deploy")
    for k, sec in enumerate((20, 52)):
        sentry_error(
            i_inv,
            t(d, 8, 11 + k, sec),
            lab,
            "Sentry error in inventory-svc",
            frames=inv_frames,
            release="inventory-svc@2.14.0",
            sdk="sentry.javascript.node",
            tags={"runtime": "node v20.18.1", "ecs.task_family": "inventory-svc"},
            trace_id=hexid(),
            server_name="ip-10-20-4-77.eu-west-1.compute.internal",
            request={
                "url": "http://inventory-svc.internal:3000/v1/stock/availability",
                "method": "GET",
            },
            transaction="GET /v1/stock/availability",
        )
    scope = "resource_name:get_/v1/stock/availability,service:inventory-svc"
    datadog_rec(
        apm_err,
        t(d, 8, 14),
        "Triggered",
        scope,
        "env:prod,resource_name:get_/v1/stock/availability,service:inventory-svc,version:2.14.0",
        "inventory-svc GET /v1/stock/availability error rate is 38.2% (threshold 5%).",
        lab,
        "Datadog APM error-rate monitor on the inventory resource",
    )
    i_web_inv = Issue(
        "web-app",
        "WEB-APP-2R1",
        "Error",
        "HTTP 502 from GET /api/inventory/availability",
        "loadAvailability(src/features/catalog/useAvailability)",
        filename="src/features/catalog/useAvailability.ts",
        function="loadAvailability",
    )
    sentry_error(
        i_web_inv,
        t(d, 8, 13, 5),
        lab,
        "Sentry web-app error naming only the API path",
        frames=[
            frame(
                "https://app.lathkill.io/assets/catalog-7e21f9.js",
                "loadAvailability",
                1,
                colno=22871,
                abs_path="https://app.lathkill.io/assets/catalog-7e21f9.js",
            ),
            frame(
                "https://app.lathkill.io/assets/api-client-5c02ab.js",
                "request",
                1,
                colno=3321,
                abs_path="https://app.lathkill.io/assets/api-client-5c02ab.js",
            ),
        ],
        release="web-app@2026.03.09-2",
        sdk="sentry.javascript.react",
        user=web_user,
        tags={"browser": "Chrome 133", "url": "https://app.lathkill.io/catalog/dental-consumables"},
        request={"url": "https://app.lathkill.io/catalog/dental-consumables"},
        mechanism="onunhandledrejection",
    )
    # decoy: billing-svc p99 warn at the same time that clears itself
    apm_lat = Monitor(
        "p99 latency on {{service.name}}",
        "percentile(last_10m):p99:trace.flask.request{env:prod} by {service} > 2",
        "trace.flask.request",
        priority="P3",
    )
    datadog_rec(
        apm_lat,
        t(d, 8, 15),
        "Warn",
        "service:billing-svc",
        "env:prod,service:billing-svc",
        "billing-svc p99 is 1.6s (warning at 1.5s).",
        None,
        "decoy: billing-svc latency warning that clears itself",
    )
    datadog_rec(
        apm_lat,
        t(d, 8, 24),
        "Recovered",
        "service:billing-svc",
        "env:prod,service:billing-svc",
        "billing-svc p99 is back to 0.4s.",
        None,
        "decoy: billing-svc latency recovers",
    )
    datadog_rec(
        apm_err,
        t(d, 8, 33),
        "Recovered",
        scope,
        "env:prod,resource_name:get_/v1/stock/availability,service:inventory-svc,version:2.13.4",
        "Error rate back to 0.1% after rollback to 2.13.4.",
        lab,
        "APM monitor recovers after the rollback",
    )
    sentry_issue(
        i_inv,
        t(d, 8, 36),
        lab,
        "Sentry issue resolved in inventory-svc",
        "resolved",
        first=t(d, 8, 11),
    )

    # A3 payment provider timeouts, re-firing after a lull -----------------------------------
    lab = "lk-stripe-timeouts"
    i_pay = Issue(
        "billing-svc",
        "BILLING-SVC-4T",
        "APIConnectionError",
        "Request req_ was not completed: Network error: ReadTimeout: "
        "HTTPSConnectionPool(host='api.stripe.com', port=443): Read timed out. (read timeout=20)",
        "billing.providers.stripe_gateway in create_payment_intent",
        filename="billing/providers/stripe_gateway.py",
        function="create_payment_intent",
    )
    pay_frames = [
        frame("billing/api/charges.py", "charge", 77, module="billing.api.charges"),
        frame(
            "billing/providers/stripe_gateway.py",
            "create_payment_intent",
            131,
            module="billing.providers.stripe_gateway",
            line="intent = stripe.PaymentIntent.create(amount=cents, currency=cur, **opts)",
        ),
        frame(
            f"{PY}/stripe/_http_client.py",
            "request_with_retries",
            422,
            module="stripe._http_client",
            in_app=False,
        ),
    ]
    cause = {
        "type": "ReadTimeout",
        "value": "HTTPSConnectionPool(host='api.stripe.com', port=443): Read timed out. "
        "(read timeout=20)",
        "module": "requests.exceptions",
        "mechanism": {"type": "chained", "handled": True},
        "stacktrace": {
            "frames": [
                frame(
                    f"{PY}/requests/adapters.py",
                    "send",
                    713,
                    module="requests.adapters",
                    in_app=False,
                )
            ]
        },
    }
    sentry_alert(
        i_pay,
        t(d, 9, 2),
        lab,
        "Sentry issue alert: payment timeouts in billing-svc",
        "Payments errors > 10 in 5m",
        frames=pay_frames,
        cause=cause,
        release="billing-svc@7.4.2",
        tags={"provider": "stripe", "service": "billing-svc"},
        trace_id=hexid(),
        server_name="ip-10-20-3-18.eu-west-1.compute.internal",
        transaction="POST /charges",
    )
    pay_mon = Monitor(
        "Slow requests on {{service.name}} {{resource_name.name}}",
        "avg(last_5m):avg:trace.flask.request.duration{env:prod,service:billing-svc} by "
        "{resource_name} > 8",
        "trace.flask.request.duration",
    )
    scope = "resource_name:post_/charges,service:billing-svc"
    datadog_rec(
        pay_mon,
        t(d, 9, 4),
        "Triggered",
        scope,
        "env:prod,service:billing-svc,resource_name:post_/charges,team:payments",
        "POST /charges averages 19.7s; calls to api.stripe.com are timing out.",
        lab,
        "Datadog APM latency monitor on POST /charges",
    )
    posthog_exc(
        "lathkill",
        t(d, 9, 5, 10),
        lab,
        "PostHog $exception: checkout's payment step",
        "PaymentError",
        "Payment could not be completed (504 from POST /api/billing/charge)",
        web_frames("checkout-51aa0e.js", "confirmPayment"),
        "https://app.lathkill.io/checkout/payment",
        distinct_id="u_31002",
        mechanism="generic",
        props={"order_id": "ord_9X12PL"},
    )
    datadog_rec(
        pay_mon,
        t(d, 9, 19),
        "Recovered",
        scope,
        "env:prod,service:billing-svc,resource_name:post_/charges,team:payments",
        "POST /charges back to 0.9s.",
        lab,
        "latency monitor recovers (lull)",
    )
    # decoy in the same minutes: notify lambda bug
    i_ntf_bug = Issue(
        "notify",
        "NOTIFY-7",
        "TypeError",
        "Cannot read properties of undefined (reading 'email')",
        "renderTemplate(src/templates/render)",
        filename="/var/task/src/templates/render.js",
        function="renderTemplate",
    )
    sentry_error(
        i_ntf_bug,
        t(d, 9, 6),
        None,
        "decoy: notify lambda template bug (unrelated)",
        frames=[
            frame("/var/task/index.js", "handler", 22, line="await send(renderTemplate(msg))"),
            frame(
                "/var/task/src/templates/render.js",
                "renderTemplate",
                9,
                line="to: msg.recipient.email,",
            ),
        ],
        release="notify@1.18.0",
        sdk="sentry.javascript.aws-serverless",
        tags={"aws.lambda.function_name": "lathkill-notify-prod", "cold_start": "false"},
        contexts={"aws_lambda": {"function_name": "lathkill-notify-prod", "aws_request_id": uid()}},
    )
    # re-fire after the lull
    sentry_alert(
        i_pay,
        t(d, 10, 7),
        lab,
        "payment timeouts re-fire after a lull (same issue)",
        "Payments errors > 10 in 5m",
        frames=pay_frames,
        cause=cause,
        release="billing-svc@7.4.2",
        tags={"provider": "stripe", "service": "billing-svc"},
        trace_id=hexid(),
        server_name="ip-10-20-3-18.eu-west-1.compute.internal",
        transaction="POST /charges",
    )
    datadog_rec(
        pay_mon,
        t(d, 10, 9),
        "Triggered",
        scope,
        "env:prod,service:billing-svc,resource_name:post_/charges,team:payments",
        "POST /charges averages 21.3s again.",
        lab,
        "latency monitor re-triggers",
    )
    datadog_rec(
        pay_mon,
        t(d, 10, 27),
        "Recovered",
        scope,
        "env:prod,service:billing-svc,resource_name:post_/charges,team:payments",
        "POST /charges back to 0.8s.",
        lab,
        "latency monitor recovers again",
    )

    # A4 export queue backing up: export-worker OOM --------------------------------------------
    lab = "lk-export-oom-queue"
    q_mon = Monitor(
        "SQS {{queuename.name}} oldest message is old",
        "max(last_10m):max:aws.sqs.approximate_age_of_oldest_message"
        "{queuename:lathkill-export-jobs} > 900",
        "aws.sqs.approximate_age_of_oldest_message",
    )
    ecs_mon = Monitor(
        "ECS task stopped (OOM) in {{task_family.name}}",
        'events("source:amazon_ecs status:error \\"OutOfMemoryError\\"").by("task_family")'
        '.rollup("count").last("10m") > 2',
        "",
        event_type="event_v2_alert",
    )
    datadog_rec(
        ecs_mon,
        t(d, 7, 40),
        "Triggered",
        "task_family:export-worker",
        "cluster_name:lathkill-prod,task_family:export-worker,service:export-worker",
        "3 tasks of export-worker stopped: OutOfMemoryError: Container killed due to memory usage",
        lab,
        "Datadog event monitor: export-worker tasks OOM-killed",
    )
    i_mem = Issue(
        "export-worker",
        "EXPORT-WORKER-1F",
        "MemoryError",
        "",
        "worker.jobs.order_export in build_csv",
        filename="worker/jobs/order_export.py",
        function="build_csv",
    )
    sentry_error(
        i_mem,
        t(d, 7, 38, 30),
        lab,
        "Sentry MemoryError in export-worker",
        frames=[
            frame("worker/main.py", "handle_message", 88, module="worker.main"),
            frame(
                "worker/jobs/order_export.py",
                "build_csv",
                164,
                module="worker.jobs.order_export",
                line="rows = list(self.iter_rows(job))",
            ),
        ],
        release="export-worker@2.3.0",
        tags={"queue": "lathkill-export-jobs"},
        server_name="ip-10-20-5-12.eu-west-1.compute.internal",
    )
    datadog_rec(
        q_mon,
        t(d, 7, 52),
        "Triggered",
        "queuename:lathkill-export-jobs",
        "aws_account:731902244051,queuename:lathkill-export-jobs,region:eu-west-1",
        "Oldest message in lathkill-export-jobs is 1,840s old.",
        lab,
        "SQS age monitor on the export queue",
    )
    posthog_exc(
        "lathkill",
        t(d, 7, 58),
        lab,
        "PostHog $exception: CSV export never finishes",
        "ExportTimeoutError",
        "Export exp_4412 did not finish within 300s",
        web_frames("reports-3b7d20.js", "pollExport"),
        "https://app.lathkill.io/reports/orders?range=q1",
        distinct_id="u_10488",
        mechanism="generic",
    )
    datadog_rec(
        q_mon,
        t(d, 8, 40),
        "Recovered",
        "queuename:lathkill-export-jobs",
        "aws_account:731902244051,queuename:lathkill-export-jobs,region:eu-west-1",
        "Queue drained.",
        lab,
        "SQS monitor recovers",
    )

    # A5 notify lambda: SES throttling, DLQ fills ---------------------------------------------
    lab = "lk-ses-throttle"
    i_ses = Issue(
        "notify",
        "NOTIFY-9",
        "Throttling",
        "Maximum sending rate exceeded.",
        "sendEmail(src/channels/ses)",
        filename="/var/task/src/channels/ses.js",
        function="sendEmail",
    )
    sentry_error(
        i_ses,
        t(d, 9, 31),
        lab,
        "Sentry error in notify lambda (SES throttling)",
        frames=[
            frame("/var/task/index.js", "handler", 31, line="await Promise.all(batch.map(send))"),
            frame(
                "/var/task/src/channels/ses.js",
                "sendEmail",
                18,
                line="return ses.send(new SendEmailCommand(params));",
            ),
            frame(
                "/var/task/node_modules/@smithy/smithy-client/dist-cjs/index.js",
                "send",
                210,
                in_app=False,
            ),
        ],
        release="notify@1.18.0",
        sdk="sentry.javascript.aws-serverless",
        tags={"aws.lambda.function_name": "lathkill-notify-prod", "cold_start": "false"},
        contexts={"aws_lambda": {"function_name": "lathkill-notify-prod", "aws_request_id": uid()}},
    )
    lam_mon = Monitor(
        "Lambda {{functionname.name}} errors",
        "sum(last_5m):sum:aws.lambda.errors{functionname:lathkill-notify-prod} > 20",
        "aws.lambda.errors",
    )
    datadog_rec(
        lam_mon,
        t(d, 9, 33),
        "Triggered",
        "functionname:lathkill-notify-prod",
        "aws_account:731902244051,functionname:lathkill-notify-prod,region:eu-west-1",
        "57 errors in 5 minutes.",
        lab,
        "Datadog Lambda errors monitor",
    )
    dlq_mon = Monitor(
        "Messages in DLQ {{queuename.name}}",
        "max(last_5m):max:aws.sqs.approximate_number_of_messages_visible"
        "{queuename:lathkill-notify-dlq} > 0",
        "aws.sqs.approximate_number_of_messages_visible",
        priority="P3",
    )
    datadog_rec(
        dlq_mon,
        t(d, 9, 38),
        "Triggered",
        "queuename:lathkill-notify-dlq",
        "aws_account:731902244051,queuename:lathkill-notify-dlq,region:eu-west-1",
        "214 messages in lathkill-notify-dlq.",
        lab,
        "DLQ monitor on the notify queue",
    )

    # A6 disk full on one ECS host ---------------------------------------------------------------
    lab = "lk-host-disk-full"
    host = "i-0a7c31e9d2b4f5068"
    disk = Monitor(
        "Disk almost full on {{host.name}}",
        "max(last_5m):max:system.disk.in_use{role:ecs-prod} by {host,device} > 0.95",
        "system.disk.in_use",
    )
    datadog_rec(
        disk,
        t(d, 10, 41),
        "Triggered",
        f"device:/dev/nvme1n1,host:{host}",
        f"availability-zone:eu-west-1b,device:/dev/nvme1n1,host:{host},role:ecs-prod",
        f"/dev/nvme1n1 on {host} is 99.1% full (docker overlay).",
        lab,
        "Datadog disk monitor on the ECS host",
        hostname=host,
    )
    i_disk = Issue(
        "orders-api",
        "ORDERS-API-3T",
        "OSError",
        "[Errno 28] No space left on device",
        "app.documents.invoice_pdf in render",
        filename="app/documents/invoice_pdf.py",
        function="render",
    )
    sentry_error(
        i_disk,
        t(d, 10, 43),
        lab,
        "Sentry ENOSPC in orders-api on that host",
        frames=[
            frame("app/routes/invoices.py", "download_invoice", 33, module="app.routes.invoices"),
            frame(
                "app/documents/invoice_pdf.py",
                "render",
                71,
                module="app.documents.invoice_pdf",
                line="with tempfile.NamedTemporaryFile(suffix='.pdf') as fh:",
            ),
            frame(
                "/usr/local/lib/python3.12/tempfile.py",
                "NamedTemporaryFile",
                577,
                module="tempfile",
                in_app=False,
            ),
        ],
        release="orders-api@5.1.7",
        tags={"service": "orders-api", "host": host},
        server_name="ip-10-20-4-77.eu-west-1.compute.internal",
        trace_id=hexid(),
        transaction="GET /api/invoices/{invoice_id}/pdf",
    )
    i_disk2 = Issue(
        "inventory-svc",
        "INVENTORY-SVC-8W",
        "Error",
        "ENOSPC: no space left on device, write",
        "Object.writeSync(node:fs)",
        filename="node:fs",
        function="writeSync",
    )
    sentry_error(
        i_disk2,
        t(d, 10, 44),
        lab,
        "Sentry ENOSPC in inventory-svc on the same host",
        frames=[
            frame(
                "/app/src/jobs/snapshot.js", "writeSnapshot", 27, line="fs.writeFileSync(p, csv)"
            ),
            frame("node:fs", "Object.writeSync", 927, in_app=False),
        ],
        release="inventory-svc@2.13.4",
        sdk="sentry.javascript.node",
        tags={"ecs.task_family": "inventory-svc"},
        server_name="ip-10-20-4-77.eu-west-1.compute.internal",
    )
    # decoy: another host warns and recovers alone
    datadog_rec(
        disk,
        t(d, 10, 42),
        "Warn",
        "device:/dev/nvme1n1,host:i-05e2b8c7a9d1f3346",
        "availability-zone:eu-west-1a,device:/dev/nvme1n1,host:i-05e2b8c7a9d1f3346,role:ecs-prod",
        "/dev/nvme1n1 on i-05e2b8c7a9d1f3346 is 91% full.",
        None,
        "decoy: another host's disk warning",
        hostname="i-05e2b8c7a9d1f3346",
    )
    datadog_rec(
        disk,
        t(d, 10, 53),
        "Recovered",
        "device:/dev/nvme1n1,host:i-05e2b8c7a9d1f3346",
        "availability-zone:eu-west-1a,device:/dev/nvme1n1,host:i-05e2b8c7a9d1f3346,role:ecs-prod",
        "Log rotation freed space.",
        None,
        "decoy: that warning recovers",
        hostname="i-05e2b8c7a9d1f3346",
    )
    datadog_rec(
        disk,
        t(d, 11, 5),
        "Recovered",
        f"device:/dev/nvme1n1,host:{host}",
        f"availability-zone:eu-west-1b,device:/dev/nvme1n1,host:{host},role:ecs-prod",
        "docker system prune ran; 62% used.",
        lab,
        "disk monitor recovers",
        hostname=host,
    )

    # A7 ElastiCache sessions cluster unreachable -------------------------------------------------
    lab = "lk-redis-sessions"
    rmon = Monitor(
        "ElastiCache {{cacheclusterid.name}} connections dropped",
        "avg(last_5m):avg:aws.elasticache.curr_connections"
        "{cacheclusterid:lathkill-sessions-001} < 5",
        "aws.elasticache.curr_connections",
        priority="P1",
    )
    datadog_rec(
        rmon,
        t(d, 8, 52),
        "Triggered",
        "cacheclusterid:lathkill-sessions-001",
        "aws_account:731902244051,cacheclusterid:lathkill-sessions-001,engine:redis,"
        "region:eu-west-1",
        "Current connections fell to 0 (node replacement in progress).",
        lab,
        "Datadog ElastiCache monitor",
    )
    i_redis = Issue(
        "orders-api",
        "ORDERS-API-3P",
        "ConnectionError",
        "Error 110 connecting to lathkill-sessions-001.x7k2pq.0001.euw1.cache.amazonaws.com:6379. "
        "Connection timed out.",
        "app.auth.sessions in load_session",
        filename="app/auth/sessions.py",
        function="load_session",
    )
    sentry_error(
        i_redis,
        t(d, 8, 53),
        lab,
        "Sentry redis ConnectionError in orders-api",
        frames=[
            frame("app/middleware/auth.py", "dispatch", 29, module="app.middleware.auth"),
            frame(
                "app/auth/sessions.py",
                "load_session",
                18,
                module="app.auth.sessions",
                line="raw = await self.redis.get(f'sess:{sid}')",
            ),
            frame(
                f"{PY}/redis/asyncio/connection.py",
                "connect",
                297,
                module="redis.asyncio.connection",
                in_app=False,
            ),
        ],
        release="orders-api@5.1.7",
        tags={"service": "orders-api"},
        server_name="ip-10-20-3-41.eu-west-1.compute.internal",
        trace_id=hexid(),
        transaction="GET /api/orders",
    )
    i_redis2 = Issue(
        "inventory-svc",
        "INVENTORY-SVC-8X",
        "MaxRetriesPerRequestError",
        "Reached the max retries per request limit (which is 20). Refer to "
        '"maxRetriesPerRequest" option for details.',
        "Socket.<anonymous>(node_modules/ioredis/built/redis/event_handler)",
        filename="/app/node_modules/ioredis/built/redis/event_handler.js",
        function="Socket.<anonymous>",
    )
    sentry_error(
        i_redis2,
        t(d, 8, 54),
        lab,
        "Sentry ioredis error in inventory-svc",
        frames=[
            frame(
                "/app/src/middleware/session.js",
                "requireSession",
                15,
                line="const s = await redis.get(`sess:${sid}`);",
            ),
            frame(
                "/app/node_modules/ioredis/built/redis/event_handler.js",
                "Socket.<anonymous>",
                182,
                in_app=False,
            ),
        ],
        release="inventory-svc@2.13.4",
        sdk="sentry.javascript.node",
        tags={"ecs.task_family": "inventory-svc"},
    )
    posthog_exc(
        "lathkill",
        t(d, 8, 55),
        lab,
        "PostHog $exception: users logged out (401 /api/session)",
        "Error",
        "Request failed: 401 Unauthorized (GET /api/session)",
        web_frames("app-shell-0a9e44.js", "refreshSession"),
        "https://app.lathkill.io/orders",
        distinct_id="u_20931",
        mechanism="generic",
    )
    datadog_rec(
        rmon,
        t(d, 9, 12),
        "Recovered",
        "cacheclusterid:lathkill-sessions-001",
        "aws_account:731902244051,cacheclusterid:lathkill-sessions-001,engine:redis,"
        "region:eu-west-1",
        "Connections back to 212.",
        lab,
        "ElastiCache monitor recovers",
    )

    # A8 expired internal certificate between orders-api and billing-svc --------------------------
    lab = "lk-internal-cert-expired"
    cert = Monitor(
        "TLS certificate expired on {{url.name}}",
        '"tls.cert_expiration_days".over("url:https://billing.internal.lathkill.io").last(2)'
        ".count_by_status()",
        "tls.cert_expiration_days",
        event_type="service_check",
        priority="P1",
    )
    datadog_rec(
        cert,
        t(d, 10, 0),
        "Triggered",
        "url:https://billing.internal.lathkill.io",
        "url:https://billing.internal.lathkill.io,service:billing-svc,env:prod",
        "certificate expired 0 days ago (notAfter=Mar 10 09:59:59 2026 GMT)",
        lab,
        "Datadog TLS check on the billing ALB",
    )
    i_ssl = Issue(
        "orders-api",
        "ORDERS-API-3V",
        "SSLError",
        "HTTPSConnectionPool(host='billing.internal.lathkill.io', port=443): Max retries "
        "exceeded with url: /charges (Caused by SSLError(SSLCertVerificationError(1, "
        "'[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: certificate has expired "
        "(_ssl.c:1010)')))",
        "app.clients.billing in charge",
        filename="app/clients/billing.py",
        function="charge",
    )
    sentry_issue(i_ssl, t(d, 10, 1), lab, "Sentry issue: orders-api cannot reach billing (TLS)")
    i_web_co = Issue(
        "web-app",
        "WEB-APP-2S4",
        "Error",
        "HTTP 502 from POST /api/orders/checkout",
        "placeOrder(src/features/checkout/placeOrder)",
        filename="src/features/checkout/placeOrder.ts",
        function="placeOrder",
    )
    sentry_error(
        i_web_co,
        t(d, 10, 2),
        lab,
        "Sentry web-app 502 from the checkout API",
        frames=[
            frame("https://app.lathkill.io/assets/checkout-51aa0e.js", "placeOrder", 1, colno=8812),
            frame("https://app.lathkill.io/assets/api-client-5c02ab.js", "request", 1, colno=3321),
        ],
        release="web-app@2026.03.09-2",
        sdk="sentry.javascript.react",
        user=user,
        request={"url": "https://app.lathkill.io/checkout/review"},
        mechanism="onunhandledrejection",
    )
    posthog_exc(
        "lathkill",
        t(d, 10, 3),
        lab,
        "PostHog $exception: checkout review 502",
        "Error",
        "Request failed: 502 Bad Gateway (POST /api/orders/checkout)",
        web_frames("checkout-51aa0e.js", "placeOrder"),
        "https://app.lathkill.io/checkout/review",
        distinct_id="u_88213",
        email="procurement@harlow-dental.co.uk",
    )
    datadog_rec(
        cert,
        t(d, 10, 38),
        "Recovered",
        "url:https://billing.internal.lathkill.io",
        "url:https://billing.internal.lathkill.io,service:billing-svc,env:prod",
        "certificate valid for 397 days",
        lab,
        "TLS check recovers after renewal",
    )

    # A9 bad deploy of orders-api 5.2.0 (across the callers) --------------------------------------
    d2 = 11
    lab = "lk-orders-deploy-5-2"
    i_key = Issue(
        "orders-api",
        "ORDERS-API-41",
        "KeyError",
        "'currency'",
        "app.serializers.order in to_public",
        filename="app/serializers/order.py",
        function="to_public",
    )
    for k in range(2):
        sentry_error(
            i_key,
            t(d2, 7, 14 + k * 2, 9),
            lab,
            "Sentry KeyError in orders-api 5.2.0",
            frames=[
                frame("app/routes/orders.py", "get_order", 92, module="app.routes.orders"),
                frame(
                    "app/serializers/order.py",
                    "to_public",
                    37,
                    module="app.serializers.order",
                    line="'total': money(o['total'], o['currency']),",
                ),
            ],
            release="orders-api@5.2.0",
            tags={"service": "orders-api"},
            trace_id=hexid(),
            server_name="ip-10-20-3-41.eu-west-1.compute.internal",
            request={"url": "https://api.lathkill.io/api/orders/ord_7Q2LMX", "method": "GET"},
            transaction="GET /api/orders/{order_id}",
        )
    datadog_rec(
        apm_err,
        t(d2, 7, 17),
        "Triggered",
        "resource_name:get_/api/orders/_order_id_,service:orders-api",
        "env:prod,resource_name:get_/api/orders/_order_id_,service:orders-api,version:5.2.0",
        "orders-api GET /api/orders/{order_id} error rate is 22.9%.",
        lab,
        "Datadog APM error monitor on the orders resource",
    )
    i_web_o = Issue(
        "web-app",
        "WEB-APP-2T0",
        "Error",
        "HTTP 500 from GET /api/orders/ord_7Q2LMX",
        "loadOrder(src/features/orders/useOrder)",
        filename="src/features/orders/useOrder.ts",
        function="loadOrder",
    )
    sentry_error(
        i_web_o,
        t(d2, 7, 16),
        lab,
        "Sentry web-app 500 naming the order API path",
        frames=[
            frame("https://app.lathkill.io/assets/orders-2c11d7.js", "loadOrder", 1, colno=5120),
            frame("https://app.lathkill.io/assets/api-client-5c02ab.js", "request", 1, colno=3321),
        ],
        release="web-app@2026.03.09-2",
        sdk="sentry.javascript.react",
        user=web_user,
        request={"url": "https://app.lathkill.io/orders/ord_7Q2LMX"},
        mechanism="onunhandledrejection",
    )
    posthog_exc(
        "lathkill",
        t(d2, 7, 18),
        lab,
        "PostHog $exception: order page 500",
        "Error",
        "Request failed: 500 Internal Server Error (GET /api/orders/ord_8B1KTQ)",
        web_frames("orders-2c11d7.js", "loadOrder"),
        "https://app.lathkill.io/orders/ord_8B1KTQ",
        distinct_id="u_61177",
        browser=("Safari", "18.3", "Mac OS X", "15.3.1"),
    )
    datadog_rec(
        apm_err,
        t(d2, 7, 39),
        "Recovered",
        "resource_name:get_/api/orders/_order_id_,service:orders-api",
        "env:prod,resource_name:get_/api/orders/_order_id_,service:orders-api,version:5.2.1",
        "Error rate back to 0.2% on 5.2.1.",
        lab,
        "APM monitor recovers on the fix",
    )
    sentry_issue(
        i_key, t(d2, 7, 41), lab, "Sentry issue resolved in 5.2.1", "resolved", first=t(d2, 7, 14)
    )
    # decoy: a deploy notice as a Datadog event monitor (info)
    dep = Monitor(
        "ECS deployment completed",
        'events("source:amazon_ecs \\"deployment completed\\"").rollup("count").last("5m") > 0',
        "",
        priority="P5",
        event_type="event_v2_alert",
    )
    datadog_rec(
        dep,
        t(d2, 7, 37),
        "Triggered",
        "service:orders-api",
        "cluster_name:lathkill-prod,service:orders-api",
        "(service orders-api) has reached a steady state. Deployment ecs-svc/9120 completed "
        "(orders-api:5.2.1).",
        None,
        "decoy: deploy notice for the fix",
    )

    # A10 inventory-svc memory leak: restarts, latency, timeouts in callers ----------------------
    lab = "lk-inventory-leak"
    mem = Monitor(
        "Container memory high on {{ecs_container_name.name}}",
        "avg(last_10m):avg:ecs.containerinsights.memory_utilized{ecs_cluster:lathkill-prod} by "
        "{ecs_container_name} > 90",
        "ecs.containerinsights.memory_utilized",
    )
    datadog_rec(
        mem,
        t(d2, 8, 30),
        "Triggered",
        "ecs_container_name:inventory-svc",
        "ecs_cluster:lathkill-prod,ecs_container_name:inventory-svc,env:prod",
        "inventory-svc containers at 97% of 1 GiB; 4 restarts in 30 minutes.",
        lab,
        "Datadog container memory monitor",
    )
    i_to = Issue(
        "orders-api",
        "ORDERS-API-44",
        "ReadTimeout",
        "timed out",
        "app.clients.inventory in reserve",
        filename="app/clients/inventory.py",
        function="reserve",
    )
    sentry_error(
        i_to,
        t(d2, 8, 33),
        lab,
        "Sentry httpx ReadTimeout in orders-api calling inventory",
        frames=[
            frame("app/routes/orders.py", "create_order", 61, module="app.routes.orders"),
            frame(
                "app/clients/inventory.py",
                "reserve",
                40,
                module="app.clients.inventory",
                line="r = await self.http.post("
                "'http://inventory-svc.internal:3000/v1/reservations', json=body)",
            ),
            frame(
                f"{PY}/httpx/_transports/default.py",
                "handle_async_request",
                118,
                module="httpx._transports.default",
                in_app=False,
            ),
        ],
        release="orders-api@5.2.1",
        tags={"service": "orders-api", "peer.service": "inventory-svc"},
        trace_id=hexid(),
        transaction="POST /api/orders",
    )
    posthog_exc(
        "lathkill",
        t(d2, 8, 35),
        lab,
        "PostHog $exception: 504 from the availability API",
        "Error",
        "Request failed: 504 Gateway Timeout (GET /api/inventory/availability)",
        web_frames("catalog-7e21f9.js", "loadAvailability"),
        "https://app.lathkill.io/catalog/orthodontics",
        distinct_id="u_40021",
        browser=("Firefox", "136.0", "Windows", "10"),
    )
    datadog_rec(
        mem,
        t(d2, 8, 51),
        "Recovered",
        "ecs_container_name:inventory-svc",
        "ecs_cluster:lathkill-prod,ecs_container_name:inventory-svc,env:prod",
        "Memory at 41% after restarts.",
        lab,
        "memory monitor recovers (restarts)",
    )
    datadog_rec(
        mem,
        t(d2, 9, 44),
        "Triggered",
        "ecs_container_name:inventory-svc",
        "ecs_cluster:lathkill-prod,ecs_container_name:inventory-svc,env:prod",
        "inventory-svc containers at 95% again.",
        lab,
        "memory monitor re-fires after the lull",
    )

    # A11 thumbnailer lambda timing out ----------------------------------------------------------
    lab = "lk-thumbnailer-timeout"
    i_th = Issue(
        "thumbnailer",
        "THUMBNAILER-2",
        "Error",
        "Task timed out after 30.03 seconds",
        "handler(index)",
        filename="/var/task/index.js",
        function="handler",
    )
    sentry_error(
        i_th,
        t(d2, 9, 10),
        lab,
        "Sentry timeout warning in thumbnailer lambda",
        frames=[frame("/var/task/index.js", "handler", 14, line="const img = await sharp(buf)")],
        release="thumbnailer@0.9.3",
        sdk="sentry.javascript.aws-serverless",
        tags={"aws.lambda.function_name": "lathkill-thumbnailer-prod", "timeout": "true"},
        contexts={
            "aws_lambda": {
                "function_name": "lathkill-thumbnailer-prod",
                "aws_request_id": uid(),
                "remaining_time_in_millis": 0,
            }
        },
        mechanism="AWSLambda",
        handled=False,
    )
    dur = Monitor(
        "Lambda {{functionname.name}} duration near timeout",
        "max(last_5m):max:aws.lambda.duration.maximum"
        "{functionname:lathkill-thumbnailer-prod} > 28000",
        "aws.lambda.duration.maximum",
        priority="P3",
    )
    datadog_rec(
        dur,
        t(d2, 9, 12),
        "Triggered",
        "functionname:lathkill-thumbnailer-prod",
        "aws_account:731902244051,functionname:lathkill-thumbnailer-prod,region:eu-west-1",
        "Max duration 30,030 ms (timeout 30,000 ms).",
        lab,
        "Datadog Lambda duration monitor",
    )

    # A12 invoice bucket AccessDenied after an IAM change ---------------------------------------
    lab = "lk-invoices-s3-denied"
    i_s3 = Issue(
        "billing-svc",
        "BILLING-SVC-4Z",
        "ClientError",
        "An error occurred (AccessDenied) when calling the PutObject operation: User: "
        "arn:aws:sts::731902244051:assumed-role/billing-svc-task/4b1f9e is not authorized to "
        'perform: s3:PutObject on resource: "arn:aws:s3:::lathkill-invoices-prod/2026/03/'
        'INV-20417.pdf" because no identity-based policy allows the s3:PutObject action',
        "billing.invoices.store in upload_pdf",
        filename="billing/invoices/store.py",
        function="upload_pdf",
    )
    sentry_error(
        i_s3,
        t(d2, 10, 20),
        lab,
        "Sentry AccessDenied in billing-svc",
        frames=[
            frame(
                "billing/invoices/store.py",
                "upload_pdf",
                22,
                module="billing.invoices.store",
                line="self.s3.put_object(Bucket=BUCKET, Key=key, Body=pdf)",
            ),
            frame(
                f"{PY}/botocore/client.py",
                "_make_api_call",
                1023,
                module="botocore.client",
                in_app=False,
            ),
        ],
        release="billing-svc@7.4.2",
        tags={"service": "billing-svc"},
        server_name="ip-10-20-3-18.eu-west-1.compute.internal",
    )
    ma = MetricAlert(
        "lathkill", "billing-svc", "billing-svc errors", "count()", "level:error", "production", 25
    )
    sentry_metric(ma, t(d2, 10, 24), "critical", 61, lab, "Sentry metric alert critical")
    posthog_exc(
        "lathkill",
        t(d2, 10, 26),
        lab,
        "PostHog $exception: invoice download 500",
        "Error",
        "Request failed: 500 Internal Server Error (GET /api/invoices/INV-20417/pdf)",
        web_frames("billing-ui-8f0c31.js", "downloadInvoice"),
        "https://app.lathkill.io/billing/invoices",
        distinct_id="u_88213",
        email="procurement@harlow-dental.co.uk",
    )
    sentry_metric(ma, t(d2, 10, 49), "resolved", 3, lab, "Sentry metric alert resolved")

    # more decoys -------------------------------------------------------------------------------
    i_ro = Issue(
        "web-app",
        "WEB-APP-1ZZ",
        "Error",
        "ResizeObserver loop completed with undelivered notifications.",
        "?(<anonymous>)",
    )
    sentry_error(
        i_ro,
        t(d2, 7, 15, 30),
        None,
        "decoy: ResizeObserver noise in web-app",
        frames=[],
        release="web-app@2026.03.09-2",
        sdk="sentry.javascript.react",
        request={"url": "https://app.lathkill.io/orders/ord_7Q2LMX"},
        mechanism="onerror",
    )
    posthog_exc(
        "lathkill",
        t(d2, 8, 34),
        None,
        "decoy: browser extension error in PostHog",
        "TypeError",
        "Cannot read properties of null (reading 'postMessage')",
        [("chrome-extension://aeblfdkhhhdcdjpifhhbdiojplfjncoa/content.js", "inject", 1, 902)],
        "https://app.lathkill.io/catalog/orthodontics",
        distinct_id="u_70310",
    )
    canary = Monitor(
        "Synthetic canary login journey",
        'synthetics("check_id:abc-4kq-91x").over("*").last(2).count_by_status()',
        "synthetics.test_runs",
        priority="P4",
        event_type="synthetics_alert",
    )
    datadog_rec(
        canary,
        t(d, 9, 50),
        "No Data",
        "check_id:abc-4kq-91x",
        "check_id:abc-4kq-91x,env:prod,team:web",
        "No data for 20 minutes (private location restarting).",
        None,
        "decoy: canary no-data",
    )
    lcp = MetricAlert(
        "lathkill",
        "web-app",
        "web-app p75 LCP",
        "p75(measurements.lcp)",
        "transaction:/catalog/*",
        "production",
        4000,
    )
    sentry_metric(lcp, t(d, 7, 20), "warning", 3120, None, "decoy: LCP warning")
    sentry_metric(lcp, t(d, 7, 45), "resolved", 2210, None, "decoy: LCP warning resolves")
    datadog_rec(
        rmon,
        t(d2, 9, 30),
        "Warn",
        "cacheclusterid:lathkill-sessions-002",
        "aws_account:731902244051,cacheclusterid:lathkill-sessions-002,engine:redis",
        "Connections at 9 on the replica (maintenance window).",
        None,
        "decoy: replica cache warn during maintenance",
    )
    datadog_rec(
        rmon,
        t(d2, 9, 41),
        "Recovered",
        "cacheclusterid:lathkill-sessions-002",
        "aws_account:731902244051,cacheclusterid:lathkill-sessions-002,engine:redis",
        "Connections back.",
        None,
        "decoy: replica recovers",
    )


def linacre() -> None:
    d = 10
    ns = "lc-prod"
    node = "gke-lc-prod-default-pool-7f3a2c1e-x9qd"
    node2 = "gke-lc-prod-default-pool-7f3a2c1e-m2vb"

    def sentry_py(issue: Issue, when: datetime, label: str | None, role: str, **kw: Any) -> None:
        kw.setdefault("env", "production")
        kw.setdefault("release", "linacre@2026.03.09.1")
        sentry_error(issue, when, label, role, **kw)

    def log(
        when: datetime,
        level: str,
        logger: str,
        msg: str,
        pod: str,
        container: str,
        extra: dict[str, Any] | None = None,
        exc: str | None = None,
    ) -> str:
        rec: dict[str, Any] = {
            "timestamp": iso(when, ms=True),
            "level": level,
            "logger": logger,
            "event": msg,
        }
        rec.update(extra or {})
        if exc:
            rec["exception"] = exc
        line = json.dumps(rec)
        return f"{iso(when, ms=True)} stderr F {line}"

    def stats(
        when: datetime, search: str, row: dict[str, str], label: str | None, role: str
    ) -> None:
        splunk(when, search, row, label, role)

    gcp_tags = "project_id:linacre-prod,region:europe-west2"

    # B1 Cloud SQL failover --------------------------------------------------------------------
    lab = "lc-cloudsql-failover"
    sql = Monitor(
        "Cloud SQL {{database_id.name}} is down or failing over",
        "max(last_5m):max:gcp.cloudsql.database.up{*} by {database_id} < 1",
        "gcp.cloudsql.database.up",
        priority="P1",
    )
    datadog_custom(
        sql,
        t(d, 9, 20),
        "Triggered",
        "database_id:linacre-prod:lc-prod-pg-01",
        f"{gcp_tags},database_id:linacre-prod:lc-prod-pg-01,env:production",
        "Cloud SQL lc-prod-pg-01 reported down; automatic failover to the standby in "
        "europe-west2-b started.",
        lab,
        "Datadog (custom template) Cloud SQL monitor",
    )
    i_op = Issue(
        "linacre",
        "LINACRE-5HC",
        "OperationalError",
        "server closed the connection unexpectedly\n\tThis probably means the server terminated "
        "abnormally\n\tbefore or while processing the request.",
        "/api/classes/{class_id}/assignments",
        filename="django/db/backends/utils.py",
        function="_execute",
    )
    sentry_py(
        i_op,
        t(d, 9, 21),
        lab,
        "Sentry OperationalError, classroom-api (server_name only)",
        frames=[
            frame(
                "classroom/views/assignments.py", "list", 48, module="classroom.views.assignments"
            ),
            frame(
                f"{PY}/django/db/backends/utils.py",
                "_execute",
                105,
                module="django.db.backends.utils",
                in_app=False,
            ),
        ],
        server_name="classroom-api-6d8f7b9c5-h2kq4",
        trace_id=hexid(),
        transaction="/api/classes/{class_id}/assignments",
        request={"url": "https://api.linacre.school/api/classes/9921/assignments", "method": "GET"},
        user={"id": "t-30117", "segment": "teacher"},
    )
    i_op2 = Issue(
        "linacre",
        "LINACRE-5HD",
        "OperationalError",
        'connection to server at "10.94.0.3", port 5432 failed: Connection refused\n\tIs the '
        "server running on that host and accepting TCP/IP connections?",
        "grading.consumers in handle_submission",
        filename="grading/consumers.py",
        function="handle_submission",
    )
    sentry_py(
        i_op2,
        t(d, 9, 22),
        lab,
        "Sentry OperationalError in grading-worker (service tag)",
        frames=[
            frame("grading/consumers.py", "handle_submission", 66, module="grading.consumers"),
            frame(
                f"{PY}/psycopg/connection.py",
                "connect",
                119,
                module="psycopg.connection",
                in_app=False,
            ),
        ],
        server_name="grading-worker-5b9d6c7f44-tq8zn",
        tags={"service": "grading-worker", "pubsub.subscription": "grading-worker-sub"},
    )
    stats(
        t(d, 9, 25),
        "5xx by service (5m)",
        {
            "service": "classroom-api",
            "namespace": ns,
            "status": "503",
            "count": "388",
            "route": "/api/classes/<id>/assignments",
            "sample_trace_id": hexid(),
        },
        lab,
        "Splunk stats row counting 503s",
    )
    posthog_exc(
        "linacre",
        t(d, 9, 23),
        lab,
        "PostHog $exception: teacher dashboard 503",
        "AxiosError",
        "Request failed with status code 503",
        [
            (
                "https://app.linacre.school/_next/static/chunks/pages/classes/[id]-4a1c0b2e.js",
                "loadAssignments",
                1,
                7712,
            ),
            ("https://app.linacre.school/_next/static/chunks/framework-9b1f4e.js", "Ji", 1, 65503),
        ],
        "https://app.linacre.school/classes/9921",
        distinct_id="t-30117",
        props={"service": "web", "environment": "production"},
    )
    datadog_custom(
        sql,
        t(d, 9, 31),
        "Recovered",
        "database_id:linacre-prod:lc-prod-pg-01",
        f"{gcp_tags},database_id:linacre-prod:lc-prod-pg-01,env:production",
        "lc-prod-pg-01 up on the new primary.",
        lab,
        "Cloud SQL monitor recovers",
    )
    # staging failing at the same time (decoys)
    i_stg = Issue(
        "linacre",
        "LINACRE-5HF",
        "OperationalError",
        'connection to server at "10.96.0.7", port 5432 failed: FATAL:  the database system '
        "is shutting down",
        "grading.consumers in handle_submission",
        filename="grading/consumers.py",
        function="handle_submission",
    )
    sentry_py(
        i_stg,
        t(d, 9, 22, 30),
        None,
        "decoy: staging grading-worker loses its DB (maintenance)",
        frames=[frame("grading/consumers.py", "handle_submission", 66, module="grading.consumers")],
        env="staging",
        release="linacre@2026.03.10.rc2",
        server_name="grading-worker-7c4b8f9d55-p2lfx",
        tags={"service": "grading-worker"},
    )
    sentry_issue(i_stg, t(d, 9, 23), None, "decoy: staging issue created")
    datadog_custom(
        sql,
        t(d, 9, 21),
        "Triggered",
        "database_id:linacre-staging:lc-stg-pg-01",
        "project_id:linacre-staging,region:europe-west2,database_id:linacre-staging:lc-stg-pg-01,"
        "env:staging",
        "Staging instance restarting for maintenance.",
        None,
        "decoy: staging Cloud SQL monitor",
    )

    # B2 grading-worker bad release ------------------------------------------------------------
    lab = "lc-grading-deploy"
    i_rub = Issue(
        "linacre",
        "LINACRE-5J2",
        "KeyError",
        "'rubric_id'",
        "grading.scoring in score_submission",
        filename="grading/scoring.py",
        function="score_submission",
    )
    sentry_py(
        i_rub,
        t(d, 10, 5),
        lab,
        "Sentry KeyError in grading-worker",
        frames=[
            frame("grading/consumers.py", "handle_submission", 71, module="grading.consumers"),
            frame(
                "grading/scoring.py",
                "score_submission",
                29,
                module="grading.scoring",
                line="rubric = rubrics[payload['rubric_id']]",
            ),
        ],
        release="linacre@2026.03.10.1",
        server_name="grading-worker-84f6c9d7b-2wxrt",
        tags={"service": "grading-worker"},
    )
    pod = "grading-worker-84f6c9d7b-2wxrt"
    splunk(
        t(d, 10, 6),
        "grading-worker errors",
        kube_row(
            t(d, 10, 6),
            log(
                t(d, 10, 5, 40),
                "error",
                "grading.consumers",
                "submission handling failed",
                pod,
                "grading-worker",
                {
                    "submission_id": "sub_118273",
                    "message_id": "9104882771650213",
                    "logging.googleapis.com/trace": f"projects/linacre-prod/traces/{hexid()}",
                },
                exc='Traceback (most recent call last):\n  File "/app/grading/consumers.py", '
                "line 71, in handle_submission\n    result = score_submission(payload)\n  File "
                '"/app/grading/scoring.py", line 29, in score_submission\n    rubric = '
                "rubrics[payload['rubric_id']]\nKeyError: 'rubric_id'",
            ),
            pod,
            "grading-worker",
            node,
        ),
        lab,
        "Splunk container-log row with the traceback",
    )
    sub = Monitor(
        "Pub/Sub backlog on {{subscription_id.name}}",
        "avg(last_10m):avg:gcp.pubsub.subscription.num_undelivered_messages{*} by "
        "{subscription_id} > 5000",
        "gcp.pubsub.subscription.num_undelivered_messages",
    )
    datadog_custom(
        sub,
        t(d, 10, 14),
        "Triggered",
        "subscription_id:grading-worker-sub",
        f"{gcp_tags},subscription_id:grading-worker-sub,topic_id:submissions",
        "12,480 undelivered messages on grading-worker-sub.",
        lab,
        "Datadog Pub/Sub backlog monitor",
    )
    datadog_custom(
        sub,
        t(d, 10, 40),
        "Recovered",
        "subscription_id:grading-worker-sub",
        f"{gcp_tags},subscription_id:grading-worker-sub,topic_id:submissions",
        "Backlog drained.",
        lab,
        "backlog monitor recovers",
    )
    sentry_issue(
        i_rub,
        t(d, 10, 42),
        lab,
        "Sentry issue resolved after rollback",
        "resolved",
        first=t(d, 10, 5),
    )

    # B3 media-svc memory leak, pods OOM-killed, re-fires ----------------------------------------
    lab = "lc-media-oom"
    oom = Monitor(
        "Pods OOMKilled in {{kube_deployment.name}}",
        "change(max(last_5m),last_5m):max:kubernetes_state.container.status_report.count."
        "terminated{reason:oomkilled} by {kube_deployment} > 0",
        "kubernetes_state.container.status_report.count.terminated",
    )
    datadog_custom(
        oom,
        t(d, 7, 40),
        "Triggered",
        "kube_deployment:media-svc",
        f"kube_cluster_name:lc-prod,kube_namespace:{ns},kube_deployment:media-svc,"
        "service:media-svc",
        "3 containers of media-svc terminated with OOMKilled.",
        lab,
        "Datadog kube OOMKilled monitor",
    )
    splunk(
        t(d, 7, 41),
        "k8s OOMKilled events",
        {
            "_raw": json.dumps(
                {
                    "kind": "Event",
                    "reason": "OOMKilling",
                    "type": "Warning",
                    "involvedObject": {
                        "kind": "Pod",
                        "namespace": ns,
                        "name": "media-svc-7f9c6d5b8-kq2lp",
                    },
                    "message": "Memory cgroup out of memory: Killed process 1 (media-svc) "
                    "total-vm:2291748kB, anon-rss:1048112kB",
                    "source": {"component": "kernel-monitor", "host": node2},
                }
            ),
            "_time": f"{t(d, 7, 39, 12).timestamp():.3f}",
            "host": node2,
            "sourcetype": "kube:objects:events",
            "index": "gke_events",
            "source": "kubernetes",
            "namespace": ns,
        },
        lab,
        "Splunk k8s event row (OOMKilling)",
    )
    i_up = Issue(
        "linacre-web",
        "LINACRE-WEB-R8",
        "Error",
        "502 from POST /api/media/upload-url",
        "requestUploadUrl(lib/media/upload)",
        filename="lib/media/upload.ts",
        function="requestUploadUrl",
    )
    sentry_error(
        i_up,
        t(d, 7, 42),
        lab,
        "Sentry web error naming only the media API",
        frames=[
            frame(
                "app:///_next/static/chunks/app/assignments/[id]/submit/page-1c2d.js",
                "requestUploadUrl",
                1,
                colno=3120,
            ),
        ],
        env="production",
        release="web@4.22.0",
        sdk="sentry.javascript.nextjs",
        user={"id": "s-771203", "segment": "student"},
        request={"url": "https://app.linacre.school/assignments/5521/submit"},
        mechanism="onunhandledrejection",
    )
    posthog_exc(
        "linacre",
        t(d, 7, 43),
        lab,
        "PostHog $exception: video upload fails",
        "Error",
        "Upload failed (502)",
        [
            (
                "https://app.linacre.school/_next/static/chunks/app/assignments/[id]/submit/page-1c2d.js",
                "requestUploadUrl",
                1,
                3120,
            )
        ],
        "https://app.linacre.school/assignments/5521/submit",
        distinct_id="s-771203",
        browser=("Chrome", "133", "Chrome OS", "15786.48.0"),
    )
    datadog_custom(
        oom,
        t(d, 7, 55),
        "Recovered",
        "kube_deployment:media-svc",
        f"kube_cluster_name:lc-prod,kube_namespace:{ns},kube_deployment:media-svc",
        "No new OOMKilled containers.",
        lab,
        "OOM monitor recovers",
    )
    # decoy: node CPU warning in the same minutes
    cpu = Monitor(
        "Node CPU high on {{host.name}}",
        "avg(last_10m):avg:kubernetes.cpu.usage.total{kube_cluster_name:lc-prod} by {host} > 85",
        "kubernetes.cpu.usage.total",
        priority="P4",
    )
    datadog_custom(
        cpu,
        t(d, 7, 41),
        "Warn",
        f"host:{node}",
        f"kube_cluster_name:lc-prod,host:{node}",
        "CPU 81% (nightly report jobs).",
        None,
        "decoy: node CPU warn",
    )
    datadog_custom(
        cpu,
        t(d, 7, 58),
        "Recovered",
        f"host:{node}",
        f"kube_cluster_name:lc-prod,host:{node}",
        "CPU 35%.",
        None,
        "decoy: node CPU recovers",
    )
    datadog_custom(
        oom,
        t(d, 8, 50),
        "Triggered",
        "kube_deployment:media-svc",
        f"kube_cluster_name:lc-prod,kube_namespace:{ns},kube_deployment:media-svc,"
        "service:media-svc",
        "2 containers of media-svc terminated with OOMKilled.",
        lab,
        "OOM monitor re-fires after the lull",
    )
    splunk(
        t(d, 8, 51),
        "k8s OOMKilled events",
        {
            "_raw": json.dumps(
                {
                    "kind": "Event",
                    "reason": "OOMKilling",
                    "type": "Warning",
                    "involvedObject": {
                        "kind": "Pod",
                        "namespace": ns,
                        "name": "media-svc-7f9c6d5b8-zz81c",
                    },
                    "message": "Memory cgroup out of memory: Killed process 1 (media-svc) "
                    "total-vm:2290012kB, anon-rss:1048402kB",
                    "source": {"component": "kernel-monitor", "host": node},
                }
            ),
            "_time": f"{t(d, 8, 49, 40).timestamp():.3f}",
            "host": node,
            "sourcetype": "kube:objects:events",
            "index": "gke_events",
            "source": "kubernetes",
            "namespace": ns,
        },
        lab,
        "Splunk OOMKilling row again",
    )

    # B4 expired certificate on the public API ingress -------------------------------------------
    lab = "lc-api-cert-expired"
    ssl = Monitor(
        "SSL certificate on {{instance.name}} expires soon",
        '"http.ssl.days_left".over("instance:api.linacre.school").by("instance").last(2)'
        ".count_by_status()",
        "http.ssl.days_left",
        priority="P1",
    )
    datadog_custom(
        ssl,
        t(d, 8, 0),
        "Triggered",
        "instance:api.linacre.school",
        "instance:api.linacre.school,url:https://api.linacre.school,env:production",
        "Certificate for api.linacre.school expired at 2026-03-10T08:00:00Z.",
        lab,
        "Datadog SSL check on the API hostname",
    )
    i_ff = Issue(
        "linacre-web",
        "LINACRE-WEB-RB",
        "TypeError",
        "Failed to fetch",
        "fetchJson(lib/api/client)",
        filename="lib/api/client.ts",
        function="fetchJson",
    )
    sentry_error(
        i_ff,
        t(d, 8, 2),
        lab,
        "Sentry web 'Failed to fetch' calling api.linacre.school",
        frames=[frame("app:///_next/static/chunks/app/layout-88a1.js", "fetchJson", 1, colno=921)],
        env="production",
        release="web@4.22.0",
        sdk="sentry.javascript.nextjs",
        tags={"url": "https://app.linacre.school/dashboard"},
        request={"url": "https://app.linacre.school/dashboard"},
        mechanism="onunhandledrejection",
    )
    posthog_exc(
        "linacre",
        t(d, 8, 3),
        lab,
        "PostHog $exception: Failed to fetch on the dashboard",
        "TypeError",
        "Failed to fetch",
        [
            (
                "https://app.linacre.school/_next/static/chunks/app/layout-88a1.js",
                "fetchJson",
                1,
                921,
            )
        ],
        "https://app.linacre.school/dashboard",
        distinct_id="s-660188",
        browser=("Safari", "17.6", "iOS", "17.6.1"),
        props={"request_url": "https://api.linacre.school/api/me"},
    )

    # B5 plagiarism-check API timing out, Pub/Sub backlog ----------------------------------------
    d2 = 11
    lab = "lc-copycheck-timeouts"
    i_cc = Issue(
        "linacre",
        "LINACRE-5K9",
        "ReadTimeout",
        "The read operation timed out",
        "grading.originality in check_originality",
        filename="grading/originality.py",
        function="check_originality",
    )
    sentry_py(
        i_cc,
        t(d2, 8, 5),
        lab,
        "Sentry httpx ReadTimeout in grading-worker",
        frames=[
            frame(
                "grading/originality.py",
                "check_originality",
                52,
                module="grading.originality",
                line="resp = await client.post(f'{COPYCHECK_URL}/v2/scans', json=doc)",
            ),
            frame(f"{PY}/httpx/_client.py", "send", 1629, module="httpx._client", in_app=False),
        ],
        server_name="grading-worker-84f6c9d7b-l9mcx",
        tags={"service": "grading-worker", "peer": "api.copycheck.io"},
    )
    pod = "grading-worker-84f6c9d7b-l9mcx"
    splunk(
        t(d2, 8, 7),
        "grading-worker warnings",
        kube_row(
            t(d2, 8, 7),
            log(
                t(d2, 8, 6, 51),
                "warning",
                "grading.originality",
                "copycheck scan timed out after 30s; nacking for redelivery",
                pod,
                "grading-worker",
                {
                    "submission_id": "sub_120991",
                    "attempt": 4,
                    "logging.googleapis.com/trace": f"projects/linacre-prod/traces/{hexid()}",
                },
            ),
            pod,
            "grading-worker",
            node,
        ),
        lab,
        "Splunk warning log row",
    )
    datadog_custom(
        sub,
        t(d2, 8, 12),
        "Triggered",
        "subscription_id:grading-worker-sub",
        f"{gcp_tags},subscription_id:grading-worker-sub,topic_id:submissions",
        "8,210 undelivered messages on grading-worker-sub; oldest 41 minutes.",
        lab,
        "Pub/Sub backlog monitor",
    )
    i_wc = Issue(
        "linacre",
        "LINACRE-5KA",
        "ValueError",
        "word count must be non-negative, got -1",
        "grading.essay in word_count",
        filename="grading/essay.py",
        function="word_count",
    )
    sentry_py(
        i_wc,
        t(d2, 8, 9),
        None,
        "decoy: unrelated ValueError in grading-worker, same minutes",
        frames=[frame("grading/essay.py", "word_count", 14, module="grading.essay")],
        server_name="grading-worker-84f6c9d7b-2wxrt",
        tags={"service": "grading-worker"},
    )
    datadog_custom(
        sub,
        t(d2, 8, 46),
        "Recovered",
        "subscription_id:grading-worker-sub",
        f"{gcp_tags},subscription_id:grading-worker-sub,topic_id:submissions",
        "Backlog drained.",
        lab,
        "backlog monitor recovers",
    )

    # B6 Memorystore timeouts on the API ---------------------------------------------------------
    lab = "lc-memorystore-timeouts"
    i_rt = Issue(
        "linacre",
        "LINACRE-5KF",
        "TimeoutError",
        "Timeout reading from 10.94.8.4:6379",
        "django_redis.client.default in get",
        filename="django_redis/client/default.py",
        function="get",
    )
    sentry_py(
        i_rt,
        t(d2, 9, 2),
        lab,
        "Sentry redis TimeoutError in classroom-api",
        frames=[
            frame("accounts/middleware.py", "__call__", 22, module="accounts.middleware"),
            frame(
                f"{PY}/django_redis/client/default.py",
                "get",
                261,
                module="django_redis.client.default",
                in_app=False,
            ),
        ],
        server_name="classroom-api-6d8f7b9c5-h2kq4",
        transaction="/api/auth/session",
        tags={"service": "classroom-api"},
    )
    ema = MetricAlert(
        "linacre",
        "linacre",
        "classroom-api error rate",
        "failure_rate()",
        "service:classroom-api",
        "production",
        0.05,
    )
    sentry_metric(ema, t(d2, 9, 4), "critical", 0.17, lab, "Sentry metric alert critical")
    stats(
        t(d2, 9, 5),
        "5xx by service (5m)",
        {
            "service": "classroom-api",
            "namespace": ns,
            "status": "500",
            "count": "231",
            "route": "/api/auth/session",
            "error": "redis.exceptions.TimeoutError",
        },
        lab,
        "Splunk stats row counting 500s on the session route",
    )
    posthog_exc(
        "linacre",
        t(d2, 9, 6),
        lab,
        "PostHog $exception on the login page",
        "AxiosError",
        "Request failed with status code 500",
        [
            (
                "https://app.linacre.school/_next/static/chunks/app/login/page-a01e.js",
                "signIn",
                1,
                2207,
            )
        ],
        "https://app.linacre.school/login",
        distinct_id="anon-7c1e9f0a",
    )
    sentry_metric(ema, t(d2, 9, 29), "resolved", 0.01, lab, "Sentry metric alert resolved")

    # B7 Cloud SQL connection slots exhausted after a scale-up -----------------------------------
    lab = "lc-sql-connections"
    conn = Monitor(
        "Cloud SQL connections near max on {{database_id.name}}",
        "avg(last_5m):avg:gcp.cloudsql.database.postgresql.num_backends{*} by {database_id} > 480",
        "gcp.cloudsql.database.postgresql.num_backends",
    )
    datadog_custom(
        conn,
        t(d2, 10, 10),
        "Triggered",
        "database_id:linacre-prod:lc-prod-pg-01",
        f"{gcp_tags},database_id:linacre-prod:lc-prod-pg-01,env:production",
        "497 backends of max_connections 500 (grading-worker HPA at 40 replicas).",
        lab,
        "Datadog Cloud SQL connections monitor",
    )
    i_slots = Issue(
        "linacre",
        "LINACRE-5KQ",
        "OperationalError",
        'connection to server at "10.94.0.3", port 5432 failed: FATAL:  remaining connection '
        "slots are reserved for non-replication superuser connections",
        "/api/courses/{course_id}",
        filename="django/db/backends/postgresql/base.py",
        function="get_new_connection",
    )
    sentry_py(
        i_slots,
        t(d2, 10, 11),
        lab,
        "Sentry connection-slots error in classroom-api",
        frames=[
            frame(
                f"{PY}/django/db/backends/postgresql/base.py",
                "get_new_connection",
                332,
                module="django.db.backends.postgresql.base",
                in_app=False,
            )
        ],
        server_name="classroom-api-6d8f7b9c5-7rbbn",
        transaction="/api/courses/{course_id}",
    )
    pod = "grading-worker-84f6c9d7b-vv2k9"
    splunk(
        t(d2, 10, 13),
        "grading-worker errors",
        kube_row(
            t(d2, 10, 13),
            log(
                t(d2, 10, 12, 30),
                "error",
                "grading.db",
                "could not open DB connection",
                pod,
                "grading-worker",
                {"db": "lc-prod-pg-01"},
                exc='psycopg.OperationalError: connection to server at "10.94.0.3", port 5432 '
                "failed: FATAL:  remaining connection slots are reserved for non-replication "
                "superuser connections",
            ),
            pod,
            "grading-worker",
            node2,
        ),
        lab,
        "Splunk grading-worker log row (same DB error)",
    )
    datadog_custom(
        conn,
        t(d2, 10, 36),
        "Recovered",
        "database_id:linacre-prod:lc-prod-pg-01",
        f"{gcp_tags},database_id:linacre-prod:lc-prod-pg-01,env:production",
        "212 backends after capping the HPA.",
        lab,
        "connections monitor recovers",
    )

    # B8 classroom-api bad release on the roster endpoint ------------------------------------------
    lab = "lc-roster-deploy"
    i_ros = Issue(
        "linacre",
        "LINACRE-5M1",
        "TypeError",
        "'NoneType' object is not subscriptable",
        "classroom.views.roster in roster",
        filename="classroom/views/roster.py",
        function="roster",
    )
    sentry_py(
        i_ros,
        t(d2, 11, 2),
        lab,
        "Sentry TypeError in classroom-api 2026.03.11.1",
        frames=[
            frame(
                "classroom/views/roster.py",
                "roster",
                37,
                module="classroom.views.roster",
                line="guardian = student.profile['guardian'][0]",
            ),
        ],
        release="linacre@2026.03.11.1",
        server_name="classroom-api-5c7d9f8b6-qq4wd",
        tags={"service": "classroom-api"},
        transaction="/api/courses/{course_id}/roster",
        trace_id=hexid(),
    )
    sentry_issue(i_ros, t(d2, 11, 2, 30), lab, "Sentry issue created")
    stats(
        t(d2, 11, 5),
        "5xx by service (5m)",
        {
            "service": "classroom-api",
            "namespace": ns,
            "status": "500",
            "count": "97",
            "route": "/api/courses/<id>/roster",
            "version": "2026.03.11.1",
        },
        lab,
        "Splunk stats row: 500s on the roster route",
    )
    i_web_r = Issue(
        "linacre-web",
        "LINACRE-WEB-RF",
        "AxiosError",
        "Request failed with status code 500",
        "fetchRoster(lib/api/courses)",
        filename="lib/api/courses.ts",
        function="fetchRoster",
    )
    sentry_error(
        i_web_r,
        t(d2, 11, 3),
        lab,
        "Sentry web AxiosError on the roster page",
        frames=[
            frame(
                "app:///_next/static/chunks/app/courses/[id]/roster/page-77e0.js",
                "fetchRoster",
                1,
                colno=4410,
            )
        ],
        env="production",
        release="web@4.22.0",
        sdk="sentry.javascript.nextjs",
        user={"id": "t-30117"},
        request={"url": "https://app.linacre.school/courses/311/roster"},
        tags={"api.path": "/api/courses/311/roster"},
    )
    posthog_exc(
        "linacre",
        t(d2, 11, 4),
        lab,
        "PostHog $exception on the roster page",
        "AxiosError",
        "Request failed with status code 500",
        [
            (
                "https://app.linacre.school/_next/static/chunks/app/courses/[id]/roster/page-77e0.js",
                "fetchRoster",
                1,
                4410,
            )
        ],
        "https://app.linacre.school/courses/311/roster",
        distinct_id="t-30455",
    )
    sentry_issue(i_ros, t(d2, 11, 31), lab, "Sentry issue resolved", "resolved", first=t(d2, 11, 2))

    # B9 media-svc GCS permission denied ---------------------------------------------------------
    lab = "lc-media-gcs-403"
    i_gcs = Issue(
        "linacre",
        "LINACRE-5KZ",
        "*googleapi.Error",
        "googleapi: Error 403: media-svc@linacre-prod.iam.gserviceaccount.com does not have "
        "storage.objects.create access to the Google Cloud Storage object. Permission "
        "'storage.objects.create' denied on resource (or it may not exist)., forbidden",
        "linacre.school/media/internal/storage.(*Bucket).SignedUpload",
        filename="internal/storage/bucket.go",
        function="(*Bucket).SignedUpload",
    )
    sentry_error(
        i_gcs,
        t(d, 10, 30),
        lab,
        "Sentry Go error in media-svc (server_name only)",
        frames=[
            frame(
                "internal/http/upload.go",
                "(*Handler).UploadURL",
                58,
                module="linacre.school/media/internal/http",
            ),
            frame(
                "internal/storage/bucket.go",
                "(*Bucket).SignedUpload",
                91,
                module="linacre.school/media/internal/storage",
            ),
        ],
        env="production",
        release="media-svc@1.12.0",
        sdk="sentry.go",
        server_name="media-svc-7f9c6d5b8-qp7ds",
    )
    pod = "media-svc-7f9c6d5b8-qp7ds"
    splunk(
        t(d, 10, 31),
        "media-svc errors",
        kube_row(
            t(d, 10, 31),
            f"{iso(t(d, 10, 30, 12))} stderr F "
            + json.dumps(
                {
                    "level": "error",
                    "ts": t(d, 10, 30, 12).timestamp(),
                    "caller": "http/upload.go:61",
                    "msg": "signed upload failed",
                    "bucket": "linacre-prod-media",
                    "error": "googleapi: Error 403: "
                    "media-svc@linacre-prod.iam.gserviceaccount.com does "
                    "not have storage.objects.create access to the Google Cloud Storage object., "
                    "forbidden",
                    "trace_id": hexid(),
                }
            ),
            pod,
            "media-svc",
            node,
        ),
        lab,
        "Splunk zap JSON row",
    )
    lm = Monitor(
        "media-svc error logs",
        'logs("service:media-svc status:error").index("*").rollup("count").last("5m") > 20',
        "",
        event_type="log_alert_monitor",
    )
    datadog_custom(
        lm,
        t(d, 10, 33),
        "Triggered",
        "service:media-svc",
        f"kube_namespace:{ns},service:media-svc,env:production",
        "48 error logs: signed upload failed (googleapi: Error 403).",
        lab,
        "Datadog log monitor on media-svc",
    )

    # B10 kube-dns trouble: classroom-api can't resolve media-svc ------------------------------
    lab = "lc-kube-dns"
    dns = Monitor(
        "kube-dns errors in {{kube_cluster_name.name}}",
        "sum(last_5m):sum:coredns.response_code_count{rcode:servfail} by {kube_cluster_name} > 500",
        "coredns.response_code_count",
    )
    datadog_custom(
        dns,
        t(d2, 7, 30),
        "Triggered",
        "kube_cluster_name:lc-prod",
        "kube_cluster_name:lc-prod,kube_deployment:kube-dns,kube_namespace:kube-system",
        "2,918 SERVFAIL responses in 5 minutes.",
        lab,
        "Datadog kube-dns monitor",
    )
    i_dns = Issue(
        "linacre",
        "LINACRE-5K2",
        "ConnectionError",
        "HTTPConnectionPool(host='media-svc.lc-prod.svc.cluster.local', port=8080): Max retries "
        'exceeded with url: /v1/thumbnails (Caused by NameResolutionError("<urllib3.connection.'
        "HTTPConnection object at 0x7f3a1c2b9e50>: Failed to resolve 'media-svc.lc-prod.svc."
        "cluster.local' ([Errno -3] Temporary failure in name resolution)\"))",
        "classroom.services.media in thumbnail_for",
        filename="classroom/services/media.py",
        function="thumbnail_for",
    )
    sentry_py(
        i_dns,
        t(d2, 7, 31),
        lab,
        "Sentry name-resolution error in classroom-api",
        frames=[
            frame(
                "classroom/services/media.py",
                "thumbnail_for",
                19,
                module="classroom.services.media",
            )
        ],
        server_name="classroom-api-6d8f7b9c5-7rbbn",
        tags={"service": "classroom-api"},
    )
    pod = "grading-worker-84f6c9d7b-2wxrt"
    splunk(
        t(d2, 7, 33),
        "grading-worker errors",
        kube_row(
            t(d2, 7, 33),
            log(
                t(d2, 7, 32, 10),
                "error",
                "google.api_core.bidi",
                "pull stream failed",
                pod,
                "grading-worker",
                {},
                exc="google.api_core.exceptions.ServiceUnavailable: 503 DNS resolution failed for "
                "pubsub.googleapis.com:443: C-ares status is not ARES_SUCCESS qtype=A "
                "name=pubsub.googleapis.com is_balancer=0: Timeout while contacting DNS servers",
            ),
            pod,
            "grading-worker",
            node2,
        ),
        lab,
        "Splunk grading-worker DNS failure row",
    )
    datadog_custom(
        dns,
        t(d2, 7, 49),
        "Recovered",
        "kube_cluster_name:lc-prod",
        "kube_cluster_name:lc-prod,kube_deployment:kube-dns,kube_namespace:kube-system",
        "SERVFAIL back to baseline.",
        lab,
        "kube-dns monitor recovers",
    )

    # B11 Pub/Sub publish denied after a service-account change ----------------------------------
    lab = "lc-pubsub-publish-denied"
    i_pd = Issue(
        "linacre",
        "LINACRE-5M8",
        "PermissionDenied",
        "403 User not authorized to perform this action.",
        "classroom.services.submissions in publish_submission",
        filename="classroom/services/submissions.py",
        function="publish_submission",
    )
    sentry_py(
        i_pd,
        t(d2, 9, 50),
        lab,
        "Sentry PermissionDenied publishing a submission",
        frames=[
            frame(
                "classroom/views/submissions.py", "create", 41, module="classroom.views.submissions"
            ),
            frame(
                "classroom/services/submissions.py",
                "publish_submission",
                27,
                module="classroom.services.submissions",
                line="future = publisher.publish(TOPIC, data, submission_id=str(sub.id))",
            ),
        ],
        server_name="classroom-api-6d8f7b9c5-h2kq4",
        transaction="/api/submissions",
        tags={"service": "classroom-api", "pubsub.topic": "submissions"},
    )
    pod = "classroom-api-6d8f7b9c5-h2kq4"
    splunk(
        t(d2, 9, 52),
        "classroom-api errors",
        kube_row(
            t(d2, 9, 52),
            log(
                t(d2, 9, 51, 2),
                "error",
                "django.request",
                "Internal Server Error: /api/submissions",
                pod,
                "classroom-api",
                {"status_code": 500, "method": "POST"},
                exc="google.api_core.exceptions.PermissionDenied: 403 User not authorized to "
                "perform this action.",
            ),
            pod,
            "classroom-api",
            node,
        ),
        lab,
        "Splunk classroom-api log row",
    )
    posthog_exc(
        "linacre",
        t(d2, 9, 53),
        lab,
        "PostHog $exception: submit fails",
        "Error",
        "Submission failed: 500 from POST /api/submissions",
        [
            (
                "https://app.linacre.school/_next/static/chunks/app/assignments/[id]/submit/page-1c2d.js",
                "submitWork",
                1,
                5521,
            )
        ],
        "https://app.linacre.school/assignments/5530/submit",
        distinct_id="s-771644",
        browser=("Chrome", "133", "Chrome OS", "15786.48.0"),
    )

    # decoys ---------------------------------------------------------------------------------
    splunk(
        t(d, 9, 0),
        "Daily licence usage",
        {"pool": "auto_generated_pool_enterprise", "GB": "41.2", "quota_GB": "100", "pct": "41"},
        None,
        "decoy: daily licence usage report row",
    )
    splunk(
        t(d2, 9, 0),
        "Daily licence usage",
        {"pool": "auto_generated_pool_enterprise", "GB": "39.8", "quota_GB": "100", "pct": "40"},
        None,
        "decoy: daily licence usage report row, next day",
    )
    splunk(
        t(d, 9, 24),
        "4xx scanners",
        {
            "client_ip": "185.220.101.44",
            "status": "404",
            "count": "1290",
            "uri_path": "/wp-login.php",
            "service": "ingress-nginx",
        },
        None,
        "decoy: scanner 404s during the failover",
    )
    i_chunk = Issue(
        "linacre-web",
        "LINACRE-WEB-RD",
        "ChunkLoadError",
        "Loading chunk 412 failed.",
        "__webpack_require__.f.j(webpack/runtime/jsonp chunk loading)",
    )
    sentry_error(
        i_chunk,
        t(d2, 11, 1),
        None,
        "decoy: ChunkLoadError after the web deploy",
        frames=[
            frame(
                "app:///_next/static/chunks/webpack-3d1e.js",
                "__webpack_require__.f.j",
                1,
                colno=3877,
            )
        ],
        env="production",
        release="web@4.23.0",
        sdk="sentry.javascript.nextjs",
        request={"url": "https://app.linacre.school/courses/311"},
    )
    sentry_issue(i_chunk, t(d2, 11, 1, 20), None, "decoy: ChunkLoadError issue created")
    posthog_exc(
        "linacre",
        t(d2, 9, 51),
        None,
        "decoy: AbortError from navigation in Safari",
        "AbortError",
        "The operation was aborted.",
        [
            (
                "https://app.linacre.school/_next/static/chunks/app/layout-88a1.js",
                "fetchJson",
                1,
                921,
            )
        ],
        "https://app.linacre.school/assignments",
        distinct_id="s-602217",
        browser=("Mobile Safari", "18.3", "iOS", "18.3.1"),
    )
    tc = MetricAlert(
        "linacre",
        "linacre",
        "transaction volume drop",
        "count()",
        "event.type:transaction",
        "production",
        200,
    )
    sentry_metric(tc, t(d, 7, 5), "warning", 140, None, "decoy: volume warning before school")
    sentry_metric(tc, t(d, 7, 50), "resolved", 2400, None, "decoy: volume back as school opens")
    hb = Monitor(
        "Heartbeat: nightly gradebook export",
        'events("source:cron gradebook-export").rollup("count").last("1d") < 1',
        "",
        priority="P5",
        event_type="event_v2_alert",
    )
    datadog_custom(
        hb,
        t(d2, 7, 5),
        "Recovered",
        "*",
        "service:gradebook-export,env:production",
        "Heartbeat received: export finished 06:58 UTC.",
        None,
        "decoy: heartbeat OK",
    )


def main() -> None:
    lathkill()
    linacre()
    rows = sorted(enumerate(ROWS), key=lambda p: (p[1]["at"], p[0]))
    with OUT.open("w") as fh:
        for _, row in rows:
            fh.write(json.dumps(row, separators=(",", ":")) + "\n")
    labels = {r["incident"] for r in ROWS if r["incident"]}
    decoys = sum(1 for r in ROWS if r["incident"] is None)
    print(f"{len(ROWS)} rows, {len(labels)} incidents, {decoys} decoy rows -> {OUT.name}")


if __name__ == "__main__":
    main()
