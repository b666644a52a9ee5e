"""blind35's log formats: structlog's ``ConsoleRenderer`` over a FastAPI API and arq's worker
log routed through structlog's ``ProcessorFormatter`` (dd), logrus text and JSON with
go-grpc-middleware's logging interceptor fields (de), Microsoft.Extensions.Logging's simple
and systemd console formatters under a minimal API and Quartz.NET (df).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .traces import dotnet_core_trace, python_traceback

Fields = dict[str, str]


def _kv(value: object) -> str:
    """ConsoleRenderer prints ``repr`` of a value: strings quoted only when they hold spaces."""
    text = str(value)
    return repr(text) if (" " in text or not text) else text


def _console(d: Delivery, event: str, logger: str, pairs: dict[str, object]) -> str:
    """``ConsoleRenderer(colors=False)`` with ``TimeStamper(fmt="iso")``: the level padded to
    the longest level name, the event padded to 30, ``[logger]``, sorted pairs, then the plain
    traceback (no rich installed in the image)."""
    kv = " ".join(f"{k}={_kv(v)}" for k, v in sorted(pairs.items()))
    head = f"{d.iso(6)} [error    ] {event:<30} [{logger}] {kv}".rstrip()
    return head + "\n" + python_traceback(d.chain)


def structlog_api(d: Delivery) -> tuple[str, Fields]:
    """The API's ``log.exception(...)`` with the request context bound by a middleware."""
    pairs: dict[str, object] = {"request_id": d.rand.uuid()}
    if " /" in d.bug.entry:
        pairs["method"] = d.bug.entry.split(" ", 1)[0]
        pairs["path"] = d.request_path
    extra = d.opts.get("kv")
    if isinstance(extra, dict):
        pairs.update({str(k): d.values.fill(str(v)) for k, v in extra.items()})
    event = d.log_message if d.bug.log else d.thrown.value.split("\n", 1)[0]
    return _console(d, event, d.logger, pairs), {"level": "error", "logger": d.logger}


def arq_failed(d: Delivery) -> tuple[str, Fields]:
    """arq's own ``'%6.2fs ! %s failed, %s: %s'`` (duration, ``<job_id>:<function>``, the
    exception's class and ``str``) through structlog's ``ProcessorFormatter``: a foreign stdlib
    record, so no bound pairs but the ``arq`` extra flattened by ``ExtraAdder``."""
    job_id = d.rand.hex(32)
    secs = d.rand.randint(1, 30_000) / 100
    first = d.thrown.value.split("\n", 1)[0]
    event = f"{secs:6.2f}s ! {job_id}:{d.bug.entry} failed, {d.thrown.type}: {first}"
    return _console(d, event, "arq.worker", {}), {"level": "error", "logger": "arq.worker"}


def _grpc_fields(d: Delivery) -> dict[str, object]:
    """go-grpc-middleware's logrus interceptor: the finished call's code, method and timing."""
    service, _, method = d.bug.entry.rpartition("/")
    return {
        "error": f"rpc error: code = {d.opts.get('code', 'Internal')} desc = {d.thrown.value}",
        "grpc.code": str(d.opts.get("code", "Internal")),
        "grpc.method": method,
        "grpc.service": service,
        "grpc.start_time": d.iso(0),
        # a float32 in the interceptor: a JSON number, ``%v`` in text
        "grpc.time_ms": d.rand.randint(2, 9_000) / 1000,
        "peer.address": (
            f"10.12.{d.rand.randint(0, 9)}.{d.rand.randint(2, 250)}:{d.rand.randint(32768, 60999)}"
        ),
        "span.kind": "server",
        "system": "grpc",
    }


# grpc_logrus' DefaultCodeToLevel: a failed call is logged at the level its code maps to.
_CODE_LEVEL = {
    "Unknown": "error",
    "Internal": "error",
    "Unimplemented": "error",
    "DataLoss": "error",
    "InvalidArgument": "info",
    "NotFound": "info",
    "AlreadyExists": "info",
    "Unauthenticated": "info",
}


