"""blind31's log formats: Micronaut 4's logstash-logback-encoder JSON and its default console
pattern with micronaut-kafka's listener error (cr), Hanami 2's dry-logger JSON with the
exception flattened in (cs), uWSGI's log stream carrying Flask's default handler, Python's own
traceback of an error that escaped to uWSGI, its request lines, and Celery 5's worker log (ct).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable

from .delivery import Delivery
from .logs7 import ruby33_backtrace
from .traces import java_trace, python_repr, python_traceback

Fields = dict[str, str]

# Micronaut's HTTP server logs an unhandled error of a route from here (Micronaut 4).
ROUTE_EXECUTOR = "io.micronaut.http.server.RouteExecutor"
KAFKA_HANDLER = "io.micronaut.configuration.kafka.exceptions.DefaultKafkaListenerExceptionHandler"


def _micronaut_message(d: Delivery) -> tuple[str, str, str]:
    """What Micronaut logs, the logger and the thread: a route's "Unexpected error occurred:
    <message>", or micronaut-kafka's "Error processing record [Optional[ConsumerRecord(…)]]
    for Kafka consumer [<bean>] produced error: <message>"."""
    first = d.thrown.value.split("\n", 1)[0]
    topic = str(d.opts.get("topic", ""))
    if topic:
        record = (
            f"Optional[ConsumerRecord(topic = {topic}, partition = {d.rand.randint(0, 5)}, "
            f"leaderEpoch = {d.rand.randint(0, 3)}, offset = {d.values['offset']}, "
            f"CreateTime = {d.epoch_ms - d.rand.randint(5, 900)}, serialized key size = 36, "
            f"serialized value size = {d.rand.randint(180, 900)}, headers = "
            f"RecordHeaders(headers = [], isReadOnly = false), key = {d.values['uuid']}, "
            f'value = {{"bookingRef":"SLB-{d.values["id"]}","lane":{d.values["idx"]}}})]'
        )
        bean = f"{d.opts.get('listener', 'Listener')}@{d.rand.hex(8)}"
        message = (
            f"Error processing record [{record}] for Kafka consumer [{bean}] produced error: "
            + first
        )
        return message, KAFKA_HANDLER, f"pool-{d.rand.randint(1, 3)}-thread-{d.rand.randint(1, 4)}"
    if d.bug.log:
        return d.log_message, d.logger, f"io-executor-thread-{d.rand.randint(1, 12)}"
    thread = f"default-nioEventLoopGroup-1-{d.rand.randint(1, 8)}"
    if d.opts.get("blocking", True):
        thread = f"io-executor-thread-{d.rand.randint(1, 12)}"
    return f"Unexpected error occurred: {first}", ROUTE_EXECUTOR, thread


def micronaut_logstash(d: Delivery) -> tuple[str, Fields]:
    """logstash-logback-encoder's ``LogstashEncoder`` in a Micronaut service, dd-java-agent's
    log injection adding ``dd.trace_id`` and ``dd.span_id`` to the MDC."""
    message, logger, thread = _micronaut_message(d)
    record: dict[str, object] = {
        "@timestamp": d.iso(3, z=False)[:-6] + "Z",
        "@version": "1",
        "message": message,
        "logger_name": logger,
        "thread_name": thread,
        "level": "ERROR",
        "level_value": 40000,
        "stack_trace": java_trace(d.chain) + "\n",
        "dd.trace_id": str(d.rand.randint(10**18, 9 * 10**18)),
        "dd.span_id": str(d.rand.randint(10**18, 9 * 10**18)),
        "dd.service": d.service.name,
        "dd.env": "production",
        "dd.version": d.company.releases[d.release],
    }
    return json.dumps(record, separators=(",", ":"), ensure_ascii=False), {
        "level": "ERROR",
        "logger_name": logger,
    }


def _logger36(logger: str) -> str:
    """logback's ``%logger{36}``: leading packages shortened to their first letter."""
    parts = logger.split(".")
    for i in range(len(parts) - 1):
        if len(".".join(parts)) <= 36:
            break
        parts[i] = parts[i][0]
    return ".".join(parts)


def micronaut_console(d: Delivery) -> tuple[str, Fields]:
    """The ``logback.xml`` Micronaut's project generator writes, colours off:
    ``%d{HH:mm:ss.SSS} [%thread] %-5level %logger{36} - %msg%n`` and the trace below."""
    message, logger, thread = _micronaut_message(d)
    head = f"{d.stamp('%H:%M:%S')}.{d.millis} [{thread}] ERROR {_logger36(logger)} - {message}"
    return head + "\n" + java_trace(d.chain), {}


