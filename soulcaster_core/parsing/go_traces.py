"""Go panics and goroutine stacks.

Reads ``panic: message`` (and ``fatal error: ...``, net/http's ``http: panic serving addr:
message``; a re-panic's ``panic: a [recovered]`` / ``\tpanic: b`` gives a chain, the first
panic as the cause), then the first goroutine's frames: a function line
``pkg/path.(*T).Method(args)`` followed by its ``\t/path/file.go:42 +0x1d`` line. The same
pairs without arguments or offsets, as zap and pkg/errors print a stack, are read without a
panic; and Gin's recovery log (``[Recovery] ... panic recovered:``, the value, then
``file.go:42 (0x4a1f2c)`` lines, each maybe with its ``\tfunction: source`` line).
``created by`` frames name the goroutine's creator, not the stack, and are left out, as the
SDKs do. Go prints no exception type: ``type`` is ``panic`` (or ``fatal error``).

Convention (sentry-go's): ``module`` is the package path (``github.com/shop/api``, ``main``),
``function`` the rest of the name (``(*Server).handle``, ``main``, ``handle.func1``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..stacktrace import ExceptionInfo, Frame
from .frames import number
from .libraries import path_in_app

_PANIC = re.compile(r"(?:^|\s)(?P<kind>panic|fatal error): (?P<msg>.*)$")
_HTTP_PANIC = re.compile(r"http: panic serving \S+: (?P<msg>.*)$")
_GOROUTINE = re.compile(r"^\s*goroutine \d+ \[[^\]]*\]:\s*$")
_ECHO_MARK = "[PANIC RECOVER] "
_ECHO_RECOVERED = re.compile(
    r"\[PANIC RECOVER\] (?P<value>.*?) (?P<header>goroutine \d+ \[[^\]]*\]:)\s*$"
)
_FILE = re.compile(r"^\s+(?P<file>\S.*?):(?P<line>\d{1,9})(?:\s+\+0x[0-9a-fA-F]+)?\s*$")
_GO_PATHS = ("/vendor/", "/src/runtime/")
_RECOVERED = "panic recovered:"
_GIN_FRAME = re.compile(r"^(?P<file>\S+\.go):(?P<line>\d{1,9}) \(0x[0-9a-fA-F]+\)$")


def hinted(text: str) -> bool:
    return ".go:" in text or "panic" in text or "fatal error: " in text


def parse(lines: Sequence[str]) -> list[ExceptionInfo]:
    if any(_ECHO_MARK in line for line in lines):
        lines = _echo_recovered(lines)
    return _recovered_by_gin(lines) or _panics(lines)


def _echo_recovered(lines: Sequence[str]) -> list[str]:
    """Echo's recover middleware prints ``[PANIC RECOVER] <value> goroutine 7 [running]:``:
    the panic's value, then the stack's header on the same line; read as Go prints a panic."""
    out: list[str] = []
    for line in lines:
        found = _ECHO_RECOVERED.search(line)
        if found is None:
            out.append(line)
        else:
            out += [f"panic: {found['value']}", found["header"]]
    return out


def _recovered_by_gin(lines: Sequence[str]) -> list[ExceptionInfo]:
    """Gin's recovery log: ``[Recovery] <time> panic recovered:``, the panic's value, then a
    ``file.go:42 (0x4a1f2c)`` line per frame, innermost first, each maybe followed by
    ``\t<function>: <source line>``."""
    start = next((i for i, line in enumerate(lines) if line.rstrip().endswith(_RECOVERED)), None)
    if start is None:
        return []
    message: list[str] = []
    frames: list[Frame] = []
    for i in range(start + 1, len(lines)):
        line = lines[i]
        where = _GIN_FRAME.match(line.strip())
        if where is not None:
            path = where.group("file")
            said = lines[i + 1] if i + 1 < len(lines) else ""
            function = said.strip().partition(": ")[0] if said.startswith("\t") else None
            library = path_in_app(path, _GO_PATHS) is False or path.startswith("/usr/local/go/")
            frames.append(
                Frame(
                    function=function or None,
                    filename=path,
                    lineno=number(where.group("line")),
                    in_app=False if library else None,
                )
            )
        elif frames and line.startswith("\t"):
            continue  # the function and source line of the frame above
        elif frames or not line.strip():
            if frames:
                break
        else:
            message.append(line.strip())
    if not frames:
        return []
    return [ExceptionInfo(type="panic", value=" ".join(message) or None, frames=frames[::-1])]


def _panics(lines: Sequence[str]) -> list[ExceptionInfo]:
    panics: list[tuple[str, str | None]] = []
    frames: list[Frame] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if "panic" in line or "fatal error: " in line:
            found = _HTTP_PANIC.search(line) or _PANIC.search(line)
            if found is not None and not _is_pair(lines, i):
                kind = found.groupdict().get("kind") or "panic"
                i = _panic(lines, i, kind, found.group("msg"), panics)
                continue
        if _GOROUTINE.match(line):
            frames = _frames(lines, i + 1)
            if not panics and (value := _runtime_error_above(lines, i)) is not None:
                # A recovered panic's value printed above its ``debug.Stack()``: a runtime
                # error is a panic's, whoever printed it.
                panics.append(("panic", value))
            break
        if _is_pair(lines, i):
            frames = _frames(lines, i)
            break
        i += 1
    if not frames and not panics:
        return []
    if len(panics) >= 2 and panics[-1] == panics[-2]:
        # A deferred function that recovered the panic and raised it again as it was (to log
        # it first): the failure is where the value was first raised, below the runtime's
        # ``panic(...)`` frame; above it is only the re-raiser.
        frames = _below_the_panic(frames)
    chain = [ExceptionInfo(type=kind, value=value) for kind, value in panics] or [ExceptionInfo()]
    chain[-1] = ExceptionInfo(type=chain[-1].type, value=chain[-1].value, frames=frames[::-1])
    return chain


def _runtime_error_above(lines: Sequence[str], i: int) -> str | None:
    """The ``runtime error: ...`` line printed just above the goroutine header at ``i``."""
    above = [line.strip() for line in lines[max(0, i - 3) : i] if line.strip()]
    if above and above[-1].startswith("runtime error: "):
        return above[-1]
    return None


def _panic(
    lines: Sequence[str], i: int, kind: str, msg: str, panics: list[tuple[str, str | None]]
) -> int:
    """Record the panic stated at ``lines[i]`` with the lines continuing its message."""
    msg = msg.strip().removesuffix("[recovered]").strip()
    more: list[str] = []
    j = i + 1
    while j < len(lines):
        stripped = lines[j].strip()
        if not stripped or stripped.startswith(("[signal ", "panic: ", "fatal error: ")):
            break
        if _GOROUTINE.match(lines[j]) or _is_pair(lines, j):
            break
        more.append(lines[j].rstrip())
        j += 1
    value = "\n".join([msg, *more]).strip() or None
    panics.append((kind, value))
    return j


def _is_pair(lines: Sequence[str], i: int) -> bool:
    """Whether ``lines[i]`` names a function and the next line its file."""
    if i + 1 >= len(lines):
        return False
    name = lines[i].strip()
    if not name or " " in name.removeprefix("created by ").partition("(")[0]:
        return False
    following = lines[i + 1]
    return following[:1] in (" ", "\t") and _FILE.match(following) is not None


def _frames(lines: Sequence[str], i: int) -> list[Frame]:
    """The frames of one goroutine from ``lines[i]``, innermost first as printed."""
    frames: list[Frame] = []
    while i < len(lines):
        name = lines[i].strip()
        if name == "...additional frames elided...":
            i += 1
            continue
        if not _is_pair(lines, i):
            break
        where = _FILE.match(lines[i + 1])
        if where is not None and not name.startswith("created by "):
            frames.append(_frame(name, where))
        i += 2
    return _from_the_panic(frames)


def _below_the_panic(frames: list[Frame]) -> list[Frame]:
    """``frames`` (innermost first) below the runtime's ``panic(...)`` frame, if it has one."""
    for index, frame in enumerate(frames):
        if frame.module is None and frame.function == "panic" and index + 1 < len(frames):
            return frames[index + 1 :]
    return frames


