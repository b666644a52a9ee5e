"""The exceptions a JSON log line states, wherever its logger put them.

``exceptions_of(fields)`` reads, in this order of preference: a structured list of exceptions
(structlog's ``dict_tracebacks``); a formatted trace (``exc_info``, Serilog's ``@x``, the
``stack``/``stack_trace``/``stacktrace``/``trace``/``backtrace`` of an ``exception``,
``error``, ``err``, ``thrown`` or ``exc`` object or dotted name, or a bare ``exception``,
``error``, ``err`` string; then a stack at the top of the line: ``stack_trace``,
``stacktrace``, ``stack``, zap's ``errorVerbose``) read by ``parse_trace``; a list of frame
objects (zerolog, log4j: innermost first; a ``frames`` list: oldest first) or of ``file:line``
strings. The thrown exception's missing type or message comes from the fields beside the stack
(``error.kind``, ``error.message``, pino's ``err.type``...) or from an error string that is no
trace (zap's ``"error": "dial tcp: ..."``). With no stack at all, a type and/or message give
one exception without frames. Nothing found: ``[]``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..stacktrace import ExceptionInfo, Frame
from .frames import number, split_location
from .libraries import class_in_app, path_in_app
from .log_fields import Fields, scalar_text
from .traces import parse_trace

# Where loggers put an error: objects (or strings) under these names...
# (zio-logging names it "cause": 'cause=Exception in thread "zio-fiber-8" java.lang.X: msg'.)
_CONTAINERS = ("exception", "error", "err", "thrown", "exc", "throwable", "cause")
# ...holding its formatted stack (or a list of frames), its type and its message.
_STACK_PARTS = ("stack", "stack_trace", "stacktrace", "trace", "backtrace", "frames", "steparray")
_STACK_TEXTS = (*_STACK_PARTS, "extendedstacktrace", "formatted")
_TYPE_PARTS = ("kind", "type", "class", "name", "exc_type", "classname", "cls", "exc_class")
_MESSAGE_PARTS = ("message", "msg", "value", "exc_value", "reason", "localizedmessage")
# Where a logger keeps what the call passed beside the message, an error among it: Monolog's
# ``context`` (``{"exception": {...}}``, PSR-3), OpenTelemetry's log ``attributes``.
_HOLDERS = ("context", "attributes", "extra", "data", "props")
# What an exception object calls the exception it wraps: Java's ``cause``, PHP's ``previous``
# (Monolog writes getPrevious() so), .NET's ``InnerException``.
_CAUSES = ("cause", "previous", "innerexception", "inner")
# A class name as Ruby, Python, the JVM or .NET print it: "ActiveRecord::RecordNotUnique".
_TYPE_NAME = re.compile(r"^[A-Za-z_][\w$]*(?:(?:::|\.)[A-Za-z_][\w$]*)*$")
# A qualified class name alone: "Net::OpenTimeout", "java.net.SocketTimeoutException".
_CLASS_NAME = re.compile(r"^[A-Za-z_]\w*(?:(?:::|\.)[A-Za-z_]\w*)+$|^[A-Z]\w*(?:Error|Exception)$")
# A stack at the top level of the line.
_ROOT_STACKS = (
    "exc_info",
    "@x",
    "stack_trace",
    "stacktrace",
    "stack",
    "backtrace",
    "errorverbose",
    "stack_info",  # Python's logging with stack_info=True: where a message was logged from
    "exceptiondetails",  # Azure Functions' logs: the exception's ToString()
)


class _Found:
    """What the line says about its error, gathered before deciding what it amounts to."""

    def __init__(self) -> None:
        self.chains: list[list[ExceptionInfo]] = []  # structured exception lists
        self.texts: list[str] = []
        self.frame_lists: list[tuple[list[Any], bool]] = []  # (frames, oldest first)
        self.types: list[str] = []
        self.messages: list[str] = []
        self.loose: list[str] = []  # error strings that may be a message rather than a trace


def exceptions_of(fields: Fields) -> list[ExceptionInfo]:
    """The line's exceptions, cause first, frames oldest first; ``[]`` when it states none."""
    found = _Found()
    for name in ("exc_info", "@x"):
        _take_stack(found, fields.find(name), oldest_first=False)
    for name in _CONTAINERS:
        if fields.mentions(name):
            _take_container(found, fields, name)
    if fields.mentions("panic") or fields.mentions("panicerror"):
        _take_panic(found, fields)
    if fields.mentions("exceptiontype"):
        _take_telemetry(found, fields)
    _take_error_record(found, fields)
    for name in _ROOT_STACKS:
        stack = fields.find(name)
        _take_stack(found, stack, oldest_first=False)
        if isinstance(stack, str) and name != "stack_info":
            # A "stack" that holds no trace is the error as text (go-kratos' logging
            # middleware puts the error's %+v there).
            found.loose.append(stack)
    decided = _decide(found)
    if decided:
        return decided
    for holder in _HOLDERS:
        inner = fields.find(holder)
        if isinstance(inner, dict) and inner:
            held = exceptions_of(Fields(inner))
            if held:
                return held
    return []


