"""blind114's log formats.

mg: a FastAPI API and Dramatiq workers on Cloud Run logging structlog's ``JSONRenderer`` on
stdout (``format_exc_info``: the traceback as a string in ``exception``; the team's processor
adds ``severity`` so Cloud Logging lifts it), exported by a log sink to Pub/Sub and Dataflow's
Pub/Sub-to-Splunk template (the ``LogEntry`` as JSON: ``jsonPayload``, ``resource.labels``,
``severity``, ``trace``; with ``includePubsubMessage`` the Pub/Sub message with the entry in
``data``); a crash before logging is configured writes Python's text to stderr, which Cloud
Run splits one entry a line (``textPayload`` holding one line). Datadog's GCP integration
shows the same entry; monitors paste its attributes.

mh: Quarkus 3 with ``quarkus-logging-json`` (jboss-logmanager's ``JsonFormatter``; exceptions
``formatted`` as ``stackTrace`` text or ``detailed`` as ``exception`` structure) collected on
OpenShift by the Logging collector (Vector, or Fluentd on the older cluster) and sent to
Splunk HEC: the ViaQ record with ``kubernetes.namespace_name``/``pod_name``/``container_name``,
``openshift.cluster_id`` and the container's line as a JSON string in ``message``. Datadog's
agent parses the same line as attributes.

mi: Sinatra 4 and Sidekiq 7 on Heroku, drained by Logplex: RFC 5424 frames (``<190>1 <ts>
host app web.1 - <line>``), one stdout/stderr line an event; Splunk reads the HTTPS drain at
HEC's raw endpoint (so some events keep the octet count that frames them), Datadog's HTTP
intake strips the frame. Sinatra's ``dump_errors!`` writes ``<time> - <Class> - <msg>:`` and
the backtrace joined by ``\\n\\t``; Sidekiq's default error handler writes ``WARN`` records
(the context JSON, ``Class: message``, the backtrace) on timestamp-less dyno lines.
``opts.part``: ``head`` (the first event), ``frame`` (one backtrace event), ``all`` (a
``transaction`` of the events).
"""

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .model import Exc, Frame
from .rand import stable_hex
from .traces import python_traceback

Fields = dict[str, str]
_ID = "abcdefghijklmnopqrstuvwxyz0123456789"


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


# --- mg: FastAPI + Dramatiq on Cloud Run, structlog JSON ------------------------------------------

MG_PROJECT = "portinscale-tutors-prod"


def _py312(text: str) -> str:
    return text.replace("/python3.11/", "/python3.12/")


def _structlog(d: Delivery) -> dict[str, object]:
    from .logs import structlog_json  # logs.py imports this module

    record = json.loads(structlog_json(d)[0])
    record["exception"] = _py312(str(record["exception"]))
    record["severity"] = "ERROR"
    if d.service.framework == "dramatiq":
        record["actor"] = d.bug.entry
        record["message_id"] = d.rand.uuid()
        record["redelivered"] = d.index % 3 == 0
    return record


def _mg_entry(d: Delivery) -> dict[str, object]:
    name = d.service.name
    kind = str(d.opts.get("kind", ""))
    entry: dict[str, object] = {"insertId": d.rand.alnum(14, _ID)}
    if kind == "tail":
        # Python's text on stderr: Cloud Run makes each line its own entry; this is the last.
        lines = _py312(python_traceback(d.chain)).split("\n")
        entry["textPayload"] = lines[-1]
        log = "run.googleapis.com%2Fstderr"
    else:
        payload = _structlog(d)
        entry["jsonPayload"] = {k: v for k, v in payload.items() if k != "severity"}
        entry["severity"] = "ERROR"
        log = "run.googleapis.com%2Fstdout"
    entry["resource"] = {
        "type": "cloud_run_revision",
        "labels": {
            "configuration_name": name,
            "location": "europe-west2",
            "project_id": MG_PROJECT,
            "revision_name": f"{name}-{d.release + 203:05d}-{stable_hex(3, name, d.release)}",
            "service_name": name,
        },
    }
    entry["timestamp"] = d.iso(6)
    entry["receiveTimestamp"] = d.iso(9)
    entry["labels"] = {"instanceId": "0087244a80" + stable_hex(56, d.host, d.index)}
    entry["logName"] = f"projects/{MG_PROJECT}/logs/{log}"
    if d.service.framework != "dramatiq":
        entry["trace"] = f"projects/{MG_PROJECT}/traces/{d.rand.hex(32)}"
        entry["spanId"] = d.rand.hex(16)
    return entry


def mg_gcp(d: Delivery) -> tuple[str, Fields]:
    entry = _mg_entry(d)
    if d.opts.get("wrap"):
        message = {
            "data": entry,
            "attributes": {"logging.googleapis.com/timestamp": d.iso(9)},
            "messageId": str(d.rand.randint(10**15, 9 * 10**15)),
            "publishTime": d.iso(3),
        }
        return _compact(message), {}
    return _compact(entry), {}


def mg_dd(d: Delivery) -> tuple[str, Fields]:
    """The entry as the Datadog GCP integration keeps it: attributes are the entry's fields."""
    return _compact(_mg_entry(d)), {}


# --- mh: Quarkus JSON on OpenShift ----------------------------------------------------------------

MH_CLUSTER = "6b1f0c2e-94d7-4a53-b0e8-3c7a5d21f946"


def _quarkus(d: Delivery) -> str:
    from .logs import quarkus_json  # logs.py imports this module

    return quarkus_json(d, formatted=d.opts.get("exc") != "detailed")[0]


