"""Which frames of a stack are the application's, and what grouping calls them: a frame's
name (its method, never its line, column or chunk hash), its file (without the bundle's hash),
the exception a chain's reader reads past a framework's wrapper to, the stack's entry point and
the files an error was raised in. ``document`` builds its keys from these."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..parsing.libraries import NATIVE, RUNTIME_FUNCTIONS, class_in_app, path_in_app
from ..stacktrace import ExceptionInfo, Frame

#: Application frames a document keeps, innermost first: the key uses the first that is not
#: a shared helper, agreement checks use them all.
TOP_FRAMES = 5


_HASHED = re.compile(r"[0-9a-f]{6,}|\d{3,}")


# Function names that name no code: anonymous functions, module bodies, minified names.
_NAMELESS = frozenset(
    {"?", "<module>", "<anonymous>", "anonymous", "<lambda>", "<main>", "main", "{main}"}
)
_MINIFIED = re.compile(r"^[A-Za-z_$][\w$]?$")
# Closures take their name from where they are defined: "main.handler.func1", "lambda$run$0".
# A lambda the JVM names after the method it is written in: Kotlin's "render$lambda$3" or
# "render$lambda-3", Java's "lambda$render$0". The method is the name; the counter moves.
_JVM_LAMBDA = re.compile(r"^(?:lambda\$)?([A-Za-z_]\w*?)\$(?:lambda[$-]?)?\d+$")
_CLOSURE = re.compile(r"^(?:func\d+|lambda\$.*|\d+|<lambda>|block|\{closure\})$")


def frame_file(frame: Frame) -> str | None:
    """The name of a frame's file without its extension (``billing`` for
    ``/srv/app/billing.py``), where that names the code: not a URL's bundle or chunk. A name
    every package has (``views``, ``index``) keeps its directory: ``cabins/views``."""
    path = frame.filename or ""
    if not path or "://" in path or path.startswith("<"):
        return None
    parts = [p for p in re.split(r"[/\\]", path) if p]
    if not parts:
        return None
    name = parts[-1].split(".", 1)[0].lower()
    if not name or _HASHED.search(name):
        return None
    if name in _BUNDLE_NAMES and _BUILD_DIRS.intersection(p.lower() for p in parts[:-1]):
        return None  # one bundle a build wrote all the code into: no source file of its own
    if name in _GENERIC_FILES and len(parts) > 1:
        return f"{parts[-2].lower()}/{name}"
    return name


#: The methods every compiled Clojure function runs through.
_CLOJURE_CALLS = frozenset({"invoke", "invokeStatic", "doInvoke", "applyTo", "invokePrim"})

#: What bundlers name the one file they write (``out/main/index.js``, ``build/server/index.js``,
#: Nitro's ``.output/server/chunks/nitro/nitro.mjs`` for Nuxt's server code) and the
#: directories they write it to.
_BUNDLE_NAMES = frozenset({"index", "main", "bundle", "app", "server", "vendor", "nitro"})
_BUILD_DIRS = frozenset({"dist", "build", "out", ".next", ".output", "app.asar"})

#: File names found in every package: their directory says which code they are.
_GENERIC_FILES = frozenset(
    {
        "views",
        "view",
        "models",
        "index",
        "__init__",
        "handler",
        "handlers",
        "main",
        "utils",
        "routes",
        "controller",
        "service",
        "services",
        "api",
        "tasks",
        "serializers",
        "forms",
        "mod",
        "lib",
        "app",
        "server",
    }
)


def same_file(mine: str, theirs: str) -> bool:
    """Two frames' files are one where they agree as far as both go: ``views`` (a sender
    that gives no directory) is ``cabins/views``, ``bookings/views`` is not."""
    if mine == theirs:
        return True
    if "/" in mine and "/" in theirs:
        return False
    return mine.rsplit("/", 1)[-1] == theirs.rsplit("/", 1)[-1]


def frame_name(frame: Frame) -> str | None:
    """The name a key gives a frame: its method, as every tool spells it alike.

    ``app.billing.compute_total``, ``com.shop.Billing.total``, ``main.(*Server).handle``,
    ``Billing->total``, ``block in total`` all come down to the method. Line numbers, columns,
    files and chunk hashes never enter a key: they change with every release.
    """
    function = (frame.function or "").strip()
    if function in _CLOJURE_CALLS and frame.module and "$" in frame.module:
        # Clojure compiles a function to a class: "shop.stock$reserve_BANG_.invokeStatic" is
        # the function reserve!, "shop.api$fn__30211" an anonymous one.
        name = frame.module.split("$")[1]
        return None if name.startswith("fn__") or not name else name
    if not function or function in _NAMELESS:
        return None
    if function.startswith(("$s", "_$s", "$S", "_$S")):
        function = _demangled_swift(function) or function
    if "kfun:" in function and (kotlin := _KOTLIN_NATIVE.search(function)) is not None:
        # Kotlin/Native's symbol: "kfun:<package>.<Class>#<method>(<params>){}<returns>".
        name = kotlin["method"]
        return kotlin["owner"].rsplit(".", 1)[-1] if name == "<init>" else name
    if "[" in function and (method := _OBJC_METHOD.match(function)) is not None:
        # A block runs as part of the method it is written in, as a closure does.
        return method["selector"]
    function = re.sub(
        r"^(?:block(?: \(\d+ levels\))? in |async |new |Object\.|Module\.)", "", function
    )
    function = re.sub(r"\(.*\)$|\s+\[as [^\]]+\]$", "", function).strip()
    if function.endswith(">"):
        # Generic arguments, after the parameters if any: Swift's "BusAPI.fetch<A>(_:)".
        function = re.sub(r"<.*>$", "", function).strip()
    parts = [p for p in re.split(r"[.:/#\\]+|->|\(\*|\)", function) if p]
    if not parts:
        return None
    name = _JVM_LAMBDA.sub(r"\g<1>", parts[-1])
    if name == "{{closure}}" and len(parts) >= 2:
        # Rust's async fn runs as a closure of itself ("store::basket::insert_line::
        # {{closure}}"): the function, as a log of it names it.
        return parts[-2] if not _MINIFIED.match(parts[-2]) else None
    if _CLOSURE.match(name):
        if len(parts) < 2:
            return None
        name = f"{parts[-2]}.{name}"
    if _MINIFIED.match(name) or name in _NAMELESS:
        return None  # "t", "e", "Xy": a minifier's name says nothing across releases
    return name


_KOTLIN_NATIVE = re.compile(r"kfun:(?P<owner>[^#(]+)#(?P<method>[^(#]+)\(")
# An Objective-C method, or a block in one ("__38-[ImageCache store:forKey:]_block_invoke_2"):
# its selector names it as a method name does (the class is the file's, as in other languages).
_OBJC_METHOD = re.compile(
    r"^(?:__\d+)?[-+]\[[\w$]+(?:\([\w$]*\))? (?P<selector>[\w$:]+)\](?:_block_invoke(?:_\d+)?)?$"
)
# The kinds of a Swift type in a mangled name, after its identifier: class, struct, enum,
# protocol.
_SWIFT_KINDS = frozenset("CVOP")
# Digits of an identifier's length in a mangled name, at most (a sender's "$s999..." is no
# symbol, and no number to convert).
_SWIFT_SIZE_DIGITS = 4
# A property accessor's ending: what a symbolicated frame names "price.getter".
_SWIFT_ACCESSORS = {"vg": "getter", "vs": "setter"}


def _demangled_swift(symbol: str) -> str | None:
    """``DeparturesBoard.poll`` of ``$s13HolmrookBuses15DeparturesBoardC4pollyyYaKF``: the
    names a mangled Swift symbol spells out after its module (as posthog-ios sends frames,
    raw, and crash reports without symbols show them), the accessor of a property's."""
    at = symbol.index("$") + 2
    names: list[str] = []
    while at < len(symbol) and symbol[at].isdigit():
        end = at
        while end < len(symbol) and symbol[end].isdigit():
            end += 1
        if end - at > _SWIFT_SIZE_DIGITS:
            return None  # no Swift name is that long: not a mangled symbol
        size = int(symbol[at:end])
        names.append(symbol[end : end + size])
        at = end + size
        if at + 1 < len(symbol) and symbol[at] in _SWIFT_KINDS and symbol[at + 1].isdigit():
            at += 1
    if len(names) < 2:
        return None
    accessor = _SWIFT_ACCESSORS.get(symbol[-2:])
    return ".".join([*names[1:], accessor] if accessor else names[1:])


