"""blind30's log formats: log4rs's pattern and JSON encoders (co), logstash-logback-encoder
with Micrometer Tracing's ``traceId``/``spanId`` in the MDC and WebFlux's checkpoint block
(cp), Django's ``verbose`` formatter and django-q2's cluster log (cq).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .traces import java_trace, python_traceback

Fields = dict[str, str]


def _anyhow_debug(d: Delivery) -> str:
    """``{:?}`` of an ``anyhow::Error``: the outermost context, ``Caused by:`` and the
    captured backtrace (the log crate has no error field: the team formats it in)."""
    from .logs import _anyhow  # logs imports this module: a late import breaks the cycle

    return _anyhow(d, "debug")


def _anyhow_alternate(d: Delivery) -> str:
    return ": ".join(e.value for e in reversed(d.chain))


def log4rs_pattern(d: Delivery) -> tuple[str, Fields]:
    """log4rs's ``PatternEncoder`` default, ``{d} {l} {t} - {m}{n}``: the local time with
    nanoseconds and offset, the level, the target; the app logs ``"{msg}: {err:?}"``, or
    ``{err:#}`` on one line where ``opts.err`` says so."""
    nanos = f"{d.when % 1:.9f}"[2:]
    stamp = d.stamp("%Y-%m-%dT%H:%M:%S") + f".{nanos}+00:00"
    err = _anyhow_alternate(d) if d.opts.get("err") == "alternate" else _anyhow_debug(d)
    line = f"{stamp} ERROR {d.logger} - {d.log_message}: {err}"
    return line, {"level": "ERROR", "target": d.logger}


def log4rs_json(d: Delivery) -> tuple[str, Fields]:
    """log4rs's ``JsonEncoder`` (its documented key order): time, the formatted message
    (``{err:#}`` joined on one line), module path, file and line of the call site, level,
    target, thread and MDC."""
    # The job's own code logs what it got back: its outermost frame, not a helper's.
    site = next((f for f in d.frames if f.in_app), None)
    record: dict[str, object] = {
        "time": d.stamp("%Y-%m-%dT%H:%M:%S") + f".{f'{d.when % 1:.9f}'[2:]}+00:00",
        "message": f"{d.log_message}: {_anyhow_alternate(d)}",
        "module_path": d.logger,
        "file": site.file if site else "",
        "line": site.line if site else 0,
        "level": "ERROR",
        "target": d.logger,
        "thread": str(d.opts.get("thread", "tokio-runtime-worker")),
        "thread_id": d.rand.randint(2, 40),
        "mdc": {"job": d.bug.entry} if d.bug.entry and " " not in d.bug.entry else {},
    }
    return json.dumps(record, separators=(",", ":")), {"level": "ERROR"}


_CHECKPOINT = "\tSuppressed: reactor.core.publisher.FluxOnAssembly$OnAssemblyException: \n"


def _client_checkpoint(d: Delivery) -> str:
    """WebClient's own checkpoint above the handler's: the status and request of an error
    answer, or (``opts.client``) the body a decoder failed on."""
    if d.opts.get("client"):
        return f"\t*__checkpoint ⇢ {d.values.fill(str(d.opts['client']))}\n"
    exc = d.thrown
    if not exc.type.startswith("WebClientResponseException") or " from " not in exc.value:
        return ""
    status, _, request = exc.value.partition(" from ")
    code, _, reason = status.partition(" ")
    reason = reason.upper().replace(" ", "_")
    return f"\t*__checkpoint ⇢ {code} {reason} from {request} [DefaultWebClient]\n"


def webflux_trace(d: Delivery) -> str:
    """``printStackTrace`` of an error that crossed a WebFlux handler: Reactor's checkpoint
    block suppressed on the thrown exception, its own frames after "Original Stack Trace:"
    indented twice, then the causes."""
    text = java_trace(d.chain)
    handler = str(d.opts.get("handler", ""))
    if not handler or " " not in d.bug.entry:
        return text
    method, _, path = d.bug.entry.partition(" ")
    head, *rest = text.split("\n")
    own = []
    while rest and rest[0].startswith("\tat "):
        own.append("\t" + rest.pop(0))
    block = (
        _CHECKPOINT
        + "Error has been observed at the following site(s):\n"
        + _client_checkpoint(d)
        + f"\t*__checkpoint ⇢ Handler {handler} [DispatcherHandler]\n"
        + f'\t*__checkpoint ⇢ HTTP {method} "{path}" [ExceptionHandlingWebHandler]\n'
        + "Original Stack Trace:"
    )
    return "\n".join([head, block, *own, *rest])


def logstash_mdc(d: Delivery) -> tuple[str, Fields]:
    """logstash-logback-encoder's ``LogstashEncoder``: Micrometer Tracing puts ``traceId``
    and ``spanId`` in the MDC, the encoder writes them after the standard fields. A request
    that fails reaches ``AbstractErrorWebExceptionHandler``'s line ``[<log prefix>] 500
    Server Error for HTTP <method> "<path>"``."""
    if " " in d.bug.entry and d.opts.get("handler"):
        method = d.bug.entry.split(" ", 1)[0]
        message = (
            f"[{d.rand.hex(8)}-{d.rand.randint(1, 900)}] 500 Server Error for HTTP {method} "
            f'"{d.request_path}"'
        )
        logger = (
            "org.springframework.boot.autoconfigure.web.reactive.error."
            "AbstractErrorWebExceptionHandler"
        )
        thread = f"reactor-http-epoll-{d.rand.randint(1, 4)}"
    else:
        message, logger = d.log_message, d.logger
        thread = str(d.opts.get("thread", f"DefaultDispatcher-worker-{d.rand.randint(1, 16)}"))
    record: dict[str, object] = {
        "@timestamp": d.stamp("%Y-%m-%dT%H:%M:%S") + f".{d.millis}Z",
        "@version": "1",
        "message": message,
        "logger_name": logger,
        "thread_name": thread,
        "level": "ERROR",
        "level_value": 40000,
        "stack_trace": webflux_trace(d) + "\n",
        "traceId": d.rand.hex(32),
        "spanId": d.rand.hex(16),
        "application": d.service.name,
    }
    return json.dumps(record, separators=(",", ":"), ensure_ascii=False), {
        "level": "ERROR",
        "logger_name": logger,
    }


def django_verbose(d: Delivery) -> tuple[str, Fields]:
    """Django's documented ``verbose`` formatter, ``{levelname} {asctime} {module}
    {process:d} {thread:d} {message}``, on ``django.request``'s "Internal Server Error"
    (``django/utils/log.py``, hence ``log``), the traceback below."""
    head = (
        f"ERROR {d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis} log {d.rand.randint(7, 90)} "
        f"{d.rand.randint(139_600_000_000_000, 139_999_999_999_999)} "
        f"Internal Server Error: {d.request_path}"
    )
    return head + "\n" + python_traceback(d.chain), {"levelname": "ERROR"}


_HUMAN = (
    "alpha", "bravo", "mars", "oregon", "uncle", "cola", "ten", "edward", "lake", "lemon",
    "sodium", "fanta", "winner", "nine", "october", "hotel", "kentucky", "robin", "pip", "juliet",
)  # fmt: skip


def djangoq_failed(d: Delivery) -> tuple[str, Fields]:
    """django-q2's cluster log (``%(asctime)s [Q] %(levelname)s %(message)s``, time of day
    only): the monitor's "Failed" line names the task's function and its humanised name, and
    the result the worker stored, ``"<exception> : <traceback.format_exc()>"``."""
    name = "-".join(d.rand.choice(_HUMAN) for _ in range(4))
    exc = d.thrown
    value = exc.value or exc.text_name
    line = (
        f"{d.stamp('%H:%M:%S')} [Q] ERROR Failed '{d.bug.entry}' ({name}) - {value} : "
        f"{python_traceback(d.chain)}\n"
    )
    return line, {"func": d.bug.entry}


FORMATS30: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "co-log4rs": log4rs_pattern,
    "co-log4rs-json": log4rs_json,
    "cp-logstash-mdc": logstash_mdc,
    "cq-django-verbose": django_verbose,
    "cq-djangoq": djangoq_failed,
}
