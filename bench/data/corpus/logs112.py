"""blind112's log formats.

- ``ma-vector``: NestJS 10 API and BullMQ workers on Node 20 in GKE, logging pino JSON to
  stdout (pino's ``err`` serializer: ``type``, ``message``, ``stack``), read by Vector's
  ``kubernetes_logs`` source and sent by its ``splunk_hec_logs`` sink with the JSON codec: the
  HEC ``event`` is Vector's log event (``file``, ``kubernetes.*`` with ``pod_name``,
  ``pod_namespace``, ``pod_labels``, ``container_image``..., ``message``, ``source_type``,
  ``stream``, ``timestamp``; keys sorted), ``fields`` the sink's ``indexed_fields``, ``host``
  the node. On the API's pipeline ``message`` is the pino line as a string; the workers'
  pipeline has a ``remap`` that merges ``parse_json!(.message)`` into the event and drops
  ``message`` (``opts.parsed``). ``opts.kind``: ``filter`` (the team's global exception
  filter: ``logger.error({err, req}, "unhandled exception")``, the thrown type kept),
  ``nest`` (Nest's ``ExceptionsHandler`` through nestjs-pino: ``err.type`` ``Error``),
  ``worker`` (the processors' ``failed`` listener: ``jobId``, ``queue``, ``attemptsMade``),
  ``crash`` (Node's uncaught-exception report on stderr, one Vector event per line:
  ``opts.part`` ``head`` the ``file:line``, ``exc`` the ``Type: message`` line, or a number,
  an index into the report's lines), ``heap`` (V8's ``FATAL ERROR: Reached heap limit``).
- ``ma-pino``: the same pino line as the Datadog agent reads it from the container (JSON
  attributes; a crash line as text).
- ``mb-firehose``: Go 1.22 services on ECS Fargate with the ``awslogs`` driver (one CloudWatch
  event per stdout/stderr line) on ``log/slog``'s ``JSONHandler``; a subscription filter sends
  the log group to Kinesis Data Firehose, which delivers to Splunk HEC. Without Firehose's
  message extraction the HEC event is the CloudWatch Logs subscription envelope itself
  (``messageType``, ``owner``, ``logGroup``, ``logStream``, ``subscriptionFilters``,
  ``logEvents[]`` of ``id``/``timestamp``/``message``); with it (``opts.extract``) the
  ``message`` alone. ``opts.kind`` ``panic``: an unrecovered panic on stderr, each line its own
  CloudWatch event (``opts.events`` how many of them one envelope holds, ``opts.part`` which
  line an extracted row is).
- ``mb-cwline``: one such stderr line as the Datadog Forwarder Lambda posts it (text).
- ``mc-cloudrun``: a Dart 3 shelf API on Cloud Run; Cloud Logging's ``LogEntry`` exported by a
  log sink to Pub/Sub and the Pub/Sub to Splunk Dataflow template (the whole ``LogEntry`` as
  the HEC event). ``opts.kind``: ``json`` (the team's ``package:logging`` handler printing one
  JSON line: ``jsonPayload`` with ``message``, ``logger``, ``error``, ``stackTrace`` in
  ``package:stack_trace``'s terse form), ``shelf`` (shelf's ``logTopLevelError`` on stderr:
  ``ERROR - <DateTime.now()>``, ``Error thrown by handler.``, the error, the folded terse
  chain, each line a ``textPayload`` entry of its own; ``opts.part`` the line).
- ``mc-gcp-dd``: the same entry as Datadog's Google Cloud log forwarding keeps it (the
  ``jsonPayload`` as attributes, or the ``textPayload`` line).
"""

# Log lines are quoted whole, however long.
# ruff: noqa: E501

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .model import Frame
from .rand import stable_hex
from .traces import go_panic, node_path, node_position, node_stack

Fields = dict[str, str]
_HTTP = ("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")


def _compact(obj: object, sort: bool = False) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False, sort_keys=sort)


# --- ma: pino through Vector ------------------------------------------------------------------

_NS = "claims"


