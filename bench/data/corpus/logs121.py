"""blind121's log formats.

nb: a Flask 3 app under Gunicorn on AWS Elastic Beanstalk (Amazon Linux 2023, Python 3.12).
The platform's rsyslog writes the web process's stdout and stderr to
``/var/log/web.stdout.log``, each line behind a syslog prefix (``Mar  5 10:12:01
ip-172-31-44-12 web[2345]: ``): Flask's default handler (``[time] ERROR in app: Exception on
/path [POST]``), the traceback under it one line at a time, Gunicorn's own error log
(``[time] [pid] [CRITICAL] WORKER TIMEOUT``). The CloudWatch agent streams the file without a
multi-line rule, so every line is its own CloudWatch event: the Splunk Add-on for AWS indexes
each as an ``aws:cloudwatchlogs`` event, the Datadog Forwarder (Lambda) sends each as a log.
The worker environment (sqsd posting to Flask routes) logs to its own file with a
``multi_line_start_pattern`` of ``{timestamp_format}`` in its agent config, so a traceback
arrives whole there.

nc: a Next.js 15 App Router site on Vercel. A JSON log drain posts one object a log line
(``id``, ``message``, ``timestamp``, ``type``, ``source``: ``lambda`` or ``edge``,
``projectId``, ``deploymentId``, ``host``, ``path``, ``requestId``, ``statusCode``, ``level``,
``proxy``: ``{timestamp, method, scheme, host, path, userAgent, referer, statusCode, clientIp,
region, vercelCache}``, ``environment``, ``executionRegion``); the drain to Splunk HEC's raw
endpoint makes each object an event; Datadog's Vercel integration keeps ``message`` as the
log's message and the rest as attributes. Next 15 logs a server error with ``console.error``:
the ``⨯`` mark or not, the error's stack on ``/var/task/.next/server/...`` and its
``digest``.

nd: Micronaut 4 services on GKE, logback with a JSON encoder shaped for Cloud Logging
(``severity``, ``message``, ``stack_trace``, ``logger_name``, ``thread_name``,
``logging.googleapis.com/trace``). GKE's agent parses the line into a ``LogEntry``
(``jsonPayload``, ``severity``, ``trace``, ``resource.type: k8s_container``); a log sink
publishes it to Pub/Sub, Google's Pub/Sub-to-Splunk Dataflow template posts the ``LogEntry``
JSON to HEC, and Datadog's GCP integration keeps it under ``data`` (monitors render
``{{log.attributes.data.jsonPayload.message}}`` or ``...stack_trace``).
"""

# Log lines are built whole, however long.
# ruff: noqa: E501, RUF001, RUF002

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from .delivery import Delivery
from .model import Exc, Frame
from .rand import stable_hex, stable_int
from .traces import java_trace

Fields = dict[str, str]


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


# --- nb: Flask + Gunicorn on Elastic Beanstalk ---------------------------------------------------

NB_SITE = "/var/app/venv/staging-LQM1lest/lib/python3.12/site-packages/"
NB_STDLIB = "/usr/lib64/python3.12/"
NB_STD = (
    "logging",
    "json",
    "socket",
    "ssl",
    "http",
    "urllib",
    "datetime",
    "_strptime",
    "decimal",
    "concurrent",
    "threading",
)


def _nb_path(f: Frame) -> str:
    if f.in_app:
        return "/var/app/current/" + f.file
    if f.file.split("/")[0].removesuffix(".py") in NB_STD:
        return NB_STDLIB + f.file
    return NB_SITE + f.file


def nb_traceback(chain: Sequence[Exc]) -> list[str]:
    blocks: list[list[str]] = []
    for exc in chain:
        lines = ["Traceback (most recent call last):"]
        for f in exc.frames:
            lines.append(f'  File "{_nb_path(f)}", line {f.line}, in {f.function}')
            if f.context:
                lines.append("    " + f.context.strip())
        lines.extend((f"{exc.text_name}: {exc.value}" if exc.value else exc.text_name).split("\n"))
        blocks.append(lines)
    out = blocks[0]
    for b in blocks[1:]:
        out += ["", "The above exception was the direct cause of the following exception:", "", *b]
    return out


def _nb_instance(d: Delivery) -> tuple[str, str]:
    """The EC2 instance of this release's Auto Scaling group: its id and private name."""
    n = stable_int("nb-instance", d.service.name, d.release, d.index % 3)
    iid = "i-0" + stable_hex(16, "nb-iid", d.service.name, d.release, d.index % 3)
    return iid, f"ip-172-31-{n % 60 + 2}-{n % 250 + 3}"


def _nb_lines(d: Delivery) -> list[str]:
    stamp = f"{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis}"
    module = d.bug.logger or "app"
    head = f"[{stamp}] ERROR in {module}: {d.log_message}"
    return [head, *nb_traceback(d.chain)]