def dry_logger_json(d: Delivery) -> tuple[str, Fields]:
    """dry-logger's ``:json`` formatter, which Hanami 2 uses in production: progname,
    severity, UTC time, the exception flattened in (``exception``, ``message``,
    ``backtrace`` as an array), then the payload: Hanami's rack logger's request data, or (a
    Shoryuken server middleware of the team's) the worker, queue and SQS message id."""
    exc = d.thrown
    record: dict[str, object] = {
        "progname": "tarnhow",
        "severity": "ERROR",
        "time": d.stamp("%Y-%m-%dT%H:%M:%SZ"),
        "exception": exc.type,
        "message": exc.value,
        "backtrace": ruby33_backtrace(exc),
    }
    if " " in d.bug.entry:
        method = d.bug.entry.split(" ", 1)[0]
        record.update(
            verb=method,
            status=500,
            elapsed=f"{d.rand.uniform(2, 800):.2f}ms",
            ip=d.values["ip"],
            path=d.request_path,
            length="-",
            params={},
        )
    else:
        record.update(
            worker=d.bug.entry,
            queue=str(d.opts.get("queue", "tarnhow-default")),
            message_id=d.values["uuid"],
            receive_count=d.rand.randint(1, 5),
        )
    return json.dumps(record, separators=(",", ":"), ensure_ascii=False), {"severity": "ERROR"}


def _uwsgi_request(d: Delivery, status: int = 500) -> str:
    """uWSGI's default request log line (``--log-format`` unset)."""
    method = d.bug.entry.split(" ", 1)[0] if " " in d.bug.entry else "GET"
    worker = d.rand.randint(1, 8)
    stamp = time.strftime("%a %b %e %H:%M:%S %Y", time.gmtime(d.when))
    return (
        f"[pid: {d.rand.randint(14, 90)}|app: 0|req: {d.rand.randint(1, 400)}/"
        f"{d.rand.randint(400, 9000)}] {d.values['ip']} () {{{d.rand.randint(36, 48)} vars in "
        f"{d.rand.randint(560, 980)} bytes}} [{stamp}] {method} {d.request_path} => generated "
        f"{d.rand.randint(140, 290)} bytes in {d.rand.randint(8, 2900)} msecs (HTTP/1.1 {status}) "
        f"2 headers in {d.rand.randint(78, 92)} bytes (1 switches on core {worker % 2})"
    )


def uwsgi_flask(d: Delivery) -> tuple[str, Fields]:
    """Flask's ``default_handler`` writing to ``wsgi.errors``, which uWSGI puts in its own log:
    ``[time] ERROR in app: Exception on <path> [<METHOD>]`` (or the app's own line) and the
    traceback; with ``opts.reqlog`` the worker's request line that follows it in the same
    event (the team's Splunk breaks only before Flask's bracketed stamp)."""
    if d.bug.log:
        module, message = d.logger.rsplit(".", 1)[-1], d.log_message
    else:
        method = d.bug.entry.split(" ", 1)[0]
        module, message = "app", f"Exception on {d.request_path} [{method}]"
    head = f"[{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis}] ERROR in {module}: {message}"
    text = head + "\n" + python_traceback(d.chain, carets=True)
    if d.opts.get("reqlog"):
        text += "\n" + _uwsgi_request(d)
    return text, {}


def uwsgi_escaped(d: Delivery) -> tuple[str, Fields]:
    """An error raised while uWSGI iterates a streamed response, after Flask returned: the
    Python traceback uWSGI prints (no time, no prefix), then its request line, the status
    already sent."""
    return python_traceback(d.chain, carets=True) + "\n" + _uwsgi_request(d, 200), {}


def celery5_text(d: Delivery) -> tuple[str, Fields]:
    """Celery 5's worker log, ``[%(asctime)s: %(levelname)s/%(processName)s] %(message)s``:
    the 'raised unexpected' line, then the traceback."""
    head = (
        f"[{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis}: ERROR/ForkPoolWorker-{d.rand.randint(1, 4)}] "
        f"Task {d.bug.entry}[{d.rand.uuid()}] raised unexpected: {python_repr(d.thrown)}"
    )
    return head + "\n" + python_traceback(d.chain), {"task": d.bug.entry}


FORMATS31: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "cr-logstash": micronaut_logstash,
    "cr-console": micronaut_console,
    "cs-dry-json": dry_logger_json,
    "ct-uwsgi-flask": uwsgi_flask,
    "ct-uwsgi-escaped": uwsgi_escaped,
    "ct-celery": celery5_text,
}
