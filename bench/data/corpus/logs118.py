"""blind118's log formats.

ms: Scala 2.13 Akka HTTP services on EKS logging logstash-logback-encoder's ``LogstashEncoder``
(``@timestamp``, ``@version``, ``message``, ``logger_name``, ``thread_name``, ``level``,
``level_value``, the MDC akka-slf4j adds, ``stack_trace`` with its ``Caused by:`` chain),
read by Fluent Bit (``tail`` with the ``cri`` parser, the ``kubernetes`` filter) and posted to
Splunk HEC by the ``splunk`` output: the record is ``time``/``stream``/``_p``/``log`` plus
``kubernetes``; the newer node group's DaemonSet runs the filter with ``Merge_Log On``,
``Keep_Log Off`` (the line's keys merged into the record, ``log`` gone). The Datadog Agent
reads the same container line and parses its JSON into attributes.

mt: Laravel 11 on Laravel Forge VMs: the ``daily`` channel's
``storage/logs/laravel-YYYY-MM-DD.log`` (Monolog's ``LineFormatter``: ``[date] production.ERROR:
message {context}`` with the exception and its ``[stacktrace]`` on the following lines). A
Splunk Universal Forwarder monitors the file: the sourcetype breaks events on the timestamp (the
whole record), or (the second server's default sourcetype) one event a line, the saved search
finding the head line only (``opts.part`` ``head``). The Datadog Agent tails it too, with a
``multi_line`` rule on the timestamp (the record) or without (each line its own log: the head).

mu: a Fastify 4 API on Node 20 in Docker on a VM, logging pino JSON (Fastify's error handler
``{req, res, err}`` and the message; the render worker's own records), sent by Docker's
``splunk`` logging driver to HEC (``splunk-format`` ``json``: ``{"line": {…}, "source":
"stdout", "tag": "<id>"}``; ``inline`` on the worker: ``line`` the string) and read by the
Datadog Agent (the pino line as attributes).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from .delivery import Delivery
from .rand import stable_hex
from .traces import java_trace, monolog_exception, node_stack

Fields = dict[str, str]


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


# --- ms: Akka HTTP on EKS, logstash-logback-encoder via Fluent Bit --------------------------------

MS_SYSTEM = "sandwick"
MS_ACCOUNT = "604187239115"
AKKA_DEFAULT = (
    "Error during processing of request: '{value}'. Completing with 500 Internal Server Error "
    "response. To change default exception handling behavior, provide a custom ExceptionHandler."
)


def _logback(d: Delivery) -> dict[str, object]:
    kind = str(d.opts.get("kind", "app"))
    n = d.rand.randint(4, 31)
    thread = str(d.opts.get("thread", f"{MS_SYSTEM}-akka.actor.default-dispatcher-{n}"))
    if kind == "akka":
        # Akka HTTP's default ExceptionHandler, through akka-slf4j (its MDC keys).
        first = d.thrown.value.split("\n", 1)[0]
        message = AKKA_DEFAULT.replace("{value}", first)
        logger = "akka.actor.ActorSystemImpl"
    else:
        message = d.log_message
        logger = d.logger
        if d.bug.entry.startswith("consignment-"):
            logger = "sandwick.tracking.ScanConsumer"  # the stream logs its own failures
    record: dict[str, object] = {
        "@timestamp": d.iso(3),
        "@version": "1",
        "message": message,
        "logger_name": logger,
        "thread_name": thread,
        "level": "ERROR",
        "level_value": 40000,
    }
    if kind == "akka":
        record.update(
            {
                "akkaAddress": f"akka://{MS_SYSTEM}",
                "sourceThread": thread,
                "akkaSource": f"akka.actor.ActorSystemImpl({MS_SYSTEM})",
                "sourceActorSystem": MS_SYSTEM,
                "akkaTimestamp": d.stamp("%H:%M:%S") + f".{d.millis}UTC",
            }
        )
    elif d.bug.entry.startswith("consignment-"):
        record["kafka.topic"] = d.bug.entry
        record["kafka.offset"] = d.values["offset"]
    else:
        record["traceId"] = d.rand.hex(32)
    if not d.opts.get("nostack"):
        trace = java_trace(d.chain, depth=int(str(d.opts.get("depth", 0))))
        record["stack_trace"] = trace + "\n"
    return record


def _node_host(d: Delivery) -> str:
    return f"ip-10-42-{d.rand.randint(1, 30)}-{d.rand.randint(2, 250)}.eu-west-2.compute.internal"


def ms_fluentbit(d: Delivery) -> tuple[str, Fields]:
    """The record Fluent Bit's ``splunk`` output sends as ``event`` (Splunk's ``_raw``)."""
    name = d.service.name
    line = _logback(d)
    version = d.company.releases[d.release]
    kube = {
        "pod_name": d.host,
        "namespace_name": "freight",
        "pod_id": d.rand.uuid(),
        "labels": {
            "app.kubernetes.io/name": name,
            "pod-template-hash": d.host.rsplit("-", 2)[1],
        },
        "host": _node_host(d),
        "container_name": name,
        "docker_id": d.rand.hex(64),
        "container_hash": f"{MS_ACCOUNT}.dkr.ecr.eu-west-2.amazonaws.com/{name}@sha256:"
        + stable_hex(64, name, d.release),
        "container_image": f"{MS_ACCOUNT}.dkr.ecr.eu-west-2.amazonaws.com/{name}:{version}",
    }
    head: dict[str, object] = {"time": d.iso(9), "stream": "stdout", "_p": "F"}
    # The older node group's DaemonSet leaves the line in ``log``.
    if d.index % 2 == 0 or d.opts.get("keep_log"):
        record = {**head, "log": _compact(line), "kubernetes": kube}
    else:
        record = {**head, **line, "kubernetes": kube}
    return _compact(record), {}


def ms_dd(d: Delivery) -> tuple[str, Fields]:
    """The container's line the Datadog Agent reads (its keys become attributes)."""
    return _compact(_logback(d)), {}


