""".NET stack traces, as ``Exception.ToString()`` prints them (and Mono/Unity's variant).

Reads the headline (``System.InvalidOperationException: message``, after ``Unhandled
exception.`` or a log line), inner exceptions (`` ---> Type: message``, on their own line or on
the headline's), frames ``at Ns.Class.Method(Type arg) in /src/File.cs:line 42`` (the location
is optional; Mono prints ``at Ns.Class.Method (Type arg) [0x00012] in /src/File.cs:42``), and
``--- End of inner exception stack trace ---``, which closes the frames of the innermost
exception not yet closed. Inner exceptions are causes: the innermost comes first.

Convention: ``module`` is the type (``Shop.Billing``), ``function`` the bare method name
(``Total``; ``.ctor`` for constructors; ``Find`` for ``Find[T]``; an async state machine
``<GetAsync>d__5.MoveNext`` is read as ``GetAsync``), ``filename`` as printed (a line number
of 0, Mono's "unknown", is None), ``type`` as printed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..stacktrace import ExceptionInfo, Frame
from .frames import number, split_member
from .headlines import headline_above, match_headline, search_headline, split_headline
from .libraries import class_in_app, path_in_app

_FRAME = re.compile(
    r"^\s*at (?P<name>[^\s(]+)(?P<space>\s?)\((?P<args>[^():]*)\)"
    r"(?P<mono>\s*\[0x[0-9a-fA-F]+\])?"
    r"(?: in (?P<file>.+?):(?:line )?(?P<line>\d{1,9}))?\s*$"
)
_INNER = re.compile(r"\s*--->\s*")
_END_INNER = "--- End of inner exception stack trace ---"
_ASYNC_STEP = re.compile(r"^(?P<owner>.*)\.<(?P<method>[^>]+)>d__\d+$")
_JVM_SOURCES = frozenset({"Native Method", "Unknown Source"})
_FLAT_FRAME = "    at "
# Where a flattened trace's lines broke: before a frame, and around the end-of-trace markers.
_FLAT_BREAK = re.compile(r"(?=    at )|(?= --- End of )|(?<=location ---) |(?<=trace ---) ")


def hinted(text: str) -> bool:
    return "at " in text and "(" in text


def parse(lines: Sequence[str]) -> list[ExceptionInfo]:
    if any(line.count(_FLAT_FRAME) > 1 for line in lines):
        lines = _unflattened(lines)
    first = next((i for i, line in enumerate(lines) if _match(line) is not None), None)
    if first is None:
        return []
    headers = _headers(lines, first)
    # Frames in segments: the first belongs to the innermost exception, each end marker
    # passes on to the exception that wraps it.
    segments: list[list[Frame]] = [[]]
    i = first
    while i < len(lines):
        line = lines[i]
        m = _match(line)
        if m is not None:
            segments[-1].append(_frame(m))
        elif _END_INNER in line:
            segments.append([])
        elif not line.strip().startswith("--- End of stack trace"):
            break
        i += 1
    causes_first = headers[::-1] or [(None, None)]
    chain = []
    for index, (kind, value) in enumerate(causes_first):
        frames = segments[index] if index < len(segments) else []
        chain.append(ExceptionInfo(type=kind, value=value, frames=frames[::-1]))
    return chain


def _unflattened(lines: Sequence[str]) -> list[str]:
    """``lines`` with an exception flattened onto one line (Microsoft.Extensions.Logging's
    systemd console format writes each line break as a space) back on lines of their own."""
    out: list[str] = []
    for line in lines:
        if line.count(_FLAT_FRAME) < 2:
            out.append(line)
            continue
        for part in _FLAT_BREAK.split(line):
            if part.strip():
                out.append(part.rstrip())
    return out


def _match(line: str) -> re.Match[str] | None:
    if not line.lstrip().startswith("at "):
        return None
    m = _FRAME.match(line)
    if m is None:
        return None
    args = m.group("args")
    # Only .NET prints "in file:line N", Mono's "[0x..]" or typed parameters ("Int32 id", or
    # none); "(<anonymous>)" is V8's and "(Native Method)" the JVM's.
    plain = m.group("file") is None and m.group("mono") is None
    if plain and (m.group("space") or args in _JVM_SOURCES or (args and " " not in args)):
        return None
    return m


def _headers(lines: Sequence[str], first: int) -> list[tuple[str | None, str | None]]:
    """The exceptions named above the first frame, outermost first."""
    head = headline_above(lines, first, qualified=True, stop=lambda line: _match(line) is not None)
    while head is not None and lines[head.line].lstrip().startswith("--->") and head.line > 0:
        outer = headline_above(lines, head.line, qualified=True)
        if outer is None:
            break
        head = outer
    if head is None:
        return []
    text = "\n".join(lines[head.line : first])
    headers: list[tuple[str | None, str | None]] = []
    for index, chunk in enumerate(_INNER.split(text)):
        top, _, rest = chunk.partition("\n")
        found = match_headline(top, qualified=True) or (
            search_headline(top) if index == 0 else split_headline(top)
        )
        if found is None:
            continue
        value = "\n".join([found.value or "", rest]).strip() or None
        headers.append((found.type or None, value))
    return headers


def _frame(m: re.Match[str]) -> Frame:
    name = m.group("name")
    if name.endswith(("..ctor", "..cctor")):
        owner: str | None
        owner, _, method = name.rpartition("..")
        method = "." + method
    else:
        owner, method = split_member(name)
        step = _ASYNC_STEP.match(owner or "")
        if step is not None and method == "MoveNext":
            owner, method = step.group("owner"), step.group("method")
    method = method.partition("[")[0] or method  # generic arguments: Find[T]
    path = m.group("file")
    return Frame(
        function=method or None,
        module=owner or None,
        filename=path or None,
        lineno=number(m.group("line") or ""),
        in_app=False if class_in_app(owner) is False or path_in_app(path) is False else None,
    )
