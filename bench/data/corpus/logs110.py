"""blind110's log formats: Google Cloud Logging entries exported through a Pub/Sub sink and
Dataflow's Pub/Sub-to-Splunk template (the event is the ``LogEntry`` as JSON; with
``includePubsubMessage`` the whole Pub/Sub message, ``data`` holding the entry), and the same
entries as the Datadog GCP integration shows them (``{{log.message}}`` is the entry's text:
``textPayload``, ``jsonPayload.message``, or for loguru's records the ``text`` the team's
pipeline remaps to the message).

lu: a Node.js 20 Express API on App Engine standard (its stderr as ``textPayload``: Express'
default error handler writing ``err.stack``, or the first line alone where the stack was
split over entries; the request log's ``httpRequest`` with status 500) and Go 1.22 Cloud
Functions (2nd gen, so ``cloud_run_revision`` resources) writing structured JSON lines with
``severity``, ``message`` and ``stack_trace`` (``debug.Stack()`` output, as Error Reporting
reads it). lw: a FastAPI service on Cloud Run with loguru's ``serialize=True`` sink on stdout
(``jsonPayload.text`` and ``jsonPayload.record``; no ``severity`` key, so ``DEFAULT``), and
uvicorn's own ``Exception in ASGI application`` text on stderr.

``opts.kind``: ``first`` (a stack split over entries: the first line only), ``request`` (the
App Engine request log), ``uvicorn`` (lw's stderr text), ``wrap`` (the Pub/Sub envelope).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable

from .delivery import Delivery
from .model import Frame
from .rand import stable_hex
from .traces import go_debug_stack, node_stack, python_traceback

Fields = dict[str, str]
PROJECTS = {"lu": "northwold-energy-prod", "lw": "newbold-clinics-prod"}
_ID = "abcdefghijklmnopqrstuvwxyz0123456789"
FN_SRC = "/workspace/serverless_function_source_code/"
_HTTP = ("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


def _kind(d: Delivery) -> str:
    return str(d.opts.get("kind", ""))


def _entry(d: Delivery, resource: dict[str, object], log: str, payload: dict[str, object]) -> str:
    project = PROJECTS[d.company.key]
    entry: dict[str, object] = {"insertId": d.rand.alnum(14, _ID)}
    entry.update(payload)
    entry["resource"] = resource
    entry["timestamp"] = d.iso(9 if d.index % 2 else 6)
    lag = d.when + d.rand.uniform(0.05, 0.9)
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(lag))
    entry["receiveTimestamp"] = stamp + f"{lag % 1:.9f}"[1:] + "Z"
    entry["logName"] = f"projects/{project}/logs/{log}"
    if _kind(d) == "wrap":
        envelope = {
            "data": entry,
            "attributes": {"logging.googleapis.com/timestamp": d.iso(9)},
            "messageId": str(d.rand.randint(10**15, 9 * 10**15)),
            "publishTime": d.iso(3),
        }
        return _compact(envelope)
    return _compact(entry)


# --- lu: Express on App Engine standard, Go Cloud Functions ---------------------------------------


def _workspace_stack(d: Delivery) -> str:
    """``err.stack`` as Express' default handler writes it (the app deployed to /workspace)."""
    return node_stack(d.thrown, d.thrown.value).replace("/app/", "/workspace/")


def _gae_resource(d: Delivery) -> dict[str, object]:
    return {
        "type": "gae_app",
        "labels": {
            "module_id": d.service.name,
            "project_id": PROJECTS["lu"],
            "version_id": d.company.releases[d.release].replace(".", "-"),
            "zone": "europe-west2-1",
        },
    }


def _function_resource(d: Delivery) -> dict[str, object]:
    name = d.service.name
    return {
        "type": "cloud_run_revision",
        "labels": {
            "configuration_name": name,
            "location": "europe-west2",
            "project_id": PROJECTS["lu"],
            "revision_name": f"{name}-{d.release + 41:05d}-{stable_hex(3, name, d.release)}",
            "service_name": name,
        },
    }


def _go_stack(d: Delivery) -> str:
    """The team's ``logErr`` helper attaches ``debug.Stack()``: for a recovered panic the
    panicking frames, for an error the helper's own call path."""
    exc = d.thrown
    helper = Frame("logErr", FN_SRC + "log.go", 22, "northwold.example/fn", False)
    if exc.type.startswith("runtime."):
        return go_debug_stack(exc, d.rand.randint(8, 90), (helper,))
    lines = [f"goroutine {d.rand.randint(8, 90)} [running]:", "runtime/debug.Stack()"]
    lines.append("\t/usr/local/go/src/runtime/debug/stack.go:26 +0x5e")
    # The error has returned up to the handler that logs it: the stack ends there.
    frames = list(exc.frames)
    first_app = next((i for i, f in enumerate(frames) if f.in_app), len(frames) - 1)
    for f in (helper, *reversed(frames[: first_app + 1])):
        lines.append(f"{f.module}.{f.function}(...)")
        lines.append(f"\t{f.file}:{f.line}")
    return "\n".join(lines)


