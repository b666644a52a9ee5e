"""Log formats of blind22's companies (bq, br, bs): Rails 7.2's tagged production logger
(``ActionDispatch::DebugExceptions`` writes one ``FATAL`` record: the error, a ``Causes:``
block when the exception has a cause, then the cleaned backtrace, every later line carrying
the tags) and Active Job's error record for jobs run by Solid Queue (``Error performing
<Job> (Job ID: <id>) from SolidQueue(<queue>) in <ms>ms: <Class> (<message>):`` followed by
the backtrace); Serilog's ``CompactJsonFormatter`` (``@t``, ``@mt``, ``@l``, ``@x`` as
``Exception.ToString()``, ``SourceContext``); zap's production JSON in a confluent-kafka-go
consumer (``error`` is ``err.Error()``, ``stacktrace`` the stack of the log call).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it, as
in ``logs``; ``logs.FORMATS`` takes them in under these keys (prefixed with the company's
letters: no other set uses them).
"""

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .traces import dotnet_core_trace, ruby_backtrace, zap_stacktrace

Fields = dict[str, str]


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


# --- bq: Rails 7.2 and Solid Queue ---------------------------------------------------------------


def _ruby_stamp(d: Delivery) -> str:
    return f"{d.stamp('%Y-%m-%dT%H:%M:%S')}.{int(d.when * 1_000_000) % 1_000_000:06d}"


def rails72_tagged(d: Delivery) -> tuple[str, Fields]:
    """Rails 7.2's ``DebugExceptions#log_error`` under ``TaggedLogging`` with
    ``config.log_tags = [:request_id]``: the lines joined with the tags alone; a ``Causes:``
    block names the causes of a wrapped exception. ``opts.half``: the first three lines."""
    exc = d.thrown
    tag = d.rand.uuid()
    prefix = f"F, [{_ruby_stamp(d)} #{d.rand.randint(1, 40)}] FATAL -- : [{tag}] "
    lines = ["  ", f"{exc.type} ({exc.value.splitlines()[0]}):"]
    if len(d.chain) > 1:
        lines.append("\nCauses:")
        lines.extend(f"{c.type} ({c.value.splitlines()[0]})" for c in reversed(d.chain[:-1]))
    trace = ruby_backtrace(exc)
    if d.opts.get("half"):
        trace = trace[:3]
    lines += ["  ", *trace]
    return prefix + f"\n[{tag}] ".join(lines), {"request_id": tag, "severity": "FATAL"}


def activejob_solid_queue(d: Delivery) -> tuple[str, Fields]:
    """Active Job 7.2's ``LogSubscriber#perform`` error record, tagged ``[ActiveJob] [<Job>]
    [<job id>]``, then ``Array(ex.backtrace).join("\n")``: the whole backtrace, gems included,
    absolute paths (the app under /rails, as Rails 7.2's Dockerfile puts it)."""
    exc = d.thrown
    job_id = d.rand.uuid()
    queue = str(d.opts.get("queue", "default"))
    head = (
        f"E, [{_ruby_stamp(d)} #{d.rand.randint(1, 40)}] ERROR -- : [ActiveJob] "
        f"[{d.bug.entry}] [{job_id}] Error performing {d.bug.entry} (Job ID: {job_id}) from "
        f"SolidQueue({queue}) in {d.rand.uniform(3, 9000):.2f}ms: "
        f"{exc.type} ({exc.value.splitlines()[0]}):"
    )
    return "\n".join([head, *ruby_backtrace(exc, app_only=False)]), {
        "job_class": d.bug.entry,
        "queue": queue,
    }


# --- br: Serilog's compact JSON and its Splunk HEC sink ------------------------------------------