def _from_the_panic(frames: list[Frame]) -> list[Frame]:
    """``frames`` (innermost first) from the one that panicked, when ``debug.Stack()`` printed
    them while a deferred function recovered the panic: above the runtime's ``panic(...)``
    frame are the recovering code and ``debug.Stack`` itself. (A panic that is not recovered
    prints no ``debug.Stack``; above its ``panic`` frame is a deferred function that panicked
    again, the thrown panic's own place.)"""
    if not frames:
        return frames
    if (frames[0].module, frames[0].function) == ("runtime/debug", "Stack"):
        return _below_the_panic(frames)
    below = _below_the_panic(frames)
    # A library's recover middleware that printed the stack itself (Echo's runtime.Stack):
    # only its frames stand above the runtime's panic(...) frame.
    above = frames[: len(frames) - len(below) - 1]
    if below is not frames and above and all(frame.in_app is False for frame in above):
        return below
    return frames


def _frame(line: str, where: re.Match[str]) -> Frame:
    name = _without_arguments(line)
    module, function = _split_function(name)
    path = where.group("file")
    library = path_in_app(path, _GO_PATHS) is False or _standard_library(module, path)
    return Frame(
        function=function or None,
        module=module,
        filename=path,
        lineno=number(where.group("line")),
        in_app=False if library or module == "runtime" else None,
    )


def _without_arguments(line: str) -> str:
    """``main.(*T).m`` from ``main.(*T).m(0xc000010000, {0x4b5c80, 0x0})``."""
    if not line.endswith(")"):
        return line
    depth = 0
    for at in range(len(line) - 1, -1, -1):
        if line[at] == ")":
            depth += 1
        elif line[at] == "(":
            depth -= 1
            if depth == 0:
                return line[:at] or line
    return line


def _split_function(name: str) -> tuple[str | None, str]:
    """sentry-go's split: the package path runs to the first dot after the last slash."""
    if name.startswith(("go.", "type.", "go:", "type:")):
        return None, name
    slash = name.rfind("/")
    dot = name.find(".", max(slash, 0))
    if dot <= 0:
        return None, name
    return name[:dot], name[dot + 1 :]


def _standard_library(module: str | None, path: str) -> bool:
    """A package of Go's own (no domain in its path) compiled from GOROOT's ``src/``."""
    if not module or module == "main" or "." in module.partition("/")[0]:
        return False
    return f"/src/{module}/" in path.replace("\\", "/")
