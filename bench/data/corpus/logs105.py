"""blind105's log formats.

lf (Quayford Tutors), a Laravel 10 app on Laravel Vapor and Horizon workers on an EC2 box:

- ``lf-vapor``: the Vapor function's stderr channel with Monolog 3's ``JsonFormatter``
  (``LOG_STDERR_FORMATTER``): one JSON line per record, ``message``, ``context.exception``
  normalised to ``class``/``message``/``code``/``file`` (``path:line``) and each
  ``previous``; ``context.userId`` for a signed-in user; ``level: 400``, ``level_name``,
  ``channel``, ``datetime`` with microseconds, ``extra``. From the second release the team
  turned on ``includeStacktraces`` (``trace``: the call sites, innermost first). CloudWatch
  keeps the line as it is; the Splunk Add-on for AWS (CloudWatch Logs input) indexes it with
  ``sourcetype=aws:cloudwatchlogs`` and ``source`` ``region:log group:log stream``.
  ``opts.kind`` ``timeout``: the Lambda runtime's own ``<time> <request id> Task timed out
  after 28.03 seconds`` line (no exception in it).
- ``lf-horizon``: Laravel's default ``single`` channel on the Horizon box (Monolog's
  ``LineFormatter``), whose ``.env`` still says ``APP_ENV=local``: ``[date] local.ERROR:
  message {"exception":"[object] (Class(code: 0): msg at /path:line)\\n[stacktrace]\\n#0
  ..."}``, read by a universal forwarder; with ``opts.lines`` the event was cut after that
  many lines.

lg (Quinton Lockers), a Go 1.22 Fiber v2 API:

- ``lg-zerolog``: the app's ``ErrorHandler`` logging ``log.Error().Stack().Err(err)`` with
  ``zerolog.ErrorStackMarshaler = pkgerrors.MarshalStack`` and a ``Caller()`` logger:
  ``level``, the request's fields, ``stack`` (pkg/errors-wrapped errors only: ``func``/
  ``line``/``source``, innermost first), ``error``, ``time`` (RFC 3339), ``message``,
  ``caller`` last. ``opts.kind`` ``recovered``: the handler's record after Fiber's recover
  middleware turned a panic into an error (no stack). Shipped to Splunk HEC
  (``sourcetype=_json``) and read by the Datadog agent.
- ``lg-fiber-panic``: Fiber's ``recover`` middleware with ``EnableStackTrace``: ``panic:
  <value>`` and ``debug.Stack()`` written to stderr.

Each function returns the raw text and the fields a Splunk search extracts from it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from .delivery import Delivery
from .model import Frame
from .traces import go_debug_stack, php_trace, php_where

Fields = dict[str, str]

HTTP_VERBS = ("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


# --- lf: Vapor's JsonFormatter, the Horizon box's LineFormatter --------------------------------

_CALL_SITE = re.compile(r"^#\d+ (.+?)\((\d+)\): ")


def _sqlstate(message: str) -> int | str:
    m = re.match(r"SQLSTATE\[(\w+)\]", message)
    if not m:
        return 0
    return int(m.group(1)) if m.group(1).isdigit() else m.group(1)


def _normalise(d: Delivery, i: int, trace: bool) -> dict[str, Any]:
    exc = d.chain[i]
    out: dict[str, Any] = {
        "class": exc.type,
        "message": exc.value,
        "code": _sqlstate(exc.value),
        "file": php_where(exc),
    }
    if trace:
        sites = []
        for line in php_trace(exc)[1]:
            m = _CALL_SITE.match(line)
            if m:
                sites.append(f"{m.group(1)}:{m.group(2)}")
        out["trace"] = sites
    if i > 0:
        out["previous"] = _normalise(d, i - 1, trace)
    return out


def lf_vapor(d: Delivery) -> tuple[str, Fields]:
    group = str(d.opts.get("group", "/aws/lambda/vapor-quayford-production"))
    stream = f"{d.stamp('%Y/%m/%d')}/[$LATEST]{d.rand.hex(32)}"
    fields = {
        "host": "splunk-hf-01",
        "source": f"eu-west-2:{group}:{stream}",
        "sourcetype": "aws:cloudwatchlogs",
    }
    if d.opts.get("kind") == "timeout":
        took = f"{d.rand.randint(28, 29)}.0{d.rand.randint(1, 9)}"
        line = f"{d.iso(3)} {d.rand.uuid()} Task timed out after {took} seconds"
        return line, fields
    trace = bool(d.opts.get("trace", d.release >= 1))
    context: dict[str, Any] = {}
    if d.bug.entry.startswith(HTTP_VERBS) and d.index % 3 != 1:
        context["userId"] = int(d.values["user"])
    context["exception"] = _normalise(d, len(d.chain) - 1, trace)
    record = {
        "message": d.thrown.value,
        "context": context,
        "level": 400,
        "level_name": "ERROR",
        "channel": "production",
        "datetime": d.iso(6, z=False),
        "extra": {},
    }
    return _compact(record), fields


def lf_horizon(d: Delivery) -> tuple[str, Fields]:
    from .logs import laravel_text  # logs imports this module's FORMATS105

    raw, fields = laravel_text(d)
    fields = {**fields, "host": "horizon-01"}
    raw = raw.replace("] production.ERROR: ", "] local.ERROR: ", 1)
    if "lines" in d.opts:
        raw = "\n".join(raw.split("\n")[: int(str(d.opts["lines"]))])
    return raw, fields


# --- lg: zerolog from Fiber's ErrorHandler, Fiber's recover ------------------------------------

FASTHTTP = "/go/pkg/mod/github.com/valyala/fasthttp@v1.52.0/"
RECOVER = (
    Frame(
        "New.func1.1",
        "/go/pkg/mod/github.com/gofiber/fiber/v2@v2.52.5/middleware/recover/recover.go",
        31,
        "github.com/gofiber/fiber/v2/middleware/recover",
        False,
    ),
    Frame(
        "defaultStackTraceHandler",
        "/go/pkg/mod/github.com/gofiber/fiber/v2@v2.52.5/middleware/recover/recover.go",
        13,
        "github.com/gofiber/fiber/v2/middleware/recover",
        False,
    ),
)


def _pkg_stack(d: Delivery) -> list[dict[str, str]] | None:
    """pkgerrors.MarshalStack: the frames from where ``errors.Wrap``/``errors.New`` was called
    out to the goroutine's start; none for an error without a pkg/errors stack."""
    if not d.thrown.type.startswith(("*errors.withStack", "*errors.fundamental")):
        return None
    frames = list(d.frames)
    app = [i for i, f in enumerate(frames) if f.in_app]
    upto = app[-1] + 1 if app else len(frames)
    return [
        {"func": f.function, "line": str(f.line), "source": f.file.rsplit("/", 1)[-1]}
        for f in reversed(frames[:upto])
    ]


