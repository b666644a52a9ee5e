"""blind126's log formats.

nq: a Symfony 6.4 API on PHP 8.2 on AWS Elastic Beanstalk (Amazon Linux 2023, nginx and
php-fpm). Monolog's ``JsonFormatter`` writes to ``php://stderr``; php-fpm's
``catch_workers_output`` puts each line into ``/var/log/php-fpm/www-error.log`` (the web tier
sets ``decorate_workers_output = no`` so the line is the JSON alone; the worker tier keeps the
default decoration, ``[05-Mar-2026 10:12:01] WARNING: [pool www] child 4121 said into stderr:
"..."``, and php-fpm's ``log_limit`` of 1024 cuts a long record). Elastic Beanstalk's log
streaming ships the file to CloudWatch Logs (``/aws/elasticbeanstalk/<env>/var/log/php-fpm/
www-error.log``, one stream per instance id). The Splunk Add-on for AWS reads the group
(``aws:cloudwatchlogs``, ``source`` ``<region>:<group>:<stream>``), the Datadog Forwarder Lambda
is subscribed to it (a JSON message parsed into attributes beside ``aws.awslogs``).

nr: Kotlin Spring Boot 3 WebFlux services on GKE logging logstash-logback-encoder's JSON to
stdout; GKE's logging agent makes each line a ``LogEntry`` with ``jsonPayload`` (the tariff
service renames ``level`` to ``severity`` so Cloud Logging reads it; billing does not, so its
entries are ``INFO`` with ``jsonPayload.level`` ``ERROR``). A Log Router sink publishes to
Pub/Sub; the Pub/Sub to Splunk Dataflow template posts the ``LogEntry`` JSON to HEC, Datadog's
GCP integration keeps the entry under ``data``.

ns: an Android app. Its ``ErrorReporter`` posts handled errors (``Log.getStackTraceString``:
R8's names in release builds) to the team's telemetry endpoint, which writes them to Splunk
HEC; dd-sdk-android's Logs feature sends ``logger.e(msg, t)`` with ``error.kind``,
``error.message`` and ``error.stack`` (R8's names too) and, on the next launch, the crash the
SDK persisted.
"""

# Log lines are built whole, however long.
# ruff: noqa: E501

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace

from .android11 import device, obfuscated
from .delivery import Delivery
from .model import Exc
from .rand import stable_hex
from .traces import java_trace, php_where

Fields = dict[str, str]


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


# --- nq: Symfony on Elastic Beanstalk, Monolog JSON through CloudWatch Logs ---------------------

NQ_ENVS = {"lettings-api": "zelston-api-prod", "lettings-worker": "zelston-worker-prod"}


def _sqlstate(message: str) -> int:
    if "SQLSTATE[" in message:
        code = message.split("SQLSTATE[", 1)[1].split("]", 1)[0]
        return int(code) if code.isdigit() else 0
    return 0


def _normalized(chain: list[Exc], i: int) -> dict[str, object]:
    """Monolog's ``NormalizerFormatter`` on a Throwable (no ``includeStacktraces``)."""
    exc = chain[i]
    out: dict[str, object] = {
        "class": exc.type,
        "message": exc.value,
        "code": _sqlstate(exc.value),
        "file": php_where(exc),
    }
    if i > 0:
        out["previous"] = _normalized(chain, i - 1)
    return out


def _monolog(d: Delivery) -> str:
    chain = d.chain
    exc = chain[-1]
    file, _, line = php_where(exc).rpartition(":")
    context: dict[str, object] = {}
    if d.bug.log:
        # The worker's own catch: ``$this->logger->error('...', ['exception' => $e])``.
        message, channel, level, name = d.log_message, "app", 400, "ERROR"
        if d.bug.entry:
            context["task"] = d.bug.entry
    elif exc.type.endswith("OutOfMemoryError"):
        message = f"Fatal Error: {exc.value}"
        channel, level, name = "php", 500, "CRITICAL"
    else:
        message = f'Uncaught PHP Exception {exc.type}: "{exc.value}" at {file} line {line}'
        channel, level, name = "request", 500, "CRITICAL"
    context["exception"] = _normalized(chain, len(chain) - 1)
    record = {
        "message": message,
        "context": context,
        "level": level,
        "level_name": name,
        "channel": channel,
        "datetime": d.iso(6, z=False),
        "extra": {"request_id": d.values["uuid"]} if d.service.name == "lettings-api" else {},
    }
    return _compact(record)


