"""PHP exceptions, as PHP reports an uncaught one and as ``(string) $exception`` reads.

Reads ``PHP Fatal error:  Uncaught Exception: message in /path/file.php:12`` (also without
``PHP``, after a log prefix, or a bare ``Type: message in file:line``), ``Stack trace:`` with
``#0 /path/file.php(30): App\\Order->load(42)``, ``#1 [internal function]: ...``,
``#2 {main}`` entries, ``Next Type: ...`` blocks (the wrapping exception: causes come first,
as PHP prints them), Laravel's ``[object] (Type(code: 0): message at /path:12)`` with
``[stacktrace]`` and ``[previous exception]`` blocks (printed thrown first; causes come first),
Slim's plain-text error (``Type:``, ``Message:``, ``File:``, ``Line:``, ``Trace: #0 ...``) and
CodeIgniter 4's log record (``Type: message``, ``in APPPATH/x.php on line 27.``, entries numbered
from 1 without ``#``; ``SYSTEMPATH/`` is the framework's) and CakePHP's ``ErrorLogger`` record
(``[Type] message in /path/file.php on line 12``, ``Caused by: [Type] ...`` for each previous
exception, ``Stack Trace:`` and one ``- /path/file.php:12`` point a frame: places without
functions).

PHP's entry ``#0 file(30): App\\Order->load()`` says that line 30 of ``file`` *calls* ``load``;
frames are rebuilt as the SDKs build them, each line with the function it runs in: the
innermost frame is the exception's own ``file:line`` in ``load``, the frame at ``file:30`` runs
in the function entry ``#1`` names, and so on up to ``{main}``.

Convention: ``module`` is the class or namespace (``App\\Order``), ``function`` the bare name
(``load``, ``{closure}``, ``{main}``), ``filename`` as printed (``[internal function]`` for
PHP's own), ``type`` as printed (``App\\Exceptions\\NotFound``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from ..stacktrace import ExceptionInfo, Frame
from .frames import number, split_member
from .libraries import path_in_app

_TYPE = re.compile(r"\\?[A-Za-z_][\w\\]*")
# ("DETAIL: ", "HINT: ": PostgreSQL's fields of an error message, on the lines of a message
# that runs over lines, are no exception's type.)
_TOSTRING = re.compile(
    r"^\s*(?!(?:DETAIL|HINT|CONTEXT|WHERE|STATEMENT|QUERY|LOCATION|LINE \d+): )"
    r"\\?[A-Za-z_][\w\\]*: "
)
_INTERNAL = "[internal function]"
_MARKERS = ("Stack trace:", "[stacktrace]")
_SLIM_TRACE = "Trace: #0 "
_PHP_ERROR = re.compile(
    r"PHP (?P<level>Warning|Notice|Deprecated):\s+(?P<msg>.+?) in (?P<file>\S+) on line "
    r"(?P<line>\d{1,9})"
)
# What frameworks register with set_error_handler (CodeIgniter's, Laravel's, Symfony's).
_ERROR_HANDLERS = frozenset({"errorHandler", "handleError"})
_CI4_WHERE = re.compile(r"^in (?P<file>\S+) on line (?P<line>\d{1,9})\.$")
_CI4_ENTRY = re.compile(r"^\s*(?P<n>\d{1,4}) (?P<rest>\S.*)$")
# CodeIgniter 4 names its own and Composer's code by these constants in its backtraces.
_LIBRARY_MARKS = ("/vendor/", "SYSTEMPATH/", "VENDORPATH/")
# Symfony's HttpKernel: 'Uncaught PHP Exception Type: "message" at /path/file.php line 12'.
_SYMFONY_AT = re.compile(r'^"(?P<msg>.*)" at (?P<file>\S+) line (?P<line>\d{1,9})\b')
# CakePHP's ErrorLogger: its points trace under "Stack Trace:" (capital T), a header per
# exception, thrown first, the message possibly over several lines up to its location.
_CAKE_MARKER = "Stack Trace:"
_CAKE_HEAD = re.compile(r"(?:^|\s)\[(?P<type>\\?[A-Za-z_][\w\\]*)\] (?P<rest>.*)$")
_CAKE_WHERE = re.compile(r"^(?P<msg>.*?)\s*\bin (?P<file>\S+\.php) on line (?P<line>\d{1,9})$")
_CAKE_CAUSE = "Caused by: "
_CAKE_POINT = re.compile(r"^- (?P<file>\S+?):(?P<line>\d{1,9})$")


class _Entry(NamedTuple):
    """One ``#N`` line: where a call is made (None for PHP's own) and what it calls."""

    filename: str | None
    lineno: int | None
    call: str


