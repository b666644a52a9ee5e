"""blind119's log formats.

mv: a Python 3.12 Django REST Framework API and Celery workers on Azure Kubernetes Service whose
stdlib ``logging`` goes through OpenTelemetry's ``LoggingHandler`` (the SDK's logs bridge) to the
OpenTelemetry Collector over OTLP. A log record is ``body`` (the formatted message),
``severityText``, ``attributes`` (``code.filepath``/``code.function``/``code.lineno``, and for
``exc_info`` ``exception.type`` (the class name), ``exception.message`` (``str(exc)``),
``exception.stacktrace`` (``traceback.format_exception``)) and the resource (``service.name``,
``k8s.*`` from the ``k8sattributes`` processor). The Collector's ``splunk_hec`` exporter makes
the body the HEC ``event`` (so ``_raw``) and every attribute an indexed field (the severity as
``otel.log.severity.text``); its ``datadog`` exporter sends the body as ``message`` with the
attributes beside it. ``opts.kind``: ``team`` (``logger.exception`` in the code), ``django``
(``django.request``'s ``Internal Server Error: <path>``), ``celery`` (``celery.app.trace``'s
``Task ... raised unexpected``), ``noexc`` (a ``logger.error("... %s", exc)`` without
``exc_info``: no ``exception.*`` attributes).

mw: a Go 1.22 Gin API and Temporal workers on HashiCorp Nomad (the docker driver), logging
logrus' ``JSONFormatter`` with ``ReportCaller`` (``func``, ``file``); Vector's ``docker_logs``
source reads the containers (Nomad's labels ``com.hashicorp.nomad.*`` on each event) and its
``splunk_hec_logs`` sink posts either the whole event encoded as JSON (``message`` the logrus
line as a string) or, on the older agents, ``encoding.codec = "text"`` (the line alone); its
``datadog_logs`` sink sends the same events, Datadog parsing the JSON line into attributes.
The worker's Temporal SDK logs through a logrus adapter: ``Activity error.`` with the SDK's
key-values (``Namespace``, ``TaskQueue``, ``WorkflowID``, ``ActivityType``, ``Attempt``,
``Error``), one record per failed attempt.

mx: a Kotlin Ktor 2 API on Google Cloud Run logging logback's text pattern (Ktor's generated
``logback.xml``: ``%d{YYYY-MM-dd HH:mm:ss.SSS} [%thread] %-5level %logger{36} - %msg%n``) with
the exception's trace below. Cloud Run makes every stdout line its own ``LogEntry`` (a
``textPayload``); a Log Router sink publishes them to Pub/Sub, read by the Splunk Add-on for
Google Cloud Platform (the ``LogEntry`` JSON as the event) and by Datadog's GCP log
integration (``message`` the ``textPayload``). ``opts.part``: ``head`` (the logged line),
``thrown`` (the trace's first line), ``caused`` (the last ``Caused by:`` line).
"""

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .rand import stable_hex, stable_int
from .traces import java_trace, python_repr, python_traceback

Fields = dict[str, str]


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


# --- mv: Django/Celery on AKS, OTLP log records via the Collector ---------------------------------

MV_CLUSTER = "vellacott-aks-uks"


def _py312(text: str) -> str:
    return text.replace("/python3.11/", "/python3.12/")