def _node(d: Delivery) -> str:
    return f"gke-haltcliffe-prod-pool-{d.rand.randint(1, 3)}-{stable_hex(8, 'manode', d.index % 5)}-{d.rand.alnum(4)}"


def _crash_lines(d: Delivery) -> list[str]:
    exc = d.thrown
    if d.opts.get("kind") == "heap":
        pid = d.rand.randint(1, 9)
        return [
            "",
            "<--- Last few GCs --->",
            "",
            f"[{pid}:0x{d.rand.hex(12)}]  {d.rand.randint(90_000, 400_000)} ms: Mark-Compact "
            f"{d.rand.randint(2000, 2040)}.{d.rand.randint(0, 9)} (2082.{d.rand.randint(0, 9)}) -> "
            f"{d.rand.randint(2000, 2040)}.{d.rand.randint(0, 9)} (2083.{d.rand.randint(0, 9)}) MB, "
            f"{d.rand.randint(900, 1900)}.{d.rand.randint(0, 99)} / 0.00 ms  (average mu = 0.{d.rand.randint(100, 300)}, "
            "current mu = 0.0{n}) allocation failure; scavenge might not succeed",
            "",
            "",
            "<--- JS stacktrace --->",
            "",
            "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory",
            "----- Native stack trace -----",
            "",
            f" 1: 0xb8{d.rand.hex(4)} node::OOMErrorHandler(char const*, v8::OOMDetails const&) [node]",
            f" 2: 0xf0{d.rand.hex(4)} v8::Utils::ReportOOMFailure(v8::internal::Isolate*, char const*, v8::OOMDetails const&) [node]",
        ]
    top = d.frames[-1]
    line, _ = node_position(top)
    context = top.context or "const x = undefined;"
    return [
        f"{node_path(top)}:{line}",
        f"        {context}",
        " " * (8 + max(0, context.find(".") + 1)) + "^",
        "",
        *node_stack(exc, exc.value).split("\n"),
        "",
        "Node.js v20.11.1",
    ]


def _pick(d: Delivery, lines: list[str]) -> str:
    part = str(d.opts.get("part", "exc"))
    if part == "head":
        return lines[0]
    if part == "exc":
        return next(x for x in lines if x.startswith(("FATAL ERROR", f"{d.thrown.type}:")))
    return lines[min(len(lines) - 1, int(part))]


def _ma_record(d: Delivery) -> dict[str, object]:
    exc = d.thrown
    kind = str(d.opts.get("kind", "filter" if d.bug.entry.startswith(_HTTP) else "worker"))
    stack = node_stack(exc, exc.value)
    record: dict[str, object] = {"level": 50, "time": d.epoch_ms, "pid": 1, "hostname": d.host}
    if kind in ("filter", "nest"):
        record["req"] = {
            "id": d.rand.randint(1, 240_000),
            "method": d.bug.entry.split(" ", 1)[0],
            "url": d.request_path,
            "query": {},
            "params": {},
            "headers": {
                "host": "api.haltcliffe.example",
                "user-agent": d.rand.choice(
                    ("okhttp/4.12.0", "Mozilla/5.0", "HaltcliffeApp/3.2 CFNetwork/1494.0.7")
                ),
                "x-cloud-trace-context": f"{d.rand.hex(32)}/{d.rand.randint(10**15, 10**16)};o=1",
            },
            "remoteAddress": f"::ffff:10.8.{d.rand.randint(0, 63)}.{d.rand.randint(2, 250)}",
            "remotePort": d.rand.randint(32_768, 60_999),
        }
    if kind == "nest":
        record["context"] = "ExceptionsHandler"
        record["err"] = {"type": "Error", "message": exc.value, "stack": stack}
        record["msg"] = exc.value
    elif kind == "filter":
        record["context"] = "AllExceptionsFilter"
        record["err"] = {"type": exc.type, "message": exc.value, "stack": stack}
        record["msg"] = f"unhandled exception on {d.bug.entry.split(' ', 1)[0]} {d.request_path}"
    else:
        record["context"] = d.bug.logger or "Processor"
        record["jobId"] = str(d.rand.randint(1_000, 99_999))
        record["queue"] = d.bug.entry
        record["attemptsMade"] = int(str(d.opts.get("attempts", 3)))
        record["err"] = {"type": exc.type, "message": exc.value, "stack": stack}
        record["msg"] = d.log_message
    return record


