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
    # Electron's renderer is Chromium.
    "electron": "v8",
    "electron-mac": "v8",  # blind81
    "electron-win": "v8",  # blind81
    "android-webview": "v8",  # blind95: a Capacitor app in Android's system WebView
    "tauri-win": "v8",  # blind102: Tauri 2 on WebView2
    "tauri-mac": "jsc",  # blind102: WKWebView
    "tauri-linux": "jsc",  # blind102: WebKitGTK
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


def ruby_backtrace(exc: Exc, app_only: bool = True, ruby34: bool = False) -> list[str]:
    """Backtrace lines innermost first; Rails' cleaner keeps only the application's lines.
    Ruby 3.4 quotes the label with two single quotes and names the method's owner
    (``in 'Checkout::PromoApplier#apply'``), where older Rubies wrote ``in `apply'``."""
    frames = [f for f in reversed(exc.frames) if f.in_app or not app_only]
    open_quote = "'" if ruby34 else "`"
    return [
        f"{f.file if app_only else ruby_abs_path(f)}:{f.line}:in {open_quote}{f.function}'"
        for f in frames
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


# --- Elixir ------------------------------------------------------------------------------------


def elixir_mfa(f: Frame) -> str:
    """``Exception.format_mfa``: ``WrenfoldLive.Seatmap.Hold.place/3``, ``:gen_server.loop/7``;
    an anonymous function is ``anonymous fn/1 in WrenfoldLive.Seatmap.Hold.place/3``."""
    if f.function.startswith("anonymous fn"):
        head, _, rest = f.function.partition(" in ")
        return f"{head} in {f.module}.{rest}"
    return f"{f.module}.{f.function}"


def elixir_stacktrace(frames: Sequence[Frame], app: str, indent: str = "    ") -> list[str]:
    """``Exception.format_stacktrace``: innermost first, each line naming its OTP application
    and version (``(wrenfold_live 0.9.3) lib/…/hold.ex:41: …``). A library frame carries its
    application in ``args`` (``phoenix 1.7.14``); the application's own frames take ``app``."""
    lines = []
    for f in reversed(frames):
        if not f.file:  # a BIF: ``:erlang./(412, 0)``, its arguments and no location
            lines.append(f"{indent}{elixir_mfa(f)}")
            continue
        owner = app if f.in_app else f.args
        where = f"{f.file}:{f.line}" if f.line else f.file
        lines.append(f"{indent}({owner}) {where}: {elixir_mfa(f)}")
    return lines


def elixir_exception(exc: Exc, app: str, indent: str = "") -> str:
    """``Exception.format(:error, exc, stacktrace)``: ``** (KeyError) key :zone not found…``
    and the stacktrace below it, indented four spaces further."""
    name = f"{exc.module}.{exc.type}" if exc.module else exc.type
    banner = f"** ({name}) {exc.value}".rstrip("\n").split("\n")
    head = [f"{indent}{line}" if line else indent.rstrip() for line in banner]
    return "\n".join([*head, *elixir_stacktrace(exc.frames, app, indent + "    ")])


# --- Rust --------------------------------------------------------------------------------------

RUSTC = "/rustc/3f5fd8dd41153bc5fdca9427e9e05be2c767ba23/library/"


def rust_path(f: Frame) -> str:
    """Where the binary says a frame's code is: the workspace as built in the image
    (``/usr/src/app/crates/payslips/src/render/layout.rs``), std under ``/rustc/<hash>``,
    dependencies in Cargo's registry."""
    if not f.file or f.file.startswith("/"):
        return f.file
    return f"/usr/src/app/{f.file}"


def rust_short_backtrace(frames: Sequence[Frame]) -> str:
    """``RUST_BACKTRACE=1``'s short backtrace of a panic: numbered frames innermost first,
    each with its ``at file:line:col`` below; the runtime's frames above the entry point are
    cut at ``__rust_begin_short_backtrace``."""
    lines = ["stack backtrace:"]
    for i, f in enumerate(reversed(frames)):
        lines.append(f"{i:>4}: {f.function}")
        if f.file:
            lines.append(f"             at {rust_path(f)}:{f.line}:{f.col}")
    lines.append(
        "note: Some details are omitted, run with `RUST_BACKTRACE=full` for a verbose backtrace."
    )
    return "\n".join(lines)


def rust_std_backtrace(frames: Sequence[Frame]) -> str:
    """``std::backtrace::Backtrace``'s ``Display`` (anyhow's ``Stack backtrace:`` section):
    numbered frames innermost first, ``at file:line:col`` under each."""
    lines = []
    for i, f in enumerate(reversed(frames)):
        lines.append(f"{i:>4}: {f.function}")
        if f.file:
            lines.append(f"             at {rust_path(f)}:{f.line}:{f.col}")
    return "\n".join(lines)


def rust_panic_location(frames: Sequence[Frame]) -> str:
    """Where a panic happened, as the panic message names it: the innermost frame whose code
    is the crate's own (``src/render/layout.rs:142:37``)."""
    f = [f for f in frames if f.in_app][-1]
    return f"{f.file.removeprefix('./')}:{f.line}:{f.col}"


# --- loguru ------------------------------------------------------------------------------------

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*")
_KEYWORDS = {
    "and", "as", "async", "await", "def", "else", "for", "from", "if", "in", "is", "lambda",
    "not", "or", "raise", "return", "with", "yield", "None", "True", "False", "del", "try",
}  # fmt: skip


def _loguru_repr(name: str, call: bool, seed: str, owner: str = "") -> str:
    """A plausible repr for what a name holds: a function or class by its repr (addresses
    change per process), ids as numbers, plural names and mappings as dicts, others as
    objects."""
    n = stable_int("loguru", seed, name)
    address = f"0x7f{n % 0xFFFFFFFFFF:010x}"
    last = name.rsplit(".", 1)[-1]
    if call and last[0].isupper():
        return f"<class '{name}'>"
    instance = f"<{owner} object at 0x7f{stable_int('self', seed) % 0xFFFFFFFFFF:010x}>"
    if call and name.startswith("self."):
        return f"<bound method {owner.rsplit('.', 1)[-1]}.{last} of {instance}>"
    if call and "." in name:
        holder = name.rsplit(".", 1)[0].split(".")[-1].title()
        return f"<bound method {last} of <{holder} object at {address}>>"
    if call:
        return f"<function {last} at {address}>"
    if last in ("self", "cls"):
        return instance
    if last.endswith("id"):
        return str(n % 900_000 + 1_000)
    if last in ("args",):
        return f"({n % 900_000 + 1_000},)"
    if last in ("kwargs", "values", "row", "data", "payload", "bank", "details", "headers"):
        return "{" + f"'id': {n % 90_000 + 100}, 'status': 'pending'" + "}"
    if last.endswith("s"):
        return f"[<{last[:-1].title().replace('_', '')} id={n % 90_000 + 100}>, ...]"
    return f"<{last.title().replace('_', '')} id={n % 90_000 + 100}>"


def _loguru_values(line: str, seed: str, owner: str = "") -> list[tuple[int, str]]:
    """The names in a source line whose values loguru's ``diagnose`` shows, each part of a
    dotted name at its own column (``employee.bank`` shows the employee and the bank).
    Keyword-argument names, assignment targets and keywords show none."""
    out: list[tuple[int, str]] = []
    for m in _NAME.finditer(line):
        name = m.group(0)
        before = line[: m.start()]
        after = line[m.end() :].lstrip()
        if name.split(".")[0] in _KEYWORDS or before.endswith((".", "'", '"')):
            continue
        if after.startswith("=") and not after.startswith("=="):
            continue
        parts = name.split(".")
        col = m.start()
        for k, part in enumerate(parts):
            dotted = ".".join(parts[: k + 1])
            call = k == len(parts) - 1 and after.startswith("(")
            out.append((col, _loguru_repr(dotted, call, seed, owner)))
            col += len(part) + 1
    return out


def _loguru_diagnose(line: str, seed: str, owner: str = "") -> list[str]:
    """The ``│``/``└`` lines loguru draws under a source line, rightmost value first;
    ``owner`` is the class ``self`` is an instance of."""
    values = _loguru_values(line, seed, owner)
    lines = []
    for i in range(len(values) - 1, -1, -1):
        col, value = values[i]
        row = [" "] * col
        for j in range(i):
            row[values[j][0]] = "│"
        lines.append("".join(row) + "└ " + value)
    return lines


def loguru_traceback(
    chain: Sequence[Exc],
    *,
    diagnose: bool,
    above: Sequence[Frame] = (),
    seed: str = "",
) -> str:
    """loguru's ``ExceptionFormatter`` without colours: each frame block after a blank line;
    with ``backtrace``, the frames ``above`` the one that caught the exception come first
    and the catching frame is marked ``>``; with ``diagnose``, the values of the names in
    each source line drawn below it."""
    blocks = []
    for i, exc in enumerate(chain):
        last = i == len(chain) - 1
        frames = [*above, *exc.frames] if last and above else list(exc.frames)
        lines = ["Traceback (most recent call last):", ""]
        for k, f in enumerate(frames):
            mark = ">" if last and above and k == len(above) else " "
            lines.append(f'{mark} File "{py_abs_path(f)}", line {f.line}, in {f.function}')
            if f.context:
                code = f.context.strip()
                lines.append("    " + code)
                if diagnose:
                    # ``self`` in a method: an instance of a class named after its module.
                    last = f.module.rsplit(".", 1)[-1].strip("_")
                    owner = f"{f.module}.{''.join(p.title() for p in last.split('_'))}"
                    lines.extend(
                        "    " + row
                        for row in _loguru_diagnose(code, f"{seed}{f.file}{f.line}", owner)
                    )
            lines.append("")
        lines.append(f"{exc.text_name}: {exc.value}" if exc.value else exc.text_name)
        blocks.append("\n".join(lines))
    cause = "\n\nThe above exception was the direct cause of the following exception:\n\n"
    return cause.join(blocks)


# --- Go: runtime/debug.Stack -------------------------------------------------------------------


def go_debug_stack(exc: Exc, goroutine: int, recover: Sequence[Frame]) -> str:
    """``runtime/debug.Stack()`` called in a deferred recover: the goroutine's stack from
    ``debug.Stack`` itself, through the recovering closure and ``panic``, down the panicking
    frames to the goroutine's start."""
    lines = [f"goroutine {goroutine} [running]:", "runtime/debug.Stack()"]
    lines.append("\t/usr/local/go/src/runtime/debug/stack.go:26 +0x5e")
    for f in reversed(recover):
        lines.append(f"{f.module}.{f.function}()")
        lines.append(f"\t{f.file}:{f.line} {_go_offset(f)}")
    lines.append(
        f"panic({{0x{stable_int('pv', exc.value) % 0xFFFFFF:x}?, 0xc000{goroutine:06x}?}})"
    )
    lines.append("\t/usr/local/go/src/runtime/panic.go:770 +0x132")
    for f in reversed(exc.frames):
        lines.append(f"{f.module}.{f.function}{_go_args(f)}")
        lines.append(f"\t{f.file}:{f.line} {_go_offset(f)}")
    lines.append("created by net/http.(*Server).Serve in goroutine 1")
    lines.append("\t/usr/local/go/src/net/http/server.go:3285 +0x4b4")
    return "\n".join(lines)


# --- Dart --------------------------------------------------------------------------------------


def dart_trace(frames: Sequence[Frame]) -> str:
    """``StackTrace.toString()`` on the Dart VM: ``#n`` padded to eight columns, the member,
    the URI with line and column, innermost first; an awaited call's caller after a line
    ``<asynchronous suspension>``, the numbering carried on."""
    lines, n = [], 0
    for f in reversed(frames):
        if f.file == "<asynchronous suspension>":
            lines.append(f.file)
            continue
        lines.append(f"#{n:<7}{f.function} ({f.file}:{f.line}:{f.col})")
        n += 1
    return "\n".join(lines)