def serilog_compact(d: Delivery) -> tuple[str, Fields]:
    """``new CompactJsonFormatter()``: ``@t``, ``@mt`` (the template, not rendered), ``@l``
    (absent for Information), ``@x``, then the properties (``SourceContext``, the request's
    ``RequestId``/``RequestPath`` from ASP.NET Core's scope, or the hosted service's own)."""
    record: dict[str, object] = {
        "@t": d.iso(7),
        "@mt": str(d.opts.get("mt", d.bug.log or UNHANDLED)),
        "@l": "Error",
        "@x": dotnet_core_trace(d.chain),
    }
    for key, value in dict(d.opts.get("props", {}) or {}).items():  # type: ignore[call-overload]
        record[str(key)] = d.values.fill(str(value))
    record["SourceContext"] = d.logger
    if d.bug.entry.startswith(("GET ", "POST ", "PUT ", "DELETE ", "PATCH ")):
        conn = d.rand.alnum(9, "ABCDEFGHIJKLMNOPQRSTUV0123456789")
        record["RequestId"] = f"0HN{conn}:0000000{d.rand.randint(1, 9)}"
        record["RequestPath"] = d.request_path
        record["ConnectionId"] = f"0HN{conn}"
    record["MachineName"] = d.host
    return _compact(record), {"level": "Error"}


# ASP.NET Core's ExceptionHandlerMiddleware / DeveloperExceptionPageMiddleware log line.
UNHANDLED = "An unhandled exception has occurred while executing the request."


def serilog_splunk_hec(d: Delivery) -> tuple[str, Fields]:
    """Serilog.Sinks.Splunk's ``EventCollector`` sink with its default ``SplunkJsonFormatter``:
    HEC indexes the ``event`` object (``Level``, ``MessageTemplate``, ``RenderedMessage``,
    ``Exception`` as ``ToString()``, ``Properties``); the time travels beside it, not in it."""
    props: dict[str, object] = {
        str(k): d.values.fill(str(v))
        for k, v in dict(d.opts.get("props", {}) or {}).items()  # type: ignore[call-overload]
    }
    props["SourceContext"] = d.logger
    if d.bug.entry.startswith(("GET ", "POST ", "PUT ", "DELETE ", "PATCH ")):
        props["ActionName"] = str(d.opts.get("action", d.bug.entry))
        props["RequestId"] = f"0HN{d.rand.alnum(9, 'ABCDEFGHIJKLMNOPQRSTUV0123456789')}:00000002"
        props["RequestPath"] = d.request_path
    props["MachineName"] = d.host
    template = str(d.opts.get("mt", d.bug.log or UNHANDLED))
    record = {
        "Level": "Error",
        "MessageTemplate": template,
        "RenderedMessage": d.log_message if template == d.bug.log else template,
        "Exception": dotnet_core_trace(d.chain),
        "Properties": props,
    }
    return _compact(record), {"Level": "Error"}


# --- bs: zap in a confluent-kafka-go consumer -----------------------------------------------------


def zap_kafka(d: Delivery) -> tuple[str, Fields]:
    """zap's production JSON (``ts`` epoch seconds as a float) from the consumer loop:
    ``logger.Error("process message", zap.String("topic", ...), zap.Int32("partition", ...),
    zap.Int64("offset", ...), zap.Error(err))``; the ``stacktrace`` is where the loop logged,
    not where the error was made; ``errorVerbose`` only for pkg/errors values (none here)."""
    frames = tuple(f for f in d.frames if f.in_app)
    caller = frames[0] if frames else d.frames[-1]
    record = {
        "level": "error",
        "ts": round(d.when, 6),
        "caller": "/".join(caller.file.split("/")[-2:]) + f":{caller.line + 14}",
        "msg": str(d.opts.get("msg", d.bug.log or "process message")),
        "topic": str(d.opts.get("topic", d.bug.entry)),
        "partition": int(d.values["part"]),
        "offset": int(d.values["offset"]),
        "error": d.thrown.value,
        "stacktrace": zap_stacktrace(frames[:1]),
    }
    return _compact(record), {"level": "error"}


FORMATS22: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "bq-rails72-tagged": rails72_tagged,
    "bq-activejob-solidqueue": activejob_solid_queue,
    "br-serilog-compact": serilog_compact,
    "br-serilog-splunk-hec": serilog_splunk_hec,
    "bs-zap-kafka": zap_kafka,
}
