"""blind50's log formats.

- ew: a FastAPI API and Celery workers logging through structlog. The API's pods still run
  the development ``ConsoleRenderer(colors=False)`` with Rich installed, so exceptions come
  out as ``RichTracebackFormatter(width=100, extra_lines=0, show_locals=False)`` draws them:
  a box per chain link, the path, ``❱`` and the line, the exception below the box
  (``ew-structlog-rich``). The workers render ``JSONRenderer(serializer=orjson.dumps)``
  (compact) after ``CallsiteParameterAdder`` and ``dict_tracebacks`` with locals, the library
  modules suppressed (``ew-structlog-orjson``); Celery's own "Task … raised unexpected" record
  goes through the same ``ProcessorFormatter``.
- ex: Spring Boot 3 WebFlux services with reactor-tools on the classpath (the
  ``ReactorDebugAgent``'s assembly trace in the suppressed ``OnAssemblyException``), logged by
  logstash-logback-encoder with ``ShortenedThrowableConverter`` (``rootCauseFirst``,
  ``inlineHash``, ``shortenedClassNameLength`` 40, Reactor/Netty/Spring web exclusions) and
  the ``stack_hash`` provider (``ex-logstash-shortened``).
- ey: a NestJS 10 API on nestjs-pino: Nest's ``ExceptionsHandler`` calls ``logger.error(message,
  stack)``, which nestjs-pino turns into a fresh ``Error`` (``err.type`` is always ``Error``,
  the real type only in the stack's first line) with the request-scoped ``req``; the app's own
  ``logger.error({ err }, msg)`` in queue processors goes through pino's default ``err``
  serializer, which joins ``cause`` messages with ": " and appends ``caused by:`` stacks
  (``ey-nest-pino``).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

# Log lines and traces are quoted whole; Rich draws boxes and Reactor prints U+21E2.
# ruff: noqa: E501

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence

from .delivery import Delivery
from .model import Exc, Frame
from .rand import stable_hex, stable_int
from .releases import frame_at
from .traces import node_stack, py_abs_path

Fields = dict[str, str]
HTTP_VERBS = ("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


def _py312(path: str) -> str:
    """The images run CPython 3.12."""
    return path.replace("/python3.11/", "/python3.12/")


# --- ew: structlog ------------------------------------------------------------------------------

RICH_WIDTH = 100


def _rich_box(body: list[str]) -> list[str]:
    inner = RICH_WIDTH - 4
    title = " Traceback (most recent call last) "
    left = (RICH_WIDTH - 2 - len(title)) // 2
    right = RICH_WIDTH - 2 - len(title) - left
    out = ["╭" + "─" * left + title + "─" * right + "╮"]
    for line in body:
        # Rich folds a path longer than the panel and crops a code line (no word wrap).
        if line.startswith("/") and len(line) > inner:
            while line:
                out.append("│ " + line[:inner].ljust(inner) + " │")
                line = line[inner:]
            continue
        out.append("│ " + line[:inner].ljust(inner) + " │")
    out.append("╰" + "─" * (RICH_WIDTH - 2) + "╯")
    return out


def _rich_indent(f: Frame) -> str:
    """Rich's indent guides: a method body under a class gets two, a function body one."""
    depth = 2 if f.function[:1].islower() and "." not in f.function and f.in_app else 1
    return "│   " * depth


def rich_traceback(chain: Sequence[Exc]) -> str:
    blocks = []
    for exc in chain:
        body: list[str] = []
        for i, f in enumerate(exc.frames):
            if i:
                body.append("")
            body.append(f"{_py312(py_abs_path(f))}:{f.line} in {f.function}")
            if f.context:
                body.append("")
                body.append(f"❱ {f.line} {_rich_indent(f)}{f.context.strip()}")
        lines = _rich_box(body)
        lines.append(f"{exc.text_name}: {exc.value}" if exc.value else exc.text_name)
        blocks.append("\n".join(lines))
    cause = "\n\nThe above exception was the direct cause of the following exception:\n\n"
    return cause.join(blocks)


def _kv(value: object) -> str:
    text = str(value)
    return repr(text) if (" " in text or not text) else text


