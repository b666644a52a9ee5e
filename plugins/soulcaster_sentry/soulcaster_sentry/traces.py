"""Sentry's exception chain and frames, read into the core's ``Frame`` and ``ExceptionInfo``.

Sentry lists chained exceptions cause first and frames oldest first, which is the order
``format_exceptions`` renders: the thrown exception and its innermost frame come last.
When Sentry applied source maps (JavaScript) or symbolication, the exception carries both
``stacktrace`` (mapped, what a person wants to read) and ``raw_stacktrace`` (minified).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from soulcaster_core import BadPayload
from soulcaster_core.stacktrace import ExceptionInfo, format_exceptions

from . import fields
from .payload import SentryEvent

# Sentry trims context lines itself; this only keeps a forged or minified line from
# swamping the trace.
CONTEXT_LINE_MAX = 200

# Frames of these platforms name the class in ``module`` and only the method in ``function``.
_QUALIFIED_PLATFORMS = ("java",)
# A frame's function as its trace prints it, where that differs from the one Sentry sent;
# ``Frame`` ignores the key.
_PRINTED = "printed_function"


@dataclass(frozen=True)
class SentryTrace:
    #: The chain, cause first, with source-mapped frames where Sentry mapped them.
    exceptions: list[ExceptionInfo] = field(default_factory=list)
    #: The same chain with the frames as the SDK sent them; empty unless Sentry mapped any.
    raw_exceptions: list[ExceptionInfo] = field(default_factory=list)
    #: ``exceptions`` rendered as one trace, ``""`` without any: rendered once, as the item's
    #: body, stack trace and raw text all show it.
    text: str = ""

    @property
    def source_mapped(self) -> bool:
        return bool(self.raw_exceptions)

    @property
    def thrown(self) -> ExceptionInfo | None:
        return self.exceptions[-1] if self.exceptions else None


def extract_sentry_stacktrace(event: dict[str, Any]) -> str:
    """The readable trace of a Sentry webhook body, or of a bare Sentry event; ``""`` if none.

    Issue and metric-alert webhooks carry no frames, so their trace is empty.
    """
    if "data" in event:
        delivery = SentryEvent.from_body(event)
        if delivery.resource not in ("error", "event_alert"):
            return ""
        found, path = delivery.subject, delivery.subject_path
    else:
        found, path = event, "event"
    return read_trace(found, path, event_message(found, path)).text


def event_message(event: dict[str, Any], path: str) -> str | None:
    """The logged message: ``logentry.formatted`` (parameters filled in), else ``message``."""
    entry = fields.obj(event, "logentry", path) or {}
    entry_path = f"{path}.logentry"
    return (
        fields.text(entry, "formatted", entry_path)
        or fields.text(event, "message", path)
        or fields.text(entry, "message", entry_path)
    )


def read_trace(event: dict[str, Any], path: str, message: str | None = None) -> SentryTrace:
    """The trace of one Sentry event (``data.error`` / ``data.event``) found at ``path``.

    Without an exception, the crashed thread's stack (or a bare ``stacktrace``, as sent with
    ``attach_stacktrace``) is shown under ``message``.
    """
    platform = fields.text(event, "platform", path)
    mapped: list[ExceptionInfo] = []
    mapped_frames: list[list[dict[str, Any]]] = []
    raw_frames: list[list[dict[str, Any]] | None] = []
    exception = fields.obj(event, "exception", path)
    values = fields.array(exception, "values", f"{path}.exception") if exception else []
    for index, value in enumerate(values):
        if value is None:
            continue  # Sentry leaves null where it trimmed an over-long chain
        where = f"{path}.exception.values[{index}]"
        if not isinstance(value, dict):
            raise BadPayload(f"{where}: expected an object, got {type(value).__name__}")
        kind = fields.text(value, "type", where)
        said = fields.text(value, "value", where)
        module = fields.text(value, "module", where)
        listed = _frames(value, "stacktrace", where, platform) or []
        raw_frames.append(_frames(value, "raw_stacktrace", where, platform))
        mapped.append(_exception(kind, said, module, listed))
        mapped_frames.append(listed)
    if mapped:
        text = format_exceptions(_as_printed(mapped, mapped_frames))
        return SentryTrace(mapped, _raw_chain(mapped, raw_frames), text)
    frames = _crashed_thread_frames(event, path, platform)
    if frames is None:
        frames = _frames(event, "stacktrace", path, platform)
    if frames:
        thrown = [_exception(None, message, None, frames)]
        return SentryTrace(thrown, [], format_exceptions(_as_printed(thrown, [frames])))
    return SentryTrace()


def _as_printed(
    chain: list[ExceptionInfo], frame_lists: list[list[dict[str, Any]]]
) -> list[ExceptionInfo]:
    """The chain as its language prints it: Java methods qualified by their class."""
    if not any(_PRINTED in frame for frames in frame_lists for frame in frames):
        return chain
    return [
        _exception(
            exc.type,
            exc.value,
            exc.module,
            [{**frame, "function": frame.get(_PRINTED, frame["function"])} for frame in frames],
        )
        for exc, frames in zip(chain, frame_lists, strict=True)
    ]


def _exception(
    kind: str | None, value: str | None, module: str | None, frames: list[dict[str, Any]]
) -> ExceptionInfo:
    # Validated whole, the frames cost one pydantic call rather than one each.
    return ExceptionInfo.model_validate(
        {"type": kind, "value": value, "module": module, "frames": frames}
    )


def _raw_chain(
    mapped: list[ExceptionInfo], raw_frames: list[list[dict[str, Any]] | None]
) -> list[ExceptionInfo]:
    """The chain with the frames the SDK sent; empty when no exception has raw frames."""
    if raw_frames.count(None) == len(raw_frames):
        return []
    # An exception Sentry did not map was sent as it is: its frames are the raw ones.
    return [
        exc if frames is None else _exception(exc.type, exc.value, exc.module, frames)
        for exc, frames in zip(mapped, raw_frames, strict=True)
    ]


def _crashed_thread_frames(
    event: dict[str, Any], path: str, platform: str | None
) -> list[dict[str, Any]] | None:
    threads = fields.obj(event, "threads", path)
    if threads is None:
        return None
    candidates: list[tuple[int, dict[str, Any]]] = []
    for index, thread in enumerate(fields.array(threads, "values", f"{path}.threads")):
        if not isinstance(thread, dict):
            raise BadPayload(f"{path}.threads.values[{index}]: expected an object")
        candidates.append((index, thread))
    # The thread that crashed tells the story; else the one that captured the message.
    for wanted in ("crashed", "current"):
        for index, thread in candidates:
            if thread.get(wanted) is True:
                return _frames(thread, "stacktrace", f"{path}.threads.values[{index}]", platform)
    return None


def _frames(
    holder: dict[str, Any], key: str, where: str, platform: str | None
) -> list[dict[str, Any]] | None:
    """The ``Frame`` fields of each frame of ``holder[key]``; ``None`` without a stack trace."""
    stacktrace = fields.obj(holder, key, where)
    if stacktrace is None:
        return None
    where = f"{where}.{key}"
    frames: list[dict[str, Any]] = []
    for index, raw in enumerate(fields.array(stacktrace, "frames", where)):
        if raw is None:
            continue
        if not isinstance(raw, dict):
            raise BadPayload(
                f"{where}.frames[{index}]: expected an object, got {type(raw).__name__}"
            )
        frames.append(_frame(raw, f"{where}.frames[{index}]", platform))
    return frames


def _frame(raw: dict[str, Any], where: str, platform: str | None) -> dict[str, Any]:
    """The fields of one ``Frame``, read from Sentry's frame at ``where``."""
    function = fields.text(raw, "function", where)
    module = fields.text(raw, "module", where)
    context_line = fields.text(raw, "context_line", where)
    if context_line is not None and len(context_line) > CONTEXT_LINE_MAX:
        context_line = context_line[: CONTEXT_LINE_MAX - 1] + "…"
    frame: dict[str, Any] = {
        "function": function,
        "filename": fields.text(raw, "filename", where) or fields.text(raw, "abs_path", where),
        "module": module,
        "lineno": fields.integer(raw, "lineno", where),
        "colno": fields.integer(raw, "colno", where),
        "in_app": fields.flag(raw, "in_app", where),
        "context_line": context_line,
    }
    frame_platform = fields.text(raw, "platform", where) or platform
    if (
        frame_platform in _QUALIFIED_PLATFORMS
        and module
        and function
        and not function.startswith(f"{module}.")
    ):
        # The typed frame keeps the method as Sentry sent it; the trace shows
        # "com.acme.billing.InvoiceService.charge", as a JVM prints it.
        frame[_PRINTED] = f"{module}.{function}"
    return frame