def _take_telemetry(found: _Found, fields: Fields) -> None:
    """An exception record of Application Insights (``AppExceptions``, as exported): its type
    and message in columns of their own (``ExceptionType``, ``OuterMessage``)."""
    kind = fields.text(("ExceptionType", "OuterType"))
    if kind is None:
        return
    found.types.append(kind)
    message = fields.text(("OuterMessage", "InnermostMessage", "exceptionMessage"))
    if message is not None:
        found.messages.append(message)


def _take_error_record(found: _Found, fields: Fields) -> None:
    """An error as AWS Lambda's runtimes write it (``errorType``, ``errorMessage``, and a
    ``stackTrace`` or ``stack`` list of the trace's lines), on the record or, in the Python
    runtime's JSON log format, as the record's ``message``; Node's unhandled rejection holds
    the error rejected as its ``reason``. Bugsnag's event (``errorClass``, ``message``,
    ``stacktrace``) reads alike."""
    records = [fields.find(name) for name in ("reason", "message")]
    for record in (records[0], fields.root, records[1]):
        if not isinstance(record, dict):
            continue
        kind = scalar_text(fields.find("errorType", record))
        message = scalar_text(fields.find("errorMessage", record))
        if kind is None and (kind := scalar_text(fields.find("errorClass", record))) is not None:
            # Bugsnag's event shape, which some teams log as is: errorClass, message,
            # stacktrace (frame objects marked inProject).
            message = message or scalar_text(fields.find("message", record))
        if kind is None and message is None:
            continue
        if kind is not None:
            found.types.append(kind)
        if message is not None:
            found.messages.append(message)
        for name in ("stackTrace", "stack"):
            _take_stack(found, fields.find(name, record), oldest_first=True)
        return


def _take_panic(found: _Found, fields: Fields) -> None:
    """A panic logged as fields: tracing-panic's ``panic.payload`` and ``panic.location``
    (``file:line:column``), or a recovered panic's value under ``panic`` (Go), its stack
    beside it; the Temporal Go SDK's ``PanicError`` and ``PanicStack`` (its "Activity
    panic." record through zap). Rust and Go print no type for a panic: it is one of type
    ``panic``."""
    message = fields.text(("panic", "panic.payload", "panic.message", "panicerror"))
    if message is None:
        return
    found.types.append("panic")
    found.messages.append(message)
    _take_stack(found, fields.find("panicstack"), oldest_first=False)
    location = fields.text(("panic.location",))
    if location is not None:
        found.frame_lists.append(([location], True))


