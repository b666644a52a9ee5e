"""blind93's log formats.

jv: a Go 1.22 echo v4 API and a Temporal worker on zerolog's JSON. The API's
``HTTPErrorHandler`` logs ``log.Ctx(ctx).Error().Stack().Err(err).Msg(...)`` with
``zerolog.ErrorStackMarshaler = pkgerrors.MarshalStack``: ``level``, the context's
``service``/``request_id``/``method``/``uri``, ``stack`` (only when the error carries a
pkg/errors stack: ``func``/``line``/``source``, innermost first) before ``error``, then ``time``
and ``message`` (``jv-zerolog-json``). A panic is caught by echo's ``middleware.Recover()``,
which prints ``[PANIC RECOVER] <err> <runtime.Stack(buf, true)>`` (4 KB, all goroutines, so
cut) through echo's own gommon logger, JSON with ``level: "-"`` (``jv-echo-recover``). The
Temporal worker's SDK logs a failed attempt as ``Activity error.`` with its tags as fields
through the team's zerolog adapter (``jv-temporal``). Records reach Splunk through HEC
(``sourcetype=_json``) and Datadog through the agent.

jw: a Django 5 app and its Celery workers on ECS Fargate with the ``awslogs`` driver: plain
text (``%(levelname)s %(asctime)s %(name)s %(message)s`` for Django, Celery's own worker
format) into CloudWatch, each line its own event, shipped to Datadog by the Datadog Forwarder
Lambda. A log monitor therefore sees one line of a traceback: the logger's head line
(``part=head``: ``Internal Server Error: /path``, Celery's ``raised unexpected: Exc(...)``)
or the traceback's last line (``part=last``: ``module.Type: message``). The reports worker's
task definition sets ``awslogs-multiline-pattern`` so its events are whole (``part=whole``).

Each function returns the raw text and the fields a Splunk search extracts from it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from .delivery import Delivery
from .model import Frame
from .traces import go_debug_stack, python_repr, python_traceback

Fields = dict[str, str]

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
HTTP_VERBS = ("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


# --- jv: zerolog, echo's recover, Temporal -----------------------------------------------------

ECHO_MOD = "/go/pkg/mod/github.com/labstack/echo/v4@v4.12.0/"
RECOVER = Frame(
    "RecoverWithConfig.func1.1.1",
    ECHO_MOD + "middleware/recover.go",
    99,
    "github.com/labstack/echo/v4/middleware",
    False,
)
# With DisableStackAll false, runtime.Stack goes on with the other goroutines.
_OTHERS = (
    "\n\ngoroutine 1 [IO wait]:\ninternal/poll.runtime_pollWait(0x7f3c2a1e4e58, 0x72)\n"
    "\t/usr/local/go/src/runtime/netpoll.go:345 +0x85\n"
    "internal/poll.(*pollDesc).wait(0xc000186000?, 0x4?, 0x0)\n"
    "\t/usr/local/go/src/internal/poll/fd_poll_runtime.go:84 +0x27\n"
    "net.(*netFD).accept(0xc000186000)\n\t/usr/local/go/src/net/fd_unix.go:172 +0x29\n"
    "net/http.(*Server).Serve(0xc0001f2000, {0x1a2b3c0, 0xc0000b6040})\n"
    "\t/usr/local/go/src/net/http/server.go:3260 +0x33e\n"
    "github.com/labstack/echo/v4.(*Echo).Start(0xc0001e4000, {0xc00002a0f0, 0x5})\n"
    "\t/go/pkg/mod/github.com/labstack/echo/v4@v4.12.0/echo.go:679 +0xd2\n"
    "main.main()\n\t/src/hire/cmd/hire-api/main.go:88 +0x6b9\n\n"
    "goroutine 34 [select]:\ndatabase/sql.(*DB).connectionOpener(0xc0002b4270, "
    "{0x1a2c9a8, 0xc0002a3f90})\n\t/usr/local/go/src/database/sql/sql.go:1246 +0x87\n"
    "created by database/sql.OpenDB in goroutine 1\n"
    "\t/usr/local/go/src/database/sql/sql.go:824 +0x14c"
)


def _pkg_stack(d: Delivery) -> list[dict[str, str]] | None:
    """pkgerrors.MarshalStack: the frames from where ``errors.Wrap``/``WithStack`` was called
    (the innermost in-app frame) out to the goroutine's start; none without a pkg/errors stack."""
    if not d.thrown.type.startswith("*errors.with"):
        return None
    frames = list(d.frames)
    app = [i for i, f in enumerate(frames) if f.in_app]
    upto = app[-1] + 1 if app else len(frames)
    out = []
    for f in reversed(frames[:upto]):
        out.append({"func": f.function, "line": str(f.line), "source": f.file.rsplit("/", 1)[-1]})
    return out


