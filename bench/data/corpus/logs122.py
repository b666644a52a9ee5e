"""blind122's log formats.

ne: .NET 8 Azure Functions (isolated worker) with the Application Insights worker SDK. The
workspace-based resource's ``AppExceptions`` table is exported by a diagnostic setting to an
Event Hub as ``{"records": [...]}``; each record has the table's columns (``TimeGenerated``,
``ProblemId``, ``ExceptionType``, ``OuterType``, ``OuterMessage``, ``OuterMethod``,
``InnermostType``, ``InnermostMessage``, ``InnermostMethod``, ``Details`` the list of the
exceptions with their ``parsedStack`` frames (``level``, ``method``, ``assembly``,
``fileName``, ``line``), ``AppRoleName``, ``OperationName``, ``Properties``, ...). The Splunk
Add-on for Microsoft Cloud Services (``mscs:azure:eventhub``) indexes one record per event;
the Datadog Azure integration reads the same hub and makes the record's columns attributes.

nf: Rails 8 (Ruby 3.4) deployed with Kamal, web and ``bin/jobs`` (Solid Queue) containers
whose stdout Docker's json-file driver keeps. Vector's ``docker_logs`` source makes each
container line an event (``message``, ``container_name``, ``image``, ``label``, ``stream``,
``timestamp``, ``source_type``), with a ``multiline`` rule starting an event at a Rails tag
(``[<request id>]`` or ``[ActiveJob]``), sent by the ``splunk_hec_logs`` sink with JSON
encoding (the event as ``_raw``) and the ``datadog_logs`` sink (``message`` the text). The
staging host's Vector reads the json-file files instead (``file`` source): its message is
Docker's own line, ``{"log":"...\\n","stream":"stdout","time":"..."}``, one line a record.

ng: the Kotlin Multiplatform app's own logs: its API's ``/v1/client-log`` endpoint writes the
app's reports to HEC as JSON (``platform``, ``message``, ``stack`` the Kotlin
``Throwable.stackTraceToString()``: JVM ``at`` lines on Android with R8's names, Kotlin/Native's
numbered ``kfun:`` frames on iOS), and dd-sdk-kotlin-multiplatform's logs in Datadog
(``error.kind``, ``error.message``, ``error.stack``).
"""

# Log lines are built whole, however long.
# ruff: noqa: E501

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from . import android11
from .delivery import Delivery
from .model import Exc, Frame
from .rand import stable_hex, stable_int
from .traces import ruby_backtrace

Fields = dict[str, str]


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


# --- ne: Application Insights AppExceptions through Event Hubs ---------------------------------

NE_SUB = "7C1E0B5A-2D94-4F3B-9A61-E8D05C2B4F17"


def _ne_time(d: Delivery) -> str:
    return d.stamp("%Y-%m-%dT%H:%M:%S") + f".{int(d.when * 10_000_000) % 10_000_000:07d}Z"


_ASSEMBLIES = (
    (
        "Microsoft.Azure.Cosmos",
        "Microsoft.Azure.Cosmos.Client, Version=3.46.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35",
    ),
    (
        "Microsoft.Azure.Functions.Worker",
        "Microsoft.Azure.Functions.Worker.Core, Version=2.0.0.0, Culture=neutral, PublicKeyToken=551316b6919f366c",
    ),
    (
        "Microsoft.Data.SqlClient",
        "Microsoft.Data.SqlClient, Version=5.0.0.0, Culture=neutral, PublicKeyToken=23ec7fc2d6eaa4a5",
    ),
    (
        "Azure.Storage.Blobs",
        "Azure.Storage.Blobs, Version=12.22.2.0, Culture=neutral, PublicKeyToken=92742159e12e44c8",
    ),
    (
        "Azure.Messaging.ServiceBus",
        "Azure.Messaging.ServiceBus, Version=7.18.2.0, Culture=neutral, PublicKeyToken=92742159e12e44c8",
    ),
    (
        "Azure.Core",
        "Azure.Core, Version=1.44.1.0, Culture=neutral, PublicKeyToken=92742159e12e44c8",
    ),
    ("Dapper", "Dapper, Version=2.0.0.0, Culture=neutral, PublicKeyToken=null"),
    (
        "System.Text.Json",
        "System.Text.Json, Version=8.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51",
    ),
    (
        "System.Net.Http",
        "System.Net.Http, Version=8.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a",
    ),
    (
        "System.Linq",
        "System.Linq, Version=8.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a",
    ),
    (
        "System.Drawing",
        "System.Drawing.Common, Version=8.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51",
    ),
)


