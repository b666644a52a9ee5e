"""blind106's log formats: containers on Kubernetes (containerd) whose stdout and stderr
Splunk Connect for Kubernetes reads from ``/var/log/containers`` with Fluentd and sends to
Splunk HEC; the Datadog agent reads the same files.

The kubelet writes each line in the CRI format, ``<RFC 3339 nano time> <stream> <tag>
<line>``: tag ``F`` for a full line, ``P`` for a partial one (containerd cuts a line longer
than its buffer and writes the rest as the next record). SCK's CRI parser strips the prefix
and its ``concat`` filter joins ``P`` records with the ``F`` that ends them, so ``_raw`` is the
container's own line; ``opts.kind``:

- ``json`` (the default): the container's line, the parser and concat filter working;
- ``cri``: a node pool whose SCK values still said ``logFormatType: json`` (Docker's), so the
  CRI line reaches Splunk whole, prefix and all;
- ``partial``: on that node pool a long line's first record (``P``), cut at ``opts.cut``
  characters (default 900: much shorter than containerd's 16 KiB buffer, to keep the rows
  short);
- ``rest``: the record that ends it (``F``), starting mid-line.

Index-time fields as SCK attaches them: ``kubernetes.pod_name``,
``kubernetes.namespace_name``, ``kubernetes.container_name``, ``container_image``,
``cluster_name``.

li: zap's production JSON (``level``, ``ts``, ``caller``, ``msg``, the team's fields,
``error`` as the error's string, ``stacktrace``), on stderr. lk: python-json-logger's
``JsonFormatter("%(asctime)s %(levelname)s %(name)s %(message)s")`` on Django 5 under
gunicorn, on stdout; ``django.request`` records carry ``status_code`` and the request as
``str()`` (python-json-logger's encoder falls back to it).
"""

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .rand import stable_hex
from .traces import python_traceback, zap_stacktrace

Fields = dict[str, str]
_HTTP = ("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")
CLUSTERS = {"li": "zeals-prod-euw1", "lk": "zinclane-prod"}
NAMESPACES = {"li": "parcels", "lk": "backoffice"}
IMAGES = {"li": "registry.zeals.example/parcels/", "lk": "registry.zinclane.example/bo/"}


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


def _cri_time(d: Delivery) -> str:
    """The kubelet's RFC 3339 time with nanoseconds."""
    return d.stamp("%Y-%m-%dT%H:%M:%S") + f".{d.rand.randint(0, 999_999_999):09d}Z"


def _sck(d: Delivery, line: str, stream: str) -> tuple[str, Fields]:
    key = d.company.key
    fields = {
        "kubernetes.pod_name": d.host,
        "kubernetes.namespace_name": str(d.opts.get("namespace", NAMESPACES.get(key, key))),
        "kubernetes.container_name": d.service.name,
        "container_image": f"{IMAGES.get(key, '')}{d.service.name}:{d.company.releases[d.release]}",
        "cluster_name": CLUSTERS.get(key, key + "-prod"),
        "container_id": stable_hex(64, key, d.host),
    }
    kind = str(d.opts.get("kind", "json"))
    if kind == "json":
        return line, fields
    cut = int(str(d.opts.get("cut", 900)))
    if kind == "partial" and len(line) > cut:
        return f"{_cri_time(d)} {stream} P {line[:cut]}", {**fields, "logtag": "P"}
    if kind == "rest" and len(line) > cut:
        return f"{_cri_time(d)} {stream} F {line[cut:]}", {**fields, "logtag": "F"}
    return f"{_cri_time(d)} {stream} F {line}", {**fields, "logtag": "F"}


# --- li: zap production JSON --------------------------------------------------------------------


def _zap(d: Delivery) -> dict[str, object]:
    frames = d.frames
    caller = frames[-1] if frames else None
    record: dict[str, object] = {"level": "error", "ts": round(d.when, 6)}
    if caller is not None:
        record["caller"] = "/".join(caller.file.split("/")[-2:]) + f":{caller.line}"
    record["msg"] = str(d.opts.get("msg", d.bug.log or "request failed"))
    if d.bug.entry.startswith(_HTTP):
        record.update(
            method=d.bug.entry.split(" ", 1)[0],
            path=d.request_path,
            request_id=f"{d.host}/{d.rand.alnum(10)}-{d.rand.randint(1, 999_999):06d}",
        )
    elif d.bug.entry:
        record.update(subject=d.bug.entry, stream=str(d.opts.get("js", "SCANS")))
    record["dd.trace_id"] = str(d.rand.randint(10**18, 9 * 10**18))
    record["dd.span_id"] = str(d.rand.randint(10**18, 9 * 10**18))
    if d.chain:
        record["error"] = d.thrown.value
    if frames:
        record["stacktrace"] = zap_stacktrace(frames)
    return record


def li_sck_zap(d: Delivery) -> tuple[str, Fields]:
    return _sck(d, _compact(_zap(d)), "stderr")


def li_zap_dd(d: Delivery) -> tuple[str, Fields]:
    """What the Datadog agent keeps: the zap line, parsed as JSON."""
    return _compact(_zap(d)), {}


# --- lk: python-json-logger on Django ------------------------------------------------------------


def _pyjson(d: Delivery) -> dict[str, object]:
    record: dict[str, object] = {
        "asctime": d.stamp("%Y-%m-%d %H:%M:%S") + "," + d.millis,
        "levelname": "ERROR",
        "name": d.logger,
    }
    if d.logger == "django.request":
        record["message"] = f"Internal Server Error: {d.request_path}"
    else:
        record["message"] = d.log_message
    if d.chain:
        record["exc_info"] = python_traceback(d.chain)
    if d.logger == "django.request":
        method = d.bug.entry.split(" ", 1)[0] if " " in d.bug.entry else "GET"
        record["status_code"] = 500
        record["request"] = f"<WSGIRequest: {method} '{d.request_path}'>"
    elif d.bug.entry and not d.bug.entry.startswith(_HTTP):
        record["command"] = d.bug.entry
    return record


def lk_sck_pyjson(d: Delivery) -> tuple[str, Fields]:
    return _sck(d, json.dumps(_pyjson(d)), "stdout")


def lk_pyjson_dd(d: Delivery) -> tuple[str, Fields]:
    return json.dumps(_pyjson(d)), {}


FORMATS106: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "li-sck-zap": li_sck_zap,
    "li-zap-dd": li_zap_dd,
    "lk-sck-pyjson": lk_sck_pyjson,
    "lk-pyjson-dd": lk_pyjson_dd,
}
