"""blind107's log formats.

ll (Yelverton Removals), .NET 8 services consuming RabbitMQ through MassTransit 8:

- ``ll-clef``: Serilog's ``RenderedCompactJsonFormatter`` sent by Serilog.Sinks.Splunk's
  event collector sink to Splunk HEC (and written to stdout for the Datadog agent): ``@t``
  with seven digits, ``@m`` the rendered message, ``@i`` the template's event id, ``@l``
  (``Error``; ``Warning`` for retries), ``@x`` the exception's ``ToString()``, then the
  properties (``SourceContext``, the MassTransit log's ``InputAddress``/``MessageId``/
  ``MessageType``/``ConsumerType``/``Duration``, the enrichers' ``MachineName`` and
  ``Application``). ``opts.kind``: ``fault`` (MassTransit's ``R-FAULT`` record, the default
  when the bug's log says so), ``retry`` (MassTransit's ``R-RETRY`` warning, the message type
  shown as ``RetryConsumeContext``), ``efcore`` (EF Core's own ``SaveChangesFailed`` record,
  the exception pasted into ``@m`` too), ``fault-observer`` (the team's ``IConsumer<Fault<T>>``
  logging the ``Fault<T>``'s first ``ExceptionInfo``: no ``@x``, the stack as a
  ``StackTrace`` property), ``app`` (the code's own ``LogError(ex, ...)``).

ln (Yarwood Events' public API), Fastify 4 on Node 20:

- ``ln-fastify``: pino JSON as Fastify 4 writes it: its default error handler's record
  (``req``, ``res.statusCode`` 500, ``err`` with ``type``/``message``/``stack`` and any
  ``code``, ``msg`` the error's message); ``opts.kind`` ``team``: the code's own
  ``request.log.error({ err }, msg)`` without ``req``/``res``; ``crash``: Node's own
  uncaught-exception text on stderr (the source line, the caret, the stack and
  ``Node.js v20.x``), one event per crash.

Each function returns the raw text and the fields a Splunk search extracts from it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from .delivery import Delivery
from .rand import stable_hex
from .traces import dotnet_core_trace, node_path, node_position, node_stack

Fields = dict[str, str]

HTTP_VERBS = ("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


# --- ll: Serilog RenderedCompactJsonFormatter -------------------------------------------------

_MT = re.compile(r"^(R-FAULT|R-RETRY) (\S+) (\S+) (\S+)(?: (\S+)\((\S+)\))?$")


def _mt_parts(d: Delivery) -> dict[str, str]:
    """The bug's MassTransit log line ``R-FAULT <address> {uuid} <type> <consumer>(<dur>)``."""
    m = _MT.match(d.values.fill(d.bug.log))
    if not m:
        return {}
    return {
        "InputAddress": m.group(2),
        "MessageId": m.group(3),
        "MessageType": m.group(4),
        "ConsumerType": m.group(5) or "",
        "Duration": m.group(6) or "",
    }


