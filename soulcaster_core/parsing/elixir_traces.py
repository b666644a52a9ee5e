"""Elixir (and Erlang) exceptions as Elixir's Logger and ``Exception.format/3`` print them.

Reads the ``** (KeyError) key :zone not found in: %{...}`` headline (the type in parentheses,
the message after it, continued on the lines below up to the first frame), also when it is
nested under ``** (exit) an exception was raised:`` as Plug and GenServer crash reports print
it (the innermost headline that names a type wins over ``exit``/``stop``/``EXIT``), then the
stacktrace entries ``Exception.format_stacktrace_entry/1`` writes, innermost first:

    (seatmap 0.4.1) lib/seatmap/holds.ex:42: Seatmap.Holds.place/2
    (stdlib 5.2.3) gen_server.erl:1095: :gen_server.try_handle_info/3
    lib/seatmap/holds.ex:91: anonymous fn/2 in Seatmap.Holds.release_expired/1
    :erlang./(0, 0)

Lines after the stack (``Last message:``, ``State:``) are the report's, not the exception's.

Convention (sentry-elixir's): ``function`` is the entry as printed (``Seatmap.Holds.place/2``,
``anonymous fn/2 in Seatmap.Holds.release_expired/1``), ``module`` its module
(``Seatmap.Holds``, ``:gen_server``), ``filename`` the path as printed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..stacktrace import ExceptionInfo, Frame
from .frames import number

# (At a line's start, or after Logger's console head: "16:07:10.889 request_id=.. [error] ** (".)
_HEADLINE = re.compile(r"(?:^\s*|\s)\*\* \((?P<type>[^)\s]+)\)\s?(?P<msg>.*)$")
# What a crash report says when the process exited rather than raised: no exception type.
_EXITS = frozenset({"exit", "EXIT", "stop", "throw"})
_ENTRY = re.compile(
    r"^\s+(?:\((?P<app>[\w.]+)(?: [\w.+-]+)?\)\s+)?"
    r"(?:(?P<file>[^\s:()][^:\n]*?):(?P<line>\d{1,9}):\s+)?"
    r"(?P<mfa>(?:anonymous fn/\d+ in )?(?::?[\w.]+|:\"[^\"]+\")\.[^\s(]+?(?:/\d+|\(.*\)))\s*$"
)
# Applications of Elixir and Erlang/OTP themselves: never the application's code.
_RUNTIME_APPS = frozenset(
    {"elixir", "stdlib", "kernel", "erts", "logger", "eex", "mix", "iex", "ex_unit", "crypto"}
    | {"ssl", "inets", "public_key", "compiler", "runtime_tools", "sasl", "mnesia"}
)
_LIBRARY_PATHS = ("/deps/", "deps/", "/erts-", "/otp/", "/lib/erlang/")


def hinted(text: str) -> bool:
    return "** (" in text or (
        ("exception " in text and "in function " in text) or "Reason for termination" in text
    )


# Erlang's crash report (proc_lib, as OTP's logger prints it): "exception error: <reason in
# words>", then "in function  mod:fun/2 (src/mod.erl, line 19)" and "in call from ..." lines,
# innermost first.
_CRASH_HEADLINE = re.compile(r"^\s*exception (?:error|exit|throw): (?P<msg>.+)$")
_CRASH_FRAME = re.compile(
    r"^\s*in (?:function|call from)\s+(?P<mfa>[\w@.']+:[\w@.']+/\d+)"
    r"(?: \((?P<file>[^,()]+), line (?P<line>\d{1,9})\))?"
)
# OTP's own modules: the runtime's, wherever a crash passes through them.
_OTP_MODULES = frozenset(
    {"gen_server", "gen_statem", "gen_event", "gen", "proc_lib", "supervisor", "erlang"}
    | {"lists", "maps", "ets", "dets", "mnesia", "mnesia_tm", "timer", "application_master"}
)


# A gen_server's own report: "** Reason for termination ==" then the reason as a term,
# "{{badmatch,{error,closed}}, [{mod,fun,3,[{file,"src/mod.erl"},{line,77}]}, ...]}".
_TERM_REASON = re.compile(r"^\*\* \{\{?(?P<reason>[a-z]\w*)(?:,(?P<detail>.*?))?\}?,\s*$")
_TERM_FRAME = re.compile(
    r"\{(?P<mod>[a-z]\w*|'[^']+'),(?P<fun>[a-z]\w*|'[^']+'),(?P<arity>\d+),"
    r"\[\{file,\"(?P<file>[^\"]+)\"\},\{line,(?P<line>\d{1,9})\}\]\}"
)
# What Erlang's erl_error says of the common reasons, as a crash report prints them.
_REASON_WORDS = {
    "badmatch": "no match of right hand side value",
    "badarith": "an error occurred when evaluating an arithmetic expression",
    "function_clause": "no function clause matching",
    "case_clause": "no case clause matching",
    "if_clause": "no true branch found when evaluating an if expression",
    "badarg": "bad argument",
    "undef": "undefined function",
    "badkey": "bad key",
    "badmap": "bad map",
}


def _erlang_frame(mfa: str, filename: str | None, line: str | None) -> Frame:
    """A frame of an Erlang report, ``mod:fun/N`` as sentry-elixir names Erlang's; OTP's own
    modules are the runtime's."""
    module = mfa.split(":", 1)[0]
    return Frame(
        function=mfa,
        module=module,
        filename=filename,
        lineno=number(line or ""),
        in_app=False if module in _OTP_MODULES else None,
    )


