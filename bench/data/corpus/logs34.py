"""blind34's log formats: Symfony 6 with Messenger workers through Monolog 3's
``JsonFormatter`` (da), Fastify's own pino records and a BullMQ worker's child logger (db),
a Spring Boot 3 batch service on log4j2: the legacy ``JsonLayout`` with its structured
``extendedStackTrace`` and ``JsonTemplateLayout`` with the ECS template (dc).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from .delivery import Delivery
from .model import Exc
from .traces import java_trace, node_stack, php_where

Fields = dict[str, str]


def _compact(record: object) -> str:
    # Monolog and pino both write unescaped slashes and unicode, with no spaces.
    return json.dumps(record, separators=(",", ":"), ensure_ascii=False)


def _monolog_exception(chain: Sequence[Exc], i: int) -> dict[str, object]:
    """Monolog 3's ``NormalizerFormatter::normalizeException`` with stack traces on: each
    ``getTrace()`` frame that has a file as ``file:line`` (innermost first), the previous
    exception (the cause) nested under ``previous``."""
    exc = chain[i]
    frames = list(exc.frames)
    trace = [f"{frames[j - 1].file}:{frames[j - 1].line}" for j in range(len(frames) - 1, 0, -1)]
    out: dict[str, object] = {
        "class": exc.type,
        "message": exc.value,
        "code": 0,
        "file": php_where(exc),
        "trace": [t for t in trace if not t.startswith(":")],
    }
    if i > 0:
        out["previous"] = _monolog_exception(chain, i - 1)
    return out


def symfony_monolog(d: Delivery) -> tuple[str, Fields]:
    """A Symfony 6 app's JSON log line. A request's uncaught exception is logged CRITICAL on
    the ``request`` channel by the HttpKernel's ErrorListener; a Messenger handler's failure by
    ``SendFailedMessageForRetryListener``: WARNING while it retries, CRITICAL when the message
    is dropped, the exception a ``HandlerFailedException`` over the handler's own."""
    chain = d.chain
    exc = chain[-1]
    context: dict[str, object] = {}
    if d.bug.entry.startswith("App\\Message\\"):
        retry = int(str(d.opts.get("retry", 0)))
        first = exc.value.split("\n", 1)[0]
        # HandleMessageMiddleware throws the wrapper: its trace stops above the handler.
        app = next((i for i, f in enumerate(exc.frames) if f.in_app), len(exc.frames))
        wrapper = Exc(
            "Symfony\\Component\\Messenger\\Exception\\HandlerFailedException",
            f'Handling "{d.bug.entry}" failed: {first}',
            exc.frames[:app] or exc.frames,
        )
        chain = [*chain, wrapper]
        if retry:
            delay = 1000 * 2 ** (retry - 1)
            level, name = 300, "WARNING"
            message = (
                f"Error thrown while handling message {d.bug.entry}. Sending for retry "
                f'#{retry} using {delay} ms delay. Error: "{wrapper.value}"'
            )
            context.update(retryCount=retry, delay=delay)
        else:
            level, name = 500, "CRITICAL"
            message = (
                f"Error thrown while handling message {d.bug.entry}. Removing from transport "
                f'after 3 retries. Error: "{wrapper.value}"'
            )
            context["retryCount"] = 3
        context.update({"class": d.bug.entry, "message_id": d.rand.randint(1000, 99999)})
        context["error"] = wrapper.value
        channel = "messenger"
    else:
        where = php_where(exc)
        file, _, line = where.rpartition(":")
        message = f'Uncaught PHP Exception {exc.type}: "{exc.value}" at {file} line {line}'
        level, name, channel = 500, "CRITICAL", "request"
    context["exception"] = _monolog_exception(chain, len(chain) - 1)
    record = {
        "message": message,
        "context": context,
        "level": level,
        "level_name": name,
        "channel": channel,
        "datetime": d.iso(6, z=False),
        "extra": {"request_id": d.rand.hex(16)} if channel == "request" else {},
    }
    return _compact(record) + "\n", {"level_name": name, "channel": channel}


