"""blind98's log formats.

kk: two Cloud Run services whose stdout/stderr Cloud Logging keeps as ``LogEntry`` records,
routed by a log sink to Pub/Sub and pulled by the Splunk Add-on for Google Cloud Platform
(sourcetype ``google:gcp:pubsub:message``: ``_raw`` is the whole ``LogEntry`` as JSON).

- A Python 3.11 Flask app on gunicorn logging through google-cloud-logging's
  ``StructuredLogHandler``: one JSON line per record on stdout (``message`` holding the text and
  the formatted traceback, ``severity``, ``logging.googleapis.com/trace``, ``.../spanId``,
  ``.../sourceLocation``), which Cloud Logging lifts into the ``LogEntry`` (``severity``,
  ``trace``, ``spanId``, ``sourceLocation``) leaving ``jsonPayload.message``. gunicorn's own
  ``Error handling request`` report goes to stderr as text: a ``textPayload``.
- A Go 1.22 service on zap's production JSON encoder on stderr (``level``, ``ts`` as epoch
  seconds, ``caller``, ``msg``, ``error``, ``stacktrace``): Cloud Logging knows none of those
  keys, so the whole record stays in ``jsonPayload`` and stderr gives the entry ``ERROR``.

kl: Airflow 2.8 task logs (``[%(asctime)s] {%(filename)s:%(lineno)d} %(levelname)s -
%(message)s`` with ``asctime`` as ``2026-03-02, 10:11:12 UTC``) read by a Splunk universal
forwarder from ``/opt/airflow/logs/dag_id=<dag>/run_id=<run>/task_id=<task>/attempt=<n>.log``,
one event per bracketed line (so the traceback stays with its ``ERROR`` line).

Each function returns the raw text and the fields a Splunk search extracts from it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from .delivery import Delivery
from .model import Exc, Frame
from .traces import python_traceback, zap_stacktrace

Fields = dict[str, str]
PROJECT = "birchcombe-prod"


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


# --- kk: Cloud Logging LogEntry ----------------------------------------------------------------


def _entry(
    d: Delivery, payload: dict[str, object], severity: str, stream: str
) -> dict[str, object]:
    rev = f"{d.service.name}-{d.release + 41:05d}-{d.rand.alnum(3, 'abcdefghijklmnopqrstuvwxyz')}"
    entry: dict[str, object] = {
        "insertId": d.rand.alnum(16, "abcdefghijklmnopqrstuvwxyz0123456789"),
        **payload,
        "resource": {
            "type": "cloud_run_revision",
            "labels": {
                "configuration_name": d.service.name,
                "location": "europe-west2",
                "project_id": PROJECT,
                "revision_name": rev,
                "service_name": d.service.name,
            },
        },
        "timestamp": d.iso(6),
        "severity": severity,
        "labels": {"instanceId": "00" + d.rand.hex(60)},
        "logName": f"projects/{PROJECT}/logs/run.googleapis.com%2F{stream}",
        "receiveTimestamp": d.iso(9),
    }
    return entry


def _fields(entry: dict[str, object], d: Delivery) -> Fields:
    return {
        "severity": str(entry["severity"]),
        "resource.labels.service_name": d.service.name,
        "logName": str(entry["logName"]),
    }


def _trace_id(d: Delivery) -> str:
    return d.rand.hex(32)


def flask_message(d: Delivery) -> str:
    """``logger.exception(msg)`` through ``StructuredLogHandler``: the message and the
    traceback in one string."""
    return f"{d.log_message}\n{python_traceback(d.chain)}"


def gunicorn_text(d: Delivery) -> str:
    stamp = d.stamp("%Y-%m-%d %H:%M:%S +0000")
    return (
        f"[{stamp}] [{d.rand.randint(2, 9)}] [ERROR] Error handling request {d.request_path}\n"
        + python_traceback(d.chain)
    )


def gcp_flask(d: Delivery) -> tuple[str, Fields]:
    """``opts.text``: gunicorn's own report on stderr (a ``textPayload``, no trace)."""
    if d.opts.get("text"):
        entry = _entry(d, {"textPayload": gunicorn_text(d)}, "ERROR", "stderr")
        return _compact(entry), _fields(entry, d)
    caller = [f for f in d.frames if f.in_app][-1]
    trace = _trace_id(d)
    payload: dict[str, object] = {
        "jsonPayload": {"message": flask_message(d), "python_logger": d.logger},
        "trace": f"projects/{PROJECT}/traces/{trace}",
        "spanId": d.rand.hex(16),
        "traceSampled": d.index % 3 == 0,
        "sourceLocation": {
            "file": "/app/" + caller.file,
            "line": str(caller.line),
            "function": caller.function,
        },
    }
    if d.bug.entry.startswith(("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")):
        payload["httpRequest"] = {
            "requestMethod": d.bug.entry.split(" ", 1)[0],
            "requestUrl": f"https://{d.service.name}-5q3xk7mv2a-nw.a.run.app{d.request_path}",
            "status": 500,
            "userAgent": "okhttp/4.12.0" if d.index % 2 else "python-requests/2.31.0",
            "protocol": "HTTP/1.1",
        }
    entry = _entry(d, payload, "ERROR", "stdout")
    return _compact(entry), _fields(entry, d)


