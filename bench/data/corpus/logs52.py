"""blind52's log formats: Python ``logging`` under an aiohttp 3.10 app (``aiohttp.server``'s
"Error handling request from <addr>", asyncio's "Task exception was never retrieved" with the
``future: <Task finished ...>`` line, the app's own ``logger.exception`` and aiohttp's access
log line) (fc); Microsoft.Extensions.Logging's console formatters under an Orleans 8 silo
co-hosted with ASP.NET Core: ``simple`` (``fail: Category[EventId]`` then the message and the
exception indented six spaces) and ``systemd`` (``<3>Category[EventId] message`` with every
newline of the exception turned into a space) (fd); a Ktor 2 service's logback pattern
(``%d{YYYY-MM-dd HH:mm:ss.SSS} [%thread] %-5level %logger{36} - %msg``) with
``-Dkotlinx.coroutines.debug`` on: thread names carry `` @coroutine#id``, traces the
``_COROUTINE._BOUNDARY`` frame, and an uncaught failure in a ``launch`` printed by the thread's
default handler with the ``DiagnosticCoroutineContextException`` suppressed under it (fe).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

# Log layouts are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

from collections.abc import Callable

from .delivery import Delivery
from .model import Exc
from .traces import dotnet_core_trace, java_trace, py_abs_path, python_traceback

Fields = dict[str, str]


# --- aiohttp under Python logging --------------------------------------------------------------


def _py_head(d: Delivery, level: str, logger: str) -> str:
    """``%(asctime)s %(levelname)s %(name)s: %(message)s`` (asctime with a comma and millis)."""
    return f"{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis} {level} {logger}: "


def _py_repr(exc: Exc) -> str:
    value = exc.value.replace("\\", "\\\\").replace("'", "\\'")
    if exc.type == "KeyError":
        return f"KeyError({exc.value})"
    return f"{exc.type}('{value}')"


def aiohttp_logging(d: Delivery) -> tuple[str, Fields]:
    """``opts.kind``: ``handler`` (aiohttp's ``RequestHandler.log_exception``: "Error handling
    request from <remote>" on ``aiohttp.server``), ``task`` (asyncio's default exception
    handler for a fire-and-forget task garbage-collected with its exception unread), ``app``
    (the app's own ``logger.exception``), ``access`` (``aiohttp.access``'s default
    ``%a %t "%r" %s %b "%{Referer}i" "%{User-Agent}i"`` line: no trace at all)."""
    kind = str(d.opts.get("kind", "handler"))
    exc = d.thrown
    if kind == "access":
        method, _, _ = d.bug.entry.partition(" ")
        agent = d.rand.choice(
            (
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36",
                "okhttp/4.12.0",
                "python-httpx/0.27.0",
            )
        )
        line = (
            _py_head(d, "INFO", "aiohttp.access")
            + f'{d.values["ip"]} [{d.stamp("%d/%b/%Y:%H:%M:%S +0000")}] "{method} {d.request_path} HTTP/1.1" '
            + f'500 {d.rand.randint(180, 320)} "-" "{agent}"'
        )
        return line, {"levelname": "INFO", "name": "aiohttp.access", "status": "500"}
    trace = python_traceback(d.chain)
    if kind == "task":
        coro = exc.frames[int(str(d.opts.get("coro", 0)))] if exc.frames else None
        where = f"{py_abs_path(coro)}:{coro.line - d.rand.randint(3, 12)}" if coro else "?"
        name = coro.function if coro else "coro"
        future = (
            f"future: <Task finished name='Task-{d.rand.randint(40, 90_000)}' "
            f"coro=<{name}() done, defined at {where}> exception={_py_repr(exc)}>"
        )
        head = _py_head(d, "ERROR", "asyncio") + "Task exception was never retrieved"
        return f"{head}\n{future}\n{trace}", {"levelname": "ERROR", "name": "asyncio"}
    if kind == "app":
        head = _py_head(d, "ERROR", d.logger) + d.log_message
        return f"{head}\n{trace}", {"levelname": "ERROR", "name": d.logger}
    remote = d.values["ip"]
    head = _py_head(d, "ERROR", "aiohttp.server") + f"Error handling request from {remote}"
    return f"{head}\n{trace}", {"levelname": "ERROR", "name": "aiohttp.server"}


# --- Microsoft.Extensions.Logging console formatters ----------------------------------------

_UNHANDLED = "An unhandled exception has occurred while executing the request."


def _mel_record(d: Delivery) -> tuple[str, str, str]:
    """(category, event id, message) of the record: ASP.NET Core's exception handler for a
    request (``opts.category`` absent), otherwise the category and event the table gives."""
    category = str(d.opts.get("category", ""))
    if not category:
        if d.bug.entry.startswith(("GET ", "POST ", "PUT ", "DELETE ", "PATCH ")):
            return "Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware", "1", _UNHANDLED
        category = d.logger
    event = str(d.opts.get("event_id", "0"))
    return category, event, d.log_message


def mel_simple(d: Delivery) -> tuple[str, Fields]:
    """``AddSimpleConsole()`` with no colours and no timestamp: ``fail: Category[EventId]``,
    then the message and the exception's ToString() on lines indented by six spaces."""
    category, event, message = _mel_record(d)
    pad = " " * 6
    body = [f"fail: {category}[{event}]", pad + message.replace("\n", "\n" + pad)]
    body += [pad + line for line in dotnet_core_trace(d.chain).split("\n")]
    return "\n".join(body), {"Category": category, "EventId": event}


