"""Stack traces as text, the way each runtime prints them, and browser error messages in each
engine's words.

Every function takes exceptions whose frames are already at their release (``releases``) and
whose values are filled. Chains come cause first and frames oldest first, as in ``model``;
each printer reorders them the way its runtime does (Python: oldest first; JVM, Go, V8,
SpiderMonkey, JavaScriptCore, Ruby, .NET, PHP: innermost first).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .model import Exc, Frame, JsError
from .rand import stable_int
from .releases import (
    RN_BUNDLES,
    chunk_url,
    minified_name,
    minified_position,
    minified_var,
    rn_name,
    rn_position,
)

# --- Python ------------------------------------------------------------------------------------

PY_STDLIB = {
    "asyncio", "concurrent", "contextlib", "decimal", "email", "http", "json", "logging", "smtplib",
    "socket", "ssl", "threading", "urllib", "zoneinfo", "_strptime", "datetime",
}  # fmt: skip


def py_abs_path(frame: Frame) -> str:
    if frame.in_app:
        return "/app/" + frame.file
    top = frame.file.split("/")[0].removesuffix(".py")
    if top in PY_STDLIB:
        return "/usr/local/lib/python3.11/" + frame.file
    return "/usr/local/lib/python3.11/site-packages/" + frame.file


def _py_frames(frames: Sequence[Frame], carets: bool = False) -> list[str]:
    lines = []
    for f in frames:
        lines.append(f'  File "{py_abs_path(f)}", line {f.line}, in {f.function}')
        if f.context:
            lines.append("    " + f.context.strip())
            marks = caret_marks(f.context.strip(), f.caret) if carets else ""
            if marks:
                lines.append("    " + marks)
    return lines


def python_traceback(chain: Sequence[Exc], carets: bool = False) -> str:
    """``traceback.format_exception`` as ``logging`` keeps it (no trailing newline); with
    ``carets``, Python 3.11's marks under the failing expression (PEP 657)."""
    blocks = []
    for exc in chain:
        lines = ["Traceback (most recent call last):", *_py_frames(exc.frames, carets)]
        lines.append(f"{exc.text_name}: {exc.value}" if exc.value else exc.text_name)
        blocks.append("\n".join(lines))
    cause = "\n\nThe above exception was the direct cause of the following exception:\n\n"
    return cause.join(blocks)


# What precedes the expression: a return or yield, or one or more assignment targets.
_STATEMENT = re.compile(
    r"(?:return |yield from |yield )|(?:[A-Za-z_][\w.\[\]'\", ]*? [-+*/|&]?= (?!=))+"
)
_BINARY = (" // ", " ** ", " / ", " * ", " + ", " - ", " % ", " @ ")


def failing_expression(line: str) -> str:
    """The expression of a source line that Python 3.11 underlines: the statement's value,
    the iterable of a ``for``, the subject of ``with``/``if``; none for ``raise`` and for a
    line that opens a multi-line expression."""
    if line.startswith(("raise", "assert ", "del ", "import ", "from ")):
        return ""
    if line.endswith(("(", "[", "{", ",", "\\")):
        return ""
    if line.startswith("for ") and " in " in line and line.endswith(":"):
        return line.split(" in ", 1)[1][:-1]
    for keyword in ("async with ", "with ", "if ", "elif ", "while "):
        if line.startswith(keyword) and line.endswith(":"):
            return line[len(keyword) : -1].split(" as ", 1)[0]
    m = _STATEMENT.match(line)
    return line[m.end() :] if m else line


def _top_level(expr: str) -> list[int]:
    """Bracket depth before each character, strings skipped (depth -1 inside them)."""
    depth, quote, out = 0, "", []
    for ch in expr:
        if quote:
            out.append(-1)
            quote = "" if ch == quote else quote
            continue
        if ch in "'\"":
            quote = ch
            out.append(-1)
            continue
        if ch in ")]}":
            depth -= 1
        out.append(depth)
        if ch in "([{":
            depth += 1
    return out


