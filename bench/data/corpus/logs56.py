"""blind56's log formats: a Go Fiber v2 API on zerolog (the JSON encoder with
``zerolog/pkgerrors``' ``MarshalStack``: ``stack`` an array of ``{"func","line","source"}``
objects, innermost first, the error's text in ``error``; and ``ConsoleWriter`` with
``NoColor``: ``<time> ERR <message> key=value``) (fo), a Scala 3 ZIO-HTTP service on
zio-logging (the default ``LogFormat``: ``timestamp=... level=ERROR thread=zio-fiber-N
message="..." cause=Exception in thread "zio-fiber-N" <trace>``, and ``consoleJsonLogger``'s
one-line JSON with the cause as a string) (fp), and a Java Vert.x 4 service left on JUL's
``SimpleFormatter`` (two-line head: date, source class and method, then ``SEVERE: message``;
Vert.x Web's ``Unhandled exception in router``, the context's ``Unhandled exception``,
Netty's tail-of-pipeline WARNING) (fq).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

# ruff: noqa: E501

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .traces import java_trace

Fields = dict[str, str]


# --- Go Fiber on zerolog -----------------------------------------------------------------------


def _pkg_stack(d: Delivery) -> list[dict[str, str]]:
    """``pkgerrors.MarshalStack``: the deepest pkg/errors stack, innermost first, ``source``
    the base name only, ``func`` without the package path."""
    out = []
    for f in reversed(d.frames):
        func = f.function
        out.append({"func": func, "line": str(f.line), "source": f.file.rsplit("/", 1)[-1]})
    return out


def fiber_zerolog(d: Delivery) -> tuple[str, Fields]:
    """``log.Error().Stack().Err(err)`` in the app's Fiber ``ErrorHandler``: ``opts.kind``
    ``json`` (default) or ``console`` (``ConsoleWriter{NoColor: true, TimeFormat:
    time.RFC3339}``, the stack array printed as its JSON)."""
    kind = str(d.opts.get("kind", "json"))
    msg = d.values.fill(d.bug.log) if d.bug.log else "request failed"
    method, _, _ = d.bug.entry.partition(" ")
    stack = _pkg_stack(d) if d.opts.get("stack", True) else []
    rid = d.rand.uuid()
    if kind == "console":
        parts = [d.stamp("%Y-%m-%dT%H:%M:%SZ"), "ERR", msg]
        parts.append(
            f"error={json.dumps(d.thrown.value)}"
            if " " in d.thrown.value
            else f"error={d.thrown.value}"
        )
        parts.append(f"method={method} path={d.request_path} request_id={rid}")
        if stack:
            parts.append("stack=" + json.dumps(stack, separators=(",", ":")))
        parts.append("status=500")
        return " ".join(parts), {}
    record: dict[str, object] = {"level": "error", "service": d.service.name, "request_id": rid}
    if method and d.request_path.startswith("/"):
        record.update({"method": method, "path": d.request_path, "status": 500})
    if stack:
        record["stack"] = stack
    record.update({"error": d.thrown.value, "time": d.stamp("%Y-%m-%dT%H:%M:%SZ"), "message": msg})
    return json.dumps(record, separators=(",", ":")), {"level": "error", "message": msg}


# --- ZIO on zio-logging -----------------------------------------------------------------------


def _zio_cause(d: Delivery, fiber: str) -> str:
    """``Cause.prettyPrint`` of a failure: ``Exception in thread "zio-fiber-N"`` before the
    JVM trace (``Caused by:`` below)."""
    return f'Exception in thread "{fiber}" ' + java_trace(d.chain)


def zio_logging(d: Delivery) -> tuple[str, Fields]:
    """zio-logging 2's default console format (``opts.kind`` ``text``) or
    ``consoleJsonLogger`` (``json``): ``ZIO.logErrorCause(msg, cause)`` of the app or
    ZIO-HTTP's own ``Unhandled exception`` in the server's error callback."""
    kind = str(d.opts.get("kind", "text"))
    fiber = f"zio-fiber-{d.rand.randint(40, 90000)}"
    msg = d.values.fill(d.bug.log) if d.bug.log else "Unhandled exception"
    cause = _zio_cause(d, fiber)
    ts = d.iso(6)
    if kind == "json":
        record = {
            "timestamp": ts,
            "level": "ERROR",
            "thread": fiber,
            "message": msg,
            "cause": cause,
        }
        return json.dumps(record, separators=(",", ":")), {"level": "ERROR", "thread": fiber}
    return f'timestamp={ts} level=ERROR thread={fiber} message="{msg}" cause={cause}', {
        "level": "ERROR"
    }


# --- Vert.x 4 on JUL ---------------------------------------------------------------------------

_VERTX_SOURCES = {
    "router": (
        "io.vertx.ext.web.RoutingContext",
        "handleFailure",
        "SEVERE",
        "Unhandled exception in router",
    ),
    "context": (
        "io.vertx.core.impl.ContextImpl",
        "reportException",
        "SEVERE",
        "Unhandled exception",
    ),
    "netty": (
        "io.netty.channel.DefaultChannelPipeline",
        "onUnhandledInboundException",
        "WARNING",
        "An exceptionCaught() event was fired, and it reached at the tail of the pipeline. It usually means the last handler in the pipeline did not handle the exception.",
    ),
}


def vertx_jul(d: Delivery) -> tuple[str, Fields]:
    """JUL's ``SimpleFormatter`` default (``%1$tb %1$td, %1$tY %1$tl:%1$tM:%1$tS %1$Tp
    %2$s%n%4$s: %5$s%6$s%n``): ``opts.kind`` ``router``, ``context``, ``netty`` or ``team``
    (the team's ``LOG.log(Level.SEVERE, msg, e)`` from the class of the innermost app frame)."""
    kind = str(d.opts.get("kind", "router"))
    if kind == "team":
        app = [x for x in d.frames if x.in_app]
        # A stackless failure (``NoStackTraceThrowable``): ``opts.source`` names the logging class.
        source = f"{app[-1].module} {app[-1].function}" if app else str(d.opts["source"])
        cls, _, method = source.partition(" ")
        level, msg = "SEVERE", d.log_message
    else:
        cls, method, level, msg = _VERTX_SOURCES[kind]
    hour = int(d.stamp("%I"))
    head = f"{d.stamp('%b %d, %Y')} {hour}:{d.stamp('%M:%S %p')} {cls} {method}"
    return f"{head}\n{level}: {msg}\n{java_trace(d.chain)}", {"logger": cls}


FORMATS56: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "fo-fiber-zerolog": fiber_zerolog,
    "fp-zio-logging": zio_logging,
    "fq-vertx-jul": vertx_jul,
}
