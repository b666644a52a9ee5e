"""blind61's log formats: an Express 4 + Mongoose API on pino-http (gd: the request logger's
``"msg":"request errored"`` record with ``req``, ``res``, ``err`` and ``responseTime``, and the
worker's plain ``logger.error({err}, msg)`` record); a Django 4.2 app on Gunicorn with the
docs' ``verbose`` console formatter (ge: ``{levelname} {asctime} {module} {process:d}
{thread:d} {message}``, ``django.request``'s ``Internal Server Error: <path>`` over the
traceback); a Spring Boot 3 service on logstash-logback-encoder's JSON with Kafka consumers
(gf: ``@timestamp``, ``message``, ``logger_name``, ``thread_name``, ``level``,
``level_value``, ``stack_trace``; Spring Kafka's ``DefaultErrorHandler`` record on the
listener container's thread).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

# ruff: noqa: E501

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .traces import java_trace, node_stack, python_traceback

Fields = dict[str, str]


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


def pino_http(d: Delivery) -> tuple[str, Fields]:
    """``opts.kind`` ``http`` (the default): pino-http's completion record for a request whose
    error handler set ``res.err``; ``worker``: pino's ``logger.error({ err }, msg)``. pino's
    ``err`` serializer copies enumerable properties (Mongo's ``code``)."""
    exc = d.thrown
    err: dict[str, object] = {
        "type": exc.type,
        "message": exc.value,
        "stack": node_stack(exc, exc.value),
    }
    if exc.value.startswith("E11000"):
        err["code"] = 11000
    if d.opts.get("kind") == "worker":
        rec: dict[str, object] = {
            "level": 50,
            "time": d.epoch_ms,
            "pid": 1,
            "hostname": d.pod(d.service.name),
            "job": d.bug.entry,
            "err": err,
            "msg": d.log_message,
        }
        return _compact(rec), {"level": "50", "msg": d.log_message}
    verb = d.bug.entry.split(" ", 1)[0]
    rec = {
        "level": 50,
        "time": d.epoch_ms,
        "pid": 1,
        "hostname": d.pod(d.service.name),
        "req": {
            "id": d.rand.randint(1, 90000),
            "method": verb,
            "url": d.request_path,
            "query": {},
            "params": {},
            "headers": {
                "host": f"api.{d.company.domain}",
                "user-agent": "Mozilla/5.0",
                "x-forwarded-for": f"10.{d.rand.randint(0, 255)}.{d.rand.randint(0, 255)}.{d.rand.randint(1, 254)}",
            },
            "remoteAddress": "::ffff:10.0.4.17",
            "remotePort": d.rand.randint(30000, 60000),
        },
        "res": {
            "statusCode": 500,
            "headers": {
                "x-powered-by": "Express",
                "content-type": "application/json; charset=utf-8",
            },
        },
        "err": err,
        "responseTime": d.rand.randint(3, 900),
        "msg": "request errored",
    }
    return _compact(rec), {"level": "50", "msg": "request errored"}


def django_verbose(d: Delivery) -> tuple[str, Fields]:
    """Django's documented ``verbose`` formatter on a console handler: ``django.request``
    logs ``Internal Server Error: <path>`` from ``log.py``; ``opts.kind`` ``app``: the app's
    own ``logger.exception(...)`` from its module."""
    ms = f"{d.rand.randint(0, 999):03d}"
    thread = d.rand.randint(139_000_000_000_000, 140_999_999_999_999)
    pid = d.rand.randint(7, 40)
    if d.opts.get("kind") == "app":
        module = d.logger.rsplit(".", 1)[-1]
        msg = d.log_message
    else:
        module = "log"
        msg = f"Internal Server Error: {d.request_path}"
    head = f"ERROR {d.stamp('%Y-%m-%d %H:%M:%S')},{ms} {module} {pid} {thread} {msg}"
    return head + "\n" + python_traceback(d.chain), {"module": module}


def logstash_kafka(d: Delivery) -> tuple[str, Fields]:
    """logstash-logback-encoder's ``LogstashEncoder`` with MDC; ``opts.thread`` names the
    thread (a Kafka listener container's ``...-0-C-1``); ``opts.half`` a
    ``ShortenedThrowableConverter`` with ``maxDepthPerThrowable``."""
    depth = int(str(d.opts.get("half", 0)))
    thread = str(d.opts.get("thread", f"http-nio-8080-exec-{d.rand.randint(1, 10)}"))
    rec: dict[str, object] = {
        "@timestamp": d.iso(3),
        "@version": "1",
        "message": d.log_message,
        "logger_name": d.logger,
        "thread_name": thread,
        "level": "ERROR",
        "level_value": 40000,
    }
    if "exec" in thread:
        rec["traceId"] = d.rand.hex(32)
    rec["stack_trace"] = java_trace(d.chain, depth=depth) + "\n"
    return _compact(rec), {"level": "ERROR", "logger_name": d.logger}


FORMATS61: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "gd-pino-http": pino_http,
    "ge-django-verbose": django_verbose,
    "gf-logstash-kafka": logstash_kafka,
}
