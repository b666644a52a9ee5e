"""blind94's log formats.

jy: a Koa 2 API and BullMQ workers in plain TypeScript on Node 18, logging through winston 3
with ``format.combine(timestamp(), errors({ stack: true }), json())`` and
``defaultMeta: { service }``. logform's ``json()`` goes through safe-stable-stringify, whose
default is deterministic, so the keys come out sorted. ``logger.error(msg, err)`` makes winston
append the error's message to ``msg`` (``"<msg> <err.message>"``) and copy its ``stack``
(``jy-winston``); a few call sites log ``err.message`` alone, no stack
(``opts.stack=False``). The worker's first release still had ``format.simple()`` on its
console transport: ``error: <message> {"service":…,"stack":…}`` (``jy-winston-simple``). A
Splunk universal forwarder tails the files, the Datadog agent the containers.

jz: a Django 4.1 monolith on uWSGI with Celery beat jobs, on Python 3.10 stdlib ``logging``
through ``SysLogHandler`` to the local rsyslog, which escapes control characters on receive
(a newline becomes ``#012``) and writes the team's template: RFC 3339 time, host, the syslog
tag, the message (``jz-rsyslog``). The web hosts set the handler's ident (``django[pid]: ``);
the beat/worker hosts do not, so rsyslog takes the record's first word (its level) as the tag
(``opts.ident=False``). Hosts with ``$MaxMessageSize 2k`` cut the line (``opts.max``). uWSGI
logs its own ``HARAKIRI`` lines to the same syslog (``jz-uwsgi``). Splunk reads them from a
syslog input, Datadog log monitors paste the line.

Each function returns the raw text and the fields a Splunk search extracts from it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from .delivery import Delivery
from .traces import node_stack, python_repr, python_traceback

Fields = dict[str, str]


# --- jy: winston -------------------------------------------------------------------------------


def _winston_meta(d: Delivery) -> dict[str, Any]:
    meta: dict[str, Any] = {"service": d.service.name}
    entry = d.bug.entry
    if entry.startswith(("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")):
        meta["method"] = entry.split(" ", 1)[0]
        meta["url"] = d.request_path
        meta["requestId"] = d.rand.uuid()
        meta["status"] = int(str(d.opts.get("status", 500)))
    elif entry:
        meta["queue"] = entry
        meta["jobId"] = str(d.rand.randint(1_000, 99_999))
        meta["attemptsMade"] = d.rand.randint(1, 5)
    return meta


def _winston_message(d: Delivery) -> str:
    value = d.thrown.value
    if d.bug.log:
        # logger.error(msg, err): winston appends err.message to msg.
        return f"{d.values.fill(d.bug.log)} {value}"
    return value


def winston_json(d: Delivery) -> tuple[str, Fields]:
    record = _winston_meta(d)
    record["level"] = "error"
    record["message"] = _winston_message(d)
    if d.opts.get("stack", True):
        record["stack"] = node_stack(d.thrown, d.thrown.value)
    record["timestamp"] = d.iso(3)
    raw = json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return raw, {"level": "error", "service": d.service.name}


def winston_simple(d: Delivery) -> tuple[str, Fields]:
    """``format.simple()``: ``level: message`` and the rest as JSON (timestamp included)."""
    rest = _winston_meta(d)
    rest["stack"] = node_stack(d.thrown, d.thrown.value)
    rest["timestamp"] = d.iso(3)
    tail = json.dumps(rest, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return f"error: {_winston_message(d)} {tail}", {}


# --- jz: rsyslog -------------------------------------------------------------------------------


def _escaped(text: str) -> str:
    return text.replace("\t", "#011").replace("\n", "#012")


def _trace(d: Delivery) -> str:
    """Ubuntu 22.04's Python 3.10 with the app and its virtualenv under ``/srv/vets``."""
    trace = python_traceback(d.chain)
    trace = trace.replace(
        'File "/usr/local/lib/python3.11/site-packages/',
        'File "/srv/vets/venv/lib/python3.10/site-packages/',
    )
    trace = trace.replace('File "/usr/local/lib/python3.11/', 'File "/usr/lib/python3.10/')
    return trace.replace('File "/app/', 'File "/srv/vets/app/')


def _repr(d: Delivery) -> str:
    """``safe_repr(exc)`` as Celery's 'raised unexpected' shows it: Python picks the quotes;
    requests wraps urllib3's error in its own."""
    exc = d.thrown
    if exc.type == "KeyError":
        return python_repr(exc)
    quoted = repr(exc.value)
    if exc.type == "ReadTimeout":
        return f"ReadTimeout(ReadTimeoutError({quoted}))"
    return f"{exc.type}({quoted})"


def _record(d: Delivery) -> str:
    """The handler's formatter: ``%(levelname)s %(name)s %(message)s`` and the traceback."""
    trace = _trace(d)
    if d.service.framework == "celery":
        task = d.bug.entry
        head = f"ERROR celery.app.trace Task {task}[{d.rand.uuid()}] raised unexpected: {_repr(d)}"
        return head + "\n" + trace
    if d.bug.log:
        return f"ERROR {d.logger} {d.log_message}\n{trace}"
    return f"ERROR django.request Internal Server Error: {d.request_path}\n{trace}"


def _line(d: Delivery, tag: str, msg: str) -> str:
    stamp = d.iso(6, z=False)
    line = f"{stamp} {d.host} {tag} {msg}"
    cut = int(str(d.opts.get("max", 0)))
    return line[:cut] if cut else line


def rsyslog(d: Delivery) -> tuple[str, Fields]:
    text = _escaped(_record(d))
    if d.opts.get("ident", True):
        name = "celery" if d.service.framework == "celery" else "django"
        tag = f"{name}[{d.rand.randint(900, 31000)}]:"
        return _line(d, tag, text), {"process": tag.split("[", 1)[0]}
    # No ident: rsyslog reads the record's first word as the tag.
    level, _, rest = text.partition(" ")
    return _line(d, level, rest), {"process": level}


def uwsgi_harakiri(d: Delivery) -> tuple[str, Fields]:
    """uWSGI's harakiri report as three syslog lines in one event."""
    worker, pid = d.rand.randint(1, 8), d.rand.randint(900, 31000)
    since = d.stamp("%a %b ") + d.stamp("%d").lstrip("0").rjust(2) + d.stamp(" %H:%M:%S %Y")
    tag = f"uwsgi[{d.rand.randint(200, 800)}]:"
    lines = [
        f"*** HARAKIRI ON WORKER {worker} (pid: {pid}, try: 1) ***",
        f"HARAKIRI: -- syscall> {d.rand.choice(('running', '0 0x7 0x7ffd 0x400 0x0 0x0'))}",
        f"HARAKIRI: --- uWSGI worker {worker} (pid: {pid}) WAS managing request "
        f"{d.request_path} since {since} ---",
    ]
    return "\n".join(_line(d, tag, x) for x in lines), {"process": "uwsgi"}


FORMATS94: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "jy-winston": winston_json,
    "jy-winston-simple": winston_simple,
    "jz-rsyslog": rsyslog,
    "jz-uwsgi": uwsgi_harakiri,
}
