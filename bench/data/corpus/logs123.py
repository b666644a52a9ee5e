"""blind123's log formats.

nh: Rust actix-web 4 services on Kubernetes logging tracing-bunyan-formatter's JSON (``v``,
``name``, ``msg``, ``level`` as bunyan's numbers, ``hostname``, ``pid``, ``time``, ``target``,
``line``, ``file``, the span's fields; ``[HTTP REQUEST - EVENT]`` for the app's own
``tracing::error!(error = ?e, ...)`` inside tracing-actix-web's root span, ``[HTTP REQUEST -
END]`` with the root span's ``exception.message``/``exception.details`` when the response was a
5xx). Fluentd (in_tail, the kubernetes_metadata filter) posts the whole record with fluent-plugin-
splunk-hec (``log`` the bunyan line, ``stream``, ``kubernetes``, ``docker``). Panics go to stderr
with ``RUST_BACKTRACE=1`` and no multi-line rule: every stderr line is its own event (the
``thread '...' panicked at file:line:col:`` head, the payload line, one backtrace line). The
Datadog Agent parses the JSON lines into attributes and keeps a panic's lines one a log.

ni: Python 3.12 aiohttp and confluent-kafka consumers on OpenShift with python-json-logger
(``asctime``, ``levelname``, ``name``, ``message``, ``exc_info`` the formatted traceback, the
record's extras). Splunk Connect for OpenShift (Fluentd, ``splunk-kubernetes-logging``) sends the
line as the HEC event with ``namespace``, ``pod``, ``container_name``, ``container_id`` and
``cluster_name`` as indexed fields, sourcetype ``kube:container:<container>``; the Datadog Agent
parses the line into attributes.

nj: an Electron 30 desktop app's main process logging through electron-log 5, whose remote
transport posts ``{"client": {...}, "data": [...], "date", "level", "scope", "variables"}`` to
the team's log relay; the relay writes the body to Splunk HEC as the event and maps it onto
Datadog's standard attributes (``error.kind``/``error.message``/``error.stack``) for the HTTP
intake.
"""

# Log lines are built whole, however long.
# ruff: noqa: E501

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from .delivery import Delivery
from .model import Exc
from .rand import stable_hex
from .traces import node_stack, python_traceback, rust_panic_location, rust_std_backtrace

Fields = dict[str, str]


