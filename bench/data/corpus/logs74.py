"""blind74's log formats.

hq: a Java 21 Spring Boot 3.4 WebFlux service on Spring Boot's own structured logging
(``logging.structured.format.console=ecs``): one JSON object a line with the flat ECS keys
``@timestamp``, ``log.level``, ``process.pid``, ``process.thread.name``, ``service.name``,
``service.version``, ``service.environment``, ``log.logger``, ``message``, the MDC, then
``error.type``, ``error.message``, ``error.stack_trace`` and ``ecs.version`` last. Request
errors no handler took are logged by ``AbstractErrorWebExceptionHandler`` as ``[<log prefix>]
500 Server Error for HTTP <VERB> "<path>"`` with Reactor's checkpoint block suppressed on the
error; Reactor's ``Operators.onErrorDropped`` record; the team's own ``log.error(msg, e)``; a
catch block logging only ``e.getMessage()``. A nightly job image still on Spring Boot's default
console pattern (text) sits in the same index.

hr: a Go 1.22 chi API and worker on ``log/slog``'s ``JSONHandler`` with ``AddSource`` (``time``
with milliseconds, ``level``, ``source`` {function, file, line}, ``msg``, then the attributes:
``err`` as ``Error()``, ``method``, ``path``, ``request_id``); the worker's handler without
``AddSource``; the team's recover middleware logging ``panic recovered`` with ``panic`` and
``debug.Stack()`` in ``stack``. Seen only through Datadog log monitors.

Each function returns the raw text and the fields a Splunk search extracts from it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace

from .delivery import Delivery
from .model import Frame
from .traces import go_debug_stack, java_trace

Fields = dict[str, str]

# Checkpoint lines are quoted whole; Reactor prints U+21E2 in them.
# ruff: noqa: E501

HTTP_VERBS = ("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")
WEBFLUX_LOGGER = (
    "org.springframework.boot.autoconfigure.web.reactive.error.AbstractErrorWebExceptionHandler"
)
DROPPED_LOGGER = "reactor.core.publisher.Operators"


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


def _hq_thread(d: Delivery) -> str:
    if d.opts.get("thread"):
        return str(d.opts["thread"])
    if d.bug.entry.startswith(HTTP_VERBS):
        return f"reactor-http-epoll-{d.rand.randint(1, 4)}"
    if d.bug.entry.startswith("kafka"):
        return f"kafka-consumer-{d.rand.randint(1, 3)}"
    return f"scheduling-{d.rand.randint(1, 2)}"


def _checkpointed(d: Delivery) -> str:
    """The trace with Reactor's checkpoint block as WebFlux leaves it on a request error."""
    text = java_trace(d.chain)
    method, _, _ = d.bug.entry.partition(" ")
    head, *rest = text.split("\n")
    own = []
    while rest and rest[0].startswith("\tat "):
        own.append("\t" + rest.pop(0))
    handler = str(d.opts.get("handler", ""))
    sites = []
    if handler:
        sites.append(f"\t*__checkpoint ⇢ Handler {handler} [DispatcherHandler]")
    sites.append(
        "\t*__checkpoint ⇢ org.springframework.web.filter.reactive.ServerHttpObservationFilter [DefaultWebFilterChain]"
    )
    sites.append(
        f'\t*__checkpoint ⇢ HTTP {method} "{d.request_path}" [ExceptionHandlingWebHandler]'
    )
    block = [
        "\tSuppressed: reactor.core.publisher.FluxOnAssembly$OnAssemblyException: ",
        "Error has been observed at the following site(s):",
        *sites,
        "Original Stack Trace:",
    ]
    return "\n".join([head, *block, *own, *rest])


def boot_ecs(d: Delivery) -> tuple[str, Fields]:
    """Spring Boot 3.4's ``ecs`` structured console format. ``opts.kind``: ``webflux`` (the
    default for a request without ``log``): ``AbstractErrorWebExceptionHandler``'s record with
    the checkpointed trace; ``team``: the code's ``log.error(msg, e)``; ``dropped``: Reactor's
    ``Operator called default onErrorDropped``; ``noexc``: ``log.error("{}: {}", msg,
    e.getMessage())`` with no ``error.*`` fields."""
    default = "webflux" if d.bug.entry.startswith(HTTP_VERBS) and not d.bug.log else "team"
    kind = str(d.opts.get("kind", default))
    exc = d.thrown
    logger, message = d.logger, d.log_message
    stack = java_trace(d.chain)
    if kind == "webflux":
        logger = WEBFLUX_LOGGER
        method = d.bug.entry.split(" ", 1)[0]
        message = (
            f"[{d.rand.hex(8)}-{d.rand.randint(1, 4000)}] 500 Server Error for HTTP {method} "
            f'"{d.request_path}"'
        )
        stack = _checkpointed(d)
    elif kind == "dropped":
        logger = DROPPED_LOGGER
        message = "Operator called default onErrorDropped"
    elif kind == "noexc":
        message = f"{d.log_message}: {exc.value.split(chr(10), 1)[0]}"
    record: dict[str, object] = {
        "@timestamp": d.iso(6),
        "log.level": "ERROR",
        "process.pid": 1,
        "process.thread.name": _hq_thread(d),
        "service.name": d.service.name,
        "service.version": d.company.releases[d.release],
        "service.environment": "production",
        "log.logger": logger,
        "message": message,
    }
    if d.bug.entry.startswith(HTTP_VERBS):
        record["traceId"] = d.rand.hex(32)
        record["spanId"] = d.rand.hex(16)
    if kind != "noexc":
        record["error.type"] = exc.text_name
        if exc.value:
            record["error.message"] = exc.value
        record["error.stack_trace"] = stack
    record["ecs.version"] = "8.11"
    return _compact(record), {"log.level": "ERROR", "log.logger": logger}


