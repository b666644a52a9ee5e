"""Sentry integration-platform webhooks: ``error.created``, ``event_alert.triggered`` and
``issue.created`` (getsentry/sentry-docs: .../integration-platform/webhooks/{errors,
issue-alerts,issues}.mdx; field list of Event.as_dict() and the group serializer).

Events carry ``exception.values`` cause first with frames oldest first, tags as sorted
``[key, value]`` pairs, ``issue_id`` as a string; issues carry only ``metadata`` (type,
value, filename, function) and no frames, tags, release or environment.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

from . import android11, unity
from .delivery import Delivery
from .logs7 import ruby_path
from .logs27 import lambda_py_path
from .model import Exc, Frame
from .rand import stable_hex, stable_int
from .releases import RN_BUNDLES, chunk_url, minified_name, minified_position, rn_name, rn_position
from .traces import (
    elixir_mfa,
    node_path,
    node_position,
    php_name,
    py_abs_path,
    ruby_abs_path,
    rust_path,
)

SDK = {
    "python": ("sentry.python.django", "1.40.6", "pypi:sentry-sdk"),
    "javascript": ("sentry.javascript.react", "7.108.0", "npm:@sentry/react"),
    "node": ("sentry.javascript.node", "7.108.0", "npm:@sentry/node"),
    "java": ("sentry.java.spring-boot.jakarta", "7.6.0",
             "maven:io.sentry:sentry-spring-boot-jakarta"),
    "go": ("sentry.go", "0.27.0", "go:github.com/getsentry/sentry-go"),
    "ruby": ("sentry.ruby.rails", "5.16.1", "gem:sentry-rails"),
    "csharp": ("sentry.dotnet.aspnetcore", "4.2.1", "nuget:Sentry.AspNetCore"),
    "php": ("sentry.php.laravel", "4.4.1", "composer:sentry/sentry-laravel"),
}  # fmt: skip

APP_ACTOR = {"type": "application", "id": "sentry", "name": "Sentry"}


# --- frames ----------------------------------------------------------------------------------


def _in_app(d: Delivery, f: Frame) -> bool:
    rule = d.opts.get("in_app")
    if rule == "all":
        return True
    if rule == "none":
        return False
    if d.service.platform == "rust":
        # sentry-backtrace marks only std, core, alloc, backtrace and sentry frames as not
        # in-app; without ``in_app_include`` every other crate's frame counts as the app's.
        return not rust_sys(f.function)
    return f.in_app


def rust_sys(function: str) -> bool:
    """sentry-backtrace's well-known system frames (``function_starts_with`` drops a
    leading ``<`` of a trait impl)."""
    name = function.lstrip("<").removeprefix("_<")
    return name.startswith(
        ("std::", "core::", "alloc::", "backtrace::", "sentry::", "sentry_core::", "__rust_")
    ) or name in ("rust_begin_unwind",)


def rust_crate(function: str) -> str | None:
    """sentry-backtrace's ``parse_crate_name``: the first path segment, past a trait impl's
    ``<`` and an anonymous implementor's ``X as ``."""
    name = function.lstrip("<").removeprefix("_<")
    if " as " in name.split("::", 1)[0]:
        name = name.split(" as ", 1)[1]
    head, sep, _ = name.partition("::")
    return head if sep and head.replace("_", "").isalnum() else None


def cocoa_package(d: Delivery, f: Frame) -> str:
    """The binary image a frame ran in: the app's executable inside its bundle (its path
    changes with every install), or the system library the frame names."""
    if not f.in_app:
        return f.file
    h = stable_int("iosbundle", d.company.key, d.release, d.index % 3)
    digits = f"{h:016X}{(h * 11) % 16**16:016X}"
    guid = f"{digits[:8]}-{digits[8:12]}-4{digits[13:16]}-A{digits[17:20]}-{digits[20:32]}"
    return f"/private/var/containers/Bundle/Application/{guid}/{f.module}.app/{f.module}"


def _cocoa_addresses(d: Delivery, f: Frame) -> tuple[str, str]:
    """Image and instruction address: the app's image slides with every launch (ASLR)."""
    if f.in_app:
        image = 0x100000000 + (stable_int("aslr", d.bug.id, d.index) % 0x3FFF) * 0x4000
    else:
        image = 0x180000000 + (stable_int("dyld", f.file, d.release) % 0x3FFF) * 0x10000
    offset = stable_int("ip", f.function, f.line, d.release) % 0x3FFFFF
    return f"0x{image:x}", f"0x{image + offset:x}"


