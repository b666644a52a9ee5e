"""blind66's log formats: a .NET 8 minimal API and worker on Microsoft.Extensions.Logging's
JSON console formatter (``Timestamp``, ``EventId``, ``LogLevel``, ``Category``, ``Message``,
``Exception`` as one string, ``State``, ``Scopes``), or the simple console formatter's
``fail: <Category>[<EventId>]`` text in the worker, read from the containers' logs by Splunk
Connect for Kubernetes (gs); a Symfony 7 app on Monolog's ``JsonFormatter`` (``message``,
``context.exception`` with ``class``, ``message``, ``code``, ``file`` and ``trace`` as
"file:line" strings, ``previous``), shipped to Datadog (gt).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

# ruff: noqa: E501

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from .delivery import Delivery
from .model import Exc
from .traces import dotnet_core_trace

Fields = dict[str, str]

#: ``Category`` -> (EventId, the event's name) of the framework's own error records.
MEL_EVENTS = {
    "Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware": (1, "UnhandledException"),
    "Microsoft.AspNetCore.Server.Kestrel": (13, "ApplicationError"),
    "Microsoft.Extensions.Hosting.Internal.Host": (9, "BackgroundServiceFaulted"),
}


def _k8s(d: Delivery) -> Fields:
    """The fields Splunk Connect for Kubernetes attaches to a container line."""
    return {
        "kubernetes.pod_name": d.host,
        "kubernetes.namespace_name": str(d.opts.get("namespace", "pharmacy")),
        "kubernetes.container_name": d.service.name,
        "cluster_name": "ormside-aks-prod",
    }


def _message(d: Delivery) -> tuple[str, str]:
    """The rendered message and its template (``{OriginalFormat}``)."""
    template = d.bug.log or "An unhandled exception has occurred while executing the request."
    if d.logger == "Microsoft.AspNetCore.Server.Kestrel":
        conn = f"0HN{d.rand.alnum(10, 'ABCDEFGHIJKLMNOPQRSTUV0123456789')}"
        template = 'Connection id "{ConnectionId}", Request id "{TraceIdentifier}": An unhandled exception was thrown by the application.'
        return template.replace("{ConnectionId}", conn).replace(
            "{TraceIdentifier}", f"{conn}:00000002"
        ), template
    return (d.log_message if d.bug.log else template), template


def mel_json(d: Delivery) -> tuple[str, Fields]:
    """``AddJsonConsole(o => { o.IncludeScopes = true; o.TimestampFormat = "O"; o.UseUtcTimestamp = true; })``
    one record a line. ``opts.kind`` ``simple``: the worker's ``AddSimpleConsole`` (``fail: ``,
    the category and event id, the message and ``Exception.ToString()`` indented six spaces,
    single line off so one event spans lines); ``noexc``: the team's ``LogError`` without the
    exception (the message only)."""
    kind = str(d.opts.get("kind", "json"))
    message, template = _message(d)
    category = d.logger
    event_id, _ = MEL_EVENTS.get(category, (0, ""))
    exception = dotnet_core_trace(d.chain) if kind != "noexc" else ""
    if kind == "simple":
        lines = [f"fail: {category}[{event_id}]", f"      {message}"]
        if exception:
            lines.extend("      " + ln for ln in exception.split("\n"))
        return "\n".join(lines), {**_k8s(d), "level": "fail"}
    trace_id = d.rand.hex(32)
    span_id = d.rand.hex(16)
    scopes: list[dict[str, Any]] = [
        {
            "Message": f"SpanId:{span_id}, TraceId:{trace_id}, ParentId:0000000000000000",
            "SpanId": span_id,
            "TraceId": trace_id,
            "ParentId": "0000000000000000",
        },
    ]
    if " /" in d.bug.entry:
        conn = f"0HN{d.rand.alnum(10, 'ABCDEFGHIJKLMNOPQRSTUV0123456789')}"
        rid = f"{conn}:0000000{d.rand.randint(1, 9)}"
        scopes.append({"Message": f"ConnectionId:{conn}", "ConnectionId": conn})
        scopes.append(
            {
                "Message": f"RequestPath:{d.request_path} RequestId:{rid}",
                "RequestId": rid,
                "RequestPath": d.request_path,
            }
        )
    else:
        scopes.append({"Message": f"JobRun:{d.values['uuid']}", "JobRun": d.values["uuid"]})
    state: dict[str, Any] = {"Message": message}
    for name in ("PrescriptionId", "BatchId", "Pharmacy"):
        if "{" + name + "}" in template:
            state[name] = d.values["uuid"]
    state["{OriginalFormat}"] = template
    rec: dict[str, Any] = {
        "Timestamp": d.iso(7, z=False),
        "EventId": event_id,
        "LogLevel": "Error"
        if category != "Microsoft.Extensions.Hosting.Internal.Host"
        else "Critical",
        "Category": category,
        "Message": message,
    }
    if exception:
        rec["Exception"] = exception
    rec["State"] = state
    rec["Scopes"] = scopes
    return json.dumps(rec, separators=(",", ":"), ensure_ascii=False), {
        **_k8s(d),
        "LogLevel": rec["LogLevel"],
        "Category": category,
    }


# --- Monolog ---------------------------------------------------------------------------------


def _where(exc: Exc) -> tuple[str, int]:
    thrown = exc.frames[-1]
    if not thrown.file and len(exc.frames) > 1:
        thrown = exc.frames[-2]
    return thrown.file, thrown.line


def monolog_throwable(chain: Sequence[Exc], codes: Sequence[int] = ()) -> dict[str, Any]:
    """Monolog 3's ``NormalizerFormatter::normalizeException``: ``class``, ``message``,
    ``code``, ``file`` as ``path:line``, ``trace`` the ``file:line`` of every frame of
    ``getTrace()`` that has a file (innermost first), ``previous`` the cause."""
    out: dict[str, Any] = {}
    for i, exc in enumerate(chain):  # cause first: each wraps the one before
        file, line = _where(exc)
        trace = [f"{f.file}:{f.line}" for f in reversed(exc.frames[:-1]) if f.file]
        entry: dict[str, Any] = {
            "class": exc.type,
            "message": exc.value,
            "code": codes[i] if i < len(codes) else 0,
            "file": f"{file}:{line}",
            "trace": trace,
        }
        if out:
            entry["previous"] = out
        out = entry
    return out


def monolog_json(d: Delivery) -> tuple[str, Fields]:
    """Monolog's ``JsonFormatter`` (one record a line, ``datetime`` with microseconds).
    ``opts.kind`` ``request`` (the default): HttpKernel's ErrorListener, channel ``request``,
    ``Uncaught PHP Exception <class>: "<message>" at <file> line <line>``; ``retry`` and
    ``failed``: Messenger's ``SendFailedMessageForRetryListener`` (WARNING, then CRITICAL when
    the retries are spent); ``app``: the team's ``$logger->error($msg, ['exception' => $e])``;
    ``console``: a ``bin/console`` command's ``Error thrown while running command``."""
    kind = str(d.opts.get("kind", "request"))
    exc = d.thrown
    file, line = _where(exc)
    codes = [int(str(c)) for c in d.opts.get("codes", ())]  # type: ignore[union-attr]
    context: dict[str, Any] = {"exception": monolog_throwable(d.chain, codes)}
    level, channel = 500, "request"
    if kind == "request":
        message = f'Uncaught PHP Exception {exc.type}: "{exc.value}" at {file} line {line}'
    elif kind in ("retry", "failed"):
        cls = str(d.bug.entry)
        channel = "messenger"
        retries = d.rand.randint(1, 3)
        if kind == "retry":
            level = 300
            delay = 1000 * 2 ** (retries - 1)
            message = f'Error thrown while handling message {cls}. Sending for retry #{retries} using {delay} ms delay. Error: "{exc.value}"'
            context = {
                "class": cls,
                "retryCount": retries,
                "delay": delay,
                "error": exc.value,
                **context,
            }
        else:
            message = f'Error thrown while handling message {cls}. Removing from transport after 3 retries. Error: "{exc.value}"'
            context = {"class": cls, "retryCount": 3, "error": exc.value, **context}
    elif kind == "console":
        channel = "console"
        level = 400
        message = f'Error thrown while running command "{d.bug.entry}". Message: "{exc.value}"'
        context = {"exception": context["exception"], "command": d.bug.entry, "message": exc.value}
    else:
        channel = str(d.opts.get("channel", "app"))
        level = int(str(d.opts.get("level", 400)))
        message = d.log_message
    names = {300: "WARNING", 400: "ERROR", 500: "CRITICAL"}
    rec = {
        "message": message,
        "context": context,
        "level": level,
        "level_name": names[level],
        "channel": channel,
        "datetime": d.iso(6, z=False),
        "extra": {},
    }
    return json.dumps(rec, separators=(",", ":"), ensure_ascii=False), {
        "channel": channel,
        "level_name": names[level],
    }


FORMATS66: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "gs-mel-json": mel_json,
    "gt-monolog-json": monolog_json,
}
