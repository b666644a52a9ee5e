"""blind80's log formats.

- ``ii-nlog``: NLog's file target on ASP.NET Core 8 with the plain text layout
  ``${longdate}|${level:uppercase=true}|${logger}|${message} ${exception:format=tostring}``
  (``longdate`` is ``yyyy-MM-dd HH:mm:ss.ffff``; the exception's ``ToString()`` runs over
  lines; a message without an exception keeps the layout's trailing space). ``opts.kind``:
  ``handler`` (``Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware``: "An unhandled
  exception has occurred while executing the request."), ``kestrel`` (no exception handler:
  ``Microsoft.AspNetCore.Server.Kestrel``'s "Connection id ..., Request id ...: An unhandled
  exception was thrown by the application."), ``team`` (the code's ``_logger.LogError(ex,
  msg)``), ``noexc`` (``LogError(msg)`` with the exception's message pasted into the text, no
  exception); ``opts.cut`` keeps the first lines only (a forwarder breaking at every line).
- ``ij-uwsgi``: a Django 4.2 app under uWSGI, everything on stderr: Django's ``verbose``
  formatter from its logging docs (``{levelname} {asctime} {module} {process:d} {thread:d}
  {message}``) with the traceback below, and uWSGI's own lines. ``opts.kind``: ``request``
  (``django.request``'s ``Internal Server Error: <path>``, logged from ``log.py``), ``team`` (the
  code's ``logger.exception``), ``raw`` (an exception escaping a streamed response after the
  headers went out: uWSGI prints the bare ``Traceback`` and then its request log line),
  ``reqlog`` (uWSGI's default request log line alone: ``[pid: N|app: 0|req: a/b] <ip> ()
  {n vars in m bytes} [<asctime>] <METHOD> <path> => generated ... (HTTP/1.1 500) ...``).
- ``ik-stdlog``: Go's standard ``log`` package with ``log.LstdFlags | log.Lshortfile``
  (``2026/03/05 10:11:12 handler.go:42: message``). ``opts.kind``: ``log`` (the code's
  ``log.Printf("<msg>: %v", err)`` in the handler: no type, no stack; ``opts.caller`` where it
  is not the handler), ``panic`` (net/http's recovered
  handler panic through the server's ``logf``: ``server.go:3411: http: panic serving
  <ip:port>: <value>``, then the goroutine dump), ``crash`` (a loop's ``sentry.Recover`` and
  re-panic: ``panic: <value> [recovered]`` over the dump, no log prefix), ``fatal`` (the
  runtime's ``fatal error: concurrent map writes`` and the goroutine's frames).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from .delivery import Delivery
from .rand import stable_int
from .traces import dotnet_core_trace, go_panic, python_traceback

Fields = dict[str, str]

_HTTP = ("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")
_B32 = "0123456789ABCDEFGHIJKLMNOPQRSTUV"


# --- ii: NLog's plain text layout ---------------------------------------------------------------


def _conn_id(d: Delivery) -> str:
    """Kestrel's connection id: 13 characters of base32 (``0HN…``)."""
    return "0HN" + d.rand.alnum(10, _B32)


def ii_nlog(d: Delivery) -> tuple[str, Fields]:
    http = d.bug.entry.startswith(_HTTP)
    kind = str(d.opts.get("kind", "handler" if http else "team"))
    stamp = f"{d.stamp('%Y-%m-%d %H:%M:%S')}.{int(d.when % 1 * 10_000):04d}"
    exception = dotnet_core_trace(d.chain)
    if kind == "handler":
        logger = "Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware"
        msg = "An unhandled exception has occurred while executing the request."
    elif kind == "kestrel":
        conn = _conn_id(d)
        logger = "Microsoft.AspNetCore.Server.Kestrel"
        msg = (
            f'Connection id "{conn}", Request id "{conn}:{d.rand.randint(1, 40):08X}": '
            "An unhandled exception was thrown by the application."
        )
    elif kind == "noexc":
        logger, msg = d.logger, d.log_message
        exception = ""
    else:
        logger, msg = d.logger, d.log_message
    text = f"{stamp}|ERROR|{logger}|{msg} {exception}"
    if "cut" in d.opts:
        text = "\n".join(text.split("\n")[: int(str(d.opts["cut"]))])
    return text, {"level": "ERROR", "logger": logger}