def fastify_pino(d: Delivery) -> tuple[str, Fields]:
    """Fastify 4's default error handler (``reply.log.error({ req, res, err }, err.message)``)
    or, for a BullMQ job, the worker's ``failed`` listener on a child logger."""
    exc = d.thrown
    err: dict[str, object] = {
        "type": exc.type,
        "message": exc.value,
        "stack": node_stack(exc, exc.value),
    }
    if code := d.opts.get("code"):
        err["code"] = str(code)
    record: dict[str, object] = {
        "level": 50,
        "time": d.epoch_ms,
        "pid": 1,
        "hostname": d.host,
    }
    entry = d.bug.entry
    if " /" in entry:
        method = entry.split(" ", 1)[0]
        record["reqId"] = f"req-{d.rand.randint(1, 4000):x}"
        record["req"] = {
            "method": method,
            "url": d.request_path,
            "hostname": "api.dawnridge.example",
            "remoteAddress": d.values["ip"],
            "remotePort": d.rand.randint(32768, 60999),
        }
        record["res"] = {"statusCode": 500}
        record["err"] = err
        record["msg"] = exc.value
    else:
        record["queue"] = entry
        record["jobId"] = str(d.rand.randint(1, 90000))
        record["attemptsMade"] = d.rand.randint(1, 5)
        record["err"] = err
        record["msg"] = d.log_message
    return _compact(record), {"level": "50", "msg": str(record["msg"])[:200]}


def _log4j2_thrown(chain: Sequence[Exc], i: int) -> dict[str, object]:
    """log4j2 ``JsonLayout``'s ``thrown``: the name, messages, ``extendedStackTrace`` frames
    (innermost first, the jar in ``location``) and the cause nested."""
    exc = chain[i]
    frames = []
    for f in reversed(exc.frames):
        frames.append(
            {
                "class": f.module,
                "method": f.function,
                "file": f.file,
                "line": f.line,
                "exact": False,
                "location": "batch.jar" if f.in_app else "?",
                "version": "?",
            }
        )
    out: dict[str, object] = {
        "commonElementCount": 0,
        "localizedMessage": exc.value,
        "message": exc.value,
        "name": exc.text_name,
        "extendedStackTrace": frames,
    }
    if i > 0:
        out["cause"] = _log4j2_thrown(chain, i - 1)
    return out


def log4j2_json(d: Delivery) -> tuple[str, Fields]:
    """log4j2 ``JsonLayout`` with ``compact="true" eventEol="true" properties="true"``."""
    thread = str(d.opts.get("thread", f"quartzScheduler_Worker-{d.rand.randint(1, 10)}"))
    record = {
        "instant": {"epochSecond": int(d.when), "nanoOfSecond": int(d.when % 1 * 1e9)},
        "thread": thread,
        "level": "ERROR",
        "loggerName": d.logger,
        "message": d.log_message,
        "thrown": _log4j2_thrown(d.chain, len(d.chain) - 1),
        "endOfBatch": False,
        "loggerFqcn": "org.apache.logging.slf4j.Log4jLogger",
        "contextMap": {"jobName": d.bug.entry} if d.bug.entry else {},
        "threadId": d.rand.randint(20, 90),
        "threadPriority": 5,
    }
    return _compact(record) + "\n", {"level": "ERROR", "loggerName": d.logger}


def log4j2_ecs(d: Delivery) -> tuple[str, Fields]:
    """log4j2 ``JsonTemplateLayout`` with the bundled ``EcsLayout.json``: the trace as text in
    ``error.stack_trace``."""
    exc = d.thrown
    thread = str(d.opts.get("thread", f"quartzScheduler_Worker-{d.rand.randint(1, 10)}"))
    record = {
        "@timestamp": d.iso(3),
        "ecs.version": "1.2.0",
        "log.level": "ERROR",
        "message": d.log_message,
        "process.thread.name": thread,
        "log.logger": d.logger,
        "error.type": exc.text_name,
        "error.message": exc.value,
        "error.stack_trace": java_trace(d.chain),
    }
    return _compact(record) + "\n", {"log.level": "ERROR", "log.logger": d.logger}


FORMATS34: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "da-symfony-monolog": symfony_monolog,
    "db-fastify-pino": fastify_pino,
    "dc-log4j2-json": log4j2_json,
    "dc-log4j2-ecs": log4j2_ecs,
}
