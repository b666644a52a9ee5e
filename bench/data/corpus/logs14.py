"""Log formats of blind14's companies (as, at, au): Laravel 11's ``stderr`` channel with
Monolog 3's ``JsonFormatter`` (stack traces included), pino-http's completion line for a
failed request, go-chi's ``middleware.Recoverer`` printing its "pretty" stack, zap's JSON
encoder configured for Datadog's log pipeline, and Datadog's documented Python log format
with ddtrace's log injection.

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it, as
in ``logs``; ``logs.FORMATS`` takes them in under these keys.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .model import Exc
from .traces import node_stack, php_where, python_traceback

Fields = dict[str, str]
HTTP = ("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")
PINO = "/app/node_modules/pino-http/logger.js"
# Where pino-http makes its own error: its listener on the response's ``finish`` event.
PINO_HTTP_FINISH = (
    f"    at ServerResponse.onResFinished ({PINO}:115:39)",
    f"    at ServerResponse.onResponseComplete ({PINO}:178:14)",
    "    at ServerResponse.emit (node:events:531:35)",
    "    at onFinish (node:_http_outgoing:1005:10)",
    "    at callback (node:internal/streams/writable:608:21)",
    "    at afterWrite (node:internal/streams/writable:553:5)",
    "    at afterWriteTick (node:internal/streams/writable:539:10)",
    "    at process.processTicksAndRejections (node:internal/process/task_queues:82:21)",
)
# The app's user agents: okhttp on Android, CFNetwork on iOS.
AGENTS = ("Kelpie/412 CFNetwork/1494.0.7 Darwin/23.4.0", "okhttp/4.9.2")
JSON_UTF8 = "application/json; charset=utf-8"


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


def _sqlstate_code(message: str) -> int:
    """Monolog casts ``getCode()`` to int: PDO's SQLSTATE ``23505`` stays a number, ``HY000``
    and ``08006`` become 0 and 8006."""
    if message.startswith("SQLSTATE["):
        state = message[9:14]
        return int(state) if state.isdigit() else 0
    return 0


def _monolog_exception(chain: list[Exc], i: int, traces: bool = True) -> dict[str, object]:
    """``NormalizerFormatter::normalizeException``: the class, message, int code,
    ``file:line`` where it was made, each trace entry's call site (entries without a file,
    internal calls, are left out), then the ``previous`` exception. ``JsonFormatter`` drops
    ``trace`` unless it was made with ``includeStacktraces``."""
    exc = chain[i]
    frames = list(exc.frames)
    data: dict[str, object] = {
        "class": exc.type,
        "message": exc.value,
        "code": _sqlstate_code(exc.value),
        "file": php_where(exc),
    }
    trace = [f"{f.file}:{f.line}" for f in reversed(frames[:-1]) if f.file]
    if trace and traces:
        data["trace"] = trace
    if i > 0:
        data["previous"] = _monolog_exception(chain, i - 1, traces)
    return data


def monolog_json(d: Delivery) -> tuple[str, Fields]:
    """Laravel 11's ``stderr`` channel with ``LOG_STDERR_FORMATTER=Monolog\\Formatter\\
    JsonFormatter``: one JSON object a line, the channel named after the environment, the
    exception normalised into ``context.exception``; a signed-in user adds ``userId``. With
    ``opts.half`` the channel was left without ``formatter_with: includeStacktraces``: only
    the throw site of each exception is kept."""
    context: dict[str, object] = {}
    if d.bug.entry.startswith(HTTP) and d.index % 3 != 1:
        context["userId"] = int(d.values["user"])
    traces = not d.opts.get("half")
    context["exception"] = _monolog_exception(list(d.chain), len(d.chain) - 1, traces)
    record = {
        "message": d.thrown.value,
        "context": context,
        "level": 400,
        "level_name": "ERROR",
        "channel": "production",
        "datetime": d.iso(6, z=False),
        "extra": {},
    }
    return _compact(record), {"level_name": "ERROR", "channel": "production"}


def _node_error(exc: Exc, chain: list[Exc]) -> dict[str, object]:
    """pino-std-serializers' ``err``: the constructor's name, the message and stack with each
    ``cause`` appended, then the error's own enumerable fields."""
    message = exc.value
    stack = node_stack(exc, exc.value)
    for cause in reversed(chain[:-1]):
        message += f": {cause.value}"
        stack += "\ncaused by: " + node_stack(cause, cause.value)
    return {"type": exc.type, "message": message, "stack": stack}


def pino_http(d: Delivery) -> tuple[str, Fields]:
    """pino-http's line when a response finishes with an error (``customLogLevel`` makes it
    ``error``): the request and response serialised, ``err`` the error the Express error
    handler put on ``res.err``, or, where a route answered 500 itself (``opts.no_err``),
    pino-http's own ``failed with status code 500`` made inside its finish listener."""
    method, _, _ = d.bug.entry.partition(" ")
    status = int(str(d.opts.get("status", 500)))
    if d.opts.get("no_err"):
        err: dict[str, object] = {
            "type": "Error",
            "message": f"failed with status code {status}",
            "stack": "\n".join((f"Error: failed with status code {status}", *PINO_HTTP_FINISH)),
        }
    else:
        err = _node_error(d.thrown, list(d.chain))
        extra = d.opts.get("err_fields", {})
        assert isinstance(extra, dict)
        err.update({str(k): v for k, v in extra.items()})
    req_id = d.rand.uuid()
    record = {
        "level": 50,
        "time": d.epoch_ms,
        "pid": 1,
        "hostname": d.host,
        "req": {
            "id": req_id,
            "method": method,
            "url": d.request_path,
            "query": {},
            "params": {},
            "headers": {
                "host": f"api.{d.company.domain}",
                "user-agent": str(
                    d.opts.get(
                        "ua",
                        "okhttp/4.9.2"
                        if d.index % 2
                        else "Kelpie/412 CFNetwork/1494.0.7 Darwin/23.4.0",
                    )
                ),
                "x-request-id": req_id,
                "x-forwarded-for": d.values["ip"],
            },
            "remoteAddress": f"::ffff:{d.values['ip']}",
            "remotePort": int(d.values["port"]),
        },
        "res": {
            "statusCode": status,
            "headers": {
                "x-powered-by": "Express",
                "content-type": "application/json; charset=utf-8",
            },
        },
        "err": err,
        "responseTime": d.rand.randint(8, 10_500),
        "msg": "request errored",
    }
    return _compact(record), {"level": "50", "msg": "request errored"}