def sentry_frame(d: Delivery, f: Frame) -> dict[str, Any]:
    p = d.service.platform
    frame: dict[str, Any]
    if p == "python":
        frame = {
            "filename": f.file,
            # blind27: a Lambda function's code under /var/task, the runtime's under /var/lang.
            "abs_path": lambda_py_path(f)
            if d.service.framework == "aws_lambda"
            else py_abs_path(f),
            "function": f.function,
            "module": f.module,
            "lineno": f.line,
            "context_line": f.context or None,
        }
    elif p == "javascript":
        frame = {
            "filename": "/" + f.file,
            "abs_path": f"{d.service.origin}/{f.file}",
            "function": f.function or None,
            "module": f.file.rsplit(".", 1)[0].split("/", 1)[-1],
            "lineno": f.line,
            "colno": f.col or 1,
            "context_line": f.context or None,
            "data": {
                "sourcemap": _chunk_url(d, f) + ".map",
                "resolved_with": "release",
                "symbolicated": True,
            },
        }
    elif p == "node" and f.file.startswith("node:"):
        frame = {
            "filename": f.file,
            "abs_path": f.file,
            "function": f.function,
            "module": f.file.rsplit("/", 1)[-1].removeprefix("node:"),
            "lineno": f.line,
            "colno": f.col or 1,
        }
    elif p == "node":
        mapped = bool(d.opts.get("sourcemaps", True))
        path = ("/app/" + f.file) if mapped or not f.file.startswith("src/") else node_path(f)
        line, col = (f.line, f.col or 1) if mapped else node_position(f)
        parts = (
            path.removeprefix("/app/").removeprefix("src/").removeprefix("dist/").rsplit(".", 1)[0]
        )
        module = parts.replace("node_modules/", "").replace("/", ".")
        module = (
            module.rsplit(".", 1)[0] + ":" + module.rsplit(".", 1)[-1] if "." in module else module
        )
        if d.company.key in ("in", "nj"):  # blind81, blind123: @sentry/electron main, under app:///
            path = path.replace("/app/", "app:///", 1)
        if d.service.framework == "aws_lambda":  # blind27: a Lambda function's package
            path = f.file if f.file.startswith("/") else path.replace("/app/", "/var/task/", 1)
            module = "runtime:index" if f.file.startswith("/") else module
        frame = {
            "filename": path,
            "abs_path": path,
            "function": f.function or None,
            "module": module,
            "lineno": line,
            "colno": col,
            "context_line": f.context or None,
        }
    elif p == "java" and d.service.framework == "android" and d.opts.get("r8"):
        # blind73: a release whose ProGuard/R8 mapping was never uploaded keeps R8's names.
        module, function, file, line = android11.obfuscated(f, d.release)
        frame = {"filename": file, "module": module, "function": function, "lineno": line}
    elif p == "java":
        frame = {
            "filename": f.file,
            "module": f.module,
            "function": f.function,
            "lineno": f.line if f.line > 0 else None,
            "native": f.line == -2 or None,
        }
    elif p == "go":
        root = "/src/"
        frame = {
            "filename": f.file.removeprefix(root).removeprefix("/usr/local/go/src/"),
            "abs_path": f.file,
            "function": f.function,
            "module": f.module,
            "lineno": f.line,
        }
    elif p == "ruby" and d.service.runtime.startswith("ruby 3.4"):
        # Ruby 3.4's labels name the owner (``Checkout::PromoApplier#apply``); sentry-ruby
        # splits an instance method's owner into ``module``.
        owner, sep, method = f.function.rpartition("#")
        simple = " " not in owner and bool(sep)
        frame = {
            "filename": f.file if f.in_app else f.file.split("/lib/", 1)[-1],
            "abs_path": ruby_abs_path(f),
            "function": method if simple else f.function,
            "module": owner if simple else None,
            "lineno": f.line,
            "project_root": "/rails",
        }
    elif p == "ruby" and (
        d.service.framework in ("hanami", "shoryuken", "sinatra")
        or d.company.key in ("be", "ch", "dp", "ke", "kt")  # ke: blind96, kt: blind101 /app
    ):
        # A Hanami (or Grape, dp) app's image keeps the code under /app, not Rails' /rails.
        frame = {
            "filename": f.file if f.in_app else f.file.split("/lib/", 1)[-1],
            "abs_path": ruby_path(f),
            "function": f.function,
            "lineno": f.line,
            "project_root": "/app",
        }
    elif p == "ruby":
        frame = {
            "filename": f.file if f.in_app else f.file.split("/lib/", 1)[-1],
            "abs_path": ruby_abs_path(f),
            "function": f.function,
            "lineno": f.line,
            "project_root": "/rails",
        }
    elif p == "csharp" and d.service.framework == "unity":
        return unity.sentry_frame(d, f, _in_app(d, f))
    elif p == "csharp":
        assembly = ".".join(f.module.split(".")[:2])
        version = "1.4.0.0" if f.in_app else "8.0.0.0"
        token = "null" if f.in_app else "cc7b13ffcd2ddd51"
        frame = {
            "function": f.function,
            "module": f.module,
            "package": f"{assembly}, Version={version}, Culture=neutral, PublicKeyToken={token}",
        }
        # blind29: a Blazor WebAssembly release loads no PDBs, so its frames have no lines;
        # blind100: nor a MAUI release built without its portable PDBs uploaded (``nopdb``).
        if f.in_app and d.service.framework != "blazor-wasm" and not d.opts.get("nopdb"):
            frame.update(
                abs_path=f.file,
                filename=f.file.rsplit("/", 1)[-1],
                lineno=f.line,
                colno=f.col or 17,
            )
    elif p == "php" and not f.file:
        # An internal function (PDOStatement->execute) has no file of its own.
        frame = {
            "filename": "[internal]",
            "abs_path": "[internal]",
            "function": php_name(f).replace("->", "::"),
        }
    elif p == "dart" and f.file == "<asynchronous suspension>":
        # sentry-dart's marker between two traces of a Chain: an abs_path and nothing else.
        return {"abs_path": f.file}
    elif p == "dart":
        # sentry-dart's SentryStackTraceFactory: the URI whole for dart: and package: frames,
        # its last segment as the file name, the package, the frame's own platform.
        frame = {
            "abs_path": f.file,
            "function": f.function or None,
            "filename": f.file.rsplit("/", 1)[-1],
            "package": f.module or None,
            "platform": "dart",
            "lineno": f.line,
            "colno": f.col or None,
        }
    elif p == "react-native" and f.file == "native":
        frame = {"filename": "native", "function": f.function}
    elif p == "react-native":
        # Frames symbolicated with the release's source map: Metro's relative source paths
        # under the app:/// prefix the SDK gives the bundle.
        frame = {
            "filename": "app:///" + f.file,
            "abs_path": "app:///" + f.file,
            "function": f.function or None,
            "lineno": f.line,
            "colno": f.col or 1,
            "context_line": f.context or None,
            "data": {
                "sourcemap": f"app:///{RN_BUNDLES.get(d.browser, 'index.android.bundle')}.map",
                "resolved_with": "release",
                "symbolicated": True,
            },
        }
    elif p == "php":
        frame = {
            # blind126: sentry-symfony's prefixes strip Elastic Beanstalk's /var/app/current.
            "filename": f.file.removeprefix("/var/www/html").removeprefix("/var/app/current"),
            "abs_path": f.file,
            "function": php_name(f).replace("->", "::"),
            "lineno": f.line,
            "context_line": f.context or None,
        }
    elif p == "deno":
        # @sentry/deno's normalizePaths integration rewrites the app's own file:/// URLs
        # under app:///; remote modules and Deno's ext: internals keep their specifiers.
        filename = f.file.replace("file:///app/", "app:///", 1)
        frame = {
            "filename": filename,
            "abs_path": filename,
            "function": f.function or "?",
            "lineno": f.line,
            "colno": f.col or 1,
            "context_line": f.context or None,
        }
    elif p == "elixir":
        # sentry-elixir: the file relative to the project, the MFA as Exception.format_mfa
        # writes it, the module inspected.
        frame = {
            "filename": f.file or None,
            "function": elixir_mfa(f),
            "module": f.module,
            "lineno": f.line or None,
            "vars": {},
        }
    elif p == "rust":
        path = rust_path(f)
        rip = 0x55D0_0000_0000 + stable_int("rip", f.function, d.release) % 0x3FFF_FFFF
        frame = {
            "function": f.function,
            "package": rust_crate(f.function),
            "filename": path.rsplit("/", 1)[-1] if path else None,
            "abs_path": path or None,
            "lineno": f.line or None,
            "instruction_addr": f"0x{rip:x}",
        }
    elif p == "cocoa":
        image, instruction = _cocoa_addresses(d, f)
        frame = {"package": cocoa_package(d, f), "image_addr": image}
        if f.in_app and d.opts.get("raw"):
            # No dSYM uploaded for this build: Symbolicator cannot name the frame.
            frame.update(instruction_addr=instruction, symbolicator_status="missing")
        elif f.in_app:
            frame.update(
                function=f.function,
                filename=f.file.rsplit("/", 1)[-1],
                abs_path=f"/Users/runner/work/{d.company.sentry_org}-ios/{d.company.sentry_org}-ios/{f.file}",
                lineno=f.line,
                instruction_addr=instruction,
                symbolicator_status="symbolicated",
            )
        else:
            frame.update(
                function=f.function,
                instruction_addr=instruction,
                symbolicator_status="symbolicated",
            )
    else:
        raise ValueError(f"no Sentry frame shape for platform {p}")
    frame["in_app"] = _in_app(d, f)
    return {k: v for k, v in frame.items() if v is not None}


