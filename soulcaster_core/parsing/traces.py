"""Stack traces as text, read into the structures SDKs send (``ExceptionInfo`` with ``Frame``).

``parse_trace(text)`` promises:

- every exception the text states, **cause first and the thrown one last**, each with its
  frames **oldest first** (as Sentry orders them), whatever order the language prints;
- lines before and around the trace (a log record's prefix, the next record) are ignored;
- with no frames, one ``Type: message`` headline (``KeyError: 'user_id'``, a type whose name
  ends like one: ``...Error``, ``...Exception``...) still gives one exception without frames;
- a trace flattened onto one line with escaped line breaks (logfmt's ``error="...\\n..."``)
  is read unescaped when that gives frames;
- ``[]`` when the text holds neither; it never raises;
- bounded work: at most ``MAX_CHARS`` of text are read (its start and its end, where Python
  prints the thrown exception), ``MAX_FRAMES`` frames per exception (the innermost kept) and
  ``MAX_EXCEPTIONS`` per chain (the thrown end kept). A text without a trace costs a few
  substring tests.

Languages and their conventions (each module's docstring has the details):

======================  ==============================  =====================================
language (module)       ``module``                      ``function``
======================  ==============================  =====================================
Python                  None                            ``compute_total``
JVM (Java, Kotlin...)   class ``com.shop.Billing``      method ``total``
.NET                    type ``Shop.Billing``           method ``Total``
JavaScript (3 engines)  None                            as named: ``ProductList.render``
Go                      package ``github.com/x/api``    ``(*Server).handle`` (sentry-go's)
Ruby                    class in the label, if any      ``show``, ``block in show``
Elixir                  ``Seatmap.Holds``               ``Seatmap.Holds.place/2`` (as printed)
Rust                    None                            ``ledger::post::{{closure}}`` (as printed)
PHP                     class/namespace ``App\\Order``  method ``load``
======================  ==============================  =====================================

``filename`` is the path or URL as printed, with ``lineno`` and ``colno`` where printed.
``in_app`` is False for frames of libraries and runtimes (``libraries``) and None otherwise: a
text does not say which code is the application's. ``type`` is the exception type as printed.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence

from ..stacktrace import ExceptionInfo
from . import (
    dart_traces,
    dotnet_traces,
    elixir_traces,
    go_traces,
    js_traces,
    jvm_traces,
    php_traces,
    python_traces,
    ruby_traces,
    rust_traces,
)
from .headlines import might_name_a_type, search_headline

log = logging.getLogger(__name__)

# How a log record's prefix starts: a bracketed request id or time, a date, a key=value.
_LINE_HEAD = re.compile(
    r"^(?:(?:\[[^\]\n]*\]|\d[\d\-:T.,Z+]*|[\w.-]+=\S+)[ \t]+)+"
    r"(?:(?:TRACE|DEBUG|INFO|WARN|WARNING|ERROR|FATAL|E|W|I)\b:?[ \t]*)?"
)

#: Characters of a text read: half from its start, half from its end.
MAX_CHARS = 64 * 1024
MAX_FRAMES = 200
MAX_EXCEPTIONS = 16

_Parser = Callable[[Sequence[str]], list[ExceptionInfo]]
# Each language: a cheap test that its frames may be in a text, its parser, and the family of
# frame syntax it shares with others ("at ..." lines: JVM, .NET, V8); once one of a family has
# read frames, the others are not tried. When several languages read frames, the one that
# reads the most wins; on a tie, the earlier.
_LANGUAGES: tuple[tuple[Callable[[str], bool], _Parser, str], ...] = (
    (python_traces.hinted, python_traces.parse, "python"),
    (jvm_traces.hinted, jvm_traces.parse, "at"),
    (dotnet_traces.hinted, dotnet_traces.parse, "at"),
    (go_traces.hinted, go_traces.parse, "go"),
    (ruby_traces.hinted, ruby_traces.parse, "ruby"),
    (php_traces.hinted, php_traces.parse, "php"),
    (elixir_traces.hinted, elixir_traces.parse, "elixir"),
    (rust_traces.hinted, rust_traces.parse, "rust"),
    (dart_traces.hinted, dart_traces.parse, "dart"),
    (js_traces.hinted_v8, js_traces.parse_v8, "at"),
    (js_traces.hinted_gecko, js_traces.parse_gecko, "gecko"),
)


def parse_trace(text: str) -> list[ExceptionInfo]:
    """Every exception a text trace states, cause first and the thrown one last, each with
    its frames oldest first. Lines around the trace are ignored. ``[]`` when the text holds no
    trace and no exception headline; never raises."""
    try:
        return _parse(text)
    except Exception:  # a parser's bug must cost one text its structure, not its delivery
        log.exception("could not read a stack trace from a text of %d characters", len(text))
        return []


def _parse(text: str) -> list[ExceptionInfo]:
    if "#012" in text and "\n" not in text:
        # rsyslog writes a record's line breaks and tabs as octal escapes: "#012", "#011".
        text = text.replace("#012", "\n").replace("#011", "\t")
    text = _without_line_prefix(_without_fpm_decoration(without_colors(_window(text))))
    if "\n" not in text and "\\n" in text:
        # A trace flattened onto one line with its line breaks escaped (logfmt's
        # error="...\n...", a JSON string not decoded): read it unescaped if that gives frames.
        chain = _read(_unescaped(text))
        if any(exc.frames for exc in chain):
            return chain
    return _read(text)


def _read(text: str) -> list[ExceptionInfo]:
    lines: list[str] | None = None
    best: list[ExceptionInfo] = []
    best_frames = 0
    read: set[str] = set()
    for hinted, parse, family in _LANGUAGES:
        if family in read or not hinted(text):
            continue
        if lines is None:
            lines = text.splitlines()
        chain = parse(lines)
        frames = sum(len(exc.frames) for exc in chain)
        if frames:
            read.add(family)
        if chain and (not best or frames > best_frames):
            best, best_frames = chain, frames
    if not best and might_name_a_type(text):
        best = _headline_only(text.splitlines() if lines is None else lines)
    if not best and (core := dart_traces.core_error(text)) is not None:
        best = [core]
    return _bounded(best)


def _headline_only(lines: list[str]) -> list[ExceptionInfo]:
    for line in lines:
        found = search_headline(line)
        if found is not None:
            return [ExceptionInfo(type=found.type, value=found.value)]
    return []


# A terminal's colour codes ("\x1b[31m"), which loggers write into container logs.
_COLORS = re.compile(r"\x1b\[[0-9;]*m")


def without_colors(text: str) -> str:
    """``text`` without the terminal colour codes a logger wrote into it, and without the
    ``│`` gutter charmbracelet/log draws before a multi-line value."""
    if "\x1b[" in text:
        text = _COLORS.sub("", text)
    return _GUTTER.sub("", text) if "│" in text else text


_GUTTER = re.compile(r"(?m)^[ \t]*│ ?")


# What syslog (RFC 3164: "Mar 10 20:16:34 ip-172-31-18-88 web[7917]: ", or rsyslog's
# template without the time) and Heroku's Logplex ("2026-03-05T18:47:09.908+00:00
# app[web.2]: ") put before each line a program wrote: a time, a host, a tag with its pid or dyno;
# or RFC 5424's head as a Logplex drain posts it ("<190>1 2026-03-05T18:47:09.908+00:00 host
# app web.2 - ": priority, version, time, host, app, process, message id, no structured data).
_PROGRAM_HEAD = re.compile(
    r"^(?:(?:(?:[A-Z][a-z]{2} +\d{1,2} \d\d:\d\d:\d\d|\d{4}-\d\d-\d\dT[\d:.]+"
    r"(?:Z|[+-]\d\d:?\d\d)?) +)?(?:[\w.-]+ +)?[\w./-]+\[[\w.-]+\]: ?"
    # (An HTTPS drain frames each message by its length first, RFC 6587's octet counting.)
    r"|(?:\d{1,6} )?<\d{1,3}>1 \S+ \S+ \S+ \S+ \S+ (?:- )?)"
)


def without_program_head(line: str) -> str:
    """``line`` without the syslog or Logplex head before what the program wrote."""
    head = _PROGRAM_HEAD.match(line)
    return line[head.end() :] if head else line


def _without_line_prefix(text: str) -> str:
    """The text without the log prefix its logger wrote on every line of a multi-line record
    (Rails' ``[request id] ``, Sidekiq's ``<time> pid=.. tid=.. WARN: ``), when two lines after
    the first carry one at least: a run of bracketed tags, times and ``key=value`` fields, then
    maybe a level. A frame's indentation (``at ``, ``File``, a path) is no such prefix."""
    if text.count("\n") < 2:
        return text
    lines = text.split("\n")
    if sum(1 for line in lines[1:4] if _PROGRAM_HEAD.match(line)) >= 2:
        lines = [without_program_head(line) for line in lines]
        text = "\n".join(lines)
    heads = [_LINE_HEAD.match(line) for line in lines[1:] if line.strip()]
    if sum(1 for head in heads if head) < 2:
        return text
    return "\n".join(
        line[head.end() :] if (head := _LINE_HEAD.match(line)) else line for line in lines
    )