def _ma_line(d: Delivery) -> tuple[str, str]:
    """The container's line and its stream."""
    if d.opts.get("kind") in ("crash", "heap"):
        return d.values.fill(_pick(d, _crash_lines(d))), "stderr"
    return _compact(_ma_record(d)), "stdout"


def ma_vector(d: Delivery) -> tuple[str, Fields]:
    line, stream = _ma_line(d)
    pod, svc = d.host, d.service.name
    uid = d.rand.uuid()
    rs = pod.rsplit("-", 1)[0]
    event: dict[str, object] = {
        "file": f"/var/log/pods/{_NS}_{pod}_{uid}/{svc}/0.log",
        "kubernetes": {
            "container_id": f"containerd://{d.rand.hex(32)}{d.rand.hex(32)}",
            "container_image": f"europe-west2-docker.pkg.dev/haltcliffe-prod/apps/{svc}:{d.company.releases[d.release]}",
            "container_name": svc,
            "namespace_labels": {"kubernetes.io/metadata.name": _NS},
            "pod_ip": f"10.8.{d.rand.randint(0, 63)}.{d.rand.randint(2, 250)}",
            "pod_labels": {
                "app.kubernetes.io/name": svc,
                "pod-template-hash": rs.rsplit("-", 1)[1],
            },
            "pod_name": pod,
            "pod_namespace": _NS,
            "pod_node_name": _node(d),
            "pod_owner": f"ReplicaSet/{rs}",
            "pod_uid": uid,
        },
        "source_type": "kubernetes_logs",
        "stream": stream,
        "timestamp": d.iso(9),
    }
    if d.opts.get("parsed") and stream == "stdout":
        event.update(json.loads(line))
    else:
        event["message"] = line
    node = event["kubernetes"]["pod_node_name"]  # type: ignore[index]
    fields = {"cluster": "haltcliffe-prod-euw2", "namespace": _NS, "host": str(node)}
    fields["source"] = str(event["file"])
    return _compact(event, sort=True), fields


def ma_pino(d: Delivery) -> tuple[str, Fields]:
    line, _ = _ma_line(d)
    return line, {"level": "50"}


# --- mb: slog on ECS through CloudWatch Logs and Firehose -------------------------------------

_ACCOUNT = "739204118653"


def _mb_lines(d: Delivery) -> list[str]:
    from .logs import slog_json  # logs imports this module's FORMATS112

    if d.opts.get("kind") == "panic":
        text = go_panic(d.thrown, d.rand.randint(20, 900))
        # CloudWatch keeps no empty events: the blank line after the panic value is gone.
        return [x for x in text.split("\n") if x]
    return [slog_json(d)[0]]


def _mb_where(d: Delivery) -> tuple[str, str]:
    svc = d.service.name
    task = stable_hex(32, "mbtask", svc, d.release, d.index % 3)
    return f"/ecs/hindlow/{svc}", f"{svc}/{svc}/{task}"


