"""blind102's log formats.

kw: a Rust axum 0.7 API on tokio logging with tracing-subscriber's ``fmt().json()``
(timestamp, level, ``fields`` with ``message`` and ``error``, ``target``, the current ``span``
and the ``spans`` list). tower-http's ``TraceLayer`` opens an ``http_request`` span with the
method, axum's ``MatchedPath`` (``/v1/orders/:order_id``) and the W3C trace id; the handler's
``#[instrument]`` span sits inside it. The handler logs an ``anyhow::Error`` as ``error = %err``
(the outermost context alone), ``error = %format!("{err:#}")`` (every context and cause on one
line) or ``error = ?err`` (the ``Caused by:`` list and the captured backtrace): ``opts.err``.
Vector's ``kubernetes_logs`` source parses each line (``parse_json!``) and ships the object to
Splunk HEC, so ``_raw`` is Vector's re-encoding: the keys sorted, the pod beside them. Panics go
through the team's panic hook as one tracing event ("A panic occurred").

ky: a Python 3.11 Tornado 6.4 service on stdlib ``logging``
(``%(asctime)s %(levelname)s [%(name)s] %(message)s``), a universal forwarder reading the file.
``opts.kind``: ``uncaught`` (``tornado.application``'s "Uncaught exception GET /path (ip)", the
``HTTPServerRequest`` repr, the traceback), ``team`` (the code's ``logger.exception``),
``access`` (``tornado.access``'s one line for the 500, no trace), ``tornadofmt`` (one host still
on Tornado's own ``LogFormatter``: ``[E 260302 10:14:07 web:1875]``). ``opts.cut``: the
forwarder closed the multi-line event after that many lines.

Each function returns the raw text and the fields a Splunk search extracts from it.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .traces import python_traceback, rust_panic_location, rust_std_backtrace

Fields = dict[str, str]


def _compact(obj: object, sort: bool = False) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False, sort_keys=sort)


# --- kw: tracing-subscriber JSON through Vector ------------------------------------------------


def _anyhow(d: Delivery, style: str) -> str:
    chain = list(reversed(d.chain))
    if style == "display":
        return chain[0].value
    if style == "alternate":
        return ": ".join(e.value for e in chain)
    text = chain[0].value
    causes = chain[1:]
    if len(causes) == 1:
        text += "\n\nCaused by:\n    " + causes[0].value
    elif causes:
        text += "\n\nCaused by:\n" + "\n".join(f"{i:>5}: {e.value}" for i, e in enumerate(causes))
    return text + "\n\nStack backtrace:\n" + rust_std_backtrace(d.frames)


def _axum_route(entry: str) -> str:
    path = entry.split(" ", 1)[-1]
    out = []
    for part in path.split("/"):
        out.append(":" + part[1:-1] if part.startswith("{") and part.endswith("}") else part)
    return "/".join(out)


def _spans(d: Delivery) -> list[dict[str, object]]:
    entry = d.bug.entry
    spans: list[dict[str, object]] = []
    trace_id = d.rand.hex(32)
    if entry.startswith(("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")):
        spans.append(
            {
                "method": entry.split(" ", 1)[0],
                "name": "http_request",
                "route": _axum_route(entry),
                "trace_id": trace_id,
            }
        )
    elif entry:
        spans.append({"job": entry, "name": "job", "trace_id": trace_id})
    inner = d.opts.get("inner")
    if inner:
        spans.append({"name": str(inner), "id": d.values["id"]})
    return spans


def _vector(d: Delivery, record: dict[str, object]) -> str:
    record["kubernetes"] = {
        "container_name": d.service.name,
        "pod_name": d.host,
        "pod_namespace": "shop",
    }
    record["source_type"] = "kubernetes_logs"
    return _compact(record, sort=True)


def axum_json(d: Delivery) -> tuple[str, Fields]:
    fields: dict[str, object] = {"message": d.log_message}
    extra = d.opts.get("fields", {})
    assert isinstance(extra, dict)
    fields.update({str(k): d.values.fill(str(v)) for k, v in extra.items()})
    fields["error"] = _anyhow(d, str(d.opts.get("err", "display")))
    record: dict[str, object] = {
        "timestamp": d.iso(6),
        "level": "ERROR",
        "fields": fields,
        "target": d.logger,
    }
    spans = _spans(d)
    if spans:
        record["span"] = spans[-1]
        record["spans"] = spans
    return _vector(d, record), {"level": "ERROR", "target": d.logger}


def axum_panic(d: Delivery) -> tuple[str, Fields]:
    """The team's panic hook: ``tracing::error!(panic.payload, panic.location, "A panic
    occurred")``, the backtrace only where ``RUST_BACKTRACE=1`` (``opts.backtrace``)."""
    fields: dict[str, object] = {
        "message": "A panic occurred",
        "panic.payload": d.thrown.value,
        "panic.location": rust_panic_location(d.frames),
    }
    if d.opts.get("backtrace"):
        fields["panic.backtrace"] = rust_std_backtrace(d.frames)
    record: dict[str, object] = {
        "timestamp": d.iso(6),
        "level": "ERROR",
        "fields": fields,
        "target": "orders_api::panic",
    }
    spans = _spans(d)
    if spans:
        record["span"] = spans[-1]
        record["spans"] = spans
    return _vector(d, record), {"level": "ERROR", "target": "orders_api::panic"}


