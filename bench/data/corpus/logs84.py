"""blind84's log formats.

- ``iu-zap-otel``: zap's production JSON encoder (``zap.NewProduction()``: ``level``, ``ts`` as
  epoch seconds, ``caller``, ``msg``, the fields, ``error`` the error's text, ``errorVerbose``
  where the error carries a pkg/errors stack (its ``%+v``: the message, then ``function`` and
  ``\\tfile:line`` pairs innermost first), ``stacktrace`` the log call's stack), read by the
  OpenTelemetry collector's filelog receiver and sent to Splunk's HEC exporter: ``_raw`` is the
  JSON line, the row carries ``resource.service.name`` and ``k8s.pod.name``. ``opts.kind``:
  ``log`` (the handler's ``logger.Error``), ``grpc`` (grpc-gateway's interceptor logging the
  gRPC status: ``finished unary call with code Internal`` with ``grpc.method`` and
  ``grpc.code``), ``panic`` (a recovery interceptor's ``panic`` field and the stack).
- ``iv-simple``: Microsoft.Extensions.Logging's simple console formatter without colours,
  ``fail: Category[EventId]`` then the message and the exception's ``ToString()``, each line
  indented six spaces. ``opts.kind``: ``circuit`` (Blazor Server's
  ``Microsoft.AspNetCore.Components.Server.Circuits.CircuitHost[111]`` ``Unhandled exception
  in circuit '<id>'.``), ``team`` (the code's ``LogError(ex, ...)``), ``cut`` (only the first
  ``opts.lines`` lines).
- ``iw-loguru``: loguru's default sink format (``{time:YYYY-MM-DD HH:mm:ss.SSS} | {level: <8} |
  {name}:{function}:{line} - {message}``) with ``logger.exception``'s traceback below, with
  ``backtrace=True, diagnose=True`` (the ``>`` marker and the variables' values under each
  line) unless ``opts.diagnose`` is false.

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace

from .delivery import Delivery
from .traces import dotnet_core_trace, loguru_traceback, zap_stacktrace

Fields = dict[str, str]

_HTTP = ("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")
_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def _short(file: str) -> str:
    return "/".join(file.split("/")[-2:])


def iu_zap_otel(d: Delivery) -> tuple[str, Fields]:
    kind = str(d.opts.get("kind", "log"))
    frames = d.frames
    record: dict[str, object] = {"level": "error", "ts": round(d.when, 6)}
    if kind == "grpc":
        record["caller"] = "logging/interceptors.go:197"
        record["msg"] = "finished unary call with code Internal"
        record["grpc.start_time"] = d.iso(3)
        record["system"] = "grpc"
        record["span.kind"] = "server"
        record["grpc.service"] = str(d.opts.get("service", d.bug.entry.strip("/").split("/")[0]))
        record["grpc.method"] = str(d.opts.get("method", d.bug.entry.rsplit("/", 1)[-1]))
        record["grpc.code"] = "Internal"
        record["error"] = f"rpc error: code = Internal desc = {d.thrown.value}"
        record["grpc.time_ms"] = round(d.rand.uniform(2, 900), 3)
    elif kind == "panic":
        record["level"] = "error"
        record["caller"] = "recovery/recovery.go:41"
        record["msg"] = "recovered from panic"
        record["panic"] = d.thrown.value
        record["stacktrace"] = zap_stacktrace(frames)
    else:
        # The gRPC method (or the consumer's handler) logs the error it got back.
        at = [i for i, f in enumerate(frames) if f.in_app and f.function.startswith("(*Server).")]
        at = at or [i for i, f in enumerate(frames) if f.in_app] or [len(frames) - 1]
        site = replace(frames[at[0]], line=frames[at[0]].line + 3)
        record["caller"] = f"{_short(site.file)}:{site.line}"
        record["msg"] = d.values.fill(d.bug.log) if d.bug.log else "request failed"
        if d.bug.entry.startswith(_HTTP):
            record["http.method"] = d.bug.entry.split(" ", 1)[0]
            record["http.path"] = d.request_path
        record["trace_id"] = d.rand.hex(32)
        record["error"] = d.thrown.value
        if d.opts.get("verbose", True):
            # pkg/errors' %+v: the message, then the stack recorded where errors.Wrap or
            # errors.New was called (the innermost application frame), innermost first.
            inner = max((i for i, f in enumerate(frames) if f.in_app), default=len(frames) - 1)
            lines = [d.thrown.value]
            for f in reversed(frames[: inner + 1]):
                lines.append(f"{f.module}.{f.function}")
                lines.append(f"\t{f.file}:{f.line}")
            record["errorVerbose"] = "\n".join(lines)
        record["stacktrace"] = zap_stacktrace((*frames[: at[0]], site))
    raw = json.dumps(record, separators=(",", ":"), ensure_ascii=False)
    fields = {
        "resource.service.name": d.service.name,
        "k8s.pod.name": d.host,
        "k8s.namespace.name": "shop",
        "severity_text": "error",
    }
    return raw, fields


def iv_simple(d: Delivery) -> tuple[str, Fields]:
    http = d.bug.entry.startswith(_HTTP)
    kind = str(d.opts.get("kind", "team" if http else "circuit"))
    pad = "      "
    if kind == "circuit":
        circuit = "".join(d.rand.choice(_B64) for _ in range(43))
        category, event = "Microsoft.AspNetCore.Components.Server.Circuits.CircuitHost", 111
        message = f"Unhandled exception in circuit '{circuit}'."
    else:
        category, event = d.logger, int(str(d.opts.get("event", 0)))
        message = d.log_message
    body = message + "\n" + dotnet_core_trace(d.chain)
    text = f"fail: {category}[{event}]\n" + pad + body.replace("\n", "\n" + pad)
    if "lines" in d.opts:
        text = "\n".join(text.split("\n")[: int(str(d.opts["lines"]))])
    return text, {"level": "fail", "category": category}


def iw_loguru(d: Delivery) -> tuple[str, Fields]:
    name, function, line = d.bug.logger.split(":")
    stamp = f"{d.stamp('%Y-%m-%d %H:%M:%S')}.{d.millis}"
    head = f"{stamp} | {'ERROR':<8} | {name}:{function}:{line} - {d.log_message}"
    trace = loguru_traceback(
        d.chain, diagnose=bool(d.opts.get("diagnose", True)), seed=f"{d.bug.id}{d.index}"
    )
    return head + "\n" + trace, {}


FORMATS84: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "iu-zap-otel": iu_zap_otel,
    "iv-simple": iv_simple,
    "iw-loguru": iw_loguru,
}

__all__ = ["FORMATS84"]