def ew_structlog_rich(d: Delivery) -> tuple[str, Fields]:
    """``ConsoleRenderer(colors=False)``: ISO time, ``[level]`` padded to 9, the event padded to
    30, sorted ``key=value`` pairs (the logger name among them), then Rich's traceback."""
    pairs: dict[str, object] = {"logger": d.logger, "request_id": d.rand.hex(32)}
    if d.bug.entry.startswith(HTTP_VERBS):
        pairs["method"] = d.bug.entry.split(" ", 1)[0]
        pairs["path"] = d.request_path
    event = d.values.fill(d.bug.log) if d.bug.log else d.thrown.value
    kv = " ".join(f"{k}={_kv(v)}" for k, v in sorted(pairs.items()))
    head = f"{d.iso(6)} [error    ] {event:<30} {kv}"
    return head + "\n" + rich_traceback(d.chain), {"level": "error", "logger": d.logger}


_IDENT = re.compile(r"\b([a-z_][a-z0-9_]*)\b(?=[.\[])")


def _locals(d: Delivery, f: Frame) -> dict[str, str] | None:
    """``ExceptionDictTransformer(show_locals=True, suppress=[...])``: the reprs of the names a
    frame's line reads (a model without ``__repr__`` prints its address), none for libraries."""
    if not f.in_app:
        return None
    out: dict[str, str] = {}
    for name in _IDENT.findall(f.context):
        if name in out or name in ("self", "settings", "json", "datetime", "math", "logger"):
            continue
        cls = "".join(p.title() for p in name.split("_"))
        out[name] = f"<{cls} object at 0x7f{stable_hex(10, d.bug.id, d.index, name)}>"
    if d.bug.entry and " " not in d.bug.entry and f is d.frames[-1]:
        out["task_id"] = repr(d.rand.uuid())
    return out


def _dict_stack(d: Delivery, exc: Exc, cause: bool) -> dict[str, object]:
    return {
        "exc_type": exc.type,
        "exc_value": exc.value,
        "exc_notes": [],
        "syntax_error": None,
        "is_cause": cause,
        "frames": [
            {
                "filename": _py312(py_abs_path(f)),
                "lineno": f.line,
                "name": f.function,
                "line": "",
                "locals": _locals(d, f),
            }
            for f in exc.frames
        ],
        "is_group": False,
        "exceptions": [],
    }


def _exc_repr(exc: Exc) -> str:
    return f"{exc.type}({exc.value!r})"


def ew_structlog_orjson(d: Delivery) -> tuple[str, Fields]:
    """orjson's compact output of structlog's event dict: ``event``, the Celery task's ids
    bound by ``bind_contextvars``, ``level``, ``logger``, the call site, ``timestamp``, then
    ``exception`` as ``dict_tracebacks`` leaves it (the thrown exception first). With
    ``opts.celery``, Celery's own ``celery.app.trace`` record of the failure."""
    task_id = d.rand.uuid()
    if d.opts.get("celery"):
        event = f"Task {d.bug.entry}[{task_id}] raised unexpected: {_exc_repr(d.thrown)}"
        logger, site = "celery.app.trace", ("trace.py", "_log_error", 267)
    else:
        event = d.values.fill(d.bug.log) if d.bug.log else d.thrown.value
        app = [f for f in d.frames if f.in_app] or list(d.frames)
        where = app[-1]
        logger, site = d.logger, (where.file.rsplit("/", 1)[-1], where.function, where.line)
    record: dict[str, object] = {"event": event}
    if d.bug.entry and " " not in d.bug.entry:
        record.update(task_name=d.bug.entry, task_id=task_id)
    record.update(
        level="error",
        logger=logger,
        filename=site[0],
        func_name=site[1],
        lineno=site[2],
        timestamp=d.iso(6),
    )
    order = list(reversed(d.chain))
    record["exception"] = [_dict_stack(d, exc, i > 0) for i, exc in enumerate(order)]
    return _compact(record), {"level": "error", "logger": logger}


# --- ex: logstash-logback-encoder's ShortenedThrowableConverter ---------------------------------

EX_EXCLUDES = (
    "reactor.core.publisher.",
    "io.netty.",
    "reactor.netty.",
    "org.springframework.web.reactive.",
    "org.springframework.web.server.",
    "org.springframework.http.server.reactive.",
)


def abbreviate(name: str, length: int = 40) -> str:
    """logback's ``TargetLengthBasedClassNameAbbreviator``: packages cut to their first letter
    from the left until the name fits (the class name itself is never cut)."""
    if len(name) <= length:
        return name
    parts = name.split(".")
    out = list(parts)
    total = len(name)
    for i in range(len(parts) - 1):
        if total <= length:
            break
        total -= len(parts[i]) - 1
        out[i] = parts[i][0]
    return ".".join(out)


def _excluded(f: Frame) -> bool:
    return f.module.startswith(EX_EXCLUDES)


