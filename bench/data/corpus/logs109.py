"""blind109's log formats: containers on AWS EKS (containerd) whose stdout Fluent Bit tails
(the ``cri`` parser: ``time``, ``stream``, ``_p``, ``log`` without its newline), enriches with
the ``kubernetes`` filter (``Labels On``, ``Annotations Off``) and sends to CloudWatch Logs with
the ``cloudwatch_logs`` output (no ``log_key``: the whole record as the CloudWatch event). The
Splunk Add-on for AWS reads the log group (``sourcetype=aws:cloudwatchlogs``, ``source``
``region:log group:log stream``); the saved search extracts ``log``, ``stream`` and the
``kubernetes.*`` fields with ``spath``.

- ``lr-fluent``: a Spring Boot 3.2 service on Java 21 (lr). ``opts.kind`` ``json`` (default):
  logstash-logback-encoder's ``LogstashEncoder`` line as a string under ``log`` (``message``,
  ``logger_name``, ``thread_name``, ``level``, ``stack_trace``; the Datadog Java agent's
  ``dd.*`` MDC keys). ``text``: the pods still on Spring Boot's console pattern, one CRI line
  per record (no multiline parser on that input): ``opts.part`` ``head`` the logger's line,
  ``exc`` the exception's first line, ``at`` the ``\\tat`` line number ``opts.at``.
- ``lr-logback``: the same ``LogstashEncoder`` line as the Datadog agent reads it from the
  container (its JSON attributes).
- ``ls-fluent-celery``: Celery 5 workers on Python 3.11 (ls), Celery's own text log under
  ``log``. ``opts.kind``: ``raised`` (``Task <name>[<id>] raised unexpected: <repr>``; with
  ``opts.joined`` Fluent Bit's ``python`` multiline parser kept the traceback with it, else the
  line alone), ``retry`` (INFO ``Task <name>[<id>] retry: Retry in 30s: <repr>``), ``lost``
  (the MainProcess' ``Task handler raised error: WorkerLostError(...)`` and billiard's
  traceback), ``hardlimit`` (``Hard time limit (<n>s) exceeded for <name>[<id>]``), ``team``
  (the task's ``get_task_logger`` record: ``<name>[<id>]: <message>`` and the traceback).
- ``ls-celery``: the same text as the Datadog agent reads it (its multi-line detection joins
  the traceback).
"""

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .model import Exc
from .traces import java_trace, jvm_frame, python_traceback

Fields = dict[str, str]

_NODE = "eu-west-1.compute.internal"
_HTTP = ("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")


def _compact(record: dict[str, object]) -> str:
    return json.dumps(record, separators=(",", ":"), ensure_ascii=False)


def _kubernetes(d: Delivery, namespace: str, registry: str, container: str) -> dict[str, object]:
    pod = d.host
    deploy = d.service.name
    return {
        "pod_name": pod,
        "namespace_name": namespace,
        "pod_id": d.rand.uuid(),
        "labels": {
            "app.kubernetes.io/name": deploy,
            "app.kubernetes.io/version": d.company.releases[d.release],
            "pod-template-hash": pod.rsplit("-", 2)[1],
        },
        "host": f"ip-10-42-{d.rand.randint(1, 63)}-{d.rand.randint(2, 250)}.{_NODE}",
        "container_name": container,
        "docker_id": d.rand.hex(64),
        "container_hash": f"{registry}/{deploy}@sha256:{d.rand.hex(64)}",
        "container_image": f"{registry}/{deploy}:{d.company.releases[d.release]}",
    }


def _fluent(d: Delivery, log: str, namespace: str, registry: str) -> tuple[str, Fields]:
    container = d.service.name
    kube = _kubernetes(d, namespace, registry, container)
    record = {
        "time": d.iso(9),
        "stream": "stdout",
        "_p": "F",
        "log": log,
        "kubernetes": kube,
    }
    file = f"{d.host}_{namespace}_{container}-{kube['docker_id']}.log"
    stream = f"from-fluent-bit-kube.var.log.containers.{file}"
    return _compact(record), {
        "source": f"eu-west-1:/aws/containerinsights/{namespace}-prod/application:{stream}",
        "sourcetype": "aws:cloudwatchlogs",
        "host": "splunk-hf-aws-01",
        "log": log,
        "stream": "stdout",
        "kubernetes.pod_name": d.host,
        "kubernetes.namespace_name": namespace,
        "kubernetes.container_name": container,
        "kubernetes.labels.app.kubernetes.io/name": d.service.name,
    }


# --- lr: Spring Boot 3.2 --------------------------------------------------------------------


def _thread(d: Delivery) -> str:
    if d.bug.entry.startswith(_HTTP):
        return f"http-nio-8080-exec-{d.rand.randint(1, 10)}"
    consumer = (
        f"org.springframework.kafka.KafkaListenerEndpointContainer#0-0-C-{d.rand.randint(1, 3)}"
    )
    return str(d.opts.get("thread", consumer))