def rn_raw_frame(d: Delivery, f: Frame) -> dict[str, Any]:
    """A React Native frame as the SDK sent it: the bundle under app:///, Hermes bytecode
    offsets (line 1) or JavaScriptCore's bundle lines, release-minified names."""
    if f.file == "native":
        native = "[native code]" if d.browser == "ios-jsc" else "native"
        return {"filename": native, "function": f.function, "in_app": False}
    line, col = rn_position(f, d.browser, d.release)
    return {
        "filename": "app:///" + RN_BUNDLES.get(d.browser, "index.android.bundle"),
        "function": rn_name(f.function, d.release),
        "lineno": line,
        "colno": col,
        "in_app": True,
    }


def dart_native_frame(d: Delivery, f: Frame) -> dict[str, Any]:
    """A frame of a Flutter build made with ``--split-debug-info`` whose symbols were never
    uploaded: the ``abs`` address the VM printed, left for server-side symbolication."""
    base = 0x7A00000000 + stable_int("dartso", d.company.key, d.release) % 0xFFFFF * 0x1000
    pc = base + stable_int("dartpc", f.function, f.file, d.release) % 0x3FFFFF
    return {"instruction_addr": f"0x{pc:x}", "platform": "native"}


def _chunk_url(d: Delivery, f: Frame) -> str:
    return chunk_url(d.company.key, d.service.origin, f.bundle, d.release)


def minified_frame(d: Delivery, f: Frame) -> dict[str, Any]:
    url = _chunk_url(d, f)
    line, col = minified_position(f, d.release)
    name = minified_name(f.function, f.bundle, d.release)
    if not d.minified:
        # importmap-rails serves the source as written, under a digested file name.
        line, col, name = f.line, f.col or 1, f.function
    path = url.split("/", 3)[3]
    return {
        "filename": "/" + path,
        "abs_path": url,
        "function": name or None,
        "module": path.rsplit(".", 1)[0].rsplit("/", 1)[-1],
        "lineno": line,
        "colno": col,
        "in_app": True,
    }


# --- exceptions and events ---------------------------------------------------------------------


def _type_and_module(d: Delivery, exc: Exc) -> tuple[str, str | None]:
    p = d.service.platform
    if p == "elixir" and exc.module:
        return f"{exc.module}.{exc.type}", None
    if p == "rust":
        # sentry-core's parse_type_name_from_debug: ``reqwest::Error { .. }`` -> module, type.
        return exc.type, exc.module or None
    if p in ("python", "java"):
        return exc.type, (exc.module if exc.module != "builtins" else None) or None
    if p == "csharp" and d.service.framework == "unity":
        # Unity's Mono/IL2CPP class library is mscorlib, not .NET's CoreLib.
        return exc.text_name, (
            "mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089"
        )
    if p == "csharp":
        return (
            exc.type,
            "System.Private.CoreLib, Version=8.0.0.0, Culture=neutral, "
            "PublicKeyToken=7cec85d7bea7798e",
        )
    return exc.type, None


