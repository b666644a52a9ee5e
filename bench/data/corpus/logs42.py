"""blind42's log formats: Application Insights ``AppExceptions`` records of a .NET 8 isolated
worker Azure Functions app, exported by a diagnostic setting to an Event Hub and read by the
Splunk Add-on for Microsoft Cloud Services (dy); Node's ``console.error`` of an object holding
the error, as ``util.inspect`` prints it (ea). The Kotlin Spring Boot app (dz) uses Spring
Boot's default console pattern, the shared ``logback`` renderer.

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .model import Exc
from .traces import node_stack

Fields = dict[str, str]

_ASSEMBLY = "Version=1.0.0.0, Culture=neutral, PublicKeyToken=null"
_RESOURCE = (
    "/SUBSCRIPTIONS/5E1B7A0C-93D2-4F6A-8C11-0B9D2E47A6F3/RESOURCEGROUPS/RG-DYFFRYN-PROD"
    "/PROVIDERS/MICROSOFT.INSIGHTS/COMPONENTS/AI-DYFFRYN-PROD"
)
_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


def _parsed_stack(exc: Exc) -> list[dict[str, object]]:
    """Application Insights' ``parsedStack``: the newest frame at level 0; no file or line for
    framework frames (no PDB), assembly named after the type's root namespace."""
    out: list[dict[str, object]] = []
    for level, f in enumerate(reversed(exc.frames)):
        frame: dict[str, object] = {
            "level": level,
            "method": f"{f.module}.{f.function}",
            "assembly": f"{f.module.split('.')[0]}, {_ASSEMBLY}",
        }
        if f.in_app and f.line:
            frame.update(fileName=f.file, line=f.line)
        out.append(frame)
    return out


def appinsights_exception(d: Delivery) -> tuple[str, Fields]:
    """One ``AppExceptions`` record: ``ProblemId`` is the type and the throwing method,
    ``Details`` one entry per exception, outermost first, each linked to its ``outerId``."""
    outer = d.thrown
    ids = [str(d.rand.randint(10_000_000, 99_999_999)) for _ in d.chain]
    details = []
    for i, exc in enumerate(reversed(d.chain)):
        detail: dict[str, object] = {
            "severityLevel": "Error",
            "outerId": ids[i - 1] if i else "0",
            "message": exc.value,
            "type": exc.type,
            "id": ids[i],
        }
        if exc.frames:
            detail["parsedStack"] = _parsed_stack(exc)
        details.append(detail)
    top = next((f for f in reversed(outer.frames)), None)
    problem = f"{outer.type} at {top.module}.{top.function}" if top else outer.type
    function = str(d.bug.entry)
    record = {
        "time": d.iso(7),
        "resourceId": _RESOURCE,
        "Type": "AppExceptions",
        "AppRoleName": d.service.name,
        "AppRoleInstance": f"pd1sdwk{d.rand.randint(10, 99)}{d.rand.alnum(6, _UPPER)}",
        "OperationName": function,
        "OperationId": d.rand.hex(32),
        "ProblemId": problem,
        "ExceptionType": outer.type,
        "OuterMessage": outer.value,
        "InnermostMessage": d.chain[0].value,
        "SeverityLevel": 3,
        "Details": details,
        "Properties": {
            "Category": f"Function.{function}",
            "LogLevel": "Error",
            "InvocationId": d.rand.uuid(),
            "ProcessId": str(d.rand.randint(20, 400)),
        },
        "SDKVersion": "dotnetiso:1.4.0+8d3a01c",
    }
    return json.dumps(record, separators=(",", ":")), {
        "Type": "AppExceptions",
        "ExceptionType": outer.type,
    }


def _indent(text: str, pad: str) -> str:
    return text.replace("\n", "\n" + pad)


def console_error(d: Delivery) -> tuple[str, Fields]:
    """``console.error('[api] request failed', { method, path, err })``: ``util.inspect``
    prints the nested error's stack indented under its key and its own properties (a
    postgres ``code``, ``detail``) in braces after it."""
    exc = d.thrown
    stack = node_stack(exc, exc.value)
    props = d.opts.get("props", {})
    assert isinstance(props, dict)
    if props:
        inner = ",\n".join(f"    {k}: '{d.values.fill(str(v))}'" for k, v in props.items())
        stack += " {\n" + inner + "\n  }"
    method, _, _ = d.bug.entry.partition(" ")
    head = str(d.opts.get("prefix", "[api] request failed"))
    raw = (
        f"{head} {{\n  method: '{method}',\n  path: '{d.request_path}',\n"
        f"  err: {_indent(stack, '  ')}\n}}"
    )
    return raw, {}


FORMATS42: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "dy-appinsights": appinsights_exception,
    "ea-console-error": console_error,
}
