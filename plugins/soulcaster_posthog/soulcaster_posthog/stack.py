"""The exception chain of a ``$exception`` event, in every shape PostHog has stored it.

Current SDKs send ``$exception_list`` with raw frames tagged by ``platform`` (python,
web:javascript, node:javascript, go, java, ...); events PostHog has processed carry "resolved"
frames instead (``resolved_name``/``source``/``line``). Legacy captures only have
``$exception_type``/``$exception_message`` and ``$exception_stack_trace_raw``, a *string* that
holds either JSON-encoded frames or a browser's ``error.stack`` text; hand-made captures put
the whole stack in ``$exception_message``. Text is read by the core's ``parse_trace``, the
same reader every source uses, so a stack seen as text and as frames look alike.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from soulcaster_core.parsing import parse_trace
from soulcaster_core.stacktrace import ExceptionInfo, Frame

from .coerce import as_int, as_text

# posthog-ios's frames ("apple"; "ios" in its first releases) and posthog-flutter's ("dart").
_INNERMOST_FIRST = frozenset({"apple", "ios", "dart"})
# Frames of these languages name the class in ``module`` and only the method in ``function``.
_QUALIFIED_LANGUAGES = ("java",)


class ExceptionChain(NamedTuple):
    """What an event says went wrong."""

    #: Cause first, the thrown exception last (the order ``format_exceptions`` renders),
    #: frames as PostHog sent them.
    exceptions: list[ExceptionInfo]
    #: A stack text we could not split into frames, kept as it came.
    unparsed_stack: str | None = None
    #: ``exceptions`` as their languages print them (Java methods qualified by their class),
    #: when that differs.
    printed: list[ExceptionInfo] | None = None

    @property
    def thrown(self) -> ExceptionInfo | None:
        return self.exceptions[-1] if self.exceptions else None


def exception_chain(properties: Mapping[str, Any]) -> ExceptionChain:
    """Read ``$exception_list``, falling back to the legacy ``$exception_*`` properties."""
    listed = properties.get("$exception_list")
    if isinstance(listed, list):
        entries = [entry for entry in listed if isinstance(entry, dict)]
        read = [_exception_from_entry(entry) for entry in entries]
        read = [pair for pair in read if pair[0].type or pair[0].value or pair[0].frames]
        if read:
            if not _listed_cause_first(properties, entries):
                read.reverse()
            chain = [exc for exc, _ in read]
            printed = [shown or exc for exc, shown in read]
            has_printed = any(shown is not None for _, shown in read)
            return ExceptionChain(chain, printed=printed if has_printed else None)
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


def _exception_from_entry(entry: Mapping[str, Any]) -> tuple[ExceptionInfo, ExceptionInfo | None]:
    """The exception, and the same as its language prints it when that differs."""
    if (stated := _stated_in_synthetic(entry)) is not None:
        return stated, None
    raws = _raw_frames(entry)
    if raws and (
        all(raw.get("platform") == "java" and "raw_id" not in raw for raw in raws)
        or all("go" in (raw.get("platform"), raw.get("lang")) for raw in raws)
        or all(raw.get("platform") in _INNERMOST_FIRST for raw in raws)
    ):
        # posthog-android and posthog-java send a Throwable's StackTraceElements as the JVM
        # orders them, innermost first (their ThrowableCoercer); posthog-go its
        # runtime.Callers frames, innermost first too (DefaultStackTraceExtractor);
        # posthog-ios its Thread.callStackReturnAddresses, innermost first
        # (PostHogStackTraceProcessor); posthog-flutter its stack_trace Chain's frames as Dart
        # prints them, innermost first (DartExceptionProcessor); the other SDKs, oldest first.
        raws.reverse()
    frames = [_frame_fields(raw) for raw in raws]
    fields = {
        "type": as_text(entry.get("type")),
        "value": as_text(entry.get("value")),
        "module": as_text(entry.get("module")),
        "frames": frames,
    }
    # Validated whole, the frames cost one pydantic call rather than one each.
    exc = ExceptionInfo.model_validate(fields)
    names = [_printed_function(raw, frame) for raw, frame in zip(raws, frames, strict=True)]
    if all(name is None for name in names):
        return exc, None
    shown = [
        frame if name is None else {**frame, "function": name}
        for frame, name in zip(frames, names, strict=True)
    ]
    return exc, ExceptionInfo.model_validate({**fields, "frames": shown})


def _stated_in_synthetic(entry: Mapping[str, Any]) -> ExceptionInfo | None:
    """An error posthog-js made of a console message (``mechanism.synthetic``): its frames
    are the console's callers, and the message may print the real error with its stack (a
    Blazor renderer's ``crit: ...`` over the .NET exception): that error, read from the text."""
    mechanism = entry.get("mechanism")
    value = entry.get("value")
    if not (isinstance(mechanism, dict) and mechanism.get("synthetic") is True):
        return None
    if not isinstance(value, str) or "\n" not in value:
        return None
    stated = parse_trace(value)
    return stated[-1] if stated and stated[-1].type and stated[-1].frames else None


