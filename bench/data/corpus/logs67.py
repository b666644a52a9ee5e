"""blind67's log formats: a Django 5/DRF API and its Celery workers on python-json-logger's
``JsonFormatter`` (``%(asctime)s %(levelname)s %(name)s %(message)s``; ``exc_info`` the
formatted traceback, placed before the record's extras; objects it cannot encode written as
``str()``), read by the Splunk Universal Forwarder (gv); an Express 4 API in TypeScript on
winston's ``format.combine(timestamp(), errors({stack: true}), json())`` shipped to Datadog
(gw).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .traces import node_stack, python_repr, python_traceback

Fields = dict[str, str]


def _head(d: Delivery, name: str, message: str) -> dict[str, object]:
    return {
        "asctime": d.stamp("%Y-%m-%d %H:%M:%S") + "," + d.millis,
        "levelname": "ERROR",
        "name": name,
        "message": message,
    }


def django_request(d: Delivery) -> tuple[str, Fields]:
    """``django.request``'s ``Internal Server Error: <path>`` (``log_response``): the extras
    ``status_code`` and ``request`` (a ``WSGIRequest``, written as its ``str()``), then the
    ``request_id`` a logging filter adds."""
    path = d.request_path
    method = d.bug.entry.split(" ", 1)[0]
    record = _head(d, "django.request", f"Internal Server Error: {path}")
    record["exc_info"] = python_traceback(d.chain)
    record["status_code"] = 500
    record["request"] = f"<WSGIRequest: {method} '{path}'>"
    record["request_id"] = d.rand.hex(32)
    return json.dumps(record), {"levelname": "ERROR", "name": "django.request"}


def app_exception(d: Delivery) -> tuple[str, Fields]:
    """The team's ``logger.exception(msg, extra={"path": ..., "status_code": ...})`` in a
    view, or ``logger.error(f"...: {e}")`` without the traceback (``"noexc"``)."""
    record = _head(d, d.logger, d.log_message)
    if not d.opts.get("noexc"):
        record["exc_info"] = python_traceback(d.chain)
    if d.bug.entry.startswith(("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")):
        record["path"] = d.request_path
        record["status_code"] = int(str(d.opts.get("status", 500)))
    record["request_id"] = d.rand.hex(32)
    return json.dumps(record), {"levelname": "ERROR", "name": d.logger}


def celery_trace(d: Delivery) -> tuple[str, Fields]:
    """``celery.app.trace``'s failure record: ``Task <name>[<id>] raised unexpected: <repr>``
    with ``exc_info`` and the ``data`` extra Celery passes (its ``traceback`` too)."""
    task_id = d.rand.uuid()
    exc = python_repr(d.thrown)
    trace = python_traceback(d.chain)
    record = _head(d, "celery.app.trace", f"Task {d.bug.entry}[{task_id}] raised unexpected: {exc}")
    record["exc_info"] = trace
    record["data"] = {
        "hostname": f"celery@{d.host}",
        "id": task_id,
        "name": d.bug.entry,
        "exc": exc,
        "traceback": trace + "\n",
        "args": f"({d.values['id']},)",
        "kwargs": "{}",
        "description": "raised unexpected",
        "internal": False,
    }
    return json.dumps(record), {"levelname": "ERROR", "name": "celery.app.trace"}


def winston(d: Delivery) -> tuple[str, Fields]:
    """winston 3: ``logger.error(err)`` (the error's message, ``stack``), or
    ``logger.error("msg", err)``, where winston appends the error's message to ``msg`` (``meta``),
    or ``logger.error(`msg: ${err.message}`)`` without a stack (``"nostack"``)."""
    exc = d.thrown
    if d.opts.get("nostack"):
        record: dict[str, object] = {"level": "error", "message": f"{d.bug.log}: {exc.value}"}
    elif d.opts.get("meta") and d.bug.log:
        record = {"level": "error", "message": f"{d.bug.log} {exc.value}"}
        record["stack"] = node_stack(exc, exc.value)
    else:
        record = {"level": "error", "message": exc.value, "stack": node_stack(exc, exc.value)}
    if d.bug.entry.startswith(("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")):
        record["method"] = d.bug.entry.split(" ", 1)[0]
        record["url"] = d.request_path
    record["service"] = d.service.name
    record["timestamp"] = d.iso(3)
    # logform's json() writes through safe-stable-stringify: keys sorted.
    return json.dumps(record, separators=(",", ":"), sort_keys=True), {"level": "error"}


FORMATS67: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "gv-django-request": django_request,
    "gv-app-json": app_exception,
    "gv-celery-json": celery_trace,
    "gw-winston": winston,
}
