"""Dart (and Flutter) errors as the Dart VM and ``package:stack_trace`` print them.

Two frame formats, both innermost first. The VM's, as ``StackTrace.toString()`` and Flutter's
console print it::

    #0      List.firstWhere (dart:core/list.dart:123:5)
    #1      SlotService.reserve (package:bakery_api/slots/slot_service.dart:41:7)
    <asynchronous suspension>

and ``package:stack_trace``'s terse one (``Chain.terse``, what shelf and many servers log)::

    package:bakery_api/slots/slot_service.dart 41:7   SlotService.reserve
    dart:core                                         List.firstWhere
    ===== asynchronous gap ===========================

The error above the frames is its ``toString()``: "Bad state: No element" (a ``StateError``),
"RangeError (index): Invalid value: ...", "FormatException: Unexpected character ...". As
sentry-dart reports it, the type is the class and the message the whole ``toString()``.
The Dart SDK's own libraries (``dart:``) and Flutter's are never the application's code.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..stacktrace import ExceptionInfo, Frame
from .frames import number
from .headlines import search_headline

_VM_FRAME = re.compile(
    r"^\s*#\d+\s+(?P<member>.+?) \((?P<uri>(?:package|dart|file|org-dartlang-[\w-]+):[^\s)]*?)"
    r"(?::(?P<line>\d{1,9})(?::\d{1,9})?)?\)\s*$"
)
_TERSE_FRAME = re.compile(
    r"^(?P<uri>(?:package|dart):[^\s]+)(?: (?P<line>\d{1,9})(?::\d{1,9})?)?\s+(?P<member>\S.*?)\s*$"
)
_GAPS = ("<asynchronous suspension>", "===== asynchronous gap", "...")
# What the VM prints before an error nobody caught, and Flutter's logger before it.
_UNHANDLED = re.compile(r"(?:Unhandled [Ee]xception:|\[ERROR:[^\]]*\] Unhandled Exception:)\s*")
# The toString() of Dart's core errors that do not say their class.
_CORE_SAYINGS = (
    ("Bad state: ", "StateError"),
    ("Null check operator used on a null value", "TypeError"),
    ("Concurrent modification during iteration", "ConcurrentModificationError"),
    ("Stack Overflow", "StackOverflowError"),
    ("Out of Memory", "OutOfMemoryError"),
)
_RANGE = re.compile(r"^(?P<type>RangeError|ArgumentError|IndexError) ?(?:\([^)]*\))?: ")
_LIBRARIES = ("dart:", "package:flutter/", "package:flutter_test/", "org-dartlang-")


def hinted(text: str) -> bool:
    return ".dart" in text or "dart:" in text


def parse(lines: Sequence[str]) -> list[ExceptionInfo]:
    frames: list[Frame] = []
    first = None
    for index, line in enumerate(lines):
        frame = _frame(line)
        if frame is not None:
            if first is None:
                first = index
            frames.append(frame)
        elif frames and not line.strip().startswith(_GAPS) and line.strip():
            break  # the trace ended: what follows is another record's
    if not frames or first is None:
        return []
    kind, value = _error_above(lines, first)
    return [ExceptionInfo(type=kind, value=value, frames=frames[::-1])]


def _frame(line: str) -> Frame | None:
    found = _VM_FRAME.match(line) or _TERSE_FRAME.match(line)
    if found is None:
        return None
    uri = found["uri"]
    return Frame(
        function=found["member"].replace(".<anonymous closure>", "").replace(".<fn>", ""),
        filename=uri,
        lineno=number(found["line"]) if found["line"] else None,
        in_app=False if uri.startswith(_LIBRARIES) else None,
    )


def _error_above(lines: Sequence[str], first: int) -> tuple[str | None, str | None]:
    """The error printed on the lines above the first frame (the nearest that says one)."""
    for line in reversed(lines[max(0, first - 5) : first]):
        said = _UNHANDLED.sub("", line.strip(), count=1).strip()
        if said:
            return said_error(said)
    return None, None


def core_error(text: str) -> ExceptionInfo | None:
    """A line that is the ``toString()`` of one of Dart's core errors that do not say their
    class ("Bad state: No element"), alone: a log that split the error from its frames."""
    line = text.strip()
    if "\n" in line or not line.startswith(tuple(start for start, _ in _CORE_SAYINGS)):
        return None
    kind, value = said_error(line)
    return ExceptionInfo(type=kind, value=value)


def said_error(text: str) -> tuple[str | None, str]:
    """The class and message of a Dart error's ``toString()``; the class is None when the
    text names none."""
    for start, kind in _CORE_SAYINGS:
        if text.startswith(start):
            return kind, text
    if (ranged := _RANGE.match(text)) is not None:
        return ranged["type"], text
    headline = search_headline(text)
    if headline is not None and text.startswith(headline.type):
        return headline.type, text
    return None, text
