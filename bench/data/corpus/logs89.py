"""blind89's log formats.

- ``jj-boot-uf``: Spring Boot 3's default console pattern (``%d{ISO8601}`` with the offset,
  ``%5p``, the pid, ``--- [app]``, ``[%15.15t]`` keeping the thread name's last 15 characters,
  ``%-40.40logger{39}``, ``: %m%n%wEx``) from a Kotlin service whose threads include
  kotlinx.coroutines' ``DefaultDispatcher-worker-N``, read by a Splunk universal forwarder as
  multi-line events: ``opts.lines`` keeps only the first lines of an event the forwarder cut
  (its ``TRUNCATE`` or a ``LINE_BREAKER`` splitting the trace), ``opts.thread`` the thread.
- ``jk-nest-console``: NestJS 10's ``ConsoleLogger`` without colours (``NO_COLOR``): ``[Nest]
  <pid>  - <MM/DD/YYYY, h:mm:ss AM>   ERROR [<context>] <message>``, the stack written on the
  next lines (``printStackTrace``). ``ExceptionsHandler`` logs the error's message; a BullMQ
  processor's ``failed`` listener logs the team's own message with ``err.stack``.
- ``jk-nest-pino``: the production JSON logger (nestjs-pino: ``level`` 50, epoch ms ``time``,
  ``pid``, ``hostname``, ``req`` for HTTP, ``context``, ``err`` with ``type``/``message``/
  ``stack``, ``msg``).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .traces import java_trace, node_stack

Fields = dict[str, str]


def _abbreviate(logger: str, width: int = 39) -> str:
    """logback's ``%logger{39}``: leading packages shortened to their first letter."""
    parts = logger.split(".")
    for i in range(len(parts) - 1):
        if len(".".join(parts)) <= width:
            break
        parts[i] = parts[i][0]
    return ".".join(parts)


_HTTP = ("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")


def jj_boot_uf(d: Delivery) -> tuple[str, Fields]:
    worker = "worker" in d.service.name
    default = "DefaultDispatcher-worker-{}" if worker else "http-nio-8080-exec-{}"
    thread = str(d.opts.get("thread", default)).format(d.rand.randint(1, 12))
    stamp = d.iso(3, z=False)[:23] + "+00:00"
    logger = _abbreviate(d.logger)[:40]
    app = f"[{d.service.name}] [{thread[-15:]:>15}]"
    head = f"{stamp} ERROR 1 --- {app} {logger:<40} : {d.log_message}"
    chain = d.chain[:1] if "with root cause" in d.log_message else d.chain
    text = head + "\n" + java_trace(chain)
    if "lines" in d.opts:
        text = "\n".join(text.split("\n")[: int(str(d.opts["lines"]))])
    return text, {"log_level": "ERROR", "thread": thread[-15:]}


def _nest_message(d: Delivery) -> tuple[str, str]:
    exc = d.thrown
    if d.bug.entry.startswith(_HTTP) and not d.bug.log:
        return "ExceptionsHandler", exc.value.split("\n", 1)[0]
    return d.bug.logger or "ExceptionsHandler", d.log_message


def jk_nest_console(d: Delivery) -> tuple[str, Fields]:
    context, message = _nest_message(d)
    hour = int(d.stamp("%H"))
    clock = f"{hour % 12 or 12}:{d.stamp('%M:%S')} {'AM' if hour < 12 else 'PM'}"
    head = f"[Nest] 1  - {d.stamp('%m/%d/%Y')}, {clock}   ERROR [{context}] {message}"
    text = head + "\n" + node_stack(d.thrown, d.thrown.value)
    if "lines" in d.opts:
        text = "\n".join(text.split("\n")[: int(str(d.opts["lines"]))])
    return text, {"context": context}


def jk_nest_pino(d: Delivery) -> tuple[str, Fields]:
    context, message = _nest_message(d)
    exc = d.thrown
    record: dict[str, object] = {
        "level": 50,
        "time": d.epoch_ms,
        "pid": 1,
        "hostname": d.host,
    }
    if d.bug.entry.startswith(_HTTP):
        record["req"] = {
            "id": d.rand.randint(1, 90_000),
            "method": d.bug.entry.split(" ", 1)[0],
            "url": d.request_path,
            "remoteAddress": "::ffff:10.8." + f"{d.rand.randint(0, 255)}.{d.rand.randint(2, 254)}",
        }
    record["context"] = context
    record["err"] = {"type": exc.type, "message": exc.value, "stack": node_stack(exc, exc.value)}
    record["msg"] = message
    raw = json.dumps(record, separators=(",", ":"), ensure_ascii=False)
    return raw, {"context": context, "level": "50"}


FORMATS89: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "jj-boot-uf": jj_boot_uf,
    "jk-nest-console": jk_nest_console,
    "jk-nest-pino": jk_nest_pino,
}

__all__ = ["FORMATS89"]
