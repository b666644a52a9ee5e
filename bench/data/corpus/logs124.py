"""blind124's log formats.

nk: a Django 5 app and Celery 5.4 workers on ECS Fargate with the ``awslogs`` driver and no
``awslogs-multiline-pattern``: every stdout/stderr line is its own CloudWatch event. Django
logs with the ``verbose`` formatter of Django's logging docs (``{levelname} {asctime} {module}
{process:d} {thread:d} {message}``: ``django.request``'s record comes from
``django/utils/log.py``, so ``module`` is ``log``); Celery's worker format
``[%(asctime)s: %(levelname)s/%(processName)s] %(message)s``; the traceback follows, a line an
event. A subscription filter sends the log groups to Kinesis Data Firehose and on to Splunk
HEC (``nk-firehose``): with decompression but no message extraction the HEC event is the
CloudWatch Logs subscription envelope (``messageType``, ``owner``, ``logGroup``,
``logStream``, ``subscriptionFilters``, ``logEvents[]`` of ``id``/``timestamp``/``message``),
the batch holding some lines of one traceback (``opts.events``, from ``opts.first``); the
worker's stream has message extraction on (``opts.extract``): one line a row (``opts.part``).
The Datadog Forwarder Lambda posts each CloudWatch event as one text log (``nk-cwline``).

nl: a Node 20 Express 4 API and a pg-boss worker, TypeScript compiled by ``tsc`` to
``dist/`` (Node runs without ``--enable-source-maps``, so ``err.stack`` names ``dist/*.js``),
logging pino 9 JSON: pino-http's ``request errored`` record (``req``, ``res``, ``err``,
``responseTime``; ``opts.kind`` ``http``), the team's error middleware ``req.log.error({err},
"unhandled error")`` (``handler``), the worker's ``logger.error({err, job}, "job failed")``
(``worker``). The Splunk OpenTelemetry Collector for Kubernetes (filelog receiver, the
``splunk_hec`` exporter) sends the line as the event with ``k8s.*``/``container.*`` resource
attributes as indexed fields, sourcetype ``kube:container:<container>`` (``nl-otel``); the
Datadog Agent parses the line into attributes (``nl-dd``).

nm: an iOS app's handled errors. ``ErrorReporter.report(_:context:)`` sends them to Sentry and
PostHog, to Datadog through dd-sdk-ios's ``logger.error(_:error:)`` (``error.kind`` the NSError
``<domain> - <code>``, ``error.message`` its ``localizedDescription``, ``error.stack`` its
description; ``nm-ddlogs``), and to the team's ``/v1/client-logs`` endpoint, whose API writes
the record to Splunk HEC (``nm-relay``).
"""

# Log lines are built whole, however long.
# ruff: noqa: E501

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .rand import stable_hex
from .traces import node_stack, python_repr, python_traceback

Fields = dict[str, str]


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


# --- nk: Django/Celery on awslogs, Firehose to HEC, the Forwarder to Datadog ---------------------

_ACCOUNT = "418265093377"


def _nk_head(d: Delivery) -> str:
    stamp = f"{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis}"
    if d.service.framework == "celery":
        worker = f"ForkPoolWorker-{d.rand.randint(1, 8)}"
        return f"[{stamp}: ERROR/{worker}] Task {d.bug.entry}[{d.values['uuid']}] raised unexpected: {python_repr(d.thrown)}"
    pid, thread = d.rand.randint(7, 40), d.rand.randint(139_800_000_000_000, 139_899_999_999_999)
    if d.bug.log:
        module = d.logger.rsplit(".", 1)[-1]
        return f"ERROR {stamp} {module} {pid} {thread} {d.log_message}"
    return f"ERROR {stamp} log {pid} {thread} Internal Server Error: {d.request_path}"


def nk_lines(d: Delivery) -> list[str]:
    """The CloudWatch events one error makes: the record's line, then each traceback line
    (CloudWatch keeps no empty events)."""
    lines = [_nk_head(d), *python_traceback(d.chain).split("\n")]
    return [x for x in lines if x.strip()]


