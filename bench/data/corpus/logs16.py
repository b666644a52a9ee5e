"""Log formats of blind16's companies (ay, az, ba): a Next.js 14 server's own ``⨯`` error
lines and the app's pino logger (both with the compiled, minified server chunks' stacks,
since ``next start`` runs without source maps), Go's ``log/slog`` JSON handler behind gin
(``AddSource``, a recovered panic's ``debug.Stack()`` in a string) and logrus' JSON formatter
in Asynq workers, and Monolog's ``LineFormatter`` as a Symfony 7 app writes it to stderr
(``include_stacktraces``: the context's JSON keeps real line breaks).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it, as
in ``logs``; ``logs.FORMATS`` takes them in under these keys.
"""

# Log lines and traces are quoted whole; Next.js marks its errors with U+2A2F.
# ruff: noqa: E501, RUF001, RUF002

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from .delivery import Delivery
from .model import Exc, Frame
from .rand import stable_int
from .releases import minified_name
from .traces import _go_offset, monolog_exception, php_where

Fields = dict[str, str]
NEXT_RUNTIME = "/app/node_modules/next/dist/compiled/next-server/"


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


# --- Next.js 14 (next start, output: standalone) -----------------------------------------------


def next_location(f: Frame, release: int, edge: bool = False) -> tuple[str, str]:
    """Where a frame runs in ``.next/server``: an App Router entry (``route.ts``, ``page.tsx``)
    keeps its own file, everything else under ``src/`` is bundled into a numbered chunk, or,
    for the edge middleware, into the one ``src/middleware.js`` bundle; the server build is
    minified, so a line 1, a long column and a short name."""
    if f.file.startswith("node:"):
        return f.function, f"{f.file}:{f.line}:{max(f.col, 1)}"
    if not f.file.startswith("src/"):
        return f.function, f"/app/{f.file}:{f.line}:{max(f.col, 1)}"
    entry = re.match(r"src/(app/.*/(route|page|layout))\.tsx?$", f.file)
    if edge:
        path = "/app/.next/server/src/middleware.js"
    elif entry:
        path = f"/app/.next/server/{entry.group(1)}.js"
    else:
        path = (
            f"/app/.next/server/chunks/{100 + stable_int('nextchunk', f.file, release) % 8900}.js"
        )
    col = 1_000 + stable_int("nextcol", f.file, f.function, f.line, release) % 180_000
    return minified_name(f.function, f.file, release), f"{path}:1:{col}"


def next_raw_frame(f: Frame, release: int) -> dict[str, Any]:
    """posthog-node's raw frame in a ``next start`` process: the compiled ``.next/server``
    file relative to the working directory, its minified name and position."""
    name, where = next_location(f, release)
    path, line, col = where.rsplit(":", 2)
    folder, _, file = path.removeprefix("/app/").rpartition("/")
    return {
        "filename": path.removeprefix("/app/"),
        "module": f"{folder.replace('/', '.')}:{file.removesuffix('.js')}" if folder else file,
        "function": name or "?",
        "lineno": int(line),
        "colno": int(col),
        "in_app": f.in_app,
        "platform": "node:javascript",
    }


def next_stack(exc: Exc, release: int, edge: bool = False) -> str:
    lines = [f"{exc.type}: {exc.value}" if exc.value else exc.type]
    for f in reversed(exc.frames):
        name, where = next_location(f, release, edge)
        if f.args == "async":
            lines.append(f"    at async {name} ({where})" if name else f"    at async {where}")
        else:
            lines.append(f"    at {name} ({where})" if name else f"    at {where}")
    return "\n".join(lines)


def next_console(d: Delivery) -> tuple[str, Fields]:
    """``next start``'s own error output for a failed route handler, server action or page:
    `` ⨯ `` and the error's stack; a Server Components render adds the ``digest`` the browser
    was shown, as ``util.inspect`` prints an error's extra property."""
    edge = d.service.name.endswith("-edge")
    stack = next_stack(d.thrown, d.release, edge)
    for cause in reversed(d.chain[:-1]):
        stack += (
            " {\n  [cause]: " + next_stack(cause, d.release, edge).replace("\n", "\n  ") + "\n}"
        )
    if d.opts.get("digest"):
        stack += (
            " {\n  digest: '"
            + str(stable_int("digest", d.bug.id, d.index) % 4_294_967_295)
            + "'\n}"
        )
    return " ⨯ " + stack, {}