def ll_clef(d: Delivery) -> tuple[str, Fields]:
    mt = _mt_parts(d)
    kind = str(d.opts.get("kind", "fault" if mt else "app"))
    trace = dotnet_core_trace(d.chain)
    props: dict[str, Any] = {}
    level = "Error"
    if kind == "fault" and mt:
        template = "R-FAULT {InputAddress} {MessageId} {MessageType} {ConsumerType}({Duration})"
        rendered = (
            f"R-FAULT {mt['InputAddress']} {mt['MessageId']} {mt['MessageType']} "
            f"{mt['ConsumerType']}({mt['Duration']})"
        )
        props = {k: v for k, v in mt.items()}
        props["SourceContext"] = "MassTransit"
    elif kind == "retry" and mt:
        level = "Warning"
        template = "R-RETRY {InputAddress} {MessageId} {MessageType}"
        rendered = (
            f"R-RETRY {mt['InputAddress']} {mt['MessageId']} "
            "MassTransit.RetryPolicies.RetryConsumeContext"
        )
        props = {
            "InputAddress": mt["InputAddress"],
            "MessageId": mt["MessageId"],
            "MessageType": "MassTransit.RetryPolicies.RetryConsumeContext",
            "SourceContext": "MassTransit",
        }
    elif kind == "efcore":
        ctx = str(d.opts.get("context", "Yelverton.Moves.Data.MovesDbContext"))
        template = (
            "An exception occurred in the database while saving changes for context type "
            "'{contextType}'.{newline}{error}"
        )
        rendered = (
            "An exception occurred in the database while saving changes for context type "
            f"'{ctx}'.\n{trace}"
        )
        props = {
            "contextType": ctx,
            "newline": "\n",
            "error": trace,
            "EventId": {
                "Id": 10000,
                "Name": "Microsoft.EntityFrameworkCore.Update.SaveChangesFailed",
            },
            "SourceContext": "Microsoft.EntityFrameworkCore.Update",
        }
    elif kind == "fault-observer":
        exc = d.thrown
        message = str(d.opts.get("message", "MoveBooked"))
        template = "Fault<{MessageType}> {FaultId}: {ExceptionType}: {ExceptionMessage}"
        fault_id = d.rand.uuid()
        rendered = f'Fault<"{message}"> {fault_id}: "{exc.text_name}": "{exc.value}"'
        stack = "\n".join(line for line in trace.split("\n")[1:] if line.startswith("   at "))
        props = {
            "MessageType": message,
            "FaultId": fault_id,
            "ExceptionType": exc.text_name,
            "ExceptionMessage": exc.value,
            "StackTrace": stack,
            "FaultedMessageId": d.rand.uuid(),
            "SourceContext": "Yelverton.Ops.Consumers.FaultAuditConsumer",
        }
    else:
        template = d.bug.log or "Unhandled exception"
        rendered = d.log_message
        for name in re.findall(r"\{([A-Z][A-Za-z]+)\}", template):
            props[name] = d.values["uuid"]
        props["SourceContext"] = d.logger
    record: dict[str, Any] = {"@t": d.iso(7), "@m": rendered, "@i": stable_hex(8, template)}
    record["@l"] = level
    if kind != "fault-observer":
        record["@x"] = trace
    record.update(props)
    record["MachineName"] = d.host
    record["Application"] = d.service.name
    if d.bug.entry.startswith(HTTP_VERBS):
        record["RequestPath"] = d.request_path
        record["RequestId"] = f"0HN{d.rand.alnum(9).upper()}:0000000{d.rand.randint(1, 9)}"
    return _compact(record), {"@l": level, "SourceContext": str(record.get("SourceContext", ""))}


# --- ln: Fastify 4's pino -----------------------------------------------------------------------


def _err(d: Delivery) -> dict[str, Any]:
    exc = d.thrown
    err: dict[str, Any] = {
        # pino's serializer names the constructor: node-postgres' errors are named "error".
        "type": "DatabaseError" if exc.type == "error" else exc.type,
        "message": exc.value,
        "stack": node_stack(exc, exc.value),
    }
    code = re.match(r"^\[?([A-Z][A-Z0-9_]{3,})\]?", exc.value)
    if "code" in d.opts:
        err["code"] = str(d.opts["code"])
    elif code and code.group(1).startswith(("FST_", "ERR_", "E")):
        err["code"] = code.group(1)
    return err


def ln_fastify(d: Delivery) -> tuple[str, Fields]:
    kind = str(d.opts.get("kind", "default"))
    if kind == "crash":
        exc = d.thrown
        top = next((f for f in reversed(exc.frames) if f.in_app), None)
        where = (
            f"{node_path(top)}:{node_position(top)[0]}"
            if top
            else "node:internal/process/task_queues:95"
        )
        context = top.context if top and top.context else "      throw err;"
        caret = " " * (top.col + 1 if top and top.context else 6) + "^"
        text = f"{where}\n{context}\n{caret}\n\n{node_stack(exc, exc.value)}\n\nNode.js v20.12.2"
        return text, {"stream": "stderr"}
    record: dict[str, Any] = {
        "level": 50,
        "time": d.epoch_ms,
        "pid": 1,
        "hostname": d.host,
    }
    if d.bug.entry.startswith(HTTP_VERBS):
        record["reqId"] = f"req-{d.rand.randint(1, 90_000):x}"
    if kind == "default" and d.bug.entry.startswith(HTTP_VERBS):
        record["req"] = {
            "method": d.bug.entry.split(" ", 1)[0],
            "url": d.request_path,
            "hostname": "api.yarwood.example",
            "remoteAddress": d.values["ip"],
            "remotePort": d.rand.randint(32_768, 60_999),
        }
        record["res"] = {"statusCode": 500}
        record["err"] = _err(d)
        record["msg"] = d.thrown.value
    else:
        record["err"] = _err(d)
        record["msg"] = d.values.fill(d.bug.log) if d.bug.log else "job failed"
    return _compact(record), {"level": "50", "msg": str(record["msg"])}


FORMATS107: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "ll-clef": ll_clef,
    "ln-fastify": ln_fastify,
}

__all__ = ["FORMATS107"]