def _nk_where(d: Delivery) -> tuple[str, str]:
    svc = d.service.name
    task = stable_hex(32, "nktask", svc, d.release, d.index % 3)
    return f"/ecs/jacksdale/{svc}", f"ecs/{svc}/{task}"


def _pick(lines: list[str], part: object) -> str:
    if part == "last":
        return lines[-1]
    if part == "head" or part is None:
        return lines[0]
    return lines[min(int(str(part)), len(lines) - 1)]


def nk_firehose(d: Delivery) -> tuple[str, Fields]:
    lines = nk_lines(d)
    group, stream = _nk_where(d)
    if d.opts.get("extract"):
        return _pick(lines, d.opts.get("part")), {"source": f"aws:firehose:{group}"}
    first = int(str(d.opts.get("first", 0)))
    events = lines[first : first + int(str(d.opts.get("events", len(lines))))]
    base = d.rand.randint(10**55, 10**56 - 10**4)
    envelope = {
        "messageType": "DATA_MESSAGE",
        "owner": _ACCOUNT,
        "logGroup": group,
        "logStream": stream,
        "subscriptionFilters": ["jacksdale-app-logs-to-splunk"],
        "logEvents": [
            {"id": str(base + i * 23), "timestamp": d.epoch_ms + i // 6, "message": line}
            for i, line in enumerate(events)
        ],
    }
    return _compact(envelope), {"source": "aws:firehose", "logGroup": group}


def nk_cwline(d: Delivery) -> tuple[str, Fields]:
    """One CloudWatch event as the Datadog Forwarder posts it."""
    return _pick(nk_lines(d), d.opts.get("part")), {}


# --- nl: Express + pino, Splunk OTel Collector and the Datadog Agent -----------------------------

_NL_NS = "bookings"


def _nl_record(d: Delivery) -> dict[str, object]:
    exc = d.thrown
    kind = str(d.opts.get("kind", "http"))
    err = {"type": exc.type, "message": exc.value, "stack": node_stack(exc, exc.value)}
    if len(d.chain) > 1:
        cause = d.chain[-2]
        err["stack"] += f"\ncaused by: {node_stack(cause, cause.value)}"
    record: dict[str, object] = {
        "level": 50,
        "time": d.epoch_ms,
        "pid": 1,
        "hostname": d.host,
    }
    if kind in ("http", "handler"):
        method, _, _ = d.bug.entry.partition(" ")
        req = {
            "id": d.rand.randint(1, 400_000),
            "method": method,
            "url": d.request_path,
            "query": {},
            "headers": {
                "host": "api.jevington-holidays.example",
                "user-agent": d.rand.choice(
                    (
                        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X)",
                        "Mozilla/5.0 (Windows NT 10.0; Win64; x64)",
                        "okhttp/4.12.0",
                    )
                ),
                "x-request-id": d.values["uuid"],
            },
            "remoteAddress": f"::ffff:10.12.{d.rand.randint(0, 63)}.{d.rand.randint(2, 250)}",
            "remotePort": d.rand.randint(32_768, 60_999),
        }
        record["req"] = req
    if kind == "http":
        record["res"] = {
            "statusCode": 500,
            "headers": {
                "x-powered-by": "Express",
                "content-type": "application/json; charset=utf-8",
            },
        }
        record["err"] = err
        record["responseTime"] = d.rand.randint(3, 9_000)
        record["msg"] = "request errored"
    elif kind == "handler":
        record["err"] = err
        record["msg"] = d.bug.log or "unhandled error"
    else:
        record["job"] = {
            "id": d.values["uuid"],
            "name": d.bug.entry,
            "retryCount": d.rand.randint(0, 3),
        }
        record["err"] = err
        record["msg"] = d.log_message if d.bug.log else "job failed"
    return record