def lg_zerolog(d: Delivery) -> tuple[str, Fields]:
    record: dict[str, Any] = {"level": "error"}
    if d.bug.entry.startswith(HTTP_VERBS):
        record["request_id"] = d.rand.uuid()
        record["method"] = d.bug.entry.split(" ", 1)[0]
        record["path"] = d.request_path
        record["ip"] = d.values["ip"]
    stack = None if d.opts.get("kind") == "recovered" else _pkg_stack(d)
    if stack:
        record["stack"] = stack
    record["error"] = d.thrown.value
    record["time"] = d.iso(0)
    record["message"] = d.values.fill(str(d.opts.get("msg", d.bug.log or "request failed")))
    record["caller"] = str(d.opts.get("caller", "/src/lockers/internal/httpx/errors.go:27"))
    return _compact(record), {"level": "error", "message": str(record["message"])}


def lg_fiber_panic(d: Delivery) -> tuple[str, Fields]:
    stack = go_debug_stack(d.thrown, d.rand.randint(40, 900), RECOVER)
    stack = stack.replace(
        "created by net/http.(*Server).Serve in goroutine 1\n"
        "\t/usr/local/go/src/net/http/server.go:3285 +0x4b4",
        "created by github.com/valyala/fasthttp.(*workerPool).getCh in goroutine 1\n"
        f"\t{FASTHTTP}workerpool.go:196 +0x1f3",
    )
    return f"panic: {d.thrown.value}\n{stack}\n", {"stream": "stderr"}


FORMATS105: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "lf-vapor": lf_vapor,
    "lf-horizon": lf_horizon,
    "lg-zerolog": lg_zerolog,
    "lg-fiber-panic": lg_fiber_panic,
}

__all__ = ["FORMATS105"]