class _Header(NamedTuple):
    type: str | None
    value: str | None
    filename: str | None
    lineno: int | None


def hinted(text: str) -> bool:
    return "#0 " in text or "Uncaught " in text or " on line " in text or _NORMALIZED in text


def parse(lines: Sequence[str]) -> list[ExceptionInfo]:
    chain: list[ExceptionInfo] = []
    thrown_first = False  # Laravel and Slim print the thrown exception, then its causes
    floor = 0
    i = 0
    while i < len(lines):
        if lines[i].startswith(_SLIM_TRACE):
            # Slim's plain-text error: "Type:", "Message:", "File:", "Line:" above it, and the
            # trace's first entry on the marker's own line.
            header = _slim_header(lines, i, floor)
            thrown_first = True  # its "Previous Error:" blocks follow
            first = "#0 " + lines[i][len(_SLIM_TRACE) :]
            entries, read = _entries([first, *lines[i + 1 :]], 0)
            i += max(read, 1)
            chain.append(_exception(header, entries))
            floor = i
            continue
        if lines[i].strip() == _CAKE_MARKER:
            cake, i = _cake_chain(lines, floor, i)
            chain.extend(cake)
            thrown_first = True
            floor = i
            continue
        if (where := _CI4_WHERE.match(lines[i])) is not None and i:
            # CodeIgniter 4: "Type: message", "in APPPATH/x.php on line 27.", then its
            # backtrace numbered from 1 without "#".
            head = _read_header(lines[i - 1].rpartition(" --> ")[2])
            header = head._replace(filename=where["file"], lineno=number(where["line"]))
            numbered = []
            for line in lines[i + 1 :]:
                entry = _CI4_ENTRY.match(line)
                if entry is None:
                    break
                numbered.append(f"#{entry['n']} {entry['rest']}")
            entries, _ = _entries(numbered, 0)
            chain.append(_exception(header, entries))
            i += 1 + len(numbered)
            floor = i
            continue
        if lines[i].strip().endswith(_MARKERS):
            header, is_laravel = _header_above(lines, i, floor)
            thrown_first = thrown_first or is_laravel
            entries, i = _entries(lines, i + 1)
            chain.append(_exception(header, entries))
            floor = i
            continue
        i += 1
    if not chain and (bare := _bare_entries(lines)) is not None:
        return [bare]
    if not chain and _NORMALIZED in (text := "\n".join(lines)) and (normal := _normalized(text)):
        return normal
    if not chain:
        for line in lines:
            if "Uncaught " in line:
                header = _read_header(line.partition("Uncaught ")[2])
                if header.type:
                    return [_exception(header, [])]
            elif (said := _PHP_ERROR.search(line)) is not None:
                # A warning or notice PHP logged: sentry-php reports it as an ErrorException
                # whose message starts with the level ("Warning: Undefined array key ...").
                header = _Header(
                    "ErrorException",
                    f"{said['level']}: {said['msg'].strip()}",
                    said["file"],
                    number(said["line"]),
                )
                return [_exception(header, [])]
        return []
    return chain[::-1] if thrown_first else chain


# How Monolog writes an exception in a record's context without its trace (Symfony's default
# line format): "[object] (Type(code: 0): message at /path/file.php:12)", each previous
# exception after "[previous exception] ".
_NORMALIZED = "[object] ("
_PREVIOUS = "[previous exception] "
_THROWN_AT = re.compile(r" at \S+\.php:\d{1,9}\)")


def _normalized(text: str) -> list[ExceptionInfo]:
    """The chain of Monolog's normalized exceptions in ``text``, cause first; each knows only
    where it was thrown."""
    thrown, *previous = text.partition(_NORMALIZED)[2].split(_PREVIOUS)
    said = [thrown, *(p.partition(_NORMALIZED)[2] for p in previous)]
    # Each ends where it says where it was thrown (the record's JSON may follow).
    ends = [(part, _THROWN_AT.search(part)) for part in said]
    headers = [_read_laravel(part[: end.end()]) for part, end in ends if end]
    return [_exception(h, []) for h in headers if h.type][::-1]


