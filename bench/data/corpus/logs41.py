"""blind41's log formats: Go's standard ``log`` package as a Fiber v2 API and Watermill
consumers write it (dv). Rails 7.2's tagged log and PHP's ``error_log`` (dw, dx) reuse the
formats already registered (``bq-rails72-tagged``, ``bq-activejob-solidqueue``,
``php-error-log``, ``wp-db-error``).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

from __future__ import annotations

from collections.abc import Callable

from .delivery import Delivery
from .model import Frame
from .traces import go_debug_stack

Fields = dict[str, str]


def _caller(d: Delivery) -> str:
    """``log.Lshortfile`` names the file that called ``log.Printf``: the handler, the
    outermost frame of the app's own code, not where the error was made."""
    app = [f for f in d.frames if f.in_app]
    return f"{app[0].file.rsplit('/', 1)[-1]}:{app[0].line + 3}" if app else "main.go:1"


def fiber_stdlog(d: Delivery) -> tuple[str, Fields]:
    """``log.SetFlags(log.LstdFlags | log.Lshortfile)`` and ``log.Printf("%s: %v", ...)`` in
    the handler's error branch: no type, no stack, the route as the team words it."""
    msg = d.values.fill(d.bug.log) if d.bug.log else f"{d.bug.entry} failed"
    return f"{d.stamp('%Y/%m/%d %H:%M:%S')} {_caller(d)}: {msg}: {d.thrown.value}", {}


def watermill_stdlog(d: Delivery) -> tuple[str, Fields]:
    """``watermill.NewStdLogger(false, false)``: Go's ``log`` with the ``[watermill] ``
    prefix and microseconds, logfmt fields after the message; the router logs the
    handler's error, the caller's file is Watermill's own adapter."""
    stamp = d.stamp("%Y/%m/%d %H:%M:%S") + f".{d.millis}{d.rand.randint(100, 999)}"
    err = d.thrown.value.replace('"', '\\"')
    uuid = d.rand.uuid()
    topic = d.bug.entry
    raw = (
        f'[watermill] {stamp} stdlogger.go:97: level=ERROR msg="Handler returned error" '
        f'err="{err}" handler_name={topic}-handler message_uuid={uuid} topic={topic}'
    )
    return raw, {"level": "ERROR", "topic": topic}


_FIBER = "/go/pkg/mod/github.com/gofiber/fiber/v2@v2.52.5/"
# Fiber's recover middleware with ``EnableStackTrace``: the deferred closure calls the
# default handler, which prints ``debug.Stack()``.
_PKG = "github.com/gofiber/fiber/v2/middleware/recover"
_RECOVER = (
    Frame("New.func1.1", _FIBER + "middleware/recover/recover.go", 31, _PKG, False),
    Frame("defaultStackTraceHandler", _FIBER + "middleware/recover/recover.go", 12, _PKG, False),
)


def fiber_panic(d: Delivery) -> tuple[str, Fields]:
    """``recover.New(recover.Config{EnableStackTrace: true})``: ``panic: %v`` and
    ``debug.Stack()`` on stderr; fasthttp's worker goroutine, not net/http's, at the bottom."""
    stack = go_debug_stack(d.thrown, d.rand.randint(900, 90_000), _RECOVER).splitlines()
    worker = d.rand.randint(30, 90)
    stack[-2:] = [
        f"created by github.com/valyala/fasthttp.(*workerPool).getCh in goroutine {worker}",
        "\t/go/pkg/mod/github.com/valyala/fasthttp@v1.57.0/workerpool.go:196 +0x125",
    ]
    return f"panic: {d.thrown.value}\n" + "\n".join(stack), {}


FORMATS41: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "dv-fiber-stdlog": fiber_stdlog,
    "dv-watermill-stdlog": watermill_stdlog,
    "dv-fiber-panic": fiber_panic,
}
