"""blind117's log formats.

mp: .NET 8 worker services (MassTransit over Amazon SQS/SNS) on ECS Fargate logging NLog's
``JsonLayout`` (``${exception:format=tostring}`` in ``exception``), routed by FireLens (the AWS
for Fluent Bit sidecar, ``enable-ecs-log-metadata``) to Splunk HEC and to Datadog: the record
is Fluent Bit's, ``log`` the container's line as a string beside ``container_id``,
``container_name``, ``source`` and ``ecs_cluster``/``ecs_task_arn``/``ecs_task_definition``.
MassTransit's own ``R-FAULT`` and ``R-RETRY`` records are NLog lines too. Datadog's output
plugin sends the same record; Datadog parses ``log`` as JSON into attributes.

mq: Node.js 20 Koa on Azure Container Apps logging winston's ``json()`` after
``format.errors({stack: true})``; the environment's diagnostic setting streams
``ContainerAppConsoleLogs`` to Event Hubs, read by Splunk's Microsoft Cloud Services add-on (the
hub message: ``{"records": [...]}``, each record's ``properties.Log`` the console line), or
(the older environment on the Log Analytics destination) exported rows of
``ContainerAppConsoleLogs_CL`` with ``Log_s``. Datadog's Azure integration forwards the record.
A line over the console's limit is cut in two records; ``opts.part`` ``head`` keeps the first.

mr: Django 4.2 and Celery beat/worker on DigitalOcean App Platform, stdlib ``logging`` with
the ``verbose`` formatter (``{levelname} {asctime} {module} {process:d} {thread:d}
{message}``), tracebacks on the following lines; App Platform's log forwarding sends each line
as an RFC 5424 syslog message (Papertrail-style) to Splunk's TCP input (one event a line, or
merged by ``LINE_BREAKER``) and to Datadog. ``opts.part``: ``head`` (the logged line),
``tail`` (the traceback's last line), ``all`` (the merged event).
"""

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .rand import stable_hex
from .traces import dotnet_core_trace, node_stack, python_repr, python_traceback

Fields = dict[str, str]


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


# --- mp: .NET 8 MassTransit on ECS, NLog JsonLayout via FireLens ----------------------------------

MP_ACCOUNT = "418265093317"
MP_CLUSTER = "whinmoor-prod"


def _queue(d: Delivery) -> str:
    """The consumer's SQS queue, kebab-cased from the message type (MassTransit's default)."""
    return "".join("-" + c.lower() if c.isupper() else c for c in d.bug.entry).lstrip("-")


def _nlog(d: Delivery) -> str:
    """NLog's JsonLayout: ``{ "time": ..., ... }`` (NLog writes spaces inside the braces)."""
    kind = str(d.opts.get("kind", ""))
    logger = d.logger
    message = d.log_message
    exception = dotnet_core_trace(d.chain)
    level = "ERROR"
    if message.startswith("R-FAULT "):
        logger = "MassTransit.ReceiveTransport"
    if kind == "retry":
        # MassTransit's retry middleware logs the attempt at Warn with the exception.
        level = "WARN"
        logger = "MassTransit.ReceiveTransport"
        message = (
            f"R-RETRY https://sqs.eu-west-2.amazonaws.com/{MP_ACCOUNT}/{_queue(d)} {d.rand.uuid()} "
            f"Whinmoor.Contracts.{d.bug.entry} ({d.rand.randint(1, 4)}/5)"
        )
    elif kind == "fault":
        logger = "MassTransit.ReceiveTransport"
        message = d.values.fill(str(d.opts.get("fault", d.log_message)))
    pairs: list[tuple[str, object]] = [
        ("time", d.iso(7)),
        ("level", level),
        ("logger", logger),
        ("message", message),
        ("exception", exception),
        ("MessageId", d.rand.uuid()),
        ("ConversationId", d.rand.uuid()),
    ]
    if d.opts.get("noexc"):
        pairs = [p for p in pairs if p[0] != "exception"]
    return "{ " + ", ".join(f"{json.dumps(k)}: {json.dumps(v)}" for k, v in pairs) + " }"


def _mp_record(d: Delivery) -> dict[str, object]:
    name = d.service.name
    task = stable_hex(32, name, d.release, d.index % 3)
    return {
        "container_id": f"{task}-{stable_hex(10, name, 'c')}",
        "container_name": name,
        "ecs_cluster": MP_CLUSTER,
        "ecs_task_arn": f"arn:aws:ecs:eu-west-2:{MP_ACCOUNT}:task/{MP_CLUSTER}/{task}",
        "ecs_task_definition": f"{name}:{41 + d.release}",
        "log": _nlog(d),
        "source": "stdout",
    }


def mp_firelens(d: Delivery) -> tuple[str, Fields]:
    """The Fluent Bit record as Splunk HEC indexes it (``event`` the record)."""
    return _compact(_mp_record(d)), {"container_name": d.service.name}


def mp_dd(d: Delivery) -> tuple[str, Fields]:
    """The container's line as Datadog parses it (attributes are the NLog keys)."""
    return _nlog(d), {}


# --- mq: Koa on Azure Container Apps, winston JSON via Event Hubs ---------------------------------

