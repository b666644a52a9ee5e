"""blind120's log formats.

my: Java 21 Spring Boot 3.3 WebFlux services on Cloud Foundry (Tanzu Application Service). The
app writes to stdout; Loggregator makes every LINE of it one envelope, so a logback console
trace arrives as many events: the head line, the exception's line, each ``at`` line, Reactor's
``Suppressed: ...OnAssemblyException`` block (``Error has been observed at the following
site(s):`` with its ``*__checkpoint ⇢`` lines, or, with ``Hooks.onOperatorDebug()``, an
``Assembly trace from producer [...]``), ``Original Stack Trace:``. Splunk gets them from the
Splunk Firehose Nozzle (``cf:logmessage``: ``cf_app_name``, ``cf_org_name``, ``msg``, ...) or,
for the second foundation, from an RFC 5424 syslog drain (``[APP/PROC/WEB/0]``, the
``tags@47450`` structured data) into a TCP input; Datadog from the Datadog Cloud Foundry
integration's log drain (one line a log). The renewals app logs logstash-logback-encoder JSON
instead: one line, the trace in ``stack_trace``.

mz: .NET Framework 4.8 ASP.NET MVC 5 and a WCF service on IIS (Windows Server 2019): log4net's
``RollingFileAppender`` (``%date [%thread] %-5level %logger [%property{NDC}] - %message%newline
%exception``, CRLF line ends) read by the Splunk Universal Forwarder's file monitor (one event
a record) and by the Datadog Agent (multi-line rule); ASP.NET health monitoring's Application
event 1309 (``Event code: 3005``) read by the forwarder's ``WinEventLog://Application`` input
(the classic text rendering) and by the Agent's Windows Event Log integration (the message).

na: the game's Node 20 Fastify 4 API on EKS: pino's JSON (Fastify's error log: ``req``,
``res``, ``err``, ``msg`` the error's message), collected by the Splunk OpenTelemetry Collector
for Kubernetes (the line as the HEC event, ``k8s.*`` fields) and the Datadog Agent (the JSON
parsed into attributes).
"""

# Log lines are built whole, however long.
# ruff: noqa: E501

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .model import Exc, Frame
from .rand import stable_hex
from .traces import dotnet_trace, node_stack

Fields = dict[str, str]


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


# --- my: Spring WebFlux on Cloud Foundry -------------------------------------------------------

MY_ORG = "underbarrow"
MY_SPACE = "prod"


def _abbrev(logger: str, width: int = 39) -> str:
    parts = logger.split(".")
    for i in range(len(parts) - 1):
        if len(".".join(parts)) <= width:
            break
        parts[i] = parts[i][0]
    return ".".join(parts)


def _jframe(f: Frame) -> str:
    prefix = "java.base/" if f.module.startswith(("java.", "jdk.internal.", "sun.")) else ""
    where = f"{f.file}:{f.line}" if f.line else "Unknown Source"
    return f"at {prefix}{f.module}.{f.function}({where})"


def _reactor_trace(d: Delivery) -> list[str]:
    """``printStackTrace`` of an error that crossed Reactor's checkpoints: the thrown
    exception's first frame, the suppressed ``OnAssemblyException`` with the observed sites,
    the original stack, then the causes."""
    thrown = d.thrown
    frames = list(reversed(thrown.frames))
    head = f"{thrown.text_name}: {thrown.value}" if thrown.value else thrown.text_name
    out = [head, "\t" + _jframe(frames[0])]
    out.append("\tSuppressed: reactor.core.publisher.FluxOnAssembly$OnAssemblyException: ")
    asm = str(d.opts.get("assembly", ""))
    app = [f for f in frames if f.in_app]
    op = ""
    if asm and app:
        site = app[0]
        method = (
            site.function.split("$")[1] if site.function.startswith("lambda$") else site.function
        )
        op = asm.removeprefix("Mono").removeprefix("Flux").removesuffix("Fuseable")
        op = op[0].lower() + op[1:]
        out.append(f"Assembly trace from producer [reactor.core.publisher.{asm}] :")
        out.append(f"\treactor.core.publisher.Mono.{op}(Mono.java:{3400 + 7 * len(op)})")
        out.append(f"\t{site.module}.{method}({site.file}:{site.line - 2})")
    out.append("Error has been observed at the following site(s):")
    if op:
        site = app[0]
        method = (
            site.function.split("$")[1] if site.function.startswith("lambda$") else site.function
        )
        out.append(f"\t*__Mono.{op} ⇢ at {site.module}.{method}({site.file}:{site.line - 2})")
    if app:
        # The handler's checkpoint: the outermost in-app frame's class and method.
        outer = app[-1]
        name = (
            outer.function.split("$")[1] if outer.function.startswith("lambda$") else outer.function
        )
        args = "(ServerRequest)" if outer.module.endswith("Handler") else "(Mono)"
        handler = str(d.opts.get("handler", f"{outer.module}#{name}{args}"))
        out.append(f"\t*__checkpoint ⇢ Handler {handler} [DispatcherHandler]")
    method, _, _ = d.bug.entry.partition(" ")
    out.append(f'\t*__checkpoint ⇢ HTTP {method} "{d.request_path}" [ExceptionHandlingWebHandler]')
    out.append("Original Stack Trace:")
    out.extend("\t\t" + _jframe(f) for f in frames)
    for exc in reversed(d.chain[:-1]):
        out.append(
            f"Caused by: {exc.text_name}: {exc.value}"
            if exc.value
            else f"Caused by: {exc.text_name}"
        )
        out.extend("\t" + _jframe(f) for f in reversed(exc.frames))
    return out


