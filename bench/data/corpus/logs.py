"""Log lines as each company's services write them, with the trace where their logging puts
it: inside a JSON string (python-json-logger ``exc_info``, structlog ``exception``,
logstash-logback-encoder ``stack_trace``, pino ``err.stack``, winston ``stack``, zap
``stacktrace``, Serilog ``@x``, Monolog's ``exception``), as JSON structure (structlog's
``dict_tracebacks``) or as raw lines after a prefix (logback, Celery, Go panics, zap's console
encoder, Rails, ActiveJob, Sidekiq, Serilog's text).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from .delivery import Delivery
from .traces import (
    dotnet_core_trace,
    dotnet_trace,
    go_panic,
    java_trace,
    node_stack,
    php_name,
    php_trace,
    py_abs_path,
    python_repr,
    python_stack_info,
    python_traceback,
    ruby_backtrace,
    zap_stacktrace,
)

Fields = dict[str, str]


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


def python_json(d: Delivery) -> tuple[str, Fields]:
    """python-json-logger's ``JsonFormatter`` (``json.dumps`` defaults: ", " and ": ")."""
    record: dict[str, object] = {
        "asctime": d.stamp("%Y-%m-%d %H:%M:%S") + "," + d.millis,
        "levelname": "ERROR",
        "name": d.logger,
        "message": d.log_message,
    }
    if d.bug.message_event:
        record["stack_info"] = python_stack_info(d.frames)
    else:
        record["exc_info"] = python_traceback(d.chain)
    record["request_id"] = d.rand.hex(32)
    if d.bug.entry.startswith(("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")):
        record["path"] = d.request_path
    return json.dumps(record), {"levelname": "ERROR", "name": d.logger}


def structlog_json(d: Delivery, carets: bool = False) -> tuple[str, Fields]:
    """structlog's ``JSONRenderer`` after ``add_logger_name``, ``add_log_level``,
    ``TimeStamper(fmt="iso")`` and ``format_exc_info``; with ``carets``, on Python 3.11,
    whose tracebacks underline the failing expression."""
    record: dict[str, object] = {"event": d.log_message}
    if d.bug.entry and "." in d.bug.entry and " " not in d.bug.entry:
        record["task"] = d.bug.entry
        record["task_id"] = d.rand.uuid()
    record.update(logger=d.logger, level="error", timestamp=d.iso(6))
    record["exception"] = python_traceback(d.chain, carets)
    return json.dumps(record), {"level": "error", "logger": d.logger}


def structlog_carets(d: Delivery) -> tuple[str, Fields]:
    return structlog_json(d, carets=True)


def structlog_dict(d: Delivery) -> tuple[str, Fields]:
    """structlog's ``JSONRenderer`` after ``dict_tracebacks`` (``ExceptionDictTransformer``
    with ``show_locals=False``): the exception is a list of stacks, the thrown one first and
    each cause after it, frames as ``filename``/``lineno``/``name`` without source lines."""
    stacks = [
        {
            "exc_type": exc.type,
            "exc_value": exc.value,
            "exc_notes": [],
            "syntax_error": None,
            "is_cause": i > 0,
            "frames": [
                {"filename": py_abs_path(f), "lineno": f.line, "name": f.function}
                for f in exc.frames
            ],
            "is_group": False,
            "exceptions": [],
        }
        for i, exc in enumerate(reversed(d.chain))
    ]
    record: dict[str, object] = {"event": d.log_message, "request_id": d.rand.uuid()}
    if d.bug.entry.startswith(("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")):
        record.update(method=d.bug.entry.split(" ", 1)[0], path=d.request_path)
    record.update(level="error", logger=d.logger, timestamp=d.iso(6), exception=stacks)
    return json.dumps(record), {"level": "error", "logger": d.logger}


def celery_text(d: Delivery) -> tuple[str, Fields]:
    """Celery's worker log: the 'raised unexpected' line, then the traceback."""
    head = (
        f"[{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis}: ERROR/ForkPoolWorker-{d.rand.randint(1, 8)}] "
        f"Task {d.bug.entry}[{d.rand.uuid()}] raised unexpected: {python_repr(d.thrown)}"
    )
    return head + "\n" + python_traceback(d.chain), {}


def _abbreviate(logger: str, width: int = 39) -> str:
    """logback's ``%logger{39}``: leading packages shortened to their first letter."""
    parts = logger.split(".")
    for i in range(len(parts) - 1):
        if len(".".join(parts)) <= width:
            break
        parts[i] = parts[i][0]
    return ".".join(parts)


