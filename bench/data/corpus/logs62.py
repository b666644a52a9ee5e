"""blind62's log formats: a FastAPI service on uvicorn with uvicorn's default logging
(``LOGGING_CONFIG``'s ``%(levelprefix)s %(message)s``: ``ERROR:    Exception in ASGI
application`` over the traceback; the app's own ``logging.basicConfig`` records,
``ERROR:<logger>:<message>`` over ``logger.exception``'s traceback) (gg); a Go Gin API on
zap's production JSON (``level``/``ts``/``caller``/``msg``/``error``/``stacktrace``) and
gin-contrib/zap's ``RecoveryWithZap`` (``[Recovery from panic]`` with ``time`` as an epoch,
``error``, ``request`` and a ``runtime/debug.Stack()`` ``stack`` beside zap's own
``stacktrace``) (gi). The React SPA (gh) has no logs.

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

# ruff: noqa: E501

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .model import Frame
from .traces import go_debug_stack, python_traceback, zap_stacktrace

Fields = dict[str, str]

GIN = "/go/pkg/mod/github.com/gin-gonic/gin@v1.10.0/"
GINZAP = "/go/pkg/mod/github.com/gin-contrib/zap@v1.1.3/"
RECOVER = (
    Frame("RecoveryWithZap.func1.1", GINZAP + "zap.go", 137, "github.com/gin-contrib/zap", False),
)

PANIC = Frame("gopanic", "/usr/local/go/src/runtime/panic.go", 770, "runtime", False)


def uvicorn_default(d: Delivery) -> tuple[str, Fields]:
    """``opts.kind`` ``asgi`` (the default): uvicorn's ``uvicorn.error`` record for an
    unhandled exception, ``levelprefix`` padded to nine characters; ``basic``: the app's
    ``logger.exception(msg)`` under ``logging.basicConfig()`` (``%(levelname)s:%(name)s:%(message)s``);
    ``access``: the access line before the traceback, as the two loggers interleave."""
    kind = str(d.opts.get("kind", "asgi"))
    tb = python_traceback(d.chain)
    if kind == "basic":
        return f"ERROR:{d.logger}:{d.log_message}\n{tb}", {"logger": d.logger}
    text = "ERROR:    Exception in ASGI application\n" + tb
    if kind == "access":
        verb = d.bug.entry.split(" ", 1)[0]
        ip = d.values["ip"]
        access = f'INFO:     {ip}:{d.values["port"]} - "{verb} {d.request_path} HTTP/1.1" 500 Internal Server Error'
        text = access + "\n" + text
    return text, {"logger": "uvicorn.error"}


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


def gin_zap(d: Delivery) -> tuple[str, Fields]:
    """``opts.kind`` ``log`` (the default): a handler's ``logger.Error(msg, zap.Error(err))``
    in zap's production JSON, the stack of the log call; ``recovery``: ginzap's
    ``RecoveryWithZap(logger, true)`` record for a panic, the request dumped with
    ``httputil.DumpRequest`` and the goroutine's ``debug.Stack()``."""
    frames = d.frames
    ts = round(d.when, 6)
    if d.opts.get("kind") == "recovery":
        verb = d.bug.entry.split(" ", 1)[0]
        rec = {
            "level": "error",
            "ts": ts,
            "caller": "zap@v1.1.3/zap.go:139",
            "msg": "[Recovery from panic]",
            # ``zap.Time`` goes through the production config's epoch encoder too.
            "time": round(d.when - 0.000021, 6),
            "error": d.thrown.value,
            "request": f"{verb} {d.request_path} HTTP/1.1\r\nHost: api.internal\r\nAccept: application/json\r\nUser-Agent: okhttp/4.12.0\r\n\r\n",
            "stack": go_debug_stack(d.thrown, d.rand.randint(20, 9999), RECOVER),
            # zap.NewProduction() adds the log call's own stack at error level.
            "stacktrace": zap_stacktrace((*frames, PANIC, *RECOVER)),
        }
        return _compact(rec), {"level": "error", "msg": "[Recovery from panic]"}
    # zap's stack is the log call's: the handler that logged, not the frames under it.
    handlers = [i for i, f in enumerate(frames) if f.module.endswith("/internal/http")]
    if handlers:
        frames = frames[: handlers[-1] + 1]
    caller = frames[-1]
    rec = {
        "level": "error",
        "ts": ts,
        "caller": "/".join(caller.file.split("/")[-2:]) + f":{caller.line}",
        "msg": d.bug.log or "request failed",
        "request_id": d.values["uuid"],
        "error": d.thrown.value,
        "stacktrace": zap_stacktrace(frames),
    }
    return _compact(rec), {"level": "error", "msg": str(rec["msg"])}


FORMATS62: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "gg-uvicorn": uvicorn_default,
    "gi-gin-zap": gin_zap,
}
