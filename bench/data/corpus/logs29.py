"""Log formats of blind29's companies (cl, cm, cn).

- cl: loguru's ``serialize=True`` sink on stdout (``{"text": ..., "record": {...}}``) in a
  Falcon 3 API and Dramatiq 1.17 workers: the API's own error handler
  (``logger.opt(exception=ex).error(...)``, ``extra`` bound per request), Dramatiq's worker
  log routed into loguru by the usual ``InterceptHandler`` (so the record names
  ``dramatiq.worker``'s own call site), and plain warnings without an exception.
- cm: a NestJS 10 app on Fastify 4 with Mercurius: Fastify's pino line that Mercurius'
  default error formatter writes at level 30 (``info``) for each GraphQL error (``err.type``
  is always ``GraphQLError``; ``err.stack`` is the original error's, as graphql-js copies
  it), and Nest's ``ConsoleLogger`` text (``NO_COLOR`` set) with the stack on the next lines.
- cn: NLog's ``JsonLayout`` in an Orleans 8 silo with ``${exception:format=@}`` not encoded
  (the exception as a JSON object: ``Type``, ``TargetSite``, ``Message``, ``Data``,
  ``InnerException``, ``Source``, ``HResult``, ``StackTrace``) and in a gRPC gateway with
  ``${exception:format=tostring}``.

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it, as
in ``logs``; ``logs.FORMATS`` takes them in under these keys (prefixed with the company's
letters: no other set uses them).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable

from .delivery import Delivery
from .model import Exc
from .traces import dotnet_core_trace, loguru_traceback, node_stack

Fields = dict[str, str]

HTTP = ("GET ", "POST ", "PUT ", "DELETE ", "PATCH ")


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


# --- cl: loguru serialize=True ------------------------------------------------------------------

SITE_PACKAGES = "/usr/local/lib/python3.11/site-packages/"
# Where the records are made: the API's error handler; Dramatiq's worker thread (through the
# InterceptHandler, which walks up to the stdlib logging caller).
CL_API_SITE = ("larchholm.api.errors", "handle_unexpected", 38, "/app/larchholm/api/errors.py")
CL_WORKER_SITE = ("dramatiq.worker", "process_message", 527, SITE_PACKAGES + "dramatiq/worker.py")


def _elapsed(d: Delivery) -> dict[str, object]:
    elapsed = d.rand.uniform(60, 600_000)
    hours, rest = divmod(elapsed, 3600)
    minutes, seconds = divmod(rest, 60)
    return {
        "repr": f"{int(hours)}:{int(minutes):02d}:{seconds:09.6f}",
        "seconds": round(elapsed, 6),
    }


def _level(name: str) -> dict[str, object]:
    return {
        "ERROR": {"icon": "\u274c", "name": "ERROR", "no": 40},
        "WARNING": {"icon": "\u26a0\ufe0f", "name": "WARNING", "no": 30},
        "INFO": {"icon": "\u2139\ufe0f", "name": "INFO", "no": 20},
    }[name]


def cl_loguru(d: Delivery) -> tuple[str, Fields]:
    """One loguru record as ``serialize=True`` writes it. ``opts.msg``: a record without an
    exception (``opts.level``, default WARNING, ``opts.site`` module:function:line)."""
    worker = d.service.framework == "dramatiq"
    extra: dict[str, object]
    if "msg" in d.opts:
        level = str(d.opts.get("level", "WARNING"))
        name, function, line = str(d.opts.get("site", "larchholm.app:main:1")).split(":")
        path = "/app/" + name.replace(".", "/") + ".py"
        message = d.values.fill(str(d.opts["msg"]))
        extra = {}
        exception = None
        trace = ""
    elif worker:
        level = "ERROR"
        name, function, lineno, path = CL_WORKER_SITE
        line = str(lineno)
        call = d.values.fill(d.bug.log) if d.bug.log else f"{d.bug.entry}()"
        message = f"Failed to process message {call} with unhandled exception."
        extra = {"message_id": d.rand.uuid(), "actor": d.bug.entry}
        exc = d.thrown
        exception = {"type": exc.type, "value": exc.value, "traceback": True}
        trace = loguru_traceback(d.chain, diagnose=False, seed=f"{d.bug.id}{d.index}")
    else:
        level = "ERROR"
        name, function, lineno, path = CL_API_SITE
        line = str(lineno)
        method, _, _ = d.bug.entry.partition(" ")
        message = f"Unhandled error on {method} {d.request_path}"
        extra = {
            "request_id": d.rand.hex(32),
            "method": method,
            "path": d.request_path,
            "route": d.bug.entry.split(" ", 1)[-1],
        }
        exc = d.thrown
        exception = {"type": exc.type, "value": exc.value, "traceback": True}
        trace = loguru_traceback(
            d.chain, diagnose=bool(d.opts.get("diagnose")), seed=f"{d.bug.id}{d.index}"
        )
    stamp = f"{d.stamp('%Y-%m-%d %H:%M:%S')}.{d.millis}"
    text = f"{stamp} | {level:<8} | {name}:{function}:{line} - {message}\n"
    if trace:
        text += trace + "\n"
    process = {"id": d.rand.randint(7, 60), "name": "MainProcess"}
    thread_name = f"Thread-{d.rand.randint(2, 9)}" if worker else "MainThread"
    thread = {"id": 140_000_000_000_000 + d.rand.randint(0, 999_999_999), "name": thread_name}
    record = {
        "text": text,
        "record": {
            "elapsed": _elapsed(d),
            "exception": exception,
            "extra": extra,
            "file": {"name": path.rsplit("/", 1)[-1], "path": path},
            "function": function,
            "level": _level(level),
            "line": int(line),
            "message": message,
            "module": name.rsplit(".", 1)[-1],
            "name": name,
            "process": process,
            "thread": thread,
            "time": {"repr": d.iso(6, z=False).replace("T", " "), "timestamp": round(d.when, 6)},
        },
    }
    return json.dumps(record, ensure_ascii=False), {"level": level}


# --- cm: Fastify's pino under Mercurius, Nest's ConsoleLogger -----------------------------------


def cm_pino_mercurius(d: Delivery) -> tuple[str, Fields]:
    """Mercurius' ``defaultErrorFormatter``: ``log.info({ err: error }, error.message)`` on the
    request's pino child logger. pino's ``err`` serializer keeps the GraphQLError's own
    enumerable fields (``path``, ``locations``, ``extensions``, in graphql-js 16's order); its
    stack is the resolver error's."""
    exc = d.thrown
    path: list[object] = [
        int(p) if p.isdigit() else p for p in str(d.opts.get("gql", "query")).split(".")
    ]
    err: dict[str, object] = {
        "type": "GraphQLError",
        "message": exc.value,
        "stack": node_stack(exc, exc.value) if exc.frames else f"GraphQLError: {exc.value}",
        "path": path,
        "locations": [{"line": int(str(d.opts.get("gql_line", 2))), "column": 3}],
        "extensions": {},
    }
    record = {
        "level": 30,
        "time": d.epoch_ms,
        "pid": 1,
        "hostname": d.host,
        "reqId": f"req-{d.rand.randint(1, 4000):x}",
        "err": err,
        "msg": exc.value,
    }
    return _compact(record), {"level": "30"}


def _nest_stamp(d: Delivery) -> str:
    """``toLocaleString`` in en-US: ``03/04/2026, 2:13:07 PM``."""
    t = time.gmtime(d.when)
    hour = t.tm_hour % 12 or 12
    ampm = "AM" if t.tm_hour < 12 else "PM"
    return f"{d.stamp('%m/%d/%Y')}, {hour}:{d.stamp('%M:%S')} {ampm}"


def cm_nest_console(d: Delivery) -> tuple[str, Fields]:
    """Nest's ``ConsoleLogger.error(message, stack, context)`` without colours: ``[Nest] <pid>
    - <date>   ERROR [<context>] <message>``, the stack on the lines below. ``bug.log`` is the
    message (``<exc>`` the error's own); ``bug.logger`` the context."""
    exc = d.thrown
    context = d.bug.logger or "ExceptionsHandler"
    message = d.log_message
    head = f"[Nest] 1  - {_nest_stamp(d)}   ERROR [{context}] {message}"
    return head + "\n" + node_stack(exc, exc.value), {}


# --- cn: NLog JsonLayout ----------------------------------------------------------------------

HRESULTS = {
    "System.NullReferenceException": -2147467261,
    "System.InvalidOperationException": -2146233079,
    "System.TimeoutException": -2146233083,
    "System.OverflowException": -2146233066,
    "System.FormatException": -2146233033,
    "System.Threading.Tasks.TaskCanceledException": -2146233029,
    "System.Collections.Generic.KeyNotFoundException": -2146232969,
    "System.Net.Http.HttpRequestException": -2146232800,
    "System.IO.IOException": -2146232800,
}


def _frames_text(exc: Exc) -> str:
    lines = []
    for f in reversed(exc.frames):
        where = f" in {f.file}:line {f.line}" if f.in_app and f.file else ""
        lines.append(f"   at {f.module}.{f.function}{f.args or '()'}{where}")
        if f.boundary:
            lines.append("--- End of stack trace from previous location ---")
    return "\n".join(lines)


def _target_site(exc: Exc) -> str:
    """``Exception.TargetSite``: the method that threw; an async method's state machine
    shows as ``Void MoveNext()``."""
    if not exc.frames:
        return ""
    top = exc.frames[-1]
    if top.function.startswith("<") or top.function.endswith("Async"):
        return "Void MoveNext()"
    return f"Void {top.function}{top.args or '()'}"


def _nlog_exception(chain: list[Exc], i: int) -> dict[str, object]:
    """``${exception:format=@}``: the exception's properties, ``Type`` first, inner exceptions
    nested (NLog's default JSON serializer: no spaces)."""
    exc = chain[i]
    out: dict[str, object] = {"Type": exc.type}
    target = _target_site(exc)
    if target:
        out["TargetSite"] = target
    out["Message"] = exc.value
    out["Data"] = {}
    if i > 0:
        out["InnerException"] = _nlog_exception(chain, i - 1)
    app = [f for f in exc.frames if f.module]
    source = ".".join(app[-1].module.split(".")[:2]) if app else "System.Private.CoreLib"
    out["Source"] = source
    out["HResult"] = HRESULTS.get(exc.type, -2146233088)
    if exc.frames:
        out["StackTrace"] = _frames_text(exc)
    return out


def _nlog_attrs(pairs: list[tuple[str, object]], nested: dict[str, str]) -> str:
    """JsonLayout's own writing: ``{ "key": value, ... }``; attributes not encoded are
    pasted as they render."""
    parts = []
    for key, value in pairs:
        rendered = nested[key] if key in nested else json.dumps(value, ensure_ascii=False)
        parts.append(f"{json.dumps(key)}: {rendered}")
    return "{ " + ", ".join(parts) + " }"


def cn_nlog_silo(d: Delivery) -> tuple[str, Fields]:
    """The silo's JsonLayout: time, level, logger, message, the exception as an object, then
    the event's properties (``opts.properties``, Orleans' grain context)."""
    pairs: list[tuple[str, object]] = [
        ("time", d.iso(7)),
        ("level", "Error"),
        ("logger", d.logger),
        ("message", d.log_message),
        ("exception", None),
    ]
    props = d.opts.get("properties", {})
    assert isinstance(props, dict)
    pairs.extend((str(k), d.values.fill(str(v))) for k, v in props.items())
    pairs.append(("host", d.host))
    nested = {"exception": _compact(_nlog_exception(d.chain, len(d.chain) - 1))}
    return _nlog_attrs(pairs, nested), {"level": "Error", "logger": d.logger}


def cn_nlog_gateway(d: Delivery) -> tuple[str, Fields]:
    """The gateway's JsonLayout: ``${exception:format=tostring}`` as a string, the gRPC
    method and trace id from the request."""
    pairs: list[tuple[str, object]] = [
        ("time", d.iso(7)),
        ("level", "Error"),
        ("logger", d.logger),
        ("message", d.log_message),
        ("exception", dotnet_core_trace(d.chain)),
        ("grpc_method", d.bug.entry),
        ("trace_id", d.rand.hex(32)),
    ]
    return _nlog_attrs(pairs, {}), {"level": "Error", "logger": d.logger}


def cn_nlog_info(d: Delivery) -> tuple[str, Fields]:
    """A record without an exception (``opts.msg``, ``opts.logger``, ``opts.level``)."""
    pairs: list[tuple[str, object]] = [
        ("time", d.iso(7)),
        ("level", str(d.opts.get("level", "Warn"))),
        ("logger", str(d.opts.get("logger", d.service.name))),
        ("message", d.values.fill(str(d.opts["msg"]))),
        ("host", d.host),
    ]
    return _nlog_attrs(pairs, {}), {"level": str(d.opts.get("level", "Warn"))}


FORMATS29: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "cl-loguru": cl_loguru,
    "cm-pino-mercurius": cm_pino_mercurius,
    "cm-nest-console": cm_nest_console,
    "cn-nlog-silo": cn_nlog_silo,
    "cn-nlog-gateway": cn_nlog_gateway,
    "cn-nlog-info": cn_nlog_info,
}