def _abbrev(logger: str, width: int = 40) -> str:
    """Logback's ``%logger{39}``-style shortening: packages to initials until it fits."""
    parts = logger.split(".")
    i = 0
    while len(".".join(parts)) > width and i < len(parts) - 1:
        parts[i] = parts[i][0]
        i += 1
    return ".".join(parts)


def boot_console(d: Delivery) -> tuple[str, Fields]:
    """Spring Boot 3.4's default console pattern (the nightly job's image, not yet moved to
    structured logging): ``<iso> ERROR 1 --- [<app>] [<thread>] <logger> : <msg>`` and the
    trace. ``opts.cut``: the forwarder's line-merging keeps the first ``cut`` lines."""
    thread = _hq_thread(d)[:15].rjust(15)
    head = (
        f"{d.iso(3)} ERROR 1 --- [{d.service.name}] [{thread}] "
        f"{_abbrev(d.logger).ljust(40)} : {d.log_message}"
    )
    raw = f"{head}\n{java_trace(d.chain)}"
    cut = int(str(d.opts.get("cut", 0)))
    if cut:
        raw = "\n".join(raw.split("\n")[:cut])
    return raw, {"level": "ERROR"}


def _recover_frame(d: Delivery) -> Frame | None:
    spec = str(d.opts.get("recover", ""))
    if not spec:
        return None
    function, file, line = spec.split("|")
    module, _, rest = function.partition("/internal/httpapi.")
    return Frame(rest, file, int(line), module + "/internal/httpapi")


def _source(d: Delivery) -> dict[str, object]:
    """slog's ``AddSource``: the frame that called the log method, the handler a few lines
    after its failing call (or the recover middleware's deferred closure)."""
    rec = _recover_frame(d)
    if rec is not None:
        return {"function": f"{rec.module}.{rec.function}", "file": rec.file, "line": rec.line}
    app = [x for x in d.frames if x.in_app] or list(d.frames)
    f = app[0]
    return {"function": f"{f.module}.{f.function}", "file": f.file, "line": f.line + 2}


def slog_json(d: Delivery) -> tuple[str, Fields]:
    """``log/slog``'s ``JSONHandler``. ``opts.kind``: ``app`` (default): ``logger.ErrorContext(
    ctx, msg, "err", err, ...)``; ``nosource``: the worker's handler without ``AddSource``;
    ``panic``: the team's recover middleware, ``panic`` the value and ``stack`` the whole
    ``debug.Stack()``."""
    kind = str(d.opts.get("kind", "app"))
    record: dict[str, object] = {
        "time": d.iso(3),
        "level": "ERROR",
    }
    if kind != "nosource":
        record["source"] = _source(d)
    exc = d.thrown
    if kind == "panic":
        record["msg"] = "panic recovered"
        record["panic"] = exc.value
        frames = tuple(f for f in exc.frames if f.function != "gopanic")
        rec = _recover_frame(d)
        stack = go_debug_stack(
            replace(exc, frames=frames), d.rand.randint(20, 900), (rec,) if rec else ()
        )
        record["stack"] = stack
    else:
        record["msg"] = d.values.fill(str(d.opts.get("msg", d.bug.log or "request failed")))
        record["err"] = exc.value
    if d.bug.entry.startswith(HTTP_VERBS):
        record["method"] = d.bug.entry.split(" ", 1)[0]
        record["path"] = d.request_path
        record["request_id"] = f"{d.host}/{d.rand.alnum(10)}-{d.rand.randint(1, 999999):06d}"
    else:
        record["job"] = d.bug.entry
    record["service"] = d.service.name
    record["version"] = d.company.releases[d.release]
    return _compact(record), {"level": "ERROR"}


FORMATS74: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "hq-boot-ecs": boot_ecs,
    "hq-boot-console": boot_console,
    "hr-slog-json": slog_json,
}
