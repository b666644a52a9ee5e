"""Write the labelled incident corpus: ``incidents-tune.jsonl`` and ``incidents-report.jsonl``.

    python bench/data/generate_incidents.py

Each half is one fictional company's morning: 24 failures, each seen by several of Sentry (metric
alerts, error events), Datadog (monitor triggers and recoveries), Splunk (log rows and a stats
row) and PostHog (``$exception`` events), with decoys that must stay out of every incident or
in their own: another service failing in the same minutes, heartbeats, deploy notices,
page views, a staging failure of the same service, the same service failing again hours later.
The payloads follow the vendors' documented shapes (``../shared/spec/provider-formats.md``),
not the plugins' code; a row is ``{"source", "headers", "body", "incident", "role", "at"}``,
``incident`` being the label (``null`` for a decoy that belongs to none) and ``at`` the time
the vendor sends it. Rows are in sending order; a recovery or resolve row updates the item its
trigger made.

Standard library only and deterministic: every draw comes from a ``random.Random`` seeded
with a fixed string per company and failure, so the files are the same on every run. Tune the
incident rule on ``incidents-tune.jsonl`` only; ``incidents-report.jsonl`` is for the figure.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import random
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SENTRY_SECRET = "incident-bench-sentry-client-secret"
FAILURES_PER_HALF = 24


@dataclass(frozen=True)
class Company:
    name: str
    slug: str
    domain: str
    start: datetime
    #: Service name -> (language, team, front-end page it serves).
    services: dict[str, tuple[str, str, str]]


TUNE = Company(
    "Larkspur Outfitters",
    "larkspur",
    "larkspur-outfitters.example",
    datetime(2026, 3, 2, 6, 0, tzinfo=UTC),
    {
        "checkout": ("python", "commerce", "/checkout"),
        "payments": ("python", "payments", "/checkout/pay"),
        "search": ("go", "discovery", "/search"),
        "inventory": ("java", "supply", "/products"),
        "auth": ("node", "identity", "/login"),
        "notifications": ("python", "platform", "/account/alerts"),
    },
)
REPORT = Company(
    "Quillfeather Travel",
    "quillfeather",
    "quillfeather-travel.example",
    datetime(2026, 3, 9, 6, 0, tzinfo=UTC),
    {
        "bookings": ("java", "reservations", "/book"),
        "billing": ("python", "finance", "/billing"),
        "catalog": ("go", "content", "/trips"),
        "loyalty": ("node", "growth", "/rewards"),
        "accounts": ("python", "identity", "/account"),
        "pricing-engine": ("go", "revenue", "/trips/quote"),
    },
)

# What fails, per language: the error type, its message and the application frames.
FAILURES: dict[str, list[tuple[str, str, list[str]]]] = {
    "python": [
        (
            "ConnectionError",
            "Error 111 connecting to redis-{svc}:6379. Connection refused.",
            ["get_session", "load_cart"],
        ),
        (
            "OperationalError",
            "could not connect to server: Connection timed out",
            ["execute", "fetch_orders"],
        ),
        ("TimeoutError", "upstream {dep} did not answer within 5.0s", ["call_upstream", "handle"]),
        ("KeyError", "'currency'", ["price_line", "price_cart"]),
    ],
    "go": [
        (
            "*net.OpError",
            "dial tcp 10.4.2.{n}:5432: connect: connection refused",
            ["Query", "(*Store).List"],
        ),
        (
            "context.deadlineExceededError",
            "context deadline exceeded",
            ["(*Client).Do", "(*Handler).Serve"],
        ),
    ],
    "java": [
        (
            "java.sql.SQLTransientConnectionException",
            "HikariPool-1 - Connection is not available, request timed out after 30000ms.",
            ["getConnection", "findById"],
        ),
        (
            "java.lang.NullPointerException",
            'Cannot invoke "Money.amount()" because "price" is null',
            ["total", "quote"],
        ),
    ],
    "node": [
        ("Error", "connect ECONNREFUSED 10.4.7.{n}:6379", ["getSession", "authenticate"]),
        (
            "TypeError",
            "Cannot read properties of undefined (reading 'token')",
            ["verify", "middleware"],
        ),
    ],
}
MONITORS = [
    (
        "Error rate above 5% on {svc}",
        "sum:trace.http.request.errors{{service:{svc},env:prod}}.as_rate()"
        " / sum:trace.http.request.hits{{service:{svc},env:prod}}.as_rate() > 0.05",
    ),
    (
        "p95 latency above 2s on {svc}",
        "percentile(last_5m):p95:trace.http.request{{service:{svc},env:prod}} > 2",
    ),
    ("5xx responses on {svc}", "sum(last_5m):sum:{svc}.http.5xx{{env:prod}}.as_count() > 50"),
]


@dataclass
class Row:
    source: str
    headers: dict[str, str]
    body: dict[str, Any]
    incident: str | None
    role: str
    at: datetime

    def json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "headers": self.headers,
            "body": self.body,
            "incident": self.incident,
            "role": self.role,
            "at": self.at.isoformat().replace("+00:00", "Z"),
        }


@dataclass
class Day:
    company: Company
    rows: list[Row] = field(default_factory=list)


def _hex(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def _digits(rng: random.Random, n: int) -> str:
    return str(rng.randint(10 ** (n - 1), 10**n - 1))


def _ms(at: datetime) -> str:
    return str(int(at.timestamp() * 1000))


def _iso(at: datetime) -> str:
    return at.isoformat(timespec="microseconds").replace("+00:00", "Z")


# -- Datadog: a custom webhook template of Datadog's $VARIABLES, every value a string ----------
def datadog_alert(
    rng: random.Random,
    company: Company,
    at: datetime,
    *,
    name: str,
    query: str,
    scope: str,
    tags: str,
    cycle: str,
    alert_id: str,
    transition: str,
    priority: str = "P2",
    hostname: str = "",
    event_type: str = "query_alert_monitor",
) -> dict[str, Any]:
    alert_type = {"Triggered": "error", "Recovered": "success", "Warn": "warning"}.get(
        transition, "info"
    )
    event_id = _digits(rng, 19)
    said = "is back to normal" if transition == "Recovered" else "crossed its threshold"
    return {
        "id": event_id,
        "title": f"[{priority}] [{transition} on {{{scope}}}] {name}",
        "body": f"%%%\n{name}: **{query}** {said}.\n\n@webhook-soulcaster\n%%%",
        "event_type": event_type,
        "date": _ms(at),
        "last_updated": _ms(at),
        "org": {"id": "412870", "name": company.name},
        "alert_id": alert_id,
        "alert_cycle_key": cycle,
        "aggreg_key": _hex(rng, 32),
        "alert_scope": scope,
        "alert_transition": transition,
        "alert_type": alert_type,
        "alert_priority": priority,
        "alert_title": name,
        "alert_status": "",
        "alert_metric": query.partition(":")[2].partition("{")[0],
        "alert_query": query,
        "tags": tags,
        "hostname": hostname,
        "link": f"https://app.datadoghq.com/event/event?id={event_id}",
        "snapshot": "",
    }


def datadog_notice(
    rng: random.Random, company: Company, at: datetime, title: str, text: str, tags: str
) -> dict[str, Any]:
    """An info event (a deploy, a heartbeat) as an event monitor forwards it."""
    event_id = _digits(rng, 19)
    return {
        "id": event_id,
        "title": title,
        "body": f"%%%\n{text}\n%%%",
        "event_type": "event_alert_monitor",
        "date": _ms(at),
        "last_updated": _ms(at),
        "org": {"id": "412870", "name": company.name},
        "alert_id": _digits(rng, 8),
        "alert_cycle_key": _digits(rng, 19),
        "aggreg_key": _hex(rng, 32),
        "alert_scope": "",
        "alert_transition": "Triggered",
        "alert_type": "info",
        "alert_priority": "P5",
        "alert_title": title,
        "alert_status": "",
        "alert_metric": "",
        "alert_query": "",
        "tags": tags,
        "hostname": "",
        "link": f"https://app.datadoghq.com/event/event?id={event_id}",
        "snapshot": "",
    }


DATADOG_HEADERS = {"Content-Type": "application/json"}


# -- Sentry: integration-platform webhooks, signed over the compact body ----------------------
def sentry_headers(
    rng: random.Random, resource: str, at: datetime, body: dict[str, Any]
) -> dict[str, str]:
    text = json.dumps(body, separators=(",", ":"))
    signature = hmac.new(SENTRY_SECRET.encode(), text.encode(), hashlib.sha256).hexdigest()
    return {
        "Content-Type": "application/json",
        "Request-ID": _hex(rng, 32),
        "Sentry-Hook-Resource": resource,
        "Sentry-Hook-Timestamp": str(int(at.timestamp())),
        "Sentry-Hook-Signature": signature,
    }


def sentry_metric_alert(
    rng: random.Random,
    company: Company,
    at: datetime,
    *,
    action: str,
    alert_id: str,
    rule_id: str,
    name: str,
    project: str,
    environment: str,
    started: datetime,
) -> dict[str, Any]:
    rule = {
        "id": rule_id,
        "name": name,
        "organization_id": "118842",
        "status": 0,
        "query_type": 0,
        "dataset": "events",
        "query": "event.type:error",
        "aggregate": "count()",
        "time_window": 5,
        "resolution": 1,
        "threshold_type": 0,
        "resolve_threshold": None,
        "environment": environment,
        "triggers": [
            {
                "id": _digits(rng, 5),
                "alert_rule_id": rule_id,
                "label": "critical",
                "threshold_type": 0,
                "alert_threshold": 100.0,
                "resolve_threshold": None,
                "actions": [],
            }
        ],
        "projects": [project],
    }
    resolved = action == "resolved"
    return {
        "action": action,
        "installation": {"uuid": str(uuid.UUID(_hex(rng, 32)))},
        "data": {
            "metric_alert": {
                "id": alert_id,
                "identifier": alert_id[-3:],
                "organization_id": "118842",
                "projects": [project],
                "alert_rule": rule,
                "status": 0 if resolved else 20,
                "status_method": 3,
                "type": 2,
                "title": name,
                "date_started": _iso(started),
                "date_detected": _iso(started + timedelta(minutes=1)),
                "date_created": _iso(started + timedelta(minutes=1)),
                "date_closed": _iso(at) if resolved else None,
            },
            "description_text": f"{rng.randint(120, 900)} count() in the last 5 minutes",
            "description_title": f"{'Resolved' if resolved else 'Critical'}: {name}",
            "web_url": f"https://{company.slug}.sentry.io/alerts/rules/details/{rule_id}/?alert={alert_id[-3:]}",
        },
        "actor": {"type": "application", "id": "sentry", "name": "Sentry"},
    }


def _file_of(function: str) -> str:
    return function.strip("(*)").lower().replace(").", "_")


def _frames(lang: str, svc: str, functions: list[str]) -> list[dict[str, Any]]:
    ext = {"python": "py", "go": "go", "java": "java", "node": "js"}[lang]
    library = {
        "python": ("django/core/handlers/base.py", "_get_response"),
        "go": ("net/http/server.go", "ServeHTTP"),
        "java": ("org/springframework/web/servlet/FrameworkServlet.java", "service"),
        "node": ("node_modules/express/lib/router/layer.js", "handle"),
    }[lang]
    frames: list[dict[str, Any]] = [
        {"filename": library[0], "function": library[1], "lineno": 197, "in_app": False}
    ]
    for depth, function in enumerate(reversed(functions)):
        frames.append(
            {
                "filename": f"{svc.replace('-', '_')}/{_file_of(function)}.{ext}",
                "function": function,
                "lineno": 40 + 17 * depth,
                "in_app": True,
            }
        )
    return frames


def sentry_error(
    rng: random.Random,
    company: Company,
    at: datetime,
    *,
    svc: str,
    lang: str,
    failure: tuple[str, str, list[str]],
    environment: str,
    trace_id: str,
    host: str,
    endpoint: str,
    service_tag: bool,
) -> dict[str, Any]:
    kind, message, functions = failure
    event_id, issue_id = _hex(rng, 32), _digits(rng, 10)
    tags = [
        ["environment", environment],
        ["handled", "no"],
        ["level", "error"],
        ["release", f"{svc}@4.{rng.randint(1, 30)}.0"],
        ["server_name", host],
        ["transaction", endpoint],
        ["url", f"https://api.{company.domain}{endpoint}"],
    ]
    if service_tag:
        tags.append(["service", svc])
    tags.sort()
    short_type = kind.rsplit(".", 1)[-1]
    return {
        "action": "created",
        "installation": {"uuid": str(uuid.UUID(_hex(rng, 32)))},
        "data": {
            "error": {
                "event_id": event_id,
                "issue_id": issue_id,
                "project": int(_digits(rng, 7)),
                "release": tags[[t[0] for t in tags].index("release")][1],
                "dist": None,
                "platform": {"node": "node"}.get(lang, lang),
                "message": "",
                "datetime": at.isoformat(),
                "timestamp": at.timestamp(),
                "environment": environment,
                "level": "error",
                "culprit": f"{functions[-1]}",
                "logger": "",
                "transaction": endpoint,
                "title": f"{short_type}: {message}",
                "type": "error",
                "version": "7",
                "tags": tags,
                "exception": {
                    "values": [
                        {
                            "type": kind,
                            "value": message,
                            "module": None,
                            "mechanism": {"type": "generic", "handled": False},
                            "stacktrace": {"frames": _frames(lang, svc, functions)},
                        }
                    ]
                },
                "contexts": {
                    "trace": {"trace_id": trace_id, "span_id": _hex(rng, 16), "op": "http.server"}
                },
                "user": {"id": _digits(rng, 5)},
                "url": f"https://sentry.io/api/0/projects/{company.slug}/{svc}/events/{event_id}/",
                "web_url": f"https://{company.slug}.sentry.io/issues/{issue_id}/events/{event_id}/",
                "issue_url": f"https://sentry.io/api/0/organizations/{company.slug}/issues/{issue_id}/",
            }
        },
        "actor": {"type": "application", "id": "sentry", "name": "Sentry"},
    }


# -- Splunk: the built-in webhook alert action; all values strings, _raw a JSON log line ------
def splunk_alert(
    rng: random.Random, company: Company, at: datetime, search: str, result: dict[str, Any]
) -> dict[str, Any]:
    when = int(at.timestamp())
    sid = f"scheduler__admin__search__RMD5{_hex(rng, 16)}_at_{when}_{rng.randint(1, 999)}"
    return {
        "sid": sid,
        "search_name": search,
        "app": "search",
        "owner": "admin",
        "results_link": f"https://splunk.{company.domain}:8000/app/search/@go?sid={sid}",
        "result": result,
    }


def splunk_headers(company: Company) -> dict[str, str]:
    guid = str(uuid.uuid5(uuid.NAMESPACE_DNS, company.domain)).upper()
    return {"Content-Type": "application/json", "User-Agent": f"Splunk/{guid}"}


def splunk_log_row(
    at: datetime, *, svc: str, host: str, level: str, message: str, trace_id: str | None, env: str
) -> dict[str, Any]:
    raw: dict[str, Any] = {
        "timestamp": _iso(at),
        "level": level,
        "service": svc,
        "env": env,
        "logger": f"{svc}.app",
        "message": message,
    }
    if trace_id:
        raw["trace_id"] = trace_id
    return {
        "_time": f"{at.timestamp():.3f}",
        "_raw": json.dumps(raw, separators=(",", ":")),
        "host": host,
        "source": f"/var/log/{svc}/app.json",
        "sourcetype": "_json",
        "index": "main",
        "service": svc,
        "level": level,
    }


# -- PostHog: a destination's "HTTP Webhook" with {event, person, project} --------------------
def posthog_event(
    rng: random.Random,
    company: Company,
    at: datetime,
    *,
    name: str,
    page: str,
    properties: dict[str, Any],
) -> dict[str, Any]:
    event_uuid = str(uuid.UUID(_hex(rng, 32)))
    person = f"usr_{_hex(rng, 8)}"
    url = f"https://www.{company.domain}{page}"
    base = {
        "$current_url": url,
        "$host": f"www.{company.domain}",
        "$pathname": page,
        "$browser": rng.choice(["Chrome", "Firefox", "Safari"]),
        "$os": rng.choice(["Mac OS X", "Windows", "iOS"]),
        "$lib": "web",
        "$session_id": str(uuid.UUID(_hex(rng, 32))),
    }
    return {
        "event": {
            "uuid": event_uuid,
            "event": name,
            "distinct_id": person,
            "timestamp": _iso(at),
            "url": f"https://eu.posthog.com/project/9137/events/{event_uuid}/{_iso(at)}",
            "elements_chain": "",
            "properties": {**base, **properties},
        },
        "person": {
            "id": str(uuid.UUID(_hex(rng, 32))),
            "name": f"{person}@mail.example",
            "url": f"https://eu.posthog.com/project/9137/person/{person}",
            "properties": {},
        },
        "project": {
            "id": 9137,
            "name": f"{company.name} web",
            "url": "https://eu.posthog.com/project/9137",
        },
        "source": {
            "name": "HTTP Webhook",
            "url": "https://eu.posthog.com/project/9137/pipeline/destinations/hog-01",
        },
    }


def posthog_exception(message: str, kind: str) -> dict[str, Any]:
    return {
        "$exception_list": [
            {
                "type": kind,
                "value": message,
                "mechanism": {"type": "onunhandledrejection", "handled": False, "synthetic": False},
                "stacktrace": {
                    "type": "raw",
                    "frames": [
                        {
                            "platform": "web:javascript",
                            "filename": "https://www.example/_next/static/chunks/app-2f1c.js",
                            "function": "fetchJson",
                            "lineno": 1,
                            "colno": 4410,
                            "in_app": True,
                        },
                        {
                            "platform": "web:javascript",
                            "filename": "https://www.example/_next/static/chunks/app-2f1c.js",
                            "function": "submit",
                            "lineno": 1,
                            "colno": 9123,
                            "in_app": True,
                        },
                    ],
                },
            }
        ],
        "$exception_level": "error",
    }


POSTHOG_HEADERS = {"Content-Type": "application/json"}


# -- one failure --------------------------------------------------------------------------------
def failure(day: Day, index: int, svc: str, start: datetime, env: str, label: str) -> None:
    company = day.company
    rng = random.Random(f"incidents/{company.slug}/{index}/{svc}/{env}")
    lang, team, page = company.services[svc]
    short_env = "prod" if env == "production" else env
    broken = rng.choice(FAILURES[lang])
    broken = (
        broken[0],
        broken[1].format(svc=svc, dep=rng.choice(["ledger", "tax", "geo"]), n=rng.randint(2, 250)),
        broken[2],
    )
    hosts = [f"{svc}-{_hex(rng, 9)}-{_hex(rng, 5)}" for _ in range(3)]
    endpoint = f"/api/{svc.replace('-', '/')}/{rng.choice(['submit', 'list', 'quote', 'session'])}"
    length = timedelta(minutes=rng.uniform(8, 24))
    end = start + length
    rows = day.rows

    def add(
        source: str,
        headers: dict[str, str],
        body: dict[str, Any],
        role: str,
        at: datetime,
        in_incident: bool = True,
    ) -> None:
        rows.append(Row(source, headers, body, label if in_incident else None, role, at))

    sources = {"datadog", "sentry", "splunk", "posthog"}
    if rng.random() < 0.25:  # not every team has every tool watching every service
        sources.discard(rng.choice(["datadog", "splunk", "posthog"]))
    traces = [_hex(rng, 32) for _ in range(rng.randint(1, 3))]

    if "datadog" in sources:
        name, query = rng.choice(MONITORS)
        name, query = name.format(svc=svc), query.format(svc=svc)
        cycle, alert_id = _digits(rng, 19), _digits(rng, 8)
        by_host = rng.random() < 0.3
        scope = f"host:{hosts[0]}" if by_host else f"service:{svc}"
        tags = f"env:{short_env},service:{svc},team:{team},monitor"
        fired = start + timedelta(minutes=rng.uniform(0, 2))
        common = dict(
            name=name,
            query=query,
            scope=scope,
            tags=tags,
            cycle=cycle,
            alert_id=alert_id,
            priority=rng.choice(["P1", "P2"]),
            hostname=hosts[0] if by_host else "",
        )
        add(
            "datadog",
            DATADOG_HEADERS,
            datadog_alert(rng, company, fired, transition="Triggered", **common),
            "monitor",
            fired,
        )
        if rng.random() < 0.3:  # a renotification of the same alert cycle: the same item
            again = fired + timedelta(minutes=rng.uniform(5, 10))
            add(
                "datadog",
                DATADOG_HEADERS,
                datadog_alert(rng, company, again, transition="Re-Triggered", **common),
                "renotify",
                again,
            )
        if rng.random() < 0.75:
            back = end + timedelta(minutes=rng.uniform(2, 8))
            add(
                "datadog",
                DATADOG_HEADERS,
                datadog_alert(rng, company, back, transition="Recovered", **common),
                "recovery",
                back,
            )

    if "sentry" in sources:
        if rng.random() < 0.65:
            alert_id, rule_id = _digits(rng, 5), _digits(rng, 5)
            name = f"{svc} error spike"
            fired = start + timedelta(minutes=rng.uniform(1, 4))
            common = dict(
                alert_id=alert_id,
                rule_id=rule_id,
                name=name,
                project=svc,
                environment=env,
                started=fired - timedelta(minutes=1),
            )
            body = sentry_metric_alert(rng, company, fired, action="critical", **common)
            add(
                "sentry",
                sentry_headers(rng, "metric_alert", fired, body),
                body,
                "metric_alert",
                fired,
            )
            if rng.random() < 0.6:
                back = end + timedelta(minutes=rng.uniform(1, 6))
                body = sentry_metric_alert(rng, company, back, action="resolved", **common)
                add(
                    "sentry", sentry_headers(rng, "metric_alert", back, body), body, "resolve", back
                )
        for n in range(rng.randint(1, 3)):
            at = start + timedelta(minutes=rng.uniform(0, length.total_seconds() / 60))
            body = sentry_error(
                rng,
                company,
                at,
                svc=svc,
                lang=lang,
                failure=broken,
                environment=env,
                trace_id=traces[n % len(traces)],
                host=rng.choice(hosts),
                endpoint=endpoint,
                service_tag=rng.random() < 0.4,
            )
            add("sentry", sentry_headers(rng, "error", at, body), body, "error", at)

    if "splunk" in sources:
        for n in range(rng.randint(1, 2)):
            at = start + timedelta(minutes=rng.uniform(0, length.total_seconds() / 60))
            # Some log rows carry a request's trace id, some only the service.
            trace = traces[n % len(traces)] if rng.random() < 0.6 else None
            row = splunk_log_row(
                at,
                svc=svc,
                host=rng.choice(hosts),
                level="ERROR",
                message=f"{broken[0].rsplit('.', 1)[-1]}: {broken[1]}",
                trace_id=trace,
                env=short_env,
            )
            add(
                "splunk",
                splunk_headers(company),
                splunk_alert(rng, company, at, f"{svc} errors", row),
                "log_row",
                at,
            )
        if rng.random() < 0.5:
            # "| bin _time span=5m | stats count by _time, service, status": the row has its bucket.
            bucket = start + timedelta(minutes=5)
            at = bucket + timedelta(minutes=5)
            row = {
                "_time": str(int(bucket.timestamp())),
                "service": svc,
                "status": "503",
                "count": str(rng.randint(60, 900)),
            }
            add(
                "splunk",
                splunk_headers(company),
                splunk_alert(rng, company, at, f"{svc} 5xx errors over threshold", row),
                "stats_row",
                at,
            )

    if "posthog" in sources and rng.random() < 0.8:
        at = start + timedelta(minutes=rng.uniform(1, length.total_seconds() / 60))
        properties = posthog_exception("Request failed with status code 503", "AxiosError")
        # Teams that register the service as a super property; others name the web app.
        if rng.random() < 0.6:
            properties["service"] = svc
        else:
            properties["app"] = f"{company.slug}-web"
        properties["$environment"] = env
        add(
            "posthog",
            POSTHOG_HEADERS,
            posthog_event(rng, company, at, name="$exception", page=page, properties=properties),
            "frontend_error",
            at,
        )

    # Decoys on the same service: they belong to no incident.
    if rng.random() < 0.4:
        at = start + timedelta(minutes=rng.uniform(0, 20))
        tags = f"env:{short_env},service:{svc},team:{team}"
        body = datadog_notice(
            rng,
            company,
            at,
            f"Deployed {svc} 4.{rng.randint(1, 40)}.0 to {short_env}",
            f"Deployment of {svc} finished by ci-bot.",
            tags,
        )
        add("datadog", DATADOG_HEADERS, body, "deploy_notice", at, in_incident=False)
    if rng.random() < 0.4:
        at = start + timedelta(minutes=rng.uniform(0, 20))
        row = splunk_log_row(
            at,
            svc=svc,
            host=rng.choice(hosts),
            level="INFO",
            message="heartbeat ok",
            trace_id=None,
            env=short_env,
        )
        add(
            "splunk",
            splunk_headers(company),
            splunk_alert(rng, company, at, f"{svc} heartbeat", row),
            "heartbeat",
            at,
            in_incident=False,
        )
    if rng.random() < 0.3:
        at = start + timedelta(minutes=rng.uniform(0, 20))
        body = posthog_event(
            rng, company, at, name="$pageview", page=page, properties={"service": svc}
        )
        add("posthog", POSTHOG_HEADERS, body, "pageview", at, in_incident=False)


def day_of(company: Company, half: str) -> Day:
    """24 failures over six hours: every service fails four times, 90 minutes apart; a failure
    starts every 15 minutes and lasts 8 to 24, so the failures of consecutive slots overlap
    (another service failing in the same minutes); two are on staging while production of
    the same service fails."""
    day = Day(company)
    rng = random.Random(f"incidents/{company.slug}/schedule")
    services = list(company.services)
    for index in range(FAILURES_PER_HALF):
        svc = services[index % len(services)]
        start = company.start + timedelta(minutes=index * 15 + rng.uniform(0, 8))
        failure(day, index, svc, start, "production", f"{half}-{index:02d}-{svc}")
        if index in (7, 17):  # the same service failing on staging, in the same minutes
            failure(
                day,
                100 + index,
                svc,
                start + timedelta(minutes=rng.uniform(1, 6)),
                "staging",
                f"{half}-{index:02d}-{svc}-staging",
            )
    day.rows.sort(key=lambda row: row.at)
    return day


def write(path: Path, day: Day) -> None:
    with path.open("w", encoding="utf-8") as f:
        for row in day.rows:
            line = {**row.json(), "company": day.company.name}
            f.write(json.dumps(line, separators=(",", ":"), ensure_ascii=False) + "\n")
    labels = {r.incident for r in day.rows if r.incident}
    decoys = sum(1 for r in day.rows if r.incident is None)
    sources = sorted({r.source for r in day.rows})
    print(
        f"{path.name}: {len(day.rows)} deliveries, {len(labels)} incidents,"
        f" {decoys} decoys, sources {sources}"
    )


def main() -> None:
    write(HERE / "incidents-tune.jsonl", day_of(TUNE, "tune"))
    write(HERE / "incidents-report.jsonl", day_of(REPORT, "report"))


if __name__ == "__main__":
    main()