def _nb_part(d: Delivery) -> str:
    part = str(d.opts.get("part", "head"))
    master = 2200 + stable_int("nb-pid", d.service.name, d.release) % 900
    gts = f"[{d.stamp('%Y-%m-%d %H:%M:%S')} +0000] [{master}]"
    if part == "timeout":
        return f"{gts} [CRITICAL] WORKER TIMEOUT (pid:{d.values['pid']})"
    if part == "sigkill":
        return (
            f"{gts} [ERROR] Worker (pid:{d.values['pid']}) was sent SIGKILL! Perhaps out of memory?"
        )
    if part == "boot":
        return f"{gts} [INFO] Booting worker with pid: {d.values['pid']}"
    lines = _nb_lines(d)
    if part == "exc":
        first = d.thrown.value.split("\n", 1)[0]
        return f"{d.thrown.text_name}: {first}" if first else d.thrown.text_name
    if part == "frame":
        files = [x for x in lines if x.startswith('  File "')]
        return files[-1]
    if part == "app-frame":
        files = [x for x in lines if x.startswith('  File "/var/app/current/')]
        return files[-1]
    return lines[0]


def _nb_syslog(d: Delivery, text: str) -> str:
    _, name = _nb_instance(d)
    pid = 2200 + stable_int("nb-pid", d.service.name, d.release) % 900
    day = d.stamp("%b %d").replace(" 0", "  ")
    return f"{day} {d.stamp('%H:%M:%S')} {name} web[{pid}]: {text}"


def nb_cw(d: Delivery) -> tuple[str, Fields]:
    """One line of web.stdout.log as the Splunk Add-on for AWS indexes its CloudWatch event."""
    iid, _ = _nb_instance(d)
    raw = _nb_syslog(d, _nb_part(d))
    return raw, {
        "source": f"eu-west-2:/aws/elasticbeanstalk/{d.service.name}-prod/var/log/web.stdout.log:{iid}",
        "host": iid,
    }


def nb_fwd(d: Delivery) -> tuple[str, Fields]:
    """The same line as the Datadog Forwarder sends it (the message is the line)."""
    return _nb_syslog(d, _nb_part(d)), {}


def nb_tasks(d: Delivery) -> tuple[str, Fields]:
    """The worker environment's own log file, whole records (``%(asctime)s %(levelname)s
    [%(name)s] %(message)s``), traceback included."""
    stamp = f"{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis}"
    name = d.bug.logger or "hire.tasks"
    raw = "\n".join([f"{stamp} ERROR [{name}] {d.log_message}", *nb_traceback(d.chain)])
    iid, _ = _nb_instance(d)
    return raw, {
        "source": f"eu-west-2:/aws/elasticbeanstalk/{d.service.name}-prod/var/log/hire/tasks.log:{iid}",
        "host": iid,
    }


# --- nc: Next.js 15 on Vercel, JSON log drain ----------------------------------------------------

NC_PROJECT = "prj_7Hq2LzWd0nX9cVbE4tRk1sYfGm3A"
NC_HOST = "www.dearhammarket.example"
NC_UA = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:133.0) Gecko/20100101 Firefox/133.0",
)


def _nc_frame(f: Frame) -> str:
    if f.file.startswith("node:") or f.args == "edge":
        where = f"{f.file}:{f.line}:{max(f.col, 1)}"
    else:
        where = f"/var/task/{f.file}:{f.line}:{max(f.col, 1)}"
    prefix = "async " if f.args == "async" else ""
    return f"    at {prefix}{f.function} ({where})" if f.function else f"    at {prefix}{where}"


def nc_digest(d: Delivery) -> str:
    """Next's ``digest``: a hash of the error's message and stack (so it moves with a build)."""
    return str(stable_int("nc-digest", d.bug.id, d.release) % 4_294_967_295)


def nc_message(d: Delivery) -> str:
    if "message" in d.opts:
        return d.values.fill(str(d.opts["message"]))
    exc = d.thrown
    head = f"{exc.type}: {exc.value}" if exc.value else exc.type
    lines = [head, *(_nc_frame(f) for f in reversed(exc.frames))]
    if d.service.framework != "next-edge":
        lines[-1] += " {"
        lines += [f"  digest: '{nc_digest(d)}'", "}"]
    text = "\n".join(lines)
    if d.bug.log:
        text = f"{d.log_message} {text}"
    if d.opts.get("mark", d.index % 2 == 0) and d.service.framework != "next-edge":
        text = "⨯ " + text
    return text