def _compact(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


# --- nh: actix-web on tracing-bunyan-formatter, Fluentd to HEC ---------------------------------


def anyhow_debug(chain: Sequence[Exc], backtrace: bool) -> str:
    """anyhow's ``{:?}``: the outermost context, ``Caused by:`` the rest (numbered when more
    than one), ``Stack backtrace:`` where the environment enabled it."""
    top = chain[-1]
    causes = [e.value for e in reversed(chain[:-1])]
    out = top.value
    if len(causes) == 1:
        out += "\n\nCaused by:\n    " + causes[0]
    elif causes:
        out += "\n\nCaused by:\n" + "\n".join(f"{i:>5}: {c}" for i, c in enumerate(causes))
    if backtrace and top.frames:
        out += "\n\nStack backtrace:\n" + rust_std_backtrace(top.frames)
    return out


def _bunyan(d: Delivery) -> str:
    svc = d.service.name
    route = d.bug.entry.split(" ", 1)
    method, path = (route[0], route[1]) if len(route) == 2 else ("POST", "/")
    span = {
        "http.method": method,
        "http.route": path,
        "http.target": d.request_path,
        "http.scheme": "http",
        "http.host": f"{svc}.fleet.svc.cluster.local:8080",
        "http.user_agent": "okhttp/4.12.0",
        "http.client_ip": f"10.{d.rand.randint(0, 40)}.{d.rand.randint(0, 255)}.{d.rand.randint(2, 254)}",
        "request_id": d.values["uuid"],
        "otel.kind": "server",
        "otel.name": f"{method} {path}",
    }
    record: dict[str, object] = {
        "v": 0,
        "name": svc,
        "level": 50,
        "hostname": d.host,
        "pid": 1,
        "time": d.iso(9 if d.index % 2 else 6),
    }
    backtrace = bool(d.opts.get("backtrace"))
    if d.opts.get("bunyan") == "end":
        # tracing-actix-web's DefaultRootSpanBuilder: the root span closes with the error's
        # Display and Debug recorded; tracing-bunyan-formatter logs the END at the span's level.
        record.update(
            msg="[HTTP REQUEST - END]",
            level=30,
            target="tracing_actix_web::root_span_builder",
            line=41,
            file="/usr/local/cargo/registry/src/index.crates.io-6f17d22bba15001f/tracing-actix-web-0.7.11/src/root_span_builder.rs",
        )
        record.update(span)
        record["http.status_code"] = 500
        record["otel.status_code"] = "ERROR"
        record["exception.message"] = d.thrown.value
        record["exception.details"] = anyhow_debug(d.chain, backtrace)
        record["elapsed_milliseconds"] = d.rand.randint(3, 4_000)
        return _compact(record)
    app = [f for f in d.frames if f.in_app and not f.function.startswith(("std::", "core::"))]
    where = app[-1] if app else None
    target = (
        where.function.split("::{{closure}}")[0].rsplit("::", 1)[0]
        if where
        else svc.replace("-", "_")
    )
    record.update(msg=f"[HTTP REQUEST - EVENT] {d.bug.log or 'request failed'}", target=target)
    if where:
        record.update(line=where.line + d.release * 2, file=where.file)
    record.update(span)
    record["error"] = anyhow_debug(d.chain, backtrace)
    return _compact(record)


def _panic_line(d: Delivery) -> str:
    """One line of the default panic hook's output, as a stderr line makes one event."""
    part = str(d.opts.get("pline", "head"))
    thread = str(d.opts.get("thread", f"actix-rt|system:0|arbiter:{d.rand.randint(0, 7)}"))
    if part == "payload":
        return d.thrown.value.split("\n", 1)[0]
    if part == "frame":
        frames = list(reversed(d.frames))
        app = [
            (i, f)
            for i, f in enumerate(frames)
            if f.in_app and not f.function.startswith(("std::", "core::", "rust_"))
        ]
        i, f = app[0]
        return f"{i:>4}: {f.function}"
    return f"thread '{thread}' panicked at {rust_panic_location(d.frames)}:"


def _cri_meta(d: Delivery) -> dict[str, object]:
    svc = d.service.name
    return {
        "pod_name": d.host,
        "namespace_name": "fleet",
        "pod_id": d.values["uuid"],
        "container_name": svc,
        "container_image": f"registry.gamblesby.example/fleet/{svc}:{d.company.releases[d.release]}",
        "host": f"ip-10-30-{d.rand.randint(0, 15)}-{d.rand.randint(2, 250)}.eu-west-2.compute.internal",
        "labels": {"app.kubernetes.io/name": svc, "pod-template-hash": d.host.rsplit("-", 2)[1]},
    }


def nh_fluentd(d: Delivery) -> tuple[str, Fields]:
    """fluent-plugin-splunk-hec posting the whole tailed record as the HEC event."""
    line = _panic_line(d) if d.opts.get("panic") else _bunyan(d)
    record = {
        "log": line + "\n",
        "stream": "stderr" if d.opts.get("panic") else "stdout",
        "docker": {"container_id": stable_hex(64, d.company.key, d.host)},
        "kubernetes": _cri_meta(d),
    }
    return _compact(record), {}


def nh_dd(d: Delivery) -> tuple[str, Fields]:
    """The Datadog Agent's container log: the JSON line parsed, or a panic's one line."""
    return (_panic_line(d) if d.opts.get("panic") else _bunyan(d)), {}


# --- ni: aiohttp + confluent-kafka on OpenShift, python-json-logger ------------------------------


def _pjl(d: Delivery) -> str:
    record: dict[str, object] = {
        "asctime": d.stamp("%Y-%m-%d %H:%M:%S") + f",{d.millis}",
        "levelname": "ERROR",
        "name": d.logger,
        "message": d.log_message,
    }
    entry = d.bug.entry
    if entry.split(" ", 1)[0] in ("GET", "POST", "PUT", "PATCH", "DELETE"):
        record["request_id"] = d.values["uuid"]
        record["path"] = d.request_path
    elif entry:
        record["topic"] = entry
        record["partition"] = int(d.values["part"])
        record["offset"] = int(d.values["offset"])
    if not d.opts.get("no_exc"):
        record["exc_info"] = python_traceback(d.chain)
    return _compact(record)


def ni_sck(d: Delivery) -> tuple[str, Fields]:
    """Splunk Connect for OpenShift: the line as the event, the pod's metadata as fields."""
    svc = d.service.name
    cid = stable_hex(64, d.company.key, d.host)
    return _pjl(d), {
        "namespace": "grocer-prod",
        "pod": d.host,
        "container_name": svc,
        "container_id": cid,
        "cluster_name": "ocp4-lhr-prod",
        "label_app": svc,
        "source": f"/var/log/containers/{d.host}_grocer-prod_{svc}-{cid}.log",
    }


def ni_dd(d: Delivery) -> tuple[str, Fields]:
    return _pjl(d), {}


# --- nj: Electron main process, electron-log's remote transport ---------------------------------


def _asar(d: Delivery) -> str:
    if d.browser == "electron-win":
        return f"C:\\Users\\{d.values['email'].split('.', 1)[0]}\\AppData\\Local\\Programs\\greysouthen-studio\\resources\\app.asar\\out\\main\\"
    return "/Applications/Greysouthen Studio.app/Contents/Resources/app.asar/out/main/"


def _main_stack(d: Delivery) -> str:
    """The main process' ``err.stack``: electron-vite's bundle inside the asar."""
    stack = node_stack(d.thrown, d.thrown.value)
    root = _asar(d)
    out = []
    for line in stack.split("\n"):
        if "/app/dist/main/" in line:
            tail = line.split("/app/dist/main/", 1)[1]
            _, _, pos = tail.partition(":")
            line = (
                line.split("/app/dist/main/", 1)[0]
                + root
                + "index.js:"
                + str(int(pos.split(":")[0]) * 7 + 120)
                + ":"
                + pos.split(":")[1]
            )
        out.append(line)
    return "\n".join(out)


def _remote(d: Delivery) -> dict[str, object]:
    return {
        "client": {
            "name": "Greysouthen Studio",
            "version": d.service.releases[d.release].split("@")[1],
            "os": "win32" if d.browser == "electron-win" else "darwin",
        },
        "data": [d.log_message, _main_stack(d)],
        "date": d.iso(3),
        "level": "error",
        "scope": str(d.opts.get("logscope", "main")),
        "variables": {"processType": "main"},
    }


def nj_relay(d: Delivery) -> tuple[str, Fields]:
    """The relay's HEC event: electron-log's remote body as it arrived."""
    return _compact(_remote(d)), {"app_version": d.service.releases[d.release].split("@")[1]}


def nj_dd(d: Delivery) -> tuple[str, Fields]:
    """The relay's Datadog HTTP intake record: standard error attributes."""
    body = _remote(d)
    record = {
        "message": d.log_message,
        "status": "error",
        "service": d.service.name,
        "ddsource": "electron-log",
        "logger": {"name": body["scope"]},
        "error": {"kind": d.thrown.type, "message": d.thrown.value, "stack": _main_stack(d)},
        "app": body["client"],
    }
    return _compact(record), {}


FORMATS123: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "nh-fluentd": nh_fluentd,
    "nh-dd": nh_dd,
    "ni-sck": ni_sck,
    "ni-dd": ni_dd,
    "nj-relay": nj_relay,
    "nj-dd": nj_dd,
}