def _logstash(d: Delivery) -> dict[str, object]:
    record: dict[str, object] = {
        "@timestamp": d.iso(3, z=False),
        "@version": "1",
        "message": d.log_message,
        "logger_name": d.logger,
        "thread_name": _thread(d),
        "level": "ERROR",
        "level_value": 40000,
    }
    if not d.opts.get("nostack"):
        # Tomcat's "threw exception [...] with root cause" logs the root cause alone.
        chain = d.chain[:1] if "with root cause" in d.log_message else d.chain
        record["stack_trace"] = java_trace(chain) + "\n"
    record["dd.trace_id"] = str(d.rand.randint(10**18, 9 * 10**18))
    record["dd.span_id"] = str(d.rand.randint(10**18, 9 * 10**18))
    record["dd.service"] = d.service.name
    record["dd.env"] = "prod"
    record["dd.version"] = d.company.releases[d.release]
    return record


def _abbreviate(logger: str, width: int = 40) -> str:
    parts = logger.split(".")
    for i in range(len(parts) - 1):
        if len(".".join(parts)) <= width:
            break
        parts[i] = parts[i][0]
    return ".".join(parts)


def lr_fluent(d: Delivery) -> tuple[str, Fields]:
    if d.opts.get("kind", "json") == "json":
        return _fluent(d, _compact(_logstash(d)), "inchbrook", _REG_LR)
    part = str(d.opts.get("part", "head"))
    if part == "head":
        log = (
            f"{d.iso(3)} ERROR 1 --- [{d.service.name}] [{_thread(d)[-15:]:>15}] "
            f"{_abbreviate(d.logger):<40} : {d.log_message}"
        )
    elif part == "exc":
        exc = d.chain[0] if "with root cause" in d.log_message else d.thrown
        log = f"{exc.text_name}: {exc.value}".split("\n", 1)[0]
    else:
        exc = d.chain[0] if "with root cause" in d.log_message else d.thrown
        frames = list(reversed(exc.frames))
        log = jvm_frame(frames[min(len(frames) - 1, int(str(d.opts.get("at", 0))))])
    return _fluent(d, log, "inchbrook", _REG_LR)


def lr_logback(d: Delivery) -> tuple[str, Fields]:
    return _compact(_logstash(d)), {"level": "ERROR", "logger_name": d.logger}


_REG_LR = "381492650117.dkr.ecr.eu-west-1.amazonaws.com/inchbrook"
_REG_LS = "381492650117.dkr.ecr.eu-west-1.amazonaws.com/ixworth"


# --- ls: Celery 5 text logs -----------------------------------------------------------------


def _repr(exc: Exc) -> str:
    """``repr(exc)`` as Celery prints it: Python's own string repr of the argument."""
    if exc.type == "KeyError":
        return f"KeyError({exc.value})"
    return f"{exc.type}({exc.value!r})"


def _celery_text(d: Delivery, joined: bool) -> str:
    stamp = f"[{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis}: "
    worker = f"ForkPoolWorker-{d.rand.randint(1, 8)}"
    task_id = d.rand.uuid()
    name = d.bug.entry
    kind = str(d.opts.get("kind", "raised"))
    if kind == "retry":
        countdown = d.opts.get("countdown", 30)
        retry = f"Retry in {countdown}s: {_repr(d.thrown)}"
        return f"{stamp}INFO/{worker}] Task {name}[{task_id}] retry: {retry}"
    if kind == "hardlimit":
        limit = d.opts.get("limit", 300)
        return (
            f"{stamp}ERROR/MainProcess] Hard time limit ({limit}s) exceeded for {name}[{task_id}]"
        )
    if kind == "lost":
        head = f"{stamp}ERROR/MainProcess] Task handler raised error: {_repr(d.thrown)}"
    elif kind == "team":
        head = f"{stamp}ERROR/{worker}] {name}[{task_id}]: {d.log_message}"
    else:
        head = f"{stamp}ERROR/{worker}] Task {name}[{task_id}] raised unexpected: {_repr(d.thrown)}"
    if not joined:
        return head
    return head + "\n" + python_traceback(d.chain)


def ls_fluent_celery(d: Delivery) -> tuple[str, Fields]:
    return _fluent(d, _celery_text(d, bool(d.opts.get("joined", True))), "ixworth", _REG_LS)


def ls_celery(d: Delivery) -> tuple[str, Fields]:
    return _celery_text(d, True), {}


FORMATS109: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "lr-fluent": lr_fluent,
    "lr-logback": lr_logback,
    "ls-fluent-celery": ls_fluent_celery,
    "ls-celery": ls_celery,
}
