"""blind51's log formats: Laravel 11's ``daily`` channel with the ``Context`` facade's data as
the record's ``extra`` after the exception (ez), uber-go/zap's production JSON encoder behind
the Temporal Go SDK's logger adapter, so that the SDK's own "Activity error." / "Activity
panic." / "Workflow panic" records carry the SDK's stack and the error only as a string (fa),
and a Nuxt 3 server on Node: Nuxt's "[nuxt] [request error]" line over the bundled
``.output/server`` stack, and consola's fancy reporter for the app's own ``consola.withTag``
errors (fb).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

# Frame tables and log layouts are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

import json
import re
from collections.abc import Callable

from .delivery import Delivery
from .model import Frame
from .rand import stable_int
from .traces import monolog_exception

Fields = dict[str, str]

_HTTP = ("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


def fill_args(d: Delivery, trace: str) -> str:
    """A PHP trace's call arguments show the delivery's ids where a frame writes ``{id}``."""
    return re.sub(r"\{(id|user)\}", lambda m: d.values[m.group(1)], trace)


def _sqlstate(message: str) -> str:
    m = re.match(r"SQLSTATE\[(\w+)\]", message)
    return m.group(1) if m else "0"


def laravel_context(d: Delivery) -> tuple[str, Fields]:
    """Laravel 11's ``daily`` channel (``LineFormatter``: ``[%datetime%] %channel%.%level_name%:
    %message% %context% %extra%``). The context is the exception normalised by Monolog (each
    ``[previous exception]`` after it; escaped newlines turned back into line breaks, escaped
    backslashes kept) and ``userId`` for a signed-in guest; the extra is what the app put in
    Laravel 11's ``Context`` (a request's url and trace id; a queued job's context hydrated
    from its payload), so one more JSON object follows the trace on its last line."""
    exc = d.thrown
    codes = [_sqlstate(e.value) for e in reversed(d.chain)]
    context: dict[str, object] = {}
    web = d.bug.entry.startswith(_HTTP)
    if web and d.index % 3 != 2:
        context["userId"] = int(d.values["user"])
    context["exception"] = fill_args(d, monolog_exception(d.chain, codes))
    encoded = json.dumps(context, ensure_ascii=False, separators=(",", ":"))
    encoded = re.sub(r"(?<!\\)\\n", "\n", encoded)
    extra: dict[str, object] = {}
    if web:
        extra["url"] = f"https://{d.company.domain}{d.request_path}"
    else:
        extra["job"] = d.bug.entry
        extra["attempt"] = d.index % 3 + 1
    extra["trace_id"] = d.rand.uuid()
    message = d.log_message if d.bug.log else exc.value
    line = (
        f"[{d.stamp('%Y-%m-%d %H:%M:%S')}] production.ERROR: {message} {encoded} {_compact(extra)}"
    )
    return line, {}


# --- Temporal Go SDK through zap ---------------------------------------------------------------

_TSDK = "/go/pkg/mod/go.temporal.io/sdk@v1.31.0/"
# Where the SDK logs an activity's failure (oldest first): the poller's task, the handler, and
# the ``log.With`` wrapper the worker's logger is, which zap's caller skip does not pass.
_SDK_ACTIVITY = (
    ("go.temporal.io/sdk/internal.(*baseWorker).processTaskAsync.func1", "internal/internal_worker_base.go", 464),
    ("go.temporal.io/sdk/internal.(*baseWorker).processTask", "internal/internal_worker_base.go", 613),
    ("go.temporal.io/sdk/internal.(*activityTaskPoller).ProcessTask", "internal/internal_task_pollers.go", 1150),
    ("go.temporal.io/sdk/internal.(*activityTaskHandlerImpl).Execute", "internal/internal_task_handlers.go", 2121),
    ("go.temporal.io/sdk/log.(*withLogger).Error", "log/with_logger.go", 84),
)  # fmt: skip
_SDK_WORKFLOW = (
    ("go.temporal.io/sdk/internal.(*baseWorker).processTask", "internal/internal_worker_base.go", 613),
    ("go.temporal.io/sdk/internal.(*workflowTaskPoller).processWorkflowTask", "internal/internal_task_pollers.go", 481),
    ("go.temporal.io/sdk/internal.(*workflowTaskHandlerImpl).ProcessWorkflowTask", "internal/internal_task_handlers.go", 1046),
    ("go.temporal.io/sdk/internal.(*workflowExecutionContextImpl).ProcessWorkflowTask", "internal/internal_task_handlers.go", 1219),
    ("go.temporal.io/sdk/internal.(*workflowExecutionEventHandlerImpl).ProcessEvent", "internal/internal_event_handlers.go", 1118),
    ("go.temporal.io/sdk/log.(*withLogger).Error", "log/with_logger.go", 84),
)  # fmt: skip


def _sdk_stack(frames: tuple[tuple[str, str, int], ...]) -> str:
    return "\n".join(f"{fn}\n\t{_TSDK}{file}:{line}" for fn, file, line in reversed(frames))


def _go_frames(d: Delivery) -> str:
    """zap's stacktrace of a log call made in the app's own code (innermost first)."""
    return "\n".join(f"{f.module}.{f.function}\n\t{f.file}:{f.line}" for f in reversed(d.frames))


def _panic_stack(d: Delivery, head: str) -> str:
    """The SDK's ``PanicStack``: its own header line, then the panicking goroutine's frames as
    ``runtime/debug`` prints them, from the panic down (the SDK cuts the runtime's top)."""
    lines = [
        head,
        "panic({0x1a2b3c0?, 0xc0004f2a80?})",
        "\t/usr/local/go/src/runtime/panic.go:785 +0x132",
    ]
    for f in reversed(d.frames):
        off = stable_int("fa-off", f.module, f.function) % 0x3FF + 0x1B
        lines.append(f"{f.module}.{f.function}(...)")
        lines.append(f"\t{f.file}:{f.line} +0x{off:x}")
    return "\n".join(lines)


def zap_temporal(d: Delivery) -> tuple[str, Fields]:
    """``zap.NewProduction()`` (epoch-seconds ``ts``, short caller, ``stacktrace`` at error
    level) under the Temporal SDK's logger adapter. ``opts.kind`` picks the record:
    ``activity`` (the SDK's "Activity error." with the worker's fields and ``Error`` as the
    error's string, the SDK's stack), ``apanic`` ("Activity panic." with ``PanicError`` and
    ``PanicStack``), ``wpanic`` ("Workflow panic"), ``app`` (the activity's own
    ``activity.GetLogger(ctx).Error``), or ``api`` (the HTTP service's own ``zap.Error``)."""
    kind = str(d.opts.get("kind", "activity" if d.service.framework == "temporal" else "api"))
    entry = d.bug.entry
    record: dict[str, object] = {"level": "error", "ts": round(d.when, 6)}
    worker = {
        "Namespace": "lanes-prod",
        "TaskQueue": str(d.opts.get("queue", "lanes")),
        "WorkerID": f"1@{d.host}@",
    }
    run = {
        "WorkflowID": f"{d.opts.get('wfprefix', 'shipment')}-{d.values['ref']}",
        "RunID": d.rand.uuid(),
    }
    if kind == "api":
        caller = d.frames[-1]
        record["caller"] = "/".join(caller.file.split("/")[-2:]) + f":{caller.line}"
        record["msg"] = d.bug.log or "request failed"
        if entry.startswith(_HTTP):
            record.update(method=entry.split(" ", 1)[0], path=d.request_path)
        record["request_id"] = d.rand.hex(16)
        record["error"] = d.thrown.value
        record["stacktrace"] = _go_frames(d)
        return _compact(record), {"level": "error", "msg": str(record["msg"])}
    record["caller"] = "log/with_logger.go:84"
    if kind == "wpanic":
        record["msg"] = "Workflow panic"
        record.update(worker)
        record["WorkflowType"] = entry
        record.update(run)
        record["Attempt"] = d.index % 2 + 1
        record["PanicError"] = d.thrown.value
        record["PanicStack"] = _panic_stack(d, "coroutine root [panic]:")
        record["stacktrace"] = _sdk_stack(_SDK_WORKFLOW)
        return _compact(record), {"level": "error", "msg": "Workflow panic"}
    if kind == "app":
        record["msg"] = d.bug.log or "activity failed"
        record.update(worker)
        record["ActivityID"] = str(d.rand.randint(5, 40))
        record["ActivityType"] = entry
        record["Attempt"] = d.index % 4 + 1
        record["WorkflowType"] = str(d.opts.get("wftype", "ShipmentWorkflow"))
        record.update(run)
        record["Error"] = d.thrown.value
        # The activity method logs what its helper returned: the stack is the log call's.
        frames = list(d.frames)
        top = max(
            (i for i, f in enumerate(frames) if "(*Activities)." in f.function),
            default=len(frames) - 1,
        )
        calls = [
            f"{f.module}.{f.function}\n\t{f.file}:{f.line}" for f in reversed(frames[: top + 1])
        ]
        record["stacktrace"] = "\n".join([_sdk_stack(_SDK_ACTIVITY[-1:]), *calls])
        return _compact(record), {"level": "error", "msg": str(record["msg"])}
    record["msg"] = "Activity panic." if kind == "apanic" else "Activity error."
    record.update(worker)
    record.update(run)
    record["ActivityType"] = entry
    record["Attempt"] = d.index % 4 + 1
    if kind == "apanic":
        record["PanicError"] = d.thrown.value
        record["PanicStack"] = _panic_stack(d, f"activity for {entry} [panic]:")
    else:
        record["Error"] = d.thrown.value
    record["stacktrace"] = _sdk_stack(_SDK_ACTIVITY)
    return _compact(record), {"level": "error", "msg": str(record["msg"])}


# --- Nuxt 3 on Node ----------------------------------------------------------------------------


def _nitro_path(file: str) -> str:
    """Where Nitro's rollup build puts a source file under ``.output/server`` (the process's
    working directory is the image's ``/app``, which the stack keeps relative)."""
    if file.startswith("server/api/") or file.startswith("server/routes/"):
        rest = file.split("/", 1)[1].removeprefix("api/")
        prefix = "routes/api/" if file.startswith("server/api/") else "routes/"
        return "./.output/server/chunks/" + prefix + rest.rsplit(".", 1)[0] + ".mjs"
    if file.startswith("node_modules/"):
        return "./.output/server/" + file
    if file.startswith("node:"):
        return file
    # utils, composables and pages are bundled into nitro's chunk or the SSR renderer's.
    if file.startswith(("pages/", "components/", "composables/")):
        return "./.output/server/chunks/build/server.mjs"
    return "./.output/server/chunks/nitro/nitro.mjs"


def _nitro_line(d: Delivery, f: Frame) -> str:
    file, fn, line, col = f.file, f.function, f.line, max(f.col, 1)
    path = _nitro_path(file)
    if path.startswith("./.output/server/chunks/"):
        # rollup renumbers: a bundled chunk's line sits past the file's in the source.
        line = (
            line
            + stable_int("nitro", file, d.release) % 40
            + (2800 if "nitro.mjs" in path or "server.mjs" in path else 3)
        )
    where = path if file.startswith("node:") else f"{path}:{line}:{col}"
    prefix = "async " if f.args == "async" else ""
    return f"at {prefix}{fn} ({where})" if fn else f"at {prefix}{where}"


def nitro_console(d: Delivery) -> tuple[str, Fields]:
    """The server's stdout/stderr. An unhandled error in a route or the SSR render: Nuxt's
    error handler's ``[nuxt] [request error] [unhandled] [500] <message>`` and the stack it
    normalised (cwd made ``./``, each line ``  at ...``, joined by two spaces and a newline).
    An error the app logged itself (``bug.log``, the tag in ``opts.tag``): consola's fancy
    reporter without colours, `` ERROR  [tag] message`` then the error's message and stack."""
    exc = d.thrown
    frames = [_nitro_line(d, f) for f in reversed(exc.frames)]
    if d.bug.log:
        tag = str(d.opts.get("tag", "app"))
        head = f" ERROR  [{tag}] {d.values.fill(d.bug.log)}"
        body = [head, "", f"{exc.type}: {exc.value}" if exc.type != "Error" else exc.value, ""]
        body += ["  " + line for line in frames]
        return "\n".join(body), {"tag": tag}
    status = str(d.opts.get("status", "500"))
    head = f"[nuxt] [request error] [unhandled] [{status}] {exc.value}"
    return head + "\n" + "  \n".join("  " + line for line in frames), {}


FORMATS51: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "ez-laravel-context": laravel_context,
    "fa-zap-temporal": zap_temporal,
    "fb-nitro-console": nitro_console,
}
