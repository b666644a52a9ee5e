"""Write ``incidents-blind10.jsonl``: labelled multi-tool incidents of two fictional companies,
written by an outsider who read neither the incident step, the clustering, the plugins' mapping
code nor the existing incident sets. Report it, never tune on it.

- Hazelport Travel, an online travel agency on AWS (EKS services search, pricing, booking,
  payments and a GraphQL gateway that names no backend in its errors; Aurora MySQL, ElastiCache,
  SQS; GDS and airline APIs; a React web app), one morning: Sentry with one project per service,
  Datadog through the recommended template (APM and infrastructure monitors by ``service``,
  ``kube_deployment``, ``queuename``, ``dbinstanceidentifier``, ``cacheclusterid`` and external
  host), Splunk saved searches and ``stats`` rows, PostHog ``$exception`` from the web app.
- Hollowmere Health, a hospital scheduling SaaS on Azure VMs and App Service (a .NET monolith,
  a Node notification service, SQL Server with an availability group, Azure Cache for Redis, a
  Mirth HL7 engine), two mornings: one Sentry project with ``production`` and ``staging``,
  Splunk Windows event log, IIS log and journald searches and ``stats`` rows by host, Datadog
  through a webhook template of its own, PostHog from the clinician web app.

Sources for the shapes (each checked against the vendor; the project's notes in
``shared/spec/provider-formats.md``):

- Sentry integration-platform webhooks (``error``, ``issue``, ``event_alert``, ``metric_alert``;
  ``Request-ID``, ``Sentry-Hook-Resource``, ``Sentry-Hook-Timestamp`` in seconds,
  ``Sentry-Hook-Signature`` a hex HMAC-SHA256 of the compact body): getsentry/sentry-docs
  ``docs/organization/integrations/integration-platform/webhooks/*.mdx``; tags as sorted
  ``[key, value]`` pairs, frames oldest first, chained exceptions cause first.
- Datadog Webhooks integration (https://docs.datadoghq.com/integrations/webhooks/): every
  variable a string, ``$DATE`` in milliseconds, ``$ALERT_TRANSITION`` Triggered / Re-Triggered /
  Recovered / Warn, ``$ALERT_SCOPE``, ``$TAGS`` comma-separated; the recommended template of
  ``docs/integrations/datadog.md`` for Hazelport, Hollowmere's own template
  (``summary``/``state``/``monitor_id``/``group``/``dd_tags``/``fired_ms``/``details``/``cycle``).
- PostHog HTTP Webhook destination (``{"event": {event}, "person": {person}}``, person null for
  personless events) with ``$exception`` and ``$exception_list`` (https://posthog.com/docs/
  error-tracking/capture, PostHog/posthog ``webhook.template.ts``).
- Splunk's webhook alert action (``alert_webhook/bin/webhook.py``): ``sid``, ``search_name``,
  ``app``, ``owner``, ``results_link``, ``result`` the first row, all strings, ``_time`` an epoch
  string on event searches and absent on ``stats`` rows; ``User-Agent: Splunk/<guid>``.

Run ``python bench/data/generate_incidents_blind10.py``: the same bytes every run.
"""

# ruff: noqa: E501  (vendor messages and monitor queries are kept whole)
from __future__ import annotations

import hashlib
import hmac
import json
import random
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

OUT = Path(__file__).with_name("incidents-blind10.jsonl")
RNG = random.Random(1010)

Row = dict[str, Any]


def hexid(n: int = 32) -> str:
    return "".join(RNG.choice("0123456789abcdef") for _ in range(n))


def uid() -> str:
    return str(uuid.UUID(int=RNG.getrandbits(128), version=4))


def uuid7() -> uuid.UUID:
    n = RNG.getrandbits(128)
    n = (n & ~(0xF << 76)) | (7 << 76)
    n = (n & ~(0x3 << 62)) | (0x2 << 62)
    return uuid.UUID(int=n)


def iso(t: datetime) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def ms(t: datetime) -> str:
    return str(int(t.timestamp() * 1000))


def epoch(t: datetime) -> str:
    return f"{t.timestamp():.3f}"


def row(source: str, headers: dict[str, str], body: dict[str, Any], t: datetime) -> Row:
    return {"source": source, "headers": headers, "body": body, "at": t, "company": ""}


# --------------------------------------------------------------------------- Sentry