def _mv_body_and_attrs(d: Delivery) -> tuple[str, dict[str, str]]:
    kind = str(d.opts.get("kind", "team"))
    exc = d.thrown
    app = [f for f in d.frames if f.in_app]
    where = app[-1] if app else d.frames[-1]
    attrs: dict[str, str] = {}
    if kind == "django":
        body = f"Internal Server Error: {d.request_path}"
        attrs.update(
            {
                "code.filepath": "/usr/local/lib/python3.12/site-packages/django/utils/log.py",
                "code.function": "log_response",
                "code.lineno": "241",
            }
        )
    elif kind == "celery":
        body = f"Task {d.bug.entry}[{d.rand.uuid()}] raised unexpected: {python_repr(exc)}"
        attrs.update(
            {
                "code.filepath": "/usr/local/lib/python3.12/site-packages/celery/app/trace.py",
                "code.function": "_log_error",
                "code.lineno": "267",
            }
        )
    else:
        body = d.log_message if d.bug.log else exc.value
        if kind == "noexc":
            body = f"{body}: {exc.value}" if d.bug.log else body
        attrs.update(
            {
                "code.filepath": "/app/" + where.file,
                "code.function": where.function,
                "code.lineno": str(where.line),
            }
        )
    if kind != "noexc":
        attrs["exception.type"] = exc.type
        attrs["exception.message"] = exc.value
        attrs["exception.stacktrace"] = _py312(python_traceback(d.chain)) + "\n"
    return body, attrs


def _mv_resource(d: Delivery) -> dict[str, str]:
    return {
        "service.name": d.service.name,
        "service.version": d.company.releases[d.release],
        "k8s.cluster.name": MV_CLUSTER,
        "k8s.namespace.name": "lettings",
        "k8s.deployment.name": d.service.name,
        "k8s.pod.name": d.host,
        "telemetry.sdk.language": "python",
        "telemetry.sdk.name": "opentelemetry",
        "telemetry.sdk.version": "1.27.0",
    }


def mv_hec(d: Delivery) -> tuple[str, Fields]:
    """The splunk_hec exporter's event: the body as ``_raw``, the attributes as fields."""
    body, attrs = _mv_body_and_attrs(d)
    fields = {**_mv_resource(d), **attrs, "otel.log.severity.text": "ERROR"}
    fields["otel.log.severity.number"] = "17"
    fields["trace_id"] = d.rand.hex(32)
    fields["span_id"] = d.rand.hex(16)
    return body, fields


def mv_dd(d: Delivery) -> tuple[str, Fields]:
    """The datadog exporter's log: ``message`` the body, the attributes beside it."""
    body, attrs = _mv_body_and_attrs(d)
    record: dict[str, object] = {
        "message": body,
        "status": "error",
        "otel.severity_text": "ERROR",
        "otel.severity_number": "17",
        "service": d.service.name,
        **attrs,
        **_mv_resource(d),
        "otel.trace_id": d.rand.hex(32),
        "otel.span_id": d.rand.hex(16),
    }
    return _compact(record), {}


# --- mw: Gin and Temporal workers on Nomad, logrus JSON via Vector -------------------------------

TEMPORAL_NS = "vennbridge-prod"


def _temporal_line(d: Delivery) -> str:
    """The Temporal SDK's ``Activity error.`` through the logrus adapter."""
    err = d.thrown.value
    attempt = int(str(d.opts.get("attempt", d.rand.randint(1, 5))))
    record: dict[str, object] = {
        "ActivityID": str(d.rand.randint(5, 40)),
        "ActivityType": d.bug.entry.removeprefix("activity:"),
        "Attempt": attempt,
        "Error": err,
        "Namespace": TEMPORAL_NS,
        "RunID": d.rand.uuid(),
        "TaskQueue": str(d.opts.get("queue", "dispatch")),
        "WorkerID": f"1@{_container(d)[:12]}@",
        "WorkflowID": d.values.fill(str(d.opts.get("workflow", "shipment-{id}"))),
        "WorkflowType": str(d.opts.get("wftype", "ShipmentWorkflow")),
        "level": "error",
        "msg": "Activity error.",
        "time": d.stamp("%Y-%m-%dT%H:%M:%SZ"),
    }
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def _mw_line(d: Delivery) -> str:
    from .logs import logrus_json  # logs.py imports this module's FORMATS119

    if d.opts.get("temporal"):
        return _temporal_line(d)
    return logrus_json(d)[0]


def _alloc(d: Delivery) -> str:
    h = stable_hex(32, "mw-alloc", d.service.name, d.release, d.index % 3)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"


