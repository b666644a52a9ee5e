"""Log formats of blind18's companies (be, bf, bg): Ruby's stdlib ``Logger`` default format
in a Rails-less Roda API (``E, [time #pid] ERROR -- progname: message (Class)`` and the
backtrace on the lines below) and Sidekiq's text log beside it (paths under ``/app``),
Oban's default JSON job logger under Elixir's Logger text formatter (the error as
``Exception.format_banner`` alone: no stack at all), and Serilog's ``JsonFormatter`` with
``renderMessage: true`` (``Timestamp``, ``Level``, ``MessageTemplate``, ``RenderedMessage``,
``Exception`` as ``ToString()``, ``Properties``).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it, as
in ``logs``; ``logs.FORMATS`` takes them in under these keys.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from .delivery import Delivery
from .model import Exc
from .traces import dotnet_core_trace

Fields = dict[str, str]


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


# --- Ruby's Logger (stdlib) in a Roda app ------------------------------------------------------


def _rb_path(file: str, in_app: bool) -> str:
    """The app lives under ``/app`` in its image, gems under the bundle path."""
    return ("/app/" if in_app else "/usr/local/bundle/gems/") + file


def ruby33_lines(exc: Exc, app_only: bool = False) -> list[str]:
    """``Exception#backtrace`` on Ruby 3.3: innermost first, labels in backquotes."""
    return [
        f"{_rb_path(f.file, f.in_app)}:{f.line}:in `{f.function}'"
        for f in reversed(exc.frames)
        if f.in_app or not app_only
    ]


def ruby_logger(d: Delivery) -> tuple[str, Fields]:
    """``Logger::Formatter``: ``%s, [%s #%d] %5s -- %s: %s``; an Exception logged as itself
    is ``message (Class)`` and its backtrace joined by newlines; the app sets no progname.
    The team's error handler logs ``opts.half`` backtraces (the gems' lines filtered) on
    some releases."""
    exc = d.thrown
    stamp = f"{d.stamp('%Y-%m-%dT%H:%M:%S')}.{int(d.when * 1_000_000) % 1_000_000:06d}"
    progname = str(d.opts.get("progname", ""))
    # msg2str: the whole message (line breaks and all), then the class in parentheses.
    message = f"{exc.value} ({exc.type})"
    lines = ruby33_lines(exc, app_only=bool(d.opts.get("half")))
    head = f"E, [{stamp} #{d.rand.randint(7, 90)}] ERROR -- {progname}: {message}"
    return "\n".join([head, *lines]), {"severity": "ERROR"}


def sidekiq_app(d: Delivery) -> tuple[str, Fields]:
    """Sidekiq 7's default text log in a Rails-less app: the failed run, the job hash, the
    error and its whole backtrace, one ``WARN`` line each; the code lives under ``/app``."""
    exc = d.thrown
    prefix = f"{d.iso(3)} pid={d.rand.randint(7, 90)} tid={d.rand.alnum(4)}"
    jid = d.rand.hex(24)
    job = {
        "retry": True,
        "queue": str(d.opts.get("queue", "default")),
        "class": d.bug.entry,
        "args": [int(d.values["id"])],
        "jid": jid,
        "created_at": round(d.when - 40, 3),
        "enqueued_at": round(d.when - 2, 3),
    }
    lines = [
        f"{prefix} class={d.bug.entry} jid={jid} elapsed={d.rand.uniform(0.1, 3):.3f} INFO: fail",
        f"{prefix} WARN: " + _compact({"context": "Job raised exception", "job": job}),
        f"{prefix} WARN: {exc.type}: {exc.value}",
        *(f"{prefix} WARN: {line}" for line in ruby33_lines(exc)),
    ]
    return "\n".join(lines), {}


# --- Oban's default logger under Logger's text formatter ---------------------------------------


def oban_json(d: Delivery) -> tuple[str, Fields]:
    """``Oban.Telemetry.attach_default_logger(encode: true)`` at ``:error``: one JSON object per
    job exception, the error as its banner (``** (Ecto.NoResultsError) …``) and no stack;
    Logger's console format ``$time $metadata[$level] $message`` around it."""
    exc = d.thrown
    name = f"{exc.module}.{exc.type}" if exc.module else exc.type
    worker = d.bug.entry
    attempt = d.rand.randint(1, 20)
    record = {
        "args": json.loads(d.values.fill(str(d.opts.get("args", '{"id":{id}}')))),
        "attempt": attempt,
        "duration": d.rand.randint(900, 4_000_000),
        "error": f"** ({name}) {exc.value}".rstrip("\n"),
        "event": "job:exception",
        "id": d.rand.randint(100_000, 9_999_999),
        "max_attempts": 20,
        "meta": {},
        "queue": str(d.opts.get("queue", "default")),
        "queue_time": d.rand.randint(200, 90_000),
        "source": "oban",
        "state": "failure" if attempt < 20 else "discard",
        "tags": [],
        "worker": worker,
    }
    raw = f"{d.stamp('%H:%M:%S')}.{d.millis} [error] {_compact(record)}"
    return raw, {"worker": worker}


# --- Serilog's JsonFormatter ------------------------------------------------------------------


def serilog_jsonformatter(d: Delivery) -> tuple[str, Fields]:
    """``new JsonFormatter(renderMessage: true)``: the template and its rendering, the
    exception's ``ToString()``, the properties (Serilog.Extensions.Hosting's
    ``SourceContext``, the processor's ``MessageId`` and ``EntityPath``) nested."""
    template = d.bug.log or "Unhandled exception"
    props: dict[str, object] = {}
    rendered = template
    for name in re.findall(r"\{([A-Z][A-Za-z]+)\}", template):
        value = d.values["uuid"] if name.endswith("Id") else d.values["id"]
        props[name] = value
        rendered = rendered.replace(
            "{" + name + "}", f'"{value}"' if name.endswith("Id") else value
        )
    props["SourceContext"] = d.logger
    if "entity" in d.opts:
        props["EntityPath"] = str(d.opts["entity"])
        props.setdefault("MessageId", d.rand.hex(32))
        props["DeliveryCount"] = d.rand.randint(1, 10)
    if d.bug.entry.startswith(("GET ", "POST ")):
        props["RequestPath"] = d.request_path
        props["RequestId"] = f"0HN{d.rand.alnum(10).upper()}:0000000{d.rand.randint(1, 9)}"
    props["MachineName"] = d.host
    record = {
        "Timestamp": d.stamp("%Y-%m-%dT%H:%M:%S") + f".{int(d.when * 10**7) % 10**7:07d}+00:00",
        "Level": "Error",
        "MessageTemplate": template,
        "RenderedMessage": rendered,
        "Exception": dotnet_core_trace(d.chain),
        "Properties": props,
    }
    return _compact(record), {"Level": "Error", "SourceContext": d.logger}


FORMATS18: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "roda-logger": ruby_logger,
    "sidekiq-app": sidekiq_app,
    "oban-json": oban_json,
    "serilog-jsonformatter": serilog_jsonformatter,
}
