"""blind85's log formats.

- ``ix-logstash-hec``: logstash-logback-encoder's ``LogstashEncoder`` (``@timestamp``,
  ``@version``, ``message``, ``logger_name``, ``thread_name``, ``level``, ``level_value``,
  ``stack_trace``, the MDC's Micrometer ``traceId``/``spanId``) sent by logback's Splunk HEC
  appender: ``_raw`` is the JSON event. The ``stack_trace`` is ``ShortenedThrowableConverter``'s
  (``opts.depth``: ``maxDepthPerThrowable``, unlimited unless given). ``opts.kind``:
  ``webflux`` (the default for a request without ``log``: WebFlux's
  ``AbstractErrorWebExceptionHandler`` ``[<request id>] 500 Server Error for HTTP GET "/x"`` over
  the trace with Reactor's checkpoint block, ``Suppressed: …OnAssemblyException`` with
  ``Error has been observed at the following site(s):``), ``team`` (the code's
  ``log.error(msg, e)`` in an ``onErrorResume``; the checkpoint block only with
  ``opts.checkpoint``), ``dropped`` (``reactor.core.publisher.Operators``' ``Operator called
  default onErrorDropped``). ``opts.suppressed``: a real suppressed exception's ``Type: message``
  line (R2DBC's connection-closed error added to a failed statement) printed as
  ``\\tSuppressed:`` with two frames.
- ``ix-boot-console``: Spring Boot 3.2's default console line (``%d{ISO8601 with offset} %5p
  <pid> --- [<app>] [%15.15t] %-40.40logger{39} : %m``) and the plain ``printStackTrace`` trace
  below, read from the container's file by the Splunk Universal Forwarder (one event per
  record, the same ``opts.kind`` as above). ``opts.lines`` cuts the event after that many lines
  (the forwarder's ``TRUNCATE``/line-breaking on one host).
- ``iz-structlog``: structlog's ``JSONRenderer`` after ``dict_tracebacks``-less
  ``format_exc_info``: ``event`` the message, ``exception`` the whole traceback string, ``level``,
  ``logger``, ``timestamp``, the request's bound ``request_id``/``method``/``path`` or the
  worker's ``job``/``attempt``; ddtrace's log injection adds ``dd.trace_id``/``dd.span_id``.
  ``opts.exc`` false drops ``exception`` (a ``log.error(..., error=str(e))`` call: ``error``
  instead).
- ``iz-uvicorn``: uvicorn's default error logger, ``ERROR:    Exception in ASGI application``
  over the traceback (an exception that escaped the app's handlers).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

# Log lines and traces are quoted whole; Reactor prints U+21E2 in its checkpoint lines.
# ruff: noqa: E501

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .rand import stable_int
from .traces import java_trace, python_traceback

Fields = dict[str, str]

HTTP_VERBS = ("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")
WEBFLUX_LOGGER = (
    "org.springframework.boot.autoconfigure.web.reactive.error.AbstractErrorWebExceptionHandler"
)
DROPPED_LOGGER = "reactor.core.publisher.Operators"
SECURITY_FILTERS = (
    "org.springframework.security.web.server.authorization.AuthorizationWebFilter",
    "org.springframework.security.web.server.authentication.AuthenticationWebFilter",
    "org.springframework.security.web.server.context.ReactorContextWebFilter",
)


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


def _kind(d: Delivery) -> str:
    default = "webflux" if d.bug.entry.startswith(HTTP_VERBS) and not d.bug.log else "team"
    return str(d.opts.get("kind", default))


def _checkpoints(d: Delivery) -> list[str]:
    """Reactor's assembly traceback as WebFlux's checkpoints leave it on a request error."""
    entry = d.bug.entry
    sites = []
    if entry.startswith(HTTP_VERBS):
        method = entry.split(" ", 1)[0]
        handler = str(d.opts.get("handler", ""))
        if handler:
            sites.append(f"\t*__checkpoint ⇢ Handler {handler} [DispatcherHandler]")
        if d.opts.get("security", True):
            sites.extend(f"\t*__checkpoint ⇢ {f} [DefaultWebFilterChain]" for f in SECURITY_FILTERS)
        sites.append(
            f'\t*__checkpoint ⇢ HTTP {method} "{d.request_path}" [ExceptionHandlingWebHandler]'
        )
    else:
        sites.append(f"\t*__checkpoint ⇢ {entry}")
    return [
        "\tSuppressed: reactor.core.publisher.FluxOnAssembly$OnAssemblyException: ",
        "Error has been observed at the following site(s):",
        *sites,
        "Original Stack Trace:",
    ]


def _trace(d: Delivery, checkpoint: bool) -> str:
    """``printStackTrace`` (or the shortened form): the thrown exception's own frames, then the
    checkpoint block (its "Original Stack Trace" repeats those frames one tab deeper), a real
    suppressed exception, then the causes."""
    depth = int(str(d.opts.get("depth", 0)))
    head, *rest = java_trace(d.chain, depth=depth).split("\n")
    own = []
    while rest and rest[0].startswith("\tat "):
        own.append(rest.pop(0))
    if rest and rest[0].startswith("\t... ") and "truncated" in rest[0]:
        own.append(rest.pop(0))
    block: list[str] = []
    if checkpoint:
        block += [*_checkpoints(d), *("\t" + line for line in own)]
    if "suppressed" in d.opts:
        block += [
            f"\tSuppressed: {d.opts['suppressed']}",
            "\t\tat io.r2dbc.postgresql.client.ReactorNettyClient.lambda$close$9(ReactorNettyClient.java:257)",
            "\t\tat reactor.core.publisher.MonoDefer.subscribe(MonoDefer.java:44)",
        ]
    return "\n".join([head, *own, *block, *rest])


def _record(d: Delivery) -> tuple[str, str, bool]:
    """(logger, message, checkpoint block) for this delivery's kind."""
    kind = _kind(d)
    if kind == "webflux":
        method = d.bug.entry.split(" ", 1)[0]
        message = f'[{d.rand.hex(8)}-{d.rand.randint(1, 4000)}] 500 Server Error for HTTP {method} "{d.request_path}"'
        return WEBFLUX_LOGGER, message, True
    if kind == "dropped":
        return DROPPED_LOGGER, "Operator called default onErrorDropped", False
    return d.logger, d.log_message, bool(d.opts.get("checkpoint"))


