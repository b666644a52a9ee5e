"""blind73's log formats.

- ``hn-json``: a Flask 3 API and its Celery 5 workers logging through Python's ``logging``
  with a JSON formatter of the team's own, one object a line, sent to Splunk by HEC:
  ``{"ts", "level", "logger", "msg", "exc"}``, ``ts`` the record's time in ISO 8601 with
  ``+00:00``, ``exc`` ``formatException(record.exc_info)`` (the plain traceback, or null).
  ``opts.kind``: ``flask`` (Flask's ``app.logger.error(f"Exception on {request.path}
  [{request.method}]", exc_info=...)`` from ``log_exception``; the logger is the app's import
  name), ``task`` (Celery's ``celery.app.trace`` record ``Task <name>[<id>] raised
  unexpected: <repr>``), ``team`` (the code's ``logger.exception(msg)``), ``noexc``
  (``logger.error("%s: %s", msg, exc)``: ``exc`` null).
- ``hn-celery-text``: one worker pool (the ``exports`` queue, an older deployment) still on
  Celery's default worker format ``[%(asctime)s: %(levelname)s/%(processName)s]
  %(message)s``: the ``raised unexpected`` line over the traceback.
- ``ho-pino``: a Fastify 4 API on Fastify's built-in pino logger: numeric ``level``, ``time``
  in epoch ms, ``pid``, ``hostname``, ``reqId`` (``req-<base36>``), ``req`` {method, url,
  hostname, remoteAddress, remotePort}, ``res`` {statusCode}, ``err`` {type, message, stack,
  and ``code``/``statusCode`` where the error has them}, ``msg``. ``opts.kind``: ``default``
  (Fastify's default error handler for a 5xx: ``reply.log.error({ req, res, err },
  err.message)``), ``errored`` (the team's ``setErrorHandler`` logging ``request.log.error({
  err }, "Request errored")``), ``completed`` (the ``request completed`` record at info, with
  ``res.statusCode`` 500 and ``responseTime``, nothing of the error), ``job`` (a standalone
  pino logger in the manifest jobs: ``logger.error({ err, job }, msg)``).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .traces import node_stack, python_repr, python_traceback

Fields = dict[str, str]

_HTTP = ("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


# --- hn: the team's JSON formatter and Celery's text -------------------------------------------


def _task_line(d: Delivery) -> str:
    exc = d.thrown
    first = exc.value.split("\n", 1)[0]
    shown = python_repr(exc) if first == exc.value else f"{exc.type}('{first}')"
    if not exc.value or exc.value == f"{exc.type}()":
        shown = f"{exc.type}()"
    return f"Task {d.bug.entry}[{d.rand.uuid()}] raised unexpected: {shown}"


def hn_json(d: Delivery) -> tuple[str, Fields]:
    http = d.bug.entry.startswith(_HTTP)
    kind = str(d.opts.get("kind", "flask" if http else "task"))
    exc_text: str | None = python_traceback(d.chain)
    if kind == "flask":
        method = d.bug.entry.split(" ", 1)[0]
        logger, msg = "zennor_api", f"Exception on {d.request_path} [{method}]"
    elif kind == "task":
        logger, msg = "celery.app.trace", _task_line(d)
    elif kind == "noexc":
        first = d.thrown.value.split("\n", 1)[0]
        logger, msg, exc_text = d.logger, f"{d.values.fill(d.bug.log)}: {first}", None
    else:
        logger, msg = d.logger, d.log_message
    record = {
        "ts": d.iso(6, z=False),
        "level": "ERROR",
        "logger": logger,
        "msg": msg,
        "exc": exc_text,
    }
    return _compact(record), {"level": "ERROR", "logger": logger}


def hn_celery_text(d: Delivery) -> tuple[str, Fields]:
    worker = f"ForkPoolWorker-{d.rand.randint(1, 8)}"
    head = f"[{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis}: ERROR/{worker}] {_task_line(d)}"
    return head + "\n" + python_traceback(d.chain), {"level": "ERROR"}


# --- ho: Fastify's pino -------------------------------------------------------------------------


def _err(d: Delivery) -> dict[str, object]:
    exc = d.thrown
    err: dict[str, object] = {
        # pino's serializer names the constructor (node-postgres' ``DatabaseError`` is
        # ``name = "error"`` in its stack).
        "type": str(d.opts.get("errtype", exc.type)),
        "message": exc.value,
        "stack": node_stack(exc, exc.value),
    }
    if "code" in d.opts:
        err["code"] = str(d.opts["code"])
    if "status" in d.opts:
        err["statusCode"] = int(str(d.opts["status"]))
    return err


def ho_pino(d: Delivery) -> tuple[str, Fields]:
    http = d.bug.entry.startswith(_HTTP)
    kind = str(d.opts.get("kind", "default" if http else "job"))
    record: dict[str, object] = {
        "level": 30 if kind == "completed" else 50,
        "time": d.epoch_ms,
        "pid": d.rand.randint(1, 60),
        "hostname": d.host,
    }
    if http:
        method = d.bug.entry.split(" ", 1)[0]
        record["reqId"] = f"req-{d.rand.randint(1, 2_000_000):x}"
        if kind != "completed":
            record["req"] = {
                "method": method,
                "url": d.request_path,
                "hostname": "api.zetland-ferries.example",
                "remoteAddress": d.values["ip"],
                "remotePort": d.rand.randint(32_768, 60_999),
            }
    if kind == "default":
        record["res"] = {"statusCode": int(str(d.opts.get("status", 500)))}
        record["err"] = _err(d)
        record["msg"] = d.thrown.value
    elif kind == "errored":
        record["err"] = _err(d)
        record["msg"] = "Request errored"
    elif kind == "completed":
        record["res"] = {"statusCode": 500}
        record["responseTime"] = round(d.rand.uniform(1.5, 9000), 6)
        record["msg"] = "request completed"
    else:
        record["job"] = d.bug.entry
        record["err"] = _err(d)
        record["msg"] = d.values.fill(d.bug.log) if d.bug.log else "job failed"
    return _compact(record), {"level": str(record["level"])}


FORMATS73: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "hn-json": hn_json,
    "hn-celery-text": hn_celery_text,
    "ho-pino": ho_pino,
}