def _assembly(f: Frame) -> str:
    if f.in_app:
        return "Ecclesfold.Functions, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null"
    for prefix, name in _ASSEMBLIES:
        if f.module.startswith(prefix):
            return name
    return (
        "System.Private.CoreLib, Version=8.0.0.0, Culture=neutral, PublicKeyToken=7cec85d7bea7798e"
    )


def _parsed_stack(exc: Exc) -> list[dict[str, Any]]:
    out = []
    for level, f in enumerate(reversed(exc.frames)):
        frame: dict[str, Any] = {
            "level": level,
            "method": f"{f.module}.{f.function}",
            "assembly": _assembly(f),
        }
        if f.in_app and f.line:
            frame["fileName"] = f.file
            frame["line"] = f.line
        out.append(frame)
    return out


def _ne_record(d: Delivery) -> dict[str, Any]:
    chain = d.chain
    outer, inner = chain[-1], chain[0]
    outer_id = d.rand.randint(10_000_000, 99_999_999)
    details = []
    parent = 0
    for i, exc in enumerate(reversed(chain)):
        ident = outer_id if i == 0 else d.rand.randint(10_000_000, 99_999_999)
        details.append(
            {
                "outerId": str(parent),
                "id": str(ident),
                "type": f"{exc.module}.{exc.type}" if exc.module else exc.type,
                "message": exc.value,
                "severityLevel": "Error",
                "hasFullStack": True,
                "parsedStack": _parsed_stack(exc),
            }
        )
        parent = ident

    def full(e: Exc) -> str:
        return f"{e.module}.{e.type}" if e.module else e.type

    def method(e: Exc) -> str:
        return f"{e.frames[-1].module}.{e.frames[-1].function}" if e.frames else ""

    app_frames = [f for f in outer.frames if f.in_app]
    problem = (
        f"{full(outer)} at {app_frames[-1].module}.{app_frames[-1].function}"
        if app_frames
        else full(outer)
    )
    fn = d.bug.entry.split(" ", 1)[0] if d.bug.entry else d.service.name
    return {
        "TimeGenerated": _ne_time(d),
        "Type": "AppExceptions",
        "TenantId": "5b0d2c8e-7f41-4a96-8d3c-19e6a0f2b7c4",
        "_ResourceId": f"/subscriptions/{NE_SUB.lower()}/resourcegroups/rg-ecclesfold-prod/providers/microsoft.insights/components/appi-ecclesfold-prod",
        "ProblemId": problem,
        "HandledAt": "UserCode",
        "ExceptionType": full(outer),
        "Assembly": _assembly(app_frames[-1]) if app_frames else "",
        "Method": method(outer),
        "OuterType": full(outer),
        "OuterMessage": outer.value,
        "OuterAssembly": _assembly(outer.frames[-1]) if outer.frames else "",
        "OuterMethod": method(outer),
        "InnermostType": full(inner),
        "InnermostMessage": inner.value,
        "InnermostAssembly": _assembly(inner.frames[-1]) if inner.frames else "",
        "InnermostMethod": method(inner),
        "SeverityLevel": 3,
        "Details": details,
        "ItemCount": 1,
        "Properties": {
            "Category": f"Function.{fn}.User" if not d.opts.get("host") else f"Function.{fn}",
            "LogLevel": "Error",
            "InvocationId": d.values["uuid"],
            "ProcessId": str(d.rand.randint(40, 900)),
            "HostInstanceId": stable_hex(8, "nehost", d.release)
            + "-"
            + stable_hex(4, "ne1", d.release)
            + "-4"
            + stable_hex(3, "ne2", d.release)
            + "-a"
            + stable_hex(3, "ne3", d.release)
            + "-"
            + stable_hex(12, "ne4", d.release),
            "OriginalFormat": d.bug.log or "Function '{functionName}' failed",
        },
        "OperationName": fn,
        "OperationId": stable_hex(32, "neop", d.bug.id, d.index),
        "ParentId": stable_hex(16, "nepar", d.bug.id, d.index),
        "AppVersion": d.company.releases[d.release],
        "AppRoleName": d.service.name,
        "AppRoleInstance": f"pd1sdwk{stable_hex(6, 'nebox', d.release, d.index % 3)}",
        "ClientType": "PC",
        "ClientIP": "0.0.0.0",
        "ClientCountryOrRegion": "United Kingdom",
        "SDKVersion": "dotnetiso:2.22.0-1051",
        "IKey": "c3e7a1f0-94b2-4d58-b6e3-0f2a9d1c8e47",
        "ResourceGUID": "0b6f2d91-3c7e-4a85-9e14-d2f8a0c6b357",
    }


