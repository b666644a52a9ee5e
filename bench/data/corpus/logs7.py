"""Log formats of blind7's companies (x, y, z): Ruby's standard ``Logger``, a lograge-style
request line, Shoryuken's pretty log, Quarkus' JBoss console format, Python ``logging``
with a custom text format and ecs-logging-python's JSON, Pedestal's ``io.pedestal.log``
maps through logback, and Deno's console.

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it, as
in ``logs``; ``logs.FORMATS`` takes them in under these keys.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from .delivery import Delivery
from .model import Exc, Frame
from .traces import java_trace, py_abs_path, python_traceback

Fields = dict[str, str]


# --- Ruby ---------------------------------------------------------------------------------------


def ruby_path(f: Frame) -> str:
    """Where a Ruby frame's file is in the image: the app under ``/app`` (a Hanami app's
    Dockerfile, not Rails' ``/rails``), gems under the bundle path."""
    if f.file.startswith("<internal:"):
        return f.file  # Ruby's own methods written in Ruby (``<internal:kernel>``)
    return ("/app/" if f.in_app else "/usr/local/bundle/gems/") + f.file


def ruby33_backtrace(exc: Exc) -> list[str]:
    """``Exception#backtrace`` on Ruby 3.3: absolute paths, the label in a backtick and a
    quote, innermost first; no cleaner (Hanami has none)."""
    return [f"{ruby_path(f)}:{f.line}:in `{f.function}'" for f in reversed(exc.frames)]


def _ruby_stamp(d: Delivery) -> str:
    """``Logger::Formatter``'s ``%Y-%m-%dT%H:%M:%S.%6N``."""
    return d.iso(6, z=False)[:-6]


def ruby_logger(d: Delivery) -> tuple[str, Fields]:
    """Ruby's ``Logger::Formatter`` (``"%.1s, [%s #%d] %5s -- %s: %s\\n"``) given the
    exception itself: ``message (Class)`` and the backtrace on the lines below. With a
    ``bug.log`` the app logged its own line first and the exception in the same call
    (``logger.error("...: #{e.message} (#{e.class})\\n" + e.backtrace.join("\\n"))``)."""
    exc = d.thrown
    pid = d.rand.randint(1, 9)
    head = f"E, [{_ruby_stamp(d)} #{pid}] ERROR -- : "
    first = f"{exc.value} ({exc.type})"
    if d.bug.log:
        first = f"{d.values.fill(d.bug.log)}: {first}"
    return "\n".join([head + first, *ruby33_backtrace(exc)]), {"severity": "ERROR"}


def _kv_quote(value: str) -> str:
    """lograge's ``KeyValue`` formatter: a value with a space is single-quoted as it is."""
    return f"'{value}'" if " " in value else value


def lograge_kv(d: Delivery) -> tuple[str, Fields]:
    """The app's Rack middleware writing lograge's ``key=value`` line through the same
    ``Logger`` (at INFO): method, path, the Hanami action, status, durations, and on an
    exception lograge's ``error='Class: message'``; no trace."""
    exc = d.thrown
    method, _, _ = d.bug.entry.partition(" ")
    action = str(d.opts.get("action", ""))
    duration = round(d.rand.uniform(3, 900), 2)
    db = round(d.rand.uniform(0.4, duration / 2), 2)
    first = exc.value.split("\n", 1)[0]
    pairs = [
        ("method", method),
        ("path", d.request_path),
        ("format", "json"),
        ("action", action),
        ("status", "500"),
        ("duration", f"{duration}"),
        ("db", f"{db}"),
        ("request_id", d.rand.uuid()),
        ("error", f"{exc.type}: {first}"),
    ]
    line = " ".join(f"{k}={_kv_quote(v)}" for k, v in pairs if v)
    pid = d.rand.randint(1, 9)
    return f"I, [{_ruby_stamp(d)} #{pid}]  INFO -- : {line}", {"status": "500", "action": action}


def _tid(d: Delivery) -> str:
    """``Thread.current.object_id.to_s(36)``."""
    n = d.rand.randint(10**9, 10**10)
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while n:
        n, k = divmod(n, 36)
        out = digits[k] + out
    return out


def _shoryuken_lines(d: Delivery) -> tuple[str, str, str]:
    """Shoryuken's ``Logging::Pretty``: ``time pid TID-x context SEVERITY: message``, the
    context ``Worker/queue/message id``; its default exception handler logs ``Processor
    failed: <message>`` and then the backtrace, one call each."""
    worker = d.bug.entry
    queue = str(d.opts.get("queue", "default"))
    context = f"{worker}/{queue}/{d.rand.uuid()}"
    prefix = f"{d.stamp('%Y-%m-%dT%H:%M:%SZ')} 1 TID-{_tid(d)} {context}"
    failed = f"{prefix} ERROR: Processor failed: {d.thrown.value}"
    trace = "\n".join(ruby33_backtrace(d.thrown))
    return prefix, failed, f"{prefix} ERROR: {trace}"


