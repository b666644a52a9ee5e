"""blind60's log formats: a Laravel 10 app with Horizon on Laravel Forge, its ``daily`` log
channel (Monolog's ``LineFormatter`` as Laravel configures it: ``[<Y-m-d H:i:s>]
production.ERROR: <message> {"exception":"[object] (<Class>(code: N): <msg> at <file>:<line>)
[stacktrace] ..."}``, inline line breaks kept) (ga); a Flask app on Gunicorn with RQ workers
(Flask's default ``[<asctime>] ERROR in app: Exception on <path> [<VERB>]`` over the traceback;
RQ's own ``HH:MM:SS [Job <id>]: exception raised while executing (<func>)`` over the traceback)
(gb); an ASP.NET Core 8 API on NLog's ``JsonLayout`` (``time``, ``level``, ``logger``,
``message``, ``exception`` as ``${exception:format=tostring}``) (gc).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

# ruff: noqa: E501

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .traces import dotnet_core_trace, monolog_exception, python_traceback

Fields = dict[str, str]


def laravel_daily(d: Delivery) -> tuple[str, Fields]:
    """Laravel's ``daily`` channel: ``[%datetime%] %channel%.%level_name%: %message%
    %context% %extra%`` with inline line breaks and empty context/extra dropped; the
    exception in the context is Monolog's ``[object] (...)`` text with ``[stacktrace]``,
    JSON-escaped but its line breaks kept. ``opts.user`` adds Laravel's ``userId``."""
    ts = d.stamp("%Y-%m-%d %H:%M:%S")
    exc_text = monolog_exception(d.chain).replace("('{id}')", f"('{d.values['id']}')")
    escaped = json.dumps(exc_text)[1:-1].replace("\\n", "\n")
    ctx = '{"exception":"' + escaped + '"}'
    if d.opts.get("user"):
        ctx = '{"userId":' + str(d.rand.randint(10, 90000)) + ',"exception":"' + escaped + '"}'
    channel = str(d.opts.get("channel", "production"))
    first = d.log_message.split("\n", 1)[0]
    return f"[{ts}] {channel}.ERROR: {first} {ctx} ", {"channel": channel}


def flask_rq(d: Delivery) -> tuple[str, Fields]:
    """``opts.kind`` ``flask`` (the default): Flask's ``log_exception`` under Gunicorn
    (``[%(asctime)s] %(levelname)s in %(module)s: %(message)s``); ``rq``: RQ's worker
    ``handle_exception`` (``%(asctime)s %(message)s``, ``%H:%M:%S``), the job id new on
    every run; ``rqshort``: the same head with only the traceback's last line (a
    team ``logging.Formatter`` that drops tracebacks)."""
    kind = str(d.opts.get("kind", "flask"))
    tb = python_traceback(d.chain)
    if kind == "flask":
        verb = d.bug.entry.split(" ", 1)[0]
        ms = f"{d.rand.randint(0, 999):03d}"
        head = f"[{d.stamp('%Y-%m-%d %H:%M:%S')},{ms}] ERROR in app: Exception on {d.request_path} [{verb}]"
        return head + "\n" + tb, {"source_kind": "gunicorn"}
    job = d.values["uuid"]
    head = f"{d.stamp('%H:%M:%S')} [Job {job}]: exception raised while executing ({d.bug.entry})"
    if kind == "rqshort":
        return head + "\n" + tb.rsplit("\n", 1)[-1], {"source_kind": "rq"}
    return head + "\n" + tb, {"source_kind": "rq"}


def nlog_json(d: Delivery) -> tuple[str, Fields]:
    """NLog's ``JsonLayout`` with attributes ``time`` (``${longdate}``), ``level``
    (``${level:upperCase=true}``), ``logger``, ``message`` and ``exception``
    (``${exception:format=tostring}``), one record a line. ``opts.kind`` ``noexc``: a
    message-only record (the team's ``LogError(msg)`` in a catch that drops the exception)."""
    ms = f"{d.rand.randint(0, 9999):04d}"
    rec = {
        "time": f"{d.stamp('%Y-%m-%d %H:%M:%S')}.{ms}",
        "level": "ERROR",
        "logger": d.logger,
        "message": d.log_message,
    }
    if d.opts.get("kind") != "noexc":
        rec["exception"] = dotnet_core_trace(d.chain)
    rec["traceId"] = d.values["uuid"].replace("-", "")
    return json.dumps(rec, separators=(",", ":")), {"logger": d.logger}


FORMATS60: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "ga-laravel-daily": laravel_daily,
    "gb-flask-rq": flask_rq,
    "gc-nlog-json": nlog_json,
}
