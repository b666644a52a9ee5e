"""Log formats of blind19's companies (bh, bi, bj): a Django 4.2 API whose ``LOGGING`` writes
a key=value line for Splunk with the traceback on the lines below (``django.request``'s
"Internal Server Error: <path>" or the view's own ``logger.exception``), Celery 5.3 workers on
python-json-logger with renamed fields (Celery's "raised unexpected" record keeps its
``data`` context as an extra, the traceback twice), logstash-logback-encoder with
``ShortenedThrowableConverter`` (root cause first, a depth cap, Micrometer's ``traceId`` and
``spanId`` in the MDC) from Spring Boot 3, and winston 3 in an Express API (``printf`` with
the error's ``stack``; the Bull worker's ``failed`` handler logging JSON with the job's
fields and the ``stack`` as meta; V8 keeps ten frames).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it, as
in ``logs``; ``logs.FORMATS`` takes them in under these keys, which no other set uses.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .model import Exc
from .traces import java_trace, node_stack, python_traceback

Fields = dict[str, str]

HTTP_METHODS = ("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


# --- Django's LOGGING, a key=value formatter ---------------------------------------------------


def django_kv(d: Delivery) -> tuple[str, Fields]:
    """``%(asctime)s level=%(levelname)s logger=%(name)s pid=%(process)d
    request_id=%(request_id)s msg="%(message)s"`` (django-log-request-id's filter); the
    traceback ``logging`` appends after a newline. Unhandled view errors come from
    ``django.request``; caught ones from the view's ``logger.exception``. With ``opts.half``
    the code logged ``logger.error("…: %s", exc)``: no traceback at all."""
    if d.bug.log:
        logger, message = d.logger, d.log_message
    elif d.bug.entry.startswith(HTTP_METHODS):
        logger, message = "django.request", f"Internal Server Error: {d.request_path}"
    else:
        logger, message = d.logger, d.thrown.value
    if d.opts.get("half"):
        # The view caught it and logged it under its own module's logger.
        logger = d.logger
        first = d.thrown.value.split("\n", 1)[0]
        message = f"{d.values.fill(str(d.opts.get('msg', 'request failed')))}: {first}"
    stamp = f"{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis}"
    rid = d.rand.hex(32)
    head = (
        f"{stamp} level=ERROR logger={logger} pid={d.rand.randint(7, 60)} "
        f'request_id={rid} msg="{message}"'
    )
    raw = head if d.opts.get("half") else f"{head}\n{python_traceback(d.chain)}"
    return raw, {"level": "ERROR", "logger": logger, "request_id": rid}


# --- Celery on python-json-logger --------------------------------------------------------------


def _repr(exc: Exc) -> str:
    """``repr(exc)`` as CPython writes it: double quotes round a message holding single ones;
    a KeyError's message is already its key's repr."""
    if exc.type == "KeyError":
        return f"KeyError({exc.value})"
    value = exc.value.replace("\\", "\\\\").replace("\n", "\\n")
    if "'" in value and '"' not in value:
        return f'{exc.type}("{value}")'
    escaped = value.replace("'", "\\'")
    return f"{exc.type}('{escaped}')"


def celery_pjl(d: Delivery) -> tuple[str, Fields]:
    """``JsonFormatter("%(asctime)s %(levelname)s %(name)s %(message)s", rename_fields=
    {"asctime": "time", "levelname": "severity", "name": "logger"})`` on the worker's
    loggers: ``celery.app.trace``'s failure record carries ``extra={"data": context}``, so
    the JSON has the task's context (its ``traceback`` too) beside ``exc_info``."""
    exc = d.thrown
    task_id = d.rand.uuid()
    context = {
        "hostname": f"celery@{d.host}",
        "id": task_id,
        "name": d.bug.entry,
        "exc": _repr(exc),
        "traceback": python_traceback(d.chain) + "\n",
        "args": f"[{d.values['id']}]",
        "kwargs": "{}",
        "description": "raised unexpected",
        "internal": False,
    }
    record = {
        "time": f"{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis}",
        "severity": "ERROR",
        "logger": "celery.app.trace",
        "message": f"Task {d.bug.entry}[{task_id}] raised unexpected: {_repr(exc)}",
        "exc_info": python_traceback(d.chain),
        "data": context,
    }
    return json.dumps(record), {"severity": "ERROR", "logger": "celery.app.trace"}


# --- Spring Boot 3 on logstash-logback-encoder -------------------------------------------------


def logstash_shortened(d: Delivery) -> tuple[str, Fields]:
    """``LogstashEncoder`` with ``ShortenedThrowableConverter`` (``rootCauseFirst``,
    ``maxDepthPerThrowable`` 30 or ``opts.half``); Micrometer Tracing's MDC keys; the
    app's ``customFields`` (``app``, ``env``)."""
    depth = int(str(d.opts.get("half", 30)))
    consumer = d.service.framework == "spring-kafka"
    thread = (
        f"org.springframework.kafka.KafkaListenerEndpointContainer#0-0-C-{d.rand.randint(1, 3)}"
        if consumer
        else f"http-nio-8080-exec-{d.rand.randint(1, 10)}"
    )
    record = {
        "@timestamp": d.iso(3, z=False),
        "@version": "1",
        "message": d.log_message,
        "logger_name": d.logger,
        "thread_name": thread,
        "level": "ERROR",
        "level_value": 40000,
        "stack_trace": java_trace(d.chain, depth=depth, root_first=True) + "\n",
        "traceId": d.rand.hex(32),
        "spanId": d.rand.hex(16),
        "app": d.service.name,
        "env": "prod",
    }
    return _compact(record), {"level": "ERROR", "logger_name": d.logger}


# --- winston 3 in Express and in the Bull worker -----------------------------------------------


def _v8_stack(d: Delivery) -> str:
    """``err.stack`` as V8 keeps it: the message line and ``Error.stackTraceLimit`` (10)
    frames."""
    exc = d.thrown
    lines = node_stack(exc, exc.value).split("\n")
    return "\n".join(lines[:11])


def winston_printf(d: Delivery) -> tuple[str, Fields]:
    """``combine(timestamp(), errors({stack: true}), printf(i => `${i.timestamp}
    [${i.service}] ${i.level}: ${i.method} ${i.url} ${i.stack || i.message}`))``: the
    error middleware logs the error with the request's method and URL."""
    method, _, _ = d.bug.entry.partition(" ")
    where = f"{method} {d.request_path} " if d.bug.entry.startswith(HTTP_METHODS) else ""
    raw = f"{d.iso(3)} [{d.service.name}] error: {where}{_v8_stack(d)}"
    return raw, {"level": "error"}


def winston_bull(d: Delivery) -> tuple[str, Fields]:
    """The worker's ``queue.on("failed", (job, err) => logger.error(`Job ${job.name}#${job.id}
    failed`, {queue, jobId, attemptsMade, failedReason: err.message, stack: err.stack}))``
    under ``combine(timestamp(), json())``: keys in insertion order, the stack a meta field."""
    exc = d.thrown
    queue = str(d.opts.get("queue", "default"))
    job_id = str(d.rand.randint(10_000, 999_999))
    record: dict[str, object] = {
        "queue": queue,
        "jobId": job_id,
        "attemptsMade": d.rand.randint(1, 5),
        "failedReason": exc.value,
        "stack": _v8_stack(d),
        "level": "error",
        "message": f"Job {d.bug.entry}#{job_id} failed",
        "service": d.service.name,
        "timestamp": d.iso(3),
    }
    return _compact(record), {"level": "error", "queue": queue}


FORMATS19: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "bh-django-kv": django_kv,
    "bh-celery-pjl": celery_pjl,
    "bi-logstash-short": logstash_shortened,
    "bj-winston-printf": winston_printf,
    "bj-winston-bull": winston_bull,
}