def shoryuken_text(d: Delivery) -> tuple[str, Fields]:
    """The ``Processor failed`` event alone: a search on that text finds no trace."""
    _, failed, _ = _shoryuken_lines(d)
    return failed, {"severity": "ERROR"}


def shoryuken_transaction(d: Delivery) -> tuple[str, Fields]:
    """A ``transaction`` on the thread and context: the failure line and the backtrace
    event joined, as Splunk joins a transaction's ``_raw``."""
    _, failed, trace = _shoryuken_lines(d)
    return failed + "\n" + trace, {"eventcount": "2", "closed_txn": "0"}


# --- Quarkus ------------------------------------------------------------------------------------


def abbreviate_category(logger: str) -> str:
    """JBoss LogManager's ``%c{3.}``: every package segment cut to 3 characters."""
    parts = logger.split(".")
    return ".".join([p[:3] for p in parts[:-1]] + parts[-1:])


def jboss_text(d: Delivery) -> tuple[str, Fields]:
    """Quarkus' default console format ``%d{yyyy-MM-dd HH:mm:ss,SSS} %-5p [%c{3.}] (%t)
    %s%e%n``: the message, then the exception's ``printStackTrace`` right after it (its
    first line on the message's line when the message ends in ``: ``). The Vert.x HTTP
    error handler's message names the path and an error id."""
    thread = d.values.fill(str(d.opts.get("thread", f"executor-thread-{d.rand.randint(1, 24)}")))
    message = d.log_message
    if d.logger == "io.quarkus.vertx.http.runtime.QuarkusErrorHandler":
        error_id = f"{d.rand.uuid()}-{d.rand.randint(1, 40)}"
        message = f"HTTP Request to {d.request_path} failed, error id: {error_id}: "
    level = str(d.opts.get("level", "ERROR"))
    head = (
        f"{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis} {level:<5} "
        f"[{abbreviate_category(d.logger)}] ({thread}) {message}"
    )
    trace = java_trace(d.chain)
    joined = head + trace if message.endswith(": ") else head + "\n" + trace
    return joined, {"level": level}


# --- Python -------------------------------------------------------------------------------------


def pylog_text(d: Delivery) -> tuple[str, Fields]:
    """``logging.Formatter("%(asctime)s %(levelname)s [%(name)s] %(message)s")`` with
    ``logger.exception``: the traceback on the lines below. Huey's consumer logs a task's
    failure as ``Unhandled exception in task <id>.`` under the ``huey`` logger."""
    message = d.log_message
    if d.logger == "huey":
        message = f"Unhandled exception in task {d.rand.uuid()}."
    head = f"{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis} ERROR [{d.logger}] {message}"
    return head + "\n" + python_traceback(d.chain), {"levelname": "ERROR", "name": d.logger}


def _format_tb(frames: Sequence[Frame], limit: int = 0) -> str:
    """``"".join(traceback.format_tb(tb, limit))``: no header, no exception line; the
    frames of the thrown exception only (its causes are not in ``tb``)."""
    shown = list(frames)[:limit] if limit else list(frames)
    out = []
    for f in shown:
        out.append(f'  File "{py_abs_path(f)}", line {f.line}, in {f.function}\n')
        if f.context:
            out.append(f"    {f.context.strip()}\n")
    return "".join(out)


