"""blind44's log formats: logstash-logback-encoder records of a Spring Boot 3 app on AWS ECS
as FireLens (Fluent Bit) ships them to Splunk, the encoder's JSON under the record's ``log``
key (ee), go.uber.org/zap's development console encoder (ef), and a Rails 7.1 API's default
production log and GoodJob's Active Job failures, with Ruby's ``A::B`` class names (eg).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace

from .delivery import Delivery
from .model import Frame
from .traces import java_trace, ruby_backtrace, zap_stacktrace

Fields = dict[str, str]

_CLUSTER = "rota-prod"
_ACCOUNT = "318402277165"


def _logstash(d: Delivery) -> dict[str, object]:
    """logstash-logback-encoder's ``LogstashEncoder``; ``opts.half`` is
    ``maxDepthPerThrowable`` on the team's ShortenedThrowableConverter."""
    depth = int(str(d.opts.get("half", 0)))
    thread = str(d.opts.get("thread", f"http-nio-8080-exec-{d.rand.randint(1, 40)}"))
    return {
        "@timestamp": d.iso(3, z=False),
        "@version": "1",
        "message": d.log_message,
        "logger_name": d.logger,
        "thread_name": thread,
        "level": "ERROR",
        "level_value": 40000,
        "stack_trace": java_trace(d.chain, depth=depth) + "\n",
        "traceId": d.rand.hex(32),
        "spanId": d.rand.hex(16),
    }


def _firelens(d: Delivery, log: object) -> dict[str, object]:
    """The record Fluent Bit's FireLens input adds the task metadata to."""
    task = d.rand.hex(32)
    return {
        "container_id": f"{task}-{d.rand.randint(1_000_000_000, 4_000_000_000)}",
        "container_name": d.service.name,
        "source": "stdout",
        "log": log,
        "ecs_cluster": _CLUSTER,
        "ecs_task_arn": f"arn:aws:ecs:eu-west-2:{_ACCOUNT}:task/{_CLUSTER}/{task}",
        "ecs_task_definition": f"{d.service.name}:{41 + d.release}",
    }


def firelens_logstash(d: Delivery) -> tuple[str, Fields]:
    """FireLens with no parser: the encoder's line is a JSON string inside ``log``."""
    line = json.dumps(_logstash(d), separators=(",", ":"), ensure_ascii=False)
    record = _firelens(d, line)
    return json.dumps(record, separators=(",", ":"), ensure_ascii=False), {
        "ecs_task_definition": str(record["ecs_task_definition"]),
    }


def firelens_parsed(d: Delivery) -> tuple[str, Fields]:
    """The later task definitions add a Fluent Bit ``parser`` filter (``Key_Name log``, a
    ``json`` parser) and a ``nest`` filter putting the parsed keys back under ``log``: the
    encoder's record as an object under ``log``."""
    record = _firelens(d, _logstash(d))
    return json.dumps(record, separators=(",", ":"), ensure_ascii=False), {
        "log.level": "ERROR",
        "log.logger_name": d.logger,
    }


def _log_site(d: Delivery) -> tuple[Frame, ...]:
    """The stack zap captures is the logging call's, not the error's: an error returned up to
    the outermost app function is logged there, a few lines below the failing call. A panic
    logged from a deferred ``recover`` still has the panicking frames under it."""
    frames = d.frames
    if d.thrown.type == "runtime.Error":
        return frames
    app = [i for i, f in enumerate(frames) if f.in_app]
    if not app:
        return frames
    site = frames[app[0]]
    return (*frames[: app[0]], replace(site, line=site.line + 3))


def zap_development(d: Delivery) -> tuple[str, Fields]:
    """``zap.NewDevelopment()``: ISO8601 time, capital level, the logger's name where
    ``Named`` was used, short caller, message, the fields as JSON, then (at Warn and above)
    the stack of the log call, innermost first, on the following lines."""
    frames = _log_site(d)
    caller = frames[-1]
    msg = str(d.opts.get("msg", d.bug.log or "request failed"))
    fields: dict[str, object] = {}
    if d.bug.entry.startswith(("GET ", "POST ", "PUT ", "DELETE ", "PATCH ")):
        fields.update(method=d.bug.entry.split(" ", 1)[0], path=d.request_path)
    fields["error"] = d.thrown.value
    if d.opts.get("verbose"):
        # An error wrapped with pkg/errors: zap adds ``errorVerbose``, cause and stack.
        fields["errorVerbose"] = d.thrown.value + "\n" + zap_stacktrace(d.frames[-3:])
    parts = [d.iso(3), "ERROR"]
    if d.bug.logger:
        parts.append(d.bug.logger)
    parts += [
        "/".join(caller.file.split("/")[-2:]) + f":{caller.line}",
        msg,
        json.dumps(fields, ensure_ascii=False),
    ]
    return "\t".join(parts) + "\n" + zap_stacktrace(frames), {}


def _ruby_name(d: Delivery) -> str:
    """Ruby prints a class by its constant path: ``ActiveRecord::RecordNotFound``."""
    exc = d.thrown
    return f"{exc.module}::{exc.type}" if exc.module else exc.type


def _logger_prefix(d: Delivery, level: str) -> str:
    """Ruby's ``Logger::Formatter``: ``F, [2026-03-04T10:12:01.123456 #12] FATAL -- : ``."""
    return f"{level[0]}, [{d.iso(6, z=False)[:-6]} #{d.rand.randint(8, 60)}] {level:>5} -- : "


def rails_fatal(d: Delivery) -> tuple[str, Fields]:
    """Rails 7.1's default production log (``config.log_tags = [:request_id]``, no lograge):
    ``DebugExceptions`` logs a FATAL line, the exception line, a blank one and the cleaned
    backtrace, each tagged; Splunk's line breaking keeps them as one event."""
    tag = f"[{d.values['uuid']}]"
    first = d.thrown.value.split("\n", 1)[0]
    lines = [
        f"{_logger_prefix(d, 'FATAL')}{tag}   ",
        f"{tag} {_ruby_name(d)} ({first}):",
        f"{tag}   ",
        *(f"{tag} {line}" for line in ruby_backtrace(d.thrown)),
    ]
    return "\n".join(lines), {"request_id": d.values["uuid"]}


def goodjob_failed(d: Delivery) -> tuple[str, Fields]:
    """Active Job's ``Error performing`` line for a GoodJob execution (Rails 7.1), the job's
    tags on the first line only, then the cleaned backtrace."""
    job, jid = d.bug.entry, d.values["uuid"]
    queue = str(d.opts.get("queue", "default"))
    ms = f"{d.rand.randint(4, 90_000) / 100:.2f}"
    first = d.thrown.value.split("\n", 1)[0]
    head = (
        f"{_logger_prefix(d, 'ERROR')}[ActiveJob] [{job}] [{jid}] Error performing {job} "
        f"(Job ID: {jid}) from GoodJob({queue}) in {ms}ms: {_ruby_name(d)} ({first}):"
    )
    return head + "\n" + "\n".join(ruby_backtrace(d.thrown)), {"queue_name": queue}


FORMATS44: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "ee-firelens-logstash": firelens_logstash,
    "ee-firelens-parsed": firelens_parsed,
    "ef-zap-dev": zap_development,
    "eg-rails-fatal": rails_fatal,
    "eg-goodjob-failed": goodjob_failed,
}
