"""The exception chain of a ``$exception`` event, in every shape PostHog has stored it.

Current SDKs send ``$exception_list`` with raw frames tagged by ``platform`` (python,
web:javascript, node:javascript, go, java, ...); events PostHog has processed carry "resolved"
frames instead (``resolved_name``/``source``/``line``). Legacy captures only have
``$exception_type``/``$exception_message`` and ``$exception_stack_trace_raw``, a *string* that
holds either JSON-encoded frames or a browser's ``error.stack`` text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from soulcaster_core.stacktrace import ExceptionInfo, Frame

from .coerce import as_int, as_text

# V8 (Chrome, Node, Edge): "    at fn (https://app/x.js:1:2)" or "    at https://app/x.js:1:2".
_V8_FRAME = re.compile(r"^\s*at (?:(?P<function>.+?) \((?P<where>.+)\)|(?P<bare>\S.*))$")
# Gecko and JavaScriptCore (Firefox, Safari): "fn@https://app/x.js:1:2", "@https://...".
_GECKO_FRAME = re.compile(r"^\s*(?P<function>[^@]*)@(?P<where>\S+)$")
_LOCATION = re.compile(r"^(?P<file>.+?):(?P<line>\d+)(?::(?P<col>\d+))?$")
# "TypeError: x is undefined", the first line of a V8 error.stack and of old $exception_message.
_HEADLINE = re.compile(r"^(?P<type>[A-Z][\w.$]*(?:Error|Exception|Rejection)): (?P<value>.*)$")


class ExceptionChain(NamedTuple):
    """What an event says went wrong."""

    #: Cause first, the thrown exception last (the order ``format_exceptions`` renders).
    exceptions: list[ExceptionInfo]
    #: A stack text we could not split into frames, kept as it came.
    unparsed_stack: str | None = None

    @property
    def thrown(self) -> ExceptionInfo | None:
        return self.exceptions[-1] if self.exceptions else None


def exception_chain(properties: Mapping[str, Any]) -> ExceptionChain:
    """Read ``$exception_list``, falling back to the legacy ``$exception_*`` properties."""
    listed = properties.get("$exception_list")
    if isinstance(listed, list):
        entries = [entry for entry in listed if isinstance(entry, dict)]
        chain = [_exception_from_entry(entry) for entry in entries]
        chain = [exc for exc in chain if exc.type or exc.value or exc.frames]
        if chain:
            if not _listed_cause_first(properties, entries):
                chain.reverse()
            return ExceptionChain(chain)
    return _legacy_chain(properties)


def _listed_cause_first(
    properties: Mapping[str, Any], entries: Sequence[Mapping[str, Any]]
) -> bool:
    # posthog-python builds the list the way Sentry does (cause first, thrown last); the
    # JavaScript and other SDKs list the thrown error first and its causes after it.
    if properties.get("$lib") == "posthog-python":
        return True
    for entry in entries:
        for frame in _raw_frames(entry):
            if frame.get("platform") == "python" or frame.get("lang") == "python":
                return True
    return False


def _raw_frames(entry: Mapping[str, Any]) -> list[dict[str, Any]]:
    stacktrace = entry.get("stacktrace")
    frames = stacktrace.get("frames") if isinstance(stacktrace, dict) else None
    if not isinstance(frames, list):
        return []
    return [frame for frame in frames if isinstance(frame, dict)]


def _exception_from_entry(entry: Mapping[str, Any]) -> ExceptionInfo:
    frames = [frame_from_posthog(raw) for raw in _raw_frames(entry)]
    return ExceptionInfo(
        type=as_text(entry.get("type")),
        value=as_text(entry.get("value")),
        module=as_text(entry.get("module")),
        frames=frames,
    )


def frame_from_posthog(raw: Mapping[str, Any]) -> Frame:
    """One frame, raw (any ``platform``) or resolved by PostHog's symbolication."""
    resolved = "resolved_name" in raw or "mangled_name" in raw or "raw_id" in raw
    if resolved:
        function = as_text(raw.get("resolved_name")) or as_text(raw.get("mangled_name"))
        filename = as_text(raw.get("source"))
        lineno, colno = as_int(raw.get("line")), as_int(raw.get("column"))
        context = raw.get("context")
        line = context.get("line") if isinstance(context, dict) else None
        context_line = as_text(line.get("line")) if isinstance(line, dict) else None
        language = raw.get("lang")
    else:
        function = as_text(raw.get("function"))
        filename = as_text(raw.get("filename")) or as_text(raw.get("abs_path"))
        lineno, colno = as_int(raw.get("lineno")), as_int(raw.get("colno"))
        context_line = as_text(raw.get("context_line"))
        language = raw.get("platform")
    module = as_text(raw.get("module"))
    if language == "java" and module and function and not function.startswith(module):
        # A Java frame reads as Class.method, the way a JVM stack trace prints it.
        function = f"{module}.{function}"
    in_app = raw.get("in_app")
    return Frame(
        function=function,
        filename=filename,
        module=module,
        lineno=lineno,
        colno=colno,
        in_app=in_app if isinstance(in_app, bool) else None,
        context_line=context_line,
    )


