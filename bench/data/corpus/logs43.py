"""blind43's log formats.

- eb: python-json-logger under Google Cloud Logging's structured-JSON conventions on GKE,
  exported by a log sink through Pub/Sub and the Pub/Sub-to-Splunk Dataflow template: the
  whole ``LogEntry`` (``jsonPayload`` with ``message`` and ``exc_info``, ``severity`` and
  ``sourceLocation`` lifted from ``logging.googleapis.com/*``).
- ec: Winston's console transport with ``errors({ stack: true })`` and a ``printf`` of
  ``level: message`` followed by the stack (NestJS through nest-winston).
- ed: Elixir's Logger through ``LoggerJSON.Formatters.Datadog``: Broadway's failed-message
  report or Bandit's crash report as ``message``, ``error.kind``/``error.stack``.

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .traces import elixir_exception, elixir_stacktrace, node_stack, python_traceback

Fields = dict[str, str]


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


_PKG = "/usr/local/lib/python3.11/site-packages/"
_SITES = {
    "flask": (_PKG + "flask/app.py", "log_exception", "838"),
    "rq": (_PKG + "rq/worker.py", "handle_exception", "1541"),
}


def eb_gcl_entry(d: Delivery) -> tuple[str, Fields]:
    """A Cloud Logging ``LogEntry`` as the Dataflow template forwards it to Splunk HEC."""
    # The log call's site, not the raise: Flask's ``log_exception`` or RQ's exception handler.
    site = _SITES["rq" if d.logger == "rq.worker" else "flask"]
    project = "ebberston-prod"
    trace = d.rand.hex(32)
    payload: dict[str, object] = {
        "message": d.log_message,
        "exc_info": python_traceback(d.chain),
        "logger": d.logger,
        "taskName": None,
    }
    if d.bug.entry.startswith(("GET ", "POST ", "PUT ", "DELETE ", "PATCH ")):
        payload["request_id"] = d.rand.uuid()
    else:
        payload["rq_job_id"] = d.rand.uuid()
    pod = d.pod(d.service.name)
    entry = {
        "insertId": d.rand.alnum(15, "abcdefghijklmnopqrstuvwxyz0123456789"),
        "jsonPayload": payload,
        "labels": {
            "compute.googleapis.com/resource_name": f"gke-prod-pool-{d.rand.hex(8)}",
            "k8s-pod/app": d.service.name,
        },
        "logName": f"projects/{project}/logs/stdout",
        "receiveTimestamp": d.iso(9),
        "resource": {
            "labels": {
                "cluster_name": "prod-eu",
                "container_name": d.service.name,
                "location": "europe-west2",
                "namespace_name": "default",
                "pod_name": pod,
                "project_id": project,
            },
            "type": "k8s_container",
        },
        "severity": "ERROR",
        "sourceLocation": {
            "file": site[0],
            "function": site[1],
            "line": site[2],
        },
        "timestamp": d.iso(6),
        "trace": f"projects/{project}/traces/{trace}",
    }
    return _compact(entry), {"severity": "ERROR", "logName": f"projects/{project}/logs/stdout"}


def ec_winston_console(d: Delivery) -> tuple[str, Fields]:
    """``printf(({ level, message, stack }) => `${level}: ${message}\\n${stack}`)``: the
    message is the handler's own words, the stack starts with the error's type and message."""
    exc = d.thrown
    message = d.log_message if d.bug.log else exc.value
    return f"error: {message}\n{node_stack(exc, exc.value)}", {}


def ed_loggerjson_dd(d: Delivery) -> tuple[str, Fields]:
    """A Broadway processor's failed-message report or Bandit's crash report."""
    exc = d.thrown
    app = "ebb_tide " + d.company.releases[d.release].removeprefix("ebb_tide@")
    report = elixir_exception(exc, app)
    message = d.values.fill(d.bug.log) + "\n" + report if d.bug.log else report
    record = {
        "dd.span_id": str(d.rand.randint(10**17, 9 * 10**18)),
        "dd.trace_id": str(d.rand.randint(10**17, 9 * 10**18)),
        "domain": ["elixir"],
        "error": {
            "kind": exc.type,
            "message": exc.value,
            "stack": "\n".join(elixir_stacktrace(exc.frames, app)),
        },
        "logger": {"thread_name": f"#PID<0.{d.rand.randint(2_000, 90_000)}.0>"},
        "message": message,
        "syslog": {"hostname": d.host, "severity": "error", "timestamp": d.iso(3)},
    }
    return _compact(record), {"status": "error"}


FORMATS43: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "eb-gcl-json": eb_gcl_entry,
    "ec-winston-console": ec_winston_console,
    "ed-loggerjson-dd": ed_loggerjson_dd,
}
