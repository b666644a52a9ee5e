"""blind96's log formats.

ke: a Sinatra 3 + Sequel API on Puma and Sidekiq 7 workers on Ruby 3.1, both logging through
Ruby's stdlib ``Logger`` with its default ``Logger::Formatter``
(``%s, [%s #%d] %5s -- %s: %s``, the time as ``%Y-%m-%dT%H:%M:%S.%6N``). An exception logged
as itself is ``message (Class)`` with its backtrace joined by newlines below (``msg2str``);
the Sinatra ``error`` block does exactly that. Sidekiq is given the same ``Logger``, so its
default error handler's three ``WARN`` records (the context JSON, ``Class: message``, the
backtrace) each get the stdlib prefix. Ruby 3.1's backtrace labels are in backquotes; the app
lives under ``/app``, gems under ``/usr/local/bundle/gems``. A Splunk universal forwarder reads
the files as multi-line events (one event per prefixed line).

kf: a .NET 6 host serving gRPC and the CoreWCF endpoints it replaces, and a readings-import
worker, on log4net's ``PatternLayout``
``%date [%thread] %-5level %logger - %message%newline%exception``: ISO8601 date with a comma
before the milliseconds, the managed thread id (or the thread's name where it has one), the
level padded to five, ``Exception.ToString()`` on the lines below the message.

Each function returns the raw text and the fields a Splunk search extracts from it.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .model import Exc, Frame
from .traces import dotnet_core_trace

Fields = dict[str, str]


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


# --- ke: Ruby 3.1 stdlib Logger ----------------------------------------------------------------


def _ruby_name(exc: Exc) -> str:
    return f"{exc.module}::{exc.type}" if exc.module else exc.type


def _rb31_path(f: Frame) -> str:
    return ("/app/" if f.in_app else "/usr/local/bundle/gems/") + f.file


def ruby31_lines(exc: Exc, app_only: bool = False) -> list[str]:
    """``Exception#backtrace`` on Ruby 3.1: innermost first, labels in backquotes."""
    return [
        f"{_rb31_path(f)}:{f.line}:in `{f.function}'"
        for f in reversed(exc.frames)
        if f.in_app or not app_only
    ]


def _prefix(d: Delivery, level: str) -> str:
    stamp = f"{d.stamp('%Y-%m-%dT%H:%M:%S')}.{int(d.when * 1_000_000) % 1_000_000:06d}"
    progname = str(d.opts.get("progname", ""))
    return f"{level[0]}, [{stamp} #{d.rand.randint(1, 60)}] {level:>5} -- {progname}: "


def ruby_stdlogger(d: Delivery) -> tuple[str, Fields]:
    """``logger.error(e)`` in Sinatra's ``error`` block: ``message (Class)`` then the whole
    backtrace. ``opts.half``: a release that logged ``e.backtrace.first(4)`` instead.
    ``opts.wrapped``: the team's variant ``logger.error("#{e.class}: #{e.message}")`` with the
    request line before it and no backtrace at all."""
    exc = d.thrown
    if d.opts.get("wrapped"):
        head = _prefix(d, "ERROR") + f"{d.bug.entry.split(' ')[0]} {d.request_path} failed: "
        return head + f"{_ruby_name(exc)}: {exc.value.splitlines()[0]}", {"severity": "ERROR"}
    lines = ruby31_lines(exc)
    if d.opts.get("half"):
        lines = lines[:4]
    head = _prefix(d, "ERROR") + f"{exc.value} ({_ruby_name(exc)})"
    return "\n".join([head, *lines]), {"severity": "ERROR"}


def sidekiq_stdlogger(d: Delivery) -> tuple[str, Fields]:
    """Sidekiq 7's default error handler writing to a stdlib ``Logger``: three ``WARN``
    records, the backtrace joined with newlines in the last one."""
    exc = d.thrown
    pid = d.rand.randint(1, 60)
    stamp = f"{d.stamp('%Y-%m-%dT%H:%M:%S')}.{int(d.when * 1_000_000) % 1_000_000:06d}"
    head = f"W, [{stamp} #{pid}]  WARN -- : "
    queue = str(d.opts.get("queue", "default"))
    job = {
        "retry": True,
        "queue": queue,
        "class": d.bug.entry,
        "args": [int(d.values["id"])],
        "jid": d.rand.hex(24),
        "created_at": round(d.when - 60, 3),
        "enqueued_at": round(d.when - 3, 3),
    }
    if d.index % 2:
        job["error_message"] = exc.value.splitlines()[0]
        job["error_class"] = _ruby_name(exc)
        job["failed_at"] = round(d.when - 900, 3)
        job["retry_count"] = d.rand.randint(0, 6)
    lines = [
        head + _compact({"context": "Job raised exception", "job": job}),
        head + f"{_ruby_name(exc)}: {exc.value.splitlines()[0]}",
        head + "\n".join(ruby31_lines(exc)),
    ]
    return "\n".join(lines), {"queue": queue, "class": d.bug.entry}


# --- kf: log4net PatternLayout ----------------------------------------------------------------


def log4net_text(d: Delivery) -> tuple[str, Fields]:
    """``%date [%thread] %-5level %logger - %message%newline%exception``. ``opts.thread``: a
    named thread (the import worker's timer); otherwise the managed thread id. ``opts.level``:
    ``ERROR`` (default), ``FATAL`` or ``WARN``."""
    level = str(d.opts.get("level", "ERROR"))
    thread = str(d.opts.get("thread", d.rand.randint(5, 64)))
    head = (
        f"{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis} [{thread}] {level:<5} "
        f"{d.logger} - {d.log_message}"
    )
    return head + "\n" + dotnet_core_trace(d.chain), {"level": level, "logger": d.logger}


FORMATS96: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "ke-ruby-stdlogger": ruby_stdlogger,
    "ke-sidekiq-stdlogger": sidekiq_stdlogger,
    "kf-log4net-text": log4net_text,
}
