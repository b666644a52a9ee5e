"""Log formats of blind23's companies (bt, bu, bv): Django's ``LOGGING`` through
python-json-logger's ``JsonFormatter`` (``asctime``, ``levelname``, ``name``, ``message``,
``exc_info`` as ``formatException``; ``django.request``'s "Internal Server Error" line and
Celery's ``celery.app.trace`` "raised unexpected" line); pino 9 JSON from an Express API and a
BullMQ worker (``level`` 50, ``time`` epoch ms, ``err`` from pino's std serializer:
``type``, ``message``, ``stack``); Spring Boot 3.3's default logback console line
(``%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %5p PID --- [app] [thread] logger : msg`` then the
throwable, ``Caused by:`` blocks in order).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it, as
in ``logs``; ``logs.FORMATS`` takes them in under these keys (prefixed with the company's
letters: no other set uses them).
"""

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .traces import java_trace, node_stack, python_traceback

Fields = dict[str, str]

HTTP = ("GET ", "POST ", "PUT ", "DELETE ", "PATCH ")


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


def _first(d: Delivery) -> str:
    return d.thrown.value.splitlines()[0] if d.thrown.value else ""


# --- bt: Django + Celery, python-json-logger -----------------------------------------------------


def bt_pjl(d: Delivery) -> tuple[str, Fields]:
    """``JsonFormatter("%(asctime)s %(levelname)s %(name)s %(message)s")``: ``asctime`` in
    logging's default ``2026-12-05 09:38:52,123`` form; ``exc_info`` the whole formatted
    traceback. ``opts.half``: the worker's handler kept only the last frames (a custom
    ``formatException`` that trims to ``traceback.format_exception(limit=-3)``)."""
    exc = d.thrown
    entry = d.bug.entry
    if entry.startswith(HTTP):
        name, message = "django.request", f"Internal Server Error: {d.request_path}"
    elif d.bug.log:
        name, message = d.logger, d.log_message
    else:
        task_id = d.rand.uuid()
        name = "celery.app.trace"
        # Celery logs ``repr(exc)``: Python picks double quotes when the message has a quote.
        message = f"Task {entry}[{task_id}] raised unexpected: {exc.type}({_first(d)!r})"
    trace = python_traceback(d.chain)
    if d.opts.get("half"):
        lines = trace.splitlines()
        trace = "\n".join([lines[0], *lines[-7:]])
    record: dict[str, object] = {
        "asctime": f"{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis}",
        "levelname": "ERROR",
        "name": name,
        "message": message,
        "exc_info": trace,
    }
    if entry.startswith(HTTP):
        record["status_code"] = 500
        record["request_id"] = d.rand.hex(32)
    record["pod"] = d.host
    return _compact(record), {"levelname": "ERROR", "logger_name": name}


# --- bu: pino 9 from Express and a BullMQ worker -------------------------------------------------


def bu_pino(d: Delivery) -> tuple[str, Fields]:
    """pino's JSON with ``pino.stdSerializers.err``: the API logs through pino-http's
    ``req`` (id, method, url) and ``res``; the worker's ``worker.on("failed")`` handler logs
    ``{ jobId, queue, attemptsMade, err }``. ``opts.msg`` overrides the message."""
    exc = d.thrown
    err = {"type": exc.type, "message": d.thrown.value, "stack": node_stack(exc, d.thrown.value)}
    record: dict[str, object] = {
        "level": 50,
        "time": d.epoch_ms,
        "pid": 1,
        "hostname": d.host,
    }
    entry = d.bug.entry
    if entry.startswith(HTTP):
        method = entry.split(" ", 1)[0]
        record["req"] = {"id": d.rand.randint(1000, 99999), "method": method, "url": d.request_path}
        record["res"] = {"statusCode": 500}
        record["err"] = err
        record["msg"] = str(d.opts.get("msg", "request errored"))
    else:
        record["queue"] = str(d.opts.get("queue", entry))
        record["jobId"] = str(d.rand.randint(10000, 999999))
        record["attemptsMade"] = d.rand.randint(1, 5)
        record["err"] = err
        record["msg"] = str(d.opts.get("msg", d.bug.log or "job failed"))
    return _compact(record), {"level": "50"}


# --- bv: Spring Boot 3.3's logback console ------------------------------------------------------


def _abbrev(logger: str, width: int = 39) -> str:
    """logback's ``%logger{39}``: shorten leading packages to their first letter until it fits."""
    parts = logger.split(".")
    i = 0
    while len(".".join(parts)) > width and i < len(parts) - 1:
        parts[i] = parts[i][:1]
        i += 1
    return ".".join(parts)


def bv_logback(d: Delivery) -> tuple[str, Fields]:
    """One console record: the request thread's ``DispatcherServlet`` line ("Servlet.service()
    ... threw exception [...] with root cause" and the root cause's trace alone), or, for the
    RabbitMQ listener and scheduled jobs, the app's own ``log.error(msg, ex)`` and the whole
    trace. ``opts.half``: the line and the first 6 trace lines (a log shipper's line cap)."""
    app = str(d.opts.get("app", d.service.name))
    stamp = f"{d.stamp('%Y-%m-%dT%H:%M:%S')}.{d.millis}Z"
    entry = d.bug.entry
    if entry.startswith(HTTP):
        thread = f"nio-8080-exec-{d.rand.randint(1, 10)}"
        logger = "o.a.c.c.C.[.[.[/].[dispatcherServlet]"
        top = d.chain[-1]
        msg = (
            "Servlet.service() for servlet [dispatcherServlet] in context with path [] threw "
            f"exception [Request processing failed: {top.text_name}: {top.value.splitlines()[0]}] "
            "with root cause"
        )
        trace = java_trace(d.chain[:1]) if len(d.chain) > 1 else java_trace(d.chain)
        body = f"{msg}\n\n{trace}"
    else:
        thread = str(d.opts.get("thread", f"ntContainer#0-{d.rand.randint(1, 4)}"))
        logger = _abbrev(d.logger)
        body = f"{d.log_message}\n\n{java_trace(d.chain)}"
    if d.opts.get("half"):
        body = "\n".join(body.splitlines()[:8])
    head = f"{stamp} ERROR 1 --- [{app}] [{thread[-15:]:>15}] {logger:<40} : "
    return head + body, {"log_level": "ERROR", "thread": thread}


FORMATS23: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "bt-pjl-django": bt_pjl,
    "bu-pino-express": bu_pino,
    "bv-logback-console": bv_logback,
}