def ne_eventhub(d: Delivery) -> tuple[str, Fields]:
    """One ``AppExceptions`` record as the MSCS add-on indexes it."""
    rec = _ne_record(d)
    return _compact(rec), {
        "Type": "AppExceptions",
        "ExceptionType": rec["ExceptionType"],
        "AppRoleName": d.service.name,
    }


def ne_dd(d: Delivery) -> tuple[str, Fields]:
    return _compact(_ne_record(d)), {}


# --- nf: Rails 8 on Kamal, Vector docker_logs ------------------------------------------------

RUBY34 = True


def _nf_container(d: Delivery) -> str:
    role = (
        "job"
        if d.bug.entry
        and " /" not in d.bug.entry
        and not d.bug.entry.startswith(("GET", "POST", "PATCH", "PUT", "DELETE"))
        else "web"
    )
    return role


def _nf_text(d: Delivery) -> str:
    """What the app wrote: DebugExceptions' report of a request, or Active Job's error line."""
    exc = d.thrown
    bt = ruby_backtrace(exc, app_only=True, ruby34=RUBY34)
    if _nf_container(d) == "web":
        rid = d.values["uuid"]
        lines = ["  ", f"{exc.type} ({exc.value}):"]
        if len(d.chain) > 1:
            lines.append("\nCauses:")
            for cause in reversed(d.chain[:-1]):
                lines.append(f"{cause.type} ({cause.value})")
        lines.append("  ")
        lines.extend(bt)
        return f"[{rid}] " + "\n  ".join(lines)
    job = d.bug.entry
    jid = d.values["uuid"]
    ms = f"{d.rand.randint(5, 9000) + d.rand.randint(0, 99) / 100:.2f}"
    queue = str(d.opts.get("queue", "default"))
    head = (
        f"[ActiveJob] [{job}] [{jid}] Error performing {job} (Job ID: {jid}) from "
        f"SolidQueue({queue}) in {ms}ms: {exc.type} ({exc.value}):"
    )
    return "\n".join([head, *bt])


def _nf_event(d: Delivery, message: str) -> dict[str, Any]:
    role = _nf_container(d)
    version = stable_hex(40, "nfsha", d.release)
    return {
        "container_created_at": d.iso(9),
        "container_id": stable_hex(64, "nfctr", role, d.release, d.index % 2),
        "container_name": f"edderside-{role}-{version}",
        "host": f"edderside-app-0{1 + d.index % 2}",
        "image": f"registry.edderside.example/edderside:{version}",
        "label": {
            "service": "edderside",
            "role": role,
            "destination": "",
        },
        "message": message,
        "source_type": "docker_logs",
        "stream": "stdout",
        "timestamp": d.iso(9),
    }


def nf_hec(d: Delivery) -> tuple[str, Fields]:
    """Vector's ``splunk_hec_logs`` sink with ``encoding.codec = "json"``."""
    return _compact(_nf_event(d, _nf_text(d))), {
        "container_name": _nf_event(d, "")["container_name"]
    }


def nf_hec_head(d: Delivery) -> tuple[str, Fields]:
    """A Vector without the multiline rule: one line of the report, the exception's line."""
    text = _nf_text(d)
    first = text.split("\n", 2)
    line = (
        first[1].strip()
        if text.startswith("[") and not text.startswith("[ActiveJob]") and len(first) > 1
        else first[0]
    )
    return _compact(_nf_event(d, line)), {}


def nf_jsonfile(d: Delivery) -> tuple[str, Fields]:
    """Vector's ``file`` source over ``/var/lib/docker/containers/*/*-json.log``: Docker's own
    json-file line (one line of the app's output) as the message."""
    text = _nf_text(d)
    parts = text.split("\n")
    pick = 1 if len(parts) > 1 and not text.startswith("[ActiveJob]") else 0
    docker_line = _compact({"log": parts[pick] + "\n", "stream": "stdout", "time": d.iso(9)})
    event = {
        "file": f"/var/lib/docker/containers/{stable_hex(64, 'nfctr', 'web', d.release, 0)}/{stable_hex(64, 'nfctr', 'web', d.release, 0)}-json.log",
        "host": "edderside-staging-01",
        "message": docker_line,
        "source_type": "file",
        "timestamp": d.iso(6),
    }
    return _compact(event), {}


