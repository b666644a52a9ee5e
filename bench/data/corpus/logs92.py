"""blind92's log formats.

js: a Rails 7.1 API on Puma and its Sidekiq 7 workers, both on Rails' default production
logger (``ActiveSupport::Logger`` with ``Logger::Formatter``, ``TaggedLogging`` with
``config.log_tags = [:request_id]``). ``DebugExceptions#log_error`` writes one FATAL record whose
lines are joined with the tags: a blank line, ``<Class> (<message>):``, a ``Causes:`` block for
a wrapped exception, a blank line, then the backtrace as Rails' cleaner leaves it (application
lines only, relative paths). Sidekiq 7's ``Pretty`` formatter writes the job's ``fail`` line
and the default error handler's three ``WARN`` records: the context JSON, ``<Class>:
<message>`` and the backtrace joined with newlines (one record: only its first line carries the
prefix). The universal forwarder reads ``log/production.log`` and ``log/sidekiq.log``.

jt: an ASP.NET Core 8 minimal API on NLog.Web.AspNetCore with the team's file target layout
``${longdate}|${level:uppercase=true}|${logger}|${message} ${exception:format=tostring}``
(no event id, no url/action renderers): ``${longdate}`` is local time with four fractional
digits, the exception ``ToString()`` follows the message after one space. The forwarder reads
the file; the Datadog agent tails it with a multi-line rule.

Each function returns the raw text and the fields a Splunk search extracts from it.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .model import Exc
from .traces import dotnet_core_trace, ruby_backtrace

Fields = dict[str, str]


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


def _ruby_name(exc: Exc) -> str:
    return f"{exc.module}::{exc.type}" if exc.module else exc.type


def _ruby_stamp(d: Delivery) -> str:
    return d.iso(6, z=False)[:-6]


# --- js: Rails 7.1 tagged text and Sidekiq 7 ----------------------------------------------------


def rails71_tagged(d: Delivery) -> tuple[str, Fields]:
    """``DebugExceptions#log_error`` under ``TaggedLogging``: ``F, [<time> #<pid>] FATAL -- :
    [<request id>]`` then each line of the record after ``[<request id>] ``. ``opts.half``:
    the forwarder's ``TRUNCATE`` cut the event after three backtrace lines."""
    exc = d.thrown
    tag = d.rand.uuid()
    prefix = f"F, [{_ruby_stamp(d)} #{d.rand.randint(1, 12)}] FATAL -- : [{tag}] "
    lines = ["  ", f"{_ruby_name(exc)} ({exc.value.splitlines()[0]}):"]
    if len(d.chain) > 1:
        lines.append("\nCauses:")
        lines.extend(f"{_ruby_name(c)} ({c.value.splitlines()[0]})" for c in reversed(d.chain[:-1]))
    trace = ruby_backtrace(exc)
    if d.opts.get("half"):
        trace = trace[:3]
    lines += ["  ", *trace]
    return prefix + f"\n[{tag}] ".join(lines), {"request_id": tag, "severity": "FATAL"}


def sidekiq7_pretty(d: Delivery) -> tuple[str, Fields]:
    """Sidekiq 7's ``Pretty`` formatter: the ``fail`` line in the job's context, then the
    default error handler's ``WARN`` records (context JSON, ``Class: message``, the whole
    backtrace in one record)."""
    exc = d.thrown
    tid = d.rand.alnum(4).lower()
    pid = d.rand.randint(7, 40)

    head = f"{d.iso(3)} pid={pid} tid={tid}"

    jid = d.rand.hex(24)
    queue = str(d.opts.get("queue", "default"))
    job = {
        "retry": 5,
        "queue": queue,
        "class": d.bug.entry,
        "args": [int(d.values["id"])],
        "jid": jid,
        "created_at": round(d.when - 40, 3),
        "enqueued_at": round(d.when - 2, 3),
        "retry_count": d.rand.randint(0, 4),
    }
    first = exc.value.splitlines()[0]
    trace = ruby_backtrace(exc, app_only=False)
    lines = [
        f"{head} class={d.bug.entry} jid={jid} elapsed={d.rand.uniform(0.05, 9):.3f} INFO: fail",
        f"{head} WARN: " + _compact({"context": "Job raised exception", "job": job}),
        f"{head} WARN: {_ruby_name(exc)}: {first}",
        f"{head} WARN: " + "\n".join(trace),
    ]
    return "\n".join(lines), {"class": d.bug.entry, "queue": queue}


# --- jt: NLog layout renderers ------------------------------------------------------------------


def _longdate(d: Delivery) -> str:
    return f"{d.stamp('%Y-%m-%d %H:%M:%S')}.{int(d.when % 1 * 10_000):04d}"


def nlog_pipes(d: Delivery) -> tuple[str, Fields]:
    """``${longdate}|${level:uppercase=true}|${logger}|${message} ${exception:format=tostring}``.
    ``opts.level``: ``ERROR`` (default) or ``FATAL``."""
    level = str(d.opts.get("level", "ERROR"))
    line = f"{_longdate(d)}|{level}|{d.logger}|{d.log_message} {dotnet_core_trace(d.chain)}"
    return line, {"level": level, "logger": d.logger}


FORMATS92: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "js-rails71-tagged": rails71_tagged,
    "js-sidekiq7": sidekiq7_pretty,
    "jt-nlog-pipes": nlog_pipes,
}