MQ_SUB = "5d2f8a61-0c3e-4b7a-9e14-7b6f2c9d0a38"
MQ_RG = "wrelton-prod-rg"
MQ_ENV = "wrelton-prod-env"


def _winston(d: Delivery) -> str:
    exc = d.thrown
    message = f"{d.bug.log}: {exc.value}" if d.bug.log else exc.value
    record: dict[str, object] = {"level": "error", "message": message}
    if d.opts.get("ctx"):
        record["method"], record["url"] = d.bug.entry.split(" ", 1)[0], d.request_path
        record["requestId"] = d.rand.uuid()
    record["stack"] = node_stack(exc, exc.value)
    record["timestamp"] = d.iso(3)
    return _compact(record)


def _revision(d: Delivery) -> str:
    return f"{d.service.name}--{stable_hex(7, d.service.name, d.release)}"


def _replica(d: Delivery) -> str:
    return f"{_revision(d)}-{d.rand.alnum(10, 'bcdfghjklmnpqrstvwxz0123456789')}"


def _mq_line(d: Delivery) -> str:
    line = _winston(d)
    if d.opts.get("part") == "head":
        return line[: int(str(d.opts.get("cut", 400)))]
    return line


def mq_eh(d: Delivery) -> tuple[str, Fields]:
    name = d.service.name
    env_id = f"/SUBSCRIPTIONS/{MQ_SUB.upper()}/RESOURCEGROUPS/{MQ_RG.upper()}"
    if d.opts.get("la"):
        # A Log Analytics row of the custom table the older environment writes.
        row = {
            "TimeGenerated": d.iso(7),
            "ContainerAppName_s": name,
            "ContainerGroupName_g": d.rand.uuid(),
            "ContainerImage_s": f"wreltonacr.azurecr.io/{name}:{d.release_name.split('@')[1]}",
            "ContainerName_s": name,
            "EnvironmentName_s": "wonderfulsea-7f3a2c1b",
            "Log_s": _mq_line(d),
            "RevisionName_s": _revision(d),
            "Stream_s": "stdout",
            "Type": "ContainerAppConsoleLogs_CL",
            "_ResourceId": f"{env_id.lower()}/providers/microsoft.app/managedenvironments/{MQ_ENV}",
        }
        return _compact(row), {}
    record = {
        "time": d.iso(7),
        "resourceId": f"{env_id}/PROVIDERS/MICROSOFT.APP/MANAGEDENVIRONMENTS/{MQ_ENV.upper()}",
        "category": "ContainerAppConsoleLogs",
        "level": "Informational",
        "properties": {
            "ContainerAppName": name,
            "RevisionName": _revision(d),
            "ContainerName": name,
            "ContainerGroupName": _replica(d),
            "ContainerGroupId": d.rand.uuid(),
            "ContainerId": f"containerd://{d.rand.hex(64)}",
            "ContainerImage": f"wreltonacr.azurecr.io/{name}:{d.release_name.split('@')[1]}",
            "EnvironmentName": "wonderfulsea-7f3a2c1b",
            "Stream": "stdout",
            "Log": _mq_line(d),
        },
    }
    return _compact({"records": [record]}), {}


def mq_dd(d: Delivery) -> tuple[str, Fields]:
    """The console line as Datadog's pipeline parses ``properties.Log`` (winston's keys)."""
    return _mq_line(d), {}


# --- mr: Django + Celery on App Platform, stdlib text via syslog ----------------------------------

MR_APP = "wetheral-bookings"


def _verbose(d: Delivery) -> list[str]:
    """What the component wrote: the ``verbose`` line, then the traceback's lines."""
    asctime = f"{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis}"
    pid, tid = d.rand.randint(7, 60), d.rand.randint(139_800_000_000_000, 139_899_999_999_999)
    if d.service.framework == "celery":
        module = "trace"
        msg = f"Task {d.bug.entry}[{d.rand.uuid()}] raised unexpected: {python_repr(d.thrown)}"
    elif d.bug.log:
        module, msg = d.logger.rsplit(".", 1)[-1], d.log_message
    else:
        module, msg = "log", f"Internal Server Error: {d.request_path}"
    head = f"ERROR {asctime} {module} {pid} {tid} {msg}"
    return [head, *python_traceback(d.chain).split("\n")]


def _syslog(d: Delivery, line: str) -> str:
    comp = d.service.name
    return f"<11>1 {d.iso(6)} {MR_APP} {comp} - - - {line}"


def mr_syslog(d: Delivery) -> tuple[str, Fields]:
    lines = _verbose(d)
    part = str(d.opts.get("part", "all"))
    if part == "head":
        return _syslog(d, lines[0]), {}
    if part == "tail":
        return _syslog(d, lines[-1]), {}
    limit = int(str(d.opts.get("limit", 60)))
    return "\n".join(_syslog(d, x) for x in lines[:limit]), {}


def mr_dd(d: Delivery) -> tuple[str, Fields]:
    """The one event Datadog's monitor matched (the syslog header parsed away)."""
    lines = _verbose(d)
    return (lines[-1] if d.opts.get("part") == "tail" else lines[0]), {}


FORMATS117: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "mp-firelens": mp_firelens,
    "mp-dd": mp_dd,
    "mq-eh": mq_eh,
    "mq-dd": mq_dd,
    "mr-syslog": mr_syslog,
    "mr-dd": mr_dd,
}
