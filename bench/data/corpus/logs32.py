"""blind32's log formats (companies cu, cv, cw): Echo's request logger and River's job
executor on Go's ``log/slog`` JSON handler, bunyan records from a Bull worker, and log4net's
``XmlLayout`` and ``PatternLayout`` from an ASP.NET Core 8 API with Hangfire."""

from __future__ import annotations

import json
from collections.abc import Callable
from xml.sax.saxutils import escape, quoteattr

from .delivery import Delivery
from .traces import dotnet_core_trace, go_debug_stack, node_stack

Fields = dict[str, str]


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


def echo_request_slog(d: Delivery) -> tuple[str, Fields]:
    """Echo v4's ``RequestLoggerWithConfig`` wired to slog as Echo's docs show it: a
    ``REQUEST_ERROR`` record with ``uri``, ``status`` and ``err`` (the error's ``Error()``
    text, no stack, no type); the team adds the request id and the route's method."""
    record: dict[str, object] = {
        "time": d.iso(9, z=False).replace("+00:00", "Z"),
        "level": "ERROR",
        "msg": "REQUEST_ERROR",
        "method": d.bug.entry.split(" ", 1)[0],
        "uri": d.request_path,
        "status": int(str(d.opts.get("status", 500))),
        "err": d.thrown.value,
        "request_id": d.rand.alnum(32, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"),
        "latency_ms": d.rand.randint(3, 9_000),
    }
    return _compact(record), {"level": "ERROR", "msg": "REQUEST_ERROR"}


def echo_recover(d: Delivery) -> tuple[str, Fields]:
    """Echo's ``Recover`` middleware with its default log level: ``c.Logger().Print`` on
    gommon's JSON header (``level`` ``-``, the middleware's file and line), the message
    ``[PANIC RECOVER] <value> <runtime.Stack>`` in one string."""
    recover = d.opts.get("recover", ())
    assert isinstance(recover, tuple)
    stack = go_debug_stack(d.thrown, d.rand.randint(30, 9_000), recover)
    # runtime.Stack, not debug.Stack: no debug frame at the top.
    stack = stack.replace(
        "runtime/debug.Stack()\n\t/usr/local/go/src/runtime/debug/stack.go:26 +0x5e\n", ""
    )
    record = {
        "time": d.iso(9, z=False).replace("+00:00", "Z"),
        "level": "-",
        "prefix": "echo",
        "file": "recover.go",
        "line": "120",
        "message": f"[PANIC RECOVER] {d.thrown.value} {stack}\n",
    }
    return _compact(record), {"prefix": "echo"}


def river_slog(d: Delivery) -> tuple[str, Fields]:
    """River's job executor logging through the client's slog logger: ``Job errored`` with
    the job's id, kind and the error text; a panicking worker's ``Job panicked`` with the
    panic value and ``debug.Stack()``."""
    recover = d.opts.get("recover")
    record: dict[str, object] = {
        "time": d.iso(9, z=False).replace("+00:00", "Z"),
        "level": "ERROR",
    }
    if isinstance(recover, tuple):
        record["msg"] = "jobExecutor.execute: Job panicked"
        record["panic_val"] = d.thrown.value
        stack = go_debug_stack(d.thrown, d.rand.randint(30, 9_000), recover)
        # River's executors run in goroutines its producer starts, not net/http's.
        head, _, _ = stack.rpartition("created by ")
        record["stack_trace"] = (
            head + "created by github.com/riverqueue/river.(*producer).startNewExecutors in "
            f"goroutine {d.rand.randint(20, 90)}\n"
            "\t/go/pkg/mod/github.com/riverqueue/river@v0.15.0/producer.go:805 +0x4a5"
        )
    else:
        record["msg"] = "jobExecutor.reportError: Job errored"
        record["error"] = d.thrown.value
    record["job_id"] = d.rand.randint(100_000, 9_999_999)
    record["job_kind"] = d.bug.entry
    record["attempt"] = d.rand.randint(1, 25)
    record["queue"] = str(d.opts.get("queue", "default"))
    return _compact(record), {"level": "ERROR", "job_kind": d.bug.entry}


def bull_bunyan(d: Delivery) -> tuple[str, Fields]:
    """bunyan from the Bull worker's ``failed`` listener: a child logger with ``queue``,
    ``jobId`` and ``attemptsMade``, the error through ``bunyan.stdSerializers.err``."""
    exc = d.thrown
    record: dict[str, object] = {
        "name": d.service.name,
        "hostname": d.host,
        "pid": d.rand.randint(18, 40),
        "queue": str(d.opts.get("queue", d.bug.entry.split(":", 1)[0])),
        "jobId": str(d.rand.randint(10_000, 990_000)),
        "jobName": d.bug.entry,
        "attemptsMade": d.rand.randint(1, 5),
        "level": 50,
        "err": {"message": exc.value, "name": exc.type, "stack": node_stack(exc, exc.value)},
        "msg": d.log_message,
        "time": d.iso(3),
        "v": 0,
    }
    return _compact(record), {"level": "50", "queue": str(record["queue"])}


def _log4net_time(d: Delivery) -> str:
    return d.iso(7, z=False)


def log4net_xml(d: Delivery) -> tuple[str, Fields]:
    """log4net's ``XmlLayout`` (the ``log4net:`` prefix): the event's attributes, the message,
    the properties (host name, the request path) and ``Exception.ToString()``. On .NET Core
    log4net writes the prefix with ``XmlWriter.WriteStartElement(prefix, name, prefix)``, so the
    namespace URI is the bare ``log4net`` and the writer declares it on each event; the
    domain is the entry assembly's name."""
    domain = str(d.opts.get("domain", d.service.name))
    thread = str(d.rand.randint(4, 80))
    props = (
        f'<log4net:data name="log4net:HostName" value={quoteattr(d.host)} />'
        '<log4net:data name="log4net:UserName" value="ContainerUser" />'
    )
    if " /" in d.bug.entry:
        props += f'<log4net:data name="RequestPath" value={quoteattr(d.request_path)} />'
    raw = (
        f'<log4net:event logger={quoteattr(d.logger)} timestamp="{_log4net_time(d)}" '
        f'level="ERROR" thread="{thread}" domain="{domain}" username="ContainerUser" '
        'xmlns:log4net="log4net">'
        f"<log4net:message>{escape(d.log_message)}</log4net:message>"
        f"<log4net:properties>{props}</log4net:properties>"
        f"<log4net:exception>{escape(dotnet_core_trace(d.chain))}</log4net:exception>"
        "</log4net:event>"
    )
    return raw, {"level": "ERROR", "logger": d.logger}


def log4net_pattern(d: Delivery) -> tuple[str, Fields]:
    """log4net's ``PatternLayout`` ``%date [%thread] %-5level %logger - %message%newline
    %exception``: the date with a comma before the milliseconds, the exception's text below."""
    head = (
        f"{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis} [{d.rand.randint(4, 80)}] ERROR "
        f"{d.logger} - {d.log_message}"
    )
    return head + "\n" + dotnet_core_trace(d.chain), {"level": "ERROR"}


FORMATS32: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "cu-echo-slog": echo_request_slog,
    "cu-echo-recover": echo_recover,
    "cu-river-slog": river_slog,
    "cv-bull-bunyan": bull_bunyan,
    "cw-log4net-xml": log4net_xml,
    "cw-log4net-text": log4net_pattern,
}