def next_pino(d: Delivery) -> tuple[str, Fields]:
    """The app's own pino logger (``lib/logger.ts``): ``logger.error({ err, route, userId }, msg)``
    from a route handler's or a server action's catch; ``err`` as pino's serializer writes it."""
    err = {
        "type": d.thrown.type,
        "message": d.thrown.value,
        "stack": next_stack(d.thrown, d.release),
    }
    record: dict[str, object] = {
        "level": 50,
        "time": d.epoch_ms,
        "pid": 1,
        "hostname": d.host,
        "route": d.bug.entry,
    }
    if d.index % 3 != 2:
        record["userId"] = f"usr_{d.values['hex']}"
    record["err"] = err
    record["msg"] = d.log_message
    return _compact(record), {"level": "50", "route": d.bug.entry}


# --- Go: slog (gin API) and logrus (Asynq workers) ---------------------------------------------


def _go_time(d: Delivery) -> str:
    """``time.Time`` as slog's JSON handler writes it: RFC 3339 with nanoseconds."""
    return d.iso(0)[:-1] + f".{int(d.when % 1 * 1e9):09d}Z"


def _debug_stack(frames: tuple[Frame, ...], goroutine: int) -> str:
    """``runtime/debug.Stack()`` called in gin's ``CustomRecovery`` handler: the recovery
    closure first, then the panic and the frames that panicked, innermost first."""
    lines = [
        f"goroutine {goroutine} [running]:",
        "runtime/debug.Stack()",
        "\t/usr/local/go/src/runtime/debug/stack.go:26 +0x5e",
        "main.ginRecovery.func1(0xc0004a2100, {0x1a3c2e0, 0x2b8f7a0})",
        "\t/src/cmd/api/middleware.go:41 +0x65",
        "github.com/gin-gonic/gin.CustomRecoveryWithWriter.func1.1()",
        "\t/go/pkg/mod/github.com/gin-gonic/gin@v1.10.0/recovery.go:92 +0x1a7",
        "panic({0x1a3c2e0?, 0x2b8f7a0?})",
        "\t/usr/local/go/src/runtime/panic.go:785 +0x132",
    ]
    for f in reversed(frames):
        lines.append(f"{f.module}.{f.function}(...)")
        lines.append(f"\t{f.file}:{f.line} {_go_offset(f)}")
    return "\n".join(lines)


def slog_gin(d: Delivery) -> tuple[str, Fields]:
    """slog's ``JSONHandler`` with ``AddSource``: the handler's ``slog.ErrorContext(ctx, msg,
    "err", err, ...)`` (an error attribute is its ``Error()`` string, no type); a recovered
    panic (``opts.panic``) carries ``debug.Stack()`` as a string."""
    method, _, route = d.bug.entry.partition(" ")
    app = [f for f in d.frames if f.in_app]
    record: dict[str, object] = {"time": _go_time(d), "level": "ERROR"}
    if d.opts.get("panic"):
        record["source"] = {
            "function": "main.ginRecovery.func1",
            "file": "/src/cmd/api/middleware.go",
            "line": 43,
        }
        record["msg"] = "panic recovered"
        record["error"] = d.thrown.value
        record["stack"] = _debug_stack(d.frames, 40 + d.rand.randint(0, 900))
    else:
        where = app[-1] if app else d.frames[-1]
        record["source"] = {
            "function": f"{where.module}.{where.function}",
            "file": where.file,
            "line": where.line + 3,
        }
        record["msg"] = d.values.fill(d.bug.log or "request failed")
        record["err"] = d.thrown.value
    record.update(
        {
            "method": method,
            "route": route,
            "status": int(str(d.opts.get("status", 500))),
            "request_id": d.values["uuid"],
            "dd.trace_id": str(stable_int("trace", d.bug.id, d.index) % 10**19),
            "dd.span_id": str(stable_int("span", d.bug.id, d.index) % 10**19),
        }
    )
    return _compact(record), {"level": "ERROR"}