def is_library(frame: Frame) -> bool:
    """A frame whose sender did not say: a library's or the runtime's by its path or class."""
    return (
        path_in_app(frame.filename) is False
        or path_in_app(frame.module) is False
        or class_in_app(frame.module) is False
        or class_in_app(frame.function) is False
    )


def application_frames(
    exceptions: Sequence[ExceptionInfo],
) -> tuple[tuple[str, str | None], ...]:
    """The thrown exception's application frames, innermost first: (name, file) each.

    A frame is the application's when the sender says so (``in_app``), or, where it says
    nothing, when its path is no library's. When the thrown exception has none (a wrapper
    thrown from a library, a JVM log that prints only the cause), the causes are read too.
    """
    return framed(exceptions)[1]


def framed(
    exceptions: Sequence[ExceptionInfo],
) -> tuple[ExceptionInfo | None, tuple[tuple[str, str | None], ...]]:
    """The exception, thrown one first, whose application frames grouping reads, with them."""
    for exc in reversed(exceptions):
        if named := named_frames(exc):
            return exc, named
    return None, ()


def reading(
    exceptions: Sequence[ExceptionInfo],
) -> tuple[ExceptionInfo, tuple[tuple[str, str | None], ...]]:
    """The exception grouping reads, and the application frames it reads: the thrown one,
    unless it has no application frames and a cause has (a wrapper a framework threw around
    the application's error)."""
    thrown = exceptions[-1]
    inner, found = framed(exceptions)
    if inner is None and thrown.frames and (through := _through_application(exceptions)):
        return through, found
    if inner is None or not thrown.frames:
        # (Without frames of its own, the text did not say where it was thrown: it stays the
        # problem's statement.)
        return thrown, found
    return inner, found