def nf_dd(d: Delivery) -> tuple[str, Fields]:
    """Vector's ``datadog_logs`` sink: ``message`` is the text the monitor pastes."""
    return _nf_text(d), {}


# --- ng: the KMP app's own logs ----------------------------------------------------------------


def _kn_stack(d: Delivery) -> str:
    """Kotlin/Native's ``Throwable.stackTraceToString()``: numbered frames with the image,
    address and ``kfun:`` symbol, constructors of the exception first."""
    out: list[str] = []
    base = 0x100000000 + (stable_int("ngimg", d.bug.id, d.index) % 0x3FFF) * 0x4000
    for j, exc in enumerate(reversed(d.chain)):
        name = f"{exc.module}.{exc.type}" if exc.module else exc.type
        out.append(("Caused by: " if j else "") + (f"{name}: {exc.value}" if exc.value else name))
        ctor = [
            "kfun:kotlin.Throwable#<init>(kotlin.String?){}",
            "kfun:kotlin.Exception#<init>(kotlin.String?){}",
            "kfun:kotlin.RuntimeException#<init>(kotlin.String?){}",
            f"kfun:{name}#<init>(kotlin.String?){{}}",
        ]
        frames = [(c, "Eglingham") for c in ctor]
        for f in reversed(exc.frames):
            image = (
                "Eglingham"
                if f.in_app or f.function.startswith("kfun:")
                else f.file.rsplit("/", 1)[-1]
            )
            frames.append((f.function, image))
        for i, (sym, image) in enumerate(frames):
            addr = base + stable_int("ngip", sym) % 0x3FFFFF
            out.append(
                f"    at {i:<3} {image:<35} 0x{addr:x} {sym} + {stable_int('ngoff', sym) % 400 + 20} "
            )
    return "\n".join(out)


def _jvm_stack(d: Delivery) -> str:
    """Android: ``stackTraceToString()`` of the R8-shrunk release (no mapping applied)."""
    out: list[str] = []
    for j, exc in enumerate(reversed(d.chain)):
        name = f"{exc.module}.{exc.type}" if exc.module else exc.type
        out.append(("Caused by: " if j else "") + (f"{name}: {exc.value}" if exc.value else name))
        for f in reversed(exc.frames):
            module, function, file, line = android11.obfuscated(f, d.release)
            out.append(f"\tat {module}.{function}({file}:{line})")
    return "\n".join(out)


def _ng_platform(d: Delivery) -> str:
    return "ios" if d.service.platform == "cocoa" else "android"


def _ng_error(d: Delivery) -> tuple[str, str, str]:
    exc = d.thrown
    kind = f"{exc.module}.{exc.type}" if exc.module else exc.type
    stack = _kn_stack(d) if _ng_platform(d) == "ios" else _jvm_stack(d)
    return kind, exc.value, stack


def ng_clientlog(d: Delivery) -> tuple[str, Fields]:
    kind, message, stack = _ng_error(d)
    record = {
        "ts": d.iso(3),
        "level": "ERROR",
        "platform": _ng_platform(d),
        "appVersion": d.release_name.split("@", 1)[-1],
        "installId": d.values["uuid"],
        "screen": d.bug.page or "",
        "tag": d.bug.logger or "Shared",
        "message": d.bug.log or message,
        "errorType": kind,
        "stack": stack,
    }
    return _compact(record), {"platform": record["platform"]}


def ng_ddlog(d: Delivery) -> tuple[str, Fields]:
    kind, message, stack = _ng_error(d)
    record = {
        "message": d.bug.log or message,
        "status": "error",
        "service": d.service.name,
        "logger": {"name": d.bug.logger or "Shared"},
        "error": {"kind": kind, "message": message, "stack": stack},
        "version": d.release_name.split("@", 1)[-1],
        "os": {"name": "iOS" if _ng_platform(d) == "ios" else "Android"},
    }
    return _compact(record), {}


FORMATS122: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "ne-eventhub": ne_eventhub,
    "ne-dd": ne_dd,
    "nf-hec": nf_hec,
    "nf-hec-head": nf_hec_head,
    "nf-jsonfile": nf_jsonfile,
    "nf-dd": nf_dd,
    "ng-clientlog": ng_clientlog,
    "ng-ddlog": ng_ddlog,
}