def zerolog_echo(d: Delivery) -> tuple[str, Fields]:
    """The API's error handler: zerolog JSON with ``.Stack().Err(err)``. ``opts.kind``
    ``recovered``: the error handler's record after echo's Recover turned the panic into an
    error (``fmt.Errorf("%v", r)``: no stack)."""
    record: dict[str, Any] = {"level": "error", "service": d.service.name}
    if d.bug.entry.startswith(HTTP_VERBS):
        record["request_id"] = d.rand.alnum(32, LETTERS)
        record["method"] = d.bug.entry.split(" ", 1)[0]
        record["uri"] = d.request_path
    stack = None if d.opts.get("kind") == "recovered" else _pkg_stack(d)
    if stack:
        record["stack"] = stack
    record["error"] = d.thrown.value
    record["time"] = d.iso(0)
    record["message"] = d.values.fill(str(d.opts.get("msg", d.bug.log or "request failed")))
    return _compact(record), {"level": "error", "message": str(record["message"])}


def echo_recover(d: Delivery) -> tuple[str, Fields]:
    """echo's ``Recover`` middleware through its gommon logger (``Print``: level ``-``):
    ``[PANIC RECOVER] <err> <stack>`` with ``runtime.Stack(buf, true)`` cut at 4 KB."""
    exc = d.thrown
    frames = tuple(f for f in exc.frames if f.function != "gopanic")
    dump = go_debug_stack(replace(exc, frames=frames), d.rand.randint(30, 2000), (RECOVER,))
    lines = dump.split("\n")
    dump = "\n".join([lines[0], *lines[3:]])
    dump = (dump + _OTHERS).encode()[:4096].decode("utf-8", "ignore")
    record = {
        "time": d.iso(9 if d.index % 2 else 6, z=False).replace("+00:00", "Z"),
        "level": "-",
        "prefix": "echo",
        "file": "recover.go",
        "line": "130",
        "message": f"[PANIC RECOVER] {exc.value} {dump}\n",
    }
    return _compact(record), {"prefix": "echo", "level": "-"}


def temporal_activity(d: Delivery) -> tuple[str, Fields]:
    """The Temporal Go SDK's ``Activity error.`` through the team's zerolog adapter: the
    SDK's tags as fields, ``Error`` the error's text; no stack."""
    workflow = str(d.opts.get("workflow", "DeliveryWorkflow"))
    prefix = workflow.removesuffix("Workflow").lower()
    record: dict[str, Any] = {
        "level": "error",
        "Namespace": "hire-prod",
        "TaskQueue": str(d.opts.get("queue", "dispatch")),
        "WorkerID": f"1@{d.host}@",
        "ActivityID": str(d.rand.randint(5, 40)),
        "ActivityType": d.bug.entry.removeprefix("activity:"),
        "Attempt": d.rand.randint(1, 6),
        "WorkflowType": workflow,
        "WorkflowID": f"{prefix}-{d.rand.randint(10_000, 99_999)}",
        "RunID": d.rand.uuid(),
        "Error": d.thrown.value,
        "time": d.iso(0),
        "message": "Activity error.",
    }
    return _compact(record), {"level": "error", "message": "Activity error."}


# --- jw: awslogs text through the Datadog Forwarder --------------------------------------------


def _head(d: Delivery) -> str:
    stamp = f"{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis}"
    if d.service.framework == "celery":
        worker = f"ForkPoolWorker-{d.rand.randint(1, 4)}"
        return (
            f"[{stamp}: ERROR/{worker}] Task {d.bug.entry}[{d.rand.uuid()}] "
            f"raised unexpected: {python_repr(d.thrown)}"
        )
    if d.bug.log:
        return f"ERROR {stamp} {d.logger} {d.log_message}"
    return f"ERROR {stamp} django.request Internal Server Error: {d.request_path}"


def awslogs_python(d: Delivery) -> tuple[str, Fields]:
    """One CloudWatch event as the Forwarder ships it: ``opts.part`` ``head`` (the logger's
    line), ``last`` (the traceback's last line), ``whole`` (a multiline pattern is set)."""
    part = str(d.opts.get("part", "head"))
    trace = python_traceback(d.chain)
    if part == "last":
        return trace.rsplit("\n", 1)[-1], {}
    if part == "whole":
        return _head(d) + "\n" + trace, {}
    return _head(d), {}


FORMATS93: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "jv-zerolog-json": zerolog_echo,
    "jv-echo-recover": echo_recover,
    "jv-temporal": temporal_activity,
    "jw-awslogs": awslogs_python,
}
