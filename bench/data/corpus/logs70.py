"""blind70's log formats.

- ``he-pino``: a NestJS 10 API and its BullMQ workers on nestjs-pino (pino 8 under
  pino-http), one JSON record a line, shipped to Splunk by HEC: numeric ``level``, ``time``
  in epoch ms, ``pid``, ``hostname``, the request pino-http bound to the request's scope
  (``req`` {id, method, url, query, params, headers, remoteAddress, remotePort}), ``context``
  (the Nest logger's context), ``err`` {type, message, stack} from pino's serializer, and
  ``msg``. ``opts.kind``: ``handler`` (Nest's ``ExceptionsHandler`` logging
  ``logger.error(exception.message, exception.stack)``: nestjs-pino wraps the pair in a new
  ``Error``, so ``err.type`` is always ``Error`` and the stack's first line names the real
  type), ``pinohttp`` (pino-http's own ``request errored`` record at the response's end:
  ``res``, ``responseTime`` and an ``err`` "failed with status code 500" raised inside
  pino-http: nothing of the bug but the url), ``team`` (the code's
  ``this.logger.error({ err, ... }, msg)``: the error serialized with its own type and the
  job's ids for a worker), ``noerr`` (the code's ``this.logger.error(`${msg}: ${err.message}`)``:
  no ``err``, no stack).
- ``hf-django``: a Django 4.2 app on gunicorn whose ``LOGGING`` writes stdlib text,
  ``%(asctime)s %(levelname)s %(name)s %(message)s`` (``asctime`` as ``2026-03-04
  10:22:31,123``) with the traceback over the following lines. ``opts.kind``: ``request``
  (``django.request``'s "Internal Server Error: <path>"), ``team`` (the code's
  ``logger.exception(msg)``), ``noexc`` (``logger.error("%s: %s", msg, exc)``, no traceback).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

# User agents are quoted whole.
# ruff: noqa: E501

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .traces import node_stack, python_traceback

Fields = dict[str, str]

_HTTP = ("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")
_AGENTS = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
    "okhttp/4.12.0",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
    "YockenthwaiteDriver/3.2 (Android 14)",
)


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


# --- he: nestjs-pino ----------------------------------------------------------------------------


def _pino_req(d: Delivery) -> dict[str, object]:
    method, _, _ = d.bug.entry.partition(" ")
    path = d.request_path
    query: dict[str, str] = {}
    if method == "GET" and d.index % 2:
        query = {"page": str(d.rand.randint(1, 9))}
        path += f"?page={query['page']}"
    return {
        "id": d.rand.randint(1, 90_000),
        "method": method,
        "url": path,
        "query": query,
        "params": {},
        "headers": {
            "host": "api.yockenthwaite.example",
            "user-agent": d.rand.choice(_AGENTS),
            "x-request-id": d.rand.uuid(),
            "accept": "application/json",
        },
        "remoteAddress": f"::ffff:{d.values['ip']}",
        "remotePort": d.rand.randint(32_768, 60_999),
    }


def he_pino(d: Delivery) -> tuple[str, Fields]:
    http = d.bug.entry.startswith(_HTTP)
    kind = str(d.opts.get("kind", "handler" if http else "team"))
    exc = d.thrown
    stack = node_stack(exc, exc.value)
    record: dict[str, object] = {
        "level": 50,
        "time": d.epoch_ms,
        "pid": d.rand.randint(1, 40),
        "hostname": d.host,
    }
    if http:
        record["req"] = _pino_req(d)
    if kind == "handler":
        record["context"] = "ExceptionsHandler"
        record["err"] = {"type": "Error", "message": exc.value, "stack": stack}
        record["msg"] = exc.value
    elif kind == "pinohttp":
        record["res"] = {
            "statusCode": 500,
            "headers": {
                "x-powered-by": "Express",
                "content-type": "application/json; charset=utf-8",
                "content-length": "52",
            },
        }
        record["responseTime"] = d.rand.randint(3, 9_000)
        record["err"] = {
            "type": "Error",
            "message": "failed with status code 500",
            "stack": "Error: failed with status code 500\n"
            "    at ServerResponse.onResFinished (/app/node_modules/pino-http/logger.js:115:40)\n"
            "    at ServerResponse.emit (node:events:531:35)\n"
            "    at onFinish (node:_http_outgoing:1005:10)\n"
            "    at callback (node:internal/streams/writable:608:21)\n"
            "    at afterWrite (node:internal/streams/writable:553:5)\n"
            "    at process.processTicksAndRejections (node:internal/process/task_queues:82:21)",
        }
        record["msg"] = "request errored"
    else:
        record["context"] = str(d.opts.get("context", d.logger))
        if not http:
            record["jobId"] = str(d.rand.randint(1_000, 999_999))
            record["queue"] = str(d.opts.get("queue", "dispatch"))
            record["attemptsMade"] = d.rand.randint(1, 5)
        msg = d.log_message
        if kind == "noerr":
            record["msg"] = f"{msg}: {exc.value.splitlines()[0]}"
        else:
            err: dict[str, object] = {"type": exc.type, "message": exc.value, "stack": stack}
            if "code" in d.opts:
                err["code"] = d.values.fill(str(d.opts["code"]))
            record["err"] = err
            record["msg"] = msg
    return _compact(record), {"level": "50", "msg": str(record["msg"])}


# --- hf: Django's stdlib logging text -----------------------------------------------------------


def hf_django(d: Delivery) -> tuple[str, Fields]:
    kind = str(d.opts.get("kind", "request" if d.bug.entry.startswith(_HTTP) else "team"))
    stamp = f"{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis}"
    if kind == "request":
        head = f"{stamp} ERROR django.request Internal Server Error: {d.request_path}"
    else:
        head = f"{stamp} ERROR {d.logger} {d.log_message}"
    if kind == "noexc":
        return f"{head}: {d.thrown.value.splitlines()[0]}", {"levelname": "ERROR"}
    return head + "\n" + python_traceback(d.chain, carets=True), {"levelname": "ERROR"}


FORMATS70: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "he-pino": he_pino,
    "hf-django": hf_django,
}