def _container(d: Delivery) -> str:
    return stable_hex(64, "mw-container", d.service.name, d.release, d.index % 3)


def _node(d: Delivery) -> str:
    n = 1 + stable_int("mw-node", d.service.name, d.release, d.index % 3) % 9
    return f"nomad-client-{n:02d}"


def mw_hec(d: Delivery) -> tuple[str, Fields]:
    line = _mw_line(d)
    if d.opts.get("codec_text"):
        return line, {"host": _node(d)}
    task = d.service.name
    alloc = _alloc(d)
    event = {
        "container_created_at": d.iso(9),
        "container_id": _container(d),
        "container_name": f"{task}-{alloc}",
        "host": _node(d),
        "image": f"registry.vennbridge.example/{task}:{d.company.releases[d.release]}",
        "label": {
            "com.hashicorp.nomad.alloc_id": alloc,
            "com.hashicorp.nomad.job_name": task,
            "com.hashicorp.nomad.namespace": "default",
            "com.hashicorp.nomad.task_group_name": task,
            "com.hashicorp.nomad.task_name": task,
        },
        "message": line,
        "source_type": "docker_logs",
        "stream": "stderr",
        "timestamp": d.iso(9),
    }
    return _compact(event), {"host": _node(d)}


def mw_dd(d: Delivery) -> tuple[str, Fields]:
    """The line as Datadog parses it (logrus' keys as attributes)."""
    return _mw_line(d), {}


# --- mx: Ktor on Cloud Run, logback text line by line via Pub/Sub ---------------------------------

MX_PROJECT = "vowhurst-prod"


def _logback_lines(d: Delivery) -> list[str]:
    stamp = f"{d.stamp('%Y-%m-%d %H:%M:%S')}.{d.millis}"
    thread = str(d.opts.get("thread", f"eventLoopGroupProxy-4-{d.rand.randint(1, 8)}"))
    logger = d.logger
    if len(logger) > 36:
        parts = logger.split(".")
        for i in range(len(parts) - 1):
            if len(".".join(parts)) <= 36:
                break
            parts[i] = parts[i][0]
        logger = ".".join(parts)
    head = f"{stamp} [{thread}] ERROR {logger} - {d.log_message}"
    return [head, *java_trace(d.chain).split("\n")]


def _mx_text(d: Delivery) -> str:
    lines = _logback_lines(d)
    part = str(d.opts.get("part", "head"))
    if part == "thrown":
        return lines[1]
    if part == "caused":
        caused = [x for x in lines if x.startswith("Caused by: ")]
        return caused[-1] if caused else lines[1]
    return lines[0]


def mx_gcp(d: Delivery) -> tuple[str, Fields]:
    name = d.service.name
    revision = f"{name}-{d.release + 118:05d}-{d.rand.alnum(3, 'abcdefghijklmnopqrstuvwxyz')}"
    entry = {
        "insertId": d.rand.alnum(16, "abcdefghijklmnopqrstuvwxyz0123456789"),
        "labels": {"instanceId": "00" + d.rand.hex(96)},
        "logName": f"projects/{MX_PROJECT}/logs/run.googleapis.com%2Fstdout",
        "receiveTimestamp": d.iso(9),
        "resource": {
            "labels": {
                "configuration_name": name,
                "location": "europe-west2",
                "project_id": MX_PROJECT,
                "revision_name": revision,
                "service_name": name,
            },
            "type": "cloud_run_revision",
        },
        "textPayload": _mx_text(d),
        "timestamp": d.iso(6),
    }
    return _compact(entry), {}


def mx_dd(d: Delivery) -> tuple[str, Fields]:
    """The ``textPayload`` Datadog keeps as the message."""
    return _mx_text(d), {}


FORMATS119: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "mv-otlp-hec": mv_hec,
    "mv-otlp-dd": mv_dd,
    "mw-vector-hec": mw_hec,
    "mw-vector-dd": mw_dd,
    "mx-gcp": mx_gcp,
    "mx-gcp-dd": mx_dd,
}
