"""Rust panics, ``std::backtrace`` stacks and ``anyhow`` error chains.

Reads the panic message the default hook prints, since Rust 1.73 ``thread 'main' panicked at
src/a.rs:12:5:`` with the message on the lines below, before it ``thread 'main' panicked at
'message', src/a.rs:12:5``; the ``stack backtrace:`` (or anyhow's ``Stack backtrace:``) frames,
innermost first, each a numbered symbol with its ``at path:line:column`` on the next line
(``RUST_BACKTRACE=full`` adds the address before the symbol); and an ``anyhow::Error`` printed
with ``{:?}``: the outer context on the first line, then ``Caused by:`` and the causes, one
per line (numbered when there are several), the root cause last.

A panic is one exception of type ``panic`` (as sentry-rust names it); an anyhow chain gives
one exception per message, the root cause first and the outer context last, carrying the
frames. Neither prints a type name.

Convention (sentry-rust's): ``function`` is the symbol as printed
(``payslips::render::layout::place_totals``, ``ledger::post::{{closure}}``), ``module`` None,
``filename`` the path as printed. Frames of the standard library (``/rustc/<hash>/``, ``std::``,
``core::``, ``alloc::``) and of crates from a registry (``/.cargo/registry/``) are not in-app.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..stacktrace import ExceptionInfo, Frame
from .frames import split_location

_PANICKED = re.compile(r"thread '[^']*' panicked at (?P<rest>.*)$")
# Before Rust 1.73: thread 'main' panicked at 'message', src/main.rs:4:5
_OLD_PANIC = re.compile(r"^'(?P<msg>.*)', (?P<where>\S+:\d+(?::\d+)?)$")
_BACKTRACE = re.compile(r"^\s*(?:stack backtrace|Stack backtrace):\s*$")
_SYMBOL = re.compile(r"^\s*\d{1,4}:\s+(?:0x[0-9a-f]+ - )?(?P<fn>\S.*?)\s*$")
_AT = re.compile(r"^\s+at (?P<where>\S.*?)\s*$")
_CAUSE = re.compile(r"^\s+(?:\d{1,3}: )?(?P<msg>\S.*?)\s*$")
_NOTES = ("note: ", "[signal ")
_LIBRARY_FUNCTIONS = ("std::", "core::", "alloc::", "<std::", "<core::", "<alloc::")
_LIBRARY_PATHS = ("/rustc/", "/.cargo/registry/", "/cargo/registry/", "/.cargo/git/")


def hinted(text: str) -> bool:
    return " panicked at " in text or "acktrace:" in text or "\nCaused by:" in text


def parse(lines: Sequence[str]) -> list[ExceptionInfo]:
    chain = _panic(lines) or _anyhow(lines)
    # Without a backtrace, a panic's location is where it happened: its one frame.
    frames = _backtrace(lines) or (chain[-1].frames if chain else [])
    if not chain:
        if not frames:
            return []
        chain = [ExceptionInfo()]
    thrown = chain[-1]
    chain[-1] = ExceptionInfo(type=thrown.type, value=thrown.value, frames=frames)
    return chain


def _panic(lines: Sequence[str]) -> list[ExceptionInfo]:
    for index, line in enumerate(lines):
        found = _PANICKED.search(line)
        if found is None:
            continue
        rest = found.group("rest").strip()
        old = _OLD_PANIC.match(rest)
        if old is not None:
            where = [_location_frame(old.group("where"))]
            return [ExceptionInfo(type="panic", value=old.group("msg") or None, frames=where)]
        message: list[str] = []
        for following in lines[index + 1 :]:
            if _BACKTRACE.match(following) or following.startswith(_NOTES):
                break
            message.append(following.rstrip())
        said = "\n".join(message).strip() or None
        return [ExceptionInfo(type="panic", value=said, frames=[_location_frame(rest[:-1])])]
    return []


def _location_frame(where: str) -> Frame:
    """The frame of a panic's ``path:line:column`` (no function: the hook prints none)."""
    location = split_location(where)
    return _frame("", location) if location else Frame(filename=where or None)


def _anyhow(lines: Sequence[str]) -> list[ExceptionInfo]:
    """``{:?}`` of an anyhow error: context, blank line, ``Caused by:``, causes."""
    try:
        caused = next(i for i, line in enumerate(lines) if line.strip() == "Caused by:")
    except StopIteration:
        return []
    outer = "\n".join(line.strip() for line in lines[:caused]).strip()
    causes: list[str] = []
    for line in lines[caused + 1 :]:
        if not line.strip() or _BACKTRACE.match(line):
            break
        found = _CAUSE.match(line)
        if found is None:
            break
        causes.append(found.group("msg"))
    if not outer or not causes:
        return []
    return [ExceptionInfo(value=message) for message in [*causes[::-1], outer]]


def _backtrace(lines: Sequence[str]) -> list[Frame]:
    """The frames after a backtrace header, oldest first."""
    try:
        start = next(i for i, line in enumerate(lines) if _BACKTRACE.match(line))
    except StopIteration:
        return []
    frames: list[Frame] = []
    i = start + 1
    while i < len(lines):
        symbol = _SYMBOL.match(lines[i])
        if symbol is None:
            break
        where = _AT.match(lines[i + 1]) if i + 1 < len(lines) else None
        location = split_location(where.group("where")) if where else None
        frames.append(_frame(symbol.group("fn"), location))
        i += 2 if where else 1
    return frames[::-1]


def _frame(function: str, location: tuple[str, int | None, int | None] | None) -> Frame:
    path = location[0] if location else None
    library = function.startswith(_LIBRARY_FUNCTIONS) or function == "rust_begin_unwind"
    if path and any(mark in path for mark in _LIBRARY_PATHS):
        library = True
    return Frame(
        function=function,
        filename=path,
        lineno=location[1] if location else None,
        colno=location[2] if location else None,
        in_app=False if library else None,
    )