def caret_marks(line: str, focus: str = "") -> str:
    """Python 3.11's caret line under ``line`` (stripped): ``~`` under a binary operation's
    operands and a subscript's value, ``^`` under the operator, the subscript or the whole
    expression; nothing when the expression is the whole line."""
    expr = focus or failing_expression(line)
    start = line.find(expr) if expr else -1
    if start < 0 or expr == line:
        return ""
    depth = _top_level(expr)
    for i in range(len(expr)):
        if depth[i] != 0:
            continue
        op = next((o for o in _BINARY if expr.startswith(o, i)), "")
        if op:
            width = len(op) - 2
            return " " * start + "~" * (i + 1) + "^" * width + "~" * (len(expr) - i - 1 - width)
    if expr.endswith("]"):
        opening = max(i for i, ch in enumerate(expr) if ch == "[" and depth[i] == 0)
        return " " * start + "~" * opening + "^" * (len(expr) - opening)
    return " " * start + "^" * len(expr)


def python_stack_info(frames: Sequence[Frame]) -> str:
    """``logging``'s ``stack_info=True`` text: the stack of the logging call."""
    return "\n".join(["Stack (most recent call last):", *_py_frames(frames)])


def python_repr(exc: Exc) -> str:
    """``repr(exc)`` as Celery's 'raised unexpected' line shows it."""
    value = exc.value.replace("\\", "\\\\").replace("'", "\\'")
    if exc.type == "KeyError":
        return f"KeyError({exc.value})"
    return f"{exc.type}('{value}')"


# --- JVM ---------------------------------------------------------------------------------------


def _jvm_location(f: Frame) -> str:
    """``File.java:12``; line 0 prints the file alone (generated classes), -1 ``Unknown
    Source`` (proxies), -2 ``Native Method``."""
    if f.line == -2:
        return "Native Method"
    if f.line == -1:
        return "Unknown Source"
    return f"{f.file}:{f.line}" if f.line > 0 else f.file


def jvm_frame(f: Frame) -> str:
    prefix = "java.base/" if f.module.startswith(("java.", "jdk.internal.", "sun.")) else ""
    return f"\tat {prefix}{f.module}.{f.function}({_jvm_location(f)})"


def _common_tail(frames: Sequence[Frame], enclosing: Sequence[Frame]) -> int:
    n = 0
    while n < min(len(frames), len(enclosing)) and frames[-1 - n] == enclosing[-1 - n]:
        n += 1
    return n


def java_trace(chain: Sequence[Exc], depth: int = 0, root_first: bool = False) -> str:
    """``Throwable.printStackTrace``: thrown first, then each ``Caused by:``; with ``depth``,
    logstash-logback-encoder's shortened form (``maxDepthPerThrowable``); with ``root_first``,
    logback's ``%rEx`` (root cause first, then ``Wrapped by:``)."""
    order = list(chain) if root_first else list(reversed(chain))
    out: list[str] = []
    enclosing: list[Frame] = []
    for i, exc in enumerate(order):
        head = f"{exc.text_name}: {exc.value}" if exc.value else exc.text_name
        out.append(head if i == 0 else ("Wrapped by: " if root_first else "Caused by: ") + head)
        frames = list(reversed(exc.frames))
        common = _common_tail(frames, enclosing) if i else 0
        shown = frames[: len(frames) - common]
        if depth and len(shown) > depth:
            out.extend(jvm_frame(f) for f in shown[:depth])
            out.append(f"\t... {len(shown) - depth} frames truncated")
        else:
            out.extend(jvm_frame(f) for f in shown)
        if common:
            out.append(f"\t... {common} {'common frames omitted' if depth else 'more'}")
        enclosing = frames
    return "\n".join(out)


# --- Go ----------------------------------------------------------------------------------------


def _go_args(f: Frame) -> str:
    n = stable_int("goargs", f.module, f.function)
    if f.function.startswith("(*"):
        return f"(0xc000{n % 0xFFFFFF:06x}, {{0xc00{(n >> 24) % 0xFFFFFF:06x}, 0x{n % 9 + 1:x}}})"
    return "(...)" if n % 2 else f"({{0xc00{(n >> 8) % 0xFFFFFF:06x}, 0x{n % 40 + 3:x}}})"


def _go_offset(f: Frame) -> str:
    return f"+0x{stable_int('gooff', f.module, f.function) % 0x4FF + 0x1B:x}"