def _go_message(d: Delivery) -> str:
    msg = str(d.opts.get("msg", d.bug.log or "function failed"))
    return f"{d.values.fill(msg)}: {d.thrown.value}"


def lu_gcp(d: Delivery) -> tuple[str, Fields]:
    """What Splunk receives for lu: the App Engine text line or request log, or the
    function's structured entry."""
    if d.service.platform == "go":
        payload: dict[str, object] = {
            "jsonPayload": {
                "message": _go_message(d),
                "stack_trace": _go_stack(d),
                "function": d.service.name,
            },
            "severity": "ERROR",
            "labels": {"instanceId": "00" + stable_hex(60, d.service.name, d.index)},
        }
        return _entry(d, _function_resource(d), "run.googleapis.com%2Fstderr", payload), {}
    if _kind(d) == "request":
        method = d.bug.entry.split(" ", 1)[0] if d.bug.entry.startswith(_HTTP) else "GET"
        latency = f"{d.rand.randint(20, 2_900) / 1000}s"
        payload = {
            "protoPayload": {
                "@type": "type.googleapis.com/google.appengine.logging.v1.RequestLog",
                "appId": f"e~{PROJECTS['lu']}",
                "versionId": d.company.releases[d.release].replace(".", "-"),
                "method": method,
                "resource": d.request_path,
                "status": 500,
                "latency": latency,
                "instanceId": "00c61b117c" + stable_hex(40, d.host),
                "first": True,
                "finished": True,
            },
            "httpRequest": {
                "requestMethod": method,
                "requestUrl": d.request_path,
                "status": 500,
                "responseSize": str(d.rand.randint(20, 200)),
                "userAgent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36",
                "remoteIp": f"81.{d.rand.randint(2, 250)}.{d.rand.randint(0, 255)}.{d.index + 2}",
                "latency": latency,
            },
            "severity": "ERROR",
            "trace": f"projects/{PROJECTS['lu']}/traces/{d.rand.hex(32)}",
        }
        return _entry(d, _gae_resource(d), "appengine.googleapis.com%2Frequest_log", payload), {}
    text = _workspace_stack(d)
    if _kind(d) == "first":
        text = text.split("\n", 1)[0]
    payload = {
        "textPayload": text,
        "labels": {"clone_id": "00c61b117c" + stable_hex(40, d.host)},
        "trace": f"projects/{PROJECTS['lu']}/traces/{d.rand.hex(32)}",
    }
    return _entry(d, _gae_resource(d), "stderr", payload), {}


def lu_dd(d: Delivery) -> tuple[str, Fields]:
    """The entry's message as Datadog's GCP integration shows it."""
    if d.service.platform == "go":
        return _go_message(d), {}
    text = _workspace_stack(d)
    return (text.split("\n", 1)[0] if _kind(d) == "first" else text), {}


# --- lw: FastAPI on Cloud Run with loguru -------------------------------------------------------


def _run_resource(d: Delivery) -> dict[str, object]:
    name = d.service.name
    return {
        "type": "cloud_run_revision",
        "labels": {
            "configuration_name": name,
            "location": "europe-west1",
            "project_id": PROJECTS["lw"],
            "revision_name": f"{name}-{d.release + 118:05d}-{stable_hex(3, name, d.release)}",
            "service_name": name,
        },
    }


def _py312(text: str) -> str:
    """The shared renderers' paths are CPython 3.11's; this service runs 3.12."""
    return text.replace("/python3.11/", "/python3.12/")


def _uvicorn(d: Delivery) -> str:
    return _py312("ERROR:    Exception in ASGI application\n" + python_traceback(d.chain))


def _loguru(d: Delivery) -> dict[str, object]:
    from .logs import loguru_json  # the shared loguru renderer (logs.py imports this module)

    record = json.loads(loguru_json(d)[0])
    record["text"] = _py312(record["text"])
    return record


def lw_gcp(d: Delivery) -> tuple[str, Fields]:
    labels = {"instanceId": "0069c7a988" + stable_hex(60, d.host, d.index)}
    if _kind(d) == "uvicorn":
        payload: dict[str, object] = {"textPayload": _uvicorn(d), "severity": "ERROR"}
        payload["labels"] = labels
        return _entry(d, _run_resource(d), "run.googleapis.com%2Fstderr", payload), {}
    payload = {"jsonPayload": _loguru(d), "labels": labels}
    return _entry(d, _run_resource(d), "run.googleapis.com%2Fstdout", payload), {}


def lw_dd(d: Delivery) -> tuple[str, Fields]:
    if _kind(d) == "uvicorn":
        return _uvicorn(d), {}
    return str(_loguru(d)["text"]).rstrip("\n"), {}


FORMATS110: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "lu-gcp": lu_gcp,
    "lu-dd": lu_dd,
    "lw-gcp": lw_gcp,
    "lw-dd": lw_dd,
}
