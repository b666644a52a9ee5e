"""blind116's log formats.

mm: a Rails 7.1 app (Puma) and Sidekiq 7 workers on Kubernetes. The web pods write lograge's
JSON request line (``method``, ``path``, ``format``, ``controller``, ``action``, ``status``,
``error`` as ``Class: message``, ``duration``, ``view``, ``db``, the team's ``request_id``)
and Rails' own multi-line FATAL record from ``ActionDispatch::DebugExceptions`` (the
``Logger::Formatter`` head, then each line with the request-id tag); the container runtime
splits it one record a line. Fluentd (``in_tail`` with the CRI parser, the
kubernetes_metadata filter, fluent-plugin-splunk-hec) posts each record to HEC as the event:
``log``, ``stream``, ``logtag``, ``kubernetes``. The Datadog Agent reads the same files:
with ``auto_multi_line_detection`` the FATAL block arrives whole, without it one line an
event (the ``Class (message):`` line, or a lone backtrace line). ``opts.kind``: ``lograge``,
``head`` (the ``Class (message):`` line), ``frame`` (one backtrace line), ``block`` (the
whole FATAL record), ``sidekiq`` (the error handler's ``WARN: Class: message`` line).

mn: Go gRPC services on GKE writing zap's production JSON to stderr (``level``, ``ts``,
``caller``, ``msg``, ``error``; ``errorVerbose`` where the error formats itself with ``%+v``,
as github.com/pkg/errors' do; ``stacktrace`` at error level). Cloud Logging keeps the record
as ``jsonPayload`` of a ``k8s_container`` entry; a log sink exports to Pub/Sub, and Dataflow's
Pub/Sub-to-Splunk template posts the ``LogEntry`` (or, with ``includePubsubMessage``, the
Pub/Sub message with the entry in ``data``). A panic that escapes a goroutine is Go's text on
stderr, one entry a line (``textPayload``). Datadog's GCP integration keeps the entry under
``data``.

mo: a React Native app. Its JS error boundary also posts each report to the team's
``mobile-bff`` (Node, pino), whose line reaches Splunk HEC (``err.stack`` the raw Hermes or
JSC stack). @datadog/mobile-react-native's ``DdLogs.error(message, kind, message, stack)``
sends the log to Datadog (``error.kind``/``error.message``/``error.stack`` attributes).
"""

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .rand import stable_hex
from .traces import pkg_errors_verbose, rn_stack, ruby_backtrace, zap_stacktrace

Fields = dict[str, str]
_ID = "abcdefghijklmnopqrstuvwxyz0123456789"


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


# --- mm: Rails 7.1 + Sidekiq 7 on Kubernetes ------------------------------------------------------


def _mm_request_id(d: Delivery) -> str:
    return d.rand.uuid()


def _mm_lograge(d: Delivery) -> str:
    exc = d.thrown
    method, _, _ = d.bug.entry.partition(" ")
    ctrl, _, action = str(d.opts.get("action", "ApplicationController#index")).partition("#")
    record = {
        "method": method,
        "path": d.request_path,
        "format": "json" if "/api/" in d.request_path else "html",
        "controller": ctrl,
        "action": action,
        "status": 500,
        "error": f"{exc.type}: {exc.value.splitlines()[0]}",
        "duration": round(d.rand.uniform(8, 2400), 2),
        "view": 0.0,
        "db": round(d.rand.uniform(0.4, 90), 2),
        "request_id": _mm_request_id(d),
    }
    return _compact(record)


def _mm_fatal(d: Delivery) -> list[str]:
    """Rails 7.1's DebugExceptions record, one physical line each, the tag on every line."""
    tag = f"[{_mm_request_id(d)}]"
    exc = d.thrown
    first = exc.value.splitlines()[0] if exc.value else ""
    return [
        f"F, [{d.iso(6, z=False)[:-6]} #1] FATAL -- : {tag}   ",
        f"{tag} {exc.type} ({first}):",
        f"{tag}   ",
        *(f"{tag} {line}" for line in ruby_backtrace(exc)),
    ]


def _mm_sidekiq(d: Delivery) -> str:
    exc = d.thrown
    first = exc.value.splitlines()[0] if exc.value else ""
    jid = d.rand.hex(24)
    return (
        f"{d.iso(3)} pid=1 tid={d.rand.alnum(4)} class={d.bug.entry} jid={jid} "
        f"WARN: {exc.type}: {first}"
    )


def _mm_line(d: Delivery) -> str:
    kind = str(d.opts.get("kind", "lograge"))
    if kind == "lograge":
        return _mm_lograge(d)
    if kind == "sidekiq":
        return _mm_sidekiq(d)
    lines = _mm_fatal(d)
    if kind == "head":
        return lines[1]
    if kind == "frame":
        return lines[3 + int(str(d.opts.get("depth", 0)))]
    return "\n".join(lines)


def mm_fluentd(d: Delivery) -> tuple[str, Fields]:
    """fluent-plugin-splunk-hec's event: the tailed record after the kubernetes filter."""
    container = "sidekiq" if d.service.framework == "sidekiq" else "web"
    ns = "redmire-prod"
    record = {
        "log": _mm_line(d),
        "stream": "stdout",
        "logtag": "F",
        "kubernetes": {
            "pod_name": d.host,
            "namespace_name": ns,
            "pod_id": d.rand.uuid(),
            "labels": {"app": d.service.name, "pod-template-hash": d.host.split("-")[-2]},
            "host": f"ip-10-20-{d.rand.randint(0, 63)}-{d.rand.randint(2, 250)}"
            ".eu-west-2.compute.internal",
            "container_name": container,
            "docker_id": d.rand.hex(64),
            "container_image": "123456789012.dkr.ecr.eu-west-2.amazonaws.com/redmire/"
            f"{d.service.name}:{d.company.releases[d.release]}",
        },
    }
    return _compact(record), {
        "kubernetes.namespace_name": ns,
        "kubernetes.container_name": container,
    }