def _frame_line(f: Frame) -> str:
    loc = f"{f.file}:{f.line}" if f.line > 0 else (f.file or "Unknown Source")
    return f"at {abbreviate(f.module)}.{f.function}({loc})"


def shortened_frames(frames: Sequence[Frame], tabs: str, common: int = 0) -> list[str]:
    """``appendStackTraceElements``: the first two frames always, runs of two or more excluded
    frames as ``... N frames excluded`` (a lone excluded frame is printed), then the common
    frames' placeholder."""
    out: list[str] = []
    shown = list(frames[: len(frames) - common])
    i, run = 0, 0
    while i < len(shown):
        f = shown[i]
        if i <= 1 or not _excluded(f):
            if run >= 2:
                out.append(f"{tabs}... {run} frames excluded")
            elif run == 1:
                out.append(tabs + _frame_line(shown[i - 1]))
            run = 0
            out.append(tabs + _frame_line(f))
        else:
            run += 1
        i += 1
    if run >= 2:
        out.append(f"{tabs}... {run} frames excluded")
    elif run == 1:
        out.append(tabs + _frame_line(shown[-1]))
    if common:
        out.append(f"{tabs}... {common} common frames omitted")
    return out


def stack_hash(exc: Exc, below: str = "") -> str:
    """``StackHasher``: the type and each frame's class and method (no line numbers), with
    the cause's hash folded in, as 8 hex digits."""
    parts = [exc.text_name, *(f"{f.module}.{f.function}" for f in exc.frames), below]
    return f"{stable_int('stackhash', *parts) % 2**32:08x}"


def assembly_block(d: Delivery) -> list[str]:
    """The suppressed ``OnAssemblyException`` with the debug agent: where the failing operator
    was assembled, the operators and checkpoints the error went past, then the original
    trace (Reactor moves the thrown exception's frames below "Original Stack Trace:")."""
    site = d.opts.get("assembly")
    lines = ["\tSuppressed: r.c.p.FluxOnAssembly$OnAssemblyException: "]
    app = [f for f in d.frames if f.in_app]
    where = d.opts.get("site")
    if isinstance(where, Frame):
        # An error raised on a Netty thread: the app's line is only where it was assembled.
        where = frame_at(where, d.release, d.bug.renames if d.release else {})
    else:
        where = app[0] if app else d.frames[-1]
    at = f"{where.module}.{where.function}({where.file}:{where.line})"
    if isinstance(site, tuple):
        operator, producer = site
        lines.append(f"Assembly trace from producer [reactor.core.publisher.{producer}] :")
        lines.append(f"\treactor.core.publisher.{operator}")
        lines.append(f"\t{at}")
    lines.append("Error has been observed at the following site(s):")
    if d.opts.get("webclient"):
        lines.append(
            f"\t*__checkpoint ⇢ {d.values.fill(str(d.opts['webclient']))} [DefaultWebClient]"
        )
    if isinstance(site, tuple):
        lines.append(f"\t*__{site[0].split('(')[0]} ⇢ at {at}")
    entry = d.bug.entry
    if entry.startswith(HTTP_VERBS):
        method = entry.split(" ", 1)[0]
        handler = str(d.opts.get("handler", d.logger))
        lines.append(f"\t*__checkpoint ⇢ Handler {handler} [DispatcherHandler]")
        lines.append(
            "\t*__checkpoint ⇢ org.springframework.web.filter.reactive.ServerHttpObservationFilter [DefaultWebFilterChain]"
        )
        lines.append(
            f'\t*__checkpoint ⇢ HTTP {method} "{d.request_path}" [ExceptionHandlingWebHandler]'
        )
    lines.append("Original Stack Trace:")
    return lines


def shortened_trace(d: Delivery) -> str:
    """Root cause first, ``Wrapped by:`` for each wrapper, each first line with its inline
    hash; the thrown exception carries Reactor's suppressed assembly exception."""
    chain = d.chain
    hashes: list[str] = []
    below = ""
    for exc in chain:
        below = stack_hash(exc, below)
        hashes.append(below)
    out: list[str] = []
    enclosing: list[Frame] = []
    newest = [list(reversed(e.frames)) for e in chain]
    for i, exc in enumerate(chain):
        frames = newest[i]
        prefix = "" if i == 0 else "Wrapped by: "
        head = f"{prefix}<#{hashes[i]}> {abbreviate(exc.text_name)}: {exc.value}"
        out.append(head)
        common = 0
        if i + 1 < len(chain):
            # A cause shares its tail with the exception that wraps it.
            enclosing = newest[i + 1]
            while (
                common < min(len(frames), len(enclosing))
                and frames[-1 - common] == enclosing[-1 - common]
            ):
                common += 1
        reactive = d.bug.entry.startswith(HTTP_VERBS) or "assembly" in d.opts
        if i == len(chain) - 1 and d.service.framework == "spring-webflux" and reactive and frames:
            out.extend(shortened_frames(frames[:1], "\t"))
            out.extend(assembly_block(d))
            out.extend(shortened_frames(frames[1:], "\t\t"))
        else:
            out.extend(shortened_frames(frames, "\t", common))
    return "\n".join(out)


