"""blind87's log formats: a Django 4.2/DRF API and its Celery 5 workers on Kubernetes, on
python-json-logger's ``JsonFormatter`` (``%(asctime)s %(levelname)s %(name)s %(message)s``,
``exc_info`` the formatted traceback as a string), the container's stdout tailed by Fluent
Bit's ``tail`` input with the ``kubernetes`` filter and sent to Splunk's HEC: the app's line
under ``log``, the pod's metadata under ``kubernetes`` (jd-fluent), or Celery's own text log
joined by Fluent Bit's ``python`` multiline parser (jd-fluent-celery); the same line as the
Datadog Agent reads it (jd-pjl); a Gin service on logrus' ``JSONFormatter`` with
``ReportCaller`` (``error``, ``msg``, ``func``, ``file``) read by the Datadog Agent (je-logrus).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .model import Exc
from .traces import python_traceback

Fields = dict[str, str]


def _repr(chain: list[Exc]) -> str:
    """``repr(exc)`` as Celery's ``raised unexpected`` line prints it: Python's own string
    repr (double quotes around a value with a single quote, ``\\n`` escaped); requests'
    ``ReadTimeout`` holds urllib3's error as its argument."""
    exc = chain[-1]
    if exc.type == "KeyError":
        return f"KeyError({exc.value})"
    if exc.value == f"{exc.type}()":  # billiard's exceptions print their empty args
        return exc.value
    if exc.type == "ReadTimeout" and len(chain) > 1:
        return f"ReadTimeout({_repr(chain[:-1])})"
    return f"{exc.type}({exc.value!r})"


def _pjl(d: Delivery) -> dict[str, object]:
    """The python-json-logger record the code writes: ``django.request``'s ``Internal Server
    Error: <path>``, ``celery.app.trace``'s ``Task <name>[<id>] raised unexpected: <repr>``,
    or the team's ``logger.exception(msg)`` (``bug.log``), with ``exc_info`` unless the code
    logged the error's text alone (``noexc``)."""
    entry = d.bug.entry
    web = " /" in entry
    kind = str(d.opts.get("kind", "app" if d.bug.log else ("request" if web else "task")))
    if kind == "request":
        name, message = "django.request", f"Internal Server Error: {d.request_path}"
    elif kind == "task":
        task_id = d.rand.uuid()
        name = "celery.app.trace"
        message = f"Task {entry}[{task_id}] raised unexpected: {_repr(d.chain)}"
    else:
        name, message = d.logger, d.log_message
    record: dict[str, object] = {
        "asctime": d.stamp("%Y-%m-%d %H:%M:%S") + "," + d.millis,
        "levelname": "ERROR",
        "name": name,
        "message": message,
    }
    if not d.opts.get("noexc"):
        record["exc_info"] = python_traceback(d.chain)
    if kind == "request":
        record["status_code"] = 500
        record["request"] = f"<WSGIRequest: {entry.split(' ', 1)[0]} '{d.request_path}'>"
    elif web:
        record["path"] = d.request_path
    if not web:
        record["celery_task"] = entry
    record["dd.trace_id"] = str(d.rand.randint(10**18, 9 * 10**18))
    record["dd.span_id"] = str(d.rand.randint(10**18, 9 * 10**18))
    return record


def pjl(d: Delivery) -> tuple[str, Fields]:
    record = _pjl(d)
    return json.dumps(record), {"levelname": "ERROR", "name": str(record["name"])}