def sentry_exceptions(d: Delivery) -> list[dict[str, Any]]:
    raw = bool(d.opts.get("raw"))
    mechanism = str(d.opts.get("mechanism", d.service.framework or "generic"))
    out = []
    for i, exc in enumerate(d.chain):
        type_, module = _type_and_module(d, exc)
        value: dict[str, Any] = {"type": type_, "value": exc.value}
        if module:
            value["module"] = module
        last = i == len(d.chain) - 1
        if last:
            value["mechanism"] = {"type": mechanism, "handled": d.bug.handled}
        else:
            value["mechanism"] = {"type": "chained", "handled": True, "source": "__cause__"}
        value["mechanism"]["exception_id"] = len(d.chain) - 1 - i
        if d.chain[-1].group:
            # Sentry .NET sends an AggregateException as an exception group.
            if last:
                value["mechanism"]["is_exception_group"] = True
            else:
                parent = len(d.chain) - 2 - i
                value["mechanism"]["source"] = (
                    "InnerExceptions[0]" if parent == 0 else "InnerException"
                )
                value["mechanism"]["parent_id"] = parent
        if d.service.platform == "javascript" and not exc.frames and d.company.key == "v":
            # A rejected dynamic import carries no frames, so the SDK sends no stacktrace (the
            # older companies' files keep their empty lists byte for byte).
            pass
        elif d.service.platform == "javascript" and not d.minified:
            value["stacktrace"] = {"frames": [minified_frame(d, f) for f in exc.frames]}
        elif d.service.platform == "javascript":
            minified = [minified_frame(d, f) for f in exc.frames]
            if raw:
                value["stacktrace"] = {"frames": minified}
            else:
                value["stacktrace"] = {"frames": [sentry_frame(d, f) for f in exc.frames]}
                value["raw_stacktrace"] = {"frames": minified}
        elif d.service.platform == "react-native" and exc.frames:
            device = [rn_raw_frame(d, f) for f in exc.frames]
            if raw:
                value["stacktrace"] = {"frames": device}
            else:
                value["stacktrace"] = {"frames": [sentry_frame(d, f) for f in exc.frames]}
                value["raw_stacktrace"] = {"frames": device}
        elif d.service.platform == "rust" and exc.frames:
            value["stacktrace"] = {"frames": [sentry_frame(d, f) for f in rust_trim(exc.frames)]}
        elif d.service.platform == "dart" and exc.frames and raw:
            shown = [f for f in exc.frames if f.file != "<asynchronous suspension>"]
            value["stacktrace"] = {"frames": [dart_native_frame(d, f) for f in shown]}
        elif exc.frames:
            value["stacktrace"] = {"frames": [sentry_frame(d, f) for f in exc.frames]}
        if d.service.platform == "cocoa" and last and _ns_error(d):  # blind70
            value["mechanism"] = ns_error_mechanism(d, exc)
        elif d.service.platform == "cocoa" and last and d.bug.handled and d.company.key == "ng":
            # blind122: a Kotlin exception captured by sentry-kotlin-multiplatform, not a crash.
            value["mechanism"] = {"type": "generic", "handled": True}
        elif d.service.platform == "cocoa" and last:
            value["mechanism"] = cocoa_mechanism(d, exc)
            value["thread_id"] = 0
        if d.service.platform == "rust" and exc.type == "panic":
            value["mechanism"] = {"type": "panic", "handled": False}
        elif d.service.platform == "rust":
            # sentry-core's event_from_error sets no mechanism on an error's chain.
            del value["mechanism"]
        if d.service.platform == "java":
            value["thread_id"] = d.rand.randint(30, 220)
        out.append(value)
    return out


def rust_trim(frames: tuple[Frame, ...]) -> tuple[Frame, ...]:
    """sentry-backtrace's ``trim_stacktrace``: the frames inside the panic machinery go, up
    to the innermost border frame (``core::panicking::panic…``, ``std::panicking::begin_panic``)
    included."""
    for i in range(len(frames) - 1, -1, -1):
        name = frames[i].function
        if name.startswith(("core::panicking::panic", "std::panicking::begin_panic")):
            return frames[:i]
    return frames


def _ns_error(d: Delivery) -> bool:
    """blind70: ``SentrySDK.capture(error:)`` of a handled Swift error or NSError."""
    return d.company.key in ("hg", "lh", "nm") and d.bug.handled  # lh: blind105, nm: blind124


def ns_error_mechanism(d: Delivery, exc: Exc) -> dict[str, Any]:
    """sentry-cocoa's event for a captured ``NSError``: the domain as the type, ``Code: n``
    as the value (after the ``NSDebugDescription``, if any), the domain and code again."""
    code = exc.value.rsplit("Code: ", 1)[-1].rstrip(")")
    return {
        "type": "NSError",
        "handled": True,
        "meta": {"ns_error": {"domain": exc.type, "code": int(code)}},
    }


def cocoa_mechanism(d: Delivery, exc: Exc) -> dict[str, Any]:
    """SentryCrash's mechanism: a Mach exception with the signal it became, or an uncaught
    NSException (which aborts: EXC_CRASH, SIGABRT)."""
    subcode = stable_int("subcode", d.bug.id, d.index) % 0xFFFFFFFF
    if exc.type.startswith("EXC_BAD_ACCESS"):
        signal, mach = (11, "SIGSEGV"), (1, 1, subcode, "EXC_BAD_ACCESS")
    elif exc.type.startswith("EXC_"):
        signal, mach = (5, "SIGTRAP"), (6, 1, subcode, "EXC_BREAKPOINT")
    else:
        signal, mach = (6, "SIGABRT"), (10, 0, 0, "EXC_CRASH")
    return {
        "type": "nsexception" if not exc.type.startswith("EXC_") else "mach",
        "handled": False,
        "meta": {
            "signal": {"number": signal[0], "code": 0, "name": signal[1]},
            "mach_exception": {
                "exception": mach[0],
                "code": mach[1],
                "subcode": mach[2],
                "name": mach[3],
            },
        },
    }


def issue_variant(d: Delivery) -> str:
    """Sentry's own grouping splits an issue when the in-app frames change: a renamed caller,
    or minified frames of a release whose source maps were not uploaded."""
    if d.opts.get("raw"):
        return f"raw{d.release}"
    if d.release and any(f.function in d.bug.renames.values() for f in d.frames):
        return "renamed"
    return ""


def issue_id(d: Delivery) -> str:
    return str(
        4_100_000_000 + stable_int("issue", d.company.key, d.bug.id, issue_variant(d)) % 899_999_999
    )


def short_id(d: Delivery) -> str:
    n = stable_int("short", d.bug.id, issue_variant(d)) % 46_000 + 1_300
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = ""
    while n:
        n, k = divmod(n, 36)
        out = digits[k] + out
    return f"{d.service.name.upper()}-{out}"


def _culprit_frame(d: Delivery) -> dict[str, Any] | None:
    frames = sentry_exceptions(d)[-1].get("stacktrace", {}).get("frames", [])
    app = [f for f in frames if f.get("in_app")] or frames
    return app[-1] if app else None


def _metadata(d: Delivery, title_value: str) -> dict[str, Any]:
    if d.bug.message_event:
        return {"title": d.log_message}
    top = _culprit_frame(d)
    meta: dict[str, Any] = {"type": d.thrown.type, "value": title_value}
    if top:
        meta["filename"] = top.get("filename")
        meta["function"] = top.get("function")
    frames = d.frames
    mix = {f.in_app for f in frames}
    meta["in_app_frame_mix"] = (
        "mixed" if len(mix) > 1 else ("in-app-only" if True in mix else "system-only")
    )
    return meta


