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
from soulcaster_core.stacktrace import ExceptionInfo, Frame, format_exceptions

from . import fields
from .payload import SentryEvent

# Sentry trims context lines itself; this only keeps a forged or minified line from
# swamping the trace.
CONTEXT_LINE_MAX = 200

# Frames of these platforms name the class in ``module`` and only the method in ``function``.
_QUALIFIED_PLATFORMS = ("java",)


@dataclass(frozen=True)
class SentryTrace:
    #: The chain, cause first, with source-mapped frames where Sentry mapped them.
    exceptions: list[ExceptionInfo] = field(default_factory=list)
    #: The same chain with the frames as the SDK sent them; empty unless Sentry mapped any.
    raw_exceptions: list[ExceptionInfo] = field(default_factory=list)

    @property
    def source_mapped(self) -> bool:
        return bool(self.raw_exceptions)

    @property
    def text(self) -> str:
        return format_exceptions(self.exceptions) if self.exceptions else ""

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
    entry = fields.obj(event, "logentry", f"{path}.logentry") or {}
    return (
        fields.text(entry, "formatted", f"{path}.logentry.formatted")
        or fields.text(event, "message", f"{path}.message")
        or fields.text(entry, "message", f"{path}.logentry.message")
    )


def read_trace(event: dict[str, Any], path: str, message: str | None = None) -> SentryTrace:
    """The trace of one Sentry event (``data.error`` / ``data.event``) found at ``path``.

    Without an exception, the crashed thread's stack (or a bare ``stacktrace``, as sent with
    ``attach_stacktrace``) is shown under ``message``.
    """
    platform = fields.text(event, "platform", f"{path}.platform")
    mapped: list[ExceptionInfo] = []
    raw: list[ExceptionInfo] = []
    any_raw = False
    exception = fields.obj(event, "exception", f"{path}.exception")
    values = fields.array(exception, "values", f"{path}.exception.values") if exception else []
    for index, value in enumerate(values):
        vpath = f"{path}.exception.values[{index}]"
        if value is None:
            continue  # Sentry leaves null where it trimmed an over-long chain
        if not isinstance(value, dict):
            raise BadPayload(f"{vpath}: expected an object, got {type(value).__name__}")
        head: dict[str, Any] = {
            "type": fields.text(value, "type", f"{vpath}.type"),
            "value": fields.text(value, "value", f"{vpath}.value"),
            "module": fields.text(value, "module", f"{vpath}.module"),
        }
        frames = _frames(value, "stacktrace", vpath, platform)
        raw_frames = _frames(value, "raw_stacktrace", vpath, platform)
        any_raw = any_raw or raw_frames is not None
        mapped.append(ExceptionInfo(**head, frames=frames or []))
        # An exception Sentry did not map was sent as it is: its frames are the raw ones.
        raw.append(
            ExceptionInfo(
                **head, frames=raw_frames if raw_frames is not None else mapped[-1].frames
            )
        )
    if mapped:
        return SentryTrace(mapped, raw if any_raw else [])
    frames = _crashed_thread_frames(event, path, platform)
    if frames is None:
        frames = _frames(event, "stacktrace", path, platform)
    if frames:
        return SentryTrace([ExceptionInfo(value=message, frames=frames)])
    return SentryTrace()


def _crashed_thread_frames(
    event: dict[str, Any], path: str, platform: str | None
) -> list[Frame] | None:
    threads = fields.obj(event, "threads", f"{path}.threads")
    if threads is None:
        return None
    candidates: list[tuple[int, dict[str, Any]]] = []
    for index, thread in enumerate(fields.array(threads, "values", f"{path}.threads.values")):
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
    holder: dict[str, Any], key: str, path: str, platform: str | None
) -> list[Frame] | None:
    """The frames of ``holder[key]`` (a stack trace object); ``None`` when there is none."""
    stacktrace = fields.obj(holder, key, f"{path}.{key}")
    if stacktrace is None:
        return None
    frames: list[Frame] = []
    for index, raw in enumerate(fields.array(stacktrace, "frames", f"{path}.{key}.frames")):
        fpath = f"{path}.{key}.frames[{index}]"
        if raw is None:
            continue
        if not isinstance(raw, dict):
            raise BadPayload(f"{fpath}: expected an object, got {type(raw).__name__}")
        frames.append(_frame(raw, fpath, platform))
    return frames


def _frame(raw: dict[str, Any], path: str, platform: str | None) -> Frame:
    function = fields.text(raw, "function", f"{path}.function")
    module = fields.text(raw, "module", f"{path}.module")
    frame_platform = fields.text(raw, "platform", f"{path}.platform") or platform
    if (
        frame_platform in _QUALIFIED_PLATFORMS
        and module
        and function
        and not function.startswith(f"{module}.")
    ):
        # "charge" alone says little; "com.acme.billing.InvoiceService.charge" is what a Java
        # developer reads in a trace and what tells two frames apart when clustering.
        function = f"{module}.{function}"
    context_line = fields.text(raw, "context_line", f"{path}.context_line")
    if context_line is not None and len(context_line) > CONTEXT_LINE_MAX:
        context_line = context_line[: CONTEXT_LINE_MAX - 1] + "…"
    return Frame(
        function=function,
        filename=(
            fields.text(raw, "filename", f"{path}.filename")
            or fields.text(raw, "abs_path", f"{path}.abs_path")
        ),
        module=module,
        lineno=fields.integer(raw, "lineno", f"{path}.lineno"),
        colno=fields.integer(raw, "colno", f"{path}.colno"),
        in_app=fields.flag(raw, "in_app", f"{path}.in_app"),
        context_line=context_line,
    )
