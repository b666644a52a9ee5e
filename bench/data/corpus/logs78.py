"""blind78's log formats.

- ``ic-debuglog``: WordPress' own ``wp-content/debug.log`` (``WP_DEBUG_LOG``): PHP's error log
  lines with ``[d-M-Y H:i:s UTC]``. ``opts.kind``: ``fatal`` (an uncaught Throwable: ``PHP
  Fatal error:  Uncaught <Type>: <message> in <file>:<line>``, ``Stack trace:``, PHP's
  ``getTraceAsString()`` lines and ``  thrown in <file> on line <n>``), ``warning`` (``PHP
  Warning:  <message> in <file> on line <n>``, no trace; ``bug.log`` is the warning's text),
  ``wc`` (WooCommerce's file log handler, ``wc-logs/fatal-errors-<date>-<hash>.log``: ``<ISO
  8601> CRITICAL Uncaught <Type>: <message> in <file>:<line> CONTEXT: {...}`` on one line,
  the context's ``backtrace`` a list of ``file(line): call`` strings), ``wclog`` (the plugin's
  own ``wc_get_logger()->error(msg, ['source' => ...])`` line: ``<ISO 8601> ERROR <msg>``).
- ``id-basic``: ``logging.basicConfig(level=logging.INFO)`` at its default format
  ``%(levelname)s:%(name)s:%(message)s``: no time; the traceback below. ``opts.kind``:
  ``flask`` (``ERROR:<app>:Exception on <path> [<method>]``), ``task`` (``ERROR:
  celery.app.trace:Task <name>[<id>] raised unexpected: <repr>``), ``root`` (the code's
  ``logging.exception(msg)`` on the root logger: ``ERROR:root:<msg>``), ``team`` (a named
  logger's ``logger.exception``).
- ``ie-boot``: Spring Boot 3.3's default logback console pattern (``<ISO> ERROR 1 ---
  [<app>] [<thread>] <logger{39}> : <msg>``). ``opts.kind``: ``servlet`` (Tomcat's
  ``Servlet.service() ... threw exception [Request processing failed: <type>: <msg>] with root
  cause``, the root cause's trace alone), ``team`` (the code's ``log.error(msg, e)`` on a
  coroutine worker thread, the whole trace), ``half`` (a sidecar that ships the first
  ``opts.cut`` lines of the event only).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from .delivery import Delivery
from .traces import java_trace, php_trace, php_where, python_repr, python_traceback

Fields = dict[str, str]

_HTTP = ("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")


def _args(d: Delivery, text: str) -> str:
    return re.sub(r"\{(id|user)\}", lambda m: d.values[m.group(1)], text)


# --- ic: WordPress debug.log and WooCommerce's logger -------------------------------------------


def ic_debuglog(d: Delivery) -> tuple[str, Fields]:
    kind = str(d.opts.get("kind", "fatal"))
    stamp = d.stamp("%d-%b-%Y %H:%M:%S UTC")
    exc = d.thrown
    where = php_where(exc)
    file, _, line = where.rpartition(":")
    if kind in ("warning", "plain"):
        level = str(d.opts.get("level", "Warning"))
        text = d.values.fill(d.bug.log) if d.bug.log else exc.value
        if level == "Fatal error":
            text = text.removeprefix("Error: ")
        return f"[{stamp}] PHP {level}:  {text} in {file} on line {line}", {"level": level}
    _, lines = php_trace(exc)
    trace = _args(d, "\n".join(lines))
    first = f"Uncaught {exc.type}: {exc.value} in {where}"
    if kind == "wc":
        context = {
            "error": {"type": 1, "file": file, "line": int(line)},
            "backtrace": [ln.split(" ", 1)[1] for ln in lines],
        }
        ctx = json.dumps(context, separators=(",", ":"), ensure_ascii=False)
        return f"{d.iso(0, z=False)} CRITICAL {first} CONTEXT: {ctx}", {"level": "CRITICAL"}
    if kind == "wclog":
        msg = d.log_message
        return f"{d.iso(0, z=False)} ERROR {msg}", {"level": "ERROR"}
    head = f"[{stamp}] PHP Fatal error:  {first}\nStack trace:\n{trace}"
    return f"{head}\n  thrown in {file} on line {line}", {"level": "Fatal error"}


# --- id: the stdlib's default format ------------------------------------------------------------


def id_basic(d: Delivery) -> tuple[str, Fields]:
    http = d.bug.entry.startswith(_HTTP)
    kind = str(d.opts.get("kind", "flask" if http else "task"))
    if kind == "flask":
        method = d.bug.entry.split(" ", 1)[0]
        head = f"ERROR:ambleside.app:Exception on {d.request_path} [{method}]"
    elif kind == "task":
        exc = d.thrown
        shown = python_repr(exc) if exc.value and "\n" not in exc.value else f"{exc.type}()"
        head = (
            f"ERROR:celery.app.trace:Task {d.bug.entry}[{d.rand.uuid()}] raised unexpected: {shown}"
        )
    elif kind == "root":
        head = f"ERROR:root:{d.log_message}"
    else:
        head = f"ERROR:{d.logger}:{d.log_message}"
    return head + "\n" + python_traceback(d.chain), {}


# --- ie: Spring Boot's default console pattern --------------------------------------------------


def _abbreviate(logger: str, width: int = 39) -> str:
    parts = logger.split(".")
    for i in range(len(parts) - 1):
        if len(".".join(parts)) <= width:
            break
        parts[i] = parts[i][0]
    return ".".join(parts)


_SERVLET = "o.a.c.c.C.[.[.[/].[dispatcherServlet]"


def ie_boot(d: Delivery) -> tuple[str, Fields]:
    kind = str(d.opts.get("kind", "servlet" if d.bug.entry.startswith(_HTTP) else "team"))
    if kind == "servlet":
        thread = f"nio-8080-exec-{d.rand.randint(1, 10)}"
        exc = d.thrown
        msg = (
            "Servlet.service() for servlet [dispatcherServlet] in context with path [] threw "
            f"exception [Request processing failed: {exc.text_name}: {exc.value}] with root cause"
        )
        logger, chain = _SERVLET, d.chain[:1]
    else:
        thread = str(d.opts.get("thread", f"DefaultDispatcher-worker-{d.rand.randint(1, 16)}"))
        logger, msg, chain = _abbreviate(d.logger), d.log_message, d.chain
    head = f"{d.iso(3)} ERROR 1 --- [{d.service.name}] [{thread[-15:]:>15}] {logger:<40}: {msg}"
    text = head + "\n" + java_trace(chain)
    if "cut" in d.opts:
        text = "\n".join(text.split("\n")[: int(str(d.opts["cut"]))])
    return text, {}


FORMATS78: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "ic-debuglog": ic_debuglog,
    "id-basic": id_basic,
    "ie-boot": ie_boot,
}

__all__ = ["FORMATS78"]
