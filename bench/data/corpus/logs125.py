"""blind125's log formats.

nn: Spring Boot 3.3 services on AKS writing Spring Boot's default console pattern (logback,
``2026-03-04T10:15:30.123Z ERROR 1 --- [app] [thread] logger : message`` and the multi-line
trace below). Azure Monitor Container Insights collects stdout into the ``ContainerLogV2``
table; a Log Analytics data export rule streams the table to an Event Hub, whose messages are
Azure's ``{"records": [...]}`` batches; the Splunk Add-on for Microsoft Cloud Services reads the
hub and indexes each message as one ``mscs:azure:eventhub`` event (``body`` the batch, the
``x-opt-*`` system properties beside it). Before multi-line logging was switched on (the first
release) every console line was its own record, so a batch holds the head line and the first
``at`` lines, or the exception line and ``at`` lines without the head; afterwards a whole trace
is one record's ``LogMessage``.
The Datadog Agent on the same nodes tails the containers with multi-line detection: the log's
message is the whole event.

no: Go services on DigitalOcean Kubernetes logging zerolog JSON (``.Stack().Err(err)`` with
``pkgerrors.MarshalStack``). Fluent Bit (tail + CRI parser + the kubernetes filter) posts to
Splunk HEC with ``splunk_send_raw off``: the event is the record, ``log`` the line as written
(``Merge_Log Off``, the first release) or the zerolog fields merged into the record
(``Merge_Log On``, ``Keep_Log Off``); Go's own panic dump on stderr is joined by the ``go``
multi-line parser into one ``log``. Fluent Bit's datadog output sends the same record; the
Datadog pipeline parses the zerolog JSON into attributes.

np: a React 18 SPA (webpack 5) posting its error boundary's and ``window.onerror``'s reports to
the team's ``/api/client-errors`` beacon, which writes them to Splunk HEC; the Datadog Browser
Logs SDK with ``forwardErrorsToLogs`` (``error.kind``/``error.message``/``error.stack``, the
``view``, ``origin``).
"""

# Log lines are built whole, however long.
# ruff: noqa: E501

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .rand import stable_hex, stable_int
from .traces import browser_stack, go_panic, java_trace

Fields = dict[str, str]


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


# --- nn: Spring Boot console lines through ContainerLogV2 and an Event Hub ----------------------


def _abbreviate(logger: str, width: int = 39) -> str:
    parts = logger.split(".")
    for i in range(len(parts) - 1):
        if len(".".join(parts)) <= width:
            break
        parts[i] = parts[i][0]
    return ".".join(parts)


def nn_console(d: Delivery) -> str:
    """Spring Boot 3.3's console pattern with ``spring.application.name`` set; Tomcat's
    ``with root cause`` line prints the root cause alone."""
    thread = str(d.opts.get("thread", f"nio-8080-exec-{d.rand.randint(1, 10)}"))
    head = (
        f"{d.iso(3)} ERROR 1 --- [{d.service.name}] [{thread[-15:]:>15}] "
        f"{_abbreviate(d.logger):<40} : {d.log_message}"
    )
    chain = d.chain[:1] if "with root cause" in d.log_message else d.chain
    return head + "\n" + java_trace(chain)


def _record(d: Delivery, message: str, n: int) -> dict[str, object]:
    svc = d.service.name
    node = f"aks-apppool-{stable_hex(8, d.company.key, 'vmss')}-vmss{stable_int('node', d.host) % 6:06d}"
    return {
        "TenantId": "6f1c2a7e-93d4-4b0e-8c51-2de7a04b9f13",
        "TimeGenerated": d.iso(3)[:-1] + f"{n:04d}Z",
        "Computer": node,
        "ContainerId": stable_hex(64, d.company.key, d.host),
        "ContainerName": svc,
        "PodName": d.host,
        "PodNamespace": "lettings",
        "LogMessage": message,
        "LogSource": "stdout",
        "LogLevel": "ERROR" if n == 0 else "UNKNOWN",
        "KubernetesMetadata": {
            "image": f"quernmoreacr.azurecr.io/lettings/{svc}",
            "imageTag": d.company.releases[d.release],
            "podLabels": {"app": svc, "pod-template-hash": d.host.rsplit("-", 2)[1]},
            "podUid": d.values["uuid"],
        },
        "SourceSystem": "Container",
        "Type": "ContainerLogV2",
        "_ResourceId": "/subscriptions/0b7e4c19-2f6a-4d83-a1c5-93e8d7f20b64/resourcegroups/rg-lettings-prod/providers/microsoft.containerservice/managedclusters/aks-lettings-prod",
    }


def nn_ehub(d: Delivery) -> tuple[str, Fields]:
    """The add-on's event: the hub message's body (a ``records`` batch) and its properties."""
    text = nn_console(d)
    split = d.opts.get("split")
    if split:
        lines = text.split("\n")
        # "tail": the next hub message, the head line having gone out in the one before: the
        # exception line and the ``at`` lines after it.
        lines = lines[1:13] if split == "tail" else lines[:9]
        records = [_record(d, line, i) for i, line in enumerate(lines)]
    else:
        records = [_record(d, text, 0)]
    event = {
        "body": {"records": records},
        "x-opt-sequence-number": d.rand.randint(1_000_000, 9_999_999),
        "x-opt-offset": str(d.rand.randint(10**9, 9 * 10**10)),
        "x-opt-enqueued-time": d.epoch_ms + d.rand.randint(40_000, 180_000),
    }
    return _compact(event), {"host": "quernmore-logs.servicebus.windows.net"}