def _title(d: Delivery) -> tuple[str, str]:
    if d.bug.message_event:
        return d.log_message, ""
    value = d.thrown.value.split("\n", 1)[0]
    return (f"{d.thrown.type}: {value}" if value else d.thrown.type), value


def _transaction(d: Delivery) -> str:
    if d.service.platform == "javascript":
        return d.bug.page or "/"
    if d.service.platform in ("react-native", "dart"):
        return d.bug.page  # the screen's route name
    if d.service.platform in ("rust", "cocoa") and " /" not in d.bug.entry:
        return ""  # neither SDK names a transaction outside a request
    return d.bug.entry


def _culprit(d: Delivery) -> str:
    """The transaction where there is one; otherwise from the top in-app frame, worded as
    Sentry words it per platform."""
    transaction = _transaction(d)
    top = _culprit_frame(d)
    if transaction or not top:
        return transaction
    where = top.get("module") or top.get("filename")
    if d.service.platform in ("cocoa", "rust", "elixir"):
        return str(top.get("function") or top.get("package") or "")
    if d.service.platform in ("javascript", "node", "react-native", "deno"):
        return f"{top.get('function') or '?'}({where})"
    return f"{where} in {top.get('function')}"


def _tags(d: Delivery) -> list[list[str]]:
    s = d.service
    tags = {
        "environment": "production",
        "level": _level(d),
        "release": d.release_name,
        "handled": "yes" if d.bug.handled else "no",
    }
    if not d.bug.message_event:
        tags["mechanism"] = str(d.opts.get("mechanism", s.framework or "generic"))
    if s.platform == "cocoa" and d.chain:
        tags["mechanism"] = "NSError" if _ns_error(d) else cocoa_mechanism(d, d.thrown)["type"]
        if d.bug.handled and d.company.key == "ng":  # blind122: a captured Kotlin exception
            tags["mechanism"] = "generic"
    if s.platform == "rust" and d.chain and d.thrown.type == "panic":
        tags["mechanism"] = "panic"
    if s.platform == "javascript":
        name, version, os_name, os_version = _browser(d)
        tags.update(
            {
                "browser": f"{name} {version}",
                "browser.name": name,
                "os": f"{os_name} {os_version}",
                "os.name": os_name,
                "url": f"{s.origin}{d.bug.page or '/'}",
                "user": f"id:{d.values['user']}",
            }
        )
    elif s.platform == "cocoa":
        os_name, os_version, model = IOS_DEVICES[d.index % len(IOS_DEVICES)]
        tags.update(
            {
                "device": model,
                "device.family": "iOS",
                "dist": d.release_name.rsplit("+", 1)[-1],
                "os": f"{os_name} {os_version}",
                "os.name": os_name,
                "os.rooted": "no",
                "user": f"id:{d.values['user']}",
            }
        )
    elif s.platform == "dart":
        os_name, os_version, brand, model = RN_DEVICES[d.browser]
        tags.update(
            {
                "device": model,
                "device.family": brand,
                "dist": d.release_name.rsplit("+", 1)[-1],
                "os": f"{os_name} {os_version}",
                "os.name": os_name,
                "user": f"id:{d.values['user']}",
            }
        )
    elif s.platform == "react-native":
        os_name, os_version, brand, model = RN_DEVICES[d.browser]
        tags.update(
            {
                "device": model,
                "device.family": brand,
                "dist": d.release_name.rsplit("+", 1)[-1],
                "event.environment": "javascript",
                "event.origin": "javascript",
                "hermes": "false" if d.browser == "ios-jsc" else "true",
                "os": f"{os_name} {os_version}",
                "os.name": os_name,
                "user": f"id:{d.values['user']}",
            }
        )
    elif s.framework == "android":
        tags.update(android11.sentry_tags(d))
    elif s.framework == "unity":
        # sentry-unity sends no server name; the device and OS become tags.
        device = unity.contexts(d)
        tags.update(
            {
                "device": device["device"]["model"],
                "os": f"{device['os']['name']} {device['os']['version']}",
                "unity.scripting_backend": device["unity"]["scripting_backend"],
            }
        )
    else:
        tags["server_name"] = d.host
        if s.runtime:
            tags["runtime"] = s.runtime
            tags["runtime.name"] = s.runtime.split(" ")[0]
    if d.bug.entry and " " not in d.bug.entry and s.framework == "celery":
        tags["celery_task_name"] = d.bug.entry
    transaction = _transaction(d)
    if transaction:
        tags["transaction"] = transaction
    return [[k, v] for k, v in sorted(tags.items())]


BROWSERS = {
    "chrome": ("Chrome", "122.0.6261", "Windows", "10"),
    "edge": ("Edge", "122.0.2365", "Windows", "10"),
    "firefox": ("Firefox", "123.0", "Mac OS X", "14.3"),
    "safari": ("Mobile Safari", "17.3.1", "iOS", "17.3.1"),
    "electron": ("Electron", "31.7.7", "Mac OS X", "14.5"),
    "electron-mac": ("Electron", "30.5.1", "Mac OS X", "14.6.1"),  # blind81
    "electron-win": ("Electron", "30.5.1", "Windows", "10"),  # blind81
    "android-webview": ("Chrome Mobile WebView", "122.0.6261", "Android", "14"),  # blind95
    "tauri-win": ("Edge", "131.0.2903", "Windows", "10"),  # blind102: Tauri on WebView2
    "tauri-mac": ("Apple Mail", "605.1.15", "Mac OS X", "10.15.7"),  # blind102: WKWebView
    "tauri-linux": ("Safari", "605.1.15", "Linux", ""),  # blind102: WebKitGTK
}


# iPhones the iOS app crashes on: (os, version, model identifier).
IOS_DEVICES = (
    ("iOS", "17.3.1", "iPhone15,3"),
    ("iOS", "17.5.1", "iPhone14,5"),
    ("iOS", "16.7.8", "iPhone12,1"),
)