# Laravel's {{error.stack}} as a log field renders it: "at /path/file.php:337" for where it was
# thrown, then the "#0 ..." entries, with no exception line and no "Stack trace:" marker.
_AT_WHERE = re.compile(r"^\s*at (?P<file>\S+\.php):(?P<line>\d{1,9})\s*$")


def _bare_entries(lines: Sequence[str]) -> ExceptionInfo | None:
    """The frames of ``#0 ...`` entries printed without a header (type and message unsaid)."""
    first = next((i for i, line in enumerate(lines) if line.lstrip().startswith("#0 ")), None)
    if first is None:
        return None
    entries, _ = _entries(lines, first)
    if not entries:
        return None
    where = _AT_WHERE.match(lines[first - 1]) if first else None
    header = _Header(
        None,
        None,
        where["file"] if where else None,
        number(where["line"]) if where else None,
    )
    return _exception(header, entries)


def _header_above(lines: Sequence[str], marker: int, floor: int) -> tuple[_Header, bool]:
    """The exception stated above a ``Stack trace:`` line, and whether it is Laravel's."""
    for j in range(marker - 1, max(floor, marker - 20) - 1, -1):
        # (CodeIgniter's log record says its level and time first: "ERROR - <time> --> ".)
        line = lines[j].rpartition(" --> ")[2]
        text = "\n".join(
            [line, *lines[j + 1 : marker], lines[marker].rpartition("Stack trace:")[0]]
        )
        if "[object] (" in line:
            return _read_laravel(text.partition("[object] (")[2]), True
        if "Uncaught " in line:
            return _read_header(text.partition("Uncaught ")[2]), False
        if line.startswith("Next "):
            return _read_header(text[len("Next ") :]), False
        if _TOSTRING.match(line):
            return _read_header(text), False
    own = lines[marker].rpartition("Stack trace:")[0]
    return _read_header(own.partition("Uncaught ")[2] or own), False


def _cake_chain(lines: Sequence[str], floor: int, marker: int) -> tuple[list[ExceptionInfo], int]:
    """CakePHP's record above and below its ``Stack Trace:`` line, thrown first, and the line
    after its points. The points are the thrown exception's; each cause keeps its own place."""
    headers: list[_Header] = []
    pending: tuple[str, list[str]] | None = None
    for line in lines[floor:marker]:
        text = line.strip()
        cause = text.startswith(_CAKE_CAUSE)
        head = _CAKE_HEAD.search(text.removeprefix(_CAKE_CAUSE) if cause else text)
        if head is not None and (cause or not headers) and (pending is None or cause):
            pending = (_name(head["type"]), [head["rest"]])
        elif pending is not None:
            pending[1].append(text)
        else:
            continue
        if pending is not None and (where := _CAKE_WHERE.match(pending[1][-1])) is not None:
            said = [*pending[1][:-1], where["msg"]]
            message = "\n".join(part for part in said if part) or None
            headers.append(_Header(pending[0], message, where["file"], number(where["line"])))
            pending = None
    i = marker + 1
    points: list[tuple[str, int | None]] = []
    while i < len(lines) and (point := _CAKE_POINT.match(lines[i].strip())) is not None:
        points.append((point["file"], number(point["line"])))
        i += 1
    if not headers:
        return [], i
    chain = []
    for index, header in enumerate(headers):
        places = points if index == 0 and points else [(header.filename, header.lineno)]
        frames = [
            Frame(
                filename=path,
                lineno=lineno,
                in_app=False if path_in_app(path, _LIBRARY_MARKS) is False else None,
            )
            for path, lineno in places
            if path
        ]
        chain.append(ExceptionInfo(type=header.type, value=header.value, frames=frames[::-1]))
    return chain, i


def _slim_header(lines: Sequence[str], marker: int, floor: int) -> _Header:
    """The ``Type:``, ``Message:``, ``File:`` and ``Line:`` lines above Slim's ``Trace:``."""
    said: dict[str, str] = {}
    for line in lines[max(floor, marker - 20) : marker]:
        key, sep, value = line.partition(": ")
        if sep and key in ("Type", "Message", "File", "Line"):
            said[key] = value.strip()
    kind = said.get("Type")
    return _Header(
        _name(kind) if kind and _TYPE.fullmatch(kind) else None,
        said.get("Message") or None,
        said.get("File"),
        number(said.get("Line", "")),
    )