def _take_container(found: _Found, fields: Fields, name: str) -> None:
    whole = fields.find(name)
    if isinstance(whole, str) and _CLASS_NAME.match(whole.strip()):
        # Only the class, its message beside it or the record's (dry-logger's "exception":
        # "Net::OpenTimeout" next to "message": "execution expired").
        found.types.append(whole.strip())
        if (said := fields.text(("message", "msg"))) is not None:
            found.messages.append(said)
    elif isinstance(whole, str):
        found.texts.append(whole)
        found.loose.append(whole)
    elif isinstance(whole, list) and whole and all(isinstance(e, dict) for e in whole):
        objects = (_exception_object(entry, fields) for entry in whole)
        chain = [exc for exc in objects if exc is not None]
        if chain and any("exc_type" in e for e in whole):
            found.chains.append(chain[::-1])  # structlog lists the thrown exception first
    elif (
        isinstance(whole, list)
        and len(whole) == 2
        and all(isinstance(part, str) for part in whole)
        and _TYPE_NAME.match(whole[0])
    ):
        # Rails' notifications carry an exception as ["ClassName", "message"], which
        # lograge setups log as they are.
        found.types.append(whole[0])
        found.messages.append(whole[1])
    elif isinstance(whole, dict) and _cause_of(whole, fields) is not None:
        # An exception object nesting its causes (logback's JsonEncoder: ``className``,
        # ``message``, ``stepArray``, ``cause``; Monolog's ``class``, ``message``, ``trace``,
        # ``previous``): the chain as the sender built it.
        chain = []
        level: Any = whole
        while isinstance(level, dict) and len(chain) < MAX_CAUSES:
            chain.append(_exception_object(level, fields) or ExceptionInfo())
            level = _cause_of(level, fields)
        found.chains.append(chain[::-1])
    for part in _STACK_TEXTS:
        stack = fields.find(f"{name}.{part}")
        if isinstance(whole, dict) and isinstance(stack, list):
            stack = _with_throw_site(whole, stack)
        _take_stack(found, stack, oldest_first=part == "frames")
    # (Some encoders repeat the container's name in its fields: "exception": {
    # "exception_class": ..., "exception_message": ..., "stacktrace": ...}.)
    kind = fields.text(_parts_of(name, _TYPE_PARTS))
    if kind is not None and not kind.lstrip("-").isdigit():
        # (A number is a code, as PHP's error_get_last() gives "type": 1 for E_ERROR.)
        found.types.append(kind)
    message = fields.text(_parts_of(name, _MESSAGE_PARTS))
    if message is None and kind is not None and isinstance(whole, dict):
        # A record of its own design names the message anyhow ("said", "why"): the one other
        # text of several words beside the type.
        texts = [v for v in whole.values() if isinstance(v, str) and " " in v.strip()]
        message = texts[0] if len(texts) == 1 else None
    if message is not None:
        found.messages.append(message)


def _with_throw_site(entry: dict[str, Any], trace: list[Any]) -> list[Any]:
    """Monolog's exception (``class``, ``message``, ``file``, ``trace``): ``file`` is where
    it was thrown ("path:line"), which ``trace`` (getTrace()'s files, innermost first) leaves
    out; it is the innermost frame."""
    thrown_at = entry.get("file")
    if (
        isinstance(thrown_at, str)
        and trace
        and all(isinstance(item, str) for item in trace)
        and trace[0] != thrown_at
        and split_location(thrown_at) is not None
    ):
        return [thrown_at, *trace]
    return trace


def _cause_of(entry: dict[str, Any], fields: Fields) -> dict[str, Any] | None:
    for name in _CAUSES:
        cause = fields.find(name, entry)
        if isinstance(cause, dict):
            return cause
    return None


@lru_cache(maxsize=64)
def _parts_of(container: str, parts: tuple[str, ...]) -> tuple[str, ...]:
    """``container.part`` for each part, then ``container.container_part``."""
    return (
        *(f"{container}.{part}" for part in parts),
        *(f"{container}.{container}_{part}" for part in parts),
    )


def _take_stack(found: _Found, value: Any, *, oldest_first: bool) -> None:
    if isinstance(value, str) and value.strip():
        found.texts.append(value)
    elif isinstance(value, list) and value:
        found.frame_lists.append((value, oldest_first))


