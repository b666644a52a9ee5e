"""Log formats of blind26's companies (cc, cd, ce): CodeIgniter 4's file logger (the
exception handler's ``CRITICAL`` record with ``renderBacktrace``'s numbered call sites and
``clean_path``'s ``APPPATH``/``SYSTEMPATH`` prefixes); Dropwizard 4's default console pattern
(``%-5p [%d{ISO8601,UTC}] %c: %m%n%rEx``, the throwable root cause first, every trace line
prefixed ``! ``, each wrapper after ``! Causing:``) and its JSON layout; Node's
``console.error(err)`` from a Hono ``onError`` handler (``util.inspect`` of the error: its
stack, then its own properties and ``[cause]`` in braces).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it, as
in ``logs``; ``logs.FORMATS`` takes them in under these keys (prefixed with the company's
letters: no other set uses them).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from .delivery import Delivery
from .model import Exc, Frame
from .traces import java_trace, node_stack, php_trace, php_where

Fields = dict[str, str]

HTTP = ("GET ", "POST ", "PUT ", "DELETE ", "PATCH ")


# --- cc: CodeIgniter 4 ---------------------------------------------------------------------------

# ``clean_path``: the constants CodeIgniter's paths are printed under (longest first).
CI_ROOT = "/var/www/html/"
CI_PATHS = (
    (CI_ROOT + "vendor/codeigniter4/framework/system/", "SYSTEMPATH/"),
    (CI_ROOT + "app/", "APPPATH/"),
    (CI_ROOT + "public/", "FCPATH/"),
    (CI_ROOT + "writable/", "WRITEPATH/"),
    (CI_ROOT + "vendor/", "VENDORPATH/"),
    (CI_ROOT, "ROOTPATH/"),
)


def ci_clean_path(path: str) -> str:
    for prefix, name in CI_PATHS:
        if path.startswith(prefix):
            return name + path.removeprefix(prefix)
    return path


def _php_callee(f: Frame) -> str:
    if not f.module:
        return f.function
    return f.module + (f.function if f.function.startswith("::") else "->" + f.function)


def ci_backtrace(exc: Exc, d: Delivery) -> list[str]:
    """``Exceptions::renderBacktrace``: innermost call first, numbered from 1 (padded to two),
    each ``<call site>: <callee>(<args>)``; a call made by PHP itself is an
    ``[internal function]``; no ``{main}`` line."""
    frames = list(exc.frames)
    lines = []
    for i in range(len(frames) - 1, 0, -1):
        callee, caller = frames[i], frames[i - 1]
        site = "[internal function]"
        if caller.file:
            site = f"{ci_clean_path(caller.file)}({caller.line})"
        args = d.values.fill(callee.args or "()")
        lines.append(f"{len(lines) + 1:>2} {site}: {_php_callee(callee)}{args}")
    return lines


def ci_where(exc: Exc) -> tuple[str, int]:
    """``getFile()``/``getLine()``: the innermost frame with a file (an internal function's
    exception points at the line that called it; the ``ErrorException`` CodeIgniter's error
    handler throws for a PHP warning carries the warning's file and line, its caller's)."""
    frames = list(exc.frames)
    if exc.type == "ErrorException" and len(frames) > 1 and frames[-1].function == "errorHandler":
        frames = frames[:-1]
    for f in reversed(frames):
        if f.file:
            return ci_clean_path(f.file), f.line
    return "[internal function]", 0


def cc_ci4(d: Delivery) -> tuple[str, Fields]:
    """CodeIgniter 4.5's ``writable/logs/log-<date>.log``, one record: ``CRITICAL - <date>
    --> <Class>: <message>``, ``in <file> on line <n>.``, then the backtrace. An app's own
    ``log_message('error', ...)`` (``bug.log``) is an ``ERROR`` record of its message alone,
    with the exception's class and message interpolated where the code put ``<exc>``.
    ``opts.driver_error``: the ``ERROR`` record the database driver's exception leaves first."""
    exc = d.thrown
    stamp = d.stamp("%Y-%m-%d %H:%M:%S")
    if d.opts.get("driver_error"):
        # MySQLi's Connection::execute logs the driver's exception as a string before it
        # rethrows it: PHP's Throwable::__toString, paths uncleaned, ending in {main}.
        cause = d.chain[0]
        _, lines = php_trace(cause)
        where = php_where(cause)
        calls = [d.values.fill(line) for line in lines[:-1]] + lines[-1:]  # {main} stays
        text = f"{cause.type}: {cause.value} in {where}\nStack trace:\n" + "\n".join(calls)
        return f"ERROR - {stamp} --> {text}", {"log_level": "ERROR"}
    if d.bug.log and not d.bug.entry.startswith(HTTP):
        return f"ERROR - {stamp} --> {d.log_message}", {"log_level": "ERROR"}
    file, line = ci_where(exc)
    first = exc.value
    body = "\n".join([f"{exc.type}: {first}", f"in {file} on line {line}.", *ci_backtrace(exc, d)])
    if d.opts.get("half"):
        body = "\n".join(body.splitlines()[:6])
    return f"CRITICAL - {stamp} --> {body}", {"log_level": "CRITICAL"}


