"""Log formats of blind17's companies (bb, bc, bd): django-structlog's JSON events
(``request_failed``, ``task_failed`` and the app's own) from a Django 5 / Channels / Celery
deployment, winston's JSON (``format.errors({ stack: true })`` and ``defaultMeta``) from a Koa
API and its Agenda worker, and a Spring WebFlux service's logback output: Spring Boot's
console pattern with Reactor's checkpoint block (``Error has been observed at the following
site(s)``) appended to the trace as a suppressed exception, and the same events through
logstash-logback-encoder with dd-java-agent's MDC keys.

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it, as
in ``logs``; ``logs.FORMATS`` takes them in under these keys.
"""

# Log lines and traces are quoted whole; Reactor prints U+21E2 in its checkpoint lines.
# ruff: noqa: E501

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .rand import stable_int
from .traces import java_trace, node_stack, python_traceback

Fields = dict[str, str]

HTTP_VERBS = ("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


# --- Django 5 + Channels + Celery with django-structlog ----------------------------------------


def bb_structlog(d: Delivery) -> tuple[str, Fields]:
    """django-structlog's ``JSONRenderer`` output as the team's ``ProcessorFormatter`` writes
    it (``json.dumps`` defaults): the bound ``request_id``/``user_id``/``ip`` first, then the
    event. An unhandled view error is django-structlog's own ``request_failed`` event, a Celery
    failure its ``task_failed`` (with ``error``), a websocket consumer's the app's own event
    name (``bug.log``) with the consumer's ``channel_name``; ``format_exc_info`` puts the whole
    traceback in ``exception``."""
    entry = d.bug.entry
    record: dict[str, object] = {}
    if entry.startswith(HTTP_VERBS):
        record["request_id"] = d.rand.uuid()
        record["user_id"] = d.rand.randint(1_000, 90_000) if d.index % 3 else None
        record["ip"] = (
            f"10.{d.rand.randint(0, 40)}.{d.rand.randint(0, 255)}.{d.rand.randint(2, 254)}"
        )
        if d.bug.log:
            record["event"] = d.log_message
        else:
            # request_failed carries the exception alone; the request line was logged by
            # request_started.
            record["event"] = "request_failed"
    elif entry.startswith("/ws/"):
        record["channel_name"] = f"specific.{d.rand.hex(32)}!{d.rand.alnum(12)}"
        record["path"] = d.request_path
        record["user_id"] = d.rand.randint(1_000, 90_000)
        record["event"] = d.log_message
    else:
        record["task_id"] = d.rand.uuid()
        record["parent_task_id"] = None
        record["error"] = d.thrown.value.split("\n", 1)[0]
        record["event"] = "task_failed"
    record.update(
        timestamp=d.iso(6),
        logger=d.logger if entry.startswith("/ws/") or d.bug.log else _structlog_logger(entry),
        level="error",
    )
    record["exception"] = python_traceback(d.chain)
    return json.dumps(record), {"level": "error", "event": str(record["event"])}


def _structlog_logger(entry: str) -> str:
    if entry.startswith(HTTP_VERBS):
        return "django_structlog.middlewares.request"
    return "django_structlog.celery.receivers"


# --- Koa + Agenda with winston -----------------------------------------------------------------


def bc_winston(d: Delivery) -> tuple[str, Fields]:
    """winston 3's ``format.combine(timestamp(), errors({ stack: true }), json())`` with
    ``defaultMeta: { service }``: ``logger.error(msg, err)`` merges the error's ``stack``
    (and its own enumerable fields) into the record; the Koa error middleware adds
    ``method``/``url``/``status``/``requestId``, the Agenda listener ``job``/``jobId``."""
    exc = d.thrown
    record: dict[str, object] = {"level": "error"}
    entry = d.bug.entry
    record["message"] = (
        f"{d.log_message}: {exc.value.split(chr(10), 1)[0]}" if d.bug.log else exc.value
    )
    if entry.startswith(HTTP_VERBS):
        record["method"] = entry.split(" ", 1)[0]
        record["url"] = d.request_path
        record["status"] = 500
        record["requestId"] = d.rand.uuid()
    else:
        record["job"] = entry
        record["jobId"] = d.rand.hex(24)
        record["failCount"] = d.rand.randint(1, 5)
    if exc.type.startswith("Sequelize"):
        record["name"] = exc.type
    record["service"] = d.service.name
    record["stack"] = node_stack(exc, exc.value)
    record["timestamp"] = d.iso(3)
    return _compact(record), {"level": "error", "service": d.service.name}


# --- Spring WebFlux (Reactor, R2DBC) with logback ----------------------------------------------


def reactor_checkpoints(d: Delivery) -> str:
    """Reactor's assembly traceback as Spring WebFlux's checkpoints leave it on the error: a
    suppressed ``OnAssemblyException`` whose message lists the sites the error went past."""
    entry = d.bug.entry
    sites = []
    if entry.startswith(HTTP_VERBS):
        method = entry.split(" ", 1)[0]
        # An annotated controller's method, as ``HandlerMethod.toString()`` prints it.
        handler = str(d.opts.get("handler", d.bug.logger))
        sites.append(f"\t*__checkpoint ⇢ Handler {handler} [DispatcherHandler]")
        sites.append(
            "\t*__checkpoint ⇢ org.springframework.boot.actuate.metrics.web.reactive.server.MetricsWebFilter [DefaultWebFilterChain]"
            if d.release == 0
            else "\t*__checkpoint ⇢ org.springframework.web.filter.reactive.ServerHttpObservationFilter [DefaultWebFilterChain]"
        )
        sites.append(
            f'\t*__checkpoint ⇢ HTTP {method} "{d.request_path}" [ExceptionHandlingWebHandler]'
        )
    else:
        sites.append(f"\t*__checkpoint ⇢ {entry}")
    return (
        "\tSuppressed: reactor.core.publisher.FluxOnAssembly$OnAssemblyException: \n"
        "Error has been observed at the following site(s):\n"
        + "\n".join(sites)
        + "\nOriginal Stack Trace:"
    )


def _webflux_trace(d: Delivery) -> str:
    """The trace as logback prints it: the thrown exception's frames, the checkpoint block
    (its "Original Stack Trace" repeats the frames, indented once more), then the causes."""
    trace = java_trace(d.chain)
    lines = trace.split("\n")
    head_frames = []
    for line in lines[1:]:
        if not line.startswith("\tat "):
            break
        head_frames.append(line)
    block = [reactor_checkpoints(d), *("\t" + f for f in head_frames)]
    cut = 1 + len(head_frames)
    return "\n".join([*lines[:cut], *block, *lines[cut:]])


def _thread(d: Delivery) -> str:
    return str(
        d.opts.get("thread", f"reactor-http-epoll-{1 + stable_int('epoll', d.bug.id, d.index) % 4}")
    )


def bd_logback(d: Delivery) -> tuple[str, Fields]:
    """Spring Boot 3.3's console pattern with the team's ``%X{traceId}`` added; WebFlux's
    ``AbstractErrorWebExceptionHandler`` logs ``[<request id>]  500 Server Error for HTTP …``
    for unhandled request errors, the app's own loggers their message."""
    entry = d.bug.entry
    if not d.bug.log and entry.startswith(HTTP_VERBS):
        method = entry.split(" ", 1)[0]
        message = f'[{d.rand.hex(8)}-{d.rand.randint(1, 900)}]  500 Server Error for HTTP {method} "{d.request_path}"'
        logger = "o.s.b.a.w.r.e.AbstractErrorWebExceptionHandler"
    else:
        message = d.log_message
        parts = d.logger.split(".")
        logger = ".".join([p[0] for p in parts[:-1]] + parts[-1:])
    head = (
        f"{d.iso(3, z=False)} ERROR 1 --- [{d.service.name}] [{_thread(d):>22}] "
        f"[{d.rand.hex(32)}-{d.rand.hex(16)}] {logger:<46} : {message}"
    )
    return head + "\n" + _webflux_trace(d), {}


def bd_logstash(d: Delivery) -> tuple[str, Fields]:
    """logstash-logback-encoder's ``LogstashEncoder`` with dd-java-agent's log injection
    (``dd.trace_id``/``dd.span_id`` in the MDC) and ``ShortenedThrowableConverter``
    (``rootCauseFirst``, ``maxDepthPerThrowable`` 10, or ``opts.half``)."""
    entry = d.bug.entry
    record: dict[str, object] = {
        "@timestamp": d.iso(3, z=False),
        "@version": "1",
        "message": d.log_message,
        "logger_name": d.logger,
        "thread_name": _thread(d),
        "level": "ERROR",
        "level_value": 40000,
        "stack_trace": java_trace(d.chain, depth=int(str(d.opts.get("half", 10))), root_first=True),
        "dd.trace_id": str(stable_int("ddtrace", d.bug.id, d.index) % 10**19),
        "dd.span_id": str(stable_int("ddspan", d.bug.id, d.index) % 10**19),
        "dd.service": d.service.name,
        "dd.env": "prod",
        "dd.version": d.release_name.rsplit("@", 1)[-1],
    }
    if entry and not entry.startswith(HTTP_VERBS):
        record["job"] = entry
    return _compact(record), {"level": "ERROR"}


FORMATS17: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "bb-structlog": bb_structlog,
    "bc-winston": bc_winston,
    "bd-logback": bd_logback,
    "bd-logstash": bd_logstash,
}
