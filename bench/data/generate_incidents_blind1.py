"""Write ``bench/data/incidents-blind1.jsonl``: an outsider's labelled set of multi-tool incidents.

    python bench/data/generate_incidents_blind1.py

Two fictional companies, each over one morning, as their tools would have posted it:

- (V) Vellmore Freight, 2026-03-10 from 06:00 UTC: ``dispatch-api`` (Django on gunicorn, Celery
  ``label-worker`` and ``invoice-exporter``), ``rate-engine`` (Go), ``edi-gateway`` (nginx in
  front of a partner endpoint), ``tracking-web`` (React), Postgres ``pg-main``, Redis ``cache-02``,
  RabbitMQ; Sentry, Datadog (the recommended template), Splunk saved searches and PostHog.
- (Y) Yarrowby Clinics, 2026-03-11 from 07:00 UTC: ``appointments-svc`` (Spring Boot),
  ``notify-worker`` (Node, kafkajs), ``billing-svc`` (.NET 8), ``patient-portal`` (Next.js),
  MySQL ``db-appts-01``, Redis sessions, Keycloak, Twilio and Stripe; Sentry, Datadog (the
  team's own template: ``text``, ``monitor_id``, an unquoted ``$DATE``) and PostHog. No Splunk.

Each row is ``{"source", "headers", "body", "incident", "role", "at"}``; ``incident`` is the label
of the real failure the row belongs to, or ``null`` for a decoy (heartbeats, deploy notices,
a staging alert, a flapping monitor, a self-resolving warning, a 4xx spike, old bugs, browser
noise). Rows are written in the order they were sent. Deterministic: every random draw comes
from one seeded ``random.Random``; regenerating gives the same bytes.

Shapes, from the vendors' documentation (and ``shared/spec/provider-formats.md``):

- Sentry integration-platform webhooks (docs.sentry.io/integrations/integration-platform/webhooks:
  errors, issue-alerts, metric-alerts, issues): the ``{action, installation, data, actor}``
  envelope; ``error``/``event_alert`` carry ``Event.as_dict()`` (tags as ``[k, v]`` pairs,
  frames oldest first, chained exceptions cause first); ``metric_alert`` critical/warning/
  resolved with ``alert_rule``, ``description_text``/``description_title``; ``issue``
  created/resolved with the group serializer's camelCase fields. Headers ``Request-ID``,
  ``Sentry-Hook-Resource``, ``Sentry-Hook-Timestamp`` (seconds) and ``Sentry-Hook-Signature``
  (hex HMAC-SHA256 of the compact body with a made-up client secret).
- Datadog Webhooks integration (docs.datadoghq.com/integrations/webhooks): ``$EVENT_TITLE``,
  ``$EVENT_MSG`` in ``%%%`` fences, ``$ALERT_TRANSITION``, ``$ALERT_SCOPE``, ``$TAGS``,
  ``$DATE`` in milliseconds, ``$ALERT_CYCLE_KEY``; a custom header carrying a shared token.
- Splunk's webhook alert action (help.splunk.com, "Use a webhook alert action"): ``sid``,
  ``search_name``, ``app``, ``owner``, ``results_link``, ``result`` (the first row, all strings,
  ``_time`` epoch seconds); stats rows without ``_raw``.
- PostHog HTTP Webhook destination (posthog.com/docs/cdp, error-tracking/capture): ``{"event":
  {event}, "person": {person}, "project": {project}}``, ``$exception`` with ``$exception_list``
  and ``web:javascript`` raw frames; ``person`` null for a personless event.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

OUT = Path(__file__).resolve().parent / "incidents-blind1.jsonl"
RNG = random.Random(20260310)
SENTRY_SECRET = b"blind1-made-up-client-secret"


def _hex(n: int) -> str:
    return "".join(RNG.choice("0123456789abcdef") for _ in range(n))


def _digits(n: int) -> str:
    return str(RNG.randint(1, 9)) + "".join(RNG.choice("0123456789") for _ in range(n - 1))


def _iso(t: datetime) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"


class Company:
    def __init__(self, key: str, name: str, start: str) -> None:
        self.key = key
        self.name = name
        self.start = datetime.fromisoformat(start).replace(tzinfo=UTC)
        self.rows: list[dict] = []
        self.issue_ids: dict[str, str] = {}
        self.install = f"{_hex(8)}-{_hex(4)}-{_hex(4)}-{_hex(4)}-{_hex(12)}"
        self.org_id = _digits(6)
        self.cycles: dict[str, tuple[str, str, str]] = {}

    def t(self, minute: float) -> datetime:
        return self.start + timedelta(seconds=round(minute * 60) + RNG.randint(0, 9))

    def add(self, source: str, headers: dict, body: dict, label: str | None, role: str, at):
        self.rows.append(
            {
                "source": source,
                "headers": headers,
                "body": body,
                "incident": label,
                "role": role,
                "at": at.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "company": self.name,
            }
        )

    # ---------------------------------------------------------------- Sentry

    def _sentry_headers(self, resource: str, body: dict, at: datetime) -> dict:
        raw = json.dumps(body, separators=(",", ":")).encode()
        return {
            "Content-Type": "application/json",
            "Request-ID": _hex(32),
            "Sentry-Hook-Resource": resource,
            "Sentry-Hook-Timestamp": str(int(at.timestamp())),
            "Sentry-Hook-Signature": hmac.new(SENTRY_SECRET, raw, hashlib.sha256).hexdigest(),
        }

    def issue_id(self, key: str) -> str:
        return self.issue_ids.setdefault(key, _digits(10))

    def sentry_event(
        self,
        minute: float,
        label: str | None,
        role: str,
        *,
        project: str,
        project_id: int,
        platform: str,
        env: str,
        release: str | None,
        chain: list[tuple[str, str, list[dict]]],
        culprit: str,
        tags: dict | None = None,
        request: dict | None = None,
        contexts: dict | None = None,
        alert_rule: str | None = None,
        level: str = "error",
        handled: bool = False,
    ) -> None:
        at = self.t(minute)
        issue = self.issue_id(f"{project}|{chain[-1][0]}|{culprit}")
        org = self.name.split()[0].lower()
        event_id = _hex(32)
        tag_map = {"environment": env, "level": level, "handled": "yes" if handled else "no"}
        if release:
            tag_map["release"] = release
        tag_map.update(tags or {})
        values = [
            {
                "type": typ,
                "value": value,
                "module": None,
                "mechanism": {"type": "generic" if handled else "onerror", "handled": handled},
                "stacktrace": {"frames": frames},
            }
            for typ, value, frames in chain
        ]
        title = f"{chain[-1][0]}: {chain[-1][1]}".split("\n")[0][:200]
        event = {
            "event_id": event_id,
            "project": project_id,
            "release": release,
            "dist": None,
            "platform": platform,
            "message": "",
            "datetime": at.isoformat(),
            "timestamp": at.timestamp(),
            "received": at.timestamp() + 0.4,
            "tags": sorted([k, v] for k, v in tag_map.items()),
            "environment": env,
            "level": level,
            "culprit": culprit,
            "logger": "",
            "title": title,
            "type": "error",
            "location": chain[-1][2][-1].get("filename") if chain[-1][2] else None,
            "metadata": {"type": chain[-1][0], "value": chain[-1][1][:200]},
            "exception": {"values": values},
            "contexts": contexts or {},
            "sdk": {"name": _sdk(platform), "version": _sdk_version(platform)},
            "version": "7",
            "url": f"https://sentry.io/api/0/projects/{org}/{project}/events/{event_id}/",
            "web_url": f"https://{org}.sentry.io/issues/{issue}/events/{event_id}/",
            "issue_url": f"https://sentry.io/api/0/issues/{issue}/",
            "issue_id": issue,
        }
        if request:
            event["request"] = request
        if alert_rule:
            resource = "event_alert"
            data = {"event": event, "triggered_rule": alert_rule}
            action = "triggered"
        else:
            resource = "error"
            data = {"error": event}
            action = "created"
        body = {
            "action": action,
            "installation": {"uuid": self.install},
            "data": data,
            "actor": {"type": "application", "id": "sentry", "name": "Sentry"},
        }
        self.add("sentry", self._sentry_headers(resource, body, at), body, label, role, at)

    def sentry_metric(
        self,
        minute: float,
        label: str | None,
        role: str,
        *,
        action: str,
        rule: str,
        rule_id: int,
        project: str,
        env: str,
        aggregate: str,
        query: str,
        threshold: float,
        value: float,
        key: str,
    ) -> None:
        at = self.t(minute)
        org = self.name.split()[0].lower()
        ident = self.issue_ids.setdefault(f"metric|{key}", str(RNG.randint(300, 900)))
        started = self.cycles.setdefault(f"metric|{key}", (_iso(at), "", ""))[0]
        status = {"critical": 20, "warning": 10, "resolved": 2}[action]
        title_word = {"critical": "Critical", "warning": "Warning", "resolved": "Resolved"}[action]
        body = {
            "action": action,
            "installation": {"uuid": self.install},
            "data": {
                "metric_alert": {
                    "id": str(int(ident) * 7 + 11),
                    "identifier": int(ident),
                    "organization_id": self.org_id,
                    "projects": [project],
                    "status": status,
                    "status_method": 3,
                    "type": 2,
                    "title": rule,
                    "date_started": started,
                    "date_detected": started,
                    "date_created": started,
                    "date_closed": _iso(at) if action == "resolved" else None,
                    "alert_rule": {
                        "id": str(rule_id),
                        "name": rule,
                        "organization_id": self.org_id,
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
                        "include_all_projects": False,
                        "owner": None,
                        "comparison_delta": None,
                        "date_modified": "2025-11-02T10:14:09.551000Z",
                        "date_created": "2025-06-18T09:30:41.122000Z",
                        "created_by": None,
                        "triggers": [
                            {
                                "id": str(rule_id * 3 + 1),
                                "alert_rule_id": str(rule_id),
                                "label": "critical",
                                "threshold_type": 0,
                                "alert_threshold": threshold,
                                "resolve_threshold": None,
                                "date_created": "2025-06-18T09:30:41.140000Z",
                                "actions": [
                                    {
                                        "id": str(rule_id * 5 + 2),
                                        "alert_rule_trigger_id": str(rule_id * 3 + 1),
                                        "type": "sentry_app",
                                        "target_type": "sentry_app",
                                        "target_identifier": "soulcaster",
                                        "input_channel_id": None,
                                        "desc": "Send a notification via Soulcaster",
                                    }
                                ],
                            }
                        ],
                    },
                },
                "description_text": f"{value:g} {_metric_words(aggregate)} in the last 5 minutes"
                + (f"\nFilter: {query}" if query else ""),
                "description_title": f"{title_word}: {rule}",
                "web_url": f"https://{org}.sentry.io/alerts/rules/details/{rule_id}/?alert={ident}",
            },
            "actor": {"type": "application", "id": "sentry", "name": "Sentry"},
        }
        headers = self._sentry_headers("metric_alert", body, at)
        self.add("sentry", headers, body, label, role, at)

    def sentry_issue(
        self,
        minute: float,
        label: str | None,
        role: str,
        *,
        action: str,
        project: str,
        project_id: int,
        platform: str,
        exc: str,
        value: str,
        culprit: str,
        short: str,
        count: int,
    ) -> None:
        at = self.t(minute)
        org = self.name.split()[0].lower()
        issue = self.issue_id(f"{project}|{exc}|{culprit}")
        first = self.cycles.setdefault(f"issue|{issue}", (at.isoformat(), "", ""))[0]
        body = {
            "action": action,
            "installation": {"uuid": self.install},
            "data": {
                "issue": {
                    "id": issue,
                    "shortId": short,
                    "title": f"{exc}: {value}",
                    "culprit": culprit,
                    "permalink": None,
                    "logger": None,
                    "level": "error",
                    "status": "resolved" if action == "resolved" else "unresolved",
                    "substatus": None if action == "resolved" else "new",
                    "statusDetails": {"inRelease": "latest"} if action == "resolved" else {},
                    "priority": "high",
                    "isPublic": False,
                    "platform": platform,
                    "project": {
                        "id": str(project_id),
                        "name": project,
                        "slug": project,
                        "platform": platform,
                    },
                    "type": "error",
                    "issueType": "error",
                    "issueCategory": "error",
                    "metadata": {"type": exc, "value": value, "in_app_frame_mix": "mixed"},
                    "numComments": 0,
                    "assignedTo": None,
                    "isBookmarked": False,
                    "isSubscribed": False,
                    "hasSeen": False,
                    "annotations": [],
                    "isUnhandled": True,
                    "count": str(count),
                    "userCount": max(1, count // 3),
                    "firstSeen": first,
                    "lastSeen": at.isoformat(),
                    "url": f"https://sentry.io/api/0/organizations/{org}/issues/{issue}/",
                    "web_url": f"https://{org}.sentry.io/issues/{issue}/",
                    "project_url": f"https://{org}.sentry.io/issues/?project={project_id}",
                }
            },
            "actor": (
                {"type": "user", "id": 48211, "name": "on-call"}
                if action == "resolved"
                else {"type": "application", "id": "sentry", "name": "Sentry"}
            ),
        }
        self.add("sentry", self._sentry_headers("issue", body, at), body, label, role, at)

    # --------------------------------------------------------------- Datadog

    def datadog(
        self,
        minute: float,
        label: str | None,
        role: str,
        *,
        monitor: str,
        monitor_id: int,
        transition: str,
        scope: str,
        tags: str,
        priority: str,
        message: str,
        query: str,
        event_type: str = "query_alert_monitor",
        metric: str = "",
        status: str = "",
        host: str = "",
        cycle: str | None = None,
    ) -> None:
        at = self.t(minute)
        key = cycle or f"{monitor_id}|{scope}"
        if key not in self.cycles or (transition == "Triggered" and self.cycles[key][2] == "done"):
            self.cycles[key] = (_hex(32), _hex(32), "")
        cycle_key, aggreg, _ = self.cycles[key]
        if transition == "Recovered":
            self.cycles[key] = (cycle_key, aggreg, "done")
        word = {
            "Triggered": "Triggered",
            "Re-Triggered": "Re-Triggered",
            "Renotify": "Triggered",
            "Recovered": "Recovered",
            "Warn": "Warn",
            "No Data": "No data",
        }[transition]
        alert_type = {
            "Triggered": "error",
            "Re-Triggered": "error",
            "Renotify": "error",
            "Recovered": "success",
            "Warn": "warning",
            "No Data": "warning",
        }[transition]
        on = f" on {{{scope}}}" if scope else ""
        title = f"[{priority}] [{word}{on}] {monitor}"
        ms = int(at.timestamp() * 1000)
        link = f"https://app.datadoghq.eu/monitors/{monitor_id}?group={scope.replace(':', '%3A')}"
        footer = (
            f"\n\nThe monitor was last triggered at {at.strftime('%a %b %d %Y %H:%M:%S UTC')}."
            f"\n\n- - -\n\n[[Monitor Status](https://app.datadoghq.eu/monitors/{monitor_id}"
            f"?from_ts={ms - 900000}&to_ts={ms}&event_id={_digits(19)})] "
            f"· [[Edit Monitor](https://app.datadoghq.eu/monitors/{monitor_id}/edit)]"
        )
        msg = f"%%%\n{message}\n\n@webhook-soulcaster{footer}\n%%%"
        event_id = _digits(19)
        if self.key == "v":
            body = {
                "id": event_id,
                "title": title,
                "body": msg,
                "event_type": event_type,
                "date": str(ms),
                "last_updated": str(ms),
                "org": {"id": self.org_id, "name": self.name},
                "alert_id": str(monitor_id),
                "alert_cycle_key": cycle_key,
                "aggreg_key": aggreg,
                "alert_scope": scope,
                "alert_transition": transition,
                "alert_type": alert_type,
                "alert_priority": priority,
                "alert_title": monitor,
                "alert_status": status,
                "alert_metric": metric,
                "alert_query": query,
                "priority": "normal",
                "tags": tags,
                "hostname": host,
                "link": link,
                "snapshot": "",
            }
            headers = {"Content-Type": "application/json", "X-Soulcaster-Token": "vf-dd-7f3a91"}
        else:
            text = message.replace("**", "").replace("`", "")
            body = {
                "title": title,
                "text": text,
                "monitor_id": str(monitor_id),
                "cycle_key": cycle_key,
                "transition": transition,
                "alert_type": alert_type,
                "alert_priority": priority,
                "scope": scope,
                "tags": tags,
                "date": ms,
                "host": host,
                "url": link,
                "team": "clinical-apps" if "service:" in tags else "platform",
            }
            headers = {
                "Content-Type": "application/json",
                "Authorization": "Bearer yc-datadog-hook-22b0",
            }
        self.add("datadog", headers, body, label, role, at)

    # ---------------------------------------------------------------- Splunk

    def splunk(
        self, minute: float, label: str | None, role: str, *, search: str | None, row: dict
    ) -> None:
        at = self.t(minute)
        stamp = int(at.timestamp())
        sid = f"scheduler__svc_alerts__search__RMD5{_hex(16)}_at_{stamp}_{RNG.randint(100, 999)}"
        result = {}
        for k, v in row.items():
            result[k] = v if isinstance(v, list) else str(v)
        if "_raw" in result and "_time" not in result:
            result["_time"] = f"{at.timestamp() - RNG.randint(20, 200):.3f}"
        body = {
            "sid": sid,
            "search_name": search,
            "app": "search" if search is None else "vf_ops",
            "owner": "svc_alerts",
            "results_link": f"https://splunk.vellmore.example:8000/app/vf_ops/@go?sid={sid}",
            "result": result,
        }
        headers = {
            "Content-Type": "application/json",
            "User-Agent": "Splunk/8E5C2B61-0A4D-4F93-9D3E-2B7A6F0C1D45",
        }
        self.add("splunk", headers, body, label, role, at)

    # --------------------------------------------------------------- PostHog

    def posthog(
        self,
        minute: float,
        label: str | None,
        role: str,
        *,
        exc: str,
        value: str,
        frames: list[dict],
        url: str,
        browser: str,
        os_name: str,
        person: bool = True,
        mechanism: str = "onunhandledrejection",
        props: dict | None = None,
    ) -> None:
        at = self.t(minute)
        host = "https://eu.posthog.com" if self.key == "v" else "https://us.posthog.com"
        project_id = 31407 if self.key == "v" else 8822
        distinct = (
            f"{_hex(8)}-{_hex(4)}-{_hex(4)}-{_hex(4)}-{_hex(12)}"
            if person
            else f"0193{_hex(4)}-{_hex(4)}-7{_hex(3)}-{_hex(4)}-{_hex(12)}"
        )
        uuid = f"0195{_hex(4)}-{_hex(4)}-7{_hex(3)}-{_hex(4)}-{_hex(12)}"
        properties = {
            "$exception_list": [
                {
                    "type": exc,
                    "value": value,
                    "mechanism": {"type": mechanism, "handled": False, "synthetic": False},
                    "stacktrace": {"type": "raw", "frames": frames},
                }
            ],
            "$exception_level": "error",
            "$exception_personURL": f"{host}/project/{project_id}/person/{distinct}",
            "$current_url": url,
            "$host": url.split("/")[2],
            "$pathname": "/" + "/".join(url.split("/")[3:]).split("?")[0],
            "$browser": browser,
            "$os": os_name,
            "$device_type": "Mobile" if os_name in ("iOS", "Android") else "Desktop",
            "$lib": "web",
            "$lib_version": "1.187.2",
            "$session_id": f"0195{_hex(4)}-{_hex(4)}-7{_hex(3)}-{_hex(4)}-{_hex(12)}",
        }
        properties.update(props or {})
        body = {
            "event": {
                "uuid": uuid,
                "event": "$exception",
                "distinct_id": distinct,
                "properties": properties,
                "elements_chain": "",
                "timestamp": at.strftime("%Y-%m-%dT%H:%M:%S.") + f"{RNG.randint(0, 999):03d}Z",
                "url": f"{host}/project/{project_id}/events/{uuid}/{at.isoformat()}",
            },
            "person": (
                {
                    "id": f"0193{_hex(4)}-{_hex(4)}-7{_hex(3)}-{_hex(4)}-{_hex(12)}",
                    "properties": {"email": f"user{RNG.randint(100, 9999)}@example.com"},
                    "name": f"user{RNG.randint(100, 9999)}@example.com",
                    "url": f"{host}/project/{project_id}/person/{distinct}",
                }
                if person
                else None
            ),
            "project": {
                "id": project_id,
                "name": "Tracking web" if self.key == "v" else "Patient portal",
                "url": f"{host}/project/{project_id}",
            },
        }
        headers = {"Content-Type": "application/json", "X-Soulcaster-Token": f"{self.key}-ph-91c2"}
        self.add("posthog", headers, body, label, role, at)


def _sdk(platform: str) -> str:
    return {
        "python": "sentry.python.django",
        "go": "sentry.go",
        "javascript": "sentry.javascript.react",
        "java": "sentry.java.spring-boot.jakarta",
        "node": "sentry.javascript.node",
        "csharp": "sentry.dotnet.aspnetcore",
    }[platform]


def _sdk_version(platform: str) -> str:
    return {
        "python": "2.19.2",
        "go": "0.29.1",
        "javascript": "8.42.0",
        "java": "7.18.1",
        "node": "8.42.0",
        "csharp": "4.13.0",
    }[platform]


def _metric_words(aggregate: str) -> str:
    if aggregate.startswith("p95"):
        return "ms p95 transaction duration"
    if "failure_rate" in aggregate:
        return "failure rate"
    return "events"


# ------------------------------------------------------------------ frames


def py(path: str, function: str, line: int, code: str, in_app: bool = True) -> dict:
    module = path.removesuffix(".py").replace("/", ".")
    return {
        "filename": path,
        "abs_path": f"/app/{path}" if in_app else f"/usr/local/lib/python3.12/site-packages/{path}",
        "function": function,
        "module": module,
        "lineno": line,
        "context_line": f"    {code}",
        "pre_context": [],
        "post_context": [],
        "in_app": in_app,
        "vars": {},
        "data": {},
    }


def go(pkg: str, file: str, function: str, line: int, in_app: bool = True) -> dict:
    return {
        "filename": file,
        "abs_path": f"/src/{pkg}/{file}" if in_app else f"/go/pkg/mod/{pkg}/{file}",
        "function": function,
        "module": pkg,
        "lineno": line,
        "in_app": in_app,
    }


def js(url: str, function: str, line: int, col: int, in_app: bool = True) -> dict:
    return {
        "filename": url,
        "abs_path": url,
        "function": function,
        "lineno": line,
        "colno": col,
        "in_app": in_app,
    }


def java(module: str, function: str, file: str, line: int, in_app: bool = True) -> dict:
    return {
        "filename": file,
        "module": module,
        "function": function,
        "lineno": line,
        "in_app": in_app,
    }


def cs(module: str, function: str, file: str | None, line: int | None, in_app=True) -> dict:
    frame = {"module": module, "function": function, "in_app": in_app, "package": "BillingSvc"}
    if file:
        frame["filename"] = file
        frame["lineno"] = line
    return frame


def phjs(url: str, function: str, line: int, col: int, in_app: bool = True) -> dict:
    return {
        "platform": "web:javascript",
        "filename": url,
        "function": function,
        "lineno": line,
        "colno": col,
        "in_app": in_app,
    }


# --------------------------------------------------------------- Vellmore

DJ = "django/db/backends/utils.py"
V_ENV = "production"
V_REL = "dispatch-api@2026.03.09-2"
V_CHUNK = "https://track.vellmore.example/static/js"


def _dispatch_frames(view: str, fn: str, line: int, code: str) -> list[dict]:
    return [
        py("django/core/handlers/base.py", "_get_response", 197, "response = wrapped(...)", False),
        py(f"dispatch/{view}.py", fn, line, code),
        py("django/db/models/query.py", "__iter__", 400, "self._fetch_all()", False),
        py(DJ, "_execute", 105, "return self.cursor.execute(sql, params)", False),
    ]


def vellmore(c: Company) -> None:
    sd = {"project": "dispatch-api", "project_id": 4507221, "platform": "python", "env": V_ENV}
    req = {
        "url": "https://api.vellmore.example/api/shipments/",
        "method": "GET",
        "headers": [["Host", "api.vellmore.example"]],
    }
    # V1 06:12 pg-main primary failover ------------------------------------------------
    lab = "v-pg-main-failover"
    c.datadog(
        12,
        lab,
        "datadog: Postgres connections saturated on pg-main-01, triggered",
        monitor="Postgres active connections near max_connections",
        monitor_id=88120411,
        transition="Triggered",
        scope="host:pg-main-01",
        priority="P2",
        tags="db:pg-main,env:prod,host:pg-main-01,role:primary,team:data",
        message="postgresql.percent_usage_connections on **host:pg-main-01** is 0.98 "
        "(threshold 0.9).\nPrimary is refusing new connections; check pgbouncer.",
        query="avg(last_5m):avg:postgresql.percent_usage_connections{role:primary} by {host} > 0.9",
        metric="postgresql.percent_usage_connections",
        host="pg-main-01",
        status="postgresql.percent_usage_connections over host:pg-main-01 was > 0.9",
    )
    pg_chain = [
        (
            "OperationalError",
            'connection to server at "pg-main.internal" (10.20.4.11), port 5432 failed: '
            "FATAL:  sorry, too many clients already",
            [
                py(
                    "psycopg/connection.py",
                    "connect",
                    119,
                    "raise last_ex.with_traceback(None)",
                    False,
                )
            ],
        ),
        (
            "OperationalError",
            'connection to server at "pg-main.internal" (10.20.4.11), port 5432 failed: '
            "FATAL:  sorry, too many clients already",
            _dispatch_frames("views/shipments", "list_shipments", 88, "return Response(qs)"),
        ),
    ]
    c.sentry_event(
        13,
        lab,
        "sentry error: psycopg OperationalError in dispatch-api shipments list",
        **sd,
        release=V_REL,
        chain=pg_chain,
        culprit="dispatch.views.shipments in list_shipments",
        tags={"server_name": "dispatch-api-6d8f9c7b5-x2kqp", "transaction": "/api/shipments/"},
        request=req,
    )
    c.sentry_metric(
        14,
        lab,
        "sentry metric alert critical: dispatch-api error count",
        action="critical",
        rule="dispatch-api errors > 50 / 5m",
        rule_id=2210,
        project="dispatch-api",
        env=V_ENV,
        aggregate="count()",
        query="level:error",
        threshold=50,
        value=212,
        key="v-dispatch-errors",
    )
    c.splunk(
        15,
        lab,
        "splunk: dispatch-api gunicorn log line with the OperationalError",
        search="VF prod - dispatch 5xx log lines",
        row={
            "_raw": "2026-03-10 06:15:02,417 ERROR [django.request] Internal Server Error: "
            "/api/shipments/ psycopg.OperationalError: connection to server at "
            '"pg-main.internal" (10.20.4.11), port 5432 failed: FATAL:  sorry, too many '
            "clients already",
            "host": "prd-k8s-node-07",
            "source": "/var/log/containers/dispatch-api-6d8f9c7b5-x2kqp_dispatch_web-3f1.log",
            "sourcetype": "kube:container:web",
            "index": "prd_apps",
            "_si": ["splunk-idx-02", "prd_apps"],
        },
    )
    c.sentry_event(
        19,
        lab,
        "sentry error: same OperationalError from label-worker (celery)",
        project="label-worker",
        project_id=4507224,
        platform="python",
        env=V_ENV,
        release="label-worker@2026.03.02-1",
        chain=[
            (
                "OperationalError",
                "server closed the connection unexpectedly\n\tThis "
                "probably means the server terminated abnormally",
                [
                    py(
                        "celery/app/trace.py",
                        "trace_task",
                        453,
                        "R = retval = fun(*args, **kwargs)",
                        False,
                    ),
                    py(
                        "labels/tasks.py",
                        "print_label",
                        41,
                        "shipment = Shipment.objects.get(pk=shipment_id)",
                    ),
                    py(DJ, "_execute", 105, "return self.cursor.execute(sql, params)", False),
                ],
            )
        ],
        culprit="labels.tasks.print_label",
        tags={"celery_task": "labels.tasks.print_label"},
    )
    c.datadog(
        31,
        lab,
        "datadog: pg-main connections recovered",
        monitor="Postgres active connections near max_connections",
        monitor_id=88120411,
        transition="Recovered",
        scope="host:pg-main-01",
        priority="P2",
        tags="db:pg-main,env:prod,host:pg-main-01,role:primary,team:data",
        message="postgresql.percent_usage_connections on **host:pg-main-01** is back to 0.41.",
        query="avg(last_5m):avg:postgresql.percent_usage_connections{role:primary} by {host} > 0.9",
        metric="postgresql.percent_usage_connections",
        host="pg-main-01",
    )
    c.sentry_metric(
        33,
        lab,
        "sentry metric alert resolved: dispatch-api error count",
        action="resolved",
        rule="dispatch-api errors > 50 / 5m",
        rule_id=2210,
        project="dispatch-api",
        env=V_ENV,
        aggregate="count()",
        query="level:error",
        threshold=50,
        value=7,
        key="v-dispatch-errors",
    )
    # decoy: staging alert on dispatch-api in the same minutes
    c.datadog(
        16,
        None,
        "decoy: staging dispatch-api error rate (a load test), not production",
        monitor="dispatch-api 5xx ratio",
        monitor_id=88120977,
        transition="Triggered",
        scope="env:staging,service:dispatch-api",
        priority="P4",
        tags="env:staging,service:dispatch-api,team:dispatch",
        message="trace.django.request.errors / hits for **service:dispatch-api** in "
        "**env:staging** is 0.12.",
        query="sum(last_10m):sum:trace.django.request.errors{env:staging,service:dispatch-api}"
        ".as_count() / sum:trace.django.request.hits{env:staging,service:dispatch-api}"
        ".as_count() > 0.05",
        event_type="query_alert_monitor",
    )
    c.datadog(
        44,
        None,
        "decoy: staging dispatch-api error rate recovered",
        monitor="dispatch-api 5xx ratio",
        monitor_id=88120977,
        transition="Recovered",
        scope="env:staging,service:dispatch-api",
        priority="P4",
        tags="env:staging,service:dispatch-api,team:dispatch",
        message="Back below 0.05 on env:staging.",
        query="sum(last_10m):sum:trace.django.request.errors{env:staging,service:dispatch-api}"
        ".as_count() / sum:trace.django.request.hits{env:staging,service:dispatch-api}"
        ".as_count() > 0.05",
    )
    # V2 07:05 rate-engine bad deploy 2.14.0 -------------------------------------------
    lab = "v-rate-engine-2.14.0"
    c.splunk(
        61,
        None,
        "decoy: argocd deploy notice for rate-engine v2.14.0",
        search="VF prod - deploys",
        row={
            "_raw": 'time="2026-03-10T07:01:12Z" level=info msg="sync succeeded" '
            "application=rate-engine revision=v2.14.0 dest-namespace=pricing",
            "host": "argocd-server-0",
            "sourcetype": "argocd",
            "index": "prd_platform",
        },
    )
    go_panic = [
        go("net/http", "server.go", "(*conn).serve", 2092, False),
        go("github.com/vellmore/rate-engine/internal/api", "quote.go", "(*Handler).Quote", 77),
        go("github.com/vellmore/rate-engine/internal/pricing", "surcharge.go", "FuelSurcharge", 43),
    ]
    for i, m in enumerate((6, 9)):
        c.sentry_event(
            60 + m,
            lab,
            f"sentry error {i + 1}: nil pointer panic in rate-engine FuelSurcharge",
            project="rate-engine",
            project_id=4507230,
            platform="go",
            env="prod",
            release="rate-engine@2.14.0",
            chain=[
                (
                    "runtime.errorString",
                    "runtime error: invalid memory address or nil pointer dereference",
                    go_panic,
                )
            ],
            culprit="pricing.FuelSurcharge",
            tags={
                "server_name": f"rate-engine-5b7d6f-{['k9zq2', 'p2mxw'][i]}",
                "url": "http://rate-engine.pricing.svc:8080/v1/quote",
            },
        )
    apm = dict(
        monitor="rate-engine error rate",
        monitor_id=88121530,
        scope="env:prod,kube_deployment:rate-engine",
        priority="P1",
        tags="env:prod,kube_deployment:rate-engine,kube_namespace:pricing,team:pricing,monitor",
        query="sum(last_5m):sum:trace.http.request.errors{env:prod,kube_deployment:rate-engine}"
        ".as_count() / sum:trace.http.request.hits{env:prod,kube_deployment:rate-engine}"
        ".as_count() > 0.1",
        event_type="query_alert_monitor",
    )
    c.datadog(
        67,
        lab,
        "datadog APM: rate-engine error rate triggered",
        transition="Triggered",
        message="Error rate of **kube_deployment:rate-engine** is 38% (threshold 10%).\n"
        "Runbook: https://wiki.vellmore.example/runbooks/rate-engine",
        **apm,
    )
    c.posthog(
        68,
        lab,
        "posthog: tracking-web quote page breaks reading amount of a failed quote",
        exc="TypeError",
        value="Cannot read properties of undefined (reading 'amount')",
        frames=[
            phjs(f"{V_CHUNK}/main.8c1f2a.js", "Object.onClick", 2, 88121),
            phjs(f"{V_CHUNK}/412.5d0e91.chunk.js", "QuoteSummary", 1, 4410),
        ],
        url="https://track.vellmore.example/quote?lane=DEHAM-PLGDN",
        browser="Chrome",
        os_name="Windows",
    )
    c.splunk(
        70,
        lab,
        "splunk: stats count of 5xx by service, rate-engine on top",
        search="VF prod - 5xx by service (5m)",
        row={"service": "rate-engine", "count": "412", "status": "502"},
    )
    c.datadog(
        82,
        lab,
        "datadog APM: rate-engine error rate renotify",
        transition="Renotify",
        message="Still alerting: error rate of **kube_deployment:rate-engine** is 35%.",
        **apm,
    )
    c.posthog(
        84,
        lab,
        "posthog: second user, Safari, same broken quote page",
        exc="TypeError",
        value="undefined is not an object (evaluating 'e.quote.amount')",
        frames=[phjs(f"{V_CHUNK}/412.5d0e91.chunk.js", "QuoteSummary", 1, 4402)],
        url="https://track.vellmore.example/quote?lane=NLRTM-FRLEH",
        browser="Safari",
        os_name="Mac OS X",
    )
    c.datadog(
        98,
        lab,
        "datadog APM: rate-engine error rate recovered after rollback",
        transition="Recovered",
        message="Error rate back to 0.2%.",
        **apm,
    )
    # decoy: flapping monitor on a bastion
    flap = dict(
        monitor="bastion CPU high",
        monitor_id=88119002,
        scope="host:bastion-01",
        priority="P4",
        tags="env:prod,host:bastion-01,role:bastion",
        host="bastion-01",
        query="avg(last_1m):avg:system.cpu.user{role:bastion} by {host} > 85",
        metric="system.cpu.user",
    )
    for m, tr in (
        (71, "Triggered"),
        (73, "Recovered"),
        (88, "Triggered"),
        (90, "Recovered"),
        (131, "Triggered"),
        (134, "Recovered"),
    ):
        c.datadog(
            m,
            None,
            f"decoy: flapping bastion CPU monitor, {tr.lower()}",
            transition=tr,
            message="system.cpu.user on **host:bastion-01** crossed 85.",
            **flap,
        )
    # V3 08:02 ParcelNet carrier API down (third party) -----------------------------------
    lab = "v-parcelnet-down"
    lw = {
        "project": "label-worker",
        "project_id": 4507224,
        "platform": "python",
        "env": V_ENV,
        "release": "label-worker@2026.03.02-1",
    }
    pn_frames = [
        py("celery/app/trace.py", "trace_task", 453, "R = retval = fun(*args, **kwargs)", False),
        py("labels/tasks.py", "book_carrier", 77, "booking = parcelnet.create_booking(payload)"),
        py(
            "labels/carriers/parcelnet.py",
            "create_booking",
            52,
            "resp = self.session.post(url, json=body, timeout=10)",
        ),
        py("requests/adapters.py", "send", 688, "raise ConnectTimeout(e, request=request)", False),
    ]
    for i, m in enumerate((122, 126)):
        c.sentry_event(
            m,
            lab,
            f"sentry error {i + 1}: ConnectTimeout to api.parcelnet.example in label-worker",
            **lw,
            chain=[
                (
                    "ConnectTimeout",
                    "HTTPSConnectionPool(host='api.parcelnet.example', "
                    "port=443): Max retries exceeded with url: /v3/bookings (Caused by "
                    "ConnectTimeoutError(<urllib3.connection.HTTPSConnection object at "
                    f"0x7f{_hex(10)}>, 'Connection to api.parcelnet.example timed out. "
                    "(connect timeout=10)'))",
                    pn_frames,
                )
            ],
            culprit="labels.tasks.book_carrier",
            tags={"celery_task": "labels.tasks.book_carrier", "carrier": "parcelnet"},
        )
    syn = dict(
        monitor="ParcelNet booking API reachable",
        monitor_id=88118855,
        scope="",
        priority="P2",
        tags="check_type:api,env:prod,vendor:parcelnet,team:labels",
        query="synthetics_check_id:kp4-7wz-q2m",
        event_type="synthetics_alert",
    )
    c.datadog(
        123,
        lab,
        "datadog synthetics: ParcelNet API unreachable",
        transition="Triggered",
        message="API test **ParcelNet booking API reachable** failed from 3 of 3 "
        "locations: `connect ETIMEDOUT api.parcelnet.example:443`",
        **syn,
    )
    c.splunk(
        128,
        lab,
        "splunk: label-worker retry log lines for ParcelNet",
        search="VF prod - label-worker errors",
        row={
            "_raw": "[2026-03-10 08:08:11,903: WARNING/ForkPoolWorker-3] labels.tasks.book_carrier"
            "[4c1e2a10-77b3-4d0e-9f55-0c2d9e11ab70] retry: Retry in 60s: ConnectTimeout("
            "'api.parcelnet.example timed out')",
            "host": "prd-k8s-node-03",
            "sourcetype": "celery",
            "index": "prd_apps",
        },
    )
    c.datadog(
        171,
        lab,
        "datadog synthetics: ParcelNet API back",
        transition="Recovered",
        message="API test **ParcelNet booking API reachable** passes again.",
        **syn,
    )
    # V4 08:05 invoices.export queue backing up (same minutes, separate) ------------------
    lab = "v-invoice-queue-backlog"
    rq = dict(
        monitor="RabbitMQ queue depth",
        monitor_id=88121900,
        scope="rabbitmq_queue:invoices.export",
        priority="P3",
        tags="env:prod,rabbitmq_queue:invoices.export,rabbitmq_vhost:/,team:finance",
        query="avg(last_10m):avg:rabbitmq.queue.messages{env:prod} by {rabbitmq_queue} > 5000",
        metric="rabbitmq.queue.messages",
        host="rabbitmq-1",
    )
    c.datadog(
        125,
        lab,
        "datadog: invoices.export queue depth high",
        transition="Triggered",
        message="**rabbitmq_queue:invoices.export** holds 18,240 messages.",
        **rq,
    )
    c.sentry_event(
        127,
        lab,
        "sentry error: SoftTimeLimitExceeded in export_invoices task",
        project="invoice-exporter",
        project_id=4507226,
        platform="python",
        env=V_ENV,
        release="invoice-exporter@1.22.0",
        chain=[
            (
                "SoftTimeLimitExceeded",
                "SoftTimeLimitExceeded()",
                [
                    py(
                        "celery/app/trace.py",
                        "trace_task",
                        453,
                        "R = retval = fun(*args, **kwargs)",
                        False,
                    ),
                    py("invoices/export.py", "export_invoices", 130, "writer.write_batch(rows)"),
                    py("invoices/sftp.py", "write_batch", 58, "self.sftp.putfo(buf, remote_path)"),
                    py(
                        "billiard/pool.py",
                        "soft_timeout_sighandler",
                        229,
                        "raise SoftTimeLimitExceeded()",
                        False,
                    ),
                ],
            )
        ],
        culprit="invoices.export.export_invoices",
        tags={"celery_task": "invoices.export.export_invoices"},
    )
    c.splunk(
        140,
        lab,
        "splunk: invoice-exporter worker lost",
        search="VF prod - celery worker lost",
        row={
            "_raw": "[2026-03-10 08:19:40,002: ERROR/MainProcess] "
            "Process 'ForkPoolWorker-2' pid:41 "
            "exited with 'signal 9 (SIGKILL)'\nbilliard.exceptions.WorkerLostError: Worker exited "
            "prematurely: signal 9 (SIGKILL) Job: 5512.",
            "host": "prd-k8s-node-05",
            "sourcetype": "celery",
            "index": "prd_apps",
            "kubernetes_pod": "invoice-exporter-7f6c9b8d4-lq2vn",
        },
    )
    c.datadog(
        155,
        lab,
        "datadog: invoices.export queue renotify",
        transition="Renotify",
        message="**rabbitmq_queue:invoices.export** still holds 11,902 messages.",
        **rq,
    )
    c.datadog(
        186,
        lab,
        "datadog: invoices.export queue drained",
        transition="Recovered",
        message="**rabbitmq_queue:invoices.export** back to 120 messages.",
        **rq,
    )
    # decoy: an old bug, unrelated, same hour
    c.sentry_event(
        150,
        None,
        "decoy: long-standing KeyError on consignee import, not an incident",
        **sd,
        release=V_REL,
        chain=[
            (
                "KeyError",
                "'consignee'",
                [
                    py(
                        "dispatch/imports/edifact.py",
                        "parse_nad",
                        212,
                        "name = seg['consignee']['name']",
                    ),
                ],
            )
        ],
        culprit="dispatch.imports.edifact in parse_nad",
    )
    # V5 09:00 tracking-web chunk load failures after a front-end release ----------------
    lab = "v-tracking-web-chunks"
    for i, (m, br, os_name) in enumerate(
        ((181, "Chrome", "Android"), (183, "Firefox", "Windows"), (188, "Mobile Safari", "iOS"))
    ):
        c.posthog(
            m,
            lab,
            f"posthog {i + 1}: ChunkLoadError after tracking-web release",
            exc="ChunkLoadError",
            value=f"Loading chunk 977 failed.\n(error: {V_CHUNK}/977.a41c03.chunk.js)",
            frames=[
                phjs(f"{V_CHUNK}/main.e02b7d.js", "Object.j.f.j", 2, 51722, False),
                phjs(f"{V_CHUNK}/main.e02b7d.js", "r", 2, 50877, False),
            ],
            url="https://track.vellmore.example/shipments/VF-88" + str(1400 + i * 7),
            browser=br,
            os_name=os_name,
            person=i != 1,
        )
    c.sentry_event(
        185,
        lab,
        "sentry issue alert: ChunkLoadError in tracking-web",
        project="tracking-web",
        project_id=4507233,
        platform="javascript",
        env="production",
        release="tracking-web@5.31.0",
        chain=[
            (
                "ChunkLoadError",
                f"Loading chunk 977 failed.\n(error: {V_CHUNK}/977.a41c03.chunk.js)",
                [js(f"{V_CHUNK}/main.e02b7d.js", "Object.j.f.j", 2, 51722, False)],
            )
        ],
        culprit="?(main.e02b7d.js)",
        alert_rule="New issue in tracking-web",
        contexts={"browser": {"name": "Chrome", "version": "122.0.0", "type": "browser"}},
        tags={"url": "https://track.vellmore.example/shipments/VF-881400", "browser": "Chrome 122"},
    )
    # decoy: self-resolving warning on LCP
    lcp = dict(
        rule="tracking-web LCP p95 > 4s",
        rule_id=2231,
        project="tracking-web",
        env="production",
        aggregate="p95(measurements.lcp)",
        query="transaction:/shipments/*",
        threshold=4000,
        key="v-lcp",
    )
    c.sentry_metric(
        230, None, "decoy: LCP warning that clears by itself", action="warning", value=4210, **lcp
    )
    c.sentry_metric(241, None, "decoy: LCP warning resolved", action="resolved", value=3120, **lcp)
    # V6 09:30 dispatch-api pods OOMKilled -----------------------------------------------
    lab = "v-dispatch-oom"
    k8s = dict(
        monitor="Pods restarting",
        monitor_id=88120100,
        scope="kube_deployment:dispatch-api,kube_namespace:dispatch",
        priority="P2",
        tags="env:prod,kube_cluster_name:prd-euw1,kube_deployment:dispatch-api,kube_namespace:dispatch",
        query="change(max(last_5m),last_5m):sum:kubernetes.containers.restarts{env:prod} "
        "by {kube_deployment,kube_namespace} > 3",
        metric="kubernetes.containers.restarts",
    )
    c.datadog(
        212,
        lab,
        "datadog: dispatch-api pods restarting",
        transition="Triggered",
        message="6 restarts in 5 minutes for **kube_deployment:dispatch-api**; last "
        "reason `OOMKilled`.",
        **k8s,
    )
    c.splunk(
        213,
        lab,
        "splunk: gunicorn worker timeout on a dispatch-api pod",
        search="VF prod - gunicorn critical",
        row={
            "_raw": "[2026-03-10 09:32:58 +0000] [1] [CRITICAL] WORKER TIMEOUT (pid:87)",
            "host": "prd-k8s-node-02",
            "kubernetes_pod": "dispatch-api-6d8f9c7b5-7tw4c",
            "kubernetes_container": "web",
            "sourcetype": "kube:container:web",
            "index": "prd_apps",
        },
    )
    c.sentry_event(
        214,
        lab,
        "sentry error: MemoryError building the manifest PDF",
        **sd,
        release=V_REL,
        chain=[
            (
                "MemoryError",
                "",
                [
                    py(
                        "dispatch/views/manifests.py",
                        "manifest_pdf",
                        61,
                        "pdf = render_manifest(route)",
                    ),
                    py(
                        "dispatch/pdf.py",
                        "render_manifest",
                        140,
                        "pages = [render_page(s) for s in stops]",
                    ),
                ],
            )
        ],
        culprit="dispatch.views.manifests in manifest_pdf",
        tags={
            "server_name": "dispatch-api-6d8f9c7b5-7tw4c",
            "transaction": "/api/routes/{id}/manifest.pdf",
        },
    )
    c.datadog(
        236,
        lab,
        "datadog: dispatch-api restarts recovered",
        transition="Recovered",
        message="No restarts in the last 5 minutes.",
        **k8s,
    )
    # V7 10:15 Redis cache-02 down -------------------------------------------------------
    lab = "v-redis-cache-down"
    c.datadog(
        255,
        lab,
        "datadog service check: redis can_connect critical on cache-02",
        monitor="Redis can connect",
        monitor_id=88119430,
        transition="Triggered",
        scope="host:cache-02,redis_host:10.20.6.8,redis_port:6379",
        priority="P2",
        tags="env:prd,host:cache-02,redis_role:master",
        host="cache-02",
        message="Check `redis.can_connect` is CRITICAL on **host:cache-02**: Error 111 "
        "connecting to 10.20.6.8:6379. Connection refused.",
        query='"redis.can_connect".over("env:prd").by("host","redis_host","redis_port")'
        ".last(2).count_by_status()",
        event_type="service_check",
    )
    c.sentry_event(
        256,
        lab,
        "sentry error: redis ConnectionError in dispatch-api session lookup",
        **sd,
        release=V_REL,
        chain=[
            (
                "ConnectionError",
                "Error 111 connecting to cache-02.internal:6379. Connection refused.",
                [
                    py(
                        "django/contrib/sessions/middleware.py",
                        "process_request",
                        18,
                        "request.session = self.SessionStore(session_key)",
                        False,
                    ),
                    py("dispatch/middleware/tenant.py", "__call__", 33, "tenant = cache.get(key)"),
                    py("redis/connection.py", "connect", 357, "raise ConnectionError(...)", False),
                ],
            )
        ],
        culprit="dispatch.middleware.tenant in __call__",
        tags={"server_name": "dispatch-api-6d8f9c7b5-x2kqp"},
    )
    c.splunk(
        258,
        lab,
        "splunk: dispatch-api redis errors counted by host",
        search="VF prod - redis errors by pod",
        row={
            "kubernetes_pod": "dispatch-api-6d8f9c7b5-x2kqp",
            "redis_host": "cache-02",
            "count": "934",
            "error": "redis.exceptions.ConnectionError",
        },
    )
    c.sentry_event(
        259,
        lab,
        "sentry error: redis ConnectionError in rate-engine (go-redis)",
        project="rate-engine",
        project_id=4507230,
        platform="go",
        env="prod",
        release="rate-engine@2.13.4",
        chain=[
            (
                "*net.OpError",
                "dial tcp 10.20.6.8:6379: connect: connection refused",
                [
                    go(
                        "github.com/vellmore/rate-engine/internal/cache",
                        "lanes.go",
                        "(*LaneCache).Get",
                        58,
                    ),
                    go(
                        "github.com/redis/go-redis/v9",
                        "redis.go",
                        "(*baseClient).process",
                        389,
                        False,
                    ),
                ],
            )
        ],
        culprit="cache.(*LaneCache).Get",
    )
    c.datadog(
        272,
        lab,
        "datadog service check: redis can_connect OK",
        monitor="Redis can connect",
        monitor_id=88119430,
        transition="Recovered",
        scope="host:cache-02,redis_host:10.20.6.8,redis_port:6379",
        priority="P2",
        tags="env:prd,host:cache-02,redis_role:master",
        host="cache-02",
        message="Check `redis.can_connect` is OK on **host:cache-02**.",
        query='"redis.can_connect".over("env:prd").by("host","redis_host","redis_port")'
        ".last(2).count_by_status()",
        event_type="service_check",
    )
    # decoy: 4xx spike from a customer's broken integration
    fourxx = dict(
        monitor="dispatch-api 4xx spike",
        monitor_id=88120555,
        scope="service:dispatch-api,http.status_code:422",
        priority="P4",
        tags="env:prod,service:dispatch-api,team:dispatch",
        query='logs("service:dispatch-api @http.status_code:4*").index("*")'
        '.rollup("count").by("@http.status_code").last("5m") > 500',
        event_type="log_alert",
    )
    c.datadog(
        262,
        None,
        "decoy: 422 spike from one customer's bad payloads",
        transition="Triggered",
        message="1,204 responses with status 422 from "
        "**service:dispatch-api**, 97% from api key `ak_live_…3f9` (client validation).",
        **fourxx,
    )
    c.datadog(
        284,
        None,
        "decoy: 422 spike recovered",
        transition="Recovered",
        message="422 responses back to normal.",
        **fourxx,
    )
    c.posthog(
        265,
        None,
        "decoy: a user's form validation error surfaced as an exception",
        exc="AxiosError",
        value="Request failed with status code 422",
        frames=[
            phjs(f"{V_CHUNK}/main.e02b7d.js", "settle", 2, 20331, False),
            phjs(f"{V_CHUNK}/622.0b7e11.chunk.js", "submitPickup", 1, 9120),
        ],
        url="https://track.vellmore.example/pickups/new",
        browser="Edge",
        os_name="Windows",
        mechanism="generic",
    )
    # V8 10:40 geocoding provider returning 503 ----------------------------------------
    lab = "v-geocoder-503"
    c.sentry_event(
        280,
        lab,
        "sentry error: GeocodeError upstream 503 in dispatch-api",
        **sd,
        release=V_REL,
        chain=[
            (
                "HTTPError",
                "503 Server Error: Service Unavailable for url: "
                "https://geo.mapgrid.example/v1/geocode?q=...",
                [
                    py("dispatch/geo/client.py", "geocode", 44, "resp.raise_for_status()"),
                ],
            ),
            (
                "GeocodeError",
                "geocoder unavailable (upstream 503)",
                [
                    py(
                        "dispatch/views/addresses.py",
                        "validate_address",
                        29,
                        "point = geo.geocode(addr)",
                    ),
                    py("dispatch/geo/client.py", "geocode", 47, "raise GeocodeError(...) from exc"),
                ],
            ),
        ],
        culprit="dispatch.views.addresses in validate_address",
        tags={"transaction": "/api/addresses/validate"},
    )
    for i, m in enumerate((281, 286)):
        c.posthog(
            m,
            lab,
            f"posthog {i + 1}: address autocomplete fails on the pickup form",
            exc="Error",
            value="Address lookup failed (503)",
            frames=[
                phjs(f"{V_CHUNK}/622.0b7e11.chunk.js", "lookupAddress", 1, 7711),
                phjs(f"{V_CHUNK}/622.0b7e11.chunk.js", "AddressField.onChange", 1, 8054),
            ],
            url="https://track.vellmore.example/pickups/new",
            browser=["Chrome", "Safari"][i],
            os_name=["Mac OS X", "iOS"][i],
        )
    c.splunk(
        290,
        lab,
        "splunk: stats of upstream 503s by upstream host",
        search="VF prod - upstream errors (5m)",
        row={
            "upstream_host": "geo.mapgrid.example",
            "status": "503",
            "count": "318",
            "service": "dispatch-api",
        },
    )
    # decoy: hourly heartbeat and info rows
    for m in (120, 240):
        c.splunk(
            m,
            None,
            "decoy: hourly cron heartbeat OK",
            search="VF prod - cron heartbeat",
            row={
                "_raw": f"2026-03-10T{6 + m // 60:02d}:00:03Z INFO heartbeat job=nightly-tariffs "
                "status=ok duration_ms=1840",
                "host": "prd-cron-01",
                "sourcetype": "cron",
                "index": "prd_platform",
            },
        )
    # V9 11:00 edi-gateway certificate expired -------------------------------------------
    lab = "v-edi-cert-expired"
    ssl = dict(
        monitor="edi.vellmore.example HTTPS check",
        monitor_id=88118201,
        scope="instance:edi_https,url:https://edi.vellmore.example/as2",
        priority="P1",
        tags="env:prod,service:edi-gateway,team:integrations",
        host="prd-edge-01",
        query='"http.can_connect".over("instance:edi_https").last(3).count_by_status()',
        event_type="service_check",
    )
    c.datadog(
        301,
        lab,
        "datadog: EDI HTTPS check critical (certificate expired)",
        transition="Triggered",
        message="`http.ssl_cert` CRITICAL: certificate for "
        "edi.vellmore.example expired on 2026-03-10 00:00:00 UTC.",
        **ssl,
    )
    c.splunk(
        303,
        lab,
        "splunk: nginx handshake failures on the edge host",
        search="VF prod - nginx errors",
        row={
            "_raw": "2026/03/10 11:03:14 [crit] 2217#2217: *918221 SSL_do_handshake() failed "
            "(SSL: error:0A000415:SSL routines::sslv3 alert certificate expired:SSL alert "
            "number 45) while SSL handshaking, client: 91.198.44.10, server: 0.0.0.0:443",
            "host": "prd-edge-01",
            "sourcetype": "nginx:error",
            "index": "prd_edge",
        },
    )
    c.datadog(
        338,
        lab,
        "datadog: EDI HTTPS check OK after renewal",
        transition="Recovered",
        message="`http.ssl_cert` OK: 89 days left.",
        **ssl,
    )
    # decoy: staging migration error before the production rollout
    c.sentry_event(
        305,
        None,
        "decoy: staging run of migration 0087 fails (staging only)",
        project="dispatch-api",
        project_id=4507221,
        platform="python",
        env="staging",
        release="dispatch-api@2026.03.10-1",
        chain=[
            (
                "ProgrammingError",
                "column shipments_shipment.eta_window does not exist\n"
                'LINE 1: ..."shipments_shipment"."eta_window"',
                _dispatch_frames("views/shipments", "list_shipments", 88, "return Response(qs)"),
            )
        ],
        culprit="dispatch.views.shipments in list_shipments",
    )
    # V10 11:20 bad migration in production --------------------------------------------
    lab = "v-dispatch-migration-0087"
    mig_chain = [
        (
            "UndefinedColumn",
            "column shipments_shipment.eta_window does not exist\n"
            'LINE 1: ..."shipments_shipment"."eta_window"',
            [py(DJ, "_execute", 105, "return self.cursor.execute(sql, params)", False)],
        ),
        (
            "ProgrammingError",
            "column shipments_shipment.eta_window does not exist\n"
            'LINE 1: ..."shipments_shipment"."eta_window"',
            _dispatch_frames("views/shipments", "list_shipments", 88, "return Response(qs)"),
        ),
    ]
    for i, m in enumerate((322, 324)):
        c.sentry_event(
            m,
            lab,
            f"sentry error {i + 1}: ProgrammingError eta_window in production",
            **{**sd, "env": V_ENV},
            release="dispatch-api@2026.03.10-1",
            chain=mig_chain,
            culprit="dispatch.views.shipments in list_shipments",
            tags={
                "server_name": f"dispatch-api-84c5d9f6b-{['m2r8s', 'q7jvd'][i]}",
                "transaction": "/api/shipments/",
            },
            request=req,
        )
    c.sentry_metric(
        325,
        lab,
        "sentry metric alert critical: dispatch-api error count (migration)",
        action="critical",
        rule="dispatch-api errors > 50 / 5m",
        rule_id=2210,
        project="dispatch-api",
        env=V_ENV,
        aggregate="count()",
        query="level:error",
        threshold=50,
        value=530,
        key="v-dispatch-errors-2",
    )
    c.posthog(
        326,
        lab,
        "posthog: shipments list fails to load for an operator",
        exc="AxiosError",
        value="Request failed with status code 500",
        frames=[
            phjs(f"{V_CHUNK}/main.f1a9c4.js", "settle", 2, 20331, False),
            phjs(f"{V_CHUNK}/301.c2d8e0.chunk.js", "useShipments", 1, 3011),
        ],
        url="https://track.vellmore.example/shipments",
        browser="Chrome",
        os_name="Windows",
    )
    c.datadog(
        327,
        lab,
        "datadog APM: 5xx on resource GET /api/shipments/",
        monitor="dispatch-api resource error rate",
        monitor_id=88121777,
        transition="Triggered",
        scope="env:prod,resource_name:get_/api/shipments/,service:dispatch-api",
        priority="P2",
        tags="env:prod,service:dispatch-api,team:dispatch,version:2026.03.10-1",
        message="**GET /api/shipments/** error rate is 100% on version 2026.03.10-1.",
        query="sum(last_5m):sum:trace.django.request.errors{env:prod,service:dispatch-api} by "
        "{resource_name}.as_count() / sum:trace.django.request.hits{env:prod,service:dispatch-api}"
        " by {resource_name}.as_count() > 0.05",
    )
    c.sentry_metric(
        346,
        lab,
        "sentry metric alert resolved after migration fix",
        action="resolved",
        rule="dispatch-api errors > 50 / 5m",
        rule_id=2210,
        project="dispatch-api",
        env=V_ENV,
        aggregate="count()",
        query="level:error",
        threshold=50,
        value=4,
        key="v-dispatch-errors-2",
    )
    # V11 12:35 S3 label storage timeouts ------------------------------------------------
    lab = "v-s3-slow"
    c.sentry_event(
        395,
        lab,
        "sentry error: botocore ReadTimeoutError uploading a label PDF",
        **lw,
        chain=[
            (
                "ReadTimeoutError",
                'Read timeout on endpoint URL: "https://vf-labels-prd.'
                's3.eu-west-1.amazonaws.com/2026/03/10/VF-889102.pdf"',
                [
                    py(
                        "labels/tasks.py",
                        "store_label",
                        102,
                        "s3.put_object(Bucket=BUCKET, Key=key, Body=pdf)",
                    ),
                    py(
                        "botocore/httpsession.py", "send", 501, "raise ReadTimeoutError(...)", False
                    ),
                ],
            )
        ],
        culprit="labels.tasks.store_label",
    )
    c.datadog(
        397,
        lab,
        "datadog: S3 5xx / latency on the labels bucket",
        monitor="S3 labels bucket latency",
        monitor_id=88122010,
        transition="Triggered",
        scope="bucketname:vf-labels-prd",
        priority="P3",
        tags="aws_account:4418,bucketname:vf-labels-prd,env:prod,region:eu-west-1",
        message="aws.s3.first_byte_latency p99 for **bucketname:vf-labels-prd** is 9.8s.",
        query="avg(last_10m):avg:aws.s3.first_byte_latency{bucketname:vf-labels-prd} > 3000",
        metric="aws.s3.first_byte_latency",
    )
    c.splunk(
        399,
        lab,
        "splunk: label-worker store_label retries",
        search="VF prod - label-worker errors",
        row={
            "_raw": "[2026-03-10 12:39:02,118: ERROR/ForkPoolWorker-1] "
            "Task labels.tasks.store_label"
            "[9a0e3b4c-1d22-4b8f-bc0a-55f7e1c0d913] raised unexpected: ReadTimeoutError('Read "
            'timeout on endpoint URL: "https://vf-labels-prd.s3.eu-west-1.amazonaws.com/..."\')',
            "host": "prd-k8s-node-03",
            "sourcetype": "celery",
            "index": "prd_apps",
        },
    )
    c.datadog(
        421,
        lab,
        "datadog: S3 labels bucket latency recovered",
        monitor="S3 labels bucket latency",
        monitor_id=88122010,
        transition="Recovered",
        scope="bucketname:vf-labels-prd",
        priority="P3",
        tags="aws_account:4418,bucketname:vf-labels-prd,env:prod,region:eu-west-1",
        message="Back to 180 ms.",
        query="avg(last_10m):avg:aws.s3.first_byte_latency{bucketname:vf-labels-prd} > 3000",
        metric="aws.s3.first_byte_latency",
    )
    # V12 12:40 rate-engine latency (goroutine leak), same minutes as V11 ----------------
    lab = "v-rate-engine-latency"
    lat = dict(
        monitor="rate-engine p99 latency",
        monitor_id=88121531,
        scope="env:prod,service:rate-engine",
        priority="P2",
        tags="env:prod,service:rate-engine,team:pricing",
        query="percentile(last_10m):p99:trace.http.request{env:prod,service:rate-engine} > 2",
        event_type="query_alert_monitor",
    )
    c.datadog(
        400,
        lab,
        "datadog APM: rate-engine p99 warn",
        transition="Warn",
        message="p99 latency of **service:rate-engine** is 1.6s.",
        **lat,
    )
    c.datadog(
        404,
        lab,
        "datadog APM: rate-engine p99 triggered",
        transition="Triggered",
        message="p99 latency of **service:rate-engine** is 4.9s.",
        **lat,
    )
    pm = dict(
        rule="rate-engine quote p95 > 1500ms",
        rule_id=2240,
        project="rate-engine",
        env="prod",
        aggregate="p95(transaction.duration)",
        query="transaction:/v1/quote",
        threshold=1500,
        key="v-rate-lat",
    )
    c.sentry_metric(
        405, lab, "sentry metric alert critical: /v1/quote p95", action="critical", value=4630, **pm
    )
    c.splunk(
        407,
        lab,
        "splunk: rate-engine goroutines by pod",
        search="VF prod - rate-engine runtime",
        row={
            "kubernetes_pod": "rate-engine-7f9b8c-d4xkq",
            "max_goroutines": "48211",
            "service": "rate-engine",
        },
    )
    c.datadog(
        436,
        lab,
        "datadog APM: rate-engine p99 recovered",
        transition="Recovered",
        message="p99 latency back to 240ms.",
        **lat,
    )
    c.sentry_metric(
        437, lab, "sentry metric alert resolved: /v1/quote p95", action="resolved", value=260, **pm
    )


# --------------------------------------------------------------- Yarrowby

Y_JS = "https://portal.yarrowby.example/_next/static/chunks"


def _spring(controller: str, method: str, line: int) -> list[dict]:
    return [
        java(
            "org.apache.catalina.core.ApplicationFilterChain",
            "doFilter",
            "ApplicationFilterChain.java",
            162,
            False,
        ),
        java(
            "org.springframework.web.servlet.FrameworkServlet",
            "service",
            "FrameworkServlet.java",
            885,
            False,
        ),
        java(f"uk.yarrowby.appointments.web.{controller}", method, f"{controller}.java", line),
    ]


def yarrowby(c: Company) -> None:
    ap = {"project": "appointments-svc", "project_id": 6620014, "platform": "java", "env": "prod"}
    nw = {
        "project": "notify-worker",
        "project_id": 6620019,
        "platform": "node",
        "env": "prod",
        "release": "notify-worker@3.8.1",
    }
    bl = {"project": "billing-svc", "project_id": 6620022, "platform": "csharp", "env": "prod"}
    fe = {
        "project": "patient-portal",
        "project_id": 6620030,
        "platform": "javascript",
        "env": "prod",
    }
    # Y12 07:05 nightly statement job times out ------------------------------------------
    lab = "y-statements-job-timeout"
    stmt = [
        cs(
            "BillingSvc.Jobs.MonthlyStatementsJob",
            "ExecuteAsync",
            "Jobs/MonthlyStatementsJob.cs",
            64,
        ),
        cs(
            "BillingSvc.Data.StatementRepository",
            "LoadBatchAsync",
            "Data/StatementRepository.cs",
            118,
        ),
        cs("Microsoft.Data.SqlClient.SqlCommand", "ExecuteReaderAsync", None, None, False),
    ]
    c.sentry_event(
        5,
        lab,
        "sentry error: SqlException timeout in the statements job",
        **bl,
        release="billing-svc@1.9.2",
        chain=[
            (
                "Microsoft.Data.SqlClient.SqlException",
                "Execution Timeout Expired.  The timeout "
                "period elapsed prior to completion of the operation or the server is not "
                "responding.",
                stmt,
            )
        ],
        culprit="BillingSvc.Data.StatementRepository in LoadBatchAsync",
        tags={"job": "monthly-statements"},
    )
    c.sentry_issue(
        6,
        lab,
        "sentry issue created for the statements timeout",
        action="created",
        project="billing-svc",
        project_id=6620022,
        platform="csharp",
        exc="Microsoft.Data.SqlClient.SqlException",
        value="Execution Timeout Expired.",
        culprit="BillingSvc.Data.StatementRepository in LoadBatchAsync",
        short="BILLING-SVC-3K",
        count=1,
    )
    c.datadog(
        9,
        lab,
        "datadog: statements cron check went missing",
        monitor="Cron: monthly-statements heartbeat",
        monitor_id=41007731,
        transition="No Data",
        scope="cron:monthly-statements",
        priority="P3",
        tags="cron:monthly-statements,env:production,service:billing-svc",
        message="No check-in from **cron:monthly-statements** for 30 minutes.",
        query='"cron.checkin".over("cron:monthly-statements").last(2).count_by_status()',
        event_type="service_check",
    )
    # Y1 07:20 MySQL disk full on db-appts-01 --------------------------------------------
    lab = "y-mysql-disk-full"
    disk = dict(
        monitor="Disk almost full",
        monitor_id=41002210,
        scope="device:/dev/nvme1n1,host:db-appts-01",
        priority="P1",
        tags="device:/dev/nvme1n1,env:production,host:db-appts-01,role:mysql",
        host="db-appts-01",
        query="max(last_5m):max:system.disk.in_use{role:mysql} by {host,device} > 0.95",
        metric="system.disk.in_use",
    )
    c.datadog(
        20,
        lab,
        "datadog: db-appts-01 data disk 99%",
        transition="Triggered",
        message="**/dev/nvme1n1** on **db-appts-01** is 99.2% full (binlogs).",
        **disk,
    )
    full = [
        (
            "java.sql.SQLException",
            "The table 'slot_holds' is full",
            [
                java(
                    "com.mysql.cj.jdbc.exceptions.SQLError",
                    "createSQLException",
                    "SQLError.java",
                    130,
                    False,
                )
            ],
        ),
        (
            "org.springframework.dao.DataAccessResourceFailureException",
            "could not execute statement [The table 'slot_holds' is full] [insert into slot_holds "
            "(clinic_id,expires_at,patient_id,slot_id) values (?,?,?,?)]",
            _spring("BookingController", "holdSlot", 71),
        ),
    ]
    for i, m in enumerate((22, 25)):
        c.sentry_event(
            m,
            lab,
            f"sentry error {i + 1}: slot_holds table is full in appointments-svc",
            **ap,
            release="appointments-svc@4.2.0",
            chain=full,
            culprit="uk.yarrowby.appointments.web.BookingController in holdSlot",
            tags={
                "server_name": f"appointments-svc-5c9d7-{['w8kl2', 'zz4rp'][i]}",
                "transaction": "POST /api/bookings/hold",
            },
        )
    c.sentry_event(
        26,
        lab,
        "sentry issue alert: booking failures on the portal",
        **fe,
        release="patient-portal@2026.3.4",
        chain=[
            (
                "Error",
                "Booking failed (500)",
                [
                    js(f"{Y_JS}/pages/book-0a7d1e44.js", "holdSlot", 1, 6120),
                    js(f"{Y_JS}/framework-2c79e2a6.js", "onClick", 1, 40210, False),
                ],
            )
        ],
        culprit="holdSlot(pages/book)",
        alert_rule="Portal: new high-volume issue",
        contexts={"browser": {"name": "Chrome", "version": "123.0.0", "type": "browser"}},
    )
    c.posthog(
        27,
        lab,
        "posthog: patient sees booking failure",
        exc="Error",
        value="Booking failed (500)",
        frames=[
            phjs(f"{Y_JS}/pages/book-0a7d1e44.js", "holdSlot", 1, 6120),
            phjs(f"{Y_JS}/framework-2c79e2a6.js", "onClick", 1, 40210, False),
        ],
        url="https://portal.yarrowby.example/book?clinic=leeds-north",
        browser="Chrome",
        os_name="Android",
    )
    c.datadog(
        65,
        lab,
        "datadog: db-appts-01 disk recovered after binlog purge",
        transition="Recovered",
        message="Disk back to 61%.",
        **disk,
    )
    # decoy: staging appointments-svc alert in the same minutes
    st = dict(
        monitor="appointments-svc error rate",
        monitor_id=41003300,
        scope="env:staging,service:appointments-svc",
        priority="P4",
        tags="env:staging,service:appointments-svc",
        query="sum(last_5m):sum:trace.servlet.request.errors{env:staging,service:appointments-svc}"
        ".as_count() / sum:trace.servlet.request.hits{env:staging,service:appointments-svc}"
        ".as_count() > 0.05",
    )
    c.datadog(
        23,
        None,
        "decoy: staging appointments-svc error rate (chaos test)",
        transition="Triggered",
        message="Error rate 9% on env:staging.",
        **st,
    )
    c.datadog(
        38,
        None,
        "decoy: staging appointments-svc recovered",
        transition="Recovered",
        message="OK.",
        **st,
    )
    # Y2 07:45 Twilio degraded -----------------------------------------------------------
    lab = "y-twilio-503"
    tw = [
        (
            "RestException",
            "[HTTP 503] Unable to create record: Service Unavailable",
            [
                js(
                    "/app/node_modules/twilio/lib/base/Version.js", "Version.create", 220, 23, False
                ),
                js("/app/dist/channels/sms.js", "SmsChannel.send", 41, 19),
                js("/app/dist/handlers/reminder.js", "handleReminder", 58, 11),
            ],
        )
    ]
    for i, m in enumerate((45, 47)):
        c.sentry_event(
            m,
            lab,
            f"sentry error {i + 1}: Twilio 503 in notify-worker",
            **nw,
            chain=tw,
            culprit="SmsChannel.send(dist/channels/sms)",
            tags={"server_name": f"notify-worker-66b8c-{['9qkzt', 'fj2hn'][i]}", "channel": "sms"},
        )
    sms = dict(
        monitor="SMS send failures",
        monitor_id=41005120,
        scope="service:notify-worker",
        priority="P2",
        tags="env:production,service:notify-worker,vendor:twilio",
        query='logs("service:notify-worker status:error @channel:sms").index("*")'
        '.rollup("count").last("5m") > 50',
        event_type="log_alert",
    )
    c.datadog(
        48,
        lab,
        "datadog log monitor: SMS send failures triggered",
        transition="Triggered",
        message="214 SMS send errors in 5 minutes.\nSample: `RestException: [HTTP 503] "
        "Unable to create record: Service Unavailable`",
        **sms,
    )
    c.datadog(
        78,
        lab,
        "datadog log monitor: SMS send failures renotify",
        transition="Renotify",
        message="Still 180 SMS errors / 5 min.",
        **sms,
    )
    c.datadog(
        96,
        lab,
        "datadog log monitor: SMS send failures recovered",
        transition="Recovered",
        message="SMS errors back to 0.",
        **sms,
    )
    # Y3 08:30 Keycloak outage -----------------------------------------------------------
    lab = "y-keycloak-down"
    for i, m in enumerate((90, 92)):
        c.posthog(
            m,
            lab,
            f"posthog {i + 1}: login page cannot reach the identity provider",
            exc="TypeError",
            value=["Failed to fetch", "Load failed"][i],
            frames=[
                phjs(f"{Y_JS}/pages/login-77e1b0c2.js", "startLogin", 1, 2288),
                phjs(f"{Y_JS}/main-4e6a0f1d.js", "fetchOidcConfig", 1, 18832),
            ],
            url="https://portal.yarrowby.example/login",
            browser=["Chrome", "Mobile Safari"][i],
            os_name=["Windows", "iOS"][i],
            person=False,
        )
    kc = dict(
        monitor="Portal login journey",
        monitor_id=41006001,
        scope="",
        priority="P1",
        tags="check_type:browser,env:production,team:identity",
        query="synthetics_check_id:yb1-lgn-001",
        event_type="synthetics_alert",
    )
    c.datadog(
        91,
        lab,
        "datadog synthetics: portal login journey failing",
        transition="Triggered",
        message="Step 2 'Wait for sso.yarrowby.example' failed: "
        "HTTP 502 from sso.yarrowby.example/realms/patients/.well-known/openid-configuration",
        **kc,
    )
    c.sentry_event(
        93,
        lab,
        "sentry error: JWK set fetch fails in appointments-svc",
        **ap,
        release="appointments-svc@4.2.0",
        chain=[
            (
                "java.net.ConnectException",
                "Connection refused",
                [java("sun.nio.ch.Net", "connect", "Net.java", 579, False)],
            ),
            (
                "com.nimbusds.jose.RemoteKeySourceException",
                "Couldn't retrieve remote JWK set: Connection refused",
                [
                    java(
                        "org.springframework.security.oauth2.jwt.NimbusJwtDecoder",
                        "decode",
                        "NimbusJwtDecoder.java",
                        153,
                        False,
                    ),
                    java(
                        "uk.yarrowby.appointments.security.TokenFilter",
                        "doFilterInternal",
                        "TokenFilter.java",
                        48,
                    ),
                ],
            ),
        ],
        culprit="uk.yarrowby.appointments.security.TokenFilter in doFilterInternal",
    )
    c.datadog(
        121,
        lab,
        "datadog synthetics: login journey passing again",
        transition="Recovered",
        message="All steps passed.",
        **kc,
    )
    # decoy: browser noise
    for m in (100, 205):
        c.posthog(
            m,
            None,
            "decoy: ResizeObserver loop noise from the calendar widget",
            exc="Error",
            value="ResizeObserver loop completed with undelivered notifications.",
            frames=[],
            url="https://portal.yarrowby.example/appointments",
            browser="Chrome",
            os_name="Mac OS X",
            mechanism="onerror",
        )
    # decoy: deploy notice for billing-svc 1.9.3 (event monitor)
    c.datadog(
        128,
        None,
        "decoy: deploy event for billing-svc 1.9.3",
        monitor="Deploy notice",
        monitor_id=41000090,
        transition="Triggered",
        scope="",
        priority="P5",
        tags="env:production,service:billing-svc,source:github",
        message="billing-svc 1.9.3 deployed by release-bot (argo rollout complete).",
        query='events("source:github tags:deploy").rollup("count").last("5m") > 0',
        event_type="event_alert_monitor",
    )
    # Y4 09:10 billing-svc 1.9.3 bad deploy --------------------------------------------
    lab = "y-billing-1.9.3"
    nre = [
        (
            "System.NullReferenceException",
            "Object reference not set to an instance of an object.",
            [
                cs("Microsoft.AspNetCore.Routing.EndpointMiddleware", "Invoke", None, None, False),
                cs(
                    "BillingSvc.Api.InvoicesEndpoints", "GetInvoice", "Api/InvoicesEndpoints.cs", 52
                ),
                cs(
                    "BillingSvc.Invoices.InvoiceBuilder",
                    "AddInsurerLines",
                    "Invoices/InvoiceBuilder.cs",
                    141,
                ),
            ],
        )
    ]
    for i, m in enumerate((131, 133)):
        c.sentry_event(
            m,
            lab,
            f"sentry error {i + 1}: NullReferenceException in InvoiceBuilder (1.9.3)",
            **bl,
            release="billing-svc@1.9.3",
            chain=nre,
            culprit="BillingSvc.Invoices.InvoiceBuilder in AddInsurerLines",
            tags={
                "server_name": f"billing-svc-78fd4-{['h2k9w', 'tt5xq'][i]}",
                "transaction": "GET /invoices/{id}",
            },
        )
    c.sentry_issue(
        132,
        lab,
        "sentry issue created: NullReferenceException in InvoiceBuilder",
        action="created",
        project="billing-svc",
        project_id=6620022,
        platform="csharp",
        exc="System.NullReferenceException",
        value="Object reference not set to an instance of an object.",
        culprit="BillingSvc.Invoices.InvoiceBuilder in AddInsurerLines",
        short="BILLING-SVC-3M",
        count=1,
    )
    bapm = dict(
        monitor="billing-svc error rate",
        monitor_id=41003410,
        scope="env:production,kube_deployment:billing-svc",
        priority="P2",
        tags="env:production,kube_deployment:billing-svc,version:1.9.3",
        query="sum(last_5m):sum:trace.aspnet_core.request.errors{env:production,kube_deployment:"
        "billing-svc}.as_count() / sum:trace.aspnet_core.request.hits{env:production,"
        "kube_deployment:billing-svc}.as_count() > 0.05",
    )
    c.datadog(
        134,
        lab,
        "datadog APM: billing-svc error rate triggered",
        transition="Triggered",
        message="billing-svc error rate 22% since version 1.9.3.",
        **bapm,
    )
    c.datadog(
        161,
        lab,
        "datadog APM: billing-svc recovered after rollback to 1.9.2",
        transition="Recovered",
        message="Error rate 0.1%.",
        **bapm,
    )
    c.sentry_issue(
        166,
        lab,
        "sentry issue resolved by on-call",
        action="resolved",
        project="billing-svc",
        project_id=6620022,
        platform="csharp",
        exc="System.NullReferenceException",
        value="Object reference not set to an instance of an object.",
        culprit="BillingSvc.Invoices.InvoiceBuilder in AddInsurerLines",
        short="BILLING-SVC-3M",
        count=388,
    )
    # Y5 09:15 Stripe connection errors (same minutes, separate) -------------------------
    lab = "y-stripe-errors"
    c.sentry_event(
        135,
        lab,
        "sentry error: StripeException connecting to Stripe",
        **bl,
        release="billing-svc@1.9.3",
        chain=[
            (
                "System.Net.Http.HttpRequestException",
                "The SSL connection could not be established, see inner exception.",
                [
                    cs(
                        "System.Net.Http.ConnectHelper",
                        "EstablishSslConnectionAsync",
                        None,
                        None,
                        False,
                    )
                ],
            ),
            (
                "Stripe.StripeException",
                "An error occurred while sending the request to Stripe.",
                [
                    cs(
                        "BillingSvc.Payments.CardPayments",
                        "CaptureAsync",
                        "Payments/CardPayments.cs",
                        88,
                    ),
                    cs("Stripe.StripeClient", "RequestAsync", None, None, False),
                ],
            ),
        ],
        culprit="BillingSvc.Payments.CardPayments in CaptureAsync",
        tags={"transaction": "POST /payments/capture"},
    )
    stp = dict(
        monitor="Card capture failure ratio",
        monitor_id=41003455,
        scope="provider:stripe",
        priority="P2",
        tags="env:production,provider:stripe,service:billing-svc",
        query="sum(last_10m):sum:yb.payments.capture.failed{provider:stripe}.as_count() / "
        "sum:yb.payments.capture.attempted{provider:stripe}.as_count() > 0.2",
        metric="yb.payments.capture.failed",
    )
    c.datadog(
        137,
        lab,
        "datadog: card capture failures triggered",
        transition="Triggered",
        message="48% of card captures failed in 10 minutes.",
        **stp,
    )
    c.posthog(
        139,
        lab,
        "posthog: patient's card payment fails",
        exc="Error",
        value="Payment could not be processed. Please try again.",
        frames=[phjs(f"{Y_JS}/pages/pay-31b9a7d0.js", "submitPayment", 1, 3920)],
        url="https://portal.yarrowby.example/pay/INV-220391",
        browser="Firefox",
        os_name="Windows",
    )
    c.datadog(
        158,
        lab,
        "datadog: card capture failures recovered",
        transition="Recovered",
        message="Failure ratio 1%.",
        **stp,
    )
    # decoy: flapping VPN gateway packet loss
    vpn = dict(
        monitor="VPN gateway packet loss",
        monitor_id=41001010,
        scope="host:vpn-gw-2",
        priority="P4",
        tags="env:production,host:vpn-gw-2,role:vpn",
        host="vpn-gw-2",
        query="avg(last_2m):avg:network.ping.packet_loss{role:vpn} by {host} > 5",
    )
    for m, tr in (
        (140, "Triggered"),
        (143, "Recovered"),
        (171, "Triggered"),
        (174, "Recovered"),
        (226, "Triggered"),
        (228, "Recovered"),
    ):
        c.datadog(
            m,
            None,
            f"decoy: flapping VPN packet-loss monitor, {tr.lower()}",
            transition=tr,
            message="Packet loss on host:vpn-gw-2 crossed 5%.",
            **vpn,
        )
    # Y6 10:00 Redis sessions evicting ---------------------------------------------------
    lab = "y-redis-sessions"
    rd = dict(
        monitor="Redis evictions",
        monitor_id=41002500,
        scope="host:redis-sess-01",
        priority="P3",
        tags="env:production,host:redis-sess-01,redis_role:primary",
        host="redis-sess-01",
        query="sum(last_5m):sum:redis.keys.evicted{*} by {host} > 1000",
        metric="redis.keys.evicted",
    )
    c.datadog(
        180,
        lab,
        "datadog: redis-sess-01 evicting keys",
        transition="Triggered",
        message="redis.keys.evicted on **host:redis-sess-01** is 48,331 (maxmemory).",
        **rd,
    )
    c.sentry_event(
        182,
        lab,
        "sentry error: Redis command timeout in appointments-svc session store",
        **ap,
        release="appointments-svc@4.2.0",
        chain=[
            (
                "io.lettuce.core.RedisCommandTimeoutException",
                "Command timed out after 2 second(s)",
                [
                    java(
                        "io.lettuce.core.internal.ExceptionFactory",
                        "createTimeoutException",
                        "ExceptionFactory.java",
                        59,
                        False,
                    )
                ],
            ),
            (
                "org.springframework.dao.QueryTimeoutException",
                "Redis command timed out",
                [
                    java(
                        "org.springframework.session.data.redis.RedisSessionRepository",
                        "findById",
                        "RedisSessionRepository.java",
                        181,
                        False,
                    ),
                    java(
                        "uk.yarrowby.appointments.session.PatientSessionFilter",
                        "doFilterInternal",
                        "PatientSessionFilter.java",
                        39,
                    ),
                ],
            ),
        ],
        culprit="uk.yarrowby.appointments.session.PatientSessionFilter in doFilterInternal",
    )
    c.posthog(
        184,
        lab,
        "posthog: portal receives an HTML login page instead of JSON",
        exc="SyntaxError",
        value="Unexpected token '<', \"<!DOCTYPE \"... is not valid JSON",
        frames=[
            phjs(f"{Y_JS}/main-4e6a0f1d.js", "apiGet", 1, 20911),
            phjs(f"{Y_JS}/pages/appointments-9c02e5b1.js", "loadAppointments", 1, 1402),
        ],
        url="https://portal.yarrowby.example/appointments",
        browser="Chrome",
        os_name="Windows",
    )
    c.datadog(
        199,
        lab,
        "datadog: redis evictions recovered",
        transition="Recovered",
        message="Evictions back to 0.",
        **rd,
    )
    # Y7 10:40 Kafka consumer lag on reminders ------------------------------------------
    lab = "y-reminders-lag"
    lag = dict(
        monitor="Kafka consumer lag",
        monitor_id=41004040,
        scope="consumer_group:reminders-sender,topic:appointment-reminders",
        priority="P3",
        tags="consumer_group:reminders-sender,env:production,kafka_cluster:msk-prod,"
        "topic:appointment-reminders",
        query="max(last_10m):sum:kafka.consumer_lag{consumer_group:reminders-sender} by "
        "{consumer_group,topic} > 10000",
        metric="kafka.consumer_lag",
    )
    c.datadog(
        220,
        lab,
        "datadog: reminders consumer lag high",
        transition="Triggered",
        message="Lag 42,118 on **topic:appointment-reminders**.",
        **lag,
    )
    c.sentry_event(
        222,
        lab,
        "sentry error: kafkajs retries exhausted in notify-worker",
        **nw,
        chain=[
            (
                "KafkaJSNumberOfRetriesExceeded",
                "The group is rebalancing, so a rejoin is needed",
                [
                    js(
                        "/app/node_modules/kafkajs/src/consumer/runner.js",
                        "Runner.fetch",
                        387,
                        25,
                        False,
                    ),
                    js("/app/dist/consumers/reminders.js", "eachBatch", 31, 9),
                ],
            )
        ],
        culprit="eachBatch(dist/consumers/reminders)",
    )
    c.datadog(
        250,
        lab,
        "datadog: reminders lag renotify",
        transition="Renotify",
        message="Lag still 30,004.",
        **lag,
    )
    c.datadog(
        262,
        lab,
        "datadog: reminders lag recovered",
        transition="Recovered",
        message="Lag 14.",
        **lag,
    )
    # Y8 11:05 portal release breaks Safari ---------------------------------------------
    lab = "y-portal-safari-regex"
    rx = "Invalid regular expression: invalid group specifier name"
    for i, (m, br, os_name) in enumerate(
        ((245, "Mobile Safari", "iOS"), (247, "Safari", "Mac OS X"), (251, "Mobile Safari", "iOS"))
    ):
        c.posthog(
            m,
            lab,
            f"posthog {i + 1}: SyntaxError in new portal bundle on Safari",
            exc="SyntaxError",
            value=rx,
            frames=[phjs(f"{Y_JS}/app-5d1f9e07.js", "global code", 1, 1, True)],
            url="https://portal.yarrowby.example/" + ["", "book", "appointments"][i],
            browser=br,
            os_name=os_name,
            person=i != 2,
        )
    c.sentry_event(
        246,
        lab,
        "sentry issue alert: SyntaxError on Safari (patient-portal 2026.3.11)",
        **fe,
        release="patient-portal@2026.3.11",
        chain=[("SyntaxError", rx, [js(f"{Y_JS}/app-5d1f9e07.js", "global code", 1, 1)])],
        culprit="global code(app-5d1f9e07)",
        alert_rule="Portal: new issue in latest release",
        contexts={"browser": {"name": "Mobile Safari", "version": "16.3", "type": "browser"}},
    )
    # decoy: self-resolving Sentry warning on portal
    w = dict(
        rule="portal failure rate > 2%",
        rule_id=7710,
        project="patient-portal",
        env="prod",
        aggregate="failure_rate()",
        query="",
        threshold=0.02,
        key="y-fr",
    )
    c.sentry_metric(
        212,
        None,
        "decoy: portal failure-rate warning, clears itself",
        action="warning",
        value=0.024,
        **w,
    )
    c.sentry_metric(
        219, None, "decoy: portal failure-rate resolved", action="resolved", value=0.009, **w
    )
    # Y9 11:30 appointments-svc thread pool exhaustion -----------------------------------
    lab = "y-appointments-threadpool"
    pm = dict(
        rule="appointments-svc p95 > 800ms",
        rule_id=7720,
        project="appointments-svc",
        env="prod",
        aggregate="p95(transaction.duration)",
        query="",
        threshold=800,
        key="y-ap-lat",
    )
    c.sentry_metric(
        270,
        lab,
        "sentry metric alert critical: appointments-svc p95",
        action="critical",
        value=5120,
        **pm,
    )
    c.datadog(
        271,
        lab,
        "datadog APM: appointments-svc latency high",
        monitor="appointments-svc p90 latency",
        monitor_id=41003301,
        transition="Triggered",
        scope="env:production,service:appointments-svc",
        priority="P2",
        tags="env:production,service:appointments-svc",
        message="p90 latency of appointments-svc is 4.4s.",
        query="percentile(last_5m):p90:trace.servlet.request"
        "{env:production,service:appointments-svc} > 1",
    )
    c.sentry_event(
        273,
        lab,
        "sentry error: TaskRejectedException in appointments-svc",
        **ap,
        release="appointments-svc@4.2.1",
        chain=[
            (
                "java.util.concurrent.RejectedExecutionException",
                "Task rejected from "
                "java.util.concurrent.ThreadPoolExecutor@5b1a7c2[Running, pool size = 64, active "
                "threads = 64, queued tasks = 500, completed tasks = 918233]",
                [
                    java(
                        "java.util.concurrent.ThreadPoolExecutor$AbortPolicy",
                        "rejectedExecution",
                        "ThreadPoolExecutor.java",
                        2081,
                        False,
                    )
                ],
            ),
            (
                "org.springframework.core.task.TaskRejectedException",
                "Executor [java.util.concurrent.ThreadPoolExecutor@5b1a7c2] did not accept task",
                [
                    java(
                        "org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor",
                        "submit",
                        "ThreadPoolTaskExecutor.java",
                        391,
                        False,
                    ),
                    java(
                        "uk.yarrowby.appointments.availability.AvailabilityService",
                        "fanOut",
                        "AvailabilityService.java",
                        96,
                    ),
                ],
            ),
        ],
        culprit="uk.yarrowby.appointments.availability.AvailabilityService in fanOut",
    )
    c.datadog(
        297,
        lab,
        "datadog APM: appointments-svc latency recovered",
        monitor="appointments-svc p90 latency",
        monitor_id=41003301,
        transition="Recovered",
        scope="env:production,service:appointments-svc",
        priority="P2",
        tags="env:production,service:appointments-svc",
        message="p90 back to 310ms.",
        query="percentile(last_5m):p90:trace.servlet.request"
        "{env:production,service:appointments-svc} > 1",
    )
    c.sentry_metric(
        299,
        lab,
        "sentry metric alert resolved: appointments-svc p95",
        action="resolved",
        value=420,
        **pm,
    )
    # decoy: 401 spike (expired links in a marketing email)
    u = dict(
        monitor="portal 401 responses",
        monitor_id=41003999,
        scope="http.status_code:401",
        priority="P4",
        tags="env:production,service:patient-portal",
        query='logs("service:patient-portal @http.status_code:401").rollup("count")'
        '.last("5m") > 300',
        event_type="log_alert",
    )
    c.datadog(
        276,
        None,
        "decoy: 401 spike from expired magic links",
        transition="Triggered",
        message="812 responses 401 on /magic-link (tokens expired).",
        **u,
    )
    c.datadog(291, None, "decoy: 401 spike over", transition="Recovered", message="OK.", **u)
    # Y10 12:10 CoreDNS failures in the cluster ------------------------------------------
    lab = "y-coredns"
    c.datadog(
        310,
        lab,
        "datadog: CoreDNS SERVFAIL responses",
        monitor="CoreDNS errors",
        monitor_id=41001500,
        transition="Triggered",
        scope="kube_cluster_name:yb-prod-uks,kube_deployment:coredns",
        priority="P1",
        tags="env:production,kube_cluster_name:yb-prod-uks,kube_deployment:coredns,"
        "kube_namespace:kube-system",
        message="coredns.response_code_count{rcode:SERVFAIL} is 2,904/min.",
        query="sum(last_5m):sum:coredns.response_code_count{rcode:servfail} by "
        "{kube_cluster_name,kube_deployment}.as_rate() > 10",
    )
    c.sentry_event(
        311,
        lab,
        "sentry error: getaddrinfo EAI_AGAIN in notify-worker",
        **nw,
        chain=[
            (
                "Error",
                "getaddrinfo EAI_AGAIN msk-prod-b-1.kafka.eu-west-2.amazonaws.com",
                [js("node:dns", "GetAddrInfoReqWrap.onlookupall", 118, 26, False)],
            )
        ],
        culprit="GetAddrInfoReqWrap.onlookupall(node:dns)",
    )
    c.sentry_event(
        313,
        lab,
        "sentry error: name resolution failure in billing-svc",
        **bl,
        release="billing-svc@1.9.2",
        chain=[
            (
                "System.Net.Sockets.SocketException",
                "Resource temporarily unavailable",
                [cs("System.Net.Dns", "GetHostEntryOrAddressesCore", None, None, False)],
            ),
            (
                "System.Net.Http.HttpRequestException",
                "Resource temporarily unavailable (insurer-gateway.billing.svc.cluster.local:443)",
                [
                    cs(
                        "BillingSvc.Insurers.InsurerClient",
                        "GetPolicyAsync",
                        "Insurers/InsurerClient.cs",
                        37,
                    ),
                    cs(
                        "System.Net.Http.HttpConnectionPool",
                        "ConnectToTcpHostAsync",
                        None,
                        None,
                        False,
                    ),
                ],
            ),
        ],
        culprit="BillingSvc.Insurers.InsurerClient in GetPolicyAsync",
    )
    c.datadog(
        331,
        lab,
        "datadog: CoreDNS recovered",
        monitor="CoreDNS errors",
        monitor_id=41001500,
        transition="Recovered",
        scope="kube_cluster_name:yb-prod-uks,kube_deployment:coredns",
        priority="P1",
        tags="env:production,kube_cluster_name:yb-prod-uks,kube_deployment:coredns,"
        "kube_namespace:kube-system",
        message="SERVFAIL back to 0.",
        query="sum(last_5m):sum:coredns.response_code_count{rcode:servfail} by "
        "{kube_cluster_name,kube_deployment}.as_rate() > 10",
    )
    # Y11 12:40 api.yarrowby certificate expired ------------------------------------------
    lab = "y-api-cert"
    cert = dict(
        monitor="TLS certificate api.yarrowby.example",
        monitor_id=41006100,
        scope="",
        priority="P1",
        tags="check_type:ssl,env:production,team:platform",
        query="synthetics_check_id:yb1-ssl-api",
        event_type="synthetics_alert",
    )
    c.datadog(
        340,
        lab,
        "datadog synthetics: certificate expired on api.yarrowby.example",
        transition="Triggered",
        message="SSL test failed: certificate has expired (notAfter 2026-03-11T12:38:00Z).",
        **cert,
    )
    for i, m in enumerate((341, 344)):
        c.posthog(
            m,
            lab,
            f"posthog {i + 1}: portal API calls fail on TLS",
            exc="TypeError",
            value=["Failed to fetch", "Load failed"][i],
            frames=[
                phjs(f"{Y_JS}/main-4e6a0f1d.js", "apiGet", 1, 20840),
                phjs(f"{Y_JS}/pages/appointments-9c02e5b1.js", "loadAppointments", 1, 1402),
            ],
            url="https://portal.yarrowby.example/appointments",
            browser=["Chrome", "Mobile Safari"][i],
            os_name=["Android", "iOS"][i],
        )
    c.datadog(
        362,
        lab,
        "datadog synthetics: certificate renewed",
        transition="Recovered",
        message="SSL test passes.",
        **cert,
    )


def main() -> None:
    v = Company("v", "Vellmore Freight", "2026-03-10T06:00:00")
    vellmore(v)
    y = Company("y", "Yarrowby Clinics", "2026-03-11T07:00:00")
    yarrowby(y)
    rows = sorted(v.rows, key=lambda r: r["at"]) + sorted(y.rows, key=lambda r: r["at"])
    with OUT.open("w") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n")
    for c in (v, y):
        labels = {r["incident"] for r in c.rows if r["incident"]}
        decoys = sum(1 for r in c.rows if r["incident"] is None)
        print(f"{c.name}: {len(c.rows)} rows, {len(labels)} incidents, {decoys} decoy rows")


if __name__ == "__main__":
    main()