def _fpm(d: Delivery, line: str) -> str:
    """php-fpm's decoration of a worker's stderr line, cut at ``log_limit``."""
    head = f"[{d.stamp('%d-%b-%Y %H:%M:%S')}] WARNING: [pool www] child {d.rand.randint(3000, 9999)} said into stderr: "
    if len(head) + len(line) + 2 > 1024:
        return head + '"' + line[: 1024 - len(head) - 5] + '..."'
    return head + '"' + line + '"'


def _nq_line(d: Delivery) -> str:
    line = _monolog(d)
    return _fpm(d, line) if d.service.name == "lettings-worker" else line


def _nq_stream(d: Delivery) -> str:
    return "i-0" + stable_hex(16, "nq-instance", d.service.name, d.release, d.index % 3)


def nq_cwl(d: Delivery) -> tuple[str, Fields]:
    """The Splunk Add-on for AWS's CloudWatch Logs input: the message as the event."""
    group = f"/aws/elasticbeanstalk/{NQ_ENVS[d.service.name]}/var/log/php-fpm/www-error.log"
    stream = _nq_stream(d)
    return _nq_line(d), {"source": f"eu-west-2:{group}:{stream}", "host": stream}


def nq_dd(d: Delivery) -> tuple[str, Fields]:
    """The Datadog Forwarder: a JSON message parsed beside ``aws.awslogs``; a decorated line
    stays the message."""
    group = f"/aws/elasticbeanstalk/{NQ_ENVS[d.service.name]}/var/log/php-fpm/www-error.log"
    line = _nq_line(d)
    if line.startswith("["):
        return line, {}
    record = json.loads(line)
    record["aws"] = {
        "awslogs": {"logGroup": group, "logStream": _nq_stream(d), "owner": "418273650921"},
        "invoked_function_arn": "arn:aws:lambda:eu-west-2:418273650921:function:datadog-forwarder",
    }
    return _compact(record), {}


# --- nr: WebFlux on GKE, logstash-logback-encoder through Cloud Logging --------------------------


def _checkpoint(d: Delivery) -> str:
    """Reactor's assembly checkpoints that WebFlux adds to the error as a suppressed exception."""
    method, _, _ = d.bug.entry.partition(" ")
    lines = [
        "\tSuppressed: reactor.core.publisher.FluxOnAssembly$OnAssemblyException: ",
        "Error has been observed at the following site(s):",
    ]
    site = str(d.opts.get("checkpoint", ""))
    if site:
        lines.append(f"\t*__checkpoint \u21e2 {d.values.fill(site)}")
    lines.append(
        "\t*__checkpoint \u21e2 org.springframework.web.filter.reactive.ServerHttpObservationFilter [DefaultWebFilterChain]"
    )
    lines.append(
        f'\t*__checkpoint \u21e2 HTTP {method} "{d.request_path}" [ExceptionHandlingWebHandler]'
    )
    lines.append("Original Stack Trace:")
    return "\n".join(lines)


def _nr_payload(d: Delivery) -> dict[str, object]:
    svc = d.service.name
    trace = java_trace(d.chain, depth=int(str(d.opts.get("half", 0))))
    if not d.bug.log and " /" in d.bug.entry and not d.opts.get("nocheckpoint"):
        # The suppressed block sits after the thrown exception's own frames.
        head, *rest = trace.split("\n")
        n = next((i for i, x in enumerate(rest) if not x.startswith("\tat ")), len(rest))
        trace = "\n".join([head, *rest[:n], _checkpoint(d), *rest[n:]])
    logger = d.logger
    message = d.log_message
    if not d.bug.log and d.bug.entry:
        method, _, _ = d.bug.entry.partition(" ")
        logger = "org.springframework.boot.autoconfigure.web.reactive.error.AbstractErrorWebExceptionHandler"
        message = f'[{d.rand.hex(8)}-{d.rand.randint(1, 900)}]  500 Server Error for HTTP {method} "{d.request_path}"'
    payload: dict[str, object] = {
        "@timestamp": d.iso(3, z=False),
        "@version": "1",
        "message": message,
        "logger_name": logger,
        "thread_name": f"reactor-http-epoll-{d.rand.randint(1, 4)}"
        if " /" in d.bug.entry
        else f"DefaultDispatcher-worker-{d.rand.randint(1, 8)}",
        "level_value": 40000,
        "stack_trace": trace + "\n",
    }
    if svc == "tariff-service":
        payload["severity"] = "ERROR"
    else:
        payload["level"] = "ERROR"
    payload["dd.trace_id"] = str(d.rand.randint(10**18, 9 * 10**18))
    payload["dd.span_id"] = str(d.rand.randint(10**18, 9 * 10**18))
    return payload


