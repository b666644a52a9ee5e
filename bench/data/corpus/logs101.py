"""blind101's log formats: Heroku apps whose stdout reaches Splunk HEC and Datadog through
Heroku's HTTPS log drains (kt: Rails 7.1 on Puma with Sidekiq dynos; ku: Express on Node 20).

An HTTPS drain posts RFC 5424 syslog frames, one per stdout line: ``<190>1
2026-03-02T10:11:12.345678+00:00 host app web.1 - <line>`` (``host`` is literally ``host``;
the router's own lines come as ``<158>1 ... host heroku router - at=error code=H12 ...``). A
multi-line log call is as many events as it has lines; only the first carries the logger's
prefix. A Splunk alert either fires on one of those events or on a ``transaction`` that glues
a request's events back together (``part``: ``all``, the default, or ``head`` or ``frame``).
Datadog's Heroku drain strips the syslog frame: its ``kt-...-dd``/``ku-...-dd`` variants are
the one event a log monitor pastes.

kt: Rails 7.1's generated ``production.rb``: stdlib ``Logger::Formatter`` under
``TaggedLogging`` with ``log_tags = [:request_id]``; ``DebugExceptions#log_error`` joins its
lines with the tags (``log_array``), the backtrace cleaned to the app's lines. Sidekiq 7 on a
dyno drops its timestamp (``WithoutTimestamp``: ``pid=4 tid=2ns class=X jid=Y INFO: fail``)
and its default error handler logs three ``WARN`` records outside the job's context.

ku: ``console.error(`${req.method} ${req.path} failed`, err)`` (``util.format`` of the
error: its stack) and the winston 3 ``Console`` transport with ``errors({stack: true})`` and
``json()`` (logform's stable stringify sorts the keys; the error's message is appended to the
log message).
"""

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .logs47 import node_stack
from .model import Exc

Fields = dict[str, str]


def _ruby_name(exc: Exc) -> str:
    return f"{exc.module}::{exc.type}" if exc.module else exc.type


def _dyno(d: Delivery, kind: str) -> str:
    return f"{kind}.{d.rand.randint(1, 3 if kind == 'web' else 2)}"


def _frame(d: Delivery, dyno: str, pri: int = 190, app: str = "app") -> str:
    return f"<{pri}>1 {d.iso(6, z=False)} host {app} {dyno} - "


def _cleaned(exc: Exc) -> list[str]:
    """Rails.backtrace_cleaner: the app's own lines, relative to the root, Ruby 3.3 quoting."""
    return [f"{f.file}:{f.line}:in `{f.function}'" for f in reversed(exc.frames) if f.in_app]


def _rails_lines(d: Delivery) -> list[str]:
    exc = d.thrown
    tag = f"[{d.values['uuid']}] "
    stamp = f"{d.stamp('%Y-%m-%dT%H:%M:%S')}.{int(d.when * 1_000_000) % 1_000_000:06d}"
    pid = 4 + d.index % 3
    msg = exc.value.splitlines()[0] if exc.value else exc.type
    body = ["  ", f"{_ruby_name(exc)} ({msg}):"]
    if len(d.chain) > 1:
        body.append("")
        body.append("Causes:")
        for cause in reversed(d.chain[:-1]):
            body.append(f"{_ruby_name(cause)} ({cause.value.splitlines()[0]})")
    body.append("  ")
    body.extend(_cleaned(exc))
    done = (
        f"I, [{stamp} #{pid}]  INFO -- : {tag}Completed 500 Internal Server Error in "
        f"{d.rand.randint(8, 2400)}ms (ActiveRecord: {d.rand.randint(1, 90)}."
        f"{d.rand.randint(0, 9)}ms | Allocations: {d.rand.randint(900, 60000)})"
    )
    fatal = [f"F, [{stamp} #{pid}] FATAL -- : {tag}{body[0]}", *(tag + b for b in body[1:])]
    return [done, *fatal]


def rails_drain(d: Delivery) -> tuple[str, Fields]:
    """The web dyno's FATAL through the drain. ``part``: ``all`` (a transaction of every
    event), ``head`` (the event with the class and message), ``frame`` (the first app line)."""
    dyno = _dyno(d, "web")
    lines = _rails_lines(d)
    part = str(d.opts.get("part", "all"))
    if part == "head":
        lines = [lines[2]]
    elif part == "frame":
        lines = [next(ln for ln in lines if ".rb:" in ln)]
    pre = _frame(d, dyno)
    return "\n".join(pre + ln for ln in lines), {"dyno": dyno, "appname": "app"}