def _through_application(exceptions: Sequence[ExceptionInfo]) -> ExceptionInfo | None:
    """Of a chain whose stacks name files only (Monolog's ``trace``), the cause that passed
    through the application's code, where the thrown wrapper passed through none of it but
    the program's entry (``bin/console``, ``public/index.php``): a framework's wrapper."""
    own = chosen(exceptions[-1].frames)
    if len(own) > 1 or (own and own[0] is not exceptions[-1].frames[0]):
        return None
    return next((e for e in reversed(exceptions[:-1]) if _in_application(e)), None)


def _in_application(exc: ExceptionInfo) -> bool:
    """Whether ``exc`` passed through the application's code: more of it than an entry, or,
    where only its throw site is known (Monolog without traces), thrown there."""
    own = chosen(exc.frames)
    return len(own) > 1 or (len(exc.frames) == 1 and own == exc.frames)


def named_frames(exc: ExceptionInfo) -> tuple[tuple[str, str | None], ...]:
    """The application frames of ``exc`` that have a name, innermost first: (name, file)."""
    named: dict[str, str | None] = {}
    for frame in reversed(chosen(exc.frames)):
        name = frame_name(frame)
        if name and name not in named:
            named[name] = frame_file(frame)
            if len(named) == TOP_FRAMES:
                break
    return tuple(named.items())


def chosen(frames: Sequence[Frame]) -> list[Frame]:
    """The application's frames, oldest first: those the sender marks, else no library's."""
    # An engine's own frame ("apply@native") is nobody's code, whatever an SDK marks it; nor
    # is a Rust frame of the standard library or of the crates sentry-rust itself names as
    # no application's (anyhow's `construct`, tokio's `poll`), however a build marked it; nor
    # Kotlin/Native's own (its standard library throwing a NullPointerException).
    frames = [
        f
        for f in frames
        if f.filename not in NATIVE
        and not (f.function and f.function.startswith(RUNTIME_FUNCTIONS))
    ]
    marked = [f for f in frames if f.in_app]
    return marked or [f for f in frames if f.in_app is None and not is_library(f)]