# --- ky: Tornado on stdlib logging ------------------------------------------------------------


def _asctime(d: Delivery) -> str:
    return f"{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis}"


def _remote(d: Delivery) -> str:
    return f"10.{d.rand.randint(2, 30)}.{d.rand.randint(0, 255)}.{d.rand.randint(2, 254)}"


def _summary(d: Delivery, ip: str) -> str:
    method = d.bug.entry.split(" ", 1)[0]
    return f"{method} {d.request_path} ({ip})"


def _request_repr(d: Delivery, ip: str) -> str:
    method = d.bug.entry.split(" ", 1)[0]
    host = str(d.opts.get("host", "bookings.foxleytravel.example"))
    return (
        f"HTTPServerRequest(protocol='https', host='{host}', method='{method}', "
        f"uri='{d.request_path}', version='HTTP/1.1', remote_ip='{ip}')"
    )


def tornado_text(d: Delivery) -> tuple[str, Fields]:
    kind = str(d.opts.get("kind", "team" if d.bug.log else "uncaught"))
    trace = python_traceback(d.chain, carets=True)
    ip = _remote(d)
    if kind == "uncaught":
        raw = (
            f"{_asctime(d)} ERROR [tornado.application] Uncaught exception {_summary(d, ip)}\n"
            f"{_request_repr(d, ip)}\n{trace}"
        )
        logger = "tornado.application"
    elif kind == "tornadofmt":
        raw = (
            f"[E {d.stamp('%y%m%d %H:%M:%S')} web:1875] Uncaught exception {_summary(d, ip)}\n"
            f"{_request_repr(d, ip)}\n{trace}"
        )
        logger = "tornado.application"
    elif kind == "access":
        ms = f"{d.rand.randint(3, 9000)}.{d.rand.randint(0, 99):02d}"
        raw = f"{_asctime(d)} ERROR [tornado.access] 500 {_summary(d, ip)} {ms}ms"
        logger = "tornado.access"
    else:
        raw = f"{_asctime(d)} ERROR [{d.logger}] {d.log_message}\n{trace}"
        logger = d.logger
    n = int(str(d.opts.get("cut", 0)))
    if n:
        raw = "\n".join(raw.split("\n")[:n])
    return raw, {"log_level": "ERROR", "logger": logger}


FORMATS102: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "kw-axum-json": axum_json,
    "kw-axum-panic": axum_panic,
    "ky-tornado-text": tornado_text,
}
