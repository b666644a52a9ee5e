"""blind100's log formats: Azure resource logs streamed by diagnostic settings to an Event Hub
and read by the Splunk Add-on for Microsoft Cloud Services (sourcetype
``mscs:azure:eventhub``, one event per record of the hub message's ``records`` array, the
record's JSON as ``_raw``) and by Datadog's Azure integration.

kq: a .NET 8 Azure Functions app on the isolated worker, category ``FunctionAppLogs``. The
host's record of a failed invocation is ``Executed 'Functions.<Name>' (Failed, Id=..,
Duration=..ms)`` with ``exceptionType`` ``FunctionInvocationException``, ``exceptionMessage``
``Exception while executing function: Functions.<Name>`` and ``exceptionDetails`` that
exception's ``ToString()``: the host's ``RpcException`` inside it, whose message is the
worker's ``Result: Failure`` / ``Exception: <the worker exception's ToString()>`` / ``Stack:``
text. The team's own ``ILogger`` records from the worker come through the host as category
``Function.<Name>.User`` with the exception's own type, message and ``ToString()``.

ks: a Django 5 app on App Service for Linux (gunicorn, Python 3.12 built by Oryx into
``/tmp/<build id>``), category ``AppServiceConsoleLogs``: every line the container writes to
stderr is a record of its own (``resultDescription``, ``level`` ``Error`` for stderr whatever
the Python level), though the platform sometimes joins a burst of lines into one record.
Django's and gunicorn's loggers share gunicorn's format
``[%(asctime)s] [%(process)d] [%(levelname)s] %(message)s`` (``%Y-%m-%d %H:%M:%S %z``).

Each function returns the raw text and the fields a Splunk search extracts from it.
"""

# Trace lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .model import Exc
from .rand import stable_hex, stable_int
from .traces import dotnet_core_trace, python_traceback

Fields = dict[str, str]


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


def _azure_time(d: Delivery) -> str:
    """Resource logs' ``time``: seven fractional digits."""
    return d.stamp("%Y-%m-%dT%H:%M:%S") + f".{int(d.when * 10_000_000) % 10_000_000:07d}Z"


# --- kq: FunctionAppLogs --------------------------------------------------------------------

KQ_SUB = "6D1F0B2A-93C4-4E7B-A8F2-51C09E3D7B64"
KQ_APP = "func-dellbrook-dispatch"
KQ_RESOURCE = (
    f"/SUBSCRIPTIONS/{KQ_SUB}/RESOURCEGROUPS/RG-DELLBROOK-PROD/PROVIDERS/MICROSOFT.WEB/SITES/"
    + KQ_APP.upper()
)
HOST_VERSIONS = ("4.1036.1.23224", "4.1037.0.23568", "4.1038.300.23804")
WJ = "D:\\a\\_work\\1\\s\\src\\Microsoft.Azure.WebJobs.Host\\Executors\\"
HOST_INNER = [
    "   at Microsoft.Azure.WebJobs.Script.Description.WorkerFunctionInvoker.InvokeCore(Object[] parameters, FunctionInvocationContext context) in /_/src/WebJobs.Script/Description/Workers/WorkerFunctionInvoker.cs:line 101",
    "   at Microsoft.Azure.WebJobs.Script.Description.FunctionInvokerBase.Invoke(Object[] parameters) in /_/src/WebJobs.Script/Description/FunctionInvokerBase.cs:line 82",
    f"   at Microsoft.Azure.WebJobs.Host.Executors.VoidTaskMethodInvoker`2.InvokeAsync(TReflected instance, Object[] arguments) in {WJ}VoidTaskMethodInvoker.cs:line 20",
    f"   at Microsoft.Azure.WebJobs.Host.Executors.FunctionInvoker`2.InvokeAsync(Object instance, Object[] arguments) in {WJ}FunctionInvoker.cs:line 52",
    f"   at Microsoft.Azure.WebJobs.Host.Executors.FunctionExecutor.InvokeWithTimeoutAsync(IFunctionInvoker invoker, ParameterHelper parameterHelper, CancellationTokenSource timeoutTokenSource, CancellationTokenSource functionCancellationTokenSource, Boolean throwOnTimeout, TimeSpan timerInterval, IFunctionInstance instance) in {WJ}FunctionExecutor.cs:line 581",
    f"   at Microsoft.Azure.WebJobs.Host.Executors.FunctionExecutor.ExecuteWithWatchersAsync(IFunctionInstanceEx instance, ParameterHelper parameterHelper, ILogger logger, CancellationTokenSource functionCancellationTokenSource) in {WJ}FunctionExecutor.cs:line 527",
    f"   at Microsoft.Azure.WebJobs.Host.Executors.FunctionExecutor.ExecuteWithLoggingAsync(IFunctionInstanceEx instance, FunctionStartedMessage message, FunctionInstanceLogEntry instanceLogEntry, ParameterHelper parameterHelper, ILogger logger, CancellationToken cancellationToken) in {WJ}FunctionExecutor.cs:line 306",
]
HOST_OUTER = [
    f"   at Microsoft.Azure.WebJobs.Host.Executors.FunctionExecutor.ExecuteWithLoggingAsync(IFunctionInstanceEx instance, FunctionStartedMessage message, FunctionInstanceLogEntry instanceLogEntry, ParameterHelper parameterHelper, ILogger logger, CancellationToken cancellationToken) in {WJ}FunctionExecutor.cs:line 352",
    f"   at Microsoft.Azure.WebJobs.Host.Executors.FunctionExecutor.TryExecuteAsync(IFunctionInstance functionInstance, CancellationToken cancellationToken) in {WJ}FunctionExecutor.cs:line 108",
]


