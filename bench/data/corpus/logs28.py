"""Log formats of blind28's companies (ci, cj, ck).

- ci: Laravel 11 under Octane on Swoole, Laravel's ``daily`` channel (Monolog's
  ``LineFormatter`` into ``storage/logs/laravel-<date>.log``, one file a day, so the Splunk
  ``source`` changes with the date): ``production.ERROR: <message> {context}``, the context's
  ``exception`` normalised with each ``[previous exception]``. Under Swoole a request's trace
  ends in Octane's worker, the ``[internal function]`` closure Swoole's event loop called, and
  ``Swoole\\Http\\Server->start()`` in ``bin/swoole-server``; a queued job's ends in ``artisan``.
- cj: Quarkus 3. The API's default console line (``%d{yyyy-MM-dd HH:mm:ss,SSS} %-5p
  [%c{3.}] (%t) %s%e%n``: the category abbreviated, the request failure as
  ``QuarkusErrorHandler`` logs it with its error id, the trace after it); the Kafka
  consumer's quarkus-logging-json record (``stackTrace`` as ``printStackTrace`` writes it,
  ``errorType``, ``errorMessage``).
- ck: Elixir with ``LoggerJSON.Formatters.Datadog`` (logger_json 6): keys sorted as Jason
  encodes a small map, ``syslog``, ``logger`` (the logging process and call site), ``error``
  (``kind`` the exception module's last segment, ``message`` the whole report,
  ``stack`` ``Exception.format_stacktrace``), ``http`` for a request, ``dd.trace_id``.

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it, as in
``logs``; ``logs.FORMATS`` takes them in under these keys (no other set uses them).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from .delivery import Delivery
from .model import Exc
from .traces import elixir_exception, elixir_stacktrace, java_trace, php_name, php_where

Fields = dict[str, str]

# Plug.RequestId's alphabet (a request id is 20 of these).
PLUG_REQUEST_ID = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


# --- ci: Laravel's daily channel under Octane ----------------------------------------------------


def octane_trace(exc: Exc) -> list[str]:
    """``getTraceAsString()``: each line a call site and the function it called, innermost
    first; a call made by the engine itself (Swoole's event loop calling Octane's request
    closure) is ``[internal function]``."""
    frames = list(exc.frames)
    action = next((f.function for f in frames if f.in_app), "")
    lines: list[str] = []
    for i in range(len(frames) - 1, 0, -1):
        callee, caller = frames[i], frames[i - 1]
        args = (callee.args or "()").replace("{action}", action)
        where = f"{caller.file}({caller.line})" if caller.file else "[internal function]"
        lines.append(f"#{len(lines)} {where}: {php_name(callee)}{args}")
    lines.append(f"#{len(lines)} {{main}}")
    return lines


def _sqlstate(message: str) -> str:
    m = re.match(r"SQLSTATE\[(\w+)\]", message)
    return m.group(1) if m else "0"


def octane_exception(chain: list[Exc]) -> str:
    blocks = []
    for exc in reversed(chain):
        head = (
            f"[object] ({exc.type}(code: {_sqlstate(exc.value)}): {exc.value} at {php_where(exc)})"
        )
        blocks.append(head + "\n[stacktrace]\n" + "\n".join(octane_trace(exc)) + "\n")
    return "\n[previous exception] ".join(blocks)


def ci_laravel_daily(d: Delivery) -> tuple[str, Fields]:
    """One record of the daily file. ``opts.msg`` a message the app logged itself with the
    exception in the context (``Log::error($msg, ['exception' => $e])``); otherwise the
    exception handler's report (the message is the exception's). A signed-in rider adds
    ``userId``; a job adds ``job``."""
    exc = d.thrown
    context: dict[str, object] = {}
    entry = d.bug.entry
    if entry.startswith(("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")):
        if d.index % 3 != 2:
            context["userId"] = int(d.values["user"])
    elif entry:
        context["job"] = entry
    trace = octane_exception(list(d.chain))
    context["exception"] = re.sub(r"\{(id|user)\}", lambda m: d.values[m.group(1)], trace)
    encoded = json.dumps(context, ensure_ascii=False, separators=(",", ":"))
    encoded = re.sub(r"(?<!\\)\\n", "\n", encoded)
    message = d.values.fill(str(d.opts["msg"])) if "msg" in d.opts else exc.value
    line = f"[{d.stamp('%Y-%m-%d %H:%M:%S')}] production.ERROR: {message} {encoded} "
    source = f"/var/www/html/storage/logs/laravel-{d.stamp('%Y-%m-%d')}.log"
    return line, {"channel": "production", "level_name": "ERROR", "source": source}


# --- cj: Quarkus console and quarkus-logging-json -------------------------------------------------


def abbreviate(category: str) -> str:
    """``%c{3.}``: every segment but the last cut to three characters."""
    parts = category.split(".")
    return ".".join([p[:3] for p in parts[:-1]] + parts[-1:])


def _cj_message(d: Delivery) -> tuple[str, str, str]:
    """The level, logging category and message: the request failure QuarkusErrorHandler
    reports, SmallRye Reactive Messaging's failure report for the channel's topics (WARN,
    with the throwable) or its failed commit, or the app's own ``Log.errorf``."""
    kind = str(d.opts.get("via", "request" if " /" in d.bug.entry else "app"))
    if kind == "request":
        error_id = f"{d.rand.uuid()}-{d.rand.randint(1, 400)}"
        return (
            "ERROR",
            "io.quarkus.vertx.http.runtime.QuarkusErrorHandler",
            f"HTTP Request to {d.request_path} failed, error id: {error_id}",
        )
    topic = str(d.opts.get("topic", d.bug.entry))
    if kind == "smallrye":
        return (
            "WARN",
            "io.smallrye.reactive.messaging.kafka",
            f"SRMSG18228: A failure has been reported for Kafka topics '[{topic}]'",
        )
    if kind == "commit":
        offsets = (
            f"{{{topic}-{d.values['part']}=OffsetAndMetadata{{offset={d.values['offset']}, "
            "leaderEpoch=null, metadata=''}}"
        )
        return (
            "WARN",
            "io.smallrye.reactive.messaging.kafka",
            f"SRMSG18252: Failed to commit {offsets}, it will be re-attempted",
        )
    return "ERROR", d.logger, d.log_message


