"""blind82's log formats.

- ``io-logplex``: a Django 5 app (gunicorn on ``web`` dynos) and its Celery 5 workers
  (``worker`` dynos) on Heroku, as Logplex hands them to the Splunk drain: every stdout line
  stamped and prefixed (``2026-03-05T10:11:12.123456+00:00 app[web.2]: ...``), a traceback
  split into as many lines. The web's ``LOGGING`` prints ``%(levelname)s %(name)s
  %(message)s`` (``ERROR django.request Internal Server Error: /path/``); the workers keep
  Celery's own ``[%(asctime)s: %(levelname)s/%(processName)s] Task <name>[<id>] raised
  unexpected: KeyError('sku')``. ``opts.syslog``: the drain's RFC 5424 framing (``<190>1
  <time> host app web.2 - ...``) instead of the ``heroku logs`` look; ``opts.cut``: only the
  first ``cut`` lines reached the event (the drain's batch cut short); ``opts.tail``: the
  event is the traceback's last line alone (one drained line, one event).
- ``io-plain``: the same lines as Datadog's Heroku log drain keeps them: no Logplex prefix,
  one line per log. ``opts.part``: ``head`` (the record's first line), ``tail`` (the
  exception's line), ``all`` (the whole record, where the monitor pastes a joined sample).
- ``ip-nest``: NestJS 10's default ``ConsoleLogger`` (``[Nest] <pid>  - MM/DD/YYYY, h:mm:ss
  AM   ERROR [Context] message`` and the stack below as the error's ``stack`` prints it).
  ``opts.kind``: ``handler`` (``ExternalExceptionFilter``'s ``[ExceptionsHandler]`` line, the
  default for resolvers and controllers), ``gql`` (the app's Apollo plugin logging
  ``<extensions.code>: <message>`` under ``[GraphQL]`` with the stack), ``scheduler``
  (@nestjs/schedule's ``[Scheduler]`` line logging the error object alone: one line, no
  stack). ``opts.ansi``: the logger's colours kept (containers without ``NO_COLOR``).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from .delivery import Delivery
from .model import Exc, Frame
from .traces import caret_marks, failing_expression, node_stack

Fields = dict[str, str]

# --- io: Django + Celery on Heroku ----------------------------------------------------------------

_HEROKU_PY = "/app/.heroku/python/lib/python3.12/"


def _heroku_path(f: Frame) -> str:
    if f.in_app:
        return "/app/" + f.file
    top = f.file.split("/")[0]
    if top in ("smtplib", "socket", "ssl", "json", "csv", "datetime", "_strptime", "http"):
        return _HEROKU_PY + f.file
    return _HEROKU_PY + "site-packages/" + f.file


def _heroku_traceback(chain: Sequence[Exc]) -> list[str]:
    blocks: list[list[str]] = []
    for exc in chain:
        lines = ["Traceback (most recent call last):"]
        for f in exc.frames:
            lines.append(f'  File "{_heroku_path(f)}", line {f.line}, in {f.function}')
            if f.context:
                lines.append(f"    {f.context}")
                focus = f.caret or failing_expression(f.context)
                if focus and f is exc.frames[-1]:
                    marks = caret_marks(f.context, f.caret)
                    if marks:
                        lines.append(f"    {marks}")
        lines.append(f"{exc.text_name}: {exc.value}" if exc.value else exc.text_name)
        blocks.append(lines)
    out: list[str] = []
    for i, block in enumerate(blocks):
        if i:
            out += ["", "The above exception was the direct cause of the following exception:", ""]
        out += block
    return out


def _io_dyno(d: Delivery) -> str:
    kind = "worker" if d.service.framework == "celery" else "web"
    return f"{kind}.{d.rand.randint(1, 3 if kind == 'web' else 2)}"


def _io_record(d: Delivery) -> list[str]:
    tb = _heroku_traceback(d.chain)
    if d.service.framework == "celery":
        stamp = f"{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis}"
        proc = f"ForkPoolWorker-{d.rand.randint(1, 4)}"
        exc = d.thrown
        rep = f"{exc.type}({exc.value!r})" if exc.value else f"{exc.type}()"
        if exc.type == "KeyError":  # the value is already the key's repr
            rep = f"KeyError({exc.value})"
        task = f"{d.bug.entry}[{d.values['uuid']}]"
        head = f"[{stamp}: ERROR/{proc}] Task {task} raised unexpected: {rep}"
        return [head, *tb]
    if d.bug.log:
        logger = d.bug.logger or "hackthorpe"
        return [f"ERROR {logger} {d.log_message}", *tb]
    return [f"ERROR django.request Internal Server Error: {d.request_path}", *tb]


def io_logplex(d: Delivery) -> tuple[str, Fields]:
    dyno = _io_dyno(d)
    lines = "\n".join(_io_record(d)).split("\n")
    if d.opts.get("tail"):
        lines = [line for line in lines if line][-1:]
    cut = int(str(d.opts.get("cut", 0)))
    if cut:
        lines = lines[:cut]
    stamp = d.iso(6, z=False)
    if d.opts.get("syslog"):
        raw = "\n".join(f"<190>1 {stamp} host app {dyno} - {line}" for line in lines)
    else:
        raw = "\n".join(f"{stamp} app[{dyno}]: {line}" for line in lines)
    return raw, {"dyno": dyno, "app": "hackthorpe-hire"}


def io_plain(d: Delivery) -> tuple[str, Fields]:
    lines = "\n".join(_io_record(d)).rstrip("\n").split("\n")
    part = str(d.opts.get("part", "head"))
    if part == "head":
        lines = lines[:1]
    elif part == "tail":
        lines = lines[-1:]
    return "\n".join(lines), {}


# --- ip: NestJS 10's ConsoleLogger ---------------------------------------------------------------


def _nest_stamp(d: Delivery) -> str:
    """``Intl.DateTimeFormat`` in en-US with the container's UTC: ``03/05/2026, 1:04:09 PM``."""
    t = time.gmtime(d.when)
    hour = t.tm_hour % 12 or 12
    ampm = "AM" if t.tm_hour < 12 else "PM"
    return f"{d.stamp('%m/%d/%Y')}, {hour}:{t.tm_min:02d}:{t.tm_sec:02d} {ampm}"


