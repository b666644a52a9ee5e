"""blind46's log formats: a Starlette/Litestar API and its SAQ workers on the team's own
``logging.Formatter`` subclass that writes one JSON object per record (ek), WildFly's default
``server.log`` pattern ``%d{yyyy-MM-dd HH:mm:ss,SSS} %-5p [%c] (%t) %s%e%n`` (el), and go-kit's
``log.NewLogfmtLogger`` with ``log.DefaultTimestampUTC``, ``log.DefaultCaller`` and the
OpenTelemetry trace and span ids the service adds to every line (em).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .traces import java_trace, python_traceback

Fields = dict[str, str]


def team_json(d: Delivery) -> tuple[str, Fields]:
    """The team's ``JsonLogFormatter.format``: ``record.__dict__`` picks, the traceback from
    ``formatException`` under ``exc``, and the SAQ job key where a worker logged it."""
    record: dict[str, object] = {
        "time": d.iso(3, z=False),
        "lvl": "error",
        "logger": d.logger,
        "msg": d.log_message,
        "exc": python_traceback(d.chain),
    }
    if d.bug.entry.startswith(("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")):
        record["path"] = d.request_path
        record["request_id"] = d.rand.uuid()
    else:
        record["job"] = f"saq:job:default:{d.rand.uuid()}"
    return json.dumps(record, ensure_ascii=False), {"lvl": "error", "logger": d.logger}


def wildfly_server_log(d: Delivery) -> tuple[str, Fields]:
    """WildFly's file handler pattern: the category in brackets, the thread in parentheses,
    then ``%e`` prints the whole ``Caused by:`` chain on the following lines."""
    stamp = f"{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis}"
    # Message-driven beans run on Artemis' client pool, requests on Undertow's task threads.
    if d.bug.entry.endswith("Listener"):
        thread = f"Thread-{d.rand.randint(0, 29)} (ActiveMQ-client-global-threads)"
    else:
        thread = f"default task-{d.rand.randint(1, 64)}"
    head = f"{stamp} ERROR [{d.logger}] ({thread}) {d.log_message}"
    return head + "\n" + java_trace(d.chain), {"level": "ERROR", "category": d.logger}


def _logfmt(value: str) -> str:
    if value and not any(c in value for c in ' "=\n'):
        return value
    return json.dumps(value)


def gokit_logfmt(d: Delivery) -> tuple[str, Fields]:
    """go-kit's logfmt from the service's logging middleware (``defer func(begin) {...}``):
    no stack, only ``err``'s ``Error()`` text, and ``caller`` is the middleware's own line,
    the same for every endpoint."""
    pairs = [
        ("ts", d.iso(6)),
        ("caller", str(d.opts.get("caller", "logging.go:41"))),
        ("level", "error"),
        ("method", d.bug.entry or "unknown"),
        ("trace_id", d.rand.hex(32)),
        ("span_id", d.rand.hex(16)),
    ]
    if d.bug.log:
        pairs.append(("msg", d.log_message))
    pairs += [("took", f"{d.rand.randint(2, 30_000) / 10:.1f}ms"), ("err", d.thrown.value)]
    return " ".join(f"{k}={_logfmt(v)}" for k, v in pairs), {"level": "error"}


FORMATS46: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "ek-team-json": team_json,
    "el-wildfly-server": wildfly_server_log,
    "em-gokit-logfmt": gokit_logfmt,
}