def mh_ocp(d: Delivery) -> tuple[str, Fields]:
    ns = "preesall-billing"
    node = f"worker-{d.rand.randint(0, 5)}.ocp-prod.preesall.example"
    line = _quarkus(d)
    kube: dict[str, object] = {
        "container_image": f"image-registry.openshift-image-registry.svc:5000/{ns}/"
        f"{d.service.name}@sha256:{stable_hex(64, d.service.name, d.release)}",
        "container_name": d.service.name,
        "labels": {"app": d.service.name, "deployment": d.service.name},
        "namespace_id": stable_hex(8, ns) + "-4e1d-9a0b-" + stable_hex(12, ns, "id"),
        "namespace_name": ns,
        "pod_id": d.rand.uuid(),
        "pod_ip": f"10.128.{d.rand.randint(0, 7)}.{d.rand.randint(2, 250)}",
        "pod_name": d.host,
    }
    record: dict[str, object] = {"@timestamp": d.iso(6)}
    if d.opts.get("collector") == "fluentd":
        kube["container_id"] = "cri-o://" + d.rand.hex(64)
        record.update(
            docker={"container_id": d.rand.hex(64)},
            hostname=node,
            kubernetes=kube,
            level="err",
            log_type="application",
            message=line,
            pipeline_metadata={
                "collector": {
                    "inputname": "fluent-plugin-systemd",
                    "name": "fluentd",
                    "received_at": d.iso(6),
                    "version": "1.16.2 1.6.0",
                }
            },
            viaq_msg_id=stable_hex(48, d.bug.id, d.index),
        )
    else:
        record.update(
            hostname=node,
            kubernetes=kube,
            level="error",
            log_source="container",
            log_type="application",
            message=line,
            openshift={"cluster_id": MH_CLUSTER, "sequence": d.rand.randint(10**6, 10**9)},
        )
    return _compact(record), {}


def mh_dd(d: Delivery) -> tuple[str, Fields]:
    """The container's line as the Datadog agent reads it (parsed into attributes)."""
    return _quarkus(d), {}


# --- mi: Sinatra + Sidekiq on Heroku --------------------------------------------------------------

MI_GEMS = "/app/vendor/bundle/ruby/{v}/gems/"


def _ruby_name(exc: Exc) -> str:
    return f"{exc.module}::{exc.type}" if exc.module else exc.type


def _ruby34(d: Delivery) -> bool:
    return d.service.runtime.startswith("ruby 3.4")


def _bt_line(d: Delivery, f: Frame) -> str:
    v = "3.4.0" if _ruby34(d) else "3.3.0"
    path = ("/app/" + f.file) if f.in_app else MI_GEMS.format(v=v) + f.file
    q = "'" if _ruby34(d) else "`"
    return f"{path}:{f.line}:in {q}{f.function}'"


def _backtrace(d: Delivery) -> list[str]:
    return [_bt_line(d, f) for f in reversed(d.thrown.frames)]


def _dyno(d: Delivery) -> str:
    kind = "worker" if d.service.framework == "sidekiq" else "web"
    return f"{kind}.{d.rand.randint(1, 3)}"


def _events(d: Delivery) -> list[str]:
    """What the dyno wrote, one line an event."""
    exc = d.thrown
    msg = exc.value.split("\n", 1)[0]
    if d.service.framework == "sidekiq":
        pid, tid = 4 + d.index % 3, d.rand.alnum(4, "abcdefghijklmnopqrstuvwxyz0123456789")
        ctx = {
            "context": "Job raised exception",
            "job": {
                "retry": True,
                "queue": str(d.opts.get("queue", "default")),
                "class": d.bug.entry,
                "args": [int(d.values["id"])],
                "jid": d.rand.hex(24),
                "created_at": round(d.when - 40, 3),
                "enqueued_at": round(d.when - 2, 3),
                "retry_count": d.index % 4,
            },
        }
        prefix = f"pid={pid} tid={tid} WARN: "
        bt = _backtrace(d)
        return [
            prefix + _compact(ctx),
            prefix + f"{_ruby_name(exc)}: {msg}",
            prefix + bt[0],
            *bt[1:],
        ]
    stamp = d.stamp("%Y-%m-%d %H:%M:%S")
    head = f"{stamp} - {_ruby_name(exc)} - {msg}:"
    return [head, *("\t" + line for line in _backtrace(d))]


def _frame(d: Delivery, dyno: str, line: str, counted: bool) -> str:
    syslog = f"<190>1 {d.iso(6, z=False)} host app {dyno} - {line}"
    return f"{len(syslog.encode())} {syslog}" if counted else syslog


def mi_drain(d: Delivery) -> tuple[str, Fields]:
    events = _events(d)
    dyno = _dyno(d)
    counted = d.index % 3 == 0
    part = str(d.opts.get("part", "all"))
    if part == "head":
        pick = events[1] if d.service.framework == "sidekiq" else events[0]
        return _frame(d, dyno, pick, counted), {}
    if part == "frame":
        idx = 2 if d.service.framework == "sidekiq" else 1
        return _frame(d, dyno, events[min(idx, len(events) - 1)], counted), {}
    limit = int(str(d.opts.get("limit", 40)))
    return "\n".join(_frame(d, dyno, e, counted) for e in events[:limit]), {}


def mi_dd(d: Delivery) -> tuple[str, Fields]:
    """The one event Datadog's log monitor matched (the syslog frame stripped)."""
    events = _events(d)
    return (events[1] if d.service.framework == "sidekiq" else events[0]), {}


FORMATS114: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "mg-gcp": mg_gcp,
    "mg-dd": mg_dd,
    "mh-ocp": mh_ocp,
    "mh-dd": mh_dd,
    "mi-drain": mi_drain,
    "mi-dd": mi_dd,
}
