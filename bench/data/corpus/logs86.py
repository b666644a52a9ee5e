"""blind86's log formats.

- ``ja-pino-otel``: pino 9's JSON line (numeric ``level``, ``time`` in epoch milliseconds,
  ``pid``, ``hostname``, pino's ``err`` serializer: ``type``, ``message``, ``stack``; the
  ``msg``) read from the container's stdout by the Splunk OpenTelemetry Collector for
  Kubernetes (filelog receiver, ``splunk_hec`` exporter): ``_raw`` is the JSON line, the row
  carries the resource attributes ``k8s.pod.name``, ``k8s.namespace.name``,
  ``k8s.container.name`` and ``service.name``. ``opts.kind``: ``http`` (pino-http's
  ``request errored`` with ``req`` and ``res``), ``app`` (the code's ``logger.error({ err },
  msg)``), ``nostack`` (a module logging ``opts.msg + ": " + err.message``: no ``err``).
- ``jb-laravel``: Laravel 11's default ``single``/``daily`` channel (Monolog's
  ``LineFormatter``: ``[date] production.ERROR: message {"exception":"[object] (Class(code:
  0): msg at /path:line)\\n[stacktrace]\\n#0 ..."}``), as the Datadog Agent tails it; with
  ``opts.lines`` the Agent's multi-line rule cut the event after that many lines.

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .traces import node_stack

Fields = dict[str, str]

_HTTP = ("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")


def ja_pino_otel(d: Delivery) -> tuple[str, Fields]:
    exc = d.thrown
    http = d.bug.entry.startswith(_HTTP)
    kind = str(d.opts.get("kind", "http" if http else "app"))
    message = exc.value
    record: dict[str, object] = {
        "level": 50,
        "time": d.epoch_ms,
        "pid": 1,
        "hostname": d.host,
    }
    if kind == "http":
        method = d.bug.entry.split(" ", 1)[0]
        record["req"] = {
            "id": d.rand.randint(1, 90_000),
            "method": method,
            "url": d.request_path,
            "query": {},
            "params": {},
            "headers": {"host": "api.hebden-cycles.example", "user-agent": "okhttp/4.12.0"},
            "remoteAddress": f"::ffff:{d.values['ip']}",
            "remotePort": int(d.values["port"]),
        }
        record["res"] = {"statusCode": 500, "headers": {"x-powered-by": "Express"}}
        record["err"] = {"type": exc.type, "message": message, "stack": node_stack(exc, message)}
        record["responseTime"] = d.rand.randint(3, 2400)
        record["msg"] = "request errored"
    elif kind == "nostack":
        record["msg"] = f"{d.opts.get('msg', d.log_message)}: {message}"
    else:
        record["err"] = {"type": exc.type, "message": message, "stack": node_stack(exc, message)}
        record["msg"] = d.log_message
    raw = json.dumps(record, separators=(",", ":"), ensure_ascii=False)
    fields = {
        "k8s.pod.name": d.host,
        "k8s.namespace.name": "hire",
        "k8s.container.name": d.service.name,
        "service.name": d.service.name,
        "level": "50",
    }
    return raw, fields


def jb_laravel(d: Delivery) -> tuple[str, Fields]:
    from .logs import laravel_text  # logs imports this module's FORMATS86

    raw, fields = laravel_text(d)
    if "lines" in d.opts:
        raw = "\n".join(raw.split("\n")[: int(str(d.opts["lines"]))])
    return raw, fields


FORMATS86: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "ja-pino-otel": ja_pino_otel,
    "jb-laravel": jb_laravel,
}

__all__ = ["FORMATS86"]