def _legacy_chain(properties: Mapping[str, Any]) -> ExceptionChain:
    type_ = as_text(properties.get("$exception_type"))
    value = as_text(properties.get("$exception_message"))
    frames, unparsed, headline = _frames_from_stack_trace_raw(
        properties.get("$exception_stack_trace_raw")
    )
    if not frames and (source := as_text(properties.get("$exception_source"))):
        # window.onerror gives only where the error was thrown.
        frames = [
            Frame(
                filename=source,
                lineno=as_int(properties.get("$exception_lineno")),
                colno=as_int(properties.get("$exception_colno")),
            )
        ]
    if headline is not None and not value and type_ in (None, headline[0]):
        type_, value = headline
    if value and not type_ and (match := _HEADLINE.match(value)):
        type_, value = match["type"], match["value"]
    elif type_ and value and value.startswith(f"{type_}: "):
        value = value[len(type_) + 2 :]
    if not (type_ or value or frames or unparsed):
        return ExceptionChain([])
    return ExceptionChain([ExceptionInfo(type=type_, value=value, frames=frames)], unparsed)


def _frames_from_stack_trace_raw(
    raw: Any,
) -> tuple[list[Frame], str | None, tuple[str, str] | None]:
    """Frames (oldest first), the text if it could not be split, and an error headline in it."""
    if isinstance(raw, list):
        # Not what the taxonomy documents, but hand-rolled captures do send it unencoded.
        return [frame_from_posthog(f) for f in raw if isinstance(f, dict)], None, None
    text = as_text(raw)
    if text is None:
        return [], None, None
    if text[0] in "[{":
        try:
            decoded = json.loads(text)
        except (ValueError, RecursionError):
            decoded = None
        if isinstance(decoded, dict):
            decoded = decoded.get("frames")
        if isinstance(decoded, list):
            return [frame_from_posthog(f) for f in decoded if isinstance(f, dict)], None, None
    frames, headline = parse_stack_text(text)
    return frames, (None if frames else text), headline


def parse_stack_text(text: str) -> tuple[list[Frame], tuple[str, str] | None]:
    """Split a JavaScript ``error.stack`` into frames, oldest first.

    Browsers print the innermost call first; ``Frame`` lists want it last. Lines that are not
    frames (the "TypeError: ..." headline, "...", async markers) are skipped.
    """
    frames: list[Frame] = []
    headline: tuple[str, str] | None = None
    for line in text.splitlines():
        if not line.strip():
            continue
        frame = _v8_frame(line) or _gecko_frame(line)
        if frame is not None:
            frames.append(frame)
        elif headline is None and not frames and (match := _HEADLINE.match(line.strip())):
            headline = (match["type"], match["value"])
    frames.reverse()
    return frames, headline


def _v8_frame(line: str) -> Frame | None:
    match = _V8_FRAME.match(line)
    if match is None:
        return None
    function = match["function"]
    where = match["where"] if function is not None else match["bare"]
    if function and function.startswith("async "):
        function = function[6:]
    return _frame_at(where, function)


def _gecko_frame(line: str) -> Frame | None:
    match = _GECKO_FRAME.match(line)
    if match is None or not _LOCATION.match(match["where"]):
        return None
    return _frame_at(match["where"], match["function"] or None)


def _frame_at(where: str, function: str | None) -> Frame:
    location = _LOCATION.match(where.strip())
    filename = location["file"] if location else where.strip()
    library = "node_modules" in filename or filename in ("<anonymous>", "native")
    return Frame(
        function=function or None,
        filename=filename,
        lineno=int(location["line"]) if location else None,
        colno=int(location["col"]) if location and location["col"] else None,
        in_app=False if library else None,
    )
