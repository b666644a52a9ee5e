"""blind64's log formats.

- gm: a FastAPI API and Celery 5 workers logging through loguru with ``serialize=True``, the
  sink posting each record to Splunk's HTTP Event Collector (``{"text": ..., "record": {...}}``:
  ``text`` the formatted line with loguru's traceback, ``record`` with ``exception``
  ``{type, value, traceback}``, ``function``, ``line``, ``module``, ``name`` ...). Three call
  sites: the API's error middleware (``logger.exception``), handlers and tasks logging their
  own ``logger.exception``, and Celery's ``celery.app.trace`` record routed into loguru by an
  ``InterceptHandler``. One worker pool was still started without the intercept: Celery's own
  text log (``[<asctime>: ERROR/ForkPoolWorker-N] Task ... raised unexpected: ...`` over the
  traceback) on its stderr.
- go: a Go Echo v4 API on logrus' ``JSONFormatter`` (keys sorted: ``error``, ``level``,
  ``msg``, ``time`` and the handler's fields), some handlers adding a ``stack`` field with
  pkg/errors' ``%+v``, some logging ``log.Errorf("%+v", err)`` so the stack is in ``msg``;
  Echo's ``middleware.Recover`` printing ``[PANIC RECOVER] <err> <runtime.Stack>`` through
  Echo's own gommon logger (level ``-``, the stack cut at its 4 KB buffer).

The Vue SPA (gn) has no logs. Each function returns the ``_raw`` text and the fields a Splunk
search extracts from it.
"""

# ruff: noqa: E501

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .model import Frame
from .traces import _go_args, _go_offset, loguru_traceback, python_repr, python_traceback

Fields = dict[str, str]

HTTP = ("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")

# --- gm: loguru serialize=True through HEC ------------------------------------------------------

SITE = "/usr/local/lib/python3.11/site-packages/"
GM_MIDDLEWARE = (
    "juniperhowe.api.middleware",
    "log_unhandled",
    34,
    "/app/juniperhowe/api/middleware.py",
)
GM_CELERY = ("celery.app.trace", "_log_error", 267, SITE + "celery/app/trace.py")


def _elapsed(d: Delivery) -> dict[str, object]:
    elapsed = d.rand.uniform(30, 900_000)
    hours, rest = divmod(elapsed, 3600)
    minutes, seconds = divmod(rest, 60)
    return {
        "repr": f"{int(hours)}:{int(minutes):02d}:{seconds:09.6f}",
        "seconds": round(elapsed, 6),
    }


def gm_loguru_hec(d: Delivery) -> tuple[str, Fields]:
    """``opts.site``: ``middleware`` (the API's ``log_unhandled``, the default for API bugs),
    ``own`` (``bug.logger`` as ``module:function:line``, the code's own ``logger.exception``),
    ``celery`` (``celery.app.trace`` through the ``InterceptHandler``, the worker's default).
    ``opts.diagnose``: the values under each source line (the first release still had loguru's
    default ``diagnose=True``)."""
    worker = d.service.framework == "celery"
    site = str(d.opts.get("site", "celery" if worker else "middleware"))
    exc = d.thrown
    extra: dict[str, object] = {}
    if site == "celery":
        name, function, line, path = GM_CELERY
        task_id = d.rand.uuid()
        message = f"Task {d.bug.entry}[{task_id}] raised unexpected: {python_repr(exc)}"
        extra = {"task_id": task_id, "task_name": d.bug.entry}
        thread = "MainThread"
        process = f"ForkPoolWorker-{d.rand.randint(1, 8)}"
    elif site == "own":
        name, function, lineno = d.bug.logger.split(":")
        line = int(lineno)
        path = "/app/" + name.replace(".", "/") + ".py"
        message = d.log_message
        thread = "MainThread"
        process = f"ForkPoolWorker-{d.rand.randint(1, 8)}" if worker else "MainProcess"
        if d.bug.entry.startswith(HTTP):
            extra = {"request_id": d.rand.hex(32), "path": d.request_path}
        else:
            extra = {"task_id": d.rand.uuid()}
    else:
        name, function, line, path = GM_MIDDLEWARE
        method = d.bug.entry.split(" ", 1)[0]
        message = f"Unhandled exception on {method} {d.request_path}"
        extra = {
            "request_id": d.rand.hex(32),
            "method": method,
            "path": d.request_path,
            "client_ip": d.values["ip"],
        }
        thread = "MainThread"
        process = "MainProcess"
    trace = loguru_traceback(
        d.chain, diagnose=bool(d.opts.get("diagnose")), seed=f"{d.bug.id}{d.index}"
    )
    stamp = f"{d.stamp('%Y-%m-%d %H:%M:%S')}.{d.millis}"
    text = f"{stamp} | ERROR    | {name}:{function}:{line} - {message}\n{trace}\n"
    record = {
        "text": text,
        "record": {
            "elapsed": _elapsed(d),
            "exception": {"type": exc.type, "value": exc.value, "traceback": True},
            "extra": extra,
            "file": {"name": path.rsplit("/", 1)[-1], "path": path},
            "function": function,
            "level": {"icon": "\u274c", "name": "ERROR", "no": 40},
            "line": line,
            "message": message,
            "module": name.rsplit(".", 1)[-1],
            "name": name,
            "process": {"id": d.rand.randint(7, 400), "name": process},
            "thread": {"id": 140_000_000_000_000 + d.rand.randint(0, 999_999_999), "name": thread},
            "time": {"repr": d.iso(6, z=False).replace("T", " "), "timestamp": round(d.when, 6)},
        },
    }
    fields = {"record.level.name": "ERROR", "record.name": name, "record.function": str(function)}
    return json.dumps(record, ensure_ascii=False), fields


