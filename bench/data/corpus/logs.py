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
from .logs7 import FORMATS7
from .logs8 import FORMATS8
from .logs9 import FORMATS9
from .logs10 import FORMATS10
from .logs11 import FORMATS11
from .logs12 import FORMATS12
from .logs13 import FORMATS13
from .logs14 import FORMATS14
from .logs15 import FORMATS15
from .logs16 import FORMATS16
from .logs17 import FORMATS17
from .logs18 import FORMATS18
from .logs19 import FORMATS19
from .logs20 import FORMATS20
from .logs21 import FORMATS21
from .logs22 import FORMATS22
from .logs23 import FORMATS23
from .logs25 import FORMATS25
from .logs26 import FORMATS26
from .logs27 import FORMATS27
from .logs28 import FORMATS28
from .logs29 import FORMATS29
from .logs30 import FORMATS30
from .logs31 import FORMATS31
from .logs32 import FORMATS32
from .logs33 import FORMATS33
from .logs34 import FORMATS34
from .logs35 import FORMATS35
from .logs36 import FORMATS36
from .logs37 import FORMATS37
from .logs38 import FORMATS38
from .logs39 import FORMATS39
from .logs40 import FORMATS40
from .logs41 import FORMATS41
from .logs42 import FORMATS42
from .logs43 import FORMATS43
from .logs44 import FORMATS44
from .logs45 import FORMATS45
from .logs46 import FORMATS46
from .logs47 import FORMATS47
from .logs48 import FORMATS48
from .logs49 import FORMATS49
from .logs50 import FORMATS50
from .logs51 import FORMATS51
from .logs52 import FORMATS52
from .logs53 import FORMATS53
from .logs54 import FORMATS54
from .logs55 import FORMATS55
from .logs56 import FORMATS56
from .logs57 import FORMATS57
from .logs58 import FORMATS58
from .logs59 import FORMATS59
from .logs60 import FORMATS60
from .logs61 import FORMATS61
from .logs62 import FORMATS62
from .logs63 import FORMATS63
from .logs64 import FORMATS64
from .logs65 import FORMATS65
from .logs66 import FORMATS66
from .logs67 import FORMATS67
from .logs68 import FORMATS68
from .logs69 import FORMATS69
from .logs70 import FORMATS70
from .logs71 import FORMATS71
from .logs72 import FORMATS72
from .logs73 import FORMATS73
from .logs74 import FORMATS74
from .logs75 import FORMATS75
from .logs76 import FORMATS76
from .logs77 import FORMATS77
from .logs78 import FORMATS78
from .logs79 import FORMATS79
from .logs80 import FORMATS80
from .logs81 import FORMATS81
from .logs82 import FORMATS82
from .logs83 import FORMATS83
from .logs84 import FORMATS84
from .logs85 import FORMATS85
from .logs86 import FORMATS86
from .logs87 import FORMATS87
from .logs88 import FORMATS88
from .logs89 import FORMATS89
from .logs90 import FORMATS90
from .logs91 import FORMATS91
from .logs92 import FORMATS92
from .logs93 import FORMATS93
from .logs94 import FORMATS94
from .logs95 import FORMATS95
from .logs96 import FORMATS96
from .logs97 import FORMATS97
from .logs98 import FORMATS98
from .logs99 import FORMATS99
from .logs100 import FORMATS100
from .logs101 import FORMATS101
from .logs102 import FORMATS102
from .logs103 import FORMATS103
from .logs104 import FORMATS104
from .logs105 import FORMATS105
from .logs106 import FORMATS106
from .logs107 import FORMATS107
from .logs108 import FORMATS108
from .logs109 import FORMATS109
from .logs110 import FORMATS110
from .logs111 import FORMATS111
from .logs112 import FORMATS112
from .logs113 import FORMATS113
from .logs114 import FORMATS114
from .logs115 import FORMATS115
from .logs116 import FORMATS116
from .logs117 import FORMATS117
from .logs118 import FORMATS118
from .logs119 import FORMATS119
from .logs120 import FORMATS120
from .logs121 import FORMATS121
from .logs122 import FORMATS122
from .logs123 import FORMATS123
from .logs124 import FORMATS124
from .logs125 import FORMATS125
from .logs126 import FORMATS126
from .model import Exc
from .rand import stable_int
from .releases import RN_BUNDLES
from .stacks import PLAY_ERROR_HANDLER
from .traces import (
    dart_trace,
    dotnet_core_trace,
    dotnet_trace,
    elixir_exception,
    go_debug_stack,
    go_panic,
    java_trace,
    loguru_traceback,
    monolog_exception,
    node_stack,
    php_name,
    php_trace,
    php_where,
    pkg_errors_verbose,
    py_abs_path,
    python_repr,
    python_stack_info,
    python_traceback,
    rn_stack,
    ruby_backtrace,
    rust_panic_location,
    rust_short_backtrace,
    rust_std_backtrace,
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


def python_json_dd(d: Delivery) -> tuple[str, Fields]:
    """python-json-logger's ``JsonFormatter`` with ``rename_fields`` (``levelname`` -> ``level``,
    ``name`` -> ``logger``) and ``timestamp=True``, behind ddtrace's log injection: the
    ``dd.*`` record attributes come out as extra fields, the timestamp last."""
    record: dict[str, object] = {
        "asctime": d.stamp("%Y-%m-%d %H:%M:%S") + "," + d.millis,
        "level": "ERROR",
        "logger": d.logger,
        "message": d.log_message,
    }
    if d.bug.message_event:
        record["stack_info"] = python_stack_info(d.frames)
    else:
        record["exc_info"] = python_traceback(d.chain)
    if d.bug.entry.startswith(("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")):
        record.update(method=d.bug.entry.split(" ", 1)[0], path=d.request_path)
    elif d.bug.entry:
        record.update(task_name=d.bug.entry, task_id=d.rand.uuid())
    record.update(_dd_fields(d, d.service.name))
    record["timestamp"] = d.iso(6, z=False)
    return json.dumps(record), {"level": "ERROR", "logger": d.logger}


def _dd_fields(d: Delivery, service: str) -> dict[str, object]:
    return {
        "dd.trace_id": str(d.rand.randint(10**18, 9 * 10**18)),
        "dd.span_id": str(d.rand.randint(10**18, 9 * 10**18)),
        "dd.service": service,
        "dd.env": "prod",
        "dd.version": d.company.releases[d.release],
    }


def client_error(d: Delivery) -> tuple[str, Fields]:
    """A mobile app's error as the API logs it when the app reports it to the API's
    client-errors endpoint (python-json-logger as in ``python_json_dd``): the app's own
    ``error.stack``, Hermes or JavaScriptCore, in a JSON string. ``opts.relay`` names the API."""
    relay = str(d.opts.get("relay", "api"))
    exc = d.thrown
    device = d.browser
    app = d.company.name.split()[0]
    record: dict[str, object] = {
        "asctime": d.stamp("%Y-%m-%d %H:%M:%S") + "," + d.millis,
        "level": "ERROR",
        "logger": d.bug.logger or "client_errors",
        "message": d.log_message,
        "platform": "android" if device == "android" else "ios",
        "app_version": d.release_name.partition("@")[2],
        "screen": d.bug.page,
        "is_fatal": not d.bug.handled,
        "error_name": exc.type,
        "error_message": exc.value,
        "js_stack": rn_stack(exc, exc.value, device, app, d.release),
        "js_engine": "jsc" if device == "ios-jsc" else "hermes",
        "bundle": RN_BUNDLES.get(device, ""),
        "method": "POST",
        "path": "/v1/client-errors/",
    }
    record.update(_dd_fields(d, relay))
    record["timestamp"] = d.iso(6, z=False)
    return json.dumps(record), {"host": d.pod(relay), "level": "ERROR"}


def _quarkus_exception(chain: list[Exc], i: int = 0) -> dict[str, object]:
    """jboss-logmanager's structured exception: the thrown one, ``causedBy`` each cause."""
    exc = chain[i]
    frames: list[dict[str, object]] = []
    for f in reversed(exc.frames):
        frame: dict[str, object] = {"class": f.module, "method": f.function}
        if f.line > 0:
            frame["line"] = f.line
        frames.append(frame)
    out: dict[str, object] = {"refId": i + 1, "exceptionType": exc.text_name}
    if exc.value:
        out["message"] = exc.value
    out["frames"] = frames
    if i + 1 < len(chain):
        out["causedBy"] = {"exception": _quarkus_exception(chain, i + 1)}
    return out


def quarkus_json(d: Delivery, formatted: bool = False) -> tuple[str, Fields]:
    """Quarkus' JSON console log (jboss-logmanager's ``JsonFormatter``); the exception as
    structure (``exception-output-type=detailed``: ``exception.frames``, ``causedBy``) or,
    with ``formatted``, as ``printStackTrace`` text in ``stackTrace``."""
    record: dict[str, object] = {
        "timestamp": d.iso(3),
        "sequence": d.rand.randint(2_000, 900_000),
        "loggerClassName": "org.jboss.logging.Logger",
        "loggerName": d.logger,
        "level": "ERROR",
        "message": d.log_message,
        "threadName": str(d.opts.get("thread", f"executor-thread-{d.rand.randint(1, 24)}")),
        "threadId": d.rand.randint(40, 400),
        "mdc": {"spanId": d.rand.hex(16), "traceId": d.rand.hex(32), "sampled": "true"},
        "ndc": "",
        "hostName": d.host,
        "processName": "quarkus-run.jar",
        "processId": 1,
    }
    if formatted:
        record["stackTrace"] = java_trace(d.chain) + "\n"
    else:
        record["exception"] = _quarkus_exception(list(reversed(d.chain)))
    return _compact(record), {"level": "ERROR", "loggerName": d.logger}


def quarkus_json_formatted(d: Delivery) -> tuple[str, Fields]:
    return quarkus_json(d, formatted=True)


def laravel_text(d: Delivery) -> tuple[str, Fields]:
    """Laravel 11's daily channel: ``production.ERROR: <message> {context}``, the context's
    ``exception`` normalised by Monolog with each ``[previous exception]``; the JSON keeps
    its escaped backslashes while Monolog turns the escaped newlines back into line breaks.
    A signed-in customer adds ``userId``."""
    exc = d.thrown
    codes = [_sqlstate(e.value) for e in reversed(d.chain)]
    context: dict[str, object] = {}
    if d.index % 3 != 2 and d.bug.entry.startswith(("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")):
        context["userId"] = int(d.values["user"])
    context["exception"] = fill_args(d, monolog_exception(d.chain, codes))
    encoded = json.dumps(context, ensure_ascii=False, separators=(",", ":"))
    encoded = re.sub(r"(?<!\\)\\n", "\n", encoded)
    line = f"[{d.stamp('%Y-%m-%d %H:%M:%S')}] production.ERROR: {exc.value} {encoded} "
    return line, {}


def fill_args(d: Delivery, trace: str) -> str:
    """A PHP trace's call arguments show the delivery's ids where a frame writes ``{id}``
    (``{main}`` and the rest of the trace's braces stay as they are)."""
    return re.sub(r"\{(id|user)\}", lambda m: d.values[m.group(1)], trace)


def _sqlstate(message: str) -> str:
    """A PDO or query exception's code is its SQLSTATE; other exceptions' is 0."""
    m = re.match(r"SQLSTATE\[(\w+)\]", message)
    return m.group(1) if m else "0"


def _logrus_caller(d: Delivery) -> tuple[str, str]:
    """logrus' ``ReportCaller``: the function that logged and its file:line. ``bug.logger``
    names it (``func file:line``) where that is not the innermost frame."""
    if " " in d.bug.logger:
        func, where = d.bug.logger.split(" ", 1)
        return func, where
    f = [f for f in d.frames if f.in_app][-1]
    return f"{f.module}.{f.function}", f"{f.file}:{f.line}"


def _logrus_fields(d: Delivery) -> dict[str, object]:
    fields: dict[str, object] = {"error": d.thrown.value}
    if d.bug.entry.startswith(("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")):
        fields.update(method=d.bug.entry.split(" ", 1)[0], path=d.request_path)
        fields["status"] = int(str(d.opts.get("status", 502)))
        fields["request_id"] = d.rand.uuid()
    if d.opts.get("stack"):
        fields["stack"] = pkg_errors_verbose(d.chain)
    return fields


def logrus_text(d: Delivery) -> tuple[str, Fields]:
    """logrus' ``TextFormatter`` without a terminal: time, level, msg, func and file first,
    the other fields sorted; a value with spaces or escapes is quoted Go-style (``%q``),
    so a stack in a field is one line with ``\n`` and ``\t`` escapes."""
    func, where = _logrus_caller(d)
    msg = str(d.opts.get("msg", d.bug.log or "request failed"))
    pairs: list[tuple[str, object]] = [
        ("time", d.stamp("%Y-%m-%dT%H:%M:%SZ")),
        ("level", "error"),
        ("msg", msg),
        ("func", func),
        ("file", where),
    ]
    pairs.extend(sorted(_logrus_fields(d).items()))
    return " ".join(f"{k}={_logrus_value(v)}" for k, v in pairs), {"level": "error", "msg": msg}


def _logrus_value(value: object) -> str:
    text = str(value)
    if text and all(c.isalnum() or c in "-._/@^+" for c in text):
        return text
    return json.dumps(text, ensure_ascii=False)


def logrus_json(d: Delivery) -> tuple[str, Fields]:
    """logrus' ``JSONFormatter``: ``encoding/json`` of a map, keys sorted, ``<``, ``>`` and
    ``&`` escaped as Go escapes HTML."""
    func, where = _logrus_caller(d)
    msg = str(d.opts.get("msg", d.bug.log or "request failed"))
    record: dict[str, object] = {
        **_logrus_fields(d),
        "file": where,
        "func": func,
        "level": "error",
        "msg": msg,
        "time": d.stamp("%Y-%m-%dT%H:%M:%SZ"),
    }
    text = json.dumps(dict(sorted(record.items())), ensure_ascii=False, separators=(",", ":"))
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(ch, esc)
    return text, {"level": "error", "msg": msg}


def sidekiq_transaction(d: Delivery) -> tuple[str, Fields]:
    """A Splunk ``transaction tid`` over Sidekiq 7's pretty log of one failure: the job's
    ``fail`` line, then its error handler's three calls (the context, ``Class: message``,
    the backtrace after Rails' cleaner, one call, so its first line alone has the prefix)."""
    exc = d.thrown
    job = d.bug.entry
    queue = str(d.opts.get("queue", "default"))
    pid, tid, jid = d.rand.randint(7, 90), d.rand.alnum(4), d.rand.hex(24)
    elapsed = round(d.rand.uniform(0.2, 30), 3)
    ctx = {
        "context": "Job raised exception",
        "job": {
            "retry": 5,
            "queue": queue,
            "class": job,
            "args": [int(d.values["id"])],
            "jid": jid,
            "created_at": round(d.when - 600, 3),
            "enqueued_at": round(d.when - elapsed - 1, 3),
            "error_message": exc.value,
            "error_class": exc.type,
            "failed_at": round(d.when - 590, 3),
            "retry_count": d.rand.randint(0, 4),
        },
    }

    def prefix(ms: int) -> str:
        stamp = d.stamp("%Y-%m-%dT%H:%M:%S") + f".{(int(d.millis) + ms) % 1000:03d}Z"
        return f"{stamp} pid={pid} tid={tid} class={job} jid={jid}"

    trace = ruby_backtrace(exc)
    lines = [
        f"{prefix(0)} elapsed={elapsed} INFO: fail",
        f"{prefix(1)} WARN: {_compact(ctx)}",
        f"{prefix(1)} WARN: {exc.type}: {exc.value}",
        f"{prefix(1)} WARN: {trace[0]}" if trace else f"{prefix(1)} WARN: ",
        *trace[1:],
    ]
    fields = {
        "tid": tid,
        "eventcount": "4",
        "duration": "0.001",
        "closed_txn": "0",
        "field_match_sum": "4",
    }
    return "\n".join(lines), fields


def rq_text(d: Delivery) -> tuple[str, Fields]:
    """An RQ worker's failure: ``%(asctime)s %(message)s`` (time of day only), the job's id
    and function, the traceback on the lines below."""
    head = (
        f"{d.stamp('%H:%M:%S')} [Job {d.rand.uuid()}]: exception raised while executing "
        f"({d.bug.entry})"
    )
    return head + "\n" + python_traceback(d.chain), {}


def _monolog_normalized(chain: list[Exc], i: int, traces: bool) -> dict[str, object]:
    """Monolog's ``NormalizerFormatter`` on a Throwable: class, message, code, ``file:line``;
    the trace (call sites only, no function names) only with ``includeStacktraces``."""
    exc = chain[i]
    state = _sqlstate(exc.value)
    out: dict[str, object] = {
        "class": exc.type,
        "message": exc.value,
        "code": int(state) if state.isdigit() else 0,
        "file": php_where(exc),
    }
    if traces:
        out["trace"] = [f"{f.file}:{f.line}" for f in reversed(exc.frames[:-1]) if f.file]
    if i > 0:
        out["previous"] = _monolog_normalized(chain, i - 1, traces)
    return out


def symfony_json(d: Delivery) -> tuple[str, Fields]:
    """Symfony's production Monolog handler with ``monolog.formatter.json``: one JSON line,
    the exception normalised in ``context``; the stack only where the team turned on
    ``includeStacktraces`` (``opts.stacktraces``)."""
    chain = d.chain
    exc = chain[-1]
    where = php_where(exc)
    file, _, line = where.rpartition(":")
    # Uncaught exceptions go to the request channel; a Messenger handler's failure, once its
    # retries are spent, to the messenger channel: both CRITICAL.
    context: dict[str, object] = {}
    if d.bug.log:
        message, channel = d.log_message, "messenger"
        context.update(message_class=d.bug.entry, retryCount=3)
    else:
        message = f'Uncaught PHP Exception {exc.type}: "{exc.value}" at {file} line {line}'
        channel = "request"
    context["exception"] = _monolog_normalized(
        chain, len(chain) - 1, bool(d.opts.get("stacktraces"))
    )
    record = {
        "message": message,
        "context": context,
        "level": 500,
        "level_name": "CRITICAL",
        "channel": channel,
        "datetime": d.iso(6, z=False),
        "extra": {},
    }
    return _compact(record), {"level_name": "CRITICAL", "channel": channel}


def semantic_json(d: Delivery) -> tuple[str, Fields]:
    """rails_semantic_logger's JSON formatter: host, application, environment, timestamp,
    level, pid, thread, named tags, the logger's name, the message, a payload, and the
    exception as structure (``name``, ``message``, the full ``stack_trace`` as Ruby 3.4
    prints it, each ``cause`` nested)."""

    def as_hash(i: int) -> dict[str, object]:
        exc = d.chain[i]
        out: dict[str, object] = {
            "name": exc.type,
            "message": exc.value,
            "stack_trace": ruby_backtrace(exc, app_only=False, ruby34=True),
        }
        if i > 0:
            out["cause"] = as_hash(i - 1)
        return out

    http = d.bug.entry.startswith(("GET ", "POST ", "PUT ", "PATCH ", "DELETE "))
    record: dict[str, object] = {
        "host": d.host,
        "application": d.service.name,
        "environment": "production",
        "timestamp": d.iso(6),
        "level": "error",
        "level_index": 4,
        "pid": d.rand.randint(7, 90),
        "thread": f"puma srv tp {d.rand.randint(1, 5):03d}"
        if http
        else f"processor-{d.rand.randint(1, 10)}",
    }
    if http:
        record["named_tags"] = {"request_id": d.rand.uuid()}
        record["name"] = d.logger
        record["message"] = d.log_message
        action = d.log_message.rpartition("#")[2] or "create"
        record["payload"] = {
            "controller": d.logger,
            "action": action,
            "format": "json",
            "method": d.bug.entry.split(" ", 1)[0],
            "path": d.request_path,
            "status": 500,
            "status_message": "Internal Server Error",
        }
        record["duration_ms"] = round(d.rand.uniform(20, 900), 1)
    else:
        jid = d.rand.hex(24)
        queue = str(d.opts.get("queue", "default"))
        record["named_tags"] = {"jid": jid, "queue": queue}
        record["name"] = d.bug.entry
        record["message"] = d.log_message
        record["payload"] = {
            "context": "Job raised exception",
            "job": {
                "class": d.bug.entry,
                "args": [int(d.values["id"])],
                "jid": jid,
                "queue": queue,
                "retry_count": d.rand.randint(0, 8),
            },
        }
    record["exception"] = as_hash(len(d.chain) - 1)
    return _compact(record), {"level": "error", "name": str(record["name"])}


# Plug.RequestId's alphabet: URL-safe base64.
PLUG_REQUEST_ID = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"


def elixir_text(d: Delivery) -> tuple[str, Fields]:
    """Elixir's Logger (``$time $metadata[$level] $message``): a request that crashed as
    Plug.Cowboy reports it ("running … terminated", ``** (exit) an exception was raised:``),
    or a GenServer (a Phoenix channel, a periodic worker) terminating with its last message
    and state."""
    app = (
        f"{d.opts.get('otp_app', d.service.name.replace('-', '_'))} {d.company.releases[d.release]}"
    )
    stamp = f"{d.stamp('%H:%M:%S')}.{d.millis}"
    pid = d.rand.randint(2_000, 90_000)
    if d.bug.entry.startswith(("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")):
        lines = [
            f"{stamp} request_id={d.rand.alnum(20, PLUG_REQUEST_ID)} "
            f"[error] #PID<0.{pid}.0> running {d.opts.get('endpoint', 'Endpoint')} "
            f"(connection #PID<0.{pid - 1}.0>, stream id {d.rand.randint(1, 9)}) terminated",
            f"Server: {d.opts.get('server', 'localhost')}:80 (http)",
            f"Request: {d.bug.entry.split(' ', 1)[0]} {d.request_path}",
            "** (exit) an exception was raised:",
            elixir_exception(d.thrown, app, indent="    "),
        ]
    else:
        name = str(d.opts.get("genserver", "")) or f"#PID<0.{pid}.0>"
        lines = [
            f"{stamp} [error] GenServer {name} terminating",
            elixir_exception(d.thrown, app),
            f"Last message: {d.values.fill(str(d.opts.get('last', ':timeout')))}",
            f"State: {d.values.fill(str(d.opts.get('state', '%{}')))}",
        ]
    return "\n".join(lines), {}


def _loguru_site(d: Delivery) -> tuple[str, str, int]:
    """The logging call: ``bug.logger`` as ``module:function:line``."""
    name, function, line = d.bug.logger.split(":")
    return name, function, int(line)


def _loguru_head(d: Delivery, level: str = "ERROR") -> str:
    name, function, line = _loguru_site(d)
    stamp = f"{d.stamp('%Y-%m-%d %H:%M:%S')}.{d.millis}"
    return f"{stamp} | {level:<8} | {name}:{function}:{line} - {d.log_message}"


def _loguru_trace(d: Delivery) -> str:
    above = d.opts.get("above", ())
    assert isinstance(above, tuple)
    return loguru_traceback(
        d.chain,
        diagnose=bool(d.opts.get("diagnose")),
        above=above,
        seed=f"{d.bug.id}{d.index}",
    )


def loguru_json(d: Delivery) -> tuple[str, Fields]:
    """loguru's ``serialize=True`` sink: ``text`` the formatted line with the traceback (as
    the sink's ``backtrace``/``diagnose`` options shape it), ``record`` the structure,
    ``exception`` with only its type and value."""
    name, function, line = _loguru_site(d)
    exc = d.thrown
    elapsed = d.rand.uniform(60, 400_000)
    hours, rest = divmod(elapsed, 3600)
    minutes, seconds = divmod(rest, 60)
    extra: dict[str, object] = {"request_id": d.rand.hex(32)}
    if d.bug.entry.startswith(("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")):
        extra.update(method=d.bug.entry.split(" ", 1)[0], path=d.request_path)
    record = {
        "text": _loguru_head(d) + "\n" + _loguru_trace(d) + "\n",
        "record": {
            "elapsed": {
                "repr": f"{int(hours)}:{int(minutes):02d}:{seconds:09.6f}",
                "seconds": round(elapsed, 6),
            },
            "exception": {"type": exc.type, "value": exc.value, "traceback": True},
            "extra": extra,
            "file": {
                "name": name.rsplit(".", 1)[-1] + ".py",
                "path": "/app/" + name.replace(".", "/") + ".py",
            },
            "function": function,
            "level": {"icon": "\u274c", "name": "ERROR", "no": 40},
            "line": line,
            "message": d.log_message,
            "module": name.rsplit(".", 1)[-1],
            "name": name,
            "process": {"id": d.rand.randint(1, 40), "name": "MainProcess"},
            "thread": {
                "id": 139_000_000_000_000 + d.rand.randint(0, 999_999_999),
                "name": "MainThread",
            },
            "time": {"repr": d.iso(6, z=False).replace("T", " "), "timestamp": round(d.when, 6)},
        },
    }
    return json.dumps(record, ensure_ascii=False), {"level": "ERROR"}


def loguru_text(d: Delivery) -> tuple[str, Fields]:
    """loguru's default file format, ``{time} | {level: <8} | {name}:{function}:{line} -
    {message}``, the traceback on the lines below."""
    return _loguru_head(d) + "\n" + _loguru_trace(d), {}


def _anyhow(d: Delivery, style: str) -> str:
    """An ``anyhow::Error`` as a log field: ``%err`` the outermost context alone, ``{:#}``
    every context and cause joined by ``: ``, ``?err`` the ``Caused by:`` list and the
    captured backtrace."""
    chain = list(reversed(d.chain))
    if style == "display":
        return chain[0].value
    if style == "alternate":
        return ": ".join(e.value for e in chain)
    text = chain[0].value
    causes = chain[1:]
    if len(causes) == 1:
        text += "\n\nCaused by:\n    " + causes[0].value
    elif causes:
        text += "\n\nCaused by:\n" + "\n".join(f"{i:>5}: {e.value}" for i, e in enumerate(causes))
    return text + "\n\nStack backtrace:\n" + rust_std_backtrace(d.frames)


def _rust_spans(d: Delivery) -> list[dict[str, object]]:
    spans: list[dict[str, object]] = []
    if d.bug.entry.startswith(("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")):
        spans.append(
            {
                "method": d.bug.entry.split(" ", 1)[0],
                "uri": d.request_path,
                "version": "HTTP/1.1",
                "name": "request",
            }
        )
    elif d.bug.entry:
        spans.append({"job_id": d.values["uuid"], "name": d.bug.entry})
    return spans


def rust_tracing(d: Delivery) -> tuple[str, Fields]:
    """tracing-subscriber's JSON formatter: timestamp, level, the event's ``fields`` (the
    message and the error as the call site formatted it), its ``target``, the current span
    and the spans it is in."""
    fields: dict[str, object] = {"message": d.log_message}
    extra = d.opts.get("fields", {})
    assert isinstance(extra, dict)
    fields.update({str(k): d.values.fill(str(v)) for k, v in extra.items()})
    fields["error"] = _anyhow(d, str(d.opts.get("err", "alternate")))
    record: dict[str, object] = {
        "timestamp": d.iso(6),
        "level": "ERROR",
        "fields": fields,
        "target": d.logger,
    }
    if d.opts.get("with_file"):
        # The event's own call site: the handler that logged the error.
        f = next(f for f in d.frames if f.in_app)
        record.update(filename=f.file.removeprefix("./"), line_number=f.line)
    spans = _rust_spans(d)
    if spans:
        record["span"] = spans[-1]
        record["spans"] = spans
    return _compact(record), {"level": "ERROR", "target": d.logger}


def rust_panic(d: Delivery) -> tuple[str, Fields]:
    """Rust's default panic hook on stderr: the thread, the location, the payload; the short
    backtrace where ``RUST_BACKTRACE=1`` is set (``opts.backtrace``), else the note."""
    head = (
        f"thread '{d.opts.get('thread', 'tokio-runtime-worker')}' panicked at "
        f"{rust_panic_location(d.frames)}:\n{d.thrown.value}"
    )
    if d.opts.get("backtrace"):
        return head + "\n" + rust_short_backtrace(d.frames), {}
    note = "note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace"
    return head + "\n" + note, {}


def tracing_panic(d: Delivery) -> tuple[str, Fields]:
    """tracing-panic's hook: the panic as one tracing event ("A panic occurred") with the
    payload, the location and ``std::backtrace::Backtrace::capture()`` as fields, in
    tracing-subscriber's JSON."""
    fields: dict[str, object] = {
        "message": "A panic occurred",
        "panic.payload": d.thrown.value,
        "panic.location": rust_panic_location(d.frames),
    }
    if d.opts.get("backtrace"):
        fields["panic.backtrace"] = rust_std_backtrace(d.frames)
    else:
        fields["panic.backtrace"] = "disabled backtrace"
        fields["panic.note"] = (
            "run with `RUST_BACKTRACE=1` environment variable to display a backtrace"
        )
    record: dict[str, object] = {
        "timestamp": d.iso(6),
        "level": "ERROR",
        "fields": fields,
        "target": "tracing_panic",
    }
    spans = _rust_spans(d)
    if spans:
        record["span"] = spans[-1]
        record["spans"] = spans
    return _compact(record), {"level": "ERROR", "target": "tracing_panic"}


def slog_json(d: Delivery) -> tuple[str, Fields]:
    """Go's ``log/slog`` JSONHandler with ``AddSource``: time, level, the logging call's
    function, file and line, the message, then the attributes in the order the call gave
    them; a recovered panic with its value and ``debug.Stack()``."""
    if " " in d.bug.logger:
        func, where = d.bug.logger.split(" ", 1)
        file, _, line = where.rpartition(":")
    else:
        f = [f for f in d.frames if f.in_app][-1]
        func, file, line = f"{f.module}.{f.function}", f.file, str(f.line)
    record: dict[str, object] = {
        "time": d.iso(9, z=False).replace("+00:00", "Z"),
        "level": "ERROR",
        "source": {"function": func, "file": file, "line": int(line)},
        "msg": str(d.opts.get("msg", d.bug.log or "request failed")),
    }
    if d.bug.entry.startswith(("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")):
        record.update(method=d.bug.entry.split(" ", 1)[0], path=d.request_path)
    attrs = d.opts.get("attrs", {})
    assert isinstance(attrs, dict)
    record.update({str(k): d.values.fill(str(v)) for k, v in attrs.items()})
    recover = d.opts.get("recover")
    if isinstance(recover, tuple):
        record["panic"] = d.thrown.value
        record["stack"] = go_debug_stack(d.thrown, d.rand.randint(30, 9_000), recover)
    else:
        record["err"] = d.thrown.value
    return _compact(record), {"level": "ERROR", "msg": str(record["msg"])}


def _nlog_date(d: Delivery) -> str:
    return f"{d.stamp('%Y-%m-%d %H:%M:%S')}.{int(d.when % 1 * 10_000):04d}"


def nlog_text(d: Delivery) -> tuple[str, Fields]:
    """NLog's ASP.NET Core file target: ``${longdate}|${event-properties:item=EventId}|
    ${level:uppercase=true}|${logger}|${message} ${exception:format=tostring}``, and on the
    web host ``|url: ${aspnet-request-url}|action: ${aspnet-mvc-action}``."""
    exception = dotnet_core_trace(d.chain)
    line = (
        f"{_nlog_date(d)}|{d.opts.get('event_id', 0)}|ERROR|{d.logger}|{d.log_message} {exception}"
    )
    if d.bug.entry.startswith(("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")):
        action = next(
            (
                f.function
                for f in reversed(d.frames)
                if f.in_app and f.module.endswith("Controller")
            ),
            "",
        )
        host = str(d.opts.get("host", f"api.{d.company.domain}"))
        line += f"|url: https://{host}{d.request_path}|action: {action}"
    return line, {}


def nlog_json(d: Delivery) -> tuple[str, Fields]:
    """NLog's ``JsonLayout`` (time ``${date:format=o}``, level, logger, message, exception
    ``tostring``, the event's properties): NLog writes ``{ "key": value, ... }`` with spaces
    inside the braces."""
    pairs: list[tuple[str, object]] = [
        ("time", d.iso(7)),
        ("level", "ERROR"),
        ("logger", d.logger),
        ("message", d.log_message),
        ("exception", dotnet_core_trace(d.chain)),
    ]
    props = d.opts.get("properties", {})
    assert isinstance(props, dict)
    pairs.extend((str(k), d.values.fill(str(v))) for k, v in props.items())
    body = ", ".join(f"{json.dumps(k)}: {json.dumps(v)}" for k, v in pairs)
    return "{ " + body + " }", {"level": "ERROR", "logger": d.logger}


def bunyan_json(d: Delivery) -> tuple[str, Fields]:
    """bunyan: name, hostname, pid, the child logger's fields, level, the ``err``
    serializer's message, name and stack, msg, time, v."""
    exc = d.thrown
    record: dict[str, object] = {"name": d.service.name, "hostname": d.host, "pid": 1}
    if d.bug.logger:
        record["component"] = d.bug.logger
    if d.bug.entry.startswith(("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")):
        record["req_id"] = d.rand.uuid()
    record["level"] = 50
    record["err"] = {"message": exc.value, "name": exc.type, "stack": node_stack(exc, exc.value)}
    record["msg"] = d.log_message
    record["time"] = d.iso(3)
    record["v"] = 0
    return _compact(record), {"level": "50"}


# --- blind4: companies p, q, r ---------------------------------------------------------------


def _kv(value: object) -> str:
    """structlog's ``ConsoleRenderer`` value: ``repr`` of a string with spaces, bare otherwise."""
    text = str(value)
    return repr(text) if (" " in text or not text) else text


def structlog_console(d: Delivery) -> tuple[str, Fields]:
    """structlog's ``ConsoleRenderer(colors=False)``: timestamp, ``[level]`` padded, the event
    padded to 30, ``[logger]``, sorted ``key=value`` pairs, then the plain traceback below
    (no rich, no better-exceptions installed)."""
    pairs: dict[str, object] = {"request_id": d.rand.hex(12)}
    if d.bug.entry.startswith(("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")):
        pairs["path"] = d.request_path
    elif d.bug.entry:
        pairs["task"] = d.bug.entry
        pairs["task_id"] = d.rand.uuid()
    extra = d.opts.get("kv")
    if isinstance(extra, dict):
        pairs.update({str(k): d.values.fill(str(v)) for k, v in extra.items()})
    event = d.values.fill(d.bug.log) if d.bug.log else d.thrown.value
    kv = " ".join(f"{k}={_kv(v)}" for k, v in sorted(pairs.items()))
    head = f"{d.iso(6)} [error    ] {event:<30} [{d.logger}] {kv}"
    return head + "\n" + python_traceback(d.chain), {"level": "error"}


def gunicorn_error(d: Delivery) -> tuple[str, Fields]:
    """Gunicorn's error log: a request its sync worker could not answer, and the traceback
    (the WSGI handler's own frames above the app's)."""
    head = (
        f"[{d.stamp('%Y-%m-%d %H:%M:%S')} +0000] [{d.rand.randint(7, 60)}] [ERROR] "
        f"Error handling request {d.request_path}"
    )
    return head + "\n" + python_traceback(d.chain), {}


def _zerolog_stack(d: Delivery) -> list[dict[str, str]]:
    """zerolog's ``pkgerrors.MarshalStack``: where pkg/errors made the error, innermost first,
    the function without its package, the file's base name, the line as a string."""
    out = []
    for f in reversed(d.frames):
        out.append({"func": f.function, "line": str(f.line), "source": f.file.rsplit("/", 1)[-1]})
    return out


def _zerolog_fields(d: Delivery) -> dict[str, object]:
    fields: dict[str, object] = {"level": "error"}
    if d.bug.entry.startswith(("GET ", "POST ", "PUT ", "DELETE ")):
        fields.update(method=d.bug.entry.split(" ", 1)[0], uri=d.request_path)
        fields["request_id"] = d.rand.alnum(20, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    if d.opts.get("stack", True):
        fields["stack"] = _zerolog_stack(d)
    fields["error"] = d.thrown.value
    fields["time"] = d.iso(0)
    fields["message"] = d.values.fill(str(d.opts.get("msg", d.bug.log or "request failed")))
    return fields


def zerolog_json(d: Delivery) -> tuple[str, Fields]:
    """zerolog's JSON with ``.Stack().Err(err)`` under ``pkgerrors.MarshalStack``."""
    fields = _zerolog_fields(d)
    return _compact(fields), {"level": "error", "message": str(fields["message"])}


def zerolog_console(d: Delivery) -> tuple[str, Fields]:
    """zerolog's ``ConsoleWriter{NoColor: true}``: ``3:04PM ERR msg`` then the fields sorted,
    ``error`` first; a string with spaces quoted, the stack as compact JSON."""
    fields = _zerolog_fields(d)
    msg = str(fields.pop("message"))
    fields.pop("level")
    fields.pop("time")
    error = fields.pop("error")
    parts = [f"error={json.dumps(error)}" if " " in str(error) else f"error={error}"]
    for k in sorted(fields):
        v = fields[k]
        if isinstance(v, str):
            parts.append(f"{k}={json.dumps(v) if ' ' in v else v}")
        else:
            parts.append(f"{k}={_compact(v)}")
    clock = d.stamp("%I:%M%p").lstrip("0")
    return f"{clock} ERR {msg} " + " ".join(parts), {}


def log4js_text(d: Delivery) -> tuple[str, Fields]:
    """log4js' ``basic`` layout: ``[date] [LEVEL] category - `` then ``util.format`` of the
    arguments: the message and the Error (its stack)."""
    exc = d.thrown
    category = str(d.opts.get("category", d.bug.logger or "default"))
    stamp = d.iso(3, z=False).removesuffix("+00:00")
    message = d.values.fill(d.bug.log) if d.bug.log else ""
    stack = node_stack(exc, exc.value)
    body = f"{message} {stack}" if message else stack
    return f"[{stamp}] [ERROR] {category} - {body}", {"category": category}


def logback_plain(d: Delivery) -> tuple[str, Fields]:
    """Ktor's and Micronaut's generated ``logback.xml``: ``%d{HH:mm:ss.SSS} [%thread]
    %-5level %logger{36} - %msg%n`` with the full trace below."""
    thread = str(d.opts.get("thread", f"eventLoopGroupProxy-4-{d.rand.randint(1, 8)}"))
    head = (
        f"{d.stamp('%H:%M:%S')}.{d.millis} [{d.values.fill(thread)}] ERROR "
        f"{_abbreviate(d.logger, 36)} - {d.log_message}"
    )
    return head + "\n" + java_trace(d.chain), {}


def mel_json(d: Delivery) -> tuple[str, Fields]:
    """Microsoft.Extensions.Logging's ``JsonConsoleFormatter`` (one line, ``IncludeScopes``
    off): ``EventId`` and ``Category``, the exception's ToString() in ``Exception``, the
    message template's values in ``State`` with ``{OriginalFormat}``."""
    template = d.bug.log or "An unhandled exception has occurred while executing the request."
    state: dict[str, object] = {"Message": d.log_message, "{OriginalFormat}": template}
    record = {
        "Timestamp": d.iso(7),
        "EventId": int(str(d.opts.get("event_id", 1))),
        "LogLevel": "Error",
        "Category": d.logger,
        "Message": d.log_message,
        "Exception": dotnet_core_trace(d.chain),
        "State": state,
    }
    return _compact(record), {"LogLevel": "Error", "Category": d.logger}


def go_stdlog(d: Delivery) -> tuple[str, Fields]:
    """Go's standard ``log`` package with ``log.LstdFlags|log.Lshortfile``: date, time, the
    caller's ``file.go:line``, then ``%v`` of the error (no type, no stack)."""
    caller = d.frames[-1] if d.frames else None
    where = f"{caller.file.rsplit('/', 1)[-1]}:{caller.line}: " if caller else ""
    msg = d.values.fill(d.bug.log) if d.bug.log else "request failed"
    return f"{d.stamp('%Y/%m/%d %H:%M:%S')} {where}{msg}: {d.thrown.value}", {}


# --- blind6: companies v, w, x ---------------------------------------------------------------


def flask_default(d: Delivery) -> tuple[str, Fields]:
    """Flask's ``default_handler`` on ``app.logger`` (``[%(asctime)s] %(levelname)s in
    %(module)s: %(message)s``), written to Gunicorn's error log, the traceback below (Python
    3.11's carets under the failing expressions). Flask's
    own ``log_exception`` logs from ``app.py``: ``Exception on <path> [<METHOD>]``."""
    if d.bug.log:
        module, message = str(d.opts.get("module", d.logger.rsplit(".", 1)[-1])), d.log_message
    else:
        method = d.bug.entry.split(" ", 1)[0]
        module, message = "app", f"Exception on {d.request_path} [{method}]"
    head = f"[{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis}] ERROR in {module}: {message}"
    return head + "\n" + python_traceback(d.chain, carets=True), {}


def python_basic(d: Delivery) -> tuple[str, Fields]:
    """``logging.basicConfig()`` left at its default format (``%(levelname)s:%(name)s:
    %(message)s``): no time at all, the traceback below."""
    return f"ERROR:{d.logger}:{d.log_message}\n" + python_traceback(d.chain, carets=True), {}


def dramatiq_text(d: Delivery) -> tuple[str, Fields]:
    """Dramatiq's worker log (``[%(asctime)s] [PID %(process)d] [%(threadName)s] [%(name)s]
    [%(levelname)s] %(message)s``): the worker thread's 'Failed to process message <actor>(<args>)
    with unhandled exception.' and the traceback. ``bug.log`` is the message's call."""
    call = d.values.fill(d.bug.log) if d.bug.log else f"{d.bug.entry}()"
    head = (
        f"[{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis}] [PID {d.rand.randint(8, 90)}] "
        f"[Thread-{d.rand.randint(3, 10)}] [dramatiq.worker.WorkerThread] [ERROR] "
        f"Failed to process message {call} with unhandled exception."
    )
    return head + "\n" + python_traceback(d.chain, carets=True), {}


def play_text(d: Delivery) -> tuple[str, Fields]:
    """Play's production logback pattern (``%date [%level] from %logger in %thread -
    %message%n%xException``): DefaultHttpErrorHandler's '! @<id> - Internal server error, for
    (<METHOD>) [<uri>] ->' over the UnexpectedException that wraps what the action threw."""
    method = d.bug.entry.split(" ", 1)[0]
    ident = d.rand.alnum(9)
    thread = f"application-akka.actor.default-dispatcher-{d.rand.randint(4, 40)}"
    head = (
        f"{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis} [ERROR] from "
        f"play.api.http.DefaultHttpErrorHandler in {thread} - \n\n! @{ident} - Internal server "
        f"error, for ({method}) [{d.request_path}] ->\n"
    )
    first = d.thrown.value.split("\n", 1)[0]
    wrapper = Exc(
        "UnexpectedException",
        f"Unexpected exception[{d.thrown.type}: {first}]",
        PLAY_ERROR_HANDLER,
        module="play.api",
    )
    return head + "\n" + java_trace([*d.chain, wrapper]), {}


_GIN_RUNTIME = {
    "nil pointer": (("runtime/signal_unix.go", 917), ("runtime/panic.go", 262)),
    "index out of range": (("runtime/panic.go", 115),),
    "": (("runtime/panic.go", 785),),
}


def gin_recovery(d: Delivery) -> tuple[str, Fields]:
    """gin's ``Recovery()`` in release mode, to stderr through its logger (prefix: two
    newlines and the red colour code; ``log.LstdFlags``): ``[Recovery] <time> panic
    recovered:``, the panic value, then its own stack, innermost first. The image ships no
    sources, so each frame is ``file:line (0xpc)`` without the ``\tfunction: source`` line."""
    exc = d.thrown
    key = next((k for k in _GIN_RUNTIME if k and k in exc.value), "")
    lines = [
        f"\x1b[31m{d.stamp('%Y/%m/%d %H:%M:%S')} [Recovery] {d.stamp('%Y/%m/%d - %H:%M:%S')} "
        "panic recovered:",
        exc.value,
    ]
    base = 0x400000 + stable_int("ginbin", d.service.name, d.release) % 0x1000 * 0x10
    for file, line in _GIN_RUNTIME[key]:
        pc = base + stable_int(file, line) % 0x60000
        lines.append(f"/usr/local/go/src/{file}:{line} (0x{pc:x})")
    for f in reversed(exc.frames):
        pc = base + stable_int("ginpc", f.module, f.function, d.release) % 0x900000
        lines.append(f"{f.file}:{f.line} (0x{pc:x})")
    return "\n".join(lines) + "\x1b[0m", {}


def bunyan_client(d: Delivery) -> tuple[str, Fields]:
    """The API's bunyan line for an error an app posted to its client-errors route: the app's
    own ``stack`` (Hermes, JavaScriptCore, or the Dart VM's ``StackTrace``) in ``err.stack``.
    ``opts.relay`` names the API."""
    relay = str(d.opts.get("relay", "api"))
    exc = d.thrown
    app = d.company.name.split()[0]
    if d.service.platform == "dart":
        stack = f"{exc.value}\n{dart_trace(exc.frames)}"
    else:
        stack = rn_stack(exc, exc.value, d.browser, app, d.release)
    record: dict[str, object] = {
        "name": relay,
        "hostname": d.pod(relay),
        "pid": 1,
        "component": "client-errors",
        "req_id": d.rand.uuid(),
        "level": 50,
        "platform": "android" if d.browser == "android" else "ios",
        "app_version": d.release_name.partition("@")[2],
        "screen": d.bug.page,
        "err": {"message": exc.value, "name": exc.type, "stack": stack},
        "msg": d.log_message,
        "time": d.iso(3),
        "v": 0,
    }
    return _compact(record), {"level": "50", "host": d.pod(relay)}


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
    "python-json-dd": python_json_dd,
    "client-error": client_error,
    "quarkus-json": quarkus_json,
    "quarkus-json-formatted": quarkus_json_formatted,
    "laravel": laravel_text,
    "logrus-text": logrus_text,
    "logrus-json": logrus_json,
    "sidekiq-transaction": sidekiq_transaction,
    "rq": rq_text,
    "symfony-json": symfony_json,
    "semantic-json": semantic_json,
    "elixir": elixir_text,
    "loguru-json": loguru_json,
    "loguru-text": loguru_text,
    "rust-tracing": rust_tracing,
    "rust-panic": rust_panic,
    "tracing-panic": tracing_panic,
    "slog-json": slog_json,
    "nlog": nlog_text,
    "nlog-json": nlog_json,
    "bunyan": bunyan_json,
    "structlog-console": structlog_console,
    "gunicorn": gunicorn_error,
    "zerolog-json": zerolog_json,
    "zerolog-console": zerolog_console,
    "log4js": log4js_text,
    "logback-plain": logback_plain,
    "mel-json": mel_json,
    "go-stdlog": go_stdlog,
    "flask": flask_default,
    "python-basic": python_basic,
    "dramatiq": dramatiq_text,
    "play": play_text,
    "gin-recovery": gin_recovery,
    "bunyan-client": bunyan_client,
}
# Each later set's formats live in a module of its own (logs7 ... logs22). A key used twice would
# silently swap an older set's renderer (and change its file): refused instead.
for _more in (
    FORMATS7, FORMATS8, FORMATS9, FORMATS10, FORMATS11, FORMATS12, FORMATS13, FORMATS14,
    FORMATS15, FORMATS16, FORMATS17, FORMATS18, FORMATS19, FORMATS20, FORMATS21, FORMATS22,
    FORMATS23, FORMATS25, FORMATS26, FORMATS27, FORMATS28, FORMATS29, FORMATS30, FORMATS31,
    FORMATS32, FORMATS33, FORMATS34, FORMATS35, FORMATS36, FORMATS37, FORMATS38, FORMATS39,
    FORMATS40, FORMATS41, FORMATS42, FORMATS43, FORMATS44, FORMATS45, FORMATS46, FORMATS47,
    FORMATS48, FORMATS49, FORMATS50, FORMATS51, FORMATS52, FORMATS53, FORMATS54, FORMATS55,
    FORMATS56, FORMATS57, FORMATS58, FORMATS59, FORMATS60, FORMATS61, FORMATS62, FORMATS63,
    FORMATS64, FORMATS65, FORMATS66, FORMATS67, FORMATS68, FORMATS69, FORMATS70, FORMATS71,
    FORMATS72, FORMATS73, FORMATS74, FORMATS75, FORMATS76, FORMATS77, FORMATS78, FORMATS79,
    FORMATS80, FORMATS81, FORMATS82, FORMATS83, FORMATS84, FORMATS85, FORMATS86, FORMATS87,
    FORMATS88, FORMATS89, FORMATS90, FORMATS91, FORMATS92, FORMATS93, FORMATS94, FORMATS95,
    FORMATS96, FORMATS97, FORMATS98, FORMATS99, FORMATS100, FORMATS101, FORMATS102, FORMATS103,
    FORMATS104, FORMATS105, FORMATS106, FORMATS107, FORMATS108, FORMATS109, FORMATS110,
    FORMATS111, FORMATS112, FORMATS113, FORMATS114, FORMATS115, FORMATS116, FORMATS117,
    FORMATS118, FORMATS119, FORMATS120, FORMATS121, FORMATS122, FORMATS123, FORMATS124,
    FORMATS125, FORMATS126,
):  # fmt: skip
    if _taken := FORMATS.keys() & _more.keys():
        raise ValueError(f"log format keys already used by another set: {sorted(_taken)}")
    FORMATS.update(_more)

__all__ = ["FORMATS", "php_name"]