def _plain_trace(chain: list[Exc]) -> list[str]:
    out: list[str] = []
    for i, exc in enumerate(reversed(chain)):
        head = f"{exc.text_name}: {exc.value}" if exc.value else exc.text_name
        out.append(head if i == 0 else "Caused by: " + head)
        out.extend("\t" + _jframe(f) for f in reversed(exc.frames))
    return out


def _my_trace(d: Delivery) -> list[str]:
    if d.bug.entry.split(" ", 1)[0] in ("GET", "POST", "PUT", "PATCH", "DELETE") and not d.opts.get(
        "plain"
    ):
        return _reactor_trace(d)
    return _plain_trace(d.chain)


def _my_head(d: Delivery) -> str:
    thread = str(d.opts.get("thread", f"or-http-epoll-{d.rand.randint(1, 4)}"))
    if d.bug.log:
        logger, msg = d.logger, d.log_message
    else:
        method, _, _ = d.bug.entry.partition(" ")
        logger = "org.springframework.boot.autoconfigure.web.reactive.error.AbstractErrorWebExceptionHandler"
        msg = f'[{d.rand.hex(8)}-{d.rand.randint(1, 400)}]  500 Server Error for HTTP {method} "{d.request_path}"'
    return f"{d.iso(3)} ERROR 1 --- [{d.service.name}] [{thread[-15:]:>15}] {_abbrev(logger):<40} : {msg}"


def _my_lines(d: Delivery) -> list[str]:
    """What the app wrote to stdout, line by line (logback's console pattern)."""
    return [_my_head(d), "", *_my_trace(d)]


def _my_json(d: Delivery) -> str:
    """logstash-logback-encoder's ``LogstashEncoder``: one line."""
    thread = str(d.opts.get("thread", f"reactor-kafka-{d.service.name}-{d.rand.randint(1, 3)}"))
    record = {
        "@timestamp": d.iso(3, z=False).replace("+00:00", "Z"),
        "@version": "1",
        "message": d.log_message,
        "logger_name": d.logger,
        "thread_name": thread,
        "level": "ERROR",
        "level_value": 40000,
        "stack_trace": "\n".join(_my_trace(d)) + "\n",
        "traceId": d.rand.hex(32),
        "spanId": d.rand.hex(16),
    }
    return _compact(record)


def _my_line(d: Delivery) -> str:
    """The one line this delivery's event holds (``opts.part``)."""
    if d.service.log_format == "my-nozzle-json" or d.opts.get("json"):
        return _my_json(d)
    lines = _my_lines(d)
    part = str(d.opts.get("part", "head"))
    if part == "head":
        return lines[0]
    if part == "exc":
        return lines[2]
    if part == "cause":
        causes = [x for x in lines if x.startswith("Caused by: ")]
        return causes[-1] if causes else lines[2]
    if part == "checkpoint":
        return next(x for x in lines if "[ExceptionHandlingWebHandler]" in x)
    if part == "frame":
        return lines[3]
    return "\n".join(lines)


