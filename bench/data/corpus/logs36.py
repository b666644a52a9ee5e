"""blind36's log formats: rails_semantic_logger's default text formatter and lograge's
key=value line (dg), Oban's default job logger under Elixir's console Logger (dh).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .model import Exc
from .traces import elixir_stacktrace, ruby_backtrace

Fields = dict[str, str]

_HTTP = ("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")


def _ruby_name(exc: Exc) -> str:
    """The class as Ruby names it: ``ActiveRecord::RecordNotUnique``."""
    return f"{exc.module}::{exc.type}" if exc.module else exc.type


def semantic_text(d: Delivery) -> tuple[str, Fields]:
    """SemanticLogger::Formatters::Default: ``time level [pid:thread] {named tags} name --
    message -- Exception: Class: message`` and the full backtrace below, one path a line.
    Requests log under ``Rails`` from DebugExceptions; Sidekiq jobs under the job's class."""
    exc = d.thrown
    name = _ruby_name(exc)
    stamp = d.stamp("%Y-%m-%d %H:%M:%S") + f".{d.millis}{d.rand.randint(100, 999)}"
    pid = d.rand.randint(7, 90)
    if d.bug.entry.startswith(_HTTP):
        thread = f"puma srv tp {d.rand.randint(1, 5):03d}"
        tags = f"{{request_id: {d.rand.uuid()}, ip: {d.values['ip']}}}"
        # Error and above carry the logging call's file:line (the default backtrace_level).
        where = "debug_exceptions.rb:17"
        head = f"{stamp} F [{pid}:{thread} {where}] {tags} Rails -- {name}: {exc.value}"
        head = f"{head} -- Exception: {name}: {exc.value}"
    else:
        jid = d.rand.hex(24)
        queue = str(d.opts.get("queue", "default"))
        tags = f"{{jid: {jid}, queue: {queue}}}"
        thread = f"processor-{d.rand.randint(1, 10)}"
        took = f"{d.rand.randint(40, 9000)}.{d.rand.randint(0, 9)}ms"
        head = (
            f"{stamp} W [{pid}:{thread}] {tags} ({took}) "
            f"{d.bug.entry} -- Job raised exception -- "
            f'{{context: "Job raised exception", job: {{class: "{d.bug.entry}", jid: "{jid}", '
            f'queue: "{queue}", retry_count: {d.rand.randint(0, 9)}}}}} '
            f"-- Exception: {name}: {exc.value}"
        )
    lines = [head, *ruby_backtrace(exc, app_only=False)]
    for cause in reversed(d.chain[:-1]):
        lines.append(f"Cause: {_ruby_name(cause)}: {cause.value}")
        lines.extend(ruby_backtrace(cause, app_only=False))
    return "\n".join(lines), {"level": "F" if d.bug.entry.startswith(_HTTP) else "W"}


def lograge_kv(d: Delivery) -> tuple[str, Fields]:
    """lograge's ``KeyValue`` formatter through Semantic Logger: one line per request, the
    exception only as ``error='Class: message'``, no backtrace."""
    exc = d.thrown
    method = d.bug.entry.split(" ", 1)[0]
    controller, _, action = (d.bug.log or "ApplicationController#show").partition("#")
    first = exc.value.split("\n", 1)[0].replace("'", "\\'")
    stamp = d.stamp("%Y-%m-%d %H:%M:%S") + f".{d.millis}{d.rand.randint(100, 999)}"
    line = (
        f"{stamp} I [{d.rand.randint(7, 90)}:puma srv tp {d.rand.randint(1, 5):03d}] "
        f"{{request_id: {d.rand.uuid()}}} Rails -- method={method} path={d.request_path} "
        f"format={d.opts.get('fmt', 'html')} controller={controller} action={action} status=500 "
        f"error='{exc.type}: {first}' duration={d.rand.randint(8, 2400)}.{d.rand.randint(10, 99)} "
        f"view=0.00 db={d.rand.randint(1, 300)}.{d.rand.randint(10, 99)}"
    )
    return line, {"status": "500", "controller": controller, "action": action}


def oban_text(d: Delivery) -> tuple[str, Fields]:
    """``Oban.Telemetry.attach_default_logger/1`` under Elixir's default console format
    (``$time $metadata[$level] $message``): the job's JSON as the message, the error as
    ``Exception.format_banner`` and, from Oban 2.17, the formatted stacktrace as a string."""
    app = f"{d.opts.get('otp_app', d.service.name)} {d.company.releases[d.release]}"
    exc = d.thrown
    name = f"{exc.module}.{exc.type}" if exc.module else exc.type
    stack = "\n".join(elixir_stacktrace(exc.frames, app, "    "))
    record = {
        "args": {"id": int(d.values["id"])},
        "attempt": d.rand.randint(1, 20),
        "duration": d.rand.randint(900, 900_000),
        "error": f"** ({name}) {exc.value}".rstrip("\n"),
        "event": "job:exception",
        "id": d.rand.randint(100_000, 999_999),
        "max_attempts": 20,
        "meta": {},
        "queue": str(d.opts.get("queue", "default")),
        "queue_time": d.rand.randint(200, 90_000),
        "source": "oban",
        "stacktrace": stack,
        "state": "failure",
        "tags": [],
        "worker": d.bug.entry,
    }
    line = f"{d.stamp('%H:%M:%S')}.{d.millis} [error] " + json.dumps(record, separators=(",", ":"))
    return line, {"worker": d.bug.entry, "state": "failure"}


FORMATS36: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "dg-semantic": semantic_text,
    "dg-lograge": lograge_kv,
    "dh-oban-text": oban_text,
}
