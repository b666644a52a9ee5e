"""Exception headlines: the ``Type: message`` line every language prints next to its frames.

``match_headline`` reads a line that *starts* with a headline (after the markers languages put
before one: ``Exception in thread "main"``, ``Caused by:``, ``Uncaught``, ``--->``...);
``search_headline`` finds one after a log prefix ("2024-03-05 ERROR [web] failed: KeyError:
'id'"), and only for a type whose name says it is one (``...Error``, ``...Exception``...), since
after a prefix any ``word:`` could be a logger's name. ``headline_above`` finds the headline a
language prints above its frames (JVM, .NET, V8), with the lines between as the rest of a
multi-line message.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

#: Endings of exception class names in every language this package reads.
TYPE_SUFFIXES = (
    "Error",
    "Exception",
    "Exit",
    "Interrupt",
    "Fault",
    "Panic",
    "Failure",
    "Rejection",
    "Violation",
    "Throwable",
    "Iteration",
    # Django's two model exceptions ("Kit.DoesNotExist"), and limits a task ran into
    # (Celery's "SoftTimeLimitExceeded").
    "DoesNotExist",
    "MultipleObjectsReturned",
    "Exceeded",
)
# One search for them all: as fast as a loop of substring tests, twice as fast as any().
_TYPE_HINT = re.compile("|".join(TYPE_SUFFIXES))
#: Lines a headline may sit above its frames: room for a multi-line message, not for a page.
HEADLINE_REACH = 20

_NAME = r"[A-Za-z_$][\w$]*"
# Packages, Ruby/C++ "::" and PHP "\" namespaces before the class name.
_QUALIFIER = rf"(?:{_NAME}(?:\.|::|\\))*"
_NAMED_TYPE = rf"{_QUALIFIER}[\w$]*(?:{'|'.join(TYPE_SUFFIXES)})"
# JVM and .NET print the full class name: lower-case packages, then a capitalised class.
_QUALIFIED_TYPE = r"(?:[a-z_$][\w$]*\.)+[A-Z][\w$]*"
_MARKERS = (
    r"(?:Exception in thread \"[^\"]*\"\s+|Caused by:\s*|Wrapped by:\s*|Suppressed:\s*"
    r"|Uncaught\s+(?:exception\s+)?|Unhandled\s+exception\.\s+|Unhandled\s+Exception:\s+"
    r"|\[cause\]:\s*|--->\s*|(?:PHP\s+)?Fatal error:\s+Uncaught\s+"
    # A console's error glyph before the error (Next.js prints U+2A2F, a cross, then the error).
    "|[\u2a2f\u2716\u2715\u00d7]\\s+)?"
)
# Node appends an error's code to its name: "TypeError [ERR_INVALID_ARG_TYPE]: ...".
_CODE = r"(?:\s\[[A-Z][A-Z0-9_]*\])?"
_AT_START = re.compile(rf"^\s*{_MARKERS}(?P<type>{_NAMED_TYPE}){_CODE}(?::\s*(?P<msg>.*?)|\s*)$")
_AT_START_QUALIFIED = re.compile(
    rf"^\s*{_MARKERS}(?P<type>{_NAMED_TYPE}|{_QUALIFIED_TYPE}){_CODE}(?::\s*(?P<msg>.*?)|\s*)$"
)
# Only the type is matched here (the message is what follows it): a long line with many
# type-like words must not cost a scan to its end for each.
_ANYWHERE = re.compile(rf"(?:^|(?<=[\s\[\](:,|\"']))(?P<type>{_NAMED_TYPE}){_CODE}(?=:\s|:?\s*$)")
# Two other ways a log line states its error at the line's end: Python's repr of it, as
# Celery logs a task's failure ("raised unexpected: InvalidRequestError('No such card')"),
# and Rails' "Type (message):" (DebugExceptions' FATAL line, sampled alone by a monitor).
_REPR_AT_END = re.compile(
    rf"(?:^|(?<=[\s:\[(]))(?P<type>{_NAMED_TYPE})\((?P<q>['\"])(?P<msg>.*)(?P=q),?\)\s*$"
)
# After Celery's "raised unexpected: " any name is a type ("ReadTimeout(...)", "DoesNotExist(
# 'Kit matching query does not exist.')", "SoftTimeLimitExceeded()"), its arguments nested;
# so after its "retry: Retry in 30s: " (a task that will run again says what it raised).
_RAISED_REPR = re.compile(
    r"(?:raised unexpected| retry: Retry in \S+): (?P<type>[A-Za-z_][\w.]*)\((?P<args>.*)\)\s*$"
)
_RAISED = ("raised unexpected: ", " retry: Retry in ")
# arq's line for a job that raised ("12.34s ! <job id>:<function> failed, ReadTimeout: msg"):
# after its "failed, " any name is a type.
_FAILED_COMMA = re.compile(r" ! \S+ failed, (?P<type>[A-Za-z_][\w.]*): ?(?P<msg>.*?)\s*$")
_RUBY_TYPE = re.compile(r"(?:^|(?<=[\s\[(]))(?P<type>(?:[A-Z]\w*::)+[A-Z]\w*): ")
_RAILS_AT_END = re.compile(
    rf"(?:^|(?<=[\s:\]]))(?P<type>{_NAMED_TYPE}|{_NAME}(?:::{_NAME})+) \((?P<msg>.*)\):\s*$"
)
# A bare "Error", "Exception", "Rejection"... after a prefix is a word of the message
# ("Unhandled Promise Rejection: TypeError: ..."), not a type.
_TOO_VAGUE = frozenset(TYPE_SUFFIXES)


class Headline(NamedTuple):
    type: str
    value: str | None


class HeadlineAt(NamedTuple):
    """A headline found at ``lines[line]``; ``value`` includes the lines below it."""

    line: int
    type: str
    value: str | None


def might_name_a_type(text: str) -> bool:
    """Whether ``text`` holds a word that could be an exception type (a cheap test)."""
    return (
        _TYPE_HINT.search(text) is not None
        or any(said in text for said in _RAISED)
        or " failed, " in text
        or ("::" in text and _RUBY_TYPE.search(text) is not None)
    )


def match_headline(line: str, *, qualified: bool = False) -> Headline | None:
    """The headline ``line`` starts with. With ``qualified``, a fully qualified class name
    (``com.shop.PaymentDeclined``) counts whatever its ending, as JVM and .NET print them."""
    m = (_AT_START_QUALIFIED if qualified else _AT_START).match(line)
    if m is None:
        return None
    return Headline(m.group("type"), _value(m.group("msg")))


def search_headline(line: str) -> Headline | None:
    """The first headline stated anywhere in ``line`` whose type is named like one (or named
    anyhow after Celery's "raised unexpected: ")."""
    if any(s in line for s in _RAISED) and (said := _RAISED_REPR.search(line)) is not None:
        return _from_repr(said.group("type"), said.group("args"))
    if " failed, " in line and (said := _FAILED_COMMA.search(line)) is not None:
        return Headline(said.group("type"), _value(said.group("msg")))
    if not might_name_a_type(line):
        return None
    for m in _ANYWHERE.finditer(line):
        kind, value = m.group("type"), _value(_bracketed(line, m.start(), m.end() + 1))
        if kind in _TOO_VAGUE and (m.start() > 0 or value is None):
            continue
        return Headline(kind, value)
    if "::" in line and (ruby := _RUBY_TYPE.search(line)) is not None:
        # Ruby names every class by its modules, whatever its ending ("Net::ReadTimeout",
        # "Sequel::NoMatchingRow"): before a colon, such a name is the error's.
        return Headline(ruby["type"], _value(line[ruby.end() :]))
    if line.rstrip().endswith((")", "):")):
        if (said := _REPR_AT_END.search(line)) is not None:
            return _from_repr(said.group("type"), f"{said['q']}{said['msg']}{said['q']}")
        if (said := _RAILS_AT_END.search(line)) is not None:
            return Headline(said.group("type"), _value(said.group("msg")))
    return None


def _bracketed(line: str, start: int, end: int) -> str:
    """What follows a headline at ``line[start:end]``, up to the bracket it was said in, if
    any: Spring's "threw exception [Request processing failed: Type: message] with root
    cause" says the message inside the brackets, and its own words after them."""
    rest = line[end:]
    if "]" not in rest or line.count("[", 0, start) <= line.count("]", 0, start):
        return rest
    depth = 0
    for at, char in enumerate(rest):
        if char == "[":
            depth += 1
        elif char == "]":
            if depth == 0:
                return rest[:at]
            depth -= 1
    return rest


# The escapes of a Python string's repr that stand for the message's own characters.
_REPR_ESCAPE = re.compile(r"\\(.)")
_REPR_ESCAPES = {"n": "\n", "t": "\t", "'": "'", '"': '"', "\\": "\\"}


def _from_repr(kind: str, args: str) -> Headline:
    """The headline of Python's repr of an exception, given its arguments' text: the message
    is the string argument, nested or not (``ReadTimeout(ReadTimeoutError("..."))``);
    KeyError's message is its key's repr, as Python prints it."""
    start = next((at for at, char in enumerate(args) if char in "'\""), None)
    if start is None:
        return Headline(kind, _value(args))
    end = args.rfind(args[start])
    if end <= start:
        return Headline(kind, _value(args))
    text = args[start : end + 1] if kind.endswith("KeyError") else args[start + 1 : end]
    if "\\" in text:
        # The repr's escapes: the message's own line breaks and quotes.
        text = _REPR_ESCAPE.sub(lambda m: _REPR_ESCAPES.get(m[1], m[0]), text)
    return Headline(kind, _value(text))


def split_headline(text: str) -> Headline | None:
    """``Type: message`` where a marker (``Caused by:``, ``Next``...) already says that an
    exception follows, so the type may be named anyhow."""
    text = text.strip()
    if not text:
        return None
    kind, sep, value = text.partition(": ")
    kind = kind.strip()
    if not sep:
        kind, value = text.rstrip(":"), ""
    if not kind or " " in kind or len(kind) > 200:
        return Headline("", _value(text)) if text else None
    return Headline(kind, _value(value))


def headline_above(
    lines: Sequence[str],
    index: int,
    *,
    qualified: bool = False,
    stop: Callable[[str], bool] | None = None,
) -> HeadlineAt | None:
    """The headline printed above the frame at ``lines[index]``: the nearest line within
    ``HEADLINE_REACH`` that starts with one, else the nearest that states one after a prefix.
    The lines between it and the frame are the rest of its message. ``stop`` says which lines
    end the search (another trace's frames)."""
    low = index
    while low > 0 and index - low < HEADLINE_REACH:
        if stop is not None and stop(lines[low - 1]):
            break
        low -= 1
    found: HeadlineAt | None = None
    for j in range(index - 1, low - 1, -1):
        head = match_headline(lines[j], qualified=qualified)
        if head is not None:
            found = HeadlineAt(j, head.type, head.value)
            break
    if found is None:
        for j in range(index - 1, low - 1, -1):
            head = search_headline(lines[j])
            if head is not None:
                found = HeadlineAt(j, head.type, head.value)
                break
    if found is None:
        return None
    return found._replace(value=join_message(found.value, lines[found.line + 1 : index]))


def join_message(first: str | None, more: Sequence[str]) -> str | None:
    """A message from its first line and the lines that continue it, as printed."""
    parts = [first or ""]
    parts.extend(line.rstrip() for line in more)
    return _value("\n".join(parts))


def _value(text: str | None) -> str | None:
    if text is None:
        return None
    text = text.strip()
    return text or None