def ex_logstash_shortened(d: Delivery) -> tuple[str, Fields]:
    """``LogstashEncoder`` with Micrometer tracing's MDC, ``stack_hash`` and the shortened
    ``stack_trace``; unhandled request errors logged by WebFlux's error handler."""
    entry = d.bug.entry
    if not d.bug.log and entry.startswith(HTTP_VERBS):
        method = entry.split(" ", 1)[0]
        message = f'[{d.rand.hex(8)}-{d.rand.randint(1, 900)}] 500 Server Error for HTTP {method} "{d.request_path}"'
        logger = "org.springframework.boot.autoconfigure.web.reactive.error.AbstractErrorWebExceptionHandler"
    else:
        message, logger = d.log_message, d.logger
    thread = str(d.opts.get("thread", f"reactor-http-epoll-{1 + d.rand.randint(0, 3)}"))
    hashes = ""
    for exc in d.chain:
        hashes = stack_hash(exc, hashes)
    record: dict[str, object] = {
        "@timestamp": d.iso(3, z=False),
        "@version": "1",
        "message": message,
        "logger_name": logger,
        "thread_name": thread,
        "level": "ERROR",
        "level_value": 40000,
        "stack_hash": hashes,
        "stack_trace": shortened_trace(d) + "\n",
        "traceId": d.rand.hex(32),
        "spanId": d.rand.hex(16),
        "app": d.service.name,
    }
    return _compact(record), {"level": "ERROR", "logger_name": logger}


# --- ey: nestjs-pino ----------------------------------------------------------------------------


def _req(d: Delivery) -> dict[str, object]:
    method, _, _ = d.bug.entry.partition(" ")
    return {
        "id": d.rand.randint(1, 90_000),
        "method": method,
        "url": d.request_path,
        "query": {},
        "params": {"0": d.request_path.lstrip("/")},
        "headers": {
            "host": "api.ey-internal:3000",
            "user-agent": d.rand.choice(
                (
                    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36",
                    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 Safari/605.1.15",
                )
            ),
            "accept": "application/json, text/plain, */*",
            "x-request-id": d.rand.uuid(),
        },
        "remoteAddress": f"::ffff:{d.values['ip']}",
        "remotePort": int(d.values["port"]),
    }


def ey_nest_pino(d: Delivery) -> tuple[str, Fields]:
    exc = d.thrown
    record: dict[str, object] = {
        "level": 50,
        "time": d.epoch_ms,
        "pid": 1,
        "hostname": d.host,
    }
    if d.bug.entry.startswith(HTTP_VERBS):
        # BaseExceptionFilter: logger.error(exception.message, exception.stack) -> new Error.
        record["req"] = _req(d)
        record["context"] = "ExceptionsHandler"
        record["err"] = {
            "type": "Error",
            "message": exc.value,
            "stack": node_stack(exc, exc.value),
        }
        record["msg"] = exc.value
    else:
        # this.logger.error({ err }, msg): pino-std-serializers' err with its causes folded in.
        order = list(reversed(d.chain))
        err: dict[str, object] = {
            "type": exc.type,
            "message": ": ".join(e.value for e in order),
            "stack": "\ncaused by: ".join(node_stack(e, e.value) for e in order),
        }
        extra = d.opts.get("errprops")
        if isinstance(extra, dict):
            err.update({str(k): d.values.fill(str(v)) for k, v in extra.items()})
        record["context"] = str(d.opts.get("context", d.logger))
        record["job"] = {
            "name": d.bug.entry,
            "id": str(d.rand.randint(1, 99_999)),
            "attemptsMade": d.rand.randint(1, 5),
        }
        record["err"] = err
        record["msg"] = d.log_message
    return _compact(record), {"level": "50", "context": str(record["context"])}


FORMATS50: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "ew-structlog-rich": ew_structlog_rich,
    "ew-structlog-orjson": ew_structlog_orjson,
    "ex-logstash-shortened": ex_logstash_shortened,
    "ey-nest-pino": ey_nest_pino,
}
