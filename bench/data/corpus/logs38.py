"""blind38's log formats: Koa's default error output and Next.js 15's error lines (a U+2A2F
cross first) as Docker's json-file driver stores them (dm), zerolog's ``ConsoleWriter`` and
gin's default recovery text (dn), Laravel 10's stack channel with a Bugsnag-shaped stacktrace
context and Laravel 10's queue worker console line (do).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from .delivery import Delivery
from .model import Frame
from .rand import stable_hex
from .traces import node_stack

Fields = dict[str, str]

_HTTP = ("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")


def _docker(d: Delivery, text: str) -> str:
    """json-file writes one record per line the process printed, each with its own
    nanosecond time; Splunk's event breaking keeps the records of one burst together, or,
    with ``lines``, only the first few (the rest became other events)."""
    base = d.iso(6, z=False).removesuffix("+00:00")
    records = []
    lines = text.split("\n")
    keep = d.opts.get("lines")
    if isinstance(keep, int):
        lines = lines[:keep]
    first = d.rand.randint(100, 399)
    for i, line in enumerate(lines):
        stamp = f"{base}{min(first + 3 * i, 999):03d}Z"
        rec = {"log": line + "\n", "stream": "stderr", "time": stamp}
        records.append(json.dumps(rec, ensure_ascii=False, separators=(",", ":")))
    return "\n".join(records)


def koa_default(d: Delivery) -> tuple[str, Fields]:
    """Koa's ``app.onerror``: ``console.error`` of a blank line, ``err.stack`` indented two
    spaces, and a blank line."""
    exc = d.thrown
    stack = node_stack(exc, exc.value)
    text = "\n" + "\n".join("  " + ln for ln in stack.split("\n")) + "\n"
    return _docker(d, text), {"stream": "stderr", "container_name": d.host}


def next_error(d: Delivery) -> tuple[str, Fields]:
    """Next.js 15's server: a cross (U+2A2F) and the error as ``util.inspect`` prints it, the digest
    it hands the browser as an own property after the stack."""
    exc = d.thrown
    stack = node_stack(exc, exc.value)
    digest = str(d.rand.randint(100_000_000, 4_294_967_295))
    text = f" \u2a2f {stack} {{\n  digest: '{digest}'\n}}"
    return _docker(d, text), {"stream": "stderr", "container_name": d.host}


def zerolog_console(d: Delivery) -> tuple[str, Fields]:
    """zerolog's ``ConsoleWriter{NoColor: true}`` with ``.Caller()``: ``time LVL caller >
    message`` then ``error`` first and the other fields sorted, values with spaces quoted.
    The API keeps the default ``3:04PM`` clock; the workers set RFC 3339."""
    exc = d.thrown
    app = [f for f in d.frames if f.in_app]
    caller = app[-1] if app else d.frames[-1]
    where = caller.file.removeprefix("/src/") + f":{caller.line}"
    if d.opts.get("caller_frame") == "outer" and len(app) > 1:
        where = app[0].file.removeprefix("/src/") + f":{app[0].line}"
    fields: dict[str, str] = {}
    if d.bug.entry.startswith(_HTTP):
        fields.update(method=d.bug.entry.split(" ", 1)[0], path=d.request_path, status="500")
        fields["request_id"] = d.rand.alnum(20, "abcdefghijklmnopqrstuv0123456789")
        clock = d.stamp("%I:%M%p").lstrip("0")
    else:
        fields.update(type=d.bug.entry, queue=str(d.opts.get("queue", "default")))
        fields["task_id"] = d.rand.uuid()
        fields["retried"] = str(d.rand.randint(0, 25))
        clock = d.iso(0)
    msg = d.values.fill(d.bug.log or "request failed")

    def q(v: str) -> str:
        return json.dumps(v) if (" " in v or '"' in v) else v

    parts = [f"error={q(exc.value)}", *(f"{k}={q(v)}" for k, v in sorted(fields.items()))]
    line = f"{clock} ERR {where} > {msg} " + " ".join(parts)
    return line, {"level": "error"}


def gin_recovery(d: Delivery) -> tuple[str, Fields]:
    """gin's default ``Recovery()``: ``[Recovery] <2006/01/02 - 15:04:05> panic recovered:``,
    the panic value, then from the panicking frame outwards ``file:line (0xpc)`` and a tab,
    the short function name, ``: `` and the source line."""
    exc = d.thrown
    lines = [f"[Recovery] {d.stamp('%Y/%m/%d - %H:%M:%S')} panic recovered:", exc.value]
    # The image ships no sources: where gin cannot read a frame's file it prints only its
    # location, not the function and the source line.
    for f in reversed(d.frames):
        lines.append(f"{f.file}:{f.line} (0x{stable_hex(6, 'pc', f.file, f.function, d.release)})")
        if d.opts.get("sources"):
            lines.append(f"\t{f.function}: {f.context or '???'}")
    return "\n".join(lines), {}


def fill_args(d: Delivery, text: str) -> str:
    """The delivery's ids where a frame's arguments write ``{id}`` or ``{user}``."""
    return re.sub(r"\{(id|user)\}", lambda m: d.values[m.group(1)], text)


def _project_file(f: Frame) -> str:
    return f.file.removeprefix("/var/www/html/")


def bugsnag_stack(d: Delivery) -> tuple[str, Fields]:
    """Laravel 10's ``single`` channel in the ``stack``, with the team's tap that puts the
    error as Bugsnag's notifier reports it in the context instead of Monolog's trace:
    ``errorClass``, ``message`` and ``stacktrace`` (innermost first, ``file`` relative to the
    project, ``inProject`` for app code); the previous exception only by class and message."""
    exc = d.thrown
    stack = []
    for f in reversed(exc.frames):
        method = f"{f.module}::{f.function}" if f.module else f.function
        stack.append(
            {
                "file": _project_file(f),
                "lineNumber": f.line,
                "method": method,
                "inProject": f.in_app and not f.file.startswith("/var/www/html/vendor/"),
            }
        )
    context: dict[str, object] = {}
    if d.bug.entry.startswith(_HTTP) and d.index % 2 == 0:
        context["userId"] = int(d.values["user"])
    context["errorClass"] = f"{exc.module}\\{exc.type}" if exc.module else exc.type
    context["message"] = exc.value
    context["stacktrace"] = stack[: int(str(d.opts.get("depth", 40)))]
    if len(d.chain) > 1:
        prev = d.chain[-2]
        name = f"{prev.module}\\{prev.type}" if prev.module else prev.type
        context["previous"] = {"errorClass": name, "message": prev.value}
    encoded = fill_args(d, json.dumps(context, ensure_ascii=False, separators=(",", ":")))
    line = f"[{d.stamp('%Y-%m-%d %H:%M:%S')}] production.ERROR: {exc.value} {encoded} "
    return line, {}


def worker_fail(d: Delivery) -> tuple[str, Fields]:
    """Laravel 10's ``queue:work`` console (under Horizon's supervisors): the job's class,
    dots to the width, the time taken and ``FAIL``; nothing of the error."""
    job = d.bug.entry
    took = f"{d.rand.randint(4, 30_000)}.{d.rand.randint(10, 99)}ms"
    dots = "." * max(3, 120 - len(job) - len(took) - 28)
    stamp = d.stamp("%Y-%m-%d %H:%M:%S")
    line = f"  {stamp} {job} {'.' * max(3, 120 - len(job) - 31)} RUNNING\n"
    line += f"  {stamp} {job} {dots} {took} FAIL"
    return line, {"job": job}


FORMATS38: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "dm-docker-koa": koa_default,
    "dm-docker-next": next_error,
    "dn-zerolog-console": zerolog_console,
    "dn-gin-recovery": gin_recovery,
    "do-bugsnag-stack": bugsnag_stack,
    "do-worker-fail": worker_fail,
}