def cj_console(d: Delivery) -> tuple[str, Fields]:
    level, category, message = _cj_message(d)
    thread = d.values.fill(str(d.opts.get("thread", f"executor-thread-{d.rand.randint(1, 32)}")))
    stamp = f"{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis}"
    head = f"{stamp} {level:<5} [{abbreviate(category)}] ({thread}) {message}"
    trace = java_trace(d.chain)
    return f"{head}: {trace}", {"level": level, "category": abbreviate(category)}


def cj_logging_json(d: Delivery) -> tuple[str, Fields]:
    level, category, message = _cj_message(d)
    exc = d.thrown
    record: dict[str, object] = {
        "timestamp": d.iso(6, z=False).replace("+00:00", "Z"),
        "sequence": d.rand.randint(4_000, 2_000_000),
        "loggerClassName": "org.jboss.logging.Logger"
        if category.startswith("com.")
        else "org.jboss.logging.DelegatingBasicLogger",
        "loggerName": category,
        "level": level,
        "message": message,
        "threadName": d.values.fill(
            str(d.opts.get("thread", f"vert.x-worker-thread-{d.rand.randint(0, 19)}"))
        ),
        "threadId": d.rand.randint(30, 260),
        "mdc": {
            "dd.trace_id": str(d.rand.randint(10**18, 9 * 10**18)),
            "dd.span_id": str(d.rand.randint(10**18, 9 * 10**18)),
        },
        "hostName": d.host,
        "processName": "quarkus-run.jar",
        "processId": 1,
        "stackTrace": java_trace(d.chain) + "\n",
        "errorType": exc.text_name,
        "errorMessage": exc.value,
    }
    return _compact(record), {"level": level, "loggerName": category}


# --- ck: LoggerJSON's Datadog formatter ---------------------------------------------------------


def _otp_app(d: Delivery) -> str:
    return f"{d.opts.get('otp_app', 'lingmell')} {d.company.releases[d.release]}"


def ck_loggerjson_dd(d: Delivery) -> tuple[str, Fields]:
    """A crash report (Bandit's for a request, Broadway's for a failed message) or the app's
    ``Logger.error`` with ``crash_reason`` set: the report is the message and
    ``error.message``, ``error.kind`` the exception module's last segment."""
    exc = d.thrown
    app = _otp_app(d)
    message = d.values.fill(str(d.opts["msg"])) if "msg" in d.opts else elixir_exception(exc, app)
    pid = f"#PID<0.{d.rand.randint(2_000, 90_000)}.0>"
    site = str(
        d.opts.get("site", "Elixir.Bandit.Pipeline.handle_error/5|lib/bandit/pipeline.ex|215")
    )
    method, file, line = site.split("|")
    record: dict[str, object] = {
        "dd.span_id": str(d.rand.randint(10**17, 9 * 10**18)),
        "dd.trace_id": str(d.rand.randint(10**17, 9 * 10**18)),
        "error": {
            "kind": exc.type,
            "message": message,
            "stack": "\n".join(elixir_stacktrace(exc.frames, app)) + "\n",
        },
    }
    if " /" in d.bug.entry:
        method_word = d.bug.entry.split(" ", 1)[0]
        host = "api.lingmell.example"
        query = d.values.fill(str(d.opts.get("query", "")))
        record["http"] = {
            "method": method_word,
            "referer": None,
            "request_id": "F" + d.rand.alnum(19, PLUG_REQUEST_ID),
            "status_code": 500,
            "url": f"https://{host}{d.request_path}" + (f"?{query}" if query else ""),
            "url_details": {
                "host": host,
                "path": d.request_path,
                "port": 443,
                "queryString": query,
                "scheme": "https",
            },
            "useragent": str(d.opts.get("ua", "okhttp/4.12.0")),
        }
    record["logger"] = {
        "file_name": file,
        "line": int(line),
        "method_name": method,
        "thread_name": pid,
    }
    record["message"] = message
    if " /" in d.bug.entry:
        record["network"] = {"client": {"ip": d.values["ip"]}}
    record["syslog"] = {
        "hostname": d.host,
        "severity": "error",
        "timestamp": d.iso(3),
    }
    return _compact(record), {"status": "error"}


FORMATS28: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "ci-laravel-daily": ci_laravel_daily,
    "cj-quarkus-console": cj_console,
    "cj-logging-json": cj_logging_json,
    "ck-loggerjson-dd": ck_loggerjson_dd,
}