# React Native devices: (os, version, brand, model) by the ``browser`` option.
RN_DEVICES = {
    "android": ("Android", "14", "samsung", "SM-S911B"),
    "ios": ("iOS", "17.3.1", "Apple", "iPhone15,2"),
    "ios-jsc": ("iOS", "16.7.5", "Apple", "iPhone12,1"),
}


def _browser(d: Delivery) -> tuple[str, str, str, str]:
    return BROWSERS.get(d.browser, BROWSERS["chrome"])


def _contexts(d: Delivery) -> dict[str, Any]:
    ctx: dict[str, Any] = {
        "trace": {
            "trace_id": d.rand.hex(32),
            "span_id": d.rand.hex(16),
            "op": "http.server"
            if d.bug.entry.startswith(("GET", "POST", "PUT", "DELETE", "PATCH"))
            else "default",
            "status": "internal_error",
            "type": "trace",
        }
    }
    if d.service.platform == "javascript":
        name, version, os_name, os_version = _browser(d)
        ctx["browser"] = {"name": name, "version": version, "type": "browser"}
        ctx["os"] = {"name": os_name, "version": os_version, "type": "os"}
    elif d.service.platform == "cocoa":
        os_name, os_version, model = IOS_DEVICES[d.index % len(IOS_DEVICES)]
        app_id, _, version = d.release_name.partition("@")
        ctx["device"] = {
            "family": "iOS",
            "model": model,
            "arch": "arm64e",
            "simulator": False,
            "type": "device",
        }
        ctx["os"] = {"name": os_name, "version": os_version, "rooted": False, "type": "os"}
        ctx["app"] = {
            "app_identifier": app_id,
            "app_name": d.company.name.split()[0],
            "app_version": version.split("+")[0],
            "app_build": version.rsplit("+", 1)[-1],
            "type": "app",
        }
    elif d.service.platform == "dart":
        os_name, os_version, brand, model = RN_DEVICES[d.browser]
        app_id, _, version = d.release_name.partition("@")
        ctx["device"] = {"brand": brand, "model": model, "family": brand, "type": "device"}
        ctx["os"] = {"name": os_name, "version": os_version, "type": "os"}
        ctx["app"] = {
            "app_identifier": app_id,
            "app_version": version.split("+")[0],
            "app_build": version.rsplit("+", 1)[-1],
            "type": "app",
        }
        ctx["flutter_context"] = {"type": "flutter_context", "channel": "stable"}
    elif d.service.platform == "react-native":
        os_name, os_version, brand, model = RN_DEVICES[d.browser]
        app_id, _, version = d.release_name.partition("@")
        ctx["device"] = {"brand": brand, "model": model, "family": brand, "type": "device"}
        ctx["os"] = {"name": os_name, "version": os_version, "type": "os"}
        ctx["app"] = {
            "app_identifier": app_id,
            "app_version": version.split("+")[0],
            "app_build": version.rsplit("+", 1)[-1],
            "type": "app",
        }
        expo = d.company.key == "lp"  # blind108: Expo SDK 51 on React Native 0.74
        ctx["react_native_context"] = {
            "js_engine": "jsc" if d.browser == "ios-jsc" else "hermes",
            "react_native_version": "0.74.5" if expo else "0.73.6",
            "expo": expo,
            "type": "react_native_context",
        }
    elif d.service.framework == "unity":
        ctx.update(unity.contexts(d))
    elif d.service.framework == "android":
        ctx.update(android11.sentry_contexts(d))
    elif d.service.framework == "maui":  # blind100: Sentry.Maui, runtime ".NET 8.0.10 (iOS 17.5)"
        dotnet, _, device_os = d.service.runtime.rstrip(")").partition(" (")
        os_name, _, os_version = device_os.partition(" ")
        ctx["runtime"] = {"name": ".NET", "version": dotnet.split(" ")[-1], "type": "runtime"}
        ctx["os"] = {"name": os_name, "version": os_version, "type": "os"}
    elif d.service.runtime:
        name, _, version = d.service.runtime.partition(" ")
        ctx["runtime"] = {"name": name, "version": version, "type": "runtime"}
        ctx["os"] = {"name": "Linux", "kernel_version": "5.15.0-1057-aws", "type": "os"}
    return ctx


def sentry_event(d: Delivery) -> dict[str, Any]:
    c, s = d.company, d.service
    event_id = d.rand.hex(32)
    issue = issue_id(d)
    title, value = _title(d)
    top = _culprit_frame(d)
    transaction = _transaction(d)
    culprit = _culprit(d)
    name, version, package = s.sdk or SDK[s.platform]
    event: dict[str, Any] = {
        "_ref": s.sentry_project_id,
        "_ref_version": 2,
        "contexts": _contexts(d),
        "culprit": culprit,
        "datetime": d.iso(6, z=d.index % 2 == 0),
        "dist": d.release_name.rsplit("+", 1)[-1]
        if s.platform in ("react-native", "cocoa", "dart")
        else None,
        "environment": "production",
        "event_id": event_id,
    }
    if d.bug.message_event:
        # The helper formats the message itself, so Sentry receives it without params.
        event["logentry"] = {"formatted": d.log_message, "message": d.log_message, "params": []}
        event["threads"] = {
            "values": [
                {
                    "id": d.rand.randint(139_000_000_000_000, 140_000_000_000_000),
                    "current": True,
                    "main": False,
                    "name": "ThreadPoolExecutor-0_0" if s.framework == "celery" else "MainThread",
                    "stacktrace": {"frames": [sentry_frame(d, f) for f in d.frames]},
                }
            ]
        }
    else:
        event["exception"] = {"values": sentry_exceptions(d)}
    event.update(
        {
            "fingerprint": ["{{ default }}"],
            "grouping_config": {
                "enhancements": "KLUv_SAYwQAAkwKRs25ld3N0eWxlOjIwMjMtMDEtMTGQ",
                "id": "newstyle:2023-01-11",
            },
            "hashes": [stable_hex(32, "hash", d.bug.id, issue_variant(d))],
            "issue_id": issue,
            "issue_url": f"https://sentry.io/api/0/issues/{issue}/",
            "key_id": str(3_000_000 + s.sentry_project_id % 1_000_000),
            "level": _level(d),
            "location": (top or {}).get("filename"),
            "logger": d.logger if s.platform == "python" and d.bug.message_event else "",
            "message": d.log_message if d.bug.message_event else "",
            "metadata": _metadata(d, value),
            "platform": _event_platform(s.platform),
            "project": s.sentry_project_id,
            "received": round(d.when + d.rand.uniform(0.2, 2.5), 3),
            "release": d.release_name,
        }
    )
    if d.bug.entry.startswith(("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")):
        method = d.bug.entry.split(" ", 1)[0]
        event["request"] = {
            "method": method,
            "url": f"{_server_origin(d)}{d.request_path}",
            "query_string": [],
            "headers": [
                ["Accept", "application/json"],
                ["Host", _server_origin(d).split("//", 1)[1]],
                ["User-Agent", "okhttp/4.12.0" if d.index % 3 == 2 else "Mozilla/5.0"],
            ],
            "inferred_content_type": "application/json",
        }
    elif s.platform == "javascript":
        event["request"] = {
            "url": f"{s.origin}{d.bug.page or '/'}",
            "headers": [["User-Agent", USER_AGENTS[d.browser]]],
        }
    event.update(
        {
            "sdk": {
                "name": name,
                "version": version,
                "packages": [{"name": package, "version": version}],
            },
            "tags": _tags(d),
            "timestamp": round(d.when, 3),
            "title": title,
            "transaction": transaction or None,
            "type": "default" if d.bug.message_event else "error",
            "url": f"https://sentry.io/api/0/projects/{c.sentry_org}/{s.name}/events/{event_id}/",
            "user": _user(d),
            "version": "7",
            "web_url": f"https://{c.sentry_org}.sentry.io/issues/{issue}/events/{event_id}/",
        }
    )
    return event