def go_panic(exc: Exc, goroutine: int, remote: str = "", stamp: str = "") -> str:
    """A panic's goroutine dump; with ``remote``, as net/http logs a recovered handler panic."""
    frames = list(reversed(exc.frames))
    lines = []
    if remote:
        lines.append(f"{stamp} http: panic serving {remote}: {exc.value}")
        lines.append(f"goroutine {goroutine} [running]:")
        lines.append("net/http.(*conn).serve.func1()")
        lines.append("\t/usr/local/go/src/net/http/server.go:1898 +0xbe")
    else:
        lines.append(f"panic: {exc.value}")
        if "nil pointer" in exc.value:
            pc = stable_int("pc", exc.frames[-1].function) % 0xFFFFFF + 0x400000
            lines.append(f"[signal SIGSEGV: segmentation violation code=0x1 addr=0x18 pc=0x{pc:x}]")
        lines.append("")
        lines.append(f"goroutine {goroutine} [running]:")
    lines.append(
        f"panic({{0x{stable_int('pv', exc.value) % 0xFFFFFF:x}?, 0xc000{goroutine:06x}?}})"
    )
    lines.append("\t/usr/local/go/src/runtime/panic.go:770 +0x132")
    for f in frames:
        lines.append(f"{f.module}.{f.function}{_go_args(f)}")
        lines.append(f"\t{f.file}:{f.line} {_go_offset(f)}")
    if remote:
        lines.append("created by net/http.(*Server).Serve in goroutine 1")
        lines.append("\t/usr/local/go/src/net/http/server.go:3285 +0x4b4")
    return "\n".join(lines)


def zap_stacktrace(frames: Sequence[Frame]) -> str:
    """zap's ``stacktrace`` field: function, then tab and file:line, innermost first."""
    return "\n".join(f"{f.module}.{f.function}\n\t{f.file}:{f.line}" for f in reversed(frames))


# --- JavaScript --------------------------------------------------------------------------------

ENGINES = {
    "chrome": "v8",
    "edge": "v8",
    "firefox": "spidermonkey",
    "safari": "jsc",
    # React Native: Hermes on Android and iOS; an iOS build still on JavaScriptCore.
    "android": "hermes",
    "ios": "hermes",
    "ios-jsc": "jsc",
}


def js_message(err: JsError, engine: str, release: int, minified: bool = True) -> str:
    target = minified_var(err.target, release) if minified else err.target
    if err.kind in ("read-undefined", "read-null"):
        what = "undefined" if err.kind == "read-undefined" else "null"
        if engine == "v8":
            return f"Cannot read properties of {what} (reading '{err.prop}')"
        if engine == "spidermonkey":
            return f'can\'t access property "{err.prop}", {target} is {what}'
        if engine == "hermes":
            return f"Cannot read property '{err.prop}' of {what}"
        return f"{what} is not an object (evaluating '{target}.{err.prop}')"
    callee = f"{target}.{err.prop}" if err.prop else target
    if engine == "hermes":
        return f"{callee} is not a function (it is undefined)"
    if engine == "jsc":
        return f"{callee} is not a function. (In '{callee}{err.call}', '{callee}' is undefined)"
    return f"{callee} is not a function"


def exc_value(exc: Exc, engine: str = "v8", release: int = 0, minified: bool = True) -> str:
    if exc.js is not None:
        return js_message(exc.js, engine, release, minified)
    return exc.engines.get(engine, exc.value)


def bundle_url(origin: str, company: str, frame: Frame, release: int) -> str:
    return chunk_url(company, origin, frame.bundle, release)


def browser_stack(
    exc: Exc, message: str, engine: str, origin: str, company: str, release: int
) -> str:
    """``error.stack`` of a minified bundle in the engine's format (V8 starts with the message)."""
    lines = [f"{exc.type}: {message}"] if engine == "v8" else []
    for f in reversed(exc.frames):
        url = bundle_url(origin, company, f, release)
        line, col = minified_position(f, release)
        name = minified_name(f.function, f.bundle, release)
        if engine == "v8":
            lines.append(
                f"    at {name} ({url}:{line}:{col})" if name else f"    at {url}:{line}:{col}"
            )
        else:
            lines.append(f"{name}@{url}:{line}:{col}")
    return "\n".join(lines)


