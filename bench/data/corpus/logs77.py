"""blind77's log formats.

hz: a Java 17 Spring Boot 3 service logging to Splunk through splunk-library-javalogging's
``HttpEventCollectorLogbackAppender``: the HEC event body's ``event`` object (Splunk's
``_raw``) with ``severity``, ``logger``, ``thread``, ``message`` and, where the appender
includes it, ``exception`` {``exception_class``, ``exception_message``, ``stacktrace``: the
thrown exception's own frames, no causes}; one pod group with a ``%msg``-only layout sending
the message and nothing else. A batch pod still on Spring Boot's default console text, read
by the forwarder from stdout.

ia: a .NET 8 worker service on Serilog's ``JsonFormatter(renderMessage: true)``:
``Timestamp`` (local offset), ``Level``, ``MessageTemplate``, ``RenderedMessage``,
``Exception`` as ``ToString()`` in one string, ``Properties`` {the template's properties,
``SourceContext``, ``MachineName``}. Seen only through Datadog log monitors.

ib: a Go 1.22 gRPC service on go-kit's ``log.NewLogfmtLogger`` with ``DefaultTimestampUTC``
and ``DefaultCaller``: ``ts=... caller=file.go:NN level=error method=/pkg.Svc/Method
err="..." took=...``; values with spaces, quotes or ``=`` quoted Go-style. Seen only through
Datadog log monitors.

Each function returns the raw text and the fields a Splunk search extracts from it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from .delivery import Delivery
from .logs74 import boot_console
from .traces import dotnet_core_trace, jvm_frame

Fields = dict[str, str]


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


def _hz_thread(d: Delivery) -> str:
    if d.opts.get("thread"):
        return str(d.opts["thread"])
    entry = d.bug.entry
    if entry.startswith(("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")):
        return f"http-nio-8080-exec-{d.rand.randint(1, 48)}"
    return f"scheduling-{d.rand.randint(1, 2)}"


def hec_event(d: Delivery) -> tuple[str, Fields]:
    """splunk-library-javalogging's default event body serializer. ``opts.kind``: ``full``
    (default) with the ``exception`` object; ``msgonly``: the ``%msg`` layout, no exception;
    ``depth``: keep that many frames of the stacktrace."""
    kind = str(d.opts.get("kind", "full"))
    exc = d.thrown
    event: dict[str, object] = {
        "severity": "ERROR",
        "logger": d.logger,
        "thread": _hz_thread(d),
        "message": d.log_message,
    }
    if kind != "msgonly":
        frames = [jvm_frame(f).strip() for f in reversed(exc.frames)]
        depth = int(str(d.opts.get("depth", 0)))
        if depth:
            frames = frames[:depth]
        event["exception"] = {
            "exception_class": f"{exc.module}.{exc.type}" if exc.module else exc.type,
            "exception_message": exc.value,
            "stacktrace": "\n".join(frames),
        }
    return _compact(event), {"severity": "ERROR", "logger": d.logger}


def hz_console(d: Delivery) -> tuple[str, Fields]:
    """The batch pod on Spring Boot's default console pattern."""
    return boot_console(d)


def _local(d: Delivery) -> str:
    """Serilog's ``Timestamp``: seven digits and the host's offset (the workers run on UTC+1)."""
    base = d.iso(7, z=False)
    return base.replace("+00:00", "+01:00")


def _props(template: str, d: Delivery) -> dict[str, str]:
    out: dict[str, str] = {}
    for name in re.findall(r"\{([A-Z][A-Za-z]+)\}", template):
        out[name] = d.values["uuid"] if name.endswith("Id") else d.values["n"]
    return out


def serilog_json(d: Delivery) -> tuple[str, Fields]:
    """Serilog's ``JsonFormatter(renderMessage: true)``: the template as written and the
    rendered message, the exception's ``ToString()``, ``Properties`` last."""
    template = str(d.opts.get("template", d.bug.log or "Unhandled exception"))
    props = _props(template, d)
    rendered = re.sub(r"\{([A-Z][A-Za-z]+)\}", lambda m: props[m.group(1)], template)
    rendered = d.values.fill(rendered.replace("<exc>", d.thrown.value.split("\n")[0]))
    record: dict[str, object] = {
        "Timestamp": _local(d),
        "Level": "Error",
        "MessageTemplate": d.values.fill(template.replace("<exc>", "{Error}")),
        "RenderedMessage": rendered,
    }
    if not d.opts.get("noexc"):
        record["Exception"] = dotnet_core_trace(d.chain)
    record["Properties"] = {
        **props,
        "SourceContext": d.logger,
        "MachineName": d.host,
        "EnvironmentName": "Production",
    }
    return _compact(record), {"Level": "Error"}


def _logfmt(value: str) -> str:
    if value and not re.search(r'[\s="\\]', value) and value.isprintable():
        return value
    return json.dumps(value, ensure_ascii=False)


def gokit_logfmt(d: Delivery) -> tuple[str, Fields]:
    """go-kit's logfmt logger: ``ts``, ``caller`` (the log call's file:line, the logging
    middleware's for a failed RPC), ``level``, ``method``, ``err`` as ``Error()``, ``took``."""
    caller = str(d.opts.get("caller", ""))
    if not caller:
        app = [f for f in d.frames if f.in_app] or list(d.frames)
        f = app[-1]
        caller = f"{f.file.rsplit('/', 1)[-1]}:{f.line + 3}"
    pairs = [
        ("ts", d.iso(9 if d.index % 3 else 6)),
        ("caller", caller),
        ("level", "error"),
    ]
    if d.bug.entry.startswith("/"):
        pairs.append(("method", d.bug.entry))
    else:
        pairs.append(("job", d.bug.entry))
    msg = d.opts.get("msg")
    if msg:
        pairs.append(("msg", d.values.fill(str(msg))))
    pairs.append(("err", d.thrown.value))
    if d.bug.entry.startswith("/"):
        pairs.append(("took", d.values["godur"]))
    return " ".join(f"{k}={_logfmt(v)}" for k, v in pairs), {"level": "error"}


FORMATS77: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "hz-hec-event": hec_event,
    "hz-boot-console": hz_console,
    "ia-serilog-json": serilog_json,
    "ib-gokit-logfmt": gokit_logfmt,
}
