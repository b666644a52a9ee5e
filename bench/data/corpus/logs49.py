"""blind49's log formats: Elixir's Logger with its default console format
(``$time $metadata[$level] $message``) as a Phoenix 1.7 release on Bandit and its Oban queues
write it to stdout (et), Akka 2.6's own ``StdOutLogger`` (no akka-slf4j: ``[ERROR]
[MM/dd/yyyy HH:mm:ss.SSS] [thread] [logSource] message`` and ``printStackTrace`` below, a
``NoStackTrace`` cause as `` (class)``) for Scala services on Akka HTTP (eu), and
tracing-subscriber's default JSON layer (not flattened: ``fields``, ``target``, ``span``,
``spans``) with anyhow errors recorded by ``?err`` (Debug: ``Caused by:``) or ``%err`` /
``{:#}``, and tower-http's ``TraceLayer`` failure event (ev).

Each function returns the ``_raw`` text and the fields a Splunk search extracts from it.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from .delivery import Delivery
from .traces import elixir_exception, java_trace

Fields = dict[str, str]

_HTTP = ("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")
# Plug.RequestId's ids: base64url.
_B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"


def _app_version(d: Delivery) -> str:
    """The OTP application and version ``Exception.format_stacktrace`` names for own frames."""
    name = d.release_name
    app, _, version = name.partition("@")
    return f"{app.replace('-', '_')} {version}"


def elixir_console(d: Delivery) -> tuple[str, Fields]:
    """Elixir 1.17's default console formatter with ``metadata: [:request_id, :job_id]``:
    ``12:03:04.567 request_id=F… [error] ** (KeyError) …`` and the stacktrace under it (Bandit
    reports a crashed request with ``Exception.format``). A job failure goes through the team's
    Oban telemetry handler: one line naming the worker and attempt, then ``Exception.format``."""
    stamp = f"{d.stamp('%H:%M:%S')}.{d.millis}"
    crash = elixir_exception(d.thrown, _app_version(d))
    if d.opts.get("genserver"):
        meta = ""
        state = d.values.fill(str(d.opts.get("state", "%{}")))
        message = (
            f"GenServer {d.opts['genserver']} terminating\n{crash}\n"
            f"Last message: {d.opts.get('last', ':tick')}\nState: {state}"
        )
    elif d.bug.entry.startswith(_HTTP):
        meta = f"request_id={d.rand.alnum(20, _B64URL)} "
        message = crash
    else:
        meta = f"job_id={d.rand.randint(100_000, 999_999)} "
        attempt = d.rand.randint(1, 5)
        queue = str(d.opts.get("queue", "default"))
        message = (
            f"[oban] {d.bug.entry} failed attempt={attempt}/20 queue={queue} kind=error\n{crash}"
        )
    return f"{stamp} {meta}[error] {message}", {"level": "error"}


def akka_stdout(d: Delivery) -> tuple[str, Fields]:
    """Akka 2.6 ``Logging.StdOutLogger`` (what an ``ActorSystem`` prints with no SLF4J
    logger configured): level, ``MM/dd/yyyy`` time, thread, log source, message, and the
    cause's ``printStackTrace`` on the next lines, or `` (class)`` for a ``NoStackTrace``
    cause such as ``AskTimeoutException``."""
    dispatcher = f"eusemere-akka.actor.default-dispatcher-{d.rand.randint(4, 31)}"
    thread = str(d.opts.get("thread", dispatcher))
    source = d.values.fill(str(d.opts.get("akka_source", "akka.actor.ActorSystemImpl(eusemere)")))
    stamp = f"{d.stamp('%m/%d/%Y %H:%M:%S')}.{d.millis}"
    if "akka_text" in d.opts:
        # A line without a cause (a warning, dead letters): the level and the text alone.
        level = str(d.opts.get("level", "WARN"))
        text = d.values.fill(str(d.opts["akka_text"]))
        return f"[{level}] [{stamp}] [{thread}] [{source}] {text}", {}
    if d.bug.log:
        message = d.log_message
    elif d.bug.entry.startswith(_HTTP):
        # Akka HTTP 10.2's default ExceptionHandler, through the system's log.
        first = d.thrown.value or f"{d.thrown.text_name} (No error message supplied)"
        message = (
            f"Error during processing of request: '{first}'. Completing with 500 Internal "
            "Server Error response. To change default exception handling behavior, provide a "
            "custom ExceptionHandler."
        )
    else:
        # A supervisor's failure: the cause's message.
        message = d.thrown.value
    head = f"[ERROR] [{stamp}] [{thread}] [{source}] {message}"
    if d.opts.get("nostack") or not d.thrown.frames:
        return f"{head} ({d.thrown.text_name})", {}
    return head + "\n" + java_trace(d.chain), {}


def _anyhow(d: Delivery) -> str:
    """An ``anyhow::Error`` as recorded: ``?err`` (Debug, the contexts then ``Caused by:``),
    ``%err`` (Display, the outermost context alone) or ``{:#}`` (all, joined by ``: ``)."""
    msgs = [e.value for e in reversed(d.chain)]
    how = str(d.opts.get("err", "debug"))
    if how == "display" or len(msgs) == 1:
        return msgs[0]
    if how == "alternate":
        return ": ".join(msgs)
    causes = "\n".join(f"    {i}: {m}" for i, m in enumerate(msgs[1:]))
    return f"{msgs[0]}\n\nCaused by:\n{causes}"


def _spans(d: Delivery) -> list[dict[str, object]]:
    if d.bug.entry.startswith(_HTTP):
        method = d.bug.entry.split(" ", 1)[0]
        return [{"method": method, "uri": d.request_path, "version": "HTTP/1.1", "name": "request"}]
    return [
        {"job_id": d.rand.uuid(), "kind": d.bug.entry, "name": "job"},
        {"attempt": d.rand.randint(1, 4), "name": "run"},
    ]


def tracing_json(d: Delivery) -> tuple[str, Fields]:
    """tracing-subscriber's ``fmt().json()`` with its defaults: ``timestamp``, ``level``,
    ``fields`` (the event's message and fields), ``target``, the current ``span`` and the
    ``spans`` list root first."""
    fields: dict[str, object] = {"message": d.bug.log or "request failed", "error": _anyhow(d)}
    extra = d.opts.get("fields")
    if isinstance(extra, dict):
        fields.update({str(k): d.values.fill(str(v)) for k, v in extra.items()})
    spans = _spans(d)
    record: dict[str, object] = {
        "timestamp": d.iso(6),
        "level": "ERROR",
        "fields": fields,
        "target": d.logger,
        "span": spans[-1],
        "spans": spans,
    }
    return json.dumps(record, separators=(",", ":"), ensure_ascii=False), {"level": "ERROR"}


def tower_failure(d: Delivery) -> tuple[str, Fields]:
    """tower-http ``TraceLayer``'s default ``on_failure``: "response failed" with the status
    classification and latency, in the request's span; nothing of the error itself."""
    spans = _spans(d)
    record: dict[str, object] = {
        "timestamp": d.iso(6),
        "level": "ERROR",
        "fields": {
            "message": "response failed",
            "classification": f"Status code: {d.opts.get('status', '500 Internal Server Error')}",
            "latency": f"{d.rand.randint(2, 4800)} ms",
        },
        "target": "tower_http::trace::on_failure",
        "span": spans[-1],
        "spans": spans,
    }
    return json.dumps(record, separators=(",", ":"), ensure_ascii=False), {"level": "ERROR"}


FORMATS49: dict[str, Callable[[Delivery], tuple[str, Fields]]] = {
    "et-elixir-console": elixir_console,
    "eu-akka-stdout": akka_stdout,
    "ev-tracing-json": tracing_json,
    "ev-tower-failure": tower_failure,
}