def rails_dd(d: Delivery) -> tuple[str, Fields]:
    """What Datadog keeps of the head event: the line without the syslog frame."""
    return _rails_lines(d)[2], {}


def _sidekiq_lines(d: Delivery) -> list[str]:
    exc = d.thrown
    pid = 4 + d.index % 2
    tid = d.rand.alnum(3, "abcdefghijklmnopqrstuvwxyz0123456789")
    jid = d.rand.hex(24)
    queue = str(d.opts.get("queue", "default"))
    job = {
        "retry": True,
        "queue": queue,
        "class": d.bug.entry,
        "args": [int(d.values["id"])],
        "jid": jid,
        "created_at": round(d.when - 40, 3),
        "enqueued_at": round(d.when - 2, 3),
    }
    if d.index % 2:
        job["error_message"] = exc.value.splitlines()[0]
        job["error_class"] = _ruby_name(exc)
        job["failed_at"] = round(d.when - 1800, 3)
        job["retry_count"] = d.rand.randint(0, 5)
        job["retried_at"] = round(d.when - 30, 3)
    ctx = f"pid={pid} tid={tid} class={d.bug.entry} jid={jid}"
    head = f"pid={pid} tid={tid} WARN: "
    trace = _cleaned(exc)
    return [
        f"{ctx} elapsed={d.rand.randint(0, 30)}.{d.rand.randint(100, 999)} INFO: fail",
        head + json.dumps({"context": "Job raised exception", "job": job}, separators=(",", ":")),
        head + f"{_ruby_name(exc)}: {exc.value.splitlines()[0]}",
        head + (trace[0] if trace else ""),
        *trace[1:],
    ]


def sidekiq_drain(d: Delivery) -> tuple[str, Fields]:
    """The worker dyno: Sidekiq's ``fail`` line and its error handler's three records."""
    dyno = _dyno(d, "worker")
    lines = _sidekiq_lines(d)
    if d.opts.get("part") == "head":
        lines = [lines[2]]
    pre = _frame(d, dyno)
    return "\n".join(pre + ln for ln in lines), {"dyno": dyno, "appname": "app"}


def sidekiq_dd(d: Delivery) -> tuple[str, Fields]:
    return _sidekiq_lines(d)[2], {}


# --- ku: Express on Node 20 ---------------------------------------------------------------------


def _console_lines(d: Delivery) -> list[str]:
    lines = node_stack(d, "/app")
    extra = d.opts.get("props")
    if extra:
        lines[-1] += " {"
        lines.extend(f"  {d.values.fill(p)}," for p in str(extra).split("|"))
        lines[-1] = lines[-1].rstrip(",")
        lines.append("}")
    if d.bug.log:
        lines[0] = f"{d.log_message} {lines[0]}"
    return lines


def _kind(d: Delivery) -> str:
    return str(d.opts.get("dyno", "worker" if d.service.name.endswith("worker") else "web"))


def console_drain(d: Delivery) -> tuple[str, Fields]:
    """``console.error`` of an error in the error middleware, one event per line; ``keep``
    keeps the first lines (a drain batch cut short)."""
    dyno = _dyno(d, _kind(d))
    lines = _console_lines(d)
    keep = int(str(d.opts.get("keep", 0)))
    if keep:
        lines = lines[:keep]
    pre = _frame(d, dyno)
    return "\n".join(pre + ln for ln in lines), {"dyno": dyno, "appname": "app"}


def console_dd(d: Delivery) -> tuple[str, Fields]:
    return _console_lines(d)[0], {}


def _winston(d: Delivery) -> str:
    exc = d.thrown
    first = exc.value.splitlines()[0] if exc.value else ""
    msg = f"{d.log_message} {first}" if d.bug.log else first
    record = {
        "level": "error",
        "message": msg,
        "service": d.service.name,
        "stack": "\n".join(node_stack(d, "/app")),
        "timestamp": d.iso(3),
    }
    return json.dumps(record, separators=(",", ":"), ensure_ascii=False)


def winston_drain(d: Delivery) -> tuple[str, Fields]:
    dyno = _dyno(d, _kind(d))
    return _frame(d, dyno) + _winston(d), {"dyno": dyno, "appname": "app"}


def winston_dd(d: Delivery) -> tuple[str, Fields]:
    return _winston(d), {}


FORMATS101: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "kt-rails-drain": rails_drain,
    "kt-rails-dd": rails_dd,
    "kt-sidekiq-drain": sidekiq_drain,
    "kt-sidekiq-dd": sidekiq_dd,
    "ku-console-drain": console_drain,
    "ku-console-dd": console_dd,
    "ku-winston-drain": winston_drain,
    "ku-winston-dd": winston_dd,
}