def _nc_entry(d: Delivery) -> dict[str, object]:
    path = d.request_path if d.bug.entry else "/"
    method = d.bug.entry.split(" ", 1)[0] if " " in d.bug.entry else "GET"
    edge = d.service.framework == "next-edge"
    deployment = "dpl_" + stable_hex(24, "nc-dpl", d.release)
    status = int(str(d.opts.get("status", "500")))
    proxy = {
        "timestamp": d.epoch_ms - d.rand.randint(5, 900),
        "method": method,
        "scheme": "https",
        "host": NC_HOST,
        "path": path,
        "userAgent": [d.rand.choice(NC_UA)],
        "referer": f"https://{NC_HOST}/",
        "statusCode": status,
        "clientIp": f"81.{d.rand.randint(2, 250)}.{d.rand.randint(0, 255)}.{d.rand.randint(1, 254)}",
        "region": d.rand.choice(("lhr1", "cdg1", "dub1")),
        "vercelCache": "MISS",
    }
    return {
        "id": f"{d.epoch_ms}{d.rand.randint(10**14, 10**15 - 1)}",
        "message": nc_message(d),
        "timestamp": d.epoch_ms,
        "type": "middleware-invocation" if edge else "stderr",
        "source": "edge" if edge else "lambda",
        "projectId": NC_PROJECT,
        "projectName": "market-web",
        "deploymentId": deployment,
        "host": f"market-web-{stable_hex(9, 'nc-host', d.release)}-dearham.vercel.app",
        "path": path if not edge else "/middleware",
        "requestId": f"{d.rand.choice(('lhr1', 'cdg1'))}::{d.rand.choice(('iad1', 'lhr1'))}::{d.rand.alnum(5)}-{d.epoch_ms}-{d.rand.hex(12)}",
        "statusCode": status,
        "level": "error",
        "environment": "production",
        "executionRegion": "lhr1",
        "proxy": proxy,
        **({"entrypoint": "middleware.js"} if edge else {}),
    }


def nc_hec(d: Delivery) -> tuple[str, Fields]:
    """The drained object as the HEC raw endpoint's event (Splunk's JSON extraction gives
    ``message``, ``level``, ``path``, ``requestId``)."""
    entry = _nc_entry(d)
    return _compact(entry), {
        "message": str(entry["message"]),
        "level": "error",
        "path": str(entry["path"]),
        "requestId": str(entry["requestId"]),
        "host": "vercel-drain",
    }


def nc_dd(d: Delivery) -> tuple[str, Fields]:
    return _compact(_nc_entry(d)), {}


# --- nd: Micronaut 4 on GKE, Cloud Logging JSON via Pub/Sub ---------------------------------------

ND_PROJECT = "dunmallet-freight-prod"


def _nd_payload(d: Delivery) -> dict[str, object]:
    thread = str(d.opts.get("thread", f"default-nioEventLoopGroup-1-{d.rand.randint(1, 8)}"))
    trace = java_trace(d.chain, root_first=bool(d.opts.get("root_first")))
    payload: dict[str, object] = {
        "message": d.log_message,
        "logger_name": d.logger,
        "thread_name": thread,
    }
    if not d.opts.get("no_stack"):
        payload["stack_trace"] = trace
    return payload


def _nd_entry(d: Delivery) -> dict[str, object]:
    name = d.service.name
    rs = d.host
    trace_id = d.rand.hex(32)
    return {
        "insertId": d.rand.alnum(16, "abcdefghijklmnopqrstuvwxyz0123456789"),
        "jsonPayload": _nd_payload(d),
        "resource": {
            "type": "k8s_container",
            "labels": {
                "project_id": ND_PROJECT,
                "location": "europe-west2",
                "cluster_name": "freight-prod",
                "namespace_name": "freight",
                "pod_name": rs,
                "container_name": name,
            },
        },
        "timestamp": d.iso(9),
        "severity": "ERROR",
        "labels": {
            "k8s-pod/app": name,
            "k8s-pod/pod-template-hash": rs.split("-")[-2],
            "compute.googleapis.com/resource_name": f"gke-freight-prod-pool-1-{stable_hex(8, 'nd-node', d.index % 4)}-{d.rand.alnum(4)}",
        },
        "logName": f"projects/{ND_PROJECT}/logs/stdout",
        "trace": f"projects/{ND_PROJECT}/traces/{trace_id}",
        "spanId": d.rand.hex(16),
        "traceSampled": d.index % 3 == 0,
        "receiveTimestamp": d.iso(9),
    }


def nd_pubsub(d: Delivery) -> tuple[str, Fields]:
    """The ``LogEntry`` as the Dataflow template posts it to HEC."""
    entry = _nd_entry(d)
    payload = entry["jsonPayload"]
    assert isinstance(payload, dict)
    return _compact(entry), {
        "severity": "ERROR",
        "jsonPayload.message": str(payload["message"]),
        "jsonPayload.logger_name": str(payload["logger_name"]),
    }


def nd_dd(d: Delivery) -> tuple[str, Fields]:
    """Datadog's GCP integration: the ``LogEntry`` under ``data``."""
    return _compact({"data": _nd_entry(d)}), {}


FORMATS121: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "nb-eb-cw": nb_cw,
    "nb-eb-fwd": nb_fwd,
    "nb-eb-tasks": nb_tasks,
    "nc-vercel-hec": nc_hec,
    "nc-vercel-dd": nc_dd,
    "nd-gke-pubsub": nd_pubsub,
    "nd-gke-dd": nd_dd,
}
