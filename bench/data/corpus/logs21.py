"""Log formats of blind21's companies (bn, bo, bp): uvicorn's own error log (``ERROR:    Exception
in ASGI application`` and the raw traceback under it, uvicorn's default ``%(levelprefix)s
%(message)s``) and structlog's JSON renderer behind the stdlib ``ProcessorFormatter`` (the
traceback as one ``exception`` string) in a FastAPI API and its Taskiq workers; Spring Boot
3.2's default console pattern (``<ISO time> <LEVEL> <pid> --- [<app>] [<thread>] <logger
abbreviated to 39> : <message>`` and the trace below it, Tomcat's "with root cause" for MVC
requests, ``TaskUtils$LoggingErrorHandler`` for ``@Scheduled`` methods); nestjs-pino's JSON
(Nest's ``ExceptionsHandler`` hands it ``(message, stack)``, which nestjs-pino turns into an
``err`` built as ``new Error(message)``: ``err.type`` is ``Error`` whatever was thrown, the
stack keeps the thrown class's name).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it, as
in ``logs``; ``logs.FORMATS`` takes them in under these keys (prefixed ``bn-``/``bo-``/``bp-``
so no other set's key is overwritten).
"""

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .traces import java_trace, node_stack, python_traceback

Fields = dict[str, str]


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


# --- bn: uvicorn + structlog ----------------------------------------------------------------------


def bn_uvicorn_error(d: Delivery) -> tuple[str, Fields]:
    """uvicorn's ``uvicorn.error`` logger under its default formatter, no timestamp (the
    container runtime adds none to the line itself): ``ERROR:    Exception in ASGI
    application`` then an empty line (the message ends in ``\\n``) and the traceback."""
    return "ERROR:    Exception in ASGI application\n\n" + python_traceback(d.chain), {
        "levelname": "ERROR"
    }


def bn_structlog(d: Delivery) -> tuple[str, Fields]:
    """structlog's ``JSONRenderer`` after ``format_exc_info``: ``event`` the message the code
    logged, ``exception`` the whole traceback as one string; the API binds the request id
    and path with ``contextvars``; Taskiq's receiver logs ``Exception found while executing
    function: <error>`` under ``taskiq.receiver.receiver``."""
    record: dict[str, object] = {}
    if d.bug.entry.startswith(("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")):
        record.update(
            request_id=d.rand.uuid(), method=d.bug.entry.split(" ", 1)[0], path=d.request_path
        )
        event = d.log_message
    else:
        record.update(
            task_name=d.bug.entry, task_id=d.rand.hex(32), labels={"retry_on_error": True}
        )
        first = d.thrown.value.split("\n", 1)[0]
        event = f"Exception found while executing function: {first}"
    record.update(
        event=event,
        logger=d.logger
        if d.bug.entry.startswith(("GET ", "POST ", "PUT ", "PATCH ", "DELETE "))
        else "taskiq.receiver.receiver",
        level="error",
        timestamp=d.iso(6),
        exception=python_traceback(d.chain),
    )
    return _compact(record), {"level": "error", "logger": str(record["logger"])}


# --- bo: Spring Boot 3.2 console -----------------------------------------------------------------


def abbreviate(name: str, width: int = 39) -> str:
    """logback's ``%logger{39}``: leading package segments cut to their first letter, from the
    left, until the name fits; the class name is kept whole."""
    parts = name.split(".")
    for i in range(len(parts) - 1):
        if len(".".join(parts)) <= width:
            break
        parts[i] = parts[i][:1]
    return ".".join(parts)


def bo_boot_console(d: Delivery) -> tuple[str, Fields]:
    """Spring Boot 3.2's ``CONSOLE_LOG_PATTERN`` without colours: ``%5p``, the pid, ``---``,
    ``[<spring.application.name>] `` then ``[%15.15t]`` and ``%-40.40logger{39}`` and the
    message, the trace on the lines below (``%wEx``). MVC requests fail in Tomcat's
    ``StandardWrapperValve`` (``Servlet.service() … threw exception [Request processing
    failed: <exc>] with root cause`` and the root cause's trace alone); ``@Scheduled`` runs
    in ``scheduling-1`` under ``TaskUtils$LoggingErrorHandler``; code that catches and logs
    prints its own message and the whole chain."""
    app = str(d.opts.get("app_name", d.service.name))
    stamp = d.iso(3)
    pid = 1
    first = d.thrown.value.split("\n", 1)[0]
    if d.bug.entry.startswith(("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")) and not d.bug.log:
        thread = f"nio-8080-exec-{d.rand.randint(1, 10)}"
        logger = "o.a.c.c.C.[.[.[/].[dispatcherServlet]"
        message = (
            "Servlet.service() for servlet [dispatcherServlet] in context with path [] threw "
            f"exception [Request processing failed: {d.thrown.text_name}: {first}] with root cause"
        )
        trace = java_trace(d.chain[:1])
    elif not d.bug.log:
        thread = f"scheduling-{d.rand.randint(1, 2)}"
        logger = "o.s.s.s.TaskUtils$LoggingErrorHandler"
        message = "Unexpected error occurred in scheduled task"
        trace = java_trace(d.chain)
    else:
        web = d.bug.entry.startswith(("GET ", "POST ", "PUT ", "PATCH ", "DELETE "))
        default = (
            f"nio-8080-exec-{d.rand.randint(1, 10)}"
            if web
            else f"scheduling-{d.rand.randint(1, 2)}"
        )
        thread = str(d.opts.get("thread", default))
        logger = abbreviate(d.logger)
        message = d.log_message
        trace = java_trace(d.chain)
    head = f"{stamp} ERROR {pid} --- [{app}] [{thread[-15:]:>15}] {logger:<40.40} : {message}"
    return head + "\n\n" + trace if logger.startswith("o.a.c") else head + "\n" + trace, {
        "thread": thread,
        "logger": logger,
    }


# --- bp: nestjs-pino --------------------------------------------------------------------------


def bp_nest_pino(d: Delivery) -> tuple[str, Fields]:
    """nestjs-pino 4 with pino-http: every line carries the request (``req`` with pino-http's
    id counter), ``context`` the Nest logger's name; Nest's ``ExceptionsHandler`` calls
    ``logger.error(exception.message, exception.stack)``, which nestjs-pino logs as ``err``
    built with ``new Error(message)``: ``err.type`` is ``Error``, ``err.stack`` the thrown
    one's, ``msg`` the message again."""
    exc = d.thrown
    record: dict[str, object] = {"level": 50, "time": d.epoch_ms, "pid": 1, "hostname": d.host}
    if d.bug.entry.startswith(("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")):
        record["req"] = {
            "id": d.rand.randint(1, 90_000),
            "method": d.bug.entry.split(" ", 1)[0],
            "url": d.request_path,
            "query": {},
            "params": {"0": d.request_path.lstrip("/")},
            "headers": {"host": "booking-api:3000", "user-agent": "undici"},
            "remoteAddress": "::ffff:" + d.values["ip"],
            "remotePort": d.rand.randint(32_768, 60_999),
        }
        context = "ExceptionsHandler"
        msg = exc.value
    else:
        context = str(d.opts.get("context", d.bug.logger or "Scheduler"))
        msg = d.log_message
    record["context"] = context
    record["err"] = {"type": "Error", "message": exc.value, "stack": node_stack(exc, exc.value)}
    record["msg"] = msg
    return _compact(record), {"context": context}


FORMATS21: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "bn-uvicorn-error": bn_uvicorn_error,
    "bn-structlog": bn_structlog,
    "bo-boot-console": bo_boot_console,
    "bp-nest-pino": bp_nest_pino,
}