def _zap_record(d: Delivery) -> dict[str, object]:
    # The stack of the log call: the handler that logged the error, not where it was made.
    frames = d.frames
    last_app = max(i for i, f in enumerate(frames) if f.in_app)
    frames = frames[: last_app + 1]
    caller = frames[-1]
    record: dict[str, object] = {
        "level": "error",
        "ts": round(d.when, 7),
        "caller": "/".join(caller.file.split("/")[-2:]) + f":{caller.line}",
        "msg": str(d.opts.get("msg", d.bug.log or "request failed")),
    }
    if d.bug.entry.startswith(("GET ", "POST ", "PUT ", "DELETE ")):
        record.update(method=d.bug.entry.split(" ", 1)[0], path=d.request_path)
    elif d.bug.entry:
        record["subscription"] = d.bug.entry
    record["error"] = d.thrown.value
    record["stacktrace"] = zap_stacktrace(frames)
    return record


def gcp_zap(d: Delivery) -> tuple[str, Fields]:
    entry = _entry(d, {"jsonPayload": _zap_record(d)}, "ERROR", "stderr")
    return _compact(entry), _fields(entry, d)


def dd_gcp_message(d: Delivery) -> tuple[str, Fields]:
    """What Datadog's GCP integration keeps as a log's message: ``jsonPayload.message`` or
    ``textPayload``; for zap (no ``message`` key) the pipeline's remapper takes ``msg`` and
    the team's grok adds ``error`` and ``stacktrace`` below it."""
    if d.service.platform == "go":
        rec = _zap_record(d)
        return f"{rec['msg']}\nerror: {rec['error']}\n{rec['stacktrace']}", {}
    if d.opts.get("text"):
        return gunicorn_text(d), {}
    return flask_message(d), {}


# --- kl: Airflow 2.8 task logs -----------------------------------------------------------------

AF_SITE = "/home/airflow/.local/lib/python3.11/site-packages/"


def airflow_path(f: Frame) -> str:
    if f.in_app:
        return "/opt/airflow/" + f.file
    if f.file.split("/")[0] in ("json", "socket", "ssl", "http", "urllib", "datetime", "decimal"):
        return "/usr/local/lib/python3.11/" + f.file
    return AF_SITE + f.file


def airflow_traceback(chain: Sequence[Exc]) -> str:
    blocks = []
    for exc in chain:
        lines = ["Traceback (most recent call last):"]
        for f in exc.frames:
            lines.append(f'  File "{airflow_path(f)}", line {f.line}, in {f.function}')
            if f.context:
                lines.append("    " + f.context)
        lines.append(f"{exc.text_name}: {exc.value}" if exc.value else exc.text_name)
        blocks.append("\n".join(lines))
    cause = "\n\nThe above exception was the direct cause of the following exception:\n\n"
    return cause.join(blocks)


def _af_stamp(d: Delivery, plus: float = 0.0) -> str:
    import time

    return time.strftime("[%Y-%m-%d, %H:%M:%S UTC]", time.gmtime(d.when + plus))


def _dag_task(d: Delivery) -> tuple[str, str]:
    dag, _, task = d.bug.entry.partition(".")
    return dag, task


def airflow_task(d: Delivery) -> tuple[str, Fields]:
    """One forwarder event. ``opts.event``: ``error`` (default: ``Task failed with exception``
    over the traceback), ``runner`` (``standard_task_runner``'s one line with the message and
    the pid), ``retry`` (the ``ERROR`` event with the ``Marking task as UP_FOR_RETRY`` line the
    forwarder merged into it: a window that broke on the timestamp only)."""
    dag, task = _dag_task(d)
    event = str(d.opts.get("event", "error"))
    first = d.thrown.value.splitlines()[0] if d.thrown.value else d.thrown.text_name
    fields = {"dag_id": dag, "task_id": task}
    if event == "runner":
        job = d.rand.randint(40_000, 99_999)
        raw = (
            f"{_af_stamp(d, 1)} {{standard_task_runner.py:107}} ERROR - Failed to execute job "
            f"{job} for task {task} ({first}; {d.rand.randint(100, 9_000)})"
        )
        return raw, fields
    raw = f"{_af_stamp(d)} {{taskinstance.py:2699}} ERROR - Task failed with exception\n"
    raw += airflow_traceback(d.chain)
    if event == "retry":
        run = d.stamp("%Y%m%dT%H0000")
        start = d.stamp("%Y%m%dT%H%M%S")
        raw += (
            f"\n{_af_stamp(d)} {{taskinstance.py:1138}} INFO - Marking task as UP_FOR_RETRY. "
            f"dag_id={dag}, task_id={task}, execution_date={run}, start_date={start}, "
            f"end_date={start}"
        )
    return raw, fields


FORMATS98: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "kk-gcp-flask": gcp_flask,
    "kk-gcp-zap": gcp_zap,
    "kk-dd-gcp-message": dd_gcp_message,
    "kl-airflow-task": airflow_task,
}