def ecs_json(d: Delivery) -> tuple[str, Fields]:
    """ecs-logging-python's ``StdlibFormatter`` (``json_dumps``: ``@timestamp``,
    ``log.level`` and ``message`` first, the rest sorted and de-dotted into objects,
    compact): ``error.type`` the class's ``__name__``, ``error.message`` ``str(exc)``,
    ``error.stack_trace`` ``format_tb`` of the thrown exception (``opts.limit``:
    ``stack_trace_limit``). aiohttp's own "Error handling request" comes from
    ``web_protocol.log_exception``."""
    exc = d.thrown
    message = d.log_message
    if d.logger == "aiohttp.server":
        origin = {"file": {"line": 421, "name": "web_protocol.py"}, "function": "log_exception"}
    else:
        site = next((f for f in d.frames if f.in_app), d.frames[-1])
        origin = {
            "file": {"line": site.line + 4, "name": site.file.rsplit("/", 1)[-1]},
            "function": site.function,
        }
    # str(KeyError('mpan')) is "'mpan'": the chain's values are already as Python prints them.
    value = exc.value
    rest: dict[str, object] = {
        "ecs": {"version": "1.6.0"},
        "error": {
            "message": value,
            "stack_trace": _format_tb(exc.frames, int(str(d.opts.get("limit", 0)))),
            "type": exc.type,
        },
        "log": {"logger": d.logger, "origin": origin, "original": message},
        "process": {
            "name": "MainProcess",
            "pid": 1,
            "thread": {
                "id": 140_000_000_000_000 + d.rand.randint(0, 999_999),
                "name": "MainThread",
            },
        },
        "service": {"name": d.service.name, "version": d.company.releases[d.release]},
    }
    if d.bug.entry.startswith(("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")):
        rest["http"] = {"request": {"method": d.bug.entry.split(" ", 1)[0]}}
        rest["url"] = {"path": d.request_path}
    head = {"@timestamp": d.iso(3), "log.level": "error", "message": message}
    body = json.dumps(rest, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    raw = json.dumps(head, separators=(",", ":"), ensure_ascii=False)[:-1] + "," + body[1:]
    return raw, {"log.level": "error", "log.logger": d.logger}


# --- Clojure ------------------------------------------------------------------------------------


def clj_error(exc: Exc) -> str:
    """Clojure's printed Throwable (``#error {...}``, ``Throwable->map``): the root cause's
    message, the ``:via`` of each throwable, and the trace as ``[class method file line]``
    vectors, innermost first."""
    frames = list(reversed(exc.frames))
    # pr-str of the message: quotes and newlines escaped.
    message = exc.value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")

    def vec(f: Frame) -> str:
        return f'[{f.module} {f.function} "{f.file}" {f.line}]'

    at = vec(frames[0]) if frames else "nil"
    lines = [
        "#error {",
        f' :cause "{message}"',
        " :via",
        f" [{{:type {exc.text_name}",
        f'   :message "{message}"',
        f"   :at {at}}}]",
        " :trace",
    ]
    body = [vec(f) for f in frames]
    if body:
        lines.append(" [" + "\n  ".join(body) + "]}")
    else:
        lines.append(" []}")
    return "\n".join(lines)


def _with_ex_data(d: Delivery) -> list[Exc]:
    """The chain as ``printStackTrace`` shows an ``ExceptionInfo``: its ``toString`` adds
    the ex-data map after the message (``opts.exdata`` for the thrown one, ``opts.causedata``
    for a cause; ``#error`` stands for the wrapped cause as Clojure prints it)."""
    data = str(d.opts.get("exdata", ""))
    cause_data = str(d.opts.get("causedata", ""))
    out = list(d.chain)
    for i, exc in enumerate(out):
        if exc.type != "ExceptionInfo":
            continue
        text = d.values.fill(data if i == len(out) - 1 else cause_data)
        if not text:
            continue
        if "#error" in text and i > 0:
            text = text.replace("#error", clj_error(d.chain[i - 1]))
        out[i] = Exc(exc.type, f"{exc.value} {text}", exc.frames, exc.module)
    return out


def pedestal_logback(d: Delivery) -> tuple[str, Fields]:
    """logback's ``%d{HH:mm:ss.SSS} [%thread] %-5level %logger{36} - %msg%n`` under
    ``io.pedestal.log``, whose message is the call's keyvals printed as a map with the
    call's ``:line`` (``(log/error :msg ... :exception e)``), the trace below."""
    thread = d.values.fill(
        str(d.opts.get("thread", f"qtp{d.rand.randint(100000, 999999)}-{d.rand.randint(20, 60)}"))
    )
    msg = d.values.fill(d.bug.log) if d.bug.log else f'{{:msg "{d.thrown.value}"}}'
    head = f"{d.stamp('%H:%M:%S')}.{d.millis} [{thread}] ERROR {d.logger} - {msg}"
    return head + "\n" + java_trace(_with_ex_data(d)), {"level": "ERROR", "logger": d.logger}


# --- Deno ---------------------------------------------------------------------------------------


def deno_stack(exc: Exc, message: str) -> str:
    """V8's ``error.stack`` as Deno prints it: local modules as ``file:///`` URLs, remote
    ones (``https://deno.land/x/...``) as theirs, Deno's own as ``ext:`` specifiers."""
    lines = [f"{exc.type}: {message}" if message else exc.type]
    for f in reversed(exc.frames):
        # A builtin running no script (``JSON.parse``) has no position.
        where = f.file if f.file == "<anonymous>" else f"{f.file}:{f.line}:{f.col or 1}"
        if f.args == "async" and not f.function:
            lines.append(f"    at async {where}")
        elif f.args == "async":
            lines.append(f"    at async {f.function} ({where})")
        elif f.function:
            lines.append(f"    at {f.function} ({where})")
        else:
            lines.append(f"    at {where}")
    return "\n".join(lines)


def deno_console(d: Delivery) -> tuple[str, Fields]:
    """Fresh 1.x's error handler on stderr (``console.error("%cAn error occurred during
    route handling or page rendering.", "color:red", error)``, the CSS dropped off a TTY),
    or the app's own ``console.error(msg, err)``; the error's stack below."""
    exc = d.thrown
    head = (
        d.values.fill(d.bug.log)
        if d.bug.log
        else ("An error occurred during route handling or page rendering.")
    )
    return head + "\n" + deno_stack(exc, exc.value), {}


FORMATS7: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "ruby-logger": ruby_logger,
    "lograge-kv": lograge_kv,
    "shoryuken": shoryuken_text,
    "shoryuken-transaction": shoryuken_transaction,
    "jboss-text": jboss_text,
    "pylog-text": pylog_text,
    "ecs-json": ecs_json,
    "pedestal-logback": pedestal_logback,
    "deno-console": deno_console,
}

__all__ = ["FORMATS7", "deno_stack"]
