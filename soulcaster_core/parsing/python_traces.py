"""Python tracebacks.

Reads ``Traceback (most recent call last):``, the ``File "path", line N, in function`` frames
(printed oldest first, kept so), the source line under each (``context_line``), and the
``Type: message`` line after them; a message continues on the lines below it up to a blank
line, the next traceback or what looks like the next log record. Chains joined by "During
handling of the above exception..." or "The above exception was the direct cause..." come out
cause first, as Python prints them. Exception groups give the group itself. A traceback without
an exception line after it takes the one stated on the line above it (AWS Lambda's runtime:
``[ERROR] KeyError: 'sku'`` then ``Traceback ...``). Frames printed
without the ``Traceback`` line (``traceback.format_stack``) are read too.

Convention: ``function`` is the name as printed (``compute_total``, ``<module>``), ``filename``
the path as printed, ``module`` None (a path does not say its module), ``type`` as printed
(``KeyError``, ``requests.exceptions.ConnectionError``).
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Sequence

from ..stacktrace import ExceptionInfo, Frame
from .frames import number
from .headlines import search_headline
from .libraries import path_in_app

_TRACEBACK = "Traceback (most recent call last)"
_CHAIN = (
    "During handling of the above exception",
    "The above exception was the direct cause",
)
_FRAME = re.compile(r'File "(?P<file>[^"\n]*)", line (?P<line>\d{1,9})(?:, in (?P<fn>.+))?')
# Exception groups draw a margin of "|" before every line of their tracebacks.
_GROUP_MARGIN = re.compile(r"^\s*\| ?")
_PY_HEADLINE = re.compile(r"^(?P<type>[A-Za-z_][\w.]*)(?::[ \t]?(?P<msg>.*))?$")
# The next record of the log the traceback sits in: a date or time first, or a level word.
_NEXT_RECORD = re.compile(
    r"^\s*\[?(?:\d{4}-\d\d-\d\d|\d\d:\d\d:\d\d|\d{4}/\d\d/\d\d)"
    r"|^\s*(?:DEBUG|INFO|WARN|WARNING|ERROR|CRITICAL|FATAL)\b"
)
_CARETS = frozenset("^~ \t")
# The line AWS Lambda's Python runtime prints above the traceback of an unhandled error.
_LAMBDA_ERROR = re.compile(r"^\s*\[ERROR\]\s+(.+)$")


def hinted(text: str) -> bool:
    return 'File "' in text or ("│" in text and _TRACEBACK in text)


# Rich's boxed traceback (structlog's ConsoleRenderer, Typer, rich.traceback.install): a box
# per exception, each frame "│ /app/quotes.py:42 in rent_quote │" (a long path folded onto the
# next line), its source under "❱"; the exception line below the box, as Python prints it.
_RICH_FRAME = re.compile(r"^(?P<file>\S+?):(?P<line>\d{1,9}) in (?P<fn>\S+)$")


def _unboxed(lines: Sequence[str]) -> list[str]:
    """Rich's boxes as the traceback Python itself prints."""
    out: list[str] = []
    folded = ""
    framed: re.Match[str] | None = None  # the frame the box's last line named
    for line in lines:
        text = line.strip()
        if text.startswith("╭") and _TRACEBACK in text:
            out.append(f"{_TRACEBACK}:")
            continue
        if text.startswith("╰"):
            framed = None
            continue
        # (A box's line, its left border perhaps already read as a log's gutter.)
        if not (text.startswith("│") or text.endswith("│")):
            out.append(line)
            framed = None
            continue
        inner = text.strip("│").strip()
        # (A source line: "❱ 42 │ code", "  41 │ code".)
        if not inner or inner.startswith(("❱", "│")) or (inner[:1].isdigit() and "│" in inner):
            folded, framed = "", None
            continue
        if framed is not None and " " not in inner and "/" not in inner and "\\" not in inner:
            # The function's name, which Rich folded at the box's edge.
            name = framed["fn"] + inner
            out[-1] = f'  File "{framed["file"]}", line {framed["line"]}, in {name}'
            continue
        found = _RICH_FRAME.match(folded + inner)
        if found is not None:
            out.append(f'  File "{found["file"]}", line {found["line"]}, in {found["fn"]}')
            folded, framed = "", found
        elif " " not in inner or folded:
            folded += inner  # a path (or "path:line in name") Rich folded onto the next line
    return out


