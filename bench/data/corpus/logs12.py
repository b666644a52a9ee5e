"""Log formats of blind12's companies (am, an, ao): Django's documented ``verbose`` formatter
and python-json-logger with renamed fields (Django 5 under gunicorn), the Huey consumer's own
format, zerolog with ``.Caller()`` and no stack, a Go goroutine's panic dump that ends with
``created by``, and Microsoft.Extensions.Logging's JSON console with scopes (MassTransit's and
ASP.NET Core's).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it, as
in ``logs``; ``logs.FORMATS`` takes them in under these keys.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace

from .delivery import Delivery
from .model import Exc
from .traces import _go_args, _go_offset, dotnet_core_trace, python_traceback

Fields = dict[str, str]
HTTP = ("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


def _kept(d: Delivery) -> list[Exc]:
    """``opts.half``: the team's ``formatException`` keeps the innermost n frames of each
    exception (``traceback.format_exception(..., limit=-n)``) to keep events short."""
    depth = int(str(d.opts.get("half", 0)))
    if not depth:
        return list(d.chain)
    return [replace(e, frames=e.frames[-depth:]) for e in d.chain]


def django_verbose(d: Delivery) -> tuple[str, Fields]:
    """Django's documented ``verbose`` formatter, ``"{levelname} {asctime} {module}
    {process:d} {thread:d} {message}"`` with ``style="{"``: ``django.request`` logs from
    ``django/utils/log.py`` (module ``log``), the traceback on the lines below."""
    module = "log" if d.logger == "django.request" else d.logger.rsplit(".", 1)[-1]
    head = (
        f"ERROR {d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis} {module} {d.rand.randint(8, 90)} "
        f"{d.rand.randint(139_800_000_000_000, 139_999_999_999_999)} {d.log_message}"
    )
    return head + "\n" + python_traceback(_kept(d)), {"levelname": "ERROR"}


def pjl_renamed(d: Delivery) -> tuple[str, Fields]:
    """python-json-logger's ``JsonFormatter("%(asctime)s %(levelname)s %(name)s
    %(message)s", rename_fields={"asctime": "ts", "levelname": "level", "name": "logger"})``;
    ``django.request`` passes ``status_code`` and the request object as extras (the request
    serialised with ``str``)."""
    record: dict[str, object] = {
        "ts": f"{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis}",
        "level": "ERROR",
        "logger": d.logger,
        "message": d.log_message,
    }
    if d.bug.entry.startswith(HTTP) and d.logger == "django.request":
        record["status_code"] = 500
        record["request"] = f"<WSGIRequest: {d.bug.entry.split(' ', 1)[0]} '{d.request_path}'>"
    extra = d.opts.get("extra", {})
    assert isinstance(extra, dict)
    record.update({str(k): d.values.fill(str(v)) for k, v in extra.items()})
    record["exc_info"] = python_traceback(_kept(d))
    return _compact(record), {"level": "ERROR", "logger": d.logger}


def huey_consumer(d: Delivery) -> tuple[str, Fields]:
    """The Huey consumer's log format, ``[%(asctime)s] %(levelname)s:%(name)s:%(threadName)s:
    %(message)s`` with thread workers, and ``logger.exception("Unhandled exception in task
    %s.", task.id)``: the traceback below."""
    worker = f"Worker-{d.rand.randint(1, 4)}"
    message = (
        d.values.fill(d.bug.log)
        if d.bug.log
        else f"Unhandled exception in task {d.values['uuid']}."
    )
    head = f"[{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis}] ERROR:huey:{worker}:{message}"
    return head + "\n" + python_traceback(_kept(d)), {"levelname": "ERROR", "name": "huey"}


def zerolog_caller(d: Delivery) -> tuple[str, Fields]:
    """zerolog's JSON with ``.Caller()`` and ``.Err(err)``, no stack marshaller: the log call's
    ``file:line`` (the innermost app frame, or ``opts.caller``), the error's text without a
    type, the team's fields, the message last."""
    app = [f for f in d.frames if f.in_app]
    fields: dict[str, object] = {"level": "error"}
    attrs = d.opts.get("attrs", {})
    assert isinstance(attrs, dict)
    fields.update({str(k): d.values.fill(str(v)) for k, v in attrs.items()})
    if d.bug.entry.startswith(HTTP):
        fields.update(method=d.bug.entry.split(" ", 1)[0], path=d.request_path)
    fields["error"] = d.thrown.value
    fields["time"] = d.iso(0).replace("+00:00", "Z")
    caller = d.opts.get("caller")
    if caller:
        fields["caller"] = str(caller)
    elif app:
        fields["caller"] = f"{app[-1].file}:{app[-1].line}"
    fields["message"] = d.values.fill(str(d.opts.get("msg", d.bug.log or "request failed")))
    return _compact(fields), {"level": "error", "message": str(fields["message"])}


def goroutine_panic(d: Delivery) -> tuple[str, Fields]:
    """An unrecovered panic in a goroutine the app started: the runtime's dump on stderr,
    the panicking goroutine's frames innermost first, then ``created by`` the function that
    started it (``opts.created_by``: package, function, file, line)."""
    exc = d.thrown
    goroutine = d.rand.randint(40, 9_000)
    frames = list(exc.frames)
    lines = [f"panic: {exc.value}"]
    # ``opts.repanic``: a deferred func reported the panic to Sentry, flushed, and panicked
    # again with the same value; its frame and ``panic()`` sit above the original ones.
    repanic = d.opts.get("repanic")
    if isinstance(repanic, tuple):
        pkg, func, file, line = repanic
        lines = [f"panic: {exc.value} [recovered]", f"\tpanic: {exc.value}"]
    lines += ["", f"goroutine {goroutine} [running]:"]
    if isinstance(repanic, tuple):
        lines.append(f"{pkg}.{func}()")
        lines.append(f"\t{file}:{line} +0x{goroutine % 0x3FF + 0x40:x}")
        lines.append(f"panic({{0x{d.rand.hex(6)}?, 0xc000{d.rand.hex(6)}?}})")
        lines.append("\t/usr/local/go/src/runtime/panic.go:785 +0x132")
    if "index out of range" in exc.value:
        lines.append("runtime.goPanicIndex(0x" + d.values["idx"] + ", 0x" + d.values["idx"] + ")")
        lines.append("\t/usr/local/go/src/runtime/panic.go:115 +0x74")
    for f in reversed(frames):
        lines.append(f"{f.module}.{f.function}{_go_args(f)}")
        lines.append(f"\t{f.file}:{f.line} {_go_offset(f)}")
    created = d.opts.get("created_by")
    if isinstance(created, tuple):
        pkg, func, file, line = created
        lines.append(f"created by {pkg}.{func} in goroutine {d.rand.randint(1, 39)}")
        lines.append(f"\t{file}:{line} +0x{d.rand.hex(3)}")
    return "\n".join(lines), {}


def mel_json_scopes(d: Delivery) -> tuple[str, Fields]:
    """``AddJsonConsole(o => o.IncludeScopes = true)``: the record as ``mel-json`` writes it,
    plus ``Scopes``: ASP.NET Core's request scope on the API, MassTransit's message scope
    (``MessageId``, ``ConversationId``) on a consumer."""
    template = d.bug.log or "An unhandled exception has occurred while executing the request."
    state: dict[str, object] = {"Message": d.log_message, "{OriginalFormat}": template}
    if d.bug.entry.startswith(HTTP):
        trace, span = d.rand.hex(32), d.rand.hex(16)
        request_id = f"0HN{d.rand.alnum(9).upper()}:0000000{d.rand.randint(1, 9)}"
        scopes: list[object] = [
            {
                "Message": f"SpanId:{span}, TraceId:{trace}, ParentId:0000000000000000",
                "SpanId": span,
                "TraceId": trace,
                "ParentId": "0000000000000000",
            },
            {
                "Message": f"ConnectionId:{request_id.split(':')[0]}",
                "ConnectionId": request_id.split(":")[0],
            },
            {
                "Message": f"RequestPath:{d.request_path} RequestId:{request_id}",
                "RequestId": request_id,
                "RequestPath": d.request_path,
            },
        ]
    else:
        message_id, conversation = d.rand.uuid(), d.rand.uuid()
        scopes = [
            {
                "Message": f"MessageId:{message_id}, ConversationId:{conversation}",
                "MessageId": message_id,
                "ConversationId": conversation,
            }
        ]
    record = {
        "Timestamp": d.iso(7).replace("Z", "+00:00"),
        "EventId": int(str(d.opts.get("event_id", 1))),
        "LogLevel": "Error",
        "Category": d.logger,
        "Message": d.log_message,
        "Exception": dotnet_core_trace(d.chain),
        "State": state,
        "Scopes": scopes,
    }
    return _compact(record), {"LogLevel": "Error", "Category": d.logger}


FORMATS12: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "django-verbose": django_verbose,
    "pjl-renamed": pjl_renamed,
    "huey-consumer": huey_consumer,
    "zerolog-caller": zerolog_caller,
    "goroutine-panic": goroutine_panic,
    "mel-json-scopes": mel_json_scopes,
}

__all__ = ["FORMATS12"]