def _read_header(text: str) -> _Header:
    """``Type: message in /path/file.php:12``, or Symfony's ``PHP Exception Type: "message"
    at /path/file.php line 12``."""
    kind, said, rest = text.strip().removeprefix("PHP Exception ").partition(": ")
    if not _TYPE.fullmatch(kind) or not (said or " in " in text):
        # (PHP names a type before ": " or, with no message, before " in <file>"; Litestar's
        # and Tornado's "Uncaught exception" names none.)
        return _Header(None, text.strip() or None, None, None)
    if (symfony := _SYMFONY_AT.match(rest)) is not None:
        return _Header(_name(kind), symfony["msg"], symfony["file"], number(symfony["line"]))
    message, filename, lineno = _cut_location(rest, " in ")
    return _Header(_name(kind), message, filename, lineno)


def _read_laravel(text: str) -> _Header:
    """``Type(code: 0): message at /path/file.php:12)``."""
    kind, _, rest = text.partition("(code: ")
    rest = rest.partition("): ")[2].strip().removesuffix(")")
    if not _TYPE.fullmatch(kind):
        return _Header(None, rest or None, None, None)
    message, filename, lineno = _cut_location(rest, " at ")
    return _Header(_name(kind), message, filename, lineno)


def _cut_location(text: str, word: str) -> tuple[str | None, str | None, int | None]:
    """The message and the ``file:line`` that ends it after ``word``."""
    at = text.rfind(word)
    if at >= 0:
        path, _, line = text[at + len(word) :].strip().rpartition(":")
        lineno = number(line)
        if path and lineno is not None:
            return text[:at].strip() or None, path, lineno
    return text.strip() or None, None, None


def _entries(lines: Sequence[str], i: int) -> tuple[list[_Entry], int]:
    entries: list[_Entry] = []
    while i < len(lines):
        text = lines[i].strip()
        number_, _, rest = text.partition(" ")
        if not text.startswith("#") or not number_[1:].isdigit():
            break
        i += 1
        if rest == "{main}":
            entries.append(_Entry(None, None, "{main}"))
            break
        if rest.startswith(_INTERNAL + ": "):
            entries.append(_Entry(_INTERNAL, None, rest[len(_INTERNAL) + 2 :]))
            continue
        where, sep, call = rest.partition("): ")
        path, _, line = where.rpartition("(")
        if sep and path:
            entries.append(_Entry(path, number(line), call))
    while i < len(lines) and lines[i].strip().startswith("thrown in "):
        i += 1
    return entries, i


def _exception(header: _Header, entries: list[_Entry]) -> ExceptionInfo:
    # Innermost first: the throw site runs in what entry #0 calls; entry #k's line runs in
    # what entry #k+1 calls.
    places: list[tuple[str | None, int | None]] = [(header.filename, header.lineno)]
    places += [(e.filename, e.lineno) for e in entries if e.call != "{main}" or e.filename]
    calls = [e.call for e in entries]
    frames: list[Frame] = []
    for index, (path, lineno) in enumerate(places):
        if path is None and index == 0 and not calls:
            continue
        module, function = _split_call(calls[index]) if index < len(calls) else (None, None)
        library = path == _INTERNAL or path_in_app(path, _LIBRARY_MARKS) is False
        frames.append(
            Frame(
                function=function,
                module=module,
                filename=path,
                lineno=lineno,
                in_app=False if library else None,
            )
        )
    if calls and _split_call(calls[0])[1] in _ERROR_HANDLERS and len(frames) > 1:
        # A PHP warning turned exception: the engine called the framework's error handler at
        # the faulting line, which the next frame names again; SDKs leave the handler out.
        frames = frames[1:]
    return ExceptionInfo(type=header.type, value=header.value, frames=frames[::-1])


def _split_call(call: str) -> tuple[str | None, str | None]:
    """``("App\\Order", "load")`` from ``App\\Order->load(42)``."""
    closure = call.find("{closure")
    name = call[:closure] + "{closure}" if closure >= 0 else call.partition("(")[0]
    module, function = split_member(_name(name), ("->", "::", "\\"))
    return module, function or None


def _name(text: str) -> str:
    # Laravel writes names JSON-escaped into its log: "App\\Models\\Order".
    return text.replace("\\\\", "\\").strip()
