"""blind81's log formats.

- ``il-logback``: the ``logback.xml`` a Micronaut 4 project is generated with
  (``%cyan(%d{HH:mm:ss.SSS}) %gray([%thread]) %highlight(%-5level) %magenta(%logger{36}) -
  %msg%n``): no date, the full trace below. ``opts.ansi``: the colour converters' escape codes
  kept (the container's stdout read as it is); ``opts.cut``: a forwarder that kept only the
  first ``cut`` lines of the event; ``opts.level``: ``WARN`` for a record logged without its
  exception (``log.warn("...: {}", e.getMessage())``, no trace).
- ``il-json``: the batch pod's logstash-logback-encoder records (``@timestamp``, ``@version``,
  ``message``, ``logger_name``, ``thread_name``, ``level``, ``level_value``, ``stack_trace``).
- ``im-dramatiq``: Dramatiq's own logging format (``[%(asctime)s] [PID %(process)d]
  [%(threadName)s] [%(name)s] [%(levelname)s] %(message)s``) for every logger of the worker
  process. ``opts.kind``: ``failed`` (the worker thread's ``Failed to process message
  <actor>(<args>) with unhandled exception.`` over the traceback), ``actor`` (the actor's own
  ``logger.exception(opts.msg)``). ``Retries``' own lines (``Retrying message '<id>' in <n>
  milliseconds.``, ``Retries exceeded for message '<id>'.``) and the consumer's connection
  errors are written by the company module as whole lines: they name no actor and no error.

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .traces import java_trace, python_traceback

Fields = dict[str, str]


def _abbreviate(logger: str, width: int = 36) -> str:
    """logback's ``%logger{36}``: leading packages shortened to their first letter."""
    parts = logger.split(".")
    for i in range(len(parts) - 1):
        if len(".".join(parts)) <= width:
            break
        parts[i] = parts[i][0]
    return ".".join(parts)


# --- il: Micronaut's generated logback pattern and the batch pod's JSON --------------------------


def _il_thread(d: Delivery) -> str:
    batch = d.service.name == "manifest-batch"
    pool = "scheduled-executor-thread" if batch else "io-executor-thread"
    default = f"{pool}-{d.rand.randint(1, 12)}"
    return d.values.fill(str(d.opts.get("thread", default)))


def il_logback(d: Delivery) -> tuple[str, Fields]:
    level = str(d.opts.get("level", "ERROR"))
    stamp = f"{d.stamp('%H:%M:%S')}.{d.millis}"
    thread, logger = _il_thread(d), _abbreviate(d.logger)
    message = d.log_message
    if level != "ERROR":
        first = d.thrown.value.split("\n", 1)[0]
        message = f"{message}: {first}"
    if d.opts.get("ansi"):
        colour = {"ERROR": "\x1b[1;31m", "WARN": "\x1b[31m"}.get(level, "\x1b[34m")
        head = (
            f"\x1b[36m{stamp}\x1b[0;39m \x1b[1;30m[{thread}]\x1b[0;39m "
            f"{colour}{level:<5}\x1b[0;39m \x1b[35m{logger}\x1b[0;39m - {message}"
        )
    else:
        head = f"{stamp} [{thread}] {level:<5} {logger} - {message}"
    if level != "ERROR":
        return head, {"level": level}
    raw = head + "\n" + java_trace(d.chain)
    cut = int(str(d.opts.get("cut", 0)))
    if cut:
        raw = "\n".join(raw.split("\n")[:cut])
    return raw, {"level": level}


def il_json(d: Delivery) -> tuple[str, Fields]:
    record = {
        "@timestamp": d.iso(3, z=False).replace("+00:00", "Z"),
        "@version": "1",
        "message": d.log_message,
        "logger_name": d.logger,
        "thread_name": _il_thread(d),
        "level": "ERROR",
        "level_value": 40000,
        "stack_trace": java_trace(d.chain),
    }
    return json.dumps(record, separators=(",", ":"), ensure_ascii=False), {"level": "ERROR"}


# --- im: Dramatiq's logging format ---------------------------------------------------------------


def _im_prefix(d: Delivery, logger: str, level: str) -> str:
    """Dramatiq's worker processes: one per CPU under the supervisor (PID 1), 8 threads each."""
    pid, thread = d.rand.randint(7, 14), d.rand.randint(3, 10)
    stamp = f"{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis}"
    return f"[{stamp}] [PID {pid}] [Thread-{thread}] [{logger}] [{level}]"


def im_dramatiq(d: Delivery) -> tuple[str, Fields]:
    kind = str(d.opts.get("kind", "failed"))
    call = d.values.fill(d.bug.log) if d.bug.log else f"{d.bug.entry}()"
    if kind == "actor":
        head = f"{_im_prefix(d, d.logger, 'ERROR')} {d.values.fill(str(d.opts['msg']))}"
        return head + "\n" + python_traceback(d.chain, carets=True), {"level": "ERROR"}
    worker = "dramatiq.worker.WorkerThread"
    failed = f"Failed to process message {call} with unhandled exception."
    head = f"{_im_prefix(d, worker, 'ERROR')} {failed}"
    return head + "\n" + python_traceback(d.chain, carets=True), {"level": "ERROR"}


FORMATS81: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "il-logback": il_logback,
    "il-json": il_json,
    "im-dramatiq": im_dramatiq,
}