def _app_guid(d: Delivery) -> str:
    h = stable_hex(32, "cf-app", d.service.name)
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def my_nozzle(d: Delivery) -> tuple[str, Fields]:
    """The Splunk Firehose Nozzle's ``cf:logmessage`` event (HEC JSON)."""
    h = stable_hex(32, "cf-org", MY_ORG)
    s = stable_hex(32, "cf-space", MY_SPACE)
    event = {
        "cf_app_id": _app_guid(d),
        "cf_app_name": d.service.name,
        "cf_org_id": f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}",
        "cf_org_name": MY_ORG,
        "cf_space_id": f"{s[:8]}-{s[8:12]}-{s[12:16]}-{s[16:20]}-{s[20:]}",
        "cf_space_name": MY_SPACE,
        "deployment": "cf-" + stable_hex(20, "deployment"),
        "event_type": "LogMessage",
        "ip": f"10.0.{16 + d.rand.randint(0, 7)}.{d.rand.randint(10, 250)}",
        "job": "diego_cell",
        "job_index": d.rand.uuid(),
        "message_type": "OUT",
        "msg": _my_line(d),
        "origin": "rep",
        "source_instance": str(d.index % 3),
        "source_type": "APP/PROC/WEB",
        "timestamp": d.epoch_ms * 1_000_000 + d.rand.randint(0, 999_999),
    }
    return _compact(event), {"cf_app_name": d.service.name, "cf_space_name": MY_SPACE}


def my_syslog(d: Delivery) -> tuple[str, Fields]:
    """The Loggregator syslog drain's RFC 5424 message (Syslog Agent, app log)."""
    guid = _app_guid(d)
    inst = d.index % 3
    sd = (
        f'[tags@47450 app_id="{guid}" app_name="{d.service.name}" deployment="cf" '
        f'index="{d.rand.uuid()}" instance_id="{inst}" ip="10.0.{17 + inst}.{d.rand.randint(10, 250)}" '
        f'job="diego_cell" organization_id="{stable_hex(8, MY_ORG)}-6b2e-4f0a-9d3c-{stable_hex(12, MY_ORG, "o")}" '
        f'organization_name="{MY_ORG}" origin="rep" process_id="{guid}" '
        f'process_instance_id="{d.rand.uuid()}" process_type="web" source_id="{guid}" '
        f'source_type="APP/PROC/WEB" space_id="{stable_hex(8, MY_SPACE)}-2c41-4d9e-8a7f-{stable_hex(12, MY_SPACE, "s")}" '
        f'space_name="{MY_SPACE}"]'
    )
    text = _my_line(d)
    host = f"{MY_ORG}.{MY_SPACE}.{d.service.name}"
    lines = text.split("\n")
    return "\n".join(
        f"<14>1 {d.iso(6, z=False)} {host} {guid} [APP/PROC/WEB/{inst}] - {sd} {x}" for x in lines
    ), {"appname": guid}


def my_dd(d: Delivery) -> tuple[str, Fields]:
    """The line as Datadog's Cloud Foundry log drain stores it (JSON lines parsed)."""
    return _my_line(d), {}


# --- mz: ASP.NET MVC 5 / WCF on IIS, log4net and Event Log ----------------------------------------


def _log4net(d: Delivery) -> str:
    thread = str(d.opts.get("thread", d.rand.randint(5, 60)))
    stamp = f"{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis}"
    head = f"{stamp} [{thread}] ERROR {d.logger} [(null)] - {d.log_message}"
    lines = [head, *dotnet_trace(d.chain).split("\n")] if d.chain else [head]
    if d.opts.get("lines"):
        lines = lines[: int(str(d.opts["lines"]))]
    return "\r\n".join(lines) + "\r\n"


def mz_log4net(d: Delivery) -> tuple[str, Fields]:
    return _log4net(d), {}


def _winhost(d: Delivery) -> str:
    """The web farm's servers: two behind the load balancer."""
    return f"UBC-WEB0{1 + d.index % 2}"


