"""blind68's log formats: a Rails 7.2 app and its Sidekiq 7 workers logging through
rails_semantic_logger's JSON formatter to Splunk over HEC, plus Puma's own stderr line for an
error raised in a Rack middleware outside Rails (gy); go.uber.org/zap's development console
encoder of a gorilla/mux service, with ``errorVerbose`` where the error carries a
github.com/pkg/errors stack (gz); and a Nuxt 3 SSR server on Node 20: Nuxt's own
``[nuxt] [request error] [unhandled] [500]`` line, and after the Nuxt 3.17 upgrade the API
routes' errors printed by Nitro's default handler (``[request error] [unhandled] [GET] url``
over Node's ``util.inspect`` of the h3 ``H3Error`` and its ``[cause]``) (ha).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace

from .delivery import Delivery
from .logs51 import _nitro_line, nitro_console
from .model import Exc, Frame
from .traces import _go_args, _go_offset, pkg_errors_verbose, ruby_abs_path, zap_stacktrace

Fields = dict[str, str]

_HTTP = ("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


# --- gy: rails_semantic_logger JSON -------------------------------------------------------------


def _ruby_lines(exc: Exc) -> list[str]:
    """The whole backtrace, innermost first, as Ruby 3.3 prints it (backtick and quote)."""
    return [f"{ruby_abs_path(f)}:{f.line}:in `{f.function}'" for f in reversed(exc.frames)]


def _semantic_exception(chain: list[Exc], i: int) -> dict[str, object]:
    exc = chain[i]
    name = f"{exc.module}::{exc.type}" if exc.module else exc.type
    out: dict[str, object] = {
        "name": name,
        "message": exc.value,
        "stack_trace": _ruby_lines(exc),
    }
    if i > 0:
        out["cause"] = _semantic_exception(chain, i - 1)
    return out


def semantic_json(d: Delivery) -> tuple[str, Fields]:
    """``config.rails_semantic_logger.format = :json``. A request: ``DebugExceptions`` logs
    the exception alone at fatal under the ``Rails`` logger, so the record has no
    ``message``, only the ``exception`` hash and the request's named tags. A Sidekiq job
    (rails_semantic_logger's Sidekiq integration): the job class as ``name``, ``Job raised
    exception`` at error, the job hash in ``payload``, jid and queue as named tags."""
    http = d.bug.entry.startswith(_HTTP)
    record: dict[str, object] = {
        "host": d.host,
        "application": "Semantic Logger",
        "environment": "production",
        "timestamp": d.iso(6),
        "level": "fatal" if http else "error",
        "level_index": 5 if http else 4,
        "pid": d.rand.randint(7, 90),
        "thread": f"puma srv tp {d.rand.randint(1, 5):03d}"
        if http
        else f"sidekiq.default/processor-{d.rand.randint(1, 10)}",
    }
    if http:
        record["named_tags"] = {
            "request_id": d.rand.uuid(),
            "ip": d.values["ip"],
        }
        record["name"] = "Rails"
    else:
        jid = d.rand.hex(24)
        queue = str(d.opts.get("queue", "default"))
        record["duration_ms"] = round(d.rand.uniform(20, 9_000), 3)
        record["duration"] = f"{record['duration_ms']}ms"
        record["named_tags"] = {"jid": jid, "queue": queue}
        record["name"] = d.bug.entry
        record["message"] = "Job raised exception"
        record["payload"] = {
            "context": "Job raised exception",
            "job": {
                "retry": True,
                "queue": queue,
                "class": d.bug.entry,
                "args": [int(d.values["id"])],
                "jid": jid,
                "created_at": round(d.when - 60, 3),
                "enqueued_at": round(d.when - 3, 3),
                "retry_count": d.rand.randint(0, 9),
            },
        }
    record["exception"] = _semantic_exception(d.chain, len(d.chain) - 1)
    return _compact(record), {"level": str(record["level"]), "name": str(record["name"])}


def puma_lowlevel(d: Delivery) -> tuple[str, Fields]:
    """Puma 6's ``lowlevel_error`` report on stderr for an exception no Rack app rescued (a
    middleware in front of Rails): ``<time> Rack app ("POST /path" - (ip)): #<Class: msg>``
    then the whole backtrace, one frame a line."""
    exc = d.thrown
    name = f"{exc.module}::{exc.type}" if exc.module else exc.type
    method, _, _ = d.bug.entry.partition(" ")
    head = (
        f'{d.stamp("%Y-%m-%d %H:%M:%S")} +0000 Rack app ("{method} {d.request_path}" - '
        f"({d.values['ip']})): #<{name}: {exc.value}>"
    )
    return head + "\n" + "\n".join(_ruby_lines(exc)), {}


# --- gz: zap's development console encoder ------------------------------------------------------


def _log_site(d: Delivery) -> tuple[Frame, ...]:
    """zap captures the stack of the logging call: the outermost app function logs what was
    returned to it, a few lines below the failing call; a recovered panic keeps the frames."""
    frames = d.frames
    if d.thrown.type == "runtime.Error":
        return frames
    app = [i for i, f in enumerate(frames) if f.in_app]
    if not app:
        return frames
    site = frames[app[0]]
    return (*frames[: app[0]], replace(site, line=site.line + 4))


def zap_dev_mux(d: Delivery) -> tuple[str, Fields]:
    """``zap.NewDevelopmentConfig()`` built with ``.Named(...)``: ISO8601 time, capital
    level, the logger's name, short caller, message, the fields as spaced JSON, then the
    stack of the log call. An error made by github.com/pkg/errors implements
    ``fmt.Formatter``, so ``zap.Error`` adds ``errorVerbose``: ``%+v``, cause and stacks."""
    frames = _log_site(d)
    caller = frames[-1]
    msg = str(d.opts.get("msg", d.bug.log or "request failed"))
    fields: dict[str, object] = {}
    if d.bug.entry.startswith(_HTTP):
        fields.update(method=d.bug.entry.split(" ", 1)[0], path=d.request_path)
        fields["request_id"] = d.rand.hex(16)
    fields["error"] = d.thrown.value
    if any(e.type.startswith("*errors.") for e in d.chain):
        fields["errorVerbose"] = pkg_errors_verbose(d.chain)
    parts = [d.iso(3), "ERROR"]
    if d.bug.logger:
        parts.append(d.bug.logger)
    parts += [
        "/".join(caller.file.split("/")[-2:]) + f":{caller.line}",
        msg,
        json.dumps(fields, ensure_ascii=False),
    ]
    return "\t".join(parts) + "\n" + zap_stacktrace(frames), {}


def zap_dev_panic(d: Delivery) -> tuple[str, Fields]:
    """gorilla/handlers' ``RecoveryHandler`` with ``RecoveryLogger(zap.NewStdLog(...))``:
    the recovered value printed by zap's std-log bridge at INFO level, then
    ``debug.Stack()`` of the recovering goroutine (panic frames under ``panic``)."""
    exc = d.thrown
    head = f"{d.iso(3)}\tINFO\thandlers/recovery.go:94\t{exc.value}"
    lines = [head, f"goroutine {d.rand.randint(40, 9000)} [running]:"]
    lines += ["runtime/debug.Stack()", "\t/usr/local/go/src/runtime/debug/stack.go:24 +0x5e"]
    lines += [
        "github.com/gorilla/handlers.recoveryHandler.log(...)",
        "\t/go/pkg/mod/github.com/gorilla/handlers@v1.5.2/recovery.go:93 +0x1a5",
        "github.com/gorilla/handlers.recoveryHandler.ServeHTTP.func1()",
        "\t/go/pkg/mod/github.com/gorilla/handlers@v1.5.2/recovery.go:78 +0xb3",
        "panic({0x9a1b40?, 0xc0004a2f30?})",
        "\t/usr/local/go/src/runtime/panic.go:770 +0x132",
    ]
    for f in reversed(exc.frames):
        lines += [f"{f.module}.{f.function}{_go_args(f)}", f"\t{f.file}:{f.line} {_go_offset(f)}"]
    return "\n".join(lines), {}


# --- ha: Nuxt 3 / Nitro on Node 20 --------------------------------------------------------------


def nuxt_request_error(d: Delivery) -> tuple[str, Fields]:
    """Nuxt 3's error handler: ``[nuxt] [request error] [unhandled] [500] <message>`` and the
    stack it normalised (cwd made ``./``, each line indented, joined by two spaces and a
    newline). An error the app caught and logged itself (``bug.log``): consola's
    `` ERROR  [tag] message`` over the error (blind51's renderer does both)."""
    return nitro_console(d)


_H3 = "file:///app/.output/server/node_modules/h3/dist/index.mjs"


def _file_url(d: Delivery, f: Frame) -> str:
    """Nitro's default handler prints the error as Node inspects it: absolute ``file://``
    URLs of the ESM chunks."""
    line = _nitro_line(d, f)
    return line.replace("(./.output/", "(file:///app/.output/").replace(
        " ./.output/", " file:///app/.output/"
    )


def nitro_request_error(d: Delivery) -> tuple[str, Fields]:
    """Nitro 2.11's ``defaultNitroErrorHandler`` (Nuxt 3.17 uses it for API routes):
    ``console.error("[request error] [unhandled] [GET] <url>\\n", error)``: h3 wrapped the
    thrown error in an ``H3Error`` (its stack from ``createError``), Node prints that stack,
    then the error's own properties with the original error as ``[cause]``."""
    exc = d.thrown
    method = d.bug.entry.split(" ", 1)[0]
    url = f"https://{d.company.domain}{d.request_path}"
    cause = "\n".join(
        ["  [cause]: " + (f"{exc.type}: {exc.value}" if exc.type != "Error" else exc.value)]
        + ["      " + _file_url(d, f) for f in reversed(exc.frames)]
    )
    lines = [
        f"[request error] [unhandled] [{method}] {url}",
        f" H3Error: {exc.value}",
        f"    at createError ({_H3}:78:15)",
        f"    at Server.toNodeHandle ({_H3}:2296:15)",
        "    at process.processTicksAndRejections (node:internal/process/task_queues:95:5) {",
        cause + ",",
        "  statusCode: 500,",
        "  fatal: false,",
        "  unhandled: true,",
        "  statusMessage: undefined,",
        "  data: undefined",
        "}",
    ]
    return "\n".join(lines), {}


FORMATS68: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "gy-semantic-json": semantic_json,
    "gy-puma-lowlevel": puma_lowlevel,
    "gz-zap-dev-mux": zap_dev_mux,
    "gz-zap-recovery": zap_dev_panic,
    "ha-nuxt-request-error": nuxt_request_error,
    "ha-nitro-request-error": nitro_request_error,
}