# --- mt: Laravel 11 on Forge, the daily file ------------------------------------------------------

MT_SITE = "/home/forge/app.stainmore-vets.example"


def _sqlstate(message: str) -> str:
    m = re.match(r"SQLSTATE\[(\w+)\]", message)
    return m.group(1) if m else "0"


def _laravel(d: Delivery) -> list[str]:
    codes = [_sqlstate(e.value) for e in reversed(d.chain)]
    context: dict[str, object] = {}
    if d.bug.entry.startswith(("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")) and d.index % 3:
        context["userId"] = int(d.values["user"])
    trace = monolog_exception(d.chain, codes)
    context["exception"] = re.sub(r"\{(id|user)\}", lambda m: d.values[m.group(1)], trace)
    encoded = json.dumps(context, ensure_ascii=False, separators=(",", ":"))
    encoded = re.sub(r"(?<!\\)\\n", "\n", encoded)
    message = d.values.fill(str(d.opts["msg"])) if "msg" in d.opts else d.thrown.value
    return f"[{d.stamp('%Y-%m-%d %H:%M:%S')}] production.ERROR: {message} {encoded} ".split("\n")


def mt_uf(d: Delivery) -> tuple[str, Fields]:
    lines = _laravel(d)
    raw = lines[0] if d.opts.get("part") == "head" else "\n".join(lines)
    server = f"stainmore-web-{1 + d.index % 2}"
    if d.service.name == "vets-horizon":
        server = "stainmore-horizon"
    source = f"{MT_SITE}/storage/logs/laravel-{d.stamp('%Y-%m-%d')}.log"
    return raw, {"source": source, "host": server}


def mt_dd(d: Delivery) -> tuple[str, Fields]:
    lines = _laravel(d)
    return (lines[0] if d.opts.get("part") == "head" else "\n".join(lines)), {}


# --- mu: Fastify on Docker, pino via the splunk logging driver ------------------------------------


def _pino(d: Delivery) -> dict[str, object]:
    exc = d.thrown
    record: dict[str, object] = {
        "level": 50,
        "time": d.epoch_ms,
        "pid": 1,
        "hostname": stable_hex(12, d.service.name, d.release),
    }
    method, _, path = d.bug.entry.partition(" ")
    if path:
        record["reqId"] = f"req-{d.rand.randint(1, 4000):x}"
        record["req"] = {
            "method": method,
            "url": d.values.fill(path),
            "hostname": f"api.{d.company.domain}",
            "remoteAddress": f"172.18.0.{d.rand.randint(2, 9)}",
            "remotePort": d.rand.randint(32_768, 60_999),
        }
        record["res"] = {"statusCode": 500}
    else:
        record["job"] = d.bug.entry
        record["jobId"] = str(d.rand.randint(1000, 99999))
    # pino-std-serializers' ``err``: each cause's message appended to the message, its stack
    # appended as ``caused by:`` to the stack.
    causes = list(reversed(d.chain[:-1]))
    message = ": ".join([exc.value, *(c.value for c in causes)])
    stack = node_stack(exc, exc.value)
    for c in causes:
        stack += "\n    caused by: " + node_stack(c, c.value)
    err: dict[str, object] = {"type": exc.type, "message": message, "stack": stack}
    record["err"] = err
    record["msg"] = d.log_message if d.bug.log else exc.value
    return record


def mu_docker(d: Delivery) -> tuple[str, Fields]:
    line = _pino(d)
    tag = stable_hex(12, "tag", d.service.name, d.release)
    if d.service.name.endswith("worker"):
        event: dict[str, object] = {"line": _compact(line), "source": "stdout", "tag": tag}
    else:
        event = {"line": line, "source": "stdout", "tag": tag}
    return _compact(event), {"host": "sockbridge-prod-1"}


def mu_dd(d: Delivery) -> tuple[str, Fields]:
    return _compact(_pino(d)), {}


FORMATS118: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "ms-fluentbit": ms_fluentbit,
    "ms-dd": ms_dd,
    "mt-uf": mt_uf,
    "mt-dd": mt_dd,
    "mu-docker": mu_docker,
    "mu-dd": mu_dd,
}