def nn_dd(d: Delivery) -> tuple[str, Fields]:
    """The Datadog Agent's container log: the whole multi-line event."""
    return nn_console(d), {}


# --- no: zerolog JSON through Fluent Bit -------------------------------------------------------

HTTP_VERBS = ("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")


def _zerolog(d: Delivery) -> dict[str, object]:
    record: dict[str, object] = {
        "level": "error",
        "service": d.service.name,
        "time": d.iso(3).replace(".000", "") if d.index % 2 else d.iso(0),
    }
    if not d.opts.get("nostack") and any(e.frames for e in d.chain):
        record["stack"] = [
            {"func": f.function, "line": str(f.line), "source": f.file.rsplit("/", 1)[-1]}
            for f in reversed(d.frames)
        ]
    record["error"] = d.thrown.value
    entry = d.bug.entry
    if entry.startswith(HTTP_VERBS):
        record["request_id"] = d.rand.alnum(20, "abcdefghijklmnopqrstuv0123456789")
        record["method"] = entry.split(" ", 1)[0]
        record["path"] = d.request_path
        record["status"] = int(str(d.opts.get("status", 500)))
    elif entry:
        record["subject"] = entry
        record["delivery"] = d.rand.randint(1, 5)
    record["caller"] = str(d.opts.get("caller", "/app/internal/httpx/respond.go:41"))
    record["message"] = d.values.fill(str(d.opts.get("msg", d.bug.log or "request failed")))
    return record


def _zerolog_line(d: Delivery) -> str:
    if d.opts.get("panic"):
        remote = f"{d.values['ip']}:{d.values['port']}"
        return go_panic(d.thrown, d.rand.randint(200, 99_999), remote, d.stamp("%Y/%m/%d %H:%M:%S"))
    return _compact(_zerolog(d))


def _fluentbit(d: Delivery, line: str) -> dict[str, object]:
    svc = d.service.name
    record: dict[str, object] = {
        "time": d.iso(9),
        "stream": "stderr",
        "_p": "F",
    }
    merged = d.opts.get("merged", d.release > 0) and not d.opts.get("panic")
    if merged:
        record.update(_zerolog(d))
    else:
        record["log"] = line
    record["kubernetes"] = {
        "pod_name": d.host,
        "namespace_name": "dispatch",
        "pod_id": d.values["uuid"],
        "labels": {"app.kubernetes.io/name": svc, "pod-template-hash": d.host.rsplit("-", 2)[1]},
        "host": f"pool-dispatch-{d.rand.alnum(5, 'bcdfghjklmnpqrstvwxz2456789')}",
        "container_name": svc,
        "docker_id": stable_hex(64, d.company.key, d.host),
        "container_image": f"registry.digitalocean.com/quedgeley/{svc}:{d.company.releases[d.release]}",
    }
    return record


def no_hec(d: Delivery) -> tuple[str, Fields]:
    """Fluent Bit's splunk output: the record as the HEC event."""
    return _compact(_fluentbit(d, _zerolog_line(d))), {}


def no_dd(d: Delivery) -> tuple[str, Fields]:
    """What the Datadog pipeline parses: the zerolog line (a panic: the joined dump)."""
    return _zerolog_line(d), {}


# --- np: a React SPA's beacon to HEC and the Browser Logs SDK --------------------------------

_UA = {
    "chrome": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
    "edge": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.67",
    "firefox": "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0",
    "safari": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Safari/605.1.15",
}


def _component_stack(d: Delivery) -> str:
    """React 18's ``componentStack`` in production: minified component names and the chunk
    positions (V8 style on every engine)."""
    names = str(d.opts.get("components", "Checkout Suspense Routes App")).split()
    url = d.values.fill("{chunkurl}")
    return "".join(f"\n    at {n} ({url}:1:{1000 + 137 * i})" for i, n in enumerate(names))


def np_beacon(d: Delivery) -> tuple[str, Fields]:
    exc = d.thrown
    stack = browser_stack(exc, exc.value, d.engine, d.service.origin, d.company.key, d.release)
    kind = str(d.opts.get("kind", "boundary"))
    record: dict[str, object] = {
        "kind": kind,
        "name": exc.type,
        "message": exc.value,
        "stack": stack,
    }
    if kind == "boundary":
        record["componentStack"] = _component_stack(d)
    record.update(
        href=d.service.origin + (d.bug.page or "/"),
        ua=_UA.get(d.browser, _UA["chrome"]),
        release=d.company.releases[d.release],
        sid=d.rand.uuid(),
        ts=d.epoch_ms,
    )
    return _compact(record), {"kind": kind}


def np_ddlogs(d: Delivery) -> tuple[str, Fields]:
    """The Browser Logs SDK's forwarded error as the log's attributes."""
    exc = d.thrown
    stack = browser_stack(exc, exc.value, d.engine, d.service.origin, d.company.key, d.release)
    record = {
        "date": d.epoch_ms,
        "message": exc.value,
        "status": "error",
        "origin": "source",
        "error": {"kind": exc.type, "message": exc.value, "stack": stack, "handling": "unhandled"},
        "view": {"url": d.service.origin + (d.bug.page or "/"), "referrer": d.service.origin + "/"},
        "service": d.service.name,
        "version": d.company.releases[d.release],
        "session_id": d.rand.uuid(),
        "http": {"useragent": _UA.get(d.browser, _UA["chrome"])},
    }
    return _compact(record), {}


FORMATS125: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "nn-ehub": nn_ehub,
    "nn-dd": nn_dd,
    "no-hec": no_hec,
    "no-dd": no_dd,
    "np-beacon": np_beacon,
    "np-ddlogs": np_ddlogs,
}

__all__ = ["FORMATS125"]
