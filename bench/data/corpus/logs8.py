"""Log formats of blind8's companies (aa, ab, ac): Microsoft.Extensions.Logging's simple console
(the Azure Functions host, Hangfire's server), Application Insights' ``AppExceptions`` records
as a diagnostic-settings export lands in Splunk, charmbracelet/log's text (the Temporal Go
SDK's worker log through its slog handler), apex/log's text handler, Echo's JSON access log and
its recover middleware, Node and Bun printing an error, and electron-log's file.

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it, as
in ``logs``; ``logs.FORMATS`` takes them in under these keys.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from .delivery import Delivery
from .model import Exc, Frame
from .rand import stable_int
from .traces import _go_args, _go_offset, dotnet_core_trace, js_message

Fields = dict[str, str]


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


# --- .NET ---------------------------------------------------------------------------------------

_INDENT = "      "


def mel_simple(d: Delivery) -> tuple[str, Fields]:
    """``AddSimpleConsole()`` without a timestamp format: ``fail: Category[EventId]``, then the
    message and the exception's ToString() each line indented six spaces. The Functions host
    wraps what the isolated worker threw: ``FunctionInvocationException`` over an
    ``RpcException`` whose message carries the worker's ``Exception:`` and ``Stack:`` as text
    (``opts.host``: the function's name)."""
    function = str(d.opts.get("host", ""))
    event_id = str(d.opts.get("event_id", 0))
    level = str(d.opts.get("level", "fail"))  # Hangfire logs a retry it schedules as "warn"
    if function:
        category = f"Function.{function}"
        message = (
            f"Executed 'Functions.{function}' (Failed, Id={d.rand.uuid()}, "
            f"Duration={d.rand.randint(12, 4_000)}ms)"
        )
        exc = d.thrown
        worker = dotnet_core_trace(d.chain)
        first, _, stack = worker.partition("\n")
        trace = "\n".join(
            [
                "Microsoft.Azure.WebJobs.Host.FunctionInvocationException: Exception while "
                f"executing function: Functions.{function}",
                " ---> Microsoft.Azure.WebJobs.Script.Workers.Rpc.RpcException: Result: Failure",
                f"Exception: {first if exc.value else exc.type}",
                f"Stack: {stack.lstrip()}",
                "   --- End of inner exception stack trace ---",
                "   at Microsoft.Azure.WebJobs.Script.Description.WorkerFunctionInvoker."
                "InvokeCore(Object[] parameters, FunctionInvocationContext context) in "
                "/src/azure-functions-host/src/WebJobs.Script/Description/Workers/"
                "WorkerFunctionInvoker.cs:line 101",
                "   at Microsoft.Azure.WebJobs.Script.Description.FunctionInvokerBase.Invoke"
                "(Object[] parameters) in /src/azure-functions-host/src/WebJobs.Script/"
                "Description/FunctionInvokerBase.cs:line 82",
                "   at Microsoft.Azure.WebJobs.Host.Executors.FunctionExecutor."
                "InvokeWithTimeoutAsync(IFunctionInvoker invoker, ParameterHelper parameterHelper, "
                "CancellationTokenSource timeoutTokenSource, CancellationTokenSource "
                "functionCancellationTokenSource, Boolean throwOnTimeout, TimeSpan timerInterval, "
                "IFunctionInstance instance) in D:\\a\\_work\\1\\s\\src\\Microsoft.Azure.WebJobs."
                "Host\\Executors\\FunctionExecutor.cs:line 581",
            ]
        )
    else:
        category, message, trace = d.logger, d.log_message, dotnet_core_trace(d.chain)
    body = "\n".join(_INDENT + line for line in [*message.split("\n"), *trace.split("\n")])
    return f"{level}: {category}[{event_id}]\n{body}", {"category": category}


def _method(f: Frame) -> str:
    return f"{f.module}.{f.function}"


CORELIB = (
    "System.Private.CoreLib, Version=8.0.0.0, Culture=neutral, PublicKeyToken=7cec85d7bea7798e"
)


def _assembly(f: Frame) -> str:
    """The frame's assembly as Application Insights names it: the runtime's own, a package's
    (strong-named), or the app's (unsigned)."""
    if f.module.startswith("System."):
        return CORELIB
    if not f.in_app:
        name = ".".join(f.module.split(".")[:3])
        return f"{name}, Version=3.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35"
    name = ".".join(f.module.split(".")[:3])
    return f"{name}, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null"


def ai_exceptions(d: Delivery) -> tuple[str, Fields]:
    """An ``AppExceptions`` record (Application Insights' workspace table) as a diagnostic
    setting streams it to Event Hubs and the Splunk Add-on for Microsoft Cloud Services indexes
    it: the outer and innermost exception's type, message and method, ``ProblemId`` (type at
    the throwing method), ``Details`` with each exception's ``parsedStack``."""
    order = list(reversed(d.chain))  # outermost first, as ExceptionDetails lists them
    ids = [str(d.rand.randint(10_000_000, 99_999_999)) for _ in order]
    details = []
    for i, exc in enumerate(order):
        frames = list(reversed(exc.frames))
        parsed = []
        for level, f in enumerate(frames):
            frame: dict[str, object] = {
                "level": level,
                "method": _method(f),
                "assembly": _assembly(f),
            }
            if f.in_app:
                frame.update(fileName=f.file, line=f.line)
            parsed.append(frame)
        details.append(
            {
                "message": exc.value,
                "type": exc.type,
                "id": ids[i],
                "outerId": ids[i - 1] if i else "0",
                "severityLevel": "Error",
                "parsedStack": parsed,
            }
        )
    outer, inner = order[0], order[-1]

    def top(exc: Exc) -> Frame | None:
        return exc.frames[-1] if exc.frames else None

    def method(exc: Exc) -> str:
        f = top(exc)
        return _method(f) if f else ""

    role = d.service.name
    record: dict[str, object] = {
        "time": d.iso(7),
        "resourceId": (
            f"/SUBSCRIPTIONS/{d.company.splunk_guid}/RESOURCEGROUPS/RG-{role.upper()}-PROD/"
            f"PROVIDERS/MICROSOFT.INSIGHTS/COMPONENTS/AI-{role.upper()}-PROD"
        ),
        "Type": "AppExceptions",
        "AppRoleName": role,
        "AppRoleInstance": d.host,
        "AppVersion": d.company.releases[d.release],
        "ClientType": "PC",
        "SDKVersion": "dotnetiso:1.3.0",
        "OperationName": str(d.opts.get("operation", d.bug.entry)),
        "OperationId": d.rand.hex(32),
        "ParentId": d.rand.hex(16),
        "ProblemId": f"{outer.type} at {method(outer)}",
        "ExceptionType": outer.type,
        "Assembly": _assembly(top(outer)) if top(outer) else "",
        "Method": method(outer),
        "OuterType": outer.type,
        "OuterMessage": outer.value,
        "OuterMethod": method(outer),
        "InnermostType": inner.type,
        "InnermostMessage": inner.value,
        "InnermostMethod": method(inner),
        "SeverityLevel": 3,
        "Details": details,
        "Properties": {
            "Category": d.logger,
            "InvocationId": d.rand.uuid(),
            "ProcessId": str(d.rand.randint(1, 60)),
        },
        "ItemCount": 1,
    }
    return _compact(record), {"Type": "AppExceptions", "AppRoleName": role}


# --- Go -----------------------------------------------------------------------------------------


def _charm_value(value: str) -> str:
    """charmbracelet/log's text formatter: a value with a space, quote or ``=`` quoted as
    ``strconv.Quote`` does."""
    if value and not any(c in value for c in ' "=\n\t'):
        return value
    return json.dumps(value, ensure_ascii=False)


def _go_frames(frames: Sequence[Frame]) -> list[str]:
    lines = []
    for f in reversed(frames):
        lines.append(f"{f.module}.{f.function}{_go_args(f)}")
        lines.append(f"\t{f.file}:{f.line} {_go_offset(f)}")
    return lines


def _temporal_error_type(exc: Exc) -> str:
    """The ``ApplicationError`` type the SDK gives a plain Go error: the reflected type's name
    (``*fmt.wrapError`` -> ``wrapError``)."""
    return exc.type.lstrip("*").rsplit(".", 1)[-1]


def charm_temporal(d: Delivery) -> tuple[str, Fields]:
    """The Temporal Go SDK's worker log through charmbracelet/log's slog handler (timestamps
    on), the worker's tags first. Activity side (default): ``Activity error.`` at WARN, the
    error as ``err.Error()``. ``opts.side == "workflow"``: the workflow's own
    ``workflow.GetLogger(ctx).Error(bug.log, "Error", err)``, the error wrapped in the
    ``ActivityError`` the workflow got (event ids and identity in its text). ``opts.panic``
    (``activity`` or ``workflow``): the SDK's ``Activity panic.`` or ``Workflow panic`` at
    ERROR with ``PanicError`` and ``PanicStack``, which the text formatter prints on lines of
    their own behind ``│``."""
    exc = d.thrown
    queue = str(d.opts.get("queue", "default"))
    workflow = str(d.opts.get("workflow", "Workflow"))
    activity = d.bug.entry
    attempt = str(d.opts.get("attempt", d.rand.randint(1, 9)))
    head = f"{d.stamp('%Y/%m/%d %H:%M:%S')} "
    pairs = [("Namespace", "default"), ("TaskQueue", queue), ("WorkerID", f"1@{d.host}@")]
    run = [
        ("WorkflowID", f"{workflow.lower().removesuffix('workflow')}-{d.values['uuid']}"),
        ("RunID", d.rand.uuid()),
    ]
    panic = str(d.opts.get("panic", ""))

    def text(kvs: list[tuple[str, str]]) -> str:
        return " ".join(f"{k}={_charm_value(v)}" for k, v in kvs)

    if panic:
        if panic == "workflow":
            msg, top = "Workflow panic", "coroutine root [panic]:"
            kvs = [*pairs, ("WorkflowType", workflow), *run, ("Attempt", attempt)]
        else:
            msg, top = "Activity panic.", f"activity for {activity} [panic]:"
            kvs = [*pairs, *run, ("ActivityType", activity), ("Attempt", attempt)]
        kvs.append(("PanicError", exc.value))
        trailer = "\n".join(f"  │ {line}" for line in [top, *_go_frames(exc.frames)])
        return f"{head}ERRO {msg} {text(kvs)} PanicStack=\n{trailer}", {"level": "error"}
    if d.opts.get("side") == "workflow":
        scheduled = d.rand.randint(5, 60)
        cause = exc.value
        if not exc.type.endswith("TimeoutError"):
            cause = f"{exc.value} (type: {_temporal_error_type(exc)}, retryable: true)"
        identity = f"1@{d.pod(str(d.opts.get('worker', d.service.name)))}@"
        error = (
            f"activity error (type: {activity}, scheduledEventID: {scheduled}, "
            f"startedEventID: {scheduled + 1}, identity: {identity}): {cause}"
        )
        msg = d.values.fill(d.bug.log) if d.bug.log else "Activity failed."
        kvs = [*pairs, ("WorkflowType", workflow), *run, ("Attempt", "1"), ("Error", error)]
        return f"{head}ERRO {msg} {text(kvs)}", {"level": "error"}
    kvs = [*pairs, ("ActivityID", str(d.rand.randint(5, 60))), ("ActivityType", activity), *run]
    kvs += [("Attempt", attempt), ("Error", exc.value)]
    return f"{head}WARN Activity error. {text(kvs)}", {"level": "warn"}


def go_crash(d: Delivery) -> tuple[str, Fields]:
    """An unrecovered panic in a goroutine of the app's own: the runtime's dump on stderr and
    the exit status the container runtime records."""
    exc = d.thrown
    lines = [f"panic: {exc.value}"]
    if "nil map" not in exc.value and "nil pointer" in exc.value:
        lines.append("[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x4a1f2c]")
    goroutine = d.rand.randint(30, 400)
    lines += ["", f"goroutine {goroutine} [running]:", *_go_frames(exc.frames[1:])]
    first = exc.frames[0]
    lines += [
        f"created by {first.module}.{first.function} in goroutine 1",
        f"\t{first.file}:{first.line} {_go_offset(first)}",
    ]
    return "\n".join(lines), {}


def charm_text(d: Delivery) -> tuple[str, Fields]:
    """The app's own charmbracelet/log call (``log.Error(msg, "err", err, ...)``) with a
    prefix: ``2006/01/02 15:04:05 ERRO prefix: msg err=...``."""
    prefix = str(d.opts.get("prefix", d.service.name))
    extra = d.values.fill(str(d.opts.get("kv", "")))
    tail = f" {extra}" if extra else ""
    msg = d.values.fill(d.bug.log) if d.bug.log else "request failed"
    line = f"{d.stamp('%Y/%m/%d %H:%M:%S')} ERRO {prefix}: {msg} err={_charm_value(d.thrown.value)}"
    return line + tail, {"level": "error"}


def apex_text(d: Delivery) -> tuple[str, Fields]:
    """apex/log's text handler: the level in colour padded to six, seconds since start in
    ``[%04d]``, the message padded to 25, then each field ``name=value`` in colour, sorted by
    name (``log.WithError(err).WithFields(...).Error(msg)``)."""
    msg = d.values.fill(d.bug.log) if d.bug.log else "request failed"
    fields = {"error": d.thrown.value}
    for pair in d.values.fill(str(d.opts.get("kv", ""))).split():
        k, _, v = pair.partition("=")
        fields[k] = v
    since = stable_int("apexstart", d.host) % 9_000 + d.index * 37
    out = f"\x1b[31m{'ERROR':>6}\x1b[0m[{since:04d}] {msg:<25}"
    for name in sorted(fields):
        out += f" \x1b[31m{name}\x1b[0m={fields[name]}"
    return out, {}


ECHO = "/go/pkg/mod/github.com/labstack/echo/v4@v4.12.0/"


def echo_recover(d: Delivery) -> tuple[str, Fields]:
    """Echo's ``Recover`` middleware printing through the context's gommon logger (its JSON
    header, level ``-`` for ``Print``): ``[PANIC RECOVER] <value> `` and the goroutine's stack
    from ``runtime.Stack``, 4 KB at most."""
    exc = d.thrown
    goroutine = d.rand.randint(20, 900)
    lines = [
        f"goroutine {goroutine} [running]:",
        "github.com/labstack/echo/v4/middleware.RecoverWithConfig.func1.1.1()",
        f"\t{ECHO}middleware/recover.go:99 +0x150",
        f"panic({{0x{stable_int('pv', exc.value) % 0xFFFFFF:x}?, 0xc000{goroutine:06x}?}})",
        "\t/usr/local/go/src/runtime/panic.go:770 +0x132",
        *_go_frames(exc.frames),
    ]
    stack = "\n".join(lines)[:4096]
    record = {
        "time": d.iso(9, z=False).replace("+00:00", "Z"),
        "level": "-",
        "prefix": "echo",
        "file": "recover.go",
        "line": "120",
        "message": f"[PANIC RECOVER] {exc.value} {stack}\n",
    }
    return _compact(record), {"level": "-", "prefix": "echo"}


def echo_access(d: Delivery) -> tuple[str, Fields]:
    """Echo's ``Logger`` middleware with its default JSON format: the request, the status, and
    ``error`` the handler's error (``code=500, message=...`` for an ``*echo.HTTPError``)."""
    method, _, _ = d.bug.entry.partition(" ")
    latency = d.rand.randint(300_000, 9_000_000_000)
    human = f"{latency / 1e6:.6f}ms" if latency < 1e9 else f"{latency / 1e9:.6f}s"
    error = d.thrown.value
    if d.opts.get("httperror"):
        error = f"code=500, message={error}"
    record = {
        "time": d.iso(0, z=False).replace("+00:00", "Z"),
        "id": d.rand.alnum(32),
        "remote_ip": d.values["ip"],
        "host": str(d.opts.get("vhost", "api.internal")),
        "method": method,
        "uri": d.request_path,
        "user_agent": "Go-http-client/2.0",
        "status": int(str(d.opts.get("status", 500))),
        "error": error,
        "latency": latency,
        "latency_human": human,
        "bytes_in": d.rand.randint(0, 4_000),
        "bytes_out": 36,
    }
    return _compact(record), {"status": str(record["status"])}


# --- JavaScript servers and desktop -------------------------------------------------------------


def _server_bundle_pos(f: Frame, release: int) -> tuple[int, int]:
    """Where a route module's code lands in React Router's one-file server build."""
    n = stable_int("rrbuild", f.file, f.function, release)
    return 200 + n % 3_800, 3 + (n // 7) % 60


def node_console(d: Delivery) -> tuple[str, Fields]:
    """React Router 7's ``handleError`` (``console.error(error)``) on Node: the stack as V8
    prints it. Without ``--enable-source-maps`` every app frame is in
    ``build/server/index.js``; ``opts.mapped``: the route files."""
    exc = d.thrown
    mapped = bool(d.opts.get("mapped"))
    lines = [f"{exc.type}: {exc.value}"]
    for f in reversed(exc.frames):
        if f.file.startswith("node:"):
            where = f"{f.file}:{f.line}:{f.col or 1}"
        elif f.in_app and not mapped:
            line, col = _server_bundle_pos(f, d.release)
            where = f"file:///app/build/server/index.js:{line}:{col}"
        else:
            # ES modules are named by their URL.
            scheme = "file://" if f.file.endswith(".mjs") or f.in_app else ""
            where = f"{scheme}/app/{f.file}:{f.line}:{f.col or 1}"
        prefix = "async " if f.args == "async" else ""
        lines.append(
            f"    at {prefix}{f.function} ({where})" if f.function else f"    at {prefix}{where}"
        )
    return "\n".join(lines), {}


def bun_console(d: Delivery) -> tuple[str, Fields]:
    """Bun printing an uncaught error: the source lines around the throw with a caret, the
    error in JavaScriptCore's words, the frames indented six (``async`` where awaited), and
    Bun's version line."""
    exc = d.thrown
    top = exc.frames[-1]
    context = top.context or "throw error"
    above = max(top.line - 1, 1)
    caret = " " * (len(str(top.line)) + 3 + max(top.col - 1, 0)) + "^"
    value = js_message(exc.js, "jsc", d.release, minified=False) if exc.js else exc.value
    value = d.values.fill(value)
    lines = [f"{above} | ", f"{top.line} | {context}", caret, f"{exc.type}: {value}"]
    for f in reversed(exc.frames):
        prefix = "async " if f.args == "async" else ""
        path = f.file if f.file.startswith("node:") else f"/app/{f.file}"
        lines.append(
            f"      at {prefix}{f.function or '<anonymous>'} ({path}:{f.line}:{f.col or 1})"
        )
    lines += ["", "Bun v1.1.34 (Linux x64)"]
    return "\n".join(lines), {}


ASAR = {
    "mac": "/Applications/Saffronhill.app/Contents/Resources/app.asar",
    "win": "C:\\Users\\{first}\\AppData\\Local\\Programs\\saffronhill\\resources\\app.asar",
}


def electron_log(d: Delivery) -> tuple[str, Fields]:
    """electron-log's file transport (``[{y}-{m}-{d} {h}:{i}:{s}.{ms}] [{level}] {text}``) with
    ``catchErrors``: ``Unhandled Exception`` (or the app's own message) and the main process'
    stack, app frames in the packaged ``app.asar``'s ``out/main/index.js``."""
    exc = d.thrown
    system = str(d.opts.get("os", "mac"))
    asar = ASAR[system].replace("{first}", d.rand.choice(("maria", "jonas", "priya", "tom")))
    sep = "\\" if system == "win" else "/"
    head = f"[{d.stamp('%Y-%m-%d %H:%M:%S')}.{d.millis}] [error] "
    text = d.values.fill(d.bug.log) if d.bug.log else "Unhandled Exception:"
    lines = [head + text, f"{exc.type}: {exc.value}"]
    for f in reversed(exc.frames):
        if f.file.startswith("node:"):
            where = f"{f.file}:{f.line}:{f.col or 1}"
        elif f.in_app:
            line, col = _server_bundle_pos(f, d.release)
            where = f"{asar}{sep}out{sep}main{sep}index.js:{line}:{col}"
        else:
            package = f.file.removeprefix("node_modules/").replace("/", sep)
            where = f"{asar}{sep}node_modules{sep}{package}:{f.line}:{f.col or 1}"
        prefix = "async " if f.args == "async" else ""
        lines.append(
            f"    at {prefix}{f.function} ({where})" if f.function else f"    at {prefix}{where}"
        )
    return "\n".join(lines), {}


FORMATS8: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "mel-simple": mel_simple,
    "ai-exceptions": ai_exceptions,
    "charm-temporal": charm_temporal,
    "charm-text": charm_text,
    "go-crash": go_crash,
    "apex-text": apex_text,
    "echo-recover": echo_recover,
    "echo-access": echo_access,
    "node-console": node_console,
    "bun-console": bun_console,
    "electron-log": electron_log,
}

__all__ = ["FORMATS8"]
