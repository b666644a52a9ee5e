"""blind103's log formats.

kz: a Java 21 Spring Boot 3.3 order service and a Go 1.22 gRPC inventory service on Kubernetes,
both sending their logs over OTLP to the OpenTelemetry Collector (the Java agent's logback
appender bridge; Go's ``otelslog`` bridge). The Collector's ``splunk_hec`` exporter sends each
log record as one HEC event whose ``_raw`` is the record as OTLP/JSON flattens it: ``body``,
``severityText``/``severityNumber``, ``attributes`` (``exception.type``, ``exception.message``,
``exception.stacktrace``; the Java agent's ``thread.name`` and ``code.*``), ``resource``
(``service.name``, ``service.version``, ``k8s.pod.name``, ``k8s.namespace.name``), ``traceId``
and ``spanId``. ``opts.kind``:

- ``team``: the code's own ``log.error(msg, ex)`` (Java: the thrown exception and its whole
  ``printStackTrace``; Go: the team's helper sets ``exception.type`` to ``%T`` and
  ``exception.message`` to ``err.Error()``, no stack: Go errors carry none),
- ``tomcat``: Tomcat's ``StandardWrapperValve`` record for an exception that escaped the
  controller ("Servlet.service() ... threw exception [Request processing failed: ...] with root
  cause"): the exception attributes are the root cause's,
- ``panic``: the Go service's recovery interceptor: ``panic recovered`` with the panic value's
  ``%T`` and the ``runtime/debug.Stack()`` text,
- ``slog``: a Go record from a code path still on ``slog.Any("error", err)``: no ``exception.*``
  attributes, the error string under ``error``.

la: a Python 3.12 Litestar 2 API whose structlog still ends in the development
``ConsoleRenderer(colors=False)`` with Rich installed (Rich's boxed tracebacks), read from the
container's file by a Splunk universal forwarder. ``opts.kind``: ``uncaught`` (Litestar's
``exception_logging_handler``: ``Uncaught exception`` with ``connection_type`` and ``path``),
``team`` (the code's ``log.exception``); ``opts.cut`` closes the event after that many lines.

Each function returns the raw text and the fields a Splunk search extracts from it.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .logs50 import rich_traceback
from .stacks import go, golib
from .traces import go_debug_stack, java_trace

Fields = dict[str, str]
HTTP_VERBS = ("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


# --- kz: OTLP log records through the Collector --------------------------------------------------

# The recovery interceptor's deferred function and Go's panic machinery above it.
RECOVER = (
    golib(
        "github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/recovery",
        "UnaryServerInterceptor.func1.1",
        "/go/pkg/mod/github.com/grpc-ecosystem/go-grpc-middleware/v2@v2.1.0/interceptors/recovery/interceptors.go",
        33,
    ),
    go(
        "github.com/goldthorpe/inventory/internal/grpcx",
        "recoverFn",
        "/src/internal/grpcx/recover.go",
        21,
    ),
)


def _nanos(d: Delivery) -> str:
    return f"{int(d.when * 1_000_000_000)}"


def _java_thread(d: Delivery) -> str:
    return f"http-nio-8080-exec-{d.rand.randint(1, 40)}"


def kz_otlp_json(d: Delivery) -> tuple[str, Fields]:
    s = d.service
    java = s.platform == "java"
    kind = str(d.opts.get("kind", "team"))
    attrs: dict[str, object] = {}
    if kind == "tomcat":
        root = d.chain[0]
        thrown = d.thrown
        first = thrown.value.split("\n", 1)[0]
        body = (
            "Servlet.service() for servlet [dispatcherServlet] in context with path [] threw "
            f"exception [Request processing failed: {thrown.text_name}: {first}] with root cause"
        )
        scope = (
            "org.apache.catalina.core.ContainerBase.[Tomcat].[localhost].[/].[dispatcherServlet]"
        )
        attrs["exception.message"] = root.value
        attrs["exception.stacktrace"] = java_trace([root])
        attrs["exception.type"] = root.text_name
        attrs["thread.name"] = _java_thread(d)
    elif kind == "panic":
        body = "panic recovered"
        scope = "github.com/goldthorpe/inventory/internal/grpcx"
        attrs["exception.message"] = d.thrown.value
        attrs["exception.stacktrace"] = go_debug_stack(d.thrown, d.rand.randint(30, 900), RECOVER)
        attrs["exception.type"] = d.thrown.type
        attrs["rpc.method"] = str(d.bug.entry.rsplit("/", 1)[-1])
    elif kind == "slog":
        body = d.log_message
        scope = d.logger
        attrs["error"] = d.thrown.value
    else:
        body = d.log_message
        scope = d.logger
        attrs["exception.message"] = d.thrown.value
        if java:
            attrs["exception.stacktrace"] = java_trace(d.chain)
            attrs["exception.type"] = d.thrown.text_name
            attrs["thread.name"] = _java_thread(d)
        else:
            attrs["exception.type"] = d.thrown.type
    if not java and d.bug.entry.startswith("inventory."):
        attrs["rpc.method"] = d.bug.entry.rsplit("/", 1)[-1]
        attrs["rpc.service"] = d.bug.entry.rsplit("/", 1)[0]
    extra = d.opts.get("attrs", {})
    assert isinstance(extra, dict)
    attrs.update({str(k): d.values.fill(str(v)) for k, v in extra.items()})
    record: dict[str, object] = {
        "timeUnixNano": _nanos(d),
        "severityNumber": 17,
        "severityText": "ERROR",
        "body": body,
        "attributes": dict(sorted(attrs.items())),
        "traceId": d.rand.hex(32),
        "spanId": d.rand.hex(16),
        "resource": {
            "deployment.environment": "production",
            "k8s.namespace.name": "commerce",
            "k8s.pod.name": d.host,
            "service.name": s.name,
            "service.version": d.company.releases[d.release],
            "telemetry.sdk.language": "java" if java else "go",
        },
        "instrumentationScope": {"name": scope},
    }
    return _compact(record), {"severityText": "ERROR", "service.name": s.name}


# --- la: structlog ConsoleRenderer with Rich tracebacks ------------------------------------------


def _kv(value: object) -> str:
    text = str(value)
    return repr(text) if (" " in text or not text) else text


def la_structlog_rich(d: Delivery) -> tuple[str, Fields]:
    """``ConsoleRenderer(colors=False)``: ISO time, ``[error    ]``, the event padded to 30, the
    ``key=value`` pairs sorted, then Rich's traceback of the chain."""
    kind = str(d.opts.get("kind", "team" if d.bug.log else "uncaught"))
    pairs: dict[str, object] = {}
    if kind == "uncaught":
        event = "Uncaught exception"
        pairs["connection_type"] = "http"
        pairs["path"] = d.request_path
        logger = "litestar"
    else:
        event = d.log_message
        logger = d.logger
        extra = d.opts.get("kv", {})
        assert isinstance(extra, dict)
        pairs.update({str(k): d.values.fill(str(v)) for k, v in extra.items()})
        pairs["request_id"] = d.rand.hex(32)
    pairs["logger"] = logger
    kv = " ".join(f"{k}={_kv(v)}" for k, v in sorted(pairs.items()))
    raw = f"{d.iso(6)} [error    ] {event:<30} {kv}\n" + rich_traceback(d.chain)
    n = int(str(d.opts.get("cut", 0)))
    if n:
        raw = "\n".join(raw.split("\n")[:n])
    return raw, {"level": "error", "logger": logger}


FORMATS103: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "kz-otlp-json": kz_otlp_json,
    "la-structlog-rich": la_structlog_rich,
}