def logrus_asynq(d: Delivery) -> tuple[str, Fields]:
    """logrus' ``JSONFormatter`` from Asynq's ``ErrorHandler``: keys sorted (a map through
    ``encoding/json``), ``error`` the error string, the task's type, id, queue and retry count
    as fields; ``ReportCaller`` names the handler file, not where the error was made."""
    record = {
        "error": d.thrown.value,
        "file": "/src/internal/worker/errors.go:27",
        "func": "gitlab.com/az/internal/worker.(*Server).handleError",
        "level": "error",
        "max_retry": int(str(d.opts.get("max_retry", 25))),
        "msg": d.values.fill(d.bug.log or "task failed"),
        "queue": str(d.opts.get("queue", "default")),
        "retried": d.rand.randint(0, 25),
        "task_id": d.values["uuid"],
        "task_type": d.bug.entry,
        "time": d.iso(0)[:-1] + "Z",
    }
    return _compact(dict(sorted(record.items()))), {"level": "error", "task_type": d.bug.entry}


# --- Symfony 7: Monolog's LineFormatter ---------------------------------------------------------

HANDLE_MESSAGE = "/var/www/app/vendor/symfony/messenger/Middleware/HandleMessageMiddleware.php"


def _context_json(context: dict[str, object], inline: bool = True) -> str:
    """``LineFormatter`` with stack traces: the context as JSON whose escaped line breaks are
    turned back into real ones (``allowInlineLineBreaks``); without, they stay escaped."""
    if not inline:
        return json.dumps(context, ensure_ascii=False, separators=(",", ":"))
    return re.sub(
        r"(?<!\\)\\n", "\n", json.dumps(context, ensure_ascii=False, separators=(",", ":"))
    )


def _exception_text(d: Delivery) -> str:
    """The normalised exception: with stack traces (``[stacktrace]`` blocks on their own
    lines), or, on a handler left without ``include_stacktraces`` (``opts.half``), only each
    exception's class, message and throw site on one line."""
    if not d.opts.get("half"):
        return monolog_exception(list(d.chain))
    heads = [
        f"[object] ({e.type}(code: 0): {e.value} at {php_where(e)})" for e in reversed(d.chain)
    ]
    return " [previous exception] ".join(heads).replace("\n", " ")


def symfony_line(d: Delivery) -> tuple[str, Fields]:
    """``[%datetime%] %channel%.%level_name%: %message% %context% %extra%``: an uncaught
    exception logged by HttpKernel's ``ErrorListener`` (``request.CRITICAL``), or a Messenger
    worker's ``messenger.CRITICAL`` after the last retry (``opts.messenger``: the message
    class), whose exception is Messenger's ``HandlerFailedException`` over the handler's."""
    stamp = d.iso(6, z=False)
    exc = d.thrown
    message_class = str(d.opts.get("messenger", ""))
    if message_class:
        retries = int(str(d.opts.get("retries", 3)))
        wrapped = f'Handling "{message_class}" failed: {exc.value}'
        text = _exception_text(d)
        head = f"[object] (Symfony\\Component\\Messenger\\Exception\\HandlerFailedException(code: 0): {wrapped} at {HANDLE_MESSAGE}:124)"
        outer = (
            head
            + "\n[stacktrace]\n#0 /var/www/app/vendor/symfony/messenger/Middleware/SendMessageMiddleware.php(77): Symfony\\Component\\Messenger\\Middleware\\HandleMessageMiddleware->handle(Object(Symfony\\Component\\Messenger\\Envelope), Object(Symfony\\Component\\Messenger\\Middleware\\StackMiddleware))\n#1 {main}\n"
        )
        if d.opts.get("half"):
            outer = head + " "
        context = {
            "class": message_class,
            "message_id": d.rand.randint(1000, 99999),
            "retryCount": retries,
            "error": wrapped,
            "exception": outer
            + ("[previous exception] " if d.opts.get("half") else "\n[previous exception] ")
            + text,
        }
        message = f'Error thrown while handling message {message_class}. Removing from transport after {retries} retries. Error: "{wrapped}"'
        raw = f"[{stamp}] messenger.CRITICAL: {message} {_context_json(context, not d.opts.get('half'))} []"
        return raw, {"channel": "messenger", "level_name": "CRITICAL"}
    file, _, line = php_where(exc).rpartition(":")
    message = f'Uncaught PHP Exception {exc.type}: "{exc.value}" at {file} line {line}'
    context = {"exception": _exception_text(d)}
    raw = (
        f"[{stamp}] request.CRITICAL: {message} {_context_json(context, not d.opts.get('half'))} []"
    )
    return raw, {"channel": "request", "level_name": "CRITICAL"}


FORMATS16: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "next-console": next_console,
    "next-pino": next_pino,
    "slog-gin": slog_gin,
    "logrus-asynq": logrus_asynq,
    "symfony-line": symfony_line,
}