def _stack_lines(exc: Exc) -> list[str]:
    """``Exception.StackTrace``: innermost first, awaits marked."""
    lines = []
    for f in reversed(exc.frames):
        where = f" in {f.file}:line {f.line}" if f.in_app else ""
        lines.append(f"   at {f.module}.{f.function}{f.args or '()'}{where}")
        if f.boundary:
            lines.append("--- End of stack trace from previous location ---")
    return lines


def rpc_failure(d: Delivery) -> str:
    """The isolated worker's failure as the host's ``RpcException`` words it."""
    stack = "\n".join(_stack_lines(d.thrown)).removeprefix("   ")
    return f"Result: Failure\nException: {dotnet_core_trace(d.chain)}\nStack:    {stack}"


def function_name(d: Delivery) -> str:
    return "Functions." + d.bug.entry


def function_app_log(d: Delivery) -> tuple[str, Fields]:
    """One ``FunctionAppLogs`` record. ``opts.variant``: ``host`` (default: the invocation's
    failure) or ``user`` (the team's ``logger.LogError(ex, ...)`` in the function)."""
    name = function_name(d)
    invocation = d.rand.uuid()
    props: dict[str, object] = {
        "appName": KQ_APP,
        "roleInstance": f"pd1sdlwk0000{stable_hex(2, 'kqrole', d.release, d.index % 3).upper()}",
        "message": "",
        "category": "",
        "hostVersion": HOST_VERSIONS[d.release % len(HOST_VERSIONS)],
        "functionInvocationId": invocation,
        "functionName": name,
        "hostInstanceId": stable_hex(8, "kqhost", d.release)
        + "-"
        + stable_hex(4, "kqh2", d.release)
        + "-4"
        + stable_hex(3, "kqh3", d.release)
        + "-a"
        + stable_hex(3, "kqh4", d.release)
        + "-"
        + stable_hex(12, "kqh5", d.release),
        "level": "Error",
        "levelId": 4,
        "processId": 5000 + stable_int("kqpid", d.release, d.index % 3) % 900,
    }
    if d.opts.get("variant") == "user":
        props.update(
            message=d.log_message,
            category=f"Function.{d.bug.entry}.User",
            exceptionDetails=dotnet_core_trace(d.chain),
            exceptionMessage=d.thrown.value,
            exceptionType=d.thrown.type,
            eventId=0,
        )
    else:
        outer = f"Exception while executing function: {name}"
        details = "\n".join(
            [
                f"Microsoft.Azure.WebJobs.Host.FunctionInvocationException : {outer}",
                " ---> Microsoft.Azure.WebJobs.Script.Workers.Rpc.RpcException : " + rpc_failure(d),
                *HOST_INNER,
                "   --- End of inner exception stack trace ---",
                *HOST_OUTER,
            ]
        )
        props.update(
            message=f"Executed '{name}' (Failed, Id={invocation}, Duration={d.rand.randint(12, 9000)}ms)",
            category=f"Function.{d.bug.entry}",
            exceptionDetails=details,
            exceptionMessage=outer,
            exceptionType="Microsoft.Azure.WebJobs.Host.FunctionInvocationException",
            eventId=3,
            eventName="FunctionCompleted",
        )
    record = {
        "time": _azure_time(d),
        "resourceId": KQ_RESOURCE,
        "category": "FunctionAppLogs",
        "operationName": "Microsoft.Web/sites/functions/log",
        "level": "Error",
        "location": "UK South",
        "properties": props,
    }
    return _compact(record), {
        "category": "FunctionAppLogs",
        "level": "Error",
        "properties.functionName": name,
    }