def unmarked(exceptions: Sequence[ExceptionInfo]) -> Sequence[ExceptionInfo]:
    """``exceptions`` as grouping reads them: where a JVM or .NET SDK marked no frame of the
    whole chain the application's, it was told nothing of the application (sentry-java
    without in-app includes), so its say is no say and the frames' classes decide. (Other
    SDKs tell the application's frames by their paths: none marked means none there, an error
    a library raised from its own code, as ActiveJob's deserializer does.)"""
    frames = [f for e in exceptions for f in e.frames]
    if not frames or any(f.in_app is not False for f in frames):
        return exceptions
    modules = [f.module for f in frames if f.module]
    if not modules or not all(_QUALIFIED_CLASS.match(m) for m in modules):
        return exceptions
    return [
        e.model_copy(update={"frames": [f.model_copy(update={"in_app": None}) for f in e.frames]})
        for e in exceptions
    ]


#: A class named with its namespace, as JVM and .NET frames name theirs (``com.acme.Billing``,
#: ``Marlpit.Claims.Handler``, ``Foo$Bar``, ``Handler+<Run>d__4``, a lambda's
#: ``Routes$$Lambda$1911/0x0000000840a4e840``).
_QUALIFIED_CLASS = re.compile(r"^(?:[A-Za-z_]\w*\.)+[A-Z][^\s.]*$")

#: Files named after the class they hold, in the languages that do so.
_CLASS_FILES = re.compile(r"\.(?:java|kt|scala|cs|rb|php)$")


def entries_of(exceptions: Sequence[ExceptionInfo]) -> tuple[str, ...]:
    """The outermost application frame of the thrown exception (or of the cause whose frames
    grouping reads, as ``application_frames`` does): its function, and its class (``module``
    ending in a capitalised name, or a file named after its class)."""
    own = next((c for e in reversed(exceptions) if (c := chosen(e.frames))), [])
    if not own:
        return ()
    outer = own[0]
    names = [frame_name(outer) or ""]
    owner = re.split(r"[.:\\/]+", outer.module or "")[-1]
    if owner[:1].isupper():
        names.append(owner)
    if outer.filename and _CLASS_FILES.search(outer.filename):
        names.append(re.split(r"[/\\]", outer.filename)[-1].rsplit(".", 1)[0])
    return tuple(n for n in names if n)


def places_of(thrown: ExceptionInfo, named: bool) -> tuple[str, ...]:
    """The files ``thrown`` was raised in: its innermost frame's and its innermost application
    frame's when its stack names functions, else the one file it states."""
    located = [f for f in thrown.frames if f.filename not in NATIVE and frame_file(f)]
    if not located:
        return ()
    own = [f for f in chosen(thrown.frames) if frame_file(f)]
    if not named:
        # Where only files are said (no functions), the application's innermost is the place,
        # with the file that called it when there is one (two handlers through one client);
        # a stack of nameless frames (minified code) says nothing of where, nor does a file of
        # the runtime's or a library's (Go's signal_unix.go is where every nil panic is raised).
        stated = own or [f for f in located if f.in_app is not False]
        if not stated or stated[-1].function:
            return ()
        return (file_path(stated),)
    files = [frame_file(located[-1]), frame_file(own[-1]) if own else None]
    if len(own) >= 2:
        files.append(file_path(own))
    return tuple(dict.fromkeys(f for f in files if f))


def file_path(frames: Sequence[Frame]) -> str:
    """The innermost file of ``frames`` (oldest first) and the next other file out, as one
    place: ``client>meters``; the innermost alone when one file holds them all."""
    files = [str(frame_file(f)) for f in reversed(frames)]
    caller = next((f for f in files if f != files[0]), None)
    return f"{files[0]}>{caller}" if caller else files[0]
