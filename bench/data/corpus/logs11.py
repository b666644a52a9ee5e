"""Log formats of blind11's companies (aj, ak, al): Sanic's own error logger, NestJS's
``ConsoleLogger`` with ``NO_COLOR``, kafkajs's default JSON log creator, logback 1.5's
``JsonEncoder`` (the throwable as a structure, not a string) and log4j2's ``PatternLayout``
with ``%xEx`` (each frame followed by its jar).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it, as
in ``logs``; ``logs.FORMATS`` takes them in under these keys.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable

from .delivery import Delivery
from .model import Exc, Frame
from .traces import java_trace, jvm_frame, node_stack, python_traceback

Fields = dict[str, str]


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


def sanic_error(d: Delivery) -> tuple[str, Fields]:
    """Sanic's ``sanic.error`` logger (``LOGGING_CONFIG_DEFAULTS``: ``[%(asctime)s]
    [%(process)d] [%(levelname)s] %(message)s``, ``datefmt "[%Y-%m-%d %H:%M:%S %z]"``) when a
    handler raises: "Exception occurred while handling uri: '<url>'" and the traceback."""
    url = f"http://{d.company.domain.replace('.example', '')}-api:8000{d.request_path}"
    head = (
        f"[{d.stamp('%Y-%m-%d %H:%M:%S')} +0000] [{d.rand.randint(20, 90)}] [ERROR] "
        f"Exception occurred while handling uri: '{url}'"
    )
    return head + "\n" + python_traceback(d.chain), {"log_level": "ERROR"}


def nest_logger(d: Delivery) -> tuple[str, Fields]:
    """NestJS's ``ConsoleLogger`` (colours off): ``[Nest] <pid>  - <locale date>     ERROR
    [<context>] <message>`` and, for an exception the filter did not handle, its stack on the
    lines below (the stack repeats the type and message)."""
    exc = d.thrown
    context = str(d.opts.get("context", "ExceptionsHandler"))
    when = time.strftime("%m/%d/%Y, %I:%M:%S %p", time.gmtime(d.when)).replace(", 0", ", ")
    head = f"[Nest] {d.rand.randint(1, 40)}  - {when}   ERROR [{context}] {exc.value}"
    return head + "\n" + node_stack(exc, exc.value), {"level": "ERROR", "context": context}


def kafkajs_json(d: Delivery) -> tuple[str, Fields]:
    """kafkajs's default ``logCreator`` as JSON: the consumer's crash line, ``Crash:`` and the
    error's name and message, the group, the retry count and the error's stack."""
    exc = d.thrown
    record = {
        "level": "ERROR",
        "timestamp": d.iso(3),
        "logger": "kafkajs",
        "message": f"[Consumer] Crash: {exc.type}: {exc.value}",
        "groupId": str(d.opts.get("group", "orders-consumer")),
        "retryCount": d.rand.randint(0, 5),
        "stack": node_stack(exc, exc.value),
    }
    return _compact(record), {"level": "ERROR", "logger": "kafkajs"}


def _steps(frames: tuple[Frame, ...]) -> list[dict[str, object]]:
    return [
        {
            "className": f.module,
            "methodName": f.function,
            "fileName": f.file,
            "lineNumber": f.line,
        }
        for f in reversed(frames)
    ]


def _throwable(chain: list[Exc]) -> dict[str, object]:
    """logback's ``JsonEncoder`` throwable: the thrown one outermost, its ``cause`` inside, each
    with its own step array (innermost call first); a cause's frames shared with the enclosing
    one are cut and counted in ``commonFramesCount``."""
    out: dict[str, object] = {}
    node = out
    enclosing: tuple[Frame, ...] = ()
    for i, exc in enumerate(reversed(chain)):
        frames = exc.frames
        common = 0
        while (
            i and common < min(len(frames), len(enclosing)) and frames[common] == enclosing[common]
        ):
            common += 1
        node["className"] = f"{exc.module}.{exc.type}" if exc.module else exc.type
        node["message"] = exc.value
        node["stepArray"] = _steps(frames[common:])
        if common:
            node["commonFramesCount"] = common
        enclosing = frames
        if i + 1 < len(chain):
            cause: dict[str, object] = {}
            node["cause"] = cause
            node = cause
    return out


def _thread(d: Delivery) -> str:
    """The logging thread: the delivery's own (``opts.thread``) or a coroutine worker's."""
    default = f"DefaultDispatcher-worker-{d.rand.randint(1, 64)}"
    return d.values.fill(str(d.opts.get("thread", default)))


def logback_jsonencoder(d: Delivery) -> tuple[str, Fields]:
    """logback 1.5's ``ch.qos.logback.classic.encoder.JsonEncoder``: one JSON object per
    event, the throwable as nested objects with ``stepArray``s (no text trace anywhere)."""
    thread = _thread(d)
    record = {
        "sequenceNumber": 0,
        "timestamp": d.epoch_ms,
        "nanoseconds": d.epoch_ms % 1000 * 1_000_000 + d.rand.randint(0, 999_999),
        "level": "ERROR",
        "threadName": thread,
        "loggerName": d.logger,
        "context": {"name": "default", "birthdate": d.epoch_ms - 86_400_000 * 2, "properties": {}},
        "mdc": {"call-id": d.rand.hex(16)},
        "message": d.log_message,
        "throwable": _throwable(d.chain),
    }
    return _compact(record), {"level": "ERROR", "loggerName": d.logger}


def _jar(f: Frame) -> str:
    """``%xEx``'s packaging: the app's fat jar for its own classes, ``?`` where log4j2 cannot
    tell (the JDK and classes loaded from the fat jar's nested jars)."""
    if f.in_app:
        return "~[routing-worker-all.jar:?]"
    return "~[?:?]"


def log4j2_xex(d: Delivery) -> tuple[str, Fields]:
    """log4j2 ``PatternLayout`` ``%d{ISO8601} %-5p [%t] %c{1.} - %m%n%xEx``: the logger's
    packages cut to one letter, then the extended trace with a jar after every frame; with
    ``opts.half`` the pattern's ``%xEx{n}``, which keeps the trace's first n lines only."""
    parts = d.logger.split(".")
    short = ".".join([p[:1] for p in parts[:-1]] + parts[-1:])
    thread = _thread(d)
    head = f"{d.stamp('%Y-%m-%dT%H:%M:%S')},{d.millis} ERROR [{thread}] {short} - {d.log_message}"
    by_line: dict[str, str] = {}
    for exc in d.chain:
        for f in exc.frames:
            by_line[jvm_frame(f)] = _jar(f)
    lines = [
        line + " " + by_line[line] if line in by_line else line
        for line in java_trace(d.chain).split("\n")
    ]
    keep = int(str(d.opts.get("half", 0)))
    if keep:
        lines = lines[:keep]
    return head + "\n" + "\n".join(lines), {"level": "ERROR"}


FORMATS11: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "sanic-error": sanic_error,
    "nest-logger": nest_logger,
    "kafkajs-json": kafkajs_json,
    "logback-jsonencoder": logback_jsonencoder,
    "log4j2-xex": log4j2_xex,
}

__all__ = ["FORMATS11"]