def _nest_line(d: Delivery, context: str, message: str, pid: int) -> str:
    stamp = _nest_stamp(d)
    if d.opts.get("ansi"):
        return (
            f"\x1b[31m[Nest] {pid}  - \x1b[39m{stamp} \x1b[31m  ERROR\x1b[39m "
            f"\x1b[33m[{context}]\x1b[39m \x1b[31m{message}\x1b[39m"
        )
    return f"[Nest] {pid}  - {stamp}   ERROR [{context}] {message}"


def ip_nest(d: Delivery) -> tuple[str, Fields]:
    kind = str(d.opts.get("kind", "handler"))
    pid = int(str(d.opts.get("pid", 1 + d.rand.randint(0, 1) * 28)))
    exc = d.thrown
    first = exc.value.split("\n", 1)[0]
    if kind == "scheduler":
        return _nest_line(d, "Scheduler", f"{exc.type}: {first}", pid), {"level": "error"}
    stack = node_stack(exc, exc.value)
    if kind == "gql":
        code = d.values.fill(str(d.opts.get("code", "INTERNAL_SERVER_ERROR")))
        head = _nest_line(d, "GraphQL", f"{code}: {first}", pid)
    else:
        head = _nest_line(d, "ExceptionsHandler", first, pid)
    raw = head + "\n" + stack
    cut = int(str(d.opts.get("cut", 0)))
    if cut:
        raw = "\n".join(raw.split("\n")[:cut])
    return raw, {"level": "error"}


FORMATS82: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "io-logplex": io_logplex,
    "io-plain": io_plain,
    "ip-nest": ip_nest,
}