def _event_message(d: Delivery) -> str:
    """ASP.NET 4's health-monitoring text for an unhandled exception (event 1309, code 3005)."""
    exc = d.thrown
    stamp = d.stamp("%m/%d/%Y %I:%M:%S %p").lstrip("0").replace("/0", "/")
    site = str(d.opts.get("site", "2"))
    app = d.service.name
    path = d.request_path if d.bug.entry else "/"
    # The exception ASP.NET caught and its own stack (the inner exceptions are not listed).
    inner = [x for x in dotnet_trace([exc]).split("\n")[1:] if x.startswith("   at ")]
    rows = [
        "Event code: 3005 ",
        "Event message: An unhandled exception has occurred. ",
        f"Event time: {stamp} ",
        f"Event time (UTC): {stamp} ",
        f"Event ID: {d.rand.hex(32)} ",
        f"Event sequence: {d.rand.randint(20, 9000)} ",
        f"Event occurrence: {d.rand.randint(1, 400)} ",
        "Event detail code: 0 ",
        " ",
        "Application information: ",
        f"    Application domain: /LM/W3SVC/{site}/ROOT-1-{d.rand.randint(133_500_000_000_000_000, 133_599_999_999_999_999)} ",
        "    Trust level: Full ",
        "    Application Virtual Path: / ",
        f"    Application Path: D:\\inetpub\\{app}\\ ",
        f"    Machine name: {_winhost(d)} ",
        " ",
        "Process information: ",
        f"    Process ID: {d.rand.randint(1_000, 9_999)} ",
        "    Process name: w3wp.exe ",
        f"    Account name: IIS APPPOOL\\{app} ",
        " ",
        "Exception information: ",
        f"    Exception type: {exc.type.rsplit('.', 1)[-1]} ",
        f"    Exception message: {exc.value}",
        *inner,
        "",
        " ",
        " ",
        "Request information: ",
        f"    Request URL: https://{app}.urswick.gov.example{path} ",
        f"    Request path: {path} ",
        f"    User host address: 10.{d.rand.randint(1, 40)}.{d.rand.randint(0, 255)}.{d.rand.randint(2, 254)} ",
        "    User:  ",
        "    Is authenticated: False ",
        "    Authentication Type:  ",
        f"    Thread account name: IIS APPPOOL\\{app} ",
        " ",
        "Thread information: ",
        f"    Thread ID: {d.rand.randint(5, 80)} ",
        f"    Thread account name: IIS APPPOOL\\{app} ",
        "    Is impersonating: False ",
        "    Stack trace: " + (inner[0] if inner else ""),
        *inner[1:],
        " ",
        " ",
        "Custom event details: ",
    ]
    return "\n".join(rows)


def mz_wineventlog(d: Delivery) -> tuple[str, Fields]:
    """The Universal Forwarder's ``WinEventLog:Application`` classic rendering."""
    stamp = d.stamp("%m/%d/%Y %I:%M:%S %p")
    raw = "\n".join(
        [
            stamp,
            "LogName=Application",
            "EventCode=1309",
            "EventType=3",
            f"ComputerName={_winhost(d)}.ad.urswick.gov.example",
            "SourceName=ASP.NET 4.0.30319.0",
            "Type=Warning",
            f"RecordNumber={d.rand.randint(200_000, 990_000)}",
            "Keywords=Classic",
            "TaskCategory=Web Event",
            "OpCode=Info",
            "Message=" + _event_message(d),
        ]
    )
    return raw, {"EventCode": "1309", "SourceName": "ASP.NET 4.0.30319.0", "LogName": "Application"}


def mz_dd_event(d: Delivery) -> tuple[str, Fields]:
    """The Datadog Agent's Windows Event Log integration: the event's rendered message."""
    return _event_message(d), {}


# --- na: Fastify 4 game API on EKS, pino JSON ------------------------------------------------------


def _pino(d: Delivery) -> str:
    exc = d.thrown
    record: dict[str, object] = {
        "level": 50,
        "time": d.epoch_ms,
        "pid": 1,
        "hostname": d.host,
    }
    if d.bug.entry.split(" ", 1)[0] in ("GET", "POST", "PUT", "PATCH", "DELETE"):
        method = d.bug.entry.split(" ", 1)[0]
        record["reqId"] = f"req-{d.rand.alnum(1, 'abcdefghijklmnop')}{d.rand.randint(1, 9999)}"
        record["req"] = {
            "method": method,
            "url": d.request_path,
            "hostname": "api.ulgham-games.example",
            "remoteAddress": f"10.{d.rand.randint(0, 40)}.{d.rand.randint(0, 255)}.{d.rand.randint(2, 254)}",
            "remotePort": d.rand.randint(32_768, 60_999),
        }
        record["res"] = {"statusCode": 500}
    record["err"] = {"type": exc.type, "message": exc.value, "stack": node_stack(exc, exc.value)}
    record["msg"] = d.log_message if d.bug.log else exc.value
    return _compact(record)


def na_otel(d: Delivery) -> tuple[str, Fields]:
    """The Splunk OTel Collector's filelog receiver: the line as the event, k8s fields."""
    return _pino(d), {
        "k8s.pod.name": d.host,
        "k8s.namespace.name": "game",
        "k8s.container.name": d.service.name,
        "k8s.cluster.name": "ulgham-prod-eks",
    }


def na_dd(d: Delivery) -> tuple[str, Fields]:
    return _pino(d), {}


FORMATS120: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "my-nozzle": my_nozzle,
    "my-nozzle-json": my_nozzle,
    "my-syslog": my_syslog,
    "my-dd": my_dd,
    "mz-log4net": mz_log4net,
    "mz-wineventlog": mz_wineventlog,
    "mz-dd-event": mz_dd_event,
    "na-otel": na_otel,
    "na-dd": na_dd,
}