def mel_systemd(d: Delivery) -> tuple[str, Fields]:
    """``AddSystemdConsole()`` (``UseUtcTimestamp``, ``TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ "``):
    the syslog priority ``<3>`` for Error, then the record on ONE line, the message's and
    exception's newlines written as spaces."""
    category, event, message = _mel_record(d)
    stamp = d.iso(3)
    trace = dotnet_core_trace(d.chain).replace("\n", " ")
    line = f"<3>{stamp} {category}[{event}] {message.replace(chr(10), ' ')} {trace}"
    return line, {"Category": category, "EventId": event}


# --- Ktor 2 on logback with coroutine debugging ------------------------------------------------


def _abbrev36(logger: str) -> str:
    """logback's ``%logger{36}``: leading packages cut to their initial until it fits."""
    if len(logger) <= 36:
        return logger
    parts = logger.split(".")
    for i in range(len(parts) - 1):
        parts[i] = parts[i][0]
        if len(".".join(parts)) <= 36:
            break
    return ".".join(parts)


def _thread(d: Delivery) -> str:
    base = d.values.fill(str(d.opts.get("thread", f"eventLoopGroupProxy-4-{d.rand.randint(1, 8)}")))
    coroutine = str(d.opts.get("coroutine", "call-handler"))
    return f"{base} @{coroutine}#{d.rand.randint(12, 48_000)}"


def ktor_logback(d: Delivery) -> tuple[str, Fields]:
    """``opts.kind``: ``unhandled`` (Ktor's engine pipeline: ``ktor.application`` "Unhandled:
    METHOD - uri"), ``exposed`` (Exposed's WARN "Transaction attempt #0 failed: <message>.
    Statement(s): <sql>" before the rethrow), ``app`` (the code's own ``log.error(msg, e)``),
    ``uncaught`` (a ``launch`` with no handler: the thread's default handler prints
    ``Exception in thread "<worker> @<name>#<id>"`` and the trace to stderr, with the coroutine
    context as a suppressed ``DiagnosticCoroutineContextException``)."""
    kind = str(d.opts.get("kind", "unhandled"))
    trace = java_trace(d.chain)
    thread = _thread(d)
    if kind == "uncaught":
        name = str(d.opts.get("coroutine", "job"))
        cid = thread.rsplit("#", 1)[1]
        ctx = (
            f"\tSuppressed: kotlinx.coroutines.internal.DiagnosticCoroutineContextException: "
            f'[CoroutineName({name}), CoroutineId({cid}), "{name}#{cid}":StandaloneCoroutine{{Cancelling}}@{d.rand.hex(7)}, Dispatchers.IO]'
        )
        return f'Exception in thread "{thread}" {trace}\n{ctx}', {}
    stamp = f"{d.stamp('%Y-%m-%d %H:%M:%S')}.{d.millis}"
    if kind == "exposed":
        sql = d.values.fill(str(d.opts.get("sql", "")))
        head = f"{stamp} [{thread}] WARN  Exposed - Transaction attempt #0 failed: {d.thrown.value}. Statement(s): {sql}"
        return f"{head}\n{trace}", {"level": "WARN", "logger": "Exposed"}
    if kind == "app":
        logger = _abbrev36(d.logger)
        head = f"{stamp} [{thread}] ERROR {logger} - {d.log_message}"
        return f"{head}\n{trace}", {"level": "ERROR", "logger": logger}
    method, _, _ = d.bug.entry.partition(" ")
    head = f"{stamp} [{thread}] ERROR ktor.application - Unhandled: {method} - {d.request_path}"
    return f"{head}\n{trace}", {"level": "ERROR", "logger": "ktor.application"}


FORMATS52: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "fc-aiohttp-logging": aiohttp_logging,
    "fd-mel-simple": mel_simple,
    "fd-mel-systemd": mel_systemd,
    "fe-ktor-logback": ktor_logback,
}
