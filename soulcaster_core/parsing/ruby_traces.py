"""Ruby backtraces.

Reads Ruby's own report, ``app/x.rb:42:in 'method': message (Type)`` (the innermost frame and
the headline on one line; a message continues on the lines below it) then ``\tfrom
app/y.rb:10:in 'caller'`` lines; both the backtick (``in `show'``, before Ruby 3.4) and the
quote form (``in 'Orders#show'``), with ``block in``/``rescue in`` labels. Ruby 3.1+ prints a
cause after its exception with a headline of its own: causes come out first. Also Rails' log
form, ``NoMethodError (undefined method ...):`` over bare ``app/x.rb:42:in 'm'`` lines, and
what Ruby's ``Logger`` writes for an exception (``E, [time #pid] ERROR -- : message (Type)``
over its backtrace), and a backtrace joined onto one line (Action Cable's "Could not execute
command from (...) [Type - message]: frame | frame", lograge's ``frame -- frame``).

Convention: ``function`` is the method as labelled, with its ``block in``-style prefix kept
(``total``, ``block in total``, ``<main>``); a class the label names goes to ``module``
(``'Orders#show'`` gives ``Orders`` and ``show``). ``filename`` as printed, ``type`` as printed
(``ActiveRecord::RecordNotFound``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from ..stacktrace import ExceptionInfo, Frame
from .frames import number
from .libraries import path_in_app

_RAISED = re.compile(r":\s(?P<msg>.*)\((?P<type>[A-Z]\w*(?:::[A-Z]\w*)*)\)\s*$")
# Rails' "Type (message):", alone on its line or after the context of an ActiveJob failure
# ("... Error performing MeterReadReminderJob (...) in 106.84ms: ActiveJob::... (...):").
_RAILS = re.compile(r"(?:^|: )(?P<type>[A-Z]\w*(?:::[A-Z]\w*)*) \((?P<msg>.*)\):\s*$", re.DOTALL)
# Its message may run over lines (PostgreSQL's DETAIL below its ERROR): the head opens on one
# line and the "):" closes it on a later one.
# (Only a type that looks like one opens it, at the start of its line: any other line of the
# log may hold "Word (" and a line of code below it end with "):".)
_RAILS_OPEN = re.compile(r"^(?:[A-Z]\w*(?:::[A-Z]\w*)+|[A-Z]\w*(?:Error|Exception)) \(.*$")
# "Prawn::Errors::CannotFit: message" on the line above the frames (Sidekiq, most loggers).
_PLAIN = re.compile(r"^(?P<type>[A-Z]\w*(?:::[A-Z]\w*)+|[A-Z]\w*(?:Error|Exception)): (?P<msg>.*)$")
# Ruby's Logger writes "E, [2026-03-09T04:52:09.784345 #9] ERROR -- progname: " before a
# message; logging an exception gives "message (Type)", then its backtrace on the next lines.
_LOGGER_HEAD = re.compile(r"^[DIWEFA], \[[^\]]*\]\s+[A-Z]+ -- [^:]*: ")
# Semantic Logger's default format: "... Rails -- <message> -- Exception: Type: message".
_SEMANTIC = re.compile(r" -- Exception: (?P<type>[A-Z]\w*(?:::[A-Z]\w*)*): (?P<msg>.*)$")
_LOGGED = re.compile(r"^(?P<msg>.*\S) \((?P<type>[A-Z]\w*(?:::[A-Z]\w*)*)\)$")
# Sinatra's dump_errors!: "<time> - <Type> - <message>:", the backtrace below it, one tab each.
_SINATRA = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d - (?P<type>[A-Z]\w*(?:::[A-Z]\w*)*) - (?P<msg>.*?):?$"
)
# Action Cable logs a failed command as "... [Type - message]: " then the first five frames
# joined with " | ", all on one line; lograge setups join a backtrace with " -- " or ", ".
_JOINED_HEAD = re.compile(r"\[(?P<type>[A-Z]\w*(?:::[A-Z]\w*)*) - (?P<msg>.*?)\]: $")
_JOINED_FRAME = re.compile(r"\S+:\d+:in [`'][^'\n]*'")
_LABEL = re.compile(
    r"^(?P<prefix>(?:block (?:\(\d+ levels\) )?|rescue |ensure )in )?"
    r"(?:(?P<owner>[A-Z][\w:]*)[#.])?(?P<name>.+)$"
)


class _Line(NamedTuple):
    frame: Frame
    #: What follows the frame on its line: ": message (Type)" for a headline.
    rest: str


# Rails' headline of a namespaced error, as its FATAL block prints it even when the backtrace
# cleaner left no frame ("ActionController::InvalidAuthenticityToken (...):").
_RAILS_NAMESPACED = re.compile(r"(?:^|: )[A-Z]\w*(?:::[A-Z]\w*)+ \(.*\):[ \t]*$", re.MULTILINE)


# A method label without its opening quote: "create'", "block in total'", "<main>'".
_BARE_LABEL = re.compile(r"[\w<][^'\n]{0,200}'")
_BARE_FRAME = re.compile(r"\.rb:\d+:in " + _BARE_LABEL.pattern)


def hinted(text: str) -> bool:
    return (
        ":in `" in text
        or ":in '" in text
        or (".rb:" in text and _BARE_FRAME.search(text) is not None)
        or ("::" in text and "):" in text and _RAILS_NAMESPACED.search(text) is not None)
    )


def parse(lines: Sequence[str]) -> list[ExceptionInfo]:
    if any(line.count(":in ") > 1 for line in lines):
        lines = _unjoined(lines)
    lines = _rails_heads_joined(lines)
    # Each block: type, message, frames innermost first; the thrown exception first.
    blocks: list[tuple[str | None, str | None, list[Frame]]] = []
    above: re.Match[str] | None = None  # a plain headline on the line before the frames
    i = 0
    while i < len(lines):
        line = lines[i]
        found = _frame_line(line)
        if found is not None:
            raised = _RAISED.match(found.rest) if found.rest else None
            if raised is None and not blocks:
                raised = above
            if raised is not None or not blocks:
                kind = raised.group("type") if raised else None
                msg = raised.group("msg").strip() if raised else None
                i, msg = _message(lines, i + 1, msg)
                blocks.append((kind, msg, [found.frame]))
                continue
            blocks[-1][2].append(found.frame)
        elif (rails := _RAILS.search(line.strip())) is not None:
            blocks.append((rails.group("type"), rails.group("msg").strip() or None, []))
        elif blocks and blocks[-1][2] and line.strip():
            break  # the backtrace has ended
        elif not blocks and line.strip():  # a blank line keeps the headline above it
            said = _LOGGER_HEAD.sub("", line.strip())
            # (A line that states no exception, such as PostgreSQL's DETAIL under its error,
            # keeps the headline above it.)
            above = (
                _PLAIN.match(said)
                or _SINATRA.match(said)
                or _LOGGED.match(said)
                or _SEMANTIC.search(said)
                or above
            )
        i += 1
    return [
        ExceptionInfo(type=kind, value=msg, frames=frames[::-1])
        for kind, msg, frames in reversed(blocks)
    ]


def _unjoined(lines: Sequence[str]) -> list[str]:
    """``lines`` with a backtrace joined onto one line split into a line per frame, what came
    before the first frame on the line above them (an Action Cable ``[Type - message]:`` head
    as Logger's "message (Type)")."""
    out: list[str] = []
    for line in lines:
        frames = list(_JOINED_FRAME.finditer(line)) if line.count(":in ") > 1 else []
        if len(frames) < 2:
            out.append(line)
            continue
        before = line[: frames[0].start()]
        head = _JOINED_HEAD.search(before)
        if head is not None:
            out.append(f"{head.group('msg')} ({head.group('type')})")
        elif before.strip():
            out.append(before.rstrip())
        out.extend(frame.group(0) for frame in frames)
    return out


def _rails_heads_joined(lines: Sequence[str]) -> Sequence[str]:
    """``lines`` with a Rails head whose message runs over lines as one element (its lines
    kept), so that ``_RAILS`` reads it: ``Type (ERROR: ...`` / ``DETAIL: ...):``. A head not
    closed within a few lines, or before a frame, is left as it is."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        head = line.strip()
        opens = _RAILS_OPEN.search(head) is not None and _RAILS.search(head) is None
        close = _rails_close(lines, i) if opens else None
        if close is None:
            out.append(line)
            i += 1
            continue
        out.append("\n".join(part.strip() for part in lines[i : close + 1]))
        i = close + 1
    return out


def _rails_close(lines: Sequence[str], head: int) -> int | None:
    """The line, a few below ``head`` and above any frame, that ends with the head's "):"."""
    for end in range(head + 1, min(head + 5, len(lines))):
        if _frame_line(lines[end]) is not None:
            return None
        if lines[end].rstrip().endswith("):"):
            return end
    return None


def _message(lines: Sequence[str], i: int, msg: str | None) -> tuple[int, str | None]:
    """The lines from ``lines[i]`` that continue a message, up to the next frame."""
    more: list[str] = []
    while i < len(lines) and len(more) < 20 and msg is not None:
        if _frame_line(lines[i]) is not None or not lines[i].strip():
            break
        more.append(lines[i].rstrip())
        i += 1
    if more:
        msg = "\n".join([msg or "", *more]).strip()
    return i, msg or None


def _frame_line(line: str) -> _Line | None:
    """The frame ``path:42:in 'label'`` on ``line`` (after ``from`` or a log prefix); also
    ``path.rb:42:in label'``, whose opening backtick a text-only rendering dropped (Datadog's
    ``$TEXT_ONLY_MSG`` strips markdown)."""
    at = line.find(":in ")
    if at < 0 or at + 5 >= len(line):
        return None
    opened = line[at + 4] in "`'"
    if not opened and not (_BARE_LABEL.match(line, at + 4) and ".rb:" in line[:at]):
        return None
    before = line[:at]
    path, sep, lineno = before.rpartition(":")
    if not sep or not lineno.isdigit():
        return None
    path = path.split()[-1] if path.split() else ""
    start = at + 5 if opened else at + 4
    close = line.find("'", start)
    if not path or close < 0:
        return None
    label = line[start:close]
    owner, function = _split_label(label)
    frame = Frame(
        function=function,
        module=owner,
        filename=path,
        lineno=number(lineno),
        in_app=path_in_app(path),
    )
    return _Line(frame, line[close + 1 :])


def _split_label(label: str) -> tuple[str | None, str | None]:
    m = _LABEL.match(label)
    if m is None:
        return None, label or None
    return m.group("owner"), (m.group("prefix") or "") + m.group("name")