def logback_text(d: Delivery) -> tuple[str, Fields]:
    """Spring Boot 3's console pattern; ``opts.root_first`` is a ``%rEx`` pattern."""
    thread = str(d.opts.get("thread", f"nio-8080-exec-{d.rand.randint(1, 10)}"))
    head = (
        f"{d.iso(3)} ERROR 1 --- [{d.service.name}] [{thread:>15}] "
        f"{_abbreviate(d.logger):<40}: {d.log_message}"
    )
    # Tomcat's "threw exception [...] with root cause" prints the root cause alone.
    chain = d.chain[:1] if "with root cause" in d.log_message else d.chain
    trace = java_trace(chain, root_first=bool(d.opts.get("root_first")))
    return head + "\n" + trace, {}


def logstash_json(d: Delivery) -> tuple[str, Fields]:
    """logstash-logback-encoder; ``opts.half``: ``maxDepthPerThrowable`` cuts each throwable."""
    depth = int(str(d.opts.get("half", 0)))
    record = {
        "@timestamp": d.iso(3),
        "@version": "1",
        "message": d.log_message,
        "logger_name": d.logger,
        "thread_name": f"http-nio-8080-exec-{d.rand.randint(1, 10)}",
        "level": "ERROR",
        "level_value": 40000,
        "stack_trace": java_trace(d.chain, depth=depth) + "\n",
        "dd.trace_id": str(d.rand.randint(10**18, 9 * 10**18)),
        "dd.span_id": str(d.rand.randint(10**18, 9 * 10**18)),
        "dd.service": d.service.name,
        "dd.env": "prod",
    }
    return _compact(record), {"level": "ERROR", "logger_name": d.logger}


def go_panic_text(d: Delivery) -> tuple[str, Fields]:
    """A handler panic that net/http recovered and logged to stderr."""
    remote = f"{d.values['ip']}:{d.values['port']}"
    return go_panic(d.thrown, d.rand.randint(200, 99_999), remote, d.stamp("%Y/%m/%d %H:%M:%S")), {}


def zap_json(d: Delivery) -> tuple[str, Fields]:
    """zap's production JSON: the error as a string, no type; the stack of the log call."""
    frames = d.frames
    caller = frames[-1]
    record = {
        "level": "error",
        "ts": round(d.when, 6),
        "caller": "/".join(caller.file.split("/")[-2:]) + f":{caller.line}",
        "msg": str(d.opts.get("msg", d.bug.log or "request failed")),
    }
    if d.bug.entry.startswith(("GET ", "POST ", "PUT ", "DELETE ")):
        record.update(method=d.bug.entry.split(" ", 1)[0], path=d.request_path)
    record["error"] = d.thrown.value
    record["stacktrace"] = zap_stacktrace(frames)
    return _compact(record), {"level": "error", "msg": str(record["msg"])}


def zap_console(d: Delivery) -> tuple[str, Fields]:
    """zap's console encoder: time, level, caller and message tab-separated, the fields as
    spaced JSON, then the stack of the log call on the following lines."""
    frames = d.frames
    caller = frames[-1]
    msg = str(d.opts.get("msg", d.bug.log or "request failed"))
    fields: dict[str, object] = {}
    if d.bug.entry.startswith(("GET ", "POST ", "PUT ", "DELETE ")):
        fields.update(method=d.bug.entry.split(" ", 1)[0], path=d.request_path)
    fields["error"] = d.thrown.value
    head = "\t".join(
        (
            d.iso(3),
            "error",
            "/".join(caller.file.split("/")[-2:]) + f":{caller.line}",
            msg,
            json.dumps(fields, ensure_ascii=False),
        )
    )
    return head + "\n" + zap_stacktrace(frames), {}


def pino_json(d: Delivery) -> tuple[str, Fields]:
    """pino with its ``err`` serializer (type, message, stack)."""
    exc = d.thrown
    record = {
        "level": 50,
        "time": d.epoch_ms,
        "pid": d.rand.randint(1, 40),
        "hostname": d.host,
        "reqId": f"req-{d.rand.alnum(4)}",
        "err": {"type": exc.type, "message": exc.value, "stack": node_stack(exc, exc.value)},
        "msg": d.log_message,
    }
    return _compact(record), {"level": "50", "msg": d.log_message}


def winston_json(d: Delivery) -> tuple[str, Fields]:
    """winston's ``json()`` after ``errors({stack: true})`` and ``timestamp()``."""
    exc = d.thrown
    record = {
        "level": "error",
        "message": f"{d.bug.log}: {exc.value}" if d.bug.log else exc.value,
        "service": d.service.name,
        "stack": node_stack(exc, exc.value),
        "timestamp": d.iso(3),
    }
    return _compact(record), {"level": "error"}