# --- cd: Dropwizard 4 ---------------------------------------------------------------------------


def dropwizard_throwable(d: Delivery) -> str:
    """``PrefixedRootCauseFirstThrowableProxyConverter``: logback's ``%rEx`` with ``! `` before
    every line and ``Causing:`` for each wrapper."""
    text = java_trace(d.chain, root_first=True)
    out = []
    for line in text.split("\n"):
        line = line.lstrip("\t")
        if line.startswith("... ") and line.endswith(" more"):
            line = line.removesuffix(" more") + " common frames omitted"
        if line.startswith("Wrapped by: "):
            line = "Causing: " + line.removeprefix("Wrapped by: ")
        out.append("! " + line)
    return "\n".join(out)


def cd_dropwizard(d: Delivery) -> tuple[str, Fields]:
    """One console event: a resource's failure as Jersey's ``LoggingExceptionMapper`` logs it
    (``Error handling a request: <16 hex>``, the id the client sees), or a managed job's own
    ``log.error(msg, e)``; then the prefixed throwable. ``opts.half``: the first 7 lines (the
    team's collector caps multi-line events)."""
    stamp = f"{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis}"
    if d.bug.entry.startswith(HTTP) and not d.bug.log:
        logger = "io.dropwizard.jersey.errors.LoggingExceptionMapper"
        message = f"Error handling a request: {d.rand.hex(16)}"
    else:
        logger, message = d.logger, d.log_message
    raw = f"ERROR [{stamp}] {logger}: {message}\n{dropwizard_throwable(d)}"
    if d.opts.get("half"):
        raw = "\n".join(raw.split("\n")[:7])
    return raw, {"level": "ERROR", "logger": logger}


def _kebab(name: str) -> str:
    """A managed executor's thread name prefix from its job class: ``readings-poller``."""
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


def cd_dropwizard_json(d: Delivery) -> tuple[str, Fields]:
    """dropwizard-json-logging's ``EventJsonLayout`` (``layout: {type: json}``): the default
    attributes in one line, ``timestamp`` in epoch milliseconds, ``exception`` the same
    prefixed root-cause-first text as the console."""
    record = {
        "timestamp": d.epoch_ms,
        "level": "ERROR",
        "thread": f"{_kebab(d.bug.entry) or 'scheduler'}-{d.rand.randint(0, 3)}",
        "logger": d.logger,
        "message": d.log_message,
        "exception": dropwizard_throwable(d),
    }
    return json.dumps(record, separators=(",", ":"), ensure_ascii=False), {"level": "ERROR"}


# --- ce: Hono on Node 22 ------------------------------------------------------------------------


def _indent(text: str, by: str) -> str:
    return "\n".join(by + line if i else line for i, line in enumerate(text.split("\n")))


def ce_inspect(d: Delivery) -> str:
    """``util.inspect(err)`` as ``console.error`` prints it: the stack, then ``{ ... }`` with
    the error's own enumerable properties (``exc.engines["props"]``, one ``key: value`` per
    line) and its ``[cause]``, inspected the same way one level deeper."""

    def inspect(exc: Exc, depth: int) -> str:
        stack = node_stack(exc, d.values.fill(exc.value))
        props = [p.rstrip(",") for p in exc.engines.get("props", "").split("\n") if p]
        inner = [d.values.fill(p) for p in props]
        cause_index = d.chain.index(exc) - 1
        if cause_index >= 0:
            inner.append("[cause]: " + inspect(d.chain[cause_index], depth + 1))
        if not inner:
            return stack
        pad = "  "
        body = ",\n".join(pad + _indent(p, pad) for p in inner)
        return f"{stack} {{\n{body}\n}}"

    return inspect(d.thrown, 0)


def ce_console(d: Delivery) -> tuple[str, Fields]:
    """The container's stdout as the collector joins a multi-line event: Hono's default
    ``onError`` (``console.error(err)``); a job's own ``console.error(msg, err)`` writes the
    message first on the same line."""
    text = ce_inspect(d)
    if d.bug.log:
        text = f"{d.log_message} {text}"
    if d.opts.get("half"):
        text = "\n".join(text.split("\n")[:5])
    return text, {"stream": "stderr"}


FORMATS26: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "cc-ci4-log": cc_ci4,
    "cd-dropwizard": cd_dropwizard,
    "cd-dropwizard-json": cd_dropwizard_json,
    "ce-hono-console": ce_console,
}