def gm_celery_text(d: Delivery) -> tuple[str, Fields]:
    """Celery 5's own worker log (``worker_log_format``) where the intercept was not
    installed: the ``raised unexpected`` line over the stdlib traceback."""
    stamp = f"{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis}"
    worker = f"ForkPoolWorker-{d.rand.randint(1, 8)}"
    head = f"[{stamp}: ERROR/{worker}] Task {d.bug.entry}[{d.rand.uuid()}] raised unexpected: {python_repr(d.thrown)}"
    return head + "\n" + python_traceback(d.chain), {}


# --- go: logrus JSONFormatter and Echo's Recover --------------------------------------------------


def _pkg_verbose(d: Delivery) -> str:
    """``fmt.Sprintf("%+v", err)`` of ``errors.Wrap(cause, msg)``: the cause's text, the
    wrap's message, then the stack where it was wrapped (innermost first)."""
    exc = d.thrown
    wrap, sep, cause = exc.value.partition(": ")
    lines = [cause, wrap] if sep else [exc.value]
    for f in reversed(exc.frames):
        lines.append(f"{f.module}.{f.function}")
        lines.append(f"\t{f.file}:{f.line}")
    return "\n".join(lines)


def _go_json(record: dict[str, object]) -> str:
    text = json.dumps(dict(sorted(record.items())), ensure_ascii=False, separators=(",", ":"))
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(ch, esc)
    return text


def go_logrus(d: Delivery) -> tuple[str, Fields]:
    """``opts.kind``: ``error`` (the default: ``log.WithError(err).WithFields(...).Error(msg)``),
    ``stack`` (the same with ``"stack": fmt.Sprintf("%+v", err)``), ``msgstack``
    (``log.Errorf("%+v", err)``: no ``error`` field, the stack in ``msg``), ``panic`` (Echo's
    ``Recover`` through Echo's own logger)."""
    kind = str(d.opts.get("kind", "error"))
    if kind == "panic":
        return _echo_recover(d)
    ts = d.stamp("%Y-%m-%dT%H:%M:%SZ")
    record: dict[str, object] = {"level": "error", "time": ts}
    if kind == "msgstack":
        record["msg"] = _pkg_verbose(d)
    else:
        record["msg"] = d.values.fill(d.bug.log or "request failed")
        record["error"] = d.thrown.value
    if d.bug.entry.startswith(HTTP):
        record.update(
            method=d.bug.entry.split(" ", 1)[0], uri=d.request_path, request_id=d.rand.hex(16)
        )
    else:
        record["job"] = d.bug.entry
    if kind == "stack":
        record["stack"] = _pkg_verbose(d)
    msg = str(record["msg"]).split("\n", 1)[0]
    return _go_json(record), {"level": "error", "msg": msg}


ECHO = "/go/pkg/mod/github.com/labstack/echo/v4@v4.12.0/"
RECOVER_FRAME = Frame(
    "RecoverWithConfig.func1.1.1",
    ECHO + "middleware/recover.go",
    99,
    "github.com/labstack/echo/v4/middleware",
    False,
)


def _echo_recover(d: Delivery) -> tuple[str, Fields]:
    """Echo 4.12's ``Recover()``: ``runtime.Stack(buf, true)`` into a 4 KB buffer (every
    goroutine, this one first, cut where the buffer ends), logged by ``c.Logger().Print``:
    gommon's JSON header with level ``-`` and the message appended."""
    g = d.rand.randint(20, 4000)
    lines = [f"goroutine {g} [running]:"]
    f = RECOVER_FRAME
    lines.append(f"{f.module}.{f.function}()")
    lines.append(f"\t{f.file}:{f.line} {_go_offset(f)}")
    lines.append(
        f"panic({{0x{d.rand.randint(0x1000000, 0x1FFFFFF):x}?, 0x{d.rand.randint(0x2000000, 0x2FFFFFF):x}?}})"
    )
    lines.append("\t/usr/local/go/src/runtime/panic.go:770 +0x132")
    for fr in reversed(d.frames):
        lines.append(f"{fr.module}.{fr.function}{_go_args(fr)}")
        lines.append(f"\t{fr.file}:{fr.line} {_go_offset(fr)}")
    lines.append(f"created by net/http.(*Server).Serve in goroutine {d.rand.randint(1, 40)}")
    lines.append("\t/usr/local/go/src/net/http/server.go:3285 +0x4b4")
    lines.append("")
    lines.append(f"goroutine 1 [IO wait, {d.rand.randint(2, 900)} minutes]:")
    lines.append("internal/poll.runtime_pollWait(0x7f3a1c2d4e18, 0x72)")
    lines.append("\t/usr/local/go/src/runtime/netpoll.go:345 +0x85")
    for k in range(40):
        lines.append(f"goroutine {g + 7 * k + 3} [select]:")
        lines.append("github.com/jackc/pgx/v5/pgxpool.(*Pool).backgroundHealthCheck(0xc0001c2000)")
        lines.append("\t/go/pkg/mod/github.com/jackc/pgx/v5@v5.6.0/pgxpool/pool.go:434 +0xd0")
        lines.append("")
    stack = "\n".join(lines).encode()[:4096].decode("utf-8", "ignore")
    message = f"[PANIC RECOVER] {d.thrown.value} {stack}\n"
    header = f'{{"time":"{d.iso(6)}","level":"-","prefix":"echo","file":"recover.go","line":"120"'
    return header + ',"message":' + json.dumps(message, ensure_ascii=False) + "}", {"level": "-"}


FORMATS64: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "gm-loguru-hec": gm_loguru_hec,
    "gm-celery-text": gm_celery_text,
    "go-logrus-json": go_logrus,
}
