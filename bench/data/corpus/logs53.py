"""blind53's log formats: a Vapor 4 server on Linux (ff) through swift-log's default
``StreamLogHandler`` (``<ISO8601 with +0000> <level> <label> : <key=value metadata> [<source>]
<message>``; ``ErrorMiddleware``'s report of a thrown error is the error's reflection only, no
stack), the Swift runtime's crash on stderr (``<fileID>:<line>: Fatal error: <message>`` and
the Swift 5.9+ Linux backtracer's "💣 Program crashed" report with its numbered frames), and
the queue worker on Vapor's own ``ConsoleLogger`` (``[ ERROR ] <message> [<key>: <value>]``).

A Deno 2 app (fg): ``Deno.serve``'s default ``onError`` (``console.error(error)``: the bare
stack, an ``Error.cause`` printed as ``Caused by <stack>``), the runtime's "Exception in cron
handler <name>" and "Exception in queue handler" reports, and ``@std/log``'s default
ConsoleHandler (``<LEVEL> <msg>``, no stack).

A Quarkus 3 service (fh): JBoss LogManager's JSON formatter (quarkus-logging-json) with the
``detailed`` exception output (``exception`` with ``refId``, ``exceptionType``, ``message``,
``frames`` and ``causedBy``) or the ``formatted`` one (a ``stackTrace`` string), and the
console's default text pattern ``%d{yyyy-MM-dd HH:mm:ss,SSS} %-5p [%c{3.}] (%t) %s%e%n`` with
``QuarkusErrorHandler``'s "HTTP Request to ... failed, error id: ..." line.

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

# ruff: noqa: E501

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .logs7 import deno_stack
from .model import Exc, Frame
from .rand import stable_int
from .traces import java_trace

Fields = dict[str, str]

_HTTP = ("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


# --- Swift on Linux (ff) -------------------------------------------------------------------------


def _reflect(d: Delivery) -> str:
    """What ``ErrorMiddleware`` logs for a thrown error: its ``String(reflecting:)``. A bug's
    ``log`` (with ``<exc>``) overrides it where the app logs the error itself."""
    if d.bug.log:
        # Swift interpolates the error itself ("\(error)"), with no type name before it.
        first = d.thrown.value.split("\n", 1)[0]
        return d.log_message.replace(f"{d.thrown.text_name}: {first}", first)
    return d.thrown.value


def vapor_stream(d: Delivery) -> tuple[str, Fields]:
    """swift-log's ``StreamLogHandler.standardOutput(label:)``: the label Vapor gives the
    request logger, metadata sorted by key as ``key=value``, the source module in brackets."""
    stamp = d.stamp("%Y-%m-%dT%H:%M:%S+0000")
    level = str(d.opts.get("level", "error"))
    meta = f"request-id={d.values['uuid'].upper()}" if d.bug.entry.startswith(_HTTP) else ""
    source = str(d.opts.get("source", "Vapor" if not d.bug.log else "App"))
    label = str(d.opts.get("label", "codes.vapor.application"))
    message = d.values.fill(str(d.opts["msg"])) if "msg" in d.opts else _reflect(d)
    line = f"{stamp} {level} {label} :{(' ' + meta) if meta else ''} [{source}] {message}"
    return line, {"level": level, "label": label}


def _image_offset(f: Frame) -> int:
    return stable_int("ff-off", f.function, f.file) % 0x7FF + 0x10


def swift_crash(d: Delivery) -> tuple[str, Fields]:
    """The Swift runtime's trap message and, unless ``opts.kind == "fatal"`` (a collector
    that kept the first line only), the Linux backtracer's report: the crashed thread (a
    SwiftNIO event loop), frames innermost first with ``[ra]`` on return addresses, each
    ``<fn> + <off> in App at <path>:<line>:<col>`` (the executable is statically linked, so
    Vapor's and NIO's frames are in image ``App`` too, under ``.build/checkouts``)."""
    exc = d.thrown
    where = str(d.opts.get("where", ""))
    if not where:
        app = [f for f in exc.frames if f.in_app]
        top = app[-1] if app else exc.frames[-1]
        where = top.file.split("/Sources/", 1)[-1] + f":{top.line}"
    head = f"{where}: Fatal error: {exc.value}"
    if d.opts.get("kind") == "fatal":
        return head, {}
    loop = d.rand.randint(0, 3)
    lines = [
        head,
        "",
        f"💣 Program crashed: System trap at 0x0000{d.rand.hex(12)}",
        "",
        f'Thread {loop + 1} "NIO-ELT-0-#{loop}" crashed:',
        "",
    ]
    frames = list(reversed(exc.frames))
    for i, f in enumerate(frames):
        addr = 0x5600_0000_0000 + stable_int("ff-pc", f.function, d.release) % 0xFF_FFFF_FFFF
        ra = "[ra] " if i else ""
        col = stable_int("ff-col", f.function) % 40 + 5
        at = f" at {f.file}:{f.line}:{col}" if f.file else ""
        lines.append(f"{i} {ra}0x0000{addr:012x} {f.function} + {_image_offset(f)} in App{at}")
    lines += ["", f"Backtrace took {d.rand.randint(8, 90) / 100:.2f}s"]
    return "\n".join(lines), {}


def vapor_console(d: Delivery) -> tuple[str, Fields]:
    """Vapor's ``ConsoleLogger`` (``LoggingSystem.bootstrap(from: &env)``) in production: no
    timestamp, ``[ ERROR ]``, the message, the metadata as ``[key: value, ...]``."""
    meta = {
        "job_id": d.values["uuid"].upper(),
        "job_name": d.bug.entry,
        "queue": str(d.opts.get("queue", "default")),
    }
    shown = ", ".join(f"{k}: {v}" for k, v in meta.items())
    return f"[ ERROR ] {_reflect(d)} [{shown}]", {}


# --- Deno 2 (fg) ---------------------------------------------------------------------------------


def _deno_error(chain: list[Exc]) -> str:
    """Deno's ``console.error(error)``: the thrown error's stack, each cause after it as
    ``Caused by <stack>``."""
    order = list(reversed(chain))
    out = [deno_stack(order[0], order[0].value)]
    out += [f"Caused by {deno_stack(e, e.value)}" for e in order[1:]]
    return "\n".join(out)


def deno_serve(d: Delivery) -> tuple[str, Fields]:
    """``Deno.serve``'s default ``onError``; ``opts.kind`` ``cron`` or ``queue`` for the
    runtime's own report of a ``Deno.cron`` / ``kv.listenQueue`` handler's throw; ``stdlog``
    for the app's ``log.error`` through ``@std/log``'s default format (no stack)."""
    kind = str(d.opts.get("kind", "serve"))
    if kind == "stdlog":
        return f"ERROR {d.log_message}", {}
    body = _deno_error(d.chain)
    if kind == "cron":
        return f"Exception in cron handler {d.bug.entry} {body}", {}
    if kind == "queue":
        return f"Exception in queue handler {body}", {}
    return body, {}


# --- Quarkus 3 (fh) ------------------------------------------------------------------------------


def abbreviate(category: str) -> str:
    """``%c{3.}``: every package segment cut to three characters, the class kept."""
    *pkg, cls = category.split(".")
    return ".".join([p[:3] for p in pkg] + [cls])


def _frames(exc: Exc) -> list[dict[str, object]]:
    return [{"class": f.module, "method": f.function, "line": f.line} for f in reversed(exc.frames)]


def _detailed(chain: list[Exc]) -> dict[str, object]:
    """JBoss LogManager's structured exception: the thrown one, each cause in ``causedBy``."""
    node: dict[str, object] | None = None
    for ref, exc in enumerate(chain):
        this: dict[str, object] = {
            "refId": len(chain) - ref,
            "exceptionType": exc.text_name,
            "message": exc.value,
            "frames": _frames(exc),
        }
        if node is not None:
            this["causedBy"] = {"exception": node}
        node = this
    assert node is not None
    return node