def nl_otel(d: Delivery) -> tuple[str, Fields]:
    svc, pod = d.service.name, d.host
    uid = d.rand.uuid()
    cid = stable_hex(64, d.company.key, pod)
    return _compact(_nl_record(d)), {
        "k8s.cluster.name": "jevington-prod-euw1",
        "k8s.namespace.name": _NL_NS,
        "k8s.pod.name": pod,
        "k8s.pod.uid": uid,
        "k8s.container.name": svc,
        "k8s.node.name": f"ip-10-12-{d.rand.randint(0, 63)}-{d.rand.randint(2, 250)}.eu-west-1.compute.internal",
        "container.id": cid,
        "container.image.name": f"418265093377.dkr.ecr.eu-west-1.amazonaws.com/{svc}",
        "container.image.tag": d.company.releases[d.release],
        "log.iostream": "stdout",
        "source": f"/var/log/pods/{_NL_NS}_{pod}_{uid}/{svc}/0.log",
        "sourcetype": f"kube:container:{svc}",
    }


def nl_dd(d: Delivery) -> tuple[str, Fields]:
    return _compact(_nl_record(d)), {}


# --- nm: an iOS app's handled errors through dd-sdk-ios and the team's relay ---------------------

_DESCRIPTIONS = {
    ("NSURLErrorDomain", "-1009"): "The Internet connection appears to be offline.",
    ("NSURLErrorDomain", "-1001"): "The request timed out.",
    ("NSURLErrorDomain", "-1005"): "The network connection was lost.",
    (
        "NSCocoaErrorDomain",
        "4864",
    ): "The data couldn\u2019t be read because it isn\u2019t in the correct format.",
    ("NSCocoaErrorDomain", "134110"): "An error occurred during persistent store migration.",
    (
        "NSCocoaErrorDomain",
        "640",
    ): "You can\u2019t save the file because the volume is out of space.",
}


def nm_error(d: Delivery) -> tuple[str, str, str]:
    """The NSError's domain, code and ``localizedDescription`` (a bridged Swift error's is
    Foundation's generic sentence)."""
    exc = d.thrown
    domain = exc.type
    code = exc.value.rsplit("Code: ", 1)[-1].rstrip(")").strip()
    text = _DESCRIPTIONS.get(
        (domain, code), f"The operation couldn\u2019t be completed. ({domain} error {code}.)"
    )
    return domain, code, text


def _nm_version(d: Delivery) -> tuple[str, str]:
    version = d.release_name.partition("@")[2]
    return version.split("+")[0], version.rsplit("+", 1)[-1]


def nm_relay(d: Delivery) -> tuple[str, Fields]:
    domain, code, text = nm_error(d)
    version, build = _nm_version(d)
    record = {
        "received_at": d.iso(3),
        "level": "error",
        "platform": "ios",
        "app_version": version,
        "build": build,
        "os_version": d.rand.choice(("17.5.1", "17.6.1", "18.0.1", "18.1")),
        "device": d.rand.choice(("iPhone15,2", "iPhone14,5", "iPhone16,1", "iPhone13,2")),
        "install_id": d.values["uuid"],
        "screen": d.bug.page,
        "context": d.bug.log or "",
        "error": {"domain": domain, "code": int(code), "description": text},
    }
    return _compact(record), {"app_version": version}


def nm_ddlogs(d: Delivery) -> tuple[str, Fields]:
    domain, code, text = nm_error(d)
    version, build = _nm_version(d)
    record = {
        "date": d.epoch_ms,
        "status": "error",
        "message": d.bug.log or text,
        "service": d.service.name,
        "logger": {"name": "app", "thread_name": "main", "version": "2.14.1"},
        "version": version,
        "build_version": build,
        "network": {
            "client": {
                "reachability": d.rand.choice(("yes", "maybe", "no")),
                "available_interfaces": ["wifi"],
            }
        },
        "usr": {"id": d.values["uuid"]},
        "error": {
            "kind": f"{domain} - {code}",
            "message": text,
            "stack": f'Error Domain={domain} Code={code} "{text}"',
        },
        "ddtags": f"env:prod,version:{version}",
    }
    return _compact(record), {}


FORMATS124: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "nk-firehose": nk_firehose,
    "nk-cwline": nk_cwline,
    "nl-otel": nl_otel,
    "nl-dd": nl_dd,
    "nm-relay": nm_relay,
    "nm-ddlogs": nm_ddlogs,
}