# --- ks: AppServiceConsoleLogs ----------------------------------------------------------------

KS_SUB = "0B7E4C91-2F5A-4D83-9C16-E4A8D2F05B37"
KS_SITE = "app-davenby-lettings"
KS_RESOURCE = (
    f"/SUBSCRIPTIONS/{KS_SUB}/RESOURCEGROUPS/RG-DAVENBY-PROD/PROVIDERS/MICROSOFT.WEB/SITES/"
    + KS_SITE.upper()
)


def oryx_dir(release: int) -> str:
    """Oryx extracts each deployment's build to ``/tmp/8dc<hex>``."""
    return "/tmp/8dc" + stable_hex(12, "ks-oryx", release)


def appservice_traceback(d: Delivery) -> str:
    """Python 3.12's traceback with the paths of an Oryx build on App Service."""
    root = oryx_dir(d.release)
    text = python_traceback(d.chain, carets=True)
    text = text.replace(
        '"/usr/local/lib/python3.11/site-packages/',
        f'"{root}/antenv/lib/python3.12/site-packages/',
    )
    text = text.replace('"/usr/local/lib/python3.11/', '"/opt/python/3.12.8/lib/python3.12/')
    return text.replace('"/app/', f'"{root}/')


def gunicorn_head(d: Delivery, level: str = "ERROR") -> str:
    pid = 70 + stable_int("ks-pid", d.release, d.index % 4) % 60
    return f"[{d.stamp('%Y-%m-%d %H:%M:%S')} +0000] [{pid}] [{level}] {d.log_message}"


def console_record(d: Delivery, text: str, level: str = "Error") -> str:
    container = stable_hex(64, "ks-container", d.release, d.index % 2)
    record = {
        "time": _azure_time(d),
        "level": level,
        "resultDescription": text,
        "resourceId": KS_RESOURCE,
        "containerId": container,
        "operationName": "Microsoft.Web/sites/log",
        "category": "AppServiceConsoleLogs",
        "EventStampType": "Stamp",
        "EventPrimaryStampName": "waws-prod-ln1-047",
        "EventStampName": "waws-prod-ln1-047e",
        "Host": f"lw1sdlwk000{stable_hex(3, 'ks-host', d.release, d.index % 2).upper()}",
        "EventIpAddress": f"10.50.{stable_int('ks-ip', d.release) % 8}.{d.index % 40 + 10}",
    }
    return _compact(record)


def appservice_console(d: Delivery) -> tuple[str, Fields]:
    """One ``AppServiceConsoleLogs`` record of the logged error. ``opts.part``: ``head`` (the
    logger's line alone, default), ``last`` (the traceback's last line), ``tail`` (its last
    ``lines`` lines), ``joined`` (the whole burst in one record), ``chunk`` (the logger's line
    and the first ``lines`` lines after it)."""
    part = str(d.opts.get("part", "head"))
    lines = [gunicorn_head(d), *appservice_traceback(d).split("\n")]
    n = int(str(d.opts.get("lines", 4)))
    if part == "last":
        text = lines[-1]
    elif part == "tail":
        text = "\n".join(lines[-n:])
    elif part == "joined":
        text = "\n".join(lines)
    elif part == "chunk":
        text = "\n".join(lines[: n + 1])
    else:
        text = lines[0]
    return console_record(d, text), {
        "category": "AppServiceConsoleLogs",
        "level": "Error",
        "resultDescription": text,
    }


FORMATS100: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "kq-function-app-logs": function_app_log,
    "ks-appservice-console": appservice_console,
}