class Sentry:
    def __init__(self, org: str, secret: str, install: str, projects: dict[str, int]) -> None:
        self.org, self.secret, self.install, self.projects = org, secret, install, projects

    def _headers(self, resource: str, body: dict[str, Any], t: datetime) -> dict[str, str]:
        raw = json.dumps(body, separators=(",", ":")).encode()
        sig = hmac.new(self.secret.encode(), raw, hashlib.sha256).hexdigest()
        return {
            "Content-Type": "application/json",
            "Request-ID": hexid(),
            "Sentry-Hook-Resource": resource,
            "Sentry-Hook-Timestamp": str(int(t.timestamp()) + RNG.randint(1, 4)),
            "Sentry-Hook-Signature": sig,
        }

    def _envelope(self, action: str, data: dict[str, Any], actor: dict[str, Any] | None = None):
        return {
            "action": action,
            "installation": {"uuid": self.install},
            "data": data,
            "actor": actor or {"type": "application", "id": "sentry", "name": "Sentry"},
        }

    def event(
        self,
        t: datetime,
        project: str,
        platform: str,
        exc: list[tuple[str, str, list[tuple[str, str, int, bool]]]],
        *,
        env: str = "production",
        release: str | None = None,
        tags: dict[str, str] | None = None,
        user: dict[str, Any] | None = None,
        request: dict[str, Any] | None = None,
        transaction: str | None = None,
        trace: str | None = None,
        level: str = "error",
        handled: bool = False,
        alert_rule: str | None = None,
        issue_id: str | None = None,
    ) -> Row:
        """An ``error`` (or, with ``alert_rule``, an ``event_alert``); ``exc`` cause first,
        each ``(type, value, frames)`` with frames ``(filename, function, lineno, in_app)``
        oldest first."""
        pid = self.projects[project]
        event_id = hexid()
        issue_id = issue_id or str(RNG.randint(4_100_000_000, 4_199_999_999))
        values = []
        for typ, value, frames in exc:
            module = None
            if "." in typ and platform in {"python", "java", "csharp"}:
                module, typ = typ.rsplit(".", 1)
            values.append(
                {
                    "type": typ,
                    "value": value,
                    "module": module,
                    "mechanism": {
                        "type": {
                            "python": "excepthook",
                            "node": "onunhandledrejection",
                            "javascript": "onerror",
                            "java": "UncaughtExceptionHandler",
                            "csharp": "AppDomain.UnhandledException",
                            "go": "generic",
                        }.get(platform, "generic"),
                        "handled": handled,
                    },
                    "stacktrace": {
                        "frames": [
                            {
                                "filename": f,
                                "abs_path": f,
                                "function": fn,
                                "module": None,
                                "lineno": ln,
                                "colno": RNG.randint(5, 60) if platform == "javascript" else None,
                                "in_app": app,
                                "context_line": None,
                                "pre_context": [],
                                "post_context": [],
                                "vars": {},
                                "data": {},
                            }
                            for f, fn, ln, app in frames
                        ]
                    },
                }
            )
        last_type, last_value, last_frames = exc[-1]
        culprit = transaction or (last_frames[-1][1] if last_frames else "")
        all_tags = dict(tags or {})
        all_tags.setdefault("environment", env)
        all_tags.setdefault("level", level)
        if release:
            all_tags["release"] = release
        if user and "id" in user:
            all_tags["user"] = f"id:{user['id']}"
        if transaction:
            all_tags["transaction"] = transaction
        contexts: dict[str, Any] = {}
        if trace:
            contexts["trace"] = {
                "trace_id": trace,
                "span_id": hexid(16),
                "op": "http.server",
                "status": "internal_error",
                "type": "trace",
            }
        base = f"https://{self.org}.sentry.io"
        payload: dict[str, Any] = {
            "event_id": event_id,
            "project": pid,
            "release": release,
            "dist": None,
            "platform": platform,
            "message": "",
            "datetime": t.strftime("%Y-%m-%dT%H:%M:%S.%f") + "+00:00",
            "tags": sorted([k, v] for k, v in all_tags.items()),
            "environment": env,
            "level": level,
            "culprit": culprit,
            "logger": "",
            "exception": {"values": values},
            "contexts": contexts,
            "sdk": {
                "name": {
                    "python": "sentry.python",
                    "node": "sentry.javascript.node",
                    "javascript": "sentry.javascript.react",
                    "java": "sentry.java.spring-boot.jakarta",
                    "csharp": "sentry.dotnet.aspnetcore",
                    "go": "sentry.go",
                }.get(platform, "sentry"),
                "version": "8.1.0",
            },
            "user": user,
            "fingerprint": ["{{ default }}"],
            "metadata": {"type": last_type.rsplit(".", 1)[-1], "value": last_value},
            "received": t.timestamp() + 0.4,
            "timestamp": t.timestamp(),
            "title": f"{last_type.rsplit('.', 1)[-1]}: {last_value}"[:200],
            "location": last_frames[-1][0] if last_frames else None,
            "transaction": transaction,
            "type": "error",
            "version": "7",
            "url": f"https://sentry.io/api/0/projects/{self.org}/{project}/events/{event_id}/",
            "web_url": f"{base}/issues/{issue_id}/events/{event_id}/",
            "issue_url": f"https://sentry.io/api/0/issues/{issue_id}/",
            "issue_id": issue_id,
        }
        if request:
            payload["request"] = request
        if alert_rule:
            data = {
                "event": payload,
                "triggered_rule": alert_rule,
                "issue_alert": {"title": alert_rule, "settings": []},
            }
            body = self._envelope("triggered", data)
            return row("sentry", self._headers("event_alert", body, t), body, t)
        body = self._envelope("created", {"error": payload})
        return row("sentry", self._headers("error", body, t), body, t)

    def issue(
        self,
        t: datetime,
        action: str,
        project: str,
        platform: str,
        short: str,
        typ: str,
        value: str,
        culprit: str,
        *,
        first: datetime,
        count: int,
        users: int,
        filename: str = "",
        function: str = "",
        issue_id: str | None = None,
        user_actor: tuple[int, str] | None = None,
    ) -> Row:
        issue_id = issue_id or str(RNG.randint(4_100_000_000, 4_199_999_999))
        pid = self.projects[project]
        base = f"https://{self.org}.sentry.io"
        status = "resolved" if action == "resolved" else "unresolved"
        data = {
            "issue": {
                "id": issue_id,
                "shortId": short,
                "title": f"{typ}: {value}"[:200],
                "culprit": culprit,
                "permalink": f"{base}/issues/{issue_id}/",
                "logger": None,
                "level": "error",
                "status": status,
                "substatus": None if status == "resolved" else "new",
                "statusDetails": {},
                "priority": "high",
                "isPublic": False,
                "platform": platform,
                "project": {"id": str(pid), "name": project, "slug": project, "platform": platform},
                "type": "error",
                "issueType": "error",
                "issueCategory": "error",
                "metadata": {
                    "type": typ,
                    "value": value,
                    "filename": filename,
                    "function": function,
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
                "firstSeen": first.strftime("%Y-%m-%dT%H:%M:%S.%f") + "+00:00",
                "lastSeen": t.strftime("%Y-%m-%dT%H:%M:%S.%f") + "+00:00",
                "url": f"https://sentry.io/api/0/organizations/{self.org}/issues/{issue_id}/",
                "web_url": f"{base}/issues/{issue_id}/",
                "project_url": f"{base}/issues/?project={pid}",
            }
        }
        actor = None
        if user_actor:
            actor = {"type": "user", "id": user_actor[0], "name": user_actor[1]}
        body = self._envelope(action, data, actor)
        return row("sentry", self._headers("issue", body, t), body, t)

    def metric(
        self,
        t: datetime,
        action: str,
        project: str,
        name: str,
        aggregate: str,
        query: str,
        threshold: float,
        value: float,
        *,
        env: str | None = "production",
        rule_id: int,
        alert_id: int,
        started: datetime,
    ) -> Row:
        status = {"critical": 2, "warning": 1, "resolved": 0}[action]
        base = f"https://{self.org}.sentry.io"
        word = {"critical": "Critical", "warning": "Warning", "resolved": "Resolved"}[action]
        data = {
            "metric_alert": {
                "alert_rule": {
                    "id": str(rule_id),
                    "name": name,
                    "organization_id": "771204",
                    "status": 0,
                    "query_type": 0,
                    "dataset": "events" if "count" in aggregate else "transactions",
                    "query": query,
                    "aggregate": aggregate,
                    "threshold_type": 0,
                    "resolve_threshold": None,
                    "time_window": 5.0,
                    "environment": env,
                    "resolution": 1.0,
                    "threshold_period": 1,
                    "projects": [project],
                    "owner": None,
                    "date_modified": "2026-01-12T09:31:07.114822Z",
                    "date_created": "2025-11-03T14:02:55.309118Z",
                    "created_by": None,
                    "comparison_delta": None,
                    "triggers": [
                        {
                            "id": str(rule_id * 3),
                            "alert_rule_id": str(rule_id),
                            "label": "critical",
                            "threshold_type": 0,
                            "alert_threshold": threshold,
                            "resolve_threshold": None,
                            "date_created": "2025-11-03T14:02:55.315427Z",
                            "actions": [
                                {
                                    "id": str(rule_id * 5),
                                    "alert_rule_trigger_id": str(rule_id * 3),
                                    "type": "sentry_app",
                                    "target_type": "sentry_app",
                                    "target_identifier": "88",
                                    "input_channel_id": None,
                                    "integration_id": None,
                                    "sentry_app_id": 88,
                                    "date_created": "2025-11-03T14:02:55.321901Z",
                                    "desc": "Send a notification via Soulcaster",
                                }
                            ],
                        }
                    ],
                },
                "date_closed": iso(t) if action == "resolved" else None,
                "date_created": iso(started),
                "date_detected": iso(started),
                "date_started": iso(started),
                "id": str(alert_id),
                "identifier": str(alert_id % 100000),
                "organization_id": "771204",
                "projects": [project],
                "status": status,
                "status_method": 3,
                "title": name,
                "type": 2,
            },
            "description_text": f"{value:g} {aggregate} in the last 5 minutes",
            "description_title": f"{word}: {name}",
            "web_url": f"{base}/alerts/rules/details/{rule_id}/?alert={alert_id}",
        }
        body = self._envelope(action, data)
        return row("sentry", self._headers("metric_alert", body, t), body, t)


# --------------------------------------------------------------------------- Datadog


class Datadog:
    """One webhook of one org; ``custom`` picks Hollowmere's own template."""

    def __init__(self, org_id: str, org_name: str, custom: bool, site: str) -> None:
        self.org_id, self.org_name, self.custom, self.site = org_id, org_name, custom, site
        self.cycles: dict[tuple[int, str], str] = {}

    def alert(
        self,
        t: datetime,
        monitor: int,
        name: str,
        scope: str,
        transition: str,
        tags: str,
        *,
        priority: str = "P2",
        metric: str = "",
        query: str = "",
        status: str = "",
        host: str = "",
        event_type: str = "query_alert_monitor",
        message: str = "",
        new_cycle: bool = False,
    ) -> Row:
        key = (monitor, scope)
        if key not in self.cycles or new_cycle:
            self.cycles[key] = str(RNG.randint(10**18, 10**19 - 1))
        cycle = self.cycles[key]
        word = {
            "Triggered": "Triggered",
            "Re-Triggered": "Re-Triggered",
            "Recovered": "Recovered",
            "Warn": "Warn",
            "Renotify": "Triggered",
            "No Data": "No data",
        }[transition]
        scope_txt = "{" + scope + "}" if scope != "*" else ""
        title = f"[{priority}] [{word} on {scope_txt}] {name}" if scope_txt else f"[{word}] {name}"
        if transition == "Recovered":
            title = f"[{word} on {scope_txt}] {name}" if scope_txt else f"[{word}] {name}"
        alert_type = {"Recovered": "success", "Warn": "warning"}.get(transition, "error")
        link = f"https://{self.site}/monitors/{monitor}?group={scope.replace(':', '%3A')}"
        when = t.strftime("%a %b %d %Y %H:%M:%S UTC")
        text = (
            f"{message}\n\n@webhook-soulcaster @slack-oncall\n\n"
            f"The monitor was last triggered at {when}.\n\n- - -\n\n"
            f"[[Monitor Status]({link})] · [[Edit Monitor](https://{self.site}/monitors/"
            f"{monitor}/edit)] · [[Related Logs](https://{self.site}/logs)]"
        )
        snap = ""
        if metric and transition != "Recovered":
            snap = f"https://p.datadoghq.com/snapshot/view/dd-snapshots-prod/org_{self.org_id}/{t:%Y-%m-%d}/{hexid(40)}.png"
        if not self.custom:
            body = {
                "id": str(RNG.randint(7 * 10**18, 8 * 10**18)),
                "title": title,
                "body": "%%%\n" + text + "\n%%%",
                "event_type": event_type,
                "date": ms(t),
                "last_updated": ms(t),
                "org": {"id": self.org_id, "name": self.org_name},
                "alert_id": str(monitor),
                "alert_cycle_key": cycle,
                "aggreg_key": hashlib.md5(f"{monitor}{scope}".encode()).hexdigest()[:32],
                "alert_scope": scope if scope != "*" else "",
                "alert_transition": transition,
                "alert_type": alert_type,
                "alert_priority": priority,
                "alert_title": name,
                "alert_status": status,
                "alert_metric": metric,
                "alert_query": query,
                "priority": "normal",
                "tags": tags,
                "hostname": host,
                "link": link,
                "snapshot": snap,
            }
        else:
            body = {
                "summary": title,
                "state": transition,
                "severity": priority,
                "monitor_id": str(monitor),
                "group": scope if scope != "*" else "",
                "dd_tags": tags,
                "host": host,
                "details": text,
                "fired_ms": ms(t),
                "cycle": cycle,
                "link": link,
                "source": "datadog",
            }
        headers = {"Content-Type": "application/json"}
        return row("datadog", headers, body, t)


# --------------------------------------------------------------------------- PostHog


class PostHog:
    def __init__(self, project_id: int, name: str, host: str) -> None:
        self.project_id, self.name, self.host = project_id, name, host

    def exception(
        self,
        t: datetime,
        typ: str,
        value: str,
        frames: list[tuple[str, str, int, int]],
        *,
        url: str,
        distinct_id: str,
        person: dict[str, Any] | None,
        browser: tuple[str, str, str] = ("Chrome", "122", "Windows"),
        release: str | None = None,
        handled: bool = False,
        mech: str = "onunhandledrejection",
    ) -> Row:
        event_uuid = str(uuid7())
        props: dict[str, Any] = {
            "$exception_list": [
                {
                    "type": typ,
                    "value": value,
                    "mechanism": {"type": mech, "handled": handled, "synthetic": False},
                    "stacktrace": {
                        "type": "raw",
                        "frames": [
                            {
                                "platform": "web:javascript",
                                "filename": f,
                                "function": fn,
                                "lineno": ln,
                                "colno": col,
                                "in_app": True,
                            }
                            for f, fn, ln, col in frames
                        ],
                    },
                }
            ],
            "$exception_level": "error",
            "$current_url": url,
            "$pathname": "/" + url.split("/", 3)[3].split("?")[0] if url.count("/") >= 3 else "/",
            "$host": url.split("/")[2],
            "$browser": browser[0],
            "$browser_version": float(browser[1]),
            "$os": browser[2],
            "$device_type": "Desktop",
            "$lib": "web",
            "$lib_version": "1.236.1",
            "$session_id": str(uuid7()),
            "$window_id": str(uuid7()),
        }
        if release:
            props["app_release"] = release
        event = {
            "uuid": event_uuid,
            "event": "$exception",
            "distinct_id": distinct_id,
            "properties": props,
            "elements_chain": "",
            "timestamp": iso(t),
            "url": f"{self.host}/project/{self.project_id}/events/{event_uuid}/{iso(t)}",
        }
        body = {
            "event": event,
            "person": person,
            "project": {
                "id": self.project_id,
                "name": self.name,
                "url": f"{self.host}/project/{self.project_id}",
            },
        }
        return row("posthog", {"Content-Type": "application/json"}, body, t)


# --------------------------------------------------------------------------- Splunk


class Splunk:
    def __init__(self, base: str, guid: str) -> None:
        self.base, self.guid = base, guid

    def alert(
        self,
        t: datetime,
        search: str,
        result: dict[str, Any],
        *,
        app: str = "search",
        owner="nobody",
    ) -> Row:
        sid = f"scheduler__{owner}__{app}__RMD5{hexid(16)}_at_{int(t.timestamp()) - 60}_{RNG.randint(100, 9999)}"
        body = {
            "sid": sid,
            "search_name": search,
            "app": app,
            "owner": owner,
            "results_link": f"{self.base}/app/{app}/@go?sid={sid}",
            "result": {k: v for k, v in result.items()},
        }
        headers = {"Content-Type": "application/json", "User-Agent": f"Splunk/{self.guid}"}
        return row("splunk", headers, body, t)


# --------------------------------------------------------------------------- collecting

ROWS: list[Row] = []


def add(company: str, label: str | None, role: str, r: Row) -> None:
    r["company"], r["incident"], r["role"] = company, label, role
    ROWS.append(r)


def st(*frames: tuple[str, str, int]) -> list[tuple[str, str, int, bool]]:
    return [
        (f, fn, ln, not f.startswith(("/usr", "node_modules", "site-packages", "java.")))
        for f, fn, ln in frames
    ]


# --------------------------------------------------------------------------- Hazelport Travel

HZ = "Hazelport Travel"
hz_sentry = Sentry(
    "hazelport",
    "7f1c2e9a0b4d4e8f9a1c3b5d7e9f1a2c4e6f8a0b2c4d6e8f0a1b3c5d7e9f1a3c",
    "2b8e1d47-63a9-4c0e-9f12-5a7d3e6b8c41",
    {
        "search-api": 4507001,
        "pricing-svc": 4507002,
        "booking-svc": 4507003,
        "payments-svc": 4507004,
        "graphql-gateway": 4507005,
        "web-app": 4507006,
    },
)
hz_dd = Datadog("318842", "Hazelport Travel", False, "app.datadoghq.eu")
hz_ph = PostHog(52817, "Hazelport web", "https://eu.posthog.com")
hz_sp = Splunk("https://hazelport.splunkcloud.com", "5C3A9E21-7B4D-4F8A-9D0E-1A2B3C4D5E6F")


def hz_people(n: int) -> tuple[str, dict[str, Any]]:
    did = str(uuid7())
    return did, {
        "id": did,
        "name": f"traveller{n}@example.com",
        "url": f"https://eu.posthog.com/project/52817/person/{did}",
        "properties": {
            "email": f"traveller{n}@example.com",
            "locale": "en-GB",
            "$geoip_country_code": "GB",
        },
    }


def hazelport() -> None:
    d0 = datetime(2026, 3, 17, 6, 0, tzinfo=UTC)

    def m(minute: int, sec: int = 0) -> datetime:
        return d0 + timedelta(minutes=minute, seconds=sec)

    c = HZ
    prod = "env:production"
    gw = "graphql-gateway"
    web_js = "https://www.hazelport.travel/assets/"

    # I1: Aurora writer failover, booking and payments lose the writer, the web checkout fails.
    lab = "hz-aurora-failover"
    add(
        c,
        lab,
        "datadog aurora writer monitor triggered",
        hz_dd.alert(
            m(4),
            6120031,
            "Aurora writer hz-orders-prod failover detected",
            "dbinstanceidentifier:hz-orders-prod-instance-1",
            "Triggered",
            f"aws_account:4172,dbclusteridentifier:hz-orders-prod,dbinstanceidentifier:hz-orders-prod-instance-1,{prod},region:eu-west-1,team:platform",
            priority="P1",
            metric="aws.rds.database_connections",
            status="dbinstance hz-orders-prod-instance-1 rebooted (failover)",
            query="events('sources:rds status:error hz-orders-prod').rollup('count').last('5m') > 0",
            event_type="event_alert",
            message="RDS reported a failover of the writer. Check booking and payments.",
        ),
    )
    trace = hexid()
    add(
        c,
        lab,
        "booking read-only writer error",
        hz_sentry.event(
            m(4, 40),
            "booking-svc",
            "node",
            [
                (
                    "SequelizeDatabaseError",
                    "The MySQL server is running with the --read-only option so it cannot execute this statement",
                    st(
                        ("node_modules/mysql2/lib/packets/packet.js", "Packet.asError", 728),
                        ("node_modules/sequelize/lib/dialects/mysql/query.js", "Query.run", 52),
                        ("/app/dist/repositories/bookingRepo.js", "BookingRepo.createPnr", 88),
                        ("/app/dist/routes/bookings.js", "createBooking", 41),
                    ),
                )
            ],
            release="booking-svc@4.22.3",
            transaction="POST /v2/bookings",
            trace=trace,
            tags={
                "kube_deployment": "booking",
                "pod": "booking-6f7c9d8b54-x2kqp",
                "db.system": "mysql",
            },
            request={
                "url": "http://booking.hz-prod.svc.cluster.local/v2/bookings",
                "method": "POST",
            },
        ),
    )
    add(
        c,
        lab,
        "payments lost connection error",
        hz_sentry.event(
            m(5, 5),
            "payments-svc",
            "python",
            [
                (
                    "pymysql.err.OperationalError",
                    "(2013, 'Lost connection to MySQL server during query')",
                    st(
                        ("site-packages/pymysql/connections.py", "_read_bytes", 759),
                        ("site-packages/sqlalchemy/engine/default.py", "do_execute", 924),
                        ("payments/ledger/repository.py", "record_capture", 133),
                        ("payments/api/captures.py", "capture_payment", 61),
                    ),
                ),
                (
                    "sqlalchemy.exc.OperationalError",
                    "(pymysql.err.OperationalError) (2013, 'Lost connection to MySQL server during query') [SQL: INSERT INTO ledger_entries ...]",
                    st(("payments/api/captures.py", "capture_payment", 61)),
                ),
            ],
            release="payments@2026.03.11",
            transaction="/v1/captures",
            env="production",
            tags={"server_name": "payments-5b9d7c6f4-jr8tw", "service": "payments"},
        ),
    )
    add(
        c,
        lab,
        "splunk 5xx stats by service",
        hz_sp.alert(
            m(6),
            "HZ - ALB 5xx by target group (5m)",
            {
                "target_group": "k8s-hzprod-booking-8d1e2f",
                "service": "booking",
                "count": "312",
                "pct_5xx": "41.7",
                "elb": "app/hz-prod-public/5f0e7c",
            },
        ),
    )
    did, person = hz_people(118)
    add(
        c,
        lab,
        "web checkout graphql error",
        hz_ph.exception(
            m(6, 20),
            "Error",
            "Response not successful: Received status code 500",
            [
                (web_js + "vendor-apollo-4f2a91.js", "new ApolloError", 1, 18344),
                (web_js + "checkout-8c1d33.js", "submitBooking", 1, 2291),
            ],
            url="https://www.hazelport.travel/checkout/review?offer=OF-88213",
            distinct_id=did,
            person=person,
            release="web@2026.03.16-2",
        ),
    )
    add(
        c,
        lab,
        "datadog aurora writer recovered",
        hz_dd.alert(
            m(13),
            6120031,
            "Aurora writer hz-orders-prod failover detected",
            "dbinstanceidentifier:hz-orders-prod-instance-1",
            "Recovered",
            f"aws_account:4172,dbclusteridentifier:hz-orders-prod,dbinstanceidentifier:hz-orders-prod-instance-1,{prod},region:eu-west-1,team:platform",
            priority="P1",
            event_type="event_alert",
        ),
    )

    # Decoy in the same minutes: the search service's staging env fails its own smoke test.
    add(
        c,
        None,
        "staging search error during failover",
        hz_sentry.event(
            m(5, 30),
            "search-api",
            "go",
            [
                (
                    "*errors.errorString",
                    "fixture loader: open /fixtures/airports.csv: no such file or directory",
                    st(
                        ("/go/src/hazelport/search/internal/fixtures/load.go", "fixtures.Load", 44),
                        ("/go/src/hazelport/search/cmd/search/main.go", "main.main", 71),
                    ),
                )
            ],
            env="staging",
            release="search-api@1.48.0-rc1",
            level="fatal",
        ),
    )
    add(
        c,
        None,
        "deploy notice pricing",
        hz_dd.alert(
            m(8),
            6120901,
            "Deployment event: pricing rolled out",
            "kube_deployment:pricing",
            "Triggered",
            f"kube_deployment:pricing,kube_namespace:hz-prod,{prod},service:pricing,version:2026.03.17-1",
            priority="P5",
            event_type="event_alert",
            message="Argo CD synced pricing to 2026.03.17-1.",
        ),
    )

    # I2: bad pricing deploy: NPE in the fare rule engine; gateway errors; rolled back, resolved.
    lab = "hz-pricing-bad-deploy"
    iss = str(RNG.randint(4_100_000_000, 4_199_999_999))
    add(
        c,
        lab,
        "sentry issue created pricing NPE",
        hz_sentry.issue(
            m(11),
            "created",
            "pricing-svc",
            "java",
            "PRICING-SVC-3K",
            "NullPointerException",
            'Cannot invoke "com.hazelport.pricing.rules.FareFamily.getBaggage()" because "family" is null',
            "com.hazelport.pricing.rules.FareRuleEngine in applyBaggageRules",
            first=m(10, 48),
            count=14,
            users=0,
            filename="FareRuleEngine.java",
            function="applyBaggageRules",
            issue_id=iss,
        ),
    )
    add(
        c,
        lab,
        "sentry event alert pricing NPE",
        hz_sentry.event(
            m(11, 30),
            "pricing-svc",
            "java",
            [
                (
                    "java.lang.NullPointerException",
                    'Cannot invoke "com.hazelport.pricing.rules.FareFamily.getBaggage()" because "family" is null',
                    st(
                        (
                            "FareController.java",
                            "com.hazelport.pricing.api.FareController.price",
                            77,
                        ),
                        ("PricingService.java", "com.hazelport.pricing.PricingService.quote", 142),
                        (
                            "FareRuleEngine.java",
                            "com.hazelport.pricing.rules.FareRuleEngine.applyBaggageRules",
                            219,
                        ),
                    ),
                )
            ],
            release="pricing@2026.03.17-1",
            transaction="POST /price/quote",
            issue_id=iss,
            tags={"kube_deployment": "pricing", "pod": "pricing-7b8f9c5d6-lq4zm"},
            alert_rule="New issue in pricing-svc (production)",
        ),
    )
    add(
        c,
        lab,
        "datadog apm pricing error rate",
        hz_dd.alert(
            m(12),
            6120412,
            "pricing error rate above 5% on production",
            "env:production,service:pricing",
            "Triggered",
            "env:production,service:pricing,team:fares,version:2026.03.17-1",
            priority="P2",
            metric="trace.http.request.errors",
            query="sum(last_5m):sum:trace.http.request.errors{env:production,service:pricing}.as_count() / sum:trace.http.request.hits{env:production,service:pricing}.as_count() > 0.05",
            status="pricing error rate 0.231 > 0.05",
            message="Error rate on pricing exceeded 5%.",
        ),
    )
    add(
        c,
        lab,
        "gateway graphql error names no backend",
        hz_sentry.event(
            m(12, 30),
            gw,
            "node",
            [
                (
                    "GraphQLError",
                    'Unexpected error value: "Request failed with status code 500"',
                    st(
                        ("node_modules/graphql/execution/execute.js", "completeValue", 582),
                        ("/srv/gateway/dist/resolvers/offer.js", "Offer.totalPrice", 33),
                    ),
                )
            ],
            release="gateway@3.9.0",
            transaction="query OfferDetails",
            tags={"graphql.operation": "OfferDetails", "kube_deployment": "graphql-gateway"},
        ),
    )
    add(
        c,
        lab,
        "splunk pricing error log with trace",
        hz_sp.alert(
            m(13, 10),
            "HZ - pricing exceptions (kube logs)",
            {
                "_time": epoch(m(12, 55)),
                "host": "ip-10-42-17-88.eu-west-1.compute.internal",
                "index": "k8s_prod",
                "sourcetype": "kube:container:pricing",
                "source": "/var/log/containers/pricing-7b8f9c5d6-lq4zm_hz-prod_pricing-1a2b.log",
                "_raw": "2026-03-17 06:12:55.402 ERROR 1 --- [nio-8080-exec-7] c.h.pricing.api.FareController : quote failed trace_id="
                + hexid()
                + ' java.lang.NullPointerException: Cannot invoke "com.hazelport.pricing.rules.FareFamily.getBaggage()" because "family" is null',
                "kubernetes.pod_name": "pricing-7b8f9c5d6-lq4zm",
                "kubernetes.container_name": "pricing",
            },
        ),
    )
    add(
        c,
        lab,
        "sentry issue resolved after rollback",
        hz_sentry.issue(
            m(31),
            "resolved",
            "pricing-svc",
            "java",
            "PRICING-SVC-3K",
            "NullPointerException",
            'Cannot invoke "com.hazelport.pricing.rules.FareFamily.getBaggage()" because "family" is null',
            "com.hazelport.pricing.rules.FareRuleEngine in applyBaggageRules",
            first=m(10, 48),
            count=611,
            users=0,
            filename="FareRuleEngine.java",
            function="applyBaggageRules",
            issue_id=iss,
            user_actor=(301877, "Priya Raman"),
        ),
    )
    add(
        c,
        lab,
        "datadog apm pricing recovered",
        hz_dd.alert(
            m(29),
            6120412,
            "pricing error rate above 5% on production",
            "env:production,service:pricing",
            "Recovered",
            "env:production,service:pricing,team:fares,version:2026.03.17-1",
            priority="P2",
            metric="trace.http.request.errors",
            status="pricing error rate 0.004 < 0.05",
        ),
    )

    # decoys: heartbeat, warning that recovers alone
    add(
        c,
        None,
        "splunk heartbeat row",
        hz_sp.alert(
            m(15),
            "HZ - forwarder heartbeat",
            {
                "_time": epoch(m(15)),
                "host": "hz-splunk-hf-01",
                "status": "ok",
                "forwarders": "42",
                "lag_s": "3",
            },
        ),
    )
    add(
        c,
        None,
        "datadog disk warn on bastion",
        hz_dd.alert(
            m(16),
            6121090,
            "Disk usage high on {{host.name}}",
            "host:hz-bastion-01",
            "Warn",
            "host:hz-bastion-01,env:production,role:bastion",
            priority="P4",
            metric="system.disk.in_use",
            status="system.disk.in_use 0.81 > 0.8",
            host="hz-bastion-01",
        ),
    )
    add(
        c,
        None,
        "datadog disk warn recovered alone",
        hz_dd.alert(
            m(24),
            6121090,
            "Disk usage high on {{host.name}}",
            "host:hz-bastion-01",
            "Recovered",
            "host:hz-bastion-01,env:production,role:bastion",
            priority="P4",
            metric="system.disk.in_use",
            host="hz-bastion-01",
        ),
    )

    # I3: GDS (Amadeus) timeouts: external host check, search ReadTimeouts, gateway and web errors.
    lab = "hz-gds-timeouts"
    add(
        c,
        lab,
        "datadog http check amadeus",
        hz_dd.alert(
            m(19),
            6120550,
            "GDS endpoint latency/timeout",
            "instance:amadeus_flight_offers,url:https://api.amadeus.com/v2/shopping/flight-offers",
            "Triggered",
            "check:http_check,instance:amadeus_flight_offers,env:production,team:search,url:https://api.amadeus.com/v2/shopping/flight-offers",
            priority="P2",
            event_type="service_check",
            status="CRITICAL: timed out after 10s",
            message="Amadeus Flight Offers Search is not answering within 10s.",
        ),
    )
    add(
        c,
        lab,
        "search read timeout to gds",
        hz_sentry.event(
            m(19, 25),
            "search-api",
            "go",
            [
                (
                    "*url.Error",
                    'Post "https://api.amadeus.com/v2/shopping/flight-offers": context deadline exceeded (Client.Timeout exceeded while awaiting headers)',
                    st(
                        ("/usr/local/go/src/net/http/client.go", "net/http.(*Client).do", 725),
                        (
                            "/go/src/hazelport/search/internal/gds/amadeus.go",
                            "gds.(*Amadeus).FlightOffers",
                            212,
                        ),
                        (
                            "/go/src/hazelport/search/internal/api/search.go",
                            "api.(*Handler).Search",
                            96,
                        ),
                    ),
                )
            ],
            release="search-api@1.47.2",
            transaction="/v1/search/flights",
            tags={"gds": "amadeus", "kube_deployment": "search", "pod": "search-5d6f7c8b9-7wq2n"},
        ),
    )
    add(
        c,
        lab,
        "gateway null for non-nullable",
        hz_sentry.event(
            m(20),
            gw,
            "node",
            [
                (
                    "GraphQLError",
                    "Cannot return null for non-nullable field Query.flightOffers.",
                    st(
                        ("node_modules/graphql/execution/execute.js", "completeValue", 605),
                        ("/srv/gateway/dist/resolvers/search.js", "Query.flightOffers", 21),
                    ),
                )
            ],
            release="gateway@3.9.0",
            transaction="query FlightSearch",
            tags={"graphql.operation": "FlightSearch"},
        ),
    )
    did, person = hz_people(203)
    add(
        c,
        lab,
        "web search results exception",
        hz_ph.exception(
            m(20, 40),
            "ApolloError",
            "Cannot return null for non-nullable field Query.flightOffers.",
            [
                (web_js + "vendor-apollo-4f2a91.js", "new ApolloError", 1, 18344),
                (web_js + "search-results-b71e02.js", "useFlightSearch", 1, 4410),
            ],
            url="https://www.hazelport.travel/flights/LHR-JFK/2026-04-02?adults=2",
            distinct_id=did,
            person=person,
            browser=("Safari", "17.3", "Mac OS X"),
            release="web@2026.03.16-2",
        ),
    )
    add(
        c,
        lab,
        "splunk gds timeout count",
        hz_sp.alert(
            m(21),
            "HZ - GDS call failures by provider",
            {
                "provider": "amadeus",
                "endpoint": "/v2/shopping/flight-offers",
                "timeouts": "1184",
                "errors": "12",
                "p95_ms": "10000",
            },
        ),
    )

    # I4: SQS ticketing queue backs up; booking worker times out issuing tickets.
    lab = "hz-ticketing-queue-backlog"
    add(
        c,
        lab,
        "datadog sqs age of oldest",
        hz_dd.alert(
            m(22),
            6120660,
            "Ticketing queue backing up",
            "queuename:hz-prod-ticket-issue",
            "Triggered",
            f"aws_account:4172,{prod},queuename:hz-prod-ticket-issue,region:eu-west-1,team:booking",
            metric="aws.sqs.approximate_age_of_oldest_message",
            status="aws.sqs.approximate_age_of_oldest_message 1260 > 600",
            query="avg(last_10m):max:aws.sqs.approximate_age_of_oldest_message{queuename:hz-prod-ticket-issue} > 600",
            message="Tickets are not being issued; check the ticketing worker.",
        ),
    )
    add(
        c,
        lab,
        "booking ticket worker timeout",
        hz_sentry.event(
            m(22, 30),
            "booking-svc",
            "node",
            [
                (
                    "TimeoutError",
                    "issueTicket PNR 7XK2QD timed out after 30000ms (airline=SH)",
                    st(
                        ("/app/dist/workers/ticketing.js", "TicketWorker.handle", 57),
                        ("/app/dist/airline/ndcClient.js", "NdcClient.issue", 140),
                    ),
                )
            ],
            release="booking-svc@4.22.3",
            transaction="sqs:hz-prod-ticket-issue",
            tags={"kube_deployment": "booking-ticket-worker", "queue": "hz-prod-ticket-issue"},
        ),
    )
    add(
        c,
        lab,
        "splunk worker lag row",
        hz_sp.alert(
            m(24),
            "HZ - ticketing worker lag",
            {
                "_time": epoch(m(23, 50)),
                "host": "ip-10-42-19-12.eu-west-1.compute.internal",
                "index": "k8s_prod",
                "sourcetype": "kube:container:booking-ticket-worker",
                "_raw": '{"level":"warn","msg":"receive loop behind","queue":"hz-prod-ticket-issue","in_flight":10,"visible":4381,"oldest_age_s":1340}',
            },
        ),
    )
    add(
        c,
        lab,
        "datadog sqs recovered",
        hz_dd.alert(
            m(58),
            6120660,
            "Ticketing queue backing up",
            "queuename:hz-prod-ticket-issue",
            "Recovered",
            f"aws_account:4172,{prod},queuename:hz-prod-ticket-issue,region:eu-west-1,team:booking",
            metric="aws.sqs.approximate_age_of_oldest_message",
        ),
    )

    # decoy: a payments error in the same minutes for another reason (invalid currency)
    add(
        c,
        None,
        "payments unrelated validation error",
        hz_sentry.event(
            m(23),
            "payments-svc",
            "python",
            [
                (
                    "payments.errors.UnsupportedCurrency",
                    "currency 'XOF' is not enabled for merchant account HazelportEUR",
                    st(
                        ("payments/api/intents.py", "create_intent", 48),
                        ("payments/validation.py", "check_currency", 19),
                    ),
                )
            ],
            release="payments@2026.03.11",
            transaction="/v1/intents",
            level="warning",
            handled=True,
        ),
    )
    did, person = hz_people(77)
    add(
        c,
        None,
        "web extension noise",
        hz_ph.exception(
            m(23, 30),
            "Error",
            "ResizeObserver loop completed with undelivered notifications.",
            [],
            url="https://www.hazelport.travel/hotels/lisbon",
            distinct_id=did,
            person=person,
            mech="onerror",
        ),
    )

    # I5: search pods leak memory, get OOM-killed; re-fires after a lull; recovers.
    lab = "hz-search-oom"
    add(
        c,
        lab,
        "datadog oomkilled search",
        hz_dd.alert(
            m(34),
            6120777,
            "Pods OOMKilled in deployment",
            "kube_deployment:search,kube_namespace:hz-prod",
            "Triggered",
            "kube_cluster_name:hz-prod-eks,kube_deployment:search,kube_namespace:hz-prod,env:production,service:search",
            metric="kubernetes_state.container.status_report.count.terminated",
            status="kubernetes_state.container.status_report.count.terminated{reason:oomkilled} 3 > 0",
        ),
    )
    add(
        c,
        lab,
        "splunk k8s event oomkilled",
        hz_sp.alert(
            m(34, 40),
            "HZ - k8s OOMKilled events",
            {
                "_time": epoch(m(34, 10)),
                "host": "hz-prod-eks",
                "index": "k8s_events",
                "sourcetype": "kube:objects:events",
                "involvedObject.name": "search-5d6f7c8b9-7wq2n",
                "reason": "OOMKilling",
                "message": "Memory cgroup out of memory: Killed process 2291 (search-api) total-vm:3114220kB, anon-rss:2094112kB",
            },
        ),
    )
    add(
        c,
        lab,
        "gateway socket hang up",
        hz_sentry.event(
            m(35),
            gw,
            "node",
            [
                (
                    "FetchError",
                    "request to http://10.42.17.203:8080/v1/search/flights failed, reason: socket hang up",
                    st(
                        ("node_modules/node-fetch/lib/index.js", "ClientRequest.<anonymous>", 1501),
                        ("/srv/gateway/dist/datasources/rest.js", "RestSource.post", 64),
                    ),
                )
            ],
            release="gateway@3.9.0",
            transaction="query FlightSearch",
        ),
    )
    add(
        c,
        lab,
        "sentry metric alert search latency",
        hz_sentry.metric(
            m(35, 30),
            "critical",
            "search-api",
            "search p95 above 4s",
            "p95(transaction.duration)",
            "event.type:transaction transaction:/v1/search/flights",
            4000,
            6120,
            rule_id=81021,
            alert_id=5522101,
            started=m(35),
        ),
    )
    add(
        c,
        lab,
        "datadog oomkilled re-triggered after lull",
        hz_dd.alert(
            m(82),
            6120777,
            "Pods OOMKilled in deployment",
            "kube_deployment:search,kube_namespace:hz-prod",
            "Re-Triggered",
            "kube_cluster_name:hz-prod-eks,kube_deployment:search,kube_namespace:hz-prod,env:production,service:search",
            metric="kubernetes_state.container.status_report.count.terminated",
            status="kubernetes_state.container.status_report.count.terminated{reason:oomkilled} 2 > 0",
        ),
    )
    add(
        c,
        lab,
        "splunk k8s event oomkilled again",
        hz_sp.alert(
            m(82, 30),
            "HZ - k8s OOMKilled events",
            {
                "_time": epoch(m(82, 5)),
                "host": "hz-prod-eks",
                "index": "k8s_events",
                "sourcetype": "kube:objects:events",
                "involvedObject.name": "search-5d6f7c8b9-m9c4t",
                "reason": "OOMKilling",
                "message": "Memory cgroup out of memory: Killed process 3310 (search-api) total-vm:3120904kB, anon-rss:2097020kB",
            },
        ),
    )
    add(
        c,
        lab,
        "sentry metric alert search latency resolved",
        hz_sentry.metric(
            m(96),
            "resolved",
            "search-api",
            "search p95 above 4s",
            "p95(transaction.duration)",
            "event.type:transaction transaction:/v1/search/flights",
            4000,
            1210,
            rule_id=81021,
            alert_id=5522101,
            started=m(35),
        ),
    )

    # decoys: staging booking fails at the same time; a deploy notice
    add(
        c,
        None,
        "staging booking db error",
        hz_sentry.event(
            m(36),
            "booking-svc",
            "node",
            [
                (
                    "SequelizeConnectionRefusedError",
                    "connect ECONNREFUSED 10.60.3.14:3306",
                    st(
                        (
                            "node_modules/sequelize/lib/dialects/mysql/connection-manager.js",
                            "ConnectionManager.connect",
                            102,
                        ),
                        ("/app/dist/repositories/bookingRepo.js", "BookingRepo.createPnr", 88),
                    ),
                )
            ],
            env="staging",
            release="booking-svc@4.23.0-rc2",
            transaction="POST /v2/bookings",
        ),
    )
    add(
        c,
        None,
        "datadog staging db down",
        hz_dd.alert(
            m(36, 30),
            6121200,
            "Aurora staging instance unavailable",
            "dbinstanceidentifier:hz-orders-stg-instance-1",
            "Triggered",
            "dbinstanceidentifier:hz-orders-stg-instance-1,env:staging,team:platform",
            priority="P4",
            metric="aws.rds.database_connections",
            status="no connections for 5m",
        ),
    )

    # I6: ElastiCache for pricing: failover, Lettuce timeouts, Sentry metric alert.
    lab = "hz-pricing-cache"
    add(
        c,
        lab,
        "datadog elasticache evictions/cpu",
        hz_dd.alert(
            m(44),
            6120880,
            "ElastiCache engine CPU high",
            "cacheclusterid:hz-fares-cache-0001-001",
            "Triggered",
            "cacheclusterid:hz-fares-cache-0001-001,replicationgroupid:hz-fares-cache,env:production,team:fares",
            metric="aws.elasticache.engine_cpuutilization",
            status="aws.elasticache.engine_cpuutilization 97.2 > 90",
        ),
    )
    add(
        c,
        lab,
        "pricing redis timeout",
        hz_sentry.event(
            m(44, 30),
            "pricing-svc",
            "java",
            [
                (
                    "io.lettuce.core.RedisCommandTimeoutException",
                    "Command timed out after 2 second(s)",
                    st(
                        (
                            "CachedFareRepository.java",
                            "com.hazelport.pricing.cache.CachedFareRepository.get",
                            58,
                        ),
                        (
                            "LettuceFutures.java",
                            "io.lettuce.core.LettuceFutures.awaitOrCancel",
                            125,
                        ),
                    ),
                ),
                (
                    "org.springframework.dao.QueryTimeoutException",
                    "Redis command timed out",
                    st(("PricingService.java", "com.hazelport.pricing.PricingService.quote", 131)),
                ),
            ],
            release="pricing@2026.03.16-3",
            transaction="POST /price/quote",
            tags={"kube_deployment": "pricing", "cache": "hz-fares-cache"},
        ),
    )
    add(
        c,
        lab,
        "sentry metric alert pricing errors",
        hz_sentry.metric(
            m(45),
            "critical",
            "pricing-svc",
            "pricing errors > 50/5m",
            "count()",
            "event.type:error",
            50,
            214,
            rule_id=81044,
            alert_id=5522188,
            started=m(44, 50),
        ),
    )
    add(
        c,
        lab,
        "sentry metric alert pricing errors resolved",
        hz_sentry.metric(
            m(57),
            "resolved",
            "pricing-svc",
            "pricing errors > 50/5m",
            "count()",
            "event.type:error",
            50,
            3,
            rule_id=81044,
            alert_id=5522188,
            started=m(44, 50),
        ),
    )
    add(
        c,
        lab,
        "datadog elasticache recovered",
        hz_dd.alert(
            m(55),
            6120880,
            "ElastiCache engine CPU high",
            "cacheclusterid:hz-fares-cache-0001-001",
            "Recovered",
            "cacheclusterid:hz-fares-cache-0001-001,replicationgroupid:hz-fares-cache,env:production,team:fares",
            metric="aws.elasticache.engine_cpuutilization",
        ),
    )

    # I7: Adyen timeouts in payments, checkout errors.
    lab = "hz-adyen-timeouts"
    add(
        c,
        lab,
        "payments adyen read timeout",
        hz_sentry.event(
            m(48),
            "payments-svc",
            "python",
            [
                (
                    "urllib3.exceptions.ReadTimeoutError",
                    "HTTPSConnectionPool(host='checkout-live.adyenpayments.com', port=443): Read timed out. (read timeout=15)",
                    st(("site-packages/urllib3/connectionpool.py", "_make_request", 537)),
                ),
                (
                    "requests.exceptions.ReadTimeout",
                    "HTTPSConnectionPool(host='checkout-live.adyenpayments.com', port=443): Read timed out. (read timeout=15)",
                    st(
                        ("payments/psp/adyen.py", "authorise", 92),
                        ("site-packages/requests/adapters.py", "send", 713),
                    ),
                ),
            ],
            release="payments@2026.03.11",
            transaction="/v1/payments/authorise",
            tags={"psp": "adyen", "server_name": "payments-5b9d7c6f4-jr8tw"},
        ),
    )
    add(
        c,
        lab,
        "datadog apm payments latency",
        hz_dd.alert(
            m(48, 40),
            6120413,
            "payments p99 latency on POST /v1/payments/authorise",
            "env:production,resource_name:post_/v1/payments/authorise,service:payments",
            "Triggered",
            "env:production,resource_name:post_/v1/payments/authorise,service:payments,team:payments",
            metric="trace.flask.request",
            status="p99 15.2s > 5s",
        ),
    )
    did, person = hz_people(412)
    add(
        c,
        lab,
        "web payment step exception",
        hz_ph.exception(
            m(49, 15),
            "PaymentError",
            "We could not confirm your payment (code PSP_TIMEOUT)",
            [
                (web_js + "checkout-8c1d33.js", "confirmPayment", 1, 3380),
                (web_js + "checkout-8c1d33.js", "onSubmit", 1, 3122),
            ],
            url="https://www.hazelport.travel/checkout/pay?booking=HZ-2KQ88X",
            distinct_id=did,
            person=person,
            handled=True,
            mech="generic",
            release="web@2026.03.16-2",
        ),
    )
    add(
        c,
        lab,
        "splunk psp errors stats",
        hz_sp.alert(
            m(50),
            "HZ - payment failures by PSP",
            {"psp": "adyen", "status": "timeout", "count": "233", "amount_eur": "118402.50"},
        ),
    )
    add(
        c,
        lab,
        "datadog apm payments recovered",
        hz_dd.alert(
            m(62),
            6120413,
            "payments p99 latency on POST /v1/payments/authorise",
            "env:production,resource_name:post_/v1/payments/authorise,service:payments",
            "Recovered",
            "env:production,resource_name:post_/v1/payments/authorise,service:payments,team:payments",
            metric="trace.flask.request",
        ),
    )

    # decoys during I6/I7
    add(
        c,
        None,
        "splunk daily bookings summary",
        hz_sp.alert(
            m(50, 30),
            "HZ - hourly bookings summary",
            {"hour": "06:00", "bookings": "1422", "cancellations": "38", "conversion": "2.91"},
            owner="analytics",
        ),
    )
    add(
        c,
        None,
        "search staging panic",
        hz_sentry.event(
            m(51),
            "search-api",
            "go",
            [
                (
                    "runtime.Error",
                    "index out of range [3] with length 3",
                    st(("/go/src/hazelport/search/internal/rank/rank.go", "rank.Score", 57)),
                )
            ],
            env="staging",
            release="search-api@1.48.0-rc1",
            transaction="/v1/search/hotels",
        ),
    )

    # I8: partner airline API certificate expired; booking NDC calls fail.
    lab = "hz-airline-cert-expired"
    add(
        c,
        lab,
        "datadog tls check ndc host",
        hz_dd.alert(
            m(66),
            6120990,
            "SSL certificate expiry on airline NDC endpoints",
            "host:ndc.skyhollow-air.com,port:443",
            "Triggered",
            "check:tls.cert_expiration,host:ndc.skyhollow-air.com,port:443,env:production,team:booking",
            priority="P1",
            event_type="service_check",
            status="CRITICAL: certificate has expired (2026-03-17T06:00:00Z)",
        ),
    )
    add(
        c,
        lab,
        "booking cert has expired",
        hz_sentry.event(
            m(66, 30),
            "booking-svc",
            "node",
            [
                (
                    "Error",
                    "certificate has expired",
                    st(
                        ("node:_tls_wrap", "TLSSocket.onConnectSecure", 1674),
                        ("/app/dist/airline/ndcClient.js", "NdcClient.orderCreate", 96),
                        ("/app/dist/routes/bookings.js", "createBooking", 52),
                    ),
                )
            ],
            release="booking-svc@4.22.3",
            transaction="POST /v2/bookings",
            tags={"airline": "SH", "error.code": "CERT_HAS_EXPIRED", "kube_deployment": "booking"},
        ),
    )
    add(
        c,
        lab,
        "splunk ndc errors by airline",
        hz_sp.alert(
            m(67),
            "HZ - NDC errors by airline",
            {
                "airline": "SH",
                "host": "ndc.skyhollow-air.com",
                "error": "CERT_HAS_EXPIRED",
                "count": "96",
            },
        ),
    )

    # I9: gateway deploy crashloops: ALB 502s, web can't reach the API.
    lab = "hz-gateway-crashloop"
    add(
        c,
        None,
        "deploy notice gateway",
        hz_dd.alert(
            m(69),
            6120901,
            "Deployment event: graphql-gateway rolled out",
            "kube_deployment:graphql-gateway",
            "Triggered",
            f"kube_deployment:graphql-gateway,kube_namespace:hz-prod,{prod},service:graphql-gateway,version:3.10.0",
            priority="P5",
            event_type="event_alert",
            message="Argo CD synced graphql-gateway to 3.10.0.",
        ),
    )
    add(
        c,
        lab,
        "datadog crashloopbackoff gateway",
        hz_dd.alert(
            m(71),
            6120778,
            "Deployment has pods in CrashLoopBackOff",
            "kube_deployment:graphql-gateway,kube_namespace:hz-prod",
            "Triggered",
            "kube_cluster_name:hz-prod-eks,kube_deployment:graphql-gateway,kube_namespace:hz-prod,env:production",
            metric="kubernetes_state.container.waiting",
            status="waiting{reason:crashloopbackoff} 4 > 0",
        ),
    )
    add(
        c,
        lab,
        "splunk alb 502 stats",
        hz_sp.alert(
            m(71, 40),
            "HZ - ALB 5xx by target group (5m)",
            {
                "target_group": "k8s-hzprod-graphqlg-1c9a0e",
                "service": "graphql-gateway",
                "count": "5120",
                "pct_5xx": "88.0",
                "elb": "app/hz-prod-public/5f0e7c",
            },
        ),
    )
    add(
        c,
        lab,
        "web sentry failed to fetch",
        hz_sentry.event(
            m(72),
            "web-app",
            "javascript",
            [
                (
                    "TypeError",
                    "Failed to fetch",
                    st(
                        (
                            "https://www.hazelport.travel/assets/vendor-apollo-4f2a91.js",
                            "HttpLink.request",
                            1,
                        ),
                        ("https://www.hazelport.travel/assets/index-2d9e1f.js", "App", 1),
                    ),
                )
            ],
            release="web@2026.03.16-2",
            transaction="/flights/:route/:date",
            user={"id": "u_88213", "ip_address": "81.2.69.0"},
            request={
                "url": "https://www.hazelport.travel/flights/LGW-BCN/2026-04-11",
                "headers": {"User-Agent": "Mozilla/5.0"},
            },
        ),
    )
    did, person = hz_people(9)
    add(
        c,
        lab,
        "posthog failed to fetch",
        hz_ph.exception(
            m(72, 20),
            "TypeError",
            "Failed to fetch",
            [(web_js + "vendor-apollo-4f2a91.js", "HttpLink.request", 1, 9921)],
            url="https://www.hazelport.travel/",
            distinct_id=did,
            person=person,
            browser=("Firefox", "123", "Windows"),
        ),
    )
    add(
        c,
        lab,
        "datadog crashloop recovered",
        hz_dd.alert(
            m(79),
            6120778,
            "Deployment has pods in CrashLoopBackOff",
            "kube_deployment:graphql-gateway,kube_namespace:hz-prod",
            "Recovered",
            "kube_cluster_name:hz-prod-eks,kube_deployment:graphql-gateway,kube_namespace:hz-prod,env:production",
            metric="kubernetes_state.container.waiting",
        ),
    )

    # I10: FX rates file in S3 becomes unreadable after an IAM change: pricing then search fail.
    lab = "hz-fx-s3-denied"
    add(
        c,
        lab,
        "pricing s3 access denied",
        hz_sentry.event(
            m(87),
            "pricing-svc",
            "java",
            [
                (
                    "software.amazon.awssdk.services.s3.model.S3Exception",
                    "Access Denied (Service: S3, Status Code: 403, Request ID: 9Q2W4E6R8T0Y)",
                    st(
                        ("FxRatesLoader.java", "com.hazelport.pricing.fx.FxRatesLoader.refresh", 64)
                    ),
                )
            ],
            release="pricing@2026.03.16-3",
            transaction="FxRatesLoader.refresh",
            tags={"bucket": "hz-prod-fx-rates"},
        ),
    )
    add(
        c,
        lab,
        "search pricing 503",
        hz_sentry.event(
            m(88),
            "search-api",
            "go",
            [
                (
                    "*pricing.StatusError",
                    "pricing quote: 503 Service Unavailable: fx rates stale (age 3602s)",
                    st(
                        (
                            "/go/src/hazelport/search/internal/pricing/client.go",
                            "pricing.(*Client).Quote",
                            131,
                        ),
                        (
                            "/go/src/hazelport/search/internal/api/search.go",
                            "api.(*Handler).Search",
                            118,
                        ),
                    ),
                )
            ],
            release="search-api@1.47.2",
            transaction="/v1/search/flights",
        ),
    )
    add(
        c,
        lab,
        "splunk cloudtrail access denied",
        hz_sp.alert(
            m(88, 40),
            "HZ - CloudTrail AccessDenied on prod buckets",
            {
                "_time": epoch(m(87, 2)),
                "sourcetype": "aws:cloudtrail",
                "eventName": "GetObject",
                "errorCode": "AccessDenied",
                "requestParameters.bucketName": "hz-prod-fx-rates",
                "userIdentity.arn": "arn:aws:sts::4172:assumed-role/hz-prod-pricing-irsa/pricing",
                "count": "61",
            },
        ),
    )
    add(
        c,
        lab,
        "datadog apm search error rate",
        hz_dd.alert(
            m(89),
            6120414,
            "search error rate above 5% on production",
            "env:production,service:search",
            "Triggered",
            "env:production,service:search,team:search",
            metric="trace.http.request.errors",
            status="0.18 > 0.05",
        ),
    )

    # I11: web release breaks the hotel page: Sentry event alert, PostHog, issue.
    lab = "hz-web-hotel-page"
    add(
        c,
        lab,
        "web event alert hotel gallery",
        hz_sentry.event(
            m(100),
            "web-app",
            "javascript",
            [
                (
                    "TypeError",
                    "Cannot read properties of undefined (reading 'thumbnails')",
                    st(
                        ("https://www.hazelport.travel/assets/hotel-3a77c1.js", "HotelGallery", 1),
                        (
                            "https://www.hazelport.travel/assets/vendor-react-0b1c2d.js",
                            "renderWithHooks",
                            1,
                        ),
                    ),
                )
            ],
            release="web@2026.03.17-1",
            transaction="/hotels/:slug",
            user={"id": "u_20441"},
            alert_rule="Web: new issue in latest release",
        ),
    )
    did, person = hz_people(611)
    add(
        c,
        lab,
        "posthog hotel gallery",
        hz_ph.exception(
            m(101),
            "TypeError",
            "Cannot read properties of undefined (reading 'thumbnails')",
            [
                (web_js + "vendor-react-0b1c2d.js", "renderWithHooks", 1, 48211),
                (web_js + "hotel-3a77c1.js", "HotelGallery", 1, 1190),
            ],
            url="https://www.hazelport.travel/hotels/porto-ribeira-suites",
            distinct_id=did,
            person=person,
            release="web@2026.03.17-1",
            mech="onerror",
        ),
    )
    add(
        c,
        lab,
        "posthog hotel gallery safari",
        hz_ph.exception(
            m(102, 30),
            "TypeError",
            "undefined is not an object (evaluating 'e.media.thumbnails')",
            [(web_js + "hotel-3a77c1.js", "HotelGallery", 1, 1190)],
            url="https://www.hazelport.travel/hotels/lisbon-alfama-loft",
            distinct_id=hexid(16),
            person=None,
            browser=("Mobile Safari", "17.3", "iOS"),
            release="web@2026.03.17-1",
            mech="onerror",
        ),
    )

    # I12: booking pool exhaustion, re-fires after a lull.
    lab = "hz-booking-pool"
    add(
        c,
        lab,
        "booking acquire timeout",
        hz_sentry.event(
            m(104),
            "booking-svc",
            "node",
            [
                (
                    "SequelizeConnectionAcquireTimeoutError",
                    "Operation timeout",
                    st(
                        (
                            "node_modules/sequelize/lib/dialects/abstract/connection-manager.js",
                            "ConnectionManager.getConnection",
                            185,
                        ),
                        ("/app/dist/repositories/bookingRepo.js", "BookingRepo.findByPnr", 120),
                    ),
                )
            ],
            release="booking-svc@4.22.3",
            transaction="GET /v2/bookings/:pnr",
            tags={"kube_deployment": "booking"},
        ),
    )
    add(
        c,
        lab,
        "datadog booking db connections",
        hz_dd.alert(
            m(104, 30),
            6120415,
            "booking p95 latency above 2s",
            "env:production,service:booking",
            "Triggered",
            "env:production,service:booking,team:booking",
            metric="trace.express.request",
            status="p95 6.3s > 2s",
        ),
    )
    add(
        c,
        lab,
        "datadog booking recovered",
        hz_dd.alert(
            m(110),
            6120415,
            "booking p95 latency above 2s",
            "env:production,service:booking",
            "Recovered",
            "env:production,service:booking,team:booking",
            metric="trace.express.request",
        ),
    )
    add(
        c,
        lab,
        "booking acquire timeout again",
        hz_sentry.event(
            m(141),
            "booking-svc",
            "node",
            [
                (
                    "SequelizeConnectionAcquireTimeoutError",
                    "Operation timeout",
                    st(
                        (
                            "node_modules/sequelize/lib/dialects/abstract/connection-manager.js",
                            "ConnectionManager.getConnection",
                            185,
                        ),
                        ("/app/dist/repositories/bookingRepo.js", "BookingRepo.findByPnr", 120),
                    ),
                )
            ],
            release="booking-svc@4.22.3",
            transaction="GET /v2/bookings/:pnr",
            tags={"kube_deployment": "booking"},
        ),
    )
    add(
        c,
        lab,
        "datadog booking latency re-triggered",
        hz_dd.alert(
            m(141, 30),
            6120415,
            "booking p95 latency above 2s",
            "env:production,service:booking",
            "Triggered",
            "env:production,service:booking,team:booking",
            metric="trace.express.request",
            status="p95 5.1s > 2s",
            new_cycle=True,
        ),
    )
    add(
        c,
        lab,
        "splunk booking pool stats",
        hz_sp.alert(
            m(142),
            "HZ - booking errors by route",
            {
                "route": "GET /v2/bookings/:pnr",
                "error": "SequelizeConnectionAcquireTimeoutError",
                "count": "418",
                "pods": "6",
            },
        ),
    )

    # more decoys
    add(
        c,
        None,
        "splunk heartbeat row later",
        hz_sp.alert(
            m(75),
            "HZ - forwarder heartbeat",
            {
                "_time": epoch(m(75)),
                "host": "hz-splunk-hf-01",
                "status": "ok",
                "forwarders": "42",
                "lag_s": "4",
            },
        ),
    )
    add(
        c,
        None,
        "datadog warn memory gateway recovers alone",
        hz_dd.alert(
            m(120),
            6121300,
            "Node heap usage high",
            "kube_deployment:graphql-gateway",
            "Warn",
            "kube_deployment:graphql-gateway,env:production,service:graphql-gateway",
            priority="P4",
            metric="runtime.node.heap.used",
            status="0.82 > 0.8",
        ),
    )
    add(
        c,
        None,
        "datadog warn memory gateway recovered",
        hz_dd.alert(
            m(127),
            6121300,
            "Node heap usage high",
            "kube_deployment:graphql-gateway",
            "Recovered",
            "kube_deployment:graphql-gateway,env:production,service:graphql-gateway",
            priority="P4",
            metric="runtime.node.heap.used",
        ),
    )
    add(
        c,
        None,
        "payments info handled",
        hz_sentry.event(
            m(105),
            "payments-svc",
            "python",
            [
                (
                    "payments.errors.CardDeclined",
                    "card declined by issuer: insufficient_funds",
                    st(("payments/psp/adyen.py", "authorise", 118)),
                )
            ],
            release="payments@2026.03.11",
            transaction="/v1/payments/authorise",
            level="info",
            handled=True,
        ),
    )


# --------------------------------------------------------------------------- Hollowmere Health

HM = "Hollowmere Health"
hm_sentry = Sentry(
    "hollowmere-health",
    "c0ffee5a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6",
    "8e3f0a21-5c4b-4d7e-a6f9-0b1c2d3e4f50",
    {"rota": 5530117},
)
hm_dd = Datadog("402991", "Hollowmere Health", True, "app.datadoghq.com")
hm_ph = PostHog(30512, "Clinician app", "https://us.posthog.com")
hm_sp = Splunk("https://splunk.hollowmere.local:8000", "9A1F3C77-2E4B-4B6D-8C1A-77F0D2E3B4A5")

NET = "csharp"


def net_frames(*fs: tuple[str, int]) -> list[tuple[str, str, int, bool]]:
    out = []
    for fn, ln in fs:
        app = fn.startswith("Hollowmere.")
        fname = fn.rsplit(".", 2)[-2] + ".cs" if app else ""
        out.append((fname, fn, ln, app))
    return out


def hm_person(n: int) -> tuple[str, dict[str, Any]]:
    did = f"clin_{n:05d}"
    return did, {
        "id": str(uuid.UUID(int=RNG.getrandbits(128), version=4)),
        "name": f"Clinician {n}",
        "url": f"https://us.posthog.com/project/30512/person/{did}",
        "properties": {
            "trust": "North Vale NHS FT",
            "role": "ward_manager",
            "email": f"clin{n}@northvale.nhs.example",
        },
    }


def winevent(
    t: datetime, host: str, log: str, src: str, code: str, etype: str, msg: str
) -> dict[str, Any]:
    return {
        "_time": epoch(t),
        "host": host,
        "index": "wineventlog",
        "source": f"WinEventLog:{log}",
        "sourcetype": f"WinEventLog:{log}",
        "ComputerName": f"{host}.hollowmere.local",
        "EventCode": code,
        "SourceName": src,
        "Type": etype,
        "LogName": log,
        "Message": msg,
    }


def hollowmere() -> None:
    c = HM
    day1 = datetime(2026, 3, 18, 6, 30, tzinfo=UTC)
    day2 = datetime(2026, 3, 19, 6, 30, tzinfo=UTC)

    def m(minute: int, sec: int = 0, day: datetime = day1) -> datetime:
        return day + timedelta(minutes=minute, seconds=sec)

    web = "https://rota.hollowmere.health"
    ng = web + "/static/js/"
    app_svc = "hm-rota-prod"

    # J1: SQL Server AG failover: the monolith and notify both lose the listener.
    lab = "hm-sql-ag-failover"
    add(
        c,
        lab,
        "windows event 1480 role change",
        hm_sp.alert(
            m(3),
            "HM - SQL AG role change",
            winevent(
                m(2, 41),
                "hm-sql01",
                "Application",
                "MSSQLSERVER",
                "1480",
                "Information",
                'The availability group database "Rota" is changing roles from "PRIMARY" to "RESOLVING" because the mirroring session or availability group failed over due to role synchronization.',
            ),
        ),
    )
    add(
        c,
        lab,
        "datadog ag state custom",
        hm_dd.alert(
            m(3, 20),
            88120001,
            "SQL Server AG replica not healthy",
            "availability_group:hm-rota-ag,host:hm-sql01",
            "Triggered",
            "availability_group:hm-rota-ag,host:hm-sql01,env:prod,role:sqlserver,service:sqlserver",
            priority="P1",
            host="hm-sql01",
            message="Replica hm-sql01 of hm-rota-ag is not SYNCHRONIZED/HEALTHY.",
        ),
    )
    add(
        c,
        lab,
        "rota transport-level sql error",
        hm_sentry.event(
            m(3, 40),
            "rota",
            NET,
            [
                (
                    "Microsoft.Data.SqlClient.SqlException",
                    "A transport-level error has occurred when receiving results from the server. (provider: TCP Provider, error: 0 - An existing connection was forcibly closed by the remote host.)",
                    net_frames(
                        ("Hollowmere.Rota.Web.Controllers.ShiftsController.GetWeek", 58),
                        ("Hollowmere.Rota.Data.ShiftRepository.ListForWardAsync", 112),
                        ("Microsoft.Data.SqlClient.SqlCommand.ExecuteReaderAsync", 0),
                    ),
                )
            ],
            release="Hollowmere.Rota@5.13.2",
            transaction="GET /api/wards/{wardId}/shifts",
            tags={"server_name": "RD0003FF4A21B7", "service": "rota-web", "site": app_svc},
            user={"id": "clin_00412", "username": "clin412"},
        ),
    )
    add(
        c,
        lab,
        "notify tedious connection error",
        hm_sentry.event(
            m(4),
            "rota",
            "node",
            [
                (
                    "ConnectionError",
                    "Failed to connect to hm-sql-ag.hollowmere.local:1433 - Could not connect (sequence)",
                    st(
                        ("node_modules/tedious/lib/connection.js", "Connection.socketError", 1350),
                        ("/opt/notify/dist/db/pool.js", "getPool", 22),
                        ("/opt/notify/dist/jobs/shiftReminders.js", "runBatch", 40),
                    ),
                )
            ],
            release="notify@2.8.1",
            tags={"service": "notify", "server_name": "hm-notify-vm01"},
        ),
    )
    add(
        c,
        lab,
        "splunk iis 500 stats by host",
        hm_sp.alert(
            m(4, 30),
            "HM - IIS 5xx by host (5m)",
            {
                "host": "RD0003FF4A21B7",
                "site": app_svc,
                "sc_status": "500",
                "count": "287",
                "top_uri": "/api/wards/{wardId}/shifts",
            },
        ),
    )
    did, person = hm_person(412)
    add(
        c,
        lab,
        "clinician app http 500",
        hm_ph.exception(
            m(5),
            "HttpErrorResponse",
            "Http failure response for https://rota.hollowmere.health/api/wards/W-114/shifts?week=2026-W12: 500 Internal Server Error",
            [(ng + "main.7c2b1e9a.js", "ShiftWeekComponent.load", 1, 88213)],
            url=web + "/wards/W-114/week/2026-W12",
            distinct_id=did,
            person=person,
            browser=("Edge", "122", "Windows"),
            handled=True,
            mech="generic",
        ),
    )
    add(
        c,
        lab,
        "datadog ag recovered",
        hm_dd.alert(
            m(11),
            88120001,
            "SQL Server AG replica not healthy",
            "availability_group:hm-rota-ag,host:hm-sql01",
            "Recovered",
            "availability_group:hm-rota-ag,host:hm-sql01,env:prod,role:sqlserver,service:sqlserver",
            priority="P1",
            host="hm-sql01",
        ),
    )

    # decoys: staging fails in the same minutes, heartbeats
    add(
        c,
        None,
        "staging rota error",
        hm_sentry.event(
            m(4, 10),
            "rota",
            NET,
            [
                (
                    "System.InvalidOperationException",
                    "No service for type 'Hollowmere.Rota.Features.IFeatureFlags' has been registered.",
                    net_frames(
                        (
                            "Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService",
                            0,
                        ),
                        ("Hollowmere.Rota.Web.Startup.Configure", 88),
                    ),
                )
            ],
            env="staging",
            release="Hollowmere.Rota@5.14.0-beta.3",
            tags={"server_name": "RD0003FF9C0D12", "site": "hm-rota-staging"},
        ),
    )
    add(
        c,
        None,
        "splunk heartbeat",
        hm_sp.alert(
            m(5, 30),
            "HM - UF heartbeat",
            {"_time": epoch(m(5, 30)), "host": "hm-splunk-ds01", "status": "ok", "clients": "17"},
        ),
    )
    add(
        c,
        None,
        "datadog synthetic ok info",
        hm_dd.alert(
            m(7),
            88120999,
            "Login page synthetic",
            "*",
            "Recovered",
            "env:prod,synthetics",
            priority="P5",
            event_type="synthetics_alert",
            message="All locations passing again.",
        ),
    )

    # J2: Redis timeouts on Azure Cache; rota slows; IIS 500s.
    lab = "hm-redis-timeouts"
    add(
        c,
        lab,
        "datadog redis server load",
        hm_dd.alert(
            m(20),
            88120020,
            "Azure Cache for Redis server load high",
            "name:hm-redis-prod,resource_group:hm-prod-rg",
            "Triggered",
            "name:hm-redis-prod,resource_group:hm-prod-rg,env:prod,service:redis,subscription_id:4e1b",
            priority="P2",
            message="serverLoad > 90% for 5 minutes.",
        ),
    )
    add(
        c,
        lab,
        "rota redis timeout",
        hm_sentry.event(
            m(20, 30),
            "rota",
            NET,
            [
                (
                    "StackExchange.Redis.RedisTimeoutException",
                    "Timeout performing GET (5000ms), next: GET rota:ward:W-207:week:2026-W12, inst: 12, qu: 0, qs: 41, aw: False, bw: SpinningDown, rs: ReadAsync, ws: Idle, in: 65536, serverEndpoint: hm-redis-prod.redis.cache.windows.net:6380, IOCP: (Busy=0,Free=1000,Min=4,Max=1000), WORKER: (Busy=37,Free=32730,Min=4,Max=32767)",
                    net_frames(
                        ("Hollowmere.Rota.Caching.RedisWeekCache.GetAsync", 47),
                        ("StackExchange.Redis.ConnectionMultiplexer.ExecuteSyncImpl", 0),
                    ),
                )
            ],
            release="Hollowmere.Rota@5.13.2",
            transaction="GET /api/wards/{wardId}/week",
            tags={"server_name": "RD0003FF4A21B7", "service": "rota-web"},
        ),
    )
    add(
        c,
        lab,
        "splunk iis slow requests",
        hm_sp.alert(
            m(21),
            "HM - IIS slow requests by host",
            {
                "host": "RD0003FF5B33C2",
                "site": app_svc,
                "avg_time_taken": "6120",
                "count": "940",
                "sc_status": "500",
            },
        ),
    )
    add(
        c,
        lab,
        "datadog redis recovered",
        hm_dd.alert(
            m(33),
            88120020,
            "Azure Cache for Redis server load high",
            "name:hm-redis-prod,resource_group:hm-prod-rg",
            "Recovered",
            "name:hm-redis-prod,resource_group:hm-prod-rg,env:prod,service:redis,subscription_id:4e1b",
            priority="P2",
        ),
    )

    # decoy: an unrelated notify error in the same minutes (bad phone number)
    add(
        c,
        None,
        "notify invalid phone number",
        hm_sentry.event(
            m(21, 30),
            "rota",
            "node",
            [
                (
                    "RestException",
                    "The 'To' number +44 7700 90012 is not a valid phone number.",
                    st(
                        (
                            "node_modules/twilio/lib/base/RequestClient.js",
                            "RequestClient.request",
                            181,
                        ),
                        ("/opt/notify/dist/channels/sms.js", "sendSms", 33),
                    ),
                )
            ],
            release="notify@2.8.1",
            level="warning",
            handled=True,
            tags={"service": "notify", "server_name": "hm-notify-vm02"},
        ),
    )

    # J3: HL7 ADT backlog in Mirth: engine queue, Windows event, rota sees stale patients.
    lab = "hm-hl7-backlog"
    add(
        c,
        lab,
        "datadog mirth queue custom",
        hm_dd.alert(
            m(38),
            88120030,
            "HL7 channel queue depth",
            "channel:ADT_IN_NorthVale,host:hm-hl7-vm01",
            "Triggered",
            "channel:ADT_IN_NorthVale,host:hm-hl7-vm01,env:prod,service:mirth",
            host="hm-hl7-vm01",
            message="Mirth channel ADT_IN_NorthVale has 4,812 queued messages.",
        ),
    )
    add(
        c,
        lab,
        "windows event mirth",
        hm_sp.alert(
            m(38, 30),
            "HM - Mirth service errors",
            winevent(
                m(38, 2),
                "hm-hl7-vm01",
                "Application",
                "Mirth Connect Service",
                "1000",
                "Error",
                "ADT_IN_NorthVale: Destination 1 - Rota API: ERROR 504 Gateway Timeout (queued, attempt 7)",
            ),
        ),
    )
    add(
        c,
        lab,
        "rota hl7 ingest error",
        hm_sentry.event(
            m(39),
            "rota",
            NET,
            [
                (
                    "Hollowmere.Rota.Integration.Hl7AckException",
                    "ADT^A08 for MRN 7781920 not acknowledged within 30s (control id 20260318063902113)",
                    net_frames(
                        ("Hollowmere.Rota.Web.Controllers.Hl7Controller.Post", 31),
                        ("Hollowmere.Rota.Integration.AdtHandler.HandleA08Async", 77),
                    ),
                )
            ],
            release="Hollowmere.Rota@5.13.2",
            transaction="POST /integration/hl7/adt",
            tags={"service": "rota-web"},
        ),
    )
    add(
        c,
        lab,
        "datadog mirth queue re-triggered",
        hm_dd.alert(
            m(52),
            88120030,
            "HL7 channel queue depth",
            "channel:ADT_IN_NorthVale,host:hm-hl7-vm01",
            "Re-Triggered",
            "channel:ADT_IN_NorthVale,host:hm-hl7-vm01,env:prod,service:mirth",
            host="hm-hl7-vm01",
            message="Mirth channel ADT_IN_NorthVale has 7,040 queued messages.",
        ),
    )
    add(
        c,
        lab,
        "datadog mirth queue recovered",
        hm_dd.alert(
            m(66),
            88120030,
            "HL7 channel queue depth",
            "channel:ADT_IN_NorthVale,host:hm-hl7-vm01",
            "Recovered",
            "channel:ADT_IN_NorthVale,host:hm-hl7-vm01,env:prod,service:mirth",
            host="hm-hl7-vm01",
        ),
    )

    # J4: Twilio timeouts in notify; Sentry metric alert opens and resolves.
    lab = "hm-twilio-timeouts"
    add(
        c,
        lab,
        "notify twilio etimedout",
        hm_sentry.event(
            m(44),
            "rota",
            "node",
            [
                (
                    "Error",
                    "connect ETIMEDOUT 54.172.60.0:443",
                    st(
                        ("node:net", "TCPConnectWrap.afterConnect [as oncomplete]", 1595),
                        ("/opt/notify/dist/channels/sms.js", "sendSms", 33),
                        ("/opt/notify/dist/jobs/shiftReminders.js", "runBatch", 58),
                    ),
                )
            ],
            release="notify@2.8.1",
            tags={"service": "notify", "server_name": "hm-notify-vm01", "provider": "twilio"},
        ),
    )
    add(
        c,
        lab,
        "sentry metric alert notify failures",
        hm_sentry.metric(
            m(45),
            "critical",
            "rota",
            "notify: SMS send failures",
            "count()",
            "service:notify message:ETIMEDOUT",
            25,
            311,
            rule_id=90411,
            alert_id=6610021,
            started=m(44, 40),
        ),
    )
    add(
        c,
        lab,
        "datadog notify error logs custom",
        hm_dd.alert(
            m(45, 30),
            88120040,
            "notify: SMS provider errors",
            "host:hm-notify-vm01,service:notify",
            "Triggered",
            "host:hm-notify-vm01,service:notify,env:prod,provider:twilio",
            event_type="log_alert_monitor",
            host="hm-notify-vm01",
            message="More than 50 'sms send failed' logs in 5 minutes.",
        ),
    )
    add(
        c,
        lab,
        "sentry metric alert notify resolved",
        hm_sentry.metric(
            m(61),
            "resolved",
            "rota",
            "notify: SMS send failures",
            "count()",
            "service:notify message:ETIMEDOUT",
            25,
            0,
            rule_id=90411,
            alert_id=6610021,
            started=m(44, 40),
        ),
    )

    # decoys around J3/J4
    add(
        c,
        None,
        "windows event backup ok",
        hm_sp.alert(
            m(40),
            "HM - SQL backups",
            winevent(
                m(39, 30),
                "hm-sql02",
                "Application",
                "MSSQLSERVER",
                "18264",
                "Information",
                "Database backed up. Database: Rota, creation date(time): 2021/05/03(10:11:40), pages dumped: 1211842.",
            ),
        ),
    )
    add(
        c,
        None,
        "deploy notice notify",
        hm_dd.alert(
            m(47),
            88120900,
            "Release: notify 2.8.2 deployed to staging",
            "*",
            "Triggered",
            "env:staging,service:notify,version:2.8.2",
            priority="P5",
            event_type="event_alert",
        ),
    )
    did, person = hm_person(77)
    add(
        c,
        None,
        "posthog chunk load after deploy",
        hm_ph.exception(
            m(48),
            "ChunkLoadError",
            "Loading chunk 611 failed.\n(error: https://rota.hollowmere.health/static/js/611.a1b2c3.chunk.js)",
            [(ng + "runtime.4d5e6f.js", "__webpack_require__.f.j", 1, 5522)],
            url=web + "/reports/overtime",
            distinct_id=did,
            person=person,
        ),
    )

    # J5: bad deploy of the monolith: NullReferenceException in shift swaps; resolved after rollback.
    lab = "hm-rota-bad-deploy"
    iss = str(RNG.randint(4_100_000_000, 4_199_999_999))
    add(
        c,
        None,
        "deploy notice rota",
        hm_dd.alert(
            m(75),
            88120901,
            "Release: Hollowmere.Rota 5.14.0 swapped into production slot",
            "*",
            "Triggered",
            "env:prod,service:rota-web,version:5.14.0",
            priority="P5",
            event_type="event_alert",
        ),
    )
    add(
        c,
        lab,
        "sentry issue created NRE",
        hm_sentry.issue(
            m(78),
            "created",
            "rota",
            NET,
            "ROTA-9QF",
            "NullReferenceException",
            "Object reference not set to an instance of an object.",
            "Hollowmere.Rota.Swaps.ShiftSwapService in ApproveAsync",
            first=m(77, 40),
            count=9,
            users=6,
            filename="ShiftSwapService.cs",
            function="ApproveAsync",
            issue_id=iss,
        ),
    )
    add(
        c,
        lab,
        "sentry event alert NRE",
        hm_sentry.event(
            m(78, 20),
            "rota",
            NET,
            [
                (
                    "System.NullReferenceException",
                    "Object reference not set to an instance of an object.",
                    net_frames(
                        ("Hollowmere.Rota.Web.Controllers.SwapsController.Approve", 44),
                        ("Hollowmere.Rota.Swaps.ShiftSwapService.ApproveAsync", 203),
                    ),
                )
            ],
            release="Hollowmere.Rota@5.14.0",
            transaction="POST /api/swaps/{id}/approve",
            issue_id=iss,
            tags={"server_name": "RD0003FF5B33C2", "service": "rota-web"},
            user={"id": "clin_00921"},
            alert_rule="Production: issue seen by more than 5 users",
        ),
    )
    add(
        c,
        lab,
        "splunk iis 500 on swaps",
        hm_sp.alert(
            m(79),
            "HM - IIS 5xx by host (5m)",
            {
                "host": "RD0003FF5B33C2",
                "site": app_svc,
                "sc_status": "500",
                "count": "164",
                "top_uri": "/api/swaps/{id}/approve",
            },
        ),
    )
    did, person = hm_person(921)
    add(
        c,
        lab,
        "posthog swap approve failure",
        hm_ph.exception(
            m(79, 30),
            "HttpErrorResponse",
            "Http failure response for https://rota.hollowmere.health/api/swaps/88213/approve: 500 Internal Server Error",
            [(ng + "main.7c2b1e9a.js", "SwapApprovalComponent.approve", 1, 120044)],
            url=web + "/swaps/pending",
            distinct_id=did,
            person=person,
            handled=True,
            mech="generic",
        ),
    )
    add(
        c,
        lab,
        "sentry issue resolved",
        hm_sentry.issue(
            m(96),
            "resolved",
            "rota",
            NET,
            "ROTA-9QF",
            "NullReferenceException",
            "Object reference not set to an instance of an object.",
            "Hollowmere.Rota.Swaps.ShiftSwapService in ApproveAsync",
            first=m(77, 40),
            count=402,
            users=88,
            filename="ShiftSwapService.cs",
            function="ApproveAsync",
            issue_id=iss,
            user_actor=(511002, "Tom Achebe"),
        ),
    )

    # J6: ADFS token-signing certificate expired: logins fail.
    lab = "hm-adfs-cert"
    add(
        c,
        lab,
        "windows event adfs 364",
        hm_sp.alert(
            m(100),
            "HM - ADFS errors",
            winevent(
                m(99, 40),
                "hm-adfs01",
                "AD FS/Admin",
                "AD FS",
                "364",
                "Error",
                "Encountered error during federation passive request. Microsoft.IdentityServer.Service.Policy.PolicyServer.Engine.InvalidCertificateException: MSIS3015: The signing certificate of the claims provider trust is expired.",
            ),
        ),
    )
    add(
        c,
        lab,
        "rota signature key error",
        hm_sentry.event(
            m(100, 30),
            "rota",
            NET,
            [
                (
                    "Microsoft.IdentityModel.Tokens.SecurityTokenInvalidSigningKeyException",
                    "IDX10249: X509SecurityKey validation failed. The associated certificate has expired. ValidTo (UTC): '3/18/2026 8:00:00 AM', Current time (UTC): '3/18/2026 8:10:30 AM'.",
                    net_frames(
                        (
                            "Microsoft.AspNetCore.Authentication.WsFederation.WsFederationHandler.HandleRemoteAuthenticateAsync",
                            0,
                        )
                    ),
                )
            ],
            release="Hollowmere.Rota@5.13.2",
            transaction="/signin-wsfed",
            tags={"service": "rota-web"},
        ),
    )
    add(
        c,
        lab,
        "datadog tls cert custom",
        hm_dd.alert(
            m(101),
            88120050,
            "TLS certificate expired",
            "host:sts.hollowmere.health,port:443",
            "Triggered",
            "check:tls.cert_expiration,host:sts.hollowmere.health,env:prod",
            priority="P1",
            event_type="service_check",
        ),
    )
    add(
        c,
        lab,
        "posthog login error",
        hm_ph.exception(
            m(101, 30),
            "Error",
            "Sign-in failed: the identity provider returned an error (MSIS3015)",
            [(ng + "main.7c2b1e9a.js", "AuthCallbackComponent.ngOnInit", 1, 4410)],
            url=web + "/auth/callback?error=access_denied",
            distinct_id=hexid(20),
            person=None,
            handled=True,
            mech="generic",
        ),
    )

    # ---- day 2
    # J7: w3wp memory growth on the App Service instance, recycles, re-fires after a lull.
    lab = "hm-rota-memory-leak"
    add(
        c,
        lab,
        "datadog app service memory custom",
        hm_dd.alert(
            m(5, day=day2),
            88120060,
            "App Service working set high",
            "instance:RD0003FF4A21B7,name:hm-rota-prod",
            "Triggered",
            "instance:RD0003FF4A21B7,name:hm-rota-prod,env:prod,service:rota-web",
            host="RD0003FF4A21B7",
        ),
    )
    add(
        c,
        lab,
        "rota out of memory",
        hm_sentry.event(
            m(6, day=day2),
            "rota",
            NET,
            [
                (
                    "System.OutOfMemoryException",
                    "Exception of type 'System.OutOfMemoryException' was thrown.",
                    net_frames(
                        ("Hollowmere.Rota.Reports.OvertimeReport.BuildAsync", 133),
                        ("System.Text.StringBuilder.ExpandByABlock", 0),
                    ),
                )
            ],
            release="Hollowmere.Rota@5.14.1",
            transaction="GET /api/reports/overtime",
            tags={"server_name": "RD0003FF4A21B7", "service": "rota-web"},
        ),
    )
    add(
        c,
        lab,
        "splunk iis 503 stats",
        hm_sp.alert(
            m(7, day=day2),
            "HM - IIS 5xx by host (5m)",
            {
                "host": "RD0003FF4A21B7",
                "site": app_svc,
                "sc_status": "503",
                "count": "77",
                "top_uri": "/api/reports/overtime",
            },
        ),
    )
    add(
        c,
        lab,
        "datadog app service memory re-triggered",
        hm_dd.alert(
            m(58, day=day2),
            88120060,
            "App Service working set high",
            "instance:RD0003FF4A21B7,name:hm-rota-prod",
            "Re-Triggered",
            "instance:RD0003FF4A21B7,name:hm-rota-prod,env:prod,service:rota-web",
            host="RD0003FF4A21B7",
        ),
    )
    add(
        c,
        lab,
        "rota out of memory again",
        hm_sentry.event(
            m(59, day=day2),
            "rota",
            NET,
            [
                (
                    "System.OutOfMemoryException",
                    "Exception of type 'System.OutOfMemoryException' was thrown.",
                    net_frames(
                        ("Hollowmere.Rota.Reports.OvertimeReport.BuildAsync", 133),
                        ("System.Text.StringBuilder.ExpandByABlock", 0),
                    ),
                )
            ],
            release="Hollowmere.Rota@5.14.1",
            transaction="GET /api/reports/overtime",
            tags={"server_name": "RD0003FF4A21B7", "service": "rota-web"},
        ),
    )
    add(
        c,
        lab,
        "datadog app service memory recovered",
        hm_dd.alert(
            m(70, day=day2),
            88120060,
            "App Service working set high",
            "instance:RD0003FF4A21B7,name:hm-rota-prod",
            "Recovered",
            "instance:RD0003FF4A21B7,name:hm-rota-prod,env:prod,service:rota-web",
            host="RD0003FF4A21B7",
        ),
    )

    # J8: transaction log full on the secondary (AG log send queue), writes fail.
    lab = "hm-sql-log-full"
    add(
        c,
        lab,
        "datadog disk space custom",
        hm_dd.alert(
            m(14, day=day2),
            88120070,
            "Disk free low on SQL log volume",
            "device:L:,host:hm-sql02",
            "Triggered",
            "device:L:,host:hm-sql02,env:prod,role:sqlserver",
            host="hm-sql02",
            message="L: on hm-sql02 has 0.4% free.",
        ),
    )
    add(
        c,
        lab,
        "windows event 9002",
        hm_sp.alert(
            m(15, day=day2),
            "HM - SQL errors",
            winevent(
                m(14, 40, day2),
                "hm-sql01",
                "Application",
                "MSSQLSERVER",
                "9002",
                "Error",
                "The transaction log for database 'Rota' is full due to 'AVAILABILITY_REPLICA'.",
            ),
        ),
    )
    add(
        c,
        lab,
        "rota sql 9002",
        hm_sentry.event(
            m(15, 20, day2),
            "rota",
            NET,
            [
                (
                    "Microsoft.Data.SqlClient.SqlException",
                    "The transaction log for database 'Rota' is full due to 'AVAILABILITY_REPLICA'.",
                    net_frames(
                        ("Hollowmere.Rota.Web.Controllers.ShiftsController.Assign", 91),
                        (
                            "Microsoft.EntityFrameworkCore.Storage.RelationalCommand.ExecuteNonQueryAsync",
                            0,
                        ),
                    ),
                )
            ],
            release="Hollowmere.Rota@5.14.1",
            transaction="PUT /api/shifts/{id}/assignee",
            tags={"server_name": "RD0003FF5B33C2", "service": "rota-web"},
        ),
    )
    add(
        c,
        lab,
        "notify sql 9002",
        hm_sentry.event(
            m(16, day=day2),
            "rota",
            "node",
            [
                (
                    "RequestError",
                    "The transaction log for database 'Rota' is full due to 'AVAILABILITY_REPLICA'.",
                    st(
                        (
                            "node_modules/tedious/lib/connection.js",
                            "Connection.processRequest",
                            2801,
                        ),
                        ("/opt/notify/dist/jobs/markSent.js", "markSent", 17),
                    ),
                )
            ],
            release="notify@2.8.2",
            tags={"service": "notify", "server_name": "hm-notify-vm02"},
        ),
    )
    add(
        c,
        lab,
        "datadog disk recovered",
        hm_dd.alert(
            m(31, day=day2),
            88120070,
            "Disk free low on SQL log volume",
            "device:L:,host:hm-sql02",
            "Recovered",
            "device:L:,host:hm-sql02,env:prod,role:sqlserver",
            host="hm-sql02",
        ),
    )

    # J9: notify VM process crashes (heap limit), the monolith's calls get refused.
    lab = "hm-notify-crash"
    add(
        c,
        lab,
        "journald abort row",
        hm_sp.alert(
            m(24, day=day2),
            "HM - notify service exits",
            {
                "_time": epoch(m(23, 48, day2)),
                "host": "hm-notify-vm02",
                "index": "linux",
                "sourcetype": "journald",
                "_raw": "Mar 19 06:53:48 hm-notify-vm02 systemd[1]: notify.service: Main process exited, code=killed, status=6/ABRT",
                "_SYSTEMD_UNIT": "notify.service",
            },
        ),
    )
    add(
        c,
        lab,
        "datadog process down custom",
        hm_dd.alert(
            m(24, 30, day2),
            88120080,
            "notify process not running",
            "host:hm-notify-vm02,process:notify",
            "Triggered",
            "host:hm-notify-vm02,process:notify,env:prod,service:notify",
            host="hm-notify-vm02",
            event_type="service_check",
        ),
    )
    add(
        c,
        lab,
        "rota connection refused to notify",
        hm_sentry.event(
            m(25, day=day2),
            "rota",
            NET,
            [
                (
                    "System.Net.Sockets.SocketException",
                    "Connection refused",
                    net_frames(("System.Net.Http.HttpConnectionPool.ConnectToTcpHostAsync", 0)),
                ),
                (
                    "System.Net.Http.HttpRequestException",
                    "Connection refused (hm-notify-vm02.hollowmere.local:3000)",
                    net_frames(
                        ("Hollowmere.Rota.Notifications.NotifyClient.SendAsync", 62),
                        ("Hollowmere.Rota.Swaps.ShiftSwapService.ApproveAsync", 221),
                    ),
                ),
            ],
            release="Hollowmere.Rota@5.14.1",
            transaction="POST /api/swaps/{id}/approve",
            tags={"service": "rota-web"},
        ),
    )
    add(
        c,
        lab,
        "datadog process recovered",
        hm_dd.alert(
            m(29, day=day2),
            88120080,
            "notify process not running",
            "host:hm-notify-vm02,process:notify",
            "Recovered",
            "host:hm-notify-vm02,process:notify,env:prod,service:notify",
            host="hm-notify-vm02",
            event_type="service_check",
        ),
    )

    # decoys day 2
    add(
        c,
        None,
        "staging sql error day2",
        hm_sentry.event(
            m(15, 40, day2),
            "rota",
            NET,
            [
                (
                    "Microsoft.Data.SqlClient.SqlException",
                    "Invalid column name 'BreakMinutes'.",
                    net_frames(("Hollowmere.Rota.Data.ShiftRepository.ListForWardAsync", 118)),
                )
            ],
            env="staging",
            release="Hollowmere.Rota@5.15.0-beta.1",
            tags={"site": "hm-rota-staging"},
        ),
    )
    add(
        c,
        None,
        "splunk heartbeat day2",
        hm_sp.alert(
            m(20, day=day2),
            "HM - UF heartbeat",
            {
                "_time": epoch(m(20, day=day2)),
                "host": "hm-splunk-ds01",
                "status": "ok",
                "clients": "17",
            },
        ),
    )
    add(
        c,
        None,
        "datadog cpu warn hl7 recovers alone",
        hm_dd.alert(
            m(26, day=day2),
            88120990,
            "CPU high",
            "host:hm-hl7-vm01",
            "Warn",
            "host:hm-hl7-vm01,env:prod",
            priority="P4",
            host="hm-hl7-vm01",
        ),
    )
    add(
        c,
        None,
        "datadog cpu warn hl7 recovered",
        hm_dd.alert(
            m(34, day=day2),
            88120990,
            "CPU high",
            "host:hm-hl7-vm01",
            "Recovered",
            "host:hm-hl7-vm01,env:prod",
            priority="P4",
            host="hm-hl7-vm01",
        ),
    )

    # J10: clinician app release breaks the rota grid (web only errors, Sentry and PostHog).
    lab = "hm-clinician-grid"
    add(
        c,
        lab,
        "sentry browser error grid",
        hm_sentry.event(
            m(40, day=day2),
            "rota",
            "javascript",
            [
                (
                    "TypeError",
                    "Cannot read properties of null (reading 'startsAt')",
                    st(
                        (ng + "main.91ad0f3b.js", "RotaGridComponent.buildColumns", 1),
                        (ng + "polyfills.1e2d3c.js", "ZoneDelegate.invoke", 1),
                    ),
                )
            ],
            release="clinician-web@2026.3.19",
            transaction="/wards/:wardId/grid",
            tags={"service": "clinician-web", "browser": "Edge 122"},
            user={"id": "clin_00318"},
            alert_rule="Clinician web: new issue",
        ),
    )
    did, person = hm_person(318)
    add(
        c,
        lab,
        "posthog grid error",
        hm_ph.exception(
            m(40, 30, day2),
            "TypeError",
            "Cannot read properties of null (reading 'startsAt')",
            [(ng + "main.91ad0f3b.js", "RotaGridComponent.buildColumns", 1, 77120)],
            url=web + "/wards/W-207/grid",
            distinct_id=did,
            person=person,
            release="clinician-web@2026.3.19",
            mech="onerror",
        ),
    )
    did, person = hm_person(555)
    add(
        c,
        lab,
        "posthog grid error firefox",
        hm_ph.exception(
            m(42, day=day2),
            "TypeError",
            'can\'t access property "startsAt", e is null',
            [(ng + "main.91ad0f3b.js", "RotaGridComponent.buildColumns", 1, 77120)],
            url=web + "/wards/W-114/grid",
            distinct_id=did,
            person=person,
            browser=("Firefox", "124", "Windows"),
            release="clinician-web@2026.3.19",
            mech="onerror",
        ),
    )

    # J11: blob storage throttling breaks rota exports.
    lab = "hm-blob-exports"
    add(
        c,
        lab,
        "rota blob server busy",
        hm_sentry.event(
            m(46, day=day2),
            "rota",
            NET,
            [
                (
                    "Azure.RequestFailedException",
                    "The server is busy.\nRequestId:6c1f...\nStatus: 503 (The server is busy.)\nErrorCode: ServerBusy",
                    net_frames(
                        ("Hollowmere.Rota.Exports.PayrollExportJob.UploadAsync", 84),
                        ("Azure.Storage.Blobs.BlobClient.UploadAsync", 0),
                    ),
                )
            ],
            release="Hollowmere.Rota@5.14.1",
            transaction="Hangfire PayrollExportJob",
            tags={"service": "rota-jobs", "storage_account": "hmrotaexportsprod"},
        ),
    )
    add(
        c,
        lab,
        "datadog storage throttling custom",
        hm_dd.alert(
            m(46, 30, day2),
            88120090,
            "Storage account throttling",
            "name:hmrotaexportsprod",
            "Triggered",
            "name:hmrotaexportsprod,resource_group:hm-prod-rg,env:prod",
            message="ServerBusyError transactions > 100",
        ),
    )
    add(
        c,
        lab,
        "splunk export failures stats",
        hm_sp.alert(
            m(48, day=day2),
            "HM - payroll export failures by trust",
            {
                "trust": "North Vale NHS FT",
                "job": "PayrollExportJob",
                "failures": "14",
                "last_error": "ServerBusy",
            },
        ),
    )
    add(
        c,
        lab,
        "datadog storage recovered",
        hm_dd.alert(
            m(63, day=day2),
            88120090,
            "Storage account throttling",
            "name:hmrotaexportsprod",
            "Recovered",
            "name:hmrotaexportsprod,resource_group:hm-prod-rg,env:prod",
        ),
    )

    # decoys near J10/J11
    add(
        c,
        None,
        "posthog extension noise",
        hm_ph.exception(
            m(44, day=day2),
            "Error",
            "Extension context invalidated.",
            [],
            url=web + "/wards/W-301/grid",
            distinct_id=hexid(20),
            person=None,
            mech="onerror",
        ),
    )
    add(
        c,
        None,
        "staging notify error",
        hm_sentry.event(
            m(47, day=day2),
            "rota",
            "node",
            [
                (
                    "Error",
                    "Missing env NOTIFY_TWILIO_FROM",
                    st(("/opt/notify/dist/config.js", "loadConfig", 12)),
                )
            ],
            env="staging",
            release="notify@2.9.0-rc1",
            tags={"service": "notify", "server_name": "hm-notify-stg01"},
        ),
    )
    add(
        c,
        None,
        "splunk iis stats normal",
        hm_sp.alert(
            m(50, day=day2),
            "HM - IIS 4xx by host (hourly)",
            {
                "host": "RD0003FF5B33C2",
                "site": app_svc,
                "sc_status": "404",
                "count": "210",
                "top_uri": "/favicon.ico",
            },
        ),
    )


# --------------------------------------------------------------------------- writing


def main() -> None:
    hazelport()
    hollowmere()
    ordered = sorted(ROWS, key=lambda r: r["at"])
    with OUT.open("w") as out:
        for r in ordered:
            line = {
                "source": r["source"],
                "headers": r["headers"],
                "body": r["body"],
                "incident": r["incident"],
                "role": r["role"],
                "at": r["at"].strftime("%Y-%m-%dT%H:%M:%SZ"),
                "company": r["company"],
            }
            out.write(json.dumps(line, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