def _nr_entry(d: Delivery) -> dict[str, object]:
    svc = d.service.name
    payload = _nr_payload(d)
    severity = str(payload.pop("severity", "INFO"))
    node = f"gke-zeth-prod-pool-{stable_hex(8, 'nr-node', d.index % 4)}-{d.rand.alnum(4, 'bcdfghjklmnpqrstvwxz')}"
    return {
        "insertId": d.rand.alnum(15, "abcdefghijklmnopqrstuvwxyz0123456789"),
        "jsonPayload": payload,
        "resource": {
            "type": "k8s_container",
            "labels": {
                "project_id": "zethmoor-prod",
                "location": "europe-west2",
                "cluster_name": "zeth-prod",
                "namespace_name": "energy",
                "pod_name": d.host,
                "container_name": svc,
            },
        },
        "timestamp": d.iso(6),
        "severity": severity,
        "labels": {
            "k8s-pod/app": svc,
            "k8s-pod/pod-template-hash": d.host.rsplit("-", 2)[1],
            "compute.googleapis.com/resource_name": node,
        },
        "logName": "projects/zethmoor-prod/logs/stdout",
        "receiveTimestamp": d.iso(9),
    }


def nr_dataflow(d: Delivery) -> tuple[str, Fields]:
    """The Pub/Sub to Splunk Dataflow template: the LogEntry JSON as the HEC event."""
    return _compact(_nr_entry(d)), {}


def nr_dd(d: Delivery) -> tuple[str, Fields]:
    """Datadog's GCP integration: the LogEntry under ``data``."""
    entry = _nr_entry(d)
    return _compact({"data": entry, "message": entry["jsonPayload"]["message"]}), {}  # type: ignore[index]


# --- ns: the Android app's own relay to Splunk, dd-sdk-android Logs ------------------------------


def _r8_chain(d: Delivery) -> list[Exc]:
    """The chain as the device sees it: every frame outside the platform renamed by R8."""
    out = []
    for exc in d.chain:
        frames = []
        for f in exc.frames:
            module, function, file, line = obfuscated(f, d.release)
            frames.append(replace(f, module=module, function=function, file=file, line=line))
        # The exceptions are the platform's and libraries' whose names the keep rules keep.
        out.append(replace(exc, frames=tuple(frames)))
    return out


def _device_stack(d: Delivery) -> str:
    return java_trace(_r8_chain(d))


def _version(d: Delivery) -> tuple[str, str]:
    name = d.service.releases[d.release].split("@", 1)[1]
    version, _, build = name.partition("+")
    return version, build


def ns_relay(d: Delivery) -> tuple[str, Fields]:
    """The telemetry endpoint's HEC event: what ``ErrorReporter`` posted."""
    maker, model, os_version, api = device(d)
    version, build = _version(d)
    thrown = _r8_chain(d)[-1]
    body = {
        "type": "app_error",
        "app": "com.zorbridge.ride",
        "version": version,
        "build": int(build),
        "device": f"{maker} {model}",
        "os": f"Android {os_version} (API {api})",
        "session": d.values["uuid"],
        "where": d.log_message,
        "exception": thrown.text_name,
        "message": d.thrown.value,
        "stack": _device_stack(d),
    }
    return _compact(body), {"app_version": version}


def ns_dd(d: Delivery) -> tuple[str, Fields]:
    """dd-sdk-android's log event (``logger.e`` or the crash persisted for the next launch)."""
    version, build = _version(d)
    maker, model, os_version, _ = device(d)
    thrown = _r8_chain(d)[-1]
    crash = bool(d.opts.get("crash"))
    message = d.log_message
    if crash:
        message = d.thrown.value or f"Application crash detected: {thrown.text_name}"
    record = {
        "date": d.epoch_ms,
        "status": "emergency" if crash else "error",
        "service": d.service.name,
        "message": message,
        "logger": {
            "name": "crash" if crash else str(d.opts.get("ddlogger", "ride")),
            "thread_name": "main",
            "version": "2.14.0",
        },
        "error": {"kind": thrown.text_name, "message": d.thrown.value, "stack": _device_stack(d)},
        "network": {
            "client": {"connectivity": "network_cellular" if d.index % 2 else "network_wifi"}
        },
        "application_id": "c1f0a9de-4e2b-4b77-9d3a-5b8e7f21c604",
        "session_id": d.values["uuid"],
        "version": version,
        "ddtags": f"env:prod,version:{version},build:{build},device:{maker} {model},os:android {os_version}",
    }
    return _compact(record), {}


FORMATS126: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "nq-cwl": nq_cwl,
    "nq-dd": nq_dd,
    "nr-dataflow": nr_dataflow,
    "nr-dd": nr_dd,
    "ns-relay": ns_relay,
    "ns-dd": ns_dd,
}