def parse(lines: Sequence[str]) -> list[ExceptionInfo]:
    if any(line.lstrip().startswith("╭") for line in lines):
        lines = _unboxed(lines)
    chain: list[ExceptionInfo] = []
    linked = False  # a chain marker came after the last exception
    above = ""  # the line before the first traceback
    i = 0
    while i < len(lines):
        line = lines[i]
        starts = _TRACEBACK in line
        if starts or (not chain and _is_frame(line)):
            if chain and not linked:
                break  # a second, unrelated traceback
            if not chain and i:
                above = _stated_above(lines, i)
            margin = starts and line.lstrip().startswith("+")
            exc, i = _one(lines, i + 1 if starts else i, margin)
            chain.append(exc)
            linked = False
            continue
        if chain and any(marker in line for marker in _CHAIN):
            linked = True
        i += 1
    if chain and chain[-1].type is None and chain[-1].value is None and above.strip():
        # AWS Lambda's Python runtime states the error above its traceback ("[ERROR]
        # KeyError: 'sku'"), and prints no exception line after the frames.
        tagged = _LAMBDA_ERROR.match(above.split("\n", 1)[0])
        said = _PY_HEADLINE.match(tagged.group(1)) if tagged else None
        kind, value = (said.group("type"), said.group("msg")) if said else (None, None)
        if said is None and (found := search_headline(above)) is not None:
            kind, value = found.type, found.value
        if kind is not None:
            chain[-1] = chain[-1].model_copy(update={"type": kind, "value": value})
    return chain


def _stated_above(lines: Sequence[str], start: int) -> str:
    """The line before the traceback at ``lines[start]``; or, where Lambda's "[ERROR]" line
    starts a message of several lines above it (pydantic's "1 validation error for X" and its
    fields), that line and the rest of its message."""
    for j in range(start - 1, max(-1, start - 1 - _MESSAGE_REACH), -1):
        if _LAMBDA_ERROR.match(lines[j]):
            return "\n".join(lines[j:start])
        if not lines[j].strip() or _TRACEBACK in lines[j]:
            break
    return lines[start - 1]


#: Lines of a message above a traceback read back to its "[ERROR]" line.
_MESSAGE_REACH = 20


def _is_frame(line: str) -> bool:
    if 'File "' not in line:
        return False
    m = _FRAME.search(line)
    return m is not None and m.group("fn") is not None


def _one(lines: Sequence[str], i: int, margin: bool) -> tuple[ExceptionInfo, int]:
    """The traceback whose frames start at ``lines[i]``, and the index after it."""
    found: list[tuple[re.Match[str], str | None]] = []  # each frame and its source line
    after_frame = False
    while i < len(lines):
        line = _GROUP_MARGIN.sub("", lines[i], count=1) if margin else lines[i]
        stripped = line.strip()
        m = _FRAME.search(line) if 'File "' in line else None
        if m is not None:
            if m.group("fn") is not None:
                found.append((m, None))
                after_frame = True
            else:
                after_frame = False  # a SyntaxError's location, printed like a frame
            i += 1
            continue
        if not stripped or stripped.startswith("[Previous line repeated") or _TRACEBACK in line:
            if _TRACEBACK in line:
                break
            i += 1
            continue
        if line[0] in " \t" or (after_frame and not _looks_like_headline(stripped)):
            if after_frame and found and not _CARETS.issuperset(stripped):
                found[-1] = (found[-1][0], stripped)
            after_frame = False
            i += 1
            continue
        kind, value = _headline(stripped)
        if kind is None:
            # No exception line after the frames ("@team-alerts" after a monitor's quoted,
            # cut-short traceback): the trace ends here, and says nothing of what was raised.
            break
        i += 1
        more: list[str] = []
        while i < len(lines) and _continues(lines[i], margin):
            more.append(lines[i].rstrip())
            i += 1
        if more:
            value = "\n".join([value or "", *more]).strip() or None
        return ExceptionInfo(type=kind, value=value, frames=_frames(found)), i
    return ExceptionInfo(frames=_frames(found)), i


def _frames(found: list[tuple[re.Match[str], str | None]]) -> list[Frame]:
    frames = []
    for m, source in found:
        path = m.group("file")
        frames.append(
            Frame(
                function=m.group("fn").strip() or None,
                filename=path or None,
                lineno=number(m.group("line")),
                in_app=path_in_app(path),
                context_line=source,
            )
        )
    return frames


def _looks_like_headline(stripped: str) -> bool:
    """Whether an unindented line right after a frame is the headline rather than the frame's
    source line (some log pipelines strip indentation)."""
    m = _PY_HEADLINE.match(stripped)
    return m is not None and not keyword.iskeyword(m.group("type"))


def _headline(stripped: str) -> tuple[str | None, str | None]:
    m = _PY_HEADLINE.match(stripped)
    if m is not None:
        msg = (m.group("msg") or "").strip()
        return m.group("type"), msg or None
    found = search_headline(stripped)
    if found is not None:
        return found.type, found.value
    return None, stripped


def _continues(line: str, margin: bool) -> bool:
    stripped = line.strip()
    if not stripped or _TRACEBACK in line or any(marker in line for marker in _CHAIN):
        return False
    if margin and stripped[0] in "+|":
        return False
    return _NEXT_RECORD.match(line) is None and not _is_frame(line)