# --- ij: Django's verbose formatter and uWSGI's own lines on stderr -------------------------------


def _asctime(d: Delivery) -> str:
    return f"{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis}"


def _uwsgi_reqlog(d: Delivery, status: int, pid: int) -> str:
    method = d.bug.entry.split(" ", 1)[0] if d.bug.entry.startswith(_HTTP) else "GET"
    # uWSGI's ctime()-style date: day of month padded with a space.
    t = time.gmtime(d.when)
    when = time.strftime("%a %b ", t) + f"{t.tm_mday:>2}" + time.strftime(" %H:%M:%S %Y", t)
    served = d.rand.randint(40, 900)
    vars_ = d.rand.randint(38, 56)
    size = 0 if status == 200 else d.rand.choice((145, 1_043, 2_310))
    return (
        f"[pid: {pid}|app: 0|req: {served}/{served * 4 + d.rand.randint(0, 3)}] "
        f"{d.values['ip']} () {{{vars_} vars in {vars_ * 21 + d.rand.randint(0, 40)} bytes}} "
        f"[{when}] {method} {d.request_path} => generated {size} bytes in "
        f"{d.rand.randint(3, 29_000)} msecs (HTTP/1.1 {status}) {d.rand.randint(5, 9)} headers "
        f"in {d.rand.randint(180, 420)} bytes (1 switches on core 0)"
    )


def ij_uwsgi(d: Delivery) -> tuple[str, Fields]:
    http = d.bug.entry.startswith(_HTTP)
    kind = str(d.opts.get("kind", "request" if http else "team"))
    pid = d.rand.randint(14, 60)
    thread = 139_800_000_000_000 + d.rand.randint(0, 999_999_999)
    if kind == "reqlog":
        return _uwsgi_reqlog(d, 500, pid), {}
    if kind == "raw":
        return python_traceback(d.chain) + "\n" + _uwsgi_reqlog(d, 200, pid), {}
    if kind == "request":
        module, msg = "log", f"Internal Server Error: {d.request_path}"
    else:
        module = str(d.opts.get("module", d.logger.rsplit(".", 1)[-1]))
        msg = d.log_message
    head = f"ERROR {_asctime(d)} {module} {pid} {thread} {msg}"
    return head + "\n" + python_traceback(d.chain), {}


# --- ik: Go's standard log package with Lshortfile ------------------------------------------------


def ik_stdlog(d: Delivery) -> tuple[str, Fields]:
    kind = str(d.opts.get("kind", "log"))
    stamp = d.stamp("%Y/%m/%d %H:%M:%S")
    goroutine = d.rand.randint(18, 4_000)
    if kind == "panic":
        remote = f"{d.values['ip']}:{d.values['port']}"
        return go_panic(d.thrown, goroutine, remote, f"{stamp} server.go:3411:"), {}
    if kind == "crash":
        # Recovered for Sentry, then panicked again: the runtime prints both values.
        value = d.thrown.value
        dump = go_panic(d.thrown, goroutine).split("\n", 1)[1]
        return f"panic: {value} [recovered]\n\tpanic: {value}\n{dump}", {}
    if kind == "fatal":
        # The runtime's unrecoverable error: no panic value, the goroutine's frames.
        lines = [f"fatal error: {d.thrown.value}", "", f"goroutine {goroutine} [running]:"]
        for f in reversed(d.frames):
            lines.append(f"{f.module}.{f.function}(...)")
            lines.append(f"\t{f.file}:{f.line} +0x{stable_int('ik', f.function) % 0x3FF:x}")
        return "\n".join(lines), {}
    caller = str(d.opts.get("caller", ""))
    if not caller:
        # The handler (the outermost app frame) logs, two lines under its failing call.
        app = [f for f in d.frames if f.in_app]
        f = app[0] if app else None
        caller = f"{f.file.rsplit('/', 1)[-1]}:{f.line + 2}" if f else "main.go:1"
    msg = d.values.fill(d.bug.log) if d.bug.log else "request failed"
    return f"{stamp} {caller}: {msg}: {d.thrown.value}", {}


FORMATS80: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "ii-nlog": ii_nlog,
    "ij-uwsgi": ij_uwsgi,
    "ik-stdlog": ik_stdlog,
}

__all__ = ["FORMATS80"]
