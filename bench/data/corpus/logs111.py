"""blind111's log formats.

- ``lx-monolog``: Monolog 3's default ``LineFormatter`` in a Symfony 6.4 shop as
  monolog-bundle's ``stream`` handler writes ``var/log/prod.log`` (no stack traces, no inline
  line breaks: one line per record, the context's JSON with its ``\\n`` escapes kept and
  ``[previous exception]`` inline). ``opts.kind``: ``request`` (the HttpKernel
  ``ErrorListener``'s ``request.CRITICAL: Uncaught PHP Exception X: "msg" at /path line n``),
  ``messenger`` (``messenger.CRITICAL: Error thrown while handling message ...``), ``console``
  (``console.CRITICAL: Error thrown while running command ...``), ``fatal`` (the ErrorHandler's
  ``php.CRITICAL: Fatal Error: ...`` for an out-of-memory or time-limit error).
- ``lx-syslog``: syslog-ng forwarding the web VMs' php-fpm and nginx error logs as RFC 3164
  lines (``<131>Mar 10 20:16:34 web-2 php-fpm[812]: ...``): PHP's own ``PHP Fatal error:  ...
  in /path on line n`` (log_errors to syslog, ident ``php-fpm``), php-fpm's master
  ``[WARNING] [pool www] child n, script ... execution timed out`` (``opts.msg``), nginx's
  ``[error]`` line (``opts.prog`` ``nginx``, facility local7).
- ``ly-render``: a Django 5 admin app on Render: gunicorn and Django's logging to stdout,
  Render's log stream giving each line as its own event to a Datadog log drain. The team's
  ``LOGGING`` uses Django's documented ``verbose`` formatter (``{levelname} {asctime} {module}
  {process:d} {thread:d} {message}``); ``django.request``'s ``Internal Server Error: /path``
  (module ``log``), the team's ``logger.exception`` (``opts.kind`` ``team``), a Render cron
  job's bare traceback (``cron``). ``opts.part``: ``head`` (the record's first line), ``last``
  (the ``Type: message`` line), or ``at`` an index of the traceback's lines.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable

from .delivery import Delivery
from .traces import php_where, python_traceback

Fields = dict[str, str]


# --- lx: Monolog's LineFormatter without stack traces ------------------------------------------


def _php_normalized(d: Delivery) -> str:
    """``[object] (Class(code: n): message at /path:line)``, each previous exception after
    ``\\n[previous exception] `` (a real line break the JSON encoding escapes)."""
    codes = d.opts.get("codes", ())
    blocks = []
    for i, exc in enumerate(reversed(d.chain)):
        code = str(codes[i]) if isinstance(codes, tuple) and i < len(codes) else "0"
        blocks.append(f"[object] ({exc.type}(code: {code}): {exc.value} at {php_where(exc)})")
    text = "\n[previous exception] ".join(blocks)
    return re.sub(r"\{(id|user)\}", lambda m: d.values[m.group(1)], text)


def _line(d: Delivery, channel: str, level: str, message: str, ctx: dict[str, object]) -> str:
    encoded = json.dumps(ctx, ensure_ascii=False, separators=(",", ":"))
    return f"[{d.iso(6, z=False)}] {channel}.{level}: {message} {encoded} []"


def lx_monolog(d: Delivery) -> tuple[str, Fields]:
    exc = d.thrown
    kind = str(d.opts.get("kind", "request"))
    if kind == "messenger":
        cls = str(d.opts.get("message_class", "App\\Message\\Unknown"))
        retries = int(str(d.opts.get("retries", 3)))
        message = (
            f"Error thrown while handling message {cls}. Removing from transport after "
            f'{retries} retries. Error: "{exc.value}"'
        )
        ctx: dict[str, object] = {
            "class": cls,
            "message_id": d.rand.randint(10_000, 999_999),
            "retryCount": retries,
            "error": exc.value,
            "exception": _php_normalized(d),
        }
        channel, level = "messenger", "CRITICAL"
    elif kind == "console":
        command = d.values.fill(d.bug.entry)
        message = f'Error thrown while running command "{command}". Message: "{exc.value}"'
        ctx = {"exception": _php_normalized(d), "command": command, "message": exc.value}
        channel, level = "console", "CRITICAL"
    elif kind == "fatal":
        message = f"Fatal Error: {exc.value.removeprefix('Error: ')}"
        ctx = {"exception": _php_normalized(d)}
        channel, level = "php", "CRITICAL"
    else:
        file, _, line = php_where(exc).rpartition(":")
        message = f'Uncaught PHP Exception {exc.type}: "{exc.value}" at {file} line {line}'
        ctx = {"exception": _php_normalized(d)}
        channel, level = "request", str(d.opts.get("level", "CRITICAL"))
    message = d.values.fill(message) if "{" in message else message
    return _line(d, channel, level, message, ctx), {"channel": channel, "level_name": level}


def _rfc3164_stamp(d: Delivery) -> str:
    t = time.gmtime(d.when)
    return f"{time.strftime('%b', t)} {t.tm_mday:2d} {time.strftime('%H:%M:%S', t)}"


def lx_syslog(d: Delivery) -> tuple[str, Fields]:
    prog = str(d.opts.get("prog", "php-fpm"))
    host = str(d.opts.get("vm", f"web-{1 + d.rand.randint(0, 2)}"))
    if "msg" in d.opts:
        msg = d.values.fill(str(d.opts["msg"]))
    else:
        exc = d.thrown
        file, _, line = php_where(exc).rpartition(":")
        msg = f"PHP Fatal error:  {exc.value.removeprefix('Error: ')} in {file} on line {line}"
    if prog == "nginx":
        pri, tag = 187, "nginx"
    else:
        pri = int(str(d.opts.get("pri", 131)))
        tag = f"{prog}[{d.rand.randint(700, 3200)}]"
    raw = f"<{pri}>{_rfc3164_stamp(d)} {host} {tag}: {msg}"
    return raw, {"host": host, "program": prog}


# --- ly: Django 5 on Render, one line per event -----------------------------------------------

_RENDER = "/opt/render/project/"


def _render_paths(text: str) -> str:
    text = text.replace(
        '"/usr/local/lib/python3.11/site-packages/',
        f'"{_RENDER}src/.venv/lib/python3.12/site-packages/',
    )
    text = text.replace(
        '"/usr/local/lib/python3.11/', f'"{_RENDER}python/Python-3.12.7/lib/python3.12/'
    )
    return text.replace('"/app/', f'"{_RENDER}src/')


def ly_lines(d: Delivery) -> list[str]:
    kind = str(d.opts.get("kind", "request"))
    stamp = f"{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis}"
    pid, tid = d.rand.randint(40, 90), d.rand.randint(139_800_000_000_000, 139_899_999_999_999)
    if kind == "timeout":
        gstamp = d.stamp("[%Y-%m-%d %H:%M:%S +0000]")
        worker = d.rand.randint(60, 140)
        fresh = d.rand.randint(141, 220)
        return [
            f"{gstamp} [{pid}] [CRITICAL] WORKER TIMEOUT (pid:{worker})",
            f"{gstamp} [{pid}] [ERROR] Worker (pid:{worker}) was sent SIGKILL! "
            "Perhaps out of memory?",
            f"{gstamp} [{fresh}] [INFO] Booting worker with pid: {fresh}",
        ]
    trace = _render_paths(python_traceback(d.chain)).split("\n")
    trace = [d.values.fill(x) if "{" in x else x for x in trace]
    if kind == "cron":
        return trace
    if kind == "team":
        module = d.logger.rsplit(".", 1)[-1]
        head = f"ERROR {stamp} {module} {pid} {tid} {d.log_message}"
    else:
        head = f"ERROR {stamp} log {pid} {tid} Internal Server Error: {d.request_path}"
    return [head, *trace]


def ly_render(d: Delivery) -> tuple[str, Fields]:
    lines = [x for x in ly_lines(d) if x]
    part = str(d.opts.get("part", "head"))
    if part == "head":
        raw = lines[0]
    elif part == "last":
        raw = lines[-1]
    else:
        raw = lines[min(len(lines) - 1, int(part))]
    return raw, {"source": "render", "render.service": d.service.name}


FORMATS111: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "lx-monolog": lx_monolog,
    "lx-syslog": lx_syslog,
    "ly-render": ly_render,
}
