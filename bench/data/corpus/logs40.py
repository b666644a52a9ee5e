"""blind40's log formats: AdonisJS 6's pino logger (JSON lines, the ``err`` serializer, ESM
``file://`` stack frames of the compiled ``build/`` tree) for the HTTP exception handler and
the queue worker (ds); ``java.util.logging.SimpleFormatter``'s default two-line records and a
host's one-line ``-Djava.util.logging.SimpleFormatter.format`` override under Vert.x 4 (dt);
Python's ``logging.basicConfig()`` default ``%(levelname)s:%(name)s:%(message)s`` with the
traceback after it, from Quart's ``log_exception`` and Huey's consumer (du).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .model import Exc
from .traces import java_trace, node_position, python_traceback

Fields = dict[str, str]


# The app and Adonis's own packages are ES modules (``file://`` URLs); CommonJS packages
# (knex, bullmq, nodemailer, the AWS SDK) print plain paths.
_ESM = ("build/", "node_modules/@adonisjs/", "node_modules/@poppinss/", "node_modules/@rlanz/")


def _esm_stack(exc: Exc) -> str:
    """V8's stack for ESM code: frames name ``file:///app/...`` URLs (``node ace build`` output
    runs from /app/build; packages from /app/node_modules)."""
    lines = [f"{exc.type}: {exc.value}" if exc.value else exc.type]
    for f in reversed(exc.frames):
        line, col = node_position(f)
        if f.file.startswith("node:"):
            where = f"{f.file}:{f.line}:{col}"
        elif f.file.startswith(_ESM):
            where = f"file:///app/{f.file}:{line}:{col}"
        else:
            where = f"/app/{f.file}:{line}:{col}"
        # The throwing frame runs synchronously: V8 marks only the awaiting callers async.
        prefix = "async " if f.args == "async" and len(lines) > 1 else ""
        lines.append(
            f"    at {prefix}{f.function} ({where})" if f.function else f"    at {prefix}{where}"
        )
    return "\n".join(lines)


def adonis_pino(d: Delivery) -> tuple[str, Fields]:
    """``HttpExceptionHandler.report``: ``ctx.logger.error({ err }, error.message)`` through
    the request's child logger (``request_id``); the worker's ``logger.error({ err, job },
    'job failed')`` has no request. pino's ``err`` serializer adds Lucid/pg fields it finds."""
    exc = d.thrown
    err: dict[str, object] = {"type": exc.type, "message": exc.value, "stack": _esm_stack(exc)}
    code = str(d.opts.get("code", ""))
    if code:
        err["code"] = code
    record: dict[str, object] = {
        "level": 50,
        "time": d.epoch_ms,
        "pid": d.rand.randint(18, 90),
        "hostname": d.host,
    }
    if " " in d.bug.entry:
        record["request_id"] = d.rand.alnum(24, "abcdefghijklmnopqrstuvwxyz0123456789")
        record["err"] = err
        record["msg"] = d.log_message
    else:
        record["job"] = {"name": d.bug.entry, "id": str(d.rand.randint(1000, 99999))}
        record["err"] = err
        record["msg"] = d.bug.log or "job failed"
    raw = json.dumps(record, separators=(",", ":"), ensure_ascii=False)
    return raw, {"level": "50", "hostname": d.host}


# dt: the app's onFailure lambdas that log, as JUL's caller inference names them.
_LAMBDAS = {
    "com.doddwood.haulage.api.BookingHandler": "lambda$create$2",
    "com.doddwood.telematics.PositionWriter": "lambda$write$1",
    "com.doddwood.haulage.clients.WeighbridgeClient": "lambda$ticket$0",
    "com.doddwood.haulage.clients.FellingRegisterClient": "lambda$licence$0",
    "com.doddwood.haulage.api.AssignHandler": "lambda$handle$1",
    "com.doddwood.haulage.api.EtaHandler": "lambda$handle$0",
    "com.doddwood.haulage.pricing.FuelIndex": "lambda$current$3",
}


def _jul_source(d: Delivery) -> str:
    """Vert.x's ``JULLogDelegate`` clears the source class, so SimpleFormatter prints the logger
    name; the app's own ``Logger.log(SEVERE, msg, e)`` gets JUL's inferred class and method."""
    if d.bug.logger:
        return f"{d.bug.logger} {_LAMBDAS.get(d.bug.logger, 'handle')}"
    # Unhandled: Vert.x Web's router or the context's exception handler, by logger name.
    return (
        "io.vertx.ext.web.RoutingContext"
        if " " in d.bug.entry
        else "io.vertx.core.impl.ContextImpl"
    )


def _jul_message(d: Delivery) -> str:
    if d.bug.log:
        return d.log_message
    if " " in d.bug.entry:
        return "Unhandled exception in router"
    return "Unhandled exception"


def jul_simple(d: Delivery) -> tuple[str, Fields]:
    """SimpleFormatter's default ``%1$tb %1$td, %1$tY %1$tl:%1$tM:%1$tS %1$Tp %2$s%n%4$s:
    %5$s%6$s%n``: date and source, then ``SEVERE: message`` and printStackTrace's text."""
    hour = d.stamp("%I").lstrip("0") or "12"
    head = d.stamp("%b %d, %Y ") + hour + d.stamp(":%M:%S %p")
    raw = f"{head} {_jul_source(d)}\nSEVERE: {_jul_message(d)}\n{java_trace(d.chain)}"
    return raw, {"level": "SEVERE"}


def jul_oneline(d: Delivery) -> tuple[str, Fields]:
    """The newer hosts' ``-Djava.util.logging.SimpleFormatter.format="%1$tF %1$tT.%1$tL %4$s
    [%3$s] %5$s%6$s%n"``: the logger name in brackets, the trace after a newline."""
    stamp = d.stamp("%Y-%m-%d %H:%M:%S") + "." + d.millis
    logger = _jul_source(d).split(" ")[0]
    raw = f"{stamp} SEVERE [{logger}] {_jul_message(d)}\n{java_trace(d.chain)}"
    return raw, {"level": "SEVERE", "logger": logger}


def py_basic(d: Delivery) -> tuple[str, Fields]:
    """``logging.basicConfig(level=INFO)``'s ``%(levelname)s:%(name)s:%(message)s``; Quart's
    ``log_exception`` (``quart.app``: ``Exception on request METHOD /path``) and Huey's
    ``Unhandled exception in task <id>.`` (logger ``huey``), each with ``exc_info``."""
    if d.service.framework == "huey":
        name, msg = "huey", f"Unhandled exception in task {d.rand.uuid()}."
    elif d.bug.log:
        name, msg = d.logger, d.log_message
    else:
        method = d.bug.entry.split(" ")[0]
        name, msg = "quart.app", f"Exception on request {method} {d.request_path}"
    raw = f"ERROR:{name}:{msg}\n{python_traceback(d.chain)}"
    return raw, {"levelname": "ERROR", "name": name}


FORMATS40: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "ds-adonis-pino": adonis_pino,
    "dt-jul-simple": jul_simple,
    "dt-jul-oneline": jul_oneline,
    "du-py-basic": py_basic,
}