def _server_origin(d: Delivery) -> str:
    """Where a server's requests arrive: the API host, or a Deno site's own origin."""
    if d.service.platform == "deno" and d.service.origin:
        return d.service.origin
    return f"https://api.{d.company.domain}"


USER_AGENTS = {
    "chrome": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36",
    "edge": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36 Edg/122.0.2365.80",
    "firefox": "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.3; rv:123.0) Gecko/20100101 "
    "Firefox/123.0",
    "safari": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_3_1 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.3.1 Mobile/15E148 Safari/604.1",
    # An Electron app's renderer: Chromium's agent with the app and Electron named.
    "electron": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Saffronhill/4.2.0 Chrome/126.0.6478.234 Electron/31.7.7 Safari/537.36",
    "electron-mac": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, "
    "like Gecko) Bellhollow/2.8.1 Chrome/124.0.6367.243 Electron/30.5.1 Safari/537.36",
    "electron-win": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, "
    "like Gecko) Bellhollow/2.8.1 Chrome/124.0.6367.243 Electron/30.5.1 Safari/537.36",
    # blind95: Android's system WebView (``wv``) under Capacitor.
    "android-webview": "Mozilla/5.0 (Linux; Android 14; Pixel 7 Build/AP2A.240805.005; wv) "
    "AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/122.0.6261.119 Mobile Safari/537.36",
    # blind102: a Tauri 2 app's system webview (WebView2, WKWebView, WebKitGTK).
    "tauri-win": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like "
    "Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
    "tauri-mac": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, "
    "like Gecko)",
    "tauri-linux": "Mozilla/5.0 (X11; Ubuntu; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like "
    "Gecko)",
}


def _event_platform(platform: str) -> str:
    """The event's platform: a React Native app's events are JavaScript events; the Rust
    SDK leaves the event's platform at Sentry's default, ``other``."""
    if platform in ("rust", "dart"):
        # sentry-dart's sdkPlatform: "other" outside the browser.
        return "other"
    return "javascript" if platform in ("react-native", "deno") else platform


def _level(d: Delivery) -> str:
    """Crashes of the iOS app and Rust panics arrive as ``fatal``."""
    if d.service.platform == "cocoa" and _ns_error(d):
        return "error"
    if d.service.platform == "cocoa" and d.bug.handled and d.company.key == "ng":  # blind122
        return "error"
    if d.service.platform == "cocoa" or (d.service.platform == "rust" and d.thrown.type == "panic"):
        return "fatal"
    return "error"


def _user(d: Delivery) -> dict[str, Any]:
    if d.service.platform in ("react-native", "cocoa", "dart"):
        return {"id": d.values["user"]}
    if d.service.platform == "javascript":
        return {
            "id": d.values["user"],
            "ip_address": ".".join(str(d.rand.randint(low, 254)) for low in (2, 0, 0, 1)),
        }
    if d.bug.entry.startswith(("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")):
        return {"id": d.values["user"], "ip_address": d.values["ip"]}
    return {}


# --- webhook bodies and headers ----------------------------------------------------------------