def node_path(f: Frame) -> str:
    """Where Node runs a frame's code: compiled TypeScript under dist/, packages, internals."""
    if f.file.startswith("node:"):
        return f.file
    if f.in_app and f.file.startswith("src/"):
        return "/app/dist/" + f.file.removeprefix("src/").rsplit(".", 1)[0] + ".js"
    return "/app/" + f.file


def node_position(f: Frame) -> tuple[int, int]:
    """tsc output keeps the code's order; its lines drift a little from the source's."""
    if f.in_app and f.file.startswith("src/"):
        return f.line + stable_int("tsc", f.file) % 5 + 2, max(f.col, 1) + 2
    return f.line, max(f.col, 1)


def node_stack(exc: Exc, message: str) -> str:
    lines = [f"{exc.type}: {message}" if message else exc.type]
    for f in reversed(exc.frames):
        line, col = node_position(f)
        where = node_path(f) if f.file.startswith("node:") else f"{node_path(f)}:{line}:{col}"
        if f.file.startswith("node:"):
            where = f"{f.file}:{f.line}:{col}"
        if f.args == "async" and not f.function:
            lines.append(f"    at async {where}")
        elif f.args == "async":
            lines.append(f"    at async {f.function} ({where})")
        elif f.function:
            lines.append(f"    at {f.function} ({where})")
        else:
            lines.append(f"    at {where}")
    return "\n".join(lines)


def rn_bundle_path(device: str, app: str, release: int) -> str:
    """Where the app's bundle lives on the device: an APK asset, or inside the iOS app."""
    bundle = RN_BUNDLES.get(device, "index.android.bundle")
    if device == "android":
        return bundle
    h = stable_int("iosapp", app, release)
    digits = f"{h:016X}{(h * 7) % 16**16:016X}"
    guid = f"{digits[:8]}-{digits[8:12]}-4{digits[13:16]}-A{digits[17:20]}-{digits[20:32]}"
    return f"/private/var/containers/Bundle/Application/{guid}/{app}.app/{bundle}"


def rn_stack(exc: Exc, message: str, device: str, app: str, release: int) -> str:
    """``error.stack`` in a React Native release build: Hermes (``at f (address at
    bundle:1:offset)``, ``at apply (native)``) or JavaScriptCore (``f@bundle:line:col``)."""
    path = rn_bundle_path(device, app, release)
    jsc = device == "ios-jsc"
    lines = [] if jsc else [f"{exc.type}: {message}"]
    for f in reversed(exc.frames):
        name = rn_name(f.function, release)
        if f.file == "native":
            lines.append(f"{f.function}@[native code]" if jsc else f"    at {f.function} (native)")
            continue
        line, col = rn_position(f, device, release)
        lines.append(
            f"{name}@{path}:{line}:{col}"
            if jsc
            else f"    at {name} (address at {path}:{line}:{col})"
        )
    return "\n".join(lines)


# --- Ruby, .NET, PHP ---------------------------------------------------------------------------


def ruby_abs_path(f: Frame) -> str:
    return ("/rails/" if f.in_app else "/usr/local/bundle/gems/") + f.file


def ruby_backtrace(exc: Exc, app_only: bool = True) -> list[str]:
    """Backtrace lines innermost first; Rails' cleaner keeps only the application's lines."""
    frames = [f for f in reversed(exc.frames) if f.in_app or not app_only]
    return [
        f"{f.file if app_only else ruby_abs_path(f)}:{f.line}:in `{f.function}'" for f in frames
    ]


def dotnet_trace(chain: Sequence[Exc]) -> str:
    """``Exception.ToString()``: thrown first, inner exceptions nested with ``--->``."""
    order = list(reversed(chain))
    head = " ---> ".join(f"{e.type}: {e.value}" for e in order)
    lines = [head]
    for depth, exc in enumerate(reversed(order)):
        for f in reversed(exc.frames):
            where = f" in {f.file}:line {f.line}" if f.in_app else ""
            lines.append(f"   at {f.module}.{f.function}{f.args or '()'}{where}")
        if depth < len(order) - 1:
            lines.append("   --- End of inner exception stack trace ---")
    return "\n".join(lines)


