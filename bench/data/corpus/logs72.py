"""blind72's log formats: Serilog's default text templates of a .NET 8 ASP.NET Core API and
its worker (the console sink's ``[HH:mm:ss ERR] message`` and the file sink's
``{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {Message:lj}{NewLine}{Exception}``,
Serilog.AspNetCore's request-logging line over the exception) (hk); structlog's
``ConsoleRenderer(colors=False)`` of a FastAPI service and arq workers, the app's own events
and the stdlib records (uvicorn's ``Exception in ASGI application``, arq's ``! job failed``)
routed through structlog's ``ProcessorFormatter`` (hl); lograge's key=value line of a Rails
7.1 API and Rails' own tagged FATAL block (hm).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

from __future__ import annotations

from collections.abc import Callable

from .delivery import Delivery
from .traces import dotnet_core_trace, python_traceback, ruby_backtrace

Fields = dict[str, str]

_HTTP = ("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")


def _cut(d: Delivery, text: str) -> str:
    """``half``: the event as a forwarder cut it (the first lines only)."""
    if d.opts.get("half"):
        return "\n".join(text.split("\n")[: int(str(d.opts.get("keep", 4)))])
    return text


# --- hk: Serilog text templates -----------------------------------------------------------------


def serilog_console(d: Delivery) -> tuple[str, Fields]:
    """``WriteTo.Console()`` with the default template ``[{Timestamp:HH:mm:ss} {Level:u3}]
    {Message:lj}{NewLine}{Exception}``: time of day only, no logger name."""
    level = str(d.opts.get("level", "ERR"))
    head = f"[{d.stamp('%H:%M:%S')} {level}] {d.log_message}"
    return _cut(d, head + "\n" + dotnet_core_trace(d.chain)), {"level": level}


def serilog_file(d: Delivery) -> tuple[str, Fields]:
    """``WriteTo.File(path)`` with its default template ``{Timestamp:yyyy-MM-dd
    HH:mm:ss.fff zzz} [{Level:u3}] {Message:lj}{NewLine}{Exception}`` (the pod's clock in
    UTC, so ``+00:00``)."""
    level = str(d.opts.get("level", "ERR"))
    head = f"{d.stamp('%Y-%m-%d %H:%M:%S')}.{d.millis} +00:00 [{level}] {d.log_message}"
    return _cut(d, head + "\n" + dotnet_core_trace(d.chain)), {"level": level}


def serilog_request(d: Delivery) -> tuple[str, Fields]:
    """Serilog.AspNetCore's ``UseSerilogRequestLogging()``: an exception that escaped the
    endpoint is logged at Error with the completion template ``HTTP {RequestMethod}
    {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms`` (strings quoted by
    ``{Message}``'s default, ``:lj`` leaves them bare), in the file sink's template."""
    method = d.bug.entry.split(" ", 1)[0]
    elapsed = f"{d.rand.uniform(2, 30_000):.4f}"
    head = (
        f"{d.stamp('%Y-%m-%d %H:%M:%S')}.{d.millis} +00:00 [ERR] HTTP {method} "
        f"{d.request_path} responded 500 in {elapsed} ms"
    )
    return _cut(d, head + "\n" + dotnet_core_trace(d.chain)), {"level": "ERR"}


# --- hl: structlog's ConsoleRenderer ------------------------------------------------------------


def _kv(value: object) -> str:
    """ConsoleRenderer's value: ``repr`` for a string (``repr_native_str=False`` keeps plain
    words bare), bare for other values."""
    text = str(value)
    return repr(text) if (" " in text or "=" in text or not text) else text


def _structlog_head(d: Delivery, event: str, pairs: dict[str, object]) -> str:
    """``TimeStamper(fmt="%Y-%m-%d %H:%M:%S")``, the level padded to ``exception``'s width,
    the event padded to 30, then the sorted pairs."""
    kv = " ".join(f"{k}={_kv(v)}" for k, v in sorted(pairs.items()))
    head = f"{d.stamp('%Y-%m-%d %H:%M:%S')} [error    ] {event:<30}"
    return (head + " " + kv) if kv else head.rstrip()


def structlog_console(d: Delivery) -> tuple[str, Fields]:
    """The app's own ``log.exception("event_name", **kw)``: the event a snake_case name, the
    context bound by the request middleware (``request_id``, ``path``) or the arq job
    (``job_id``, ``job``), then the plain traceback (neither rich nor better-exceptions)."""
    pairs: dict[str, object] = {}
    if d.bug.entry.startswith(_HTTP):
        pairs["request_id"] = d.rand.hex(16)
        pairs["path"] = d.request_path
        pairs["method"] = d.bug.entry.split(" ", 1)[0]
    elif d.bug.entry:
        pairs["job"] = d.bug.entry
        pairs["job_id"] = d.rand.hex(32)
        pairs["job_try"] = d.rand.randint(1, 5)
    extra = d.opts.get("kv")
    if isinstance(extra, dict):
        pairs.update({str(k): d.values.fill(str(v)) for k, v in extra.items()})
    event = d.values.fill(d.bug.log) if d.bug.log else "unhandled_error"
    head = _structlog_head(d, event, pairs)
    return head + "\n" + python_traceback(d.chain), {"level": "error"}


def uvicorn_foreign(d: Delivery) -> tuple[str, Fields]:
    """uvicorn's ``uvicorn.error`` record ``Exception in ASGI application`` through
    ``ProcessorFormatter`` with ``foreign_pre_chain`` (no logger name added): the same event
    for every unhandled error, the traceback below."""
    head = _structlog_head(d, "Exception in ASGI application", {})
    return head + "\n" + python_traceback(d.chain), {"level": "error"}


def arq_foreign(d: Delivery) -> tuple[str, Fields]:
    """arq's worker ``logger.exception('%6.2fs ! %s failed, %s: %s', ...)`` with the job's
    ref ``<job_id>:<function>``, through ``ProcessorFormatter``: the formatted message is the
    event (arq's leading spaces kept), the traceback below."""
    exc = d.thrown
    took = f"{d.rand.uniform(0.01, 240):6.2f}s"
    ref = f"{d.rand.hex(32)}:{d.bug.entry}"
    first = exc.value.split("\n", 1)[0]
    event = f"{took} ! {ref} failed, {exc.type}: {first}"
    head = _structlog_head(d, event, {})
    return head + "\n" + python_traceback(d.chain), {"level": "error"}


# --- hm: lograge key=value and Rails' FATAL block -----------------------------------------------


def _rails_prefix(d: Delivery, level: str, tag: str) -> str:
    """Rails 7.1's production logger: ``Logger::Formatter`` under ``TaggedLogging`` with
    ``config.log_tags = [:request_id]``."""
    return (
        f"{level[0]}, [{d.iso(6, z=False)[:-6]} #{d.rand.randint(7, 90)}] {level:>5} -- : [{tag}]"
    )


def lograge_kv(d: Delivery) -> tuple[str, Fields]:
    """lograge's default ``KeyValue`` formatter logged at info: the exception only as
    ``error='Class: message'``, no backtrace, ``format=json`` for the API."""
    exc = d.thrown
    method = d.bug.entry.split(" ", 1)[0]
    controller, _, action = (d.bug.logger or "ApplicationController#show").partition("#")
    name = f"{exc.module}::{exc.type}" if exc.module else exc.type
    first = exc.value.split("\n", 1)[0]
    line = (
        f"{_rails_prefix(d, 'INFO', d.rand.uuid())} method={method} path={d.request_path} "
        f"format=json controller={controller} action={action} status=500 "
        f"error='{name}: {first}' duration={d.rand.randint(3, 2400)}.{d.rand.randint(10, 99)} "
        f"view=0.00 db={d.rand.randint(0, 300)}.{d.rand.randint(10, 99)}"
    )
    return line, {"status": "500", "controller": controller, "action": action}


def rails_fatal(d: Delivery) -> tuple[str, Fields]:
    """``ActionDispatch::DebugExceptions#log_error`` in Rails 7.1: FATAL, the tag on every
    line, ``Class (message):``, a blank line, then the backtrace cleaned to the app's lines
    (``Rails.backtrace_cleaner``); the cause is not printed."""
    exc = d.thrown
    tag = d.rand.uuid()
    name = f"{exc.module}::{exc.type}" if exc.module else exc.type
    prefix = _rails_prefix(d, "FATAL", tag)
    lines = [
        f"{prefix}   ",
        f"[{tag}] {name} ({exc.value}):",
        f"[{tag}]   ",
        *(f"[{tag}] {line}" for line in ruby_backtrace(exc)),
    ]
    return "\n".join(lines), {}


FORMATS72: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "hk-serilog-console": serilog_console,
    "hk-serilog-file": serilog_file,
    "hk-serilog-request": serilog_request,
    "hl-structlog-console": structlog_console,
    "hl-uvicorn-foreign": uvicorn_foreign,
    "hl-arq-foreign": arq_foreign,
    "hm-lograge-kv": lograge_kv,
    "hm-rails-fatal": rails_fatal,
}