def _installation(d: Delivery) -> dict[str, str]:
    h = stable_hex(32, "installation", d.company.key)
    return {"uuid": f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"}


def error_created(d: Delivery) -> dict[str, Any]:
    return {
        "action": "created",
        "installation": _installation(d),
        "data": {"error": sentry_event(d)},
        "actor": APP_ACTOR,
    }


def event_alert(d: Delivery) -> dict[str, Any]:
    rule = str(d.opts.get("rule", f"New issue in {d.service.name}"))
    data = {
        "event": sentry_event(d),
        "triggered_rule": rule,
        "issue_alert": {"title": rule, "settings": [{"name": "team", "value": "on-call"}]},
    }
    return {
        "action": "triggered",
        "installation": _installation(d),
        "data": data,
        "actor": APP_ACTOR,
    }


def issue_created(d: Delivery) -> dict[str, Any]:
    c, s = d.company, d.service
    issue = issue_id(d)
    title, value = _title(d)
    culprit = _culprit(d)
    first = d.iso(6, z=False)
    count = d.rand.randint(1, 40)
    body: dict[str, Any] = {
        "id": issue,
        "shortId": short_id(d),
        "title": title,
        "culprit": culprit,
        "permalink": f"https://{c.sentry_org}.sentry.io/issues/{issue}/",
        "logger": None,
        "level": _level(d),
        "status": "unresolved",
        "substatus": "new",
        "statusDetails": {},
        "priority": "high",
        "platform": _event_platform(s.platform),
        "project": {
            "id": str(s.sentry_project_id),
            "name": s.name,
            "slug": s.name,
            "platform": s.platform,
        },
        "type": "default" if d.bug.message_event else "error",
        "issueType": "error",
        "issueCategory": "error",
        "metadata": _metadata(d, value),
        "assignedTo": None,
        "isBookmarked": False,
        "isSubscribed": False,
        "hasSeen": False,
        "annotations": [],
        "numComments": 0,
        "isUnhandled": not d.bug.handled,
        "count": str(count),
        "userCount": min(count, d.rand.randint(1, 12)),
        "firstSeen": first,
        "lastSeen": first,
        "shareId": None,
        "isPublic": False,
        "url": f"https://sentry.io/api/0/issues/{issue}/",
        "web_url": f"https://{c.sentry_org}.sentry.io/issues/{issue}/",
        "project_url": f"https://{c.sentry_org}.sentry.io/projects/{s.name}/",
    }
    action = "created"
    if d.opts.get("action") == "resolved":
        # issue.resolved: the same issue object, resolved by a person (issues.mdx sample).
        action = "resolved"
        body.update(status="resolved", substatus=None, statusDetails={}, hasSeen=True)
        body["lastSeen"] = d.iso(6, z=False)
    return {
        "action": action,
        "installation": _installation(d),
        "data": {"issue": body},
        "actor": APP_ACTOR,
    }


def headers(d: Delivery, resource: str, body: dict[str, Any]) -> dict[str, str]:
    # Sentry signs the compact, ASCII-escaped body it sends (sentry.utils.json.dumps); the
    # bench posts exactly those bytes, so the signature verifies with the company's secret.
    raw = json.dumps(body, separators=(",", ":")).encode()
    signature = hmac.new(d.company.sentry_secret.encode(), raw, hashlib.sha256).hexdigest()
    return {
        "Content-Type": "application/json",
        "Request-ID": d.rand.hex(32),
        "Sentry-Hook-Resource": resource,
        "Sentry-Hook-Timestamp": str(int(d.when) + d.rand.randint(1, 40)),
        "Sentry-Hook-Signature": signature,
    }


def metric_alert(d: Delivery) -> dict[str, Any]:
    """A metric alert rule's incident as the integration receives it (sentry-docs:
    .../webhooks/metric-alerts.mdx): the incident, its rule with the trigger whose action is
    this integration, and a text description; no event, no issue."""
    c, s = d.company, d.service
    rule_name = str(d.opts.get("rule", f"Errors in {s.name}"))
    rule_id = str(1_000 + stable_int("metricrule", c.key, rule_name) % 90_000)
    incident = str(40_000 + stable_int("incident", d.bug.id, d.index) % 900_000)
    identifier = str(1 + stable_int("incidentno", c.key, rule_name, d.index) % 400)
    created = d.iso(6)
    threshold = float(str(d.opts.get("threshold", 50)))
    action = str(d.opts.get("action", "critical"))
    trigger_id = str(int(rule_id) * 3 + 1)
    alert_rule = {
        "aggregate": str(d.opts.get("aggregate", "count()")),
        "created_by": None,
        "dataset": str(d.opts.get("dataset", "events")),
        "date_created": "2026-01-14T09:12:40.000000Z",
        "date_modified": "2026-02-20T16:03:11.000000Z",
        "environment": "production",
        "id": rule_id,
        "include_all_projects": False,
        "name": rule_name,
        "organization_id": str(10_000 + stable_int("org", c.key) % 80_000),
        "projects": [s.name],
        "query": str(d.opts.get("query", "")),
        "resolution": 1,
        "resolve_threshold": None,
        "status": 0,
        "threshold_period": 1,
        "threshold_type": int(str(d.opts.get("threshold_type", 0))),
        "time_window": int(str(d.opts.get("window", 10))),
        "triggers": [
            {
                "id": trigger_id,
                "alert_rule_id": rule_id,
                "label": "critical",
                "threshold_type": int(str(d.opts.get("threshold_type", 0))),
                "alert_threshold": threshold,
                "resolve_threshold": None,
                "date_created": "2026-01-14T09:12:40.000000Z",
                "actions": [
                    {
                        "id": str(int(trigger_id) * 2),
                        "alert_rule_trigger_id": trigger_id,
                        "type": "sentry_app",
                        "target_type": "sentry_app",
                        "target_identifier": str(9_000 + stable_int("app", c.key) % 900),
                        "input_channel_id": None,
                        "integration_id": None,
                        "sentry_app_id": 9_000 + stable_int("app", c.key) % 900,
                        "date_created": "2026-01-14T09:12:40.000000Z",
                        "desc": "Send a notification via Soulcaster",
                    }
                ],
            }
        ],
    }
    value = d.values.fill(str(d.opts.get("value", "{n}")))
    return {
        "action": action,
        "installation": _installation(d),
        "data": {
            "description_text": d.values.fill(
                str(
                    d.opts.get(
                        "description",
                        f"{value} events in the last {alert_rule['time_window']} minutes",
                    )
                )
            ),
            "description_title": f"{action.title()}: {rule_name}",
            "metric_alert": {
                "alert_rule": alert_rule,
                "date_closed": None,
                "date_created": created,
                "date_detected": created,
                "date_started": created,
                "id": incident,
                "identifier": identifier,
                "organization_id": alert_rule["organization_id"],
                "projects": [s.name],
                "status": 20 if action == "critical" else 10,
                "status_method": 3,
                "title": rule_name,
                "type": 2,
            },
            "web_url": f"https://{c.sentry_org}.sentry.io/alerts/rules/details/{rule_id}/?alert={identifier}",
        },
        "actor": APP_ACTOR,
    }


RESOURCES = {
    "sentry.error": ("error", error_created),
    "sentry.alert": ("event_alert", event_alert),
    "sentry.issue": ("issue", issue_created),
    "sentry.metric": ("metric_alert", metric_alert),
}


def render(d: Delivery, tool: str) -> tuple[dict[str, str], dict[str, Any]]:
    resource, build = RESOURCES[tool]
    body = build(d)
    return headers(d, resource, body), body