def _dotnet_frames(exc: Exc) -> list[str]:
    lines = []
    for f in reversed(exc.frames):
        where = f" in {f.file}:line {f.line}" if f.in_app else ""
        lines.append(f"   at {f.module}.{f.function}{f.args or '()'}{where}")
        if f.boundary:
            lines.append("--- End of stack trace from previous location ---")
    return lines


def dotnet_core_trace(chain: Sequence[Exc]) -> str:
    """``Exception.ToString()`` as .NET Core 3.0 and later write it: each inner exception on
    its own `` ---> `` line, the innermost stack first, awaits marked "End of stack trace from
    previous location". An AggregateException with one inner exception prints no more than
    that (.NET 5+ skips the inner exception it already wrote)."""
    order = list(reversed(chain))

    def to_string(i: int) -> str:
        exc = order[i]
        text = f"{exc.type}: {exc.value}" if exc.value else exc.type
        if i + 1 < len(order):
            inner = to_string(i + 1)
            text += f"\n ---> {inner}\n   --- End of inner exception stack trace ---"
        frames = _dotnet_frames(exc)
        return text + ("\n" + "\n".join(frames) if frames else "")

    return to_string(0)


def php_name(f: Frame) -> str:
    """``Class->method``, or ``Class::method`` for a static one (written ``::method``)."""
    if not f.module:
        return f.function
    return f.module + (f.function if f.function.startswith("::") else "->" + f.function)


def php_trace(exc: Exc) -> tuple[str, list[str]]:
    """Where PHP says the exception was thrown, and ``getTraceAsString()``'s lines: each line
    is a call site and the function it called, innermost first, ending in ``{main}``."""
    frames = list(exc.frames)
    thrown = frames[-1]
    # The framework's dispatch frames name the controller action they call.
    action = next((f.function for f in frames if f.in_app), "")
    lines: list[str] = []
    for i in range(len(frames) - 1, 0, -1):
        callee, caller = frames[i], frames[i - 1]
        name = php_name(callee)
        args = (callee.args or "()").replace("{action}", action)
        lines.append(f"#{len(lines)} {caller.file}({caller.line}): {name}{args}")
    lines.append(f"#{len(lines)} {{main}}")
    return f"{thrown.file}:{thrown.line}", lines


def pkg_errors_verbose(chain: Sequence[Exc]) -> str:
    """``fmt.Sprintf("%+v", err)`` of a github.com/pkg/errors chain (cause first): the root's
    message and the stack where it was made, then each wrapper's own message and stack
    (``withMessage`` prints its message only)."""
    lines: list[str] = []
    previous = ""
    for exc in chain:
        own = exc.value
        if previous and own.endswith(": " + previous):
            own = own[: -len(previous) - 2]
        if exc.type != "*errors.withStack":
            lines.append(own)
        for f in reversed(exc.frames):
            lines.append(f"{f.module}.{f.function}")
            lines.append(f"\t{f.file}:{f.line}")
        previous = exc.value
    return "\n".join(lines)


def php_where(exc: Exc) -> str:
    """``getFile():getLine()``: where the exception was made; for one an internal function
    threw (``PDOStatement->execute``), the line that called it."""
    frames = list(exc.frames)
    thrown = frames[-1]
    if not thrown.file and len(frames) > 1:
        thrown = frames[-2]
    return f"{thrown.file}:{thrown.line}"


def monolog_exception(chain: Sequence[Exc], codes: Sequence[str] = ()) -> str:
    """Monolog 3's ``LineFormatter`` normalising a Throwable with stack traces: the thrown
    exception, then each ``[previous exception]`` (its cause), each with its own trace."""
    blocks = []
    for i, exc in enumerate(reversed(chain)):
        code = codes[i] if i < len(codes) else "0"
        _, lines = php_trace(exc)
        head = f"[object] ({exc.type}(code: {code}): {exc.value} at {php_where(exc)})"
        blocks.append(head + "\n[stacktrace]\n" + "\n".join(lines) + "\n")
    return "\n[previous exception] ".join(blocks)