def pino_app(d: Delivery) -> tuple[str, Fields]:
    """pino from code outside a request (node-cron jobs): ``logger.error({ err, job }, msg)``
    with the ``err`` serializer."""
    record: dict[str, object] = {
        "level": 50,
        "time": d.epoch_ms,
        "pid": 1,
        "hostname": d.host,
        "job": d.bug.entry,
        "err": _node_error(d.thrown, list(d.chain)),
        "msg": d.log_message,
    }
    return _compact(record), {"level": "50", "msg": d.log_message}


def chi_pretty(d: Delivery) -> tuple[str, Fields]:
    """go-chi's ``middleware.Recoverer`` without a log entry: ``PrintPrettyStack`` on stderr
    (no colour: not a terminal). It keeps only the frames below ``panic(``, the panicking
    function first and marked ``->`` with its file, the arguments and offsets cut."""
    exc = d.thrown
    # A bounds check panics from the runtime's helper: it is the frame below ``panic(``.
    calls = [(f"{f.module}.{f.function}", f"{f.file}:{f.line}") for f in reversed(exc.frames)]
    if "index out of range" in exc.value:
        calls.insert(0, ("runtime.goPanicIndex", "/usr/local/go/src/runtime/panic.go:115"))
    if "nil pointer dereference" in exc.value:
        calls[:0] = [
            ("runtime.panicmem", "/usr/local/go/src/runtime/panic.go:262"),
            ("runtime.sigpanic", "/usr/local/go/src/runtime/signal_unix.go:917"),
        ]
    # The write starts with a newline; the agent's multi-line rule (``^ panic:``) drops that
    # empty line and aggregates the rest into one event.
    lines = [f" panic: {exc.value}", " "]
    for i, (call, where) in enumerate(calls):
        lines.append((" -> " if i == 0 else "    ") + call)
        if i == 0:
            lines += [f" ->   {where}", ""]
        else:
            lines.append(f"      {where}")
    return "\n".join(lines), {}


def zap_dd(d: Delivery) -> tuple[str, Fields]:
    """zap's production JSON encoder with the keys Datadog's pipeline reads (``timestamp`` in
    ISO 8601, ``message``), a named logger, the trace ids from dd-trace-go added by the
    team's middleware, the error as a string (no type) and the stack of the log call
    (``opts.caller_frames``: how many innermost frames are the logging helper's)."""
    frames = d.frames
    caller = frames[-1]
    record: dict[str, object] = {
        "level": "error",
        "timestamp": d.iso(3),
        "logger": str(d.opts.get("logger", d.bug.logger or d.service.name)),
        "caller": "/".join(caller.file.split("/")[-2:]) + f":{caller.line}",
        "message": str(d.opts.get("msg", d.bug.log or "request failed")),
        "service": d.service.name,
        "dd.trace_id": str(d.rand.randint(10**18, 9 * 10**18)),
        "dd.span_id": str(d.rand.randint(10**18, 9 * 10**18)),
    }
    if d.bug.entry.startswith(HTTP):
        record.update(method=d.bug.entry.split(" ", 1)[0], path=d.request_path)
    attrs = d.opts.get("attrs", {})
    assert isinstance(attrs, dict)
    record.update({str(k): d.values.fill(str(v)) for k, v in attrs.items()})
    record["error"] = d.thrown.value
    record["stacktrace"] = "\n".join(
        f"{f.module}.{f.function}\n\t{f.file}:{f.line}" for f in reversed(frames)
    )
    return _compact(record), {"level": "error", "message": str(record["message"])}


def dd_python_text(d: Delivery) -> tuple[str, Fields]:
    """Datadog's documented format for ddtrace's log injection, ``%(asctime)s %(levelname)s
    [%(name)s] [%(filename)s:%(lineno)d] [dd.service=… dd.env=… dd.version=… dd.trace_id=…
    dd.span_id=…] - %(message)s``; Flask's ``log_exception`` logs from ``app.py``, the
    traceback below."""
    if d.bug.log:
        logger, where, message = d.logger, str(d.opts.get("where", "views.py:40")), d.log_message
    else:
        method = d.bug.entry.split(" ", 1)[0]
        logger, where = d.service.name, "app.py:838"
        message = f"Exception on {d.request_path} [{method}]"
    version = d.company.releases[d.release]
    head = (
        f"{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis} ERROR [{logger}] [{where}] "
        f"[dd.service={d.service.name} dd.env=prod dd.version={version} "
        f"dd.trace_id={d.rand.randint(10**18, 9 * 10**18)} "
        f"dd.span_id={d.rand.randint(10**18, 9 * 10**18)}] - {message}"
    )
    return head + "\n" + python_traceback(d.chain, carets=True), {"levelname": "ERROR"}


FORMATS14: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "monolog-json": monolog_json,
    "pino-http": pino_http,
    "pino-app": pino_app,
    "chi-pretty": chi_pretty,
    "zap-dd": zap_dd,
    "dd-python-text": dd_python_text,
}

__all__ = ["FORMATS14"]