def frame_from_posthog(raw: Mapping[str, Any]) -> Frame:
    """One frame, raw (any ``platform``) or resolved by PostHog's symbolication."""
    return Frame.model_validate(_frame_fields(raw))


def _frame_fields(raw: Mapping[str, Any]) -> dict[str, Any]:
    """The fields of the ``Frame`` a PostHog frame (raw or resolved) states."""
    if "resolved_name" in raw or "mangled_name" in raw or "raw_id" in raw:
        # The symbolicated name where PostHog resolved one; else the name the bundle has.
        function = as_text(raw.get("resolved_name")) or as_text(raw.get("mangled_name"))
        filename = as_text(raw.get("source"))
        lineno, colno = as_int(raw.get("line")), as_int(raw.get("column"))
        context = raw.get("context")
        line = context.get("line") if isinstance(context, dict) else None
        context_line = as_text(line.get("line")) if isinstance(line, dict) else None
    else:
        function = as_text(raw.get("function"))
        filename = as_text(raw.get("filename")) or as_text(raw.get("abs_path"))
        lineno, colno = as_int(raw.get("lineno")), as_int(raw.get("colno"))
        context_line = as_text(raw.get("context_line"))
    in_app = raw.get("in_app")
    return {
        "function": function,
        "filename": filename,
        "module": as_text(raw.get("module")),
        "lineno": lineno,
        "colno": colno,
        "in_app": in_app if isinstance(in_app, bool) else None,
        "context_line": context_line,
    }


def _printed_function(raw: Mapping[str, Any], frame: Mapping[str, Any]) -> str | None:
    """``Class.method`` for a Java frame, the way a JVM prints it; None for other frames."""
    language = raw.get("lang") if "raw_id" in raw else raw.get("platform")
    if language not in _QUALIFIED_LANGUAGES:
        return None
    module, function = frame["module"], frame["function"]
    if module and function and not function.startswith(f"{module}."):
        return f"{module}.{function}"
    return None


def _legacy_chain(properties: Mapping[str, Any]) -> ExceptionChain:
    kind = as_text(properties.get("$exception_type"))
    message = as_text(properties.get("$exception_message"))
    frames, stack = _stack_trace_raw(properties.get("$exception_stack_trace_raw"))
    parsed = parse_trace(stack) if stack else []
    if message is not None and (not kind or "\n" in message):
        # Hand-made captures put a whole error.stack or traceback in the message, or
        # "TypeError: x" with no type beside it: the message is then what it says was thrown.
        in_message = parse_trace(message)
        carries_stack = _has_frames(in_message)
        if carries_stack or (not kind and in_message and in_message[-1].type):
            if carries_stack or not _has_frames(parsed):
                parsed = in_message
            message = in_message[-1].value
    said = parsed[-1] if parsed else None
    if said is not None and said.type and kind in (None, said.type):
        kind = kind or said.type
        message = message or said.value
    if kind and message and message.startswith(f"{kind}: "):
        message = message[len(kind) + 2 :]
    causes: list[ExceptionInfo] = []
    if frames is None and said is not None and said.frames:
        causes, frames = parsed[:-1], said.frames
    if not frames and (source := as_text(properties.get("$exception_source"))):
        # window.onerror gives only where the error was thrown.
        frames = [
            Frame(
                filename=source,
                lineno=as_int(properties.get("$exception_lineno")),
                colno=as_int(properties.get("$exception_colno")),
            )
        ]
    unparsed = stack if stack and not _has_frames(parsed) else None
    if not (kind or message or frames or unparsed):
        return ExceptionChain([])
    thrown = ExceptionInfo(type=kind, value=message, frames=frames or [])
    return ExceptionChain([*causes, thrown], unparsed)


def _has_frames(chain: Sequence[ExceptionInfo]) -> bool:
    return any(exc.frames for exc in chain)


def _stack_trace_raw(raw: Any) -> tuple[list[Frame] | None, str | None]:
    """The frames of ``$exception_stack_trace_raw`` when it holds PostHog's frame objects
    (oldest first), else the stack text to parse."""
    if isinstance(raw, list):
        # Not what the taxonomy documents, but hand-rolled captures do send it unencoded.
        return [frame_from_posthog(f) for f in raw if isinstance(f, dict)], None
    text = as_text(raw)
    if text is None:
        return None, None
    if text[0] in "[{":
        try:
            decoded = json.loads(text)
        except (ValueError, RecursionError):
            decoded = None
        if isinstance(decoded, dict):
            decoded = decoded.get("frames")
        if isinstance(decoded, list):
            return [frame_from_posthog(f) for f in decoded if isinstance(f, dict)], None
    return None, text