def rails_text(d: Delivery) -> tuple[str, Fields]:
    """Rails' production log: FATAL with the request id tag on every line, cleaned backtrace."""
    tag = f"[{d.rand.uuid()}]"
    exc = d.thrown
    lines = [
        f"F, [{d.iso(6, z=False)[:-6]} #{d.rand.randint(7, 90)}] FATAL -- : {tag} ",
        f"{tag} {exc.type} ({exc.value}):",
        f"{tag}   ",
        *(f"{tag} {line}" for line in ruby_backtrace(exc)),
    ]
    return "\n".join(lines), {}


def activejob_text(d: Delivery) -> tuple[str, Fields]:
    """Rails' log of a failed ActiveJob run (``ActiveJob::LogSubscriber#perform``): the tags
    and "Error performing ..." on the first line, then the full backtrace, one path a line."""
    exc = d.thrown
    job, jid = d.bug.entry, d.rand.uuid()
    took = round(d.rand.uniform(4, 900), 2)
    head = (
        f"E, [{d.iso(6, z=False)[:-6]} #{d.rand.randint(7, 90)}] ERROR -- : "
        f"[ActiveJob] [{job}] [{jid}] Error performing {job} (Job ID: {jid}) from "
        f"Sidekiq(default) in {took}ms: {exc.type} ({exc.value}):"
    )
    return "\n".join([head, *ruby_backtrace(exc, app_only=False)]), {}


def sidekiq_text(d: Delivery) -> tuple[str, Fields]:
    """Sidekiq 7's default log: the failure, the job, the error and its full backtrace."""
    exc = d.thrown
    prefix = f"{d.iso(3)} pid={d.rand.randint(7, 90)} tid={d.rand.alnum(4)}"
    jid = d.rand.hex(24)
    job = {
        "retry": True,
        "queue": "default",
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
        *(f"{prefix} WARN: {line}" for line in ruby_backtrace(exc, app_only=False)),
    ]
    return "\n".join(lines), {}


def serilog_json(d: Delivery) -> tuple[str, Fields]:
    """Serilog's compact JSON (CLEF): the template, ``@x`` the exception's ToString()."""
    record = {
        "@t": d.iso(7),
        "@mt": d.bug.log or "Unhandled exception",
        "@l": "Error",
        "@x": dotnet_trace(d.chain),
    }
    for name in re.findall(r"\{([A-Z][A-Za-z]+)\}", str(record["@mt"])):
        record[name] = d.values["uuid"]
    record["SourceContext"] = d.logger
    if d.bug.entry:
        record["RequestPath"] = d.request_path
    record["ConnectionId"] = d.rand.alnum(13).upper()
    return _compact(record), {"@l": "Error", "SourceContext": d.logger}


def serilog_text(d: Delivery) -> tuple[str, Fields]:
    """Serilog's file sink with the template ``{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz}
    [{Level:u3}] ({SourceContext}) {Message:lj}{NewLine}{Exception}``."""
    head = f"{d.stamp('%Y-%m-%d %H:%M:%S')}.{d.millis} +00:00 [ERR] ({d.logger}) {d.log_message}"
    return head + "\n" + dotnet_core_trace(d.chain), {}


def monolog_text(d: Delivery) -> tuple[str, Fields]:
    """Laravel's default ``single`` channel: message, context JSON with the stack trace."""
    exc = d.thrown
    where, lines = php_trace(exc)
    exception = (
        f"[object] ({exc.type}(code: 0): {exc.value} at {where})\n[stacktrace]\n"
        + "\n".join(lines)
        + "\n"
    )
    context = json.dumps(
        {"userId": int(d.values["user"]), "exception": exception}, separators=(",", ":")
    )
    # Monolog's LineFormatter keeps the stack trace's newlines as they are.
    context = context.replace("\\n", "\n")
    line = f"[{d.stamp('%Y-%m-%d %H:%M:%S')}] production.ERROR: {exc.value} {context} "
    return line, {}


FORMATS: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "python-json": python_json,
    "structlog": structlog_json,
    "celery": celery_text,
    "logback": logback_text,
    "logstash": logstash_json,
    "go-panic": go_panic_text,
    "zap": zap_json,
    "pino": pino_json,
    "winston": winston_json,
    "rails": rails_text,
    "sidekiq": sidekiq_text,
    "serilog": serilog_json,
    "monolog": monolog_text,
    "structlog-carets": structlog_carets,
    "structlog-dict": structlog_dict,
    "zap-console": zap_console,
    "activejob": activejob_text,
    "serilog-text": serilog_text,
}

__all__ = ["FORMATS", "php_name"]
