"""blind88's log formats.

- ``jg-serilog-hec``: an ASP.NET Core 8 API on Serilog 3 writing to Splunk's HTTP Event
  Collector through Serilog.Sinks.Splunk with ``CompactSplunkJsonFormatter``: ``_raw`` is the
  HEC event, compact JSON without ``@t`` (the time travels in HEC's ``time``), ``@mt`` the
  template, ``@i`` the event id (hash of the template), ``@l``, ``@x`` the exception's
  ``ToString()``, then the properties. ``opts.kind``: ``request`` (the default;
  ``ExceptionHandlerMiddleware``'s "An unhandled exception has occurred while executing the
  request."), ``ef`` (EF Core's own ``SaveChangesFailed`` record, event id 10000, whose
  template carries the exception as a property too), ``team`` (the code's
  ``LogError(ex, template, ...)``), ``noexc`` (a ``LogError`` with the error's message as a
  property and no exception), ``clef`` (the worker's console sink, ``CompactJsonFormatter``
  with ``@t``, read from the container's file by a universal forwarder).
- ``jh-vercel-next``: a Next.js 14 App Router app on Vercel, one function log line as the
  Vercel log drain hands it to Datadog (``message`` the text the function wrote): Next's
  `` ⨯ `` record of a Server Component or Server Action error (the server bundle minified,
  ``{ digest: '...' }`` after the stack), ``opts.kind`` ``lambda`` (the Node runtime's
  ``<iso>\\t<request id>\\tERROR\\t`` prefix on a route handler's ``console.error(err)``),
  ``team`` (the code's ``console.error('[tag] msg', err)`` under that prefix).
- ``ji-rails``: a Rails 7.1 app's ``log/production.log`` and Sidekiq 7's log file, read by a
  Splunk universal forwarder. ``opts.kind``: ``lograge`` (lograge's ``Json`` formatter with
  the team's ``custom_options``: ``exception`` and ``exception_message`` from the payload, no
  backtrace), ``fatal`` (``DebugExceptions``' FATAL block that lograge leaves alone, with the
  ``:request_id`` tag on every line), ``sidekiq`` (Sidekiq 7's text formatter: the default
  error handler's three WARN records), ``sidekiqline`` (the forwarder's line breaking keeping
  only the ``<Class>: <message>`` record).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

# ruff: noqa: E501, RUF001, RUF002

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .model import Exc
from .rand import stable_hex, stable_int
from .traces import dotnet_core_trace, ruby_backtrace

Fields = dict[str, str]


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


# --- jg: Serilog through Serilog.Sinks.Splunk ---------------------------------------------------

_UNHANDLED = "An unhandled exception has occurred while executing the request."
_EF_FAILED = "An exception occurred in the database while saving changes for context type '{contextType}'.{newline}{exception}"


def jg_serilog_hec(d: Delivery) -> tuple[str, Fields]:
    kind = str(d.opts.get("kind", "request"))
    trace = dotnet_core_trace(d.chain)
    rec: dict[str, object] = {}
    if kind == "clef":
        rec["@t"] = d.iso(7)
    if kind == "request":
        template, logger = _UNHANDLED, "Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware"
    elif kind == "ef":
        template, logger = _EF_FAILED, "Microsoft.EntityFrameworkCore.Update"
    else:
        template, logger = d.bug.log or "{Message}", d.logger
    rec["@mt"] = template
    rec["@i"] = stable_hex(8, "jg-event-id", template)
    rec["@l"] = "Error"
    if kind != "noexc":
        rec["@x"] = trace
    if kind == "ef":
        rec["contextType"] = str(d.opts.get("context", "Levens.Trade.Data.TradeDbContext"))
        rec["newline"] = "\n"
        rec["exception"] = trace
        rec["EventId"] = {
            "Id": 10000,
            "Name": "Microsoft.EntityFrameworkCore.Update.SaveChangesFailed",
        }
    elif kind == "request":
        rec["EventId"] = {"Id": 1, "Name": "UnhandledException"}
    for name in ("OrderId", "AccountId", "BatchId", "Carrier", "Branch"):
        if "{" + name + "}" in template:
            rec[name] = d.rand.randint(1000, 999999) if name.endswith("Id") else d.values["n"]
    if kind == "noexc":
        rec["Error"] = d.thrown.value.split("\n", 1)[0]
    rec["SourceContext"] = logger
    if " /" in d.bug.entry:
        rec["RequestId"] = f"0HN{d.rand.alnum(9).upper()}:0000000{d.rand.randint(1, 9)}"
        rec["RequestPath"] = d.request_path
        rec["ConnectionId"] = f"0HN{d.rand.alnum(9).upper()}"
    rec["MachineName"] = d.host
    rec["Application"] = d.service.name
    return _compact(rec), {"SourceContext": logger, "@l": "Error"}


# --- jh: Next.js 14 on Vercel, drained to Datadog ----------------------------------------------


def _min_name(d: Delivery, name: str) -> str:
    """The server bundle is minified: an app function is one or two letters, per build."""
    if not name:
        return ""
    letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    n = stable_int("jh-min", name, d.release)
    return letters[n % 52] + (letters[(n // 52) % 52] if n % 3 == 0 else "")


def _next_stack(d: Delivery, exc: Exc) -> list[str]:
    lines = [f"{exc.type}: {exc.value}" if exc.value else exc.type]
    for f in reversed(exc.frames):
        prefix = "async " if f.args == "async" else ""
        if f.file.startswith("node:"):
            where, name = f"{f.file}:{f.line}:{f.col}", f.function
        elif f.in_app:
            if f.file.startswith("app/"):
                route = f.file.removeprefix("app/").rsplit("/", 1)[0]
                kind = "route" if f.file.endswith("/route.ts") else "page"
                chunk = f"/var/task/.next/server/app/{route}/{kind}.js"
            else:
                chunk = (
                    f"/var/task/.next/server/chunks/{100 + stable_int('jh-chunk', f.file) % 900}.js"
                )
            col = 1000 + stable_int("jh-col", f.file, f.function, d.release) % 60000
            where, name = f"{chunk}:1:{col}", _min_name(d, f.function)
        else:
            where, name = f"/var/task/{f.file}:{f.line}:{f.col}", f.function
        lines.append(f"    at {prefix}{name} ({where})" if name else f"    at {prefix}{where}")
    return lines


def jh_vercel_next(d: Delivery) -> tuple[str, Fields]:
    kind = str(d.opts.get("kind", "rsc"))
    exc = d.thrown
    lines = _next_stack(d, exc)
    if len(d.chain) > 1:
        cause = d.chain[0]
        lines[-1] += " {"
        lines.append("  [cause]: " + "\n".join(_next_stack(d, cause)))
        lines.append("}")
    prefix = f"{d.iso(3)}\t{d.rand.uuid()}\tERROR\t"
    if kind == "lambda":
        text = prefix + "\n".join(lines)
    elif kind == "team":
        text = (
            prefix + d.values.fill(d.bug.log or "[server] request failed") + " " + "\n".join(lines)
        )
    else:
        digest = str(stable_int("jh-digest", d.bug.id, d.release, d.index) % 10_000_000_000)
        if lines[-1] == "}":
            lines[-1] = f"  digest: '{digest}'\n}}"
            text = " ⨯ " + "\n".join(lines)
        else:
            text = " ⨯ " + "\n".join(lines) + f" {{\n  digest: '{digest}'\n}}"
    return text, {"source": "lambda", "type": "stderr"}


# --- ji: Rails 7.1 and Sidekiq 7 through a universal forwarder ----------------------------------


def ji_rails(d: Delivery) -> tuple[str, Fields]:
    kind = str(d.opts.get("kind", "lograge"))
    exc = d.thrown
    pid = 7 + stable_int("ji-pid", d.host) % 40
    if kind == "lograge":
        verb, _, _route = d.bug.entry.partition(" ")
        controller, _, action = str(d.opts.get("action", "ApplicationController#index")).partition(
            "#"
        )
        rec = {
            "method": verb,
            "path": d.request_path,
            "format": "html",
            "controller": controller,
            "action": action,
            "status": 500,
            "allocations": d.rand.randint(2000, 90000),
            "duration": round(d.rand.uniform(8, 900), 2),
            "view": 0.0,
            "db": round(d.rand.uniform(0.5, 60), 2),
            "request_id": d.values["uuid"],
            "exception": exc.text_name,
            "exception_message": exc.value,
            "time": d.iso(3),
        }
        return _compact(rec), {"controller": controller}
    if kind == "fatal":
        tag = f"[{d.values['uuid']}] "
        ts = d.iso(6)[:-1]
        body = [" ", f"{exc.text_name} ({exc.value}):", " ", *ruby_backtrace(exc)]
        return f"F, [{ts} #{pid}] FATAL -- : {tag}" + f"\n{tag}".join(body), {}
    tid = d.rand.alnum(4, "abcdefghijklmnopqrstuvwxyz0123456789")
    jid = d.rand.hex(24)
    head = f"{d.iso(3)} pid={pid} tid={tid} class={d.bug.entry} jid={jid} elapsed={d.rand.randint(0, 9)}.{d.rand.randint(100, 999)} WARN: "
    if kind == "sidekiqline":
        return head + f"{exc.text_name}: {exc.value}", {"class": d.bug.entry}
    ctx = {
        "context": "Job raised exception",
        "job": {
            "retry": True,
            "queue": str(d.opts.get("queue", "default")),
            "class": d.bug.entry,
            "args": [d.rand.randint(100, 99999)],
            "jid": jid,
            "created_at": round(d.when - 30, 3),
            "enqueued_at": round(d.when - 2, 3),
        },
    }
    recs = [
        head + _compact(ctx),
        head + f"{exc.text_name}: {exc.value}",
        head + "\n".join(ruby_backtrace(exc)),
    ]
    return "\n".join(recs), {"class": d.bug.entry}


FORMATS88: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "jg-serilog-hec": jg_serilog_hec,
    "jh-vercel-next": jh_vercel_next,
    "ji-rails": ji_rails,
}