# PHP-FPM's capture of a worker's output (catch_workers_output, decorated as by default):
# '[03-Mar-2026 20:21:42] WARNING: [pool www] child 115 said into stderr: "<line>"'.
_FPM_DECORATION = re.compile(
    r'^\[[^\]\n]*\] \w+: \[pool [^\]\n]*\] child \d+ said into std(?:err|out): "(.*?)"?$',
    re.MULTILINE,
)


def _without_fpm_decoration(text: str) -> str:
    """The worker's own lines, when PHP-FPM decorated each one."""
    return _FPM_DECORATION.sub(r"\1", text) if " said into std" in text else text


def _unescaped(text: str) -> str:
    return (
        text.replace("\\r\\n", "\n")
        .replace("\\n", "\n")
        .replace("\\t", "\t")
        .replace('\\"', '"')
        .replace("\\\\", "\\")
    )


def _window(text: str) -> str:
    if len(text) <= MAX_CHARS:
        return text
    half = MAX_CHARS // 2
    head, tail = text[:half], text[-half:]
    # Whole lines only: half a line could read as some other line.
    head = head[: head.rfind("\n") + 1] or head + "\n"
    tail = tail[tail.find("\n") + 1 :] or tail
    return head + tail


def _bounded(chain: list[ExceptionInfo]) -> list[ExceptionInfo]:
    chain = chain[-MAX_EXCEPTIONS:]
    for index, exc in enumerate(chain):
        if len(exc.frames) > MAX_FRAMES:
            chain[index] = exc.model_copy(update={"frames": exc.frames[-MAX_FRAMES:]})
    return [exc for exc in chain if exc.type or exc.value or exc.frames]