def mm_dd(d: Delivery) -> tuple[str, Fields]:
    """The line (or the aggregated block) as the Datadog Agent collected it."""
    return _mm_line(d), {}


# --- mn: Go gRPC on GKE, zap JSON, Cloud Logging -----------------------------------------------

MN_PROJECT = "rillington-energy-prod"


def _zap(d: Delivery) -> dict[str, object]:
    """The stack of the log call: the error's frames up to the last of the service's own."""
    frames = d.frames
    own = [i for i, f in enumerate(frames) if f.in_app]
    frames = frames[: own[-1] + 1] if own else frames
    caller = frames[-1]
    record: dict[str, object] = {
        "level": "error",
        "ts": round(d.when, 6),
        "caller": "/".join(caller.file.split("/")[-2:]) + f":{caller.line}",
        "msg": str(d.opts.get("msg", d.bug.log or "request failed")),
    }
    if d.bug.entry.startswith("/"):
        record["grpc.method"] = d.bug.entry.rsplit("/", 1)[-1]
        record["grpc.service"] = d.bug.entry.strip("/").split("/")[0]
    record["error"] = d.thrown.value
    if any(e.type.startswith("*errors.") for e in d.chain):
        record["errorVerbose"] = pkg_errors_verbose(d.chain)
    record["stacktrace"] = zap_stacktrace(frames)
    return record


def _mn_entry(d: Delivery) -> dict[str, object]:
    name = d.service.name
    entry: dict[str, object] = {"insertId": d.rand.alnum(16, _ID)}
    if d.opts.get("kind") == "panic":
        entry["textPayload"] = f"panic: {d.thrown.value}"
    else:
        entry["jsonPayload"] = _zap(d)
    entry["resource"] = {
        "type": "k8s_container",
        "labels": {
            "cluster_name": "prod-europe-west2",
            "container_name": name,
            "location": "europe-west2",
            "namespace_name": "energy",
            "pod_name": d.host,
            "project_id": MN_PROJECT,
        },
    }
    entry["timestamp"] = d.iso(9)
    entry["severity"] = "ERROR"
    entry["labels"] = {
        "compute.googleapis.com/resource_name": "gke-prod-europe-west2-pool-"
        f"{stable_hex(8, d.host)}-{d.rand.alnum(4, _ID)}",
        "k8s-pod/app": name,
        "k8s-pod/pod-template-hash": d.host.split("-")[-2],
    }
    entry["logName"] = f"projects/{MN_PROJECT}/logs/stderr"
    entry["receiveTimestamp"] = d.iso(9)
    return entry


def mn_gcp(d: Delivery) -> tuple[str, Fields]:
    entry = _mn_entry(d)
    if d.opts.get("wrap"):
        message = {
            "data": entry,
            "attributes": {"logging.googleapis.com/timestamp": d.iso(9)},
            "messageId": str(d.rand.randint(10**15, 9 * 10**15)),
            "publishTime": d.iso(3),
        }
        return _compact(message), {}
    return _compact(entry), {}


def mn_dd(d: Delivery) -> tuple[str, Fields]:
    """The entry as Datadog's GCP integration keeps it: the LogEntry under ``data``."""
    return _compact({"data": _mn_entry(d)}), {}


# --- mo: React Native app errors via the BFF (pino) and DdLogs -----------------------------------


def _mo_device(d: Delivery) -> str:
    return d.browser if d.browser in ("android", "ios", "ios-jsc") else "android"


def _mo_stack(d: Delivery) -> str:
    exc = d.thrown
    return rn_stack(exc, exc.value, _mo_device(d), "RunswickShop", d.release)


def mo_bff(d: Delivery) -> tuple[str, Fields]:
    exc = d.thrown
    device = _mo_device(d)
    record = {
        "level": 50,
        "time": d.epoch_ms,
        "pid": 1,
        "hostname": d.pod("mobile-bff"),
        "req": {"id": d.rand.uuid(), "method": "POST", "url": "/v1/client-errors"},
        "platform": "android" if device == "android" else "ios",
        "appVersion": d.release_name.split("@", 1)[-1],
        "screen": d.bug.page,
        "err": {"type": exc.type, "message": exc.value, "stack": _mo_stack(d)},
        "msg": "client error reported",
    }
    return _compact(record), {"level": "50", "msg": "client error reported"}


def mo_ddlogs(d: Delivery) -> tuple[str, Fields]:
    exc = d.thrown
    record = {
        "message": f"{d.bug.page}: {exc.type}",
        "status": "error",
        "service": "uk.runswick.shop",
        "ddsource": "react-native",
        "error": {"kind": exc.type, "message": exc.value, "stack": _mo_stack(d)},
        "session_id": d.rand.uuid(),
        "version": d.release_name.split("@", 1)[-1],
    }
    return _compact(record), {}


FORMATS116: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "mm-fluentd": mm_fluentd,
    "mm-dd": mm_dd,
    "mn-gcp": mn_gcp,
    "mn-dd": mn_dd,
    "mo-bff": mo_bff,
    "mo-ddlogs": mo_ddlogs,
}