def _kubernetes(d: Delivery, container: str) -> dict[str, object]:
    """What Fluent Bit's ``kubernetes`` filter adds (``Labels On``, ``Annotations Off``)."""
    pod = d.host
    deploy = d.service.name
    return {
        "pod_name": pod,
        "namespace_name": "kildwick-prod",
        "pod_id": d.rand.uuid(),
        "labels": {"app": deploy, "pod-template-hash": pod.rsplit("-", 2)[1]},
        "host": f"aks-system-{d.rand.randint(10000000, 99999999)}-vmss00000{d.rand.randint(0, 9)}",
        "container_name": container,
        "docker_id": d.rand.hex(64),
        "container_hash": f"kildwickacr.azurecr.io/{deploy}@sha256:{d.rand.hex(64)}",
        "container_image": f"kildwickacr.azurecr.io/{deploy}:{d.company.releases[d.release]}",
    }


def fluent(d: Delivery) -> tuple[str, Fields]:
    """Fluent Bit's record as HEC indexes it (``splunk_send_raw off``): ``log`` the CRI line's
    text with its newline, ``stream``, the ``kubernetes`` map; the search extracts the
    ``kubernetes.*`` fields from the JSON."""
    record = _pjl(d)
    container = "worker" if d.service.framework == "celery" else "api"
    event = {
        "log": json.dumps(record) + "\n",
        "stream": "stderr",
        "time": d.iso(9),
        "kubernetes": _kubernetes(d, container),
    }
    return json.dumps(event, separators=(",", ":")), {
        "kubernetes.pod_name": d.host,
        "kubernetes.namespace_name": "kildwick-prod",
        "kubernetes.container_name": container,
    }


def fluent_celery_text(d: Delivery) -> tuple[str, Fields]:
    """One worker deployment still on Celery's own text log (``worker_hijack_root_logger``):
    ``[<time>: ERROR/ForkPoolWorker-<n>] Task <name>[<id>] raised unexpected: <repr>`` over
    the traceback, joined into one record by Fluent Bit's ``python`` multiline parser."""
    task_id = d.rand.uuid()
    log = (
        f"[{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis}: ERROR/ForkPoolWorker-{d.rand.randint(1, 8)}] "
        f"Task {d.bug.entry}[{task_id}] raised unexpected: {_repr(d.chain)}\n"
        f"{python_traceback(d.chain)}\n"
    )
    event = {
        "log": log,
        "stream": "stderr",
        "time": d.iso(9),
        "kubernetes": _kubernetes(d, "worker"),
    }
    return json.dumps(event, separators=(",", ":")), {
        "kubernetes.pod_name": d.host,
        "kubernetes.namespace_name": "kildwick-prod",
        "kubernetes.container_name": "worker",
    }


def logrus(d: Delivery) -> tuple[str, Fields]:
    """logrus' ``JSONFormatter`` with ``ReportCaller``: keys sorted, ``<``, ``>``, ``&``
    escaped; the handler's ``WithError(err).WithFields(...)`` adds ``error`` and the Gin
    request's fields."""
    if " " in d.bug.logger:
        func, where = d.bug.logger.split(" ", 1)
    else:
        f = [f for f in d.frames if f.in_app][-1]
        func, where = f"{f.module}.{f.function}", f"{f.file}:{f.line}"
    msg = d.values.fill(str(d.opts.get("msg", d.bug.log or "request failed")))
    record: dict[str, object] = {
        "error": d.thrown.value,
        "file": where,
        "func": func,
        "level": "error",
        "msg": msg,
        "time": d.stamp("%Y-%m-%dT%H:%M:%S") + "Z",
    }
    entry = d.bug.entry
    if " /" in entry:
        record.update(
            method=entry.split(" ", 1)[0],
            path=d.request_path,
            status=int(str(d.opts.get("http_status", 500))),
            request_id=d.rand.uuid(),
            client_ip=d.values["ip"],
        )
    elif entry:
        record["job"] = entry
    text = json.dumps(dict(sorted(record.items())), ensure_ascii=False, separators=(",", ":"))
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(ch, esc)
    return text, {"level": "error", "msg": msg}


FORMATS87: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "jd-fluent": fluent,
    "jd-pjl": pjl,
    "jd-fluent-celery": fluent_celery_text,
    "je-logrus": logrus,
}