def mb_firehose(d: Delivery) -> tuple[str, Fields]:
    lines = _mb_lines(d)
    group, stream = _mb_where(d)
    if d.opts.get("extract"):
        part = int(str(d.opts.get("part", 0)))
        return lines[min(part, len(lines) - 1)], {"source": f"aws:firehose:{group}"}
    events = lines[: int(str(d.opts.get("events", len(lines))))]
    first = d.rand.randint(10**55, 10**56 - 10**4)
    envelope = {
        "messageType": "DATA_MESSAGE",
        "owner": _ACCOUNT,
        "logGroup": group,
        "logStream": stream,
        "subscriptionFilters": ["hindlow-errors-to-firehose"],
        "logEvents": [
            {"id": str(first + i * 17), "timestamp": d.epoch_ms + i // 8, "message": line}
            for i, line in enumerate(events)
        ],
    }
    return _compact(envelope), {"source": "aws:firehose", "logGroup": group}


def mb_cwline(d: Delivery) -> tuple[str, Fields]:
    lines = _mb_lines(d)
    part = int(str(d.opts.get("part", 0)))
    return lines[min(part, len(lines) - 1)], {}


# --- mc: a Dart shelf API on Cloud Run --------------------------------------------------------


def _lib(f: Frame) -> str:
    if f.file.startswith("dart:"):
        return f.file.split("/", 1)[0]
    return "package:" + f.file.removeprefix("package:").split("/", 1)[0]


def terse(frames: tuple[Frame, ...]) -> str:
    """``Chain.terse`` of ``package:stack_trace``: innermost first, ``location  member``
    padded to the longest location; runs of core and shelf frames folded to one line naming
    the library; an async gap as ``===== asynchronous gap ===...``."""
    rows: list[tuple[str, str]] = []
    for f in reversed(frames):
        if f.file == "<asynchronous suspension>":
            rows.append(("=====", ""))
            continue
        if f.in_app:
            rows.append((f"{f.file} {f.line}:{f.col}", f.function))
            continue
        lib = _lib(f)
        if rows and rows[-1][0] == lib:
            continue
        rows.append((lib, f.function))
    width = max(len(loc) for loc, _ in rows if loc != "=====")
    out = []
    for loc, member in rows:
        if loc == "=====":
            out.append("===== asynchronous gap ===========================")
        else:
            out.append(f"{loc.ljust(width)}  {member}")
    return "\n".join(out)


def _mc_payload(d: Delivery) -> tuple[dict[str, object] | None, list[str]]:
    exc = d.thrown
    if d.opts.get("kind") == "shelf":
        now = f"{d.stamp('%Y-%m-%d %H:%M:%S')}.{d.millis}{d.rand.randint(0, 999):03d}"
        return None, [
            f"ERROR - {now}",
            "Error thrown by handler.",
            *exc.value.split("\n"),
            *terse(exc.frames).split("\n"),
        ]
    payload: dict[str, object] = {
        "message": d.log_message,
        "logger": d.bug.logger or "api",
        "error": exc.value,
        "stackTrace": terse(exc.frames),
    }
    return payload, []


def mc_cloudrun(d: Delivery) -> tuple[str, Fields]:
    payload, lines = _mc_payload(d)
    svc = d.service.name
    revision = f"{svc}-{stable_hex(3, 'mcrev', d.release).replace('a', 'q')}{d.release + 41:05d}"
    entry: dict[str, object] = {"insertId": d.rand.alnum(14)}
    if payload is not None:
        entry["jsonPayload"] = payload
    else:
        part = d.opts.get("part", 2)
        entry["textPayload"] = lines[min(int(str(part)), len(lines) - 1)]
    entry.update(
        {
            "labels": {"instanceId": "00" + d.rand.hex(40)},
            "logName": "projects/huttonroof-prod/logs/run.googleapis.com%2F"
            + ("stdout" if payload is not None else "stderr"),
            "receiveTimestamp": d.iso(9),
            "resource": {
                "labels": {
                    "configuration_name": svc,
                    "location": "europe-west2",
                    "project_id": "huttonroof-prod",
                    "revision_name": revision,
                    "service_name": svc,
                },
                "type": "cloud_run_revision",
            },
            "severity": "ERROR" if payload is not None else "DEFAULT",
            "timestamp": d.iso(6),
        }
    )
    return _compact(entry), {"source": "projects/huttonroof-prod/subscriptions/splunk-logs"}


def mc_gcp_dd(d: Delivery) -> tuple[str, Fields]:
    payload, lines = _mc_payload(d)
    if payload is not None:
        return _compact(payload), {}
    part = d.opts.get("part", 2)
    return lines[min(int(str(part)), len(lines) - 1)], {}


FORMATS112: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "ma-vector": ma_vector,
    "ma-pino": ma_pino,
    "mb-firehose": mb_firehose,
    "mb-cwline": mb_cwline,
    "mc-cloudrun": mc_cloudrun,
    "mc-gcp-dd": mc_gcp_dd,
}