def _level(d: Delivery) -> str:
    return _CODE_LEVEL.get(str(d.opts.get("code", "Internal")), "warning")


def _go_quote(text: str) -> str:
    if text and all(c.isalnum() or c in "-._/@^+" for c in text):
        return text
    return json.dumps(text, ensure_ascii=False)


def logrus_grpc_text(d: Delivery) -> tuple[str, Fields]:
    """logrus' ``TextFormatter`` (no TTY, full timestamps): time, level, msg, then the
    interceptor's fields sorted; values with spaces quoted Go-style."""
    code = str(d.opts.get("code", "Internal"))
    msg = f"finished unary call with code {code}"
    pairs: list[tuple[str, object]] = [
        ("time", d.iso(0, z=False)),
        ("level", _level(d)),
        ("msg", msg),
    ]
    pairs.extend(sorted(_grpc_fields(d).items()))
    return " ".join(f"{k}={_go_quote(str(v))}" for k, v in pairs), {"level": _level(d)}


def logrus_grpc_json(d: Delivery) -> tuple[str, Fields]:
    """logrus' ``JSONFormatter``: keys sorted by ``encoding/json``, ``<>&`` escaped."""
    code = str(d.opts.get("code", "Internal"))
    record: dict[str, object] = {
        **_grpc_fields(d),
        "level": _level(d),
        "msg": f"finished unary call with code {code}",
        "time": d.iso(0, z=False),
    }
    text = json.dumps(dict(sorted(record.items())), ensure_ascii=False, separators=(",", ":"))
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(ch, esc)
    return text, {"level": _level(d)}


def logrus_worker(d: Delivery) -> tuple[str, Fields]:
    """The outbox relay's own ``log.WithError(err).WithField(...).Error(msg)`` through the
    same ``JSONFormatter``: no stack, the error's ``%v`` chain only."""
    record: dict[str, object] = {
        "component": d.bug.entry,
        "error": d.thrown.value,
        "level": "error",
        "msg": d.log_message,
        "time": d.iso(0, z=False),
    }
    extra = d.opts.get("kv")
    if isinstance(extra, dict):
        for k, v in extra.items():
            value = d.values.fill(str(v))
            record[str(k)] = int(value) if value.isdigit() else value
    text = json.dumps(dict(sorted(record.items())), ensure_ascii=False, separators=(",", ":"))
    return text, {"level": "error"}


_PAD = "      "


def _category(d: Delivery) -> str:
    # The exception handler middleware logs EventId 1 ("UnhandledException"); Quartz logs none.
    default = 1 if d.logger.startswith("Microsoft.AspNetCore") else 0
    return f"{d.logger}[{d.opts.get('event_id', default)}]"


def mel_simple(d: Delivery) -> tuple[str, Fields]:
    """``AddSimpleConsole`` with ``TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fff "`` and
    ``UseUtcTimestamp``: ``fail: Category[EventId]``, the message and the exception's
    ToString() below, every line indented six spaces."""
    stamp = f"{d.stamp('%Y-%m-%dT%H:%M:%S')}.{d.millis} "
    body = d.log_message + "\n" + dotnet_core_trace(d.chain)
    indented = "\n".join(_PAD + line for line in body.split("\n"))
    return f"{stamp}fail: {_category(d)}\n{indented}", {"level": "fail", "category": d.logger}


def mel_systemd(d: Delivery) -> tuple[str, Fields]:
    """``AddSystemdConsole``: the syslog priority ``<3>``, ``Category[EventId]``, the message
    and the exception on ONE line (the formatter replaces each newline with a space)."""
    text = f"{d.log_message} {dotnet_core_trace(d.chain)}".replace("\n", " ")
    return f"<3>{_category(d)} {text}", {"level": "3", "category": d.logger}


FORMATS35: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "dd-structlog": structlog_api,
    "dd-arq": arq_failed,
    "de-logrus-grpc": logrus_grpc_text,
    "de-logrus-grpc-json": logrus_grpc_json,
    "de-logrus-relay": logrus_worker,
    "df-mel-simple": mel_simple,
    "df-mel-systemd": mel_systemd,
}