def _thread(d: Delivery) -> str:
    if "thread" in d.opts:
        return str(d.opts["thread"])
    if d.bug.entry.startswith(HTTP_VERBS):
        return f"reactor-http-epoll-{1 + stable_int('ix-epoll', d.bug.id, d.index) % 4}"
    return f"parallel-{1 + stable_int('ix-par', d.bug.id, d.index) % 8}"


def ix_logstash_hec(d: Delivery) -> tuple[str, Fields]:
    logger, message, checkpoint = _record(d)
    record: dict[str, object] = {
        "@timestamp": d.iso(3, z=False),
        "@version": "1",
        "message": message,
        "logger_name": logger,
        "thread_name": _thread(d),
        "level": "ERROR",
        "level_value": 40000,
        "stack_trace": _trace(d, checkpoint),
        "traceId": d.rand.hex(32),
        "spanId": d.rand.hex(16),
        "app": d.service.name,
        "version": d.company.releases[d.release],
    }
    return _compact(record), {"level": "ERROR", "logger_name": logger}


def _abbreviate(name: str, width: int = 39) -> str:
    parts = name.split(".")
    for i in range(len(parts) - 1):
        if len(".".join(parts)) <= width:
            break
        parts[i] = parts[i][:1]
    return ".".join(parts)


def ix_boot_console(d: Delivery) -> tuple[str, Fields]:
    logger, message, checkpoint = _record(d)
    thread = _thread(d)[-15:]
    head = (
        f"{d.iso(3, z=False)} ERROR 1 --- [{d.service.name}] [{thread:>15}] "
        f"{_abbreviate(logger):<40} : {message}"
    )
    text = head + "\n" + _trace(d, checkpoint)
    if "lines" in d.opts:
        text = "\n".join(text.split("\n")[: int(str(d.opts["lines"]))])
    return text, {"log_level": "ERROR"}


def iz_structlog(d: Delivery) -> tuple[str, Fields]:
    record: dict[str, object] = {}
    if d.bug.entry.startswith(HTTP_VERBS):
        record.update(
            request_id=d.rand.uuid(), method=d.bug.entry.split(" ", 1)[0], path=d.request_path
        )
    else:
        record.update(job=d.bug.entry, attempt=1 + d.index % 3)
    record["event"] = d.log_message
    if d.opts.get("exc", True):
        record["exception"] = python_traceback(d.chain)
    else:
        first = d.thrown.value.split("\n", 1)[0]
        record["error"] = f"{first}"
    record.update(
        level="error",
        logger=d.logger,
        timestamp=d.iso(6),
    )
    record["dd.trace_id"] = str(stable_int("iz-trace", d.bug.id, d.index) % 10**19)
    record["dd.span_id"] = str(stable_int("iz-span", d.bug.id, d.index) % 10**19)
    record["dd.service"] = d.service.name
    record["dd.version"] = d.company.releases[d.release]
    return _compact(record), {"level": "error", "logger": d.logger}


def iz_uvicorn(d: Delivery) -> tuple[str, Fields]:
    return "ERROR:    Exception in ASGI application\n" + python_traceback(d.chain), {}


FORMATS85: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "ix-logstash-hec": ix_logstash_hec,
    "ix-boot-console": ix_boot_console,
    "iz-structlog": iz_structlog,
    "iz-uvicorn": iz_uvicorn,
}

__all__ = ["FORMATS85"]