def _thread(d: Delivery) -> str:
    if "thread" in d.opts:
        return str(d.opts["thread"])
    if d.bug.entry.startswith(_HTTP):
        if d.opts.get("worker"):
            return f"executor-thread-{d.rand.randint(1, 48)}"
        return f"vert.x-eventloop-thread-{d.rand.randint(0, 7)}"
    return f"vert.x-worker-thread-{d.rand.randint(0, 19)}"


def _message(d: Delivery) -> str:
    if d.bug.log:
        return d.log_message
    return f"HTTP Request to {d.request_path} failed, error id: {d.values['uuid']}-{d.rand.randint(1, 40)}"


def _category(d: Delivery) -> str:
    if d.bug.logger:
        return d.bug.logger
    if d.bug.log:
        return d.logger
    return "io.quarkus.vertx.http.runtime.QuarkusErrorHandler"


def quarkus_json(d: Delivery) -> tuple[str, Fields]:
    """quarkus-logging-json's console record; ``opts.output`` ``formatted`` for the
    ``stackTrace`` string instead of the ``detailed`` exception object."""
    category = _category(d)
    record: dict[str, object] = {
        "timestamp": d.iso(3),
        "sequence": d.rand.randint(2_000, 90_000),
        "loggerClassName": "org.jboss.logging.Logger",
        "loggerName": category,
        "level": str(d.opts.get("level", "ERROR")),
        "message": _message(d),
        "threadName": _thread(d),
        "threadId": d.rand.randint(20, 260),
        "mdc": {"traceId": d.rand.hex(32), "spanId": d.rand.hex(16), "sampled": "true"},
        "ndc": "",
        "hostName": d.host,
        "processName": "quarkus-run.jar",
        "processId": 1,
    }
    if d.opts.get("output") == "formatted":
        record["stackTrace"] = java_trace(d.chain)
    else:
        record["exception"] = _detailed(d.chain)
    return _compact(record), {"level": str(record["level"]), "loggerName": category}


def quarkus_text(d: Delivery) -> tuple[str, Fields]:
    """Quarkus's default console pattern, the exception printed after the message."""
    stamp = d.stamp("%Y-%m-%d %H:%M:%S") + "," + d.millis
    level = str(d.opts.get("level", "ERROR"))
    head = f"{stamp} {level:<5} [{abbreviate(_category(d))}] ({_thread(d)}) {_message(d)}"
    return head + ": " + java_trace(d.chain), {}


FORMATS53: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "ff-vapor-stream": vapor_stream,
    "ff-swift-crash": swift_crash,
    "ff-vapor-console": vapor_console,
    "fg-deno-serve": deno_serve,
    "fh-quarkus-json": quarkus_json,
    "fh-quarkus-text": quarkus_text,
}

__all__ = ["FORMATS53"]
