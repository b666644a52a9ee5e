"""Log formats of blind10's companies (ag, ah, ai): Python's ``logging`` with the plain
``%(asctime)s [%(levelname)s] %(name)s: %(message)s`` pattern, and Go's ``log/slog``
``TextHandler`` (``time=... level=ERROR msg=... err=...``) as a gRPC interceptor writes it.

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it, as
in ``logs``; ``logs.FORMATS`` takes them in under these keys.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .traces import java_trace, python_traceback

Fields = dict[str, str]


def pylog_bracket(d: Delivery) -> tuple[str, Fields]:
    """``logging.basicConfig(format="%(asctime)s [%(levelname)s] %(name)s: %(message)s")``
    with ``logger.exception``: the traceback on the lines below the message."""
    head = f"{d.stamp('%Y-%m-%d %H:%M:%S')},{d.millis} [ERROR] {d.logger}: {d.log_message}"
    return head + "\n" + python_traceback(d.chain), {"levelname": "ERROR", "name": d.logger}


def _slog_value(value: str) -> str:
    """slog's text handler quotes a value (``strconv.Quote``) when it is empty or holds a
    space, an ``=``, a quote or a control character."""
    if not value or any(c in value for c in ' ="\\') or not value.isprintable():
        return json.dumps(value, ensure_ascii=False)
    return value


def slog_text(d: Delivery) -> tuple[str, Fields]:
    """``slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{AddSource: true}))``:
    the logging call's ``file:line`` as ``source``, the message, then the call's attributes
    (the gRPC method and status code from the server interceptor), ``err`` last."""
    app = [f for f in d.frames if f.in_app]
    pairs: list[tuple[str, str]] = [
        ("time", d.iso(3, z=False).replace("+00:00", "Z")),
        ("level", "ERROR"),
    ]
    if app and d.opts.get("add_source", True):
        pairs.append(("source", f"{app[-1].file}:{app[-1].line}"))
    pairs.append(("msg", str(d.opts.get("msg", d.bug.log or "rpc failed"))))
    attrs = d.opts.get("attrs", {})
    assert isinstance(attrs, dict)
    pairs.extend((str(k), d.values.fill(str(v))) for k, v in attrs.items())
    # The logging interceptor's "finished call" line names the error ``grpc.error``, as the
    # status the client got (``rpc error: code = Internal desc = ...``).
    key, template = str(d.opts.get("err_key", "err")), str(d.opts.get("err_format", "%v"))
    pairs.append((key, template.replace("%v", d.thrown.value)))
    line = " ".join(f"{k}={_slog_value(v)}" for k, v in pairs)
    return line, {"level": "ERROR", "msg": dict(pairs)["msg"]}


def _logger_39(logger: str) -> str:
    """logback's ``%logger{39}``: package segments cut to their first letter, leftmost first,
    until the name fits; the class name is kept whole."""
    parts = logger.split(".")
    for i in range(len(parts) - 1):
        if len(".".join(parts)) <= 39:
            break
        parts[i] = parts[i][:1]
    return ".".join(parts)


def spring_console(d: Delivery) -> tuple[str, Fields]:
    """Spring Boot 3's console pattern through logback's ``%wEx``: each ``Caused by:`` ends
    with ``... n common frames omitted`` (logback's wording, not the JDK's ``... n more``)."""
    thread = d.values.fill(str(d.opts.get("thread", f"nio-8080-exec-{d.rand.randint(1, 10)}")))
    head = (
        f"{d.iso(3)} ERROR 1 --- [{d.service.name}] [{thread[-15:]:>15}] "
        f"{_logger_39(d.logger):<40}: {d.log_message}"
    )
    # Tomcat's "threw exception [...] with root cause" prints the root cause alone.
    chain = d.chain[:1] if "with root cause" in d.log_message else d.chain
    lines = []
    for line in java_trace(chain).split("\n"):
        if line.startswith("\t... ") and line.endswith(" more"):
            line = line.removesuffix(" more") + " common frames omitted"
        lines.append(line)
    return head + "\n" + "\n".join(lines), {}


FORMATS10: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "pylog-bracket": pylog_bracket,
    "slog-text": slog_text,
    "spring-console": spring_console,
}

__all__ = ["FORMATS10"]
