"""JavaScript stacks, in the three engines' formats.

V8 (Chrome, Edge, Node, Deno): a ``Type: message`` headline, then ``    at fn (url:1:2)``,
``    at url:1:2``, ``    at async fn (...)``, ``    at new Foo (...)``,
``    at Array.map (<anonymous>)``, ``    at eval (eval at f (url:1:2), <anonymous>:1:1)``; Node's
``util.inspect`` form adds ``[cause]: Error: ...`` blocks (causes come out first).
SpiderMonkey (Firefox) and JavaScriptCore (Safari): ``fn@url:1:2``, ``@url:1:2``,
``async*fn@url:1:2``, ``global code@url:1:2``, ``[native code]``; ``error.stack`` holds no
headline there, so one is taken from just above the frames when the text has it.

Convention: ``function`` as the engine names it, without V8's ``async ``/``new `` prefixes, its
`` [as alias]`` suffix and Firefox's async-cause labels (``ProductList.render``,
``Object.<anonymous>``, ``render/<``); None for anonymous frames. ``filename`` is the URL or
path as printed, with ``lineno`` and ``colno``. Frames come out oldest first.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..stacktrace import ExceptionInfo, Frame
from .frames import Location, split_location
from .headlines import HeadlineAt, headline_above, split_headline
from .libraries import path_in_app

_BUILTIN_PLACES = frozenset({"<anonymous>", "native", "[native code]", "unknown location"})
_JSC_CODE = frozenset({"global code", "module code", "eval code", "anonymous function"})
_JS_PATHS = ("node:", "internal/")
_STACK_AFTER_MESSAGE = re.compile(r"(?<=\s)(?P<type>(?:[A-Z][\w$]*)?Error): (?P<msg>\S.*)$")


def hinted_v8(text: str) -> bool:
    return "at " in text


def hinted_gecko(text: str) -> bool:
    return "@" in text


# A logger's bracketed tags before a line's words: "[nuxt] [request error] [500] ".
_LEADING_TAGS = re.compile(r"^(?:\[[^\]\n]{1,40}\]\s*)+")
_NAMED = re.compile(r"^[\w.$]+(?: \[\w+\])?: ")


def parse_v8(lines: Sequence[str]) -> list[ExceptionInfo]:
    first = next((i for i, line in enumerate(lines) if v8_frame(line) is not None), None)
    if first is None:
        return []
    head = _headline(lines, first, v8_frame)
    blocks: list[tuple[str | None, str | None, list[Frame]]] = [
        (head.type or None if head else None, head.value if head else None, [])
    ]
    inspecting = False  # inside util.inspect's "{ ... }" after the frames
    i = first
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        frame = v8_frame(line)
        if frame is not None:
            blocks[-1][2].append(frame)
            inspecting = inspecting or stripped.endswith("{")
        elif stripped.startswith("[cause]:"):
            found = split_headline(stripped[len("[cause]:") :])
            kind = found.type or None if found else None
            blocks.append((kind, found.value if found else None, []))
        elif stripped.startswith("...") and "lines matching" in stripped:
            pass
        elif not (inspecting and stripped and stripped != "}"):
            break
        i += 1
    return [
        ExceptionInfo(type=kind, value=value, frames=frames[::-1])
        for kind, value, frames in reversed(blocks)
    ]


def parse_gecko(lines: Sequence[str]) -> list[ExceptionInfo]:
    first = next((i for i, line in enumerate(lines) if gecko_frame(line) is not None), None)
    if first is None:
        return []
    frames: list[Frame] = []
    for line in lines[first:]:
        frame = gecko_frame(line)
        if frame is None:
            if line.strip():
                break
            continue
        frames.append(frame)
    if not any(f.lineno is not None for f in frames):
        return []
    head = _headline(lines, first, gecko_frame)
    return [
        ExceptionInfo(
            type=head.type or None if head else None,
            value=head.value if head else None,
            frames=frames[::-1],
        )
    ]


def v8_frame(line: str) -> Frame | None:
    """The frame a V8 ``at ...`` line states, or None."""
    text = line.strip()
    if not text.startswith("at "):
        return None
    text = text[3:].strip().removesuffix(" {")
    function: str | None = None
    if text.endswith(")") and " (" in text:
        function, _, place = text[:-1].partition(" (")
        if place.startswith("eval at "):
            place = place.rpartition(", ")[2]
    else:
        place = text.removeprefix("async ")
        if " " in place:
            return None
    where = _place(place)
    if where is None:
        return None
    return _frame(_clean_v8_name(function), where)


def gecko_frame(line: str) -> Frame | None:
    """The frame a SpiderMonkey/JavaScriptCore ``fn@url:1:2`` line states, or None."""
    text = line.strip()
    function, at, place = text.partition("@")
    if not at or not place:
        return None
    function = function.rpartition("*")[2]  # "async*", "promise callback*"
    if function and any(c.isspace() for c in function) and function not in _JSC_CODE:
        return None
    where = _place(place)
    if where is None:
        return None
    if function in _JSC_CODE:
        function = ""
    return _frame(function or None, where)


def _headline(
    lines: Sequence[str], first: int, frame_of: Callable[[str], Frame | None]
) -> HeadlineAt | None:
    head = headline_above(lines, first, stop=lambda line: frame_of(line) is not None)
    if head is None and first > 0:
        # A logger's message, then ``err.stack`` on the same line ("request failed Error: x"):
        # right above the frames even a bare "Error" is the error's type.
        stated = _STACK_AFTER_MESSAGE.search(lines[first - 1])
        if stated is not None:
            return HeadlineAt(first - 1, stated["type"], stated["msg"].strip())
        # A custom error name that does not end like one ("class Declined extends Error"),
        # right above the frames.
        found = split_headline(lines[first - 1])
        if found is not None and found.type[:1].isupper() and found.type.isidentifier():
            return HeadlineAt(first - 1, found.type, found.value)
        # An error's message alone over its frames, after a logger's tags ("[nuxt] [request
        # error] [unhandled] [500] No signatures found ..."): its message, without a type.
        # (Not "name: message" with a name no headline reads, "DOMException [TimeoutError]:
        # ...", node-postgres' "error: ...": the record's own fields say those better.)
        said = _LEADING_TAGS.sub("", lines[first - 1].strip())
        if len(said.split()) >= 3 and not said.endswith((":", "{", "}")) and not _NAMED.match(said):
            return HeadlineAt(first - 1, "", said)
    return head


def _place(text: str) -> Location | None:
    if text in _BUILTIN_PLACES or text.startswith("index "):
        return Location(text, None, None)
    where = split_location(text)
    if where is None or not where.filename or where.lineno is None:
        return None
    return where


def _frame(function: str | None, where: Location) -> Frame:
    # "(<anonymous>)" alone is a builtin; "<anonymous>:1:9" is code handed to eval.
    builtin = where.lineno is None and (
        where.filename in _BUILTIN_PLACES or where.filename.startswith("index ")
    )
    in_app = False if builtin or where.filename.startswith(_JS_PATHS) else None
    return Frame(
        function=function,
        filename=where.filename,
        lineno=where.lineno,
        colno=where.colno,
        in_app=in_app if in_app is False else path_in_app(where.filename),
    )


def _clean_v8_name(name: str | None) -> str | None:
    if not name:
        return None
    name = name.removeprefix("async ").removeprefix("new ")
    if name.endswith("]") and " [as " in name:
        name = name.rpartition(" [as ")[0]
    return name.strip() or None