def _termination(lines: Sequence[str]) -> list[ExceptionInfo]:
    """A gen_server's "Reason for termination" term and the frames it lists."""
    at = next((i for i, line in enumerate(lines) if "Reason for termination" in line), None)
    if at is None or at + 1 >= len(lines):
        return []
    found = _TERM_REASON.match(lines[at + 1].strip())
    if found is None:
        return []
    words = _REASON_WORDS.get(found["reason"], found["reason"])
    detail = (found["detail"] or "").strip()
    detail += "}" * (detail.count("{") - detail.count("}"))  # the term's own braces, closed
    frames: list[Frame] = []
    for line in lines[at + 1 : at + 60]:
        if line.startswith("** ") and frames:
            break  # the client's stacktrace, another process's
        for frame in _TERM_FRAME.finditer(line):
            mfa = f"{frame['mod'].strip(chr(39))}:{frame['fun'].strip(chr(39))}/{frame['arity']}"
            frames.append(_erlang_frame(mfa, frame["file"], frame["line"]))
    value = f"{words} {detail}".strip()
    return [ExceptionInfo(type=None, value=value, frames=frames[::-1])]


def _crash_report(lines: Sequence[str]) -> list[ExceptionInfo]:
    for index, line in enumerate(lines):
        found = _CRASH_HEADLINE.match(line)
        if found is None:
            continue
        frames: list[Frame] = []
        for entry in lines[index + 1 : index + 1 + 200]:
            frame = _CRASH_FRAME.match(entry)
            if frame is not None:
                frames.append(_erlang_frame(frame["mfa"], frame["file"], frame["line"]))
            elif not entry.strip().startswith("called as") and frames:
                break
        return [ExceptionInfo(type=None, value=found["msg"].strip(), frames=frames[::-1])]
    return _termination(lines)


def parse(lines: Sequence[str]) -> list[ExceptionInfo]:
    start = _headline_at(lines)
    if start is None:
        return _crash_report(lines)
    found = _HEADLINE.search(lines[start])
    assert found is not None
    message = [found.group("msg").strip()]
    i = start + 1
    while i < len(lines) and _ENTRY.match(lines[i]) is None:
        if _HEADLINE.search(lines[i]):
            break
        message.append(lines[i].strip())
        i += 1
    frames: list[Frame] = []
    while i < len(lines):
        entry = _ENTRY.match(lines[i])
        if entry is None:
            break
        frames.append(_frame(entry))
        i += 1
    value = "\n".join(message).strip() or None
    kind = found.group("type")
    if kind in _EXITS:
        kind = None
    return [ExceptionInfo(type=kind, value=value, frames=frames[::-1])]


def _headline_at(lines: Sequence[str]) -> int | None:
    """The line of the exception raised: the last headline naming a type, else the first."""
    first: int | None = None
    typed: int | None = None
    for index, line in enumerate(lines):
        if "** (" not in line:
            continue
        found = _HEADLINE.search(line)
        if found is None:
            continue
        if first is None:
            first = index
        if found.group("type") not in _EXITS and typed is None:
            typed = index
    return typed if typed is not None else first


def _frame(entry: re.Match[str]) -> Frame:
    mfa = entry.group("mfa")
    named = mfa.rpartition(" in ")[2] if mfa.startswith("anonymous fn/") else mfa
    call = named.split("(", 1)[0]
    call = call.rsplit("/", 1)[0] if "/" in call and call.rsplit("/", 1)[1].isdigit() else call
    module = call.rpartition(".")[0] or None
    app = entry.group("app")
    path = entry.group("file")
    # An Erlang module (``:erlang``) printed without its application is the runtime's.
    library = app in _RUNTIME_APPS or (app is None and (module or "").startswith(":"))
    if path and any(mark in path for mark in _LIBRARY_PATHS):
        library = True
    return Frame(
        function=mfa,
        module=module,
        filename=path,
        lineno=number(entry.group("line") or ""),
        in_app=False if library else None,
    )