def _decide(found: _Found) -> list[ExceptionInfo]:
    parsed: dict[str, list[ExceptionInfo]] = {}

    def read(text: str) -> list[ExceptionInfo]:
        if text not in parsed:
            parsed[text] = parse_trace(text)
        return parsed[text]

    chain: list[ExceptionInfo] = found.chains[0] if found.chains else []
    headline_only: list[ExceptionInfo] = []
    for text in found.texts:
        if chain:
            break
        read_ = read(text)
        if any(exc.frames for exc in read_):
            chain = read_
        elif read_ and not headline_only:
            headline_only = read_
    for frames, oldest_first in found.frame_lists:
        if chain:
            break
        listed = _frame_list(frames, oldest_first)
        if listed:
            chain = [ExceptionInfo(frames=listed)]
    # An error string that reads as no exception at all is a message ("dial tcp: refused").
    loose = [text.strip() for text in found.loose if text.strip() and not read(text)]
    kind = next(iter(found.types), None)
    message = next(iter(found.messages), None) or next(iter(loose), None)
    head = headline_only[-1] if headline_only else None
    if chain:
        thrown = chain[-1]
        if thrown.type is None or thrown.value is None:
            update = {
                "type": thrown.type or kind or (head.type if head else None),
                "value": thrown.value or message or (head.value if head else None),
            }
            chain = [*chain[:-1], thrown.model_copy(update=update)]
        return chain
    if headline_only:
        return headline_only
    if kind or message:
        return [ExceptionInfo(type=kind, value=message)]
    return []


#: Causes read of an exception object that nests them.
MAX_CAUSES = 16


def _type_of(entry: dict[str, Any]) -> str | None:
    for key in ("exc_type", "type", "class", "className", "name", "kind"):
        value = entry.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _exception_object(entry: dict[str, Any], fields: Fields) -> ExceptionInfo | None:
    """One exception of a structured list (structlog's ``exc_type``/``exc_value``/``frames``)
    or of a nested chain (``fields`` looks its stack up whatever the case of its name)."""
    value = next(
        (scalar_text(entry.get(k)) for k in ("exc_value", "value", "message") if k in entry),
        None,
    )
    listed: list[Frame] = []
    for part in _STACK_TEXTS:
        stack = fields.find(part, entry)
        if isinstance(stack, list) and stack:
            listed = _frame_list(_with_throw_site(entry, stack), oldest_first=part == "frames")
        elif isinstance(stack, str) and stack.strip():
            parsed = parse_trace(stack)
            listed = parsed[-1].frames if parsed else []
        if listed:
            break
    kind = _type_of(entry)
    if kind is None and value is None and not listed:
        return None
    return ExceptionInfo(type=kind, value=value, frames=listed)


_JVM_FRAME_KEYS = frozenset({"class", "className", "declaringClass"})


def _frame_list(items: list[Any], oldest_first: bool) -> list[Frame]:
    """Frames from a list of frame objects, or of strings (``file:line``, or a trace's lines)."""
    if all(isinstance(item, str) for item in items):
        parsed = parse_trace("\n".join(items))
        if parsed and parsed[-1].frames:
            return parsed[-1].frames
        frames = [_located(item) for item in items]
        kept = [frame for frame in frames if frame is not None]
        return kept if oldest_first else kept[::-1]
    objects = [item for item in items if isinstance(item, dict)]
    kept = [frame for frame in map(_frame_object, objects) if frame is not None]
    # A JVM logger's frame objects (class and method, as Quarkus and log4j write them) list
    # the stack in Java's order, innermost first, whatever the field is called.
    if oldest_first and objects and all(_JVM_FRAME_KEYS & item.keys() for item in objects):
        oldest_first = False
    return kept if oldest_first else kept[::-1]


def _located(item: str) -> Frame | None:
    where = split_location(item.strip())
    if where is None:
        return None
    return Frame(
        filename=where.filename,
        lineno=where.lineno,
        colno=where.colno,
        in_app=path_in_app(where.filename, ("/vendor/",)),
    )


def _frame_object(item: dict[str, Any]) -> Frame | None:
    def pick(*keys: str) -> str | None:
        for key in keys:
            value = scalar_text(item.get(key))
            if value is not None:
                return value
        return None

    function = pick("function", "func", "method", "methodName", "name", "symbol")
    module = pick("module", "class", "className", "declaringClass")
    filename = pick("filename", "file", "source", "fileName", "abs_path", "path")
    if function is None and filename is None:
        return None
    in_app = item.get("in_app", item.get("inProject"))
    if not isinstance(in_app, bool):
        from_class = class_in_app(module)
        in_app = from_class if from_class is False else path_in_app(filename)
    return Frame(
        function=function,
        module=module,
        filename=filename,
        lineno=number(pick("lineno", "line", "lineNumber") or ""),
        colno=number(pick("colno", "column", "col", "columnNumber") or ""),
        in_app=in_app,
    )
